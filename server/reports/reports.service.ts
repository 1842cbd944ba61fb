import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { AGING_BUCKETS, claimAging, requestAging } from './aging.repository.js';
import * as repo from './reports.repository.js';

/**
 * Open liability (authorized, unpaid), claims in review and paid, per claim currency; exposure by
 * distributor in the vendor's book currency (`baseCurrency`); as of today (UTC).
 */
export const accruals = (actor: Actor, baseCurrency: string, asOf?: string) =>
  repo.accruals(scopeOf(actor), asOf ?? new Date().toISOString().slice(0, 10), baseCurrency);

/** Claimed / approved / paid totals grouped by week (Monday), distributor or program type, and by currency. */
export async function claimFigures(actor: Actor, groupBy: repo.GroupBy, from?: string, to?: string, currency?: string) {
  const items = await repo.claimFigures(scopeOf(actor), groupBy, from ?? null, to ?? null, currency ?? null);
  const currencies = [...new Set(items.map((i) => i.currency))].sort();
  return { groupBy, ...(currency ? { currency: currency.toUpperCase() } : {}), currencies, items };
}

/** Unpaid submitted claims and pending requests by age, as of `asOf` (today, UTC, by default). */
export async function aging(actor: Actor, baseCurrency: string, asOf?: string) {
  const day = asOf ?? new Date().toISOString().slice(0, 10);
  const scope = scopeOf(actor);
  const [claims, requests] = await Promise.all([claimAging(scope, day, baseCurrency), requestAging(scope, day, baseCurrency)]);
  return {
    asOf: day,
    buckets: AGING_BUCKETS.map((b) => ({ ...b })),
    claims: { byDistributor: claims.rows, totals: claims.totals },
    requests: { byDistributor: requests.rows, totals: requests.totals },
  };
}
