/** The reads and the line update the settlement service needs, besides the ledger's own SQL. */
import { rollClaimFigures } from '../reports/rollups.repository.js';
import { QueryTypes, type Transaction } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Authorization, AuthorizationLine } from '../../models/authorizations.js';
import { Claim, ClaimLine, CreditMemoDebit, SettlementDebit } from '../../models/claims.js';
import { rowsOf } from '../database.repository.js';
import { instantText } from '../../models/bulk.js';

const m = (v: string | number) => moneyToString(moneyFromDb(v));

/** A claim line as the settlement service reads it (locked on MariaDB for the transaction). */
/** A claim's status, read in the transaction (null: no such claim). */
export async function claimStatusOf(claimId: number, transaction: Transaction): Promise<string | null> {
  const c = await Claim.findByPk(claimId, { attributes: ['status'], transaction });
  return c ? c.status : null;
}

export async function lineForSettlement(claimId: number, lineId: number, transaction: Transaction) {
  const l = await ClaimLine.findOne({ where: { id: lineId, claimId }, transaction, lock: transaction.LOCK.UPDATE });
  if (!l) return null;
  return {
    id: l.id,
    lineNumber: l.lineNumber,
    invoiceNumber: l.invoiceNumber,
    invoiceLine: l.invoiceLine,
    invoiceKey: l.invoiceKey,
    lineKey: l.lineKey,
    quantity: l.quantity,
    acceptedQuantity: l.acceptedQuantity,
    authorizationLineId: l.authorizationLineId,
    verdict: l.verdict as string,
    invoiceDate: l.invoiceDate,
    bookCost: m(l.bookCost),
    claimedAmount: m(l.claimedAmount),
    computedAmount: m(l.computedAmount),
    approvedAmount: m(l.approvedAmount),
    reasonCodes: JSON.parse(l.reasonCodes) as string[],
  };
}

/** An authorization line with its authorization's number, distributor and status. */
export async function authorizationLineOf(id: number, transaction: Transaction) {
  const line = await AuthorizationLine.findByPk(id, { transaction });
  if (!line) return null;
  const a = await Authorization.findByPk(line.authorizationId, { transaction });
  if (!a) return null;
  return {
    id: line.id,
    number: a.number,
    distributorId: a.distributorId,
    status: a.status,
    productId: line.productId,
    authorizedCost: m(line.authorizedCost),
  };
}

/** The claim line whose consumption holds this sale, for a clear refusal. */
export async function payingLineOf(distributorId: number, invoiceKey: string, lineKey: string, transaction: Transaction) {
  const [row] = (await Claim.sequelize!.query(
    `SELECT c.number AS claimNumber, l.line_number AS lineNumber FROM pos_consumptions p
       JOIN claim_lines l ON l.id = p.claim_line_id JOIN claims c ON c.id = l.claim_id
      WHERE p.distributor_id = ? AND p.invoice_key = ? AND p.line_key = ?`,
    { replacements: [distributorId, invoiceKey, lineKey], type: 'SELECT', transaction },
  )) as { claimNumber: string; lineNumber: number }[];
  return row ?? null;
}

export async function updateLineSettlement(
  id: number,
  patch: {
    verdict: string;
    approvedAmount: string;
    computedAmount: string;
    acceptedQuantity: number;
    reasonCodes: string[];
    adjustedByUserId: number;
    authorizationLineId: number | null;
  },
  transaction: Transaction,
) {
  await ClaimLine.update(
    {
      verdict: patch.verdict as ClaimLine['verdict'],
      approvedAmount: patch.approvedAmount,
      computedAmount: patch.computedAmount,
      authorizationLineId: patch.authorizationLineId,
      acceptedQuantity: patch.acceptedQuantity,
      reasonCodes: JSON.stringify(patch.reasonCodes),
      adjustedByUserId: patch.adjustedByUserId,
    },
    { where: { id }, transaction },
  );
}

/** A return line with the claim line that pays its sale (null when none does), as the debit reads it. */
export interface ReturnOfSale {
  returnId: number;
  distributorId: number;
  invoiceNumber: string;
  invoiceLine: string;
  returned: number | string;
  rowNumber: number | null;
  claimLineId: number | null;
  accepted: number | null;
  approved: string | number | null;
  currency: string | null;
  claimNumber: string | null;
  claimStatus: string | null;
  reversedBefore: number | string;
  settled: number | string;
}

