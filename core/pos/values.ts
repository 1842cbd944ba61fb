/**
 * Cell values of POS files as people export them: numbers with thousands separators and either
 * decimal mark, currency signs, accounting negatives; dates in several orders. Each parser
 * returns the canonical value or a reason the distributor can act on.
 *
 * No cell is ever read by guessing: the decimal mark and the date order are settings of the
 * whole file (inferred from all its numeric and date cells by `FileEvidence`, or chosen by the
 * distributor). A cell whose reading depends on a setting that is still open (`null`) and that
 * does not decide it itself ("1,234", "03/04/2026") is refused naming the setting.
 *
 * The common cells (plain `1234.50`, `12`, `2026-11-02`) are read by scanning their characters:
 * no regular expression and no allocation on the hot path.
 */

import { currenciesOfSign, currencySignKey } from '../currency-signs.js';

export type DecimalMark = '.' | ',';
export type DateOrder = 'MDY' | 'DMY';

/**
 * A value read, or why not. `currency` is set when a money cell names another currency than the
 * file's (the reader's CURRENCY_MISMATCH): the currency it names (its ISO code, or the sign when
 * that stands for several).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; currency?: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function allDigits(text: string, from = 0, to = text.length): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

export interface NumberOptions {
  /** the file's decimal mark; null while the file has not shown it (then a text must decide it itself) */
  decimalMark?: DecimalMark | null;
  /**
   * the file's currency (ISO 4217): a number may carry its code or one of its signs
   * (CURRENCY_SIGNS, core/currency-signs.ts), before or after the digits; another currency's is refused
   * (`currency` set on the failure), an unknown one is not a number. Absent (a caller that knows
   * none): the signs `$ € £ ¥` and the codes USD, EUR, GBP are dropped unread, as before currencies
   * were compared.
   */
  currency?: string | null;
}

/** What a numeric text says about the decimal mark. */
export const MARK_NONE = 0;
export const MARK_DOT = 1;
export const MARK_COMMA = 2;
export const MARK_AMBIGUOUS = 3;

/**
 * Reads the decimal mark a numeric text implies, by its characters only: both marks (the last
 * is decimal), one mark repeated (thousands: the other is decimal), one mark not followed by
 * exactly three digits (decimal). One mark followed by exactly three digits ("1.000", "1,200")
 * is MARK_AMBIGUOUS; no mark at all MARK_NONE.
 */
export function markEvidence(text: string): number {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      // the dot of an abbreviation ("Fr. 12.50", "12,50 kr.") is not the number's
      if (i > 0 && isLetter(text.charCodeAt(i - 1))) continue;
      dots++;
      lastDot = i;
    } else if (c === 44) {
      commas++;
      lastComma = i;
    } else if (c === 41 || c === 45 || c === 32) {
      // a closing parenthesis, a trailing minus or a space ends the digits
      if (i > 0 && (dots > 0 || commas > 0) && end === text.length) end = i;
    }
  }
  if (dots === 0 && commas === 0) return MARK_NONE;
  if (dots > 0 && commas > 0) return lastDot > lastComma ? MARK_DOT : MARK_COMMA;
  if (dots > 1) return MARK_COMMA;
  if (commas > 1) return MARK_DOT;
  const at = dots > 0 ? lastDot : lastComma;
  let digits = 0;
  for (let i = at + 1; i < end; i++) if (isDigit(text.charCodeAt(i))) digits++;
  if (digits !== 3) return dots > 0 ? MARK_DOT : MARK_COMMA;
  return MARK_AMBIGUOUS;
}

