/**
 * POS ingestion: a file streams through core/pos's parser (the same code as the browser
 * preflight: mapping, file settings, row checks, the canonical POS key) a chunk at a time, in
 * bounded memory; valid lines go to pos_lines in batches, bad rows to the job's error report with
 * row, column, code and reason. The job's counters move as batches land, for GET /api/imports/:id
 * and its event stream.
 *
 * File settings (decimal mark, date order, separator) come from the request (`?decimalMark=,`),
 * else the distributor's saved mapping options, else they are inferred from the file by the
 * parser (from its first 1,000 data rows; a later row that contradicts them is a row error naming
 * the setting). A file whose settings cannot be told fails whole with a 422 naming the setting,
 * the columns and sample values. The settings used are kept on the job (`settings` in its view).
 */
import { toCsv } from '../../core/csv.js';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  PosParser,
  fatalCode,
  isEmpty,
  parsePosJson,
  type CsvSeparator,
  type PosColumnMapping,
  type PosEvent,
  type PosField,
  type PosLine,
  type PosReadSettings,
  type PosRowError,
  type ResolvedColumns,
} from '../../core/pos/index.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, notFound } from '../errors.js';
import * as repo from './imports.repository.js';

const BATCH = 5000;

/** The distributor's mapping: our field → the header of its column. */
export type ColumnMapping = Partial<Record<PosField, string>>;

/** How a file is read; 'auto': inferred from the file. */
export interface ParseOptions {
  decimalMark: 'auto' | '.' | ',';
  dateOrder: 'auto' | 'MDY' | 'DMY';
}
export const DEFAULT_OPTIONS: ParseOptions = { decimalMark: 'auto', dateOrder: 'auto' };

export interface ImportMeta {
  fileName: string | null;
  totalBytes: number | null;
  /** overrides the saved mapping for this file */
  mapping?: ColumnMapping;
  delimiter?: string;
  /** override the saved options for this file */
  decimalMark?: ParseOptions['decimalMark'];
  dateOrder?: ParseOptions['dateOrder'];
}

const SEPARATORS = new Set<string>([',', ';', '\t', '|']);

/** The mapping and settings in force: the request's, else the saved ones, else inferred. */
async function effectiveMapping(distributorId: number, meta: ImportMeta): Promise<PosColumnMapping> {
  const saved = await repo.findMapping(distributorId);
  const fields: ColumnMapping = { ...((saved?.mapping ?? {}) as ColumnMapping), ...(meta.mapping ?? {}) };
  const options = (saved?.options ?? {}) as Partial<ParseOptions> & { delimiter?: string };
  const delimiter = meta.delimiter ?? options.delimiter;
  return {
    fields,
    decimalMark: meta.decimalMark ?? options.decimalMark ?? 'auto',
    dateOrder: meta.dateOrder ?? options.dateOrder ?? 'auto',
    delimiter: delimiter !== undefined && SEPARATORS.has(delimiter) ? (delimiter as CsvSeparator) : 'auto',
  };
}

/** The 422 a file that cannot be read at all answers: a column missing or ambiguous, a setting to choose. */
function fatalError(errors: PosRowError[]): AppError {
  const code = fatalCode(errors);
  const list = errors.map((e) => ({ field: e.column ?? 'file', message: e.message }));
  if (code === 'EMPTY_FILE') return new AppError(code, 'the file has no header row', 422);
  if (code === 'DECIMAL_MARK_AMBIGUOUS' || code === 'DATE_ORDER_AMBIGUOUS') {
    const first = errors[0]!;
    return new AppError(code, first.message, 422, {
      setting: first.setting,
      column: first.column,
      samples: first.samples ?? [],
      choose: first.setting === 'decimalMark' ? ['decimalMark=.', 'decimalMark=,'] : ['dateOrder=DMY', 'dateOrder=MDY'],
      errors: list,
    });
  }
  if (code === 'MAPPING_AMBIGUOUS') {
    const ambiguous = errors.filter((e) => e.code === 'MAPPING_AMBIGUOUS');
    return new AppError(code, ambiguous.map((e) => `${e.column} ${e.message}`).join('; '), 422, {
      ambiguous: ambiguous.map((e) => e.column),
      errors: list,
    });
  }
  const missing = errors.map((e) => e.column ?? 'file');
  return new AppError(code, `no column for ${missing.join(', ')}: map them with PUT /api/imports/mapping or name them in the header`, 422, {
    missing,
    errors: list,
  });
}

