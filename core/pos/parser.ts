/**
 * POS report parsing: text chunks (or JSON rows) in, `PosLine`s and row errors out, a chunk at
 * a time and in constant memory (the parser keeps only the unfinished record). Browser-safe.
 *
 * Every bad row yields one error per bad cell, with its row number (the header is row 1), the
 * column as the file names it and a reason; a bad row never costs its neighbours anything.
 * Blank rows (empty, or only separators) are skipped without error but keep their row number.
 */
import { CsvRecordReader, type CsvRecord, type CsvSeparator } from './csv.js';
import {
  DEFAULT_POS_HEADERS,
  DEFAULT_REQUIRED_POS_FIELDS,
  POS_FIELDS,
  POS_FIELD_KINDS,
  resolveColumns,
  type PosColumnMapping,
  type PosField,
  type ResolvedColumns,
} from './mapping.js';
import { parseDateText, parseFlagText, parseMoneyText, parseQuantityText, type DecimalMark, type NumberOptions } from './values.js';

/** One POS line (a sale the distributor reports), with exact decimal strings for money. */
export interface PosLine {
  /** row in the file (header = 1), or position in a JSON array (first = 1) */
  row: number;
  distributorId: string | null;
  branch: string | null;
  invoiceNumber: string;
  invoiceLine: string;
  /** YYYY-MM-DD */
  invoiceDate: string;
  shipDate: string | null;
  distributorPartNumber: string | null;
  vendorPartNumber: string | null;
  /** whole units; negative on returns */
  quantity: number;
  unitOfMeasure: string | null;
  /** decimal strings without thousands separators ("1234.50"), at most 4 decimals */
  resalePrice: string | null;
  bookCost: string | null;
  authorizedCost: string | null;
  claimedAmount: string | null;
  authorizationNumber: string | null;
  customerPo: string | null;
  endCustomerName: string | null;
  soldToName: string | null;
  shipToName: string | null;
  endCustomerAddress: string | null;
  country: string | null;
  debitMemoNumber: string | null;
  creditReturn: boolean | null;
  /** the columns no field maps, by camel-cased header ("Reseller PO Number" → resellerPoNumber) */
  extra: Record<string, string>;
}

export interface PosRowError {
  /** row in the file (header = 1), or position in a JSON array (first = 1) */
  row: number;
  /** physical line where the row starts (differs from row when cells hold line breaks) */
  line: number;
  /** the column as the file names it; null for a problem of the whole row */
  column: string | null;
  field: PosField | null;
  value: string | null;
  reason: string;
  /** one sentence for the distributor: row, column, value and reason */
  message: string;
  /** true when the file cannot be read at all (a required column is missing) */
  fatal: boolean;
}

export type PosEvent = { type: 'line'; line: PosLine } | { type: 'error'; error: PosRowError };

export interface PosParserOptions {
  mapping?: PosColumnMapping;
  /** the separator; sniffed from the header when absent */
  separator?: CsvSeparator;
  /** a row longer than this is reported and skipped (default 1,000,000 characters) */
  maxRowChars?: number;
}

export interface PosParseStats {
  rows: number;
  lines: number;
  errors: number;
  badRows: number;
  blankRows: number;
}

const FIELD_LABEL: Record<PosField, string> = Object.fromEntries(POS_FIELDS.map((f) => [f, DEFAULT_POS_HEADERS[f][0]!])) as Record<
  PosField,
  string
>;

function rowError(
  row: number,
  line: number,
  column: string | null,
  field: PosField | null,
  value: string | null,
  reason: string,
  fatal = false,
): PosRowError {
  const where = column === null ? `Row ${row}` : `Row ${row}, column "${column}"`;
  const what = value === null || value === '' ? '' : ` "${value.length > 60 ? value.slice(0, 57) + '...' : value}"`;
  return { row, line, column, field, value, reason, message: `${where}:${what} ${reason}.`, fatal };
}

