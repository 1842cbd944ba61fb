/**
 * Two server processes behind a proxy (issue 19 item 4): two real `server/main.ts` processes on
 * one MariaDB database and one Redis, and a small round-robin HTTP proxy in front of them (as
 * nginx would be, docs/deployment.md). Each exchange below names the process that answered it
 * (the proxy's X-Backend header) and crosses from one to the other: a session and its CSRF token
 * made on one are honoured on the other, a sign-out there ends it here within the credential
 * cache's seconds, an Idempotency-Key's first answer is replayed by the other process, the
 * sign-in failures counted by one count on the other (the rate-limit store is Redis), and an
 * import queued through one is followed to its end on the event stream of the other (the job is
 * queued on Redis, run by whichever process takes it, and each change of its row is told to the
 * other process through Redis, which reads the row: the stream's own look at the row is turned off).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';
import { dialect, describeDb, dropTestDatabase, testDatabaseUrl, USERS } from '../support/harness.js';
import { REDIS_URL, redisOrSkip } from '../support/redis.js';

interface Backend {
  name: string;
  port: number;
  process: ChildProcess;
}

const CREDENTIAL_CACHE_SECONDS = 1;
const SIGNIN_RATE_LIMIT = 4;

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** One server process as production runs it (`npm start` without the build), started and waited for. */
async function startBackend(name: string, env: Record<string, string>): Promise<Backend> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server ${name} exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { name, port, process: child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`server ${name} did not answer within two minutes: ${stderr.slice(-2000)}`);
}

async function stopBackend(b: Backend | undefined) {
  if (!b || b.process.exitCode !== null) return;
  const exited = new Promise((r) => b.process.once('exit', r));
  b.process.kill('SIGTERM');
  await exited;
}

/** A round-robin proxy: each request to the next backend, the answer marked with the backend's name (X-Backend). */
function startProxy(backends: Backend[]) {
  let next = 0;
  const server = http.createServer((req, res) => {
    const b = backends[next++ % backends.length]!;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: b.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-backend': b.name });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  return new Promise<{ url: string; server: http.Server; next: () => string }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        server,
        // The backend the next request will reach.
        next: () => backends[next % backends.length]!.name,
      }),
    ),
  );
}

