/**
 * "The lines of one claim" (claimLinesOf): the same rows as `claim_id = ?`, read through the
 * claim's stretch of the primary key. On MariaDB, once a few claims hold most of claim_lines, the
 * optimizer answered `claim_id = ?` with a scan of the whole table (a million-line claim file read
 * every earlier claim's lines for its take, its counters and its totals); the plan must not scan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { ClaimLine } from '../../models/claims.js';
import { claimTotals } from '../../server/claims/pos-claims.repository.js';
import { rowsOf } from '../../server/database.repository.js';
import { claimLinesOf, TAKING } from '../../server/settlement/ledger.repository.js';
import { bearerOf, describeDb, startTestApp, USERS, waitFor, type TestApp } from '../support/harness.js';

type Row = Record<string, string | number | null>;

describeDb('the lines of one claim', () => {
  let t: TestApp;
  const rows = (sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<Row[]>;
  let big: number[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    // Two claims grow to most of the table, their copies written after each other's (as two files
    // running one after the other would leave them).
    big = (await rows('SELECT claim_id AS id FROM claim_lines GROUP BY claim_id ORDER BY COUNT(*) DESC, claim_id LIMIT 2')).map((r) =>
      Number(r.id),
    );
    expect(big).toHaveLength(2);
    const columns = Object.values(ClaimLine.getAttributes())
      .map((a) => a.field!)
      .filter((c) => c !== 'id');
    const copy = columns.map((c) => (c === 'line_number' ? `line_number + ?` : c)).join(', ');
    for (let round = 1; round <= 6; round++)
      for (const claimId of big)
        await t.db.sequelize.query(`INSERT INTO claim_lines (${columns.join(', ')}) SELECT ${copy} FROM claim_lines WHERE claim_id = ?`, {
          // each round doubles the claim: its copies' line numbers above every earlier one
          replacements: [2 ** (round - 1) * 100_000, claimId],
        });
    if (t.db.sequelize.getDialect() === 'mysql') await t.db.sequelize.query('ANALYZE TABLE claim_lines');
  });
  afterAll(() => t.close());

  it('selects exactly the rows of claim_id = ?, and the totals are theirs', async () => {
    for (const claimId of big) {
      const scope = await claimLinesOf(claimId);
      const [scoped] = await rows(`SELECT COUNT(*) AS n, SUM(accepted_quantity) AS q FROM claim_lines WHERE ${scope.where}`, scope.params);
      const [plain] = await rows('SELECT COUNT(*) AS n, SUM(accepted_quantity) AS q FROM claim_lines WHERE claim_id = ?', [claimId]);
      expect(Number(scoped!.n)).toBeGreaterThan(64);
      expect(Number(scoped!.n)).toBe(Number(plain!.n));
      expect(Number(scoped!.q)).toBe(Number(plain!.q));
      expect((await claimTotals(claimId)).lines).toBe(Number(plain!.n));
    }
    // A claim without lines: an empty range, nothing selected.
    const none = await claimLinesOf(0);
    const [empty] = await rows(`SELECT COUNT(*) AS n FROM claim_lines WHERE ${none.where}`, none.params);
    expect(Number(empty!.n)).toBe(0);
  });

  it('reads the claim through an index on MariaDB, never a scan of every claim', async () => {
    if (t.db.sequelize.getDialect() !== 'mysql') return expect(t.db.sequelize.getDialect()).toBe('sqlite');
    const scope = await claimLinesOf(big[1]!);
    const plan = await rows(`EXPLAIN SELECT COUNT(*) FROM claim_lines WHERE ${scope.where} AND ${TAKING}`, scope.params);
    expect(plan).toHaveLength(1);
    expect(plan[0]!.type).not.toBe('ALL');
    expect(plan[0]!.key).toBeTruthy();
  });

  it("selects an import's POS lines exactly, through the same range (rowsOf)", async () => {
    const arrow = await t.as(USERS.arrowhead);
    const csv = readFileSync(join(__dirname, '../fixtures/imports/tab-us-dates.csv'), 'utf8');
    const auth = bearerOf(arrow);
    const upload = await t.http.post(waitFor('/api/imports')).set('Authorization', auth).set('Content-Type', 'text/csv').send(csv);
    expect(upload.status).toBe(201);
    const imports = await rows('SELECT import_id AS id, COUNT(*) AS n FROM pos_lines WHERE import_id IS NOT NULL GROUP BY import_id');
    expect(imports.length).toBeGreaterThan(0);
    for (const i of imports) {
      const scope = await rowsOf('pos_lines', 'import_id', Number(i.id), null, 'p');
      const [scoped] = await rows(`SELECT COUNT(*) AS n FROM pos_lines p WHERE ${scope.where}`, scope.params);
      expect(Number(scoped!.n)).toBe(Number(i.n));
    }
  });
});
