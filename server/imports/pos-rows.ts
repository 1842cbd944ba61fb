/**
 * Turns one raw POS row (cells under the distributor's headers) into a POS line, or into row
 * errors naming the column. Tolerates what distributors send: thousands separators, decimal
 * commas, several date formats, stray spaces. Plain functions: the import service streams rows
 * through them, and the benchmark uses the same code.
 *
 * (core/pos, the browser-safe parser, was not in the tree when this was written; this layer
 * does the server's mapping and normalization and can delegate to it later.)
 */
import { canonicalInvoiceLine, canonicalInvoiceNumber, posKeyProblem } from '../../core/claims/pos-key.js';
import { daysInMonth } from '../../core/claims/units.js';
import { isMoneyText } from '../../core/money.js';

export const POS_FIELDS = [
  'invoiceNumber',
  'invoiceLine',
  'invoiceDate',
  'shipDate',
  'vendorPartNumber',
  'distributorPartNumber',
  'quantity',
  'resalePrice',
  'bookCost',
  'authorizedCost',
  'claimedAmount',
  'authorizationNumber',
  'endCustomerName',
  'customerPo',
  'debitMemoNumber',
] as const;
export type PosField = (typeof POS_FIELDS)[number];
export type ColumnMapping = Partial<Record<PosField, string>>;

export interface ParseOptions {
  /** 'auto' reads 1.234,56 and 1,234.56 by the last separator; '.' or ',' forces the decimal mark. */
  decimalMark: 'auto' | '.' | ',';
  /** 'auto' accepts ISO, YYYYMMDD, DD.MM.YYYY, DD-Mon-YYYY and MM/DD/YYYY; 'DMY' reads slashes day first. */
  dateOrder: 'auto' | 'MDY' | 'DMY';
}
export const DEFAULT_OPTIONS: ParseOptions = { decimalMark: 'auto', dateOrder: 'auto' };

/** Usual header spellings, compared lowercased without spaces or punctuation. */
const SYNONYMS: Record<PosField, string[]> = {
  invoiceNumber: ['invoicenumber', 'invoiceno', 'invoice', 'invno', 'invoicenbr', 'distributorinvoice', 'invoiceid'],
  invoiceLine: ['invoiceline', 'invoicelineno', 'invoicelinenumber', 'line', 'lineno', 'linenumber', 'invline'],
  invoiceDate: ['invoicedate', 'invdate', 'date', 'saledate'],
  shipDate: ['shipdate', 'shippingdate', 'shipped', 'dateshipped'],
  vendorPartNumber: [
    'vendorpartnumber',
    'vendorpart',
    'vendorpn',
    'mfrpart',
    'mfrpartnumber',
    'manufacturerpartnumber',
    'mpn',
    'partnumber',
    'sku',
  ],
  distributorPartNumber: ['distributorpartnumber', 'distributorpart', 'distipart', 'distpn', 'internalpart'],
  quantity: ['quantity', 'qty', 'qtyshipped', 'shippedqty', 'units'],
  resalePrice: ['resaleprice', 'resale', 'resaleunitprice', 'unitprice', 'sellprice'],
  bookCost: ['bookcost', 'book', 'distributorcost', 'cost'],
  authorizedCost: ['authorizedcost', 'debitcost', 'shipanddebitcost', 'sdcost', 'approvedcost'],
  claimedAmount: ['claimedamount', 'debitamount', 'claimamount', 'amount'],
  authorizationNumber: [
    'authorizationnumber',
    'authorization',
    'authno',
    'debitauthorization',
    'shipanddebitnumber',
    'sdnumber',
    'spanumber',
    'contractnumber',
  ],
  endCustomerName: ['endcustomername', 'endcustomer', 'customer', 'endcustomername1', 'shiptoname', 'soldtoname'],
  customerPo: ['customerpo', 'po', 'ponumber', 'customerponumber', 'resellerpo'],
  debitMemoNumber: ['debitmemonumber', 'debitmemo', 'dmnumber', 'memo'],
};
const REQUIRED: PosField[] = ['invoiceNumber', 'invoiceLine', 'invoiceDate', 'quantity'];
const MAX_LENGTH: Partial<Record<PosField, number>> = {
  invoiceNumber: 64,
  invoiceLine: 16,
  vendorPartNumber: 64,
  distributorPartNumber: 64,
  authorizationNumber: 40,
  endCustomerName: 200,
  customerPo: 64,
  debitMemoNumber: 64,
};

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export interface ResolvedColumns {
  /** field -> column index */
  index: Partial<Record<PosField, number>>;
  /** header cells that map to nothing (kept in `extra`) */
  unmapped: { index: number; name: string }[];
  /** required fields with no column */
  missing: string[];
}

