/**
 * Write-back: the request status and the authorization number go to the linked opportunity and
 * deal registration, into configured fields, by sObject Collections (PATCH composite/sobjects,
 * 200 records a call, allOrNone=false, so one bad record never holds back the others).
 *
 * Salesforce is the reference, not our ledger: the current values are read first (200 Ids a
 * query) and only records that differ are written, so an org whose records were reset is written
 * again. Per record, a transient error (UNABLE_TO_LOCK_ROW, a busy org) is retried with backoff;
 * any other error (a validation rule: FIELD_CUSTOM_VALIDATION_EXCEPTION, a deleted record) is
 * permanent: the ledger keeps it with the values it tried, it is reported to the admin
 * (GET /api/integrations/salesforce/writeback-failures) and not tried again until the values to
 * write change or an admin asks for a retry.
 */
import type { SalesforceConnection } from './connection.js';
import * as repo from './crm.repository.js';
import { errorCodeOf, sleep, withRetry } from './retry.js';
import type { SalesforceSettings } from './settings.js';

export interface WritebackTarget {
  requestId: number;
  kind: 'opportunity' | 'dealRegistration';
  sfId: string;
  requestStatus: string;
  authorizationNumber: string | null;
}

export interface WritebackCounts {
  /** records whose values were written */
  written: number;
  /** records that already showed the values */
  unchanged: number;
  /** transient failures left for the next run */
  failed: number;
  /** permanent failures recorded in this pass */
  permanent: number;
  /** targets not tried: a permanent failure of the same values is on record */
  held: number;
  /** sObject Collections calls and read-back queries */
  calls: number;
}

/** A permanent failure recorded in this pass (the caller audits it). */
export interface WritebackFailure {
  target: WritebackTarget;
  sobject: string;
  errorCode: string;
  message: string;
}

/** Per-record error codes that pass by themselves; everything else is permanent. */
const TRANSIENT_RECORD_ERRORS = new Set(['UNABLE_TO_LOCK_ROW', 'REQUEST_LIMIT_EXCEEDED', 'SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION']);

/** Records per sObject Collections call (Salesforce's maximum) and Ids per read-back query. */
export const COLLECTION_SIZE = 200;

export function fieldsFor(settings: SalesforceSettings, t: Pick<WritebackTarget, 'kind' | 'requestStatus' | 'authorizationNumber'>) {
  const w = settings.writeback;
  return t.kind === 'opportunity'
    ? { sobject: 'Opportunity', values: { [w.opportunityStatus]: t.requestStatus, [w.opportunityAuthorization]: t.authorizationNumber } }
    : {
        sobject: settings.dealRegistration.object,
        values: { [w.dealRegistrationStatus]: t.requestStatus, [w.dealRegistrationAuthorization]: t.authorizationNumber },
      };
}

const sameValue = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');
const valuesJson = (values: Record<string, unknown>) => JSON.stringify(values);

interface SaveResult {
  id: string | null;
  success: boolean;
  errors: { statusCode?: string; errorCode?: string; message: string }[];
}

export async function pushWritebacks(
  conn: SalesforceConnection,
  settings: SalesforceSettings,
  targets: WritebackTarget[],
  options: {
    /** wraps every API call (the org-limit guard) */
    call?: <T>(fn: () => Promise<T>) => Promise<T>;
    onError?: (target: WritebackTarget, err: unknown) => void;
  } = {},
): Promise<{ counts: WritebackCounts; failures: WritebackFailure[] }> {
  const call = options.call ?? (<T>(fn: () => Promise<T>) => fn());
  const counts: WritebackCounts = { written: 0, unchanged: 0, failed: 0, permanent: 0, held: 0, calls: 0 };
  const failures: WritebackFailure[] = [];
  // Several requests may name one record: the last target (the newest request) wins.
  const bySfId = new Map<string, WritebackTarget>();
  for (const t of targets) {
    bySfId.delete(t.sfId);
    bySfId.set(t.sfId, t);
  }
  const ledger = await repo.writebacksOf([...bySfId.values()].map((t) => ({ requestId: t.requestId, sfId: t.sfId })));
  const bySobject = new Map<string, { target: WritebackTarget; values: Record<string, unknown> }[]>();
  for (const target of bySfId.values()) {
    const { sobject, values } = fieldsFor(settings, target);
    const last = ledger.get(`${target.requestId}:${target.sfId}`);
    if (last?.permanent && last.failedValues === valuesJson(values)) {
      counts.held++;
      continue;
    }
    bySobject.set(sobject, [...(bySobject.get(sobject) ?? []), { target, values }]);
  }

  for (const [sobject, items] of bySobject) {
    for (let i = 0; i < items.length; i += COLLECTION_SIZE) {
      const chunk = items.slice(i, i + COLLECTION_SIZE);
      const fields = Object.keys(chunk[0].values);
      // Read back what Salesforce shows now.
      let current: Map<string, Record<string, unknown>>;
      try {
        const soql = `SELECT Id, ${fields.join(', ')} FROM ${sobject} WHERE Id IN (${chunk.map((c) => `'${c.target.sfId}'`).join(', ')})`;
        counts.calls++;
        const res = await withRetry(() => call(async () => (await conn.query<Record<string, unknown>>(soql)).records), settings.retry);
        current = new Map(res.map((r) => [String(r.Id).slice(0, 15), r]));
      } catch (err) {
        for (const c of chunk) await recordFailure(c.target, sobject, c.values, err, false, counts, options.onError);
        if (errorCodeOf(err) === 'ORG_LIMIT_RESERVE') throw err;
        continue;
      }
      const toWrite: typeof chunk = [];
      for (const c of chunk) {
        const now = current.get(c.target.sfId.slice(0, 15));
        if (now && fields.every((f) => sameValue(now[f], c.values[f]))) {
          counts.unchanged++;
          await repo.saveWriteback({
            ...ledgerKey(c.target, sobject),
            requestStatus: c.target.requestStatus,
            authorizationNumber: c.target.authorizationNumber,
            writtenAt: ledger.get(`${c.target.requestId}:${c.target.sfId}`)?.writtenAt ?? new Date(),
            ...cleared,
          });
        } else toWrite.push(c);
      }
      await writeCollection(conn, settings, sobject, toWrite, call, counts, failures, options.onError);
    }
  }
  return { counts, failures };
}

