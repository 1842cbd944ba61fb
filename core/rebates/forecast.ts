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
 *
 * `forecastDistributor` is the whole method, the one the API serves and the benchmark measures:
 * the curve, a change of lag (the approvals from some week on claimed a few weeks earlier or later
 * than before: found by how well each possible change explains the recent approvals' claims, the
 * curve learned with each approval aligned to its lag), a level learned from the last weeks'
 * one-week-ahead errors, and for cash planning the approvals still to come at a smoothed pace.
 * Everything it reads is before its week: a backtest through it learns only from the past.
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
 * The authorizations of one approval week, summed: what the curve learns from (they share their
 * age, so their weight, and a change of lag moves them together).
 */
interface Cohort {
  week: number;
  quantity: number;
  /** how many authorizations */
  count: number;
  weight: number;
  /** units claimed in each complete week since approval */
  claimed: number[];
  /** units claimed by the end of each complete week, each authorization's at most its approved quantity */
  cumulative: number[];
}

/** The approval weeks before `asOfWeek`, oldest first, with what was claimed in their complete weeks (before `asOfWeek`). */
function cohortsAsOf(histories: readonly ClaimHistory[], asOfWeek: number, halfLifeWeeks: number): Cohort[] {
  const byWeek = new Map<number, Cohort>();
  for (const h of histories) {
    if (h.approvedQuantity <= 0 || h.approvedWeek >= asOfWeek) continue;
    const age = asOfWeek - h.approvedWeek;
    let c = byWeek.get(h.approvedWeek);
    if (!c) {
      c = {
        week: h.approvedWeek,
        quantity: 0,
        count: 0,
        weight: Math.pow(0.5, age / halfLifeWeeks),
        claimed: new Array<number>(age).fill(0),
        cumulative: new Array<number>(age).fill(0),
      };
      byWeek.set(h.approvedWeek, c);
    }
    c.quantity += h.approvedQuantity;
    c.count += 1;
    let sum = 0;
    for (let k = 0; k < age; k++) {
      const q = h.claimed[k] ?? 0;
      sum += q;
      c.claimed[k]! += q;
      c.cumulative[k]! += Math.min(sum, h.approvedQuantity);
    }
  }
  return [...byWeek.values()].sort((a, b) => a.week - b.week);
}

/** Weighted sums per curve week: claimed by then, approved, and how many authorizations taught it. */
interface Tally {
  claimed: number[];
  approved: number[];
  support: number[];
}

const emptyTally = (weeks: number): Tally => ({
  claimed: new Array<number>(weeks).fill(0),
  approved: new Array<number>(weeks).fill(0),
  support: new Array<number>(weeks).fill(0),
});

/**
 * Adds a cohort to a tally, its lag shifted by `shift` weeks: what it
 * claimed by week k + shift since approval counts as the curve's week k. A week is counted only
 * once it is complete; the curve's last week takes every later claim.
 */
function addCohort(t: Tally, c: Cohort, shift: number) {
  const weeks = t.claimed.length;
  const known = c.cumulative.length;
  for (let k = 0; k < weeks; k++) {
    const at = k + shift;
    if (at < 0) continue;
    if (at >= known) break;
    t.claimed[k]! += c.weight * (k === weeks - 1 ? c.cumulative[known - 1]! : c.cumulative[at]!);
    t.approved[k]! += c.weight * c.quantity;
    t.support[k]! += c.count;
  }
}

function sumTallies(weeks: number, ...ts: Tally[]): Tally {
  const out = emptyTally(weeks);
  for (const t of ts)
    for (let k = 0; k < weeks; k++) {
      out.claimed[k]! += t.claimed[k]!;
      out.approved[k]! += t.approved[k]!;
      out.support[k]! += t.support[k]!;
    }
  return out;
}

/** The curve of a tally: the ratio per week, carried where nothing taught it, non-decreasing, at most 1. */
function curveOf(t: Tally): Curve {
  const cumulative: number[] = [];
  let last = 0;
  for (let k = 0; k < t.claimed.length; k++) {
    const share = t.approved[k]! > 0 ? t.claimed[k]! / t.approved[k]! : last;
    last = Math.min(1, Math.max(last, share));
    cumulative.push(last);
  }
  return { cumulative, support: [...t.support] };
}

