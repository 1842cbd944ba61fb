/**
 * Issue 13 item 4: the Issuer and status checks, several identity providers (each with its own
 * certificate, mapping and switches), authoritative IdPs, signed AuthnRequests, encrypted
 * assertions, IdP-initiated logout, and the CSRF token of a session opened by SSO.
 */
import { createVerify } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import type { Express } from 'express';
import request from 'supertest';
import { Account, User, UserIdentity } from '../../models/accounts.js';
import { AuditEvent } from '../../models/platform.js';
import { loadConfig } from '../../server/config.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';
import { makeTestIdpKeys, redirectQuery, TestIdp } from '../support/test-idp.js';

const PARTNER_ENTITY_ID = 'urn:arrowhead:idp';

describeDb('SAML: issuers, status, several identity providers, logout and CSRF', () => {
  let t: TestApp;
  let app: Express;
  /** the company's directory: the default IdP, authoritative */
  let corp: TestIdp;
  /** a distributor's own directory: not authoritative, its own certificate and attribute names */
  let partner: TestIdp;
  const sp = makeTestIdpKeys('BEC service provider');
  let admin: string;
  const failures = () => AuditEvent.count({ where: { action: 'session.sso_failed' } });
  const distributorId = async (name: string) => (await Account.findOne({ where: { type: 'distributor', name } }))!.id;

  beforeAll(async () => {
    t = await startTestApp();
    const env = {
      SIGNIN_RATE_LIMIT: '1000',
      // As an operator sets a PEM in one line of an environment file.
      SAML_SP_PRIVATE_KEY: sp.privateKey.replace(/\r?\n/g, '\\n'),
      SAML_SP_CERTIFICATE: sp.cert,
    };
    const config = loadConfig({ LOG_REQUESTS: 'false', ...env });
    app = t.appWith(env);
    corp = new TestIdp(config);
    partner = new TestIdp(config, PARTNER_ENTITY_ID, 'https://idp.arrowhead.example/sso');
    admin = await tokenOf(t, USERS.admin);
    const put = await request(app)
      .put('/api/sso/identity-provider')
      .set('Authorization', admin)
      .send({ metadataXml: corp.metadataXml(), authoritative: true });
    expect(put.status).toBe(200);
    const second = await request(app)
      .put('/api/sso/identity-providers/arrowhead')
      .set('Authorization', admin)
      .send({
        metadataXml: partner.metadataXml(),
        attributeMapping: {
          email: 'mail',
          distributor: 'org',
          role: 'groups',
          roleMap: { 'AH-Claims': 'distributor_user', 'AH-Admin': 'vendor_admin' },
        },
      });
    expect(second.status).toBe(200);
    expect(second.body.identityProvider).toMatchObject({ name: 'arrowhead', entityId: PARTNER_ENTITY_ID, authoritative: false });
  });
  afterAll(() => t.close());

  async function expectRefused(res: request.Response, reason: RegExp, before: number) {
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SSO_REJECTED');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await failures()).toBe(before + 1);
    const last = await AuditEvent.findOne({ where: { action: 'session.sso_failed' }, order: [['id', 'DESC']] });
    expect(last!.reason).toMatch(reason);
  }

  /** Posts a response and expects the 401 and one more sso_failed audit event with this reason. */
  async function refused(idp: TestIdp, xml: string, reason: RegExp) {
    const before = await failures();
    await expectRefused(await idp.post(app, xml), reason, before);
  }

  const sessionCookie = (res: request.Response) =>
    (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('bec_session='))!.split(';')[0];

  /** Signs in through the partner IdP as an Arrowhead claims clerk (or what `attributes` say). */
  async function partnerLogin(nameId: string, attributes: Record<string, string | string[]>) {
    const id = await partner.startLogin(app, '/', 'arrowhead');
    return partner.post(app, partner.responseXml(id, { nameId, attributes }));
  }

  describe('Issuer', () => {
    it('refuses a response whose Issuer is not the configured IdP, even signed with its key', async () => {
      const id = await corp.startLogin(app);
      await refused(corp, corp.responseXml(id, { issuer: 'urn:someone-else:idp' }), /Issuer/);
    });

    it("refuses an assertion whose Issuer is not the response's IdP", async () => {
      const id = await corp.startLogin(app);
      await refused(corp, corp.responseXml(id, { responseIssuer: corp.entityId, issuer: PARTNER_ENTITY_ID }), /assertion Issuer/);
    });

    it('refuses a response without an Issuer', async () => {
      const id = await corp.startLogin(app);
      await refused(corp, corp.responseXml(id, { responseIssuer: null }), /no Issuer/);
    });
  });

  describe('status', () => {
    it('signs in only on a Success status, even when a valid signed assertion comes along', async () => {
      for (const status of ['Responder', 'Requester AuthnFailed', 'Responder RequestDenied']) {
        const id = await corp.startLogin(app);
        await refused(corp, corp.responseXml(id, { status }), /status is not Success/);
      }
      // The same response with Success signs in: the refusals above were for the status.
      const id = await corp.startLogin(app);
      expect((await corp.post(app, corp.responseXml(id))).status).toBe(303);
    });
  });

  describe('several identity providers', () => {
    it('signs in through a second IdP, with its own certificate, attribute names and role map', async () => {
      const res = await partnerLogin('ah-0001', { mail: 'clerk@arrowhead.example', groups: 'AH-Claims', org: 'Arrowhead Components' });
      expect(res.status).toBe(303);
      const me = await request(app).get('/api/session').set('Cookie', sessionCookie(res));
      expect(me.body).toMatchObject({
        email: 'clerk@arrowhead.example',
        role: 'distributor_user',
        distributorId: await distributorId('Arrowhead Components'),
      });
      const user = await User.findOne({ where: { email: 'clerk@arrowhead.example' } });
      expect(await UserIdentity.count({ where: { userId: user!.id, provider: PARTNER_ENTITY_ID, subject: 'ah-0001' } })).toBe(1);
    });

    it('refuses a response from one IdP answering a request sent to another', async () => {
      const id = await corp.startLogin(app);
      await refused(
        partner,
        partner.responseXml(id, { attributes: { mail: 'clerk@arrowhead.example', groups: 'AH-Claims', org: 'Arrowhead Components' } }),
        /another identity provider/,
      );
    });

    it("refuses a response naming one IdP signed with the other's key", async () => {
      const id = await corp.startLogin(app);
      await refused(corp, corp.responseXml(id, {}, partner.keys), /signature/i);
    });

    it('lists, reads, adds, refuses a duplicate entity id, and removes identity providers (ending their sessions)', async () => {
      const list = await request(app).get('/api/sso/identity-providers').set('Authorization', admin);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { name: string }) => i.name)).toEqual(['arrowhead', 'default']);
      const one = await request(app).get('/api/sso/identity-providers/arrowhead').set('Authorization', admin);
      expect(one.body.identityProvider).toMatchObject({ entityId: PARTNER_ENTITY_ID, loginUrl: '/auth/saml/login?idp=arrowhead' });
      expect((await request(app).get('/api/sso/identity-providers/nobody').set('Authorization', admin)).status).toBe(404);
      const dup = await request(app)
        .put('/api/sso/identity-providers/copy')
        .set('Authorization', admin)
        .send({ metadataXml: partner.metadataXml() });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('IDP_ENTITY_ID_TAKEN');
      expect((await request(app).get('/auth/saml/login?idp=nobody')).status).toBe(404);

      const temp = new TestIdp(corp.config, 'urn:temp:idp', 'https://idp.temp.example/sso');
      const added = await request(app)
        .put('/api/sso/identity-providers/temp')
        .set('Authorization', admin)
        .send({ metadataXml: temp.metadataXml() });
      expect(added.status).toBe(200);
      const id = await temp.startLogin(app, '/', 'temp');
      const signedIn = await temp.post(
        app,
        temp.responseXml(id, { nameId: 'temp-1', attributes: { email: 'temp@voltaic.example', role: 'finance' } }),
      );
      expect(signedIn.status).toBe(303);
      const cookie = sessionCookie(signedIn);
      expect((await request(app).get('/api/session').set('Cookie', cookie)).status).toBe(200);
      expect((await request(app).delete('/api/sso/identity-providers/temp').set('Authorization', admin)).status).toBe(204);
      expect((await request(app).get('/api/session').set('Cookie', cookie)).status).toBe(401);
      expect((await request(app).delete('/api/sso/identity-providers/temp').set('Authorization', admin)).status).toBe(404);
      expect(await AuditEvent.count({ where: { action: 'sso.identity_provider_removed', entityId: 'temp' } })).toBe(1);
    });

    it('lets only a vendor admin read or change the identity providers', async () => {
      const finance = await tokenOf(t, USERS.finance);
      expect((await request(app).get('/api/sso/identity-providers').set('Authorization', finance)).status).toBe(403);
      const put = await request(app)
        .put('/api/sso/identity-providers/x')
        .set('Authorization', finance)
        .send({ metadataXml: partner.metadataXml() });
      expect(put.status).toBe(403);
      expect((await request(app).delete('/api/sso/identity-providers/arrowhead').set('Authorization', finance)).status).toBe(403);
    });

    it('documents the collection API in the OpenAPI document', async () => {
      const doc = (await request(app).get('/api/openapi.json')).body;
      expect(Object.keys(doc.paths['/api/sso/identity-providers/{name}']).sort()).toEqual(['delete', 'get', 'put']);
      expect(doc.paths['/api/sso/identity-providers'].get).toBeDefined();
      expect(doc.components.schemas.SamlIdentityProviderInput.properties).toHaveProperty('authoritative');
    });
  });

  describe('authoritative identity providers', () => {
    it('an IdP that is not authoritative may not move an existing user to another distributor', async () => {
      const before = await User.findOne({ where: { email: 'clerk@arrowhead.example' } });
      const failed = await failures();
      const res = await partnerLogin('ah-0001', { mail: 'clerk@arrowhead.example', groups: 'AH-Claims', org: 'Northbridge Electronics' });
      await expectRefused(res, /not authoritative.*another distributor/, failed);
      expect((await User.findByPk(before!.id))!.distributorId).toBe(await distributorId('Arrowhead Components'));
    });

    it('an IdP that is not authoritative may not raise the role of an existing user', async () => {
      const failed = await failures();
      const res = await partnerLogin('ah-0001', { mail: 'clerk@arrowhead.example', groups: 'AH-Admin' });
      await expectRefused(res, /not authoritative.*raise/, failed);
      expect((await User.findOne({ where: { email: 'clerk@arrowhead.example' } }))!.role).toBe('distributor_user');
    });

    it('an IdP that is not authoritative may not claim an existing account by its email', async () => {
      const failed = await failures();
      const res = await partnerLogin('ah-evil', { mail: USERS.admin, groups: 'AH-Claims', org: 'Arrowhead Components' });
      await expectRefused(res, /not authoritative.*email/, failed);
      expect(await UserIdentity.count({ where: { provider: PARTNER_ENTITY_ID, subject: 'ah-evil' } })).toBe(0);
      expect((await User.findOne({ where: { email: USERS.admin } }))!.role).toBe('vendor_admin');
    });

    it('an IdP that is not authoritative still renames its own users', async () => {
      const res = await partnerLogin('ah-0001', {
        mail: 'clerk@arrowhead.example',
        displayName: 'Clerk Renamed',
        groups: 'AH-Claims',
        org: 'Arrowhead Components',
      });
      expect(res.status).toBe(303);
      expect((await User.findOne({ where: { email: 'clerk@arrowhead.example' } }))!.name).toBe('Clerk Renamed');
    });

    it('an authoritative IdP moves a user to another distributor', async () => {
      const login = async (distributor: string) => {
        const id = await corp.startLogin(app);
        return corp.post(
          app,
          corp.responseXml(id, { nameId: 'mover', attributes: { email: 'mover@voltaic.example', role: 'distributor_user', distributor } }),
        );
      };
      expect((await login('Arrowhead Components')).status).toBe(303);
      expect((await login('Northbridge Electronics')).status).toBe(303);
      expect((await User.findOne({ where: { email: 'mover@voltaic.example' } }))!.distributorId).toBe(
        await distributorId('Northbridge Electronics'),
      );
    });
  });

  describe('limits of an identity provider', () => {
    it("gives only the roles and distributors it is limited to, to new users too (a distributor's IdP creates no vendor admin)", async () => {
      const arrowhead = await distributorId('Arrowhead Components');
      const put = await request(app)
        .put('/api/sso/identity-providers/arrowhead')
        .set('Authorization', admin)
        // Limits alone: the rest of the IdP is kept.
        .send({ allowedRoles: ['distributor_user'], allowedDistributorIds: [arrowhead] });
      expect(put.status).toBe(200);
      expect(put.body.identityProvider).toMatchObject({
        entityId: PARTNER_ENTITY_ID,
        ssoUrl: partner.ssoUrl,
        allowedRoles: ['distributor_user'],
        allowedDistributorIds: [arrowhead],
      });
      let failed = await failures();
      await expectRefused(
        await partnerLogin('ah-new-1', { mail: 'boss@arrowhead.example', groups: 'vendor_admin' }),
        /may not give the role vendor_admin/,
        failed,
      );
      failed = await failures();
      await expectRefused(
        await partnerLogin('ah-new-2', { mail: 'spy@arrowhead.example', groups: 'AH-Claims', org: 'Northbridge Electronics' }),
        /may not sign in users of distributor/,
        failed,
      );
      expect(await User.count({ where: { email: ['boss@arrowhead.example', 'spy@arrowhead.example'] } })).toBe(0);
      const ok = await partnerLogin('ah-new-3', { mail: 'second@arrowhead.example', groups: 'AH-Claims', org: 'Arrowhead Components' });
      expect(ok.status).toBe(303);
    });

    it('refuses a limit naming an account that is not a distributor', async () => {
      const res = await request(app)
        .put('/api/sso/identity-providers/arrowhead')
        .set('Authorization', admin)
        .send({ metadataXml: partner.metadataXml(), allowedDistributorIds: [999_999] });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('INVALID_IDP_CONFIGURATION');
    });
  });

  describe('signed AuthnRequests', () => {
    /** The redirect binding's signature, checked as an IdP checks it: over the raw query, with our certificate. */
    const verifiesWithOurCertificate = (location: URL) => {
      const raw = location.search.slice(1).split('&');
      const part = (name: string) => raw.find((p) => p.startsWith(`${name}=`));
      const signed = ['SAMLRequest', 'RelayState', 'SigAlg'].map(part).filter(Boolean).join('&');
      const signature = decodeURIComponent(part('Signature')!.slice('Signature='.length));
      return createVerify('RSA-SHA256').update(signed).verify(sp.cert, signature, 'base64');
    };

    it('signs the AuthnRequests of an IdP that asks for it (RSA-SHA256), and only those', async () => {
      expect((await corp.startLoginUrl(app)).searchParams.get('Signature')).toBeNull();
      const put = await request(app)
        .put('/api/sso/identity-providers/arrowhead')
        .set('Authorization', admin)
        .send({ metadataXml: partner.metadataXml({ wantAuthnRequestsSigned: true }) });
      expect(put.body.identityProvider.signAuthnRequests).toBe(true);
      const location = await partner.startLoginUrl(app, '/claims.html', 'arrowhead');
      expect(location.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
      expect(verifiesWithOurCertificate(location)).toBe(true);
      const tampered = new URL(location);
      tampered.searchParams.set('RelayState', '/other');
      expect(verifiesWithOurCertificate(tampered)).toBe(false);
    });

    it('publishes our signing and encryption certificate and logout URL in the SP metadata', async () => {
      const xml = (await request(app).get('/auth/saml/metadata')).text;
      expect(xml).toContain('AuthnRequestsSigned="true"');
      expect(xml).toMatch(/KeyDescriptor use="signing"/);
      expect(xml).toMatch(/KeyDescriptor use="encryption"/);
      expect(xml).toContain(sp.cert.replace(/-----[^-]+-----|\s/g, '').slice(0, 60));
      expect(xml).toContain(`Location="${corp.sp.logoutUrl}"`);
    });

    it('refuses signing or encryption switches when our key pair is not configured', async () => {
      const bare = t.appWith();
      const other = new TestIdp(corp.config, 'urn:bare:idp', 'https://idp.bare.example/sso');
      for (const body of [{ signAuthnRequests: true }, { requireEncryptedAssertions: true }]) {
        const res = await request(bare)
          .put('/api/sso/identity-providers/bare')
          .set('Authorization', admin)
          .send({ metadataXml: other.metadataXml(), ...body });
        expect(res.status).toBe(422);
        expect(res.body.code).toBe('INVALID_IDP_CONFIGURATION');
      }
    });
  });

  describe('encrypted assertions', () => {
    it('signs in with an assertion encrypted to our certificate', async () => {
      const id = await corp.startLogin(app);
      const res = await corp.post(
        app,
        corp.responseXml(id, { nameId: 'sealed', attributes: { email: 'sealed@voltaic.example', role: 'finance' }, encryptFor: sp.cert }),
      );
      expect(res.status).toBe(303);
      expect((await request(app).get('/api/session').set('Cookie', sessionCookie(res))).body.email).toBe('sealed@voltaic.example');
    });

    it('refuses an assertion encrypted to another key', async () => {
      const id = await corp.startLogin(app);
      await refused(corp, corp.responseXml(id, { encryptFor: TestIdp.otherKeys().cert }), /validator/);
    });

    it('refuses a plain assertion from an IdP that must encrypt', async () => {
      const put = await request(app)
        .put('/api/sso/identity-providers/arrowhead')
        .set('Authorization', admin)
        .send({ metadataXml: partner.metadataXml(), requireEncryptedAssertions: true });
      expect(put.body.identityProvider.requireEncryptedAssertions).toBe(true);
      const attributes = { mail: 'clerk@arrowhead.example', groups: 'AH-Claims', org: 'Arrowhead Components' };
      const id = await partner.startLogin(app, '/', 'arrowhead');
      await refused(partner, partner.responseXml(id, { nameId: 'ah-0001', attributes }), /must encrypt/);
      const id2 = await partner.startLogin(app, '/', 'arrowhead');
      expect((await partner.post(app, partner.responseXml(id2, { nameId: 'ah-0001', attributes, encryptFor: sp.cert }))).status).toBe(303);
    });
  });

  describe('logout started by the IdP', () => {
    async function corpSession(sessionIndex: string) {
      const id = await corp.startLogin(app);
      const res = await corp.post(
        app,
        corp.responseXml(id, { nameId: 'slo-user', sessionIndex, attributes: { email: 'slo@voltaic.example', role: 'finance' } }),
      );
      expect(res.status).toBe(303);
      return sessionCookie(res);
    }
    const alive = async (cookie: string) => (await request(app).get('/api/session').set('Cookie', cookie)).status === 200;

    it('ends the sessions a signed LogoutRequest names and answers with a LogoutResponse', async () => {
      const first = await corpSession('idx-1');
      const second = await corpSession('idx-2');
      const requestId = '_logout-request-1';
      const res = await corp.postLogout(
        app,
        corp.logoutRequestXml({ id: requestId, nameId: 'slo-user', sessionIndexes: ['idx-1'] }),
        '/bye',
      );
      expect(res.status).toBe(302);
      const location = new URL(res.headers.location as string);
      expect(`${location.origin}${location.pathname}`).toBe(corp.sloUrl);
      expect(location.searchParams.get('RelayState')).toBe('/bye');
      const answer = inflateRawSync(Buffer.from(location.searchParams.get('SAMLResponse')!, 'base64')).toString('utf8');
      expect(answer).toContain('<samlp:LogoutResponse');
      expect(answer).toContain(`InResponseTo="${requestId}"`);
      expect(answer).toContain('urn:oasis:names:tc:SAML:2.0:status:Success');
      expect(await alive(first)).toBe(false);
      expect(await alive(second)).toBe(true);
      // Without a SessionIndex: every session of that user from that IdP.
      expect((await corp.postLogout(app, corp.logoutRequestXml({ nameId: 'slo-user' }))).status).toBe(302);
      expect(await alive(second)).toBe(false);
      expect(await AuditEvent.count({ where: { action: 'session.signed_out_by_idp' } })).toBe(2);
    });

    it('takes a LogoutRequest by the redirect binding too, its query signed', async () => {
      const cookie = await corpSession('idx-r1');
      const xml = corp.logoutRequestXml({ nameId: 'slo-user', sessionIndexes: ['idx-r1'], signed: false });
      const res = await corp.getLogout(app, xml, { relayState: '/after' });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.location as string);
      expect(`${location.origin}${location.pathname}`).toBe(corp.sloUrl);
      expect(location.searchParams.get('RelayState')).toBe('/after');
      expect(await alive(cookie)).toBe(false);
    });

    it('refuses a redirect LogoutRequest unsigned, signed with SHA-1, signed by another key, or altered', async () => {
      const cookie = await corpSession('idx-r2');
      const xml = () => corp.logoutRequestXml({ nameId: 'slo-user', signed: false });
      const signed = `/auth/saml/logout?${redirectQuery(corp.keys, xml())}`;
      const attempts: [request.Test, RegExp][] = [
        [corp.getLogout(app, xml(), { sigAlg: null }), /Signature/],
        [corp.getLogout(app, xml(), { sigAlg: 'sha1' }), /Signature/],
        [corp.getLogout(app, xml(), {}, partner.keys), /signature/i],
        [request(app).get(signed.replace('SAMLRequest=', 'RelayState=%2Fevil&SAMLRequest=')), /signature/i],
        [request(app).get(`${signed}&xSAMLRequest=1`), /ambiguously/],
      ];
      for (const [attempt, reason] of attempts) {
        const before = await failures();
        const res = await attempt;
        expect(res.status).toBe(401);
        expect(await failures()).toBe(before + 1);
        const last = await AuditEvent.findOne({ where: { action: 'session.sso_failed' }, order: [['id', 'DESC']] });
        expect(last!.reason).toMatch(reason);
      }
      expect(await alive(cookie)).toBe(true);
    });

    it('refuses an unsigned, a foreign-signed, a misdirected, another IdP’s and a replayed LogoutRequest', async () => {
      const cookie = await corpSession('idx-3');
      const attempts: [string, RegExp][] = [
        [corp.logoutRequestXml({ nameId: 'slo-user', signed: false }), /signature/i],
        [corp.logoutRequestXml({ nameId: 'slo-user' }, partner.keys), /signature/i],
        [corp.logoutRequestXml({ nameId: 'slo-user', destination: 'https://other-sp.example/logout' }), /Destination/],
        [corp.logoutRequestXml({ nameId: 'slo-user', issuer: 'urn:someone-else:idp' }), /Issuer/],
        [corp.logoutRequestXml({ nameId: 'slo-user', now: Date.now() - 3600_000 }), /IssueInstant|expired/],
      ];
      for (const [xml, reason] of attempts) {
        const before = await failures();
        const res = await corp.postLogout(app, xml);
        expect(res.status).toBe(401);
        expect(await failures()).toBe(before + 1);
        const last = await AuditEvent.findOne({ where: { action: 'session.sso_failed' }, order: [['id', 'DESC']] });
        expect(last!.reason).toMatch(reason);
      }
      expect(await alive(cookie)).toBe(true);
      // A session of the same NameID from another IdP is not that IdP's to end.
      const partnerCookie = sessionCookie(
        await (async () => {
          const id = await partner.startLogin(app, '/', 'arrowhead');
          const attributes = { mail: 'clerk@arrowhead.example', groups: 'AH-Claims', org: 'Arrowhead Components' };
          return partner.post(app, partner.responseXml(id, { nameId: 'ah-0001', attributes, encryptFor: sp.cert }));
        })(),
      );
      const xml = corp.logoutRequestXml({ nameId: 'ah-0001' });
      expect((await corp.postLogout(app, xml)).status).toBe(302);
      expect(await alive(partnerCookie)).toBe(true);
      const before = await failures();
      expect((await corp.postLogout(app, xml)).status).toBe(401);
      expect(await failures()).toBe(before + 1);
    });
  });

  describe('logout we start', () => {
    it('ends the session and sends its IdP a LogoutRequest naming its NameID and SessionIndex; takes the signed answer once', async () => {
      const id = await corp.startLogin(app);
      const signedIn = await corp.post(
        app,
        corp.responseXml(id, {
          nameId: 'leaver',
          sessionIndex: 'idx-out',
          attributes: { email: 'leaver@voltaic.example', role: 'finance' },
        }),
      );
      const cookie = sessionCookie(signedIn);
      const csrf = (await request(app).get('/api/session').set('Cookie', cookie)).body.csrfToken as string;
      const out = await request(app).post('/auth/saml/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf);
      expect(out.status).toBe(303);
      expect((await request(app).get('/api/session').set('Cookie', cookie)).status).toBe(401);
      const location = new URL(out.headers.location as string);
      expect(`${location.origin}${location.pathname}`).toBe(corp.sloUrl);
      const logoutRequest = inflateRawSync(Buffer.from(location.searchParams.get('SAMLRequest')!, 'base64')).toString('utf8');
      expect(logoutRequest).toContain('<samlp:LogoutRequest');
      expect(logoutRequest).toMatch(/<saml:NameID[^>]*>leaver<\/saml:NameID>/);
      expect(logoutRequest).toMatch(/SessionIndex[^>]*>idx-out</);
      expect(logoutRequest).toContain(`<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${corp.sp.entityId}</saml:Issuer>`);
      const requestId = /\sID="([^"]+)"/.exec(logoutRequest)![1];

      let before = await failures();
      expect((await corp.postLogoutResponse(app, corp.logoutResponseXml(requestId, { signed: false }))).status).toBe(401);
      expect((await corp.postLogoutResponse(app, corp.logoutResponseXml(requestId, {}, partner.keys))).status).toBe(401);
      expect(await failures()).toBe(before + 2);
      // The refused answers above did not spend the request id: the IdP's real answer is taken, once.
      const answer = corp.logoutResponseXml(requestId);
      const done = await corp.postLogoutResponse(app, answer);
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe('/');
      before = await failures();
      expect((await corp.postLogoutResponse(app, answer)).status).toBe(401);
      expect(await failures()).toBe(before + 1);
      const last = await AuditEvent.findOne({ where: { action: 'session.sso_failed' }, order: [['id', 'DESC']] });
      expect(last!.reason).toMatch(/answers no LogoutRequest/);
    });

    it('takes the LogoutResponse by the redirect binding too, its query signed', async () => {
      const id = await corp.startLogin(app);
      const cookie = sessionCookie(
        await corp.post(
          app,
          corp.responseXml(id, { nameId: 'leaver2', attributes: { email: 'leaver2@voltaic.example', role: 'finance' } }),
        ),
      );
      const csrf = (await request(app).get('/api/session').set('Cookie', cookie)).body.csrfToken as string;
      const out = await request(app).post('/auth/saml/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf);
      const sent = inflateRawSync(
        Buffer.from(new URL(out.headers.location as string).searchParams.get('SAMLRequest')!, 'base64'),
      ).toString();
      const answer = corp.logoutResponseXml(/\sID="([^"]+)"/.exec(sent)![1], { signed: false });
      const before = await failures();
      expect((await corp.getLogout(app, answer, { param: 'SAMLResponse', sigAlg: null })).status).toBe(401);
      expect(await failures()).toBe(before + 1);
      const id2 = await corp.startLogin(app);
      const cookie2 = sessionCookie(
        await corp.post(
          app,
          corp.responseXml(id2, { nameId: 'leaver2', attributes: { email: 'leaver2@voltaic.example', role: 'finance' } }),
        ),
      );
      const csrf2 = (await request(app).get('/api/session').set('Cookie', cookie2)).body.csrfToken as string;
      const out2 = await request(app).post('/auth/saml/logout').set('Cookie', cookie2).set('X-CSRF-Token', csrf2);
      const sent2 = inflateRawSync(
        Buffer.from(new URL(out2.headers.location as string).searchParams.get('SAMLRequest')!, 'base64'),
      ).toString();
      const done = await corp.getLogout(app, corp.logoutResponseXml(/\sID="([^"]+)"/.exec(sent2)![1], { signed: false }), {
        param: 'SAMLResponse',
      });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe('/');
    });
  });

  describe('CSRF for a session opened by single sign-on', () => {
    it('gets its CSRF token from GET /api/session and needs it for every change', async () => {
      const id = await corp.startLogin(app);
      const cookie = sessionCookie(await corp.post(app, corp.responseXml(id)));
      const refusedWrite = await request(app).post('/api/tokens').set('Cookie', cookie).send({ name: 'from sso' });
      expect(refusedWrite.status).toBe(403);
      expect(refusedWrite.body.code).toBe('CSRF_TOKEN_INVALID');
      const wrong = await request(app).post('/api/tokens').set('Cookie', cookie).set('X-CSRF-Token', 'guess').send({ name: 'from sso' });
      expect(wrong.status).toBe(403);
      const session = await request(app).get('/api/session').set('Cookie', cookie);
      expect(session.status).toBe(200);
      expect(typeof session.body.csrfToken).toBe('string');
      const ok = await request(app)
        .post('/api/tokens')
        .set('Cookie', cookie)
        .set('X-CSRF-Token', session.body.csrfToken)
        .send({ name: 'from sso' });
      expect(ok.status).toBe(201);
      // A bearer token has no CSRF token to hand out.
      expect((await request(app).get('/api/session').set('Authorization', admin)).body.csrfToken).toBeUndefined();
    });
  });
});

async function tokenOf(t: TestApp, email: string): Promise<string> {
  const c = await t.as(email);
  // The harness keeps the bearer header on its requests; read it back from one.
  const req = c.get('/api/session') as unknown as { header: Record<string, string> };
  return req.header.Authorization;
}
