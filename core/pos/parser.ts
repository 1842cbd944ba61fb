/**
 * POS report parsing: text chunks (or JSON rows) in, `PosLine`s and row errors out, a chunk at
 * a time and in bounded memory. Browser-safe: the server's import, the claim-file path and the
 * browser preflight all run this code, so what the preflight flags is what the server rejects.
 *
 * File settings (decimal mark, date order) are settings of the whole file, never of a cell: the
 * parser holds the first data rows (SAMPLE_ROWS, at most SAMPLE_CHARS of text), reads what every
 * numeric and date cell of them says (fields.ts kinds `money`, `quantity`, `date`), and decides.
 * A chosen setting is applied as given. When the sample leaves a setting open but needs it
 * ("1,200" and "03/04/2026" read two ways and nothing else in the file tells), or shows two
 * conventions neither of which clearly dominates, the file fails as a whole with a fatal error
 * naming the setting, the columns and sample values (the server answers 422). A later row that
 * contradicts the decided setting is a row error naming the setting: never a silent misread.
 * A setting the sample did not need stays open; the first later cell that decides it by itself
 * fixes it for the rest of the file, and a later cell that needs it while it is open is a row
 * error naming it.
 *
 * Every bad row yields one error per bad cell, with its row number (the header is row 1), the
 * column (our field name, or the header of an unmapped column), a code and a message; a bad row
 * never costs its neighbours anything. Blank rows (empty, or only separators) are skipped
 * without error but keep their row number. The canonical POS key (core/claims/pos-key.ts) is
 * computed here, once: a key that cannot be stored is a row error naming its column.
 */
import { csvRecord } from '../csv.js';
import { canonicalInvoiceLine, canonicalInvoiceNumber, INVOICE_KEY_MAX, LINE_KEY_MAX, posKeyProblem } from '../claims/pos-key.js';
import { CONTROL_CHARACTER, CsvRecordReader, type CsvRecord, type CsvRecordError, type CsvSeparator } from './csv.js';
import { PosEncodingError, PosTextDecoder, PosUnsupportedFileError, type PosEncoding, type PosEncodingFrom } from './encoding.js';
import { POS_EXTRA_FIELDS, POS_FIELDS, POS_FIELD_TABLE, type PosField } from './fields.js';
import { DEFAULT_REQUIRED_POS_FIELDS, columnProblemText, resolveColumns, type PosColumnMapping, type ResolvedColumns } from './mapping.js';
import {
  MARK_AMBIGUOUS,
  MARK_COMMA,
  MARK_DOT,
  MARK_NONE,
  ORDER_AMBIGUOUS,
  ORDER_DMY,
  ORDER_MDY,
  dateEvidence,
  markEvidence,
  parseDateText,
  parseDecimalText,
  parseFlagText,
  parseMoneyText,
  parseQuantityText,
  POS_QUANTITY_MAX,
  type DateOrder,
  type DecimalMark,
} from './values.js';

/** One POS line (a sale the distributor reports), with exact decimal strings for money. */
export interface PosLine {
  /** row in the file (header = 1), or position in a JSON array (first = 1) */
  row: number;
  distributorId: string | null;
  branch: string | null;
  invoiceNumber: string;
  invoiceLine: string;
  /** the canonical POS key (core/claims/pos-key.ts), computed once here */
  invoiceKey: string;
  lineKey: string;
  /** YYYY-MM-DD */
  invoiceDate: string;
  shipDate: string | null;
  distributorPartNumber: string | null;
  vendorPartNumber: string | null;
  /** whole units, never 0; negative on a return */
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
  /** a credit or return: a negative quantity, or the file's credit/return flag set */
  creditReturn: boolean;
  /** the columns no field maps, by camel-cased header ("Notes" → notes); empty cells left out */
  extra: Record<string, string>;
}

export type PosErrorCode =
  | 'MISSING_REQUIRED_FIELD'
  | 'INVALID_DATE'
  | 'INVALID_NUMBER'
  | 'INVALID_QUANTITY'
  | 'INVALID_FLAG'
  | 'CURRENCY_MISMATCH'
  | 'NEGATIVE_AMOUNT'
  | 'RETURN_FLAG_CONFLICT'
  | 'VALUE_TOO_LONG'
  | 'CONTROL_CHARACTER'
  | 'ROW_TOO_LONG'
  | 'MALFORMED_ROW'
  | 'MAPPING_INCOMPLETE'
  | 'MAPPING_AMBIGUOUS'
  | 'DECIMAL_MARK_AMBIGUOUS'
  | 'DATE_ORDER_AMBIGUOUS'
  | 'ENCODING_INVALID'
  | 'UNSUPPORTED_FILE'
  | 'EMPTY_FILE';

export interface PosRowError {
  /** row in the file (header = 1), or position in a JSON array (first = 1) */
  row: number;
  /** physical line where the row starts (differs from row when cells hold line breaks) */
  line: number;
  /** our field name, the header of an unmapped column, or null for a problem of the whole row */
  column: string | null;
  /** the header of the column as the file writes it, when there is one */
  header: string | null;
  code: PosErrorCode;
  value: string | null;
  /** one sentence for the distributor: column, value and reason (the row is given apart) */
  message: string;
  /** true when the file cannot be read at all (a column missing or ambiguous, a setting to choose) */
  fatal: boolean;
  /** the file setting the distributor can choose to read the row (or the file) */
  setting?: 'decimalMark' | 'dateOrder' | 'charset';
  /** fatal setting errors: the columns and values that left it open */
  samples?: { column: string; value: string }[];
  /** the row's cells joined by the separator (at most 2,000 characters), for the error report */
  raw?: string;
}

