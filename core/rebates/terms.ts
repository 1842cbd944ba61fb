/**
 * The terms of a rebate program (issue 16): what is measured, over which sales, and how the
 * measure becomes an amount. Plain data, so a program's terms are stored as JSON, validated by the
 * server's zod schema, and calculated here in the browser (what-if preview) as on the server.
 *
 * Amounts, rates and thresholds are decimal strings (never numbers); quantities are whole units.
 */

/** What a program measures: units sold, or revenue (quantity x resale price). */
export type Measure = 'quantity' | 'revenue';

/** Which sales count: sell-through (POS lines) or sell-in (the vendor's shipments to the distributor). */
export type SalesBasis = 'sell_through' | 'sell_in';

/**
 * How a measure becomes money: a percentage of revenue (`"2.5"` is 2.5 %), or an amount per unit.
 */
export type Rate = { kind: 'percent'; value: string } | { kind: 'per_unit'; value: string };

/** One band of a tiered program: from `from` (inclusive, in the measure's unit) up to the next band. */
export interface Tier {
  from: string;
  rate: Rate;
}

/** Which sales a program leaves out, whatever else it says. */
export interface Exclusions {
  productIds?: number[];
  families?: string[];
  endCustomerIds?: number[];
}

/** A condition of a conditional rebate: all of them must hold for the rate to apply. */
export type Condition =
  /** At least `minQuantity` units of these products (or families) in the period. */
  | { kind: 'min_product'; productIds?: number[]; families?: string[]; minQuantity: number }
  /** At least `target` end customers in the period that bought nothing in the comparison period. */
  | { kind: 'new_end_customers'; target: number };

interface Common {
  measure: Measure;
  /**
   * Which sales count: sell-through (the distributor's POS lines, the default) or sell-in (the
   * vendor's shipments to the distributor, loaded by POST /api/shipments). Revenue is the POS
   * line's resale value, or the shipment's invoiced value.
   */
  basis?: SalesBasis;
  /** Products the program covers (by id or family); none listed = every product. */
  productIds?: number[];
  families?: string[];
  exclusions?: Exclusions;
  /** The most the program pays a distributor for one period. */
  cap?: string;
}

export type RebateTerms =
  /** A flat rate on every counted sale once the measure reaches `threshold` (0 when absent). */
  | (Common & { kind: 'volume'; threshold?: string; rate: Rate })
  /**
   * Bands by the measure. `retroactive`: the band reached pays its rate on everything from the
   * first unit. `incremental`: each band pays its rate on the part of the measure inside it.
   */
  | (Common & { kind: 'tiered'; mode: 'retroactive' | 'incremental'; tiers: Tier[] })
  /**
   * Growth against a baseline period: the rate applies to the growth (measure minus baseline),
   * and only when growth reaches `minGrowthPercent` of the baseline.
   */
  | (Common & { kind: 'growth'; rate: Rate; minGrowthPercent?: string })
  /** Product mix: when `family` is at least `minSharePercent` of the measure, the rate applies to every counted sale. */
  | (Common & { kind: 'mix'; family: string; minSharePercent: string; rate: Rate })
  /** A rate on every counted sale when every condition holds. */
  | (Common & { kind: 'conditional'; conditions: Condition[]; rate: Rate });

export type RebateKind = RebateTerms['kind'];
export const REBATE_KINDS: readonly RebateKind[] = ['volume', 'tiered', 'growth', 'mix', 'conditional'];

/** The terms' basis: sell-through unless they say sell-in. */
export const basisOf = (t: Pick<Common, 'basis'>): SalesBasis => t.basis ?? 'sell_through';

/** One sale as a rebate sees it: a POS line (sell-through) or a shipment line (sell-in). */
export interface RebateSale {
  /** The sale's canonical key (core/claims/pos-key.ts for POS lines): what consumption records. */
  key: string;
  productId: number;
  family: string | null;
  endCustomerId: number | null;
  /** Units; negative for a return. */
  quantity: number;
  /** Revenue of the line (quantity x resale price), a decimal string; negative for a return. */
  amount: string;
  invoiceDate: string;
}

/** A problem with a program's terms, by its place in them (`tiers.1.from`), as the API names fields. */
export interface TermsProblem {
  field: string;
  message: string;
}

const DECIMAL = /^\d{1,14}(\.\d{1,4})?$/;

/**
 * What is wrong with terms beyond their shape: amounts that are not decimals, percentages over
 * 100, tiers that start twice. The server's schema runs it (server/rebates/rebates.schemas.ts) and
 * the program builder runs it in the browser, so both refuse the same terms with the same words.
 */
export function termsProblems(t: RebateTerms): TermsProblem[] {
  const out: TermsProblem[] = [];
  const amount = (field: string, value: string | undefined, percent = false) => {
    if (value === undefined) return;
    if (!DECIMAL.test(value)) out.push({ field, message: 'a decimal such as 2.5 (up to 4 places, not negative)' });
    else if (percent && Number(value) > 100) out.push({ field, message: 'a percentage of at most 100' });
  };
  const rate = (field: string, r: Rate) => amount(`${field}.value`, r.value, r.kind === 'percent');
  amount('cap', t.cap);
  if (t.kind === 'tiered') {
    if (!t.tiers.length) out.push({ field: 'tiers', message: 'at least one tier' });
    const seen = new Set<number>();
    t.tiers.forEach((tier, i) => {
      amount(`tiers.${i}.from`, tier.from);
      rate(`tiers.${i}.rate`, tier.rate);
      if (DECIMAL.test(tier.from)) {
        if (seen.has(Number(tier.from))) out.push({ field: 'tiers', message: 'two tiers start at the same value' });
        seen.add(Number(tier.from));
      }
    });
  } else rate('rate', t.rate);
  if (t.kind === 'volume') amount('threshold', t.threshold);
  if (t.kind === 'growth') amount('minGrowthPercent', t.minGrowthPercent);
  if (t.kind === 'mix') {
    amount('minSharePercent', t.minSharePercent, true);
    if (!t.family.trim()) out.push({ field: 'family', message: 'the product family whose share is measured' });
  }
  if (t.kind === 'conditional' && !t.conditions.length) out.push({ field: 'conditions', message: 'at least one condition' });
  return out;
}
