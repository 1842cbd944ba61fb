/**
 * A server and its workers started together on an empty MariaDB database migrate it one after the
 * other (a named lock in `migrate`): before, two processes applied the same migration at once and
 * one failed ("Duplicate column name"). SQLite is one process's file: nothing to race.
 */
import { QueryTypes } from 'sequelize';
import { openDatabase } from '../../models/database.js';
import { migrations } from '../../models/migrations/index.js';
import { describeDb, dialect, dropTestDatabase, testDatabaseUrl } from '../support/harness.js';

describeDb('migrations started by several processes at once', () => {
  (dialect === 'mariadb' ? it : it.skip)('apply once, every one of them, whoever starts first', async () => {
    const url = testDatabaseUrl();
    const dbs = await Promise.all([
      openDatabase(url, { poolMax: 1 }),
      openDatabase(url, { poolMax: 1 }),
      openDatabase(url, { poolMax: 1 }),
    ]);
    try {
      await Promise.all(dbs.map((d) => d.migrate()));
      const rows = (await dbs[0]!.sequelize.query('SELECT name FROM bec_migrations ORDER BY name', { type: QueryTypes.SELECT })) as {
        name: string;
      }[];
      expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name).sort());
    } finally {
      for (const d of dbs) await d.close();
      await dropTestDatabase(url);
    }
  });
});
