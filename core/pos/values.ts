/**
 * Cell values of POS files as people export them: numbers with thousands separators and either
 * decimal mark, currency signs, accounting negatives; dates in several orders. Each parser
 * returns the canonical value or a reason the distributor can act on; none ever guesses a
 * value silently when two readings are possible and the file gives no hint.
 */

export type DecimalMark = '.' | ',';
export type DateOrder = 'YMD' | 'MDY' | 'DMY';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function allDigits(text: string, from = 0, to = text.length): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

export interface NumberOptions {
  /**
   * The decimal mark. 'auto' reads a mark as decimal when the text leaves no doubt (both marks
   * present: the last one; one mark not followed by exactly three digits) and falls back to
   * `defaultMark` for "1,234" or "1.234"; an explicit mark is applied strictly.
   */
  decimalMark?: DecimalMark | 'auto';
  /** the mark an ambiguous 'auto' text is read with: ',' in files separated by ';', else '.' */
  defaultMark?: DecimalMark;
}

const CURRENCY = /^[$€£¥]|[$€£¥]$|^(?:USD|EUR|GBP)\s*|\s*(?:USD|EUR|GBP)$/i;
const SPACES = /[\s\u00a0\u202f']/g;

/**
 * Reads a decimal number written by a person or a spreadsheet ("1,234.50", "1.234,50",
 * "$ 12.5", "(3.00)", "12.50-", "1 234,5") into a canonical decimal string ("1234.50",
 * "-3.00"); the digits are kept as written, only separators and signs are normalized.
 */
export function parseDecimalText(raw: string, options: NumberOptions = {}): Parsed<string> {
  const plain = plainDecimal(raw, options);
  if (plain !== null) return { ok: true, value: plain };
  let text = raw.trim();
  if (text === '') return fail('is empty');
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  text = text.replace(CURRENCY, '').trim();
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = negative || text.startsWith('-');
    text = text.slice(1).trim();
  } else if (text.endsWith('-')) {
    negative = true;
    text = text.slice(0, -1).trim();
  }
  text = text.replace(CURRENCY, '').replace(SPACES, '');
  if (text === '') return fail('has no digits');
  if (/[eE]/.test(text) && /^[\d.,]+[eE][+-]?\d+$/.test(text)) return fail('is in scientific notation (format the column as a number)');
  if (!/^[\d.,]+$/.test(text)) return fail('is not a number');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  const dots = lastDot < 0 ? 0 : text.split('.').length - 1;
  const commas = lastComma < 0 ? 0 : text.split(',').length - 1;
  const mode = options.decimalMark ?? 'auto';
  let decimal: DecimalMark | null;
  if (dots === 0 && commas === 0) decimal = null;
  else if (mode !== 'auto') {
    decimal = mode;
    const count = mode === '.' ? dots : commas;
    if (count > 1) return fail(`has more than one decimal mark "${mode}"`);
    if (count === 0) decimal = null;
  } else if (dots > 0 && commas > 0) decimal = lastDot > lastComma ? '.' : ',';
  else {
    const mark: DecimalMark = dots > 0 ? '.' : ',';
    const count = dots > 0 ? dots : commas;
    const after = text.length - (mark === '.' ? lastDot : lastComma) - 1;
    if (count > 1) decimal = null;
    else if (after !== 3) decimal = mark;
    else decimal = (options.defaultMark ?? '.') === mark ? mark : null;
  }
  const thousands = decimal === '.' ? ',' : decimal === ',' ? '.' : null;
  let intPart = text;
  let fraction = '';
  if (decimal !== null) {
    const at = text.lastIndexOf(decimal);
    intPart = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (fraction !== '' && !allDigits(fraction)) return fail('has separators after its decimal mark');
  }
  // grouping: every thousands mark separates groups of exactly three digits
  const groups = thousands === null ? intPart.split(/[.,]/) : intPart.split(thousands);
  if (thousands === null && groups.length > 1) {
    // no decimal mark, several marks of one kind: they must all be thousands marks
    if (dots > 0 && commas > 0) return fail('mixes "." and "," as thousands marks');
  }
  if (groups.length > 1) {
    if (groups[0]!.length < 1 || groups[0]!.length > 3 || !allDigits(groups[0]!)) return fail('has misplaced thousands separators');
    for (let g = 1; g < groups.length; g++)
      if (groups[g]!.length !== 3 || !allDigits(groups[g]!)) return fail('has misplaced thousands separators');
  }
  let digits = groups.join('');
  if (digits === '' && fraction !== '') digits = '0';
  if (!allDigits(digits)) return fail('is not a number');
  digits = digits.replace(/^0+(?=\d)/, '');
  const value = fraction === '' ? digits : `${digits}.${fraction}`;
  return { ok: true, value: negative && /[1-9]/.test(value) ? `-${value}` : value };
}

