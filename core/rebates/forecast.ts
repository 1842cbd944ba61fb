/**
 * The claims still to come (issue 16, accruals): a distributor's claim-through curve — the share
 * of an authorization's approved quantity claimed by each week since its approval, learned from
 * its history — and a weekly forecast of the open authorizations' claims from it.
 *
 * The curve is a ratio estimator: for week k, the quantity claimed by week k over the quantity
 * approved, across the authorizations old enough to have a week k, each weighted by how recent
 * its approval is (a half-life), so a distributor whose behaviour changes is followed. It is made
 * non-decreasing and at most 1.
 *
 * The forecast spreads each open authorization's unclaimed quantity over the weeks ahead in the
 * shape of the rest of the curve, so it never predicts more than what is still unclaimed (nor,
 * summed, more than the approved quantity).
 */

/** One authorization's history: its approval week and the quantity claimed in each week since (index 0 = the approval week). */
export interface ClaimHistory {
  approvedWeek: number;
  approvedQuantity: number;
  /** claimed[k]: units claimed in week approvedWeek + k; weeks not yet lived are absent. */
  claimed: number[];
}

export interface CurveOptions {
  /** How many weeks after approval the curve covers; later claims count in the last week. */
  weeks?: number;
  /** The weight of an approval halves every `halfLifeWeeks` weeks back from `asOfWeek`. */
  halfLifeWeeks?: number;
}

/** cumulative[k]: the share of the approved quantity claimed by the end of week k since approval. */
export interface Curve {
  cumulative: number[];
  /** How many authorizations taught each week (0 means the week was carried from the one before). */
  support: number[];
}

/**
 * Learns the curve from histories as they stood at `asOfWeek` (weeks after it are ignored, so a
 * backtest learns only from the past).
 */
export function learnCurve(histories: readonly ClaimHistory[], asOfWeek: number, options: CurveOptions = {}): Curve {
  const weeks = options.weeks ?? 26;
  const halfLife = options.halfLifeWeeks ?? 13;
  const claimedBy = new Array<number>(weeks).fill(0);
  const approvedBy = new Array<number>(weeks).fill(0);
  const support = new Array<number>(weeks).fill(0);
  for (const h of histories) {
    if (h.approvedQuantity <= 0 || h.approvedWeek > asOfWeek) continue;
    const age = asOfWeek - h.approvedWeek;
    const weight = Math.pow(0.5, age / halfLife);
    let cumulative = 0;
    for (let k = 0; k < weeks && k <= age - 1; k++) {
      // Week k is complete only once week approvedWeek + k is over (strictly before asOfWeek).
      cumulative += h.claimed[k] ?? 0;
      if (k === weeks - 1) for (let j = weeks; j < Math.min(h.claimed.length, age); j++) cumulative += h.claimed[j] ?? 0;
      claimedBy[k]! += weight * Math.min(cumulative, h.approvedQuantity);
      approvedBy[k]! += weight * h.approvedQuantity;
      support[k]! += 1;
    }
  }
  const cumulative: number[] = [];
  let last = 0;
  for (let k = 0; k < weeks; k++) {
    const share = approvedBy[k]! > 0 ? claimedBy[k]! / approvedBy[k]! : last;
    last = Math.min(1, Math.max(last, share));
    cumulative.push(last);
  }
  return { cumulative, support };
}

/** An authorization still open at the forecast's week. */
export interface OpenAuthorization {
  approvedWeek: number;
  approvedQuantity: number;
  /** Units claimed so far (up to the forecast's week). */
  claimedQuantity: number;
}

/**
 * The units expected to be claimed in each of the `horizon` weeks from `asOfWeek` on (index 0 is
 * week `asOfWeek` itself: the weeks before it are history, `claimedQuantity` sums them).
 */
export function forecastClaims(
  curve: Curve,
  open: readonly OpenAuthorization[],
  asOfWeek: number,
  horizon: number,
  /**
   * Cash planning: the quantity expected to be approved each week from `asOfWeek` on (e.g. the
   * average of recent weeks); its claims are added in the curve's shape. 0 (the default) forecasts
   * the open authorizations alone, the liability the accruals carry.
   */
  newApprovalsPerWeek = 0,
): number[] {
  const c = curve.cumulative;
  const at = (k: number) => (k < 0 ? 0 : k >= c.length ? (c[c.length - 1] ?? 0) : c[k]!);
  const out = new Array<number>(horizon).fill(0);
  if (newApprovalsPerWeek > 0)
    for (let h = 0; h < horizon; h++) for (let j = 0; j <= h; j++) out[h]! += newApprovalsPerWeek * (at(h - j) - at(h - j - 1));
  for (const a of open) {
    const unclaimed = a.approvedQuantity - a.claimedQuantity;
    if (unclaimed <= 0) continue;
    const age = asOfWeek - a.approvedWeek;
    const doneShare = at(age - 1);
    const restShare = 1 - doneShare;
    if (restShare <= 0) continue;
    for (let h = 0; h < horizon; h++) {
      const step = at(age + h) - at(age + h - 1);
      out[h]! += (unclaimed * step) / restShare;
    }
  }
  return out;
}

/**
 * How far recent weeks fell from what was forecast for them one week ahead: the ratio of what was
 * claimed to what was forecast over the last `weeks` weeks, kept within [0.2, 5]. A distributor
 * filing late (a holiday, a change of habit) shows below 1 before its curve has learned it.
 */
export function recentLevel(actual: readonly number[], oneWeekAhead: readonly number[], weeks = 2): number {
  let a = 0;
  let f = 0;
  for (let i = 1; i <= weeks && i <= actual.length && i <= oneWeekAhead.length; i++) {
    a += actual[actual.length - i]!;
    f += oneWeekAhead[oneWeekAhead.length - i]!;
  }
  return f > 0 ? Math.min(5, Math.max(0.2, a / f)) : 1;
}

/** A forecast corrected by a recent level that fades back to 1 over the weeks ahead (by `decay` a week). */
export function withLevel(forecast: readonly number[], level: number, decay = 0.8): number[] {
  return forecast.map((x, h) => x * (1 + (level - 1) * Math.pow(decay, h)));
}
