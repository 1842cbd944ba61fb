/**
 * The SQL of claims built in bulk from a POS import: the facts the engine needs (in a handful of
 * queries for the whole import), the import's unclaimed lines in keyset pages, and one page's
 * writes in one transaction: lock the authorization lines, write the claim lines, take the
 * ledger's consumptions and count the quantities, all set-based.
 */
import type { Transaction } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { RowBatch, writeRows } from '../../models/bulk.js';
import { rowsOf } from '../database.repository.js';
import { claimLinesOf, consumedKeys, select, type LineScope } from '../settlement/ledger.repository.js';
import { joinPosKey } from '../../core/claims/pos-key.js';
import { moneyFromUnits, sumMoneySql } from '../../models/money-sql.js';
import type { PosRow } from '../imports/imports.repository.js';
import { sequelize } from './claims.repository.js';

const m = (v: string | number) => moneyToString(moneyFromDb(v));
const day = (v: unknown) => String(v).slice(0, 10);

/** A POS line of an import as a bulk claim run reads it. */
export type PagePosLine = Omit<PosRow, 'extra'> & {
  id: number;
  productId: number | null;
  /** the master end customer POS enrichment linked the line's name to */
  endCustomerId: number | null;
  /** the unmapped columns, as stored (JSON) */
  extra: string | null;
  /** the ledger already holds this POS line (another claim or program) */
  consumed: boolean;
  /** the row of the file it came from (the header is row 1) */
  fileRow: number | null;
};

const money = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : m(v as number));

/**
 * The next page of the import's sales (returns are settled apart) that no claim line has tried yet, in file order. Lines the
 * ledger already holds come too, flagged, so they are rejected as already claimed rather than
 * silently dropped.
 */
export async function nextPage(
  distributorId: number,
  importId: number,
  afterId: number,
  limit: number,
  mode: 'implicit' | 'automatic' | 'both',
  /** false when no claim line names a POS line of the import (`anyClaimed`): nothing to leave out */
  someClaimed = true,
): Promise<PagePosLine[]> {
  const which =
    mode === 'implicit' ? ' AND p.authorization_number IS NOT NULL' : mode === 'automatic' ? ' AND p.authorization_number IS NULL' : '';
  const rows = await select<Record<string, unknown>>(
    `SELECT p.id, p.invoice_number, p.invoice_line, p.invoice_key, p.line_key, p.invoice_date, p.ship_date, p.product_id, p.vendor_part_number,
            p.distributor_part_number, p.quantity, p.resale_price, p.book_cost, p.authorized_cost, p.claimed_amount,
            p.authorization_number, p.end_customer_id, p.end_customer_name, p.customer_po, p.debit_memo_number, p.extra, p.file_row
       FROM pos_lines p
       -- A join, not NOT EXISTS: MariaDB materialized NOT EXISTS as the set of every claimed POS line
       -- for each page (a million-line import: 242 of its 291 seconds); the join probes the index per row.
       ${someClaimed ? 'LEFT JOIN claim_lines l ON l.pos_line_id = p.id' : ''}
      WHERE p.import_id = ? AND p.id > ?${which}${someClaimed ? ' AND l.id IS NULL' : ''} AND p.quantity > 0
      ORDER BY p.id
      LIMIT ${Math.floor(limit)}`,
    [importId, afterId],
    null,
    true,
  );
  // What the ledger holds of the page's sales: the claim file's read (one statement of the page's
  // invoice keys), not a probe per line (EXISTS per row cost MariaDB 15 s for a million lines).
  const held = await consumedKeys(
    distributorId,
    rows.map((r) => String(r.invoice_key)),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    invoiceNumber: String(r.invoice_number),
    invoiceLine: String(r.invoice_line),
    invoiceKey: String(r.invoice_key),
    lineKey: String(r.line_key),
    invoiceDate: day(r.invoice_date),
    shipDate: r.ship_date === null ? null : day(r.ship_date),
    productId: r.product_id === null ? null : Number(r.product_id),
    vendorPartNumber: r.vendor_part_number as string | null,
    distributorPartNumber: r.distributor_part_number as string | null,
    quantity: Number(r.quantity),
    resalePrice: money(r.resale_price),
    bookCost: money(r.book_cost),
    authorizedCost: money(r.authorized_cost),
    claimedAmount: money(r.claimed_amount),
    authorizationNumber: r.authorization_number as string | null,
    endCustomerId: r.end_customer_id === null ? null : Number(r.end_customer_id),
    endCustomerName: r.end_customer_name as string | null,
    customerPo: r.customer_po as string | null,
    debitMemoNumber: r.debit_memo_number as string | null,
    extra: r.extra as string | null,
    consumed: held.has(joinPosKey(String(r.invoice_key), String(r.line_key))),
    fileRow: r.file_row === null || r.file_row === undefined ? null : Number(r.file_row),
  }));
}

/**
 * Whether any claim line names a POS line of the import (an earlier run's): when none does, a
 * run's pages need not leave claimed lines out (its own are behind its keyset). One probe of the
 * claim lines' POS-line index over the import's stretch of POS line ids.
 */
export async function anyClaimed(importId: number): Promise<boolean> {
  const lines = await rowsOf('pos_lines', 'import_id', importId);
  const [, lo, hi] = lines.params;
  const rows = await select<{ one: number }>('SELECT 1 AS one FROM claim_lines WHERE pos_line_id BETWEEN ? AND ? LIMIT 1', [lo, hi]);
  return rows.length > 0;
}

