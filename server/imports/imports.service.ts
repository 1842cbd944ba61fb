/**
 * POS ingestion: a file streams through the parser row by row (constant memory whatever its
 * size), each row is mapped with the distributor's saved column mapping and checked; valid rows
 * go to pos_lines in batches, bad rows to the job's error report with row, column and reason.
 * The job's counters move as batches land, for GET /api/imports/:id and its event stream.
 *
 * An import is a job (server/jobs): the request stores the upload and creates the import row
 * `queued` (`createImportJob`); a worker runs it (`runCsvImport`, `runJsonImport`). A POS batch's
 * lines, its row errors, the counters and the job's resume mark (the file's last line done) commit
 * in one transaction, so a job retried after its worker died goes on after the last committed
 * batch, into the same import: no line twice, counters equal to the lines.
 */
import { csvRecord, toCsv } from '../../core/csv.js';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, notFound } from '../errors.js';
import * as settlement from '../settlement/settlement.service.js';
import * as repo from './imports.repository.js';
import type { ImportView } from './imports.repository.js';
import { limitLineLength } from './line-limit.js';
import {
  DEFAULT_OPTIONS,
  jsonLineCells,
  resolveColumns,
  toPosRow,
  type ColumnMapping,
  type ParseOptions,
  type ResolvedColumns,
  type RowError,
} from './pos-rows.js';

const BATCH = 5000;

export interface ImportMeta {
  fileName: string | null;
  totalBytes: number | null;
  /** overrides the saved mapping for this file */
  mapping?: ColumnMapping;
  delimiter?: string;
}

/** What a job runs with: the mapping and options as they were when the file was sent. */
export interface ImportSettings {
  mapping: ColumnMapping;
  options: ParseOptions;
  delimiter?: string;
  /** what the job's own kind needs (a claim file's debit memo and currency) */
  extra?: Record<string, unknown>;
}

async function savedSettings(distributorId: number, meta: ImportMeta): Promise<ImportSettings> {
  const saved = await repo.findMapping(distributorId);
  const mapping: ColumnMapping = { ...(saved?.mapping ?? {}), ...(meta.mapping ?? {}) };
  const options: ParseOptions = { ...DEFAULT_OPTIONS, ...((saved?.options ?? {}) as Partial<ParseOptions>) };
  return { mapping, options, delimiter: meta.delimiter ?? (saved?.options as { delimiter?: string } | undefined)?.delimiter };
}

/**
 * Where a batch of valid rows goes; returns how many were kept. A POS report keeps them as POS
 * lines (skipping ones already on file); a claim file validates them into its claim.
 */
export type RowSink = (rows: repo.PosInsertRow[]) => Promise<number>;

/** The POS sink: its rows go in with the batch's bookkeeping, in the batch's transaction. */
type BatchSink = { inBatch: (rows: repo.PosInsertRow[], t: repo.Tx) => Promise<number> } | { outside: RowSink };

/** Consumes rows (arrays of cells, the header first) into the job. */
class Ingest {
  private cols: ResolvedColumns | null = null;
  private pending: repo.PosInsertRow[] = [];
  private errors: (RowError & { raw: string | null })[] = [];
  rowsRead = 0;
  rowsAccepted = 0;
  rowsValid = 0;
  /** valid rows whose insert completed */
  rowsWritten = 0;
  rowsRejected = 0;
  processedBytes = 0;
  /** the file's line (the header is line 1) of the last row taken into a batch */
  private lastRow = 0;
  /** what the import's returns took back (a POS report) */
  returns: settlement.ReturnsOutcome | null = null;

  constructor(
    readonly importId: number,
    readonly distributorId: number,
    private readonly mapping: ColumnMapping,
    private readonly options: ParseOptions,
    private readonly products: Awaited<ReturnType<typeof repo.productResolver>>,
    private readonly sink: BatchSink = { inBatch: (rows, t) => repo.insertPosLines(distributorId, importId, rows, t) },
    /** rows up to this line are committed already (a resumed job): they are read past, not written again */
    readonly resumeAfter = 0,
  ) {}