const ledgerKey = (t: WritebackTarget, sobject: string) => ({ requestId: t.requestId, targetType: sobject, targetSfId: t.sfId });
const cleared = { lastError: null, errorCode: null, failedValues: null, permanent: false, failedAt: null };

/** PATCH composite/sobjects with allOrNone=false; transient per-record errors retried with backoff. */
async function writeCollection(
  conn: SalesforceConnection,
  settings: SalesforceSettings,
  sobject: string,
  items: { target: WritebackTarget; values: Record<string, unknown> }[],
  call: <T>(fn: () => Promise<T>) => Promise<T>,
  counts: WritebackCounts,
  failures: WritebackFailure[],
  onError?: (target: WritebackTarget, err: unknown) => void,
) {
  let pending = items;
  for (let attempt = 1; pending.length; attempt++) {
    let results: SaveResult[];
    try {
      counts.calls++;
      results = (await withRetry(
        () =>
          call(() => conn.sobject(sobject).update(pending.map((p) => ({ Id: p.target.sfId, ...p.values })) as never, { allOrNone: false })),
        settings.retry,
      )) as unknown as SaveResult[];
    } catch (err) {
      // The whole call failed (network, limits): nothing in it is permanent.
      for (const p of pending) await recordFailure(p.target, sobject, p.values, err, false, counts, onError);
      if (errorCodeOf(err) === 'ORG_LIMIT_RESERVE') throw err;
      return;
    }
    const retry: typeof pending = [];
    for (const [k, p] of pending.entries()) {
      const r = results[k];
      if (r?.success) {
        counts.written++;
        await repo.saveWriteback({
          ...ledgerKey(p.target, sobject),
          requestStatus: p.target.requestStatus,
          authorizationNumber: p.target.authorizationNumber,
          writtenAt: new Date(),
          ...cleared,
        });
        continue;
      }
      const e = r?.errors?.[0] ?? { statusCode: 'UNKNOWN_EXCEPTION', message: 'no result for this record' };
      const code = e.statusCode ?? e.errorCode ?? 'UNKNOWN_EXCEPTION';
      const transient = TRANSIENT_RECORD_ERRORS.has(code);
      if (transient && attempt < settings.retry.attempts) {
        retry.push(p);
        continue;
      }
      const err = Object.assign(new Error(e.message), { errorCode: code });
      await recordFailure(p.target, sobject, p.values, err, !transient, counts, onError);
      if (!transient) failures.push({ target: p.target, sobject, errorCode: code, message: e.message });
    }
    pending = retry;
    if (pending.length) await sleep(settings.retry.baseDelayMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.2));
  }
}

async function recordFailure(
  target: WritebackTarget,
  sobject: string,
  values: Record<string, unknown>,
  err: unknown,
  permanent: boolean,
  counts: WritebackCounts,
  onError?: (target: WritebackTarget, err: unknown) => void,
) {
  if (permanent) counts.permanent++;
  else counts.failed++;
  const code = errorCodeOf(err);
  await repo.saveWriteback({
    ...ledgerKey(target, sobject),
    lastError: `${code}: ${err instanceof Error ? err.message : String(err)}`,
    errorCode: code,
    failedValues: valuesJson(values),
    permanent,
    failedAt: new Date(),
  });
  onError?.(target, err);
}
