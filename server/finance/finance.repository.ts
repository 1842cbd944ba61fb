/** The finance hand-off's reads and its configuration writes (the journal itself is written by server/settlement). */
import { Op, QueryTypes, type Transaction } from 'sequelize';
import type { JournalEntryHead, JournalKind, JournalLine, JournalSource } from '../../core/finance/journal.js';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { FinanceAccount, FinancePeriod, FinanceSetting, JournalEntry, JournalLineRow } from '../../models/finance.js';
import { moneyFromUnits, sumMoneySql } from '../../models/money-sql.js';
import { inTransaction, type Tx } from '../database.repository.js';

export { inTransaction, type Tx };
export { accountTable, erpReferenceRequired } from '../settlement/journal.repository.js';

const m = (v: string | number) => moneyToString(moneyFromDb(v));
const sequelize = () => JournalEntry.sequelize!;

export async function setErpReferenceRequired(value: boolean, userId: number, transaction: Transaction) {
  const row = await FinanceSetting.findOne({ order: [['id', 'ASC']], transaction, lock: transaction.LOCK.UPDATE });
  if (row) await row.update({ erpReferenceRequired: value, updatedByUserId: userId }, { transaction });
  else await FinanceSetting.create({ erpReferenceRequired: value, updatedByUserId: userId }, { transaction });
}

export async function upsertAccounts(
  programType: string,
  codes: { expense: string; accrued: string; payable: string },
  userId: number,
  transaction: Transaction,
) {
  const values = { expenseAccount: codes.expense, accruedAccount: codes.accrued, payableAccount: codes.payable, updatedByUserId: userId };
  const row = await FinanceAccount.findOne({ where: { programType }, transaction, lock: transaction.LOCK.UPDATE });
  if (row) await row.update(values, { transaction });
  else await FinanceAccount.create({ programType, ...values }, { transaction });
}

// ---- credit memos: a claim's (credit_memos) and a rebate period's (on its row), one list ----------

export interface CreditMemoRow {
  number: string;
  source: JournalSource;
  sourceId: number;
  sourceNumber: string;
  distributorId: number;
  currency: string;
  amount: string;
  erpReference: string | null;
  issuedAt: Date;
}

/** Both kinds of memo as one relation: rank orders a claim's before a rebate's at the same instant. */
const MEMOS = `
  SELECT 'claim' AS source, 0 AS rank_, m.id AS id, m.number AS number, m.claim_id AS source_id, c.number AS source_number,
         m.distributor_id AS distributor_id, m.currency AS currency, m.amount AS amount, m.external_ref AS external_ref, m.issued_at AS issued_at
    FROM credit_memos m JOIN claims c ON c.id = m.claim_id
  UNION ALL
  SELECT 'rebate_period', 1, p.id, p.credit_memo_number, p.id, p.credit_memo_number,
         p.distributor_id, p.currency, p.amount, p.external_ref, p.paid_at
    FROM rebate_periods p WHERE p.credit_memo_number IS NOT NULL AND p.paid_at IS NOT NULL`;

export interface MemoFilter {
  distributorId: number | null;
  from?: string;
  to?: string;
}

function memoWhere(f: MemoFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.distributorId !== null) {
    where.push('u.distributor_id = ?');
    params.push(f.distributorId);
  }
  if (f.from) {
    where.push('u.issued_at >= ?');
    params.push(new Date(`${f.from}T00:00:00.000Z`));
  }
  if (f.to) {
    where.push('u.issued_at < ?');
    params.push(new Date(Date.parse(`${f.to}T00:00:00.000Z`) + 86_400_000));
  }
  return { where, params };
}

/**
 * An instant as a statement parameter, to the millisecond: Sequelize writes a Date parameter
 * without its milliseconds on MariaDB, so a cursor inside one second skipped the memos after it.
 */
const instantParam = (d: Date) => (sequelize().getDialect() === 'sqlite' ? d : d.toISOString().slice(0, 23).replace('T', ' '));

/** A page of memos, newest first; `after` is the last row's key [issued at (ms), rank, id]. */
export async function creditMemoPage(
  f: MemoFilter,
  after: number[] | undefined,
  limit: number,
): Promise<(CreditMemoRow & { key: number[] })[]> {
  const { where, params } = memoWhere(f);
  if (after) {
    const [ms, rank, id] = after as [number, number, number];
    const at = instantParam(new Date(ms));
    where.push('(u.issued_at < ? OR (u.issued_at = ? AND (u.rank_ > ? OR (u.rank_ = ? AND u.id < ?))))');
    params.push(at, at, rank, rank, id);
  }
  const rows = (await sequelize().query(
    `SELECT * FROM (${MEMOS}) u ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.issued_at DESC, u.rank_ ASC, u.id DESC LIMIT ?`,
    { replacements: [...params, limit], type: QueryTypes.SELECT },
  )) as Record<string, unknown>[];
  return rows.map((r) => {
    const issuedAt = r.issued_at instanceof Date ? r.issued_at : new Date(String(r.issued_at));
    return {
      number: String(r.number),
      source: r.source as JournalSource,
      sourceId: Number(r.source_id),
      sourceNumber: r.source === 'claim' ? String(r.source_number) : `RP-${Number(r.source_id)}`,
      distributorId: Number(r.distributor_id),
      currency: String(r.currency),
      amount: m(r.amount as string),
      erpReference: (r.external_ref as string | null) ?? null,
      issuedAt,
      key: [issuedAt.getTime(), Number(r.rank_), Number(r.id)],
    };
  });
}

