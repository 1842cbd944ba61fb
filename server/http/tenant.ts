import { scopeOf, type Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { wholeNumber } from './openapi.js';

/** A list's `distributorId` filter, as every list that takes one documents it. */
export const DistributorFilterQuery = wholeNumber(1).optional().openapi({
  description: "vendor users: one distributor's; a distributor user sees its own (its own id or none), another distributor's id is a 403",
});

/** The 403 a list taking `DistributorFilterQuery` documents (`describeRoute` errors). */
export const DISTRIBUTOR_FILTER_FORBIDDEN = "FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it)";

/**
 * The distributor a list is read for, from the `distributorId` its caller names: a vendor user
 * gets the one it names, or every distributor (undefined); a distributor user gets its own, and
 * naming another is a 403 naming the parameter, never its own data answered as if it were the
 * other's. One rule for every list, and for every way a file is sent on a distributor's behalf
 * (`intakeActor` for the API, `senderActor` for the command, the inbound directory and e-mail).
 */
export function distributorFilter(
  actor: Pick<Actor, 'role' | 'distributorId'>,
  named: number | undefined,
  field = 'distributorId',
): number | undefined {
  const own = scopeOf(actor).distributorId;
  if (own === null) return named;
  if (named !== undefined && named !== own) {
    const message = `distributor ${named} is not yours: a distributor user reads and sends its own distributor's data only (${own}, or leave ${field} out)`;
    throw new AppError('FORBIDDEN', `${field}: ${message}`, 403, { errors: [{ field, message }] });
  }
  return own;
}
