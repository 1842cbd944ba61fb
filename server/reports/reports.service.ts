import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import * as repo from './reports.repository.js';

/** Open liability (authorized, unpaid), claims in review, paid, and exposure by distributor, as of today (UTC). */
export const accruals = (actor: Actor, asOf?: string) => repo.accruals(scopeOf(actor), asOf ?? new Date().toISOString().slice(0, 10));

/** Claimed / approved / paid totals grouped by week (Monday), distributor or program type. */
export async function claimFigures(actor: Actor, groupBy: repo.GroupBy, from?: string, to?: string) {
  const rows = await repo.claimFigures(scopeOf(actor), groupBy, from ?? null, to ?? null);
  return { groupBy, items: rows };
}