  /** A POS report keeps its rows as POS lines; a claim file's go to its claim. */
  get keepsPosLines() {
    return 'inBatch' in this.sink;
  }

  /** A resumed job: its counters as committed with the resume mark. */
  restore(row: { rowsRead: number; rowsAccepted: number; rowsDuplicate: number; rowsRejected: number }) {
    this.rowsRead = row.rowsRead;
    this.rowsAccepted = row.rowsAccepted;
    this.rowsValid = row.rowsAccepted + row.rowsDuplicate;
    this.rowsWritten = this.rowsValid;
    this.rowsRejected = row.rowsRejected;
    this.lastRow = this.resumeAfter;
  }

  header(cells: string[]) {
    this.cols = resolveColumns(cells, this.mapping);
    if (this.cols.missing.length) {
      throw new AppError(
        'MAPPING_INCOMPLETE',
        `no column for ${this.cols.missing.join(', ')}: map them with PUT /api/imports/mapping or name them in the header`,
        422,
        {
          missing: this.cols.missing,
          header: cells,
          errors: this.cols.missing.map((m) => ({ field: m, message: 'no column in the file' })),
        },
      );
    }
  }

  get columns() {
    return this.cols;
  }

  async row(cells: string[], rowNumber: number) {
    // A resumed job reads past what its committed batches hold.
    if (rowNumber <= this.resumeAfter) return;
    this.rowsRead++;
    if (cells.length === 1 && cells[0].trim() === '') {
      this.rowsRead--;
      return;
    }
    this.lastRow = rowNumber;
    const { row, errors } = toPosRow(cells, this.cols!, rowNumber, this.options);
    if (!row) {
      this.rowsRejected++;
      // The row as a CSV record (cells quoted where they need it), for the error report.
      const raw = csvRecord(cells).slice(0, 2000);
      for (const e of errors) this.errors.push({ ...e, raw });
    } else {
      this.rowsValid++;
      // The row becomes the insert row in place (no copy per row).
      const insert = row as repo.PosInsertRow;
      insert.rowNumber = rowNumber;
      insert.productId =
        (row.vendorPartNumber && this.products.byVendor.get(row.vendorPartNumber.toUpperCase())) ||
        (row.distributorPartNumber && this.products.byDistributor.get(row.distributorPartNumber.toUpperCase())) ||
        null;
      this.pending.push(insert);
    }
    if (this.pending.length >= BATCH || this.errors.length >= BATCH) await this.flush();
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
    const at = {
      processedBytes: this.processedBytes,
      rowsRead: this.rowsRead,
      rowsRejected: this.rowsRejected,
      rowsValid: this.rowsValid,
      resumeRow: this.lastRow,
    };
    await this.inflight;
    this.inflight = (async () => {
      const progress = (accepted: number) => ({
        processedBytes: at.processedBytes,
        rowsRead: at.rowsRead,
        rowsAccepted: accepted,
        rowsDuplicate: at.rowsValid - accepted,
        rowsRejected: at.rowsRejected,
        resumeRow: at.resumeRow,
      });
      const sink = this.sink;
      if ('inBatch' in sink) {
        // POS lines: the batch's lines, its row errors, the counters and the resume mark commit together.
        const added = await repo.inTransaction(async (t) => {
          const n = await sink.inBatch(rows, t);
          await repo.insertRowErrors(this.importId, errors, t);
          await repo.updateImport(this.importId, progress(this.rowsAccepted + n), t);
          return n;
        });
        this.rowsAccepted += added;
      } else {
        // A claim file's lines go to its claim (a run that stops is discarded whole and run again).
        this.rowsAccepted += await sink.outside(rows);
        await repo.insertRowErrors(this.importId, errors);
        await repo.updateImport(this.importId, progress(this.rowsAccepted));
      }
      this.rowsWritten += rows.length;
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

/** The actor a job runs as (its sender), and the import row it runs. */
interface JobStart {
  actor: Actor;
  row: NonNullable<Awaited<ReturnType<typeof repo.findImportRow>>>;
}

/**
 * Takes a job's import row for this attempt: `running`, one more attempt, audited. A row with a
 * resume mark goes on after it (its counters are those committed with the mark).
 */
async function begin({ actor, row }: JobStart, target?: ImportTarget) {
  const distributorId = row.distributorId;
  const settings: ImportSettings = row.settings
    ? (JSON.parse(row.settings) as ImportSettings)
    : await savedSettings(distributorId, { fileName: row.fileName, totalBytes: row.totalBytes });
  const resumeAfter = target ? 0 : row.resumeRow;
  await repo.updateImport(row.id, { status: 'running', attempts: row.attempts + 1, startedAt: row.startedAt ?? new Date() });
  await recordAudit(actor, {
    action: row.attempts === 0 ? 'pos_import.started' : 'pos_import.resumed',
    entityType: 'pos_import',
    entityId: row.id,
    distributorId,
    after: { format: row.format, fileName: row.fileName, attempt: row.attempts + 1, ...(resumeAfter ? { afterLine: resumeAfter } : {}) },
  });
  const products = await repo.productResolver(distributorId);
  const sink: BatchSink | undefined = target ? { outside: await target(row.id, products) } : undefined;
  const ingest = new Ingest(row.id, distributorId, settings.mapping, settings.options, products, sink, resumeAfter);
  if (resumeAfter) ingest.restore(row);
  return { ingest, delimiter: settings.delimiter };
}

async function finish(actor: Actor, ingest: Ingest, sha: string | null, failure: AppError | null, keepRunning = false) {
  const mapping = ingest.columns ? Object.fromEntries(Object.entries(ingest.columns.index).map(([f, i]) => [f, i])) : null;
  if (!failure) await ingest.drain();
  else {
    await ingest.settle();
    // A failed job keeps nothing: the POS lines its batches already wrote go (a claim file's
    // lines are its claim's, which the claim file discards).
    if (ingest.keepsPosLines) await repo.discardPosLines(ingest.importId);
  }
  // A claim file's job completes with its claim, in the ledger transaction (completeImport).
  const status = failure ? 'failed' : keepRunning ? 'running' : 'completed';
  await repo.updateImport(ingest.importId, {
    status,
    fileSha256: sha,
    finishedAt: status === 'running' ? null : new Date(),
    failure: failure ? failureText(failure) : null,
    mapping: mapping ? JSON.stringify(mapping) : null,
    rowsDuplicate: ingest.rowsValid - ingest.rowsAccepted,
  });
  // Returns take back the credit of the sales they return (the settlement service), audited.
  if (status === 'completed' && ingest.keepsPosLines)
    ingest.returns = await settlement.inTransaction(async (t) => {
      const outcome = await settlement.reverseReturns(ingest.importId, actor.userId, t);
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
      return outcome;
    });
  if (status !== 'running')
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
        ...(ingest.returns ? { returns: ingest.returns.returns, returnsReversed: ingest.returns.reversed.length } : {}),
      },
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
export type ImportTarget = (importId: number, products: Awaited<ReturnType<typeof repo.productResolver>>) => Promise<RowSink>;

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
  job: { format: 'csv' | 'json'; purpose: 'pos' | 'claim'; meta: ImportMeta; uploadPath: string; extra?: Record<string, unknown> },
) {
  const distributorId = actor.distributorId!;
  const settings = { ...(await savedSettings(distributorId, job.meta)), ...(job.extra ? { extra: job.extra } : {}) };
  return repo.createImport({
    distributorId,
    format: job.format,
    purpose: job.purpose,
    fileName: job.meta.fileName,
    totalBytes: job.meta.totalBytes,
    createdByUserId: actor.userId,
    uploadPath: job.uploadPath,
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
  if (row.status !== 'failed')
    await recordAudit(actor, {
      action: 'pos_import.failed',
      entityType: 'pos_import',
      entityId: id,
      distributorId: row.distributorId,
      after: { failure: failure.code },
    });
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
}

/** Throws a job's thrown-away writes away (a claim file run again from the start). */
export const restartImport = (id: number) => repo.resetImport(id);

/** Forgets a job's stored upload once the job has ended (the file itself is the caller's). */
export const forgetUpload = (id: number) => repo.updateImport(id, { uploadPath: null });

/**
 * Streams a CSV (any of , ; tab | separators, quoted, CRLF, with or without BOM) into an import
 * job: its valid rows become POS lines, or go to `options.target` (a claim file). Row numbers are
 * the file's line numbers (the header is line 1; a quoted cell with line breaks spans several).
 */
export async function runCsvImport(actor: Actor, importId: number, file: Readable, options: RunOptions = {}) {
  // No line longer than MAX_LINE_BYTES reaches the parser (it would cost it quadratic time).
  const input = limitLineLength(file);
  const row = await repo.findImportRow(importId);
  if (!row) throw notFound('import');
  const { ingest, delimiter: fixed } = await begin({ actor, row }, options.target);
  const hash = createHash('sha256');
  // Strings, not buffers: the decoder keeps a UTF-8 character split across chunks whole.
  input.setEncoding('utf8');
  // Blank lines reach the loop below (their line numbers count), so papaparse's own guess, which
  // would weigh them, is made here on the file's first chunk without them.
  const head = fixed
    ? null
    : await peek(input).catch((err: Error) => {
        throw new AppError('UNREADABLE_FILE', `the file could not be read: ${err.message}`, 422);
      });
  const delimiter = fixed || guessDelimiter(head ?? '');
  input.on('data', (chunk: string) => {
    hash.update(chunk);
    ingest.processedBytes += Buffer.byteLength(chunk);
  });
  let failure: AppError | null = null;
  let records = 0;
  /** the file's line where the next record starts */
  let line = 1;
  // Papaparse reads the stream itself; each chunk pauses it until its rows are written, so a
  // slow database slows the reading instead of filling memory (backpressure).
  let chain: Promise<void> = Promise.resolve();
  const rows = async (data: string[][]) => {
    for (const cells of data) {
      const at = line;
      line += 1 + lineBreaksIn(cells);
      // Blank lines (or only separators) are skipped, and keep their line number.
      if (cells.every((c) => c.trim() === '')) continue;
      records++;
      if (records === 1) ingest.header(cells);
      else await ingest.row(cells, at);
    }
  };
  try {
    // An empty stream has ended while it was peeked at: nothing to parse.
    if (head !== '')
      await new Promise<void>((resolve, reject) => {
        Papa.parse(input as unknown as File, {
          delimiter: delimiter ?? '',
          delimitersToGuess: [',', ';', '\t', '|'],
          skipEmptyLines: false,
          chunk(results, parser) {
            parser.pause();
            chain = chain.then(() => rows(results.data as string[][]));
            chain.then(
              () => parser.resume(),
              (err: unknown) => {
                parser.abort();
                reject(err);
              },
            );
          },
          complete: () => chain.then(resolve, reject),
          error: (err: Error) => reject(new AppError('UNREADABLE_FILE', `the file could not be read: ${err.message}`, 422)),
        });
      });
    if (records === 0) throw new AppError('EMPTY_FILE', 'the file has no header row', 422);
  } catch (err) {
    input.resume();
    if (!(err instanceof AppError)) {
      // Not the file's fault (the database went away...): the job stays running for its retry,
      // which goes on after the last committed batch; the job runner records a last failure.
      await ingest.settle();
      throw err;
    }
    failure = err;
  }
  const view = await finish(actor, ingest, failure ? null : hash.digest('hex'), failure, options.keepRunning);
  if (failure) throw new AppError(failure.code, failure.message, failure.status, { ...failure.details, importId: view.id });
  return view;
}

/** The stream's first chunk, put back for the parser. */
async function peek(input: Readable): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const done = (text: string) => {
      input.off('readable', onReadable);
      input.off('end', onEnd);
      input.off('error', reject);
      resolve(text);
    };
    const onReadable = () => {
      const chunk = input.read() as string | null;
      if (chunk === null) return;
      input.unshift(chunk);
      done(chunk);
    };
    const onEnd = () => done('');
    input.on('readable', onReadable);
    input.once('end', onEnd);
    input.once('error', reject);
  });
}

/** The separator of a file's first lines (`,` `;` tab `|`), blank lines left out. */
function guessDelimiter(head: string): string {
  if (!head) return '';
  return Papa.parse(head.slice(0, 1 << 16), { preview: 10, delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: 'greedy' }).meta
    .delimiter;
}

/** Line breaks inside a record's quoted cells (the record spans that many more lines). */
function lineBreaksIn(cells: string[]) {
  let n = 0;
  for (const c of cells) {
    if (c.indexOf('\n') < 0 && c.indexOf('\r') < 0) continue;
    n += c.match(/\r\n|\r|\n/g)!.length;
  }
  return n;
}

/** The same checks on lines sent as JSON objects (field names as keys, or the distributor's headers); row n is lines[n - 1]. */
export async function runJsonImport(actor: Actor, importId: number, lines: Record<string, unknown>[]) {
  const row = await repo.findImportRow(importId);
  if (!row) throw notFound('import');
  const { ingest } = await begin({ actor, row });
  const body = JSON.stringify(lines);
  ingest.processedBytes = Buffer.byteLength(body);
  let failure: AppError | null = null;
  try {
    const headers = [...new Set(lines.flatMap((l) => Object.keys(l)))];
    ingest.header(headers);
    for (const [i, l] of lines.entries()) {
      const { cells } = jsonLineCells(Object.fromEntries(headers.map((h) => [h, l[h]])));
      await ingest.row(cells, i + 1);
    }
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
    settings: await savedSettings(actor.distributorId!, meta),
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

export const listImports = (actor: Actor, limit: number) => repo.listImports(scopeOf(actor), limit);

export async function importErrors(actor: Actor, id: number) {
  await getImport(actor, id);
  return repo.rowErrors(id);
}

/**
 * The error report as CSV: row (the file's line number), column, code, message, the raw row (as a
 * CSV record). UTF-8 with a byte-order mark; a cell a spreadsheet would take for a formula is
 * prefixed with ' (core/csv.ts).
 */
export async function importErrorsCsv(actor: Actor, id: number) {
  const rows = await importErrors(actor, id);
  // toCsv starts it with the byte-order mark.
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

/** True when the account is a distributor (a vendor user names one to send its file). */
export const isDistributor = (id: number) => repo.isDistributor(id);

/** A page of an import's lines as stored, for the distributor to check what was read. */
export async function importLines(actor: Actor, id: number, after: number, limit: number) {
  if (!(await repo.findImport(scopeOf(actor), id))) throw notFound('import');
  const items = await repo.importLines(id, after, limit);
  return { items, next: items.length === limit ? items[items.length - 1]!.id : null };
}

/**
 * Voids a POS import: its lines are removed so a corrected file can be sent again. Refused while
 * a claim line was made from any of them (claims keep pointing at their POS lines). Audited.
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
  await recordAudit(actor, {
    action: 'pos_import.voided',
    entityType: 'pos_import',
    entityId: id,
    distributorId: job.distributorId,
    before: { status: job.status, rowsAccepted: job.rowsAccepted },
    after: { status: 'voided', linesRemoved: outcome.removed },
    reason,
  });
  return (await repo.findImport(scopeOf(actor), id))!;
}
