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

/**
 * The most one line of a claim may claim, and its quantity times a unit cost come to:
 * 999,999,999,999.9999 (12 integer digits). A claim's totals are DECIMAL(18,4) (14 integer
 * digits), so a hundred lines at the limit still fit; a line beyond it is a typo or a unit
 * mistake, refused as a row error (its claim's other lines go on) rather than failing the claim.
 */
export const CLAIM_LINE_AMOUNT_DIGITS = 12;
export const CLAIM_LINE_AMOUNT_MAX = '999999999999.9999';

/** The integer digits of a decimal string ("-0012.50" → 2), without a decimal object (it runs per line). */
export function integerDigits(amount: string): number {
  const n = amount.length;
  let i = 0;
  while (i < n && (amount.charCodeAt(i) === 45 || amount.charCodeAt(i) === 43 || amount.charCodeAt(i) === 32)) i++;
  while (i < n - 1 && amount.charCodeAt(i) === 48 && amount.charCodeAt(i + 1) !== 46) i++;
  const dot = amount.indexOf('.', i);
  return (dot < 0 ? n : dot) - i;
}

/** True when a decimal string fits a money column (DECIMAL(18,4): at most 14 integer digits). */
export const fitsMoneyColumn = (amount: string): boolean => integerDigits(amount) <= 14;

/** True when `unitCost` × `quantity` stays within ±CLAIM_LINE_AMOUNT_MAX (exact near the limit). */
export function withinClaimLineProduct(unitCost: string, quantity: number): boolean {
  const approx = Math.abs(Number(unitCost) * quantity);
  if (approx < 0.999e12) return true;
  if (approx > 1.001e12 || !isMoneyText(unitCost)) return false;
  return parseMoney(unitCost).times(quantity).abs().lte(CLAIM_LINE_AMOUNT_MAX);
}

/**
 * The first amount of a claim line beyond what a claim can carry (CLAIM_LINE_AMOUNT_MAX): its
 * claimed amount, or its quantity times its book or authorized cost; null when all fit.
 */
export function claimLineAmountProblem(line: {
  quantity: number;
  claimedAmount: string | null;
  bookCost: string | null;
  authorizedCost: string | null;
}): { field: 'claimedAmount' | 'bookCost' | 'authorizedCost'; message: string } | null {
  if (line.claimedAmount !== null && integerDigits(line.claimedAmount) > CLAIM_LINE_AMOUNT_DIGITS)
    return {
      field: 'claimedAmount',
      message: `is more than a claim line can carry (at most ${CLAIM_LINE_AMOUNT_MAX})`,
    };
  for (const field of ['bookCost', 'authorizedCost'] as const) {
    const cost = line[field];
    if (cost !== null && cost !== '' && !withinClaimLineProduct(cost, line.quantity))
      return {
        field,
        message: `times the quantity ${line.quantity} is more than a claim line can carry (at most ${CLAIM_LINE_AMOUNT_MAX})`,
      };
  }
  return null;
}
