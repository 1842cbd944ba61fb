/**
 * POS ingestion: a file streams through the parser row by row (constant memory whatever its
 * size), each row is mapped with the distributor's saved column mapping and checked; valid rows
 * go to pos_lines in batches, bad rows to the job's error report with row, column and reason.
 * The job's counters move as batches land, for GET /api/imports/:id and its event stream.
 */
import { toCsv } from '../../core/csv.js';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, notFound } from '../errors.js';
import * as settlement from '../settlement/settlement.service.js';
import * as repo from './imports.repository.js';
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

async function savedSettings(distributorId: number, meta: ImportMeta) {
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
  /** what the import's returns took back (a POS report) */
  returns: settlement.ReturnsOutcome | null = null;

  constructor(
    readonly importId: number,
    readonly distributorId: number,
    private readonly mapping: ColumnMapping,
    private readonly options: ParseOptions,
    private readonly products: Awaited<ReturnType<typeof repo.productResolver>>,
    private readonly sink: RowSink = (rows) => repo.insertPosLines(distributorId, importId, rows),
    /** a claim file's rows go to its claim, not to POS lines */
    readonly claimFile = false,
  ) {}

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
    this.rowsRead++;
    if (cells.length === 1 && cells[0].trim() === '') {
      this.rowsRead--;
      return;
    }
    const { row, errors } = toPosRow(cells, this.cols!, rowNumber, this.options);
    if (!row) {
      this.rowsRejected++;
      const raw = cells.join(',').slice(0, 2000);
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

async function start(actor: Actor, format: 'csv' | 'json', meta: ImportMeta, target?: ImportTarget) {
  const distributorId = actor.distributorId!;
  const { mapping, options, delimiter } = await savedSettings(distributorId, meta);
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
  const ingest = target
    ? new Ingest(id, distributorId, mapping, options, products, await target(id, products), true)
    : new Ingest(id, distributorId, mapping, options, products);
  return { id, ingest, delimiter };
}

async function finish(actor: Actor, ingest: Ingest, sha: string | null, failure: AppError | null) {
  const mapping = ingest.columns ? Object.fromEntries(Object.entries(ingest.columns.index).map(([f, i]) => [f, i])) : null;
  if (!failure) await ingest.drain();
  else {
    await ingest.settle();
    // A failed job keeps nothing: the POS lines its batches already wrote go (a claim file's
    // lines are its claim's, which the claim file discards).
    await repo.discardPosLines(ingest.importId);
  }
  const status = failure ? 'failed' : 'completed';
  await repo.updateImport(ingest.importId, {
    status,
    fileSha256: sha,
    finishedAt: new Date(),
    failure: failure ? JSON.stringify({ code: failure.code, message: failure.message, ...failure.details }) : null,
    mapping: mapping ? JSON.stringify(mapping) : null,
    ...(failure ? { rowsAccepted: 0, rowsDuplicate: 0 } : { rowsDuplicate: ingest.rowsValid - ingest.rowsAccepted }),
  });
  // Returns take back the credit of the sales they return (the settlement service), audited.
  if (!failure && !ingest.claimFile) {
    const returns = await settlement.inTransaction(async (t) => {
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
    ingest.returns = returns;
  }
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

/**
 * Gives the job's valid rows somewhere else than POS lines (a claim file): called with the new
 * job's id and the part numbers the job resolves rows with.
 */
export type ImportTarget = (importId: number, products: Awaited<ReturnType<typeof repo.productResolver>>) => Promise<RowSink>;

/**
 * Streams a CSV (any of , ; tab | separators, quoted, CRLF, with or without BOM) into a new import
 * job: its valid rows become POS lines, or go to `target` (a claim file).
 */
export async function importCsv(actor: Actor, file: Readable, meta: ImportMeta, target?: ImportTarget) {
  // No line longer than MAX_LINE_BYTES reaches the parser (it would cost it quadratic time).
  const input = limitLineLength(file);
  const { ingest, delimiter } = await start(actor, 'csv', meta, target);
  const hash = createHash('sha256');
  // Strings, not buffers: the decoder keeps a UTF-8 character split across chunks whole.
  input.setEncoding('utf8');
  input.on('data', (chunk: string) => {
    hash.update(chunk);
    ingest.processedBytes += Buffer.byteLength(chunk);
  });
  let failure: AppError | null = null;
  let rowNumber = 0;
  // Papaparse reads the stream itself; each chunk pauses it until its rows are written, so a
  // slow database slows the reading instead of filling memory (backpressure).
  let chain: Promise<void> = Promise.resolve();
  // Once the run has failed, no more rows go in (the failure undoes what went in).
  let stopped = false;
  const rows = async (data: string[][]) => {
    for (const cells of data) {
      rowNumber++;
      if (rowNumber === 1) ingest.header(cells);
      else await ingest.row(cells, rowNumber);
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      Papa.parse(input as unknown as File, {
        delimiter: delimiter ?? '',
        delimitersToGuess: [',', ';', '\t', '|'],
        skipEmptyLines: 'greedy',
        chunk(results, parser) {
          if (stopped) return parser.abort();
          parser.pause();
          chain = chain.then(() => rows(results.data as string[][]));
          chain.then(
            () => !stopped && parser.resume(),
            (err: unknown) => {
              stopped = true;
              parser.abort();
              reject(err);
            },
          );
        },
        complete: () => chain.then(resolve, reject),
        error: (err: Error) => {
          stopped = true;
          reject(err instanceof AppError ? err : new AppError('UNREADABLE_FILE', `the file could not be read: ${err.message}`, 422));
        },
      });
    });
    if (rowNumber === 0) throw new AppError('EMPTY_FILE', 'the file has no header row', 422);
  } catch (err) {
    stopped = true;
    input.resume();
    // Rows already handed to the job are written (or failed) before the job is closed.
    await chain.catch(() => undefined);
    if (!(err instanceof AppError)) {
      // The job must not stay "running" forever: record the failure, then let the error middleware answer 500.
      await finish(actor, ingest, null, new AppError('INTERNAL', 'the import stopped on an unexpected error', 500)).catch(() => undefined);
      throw err;
    }
    failure = err;
  }
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
    const headers = [...new Set(lines.flatMap((l) => Object.keys(l)))];
    ingest.header(headers);
    for (const [i, l] of lines.entries()) {
      const { cells } = jsonLineCells(Object.fromEntries(headers.map((h) => [h, l[h]])));
      await ingest.row(cells, i + 1);
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    failure = err;
  }
  const view = await finish(actor, ingest, failure ? null : createHash('sha256').update(body).digest('hex'), failure);
  if (failure) throw new AppError(failure.code, failure.message, failure.status, { ...failure.details, importId: view.id });
  return view;
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
