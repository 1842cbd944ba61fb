/**
 * One parser: the fixture corpus through the server's import (the real API, lines read back from
 * `pos_lines`, row errors from the report) must give what the browser preflight's parser gives
 * (components/claim-upload/parity.test.ts, in Chromium). This side writes the server's results
 * to test/fixtures/parity/pos-parity.json with PARITY_UPDATE=1, and otherwise fails when the
 * committed file is stale: the browser test compares against a file the server agrees with.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { bearerOf, describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';
import { PARITY_FIXTURES, fatalStatus, money4, parityKey, type ParityLine, type ParityResult } from '../support/pos-parity.js';
import { POS_FIELD_TABLE, POS_STORED_FIELDS } from '../../core/pos/index.js';

const FIXTURES = join(__dirname, '..', 'fixtures');
const PARITY_FILE = join(FIXTURES, 'parity', 'pos-parity.json');

describeDb('POS parser parity: server import', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp();
    const c = await t.as(USERS.arrowhead);
    auth = bearerOf(c);
    // Fixtures name the distributor D-1 in their Distributor ID column: Arrowhead's code here (the
    // server refuses a row naming another distributor; the browser preflight does not know whose file it is).
    const admin = await t.as(USERS.admin);
    const distributorId = (await c.get('/api/session')).body.distributorId as number;
    expect((await admin.patch(`/api/masterdata/distributors/${distributorId}`, { externalRef: 'D-1' })).status).toBe(200);
  });
  afterAll(() => t.close());

  /** What `pos_lines` holds for an import, in file order, as the parity compares it. */
  async function storedLines(importId: number): Promise<ParityLine[]> {
    const dates = ['invoice_date', 'ship_date'];
    const select = POS_STORED_FIELDS.map((f) => {
      const column = POS_FIELD_TABLE[f].column;
      return dates.includes(column) ? `CAST(${column} AS CHAR) AS ${f}` : `${column} AS ${f}`;
    });
    const rows = await t.db.sequelize.query<Record<string, unknown>>(
      `SELECT invoice_key AS invoiceKey, line_key AS lineKey, ${select.join(', ')}, extra FROM pos_lines WHERE import_id = ? ORDER BY id`,
      { replacements: [importId], type: QueryTypes.SELECT },
    );
    return rows.map((r) => {
      const line: ParityLine = { invoiceKey: r.invoiceKey as string, lineKey: r.lineKey as string };
      for (const f of POS_STORED_FIELDS) {
        const v = r[f];
        line[f] =
          POS_FIELD_TABLE[f].kind === 'money'
            ? money4(v)
            : POS_FIELD_TABLE[f].kind === 'quantity'
              ? Number(v)
              : ((v as string | null) ?? null);
      }
      line.extra = r.extra ? (JSON.parse(r.extra as string) as Record<string, unknown>) : null;
      return line;
    });
  }

  it('writes (PARITY_UPDATE=1) or checks the committed results of every fixture', async () => {
    const results: Record<string, ParityResult> = {};
    for (const fixture of PARITY_FIXTURES) {
      // the file's bytes, as a browser sends them: its encoding is the server's to read
      const bytes = readFileSync(join(FIXTURES, fixture.file));
      const query = new URLSearchParams({ fileName: fixture.file, ...fixture.query }).toString();
      const saved = await t.http
        .put('/api/imports/mapping')
        .set('Authorization', auth)
        .send({ mapping: fixture.mapping ?? {}, options: {} });
      expect(saved.status).toBe(200);
      const res = await t.http
        .post(`/api/imports?${query}&wait=true`)
        .set('Authorization', auth)
        .set('Content-Type', 'text/csv')
        .send(bytes.length ? bytes : '\n');
      if (res.status !== 201) {
        expect(res.status).toBe(fatalStatus(res.body.code));
        results[parityKey(fixture)] = { status: res.status, code: res.body.code, lines: [], errors: [] };
        continue;
      }
      const errors = (await t.http.get(`/api/imports/${res.body.id}/errors`).set('Authorization', auth)).body.items as {
        rowNumber: number;
        column: string | null;
        code: string;
        message: string;
      }[];
      results[parityKey(fixture)] = {
        status: 201,
        lines: await storedLines(res.body.id),
        errors: errors.map(({ rowNumber, column, code, message }) => ({ rowNumber, column, code, message })),
      };
      // Voided once read: a later fixture with the same rows (the same file mapped) stores its own lines, not duplicates.
      const voided = await t.http
        .post(`/api/imports/${res.body.id}/void`)
        .set('Authorization', auth)
        .send({ reason: 'parity fixture read' });
      expect(voided.status).toBe(200);
    }
    const text = JSON.stringify(results, null, 2) + '\n';
    if (process.env.PARITY_UPDATE === '1') writeFileSync(PARITY_FILE, text);
    expect(existsSync(PARITY_FILE)).toBe(true);
    // Stale when the server's results moved: run PARITY_UPDATE=1 npx jest --selectProjects sqlite --testPathPattern pos-parity
    expect(JSON.parse(readFileSync(PARITY_FILE, 'utf8'))).toEqual(results);
  });
});