/** What a number without a file currency drops unread (the reading before currencies were compared). */
const CURRENCY = /^[$€£¥]|[$€£¥]$|^(?:USD|EUR|GBP)\s*|\s*(?:USD|EUR|GBP)$/i;
/** A sign or code before or after the digits: no digit, space, mark, parenthesis or sign in it ("US$", "Fr.", "EUR"). */
const LEADING_SIGN = /^([^\d\s.,'()+-]+\.?)\s*/;
const TRAILING_SIGN = /\s*([^\d\s.,'()+-]+\.?)$/;

/**
 * The number's text without the signs or codes of the file's currency at its start and end; a
 * failure naming the currency when one names another. Text that is no currency sign ("n/a") is
 * left for the number's reading to refuse.
 */
function withoutOwnCurrency(text: string, currency: string): string | { ok: false; reason: string; currency: string } {
  for (let end = 0; end < 2; end++) {
    const m = (end === 0 ? LEADING_SIGN : TRAILING_SIGN).exec(text);
    if (m === null || m[0].length === text.length) continue;
    const written = m[1]!;
    const currencies = currenciesOfSign(written);
    if (currencies === null) continue;
    if (!currencies.includes(currency)) {
      const named =
        currencies.length === 1
          ? currencySignKey(written) === currencies[0]
            ? currencies[0]!
            : `${currencies[0]} (${written})`
          : `"${written}" (${currencies.slice(0, 4).join(', ')}${currencies.length > 4 ? ', ...' : ''})`;
      return {
        ok: false,
        currency: currencies.length === 1 ? currencies[0]! : written,
        reason: `is in ${named}, but the file's currency is ${currency}: amounts are not converted, write them in ${currency}`,
      };
    }
    text = end === 0 ? text.slice(m[0].length) : text.slice(0, text.length - m[0].length);
  }
  return text;
}
/** The characters that group digits besides the thousands mark: spaces (no-break and narrow no-break too) and the apostrophe. */
const SPACES = /[\s\u00a0\u202f']/g;
const SPACE = /[\s\u00a0\u202f']/;

/**
 * Reads a decimal number written by a person or a spreadsheet ("1,234.50", "1.234,50",
 * "$ 12.5", "(3.00)", "12.50-", "1 234,5") with the file's decimal mark into a canonical decimal
 * string ("1234.50", "-3.00"); the digits are kept as written, only separators and signs are
 * normalized. Digits are grouped by one thousands separator, the mark that is not the decimal
 * one or a space (no-break, narrow no-break) or an apostrophe, never two kinds in one number: a
 * first group of one to three digits, then groups of exactly three, all before the decimal mark
 * ("1 000", "1'234.50"; "1 0", "12 34" and "1 23.4" are misplaced separators, not 10, 1234, 123.4).
 */
export function parseDecimalText(raw: string, options: NumberOptions = {}): Parsed<string> {
  const mark = options.decimalMark === undefined ? null : options.decimalMark;
  const plain = plainDecimal(raw, mark);
  if (plain !== null) return { ok: true, value: plain };
  let text = raw.trim();
  // a leading apostrophe is a spreadsheet's mark of a number kept as text, not a digit separator
  if (text.charCodeAt(0) === 39) text = text.slice(1).trim();
  if (text === '') return fail('is empty');
  const currency = options.currency ? options.currency.toUpperCase() : null;
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (currency === null) text = text.replace(CURRENCY, '').trim();
  else {
    const own = withoutOwnCurrency(text, currency);
    if (typeof own !== 'string') return own;
    text = own;
    // "$(12.50)", "€ (4,07)": the sign outside the accounting negative
    if (!negative && text.startsWith('(') && text.endsWith(')')) {
      negative = true;
      text = text.slice(1, -1).trim();
    }
  }
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = negative || text.startsWith('-');
    text = text.slice(1).trim();
  } else if (text.endsWith('-')) {
    negative = true;
    text = text.slice(0, -1).trim();
  }
  if (currency === null) text = text.replace(CURRENCY, '').trim();
  else {
    const own = withoutOwnCurrency(text, currency);
    if (typeof own !== 'string') return own;
    text = own;
  }
  // the digits without their grouping spaces, to tell what the number is; `text` keeps them, to check where they are
  const compact = SPACE.test(text) ? text.replace(SPACES, '') : text;
  if (compact === '') return fail('has no digits');
  if (/[eE]/.test(compact) && /^[\d.,]+[eE][+-]?\d+$/.test(compact))
    return fail('is in scientific notation (format the column as a number)');
  if (!/^[\d.,]+$/.test(compact)) return fail('is not a number');
  let decimal: DecimalMark | null = mark;
  if (decimal === null) {
    const evidence = markEvidence(compact);
    if (evidence === MARK_AMBIGUOUS)
      return fail(
        `could be read with "." or "," as the decimal mark and the file does not say which: choose the decimal mark (decimalMark)`,
      );
    decimal = evidence === MARK_COMMA ? ',' : '.';
  }
  const thousands = decimal === '.' ? ',' : '.';
  const at = text.indexOf(decimal);
  if (at >= 0 && text.indexOf(decimal, at + 1) >= 0) return fail(`has more than one decimal mark "${decimal}"`);
  const intPart = at < 0 ? text : text.slice(0, at);
  const fraction = at < 0 ? '' : text.slice(at + 1);
  if (fraction !== '' && !allDigits(fraction))
    return fail(
      fraction.includes(thousands) ? `has a "${thousands}" after its decimal mark "${decimal}"` : 'has misplaced thousands separators',
    );
  // grouping: every thousands separator (the mark, or a space, never both) separates groups of exactly three digits
  const spaced = SPACE.test(intPart);
  if (spaced && intPart.includes(thousands)) return fail('has misplaced thousands separators');
  const groups = spaced ? intPart.split(SPACE) : intPart.split(thousands);
  if (groups.length > 1) {
    if (groups[0]!.length < 1 || groups[0]!.length > 3 || !allDigits(groups[0]!)) return fail('has misplaced thousands separators');
    for (let g = 1; g < groups.length; g++)
      if (groups[g]!.length !== 3 || !allDigits(groups[g]!)) return fail('has misplaced thousands separators');
  }
  let digits = groups.join('');
  if (digits === '' && fraction !== '') digits = '0';
  if (!allDigits(digits)) return fail('is not a number');
  let lead = 0;
  while (lead < digits.length - 1 && digits.charCodeAt(lead) === 48) lead++;
  if (lead > 0) digits = digits.slice(lead);
  const value = fraction === '' ? digits : `${digits}.${fraction}`;
  let nonZero = false;
  for (let i = 0; i < value.length && !nonZero; i++) {
    const c = value.charCodeAt(i);
    nonZero = c > 48 && c <= 57;
  }
  return { ok: true, value: negative && nonZero ? `-${value}` : value };
}

/**
 * The common case without regular expressions: optional '-', digits without a superfluous
 * leading zero, at most one '.' that the mark lets be a decimal point. Returns null for
 * anything else (the general path then reads it or says why not).
 */
function plainDecimal(text: string, mark: DecimalMark | null): string | null {
  const n = text.length;
  if (n === 0 || n > 30) return null;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  let dot = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (dot >= 0) return null;
      dot = i;
    } else if (c < 48 || c > 57) return null;
  }
  const intDigits = (dot < 0 ? n : dot) - start;
  if (intDigits === 0 || (intDigits > 1 && text.charCodeAt(start) === 48)) return null;
  if (dot >= 0) {
    const after = n - dot - 1;
    if (after === 0) return null;
    if (mark === ',' || (mark === null && after === 3)) return null;
  }
  if (start === 1) {
    // "-0" and "-0.00" are zero
    for (let k = 1; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c > 48 && c <= 57) return text;
    }
    return null;
  }
  return text;
}

/** A money cell: a decimal with at most 4 decimals and 14 integer digits (DECIMAL(18,4)). */
export function parseMoneyText(raw: string, options: NumberOptions = {}): Parsed<string> {
  const parsed = parseDecimalText(raw, options);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const start = value.charCodeAt(0) === 45 ? 1 : 0;
  const dot = value.indexOf('.');
  let decimals = dot < 0 ? 0 : value.length - dot - 1;
  // zeros past the fourth decimal change nothing ("0.12340" is 0.1234 exactly)
  let end = value.length;
  while (decimals > 4 && value.charCodeAt(end - 1) === 48) {
    end--;
    decimals--;
  }
  if (decimals > 4) return fail(`has ${decimals} decimals; at most 4 are kept exactly`);
  if ((dot < 0 ? value.length : dot) - start > 14) return fail('is too large for an amount');
  return end === value.length ? parsed : { ok: true, value: value.slice(0, end) };
}

/** The largest quantity a line may carry (the column is a 32-bit integer). */
export const MAX_QUANTITY = 2_147_483_647;
/**
 * The most units a POS line carries, either sign (a return's are negative): a quantity from 1 to
 * 100,000,000, what the API takes on a claim line (QUANTITY_MAX, server/http/money-schemas.ts).
 */
export const POS_QUANTITY_MAX = 100_000_000;

/** A quantity cell: a whole number ("1,200", "12.00", "-3", "(3)"); negative on a return. */
export function parseQuantityText(raw: string, options: NumberOptions = {}): Parsed<number> {
  const n = raw.length;
  if (n > 0 && n < 10 && raw.charCodeAt(0) !== 48) {
    let v = 0;
    let i = 0;
    for (; i < n; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (i === n) return { ok: true, value: v };
  }
  const parsed = parseDecimalText(raw, options);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const dot = value.indexOf('.');
  if (dot >= 0) for (let i = dot + 1; i < value.length; i++) if (value.charCodeAt(i) !== 48) return fail('is not a whole number');
  const whole = Number(dot < 0 ? value : value.slice(0, dot));
  if (!Number.isSafeInteger(whole) || Math.abs(whole) > MAX_QUANTITY) return fail('is too large');
  return { ok: true, value: whole === 0 ? 0 : whole };
}

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > DAYS[m]!) return null;
  if (m === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return null;
  if (y < 1000 || y > 9999) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** 'YYYY-MM-DD' that is a calendar date, returned as is; null otherwise. */
function isoDigits(text: string): string | null {
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const y = (text.charCodeAt(0) - 48) * 1000 + (text.charCodeAt(1) - 48) * 100 + (text.charCodeAt(2) - 48) * 10 + text.charCodeAt(3) - 48;
  const m = (text.charCodeAt(5) - 48) * 10 + text.charCodeAt(6) - 48;
  const d = (text.charCodeAt(8) - 48) * 10 + text.charCodeAt(9) - 48;
  return isoDate(y, m, d) === null ? null : text;
}

const ORDER_TEXT: Record<DateOrder, string> = { MDY: 'MM/DD/YYYY', DMY: 'DD/MM/YYYY' };
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const ISO_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/;
/**
 * Year first with `/` or `.` (`2026/11/05`, `2026.11.05`, Hungarian `2026. 11. 05.`; a time may
 * follow): always year, month, day; with `-` it is ISO_TIME. A four-digit first number is a year
 * in every order in use, so these need no date order and show none.
 */
const YEAR_FIRST = /^(\d{4})([/.])\s?(\d{1,2})\2\s?(\d{1,2})\.?(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)?$/;
const MONTH_NAME = /^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*\.?[- ](\d{2}|\d{4})$/;

/** What a date text says about the date order. */
export const ORDER_NONE = 0;
export const ORDER_DMY = 1;
export const ORDER_MDY = 2;
export const ORDER_AMBIGUOUS = 3;

/**
 * The date order a date text implies: a first number above 12 is a day (DMY), a second one
 * above 12 a day (MDY); `DD.MM.YYYY` (dots) is day first, the only dotted order in use; ISO and
 * the other year-first forms (`YYYY/MM/DD`, `YYYY.MM.DD`: a four-digit first number is a year),
 * `YYYYMMDD`, month names and a day equal to the month read the same either way (NONE).
 */
export function dateEvidence(raw: string): number {
  if (raw.length === 10) {
    // YYYY-MM-DD; YYYY/MM/DD and YYYY.MM.DD (a text cut at 4 and 7 by one separator: its first number has four digits)
    const c = raw.charCodeAt(4);
    if (c === 45 || ((c === 47 || c === 46) && raw.charCodeAt(7) === c && isDigit(raw.charCodeAt(3)))) return ORDER_NONE;
  }
  const m = DAY_MONTH_YEAR.exec(raw.trim());
  if (!m) return ORDER_NONE;
  const first = +m[1]!;
  const second = +m[3]!;
  if (first === second) return ORDER_NONE;
  if (first > 12 && second <= 12) return ORDER_DMY;
  if (second > 12 && first <= 12) return ORDER_MDY;
  if (first > 12 || second > 12) return ORDER_NONE;
  return m[2] === '.' ? ORDER_DMY : ORDER_AMBIGUOUS;
}

/**
 * Reads a date: YYYY-MM-DD (optionally followed by a time), year first with `/` or `.`
 * (YYYY/MM/DD, YYYY.MM.DD: always year, month, day), YYYYMMDD, DD-Mon-YYYY, and
 * day/month/year with `/`, `.` or `-` in the file's order (`null`: not known yet, then only a
 * text that reads the same both ways, or that decides the order itself, is read).
 * Years must have four digits.
 */
export function parseDateText(raw: string, order: DateOrder | null = null): Parsed<string> {
  if (raw.length === 10) {
    const c = raw.charCodeAt(4);
    if (raw.charCodeAt(7) === c && (c === 45 || c === 47 || c === 46)) {
      const iso = isoDigits(raw);
      // YYYY/MM/DD and YYYY.MM.DD: the same date written with another separator
      if (iso !== null) return { ok: true, value: c === 45 ? iso : `${raw.slice(0, 4)}-${raw.slice(5, 7)}-${raw.slice(8)}` };
    }
  }
  const text = raw.trim();
  if (text === '') return fail('is empty');
  let m = ISO_TIME.exec(text);
  if (m) {
    const iso = isoDate(+m[1]!, +m[2]!, +m[3]!);
    return iso ? { ok: true, value: iso } : fail('is not a calendar date');
  }
  m = YEAR_FIRST.exec(text);
  if (m) {
    const iso = isoDate(+m[1]!, +m[3]!, +m[4]!);
    return iso ? { ok: true, value: iso } : fail('is not a calendar date (read as year, month, day)');
  }
  if (text.length === 8 && allDigits(text)) {
    const iso = isoDate(+text.slice(0, 4), +text.slice(4, 6), +text.slice(6, 8));
    return iso ? { ok: true, value: iso } : fail('is not a date (YYYYMMDD)');
  }
  m = MONTH_NAME.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month === undefined) return fail('is not a date (unknown month name)');
    if (m[3]!.length === 2) return fail('has a two-digit year; write the year with four digits');
    const iso = isoDate(+m[3]!, month, +m[1]!);
    return iso ? { ok: true, value: iso } : fail('is not a calendar date');
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    if (m[4]!.length === 2) return fail('has a two-digit year; write the year with four digits');
    const first = +m[1]!;
    const second = +m[3]!;
    const year = +m[4]!;
    let effective = order;
    if (effective === null) {
      const evidence = dateEvidence(text);
      if (evidence === ORDER_AMBIGUOUS)
        return fail('could be read day first or month first and the file does not say which: choose the date order (dateOrder)');
      effective = evidence === ORDER_MDY ? 'MDY' : 'DMY';
    }
    const iso = effective === 'MDY' ? isoDate(year, first, second) : isoDate(year, second, first);
    if (iso) return { ok: true, value: iso };
    const other: DateOrder = effective === 'MDY' ? 'DMY' : 'MDY';
    const swapped = other === 'MDY' ? isoDate(year, first, second) : isoDate(year, second, first);
    return fail(
      swapped
        ? `is not a date in the file's ${ORDER_TEXT[effective]} order (dateOrder ${effective}; if the file writes dates as ${ORDER_TEXT[other]}, choose dateOrder ${other})`
        : `is not a calendar date (${ORDER_TEXT[effective]})`,
    );
  }
  return fail('is not a date (use YYYY-MM-DD, YYYY/MM/DD, MM/DD/YYYY, DD.MM.YYYY, DD-Mon-YYYY or YYYYMMDD)');
}

/**
 * The credit/return flag's values: the one table the parser reads a flag cell with and its
 * error message lists. Letter case aside; an empty cell is not a return. Each spelling means one
 * thing only: `D`/`DR` (debit? drop ship?), `S`, `RET` (retail?) and `RMA` (an authorization
 * number) are not flags.
 */
export const CREDIT_RETURN_FLAG_VALUES: readonly { readonly value: boolean; readonly spellings: readonly string[] }[] = [
  // a credit or a return
  { value: true, spellings: ['Y', 'YES', 'TRUE', '1', 'X', 'C', 'R', 'CR', 'RTN', 'CREDIT', 'RETURN'] },
  // not a return (a sale)
  { value: false, spellings: ['N', 'NO', 'FALSE', '0', '-'] },
];

/** Spelling → meaning, built on first use (a module-level `new Map` would keep this module in every bundle that imports from it). */
let flagBySpelling: Map<string, boolean> | null = null;
let flagReason = '';

function flagTable(): Map<string, boolean> {
  if (flagBySpelling !== null) return flagBySpelling;
  const list = (value: boolean): string =>
    CREDIT_RETURN_FLAG_VALUES.filter((v) => v.value === value)
      .flatMap((v) => v.spellings)
      .join(', ');
  flagReason = `is not a credit/return flag: a return is one of ${list(true)}; not a return one of ${list(false)} or an empty cell (any letter case)`;
  flagBySpelling = new Map(CREDIT_RETURN_FLAG_VALUES.flatMap((v) => v.spellings.map((s) => [s, v.value] as const)));
  return flagBySpelling;
}

/** A credit/return flag (CREDIT_RETURN_FLAG_VALUES): true for a credit or a return. */
export function parseFlagText(raw: string): Parsed<boolean> {
  // the spelling as the table writes it ("Y", "CR") needs no new string
  const table = flagTable();
  const value = table.get(raw) ?? table.get(raw.trim().toUpperCase());
  return value === undefined ? fail(flagReason) : { ok: true, value };
}
