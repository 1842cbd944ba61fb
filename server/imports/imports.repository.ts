/**
 * The only imports code that touches the database. POS rows go in by multi-row INSERT that
 * ignores keys already present (the unique key on distributor + invoice + line), so the same
 * file imported twice adds nothing; on MariaDB through the raw mysql2 connection (the ORM is not
 * for bulk paths).
 */
import { jobChanged } from '../jobs/job-events.js';
import { keysetPage } from '../http/cursor.js';
import { Op, QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Account } from '../../models/accounts.js';
import { ClaimLine, PosLine } from '../../models/claims.js';
import { ImportClaimRun, PosColumnMapping, PosImport, PosImportError, type ImportStatus } from '../../models/imports.js';
import { Product, ProductPartMapping } from '../../models/catalog.js';
import type { TenantScope } from '../auth/actor.js';
import {
  POS_FIELD_TABLE,
  POS_STORED_FIELDS,
  storedExtra,
  type PosErrorCode,
  type PosLine as ParsedPosLine,
  type PosStoredField,
} from '../../core/pos/index.js';
import { joinPosKey } from '../../core/claims/pos-key.js';
import { writeRows, type Cell } from '../../models/bulk.js';
import { SALE_FIELDS, type SaleField, type SaleOnFile, type SaleValues } from './sale-conflicts.js';
import { rowsOf } from '../database.repository.js';

export { inTransaction, type Tx } from '../database.repository.js';

/**
 * The row errors the server finds beyond the parser's (core/pos `PosErrorCode`), all declared here:
 * - `AMOUNT_TOO_LARGE`: a claim file's row whose amounts a claim line cannot carry;
 * - `SALE_ALREADY_ON_FILE`: a POS row whose sale is on file already with other values (sale-conflicts.ts);
 * - `DISTRIBUTOR_MISMATCH`: a row whose Distributor ID names another distributor than the file's;
 * - `DEBIT_MEMO_MISMATCH`: a claim file's row naming another debit memo than its claim's.
 */
export type ImportRowErrorCode = 'AMOUNT_TOO_LARGE' | 'SALE_ALREADY_ON_FILE' | 'DISTRIBUTOR_MISMATCH' | 'DEBIT_MEMO_MISMATCH';

/** A row error as the import's report keeps it. */
export interface RowError {
  rowNumber: number;
  /** our field name, the header of an unmapped column, or null for the whole row */
  column: string | null;
  code: PosErrorCode | ImportRowErrorCode;
  message: string;
}

/**
 * A POS line as `pos_lines` stores it: the fields with a column of their own (core/pos/fields.ts),
 * the canonical key, and `extra` (the file's unmapped columns and the fields without a column).
 */
export type PosRow = Pick<ParsedPosLine, PosStoredField | 'invoiceKey' | 'lineKey'> & { extra: Record<string, string> | null };

const sequelize = (): Sequelize => PosImport.sequelize!;

export interface ImportView {
  id: number;
  distributorId: number;
  format: string;
  purpose: 'pos' | 'claim';
  fileName: string | null;
  fileSha256: string | null;
  status: ImportStatus;
  totalBytes: number | null;
  processedBytes: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsDuplicate: number;
  rowsRejected: number;
  progress: number | null;
  failure: string | null;
  /** field → the header of the column it was read from */
  mapping: Record<string, unknown> | null;
  /** the settings the file was read with (core/pos PosReadSettings), null for jobs from before they were kept */
  settings: Record<string, unknown> | null;
  createdByUserId: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** a voided import: its lines were removed (see voidReason); the file may be sent again */
  voidedAt: string | null;
  voidedByUserId: number | null;
  voidReason: string | null;
  createdAt: string;
  /** a claim file's answer once it has completed (see ClaimFileResult), else null */
  result: unknown;
}

