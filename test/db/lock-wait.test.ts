import mysql from 'mysql2/promise';
import { QueryTypes } from 'sequelize';
import sqlite3 from 'sqlite3';
import { writeRows } from '../../models/bulk.js';
import { parseMysqlUrl } from '../../models/database.js';
import { dialect, describeDb, startTestApp, type TestApp } from '../support/harness.js';

/**
 * A transaction that meets another connection's write waits for it (up to the database's lock
 * timeout) instead of failing at once. On SQLite each transaction has a connection of its own,
 * and a connection that waited only node-sqlite3's default second failed with SQLITE_BUSY under
 * load; on MariaDB the row lock is waited for.
 */
describeDb('waiting for another connection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    await t.db.sequelize.query('CREATE TABLE lock_probe (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)');
    await t.db.sequelize.query('INSERT INTO lock_probe (id, v) VALUES (1, 0)');
  });
  afterAll(() => t.close());

  /** Another connection writes the row and holds its lock for `ms`, then commits v + 1. */
  async function holdWrite(ms: number): Promise<() => Promise<void>> {
    if (dialect === 'sqlite') {
      const other = new sqlite3.Database(t.url.slice('sqlite:'.length));
      const run = (sql: string) => new Promise<void>((resolve, reject) => other.run(sql, (err) => (err ? reject(err) : resolve())));
      await run('BEGIN IMMEDIATE');
      await run('UPDATE lock_probe SET v = v + 1 WHERE id = 1');
      const done = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(() => run('COMMIT'));
      return () => done.then(() => new Promise<void>((resolve) => other.close(() => resolve())));
    }
    const c = parseMysqlUrl(t.url);
    const other = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, database: c.database });
    await other.query('START TRANSACTION');
    await other.query('UPDATE lock_probe SET v = v + 1 WHERE id = 1');
    const done = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(() => other.query('COMMIT'));
    return () => done.then(() => other.end());
  }

  const value = async (id: number) =>
    Number(
      (
        (await t.db.sequelize.query('SELECT v FROM lock_probe WHERE id = ?', { replacements: [id], type: QueryTypes.SELECT })) as {
          v: number;
        }[]
      )[0]?.v,
    );

  it('lets a transaction wait for a write held for longer than a second, then go on', async () => {
    const release = await holdWrite(1500);
    const started = Date.now();
    await t.db.sequelize.transaction(async (tx) => {
      await t.db.sequelize.query('UPDATE lock_probe SET v = v + 10 WHERE id = 1', { transaction: tx });
    });
    await release();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    // Both writes landed, the waiting one after the other.
    expect(await value(1)).toBe(11);
  });

  it("lets a bulk write in a transaction (the driver's own connection, no retries) wait too", async () => {
    const release = await holdWrite(1500);
    await t.db.sequelize.transaction(async (tx) => {
      // The transaction's first write is the bulk writer's.
      expect(await writeRows(t.db.sequelize, 'lock_probe', ['id', 'v'], [[2, 7]], { transaction: tx })).toBe(1);
      await t.db.sequelize.query('UPDATE lock_probe SET v = v + 100 WHERE id = 1', { transaction: tx });
    });
    await release();
    expect([await value(1), await value(2)]).toEqual([112, 7]);
  });

  it('lets a transaction that reads before it writes wait for the lock too (SQLite: BEGIN IMMEDIATE)', async () => {
    await t.db.sequelize.query('INSERT INTO lock_probe (id, v) VALUES (3, 0)');
    const release = await holdWrite(500);
    const started = Date.now();
    // A DEFERRED transaction on SQLite would read here, then fail its write with SQLITE_BUSY at
    // once (a reader cannot upgrade past another writer; the busy handler is not called).
    await t.db.sequelize.transaction(async (tx) => {
      await t.db.sequelize.query('SELECT v FROM lock_probe WHERE id = 3', { transaction: tx, type: QueryTypes.SELECT });
      await t.db.sequelize.query('UPDATE lock_probe SET v = v + 1 WHERE id = 3', { transaction: tx });
    });
    await release();
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect([await value(1), await value(3)]).toEqual([113, 1]);
  });
});
