/**
 * The journal's SQL: account codes, the ERP switch, closed months, entries and their lines. Only the
 * settlement service writes entries (journal.service.ts, in the transaction of the change they record).
 */
import type { Transaction } from 'sequelize';
import type { AccountTable, JournalLine } from '../../core/finance/journal.js';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Claim, CreditMemo } from '../../models/claims.js';
import { FinanceAccount, FinancePeriod, FinanceSetting, JournalEntry, JournalLineRow } from '../../models/finance.js';
import { RebatePeriod } from '../../models/rebates.js';

const m = (v: string | number) => moneyToString(moneyFromDb(v));

/** Every program type's own account codes. */
export async function accountTable(transaction?: Transaction): Promise<AccountTable> {
  const rows = await FinanceAccount.findAll({ transaction, order: [['programType', 'ASC']] });
  return Object.fromEntries(
    rows.map((r) => [r.programType, { expense: r.expenseAccount, accrued: r.accruedAccount, payable: r.payableAccount }]),
  ) as AccountTable;
}

/** Whether a credit memo needs the ERP's reference before it is paid (off until an administrator says so). */
export async function erpReferenceRequired(transaction?: Transaction): Promise<boolean> {
  const row = await FinanceSetting.findOne({ order: [['id', 'ASC']], transaction });
  return row?.erpReferenceRequired ?? false;
}

/**
 * Whether a month is closed, read with a shared lock: postings into one month run side by side, and
 * a close (which updates or inserts the month's row) waits for them, as they wait for it.
 */
export async function monthClosed(month: string, transaction: Transaction): Promise<boolean> {
  const row = await FinancePeriod.findOne({ where: { month }, transaction, lock: transaction.LOCK.SHARE });
  return row?.status === 'closed';
}

export interface NewEntry {
  kind: string;
  sourceType: string;
  sourceId: number;
  sourceNumber: string;
  distributorId: number;
  programType: string | null;
  currency: string;
  amount: string;
  eventDay: string;
  entryDate: string;
  month: string;
  note: string | null;
  creditMemoNumber: string | null;
  externalRef: string | null;
  createdByUserId: number | null;
}

export async function insertEntry(entry: NewEntry, lines: JournalLine[], transaction: Transaction): Promise<number> {
  const row = await JournalEntry.create({ ...entry, createdAt: new Date() }, { transaction });
  await JournalLineRow.bulkCreate(
    lines.map((l) => ({ entryId: row.id, ...l })),
    { transaction },
  );
  return row.id;
}

/** The amounts of a source's accruals and reversals (what is accrued is their difference). */
export async function accrualsOf(sourceType: string, sourceId: number, transaction: Transaction) {
  const rows = await JournalEntry.findAll({
    where: { sourceType, sourceId, kind: ['accrual', 'reversal'] },
    attributes: ['kind', 'amount'],
    transaction,
  });
  return rows.map((r) => ({ kind: r.kind as 'accrual' | 'reversal', amount: m(r.amount) }));
}

/** What the journal needs of a claim. */
export async function claimForJournal(claimId: number, transaction: Transaction) {
  const c = await Claim.findByPk(claimId, { transaction });
  if (!c) return null;
  return {
    id: c.id,
    number: c.number,
    distributorId: c.distributorId,
    programType: c.programType,
    currency: c.currency,
    status: c.status as string,
    approvedTotal: m(c.approvedTotal),
  };
}

/** What the journal needs of a rebate period: its program's type is always 'rebate'. */
export async function rebatePeriodForJournal(id: number, transaction: Transaction) {
  const p = await RebatePeriod.findByPk(id, { transaction });
  if (!p) return null;
  return {
    id: p.id,
    distributorId: p.distributorId,
    currency: p.currency,
    status: p.status,
    amount: m(p.amount),
    periodTo: p.periodTo,
    creditMemoNumber: p.creditMemoNumber,
  };
}

/** A credit memo by its number (a claim's, or a rebate period's), locked: where its ERP reference is kept. */
export async function creditMemoByNumber(number: string, transaction: Transaction) {
  const memo = await CreditMemo.findOne({ where: { number }, transaction, lock: transaction.LOCK.UPDATE });
  if (memo) return { source: 'claim' as const, sourceId: memo.claimId, distributorId: memo.distributorId, externalRef: memo.externalRef };
  const period = await RebatePeriod.findOne({ where: { creditMemoNumber: number }, transaction, lock: transaction.LOCK.UPDATE });
  if (period)
    return { source: 'rebate_period' as const, sourceId: period.id, distributorId: period.distributorId, externalRef: period.externalRef };
  return null;
}

/** Writes a memo's ERP reference on the memo and on its payment entry (the journal's export shows it). */
export async function setCreditMemoRef(
  memo: { source: 'claim' | 'rebate_period'; sourceId: number },
  number: string,
  externalRef: string,
  transaction: Transaction,
) {
  if (memo.source === 'claim') await CreditMemo.update({ externalRef }, { where: { number }, transaction });
  else await RebatePeriod.update({ externalRef }, { where: { id: memo.sourceId }, transaction });
  await JournalEntry.update({ externalRef }, { where: { kind: 'payment', creditMemoNumber: number }, transaction });
}
