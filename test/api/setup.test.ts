/**
 * The first admin of an empty database (POST /api/setup): only with the server's token, only while
 * no user exists, audited; afterwards the admin signs in and works through the API.
 */
import { describeDb, startTestApp, type TestApp } from '../support/harness.js';

const TOKEN = 'becs_test-setup-token-0123456789';
const admin = { email: 'Owner@NewVendor.example', name: 'Olga Owner', password: 'a-long-first-password' };

describeDb('first admin setup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { SETUP_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  it('is open on an empty database, refuses a wrong token or a weak password, then creates one active admin', async () => {
    expect((await t.http.get('/api/setup')).body).toEqual({ open: true, reason: null });

    const wrong = await t.http.post('/api/setup').send({ ...admin, token: 'becs_not-the-token-at-all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'SETUP_TOKEN_INVALID', errors: [{ field: 'token' }] });
    const weak = await t.http.post('/api/setup').send({ ...admin, token: TOKEN, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
    // Nothing was created by the refusals.
    expect((await t.http.get('/api/setup')).body.open).toBe(true);

    const done = await t.http.post('/api/setup').send({ ...admin, token: TOKEN });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ email: 'owner@newvendor.example', role: 'vendor_admin', active: true, hasPassword: true });

    // The admin signs in with its password and may manage users.
    const signIn = await t.http.post('/api/session').send({ email: admin.email, password: admin.password });
    expect(signIn.status).toBe(200);
    const token = await t.http
      .post('/api/tokens')
      .set('Cookie', signIn.headers['set-cookie'] as unknown as string[])
      .set('X-CSRF-Token', signIn.body.csrfToken)
      .send({ name: 'setup', scopes: ['read', 'write', 'admin'] });
    expect(token.status).toBe(201);
    const users = await t.http.get('/api/users').set('Authorization', `Bearer ${token.body.token}`);
    expect(users.body.items.map((u: { email: string }) => u.email)).toEqual(['owner@newvendor.example']);

    // Audited as the admin's own first act.
    const audit = await t.http.get('/api/audit?action=setup.completed').set('Authorization', `Bearer ${token.body.token}`);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'setup.completed', entityType: 'user', entityId: String(done.body.id), actorUserId: done.body.id }),
    ]);

    // Closed from now on, even with the right token.
    const again = await t.http.post('/api/setup').send({ ...admin, email: 'second@newvendor.example', token: TOKEN });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SETUP_DONE');
    expect((await t.http.get('/api/setup')).body).toMatchObject({ open: false });
  });
});

describeDb('first admin setup without a token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('stays closed and says why', async () => {
    const status = (await t.http.get('/api/setup')).body;
    expect(status.open).toBe(false);
    expect(status.reason).toContain('SETUP_TOKEN');
    const tried = await t.http.post('/api/setup').send({ ...admin, token: 'becs_anything-at-all-here' });
    expect(tried.status).toBe(400);
    expect(tried.body.code).toBe('SETUP_TOKEN_INVALID');
  });
});
