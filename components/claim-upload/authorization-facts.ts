/**
 * The distributor's authorizations as the rules engine's facts: what the preflights (the upload's
 * and the claim form's) check lines against. Data only: the engine itself is loaded with the
 * preflight (preflight.ts), when a file is chosen or a line typed.
 */
import type { AuthorizationLineFact } from '../../core/claims/engine.js';
import type { AuthorizationView } from '../../core/authorization-view.js';
import type { ProgramType } from '../../core/domain.js';
import type { BecApi } from '../shared/api.js';

export type { AuthorizationView };

/** Turns authorizations (with account names and program rules) into the engine's facts. */
export function authorizationFacts(
  authorizations: readonly AuthorizationView[],
  accountNames: ReadonlyMap<number, string>,
  programs: ReadonlyMap<number, { type: ProgramType; requiredClaimFields: string[] }>,
): AuthorizationLineFact[] {
  return authorizations.flatMap((a) =>
    a.lines.map((l) => ({
      authorizationId: a.id,
      authorizationLineId: l.id,
      authorizationNumber: a.number,
      authorizationVersion: a.version,
      distributorId: a.distributorId,
      productId: l.productId,
      vendorPartNumber: l.vendorPartNumber,
      endCustomerId: l.endCustomerId,
      endCustomerName: l.endCustomerId === null ? null : (accountNames.get(l.endCustomerId) ?? null),
      authorizedCost: l.authorizedCost,
      approvedQuantity: l.approvedQuantity,
      consumedQuantity: l.consumedQuantity,
      validFrom: l.validFrom,
      validTo: l.validTo,
      programId: a.programId,
      programType: programs.get(a.programId)?.type ?? 'ship_and_debit',
      requiredFields: programs.get(a.programId)?.requiredClaimFields ?? [],
    })),
  );
}

/** The caller's authorizations, end customers and programs, as the engine's facts (what the preflights check against). */
export async function loadAuthorizationFacts(api: BecApi): Promise<AuthorizationLineFact[]> {
  const [auths, customers, programs] = await Promise.all([api.authorizations(), api.accounts('end_customer'), api.programs()]);
  return authorizationFacts(auths, new Map(customers.map((a) => [a.id, a.name])), new Map(programs.map((p) => [p.id, p])));
}
