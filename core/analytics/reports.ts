/**
 * Channel analytics (issue 16 part 3): the catalog of reports, the one definition each report's
 * columns, JSON rows, CSV header and component table derive from; and the computations that are
 * not SQL: ratios and averages over the sums SQL returns, the ROI windows, the figure dates, and
 * the conversion of each row to the base currency (core/analytics/fx.ts). Plain TypeScript.
 */
import { csvDecimalColumn, toCsv, type CsvDialect } from '../csv.js';
import { Money, moneyToString } from '../money.js';
import { convert, missingRateMessage, rateOn, type FxRate, type RateUsed } from './fx.js';

export const ANALYTICS_REPORTS = [
  'by-distributor',
  'by-program',
  'by-program-type',
  'by-product',
  'by-month',
  'margin-trend',
  'program-roi',
  'utilization',
] as const;
export type AnalyticsReportName = (typeof ANALYTICS_REPORTS)[number];

/** money: a total (4 decimals); price: an amount per unit (4 decimals); both convert. quantity and ratio do not. */
export type MeasureKind = 'money' | 'price' | 'quantity' | 'ratio';
export interface Measure {
  key: string;
  label: string;
  kind: MeasureKind;
}
export interface Dimension {
  key: string;
  label: string;
}
export interface ReportDefinition {
  name: AnalyticsReportName;
  title: string;
  dimensions: readonly Dimension[];
  measures: readonly Measure[];
}

const money = (key: string, label: string): Measure => ({ key, label, kind: 'money' });
const qty = (key: string, label: string): Measure => ({ key, label, kind: 'quantity' });
const ratio = (key: string, label: string): Measure => ({ key, label, kind: 'ratio' });
const price = (key: string, label: string): Measure => ({ key, label, kind: 'price' });

const FIGURES = [
  money('claimed', 'Claimed'),
  money('approved', 'Approved'),
  money('paid', 'Paid'),
  money('posRevenue', 'POS revenue'),
] as const;
const dim = (key: string, label: string): Dimension => ({ key, label });

export const REPORTS: Readonly<Record<AnalyticsReportName, ReportDefinition>> = {
  'by-distributor': { name: 'by-distributor', title: 'By distributor', dimensions: [dim('distributor', 'Distributor')], measures: FIGURES },
  'by-program': { name: 'by-program', title: 'By program', dimensions: [dim('program', 'Program')], measures: FIGURES },
  'by-program-type': {
    name: 'by-program-type',
    title: 'By program type',
    dimensions: [dim('programType', 'Program type')],
    measures: FIGURES,
  },
  'by-product': { name: 'by-product', title: 'By product', dimensions: [dim('product', 'Product')], measures: FIGURES },
  'by-month': { name: 'by-month', title: 'By month', dimensions: [dim('month', 'Month')], measures: FIGURES },
  'margin-trend': {
    name: 'margin-trend',
    title: 'Margin and discount trend per product',
    dimensions: [dim('product', 'Product'), dim('month', 'Month')],
    measures: [
      qty('quantity', 'Quantity'),
      money('resaleRevenue', 'Resale revenue'),
      money('bookCostTotal', 'Book cost total'),
      money('authorizedCostTotal', 'Authorized cost total'),
      price('avgResalePrice', 'Average resale price'),
      price('avgBookCost', 'Average book cost'),
      price('avgAuthorizedCost', 'Average authorized cost'),
      ratio('marginAtBook', 'Margin at book cost'),
      ratio('marginAtAuthorized', 'Margin at authorized cost'),
      ratio('discount', 'Discount off book cost'),
    ],
  },
  'program-roi': {
    name: 'program-roi',
    title: 'Program ROI',
    dimensions: [dim('program', 'Program'), dim('window', 'Program window'), dim('baseline', 'Baseline window')],
    measures: [
      money('programSales', 'Sales in the window'),
      money('baselineSales', 'Baseline sales'),
      money('incrementalSales', 'Incremental sales'),
      money('creditsPaid', 'Credits paid'),
      ratio('roi', 'Incremental sales per credit paid'),
    ],
  },
  utilization: {
    name: 'utilization',
    title: 'Utilization',
    dimensions: [dim('program', 'Program')],
    measures: [
      qty('approvedQuantity', 'Approved quantity'),
      qty('claimedQuantity', 'Claimed quantity'),
      qty('acceptedQuantity', 'Accepted quantity'),
      qty('paidQuantity', 'Paid quantity'),
      ratio('claimedShare', 'Claimed / approved'),
      ratio('acceptedShare', 'Accepted / approved'),
      ratio('paidShare', 'Paid / approved'),
      money('claimed', 'Claimed'),
      money('approved', 'Approved'),
      money('paid', 'Paid'),
    ],
  },
};

