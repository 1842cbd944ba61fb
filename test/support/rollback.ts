import type { Sequelize, Transaction } from 'sequelize';

class Rollback extends Error {
  constructor(readonly result: unknown) {
    super('rollback');
  }
}

/** Runs `work` in a transaction that is rolled back, and returns what it returned: two ways of doing one thing compared on the same rows. */
export async function rolledBack<T>(db: Sequelize, work: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new Rollback(await work(tx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.result as T;
    throw err;
  }
  throw new Error('not rolled back');
}
