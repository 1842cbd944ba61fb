/** The only code that touches the CRM tables; returns plain objects. */
import { col, fn, Op, QueryTypes, UniqueConstraintError, where, type Transaction, type WhereOptions } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { writeRows, type Cell } from '../../models/bulk.js';
import {
  CrmAccount,
  CrmAccountLink,
  CrmSyncLock,
  CrmDealRegistration,
  CrmOpportunity,
  CrmSyncRun,
  CrmSyncState,
  CrmWriteback,
} from '../../models/crm.js';

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export function inTransaction<T>(work: (t: Transaction) => Promise<T>): Promise<T> {
  return CrmSyncRun.sequelize!.transaction(work);
}

export type CrmObject = 'account' | 'opportunity' | 'dealRegistration';

export interface AccountRow {
  sfId: string;
  name: string;
  externalId: string | null;
  systemModstamp: Date;
  isDeleted: boolean;
}
export interface OpportunityRow {
  sfId: string;
  name: string;
  accountSfId: string | null;
  stageName: string;
  isClosed: boolean;
  isWon: boolean;
  amount: string | null;
  currency: string | null;
  closeDate: string | null;
  systemModstamp: Date;
  isDeleted: boolean;
}
export interface DealRegistrationRow {
  sfId: string;
  name: string;
  endCustomerSfId: string | null;
  distributorName: string | null;
  opportunitySfId: string | null;
  status: string | null;
  productCodes: string | null;
  expiresOn: string | null;
  systemModstamp: Date;
  isDeleted: boolean;
}
export type CrmRow = AccountRow | OpportunityRow | DealRegistrationRow;

const MODELS = { account: CrmAccount, opportunity: CrmOpportunity, dealRegistration: CrmDealRegistration } as const;

