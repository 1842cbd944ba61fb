/**
 * The pull side of the sync: opportunities and deal registrations, then only the Accounts they
 * name, incrementally by SystemModstamp. Small increments go through REST query/queryMore page
 * by page; an object's first load, and any increment above the bulk threshold, through a Bulk API
 * 2.0 query job read page by page (Sforce-Locator). queryAll / the queryAll operation is used so
 * records moved to the recycle bin arrive with IsDeleted = true. Each page is upserted by
 * Salesforce Id in one transaction; a REST page moves the watermark with it, a bulk job moves it
 * when its last page is stored (the job and its next locator are kept, so a run that stops in the
 * middle is resumed by the next). Every call goes through the org-limit guard.
 */
import type { SalesforceConnection } from './connection.js';
import * as repo from './crm.repository.js';
import { createQueryJob, resultPage, waitForJob } from './bulk.js';
import type { LimitGuard } from './limits.js';
import { errorCodeOf, withRetry } from './retry.js';
import type { SalesforceSettings } from './settings.js';

type SfRecord = Record<string, unknown> & { Id: string; SystemModstamp: string; IsDeleted: boolean };

export interface ObjectSpec {
  object: repo.CrmObject;
  /** The Salesforce object's API name. */
  sobject: string;
  fields: string[];
  /** Fields that are booleans (Bulk API 2.0 CSV gives them as text). */
  booleans: string[];
  /** A condition every query of this spec adds (the Accounts: a semi-join on the records that name them). */
  filter?: string;
  /** Where its watermark is kept. */
  stateName: string;
  toRow(r: SfRecord): repo.CrmRow;
}

