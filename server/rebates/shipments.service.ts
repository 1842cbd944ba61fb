/**
 * Loading sell-in (issue 16): the vendor's shipment lines, by the API (JSON) or from a CSV file,
 * through one road (`store`). Each line is checked (core's shipmentProblems), its distributor
 * (BEC id or name) and product (vendor part number) found, its currency the distributor's; a line
 * already stored with the same values is unchanged, with other values an error of its row (a
 * correction is a new line, a return); the valid lines are stored in one transaction and the load
 * is audited. Nothing valid is lost to a bad row.
 */
import type { Readable } from 'node:stream';
import { TableReader, type TableError } from '../../core/masterdata/table.js';
import { moneyToString, parseMoney } from '../../core/money.js';
import { decodeChunks } from '../../core/pos/parser.js';
import type { DateOrder, DecimalMark } from '../../core/pos/values.js';
import {
  normalizeShipment,
  SHIPMENT_COLUMNS,
  shipmentFromCells,
  shipmentProblems,
  type ShipmentInput,
} from '../../core/rebates/shipments.js';
import { distributorFilter, scopeOf, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findAccount, accountsByName, productsByPart } from '../masterdata/masterdata.repository.js';
import * as repo from './shipments.repository.js';

export interface LoadError {
  /** the line's place: its 1-based position in `lines`, or the CSV row (the header is row 1) */
  row: number;
  /** the CSV line the row starts on; null for JSON */
  line: number | null;
  field: string | null;
  message: string;
}

export interface LoadResult {
  rows: number;
  stored: number;
  created: number;
  unchanged: number;
  errors: LoadError[];
}

interface Candidate {
  row: number;
  line: number | null;
  input: ShipmentInput;
}

/** The distributors lines name, by the text they name them with (an id, or a name in any case). */
async function distributorsOf(names: string[]) {
  const out = new Map<string, { id: number; currency: string | null }>();
  const ids = [...new Set(names.filter((n) => /^\d{1,9}$/.test(n)))];
  for (const id of ids) {
    const a = await findAccount(Number(id));
    if (a && a.type === 'distributor') out.set(id, { id: a.id, currency: a.currency ?? null });
  }
  const byName = await accountsByName(
    'distributor',
    names.filter((n) => !/^\d{1,9}$/.test(n)),
  );
  for (const [name, a] of byName) out.set(name, { id: a.id, currency: a.currency ?? null });
  return out;
}

const same = (a: repo.NewShipment, b: repo.ShipmentRecord) =>
  a.shipDate === b.shipDate &&
  a.productId === b.productId &&
  a.quantity === b.quantity &&
  parseMoney(a.amount).equals(parseMoney(b.amount)) &&
  a.currency === b.currency;

