/**
 * A POS claim run locks only its own distributor's authorization lines: another distributor's
 * lines named by the report are refused (AUTH_NOT_FOR_DISTRIBUTOR), never taken, so the run has no
 * reason to wait for them. On MariaDB a transaction holding another distributor's line (its own
 * claim run, a submit) must not hold this run up; before, the run locked every line its report
 * named and waited for that transaction (up to innodb_lock_wait_timeout). On SQLite the run's
 * transaction is the lock, and the same run completes the same way.
 */
import { QueryTypes, type Transaction } from 'sequelize';
import {
  approvedAuthorization,
  bearerOf,
  describeDb,
  dialect,
  startTestApp,
  USERS,
  type Client,
  type TestApp,
} from '../support/harness.js';

describeDb("a POS claim run and another distributor's locked authorization line", () => {
  let t: TestApp;
  let northbridge: Client;
  let auth: Awaited<ReturnType<typeof approvedAuthorization>>;
  beforeAll(async () => {
    t = await startTestApp();
    northbridge = await t.as(USERS.northbridge);
    // an authorization of Arrowhead's, which Northbridge's report names
    auth = await approvedAuthorization(t, { quantity: 100, cost: '5.9270', justification: 'lock scope' });
  });
  afterAll(() => t.close());

  it("claims its report without waiting for a transaction that holds Arrowhead's line", async () => {
    const csv = [
      'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Book Cost,Authorized Cost,Authorization Number,End Customer',
      `NB-LOCK-1,1,2026-10-15,${auth.part},5,6.1000,5.9270,${auth.number},${auth.customer}`,
    ].join('\n');
    const imported = await t.http
      .post('/api/imports?wait=true')
      .set('Authorization', bearerOf(northbridge))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(imported.status).toBe(201);
    expect(imported.body.rowsAccepted).toBe(1);

    let holder: Transaction | null = null;
    if (dialect === 'mariadb') {
      holder = await t.db.sequelize.transaction();
      const held = await t.db.sequelize.query('SELECT id FROM authorization_lines WHERE id = ? FOR UPDATE', {
        replacements: [auth.lineId],
        type: QueryTypes.SELECT,
        transaction: holder,
      });
      expect(held).toHaveLength(1);
    }
    try {
      const run = await northbridge.post(`/api/imports/${imported.body.id}/claims?wait=true`, {});
      expect(run.status).toBe(201);
      const [claim] = run.body.claims;
      const lines = (await northbridge.get(`/api/claims/${claim.id}`)).body.lines;
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ verdict: 'rejected', reasonCodes: ['AUTH_NOT_FOR_DISTRIBUTOR'] });
    } finally {
      await holder?.rollback();
    }
    // Arrowhead's line gave nothing to Northbridge's claim
    const [line] = (await t.db.sequelize.query('SELECT consumed_quantity AS q FROM authorization_lines WHERE id = ?', {
      replacements: [auth.lineId],
      type: QueryTypes.SELECT,
    })) as { q: number }[];
    expect(Number(line!.q)).toBe(0);
  }, 20_000);
});
