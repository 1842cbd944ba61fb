/**
 * An 844 through the claim-file job (issue 17): the debit memo's lines become one claim with the
 * engine's verdicts, as a claim file's rows do; a line of an unknown authorization is rejected
 * with its reason, the others accepted.
 */
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { interchange } from '../core/edi/x12.js';
import { x12ReasonCode } from '../../core/edi/index.js';

/** Reads a text answer whole. */
const text = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: string) => void) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (c: string) => (body += c));
  res.on('end', () => cb(null, body));
};

const ARROWHEAD = 2;

describeDb('844 through the claim-file job', () => {
  let t: TestApp;
  let arrow: Client;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.as(USERS.admin);
    arrow = await t.as(USERS.arrowhead);
    const put = await t.http
      .put(`/api/edi/partners/${ARROWHEAD}`)
      .set('Authorization', bearerOf(admin))
      .send({ isaQualifier: 'ZZ', isaId: 'ARROWDIST', ourIsaQualifier: 'ZZ', ourIsaId: 'ACMESEMI' });
    expect(put.status).toBe(200);
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
    const get849 = (c: Client, id: number) =>
      t.http
        .get(`/api/edi/claims/${id}/849`)
        .set('Authorization', bearerOf(c))
        .buffer(true)
        .parse(text as never);
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

  it('refuses an 867 sent as a claim file: its lines are row errors, no claim line', async () => {
    const file = interchange({
      control: '000000301',
      transactions: [
        {
          type: '867',
          control: '0001',
          body: [
            ['BPT', '00', 'R1', '20260105', '01'],
            ['CTT', '0'],
          ],
        },
      ],
    });
    const res = await t.http
      .post('/api/claims/file?wait=true&currency=USD&debitMemoNumber=DM-EDI-2')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'application/edi-x12')
      .send(file);
    expect(res.body).toMatchObject({ rows: { read: 1, rejected: 1 }, claim: { lineCount: 0 } });
    const errors = (await arrow.get(`/api/imports/${res.body.importId}/errors`)).body.items as { message: string }[];
    expect(errors.map((e) => e.message)).toEqual(['transaction 0001 is an 867; this upload takes 844s']);
  });
});
