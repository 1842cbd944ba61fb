/** The EDI routes' request and response shapes (zod, also the OpenAPI document). */
import { REASON_CODES } from '../../core/domain.js';
import { wholeNumber, z } from '../http/openapi.js';
import { DistributorFilterQuery } from '../http/tenant.js';

/** An interchange id: letters, digits and a few marks, never an X12 delimiter. */
const isaId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._&-]{0,14}$/, '1 to 15 letters, digits, spaces or . _ & - (ISA06/ISA08)');
const isaQualifier = z.string().regex(/^[A-Z0-9]{2}$/, 'two letters or digits (ISA05/ISA07), e.g. ZZ or 01');
const gsId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._&-]{0,14}$/, '1 to 15 letters, digits or . _ & - (GS02/GS03)');
const codes = z
  .array(z.string().regex(/^[A-Z0-9]{1,3}$/, 'a qualifier code: 1 to 3 letters or digits'))
  .min(1)
  .max(20);

export const PartnerBody = z
  .object({
    isaQualifier: isaQualifier.openapi({ description: "the distributor's ISA05 (ISA07 when we answer)" }),
    isaId: isaId.openapi({ description: "the distributor's ISA06 (ISA08 when we answer); unique among partners" }),
    ourIsaQualifier: isaQualifier.openapi({ description: "the vendor's ISA qualifier in this partnership" }),
    ourIsaId: isaId.openapi({ description: "the vendor's ISA id in this partnership" }),
    gsId: gsId.optional().openapi({ description: "the distributor's GS02 application code (its ISA id when absent)" }),
    ourGsId: gsId.optional().openapi({ description: "the vendor's GS03 application code (its ISA id when absent)" }),
    version: z.enum(['004010', '005010']).default('004010').openapi({ description: 'written in ISA12 and GS08' }),
    usage: z.enum(['P', 'T']).default('P').openapi({ description: 'ISA15: P production, T test' }),
    refs: z
      .object({ invoice: codes, authorization: codes, debitMemo: codes, customerPo: codes })
      .partial()
      .strict()
      .optional()
      .openapi({ description: 'REF01 qualifiers; `authorization` names the REF carrying the ship & debit number' }),
    productIds: z
      .object({ vendorPart: codes, distributorPart: codes, upc: codes })
      .partial()
      .strict()
      .optional()
      .openapi({ description: 'LIN/PO1 product-id qualifiers' }),
    prices: z
      .object({ resalePrice: codes, bookCost: codes, authorizedCost: codes })
      .partial()
      .strict()
      .optional()
      .openapi({ description: 'UIT03 / PO105 basis-of-price qualifiers' }),
    reasonCodes: z
      .record(z.enum(REASON_CODES), z.string().regex(/^[A-Z0-9]{1,3}$/))
      .optional()
      .openapi({ description: "the partner's own 849 reason codes where it does not use BEC's (docs/edi.md)" }),
    outboundEmail: z.string().email().max(254).nullable().optional().openapi({
      description: 'where every 997, TA1, 849 and 845 written to the partner is e-mailed (with SMTP_URL); absent: not by e-mail',
    }),
    notice845Minutes: wholeNumber(5, 525_600)
      .nullable()
      .optional()
      .openapi({ description: 'an 845 of the authorization changes since the last one every this many minutes; absent: only when asked' }),
  })
  .strict()
  .openapi('EdiPartnerInput');

const codeList = z.array(z.string());
export const PartnerView = z
  .object({
    distributorId: z.number(),
    settings: z.object({
      isaQualifier: z.string(),
      isaId: z.string(),
      ourIsaQualifier: z.string(),
      ourIsaId: z.string(),
      gsId: z.string().optional(),
      ourGsId: z.string().optional(),
      version: z.string(),
      usage: z.string(),
      refs: z.object({ invoice: codeList, authorization: codeList, debitMemo: codeList, customerPo: codeList }),
      productIds: z.object({ vendorPart: codeList, distributorPart: codeList, upc: codeList }),
      prices: z.object({ resalePrice: codeList, bookCost: codeList, authorizedCost: codeList }),
      reasonCodes: z.record(z.string(), z.string()).optional(),
    }),
    lastInterchangeControl: z.number().openapi({ description: 'the last ISA13 written to this partner (0: none yet)' }),
    lastGroupControl: z.number().openapi({ description: 'the last GS06 written' }),
    lastTransactionControl: z.number().openapi({ description: 'the last ST02 written' }),
    outboundEmail: z.string().nullable(),
    notice845Minutes: z.number().nullable(),
    updatedAt: z.string(),
  })
  .openapi('EdiPartner');

export const DistributorParam = z.object({ distributorId: wholeNumber(1) });

export const DocumentQuery = z
  .object({
    distributorId: DistributorFilterQuery,
    kind: z.enum(['997', 'TA1', '849', '845']).optional(),
    importId: wholeNumber(1).optional().openapi({ description: 'the documents answering this import' }),
    limit: wholeNumber(1, 500).default(100),
  })
  .strict();

export const DocumentView = z
  .object({
    id: z.number(),
    distributorId: z.number(),
    kind: z.string().openapi({
      description:
        '997: the acknowledgment of a received interchange; TA1: its interchange acknowledgment; 849: the answer to an 844 claim; 845: authorization changes',
    }),
    importId: z.number().nullable().openapi({ description: 'the import (POS report or claim file) whose file it answers' }),
    receivedControl: z.string().nullable().openapi({ description: 'the ISA13 of the interchange it answers' }),
    interchangeControl: z.number().openapi({ description: 'its own ISA13' }),
    coveredUntil: z.string().nullable().openapi({ description: 'an 845: the authorization changes up to this moment are in it' }),
    delivery: z
      .enum(['pending', 'delivered'])
      .nullable()
      .openapi({ description: 'pending: waits for the outbound folder / e-mail; delivered; null: no route was set when written' }),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('EdiDocument');

export const NoticesBody = z
  .object({
    since: z.string().datetime().optional().openapi({
      description: "the changes after this moment (ISO 8601); default: after the partner's last 845 (all, for its first)",
    }),
  })
  .strict()
  .openapi('EdiAuthorizationNoticesInput');

export const NoticesView = z
  .object({
    document: DocumentView.nullable().openapi({ description: 'the 845 written (download its content); null when nothing changed' }),
    changes: z.object({ new: z.number(), amended: z.number(), expired: z.number() }),
    from: z.string().nullable(),
    to: z.string(),
  })
  .openapi('EdiAuthorizationNotices');