const run = dialect === 'mariadb' ? describeDb : describe.skip;
run('two server processes behind a proxy', () => {
  let url: string;
  let a: Backend | undefined;
  let b: Backend | undefined;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let redis = false;
  const uploads = mkdtempSync(join(tmpdir(), 'bec_two_process_'));

  beforeAll(async () => {
    redis = await redisOrSkip('the two-process tests');
    if (!redis) return;
    url = testDatabaseUrl();
    const env = {
      DATABASE_URL: url,
      REDIS_URL,
      QUEUE_PREFIX: `bec-two-${process.pid}`,
      WORKER_IN_PROCESS: 'true',
      UPLOAD_DIR: uploads,
      DOCUMENTS_DIR: join(uploads, 'documents'),
      LOG_REQUESTS: 'false',
      TRUST_PROXY: '1',
      CREDENTIAL_CACHE_SECONDS: String(CREDENTIAL_CACHE_SECONDS),
      SIGNIN_RATE_LIMIT: String(SIGNIN_RATE_LIMIT),
      // An event stream hears of its job's progress through Redis only: it does not look at the row by itself.
      JOB_EVENTS_FALLBACK_MS: '600000',
    };
    // The first migrates and seeds the demo; the second starts on the database it made.
    a = await startBackend('a', { ...env, SEED_DEMO: 'true' });
    b = await startBackend('b', { ...env, SEED_DEMO: 'false' });
    proxy = await startProxy([a, b]);
  }, 240_000);

  afterAll(async () => {
    if (proxy) await new Promise((r) => proxy.server.close(r));
    await Promise.all([stopBackend(a), stopBackend(b)]);
    if (url) await dropTestDatabase(url);
    rmSync(uploads, { recursive: true, force: true });
  }, 60_000);

  /** A request through the proxy, with the backend that answered it. */
  async function call(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; text?: string } = {}) {
    const res = await fetch(`${proxy.url}${path}`, {
      method,
      headers: {
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.text !== undefined ? { 'content-type': 'text/csv' } : {}),
        ...opts.headers,
      },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : opts.text,
    });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { text };
    }
    return { status: res.status, body, backend: res.headers.get('x-backend'), headers: res.headers };
  }

  async function signIn(email: string) {
    const s = await call('POST', '/api/session', { body: { email, password: DEMO_PASSWORD } });
    expect(s.status).toBe(200);
    return {
      cookie: s.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      csrf: s.body.csrfToken as string,
      backend: s.backend,
    };
  }

  it('honours a session and its CSRF token made on one process on the other, and a sign-out there ends it here', async () => {
    if (!redis) return;
    const session = await signIn(USERS.cm);
    const read = await call('GET', '/api/session', { headers: { cookie: session.cookie } });
    expect(read.status).toBe(200);
    expect(read.backend).not.toBe(session.backend);
    // A write with the session needs its CSRF token, whichever process checks it.
    const withoutToken = await call('POST', '/api/tokens', { body: { name: 'x', scopes: ['read'] }, headers: { cookie: session.cookie } });
    const withToken = await call('POST', '/api/tokens', {
      body: { name: 'x', scopes: ['read'] },
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(withoutToken.status).toBe(403);
    expect(withToken.status).toBe(201);
    expect(new Set([withoutToken.backend, withToken.backend])).toEqual(new Set(['a', 'b']));
    // Sign out through one; the other refuses the session once its credential cache has let it go.
    const out = await call('DELETE', '/api/session', { headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
    expect(out.status).toBe(204);
    const deadline = Date.now() + (CREDENTIAL_CACHE_SECONDS + 5) * 1000;
    const seen = new Map<string, number>();
    while (Date.now() < deadline && !(seen.get('a') === 401 && seen.get('b') === 401)) {
      const r = await call('GET', '/api/session', { headers: { cookie: session.cookie } });
      seen.set(r.backend!, r.status);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(Object.fromEntries(seen)).toEqual({ a: 401, b: 401 });
  });

  it("replays an Idempotency-Key's first answer from the other process", async () => {
    if (!redis) return;
    const session = await signIn(USERS.arrowhead);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'idempotency-key': `two-process-${process.pid}` };
    const programs = await call('GET', '/api/programs', { headers });
    const program = (programs.body.items as { id: number; code: string }[]).find((p) => p.code === 'SD-2026')!;
    const customers = await call('GET', '/api/accounts?type=end_customer&q=Cascade', { headers });
    const products = await call('GET', '/api/products', { headers });
    const product = (products.body.items as { id: number; vendorPartNumber: string }[]).find((p) => p.vendorPartNumber === 'VS-ETH-PHY')!;
    const body = {
      programId: program.id,
      endCustomerId: (customers.body.items as { id: number }[])[0]!.id,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: [{ productId: product.id, quantity: 100, requestedCost: '3.2000' }],
    };
    const first = await call('POST', '/api/requests', { body, headers });
    const again = await call('POST', '/api/requests', { body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.backend).not.toBe(first.backend);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });

  it('counts failed sign-ins on both processes against one limit', async () => {
    if (!redis) return;
    const wrong = { email: USERS.pacific, password: 'not the password' };
    const answers: { status: number; backend: string | null }[] = [];
    for (let i = 0; i < SIGNIN_RATE_LIMIT + 1; i++) {
      const r = await call('POST', '/api/session', { body: wrong });
      answers.push({ status: r.status, backend: r.backend });
    }
    expect(new Set(answers.map((x) => x.backend))).toEqual(new Set(['a', 'b']));
    // Each process alone saw at most half the failures: only a shared count reaches the limit.
    expect(answers.slice(0, SIGNIN_RATE_LIMIT).map((x) => x.status)).toEqual(Array(SIGNIN_RATE_LIMIT).fill(401));
    expect(answers.at(-1)!.status).toBe(429);
  });

  it("follows an import queued through one process to its end on the other's event stream", async () => {
    if (!redis) return;
    const session = await signIn(USERS.arrowhead);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty',
      ...Array.from({ length: 2000 }, (_, i) => `TWO-${i},1,2026-11-12,VS-MCU-32F4,3`),
    ].join('\n');
    const queued = await call('POST', '/api/imports?fileName=two.csv', { text: csv, headers });
    expect(queued.status).toBe(202);
    const other = proxy.next();
    expect(other).not.toBe(queued.backend);
    const events = await call('GET', `/api/imports/${queued.body.id}/events`, { headers });
    expect(events.backend).toBe(other);
    const text = String(events.body.text);
    const names = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(names.at(-1)).toBe('completed');
    expect(text).toMatch(/"rowsAccepted":2000/);
  });
});
