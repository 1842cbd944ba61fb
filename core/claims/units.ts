/**
 * Exact money and dates for the validation hot path, without a decimal object per value.
 *
 * Money is held as integer minor units of 10^-4 (what DECIMAL(18,4) stores) in a JS number,
 * which is exact as long as it stays a safe integer: every operation here checks
 * `Number.isSafeInteger` and either falls back to BigInt (a line's credit) or refuses the
 * value (an input amount beyond 2^53 units, about 900 billion, which no unit price reaches).
 * A number never crosses the engine's boundary as money: inputs and outputs are decimal strings.
 */

/** Minor units per currency unit: 4 decimal places. */
export const UNITS = 10000;

const POW10 = [1, 10, 100, 1000, 10000];

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff;
}

/**
 * Parses a decimal string ("1234.5", "-0.25", at most 14 integer digits and 4 decimals, the
 * same texts `parseMoney` accepts) into minor units. Returns NaN for anything else, including
 * an amount too large to be a safe integer of units.
 */
export function parseUnits(text: string | null | undefined): number {
  if (typeof text !== 'string') return NaN;
  let i = 0;
  let end = text.length;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
  let negative = false;
  if (i < end && text.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  let value = 0;
  const intStart = i;
  while (i < end) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > 14) return NaN;
  let decimals = 0;
  if (i < end) {
    if (text.charCodeAt(i) !== 46) return NaN;
    i++;
    while (i < end) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return NaN;
      value = value * 10 + d;
      decimals++;
      i++;
    }
    if (decimals === 0 || decimals > 4) return NaN;
  }
  value *= POW10[4 - decimals]!;
  if (!Number.isSafeInteger(value)) return NaN;
  return negative && value !== 0 ? -value : value;
}

/** Minor units to the canonical 4-decimal string ("12.3400"). */
export function unitsToString(units: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`${units} is not a safe integer of minor units`);
  const negative = units < 0;
  const a = negative ? -units : units;
  const r = a % UNITS;
  const q = (a - r) / UNITS;
  const pad = r < 10 ? '000' : r < 100 ? '00' : r < 1000 ? '0' : '';
  return (negative ? '-' : '') + q + '.' + pad + r;
}

/** BigInt minor units to the canonical 4-decimal string. */
export function bigUnitsToString(units: bigint): string {
  const negative = units < 0n;
  const a = negative ? -units : units;
  const r = a % 10000n;
  const q = a / 10000n;
  return (negative ? '-' : '') + q.toString() + '.' + r.toString().padStart(4, '0');
}

/**
 * Units of 1/10,000 in one minor unit of a currency with `exponent` decimals (ISO 4217): 100 for
 * USD and EUR (a cent), 10,000 for JPY, 10 for KWD.
 */
export function minorUnitStep(exponent: number): number {
  if (!Number.isInteger(exponent) || exponent < 0 || exponent > 4) throw new RangeError(`a minor unit of ${exponent} decimals`);
  return 10 ** (4 - exponent);
}

/** The cent's step: the default when no currency is given. */
export const CENT = 100;

/** Rounds units half-up (away from zero on a tie, as decimal.js ROUND_HALF_UP) to a step (the cent by default). */
export function roundUnitsToCent(units: number, step = CENT): number {
  const r = units % step;
  if (r === 0) return units;
  if (units > 0) return 2 * r >= step ? units - r + step : units - r;
  return 2 * r <= -step ? units - r - step : units - r;
}

/** Rounds units down (towards zero) to a step: a claimed amount as payable in whole minor units. */
export function truncateUnits(units: number, step = CENT): number {
  return units - (units % step);
}

function roundBigToCent(units: bigint, step = BigInt(CENT)): bigint {
  const r = units % step;
  if (r === 0n) return units;
  if (units > 0n) return 2n * r >= step ? units - r + step : units - r;
  return 2n * r <= -step ? units - r - step : units - r;
}

/**
 * A line's credit in units of 1/10,000: (book - authorized) x quantity, rounded half-up to the
 * currency's minor unit (`step`, the cent by default), the same result as `lineCredit` in
 * money.ts. NaN when the result is not a safe integer; then use `creditUnitsBig`.
 */
export function creditUnits(bookUnits: number, authorizedUnits: number, quantity: number, step = CENT): number {
  const diff = bookUnits - authorizedUnits;
  if (!Number.isSafeInteger(diff)) return NaN;
  const product = diff * quantity;
  if (!Number.isSafeInteger(product)) return NaN;
  const rounded = roundUnitsToCent(product, step);
  return Number.isSafeInteger(rounded) ? rounded : NaN;
}

/** `creditUnits` in BigInt, for the rare line whose credit leaves the safe-integer range. */
export function creditUnitsBig(bookUnits: number, authorizedUnits: number, quantity: number, step = CENT): bigint {
  return roundBigToCent((BigInt(bookUnits) - BigInt(authorizedUnits)) * BigInt(quantity), BigInt(step));
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month]!;
}

/**
 * 'YYYY-MM-DD' (a real calendar date) to the integer YYYYMMDD, which orders like the date.
 * Returns -1 for anything else.
 */
export function parseIsoDate(text: string | null | undefined): number {
  if (typeof text !== 'string' || text.length !== 10) return -1;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10000 + m * 100 + d;
}

/** YYYYMMDD back to 'YYYY-MM-DD'. */
export function isoDateFromInt(value: number): string {
  const y = Math.floor(value / 10000);
  const m = Math.floor(value / 100) % 100;
  const d = value % 100;
  return String(y).padStart(4, '0') + '-' + (m < 10 ? '0' : '') + m + '-' + (d < 10 ? '0' : '') + d;
}
