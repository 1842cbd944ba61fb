import { Money } from '../../core/money.js';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

/** A day N days from today (UTC), as YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Program {
  id: number;
  code: string;
  version: number;
  claimFilingWindowDays: number | null;
  priceFloor: string | null;
}

describeDb('program builder, versions and filing windows', () => {
  let t: TestApp;
  let admin: Client;
  let cm: Client;
  let arrow: Client;
  let product: (part: string) => number;
  let customer: (name: string) => number;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as(USERS.admin);
    cm = await t.as(USERS.cm);
    arrow = await t.as(USERS.arrowhead);
    const products = (await admin.get('/api/products')).body.items as { id: number; vendorPartNumber: string }[];
    product = (part) => products.find((p) => p.vendorPartNumber === part)!.id;
    const customers = (await admin.get('/api/accounts?type=end_customer')).body.items as { id: number; name: string }[];
    customer = (name) => customers.find((c) => c.name === name)!.id;
  });
  afterAll(() => t.close());

  const base = (code: string, extra: Record<string, unknown> = {}) => ({
    code,
    name: `Program ${code}`,
    type: 'ship_and_debit',
    startDate: day(-120),
    endDate: day(200),
    ...extra,
  });
  const request = (programId: number, lines: { part: string; quantity: number; cost: string }[], endCustomer = 'Cascade Robotics') =>
    arrow.post('/api/requests', {
      programId,
      endCustomerId: customer(endCustomer),
      validFrom: day(-100),
      validTo: day(100),
      justification: 'program builder test',
      lines: lines.map((l) => ({ productId: product(l.part), quantity: l.quantity, requestedCost: l.cost })),
    });

  it('refuses a bad definition with one error per field', async () => {
    const bad = await admin.post('/api/programs', {
      ...base('bad code'),
      endDate: day(-200),
      endCustomerCountries: ['de', 'FR'],
      requiredClaimFields: ['resellerPoNumber', 'reseller po', 'resellerPoNumber'],
      claimFilingWindowDays: 0,
      quantityCap: 0,
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(
      [
        'claimFilingWindowDays',
        'code',
        'endCustomerCountries.0',
        'endDate',
        'quantityCap',
        'requiredClaimFields',
        'requiredClaimFields.1',
      ].sort(),
    );
    const unknown = await admin.post('/api/programs', base('UNKNOWN-REF', { productIds: [product('VS-MCU-32F4'), 999999] }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ field: 'productIds.1', message: 'no such product (999999)' }]);
    // a PATCH is checked merged with what it keeps: an end date before the kept start date
    const ok = await admin.post('/api/programs', base('PATCH-CHECK'));
    const reversed = await admin.patch(`/api/programs/${ok.body.id}`, { endDate: day(-200) });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ field: 'endDate', message: 'endDate is before startDate' }]);
  });

  it('lets only vendor admins and channel managers build programs; a distributor sees only its own', async () => {
    const finance = await t.as(USERS.finance);
    expect((await finance.post('/api/programs', base('FIN-1'))).status).toBe(403);
    expect((await arrow.post('/api/programs', base('DIST-1'))).status).toBe(403);
    const byCm = await cm.post('/api/programs', base('CM-1', { distributorIds: [] }));
    expect(byCm.status).toBe(201);
    expect((await arrow.patch(`/api/programs/${byCm.body.id}`, { name: 'mine now' })).status).toBe(403);
    const north = (await admin.get('/api/accounts?type=distributor')).body.items.find((a: { name: string }) =>
      a.name.startsWith('Northbridge'),
    );
    const theirs = await admin.post('/api/programs', base('NORTH-ONLY', { distributorIds: [north.id] }));
    expect((await arrow.get(`/api/programs/${theirs.body.id}/versions`)).status).toBe(404);
    expect((await (await t.as(USERS.northbridge)).get(`/api/programs/${theirs.body.id}/versions`)).status).toBe(200);
  });

  it('corrects an unused program in place, and versions a program once a request uses it', async () => {
    const created = await admin.post('/api/programs', base('VERSIONED', { priceFloor: '1.0000', claimFilingWindowDays: 60 }));
    expect(created.body).toMatchObject({ version: 1, claimFilingWindowDays: 60 });
    const id = created.body.id as number;
    // nothing uses it yet: a correction, still version 1
    const corrected = await admin.patch(`/api/programs/${id}`, { name: 'Versioned program' });
    expect(corrected.body.version).toBe(1);
    const first = await request(id, [{ part: 'VS-ADC-24S', quantity: 10, cost: '5.5000' }]);
    expect(first.status).toBe(201);
    expect(first.body.programVersion).toBe(1);
    // now live: the change is version 2, effective now, and version 1 is kept as it was
    const changed = await cm.patch(`/api/programs/${id}`, { priceFloor: '5.6000', claimFilingWindowDays: 30 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, priceFloor: '5.6000', claimFilingWindowDays: 30 });
    const versions = (await arrow.get(`/api/programs/${id}/versions`)).body.items as {
      version: number;
      effectiveFrom: string;
      effectiveTo: string | null;
      program: Program;
    }[];
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]!.program).toMatchObject({ name: 'Versioned program', priceFloor: '1.0000', claimFilingWindowDays: 60 });
    expect(versions[1]!.effectiveTo).toBe(versions[0]!.effectiveFrom);
    expect(versions[0]!.effectiveTo).toBeNull();
    // the request keeps the version it was made under; a new one is made under version 2 and its floor
    expect((await arrow.get(`/api/requests/${first.body.id}`)).body.programVersion).toBe(1);
    const below = await request(id, [{ part: 'VS-ADC-24S', quantity: 10, cost: '5.5000' }]);
    expect(below.status).toBe(422);
    expect(below.body.errors).toEqual([{ field: 'lines.0.requestedCost', message: "5.5000 is below the program's price floor of 5.6000" }]);
    const second = await request(id, [{ part: 'VS-ADC-24S', quantity: 10, cost: '5.6000' }]);
    expect(second.body.programVersion).toBe(2);
    // audited: created, updated (in place), versioned (with before and after)
    const events = (await admin.get(`/api/audit?entityType=program&entityId=${id}`)).body.items as {
      action: string;
      before: Program | null;
      after: Program;
    }[];
    expect(events.map((e) => e.action)).toEqual(['program.versioned', 'program.updated', 'program.created']);
    expect(events[0]!.before!.version).toBe(1);
    expect(events[0]!.after.version).toBe(2);
  });

  it('holds requests and counter-offers to the price floor and the quantity cap (per request line)', async () => {
    const p = (await admin.post('/api/programs', base('FLOOR-CAP', { priceFloor: '5.0000', quantityCap: 50 }))).body as Program;
    const refused = await request(p.id, [
      { part: 'VS-ADC-24S', quantity: 51, cost: '4.9999' },
      { part: 'VS-OPA-RR2', quantity: 50, cost: '5.0000' },
    ]);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('NOT_ELIGIBLE');
    expect(refused.body.errors).toEqual([
      { field: 'lines.0.quantity', message: "51 is above the program's quantity cap of 50" },
      { field: 'lines.0.requestedCost', message: "4.9999 is below the program's price floor of 5.0000" },
    ]);
    const ok = await request(p.id, [{ part: 'VS-ADC-24S', quantity: 50, cost: '5.0000' }]);
    expect(ok.status).toBe(201);
    const counter = await cm.post(`/api/requests/${ok.body.id}/counter`, {
      comment: 'lower?',
      lines: [{ lineId: ok.body.lines[0].id, counterCost: '4.5000', counterQuantity: 60 }],
    });
    expect(counter.status).toBe(422);
    expect(counter.body.errors.map((e: { field: string }) => e.field)).toEqual(['lines.0.counterQuantity', 'lines.0.counterCost']);
    expect((await arrow.get(`/api/requests/${ok.body.id}`)).body.status).toBe('pending');
  });

  it('checks the region (end customer country) and the product families', async () => {
    const p = (
      await admin.post('/api/programs', base('REGION-FAMILY', { productFamilies: ['Microcontrollers'], endCustomerCountries: ['DE'] }))
    ).body as Program;
    const wrong = await request(p.id, [{ part: 'VS-ADC-24S', quantity: 1, cost: '5.0000' }], 'Cascade Robotics');
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([
      { field: 'endCustomerId', message: 'the end customer is in US; the program covers DE' },
      { field: 'lines.0.productId', message: 'this product is not eligible for the program' },
    ]);
    const right = await request(p.id, [{ part: 'VS-MCU-32F4', quantity: 1, cost: '5.0000' }], 'Orion Automotive');
    expect(right.status).toBe(201);
  });

  it('rejects claim lines past the filing window with their own reason, and keeps the program version', async () => {
    const p = (
      await admin.post('/api/programs', base('WINDOW-60', { claimFilingWindowDays: 60, requiredClaimFields: ['resellerPoNumber'] }))
    ).body as Program;
    const req = await request(p.id, [{ part: 'VS-ADC-24S', quantity: 100, cost: '5.0000' }]);
    const approved = await cm.post(`/api/requests/${req.body.id}/approve`, { comment: 'ok' });
    const auth = (await arrow.get(`/api/authorizations/${approved.body.authorizationId}`)).body;
    const line = (n: number, invoiceDate: string, extra: Record<string, string> | null = { resellerPoNumber: `PO-${n}` }) => ({
      authorizationNumber: auth.number,
      vendorPartNumber: 'VS-ADC-24S',
      endCustomerName: 'Cascade Robotics',
      invoiceNumber: 'FW-INV-1',
      invoiceLine: String(n),
      invoiceDate,
      quantity: 1,
      bookCost: '6.0270',
      authorizedCost: '5.0000',
      ...(extra ? { extra } : {}),
    });
    const claim = await arrow.post('/api/claims', {
      debitMemoNumber: 'FW-1',
      submit: true,
      lines: [line(1, day(-59)), line(2, day(-60)), line(3, day(-61)), line(4, day(-10), null)],
    });
    expect(claim.status).toBe(201);
    const lines = claim.body.lines as {
      verdict: string;
      reasonCodes: string[];
      verdictInputs: Record<string, unknown>;
      messages?: string[];
    }[];
    expect(lines.map((l) => l.verdict)).toEqual(['accepted', 'accepted', 'rejected', 'rejected']);
    expect(lines[2]!.reasonCodes).toEqual(['FILING_WINDOW_CLOSED']);
    expect(lines[2]!.verdictInputs).toMatchObject({ programVersion: 1, claimFilingWindowDays: 60, filingDeadline: day(-1) });
    expect(lines[1]!.verdictInputs).toMatchObject({ filingDeadline: day(0) });
    expect(lines[3]!.reasonCodes).toEqual(['MISSING_REQUIRED_FIELD']);
    expect(lines[3]!.verdictInputs.missingFields).toEqual(['resellerPoNumber']);

    // The program drops the field (a new version, in force from today): a sale invoiced before still needs it.
    const changed = await admin.patch(`/api/programs/${p.id}`, { requiredClaimFields: [] });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    const after = await arrow.post('/api/claims', {
      debitMemoNumber: 'FW-2',
      submit: true,
      lines: [
        { ...line(5, day(-10), null), invoiceNumber: 'FW-INV-2' },
        { ...line(6, day(0), null), invoiceNumber: 'FW-INV-2' },
      ],
    });
    expect(after.status).toBe(201);
    const judged = after.body.lines as { verdict: string; reasonCodes: string[]; verdictInputs: Record<string, unknown> }[];
    expect(judged.map((l) => l.reasonCodes)).toEqual([['MISSING_REQUIRED_FIELD'], []]);
    expect(judged[1]!.verdict).toBe('accepted');
  });
});

describeDb('aging report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  interface Cell {
    bucket: string;
    count: number;
    amount: string;
  }
  interface Row {
    distributorName: string;
    currency: string;
    buckets: Cell[];
  }
  const cell = (rows: Row[], distributor: string, bucket: string) =>
    rows.find((r) => r.distributorName === distributor)?.buckets.find((b) => b.bucket === bucket) ?? { bucket, count: 0, amount: '0.0000' };

  /** Arrowhead and finance, and what a request of Arrowhead's names: the SD-2026 program, Cascade Robotics, VS-ADC-24S. */
  async function requestParts() {
    const arrow = await t.as(USERS.arrowhead);
    const finance = await t.as(USERS.finance);
    const program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    const cascade = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0];
    const adc = (await arrow.get('/api/products')).body.items.find(
      (p: { vendorPartNumber: string }) => p.vendorPartNumber === 'VS-ADC-24S',
    );
    /** A request of Arrowhead's for one line of VS-ADC-24S, valid from today for 90 days. */
    const request = (justification: string, quantity: number, requestedCost: string) =>
      arrow.post('/api/requests', {
        programId: program.id,
        endCustomerId: cascade.id,
        validFrom: day(0),
        validTo: day(90),
        justification,
        lines: [{ productId: adc.id, quantity, requestedCost }],
      });
    return { arrow, finance, request };
  }

  it('ages a pending request and an unpaid claim across each bucket boundary, as of a day', async () => {
    const { arrow, finance, request } = await requestParts();
    const ages = [7, 8, 30, 31, 60, 61];
    const expected: Record<number, string> = { 7: '0-7', 8: '8-30', 30: '8-30', 31: '31-60', 60: '31-60', 61: 'over-60' };
    const before = new Map<number, { requests: Row[]; claims: Row[] }>();
    for (const age of ages) {
      const r = (await finance.get(`/api/reports/aging?asOf=${day(age)}`)).body;
      before.set(age, { requests: r.requests.byDistributor, claims: r.claims.byDistributor });
    }
    const created = await request('aging', 3, '5.1234');
    expect(created.status).toBe(201);
    for (const age of ages) {
      const res = await finance.get(`/api/reports/aging?asOf=${day(age)}`);
      expect(res.status).toBe(200);
      expect(res.body.buckets.map((b: { key: string }) => b.key)).toEqual(['0-7', '8-30', '31-60', 'over-60']);
      const bucket = expected[age]!;
      const was = cell(before.get(age)!.requests, 'Arrowhead Components', bucket);
      const now = cell(res.body.requests.byDistributor, 'Arrowhead Components', bucket);
      expect([age, now.count - was.count]).toEqual([age, 1]);
      // 3 x 5.1234, exact
      expect(new Money(now.amount).minus(was.amount).toFixed(4)).toBe('15.3702');
    }
    // asOf before it was made: not counted
    const yesterday = (await finance.get(`/api/reports/aging?asOf=${day(-1)}`)).body;
    const today = (await finance.get(`/api/reports/aging?asOf=${day(0)}`)).body;
    const count = (b: { requests: { byDistributor: Row[] } }) =>
      b.requests.byDistributor
        .filter((r) => r.distributorName === 'Arrowhead Components')
        .flatMap((r) => r.buckets)
        .reduce((n, c) => n + c.count, 0);
    expect(count(today) - count(yesterday)).toBeGreaterThanOrEqual(1);
    expect(cell(today.requests.byDistributor, 'Arrowhead Components', '0-7').count).toBeGreaterThanOrEqual(1);
    // a claim submitted today ages the same way
    const approved = await (await t.as(USERS.cm)).post(`/api/requests/${created.body.id}/approve`, { comment: 'ok' });
    const auth = (await arrow.get(`/api/authorizations/${approved.body.authorizationId}`)).body;
    const claim = await arrow.post('/api/claims', {
      debitMemoNumber: 'AGING-1',
      submit: true,
      lines: [
        {
          authorizationNumber: auth.number,
          vendorPartNumber: 'VS-ADC-24S',
          endCustomerName: 'Cascade Robotics',
          invoiceNumber: 'AG-INV-1',
          invoiceLine: '1',
          invoiceDate: day(0),
          quantity: 1,
          bookCost: '6.0270',
          authorizedCost: '5.1234',
        },
      ],
    });
    expect(claim.body.status).toBe('submitted');
    // a program without a filing window still records the version the line was judged by
    expect(claim.body.lines[0].verdictInputs.programVersion).toBe(1);
    for (const age of [30, 31]) {
      const res = (await finance.get(`/api/reports/aging?asOf=${day(age)}`)).body;
      const bucket = expected[age]!;
      const was = cell(before.get(age)!.claims, 'Arrowhead Components', bucket);
      const now = cell(res.claims.byDistributor, 'Arrowhead Components', bucket);
      expect(now.count - was.count).toBe(1);
      expect(new Money(now.amount).minus(was.amount).toFixed(4)).toBe(claim.body.approvedTotal);
    }
  });

  it('counts a request decided after asOf as waiting then, and not once it is decided', async () => {
    const { finance, request } = await requestParts();
    const waiting = async (asOf: string) => {
      const rows = (await finance.get(`/api/reports/aging?asOf=${asOf}`)).body.requests.byDistributor as Row[];
      return { days: cell(rows, 'Arrowhead Components', '8-30'), week: cell(rows, 'Arrowhead Components', '0-7') };
    };
    const before = { tenDaysAgo: await waiting(day(-10)), fiveDaysAgo: await waiting(day(-5)), today: await waiting(day(0)) };
    const created = await request('aging, decided later', 2, '1.0001');
    expect(created.status).toBe(201);
    // made twenty days ago (the arrangement: the API stamps a request with the time it is made)
    await t.db.sequelize.query('UPDATE price_requests SET created_at = ? WHERE id = ?', {
      replacements: [new Date(`${day(-20)}T12:00:00Z`), created.body.id],
    });
    const approved = await (await t.as(USERS.cm)).post(`/api/requests/${created.body.id}/approve`, { comment: 'ok' });
    expect(approved.status).toBe(200);
    // ten and five days ago it had waited 10 and 15 days (8-30); decided today, it waits no more as of today
    for (const [asOf, was] of [
      [day(-10), before.tenDaysAgo],
      [day(-5), before.fiveDaysAgo],
    ] as const) {
      const now = await waiting(asOf);
      expect([asOf, now.days.count - was.days.count, new Money(now.days.amount).minus(was.days.amount).toFixed(4)]).toEqual([
        asOf,
        1,
        '2.0002',
      ]);
    }
    const today = await waiting(day(0));
    expect([today.days.count, today.week.count]).toEqual([before.today.days.count, before.today.week.count]);
  });

  it('shows a distributor only its own rows, and refuses a bad asOf', async () => {
    const north = await t.as(USERS.northbridge);
    const res = await north.get(`/api/reports/aging?asOf=${day(400)}`);
    expect(res.status).toBe(200);
    const names = new Set([...res.body.requests.byDistributor, ...res.body.claims.byDistributor].map((r: Row) => r.distributorName));
    expect([...names].every((n) => n === 'Northbridge Electronics')).toBe(true);
    const bad = await north.get('/api/reports/aging?asOf=2026-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('asOf');
  });
});
