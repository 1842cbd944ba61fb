import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface RequestBody {
  id: number;
  number: string;
  status: string;
  distributorId: number;
  endCustomerId: number;
  requestedByUserId: number;
  opportunityRef: string | null;
  decisionComment: string | null;
  authorizationId: number | null;
  lines: { id: number; counterCost: string | null }[];
}

/** The approver's queue (own requests left out, scoped to a CRM record) and the distributor's answer to a counter-offer. */
describeDb('special-price requests: queue filters and counter-offers', () => {
  let t: TestApp;
  let arrow: Client;
  let cm: Client;
  let cm2: Client;
  let north: Client;
  let finance: Client;
  let program: { id: number };
  let cascade: { id: number };
  let product: { id: number };

  const send = (c: Client, body: Record<string, unknown> = {}) =>
    c.post('/api/requests', {
      programId: program.id,
      endCustomerId: cascade.id,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: [{ productId: product.id, quantity: 100, requestedCost: '3.2000' }],
      ...body,
    });
  const ids = (items: RequestBody[]) => items.map((r) => r.id);
  const audit = async (id: number) =>
    (await (await t.as(USERS.admin)).get(`/api/audit?entityType=price_request&entityId=${id}`)).body.items as {
      action: string;
      reason: string | null;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    [arrow, cm, cm2, north, finance] = await Promise.all(
      [USERS.arrowhead, USERS.cm, USERS.cm2, USERS.northbridge, USERS.finance].map((u) => t.as(u)),
    );
    program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    cascade = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0];
    product = (await arrow.get('/api/products')).body.items.find((p: { vendorPartNumber: string }) => p.vendorPartNumber === 'VS-ETH-PHY');
  });
  afterAll(() => t.close());

  it("leaves the approver's own requests out of its queue with requestedBy=others, and shows only them with requestedBy=me", async () => {
    const distributorId = (await arrow.get('/api/session')).body.distributorId;
    const own = await send(cm, { distributorId });
    expect(own.status).toBe(201);
    const others = (await cm.get('/api/requests?status=pending&requestedBy=others&pageSize=200')).body.items as RequestBody[];
    expect(others.length).toBeGreaterThan(0);
    expect(ids(others)).not.toContain(own.body.id);
    expect(others.every((r) => r.requestedByUserId !== own.body.requestedByUserId)).toBe(true);
    expect(ids((await cm.get('/api/requests?status=pending&requestedBy=me')).body.items)).toEqual([own.body.id]);
    // Another approver sees it, and may decide it.
    expect(ids((await cm2.get('/api/requests?status=pending&requestedBy=others&pageSize=200')).body.items)).toContain(own.body.id);
    expect((await cm.post(`/api/requests/${own.body.id}/approve`, {})).status).toBe(403);
  });

  it('scopes the list to one CRM opportunity and to one account, and still to the tenant', async () => {
    const linked = await send(arrow, { opportunityRef: '006QUEUE0000001AAA' });
    await send(arrow, { opportunityRef: '006QUEUE0000002AAA' });
    const byOpportunity = (await cm.get('/api/requests?opportunityId=006QUEUE0000001AAA')).body.items as RequestBody[];
    expect(ids(byOpportunity)).toEqual([linked.body.id]);

    const orion = (await cm.get('/api/accounts?type=end_customer&q=Orion')).body.items[0];
    const byAccount = (await cm.get(`/api/requests?accountId=${orion.id}&pageSize=200`)).body.items as RequestBody[];
    expect(byAccount.length).toBeGreaterThan(0);
    expect(byAccount.every((r) => r.endCustomerId === orion.id)).toBe(true);
    // A distributor account matches the requests it made.
    const arrowheadId = linked.body.distributorId;
    const byDistributor = (await cm.get(`/api/requests?accountId=${arrowheadId}&pageSize=200`)).body.items as RequestBody[];
    expect(byDistributor.every((r) => r.distributorId === arrowheadId)).toBe(true);
    expect(ids(byDistributor)).toContain(linked.body.id);
    // Another distributor scoped to Arrowhead's opportunity sees nothing of Arrowhead's.
    expect((await north.get('/api/requests?opportunityId=006QUEUE0000001AAA')).body.items).toEqual([]);
    // An account nobody has matches nothing (not everything).
    expect((await cm.get('/api/requests?accountId=001NOSUCHACCOUNT')).body.items).toEqual([]);
  });

  it('names the field of a bad filter', async () => {
    const res = await cm.get('/api/requests?requestedBy=everyone');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('requestedBy');
    const bad = await cm.get('/api/requests?accountId=a%20b');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('accountId');
  });

  it('lets the distributor reject a counter-offer: withdrawn, no authorization, audited with its reason', async () => {
    const sent = await send(arrow);
    const countered = await cm.post(`/api/requests/${sent.body.id}/counter`, {
      comment: 'We can do 3.5000',
      lines: [{ lineId: sent.body.lines[0].id, counterCost: '3.5000' }],
    });
    expect(countered.body.status).toBe('countered');
    // The distributor sees the counter price and comment on its own list.
    const mine = ((await arrow.get('/api/requests?status=countered')).body.items as RequestBody[]).find((r) => r.id === sent.body.id)!;
    expect(mine.lines[0].counterCost).toBe('3.5000');
    expect(mine.decisionComment).toBe('We can do 3.5000');

    // Nobody else may answer it: another distributor (not found), finance (no such permission), the approver (not the requesting side).
    expect((await north.post(`/api/requests/${sent.body.id}/reject-counter`, {})).status).toBe(404);
    expect((await finance.post(`/api/requests/${sent.body.id}/reject-counter`, {})).status).toBe(403);
    expect((await cm.post(`/api/requests/${sent.body.id}/reject-counter`, {})).status).toBe(403);

    const rejected = await arrow.post(`/api/requests/${sent.body.id}/reject-counter`, { comment: 'Our customer will not pay 3.50' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'withdrawn', authorizationId: null, decisionComment: 'We can do 3.5000' });
    const events = await audit(sent.body.id);
    expect(events[0]).toMatchObject({ action: 'request.counter_rejected', reason: 'Our customer will not pay 3.50' });

    // Answered once: neither a second rejection nor an acceptance goes through.
    expect((await arrow.post(`/api/requests/${sent.body.id}/reject-counter`, {})).body.code).toBe('REQUEST_NOT_OPEN');
    expect((await arrow.post(`/api/requests/${sent.body.id}/accept-counter`)).status).toBe(409);
  });

  it('refuses to reject a counter-offer on a request that is not countered, and a comment that is too long', async () => {
    const sent = await send(arrow);
    const res = await arrow.post(`/api/requests/${sent.body.id}/reject-counter`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REQUEST_NOT_OPEN');
    const long = await arrow.post(`/api/requests/${sent.body.id}/reject-counter`, { comment: 'x'.repeat(4001) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.errors)).toContain('comment');
  });

  it('accepting a counter-offer authorizes the counter price', async () => {
    const sent = await send(arrow);
    await cm.post(`/api/requests/${sent.body.id}/counter`, {
      comment: 'Meet at 3.4500',
      lines: [{ lineId: sent.body.lines[0].id, counterCost: '3.4500' }],
    });
    const accepted = await arrow.post(`/api/requests/${sent.body.id}/accept-counter`);
    expect(accepted.body.status).toBe('approved');
    const auth = (await arrow.get(`/api/authorizations/${accepted.body.authorizationId}`)).body;
    expect(auth.lines[0].authorizedCost).toBe('3.4500');
  });
});
