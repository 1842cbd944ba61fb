/**
 * npm run bench:api -- [--lines 1000000] [--claims 100000] [--authorizations 10000] [--distributors 5]
 *                      [--duration 10] [--connections 1,10,50] [--routes 'name;name'] [--servers 1] [--heap-mb 192]
 *                      [--keep-db] [--no-load: with BENCH_DATABASE_URL, a database an earlier run kept]
 *
 * The API under load (issue 19). Loads the bench's data into a MariaDB database, starts the real
 * server in its own process, and drives it over HTTP with autocannon at each number of connections,
 * one route at a time. Prints requests/s and p50/p95/p99 per route and connections, with the data
 * size and the machine, and one JSON object last.
 *
 * The data, through the existing bench (bench/run.ts, bench/e2e.ts), not a second generator:
 *  1. `generateEngineDataset` (bench/dataset.ts): --lines claim lines over --authorizations
 *     authorizations and --distributors distributors, one CSV per distributor;
 *  2. the bench's `seed` phase: the world (distributors, users, programs, products,
 *     authorizations, the ledger's history);
 *  3. the bench's `e2e` phase: every file through the product's claim-file path (lines with
 *     verdicts, consumptions, authorization counters, a submitted claim per file);
 *  4. here, not timed: each file's claim cut into claims of lines/claims lines (its lines moved
 *     under new claims in line order, totals summed from them; the ledger is untouched, it names
 *     lines), the claims spread over a year and over statuses (submitted, 30% authorized),
 *     one special-price request per authorization (one in ten pending: the approval
 *     queue), and passwords and vendor users to sign in with.
 * `BENCH_DATABASE_URL` names the database (kept); otherwise a temporary `bec_api_<pid>` on the
 * MariaDB at 127.0.0.1:3306, dropped at the end (`--keep-db` keeps it). The server runs with the
 * rate limits raised (a bench is one caller at 10,000 requests a second), its request log on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { QueryTypes } from 'sequelize';
import { rebuildClaimFigures } from '../models/claim-figures-sql.js';
import { openDatabase } from '../models/database.js';
import { hashPassword } from '../server/auth/passwords.js';
import { encodeCursor } from '../server/http/cursor.js';
import { inTransaction } from '../server/database.repository.js';
import { accrueClaim } from '../server/settlement/journal.service.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const LINES = Number(arg('lines', '1000000'));
const CLAIMS = Number(arg('claims', String(Math.max(1, Math.round(LINES / 10)))));
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = arg('connections', '1,10,50').split(',').map(Number);
const SERVERS = Math.max(1, Number(arg('servers', '1')));
/** --routes 'name;name': only these routes (their names as printed). */
const ONLY = process.argv.includes('--routes') ? new Set(arg('routes', '').split(';')) : null;
const PASSWORD = 'bench-api-2026';
// The generator's engine timing is not this bench's: one round.
if (!process.argv.includes('--engine-rounds')) process.argv.push('--engine-rounds', '1');
const { child, databaseUrl, dropDatabase, generate, machine, seeded, serverSettings } = await import('./run.js');

const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function connect(url: string) {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    multipleStatements: false,
  });
}

