/**
 * Starts the real app on a fresh database of the dialect this jest project runs on: a SQLite
 * file in the temp folder, or a new MariaDB database (dropped at the end). Tests speak HTTP to it through supertest.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import mysql from 'mysql2/promise';
import request from 'supertest';
import { openDatabase, parseMysqlUrl, type Database } from '../../models/database.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { rateLimitStoreFor, type RateLimitStore } from '../../server/http/rate-limit-store.js';
import { createJobs } from '../../server/jobs/runtime.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/seed/demo.js';
import { stopRoutingSchedule } from '../../server/requests/routing.service.js';

export const dialect = (process.env.BEC_TEST_DIALECT ?? 'sqlite') as 'sqlite' | 'mariadb';
const mariadbMissing = dialect === 'mariadb' && process.env.BEC_MARIADB_UNAVAILABLE === '1';

/** `describe`, named with the dialect; skipped (loudly, by the global setup) only when MariaDB is absent outside CI. */
export const describeDb = (name: string, fn: () => void) => (mariadbMissing ? describe.skip : describe)(`${name} [${dialect}]`, fn);

export function testDatabaseUrl(): string {
  // A file, as the embedded default runs (an in-memory database hides what a second connection sees).
  if (dialect === 'sqlite') return `sqlite:${join(tmpdir(), `bec_t_${process.pid}_${randomBytes(4).toString('hex')}.sqlite`)}`;
  const base = new URL((process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test').replace(/^mariadb:/, 'mysql:'));
  base.pathname = `/bec_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  return base.toString();
}

export interface Client {
  get(path: string): request.Test;
  post(path: string, body?: object, headers?: Record<string, string>): request.Test;
  patch(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

export interface TestApp {
  app: Express;
  db: Database;
  url: string;
  http: ReturnType<typeof request>;
  /** A client signed in as this user through a bearer token. */
  as(email: string): Promise<Client>;
  /**
   * Another app on this database with its own configuration (`env` beside the tests' defaults), its
   * own jobs and rate-limit store (`rateLimitStore`, or the configuration's). close() stops them
   * before the database closes: no schedule of theirs runs on a closed database.
   */
  appWith(env?: Record<string, string>, deps?: { staticRoot?: string; rateLimitStore?: RateLimitStore }): Express;
  close(): Promise<void>;
}

/** Removes a test's database once it is closed (a MariaDB database, or a SQLite file and its journals). */
export async function dropTestDatabase(url: string) {
  if (url.startsWith('mysql:')) {
    const c = parseMysqlUrl(url);
    const conn = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password });
    await conn.query(`DROP DATABASE IF EXISTS \`${c.database}\``);
    await conn.end();
  }
  if (url.startsWith('sqlite:/'))
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(url.slice('sqlite:'.length) + suffix, { force: true });
}

