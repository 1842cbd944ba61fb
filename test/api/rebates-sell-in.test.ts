/**
 * Sell-in rebates (issue 16) over the API, on both databases: the vendor's shipment lines loaded by
 * JSON and by CSV (each bad row answered with its row and field, the valid ones stored, a line
 * loaded twice stored once, a line stored with other values refused, tenants apart, audited), a
 * program with `basis: "sell_in"` calculated over them by hand, never over POS lines (and a
 * sell-through program never over shipments), and its period closed, authorized by a second person
 * and paid through the settlement service with check:ledger clean.
 */
import { checkLedger } from '../../server/settlement/invariants.repository.js';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

describeDb('sell-in rebates (shipments)', () => {
  let t: TestApp;
  let admin: Client;
  let cm: Client;
  let finance: Client;
  let finance2: Client;
  let arrow: Client;
  let north: Client;
  let arrowheadId: number;
  let northbridgeId: number;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, cm, finance, finance2, arrow, north] = await Promise.all(
      [USERS.admin, USERS.cm, USERS.finance, USERS.finance2, USERS.arrowhead, USERS.northbridge].map((u) => t.as(u)),
    );
    const d = (await admin.get('/api/accounts?type=distributor')).body.items as { id: number; name: string }[];
    arrowheadId = d.find((x) => x.name === 'Arrowhead Components')!.id;
    northbridgeId = d.find((x) => x.name.startsWith('Northbridge'))!.id;
  });
  afterAll(() => t.close());

  let codes = 0;
  const program = async (terms: object, stacking?: string) => {
    const p = await cm.post('/api/programs', {
      code: `REB-SI-${++codes}-${Date.now() % 100000}`,
      name: 'sell-in test rebate',
      type: 'rebate',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(p.status).toBe(201);
    const put = await t.http
      .put(`/api/rebates/programs/${p.body.id}`)
      .set('Authorization', bearerOf(cm))
      .send({ terms, periodKind: 'quarter', ...(stacking ? { stacking } : {}) });
    return { id: p.body.id as number, put };
  };
  const line = (patch: object = {}) => ({
    distributor: 'Arrowhead Components',
    documentNumber: 'INV-S-1',
    lineNumber: '1',
    shipDate: '2026-02-10',
    vendorPartNumber: 'VS-MCU-32F4',
    quantity: 1000,
    amount: '4500.00',
    currency: 'USD',
    ...patch,
  });

  it('loads shipment lines by JSON: each bad line refused with its row and field, the valid ones stored once', async () => {
    const res = await finance.post('/api/shipments', {
      lines: [
        line(),
        line({ lineNumber: '2', vendorPartNumber: 'VS-ADC-24S', quantity: 500, amount: '1500.00' }),
        line({ documentNumber: 'inv-s-2', lineNumber: '1', shipDate: '2026-03-05', quantity: -100, amount: '-450.00' }),
        line({ lineNumber: '3', distributor: 'Nobody Electronics' }),
        line({ lineNumber: '4', vendorPartNumber: 'NO-SUCH-PART' }),
        line({ lineNumber: '5', currency: 'EUR' }),
        line({ lineNumber: '6', quantity: 0 }),
        line({ lineNumber: '7', amount: '-5.00' }),
        line({ lineNumber: '8', amount: '1.234,50' }),
        line({ lineNumber: '1', quantity: 7 }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 10, stored: 3, created: 3, unchanged: 0 });
    const errors = res.body.errors as { row: number; field: string | null; message: string }[];
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'distributor'],
      [5, 'vendorPartNumber'],
      [6, 'currency'],
      [7, 'quantity'],
      [8, 'amount'],
      [9, 'amount'],
      [10, 'lineNumber'],
    ]);
    expect(errors[2]!.message).toMatch(/invoiced in USD/);
    expect(errors[6]!.message).toMatch(/also row 1/);

    // Sent again (a retry, another spelling of the document): unchanged; with other values: refused.
    const again = await finance.post('/api/shipments', {
      lines: [line(), line({ documentNumber: 'INV-S-2', shipDate: '2026-03-05', quantity: -100, amount: '-450' })],
    });
    expect(again.body).toMatchObject({ rows: 2, stored: 2, created: 0, unchanged: 2, errors: [] });
    const changed = await finance.post('/api/shipments', { lines: [line({ amount: '4400.00' })] });
    expect(changed.body).toMatchObject({ rows: 1, stored: 0, created: 0 });
    expect(changed.body.errors).toEqual([
      expect.objectContaining({
        row: 1,
        field: null,
        message: expect.stringMatching(/stored with other values.*a correction is a new line/),
      }),
    ]);
    const stored = (await admin.get(`/api/shipments?distributorId=${arrowheadId}&from=2026-01-01&to=2026-03-31`)).body;
    expect(stored.total).toBe(3);
    expect(stored.items.map((s: { documentNumber: string; amount: string }) => [s.documentNumber, s.amount])).toEqual([
      ['INV-S-2', '-450.0000'],
      ['INV-S-1', '1500.0000'],
      ['INV-S-1', '4500.0000'],
    ]);
    const audit = (await admin.get('/api/audit?entityType=shipments')).body.items as { action: string; after: { created: number } }[];
    // Newest first: this load, then the demo seed's (24 lines, loaded by finance the same way).
    expect(audit.map((a) => [a.action, a.after.created])).toEqual([
      ['shipments.loaded', 3],
      ['shipments.loaded', 24],
    ]);
  });

  it('loads a European CSV with its decimal comma, naming the row and line of a bad one', async () => {
    const csv = [
      'Distributor;Invoice Number;Line;Ship Date;Part Number;Qty;Amount;Currency',
      `${northbridgeId};EU-77;1;12/02/2026;VS-MCU-32F4;1.000;4.250,50;EUR`,
      `${northbridgeId};EU-77;2;13/02/2026;VS-MCU-32F4;abc;10,00;EUR`,
    ].join('\r\n');
    const res = await t.http
      .post('/api/shipments/upload?decimalMark=,&dateOrder=DMY')
      .set('Authorization', bearerOf(finance))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 2, created: 1 });
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, line: 3, field: 'quantity' })]);
    const eu = (await north.get('/api/shipments?from=2026-01-01&to=2026-03-31')).body.items as {
      quantity: number;
      amount: string;
      shipDate: string;
    }[];
    expect(eu).toEqual([expect.objectContaining({ quantity: 1000, amount: '4250.5000', shipDate: '2026-02-12' })]);
  });

  it('keeps distributors apart: a distributor reads its own shipments and loads none', async () => {
    const own = (await arrow.get('/api/shipments?pageSize=500')).body.items as { distributorId: number; documentNumber: string }[];
    // The three above, and the demo's shipments of this quarter.
    expect(own.filter((s) => s.documentNumber.startsWith('INV-S-')).length).toBe(3);
    expect(own.every((s) => s.distributorId === arrowheadId)).toBe(true);
    // Another distributor's id is a 403 naming distributorId, not its own shipments.
    const other = await arrow.get(`/api/shipments?distributorId=${northbridgeId}`);
    expect({ status: other.status, field: other.body.errors?.[0]?.field }).toEqual({ status: 403, field: 'distributorId' });
    expect((await arrow.post('/api/shipments', { lines: [line({ lineNumber: '99' })] })).status).toBe(403);
    expect((await cm.post('/api/shipments', { lines: [line({ lineNumber: '99' })] })).status).toBe(403);
  });

  let sellIn: number;
  it('calculates a sell-in program over the shipments only, and a sell-through one over the POS lines only', async () => {
    const terms = { kind: 'volume', measure: 'revenue', threshold: '5000', rate: { kind: 'percent', value: '2' } };
    const through = await program(terms);
    expect(through.put.status).toBe(200);
    const throughBefore = (await arrow.get(`/api/rebates/programs/${through.id}/calculation?date=2026-02-15`)).body.calculation;
    const exclusive = await program({ ...terms, basis: 'sell_in' }, 'exclusive');
    expect(exclusive.put.status).toBe(422);
    expect(exclusive.put.body.errors[0].field).toBe('stacking');
    const made = await program({ ...terms, basis: 'sell_in' });
    expect(made.put.status).toBe(200);
    expect(made.put.body).toMatchObject({ stacking: 'with_rebates', terms: { basis: 'sell_in' } });
    sellIn = made.id;
    // 4,500.00 + 1,500.00 - 450.00 (a return) = 5,550.00 of revenue, over 5,000: 2 % = 111.00.
    const calc = await arrow.get(`/api/rebates/programs/${sellIn}/calculation?date=2026-02-15`);
    expect(calc.status).toBe(200);
    expect(calc.body.period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(calc.body.calculation).toMatchObject({ measure: '5550', rebate: '111.00', countedLines: 2, qualified: true });
    // A shipment loaded now moves the sell-in figure, not the sell-through one.
    await finance.post('/api/shipments', { lines: [line({ documentNumber: 'INV-S-3', quantity: 100, amount: '450.00' })] });
    expect((await arrow.get(`/api/rebates/programs/${sellIn}/calculation?date=2026-02-15`)).body.calculation).toMatchObject({
      measure: '6000',
      rebate: '120.00',
      countedLines: 3,
    });
    expect((await arrow.get(`/api/rebates/programs/${through.id}/calculation?date=2026-02-15`)).body.calculation).toEqual(throughBefore);
    // Northbridge's own shipment (4,250.50 EUR) is under the threshold.
    expect((await north.get(`/api/rebates/programs/${sellIn}/calculation?date=2026-02-15`)).body).toMatchObject({
      currency: 'EUR',
      calculation: { measure: '4250.5', rebate: '0.00', qualified: false },
    });
  });

  it('closes, authorizes by a second person and pays a sell-in period, the ledger clean', async () => {
    const closed = await finance.post('/api/rebates/periods', { programId: sellIn, distributorId: arrowheadId, date: '2026-02-15' });
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({ status: 'closed', amount: '120.0000', lineCount: 3, totalRevenue: '6000.0000' });
    expect((await finance.post(`/api/rebates/periods/${closed.body.id}/authorize`)).body.code).toBe('SEPARATION_OF_DUTIES');
    expect((await finance2.post(`/api/rebates/periods/${closed.body.id}/authorize`)).body.status).toBe('authorized');
    const paid = await finance.post(`/api/rebates/periods/${closed.body.id}/pay`, { externalRef: 'ERP-SI-1' });
    expect(paid.body).toMatchObject({ status: 'paid', amount: '120.0000' });
    expect(paid.body.creditMemoNumber).toMatch(/^CM-/);
    const r = await checkLedger(t.db.sequelize);
    expect(r.violations).toEqual([]);
  });
});
