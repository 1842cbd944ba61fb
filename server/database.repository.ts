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

/**
 * How many processes with a pool of `poolMax` connections the MariaDB server takes at once
 * (`max_connections`; null on SQLite), with a warning when it is fewer than two: a server and a
 * worker each hold up to their pool, and a connection refused mid-run fails the run.
 */
export async function connectionRoom(poolMax: number): Promise<{ serverMax: number; processes: number; warning: string | null } | null> {
  if (!concurrentWriters()) return null;
  const [r] = (await sequelize().query('SELECT @@max_connections AS m', { type: QueryTypes.SELECT })) as { m: number | string }[];
  const serverMax = Number(r!.m);
  const processes = Math.floor(serverMax / poolMax);
  const warning =
    processes < 2
      ? `MariaDB takes ${serverMax} connections (max_connections) and this process may hold ${poolMax} (DB_POOL_MAX, else 10 + 6 x WORKER_CONCURRENCY): room for ${processes} such process(es); raise max_connections or lower DB_POOL_MAX before starting a worker beside it`
      : null;
  return { serverMax, processes, warning };
}

/** What a server or worker says at start about its pool against MariaDB's max_connections (nothing on SQLite). */
export async function tellConnectionRoom(poolMax: number): Promise<void> {
  const room = await connectionRoom(poolMax);
  if (room?.warning) console.warn(room.warning);
  else if (room) console.log(`MariaDB takes ${room.serverMax} connections: room for ${room.processes} processes of ${poolMax}`);
}

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
