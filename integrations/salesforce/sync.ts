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
  const a = settings.account.fields;
  const o = settings.opportunity.fields;
  const f = settings.dealRegistration.fields;
  const base = (r: SfRecord) => ({ sfId: r.Id, systemModstamp: parseSfDateTime(r.SystemModstamp), isDeleted: !!r.IsDeleted });
  const list = (...names: string[]) => [...new Set(['Id', ...names.filter(Boolean), 'SystemModstamp', 'IsDeleted'])];
  return [
    {
      object: 'account',
      sobject: 'Account',
      fields: list(a.name, a.externalId),
      toRow: (r) => ({ ...base(r), name: String(r[a.name] ?? ''), externalId: a.externalId ? str(r[a.externalId]) : null }),
    },
    {
      object: 'opportunity',
      sobject: 'Opportunity',
      fields: list(o.name, o.account, o.stage, o.isClosed, o.isWon, o.amount, o.closeDate, o.currency),
      toRow: (r) => ({
        ...base(r),
        name: String(r[o.name] ?? ''),
        accountSfId: str(r[o.account]),
        stageName: String(r[o.stage] ?? ''),
        isClosed: !!r[o.isClosed],
        isWon: !!r[o.isWon],
        amount: amount(r[o.amount]),
        currency: o.currency ? str(r[o.currency]) : null,
        closeDate: str(r[o.closeDate]),
      }),
    },
    {
      object: 'dealRegistration',
      sobject: settings.dealRegistration.object,
      fields: list(f.name, f.endCustomer, f.distributor, f.opportunity, f.status, f.products, f.expiresOn),
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

/** Every configured field, per Salesforce object, with the setting that names it (for the error message). */
export function mappedFields(settings: SalesforceSettings): { sobject: string; setting: string; field: string }[] {
  const out: { sobject: string; setting: string; field: string }[] = [];
  const add = (sobject: string, prefix: string, map: object) => {
    for (const [k, v] of Object.entries(map) as [string, string][]) if (v) out.push({ sobject, setting: `${prefix}.${k}`, field: v });
  };
  add('Account', 'SALESFORCE_ACCOUNT_FIELDS', settings.account.fields);
  add('Opportunity', 'SALESFORCE_OPPORTUNITY_FIELDS', settings.opportunity.fields);
  add(settings.dealRegistration.object, 'SALESFORCE_DEAL_REGISTRATION_FIELDS', settings.dealRegistration.fields);
  const w = settings.writeback;
  out.push(
    { sobject: 'Opportunity', setting: 'SALESFORCE_WRITEBACK_FIELDS.opportunityStatus', field: w.opportunityStatus },
    { sobject: 'Opportunity', setting: 'SALESFORCE_WRITEBACK_FIELDS.opportunityAuthorization', field: w.opportunityAuthorization },
    {
      sobject: settings.dealRegistration.object,
      setting: 'SALESFORCE_WRITEBACK_FIELDS.dealRegistrationStatus',
      field: w.dealRegistrationStatus,
    },
    {
      sobject: settings.dealRegistration.object,
      setting: 'SALESFORCE_WRITEBACK_FIELDS.dealRegistrationAuthorization',
      field: w.dealRegistrationAuthorization,
    },
  );
  return out;
}

/** A configured field the org does not have: the run stops before any query, naming it. */
export class MappingError extends Error {
  readonly errorCode = 'MISSING_FIELD';
  constructor(readonly missing: { sobject: string; setting: string; field: string }[]) {
    super(
      missing.map((m) => `${m.sobject}.${m.field} (set by ${m.setting}) does not exist in the org`).join('; ') +
        ' — create the field or change the mapping (docs/salesforce.md)',
    );
    this.name = 'MappingError';
  }
}

/** The settings already checked against the org, so each run does not describe again. */
const validated = new WeakSet<SalesforceSettings>();

/** Checks every mapped field against the org's describe of its object; throws a MappingError naming each missing one. */
export async function validateMapping(conn: SalesforceConnection, settings: SalesforceSettings, counts?: { apiCalls: number }) {
  if (validated.has(settings)) return;
  const wanted = mappedFields(settings);
  const missing: typeof wanted = [];
  for (const sobject of [...new Set(wanted.map((w) => w.sobject))]) {
    let names: Set<string>;
    try {
      const d = await withRetry(() => conn.sobject(sobject).describe(), settings.retry);
      if (counts) counts.apiCalls++;
      names = new Set(d.fields.map((f) => f.name));
    } catch (err) {
      if (errorCodeOf(err) === 'NOT_FOUND') {
        missing.push({ sobject, setting: 'SALESFORCE_DEAL_REGISTRATION_OBJECT', field: '(the object itself)' });
        continue;
      }
      throw err;
    }
    missing.push(...wanted.filter((w) => w.sobject === sobject && !names.has(w.field)));
  }
  if (missing.length) throw new MappingError(missing);
  validated.add(settings);
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