/** Values as comparable text, so a re-run of the same records is recognised as "unchanged". */
function comparable(key: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return String(v.getTime());
  if (key === 'amount') return moneyToString(moneyFromDb(v as string | number));
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number' && (key === 'isDeleted' || key === 'isClosed' || key === 'isWon')) return v ? '1' : '0';
  return String(v);
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'deleted';

/** Inserts or updates rows keyed by Salesforce Id, in one transaction with the watermark. */
export async function upsertPage(object: CrmObject, stateName: string, rows: CrmRow[], watermark: Date | null, transaction: Transaction) {
  const model = MODELS[object] as unknown as typeof CrmAccount;
  const existing = new Map<string, CrmAccount>();
  for (let i = 0; i < rows.length; i += IN_CHUNK) {
    const ids = rows.slice(i, i + IN_CHUNK).map((r) => r.sfId);
    for (const m of await model.findAll({ where: { sfId: ids }, transaction })) existing.set(m.sfId, m);
  }
  const outcomes: UpsertOutcome[] = [];
  const fresh = new Map<string, CrmRow>();
  for (const row of rows) {
    const found = existing.get(row.sfId);
    if (!found) {
      // A page may name a record twice (a Bulk API 2.0 job over a changing org): the later copy wins.
      if (!fresh.has(row.sfId)) outcomes.push(row.isDeleted ? 'deleted' : 'created');
      fresh.set(row.sfId, row);
      continue;
    }
    const current = found.get({ plain: true }) as unknown as Record<string, unknown>;
    const changed = Object.entries(row).filter(([k, v]) => comparable(k, current[k]) !== comparable(k, v));
    if (!changed.length) {
      outcomes.push('unchanged');
      continue;
    }
    await model.update(Object.fromEntries(changed), { where: { sfId: row.sfId }, transaction });
    // A new SystemModstamp alone (our own write-back, or a field we do not map) changes nothing we keep.
    const onlyStamp = changed.every(([k]) => k === 'systemModstamp');
    outcomes.push(row.isDeleted && !current.isDeleted ? 'deleted' : onlyStamp ? 'unchanged' : 'updated');
  }
  const created = [...fresh.values()] as unknown as Record<string, Cell>[];
  if (created.length) {
    // New records by multi-row INSERT (LOAD DATA on MariaDB): the ORM's object per row is too slow for a first load.
    const attributes = model.getAttributes() as Record<string, { field?: string }>;
    const keys = Object.keys(created[0]);
    const now = new Date();
    const columns = [...keys.map((k) => attributes[k].field ?? k), 'created_at', 'updated_at'];
    await writeRows(
      model.sequelize!,
      model.tableName,
      columns,
      created.map((r) => [...keys.map((k) => r[k]), now, now]),
      { transaction },
    );
  }
  if (watermark) await saveWatermark(stateName, watermark, transaction);
  return outcomes;
}

/** Ids per `IN (...)` list (well under SQLite's bound-variable limit). */
const IN_CHUNK = 1000;

export async function watermarkOf(stateName: string): Promise<Date | null> {
  return (await CrmSyncState.findOne({ where: { objectName: stateName } }))?.lastModstamp ?? null;
}

async function saveWatermark(stateName: string, at: Date, transaction: Transaction) {
  await saveSyncState(stateName, { lastModstamp: at }, transaction);
}

/** The pull state of one query: its watermark and the Bulk API 2.0 job being read, if any. */
export interface SyncState {
  lastModstamp: Date | null;
  bulkJobId: string | null;
  bulkLocator: string | null;
  bulkNewest: Date | null;
}

export async function syncStateOf(stateName: string): Promise<SyncState> {
  const s = await CrmSyncState.findOne({ where: { objectName: stateName } });
  return {
    lastModstamp: s?.lastModstamp ?? null,
    bulkJobId: s?.bulkJobId ?? null,
    bulkLocator: s?.bulkLocator ?? null,
    bulkNewest: s?.bulkNewest ?? null,
  };
}

export async function saveSyncState(stateName: string, change: Partial<SyncState>, transaction?: Transaction) {
  const [updated] = await CrmSyncState.update(change, { where: { objectName: stateName }, transaction });
  if (!updated) await CrmSyncState.create({ objectName: stateName, lastModstamp: null, ...change }, { transaction });
}

/**
 * Account Ids that synced opportunities and deal registrations name but that are not stored yet
 * (a new opportunity of an Account unchanged for years): the sync fetches these by Id.
 */
export async function unresolvedAccountRefs(
  referenceColumns: ('opportunity' | 'endCustomer' | 'distributor')[],
  limit: number,
): Promise<string[]> {
  const sources = {
    opportunity: { table: 'crm_opportunities', column: 'account_sf_id' },
    endCustomer: { table: 'crm_deal_registrations', column: 'end_customer_sf_id' },
    distributor: { table: 'crm_deal_registrations', column: 'distributor_name' },
  } as const;
  const wanted = new Set<string>();
  const sequelize = CrmAccount.sequelize!;
  for (const key of referenceColumns) {
    const { table, column } = sources[key];
    // An anti-join on the unique sf_id index: one statement, whatever the number of records.
    const rows = await sequelize.query<{ ref: string }>(
      `SELECT DISTINCT r.${column} AS ref FROM ${table} r LEFT JOIN crm_accounts a ON a.sf_id = r.${column}
        WHERE r.${column} IS NOT NULL AND r.is_deleted = :no AND a.id IS NULL`,
      { type: QueryTypes.SELECT, replacements: { no: false } },
    );
    for (const r of rows) if (looksLikeSfId(r.ref)) wanted.add(r.ref);
  }
  return [...wanted].slice(0, limit);
}

// ---- sync runs --------------------------------------------------------------------------------

export type SyncRunStatus = 'running' | 'succeeded' | 'failed' | 'stopped';
export interface SyncRunView {
  id: number;
  trigger: string;
  /** stopped: the org's limits (their reserve) were reached; the next run resumes. */
  status: SyncRunStatus;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, Record<string, number>>;
  errors: { object: string | null; code: string; message: string }[];
}

const runView = (r: CrmSyncRun): SyncRunView => ({
  id: r.id,
  trigger: r.trigger,
  status: r.status,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  counts: JSON.parse(r.counts) as SyncRunView['counts'],
  errors: JSON.parse(r.errors) as SyncRunView['errors'],
});

export async function startRun(trigger: string): Promise<number> {
  const r = await CrmSyncRun.create({ trigger, status: 'running', startedAt: new Date(), finishedAt: null, counts: '{}', errors: '[]' });
  return r.id;
}

export async function saveRunProgress(id: number, counts: SyncRunView['counts']) {
  await CrmSyncRun.update({ counts: JSON.stringify(counts) }, { where: { id } });
}

export async function finishRun(
  id: number,
  status: Exclude<SyncRunStatus, 'running'>,
  counts: SyncRunView['counts'],
  errors: SyncRunView['errors'],
): Promise<SyncRunView> {
  await CrmSyncRun.update(
    { status, finishedAt: new Date(), counts: JSON.stringify(counts), errors: JSON.stringify(errors) },
    { where: { id } },
  );
  return runView((await CrmSyncRun.findByPk(id))!);
}

export async function listRuns(limit: number): Promise<SyncRunView[]> {
  return (await CrmSyncRun.findAll({ order: [['id', 'DESC']], limit })).map(runView);
}

/** A run left "running" by a process that died is closed as failed at the next start. */
export async function failAbandonedRuns() {
  await CrmSyncRun.update(
    {
      status: 'failed',
      finishedAt: new Date(),
      errors: JSON.stringify([{ object: null, code: 'ABANDONED', message: 'the process stopped during the run' }]),
    },
    { where: { status: 'running' } },
  );
}

// ---- reads for the approval context ------------------------------------------------------------

const plainAccount = (a: CrmAccount): AccountRow => ({
  sfId: a.sfId,
  name: a.name,
  externalId: a.externalId ?? null,
  systemModstamp: a.systemModstamp,
  isDeleted: !!a.isDeleted,
});
const plainOpportunity = (o: CrmOpportunity): OpportunityRow => ({
  sfId: o.sfId,
  name: o.name,
  accountSfId: o.accountSfId,
  stageName: o.stageName,
  isClosed: !!o.isClosed,
  isWon: !!o.isWon,
  amount: o.amount === null ? null : moneyToString(moneyFromDb(o.amount)),
  currency: o.currency ?? null,
  closeDate: o.closeDate,
  systemModstamp: o.systemModstamp,
  isDeleted: !!o.isDeleted,
});
const plainDealRegistration = (d: CrmDealRegistration): DealRegistrationRow => ({
  sfId: d.sfId,
  name: d.name,
  endCustomerSfId: d.endCustomerSfId,
  distributorName: d.distributorName,
  opportunitySfId: d.opportunitySfId,
  status: d.status,
  productCodes: d.productCodes,
  expiresOn: d.expiresOn,
  systemModstamp: d.systemModstamp,
  isDeleted: !!d.isDeleted,
});

/** Live (not deleted) CRM accounts with this name, whatever its case (the database collation may be binary). */
export async function liveAccountsNamed(name: string): Promise<AccountRow[]> {
  const rows = await CrmAccount.findAll({
    where: { isDeleted: false, [Op.and]: [where(fn('lower', col('name')), name.trim().toLowerCase())] },
  });
  return rows.map(plainAccount);
}
export async function accountsBySfId(ids: string[]): Promise<AccountRow[]> {
  return ids.length ? (await CrmAccount.findAll({ where: { sfId: ids } })).map(plainAccount) : [];
}
export async function opportunitiesOf(accountSfIds: string[]): Promise<OpportunityRow[]> {
  if (!accountSfIds.length) return [];
  return (
    await CrmOpportunity.findAll({ where: { accountSfId: accountSfIds, isDeleted: false }, order: [['systemModstamp', 'DESC']] })
  ).map(plainOpportunity);
}
export async function opportunitiesBySfId(ids: string[]): Promise<OpportunityRow[]> {
  return ids.length ? (await CrmOpportunity.findAll({ where: { sfId: ids } })).map(plainOpportunity) : [];
}
export async function dealRegistrationsOf(accountSfIds: string[]): Promise<DealRegistrationRow[]> {
  if (!accountSfIds.length) return [];
  return (
    await CrmDealRegistration.findAll({ where: { endCustomerSfId: accountSfIds, isDeleted: false }, order: [['systemModstamp', 'DESC']] })
  ).map(plainDealRegistration);
}
export async function dealRegistrationsBySfId(ids: string[]): Promise<DealRegistrationRow[]> {
  return ids.length ? (await CrmDealRegistration.findAll({ where: { sfId: ids } })).map(plainDealRegistration) : [];
}

// ---- write-back ledger ---------------------------------------------------------------------------

export interface WritebackRow {
  requestId: number;
  targetType: string;
  targetSfId: string;
  /** What was last written (or found already there). */
  requestStatus: string | null;
  authorizationNumber: string | null;
  writtenAt: Date | null;
  lastError: string | null;
  /** The last failure: Salesforce's error code, the values it tried (JSON), permanent (not retried until they change). */
  errorCode: string | null;
  failedValues: string | null;
  permanent: boolean;
  failedAt: Date | null;
}

const plainWriteback = (w: CrmWriteback): WritebackRow & { id: number } => ({
  id: w.id,
  requestId: w.requestId,
  targetType: w.targetType,
  targetSfId: w.targetSfId,
  requestStatus: w.requestStatus,
  authorizationNumber: w.authorizationNumber,
  writtenAt: w.writtenAt,
  lastError: w.lastError,
  errorCode: w.errorCode ?? null,
  failedValues: w.failedValues ?? null,
  permanent: !!w.permanent,
  failedAt: w.failedAt ?? null,
});

/** The ledger rows of these (request, record) pairs, keyed `requestId:sfId`. */
export async function writebacksOf(pairs: { requestId: number; sfId: string }[]): Promise<Map<string, WritebackRow & { id: number }>> {
  const out = new Map<string, WritebackRow & { id: number }>();
  const requestIds = [...new Set(pairs.map((p) => p.requestId))];
  for (let i = 0; i < requestIds.length; i += IN_CHUNK) {
    for (const w of await CrmWriteback.findAll({ where: { requestId: requestIds.slice(i, i + IN_CHUNK) } })) {
      out.set(`${w.requestId}:${w.targetSfId}`, plainWriteback(w));
    }
  }
  return out;
}

export async function saveWriteback(row: Pick<WritebackRow, 'requestId' | 'targetType' | 'targetSfId'> & Partial<WritebackRow>) {
  const [n] = await CrmWriteback.update(row, { where: { requestId: row.requestId, targetSfId: row.targetSfId } });
  if (!n) await CrmWriteback.create({ requestStatus: null, authorizationNumber: null, writtenAt: null, lastError: null, ...row });
}

/** Write-backs whose last attempt failed, permanent ones first, newest first. */
export async function writebackFailures(limit: number) {
  const rows = await CrmWriteback.findAll({
    where: { lastError: { [Op.ne]: null } },
    order: [
      ['permanent', 'DESC'],
      ['failedAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit,
  });
  return rows.map(plainWriteback);
}

export async function writebackById(id: number) {
  const w = await CrmWriteback.findByPk(id);
  return w ? plainWriteback(w) : null;
}

// ---- account matching --------------------------------------------------------------------------

/** A BEC account as the matching sees it: its id and its externalRef (a Salesforce Id or the external id value). */
export interface BecAccountRef {
  id: number;
  externalRef: string | null;
}

const SF_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;
export const looksLikeSfId = (v: string | null | undefined): v is string => !!v && SF_ID.test(v);
/** A 15-character Id is the case-sensitive head of the 18-character one. */
export const sameSfId = (a: string, b: string) => a.slice(0, 15) === b.slice(0, 15);

/**
 * The live CRM accounts linked to each BEC account by Id: its externalRef is the Account's Id
 * (15 or 18 characters) or the value of the configured external id field, or a person confirmed
 * a name suggestion. Never by name alone.
 */
export async function linkedCrmAccounts(accounts: BecAccountRef[]): Promise<Map<number, AccountRow[]>> {
  const out = new Map<number, AccountRow[]>(accounts.map((a) => [a.id, []]));
  if (!accounts.length) return out;
  const refs = [...new Set(accounts.map((a) => a.externalRef?.trim()).filter((r): r is string => !!r))];
  const confirmed = await CrmAccountLink.findAll({ where: { accountId: accounts.map((a) => a.id), status: 'confirmed' } });
  const or: WhereOptions<CrmAccount>[] = [];
  if (refs.length) or.push({ externalId: refs }, { sfId: refs.filter((r) => r.length === 18 && looksLikeSfId(r)) });
  for (const r of refs) if (r.length === 15 && looksLikeSfId(r)) or.push({ sfId: { [Op.like]: `${r}___` } });
  if (confirmed.length) or.push({ sfId: confirmed.map((c) => c.sfId) });
  if (!or.length) return out;
  const rows = (await CrmAccount.findAll({ where: { isDeleted: false, [Op.or]: or } })).map(plainAccount);
  for (const a of accounts) {
    const ref = a.externalRef?.trim() ?? '';
    const mine = new Set(confirmed.filter((c) => c.accountId === a.id).map((c) => c.sfId));
    out.set(
      a.id,
      rows.filter((r) => mine.has(r.sfId) || (!!ref && (r.externalId === ref || (looksLikeSfId(ref) && sameSfId(r.sfId, ref))))),
    );
  }
  return out;
}

/** The pairs a person rejected: never suggested again. */
export async function rejectedPairs(accountIds: number[]): Promise<Set<string>> {
  if (!accountIds.length) return new Set();
  const rows = await CrmAccountLink.findAll({ where: { accountId: accountIds, status: 'rejected' } });
  return new Set(rows.map((r) => `${r.accountId}:${r.sfId}`));
}

/** Live CRM accounts whose name is one of these (lower-cased), for suggestions. */
export async function liveAccountsNamedAny(names: string[]): Promise<AccountRow[]> {
  const wanted = [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))];
  if (!wanted.length) return [];
  return (await CrmAccount.findAll({ where: { isDeleted: false, [Op.and]: [where(fn('lower', col('name')), { [Op.in]: wanted })] } })).map(
    plainAccount,
  );
}

export async function accountLinkOf(accountId: number, sfId: string) {
  const l = await CrmAccountLink.findOne({ where: { accountId, sfId } });
  return l ? { status: l.status, decidedAt: l.decidedAt.toISOString() } : null;
}

export async function saveAccountLink(
  link: { accountId: number; sfId: string; status: 'confirmed' | 'rejected'; decidedByUserId: number | null },
  transaction: Transaction,
) {
  const decidedAt = new Date();
  const [n] = await CrmAccountLink.update(
    { status: link.status, decidedByUserId: link.decidedByUserId, decidedAt },
    { where: { accountId: link.accountId, sfId: link.sfId }, transaction },
  );
  if (!n) await CrmAccountLink.create({ ...link, decidedAt }, { transaction });
}

// ---- the sync lock (one run across every server process on this database) ------------------------

const LOCK = 'sync';

/** Takes the lease when it is free or expired (or already ours); false when another process holds it. */
export async function acquireSyncLock(holder: string, ttlMs: number): Promise<boolean> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  try {
    await CrmSyncLock.create({ name: LOCK, holder, expiresAt });
    return true;
  } catch (err) {
    if (!(err instanceof UniqueConstraintError)) throw err;
  }
  const [n] = await CrmSyncLock.update(
    { holder, expiresAt },
    { where: { name: LOCK, [Op.or]: [{ expiresAt: { [Op.lt]: now } }, { holder }] } },
  );
  return n > 0;
}

/** Extends the lease while the run lasts; false when it was lost (expired and taken by another process). */
export async function renewSyncLock(holder: string, ttlMs: number): Promise<boolean> {
  const [n] = await CrmSyncLock.update({ expiresAt: new Date(Date.now() + ttlMs) }, { where: { name: LOCK, holder } });
  return n > 0;
}

export async function releaseSyncLock(holder: string) {
  await CrmSyncLock.update({ expiresAt: new Date(0) }, { where: { name: LOCK, holder } });
}

export async function syncLockHolder(): Promise<{ holder: string; expiresAt: Date } | null> {
  const l = await CrmSyncLock.findOne({ where: { name: LOCK } });
  return l && l.expiresAt > new Date() ? { holder: l.holder, expiresAt: l.expiresAt } : null;
}
