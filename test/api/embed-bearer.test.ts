/**
 * The embed exchange answers a bearer token, so a page on another site needs no third-party
 * cookie: it is scoped like the embed session (its distributor only, read and write), cannot mint
 * API tokens, expires with the exchange, ends at sign-out, and is no cookie.
 */
import request from 'supertest';
import { loadConfig } from '../../server/config.js';
import { databaseRateLimitStore } from '../../server/http/rate-limit-store.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

const PORTAL = 'https://portal.example.com';

describeDb('embed exchange: a bearer token for pages on other sites', () => {
  let t: TestApp;
  let apps = 0;
  const appWith = (env: Record<string, string> = {}) =>
    t.appWith(
      { EMBED_TOKEN_SECRET: 'z'.repeat(40), CORS_ORIGINS: PORTAL, ...env },
      { rateLimitStore: databaseRateLimitStore(`embed-bearer-${++apps}:`) },
    );
  /** What the portal's backend does with its API token, then what the portal page does. */
  async function exchange(app: ReturnType<typeof appWith>, email: string = USERS.arrowhead) {
    const portal = await t.as(email);
    const auth = (portal.get('/x') as unknown as { header: Record<string, string> }).header.Authorization;
    const issued = await request(app).post('/api/embed/tokens').set('Authorization', auth).send({});
    expect(issued.status).toBe(201);
    const ex = await request(app).post('/api/embed/session').set('Origin', PORTAL).send({ token: issued.body.token });
    expect(ex.status).toBe(200);
    return ex;
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("answers a bearer token that reads and writes the distributor's own data, with CORS and no cookie", async () => {
    const app = appWith();
    const ex = await exchange(app);
    expect(ex.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(ex.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.stringMatching(/^bece_/) });
    const bearer = `Bearer ${ex.body.accessToken}`;
    const me = await request(app).get('/api/session').set('Origin', PORTAL).set('Authorization', bearer);
    expect(me.status).toBe(200);
    expect(me.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(me.body).toMatchObject({ email: USERS.arrowhead, distributorId: ex.body.user.distributorId });
    const claims = await request(app).get('/api/claims').set('Authorization', bearer);
    expect(claims.status).toBe(200);
    expect(claims.body.items.length).toBeGreaterThan(0);
    expect(claims.body.items.every((c: { distributorId: number }) => c.distributorId === ex.body.user.distributorId)).toBe(true);
    // A write needs no CSRF token: the bearer is no ambient credential.
    const note = await request(app)
      .post(`/api/claims/${claims.body.items[0].id}/notes`)
      .set('Authorization', bearer)
      .send({ body: 'from the portal' });
    expect(note.status).toBe(201);
  });

  it('cannot mint API tokens', async () => {
    const app = appWith();
    const ex = await exchange(app);
    const refused = await request(app)
      .post('/api/tokens')
      .set('Authorization', `Bearer ${ex.body.accessToken}`)
      .send({ name: 'forever', scopes: ['read'], expiresInDays: null });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('EMBED_SESSION_CANNOT_MINT');
  });

  it('expires with the exchange and ends at sign-out', async () => {
    const app = appWith({ EMBED_SESSION_TTL_MINUTES: '1' });
    const ex = await exchange(app);
    const ttl = Date.parse(ex.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(loadConfig({}).embedSessionTtlMinutes).toBe(60);
    const bearer = `Bearer ${ex.body.accessToken}`;
    expect((await request(app).delete('/api/session').set('Authorization', bearer)).status).toBe(204);
    const after = await request(app).get('/api/session').set('Authorization', bearer);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('INVALID_TOKEN');
  });

  it('is a header credential only: sent as the session cookie it signs no one in', async () => {
    const app = appWith();
    const ex = await exchange(app);
    const res = await request(app).get('/api/session').set('Cookie', `bec_session=${ex.body.accessToken}`);
    expect(res.status).toBe(401);
  });
});
