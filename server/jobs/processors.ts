/**
 * What a worker does with each kind of job, and why running one again is safe.
 *
 * - pos-import: the import goes on after its last committed batch (a batch's POS lines, row errors,
 *   counters and resume mark commit in one transaction: imports.service.ts), into the same import
 *   row. A job found completed or failed is only tidied up.
 * - claim-file: the ledger moves only in the run's last transaction, which also completes the job.
 *   A run that stopped before it left a draft claim (recorded on the import row) and its lines:
 *   they are discarded, the row's counters and errors reset, and the file runs again. A row its
 *   process left before intake admitted it (`recoverJobs` finds it queued) is checked for a file
 *   sent again first (`runClaimFile`): a refusal fails it, DUPLICATE_FILE on the row, no claim.
 * - claim-run: each page of claim lines commits with its ledger entries, and a POS line already
 *   claimed is not claimed again, so running the claims of an import again finishes what a
 *   stopped run began (pos-claims.service.ts).
 */
import type { Actor } from '../auth/actor.js';
import { findUserById } from '../auth/auth.repository.js';
import { discardClaimOfJob, runClaimFile } from '../claims/claim-file.service.js';
import { claimImport } from '../claims/pos-claims.service.js';
import { AppError } from '../errors.js';
import * as importsRepo from '../imports/imports.repository.js';
import * as imports from '../imports/imports.service.js';
import { answerClaimFile } from '../edi/edi.service.js';
import { scheduled845 } from '../edi/outbound.js';
import { deliverWebhook, deliveryGaveUp, requeuePendingDeliveries } from '../notifications/webhooks.service.js';
import type { JobContext, JobData, JobQueue, Processor } from './queue.js';
import { openUpload, readJsonUpload, removeUpload } from './uploads.js';

/**
 * The job runs as the user who sent it, for the job's distributor: a distributor user's own, or
 * the one a vendor user named (intake on a distributor's behalf).
 */
export async function jobActor(userId: number, distributorId: number): Promise<Actor> {
  const u = await findUserById(userId);
  if (!u) throw new AppError('INTERNAL', 'the user who sent the job is gone', 500);
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    distributorId: u.role === 'distributor_user' ? u.distributorId : distributorId,
    via: 'token',
    // What the request that queued it was allowed to do was checked then.
    scopes: ['read', 'write'],
    tokenId: null,
    tokenExpiresAt: null,
    sessionMethod: null,
  };
}

const unexpectedFailure = () => new AppError('INTERNAL', 'the job stopped on an unexpected error', 500);
const problem = (e: AppError) => ({ code: e.code, message: e.message, status: e.status, ...e.details });
const ended = (status: string) => status === 'completed' || status === 'failed';

async function tidy(id: number, uploadPath: string | null) {
  await removeUpload(uploadPath);
  if (uploadPath) await imports.forgetUpload(id);
}

async function posImport(id: number, context: JobContext) {
  const row = await imports.importJobRow(id);
  if (!row) return;
  if (ended(row.status)) return tidy(id, row.uploadPath);
  const actor = await jobActor(row.createdByUserId, row.distributorId);
  try {
    if (!row.uploadPath) throw new AppError('UPLOAD_MISSING', 'the stored file of this import is gone', 500);
    if (row.format === 'json') await imports.runJsonImport(actor, id, (await readJsonUpload(row.uploadPath)) as Record<string, unknown>[]);
    else await imports.runCsvImport(actor, id, openUpload(row.uploadPath));
  } catch (err) {
    if (!(err instanceof AppError)) {
      // The row stays `running`: the next attempt goes on after the last committed batch.
      if (context.finalAttempt) {
        await imports.failImport(actor, id, unexpectedFailure());
        await tidy(id, row.uploadPath);
      }
      throw err;
    }
    // The file's own failure (a missing column, an empty file): recorded by the run; recorded here if it was not.
    const now = await imports.importJobRow(id);
    if (now && !ended(now.status)) await imports.failImport(actor, id, err);
  }
  await tidy(id, row.uploadPath);
}