/** Salesforce writes offsets as +0000; Date.parse wants +00:00. */
export const parseSfDateTime = (v: string) => new Date(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
/** Currency arrives as a JSON number; it becomes a decimal string at once and never a JS number in our tables. */
const amount = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * The Account fields of other objects that name an Account (the distributor only when the org's
 * describe says it is a lookup; a text name is no reference). Only Accounts these name are pulled.
 */
export function accountReferences(
  settings: SalesforceSettings,
): { key: 'opportunity' | 'endCustomer' | 'distributor'; sobject: string; field: string }[] {
  const dr = settings.dealRegistration;
  const refs: { key: 'opportunity' | 'endCustomer' | 'distributor'; sobject: string; field: string }[] = [
    { key: 'opportunity' as const, sobject: 'Opportunity', field: settings.opportunity.fields.account },
    { key: 'endCustomer' as const, sobject: dr.object, field: dr.fields.endCustomer },
  ];
  if (fieldTypeOf(settings, dr.object, dr.fields.distributor) === 'reference') {
    refs.push({ key: 'distributor' as const, sobject: dr.object, field: dr.fields.distributor });
  }
  return refs;
}

/** In pull order: opportunities, deal registrations, then the Accounts they name (one query per naming field). */
export function objectSpecs(settings: SalesforceSettings): ObjectSpec[] {
  const a = settings.account.fields;
  const o = settings.opportunity.fields;
  const f = settings.dealRegistration.fields;
  const base = (r: SfRecord) => ({ sfId: r.Id, systemModstamp: parseSfDateTime(r.SystemModstamp), isDeleted: !!r.IsDeleted });
  const list = (...names: string[]) => [...new Set(['Id', ...names.filter(Boolean), 'SystemModstamp', 'IsDeleted'])];
  const account: Omit<ObjectSpec, 'stateName'> = {
    object: 'account',
    sobject: 'Account',
    fields: list(a.name, a.externalId),
    booleans: ['IsDeleted'],
    toRow: (r) => ({ ...base(r), name: String(r[a.name] ?? ''), externalId: a.externalId ? str(r[a.externalId]) : null }),
  };
  return [
    {
      object: 'opportunity',
      sobject: 'Opportunity',
      stateName: 'opportunity:Opportunity',
      fields: list(o.name, o.account, o.stage, o.isClosed, o.isWon, o.amount, o.closeDate, o.currency),
      booleans: ['IsDeleted', o.isClosed, o.isWon],
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
      stateName: `dealRegistration:${settings.dealRegistration.object}`,
      fields: list(f.name, f.endCustomer, f.distributor, f.opportunity, f.status, f.products, f.expiresOn),
      booleans: ['IsDeleted'],
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
    ...accountReferences(settings).map((ref) => ({
      ...account,
      filter: `Id IN (SELECT ${ref.field} FROM ${ref.sobject})`,
      stateName: `account:Account<-${ref.sobject}.${ref.field}`,
    })),
  ];
}

/** The Account spec without a filter: for fetching named Accounts by Id. */
export function accountSpec(settings: SalesforceSettings): ObjectSpec {
  return { ...objectSpecs(settings).find((s) => s.object === 'account')!, filter: undefined, stateName: 'account:Account' };
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

/** The settings already checked against the org (so each run does not describe again), with each field's type. */
const validated = new WeakMap<SalesforceSettings, Map<string, string>>();
const fieldTypeOf = (settings: SalesforceSettings, sobject: string, field: string) => validated.get(settings)?.get(`${sobject}.${field}`);

/** Checks every mapped field against the org's describe of its object; throws a MappingError naming each missing one. */
export async function validateMapping(conn: SalesforceConnection, settings: SalesforceSettings, counts?: { apiCalls: number }) {
  if (validated.has(settings)) return;
  const wanted = mappedFields(settings);
  const missing: typeof wanted = [];
  const types = new Map<string, string>();
  for (const sobject of [...new Set(wanted.map((w) => w.sobject))]) {
    let names: Set<string>;
    try {
      const d = await withRetry(() => conn.sobject(sobject).describe(), settings.retry);
      if (counts) counts.apiCalls++;
      names = new Set(d.fields.map((f) => f.name));
      for (const f of d.fields) types.set(`${sobject}.${f.name}`, f.type);
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
  validated.set(settings, types);
}

/** SOQL datetime literal, to the second; `>=` re-reads the boundary second, which upserts ignore. */
const soqlDateTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function whereOf(spec: ObjectSpec, since: Date | null) {
  const conditions = [since ? `SystemModstamp >= ${soqlDateTime(since)}` : '', spec.filter ?? ''].filter(Boolean);
  return conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
}

/** The REST query of one increment, oldest first so the watermark can move page by page. */
export function incrementalSoql(spec: ObjectSpec, since: Date | null): string {
  return `SELECT ${spec.fields.join(', ')} FROM ${spec.sobject}${whereOf(spec, since)} ORDER BY SystemModstamp ASC, Id ASC`;
}

/** The Bulk API 2.0 query (no ORDER BY: a bulk job's watermark moves when its last page is stored). */
export const bulkSoql = (spec: ObjectSpec, since: Date | null) =>
  `SELECT ${spec.fields.join(', ')} FROM ${spec.sobject}${whereOf(spec, since)}`;

export const countSoql = (spec: ObjectSpec, since: Date | null) => `SELECT COUNT() FROM ${spec.sobject}${whereOf(spec, since)}`;

export interface ObjectCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  pages: number;
  retries: number;
  /** Bulk API 2.0 query jobs created (or resumed) */
  bulkJobs: number;
}
export type RunError = { object: string | null; code: string; message: string };

interface QueryPage {
  records: SfRecord[];
  done: boolean;
  totalSize: number;
  nextRecordsUrl?: string;
}

/** What a pull needs besides the connection: the org-limit guard (every call goes through it). */
export interface PullContext {
  conn: SalesforceConnection;
  settings: SalesforceSettings;
  guard?: LimitGuard;
}

const guarded =
  (ctx: PullContext) =>
  <T>(fn: () => Promise<T>, bulkJob = false) =>
    ctx.guard ? ctx.guard.call(fn, bulkJob) : fn();

/** Pulls one spec: by Bulk API 2.0 for a first load, a job left unfinished, or an increment above the threshold; else by REST. */
export async function pullObject(ctx: PullContext, spec: ObjectSpec, counts: ObjectCounts) {
  const { conn, settings } = ctx;
  const call = guarded(ctx);
  const retry = <T>(fn: () => Promise<T>) => withRetry(fn, settings.retry, () => void counts.retries++);
  const state = await repo.syncStateOf(spec.stateName);
  let bulk = !!state.bulkJobId || !state.lastModstamp;
  if (!bulk) {
    const n = await retry(() => call(async () => (await conn.query(countSoql(spec, state.lastModstamp))) as unknown as QueryPage));
    bulk = n.totalSize > settings.bulk.threshold;
  }
  if (bulk) return pullBulk(ctx, spec, state, counts);

  const soql = incrementalSoql(spec, state.lastModstamp);
  let page = await retry(() => call(async () => (await conn.query(soql, { autoFetch: false, scanAll: true })) as unknown as QueryPage));
  for (;;) {
    await storePage(spec, page.records, counts, true);
    if (page.done || !page.nextRecordsUrl) break;
    const locator = page.nextRecordsUrl.split('/').pop()!;
    page = await retry(() => call(async () => (await conn.queryMore(locator, { autoFetch: false } as never)) as unknown as QueryPage));
  }
}

/** Upserts one page; with `moveWatermark` the watermark moves to its newest record in the same transaction. */
async function storePage(spec: ObjectSpec, records: SfRecord[], counts: ObjectCounts, moveWatermark: boolean): Promise<Date | null> {
  counts.pages++;
  counts.fetched += records.length;
  if (!records.length) return null;
  const rows = records.map(spec.toRow);
  const newest = rows.reduce((m, r) => (r.systemModstamp > m ? r.systemModstamp : m), rows[0].systemModstamp);
  const outcomes = await repo.inTransaction((t) => repo.upsertPage(spec.object, spec.stateName, rows, moveWatermark ? newest : null, t));
  for (const o of outcomes) counts[o]++;
  return newest;
}

/** A Bulk API 2.0 CSV row as a REST record: empty cells are null, booleans are booleans. */
function fromCsv(spec: ObjectSpec, row: Record<string, string | null>): SfRecord {
  const r: Record<string, unknown> = { ...row };
  for (const b of spec.booleans) if (b && b in r) r[b] = r[b] === 'true';
  return r as SfRecord;
}

async function pullBulk(ctx: PullContext, spec: ObjectSpec, state: repo.SyncState, counts: ObjectCounts) {
  const { conn, settings } = ctx;
  const call = guarded(ctx);
  const retry = <T>(fn: () => Promise<T>) => withRetry(fn, settings.retry, () => void counts.retries++);
  let { bulkJobId: jobId, bulkLocator: locator, bulkNewest: newest } = state;
  counts.bulkJobs++;
  if (!jobId) {
    // Not retried: a job created but unanswered would be a second job against DailyBulkV2QueryJobs.
    const job = await call(() => createQueryJob(conn, bulkSoql(spec, state.lastModstamp)), true);
    jobId = job.id;
    locator = null;
    newest = null;
    await repo.saveSyncState(spec.stateName, { bulkJobId: jobId, bulkLocator: null, bulkNewest: null });
  }
  try {
    await waitForJob(conn, jobId, settings.bulk, (fn) => retry(() => call(fn)));
  } catch (err) {
    // A failed or vanished job is forgotten (the next run creates another); a slow one is kept.
    if (['BULK_JOB_FAILED', 'NOT_FOUND'].includes(errorCodeOf(err))) {
      await repo.saveSyncState(spec.stateName, { bulkJobId: null, bulkLocator: null, bulkNewest: null });
    }
    throw err;
  }
  for (;;) {
    const at = locator;
    const page = await retry(() => call(() => resultPage(conn, jobId, at, settings.bulk.pageSize)));
    const pageNewest = await storePage(
      spec,
      page.records.map((r) => fromCsv(spec, r)),
      counts,
      false,
    );
    if (pageNewest && (!newest || pageNewest > newest)) newest = pageNewest;
    locator = page.next;
    if (!locator) break;
    await repo.saveSyncState(spec.stateName, { bulkLocator: locator, bulkNewest: newest });
  }
  // Every page is stored: the watermark moves to the newest record read, and the job is done.
  await repo.saveSyncState(spec.stateName, {
    lastModstamp: newest && (!state.lastModstamp || newest > state.lastModstamp) ? newest : state.lastModstamp,
    bulkJobId: null,
    bulkLocator: null,
    bulkNewest: null,
  });
}

/**
 * Accounts named by synced records but not stored yet (e.g. a new opportunity of an Account not
 * changed for years, which the incremental Account queries do not return), fetched by Id,
 * 200 a query. Returns how many were asked for.
 */
export async function pullNamedAccounts(ctx: PullContext, counts: ObjectCounts, limit = 20_000): Promise<number> {
  const { conn, settings } = ctx;
  const call = guarded(ctx);
  const spec = accountSpec(ctx.settings);
  const missing = await repo.unresolvedAccountRefs(
    accountReferences(settings).map((r) => r.key),
    limit,
  );
  for (let i = 0; i < missing.length; i += 200) {
    const ids = missing.slice(i, i + 200);
    const soql = `SELECT ${spec.fields.join(', ')} FROM Account WHERE Id IN (${ids.map((id) => `'${id}'`).join(', ')})`;
    let page = await withRetry(
      () => call(async () => (await conn.query(soql, { autoFetch: false, scanAll: true })) as unknown as QueryPage),
      settings.retry,
      () => void counts.retries++,
    );
    for (;;) {
      await storePage(spec, page.records, counts, false);
      if (page.done || !page.nextRecordsUrl) break;
      const locator = page.nextRecordsUrl.split('/').pop()!;
      page = await withRetry(
        () => call(async () => (await conn.queryMore(locator, { autoFetch: false } as never)) as unknown as QueryPage),
        settings.retry,
      );
    }
  }
  return missing.length;
}

export const emptyCounts = (): ObjectCounts => ({
  fetched: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  deleted: 0,
  pages: 0,
  retries: 0,
  bulkJobs: 0,
});

export function describeError(object: string | null, err: unknown): RunError {
  return { object, code: errorCodeOf(err), message: err instanceof Error ? err.message : String(err) };
}
