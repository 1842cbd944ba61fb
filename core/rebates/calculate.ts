/**
 * A rebate for one distributor and one period, from its sales and the program's terms
 * (core/rebates/terms.ts). Plain TypeScript: the server closes periods with it, the components
 * preview with it (what-if), and the benchmark runs it over a million lines.
 *
 * Decisions (docs/rebates.md):
 * - Returns (negative quantity and amount) count against the measure in their period.
 * - A percentage rate applies to revenue; a per-unit rate to units. When a quantity measure is
 *   banded incrementally with a percentage rate, a band's revenue is its share of the units times
 *   the period's revenue (the average price): the bands then add up to the retroactive amount.
 * - Thresholds are inclusive: reaching a band's `from` exactly pays that band.
 * - Growth with a zero baseline: the whole measure is growth, and a minimum growth percentage is
 *   met by any positive measure (growth over nothing is unbounded).
 * - The rebate is rounded half-up to the currency's minor unit once, at the end; the cap applies
 *   before rounding. A negative result (more returned than sold) pays nothing.
 */
import { Money, roundToCents } from '../money.js';
import type { Condition, Rate, RebateSale, RebateTerms, Tier } from './terms.js';

export interface Totals {
  quantity: number;
  revenue: Money;
}

export interface RebateBand {
  /** The band's lower bound (inclusive), in the measure's unit. */
  from: string;
  /** The part of the measure this band pays on (all of it for a retroactive tier or a flat rate). */
  base: string;
  rate: Rate;
  amount: string;
}

export interface RebateResult {
  /** The measure over the counted sales (units, or revenue as a decimal string). */
  measure: string;
  totals: { quantity: number; revenue: string };
  /** The sales the program counted (keys): what consumption records when the period closes. */
  counted: string[];
  /** Whether the program's conditions (threshold, growth, mix share, conditions) were met. */
  qualified: boolean;
  /** Why not, in words, when not. */
  reason: string | null;
  bands: RebateBand[];
  /** The rebate before the cap. */
  uncapped: string;
  capped: boolean;
  /** The rebate, rounded to the currency's minor unit. */
  rebate: string;
  /** The next threshold above the measure and how far it is ("3,400 units to the next tier"); null when none. */
  next: { threshold: string; remaining: string } | null;
  /** Growth programs: the baseline measure and the growth. */
  baseline?: string;
  growth?: string;
  /** Mix programs: the family's share of the measure, in percent. */
  sharePercent?: string;
}

export interface RebateContext {
  /** Growth programs: the baseline period's sales (already narrowed to the distributor). */
  baselineSales?: readonly RebateSale[];
  /** Conditional programs with `new_end_customers`: end customers that bought in the comparison period. */
  knownEndCustomers?: ReadonlySet<number>;
  /** The currency's minor unit (2 by default; core/currency.ts). */
  decimals?: number;
}

const ZERO = new Money(0);
const HUNDRED = new Money(100);

/** Whether a sale is one the program covers: its products or families, minus its exclusions. */
export function covers(terms: RebateTerms, sale: RebateSale): boolean {
  const ex = terms.exclusions;
  if (ex?.productIds?.includes(sale.productId)) return false;
  if (sale.family !== null && ex?.families?.includes(sale.family)) return false;
  if (sale.endCustomerId !== null && ex?.endCustomerIds?.includes(sale.endCustomerId)) return false;
  const byProduct = terms.productIds?.length ? terms.productIds.includes(sale.productId) : null;
  const byFamily = terms.families?.length ? sale.family !== null && terms.families.includes(sale.family) : null;
  if (byProduct === null && byFamily === null) return true;
  return byProduct === true || byFamily === true;
}

export function totalsOf(sales: Iterable<RebateSale>): Totals {
  let quantity = 0;
  let revenue = ZERO;
  for (const s of sales) {
    quantity += s.quantity;
    revenue = revenue.plus(s.amount);
  }
  return { quantity, revenue };
}