export type PosEvent = { type: 'line'; line: PosLine } | { type: 'error'; error: PosRowError };

/** The settings a file was read with, and where each came from. */
export interface PosReadSettings {
  delimiter: CsvSeparator | null;
  /** null: no cell of the file needed one */
  decimalMark: DecimalMark | null;
  dateOrder: DateOrder | null;
  /** 'chosen': given by the request or the saved mapping; 'file': inferred; 'none': not needed */
  decimalMarkFrom: 'chosen' | 'file' | 'none';
  dateOrderFrom: 'chosen' | 'file' | 'none';
  /** the encoding the bytes were read in (files read as bytes, `pushBytes`; see encoding.ts) */
  encoding?: PosEncoding;
  /** 'chosen': declared (a charset); 'file': a byte-order mark, or the bytes; 'none': plain ASCII, read as UTF-8 */
  encodingFrom?: PosEncodingFrom;
}

export interface PosParserOptions {
  mapping?: PosColumnMapping;
  /** the separator; sniffed from the header when absent (or `mapping.delimiter`) */
  separator?: CsvSeparator;
  /** a row longer than this is reported and skipped (default 64 KiB) */
  maxRowChars?: number;
  /** data rows held to infer the file settings (default SAMPLE_ROWS) */
  sampleRows?: number;
  /** the declared encoding of bytes given to `pushBytes` (a charset); inferred when absent (encoding.ts) */
  encoding?: PosEncoding | null;
  /** a native read of an all-ASCII chunk, or null (see PosTextDecoder) */
  asciiText?: ((bytes: Uint8Array) => string | null) | null;
  /**
   * the file's currency (ISO 4217: the distributor's, or the claim's): a money cell may write its
   * sign or code; one naming another currency is a row error CURRENCY_MISMATCH. Absent: as before
   * currencies were compared (values.ts `NumberOptions.currency`).
   */
  currency?: string | null;
}

export interface PosParseStats {
  rows: number;
  lines: number;
  errors: number;
  badRows: number;
  blankRows: number;
}

/** Data rows the settings are inferred from, and the most text they may hold. */
export const SAMPLE_ROWS = 1000;
export const SAMPLE_CHARS = 1 << 20;

const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

const KIND_TEXT = 0;
const KIND_DATE = 1;
const KIND_MONEY = 2;
const KIND_QUANTITY = 3;
const KIND_FLAG = 4;
const KIND_CODE = { text: KIND_TEXT, date: KIND_DATE, money: KIND_MONEY, quantity: KIND_QUANTITY, flag: KIND_FLAG } as const;
const KIND_ERROR: Record<number, PosErrorCode> = {
  [KIND_DATE]: 'INVALID_DATE',
  [KIND_MONEY]: 'INVALID_NUMBER',
  [KIND_QUANTITY]: 'INVALID_QUANTITY',
  [KIND_FLAG]: 'INVALID_FLAG',
};

function quote(value: string): string {
  return `"${value.length > 60 ? value.slice(0, 57) + '...' : value}"`;
}

function rowError(
  row: number,
  line: number,
  column: string | null,
  header: string | null,
  code: PosErrorCode,
  value: string | null,
  reason: string,
  fatal = false,
): PosRowError {
  const what = header ?? column;
  const subject = what === null ? 'the row' : what;
  const shown = value === null || value === '' ? '' : ` ${quote(value)}`;
  return { row, line, column, header, code, value, message: `${subject}${shown} ${reason}`, fatal };
}

interface PlanStep {
  field: PosField;
  column: number;
  kind: number;
  required: boolean;
  maxLength: number;
}

/** Turns header + cells into PosLines; shared by the CSV and the JSON sources. */
class RowMapper {
  private readonly required: readonly PosField[];
  readonly columns: ResolvedColumns;
  readonly headerErrors: PosRowError[] = [];
  readonly fatal: boolean;
  private readonly width: number;
  private readonly plan: PlanStep[];
  /** the file settings in force (null: not decided) */
  mark: DecimalMark | null = null;
  order: DateOrder | null = null;
  markFrom: PosReadSettings['decimalMarkFrom'] = 'none';
  orderFrom: PosReadSettings['dateOrderFrom'] = 'none';

  constructor(
    private readonly headers: readonly string[],
    mapping: PosColumnMapping,
    headerRow: number,
    /** the file's currency (PosParserOptions.currency), upper case; null: none known */
    private readonly currency: string | null = null,
  ) {
    this.required = mapping.required ?? DEFAULT_REQUIRED_POS_FIELDS;
    this.columns = resolveColumns(headers, mapping);
    this.width = headers.length;
    if (mapping.decimalMark !== undefined && mapping.decimalMark !== 'auto') {
      this.mark = mapping.decimalMark;
      this.markFrom = 'chosen';
    }
    if (mapping.dateOrder !== undefined && mapping.dateOrder !== 'auto') {
      this.order = mapping.dateOrder;
      this.orderFrom = 'chosen';
    }
    const idx = this.columns.index;
    let fatal = false;
    for (const p of this.columns.problems) {
      const isFatal = p.kind === 'ambiguous' || this.required.includes(p.field);
      fatal ||= isFatal;
      this.headerErrors.push(
        rowError(
          headerRow,
          headerRow,
          p.field,
          null,
          p.kind === 'ambiguous' ? 'MAPPING_AMBIGUOUS' : 'MAPPING_INCOMPLETE',
          null,
          columnProblemText(p),
          isFatal,
        ),
      );
    }
    for (const field of this.required) {
      if (idx[field] >= 0 || this.columns.problems.some((u) => u.field === field)) continue;
      fatal = true;
      this.headerErrors.push(
        rowError(
          headerRow,
          headerRow,
          field,
          null,
          'MAPPING_INCOMPLETE',
          null,
          `has no column in the file (looked for ${POS_FIELD_TABLE[field].headers.join(', ')})`,
          true,
        ),
      );
    }
    if (idx.vendorPartNumber < 0 && idx.distributorPartNumber < 0 && !this.columns.problems.some((p) => p.kind === 'ambiguous')) {
      fatal = true;
      this.headerErrors.push(
        rowError(
          headerRow,
          headerRow,
          'vendorPartNumber',
          null,
          'MAPPING_INCOMPLETE',
          null,
          'has no column, nor has distributorPartNumber: a line needs a part number',
          true,
        ),
      );
    }
    this.fatal = fatal;
    this.plan = POS_FIELDS.filter((f) => idx[f] >= 0 || this.required.includes(f)).map((field) => {
      const spec = POS_FIELD_TABLE[field] as { kind: keyof typeof KIND_CODE; maxLength?: number };
      return {
        field,
        column: idx[field],
        kind: KIND_CODE[spec.kind],
        required: this.required.includes(field),
        maxLength: spec.maxLength ?? Infinity,
      };
    });
  }

