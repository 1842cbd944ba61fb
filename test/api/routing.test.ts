import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notificationsSettled } from '../../server/notifications/runtime.js';
import { escalateOverdue } from '../../server/requests/routing.service.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface Routing {
  ruleName: string;
  currentLevel: number | null;
  levelCount: number;
  escalated: boolean;
  dueAt: string | null;
  waitingOn: { userId: number | null; role: string | null; name: string | null }[];
  approvals: { level: number; userId: number; onBehalfOfUserId: number | null }[];
}
interface RequestBody {
  id: number;
  number: string;
  status: string;
  authorizationId: number | null;
  routing: Routing | null;
}

/** Approval routing: rules by scope and thresholds, serial and parallel levels, delegation, escalation. */
describeDb('approval routing', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let cm: Client;
  let cm2: Client;
  let admin: Client;
  let ids: { admin: number; cm: number; cm2: number };
  let program: { id: number };
  let product: { id: number };
  let cascade: { id: number };
  let orion: { id: number };

  /** Arrowhead's request for `quantity` units of VS-ETH-PHY (list 4.7500) at `cost`. */
  const send = async (quantity: number, cost: string, as?: Client) => {
    const res = await (as ?? arrow).post('/api/requests', {
      programId: program.id,
      endCustomerId: as === north ? orion.id : cascade.id,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: [{ productId: product.id, quantity, requestedCost: cost }],
    });
    if (res.status !== 201) throw new Error(`request: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as RequestBody;
  };
  const rule = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/routing/rules', { name: 'test rule', ...body });
    expect(res.status).toBe(201);
    return res.body as { id: number };
  };
  const audit = async (id: number) =>
    (await admin.get(`/api/audit?entityType=price_request&entityId=${id}`)).body.items as { action: string; reason: string | null }[];
  const queued = async (id: number) =>
    ((await cm.get('/api/requests?status=pending&pageSize=200')).body.items as RequestBody[]).find((r) => r.id === id);

  let smtp: TestSmtp;
  let receiver: Server;
  const hooks: { raw: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => {
        hooks.push({ raw, headers: req.headers });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    t = await startTestApp({ env: { SMTP_URL: smtp.url, WEBHOOK_PRIVATE_ALLOWLIST: '127.0.0.1' } });
    [arrow, north, cm, cm2, admin] = await Promise.all(
      [USERS.arrowhead, USERS.northbridge, USERS.cm, USERS.cm2, USERS.admin].map((u) => t.as(u)),
    );
    const [a, c, c2] = await Promise.all([admin, cm, cm2].map(async (c) => (await c.get('/api/session')).body.userId as number));
    ids = { admin: a, cm: c, cm2: c2 };
    program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    product = (await arrow.get('/api/products')).body.items.find((p: { vendorPartNumber: string }) => p.vendorPartNumber === 'VS-ETH-PHY');
    cascade = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0];
    orion = (await north.get('/api/accounts?type=end_customer&q=Orion')).body.items[0];
  });
  afterEach(async () => {
    for (const r of (await admin.get('/api/routing/rules')).body.items as { id: number }[])
      await admin.delete(`/api/routing/rules/${r.id}`);
    for (const d of (await admin.get('/api/routing/delegations')).body.items as { id: number }[])
      await admin.delete(`/api/routing/delegations/${d.id}`);
  });
  afterAll(async () => {
    await notificationsSettled();
    await t.close();
    await smtp.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('without any rule, one channel manager decides as before', async () => {
    const r = await send(10, '3.2000');
    expect(r.routing).toBeNull();
    const approved = await cm.post(`/api/requests/${r.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.authorizationId).toEqual(expect.any(Number));
  });

  it('routes "value above 50,000 or more than 40 % below list" to a director after the channel manager, in order', async () => {
    await rule({
      name: 'big or deep',
      minValue: '50000',
      minDiscountPercent: '40',
      match: 'any',
      levels: [{ approvers: [{ role: 'channel_manager' }], mode: 'any' }, { approvers: [{ userId: ids.admin }] }],
    });
    // 20,000 x 3.20 = 64,000 > 50,000 (the discount, 32.6 %, is under 40 %): routed.
    const big = await send(20_000, '3.2000');
    expect(big.routing).toMatchObject({ ruleName: 'big or deep', currentLevel: 1, levelCount: 2 });
    expect(big.routing!.waitingOn).toEqual([{ userId: null, role: 'channel_manager', name: null }]);
    // Small and shallow: no rule applies, nothing routed.
    expect((await send(10, '3.2000')).routing).toBeNull();

    // The director is not at level 1.
    const early = await admin.post(`/api/requests/${big.id}/approve`, {});
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('NOT_YOUR_LEVEL');

    const first = await cm.post(`/api/requests/${big.id}/approve`, { comment: 'fine by me' });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('pending');
    expect(first.body.authorizationId).toBeNull();
    // The queue shows level 2 and who is next.
    const inQueue = (await queued(big.id))!;
    expect(inQueue.routing).toMatchObject({ currentLevel: 2, waitingOn: [{ userId: ids.admin, role: null, name: 'Avery Admin' }] });
    expect(inQueue.routing!.approvals).toEqual([{ level: 1, approverIndex: 0, userId: ids.cm, onBehalfOfUserId: null }]);
    // Another channel manager is not the director.
    expect((await cm2.post(`/api/requests/${big.id}/approve`, {})).body.code).toBe('NOT_YOUR_LEVEL');

    const last = await admin.post(`/api/requests/${big.id}/approve`, {});
    expect(last.body.status).toBe('approved');
    expect(last.body.authorizationId).toEqual(expect.any(Number));
    expect(last.body.routing.currentLevel).toBeNull();
    expect((await audit(big.id)).map((a) => a.action)).toEqual(expect.arrayContaining(['request.level_approved', 'request.approved']));
  });

  it('needs another person at each level: one who approved level 1 may not approve level 2 with the same role', async () => {
    await rule({
      name: 'two pairs of eyes',
      minValue: '1',
      levels: [{ approvers: [{ role: 'channel_manager' }] }, { approvers: [{ role: 'channel_manager' }] }],
    });
    const r = await send(100, '3.2000');
    expect((await cm.post(`/api/requests/${r.id}/approve`, {})).body.status).toBe('pending');
    const again = await cm.post(`/api/requests/${r.id}/approve`, {});
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({ code: 'NOT_YOUR_LEVEL', level: 2 });
    expect(again.body.detail).toBe('you approved level 1 of this request: level 2 of 2 needs another person');
    const second = await cm2.post(`/api/requests/${r.id}/approve`, {});
    expect(second.body.status).toBe('approved');
    expect(second.body.routing.approvals.map((a: { userId: number }) => a.userId)).toEqual([ids.cm, ids.cm2]);
  });

  it('applies a discount-from-list threshold alone', async () => {
    await rule({ minDiscountPercent: '30', levels: [{ approvers: [{ userId: ids.cm2 }] }] });
    expect((await send(5, '3.2000')).routing?.waitingOn[0].userId).toBe(ids.cm2); // 32.6 % below 4.75
    expect((await send(5, '4.0000')).routing).toBeNull(); // 15.8 %
  });

  it('applies a margin-impact threshold, and "all" thresholds together', async () => {
    // The credit given back: (book cost on record 3.8950 - requested 3.2000) x quantity.
    await rule({ minMarginImpact: '5', minValue: '50000', match: 'all', levels: [{ approvers: [{ userId: ids.cm2 }] }] });
    expect((await send(10, '3.2000')).routing).toBeNull(); // 6.95 of margin, but a value of 32
    await rule({ minMarginImpact: '5', levels: [{ approvers: [{ userId: ids.cm2 }] }] });
    expect((await send(10, '3.2000')).routing).not.toBeNull(); // 6.95 > 5
    expect((await send(5, '3.2000')).routing).toBeNull(); // 3.475
  });

  it('scopes a rule to a distributor and to a program', async () => {
    const northId = (await north.get('/api/session')).body.distributorId as number;
    await rule({ distributorId: northId, levels: [{ approvers: [{ userId: ids.cm2 }] }] });
    expect((await send(5, '3.2000')).routing).toBeNull();
    expect((await send(5, '3.2000', north)).routing).not.toBeNull();
    const other = (await admin.get('/api/programs')).body.items.find((p: { id: number }) => p.id !== program.id) as { id: number };
    await rule({ programId: other.id, levels: [{ approvers: [{ userId: ids.cm2 }] }] });
    expect((await send(5, '3.2000')).routing).toBeNull();
    await rule({ programId: program.id, levels: [{ approvers: [{ userId: ids.cm2 }] }] });
    expect((await send(5, '3.2000')).routing).not.toBeNull();
    const unknown = await admin.post('/api/routing/rules', {
      name: 'x',
      programId: 999_999,
      levels: [{ approvers: [{ userId: ids.cm2 }] }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'programId', message: 'no such program' }]);
  });

  it('waits for every approver of an "all" level, and for the first of an "any" level', async () => {
    const all = await rule({ priority: 1, levels: [{ approvers: [{ userId: ids.cm }, { userId: ids.cm2 }], mode: 'all' }] });
    const r = await send(5, '3.2000');
    expect((await cm.post(`/api/requests/${r.id}/approve`, {})).body.status).toBe('pending');
    expect((await queued(r.id))!.routing!.waitingOn).toEqual([{ userId: ids.cm2, role: null, name: 'Morgan Channel' }]);
    // Nobody approves a level twice.
    expect((await cm.post(`/api/requests/${r.id}/approve`, {})).body.code).toBe('NOT_YOUR_LEVEL');
    expect((await cm2.post(`/api/requests/${r.id}/approve`, {})).body.status).toBe('approved');

    await admin.delete(`/api/routing/rules/${all.id}`);
    await rule({ levels: [{ approvers: [{ userId: ids.cm }, { userId: ids.cm2 }], mode: 'any' }] });
    const any = await send(5, '3.2000');
    expect((await cm2.post(`/api/requests/${any.id}/approve`, {})).body.status).toBe('approved');
  });

  it('ends the request when any level declines', async () => {
    await rule({ levels: [{ approvers: [{ userId: ids.cm }] }, { approvers: [{ userId: ids.admin }] }] });
    const r = await send(5, '3.2000');
    expect((await cm2.post(`/api/requests/${r.id}/decline`, { comment: 'no' })).body.code).toBe('NOT_YOUR_LEVEL');
    await cm.post(`/api/requests/${r.id}/approve`, {});
    const declined = await admin.post(`/api/requests/${r.id}/decline`, { comment: 'too deep' });
    expect(declined.body.status).toBe('declined');
    expect(declined.body.authorizationId).toBeNull();
    expect((await admin.post(`/api/requests/${r.id}/approve`, {})).body.code).toBe('REQUEST_NOT_OPEN');
  });

  it('lets a delegate decide for an away approver, audited as on behalf of them', async () => {
    await rule({ levels: [{ approvers: [{ userId: ids.cm2 }] }] });
    const r = await send(5, '3.2000');
    expect((await cm.post(`/api/requests/${r.id}/approve`, {})).status).toBe(403);
    // A delegation that is not in force today does nothing.
    const past = await cm2.post('/api/routing/delegations', { delegateUserId: ids.cm, from: '2020-01-01', to: '2020-01-31' });
    expect(past.status).toBe(201);
    expect((await cm.post(`/api/requests/${r.id}/approve`, {})).status).toBe(403);
    const today = new Date().toISOString().slice(0, 10);
    const now = await cm2.post('/api/routing/delegations', { delegateUserId: ids.cm, from: today, to: '2099-12-31' });
    expect(now.status).toBe(201);
    const approved = await cm.post(`/api/requests/${r.id}/approve`, {});
    expect(approved.body.status).toBe('approved');
    expect(approved.body.routing.approvals).toEqual([{ level: 1, approverIndex: 0, userId: ids.cm, onBehalfOfUserId: ids.cm2 }]);
    const entry = (await audit(r.id)).find((a) => a.action === 'request.approved')!;
    expect(entry.reason).toContain(`on behalf of user ${ids.cm2}`);
    // Only an admin names a delegate for someone else; a delegate is never the away user.
    expect((await cm.post('/api/routing/delegations', { userId: ids.cm2, delegateUserId: ids.cm, from: today, to: today })).status).toBe(
      403,
    );
    expect((await cm.post('/api/routing/delegations', { delegateUserId: ids.cm, from: today, to: today })).status).toBe(400);
  });

  it('escalates an overdue level to the escalation approver and tells them (run with a clock)', async () => {
    await rule({ levels: [{ approvers: [{ userId: ids.cm2 }], timeLimitHours: 24 }], escalation: { userId: ids.admin } });
    // The escalation approver wants it by e-mail at once; the vendor's workflow system takes it by webhook.
    expect(
      (
        await t.http
          .put('/api/notifications/preferences')
          .set('Authorization', bearerOf(admin))
          .send({ preferences: [{ event: 'request.escalated', inApp: true, email: 'instant' }] })
      ).status,
    ).toBe(200);
    const port = (receiver.address() as AddressInfo).port;
    const hook = await admin.post('/api/webhooks', { url: `http://127.0.0.1:${port}/escalations`, events: ['request.escalated'] });
    expect(hook.status).toBe(201);
    const r = await send(5, '3.2000');
    expect((await admin.post(`/api/requests/${r.id}/approve`, {})).body.code).toBe('NOT_YOUR_LEVEL');
    const started = Date.now();
    expect(await escalateOverdue(new Date(started + 23 * 3_600_000))).not.toContain(r.id);
    expect(await escalateOverdue(new Date(started + 25 * 3_600_000))).toContain(r.id);
    // Once only.
    expect(await escalateOverdue(new Date(started + 26 * 3_600_000))).not.toContain(r.id);
    const inQueue = (await queued(r.id))!;
    expect(inQueue.routing).toMatchObject({ escalated: true, currentLevel: 1 });
    expect(inQueue.routing!.waitingOn.map((w) => w.userId)).toEqual([ids.cm2, ids.admin]);
    const inbox = (await admin.get('/api/notifications?status=all&pageSize=200')).body.items as { event: string; entityId: string }[];
    expect(inbox).toContainEqual(expect.objectContaining({ event: 'request.escalated', entityId: String(r.id) }));
    expect((await audit(r.id)).map((a) => a.action)).toContain('request.escalated');
    await notificationsSettled();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe('[BEC] Approval escalated to you');
    expect(mail!.to).toEqual([(await admin.get('/api/session')).body.email]);
    expect(mail!.raw).toContain(r.number);
    await until(() => hooks.length > 0);
    const body = JSON.parse(hooks[0]!.raw) as { type: string; data: { requestId: number; level: number } };
    expect(body).toMatchObject({ type: 'request.escalated', data: { requestId: r.id, level: 1 } });
    expect(hooks[0]!.headers['bec-signature']).toMatch(/v1=/);
    const approved = await admin.post(`/api/requests/${r.id}/approve`, {});
    expect(approved.body.status).toBe('approved');
    expect(approved.body.routing.approvals[0]).toMatchObject({ userId: ids.admin, approverIndex: -1 });
  });

  it('keeps rules to admins, audits them, and names a bad approver', async () => {
    expect((await cm.post('/api/routing/rules', { name: 'x', levels: [{ approvers: [{ role: 'channel_manager' }] }] })).status).toBe(403);
    const finance = (await (await t.as(USERS.finance)).get('/api/session')).body.userId as number;
    const bad = await admin.post('/api/routing/rules', { name: 'x', levels: [{ approvers: [{ userId: ids.cm }, { userId: finance }] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'levels.0.approvers.1.userId', message: 'no active user who may decide requests has this id' },
    ]);
    // a role approver must be a role that may decide requests: a level of finance users, or of users
    // with no role, would wait for ever
    for (const role of ['finance', 'distributor_user', 'no_access']) {
      const res = await admin.post('/api/routing/rules', { name: 'x', levels: [{ approvers: [{ role }] }] });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'levels.0.approvers.0.role', message: `a role that may decide requests (vendor_admin, channel_manager), not ${role}` },
      ]);
    }
    const noEscalation = await admin.post('/api/routing/rules', {
      name: 'x',
      levels: [{ approvers: [{ userId: ids.cm }], timeLimitHours: 4 }],
    });
    expect(noEscalation.status).toBe(400);
    const created = await rule({ name: 'audited', levels: [{ approvers: [{ role: 'channel_manager' }] }] });
    const updated = await t.http
      .put(`/api/routing/rules/${created.id}`)
      .set('Authorization', bearerOf(admin))
      .send({ name: 'renamed', levels: [{ approvers: [{ role: 'vendor_admin' }] }] });
    expect(updated.status).toBe(200);
    expect(updated.body.name).toBe('renamed');
    const trail = (await admin.get(`/api/audit?entityType=routing_rule&entityId=${created.id}`)).body.items as { action: string }[];
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['routing_rule.created', 'routing_rule.updated']));
  });
});

async function until(ok: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
