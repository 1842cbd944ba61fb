/**
 * Master data files (products, book costs, distributor part numbers, end customers, distributors)
 * read as the POS files are: the same record reader (core/pos/csv.ts: BOM, sniffed separator,
 * quotes, line numbers) and the same header rule (core/pos/mapping.ts findColumn: an exact match
 * wins over a loose one, two columns matching equally well are an error). What a column means
 * is told by a list of columns, one list per kind of file (core/masterdata/kinds.ts).
 */
import { CsvRecordReader } from '../pos/csv.js';
import { exactHeader, findColumn, normalizeHeader } from '../pos/mapping.js';

export interface TableColumn<K extends string = string> {
  key: K;
  /** the header names it goes by, most specific first; the key itself is tried after them */
  names: readonly string[];
  required?: boolean;
}

export interface TableRow<K extends string = string> {
  /** 1-based record number (the header is 1), and the physical line the record starts on */
  row: number;
  line: number;
  /** each column's cell, trimmed; '' when the file has no such column or the cell is empty */
  cells: Record<K, string>;
}

export interface TableError {
  row: number;
  line: number;
  /** the column's key, or null for a problem of the whole row or of the header */
  field: string | null;
  message: string;
}

/** The most rows one load takes: the whole load is checked, then written in one transaction. */
export const MAX_TABLE_ROWS = 20_000;

/**
 * Reads a master data file fed in text chunks. `push` each chunk, then `end()`: the rows with
 * their cells keyed by column, and every error with its row and line (a missing or ambiguous
 * header is an error of row 1; a row with more cells than headers, a control character or too
 * many rows, an error of that row).
 */
export class TableReader<K extends string> {
  private readonly reader = new CsvRecordReader();
  private index: Record<K, number> | null = null;
  private width = 0;
  readonly rows: TableRow<K>[] = [];
  readonly errors: TableError[] = [];

  constructor(private readonly columns: readonly TableColumn<K>[]) {}

  push(chunk: string): void {
    const { records, errors } = this.reader.push(chunk);
    this.take(records, errors);
  }

  end(): { rows: TableRow<K>[]; errors: TableError[] } {
    const { records, errors } = this.reader.end();
    this.take(records, errors);
    if (this.index === null) this.errors.push({ row: 1, line: 1, field: null, message: 'the file is empty: it needs a header row' });
    return { rows: this.rows, errors: this.errors };
  }

  private take(records: ReturnType<CsvRecordReader['end']>['records'], errors: ReturnType<CsvRecordReader['end']>['errors']) {
    for (const e of errors) this.errors.push({ row: e.row, line: e.line, field: null, message: e.reason });
    for (const r of records) {
      if (this.index === null) {
        this.header(r.cells);
        continue;
      }
      if (r.cells.every((c) => c.trim() === '')) continue;
      if (r.control) {
        this.errors.push({ row: r.row, line: r.line, field: null, message: 'the row holds a control character' });
        continue;
      }
      if (r.cells.length > this.width) {
        this.errors.push({
          row: r.row,
          line: r.line,
          field: null,
          message: `the row has ${r.cells.length} cells for ${this.width} columns`,
        });
        continue;
      }
      if (this.rows.length >= MAX_TABLE_ROWS) {
        this.errors.push({ row: r.row, line: r.line, field: null, message: `a load takes at most ${MAX_TABLE_ROWS} rows: split the file` });
        continue;
      }
      const cells = {} as Record<K, string>;
      for (const c of this.columns) {
        const i = this.index[c.key];
        cells[c.key] = i < 0 ? '' : (r.cells[i] ?? '').trim();
      }
      this.rows.push({ row: r.row, line: r.line, cells });
    }
  }

  private header(headers: string[]) {
    this.width = headers.length;
    const exact = headers.map(exactHeader);
    const loose = headers.map(normalizeHeader);
    const used = new Array<boolean>(headers.length).fill(false);
    const index = {} as Record<K, number>;
    for (const c of this.columns) {
      index[c.key] = -1;
      const hit = findColumn([...c.names, c.key], exact, loose, used);
      if (hit && 'ambiguous' in hit) {
        const both = hit.ambiguous.map((i) => `"${headers[i]!.trim()}"`).join(' and ');
        this.errors.push({ row: 1, line: 1, field: c.key, message: `two columns could be ${c.names[0]} (${c.key}): ${both}` });
      } else if (hit) {
        index[c.key] = hit.index;
        used[hit.index] = true;
      } else if (c.required) {
        this.errors.push({ row: 1, line: 1, field: c.key, message: `no column is named ${c.names.map((n) => `"${n}"`).join(' or ')}` });
      }
    }
    this.index = index;
  }
}

/** Reads a whole text at once (tests, the browser's preview). */
export function readTable<K extends string>(text: string, columns: readonly TableColumn<K>[]) {
  const reader = new TableReader(columns);
  reader.push(text);
  return reader.end();
}