/** Turns header + cells into PosLines; shared by the CSV and the JSON sources. */
class RowMapper {
  private readonly required: readonly PosField[];
  private readonly dateOrder: NonNullable<PosColumnMapping['dateOrder']>;
  private readonly numbers: NumberOptions;
  readonly columns: ResolvedColumns;
  readonly headerErrors: PosRowError[] = [];
  readonly fatal: boolean;
  private readonly width: number;

  constructor(
    private readonly headers: readonly string[],
    mapping: PosColumnMapping,
    defaultMark: DecimalMark,
    headerRow: number,
  ) {
    this.required = mapping.required ?? DEFAULT_REQUIRED_POS_FIELDS;
    this.dateOrder = mapping.dateOrder ?? 'auto';
    this.numbers = { decimalMark: mapping.decimalMark ?? 'auto', defaultMark };
    this.columns = resolveColumns(headers, mapping);
    this.width = headers.length;
    const idx = this.columns.index;
    let fatal = false;
    for (const { field, names } of this.columns.unmatched) {
      const isRequired = this.required.includes(field);
      fatal ||= isRequired;
      this.headerErrors.push(
        rowError(headerRow, headerRow, names[0]!, field, null, `no column is named ${names.map((n) => `"${n}"`).join(' or ')}`, isRequired),
      );
    }
    for (const field of this.required) {
      if (idx[field] >= 0 || this.columns.unmatched.some((u) => u.field === field)) continue;
      fatal = true;
      this.headerErrors.push(
        rowError(
          headerRow,
          headerRow,
          FIELD_LABEL[field],
          field,
          null,
          `the file has no ${FIELD_LABEL[field]} column (looked for ${DEFAULT_POS_HEADERS[field].join(', ')})`,
          true,
        ),
      );
    }
    if (idx.vendorPartNumber < 0 && idx.distributorPartNumber < 0) {
      fatal = true;
      this.headerErrors.push(
        rowError(
          headerRow,
          headerRow,
          FIELD_LABEL.vendorPartNumber,
          'vendorPartNumber',
          null,
          'the file has neither a vendor nor a distributor part number column',
          true,
        ),
      );
    }
    this.fatal = fatal;
  }

  /** True when the row has no value at all. */
  static isBlank(cells: readonly string[]): boolean {
    for (const cell of cells) if (cell.trim() !== '') return false;
    return true;
  }

  /** The mapped fields as a plan: column, kind, required; built once per header. */
  private plan: { field: PosField; column: number; kind: number; required: boolean }[] | null = null;

  private compile() {
    const idx = this.columns.index;
    const kinds = { text: KIND_TEXT, date: KIND_DATE, money: KIND_MONEY, quantity: KIND_QUANTITY, flag: KIND_FLAG } as const;
    return (this.plan = POS_FIELDS.filter((f) => idx[f] >= 0 || this.required.includes(f)).map((field) => ({
      field,
      column: idx[field],
      kind: kinds[POS_FIELD_KINDS[field]],
      required: this.required.includes(field),
    })));
  }

  private error(
    out: PosEvent[],
    row: number,
    line: number,
    field: PosField | null,
    column: number,
    value: string | null,
    reason: string,
  ): void {
    out.push({ type: 'error', error: rowError(row, line, column >= 0 ? this.headers[column]! : null, field, value, reason) });
  }

