/**
 * An embedded panel is no stronger than the console session that asked for it: an embed token
 * minted by a password or single sign-on session names that session, and the exchange, the embed
 * session's cookie and its bearer are refused as soon as it ends (sign-out, single logout from
 * either side, expiry), as they are when the API token that asked is revoked
 * (embed-revocation.test.ts). A panel another, still-open session opened lives on.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { Session } from '../../models/platform.js';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';
import { bearerOf, describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';
import { TestIdp } from '../support/test-idp.js';

interface Console {
  cookie: string;
  csrf: string;
}
interface Panel {
  bearer: string;
  cookie: string;
}

const sessionCookie = (res: request.Response) =>
  ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('bec_session='))!
    .split(';')[0]!;

describeDb('embed sessions end with the session that asked for them', () => {
  let t: TestApp;
  let app: Express;
  let admin: string;
  let claimId: number;

  /** Signs in to the vendor console (or the portal) with a password: a session cookie and its CSRF token. */
  const signIn = async (email: string): Promise<Console> => {
    const res = await request(app).post('/api/session').send({ email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return { cookie: sessionCookie(res), csrf: res.body.csrfToken as string };
  };
  /** What the console page does to embed a panel: asks, with its own session, for an embed token. */
  const embedTokenFrom = async (s: Console, body: object = {}, on: Express = app) => {
    const res = await request(on).post('/api/embed/tokens').set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf).send(body);
    expect(res.status).toBe(201);
    return res.body.token as string;
  };
  const exchange = (token: string, on: Express = app) => request(on).post('/api/embed/session').send({ token });
  /** What the embedded page does with the token: opens its session (a bearer, and a cookie for same-site pages). */
  const openPanel = async (token: string, on: Express = app): Promise<Panel> => {
    const ex = await exchange(token, on);
    expect(ex.status).toBe(200);
    return { bearer: `Bearer ${ex.body.accessToken as string}`, cookie: sessionCookie(ex) };
  };
  const viaBearer = async (p: Panel) => (await request(app).get('/api/session').set('Authorization', p.bearer)).status;
  const viaCookie = async (p: Panel) => (await request(app).get('/api/session').set('Cookie', p.cookie)).status;
  const note = async (p: Panel) =>
    (await request(app).post(`/api/claims/${claimId}/notes`).set('Authorization', p.bearer).send({ body: 'from the panel' })).status;
  const signOut = (s: Console) => request(app).delete('/api/session').set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf);
  const audit = async (query: string) =>
    (await request(app).get(`/api/audit?${query}&limit=200`).set('Authorization', admin)).body.items as {
      action: string;
      actorUserId: number | null;
      viaUserId: number | null;
      after: Record<string, unknown> | null;
      reason: string | null;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    app = t.app;
    const arrow = await t.as(USERS.arrowhead);
    claimId = (await arrow.get('/api/claims')).body.items[0].id;
    admin = bearerOf(await t.as(USERS.admin));
  });
  afterAll(() => t.close());

  it('ends the bearer and the cookie of a panel a password session opened, and refuses its unexchanged tokens, once that session signs out', async () => {
    const session = await signIn(USERS.arrowhead);
    const userId = (await request(app).get('/api/session').set('Cookie', session.cookie)).body.userId as number;
    const panel = await openPanel(await embedTokenFrom(session));
    const pending = await embedTokenFrom(session);
    expect(await note(panel)).toBe(201);
    expect(await viaCookie(panel)).toBe(200);

    expect((await signOut(session)).status).toBe(204);
    expect((await request(app).get('/api/session').set('Cookie', session.cookie)).status).toBe(401);
    expect(await viaBearer(panel)).toBe(401);
    expect(await note(panel)).toBe(401);
    expect(await viaCookie(panel)).toBe(401);
    const late = await exchange(pending);
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('INVALID_EMBED_TOKEN');

    // The sign-out is audited as the SAML one is, and the refused exchange says why.
    const signedOut = await audit(`action=session.signed_out&entityType=user&entityId=${userId}`);
    expect(signedOut).toEqual([expect.objectContaining({ actorUserId: userId, after: { method: 'password' } })]);
    const refused = await audit(`kind=security&action=session.embed_failed&entityType=user&entityId=${userId}`);
    expect(refused.map((e) => e.reason)).toContain('the session that asked for it has ended (signed out, logged out or expired)');
  });

  it('keeps the panels another, still-open session or an API token opened', async () => {
    const laptop = await signIn(USERS.arrowhead);
    const desktop = await signIn(USERS.arrowhead);
    const fromLaptop = await openPanel(await embedTokenFrom(laptop));
    const fromDesktop = await openPanel(await embedTokenFrom(desktop));
    const pendingFromDesktop = await embedTokenFrom(desktop);
    const portal = await t.as(USERS.arrowhead);
    const issued = await request(app).post('/api/embed/tokens').set('Authorization', bearerOf(portal)).send({});
    expect(issued.status).toBe(201);
    const fromToken = await openPanel(issued.body.token as string);

    expect((await signOut(laptop)).status).toBe(204);
    expect(await viaBearer(fromLaptop)).toBe(401);
    expect(await viaCookie(fromLaptop)).toBe(401);
    expect(await viaBearer(fromDesktop)).toBe(200);
    expect(await viaCookie(fromDesktop)).toBe(200);
    expect(await note(fromDesktop)).toBe(201);
    expect((await exchange(pendingFromDesktop)).status).toBe(200);
    expect(await note(fromToken)).toBe(201);
    expect((await request(app).get('/api/session').set('Cookie', desktop.cookie)).status).toBe(200);
  });

  it("ends the panel a vendor admin's console opened for another user when the admin signs out, naming the admin meanwhile", async () => {
    const session = await signIn(USERS.admin);
    const adminId = (await request(app).get('/api/session').set('Cookie', session.cookie)).body.userId as number;
    const panel = await openPanel(await embedTokenFrom(session, { userEmail: USERS.arrowhead }));
    expect((await request(app).get('/api/session').set('Authorization', panel.bearer)).body.email).toBe(USERS.arrowhead);
    expect(await note(panel)).toBe(201);
    const noted = (await audit(`entityType=claim&entityId=${claimId}`)).find((e) => e.viaUserId !== null);
    expect(noted).toMatchObject({ viaUserId: adminId });

    expect((await signOut(session)).status).toBe(204);
    expect(await viaBearer(panel)).toBe(401);
  });

  it('ends no later than the session that asked, and is refused once that session has expired', async () => {
    const shortLived = t.appWith({ SESSION_TTL_HOURS: '1', EMBED_SESSION_TTL_MINUTES: '720' });
    const res = await request(shortLived).post('/api/session').send({ email: USERS.northbridge, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const session = { cookie: sessionCookie(res), csrf: res.body.csrfToken as string };
    const ex = await exchange(await embedTokenFrom(session, {}, shortLived), shortLived);
    expect(ex.status).toBe(200);
    // Its own 12 hours are cut to the hour its session has left (to the second a database keeps).
    const end = Date.parse(res.body.expiresAt as string);
    expect(Date.parse(ex.body.expiresAt as string)).toBeLessThanOrEqual(end);
    expect(Date.parse(ex.body.expiresAt as string)).toBeGreaterThan(end - 1000);
    const panel = { bearer: `Bearer ${ex.body.accessToken as string}`, cookie: sessionCookie(ex) };
    const pending = await embedTokenFrom(session, {}, shortLived);

    // The console session's hour passes (its row says so, as the clock would).
    const id = createHash('sha256').update(session.cookie.slice('bec_session='.length)).digest('hex');
    expect(await Session.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { id } })).toEqual([1]);
    expect(await viaBearer(panel)).toBe(401);
    expect((await exchange(pending, shortLived)).status).toBe(401);
  });

  it("names the session that asked by a random reference: the embed token and the panel's secrets carry neither its cookie nor its SHA-256", async () => {
    const session = await signIn(USERS.arrowhead);
    const cookieValue = session.cookie.slice('bec_session='.length);
    const digest = createHash('sha256').update(cookieValue).digest();
    const derived = [cookieValue, digest.toString('hex'), digest.toString('base64url'), digest.toString('base64')];
    const token = await embedTokenFrom(session);
    // The token's payload is base64url JSON: read as the page (or anyone holding it) can.
    const payload = Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8');
    const panel = await openPanel(token);
    for (const carried of [token, payload, panel.bearer, panel.cookie])
      for (const secret of derived) expect(carried.toLowerCase()).not.toContain(secret.toLowerCase());
    // What it names instead: the session's own reference, drawn when it was opened.
    const row = await Session.findByPk(digest.toString('hex'));
    expect(row?.reference).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(payload).ses).toBe(row!.reference);
    expect(await note(panel)).toBe(201);
    expect((await signOut(session)).status).toBe(204);
    expect(await viaBearer(panel)).toBe(401);
    expect(await viaCookie(panel)).toBe(401);
  });

  it("refuses an embed session whose secrets name the session that asked the old way, by its cookie's SHA-256, while that session lives", async () => {
    const session = await signIn(USERS.arrowhead);
    const userId = (await request(app).get('/api/session').set('Cookie', session.cookie)).body.userId as number;
    const id = createHash('sha256').update(session.cookie.slice('bec_session='.length)).digest('hex');
    // As the exchange minted them before migration 20261214T1000: `<random>.s<session id>`.
    const bearer = `bece_${randomBytes(32).toString('base64url')}.s${id}`;
    const cookie = `${randomBytes(32).toString('base64url')}.s${id}`;
    for (const secret of [bearer, cookie])
      await Session.create({
        id: createHash('sha256').update(secret).digest('hex'),
        userId,
        csrfToken: randomBytes(16).toString('hex'),
        expiresAt: new Date(Date.now() + 3600_000),
        method: 'embed',
        scopes: 'read write',
      });
    expect(await viaBearer({ bearer: `Bearer ${bearer}`, cookie: '' })).toBe(401);
    expect(await viaCookie({ bearer: '', cookie: `bec_session=${cookie}` })).toBe(401);
    expect((await request(app).get('/api/session').set('Cookie', session.cookie)).status).toBe(200);
  });

  describe('single sign-on', () => {
    let idp: TestIdp;
    const NAME_ID = 'embed-slo-user';

    /** Signs in through the identity provider: the session cookie, and the CSRF token the page learns from GET /api/session. */
    const ssoSignIn = async (sessionIndex: string): Promise<Console> => {
      const id = await idp.startLogin(app);
      const res = await idp.post(
        app,
        idp.responseXml(id, { nameId: NAME_ID, sessionIndex, attributes: { email: 'embed.slo@voltaic.example', role: 'finance' } }),
      );
      expect(res.status).toBe(303);
      const cookie = sessionCookie(res);
      const me = await request(app).get('/api/session').set('Cookie', cookie);
      expect(me.status).toBe(200);
      return { cookie, csrf: me.body.csrfToken as string };
    };

    beforeAll(async () => {
      idp = new TestIdp();
      const put = await request(app)
        .put('/api/sso/identity-provider')
        .set('Authorization', admin)
        .send({ metadataXml: idp.metadataXml(), authoritative: true });
      expect(put.status).toBe(200);
    });

    it('ends the panel when its SSO session signs out here (and at the IdP)', async () => {
      const session = await ssoSignIn('idx-here');
      const panel = await openPanel(await embedTokenFrom(session));
      expect(await viaBearer(panel)).toBe(200);
      const out = await request(app).post('/auth/saml/logout').set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf).send();
      expect(out.status).toBe(303);
      expect(await viaBearer(panel)).toBe(401);
      expect(await viaCookie(panel)).toBe(401);
    });

    it('ends the panels of the sessions a LogoutRequest from the IdP names, and only those', async () => {
      const first = await ssoSignIn('idx-1');
      const second = await ssoSignIn('idx-2');
      const fromFirst = await openPanel(await embedTokenFrom(first));
      const pendingFromFirst = await embedTokenFrom(first);
      const fromSecond = await openPanel(await embedTokenFrom(second));
      const res = await idp.postLogout(app, idp.logoutRequestXml({ nameId: NAME_ID, sessionIndexes: ['idx-1'] }));
      expect(res.status).toBe(302);
      expect(await viaBearer(fromFirst)).toBe(401);
      expect(await viaCookie(fromFirst)).toBe(401);
      expect((await exchange(pendingFromFirst)).status).toBe(401);
      expect(await viaBearer(fromSecond)).toBe(200);
      expect(await viaCookie(fromSecond)).toBe(200);
    });
  });
});
