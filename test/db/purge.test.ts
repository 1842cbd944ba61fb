/**
 * The scheduled purge (server/purge.ts) against the database: expired sessions, SAML AuthnRequest
 * ids, idempotency records past their time, spent embed-token ids and ended rate-limit counters
 * go; live ones stay. Each GET /auth/saml/login adds a saml_requests row: they no longer pile up.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { IdempotencyRecord, Session } from '../../models/platform.js';
import { EmbedTokenUse, RateLimitHit, SamlRequest } from '../../models/security.js';
import { findUserByEmail } from '../../server/auth/auth.repository.js';
import { databaseRateLimitStore } from '../../server/http/rate-limit-store.js';
import { purgeExpired, schedulePurges } from '../../server/purge.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

const MINUTE = 60_000;
const id = () => randomBytes(16).toString('hex');

describeDb('purge of expired rows', () => {
  let t: TestApp;
  let userId: number;
  beforeAll(async () => {
    t = await startTestApp();
    userId = (await findUserByEmail(USERS.finance))!.id;
  });
  afterAll(() => t.close());

  /** One expired (or too old) and one live row in each table the purge looks after, as of `now`. */
  async function plant(now: number) {
    const past = new Date(now - MINUTE);
    const future = new Date(now + 10 * MINUTE);
    const rows = { expired: id(), live: id() };
    for (const [which, at] of [
      [rows.expired, past],
      [rows.live, future],
    ] as const) {
      await Session.create({ id: which, userId, csrfToken: id(), expiresAt: at, method: 'password' });
      await SamlRequest.create({ id: which, issuedAt: new Date(now - 11 * MINUTE), expiresAt: at, consumedAt: null });
      await EmbedTokenUse.create({ jti: which, userId, expiresAt: at, consumedAt: new Date(now - 2 * MINUTE) });
      await RateLimitHit.create({ counterKey: which, hits: 3, resetAtMs: at.getTime() });
    }
    // Idempotency records are kept IDEMPOTENCY_TTL_HOURS after their first use.
    const fields = { method: 'POST', path: '/api/claims', fingerprint: 'f'.repeat(64), statusCode: 201, responseBody: '{}' };
    await IdempotencyRecord.create({ ...fields, scope: 'user:1', idemKey: rows.expired, createdAt: new Date(now - 25 * 3600_000) });
    await IdempotencyRecord.create({ ...fields, scope: 'user:1', idemKey: rows.live, createdAt: new Date(now - 23 * 3600_000) });
    return rows;
  }

  const present = async (key: string) => ({
    session: !!(await Session.findByPk(key)),
    samlRequest: !!(await SamlRequest.findByPk(key)),
    embedTokenUse: !!(await EmbedTokenUse.findByPk(key)),
    rateLimitCounter: !!(await RateLimitHit.findByPk(key)),
    idempotencyRecord: !!(await IdempotencyRecord.findOne({ where: { idemKey: key } })),
  });

  it('deletes the expired rows of every table and keeps the live ones', async () => {
    const now = Date.now();
    const rows = await plant(now);
    const purged = await purgeExpired({ idempotencyTtlHours: 24 }, new Date(now));
    for (const n of Object.values(purged)) expect(n).toBeGreaterThanOrEqual(1);
    expect(await present(rows.expired)).toEqual({
      session: false,
      samlRequest: false,
      embedTokenUse: false,
      rateLimitCounter: false,
      idempotencyRecord: false,
    });
    expect(await present(rows.live)).toEqual({
      session: true,
      samlRequest: true,
      embedTokenUse: true,
      rateLimitCounter: true,
      idempotencyRecord: true,
    });
    // Running again finds nothing more to do.
    expect(Object.values(await purgeExpired({ idempotencyTtlHours: 24 }, new Date(now))).every((n) => n === 0)).toBe(true);
  });

  it('purges the SAML requests that GET /auth/saml/login leaves once they have expired', async () => {
    const app = t.appWith({ SAML_TEST_IDP: 'true' }, { rateLimitStore: databaseRateLimitStore('purge-test:') });
    const before = await SamlRequest.count();
    for (let i = 0; i < 3; i++) expect((await request(app).get('/auth/saml/login')).status).toBe(302);
    expect(await SamlRequest.count()).toBe(before + 3);
    // Still valid now (10 minutes): kept.
    await purgeExpired({ idempotencyTtlHours: 24 });
    expect(await SamlRequest.count()).toBe(before + 3);
    // Eleven minutes later: gone.
    await purgeExpired({ idempotencyTtlHours: 24 }, new Date(Date.now() + 11 * MINUTE));
    expect(await SamlRequest.count()).toBe(0);
  });

  it('runs once at start, then on its interval, until stopped', async () => {
    const now = Date.now();
    const rows = await plant(now);
    const purges = schedulePurges({ idempotencyTtlHours: 24, purgeIntervalMinutes: 60 });
    try {
      for (let i = 0; i < 100 && (await Session.findByPk(rows.expired)); i++) await new Promise((r) => setTimeout(r, 50));
      expect((await present(rows.expired)).session).toBe(false);
      expect((await present(rows.live)).session).toBe(true);
    } finally {
      purges.stop();
    }
  });
});
