/**
 * What a money cell's sign says, through the real API: an amount in another currency than the
 * file's (the distributor's, or the claim's) is a row error CURRENCY_MISMATCH, never a claim in the
 * wrong currency; a negative amount on a sale is a row error NEGATIVE_AMOUNT (a return's amounts
 * are kept as their value, the quantity carries the sign); a return flag that says "sale" beside a
 * negative quantity is a row error naming both; a quantity beyond 100,000,000 units is refused.
 * A claim's claimed total never falls below its approved total.
 */
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, waitFor, type TestApp } from '../support/harness.js';

interface RowError {
  rowNumber: number;
  column: string | null;
  code: string;
  message: string;
}

describeDb('money signs, negative amounts, returns and quantities in POS and claim files', () => {
  let t: TestApp;
  let arrow: string;
  let north: string;
  let authNumber: string;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = bearerOf(await t.as(USERS.arrowhead));
    north = bearerOf(await t.as(USERS.northbridge));
    authNumber = (await approvedAuthorization(t, { quantity: 5000, cost: '2.0500', part: 'VS-PMIC-45A', justification: 'signs' })).number;
  });
  afterAll(() => t.close());

  const send = (auth: string, path: string, csv: string) =>
    t.http.post(waitFor(path)).set('Authorization', auth).set('Content-Type', 'text/csv').send(csv);
  const report = async (auth: string, importId: number) =>
    ((await t.http.get(`/api/imports/${importId}/errors`).set('Authorization', auth)).body.items as RowError[]).map((e) => [
      e.rowNumber,
      e.column,
      e.code,
    ]);

  const HEADER = 'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Authorized Cost,Debit Amount,S&D Number,Return Flag,End Customer';
  const row = (inv: string, ln: number, c: { qty?: string; book?: string; auth?: string; debit?: string; flag?: string } = {}) =>
    [
      inv,
      String(ln),
      '2026-10-20',
      'VS-PMIC-45A',
      c.qty ?? '5',
      c.book ?? '2.6322',
      c.auth ?? '2.05',
      c.debit ?? '',
      authNumber,
      c.flag ?? '',
      'Cascade Robotics',
    ].join(',');

  it('tells each distributor the currency its files are read in (GET /api/imports/mapping), as the browser preflight reads them', async () => {
    const mine = await t.http.get('/api/imports/mapping').set('Authorization', arrow);
    expect(mine.status).toBe(200);
    expect(mine.body.currency).toBe('USD');
    const theirs = await t.http.get('/api/imports/mapping').set('Authorization', north);
    expect(theirs.body.currency).toBe('EUR');
    // A vendor user naming the distributor gets that distributor's.
    const cm = await t.as(USERS.cm);
    const distributors = (await cm.get('/api/accounts?type=distributor')).body.items as { id: number; name: string }[];
    const northbridgeId = distributors.find((d) => d.name === 'Northbridge Electronics')!.id;
    const onBehalf = await cm.get(`/api/imports/mapping?distributorId=${northbridgeId}`);
    expect(onBehalf.body.currency).toBe('EUR');
  });

  it("refuses a claim file's euro amounts for a USD distributor, naming the column, the currency written and the claim's", async () => {
    const csv = [
      HEADER,
      row('SG-1', 1, { book: '$2.6322', auth: 'US$ 2.05', debit: '5.82 USD' }),
      row('SG-1', 2, { book: '€2.6322', auth: '€2.05', debit: '€5.82' }),
      row('SG-1', 3, { book: 'EUR 2.6322' }),
    ].join('\n');
    const res = await send(arrow, '/api/claims/file?debitMemoNumber=SG-DM-1', csv);
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ currency: 'USD', lineCount: 1, claimedTotal: '5.8200' });
    expect(res.body.rows).toEqual({ read: 3, rejected: 2 });
    const errors = (await t.http.get(`/api/imports/${res.body.importId}/errors`).set('Authorization', arrow)).body.items as RowError[];
    expect(errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [3, 'bookCost', 'CURRENCY_MISMATCH'],
      [3, 'authorizedCost', 'CURRENCY_MISMATCH'],
      [3, 'claimedAmount', 'CURRENCY_MISMATCH'],
      [4, 'bookCost', 'CURRENCY_MISMATCH'],
    ]);
    expect(errors[0]!.message).toBe(
      `Book Cost "€2.6322" is in EUR (€), but the file's currency is USD: amounts are not converted, write them in USD`,
    );
  });

  it("previews other currencies' signs and codes as row errors, and the file's own as amounts", async () => {
    const header = 'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Resale Price';
    const cells = ['£12.50', '¥1250', 'CHF 12.50', '12.50 CHF', '$12.50', 'US$12.50', '12.50 USD'];
    const csv = [header, ...cells.map((c, i) => `PV-1,${i + 1},2026-11-02,VS-PMIC-45A,1,${c}`)].join('\n');
    const usd = await send(arrow, '/api/imports/preview', csv);
    expect(usd.status).toBe(200);
    expect(usd.body.errors.map((e: RowError) => [e.rowNumber, e.column, e.code])).toEqual([
      [2, 'resalePrice', 'CURRENCY_MISMATCH'],
      [3, 'resalePrice', 'CURRENCY_MISMATCH'],
      [4, 'resalePrice', 'CURRENCY_MISMATCH'],
      [5, 'resalePrice', 'CURRENCY_MISMATCH'],
    ]);
    expect(usd.body.errors[1].message).toContain('"¥1250" is in "¥" (JPY, CNY)');
    expect(usd.body.lines.map((l: { resalePrice: string }) => l.resalePrice)).toEqual(['12.50', '12.50', '12.50']);
    // Northbridge's files are in euros: "€" and "EUR" read, "$" does not
    const eur = await send(
      north,
      '/api/imports/preview',
      [
        header,
        'PV-2,1,2026-11-02,VS-PMIC-45A,1,€12.50',
        'PV-2,2,2026-11-02,VS-PMIC-45A,1,12.50 EUR',
        'PV-2,3,2026-11-02,VS-PMIC-45A,1,$12.50',
      ].join('\n'),
    );
    expect(eur.body.lines.map((l: { resalePrice: string }) => l.resalePrice)).toEqual(['12.50', '12.50']);
    expect(eur.body.errors.map((e: RowError) => [e.rowNumber, e.code])).toEqual([[4, 'CURRENCY_MISMATCH']]);
  });

  it('refuses negative amounts on a claim file sale: no negative claim line, claimed total not below approved', async () => {
    const csv = [
      HEADER,
      row('NG-1', 1, { debit: '2.00' }),
      row('NG-1', 2, { debit: '(4.07)' }),
      row('NG-1', 3, { debit: '-4.07' }),
      row('NG-1', 4, { auth: '-2.05' }),
    ].join('\n');
    const res = await send(arrow, '/api/claims/file?debitMemoNumber=NG-DM-1', csv);
    expect(res.status).toBe(201);
    expect(res.body.rows).toEqual({ read: 4, rejected: 3 });
    expect(await report(arrow, res.body.importId)).toEqual([
      [3, 'claimedAmount', 'NEGATIVE_AMOUNT'],
      [4, 'claimedAmount', 'NEGATIVE_AMOUNT'],
      [5, 'authorizedCost', 'NEGATIVE_AMOUNT'],
    ]);
    const claim = (await t.http.get(`/api/claims/${res.body.claim.id}`).set('Authorization', arrow)).body as {
      claimedTotal: string;
      approvedTotal: string;
      lines: { claimedAmount: string }[];
    };
    expect(claim.lines.map((l) => l.claimedAmount)).toEqual(['2.0000']);
    expect(Number(claim.claimedTotal)).toBeGreaterThanOrEqual(Number(claim.approvedTotal));
  });

  it("keeps a return's negative amounts as their value, refuses a sale's, and claims an import's sales with claimed total ≥ approved", async () => {
    const csv = [
      HEADER,
      row('NG-2', 1, { debit: '5.82' }),
      row('NG-2', 2, { debit: '(5.82)' }),
      row('NG-2', 1, { qty: '-2', debit: '(2.33)' }),
      row('NG-2', 3, { qty: '2', debit: '-2.33', flag: 'Y' }),
    ].join('\n');
    const imported = await send(arrow, '/api/imports?fileName=signs.csv', csv);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ rowsAccepted: 3, rowsRejected: 1 });
    expect(await report(arrow, imported.body.id)).toEqual([[3, 'claimedAmount', 'NEGATIVE_AMOUNT']]);
    const lines = (await t.http.get(`/api/imports/${imported.body.id}/lines`).set('Authorization', arrow)).body.items as {
      invoiceLine: string;
      quantity: number;
      claimedAmount: string;
      isReturn: boolean;
    }[];
    expect(lines.map((l) => [l.invoiceLine, l.quantity, l.claimedAmount, l.isReturn])).toEqual([
      ['1', 5, '5.8200', false],
      ['1', -2, '2.3300', true],
      ['3', -2, '2.3300', true],
    ]);
    const run = await t.http
      .post(waitFor(`/api/imports/${imported.body.id}/claims`))
      .set('Authorization', arrow)
      .send({ mode: 'implicit' });
    expect(run.status).toBe(201);
    expect(run.body.claims).toHaveLength(1);
    for (const c of run.body.claims as { claimedTotal: string; approvedTotal: string }[])
      expect(Number(c.claimedTotal)).toBeGreaterThanOrEqual(Number(c.approvedTotal));
    expect(run.body.claims[0]).toMatchObject({ lineCount: 1, claimedTotal: '5.8200' });
  });

  it('refuses a negative quantity whose return flag says sale, naming both columns, and quantities beyond 100,000,000', async () => {
    const csv = [
      HEADER,
      row('RQ-1', 1, { qty: '-5', flag: 'N' }),
      row('RQ-1', 2, { qty: '100000001' }),
      row('RQ-1', 3, { qty: '-100000001' }),
      row('RQ-1', 4, { qty: '100000000' }),
    ].join('\n');
    const res = await send(arrow, '/api/imports?fileName=quantities.csv', csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rowsAccepted: 1, rowsRejected: 3 });
    const errors = (await t.http.get(`/api/imports/${res.body.id}/errors`).set('Authorization', arrow)).body.items as RowError[];
    expect(errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [2, 'creditReturn', 'RETURN_FLAG_CONFLICT'],
      [3, 'quantity', 'INVALID_QUANTITY'],
      [4, 'quantity', 'INVALID_QUANTITY'],
    ]);
    expect(errors[0]!.message).toMatch(/^Return Flag "N" says the line is a sale, but Qty "-5" is negative, a return/);
    expect(errors[1]!.message).toContain('from 1 to 100,000,000');
  });
});
