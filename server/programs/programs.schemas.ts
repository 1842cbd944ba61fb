import { PROGRAM_TYPES } from '../../core/domain.js';
import { Amount, Quantity } from '../http/money-schemas.js';
import { DateString, z } from '../http/openapi.js';

export const ProgramInput = z
  .object({
    code: z
      .string()
      .min(2)
      .max(40)
      .regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'upper-case letters, digits, - and _'),
    name: z.string().min(1).max(200),
    type: z.enum(PROGRAM_TYPES),
    status: z.enum(['active', 'inactive']).default('active'),
    startDate: DateString,
    endDate: DateString,
    productIds: z.array(z.number().int().positive()).default([]).openapi({ description: 'eligible products; empty = all' }),
    distributorIds: z.array(z.number().int().positive()).default([]).openapi({ description: 'eligible distributors; empty = all' }),
    endCustomerIds: z.array(z.number().int().positive()).default([]).openapi({ description: 'eligible end customers; empty = all' }),
    quantityCap: Quantity.nullable().default(null).openapi({ description: 'maximum quantity per request line' }),
    priceFloor: Amount.nullable().default(null).openapi({ description: 'lowest authorized cost a request may ask for' }),
    requiredClaimFields: z
      .array(z.string().min(1).max(60))
      .default([])
      .openapi({ description: 'extra fields every claim line must carry' }),
  })
  .refine((p) => p.endDate >= p.startDate, { message: 'endDate is before startDate', path: ['endDate'] })
  .openapi('ProgramInput');
export type ProgramInput = z.infer<typeof ProgramInput>;

export const ProgramPatch = z
  .object({
    name: z.string().min(1).max(200),
    status: z.enum(['active', 'inactive']),
    endDate: DateString,
    productIds: z.array(z.number().int().positive()),
    distributorIds: z.array(z.number().int().positive()),
    endCustomerIds: z.array(z.number().int().positive()),
    quantityCap: Quantity.nullable(),
    priceFloor: Amount.nullable(),
    requiredClaimFields: z.array(z.string().min(1).max(60)),
  })
  .partial()
  .openapi('ProgramPatch');
export type ProgramPatch = z.infer<typeof ProgramPatch>;

export const ProgramView = z
  .object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    type: z.enum(PROGRAM_TYPES),
    status: z.enum(['active', 'inactive']),
    startDate: z.string(),
    endDate: z.string(),
    productIds: z.array(z.number()),
    distributorIds: z.array(z.number()),
    endCustomerIds: z.array(z.number()),
    quantityCap: z.number().nullable(),
    priceFloor: z.string().nullable(),
    requiredClaimFields: z.array(z.string()),
  })
  .openapi('Program');
export type ProgramView = z.infer<typeof ProgramView>;