const toView = (i: PosImport): ImportView => ({
  id: i.id,
  distributorId: i.distributorId,
  format: i.format,
  purpose: i.purpose ?? 'pos',
  fileName: i.fileName,
  fileSha256: i.fileSha256,
  status: i.status,
  totalBytes: i.totalBytes,
  processedBytes: i.processedBytes,
  rowsRead: i.rowsRead,
  rowsAccepted: i.rowsAccepted,
  rowsDuplicate: i.rowsDuplicate,
  rowsRejected: i.rowsRejected,
  progress: i.status === 'queued' ? 0 : i.status !== 'running' ? 1 : i.totalBytes ? Math.min(1, i.processedBytes / i.totalBytes) : null,
  failure: i.failure,
  ...storedMapping(i.mapping),
  createdByUserId: i.createdByUserId,
  startedAt: i.startedAt?.toISOString() ?? null,
  finishedAt: i.finishedAt?.toISOString() ?? null,
  voidedAt: i.voidedAt?.toISOString() ?? null,
  voidedByUserId: i.voidedByUserId ?? null,
  voidReason: i.voidReason ?? null,
  createdAt: i.createdAt.toISOString(),
  result: i.result ? (JSON.parse(i.result) as unknown) : null,
});

/**
 * The job's `mapping` column holds `{ columns, settings }` (older jobs: field → column index):
 * the columns each field was read from and the settings the file was read with.
 */
function storedMapping(text: string | null): { mapping: Record<string, unknown> | null; settings: Record<string, unknown> | null } {
  if (!text) return { mapping: null, settings: null };
  const parsed = JSON.parse(text) as Record<string, unknown>;
  if (parsed.columns && typeof parsed.columns === 'object')
    return { mapping: parsed.columns as Record<string, unknown>, settings: (parsed.settings as Record<string, unknown>) ?? null };
  return { mapping: parsed, settings: null };
}

const scoped = (scope: TenantScope) => (scope.distributorId === null ? {} : { distributorId: scope.distributorId });

export async function createImport(v: {
  distributorId: number;
  format: 'csv' | 'json' | 'x12';
  purpose?: 'pos' | 'claim';
  fileName: string | null;
  totalBytes: number | null;
  createdByUserId: number;
  /** a job: the stored upload and the settings it runs with; created `queued` */
  uploadPath?: string | null;
  settings?: object;
  /** the file's hash when it is known before the job reads it (a claim file's) */
  fileSha256?: string | null;
}) {
  const i = await PosImport.create({
    ...v,
    settings: v.settings ? JSON.stringify(v.settings) : null,
    fileSha256: v.fileSha256 ?? null,
    status: v.uploadPath === undefined ? 'running' : 'queued',
    processedBytes: 0,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsDuplicate: 0,
    rowsRejected: 0,
    mapping: null,
    failure: null,
    startedAt: v.uploadPath === undefined ? new Date() : null,
    finishedAt: null,
  });
  return i.id;
}

export async function updateImport(
  id: number,
  patch: Partial<
    Pick<
      PosImport,
      | 'status'
      | 'processedBytes'
      | 'rowsRead'
      | 'rowsAccepted'
      | 'rowsDuplicate'
      | 'rowsRejected'
      | 'mapping'
      | 'failure'
      | 'finishedAt'
      | 'fileSha256'
      | 'startedAt'
      | 'resumeRow'
      | 'attempts'
      | 'claimId'
      | 'result'
      | 'uploadPath'
    >
  >,
  transaction?: Transaction | null,
) {
  await PosImport.update(patch, { where: { id }, transaction: transaction ?? undefined });
  // Its event stream, in whichever process it is read (server/jobs/job-events.ts).
  jobChanged('import', id, transaction);
}

/** The job row itself (a worker's view: settings, upload, resume mark). */
export const findImportRow = (id: number, transaction?: Transaction | null) =>
  PosImport.findByPk(id, { transaction: transaction ?? undefined });

/** Starts over a job whose writes are thrown away (a claim file run again): counters, mark and row errors. */
export async function resetImport(id: number, transaction?: Transaction | null) {
  await PosImportError.destroy({ where: { importId: id }, transaction: transaction ?? undefined });
  await PosImport.update(
    { processedBytes: 0, rowsRead: 0, rowsAccepted: 0, rowsDuplicate: 0, rowsRejected: 0, resumeRow: 0, mapping: null, failure: null },
    { where: { id }, transaction: transaction ?? undefined },
  );
  jobChanged('import', id, transaction);
}

