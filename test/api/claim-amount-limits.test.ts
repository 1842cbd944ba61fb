/**
 * Amounts beyond what a claim can carry, and claim files with nothing to claim: a row error (the
 * valid rows go on) or a 422 naming the claim, never a 500 and never an empty claim.
 */
import { QueryTypes } from 'sequelize';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, waitFor, type TestApp } from '../support/harness.js';

describeDb('amounts a claim can carry, and claim files with no line', () => {
  let t: TestApp;
  let auth: string;
  let authNumber: string;
  beforeAll(async () => {
    t = await startTestApp();
    auth = bearerOf(await t.as(USERS.arrowhead));
    authNumber = (await approvedAuthorization(t, { quantity: 5000, cost: '5.0270', justification: 'amount limits' })).number;
  });
  afterAll(() => t.close());

  const send = (path: string, csv: string) =>
    t.http.post(waitFor(path)).set('Authorization', auth).set('Content-Type', 'text/csv').send(csv);
  const get = (path: string) => t.http.get(path).set('Authorization', auth);
  const q = <T>(sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;
  const claimsWithMemo = async (memo: string) =>
    (await q<{ n: number }>('SELECT COUNT(*) AS n FROM claims WHERE debit_memo_number = ?', [memo])).map((r) => Number(r.n))[0];

  const header = 'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,Claim Amount,S&D Number,Debit Memo,End Customer';
  // (6.0270 book cost on record - 5.0270 authorized) = 1.00 a unit
  const row = (inv: string, ln: number, claimed = '', memo = '') =>
    `${inv},${ln},2026-10-20,VS-ADC-24S,2,6.0270,5.0270,${claimed},${authNumber},${memo},Cascade Robotics`;
  const HUGE = '99999999999999.9999';

  it('makes a claim line whose amount is beyond what a claim carries a row error, and claims the valid rows', async () => {
    const csv = [header, row('LIM-1', 1), row('LIM-1', 2, HUGE), row('LIM-1', 3, HUGE)].join('\n');
    const res = await send('/api/claims/file?debitMemoNumber=LIM-DM-1', csv);
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ status: 'submitted', lineCount: 1, claimedTotal: '2.0000' });
    expect(res.body.rows).toEqual({ read: 3, rejected: 2 });
    const errors = (await get(`/api/imports/${res.body.importId}/errors`)).body.items as {
      rowNumber: number;
      column: string;
      code: string;
    }[];
    expect(errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [3, 'claimedAmount', 'AMOUNT_TOO_LARGE'],
      [4, 'claimedAmount', 'AMOUNT_TOO_LARGE'],
    ]);
    // quantity x cost beyond it too
    const costly = [
      header,
      row('LIM-2', 1),
      `LIM-2,2,2026-10-20,VS-ADC-24S,100000000,6.0270,99999.0000,,${authNumber},,Cascade Robotics`,
    ].join('\n');
    const res2 = await send('/api/claims/file?debitMemoNumber=LIM-DM-2', costly);
    expect(res2.status).toBe(201);
    expect(res2.body.rows).toEqual({ read: 2, rejected: 1 });
    const [e2] = (await get(`/api/imports/${res2.body.importId}/errors`)).body.items as { column: string; code: string; message: string }[];
    expect(e2).toMatchObject({ column: 'authorizedCost', code: 'AMOUNT_TOO_LARGE' });
    expect(e2!.message).toMatch(/times the quantity 100000000/);
  });

  it('answers a claim file whose two lines add up past DECIMAL(18,4) with a 422, not a 500', async () => {
    const csv = [header, row('LIM-3', 1, HUGE), row('LIM-3', 2, HUGE)].join('\n');
    const res = await send('/api/claims/file?debitMemoNumber=LIM-DM-3', csv);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'NO_CLAIM_LINES', rowsRead: 2, rowsRejected: 2, importId: expect.any(Number) });
    expect(await claimsWithMemo('LIM-DM-3')).toBe(0);
  });

  it("refuses a claim whose lines' total passes what a claim carries with a 422 naming the claim, leaving nothing", async () => {
    const rows = [header];
    for (let i = 1; i <= 101; i++) rows.push(row('LIM-4', i, '999999999999.99'));
    const res = await send('/api/claims/file?debitMemoNumber=LIM-DM-4', rows.join('\n'));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CLAIM_TOTAL_TOO_LARGE', total: 'claimedTotal', claimNumber: expect.stringMatching(/^CLM/) });
    expect(res.body.detail).toContain(res.body.claimNumber);
    expect(await claimsWithMemo('LIM-DM-4')).toBe(0);
    expect((await get(`/api/imports/${res.body.importId}`)).body.status).toBe('failed');
  });

  it("claims an import's valid rows when some rows' amounts are beyond a claim, run after run, and lists those rows", async () => {
    const csv = [header, row('LIM-5', 1, '', 'LIM-DM-5'), row('LIM-5', 2, HUGE, 'LIM-DM-5'), row('LIM-5', 3, HUGE, 'LIM-DM-5')].join('\n');
    const imported = await send('/api/imports?fileName=limits.csv', csv);
    expect(imported.status).toBe(201);
    expect(imported.body.rowsAccepted).toBe(3);
    const run = await t.http
      .post(waitFor(`/api/imports/${imported.body.id}/claims`))
      .set('Authorization', auth)
      .send({ mode: 'implicit' });
    expect(run.status).toBe(201);
    expect(run.body.lines).toMatchObject({ claimed: 1 });
    expect(run.body.claims).toHaveLength(1);
    expect(run.body.claims[0]).toMatchObject({ status: 'submitted', lineCount: 1, claimedTotal: '2.0000', approvedTotal: '2.0000' });
    expect(run.body.refusedCount).toBe(2);
    expect(run.body.refused.map((r: { rowNumber: number; field: string; code: string }) => [r.rowNumber, r.field, r.code])).toEqual([
      [3, 'claimedAmount', 'AMOUNT_TOO_LARGE'],
      [4, 'claimedAmount', 'AMOUNT_TOO_LARGE'],
    ]);
    // a later run claims nothing more and fails nothing
    const again = await t.http
      .post(waitFor(`/api/imports/${imported.body.id}/claims`))
      .set('Authorization', auth)
      .send({ mode: 'implicit' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ claims: [], refusedCount: 2 });
  });

  it('answers a claim run whose claim total overflows with a 422 naming the claim, once, not retried as unexpected', async () => {
    const rows = [header];
    for (let i = 1; i <= 101; i++) rows.push(row('LIM-6', i, '999999999999.99', 'LIM-DM-6'));
    const imported = await send('/api/imports?fileName=overflow.csv', rows.join('\n'));
    expect(imported.status).toBe(201);
    const run = await t.http
      .post(waitFor(`/api/imports/${imported.body.id}/claims`))
      .set('Authorization', auth)
      .send({ mode: 'implicit' });
    expect(run.status).toBe(422);
    expect(run.body).toMatchObject({ code: 'CLAIM_TOTAL_TOO_LARGE', claimNumber: expect.stringMatching(/^CLM/) });
    const runId = Number(/claims\/(\d+)$/.exec(run.headers.location as string)![1]);
    const view = (await get(`/api/imports/${imported.body.id}/claims/${runId}`)).body;
    expect(view).toMatchObject({ status: 'failed', attempts: 1 });
    expect(JSON.parse(view.failure).code).toBe('CLAIM_TOTAL_TOO_LARGE');
    expect(await claimsWithMemo('LIM-DM-6')).toBe(0);
  });

  it('answers a header-only claim file, or one whose every row is bad, with 422 NO_CLAIM_LINES and makes no claim', async () => {
    const empty = await send('/api/claims/file?debitMemoNumber=LIM-DM-7', header + '\n');
    expect(empty.status).toBe(422);
    expect(empty.body).toMatchObject({ code: 'NO_CLAIM_LINES', rowsRead: 0, importId: expect.any(Number) });
    const bad = [
      header,
      `LIM-7,1,31.02.2026,VS-ADC-24S,2,6.0270,5.0270,,${authNumber},,Cascade Robotics`,
      `LIM-7,2,2026-10-20,VS-ADC-24S,-2,6.0270,5.0270,,${authNumber},,Cascade Robotics`,
    ];
    const res = await send('/api/claims/file?debitMemoNumber=LIM-DM-7', bad.join('\n'));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'NO_CLAIM_LINES', rowsRead: 2, rowsRejected: 2 });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['row 2 invoiceDate', 'row 3 quantity']);
    expect((await get(`/api/imports/${res.body.importId}/errors`)).body.items).toHaveLength(2);
    expect((await get(`/api/imports/${res.body.importId}`)).body.status).toBe('failed');
    expect(await claimsWithMemo('LIM-DM-7')).toBe(0);
    // the debit memo number stays free for the corrected file
    const fixed = await send('/api/claims/file?debitMemoNumber=LIM-DM-7', [header, row('LIM-7', 1)].join('\n'));
    expect(fixed.status).toBe(201);
  });
});
