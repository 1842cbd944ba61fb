/**
 * The adjusters migration on a database made before it: everyone who adjusted a claim's lines
 * (the audit trail's `claim_line.adjusted`, and each line's last adjuster) or a rebate period
 * (`rebate_period.adjusted`) is kept, once each, so the two-person rule sees the first adjuster too.
 */
import { QueryTypes, type Transaction } from 'sequelize';
import { openDatabase, type Database } from '../../models/database.js';
import { describeDb, dropTestDatabase, testDatabaseUrl } from '../support/harness.js';

describeDb('adjusters migration', () => {
  let db: Database;
  const url = testDatabaseUrl();
  beforeAll(async () => {
    db = await openDatabase(url, { poolMax: 2 });
    await db.migrate('20261210T1000-one-consumption-per-line');
  });
  afterAll(async () => {
    await db.close();
    await dropTestDatabase(url);
  });

  it('keeps every adjuster of a claim and of a rebate period from the audit trail and the lines', async () => {
    const s = db.sequelize;
    const mysql = s.getDialect() === 'mysql';
    const now = new Date();
    const insert = async (transaction: Transaction | undefined) => {
      const q = (sql: string, replacements: unknown[] = []) => s.query(sql, { replacements, transaction });
      await q(mysql ? 'SET FOREIGN_KEY_CHECKS = 0' : 'PRAGMA foreign_keys = OFF');
      for (const id of [4, 5, 6])
        await q(`INSERT INTO users (id, email, name, role, active, created_at, updated_at) VALUES (?, ?, 'F', 'finance', 1, ?, ?)`, [
          id,
          `f${id}@x.example`,
          now,
          now,
        ]);
      const line = `INSERT INTO claim_lines (id, claim_id, distributor_id, line_number, invoice_number, invoice_line, invoice_key, line_key,
        invoice_date, quantity, book_cost, claimed_amount, computed_amount, accepted_quantity, approved_amount, verdict, reason_codes,
        adjusted_by_user_id, created_at, updated_at)
        VALUES (?, ?, 7, ?, 'INV', ?, 'INV', ?, '2026-10-01', 1, '1.0000', '1.0000', '1.0000', 1, '1.0000', 'adjusted', '[]', ?, ?, ?)`;
      // claim 10: line 100 adjusted by 4 then by 5 (the line names 5 only); line 101 by 6, with no audit event
      await q(line, [100, 10, 1, '1', '1', 5, now, now]);
      await q(line, [101, 10, 2, '2', '2', 6, now, now]);
      // claim 11: line 110 adjusted by 4, the line's last adjuster since cleared
      await q(line, [110, 11, 1, '3', '3', null, now, now]);
      const event = `INSERT INTO audit_events (occurred_at, actor_user_id, actor_role, action, entity_type, entity_id) VALUES (?, ?, 'finance', ?, ?, ?)`;
      await q(event, [now, 4, 'claim_line.adjusted', 'claim_line', '100']);
      await q(event, [now, 5, 'claim_line.adjusted', 'claim_line', '100']);
      await q(event, [now, 4, 'claim_line.adjusted', 'claim_line', '110']);
      await q(event, [now, 4, 'claim_line.adjusted', 'claim_line', '110']);
      // a line that is gone: no claim to keep it on
      await q(event, [now, 6, 'claim_line.adjusted', 'claim_line', '999']);
      await q(event, [now, 5, 'rebate_period.adjusted', 'rebate_period', '3']);
      await q(event, [now, 6, 'rebate_period.adjusted', 'rebate_period', '3']);
      await q(event, [now, 6, 'rebate_period.closed', 'rebate_period', '3']);
      await q(mysql ? 'SET FOREIGN_KEY_CHECKS = 1' : 'PRAGMA foreign_keys = ON');
    };
    if (mysql) await s.transaction(insert);
    else await insert(undefined);
    await db.migrate('20261211T1000-adjusters');
    const rows = (await s.query(
      'SELECT subject_type AS t, subject_id AS id, user_id AS u FROM adjusters ORDER BY subject_type, subject_id, user_id',
      {
        type: QueryTypes.SELECT,
      },
    )) as { t: string; id: number; u: number }[];
    expect(rows.map((r) => [r.t, Number(r.id), Number(r.u)])).toEqual([
      ['claim', 10, 4],
      ['claim', 10, 5],
      ['claim', 10, 6],
      ['claim', 11, 4],
      ['rebate_period', 3, 5],
      ['rebate_period', 3, 6],
    ]);
  });
});
