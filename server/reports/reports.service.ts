import { Money, moneyToString } from '../../core/money.js';
import { forecastDistributor } from '../../core/rebates/forecast.js';
import { amountsInBase } from '../../core/analytics/fx.js';
import { listRates } from '../analytics/fx.repository.js';
import type { Actor } from '../auth/actor.js';
import { distributorFilter, scopeOf } from '../auth/actor.js';
import { runningAccruals, unpaidPeriods } from '../rebates/rebates.service.js';
import { AGING_BUCKETS, claimAging, requestAging } from './aging.repository.js';
import * as repo from './reports.repository.js';

/** The forecast's default horizon, in weeks. */
export const FORECAST_WEEKS = 8;

/**
 * Open liability (authorized, unpaid), claims in review and paid, per claim currency; exposure by
 * distributor in the vendor's book currency (`baseCurrency`); the rebates accrued so far in the
 * running periods, and the rebate periods closed and not yet paid (what the journal holds for
 * them); every figure as of the end of `asOf` (today, UTC, by default).
 */
export async function accruals(actor: Actor, baseCurrency: string, asOf?: string) {
  const day = asOf ?? new Date().toISOString().slice(0, 10);
  const scope = scopeOf(actor);
  const [figures, rates, running, unpaid] = await Promise.all([
    repo.accruals(scope, day, baseCurrency),
    listRates({ to: baseCurrency, until: day }),
    runningAccruals(scope, day),
    unpaidPeriods(scope, day),
  ]);
  // Exposure of every currency in the base currency through the rate table (the one source of conversion).
  const exposures = figures.exposureByCurrency.map((e) => ({ currency: e.currency, amount: e.exposure }));
  const rebates = { ...running, unpaidPeriods: unpaid.items, unpaidByCurrency: unpaid.byCurrency };
  return { ...figures, exposureInBase: amountsInBase(exposures, rates, baseCurrency, day), rebates };
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

/**
 * The claims still to come, week by week, per distributor (its currency), by the method the
 * benchmark measures (core/rebates/forecast.ts: forecastDistributor, its default options): its
 * claim-through curve learned from its own history as of `asOf` (the weeks before the day's), a
 * change of lag weighed in, the recent level; each open authorization line's unclaimed quantity
 * spread over the weeks from the Monday after `asOf`, never past the line's validity. The open
 * liability only: no approvals still to come. Units are estimates (a number); money is exact:
 * each line's units, rounded to 4 places, times its credit per unit.
 */
export async function accrualForecast(actor: Actor, baseCurrency: string, q: { asOf?: string; weeks?: number; distributorId?: number }) {
  const asOf = q.asOf ?? new Date().toISOString().slice(0, 10);
  const horizon = q.weeks ?? FORECAST_WEEKS;
  // A distributor user's own (another's distributorId is a 403, not an empty forecast).
  const lines = await repo.forecastLines(scopeOf(actor), asOf, baseCurrency, distributorFilter(actor, q.distributorId));
  const asOfWeek = repo.weekOf(asOf);
  const firstWeek = asOfWeek + 1;
  const byDistributor = new Map<number, repo.ForecastLine[]>();
  for (const l of lines) byDistributor.set(l.distributorId, [...(byDistributor.get(l.distributorId) ?? []), l]);
  const items = [...byDistributor.values()].map((mine) => {
    const live = mine.filter((l) => l.live);
    const forecast = forecastDistributor({
      histories: mine,
      open: live.map((l) => ({ approvedWeek: l.approvedWeek, approvedQuantity: l.approvedQuantity, claimedQuantity: l.consumedQuantity })),
      asOfWeek,
      firstWeek,
      horizon,
    });
    const { curve } = forecast;
    const quantity = new Array<number>(horizon).fill(0);
    const amount = new Array<Money>(horizon).fill(new Money(0));
    let openQuantity = 0;
    live.forEach((l, i) => {
      openQuantity += l.approvedQuantity - l.consumedQuantity;
      const lastWeek = repo.weekOf(l.validTo);
      forecast.byAuthorization[i]!.forEach((units, h) => {
        if (firstWeek + h > lastWeek || units <= 0) return;
        const exact = new Money(units).toDecimalPlaces(4);
        quantity[h]! += exact.toNumber();
        amount[h] = amount[h]!.plus(exact.times(l.creditPerUnit));
      });
    });
    const total = amount.reduce((a, b) => a.plus(b), new Money(0));
    return {
      distributorId: mine[0]!.distributorId,
      distributorName: mine[0]!.distributorName,
      currency: mine[0]!.currency,
      curve: { cumulative: curve.cumulative.map((c) => Math.round(c * 10_000) / 10_000), support: curve.support },
      learnedFrom: mine.length,
      openQuantity,
      weeks: quantity.map((units, h) => ({
        weekStart: repo.mondayOf(firstWeek + h),
        quantity: Math.round(units * 100) / 100,
        amount: moneyToString(amount[h]!),
      })),
      totalQuantity: Math.round(quantity.reduce((a, b) => a + b, 0) * 100) / 100,
      totalAmount: moneyToString(total),
    };
  });
  return { asOf, firstWeek: repo.mondayOf(firstWeek), weeks: horizon, items };
}