/** The row error as the report keeps it (and the API returns it). */
const reportError = (e: PosRowError): repo.RowError & { raw: string | null } => ({
  rowNumber: e.row,
  column: e.column,
  code: e.code,
  message: e.message,
  raw: e.raw ?? null,
});

/**
 * Where a batch of valid rows goes; returns how many were kept. A POS report keeps them as POS
 * lines (skipping ones already on file); a claim file validates them into its claim.
 */
export type RowSink = (rows: repo.PosInsertRow[]) => Promise<number>;

/** Consumes the parser's events into the job. */
class Ingest {
  private pending: repo.PosInsertRow[] = [];
  private errors: (repo.RowError & { raw: string | null })[] = [];
  readonly parser: PosParser;
  /** rows refused here rather than by the parser (a return in a claim file) */
  private refused = 0;
  rowsAccepted = 0;
  rowsValid = 0;
  /** valid rows whose insert completed */
  rowsWritten = 0;
  processedBytes = 0;

  constructor(
    readonly importId: number,
    readonly distributorId: number,
    mapping: PosColumnMapping,
    private readonly products: Awaited<ReturnType<typeof repo.productResolver>>,
    /** a claim file: returns are refused (claims carry quantities above zero) */
    private readonly claims: boolean,
    private readonly sink: RowSink = (rows) => repo.insertPosLines(distributorId, importId, rows),
  ) {
    this.parser = new PosParser({ mapping });
  }

  get rowsRead() {
    return this.parser.stats.lines + this.parser.stats.badRows;
  }

  get rowsRejected() {
    return this.parser.stats.badRows + this.refused;
  }

  get columns(): ResolvedColumns | null {
    return this.parser.columns;
  }

  /** Takes a chunk's events: lines to the batch, row errors to the report; a fatal error throws. */
  async take(events: PosEvent[]) {
    let fatal: PosRowError[] | null = null;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.type === 'error') {
        if (e.error.fatal) (fatal ??= []).push(e.error);
        else this.errors.push(reportError(e.error));
        continue;
      }
      const line = e.line;
      if (this.claims && line.quantity < 0) {
        this.refused++;
        this.errors.push({
          rowNumber: line.row,
          column: 'quantity',
          code: 'INVALID_QUANTITY',
          message: `quantity "${line.quantity}" is a return: a claim line needs a quantity above zero`,
          raw: null,
        });
        continue;
      }
      this.rowsValid++;
      // The parsed line becomes the insert row in place (no copy per row).
      const insert = line as unknown as repo.PosInsertRow;
      if (isEmpty(line.extra)) insert.extra = null;
      insert.productId =
        (line.vendorPartNumber && this.products.byVendor.get(line.vendorPartNumber.toUpperCase())) ||
        (line.distributorPartNumber && this.products.byDistributor.get(line.distributorPartNumber.toUpperCase())) ||
        null;
      this.pending.push(insert);
      if (this.pending.length >= BATCH) await this.flush();
    }
    if (fatal) throw fatalError(fatal);
    if (this.errors.length >= BATCH) await this.flush();
  }

  private inflight: Promise<void> = Promise.resolve();

  /**
   * Writes the pending batch while parsing goes on: one insert in flight at a time, so the
   * parser (this process) and the database (its own) work in parallel without memory growing.
   */
  async flush() {
    const rows = this.pending;
    const errors = this.errors;
    this.pending = [];
    this.errors = [];
    await this.inflight;
    this.inflight = (async () => {
      this.rowsAccepted += await this.sink(rows);
      this.rowsWritten += rows.length;
      await repo.insertRowErrors(this.importId, errors);
      await repo.updateImport(this.importId, {
        processedBytes: this.processedBytes,
        rowsRead: this.rowsRead,
        rowsAccepted: this.rowsAccepted,
        rowsDuplicate: this.rowsWritten - this.rowsAccepted,
        rowsRejected: this.rowsRejected,
      });
    })();
    // Surface a failed write at once rather than at the next flush.
    this.inflight.catch(() => undefined);
  }

  /** Waits for the write in flight, ignoring its outcome (the job failed anyway). */
  async settle() {
    await this.inflight.catch(() => undefined);
  }

  /** Writes what is left and waits for every write. */
  async drain() {
    await this.flush();
    await this.inflight;
  }
}

/** What the job keeps of how it read the file: field → header, and the settings. */
function readSummary(columns: ResolvedColumns | null, settings: PosReadSettings | null) {
  if (!columns) return null;
  const matched: Record<string, string> = {};
  for (const [field, m] of Object.entries(columns.matched)) matched[field] = m!.header;
  return { columns: matched, settings };
}