/** Step 4: the claim files' claims cut into claims of `per` lines, statuses, requests, users. */
async function shape(url: string, seededClaims: number) {
  const c = await connect(url);
  const q = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await c.query(sql, values))[0] as T;
  const t0 = performance.now();
  const big = await q<{ id: number; number: string; n: number }[]>(
    `SELECT c.id, c.number, COUNT(l.id) AS n FROM claims c JOIN claim_lines l ON l.claim_id = c.id WHERE c.id > ? GROUP BY c.id, c.number`,
    [seededClaims],
  );
  const lines = big.reduce((s, b) => s + Number(b.n), 0);
  const per = Math.max(1, Math.ceil(lines / CLAIMS));
  const claimCols =
    'distributor_id, program_id, program_type, type, status, currency, claimed_total, computed_total, approved_total, submitted_at, created_by_user_id, created_at, updated_at';
  for (const b of big) {
    const pieces = Math.ceil(Number(b.n) / per);
    if (pieces > 1) {
      await q(
        `INSERT INTO claims (number, ${claimCols})
         SELECT CONCAT(c.number, '-', s.seq), ${claimCols.replace(/(\w+)/g, 'c.$1')} FROM claims c JOIN seq_1_to_${pieces - 1} s WHERE c.id = ?`,
        [b.id],
      );
      await q(
        `UPDATE claim_lines l JOIN claims c ON c.number = CONCAT(?, '-', (l.line_number - 1) DIV ?)
            SET l.claim_id = c.id, l.line_number = MOD(l.line_number - 1, ?) + 1
          WHERE l.claim_id = ? AND l.line_number > ?`,
        [b.number, per, per, b.id, per],
      );
    }
    log(`claim ${b.number}: ${b.n} lines cut into ${pieces} claims`);
  }
  await q(
    `UPDATE claims c JOIN (SELECT claim_id, SUM(claimed_amount) AS claimed, SUM(computed_amount) AS computed, SUM(approved_amount) AS approved
                             FROM claim_lines WHERE claim_id > ? GROUP BY claim_id) t ON t.claim_id = c.id
        SET c.claimed_total = t.claimed, c.computed_total = t.computed, c.approved_total = t.approved`,
    [seededClaims],
  );
  // Users: a password for the bench's distributor users, and the vendor's admin, channel manager and finance.
  const hash = await hashPassword(PASSWORD);
  await q('UPDATE users SET password_hash = ?', [hash]);
  await q(
    `INSERT INTO users (email, name, role, distributor_id, password_hash, active, created_at, updated_at) VALUES
       ('admin@bench.example', 'Admin', 'vendor_admin', NULL, ?, 1, NOW(), NOW()),
       ('cm@bench.example', 'Channel manager', 'channel_manager', NULL, ?, 1, NOW(), NOW()),
       ('finance@bench.example', 'Finance', 'finance', NULL, ?, 1, NOW(), NOW())`,
    [hash, hash, hash],
  );
  const [finance] = await q<{ id: number }[]>(`SELECT id FROM users WHERE email = 'finance@bench.example'`);
  // A year of claims: created on the days before today, 30% authorized, the rest submitted. (No
  // claim is made rejected here: a rejected claim holds no consumption, and these hold theirs;
  // 2% were, and check:ledger found each of their payable lines a violation.)
  await q(
    `UPDATE claims SET created_at = NOW() - INTERVAL MOD(id * 7, 365) DAY, submitted_at = NOW() - INTERVAL MOD(id * 7, 365) DAY,
            status = CASE WHEN MOD(id, 10) < 3 THEN 'authorized' ELSE 'submitted' END,
            authorized_at = CASE WHEN MOD(id, 10) < 3 THEN NOW() - INTERVAL MOD(id * 7, 365) DAY END,
            authorized_by_user_id = CASE WHEN MOD(id, 10) < 3 THEN ? END
      WHERE id > ?`,
    [finance!.id, seededClaims],
  );
  // One request per authorization (its distributor's user asked), one in ten still pending.
  await q(
    `INSERT INTO price_requests (number, program_id, distributor_id, reseller_id, end_customer_id, requested_by_user_id, status, valid_from, valid_to,
                                 justification, decision_comment, authorization_id, created_at, updated_at)
     SELECT CONCAT('PR-', a.id), a.program_id, a.distributor_id, NULL,
            COALESCE(a.end_customer_id, (SELECT MIN(l.end_customer_id) FROM authorization_lines l WHERE l.authorization_id = a.id),
                     (SELECT MIN(id) FROM accounts WHERE type = 'end_customer')),
            (SELECT MIN(u.id) FROM users u WHERE u.distributor_id = a.distributor_id),
            CASE WHEN MOD(a.id, 10) = 0 THEN 'pending' ELSE 'approved' END, a.valid_from, a.valid_to, 'bench', NULL,
            CASE WHEN MOD(a.id, 10) = 0 THEN NULL ELSE a.id END, NOW() - INTERVAL MOD(a.id, 365) DAY, NOW()
       FROM authorizations a`,
  );
  await q(
    `INSERT INTO price_request_lines (request_id, product_id, quantity, requested_cost, created_at, updated_at)
     SELECT r.id, l.product_id, l.approved_quantity, l.authorized_cost, NOW(), NOW()
       FROM price_requests r JOIN authorizations a ON r.number = CONCAT('PR-', a.id) JOIN authorization_lines l ON l.authorization_id = a.id`,
  );
  for (const table of ['claims', 'claim_lines', 'price_requests', 'price_request_lines', 'pos_consumptions'])
    await q(`ANALYZE TABLE ${table}`);
  await c.end();
  // The claims were written here behind the product's back: each claim's accrual is brought to
  // its approved total by the product's journal step (the file's claim had accrued the whole
  // file's; its pieces nothing), then the report figures it keeps as claims move are made again
  // from them, as the migration makes them.
  const db = await openDatabase(url, { poolMax: 1 });
  const ids = (
    (await db.sequelize.query('SELECT id FROM claims WHERE id > ? ORDER BY id', {
      replacements: [seededClaims],
      type: QueryTypes.SELECT,
    })) as { id: number }[]
  ).map((r) => Number(r.id));
  for (let i = 0; i < ids.length; i += 500)
    await inTransaction(async (t) => {
      for (const id of ids.slice(i, i + 500)) await accrueClaim(id, finance!.id, t);
    });
  await rebuildClaimFigures(db.sequelize);
  await db.close();
  log(`shaped in ${round((performance.now() - t0) / 1000)} s: ${per} lines a claim`);
}

