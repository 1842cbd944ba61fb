/**
 * The one CSV writer of every export (the claim grid in the browser, the server's CSV answers such
 * as GET /api/imports/:id/errors.csv): UTF-8 with a byte-order mark, so that a spreadsheet reads
 * `Müller` as such and not as `MÃ¼ller`; a text cell starting with = + - @, a tab or a carriage
 * return gets a leading apostrophe, so that it cannot run as a formula (OWASP "CSV injection");
 * then RFC 4180 quoting, CRLF line ends. A decimal numeral written as text (`-4313.0900`, how
 * money travels; `-4313,0900` in the comma dialect) passes unguarded: it runs nothing, and with an
 * apostrophe a spreadsheet would show a negative amount as the text `'-4313.0900`, out of every sum.
 *
 * The dialect: Excel opens a double-clicked .csv with the list separator and decimal mark of the
 * reader's regional settings, so German or French Excel puts a comma-separated file in one column
 * and reads `12.50` as text or a date. Every export is written in a `CsvDialect` (separator `,` `;`
 * or tab, decimal mark `.` or `,`): the RFC 4180 one by default, the reader's when its locale is
 * known (`csvDialectForLocale`, `csvDialectForAcceptLanguage`: one table, below). The decimal mark
 * applies to numbers (a JS number) and to the numerals of decimal columns (money, prices, rates,
 * ratios: the caller says which, `csvDecimalColumn`); any other text is written as it is, so an
 * account code `4950.10` or a part number never becomes `4950,10`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal numeral as the API carries amounts, optionally negative: `-12`, `-4313.0900`. */
const DECIMAL_NUMERAL = /^-?\d+(\.\d+)?$/;
/** The same with either decimal mark (`-4313,0900`): no formula. Nothing else starting with `-` passes the guard. */
const NUMERAL_EITHER_MARK = /^-?\d+([.,]\d+)?$/;

/** U+FEFF, which UTF-8 writes as the bytes EF BB BF: how Excel knows the file is UTF-8. */
export const CSV_BOM = '\uFEFF';

/** The separators the writer writes, by the name a query parameter or attribute gives them. */
export const CSV_DELIMITERS = { comma: ',', semicolon: ';', tab: '\t' } as const;
export type CsvDelimiterName = keyof typeof CSV_DELIMITERS;
export const CSV_DELIMITER_NAMES = Object.keys(CSV_DELIMITERS) as [CsvDelimiterName, ...CsvDelimiterName[]];
/** The decimal marks, by name. */
export const CSV_DECIMAL_MARKS = { point: '.', comma: ',' } as const;
export type CsvDecimalName = keyof typeof CSV_DECIMAL_MARKS;
export const CSV_DECIMAL_NAMES = Object.keys(CSV_DECIMAL_MARKS) as [CsvDecimalName, ...CsvDecimalName[]];

export interface CsvDialect {
  readonly separator: (typeof CSV_DELIMITERS)[CsvDelimiterName];
  readonly decimalMark: (typeof CSV_DECIMAL_MARKS)[CsvDecimalName];
}

/** RFC 4180 with decimal points: English Excel's, and what every export wrote before dialects. */
export const CSV_DIALECT_DEFAULT: CsvDialect = { separator: ',', decimalMark: '.' };
const SEMICOLON_DECIMAL_COMMA: CsvDialect = { separator: ';', decimalMark: ',' };
const SEMICOLON_DECIMAL_POINT: CsvDialect = { separator: ';', decimalMark: '.' };

/**
 * Excel's list separator and decimal mark by locale, as Windows' regional settings have them. A
 * locale whose decimal mark is `,` has `;` as list separator (a comma cannot be both). These
 * languages write a decimal comma in every region but those of the two lists after it; every
 * language not named (English, Chinese, Japanese, Korean, Hebrew, Arabic, Hindi, Thai...) reads
 * the default dialect. (Space-separated strings: the table ships in the components' bundle.)
 */
const DECIMAL_COMMA_LANGUAGES = ' be bg ca cs da de el es et fi fr hr hu id is it kk lt lv nb nl nn no pl pt ro ru sk sl sr sv tr uk vi ';
/** Switzerland and Liechtenstein: a decimal point, and `;` all the same. */
const SEMICOLON_DECIMAL_POINT_REGIONS = ' de-ch de-li fr-ch it-ch ';
/** Spanish of the Americas that writes a decimal point: the default dialect. */
const DECIMAL_POINT_REGIONS = ' es-419 es-mx es-us es-pr es-do es-gt es-hn es-ni es-pa es-sv ';
/** A BCP 47 tag's language and region (a script subtag skipped; an extension `-u-...` is no region). */
const LANGUAGE_REGION = /^([a-z]+)(?:-[a-z]{4})?(?:-([a-z]{2}|\d{3}))?(?![^-])/;

