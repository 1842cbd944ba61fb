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
 *
 * An import is a job (server/jobs): the request stores the upload and creates the import row
 * `queued` (`createImportJob`); a worker runs it (`runCsvImport`, `runJsonImport`). A POS batch's
 * lines, its row errors, the counters and the job's resume mark (the file's last row done) commit
 * in one transaction, so a job retried after its worker died goes on after the last committed
 * batch, into the same import: no line twice, counters equal to the lines.
 */
import { toCsv, type CsvDialect } from '../../core/csv.js';
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  PosParser,
  fatalCode,
  isEmpty,
  parsePosJson,
  type CsvSeparator,
  type PosColumnMapping,
  type PosEncoding,
  type PosEvent,
  type PosField,
  type PosLine,
  type PosReadSettings,
  type PosRowError,
  type ResolvedColumns,
} from '../../core/pos/index.js';
import type { Actor } from '../auth/actor.js';
import { distributorFilter, scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { raiseEvent } from '../notifications/events.js';
import { AppError, notFound } from '../errors.js';
import { Enricher } from '../enrichment/enrichment.service.js';
import * as settlement from '../settlement/settlement.service.js';
import * as repo from './imports.repository.js';
import type { ImportView } from './imports.repository.js';
import { limitLineLength } from './line-limit.js';
import { distributorCheck, type DistributorCheck } from './distributor-check.js';
import { saleConflict, saleDifferences, type SaleOnFile } from './sale-conflicts.js';
import { joinPosKey } from '../../core/claims/pos-key.js';
import { distributorCurrency } from '../claims/claims.repository.js';
import { acknowledge, x12Source } from '../edi/edi.service.js';
const BATCH = 5000;

/** An all-ASCII chunk's text, natively (the parser's fast path while a file is ASCII; core/pos/encoding.ts). */
const asciiText = (bytes: Uint8Array): string | null =>
  isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : null;

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
  /** the file's declared encoding (the request's charset); inferred from the file when absent (core/pos/encoding.ts) */
  encoding?: PosEncoding | null;
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
  if (code === 'UNSUPPORTED_FILE') return new AppError(code, errors[0]!.message, 415);
  if (code === 'ENCODING_INVALID') {
    const first = errors[0]!;
    return new AppError(code, first.message, 422, {
      setting: 'charset',
      line: first.line,
      choose: ['charset=utf-8', 'charset=windows-1252', 'charset=utf-16le', 'charset=utf-16be'],
      errors: list,
    });
  }
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
    return new AppError(code, ambiguous.map((e) => e.message).join('; '), 422, {
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

/** What a job runs with: the mapping and file settings as they were when the file was sent. */
export interface ImportSettings {
  mapping: PosColumnMapping;
  /** the declared encoding of the file (its charset); absent: inferred from the file */
  encoding?: PosEncoding;
  /** what the job's own kind needs (a claim file's debit memo and currency) */
  extra?: Record<string, unknown>;
}

/**
 * Where a batch of valid rows goes; returns how many were kept. A POS report keeps them as POS
 * lines (skipping ones already on file); a claim file validates them into its claim.
 */
export type RowSink = (rows: repo.PosInsertRow[]) => Promise<number>;

/**
 * A claim file's own check of a valid row (its part resolved): the row error that keeps it out, or
 * null. `header` gives the file's header of a field's column (its label when the file has none).
 */
export type RowRefusal = (
  row: repo.PosInsertRow,
  header: (field: PosField) => string,
) => { column: string; code: repo.RowError['code']; message: string } | null;

/** The POS sink: its rows go in with the batch's bookkeeping, in the batch's transaction. */
type BatchSink = { inBatch: (rows: repo.PosInsertRow[], t: repo.Tx) => Promise<number> } | { outside: RowSink };

/** Consumes the parser's events into the job. */
class Ingest {
  private pending: repo.PosInsertRow[] = [];
  private errors: (repo.RowError & { raw: string | null })[] = [];
  readonly parser: PosParser;
  /** rows refused here rather than by the parser (a return in a claim file, another distributor's row) */
  private refused = 0;
  /**
   * valid rows whose sale was on file already with other values (SALE_ALREADY_ON_FILE), found as
   * their batch was written: counted as rejected, not as duplicates (committed with their batch)
   */
  private conflicts = 0;
  /**
   * Rows taken so far (lines and bad rows), counted as their events are taken, not as the parser
   * reads ahead: a batch's committed counters are those of its own rows.
   */
  private readRows = 0;
  private badRows = 0;
  private lastBadRow = -1;
  rowsAccepted = 0;
  rowsValid = 0;
  /** valid rows whose insert completed */
  rowsWritten = 0;
  processedBytes = 0;
  /** the file's row (the header is row 1) of the last row taken into a batch */
  private lastRow = 0;
  /** what the import's returns took back (a POS report) */
  returns: settlement.ReturnsOutcome | null = null;
  /** the enrichment step (end customers, unknown parts), set by `begin` */
  enricher: Enricher | null = null;
  /** a claim file's check of a valid row (see RowRefusal), set by `begin` */
  refuse: RowRefusal | null = null;
  /** the Distributor ID column's check (distributor-check.ts), set by `begin` (none for X12) */
  distributor: DistributorCheck | null = null;

  constructor(
    readonly importId: number,
    readonly distributorId: number,
    mapping: PosColumnMapping,
    private readonly products: Awaited<ReturnType<typeof repo.productResolver>>,
    private readonly sink: BatchSink = { inBatch: (rows, t) => repo.insertPosLines(distributorId, importId, rows, t) },
    /** rows up to this one are committed already (a resumed job): they are parsed again, not written again */
    readonly resumeAfter = 0,
    encoding: PosEncoding | null = null,
    /** the file's currency (the distributor's, or the claim's): an amount in another is a row error */
    currency: string | null = null,
  ) {
    this.parser = new PosParser({ mapping, encoding, asciiText, currency });
  }

  /** A POS report keeps its rows as POS lines; a claim file's go to its claim (and refuses returns). */
  get keepsPosLines() {
    return 'inBatch' in this.sink;
  }

  get rowsRead() {
    return this.readRows;
  }

  get rowsRejected() {
    return this.badRows + this.refused + this.conflicts;
  }

  /** valid rows not kept because their sale is on file already, the same (rowsValid counts the conflicting ones too) */
  get rowsDuplicate() {
    return this.rowsValid - this.conflicts - this.rowsAccepted;
  }

  /** The header of a field's column in the file (its label when the file has none, as a JSON import). */
  readonly header = (field: PosField): string => this.parser.columns?.matched[field]?.header ?? field;

  get columns(): ResolvedColumns | null {
    return this.parser.columns;
  }

  /** A resumed job: its counters as committed with the resume mark (the rows up to it are read again, not counted again). */
  restore(row: { rowsRead: number; rowsAccepted: number; rowsDuplicate: number; rowsRejected: number }) {
    this.readRows = row.rowsRead;
    this.badRows = row.rowsRejected;
    this.rowsAccepted = row.rowsAccepted;
    this.rowsValid = row.rowsAccepted + row.rowsDuplicate;
    this.rowsWritten = this.rowsValid;
    this.lastRow = this.resumeAfter;
  }

  /** Takes a chunk's events: lines to the batch, row errors to the report; a fatal error throws. */
  async take(events: PosEvent[]) {
    let fatal: PosRowError[] | null = null;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.type === 'error') {
        if (e.error.fatal) (fatal ??= []).push(e.error);
        // A resumed job's earlier rows are in the report and the counters already.
        else if (e.error.row > this.resumeAfter) {
          if (e.error.row !== this.lastBadRow) {
            this.lastBadRow = e.error.row;
            this.badRows++;
            this.readRows++;
          }
          this.lastRow = Math.max(this.lastRow, e.error.row);
          this.errors.push(reportError(e.error));
        }
        continue;
      }
      const line = e.line;
      if (line.row <= this.resumeAfter) continue;
      this.readRows++;
      this.lastRow = line.row;
      // A row naming another distributor is not this file's sale (POS report and claim file alike).
      if (line.distributorId !== null && this.distributor) {
        const mismatch = this.distributor(line.distributorId, line.row, this.header('distributorId'));
        if (mismatch) {
          this.refused++;
          this.errors.push(mismatch);
          continue;
        }
      }
      if (!this.keepsPosLines && line.quantity < 0) {
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
      // The parsed line becomes the insert row in place (no copy per row).
      const insert = line as unknown as repo.PosInsertRow;
      if (isEmpty(line.extra)) insert.extra = null;
      insert.productId =
        (line.vendorPartNumber && this.products.byVendor.get(line.vendorPartNumber.toUpperCase())) ||
        (line.distributorPartNumber && this.products.byDistributor.get(line.distributorPartNumber.toUpperCase())) ||
        null;
      // A claim file's row its claim cannot take (an amount beyond what a claim line carries): a row error.
      const refusal = this.refuse?.(insert, this.header) ?? null;
      if (refusal !== null) {
        this.refused++;
        this.errors.push({ rowNumber: line.row, ...refusal, raw: null });
        continue;
      }
      this.rowsValid++;
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
    // The counters as of this batch's last row (parsing goes on while the batch is written).
    // (Without the conflicts: those of the batches before are added once they are written.)
    const at = {
      processedBytes: this.processedBytes,
      rowsRead: this.rowsRead,
      rowsRejected: this.badRows + this.refused,
      rowsValid: this.rowsValid,
      resumeRow: this.lastRow,
    };
    // Enrichment: after the keys, before the store and the engine (server/enrichment).
    const found = this.enricher?.enrich(rows) ?? null;
    await this.inflight;
    this.inflight = (async () => {
      const progress = (accepted: number, conflicts: number) => ({
        processedBytes: at.processedBytes,
        rowsRead: at.rowsRead,
        rowsAccepted: accepted,
        rowsDuplicate: at.rowsValid - conflicts - accepted,
        rowsRejected: at.rowsRejected + conflicts,
        resumeRow: at.resumeRow,
      });
      const sink = this.sink;
      if ('inBatch' in sink) {
        // POS lines: the batch's lines, its row errors, the counters and the resume mark commit together.
        const { added, conflicts } = await repo.inTransaction(async (t) => {
          const n = await sink.inBatch(rows, t);
          // Rows the unique key kept out: the same sale said again, or said otherwise (a row error).
          const conflicting = n < rows.length ? await this.salesSaidOtherwise(rows, t) : [];
          if (found) await this.enricher!.save(found, t);
          await repo.insertRowErrors(this.importId, conflicting.length ? [...errors, ...conflicting] : errors, t);
          await repo.updateImport(this.importId, progress(this.rowsAccepted + n, this.conflicts + conflicting.length), t);
          return { added: n, conflicts: conflicting.length };
        });
        this.rowsAccepted += added;
        this.conflicts += conflicts;
      } else {
        // A claim file's lines go to its claim (a run that stops is discarded whole and run again).
        this.rowsAccepted += await sink.outside(rows);
        if (found) await this.enricher!.save(found);
        await repo.insertRowErrors(this.importId, errors);
        await repo.updateImport(this.importId, progress(this.rowsAccepted, this.conflicts));
      }
      this.rowsWritten += rows.length;
    })();
    // Surface a failed write at once rather than at the next flush.
    this.inflight.catch(() => undefined);
  }

  /**
   * The batch's rows the unique key kept out whose sale is on file with other values, as row
   * errors (sale-conflicts.ts). Read once the batch is written, in its transaction, and only when
   * some of its rows were kept out: the line on file of each of the batch's keys (one read), a row
   * being its own line when that line is this import's, from its row.
   */
  private async salesSaidOtherwise(rows: repo.PosInsertRow[], t: repo.Tx) {
    // Only the lines said before this batch are read back (an earlier import's, or this file's
    // earlier rows): the batch's own rows, just written, are not (reading and decoding every row
    // of each batch that had one duplicate cost the import of a million lines half its time).
    // A sale said twice within the batch is compared here, row against row.
    let fromRow = Infinity;
    for (const r of rows) if (r.row < fromRow) fromRow = r.row;
    const onFile = await repo.salesOnFile(this.distributorId, rows, t, { importId: this.importId, fromRow });
    const firstInBatch = new Map<string, repo.PosInsertRow>();
    const out: ReturnType<typeof saleConflict>[] = [];
    for (const r of rows) {
      const key = joinPosKey(r.invoiceKey, r.lineKey);
      let earlier = onFile.get(key);
      if (!earlier) {
        const first = firstInBatch.get(key);
        if (!first) {
          firstInBatch.set(key, r);
          continue;
        }
        earlier = { values: first, importId: this.importId, fileName: null, row: first.row };
      }
      const thisFile = earlier.importId === this.importId;
      if (thisFile && earlier.row === r.row) continue;
      const differences = saleDifferences(earlier.values, r);
      if (differences.length) out.push(saleConflict(this.importId, r, { ...earlier, thisFile }, differences));
    }
    return out;
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

/** The actor a job runs as (its sender), and the import row it runs. */
interface JobStart {
  actor: Actor;
  row: NonNullable<Awaited<ReturnType<typeof repo.findImportRow>>>;
}

/**
 * Takes a job's import row for this attempt: `running`, one more attempt, audited. A row with a
 * resume mark goes on after it (its counters are those committed with the mark).
 */
async function begin({ actor, row }: JobStart, format: 'csv' | 'json', target?: ImportTarget) {
  const distributorId = row.distributorId;
  const settings: ImportSettings = row.settings
    ? (JSON.parse(row.settings) as ImportSettings)
    : { mapping: await effectiveMapping(distributorId, { fileName: row.fileName, totalBytes: row.totalBytes }) };
  const mapping = { ...settings.mapping };
  if (format === 'json' && mapping.decimalMark === 'auto') mapping.decimalMark = '.';
  const resumeAfter = target ? 0 : row.resumeRow;
  await repo.updateImport(row.id, { status: 'running', attempts: row.attempts + 1, startedAt: row.startedAt ?? new Date() });
  await recordAudit(actor, {
    action: row.attempts === 0 ? 'pos_import.started' : 'pos_import.resumed',
    entityType: 'pos_import',
    entityId: row.id,
    distributorId,
    after: { format: row.format, fileName: row.fileName, attempt: row.attempts + 1, ...(resumeAfter ? { afterRow: resumeAfter } : {}) },
  });
  const products = await repo.productResolver(distributorId);
  const given = target ? await target(row.id, products) : null;
  const sink: BatchSink | undefined = given ? { outside: typeof given === 'function' ? given : given.sink } : undefined;
  // The file's amounts are in the claim's currency (a claim file), else the distributor's.
  const currency = (given && typeof given !== 'function' ? given.currency : null) ?? (await distributorCurrency(distributorId));
  const ingest = new Ingest(row.id, distributorId, mapping, products, sink, resumeAfter, settings.encoding ?? null, currency);
  if (given && typeof given !== 'function') ingest.refuse = given.refuse;
  // An X12's N1*DS carries a code of the partner's choosing: not compared (distributor-check.ts).
  const identity = row.format === 'x12' ? null : await repo.distributorIdentity(distributorId);
  if (identity) ingest.distributor = distributorCheck(identity);
  ingest.enricher = await Enricher.load(distributorId, row.id);
  if (resumeAfter) ingest.restore(row);
  return { ingest };
}

async function finish(actor: Actor, ingest: Ingest, sha: string | null, failure: AppError | null, keepRunning = false) {
  const summary = readSummary(ingest.columns, ingest.parser.settings);
  if (!failure) await ingest.drain();
  else {
    await ingest.settle();
    // A failed job keeps nothing: the POS lines its batches already wrote go (a claim file's
    // lines are its claim's, which the claim file discards).
    if (ingest.keepsPosLines) await repo.discardPosLines(ingest.importId);
  }
  // A claim file's job completes with its claim, in the ledger transaction (completeImport).
  const status = failure ? 'failed' : keepRunning ? 'running' : 'completed';
  // The job's end, its returns' reversal and its audit commit together: whoever sees the import
  // completed finds its debits and its audit event.
  await settlement.inTransaction(async (t) => {
    // Returns take back the credit of the sales they return (the settlement service), audited.
    if (status === 'completed' && ingest.keepsPosLines) {
      const outcome = await settlement.reverseReturns(ingest.importId, actor.userId, t);
      ingest.returns = outcome;
      if (outcome.reversed.length)
        await recordAudit(
          actor,
          {
            action: 'settlement.returns_reversed',
            entityType: 'pos_import',
            entityId: ingest.importId,
            distributorId: ingest.distributorId,
            after: { ...outcome },
          },
          t,
        );
    }
    await repo.updateImport(
      ingest.importId,
      {
        status,
        fileSha256: sha,
        finishedAt: status === 'running' ? null : new Date(),
        failure: failure ? failureText(failure) : null,
        mapping: summary ? JSON.stringify(summary) : null,
        processedBytes: ingest.processedBytes,
        rowsRead: ingest.rowsRead,
        rowsRejected: ingest.rowsRejected,
        rowsDuplicate: ingest.rowsDuplicate,
      },
      t,
    );
    if (status !== 'running')
      await recordAudit(
        actor,
        {
          action: `pos_import.${status}`,
          entityType: 'pos_import',
          entityId: ingest.importId,
          distributorId: ingest.distributorId,
          after: {
            rowsRead: ingest.rowsRead,
            rowsAccepted: ingest.rowsAccepted,
            rowsDuplicate: ingest.rowsDuplicate,
            rowsRejected: ingest.rowsRejected,
            fileSha256: sha,
            failure: failure?.code,
            ...(ingest.returns ? { returns: ingest.returns.returns, returnsReversed: ingest.returns.reversed.length } : {}),
          },
        },
        t,
      );
    if (status !== 'running')
      raiseEvent(
        importFinished(actor, ingest.importId, ingest.distributorId, status, {
          rowsRead: ingest.rowsRead,
          rowsAccepted: ingest.rowsAccepted,
          rowsRejected: ingest.rowsRejected,
          failure: failure?.code ?? null,
        }),
        t,
      );
  });
  return (await repo.findImport(scopeOf(actor), ingest.importId))!;
}

/** A job's failure as the import row keeps it: the problem's code, message, HTTP status and details. */
const failureText = (failure: AppError) =>
  JSON.stringify({ code: failure.code, message: failure.message, status: failure.status, ...failure.details });

/**
 * Gives the job's valid rows somewhere else than POS lines (a claim file): called with the new
 * job's id and the part numbers the job resolves rows with.
 */
export type ImportTarget = (
  importId: number,
  products: Awaited<ReturnType<typeof repo.productResolver>>,
) => Promise<RowSink | { sink: RowSink; refuse: RowRefusal; currency?: string }>;

export interface RunOptions {
  /** a claim file: its rows go there (and the job starts over, never resumes) */
  target?: ImportTarget;
  /** leave the job `running` at the end: the caller completes it (`completeImport`) in its own transaction */
  keepRunning?: boolean;
}

/**
 * Creates the import row of a stored upload, `queued`, with the settings it will run with (the
 * saved mapping as it is now, the file's options, `extra` for its kind); a worker runs it.
 */
export async function createImportJob(
  actor: Actor,
  job: {
    format: 'csv' | 'json' | 'x12';
    purpose: 'pos' | 'claim';
    meta: ImportMeta;
    uploadPath: string;
    /** the stored file's SHA-256 (UploadStore hashes it as it writes): a claim file's is kept from the start */
    uploadSha256?: string;
    extra?: Record<string, unknown>;
  },
) {
  const distributorId = actor.distributorId!;
  const settings: ImportSettings = {
    mapping: await effectiveMapping(distributorId, job.meta),
    ...(job.meta.encoding ? { encoding: job.meta.encoding } : {}),
    ...(job.extra ? { extra: job.extra } : {}),
  };
  return repo.createImport({
    distributorId,
    format: job.format,
    purpose: job.purpose,
    fileName: job.meta.fileName,
    totalBytes: job.meta.totalBytes,
    createdByUserId: actor.userId,
    uploadPath: job.uploadPath,
    // A claim file's hash from the start (the job writes the same once it has read the file): a
    // file sent again is told by it before any job runs (server/claims/claim-file.service.ts).
    fileSha256: job.purpose === 'claim' ? (job.uploadSha256 ?? null) : null,
    settings,
  });
}

/** The job's row for a worker (null once gone). */
export const importJobRow = (id: number) => repo.findImportRow(id);

/** A job's settings (see createImportJob). */
export const jobSettings = (row: { settings: string | null }): ImportSettings | null =>
  row.settings ? (JSON.parse(row.settings) as ImportSettings) : null;

/** Records a job that ended without its own failure record (a claim file's late failure, an unexpected error). */
export async function failImport(actor: Actor, id: number, failure: AppError) {
  const row = await repo.findImportRow(id);
  if (!row) return;
  await repo.updateImport(id, { status: 'failed', finishedAt: new Date(), failure: failureText(failure) });
  if (row.status !== 'failed') {
    await recordAudit(actor, {
      action: 'pos_import.failed',
      entityType: 'pos_import',
      entityId: id,
      distributorId: row.distributorId,
      after: { failure: failure.code },
    });
    raiseEvent(importFinished(actor, id, row.distributorId, 'failed', { failure: failure.code }));
  }
}

/** The event of an import (a POS report or a claim file) that ended, completed or failed. */
function importFinished(
  actor: Pick<Actor, 'userId'>,
  importId: number,
  distributorId: number,
  status: 'completed' | 'failed',
  counts: Record<string, unknown>,
) {
  return {
    name: 'import.finished' as const,
    distributorId,
    entityType: 'pos_import',
    entityId: importId,
    actorUserId: actor.userId,
    summary:
      status === 'completed'
        ? `Import ${importId} completed: ${String(counts.rowsRead ?? '?')} rows read, ${String(counts.rowsRejected ?? 0)} rejected`
        : `Import ${importId} failed: ${String(counts.failure)}`,
    data: { importId, status, ...counts },
  };
}

/** Completes a job left running by `keepRunning`, with its answer, in the caller's transaction. */
export async function completeImport(actor: Actor, id: number, result: unknown, t: repo.Tx) {
  const row = (await repo.findImportRow(id, t))!;
  await repo.updateImport(id, { status: 'completed', finishedAt: new Date(), result: JSON.stringify(result) }, t);
  await recordAudit(
    actor,
    {
      action: 'pos_import.completed',
      entityType: 'pos_import',
      entityId: id,
      distributorId: row.distributorId,
      after: {
        rowsRead: row.rowsRead,
        rowsAccepted: row.rowsAccepted,
        rowsDuplicate: row.rowsDuplicate,
        rowsRejected: row.rowsRejected,
        fileSha256: row.fileSha256,
      },
    },
    t,
  );
  raiseEvent(
    importFinished(actor, id, row.distributorId, 'completed', {
      rowsRead: row.rowsRead,
      rowsAccepted: row.rowsAccepted,
      rowsRejected: row.rowsRejected,
      failure: null,
    }),
    t,
  );
}

/** Throws a job's thrown-away writes away (a claim file run again from the start). */
export const restartImport = (id: number) => repo.resetImport(id);

/** Forgets a job's stored upload once the job has ended (the file itself is the caller's). */
export const forgetUpload = (id: number) => repo.updateImport(id, { uploadPath: null });

/**
 * Streams a CSV (any of , ; tab | separators, quoted, CRLF, with or without BOM) into an import
 * job: its valid rows become POS lines, or go to `options.target` (a claim file). Row numbers are
 * the parser's (the header is row 1; blank rows keep their number).
 */
export async function runCsvImport(actor: Actor, importId: number, file: Readable, options: RunOptions = {}) {
  // No line longer than MAX_LINE_BYTES reaches the parser (a clear 422 before any work).
  const row = await repo.findImportRow(importId);
  if (!row) throw notFound('import');
  // X12 may have no line breaks at all: its tokenizer bounds each segment instead.
  const input = row.format === 'x12' ? file : limitLineLength(file);
  const { ingest } = await begin({ actor, row }, 'csv', options.target);
  // The file's source: the CSV parser, or X12 read with the partner's settings (server/edi).
  const x12 = row.format === 'x12' ? await x12Source(row.distributorId, options.target ? '844' : '867') : null;
  // Bytes: a CSV's are decoded by the parser in the file's encoding (core/pos/encoding.ts), an
  // X12's as UTF-8 (a character split across chunks kept whole).
  const utf8 = new TextDecoder();
  const parse = x12 ? (chunk: Buffer) => x12.push(utf8.decode(chunk, { stream: true })) : (chunk: Buffer) => ingest.parser.pushBytes(chunk);
  const hash = createHash('sha256');
  const stop: { failure: AppError | null; unexpected: unknown } = { failure: null, unexpected: null };
  const fail = (err: unknown) => {
    if (err instanceof AppError) stop.failure = err;
    else stop.unexpected = err;
  };
  // One chunk at a time: the next is read once this one's rows are taken (backpressure). After a
  // failure the rest of the input is read and dropped, then the job ends.
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (stop.failure || stop.unexpected) continue;
      hash.update(chunk);
      ingest.processedBytes += chunk.length;
      await ingest.take(parse(chunk)).catch(fail);
    }
  } catch (err) {
    // the input itself broke off (a line too long, a byte cap passed, a read error)
    if (err instanceof AppError) stop.failure ??= err;
    else stop.unexpected ??= err;
  }
  if (!stop.failure && !stop.unexpected)
    await ingest.take(x12 ? [...x12.push(utf8.decode()), ...x12.end()] : ingest.parser.end()).catch(fail);
  if (stop.unexpected) {
    // Not the file's fault (the database went away...): the job stays running for its retry,
    // which goes on after the last committed batch; the job runner records a last failure.
    await ingest.settle();
    throw stop.unexpected;
  }
  const failure = stop.failure;
  // X12: the 997 / TA1 of each interchange read (server/edi), before the job ends: a crash after
  // this runs the job again, which finds them written (once per interchange) instead of none.
  if (x12) await acknowledge(row.distributorId, importId, x12.receipts);
  const view = await finish(actor, ingest, failure ? null : hash.digest('hex'), failure, options.keepRunning);
  if (failure) throw new AppError(failure.code, failure.message, failure.status, { ...failure.details, importId: view.id });
  return view;
}

/** The same checks on lines sent as JSON objects (field names as keys, or the distributor's headers); row n is lines[n - 1]. */
export async function runJsonImport(actor: Actor, importId: number, lines: Record<string, unknown>[]) {
  const row = await repo.findImportRow(importId);
  if (!row) throw notFound('import');
  const { ingest } = await begin({ actor, row }, 'json');
  const body = JSON.stringify(lines);
  ingest.processedBytes = Buffer.byteLength(body);
  let failure: AppError | null = null;
  try {
    await ingest.take(parsePosJson(lines, { parser: ingest.parser }));
  } catch (err) {
    if (!(err instanceof AppError)) {
      await ingest.settle();
      throw err;
    }
    failure = err;
  }
  const view = await finish(actor, ingest, failure ? null : createHash('sha256').update(body).digest('hex'), failure);
  if (failure) throw new AppError(failure.code, failure.message, failure.status, { ...failure.details, importId: view.id });
  return view;
}

/** An import row for a file run in the caller's process, without a queue (the bench): `running` from the start. */
export async function createRunningImport(actor: Actor, purpose: 'pos' | 'claim', meta: ImportMeta) {
  return repo.createImport({
    distributorId: actor.distributorId!,
    format: 'csv',
    purpose,
    fileName: meta.fileName,
    totalBytes: meta.totalBytes,
    createdByUserId: actor.userId,
    settings: { mapping: await effectiveMapping(actor.distributorId!, meta), ...(meta.encoding ? { encoding: meta.encoding } : {}) },
  });
}

/** Runs a CSV import in the caller's process, without a queue (the bench). */
export async function importCsv(actor: Actor, input: Readable, meta: ImportMeta, target?: ImportTarget): Promise<ImportView> {
  const id = await createRunningImport(actor, target ? 'claim' : 'pos', meta);
  return runCsvImport(actor, id, input, { target });
}

/** The outcome of an ended job: its view, or its failure thrown as the problem it was. */
export async function importOutcome(actor: Actor, id: number): Promise<ImportView> {
  const view = await getImport(actor, id);
  if (view.status === 'failed') throw jobFailure(view.failure, id);
  return view;
}

/** An ended job's stored answer (a claim file's ClaimFileResult), or its failure thrown as the problem it was. */
export async function importResult(actor: Actor, id: number): Promise<unknown> {
  return (await importOutcome(actor, id)).result;
}

/** A stored failure (see failureText) as the AppError the request would have answered. */
export function jobFailure(failure: string | null, importId: number) {
  const f = (failure ? JSON.parse(failure) : {}) as { code?: string; message?: string; status?: number; [k: string]: unknown };
  const { code = 'INTERNAL', message = 'the job failed', status = 500, ...details } = f;
  return new AppError(code, message, status, { ...details, importId });
}

export async function getImport(actor: Actor, id: number) {
  const i = await repo.findImport(scopeOf(actor), id);
  if (!i) throw notFound('import');
  return i;
}

/** Queues a claim run over an import (see pos-claims.service.ts): its row, `queued`. */
export async function createClaimRunJob(
  actor: Actor,
  importId: number,
  options: { mode: 'implicit' | 'automatic' | 'both'; groupBy: 'debitMemo' | 'period'; currency?: string },
) {
  const job = await getImport(actor, importId);
  return repo.createClaimRun({ importId, distributorId: job.distributorId, options, createdByUserId: actor.userId });
}

export async function getClaimRun(actor: Actor, importId: number, runId: number) {
  const run = await repo.findClaimRun(scopeOf(actor), importId, runId);
  if (!run) throw notFound('claim run');
  return run;
}

/** A finished claim run's claims (its result), or its failure thrown as the problem it was. */
export async function claimRunOutcome(actor: Actor, importId: number, runId: number) {
  const run = await getClaimRun(actor, importId, runId);
  if (run.status === 'failed') throw jobFailure(run.failure, importId);
  return run.result;
}

export async function failClaimRun(runId: number, failure: AppError) {
  await repo.updateClaimRun(runId, { status: 'failed', finishedAt: new Date(), failure: failureText(failure) });
}

export const listImports = (actor: Actor, limit: number, distributorId?: number) =>
  repo.listImports(scopeOf(actor), limit, distributorFilter(actor, distributorId));

export async function importErrors(actor: Actor, id: number) {
  await getImport(actor, id);
  return repo.rowErrors(id);
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
  const parser = new PosParser({
    mapping: await effectiveMapping(actor.distributorId!, meta),
    encoding: meta.encoding ?? null,
    asciiText,
    currency: await distributorCurrency(actor.distributorId!),
  });
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
  // The rest of the body is read and dropped once the preview has its rows (leaving the loop
  // early would destroy the request, and the answer with it).
  for await (const chunk of input as AsyncIterable<Buffer>) if (!done && !fatal.length) take(parser.pushBytes(chunk));
  if (!done && !fatal.length) take(parser.end());
  if (fatal.length) throw fatalError(fatal);
  const columns = parser.columns;
  const summary = readSummary(columns, parser.settings);
  const kept = await previewChecks(actor.distributorId!, lines, errors, (field) => columns?.matched[field]?.header ?? field);
  // the report's order: by row
  errors.sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    columns: summary?.columns ?? {},
    extraColumns: columns ? columns.extra.map((x) => x.key) : [],
    settings: parser.settings,
    lines: kept,
    errors,
    rowsRead: rows.size,
  };
}

/**
 * The import's own row checks on the previewed lines, as the import would make them: a row naming
 * another distributor, and a row whose sale is on file (an earlier import) or earlier in the
 * previewed rows with other values (SALE_ALREADY_ON_FILE). Those rows go to `errors`; the lines
 * left are returned. A row the same as the sale on file stays a line (the import counts it as a
 * duplicate).
 */
async function previewChecks(
  distributorId: number,
  lines: PosLine[],
  errors: ImportPreview['errors'],
  header: (field: PosField) => string,
): Promise<PosLine[]> {
  const identity = await repo.distributorIdentity(distributorId);
  const distributor = identity ? distributorCheck(identity) : null;
  const ours: PosLine[] = [];
  for (const line of lines) {
    const mismatch = line.distributorId !== null && distributor ? distributor(line.distributorId, line.row, header('distributorId')) : null;
    if (mismatch) errors.push(mismatch);
    else ours.push(line);
  }
  const onFile = ours.length ? await repo.salesOnFile(distributorId, ours) : new Map<string, SaleOnFile>();
  const first = new Map<string, PosLine>();
  const kept: PosLine[] = [];
  for (const line of ours) {
    const key = joinPosKey(line.invoiceKey, line.lineKey);
    const stored = onFile.get(key);
    const before = first.get(key);
    const earlier = stored
      ? { ...stored, thisFile: false }
      : before
        ? { values: before, importId: null, fileName: null, row: before.row, thisFile: true }
        : null;
    if (!before && !stored) first.set(key, line);
    const differences = earlier ? saleDifferences(earlier.values, line) : [];
    if (earlier && differences.length) errors.push(saleConflict(null, line, earlier, differences));
    else kept.push(line);
  }
  return kept;
}

/**
 * The error report as CSV in a dialect (the default one for a report mailed back, which has no
 * reader's locale): row, column, code, message, the raw row. No decimal column: the raw row is
 * the file's own text, written as it came.
 */
export async function importErrorsCsv(actor: Actor, id: number, dialect?: CsvDialect) {
  const rows = await importErrors(actor, id);
  return toCsv(
    ['row', 'column', 'code', 'message', 'raw'],
    rows.map((r) => [r.rowNumber, r.column, r.code, r.message, r.raw]),
    dialect,
  );
}

export async function getMapping(actor: Actor) {
  const distributorId = actor.distributorId!;
  const saved = (await repo.findMapping(distributorId)) ?? { mapping: {}, options: { ...DEFAULT_OPTIONS }, updatedAt: null };
  // How the server reads this distributor's files: its mapping, options and the currency of its amounts.
  return { ...saved, currency: await distributorCurrency(distributorId) };
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

/** True when the account is a distributor (a vendor user names one to send its file). */
export const isDistributor = (id: number) => repo.isDistributor(id);

/** A page of an import's lines as stored, for the distributor to check what was read. */
export async function importLines(actor: Actor, id: number, after: number, limit: number) {
  if (!(await repo.findImport(scopeOf(actor), id))) throw notFound('import');
  const page = await repo.importLines(id, after, limit);
  return { ...page, next: page.nextCursor ? page.items[page.items.length - 1]!.id : null };
}

/**
 * Voids a POS import: its lines are removed so a corrected file can be sent again. Refused while
 * a claim line was made from any of them (claims keep pointing at their POS lines), or while a
 * credit memo took from the debit of one of its returns; a debit not yet taken from goes with its
 * return (listed in the audit). Audited.
 */
export async function voidImport(actor: Actor, id: number, reason: string) {
  const job = await repo.findImport(scopeOf(actor), id);
  if (!job) throw notFound('import');
  // A distributor user voids its own imports; a vendor user any it may see.
  const outcome = await repo.voidImport(id, actor.userId, reason);
  if (outcome.outcome === 'missing') throw notFound('import');
  if (outcome.outcome === 'not_voidable')
    throw new AppError(
      'IMPORT_NOT_VOIDABLE',
      `the import is ${outcome.status}${job.purpose === 'claim' ? ' (a claim file: its claim is the record)' : ''}: it cannot be voided`,
      409,
    );
  if (outcome.outcome === 'claimed')
    throw new AppError(
      'IMPORT_LINES_CLAIMED',
      `lines of this import are on claims (${outcome.onClaims.map((c) => `row ${c.rowNumber ?? '?'} on claim ${c.claimNumber} line ${c.lineNumber}`).join('; ')}): it cannot be voided`,
      409,
      { onClaims: outcome.onClaims },
    );
  if (outcome.outcome === 'counted')
    throw new AppError(
      'IMPORT_LINES_CLAIMED',
      `lines of this import are counted by closed rebate periods (${outcome.inRebates.map((c) => `row ${c.rowNumber ?? '?'} in rebate period ${c.rebatePeriodId}`).join('; ')}): it cannot be voided`,
      409,
      { inRebates: outcome.inRebates },
    );
  if (outcome.outcome === 'settled')
    throw new AppError(
      'IMPORT_RETURNS_SETTLED',
      `returns of this import were taken back from credit memos (${outcome.settled.map((d) => `row ${d.rowNumber ?? '?'}: debit ${d.debitId}, ${d.applied} taken`).join('; ')}): it cannot be voided`,
      409,
      { settled: outcome.settled },
    );
  await recordAudit(actor, {
    action: 'pos_import.voided',
    entityType: 'pos_import',
    entityId: id,
    distributorId: job.distributorId,
    before: { status: job.status, rowsAccepted: job.rowsAccepted },
    after: { status: 'voided', linesRemoved: outcome.removed, debitsCancelled: outcome.cancelledDebits },
    reason,
  });
  return (await repo.findImport(scopeOf(actor), id))!;
}
