/**
 * Who may decide a routed request, and who may name a delegate: naming one for someone else is
 * routing configuration (the admin scope); an approver user who can no longer decide requests is
 * stood in for (the escalation approver, else any channel manager or admin), and their
 * delegations carry nothing.
 */
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface Waiting {
  userId: number | null;
  role: string | null;
  name: string | null;
  standingInFor?: number;
}
interface RequestBody {
  id: number;
  status: string;
  routing: { waitingOn: Waiting[]; approvals: { userId: number; onBehalfOfUserId: number | null }[] } | null;
}

describeDb('routing: who decides, who names a delegate', () => {
  let t: TestApp;
  let arrow: Client;
  let cm: Client;
  let cm2: Client;
  let admin: Client;
  let ids: { admin: number; cm: number; cm2: number };
  let request: { programId: number; endCustomerId: number; productId: number };
  const today = new Date().toISOString().slice(0, 10);

  const send = async () => {
    const res = await arrow.post('/api/requests', {
      programId: request.programId,
      endCustomerId: request.endCustomerId,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: [{ productId: request.productId, quantity: 5, requestedCost: '3.2000' }],
    });
    expect(res.status).toBe(201);
    return res.body as RequestBody;
  };
  const rule = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/routing/rules', { name: 'authority', ...body });
    expect(res.status).toBe(201);
  };
  const setRole = async (userId: number, role: string) =>
    expect((await admin.patch(`/api/users/${userId}/role`, { role })).status).toBe(200);
  /** A token of this client's user with the scopes read and write only. */
  const readWrite = async (c: Client) => {
    const res = await c.post('/api/tokens', { name: 'read/write', scopes: ['read', 'write'] });
    expect(res.status).toBe(201);
    const auth = `Bearer ${res.body.token as string}`;
    return {
      post: (p: string, body: object) => t.http.post(p).set('Authorization', auth).send(body),
      delete: (p: string) => t.http.delete(p).set('Authorization', auth),
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    [arrow, cm, cm2, admin] = await Promise.all([USERS.arrowhead, USERS.cm, USERS.cm2, USERS.admin].map((u) => t.as(u)));
    const [a, c, c2] = await Promise.all([admin, cm, cm2].map(async (x) => (await x.get('/api/session')).body.userId as number));
    ids = { admin: a, cm: c, cm2: c2 };
    request = {
      programId: (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026').id,
      endCustomerId: (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0].id,
      productId: (await arrow.get('/api/products')).body.items.find(
        (p: { vendorPartNumber: string }) => p.vendorPartNumber === 'VS-ETH-PHY',
      ).id,
    };
  });
  afterEach(async () => {
    await setRole(ids.cm2, 'channel_manager');
    for (const r of (await admin.get('/api/routing/rules')).body.items as { id: number }[])
      await admin.delete(`/api/routing/rules/${r.id}`);
    for (const d of (await admin.get('/api/routing/delegations')).body.items as { id: number }[])
      await admin.delete(`/api/routing/delegations/${d.id}`);
  });
  afterAll(() => t.close());

  it("needs the admin scope to name or end a delegate for someone else, and only what deciding needs for one's own", async () => {
    const adminRw = await readWrite(admin);
    const forOther = { userId: ids.cm2, delegateUserId: ids.cm, from: today, to: today };
    const refused = await adminRw.post('/api/routing/delegations', forOther);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INSUFFICIENT_SCOPE');
    const named = await admin.post('/api/routing/delegations', forOther);
    expect(named.status).toBe(201);
    expect((await adminRw.delete(`/api/routing/delegations/${named.body.id as number}`)).status).toBe(403);
    expect((await admin.get(`/api/audit?entityType=approval_delegation&entityId=${named.body.id as number}`)).body.items).toEqual([
      expect.objectContaining({ action: 'delegation.created' }),
    ]);
    // A channel manager's own delegation, with a read and write token, as before.
    const own = await (await readWrite(cm)).post('/api/routing/delegations', { delegateUserId: ids.cm2, from: today, to: today });
    expect(own.status).toBe(201);
    expect((await admin.delete(`/api/routing/delegations/${named.body.id as number}`)).status).toBe(200);
  });

  it('lets any channel manager or admin stand in for a level approver who became finance, and the request says so', async () => {
    await rule({ levels: [{ approvers: [{ userId: ids.cm2 }] }] });
    await setRole(ids.cm2, 'finance');
    // At rule-save time the same test: cm2 may not be named any more.
    const bad = await admin.post('/api/routing/rules', { name: 'x', levels: [{ approvers: [{ userId: ids.cm2 }] }] });
    expect(bad.status).toBe(400);
    const r = await send();
    expect(r.routing!.waitingOn).toEqual([
      { userId: null, role: 'vendor_admin', name: null, standingInFor: ids.cm2 },
      { userId: null, role: 'channel_manager', name: null, standingInFor: ids.cm2 },
    ]);
    const approved = await cm.post(`/api/requests/${r.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const entry = (
      (await admin.get(`/api/audit?entityType=price_request&entityId=${r.id}`)).body.items as { action: string; reason: string }[]
    ).find((a) => a.action === 'request.approved')!;
    expect(entry.reason).toContain(`standing in for user ${ids.cm2}, who can no longer decide requests`);
  });

  it("hands a demoted approver's level to the escalation approver, and their delegation carries nothing", async () => {
    await rule({ levels: [{ approvers: [{ userId: ids.cm2 }] }], escalation: { userId: ids.admin } });
    expect((await cm2.post('/api/routing/delegations', { delegateUserId: ids.cm, from: today, to: '2099-12-31' })).status).toBe(201);
    // Routed while cm2 still decides: cm acts for cm2 through the delegation...
    const r = await send();
    expect(r.routing!.waitingOn).toEqual([{ userId: ids.cm2, role: null, name: expect.any(String) }]);
    await setRole(ids.cm2, 'finance');
    // ...until cm2 is demoted: then the escalation approver stands in, and the delegation gives cm nothing.
    const view = (await admin.get(`/api/requests/${r.id}`)).body as RequestBody;
    expect(view.routing!.waitingOn).toEqual([{ userId: ids.admin, role: null, name: expect.any(String), standingInFor: ids.cm2 }]);
    const refused = await cm.post(`/api/requests/${r.id}/approve`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_YOUR_LEVEL');
    const approved = await t.http.post(`/api/requests/${r.id}/approve`).set('Authorization', bearerOf(admin)).send({});
    expect(approved.status).toBe(200);
    expect(approved.body.routing.approvals).toEqual([expect.objectContaining({ userId: ids.admin, onBehalfOfUserId: null })]);
  });

  it("hands a level that awaits the request's own requester to who stands in; the requester's delegate does not decide for them", async () => {
    // cm is the level's only approver and asks a special price on Arrowhead's behalf. cm may never
    // decide it; before, the level waited on cm for ever, or cm's delegate approved it on cm's behalf
    // (the requester's own authority, handed to whoever cm chose).
    await rule({ levels: [{ approvers: [{ userId: ids.cm }] }], escalation: { userId: ids.admin } });
    expect((await cm.post('/api/routing/delegations', { delegateUserId: ids.cm2, from: today, to: '2099-12-31' })).status).toBe(201);
    const distributorId = (await arrow.get('/api/session')).body.distributorId as number;
    const sent = await cm.post('/api/requests', {
      programId: request.programId,
      distributorId,
      endCustomerId: request.endCustomerId,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: [{ productId: request.productId, quantity: 5, requestedCost: '3.2000' }],
    });
    expect(sent.status).toBe(201);
    const r = sent.body as RequestBody;
    expect(r.routing!.waitingOn).toEqual([{ userId: ids.admin, role: null, name: expect.any(String), standingInFor: ids.cm }]);
    const own = await cm.post(`/api/requests/${r.id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('SELF_APPROVAL_FORBIDDEN');
    const delegate = await cm2.post(`/api/requests/${r.id}/approve`, {});
    expect(delegate.status).toBe(403);
    expect(delegate.body.code).toBe('NOT_YOUR_LEVEL');
    const approved = await admin.post(`/api/requests/${r.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.routing.approvals).toEqual([expect.objectContaining({ userId: ids.admin, onBehalfOfUserId: null })]);
    const entry = (
      (await admin.get(`/api/audit?entityType=price_request&entityId=${r.id}`)).body.items as { action: string; reason: string }[]
    ).find((a) => a.action === 'request.approved')!;
    expect(entry.reason).toContain(`standing in for user ${ids.cm}, the requester`);
  });

  it('lets any other channel manager or admin stand in for a requester a level awaits when the rule has no escalation', async () => {
    await rule({ levels: [{ approvers: [{ userId: ids.cm }] }] });
    const distributorId = (await arrow.get('/api/session')).body.distributorId as number;
    const sent = await cm.post('/api/requests', {
      programId: request.programId,
      distributorId,
      endCustomerId: request.endCustomerId,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: [{ productId: request.productId, quantity: 5, requestedCost: '3.2000' }],
    });
    expect(sent.status).toBe(201);
    const r = sent.body as RequestBody;
    expect(r.routing!.waitingOn).toEqual([
      { userId: null, role: 'vendor_admin', name: null, standingInFor: ids.cm },
      { userId: null, role: 'channel_manager', name: null, standingInFor: ids.cm },
    ]);
    expect((await cm.post(`/api/requests/${r.id}/approve`, {})).body.code).toBe('SELF_APPROVAL_FORBIDDEN');
    const approved = await cm2.post(`/api/requests/${r.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
  });
});
