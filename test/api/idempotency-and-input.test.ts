import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

describeDb('idempotent creation and clear errors on bad input', () => {
  let t: TestApp;
  let authNumber: string;
  beforeAll(async () => {
    t = await startTestApp();
    authNumber = (await (await t.as(USERS.arrowhead)).get('/api/authorizations')).body.items.at(-1).number;
  });
  afterAll(() => t.close());

  const claimBody = (memo: string, invoice: string) => ({
    debitMemoNumber: memo,
    lines: [
      {
        authorizationNumber: authNumber,
        vendorPartNumber: 'VS-MCU-32F4',
        endCustomerName: 'Helios Medical Devices',
        invoiceNumber: invoice,
        invoiceLine: '1',
        invoiceDate: '2026-11-12',
        quantity: 10,
        bookCost: '5.2890',
        authorizedCost: '4.1000',
      },
    ],
  });

  it('returns the first response to a retry with the same Idempotency-Key, and creates one claim', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const before = (await arrow.get('/api/claims')).body.total;
    const first = await arrow.post('/api/claims', claimBody('IDEM-1', 'IDEM-INV-1'), { 'Idempotency-Key': 'k-1' });
    const retry = await arrow.post('/api/claims', claimBody('IDEM-1', 'IDEM-INV-1'), { 'Idempotency-Key': 'k-1' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect((await arrow.get('/api/claims')).body.total).toBe(before + 1);
  });

  it('answers 422 to the same key with another body', async () => {
    const arrow = await t.as(USERS.arrowhead);
    await arrow.post('/api/claims', claimBody('IDEM-2', 'IDEM-INV-2'), { 'Idempotency-Key': 'k-2' });
    const other = await arrow.post('/api/claims', claimBody('IDEM-3', 'IDEM-INV-3'), { 'Idempotency-Key': 'k-2' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps keys per caller: another user with the same key is not replayed', async () => {
    const north = await t.as(USERS.northbridge);
    const res = await north.post('/api/claims', { ...claimBody('IDEM-N', 'IDEM-INV-N') }, { 'Idempotency-Key': 'k-1' });
    expect(res.headers['idempotency-replayed']).toBeUndefined();
    expect(res.status).toBe(201);
    expect(res.body.distributorId).toBe(3);
  });

  it('refuses a re-sent claim with the same debit memo number', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const again = await arrow.post('/api/claims', claimBody('IDEM-1', 'IDEM-INV-9'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CLAIM_ALREADY_EXISTS');
    expect(typeof again.body.claimId).toBe('number');
  });

  it('names the bad field of a claim line, as problem+json', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const body = claimBody('BAD-1', 'BAD-INV');
    const res = await arrow.post('/api/claims', { ...body, lines: [{ ...body.lines[0], invoiceDate: '11/12/2026', bookCost: 5.289 }] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['lines.0.bookCost', 'lines.0.invoiceDate']);
  });

  it("takes a claim in the distributor's currency, in any case, refuses another, and refuses one that is not three letters", async () => {
    const arrow = await t.as(USERS.arrowhead);
    const created = await arrow.post('/api/claims', { ...claimBody('CUR-1', 'CUR-INV-1'), currency: 'usd' });
    expect(created.status).toBe(201);
    expect(created.body.currency).toBe('USD');
    expect((await arrow.get(`/api/claims/${created.body.id}`)).body.currency).toBe('USD');
    const unset = await arrow.post('/api/claims', { ...claimBody('CUR-3', 'CUR-INV-3'), currency: undefined });
    expect(unset.status).toBe(201);
    expect(unset.body.currency).toBe('USD');
    // Arrowhead's authorizations are in USD: the same figures as euros are refused, never approved as euros.
    const other = await arrow.post('/api/claims', { ...claimBody('CUR-4', 'CUR-INV-4'), currency: 'EUR' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'CURRENCY_MISMATCH', errors: [{ field: 'currency' }] });
    for (const currency of ['euro', 'E1R', '']) {
      const bad = await arrow.post('/api/claims', { ...claimBody('CUR-2', 'CUR-INV-2'), currency });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['currency']);
    }
  });

  it('refuses money with more than 4 decimals, and malformed JSON', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const res = await arrow.post('/api/requests', {
      programId: 1,
      endCustomerId: 6,
      validFrom: '2026-11-01',
      validTo: '2026-12-31',
      lines: [{ productId: 1, quantity: 5, requestedCost: '4.12345' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('lines.0.requestedCost');
    const raw = await t.http.post('/api/claims').set('Content-Type', 'application/json').send('{"lines": [');
    expect(raw.status).toBe(400);
    expect(raw.body.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(raw.body)).not.toMatch(/at .*\.ts|SELECT|INSERT/);
  });

  it('refuses a request that does not fit its program, naming each field', async () => {
    const north = await t.as(USERS.northbridge);
    const programs = (await north.get('/api/programs')).body.items;
    const spa = programs.find((p: { code: string }) => p.code === 'SPA-DESIGNWIN');
    const ldo = (await north.get('/api/products?q=VS-LDO')).body.items[0];
    const ec = (await north.get('/api/accounts?type=end_customer')).body.items[0];
    const res = await north.post('/api/requests', {
      programId: spa.id,
      endCustomerId: ec.id,
      validFrom: '2025-01-01',
      validTo: '2026-12-31',
      lines: [{ productId: ldo.id, quantity: 60000, requestedCost: '0.5000' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NOT_ELIGIBLE');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'lines.0.productId',
      'lines.0.quantity',
      'lines.0.requestedCost',
      'validFrom',
    ]);
  });

  it('signs in with a cookie session and requires the CSRF token on writes', async () => {
    const agent = (await import('supertest')).default.agent(t.app);
    expect((await agent.post('/api/session').send({ email: USERS.finance, password: 'wrong' })).status).toBe(401);
    const s = await agent.post('/api/session').send({ email: USERS.arrowhead, password: 'bec-demo-2026' });
    expect(s.status).toBe(200);
    expect(s.headers['set-cookie'][0]).toMatch(/bec_session=.*HttpOnly/);
    const claim = (await agent.get('/api/claims')).body.items[0];
    expect((await agent.post(`/api/claims/${claim.id}/notes`).send({ body: 'hello' })).status).toBe(403);
    expect((await agent.post(`/api/claims/${claim.id}/notes`).set('X-CSRF-Token', s.body.csrfToken).send({ body: 'hello' })).status).toBe(
      201,
    );
  });

  it('revokes an API token', async () => {
    const agent = (await import('supertest')).default.agent(t.app);
    const s = await agent.post('/api/session').send({ email: USERS.finance, password: 'bec-demo-2026' });
    const issued = await agent.post('/api/tokens').set('X-CSRF-Token', s.body.csrfToken).send({ name: 'erp' });
    expect(issued.body.token).toMatch(/^bec_/);
    const bearer = `Bearer ${issued.body.token}`;
    expect((await t.http.get('/api/claims').set('Authorization', bearer)).status).toBe(200);
    expect((await agent.delete(`/api/tokens/${issued.body.id}`).set('X-CSRF-Token', s.body.csrfToken)).status).toBe(204);
    expect((await t.http.get('/api/claims').set('Authorization', bearer)).status).toBe(401);
  });
});
