/**
 * A request as the approval context shows it: one shape for the API document (the router) and
 * for what the repository reads (its type is inferred here, never restated).
 */
import { z } from '../http/openapi.js';

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
    }),
  ),
});
export type RequestForContext = z.infer<typeof RequestForContextSchema>;
