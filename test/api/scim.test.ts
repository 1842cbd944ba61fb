/**
 * SCIM 2.0 as Okta and Entra ID speak it: a token with the `scim` scope alone, bodies in
 * application/scim+json, `filter=userName eq "..."`, PATCH with `active: false` in both the Okta and
 * the Entra ID shape, DELETE that deactivates and keeps the trail, groups that are the roles.
 */
import { User } from '../../models/accounts.js';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const SCIM = 'application/scim+json';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

describeDb('SCIM 2.0 provisioning', () => {
  let t: TestApp;
  let admin: Client;
  let scimToken: string;
  const scim = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) => {
    const req = t.http[method](`/scim/v2${path}`).set('Authorization', `Bearer ${scimToken}`).set('Accept', SCIM);
    return body ? req.set('Content-Type', SCIM).send(JSON.stringify(body)) : req;
  };
  const okta = (userName: string, extra: object = {}) => ({
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName: 'Olive', familyName: 'Okta' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: 'Olive Okta',
    locale: 'en-US',
    externalId: `00u${userName.length}abc`,
    groups: [],
    password: 'ignored-by-this-server',
    active: true,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as(USERS.admin);
    const minted = await admin.post('/api/tokens', { name: 'okta scim', scopes: ['scim'] });
    expect(minted.status).toBe(201);
    expect(minted.body.scopes).toEqual(['scim']);
    scimToken = minted.body.token;
  });
  afterAll(() => t.close());

  it('takes a token with the scim scope alone, minted by an admin, and that token reaches nothing else', async () => {
    const cm = await t.as(USERS.cm);
    expect((await cm.post('/api/tokens', { name: 'x', scopes: ['scim'] })).status).toBe(400);
    expect((await admin.post('/api/tokens', { name: 'x', scopes: ['scim', 'read'] })).status).toBe(400);
    // The scim token on the API: no read, write or admin scope.
    expect((await t.http.get('/api/claims').set('Authorization', `Bearer ${scimToken}`)).status).toBe(403);
    // Another token on SCIM: refused, as a SCIM error.
    const adminBearer = (admin.get('/x') as unknown as { _header: Record<string, string> })._header.authorization!;
    const refused = await t.http.get('/scim/v2/Users').set('Authorization', adminBearer);
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(refused.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '401' });
    expect((await t.http.get('/scim/v2/Users')).status).toBe(401);
    // Refusals land in the audit trail, as the API's do.
    const refusals = (await admin.get('/api/audit?kind=security&action=authorization.refused&limit=20')).body.items;
    expect(refusals.some((e: { entityId: string }) => e.entityId.startsWith('GET /scim/v2'))).toBe(true);
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes, Schemas', async () => {
    const config = await scim('get', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } });
    const types = await scim('get', '/ResourceTypes');
    expect(types.body.Resources.map((r: { endpoint: string }) => r.endpoint)).toEqual(['/Users', '/Groups']);
    const schemas = await scim('get', '/Schemas');
    expect(schemas.body.Resources.map((r: { id: string }) => r.id)).toEqual([USER_SCHEMA, 'urn:ietf:params:scim:schemas:core:2.0:Group']);
  });

  it('creates a user as Okta sends it, finds it by userName, pages the list and refuses a duplicate', async () => {
    const created = await scim('post', '/Users', okta('olive@voltaic.example'));
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(created.headers.location).toMatch(new RegExp(`/scim/v2/Users/${created.body.id}$`));
    expect(created.body).toMatchObject({
      schemas: [USER_SCHEMA],
      userName: 'olive@voltaic.example',
      displayName: 'Olive Okta',
      active: true,
      externalId: '00u21abc',
      // in no group: no role until a group gives it one
      groups: [],
    });
    const row = await User.findByPk(Number(created.body.id));
    expect(row).toMatchObject({ email: 'olive@voltaic.example', role: 'no_access', active: true, passwordHash: null });

    const found = await scim('get', `/Users?filter=${encodeURIComponent('userName eq "Olive@voltaic.example"')}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, startIndex: 1 });
    expect(found.body.Resources[0].id).toBe(created.body.id);
    const none = await scim('get', `/Users?filter=${encodeURIComponent('userName eq "nobody@voltaic.example"')}`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });

    const page = await scim('get', '/Users?startIndex=2&count=3');
    expect(page.body).toMatchObject({ startIndex: 2, itemsPerPage: 3 });
    const all = await scim('get', '/Users?count=100');
    expect(page.body.Resources.map((r: { id: string }) => r.id)).toEqual(all.body.Resources.slice(1, 4).map((r: { id: string }) => r.id));
    expect(page.body.totalResults).toBe(all.body.totalResults);
    // count=0 asks only for the total (RFC 7644 3.4.2.4).
    const countOnly = await scim('get', '/Users?count=0');
    expect(countOnly.body).toMatchObject({ totalResults: all.body.totalResults, itemsPerPage: 0, Resources: [] });

    const again = await scim('post', '/Users', okta('olive@voltaic.example'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' });
    const bad = await scim('post', '/Users', okta('not an e-mail'));
    expect(bad.status).toBe(400);
    expect(bad.body.scimType).toBe('invalidValue');
    expect(bad.body.detail).toContain('userName');
    const filter = await scim('get', `/Users?filter=${encodeURIComponent('title co "x"')}`);
    expect(filter.status).toBe(400);
    expect(filter.body.scimType).toBe('invalidFilter');
    expect((await scim('get', '/Users/999999')).body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
  });

  it('replaces a user with PUT and reads it back by id', async () => {
    const created = await scim('post', '/Users', okta('pat.put@voltaic.example'));
    const put = await scim('put', `/Users/${created.body.id}`, {
      schemas: [USER_SCHEMA],
      userName: 'pat.put@voltaic.example',
      name: { givenName: 'Pat', familyName: 'Renamed' },
      active: true,
      roles: [{ value: 'finance' }],
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ displayName: 'Pat Renamed', roles: [{ value: 'finance' }] });
    expect(put.body.externalId).toBeUndefined();
    const got = await scim('get', `/Users/${created.body.id}`);
    expect(got.body).toMatchObject({ userName: 'pat.put@voltaic.example', displayName: 'Pat Renamed', groups: [{ value: 'finance' }] });
  });

  it('deactivates with the Okta PATCH shape, and the user stops at once', async () => {
    const id = (await User.findOne({ where: { email: USERS.finance2 } }))!.id;
    const finance2 = await t.as(USERS.finance2);
    expect((await finance2.get('/api/claims')).status).toBe(200);
    const patched = await scim('patch', `/Users/${id}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.active).toBe(false);
    expect((await finance2.get('/api/claims')).status).toBe(401);
    // Okta reactivates the same way.
    const back = await scim('patch', `/Users/${id}`, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { active: true } }] });
    expect(back.body.active).toBe(true);
    expect((await User.findByPk(id))!.active).toBe(true);
  });

  it('deactivates with the Entra ID PATCH shape ("Replace", a path, "False" as a string) and updates attributes by path', async () => {
    const created = await scim('post', '/Users', okta('erin.entra@voltaic.example', { externalId: 'entra-1' }));
    const renamed = await scim('patch', `/Users/${created.body.id}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        { op: 'Replace', path: 'displayName', value: 'Erin Entra' },
        { op: 'Add', path: 'title', value: 'Analyst' },
        { op: 'Replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'Finance' },
      ],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe('Erin Entra');
    const off = await scim('patch', `/Users/${created.body.id}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await User.findByPk(Number(created.body.id)))!.active).toBe(false);
    const byExternalId = await scim('get', `/Users?filter=${encodeURIComponent('externalId eq "entra-1"')}`);
    expect(byExternalId.body.Resources[0]).toMatchObject({ id: created.body.id, active: false });

    const wrong = await scim('patch', `/Users/${created.body.id}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'Replace', path: 'active', value: 'maybe' }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ schemas: [ERROR_SCHEMA], scimType: 'invalidValue' });
  });

  it('DELETE deactivates the user and keeps it and its audit trail; the last admin is kept', async () => {
    const created = await scim('post', '/Users', okta('dee.delete@voltaic.example'));
    const gone = await scim('delete', `/Users/${created.body.id}`);
    expect(gone.status).toBe(204);
    const kept = await scim('get', `/Users/${created.body.id}`);
    expect(kept.body).toMatchObject({ id: created.body.id, active: false });
    const trail = (await admin.get(`/api/audit?entityType=user&entityId=${created.body.id}`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(trail).toEqual(['user.deactivated', 'user.provisioned']);

    const adminId = (await User.findOne({ where: { email: USERS.admin } }))!.id;
    const last = await scim('delete', `/Users/${adminId}`);
    expect(last.status).toBe(409);
    expect(last.body).toMatchObject({ schemas: [ERROR_SCHEMA], scimType: 'mutability' });
  });

  it('leaves a user taken out of its group with no role: its credentials are refused everywhere but who-am-I, until a group gives one back', async () => {
    const cm2 = await t.as(USERS.cm2);
    expect((await cm2.get('/api/claims')).status).toBe(200);
    const found = await scim('get', `/Users?filter=${encodeURIComponent(`userName eq "${USERS.cm2}"`)}`);
    const id = found.body.Resources[0].id as string;
    const removed = await scim('patch', '/Groups/channel_manager', {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'remove', path: `members[value eq "${id}"]` }],
    });
    expect(removed.status).toBe(200);
    expect((await scim('get', `/Users/${id}`)).body.groups).toEqual([]);
    // no longer a channel manager (who approves special prices), nor anything else: refused, the same token
    for (const res of [
      await cm2.get('/api/claims'),
      await cm2.get('/api/requests?status=pending'),
      await cm2.post('/api/requests/1/approve', { comment: 'still here?' }),
      await cm2.post('/api/tokens', { name: 'another', scopes: ['read'] }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('NO_ROLE');
    }
    expect((await cm2.get('/api/session')).body).toMatchObject({ email: USERS.cm2, role: 'no_access' });
    const change = (await admin.get(`/api/audit?entityType=user&entityId=${id}&action=user.role_changed`)).body.items[0];
    expect(change).toMatchObject({ before: { role: 'channel_manager' }, after: { role: 'no_access' } });
    await scim('patch', '/Groups/channel_manager', {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }],
    });
    expect((await cm2.get('/api/claims')).status).toBe(200);
  });

  it('maps groups to roles: adding a member gives the role (audited as a raise), removing it takes it back', async () => {
    const groups = await scim('get', '/Groups?excludedAttributes=members');
    expect(groups.body.Resources.map((g: { displayName: string }) => g.displayName)).toEqual([
      'vendor_admin',
      'channel_manager',
      'finance',
    ]);
    expect(groups.body.Resources[0].members).toBeUndefined();
    const byName = await scim('get', `/Groups?filter=${encodeURIComponent('displayName eq "finance"')}`);
    expect(byName.body).toMatchObject({ totalResults: 1, Resources: [{ id: 'finance' }] });

    const user = await scim('post', '/Users', okta('gus.group@voltaic.example'));
    const add = await scim('patch', '/Groups/finance', {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'add', path: 'members', value: [{ value: user.body.id, display: 'gus.group@voltaic.example' }] }],
    });
    expect(add.status).toBe(200);
    expect(add.body.members.map((m: { value: string }) => m.value)).toContain(user.body.id);
    expect((await scim('get', `/Users/${user.body.id}`)).body.groups).toEqual([expect.objectContaining({ value: 'finance' })]);
    const raise = (await admin.get(`/api/audit?entityType=user&entityId=${user.body.id}&action=user.role_raised`)).body.items[0];
    expect(raise).toMatchObject({ before: { role: 'no_access' }, after: { role: 'finance' } });

    // Okta's removal: a filtered path.
    const removed = await scim('patch', '/Groups/finance', {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'remove', path: `members[value eq "${user.body.id}"]` }],
    });
    expect(removed.body.members.map((m: { value: string }) => m.value)).not.toContain(user.body.id);
    expect((await User.findByPk(Number(user.body.id)))!.role).toBe('no_access');
    // Entra ID's removal: a members value list.
    await scim('patch', '/Groups/vendor_admin', {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: user.body.id }] }],
    });
    expect((await User.findByPk(Number(user.body.id)))!.role).toBe('vendor_admin');
    await scim('patch', '/Groups/vendor_admin', {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: user.body.id }] }],
    });
    expect((await User.findByPk(Number(user.body.id)))!.role).toBe('no_access');

    const unknown = await scim('get', '/Groups/owners');
    expect(unknown.status).toBe(404);
    const rename = await scim('patch', '/Groups/finance', {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'replace', value: { displayName: 'money' } }],
    });
    expect(rename.status).toBe(400);
    expect(rename.body.scimType).toBe('mutability');
  });

  it("never gives a distributor's user a vendor role, by group or by roles", async () => {
    const distributorUser = (await User.findOne({ where: { email: USERS.arrowhead } }))!;
    const byGroup = await scim('patch', '/Groups/vendor_admin', {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'add', path: 'members', value: [{ value: String(distributorUser.id) }] }],
    });
    expect(byGroup.status).toBe(400);
    expect(byGroup.body).toMatchObject({ scimType: 'invalidValue' });
    expect(byGroup.body.detail).toContain("distributor's user");
    const byRoles = await scim('patch', `/Users/${distributorUser.id}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'replace', path: 'roles', value: [{ value: 'finance' }] }],
    });
    expect(byRoles.status).toBe(400);
    expect(byRoles.body.detail).toContain("distributor's user");
    const after = (await User.findByPk(distributorUser.id))!;
    expect({ role: after.role, distributorId: after.distributorId }).toEqual({
      role: 'distributor_user',
      distributorId: distributorUser.distributorId,
    });
  });
});
