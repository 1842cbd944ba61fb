/**
 * Users and roles through the admin API: invitations accepted with a password, deactivation that
 * stops every credential of the user at once (password and SSO sessions, API tokens, embed
 * bearers), role changes audited as raises when they gain permissions, and the last active admin kept.
 */
import request from 'supertest';
import { User } from '../../models/accounts.js';
import { findUserById } from '../../server/auth/auth.repository.js';
import { openEmbedBearer, openSession, SESSION_COOKIE } from '../../server/auth/auth.service.js';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

describeDb('users and roles (admin API)', () => {
  let t: TestApp;
  let admin: Client;
  const idOf = async (email: string) => (await User.findOne({ where: { email } }))!.id;
  const auditOf = async (userId: number) =>
    (await admin.get(`/api/audit?entityType=user&entityId=${userId}&limit=50`)).body.items as {
      action: string;
      actorUserId: number | null;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as(USERS.admin);
  });
  afterAll(() => t.close());

  it('lists users a page at a time, filtered by role, active and distributor', async () => {
    const all = await admin.get('/api/users?pageSize=3');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(3);
    expect(all.body.total).toBeGreaterThanOrEqual(8);
    const second = await admin.get('/api/users?pageSize=3&page=2');
    expect(second.body.items[0].id).toBeGreaterThan(all.body.items[2].id);

    const finance = await admin.get('/api/users?role=finance');
    expect(finance.body.items.map((u: { email: string }) => u.email).sort()).toEqual([USERS.finance, USERS.finance2].sort());
    const arrowheadId = (await User.findOne({ where: { email: USERS.arrowhead } }))!.distributorId!;
    const ofArrowhead = await admin.get(`/api/users?distributorId=${arrowheadId}`);
    expect(ofArrowhead.body.items.map((u: { email: string }) => u.email)).toEqual([USERS.arrowhead]);
    expect((await admin.get('/api/users?active=false')).body.items.every((u: { active: boolean }) => !u.active)).toBe(true);

    const bad = await admin.get('/api/users?role=king');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('role');
    for (const email of [USERS.cm, USERS.finance, USERS.arrowhead]) expect((await (await t.as(email)).get('/api/users')).status).toBe(403);
    // An admin's credential without the admin scope does not manage users either.
    const readWrite = (await admin.post('/api/tokens', { name: 'rw', scopes: ['read', 'write'] })).body.token as string;
    const scoped = await t.http.get('/api/users').set('Authorization', `Bearer ${readWrite}`);
    expect(scoped.status).toBe(403);
    expect(scoped.body.code).toBe('INSUFFICIENT_SCOPE');
  });

  it('invites a user who stays inactive until it sets a password with the one-time token', async () => {
    const invited = await admin.post('/api/users', { email: 'New.Analyst@Voltaic.example', name: 'Nora New', role: 'finance' });
    expect(invited.status).toBe(201);
    expect(invited.body.user).toMatchObject({
      email: 'new.analyst@voltaic.example',
      role: 'finance',
      active: false,
      invitationPending: true,
    });
    const { token, expiresAt, acceptPath } = invited.body.invitation;
    expect(acceptPath).toBe('/api/invitations/accept');
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86400_000);
    // Only the token's hash is kept.
    const row = await User.findByPk(invited.body.user.id);
    expect(row!.invitationTokenHash).not.toContain(token);

    expect((await t.http.post('/api/session').send({ email: 'new.analyst@voltaic.example', password: 'a-long-password-1' })).status).toBe(
      401,
    );
    const wrong = await t.http.post(acceptPath).send({ token: 'beci_not-the-token', password: 'a-long-password-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'INVITATION_INVALID', errors: [{ field: 'token' }] });
    const short = await t.http.post(acceptPath).send({ token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].field).toBe('password');

    const accepted = await t.http.post(acceptPath).send({ token, password: 'a-long-password-1' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ active: true, invitationPending: false, hasPassword: true });
    const signIn = await t.http.post('/api/session').send({ email: 'new.analyst@voltaic.example', password: 'a-long-password-1' });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.role).toBe('finance');
    // One use only.
    expect((await t.http.post(acceptPath).send({ token, password: 'another-password-2' })).body.code).toBe('INVITATION_INVALID');

    const actions = (await auditOf(invited.body.user.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.invited', 'user.invitation_accepted']));
  });

  it('refuses an expired invitation, a taken e-mail and a distributor user without its distributor', async () => {
    const invited = await admin.post('/api/users', { email: 'late@voltaic.example', name: 'Lee Late', role: 'channel_manager' });
    await User.update({ invitationExpiresAt: new Date(Date.now() - 1000) }, { where: { id: invited.body.user.id } });
    const late = await t.http.post('/api/invitations/accept').send({ token: invited.body.invitation.token, password: 'a-long-password-1' });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('INVITATION_EXPIRED');
    expect((await User.findByPk(invited.body.user.id))!.active).toBe(false);

    // Deactivating an invitee withdraws its invitation.
    const withdrawn = await admin.post('/api/users', { email: 'withdrawn@voltaic.example', name: 'Wes', role: 'finance' });
    expect((await admin.post(`/api/users/${withdrawn.body.user.id}/deactivate`, {})).body).toMatchObject({
      active: false,
      invitationPending: false,
    });
    const refused = await t.http
      .post('/api/invitations/accept')
      .send({ token: withdrawn.body.invitation.token, password: 'a-long-password-1' });
    expect(refused.body.code).toBe('INVITATION_INVALID');
    expect((await User.findByPk(withdrawn.body.user.id))!.active).toBe(false);

    const taken = await admin.post('/api/users', { email: USERS.cm, name: 'Again', role: 'finance' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('USER_EXISTS');
    const orphan = await admin.post('/api/users', { email: 'dist@arrowhead.example', name: 'D', role: 'distributor_user' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.errors[0].field).toBe('distributorId');
    const distributorId = (await User.findOne({ where: { email: USERS.arrowhead } }))!.distributorId!;
    const ok = await admin.post('/api/users', { email: 'dist@arrowhead.example', name: 'D', role: 'distributor_user', distributorId });
    expect(ok.status).toBe(201);
    expect(ok.body.user.distributorId).toBe(distributorId);
    expect((await (await t.as(USERS.cm)).post('/api/users', { email: 'x@voltaic.example', name: 'X', role: 'finance' })).status).toBe(403);
  });

  it("stops a deactivated user's sessions and tokens on the very next request, SSO and embed ones included", async () => {
    const id = await idOf(USERS.cm2);
    const token = await t.as(USERS.cm2);
    const agent = request.agent(t.app);
    expect((await agent.post('/api/session').send({ email: USERS.cm2, password: DEMO_PASSWORD })).status).toBe(200);
    const user = (await findUserById(id))!;
    const sso = await openSession(user, 8, 'saml', { idpName: 'okta', sessionIndex: 'idx-1', nameId: USERS.cm2, nameIdFormat: null });
    const embed = await openEmbedBearer(user, new Date(Date.now() + 3600_000));
    const ssoCookie = `${SESSION_COOKIE}=${sso.cookieValue}`;
    expect((await token.get('/api/programs')).status).toBe(200);
    expect((await agent.get('/api/session')).status).toBe(200);
    expect((await t.http.get('/api/session').set('Cookie', ssoCookie)).status).toBe(200);
    expect((await t.http.get('/api/programs').set('Authorization', `Bearer ${embed}`)).status).toBe(200);

    const off = await admin.post(`/api/users/${id}/deactivate`, { reason: 'left the company' });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await token.get('/api/programs')).status).toBe(401);
    expect((await agent.get('/api/session')).status).toBe(401);
    expect((await t.http.get('/api/session').set('Cookie', ssoCookie)).status).toBe(401);
    expect((await t.http.get('/api/programs').set('Authorization', `Bearer ${embed}`)).status).toBe(401);
    expect((await t.http.post('/api/session').send({ email: USERS.cm2, password: DEMO_PASSWORD })).status).toBe(401);

    // Reactivated: it signs in again, but the credentials it had stay ended.
    const on = await admin.post(`/api/users/${id}/reactivate`, {});
    expect(on.body.active).toBe(true);
    expect((await token.get('/api/programs')).status).toBe(401);
    expect((await t.http.get('/api/session').set('Cookie', ssoCookie)).status).toBe(401);
    expect((await t.http.post('/api/session').send({ email: USERS.cm2, password: DEMO_PASSWORD })).status).toBe(200);

    const events = await auditOf(id);
    const deactivated = events.find((e) => e.action === 'user.deactivated')!;
    expect(deactivated).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(events.some((e) => e.action === 'user.reactivated')).toBe(true);
  });

  it('changes a role at once, and audits a change that gains permissions as a raise', async () => {
    const id = await idOf(USERS.finance2);
    const finance2 = await t.as(USERS.finance2);
    const raised = await admin.patch(`/api/users/${id}/role`, { role: 'vendor_admin' });
    expect(raised.status).toBe(200);
    expect(raised.body.role).toBe('vendor_admin');
    expect((await finance2.get('/api/session')).body.role).toBe('vendor_admin');
    expect((await finance2.get('/api/users')).status).toBe(200);
    const lowered = await admin.patch(`/api/users/${id}/role`, { role: 'finance' });
    expect(lowered.status).toBe(200);
    expect((await finance2.get('/api/users')).status).toBe(403);

    const events = await auditOf(id);
    const raise = events.find((e) => e.action === 'user.role_raised')!;
    expect(raise.before).toMatchObject({ role: 'finance' });
    expect(raise.after).toMatchObject({ role: 'vendor_admin' });
    expect(raise.after!.gained).toEqual(expect.arrayContaining(['user.manage', 'request.decide', 'program.manage']));
    // vendor_admin to finance gains nothing: a plain change.
    const lower = events.find((e) => e.action === 'user.role_changed')!;
    expect(lower).toMatchObject({ before: { role: 'vendor_admin' }, after: { role: 'finance' } });
    expect(lower.after!.gained).toBeUndefined();
    // Any move between two vendor roles below admin gains something (finance decides no requests; a channel manager pays no claims).
    expect((await admin.patch(`/api/users/${id}/role`, { role: 'channel_manager' })).status).toBe(200);
    expect((await auditOf(id))[0]).toMatchObject({ action: 'user.role_raised', after: { role: 'channel_manager' } });
    expect((await admin.patch(`/api/users/${id}/role`, { role: 'finance' })).status).toBe(200);

    const vendorWithDistributor = await admin.patch(`/api/users/${id}/role`, { role: 'finance', distributorId: 1 });
    expect(vendorWithDistributor.status).toBe(400);
    expect(vendorWithDistributor.body.errors[0].field).toBe('distributorId');
    expect((await admin.patch('/api/users/999999/role', { role: 'finance' })).status).toBe(404);
  });

  it('keeps the last active admin: no deactivating or demoting it (409) until another admin exists', async () => {
    const me = await idOf(USERS.admin);
    const off = await admin.post(`/api/users/${me}/deactivate`, {});
    expect(off.status).toBe(409);
    expect(off.body.code).toBe('LAST_ADMIN');
    const demoted = await admin.patch(`/api/users/${me}/role`, { role: 'finance' });
    expect(demoted.status).toBe(409);
    expect((await admin.get('/api/session')).body.role).toBe('vendor_admin');

    const cm = await idOf(USERS.cm);
    expect((await admin.patch(`/api/users/${cm}/role`, { role: 'vendor_admin' })).status).toBe(200);
    // The new admin cannot leave alone either once it is the last one.
    expect((await admin.patch(`/api/users/${me}/role`, { role: 'channel_manager' })).status).toBe(200);
    const newAdmin = await t.as(USERS.cm);
    expect((await newAdmin.post(`/api/users/${cm}/deactivate`, {})).status).toBe(409);
    expect((await newAdmin.patch(`/api/users/${me}/role`, { role: 'vendor_admin' })).status).toBe(200);
    expect((await newAdmin.patch(`/api/users/${cm}/role`, { role: 'channel_manager' })).status).toBe(200);
  });
  it('lets only one of two admins demoting each other at the same moment succeed', async () => {
    const me = await idOf(USERS.admin);
    const other = await idOf(USERS.finance);
    expect((await admin.patch(`/api/users/${other}/role`, { role: 'vendor_admin' })).status).toBe(200);
    const second = await t.as(USERS.finance);
    const answers = await Promise.all([
      admin.patch(`/api/users/${other}/role`, { role: 'finance' }),
      second.patch(`/api/users/${me}/role`, { role: 'finance' }),
    ]);
    // The loser is refused: 409 when both were admins as the requests began, 403 when it was demoted before its own began.
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expect(await User.count({ where: { role: 'vendor_admin', active: true } })).toBe(1);
  });
});
