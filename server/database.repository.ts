/**
 * The database as services see it: work done in one transaction, through a handle they only pass
 * on to repository functions, and a ping for the health check. Feature repositories re-export
 * `inTransaction`, so a service asks its own repository and never holds Sequelize.
 */
import type { Sequelize, Transaction } from 'sequelize';
import { Account } from '../models/accounts.js';
import type { Database } from '../models/database.js';

/** A transaction, opaque to services. */
export type Tx = Transaction;

const sequelize = (): Sequelize => Account.sequelize!;

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export function inTransaction<T>(work: (t: Tx) => Promise<T>): Promise<T> {
  return sequelize().transaction(work);
}

/** Resolves when the database answers a query. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.sequelize.query('SELECT 1');
}
