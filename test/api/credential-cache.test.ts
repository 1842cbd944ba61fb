/**
 * Credentials remembered by the server process (server/auth/credential-cache.ts): a known caller
 * costs no database lookup, every revocation through the process holds at once, and a change made
 * behind its back holds within CREDENTIAL_CACHE_SECONDS.
 */
import { User } from '../../models/accounts.js';
import { ApiToken } from '../../models/platform.js';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

describeDb('credential cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CREDENTIAL_CACHE_SECONDS: '1' } });
  });
  afterAll(() => t.close());

  /** Mints a fresh token for `email` through a password session. */
  const mint = async (email: string) => {
    const s = await t.http.post('/api/session').send({ email, password: DEMO_PASSWORD });
    const cookie = (s.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const tok = await t.http
      .post('/api/tokens')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', s.body.csrfToken)
      .send({ name: 'cache test', scopes: ['read', 'write'] });
    return { cookie, csrf: s.body.csrfToken as string, token: tok.body.token as string, tokenId: tok.body.id as number };
  };
  const session = (bearer: string) => t.http.get('/api/session').set('Authorization', `Bearer ${bearer}`);

  /** The SQL statements run while `fn` runs. */
  const statementsDuring = async (fn: () => Promise<unknown>) => {
    const seen: string[] = [];
    const options = (t.db.sequelize as unknown as { options: { logging?: unknown } }).options;
    const before = options.logging;
    options.logging = (sql: string) => seen.push(sql);
    try {
      await fn();
    } finally {
      options.logging = before;
    }
    return seen;
  };

  it('resolves a known token without reading the credential tables', async () => {
    const { token } = await mint(USERS.cm);
    expect((await session(token)).status).toBe(200);
    const sql = await statementsDuring(() => session(token));
    expect(sql.filter((q) => /api_tokens|sessions|FROM `users`|FROM "users"/i.test(q))).toEqual([]);
  });

  it('holds at once every revocation made through this process', async () => {
    // A token revoked
    const a = await mint(USERS.cm);
    expect((await session(a.token)).status).toBe(200);
    const revoked = await t.http.delete(`/api/tokens/${a.tokenId}`).set('Authorization', `Bearer ${a.token}`);
    expect(revoked.status).toBe(204);
    expect((await session(a.token)).status).toBe(401);

    // A session signed out
    const b = await mint(USERS.cm2);
    expect((await t.http.get('/api/session').set('Cookie', b.cookie)).body.email).toBe(USERS.cm2);
    await t.http.delete('/api/session').set('Cookie', b.cookie).set('X-CSRF-Token', b.csrf);
    expect((await t.http.get('/api/session').set('Cookie', b.cookie)).status).toBe(401);

    // A role changed, then the user deactivated
    const admin = await t.as(USERS.admin);
    const c = await mint(USERS.finance2);
    expect((await session(c.token)).body.role).toBe('finance');
    const id = (await User.findOne({ where: { email: USERS.finance2 } }))!.id;
    expect((await admin.patch(`/api/users/${id}/role`, { role: 'channel_manager' })).status).toBe(200);
    expect((await session(c.token)).body.role).toBe('channel_manager');
    expect((await admin.post(`/api/users/${id}/deactivate`, {})).status).toBe(200);
    expect((await session(c.token)).status).toBe(401);
  });

  it('holds a change made behind its back (another process) within the cache life', async () => {
    const d = await mint(USERS.arrowhead);
    expect((await session(d.token)).status).toBe(200);
    // Another server process revokes it: this one learns it when the remembered entry ends.
    await ApiToken.update({ revokedAt: new Date() }, { where: { id: d.tokenId } });
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await session(d.token)).status).toBe(401);
  });
});
