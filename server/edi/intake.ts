/**
 * The one door of a file into the import pipeline, whatever brought it: the API's POS upload and
 * claim file routes, `npm run edi -- send`, the watched inbound directory and e-mail intake all
 * come here. The file is stored (server/jobs/uploads.ts), told CSV or X12 (by its declared type or
 * its content), and becomes the same import job row a worker runs (server/jobs/processors.ts).
 *
 * A claim file's debit memo number and currency come from the request, else from its first 844's
 * header (BGN02, CUR02): the currency must be the distributor's (422 CURRENCY_MISMATCH naming
 * CUR02), a debit memo number the request gives must be the one the 844 carries (spelled any way:
 * they are compared by the canonical debit memo key, core/claims/debit-memo-key.ts).
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { sameDebitMemo } from '../../core/claims/debit-memo-key.js';
import { readX12Head, type X12FileHead } from '../../core/edi/index.js';
import type { PosEncoding } from '../../core/pos/index.js';
import { distributorFilter, type Actor } from '../auth/actor.js';
import type { UserRecord } from '../auth/auth.repository.js';
import { can } from '../../core/permissions.js';
import { jobActor } from '../jobs/processors.js';
import { admitClaimFile, checkClaimFile } from '../claims/claim-file.service.js';
import { claimCurrency, debitMemoFree } from '../claims/claims.service.js';
import { AppError } from '../errors.js';
import * as imports from '../imports/imports.service.js';
import type { JobData } from '../jobs/queue.js';
import type { Jobs } from '../jobs/runtime.js';
import { keepIf, type StoredUpload } from '../jobs/uploads.js';
import { looksLikeX12 } from './x12-source.js';

/** How much of a stored file is read to tell its format and its 844 header. */
const HEAD_BYTES = 64 * 1024;

export interface FileSubmission {
  /** 'auto': an 844 is a claim file, anything else (an 867, a CSV) a POS report */
  purpose: 'pos' | 'claim' | 'auto';
  body: Readable;
  fileName: string | null;
  /** sent as application/edi-x12 (otherwise X12 is told by its content) */
  declaredX12?: boolean;
  /** a claim file's, as the sender gave them (an 844's header fills in what is missing) */
  claim?: { debitMemoNumber: string | null; currency: string | null };
  /**
   * a claim file sent before (the same bytes) whose claim stands: true makes a claim of it all the
   * same; otherwise it is refused here with 409 DUPLICATE_FILE (`admitClaimFile`)
   */
  resend?: boolean;
  /** a CSV's read settings, as a request names them */
  read?: { delimiter?: string; decimalMark?: 'auto' | '.' | ','; dateOrder?: 'auto' | 'MDY' | 'DMY'; encoding?: PosEncoding };
}

export interface QueuedFile {
  importId: number;
  purpose: 'pos' | 'claim';
  format: 'csv' | 'x12';
  /** the job to queue */
  job: JobData;
}

async function headOf(path: string): Promise<string> {
  const f = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await f.read(buf, 0, HEAD_BYTES, 0);
    // A UTF-8 character cut at the end of the head decodes as U+FFFD: harmless for the header.
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await f.close();
  }
}

/** A claim file's debit memo number and currency: the sender's, else its 844's header; checked against the distributor's. */
async function claimHeader(actor: Actor, given: FileSubmission['claim'], head: X12FileHead | null) {
  const distributorId = actor.distributorId!;
  const bgn = head?.claim ?? null;
  const debitMemoNumber = given?.debitMemoNumber ?? bgn?.debitMemoNumber ?? null;
  // One memo spelled two ways (`dm-1` sent, `DM-1` in BGN02) is one memo: compared by its key.
  if (given?.debitMemoNumber && bgn?.debitMemoNumber && !sameDebitMemo(given.debitMemoNumber, bgn.debitMemoNumber))
    throw new AppError(
      'DEBIT_MEMO_MISMATCH',
      `the request names debit memo ${given.debitMemoNumber}, the 844's ${bgn.debitMemoElement} says ${bgn.debitMemoNumber}`,
      422,
      {
        errors: [
          {
            field: bgn.debitMemoElement,
            message: `must be ${given.debitMemoNumber} (the debitMemoNumber sent), or leave debitMemoNumber out`,
          },
        ],
      },
    );
  if (bgn?.currency) await claimCurrency(distributorId, bgn.currency, 'CUR02');
  await debitMemoFree(
    distributorId,
    debitMemoNumber,
    given?.debitMemoNumber ? 'debitMemoNumber' : (bgn?.debitMemoElement ?? 'debitMemoNumber'),
  );
  return { debitMemoNumber, currency: given?.currency ?? bgn?.currency ?? null };
}

