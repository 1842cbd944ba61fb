/**
 * Channel analytics and exchange rates (issue 16 part 3) on the real app and database: a small
 * world of 2025 (before the demo's 2026 data) written into the tables, every figure computed by
 * hand below; rates put by the API and loaded by CSV (row errors, decimal commas, audit); each
 * report per currency and in the base currency with the rate and its day; a missing rate said;
 * CSV export; tenant isolation.
 */
import { Money } from '../../core/money.js';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface Row {
  keys: Record<string, string>;
  currency: string;
  values: Record<string, string | number | null>;
  figureDate: string;
  base: { currency: string; rate: string; rateDate: string | null; values: Record<string, string | null> } | null;
  missingRate: string | null;
}

describeDb('channel analytics and exchange rates', () => {
  let t: TestApp;
  let admin: Client;
  let finance: Client;
  let cm: Client;
  let arrow: Client;
  let north: Client;
  let arrowheadId: number;
  let northbridgeId: number;
  const Q = 'from=2025-01-01&to=2025-06-30';

  const insert = async (table: string, row: Record<string, unknown>): Promise<number> => {
    const now = new Date();
    const qi = t.db.sequelize.getQueryInterface();
    try {
      await qi.bulkInsert(table, [{ created_at: now, updated_at: now, ...row }]);
    } catch (err) {
      throw new Error(`insert into ${table}: ${String((err as { parent?: unknown }).parent ?? err)}`);
    }
    const [rows] = await t.db.sequelize.query(`SELECT MAX(id) AS id FROM ${table}`);
    return Number((rows as { id: number }[])[0]!.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    [admin, finance, cm, arrow, north] = await Promise.all(
      [USERS.admin, USERS.finance, USERS.cm, USERS.arrowhead, USERS.northbridge].map((u) => t.as(u)),
    );
    const d = (await admin.get('/api/accounts?type=distributor')).body.items as { id: number; name: string }[];
    arrowheadId = d.find((x) => x.name === 'Arrowhead Components')!.id;
    northbridgeId = d.find((x) => x.name === 'Northbridge Electronics')!.id;
    const [users] = await t.db.sequelize.query(`SELECT id FROM users WHERE email = 'cm@voltaic.example'`);
    const userId = (users as { id: number }[])[0]!.id;

    // One product, one program (2025-03-01..04-30: a 61-day window, baseline 2024-12-30..2025-02-28).
    const product = await insert('products', { vendor_part_number: 'AN-X', description: 'analytics test part' });
    const program = await insert('programs', {
      code: 'AN-SD-2025',
      name: 'analytics test program',
      type: 'ship_and_debit',
      status: 'active',
      start_date: '2025-03-01',
      end_date: '2025-04-30',
      product_ids: '[]',
      distributor_ids: '[]',
      end_customer_ids: '[]',
      required_claim_fields: '[]',
      created_by_user_id: userId,
    });
    const authLine = async (distributorId: number, number: string, approved: number, cost: string) => {
      const a = await insert('authorizations', {
        number,
        version: 1,
        distributor_id: distributorId,
        program_id: program,
        status: 'active',
        valid_from: '2025-03-01',
        valid_to: '2025-04-30',
      });
      return insert('authorization_lines', {
        authorization_id: a,
        product_id: product,
        authorized_cost: cost,
        approved_quantity: approved,
        consumed_quantity: 0,
        valid_from: '2025-03-01',
        valid_to: '2025-04-30',
      });
    };
    const al1 = await authLine(arrowheadId, 'AN-A-1', 20, '3.0000');
    const al2 = await authLine(northbridgeId, 'AN-N-1', 10, '7.5000');
    let claims = 0;
    const claim = async (
      distributorId: number,
      currency: string,
      status: string,
      submitted: string,
      line: {
        al: number;
        qty: number;
        book: string;
        auth: string;
        resale: string;
        claimed: string;
        approved: string;
        accepted: number;
        invoice: string;
      },
    ) => {
      const c = await insert('claims', {
        number: `AN-C-${++claims}`,
        distributor_id: distributorId,
        program_id: program,
        program_type: 'ship_and_debit',
        type: 'explicit',
        status,
        currency,
        claimed_total: line.claimed,
        computed_total: line.claimed,
        approved_total: line.approved,
        submitted_at: status === 'draft' ? null : new Date(`${submitted}T12:00:00Z`),
        paid_at: status === 'paid' ? new Date(`${submitted}T13:00:00Z`) : null,
        created_by_user_id: userId,
      });
      await insert('claim_lines', {
        claim_id: c,
        distributor_id: distributorId,
        line_number: 1,
        authorization_line_id: line.al,
        product_id: product,
        vendor_part_number: 'AN-X',
        invoice_number: `INV-${claims}`,
        invoice_line: '1',
        invoice_key: `INV-${claims}`,
        line_key: '1',
        invoice_date: line.invoice,
        quantity: line.qty,
        book_cost: line.book,
        authorized_cost: line.auth,
        resale_price: line.resale,
        claimed_amount: line.claimed,
        computed_amount: line.claimed,
        accepted_quantity: line.accepted,
        approved_amount: line.approved,
        verdict: 'accepted',
        reason_codes: '[]',
      });
    };
    // Arrowhead (USD): paid in March, in review in April (4 of 5 accepted), and a draft that counts nowhere.
    await claim(arrowheadId, 'USD', 'paid', '2025-03-10', {
      al: al1,
      qty: 10,
      book: '5.0000',
      auth: '3.0000',
      resale: '6.0000',
      claimed: '20.0000',
      approved: '20.0000',
      accepted: 10,
      invoice: '2025-03-05',
    });
    await claim(arrowheadId, 'USD', 'submitted', '2025-04-02', {
      al: al1,
      qty: 5,
      book: '5.0000',
      auth: '3.0000',
      resale: '7.0000',
      claimed: '10.0000',
      approved: '8.0000',
      accepted: 4,
      invoice: '2025-04-01',
    });
    await claim(arrowheadId, 'USD', 'draft', '2025-04-03', {
      al: al1,
      qty: 100,
      book: '5.0000',
      auth: '3.0000',
      resale: '7.0000',
      claimed: '999.0000',
      approved: '0.0000',
      accepted: 0,
      invoice: '2025-04-01',
    });
    // Northbridge (EUR): paid in March.
    await claim(northbridgeId, 'EUR', 'paid', '2025-03-15', {
      al: al2,
      qty: 4,
      book: '10.0000',
      auth: '7.5000',
      resale: '12.0000',
      claimed: '10.0000',
      approved: '10.0000',
      accepted: 4,
      invoice: '2025-03-12',
    });

    const pos = (distributorId: number, invoice: string, day: string, qty: number, resale: string) =>
      insert('pos_lines', {
        distributor_id: distributorId,
        invoice_number: invoice,
        invoice_line: '1',
        invoice_key: invoice,
        line_key: '1',
        invoice_date: day,
        product_id: product,
        vendor_part_number: 'AN-X',
        quantity: qty,
        resale_price: resale,
      });
    await pos(arrowheadId, 'P-1', '2025-02-10', 5, '6.0000'); // baseline: 30.0000
    await pos(arrowheadId, 'P-2', '2025-03-05', 10, '6.0000'); // window: 60.0000
    await pos(arrowheadId, 'P-3', '2025-04-01', 5, '7.0000'); // window: 35.0000
    await pos(northbridgeId, 'P-9', '2025-03-12', 4, '12.0000'); // window: 48.0000 EUR
  });
  afterAll(() => t.close());

  const put = (c: Client, body: object) => t.http.put('/api/fx-rates').set('Authorization', bearerOf(c)).send(body);
  const upload = (c: Client, csv: string, query = '') =>
    t.http.post(`/api/fx-rates/upload${query}`).set('Authorization', bearerOf(c)).set('Content-Type', 'text/csv').send(csv);
  const rowsOf = async (c: Client, report: string, query = Q) => {
    const res = await c.get(`/api/analytics/${report}?${query}`);
    expect(res.status).toBe(200);
    return res.body.rows as Row[];
  };

  it('says a missing rate instead of guessing one', async () => {
    const rows = await rowsOf(finance, 'by-month', `${Q}&distributorId=${northbridgeId}`);
    const march = rows.find((r) => r.keys.month === '2025-03')!;
    expect(march.currency).toBe('EUR');
    expect(march.base).toBeNull();
    expect(march.missingRate).toContain('no EUR→USD rate on or before 2025-03-31');
  });

  it('puts rates (finance, audited) and refuses them to a distributor and a channel manager', async () => {
    const res = await put(finance, {
      rates: [
        { from: 'EUR', to: 'USD', effectiveDate: '2025-03-20', rate: '1.08' },
        { from: 'eur', to: 'USD', effectiveDate: '2025-01-01', rate: '1.1' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { change: string }) => i.change)).toEqual(['create', 'create']);
    expect((await put(arrow, { rates: [{ from: 'EUR', to: 'USD', effectiveDate: '2025-03-21', rate: '1' }] })).status).toBe(403);
    expect((await put(cm, { rates: [{ from: 'EUR', to: 'USD', effectiveDate: '2025-03-21', rate: '1' }] })).status).toBe(403);
    const bad = await put(finance, { rates: [{ from: 'EUR', to: 'USD', effectiveDate: '2025-02-30', rate: '1.2.3' }] });
    expect(bad.status).toBe(400);
    const audit = (await admin.get('/api/audit?entityType=fx_rate')).body.items as {
      action: string;
      entityId: string;
      after: { rate: string };
    }[];
    expect(audit.map((a) => a.entityId)).toEqual(expect.arrayContaining(['EUR/USD/2025-03-20', 'EUR/USD/2025-01-01']));
    // Everyone signed in reads them, newest day first.
    const list = (await arrow.get('/api/fx-rates?from=EUR')).body.items as { effectiveDate: string; rate: string }[];
    expect(list.map((r) => [r.effectiveDate, r.rate])).toEqual([
      ['2025-03-20', '1.08'],
      ['2025-01-01', '1.1'],
    ]);
  });

  it('loads rates from CSV: decimal commas, row errors with their rows, the valid rows kept', async () => {
    const csv =
      '\uFEFFFrom;To;Effective Date;Rate\r\nEUR;USD;2025-04-30;1,0856\r\nEUR;USD;2025-05-31;abc\r\nXXQ;USD;2025-05-31;1,2\r\nEUR;USD;2025-04-30;1,09\r\nGBP;USD;2025-06-30;1,25\r\n';
    const res = await upload(finance, csv, '?decimalMark=,');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 5, stored: 2, created: 2 });
    expect(res.body.errors.map((e: { row: number; field: string | null }) => [e.row, e.field])).toEqual([
      [3, 'rate'],
      [4, 'from'],
      [5, null],
    ]);
    const rates = (await finance.get('/api/fx-rates?to=USD')).body.items as {
      from: string;
      effectiveDate: string;
      rate: string;
      source: string;
    }[];
    expect(rates.find((r) => r.from === 'EUR' && r.effectiveDate === '2025-04-30')).toMatchObject({ rate: '1.0856', source: 'csv' });
    expect(rates.find((r) => r.from === 'GBP')).toMatchObject({ rate: '1.25' });
    expect((await upload(north, csv)).status).toBe(403);
  });

  it('reports by month per currency and in the base currency at the latest rate on or before each month end', async () => {
    const rows = await rowsOf(finance, 'by-month');
    const mine = rows.filter((r) => r.keys.month! >= '2025-01' && r.keys.month! <= '2025-06');
    const pick = (month: string, currency: string) => mine.find((r) => r.keys.month === month && r.currency === currency)!;
    // March, USD: Arrowhead's paid claim (20) and its POS revenue 60.
    expect(pick('2025-03', 'USD').values).toEqual({ claimed: '20.0000', approved: '20.0000', paid: '20.0000', posRevenue: '60.0000' });
    expect(pick('2025-03', 'USD').base).toMatchObject({ rate: '1', rateDate: null, values: { claimed: '20.0000' } });
    // March, EUR: Northbridge 10 paid, POS 48; at 1.08 (2025-03-20, the latest on or before 03-31): 10.8000 and 51.8400.
    const eur = pick('2025-03', 'EUR');
    expect(eur.values).toEqual({ claimed: '10.0000', approved: '10.0000', paid: '10.0000', posRevenue: '48.0000' });
    expect(eur.figureDate).toBe('2025-03-31');
    expect(eur.base).toEqual({
      currency: 'USD',
      rate: '1.08',
      rateDate: '2025-03-20',
      values: { claimed: '10.8000', approved: '10.8000', paid: '10.8000', posRevenue: '51.8400' },
    });
    // April, USD: claimed 10, approved 8, nothing paid, POS 35; the draft's 999 nowhere.
    expect(pick('2025-04', 'USD').values).toEqual({ claimed: '10.0000', approved: '8.0000', paid: '0.0000', posRevenue: '35.0000' });
    // February: the baseline sale only.
    expect(pick('2025-02', 'USD').values).toEqual({ claimed: '0.0000', approved: '0.0000', paid: '0.0000', posRevenue: '30.0000' });
  });

  it('reports by distributor, program, program type and product; the program revenue is the claimed sales', async () => {
    const byProduct = (await rowsOf(finance, 'by-product')).filter((r) => r.keys.product === 'AN-X');
    expect(byProduct.map((r) => [r.currency, r.values])).toEqual([
      ['EUR', { claimed: '10.0000', approved: '10.0000', paid: '10.0000', posRevenue: '48.0000' }],
      ['USD', { claimed: '30.0000', approved: '28.0000', paid: '20.0000', posRevenue: '125.0000' }],
    ]);
    // EUR as of `to` (2025-06-30): the latest EUR rate is 1.0856 (2025-04-30).
    expect(byProduct[0]!.base).toMatchObject({ rate: '1.0856', rateDate: '2025-04-30', values: { posRevenue: '52.1088' } });
    const byProgram = (await rowsOf(finance, 'by-program')).filter((r) => r.keys.program === 'AN-SD-2025');
    // Sales under the program: 10 x 6 + 5 x 7 = 95 USD; 4 x 12 = 48 EUR.
    expect(byProgram.map((r) => [r.currency, r.values.posRevenue])).toEqual([
      ['EUR', '48.0000'],
      ['USD', '95.0000'],
    ]);
    const byType = (await rowsOf(finance, 'by-program-type', `${Q}&distributorId=${arrowheadId}`)).filter(
      (r) => r.keys.programType === 'ship_and_debit',
    );
    expect(byType.map((r) => [r.currency, r.values.claimed, r.values.approved])).toEqual([['USD', '30.0000', '28.0000']]);
    const byDistributor = await rowsOf(finance, 'by-distributor', `${Q}&distributorId=${northbridgeId}`);
    expect(byDistributor).toHaveLength(1);
    expect(byDistributor[0]).toMatchObject({ keys: { distributor: 'Northbridge Electronics' }, currency: 'EUR' });
  });

  it('computes the margin and discount trend per product and month', async () => {
    const rows = (await rowsOf(finance, 'margin-trend')).filter((r) => r.keys.product === 'AN-X');
    const march = rows.find((r) => r.keys.month === '2025-03' && r.currency === 'USD')!;
    // 10 units: resale 60, book 50, authorized 30; margins (60-50)/60 and (60-30)/60; discount (50-30)/50.
    expect(march.values).toEqual({
      quantity: 10,
      resaleRevenue: '60.0000',
      bookCostTotal: '50.0000',
      authorizedCostTotal: '30.0000',
      avgResalePrice: '6.0000',
      avgBookCost: '5.0000',
      avgAuthorizedCost: '3.0000',
      marginAtBook: '0.1667',
      marginAtAuthorized: '0.5000',
      discount: '0.4000',
    });
    const eur = rows.find((r) => r.keys.month === '2025-03' && r.currency === 'EUR')!;
    // 4 x 12 = 48, 4 x 10 = 40, 4 x 7.5 = 30; per unit in USD at 1.08: 12.9600, 10.8000, 8.1000.
    expect(eur.values).toMatchObject({ resaleRevenue: '48.0000', marginAtBook: '0.1667', discount: '0.2500' });
    expect(eur.base!.values).toMatchObject({ avgResalePrice: '12.9600', avgBookCost: '10.8000', avgAuthorizedCost: '8.1000' });
  });

  it('computes program ROI: window sales against the baseline before it, against credits paid', async () => {
    const rows = (await rowsOf(finance, 'program-roi')).filter((r) => r.keys.program === 'AN-SD-2025');
    const usd = rows.find((r) => r.currency === 'USD')!;
    expect(usd.keys).toEqual({ program: 'AN-SD-2025', window: '2025-03-01..2025-04-30', baseline: '2024-12-30..2025-02-28' });
    // Window 60 + 35 = 95; baseline 30; incremental 65; paid 20: 3.25 of sales per unit of credit.
    expect(usd.values).toEqual({
      programSales: '95.0000',
      baselineSales: '30.0000',
      incrementalSales: '65.0000',
      creditsPaid: '20.0000',
      roi: '3.2500',
    });
    const eur = rows.find((r) => r.currency === 'EUR')!;
    expect(eur.values).toEqual({
      programSales: '48.0000',
      baselineSales: '0.0000',
      incrementalSales: '48.0000',
      creditsPaid: '10.0000',
      roi: '4.8000',
    });
  });

  it('computes utilization: approved against claimed, accepted and paid', async () => {
    const rows = (await rowsOf(finance, 'utilization')).filter((r) => r.keys.program === 'AN-SD-2025');
    const usd = rows.find((r) => r.currency === 'USD')!;
    // Approved 20; claimed 10 + 5 (the draft's 100 not); accepted 10 + 4; paid 10.
    expect(usd.values).toEqual({
      approvedQuantity: 20,
      claimedQuantity: 15,
      acceptedQuantity: 14,
      paidQuantity: 10,
      claimedShare: '0.7500',
      acceptedShare: '0.7000',
      paidShare: '0.5000',
      claimed: '30.0000',
      approved: '28.0000',
      paid: '20.0000',
    });
    expect(rows.find((r) => r.currency === 'EUR')!.values).toMatchObject({ approvedQuantity: 10, paidQuantity: 4, paidShare: '0.4000' });
  });

  it('exports each report as CSV with the rate beside the converted figures', async () => {
    const res = await finance.get(`/api/analytics/by-month?${Q}&distributorId=${northbridgeId}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Month,Currency,Claimed,Approved,Paid,POS revenue,Base currency,Rate,Rate date,Claimed (USD),Approved (USD),Paid (USD),POS revenue (USD),Note',
    );
    expect(lines).toContain('2025-03,EUR,10.0000,10.0000,10.0000,48.0000,USD,1.08,2025-03-20,10.8000,10.8000,10.8000,51.8400,');
  });

  it("shows a distributor its own figures only; another distributor's distributorId is a 403", async () => {
    for (const report of ['by-distributor', 'by-month', 'program-roi', 'utilization', 'margin-trend']) {
      const rows = await rowsOf(arrow, report, Q);
      expect(rows.every((r) => r.currency === 'USD')).toBe(true);
      const other = await arrow.get(`/api/analytics/${report}?${Q}&distributorId=${northbridgeId}`);
      expect({ report, status: other.status, code: other.body.code }).toEqual({ report, status: 403, code: 'FORBIDDEN' });
    }
    const byDistributor = await rowsOf(arrow, 'by-distributor', Q);
    expect(byDistributor.map((r) => r.keys.distributor)).toEqual(['Arrowhead Components']);
    const roi = (await rowsOf(north, 'program-roi')).filter((r) => r.keys.program === 'AN-SD-2025');
    expect(roi.map((r) => [r.currency, r.values.creditsPaid])).toEqual([['EUR', '10.0000']]);
  });

  it('converts the accruals exposure of every currency through the same rate table', async () => {
    expect((await put(finance, { rates: [{ from: 'EUR', to: 'USD', effectiveDate: '2026-11-01', rate: '1.1' }] })).status).toBe(200);
    // the demo world is written today: as of today its exposure is there (asOf applies to every figure)
    const today = new Date().toISOString().slice(0, 10);
    const res = await finance.get(`/api/reports/accruals?asOf=${today}`);
    const exposure = Object.fromEntries(
      (res.body.exposureByCurrency as { currency: string; exposure: string }[]).map((e) => [e.currency, e.exposure]),
    );
    const eurInUsd = new Money(exposure.EUR!).times('1.1').toFixed(4);
    expect(res.body.exposureInBase).toEqual({
      currency: 'USD',
      asOf: today,
      total: new Money(exposure.USD!).plus(eurInUsd).toFixed(4),
      byCurrency: [
        { currency: 'EUR', amount: exposure.EUR, rate: '1.1', rateDate: '2026-11-01', inBase: eurInUsd, missingRate: null },
        { currency: 'USD', amount: exposure.USD, rate: '1', rateDate: null, inBase: exposure.USD, missingRate: null },
      ],
    });
    expect(new Money(exposure.EUR!).isZero()).toBe(false);
  });
});