/** The memos' total and count per currency, over the whole filter (never added across currencies). */
export async function creditMemoTotals(f: MemoFilter) {
  const { where, params } = memoWhere(f);
  const rows = (await sequelize().query(
    `SELECT u.currency AS currency, COUNT(*) AS n, ${sumMoneySql(sequelize(), 'u.amount')} AS total
       FROM (${MEMOS}) u ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY u.currency ORDER BY u.currency`,
    { replacements: params, type: QueryTypes.SELECT },
  )) as { currency: string; n: number | string; total: unknown }[];
  return rows.map((r) => ({ currency: r.currency, count: Number(r.n), amount: moneyFromUnits(r.total) }));
}

// ---- the journal ----------------------------------------------------------------------------

export interface EntryRow extends JournalEntryHead {
  id: number;
  amount: string;
  eventDay: string;
  createdAt: Date;
  lines: JournalLine[];
}

async function withLines(entries: JournalEntry[], transaction?: Transaction): Promise<EntryRow[]> {
  const lines = new Map<number, JournalLine[]>();
  const ids = entries.map((e) => e.id);
  for (let i = 0; i < ids.length; i += 1000)
    for (const l of await JournalLineRow.findAll({ where: { entryId: ids.slice(i, i + 1000) }, order: [['id', 'ASC']], transaction })) {
      const list = lines.get(l.entryId) ?? [];
      list.push({ account: l.account, debit: m(l.debit), credit: m(l.credit) });
      lines.set(l.entryId, list);
    }
  return entries.map((e) => ({
    id: e.id,
    kind: e.kind as JournalKind,
    source: e.sourceType as JournalSource,
    sourceId: e.sourceId,
    sourceNumber: e.sourceNumber,
    distributorId: e.distributorId,
    programType: e.programType,
    currency: e.currency,
    amount: m(e.amount),
    eventDay: e.eventDay,
    entryDate: e.entryDate,
    month: e.month,
    note: e.note,
    creditMemoNumber: e.creditMemoNumber,
    erpReference: e.externalRef,
    createdAt: e.createdAt,
    lines: lines.get(e.id) ?? [],
  }));
}

/** The entries posted on days from `from` to `to` (inclusive), oldest first. */
export async function entriesBetween(from: string | undefined, to: string | undefined) {
  const entryDate: Record<symbol, string> = {};
  if (from) entryDate[Op.gte] = from;
  if (to) entryDate[Op.lte] = to;
  const where = from || to ? { entryDate } : {};
  return withLines(
    await JournalEntry.findAll({
      where,
      order: [
        ['entryDate', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
  );
}

/** The entries posted into a month (its figures), in the caller's transaction when there is one. */
export async function entriesOfMonth(month: string, transaction?: Transaction) {
  return withLines(await JournalEntry.findAll({ where: { month }, order: [['id', 'ASC']], transaction }), transaction);
}

// ---- month closes -----------------------------------------------------------------------------

export async function periodOf(month: string, transaction?: Transaction) {
  return FinancePeriod.findOne({ where: { month }, transaction, ...(transaction ? { lock: transaction.LOCK.UPDATE } : {}) });
}

/** The months with journal entries or a close, newest first. */
export async function listMonths(): Promise<string[]> {
  const rows = (await sequelize().query('SELECT month FROM journal_entries UNION SELECT month FROM finance_periods ORDER BY month DESC', {
    type: QueryTypes.SELECT,
  })) as { month: string }[];
  return rows.map((r) => r.month);
}

/**
 * Marks a month closed (a new row, or the reopened one's), before its figures are read: the row's
 * lock makes postings into the month wait, and the figures then read all that was committed.
 */
export async function markClosed(month: string, userId: number, transaction: Transaction) {
  const values = { status: 'closed', closedByUserId: userId, closedAt: new Date() };
  const row = await periodOf(month, transaction);
  if (row) await row.update(values, { transaction });
  else await FinancePeriod.create({ month, ...values, figures: null }, { transaction });
}

export async function storeFigures(month: string, figures: string, transaction: Transaction) {
  await FinancePeriod.update({ figures }, { where: { month }, transaction });
}

export async function reopenPeriod(month: string, reason: string, userId: number, transaction: Transaction) {
  await FinancePeriod.update(
    { status: 'open', reopenedByUserId: userId, reopenedAt: new Date(), reopenReason: reason },
    { where: { month }, transaction },
  );
}