/** Resolves the header row against a saved mapping first, then the usual spellings. */
export function resolveColumns(header: string[], mapping: ColumnMapping = {}): ResolvedColumns {
  const cells = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const byNorm = new Map<string, number>();
  cells.forEach((h, i) => {
    if (!byNorm.has(norm(h))) byNorm.set(norm(h), i);
  });
  const index: Partial<Record<PosField, number>> = {};
  const used = new Set<number>();
  for (const f of POS_FIELDS) {
    const wanted = mapping[f];
    if (wanted !== undefined) {
      const i = byNorm.get(norm(wanted));
      if (i !== undefined) {
        index[f] = i;
        used.add(i);
      }
    }
  }
  for (const f of POS_FIELDS) {
    // A mapped header absent from this file falls back to the usual spellings (JSON sends field names).
    if (index[f] !== undefined) continue;
    for (const s of [f.toLowerCase(), ...SYNONYMS[f]]) {
      const i = byNorm.get(s);
      if (i !== undefined && !used.has(i)) {
        index[f] = i;
        used.add(i);
        break;
      }
    }
  }
  const missing: string[] = REQUIRED.filter((f) => index[f] === undefined).map((f) =>
    mapping[f] ? `${f} (mapped to "${mapping[f]}", not in the file)` : f,
  );
  if (index.vendorPartNumber === undefined && index.distributorPartNumber === undefined)
    missing.push('vendorPartNumber or distributorPartNumber');
  const unmapped = cells.map((name, i) => ({ index: i, name })).filter((c) => !used.has(c.index) && c.name !== '');
  return { index, unmapped, missing };
}

export interface PosRow {
  invoiceNumber: string;
  invoiceLine: string;
  /** the canonical POS key (core/claims/pos-key.ts), computed once here at the edge */
  invoiceKey: string;
  lineKey: string;
  invoiceDate: string;
  shipDate: string | null;
  vendorPartNumber: string | null;
  distributorPartNumber: string | null;
  quantity: number;
  resalePrice: string | null;
  bookCost: string | null;
  authorizedCost: string | null;
  claimedAmount: string | null;
  authorizationNumber: string | null;
  endCustomerName: string | null;
  customerPo: string | null;
  debitMemoNumber: string | null;
  extra: Record<string, string> | null;
}

export interface RowError {
  rowNumber: number;
  column: string | null;
  code: 'MISSING_REQUIRED_FIELD' | 'INVALID_DATE' | 'INVALID_NUMBER' | 'INVALID_QUANTITY' | 'VALUE_TOO_LONG' | 'MALFORMED_ROW';
  message: string;
}

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
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

const isDate = (y: number, m: number, d: number) => y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

