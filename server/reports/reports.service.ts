import { amountsInBase } from '../../core/analytics/fx.js';
import { listRates } from '../analytics/fx.repository.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { AGING_BUCKETS, claimAging, requestAging } from './aging.repository.js';
import * as repo from './reports.repository.js';

/**
 * Open liability (authorized, unpaid), claims in review and paid, per claim currency; exposure by
 * distributor in the vendor's book currency (`baseCurrency`); as of today (UTC).
 */
export async function accruals(actor: Actor, baseCurrency: string, asOf?: string) {
  const day = asOf ?? new Date().toISOString().slice(0, 10);
  const [figures, rates] = await Promise.all([
    repo.accruals(scopeOf(actor), day, baseCurrency),
    listRates({ to: baseCurrency, until: day }),
  ]);
  // Exposure of every currency in the base currency through the rate table (the one source of conversion).
  const exposures = figures.exposureByCurrency.map((e) => ({ currency: e.currency, amount: e.exposure }));
  return { ...figures, exposureInBase: amountsInBase(exposures, rates, baseCurrency, day) };
}

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
