import { QueryTypes, type Sequelize } from 'sequelize';
import { listClaims, claimLinesPage } from '../../server/claims/claims.repository.js';
import { ClaimQuery } from '../../server/claims/claims.schemas.js';
import { listRequests } from '../../server/requests/requests.repository.js';
import { RequestQuery } from '../../server/requests/requests.schemas.js';
import { encodeCursor } from '../../server/http/cursor.js';
import { MAX_INT } from '../../server/http/openapi.js';
import type { TenantScope } from '../../server/auth/actor.js';
import { requestAging } from '../../server/reports/aging.repository.js';
import { Claim, ClaimLine } from '../../models/claims.js';
import { PriceRequest } from '../../models/requests.js';
import { dialect, describeDb, startTestApp, type TestApp } from '../support/harness.js';

/**
 * The plan of every list query the product runs (issue 19): the SQL is what the repositories
 * send, captured from Sequelize's log while each list is read, then explained. No list may read
 * its table whole (`ALL`) or sort it (`Using filesort`, a temporary table): each walks an index
 * from the cursor and stops after a page. The tables hold tens of thousands of rows copied from
 * the demo's (with statistics), so the optimizer chooses as it would with real data.
 */
const LIST_TABLES = ['claims', 'claim_lines', 'price_requests'];
/** A plan names a table by the alias Sequelize gave it (its model's name). */
const ALIASES = new Set([...LIST_TABLES, Claim.name, ClaimLine.name, PriceRequest.name]);

