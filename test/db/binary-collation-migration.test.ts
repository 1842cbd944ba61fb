/**
 * Text compares binary on both databases, whatever collation the MariaDB database was created
 * with: an operator's database made with the server's default (here `utf8mb4_general_ci`, case-
 * and accent-insensitive) is converted by the migration, its data kept, and afterwards two sales
 * whose canonical keys differ only by an accent (`MÜLLER-1`, `MULLER-1`) are two sales: both POS
 * lines are stored, and both claim lines are paid, on MariaDB as on SQLite.
 */
import mysql from 'mysql2/promise';
import { QueryTypes } from 'sequelize';
import { openDatabase, parseMysqlUrl } from '../../models/database.js';
import { seedDemo } from '../../server/seed/demo.js';
import {
  approvedAuthorization,
  bearerOf,
  describeDb,
  dialect,
  startTestApp,
  testDatabaseUrl,
  USERS,
  type TestApp,
} from '../support/harness.js';

describeDb('binary collation', () => {
  let t: TestApp;
  const url = testDatabaseUrl();
  let before: { name: string }[] = [];
  beforeAll(async () => {
    if (dialect === 'mariadb') {
      const c = parseMysqlUrl(url);
      const conn = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password });
      await conn.query(`CREATE DATABASE \`${c.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
      await conn.end();
    }
    // A database in use before the migration: the schema up to the one before it, and the demo's data.
    const db = await openDatabase(url, { poolMax: 2 });
    await db.migrate('20261212T1000-canonical-debit-memo-key');
    await seedDemo();
    await db.sequelize.query("UPDATE accounts SET name = 'Müller Elektronik GmbH' WHERE id = 1");
    before = (await db.sequelize.query('SELECT name FROM accounts ORDER BY id', { type: QueryTypes.SELECT })) as { name: string }[];
    if (dialect === 'mariadb') {
      const [col] = (await db.sequelize.query(
        `SELECT COLLATION_NAME AS c FROM information_schema.COLUMNS
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'pos_lines' AND COLUMN_NAME = 'invoice_key'`,
        { type: QueryTypes.SELECT },
      )) as { c: string }[];
      expect(col!.c).toBe('utf8mb4_general_ci');
    }
    await db.close();
    t = await startTestApp({ url, seed: false });
  });
  afterAll(() => t.close());

  const q = <T>(sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;

  it('converts every text column to the binary collation and keeps the data', async () => {
    expect(await q<{ name: string }>('SELECT name FROM accounts ORDER BY id')).toEqual(before);
    expect(before[0]!.name).toBe('Müller Elektronik GmbH');
    if (dialect !== 'mariadb') return;
    const others = await q<{ t: string; c: string; collation: string }>(
      `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLLATION_NAME AS collation FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND COLLATION_NAME IS NOT NULL AND COLLATION_NAME <> 'utf8mb4_bin'`,
    );
    expect(others).toEqual([]);
    const [schema] = await q<{ c: string }>(
      'SELECT DEFAULT_COLLATION_NAME AS c FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()',
    );
    expect(schema!.c).toBe('utf8mb4_bin');
  });

  it('keeps two sales whose keys differ by an accent apart: both POS lines stored, both claim lines paid', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '5.9270', justification: 'collation' });
    const line = (invoiceNumber: string) => ({
      authorizationNumber: auth.number,
      vendorPartNumber: 'VS-ADC-24S',
      endCustomerName: 'Cascade Robotics',
      invoiceNumber,
      invoiceLine: '1',
      invoiceDate: '2026-10-15',
      quantity: 2,
      bookCost: '6.1000',
      authorizedCost: '5.9270',
    });
    const csv = [
      'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Book Cost,Authorized Cost,Authorization Number,End Customer',
      `MÜLLER-1,1,2026-10-15,VS-ADC-24S,2,6.1000,5.9270,${auth.number},Cascade Robotics`,
      `MULLER-1,1,2026-10-15,VS-ADC-24S,2,6.1000,5.9270,${auth.number},Cascade Robotics`,
    ].join('\n');
    const imported = await t.http
      .post('/api/imports?wait=true')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(imported.status).toBe(201);
    const stored = await q<{ k: string }>(
      "SELECT invoice_key AS k FROM pos_lines WHERE invoice_key IN ('MÜLLER-1', 'MULLER-1') ORDER BY invoice_key",
    );
    expect(stored.map((r) => r.k).sort()).toEqual(['MULLER-1', 'MÜLLER-1']);

    const claim = await arrow.post('/api/claims', { currency: 'USD', submit: true, lines: [line('MÜLLER-1'), line('MULLER-1')] });
    expect(claim.status).toBe(201);
    // Both take their sale (the amount may be cut to the authorization's; neither is already claimed).
    const verdicts = (claim.body as { lines: { verdict: string; reasonCodes: string[] }[] }).lines;
    expect(verdicts.map((l) => l.verdict !== 'rejected' && !l.reasonCodes.includes('ALREADY_CLAIMED'))).toEqual([true, true]);
    const held = await q<{ k: string }>("SELECT invoice_key AS k FROM pos_consumptions WHERE invoice_key IN ('MÜLLER-1', 'MULLER-1')");
    expect(held.map((r) => r.k).sort()).toEqual(['MULLER-1', 'MÜLLER-1']);
    // The same sale again is still one sale: refused as already claimed.
    const again = await arrow.post('/api/claims', { currency: 'USD', submit: true, lines: [line('müller-1')] });
    expect(again.status).toBe(201);
    expect((again.body as { lines: { reasonCodes: string[] }[] }).lines[0]!.reasonCodes).toContain('ALREADY_CLAIMED');
  });
});
