/**
 * One sale, many spellings: the canonical POS key decides, on every path. A sale paid once on an
 * explicit claim is refused as already claimed when it comes back spelled another way (line "01",
 * " 1", "1.0", the invoice in lower case, with a trailing space, behind a zero-width character,
 * in full-width letters), by an explicit claim or a claim file; finance cannot pay a line without
 * the ledger, and payable amounts are whole minor units.
 */
import { QueryTypes } from 'sequelize';
import { parseMoney } from '../../core/money.js';
import { setLineAmount } from '../../server/settlement/settlement.service.js';
import { bearerOf, approvedAuthorization, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

describeDb('one sale, many spellings', () => {
  let t: TestApp;
  let arrow: Client;
  let finance: Client;
  let auth: { number: string; lineId: number };
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    finance = await t.as(USERS.finance);
    // A fresh authorization line of 1,000 units, so every test below has room.
    auth = await approvedAuthorization(t, { quantity: 1000, cost: '5.9270', justification: 'spellings' });
  });
  afterAll(() => t.close());

  const line = (invoiceNumber: string, invoiceLine: string, extra: Record<string, unknown> = {}) => ({
    authorizationNumber: auth.number,
    vendorPartNumber: 'VS-ADC-24S',
    endCustomerName: 'Cascade Robotics',
    invoiceNumber,
    invoiceLine,
    invoiceDate: '2026-10-15',
    quantity: 2,
    bookCost: '6.1000',
    authorizedCost: '5.9270',
    ...extra,
  });
  const claim = async (lines: object[], currency = 'USD') => {
    const res = await arrow.post('/api/claims', { currency, submit: true, lines });
    expect(res.status).toBe(201);
    return res.body as { id: number; status: string; lines: { id: number; verdict: string; reasonCodes: string[] }[] };
  };
  const q = <T>(sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;
  const consumedOf = async () =>
    Number((await q<{ c: number }>('SELECT consumed_quantity AS c FROM authorization_lines WHERE id = ?', [auth.lineId]))[0]!.c);
  const payable = async (invoiceKey: string, lineKey: string) =>
    Number(
      (
        await q<{ n: number }>(
          `SELECT COUNT(*) AS n FROM claim_lines WHERE invoice_key = ? AND line_key = ? AND verdict <> 'rejected' AND accepted_quantity > 0`,
          [invoiceKey, lineKey],
        )
      )[0]!.n,
    );

  const spellings: [string, string][] = [
    ['SP-1', '01'],
    ['SP-1', ' 1'],
    ['SP-1', '1.0'],
    ['sp-1', '1'],
    ['SP-1 ', '1'],
    ['\u200bSP-1', '1'],
    ['ＳＰ－１', '１'],
    ['SP-1', '001.00'],
  ];

  it('pays a sale once on explicit claims, whatever its spelling', async () => {
    const first = await claim([line('SP-1', '1')]);
    expect(['accepted', 'partial']).toContain(first.lines[0]!.verdict);
    const before = await consumedOf();
    for (const [inv, ln] of spellings) {
      const again = await claim([line(inv, ln)]);
      expect({ spelling: [inv, ln], verdict: again.lines[0]!.verdict }).toEqual({ spelling: [inv, ln], verdict: 'rejected' });
      expect(again.lines[0]!.reasonCodes).toContain('ALREADY_CLAIMED');
    }
    expect(await consumedOf()).toBe(before);
    expect(await payable('SP-1', '1')).toBe(1);
  });

  it('sees two spellings of one sale in one claim as a duplicate', async () => {
    const c = await claim([line('SP-2', '3'), line('sp-2', '03')]);
    expect(c.lines[0]!.verdict).not.toBe('rejected');
    expect(c.lines[1]!.verdict).toBe('rejected');
    expect(c.lines[1]!.reasonCodes).toContain('DUPLICATE_LINE');
  });

  it('refuses, in a claim file, a sale an explicit claim paid under another spelling', async () => {
    const bearer = bearerOf(arrow);
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer',
      `sp-1 ,001,2026-10-15,VS-ADC-24S,2,6.1000,5.9270,${auth.number},Cascade Robotics`,
      `SP-3,1,2026-10-15,VS-ADC-24S,2,6.1000,5.9270,${auth.number},Cascade Robotics`,
    ].join('\n');
    const res = await t.http.post('/api/claims/file?wait=true').set('Authorization', bearer).set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(201);
    const lines = (await arrow.get(`/api/claims/${res.body.claim.id}/lines`)).body.items as { verdict: string; reasonCodes: string[] }[];
    expect(lines[0]!.verdict).toBe('rejected');
    expect(lines[1]!.verdict).not.toBe('rejected');
    expect(lines[0]!.reasonCodes).toContain('ALREADY_CLAIMED');
    expect(await payable('SP-1', '1')).toBe(1);
  });

  it("refuses, in a POS import's claim run, a sale an explicit claim paid under another spelling", async () => {
    const bearer = bearerOf(arrow);
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer',
      `sp-1 ,0001,2026-10-15,VS-ADC-24S,2,6.1000,5.9270,${auth.number},Cascade Robotics`,
      `SP-POS-9,1,2026-10-15,VS-ADC-24S,2,6.1000,5.9270,${auth.number},Cascade Robotics`,
    ].join('\n');
    const imported = await t.http.post('/api/imports?wait=true').set('Authorization', bearer).set('Content-Type', 'text/csv').send(csv);
    expect(imported.status).toBe(201);
    const run = await arrow.post(`/api/imports/${imported.body.id}/claims?wait=true`, { mode: 'implicit' });
    expect(run.status).toBe(201);
    // the engine saw the ledger's key before the line took anything: rejected, not lost afterwards
    expect(run.body.lines).toMatchObject({ claimed: 2, accepted: 1, rejected: 1 });
    const [c] = run.body.claims as { id: number }[];
    const lines = (await arrow.get(`/api/claims/${c!.id}/lines`)).body.items as {
      invoiceNumber: string;
      verdict: string;
      reasonCodes: string[];
    }[];
    const paid = lines.find((l) => l.invoiceNumber.trim().toUpperCase() === 'SP-1')!;
    expect(paid.verdict).toBe('rejected');
    expect(paid.reasonCodes).toContain('ALREADY_CLAIMED');
    expect(lines.find((l) => l.invoiceNumber === 'SP-POS-9')!.verdict).not.toBe('rejected');
    expect(await payable('SP-1', '1')).toBe(1);
    expect(await payable('SP-POS-9', '1')).toBe(1);
  });

  it("does not count another distributor's paid sale against a claim run: the ledger's key is the distributor's", async () => {
    // Arrowhead paid SP-1/1 above (the tests of this file run in order); Northbridge reports the same invoice number and line.
    expect(await payable('SP-1', '1')).toBe(1);
    const north = await t.as(USERS.northbridge);
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer',
      `SP-1,1,2026-10-15,VS-ADC-24S,2,6.1000,5.9270,${auth.number},Cascade Robotics`,
    ].join('\n');
    const imported = await t.http
      .post('/api/imports?wait=true')
      .set('Authorization', bearerOf(north))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(imported.status).toBe(201);
    const run = await north.post(`/api/imports/${imported.body.id}/claims?wait=true`, { mode: 'implicit' });
    expect(run.status).toBe(201);
    const [c] = run.body.claims as { id: number }[];
    const [l] = (await north.get(`/api/claims/${c!.id}/lines`)).body.items as { verdict: string; reasonCodes: string[] }[];
    // rejected (Arrowhead's authorization is not Northbridge's), but never as already claimed
    expect(l!.reasonCodes).toContain('AUTH_NOT_FOR_DISTRIBUTOR');
    expect(l!.reasonCodes).not.toContain('ALREADY_CLAIMED');
  });

  it('refuses to pay, by an adjustment, a line rejected because its sale is paid elsewhere', async () => {
    const c = await claim([line('sp-1', '1.0'), line('SP-4', '1')]);
    expect(c.status).toBe('submitted');
    const dup = c.lines[0]!;
    expect(dup.reasonCodes).toContain('ALREADY_CLAIMED');
    const before = await consumedOf();
    const res = await finance.post(`/api/claims/${c.id}/lines/${dup.id}/adjust`, { approvedAmount: '0.30', reason: 'pay it anyway' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ALREADY_CLAIMED');
    expect(await consumedOf()).toBe(before);
    expect(await payable('SP-1', '1')).toBe(1);
  });

  it('takes the ledger when finance raises a rejected line, releases it at 0 and takes it again', async () => {
    // Claimed cost above the authorized one: rejected by rule, its sale not taken.
    const c = await claim([line('SP-5', '1', { authorizedCost: '5.0000', claimedAmount: '0.30' }), line('SP-6', '1')]);
    const rejected = c.lines[0]!;
    expect(rejected.verdict).toBe('rejected');
    const before = await consumedOf();
    // The authorized credit: (book cost on record 6.0270 − authorized 5.9270) × 2 = 0.20, below the 0.30 claimed.
    const above = await finance.post(`/api/claims/${c.id}/lines/${rejected.id}/adjust`, { approvedAmount: '0.21', reason: 'vendor error' });
    expect(above.status).toBe(400);
    expect(above.body.errors).toEqual([{ field: 'approvedAmount', message: 'between 0 and 0.2000' }]);
    expect(await consumedOf()).toBe(before);
    const up = await finance.post(`/api/claims/${c.id}/lines/${rejected.id}/adjust`, { approvedAmount: '0.20', reason: 'vendor error' });
    expect(up.status).toBe(200);
    expect(up.body.lines.find((l: { id: number }) => l.id === rejected.id)).toMatchObject({
      verdict: 'adjusted',
      approvedAmount: '0.2000',
      computedAmount: '0.2000',
      acceptedQuantity: 2,
    });
    expect(await consumedOf()).toBe(before + 2);
    expect(await payable('SP-5', '1')).toBe(1);
    const zero = await finance.post(`/api/claims/${c.id}/lines/${rejected.id}/adjust`, { approvedAmount: '0', reason: 'not payable' });
    expect(zero.status).toBe(200);
    expect(await consumedOf()).toBe(before);
    // Another claim takes the sale meanwhile: raising the line again is refused.
    const other = await claim([line('sp-5', '01')]);
    expect(other.lines[0]!.verdict).not.toBe('rejected');
    const again = await finance.post(`/api/claims/${c.id}/lines/${rejected.id}/adjust`, {
      approvedAmount: '0.30',
      reason: 'payable after all',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_CLAIMED');
    expect(await payable('SP-5', '1')).toBe(1);
  });

  it('refuses, at the settlement step itself, to set an amount on a line of a claim no longer in review', async () => {
    // every line rejected: the claim is rejected whole at its submit
    const c = await claim([line('SP-RJ', '1', { authorizedCost: '5.0000', claimedAmount: '0.30' })]);
    expect(c.status).toBe('rejected');
    const lineId = c.lines[0]!.id;
    const before = await consumedOf();
    const res = await finance.post(`/api/claims/${c.id}/lines/${lineId}/adjust`, { approvedAmount: '0.20', reason: 'pay it anyway' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CLAIM_NOT_IN_REVIEW');
    // the same step called directly, as any path would: refused, nothing taken
    const claimRow = (await q<{ distributorId: number }>('SELECT distributor_id AS distributorId FROM claims WHERE id = ?', [c.id]))[0]!;
    await expect(
      t.db.sequelize.transaction((tx) =>
        setLineAmount(
          { claimId: c.id, lineId, distributorId: claimRow.distributorId, currency: 'USD', amount: parseMoney('0.20'), userId: 1 },
          tx,
        ),
      ),
    ).rejects.toMatchObject({ code: 'CLAIM_NOT_IN_REVIEW', status: 409 });
    expect(await consumedOf()).toBe(before);
    expect(await payable('SP-RJ', '1')).toBe(0);
  });

  it('refuses payable amounts that are not whole minor units', async () => {
    const c = await claim([line('SP-7', '1')]);
    const res = await finance.post(`/api/claims/${c.id}/lines/${c.lines[0]!.id}/adjust`, {
      approvedAmount: '0.0051',
      reason: 'a fraction of a cent',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('approvedAmount');
    const claimed = await arrow.post('/api/claims', { currency: 'USD', lines: [line('SP-8', '1', { claimedAmount: '0.1234' })] });
    expect(claimed.status).toBe(400);
    expect(JSON.stringify(claimed.body)).toContain('lines.0.claimedAmount');
  });
});

describeDb('debit memo numbers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('frees the debit memo of a claim rejected whole for the corrected claim, and holds a standing one', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const body = (auth: string) => ({
      submit: true,
      debitMemoNumber: 'ARW-DM-REJ-1',
      lines: [
        {
          authorizationNumber: auth,
          vendorPartNumber: 'VS-ETH-PHY',
          endCustomerName: 'Cascade Robotics',
          invoiceNumber: 'DM-REJ-1',
          invoiceLine: '1',
          invoiceDate: '2026-10-20',
          quantity: 5,
          bookCost: '3.8950',
          authorizedCost: '3.2000',
        },
      ],
    });
    const wrong = await arrow.post('/api/claims', body('SD-NO-SUCH-1'));
    expect(wrong.status).toBe(201);
    expect(wrong.body.status).toBe('rejected');
    const auth = (await arrow.get('/api/authorizations')).body.items.find((a: { lines: unknown[] }) => a.lines.length === 1).number;
    const corrected = await arrow.post('/api/claims', body(auth));
    expect(corrected.status).toBe(201);
    expect(corrected.body.status).toBe('submitted');
    expect(corrected.body.debitMemoNumber).toBe('ARW-DM-REJ-1');
    const third = await arrow.post('/api/claims', body(auth));
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('CLAIM_ALREADY_EXISTS');
  });
});
