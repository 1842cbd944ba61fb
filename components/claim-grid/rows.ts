/**
 * The grid's rows in display order: filter, sort and group, each one linear pass (the sort is
 * n log n over an index array with keys computed once per row), so 100,000 lines stay interactive.
 * No framework import: the grid renders what this returns.
 */
import type { Claim, ClaimLine } from '../shared/api.js';

export type Row = Claim | ClaimLine;
export type Kind = 'text' | 'money' | 'number' | 'date' | 'badge';
export interface Column {
  key: string;
  label: string;
  kind: Kind;
  width: string;
  value: (r: Row) => string | number | null;
}
/** A group's totals are per currency: claims in EUR and USD are never added together. */
export type Item =
  { group: string; count: number; totals: [currency: string, amount: string][]; collapsed: boolean } | { row: Row; index: number };

export interface Derivation {
  rows: readonly Row[];
  columns: readonly Column[];
  filterText: string;
  statusKey: 'status' | 'verdict';
  statusFilter: string;
  sortKey: string;
  sortDir: 1 | -1;
  /** null: no grouping. */
  groupKey: ((r: Row) => string) | null;
  collapsed: ReadonlySet<string>;
  currencyOf: (r: Row) => string;
  amountOf: (r: Row) => string;
  /** Each row's search text, kept between keystrokes; a new map when the columns' values change. */
  haystacks: WeakMap<object, string>;
}

/** The lower-cased text a row is searched in, built once per row object (rows are immutable values). */
function haystackOf(r: Row, columns: readonly Column[], haystacks: WeakMap<object, string>): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    const parts: string[] = [];
    for (const c of columns) {
      const v = c.value(r);
      if (v !== null && v !== '') parts.push(String(v));
    }
    const reasons = (r as ClaimLine).reasonCodes;
    if (reasons) parts.push(...reasons);
    h = parts.join('\u0000').toLowerCase();
    haystacks.set(r, h);
  }
  return h;
}

/**
 * Decimal text ("118.5", "-0.0001") as an exact integer of ten-thousandths (money columns keep 4
 * decimals). BigInt, not a float: sums and sort keys stay exact whatever the amount.
 */
export function scaledAmount(text: string | null | undefined): bigint {
  if (text === null || text === undefined || text === '') return 0n;
  const negative = text.startsWith('-');
  const dot = text.indexOf('.');
  const int = (negative ? text.slice(1, dot < 0 ? undefined : dot) : text.slice(0, dot < 0 ? undefined : dot)) || '0';
  const frac = dot < 0 ? '' : text.slice(dot + 1, dot + 5);
  const v = BigInt(int + frac.padEnd(4, '0'));
  return negative ? -v : v;
}

/** An exact scaled amount back to decimal text with 4 decimals ("-0.0001"). */
export function amountText(scaled: bigint): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(5, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

/**
 * The exact sum of decimal texts, as decimal text. `cache` keeps each row's scaled amount (rows
 * are immutable values: a changed line is a new object), so totals after a filter re-add, not re-parse.
 */
export function sumAmounts(rows: readonly Row[], amountOf: (r: Row) => string, cache?: WeakMap<object, bigint>): string {
  let total = 0n;
  for (const r of rows) {
    let v = cache?.get(r);
    if (v === undefined) {
      v = scaledAmount(amountOf(r));
      cache?.set(r, v);
    }
    total += v;
  }
  return amountText(total);
}

/**
 * A string that orders decimal text exactly by plain string comparison: "P" + 15 integer digits
 * + 4 decimals for zero and above, "N" + the nines' complement for negatives (so -10 < -1 < 0).
 * The sort's fallback for amounts too large for an exact integer key.
 */
export function decimalSortKey(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '';
  const negative = text.startsWith('-');
  const [int = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = int.replace(/^0+(?=\d)/, '').padStart(15, '0') + frac.slice(0, 4).padEnd(4, '0');
  if (!negative || /^0+$/.test(digits)) return 'P' + digits;
  let out = 'N';
  for (let i = 0; i < digits.length; i++) out += String(9 - (digits.charCodeAt(i) - 48));
  return out;
}

let collator: Intl.Collator | null = null;
/** One collator for every text sort (creating one per comparison costs more than the sort). */
function textCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }));
}

