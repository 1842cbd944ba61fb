import { wholeNumber } from './openapi.js';

/**
 * A list's `distributorId` filter, as every list that takes one documents it; the rule it is read
 * by is the actor's scope (`distributorFilter`, server/auth/actor.ts).
 */
export const DistributorFilterQuery = wholeNumber(1).optional().openapi({
  description: "vendor users: one distributor's; a distributor user sees its own (its own id or none), another distributor's id is a 403",
});

/** The 403 a list taking `DistributorFilterQuery` documents (`describeRoute` errors). */
export const DISTRIBUTOR_FILTER_FORBIDDEN = "FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it)";
