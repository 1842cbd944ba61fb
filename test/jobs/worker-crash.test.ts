/**
 * Exactly once, for real: `server/worker.ts` runs as child processes against a MariaDB test
 * database and Redis (BullMQ). The first worker is killed with SIGKILL in the middle of a file; the
 * job stalls, a second worker takes it up once the lock has lapsed, and the file ends imported
 * exactly once: every line once, all in one import, its counters equal to its lines. Then the same
 * for a claim file: the killed run's draft claim goes, the file runs again, each sale is taken once.
 *
 * MariaDB only (a second process on an SQLite file is not the deployment this guards). Redis must
 * answer at REDIS_URL (default redis://127.0.0.1:6379); outside CI the suite is skipped, loudly,
 * when it does not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { QueryTypes } from 'sequelize';
import { QUEUE_NAME } from '../../server/jobs/queue.js';
import { checkLedger } from '../../server/settlement/invariants.repository.js';
import { REDIS_URL, redisOrSkip } from '../support/redis.js';
import { bearerOf, dialect, startTestApp, testDatabaseUrl, USERS, type Client, type TestApp } from '../support/harness.js';

const ROOT = join(__dirname, '..', '..');
const mariadbMissing = process.env.BEC_MARIADB_UNAVAILABLE === '1';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

(dialect === 'mariadb' && !mariadbMissing ? describe : describe.skip)(`a worker killed mid-file [${dialect}]`, () => {
  let t: TestApp;
  let arrow: Client;
  let redis = false;
  const prefix = `bec-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const workers: ChildProcess[] = [];
  const logs: string[] = [];

  const rows = async <T>(sql: string, replacements: unknown[] = []) =>
    (await t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT })) as T[];
  const one = async <T>(sql: string, replacements: unknown[] = []) => (await rows<T>(sql, replacements))[0]!;

  /** `npm run worker` as it runs in production (node with tsx's loader, one process: SIGKILL reaches it). */
  function startWorker(name: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/worker.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        // A dead worker's job is taken up after 2 s instead of 30.
        JOB_LOCK_MS: '2000',
        JOB_STALLED_INTERVAL_MS: '1000',
        WORKER_CONCURRENCY: '1',
        SEED_DEMO: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => logs.push(`[${name}] ${d.toString()}`));
    child.stderr!.on('data', (d: Buffer) => logs.push(`[${name}!] ${d.toString()}`));
    workers.push(child);
    return child;
  }

  async function stop(child: ChildProcess, signal: NodeJS.Signals) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /** Polls until `check` holds (or fails the test, showing the workers' output). */
  async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000, everyMs = 50) {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (await check()) return;
      await sleep(everyMs);
    }
    throw new Error(`timed out waiting for ${what}\n${logs.join('')}`);
  }

  beforeAll(async () => {
    redis = await redisOrSkip('the worker crash tests');
    if (!redis) return;
    // The server only queues (REDIS_URL, no WORKER_IN_PROCESS): the child workers run the jobs.
    t = await startTestApp({ url: testDatabaseUrl(), env: { REDIS_URL, QUEUE_PREFIX: prefix } });
    arrow = await t.as(USERS.arrowhead);
  });

  afterAll(async () => {
    for (const w of workers) await stop(w, 'SIGKILL');
    if (!redis) return;
    await t.close();
    const queue = new Queue(QUEUE_NAME, { connection: { url: REDIS_URL }, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  });

  const bearer = (c: Client) => bearerOf(c);

  it('imports a POS file exactly once when its worker is killed half-way', async () => {
    if (!redis) return;
    const lines = 150_000;
    const parts: string[] = ['Invoice No,Line,Invoice Date,Mfr Part,Qty,Resale'];
    for (let i = 0; i < lines; i++) parts.push(`CRASH-${Math.floor(i / 4)},${(i % 4) + 1},2026-11-12,VS-MCU-32F4,${(i % 7) + 1},4.1000`);
    const csv = parts.join('\n') + '\n';

    const first = startWorker('worker 1');
    const sent = await t.http
      .post('/api/imports?fileName=crash.csv')
      .set('Authorization', bearer(arrow))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ status: 'queued', rowsRead: 0, progress: 0 });
    const id = sent.body.id as number;
    expect(sent.headers.location).toBe(`/api/imports/${id}`);

    const job = () =>
      one<{
        status: string;
        rowsRead: number;
        rowsAccepted: number;
        rowsDuplicate: number;
        rowsRejected: number;
        attempts: number;
        resumeRow: number;
      }>(
        `SELECT status, rows_read AS rowsRead, rows_accepted AS rowsAccepted, rows_duplicate AS rowsDuplicate,
                rows_rejected AS rowsRejected, attempts, resume_row AS resumeRow FROM pos_imports WHERE id = ?`,
        [id],
      );
    const linesOf = async (importId: number) =>
      Number((await one<{ n: number }>('SELECT COUNT(*) AS n FROM pos_lines WHERE import_id = ?', [importId])).n);

    // Killed once a few batches are in, well before the end.
    await until('the first batches', async () => (await job()).rowsRead >= 15_000);
    await stop(first, 'SIGKILL');
    await sleep(300);
    const atKill = await job();
    expect(atKill.status).toBe('running');
    expect(atKill.rowsRead).toBeLessThan(lines);
    // What is committed is consistent: the counters and the mark are those of the lines written.
    expect(await linesOf(id)).toBe(atKill.rowsAccepted);
    expect(atKill.rowsAccepted).toBe(atKill.rowsRead);
    expect(atKill.resumeRow).toBe(atKill.rowsRead + 1);

    const second = startWorker('worker 2');
    await until('the retried import to end', async () => ['completed', 'failed'].includes((await job()).status), 180_000, 250);
    const done = await job();
    expect(done).toMatchObject({
      status: 'completed',
      rowsRead: lines,
      rowsAccepted: lines,
      rowsDuplicate: 0,
      rowsRejected: 0,
      attempts: 2,
    });

    // In SQL: every line of the file once, all in this one import.
    const all = await one<{ n: number; distinct: number; imports: number; firstImport: number }>(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT invoice_key, line_key) AS \`distinct\`, COUNT(DISTINCT import_id) AS imports,
              MIN(import_id) AS firstImport
         FROM pos_lines WHERE invoice_number LIKE 'CRASH-%'`,
    );
    expect(Number(all.n)).toBe(lines);
    expect(Number(all.distinct)).toBe(lines);
    expect(Number(all.imports)).toBe(1);
    expect(Number(all.firstImport)).toBe(id);
    const view = (await arrow.get(`/api/imports/${id}`)).body;
    expect(view).toMatchObject({ status: 'completed', rowsRead: lines, rowsAccepted: lines, progress: 1 });
    const audit = await rows<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'pos_import' AND entity_id = ? ORDER BY id`,
      [String(id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['pos_import.started', 'pos_import.resumed', 'pos_import.completed']);
    // A worker stopped with SIGTERM closes its queue connections and exits cleanly.
    await stop(second, 'SIGTERM');
    expect(second.exitCode).toBe(0);
  }, 300_000);

  it('runs a claim file again from the start when its worker is killed, and takes each sale once', async () => {
    if (!redis) return;
    // An authorization with room for every line of the file (the program's cap); a file long
    // enough that the worker is still on it when the test, polling, sees its first lines.
    const lines = 100_000;
    const program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    const cascade = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0];
    const adc = (await arrow.get('/api/products?q=VS-ADC-24S')).body.items[0];
    const created = await arrow.post('/api/requests', {
      programId: program.id,
      endCustomerId: cascade.id,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: [{ productId: adc.id, quantity: lines, requestedCost: '5.9270' }],
    });
    expect(created.status).toBe(201);
    const approved = await (await t.as(USERS.cm)).post(`/api/requests/${created.body.id}/approve`, { comment: 'ok' });
    const auth = (await arrow.get(`/api/authorizations/${approved.body.authorizationId}`)).body;
    const parts = ['Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer'];
    for (let i = 0; i < lines; i++) parts.push(`KILLCLM-${i},1,2026-11-12,VS-ADC-24S,1,6.0270,5.9270,${auth.number},Cascade Robotics`);
    const csv = parts.join('\n') + '\n';

    const first = startWorker('worker 3');
    const sent = await t.http
      .post('/api/claims/file?debitMemoNumber=KILL-DM-1&fileName=claims.csv')
      .set('Authorization', bearer(arrow))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ purpose: 'claim', status: 'queued', result: null });
    const id = sent.body.id as number;
    const job = () =>
      one<{ status: string; rowsRead: number; claimId: number | null; attempts: number; result: string | null }>(
        'SELECT status, rows_read AS rowsRead, claim_id AS claimId, attempts, result FROM pos_imports WHERE id = ?',
        [id],
      );

    await until('the first claim lines', async () => (await job()).rowsRead >= 5_000);
    await stop(first, 'SIGKILL');
    const atKill = await job();
    expect(atKill.status).toBe('running');
    expect(atKill.rowsRead).toBeLessThan(lines);
    const killedClaim = atKill.claimId!;
    expect(killedClaim).toBeGreaterThan(0);

    startWorker('worker 4');
    await until('the claim file to end', async () => ['completed', 'failed'].includes((await job()).status), 180_000, 250);
    const done = await job();
    expect(done.status).toBe('completed');
    expect(done.attempts).toBe(2);
    const result = JSON.parse(done.result!) as { claim: { id: number; status: string }; lines: { accepted: number } };
    expect(result.lines.accepted).toBe(lines);
    // The killed run's draft is gone; one claim holds the file, with every line once.
    const claims = await rows<{ id: number; status: string }>(`SELECT id, status FROM claims WHERE debit_memo_number = 'KILL-DM-1'`);
    expect(claims).toEqual([{ id: result.claim.id, status: 'submitted' }]);
    expect(result.claim.id).not.toBe(killedClaim);
    expect(Number((await one<{ n: number }>('SELECT COUNT(*) AS n FROM claim_lines WHERE claim_id = ?', [killedClaim])).n)).toBe(0);
    const claimLines = await one<{ n: number; distinct: number }>(
      'SELECT COUNT(*) AS n, COUNT(DISTINCT invoice_key, line_key) AS `distinct` FROM claim_lines WHERE claim_id = ?',
      [result.claim.id],
    );
    expect([Number(claimLines.n), Number(claimLines.distinct)]).toEqual([lines, lines]);
    // The ledger: each sale consumed once, the authorization's counter the sum of them.
    const consumed = await one<{ n: number; distinct: number }>(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT invoice_key, line_key) AS \`distinct\` FROM pos_consumptions WHERE invoice_key LIKE 'KILLCLM-%'`,
    );
    expect([Number(consumed.n), Number(consumed.distinct)]).toEqual([lines, lines]);
    const counter = await one<{ q: number }>('SELECT consumed_quantity AS q FROM authorization_lines WHERE id = ?', [auth.lines[0].id]);
    expect(Number(counter.q)).toBe(lines);
    expect((await checkLedger(t.db.sequelize)).violations).toEqual([]);
  }, 300_000);
});