const moneyKeyCache = new WeakMap<readonly Row[], { col: Column; keys: Float64Array | null }>();
/** Each row's amount in ten-thousandths as an exact whole number, or null when one is beyond 2^53. */
function moneyKeys(rows: readonly Row[], col: Column): Float64Array | null {
  const cached = moneyKeyCache.get(rows);
  if (cached && cached.col === col) return cached.keys;
  let keys: Float64Array | null = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    // The digits without the dot, read as a whole number: exact up to 15 digits (below 2^53).
    const text = (col.value(rows[i]!) as string | null) ?? '0';
    const negative = text.startsWith('-');
    const dot = text.indexOf('.');
    const int = text.slice(negative ? 1 : 0, dot < 0 ? undefined : dot);
    const digits = int + (dot < 0 ? '' : text.slice(dot + 1, dot + 5)).padEnd(4, '0');
    if (digits.length > 15) {
      keys = null;
      break;
    }
    keys[i] = negative ? -Number(digits) : Number(digits);
  }
  moneyKeyCache.set(rows, { col, keys });
  return keys;
}

/** Sorts rows by a column: keys once per row, text ranked by the collator over its distinct values, then an index sort. */
export function sortRows(rows: readonly Row[], col: Column, dir: 1 | -1): Row[] {
  const n = rows.length;
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  let compare: (a: number, b: number) => number;
  if (col.kind === 'number') {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = Number(col.value(rows[i]!) ?? -Infinity);
    compare = (a, b) => dir * (keys[a]! - keys[b]!) || a - b;
  } else if (col.kind === 'money' && moneyKeys(rows, col)) {
    // Ten-thousandths as whole numbers: exact (checked below 2^53), and compared as numbers.
    const keys = moneyKeys(rows, col)!;
    compare = (a, b) => dir * (keys[a]! - keys[b]!) || a - b;
  } else if (col.kind === 'money' || col.kind === 'date') {
    // ISO dates order as strings; money too large for a whole-number key through its string key.
    const keys: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const v = col.value(rows[i]!);
      keys[i] = col.kind === 'money' ? decimalSortKey(v as string) : String(v ?? '');
    }
    compare = (a, b) => (keys[a]! < keys[b]! ? -dir : keys[a]! > keys[b]! ? dir : a - b);
  } else {
    // The collator ranks each distinct value once; the rows then sort by rank (an integer).
    const values: string[] = new Array(n);
    const distinct = new Set<string>();
    for (let i = 0; i < n; i++) distinct.add((values[i] = String(col.value(rows[i]!) ?? '')));
    const ranked = [...distinct].sort(textCollator().compare);
    const rankOf = new Map<string, number>();
    for (let i = 0; i < ranked.length; i++) rankOf.set(ranked[i]!, i);
    const ranks = new Uint32Array(n);
    for (let i = 0; i < n; i++) ranks[i] = rankOf.get(values[i]!)!;
    compare = (a, b) => dir * (ranks[a]! - ranks[b]!) || a - b;
  }
  index.sort(compare);
  const out: Row[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = rows[index[i]!]!;
  return out;
}

/** Filter, sort, group: the items the virtual list renders. */
export function deriveItems(d: Derivation): Item[] {
  const text = d.filterText.trim().toLowerCase();
  let rows: readonly Row[] = d.rows;
  if (d.statusFilter || text) {
    const out: Row[] = [];
    for (const r of rows) {
      if (d.statusFilter && (r as unknown as Record<string, unknown>)[d.statusKey] !== d.statusFilter) continue;
      if (text && !haystackOf(r, d.columns, d.haystacks).includes(text)) continue;
      out.push(r);
    }
    rows = out;
  }
  const col = d.sortKey ? d.columns.find((c) => c.key === d.sortKey) : undefined;
  if (col) rows = sortRows(rows, col, d.sortDir);
  if (!d.groupKey) return rows.map((row, index) => ({ row, index }));

  // One pass: each row goes to its group, its amount to the group's total in its currency.
  const groups = new Map<string, { rows: Row[]; totals: Map<string, bigint> }>();
  for (const r of rows) {
    const k = d.groupKey(r);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { rows: [], totals: new Map() }));
    g.rows.push(r);
    const cur = d.currencyOf(r);
    g.totals.set(cur, (g.totals.get(cur) ?? 0n) + scaledAmount(d.amountOf(r)));
  }
  const items: Item[] = [];
  let index = 0;
  for (const k of [...groups.keys()].sort(textCollator().compare)) {
    const g = groups.get(k)!;
    const collapsed = d.collapsed.has(k);
    const totals = [...g.totals].map(([cur, total]): [string, string] => [cur, amountText(total)]);
    items.push({ group: k, count: g.rows.length, totals, collapsed });
    if (!collapsed) for (const row of g.rows) items.push({ row, index: index++ });
  }
  return items;
}
