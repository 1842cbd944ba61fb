/**
 * check:ledger on the rebate side (issue 16): the demo's paid rebate period is clean; a sale
 * counted beside an exclusive program, a consumption for another POS line's key, and a period
 * authorized by whoever closed it are each reported under their invariant.
 */
import { QueryTypes } from 'sequelize';
import { checkLedger } from '../../server/settlement/invariants.repository.js';
import { describeDb, startTestApp, type TestApp } from '../support/harness.js';

describeDb('check:ledger: rebates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const q = <T>(sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;
  const exec = (sql: string, replacements: unknown[] = []) => t.db.sequelize.query(sql, { replacements });

  it('finds the demo clean, then each corruption under its invariant', async () => {
    expect((await checkLedger(t.db.sequelize)).total).toBe(0);
    const [period] = await q<{ id: number; program_id: number; closed_by_user_id: number }>(
      "SELECT id, program_id, closed_by_user_id FROM rebate_periods WHERE status = 'paid'",
    );
    expect(period).toBeDefined();
    const [counted] = await q<Record<string, unknown>>('SELECT * FROM rebate_consumptions WHERE rebate_period_id = ? ORDER BY id', [
      period!.id,
    ]);
    const [other] = await q<{ id: number }>("SELECT id FROM programs WHERE code = 'REB-TIER-MCU-26'");
    // Another program counts the same sale as exclusive: the period's own program is with_rebates.
    await exec(
      `INSERT INTO rebate_consumptions (rebate_period_id, program_id, distributor_id, pos_line_id, invoice_key, line_key, stacking, exclusive, quantity, amount, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'exclusive', 1, ?, ?, ?)`,
      [
        period!.id,
        other!.id,
        counted!.distributor_id,
        counted!.pos_line_id,
        counted!.invoice_key,
        counted!.line_key,
        counted!.quantity,
        counted!.amount,
        new Date(),
      ],
    );
    let report = await checkLedger(t.db.sequelize);
    expect(report.counts['rebate-stacking']).toBe(1);
    expect(report.violations.find((v) => v.invariant === 'rebate-stacking')!.message).toMatch(
      new RegExp(`program:${period!.program_id} and program:${other!.id}`),
    );
    // ... and the period now holds one consumption more than the lines it counted.
    expect(report.counts['rebate-period']).toBe(1);

    // A consumption whose key is not its POS line's.
    await exec("UPDATE rebate_consumptions SET invoice_key = 'NOT-THIS-ONE' WHERE program_id = ?", [other!.id]);
    report = await checkLedger(t.db.sequelize);
    expect(report.violations.some((v) => v.invariant === 'rebate-stacking' && /its POS line is/.test(v.message))).toBe(true);
    await exec('DELETE FROM rebate_consumptions WHERE program_id = ?', [other!.id]);
    expect((await checkLedger(t.db.sequelize)).total).toBe(0);

    // Authorized by whoever closed it.
    await exec('UPDATE rebate_periods SET authorized_by_user_id = closed_by_user_id WHERE id = ?', [period!.id]);
    report = await checkLedger(t.db.sequelize);
    expect(report.violations.map((v) => [v.invariant, v.message])).toEqual([
      ['rebate-period', `authorized by user ${period!.closed_by_user_id}, who closed or adjusted it`],
    ]);
  });
});
