import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

describeDb('disputes', () => {
  let t: TestApp;
  let arrow: Client;
  let authNumber: string;
  let rejectedLineId: number;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    authNumber = (await arrow.get('/api/authorizations')).body.items.find((a: { lines: unknown[] }) => a.lines.length === 1).number;
    const claim = await arrow.post('/api/claims', {
      submit: true,
      debitMemoNumber: 'ARW-DISPUTE-1',
      lines: [
        {
          authorizationNumber: authNumber,
          vendorPartNumber: 'VS-ETH-PHY',
          endCustomerName: 'Orion Automotive',
          invoiceNumber: 'ARW-D-1',
          invoiceLine: '1',
          invoiceDate: '2026-10-20',
          quantity: 100,
          bookCost: '3.8950',
          authorizedCost: '3.2000',
        },
      ],
    });
    expect(claim.status).toBe(201);
    expect(claim.body.lines[0]).toMatchObject({ verdict: 'rejected', reasonCodes: ['END_CUSTOMER_MISMATCH'] });
    rejectedLineId = claim.body.lines[0].id;
  });
  afterAll(() => t.close());

  it('shows the distributor each rejected line with its reasons', async () => {
    const res = await arrow.get('/api/disputes');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: rejectedLineId, reasonCodes: ['END_CUSTOMER_MISMATCH'], resubmittedAs: [] })]),
    );
    const north = await t.as(USERS.northbridge);
    expect((await north.get('/api/disputes')).body.items.some((l: { id: number }) => l.id === rejectedLineId)).toBe(false);
  });

  it('resubmits a corrected line linked to the original, once', async () => {
    const res = await arrow.post('/api/disputes/resubmissions', {
      lines: [{ originalLineId: rejectedLineId, endCustomerName: 'Cascade Robotics' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.lines[0]).toMatchObject({
      verdict: 'accepted',
      resubmissionOfLineId: rejectedLineId,
      invoiceNumber: 'ARW-D-1',
      acceptedQuantity: 100,
      approvedAmount: '69.5000',
    });
    const again = await arrow.post('/api/disputes/resubmissions', { lines: [{ originalLineId: rejectedLineId }] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_RESUBMITTED');
    const accepted = await arrow.post('/api/disputes/resubmissions', { lines: [{ originalLineId: res.body.lines[0].id }] });
    expect(accepted.body.code).toBe('LINE_NOT_REJECTED');
  });

  it('resubmits a line once when three resubmissions of it arrive at the same time', async () => {
    const claim = await arrow.post('/api/claims', {
      submit: true,
      debitMemoNumber: 'ARW-DISPUTE-RACE',
      lines: [
        {
          authorizationNumber: authNumber,
          vendorPartNumber: 'VS-ETH-PHY',
          endCustomerName: 'Orion Automotive',
          invoiceNumber: 'ARW-D-RACE',
          invoiceLine: '1',
          invoiceDate: '2026-10-20',
          quantity: 10,
          bookCost: '3.8950',
          authorizedCost: '3.2000',
        },
      ],
    });
    expect(claim.body.lines[0].verdict).toBe('rejected');
    const lineId = claim.body.lines[0].id as number;
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        arrow.post('/api/disputes/resubmissions', { lines: [{ originalLineId: lineId, endCustomerName: 'Cascade Robotics' }] }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'ALREADY_RESUBMITTED')).toBe(true);
    const [n] = (await t.db.sequelize.query('SELECT COUNT(*) AS n FROM claim_lines WHERE resubmission_of_line_id = ?', {
      replacements: [lineId],
      type: 'SELECT',
    })) as { n: number | string }[];
    expect(Number(n!.n)).toBe(1);
  });

  it('keeps the history of a line visible to finance, and hides it from other distributors', async () => {
    const finance = await t.as(USERS.finance);
    const res = await finance.get(`/api/disputes/lines/${rejectedLineId}/history`);
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((l: { verdict: string; resubmissionOfLineId: number | null }) => [l.verdict, l.resubmissionOfLineId]),
    ).toEqual([
      ['rejected', null],
      ['accepted', rejectedLineId],
    ]);
    // The same chain from the resubmitted end.
    const fromEnd = await finance.get(`/api/disputes/lines/${res.body.items[1].id}/history`);
    expect(fromEnd.body.items.map((l: { id: number }) => l.id)).toEqual(res.body.items.map((l: { id: number }) => l.id));
    const north = await t.as(USERS.northbridge);
    expect((await north.get(`/api/disputes/lines/${rejectedLineId}/history`)).status).toBe(404);
    const audit = await finance.get(`/api/audit?entityType=claim&entityId=${res.body.items[1].claimId}`);
    if (audit.status === 200) expect(JSON.stringify(audit.body)).toContain('claim.resubmitted');
  });

  it("resubmits in the original claim's currency", async () => {
    const north = await t.as(USERS.northbridge);
    const auth = (await north.get('/api/authorizations')).body.items.find((a: { status: string }) => a.status === 'active').number;
    const claim = await north.post('/api/claims', {
      submit: true,
      currency: 'EUR',
      debitMemoNumber: 'NBE-DISPUTE-EUR-1',
      lines: [
        {
          authorizationNumber: auth,
          vendorPartNumber: 'VS-CAN-FD1',
          endCustomerName: 'Cascade Robotics',
          invoiceNumber: 'NBE-D-1',
          invoiceLine: '1',
          invoiceDate: '2026-10-20',
          quantity: 100,
          bookCost: '0.9430',
          authorizedCost: '0.7200',
        },
      ],
    });
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ currency: 'EUR' });
    expect(claim.body.lines[0]).toMatchObject({ verdict: 'rejected', reasonCodes: ['END_CUSTOMER_MISMATCH'] });
    const lineId = claim.body.lines[0].id as number;
    const open = (await north.get('/api/disputes')).body.items.find((l: { id: number }) => l.id === lineId);
    expect(open).toMatchObject({ claimCurrency: 'EUR' });

    const res = await north.post('/api/disputes/resubmissions', {
      lines: [{ originalLineId: lineId, endCustomerName: 'Orion Automotive' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ currency: 'EUR', claimedTotal: '22.3000', approvedTotal: '22.3000' });
    expect(res.body.lines[0]).toMatchObject({ verdict: 'accepted', resubmissionOfLineId: lineId });
    expect((await north.get(`/api/claims/${res.body.id}`)).body.currency).toBe('EUR');
    // The figures count it as euros, not dollars.
    const figures = (await north.get('/api/reports/claims?groupBy=distributor')).body.items as { currency: string }[];
    expect(figures.map((f) => f.currency)).toEqual(['EUR']);
  });

  it('resubmits a claim file line that gave no amount for the credit its corrected line computes, not the 0.00 its rejection left', async () => {
    // A claim file without a claimed-amount column claims what the engine computes: 0.00 for a rejected line.
    const csv = [
      'Authorization Number,Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Book Cost,Authorized Cost,End Customer Name',
      `${authNumber},ARW-D-FILE,1,2026-10-20,VS-ETH-PHY,10,3.8950,3.2000,Orion Automotive`,
    ].join('\r\n');
    const file = await t.http
      .post('/api/claims/file?wait=true&fileName=dm-file.csv&debitMemoNumber=ARW-DISPUTE-FILE')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(file.status).toBe(201);
    const [line] = (await arrow.get(`/api/claims/${file.body.claim.id}/lines`)).body.items;
    expect(line).toMatchObject({ verdict: 'rejected', reasonCodes: ['END_CUSTOMER_MISMATCH'], claimedAmount: '0.0000' });
    // Only the end customer is corrected: the line claims its credit, (3.8950 - 3.2000) x 10.
    const res = await arrow.post('/api/disputes/resubmissions', {
      lines: [{ originalLineId: line.id, endCustomerName: 'Cascade Robotics' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'submitted', claimedTotal: '6.9500', approvedTotal: '6.9500' });
    expect(res.body.lines[0]).toMatchObject({ verdict: 'accepted', claimedAmount: '6.9500', approvedAmount: '6.9500' });
  });

  it("resubmits in the claim's currency, and refuses a claim in another than the distributor's", async () => {
    const line = (invoiceNumber: string) => ({
      authorizationNumber: authNumber,
      vendorPartNumber: 'VS-ETH-PHY',
      endCustomerName: 'Orion Automotive',
      invoiceNumber,
      invoiceLine: '1',
      invoiceDate: '2026-10-20',
      quantity: 10,
      bookCost: '3.8950',
      authorizedCost: '3.2000',
    });
    const eur = await arrow.post('/api/claims', {
      submit: true,
      currency: 'EUR',
      debitMemoNumber: 'ARW-FX-EUR',
      lines: [line('ARW-FX-E')],
    });
    expect(eur.status).toBe(422);
    expect(eur.body.code).toBe('CURRENCY_MISMATCH');
    const usd = await arrow.post('/api/claims', { submit: true, debitMemoNumber: 'ARW-FX-USD', lines: [line('ARW-FX-U')] });
    expect(usd.body.lines[0].verdict).toBe('rejected');
    const again = await arrow.post('/api/disputes/resubmissions', {
      lines: [{ originalLineId: usd.body.lines[0].id, endCustomerName: 'Cascade Robotics' }],
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ currency: 'USD', approvedTotal: '6.9500' });
  });
});
