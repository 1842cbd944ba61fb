import { ANALYTICS_REPORTS } from '../../core/analytics/reports.js';
import { bearerOf, describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

/** Every `distributorId` a body holds, however deep (a list's items, a calculation's head). */
function distributorIdsIn(body: unknown): number[] {
  if (Array.isArray(body)) return body.flatMap(distributorIdsIn);
  if (body === null || typeof body !== 'object') return [];
  return Object.entries(body).flatMap(([k, v]) => (k === 'distributorId' && typeof v === 'number' ? [v] : distributorIdsIn(v)));
}

/** A distributor sees only its own requests, authorizations and claims: another tenant's id answers 404. */
describeDb('tenant isolation and separation of duties', () => {
  let t: TestApp;
  let northbridgeClaimId: number;
  let northbridgeRequestId: number;
  let northbridgeAuthorizationId: number;
  beforeAll(async () => {
    t = await startTestApp();
    const north = await t.as(USERS.northbridge);
    northbridgeClaimId = (await north.get('/api/claims')).body.items[0].id;
    northbridgeRequestId = (await north.get('/api/requests')).body.items[0].id;
    northbridgeAuthorizationId = (await north.get('/api/authorizations')).body.items[0].id;
  });
  afterAll(() => t.close());

  it("answers 404 on every route that takes another distributor's id", async () => {
    const arrow = await t.as(USERS.arrowhead);
    const calls = [
      arrow.get(`/api/claims/${northbridgeClaimId}`),
      arrow.post(`/api/claims/${northbridgeClaimId}/submit`),
      arrow.get(`/api/claims/${northbridgeClaimId}/notes`),
      arrow.post(`/api/claims/${northbridgeClaimId}/notes`, { body: 'peek' }),
      arrow.get(`/api/requests/${northbridgeRequestId}`),
      arrow.post(`/api/requests/${northbridgeRequestId}/accept-counter`),
      arrow.get(`/api/authorizations/${northbridgeAuthorizationId}`),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('NBE-');
    }
  });

  it("lists only the caller's own objects", async () => {
    const arrow = await t.as(USERS.arrowhead);
    for (const path of ['/api/claims', '/api/requests', '/api/authorizations']) {
      const items = (await arrow.get(path)).body.items as { distributorId: number }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.distributorId === 2)).toBe(true);
    }
    const accounts = (await arrow.get('/api/accounts?type=distributor')).body.items as { name: string }[];
    expect(accounts.map((a) => a.name)).toEqual(['Arrowhead Components']);
  });

  it("refuses a distributor user naming another distributor's distributorId on a list (403 naming it), as the file routes do", async () => {
    const cm = await t.as(USERS.cm);
    const arrow = await t.as(USERS.arrowhead);
    const north = await t.as(USERS.northbridge);
    const finance = await t.as(USERS.finance);
    const arrowId = (await arrow.get('/api/session')).body.distributorId as number;
    const northId = (await north.get('/api/session')).body.distributorId as number;
    // Each has claims and an import of its own, so a list that answered with Northbridge's would show it.
    const csv = (invoice: string) =>
      `Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Resale Price,End Customer Name\n${invoice},1,2026-10-02,VS-ADC-24S,1,9.50,Cascade Robotics\n`;
    for (const [who, invoice] of [
      [north, 'NB-SCOPE-1'],
      [arrow, 'ARW-SCOPE-1'],
    ] as const) {
      const sent = await t.http
        .post('/api/imports?wait=true')
        .set('Authorization', bearerOf(who))
        .set('Content-Type', 'text/csv')
        .send(csv(invoice));
      expect(sent.status).toBe(201);
    }
    for (const list of ['/api/claims', '/api/imports']) {
      const other = await arrow.get(`${list}?distributorId=${northId}`);
      expect({ list, status: other.status, code: other.body.code }).toEqual({ list, status: 403, code: 'FORBIDDEN' });
      expect(other.body.errors).toEqual([{ field: 'distributorId', message: expect.stringContaining(String(northId)) }]);
      expect(other.body.items).toBeUndefined();
      // Its own id, or none: its own data, the same either way.
      const own = await arrow.get(`${list}?distributorId=${arrowId}`);
      const none = await arrow.get(list);
      expect([own.status, none.status]).toEqual([200, 200]);
      const ownItems = own.body.items as { id: number; distributorId: number }[];
      expect(ownItems.length).toBeGreaterThan(0);
      expect(ownItems.every((i) => i.distributorId === arrowId)).toBe(true);
      expect(ownItems.map((i) => i.id)).toEqual((none.body.items as { id: number }[]).map((i) => i.id));
      // A vendor user sees any distributor's, by the same filter.
      const vendor = (await finance.get(`${list}?distributorId=${northId}`)).body.items as { distributorId: number }[];
      expect(vendor.length).toBeGreaterThan(0);
      expect(vendor.every((i) => i.distributorId === northId)).toBe(true);
    }
    // Every other route that takes a distributorId from its caller, by the same rule (server/auth/actor.ts distributorFilter).
    const rebate = await cm.post('/api/programs', {
      code: `REB-SCOPE-${Date.now() % 100000}`,
      name: 'tenancy rebate',
      type: 'rebate',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(rebate.status).toBe(201);
    const terms = await t.http
      .put(`/api/rebates/programs/${rebate.body.id}`)
      .set('Authorization', bearerOf(cm))
      .send({
        terms: {
          kind: 'tiered',
          mode: 'retroactive',
          measure: 'quantity',
          productIds: [],
          tiers: [{ from: '1', rate: { kind: 'per_unit', value: '0.10' } }],
        },
        periodKind: 'quarter',
        stacking: 'exclusive',
      });
    expect(terms.status).toBe(200);
    const routes = [
      '/api/edi/documents',
      '/api/finance/credit-memos',
      '/api/shipments',
      '/api/enrichment/reviews',
      '/api/enrichment/aliases',
      '/api/enrichment/unknown-parts',
      ...ANALYTICS_REPORTS.map((name) => `/api/analytics/${name}?from=2026-01-01&to=2026-12-31`),
      '/api/reports/accruals/forecast?asOf=2026-11-30',
      '/api/rebates/progress?date=2026-10-02',
      `/api/rebates/programs/${rebate.body.id}/calculation?date=2026-10-02`,
    ];
    // Where the seed and the imports above give the two distributors different data, so that
    // answering Arrowhead's for Northbridge's id would show.
    const differing = [
      '/api/finance/credit-memos',
      '/api/shipments',
      '/api/analytics/by-distributor?from=2026-01-01&to=2026-12-31',
      '/api/analytics/by-month?from=2026-01-01&to=2026-12-31',
      '/api/rebates/progress?date=2026-10-02',
      `/api/rebates/programs/${rebate.body.id}/calculation?date=2026-10-02`,
    ];
    for (const route of routes) {
      const named = (id: number) => `${route}${route.includes('?') ? '&' : '?'}distributorId=${id}`;
      const other = await arrow.get(named(northId));
      expect({ route, status: other.status, code: other.body.code, errors: other.body.errors }).toEqual({
        route,
        status: 403,
        code: 'FORBIDDEN',
        errors: [{ field: 'distributorId', message: expect.stringContaining(String(northId)) }],
      });
      // Its own id, or none: its own data, the same either way.
      const [own, none] = [await arrow.get(named(arrowId)), await arrow.get(route)];
      expect({ route, statuses: [own.status, none.status] }).toEqual({ route, statuses: [200, 200] });
      expect({ route, body: own.body }).toEqual({ route, body: none.body });
      expect(distributorIdsIn(none.body).every((id) => id === arrowId)).toBe(true);
      // A vendor user naming Northbridge gets what Northbridge itself gets.
      const [vendor, theirs] = [await finance.get(named(northId)), await north.get(route)];
      expect({ route, status: vendor.status, body: vendor.body }).toEqual({ route, status: 200, body: theirs.body });
      const ids = distributorIdsIn(vendor.body);
      expect({ route, ids: ids.filter((id) => id !== northId) }).toEqual({ route, ids: [] });
      if (differing.includes(route)) expect({ route, body: vendor.body }).not.toEqual({ route, body: none.body });
    }

    // The file routes answer the same 403 for another distributor's id.
    const file = await t.http
      .post(`/api/claims/file?distributorId=${northId}`)
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'text/csv')
      .send(csv('ARW-SCOPE-2'));
    expect({ status: file.status, code: file.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  it('refuses actions a role may not take', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const cm = await t.as(USERS.cm);
    const own = (await arrow.get('/api/claims?status=submitted')).body.items[0];
    expect((await arrow.post(`/api/claims/${own.id}/authorize`)).status).toBe(403);
    expect((await arrow.post(`/api/requests/${northbridgeRequestId}/approve`)).status).toBe(403);
    expect((await cm.post(`/api/claims/${own.id}/pay`)).status).toBe(403);
    expect((await cm.post('/api/claims', { lines: [] })).status).toBe(403);
    expect((await t.http.get('/api/claims')).status).toBe(401);
  });

  it('never lets the requester approve their own request', async () => {
    const cm = await t.as(USERS.cm);
    const cm2 = await t.as(USERS.cm2);
    const program = (await cm.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    const ec = (await cm.get('/api/accounts?type=end_customer')).body.items[0];
    const product = (await cm.get('/api/products?q=VS-LDO')).body.items[0];
    const created = await cm.post('/api/requests', {
      programId: program.id,
      distributorId: 3,
      endCustomerId: ec.id,
      validFrom: '2026-11-01',
      validTo: '2026-12-31',
      lines: [{ productId: product.id, quantity: 500, requestedCost: '0.3000' }],
    });
    expect(created.status).toBe(201);
    const self = await cm.post(`/api/requests/${created.body.id}/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_APPROVAL_FORBIDDEN');
    expect((await cm.get(`/api/requests/${created.body.id}`)).body.status).toBe('pending');
    expect((await cm2.post(`/api/requests/${created.body.id}/approve`, {})).body.status).toBe('approved');
  });

  it('keeps a channel manager from requesting without naming the distributor', async () => {
    const cm = await t.as(USERS.cm);
    const res = await cm.post('/api/requests', {
      programId: 1,
      endCustomerId: 6,
      validFrom: '2026-11-01',
      validTo: '2026-12-31',
      lines: [{ productId: 1, quantity: 1, requestedCost: '1.0000' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('distributorId');
  });
});
