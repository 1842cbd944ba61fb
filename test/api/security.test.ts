import express from 'express';
import request from 'supertest';
import { AuditEvent } from '../../models/platform.js';
import { embedTokens } from '../../server/auth/embed.js';
import { loadConfig } from '../../server/config.js';
import { databaseRateLimitStore } from '../../server/http/rate-limit-store.js';
import { errorMiddleware } from '../../server/errors.js';
import { requestSizeLimit, safeCsvCell } from '../../server/http/security.js';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

const SECRET = 'x'.repeat(40);
const cookieOf = (res: request.Response) =>
  ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((c) => c.startsWith('bec_session='))?.split(';')[0];

describeDb('hardening: headers, CORS, CSRF, session fixation, rate limits, embed tokens', () => {
  let t: TestApp;
  // Each app counts in rate-limit counters of its own (in the shared database, under a name of its own).
  let apps = 0;
  const appWith = (env: Record<string, string>) => {
    const rateLimitStore = databaseRateLimitStore(`security-app-${++apps}:`);
    return t.appWith(env, { rateLimitStore });
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  // Each app's jobs stop and its store writes what its API counters hold before the database closes.
  afterAll(() => t.close());

  it('sends a CSP whose frame-ancestors lists only ourselves and the configured CRM and portal origins', async () => {
    const app = appWith({ FRAME_ANCESTORS: 'https://acme.lightning.force.com, https://partners.acme.example' });
    const res = await request(app).get('/api/health');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("frame-ancestors 'self' https://acme.lightning.force.com https://partners.acme.example");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const byDefault = await t.http.get('/api/health');
    expect(byDefault.headers['content-security-policy']).toMatch(/frame-ancestors 'self'(;|$)/);
  });

  it('answers CORS only for configured origins', async () => {
    const app = appWith({ CORS_ORIGINS: 'https://partners.acme.example' });
    const ok = await request(app)
      .options('/api/claims')
      .set('Origin', 'https://partners.acme.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(ok.headers['access-control-allow-origin']).toBe('https://partners.acme.example');
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    const evil = await request(app)
      .options('/api/claims')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const get = await request(app).get('/api/health').set('Origin', 'https://evil.example');
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a cookie-authenticated write without the CSRF token, and audits the refusal', async () => {
    const agent = request.agent(t.app);
    const s = await agent.post('/api/session').send({ email: USERS.finance, password: DEMO_PASSWORD });
    expect(s.status).toBe(200);
    const before = await AuditEvent.count({ where: { action: 'authorization.refused' } });
    const refused = await agent.post('/api/tokens').send({ name: 'csrf' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('CSRF_TOKEN_INVALID');
    expect(await AuditEvent.count({ where: { action: 'authorization.refused' } })).toBe(before + 1);
    const wrong = await agent.post('/api/tokens').set('X-CSRF-Token', 'guess').send({ name: 'csrf' });
    expect(wrong.status).toBe(403);
    const ok = await agent.post('/api/tokens').set('X-CSRF-Token', s.body.csrfToken).send({ name: 'csrf' });
    expect(ok.status).toBe(201);
  });

  it('never adopts a session id chosen before sign-in (session fixation), and issues a new one at each login', async () => {
    const planted = 'bec_session=attacker-chosen-value';
    const s1 = await t.http.post('/api/session').set('Cookie', planted).send({ email: USERS.cm, password: DEMO_PASSWORD });
    expect(s1.status).toBe(200);
    const c1 = cookieOf(s1)!;
    expect(c1).toBeDefined();
    expect(c1).not.toBe(planted);
    expect((await t.http.get('/api/session').set('Cookie', planted)).status).toBe(401);
    expect((await t.http.get('/api/session').set('Cookie', c1)).status).toBe(200);
    const s2 = await t.http.post('/api/session').set('Cookie', c1).send({ email: USERS.cm, password: DEMO_PASSWORD });
    expect(cookieOf(s2)).not.toBe(c1);
    expect(s1.headers['set-cookie']![0]).toMatch(/HttpOnly/);
    expect(s1.headers['set-cookie']![0]).toMatch(/SameSite=Lax/);
  });

  it('marks the session cookie Secure when configured', async () => {
    const res = await request(appWith({ COOKIE_SECURE: 'true' }))
      .post('/api/session')
      .send({ email: USERS.cm, password: DEMO_PASSWORD });
    expect(res.headers['set-cookie']![0]).toMatch(/Secure/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });

  it('rate-limits failed sign-ins per address and account, then refuses even the right password', async () => {
    const app = appWith({ SIGNIN_RATE_LIMIT: '3' });
    for (let i = 0; i < 3; i++) {
      expect((await request(app).post('/api/session').send({ email: USERS.cm2, password: 'wrong' })).status).toBe(401);
    }
    const blocked = await request(app).post('/api/session').send({ email: USERS.cm2, password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    // Another account from the same address is not locked out by it.
    expect((await request(app).post('/api/session').send({ email: USERS.finance2, password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('does not count successful sign-ins against the limit', async () => {
    const app = appWith({ SIGNIN_RATE_LIMIT: '2' });
    for (let i = 0; i < 4; i++)
      expect((await request(app).post('/api/session').send({ email: USERS.finance, password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('rate-limits the API per caller', async () => {
    const app = appWith({ API_RATE_LIMIT_PER_MINUTE: '5' });
    const finance = await t.as(USERS.finance);
    const auth = (finance.get('/api/session') as unknown as { header: Record<string, string> }).header.Authorization;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await request(app).get('/api/claims').set('Authorization', auth)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });

  it('refuses a body larger than the cap with 413 before reading it', async () => {
    const app = express();
    app.post('/x', requestSizeLimit(1000), (_req, res) => {
      res.json({ ok: true });
    });
    app.use(errorMiddleware);
    const res = await request(app).post('/x').set('Content-Type', 'text/plain').send('y'.repeat(2000));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await request(app).post('/x').set('Content-Type', 'text/plain').send('y')).status).toBe(200);
  });

  it('defuses spreadsheet formulas in CSV cells', () => {
    expect(safeCsvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(safeCsvCell('+1+1')).toBe("'+1+1");
    // a plain decimal numeral is a number, not a formula: written as it is, so a spreadsheet adds it up
    expect(safeCsvCell('-2')).toBe('-2');
    expect(safeCsvCell('-2+3')).toBe("'-2+3");
    expect(safeCsvCell('-A1')).toBe("'-A1");
    expect(safeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCsvCell(-2)).toBe('-2');
    expect(safeCsvCell('a,b')).toBe('"a,b"');
    expect(safeCsvCell(null)).toBe('');
  });

  it('never echoes a stack trace or SQL', async () => {
    const res = await t.http.post('/api/session').set('Content-Type', 'application/json').send('{"email":');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|SELECT|stack/i);
  });

  it('serves the local test IdP only with SAML_TEST_IDP=true, and completes a login through it', async () => {
    const off = await t.http.get('/auth/saml/test-idp');
    expect(off.status).toBe(404);
    expect((await t.http.get('/auth/saml/login')).status).toBe(404);
    const app = appWith({ SAML_TEST_IDP: 'true' });
    const login = await request(app).get('/auth/saml/login?returnTo=/claims.html');
    expect(login.status).toBe(302);
    const idpUrl = new URL(login.headers.location as string);
    expect(idpUrl.pathname).toBe('/auth/saml/test-idp');
    const form = await request(app).get(idpUrl.pathname + idpUrl.search);
    expect(form.status).toBe(200);
    const requestId = /name="requestId" value="([^"]+)"/.exec(form.text)![1];
    const signed = await request(app).post('/auth/saml/test-idp').type('form').send({
      requestId,
      RelayState: '/claims.html',
      email: 'demo.sso@voltaic.example',
      displayName: 'Demo SSO',
      role: 'channel_manager',
      distributor: '',
    });
    const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(signed.text)![1];
    const acs = await request(app).post('/auth/saml/acs').type('form').send({ SAMLResponse: samlResponse, RelayState: '/claims.html' });
    expect(acs.status).toBe(303);
    expect(acs.headers.location).toBe('/claims.html');
    const me = await request(app).get('/api/session').set('Cookie', cookieOf(acs)!);
    expect(me.body).toMatchObject({ email: 'demo.sso@voltaic.example', role: 'channel_manager', distributorId: null });
  });

  describe('embed tokens', () => {
    const env = { EMBED_TOKEN_SECRET: SECRET, EMBED_TOKEN_TTL_SECONDS: '60' };

    it("opens a session scoped to the distributor user's distributor, once", async () => {
      const app = appWith(env);
      const ops = await t.as(USERS.arrowhead);
      const auth = (ops.get('/api/session') as unknown as { header: Record<string, string> }).header.Authorization;
      const issued = await request(app).post('/api/embed/tokens').set('Authorization', auth).send({});
      expect(issued.status).toBe(201);
      const ex = await request(app).post('/api/embed/session').send({ token: issued.body.token });
      expect(ex.status).toBe(200);
      expect(ex.body.user.email).toBe(USERS.arrowhead);
      const cookie = cookieOf(ex)!;
      const me = await request(app).get('/api/session').set('Cookie', cookie);
      expect(me.body.distributorId).toBe(ex.body.user.distributorId);
      const again = await request(app).post('/api/embed/session').send({ token: issued.body.token });
      expect(again.status).toBe(401);
      expect(await AuditEvent.count({ where: { action: 'session.embed_failed' } })).toBeGreaterThan(0);
    });

    it('refuses an expired embed token', async () => {
      const app = appWith(env);
      const config = loadConfig({ ...env });
      const expired = embedTokens(config).sign({ sub: 1, dist: 1 }, Date.now() - 61_000).token;
      const res = await request(app).post('/api/embed/session').send({ token: expired });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_EMBED_TOKEN');
    });

    it('refuses a token signed with another key, or altered', async () => {
      const app = appWith(env);
      const forged = embedTokens(loadConfig({ EMBED_TOKEN_SECRET: 'y'.repeat(40) })).sign({ sub: 1, dist: 1 }).token;
      expect((await request(app).post('/api/embed/session').send({ token: forged })).status).toBe(401);
      const good = embedTokens(loadConfig(env)).sign({ sub: 1, dist: 1 }).token;
      const [body, sig] = good.split('.');
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
      const altered = `${Buffer.from(JSON.stringify({ ...payload, dist: 2 })).toString('base64url')}.${sig}`;
      expect((await request(app).post('/api/embed/session').send({ token: altered })).status).toBe(401);
    });

    it('lets only a vendor admin issue a token for another user (vendor users too: test/api/embed-vendor.test.ts)', async () => {
      const app = appWith(env);
      const header = async (email: string) =>
        ((await t.as(email)).get('/api/session') as unknown as { header: Record<string, string> }).header.Authorization;
      const byOps = await request(app)
        .post('/api/embed/tokens')
        .set('Authorization', await header(USERS.arrowhead))
        .send({ userEmail: USERS.northbridge });
      expect(byOps.status).toBe(403);
      const byAdmin = await request(app)
        .post('/api/embed/tokens')
        .set('Authorization', await header(USERS.admin))
        .send({ userEmail: USERS.northbridge });
      expect(byAdmin.status).toBe(201);
      const forFinance = await request(app)
        .post('/api/embed/tokens')
        .set('Authorization', await header(USERS.admin))
        .send({ userEmail: USERS.finance });
      expect(forFinance.status).toBe(201);
      expect((await request(app).post('/api/embed/tokens').send({})).status).toBe(401);
    });
  });
});