  /** Maps one row; pushes the line or its errors. Returns the number of errors. */
  map(row: number, physicalLine: number, cells: readonly string[], out: PosEvent[]): number {
    const plan = this.plan ?? this.compile();
    const width = this.width;
    const n = cells.length;
    let errors = 0;
    if (n > width) {
      for (let c = width; c < n; c++) {
        if (cells[c]!.trim() !== '') {
          this.error(
            out,
            row,
            physicalLine,
            null,
            -1,
            null,
            `has ${n} cells but the header has ${width}: a value probably contains the separator without quotes`,
          );
          return 1;
        }
      }
    }
    const line: PosLine = {
      row,
      distributorId: null,
      branch: null,
      invoiceNumber: '',
      invoiceLine: '',
      invoiceDate: '',
      shipDate: null,
      distributorPartNumber: null,
      vendorPartNumber: null,
      quantity: 0,
      unitOfMeasure: null,
      resalePrice: null,
      bookCost: null,
      authorizedCost: null,
      claimedAmount: null,
      authorizationNumber: null,
      customerPo: null,
      endCustomerName: null,
      soldToName: null,
      shipToName: null,
      endCustomerAddress: null,
      country: null,
      debitMemoNumber: null,
      creditReturn: null,
      extra: {},
    };
    for (let p = 0; p < plan.length; p++) {
      const { field, column, kind } = plan[p]!;
      const value = column >= 0 && column < n ? cells[column]!.trim() : '';
      if (value === '') {
        if (plan[p]!.required) {
          errors++;
          this.error(
            out,
            row,
            physicalLine,
            field,
            column,
            null,
            column >= n ? `is missing: the row has only ${n} of ${width} cells` : 'is empty',
          );
        }
        continue;
      }
      if (kind === KIND_TEXT) {
        setText(line, field, value);
        continue;
      }
      const parsed =
        kind === KIND_MONEY
          ? parseMoneyText(value, this.numbers)
          : kind === KIND_DATE
            ? parseDateText(value, this.dateOrder)
            : kind === KIND_QUANTITY
              ? parseQuantityText(value, this.numbers)
              : parseFlagText(value);
      if (parsed.ok) setValue(line, field, parsed.value);
      else {
        errors++;
        this.error(out, row, physicalLine, field, column, value, parsed.reason);
      }
    }
    if (line.vendorPartNumber === null && line.distributorPartNumber === null) {
      const idx = this.columns.index;
      errors++;
      this.error(
        out,
        row,
        physicalLine,
        'vendorPartNumber',
        idx.vendorPartNumber >= 0 ? idx.vendorPartNumber : idx.distributorPartNumber,
        null,
        'needs a vendor or a distributor part number',
      );
    }
    if (errors > 0) return errors;
    const extra = this.columns.extra;
    for (let e = 0; e < extra.length; e++) {
      const { index, key } = extra[e]!;
      if (index < n) line.extra[key] = cells[index]!.trim();
    }
    out.push({ type: 'line', line });
    return 0;
  }
}

/** Named stores (a keyed store with a variable key would be megamorphic and slow). */
function setText(line: PosLine, field: PosField, value: string): void {
  switch (field) {
    case 'distributorId':
      line.distributorId = value;
      break;
    case 'branch':
      line.branch = value;
      break;
    case 'invoiceNumber':
      line.invoiceNumber = value;
      break;
    case 'invoiceLine':
      line.invoiceLine = value;
      break;
    case 'distributorPartNumber':
      line.distributorPartNumber = value;
      break;
    case 'vendorPartNumber':
      line.vendorPartNumber = value;
      break;
    case 'unitOfMeasure':
      line.unitOfMeasure = value;
      break;
    case 'authorizationNumber':
      line.authorizationNumber = value;
      break;
    case 'customerPo':
      line.customerPo = value;
      break;
    case 'endCustomerName':
      line.endCustomerName = value;
      break;
    case 'soldToName':
      line.soldToName = value;
      break;
    case 'shipToName':
      line.shipToName = value;
      break;
    case 'endCustomerAddress':
      line.endCustomerAddress = value;
      break;
    case 'country':
      line.country = value;
      break;
    case 'debitMemoNumber':
      line.debitMemoNumber = value;
      break;
    default:
      throw new Error(`${field} is not a text field`);
  }
}