const measureOf = (measure: RebateTerms['measure'], t: Totals): Money => (measure === 'quantity' ? new Money(t.quantity) : t.revenue);

/**
 * What a rate pays on a part of the measure. `part` is in the measure's unit; `t` the totals it
 * is a part of (for converting units to revenue at the average price, and revenue to units).
 */
function pay(rate: Rate, measure: RebateTerms['measure'], part: Money, t: Totals): Money {
  const whole = measureOf(measure, t);
  if (rate.kind === 'percent') {
    const revenue = measure === 'revenue' ? part : whole.isZero() ? ZERO : t.revenue.times(part).dividedBy(whole);
    return revenue.times(rate.value).dividedBy(HUNDRED);
  }
  const units = measure === 'quantity' ? part : whole.isZero() ? ZERO : new Money(t.quantity).times(part).dividedBy(whole);
  return units.times(rate.value);
}

const sortedTiers = (tiers: readonly Tier[]) => [...tiers].sort((a, b) => new Money(a.from).comparedTo(b.from));

function nextAbove(thresholds: Money[], value: Money): RebateResult['next'] {
  const t = thresholds.find((x) => x.greaterThan(value));
  return t ? { threshold: t.toString(), remaining: t.minus(value).toString() } : null;
}

function conditionHolds(c: Condition, sales: readonly RebateSale[], known: ReadonlySet<number> | undefined): [boolean, string] {
  if (c.kind === 'min_product') {
    let units = 0;
    for (const s of sales)
      if (c.productIds?.includes(s.productId) || (s.family !== null && c.families?.includes(s.family))) units += s.quantity;
    return [units >= c.minQuantity, `${units} of ${c.minQuantity} units of the required products`];
  }
  const fresh = new Set<number>();
  for (const s of sales) if (s.endCustomerId !== null && s.quantity > 0 && !known?.has(s.endCustomerId)) fresh.add(s.endCustomerId);
  return [fresh.size >= c.target, `${fresh.size} of ${c.target} new end customers`];
}

