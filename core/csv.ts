/**
 * The one CSV writer of every export (the claim grid in the browser, the server's CSV answers such
 * as GET /api/imports/:id/errors.csv): UTF-8 with a byte-order mark, so that a spreadsheet reads
 * `Müller` as such and not as `MÃ¼ller`; a text cell starting with = + - @, a tab or a carriage
 * return gets a leading apostrophe, so that it cannot run as a formula (OWASP "CSV injection");
 * then RFC 4180 quoting, CRLF line ends. Numbers pass as they are, and so does a decimal numeral
 * written as text (`-4313.0900`, how money travels): it runs nothing, and with an apostrophe a
 * spreadsheet would show a negative amount as the text `'-4313.0900`, out of every sum.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal numeral, optionally negative: `-12`, `-4313.0900`. Nothing else starting with `-` passes. */
const DECIMAL_NUMERAL = /^-?\d+(\.\d+)?$/;

/** U+FEFF, which UTF-8 writes as the bytes EF BB BF: how Excel knows the file is UTF-8. */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  let s = String(value);
  if (FORMULA_START.test(s) && !DECIMAL_NUMERAL.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document: the byte-order mark, the header, then one line per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const out = [header.map(csvCell).join(',')];
  for (const r of rows) out.push(r.map(csvCell).join(','));
  return CSV_BOM + out.join('\r\n') + '\r\n';
}

/**
 * One record as its cells are, quoted where RFC 4180 needs it (a separator, a quote, a line
 * break, or spaces at either end), without the formula guard: for a row kept as text inside
 * another cell (the raw row of an error report, which `csvCell` then guards as a whole).
 */
export function csvRecord(cells: readonly string[], separator = ','): string {
  return cells
    .map((c) => (c.includes(separator) || /["\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c))
    .join(separator);
}
