/**
 * Exact money. Amounts are decimal.js values in code, DECIMAL(18,4) in the database and
 * decimal strings on the wire; a JavaScript number never holds money.
 *
 * Decisions: unit prices and costs keep 4 decimal places; a line's credit
 * ((book cost - authorized cost) x quantity) is rounded half-up to the cent, and every total
 * is the exact sum of its rounded lines, so a total always equals the sum of its lines.
 */
import { Decimal } from 'decimal.js';

export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

/** Up to 14 integer digits and 4 decimals: what DECIMAL(18,4) holds. */
const MONEY_TEXT = /^-?\d{1,14}(\.\d{1,4})?$/;

export class MoneyFormatError extends Error {}

/** Parses a decimal string such as "1234.5" (no thousands separators, no exponent). */
export function parseMoney(text: string): Money {
  const trimmed = text.trim();
  if (!MONEY_TEXT.test(trimmed)) throw new MoneyFormatError(`"${text}" is not an amount with at most 4 decimals`);
  return new Money(trimmed);
}

/** True when `text` is an amount parseMoney accepts. */
export function isMoneyText(text: string): boolean {
  return MONEY_TEXT.test(text.trim());
}

/**
 * Converts what a database driver returns for a money column: strings from both (mysql2's
 * DECIMAL(18,4); SQLite's TEXT, canonical 4-decimal text, or '0'). A number (an SQL expression
 * such as `ELSE 0`, or a database from before money was TEXT on SQLite) is read through its
 * shortest decimal text, exact up to 15 significant digits.
 */
export function moneyFromDb(value: string | number | null | undefined): Money {
  if (value === null || value === undefined) return new Money(0);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new MoneyFormatError(`non-finite amount from the database: ${value}`);
    return new Money(String(value)).toDecimalPlaces(4);
  }
  return new Money(value).toDecimalPlaces(4);
}

/** The canonical wire and column form: a string with exactly 4 decimals. */
export function moneyToString(value: Money): string {
  return value.toFixed(4);
}

export function roundToCents(value: Money, decimals = 2): Money {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

export function sumMoney(values: Iterable<Money>): Money {
  let total = new Money(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * A line's credit: (book cost - authorized cost) x quantity, rounded half-up to the currency's
 * minor unit (`decimals`, ISO 4217: 2 for USD and EUR, 0 for JPY, 3 for KWD; see core/currency.ts).
 */
export function lineCredit(bookCost: Money, authorizedCost: Money, quantity: number, decimals = 2): Money {
  if (!Number.isSafeInteger(quantity)) throw new MoneyFormatError(`quantity ${quantity} is not a whole number`);
  return roundToCents(bookCost.minus(authorizedCost).times(quantity), decimals);
}
