/**
 * Two figures of issue 16 for `npm run bench`:
 * - the forecast backtest: a year of approvals and claims for several distributors with known
 *   claim-through behaviour (different lags, noise, a seasonal dip, one distributor whose lag
 *   changes mid-year); each week is forecast from the weeks before it and the mean absolute
 *   percentage error at 1, 4 and 8 weeks is set beside a naive forecast (the average of the last
 *   four weeks);
 * - a quarter's rebate calculation over a million POS lines, for each kind of rebate.
 * Both are pure CPU (core/rebates), seeded, so a run repeats.
 *   npx tsx bench/rebates.ts [--lines 1000000]
 */
import { calculateRebate } from '../core/rebates/calculate.js';
import { forecastDistributor, type ClaimHistory } from '../core/rebates/forecast.js';
import type { RebateSale, RebateTerms } from '../core/rebates/terms.js';

/** A small seeded generator (mulberry32), so every run sees the same year. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DistributorBehaviour {
  name: string;
  /** weeks from approval to the bulk of the claims, before and after `changeWeek` */
  lag: number;
  lagAfter?: number;
  changeWeek?: number;
  /** share of the approved quantity ever claimed */
  claimShare: number;
  /** authorizations approved a week, on average */
  approvalsPerWeek: number;
}

export const BEHAVIOURS: DistributorBehaviour[] = [
  { name: 'fast', lag: 1, claimShare: 0.9, approvalsPerWeek: 6 },
  { name: 'steady', lag: 3, claimShare: 0.8, approvalsPerWeek: 4 },
  { name: 'slow', lag: 7, claimShare: 0.85, approvalsPerWeek: 3 },
  { name: 'changes mid-year', lag: 2, lagAfter: 6, changeWeek: 20, claimShare: 0.75, approvalsPerWeek: 5 },
];
const WEEKS = 52;
/**
 * The seasonal dip: summer approvals fall by half (weeks 26 to 31), and distributors file more
 * slowly for four weeks (30 to 33: a fifth of the claims due then is filed over the four weeks after).
 */
const SEASON = { from: 26, to: 31, approvals: 0.5 };
const DIP = { from: 30, to: 33, factor: 0.8 };

/** One distributor's year: histories per authorization and the total claimed per calendar week. */
export function simulate(b: DistributorBehaviour, random: () => number) {
  const histories: ClaimHistory[] = [];
  const claimedInWeek = new Array<number>(WEEKS + 40).fill(0);
  for (let w = 0; w < WEEKS; w++) {
    const season = w >= SEASON.from && w <= SEASON.to ? SEASON.approvals : 1;
    const count = Math.max(0, Math.round(b.approvalsPerWeek * season * (0.8 + 0.4 * random())));
    for (let i = 0; i < count; i++) {
      const approved = 100 * Math.round(10 + 30 * random());
      const lag = b.changeWeek !== undefined && w >= b.changeWeek ? b.lagAfter! : b.lag;
      // Claims spread over lag-1 .. lag+3 weeks (a triangular shape), each week with noise.
      const shape = [1, 3, 4, 2, 1];
      const total = shape.reduce((x, y) => x + y, 0);
      const claimed: number[] = [];
      let left = Math.round(approved * b.claimShare);
      shape.forEach((s, j) => {
        const k = Math.max(0, lag - 1 + j);
        const q =
          j === shape.length - 1 ? left : Math.min(left, Math.round(((approved * b.claimShare * s) / total) * (0.8 + 0.4 * random())));
        left -= q;
        claimed[k] = (claimed[k] ?? 0) + q;
      });
      for (let k = 0; k < claimed.length; k++) claimed[k] ??= 0;
      // The seasonal dip: claims due in the dip are partly deferred, caught up over the 4 weeks after it.
      for (let k = 0; k < claimed.length; k++) {
        claimed[k] ??= 0;
        const week = w + k;
        if (week >= DIP.from && week <= DIP.to) {
          const moved = Math.round(claimed[k]! * (1 - DIP.factor));
          claimed[k]! -= moved;
          for (let j = 0; j < 4; j++) {
            const to = DIP.to + 1 + j - w;
            claimed[to] = (claimed[to] ?? 0) + (j < 3 ? Math.floor(moved / 4) : moved - 3 * Math.floor(moved / 4));
          }
        }
      }
      for (let k = 0; k < claimed.length; k++) claimed[k] ??= 0;
      histories.push({ approvedWeek: w, approvedQuantity: approved, claimed });
      claimed.forEach((q, k) => (claimedInWeek[w + k]! += q));
    }
  }
  return { histories, claimedInWeek };
}

