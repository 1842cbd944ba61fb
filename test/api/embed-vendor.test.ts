/**
 * The vendor-user embed exchange (Salesforce: an Apex class holding a named credential asks for a
 * channel manager's token). What the embedded session may do is never more than it was given:
 * its user's own role, the scopes asked, which the asking credential must hold; never `admin`;
 * and an embedded session issues no tokens. Both the bearer and the cookie of the exchange hold.
 */
import request from 'supertest';
import { User, UserIdentity } from '../../models/accounts.js';
import { AuditEvent } from '../../models/platform.js';
import { createApp } from '../../server/app.js';
import { databaseRateLimitStore } from '../../server/http/rate-limit-store.js';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

const LIGHTNING = 'https://acme.lightning.force.com';

describeDb('vendor-user embed exchange (Salesforce Lightning)', () => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;

  /** An API token of `email` with `scopes`: what the named credential in Salesforce holds. */
  const apiToken = async (email: string, scopes: string[]) => {
    const agent = request.agent(app);
    const s = await agent.post('/api/session').send({ email, password: DEMO_PASSWORD });
    const made = await agent
      .post('/api/tokens')
      .set('X-CSRF-Token', s.body.csrfToken)
      .send({ name: 'salesforce named credential', scopes });
    expect(made.status).toBe(201);
    return `Bearer ${made.body.token}`;
  };
  const issue = (credential: string, body: object) => request(app).post('/api/embed/tokens').set('Authorization', credential).send(body);
  /** Issues and exchanges: the bearer and the cookie the embedded page gets. */
  const embedded = async (credential: string, body: object) => {
    const issued = await issue(credential, body);
    expect(issued.status).toBe(201);
    const ex = await request(app).post('/api/embed/session').set('Origin', LIGHTNING).send({ token: issued.body.token });
    expect(ex.status).toBe(200);
    const cookie = ((ex.headers['set-cookie'] as unknown as string[]) ?? []).find((c) => c.startsWith('bec_session='))!.split(';')[0]!;
    return { body: ex.body, bearer: `Bearer ${ex.body.accessToken}`, cookie, csrf: ex.body.csrfToken as string, issued: issued.body };
  };
  const pendingFromOthers = async (bearer: string) => {
    const q = await request(app).get('/api/requests?status=pending&requestedBy=others').set('Authorization', bearer);
    expect(q.status).toBe(200);
    return q.body.items as { id: number; requestedByUserId: number }[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    app = t.appWith(
      { EMBED_TOKEN_SECRET: 'v'.repeat(40), CORS_ORIGINS: LIGHTNING },
      { rateLimitStore: databaseRateLimitStore('embed-vendor:') },
    );
  });
  afterAll(() => t.close());

  it('opens a read-only session for a channel manager named by e-mail: it reads the queue, and no decision, no token', async () => {
    const named = await apiToken(USERS.admin, ['read', 'write']);
    const cm = await embedded(named, { userEmail: USERS.cm, scopes: ['read'] });
    expect(cm.issued.scopes).toEqual(['read']);
    expect(cm.body).toMatchObject({ user: { email: USERS.cm, role: 'channel_manager', distributorId: null }, scopes: ['read'] });
    const me = await request(app).get('/api/session').set('Authorization', cm.bearer);
    expect(me.body).toMatchObject({ email: USERS.cm, role: 'channel_manager' });
    const [pending] = await pendingFromOthers(cm.bearer);
    expect(pending).toBeDefined();
    const approve = await request(app).post(`/api/requests/${pending!.id}/approve`).set('Authorization', cm.bearer).send({ comment: 'ok' });
    expect(approve.status).toBe(403);
    expect(approve.body.code).toBe('INSUFFICIENT_SCOPE');
    // The cookie of the same exchange is no wider than its bearer.
    const byCookie = await request(app)
      .post(`/api/requests/${pending!.id}/approve`)
      .set('Cookie', cm.cookie)
      .set('X-CSRF-Token', cm.csrf)
      .send({ comment: 'ok' });
    expect(byCookie.status).toBe(403);
    expect(byCookie.body.code).toBe('INSUFFICIENT_SCOPE');
    const mint = await request(app)
      .post('/api/tokens')
      .set('Authorization', cm.bearer)
      .send({ name: 'x', scopes: ['read'] });
    expect(mint.status).toBe(403);
  });

  it("lets a channel manager's write session decide requests but nothing its role may not: no adjustment, no administration", async () => {
    const named = await apiToken(USERS.admin, ['read', 'write']);
    const cm = await embedded(named, { userEmail: USERS.cm, scopes: ['read', 'write'] });
    const claims = await request(app).get('/api/claims').set('Authorization', cm.bearer);
    expect(claims.status).toBe(200);
    const claim = claims.body.items[0];
    const lines = await request(app).get(`/api/claims/${claim.id}/lines`).set('Authorization', cm.bearer);
    const adjust = await request(app)
      .post(`/api/claims/${claim.id}/lines/${lines.body.items[0].id}/adjust`)
      .set('Authorization', cm.bearer)
      .send({ approvedAmount: '1.0000', reason: 'from Lightning' });
    expect(adjust.status).toBe(403);
    expect(adjust.body.code).toBe('FORBIDDEN');
    expect((await request(app).get('/api/users').set('Authorization', cm.bearer)).status).toBe(403);
    const [pending] = await pendingFromOthers(cm.bearer);
    const decline = await request(app)
      .post(`/api/requests/${pending!.id}/decline`)
      .set('Authorization', cm.bearer)
      .send({ comment: 'declined from the Opportunity page' });
    expect(decline.status).toBe(200);
    const audit = await AuditEvent.findOne({ where: { action: 'embed_token.issued' }, order: [['id', 'DESC']] });
    expect(JSON.parse(audit!.after!)).toMatchObject({ role: 'channel_manager', scopes: ['read', 'write'], by: 'userEmail' });
  });

  it('never gives an embedded vendor admin the admin scope, by bearer or by cookie, nor lets it issue embed tokens', async () => {
    const named = await apiToken(USERS.admin, ['read', 'write', 'admin']);
    const asking = await issue(named, { userEmail: USERS.admin, scopes: ['read', 'write', 'admin'] });
    expect(asking.status).toBe(400);
    const admin = await embedded(named, {});
    expect(admin.body.scopes).toEqual(['read', 'write']);
    const users = await request(app).get('/api/users').set('Authorization', admin.bearer);
    expect(users.status).toBe(403);
    expect(users.body.code).toBe('INSUFFICIENT_SCOPE');
    expect((await request(app).get('/api/users').set('Cookie', admin.cookie)).status).toBe(403);
    const chained = await issue(admin.bearer, { userEmail: USERS.finance, scopes: ['read'] });
    expect(chained.status).toBe(403);
    expect(chained.body.code).toBe('EMBED_SESSION_CANNOT_MINT');
    const byCookie = await request(app)
      .post('/api/embed/tokens')
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrf)
      .send({ userEmail: USERS.finance });
    expect(byCookie.status).toBe(403);
    expect(byCookie.body.code).toBe('EMBED_SESSION_CANNOT_MINT');
  });

  it('issues nothing with a read-only credential (issuing is a change), and defaults to read and write', async () => {
    const readOnly = await apiToken(USERS.admin, ['read']);
    const refused = await issue(readOnly, { userEmail: USERS.cm, scopes: ['read'] });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INSUFFICIENT_SCOPE');
    const named = await apiToken(USERS.admin, ['read', 'write']);
    const byDefault = await issue(named, { userEmail: USERS.cm });
    expect(byDefault.status).toBe(201);
    expect(byDefault.body.scopes).toEqual(['read', 'write']);
    // `write` alone still reads.
    const writer = await issue(named, { userEmail: USERS.cm, scopes: ['write'] });
    expect(writer.body.scopes).toEqual(['read', 'write']);
  });

  it('gives the named credential an embed_issuer token: it issues embed tokens and does nothing else', async () => {
    const admin = request.agent(app);
    const s = await admin.post('/api/session').send({ email: USERS.admin, password: DEMO_PASSWORD });
    const mint = (scopes: string[]) => admin.post('/api/tokens').set('X-CSRF-Token', s.body.csrfToken).send({ name: 'sf', scopes });
    // Alone, and by a vendor admin only.
    expect((await mint(['embed_issuer', 'read'])).status).toBe(400);
    const cmAgent = request.agent(app);
    const cs = await cmAgent.post('/api/session').send({ email: USERS.cm, password: DEMO_PASSWORD });
    expect(
      (
        await cmAgent
          .post('/api/tokens')
          .set('X-CSRF-Token', cs.body.csrfToken)
          .send({ name: 'sf', scopes: ['embed_issuer'] })
      ).status,
    ).toBe(400);
    const made = await mint(['embed_issuer']);
    expect(made.status).toBe(201);
    expect(made.body.scopes).toEqual(['embed_issuer']);
    const issuer = `Bearer ${made.body.token}`;
    // It opens a channel manager's write session, as that channel manager...
    const cm = await embedded(issuer, { userEmail: USERS.cm, scopes: ['write'] });
    expect(cm.body).toMatchObject({ user: { email: USERS.cm, role: 'channel_manager' }, scopes: ['read', 'write'] });
    expect((await request(app).get('/api/users').set('Authorization', cm.bearer)).status).toBe(403);
    // ...and by itself reads nothing, changes nothing, mints nothing.
    for (const [method, path] of [
      ['get', '/api/claims'],
      ['get', '/api/session'],
      ['get', '/api/users'],
      ['post', '/api/tokens'],
      ['post', '/api/embed/session'],
      ['post', '/api/requests/1/approve'],
    ] as const) {
      const res = await request(app)
        [method](path)
        .set('Authorization', issuer)
        .send({ name: 'x', scopes: ['read'], comment: 'x' });
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'INSUFFICIENT_SCOPE' });
    }
  });

  it('lets only a vendor admin ask for another user, whatever the credential', async () => {
    const cmToken = await apiToken(USERS.cm, ['read', 'write']);
    const forFinance = await issue(cmToken, { userEmail: USERS.finance, scopes: ['read'] });
    expect(forFinance.status).toBe(403);
    const forSelf = await issue(cmToken, { scopes: ['read'] });
    expect(forSelf.status).toBe(201);
  });

  it('finds the user by federation id (the SAML subject a sign-in linked), refuses an unknown or ambiguous one', async () => {
    const named = await apiToken(USERS.admin, ['read', 'write']);
    const cmUser = (await User.findOne({ where: { email: USERS.cm2 } }))!;
    await UserIdentity.create({ userId: cmUser.id, provider: 'https://idp.acme.example', subject: 'cm2-federation-7' });
    const cm2 = await embedded(named, { federationId: 'cm2-federation-7', scopes: ['read'] });
    expect(cm2.body.user).toMatchObject({ email: USERS.cm2, role: 'channel_manager' });
    expect((await issue(named, { federationId: 'nobody-here' })).status).toBe(404);
    expect((await issue(named, { federationId: 'cm2-federation-7', userEmail: USERS.cm2 })).status).toBe(400);
    const finance = (await User.findOne({ where: { email: USERS.finance2 } }))!;
    await UserIdentity.create({ userId: finance.id, provider: 'https://other-idp.example', subject: 'shared-subject' });
    await UserIdentity.create({ userId: cmUser.id, provider: 'https://idp.acme.example', subject: 'shared-subject' });
    const ambiguous = await issue(named, { federationId: 'shared-subject' });
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.code).toBe('FEDERATION_ID_AMBIGUOUS');
  });

  it('refuses a deactivated user at issue, and at exchange a user deactivated since', async () => {
    const named = await apiToken(USERS.admin, ['read', 'write']);
    const issued = await issue(named, { userEmail: USERS.finance2, scopes: ['read'] });
    expect(issued.status).toBe(201);
    await User.update({ active: false }, { where: { email: USERS.finance2 } });
    try {
      expect((await issue(named, { userEmail: USERS.finance2 })).status).toBe(422);
      const ex = await request(app).post('/api/embed/session').send({ token: issued.body.token });
      expect(ex.status).toBe(401);
    } finally {
      await User.update({ active: true }, { where: { email: USERS.finance2 } });
    }
  });
});