  /** True when the row has no value at all. */
  static isBlank(cells: readonly string[]): boolean {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell !== '' && cell.trim() !== '') return false;
    }
    return true;
  }

  /** The settings in force. */
  settings(delimiter: CsvSeparator | null): PosReadSettings {
    return { delimiter, decimalMark: this.mark, dateOrder: this.order, decimalMarkFrom: this.markFrom, dateOrderFrom: this.orderFrom };
  }

  /** The column's header as the file writes it; null for none (or an empty one). */
  private headerOf(column: number): string | null {
    const header = column >= 0 && column < this.headers.length ? this.headers[column]!.trim() : '';
    return header === '' ? null : header;
  }

  private error(
    out: PosEvent[],
    row: number,
    line: number,
    field: string | null,
    column: number,
    code: PosErrorCode,
    value: string | null,
    reason: string,
  ): void {
    out.push({ type: 'error', error: rowError(row, line, field, this.headerOf(column), code, value, reason) });
  }

  /**
   * Infers the open settings from the sample rows; returns a fatal error when a needed setting
   * cannot be told. All numeric cells count together (a quantity "1.200" and a price "2,90" say
   * the same file), and so do all date cells.
   */
  infer(sample: readonly CsvRecord[], headerRow: number): PosRowError | null {
    const marks = [0, 0, 0, 0];
    const orders = [0, 0, 0, 0];
    const markSamples: { column: string; value: string }[][] = [[], [], [], []];
    const orderSamples: { column: string; value: string }[][] = [[], [], [], []];
    const numeric = this.plan.filter((p) => p.column >= 0 && (p.kind === KIND_MONEY || p.kind === KIND_QUANTITY));
    const dates = this.plan.filter((p) => p.column >= 0 && p.kind === KIND_DATE);
    for (const record of sample) {
      const cells = record.cells;
      if (this.mark === null)
        for (const p of numeric) {
          const value = cells[p.column]?.trim();
          if (!value) continue;
          const ev = markEvidence(value);
          // a cell that is no number with either mark ("Fr. 12.50" in a file not in francs, "n/a") says nothing about the mark
          if (ev !== MARK_NONE && !readsWithEitherMark(value, p.kind === KIND_MONEY ? this.currency : null)) continue;
          marks[ev] = marks[ev]! + 1;
          if (markSamples[ev]!.length < 3) markSamples[ev]!.push({ column: p.field, value });
        }
      if (this.order === null)
        for (const p of dates) {
          const value = cells[p.column]?.trim();
          if (!value) continue;
          const ev = dateEvidence(value);
          orders[ev] = orders[ev]! + 1;
          if (orderSamples[ev]!.length < 3) orderSamples[ev]!.push({ column: p.field, value });
        }
    }
    if (this.mark === null) {
      const decided = decide(marks[MARK_DOT]!, marks[MARK_COMMA]!, marks[MARK_AMBIGUOUS]!);
      if (decided === 'conflict' || decided === 'open') {
        const samples = decided === 'conflict' ? [...markSamples[MARK_DOT]!, ...markSamples[MARK_COMMA]!] : markSamples[MARK_AMBIGUOUS]!;
        const reason =
          decided === 'conflict'
            ? `the file writes numbers with "." (${marks[MARK_DOT]} cells) and with "," (${marks[MARK_COMMA]} cells) as the decimal mark`
            : `the decimal mark cannot be told from the file: ${marks[MARK_AMBIGUOUS]} numbers read two ways and none shows the mark`;
        return settingError(
          headerRow,
          'DECIMAL_MARK_AMBIGUOUS',
          'decimalMark',
          samples,
          `${reason}; choose it: ?decimalMark=. or ?decimalMark=, (or the saved mapping's options)`,
        );
      }
      if (decided !== null) {
        this.mark = decided === 1 ? '.' : ',';
        this.markFrom = 'file';
      }
    }
    if (this.order === null) {
      const decided = decide(orders[ORDER_DMY]!, orders[ORDER_MDY]!, orders[ORDER_AMBIGUOUS]!);
      if (decided === 'conflict' || decided === 'open') {
        const samples =
          decided === 'conflict' ? [...orderSamples[ORDER_DMY]!, ...orderSamples[ORDER_MDY]!] : orderSamples[ORDER_AMBIGUOUS]!;
        const reason =
          decided === 'conflict'
            ? `the file writes dates day first (${orders[ORDER_DMY]} cells) and month first (${orders[ORDER_MDY]} cells)`
            : `the date order cannot be told from the file: ${orders[ORDER_AMBIGUOUS]} dates read two ways (day or month first) and none shows the order`;
        return settingError(
          headerRow,
          'DATE_ORDER_AMBIGUOUS',
          'dateOrder',
          samples,
          `${reason}; choose it: ?dateOrder=DMY or ?dateOrder=MDY (or the saved mapping's options)`,
        );
      }
      if (decided !== null) {
        this.order = decided === 1 ? 'DMY' : 'MDY';
        this.orderFrom = 'file';
      }
    }
    return null;
  }

  /** Maps one row; pushes the line or its errors. Returns the number of errors. */
  map(row: number, physicalLine: number, cells: readonly string[], control: boolean, out: PosEvent[]): number {
    const plan = this.plan;
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
            'MALFORMED_ROW',
            null,
            `has ${n} cells but the header has ${width}: a value probably contains the separator without quotes`,
          );
          return 1;
        }
      }
    }
    if (control) {
      for (let c = 0; c < n && c < width; c++) {
        if (!CONTROL_CHARACTER.test(cells[c]!)) continue;
        errors++;
        // our field, else the column's header, else its key in `extra` ("column7": no header)
        const field =
          plan.find((p) => p.column === c)?.field ?? this.headerOf(c) ?? this.columns.extra.find((x) => x.index === c)?.key ?? null;
        const at = cells[c]!.search(CONTROL_CHARACTER);
        const code = cells[c]!.charCodeAt(at).toString(16).padStart(2, '0').toUpperCase();
        this.error(
          out,
          row,
          physicalLine,
          field,
          c,
          'CONTROL_CHARACTER',
          null,
          `holds a control character (0x${code} at position ${at + 1}): the file is not plain text there`,
        );
      }
      if (errors > 0) return errors;
    }
    const line: PosLine = {
      row,
      distributorId: null,
      branch: null,
      invoiceNumber: '',
      invoiceLine: '',
      invoiceKey: '',
      lineKey: '',
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
      creditReturn: false,
      extra: {},
    };
    /** the flag cell's word: true a return, false a sale, null no word (an empty cell, or no column) */
    let flag: boolean | null = null;
    /** the plan steps whose amount was negative (read as written until the row is known a sale or a return) */
    let negatives = 0;
    for (let p = 0; p < plan.length; p++) {
      const step = plan[p]!;
      const column = step.column;
      const raw = column >= 0 && column < n ? cells[column]! : '';
      const value = raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
      const field = step.field;
      if (value === '') {
        if (step.required) {
          errors++;
          this.error(
            out,
            row,
            physicalLine,
            field,
            column,
            'MISSING_REQUIRED_FIELD',
            null,
            column >= n ? `is missing: the row has only ${n} of ${width} cells` : 'is empty',
          );
        }
        continue;
      }
      const kind = step.kind;
      if (kind === KIND_TEXT) {
        if (value.length > step.maxLength) {
          errors++;
          this.error(out, row, physicalLine, field, column, 'VALUE_TOO_LONG', null, `is longer than ${step.maxLength} characters`);
        } else setText(line, field, value);
        continue;
      }
      if (kind === KIND_MONEY || kind === KIND_QUANTITY) {
        const parsed =
          kind === KIND_MONEY
            ? parseMoneyText(value, { decimalMark: this.mark, currency: this.currency })
            : parseQuantityText(value, { decimalMark: this.mark });
        if (!parsed.ok) {
          errors++;
          if (parsed.currency !== undefined) this.error(out, row, physicalLine, field, column, 'CURRENCY_MISMATCH', value, parsed.reason);
          else this.error(out, row, physicalLine, field, column, KIND_ERROR[kind]!, value, this.numberReason(value, parsed.reason));
          continue;
        }
        if (kind === KIND_MONEY) {
          const amount = parsed.value as string;
          setMoney(line, field, amount);
          if (amount.charCodeAt(0) === 45) negatives |= 1 << p;
        } else {
          const quantity = parsed.value as number;
          if (quantity > POS_QUANTITY_MAX || quantity < -POS_QUANTITY_MAX) {
            errors++;
            this.error(
              out,
              row,
              physicalLine,
              field,
              column,
              'INVALID_QUANTITY',
              value,
              `is more units than a line carries: a quantity is a whole number from 1 to ${POS_QUANTITY_MAX.toLocaleString('en-US')} (negative for a return)`,
            );
            continue;
          }
          line.quantity = quantity;
        }
        if (this.mark === null) this.fixMark(value);
        continue;
      }
      if (kind === KIND_DATE) {
        const parsed = parseDateText(value, this.order);
        if (parsed.ok) {
          if (field === 'invoiceDate') line.invoiceDate = parsed.value;
          else line.shipDate = parsed.value;
          if (this.order === null) this.fixOrder(value);
        } else {
          errors++;
          this.error(out, row, physicalLine, field, column, 'INVALID_DATE', value, parsed.reason);
        }
        continue;
      }
      const parsed = parseFlagText(value);
      if (parsed.ok) flag = parsed.value;
      else {
        errors++;
        this.error(out, row, physicalLine, field, column, 'INVALID_FLAG', value, parsed.reason);
      }
    }
    if (line.quantity === 0 && errors === 0 && this.columns.index.quantity >= 0) {
      const column = this.columns.index.quantity;
      errors++;
      this.error(
        out,
        row,
        physicalLine,
        'quantity',
        column,
        'INVALID_QUANTITY',
        cells[column]?.trim() ?? null,
        'is zero: a line needs a quantity (negative for a return)',
      );
    }
    if (flag === false && line.quantity < 0) {
      // the flag says a sale, the quantity a return: neither is taken over the other
      const idx = this.columns.index;
      errors++;
      this.error(
        out,
        row,
        physicalLine,
        'creditReturn',
        idx.creditReturn,
        'RETURN_FLAG_CONFLICT',
        cells[idx.creditReturn]?.trim() ?? null,
        `says the line is a sale, but ${this.headerOf(idx.quantity) ?? 'quantity'} "${cells[idx.quantity]?.trim() ?? ''}" is negative, a return: correct one of the two (a return has a negative quantity, or its flag set)`,
      );
    } else if (negatives !== 0 && !hasErrorFor(out, row, 'quantity')) {
      // A return's amounts may be written with its sign: the quantity carries it, the amounts are kept as their value.
      // A sale's amounts are never below zero.
      const isReturn = flag === true || line.quantity < 0;
      for (let p = 0; p < plan.length; p++) {
        if ((negatives & (1 << p)) === 0) continue;
        const step = plan[p]!;
        const amount = moneyOf(line, step.field);
        if (isReturn) setMoney(line, step.field, amount.slice(1));
        else {
          errors++;
          this.error(
            out,
            row,
            physicalLine,
            step.field,
            step.column,
            'NEGATIVE_AMOUNT',
            cells[step.column]!.trim(),
            "is negative: a sale's amounts are never below zero (a return is a negative quantity or a return flag, and its amounts may carry the sign)",
          );
        }
      }
    }
    if (line.vendorPartNumber === null && line.distributorPartNumber === null) {
      const idx = this.columns.index;
      const column = idx.vendorPartNumber >= 0 || idx.distributorPartNumber < 0 ? 'vendorPartNumber' : 'distributorPartNumber';
      if (!hasErrorFor(out, row, column)) {
        errors++;
        this.error(
          out,
          row,
          physicalLine,
          column,
          idx[column],
          'MISSING_REQUIRED_FIELD',
          null,
          'is empty: a line needs a vendor or a distributor part number',
        );
      }
    }
    if (line.invoiceNumber !== '' && line.invoiceLine !== '') {
      const invoiceKey = canonicalInvoiceNumber(line.invoiceNumber);
      const lineKey = canonicalInvoiceLine(line.invoiceLine);
      if (invoiceKey === '' || invoiceKey.length > INVOICE_KEY_MAX || lineKey === '' || lineKey.length > LINE_KEY_MAX) {
        const problem = posKeyProblem(line.invoiceNumber, line.invoiceLine)!;
        errors++;
        this.error(
          out,
          row,
          physicalLine,
          problem.field,
          this.columns.index[problem.field],
          problem.message.startsWith('is empty') ? 'MISSING_REQUIRED_FIELD' : 'VALUE_TOO_LONG',
          null,
          problem.message,
        );
      } else {
        line.invoiceKey = invoiceKey;
        line.lineKey = lineKey;
      }
    }
    if (errors > 0) return errors;
    if (flag === true && line.quantity > 0) line.quantity = -line.quantity;
    line.creditReturn = line.quantity < 0;
    const extra = this.columns.extra;
    for (let e = 0; e < extra.length; e++) {
      const { index, key } = extra[e]!;
      if (index >= n) continue;
      const value = cells[index]!.trim();
      if (value !== '') line.extra[key] = value;
    }
    out.push({ type: 'line', line });
    return 0;
  }

  /** A number the file's decimal mark cannot read: say so when the other mark would read it (only then). */
  private numberReason(value: string, reason: string): string {
    if (this.mark === null || this.markFrom !== 'file') return reason;
    const ev = markEvidence(value);
    const other = this.mark === '.' ? MARK_COMMA : MARK_DOT;
    if (ev !== other) return reason;
    const otherMark = this.mark === '.' ? ',' : '.';
    // "Fr. 12.50" shows two dots but is no number with either mark: its own reason stands
    if (!parseDecimalText(value, { decimalMark: otherMark, currency: this.currency }).ok) return reason;
    return `is written with "${otherMark}" as the decimal mark, but the file's decimal mark is "${this.mark}" (decimalMark, inferred from the file; choose ?decimalMark=${otherMark} if that is wrong)`;
  }

  /** A later cell that tells the decimal mark by itself fixes it for the rest of the file. */
  private fixMark(value: string): void {
    const ev = markEvidence(value);
    if (ev === MARK_DOT || ev === MARK_COMMA) {
      this.mark = ev === MARK_DOT ? '.' : ',';
      this.markFrom = 'file';
    }
  }

  private fixOrder(value: string): void {
    const ev = dateEvidence(value);
    if (ev === ORDER_DMY || ev === ORDER_MDY) {
      this.order = ev === ORDER_DMY ? 'DMY' : 'MDY';
      this.orderFrom = 'file';
    }
  }
}

