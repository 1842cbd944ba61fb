/**
 * An 867 through the one ingestion pipeline (issue 17): sent as application/edi-x12 or detected by
 * its content, it becomes the same import job a CSV does, with the same POS lines and canonical
 * keys (so the same sale arriving by 867 and by CSV is one sale), and a bad transaction among good
 * ones loses only its own lines, reported with its segment position.
 */
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { body867, interchange } from '../core/edi/x12.js';

const ARROWHEAD = 2;
/** Reads a text answer whole (supertest leaves application/edi-x12 unparsed). */
const text = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: string) => void) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (c: string) => (body += c));
  res.on('end', () => cb(null, body));
};
const CSV = [
  'Distributor ID,Invoice Number,Invoice Line,Invoice Date,Ship Date,Vendor Part Number,Distributor Part Number,Quantity,Unit of Measure,Resale Price,Book Cost,Authorized Cost,Authorization Number,Customer PO,End Customer Name,Ship To Name,End Customer Address,Country',
  'ARW01,INV-1001,1,2025-12-03,2025-12-04,ACM-555,ARW-555,100,EA,1.25,0.90,0.70,SD-2026-0042,PO-77,Bosch GmbH,Bosch Plant 4,Robert-Bosch-Platz 1,DE',
].join('\n');

/** A line as stored, without what differs by import (ids; the row: an X12 line's is its ordinal, a CSV's counts the header; the X12-only extras). */
const comparable = (l: Record<string, unknown>) => {
  const { id: _i, importId: _m, rowNumber: _r, extra: _e, createdAt: _c, ...rest } = l;
  return rest;
};