export type Value = string | number | null;

/** One row as SQL sums it: its dimension values, its currency, its sums (money as 4-decimal text, quantities as numbers). */
export interface RawRow {
  keys: Record<string, string>;
  currency: string;
  values: Record<string, Value>;
}

/** The base-currency side of a row: the rate used (and its day), and each money or price measure converted. */
export interface BaseFigures {
  currency: string;
  rate: string;
  rateDate: string | null;
  values: Record<string, string | null>;
}

export interface ReportRow extends RawRow {
  /** the day the row's figures are converted as of: its month's last day (not after `to`), else `to` */
  figureDate: string;
  base: BaseFigures | null;
  /** why `base` is null: the missing rate, in words */
  missingRate: string | null;
}

export interface AnalyticsReport {
  report: AnalyticsReportName;
  title: string;
  from: string;
  to: string;
  baseCurrency: string;
  dimensions: Dimension[];
  measures: Measure[];
  rows: ReportRow[];
}

/** a / b as a 4-decimal fraction, null when b is zero (a ratio of nothing is not 0). */
export function ratioOf(a: Value, b: Value): string | null {
  if (a === null || b === null) return null;
  const d = new Money(b);
  if (d.isZero()) return null;
  return new Money(a).div(d).toDecimalPlaces(4, Money.ROUND_HALF_UP).toFixed(4);
}

/** A total per unit (4 decimals), null for no units. */
const perUnit = (total: Value, quantity: Value) => ratioOf(total, quantity);
const minus = (a: Value, b: Value) => moneyToString(new Money(a ?? 0).minus(b ?? 0));

/** The measures each report computes from its SQL sums (the rest come from SQL as they are). */
export function derive(name: AnalyticsReportName, v: Record<string, Value>): Record<string, Value> {
  switch (name) {
    case 'margin-trend':
      return {
        ...v,
        avgResalePrice: perUnit(v.resaleRevenue!, v.quantity!),
        avgBookCost: perUnit(v.bookCostTotal!, v.quantity!),
        avgAuthorizedCost: perUnit(v.authorizedCostTotal!, v.quantity!),
        marginAtBook: ratioOf(minus(v.resaleRevenue!, v.bookCostTotal!), v.resaleRevenue!),
        marginAtAuthorized: ratioOf(minus(v.resaleRevenue!, v.authorizedCostTotal!), v.resaleRevenue!),
        discount: ratioOf(minus(v.bookCostTotal!, v.authorizedCostTotal!), v.bookCostTotal!),
      };
    case 'program-roi': {
      const incremental = minus(v.programSales!, v.baselineSales!);
      return { ...v, incrementalSales: incremental, roi: ratioOf(incremental, v.creditsPaid!) };
    }
    case 'utilization':
      return {
        ...v,
        claimedShare: ratioOf(v.claimedQuantity!, v.approvedQuantity!),
        acceptedShare: ratioOf(v.acceptedQuantity!, v.approvedQuantity!),
        paidShare: ratioOf(v.paidQuantity!, v.approvedQuantity!),
      };
    default:
      return v;
  }
}

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The last day of a month `YYYY-MM`. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return toDay(Date.UTC(y, m, 0));
}

