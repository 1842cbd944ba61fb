/**
 * One debit memo, many spellings: the canonical debit memo key (core/claims/debit-memo-key.ts)
 * decides, on SQLite as on MariaDB. A standing claim's memo sent again as `dmk-1`, ` DMK-1 `,
 * behind a zero-width space or in full-width letters is refused exactly as the exact repeat is,
 * by the claim API, a claim file, an 844's BGN02 and a dispute's resubmission; a claim rejected
 * whole lets go of it, whatever spelling comes next.
 */
import { QueryTypes } from 'sequelize';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { arrowheadPartner } from '../support/edi.js';
import { claim844 } from '../core/edi/x12.js';

describeDb('debit memo numbers, whatever their spelling', () => {
  let t: TestApp;
  let arrow: Client;
  let auth: Awaited<ReturnType<typeof approvedAuthorization>>;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    await arrowheadPartner(t);
    auth = await approvedAuthorization(t, { quantity: 1000, cost: '5.9270', justification: 'debit memo spellings' });
  });
  afterAll(() => t.close());

  let invoice = 0;
  const claimBody = (debitMemoNumber: string, authorizationNumber = auth.number) => ({
    debitMemoNumber,
    currency: 'USD',
    submit: true,
    lines: [
      {
        authorizationNumber,
        vendorPartNumber: auth.part,
        endCustomerName: auth.customer,
        invoiceNumber: `DMK-INV-${++invoice}`,
        invoiceLine: '1',
        invoiceDate: '2026-10-15',
        quantity: 1,
        bookCost: '6.1000',
        authorizedCost: '5.9270',
      },
    ],
  });
  /** What a refusal says, bar its text (which names the memo as sent). */
  const refusal = (res: { status: number; body: Record<string, unknown> }) => ({
    status: res.status,
    type: res.body.type,
    code: res.body.code,
    claimId: res.body.claimId,
  });
  const sendFile = (q: string, body: string, contentType: string) =>
    t.http.post(`/api/claims/file?wait=true&${q}`).set('Authorization', bearerOf(arrow)).set('Content-Type', contentType).send(body);
  const keyOf = async (claimId: number) =>
    (
      (await t.db.sequelize.query('SELECT debit_memo_key AS k FROM claims WHERE id = ?', {
        replacements: [claimId],
        type: QueryTypes.SELECT,
      })) as { k: string | null }[]
    )[0]!.k;

  it("refuses another spelling of a standing claim's debit memo exactly as it refuses the same one, on every path", async () => {
    const first = await arrow.post('/api/claims', claimBody('DMK-1'));
    expect(first.status).toBe(201);
    expect(first.body.status).not.toBe('rejected');
    expect(first.body.debitMemoNumber).toBe('DMK-1');
    expect(await keyOf(first.body.id)).toBe('DMK-1');

    const repeat = refusal(await arrow.post('/api/claims', claimBody('DMK-1')));
    expect(repeat).toEqual({
      status: 409,
      type: 'https://bec.dev/problems/claim-already-exists',
      code: 'CLAIM_ALREADY_EXISTS',
      claimId: first.body.id,
    });
    for (const spelling of ['dmk-1', ' DMK-1 ', 'DMK-1\t', '\u200bDMK-1', 'ＤＭＫ－１', 'Dmk-1\u00a0'])
      expect({ spelling, ...refusal(await arrow.post('/api/claims', claimBody(spelling))) }).toEqual({ spelling, ...repeat });

    // A claim file (its query's memo) and an 844 (its BGN02) are refused at once, the same way.
    const csv =
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer\r\nX,1,2026-10-15,VS-ADC-24S,1,6.1,5.927,SD-X,Y';
    expect(refusal(await sendFile('debitMemoNumber=dmk-1', csv, 'text/csv'))).toEqual(repeat);
    const edi = claim844({ control: '000000701', debitMemo: ' dmk-1', authorization: auth.number, part: auth.part, invoice: 'DMK-EDI-1' });
    expect(refusal(await sendFile('currency=USD', edi, 'application/edi-x12'))).toEqual(repeat);
    // A dispute's resubmission under the memo is refused before its lines are looked at.
    expect(refusal(await arrow.post('/api/disputes/resubmissions', { debitMemoNumber: 'dmk-1 ', lines: [{ originalLineId: 1 }] }))).toEqual(
      repeat,
    );

    // One claim holds the memo, whatever was sent.
    const [{ n }] = (await t.db.sequelize.query("SELECT COUNT(*) AS n FROM claims WHERE debit_memo_key = 'DMK-1'", {
      type: QueryTypes.SELECT,
    })) as { n: number }[];
    expect(Number(n)).toBe(1);
  });

  it('makes one claim of one memo sent in several spellings at the same moment, and refuses the others with the same 409', async () => {
    const sent = await Promise.all(['DMK-9', 'dmk-9', ' DMK-9', 'Dmk-9 '].map((memo) => arrow.post('/api/claims', claimBody(memo))));
    const made = sent.filter((r) => r.status === 201);
    expect(made).toHaveLength(1);
    for (const r of sent.filter((x) => x.status !== 201))
      expect(refusal(r)).toEqual({
        status: 409,
        type: 'https://bec.dev/problems/claim-already-exists',
        code: 'CLAIM_ALREADY_EXISTS',
        claimId: made[0]!.body.id,
      });
  });

  it('takes an 844 whose BGN02 spells the memo the request names another way', async () => {
    // the 844's costs (3.00 book, 2.00 authorized) fit an authorization at 2.0000
    const at2 = await approvedAuthorization(t, { quantity: 50, cost: '2.0000' });
    const edi = claim844({
      control: '000000702',
      debitMemo: 'dmk-2',
      authorization: at2.number,
      part: at2.part,
      invoice: 'DMK-EDI-2',
      customer: at2.customer,
    });
    const res = await sendFile('currency=USD&debitMemoNumber=DMK-2', edi, 'application/edi-x12');
    expect(res.status).toBe(201);
    expect(res.body.claim).toMatchObject({ debitMemoNumber: 'DMK-2', status: 'submitted' });
    expect(await keyOf(res.body.claim.id)).toBe('DMK-2');
  });

  it('refuses a debit memo number that is empty once spaces and invisible characters are removed', async () => {
    const res = await arrow.post('/api/claims', claimBody(' \u200b '));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'debitMemoNumber', message: expect.stringContaining('empty') }],
    });
  });

  it('frees the memo once its claim is rejected whole, under any spelling, and holds it again for the next claim', async () => {
    const rejected = await arrow.post('/api/claims', claimBody('DMK-3', 'SD-NO-SUCH-3'));
    expect(rejected.status).toBe(201);
    expect(rejected.body.status).toBe('rejected');
    expect(await keyOf(rejected.body.id)).toBeNull();

    const corrected = await arrow.post('/api/claims', claimBody(' dmk-3'));
    expect(corrected.status).toBe(201);
    expect(corrected.body.status).not.toBe('rejected');
    // the number as written is kept for display; the key is canonical
    expect(corrected.body.debitMemoNumber).toBe(' dmk-3');
    expect(await keyOf(corrected.body.id)).toBe('DMK-3');

    const again = await arrow.post('/api/claims', claimBody('DMK-3'));
    expect(refusal(again)).toEqual({
      status: 409,
      type: 'https://bec.dev/problems/claim-already-exists',
      code: 'CLAIM_ALREADY_EXISTS',
      claimId: corrected.body.id,
    });
  });

  it("makes one implicit claim of a POS report's lines that spell one memo two ways", async () => {
    const csv = [
      'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Book Cost,Authorized Cost,Authorization Number,End Customer,Debit Memo',
      `DMK-POS-1,1,2026-10-15,${auth.part},2,6.1000,5.9270,${auth.number},${auth.customer},DMK-POS`,
      `DMK-POS-1,2,2026-10-15,${auth.part},3,6.1000,5.9270,${auth.number},${auth.customer}, dmk-pos `,
    ].join('\n');
    const imported = await t.http
      .post('/api/imports?wait=true')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(imported.status).toBe(201);
    expect(imported.body.rowsAccepted).toBe(2);
    const run = await arrow.post(`/api/imports/${imported.body.id}/claims?wait=true`, {});
    expect(run.status).toBe(201);
    const implicit = run.body.claims.filter((c: { type: string }) => c.type === 'implicit');
    expect(implicit).toHaveLength(1);
    expect(implicit[0]).toMatchObject({ debitMemoNumber: 'DMK-POS', lineCount: 2 });
    expect(await keyOf(implicit[0].id)).toBe('DMK-POS');
  });
});
