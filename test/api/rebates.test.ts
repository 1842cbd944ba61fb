/**
 * Rebates over the API (issue 16), on the real app and database: terms stored on a rebate
 * program, the calculation over stored POS lines, the what-if and the distributor's progress,
 * the period close → adjust → authorize → pay flow with its separation of duties and audit, tenant
 * isolation, and stacking against other rebates and ship & debit claims, with check:ledger clean.
 */
import { checkLedger } from '../../server/settlement/invariants.repository.js';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

describeDb('rebates', () => {
  let t: TestApp;
  let admin: Client;
  let cm: Client;
  let finance: Client;
  let finance2: Client;
  let arrow: Client;
  let north: Client;
  let arrowheadId: number;
  let mcu: number;
  beforeAll(async () => {
    t = await startTestApp();
    [admin, cm, finance, finance2, arrow, north] = await Promise.all(
      [USERS.admin, USERS.cm, USERS.finance, USERS.finance2, USERS.arrowhead, USERS.northbridge].map((u) => t.as(u)),
    );
    const d = (await admin.get('/api/accounts?type=distributor')).body.items as { id: number; name: string }[];
    arrowheadId = d.find((x) => x.name === 'Arrowhead Components')!.id;
    mcu = ((await arrow.get('/api/products')).body.items as { id: number; vendorPartNumber: string }[]).find(
      (p) => p.vendorPartNumber === 'VS-MCU-32F4',
    )!.id;
  });
  afterAll(() => t.close());

  let codes = 0;
  /** A new rebate program (2026, every distributor) with these terms. */
  const program = async (terms: object, stacking = 'exclusive', periodKind = 'quarter', dates = ['2026-01-01', '2026-12-31']) => {
    const p = await cm.post('/api/programs', {
      code: `REB-T-${++codes}-${Date.now() % 100000}`,
      name: 'test rebate',
      type: 'rebate',
      startDate: dates[0],
      endDate: dates[1],
    });
    expect(p.status).toBe(201);
    const put = await t.http
      .put(`/api/rebates/programs/${p.body.id}`)
      .set('Authorization', bearerOf(cm))
      .send({ terms, periodKind, stacking });
    expect(put.status).toBe(200);
    return p.body.id as number;
  };
  /** Arrowhead's POS report: [invoice, quantity, resale price] of VS-MCU-32F4 on a day. */
  const report = async (lines: [string, number, string][], day = '2026-08-10') => {
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Resale',
      ...lines.map(([inv, q, p]) => `${inv},1,${day},VS-MCU-32F4,${q},${p}`),
    ].join('\n');
    const res = await t.http.post('/api/imports?wait=true').set('Authorization', bearerOf(arrow)).set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(201);
    expect(res.body.rowsAccepted).toBe(lines.length);
    return res.body.id as number;
  };
  const tiered = {
    kind: 'tiered',
    mode: 'retroactive',
    measure: 'quantity',
    productIds: [] as number[],
    tiers: [
      { from: '100', rate: { kind: 'per_unit', value: '0.10' } },
      { from: '500', rate: { kind: 'per_unit', value: '0.20' } },
    ],
  };
  const ledgerClean = async () => {
    const r = await checkLedger(t.db.sequelize);
    expect(r.violations).toEqual([]);
  };

  it('stores terms only on a rebate program, and refuses bad terms naming the field', async () => {
    const sd = ((await cm.get('/api/programs')).body.items as { id: number; code: string }[]).find((p) => p.code === 'SD-2026')!;
    const put = (c: Client, id: number, body: object) =>
      t.http.put(`/api/rebates/programs/${id}`).set('Authorization', bearerOf(c)).send(body);
    expect((await put(cm, sd.id, { terms: tiered, periodKind: 'quarter' })).body.code).toBe('NOT_A_REBATE_PROGRAM');
    const id = await program(tiered);
    const bad = await put(cm, id, {
      terms: { ...tiered, tiers: [{ from: 'ten', rate: { kind: 'per_unit', value: '1' } }] },
      periodKind: 'quarter',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('terms.tiers.0.from');
    const unknown = await put(cm, id, { terms: { ...tiered, productIds: [mcu, 999999] }, periodKind: 'quarter' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ field: 'terms.productIds.1', message: 'no such product (999999)' }]);
    expect((await put(finance, id, { terms: tiered, periodKind: 'quarter' })).status).toBe(403);
    expect((await put(arrow, id, { terms: tiered, periodKind: 'quarter' })).status).toBe(403);
    const got = await arrow.get(`/api/rebates/programs/${id}`);
    expect(got.body).toMatchObject({
      id,
      periodKind: 'quarter',
      stacking: 'exclusive',
      terms: { kind: 'tiered', mode: 'retroactive' },
    });
    const audit = await admin.get(`/api/audit?entityType=program&action=rebate_program.created`);
    expect(audit.body.items.some((e: { entityId: string }) => e.entityId === String(id))).toBe(true);
  });

  it('runs a demo program of each kind with real figures', async () => {
    const kinds = ((await arrow.get('/api/rebates/programs')).body.items as { terms: { kind: string } }[]).map((p) => p.terms.kind);
    expect(new Set(kinds)).toEqual(new Set(['volume', 'tiered', 'growth', 'mix', 'conditional']));
    const items = (await arrow.get('/api/rebates/progress?date=2026-11-30')).body.items as {
      code: string;
      rebate: string;
      message: string;
    }[];
    expect(items.find((i) => i.code === 'REB-TIER-MCU-26')).toMatchObject({ rebate: '316.68', message: '2361 units to the next tier' });
    expect(items.filter((i) => i.rebate !== '0.00').length).toBeGreaterThanOrEqual(3);
  });

  let closedId: number;
  let firstImport: number;
  it('calculates over stored POS lines, shows progress and answers what-if', async () => {
    // 100 at 5.00, 200 at 5.50, 50 at 6.00: 350 units, 1,900.00 revenue; a return of 20 lowers it to 330.
    firstImport = await report([
      ['RB-A-1', 100, '5.00'],
      ['RB-A-2', 200, '5.50'],
      ['RB-A-3', 50, '6.00'],
    ]);
    await report([['RB-A-1', -20, '5.00']], '2026-08-20');
    const id = await program(tiered);
    const calc = await arrow.get(`/api/rebates/programs/${id}/calculation?date=2026-08-15`);
    expect(calc.status).toBe(200);
    expect(calc.body.period).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    // retroactive: 330 units reach the 100 band: 330 x 0.10 = 33.00; 170 units to 500.
    expect(calc.body.calculation).toMatchObject({
      measure: '330',
      rebate: '33.00',
      countedLines: 3,
      next: { threshold: '500', remaining: '170' },
    });
    expect(calc.body.currency).toBe('USD');
    const progress = await arrow.get('/api/rebates/progress?date=2026-08-15');
    expect(progress.body.items.find((i: { programId: number }) => i.programId === id)).toMatchObject({
      current: '330',
      rebate: '33.00',
      message: '170 units to the next tier',
    });
    // What-if: 200 more units at 1,000.00 reach the 500 band: 530 x 0.20 = 106.00, 73.00 more.
    const wi = await arrow.post(`/api/rebates/programs/${id}/preview`, {
      date: '2026-08-15',
      more: { productId: mcu, quantity: 200, amount: '1000' },
    });
    expect(wi.status).toBe(200);
    expect(wi.body).toMatchObject({ now: { rebate: '33.00' }, then: { rebate: '106.00', measure: '530' }, difference: '73' });
    // A vendor user names the distributor; without it, a 400 naming the field.
    expect((await cm.get(`/api/rebates/programs/${id}/calculation?date=2026-08-15`)).body.errors[0].field).toBe('distributorId');
    const vendor = await cm.get(`/api/rebates/programs/${id}/calculation?date=2026-08-15&distributorId=${arrowheadId}`);
    expect(vendor.body.calculation.rebate).toBe('33.00');
    closedId = id;
  });

  it('keeps distributors apart', async () => {
    const other = await north.get(`/api/rebates/programs/${closedId}/calculation?date=2026-08-15&distributorId=${arrowheadId}`);
    expect({ status: other.status, field: other.body.errors?.[0]?.field }).toEqual({ status: 403, field: 'distributorId' });
    const own = await north.get(`/api/rebates/programs/${closedId}/calculation?date=2026-08-15`);
    expect(own.body.calculation).toMatchObject({ countedLines: 0, rebate: '0.00' });
    expect(own.body.currency).toBe('EUR');
  });

  let periodId: number;
  it('closes, adjusts, authorizes by a second person and pays through the settlement service', async () => {
    const running = await finance.post('/api/rebates/periods', {
      programId: closedId,
      distributorId: arrowheadId,
      date: new Date().toISOString().slice(0, 10),
    });
    expect(running.body.code).toBe('PERIOD_NOT_OVER');
    expect((await arrow.post('/api/rebates/periods', { programId: closedId, distributorId: arrowheadId, date: '2026-08-15' })).status).toBe(
      403,
    );
    const closed = await finance.post('/api/rebates/periods', { programId: closedId, distributorId: arrowheadId, date: '2026-08-15' });
    expect(closed.status).toBe(201);
    periodId = closed.body.id;
    expect(closed.body).toMatchObject({
      status: 'closed',
      amount: '33.0000',
      calculatedAmount: '33.0000',
      lineCount: 3,
      totalQuantity: 330,
      totalRevenue: '1800.0000',
      period: { from: '2026-07-01', to: '2026-09-30' },
    });
    expect(
      (await finance.post('/api/rebates/periods', { programId: closedId, distributorId: arrowheadId, date: '2026-09-01' })).body.code,
    ).toBe('REBATE_PERIOD_CLOSED');
    // The closer may not authorize; an adjustment needs whole cents and a reason.
    expect((await finance.post(`/api/rebates/periods/${periodId}/authorize`)).body.code).toBe('SEPARATION_OF_DUTIES');
    expect((await finance2.post(`/api/rebates/periods/${periodId}/adjust`, { amount: '30.005', reason: 'late returns' })).status).toBe(400);
    expect((await finance2.post(`/api/rebates/periods/${periodId}/adjust`, { amount: '30.00' })).status).toBe(400);
    // The admin adjusts first, finance2 after: the period names finance2 as its adjuster, and
    // the admin, who adjusted it before, may not authorize it either.
    expect((await admin.post(`/api/rebates/periods/${periodId}/adjust`, { amount: '31.00', reason: 'first count' })).status).toBe(200);
    const adjusted = await finance2.post(`/api/rebates/periods/${periodId}/adjust`, { amount: '30.00', reason: 'late returns' });
    expect(adjusted.body).toMatchObject({ amount: '30.0000', calculatedAmount: '33.0000', adjustmentReason: 'late returns' });
    expect((await finance2.post(`/api/rebates/periods/${periodId}/authorize`)).body.code).toBe('SEPARATION_OF_DUTIES');
    expect((await admin.post(`/api/rebates/periods/${periodId}/authorize`)).body.code).toBe('SEPARATION_OF_DUTIES');
    expect((await cm.post(`/api/rebates/periods/${periodId}/authorize`)).status).toBe(403);
    expect((await finance.post(`/api/rebates/periods/${periodId}/pay`, {})).body.code).toBe('REBATE_PERIOD_NOT_AUTHORIZED');
    // A fourth person with finance's rights (another finance user) authorizes.
    await t.db.sequelize.query(
      `INSERT INTO users (email, name, role, distributor_id, password_hash, active, created_at, updated_at)
       SELECT 'finance3@voltaic.example', 'Third Finance', role, NULL, password_hash, active, created_at, updated_at FROM users WHERE email = ?`,
      { replacements: [USERS.finance] },
    );
    const finance3 = await t.as('finance3@voltaic.example');
    const authorized = await finance3.post(`/api/rebates/periods/${periodId}/authorize`);
    expect(authorized.body.status).toBe('authorized');
    expect((await finance.post(`/api/rebates/periods/${periodId}/adjust`, { amount: '1.00', reason: 'too late' })).body.code).toBe(
      'REBATE_PERIOD_NOT_CLOSED',
    );
    const paid = await finance.post(`/api/rebates/periods/${periodId}/pay`, { externalRef: 'ERP-77' });
    expect(paid.body).toMatchObject({ status: 'paid', amount: '30.0000', externalRef: 'ERP-77' });
    expect(paid.body.creditMemoNumber).toMatch(/^CM-/);
    expect((await finance.post(`/api/rebates/periods/${periodId}/pay`, {})).status).toBe(409);
    // The lines a closed period counted are its frozen inputs: their import cannot be voided.
    const voided = await arrow.post(`/api/imports/${firstImport}/void`, { reason: 'wrong file' });
    expect(voided.status).toBe(409);
    expect(voided.body.detail ?? voided.body.message ?? JSON.stringify(voided.body)).toMatch(/rebate period/);
    // The distributor sees its own period; another distributor does not.
    expect((await arrow.get(`/api/rebates/periods/${periodId}`)).body.status).toBe('paid');
    expect((await north.get(`/api/rebates/periods/${periodId}`)).status).toBe(404);
    expect((await north.get('/api/rebates/periods')).body.items).toEqual([]);
    const audit = (await admin.get(`/api/audit?entityType=rebate_period`)).body.items.filter(
      (e: { entityId: string }) => e.entityId === String(periodId),
    ) as { action: string; reason: string | null }[];
    expect(audit.map((e) => e.action).sort()).toEqual(
      [
        'credit_memo.issued',
        'rebate_period.adjusted',
        'rebate_period.adjusted',
        'rebate_period.authorized',
        'rebate_period.closed',
        'rebate_period.paid',
      ].sort(),
    );
    expect(audit.filter((e) => e.action === 'rebate_period.adjusted').map((e) => e.reason)).toEqual(
      expect.arrayContaining(['first count', 'late returns']),
    );
    await ledgerClean();
  });

  it('applies stacking: an exclusive rebate keeps its sales from other rebates and from ship & debit claims', async () => {
    // The three sales above are the exclusive program's now: another program counts none of them.
    const second = await program(tiered, 'with_rebates');
    const calc = await arrow.get(`/api/rebates/programs/${second}/calculation?date=2026-08-15`);
    expect(calc.body.calculation).toMatchObject({ countedLines: 0, excludedByStacking: 3 });
    // A ship & debit claim on one of them is ALREADY_CLAIMED.
    const auth = await approvedAuthorization(t, { quantity: 1000, cost: '4.0000', part: 'VS-MCU-32F4' });
    const line = (invoiceNumber: string, quantity: number) => ({
      authorizationNumber: auth.number,
      vendorPartNumber: 'VS-MCU-32F4',
      endCustomerName: auth.customer,
      invoiceNumber,
      invoiceLine: '1',
      invoiceDate: '2026-10-15',
      quantity,
      bookCost: '5.2890', // the book cost on record (check:ledger compares with the line's)
      authorizedCost: '4.0000',
    });
    const claim = await arrow.post('/api/claims', { lines: [line('RB-A-2', 200)] });
    const submitted = await arrow.post(`/api/claims/${claim.body.id}/submit`);
    expect(submitted.body.lines[0]).toMatchObject({ verdict: 'rejected' });
    expect(submitted.body.lines[0].reasonCodes).toContain('ALREADY_CLAIMED');

    // A sale a claim paid first: a with_rebates program leaves it, a with_all program counts it.
    await report([['RB-C-1', 40, '5.00']], '2026-10-15');
    const paidClaim = await arrow.post('/api/claims', { lines: [line('RB-C-1', 40)] });
    const ok = await arrow.post(`/api/claims/${paidClaim.body.id}/submit`);
    expect(ok.body.lines[0].verdict).toBe('accepted');
    const volume = { kind: 'volume', measure: 'quantity', rate: { kind: 'per_unit', value: '0.05' } };
    // Programs of that one day (a custom period), so the demo's sales of the quarter stay out.
    const withRebates = await program(volume, 'with_rebates', 'custom', ['2026-10-15', '2026-10-15']);
    const withAll = await program(volume, 'with_all', 'custom', ['2026-10-15', '2026-10-15']);
    const q4 = async (id: number) => (await arrow.get(`/api/rebates/programs/${id}/calculation?date=2026-10-20`)).body.calculation;
    expect(await q4(withRebates)).toMatchObject({ countedLines: 0, excludedByStacking: 1 });
    expect(await q4(withAll)).toMatchObject({ countedLines: 1, measure: '40', rebate: '2.00' });
    await ledgerClean();
  });
});