function setValue(line: PosLine, field: PosField, value: string | number | boolean): void {
  switch (field) {
    case 'invoiceDate':
      line.invoiceDate = value as string;
      break;
    case 'shipDate':
      line.shipDate = value as string;
      break;
    case 'quantity':
      line.quantity = value as number;
      break;
    case 'resalePrice':
      line.resalePrice = value as string;
      break;
    case 'bookCost':
      line.bookCost = value as string;
      break;
    case 'authorizedCost':
      line.authorizedCost = value as string;
      break;
    case 'claimedAmount':
      line.claimedAmount = value as string;
      break;
    case 'creditReturn':
      line.creditReturn = value as boolean;
      break;
    default:
      throw new Error(`${field} is not a typed field`);
  }
}

const KIND_TEXT = 0;
const KIND_DATE = 1;
const KIND_MONEY = 2;
const KIND_QUANTITY = 3;
const KIND_FLAG = 4;

/**
 * The streaming POS parser: `push(chunk)` returns the events of the rows that chunk completed,
 * `end()` the rest. The events of one file do not depend on how it was cut into chunks.
 */
export class PosParser {
  private readonly reader: CsvRecordReader;
  private readonly mapping: PosColumnMapping;
  private mapper: RowMapper | null = null;
  private failed = false;
  readonly stats: PosParseStats = { rows: 0, lines: 0, errors: 0, badRows: 0, blankRows: 0 };

  constructor(options: PosParserOptions = {}) {
    this.mapping = options.mapping ?? {};
    this.reader = new CsvRecordReader({ separator: options.separator, maxRecordChars: options.maxRowChars });
  }

  /** The separator in use, once the header has been read. */
  get separator(): CsvSeparator | null {
    return this.reader.detectedSeparator;
  }

  /** The column matching of the header, once read. */
  get columns(): ResolvedColumns | null {
    return this.mapper?.columns ?? null;
  }

  push(chunk: string): PosEvent[] {
    const { records, errors } = this.reader.push(chunk);
    return this.handle(records, errors);
  }

  end(): PosEvent[] {
    const { records, errors } = this.reader.end();
    const out = this.handle(records, errors);
    if (this.mapper === null && !this.failed)
      out.push(this.emitError(rowError(1, 1, null, null, null, 'the file is empty: it has no header row', true)));
    return out;
  }

  private emitError(error: PosRowError): PosEvent {
    this.stats.errors++;
    return { type: 'error', error };
  }

  /** Feeds records from another source (the JSON array-of-arrays form); `push` does this for text. */
  pushRecords(records: CsvRecord[], recordErrors: { row: number; line: number; reason: string }[] = []): PosEvent[] {
    return this.handle(records, recordErrors);
  }

  private handle(records: CsvRecord[], recordErrors: { row: number; line: number; reason: string }[]): PosEvent[] {
    const out: PosEvent[] = [];
    // record errors are rare; merge them in row order
    let e = 0;
    for (const record of records) {
      while (e < recordErrors.length && recordErrors[e]!.row <= record.row) this.recordError(recordErrors[e++]!, out);
      this.record(record, out);
    }
    while (e < recordErrors.length) this.recordError(recordErrors[e++]!, out);
    return out;
  }

  private recordError(error: { row: number; line: number; reason: string }, out: PosEvent[]): void {
    if (this.failed) return;
    this.stats.rows = Math.max(this.stats.rows, error.row);
    this.stats.badRows++;
    out.push(this.emitError(rowError(error.row, error.line, null, null, null, error.reason)));
  }

  private record(record: CsvRecord, out: PosEvent[]): void {
    if (this.failed) return;
    this.stats.rows = record.row;
    if (this.mapper === null) {
      if (RowMapper.isBlank(record.cells)) {
        this.stats.blankRows++;
        return;
      }
      const defaultMark: DecimalMark = this.reader.detectedSeparator === ';' ? ',' : '.';
      this.mapper = new RowMapper(record.cells, this.mapping, defaultMark, record.row);
      for (const error of this.mapper.headerErrors) out.push(this.emitError(error));
      this.failed = this.mapper.fatal;
      return;
    }
    if (RowMapper.isBlank(record.cells)) {
      this.stats.blankRows++;
      return;
    }
    const errors = this.mapper.map(record.row, record.line, record.cells, out);
    if (errors > 0) {
      this.stats.errors += errors;
      this.stats.badRows++;
    } else this.stats.lines++;
  }
}

