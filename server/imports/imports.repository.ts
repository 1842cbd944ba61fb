/**
 * The only imports code that touches the database. POS rows go in by multi-row INSERT that
 * ignores keys already present (the unique key on distributor + invoice + line), so the same
 * file imported twice adds nothing; on MariaDB through the raw mysql2 connection (the ORM is not
 * for bulk paths).
 */
import type { Sequelize } from 'sequelize';
import type { Transaction } from 'sequelize';
import { ImportClaimRun, PosColumnMapping, PosImport, PosImportError, type ImportStatus } from '../../models/imports.js';
import { Product, ProductPartMapping } from '../../models/catalog.js';
import type { TenantScope } from '../auth/actor.js';
import type { PosRow, RowError } from './pos-rows.js';
import { writeRows, type Cell } from '../../models/bulk.js';

export { inTransaction, type Tx } from '../database.repository.js';

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
  mapping: Record<string, unknown> | null;
  createdByUserId: number;
  startedAt: string | null;
  finishedAt: string | null;
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
  mapping: i.mapping ? JSON.parse(i.mapping) : null,
  createdByUserId: i.createdByUserId,
  startedAt: i.startedAt?.toISOString() ?? null,
  finishedAt: i.finishedAt?.toISOString() ?? null,
  createdAt: i.createdAt.toISOString(),
  result: i.result ? (JSON.parse(i.result) as unknown) : null,
});

const scoped = (scope: TenantScope) => (scope.distributorId === null ? {} : { distributorId: scope.distributorId });

export async function createImport(v: {
  distributorId: number;
  format: 'csv' | 'json';
  purpose?: 'pos' | 'claim';
  fileName: string | null;
  totalBytes: number | null;
  createdByUserId: number;
  /** a job: the stored upload and the settings it runs with; created `queued` */
  uploadPath?: string | null;
  settings?: object;
}) {
  const i = await PosImport.create({
    ...v,
    settings: v.settings ? JSON.stringify(v.settings) : null,
    fileSha256: null,
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

export async function listImports(scope: TenantScope, limit: number): Promise<ImportView[]> {
  return (await PosImport.findAll({ where: scoped(scope), order: [['id', 'DESC']], limit })).map(toView);
}

export async function insertRowErrors(importId: number, errors: (RowError & { raw: string | null })[], transaction?: Transaction | null) {
  if (!errors.length) return;
  await PosImportError.bulkCreate(
    errors.map((e) => ({
      importId,
      rowNumber: e.rowNumber,
      columnName: e.column,
      code: e.code,
      message: e.message.slice(0, 500),
      raw: e.raw,
    })),
    { transaction: transaction ?? undefined },
  );
}

export async function rowErrors(importId: number) {
  return (
    await PosImportError.findAll({
      where: { importId },
      order: [
        ['rowNumber', 'ASC'],
        ['id', 'ASC'],
      ],
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

const POS_COLUMNS = [
  'distributor_id',
  'import_id',
  'invoice_number',
  'invoice_line',
  'invoice_key',
  'line_key',
  'invoice_date',
  'ship_date',
  'product_id',
  'vendor_part_number',
  'distributor_part_number',
  'quantity',
  'resale_price',
  'book_cost',
  'authorized_cost',
  'claimed_amount',
  'authorization_number',
  'end_customer_name',
  'customer_po',
  'debit_memo_number',
  'extra',
  'created_at',
  'updated_at',
];

export type PosInsertRow = PosRow & { productId: number | null };

function values(distributorId: number, importId: number, r: PosInsertRow, now: Date): Cell[] {
  return [
    distributorId,
    importId,
    r.invoiceNumber,
    r.invoiceLine,
    r.invoiceKey,
    r.lineKey,
    r.invoiceDate,
    r.shipDate,
    r.productId,
    r.vendorPartNumber,
    r.distributorPartNumber,
    r.quantity,
    r.resalePrice,
    r.bookCost,
    r.authorizedCost,
    r.claimedAmount,
    r.authorizationNumber,
    r.endCustomerName,
    r.customerPo,
    r.debitMemoNumber,
    r.extra ? JSON.stringify(r.extra) : null,
    now,
    now,
  ];
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
