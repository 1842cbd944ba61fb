/**
 * A claim file's Debit Memo and Distributor ID columns:
 * - rows all naming one debit memo (spelled any way, blank cells aside) give the claim that memo
 *   when the request names none, under the same CLAIM_ALREADY_EXISTS check as the query's;
 * - rows naming two memos or more are refused whole (422 DEBIT_MEMO_MIXED naming the memos and the
 *   rows of the first that differs), leaving no claim;
 * - with the memo named by the request, a row naming another is a row error (DEBIT_MEMO_MISMATCH);
 * - a row naming another distributor is a row error (DISTRIBUTOR_MISMATCH); the others are claimed.
 */
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface RowError {
  rowNumber: number;
  column: string | null;
  code: string;
  message: string;
}

describeDb('claim files: the Debit Memo and Distributor ID columns', () => {
  let t: TestApp;
  let arrow: Client;
  let auth: Awaited<ReturnType<typeof approvedAuthorization>>;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    auth = await approvedAuthorization(t, { quantity: 1000, cost: '2.0000' });
  });
  afterAll(() => t.close());

  const HEADER =
    'Distributor ID,Debit Memo,Invoice No,Line,Invoice Date,Mfr Part,Qty,S&D Number,Book Cost,Authorized Cost,End Customer Name';
  /** A claim file of one line per [debit memo, invoice] (or [debit memo, invoice, distributor]). */
  const file = (rows: [memo: string, invoice: string, distributor?: string][]) =>
    [
      HEADER,
      ...rows.map(([memo, inv, distributor = '']) =>
        [distributor, memo, inv, '1', '2026-11-12', auth.part, '4', auth.number, '3.00', '2.00', auth.customer].join(','),
      ),
    ].join('\r\n');
  const send = (csv: string, q = '') =>
    t.http.post(`/api/claims/file?wait=true${q}`).set('Authorization', bearerOf(arrow)).set('Content-Type', 'text/csv').send(csv);
  const claimCount = async () => (await arrow.get('/api/claims?pageSize=1')).body.total as number;
  const errorsOf = async (importId: number) => (await arrow.get(`/api/imports/${importId}/errors`)).body.items as RowError[];

  let memoClaimId: number;
  it('gives the claim the one debit memo its rows name (any spelling, blank cells aside), as it is first written', async () => {
    const res = await send(
      file([
        ['DM-COL-1', 'DC-100'],
        [' dm-col-1 ', 'DC-101'],
        ['', 'DC-102'],
      ]),
    );
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ debitMemoNumber: 'DM-COL-1', status: 'submitted', lineCount: 3 });
    expect(res.body.rows).toEqual({ read: 3, rejected: 0 });
    memoClaimId = res.body.claim.id;
    // The claim's submit event names where its memo came from.
    const admin = await t.as(USERS.admin);
    const audit = (await admin.get(`/api/audit?action=claim.submitted&entityType=claim&entityId=${memoClaimId}`)).body.items as {
      after: Record<string, unknown>;
    }[];
    expect(audit[0]!.after).toMatchObject({ debitMemoNumber: 'DM-COL-1', debitMemoFrom: 'file' });
  });

  it('refuses a file whose rows name a debit memo a standing claim holds, as the query parameter is: 409 CLAIM_ALREADY_EXISTS, no claim', async () => {
    const claims = await claimCount();
    const res = await send(file([['Dm-Col-1', 'DC-200']]));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CLAIM_ALREADY_EXISTS', claimId: memoClaimId });
    expect(await claimCount()).toBe(claims);
  });

  it('refuses a file whose rows name two debit memos with 422 DEBIT_MEMO_MIXED naming the memos and the rows of the second; no claim', async () => {
    const claims = await claimCount();
    const res = await send(
      file([
        ['DM-A', 'DM2-1'],
        ['DM-B', 'DM2-2'],
        ['dm-a', 'DM2-3'],
        ['DM-B', 'DM2-4'],
        ['DM-C', 'DM2-5'],
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'DEBIT_MEMO_MIXED', debitMemoNumbers: ['DM-A', 'DM-B', 'DM-C'], rows: [3, 5] });
    expect(res.body.importId).toEqual(expect.any(Number));
    expect(res.body.detail).toContain('names 3 debit memos (DM-A: rows 2, 4; DM-B: rows 3, 5; DM-C: row 6)');
    expect(res.body.detail).toContain('debitMemoNumber');
    expect(res.body.errors[0]).toEqual({ field: 'row 3 Debit Memo', message: 'names debit memo DM-B, row 2 names DM-A' });
    expect(await claimCount()).toBe(claims);
    expect((await arrow.get(`/api/imports/${res.body.importId}`)).body.status).toBe('failed');
    // Its memos stay free: the first memo's rows alone make their claim.
    const alone = await send(file([['DM-A', 'DM2-1']]));
    expect(alone.status).toBe(201);
    expect(alone.body.claim.debitMemoNumber).toBe('DM-A');
  });

  it('keeps the memo the request names: a row naming another is a row error naming it, the other rows are claimed', async () => {
    const res = await send(
      file([
        ['dm-q-1', 'DQ-1'],
        ['DM-OTHER', 'DQ-2'],
        ['', 'DQ-3'],
      ]),
      '&debitMemoNumber=DM-Q-1',
    );
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ debitMemoNumber: 'DM-Q-1', lineCount: 2 });
    expect(res.body.rows).toEqual({ read: 3, rejected: 1 });
    const errors = await errorsOf(res.body.importId);
    expect(errors).toEqual([expect.objectContaining({ rowNumber: 3, column: 'debitMemoNumber', code: 'DEBIT_MEMO_MISMATCH' })]);
    expect(errors[0]!.message).toContain('Debit Memo "DM-OTHER" is not this claim\'s debit memo DM-Q-1');
  });

  it("refuses a row naming another distributor (or none known) and claims the file's other rows", async () => {
    const res = await send(
      file([
        ['', 'DD-1', 'Arrowhead Components'],
        ['', 'DD-2', 'Northbridge Electronics'],
        ['', 'DD-3', 'Nobody Ltd'],
        ['', 'DD-4', ''],
      ]),
    );
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ debitMemoNumber: null, lineCount: 2 });
    expect(res.body.rows).toEqual({ read: 4, rejected: 2 });
    const errors = await errorsOf(res.body.importId);
    expect(errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [3, 'distributorId', 'DISTRIBUTOR_MISMATCH'],
      [4, 'distributorId', 'DISTRIBUTOR_MISMATCH'],
    ]);
    expect(errors[0]!.message.replace('Northbridge Electronics', '…')).toBe(errors[1]!.message.replace('Nobody Ltd', '…'));
    const claim = (await arrow.get(`/api/claims/${res.body.claim.id}`)).body as { lines: { invoiceNumber: string }[] };
    expect(claim.lines.map((l) => l.invoiceNumber)).toEqual(['DD-1', 'DD-4']);
  });
});