describeDb('867 through the import pipeline', () => {
  let t: TestApp;
  let admin: Client;
  let arrow: Client;
  beforeAll(async () => {
    t = await startTestApp();
    [admin, arrow] = await Promise.all([t.as(USERS.admin), t.as(USERS.arrowhead)]);
    // The CSV's Distributor ID names Arrowhead by its code (a row naming another distributor is refused).
    expect((await admin.patch(`/api/masterdata/distributors/${ARROWHEAD}`, { externalRef: 'ARW01' })).status).toBe(200);
  });
  afterAll(() => t.close());

  const upload = (body: string, type: string, q = '') =>
    t.http.post(`/api/imports?wait=true${q}`).set('Authorization', bearerOf(arrow)).set('Content-Type', type).send(body);
  const lines = async (id: number) => (await arrow.get(`/api/imports/${id}/lines`)).body.items as Record<string, unknown>[];

  it('refuses an 867 from a distributor without partner settings, naming the fix', async () => {
    const res = await upload(interchange({ transactions: [{ type: '867', control: '0001', body: body867() }] }), 'application/edi-x12');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('EDI_PARTNER_NOT_FOUND');
  });

  let x12Lines: Record<string, unknown>[];
  it('imports an 867 as the same POS lines a CSV of the same sale gives, and the CSV then finds them duplicates', async () => {
    const put = await t.http
      .put(`/api/edi/partners/${ARROWHEAD}`)
      .set('Authorization', bearerOf(admin))
      .send({ isaQualifier: 'ZZ', isaId: 'ARROWDIST', ourIsaQualifier: 'ZZ', ourIsaId: 'ACMESEMI' });
    expect(put.status).toBe(200);
    // Detected by content (sent as text/csv, it starts with ISA).
    const res = await upload(interchange({ transactions: [{ type: '867', control: '0001', body: body867() }] }), 'text/csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', format: 'x12', rowsRead: 3, rowsAccepted: 3, rowsRejected: 0 });
    x12Lines = await lines(res.body.id);
    expect(x12Lines).toHaveLength(3);
    expect(x12Lines.find((l) => l.quantity === -10)).toBeDefined();

    const csv = await upload(CSV, 'text/csv');
    expect(csv.status).toBe(201);
    // The same sale: same canonical key, kept once.
    expect(csv.body).toMatchObject({ status: 'completed', rowsRead: 1, rowsAccepted: 0, rowsDuplicate: 1 });
  });

  it('reads the CSV of the same sale, in a distributor where it is new, as the same line', async () => {
    // Void the X12 import, so the CSV's line is stored and comparable.
    const imports = (await arrow.get('/api/imports')).body.items as { id: number; format: string }[];
    const x12 = imports.find((i) => i.format === 'x12')!;
    expect(
      (await t.http.post(`/api/imports/${x12.id}/void`).set('Authorization', bearerOf(arrow)).send({ reason: 'resent as CSV' })).status,
    ).toBe(200);
    const csv = await upload(CSV, 'text/csv');
    expect(csv.body).toMatchObject({ rowsAccepted: 1 });
    const [fromCsv] = await lines(csv.body.id);
    const sale = x12Lines.find((l) => l.invoiceLine === '1' && l.quantity === 100)!;
    expect(comparable(sale)).toEqual(comparable(fromCsv!));
  });

  it('keeps the good transactions of a file with a bad one, and reports the bad one with its segment', async () => {
    const body = (invoice: string) =>
      body867().map((s) => (s[0] === 'REF' && s[1] === 'IV' && s[2] === 'INV-1001' ? ['REF', 'IV', invoice] : s));
    const bad = body('INV-3002').map((s) => (s[0] === 'CTT' ? ['CTT', '9', '160'] : s));
    const file = interchange({
      control: '000000201',
      transactions: [
        { type: '867', control: '0001', body: body('INV-3001') },
        { type: '867', control: '0002', body: bad },
        { type: '867', control: '0003', body: body('INV-3003') },
      ],
    });
    const res = await upload(file, 'application/edi-x12');
    expect(res.status).toBe(201);
    // Both good transactions carry the same return (CM-2001): the second is a duplicate of the first.
    expect(res.body).toMatchObject({ status: 'completed', rowsRead: 9, rowsAccepted: 5, rowsDuplicate: 1, rowsRejected: 3 });
    const errors = (await arrow.get(`/api/imports/${res.body.id}/errors`)).body.items as { rowNumber: number; message: string }[];
    expect(errors.map((e) => e.rowNumber)).toEqual([4, 5, 6]);
    expect(errors[0]!.message).toMatch(/CTT01 says 9 line items.*transaction 0002 \(867\), segment \d+ CTT/);
    const invoices = new Set((await lines(res.body.id)).map((l) => l.invoiceNumber));
    expect(invoices.has('INV-3001') && invoices.has('INV-3003') && !invoices.has('INV-3002')).toBe(true);

    // The 997 of the interchange: kept, downloadable by the distributor, not by another.
    const docs = (await arrow.get(`/api/edi/documents?importId=${res.body.id}`)).body.items as {
      id: number;
      receivedControl: string;
      interchangeControl: number;
    }[];
    expect(docs).toHaveLength(1);
    expect(docs[0]!.receivedControl).toBe('000000201');
    const ack = await t.http
      .get(`/api/edi/documents/${docs[0]!.id}/content`)
      .set('Authorization', bearerOf(arrow))
      .buffer(true)
      .parse(text as never);
    expect(ack.status).toBe(200);
    expect(ack.headers['content-type']).toMatch(/^application\/edi-x12/);
    const segments = (ack.body as string).split('~').map((x) => x.trim().split('*'));
    expect(segments[0]![13]).toBe(String(docs[0]!.interchangeControl).padStart(9, '0'));
    const ak = segments
      .filter((x) => x[0] === 'AK1' || x[0] === 'AK2' || x[0] === 'AK5' || x[0] === 'AK9')
      .map((x) => x.slice(0, 3).join('*'));
    expect(ak).toEqual([
      'AK1*PT*101',
      'AK2*867*0001',
      'AK5*A',
      'AK2*867*0002',
      expect.stringMatching(/^AK5\*R/),
      'AK2*867*0003',
      'AK5*A',
      'AK9*P*3',
    ]);
    const north = await t.as(USERS.northbridge);
    expect((await north.get(`/api/edi/documents/${docs[0]!.id}/content`)).status).toBe(404);
    expect((await north.get('/api/edi/documents')).body.items).toEqual([]);
    // Each interchange read so far was acknowledged with its own control number.
    const all = (await arrow.get('/api/edi/documents')).body.items as { interchangeControl: number }[];
    expect(new Set(all.map((d) => d.interchangeControl)).size).toBe(all.length);
  });
});
