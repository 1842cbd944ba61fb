import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

/** The whole ship & debit lifecycle through HTTP, as a new user would walk it from the OpenAPI document. */
describeDb('ship & debit lifecycle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('request → approve → claim → adjust → authorize → pay, with exact amounts and audit events', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const cm = await t.as(USERS.cm);
    const finance = await t.as(USERS.finance);
    const finance2 = await t.as(USERS.finance2);

    const program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    const cascade = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0];
    const products = (await arrow.get('/api/products')).body.items as { id: number; vendorPartNumber: string }[];
    const adc = products.find((p) => p.vendorPartNumber === 'VS-ADC-24S')!;
    const opa = products.find((p) => p.vendorPartNumber === 'VS-OPA-RR2')!;

    // Book costs on record: ADC 6.0270, OPA 0.7134. Credits per unit: 0.1000 and 0.2000 (0.1 + 0.2 breaks floats).
    const created = await arrow.post('/api/requests', {
      programId: program.id,
      endCustomerId: cascade.id,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      justification: 'Cascade picking-robot design win',
      lines: [
        { productId: adc.id, quantity: 100, requestedCost: '5.9270' },
        { productId: opa.id, quantity: 100, requestedCost: '0.5134' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('pending');
    expect(created.body.number).toMatch(/^REQ-\d{4}-[0-9A-Z]{8}$/);

    // The distributor sees its pending request; the approver approves it.
    expect((await arrow.get(`/api/requests/${created.body.id}`)).body.status).toBe('pending');
    const approved = await cm.post(`/api/requests/${created.body.id}/approve`, { comment: 'Win it' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const auth = (await arrow.get(`/api/authorizations/${approved.body.authorizationId}`)).body;
    expect(auth.number).toMatch(/^SD-\d{4}-[0-9A-Z]{8}$/);
    expect(auth.version).toBe(1);
    expect(auth.lines.map((l: { authorizedCost: string }) => l.authorizedCost)).toEqual(['5.9270', '0.5134']);

    const line = (n: number, part: string, qty: number, cost: string) => ({
      authorizationNumber: auth.number,
      vendorPartNumber: part,
      endCustomerName: 'Cascade Robotics',
      invoiceNumber: 'LC-INV-1',
      invoiceLine: String(n),
      invoiceDate: '2026-11-10',
      quantity: qty,
      bookCost: part === 'VS-ADC-24S' ? '6.0270' : '0.7134',
      authorizedCost: cost,
    });
    const claim = await arrow.post('/api/claims', {
      debitMemoNumber: 'ARW-LC-1',
      submit: true,
      lines: [line(1, 'VS-ADC-24S', 1, '5.9270'), line(2, 'VS-OPA-RR2', 1, '0.5134'), line(3, 'VS-ADC-24S', 7, '5.9270')],
    });
    expect(claim.status).toBe(201);
    expect(claim.body.status).toBe('submitted');
    expect(claim.body.lines.map((l: { computedAmount: string }) => l.computedAmount)).toEqual(['0.1000', '0.2000', '0.7000']);
    expect(claim.body.lines.every((l: { verdict: string }) => l.verdict === 'accepted')).toBe(true);
    expect(claim.body.computedTotal).toBe('1.0000');
    expect(claim.body.approvedTotal).toBe('1.0000');
    expect(claim.body.lines[0].verdictInputs).toBeTruthy();

    const third = claim.body.lines[2];
    const noReason = await finance.post(`/api/claims/${claim.body.id}/lines/${third.id}/adjust`, { approvedAmount: '0.6000' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const adjusted = await finance.post(`/api/claims/${claim.body.id}/lines/${third.id}/adjust`, {
      approvedAmount: '0.6000',
      reason: 'One unit returned (RMA 77)',
    });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body.approvedTotal).toBe('0.9000');
    expect(adjusted.body.lines[2].verdict).toBe('adjusted');
    expect(adjusted.body.lines[2].reasonCodes).toContain('ADJUSTED_MANUALLY');

    // Whoever adjusted may not authorize; another finance user does.
    const self = await finance.post(`/api/claims/${claim.body.id}/authorize`);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_APPROVAL_FORBIDDEN');
    expect((await finance2.post(`/api/claims/${claim.body.id}/authorize`)).body.status).toBe('authorized');
    const paid = await finance.post(`/api/claims/${claim.body.id}/pay`, { externalRef: 'ERP-1' });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    expect(paid.body.creditMemo.amount).toBe('0.9000');
    expect(paid.body.creditMemo.number).toMatch(/^CM-/);

    // The distributor sees the same status and credit memo.
    const seen = (await arrow.get(`/api/claims/${claim.body.id}`)).body;
    expect(seen.status).toBe('paid');
    expect(seen.creditMemo.amount).toBe('0.9000');

    // The remaining quantity went down by what was claimed.
    const after = (await arrow.get(`/api/authorizations/${auth.id}`)).body;
    expect(after.lines.map((l: { remainingQuantity: number }) => l.remainingQuantity)).toEqual([92, 99]);

    const admin = await t.as(USERS.admin);
    const claimEvents = (await admin.get(`/api/audit?entityType=claim&entityId=${claim.body.id}`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    // Newest first.
    expect(claimEvents).toEqual(['claim.paid', 'credit_memo.issued', 'claim.authorized', 'claim.submitted', 'claim.created']);
    const lineEvents = (await admin.get(`/api/audit?entityType=claim_line&entityId=${third.id}`)).body.items;
    expect(lineEvents).toHaveLength(1);
    expect(lineEvents[0]).toMatchObject({
      action: 'claim_line.adjusted',
      reason: 'One unit returned (RMA 77)',
      before: { approvedAmount: '0.7000' },
    });
    const requestEvents = (await admin.get(`/api/audit?entityType=price_request&entityId=${created.body.id}`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(requestEvents).toEqual(['request.approved', 'request.created']);
  });

  it('counters a request, and the distributor accepts the counter-offer', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const cm = await t.as(USERS.cm);
    const pending = (await cm.get('/api/requests?status=pending')).body.items.find((r: { distributorId: number }) => r.distributorId === 2);
    const countered = await cm.post(`/api/requests/${pending.id}/counter`, {
      comment: 'Meet in the middle',
      lines: [{ lineId: pending.lines[0].id, counterCost: '2.2000' }],
    });
    expect(countered.body.status).toBe('countered');
    const accepted = await arrow.post(`/api/requests/${pending.id}/accept-counter`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('approved');
    const auth = (await arrow.get(`/api/authorizations/${accepted.body.authorizationId}`)).body;
    expect(auth.lines[0].authorizedCost).toBe('2.2000');
  });

  it('names the missing field of a rejected claim line in its verdict inputs', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const cm = await t.as(USERS.cm);
    const program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    const cascade = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0];
    const adc = ((await arrow.get('/api/products')).body.items as { id: number; vendorPartNumber: string }[]).find(
      (p) => p.vendorPartNumber === 'VS-ADC-24S',
    )!;
    const created = await arrow.post('/api/requests', {
      programId: program.id,
      endCustomerId: cascade.id,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      justification: 'Cascade second design win',
      lines: [{ productId: adc.id, quantity: 10, requestedCost: '5.9270' }],
    });
    const approved = await cm.post(`/api/requests/${created.body.id}/approve`, { comment: 'ok' });
    const auth = (await arrow.get(`/api/authorizations/${approved.body.authorizationId}`)).body;
    // the authorization is for one end customer; the line names none
    const claim = await arrow.post('/api/claims', {
      debitMemoNumber: 'ARW-MF-1',
      submit: true,
      lines: [
        {
          authorizationNumber: auth.number,
          vendorPartNumber: 'VS-ADC-24S',
          invoiceNumber: 'MF-INV-1',
          invoiceLine: '1',
          invoiceDate: '2026-11-10',
          quantity: 1,
          bookCost: '6.0270',
          authorizedCost: '5.9270',
        },
      ],
    });
    expect(claim.status).toBe(201);
    const [line] = claim.body.lines;
    expect(line).toMatchObject({ verdict: 'rejected', reasonCodes: ['MISSING_REQUIRED_FIELD'] });
    expect(line.verdictInputs.missingFields).toEqual(['endCustomerName']);
    // and so it reads back
    const read = (await arrow.get(`/api/claims/${claim.body.id}`)).body;
    expect(read.lines[0].verdictInputs.missingFields).toEqual(['endCustomerName']);
  });

  it('declines with a required comment', async () => {
    const cm2 = await t.as(USERS.cm2);
    const pending = (await cm2.get('/api/requests?status=pending')).body.items[0];
    expect((await cm2.post(`/api/requests/${pending.id}/decline`, {})).status).toBe(400);
    const declined = await cm2.post(`/api/requests/${pending.id}/decline`, { comment: 'Margin too thin' });
    expect(declined.body.status).toBe('declined');
    expect((await cm2.post(`/api/requests/${pending.id}/approve`, {})).status).toBe(409);
  });

  it('lists claims filtered by status, program type, distributor and dates, paged', async () => {
    const finance = await t.as(USERS.finance);
    const paid = (await finance.get('/api/claims?status=paid')).body;
    expect(paid.items.length).toBeGreaterThan(0);
    expect(paid.items.every((c: { status: string }) => c.status === 'paid')).toBe(true);
    const spa = (await finance.get('/api/claims?programType=spa')).body.items;
    expect(spa.length).toBeGreaterThan(0);
    expect(spa.every((c: { programType: string }) => c.programType === 'spa')).toBe(true);
    const page = (await finance.get('/api/claims?page=1&pageSize=2')).body;
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect((await finance.get('/api/claims?from=2099-01-01')).body.items).toHaveLength(0);
    const one = (await finance.get('/api/claims?distributorId=3')).body.items;
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((c: { distributorId: number }) => c.distributorId === 3)).toBe(true);
  });
});