/**
 * Stores a file and creates its import job row (queued), as the API does for an upload; the
 * caller queues `job` (the routes answer through `answerJob`, the other transports `submitFile`).
 * A file refused here (a claim's currency, a debit memo already claimed, a claim file sent again
 * without `resend`) leaves nothing stored and no job row.
 */
export async function queueFile(actor: Actor, jobs: Jobs, file: FileSubmission): Promise<QueuedFile> {
  // Refused at once, before the file is stored (the job checks again when it runs).
  if (file.purpose === 'claim' && file.claim) await checkClaimFile(actor, file.claim);
  const stored = await jobs.uploads.store(file.body);
  return keepIf(stored, async () => {
    const queued = await createFileJob(actor, stored, file);
    // A claim file this distributor sent before, whose claim stands: refused here, for every transport.
    if (queued.purpose === 'claim') await admitClaimFile(queued.importId);
    return queued;
  });
}

/**
 * The import job row of a stored file (queued), before a claim file is admitted: `queueFile`'s
 * first step. A row a stopped process left here (never admitted) is checked when its job runs
 * (`runClaimFile`); the sender's `resend` is on the row for that.
 */
export async function createFileJob(actor: Actor, stored: StoredUpload, file: Omit<FileSubmission, 'body'>): Promise<QueuedFile> {
  const text = await headOf(stored.path);
  const x12 = Boolean(file.declaredX12) || looksLikeX12(text);
  const head = x12 ? readX12Head(text) : null;
  const purpose = file.purpose !== 'auto' ? file.purpose : head?.firstTransaction === '844' ? 'claim' : 'pos';
  const claim = purpose === 'claim' ? await claimHeader(actor, file.claim, head) : null;
  const importId = await imports.createImportJob(actor, {
    format: x12 ? 'x12' : 'csv',
    purpose,
    meta: { fileName: file.fileName, totalBytes: stored.bytes, ...file.read },
    uploadPath: stored.path,
    uploadSha256: stored.sha256,
    ...(claim ? { extra: { ...claim, ...(file.resend ? { resend: true } : {}) } } : {}),
  });
  return {
    importId,
    purpose,
    format: x12 ? 'x12' : 'csv',
    job: { kind: purpose === 'claim' ? 'claim-file' : 'pos-import', id: importId },
  };
}

/** What a transport gets back once its file's job has ended. */
export interface FileOutcome {
  importId: number;
  purpose: 'pos' | 'claim';
  format: 'csv' | 'x12';
  import: Awaited<ReturnType<typeof imports.getImport>>;
  /** a claim file's ClaimFileResult (null for a POS report, or when it failed) */
  result: unknown;
  /** the job's failure, as the API would have answered it */
  failure: AppError | null;
}

