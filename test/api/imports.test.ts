import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'imports', name), 'utf8');
const textParser = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: string) => void) => {
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (c: string) => (data += c));
  res.on('end', () => cb(null, data));
};

describeDb('POS imports', () => {
  let t: TestApp;
  let arrow: Client;
  let authNumber: string;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    const auths = await arrow.get('/api/authorizations');
    authNumber = auths.body.items.find((a: { lines: { productId: number }[] }) => a.lines.length === 2).number;
  });
  afterAll(() => t.close());

  const messy = () => fixture('arrowhead-messy.csv').replace(/\{\{AUTH\}\}/g, authNumber);
  const upload = (c: Client, csv: string, q = '') =>
    t.http
      .post(`/api/imports?wait=true${q.replace('?', '&')}`)
      .set('Authorization', bearerOf(c))
      .set('Content-Type', 'text/csv')
      .send(csv);

  it('saves a column mapping per distributor', async () => {
    const res = await arrow.patch('/api/imports/mapping');
    expect(res.status).toBe(404);
    const put = await t.http
      .put('/api/imports/mapping')
      .set('Authorization', bearerOf(arrow))
      .send({
        mapping: { invoiceNumber: 'Inv #', invoiceLine: 'Ln', invoiceDate: 'Inv Date', authorizationNumber: 'S&D Number' },
        options: { decimalMark: ',' },
      });
    expect(put.status).toBe(200);
    expect(put.body.mapping.invoiceNumber).toBe('Inv #');
    expect((await arrow.get('/api/imports/mapping')).body.options.decimalMark).toBe(',');
  });

  let importId: number;
  it('streams a messy CSV (BOM, semicolons, CRLF, decimal commas, dotted dates) and keeps every valid row', async () => {
    const res = await upload(arrow, messy(), '?fileName=pos-oct.csv');
    expect(res.status).toBe(201);
    importId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'completed',
      fileName: 'pos-oct.csv',
      rowsRead: 7,
      rowsAccepted: 4,
      rowsDuplicate: 0,
      rowsRejected: 3,
      progress: 1,
    });
    expect(res.body.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports each bad row with its row number, column and reason, as JSON and as CSV', async () => {
    const res = await arrow.get(`/api/imports/${importId}/errors`);
    expect(res.body.items.map((e: { rowNumber: number; column: string; code: string }) => [e.rowNumber, e.column, e.code])).toEqual([
      [4, 'invoiceDate', 'INVALID_DATE'],
      [5, 'invoiceLine', 'MISSING_REQUIRED_FIELD'],
      [7, 'quantity', 'INVALID_QUANTITY'],
    ]);
    const csv = await arrow.get(`/api/imports/${importId}/errors.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`import-${importId}-errors.csv`);
    // UTF-8 with a byte-order mark, for spreadsheets.
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFFrow,column,code,message,raw');
    expect(csv.text).toContain('4,invoiceDate,INVALID_DATE');
  });

  it('adds nothing when the same file is imported again', async () => {
    const res = await upload(arrow, messy());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rowsAccepted: 0, rowsDuplicate: 4, rowsRejected: 3 });
  });

  it('shows the job and streams its progress as server-sent events until it ends', async () => {
    const job = await arrow.get(`/api/imports/${importId}`);
    expect(job.body).toMatchObject({ id: importId, status: 'completed' });
    const auth = bearerOf(arrow);
    const sse = await t.http
      .get(`/api/imports/${importId}/events`)
      .set('Authorization', auth)
      .buffer(true)
      .parse(textParser as never);
    expect(sse.status).toBe(200);
    expect(sse.headers['content-type']).toMatch(/text\/event-stream/);
    expect(String(sse.body)).toMatch(/^event: completed\nid: 7\ndata: \{.*"rowsAccepted":4/m);
  });

  it("answers 404 for another distributor's import and lists only one's own", async () => {
    const north = await t.as(USERS.northbridge);
    expect((await north.get(`/api/imports/${importId}`)).status).toBe(404);
    expect((await north.get(`/api/imports/${importId}/errors.csv`)).status).toBe(404);
    expect((await north.get('/api/imports')).body.items).toEqual([]);
    const finance = await t.as(USERS.finance);
    expect((await finance.get(`/api/imports/${importId}`)).status).toBe(200);
    // A vendor user imports only on a named distributor's behalf.
    const unnamed = await finance.post('/api/imports', { lines: [{}] });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([{ field: 'distributorId', message: expect.any(String) }]);
  });

  it('fails a file without a required column with a clear error, and records the failed job', async () => {
    const res = await upload(arrow, fixture('missing-date-column.csv'));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('MAPPING_INCOMPLETE');
    expect(res.body.missing.join(' ')).toContain('invoiceDate');
    const job = await arrow.get(`/api/imports/${res.body.importId}`);
    expect(job.body.status).toBe('failed');
  });

  it('imports JSON lines with the same checks', async () => {
    const res = await arrow.post('/api/imports?wait=true', {
      fileName: 'api.json',
      lines: [
        {
          invoiceNumber: 'ARW-J-1',
          invoiceLine: 1,
          invoiceDate: '2026-10-09',
          vendorPartNumber: 'VS-ETH-PHY',
          quantity: 100,
          endCustomerName: 'Cascade Robotics',
        },
        { invoiceNumber: 'ARW-J-1', invoiceLine: 2, invoiceDate: 'yesterday', vendorPartNumber: 'VS-ETH-PHY', quantity: 100 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'json', rowsAccepted: 1, rowsRejected: 1 });
  });

  it('turns the import into implicit claims by debit memo and automatic claims by best match, once', async () => {
    const res = await arrow.post(`/api/imports/${importId}/claims?wait=true`, {});
    expect(res.status).toBe(201);
    const implicit = res.body.claims.find((c: { type: string }) => c.type === 'implicit');
    const automatic = res.body.claims.find((c: { type: string }) => c.type === 'automatic');
    expect(implicit).toMatchObject({ debitMemoNumber: 'ARW-DM-500', lineCount: 2, status: 'submitted' });
    expect(automatic).toMatchObject({ lineCount: 1, status: 'submitted' });
    expect(res.body.unmatched).toEqual([expect.objectContaining({ invoiceNumber: 'ARW-POS-4', reason: 'NO_POS_MATCH' })]);
    const claim = await arrow.get(`/api/claims/${implicit.id}`);
    expect(claim.body.lines.map((l: { verdict: string; acceptedQuantity: number }) => [l.verdict, l.acceptedQuantity])).toEqual([
      ['accepted', 1200],
      ['accepted', 300],
    ]);
    // (2.6322 - 2.0500) x 1500 = 873.30
    expect(claim.body.approvedTotal).toBe('873.3000');
    const auto = await arrow.get(`/api/claims/${automatic.id}`);
    expect(auto.body.lines[0]).toMatchObject({ verdict: 'accepted', acceptedQuantity: 400, endCustomerName: 'Cascade Robotics' });
    expect(auto.body.lines[0].authorizationNumber).toBeTruthy();
    const again = await arrow.post(`/api/imports/${importId}/claims?wait=true`, {});
    expect(again.body.claims).toEqual([]);
  });
  it('defuses spreadsheet formulas in the downloadable error report', async () => {
    const csv = [
      'Inv #;Ln;Inv Date;Mfr Part;Qty;Resale;Book Cost;Debit Cost;S&D Number;End Customer;Debit Memo;Branch',
      `=2+5+cmd|' /C calc'!A0;1;not-a-date;VS-PMIC-45A;10;2,9000;2,6322;2,0500;${authNumber};Helios Medical Devices;ARW-DM-FX;Boston`,
    ].join('\r\n');
    const res = await upload(arrow, csv);
    expect(res.status).toBe(201);
    expect(res.body.rowsRejected).toBe(1);
    const report = await arrow.get(`/api/imports/${res.body.id}/errors.csv`);
    expect(report.status).toBe(200);
    const cells = report.text.split('\r\n')[1];
    expect(cells).toContain("'=2+5");
    expect(cells).not.toMatch(/(^|,)"?=2\+5/);
  });
});