/** `env`: configuration variables for this app (e.g. `UPLOAD_MAX_BYTES`), beside the tests' defaults. */
export async function startTestApp(options: { seed?: boolean; url?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const url = options.url ?? testDatabaseUrl();
  const db = await openDatabase(url, { poolMax: 10 });
  await db.migrate();
  if (options.seed !== false) await seedDemo();
  // Jobs run in this process on the in-memory queue (no REDIS_URL); uploads wait in the temp folder.
  const config = loadConfig({ LOG_REQUESTS: 'false', UPLOAD_DIR: join(tmpdir(), `bec_uploads_${process.pid}`), ...options.env });
  const jobs = createJobs(config);
  // Rate-limit counters as the configuration says (the database, or Redis with REDIS_URL).
  const rateLimitStore = rateLimitStoreFor(config);
  const app = createApp({ config, db, jobs, rateLimitStore });
  const http = request(app);
  const tokens = new Map<string, string>();
  const as = async (email: string): Promise<Client> => {
    let token = tokens.get(email);
    if (!token) {
      const agent = request.agent(app);
      const s = await agent.post('/api/session').send({ email, password: DEMO_PASSWORD });
      if (s.status !== 200) throw new Error(`cannot sign in ${email}: ${s.status} ${JSON.stringify(s.body)}`);
      const t = await agent
        .post('/api/tokens')
        .set('X-CSRF-Token', s.body.csrfToken)
        .send({ name: 'test', scopes: ['read', 'write', 'admin'] });
      if (t.status !== 201) throw new Error(`cannot issue a token for ${email}: ${t.status} ${JSON.stringify(t.body)}`);
      token = t.body.token as string;
      tokens.set(email, token);
    }
    const auth = `Bearer ${token}`;
    return {
      get: (p) => http.get(p).set('Authorization', auth),
      post: (p, body, headers = {}) =>
        http
          .post(p)
          .set('Authorization', auth)
          .set(headers)
          .send(body ?? {}),
      patch: (p, body) =>
        http
          .patch(p)
          .set('Authorization', auth)
          .send(body ?? {}),
      delete: (p) => http.delete(p).set('Authorization', auth),
    };
  };
  const others: { jobs: ReturnType<typeof createJobs>; store: RateLimitStore }[] = [];
  const appWith: TestApp['appWith'] = (env = {}, deps = {}) => {
    const otherConfig = loadConfig({ LOG_REQUESTS: 'false', ...env });
    const other = { jobs: createJobs(otherConfig), store: deps.rateLimitStore ?? rateLimitStoreFor(otherConfig) };
    others.push(other);
    return createApp({ config: otherConfig, db, jobs: other.jobs, rateLimitStore: other.store, staticRoot: deps.staticRoot });
  };
  return {
    app,
    db,
    url,
    http,
    as,
    appWith,
    async close() {
      // The jobs still running end first (jest hangs on an open queue, and they need the database);
      // the approval escalation sweep and the EDI schedules stop with them; each store writes what
      // its counters hold.
      stopRoutingSchedule();
      for (const other of others) await other.jobs.close();
      await jobs.close();
      for (const other of others) await other.store.close();
      await rateLimitStore.close();
      await db.close();
      await dropTestDatabase(url);
    },
  };
}

export const USERS = {
  admin: 'admin@voltaic.example',
  cm: 'cm@voltaic.example',
  cm2: 'cm2@voltaic.example',
  finance: 'finance@voltaic.example',
  finance2: 'finance2@voltaic.example',
  arrowhead: 'ops@arrowhead.example',
  northbridge: 'ops@northbridge.example',
  pacific: 'ops@pacificrim.example',
} as const;

/** The `Authorization` header a client signed in with `t.as()` sends (for requests built with `t.http`). */
export const bearerOf = (c: Client): string => (c.get('/x') as unknown as { _header: Record<string, string> })._header.authorization!;

/**
 * The file routes answer 202 and run as jobs (docs/jobs.md); a test that wants the finished result
 * asks `?wait=true` (201 once the job has ended, or its failure as the route's error).
 */
export function waitFor(path: string): string {
  if (/[?&]wait=/.test(path) || !/^\/api\/(imports(\/\d+\/claims)?|claims\/file)(\?|$)/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}wait=true`;
}

/**
 * Fakes the clock's date only (`Date`), so the real app in this process sees the day a test sets
 * with `jest.setSystemTime`; timers, ticks and performance stay real (the app's jobs, the database
 * drivers). Undo with `jest.useRealTimers()`.
 */
export function fakeDateOnly() {
  jest.useFakeTimers({
    advanceTimers: true,
    doNotFake: [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'setImmediate',
      'clearImmediate',
      'nextTick',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}

/**
 * A new authorization of Arrowhead's (SD-2026 program, Cascade Robotics, VS-ADC-24S unless said):
 * requested by its distributor user, approved by a channel manager, all its quantity still to claim.
 */
export async function approvedAuthorization(
  t: TestApp,
  opts: { quantity: number; cost: string; part?: string; justification?: string; opportunityRef?: string },
) {
  const arrow = await t.as(USERS.arrowhead);
  const cm = await t.as(USERS.cm);
  const program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
  const cascade = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0];
  const part = opts.part ?? 'VS-ADC-24S';
  const products = (await arrow.get('/api/products')).body.items as { id: number; vendorPartNumber: string }[];
  const product = products.find((p) => p.vendorPartNumber === part)!;
  const created = await arrow.post('/api/requests', {
    programId: program.id,
    endCustomerId: cascade.id,
    validFrom: '2026-10-01',
    validTo: '2027-03-31',
    justification: opts.justification ?? 'a test authorization',
    ...(opts.opportunityRef ? { opportunityRef: opts.opportunityRef } : {}),
    lines: [{ productId: product.id, quantity: opts.quantity, requestedCost: opts.cost }],
  });
  if (created.status !== 201) throw new Error(`price request: ${created.status} ${JSON.stringify(created.body)}`);
  const approved = await cm.post(`/api/requests/${created.body.id}/approve`, { comment: 'ok' });
  if (approved.status !== 200) throw new Error(`approval: ${approved.status} ${JSON.stringify(approved.body)}`);
  const auth = (await arrow.get(`/api/authorizations/${approved.body.authorizationId}`)).body;
  return {
    number: auth.number as string,
    lineId: auth.lines[0].id as number,
    part,
    cost: opts.cost,
    customer: cascade.name as string,
    customerId: cascade.id as number,
    requestId: created.body.id as number,
  };
}