/** Jobs a stopped process left unfinished (queued or running), oldest first. */
export async function unfinishedImports() {
  return PosImport.findAll({
    where: { status: ['queued', 'running'] },
    attributes: ['id', 'purpose', 'uploadPath'],
    order: [['id', 'ASC']],
    raw: true,
  });
}

/** An earlier claim file of the same bytes whose claim stands (see `earlierClaimFile`). */
export interface EarlierClaimFile {
  importId: number;
  sentAt: Date;
  status: ImportStatus;
  /** its claim, once its job has made one (null while it waits for a worker) */
  claimId: number | null;
  claimNumber: string | null;
}

/**
 * The newest claim file the distributor sent before `beforeImportId` with these bytes (its
 * SHA-256) whose claim stands: still being made (queued, running), or made and not rejected
 * whole. One that failed, was voided, or whose claim was rejected whole does not count. Read
 * through ix_pos_import_file_sha256 (distributor_id, file_sha256).
 */
export async function earlierClaimFile(
  distributorId: number,
  fileSha256: string,
  beforeImportId: number,
): Promise<EarlierClaimFile | null> {
  const [r] = await sequelize().query<{
    importId: number | string;
    sentAt: Date | string;
    status: ImportStatus;
    claimId: number | string | null;
    claimNumber: string | null;
  }>(
    `SELECT i.id AS importId, i.created_at AS sentAt, i.status AS status, c.id AS claimId, c.number AS claimNumber
       FROM pos_imports i LEFT JOIN claims c ON c.id = i.claim_id
      WHERE i.distributor_id = ? AND i.file_sha256 = ? AND i.purpose = 'claim' AND i.id < ? AND i.voided_at IS NULL
        AND (i.status IN ('queued', 'running') OR (i.status = 'completed' AND c.status <> 'rejected'))
      ORDER BY i.id DESC
      LIMIT 1`,
    { replacements: [distributorId, fileSha256, beforeImportId], type: QueryTypes.SELECT },
  );
  if (!r) return null;
  return {
    importId: Number(r.importId),
    sentAt: r.sentAt instanceof Date ? r.sentAt : new Date(String(r.sentAt)),
    status: r.status,
    claimId: r.claimId === null ? null : Number(r.claimId),
    claimNumber: r.claimNumber,
  };
}

/** Rewrites a job's settings before it runs (what the sender said about the file, added to them). */
export async function updateImportSettings(id: number, settings: object) {
  await PosImport.update({ settings: JSON.stringify(settings) }, { where: { id } });
}

/**
 * Removes a job row refused before it was ever queued (nothing ran, nothing refers to it): as a
 * file refused before its row is made, it leaves nothing behind. A row a worker took is kept.
 */
export async function removeUnqueuedImport(id: number) {
  await PosImport.destroy({ where: { id, status: 'queued', attempts: 0 } });
}

export interface ClaimRunView {
  id: number;
  importId: number;
  distributorId: number;
  status: ImportStatus;
  options: Record<string, unknown>;
  result: unknown;
  failure: string | null;
  attempts: number;
  createdByUserId: number;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
}

