/**
 * Bulk loads of master data from CSV (issue 15 item 1): read with the POS pipeline's record
 * reader and header rule (core/masterdata/table.ts), each row turned into the same object the
 * JSON API takes and checked with the same schema, then applied through the same service
 * functions, all in ONE transaction: any row error and nothing is written (422 with every row
 * error). A dry run does the very same work and rolls it back, so its preview (create, update,
 * unchanged per row) and its errors are exactly what the load would do.
 */
import type { Readable } from 'node:stream';
import type { ZodTypeAny } from 'zod';
import { DATE_COLUMNS, MASTER_DATA_COLUMNS, MONEY_COLUMNS, type MasterDataKind } from '../../core/masterdata/kinds.js';
import { TableReader, type TableError, type TableRow } from '../../core/masterdata/table.js';
import { decodeChunks } from '../../core/pos/parser.js';
import { parseDateText, parseMoneyText } from '../../core/pos/values.js';
import { AppError } from '../errors.js';
import type { Tx } from '../database.repository.js';
import * as repo from './masterdata.repository.js';
import { BookCostInput, DistributorInput, PartNumberInput, PartyInput, ProductInput } from './masterdata.schemas.js';
import * as service from './masterdata.service.js';
import type { Change, Changer } from './masterdata.service.js';

export interface BulkResult {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: TableError[];
  preview: { row: number; line: number; action: Change; key: string }[];
}

const PREVIEW_ROWS = 200;
class RollBack extends Error {}

/** The row's cells as the JSON input: empty cells absent, money and dates read as in POS files. */
function candidate(row: TableRow, errors: TableError[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  let ok = true;
  for (const [key, raw] of Object.entries(row.cells)) {
    if (raw === '') continue;
    if (MONEY_COLUMNS.has(key)) {
      const m = parseMoneyText(raw);
      if (!m.ok) {
        errors.push({ row: row.row, line: row.line, field: key, message: `"${raw}" ${m.reason}` });
        ok = false;
      } else out[key] = m.value;
    } else if (DATE_COLUMNS.has(key)) {
      const d = parseDateText(raw, null);
      if (!d.ok) {
        errors.push({ row: row.row, line: row.line, field: key, message: `"${raw}" ${d.reason}` });
        ok = false;
      } else out[key] = d.value;
    } else out[key] = raw;
  }
  return ok ? out : null;
}

/** Checks `value` with the API's schema; its issues become the row's errors. */
function checked<T>(
  schema: ZodTypeAny,
  value: unknown,
  row: TableRow,
  errors: TableError[],
  fieldOf: (f: string) => string = (f) => f,
): T | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as T;
  for (const issue of parsed.error.issues)
    errors.push({ row: row.row, line: row.line, field: fieldOf(issue.path.join('.')) || null, message: issue.message });
  return null;
}

interface Prepared {
  row: TableRow;
  key: string;
  apply: (t: Tx) => Promise<Change>;
}

