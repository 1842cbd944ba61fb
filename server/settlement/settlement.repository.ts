/** The reads and the line update the settlement service needs, besides the ledger's own SQL. */
import { Op, type Transaction } from 'sequelize';
import { BookCost } from '../../models/catalog.js';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Authorization, AuthorizationLine } from '../../models/authorizations.js';
import { Claim, ClaimLine } from '../../models/claims.js';

const m = (v: string | number) => moneyToString(moneyFromDb(v));

/** A claim line as the settlement service reads it (locked on MariaDB for the transaction). */
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

/** The vendor's book cost on record for a distributor and product on a date, if any. */
export async function recordedBookCost(distributorId: number, productId: number, date: string, transaction: Transaction) {
  const row = await BookCost.findOne({
    where: {
      distributorId,
      productId,
      effectiveFrom: { [Op.lte]: date },
      [Op.or]: [{ effectiveTo: null }, { effectiveTo: { [Op.gte]: date } }],
    },
    order: [['effectiveFrom', 'DESC']],
    transaction,
  });
  return row ? m(row.cost) : null;
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
