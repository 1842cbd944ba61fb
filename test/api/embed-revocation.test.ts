/**
 * An embedded session is no stronger than the credential that asked for it: revoking the API token
 * that asked for an embed token (or any token above it) ends the sessions it opened and refuses the
 * embed tokens not yet exchanged; a token refused while its user was deactivated stays refused, and
 * reactivating the user revives no embed token issued before.
 */
import request from 'supertest';
import { bearerOf, describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

describeDb('embed sessions die with the token that asked for them', () => {
  let t: TestApp;
  let claimId: number;

  const mint = async (bearer: string, name: string) => {
    const res = await t.http
      .post('/api/tokens')
      .set('Authorization', bearer)
      .send({ name, scopes: ['read', 'write'] });
    expect(res.status).toBe(201);
    return { id: res.body.id as number, bearer: `Bearer ${res.body.token as string}` };
  };
  const embedToken = async (bearer: string, body: object = {}) => {
    const res = await t.http.post('/api/embed/tokens').set('Authorization', bearer).send(body);
    expect(res.status).toBe(201);
    return res.body.token as string;
  };
  const exchange = (token: string) => t.http.post('/api/embed/session').send({ token });
  const note = (bearer: string) =>
    t.http.post(`/api/claims/${claimId}/notes`).set('Authorization', bearer).send({ body: 'from the portal' });
  const sessionCookie = (res: request.Response) =>
    ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('bec_session='))!
      .split(';')[0]!;

  beforeAll(async () => {
    t = await startTestApp();
    const arrow = await t.as(USERS.arrowhead);
    claimId = (await arrow.get('/api/claims')).body.items[0].id;
  });
  afterAll(() => t.close());

  it('ends the bearer and the cookie of an embed session, and refuses its unexchanged tokens, once the token that asked is revoked', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const t2 = await mint(bearerOf(arrow), 't2');
    const used = await embedToken(t2.bearer);
    const pending = await embedToken(t2.bearer);
    const ex = await exchange(used);
    expect(ex.status).toBe(200);
    const bece = `Bearer ${ex.body.accessToken as string}`;
    const cookie = sessionCookie(ex);
    expect((await note(bece)).status).toBe(201);
    expect((await t.http.get('/api/session').set('Cookie', cookie)).status).toBe(200);

    expect((await arrow.delete(`/api/tokens/${t2.id}`)).status).toBe(204);
    expect((await t.http.get('/api/session').set('Authorization', t2.bearer)).status).toBe(401);
    expect((await note(bece)).status).toBe(401);
    expect((await t.http.get('/api/session').set('Cookie', cookie)).status).toBe(401);
    const late = await exchange(pending);
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('INVALID_EMBED_TOKEN');
  });

  it('ends them when a token higher up the chain is revoked', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const t1 = await mint(bearerOf(arrow), 't1');
    const t2 = await mint(t1.bearer, 't2 from t1');
    const ex = await exchange(await embedToken(t2.bearer));
    const bece = `Bearer ${ex.body.accessToken as string}`;
    expect((await note(bece)).status).toBe(201);
    expect((await arrow.delete(`/api/tokens/${t1.id}`)).status).toBe(204);
    expect((await note(bece)).status).toBe(401);
  });

  it("ends the sessions a vendor admin's embed_issuer token opened for another user when it is revoked", async () => {
    const admin = await t.as(USERS.admin);
    const issuer = await admin.post('/api/tokens', { name: 'crm', scopes: ['embed_issuer'] });
    expect(issuer.status).toBe(201);
    const ex = await exchange(await embedToken(`Bearer ${issuer.body.token as string}`, { userEmail: USERS.arrowhead }));
    const bece = `Bearer ${ex.body.accessToken as string}`;
    expect((await note(bece)).status).toBe(201);
    expect((await admin.delete(`/api/tokens/${issuer.body.id as number}`)).status).toBe(204);
    expect((await note(bece)).status).toBe(401);
  });

  it('keeps an embed token refused while its user was deactivated refused after reactivation, and revives none issued before', async () => {
    const admin = await t.as(USERS.admin);
    const pacific = (await (await t.as(USERS.pacific)).get('/api/session')).body.userId as number;
    const triedWhileAway = await embedToken(bearerOf(admin), { userEmail: USERS.pacific });
    const keptForLater = await embedToken(bearerOf(admin), { userEmail: USERS.pacific });
    expect((await admin.post(`/api/users/${pacific}/deactivate`, { reason: 'test' })).status).toBe(200);
    expect((await exchange(triedWhileAway)).status).toBe(401);
    expect((await admin.post(`/api/users/${pacific}/reactivate`, {})).status).toBe(200);
    expect((await exchange(triedWhileAway)).status).toBe(401);
    expect((await exchange(keptForLater)).status).toBe(401);
    // One issued after the reactivation opens a session.
    expect((await exchange(await embedToken(bearerOf(admin), { userEmail: USERS.pacific }))).status).toBe(200);
    const trail = (await admin.get(`/api/audit?kind=security&entityType=user&entityId=${pacific}&limit=200`)).body.items as {
      action: string;
      reason: string | null;
    }[];
    expect(trail.filter((a) => a.action === 'session.embed_failed').map((a) => a.reason)).toEqual(
      expect.arrayContaining(['user no longer matches the token', 'token already used', 'the user was deactivated after it was issued']),
    );
  });
});