/** Parses a whole text. */
export function parsePosText(
  text: string,
  options: PosParserOptions = {},
): { lines: PosLine[]; errors: PosRowError[]; stats: PosParseStats } {
  const parser = new PosParser(options);
  const lines: PosLine[] = [];
  const errors: PosRowError[] = [];
  for (const event of [...parser.push(text), ...parser.end()]) {
    if (event.type === 'line') lines.push(event.line);
    else errors.push(event.error);
  }
  return { lines, errors, stats: parser.stats };
}

/**
 * Parses text chunks as they arrive (a fetch body through TextDecoderStream, a File's
 * `stream()`, Node's stream with setEncoding('utf8')...), yielding events row by row.
 */
export async function* parsePosChunks(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: PosParserOptions = {},
): AsyncGenerator<PosEvent> {
  const parser = new PosParser(options);
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}

/** Decodes byte chunks (UTF-8 by default) into text chunks, a character split across chunks included. */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, encoding = 'utf-8'): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/**
 * The JSON row source: an array of objects keyed by header names ({"Invoice Number": "...",
 * "Qty": 5, ...}), or an array of arrays whose first element is the header row. Values may be
 * strings, numbers, booleans or null. Rows are numbered by position (first object = 1; with a
 * header array, the header is 1 as in a CSV file).
 */
export function parsePosJson(rows: readonly unknown[], options: Pick<PosParserOptions, 'mapping'> = {}): PosEvent[] {
  const mapping = options.mapping ?? {};
  const out: PosEvent[] = [];
  const cellText = (value: unknown): string | null => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
    if (typeof value === 'boolean') return value ? 'Y' : 'N';
    return null;
  };
  if (rows.length > 0 && Array.isArray(rows[0])) {
    const parser = new PosParser({ mapping });
    const records: CsvRecord[] = [];
    const errors: { row: number; line: number; reason: string }[] = [];
    rows.forEach((r, i) => {
      if (!Array.isArray(r)) errors.push({ row: i + 1, line: i + 1, reason: 'is not an array of cells like the header' });
      else {
        const cells = r.map(cellText);
        if (cells.some((c) => c === null)) errors.push({ row: i + 1, line: i + 1, reason: 'has a cell that is an object or an array' });
        else records.push({ row: i + 1, line: i + 1, cells: cells as string[] });
      }
    });
    // the CSV path: header first, then rows
    return [...parser.pushRecords(records, errors), ...parser.end()];
  }
  const mappers = new Map<string, RowMapper>();
  rows.forEach((r, i) => {
    const row = i + 1;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      out.push({ type: 'error', error: rowError(row, row, null, null, null, 'is not an object of column names and values') });
      return;
    }
    const headers = Object.keys(r);
    const signature = headers.join('\u0001');
    let mapper = mappers.get(signature);
    if (mapper === undefined) {
      mapper = new RowMapper(headers, mapping, '.', row);
      mappers.set(signature, mapper);
      for (const e of mapper.headerErrors)
        out.push({ type: 'error', error: { ...e, row, line: row, message: e.message.replace(/^Row \d+/, `Row ${row}`) } });
    }
    if (mapper.fatal) return;
    const cells: string[] = [];
    for (const h of headers) {
      const t = cellText((r as Record<string, unknown>)[h]);
      if (t === null) {
        out.push({ type: 'error', error: rowError(row, row, h, null, null, 'is an object or an array, not a value') });
        return;
      }
      cells.push(t);
    }
    if (RowMapper.isBlank(cells)) return;
    mapper.map(row, row, cells, out);
  });
  return out;
}
