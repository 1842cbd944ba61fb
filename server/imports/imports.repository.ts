/**
 * The only imports code that touches the database. POS rows go in by multi-row INSERT that
 * ignores keys already present (the unique key on distributor + invoice + line), so the same
 * file imported twice adds nothing; on MariaDB through the raw mysql2 connection (the ORM is not
 * for bulk paths).
 */
import type { Sequelize } from 'sequelize';
import { PosColumnMapping, PosImport, PosImportError } from '../../models/imports.js';
import { Product, ProductPartMapping } from '../../models/catalog.js';
import type { TenantScope } from '../auth/actor.js';
import { POS_FIELD_TABLE, POS_STORED_FIELDS, storedExtra, type PosLine, type PosStoredField } from '../../core/pos/index.js';
import { writeRows, type Cell } from '../../models/bulk.js';

/** A row error as the import's report keeps it. */
export interface RowError {
  rowNumber: number;
  /** our field name, the header of an unmapped column, or null for the whole row */
  column: string | null;
  code: string;
  message: string;
}

/**
 * A POS line as `pos_lines` stores it: the fields with a column of their own (core/pos/fields.ts),
 * the canonical key, and `extra` (the file's unmapped columns and the fields without a column).
 */
export type PosRow = Pick<PosLine, PosStoredField | 'invoiceKey' | 'lineKey'> & { extra: Record<string, string> | null };

const sequelize = (): Sequelize => PosImport.sequelize!;

export interface ImportView {
  id: number;
  distributorId: number;
  format: string;
  purpose: 'pos' | 'claim';
  fileName: string | null;
  fileSha256: string | null;
  status: string;
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
  createdAt: string;
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
  progress: i.status !== 'running' ? 1 : i.totalBytes ? Math.min(1, i.processedBytes / i.totalBytes) : null,
  failure: i.failure,
  ...storedMapping(i.mapping),
  createdByUserId: i.createdByUserId,
  startedAt: i.startedAt?.toISOString() ?? null,
  finishedAt: i.finishedAt?.toISOString() ?? null,
  createdAt: i.createdAt.toISOString(),
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
  format: 'csv' | 'json';
  purpose?: 'pos' | 'claim';
  fileName: string | null;
  totalBytes: number | null;
  createdByUserId: number;
}) {
  const i = await PosImport.create({
    ...v,
    fileSha256: null,
    status: 'running',
    processedBytes: 0,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsDuplicate: 0,
    rowsRejected: 0,
    mapping: null,
    failure: null,
    startedAt: new Date(),
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
    >
  >,
) {
  await PosImport.update(patch, { where: { id } });
}

export async function findImport(scope: TenantScope, id: number): Promise<ImportView | null> {
  const i = await PosImport.findOne({ where: { id, ...scoped(scope) } });
  return i ? toView(i) : null;
}

export async function listImports(scope: TenantScope, limit: number): Promise<ImportView[]> {
  return (await PosImport.findAll({ where: scoped(scope), order: [['id', 'DESC']], limit })).map(toView);
}

export async function insertRowErrors(importId: number, errors: (RowError & { raw: string | null })[]) {
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
  ...POS_STORED_FIELDS.map((f) => POS_FIELD_TABLE[f].column),
  'extra',
  'created_at',
  'updated_at',
];

/** A valid row on its way to `pos_lines` (the parsed line itself, with its product). */
export type PosInsertRow = Omit<PosLine, 'extra'> & { extra: Record<string, string> | null; productId: number | null };

/** `extra` as stored (core/pos `storedExtra`), as JSON. */
function extraJson(r: PosInsertRow): string | null {
  const extra = storedExtra(r);
  return extra === null ? null : JSON.stringify(extra);
}

function values(distributorId: number, importId: number, r: PosInsertRow, now: Date): Cell[] {
  const cells: Cell[] = [distributorId, importId, r.invoiceKey, r.lineKey, r.productId];
  for (let i = 0; i < POS_STORED_FIELDS.length; i++) cells.push(r[POS_STORED_FIELDS[i]!]);
  cells.push(extraJson(r), now, now);
  return cells;
}

/** Inserts valid rows, skipping POS lines already on file (the unique key); returns how many were new. */
export async function insertPosLines(distributorId: number, importId: number, rows: PosInsertRow[]): Promise<number> {
  if (!rows.length) return 0;
  const now = new Date();
  return writeRows(
    sequelize(),
    'pos_lines',
    POS_COLUMNS,
    rows.map((x) => values(distributorId, importId, x, now)),
    // The distributor is the caller's and the product ids were looked up for this import.
    { ignore: true, trustedReferences: true },
  );
}
