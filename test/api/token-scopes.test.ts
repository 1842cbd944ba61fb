/**
 * Credentials that cannot do more than they were given: a token's scopes are checked on every
 * route, a token mints only narrower and shorter-lived tokens that die with it, a session opened
 * from an embed token mints none, unknown scopes are refused, and lastUsedAt moves.
 */
import request from 'supertest';
import { QueryTypes } from 'sequelize';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

describeDb('token scopes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A signed-in cookie session (all scopes) for a user: its agent and CSRF token. */
  const session = async (email: string) => {
    const agent = request.agent(t.app);
    const s = await agent.post('/api/session').send({ email, password: DEMO_PASSWORD });
    expect(s.status).toBe(200);
    return { agent, csrf: s.body.csrfToken as string };
  };
  const mint = async (email: string, body: object) => {
    const { agent, csrf } = await session(email);
    return agent
      .post('/api/tokens')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'scoped', ...body });
  };
  const withToken = (token: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => t.http.post(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object = {}) => t.http.put(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const count = async (table: string) =>
    Number(((await t.db.sequelize.query(`SELECT COUNT(*) AS n FROM ${table}`, { type: QueryTypes.SELECT })) as { n: number }[])[0]!.n);

  it('lets a read token read and refuses every change it tries, on every route', async () => {
    const res = await mint(USERS.finance, { scopes: ['read'] });
    expect(res.status).toBe(201);
    expect(res.body.scopes).toEqual(['read']);
    const read = withToken(res.body.token);
    expect((await read.get('/api/claims')).status).toBe(200);
    const claimId = (await read.get('/api/claims')).body.items[0].id as number;
    const notes = await count('notes');
    const refused = await read.post(`/api/claims/${claimId}/notes`, { body: 'a note a read token may not write' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INSUFFICIENT_SCOPE');
    expect(await count('notes')).toBe(notes);
    // Every operation of the API that changes something: 403 INSUFFICIENT_SCOPE, whatever its body.
    const doc = (await t.http.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const answers: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const method of Object.keys(ops)) {
        if (method === 'get') continue;
        const url = path.replace(/\{[^}]+\}/g, '1');
        const r = await t.http[method as 'post' | 'put' | 'patch' | 'delete'](url)
          .set('Authorization', `Bearer ${res.body.token}`)
          .send({});
        if (r.status !== 403 || r.body.code !== 'INSUFFICIENT_SCOPE')
          answers.push(`${method.toUpperCase()} ${path}: ${r.status} ${r.body.code}`);
      }
    expect(answers).toEqual([]);
  });

  it('needs the admin scope for configuration, whatever the role', async () => {
    const write = withToken((await mint(USERS.admin, { scopes: ['read', 'write'] })).body.token);
    const refused = await write.put('/api/sso/identity-provider', {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INSUFFICIENT_SCOPE');
    const admin = withToken((await mint(USERS.admin, { scopes: ['admin'] })).body.token);
    // With the scope, the same request reaches the route (and its own validation).
    expect((await admin.put('/api/sso/identity-provider', {})).body.code).not.toBe('INSUFFICIENT_SCOPE');
  });

  it('refuses unknown scopes', async () => {
    const res = await mint(USERS.finance, { scopes: ['*', 'admin'] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'scopes', message: 'unknown: *' }]);
    expect((await mint(USERS.finance, { scopes: [] })).status).toBe(400);
  });

  it('mints from a token only a token of its scopes or fewer, no longer-lived, that dies with it', async () => {
    const parent = (await mint(USERS.arrowhead, { scopes: ['read', 'write'], expiresInDays: 30 })).body;
    const p = withToken(parent.token);
    const wider = await p.post('/api/tokens', { name: 'wider', scopes: ['admin'], expiresInDays: 1 });
    expect(wider.status).toBe(403);
    expect(wider.body.code).toBe('SCOPE_ESCALATION');
    const forever = await p.post('/api/tokens', { name: 'forever', scopes: ['read'], expiresInDays: null });
    expect(forever.status).toBe(400);
    expect(forever.body.errors[0].field).toBe('expiresInDays');
    expect((await p.post('/api/tokens', { name: 'longer', scopes: ['read'], expiresInDays: 31 })).status).toBe(400);
    const child = await p.post('/api/tokens', { name: 'child', scopes: ['read'], expiresInDays: 7 });
    expect(child.status).toBe(201);
    const c = withToken(child.body.token);
    expect((await c.get('/api/claims')).status).toBe(200);
    // A read child cannot mint a write grandchild; revoking the parent kills the child.
    expect((await c.post('/api/tokens', { name: 'grand', scopes: ['write'], expiresInDays: 1 })).status).toBe(403);
    const { agent, csrf } = await session(USERS.arrowhead);
    expect((await agent.delete(`/api/tokens/${parent.id}`).set('X-CSRF-Token', csrf)).status).toBe(204);
    expect((await c.get('/api/claims')).status).toBe(401);
  });

  it('keeps lastUsedAt', async () => {
    const { agent, csrf } = await session(USERS.northbridge);
    const made = await agent
      .post('/api/tokens')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'used', scopes: ['read'] });
    const before = (await agent.get('/api/tokens')).body.items.find((x: { id: number }) => x.id === made.body.id);
    expect(before.lastUsedAt).toBeNull();
    expect((await withToken(made.body.token).get('/api/claims')).status).toBe(200);
    const after = (await agent.get('/api/tokens')).body.items.find((x: { id: number }) => x.id === made.body.id);
    expect(after.lastUsedAt).toEqual(expect.any(String));
  });

  it('lets no session opened from an embed token mint an API token', async () => {
    const app = t.appWith({ EMBED_TOKEN_SECRET: 'embed-secret-of-at-least-32-characters!!' });
    const ops = withToken((await mint(USERS.arrowhead, { scopes: ['read', 'write'] })).body.token);
    const issued = await request(app)
      .post('/api/embed/tokens')
      .set('Authorization', (ops.get('/x') as unknown as { header: Record<string, string> }).header.Authorization)
      .send({});
    expect(issued.status).toBe(201);
    const agent = request.agent(app);
    const ex = await agent.post('/api/embed/session').send({ token: issued.body.token });
    expect(ex.status).toBe(200);
    const refused = await agent.post('/api/tokens').set('X-CSRF-Token', ex.body.csrfToken).send({ name: 'forever', expiresInDays: null });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('EMBED_SESSION_CANNOT_MINT');
  });
});
