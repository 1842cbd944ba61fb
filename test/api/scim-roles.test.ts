/**
 * SCIM role changes do what they say or are refused with a SCIM error, never answered 200 with
 * nothing changed: `roles` emptied or removed leaves the user in no group (as leaving its group
 * does), a bare string and Entra ID's `roles[primary eq "True"].value` path set the role,
 * `POST /Groups` with members sets them, and a refused request changes nothing at all.
 */
import { User } from '../../models/accounts.js';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const SCIM = 'application/scim+json';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describeDb('SCIM role changes', () => {
  let t: TestApp;
  let admin: Client;
  let scimToken: string;
  let ids: { admin: number; cm2: number; finance: number; finance2: number; northbridge: number };
  const scim = (method: 'get' | 'post' | 'put' | 'patch', path: string, body?: object) => {
    const req = t.http[method](`/scim/v2${path}`).set('Authorization', `Bearer ${scimToken}`).set('Accept', SCIM);
    return body ? req.set('Content-Type', SCIM).send(JSON.stringify(body)) : req;
  };
  const patchUser = (id: number, ...Operations: object[]) => scim('patch', `/Users/${id}`, { schemas: [PATCH_SCHEMA], Operations });
  const roleOf = async (id: number) => (await User.findByPk(id))!.role;
  const idOf = async (email: string) => (await User.findOne({ where: { email } }))!.id;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as(USERS.admin);
    scimToken = (await admin.post('/api/tokens', { name: 'entra scim', scopes: ['scim'] })).body.token;
    ids = {
      admin: await idOf(USERS.admin),
      cm2: await idOf(USERS.cm2),
      finance: await idOf(USERS.finance),
      finance2: await idOf(USERS.finance2),
      northbridge: await idOf(USERS.northbridge),
    };
  });
  afterEach(async () => {
    for (const [id, role] of [
      [ids.cm2, 'channel_manager'],
      [ids.finance, 'finance'],
      [ids.finance2, 'finance'],
    ] as const)
      if ((await roleOf(id)) !== role) expect((await admin.patch(`/api/users/${id}/role`, { role })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('leaves a user in no group when its roles are replaced by none or removed, as leaving its group does', async () => {
    const emptied = await patchUser(ids.finance2, { op: 'replace', path: 'roles', value: [] });
    expect(emptied.status).toBe(200);
    expect(emptied.body).toMatchObject({ roles: [{ value: 'no_access' }], groups: [] });
    expect(await roleOf(ids.finance2)).toBe('no_access');
    const change = (await admin.get(`/api/audit?entityType=user&entityId=${ids.finance2}&action=user.role_changed`)).body.items[0];
    expect(change).toMatchObject({ before: { role: 'finance' }, after: { role: 'no_access' } });

    expect((await patchUser(ids.finance, { op: 'remove', path: 'roles' })).status).toBe(200);
    expect(await roleOf(ids.finance)).toBe('no_access');
    // Removing a role the user does not hold changes nothing, and says so; the one it holds takes it out of its group.
    expect((await patchUser(ids.cm2, { op: 'remove', path: 'roles[value eq "finance"]' })).body.roles).toEqual([
      { value: 'channel_manager', primary: true },
    ]);
    expect((await patchUser(ids.cm2, { op: 'Remove', path: 'roles', value: [{ value: 'channel_manager' }] })).status).toBe(200);
    expect(await roleOf(ids.cm2)).toBe('no_access');
  });

  it('sets the role from a bare string and from Entra ID\'s roles[primary eq "True"].value path, and refuses a roles path it does not read', async () => {
    const bare = await patchUser(ids.finance2, { op: 'replace', path: 'roles', value: 'channel_manager' });
    expect(bare.status).toBe(200);
    expect(await roleOf(ids.finance2)).toBe('channel_manager');
    const entra = await patchUser(ids.finance2, { op: 'Replace', path: 'roles[primary eq "True"].value', value: 'finance' });
    expect(entra.status).toBe(200);
    expect(await roleOf(ids.finance2)).toBe('finance');
    for (const op of [
      { op: 'replace', path: 'roles[type eq "work"].value', value: 'channel_manager' },
      { op: 'replace', path: 'roles.display', value: 'channel_manager' },
      { op: 'replace', path: 'roles', value: 42 },
      { op: 'replace', path: 'roles', value: 'owner' },
    ]) {
      const refused = await patchUser(ids.finance2, op);
      expect(refused.status).toBe(400);
      expect(refused.body.scimType).toEqual(expect.stringMatching(/^(invalidPath|invalidValue)$/));
    }
    expect(await roleOf(ids.finance2)).toBe('finance');
  });

  it("sets a group's members with POST /Groups, as PUT does", async () => {
    const created = await scim('post', '/Groups', { displayName: 'finance', members: [{ value: String(ids.finance) }] });
    expect(created.status).toBe(201);
    expect(created.body.members.map((m: { value: string }) => m.value)).toEqual([String(ids.finance)]);
    expect(await roleOf(ids.finance2)).toBe('no_access');
    // Without members, POST names the group and changes no one.
    const named = await scim('post', '/Groups', { displayName: 'finance' });
    expect(named.status).toBe(201);
    expect(named.body.members.map((m: { value: string }) => m.value)).toEqual([String(ids.finance)]);
  });

  it('changes nothing, the audit trail included, when a request is refused part-way', async () => {
    const before = (await User.findByPk(ids.northbridge))!;
    const refused = await scim('put', `/Users/${ids.northbridge}`, {
      schemas: [USER_SCHEMA],
      userName: before.email,
      name: { formatted: 'Renamed By Entra' },
      roles: [{ value: 'vendor_admin' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.scimType).toBe('invalidValue');
    expect((await User.findByPk(ids.northbridge))!.name).toBe(before.name);
    expect((await admin.get(`/api/audit?entityType=user&entityId=${ids.northbridge}&action=user.updated`)).body.items).toEqual([]);

    // A group change refused at its second member (the last admin) keeps its first member's role.
    const group = await scim('patch', '/Groups/finance', {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: 'add', path: 'members', value: [{ value: String(ids.cm2) }, { value: String(ids.admin) }] }],
    });
    expect(group.status).toBe(409);
    expect(await roleOf(ids.cm2)).toBe('channel_manager');
    expect(await roleOf(ids.admin)).toBe('vendor_admin');
  });
});
