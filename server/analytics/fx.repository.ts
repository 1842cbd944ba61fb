/**
 * Exchange rates in the database (table `fx_rates`, migration 20261206T1100-fx-rates): the one
 * store every conversion to the base currency reads. Rates are exact decimal text on the way in
 * and out (DECIMAL(24,10) on MariaDB, text on SQLite).
 */
import { decimalTextSql } from '../../models/money-sql.js';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { canonicalRate, type FxRate } from '../../core/analytics/fx.js';
import { Account } from '../../models/accounts.js';

export { inTransaction } from '../database.repository.js';

const db = (): Sequelize => Account.sequelize!;

export interface StoredRate extends FxRate {
  source: string;
  updatedByUserId: number;
  updatedAt: string;
}

const asDay = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);
const rowOf = (r: Record<string, unknown>): StoredRate => ({
  from: String(r.from_currency),
  to: String(r.to_currency),
  effectiveDate: asDay(r.effective_date),
  rate: canonicalRate(String(r.rate)),
  source: String(r.source),
  updatedByUserId: Number(r.updated_by_user_id),
  updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : new Date(String(r.updated_at)).toISOString(),
});

/** The rates, optionally of one `from` currency, up to a day; by pair, then newest day first. */
export async function listRates(
  filter: { from?: string; to?: string; until?: string } = {},
  transaction?: Transaction,
): Promise<StoredRate[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [column, value] of [
    ['from_currency = ?', filter.from],
    ['to_currency = ?', filter.to],
    ['effective_date <= ?', filter.until],
  ] as const)
    if (value) {
      where.push(column);
      params.push(value);
    }
  const rows = (await db().query(
    `SELECT from_currency, to_currency, effective_date, ${decimalTextSql(db().getDialect(), 'rate')} AS rate,
            source, updated_by_user_id, updated_at
       FROM fx_rates${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY from_currency, to_currency, effective_date DESC`,
    { replacements: params, type: QueryTypes.SELECT, transaction },
  )) as Record<string, unknown>[];
  return rows.map(rowOf);
}

/** The stored rate of a pair on a day, if any (locked for update on MariaDB inside `transaction`). */
export async function rateOf(from: string, to: string, day: string, transaction: Transaction): Promise<StoredRate | null> {
  return (await listRates({ from, to }, transaction)).find((r) => r.effectiveDate === day) ?? null;
}

/** Writes a pair's rate for a day: a new row, or the day's row changed. */
export async function putRate(rate: FxRate, source: string, userId: number, exists: boolean, transaction: Transaction): Promise<void> {
  const now = new Date();
  // The text form is exact on both dialects; MariaDB reads it into DECIMAL(24,10) without a float.
  const stored = rate.rate;
  if (exists)
    await db().query(
      `UPDATE fx_rates SET rate = ?, source = ?, updated_by_user_id = ?, updated_at = ?
        WHERE from_currency = ? AND to_currency = ? AND effective_date = ?`,
      { replacements: [stored, source, userId, now, rate.from, rate.to, rate.effectiveDate], transaction },
    );
  else
    await db().query(
      `INSERT INTO fx_rates (from_currency, to_currency, effective_date, rate, source, updated_by_user_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      { replacements: [rate.from, rate.to, rate.effectiveDate, stored, source, userId, now, now], transaction },
    );
}
