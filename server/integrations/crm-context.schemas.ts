/**
 * A request as the approval context shows it: one shape for the API document (the router) and
 * for what the repository reads (its type is inferred here, never restated).
 */
import { LINE_FLAGS } from '../../core/requests/line-flags.js';
import { z } from '../http/openapi.js';

/**
 * The flags of an approval context: the CRM's (no registered deal, closed-lost opportunity), the
 * program floor's, and each line's book-cost flags from core/requests/line-flags.ts (the same rule
 * and codes the request API's lines carry). One list: the service's type and the API document's enum.
 */
export const CONTEXT_FLAG_CODES = ['NO_REGISTERED_DEAL', 'PRICE_BELOW_FLOOR', 'CLOSED_LOST_OPPORTUNITY', ...LINE_FLAGS] as const;
export type ContextFlagCode = (typeof CONTEXT_FLAG_CODES)[number];

export const RequestForContextSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.string(),
  programId: z.number().int(),
  programCode: z.string(),
  priceFloor: z.string().nullable(),
  distributor: z.object({ id: z.number().int(), name: z.string() }),
  endCustomer: z.object({ id: z.number().int(), name: z.string() }),
  opportunityRef: z.string().nullable(),
  dealRegistrationRef: z.string().nullable(),
  authorizationId: z.number().int().nullable(),
  authorizationNumber: z.string().nullable(),
  authorizationClosedLostOn: z
    .string()
    .nullable()
    .openapi({ description: "the close date of the lost opportunity that stopped the request's authorization for later sales" }),
  validFrom: z.string(),
  validTo: z.string(),
  createdAt: z.string(),
  lines: z.array(
    z.object({
      id: z.number().int(),
      productId: z.number().int(),
      vendorPartNumber: z.string(),
      quantity: z.number().int(),
      requestedCost: z.string(),
      counterCost: z.string().nullable(),
      bookCost: z.string().nullable().openapi({
        description:
          "the vendor's book cost on record today (UTC) for the request's distributor and this product, null if none (as the request API's lines carry it): what the flags PRICE_AT_OR_ABOVE_BOOK_COST and COUNTER_AT_OR_ABOVE_BOOK_COST compare against",
      }),
    }),
  ),
});
export type RequestForContext = z.infer<typeof RequestForContextSchema>;