/**
 * A program's ROI windows, as docs/analytics.md defines them: the program window runs from its
 * start to its end or the report's `to`, whichever is first (N days); the baseline is the N days
 * just before the start. Null when the program has not started by `to`.
 */
export function roiWindows(
  start: string,
  end: string,
  to: string,
): { from: string; to: string; baselineFrom: string; baselineTo: string } | null {
  const last = end < to ? end : to;
  if (last < start) return null;
  const days = (msOf(last) - msOf(start)) / DAY_MS + 1;
  return { from: start, to: last, baselineFrom: toDay(msOf(start) - days * DAY_MS), baselineTo: toDay(msOf(start) - DAY_MS) };
}

/** The day a row converts as of: its month's last day, not after `to`; `to` for a row without a month. */
export function figureDateOf(keys: Record<string, string>, to: string): string {
  if (!keys.month) return to;
  const end = monthEnd(keys.month);
  return end < to ? end : to;
}

/**
 * The report's rows with their derived measures and their base-currency side: each money and
 * price measure converted at the latest rate of the row's currency into the base currency on or
 * before the row's figure date; a row without such a rate says so (`missingRate`).
 */
export function buildReport(
  name: AnalyticsReportName,
  raw: readonly RawRow[],
  rates: readonly FxRate[],
  period: { from: string; to: string },
  baseCurrency: string,
): AnalyticsReport {
  const def = REPORTS[name];
  const converted = def.measures.filter((m) => m.kind === 'money' || m.kind === 'price');
  const rows = raw.map((r): ReportRow => {
    const values = derive(name, r.values);
    const figureDate = figureDateOf(r.keys, period.to);
    const used: RateUsed | null = rateOn(rates, r.currency, baseCurrency, figureDate);
    const base = used && {
      currency: baseCurrency,
      rate: used.rate,
      rateDate: used.date,
      values: Object.fromEntries(
        converted.map((m) => {
          const v = values[m.key];
          return [m.key, v === null || v === undefined ? null : convert(String(v), used.rate)];
        }),
      ),
    };
    return {
      keys: r.keys,
      currency: r.currency,
      values,
      figureDate,
      base,
      missingRate: used ? null : missingRateMessage(r.currency, baseCurrency, figureDate),
    };
  });
  return { report: name, title: def.title, ...period, baseCurrency, dimensions: [...def.dimensions], measures: [...def.measures], rows };
}

/**
 * The report as CSV (core/csv.ts: BOM, formula guard, CRLF) in a dialect: the dimensions, the
 * currency, each measure; then the base currency, the rate and its day, each converted measure,
 * and the missing rate's sentence when there is one. The same columns the component shows. Money,
 * prices, ratios and the rate take the dialect's decimal mark; a dimension (a part number) is text.
 */
export function reportCsv(report: AnalyticsReport, dialect?: CsvDialect): string {
  const converted = report.measures.filter((m) => m.kind === 'money' || m.kind === 'price');
  const header = [
    ...report.dimensions.map((d) => d.label),
    'Currency',
    ...report.measures.map((m) => (m.kind === 'quantity' ? m.label : csvDecimalColumn(m.label))),
    'Base currency',
    csvDecimalColumn('Rate'),
    'Rate date',
    ...converted.map((m) => csvDecimalColumn(`${m.label} (${report.baseCurrency})`)),
    'Note',
  ];
  return toCsv(
    header,
    report.rows.map((r) => [
      ...report.dimensions.map((d) => r.keys[d.key] ?? ''),
      r.currency,
      ...report.measures.map((m) => r.values[m.key] ?? ''),
      report.baseCurrency,
      r.base?.rate ?? '',
      r.base?.rateDate ?? '',
      ...converted.map((m) => r.base?.values[m.key] ?? ''),
      r.missingRate ?? '',
    ]),
    dialect,
  );
}

/** The period a report covers when none is asked: the twelve calendar months ending with `today`'s. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return { from: toDay(Date.UTC(y, m - 12, 1)), to: today };
}
