/**
 * One line of writers on SQLite. SQLite has one write lock; Sequelize runs each managed
 * transaction on a connection of its own (queued one after another in models/database.ts) and
 * every other statement on a shared connection. A write on the shared connection (an import's
 * rows, an idempotency record, an audit event) used to wait for the lock in SQLite's busy handler,
 * which polls: with transactions following one another back to back, the poll kept missing the
 * gaps and the write failed with SQLITE_BUSY after the busy timeout (seen under load as a 500 on
 * POST /api/imports). Here such a write takes its turn in the same queue as the transactions.
 *
 * A write issued inside a transaction's callback without that transaction would wait for its own
 * transaction: the turn is therefore given up after `MAX_TURN_WAIT_MS`, and the statement then
 * meets the busy handler as before.
 */
import type { Sequelize } from 'sequelize';

const MAX_TURN_WAIT_MS = 10_000;
const queues = new WeakMap<Sequelize, { tail: Promise<unknown> }>();

function queueOf(sequelize: Sequelize) {
  let q = queues.get(sequelize);
  if (!q) queues.set(sequelize, (q = { tail: Promise.resolve() }));
  return q;
}

/** Runs `work` when the writers queued before it are done (a transaction, or a write outside one). */
export function inWriteTurn<T>(sequelize: Sequelize, work: () => Promise<T>, capped = false): Promise<T> {
  const q = queueOf(sequelize);
  const before = capped ? Promise.race([q.tail, new Promise((resolve) => setTimeout(resolve, MAX_TURN_WAIT_MS).unref())]) : q.tail;
  const result = before.then(work, work);
  q.tail = result.catch(() => undefined);
  return result;
}

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/** True for a statement that writes. */
export const isWrite = (sql: unknown) =>
  WRITE.test(typeof sql === 'string' ? sql : String((sql as { query?: unknown } | null)?.query ?? ''));
