/**
 * The canonical-key migration on a database made before it: every POS line, claim line and
 * consumption gets its key, and a sale the old ledger held twice under two spellings is not
 * changed silently: the later row is quarantined (its line key marked) and listed in
 * pos_key_collisions, so the unique key can be built and a person can settle it.
 */
import { QueryTypes, type Transaction } from 'sequelize';
import { openDatabase, type Database } from '../../models/database.js';
import { describeDb, dropTestDatabase, testDatabaseUrl } from '../support/harness.js';

describeDb('canonical POS key migration', () => {
  let db: Database;
  const url = testDatabaseUrl();
  beforeAll(async () => {
    db = await openDatabase(url, { poolMax: 2 });
    await db.migrate('20261123T1500-claim-line-indexes');
  });
  afterAll(async () => {
    await db.close();
    await dropTestDatabase(url);
  });

  it('backfills the keys and quarantines a sale held twice', async () => {
    const s = db.sequelize;
    const mysql = s.getDialect() === 'mysql';
    const now = new Date();
    // Rows only: no accounts or claims behind them, so foreign keys are off while they go in
    // (MariaDB: on the transaction's connection; SQLite: on its one connection, outside a transaction).
    const insert = async (transaction: Transaction | undefined) => {
      const q = (sql: string, replacements: unknown[] = []) => s.query(sql, { replacements, transaction });
      await q(mysql ? 'SET FOREIGN_KEY_CHECKS = 0' : 'PRAGMA foreign_keys = OFF');
      const line = `INSERT INTO claim_lines (id, claim_id, distributor_id, line_number, invoice_number, invoice_line, invoice_date, quantity,
        book_cost, claimed_amount, computed_amount, accepted_quantity, approved_amount, verdict, reason_codes, created_at, updated_at)
        VALUES (?, 1, 7, ?, ?, ?, '2026-10-01', 1, '1', '1', '1', 1, '1', 'accepted', '[]', ?, ?)`;
      await q(line, [1, 1, 'INV-9', '1', now, now]);
      await q(line, [2, 2, '\u200binv-9 ', '01', now, now]);
      await q(line, [3, 3, 'INV-10', '1.0', now, now]);
      const use = `INSERT INTO pos_consumptions (distributor_id, invoice_number, invoice_line, claim_line_id, authorization_line_id, quantity, created_at, updated_at)
        VALUES (7, ?, ?, ?, 1, 1, ?, ?)`;
      await q(use, ['INV-9', '1', 1, now, now]);
      await q(use, ['\u200binv-9 ', '01', 2, now, now]);
      await q(use, ['INV-10', '1.0', 3, now, now]);
      const pos = `INSERT INTO pos_lines (distributor_id, invoice_number, invoice_line, invoice_date, quantity, created_at, updated_at)
        VALUES (7, ?, ?, '2026-10-01', 1, ?, ?)`;
      await q(pos, ['INV-9', '1', now, now]);
      await q(pos, ['inv-9', '001', now, now]);
      await q(mysql ? 'SET FOREIGN_KEY_CHECKS = 1' : 'PRAGMA foreign_keys = ON');
    };
    if (mysql) await s.transaction(insert);
    else await insert(undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Up to this change only: the rows above have no accounts or claims behind them, which a later
    // migration that checks foreign keys (exact money on SQLite) rightly refuses.
    await db.migrate('20261201T0910-distributor-currency');
    warn.mockRestore();
    const rows = <T>(sql: string) => s.query(sql, { type: QueryTypes.SELECT }) as Promise<T[]>;
    expect(await rows('SELECT claim_line_id AS l, invoice_key AS k, line_key AS n FROM pos_consumptions ORDER BY claim_line_id')).toEqual([
      { l: 1, k: 'INV-9', n: '1' },
      { l: 2, k: 'INV-9', n: expect.stringMatching(/^1#dup\d+$/) },
      { l: 3, k: 'INV-10', n: '1' },
    ]);
    expect(await rows('SELECT invoice_key AS k, line_key AS n FROM claim_lines ORDER BY id')).toEqual([
      { k: 'INV-9', n: '1' },
      { k: 'INV-9', n: '1' },
      { k: 'INV-10', n: '1' },
    ]);
    const collisions = await rows<{ table_name: string; invoice_line: string }>(
      'SELECT table_name, invoice_number, invoice_line, invoice_key, line_key FROM pos_key_collisions ORDER BY id',
    );
    expect(collisions).toEqual([
      { table_name: 'pos_lines', invoice_number: 'inv-9', invoice_line: '001', invoice_key: 'INV-9', line_key: '1' },
      { table_name: 'pos_consumptions', invoice_number: '\u200binv-9 ', invoice_line: '01', invoice_key: 'INV-9', line_key: '1' },
    ]);
    // The unique key now compares the canonical key: another spelling of INV-10 line 1 is refused.
    await expect(
      s.query(
        `INSERT INTO pos_consumptions (distributor_id, invoice_number, invoice_line, invoice_key, line_key, claim_line_id, authorization_line_id, quantity, created_at, updated_at)
         VALUES (7, 'inv-10', '01', 'INV-10', '1', 3, 1, 1, ?, ?)`,
        { replacements: [now, now] },
      ),
    ).rejects.toThrow();
    // A row without its key is refused on both databases.
    await expect(
      s.query(
        `INSERT INTO pos_consumptions (distributor_id, invoice_number, invoice_line, claim_line_id, authorization_line_id, quantity, created_at, updated_at)
         VALUES (7, 'INV-11', '1', 3, 1, 1, ?, ?)`,
        { replacements: [now, now] },
      ),
    ).rejects.toThrow();
  });
});
