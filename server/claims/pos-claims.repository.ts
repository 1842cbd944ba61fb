/**
 * The SQL of claims built in bulk from a POS import: the facts the engine needs (in a handful of
 * queries for the whole import), the import's unclaimed lines in keyset pages, and one page's
 * writes in one transaction: lock the authorization lines, write the claim lines, take the
 * ledger's consumptions and count the quantities, all set-based.
 */
import { QueryTypes, type Transaction } from 'sequelize';
import type { AuthorizationLineFact } from '../../core/claims/engine.js';
import type { ProgramType } from '../../core/domain.js';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { posKey } from '../../core/claims/rules.js';
import { rawMysql, writeRows, type RowBatch } from '../../models/bulk.js';
import { moneyFromUnits, sumMoneySql } from '../../models/money-sql.js';
import type { PosRow } from '../imports/pos-rows.js';
import { sequelize } from './claims.repository.js';

const mysql = () => sequelize().getDialect() === 'mysql';
const m = (v: string | number) => moneyToString(moneyFromDb(v));
const day = (v: unknown) => String(v).slice(0, 10);

async function select<T>(sql: string, replacements: unknown[], transaction?: Transaction | null): Promise<T[]> {
  if (mysql()) return (await rawMysql(sequelize(), sql, replacements, { transaction })) as unknown as T[];
  return (await sequelize().query(sql, { replacements, type: QueryTypes.SELECT, transaction: transaction ?? undefined })) as T[];
}

/** Runs a write and returns the rows it changed. */
async function exec(sql: string, replacements: unknown[], transaction: Transaction, trustedReferences = false): Promise<number> {
  if (mysql()) return (await rawMysql(sequelize(), sql, replacements, { transaction, trustedReferences })).affectedRows;
  await sequelize().query(sql, { replacements, transaction });
  const [r] = (await sequelize().query('SELECT changes() AS n', { type: QueryTypes.SELECT, transaction })) as { n: number }[];
  return Number(r!.n);
}

export interface MatchableAuthorizationLine {
  authorizationLineId: number;
  authorizationNumber: string;
  productId: number;
  endCustomerName: string | null;
  authorizedCost: string;
  remaining: number;
  validFrom: string;
  validTo: string;
}

/**
 * Every active authorization line the import's lines can reach: those of the authorization
 * numbers they carry (any distributor: the engine tells "not issued to you" from "not found") and,
 * when lines are to be matched automatically, all of this distributor's.
 */
export async function authorizationFacts(importId: number, distributorId: number, ownToo: boolean): Promise<AuthorizationLineFact[]> {
  return factsWhere(
    `(a.number IN (SELECT DISTINCT authorization_number FROM pos_lines WHERE import_id = ? AND authorization_number IS NOT NULL)
      ${ownToo ? 'OR a.distributor_id = ?' : ''})`,
    ownToo ? [importId, distributorId] : [importId],
  );
}

/**
 * The active lines of these authorization numbers (any distributor), for a claim file read as it
 * streams. This distributor's lines are locked first, in id order, in the run's ledger
 * transaction: the quantities read stay true until the run commits.
 */
export async function authorizationFactsForNumbers(numbers: string[], distributorId: number, transaction: Transaction | null) {
  const out: AuthorizationLineFact[] = [];
  for (let i = 0; i < numbers.length; i += 1000) {
    const part = numbers.slice(i, i + 1000);
    const list = part.map(() => '?').join(',');
    if (mysql())
      await select(
        `SELECT l.id FROM authorization_lines l JOIN authorizations a ON a.id = l.authorization_id
          WHERE a.number IN (${list}) AND a.distributor_id = ? AND a.status = 'active' ORDER BY l.id FOR UPDATE`,
        [...part, distributorId],
        transaction,
      );
    out.push(...(await factsWhere(`a.number IN (${list})`, part, transaction)));
  }
  return out;
}