/**
 * Learns the curve from histories as they stood at `asOfWeek` (weeks after it are ignored, so a
 * backtest learns only from the past).
 */
export function learnCurve(histories: readonly ClaimHistory[], asOfWeek: number, options: CurveOptions = {}): Curve {
  const weeks = options.weeks ?? FORECAST_OPTIONS.weeks;
  const t = emptyTally(weeks);
  for (const c of cohortsAsOf(histories, asOfWeek, options.halfLifeWeeks ?? FORECAST_OPTIONS.halfLifeWeeks)) addCohort(t, c, 0);
  return curveOf(t);
}

/** An authorization still open at the forecast's week. */
export interface OpenAuthorization {
  approvedWeek: number;
  approvedQuantity: number;
  /** Units claimed so far (up to the forecast's week). */
  claimedQuantity: number;
}

const curveAt = (c: readonly number[]) => (k: number) => (k < 0 ? 0 : k >= c.length ? (c[c.length - 1] ?? 0) : c[k]!);

/**
 * Adds to `out` one open authorization's claims from week `firstWeek` on: its unclaimed quantity
 * over the rest of the curve (read `shift` weeks late), times `weight`.
 */
function spreadOpen(out: number[], at: (k: number) => number, a: OpenAuthorization, firstWeek: number, shift: number, weight = 1) {
  const unclaimed = a.approvedQuantity - a.claimedQuantity;
  if (unclaimed <= 0) return;
  const age = firstWeek - a.approvedWeek - shift;
  const restShare = 1 - at(age - 1);
  if (restShare <= 0) return;
  for (let h = 0; h < out.length; h++) out[h]! += (weight * unclaimed * (at(age + h) - at(age + h - 1))) / restShare;
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
  const at = curveAt(curve.cumulative);
  const out = new Array<number>(horizon).fill(0);
  if (newApprovalsPerWeek > 0)
    for (let h = 0; h < horizon; h++) for (let j = 0; j <= h; j++) out[h]! += newApprovalsPerWeek * (at(h - j) - at(h - j - 1));
  for (const a of open) spreadOpen(out, at, a, asOfWeek, 0);
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

/** The factor a recent level puts on the forecast `weeksAhead` weeks ahead: it fades back to 1 by `decay` a week. */
export const levelFactor = (level: number, weeksAhead: number, decay: number) => 1 + (level - 1) * Math.pow(decay, weeksAhead);

/** A forecast corrected by a recent level that fades back to 1 over the weeks ahead (by `decay` a week). */
export function withLevel(forecast: readonly number[], level: number, decay = 0.8): number[] {
  return forecast.map((x, h) => x * levelFactor(level, h, decay));
}

/** The method's settings: the API and the benchmark use these (the benchmark adds the approvals still to come). */
export interface ForecastOptions {
  /** The curve's length, in weeks since approval (later claims count in its last week). */
  weeks: number;
  /** The weight of an approval halves every `halfLifeWeeks` weeks back. */
  halfLifeWeeks: number;
  /** How far back (approval weeks) a change of lag is looked for. */
  changeSearchWeeks: number;
  /** The approvals whose weekly claims judge how well a change of lag (or none) explains them: those of the last `changeScoreWeeks` weeks. */
  changeScoreWeeks: number;
  /** The shifts of lag tried, in weeks (negative: claims come earlier than before). */
  minShiftWeeks: number;
  maxShiftWeeks: number;
  /** The prior belief that the lag did not change (the rest is spread evenly over the changes tried). */
  noChangePrior: number;
  /** The recent level: the last `levelWeeks` weeks' claims over their one-week-ahead forecast, fading by `levelDecay` a week ahead. */
  levelWeeks: number;
  levelDecay: number;
  /** Cash planning: add the claims of the approvals still to come, at the pace of past approvals smoothed exponentially by `paceSmoothing`. */
  approvalsToCome: boolean;
  paceSmoothing: number;
}

export const FORECAST_OPTIONS: Readonly<ForecastOptions> = {
  weeks: 26,
  halfLifeWeeks: 13,
  changeSearchWeeks: 52,
  changeScoreWeeks: 16,
  minShiftWeeks: -4,
  maxShiftWeeks: 8,
  noChangePrior: 0.9,
  levelWeeks: 2,
  levelDecay: 0.6,
  approvalsToCome: false,
  paceSmoothing: 0.3,
};

/**
 * A possible change of lag: the approvals from week `fromWeek` on claim `shiftWeeks` weeks later
 * than those before (0: no change); `curve` is the one learned with them aligned (as the earlier
 * approvals claim); `weight` is how likely it is given the recent claims.
 */
export interface LagChange {
  fromWeek: number;
  shiftWeeks: number;
  weight: number;
  curve: Curve;
}

/**
 * The changes of lag that explain the claims as of `asOfWeek`, weighted (Bayesian model averaging
 * over "no change" and each change week × shift, with a Gaussian likelihood of the weekly claims
 * of the recent approvals against the curve each one learns).
 */
export function lagChanges(histories: readonly ClaimHistory[], asOfWeek: number, options: Partial<ForecastOptions> = {}): LagChange[] {
  const o = { ...FORECAST_OPTIONS, ...options };
  return changesOf(cohortsAsOf(histories, asOfWeek, o.halfLifeWeeks), asOfWeek, o);
}

function changesOf(cohorts: readonly Cohort[], asOfWeek: number, o: ForecastOptions): LagChange[] {
  const weeks = o.weeks;
  // The cohorts a change may start at; the older are never shifted.
  const firstSearched = asOfWeek - o.changeSearchWeeks + 1;
  const fixed = emptyTally(weeks);
  const searched = cohorts.filter((c) => c.week >= firstSearched);
  for (const c of cohorts) if (c.week < firstSearched) addCohort(fixed, c, 0);
  // unshifted[i]: the searched cohorts before i as they are.
  const n = searched.length;
  const unshifted: Tally[] = [emptyTally(weeks)];
  for (let i = 0; i < n; i++) {
    const t = sumTallies(weeks, unshifted[i]!);
    addCohort(t, searched[i]!, 0);
    unshifted.push(t);
  }
  const shifts: number[] = [];
  for (let s = o.minShiftWeeks; s <= o.maxShiftWeeks; s++) if (s !== 0) shifts.push(s);
  const scored = cohorts.filter((c) => c.week >= asOfWeek - o.changeScoreWeeks);
  const sse = (curve: Curve, fromWeek: number, shift: number) => {
    const at = curveAt(curve.cumulative);
    let sum = 0;
    let count = 0;
    for (const c of scored) {
      const s = c.week >= fromWeek ? shift : 0;
      for (let k = 0; k < c.claimed.length; k++) {
        const e = c.claimed[k]! - c.quantity * (at(k - s) - at(k - s - 1));
        sum += e * e;
        count++;
      }
    }
    return { sum, count };
  };
  const noChange = curveOf(sumTallies(weeks, fixed, unshifted[n]!));
  const base = sse(noChange, Infinity, 0);
  if (base.count < 3 || base.sum <= 0 || n === 0 || !shifts.length)
    return [{ fromWeek: Infinity, shiftWeeks: 0, weight: 1, curve: noChange }];
  // shifted.get(s)[i]: the searched cohorts from i on, shifted by s.
  const shifted = new Map<number, Tally[]>();
  for (const s of shifts) {
    const from: Tally[] = new Array<Tally>(n + 1);
    from[n] = emptyTally(weeks);
    for (let i = n - 1; i >= 0; i--) {
      const t = sumTallies(weeks, from[i + 1]!);
      addCohort(t, searched[i]!, s);
      from[i] = t;
    }
    shifted.set(s, from);
  }
  const logLikelihood = (s: number) => -(base.count / 2) * Math.log(Math.max(s, 1e-12 * base.sum) / base.count);
  const models: LagChange[] = [
    { fromWeek: Infinity, shiftWeeks: 0, weight: Math.log(o.noChangePrior) + logLikelihood(base.sum), curve: noChange },
  ];
  const prior = Math.log((1 - o.noChangePrior) / (n * shifts.length));
  for (let i = 0; i < n; i++)
    for (const s of shifts) {
      const curve = curveOf(sumTallies(weeks, fixed, unshifted[i]!, shifted.get(s)![i]!));
      const fromWeek = searched[i]!.week;
      models.push({ fromWeek, shiftWeeks: s, weight: prior + logLikelihood(sse(curve, fromWeek, s).sum), curve });
    }
  const best = Math.max(...models.map((m) => m.weight));
  for (const m of models) m.weight = Math.exp(m.weight - best);
  const kept = models.filter((m) => m.weight >= 1e-3);
  const total = kept.reduce((a, m) => a + m.weight, 0);
  return kept.map((m) => ({ ...m, weight: m.weight / total })).sort((a, b) => b.weight - a.weight);
}

/** The approvals' weekly quantity, smoothed exponentially (by `alpha`) over the weeks before `asOfWeek`. */
export function approvalPace(histories: readonly ClaimHistory[], asOfWeek: number, alpha: number): number {
  const byWeek = new Map<number, number>();
  for (const h of histories)
    if (h.approvedWeek < asOfWeek) byWeek.set(h.approvedWeek, (byWeek.get(h.approvedWeek) ?? 0) + h.approvedQuantity);
  if (!byWeek.size) return 0;
  const first = Math.min(...byWeek.keys());
  let pace = byWeek.get(first)!;
  for (let w = first + 1; w < asOfWeek; w++) pace += alpha * ((byWeek.get(w) ?? 0) - pace);
  return pace;
}

export interface ForecastInput {
  /** Every authorization approved by then, with its claims per week: what the curve, the change of lag and the level learn from (only weeks before `asOfWeek`). */
  histories: readonly ClaimHistory[];
  /** The authorizations whose claims are forecast (approved quantity, claimed so far). */
  open: readonly OpenAuthorization[];
  /** The weeks before it are complete. */
  asOfWeek: number;
  /** The first week forecast: `asOfWeek` by default (the API: the week after the day's, whose claims so far are in `claimedQuantity`). */
  firstWeek?: number;
  horizon: number;
}

export interface DistributorForecast {
  /** The curve of an approval made now (the changes of lag weighed in). */
  curve: Curve;
  /** The changes of lag weighed, most likely first (shiftWeeks 0: none). */
  lagChanges: { fromWeek: number | null; shiftWeeks: number; weight: number }[];
  /** The recent level applied (1: none). */
  level: number;
  /** Per open authorization (the order of `open`), the units expected each week from `firstWeek`; summed, never more than it has unclaimed. */
  byAuthorization: number[][];
  /** Cash planning: the claims of the approvals still to come (zeros unless `approvalsToCome`). */
  approvalsToCome: number[];
  /** The total per week. */
  weekly: number[];
}

/** One forecast of the open authorizations' claims, without the level: the changes of lag weighed. */
function spreadAll(models: readonly LagChange[], open: readonly OpenAuthorization[], firstWeek: number, horizon: number): number[][] {
  const out = open.map(() => new Array<number>(horizon).fill(0));
  for (const m of models) {
    const at = curveAt(m.curve.cumulative);
    open.forEach((a, i) => spreadOpen(out[i]!, at, a, firstWeek, a.approvedWeek >= m.fromWeek ? m.shiftWeeks : 0, m.weight));
  }
  return out;
}

/**
 * The forecast of one distributor's claims still to come, week by week from `firstWeek`: the
 * method of the API and of the benchmark (options: FORECAST_OPTIONS, which both use).
 * - the curve and the changes of lag as of `asOfWeek` (`lagChanges`); each open authorization's
 *   unclaimed quantity spread over the rest of each weighed curve, read at its lag;
 * - a recent level (`recentLevel`): the last `levelWeeks` weeks' claims of the authorizations then
 *   open, over what this same method forecast for them one week ahead (each as of its week), fading
 *   by `levelDecay` a week ahead; an authorization's forecast stays within what it has unclaimed;
 * - with `approvalsToCome`, the claims of the approvals still to come at the smoothed pace
 *   (`approvalPace`), at the lag of an approval made now.
 */
export function forecastDistributor(input: ForecastInput, options: Partial<ForecastOptions> = {}): DistributorForecast {
  const o = { ...FORECAST_OPTIONS, ...options };
  const { histories, open, asOfWeek, horizon } = input;
  const firstWeek = input.firstWeek ?? asOfWeek;
  const models = changesOf(cohortsAsOf(histories, asOfWeek, o.halfLifeWeeks), asOfWeek, o);
  const raw = spreadAll(models, open, firstWeek, horizon);

  // The level: each of the last weeks forecast one week ahead from the weeks before it.
  const actual: number[] = [];
  const oneWeekAhead: number[] = [];
  for (let u = asOfWeek - o.levelWeeks; u < asOfWeek; u++) {
    const then = histories.filter((h) => h.approvedWeek < u);
    if (!then.length) continue;
    const openThen = then.map((h) => ({
      approvedWeek: h.approvedWeek,
      approvedQuantity: h.approvedQuantity,
      claimedQuantity: h.claimed.slice(0, u - h.approvedWeek).reduce((a, b) => a + b, 0),
    }));
    const f = spreadAll(changesOf(cohortsAsOf(then, u, o.halfLifeWeeks), u, o), openThen, u, 1);
    oneWeekAhead.push(f.reduce((a, x) => a + x[0]!, 0));
    actual.push(then.reduce((a, h) => a + (h.claimed[u - h.approvedWeek] ?? 0), 0));
  }
  const level = o.levelWeeks > 0 ? recentLevel(actual, oneWeekAhead, o.levelWeeks) : 1;
  const factor = (h: number) => levelFactor(level, firstWeek - asOfWeek + h, o.levelDecay);

  const byAuthorization = raw.map((weekly, i) => {
    let left = Math.max(0, open[i]!.approvedQuantity - open[i]!.claimedQuantity);
    return weekly.map((x, h) => {
      const units = Math.min(left, x * factor(h));
      left -= units;
      return units;
    });
  });

  // The curve of an approval made now, and the approvals still to come on it.
  const weeks = o.weeks;
  const now = new Array<number>(weeks).fill(0);
  for (const m of models) {
    const at = curveAt(m.curve.cumulative);
    for (let k = 0; k < weeks; k++) now[k]! += m.weight * at(k - m.shiftWeeks);
  }
  // A weighted mean of non-decreasing curves: non-decreasing already (the running max only guards rounding).
  let last = 0;
  const top = models[0]!;
  const curve: Curve = {
    cumulative: now.map((c) => (last = Math.min(1, Math.max(last, c)))),
    support: now.map((_, k) => (k - top.shiftWeeks >= 0 && k - top.shiftWeeks < weeks ? top.curve.support[k - top.shiftWeeks]! : 0)),
  };
  const approvalsToCome = new Array<number>(horizon).fill(0);
  if (o.approvalsToCome) {
    const pace = approvalPace(histories, asOfWeek, o.paceSmoothing);
    const at = curveAt(curve.cumulative);
    for (let h = 0; h < horizon; h++)
      for (let w = asOfWeek; w <= firstWeek + h; w++)
        approvalsToCome[h]! += pace * (at(firstWeek + h - w) - at(firstWeek + h - w - 1)) * factor(h);
  }
  const weekly = approvalsToCome.map((x, h) => x + byAuthorization.reduce((a, f) => a + f[h]!, 0));
  return {
    curve,
    lagChanges: models.map((m) => ({
      fromWeek: Number.isFinite(m.fromWeek) ? m.fromWeek : null,
      shiftWeeks: m.shiftWeeks,
      weight: m.weight,
    })),
    level,
    byAuthorization,
    approvalsToCome,
    weekly,
  };
}