/** What the database holds, and what the routes need: a distributor, a claim in the middle (the deep page, and one claim's lines), authorization lines to claim against. */
async function routeData(url: string) {
  const c = await connect(url);
  const q = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await c.query(sql, values))[0] as T;
  const [row] = await q<Record<string, number>[]>(
    `SELECT (SELECT COUNT(*) FROM claims) AS claims, (SELECT COUNT(*) FROM claim_lines) AS claimLines,
            (SELECT COUNT(*) FROM authorizations) AS authorizations, (SELECT COUNT(*) FROM authorization_lines) AS authorizationLines,
            (SELECT COUNT(*) FROM pos_consumptions) AS consumptions, (SELECT COUNT(*) FROM price_requests) AS requests,
            (SELECT COUNT(*) FROM price_requests WHERE status = 'pending') AS pendingRequests`,
  );
  const counts = Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
  const [distributor] = await q<{ id: number; email: string }[]>(
    `SELECT u.distributor_id AS id, u.email FROM users u WHERE u.distributor_id IS NOT NULL ORDER BY u.id LIMIT 1`,
  );
  const [middle] = await q<{ id: number }[]>(`SELECT id FROM claims ORDER BY id LIMIT 1 OFFSET ?`, [Math.floor(counts.claims! / 2)]);
  // Invoiced on the first day of the line's validity: the claim's lines are judged as of the day they name.
  const authLines = await q<{ number: string; part: string; cost: string; endCustomer: string | null; day: string }[]>(
    `SELECT a.number, p.vendor_part_number AS part, l.authorized_cost AS cost, e.name AS endCustomer, DATE_FORMAT(l.valid_from, '%Y-%m-%d') AS day
       FROM authorization_lines l JOIN authorizations a ON a.id = l.authorization_id JOIN products p ON p.id = l.product_id
       LEFT JOIN accounts e ON e.id = l.end_customer_id
      WHERE a.distributor_id = ? AND a.status = 'active' AND l.approved_quantity - l.consumed_quantity > 100
      LIMIT 2000`,
    [distributor!.id],
  );
  await c.end();
  if (!authLines.length) throw new Error(`no authorization line of distributor ${distributor!.id} has room left to claim against`);
  return {
    counts,
    linesPerClaim: round(counts.claimLines! / counts.claims!),
    distributor: distributor!,
    middleClaimId: middle!.id,
    oneClaimId: middle!.id,
    authLines,
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The product's server (what `npm start` runs after its build), in its own process. */
async function startServer(url: string, port: number, dir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      REDIS_URL: '',
      UPLOAD_DIR: join(dir, 'uploads'),
      DOCUMENTS_DIR: join(dir, 'documents'),
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      SIGNIN_RATE_LIMIT: '100000000',
      SIGNIN_ADDRESS_RATE_LIMIT: '100000000',
      INVALID_TOKEN_RATE_LIMIT_PER_MINUTE: '100000000',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${arg('heap-mb', '192')}`.trim(),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return server;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not answer /api/health within two minutes');
}

async function bearer(base: string, email: string): Promise<string> {
  const s = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!s.ok) throw new Error(`cannot sign in ${email}: ${s.status} ${await s.text()}`);
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  const cookie = s.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const t = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench', scopes: ['read', 'write'] }),
  });
  if (!t.ok) throw new Error(`cannot issue a token for ${email}: ${t.status} ${await t.text()}`);
  return `Bearer ${((await t.json()) as { token: string }).token}`;
}

interface Route {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: () => string;
  kind: 'list' | 'report' | 'write' | 'sign-in';
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : null;

/** One route at `connections` for DURATION seconds: requests/s, p50/p95/p99 from every response's time. */
async function drive(bases: string[], route: Route, connections: number) {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        // autocannon 8 takes a list of URLs and spreads the connections over them (its types say one string).
        url: (bases.length === 1 ? bases[0]! : bases) as string,
        connections,
        duration: DURATION,
        requests: [
          {
            method: route.method,
            path: route.path,
            headers: route.body ? { ...route.headers, 'content-type': 'application/json' } : route.headers,
            ...(route.body ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: route.body!() }) } : {}),
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  times.sort((a, b) => a - b);
  // Requests sent but not answered by the end of the run: one per connection is in flight when
  // autocannon stops; more than that, or no answer at all, is a route that could not keep up, an
  // error (not a run that passes with no figures).
  const unanswered = Math.max(0, result.requests.sent - times.length);
  const errors =
    (times.length === 0 ? unanswered : Math.max(0, unanswered - connections)) +
    result.errors +
    result.timeouts +
    Object.entries(statuses).reduce((n, [s, k]) => n + (Number(s) >= 400 ? k : 0), 0);
  // What the server still had queued finishes before the next run starts (else it pays for this one's backlog).
  await drained(bases);
  return {
    connections,
    requests: times.length,
    unanswered,
    requestsPerSecond: round(times.length / result.duration, 0),
    p50: round(percentile(times, 50) ?? NaN),
    p95: round(percentile(times, 95) ?? NaN),
    p99: round(percentile(times, 99) ?? NaN),
    max: round(times.at(-1) ?? NaN),
    errors,
    statuses,
  };
}

/** Waits (at most five minutes) until every server answers /api/health within a second: its backlog is done. */
async function drained(bases: string[]) {
  for (const base of bases)
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok && performance.now() - t0 < 1000) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
}

/** Issue 19 item 2: at 50 connections, p99 of list and detail reads <= 50 ms, reports <= 200 ms, a 10-line claim <= 100 ms, no errors. */
const TARGET_P99: Record<Route['kind'], number | null> = { list: 50, report: 200, write: 100, 'sign-in': null };

let loadAtStart: number[] = [];
async function main() {
  const dir = mkdtempSync(join(os.tmpdir(), 'bec-api-'));
  const url = await databaseUrl();
  if (!/^(mysql|mariadb):/.test(url)) throw new Error(`bench:api needs MariaDB (BENCH_DATABASE_URL or 127.0.0.1:3306); got ${url}`);
  const own = !process.env.BENCH_DATABASE_URL;
  if (process.argv.includes('--no-load') && own)
    throw new Error('--no-load needs BENCH_DATABASE_URL: the database of an earlier run (--keep-db)');
  const dbUrl = own ? url.replace(/bec_bench_(\d+)/, 'bec_api_$1') : url;
  const servers: ChildProcess[] = [];
  // Stopped (Ctrl-C, a timeout): the servers it started stop with it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      for (const server of servers) if (server.exitCode === null) server.kill('SIGTERM');
      process.exit(130);
    });
  try {
    const started = performance.now();
    // --no-load: the database at BENCH_DATABASE_URL holds a load already (an earlier run's, kept with --keep-db).
    if (!process.argv.includes('--no-load')) {
      log(`generating ${LINES} lines...`);
      const gen = await generate(dir);
      writeFileSync(join(dir, 'files.json'), JSON.stringify(gen.files));
      const seedArgs = seeded(dir, dbUrl);
      log('loading the claim lines through the claim-file path...');
      const loaded = child('e2e', dir, dbUrl, seedArgs);
      log(`loaded: ${JSON.stringify({ lines: loaded.lines, seconds: loaded.seconds })}`);
      for (const f of gen.files) rmSync(f.path, { force: true });
      await shape(dbUrl, Number(seedArgs[1]));
    }
    const data = await routeData(dbUrl);
    log(`database ${dbUrl}${own && !process.argv.includes('--keep-db') ? ' (dropped at the end)' : ' (kept)'}`);
    log(`the database holds ${JSON.stringify(data.counts)}`);
    const loadSeconds = round((performance.now() - started) / 1000);

    loadAtStart = os.loadavg().map((l) => round(l, 2));
    // --servers N: N server processes on the database; autocannon spreads its connections over them.
    const bases: string[] = [];
    for (let i = 0; i < SERVERS; i++) {
      const port = await freePort();
      servers.push(await startServer(dbUrl, port, dir));
      bases.push(`http://127.0.0.1:${port}`);
    }
    const base = bases[0]!;
    const [admin, cm, distributor] = await Promise.all([
      bearer(base, 'admin@bench.example'),
      bearer(base, 'cm@bench.example'),
      bearer(base, data.distributor.email),
    ]);
    let posted = 0;
    const claimBody = () => {
      const n = posted++;
      const lines = Array.from({ length: 10 }, (_, i) => {
        const a = data.authLines[(n * 10 + i) % data.authLines.length]!;
        const cost = Number(a.cost);
        return {
          authorizationNumber: a.number,
          vendorPartNumber: a.part,
          endCustomerName: a.endCustomer,
          invoiceNumber: `API-${process.pid}-${n}`,
          invoiceLine: i + 1,
          invoiceDate: a.day,
          quantity: 1,
          bookCost: (cost + 1).toFixed(4),
          authorizedCost: cost.toFixed(4),
        };
      });
      return JSON.stringify({ submit: true, lines });
    };
    const deep = encodeURIComponent(encodeCursor('claims', [data.middleClaimId]));
    const routes: Route[] = [
      { name: 'claims, first page', method: 'GET', path: '/api/claims?pageSize=50', headers: { authorization: admin }, kind: 'list' },
      {
        name: 'claims, deep page (cursor)',
        method: 'GET',
        path: `/api/claims?pageSize=50&cursor=${deep}`,
        headers: { authorization: admin },
        kind: 'list',
      },
      {
        name: 'claims by status',
        method: 'GET',
        path: `/api/claims?pageSize=50&status=authorized&cursor=${deep}`,
        headers: { authorization: admin },
        kind: 'list',
      },
      {
        name: 'claims by distributor',
        method: 'GET',
        path: `/api/claims?pageSize=50&distributorId=${data.distributor.id}&cursor=${deep}`,
        headers: { authorization: admin },
        kind: 'list',
      },
      {
        name: "a distributor's own claims",
        method: 'GET',
        path: '/api/claims?pageSize=50',
        headers: { authorization: distributor },
        kind: 'list',
      },
      {
        name: "one claim's lines",
        method: 'GET',
        path: `/api/claims/${data.oneClaimId}/lines?limit=200`,
        headers: { authorization: admin },
        kind: 'list',
      },
      { name: 'one claim', method: 'GET', path: `/api/claims/${data.oneClaimId}`, headers: { authorization: admin }, kind: 'list' },
      {
        name: 'approval queue',
        method: 'GET',
        path: '/api/requests?status=pending&requestedBy=others&pageSize=50',
        headers: { authorization: cm },
        kind: 'list',
      },
      { name: 'accruals report', method: 'GET', path: '/api/reports/accruals', headers: { authorization: admin }, kind: 'report' },
      { name: 'claims report', method: 'GET', path: '/api/reports/claims', headers: { authorization: admin }, kind: 'report' },
      { name: 'aging report', method: 'GET', path: '/api/reports/aging', headers: { authorization: admin }, kind: 'report' },
      {
        name: 'sign-in',
        method: 'POST',
        path: '/api/session',
        headers: {},
        body: () => JSON.stringify({ email: 'cm@bench.example', password: PASSWORD }),
        kind: 'sign-in',
      },
      {
        name: 'POST a 10-line claim',
        method: 'POST',
        path: '/api/claims',
        headers: { authorization: distributor },
        body: claimBody,
        kind: 'write',
      },
    ].filter((r) => !ONLY || ONLY.has(r.name)) as Route[];

    const figures: Record<string, unknown>[] = [];
    for (const route of routes) {
      // A warm-up pass (caches, JIT, the buffer pool), not counted.
      await drive(bases, route, 1).catch(() => undefined);
      for (const connections of CONNECTIONS) {
        const f = await drive(bases, route, connections);
        const target = connections === 50 ? TARGET_P99[route.kind] : null;
        figures.push({ route: route.name, path: route.path.replace(/cursor=[^&]+/, 'cursor=…'), kind: route.kind, ...f, target });
        log(
          `${route.name.padEnd(28)} ${String(connections).padStart(3)} conn  ${String(f.requestsPerSecond).padStart(6)} req/s  ` +
            `p50 ${f.p50} ms  p95 ${f.p95} ms  p99 ${f.p99} ms  errors ${f.errors}${target === null ? '' : `  (target p99 <= ${target} ms: ${f.p99 <= target && f.errors === 0 ? 'met' : 'NOT met'})`}`,
        );
      }
    }
    const judged = figures.filter((f) => f.target !== null && f.target !== undefined);
    const targets: Record<string, { targetP99: number; p99: number; errors: number; met: boolean }> = Object.fromEntries(
      judged.map((f) => {
        const [target, p99, errors] = [f.target as number, f.p99 as number, f.errors as number];
        return [f.route, { targetP99: target, p99, errors, met: p99 <= target && errors === 0 }];
      }),
    );
    console.log(
      JSON.stringify({
        bench: 'bec api under load',
        machine: machine(),
        database: await serverSettings(dbUrl),
        data: {
          ...data.counts,
          linesGenerated: process.argv.includes('--no-load') ? null : LINES,
          linesPerClaim: data.linesPerClaim,
          loadSeconds,
        },
        durationSeconds: DURATION,
        // Other work on the machine while it ran (the 1, 5 and 15 minute load averages, at the start and the end).
        loadAverage: { start: loadAtStart, end: os.loadavg().map((l) => round(l, 2)) },
        serverProcesses: SERVERS,
        figures,
        targets,
        allTargetsMet: judged.length > 0 && Object.values(targets).every((t) => t.met),
      }),
    );
  } finally {
    for (const server of servers)
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await new Promise((r) => server.once('exit', r));
      }
    if (own && !process.argv.includes('--keep-db')) await dropDatabase(dbUrl);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