/** Mean absolute percentage error (weeks with nothing claimed are left out: a percentage of nothing). */
const mape = (pairs: [number, number][]) => {
  const kept = pairs.filter(([, actual]) => actual > 0);
  return kept.reduce((s, [f, a]) => s + Math.abs(f - a) / a, 0) / kept.length;
};

export function forecastBacktest(seed = 42) {
  const random = rng(seed);
  const horizons = [1, 4, 8];
  const pairs = new Map(horizons.map((h) => [h, { curve: [] as [number, number][], naive: [] as [number, number][] }]));
  const perDistributor: Record<string, Record<string, number>> = {};
  for (const b of BEHAVIOURS) {
    const { histories, claimedInWeek } = simulate(b, random);
    const mine = new Map(horizons.map((h) => [h, { curve: [] as [number, number][], naive: [] as [number, number][] }]));
    // Each week's forecast made from the weeks before it, by the product's method (core/rebates/forecast.ts:
    // forecastDistributor, the API's options) plus the approvals still to come (cash planning).
    for (let t = 12; t + 8 <= WEEKS; t++) {
      const known = histories.filter((h) => h.approvedWeek < t).map((h) => ({ ...h, claimed: h.claimed.slice(0, t - h.approvedWeek) }));
      const open = known.map((h) => ({
        approvedWeek: h.approvedWeek,
        approvedQuantity: h.approvedQuantity,
        claimedQuantity: h.claimed.reduce((x, y) => x + y, 0),
      }));
      const f = forecastDistributor({ histories: known, open, asOfWeek: t, horizon: 8 }, { approvalsToCome: true }).weekly;
      const naive = (claimedInWeek[t - 1]! + claimedInWeek[t - 2]! + claimedInWeek[t - 3]! + claimedInWeek[t - 4]!) / 4;
      for (const h of horizons) {
        const actual = claimedInWeek[t + h - 1]!;
        for (const target of [pairs.get(h)!, mine.get(h)!]) {
          target.curve.push([f[h - 1]!, actual]);
          target.naive.push([naive, actual]);
        }
      }
    }
    perDistributor[b.name] = Object.fromEntries(
      horizons.flatMap((h) => [
        [`curve${h}w`, round(mape(mine.get(h)!.curve))],
        [`naive${h}w`, round(mape(mine.get(h)!.naive))],
      ]),
    );
  }
  const byHorizon = Object.fromEntries(
    horizons.map((h) => {
      const curve = mape(pairs.get(h)!.curve);
      const naive = mape(pairs.get(h)!.naive);
      return [`${h}w`, { curveMape: round(curve), naiveMape: round(naive), improvement: round(1 - curve / naive) }];
    }),
  );
  return {
    weeks: WEEKS,
    distributors: BEHAVIOURS.map((b) => b.name),
    byHorizon,
    perDistributor,
    target: { improvementAt4Weeks: byHorizon['4w']!.improvement, atLeast: 0.3, met: byHorizon['4w']!.improvement >= 0.3 },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The backtest over several simulated years (seeds): one year's figure moves with its noise, so
 * the target is judged on the median of the years' improvements, with their range beside it.
 */
export function forecastBacktests(seeds = [1, 2, 3, 4, 5, 6, 7]) {
  const runs = seeds.map((seed) => forecastBacktest(seed));
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const byHorizon = Object.fromEntries(
    ['1w', '4w', '8w'].map((h) => {
      const of = (k: 'curveMape' | 'naiveMape' | 'improvement') => runs.map((r) => (r.byHorizon[h] as Record<string, number>)[k]!);
      return [
        h,
        {
          curveMape: round(median(of('curveMape'))),
          naiveMape: round(median(of('naiveMape'))),
          improvement: round(median(of('improvement'))),
          improvementRange: [round(Math.min(...of('improvement'))), round(Math.max(...of('improvement')))],
        },
      ];
    }),
  );
  const at4 = (byHorizon['4w'] as { improvement: number }).improvement;
  return {
    years: seeds.length,
    of: 'medians over the simulated years',
    distributors: runs[0]!.distributors,
    byHorizon,
    firstYearPerDistributor: runs[0]!.perDistributor,
    target: { improvementAt4Weeks: at4, atLeast: 0.3, met: at4 >= 0.3 },
  };
}

/** A quarter's rebate for every kind over `lines` POS lines of one distributor. */
export function rebateQuarter(lines: number, seed = 7) {
  const random = rng(seed);
  const families = ['MCU', 'FPGA', 'PWR', 'RF'];
  const sales: RebateSale[] = new Array(lines);
  for (let i = 0; i < lines; i++) {
    const quantity = 1 + Math.floor(random() * 50);
    const cents = Math.floor(50 + random() * 5000);
    sales[i] = {
      key: `INV-${i}|1`,
      productId: 1 + (i % 200),
      family: families[i % 4]!,
      endCustomerId: 1 + (i % 5000),
      quantity,
      amount: ((quantity * cents) / 100).toFixed(2),
      invoiceDate: `2026-0${1 + (i % 3)}-15`,
    };
  }
  const perUnit = (value: string) => ({ kind: 'per_unit' as const, value });
  const percent = (value: string) => ({ kind: 'percent' as const, value });
  const kinds: Record<string, RebateTerms> = {
    volume: { kind: 'volume', measure: 'revenue', threshold: '1000000', rate: percent('1.5') },
    tieredRetroactive: {
      kind: 'tiered',
      mode: 'retroactive',
      measure: 'quantity',
      tiers: [
        { from: '0', rate: perUnit('0.01') },
        { from: '10000000', rate: perUnit('0.02') },
        { from: '20000000', rate: perUnit('0.03') },
      ],
    },
    tieredIncremental: {
      kind: 'tiered',
      mode: 'incremental',
      measure: 'revenue',
      tiers: [
        { from: '0', rate: percent('0.5') },
        { from: '50000000', rate: percent('1') },
      ],
    },
    mix: { kind: 'mix', measure: 'revenue', family: 'MCU', minSharePercent: '20', rate: percent('1') },
    conditional: {
      kind: 'conditional',
      measure: 'revenue',
      rate: percent('2'),
      conditions: [
        { kind: 'min_product', families: ['RF'], minQuantity: 1000 },
        { kind: 'new_end_customers', target: 100 },
      ],
      exclusions: { families: ['PWR'] },
    },
  };
  const results: Record<string, { seconds: number; rebate: string }> = {};
  for (const [name, terms] of Object.entries(kinds)) {
    const started = process.hrtime.bigint();
    const r = calculateRebate(terms, sales, { knownEndCustomers: new Set([1, 2, 3]) });
    results[name] = { seconds: Number(process.hrtime.bigint() - started) / 1e9, rebate: r.rebate };
  }
  const growthStarted = process.hrtime.bigint();
  const growth = calculateRebate({ kind: 'growth', measure: 'revenue', rate: percent('3') }, sales, {
    baselineSales: sales.slice(0, Math.floor(lines * 0.9)),
  });
  results.growth = { seconds: Number(process.hrtime.bigint() - growthStarted) / 1e9, rebate: growth.rebate };
  return { lines, period: '2026-Q1', kinds: results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--lines');
  const lines = i >= 0 ? Number(process.argv[i + 1]) : 1_000_000;
  console.log(JSON.stringify({ forecast: forecastBacktests(), rebates: rebateQuarter(lines) }));
}