async function factsWhere(condition: string, params: unknown[], transaction?: Transaction | null): Promise<AuthorizationLineFact[]> {
  const rows = await select<Record<string, unknown>>(
    `SELECT l.id AS lineId, a.id AS authorizationId, a.number AS number, a.version AS version, a.distributor_id AS distributorId,
            l.product_id AS productId, p.vendor_part_number AS vendorPart, l.end_customer_id AS endCustomerId, e.name AS endCustomerName,
            l.authorized_cost AS authorizedCost, l.approved_quantity AS approved, l.consumed_quantity AS consumed,
            l.valid_from AS validFrom, l.valid_to AS validTo, g.id AS programId, g.type AS programType, g.required_claim_fields AS required
       FROM authorization_lines l
       JOIN authorizations a ON a.id = l.authorization_id
       JOIN programs g ON g.id = a.program_id
       JOIN products p ON p.id = l.product_id
       LEFT JOIN accounts e ON e.id = l.end_customer_id
      WHERE a.status = 'active' AND ${condition}
      ORDER BY l.id`,
    params,
    transaction,
  );
  return rows.map((r) => ({
    authorizationId: Number(r.authorizationId),
    authorizationLineId: Number(r.lineId),
    authorizationNumber: String(r.number),
    authorizationVersion: Number(r.version),
    distributorId: Number(r.distributorId),
    productId: Number(r.productId),
    vendorPartNumber: String(r.vendorPart),
    endCustomerId: r.endCustomerId === null ? null : Number(r.endCustomerId),
    endCustomerName: (r.endCustomerName as string | null) ?? null,
    authorizedCost: m(r.authorizedCost as string),
    approvedQuantity: Number(r.approved),
    consumedQuantity: Number(r.consumed),
    validFrom: day(r.validFrom),
    validTo: day(r.validTo),
    programId: Number(r.programId),
    programType: r.programType as ProgramType,
    requiredFields: JSON.parse(String(r.required ?? '[]')) as string[],
  }));
}

/** The POS keys (posKey form) among these invoices that the ledger already holds for the distributor. */
export async function consumedKeys(
  distributorId: number,
  invoiceNumbers: string[],
  transaction?: Transaction | null,
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < invoiceNumbers.length; i += 2000) {
    const part = invoiceNumbers.slice(i, i + 2000);
    const rows = await select<{ invoiceNumber: string; invoiceLine: string }>(
      `SELECT invoice_number AS invoiceNumber, invoice_line AS invoiceLine FROM pos_consumptions
        WHERE distributor_id = ? AND invoice_number IN (${part.map(() => '?').join(',')})`,
      [distributorId, ...part],
      transaction,
    );
    for (const r of rows) out.add(posKey(r.invoiceNumber, r.invoiceLine));
  }
  return out;
}

/**
 * A claim file's ledger, in the run's transaction once its lines are written: the accepted lines
 * take their POS lines (a POS line another claim or program took meanwhile is skipped by the
 * unique key, and its line is then rejected as already claimed), and, unless the caller moves them
 * itself (`counters: false`), the authorization lines count what was taken, under the CHECK /
 * trigger that keeps consumed within approved. `expected`: the claim's accepted lines.
 */
