import { QueryTypes } from 'sequelize';
import { describeDb, startTestApp, type TestApp } from '../support/harness.js';

/** The promises the database keeps by itself, whatever the code does. */
describeDb('database-enforced invariants', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses to update or delete an audit event', async () => {
    const q = t.db.sequelize;
    // Sequelize wraps SQLite's RAISE(ABORT) in a generic error: the trigger's words are in the driver's error.
    const refusal = (sql: string) =>
      q.query(sql).then(
        () => 'accepted',
        (e: { original?: Error; message: string }) => e.original?.message ?? e.message,
      );
    expect(await refusal("UPDATE audit_events SET action = 'forged'")).toMatch(/append-only/);
    expect(await refusal('DELETE FROM audit_events')).toMatch(/append-only/);
    const [row] = await q.query("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'forged'", { type: QueryTypes.SELECT });
    expect(Number((row as { n: number }).n)).toBe(0);
  });

  it('refuses a consumed quantity above the approved quantity', async () => {
    await expect(t.db.sequelize.query('UPDATE authorization_lines SET consumed_quantity = approved_quantity + 1')).rejects.toThrow();
  });

  it('refuses to consume the same POS line twice, whatever its spelling', async () => {
    const q = t.db.sequelize;
    const [line] = (await q.query('SELECT * FROM pos_consumptions LIMIT 1', { type: QueryTypes.SELECT })) as Record<string, unknown>[];
    expect(line).toBeTruthy();
    await expect(
      q.query(
        'INSERT INTO pos_consumptions (distributor_id, invoice_number, invoice_line, invoice_key, line_key, claim_line_id, authorization_line_id, quantity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
        {
          replacements: [
            line.distributor_id,
            ` ${String(line.invoice_number).toLowerCase()}`,
            `0${String(line.invoice_line)}`,
            line.invoice_key,
            line.line_key,
            line.claim_line_id,
            line.authorization_line_id,
            new Date(),
            new Date(),
          ],
        },
      ),
    ).rejects.toThrow();
  });

  it('keeps DECIMAL(18,4) money exact on the way out', async () => {
    const [row] = (await t.db.sequelize.query("SELECT approved_total FROM claims WHERE status = 'paid' LIMIT 1", {
      type: QueryTypes.SELECT,
    })) as { approved_total: string | number }[];
    const { moneyFromDb, moneyToString } = await import('../../core/money.js');
    expect(moneyToString(moneyFromDb(row.approved_total))).toBe('1892.5600');
  });
});
