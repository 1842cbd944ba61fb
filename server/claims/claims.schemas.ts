import { CLAIM_STATUSES, CLAIM_TYPES, LINE_VERDICTS, PROGRAM_TYPES } from '../../core/domain.js';
import { DateString, MoneyString, z } from '../http/openapi.js';

export const ClaimLineInput = z
  .object({
    authorizationNumber: z.string().min(1).max(40),
    vendorPartNumber: z.string().max(64).nullable().optional(),
    distributorPartNumber: z.string().max(64).nullable().optional(),
    endCustomerName: z.string().max(200).nullable().optional(),
    endCustomerId: z.number().int().positive().nullable().optional(),
    invoiceNumber: z.string().min(1).max(64),
    invoiceLine: z.union([z.string().min(1).max(16), z.number().int().nonnegative()]).transform(String),
    invoiceDate: DateString,
    shipDate: DateString.nullable().optional(),
    quantity: z.number().int().positive().max(100_000_000),
    bookCost: MoneyString,
    authorizedCost: MoneyString.nullable().optional().openapi({ description: 'the debit cost claimed per unit' }),
    resalePrice: MoneyString.nullable().optional(),
    claimedAmount: MoneyString.nullable().optional().openapi({ description: 'defaults to (bookCost - authorizedCost) x quantity' }),
    extra: z
      .record(z.string().max(60), z.string().max(255).nullable())
      .optional()
      .openapi({ description: 'program-mandated fields, e.g. resellerPoNumber' }),
  })
  .refine((l) => !!(l.vendorPartNumber || l.distributorPartNumber), {
    message: 'give vendorPartNumber or distributorPartNumber',
    path: ['vendorPartNumber'],
  })
  .refine((l) => !!(l.claimedAmount || l.authorizedCost), { message: 'give claimedAmount or authorizedCost', path: ['claimedAmount'] });
export type ClaimLineInput = z.infer<typeof ClaimLineInput>;

export const ClaimInput = z
  .object({
    debitMemoNumber: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .default(null)
      .openapi({ description: "the distributor's debit memo; unique per distributor, so a re-sent claim is refused" }),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'an ISO 4217 code such as USD')
      .transform((c) => c.toUpperCase())
      .optional()
      .openapi({
        description:
          "ISO 4217 code of the claim: the distributor's own (absent means it; another is refused with 422 CURRENCY_MISMATCH); usd is USD",
        example: 'USD',
      }),
    submit: z.boolean().default(false).openapi({ description: 'validate and submit at once' }),
    lines: z.array(ClaimLineInput).min(1).max(50_000),
  })
  .openapi('ClaimInput');
export type ClaimInput = z.infer<typeof ClaimInput>;

export const ClaimQuery = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  distributorId: z.coerce.number().int().positive().optional(),
  programType: z.enum(PROGRAM_TYPES).optional(),
  from: DateString.optional().openapi({ description: 'created on or after' }),
  to: DateString.optional().openapi({ description: 'created on or before' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ClaimQuery = z.infer<typeof ClaimQuery>;

export const AdjustLine = z
  .object({
    approvedAmount: MoneyString.openapi({
      description: 'the amount finance approves for the line; 0 rejects it and releases its POS line',
    }),
    reason: z.string().min(3).max(2000),
  })
  .openapi('AdjustLine');
export const NoteInput = z.object({ body: z.string().min(1).max(4000) }).openapi('NoteInput');
export const PayInput = z.object({ externalRef: z.string().max(64).nullable().default(null) }).openapi('PayInput');
export const LinesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0).openapi({ description: 'the last line number of the previous page' }),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export const LineParams = z.object({ id: z.coerce.number().int().positive(), lineId: z.coerce.number().int().positive() });

export const ClaimLineView = z
  .object({
    id: z.number(),
    lineNumber: z.number(),
    authorizationNumber: z.string().nullable(),
    authorizationLineId: z.number().nullable(),
    authorizationVersion: z.number().nullable(),
    productId: z.number().nullable(),
    vendorPartNumber: z.string().nullable(),
    distributorPartNumber: z.string().nullable(),
    endCustomerName: z.string().nullable(),
    invoiceNumber: z.string(),
    invoiceLine: z.string(),
    invoiceDate: z.string(),
    shipDate: z.string().nullable(),
    quantity: z.number(),
    bookCost: z.string(),
    authorizedCost: z.string().nullable(),
    resalePrice: z.string().nullable(),
    claimedAmount: z.string(),
    computedAmount: z.string(),
    acceptedQuantity: z.number(),
    approvedAmount: z.string(),
    verdict: z.enum(LINE_VERDICTS),
    reasonCodes: z.array(z.string()),
    rule: z.string().nullable(),
    verdictInputs: z.record(z.unknown()).nullable(),
    extra: z.record(z.unknown()).nullable(),
    resubmissionOfLineId: z.number().nullable(),
    adjustedByUserId: z.number().nullable(),
  })
  .openapi('ClaimLine');
export type ClaimLineView = z.infer<typeof ClaimLineView>;

export const ClaimView = z
  .object({
    id: z.number(),
    number: z.string(),
    distributorId: z.number(),
    programId: z.number().nullable(),
    programType: z.string().nullable(),
    type: z.enum(CLAIM_TYPES),
    status: z.enum(CLAIM_STATUSES),
    debitMemoNumber: z.string().nullable(),
    currency: z.string(),
    claimedTotal: z.string(),
    computedTotal: z.string(),
    approvedTotal: z.string(),
    lineCount: z.number(),
    submittedAt: z.string().nullable(),
    authorizedAt: z.string().nullable(),
    paidAt: z.string().nullable(),
    createdAt: z.string(),
    createdByUserId: z.number(),
    authorizedByUserId: z.number().nullable(),
    posImportId: z.number().nullable().openapi({ description: 'the POS import an implicit or automatic claim was built from' }),
    creditMemo: z
      .object({ number: z.string(), amount: z.string(), currency: z.string(), issuedAt: z.string(), externalRef: z.string().nullable() })
      .nullable(),
    lines: z.array(ClaimLineView).optional(),
  })
  .openapi('Claim');
export type ClaimView = z.infer<typeof ClaimView>;
