/**
 * Exchange rates and conversion to the base currency (issue 16 part 3): the one place a figure of
 * one currency becomes a figure of another. Plain TypeScript (no framework), so the browser could
 * convert the same way. Rates are exact decimal strings; a conversion multiplies exactly and rounds
 * half-up to 4 decimals, as every money figure is kept. Nothing is guessed: no inverse of a pair,
 * no rate after the figure's date, no chain through a third currency.
 */
import { Money, moneyToString } from '../money.js';
import { isCurrencyCode } from '../currency.js';
import type { TableColumn } from '../masterdata/table.js';

/** Up to 12 integer digits and 10 decimals: what DECIMAL(24,10) keeps. */
const RATE_TEXT = /^\d{1,12}(\.\d{1,10})?$/;
export const RATE_DECIMALS = 10;

/** A rate as the API and the database keep it: the shortest decimal text (`1.085`, not `1.0850000000`). */
export function canonicalRate(text: string): string {
  return new Money(text).toFixed();
}

/** Reads a rate already in plain decimal form; the reason in words when it is not a positive rate. */
export function parseRate(text: string): { ok: true; value: string } | { ok: false; reason: string } {
  const t = text.trim();
  if (!RATE_TEXT.test(t))
    return { ok: false, reason: `"${text}" is not a rate (a positive decimal with at most ${RATE_DECIMALS} decimals)` };
  if (new Money(t).isZero()) return { ok: false, reason: 'a rate of 0 converts nothing: leave the day out instead' };
  return { ok: true, value: canonicalRate(t) };
}

/** One stored rate: 1 `from` = `rate` `to`, from `effectiveDate` (YYYY-MM-DD) on. */
export interface FxRate {
  from: string;
  to: string;
  effectiveDate: string;
  rate: string;
}

/** The rate a figure was converted at, shown beside it. `date` is the rate's effective day (null: same currency). */
export interface RateUsed {
  from: string;
  to: string;
  rate: string;
  date: string | null;
}

/**
 * The rate of `from` into `to` for a figure dated `day`: the latest of the pair effective on or
 * before that day; 1 for the same currency; null when there is none (the caller says so).
 * `rates` may be in any order and hold other pairs.
 */
export function rateOn(rates: readonly FxRate[], from: string, to: string, day: string): RateUsed | null {
  if (from === to) return { from, to, rate: '1', date: null };
  let best: FxRate | null = null;
  for (const r of rates)
    if (r.from === from && r.to === to && r.effectiveDate <= day && (!best || r.effectiveDate > best.effectiveDate)) best = r;
  return best ? { from, to, rate: best.rate, date: best.effectiveDate } : null;
}

/** An amount (4-decimal money text) in the other currency: amount x rate, rounded half-up to 4 decimals. */
export function convert(amount: string, rate: string): string {
  return moneyToString(new Money(amount).times(rate).toDecimalPlaces(4, Money.ROUND_HALF_UP));
}

/** Why a figure has no base-currency value: the sentence shown in its place. */
export function missingRateMessage(from: string, to: string, day: string): string {
  return `no ${from}→${to} rate on or before ${day}: load one (PUT /api/fx-rates or a CSV); the figure is not converted`;
}

/** The columns of a rate file (the master data reader's header rule: exact names first, then loose). */
export const FX_RATE_COLUMNS: readonly TableColumn<'from' | 'to' | 'effectiveDate' | 'rate'>[] = [
  { key: 'from', names: ['From', 'From Currency'], required: true },
  { key: 'to', names: ['To', 'To Currency', 'Base Currency', 'Base'], required: true },
  { key: 'effectiveDate', names: ['Effective Date', 'Date', 'Effective From', 'As Of'], required: true },
  { key: 'rate', names: ['Rate', 'Exchange Rate'], required: true },
];

/** A currency code cell, upper-cased; the reason when it is not an ISO 4217 currency. */
export function parseCurrencyCell(text: string): { ok: true; value: string } | { ok: false; reason: string } {
  const code = text.trim().toUpperCase();
  return isCurrencyCode(code) ? { ok: true, value: code } : { ok: false, reason: `"${text}" is not an ISO 4217 currency code` };
}

/** One currency's amount beside its base-currency value, the rate used and its day (or why there is none). */
export interface InBase {
  currency: string;
  amount: string;
  rate: string | null;
  rateDate: string | null;
  inBase: string | null;
  missingRate: string | null;
}

/**
 * Amounts of several currencies (one each) in the base currency as of `day`, and their total in
 * it: null when any currency has no rate, so a partial sum never passes for the whole.
 */
export function amountsInBase(
  amounts: readonly { currency: string; amount: string }[],
  rates: readonly FxRate[],
  base: string,
  day: string,
): { currency: string; asOf: string; total: string | null; byCurrency: InBase[] } {
  const byCurrency = amounts.map(({ currency, amount }): InBase => {
    const used = rateOn(rates, currency, base, day);
    return used
      ? { currency, amount, rate: used.rate, rateDate: used.date, inBase: convert(amount, used.rate), missingRate: null }
      : { currency, amount, rate: null, rateDate: null, inBase: null, missingRate: missingRateMessage(currency, base, day) };
  });
  const total = byCurrency.every((b) => b.inBase !== null)
    ? moneyToString(byCurrency.reduce((sum, b) => sum.plus(b.inBase!), new Money(0)))
    : null;
  return { currency: base, asOf: day, total, byCurrency };
}