function isoDate(y: number, m: number, d: number): string | null {
  return isDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const digit = (t: string, i: number) => {
  const c = t.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** YYYY-MM-DD exactly (what most files send): read without a regular expression; null when not in that shape. */
function plainIsoDate(t: string): string | null | undefined {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  const y0 = digit(t, 0);
  const y1 = digit(t, 1);
  const y2 = digit(t, 2);
  const y3 = digit(t, 3);
  const m0 = digit(t, 5);
  const m1 = digit(t, 6);
  const d0 = digit(t, 8);
  const d1 = digit(t, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  return isDate(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1) ? t : null;
}

/** A date in one of the formats distributors send, as YYYY-MM-DD; null when unreadable. */
export function parsePosDate(text: string, order: ParseOptions['dateOrder'] = 'auto'): string | null {
  const t = text.trim();
  const plain = plainIsoDate(t);
  if (plain !== undefined) return plain;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*[- ](\d{2,4})$/.exec(t);
  if (m && MONTHS[m[2].toLowerCase()]) return isoDate(m[3].length === 2 ? 2000 + +m[3] : +m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    // Slashes are month first unless told otherwise, or unless the first number cannot be a month.
    if (order === 'DMY' || (order === 'auto' && a > 12)) return isoDate(+m[3], b, a);
    return isoDate(+m[3], a, b);
  }
  return null;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** A decimal number with thousands separators or a decimal comma, as a plain decimal string; null when unreadable. */
export function normalizeDecimal(text: string, mark: ParseOptions['decimalMark'] = 'auto'): string | null {
  // Digits with at most a point (what most files send) are already plain unless the point is a thousands separator.
  if (mark !== ',' && PLAIN_DECIMAL.test(text)) return text;
  let t = text
    .trim()
    .replace(/[\s\u00A0'’]/g, '')
    .replace(/^[$€£]/, '');
  if (t === '') return null;
  let decimal = mark;
  if (decimal === 'auto') {
    const lastDot = t.lastIndexOf('.');
    const lastComma = t.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
    // "12,5" or "0,25": a lone comma followed by other than exactly three digits is a decimal comma.
    else if (lastComma >= 0) decimal = /^-?\d{1,3}(,\d{3})+$/.test(t) ? '.' : ',';
    else decimal = '.';
  }
  t = decimal === '.' ? t.replace(/,/g, '') : t.replace(/\./g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? t : null;
}

/** A mapped cell, trimmed; null when the field has no column or the cell is empty. */
function cellOf(cells: readonly string[], cols: ResolvedColumns, f: PosField): string | null {
  const i = cols.index[f];
  if (i === undefined) return null;
  const raw = cells[i];
  if (raw === undefined || raw === '') return null;
  const v = raw.trim();
  return v === '' ? null : v;
}

function textOf(cells: readonly string[], cols: ResolvedColumns, f: PosField, rowNumber: number, errors: RowError[]): string | null {
  const v = cellOf(cells, cols, f);
  const max = MAX_LENGTH[f];
  if (v !== null && max !== undefined && v.length > max) {
    errors.push({ rowNumber, column: f, code: 'VALUE_TOO_LONG', message: `${f} is longer than ${max} characters` });
    return null;
  }
  return v;
}

function dateOf(
  cells: readonly string[],
  cols: ResolvedColumns,
  f: PosField,
  required: boolean,
  rowNumber: number,
  options: ParseOptions,
  errors: RowError[],
): string | null {
  const v = cellOf(cells, cols, f);
  if (v === null) {
    if (required) errors.push({ rowNumber, column: f, code: 'MISSING_REQUIRED_FIELD', message: `${f} is empty` });
    return null;
  }
  const d = parsePosDate(v, options.dateOrder);
  if (!d) errors.push({ rowNumber, column: f, code: 'INVALID_DATE', message: `${f} "${v}" is not a date` });
  return d;
}

function moneyOf(
  cells: readonly string[],
  cols: ResolvedColumns,
  f: PosField,
  rowNumber: number,
  options: ParseOptions,
  errors: RowError[],
): string | null {
  const v = cellOf(cells, cols, f);
  if (v === null) return null;
  const d = normalizeDecimal(v, options.decimalMark);
  if (d === null || !isMoneyText(d)) {
    errors.push({ rowNumber, column: f, code: 'INVALID_NUMBER', message: `${f} "${v}" is not an amount with at most 4 decimals` });
    return null;
  }
  return d;
}

const hasError = (errors: RowError[], test: (e: RowError) => boolean) => errors.length > 0 && errors.some(test);

/**
 * Maps and checks one data row; `rowNumber` counts the header as row 1. Plain module functions,
 * none made per row: this runs a million times for a million-line file.
 */
export function toPosRow(
  cells: string[],
  cols: ResolvedColumns,
  rowNumber: number,
  options: ParseOptions = DEFAULT_OPTIONS,
): { row: PosRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const invoiceNumber = textOf(cells, cols, 'invoiceNumber', rowNumber, errors);
  const invoiceLine = textOf(cells, cols, 'invoiceLine', rowNumber, errors);
  if (invoiceNumber === null && !hasError(errors, (e) => e.column === 'invoiceNumber'))
    errors.push({ rowNumber, column: 'invoiceNumber', code: 'MISSING_REQUIRED_FIELD', message: 'invoiceNumber is empty' });
  if (invoiceLine === null && !hasError(errors, (e) => e.column === 'invoiceLine'))
    errors.push({ rowNumber, column: 'invoiceLine', code: 'MISSING_REQUIRED_FIELD', message: 'invoiceLine is empty' });
  const invoiceKey = invoiceNumber === null ? '' : canonicalInvoiceNumber(invoiceNumber);
  const lineKey = invoiceLine === null ? '' : canonicalInvoiceLine(invoiceLine);
  if (invoiceNumber !== null && invoiceLine !== null) {
    const problem = posKeyProblem(invoiceNumber, invoiceLine);
    if (problem)
      errors.push({
        rowNumber,
        column: problem.field,
        code: problem.message.startsWith('is empty') ? 'MISSING_REQUIRED_FIELD' : 'VALUE_TOO_LONG',
        message: `${problem.field} ${problem.message}`,
      });
  }
  const invoiceDate = dateOf(cells, cols, 'invoiceDate', true, rowNumber, options, errors);
  const shipDate = dateOf(cells, cols, 'shipDate', false, rowNumber, options, errors);
  const vendorPartNumber = textOf(cells, cols, 'vendorPartNumber', rowNumber, errors);
  const distributorPartNumber = textOf(cells, cols, 'distributorPartNumber', rowNumber, errors);
  if (
    !vendorPartNumber &&
    !distributorPartNumber &&
    !hasError(errors, (e) => e.code === 'VALUE_TOO_LONG' && /PartNumber/.test(e.column ?? ''))
  )
    errors.push({
      rowNumber,
      column: cols.index.vendorPartNumber !== undefined ? 'vendorPartNumber' : 'distributorPartNumber',
      code: 'MISSING_REQUIRED_FIELD',
      message: 'no part number',
    });
  let quantity = 0;
  const q = cellOf(cells, cols, 'quantity');
  if (q === null) errors.push({ rowNumber, column: 'quantity', code: 'MISSING_REQUIRED_FIELD', message: 'quantity is empty' });
  else {
    const d = normalizeDecimal(q, options.decimalMark);
    const n = d === null ? NaN : Number(d);
    // A negative quantity is a return (kept beside the sale it returns; see the settlement service).
    if (!Number.isSafeInteger(n) || n === 0 || Math.abs(n) > 100_000_000)
      errors.push({
        rowNumber,
        column: 'quantity',
        code: 'INVALID_QUANTITY',
        message: `quantity "${q}" is not a whole number other than zero`,
      });
    else quantity = n;
  }
  const row: PosRow = {
    invoiceNumber: invoiceNumber ?? '',
    invoiceLine: invoiceLine ?? '',
    invoiceKey,
    lineKey,
    invoiceDate: invoiceDate ?? '',
    shipDate,
    vendorPartNumber,
    distributorPartNumber,
    quantity,
    resalePrice: moneyOf(cells, cols, 'resalePrice', rowNumber, options, errors),
    bookCost: moneyOf(cells, cols, 'bookCost', rowNumber, options, errors),
    authorizedCost: moneyOf(cells, cols, 'authorizedCost', rowNumber, options, errors),
    claimedAmount: moneyOf(cells, cols, 'claimedAmount', rowNumber, options, errors),
    authorizationNumber: textOf(cells, cols, 'authorizationNumber', rowNumber, errors),
    endCustomerName: textOf(cells, cols, 'endCustomerName', rowNumber, errors),
    customerPo: textOf(cells, cols, 'customerPo', rowNumber, errors),
    debitMemoNumber: textOf(cells, cols, 'debitMemoNumber', rowNumber, errors),
    extra: null,
  };
  if (cols.unmapped.length) {
    let extra: Record<string, string> | null = null;
    for (const u of cols.unmapped) if (cells[u.index]) (extra ??= {})[u.name.slice(0, 60)] = String(cells[u.index]).slice(0, 255);
    row.extra = extra;
  }
  return errors.length ? { row: null, errors } : { row, errors };
}

/** JSON lines arrive with field names already: the same checks run on them. */
export function jsonLineCells(line: Record<string, unknown>): { header: string[]; cells: string[] } {
  const header = Object.keys(line);
  return { header, cells: header.map((k) => (line[k] === null || line[k] === undefined ? '' : String(line[k]))) };
}