/** A claim line row's columns (see claimLineCells); distributor_id and the time stamps are constants of a load. */
export const CLAIM_LINE_COLUMNS = [
  'claim_id',
  'line_number',
  'authorization_number',
  'authorization_line_id',
  'authorization_version',
  'product_id',
  'vendor_part_number',
  'distributor_part_number',
  'end_customer_id',
  'end_customer_name',
  'invoice_number',
  'invoice_line',
  'invoice_date',
  'ship_date',
  'quantity',
  'book_cost',
  'authorized_cost',
  'resale_price',
  'claimed_amount',
  'computed_amount',
  'accepted_quantity',
  'approved_amount',
  'verdict',
  'reason_codes',
  'rule',
  'verdict_inputs',
  'extra',
  'pos_line_id',
  'invoice_key',
  'line_key',
] as const;

/** Each claim line column's place in a row: the codec writes cells by name (`row[CLAIM_LINE.invoice_key]`), never by a number. */
export const CLAIM_LINE = Object.freeze(
  Object.fromEntries(CLAIM_LINE_COLUMNS.map((c, i) => [c, i])) as { readonly [C in (typeof CLAIM_LINE_COLUMNS)[number]]: number },
);

/** The columns every claim line of one load shares. */
export const claimLineConstants = (distributorId: number, now = new Date()) => ({
  distributor_id: distributorId,
  created_at: now,
  updated_at: now,
});

/** A batch to add claim line rows to (`CLAIM_LINE_COLUMNS`), in the database's bulk format. */
export const newClaimLineBatch = () => new RowBatch(sequelize());

/**
 * Claim lines in bulk: a POS claim page's (in the page's transaction, the settlement service's
 * ledger step follows) or a claim file's batch (`transaction` null: on a connection of its own).
 */
export async function writePage(rows: RowBatch, distributorId: number, transaction: Transaction | null) {
  const db = sequelize();
  const lineCount = rows.length;
  // Every reference in these rows was read in this transaction or run: the claim, the authorization
  // line (locked), the product, the distributor.
  const written = await writeRows(db, 'claim_lines', CLAIM_LINE_COLUMNS, rows, {
    transaction,
    trustedReferences: true,
    constants: claimLineConstants(distributorId),
  });
  if (written !== lineCount) throw new Error(`claim lines: ${written} of ${lineCount} rows written`);
}

/**
 * Claim line batches written on connections of their own while a bulk run goes on reading and
 * validating (a claim file's rows, a POS import's pages): `inFlight` loads at a time; the first
 * failure is kept and thrown by the next `add` or by `drain`.
 */
export class ClaimLineLoads {
  private readonly loads: Promise<void>[] = [];
  private failed: unknown = null;
  constructor(
    private readonly distributorId: number,
    private readonly inFlight = 2,
  ) {}

  /** Starts writing `rows` (no wait): call `room()` before building the next batch. */
  start(rows: RowBatch) {
    if (this.failed) throw this.failed;
    const load = writePage(rows, this.distributorId, null).catch((err: unknown) => {
      this.failed ??= err;
      throw err;
    });
    load.catch(() => undefined);
    this.loads.push(load);
  }

  /** Resolves once fewer than `inFlight` loads are on their way. */
  async room() {
    while (this.loads.length >= this.inFlight) await this.loads.shift();
    if (this.failed) throw this.failed;
  }

  /** Waits for every load; throws the first failure. */
  async drain() {
    while (this.loads.length) await this.loads.shift()!.catch(() => undefined);
    if (this.failed) throw this.failed;
  }

  /** The first failure, if any (a run stops on it). */
  get failure(): unknown {
    return this.failed;
  }
}

/** A claim's totals as its lines sum them. */
export interface ClaimTotals {
  lines: number;
  rejected: number;
  claimedTotal: string;
  computedTotal: string;
  approvedTotal: string;
}

/**
 * The totals of the claims whose lines `scope` reads (one claim's, a bulk run's), by claim id,
 * exact: sums of 1/10,000 integer units on both dialects (models/money-sql.ts).
 */
export async function totalsOf(scope: LineScope, transaction?: Transaction): Promise<Map<number, ClaimTotals>> {
  const sum = (c: string) => sumMoneySql(sequelize(), c);
  const rows = await select<Record<string, unknown>>(
    `SELECT claim_id AS claimId, COUNT(*) AS n, ${sum('claimed_amount')} AS claimed, ${sum('computed_amount')} AS computed,
            ${sum('approved_amount')} AS approved, SUM(CASE WHEN verdict = 'rejected' THEN 1 ELSE 0 END) AS rejected
       FROM claim_lines WHERE ${scope.where} GROUP BY claim_id`,
    scope.params,
    transaction,
  );
  return new Map(
    rows.map((r) => [
      Number(r.claimId),
      {
        lines: Number(r.n),
        rejected: Number(r.rejected ?? 0),
        claimedTotal: moneyFromUnits(r.claimed),
        computedTotal: moneyFromUnits(r.computed),
        approvedTotal: moneyFromUnits(r.approved),
      },
    ]),
  );
}

/** A claim without lines. */
export const NO_LINES: ClaimTotals = { lines: 0, rejected: 0, claimedTotal: '0.0000', computedTotal: '0.0000', approvedTotal: '0.0000' };

/** One claim's totals from its lines (`totalsOf` its stretch). */
export async function claimTotals(claimId: number, transaction?: Transaction): Promise<ClaimTotals> {
  return (await totalsOf(await claimLinesOf(claimId, transaction), transaction)).get(claimId) ?? NO_LINES;
}

/** Draft claims a bulk run of this import left behind (it stopped part-way): they are finished first. */
export async function unfinishedClaims(importId: number): Promise<number[]> {
  const rows = await select<{ id: number }>(`SELECT id FROM claims WHERE pos_import_id = ? AND status = 'draft' ORDER BY id`, [importId]);
  return rows.map((r) => Number(r.id));
}
