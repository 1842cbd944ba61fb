/**
 * The database as services see it: work done in one transaction, through a handle they only pass
 * on to repository functions, and a ping for the health check. Feature repositories re-export
 * `inTransaction`, so a service asks its own repository and never holds Sequelize.
 */
import { QueryTypes, Transaction, type Sequelize } from 'sequelize';
import { Account } from '../models/accounts.js';
import { withNamedLock } from '../models/bulk.js';
import type { Database } from '../models/database.js';

/** A transaction, opaque to services. */
export type Tx = Transaction;

const sequelize = (): Sequelize => Account.sequelize!;

/**
 * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. On
 * SQLite it begins IMMEDIATE (models/database.ts). `readCommitted`: MariaDB's READ COMMITTED, for a
 * transaction that must see rows other connections commit while it runs (a claim file's ledger).
 */
export function inTransaction<T>(work: (t: Tx) => Promise<T>, options: { readCommitted?: boolean } = {}): Promise<T> {
  return options.readCommitted && concurrentWriters()
    ? sequelize().transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.READ_COMMITTED }, work)
    : sequelize().transaction(work);
}

/**
 * Runs `work` as the only holder of `name` across every process on the database (MariaDB's named
 * lock; one process on SQLite): a second caller waits, up to an hour, for the first to end.
 */
export const exclusively = <T>(name: string, work: () => Promise<T>): Promise<T> => withNamedLock(sequelize(), name, 3600, work);

/** True on MariaDB/MySQL, whose row locks let a long transaction run beside other writers; SQLite has one writer. */
export const concurrentWriters = () => sequelize().getDialect() === 'mysql';

/** Resolves when the database answers a query. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.sequelize.query('SELECT 1');
}

/**
 * The rows of one parent in a bulk-written table, as the database can read them fast:
 * `parent = ? AND id BETWEEN ? AND ?`. A claim's lines, an import's POS lines are written
 * together, so they lie in one stretch of the primary key; with the range a statement reads that
 * stretch, where `parent = ?` alone let MariaDB scan the whole table once a few parents hold most
 * of it (its index on the parent then looks unselective). The bounds come from the parent's own
 * index entries. `alias`: the table's alias in the caller's statement.
 */
export async function rowsOf(
  table: 'claim_lines' | 'pos_lines',
  parent: 'claim_id' | 'import_id',
  id: number,
  transaction?: Transaction | null,
  alias = '',
): Promise<{ where: string; params: number[] }> {
  const [r] = (await sequelize().query(`SELECT MIN(id) AS lo, MAX(id) AS hi FROM ${table} WHERE ${parent} = ?`, {
    replacements: [id],
    type: QueryTypes.SELECT,
    transaction: transaction ?? undefined,
  })) as { lo: number | string | null; hi: number | string | null }[];
  const a = alias ? `${alias}.` : '';
  return { where: `${a}${parent} = ? AND ${a}id BETWEEN ? AND ?`, params: [id, Number(r?.lo ?? 0), Number(r?.hi ?? 0)] };
}
