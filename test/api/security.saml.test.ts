import type { Express } from 'express';
import request from 'supertest';
import { AuditEvent } from '../../models/platform.js';
import { SamlAssertionSeen, SamlRequest } from '../../models/security.js';
import { User } from '../../models/accounts.js';
import { loadConfig } from '../../server/config.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';
import { assertionXml, samlId, TestIdp } from '../support/test-idp.js';

describeDb('SAML single sign-on', () => {
  let t: TestApp;
  let app: Express;
  let idp: TestIdp;
  const failures = () => AuditEvent.count({ where: { action: 'session.sso_failed' } });

  beforeAll(async () => {
    t = await startTestApp();
    // The attack list is longer than the sign-in rate limit: this app allows more failures.
    const env = { SIGNIN_RATE_LIMIT: '1000' };
    const config = loadConfig({ LOG_REQUESTS: 'false', ...env });
    app = t.appWith(env);
    idp = new TestIdp(config);
    const put = await request(app)
      .put('/api/sso/identity-provider')
      .set('Authorization', await tokenOf(t, USERS.admin))
      .send({
        metadataXml: idp.metadataXml(),
        attributeMapping: { roleMap: { 'BEC-Finance': 'finance', 'BEC-Partners': 'distributor_user' } },
        // The company's own directory: it may change a user's role and distributor (security.saml-idps
        // has the tests of an IdP that may not).
        authoritative: true,
      });
    expect(put.status).toBe(200);
    expect(put.body.identityProvider.entityId).toBe('urn:bec:test-idp');
  });
  afterAll(() => t.close());

  /** Posts a response and expects the 401 and one more sso_failed audit event. */
  async function expectRefused(xml: string, reason: RegExp) {
    const before = await failures();
    const res = await idp.post(app, xml);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SSO_REJECTED');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await failures()).toBe(before + 1);
    const last = await AuditEvent.findOne({ where: { action: 'session.sso_failed' }, order: [['id', 'DESC']] });
    if (process.env.SHOW_REASONS) console.log(last!.reason);
    expect(last!.reason).toMatch(reason);
  }

  it('publishes SP metadata with our ACS URL', async () => {
    const res = await request(app).get('/auth/saml/metadata');
    expect(res.status).toBe(200);
    expect(res.text).toContain(`Location="${idp.sp.acsUrl}"`);
    expect(res.text).toContain(`entityID="${idp.sp.entityId}"`);
  });

  it('stores the AuthnRequest id in the database', async () => {
    const id = await idp.startLogin(app);
    expect(await SamlRequest.count({ where: { id } })).toBe(1);
  });

  it('signs in a distributor user, creating the user with its role and distributor', async () => {
    const id = await idp.startLogin(app, '/claims.html');
    const res = await idp.post(
      app,
      idp.responseXml(id, {
        nameId: 'ext-4711',
        attributes: {
          email: 'Buyer@NorthBridge.example',
          displayName: 'Nora Buyer',
          role: 'BEC-Partners',
          distributor: 'Northbridge Electronics',
        },
      }),
      '/claims.html',
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/claims.html');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('bec_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await request(app).get('/api/session').set('Cookie', cookie.split(';')[0]);
    expect(me.status).toBe(200);
    const northbridge = await User.findOne({ where: { email: USERS.northbridge } });
    expect(me.body).toMatchObject({
      email: 'buyer@northbridge.example',
      name: 'Nora Buyer',
      role: 'distributor_user',
      distributorId: northbridge!.distributorId,
    });
    expect(await AuditEvent.count({ where: { action: 'user.created_by_sso' } })).toBe(1);
    expect(await SamlAssertionSeen.count()).toBeGreaterThan(0);
  });

  it('updates an existing user from the IdP at the next login (role from the role map)', async () => {
    const id = await idp.startLogin(app);
    const res = await idp.post(
      app,
      idp.responseXml(id, {
        nameId: 'ext-4711',
        attributes: { email: 'buyer@northbridge.example', displayName: 'Nora B.', role: 'BEC-Finance' },
      }),
    );
    expect(res.status).toBe(303);
    const u = await User.findOne({ where: { email: 'buyer@northbridge.example' } });
    expect(u).toMatchObject({ role: 'finance', distributorId: null, name: 'Nora B.' });
    expect(await AuditEvent.count({ where: { action: 'user.updated_by_sso' } })).toBe(1);
  });

  it('refuses an unsigned response', async () => {
    const id = await idp.startLogin(app);
    await expectRefused(idp.responseXml(id, { signAssertion: false, signResponse: false }), /signature/i);
  });

  it('refuses a response whose assertion only is signed (the response signature is required)', async () => {
    const id = await idp.startLogin(app);
    await expectRefused(idp.responseXml(id, { signResponse: false }), /signature/i);
  });

  it('refuses a response signed with another certificate', async () => {
    const id = await idp.startLogin(app);
    await expectRefused(idp.responseXml(id, {}, TestIdp.otherKeys()), /signature/i);
  });

  const evilAssertion = (id: string) =>
    assertionXml({
      inResponseTo: id,
      destination: idp.sp.acsUrl,
      audience: idp.sp.entityId,
      nameId: USERS.admin,
      attributes: { email: USERS.admin, role: 'vendor_admin' },
    });

  it('refuses signature wrapping: an extra unsigned assertion beside the signed one', async () => {
    const id = await idp.startLogin(app);
    await expectRefused(
      idp.responseXml(id, { signResponse: false, wrapAssertion: (signed) => evilAssertion(id) + signed }),
      /signature|assertion/i,
    );
    const id2 = await idp.startLogin(app);
    const signed = idp.responseXml(id2);
    await expectRefused(signed.replace('<saml:Assertion', `${evilAssertion(id2)}<saml:Assertion`), /signature|assertion/i);
  });

  it('refuses signature wrapping: the signed assertion moved into another element', async () => {
    const id = await idp.startLogin(app);
    const wrapped = idp.responseXml(id, {
      signResponse: false,
      wrapAssertion: (signed) => `<samlp:Extensions>${signed}</samlp:Extensions>${evilAssertion(id)}`,
    });
    await expectRefused(wrapped, /signature/i);
    // The same move after the IdP signed the whole response.
    const id2 = await idp.startLogin(app);
    const full = idp.responseXml(id2);
    const start = full.indexOf('<saml:Assertion');
    const end = full.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length;
    const moved = `${full.slice(0, start)}<samlp:Extensions>${full.slice(start, end)}</samlp:Extensions>${evilAssertion(id2)}${full.slice(end)}`;
    await expectRefused(moved, /signature/i);
  });

  it('refuses signature wrapping: several root elements', async () => {
    const id = await idp.startLogin(app);
    const good = idp.responseXml(id);
    const evil = good.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, evilAssertion(id));
    await expectRefused(good + evil, /XML|signature/i);
    const id2 = await idp.startLogin(app);
    const good2 = idp.responseXml(id2);
    await expectRefused(good2.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, evilAssertion(id2)) + good2, /XML|signature/i);
  });

  it('refuses a comment inside the NameID', async () => {
    const id = await idp.startLogin(app);
    await expectRefused(idp.responseXml(id, { nameId: '', nameIdXml: `${USERS.admin}<!---->.evil.example` }), /comment/i);
  });

  it('refuses a wrong audience', async () => {
    const id = await idp.startLogin(app);
    await expectRefused(idp.responseXml(id, { audience: 'https://other-sp.example/metadata' }), /audience/i);
  });

  it('refuses a wrong Destination', async () => {
    const id = await idp.startLogin(app);
    await expectRefused(idp.responseXml(id, { destination: 'https://other-sp.example/acs', recipient: idp.sp.acsUrl }), /Destination/);
  });

  it('refuses a wrong Recipient', async () => {
    const id = await idp.startLogin(app);
    await expectRefused(idp.responseXml(id, { recipient: 'https://other-sp.example/acs' }), /Recipient/);
  });

  it('refuses an expired assertion (beyond the clock skew)', async () => {
    const id = await idp.startLogin(app);
    const now = Date.now();
    await expectRefused(
      idp.responseXml(id, { now: now - 3600_000, notBefore: now - 3600_000, notOnOrAfter: now - 120_000 }),
      /expired|NotOnOrAfter|subject confirmation/i,
    );
  });

  it('refuses a not-yet-valid assertion (beyond the clock skew)', async () => {
    const id = await idp.startLogin(app);
    const now = Date.now();
    await expectRefused(
      idp.responseXml(id, { notBefore: now + 600_000, notOnOrAfter: now + 900_000 }),
      /not yet valid|NotBefore|subject confirmation/i,
    );
  });

  it('accepts a clock difference inside the configured skew', async () => {
    const id = await idp.startLogin(app);
    const now = Date.now();
    const res = await idp.post(app, idp.responseXml(id, { now: now + 20_000, notBefore: now + 20_000, notOnOrAfter: now + 300_000 }));
    expect(res.status).toBe(303);
  });

  it('refuses a replayed response', async () => {
    const id = await idp.startLogin(app);
    const xml = idp.responseXml(id);
    expect((await idp.post(app, xml)).status).toBe(303);
    await expectRefused(xml, /InResponseTo/);
  });

  it('refuses a replayed assertion id, even answering a new request', async () => {
    const assertionId = samlId();
    const id = await idp.startLogin(app);
    expect((await idp.post(app, idp.responseXml(id, { assertionId }))).status).toBe(303);
    const id2 = await idp.startLogin(app);
    await expectRefused(idp.responseXml(id2, { assertionId }), /replay/);
  });

  it('refuses an unknown InResponseTo, and a response with none', async () => {
    await idp.startLogin(app);
    await expectRefused(idp.responseXml(samlId()), /InResponseTo/);
    const id = await idp.startLogin(app);
    const xml = idp.responseXml(id).replace(/ InResponseTo="[^"]+"/, '');
    await expectRefused(xml, /InResponseTo/);
  });

  it('refuses a distributor user whose distributor is unknown, and a response with no known role', async () => {
    const id = await idp.startLogin(app);
    await expectRefused(
      idp.responseXml(id, { attributes: { email: 'x@y.example', role: 'distributor_user', distributor: 'Nobody Inc' } }),
      /distributor/,
    );
    const id2 = await idp.startLogin(app);
    await expectRefused(idp.responseXml(id2, { attributes: { email: 'x@y.example', role: 'superuser' } }), /role/);
  });

  it('refuses a response to a login started in another browser (login CSRF) when cookies are Secure', async () => {
    const secureApp = t.appWith({ SIGNIN_RATE_LIMIT: '1000', COOKIE_SECURE: 'true' });
    const start = async () => {
      const res = await request(secureApp).get('/auth/saml/login');
      const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('bec_saml_request='))!;
      expect(cookie).toMatch(/SameSite=None/);
      expect(cookie).toMatch(/Secure/);
      const { requestIdOf } = await import('../../server/auth/saml.test-idp.js');
      return { id: requestIdOf(new URL(res.headers.location as string).searchParams.get('SAMLRequest')!), cookie: cookie.split(';')[0] };
    };
    const victim = await start();
    const attacker = await start();
    const post = (xml: string, cookie?: string) => {
      const r = request(secureApp).post('/auth/saml/acs').type('form');
      return (cookie ? r.set('Cookie', cookie) : r).send({ SAMLResponse: Buffer.from(xml).toString('base64') });
    };
    const before = await failures();
    expect((await post(idp.responseXml(attacker.id))).status).toBe(401);
    expect((await post(idp.responseXml(victim.id), attacker.cookie)).status).toBe(401);
    expect(await failures()).toBe(before + 2);
    // A refused, unbound attempt does not burn the request: its own browser still completes it.
    const own = await post(idp.responseXml(attacker.id), attacker.cookie);
    expect(own.status).toBe(303);
    expect((own.headers['set-cookie'] as unknown as string[]).some((c) => c.startsWith('bec_saml_request=;'))).toBe(true);
  });

  it('never redirects off-site after login', async () => {
    const id = await idp.startLogin(app);
    const res = await idp.post(app, idp.responseXml(id), '//evil.example/steal');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
  });

  it('signs out locally and at the IdP with the CSRF token', async () => {
    const id = await idp.startLogin(app);
    const res = await idp.post(app, idp.responseXml(id));
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('bec_session='))!.split(';')[0];
    expect((await request(app).post('/auth/saml/logout').set('Cookie', cookie)).status).toBe(403);
    const session = await request(app).get('/api/session').set('Cookie', cookie);
    expect(session.status).toBe(200);
    const out = await request(app)
      .post('/auth/saml/logout')
      .set('Cookie', cookie)
      .type('form')
      .send({ csrfToken: await csrfOf(cookie) });
    expect(out.status).toBe(303);
    expect((await request(app).get('/api/session').set('Cookie', cookie)).status).toBe(401);
  });

  it('configures the identity provider from fields as well as from metadata', async () => {
    const auth = await tokenOf(t, USERS.admin);
    const res = await request(app)
      .put('/api/sso/identity-provider')
      .set('Authorization', auth)
      .send({ entityId: 'urn:bec:test-idp', ssoUrl: 'https://idp.test.example/sso', certificates: [idp.keys.cert] });
    expect(res.status).toBe(200);
    expect(res.body.identityProvider.attributeMapping.roleMap).toEqual({ 'BEC-Finance': 'finance', 'BEC-Partners': 'distributor_user' });
    const id = await idp.startLogin(app);
    expect((await idp.post(app, idp.responseXml(id))).status).toBe(303);
    expect(await AuditEvent.count({ where: { action: 'sso.identity_provider_configured' } })).toBe(2);
  });

  it('lets only a vendor admin configure the identity provider', async () => {
    const finance = await t.as(USERS.finance);
    const res = await finance.get('/api/sso/identity-provider');
    expect(res.status).toBe(403);
    const bad = await request(app)
      .put('/api/sso/identity-provider')
      .set('Authorization', await tokenOf(t, USERS.admin))
      .send({ metadataXml: '<x/>' });
    expect(bad.status).toBe(422);
  });
});

/** The CSRF token of a cookie session, read from the sessions table (a browser gets it from the login page). */
async function csrfOf(cookie: string): Promise<string> {
  const { Session } = await import('../../models/platform.js');
  const { createHash } = await import('node:crypto');
  const id = createHash('sha256')
    .update(decodeURIComponent(cookie.split('=')[1]))
    .digest('hex');
  return (await Session.findByPk(id))!.csrfToken;
}

async function tokenOf(t: TestApp, email: string): Promise<string> {
  const c = await t.as(email);
  // The harness keeps the bearer header on its requests; read it back from one.
  const req = c.get('/api/session') as unknown as { header: Record<string, string> };
  return req.header.Authorization;
}