async function start(actor: Actor, format: 'csv' | 'json', meta: ImportMeta, target?: ImportTarget) {
  const distributorId = actor.distributorId!;
  const mapping = await effectiveMapping(distributorId, meta);
  if (format === 'json' && mapping.decimalMark === 'auto') mapping.decimalMark = '.';
  const id = await repo.createImport({
    distributorId,
    format,
    purpose: target ? 'claim' : 'pos',
    fileName: meta.fileName,
    totalBytes: meta.totalBytes,
    createdByUserId: actor.userId,
  });
  await recordAudit(actor, {
    action: 'pos_import.started',
    entityType: 'pos_import',
    entityId: id,
    distributorId,
    after: { format, fileName: meta.fileName },
  });
  const products = await repo.productResolver(distributorId);
  const ingest = new Ingest(id, distributorId, mapping, products, target !== undefined, target ? await target(id, products) : undefined);
  return { id, ingest };
}

async function finish(actor: Actor, ingest: Ingest, sha: string | null, failure: AppError | null) {
  const summary = readSummary(ingest.columns, ingest.parser.settings);
  if (!failure) await ingest.drain();
  else await ingest.settle();
  const status = failure ? 'failed' : 'completed';
  await repo.updateImport(ingest.importId, {
    status,
    fileSha256: sha,
    finishedAt: new Date(),
    failure: failure ? JSON.stringify({ code: failure.code, message: failure.message, ...failure.details }) : null,
    mapping: summary ? JSON.stringify(summary) : null,
    processedBytes: ingest.processedBytes,
    rowsRead: ingest.rowsRead,
    rowsRejected: ingest.rowsRejected,
    rowsDuplicate: ingest.rowsValid - ingest.rowsAccepted,
  });
  await recordAudit(actor, {
    action: `pos_import.${status}`,
    entityType: 'pos_import',
    entityId: ingest.importId,
    distributorId: ingest.distributorId,
    after: {
      rowsRead: ingest.rowsRead,
      rowsAccepted: ingest.rowsAccepted,
      rowsDuplicate: ingest.rowsValid - ingest.rowsAccepted,
      rowsRejected: ingest.rowsRejected,
      fileSha256: sha,
      failure: failure?.code,
    },
  });
  return (await repo.findImport(scopeOf(actor), ingest.importId))!;
}

/**
 * Gives the job's valid rows somewhere else than POS lines (a claim file): called with the new
 * job's id and the part numbers the job resolves rows with.
 */
export type ImportTarget = (importId: number, products: Awaited<ReturnType<typeof repo.productResolver>>) => Promise<RowSink>;

/**
 * Streams a CSV (any of , ; tab | separators, quoted, CRLF, with or without BOM) into a new import
 * job: its valid rows become POS lines, or go to `target` (a claim file).
 */
export async function importCsv(actor: Actor, input: Readable, meta: ImportMeta, target?: ImportTarget) {
  const { ingest } = await start(actor, 'csv', meta, target);
  const hash = createHash('sha256');
  // Strings, not buffers: the decoder keeps a UTF-8 character split across chunks whole.
  input.setEncoding('utf8');
  const stop: { failure: AppError | null; unexpected: unknown } = { failure: null, unexpected: null };
  const fail = (err: unknown) => {
    if (err instanceof AppError) stop.failure = err;
    else stop.unexpected = err;
  };
  // One chunk at a time: the next is read once this one's rows are taken (backpressure). Nothing
  // is thrown out of the loop (that would destroy the request and the answer with it): after a
  // failure the rest of the body is read and dropped, then the job ends.
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      if (stop.failure || stop.unexpected) continue;
      hash.update(chunk);
      ingest.processedBytes += Buffer.byteLength(chunk);
      await ingest.take(ingest.parser.push(chunk)).catch(fail);
    }
  } catch (err) {
    // the upload itself broke off
    stop.unexpected ??= err;
  }
  if (!stop.failure && !stop.unexpected) await ingest.take(ingest.parser.end()).catch(fail);
  if (stop.unexpected) {
    // The job must not stay "running" forever: record the failure, then let the error middleware answer 500.
    await finish(actor, ingest, null, new AppError('INTERNAL', 'the import stopped on an unexpected error', 500)).catch(() => undefined);
    throw stop.unexpected;
  }
  const failure = stop.failure;
  const view = await finish(actor, ingest, failure ? null : hash.digest('hex'), failure);
  if (failure) throw new AppError(failure.code, failure.message, failure.status, { ...failure.details, importId: view.id });
  return view;
}