/**
 * The common case without regular expressions: optional '-', digits without a superfluous
 * leading zero, at most one '.' not read as a thousands mark. Returns null for anything else.
 */
function plainDecimal(text: string, options: NumberOptions): string | null {
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
    const mode = options.decimalMark ?? 'auto';
    if (mode === ',' || (mode === 'auto' && after === 3 && (options.defaultMark ?? '.') === ',')) return null;
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
  const decimals = dot < 0 ? 0 : value.length - dot - 1;
  if (decimals > 4) return fail(`has ${decimals} decimals; at most 4 are kept exactly`);
  if ((dot < 0 ? value.length : dot) - start > 14) return fail('is too large for an amount');
  return parsed;
}

/** A quantity cell: a whole number ("1,200", "12.00", "-3"). */
export function parseQuantityText(raw: string, options: NumberOptions = {}): Parsed<number> {
  const n = raw.length;
  if (n > 0 && n < 16 && raw.charCodeAt(0) !== 48) {
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
  const [intPart, fraction = ''] = parsed.value.split('.');
  if (/[1-9]/.test(fraction)) return fail('is not a whole number');
  const value = Number(intPart);
  if (!Number.isSafeInteger(value)) return fail('is too large');
  return { ok: true, value: value === 0 ? 0 : value };
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

const ORDER_TEXT: Record<DateOrder, string> = { YMD: 'YYYY-MM-DD', MDY: 'MM/DD/YYYY', DMY: 'DD.MM.YYYY' };

/**
 * Reads a date: YYYY-MM-DD (optionally followed by a time), YYYYMMDD, and day/month/year with
 * `/`, `.` or `-` in the given order. With order 'auto' (the default), `.` means day first
 * (DD.MM.YYYY), `/` means month first (MM/DD/YYYY) and `-` day first (DD-MM-YYYY).
 * Years must have four digits.
 */
export function parseDateText(raw: string, order: DateOrder | 'auto' = 'auto'): Parsed<string> {
  if (raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45) {
    const iso = isoDigits(raw);
    if (iso !== null) return { ok: true, value: iso };
  }
  const text = raw.trim();
  if (text === '') return fail('is empty');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) {
    const iso = isoDate(+m[1]!, +m[2]!, +m[3]!);
    return iso ? { ok: true, value: iso } : fail('is not a calendar date');
  }
  if (/^\d{8}$/.test(text)) {
    const iso = isoDate(+text.slice(0, 4), +text.slice(4, 6), +text.slice(6, 8));
    return iso ? { ok: true, value: iso } : fail('is not a date (YYYYMMDD)');
  }
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/.exec(text);
  if (m) {
    if (m[4]!.length === 2) return fail('has a two-digit year; write the year with four digits');
    const effective: DateOrder =
      order === 'auto' ? (m[2] === '/' ? 'MDY' : 'DMY') : order === 'YMD' ? (m[2] === '/' ? 'MDY' : 'DMY') : order;
    const first = +m[1]!;
    const second = +m[3]!;
    const year = +m[4]!;
    const iso = effective === 'MDY' ? isoDate(year, first, second) : isoDate(year, second, first);
    if (iso) return { ok: true, value: iso };
    const other: DateOrder = effective === 'MDY' ? 'DMY' : 'MDY';
    const swapped = other === 'MDY' ? isoDate(year, first, second) : isoDate(year, second, first);
    return fail(
      swapped
        ? `is not a date in ${ORDER_TEXT[effective]} order (if the file writes dates as ${ORDER_TEXT[other]}, set the date order to ${other})`
        : `is not a calendar date (${ORDER_TEXT[effective]})`,
    );
  }
  return fail('is not a date (use YYYY-MM-DD, MM/DD/YYYY, DD.MM.YYYY or YYYYMMDD)');
}

/** A credit/return flag: Y/N, yes/no, true/false, 1/0, C or R for credit or return. */
export function parseFlagText(raw: string): Parsed<boolean> {
  const t = raw.trim().toLowerCase();
  if (['y', 'yes', 'true', '1', 'c', 'r', 'x', 'credit', 'return'].includes(t)) return { ok: true, value: true };
  if (['n', 'no', 'false', '0', '-'].includes(t)) return { ok: true, value: false };
  return fail('is not a yes/no flag (Y or N)');
}