async function claimFile(id: number, context: JobContext) {
  const row = await imports.importJobRow(id);
  if (!row) return;
  const actor = await jobActor(row.createdByUserId, row.distributorId);
  // An 844's 849 goes out once its claim is made (again here if a crash came between the two).
  if (ended(row.status)) return answerClaimFile(actor, id).then(() => tidy(id, row.uploadPath));
  const extra = imports.jobSettings(row)?.extra ?? {};
  try {
    if (!row.uploadPath) throw new AppError('UPLOAD_MISSING', 'the stored file of this claim is gone', 500);
    if (row.claimId !== null || row.attempts > 0) {
      // A run that stopped part-way (its worker died): its draft claim and lines go; the file runs again.
      await discardClaimOfJob(actor, row.claimId);
      await imports.restartImport(id);
    }
    await runClaimFile(actor, id, openUpload(row.uploadPath), {
      fileName: row.fileName,
      totalBytes: row.totalBytes,
      debitMemoNumber: (extra.debitMemoNumber as string | null | undefined) ?? null,
      currency: (extra.currency as string | null | undefined) ?? null,
    });
  } catch (err) {
    if (!(err instanceof AppError)) {
      if (context.finalAttempt) {
        await imports.failImport(actor, id, unexpectedFailure());
        await tidy(id, row.uploadPath);
      }
      throw err;
    }
    // The run discarded its claim; the job ends with the problem the request would have answered.
    await imports.failImport(actor, id, err);
  }
  await answerClaimFile(actor, id);
  await tidy(id, row.uploadPath);
}

async function claimRun(id: number, context: JobContext) {
  const run = await importsRepo.findClaimRunRow(id);
  if (!run || ended(run.status)) return;
  await importsRepo.updateClaimRun(id, { status: 'running', attempts: run.attempts + 1, startedAt: run.startedAt ?? new Date() });
  const actor = await jobActor(run.createdByUserId, run.distributorId);
  const options = JSON.parse(run.options) as {
    mode: 'implicit' | 'automatic' | 'both';
    groupBy: 'debitMemo' | 'period';
    currency?: string;
  };
  const fail = (e: AppError) =>
    importsRepo.updateClaimRun(id, {
      status: 'failed',
      finishedAt: new Date(),
      failure: JSON.stringify(problem(e)),
    });
  try {
    const result = await claimImport(actor, run.importId, options.mode, options.groupBy, { currency: options.currency });
    await importsRepo.updateClaimRun(id, { status: 'completed', finishedAt: new Date(), result: JSON.stringify(result) });
  } catch (err) {
    if (err instanceof AppError) return fail(err);
    if (context.finalAttempt) await fail(unexpectedFailure());
    throw err;
  }
}

/** The processor every queue runs. */
export const runJob: Processor = async (data: JobData, context: JobContext) => {
  if (data.kind === 'pos-import') return posImport(data.id, context);
  if (data.kind === 'claim-file') return claimFile(data.id, context);
  if (data.kind === 'webhook-delivery') return deliverWebhook(data.id, context);
  if (data.kind === 'edi-845') return scheduled845(data.id);
  return claimRun(data.id, context);
};

/** A job the queue will not run again (attempts spent, stalled too often): its row ends failed. */
export async function jobGaveUp(data: JobData) {
  if (data.kind === 'webhook-delivery') return deliveryGaveUp(data.id);
  // A scheduled 845 that gave up: the next run of the schedule writes the changes it would have.
  if (data.kind === 'edi-845') return;
  if (data.kind === 'claim-run') {
    const run = await importsRepo.findClaimRunRow(data.id);
    if (run && !ended(run.status))
      await importsRepo.updateClaimRun(data.id, {
        status: 'failed',
        finishedAt: new Date(),
        failure: JSON.stringify(problem(unexpectedFailure())),
      });
    return;
  }
  const row = await imports.importJobRow(data.id);
  if (!row || ended(row.status)) return;
  const actor = await jobActor(row.createdByUserId, row.distributorId);
  if (data.kind === 'claim-file') await discardClaimOfJob(actor, row.claimId);
  await imports.failImport(actor, data.id, unexpectedFailure());
  await tidy(data.id, row.uploadPath);
}

/**
 * Queues again the jobs the database holds as queued or running (a process stopped with them, or
 * stopped between storing a job and queueing it). Queueing is once per job, so a job still in
 * Redis is not doubled.
 */
export async function recoverJobs(queue: JobQueue) {
  let n = 0;
  for (const i of await importsRepo.unfinishedImports()) {
    await queue.add({ kind: i.purpose === 'claim' ? 'claim-file' : 'pos-import', id: i.id });
    n++;
  }
  for (const r of await importsRepo.unfinishedClaimRuns()) {
    await queue.add({ kind: 'claim-run', id: r.id });
    n++;
  }
  n += await requeuePendingDeliveries(queue);
  return n;
}