/** A table's columns but its id, in their order. */
async function columnsOf(db: Sequelize, table: string): Promise<string[]> {
  const rows = (await db.query(
    `SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
    { replacements: [table], type: QueryTypes.SELECT },
  )) as { c: string }[];
  return rows.map((r) => r.c).filter((c) => c !== 'id');
}

/** Copies a table's rows `times` times (a recursive CTE of numbers), unique text columns made unique by a suffix. */
async function multiply(db: Sequelize, table: string, times: number, unique: Record<string, string>) {
  const columns = await columnsOf(db, table);
  const select = columns.map((c) => unique[c] ?? `t.${c}`).join(', ');
  await db.query(
    `INSERT INTO ${table} (${columns.join(', ')})
     WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ${times})
     SELECT ${select} FROM ${table} t CROSS JOIN n`,
  );
}

// MariaDB's plans: production's database (SQLite's planner is another program; the SQLite project skips this file).
const run = dialect === 'mariadb' ? describeDb : describe.skip;
run('the list queries read through an index (EXPLAIN)', () => {
  let t: TestApp;
  let db: Sequelize;
  let distributorId: number;
  let bigClaimId: number;

  /** The SELECTs a list read sends, as Sequelize logged them (values inline). */
  async function statementsOf(read: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const options = (db as unknown as { options: { logging: unknown } }).options;
    const before = options.logging;
    options.logging = (sql: string) => void sent.push(sql.replace(/^Executing \([^)]*\): /, ''));
    try {
      await read();
    } finally {
      options.logging = before;
    }
    return sent.filter((sql) => /^SELECT/i.test(sql) && LIST_TABLES.some((table) => new RegExp(`FROM \`?${table}\\b`).test(sql)));
  }

  /** Each table access of an executed plan (ANALYZE FORMAT=JSON): the rows it actually read. */
  function accesses(node: unknown, found: { table: string; rowsRead: number }[] = []) {
    if (Array.isArray(node)) for (const n of node) accesses(n, found);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.table_name === 'string' && typeof o.r_rows === 'number')
        found.push({ table: o.table_name, rowsRead: o.r_rows * (typeof o.r_loops === 'number' ? o.r_loops : 1) });
      for (const v of Object.values(o)) accesses(v, found);
    }
    return found;
  }

  /**
   * What is wrong with a list read's plans, each named with its statement: a list table read
   * whole (`ALL`) or sorted (filesort, a temporary table) by any statement; and for the page's
   * own statement (ORDER BY ... LIMIT n), more rows read than twice the page (an index that does
   * not match the filter: the database walks the table in id order and drops what the filter
   * refuses, which EXPLAIN alone does not show).
   */
  async function badPlans(read: () => Promise<unknown>, aliases: string[] = []) {
    const statements = await statementsOf(read);
    expect(statements.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const sql of statements) {
      const plan = (await db.query(`EXPLAIN ${sql}`, { type: QueryTypes.SELECT })) as {
        table: string;
        type: string;
        key: string | null;
        Extra: string | null;
      }[];
      for (const row of plan) {
        if (!ALIASES.has(row.table) && !aliases.includes(row.table)) continue;
        if (row.type === 'ALL' || /filesort|temporary/i.test(row.Extra ?? ''))
          bad.push(`${row.table}: ${row.type} ${row.key ?? '(no index)'} ${row.Extra ?? ''} <- ${sql}`);
      }
      const limit = /ORDER BY .* LIMIT (?:\d+, ?)?(\d+);?$/i.exec(sql);
      if (!limit) continue;
      const [executed] = (await db.query(`ANALYZE FORMAT=JSON ${sql}`, { type: QueryTypes.SELECT })) as { ANALYZE: string }[];
      for (const a of accesses(JSON.parse(executed!.ANALYZE)))
        if (ALIASES.has(a.table) && a.rowsRead > 2 * Number(limit[1]))
          bad.push(`${a.table}: read ${a.rowsRead} rows for a page of ${limit[1]} <- ${sql}`);
    }
    return bad;
  }

  const vendor: TenantScope = { distributorId: null };
  const claims = (scope: TenantScope, q: Record<string, string>) => () => listClaims(scope, ClaimQuery.parse(q));
  // The caller of the approval queue: requestedBy=others leaves out only the caller's own requests
  // (a filter after the index, as it should be: they are few); the copied demo rows are mostly
  // requested by the demo's channel managers, so the caller here is one who requested none.
  const requests = (scope: TenantScope, q: Record<string, string>) => () =>
    listRequests(scope, { ...RequestQuery.parse(q), callerUserId: MAX_INT });

  beforeAll(async () => {
    t = await startTestApp();
    db = t.db.sequelize;
    await multiply(db, 'claims', 900, {
      number: "CONCAT(t.number, '-', n.k)",
      debit_memo_number: "CASE WHEN t.debit_memo_number IS NULL THEN NULL ELSE CONCAT(t.debit_memo_number, '-', n.k) END",
      debit_memo_key: "CASE WHEN t.debit_memo_key IS NULL THEN NULL ELSE CONCAT(t.debit_memo_key, '-', n.k) END",
    });
    await multiply(db, 'claims', 4, { number: "CONCAT(t.number, '/', n.k)", debit_memo_number: 'NULL', debit_memo_key: 'NULL' });
    await multiply(db, 'price_requests', 900, { number: "CONCAT(t.number, '-', n.k)" });
    await multiply(db, 'price_requests', 3, { number: "CONCAT(t.number, '/', n.k)" });
    // Every copied request its line (a copy of the first demo line), as a request has lines.
    const requestLineColumns = await columnsOf(db, 'price_request_lines');
    await db.query(
      `INSERT INTO price_request_lines (${requestLineColumns.join(', ')})
       SELECT ${requestLineColumns.map((c) => (c === 'request_id' ? 'r.id' : `t.${c}`)).join(', ')}
         FROM price_requests r CROSS JOIN (SELECT * FROM price_request_lines ORDER BY id LIMIT 1) t
        WHERE NOT EXISTS (SELECT 1 FROM price_request_lines l WHERE l.request_id = r.id)`,
    );
    await db.query('ANALYZE TABLE price_request_lines PERSISTENT FOR ALL');
    // As in a vendor's database, most requests were decided long ago: one in twenty pending.
    await db.query("UPDATE price_requests SET status = 'approved' WHERE status = 'pending' AND MOD(id, 20) <> 0");
    // One claim of many lines: its lines copied under line numbers of their own.
    const [top] = (await db.query(
      `SELECT claim_id AS id, MAX(line_number) AS last FROM claim_lines GROUP BY claim_id ORDER BY COUNT(*) DESC LIMIT 1`,
      { type: QueryTypes.SELECT },
    )) as { id: number; last: number }[];
    bigClaimId = top!.id;
    const lineColumns = await columnsOf(db, 'claim_lines');
    await db.query(
      `INSERT INTO claim_lines (${lineColumns.join(', ')})
       WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 900)
       SELECT ${lineColumns.map((c) => (c === 'line_number' ? `t.line_number + n.k * ${top!.last}` : c === 'pos_line_id' ? 'NULL' : `t.${c}`)).join(', ')}
         FROM (SELECT * FROM claim_lines WHERE claim_id = ${bigClaimId}) t CROSS JOIN n`,
    );
    // Statistics with histograms (MariaDB's engine-independent ones): InnoDB's own sample a few
    // pages, and on a table this small the estimates (and the plans) came out differently run to run.
    for (const table of LIST_TABLES) await db.query(`ANALYZE TABLE ${table} PERSISTENT FOR ALL`);
    const [d] = (await db.query(`SELECT distributor_id AS id FROM claims GROUP BY distributor_id ORDER BY COUNT(*) DESC LIMIT 1`, {
      type: QueryTypes.SELECT,
    })) as { id: number }[];
    distributorId = d!.id;
  });
  afterAll(() => t.close());

  it('holds tens of thousands of claims and requests to plan over', async () => {
    const [c] = (await db.query('SELECT COUNT(*) AS n FROM claims', { type: QueryTypes.SELECT })) as { n: number }[];
    const [r] = (await db.query('SELECT COUNT(*) AS n FROM price_requests', { type: QueryTypes.SELECT })) as { n: number }[];
    expect(Number(c!.n)).toBeGreaterThan(10_000);
    expect(Number(r!.n)).toBeGreaterThan(5_000);
  });

  const deep = () => encodeCursor('claims', [5_000]);
  it.each([
    ['first page', {}],
    ['a deep page by cursor', { cursor: 'deep' }],
    ['by status', { status: 'submitted' }],
    ['by status, a deep page', { status: 'submitted', cursor: 'deep' }],
    ['by distributor', { distributorId: 'd' }],
    ['by distributor and status, a deep page', { distributorId: 'd', status: 'authorized', cursor: 'deep' }],
  ])("the vendor's claims list, %s", async (_name, q: Record<string, string>) => {
    const query = { ...q, ...(q.cursor ? { cursor: deep() } : {}), ...(q.distributorId ? { distributorId: String(distributorId) } : {}) };
    expect(await badPlans(claims(vendor, query))).toEqual([]);
  });

  it("a distributor's claims list, first and deep page, and by status", async () => {
    const own: TenantScope = { distributorId };
    expect(await badPlans(claims(own, {}))).toEqual([]);
    expect(await badPlans(claims(own, { cursor: deep() }))).toEqual([]);
    expect(await badPlans(claims(own, { status: 'submitted', cursor: deep() }))).toEqual([]);
  });

  it("one claim's lines, first and a deep page", async () => {
    expect(await badPlans(() => claimLinesPage(bigClaimId, 0, 200))).toEqual([]);
    expect(await badPlans(() => claimLinesPage(bigClaimId, 3_000, 200))).toEqual([]);
  });

  it("the approval queue: a channel manager's (pending, others') and a distributor's, first and deep page", async () => {
    const cursor = encodeCursor('requests', [3_000]);
    expect(await badPlans(requests(vendor, { status: 'pending', requestedBy: 'others' }))).toEqual([]);
    expect(await badPlans(requests(vendor, { status: 'pending', requestedBy: 'others', cursor }))).toEqual([]);
    expect(await badPlans(requests({ distributorId }, { status: 'pending' }))).toEqual([]);
    expect(await badPlans(requests({ distributorId }, { status: 'pending', cursor }))).toEqual([]);
  });

  it("the aging report's requests as of today (its default): the pending ones through the status index, not every request", async () => {
    // Its SQL names price_requests as p (the two branches) and r (the request itself). As of a past
    // day the requests decided since are read too (through decided_at), which the optimizer may
    // rightly read whole when that is most of them (the copied demo's were decided today).
    const today = new Date().toISOString().slice(0, 10);
    for (const scope of [vendor, { distributorId }]) {
      expect(await badPlans(() => requestAging(scope, today, 'USD'), ['p', 'r'])).toEqual([]);
      const [statement] = await statementsOf(() => requestAging(scope, today, 'USD'));
      const [pending] = (await db.query(
        `SELECT COUNT(*) AS n FROM price_requests WHERE status = 'pending'${scope.distributorId === null ? '' : ' AND distributor_id = ?'}`,
        { replacements: scope.distributorId === null ? [] : [scope.distributorId], type: QueryTypes.SELECT },
      )) as { n: number }[];
      const [executed] = (await db.query(`ANALYZE FORMAT=JSON ${statement}`, { type: QueryTypes.SELECT })) as { ANALYZE: string }[];
      const read = accesses(JSON.parse(executed!.ANALYZE))
        .filter((a) => ['p', 'r'].includes(a.table))
        .reduce((n, a) => n + a.rowsRead, 0);
      // each pending request once through the index, once by its id; a scan reads every request (twenty times as many)
      expect(Number(pending!.n)).toBeGreaterThan(0);
      expect({ scope, read: read <= 3 * Number(pending!.n) }).toEqual({ scope, read: true });
    }
  });
});