/** True when a numeric cell reads as a number with "." or with "," as the decimal mark (in the file's currency, for an amount). */
function readsWithEitherMark(value: string, currency: string | null): boolean {
  return parseDecimalText(value, { decimalMark: '.', currency }).ok || parseDecimalText(value, { decimalMark: ',', currency }).ok;
}

/**
 * One convention (1 or 2) from the counts of cells that show each and of cells that need one:
 * null when nothing needs one; 'open' when cells need one and none shows it; 'conflict' when
 * both show up and neither has four times the other's cells (the minority's cells are then row
 * errors naming the setting).
 */
function decide(first: number, second: number, ambiguous: number): 1 | 2 | null | 'open' | 'conflict' {
  if (first > 0 && second === 0) return 1;
  if (second > 0 && first === 0) return 2;
  if (first > 0 && second > 0) {
    if (first >= 4 * second) return 1;
    if (second >= 4 * first) return 2;
    return 'conflict';
  }
  return ambiguous > 0 ? 'open' : null;
}

function settingError(
  headerRow: number,
  code: 'DECIMAL_MARK_AMBIGUOUS' | 'DATE_ORDER_AMBIGUOUS',
  setting: 'decimalMark' | 'dateOrder',
  samples: { column: string; value: string }[],
  reason: string,
): PosRowError {
  const column = samples[0]?.column ?? null;
  const shown = samples.map((s) => `${s.column} ${quote(s.value)}`).join(', ');
  return {
    row: headerRow,
    line: headerRow,
    column,
    header: null,
    code,
    value: samples[0]?.value ?? null,
    message: `${reason}${shown ? ` (for example ${shown})` : ''}`,
    fatal: true,
    setting,
    samples,
  };
}