/** Turns each row into its change; references (distributors by name, products by part number) are resolved in `t`. */
async function prepare(
  actor: Changer,
  kind: MasterDataKind,
  rows: TableRow[],
  baseCurrency: string,
  errors: TableError[],
  t: Tx,
): Promise<Prepared[]> {
  const needsDistributor = kind === 'book-costs' || kind === 'part-numbers';
  const needsProduct = needsDistributor;
  const distributors = needsDistributor
    ? await repo.accountsByName('distributor', rows.map((r) => r.cells.distributor!).filter(Boolean), t)
    : new Map();
  const products = needsProduct ? await repo.productsByPart(rows.map((r) => r.cells.vendorPartNumber!).filter(Boolean), t) : new Map();
  const seen = new Map<string, number>();
  const out: Prepared[] = [];
  for (const row of rows) {
    const before = errors.length;
    const cells = candidate(row, errors);
    if (!cells) continue;
    const err = (field: string, message: string) => errors.push({ row: row.row, line: row.line, field, message });
    let key = '';
    let apply: Prepared['apply'] | null = null;
    if (kind === 'products') {
      const input = checked<service.ProductInput>(ProductInput, cells, row, errors);
      if (input) {
        key = input.vendorPartNumber.toLowerCase();
        apply = async (t) => (await service.saveProduct(actor, input, baseCurrency, t, true))[1];
      }
    } else if (kind === 'end-customers' || kind === 'resellers' || kind === 'distributors') {
      const type = kind === 'end-customers' ? 'end_customer' : kind === 'resellers' ? 'reseller' : 'distributor';
      const input =
        kind === 'distributors'
          ? checked<service.AccountInput>(DistributorInput, cells, row, errors)
          : checked<service.AccountInput>(PartyInput.omit({ type: true }), cells, row, errors);
      if (input) {
        key = input.name.trim().toLowerCase();
        apply = async (t) => (await service.saveAccount(actor, type, input, baseCurrency, t, true))[1];
      }
    } else {
      const distributor = cells.distributor ? distributors.get(cells.distributor.trim().toLowerCase()) : undefined;
      const product = cells.vendorPartNumber ? products.get(cells.vendorPartNumber.toLowerCase()) : undefined;
      if (cells.distributor && !distributor) err('distributor', `no distributor is named "${cells.distributor}"`);
      if (cells.vendorPartNumber && !product) err('vendorPartNumber', `no product has the part number "${cells.vendorPartNumber}"`);
      const ids = { distributorId: distributor?.id ?? 1, productId: product?.id ?? 1 };
      const fieldOf = (f: string) => (f === 'distributorId' ? 'distributor' : f === 'productId' ? 'vendorPartNumber' : f);
      if (kind === 'book-costs') {
        const input = checked<{ distributorId: number; productId: number; cost: string; effectiveFrom: string }>(
          BookCostInput,
          { distributorId: ids.distributorId, productId: ids.productId, cost: cells.cost, effectiveFrom: cells.effectiveFrom },
          row,
          errors,
          fieldOf,
        );
        if (input) {
          key = `${input.distributorId}/${input.productId}/${input.effectiveFrom}`;
          apply = async (t) => (await service.setBookCost(actor, input, t))[1];
        }
      } else {
        const input = checked<{ distributorId: number; productId: number; distributorPartNumber: string }>(
          PartNumberInput,
          { ...ids, distributorPartNumber: cells.distributorPartNumber },
          row,
          errors,
          fieldOf,
        );
        if (input) {
          key = `${input.distributorId}/${input.distributorPartNumber.toLowerCase()}`;
          apply = async (t) => (await service.setPartNumber(actor, input, t, true))[1];
        }
      }
    }
    if (errors.length > before || !apply) continue;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      err(MASTER_DATA_COLUMNS[kind][0]!.key, `the same ${kind === 'book-costs' ? 'distributor, part and day' : 'key'} as row ${earlier}`);
      continue;
    }
    seen.set(key, row.row);
    out.push({ row, key, apply });
  }
  return out;
}

/**
 * Loads a CSV of `kind`: checks every row, then applies them all in one transaction, or (any
 * error, or `dryRun`) rolls everything back. Errors of a load that is not a dry run are a 422
 * carrying every row error; a dry run answers them in its result.
 */
export async function bulkLoad(
  actor: Changer,
  kind: MasterDataKind,
  body: Readable,
  dryRun: boolean,
  baseCurrency: string,
): Promise<BulkResult> {
  const reader = new TableReader(MASTER_DATA_COLUMNS[kind]);
  for await (const chunk of decodeChunks(body as AsyncIterable<Uint8Array>)) reader.push(chunk);
  const { rows, errors } = reader.end();
  const result: BulkResult = { dryRun, rows: rows.length, created: 0, updated: 0, unchanged: 0, errors, preview: [] };
  const headerBroken = errors.some((e) => e.row === 1);
  if (!headerBroken) {
    try {
      await repo.inTransaction(async (t) => {
        const prepared = await prepare(actor, kind, rows, baseCurrency, errors, t);
        for (const p of prepared) {
          let change: Change;
          try {
            change = await p.apply(t);
          } catch (err) {
            if (!(err instanceof AppError) || err.status >= 500) throw err;
            const fields = err.details.errors ?? [{ field: null, message: err.message }];
            for (const f of fields)
              errors.push({ row: p.row.row, line: p.row.line, field: (f.field as string | null) ?? null, message: f.message });
            continue;
          }
          result[change === 'create' ? 'created' : change === 'update' ? 'updated' : 'unchanged']++;
          if (result.preview.length < PREVIEW_ROWS) result.preview.push({ row: p.row.row, line: p.row.line, action: change, key: p.key });
        }
        if (errors.length || dryRun) throw new RollBack();
      });
    } catch (err) {
      if (!(err instanceof RollBack)) throw err;
    }
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length && !dryRun) {
    throw new AppError('BULK_LOAD_REJECTED', `${errors.length} row error(s): nothing was loaded`, 422, {
      errors: errors.map((e) => ({ field: `row ${e.row}${e.field ? `.${e.field}` : ''}`, message: e.message })),
      rowErrors: errors,
    });
  }
  return result;
}
