/**
 * An 844 through the claim-file job (issue 17): the debit memo's lines become one claim with the
 * engine's verdicts, as a claim file's rows do; a line of an unknown authorization is rejected
 * with its reason, the others accepted.
 */
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { arrowheadPartner, downloadX12 } from '../support/edi.js';
import { EMPTY_867, claim844, interchange } from '../core/edi/x12.js';
import { x12ReasonCode } from '../../core/edi/index.js';

describeDb('844 through the claim-file job', () => {
  let t: TestApp;
  let arrow: Client;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    await arrowheadPartner(t);
  });
  afterAll(() => t.close());

  it('makes one claim of an 844 with a verdict on every line', async () => {
    const auth = await approvedAuthorization(t, { quantity: 500, cost: '2.0000' });
    const line = (n: string, authNumber: string, qty: string, invoice: string) => [
      ['CON', 'AH', authNumber],
      ['PAD', 'SD'],
      ['LIN', n, 'VP', auth.part],
      ['QTY', '39', qty, 'EA'],
      ['UIT', 'EA', '3.00', 'DC'],
      ['UIT', 'EA', '2.00', 'CA'],
      ['REF', 'IV', invoice],
      ['DTM', '003', '20261015'],
      ['N1', 'EN', auth.customer],
      ['AMT', '1', (Number(qty) * 1).toFixed(2)],
    ];
    const body = [
      ['BGN', '00', 'DM-EDI-1', '20261020'],
      ['CUR', 'BY', 'USD'],
      ['N1', 'DS', 'Arrowhead', '91', 'ARW01'],
      ...line('1', auth.number, '100', 'EDI-INV-1'),
      ...line('2', 'SD-NOPE-0000', '10', 'EDI-INV-2'),
      ['CTT', '2', '110'],
      ['AMT', 'TT', '110.00'],
    ];
    const file = interchange({ functionalId: 'CF', transactions: [{ type: '844', control: '0001', body }] });
    const res = await t.http
      .post('/api/claims/file?wait=true&currency=USD&debitMemoNumber=DM-EDI-1')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'application/edi-x12')
      .send(file);
    expect(res.status).toBe(201);
    const claim = (await arrow.get(`/api/claims/${res.body.claim.id}`)).body as {
      debitMemoNumber: string;
      lines: { invoiceNumber: string; verdict: string; reasonCodes: string[]; claimedAmount: string }[];
    };
    expect(claim.debitMemoNumber).toBe('DM-EDI-1');
    expect(claim.lines).toHaveLength(2);
    const byInvoice = Object.fromEntries(claim.lines.map((l) => [l.invoiceNumber, l]));
    expect(byInvoice['EDI-INV-1']).toMatchObject({ verdict: 'accepted', claimedAmount: '100.0000' });
    expect(byInvoice['EDI-INV-2']).toMatchObject({ verdict: 'rejected', reasonCodes: ['AUTH_NOT_FOUND'] });

    // The 849: line by line from the verdicts, written once.
    const get849 = (c: Client, id: number) => downloadX12(t, c, `/api/edi/claims/${id}/849`);
    const first = await get849(arrow, res.body.claim.id);
    expect(first.status).toBe(200);
    const segs = (first.body as string).split('~').map((x) => x.trim().split('*'));
    expect(segs.find((x) => x[0] === 'BRC')![2]).toBe(res.body.claim.number);
    expect(segs.filter((x) => x[0] === 'AAA').map((x) => x.join('*'))).toEqual(['AAA*Y', `AAA*N**${x12ReasonCode('AUTH_NOT_FOUND')}`]);
    expect(segs.filter((x) => x[0] === 'QTY' && x[1] === 'QA').map((x) => x[2])).toEqual(['100', '0']);
    expect(segs.filter((x) => x[0] === 'AMT' && x[1] === '1').map((x) => x[2])).toEqual(['100.00', '0.00']);
    expect((await get849(arrow, res.body.claim.id)).body).toBe(first.body);
    // Another distributor's claim is not found; a claim that came otherwise has no 849.
    const north = await t.as(USERS.northbridge);
    expect((await north.get(`/api/edi/claims/${res.body.claim.id}/849`)).status).toBe(404);
    const seeded = (await arrow.get('/api/claims')).body.items.find(
      (c: { id: number; posImportId: number | null }) => c.posImportId === null,
    );
    expect((await arrow.get(`/api/edi/claims/${seeded.id}/849`)).status).toBe(409);
  });

  it('refuses an 867 sent as a claim file: its lines are row errors, and no claim is made (422 NO_CLAIM_LINES)', async () => {
    const file = interchange({
      control: '000000301',
      transactions: [{ type: '867', control: '0001', body: EMPTY_867 }],
    });
    const res = await t.http
      .post('/api/claims/file?wait=true&currency=USD&debitMemoNumber=DM-EDI-2')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'application/edi-x12')
      .send(file);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'NO_CLAIM_LINES', rowsRead: 1, rowsRejected: 1 });
    const errors = (await arrow.get(`/api/imports/${res.body.importId}/errors`)).body.items as { message: string }[];
    expect(errors.map((e) => e.message)).toEqual(['transaction 0001 is an 867; this upload takes 844s']);
  });

  describe("the 844's BGN/CUR header", () => {
    const file844 = (debitMemo: string, currency: string, part: string, authorization: string, control = '000000401', customer?: string) =>
      claim844({ control, debitMemo, currency, authorization, part, customer, quantity: 5, invoice: `HDR-${debitMemo}` });
    const send = (file: string, q = '') =>
      t.http
        .post(`/api/claims/file?wait=true${q}`)
        .set('Authorization', bearerOf(arrow))
        .set('Content-Type', 'application/edi-x12')
        .send(file);

    it('takes the claim’s debit memo number and currency from BGN02 and CUR02 when the query gives none', async () => {
      const auth = await approvedAuthorization(t, { quantity: 50, cost: '2.0000' });
      const res = await send(file844('DM-HDR-1', 'USD', auth.part, auth.number, '000000401', auth.customer));
      expect(res.status).toBe(201);
      expect(res.body.claim).toMatchObject({ debitMemoNumber: 'DM-HDR-1', currency: 'USD', lineCount: 1 });
      expect(res.body.lines).toMatchObject({ accepted: 1, rejected: 0 });
    });

    it('refuses a CUR02 that is not the distributor’s currency, naming CUR02, and keeps no claim', async () => {
      const res = await send(file844('DM-HDR-2', 'EUR', 'VS-ADC-24S', 'SD-X'));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'CURRENCY_MISMATCH', errors: [{ field: 'CUR02' }] });
      const claims = (await arrow.get('/api/claims?pageSize=200')).body.items as { debitMemoNumber: string | null }[];
      expect(claims.some((c) => c.debitMemoNumber === 'DM-HDR-2')).toBe(false);
    });

    it('refuses a debit memo number in the query that the BGN02 contradicts', async () => {
      const res = await send(file844('DM-HDR-3', 'USD', 'VS-ADC-24S', 'SD-X'), '&debitMemoNumber=DM-OTHER');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'DEBIT_MEMO_MISMATCH', errors: [{ field: 'BGN02' }] });
    });

    it('refuses an 844 whose BGN02 was claimed already', async () => {
      const res = await send(file844('DM-HDR-1', 'USD', 'VS-ADC-24S', 'SD-X', '000000402'));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CLAIM_ALREADY_EXISTS');
    });
  });

  it('writes a TA1 beside the 997 when the interchange asks for one (ISA14 = 1), kept for the import', async () => {
    const file = interchange({
      control: '000000451',
      transactions: [{ type: '867', control: '0001', body: EMPTY_867 }],
    }).replace('*00401*000000451*0*', '*00401*000000451*1*');
    const res = await t.http
      .post('/api/imports?wait=true')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'application/edi-x12')
      .send(file);
    expect(res.status).toBe(201);
    const docs = (await arrow.get(`/api/edi/documents?importId=${res.body.id}`)).body.items as {
      id: number;
      kind: string;
      receivedControl: string;
    }[];
    expect(docs.map((d) => d.kind).sort()).toEqual(['997', 'TA1']);
    const ta1 = docs.find((d) => d.kind === 'TA1')!;
    expect(ta1.receivedControl).toBe('000000451');
    const content = await downloadX12(t, arrow, `/api/edi/documents/${ta1.id}/content`);
    expect(content.body).toContain('TA1*000000451*260105*1200*A*000~');
  });

  describe('the 844 as distributors send it: BAA, several in one file', () => {
    const sendClaim = (file: string) =>
      t.http.post('/api/claims/file?wait=true').set('Authorization', bearerOf(arrow)).set('Content-Type', 'application/edi-x12').send(file);
    /** One 844 transaction of one line, its header `BAA` (the standard's) or `BGN`. */
    const tx844 = (o: {
      control: string;
      header: 'BAA' | 'BGN';
      debitMemo: string;
      currency: string;
      auth: string;
      part: string;
      customer: string;
      invoice: string;
    }) => ({
      type: '844',
      control: o.control,
      body: [
        o.header === 'BAA' ? ['BAA', '00', 'CR', '20261021', 'DM', o.debitMemo] : ['BGN', '00', o.debitMemo, '20261021'],
        ['CUR', 'BY', o.currency],
        ['CON', 'AH', o.auth],
        ['PAD', 'SD'],
        ['LIN', '1', 'VP', o.part],
        ['QTY', '39', '4', 'EA'],
        ['UIT', 'EA', '3.00', 'DC'],
        ['UIT', 'EA', '2.00', 'CA'],
        ['REF', 'IV', o.invoice],
        ['DTM', '003', '20261015'],
        ['N1', 'EN', o.customer],
        ['AMT', '1', '4.00'],
        ['CTT', '1', '4'],
      ],
    });

    it('reads the debit memo number and date of an 844 that opens with BAA (BAA05, BAA03)', async () => {
      const auth = await approvedAuthorization(t, { quantity: 50, cost: '2.0000' });
      const file = interchange({
        control: '000000461',
        functionalId: 'CF',
        transactions: [
          tx844({
            control: '0001',
            header: 'BAA',
            debitMemo: 'DM-BAA-1',
            currency: 'USD',
            auth: auth.number,
            part: auth.part,
            customer: auth.customer,
            invoice: 'BAA-INV-1',
          }),
        ],
      });
      const res = await sendClaim(file);
      expect(res.status).toBe(201);
      expect(res.body.claim).toMatchObject({ debitMemoNumber: 'DM-BAA-1', currency: 'USD', lineCount: 1 });
      expect(res.body.lines).toMatchObject({ accepted: 1, rejected: 0 });
    });

    it('takes every 844 of a file into the claim, each line with its own debit memo, and refuses only the one in another currency', async () => {
      const auth = await approvedAuthorization(t, { quantity: 50, cost: '2.0000' });
      const common = { auth: auth.number, part: auth.part, customer: auth.customer };
      const file = interchange({
        control: '000000462',
        functionalId: 'CF',
        transactions: [
          tx844({ control: '0001', header: 'BGN', debitMemo: 'DM-MULTI-1', currency: 'USD', invoice: 'MULTI-INV-1', ...common }),
          tx844({ control: '0002', header: 'BAA', debitMemo: 'DM-MULTI-2', currency: 'EUR', invoice: 'MULTI-INV-2', ...common }),
          tx844({ control: '0003', header: 'BAA', debitMemo: 'DM-MULTI-3', currency: 'USD', invoice: 'MULTI-INV-3', ...common }),
        ],
      });
      const res = await sendClaim(file);
      expect(res.status).toBe(201);
      // One claim per file: its debit memo number is the first 844's.
      expect(res.body.claim).toMatchObject({ debitMemoNumber: 'DM-MULTI-1', lineCount: 2 });
      expect(res.body.rows).toMatchObject({ read: 3, rejected: 1 });
      const claim = (await arrow.get(`/api/claims/${res.body.claim.id}`)).body as {
        lines: { invoiceNumber: string; verdict: string; extra: Record<string, string> | null }[];
      };
      expect(claim.lines.map((l) => [l.invoiceNumber, l.verdict]).sort()).toEqual([
        ['MULTI-INV-1', 'accepted'],
        ['MULTI-INV-3', 'accepted'],
      ]);
      const errors = (await arrow.get(`/api/imports/${res.body.importId}/errors`)).body.items as { rowNumber: number; message: string }[];
      expect(errors).toEqual([
        expect.objectContaining({
          rowNumber: 2,
          message: expect.stringContaining("transaction 0002's CUR02 says EUR, the claim is in USD"),
        }),
      ]);
      // The 849 is written when the job ends, without anyone asking for it.
      const docs = (await arrow.get(`/api/edi/documents?importId=${res.body.importId}`)).body.items as { kind: string }[];
      expect(docs.map((d) => d.kind).sort()).toEqual(['849', '997']);
    });
  });
});