/** Waits until the import's job has ended (the in-process queue's promise, else its row, polled). */
async function ended(actor: Actor, importId: number, done: Promise<void> | undefined, stopped: () => boolean) {
  if (done) await done;
  for (;;) {
    const view = await imports.getImport(actor, importId);
    if (view.status === 'completed' || view.status === 'failed') return view;
    if (done) throw new AppError('INTERNAL', 'the job ended without recording its outcome', 500);
    if (stopped()) throw new AppError('STOPPED', 'stopped while the job ran: it goes on; its import tells the outcome', 503);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Queues a file as the API does and waits for its job to end: the transports (command, inbound
 * directory, e-mail) answer with its outcome. A file refused before its job (a claim's currency)
 * throws that refusal.
 */
export async function submitFile(actor: Actor, jobs: Jobs, file: FileSubmission, stopped: () => boolean = () => false) {
  const queued = await queueFile(actor, jobs, file);
  let added: { done?: Promise<void> };
  try {
    added = await jobs.queue.add(queued.job);
  } catch (err) {
    const problem = new AppError('QUEUE_UNAVAILABLE', 'the job queue cannot be reached', 503);
    await imports.failImport(actor, queued.importId, problem).catch(() => undefined);
    throw err;
  }
  const view = await ended(actor, queued.importId, added.done, stopped);
  let failure: AppError | null = null;
  let result: unknown = null;
  try {
    if (queued.purpose === 'claim') result = await imports.importResult(actor, queued.importId);
    else await imports.importOutcome(actor, queued.importId);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    failure = err;
  }
  const outcome: FileOutcome = { ...queued, import: view, result, failure };
  return outcome;
}

/**
 * Who a file that came by a transport (the command, the inbound directory, e-mail) is sent as: an
 * active user who may send files (`pos.import`), for its own distributor, or, a vendor user, for
 * the distributor named. The audit names this user, as it names an API caller.
 */
export async function senderActor(user: UserRecord | null, distributorId: number | null, who = 'the sender'): Promise<Actor> {
  if (!user || !user.active) throw new AppError('UNKNOWN_SENDER', `${who} is not an active user`, 403);
  if (!can(user.role, 'pos.import')) throw new AppError('FORBIDDEN', `role ${user.role} may not send files`, 403);
  // Another distributor's id is the lists' 403 (`distributorFilter`, server/auth/actor.ts): one rule.
  distributorFilter(user, distributorId ?? undefined);
  if (user.role === 'distributor_user') return jobActor(user.id, user.distributorId!);
  if (distributorId === null) throw new AppError('VALIDATION_FAILED', 'a vendor user names the distributor whose file this is', 400);
  if (!(await imports.isDistributor(distributorId))) throw new AppError('NOT_FOUND', `no distributor ${distributorId}`, 404);
  return jobActor(user.id, distributorId);
}

/** How many row errors a transport's result carries (the whole report is the import's, through the API). */
const REPORT_ERRORS = 100;

/** A file's outcome as a transport reports it back (the inbound directory's result file, the e-mail reply). */
export interface OutcomeReport {
  importId: number;
  purpose: 'pos' | 'claim';
  format: 'csv' | 'x12';
  status: string;
  rows: { read: number; accepted: number; duplicate: number; rejected: number };
  /** a claim file's claim and its verdicts */
  claim: { id: number; number: string; debitMemoNumber: string | null; status: string; claimedTotal: string; approvedTotal: string } | null;
  lines: { accepted: number; partial: number; rejected: number } | null;
  failure: { code: string; message: string } | null;
  /** the first row errors (row, column, code, message) */
  errors: { rowNumber: number; column: string | null; code: string; message: string }[];
  errorCount: number;
}

export async function outcomeReport(actor: Actor, outcome: FileOutcome): Promise<OutcomeReport> {
  const errors = await imports.importErrors(actor, outcome.importId);
  const v = outcome.import;
  const result = outcome.result as {
    claim: { id: number; number: string; debitMemoNumber: string | null; status: string; claimedTotal: string; approvedTotal: string };
    lines: { accepted: number; partial: number; rejected: number };
  } | null;
  return {
    importId: outcome.importId,
    purpose: outcome.purpose,
    format: outcome.format,
    status: v.status,
    rows: { read: v.rowsRead, accepted: v.rowsAccepted, duplicate: v.rowsDuplicate, rejected: v.rowsRejected },
    claim: result
      ? {
          id: result.claim.id,
          number: result.claim.number,
          debitMemoNumber: result.claim.debitMemoNumber,
          status: result.claim.status,
          claimedTotal: result.claim.claimedTotal,
          approvedTotal: result.claim.approvedTotal,
        }
      : null,
    lines: result ? { accepted: result.lines.accepted, partial: result.lines.partial, rejected: result.lines.rejected } : null,
    failure: outcome.failure ? { code: outcome.failure.code, message: outcome.failure.message } : null,
    errors: errors.slice(0, REPORT_ERRORS).map((e) => ({ rowNumber: e.rowNumber, column: e.column, code: e.code, message: e.message })),
    errorCount: errors.length,
  };
}

/** The outcome in a few lines of words (an e-mail reply's body). */
export function outcomeText(fileName: string | null, r: OutcomeReport): string {
  const lines = [
    `${fileName ?? 'The file'}: import ${r.importId} (${r.purpose === 'claim' ? 'claim file' : 'POS report'}, ${r.format.toUpperCase()}) ${r.status}.`,
  ];
  if (r.failure) lines.push(`It was not taken: ${r.failure.message} (${r.failure.code}).`);
  lines.push(`Rows read ${r.rows.read}, accepted ${r.rows.accepted}, duplicates ${r.rows.duplicate}, rejected ${r.rows.rejected}.`);
  if (r.claim && r.lines)
    lines.push(
      `Claim ${r.claim.number}${r.claim.debitMemoNumber ? ` (debit memo ${r.claim.debitMemoNumber})` : ''}: ${r.claim.status}; lines accepted ${r.lines.accepted}, partly accepted ${r.lines.partial}, rejected ${r.lines.rejected}; claimed ${r.claim.claimedTotal}, approved ${r.claim.approvedTotal}.`,
    );
  if (r.errorCount) {
    lines.push('', `${r.errorCount} row error(s)${r.errorCount > r.errors.length ? `, the first ${r.errors.length}` : ''}:`);
    for (const e of r.errors) lines.push(`  row ${e.rowNumber}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
  }
  return lines.join('\n') + '\n';
}
