/**
 * The pull side of the sync: Accounts, Opportunities and deal registrations, incrementally by
 * SystemModstamp, page by page through queryMore. queryAll is used so records moved to the recycle
 * bin arrive with IsDeleted = true. Each page is upserted by Salesforce Id in one transaction
 * together with the watermark, so a run that fails later keeps every page it finished.
 */
import type { SalesforceConnection } from './connection.js';
import * as repo from './crm.repository.js';
import { errorCodeOf, withRetry } from './retry.js';
import type { SalesforceSettings } from './settings.js';

type SfRecord = Record<string, unknown> & { Id: string; SystemModstamp: string; IsDeleted: boolean };

export interface ObjectSpec {
  object: repo.CrmObject;
  /** The Salesforce object's API name. */
  sobject: string;
  fields: string[];
  toRow(r: SfRecord): repo.CrmRow;
}

/** Salesforce writes offsets as +0000; Date.parse wants +00:00. */
export const parseSfDateTime = (v: string) => new Date(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
/** Currency arrives as a JSON number; it becomes a decimal string at once and never a JS number in our tables. */
const amount = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function objectSpecs(settings: SalesforceSettings): ObjectSpec[] {
  const f = settings.dealRegistration.fields;
  const base = (r: SfRecord) => ({ sfId: r.Id, systemModstamp: parseSfDateTime(r.SystemModstamp), isDeleted: !!r.IsDeleted });
  return [
    {
      object: 'account',
      sobject: 'Account',
      fields: ['Id', 'Name', 'SystemModstamp', 'IsDeleted'],
      toRow: (r) => ({ ...base(r), name: String(r.Name ?? '') }),
    },
    {
      object: 'opportunity',
      sobject: 'Opportunity',
      fields: ['Id', 'Name', 'AccountId', 'StageName', 'IsClosed', 'IsWon', 'Amount', 'CloseDate', 'SystemModstamp', 'IsDeleted'],
      toRow: (r) => ({
        ...base(r),
        name: String(r.Name ?? ''),
        accountSfId: str(r.AccountId),
        stageName: String(r.StageName ?? ''),
        isClosed: !!r.IsClosed,
        isWon: !!r.IsWon,
        amount: amount(r.Amount),
        closeDate: str(r.CloseDate),
      }),
    },
    {
      object: 'dealRegistration',
      sobject: settings.dealRegistration.object,
      fields: [
        ...new Set([
          'Id',
          f.name,
          f.endCustomer,
          f.distributor,
          f.opportunity,
          f.status,
          f.products,
          f.expiresOn,
          'SystemModstamp',
          'IsDeleted',
        ]),
      ],
      toRow: (r) => ({
        ...base(r),
        name: String(r[f.name] ?? ''),
        endCustomerSfId: str(r[f.endCustomer]),
        distributorName: str(r[f.distributor]),
        opportunitySfId: str(r[f.opportunity]),
        status: str(r[f.status]),
        productCodes: str(r[f.products]),
        expiresOn: str(r[f.expiresOn]),
      }),
    },
  ];
}

/** SOQL datetime literal, to the second; `>=` re-reads the boundary second, which upserts ignore. */
const soqlDateTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function incrementalSoql(spec: ObjectSpec, since: Date | null): string {
  const where = since ? ` WHERE SystemModstamp >= ${soqlDateTime(since)}` : '';
  return `SELECT ${spec.fields.join(', ')} FROM ${spec.sobject}${where} ORDER BY SystemModstamp ASC, Id ASC`;
}

export interface ObjectCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  pages: number;
  retries: number;
}
export type RunError = { object: string | null; code: string; message: string };

interface QueryPage {
  records: SfRecord[];
  done: boolean;
  nextRecordsUrl?: string;
}

/** Pulls one object; throws after recording what it finished. */
export async function pullObject(conn: SalesforceConnection, settings: SalesforceSettings, spec: ObjectSpec, counts: ObjectCounts) {
  const stateName = `${spec.object}:${spec.sobject}`;
  const since = await repo.watermarkOf(stateName);
  const soql = incrementalSoql(spec, since);
  const retry = <T>(fn: () => Promise<T>) => withRetry(fn, settings.retry, () => void counts.retries++);

  let page = await retry(async () => (await conn.query(soql, { autoFetch: false, scanAll: true })) as unknown as QueryPage);
  for (;;) {
    counts.pages++;
    counts.fetched += page.records.length;
    if (page.records.length) {
      const rows = page.records.map(spec.toRow);
      const newest = rows.reduce((m, r) => (r.systemModstamp > m ? r.systemModstamp : m), rows[0].systemModstamp);
      const outcomes = await repo.inTransaction((t) => repo.upsertPage(spec.object, stateName, rows, newest, t));
      for (const o of outcomes) counts[o]++;
    }
    if (page.done || !page.nextRecordsUrl) break;
    const locator = page.nextRecordsUrl.split('/').pop()!;
    page = await retry(async () => (await conn.queryMore(locator, { autoFetch: false } as never)) as unknown as QueryPage);
  }
}

export const emptyCounts = (): ObjectCounts => ({ fetched: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, pages: 0, retries: 0 });

export function describeError(object: string | null, err: unknown): RunError {
  return { object, code: errorCodeOf(err), message: err instanceof Error ? err.message : String(err) };
}