function hasErrorFor(out: PosEvent[], row: number, column: string): boolean {
  for (let i = out.length - 1; i >= 0; i--) {
    const e = out[i]!;
    if (e.type !== 'error' || e.error.row !== row) return false;
    if (e.error.column === column) return true;
  }
  return false;
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

function moneyOf(line: PosLine, field: PosField): string {
  switch (field) {
    case 'resalePrice':
      return line.resalePrice!;
    case 'bookCost':
      return line.bookCost!;
    case 'authorizedCost':
      return line.authorizedCost!;
    case 'claimedAmount':
      return line.claimedAmount!;
    default:
      throw new Error(`${field} is not a money field`);
  }
}

function setMoney(line: PosLine, field: PosField, value: string): void {
  switch (field) {
    case 'resalePrice':
      line.resalePrice = value;
      break;
    case 'bookCost':
      line.bookCost = value;
      break;
    case 'authorizedCost':
      line.authorizedCost = value;
      break;
    case 'claimedAmount':
      line.claimedAmount = value;
      break;
    default:
      throw new Error(`${field} is not a money field`);
  }
}

type Held = { record: CsvRecord; error: null } | { record: null; error: CsvRecordError };

/**
 * The streaming POS parser: `push(chunk)` returns the events of the rows that chunk completed,
 * `end()` the rest. The events of one file do not depend on how it was cut into chunks.
 */
export class PosParser {
  private readonly reader: CsvRecordReader;
  private readonly mapping: PosColumnMapping;
  private readonly sampleRows: number;
  private mapper: RowMapper | null = null;
  private failed = false;
  /** the sample: data rows (and record errors) held until the settings are decided */
  private held: Held[] | null = [];
  private heldRows = 0;
  private heldChars = 0;
  private headerRow = 1;
  /** the bytes' decoder, once `pushBytes` is used */
  private decoder: PosTextDecoder | null = null;
  private readonly encoding: PosEncoding | null;
  private readonly asciiText: ((bytes: Uint8Array) => string | null) | null;
  private readonly currency: string | null;
  readonly stats: PosParseStats = { rows: 0, lines: 0, errors: 0, badRows: 0, blankRows: 0 };

  constructor(options: PosParserOptions = {}) {
    this.mapping = options.mapping ?? {};
    const separator = options.separator ?? (this.mapping.delimiter !== 'auto' ? this.mapping.delimiter : undefined);
    this.reader = new CsvRecordReader({ separator, maxRecordChars: options.maxRowChars });
    this.sampleRows = options.sampleRows ?? SAMPLE_ROWS;
    this.encoding = options.encoding ?? null;
    this.asciiText = options.asciiText ?? null;
    this.currency = options.currency ? options.currency.toUpperCase() : null;
  }

  /** The separator in use, once the header has been read. */
  get separator(): CsvSeparator | null {
    return this.reader.detectedSeparator;
  }

  /** The column matching of the header, once read. */
  get columns(): ResolvedColumns | null {
    return this.mapper?.columns ?? null;
  }

  /** The settings the file is read with (final once `end()` has returned). */
  get settings(): PosReadSettings | null {
    const settings = this.mapper?.settings(this.separator) ?? null;
    if (settings !== null && this.decoder !== null) Object.assign(settings, this.decoder.settings);
    return settings;
  }

  /** True once a fatal error stopped the file. */
  get isFailed(): boolean {
    return this.failed;
  }

  push(chunk: string): PosEvent[] {
    const { records, errors } = this.reader.push(chunk);
    return this.handle(records, errors, false);
  }

  /**
   * Adds a chunk of the file's bytes (decoded in the file's encoding: encoding.ts); bytes the
   * encoding cannot read stop the file with a fatal ENCODING_INVALID error naming the line.
   */
  pushBytes(chunk: Uint8Array): PosEvent[] {
    if (this.failed) return [];
    const decoder = (this.decoder ??= new PosTextDecoder(this.encoding, this.asciiText));
    let text: string;
    try {
      text = decoder.push(chunk);
    } catch (err) {
      return this.undecodable(err);
    }
    return text === '' ? [] : this.push(text);
  }

  /** The file's bytes could not be read: one fatal error, on the line they are on (a file that is no text: its first). */
  private undecodable(err: unknown): PosEvent[] {
    if (err instanceof PosUnsupportedFileError) {
      this.failed = true;
      return [this.emitError({ ...rowError(1, 1, null, null, 'UNSUPPORTED_FILE', null, '', true), message: err.message })];
    }
    if (!(err instanceof PosEncodingError)) throw err;
    const line = this.reader.lineAfter(err.textBefore);
    this.failed = true;
    const error = rowError(line, line, null, null, 'ENCODING_INVALID', null, err.message, true);
    return [this.emitError({ ...error, message: `line ${line} ${err.message}`, setting: 'charset' })];
  }

  end(): PosEvent[] {
    let tail: PosEvent[] = [];
    if (this.decoder !== null && !this.failed) {
      try {
        const text = this.decoder.end();
        if (text !== '') tail = this.push(text);
      } catch (err) {
        return this.undecodable(err);
      }
    }
    if (this.failed) return tail;
    const { records, errors } = this.reader.end();
    const out = this.handle(records, errors, true);
    if (tail.length) out.unshift(...tail);
    if (this.mapper === null && !this.failed) {
      this.failed = true;
      out.push(
        this.emitError({ ...rowError(1, 1, null, null, 'EMPTY_FILE', null, '', true), message: 'the file is empty: it has no header row' }),
      );
    }
    return out;
  }

  private emitError(error: PosRowError): PosEvent {
    this.stats.errors++;
    return { type: 'error', error };
  }

  /** Feeds records from another source (JSON rows); `push` does this for text. Call `end()` after. */
  pushRecords(records: CsvRecord[], recordErrors: CsvRecordError[] = []): PosEvent[] {
    return this.handle(records, recordErrors, false);
  }

  private handle(records: CsvRecord[], recordErrors: CsvRecordError[], final: boolean): PosEvent[] {
    const out: PosEvent[] = [];
    // record errors are rare; merge them in row order
    let e = 0;
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      while (e < recordErrors.length && recordErrors[e]!.row <= record.row) this.recordError(recordErrors[e++]!, out);
      this.record(record, out);
    }
    while (e < recordErrors.length) this.recordError(recordErrors[e++]!, out);
    if (final && !this.failed && this.held !== null && this.mapper !== null) this.release(out);
    return out;
  }

  private recordError(error: CsvRecordError, out: PosEvent[]): void {
    if (this.failed) return;
    if (this.held !== null && this.mapper !== null) {
      this.held.push({ record: null, error });
      return;
    }
    this.stats.rows = Math.max(this.stats.rows, error.row);
    this.stats.badRows++;
    const code: PosErrorCode = error.tooLong === true ? 'ROW_TOO_LONG' : 'MALFORMED_ROW';
    // the reason is a sentence about the row already ("the row is longer than ...")
    out.push(this.emitError({ ...rowError(error.row, error.line, null, null, code, null, ''), message: error.reason }));
  }

  private record(record: CsvRecord, out: PosEvent[]): void {
    if (this.failed) return;
    if (this.mapper === null) {
      this.stats.rows = record.row;
      if (RowMapper.isBlank(record.cells)) {
        this.stats.blankRows++;
        return;
      }
      this.headerRow = record.row;
      this.mapper = new RowMapper(record.cells, this.mapping, record.row, this.currency);
      for (const error of this.mapper.headerErrors) out.push(this.emitError(error));
      this.failed = this.mapper.fatal;
      return;
    }
    if (this.held !== null) {
      this.held.push({ record, error: null });
      if (!RowMapper.isBlank(record.cells)) {
        this.heldRows++;
        for (const cell of record.cells) this.heldChars += cell.length;
      }
      if (this.heldRows >= this.sampleRows || this.heldChars >= SAMPLE_CHARS) this.release(out);
      return;
    }
    this.mapRecord(record, out);
  }

  /** Decides the settings from the sample, then maps the rows held. */
  private release(out: PosEvent[]): void {
    const held = this.held!;
    this.held = null;
    const mapper = this.mapper!;
    const fatal = mapper.infer(
      held.flatMap((h) => (h.record !== null && !RowMapper.isBlank(h.record.cells) ? [h.record] : [])),
      this.headerRow,
    );
    if (fatal !== null) {
      this.failed = true;
      out.push(this.emitError(fatal));
      return;
    }
    for (const h of held) {
      if (h.record !== null) this.mapRecord(h.record, out);
      else this.recordError(h.error, out);
    }
  }

  private mapRecord(record: CsvRecord, out: PosEvent[]): void {
    this.stats.rows = record.row;
    if (RowMapper.isBlank(record.cells)) {
      this.stats.blankRows++;
      return;
    }
    const before = out.length;
    const errors = this.mapper!.map(record.row, record.line, record.cells, record.control === true, out);
    if (errors > 0) {
      // The row as a CSV record in the file's separator: a cell holding it (a decimal comma) stays one cell.
      let raw = csvRecord(record.cells, this.separator ?? ',').slice(0, 2000);
      // control characters shown, not kept: the report is text (and NUL cannot go into every database)
      if (record.control === true) raw = raw.replace(CONTROL_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      for (let i = before; i < out.length; i++) {
        const e = out[i]!;
        if (e.type === 'error') e.error.raw = raw;
      }
      this.stats.errors += errors;
      this.stats.badRows++;
    } else this.stats.lines++;
  }
}

/**
 * The code a file that cannot be read answers, from its fatal errors: an ambiguous column first
 * (the mapping must change before anything else can be told), else the first problem.
 * UNSUPPORTED_FILE (a compressed file, a workbook) is the server's 415, the others its 422.
 */
export function fatalCode(errors: readonly PosRowError[]): PosErrorCode {
  if (errors.some((e) => e.code === 'MAPPING_AMBIGUOUS')) return 'MAPPING_AMBIGUOUS';
  const first = errors[0]!.code;
  return first === 'MAPPING_AMBIGUOUS' ||
    first === 'UNSUPPORTED_FILE' ||
    first === 'EMPTY_FILE' ||
    first === 'DECIMAL_MARK_AMBIGUOUS' ||
    first === 'DATE_ORDER_AMBIGUOUS' ||
    first === 'ENCODING_INVALID'
    ? first
    : 'MAPPING_INCOMPLETE';
}

/** Parses a whole text. */
export function parsePosText(
  text: string,
  options: PosParserOptions = {},
): { lines: PosLine[]; errors: PosRowError[]; stats: PosParseStats; settings: PosReadSettings | null; columns: ResolvedColumns | null } {
  const parser = new PosParser(options);
  const lines: PosLine[] = [];
  const errors: PosRowError[] = [];
  for (const event of [...parser.push(text), ...parser.end()]) {
    if (event.type === 'line') lines.push(event.line);
    else errors.push(event.error);
  }
  return { lines, errors, stats: parser.stats, settings: parser.settings, columns: parser.columns };
}

/**
 * Parses text chunks as they arrive (a fetch body through TextDecoderStream, a File's
 * `stream()`, Node's stream with setEncoding('utf8')...), yielding events row by row.
 */
export async function* parsePosChunks(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: PosParserOptions = {},
  parser: PosParser = new PosParser(options),
): AsyncGenerator<PosEvent> {
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}

/**
 * Parses a file's byte chunks as they arrive (a File's `stream()`, an upload), read in the file's
 * encoding as the server reads it (`pushBytes`: a byte-order mark, the declared encoding, else
 * UTF-8 or Windows-1252 from the bytes; encoding.ts), yielding events row by row.
 */
export async function* parsePosBytes(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: PosParserOptions = {},
  parser: PosParser = new PosParser(options),
): AsyncGenerator<PosEvent> {
  for await (const chunk of chunks) yield* parser.pushBytes(chunk);
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

/** A JSON value as the text of a cell; null for an object or an array. */
function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  return null;
}

/**
 * The JSON row source: an array of objects keyed by header names or field names
 * ({"invoiceNumber": "...", "Qty": 5, ...}; the header is the union of their keys), or an array
 * of arrays whose first element is the header row. Values may be strings, numbers, booleans or
 * null. Rows are numbered by position (first object = 1; with a header array, the header is 1 as
 * in a CSV file). Numbers
 * in JSON are written with a decimal point: the decimal mark is "." unless the mapping says.
 */
export function parsePosJson(
  rows: readonly unknown[],
  options: Pick<PosParserOptions, 'mapping' | 'currency'> & {
    /** the parser to feed (its mapping and currency apply); a new one by default */
    parser?: PosParser;
  } = {},
): PosEvent[] {
  const mapping: PosColumnMapping = { ...options.mapping };
  if (mapping.decimalMark === undefined || mapping.decimalMark === 'auto') mapping.decimalMark = '.';
  const parser = options.parser ?? new PosParser({ mapping, currency: options.currency });
  if (rows.length > 0 && Array.isArray(rows[0])) {
    // arrays of cells, the header first: read like a CSV file (the header is row 1)
    const records: CsvRecord[] = [];
    const errors: CsvRecordError[] = [];
    rows.forEach((r, i) => {
      const cells = Array.isArray(r) ? r.map(cellText) : null;
      if (cells === null) errors.push({ row: i + 1, line: i + 1, reason: 'the row is not an array of cells like the header' });
      else if (cells.some((c) => c === null))
        errors.push({ row: i + 1, line: i + 1, reason: 'the row has a cell that is an object or an array' });
      else
        records.push({
          row: i + 1,
          line: i + 1,
          cells: cells as string[],
          control: (cells as string[]).some((c) => CONTROL_CHARACTER.test(c)),
        });
    });
    return [...parser.pushRecords(records, errors), ...parser.end()];
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const r of rows)
    if (r !== null && typeof r === 'object' && !Array.isArray(r))
      for (const key of Object.keys(r))
        if (!seen.has(key)) {
          seen.add(key);
          headers.push(key);
        }
  const records: CsvRecord[] = [{ row: 0, line: 0, cells: headers }];
  const errors: CsvRecordError[] = [];
  rows.forEach((r, i) => {
    const row = i + 1;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      errors.push({ row, line: row, reason: 'the row is not an object of column names and values' });
      return;
    }
    const cells: string[] = [];
    for (const h of headers) {
      const text = cellText((r as Record<string, unknown>)[h]);
      if (text === null) {
        errors.push({ row, line: row, reason: `the row has an object or an array in "${h}", not a value` });
        return;
      }
      cells.push(text);
    }
    records.push({ row, line: row, cells, control: cells.some((c) => CONTROL_CHARACTER.test(c)) });
  });
  return [...parser.pushRecords(records, errors), ...parser.end()];
}

/** A line as it leaves the parser, or on its way to the database (`extra` null when empty). */
type LineWithExtra = Omit<PosLine, 'extra'> & { extra: Record<string, string> | null };

/**
 * What a line keeps in `pos_lines.extra`: its unmapped columns, and the fields without a column of
 * their own (fields.ts) under their name (`creditReturn` only when set). Null when there is nothing.
 */
export function storedExtra(line: LineWithExtra): Record<string, string | boolean> | null {
  let extra: Record<string, string | boolean> | null = null;
  for (let i = 0; i < POS_EXTRA_FIELDS.length; i++) {
    const f = POS_EXTRA_FIELDS[i]!;
    const v = line[f] as string | boolean | null;
    if (v !== null && v !== false) (extra ??= { ...line.extra })[f] = v;
  }
  if (extra !== null) return extra;
  return line.extra === null || isEmpty(line.extra) ? null : line.extra;
}

/** True when an object has no own key (without building the list of keys). */
export function isEmpty(o: object): boolean {
  for (const key in o) if (Object.prototype.hasOwnProperty.call(o, key)) return false;
  return true;
}
