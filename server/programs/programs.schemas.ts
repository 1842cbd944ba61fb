import { PROGRAM_TYPES } from '../../core/domain.js';
import { checkProgramDefinition, MAX_FILING_WINDOW_DAYS } from '../../core/programs/definition.js';
import { QUANTITY_MAX } from '../http/money-schemas.js';
import { DateString, z } from '../http/openapi.js';

const ids = (what: string) => z.array(z.number().int().positive()).openapi({ description: `eligible ${what}; empty = all` });
const rules = {
  name: z.string().max(200),
  status: z.enum(['active', 'inactive']),
  startDate: DateString,
  endDate: DateString,
  productIds: ids('products (beside productFamilies; both empty = every product)'),
  productFamilies: z
    .array(z.string().max(60))
    .openapi({ description: 'eligible product families (products.family), beside productIds', example: ['MCU'] }),
  distributorIds: ids('distributors'),
  endCustomerIds: ids('end customers'),
  endCustomerCountries: z
    .array(z.string())
    .openapi({ description: 'the region: ISO 3166 countries the end customer must be in; empty = anywhere', example: ['DE', 'FR'] }),
  // Shapes only where checkProgramDefinition checks the value, so one bad value is one error.
  quantityCap: z
    .number()
    .int()
    .max(QUANTITY_MAX)
    .nullable()
    .openapi({ description: 'maximum quantity per request line (so per authorization line), above zero; null = none' }),
  priceFloor: z.string().nullable().openapi({
    description: 'lowest authorized cost a request (or a counter-offer) may set, a decimal string; null = none',
    example: '0.1500',
  }),
  requiredClaimFields: z.array(z.string().max(60)).openapi({
    description: 'claim fields every claim line must carry (a line field or an extra field name)',
    example: ['resellerPoNumber'],
  }),
  claimFilingWindowDays: z
    .number()
    .int()
    .nullable()
    .openapi({
      description: `days after the invoice date a claim line may be submitted (1 to ${MAX_FILING_WINDOW_DAYS}); null = no deadline`,
    }),
};

/** The builder's rules on top of the shapes (core/programs/definition.ts): one set of messages for the API and the form. */
const definitionIssues = (p: Parameters<typeof checkProgramDefinition>[0], ctx: z.RefinementCtx) => {
  for (const problem of checkProgramDefinition(p)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: problem.message,
      path: problem.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
    });
  }
};

export const ProgramInput = z
  .object({
    code: z.string().openapi({ description: 'upper-case letters, digits, - and _', example: 'SD-EMEA-27' }),
    type: z.enum(PROGRAM_TYPES),
    ...rules,
    status: rules.status.default('active'),
    productIds: rules.productIds.default([]),
    productFamilies: rules.productFamilies.default([]),
    distributorIds: rules.distributorIds.default([]),
    endCustomerIds: rules.endCustomerIds.default([]),
    endCustomerCountries: rules.endCustomerCountries.default([]),
    quantityCap: rules.quantityCap.default(null),
    priceFloor: rules.priceFloor.default(null),
    requiredClaimFields: rules.requiredClaimFields.default([]),
    claimFilingWindowDays: rules.claimFilingWindowDays.default(null),
  })
  .superRefine(definitionIssues)
  .openapi('ProgramInput');
export type ProgramInput = z.infer<typeof ProgramInput>;

/**
 * A change. On a program that requests or authorizations already use, it makes a new version
 * effective now (earlier versions are kept: GET /api/programs/{id}/versions).
 */
export const ProgramPatch = z.object(rules).partial().openapi('ProgramPatch');
export type ProgramPatch = z.infer<typeof ProgramPatch>;

export const ProgramView = z
  .object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    type: z.enum(PROGRAM_TYPES),
    status: z.enum(['active', 'inactive']),
    version: z.number().openapi({ description: 'the version in force' }),
    startDate: z.string(),
    endDate: z.string(),
    productIds: z.array(z.number()),
    productFamilies: z.array(z.string()),
    distributorIds: z.array(z.number()),
    endCustomerIds: z.array(z.number()),
    endCustomerCountries: z.array(z.string()),
    quantityCap: z.number().nullable(),
    priceFloor: z.string().nullable(),
    requiredClaimFields: z.array(z.string()),
    claimFilingWindowDays: z.number().nullable(),
  })
  .openapi('Program');
export type ProgramView = z.infer<typeof ProgramView>;

export const ProgramVersionView = z
  .object({
    version: z.number(),
    effectiveFrom: z.string().openapi({ description: 'the instant this version took effect (ISO 8601)' }),
    effectiveTo: z.string().nullable().openapi({ description: "the next version's effectiveFrom; null for the version in force" }),
    changedByUserId: z.number(),
    program: ProgramView.openapi({ description: 'the program as this version defined it' }),
  })
  .openapi('ProgramVersion');
export type ProgramVersionView = z.infer<typeof ProgramVersionView>;