export async function settleClaimLedger(claimId: number, expected: number, transaction: Transaction, options = { counters: true }) {
  const ignore = mysql() ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
  const lines = `claim_id = ? AND ${ACCEPTED}`;
  const taken = await exec(
    `${ignore} INTO pos_consumptions (distributor_id, invoice_number, invoice_line, claim_line_id, authorization_line_id, quantity, created_at, updated_at)
     SELECT distributor_id, invoice_number, invoice_line, id, authorization_line_id, accepted_quantity, created_at, created_at
       FROM claim_lines WHERE ${lines} ORDER BY line_number`,
    [claimId],
    transaction,
    true,
  );
  const lost = { accepted: 0, partial: 0 };
  if (taken < expected) {
    const missing = `${lines} AND NOT EXISTS (SELECT 1 FROM pos_consumptions c WHERE c.claim_line_id = claim_lines.id)`;
    for (const r of await select<{ verdict: 'accepted' | 'partial'; n: number }>(
      `SELECT verdict, COUNT(*) AS n FROM claim_lines WHERE ${missing} GROUP BY verdict`,
      [claimId],
      transaction,
    ))
      lost[r.verdict] = Number(r.n);
    await exec(
      `UPDATE claim_lines SET verdict = 'rejected', reason_codes = '["ALREADY_CLAIMED"]', rule = 'notAlreadyClaimed',
              accepted_quantity = 0, computed_amount = 0, approved_amount = 0
        WHERE ${missing}`,
      [claimId],
      transaction,
    );
  }
  // After the compensation above, the claim's accepted lines are exactly its consumptions.
  if (options.counters) await countClaimConsumptions(claimId, transaction);
  return { taken, lost };
}

/** Claim lines that take quantity (and a POS line): accepted or cut, with something left. */
const ACCEPTED = "accepted_quantity > 0 AND verdict <> 'rejected'";

/**
 * The authorization lines count what the accepted claim lines matching `where` took, summed in SQL
 * from those lines, under the CHECK / trigger that keeps consumed within approved.
 */
async function countFromLines(where: string, params: unknown[], transaction: Transaction) {
  const sums = `SELECT authorization_line_id AS id, SUM(accepted_quantity) AS q FROM claim_lines
                 WHERE (${where}) AND ${ACCEPTED} GROUP BY authorization_line_id`;
  await exec(
    mysql()
      ? `UPDATE authorization_lines a JOIN (${sums}) t ON t.id = a.id SET a.consumed_quantity = a.consumed_quantity + t.q`
      : `UPDATE authorization_lines SET consumed_quantity = consumed_quantity + t.q FROM (${sums}) AS t WHERE t.id = authorization_lines.id`,
    params,
    transaction,
  );
}

/**
 * The authorization lines count what a claim's accepted lines took; after settleClaimLedger's
 * compensation those are exactly its consumptions.
 */
export const countClaimConsumptions = (claimId: number, transaction: Transaction) => countFromLines('claim_id = ?', [claimId], transaction);

/**
 * Moves the authorization lines' counters by quantities the caller summed from the lines whose
 * consumptions it took (authorization line id → quantity), a thousand lines a statement, under the
 * CHECK / trigger that keeps consumed within approved.
 */
export async function addConsumedQuantities(sums: ReadonlyMap<number, number>, transaction: Transaction) {
  const entries = [...sums].filter(([, q]) => q > 0);
  for (let i = 0; i < entries.length; i += 1000) {
    const part = entries.slice(i, i + 1000);
    await exec(
      `UPDATE authorization_lines SET consumed_quantity = consumed_quantity + CASE id ${part.map(() => 'WHEN ? THEN ?').join(' ')} END
        WHERE id IN (${part.map(() => '?').join(',')})`,
      [...part.flat(), ...part.map(([id]) => id)],
      transaction,
    );
  }
}

/** The products the import's part numbers name: vendor part → id, and this distributor's own parts → id. */
export async function importParts(importId: number, distributorId: number) {
  const [vendor, own] = await Promise.all([
    select<{ id: number; part: string }>(
      `SELECT id, vendor_part_number AS part FROM products
        WHERE vendor_part_number IN (SELECT DISTINCT vendor_part_number FROM pos_lines WHERE import_id = ? AND vendor_part_number IS NOT NULL)`,
      [importId],
    ),
    select<{ id: number; part: string }>(
      `SELECT product_id AS id, distributor_part_number AS part FROM product_part_mappings
        WHERE distributor_id = ?
          AND distributor_part_number IN (SELECT DISTINCT distributor_part_number FROM pos_lines WHERE import_id = ? AND distributor_part_number IS NOT NULL)`,
      [distributorId, importId],
    ),
  ]);
  return {
    byVendorPart: new Map(vendor.map((r) => [r.part, Number(r.id)])),
    byDistributorPart: new Map(own.map((r) => [r.part, Number(r.id)])),
  };
}