/** The same checks on lines sent as JSON objects (field names as keys, or the distributor's headers). */
export async function importJson(actor: Actor, lines: Record<string, unknown>[], meta: ImportMeta) {
  const { ingest } = await start(actor, 'json', meta);
  const body = JSON.stringify(lines);
  ingest.processedBytes = Buffer.byteLength(body);
  let failure: AppError | null = null;
  try {
    await ingest.take(parsePosJson(lines, { parser: ingest.parser }));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    failure = err;
  }
  const view = await finish(actor, ingest, failure ? null : createHash('sha256').update(body).digest('hex'), failure);
  if (failure) throw new AppError(failure.code, failure.message, failure.status, { ...failure.details, importId: view.id });
  return view;
}

/** What a preview answers: the first lines and row errors, the columns and the settings, nothing stored. */
export interface ImportPreview {
  columns: Record<string, string>;
  extraColumns: string[];
  settings: PosReadSettings | null;
  lines: PosLine[];
  errors: (repo.RowError & { raw: string | null })[];
  /** data rows the preview covers (up to `limit`) */
  rowsRead: number;
}

/**
 * Parses the first `limit` data rows of a CSV with the effective mapping and settings (inferred
 * from the same sample the import would use), and stores nothing. A file that cannot be read at
 * all answers the import's 422.
 */
export async function previewCsv(actor: Actor, input: Readable, meta: ImportMeta, limit: number): Promise<ImportPreview> {
  const parser = new PosParser({ mapping: await effectiveMapping(actor.distributorId!, meta) });
  const lines: PosLine[] = [];
  const errors: ImportPreview['errors'] = [];
  const fatal: PosRowError[] = [];
  const rows = new Set<number>();
  let done = false;
  const take = (events: PosEvent[]) => {
    for (const e of events) {
      if (done) return;
      if (e.type === 'error' && e.error.fatal) {
        fatal.push(e.error);
        continue;
      }
      // the header's own (non-fatal) errors do not count as a row
      const dataRow = e.type === 'line' || (e.error.code !== 'MAPPING_INCOMPLETE' && e.error.code !== 'MAPPING_AMBIGUOUS');
      const row = e.type === 'line' ? e.line.row : e.error.row;
      if (dataRow && !rows.has(row)) {
        if (rows.size >= limit) {
          done = true;
          return;
        }
        rows.add(row);
      }
      if (e.type === 'line') lines.push(e.line);
      else errors.push(reportError(e.error));
    }
  };
  input.setEncoding('utf8');
  // The rest of the body is read and dropped once the preview has its rows (leaving the loop
  // early would destroy the request, and the answer with it).
  for await (const chunk of input as AsyncIterable<string>) if (!done && !fatal.length) take(parser.push(chunk));
  if (!done && !fatal.length) take(parser.end());
  if (fatal.length) throw fatalError(fatal);
  const columns = parser.columns;
  const summary = readSummary(columns, parser.settings);
  return {
    columns: summary?.columns ?? {},
    extraColumns: columns ? columns.extra.map((x) => x.key) : [],
    settings: parser.settings,
    lines,
    errors,
    rowsRead: rows.size,
  };
}

export async function getImport(actor: Actor, id: number) {
  const i = await repo.findImport(scopeOf(actor), id);
  if (!i) throw notFound('import');
  return i;
}

export const listImports = (actor: Actor, limit: number) => repo.listImports(scopeOf(actor), limit);

export async function importErrors(actor: Actor, id: number) {
  await getImport(actor, id);
  return repo.rowErrors(id);
}

/** The error report as CSV: row, column, code, message, the raw row. */
export async function importErrorsCsv(actor: Actor, id: number) {
  const rows = await importErrors(actor, id);
  return toCsv(
    ['row', 'column', 'code', 'message', 'raw'],
    rows.map((r) => [r.rowNumber, r.column, r.code, r.message, r.raw]),
  );
}

export async function getMapping(actor: Actor) {
  return (await repo.findMapping(actor.distributorId!)) ?? { mapping: {}, options: { ...DEFAULT_OPTIONS }, updatedAt: null };
}

export async function saveMapping(actor: Actor, mapping: ColumnMapping, options: Partial<ParseOptions> & { delimiter?: string }) {
  const distributorId = actor.distributorId!;
  const before = await repo.findMapping(distributorId);
  const merged = { ...DEFAULT_OPTIONS, ...options };
  await repo.saveMapping(distributorId, mapping, merged, actor.userId);
  await recordAudit(actor, {
    action: 'pos_mapping.saved',
    entityType: 'pos_column_mapping',
    entityId: distributorId,
    distributorId,
    before,
    after: { mapping, options: merged },
  });
  return getMapping(actor);
}