const RETURN_OF_SALE = `r.id AS returnId, r.distributor_id AS distributorId, r.invoice_number AS invoiceNumber, r.invoice_line AS invoiceLine,
            -r.quantity AS returned, r.file_row AS rowNumber,
            l.id AS claimLineId, l.accepted_quantity AS accepted, l.approved_amount AS approved, c.currency AS currency,
            c.number AS claimNumber, c.status AS claimStatus,
            (SELECT COALESCE(SUM(d.quantity), 0) FROM settlement_debits d WHERE d.claim_line_id = l.id) AS reversedBefore,
            (SELECT COUNT(*) FROM settlement_debits d WHERE d.return_pos_line_id = r.id) AS settled`;

/** The return lines of an import with the sale each returns, where a claim line pays that sale. */
export async function returnsOfImport(importId: number, transaction: Transaction): Promise<ReturnOfSale[]> {
  const lines = await rowsOf('pos_lines', 'import_id', importId, transaction, 'r');
  return (await Claim.sequelize!.query(
    `SELECT ${RETURN_OF_SALE}
       FROM pos_lines r
       LEFT JOIN pos_consumptions p ON p.distributor_id = r.distributor_id AND p.invoice_key = r.invoice_key AND p.line_key = r.line_key
       LEFT JOIN claim_lines l ON l.id = p.claim_line_id
       LEFT JOIN claims c ON c.id = l.claim_id
      WHERE ${lines.where} AND r.quantity < 0
      ORDER BY r.id`,
    { replacements: lines.params, type: QueryTypes.SELECT, transaction },
  )) as ReturnOfSale[];
}

/**
 * The return lines, of any import, of the sales a claim's lines pay: each taking line's sale
 * looked up among the distributor's returns by the POS lines' unique key (one probe a line).
 */
export async function returnsOfClaim(claimId: number, transaction: Transaction): Promise<ReturnOfSale[]> {
  const lines = await rowsOf('claim_lines', 'claim_id', claimId, transaction, 'l');
  return (await Claim.sequelize!.query(
    `SELECT ${RETURN_OF_SALE}
       FROM claim_lines l
       JOIN claims c ON c.id = l.claim_id
       JOIN pos_consumptions p ON p.claim_line_id = l.id
       JOIN pos_lines r ON r.distributor_id = p.distributor_id AND r.invoice_key = p.invoice_key AND r.line_key = p.line_key AND r.is_return = ?
      WHERE ${lines.where} AND r.quantity < 0
      ORDER BY r.id`,
    { replacements: [true, ...lines.params], type: QueryTypes.SELECT, transaction },
  )) as ReturnOfSale[];
}

export async function insertDebit(
  d: {
    distributorId: number;
    currency: string;
    claimLineId: number;
    returnPosLineId: number;
    quantity: number;
    amount: string;
    userId: number;
  },
  transaction: Transaction,
) {
  const row = await SettlementDebit.create(
    {
      distributorId: d.distributorId,
      currency: d.currency,
      claimLineId: d.claimLineId,
      returnPosLineId: d.returnPosLineId,
      quantity: d.quantity,
      amount: d.amount,
      appliedAmount: '0.0000',
      status: 'open',
      createdByUserId: d.userId,
    },
    { transaction },
  );
  return row.id;
}