/** productId → book cost periods (effective from/to), newest first: the vendor's cost wins over the claimed one. */
export async function bookCosts(distributorId: number) {
  const rows = await select<{ productId: number; cost: string | number; effectiveFrom: string; effectiveTo: string | null }>(
    `SELECT product_id AS productId, cost, effective_from AS effectiveFrom, effective_to AS effectiveTo FROM book_costs WHERE distributor_id = ? ORDER BY effective_from DESC`,
    [distributorId],
  );
  const byProduct = new Map<number, { cost: string; from: string; to: string | null }[]>();
  for (const r of rows) {
    const list = byProduct.get(Number(r.productId)) ?? [];
    list.push({ cost: m(r.cost), from: day(r.effectiveFrom), to: r.effectiveTo ? day(r.effectiveTo) : null });
    byProduct.set(Number(r.productId), list);
  }
  return (productId: number, date: string): string | null =>
    byProduct.get(productId)?.find((b) => b.from <= date && (b.to === null || b.to >= date))?.cost ?? null;
}

/** A POS line of an import as a bulk claim run reads it. */
export type PagePosLine = Omit<PosRow, 'extra'> & {
  id: number;
  productId: number | null;
  /** the unmapped columns, as stored (JSON) */
  extra: string | null;
  /** the ledger already holds this POS line (another claim or program) */
  consumed: boolean;
};

const money = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : m(v as number));

/**
 * The next page of the import's lines that no claim line has tried yet, in file order. Lines the
 * ledger already holds come too, flagged, so they are rejected as already claimed rather than
 * silently dropped.
 */
export async function nextPage(
  importId: number,
  afterId: number,
  limit: number,
  mode: 'implicit' | 'automatic' | 'both',
  transaction?: Transaction,
): Promise<PagePosLine[]> {
  const which =
    mode === 'implicit' ? ' AND p.authorization_number IS NOT NULL' : mode === 'automatic' ? ' AND p.authorization_number IS NULL' : '';
  const rows = await select<Record<string, unknown>>(
    `SELECT p.id, p.invoice_number, p.invoice_line, p.invoice_date, p.ship_date, p.product_id, p.vendor_part_number,
            p.distributor_part_number, p.quantity, p.resale_price, p.book_cost, p.authorized_cost, p.claimed_amount,
            p.authorization_number, p.end_customer_name, p.customer_po, p.debit_memo_number, p.extra,
            CASE WHEN EXISTS (SELECT 1 FROM pos_consumptions c WHERE c.distributor_id = p.distributor_id
                                AND c.invoice_number = p.invoice_number AND c.invoice_line = p.invoice_line) THEN 1 ELSE 0 END AS consumed
       FROM pos_lines p
       -- A join, not NOT EXISTS: MariaDB materialized NOT EXISTS as the set of every claimed POS line
       -- for each page (a million-line import: 242 of its 291 seconds); the join probes the index per row.
       LEFT JOIN claim_lines l ON l.pos_line_id = p.id
      WHERE p.import_id = ? AND p.id > ?${which} AND l.id IS NULL
      ORDER BY p.id
      LIMIT ${Math.floor(limit)}`,
    [importId, afterId],
    transaction,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    invoiceNumber: String(r.invoice_number),
    invoiceLine: String(r.invoice_line),
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
    endCustomerName: r.end_customer_name as string | null,
    customerPo: r.customer_po as string | null,
    debitMemoNumber: r.debit_memo_number as string | null,
    extra: r.extra as string | null,
    consumed: Number(r.consumed) === 1,
  }));
}

/**
 * Locks the authorization lines of these authorization numbers (in id order, as a claim's submit
 * does, so the two queue instead of deadlocking) and reads what each still has to give.
 */
