/**
 * One Salesforce sync run: read the org's limits, pull (opportunities, deal registrations, the
 * accounts they name), write back request statuses and authorization numbers, then (when
 * configured) expire authorizations whose opportunity was lost. Every run is recorded with its
 * counts and errors, success or not; a run that reached the reserve of an org limit is `stopped`
 * and the next one resumes where it stopped.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sharedConnection, type SalesforceConnection } from '../../integrations/salesforce/connection.js';
import * as crm from '../../integrations/salesforce/crm.repository.js';
import { activeSalesforceSettings, type SalesforceSettings } from '../../integrations/salesforce/settings.js';
import { LimitGuard, LimitReserveError, GUARDED_LIMITS } from '../../integrations/salesforce/limits.js';
import {
  describeError,
  emptyCounts,
  objectSpecs,
  pullNamedAccounts,
  pullObject,
  type ObjectCounts,
  type PullContext,
  type RunError,
  validateMapping,
} from '../../integrations/salesforce/sync.js';
import { pushWritebacks, type WritebackTarget } from '../../integrations/salesforce/writeback.js';
import { withRetry } from '../../integrations/salesforce/retry.js';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors.js';
import * as repo from './crm-context.repository.js';
import { resolveLink } from './crm-context.service.js';

let running: Promise<crm.SyncRunView> | null = null;

export function requireSettings(): SalesforceSettings {
  const s = activeSalesforceSettings();
  if (!s) throw new AppError('SALESFORCE_NOT_CONFIGURED', 'Salesforce is not configured (see docs/salesforce.md)', 409);
  return s;
}

/** Connects and checks every mapped field against the org's describe; throws a MappingError naming the missing ones. */
export async function checkMapping() {
  const settings = requireSettings();
  const conn = await withRetry(() => sharedConnection(settings), settings.retry);
  await validateMapping(conn, settings);
}

/** This process, as the holder of the database sync lock. */
const LOCK_HOLDER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const LOCK_TTL_MS = 120_000;

/**
 * Starts a run unless one is running, in this process or in another on the same database (then
 * 409): two runs would race on the watermarks. The lease is renewed while the run lasts, so a
 * process that dies frees it within LOCK_TTL_MS.
 */