/** The distributor's open debits in a currency, oldest first, locked for the memo being issued. */
export async function openDebits(distributorId: number, currency: string, transaction: Transaction) {
  const rows = await SettlementDebit.findAll({
    where: { distributorId, currency, status: 'open' },
    order: [['id', 'ASC']],
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  return rows.map((r) => ({ id: r.id, amount: m(r.amount), appliedAmount: m(r.appliedAmount) }));
}

/** Records that a credit memo took `amount` of a debit; the debit is applied once nothing is left of it. */
export async function applyDebit(creditMemoId: number, debitId: number, amount: string, fully: boolean, transaction: Transaction) {
  await CreditMemoDebit.create({ creditMemoId, debitId, amount, createdAt: new Date() }, { transaction });
  const d = (await SettlementDebit.findByPk(debitId, { transaction }))!;
  await d.update(
    { appliedAmount: moneyToString(moneyFromDb(d.appliedAmount).plus(amount)), status: fully ? 'applied' : 'open' },
    { transaction },
  );
}

/** The debits a credit memo took, with the return and sale behind each. */
export async function debitsOfMemo(creditMemoId: number) {
  const rows = await CreditMemoDebit.findAll({ where: { creditMemoId }, order: [['id', 'ASC']] });
  return rows.map((r) => ({ debitId: r.debitId, amount: m(r.amount) }));
}

/** A distributor's debits (all, or those still open), newest first. */
export async function listDebits(distributorId: number | null, status: 'open' | 'applied' | null, limit: number) {
  const where: Record<string, unknown> = {};
  if (distributorId !== null) where.distributorId = distributorId;
  if (status) where.status = status;
  const rows = await SettlementDebit.findAll({ where, order: [['id', 'DESC']], limit });
  return rows.map((r) => ({
    id: r.id,
    distributorId: r.distributorId,
    currency: r.currency,
    claimLineId: r.claimLineId,
    returnPosLineId: r.returnPosLineId,
    quantity: r.quantity,
    amount: m(r.amount),
    appliedAmount: m(r.appliedAmount),
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  }));
}

/**
 * The claim lines in review (their claim submitted, not yet authorized) that hold a sale on these
 * authorization lines for an invoice dated on or after `from`: what a cancellation releases.
 */
export async function linesInReviewOn(authorizationLineIds: number[], from: string, transaction: Transaction) {
  if (!authorizationLineIds.length) return [];
  const rows = (await ClaimLine.sequelize!.query(
    `SELECT l.id AS id, l.claim_id AS claimId, l.reason_codes AS reasonCodes, l.computed_amount AS computedAmount, l.authorization_line_id AS authorizationLineId
       FROM claim_lines l JOIN claims c ON c.id = l.claim_id JOIN pos_consumptions p ON p.claim_line_id = l.id
      WHERE c.status = 'submitted' AND l.authorization_line_id IN (${authorizationLineIds.map(() => '?').join(',')}) AND l.invoice_date >= ?
      ORDER BY l.id`,
    { replacements: [...authorizationLineIds, from], type: QueryTypes.SELECT, transaction },
  )) as { id: number; claimId: number; reasonCodes: string; computedAmount: string | number; authorizationLineId: number }[];
  return rows.map((r) => ({
    id: Number(r.id),
    claimId: Number(r.claimId),
    reasonCodes: JSON.parse(r.reasonCodes) as string[],
    computedAmount: m(r.computedAmount),
    authorizationLineId: Number(r.authorizationLineId),
  }));
}

export async function updateClaimTotals(
  claimId: number,
  totals: { computedTotal: string; approvedTotal: string },
  transaction: Transaction,
) {
  await Claim.update(totals, { where: { id: claimId }, transaction });
  await rollClaimFigures(claimId, transaction);
}

/** What a second person authorizes: a claim or a rebate period. */
export type AdjustedSubject = 'claim' | 'rebate_period';

/**
 * Records that a user changed an amount of a claim or a rebate period (table `adjusters`, migration
 * 20261211T1000): the two-person rule reads everyone who ever did, not only the last.
 */
export async function recordAdjuster(subject: AdjustedSubject, id: number, userId: number, transaction: Transaction) {
  const db = Claim.sequelize!;
  const ignore = db.getDialect() === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
  await db.query(`${ignore} INTO adjusters (subject_type, subject_id, user_id, created_at) VALUES (?, ?, ?, ?)`, {
    replacements: [subject, id, userId, instantText(db, new Date())],
    transaction,
  });
}

/** Everyone who ever changed an amount of each claim or period, ascending, by id (an id nobody adjusted: []). */
export async function adjustersOf(
  subject: AdjustedSubject,
  ids: readonly number[],
  transaction?: Transaction,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = (await Claim.sequelize!.query(
    `SELECT subject_id AS id, user_id AS userId FROM adjusters WHERE subject_type = ? AND subject_id IN (${ids.map(() => '?').join(', ')}) ORDER BY user_id`,
    { replacements: [subject, ...ids], type: QueryTypes.SELECT, transaction },
  )) as { id: number | string; userId: number | string }[];
  for (const r of rows) out.get(Number(r.id))?.push(Number(r.userId));
  return out;
}
