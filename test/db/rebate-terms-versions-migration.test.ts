/**
 * The rebate terms' history on a database made before it: each rebate program's terms in force
 * become its first version, effective from when they were first set, so the accruals as of any
 * day read them (the first version applies from the program's start); setting terms later adds a
 * version and leaves the first as it was.
 */
import { openDatabase, type Database } from '../../models/database.js';
import { RebateTermsVersion } from '../../models/rebates.js';
import * as repo from '../../server/rebates/rebates.repository.js';
import { describeDb, dropTestDatabase, testDatabaseUrl } from '../support/harness.js';

describeDb('rebate terms versions: migration', () => {
  let db: Database;
  const url = testDatabaseUrl();
  beforeAll(async () => {
    db = await openDatabase(url, { poolMax: 2 });
    await db.migrate('20261208T1000-consumption-releases');
  });
  afterAll(async () => {
    await db.close();
    await dropTestDatabase(url);
  });

  it("makes each program's terms in force its first version, which a later change does not touch", async () => {
    const set = new Date('2026-10-05T08:00:00.000Z');
    const q = (sql: string, replacements: unknown[]) => db.sequelize.query(sql, { replacements });
    await q(`INSERT INTO users (email, name, role, active, created_at, updated_at) VALUES ('fin@vendor.test', 'Fin', 'finance', 1, ?, ?)`, [
      set,
      set,
    ]);
    await q(
      `INSERT INTO programs (code, name, type, status, start_date, end_date, product_ids, distributor_ids, end_customer_ids,
                             required_claim_fields, created_by_user_id, created_at, updated_at)
       VALUES ('REB-OLD', 'old rebate', 'rebate', 'active', '2026-10-01', '2026-12-31', '[]', '[]', '[]', '[]', 1, ?, ?)`,
      [set, set],
    );
    const terms = { kind: 'volume', measure: 'quantity', rate: { kind: 'per_unit', value: '0.25' } };
    await q(
      `INSERT INTO rebate_programs (program_id, terms, period_kind, stacking, priority, updated_by_user_id, created_at, updated_at)
       VALUES (1, ?, 'quarter', 'exclusive', 100, 1, ?, ?)`,
      [JSON.stringify(terms), set, set],
    );
    await db.migrate();

    const [first] = await RebateTermsVersion.findAll();
    expect(first).toMatchObject({ programId: 1, periodKind: 'quarter', stacking: 'exclusive', priority: 100, changedByUserId: 1 });
    expect(first!.effectiveFrom.toISOString()).toBe(set.toISOString());
    // The first version holds on any day, before it too (a program's first terms apply from its start).
    expect((await repo.listTermsAsOf('2026-10-01'))[0]!.terms).toEqual(terms);

    const doubled = { ...terms, rate: { kind: 'per_unit', value: '0.50' } };
    await repo.inTransaction((t) =>
      repo.saveTerms({ programId: 1, terms: doubled as never, periodKind: 'quarter', stacking: 'exclusive', priority: 100 }, 1, t),
    );
    expect((await repo.findTerms(1))!.terms).toEqual(doubled);
    const today = new Date().toISOString().slice(0, 10);
    expect((await repo.listTermsAsOf(today))[0]!.terms).toEqual(doubled);
    expect((await repo.listTermsAsOf('2026-10-05'))[0]!.terms).toEqual(terms);
    expect(await RebateTermsVersion.count()).toBe(2);
  });
});
