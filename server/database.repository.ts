/**
 * The database as services see it: work done in one transaction, through a handle they only pass
 * on to repository functions, and a ping for the health check. Feature repositories re-export
 * `inTransaction`, so a service asks its own repository and never holds Sequelize.
 */
import { Transaction, type Sequelize } from 'sequelize';
import { Account } from '../models/accounts.js';
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

/** True on MariaDB/MySQL, whose row locks let a long transaction run beside other writers; SQLite has one writer. */
export const concurrentWriters = () => sequelize().getDialect() === 'mysql';

/** Resolves when the database answers a query. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.sequelize.query('SELECT 1');
}