/** The rebate one distributor earns in one period under `terms`, from the period's sales. */
export function calculateRebate(terms: RebateTerms, sales: readonly RebateSale[], context: RebateContext = {}): RebateResult {
  const counted = sales.filter((s) => covers(terms, s));
  const t = totalsOf(counted);
  const measure = measureOf(terms.measure, t);
  const bands: RebateBand[] = [];
  let qualified = true;
  let reason: string | null = null;
  let next: RebateResult['next'] = null;
  const extra: Partial<RebateResult> = {};
  const flat = (rate: Rate) =>
    bands.push({ from: '0', base: measure.toString(), rate, amount: pay(rate, terms.measure, measure, t).toString() });

  switch (terms.kind) {
    case 'volume': {
      const threshold = new Money(terms.threshold ?? 0);
      if (measure.lessThan(threshold)) {
        qualified = false;
        reason = `the measure ${measure} is below the threshold ${threshold}`;
        next = nextAbove([threshold], measure);
      } else flat(terms.rate);
      break;
    }
    case 'tiered': {
      const tiers = sortedTiers(terms.tiers);
      const froms = tiers.map((x) => new Money(x.from));
      next = nextAbove(froms, measure);
      const reached = tiers.filter((_, i) => froms[i]!.lessThanOrEqualTo(measure));
      if (!reached.length) {
        qualified = false;
        reason = `the measure ${measure} is below the first tier ${froms[0] ?? '-'}`;
      } else if (terms.mode === 'retroactive') {
        const tier = reached[reached.length - 1]!;
        bands.push({
          from: tier.from,
          base: measure.toString(),
          rate: tier.rate,
          amount: pay(tier.rate, terms.measure, measure, t).toString(),
        });
      } else {
        reached.forEach((tier, i) => {
          const upper = i + 1 < froms.length ? Money.min(froms[i + 1]!, measure) : measure;
          const part = upper.minus(froms[i]!);
          bands.push({
            from: tier.from,
            base: part.toString(),
            rate: tier.rate,
            amount: pay(tier.rate, terms.measure, part, t).toString(),
          });
        });
      }
      break;
    }
    case 'growth': {
      const base = measureOf(terms.measure, totalsOf((context.baselineSales ?? []).filter((s) => covers(terms, s))));
      const growth = measure.minus(base);
      extra.baseline = base.toString();
      extra.growth = growth.toString();
      const min = new Money(terms.minGrowthPercent ?? 0);
      const enough = base.isZero() ? measure.greaterThan(0) : growth.times(HUNDRED).dividedBy(base).greaterThanOrEqualTo(min);
      if (!growth.greaterThan(0) || !enough) {
        qualified = false;
        reason = base.isZero() ? 'no sales in the period' : `growth of ${growth} is under ${min} % of the baseline ${base}`;
        if (!base.isZero()) next = nextAbove([base.plus(base.times(min).dividedBy(HUNDRED))], measure);
      } else
        bands.push({
          from: base.toString(),
          base: growth.toString(),
          rate: terms.rate,
          amount: pay(terms.rate, terms.measure, growth, t).toString(),
        });
      break;
    }
    case 'mix': {
      const family = measureOf(terms.measure, totalsOf(counted.filter((s) => s.family === terms.family)));
      const share = measure.isZero() ? ZERO : family.times(HUNDRED).dividedBy(measure);
      extra.sharePercent = share.toDecimalPlaces(4).toString();
      if (measure.lessThanOrEqualTo(0) || share.lessThan(terms.minSharePercent)) {
        qualified = false;
        reason = `${terms.family} is ${extra.sharePercent} % of the measure, under ${terms.minSharePercent} %`;
      } else flat(terms.rate);
      break;
    }
    case 'conditional': {
      const failed = terms.conditions.map((c) => conditionHolds(c, counted, context.knownEndCustomers)).filter(([ok]) => !ok);
      if (failed.length) {
        qualified = false;
        reason = failed.map(([, why]) => why).join('; ');
      } else flat(terms.rate);
      break;
    }
  }

  let uncapped = bands.reduce((sum, b) => sum.plus(b.amount), ZERO);
  if (uncapped.lessThan(0)) uncapped = ZERO;
  const cap = terms.cap === undefined ? null : new Money(terms.cap);
  const capped = cap !== null && uncapped.greaterThan(cap);
  return {
    measure: measure.toString(),
    totals: { quantity: t.quantity, revenue: t.revenue.toString() },
    counted: counted.map((s) => s.key),
    qualified,
    reason,
    bands,
    uncapped: uncapped.toString(),
    capped,
    rebate: roundToCents(capped ? cap! : uncapped, context.decimals ?? 2).toFixed(context.decimals ?? 2),
    next,
    ...extra,
  };
}

/**
 * What-if: the rebate if the distributor also sold `more` (units and revenue) of a product the
 * program covers, beside what it has sold so far in the period.
 */
export function previewRebate(
  terms: RebateTerms,
  sales: readonly RebateSale[],
  more: { productId: number; family?: string | null; quantity: number; amount: string; endCustomerId?: number | null },
  context: RebateContext = {},
): { now: RebateResult; then: RebateResult; difference: string } {
  const now = calculateRebate(terms, sales, context);
  const hypothetical: RebateSale = {
    key: 'what-if',
    productId: more.productId,
    family: more.family ?? null,
    endCustomerId: more.endCustomerId ?? null,
    quantity: more.quantity,
    amount: more.amount,
    invoiceDate: sales.at(-1)?.invoiceDate ?? '',
  };
  const then = calculateRebate(terms, [...sales, hypothetical], context);
  return { now, then, difference: new Money(then.rebate).minus(now.rebate).toString() };
}