async function store(actor: Actor, candidates: Candidate[], errors: LoadError[], rows: number, source: 'api' | 'csv'): Promise<LoadResult> {
  const err = (c: Candidate, field: string | null, message: string) => errors.push({ row: c.row, line: c.line, field, message });
  const distributors = await distributorsOf(candidates.map((c) => c.input.distributor));
  const products = await productsByPart(candidates.map((c) => c.input.vendorPartNumber));
  const ready: { c: Candidate; line: repo.NewShipment }[] = [];
  const seen = new Map<string, number>();
  for (const c of candidates) {
    const d = distributors.get(/^\d{1,9}$/.test(c.input.distributor) ? c.input.distributor : c.input.distributor.toLowerCase());
    const p = products.get(c.input.vendorPartNumber.toLowerCase());
    if (!d) err(c, 'distributor', `no distributor "${c.input.distributor}" (a BEC account id or a distributor's name)`);
    if (!p) err(c, 'vendorPartNumber', `no product with vendor part number "${c.input.vendorPartNumber}"`);
    if (!d || !p) continue;
    if (d.currency && d.currency !== c.input.currency) {
      err(c, 'currency', `${c.input.currency}: this distributor is invoiced in ${d.currency}`);
      continue;
    }
    const line: repo.NewShipment = {
      distributorId: d.id,
      documentNumber: c.input.documentNumber,
      lineNumber: c.input.lineNumber,
      shipDate: c.input.shipDate,
      productId: p.id,
      quantity: c.input.quantity,
      amount: moneyToString(parseMoney(c.input.amount)),
      currency: c.input.currency,
    };
    const key = repo.shipmentKey(line);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      err(c, 'lineNumber', `document ${line.documentNumber} line ${line.lineNumber} is also row ${earlier}`);
      continue;
    }
    seen.set(key, c.row);
    ready.push({ c, line });
  }
  const { created, unchanged } = await repo.inTransaction(async (t) => {
    const existing = await repo.existingLines(
      ready.map((r) => r.line),
      t,
    );
    const fresh: repo.NewShipment[] = [];
    let unchangedCount = 0;
    for (const { c, line } of ready) {
      const before = existing.get(repo.shipmentKey(line));
      if (!before) fresh.push(line);
      else if (same(line, before)) unchangedCount++;
      else
        err(
          c,
          null,
          `document ${line.documentNumber} line ${line.lineNumber} is stored with other values (${before.shipDate}, ${before.quantity} units, ${before.amount} ${before.currency}): a correction is a new line (a return)`,
        );
    }
    const ids = await repo.insertLines(fresh, actor.userId, t);
    if (ids.length)
      await recordAudit(
        actor,
        {
          action: 'shipments.loaded',
          entityType: 'shipments',
          entityId: `${ids[0]}-${ids[ids.length - 1]}`,
          before: null,
          after: {
            source,
            created: ids.length,
            unchanged: unchangedCount,
            ids: { first: ids[0], last: ids[ids.length - 1] },
            documents: [...new Set(fresh.map((l) => l.documentNumber))].slice(0, 100),
          },
        },
        t,
      );
    return { created: ids.length, unchanged: unchangedCount };
  });
  errors.sort((a, b) => a.row - b.row);
  return { rows, stored: created + unchanged, created, unchanged, errors };
}

/**
 * POST /api/shipments: each line checked on its own. The route shaped each line by its schema;
 * a line it could not shape comes with its problems, an error of its row like any other.
 */
export async function loadShipments(
  actor: Actor,
  lines: ({ row: number; line: ShipmentInput } | { row: number; problems: { field: string | null; message: string }[] })[],
): Promise<LoadResult> {
  const errors: LoadError[] = [];
  const candidates: Candidate[] = [];
  for (const l of lines) {
    const problems = 'problems' in l ? l.problems : shipmentProblems(normalizeShipment(l.line));
    for (const p of problems) errors.push({ row: l.row, line: null, field: p.field, message: p.message });
    if (!problems.length && 'line' in l) candidates.push({ row: l.row, line: null, input: normalizeShipment(l.line) });
  }
  return store(actor, candidates, errors, lines.length, 'api');
}

/** POST /api/shipments/upload: a CSV (SHIPMENT_COLUMNS), read as the master data files are. */
export async function loadShipmentsCsv(
  actor: Actor,
  body: Readable,
  options: { decimalMark: DecimalMark | null; dateOrder: DateOrder | null },
): Promise<LoadResult> {
  const reader = new TableReader(SHIPMENT_COLUMNS);
  for await (const chunk of decodeChunks(body as AsyncIterable<Uint8Array>)) reader.push(chunk);
  const { rows, errors: tableErrors } = reader.end();
  const errors: LoadError[] = tableErrors.map((e: TableError) => ({ ...e }));
  const candidates: Candidate[] = [];
  if (!errors.some((e) => e.row === 1))
    for (const row of rows) {
      if (errors.some((e) => e.row === row.row)) continue;
      const parsed = shipmentFromCells(row.cells, options);
      if (parsed.ok) candidates.push({ row: row.row, line: row.line, input: parsed.value });
      else for (const p of parsed.problems) errors.push({ row: row.row, line: row.line, field: p.field, message: p.message });
    }
  return store(actor, candidates, errors, rows.length, 'csv');
}

/** The shipment lines the caller may see: a distributor user its own (another's distributorId is a 403). */
export const listShipments = (actor: Actor, q: Parameters<typeof repo.listShipments>[1]) =>
  repo.listShipments(scopeOf(actor), { ...q, distributorId: distributorFilter(actor, q.distributorId) });
