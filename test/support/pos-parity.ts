/**
 * The parity between the server's import and the browser preflight: both read the same fixture
 * files with core/pos, and must keep the same lines and report the same row errors. The jest side
 * (test/api/pos-parity.test.ts) writes what the server stored and answered for each fixture to
 * test/fixtures/parity/pos-parity.json; the browser side (components/claim-upload/parity.test.ts)
 * parses the same files in Chromium and compares. Browser-safe: no Node import here.
 */
import { POS_FIELD_TABLE, POS_STORED_FIELDS, storedExtra, type PosLine, type PosRowError } from '../../core/pos/index.js';

/** Arrowhead's own headers, as its saved mapping names them. */
const ARROWHEAD = { invoiceNumber: 'Inv #', invoiceLine: 'Ln', invoiceDate: 'Inv Date', authorizationNumber: 'S&D Number' };

/**
 * The currency the files are read in: the server reads an import in its distributor's (Arrowhead's,
 * USD), so the browser side reads in it too (the upload element passes its `currency`).
 */
export const PARITY_CURRENCY = 'USD';

export interface ParityFixture {
  file: string;
  /** the file settings of the request (its query string) */
  query: Record<string, string>;
  /** the distributor's saved column mapping while the file is imported */
  mapping?: Record<string, string>;
}

/** The fixtures and how each is sent. */
export const PARITY_FIXTURES: ParityFixture[] = [
  { file: 'pos/clean-comma.csv', query: {} },
  { file: 'pos/bom-semicolon-crlf.csv', query: {} },
  { file: 'pos/quoted-commas.csv', query: {} },
  { file: 'pos/tab-us-dates.tsv', query: {} },
  { file: 'pos/messy.csv', query: {} },
  { file: 'pos/missing-column.csv', query: {} },
  { file: 'pos/header-aliases.csv', query: {} },
  { file: 'pos/ambiguous-dates.csv', query: {} },
  { file: 'pos/ambiguous-dates.csv', query: { dateOrder: 'DMY' } },
  { file: 'pos/european-thousands.csv', query: {} },
  { file: 'pos/returns-and-controls.csv', query: {} },
  { file: 'imports/arrowhead-messy.csv', query: {} },
  { file: 'imports/arrowhead-messy.csv', query: {}, mapping: ARROWHEAD },
  { file: 'imports/tab-us-dates.csv', query: {} },
  { file: 'imports/header-only.csv', query: {} },
  { file: 'imports/missing-date-column.csv', query: {} },
  { file: 'imports/empty.csv', query: {} },
  // read in their encoding on both sides: Windows-1252 from the bytes, UTF-16 from its byte-order mark
  { file: 'pos/windows-1252-semicolon.csv', query: {} },
  { file: 'pos/utf16le-bom.tsv', query: {} },
  // Excel's `sep=;` line after a BOM; year-first dates with `/` and `.`; the credit/return flag's spellings
  { file: 'pos/excel-sep-directive.csv', query: {} },
  { file: 'pos/year-first-dates.csv', query: {} },
  { file: 'pos/year-first-ambiguous.csv', query: {} },
  { file: 'pos/return-flags.csv', query: {} },
  // CR-only line ends (Excel for Mac), a CR inside a quoted cell kept; UTF-16 without a byte-order mark
  { file: 'pos/cr-line-ends.csv', query: {} },
  { file: 'pos/utf16le-no-bom.tsv', query: {} },
  { file: 'pos/utf16be-no-bom.csv', query: {} },
  // digits grouped with spaces: "1 000" and "1 234,50 €" read, "1 0" and "12 34" misplaced separators
  { file: 'pos/space-grouped-numbers.csv', query: {} },
  // two columns with one header: refused, then read once the mapping names one by its position
  { file: 'pos/duplicate-headers.csv', query: {} },
  { file: 'pos/duplicate-headers.csv', query: {}, mapping: { quantity: '#6' } },
  // a column without a header is kept as extra "column7"; distributors' own header names
  { file: 'pos/empty-header-column.csv', query: {} },
  { file: 'pos/distributor-headers.csv', query: {} },
  { file: 'pos/distributor-headers-short.csv', query: {} },
  // the row messages: one subject each, a value no decimal mark reads, zeros past the fourth decimal
  { file: 'pos/row-messages.csv', query: {} },
  // amounts with the signs and codes of the file's currency (read) and of others (CURRENCY_MISMATCH)
  { file: 'pos/currency-signs.csv', query: {} },
  // negative amounts on sales (NEGATIVE_AMOUNT) and returns (kept as their value), a flag against the quantity, quantities out of range
  { file: 'pos/signs-and-returns.csv', query: {} },
  // not text: refused whole (the server's 415 UNSUPPORTED_FILE)
  { file: 'pos/report.csv.gz', query: {} },
  { file: 'pos/workbook.xlsx', query: {} },
  { file: 'pos/workbook.xls', query: {} },
];

export const parityKey = (f: ParityFixture) =>
  f.file + (Object.keys(f.query).length ? `?${new URLSearchParams(f.query).toString()}` : '') + (f.mapping ? ' (mapped)' : '');

/** A line as `pos_lines` keeps it: the stored fields, the canonical key, `extra`. */
export type ParityLine = Record<string, string | number | null | Record<string, unknown>>;
export interface ParityError {
  rowNumber: number;
  column: string | null;
  code: string;
  message: string;
}
export interface ParityResult {
  /** 201, or the 422 of a file that cannot be read (415: a file that is not text) */
  status: number;
  /** the 422's code */
  code?: string;
  lines: ParityLine[];
  errors: ParityError[];
}

/** Money as 4-decimal text ("12.5" → "12.5000"), whatever the driver returned. */
export function money4(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const negative = text.startsWith('-');
  const [int, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const out = `${int}.${fraction.padEnd(4, '0')}`;
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

/** A parsed line (browser side) as the server stores it. */
export function parityLineOf(line: PosLine): ParityLine {
  const out: ParityLine = { invoiceKey: line.invoiceKey, lineKey: line.lineKey };
  for (const f of POS_STORED_FIELDS) {
    const v = line[f];
    out[f] = POS_FIELD_TABLE[f].kind === 'money' ? money4(v) : v;
  }
  out.extra = storedExtra({ ...line, extra: line.extra });
  return out;
}

/** The status the server answers a file that cannot be read, by its fatal code (core/pos fatalCode). */
export const fatalStatus = (code: string): number => (code === 'UNSUPPORTED_FILE' ? 415 : 422);

/** A row error (browser side) as the API reports it. */
export const parityErrorOf = (e: PosRowError): ParityError => ({ rowNumber: e.row, column: e.column, code: e.code, message: e.message });