export function runSalesforceSync(actor: Actor | null, trigger: 'manual' | 'schedule' | 'startup'): Promise<crm.SyncRunView> {
  const settings = requireSettings();
  if (running) throw new AppError('SYNC_RUNNING', 'a Salesforce sync is already running', 409);
  running = (async () => {
    if (!(await crm.acquireSyncLock(LOCK_HOLDER, LOCK_TTL_MS))) {
      throw new AppError('SYNC_RUNNING', 'a Salesforce sync is already running in another server process', 409);
    }
    const renew = setInterval(() => void crm.renewSyncLock(LOCK_HOLDER, LOCK_TTL_MS).catch(() => {}), LOCK_TTL_MS / 3);
    renew.unref();
    try {
      return await execute(settings, actor, trigger);
    } finally {
      clearInterval(renew);
      await crm.releaseSyncLock(LOCK_HOLDER);
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

async function execute(settings: SalesforceSettings, actor: Actor | null, trigger: string): Promise<crm.SyncRunView> {
  const runId = await crm.startRun(trigger);
  const counts: Record<string, Record<string, number>> = {};
  const errors: RunError[] = [];
  let conn: SalesforceConnection | null = null;
  try {
    conn = await withRetry(() => sharedConnection(settings), settings.retry);
  } catch (err) {
    errors.push(describeError(null, err));
  }
  if (conn) {
    try {
      // Every mapped field is checked against the org's describe before anything is read or written.
      await validateMapping(conn, settings);
    } catch (err) {
      errors.push(describeError('mapping', err));
      conn = null;
    }
  }
  let stopped = false;
  const note = (object: string | null, err: unknown) => {
    if (err instanceof LimitReserveError) stopped = true;
    errors.push(describeError(object, err));
  };
  if (conn) {
    const guard = new LimitGuard(conn, settings.limitReservePercent, settings.limitsReadEvery);
    const ctx: PullContext = { conn, settings, guard };
    try {
      // The org's limits, read before anything else (and again every settings.limitsReadEvery calls during the run).
      await withRetry(() => guard.refresh(), settings.retry);
    } catch (err) {
      note('limits', err);
      ctx.guard = undefined;
    }
    for (const spec of objectSpecs(settings)) {
      if (stopped) break;
      const c: ObjectCounts = (counts[spec.sobject] as unknown as ObjectCounts | undefined) ?? emptyCounts();
      counts[spec.sobject] = c as unknown as Record<string, number>;
      try {
        await pullObject(ctx, spec, c);
      } catch (err) {
        // The pages already stored stay stored; the next run resumes from the watermark (or the bulk job's locator).
        note(spec.sobject, err);
      }
      await crm.saveRunProgress(runId, counts);
    }
    if (!stopped) {
      const c = (counts.Account as unknown as ObjectCounts | undefined) ?? emptyCounts();
      counts.Account = c as unknown as Record<string, number>;
      try {
        counts.Account.namedById = await pullNamedAccounts(ctx, c);
      } catch (err) {
        note('Account', err);
      }
    }
    const call = ctx.guard ? <T>(fn: () => Promise<T>) => guard.call(fn) : undefined;
    if (!stopped) {
      try {
        const targets = await writebackTargets();
        counts.writeback = {
          ...(await writeBack(conn, settings, targets, actor, call, (t, err) => note(`writeback:${t.sfId}`, err))),
        };
      } catch (err) {
        note('writeback', err);
      }
    }
    if (settings.expireOnClosedLost && !stopped) {
      try {
        const touched = await expireClosedLost(actor);
        counts.closedLostExpiry = { expired: touched.length };
        // The stop is written back at once (the request shows as expired in Salesforce).
        if (touched.length) await writeBack(conn, settings, await writebackTargets(touched), actor, call);
      } catch (err) {
        note('closedLostExpiry', err);
      }
    }
    counts.limits = limitFigures(guard);
  }
  const run = await crm.finishRun(runId, stopped ? 'stopped' : errors.length ? 'failed' : 'succeeded', counts, errors);
  await recordAudit(actor, {
    action: 'salesforce.sync_run',
    entityType: 'crm_sync_run',
    entityId: runId,
    after: { status: run.status, counts, errors },
  });
  return run;
}

/** The calls a run made and what the org reported remaining at its last /limits read. */
function limitFigures(guard: LimitGuard): Record<string, number> {
  const out: Record<string, number> = { apiCalls: guard.use.apiCalls, bulkJobs: guard.use.bulkJobs, limitsReads: guard.use.limitsReads };
  for (const name of GUARDED_LIMITS) {
    if (guard.use.remaining[name] !== undefined) out[`${name}Remaining`] = guard.use.remaining[name];
    if (guard.use.max[name] !== undefined) out[`${name}Max`] = guard.use.max[name];
  }
  return out;
}

/**
 * Writes targets back and audits each permanent failure (a validation rule, a deleted record): the
 * admin sees it in GET /api/integrations/salesforce/writeback-failures and in the audit trail.
 */
async function writeBack(
  conn: SalesforceConnection,
  settings: SalesforceSettings,
  targets: WritebackTarget[],
  actor: Actor | null,
  call?: <T>(fn: () => Promise<T>) => Promise<T>,
  onError?: (target: WritebackTarget, err: unknown) => void,
) {
  const { counts, failures } = await pushWritebacks(conn, settings, targets, { call, onError });
  for (const f of failures) {
    await recordAudit(actor, {
      action: 'salesforce.writeback_failed',
      entityType: 'price_request',
      entityId: f.target.requestId,
      after: { object: f.sobject, sfId: f.target.sfId, errorCode: f.errorCode, message: f.message, status: f.target.requestStatus },
      reason: `Salesforce refused the write-back to ${f.sobject} ${f.target.sfId} (${f.errorCode}); it is not retried until the values change or an admin retries it`,
    });
  }
  return counts;
}

/** Write-backs whose last attempt failed (permanent ones first), for the admin. */
export async function writebackFailures(limit: number) {
  return (await crm.writebackFailures(limit)).map((w) => ({
    id: w.id,
    requestId: w.requestId,
    object: w.targetType,
    sfId: w.targetSfId,
    errorCode: w.errorCode ?? 'ERROR',
    message: w.lastError ?? '',
    permanent: w.permanent,
    values: w.failedValues ? (JSON.parse(w.failedValues) as Record<string, string | null>) : {},
    failedAt: w.failedAt?.toISOString() ?? null,
    lastWrittenAt: w.writtenAt?.toISOString() ?? null,
  }));
}

/** An admin asks for a permanent failure to be tried again (after fixing the record or the rule): audited, tried at once. */
export async function retryWriteback(actor: Actor, id: number) {
  const w = await crm.writebackById(id);
  if (!w || !w.lastError) throw new AppError('NOT_FOUND', `no failed write-back ${id}`, 404);
  await crm.saveWriteback({ requestId: w.requestId, targetType: w.targetType, targetSfId: w.targetSfId, permanent: false });
  await recordAudit(actor, {
    action: 'salesforce.writeback_retried',
    entityType: 'price_request',
    entityId: w.requestId,
    before: { permanent: w.permanent, errorCode: w.errorCode },
    after: { permanent: false },
  });
  return writeBackRequest(w.requestId, actor);
}

/** What each decided request should show in Salesforce, for the links we are sure of. */
export async function writebackTargets(requestIds?: number[]): Promise<WritebackTarget[]> {
  const requests = await repo.requestsForContext({ distributorId: null }, requestIds ? { id: requestIds } : {});
  const targets: WritebackTarget[] = [];
  for (const r of requests) {
    const link = await resolveLink(r);
    if (!link.confident) continue;
    const base = {
      requestId: r.id,
      requestStatus: r.authorizationClosedLostOn ? 'expired' : r.status,
      authorizationNumber: r.authorizationNumber,
    };
    if (link.dealRegistration && !link.dealRegistration.isDeleted)
      targets.push({ ...base, kind: 'dealRegistration', sfId: link.dealRegistration.sfId });
    if (link.opportunity && !link.opportunity.isDeleted) targets.push({ ...base, kind: 'opportunity', sfId: link.opportunity.sfId });
  }
  return targets;
}

/** Writes back one request at once (after a decision), outside a full run. Errors stay in the ledger. */
export async function writeBackRequest(requestId: number, actor: Actor | null = null) {
  const settings = activeSalesforceSettings();
  if (!settings) return null;
  const targets = await writebackTargets([requestId]);
  if (!targets.length) return { written: 0, unchanged: 0, failed: 0, permanent: 0, held: 0, calls: 0 };
  const conn = await withRetry(() => sharedConnection(settings), settings.retry);
  return writeBack(conn, settings, targets, actor);
}

/**
 * Closed-lost: an active authorization whose request names its opportunity by Id (never a
 * suggestion, never a name) and whose opportunity is closed and not won stops for sales dated
 * after the close date; earlier sales stay valid. Audited one by one; returns the requests touched.
 */
export async function expireClosedLost(actor: Actor | null): Promise<number[]> {
  const touched: number[] = [];
  for (const a of await repo.closedLostCandidates()) {
    const [r] = await repo.requestsForContext({ distributorId: null }, { id: a.requestId });
    if (!r) continue;
    const link = await resolveLink(r);
    const o = link.opportunity;
    if (link.linkedBy !== 'request' || !o || o.isDeleted || !o.isClosed || o.isWon) continue;
    const closedOn = o.closeDate ?? new Date().toISOString().slice(0, 10);
    const done = await repo.inTransaction(async (t) => {
      if (!(await repo.markClosedLost(a.id, closedOn, t))) return false;
      await recordAudit(
        actor,
        {
          action: 'authorization.closed_lost',
          entityType: 'authorization',
          entityId: a.id,
          distributorId: a.distributorId,
          before: { closedLostOn: null },
          after: { closedLostOn: closedOn },
          reason: `Salesforce opportunity ${o.sfId} is ${o.stageName} (closed ${closedOn}): sales invoiced after that date are refused`,
        },
        t,
      );
      return true;
    });
    if (done) touched.push(a.requestId);
  }
  return touched;
}

/**
 * The closed-lost check on its own schedule: the opportunities changed since the last pull, the
 * check, and the write-back of what it stopped. Skipped while a sync runs (the sync does the same).
 */
export async function runClosedLostCheck(actor: Actor | null): Promise<{ expired: number }> {
  const settings = requireSettings();
  if (running) return { expired: 0 };
  const conn = await withRetry(() => sharedConnection(settings), settings.retry);
  await validateMapping(conn, settings);
  const spec = objectSpecs(settings).find((s) => s.object === 'opportunity')!;
  const guard = new LimitGuard(conn, settings.limitReservePercent, settings.limitsReadEvery);
  await pullObject({ conn, settings, guard }, spec, emptyCounts());
  const touched = await expireClosedLost(actor);
  if (touched.length) await writeBack(conn, settings, await writebackTargets(touched), actor, (fn) => guard.call(fn));
  return { expired: touched.length };
}

export function scheduleClosedLost(minutes: number, log: (message: string) => void = console.warn): () => void {
  if (minutes <= 0) return () => {};
  const timer = setInterval(() => {
    const s = activeSalesforceSettings();
    if (running || !s?.expireOnClosedLost) return;
    runClosedLostCheck(null).catch((err: Error) => log(`scheduled Salesforce closed-lost check failed: ${err.message}`));
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

export const listSyncRuns = (limit: number) => crm.listRuns(limit);

/** Resolves when no run is in progress (tests and shutdown). */
export const syncIdle = () =>
  running
    ? running.then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve();

/** The optional scheduled sync: off unless SALESFORCE_SYNC_INTERVAL_MINUTES > 0; never keeps the process alive. */
export function scheduleSalesforceSync(minutes: number, log: (message: string) => void = console.warn): () => void {
  return minutes > 0 ? scheduleEvery(minutes * 60_000, log) : () => {};
}

export function scheduleEvery(intervalMs: number, log: (message: string) => void = console.warn): () => void {
  const timer = setInterval(() => {
    if (running || !activeSalesforceSettings()) return;
    runSalesforceSync(null, 'schedule').catch((err: Error) => log(`scheduled Salesforce sync failed: ${err.message}`));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