export async function lockAvailable(authorizationNumbers: string[], transaction: Transaction): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < authorizationNumbers.length; i += 1000) {
    const part = authorizationNumbers.slice(i, i + 1000);
    const rows = await select<{ id: number; available: number | string }>(
      `SELECT l.id, l.approved_quantity - l.consumed_quantity AS available
         FROM authorization_lines l JOIN authorizations a ON a.id = l.authorization_id
        WHERE a.number IN (${part.map(() => '?').join(',')}) ORDER BY l.id${mysql() ? ' FOR UPDATE' : ''}`,
      part,
      transaction,
    );
    for (const r of rows) out.set(Number(r.id), Number(r.available));
  }
  return out;
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
] as const;

/** The columns every claim line of one load shares. */
export const claimLineConstants = (distributorId: number, now = new Date()) => ({
  distributor_id: distributorId,
  created_at: now,
  updated_at: now,
});

/** The claim lines one page added to one claim: line numbers first..last. */
export interface ClaimRange {
  claimId: number;
  first: number;
  last: number;
}

/**
 * One page's writes, inside the page's transaction: the claim lines, then the ledger. The
 * consumptions are derived in SQL from the accepted lines just written (no second trip for their
 * ids); a POS line the ledger already holds fails the statement on its unique key, and the
 * authorization lines' counters move by the sum of those consumptions under the CHECK / trigger
 * that keeps consumed within approved. Returns the number of consumptions taken.
 */
export async function writePage(
  rows: RowBatch,
  distributorId: number,
  ranges: ClaimRange[],
  expectedConsumptions: number,
  transaction: Transaction,
) {
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
  if (!ranges.length || expectedConsumptions === 0) return 0;
  const where = ranges.map(() => '(claim_id = ? AND line_number BETWEEN ? AND ?)').join(' OR ');
  const params = ranges.flatMap((r) => [r.claimId, r.first, r.last]);
  const taken = `SELECT distributor_id, invoice_number, invoice_line, id, authorization_line_id, accepted_quantity, created_at
                   FROM claim_lines WHERE (${where}) AND ${ACCEPTED}`;
  const count = await exec(
    `INSERT INTO pos_consumptions (distributor_id, invoice_number, invoice_line, claim_line_id, authorization_line_id, quantity, created_at, updated_at)
     SELECT distributor_id, invoice_number, invoice_line, id, authorization_line_id, accepted_quantity, created_at, created_at FROM (${taken}) AS t`,
    params,
    transaction,
    true,
  );
  if (count !== expectedConsumptions) throw new Error(`ledger: ${count} of ${expectedConsumptions} consumptions taken`);
  await countFromLines(where, params, transaction);
  return count;
}

/** A claim's totals, exact, from its lines: sums of 1/10,000 integer units on both dialects (models/money-sql.ts). */
export async function claimTotals(claimId: number, transaction?: Transaction) {
  const sum = (c: string) => sumMoneySql(sequelize(), c);
  const [r] = await select<Record<string, unknown>>(
    `SELECT COUNT(*) AS n, ${sum('claimed_amount')} AS claimed, ${sum('computed_amount')} AS computed, ${sum('approved_amount')} AS approved,
            SUM(CASE WHEN verdict = 'rejected' THEN 1 ELSE 0 END) AS rejected
       FROM claim_lines WHERE claim_id = ?`,
    [claimId],
    transaction,
  );
  return {
    lines: Number(r!.n),
    rejected: Number(r!.rejected ?? 0),
    claimedTotal: moneyFromUnits(r!.claimed),
    computedTotal: moneyFromUnits(r!.computed),
    approvedTotal: moneyFromUnits(r!.approved),
  };
}

/** Draft claims a bulk run of this import left behind (it stopped part-way): they are finished first. */
export async function unfinishedClaims(importId: number): Promise<number[]> {
  const rows = await select<{ id: number }>(`SELECT id FROM claims WHERE pos_import_id = ? AND status = 'draft' ORDER BY id`, [importId]);
  return rows.map((r) => Number(r.id));
}
