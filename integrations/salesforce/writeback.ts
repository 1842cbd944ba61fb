/**
 * Write-back: the request status and the authorization number go to the linked opportunity and
 * deal registration, into configured fields. A ledger row per (request, record) remembers what was
 * written, so a re-run writes only what changed, and a failure is retried on the next run.
 */
import type { SalesforceConnection } from './connection.js';
import * as repo from './crm.repository.js';
import { errorCodeOf, withRetry } from './retry.js';
import type { SalesforceSettings } from './settings.js';

export interface WritebackTarget {
  requestId: number;
  kind: 'opportunity' | 'dealRegistration';
  sfId: string;
  requestStatus: string;
  authorizationNumber: string | null;
}

export interface WritebackCounts {
  written: number;
  unchanged: number;
  failed: number;
}

export function fieldsFor(settings: SalesforceSettings, t: WritebackTarget) {
  const w = settings.writeback;
  return t.kind === 'opportunity'
    ? { sobject: 'Opportunity', values: { [w.opportunityStatus]: t.requestStatus, [w.opportunityAuthorization]: t.authorizationNumber } }
    : {
        sobject: settings.dealRegistration.object,
        values: { [w.dealRegistrationStatus]: t.requestStatus, [w.dealRegistrationAuthorization]: t.authorizationNumber },
      };
}

export async function pushWritebacks(
  conn: SalesforceConnection,
  settings: SalesforceSettings,
  targets: WritebackTarget[],
  onError: (target: WritebackTarget, err: unknown) => void = () => {},
): Promise<WritebackCounts> {
  const counts: WritebackCounts = { written: 0, unchanged: 0, failed: 0 };
  for (const t of targets) {
    const last = await repo.writebackOf(t.requestId, t.sfId);
    if (last?.writtenAt && last.requestStatus === t.requestStatus && last.authorizationNumber === t.authorizationNumber) {
      counts.unchanged++;
      continue;
    }
    const { sobject, values } = fieldsFor(settings, t);
    try {
      await withRetry(() => conn.sobject(sobject).update({ Id: t.sfId, ...values }), settings.retry);
      await repo.saveWriteback({
        requestId: t.requestId,
        targetType: sobject,
        targetSfId: t.sfId,
        requestStatus: t.requestStatus,
        authorizationNumber: t.authorizationNumber,
        writtenAt: new Date(),
        lastError: null,
      });
      counts.written++;
    } catch (err) {
      counts.failed++;
      const message = `${errorCodeOf(err)}: ${err instanceof Error ? err.message : String(err)}`;
      await repo.saveWriteback({
        requestId: t.requestId,
        targetType: sobject,
        targetSfId: t.sfId,
        requestStatus: last?.requestStatus ?? null,
        authorizationNumber: last?.authorizationNumber ?? null,
        writtenAt: last?.writtenAt ?? null,
        lastError: message,
      });
      onError(t, err);
    }
  }
  return counts;
}
