/**
 * The shapes of master data on the wire (issue 15 item 1). Each JSON input schema is also what a
 * row of a bulk CSV load is checked with (bulk.service.ts turns the row's cells into the same
 * object first), so a value the API refuses is refused in a file too, with the same message.
 */
import { ProductView as CatalogProduct } from '../catalog/catalog.router.js';
import { ACCOUNT_TYPES } from '../../core/domain.js';
import { Amount, CurrencyCode } from '../http/money-schemas.js';
import { DateString, wholeNumber, z } from '../http/openapi.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const Country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 two-letter country code such as US')
  .transform((c) => c.toUpperCase())
  .nullable()
  .optional();

export const ProductInput = z
  .object({
    vendorPartNumber: text(64),
    description: text(255),
    family: optionalText(100).openapi({ description: 'the product family' }),
    listPrice: Amount.nullable().optional(),
    currency: CurrencyCode.optional().openapi({ description: "the list price's currency; the vendor's book currency when absent" }),
  })
  .strict()
  .openapi('ProductInput');
export const ProductPatch = ProductInput.partial().strict().openapi('ProductPatch');
export const ProductView = z.object({ ...CatalogProduct.shape, currency: z.string(), active: z.boolean() }).openapi('MasterProduct');
export const ProductQuery = z
  .object({
    q: z.string().max(100).optional(),
    family: z.string().max(100).optional(),
    active: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const BookCostInput = z
  .object({
    distributorId: wholeNumber(1),
    productId: wholeNumber(1),
    cost: Amount.openapi({ description: "in the distributor's currency" }),
    effectiveFrom: DateString,
  })
  .strict()
  .openapi('BookCostInput');
export const BookCostView = z
  .object({
    id: z.number(),
    distributorId: z.number(),
    productId: z.number(),
    vendorPartNumber: z.string(),
    cost: z.string(),
    currency: z.string(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable().openapi({ description: 'the last day it holds (inclusive); null: open-ended' }),
  })
  .openapi('BookCost');
export const BookCostQuery = z.object({ distributorId: wholeNumber(1).optional(), productId: wholeNumber(1).optional() }).strict();

export const PartNumberInput = z
  .object({ distributorId: wholeNumber(1), distributorPartNumber: text(64), productId: wholeNumber(1) })
  .strict()
  .openapi('PartNumberInput');
export const PartNumberView = z
  .object({
    id: z.number(),
    distributorId: z.number(),
    distributorPartNumber: z.string(),
    productId: z.number(),
    vendorPartNumber: z.string(),
  })
  .openapi('PartNumber');
export const PartNumberQuery = z.object({ distributorId: wholeNumber(1).optional(), productId: wholeNumber(1).optional() }).strict();

/** The accounts master data manages besides distributors. */
export const PARTY_TYPES = ['end_customer', 'reseller'] as const;
export const PartyInput = z
  .object({
    type: z.enum(PARTY_TYPES),
    name: text(200),
    country: Country,
    crmId: optionalText(64).openapi({ description: "the CRM's id of the company (e.g. a Salesforce Account id)" }),
    externalRef: optionalText(64).openapi({ description: "another system's reference (ERP customer number)" }),
  })
  .strict()
  .openapi('PartyInput');
export const PartyPatch = PartyInput.omit({ type: true }).partial().strict().openapi('PartyPatch');
export const AccountView = z
  .object({
    id: z.number(),
    type: z.enum(ACCOUNT_TYPES),
    name: z.string(),
    country: z.string().nullable(),
    region: z.string().nullable(),
    currency: z.string().nullable(),
    crmId: z.string().nullable(),
    externalRef: z.string().nullable(),
    mergedIntoId: z
      .number()
      .nullable()
      .openapi({ description: 'set once merged into this survivor; a merged account is kept for the audit' }),
    mergedAt: z.string().nullable(),
  })
  .openapi('MasterAccount');
export const PartyQuery = z
  .object({
    type: z.enum(PARTY_TYPES).optional(),
    q: z.string().max(100).optional(),
    includeMerged: z.enum(['true', 'false']).optional(),
  })
  .strict();
export const MergeInput = z
  .object({
    intoId: wholeNumber(1).openapi({ description: 'the survivor: every reference to this account moves to it' }),
    reason: z.string().max(500).optional(),
  })
  .strict()
  .openapi('AccountMerge');
export const MergeResult = z
  .object({
    merged: AccountView,
    survivor: AccountView,
    repointed: z.record(z.number()).openapi({ description: 'rows re-pointed, per table.column' }),
  })
  .openapi('AccountMergeResult');

export const DistributorInput = z
  .object({
    name: text(200),
    currency: CurrencyCode.optional().openapi({
      description: "its book costs, authorizations and claims are in it; the vendor's book currency when absent",
    }),
    region: optionalText(60),
    country: Country,
    crmId: optionalText(64),
    externalRef: optionalText(64).openapi({ description: 'also what single sign-on maps a distributor attribute to' }),
  })
  .strict()
  .openapi('DistributorInput');
export const DistributorPatch = DistributorInput.partial().strict().openapi('DistributorPatch');
export const ContactInput = z
  .object({ name: text(200), email: z.string().trim().email().max(200), role: optionalText(100) })
  .strict()
  .openapi('DistributorContactInput');
export const ContactView = z
  .object({ id: z.number(), distributorId: z.number(), name: z.string(), email: z.string(), role: z.string().nullable() })
  .openapi('DistributorContact');
export const DistributorUserView = z
  .object({ id: z.number(), email: z.string(), name: z.string(), role: z.string(), active: z.boolean() })
  .openapi('DistributorUser');
export const DistributorDetail = z
  .object({ ...AccountView.shape, contacts: z.array(ContactView), users: z.array(DistributorUserView) })
  .openapi('MasterDistributor');
export const ContactParams = z.object({ id: wholeNumber(1), contactId: wholeNumber(1) });

export const BulkQuery = z
  .object({ dryRun: z.enum(['true', 'false']).optional().openapi({ description: 'true: check and preview, write nothing' }) })
  .strict();
export const BulkRowError = z.object({
  row: z.number().openapi({ description: 'record number; the header is 1' }),
  line: z.number().openapi({ description: 'the line of the file the record starts on' }),
  field: z.string().nullable(),
  message: z.string(),
});
export const BulkResult = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().openapi({ description: 'data rows read' }),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    errors: z.array(BulkRowError),
    preview: z
      .array(z.object({ row: z.number(), line: z.number(), action: z.enum(['create', 'update', 'unchanged']), key: z.string() }))
      .openapi({ description: 'what each row does (or would do), first 200 rows' }),
  })
  .openapi('BulkLoadResult');