/** The dialect Excel reads in a BCP 47 locale (`de-DE`, `fr`, `de-CH`; `de_DE` too): the table above. */
export function csvDialectForLocale(locale: string | null | undefined): CsvDialect {
  const [, language = '', region] = LANGUAGE_REGION.exec((locale ?? '').trim().toLowerCase().replace(/_/g, '-')) ?? [];
  const tag = ` ${language}-${region} `;
  if (SEMICOLON_DECIMAL_POINT_REGIONS.includes(tag)) return SEMICOLON_DECIMAL_POINT;
  return !DECIMAL_POINT_REGIONS.includes(tag) && language && DECIMAL_COMMA_LANGUAGES.includes(` ${language} `)
    ? SEMICOLON_DECIMAL_COMMA
    : CSV_DIALECT_DEFAULT;
}

/**
 * The dialect of a request's `Accept-Language` (`de-DE,de;q=0.9,en;q=0.8`): its most preferred
 * language decides (the first of the highest q), since the reader's Excel speaks that one; `*`,
 * no header or an unknown language is the default dialect.
 */
export function csvDialectForAcceptLanguage(header: string | null | undefined): CsvDialect {
  let best: string | null = null;
  let bestQ = 0;
  for (const range of (header ?? '').split(',')) {
    const [tag = '', ...params] = range.split(';').map((p) => p.trim());
    const qParam = params.find((p) => /^q=/i.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (tag === '' || !(q > 0) || q <= bestQ) continue;
    best = tag;
    bestQ = q;
  }
  return best === null || best === '*' ? CSV_DIALECT_DEFAULT : csvDialectForLocale(best);
}

/**
 * The dialect a reader asked for, each part by name; a part not asked for is the locale's
 * (`fallback`), except where that would make the separator and the decimal mark the same
 * character: `delimiter=comma` alone writes decimal points, `decimal=comma` alone under a comma
 * locale separates with `;`. Both asked for are written as asked, even comma and comma (every
 * decimal is then quoted, which RFC 4180 readers take).
 */
export function resolveCsvDialect(
  asked: { readonly delimiter?: CsvDelimiterName | undefined; readonly decimal?: CsvDecimalName | undefined },
  fallback: CsvDialect = CSV_DIALECT_DEFAULT,
): CsvDialect {
  const separator = asked.delimiter
    ? CSV_DELIMITERS[asked.delimiter]
    : asked.decimal === 'comma' && fallback.separator === ','
      ? ';'
      : fallback.separator;
  const decimalMark = asked.decimal ? CSV_DECIMAL_MARKS[asked.decimal] : separator === ',' ? '.' : fallback.decimalMark;
  return { separator, decimalMark };
}

/** A column of a CSV: its header, and whether its numerals are decimals written with the dialect's mark. */
export type CsvColumn = string | { readonly label: string; readonly decimal: true };
/** A column of money, prices, rates or ratios: its numerals take the dialect's decimal mark. */
export const csvDecimalColumn = (label: string): CsvColumn => ({ label, decimal: true });

const withMark = (numeral: string, dialect: CsvDialect) =>
  dialect.decimalMark === '.' ? numeral : numeral.replace('.', dialect.decimalMark);

function writeCell(value: unknown, dialect: CsvDialect, decimal: boolean): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'number' || typeof value === 'bigint') s = withMark(String(value), dialect);
  else {
    s = String(value);
    if (decimal && DECIMAL_NUMERAL.test(s)) s = withMark(s, dialect);
    else if (FORMULA_START.test(s) && !NUMERAL_EITHER_MARK.test(s)) s = `'${s}`;
  }
  return s.includes(dialect.separator) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One cell of the default dialect (a text cell, guarded and quoted; a number as it is). */
export function csvCell(value: unknown): string {
  return writeCell(value, CSV_DIALECT_DEFAULT, false);
}

/** A whole CSV document in a dialect: the byte-order mark, the header, then one line per row. */
export function toCsv(
  columns: readonly CsvColumn[],
  rows: Iterable<readonly unknown[]>,
  dialect: CsvDialect = CSV_DIALECT_DEFAULT,
): string {
  const decimal = columns.map((c) => typeof c !== 'string');
  const sep = dialect.separator;
  const out = [columns.map((c) => writeCell(typeof c === 'string' ? c : c.label, dialect, false)).join(sep)];
  for (const r of rows) out.push(r.map((v, i) => writeCell(v, dialect, decimal[i] ?? false)).join(sep));
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
