/**
 * The rebate side of the ledger (issue 16): the only code that writes `rebate_periods`' amounts
 * and `rebate_consumptions`. Called by the settlement service (settlement.service.ts), never by a
 * feature directly.
 */
import { UniqueConstraintError, type Transaction } from 'sequelize';
import { RebateConsumption, RebatePeriod } from '../../models/rebates.js';

export interface RebatePeriodRow {
  programId: number;
  distributorId: number;
  periodFrom: string;
  periodTo: string;
  currency: string;
  terms: string;
  stacking: string;
  result: string;
  lineCount: number;
  totalQuantity: number;
  totalRevenue: string;
  calculatedAmount: string;
  closedByUserId: number;
}

export interface RebateConsumptionRow {
  posLineId: number;
  invoiceKey: string;
  lineKey: string;
  quantity: number;
  amount: string;
}

/** A closed period, frozen; null when the program's period for the distributor is closed already. */
export async function insertPeriod(row: RebatePeriodRow, transaction: Transaction): Promise<number | null> {
  try {
    const p = await RebatePeriod.create(
      { ...row, status: 'closed', amount: row.calculatedAmount, closedAt: new Date(), adjustmentReason: null } as never,
      { transaction },
    );
    return p.id;
  } catch (err) {
    if (err instanceof UniqueConstraintError) return null;
    throw err;
  }
}

/**
 * The period's consumptions, a thousand rows a statement. False when a unique key refused one (the
 * program counted the sale in another period, or another exclusive program holds it): the caller
 * rolls back.
 */
export async function insertConsumptions(
  period: { id: number; programId: number; distributorId: number; stacking: string },
  rows: readonly RebateConsumptionRow[],
  transaction: Transaction,
): Promise<boolean> {
  const now = new Date();
  try {
    for (let i = 0; i < rows.length; i += 1000)
      await RebateConsumption.bulkCreate(
        rows.slice(i, i + 1000).map((r) => ({
          rebatePeriodId: period.id,
          programId: period.programId,
          distributorId: period.distributorId,
          posLineId: r.posLineId,
          invoiceKey: r.invoiceKey,
          lineKey: r.lineKey,
          stacking: period.stacking,
          exclusive: period.stacking === 'exclusive' ? 1 : null,
          quantity: r.quantity,
          amount: r.amount,
          createdAt: now,
        })),
        { transaction },
      );
    return true;
  } catch (err) {
    if (err instanceof UniqueConstraintError) return false;
    throw err;
  }
}

/** A period locked for a change (MariaDB; SQLite's transaction is the lock). */
export async function lockPeriod(id: number, transaction: Transaction) {
  const p = await RebatePeriod.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
  return p ? p.get({ plain: true }) : null;
}

export async function updatePeriod(
  id: number,
  patch: Partial<
    Pick<
      RebatePeriod,
      | 'status'
      | 'amount'
      | 'adjustmentReason'
      | 'adjustedByUserId'
      | 'adjustedAt'
      | 'authorizedByUserId'
      | 'authorizedAt'
      | 'paidByUserId'
      | 'paidAt'
      | 'creditMemoNumber'
      | 'externalRef'
    >
  >,
  transaction: Transaction,
) {
  await RebatePeriod.update(patch, { where: { id }, transaction });
}