const claimRunView = (r: ImportClaimRun): ClaimRunView => ({
  id: r.id,
  importId: r.importId,
  distributorId: r.distributorId,
  status: r.status,
  options: JSON.parse(r.options) as Record<string, unknown>,
  result: r.result ? (JSON.parse(r.result) as unknown) : null,
  failure: r.failure,
  attempts: r.attempts,
  createdByUserId: r.createdByUserId,
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

export async function createClaimRun(v: { importId: number; distributorId: number; options: object; createdByUserId: number }) {
  const r = await ImportClaimRun.create({ ...v, options: JSON.stringify(v.options), status: 'queued' });
  return r.id;
}

export async function findClaimRun(scope: TenantScope, importId: number, id: number): Promise<ClaimRunView | null> {
  const r = await ImportClaimRun.findOne({ where: { id, importId, ...scoped(scope) } });
  return r ? claimRunView(r) : null;
}

export const findClaimRunRow = (id: number) => ImportClaimRun.findByPk(id);

export async function updateClaimRun(
  id: number,
  patch: Partial<Pick<ImportClaimRun, 'status' | 'result' | 'failure' | 'attempts' | 'startedAt' | 'finishedAt'>>,
) {
  await ImportClaimRun.update(patch, { where: { id } });
}

export async function unfinishedClaimRuns() {
  return ImportClaimRun.findAll({ where: { status: ['queued', 'running'] }, attributes: ['id'], order: [['id', 'ASC']], raw: true });
}

export async function findImport(scope: TenantScope, id: number): Promise<ImportView | null> {
  const i = await PosImport.findOne({ where: { id, ...scoped(scope) } });
  return i ? toView(i) : null;
}

/** The newest imports the scope may see; `distributorId` (a vendor's filter) narrows them to one distributor. */
export async function listImports(scope: TenantScope, limit: number, distributorId?: number): Promise<ImportView[]> {
  const where = { ...(distributorId !== undefined ? { distributorId } : {}), ...scoped(scope) };
  return (await PosImport.findAll({ where, order: [['id', 'DESC']], limit })).map(toView);
}

/**
 * A row error quotes the file (the message names the bad value, `raw` is the row): a NUL in it is
 * kept as U+FFFD, since the ORM writes values into the SQL text and SQLite ends a statement at a
 * NUL (a 500 before).
 */
const withoutNul = (s: string) => s.replace(/\0/g, '\uFFFD');

export async function insertRowErrors(importId: number, errors: (RowError & { raw: string | null })[], transaction?: Transaction | null) {
  if (!errors.length) return;
  await PosImportError.bulkCreate(
    errors.map((e) => ({
      importId,
      rowNumber: e.rowNumber,
      columnName: e.column,
      code: e.code,
      message: withoutNul(e.message.slice(0, 500)),
      raw: e.raw === null ? null : withoutNul(e.raw),
    })),
    { transaction: transaction ?? undefined },
  );
}

export async function rowErrors(importId: number, limit?: number) {
  return (
    await PosImportError.findAll({
      where: { importId },
      order: [
        ['rowNumber', 'ASC'],
        ['id', 'ASC'],
      ],
      ...(limit !== undefined ? { limit } : {}),
    })
  ).map((e) => ({
    rowNumber: e.rowNumber,
    column: e.columnName,
    code: e.code,
    message: e.message,
    raw: e.raw,
  }));
}

export async function findMapping(distributorId: number) {
  const m = await PosColumnMapping.findOne({ where: { distributorId } });
  return m
    ? {
        mapping: JSON.parse(m.mapping) as Record<string, string>,
        options: JSON.parse(m.options) as Record<string, string>,
        updatedAt: m.updatedAt.toISOString(),
      }
    : null;
}

export async function saveMapping(distributorId: number, mapping: object, options: object, userId: number) {
  const existing = await PosColumnMapping.findOne({ where: { distributorId } });
  if (existing) await existing.update({ mapping: JSON.stringify(mapping), options: JSON.stringify(options), updatedByUserId: userId });
  else
    await PosColumnMapping.create({
      distributorId,
      mapping: JSON.stringify(mapping),
      options: JSON.stringify(options),
      updatedByUserId: userId,
    });
}

/** Vendor part and this distributor's part numbers -> product id, for resolving rows as they stream. */
export async function productResolver(distributorId: number) {
  const [products, mappings] = await Promise.all([
    Product.findAll({ attributes: ['id', 'vendorPartNumber'], raw: true }),
    ProductPartMapping.findAll({ where: { distributorId }, attributes: ['distributorPartNumber', 'productId'], raw: true }),
  ]);
  return {
    byVendor: new Map(products.map((p) => [p.vendorPartNumber.toUpperCase(), p.id])),
    byDistributor: new Map(mappings.map((p) => [p.distributorPartNumber.toUpperCase(), p.productId])),
  };
}

/**
 * The insert columns of `pos_lines`, derived from the field table: the fields with a column, in
 * the table's order, between the row's own columns.
 */
export const POS_COLUMNS: readonly string[] = [
  'distributor_id',
  'import_id',
  'invoice_key',
  'line_key',
  'product_id',
  'end_customer_id',
  ...POS_STORED_FIELDS.map((f) => POS_FIELD_TABLE[f].column),
  'extra',
  'file_row',
  'is_return',
  'created_at',
  'updated_at',
];

/** A valid row on its way to `pos_lines` (the parsed line itself, with its product and the end customer enrichment linked). */
export type PosInsertRow = Omit<ParsedPosLine, 'extra'> & {
  extra: Record<string, string> | null;
  productId: number | null;
  endCustomerId?: number | null;
};

/** `extra` as stored (core/pos `storedExtra`), as JSON. */
function extraJson(r: PosInsertRow): string | null {
  const extra = storedExtra(r);
  return extra === null ? null : JSON.stringify(extra);
}

function values(distributorId: number, importId: number, r: PosInsertRow, now: Date): Cell[] {
  const cells: Cell[] = [distributorId, importId, r.invoiceKey, r.lineKey, r.productId, r.endCustomerId ?? null];
  for (let i = 0; i < POS_STORED_FIELDS.length; i++) cells.push(r[POS_STORED_FIELDS[i]!]);
  // the file's row (header = 1) and whether it is a return (a negative quantity)
  cells.push(extraJson(r), r.row ?? null, r.quantity < 0, now, now);
  return cells;
}

/** Inserts valid rows, skipping POS lines already on file (the unique key); returns how many were new. */
export async function insertPosLines(
  distributorId: number,
  importId: number,
  rows: PosInsertRow[],
  transaction?: Transaction | null,
): Promise<number> {
  if (!rows.length) return 0;
  const now = new Date();
  return writeRows(
    sequelize(),
    'pos_lines',
    POS_COLUMNS,
    rows.map((x) => values(distributorId, importId, x, now)),
    // The distributor is the caller's and the product ids were looked up for this import.
    { ignore: true, trustedReferences: true, transaction },
  );
}

/** True when the account is a distributor. */
export async function isDistributor(id: number): Promise<boolean> {
  return (await Account.count({ where: { id, type: 'distributor' } })) === 1;
}

/** How a distributor is named from outside: its id, name, code (`externalRef`) and CRM id (null: no such distributor). */
export async function distributorIdentity(
  distributorId: number,
): Promise<{ id: number; name: string; externalRef: string | null; crmId: string | null } | null> {
  const a = await Account.findOne({
    where: { id: distributorId, type: 'distributor' },
    attributes: ['id', 'name', 'externalRef', 'crmId'],
    raw: true,
  });
  return a ? { id: a.id, name: a.name, externalRef: a.externalRef ?? null, crmId: a.crmId ?? null } : null;
}

/**
 * The POS lines on file under these canonical keys (a batch's keys, once some of its rows hit the
 * unique key), each with the import and the row it came from: one read per 2,000 invoices, through
 * the unique key (distributor, invoice key, line key). Keyed by `joinPosKey`.
 */
export async function salesOnFile(
  distributorId: number,
  keys: readonly { invoiceKey: string; lineKey: string }[],
  transaction?: Transaction | null,
  /** leave out this import's lines from `fromRow` on (a batch's own rows, just written): only lines said before are read */
  before?: { importId: number; fromRow: number },
): Promise<Map<string, SaleOnFile>> {
  const out = new Map<string, SaleOnFile>();
  const wanted = new Set(keys.map((k) => joinPosKey(k.invoiceKey, k.lineKey)));
  const invoices = [...new Set(keys.map((k) => k.invoiceKey))];
  const columns = SALE_FIELDS.map((f) => {
    const c = `p.${POS_FIELD_TABLE[f].column}`;
    // a date as its text on both databases (mysql2 would make a DATE a Date)
    return POS_FIELD_TABLE[f].kind === 'date' ? `CAST(${c} AS CHAR) AS ${f}` : `${c} AS ${f}`;
  });
  for (let i = 0; i < invoices.length; i += 2000) {
    const part = invoices.slice(i, i + 2000);
    const rows = await sequelize().query<Record<string, unknown>>(
      `SELECT p.invoice_key AS invoiceKey, p.line_key AS lineKey, p.import_id AS importId, p.file_row AS fileRow,
              i.file_name AS fileName, ${columns.join(', ')}
         FROM pos_lines p LEFT JOIN pos_imports i ON i.id = p.import_id
        WHERE p.distributor_id = ? AND p.invoice_key IN (${part.map(() => '?').join(',')})${
          before ? ' AND (p.import_id IS NULL OR p.import_id <> ? OR p.file_row IS NULL OR p.file_row < ?)' : ''
        }`,
      {
        replacements: [distributorId, ...part, ...(before ? [before.importId, before.fromRow] : [])],
        type: QueryTypes.SELECT,
        transaction: transaction ?? undefined,
      },
    );
    for (const r of rows) {
      const key = joinPosKey(r.invoiceKey as string, r.lineKey as string);
      if (!wanted.has(key)) continue;
      const values = {} as Record<SaleField, string | number | null>;
      for (const f of SALE_FIELDS) {
        const v = r[f];
        const kind = POS_FIELD_TABLE[f].kind;
        values[f] =
          v === null || v === undefined
            ? null
            : kind === 'money'
              ? moneyToString(moneyFromDb(v as string))
              : kind === 'quantity'
                ? Number(v)
                : kind === 'date'
                  ? String(v).slice(0, 10)
                  : String(v);
      }
      out.set(key, {
        values: values as unknown as SaleValues,
        importId: r.importId === null ? null : Number(r.importId),
        fileName: (r.fileName as string | null) ?? null,
        row: r.fileRow === null || r.fileRow === undefined ? null : Number(r.fileRow),
      });
    }
  }
  return out;
}

const money = (v: unknown) => (v === null || v === undefined ? null : moneyToString(moneyFromDb(v as string)));
const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

/** A page of an import's stored POS lines, in file order (keyset on id), each flagged when a claim line was made from it. */
export async function importLines(importId: number, after: number, limit: number) {
  const rows = await PosLine.findAll({
    where: { importId, id: { [Op.gt]: after } },
    order: [['id', 'ASC']],
    limit: limit + 1,
    raw: true,
  });
  const claimed = rows.length
    ? new Set(
        (
          (await ClaimLine.findAll({ where: { posLineId: rows.map((r) => r.id) }, attributes: ['posLineId'], raw: true })) as {
            posLineId: number | null;
          }[]
        ).map((c) => c.posLineId),
      )
    : new Set<number | null>();
  const lines = rows.map((r) => ({
    id: r.id,
    rowNumber: r.fileRow ?? null,
    invoiceNumber: r.invoiceNumber,
    invoiceLine: r.invoiceLine,
    invoiceKey: r.invoiceKey,
    lineKey: r.lineKey,
    invoiceDate: day(r.invoiceDate)!,
    shipDate: day(r.shipDate),
    vendorPartNumber: r.vendorPartNumber,
    distributorPartNumber: r.distributorPartNumber,
    productId: r.productId,
    quantity: r.quantity,
    isReturn: Boolean(r.isReturn),
    resalePrice: money(r.resalePrice),
    bookCost: money(r.bookCost),
    authorizedCost: money(r.authorizedCost),
    claimedAmount: money(r.claimedAmount),
    authorizationNumber: r.authorizationNumber,
    endCustomerName: r.endCustomerName,
    endCustomerId: r.endCustomerId ?? null,
    customerPo: r.customerPo,
    debitMemoNumber: r.debitMemoNumber,
    extra: r.extra ? (JSON.parse(r.extra) as Record<string, string>) : null,
    claimed: claimed.has(r.id),
  }));
  return keysetPage('import-lines', lines, limit, (l) => [l.id]);
}

/**
 * Voids an import in one transaction: refused while a claim line was made from any of its lines
 * (the first ones are returned), else its lines are removed and the import marked voided.
 */
export async function voidImport(importId: number, userId: number, reason: string) {
  return PosImport.sequelize!.transaction(async (transaction) => {
    const i = await PosImport.findByPk(importId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!i) return { outcome: 'missing' as const };
    if (i.status !== 'completed' || (i.purpose ?? 'pos') !== 'pos') return { outcome: 'not_voidable' as const, status: i.status };
    const lines = await rowsOf('pos_lines', 'import_id', importId, transaction, 'p');
    const onClaims = (await PosImport.sequelize!.query(
      `SELECT c.number AS claimNumber, l.line_number AS lineNumber, p.file_row AS rowNumber
         FROM pos_lines p JOIN claim_lines l ON l.pos_line_id = p.id JOIN claims c ON c.id = l.claim_id
        WHERE ${lines.where} ORDER BY p.id LIMIT 5`,
      { replacements: lines.params, type: QueryTypes.SELECT, transaction },
    )) as { claimNumber: string; lineNumber: number; rowNumber: number | null }[];
    if (onClaims.length) return { outcome: 'claimed' as const, onClaims };
    // Lines a closed rebate period counted are its frozen inputs: kept, like claimed ones.
    const inRebates = (await PosImport.sequelize!.query(
      `SELECT r.rebate_period_id AS rebatePeriodId, p.file_row AS rowNumber
         FROM pos_lines p JOIN rebate_consumptions r ON r.pos_line_id = p.id
        WHERE ${lines.where} ORDER BY p.id LIMIT 5`,
      { replacements: lines.params, type: QueryTypes.SELECT, transaction },
    )) as { rebatePeriodId: number; rowNumber: number | null }[];
    if (inRebates.length) return { outcome: 'counted' as const, inRebates };
    // Returns whose credit is being taken back (settlement_debits): a debit no credit memo has taken
    // from yet goes with its return; one a memo took from is money moved, and keeps the import.
    const debits = (await PosImport.sequelize!.query(
      `SELECT d.id AS debitId, d.status AS status, d.applied_amount AS applied, d.amount AS amount, p.file_row AS rowNumber
         FROM pos_lines p JOIN settlement_debits d ON d.return_pos_line_id = p.id
        WHERE ${lines.where} ORDER BY p.id`,
      { replacements: lines.params, type: QueryTypes.SELECT, transaction },
    )) as { debitId: number; status: string; applied: string | number; amount: string | number; rowNumber: number | null }[];
    const taken = debits.filter((d) => d.status !== 'open' || moneyFromDb(d.applied).greaterThan(0));
    if (taken.length)
      return {
        outcome: 'settled' as const,
        settled: taken.slice(0, 5).map((d) => ({ debitId: Number(d.debitId), rowNumber: d.rowNumber, applied: money(d.applied) })),
      };
    const cancelledDebits = debits.map((d) => ({ debitId: Number(d.debitId), rowNumber: d.rowNumber, amount: money(d.amount) }));
    if (debits.length)
      await PosImport.sequelize!.query(`DELETE FROM settlement_debits WHERE id IN (${debits.map(() => '?').join(', ')})`, {
        replacements: debits.map((d) => d.debitId),
        transaction,
      });
    const [, lo, hi] = lines.params;
    const removed = await PosLine.destroy({ where: { importId, id: { [Op.between]: [lo!, hi!] } }, transaction });
    await i.update({ status: 'voided', voidedAt: new Date(), voidedByUserId: userId, voidReason: reason }, { transaction });
    jobChanged('import', i.id, transaction);
    return { outcome: 'voided' as const, removed, cancelledDebits, view: toView(i) };
  });
}

/**
 * Removes the POS lines a failed import wrote (a running import cannot be claimed, so none of
 * them is a claim's); lines it skipped as already on file belong to earlier imports and stay.
 */
export async function discardPosLines(importId: number): Promise<void> {
  const lines = await rowsOf('pos_lines', 'import_id', importId);
  await sequelize().query(`DELETE FROM pos_lines WHERE ${lines.where}`, { replacements: lines.params });
}
