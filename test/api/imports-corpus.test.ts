/** Bad POS files through the API: each gets a clear error with row and column, and loses no valid row. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearerOf, describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'imports', name), 'utf8');

describeDb('POS import corpus', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp();
    const c = await t.as(USERS.arrowhead);
    auth = bearerOf(c);
  });
  afterAll(() => t.close());
  const upload = (csv: string) =>
    t.http.post('/api/imports?wait=true').set('Authorization', auth).set('Content-Type', 'text/csv').send(csv);

  it('reads tabs, quoted separators, dates in one order for the whole file and thousands separators, and names each bad cell', async () => {
    const res = await upload(fixture('tab-us-dates.csv'));
    expect(res.status).toBe(201);
    // "13/05/2026" makes the file day first, so "10/05/2026" is the 10th of May; "-4" is a return
    expect(res.body).toMatchObject({ rowsRead: 5, rowsAccepted: 3, rowsRejected: 2 });
    expect(res.body.settings).toMatchObject({
      delimiter: '\t',
      decimalMark: '.',
      decimalMarkFrom: 'file',
      dateOrder: 'DMY',
      dateOrderFrom: 'file',
    });
    const lines = (await t.http.get(`/api/imports/${res.body.id}/lines`).set('Authorization', auth)).body.items;
    expect(
      lines.map((l: { invoiceNumber: string; quantity: number; isReturn: boolean }) => [l.invoiceNumber, l.quantity, l.isReturn]),
    ).toEqual([
      ['INV\tT-1', 1200, false],
      ['INV-T-2', 5, false],
      ['INV-T-3', -4, true],
    ]);
    const errors = (await t.http.get(`/api/imports/${res.body.id}/errors`).set('Authorization', auth)).body.items;
    expect(errors.map((e: { rowNumber: number; column: string; code: string }) => [e.rowNumber, e.column, e.code])).toEqual([
      [5, 'vendorPartNumber', 'MISSING_REQUIRED_FIELD'],
      [6, 'resalePrice', 'INVALID_NUMBER'],
    ]);
  });

  it('reads a file saved for Excel: a BOM and a `sep=;` line, European decimals, year-first dates and a CR return', async () => {
    const csv =
      '\ufeffsep=;\r\n' +
      'Invoice Number;Invoice Line;Invoice Date;Vendor Part Number;Quantity;Book Cost;Debit Amount;Credit/Return Flag\r\n' +
      'INV-X-1;1;2026/11/05;VP-100;1.200;1.234,50;281.100,00;N\r\n' +
      'INV-X-1;2;2026.11.06;VP-200;3;12,5;7,5;CR\r\n' +
      'INV-X-2;1;2026/11/31;VP-100;2;0,3;0,4;\r\n' +
      'INV-X-2;2;2026/11/07;VP-100;2;0,3;0,4;DR\r\n';
    const res = await upload(csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', rowsRead: 4, rowsAccepted: 2, rowsRejected: 2 });
    expect(res.body.settings).toMatchObject({ delimiter: ';', decimalMark: ',', decimalMarkFrom: 'file', dateOrder: null });
    const lines = (await t.http.get(`/api/imports/${res.body.id}/lines`).set('Authorization', auth)).body.items;
    expect(
      lines.map((l: Record<string, unknown>) => [
        l.rowNumber,
        l.invoiceNumber,
        l.invoiceDate,
        l.quantity,
        l.isReturn,
        l.bookCost,
        l.claimedAmount,
      ]),
    ).toEqual([
      [2, 'INV-X-1', '2026-11-05', 1200, false, '1234.5000', '281100.0000'],
      [3, 'INV-X-1', '2026-11-06', -3, true, '12.5000', '7.5000'],
    ]);
    // rows as a spreadsheet shows them: Excel hides the directive, the header is row 1
    const errors = (await t.http.get(`/api/imports/${res.body.id}/errors`).set('Authorization', auth)).body.items;
    expect(errors.map((e: { rowNumber: number; column: string; code: string }) => [e.rowNumber, e.column, e.code])).toEqual([
      [4, 'invoiceDate', 'INVALID_DATE'],
      [5, 'creditReturn', 'INVALID_FLAG'],
    ]);
    expect(errors[1].message).toContain('a return is one of Y, YES, TRUE, 1, X, C, R, CR, RTN, CREDIT, RETURN');
  });

  it('keeps a header-only file as an empty completed job', async () => {
    const res = await upload(fixture('header-only.csv'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', rowsRead: 0, rowsAccepted: 0 });
  });

  it('refuses an empty file with a clear error', async () => {
    const res = await upload(fixture('empty.csv') || '\r\n');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('EMPTY_FILE');
  });

  it('refuses a body that is neither CSV nor JSON', async () => {
    const res = await t.http.post('/api/imports').set('Authorization', auth).set('Content-Type', 'application/xml').send('<x/>');
    expect(res.status).toBe(415);
  });
});
