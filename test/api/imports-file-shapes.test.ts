/**
 * Files as distributors' tools write them, through the real API: Excel for Mac's CR line ends,
 * UTF-16 without a byte-order mark, digits grouped with spaces, two columns with one header (chosen
 * by position), a column without a header, the distributors' own header names, separators by name,
 * charset=us-ascii; a compressed file or a workbook refused with 415 before anything is stored; and
 * each row message said once, of its subject.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { bearerOf, describeDb, startTestApp, USERS, waitFor, type TestApp } from '../support/harness.js';

const FIXTURES = join(__dirname, '..', 'fixtures', 'pos');
const HEADER = 'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Resale Price';

describeDb('POS files as they come: line ends, encodings, grouping, headers, not text', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp();
    auth = bearerOf(await t.as(USERS.arrowhead));
  });
  afterAll(() => t.close());

  const send = (path: string, body: string | Buffer, contentType = 'text/csv') =>
    t.http.post(waitFor(path)).set('Authorization', auth).set('Content-Type', contentType).send(body);
  const q = <T>(sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;
  const lines = (importId: number) =>
    t.http
      .get(`/api/imports/${importId}/lines`)
      .set('Authorization', auth)
      .then((r) => r.body.items as Record<string, unknown>[]);
  const reportOf = (importId: number) =>
    t.http
      .get(`/api/imports/${importId}/errors`)
      .set('Authorization', auth)
      .then((r) => r.body.items as { rowNumber: number; column: string | null; code: string; message: string }[]);
  const saveMapping = (mapping: Record<string, string>) =>
    t.http.put('/api/imports/mapping').set('Authorization', auth).send({ mapping, options: {} });
  const importCount = async () => Number((await q<{ n: number }>('SELECT COUNT(*) AS n FROM pos_imports'))[0]!.n);

  it('reads CR-only line ends (Excel for Mac "CSV (Macintosh)") as line breaks', async () => {
    // the tester's reproduction, as sent
    const csv = `${HEADER}\rCR-1,1,2026-11-05,VS-PMIC-45A,5,1.00\rCR-1,2,2026-11-05,VS-PMIC-45A,6,1.00\r`;
    const res = await send('/api/imports?fileName=mac.csv', csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', rowsRead: 2, rowsAccepted: 2, rowsRejected: 0 });
    expect(res.body.mapping).toMatchObject({ invoiceNumber: 'Invoice Number', resalePrice: 'Resale Price' });
    expect((await lines(res.body.id)).map((l) => [l.invoiceLine, l.quantity, l.rowNumber])).toEqual([
      ['1', 5, 2],
      ['2', 6, 3],
    ]);
    // a CR inside a quoted cell stays in the cell; a bad row is named by its row and line
    const file = await send('/api/imports?fileName=cr-line-ends.csv', readFileSync(join(FIXTURES, 'cr-line-ends.csv')));
    expect(file.body).toMatchObject({ rowsAccepted: 3, rowsRejected: 1 });
    expect((await lines(file.body.id)).map((l) => l.endCustomerName)).toEqual([
      'Helios Medical',
      'Helios\rMedical Devices',
      'Orion Automotive',
    ]);
    expect(await reportOf(file.body.id)).toEqual([
      {
        rowNumber: 4,
        column: 'invoiceDate',
        code: 'INVALID_DATE',
        message: 'Invoice Date "2026-11-31" is not a calendar date',
        raw: expect.any(String),
      },
    ]);
  });

  it('decodes UTF-16 without a byte-order mark, little and big endian, and records the encoding', async () => {
    const le = await send('/api/imports?fileName=u16.txt', readFileSync(join(FIXTURES, 'utf16le-no-bom.tsv')), 'text/tab-separated-values');
    expect(le.status).toBe(201);
    expect(le.body).toMatchObject({
      rowsAccepted: 2,
      rowsRejected: 0,
      settings: { encoding: 'utf-16le', encodingFrom: 'file', delimiter: '\t' },
    });
    expect((await lines(le.body.id)).map((l) => l.endCustomerName)).toEqual(['Société Générale', 'Müller & Fils']);
    const be = await send('/api/imports?fileName=u16be.csv', readFileSync(join(FIXTURES, 'utf16be-no-bom.csv')));
    expect(be.body).toMatchObject({ rowsAccepted: 2, settings: { encoding: 'utf-16be', encodingFrom: 'file', delimiter: ';' } });
    const preview = await send(
      '/api/imports/preview',
      Buffer.from('Invoice No\tLine\tInvoice Date\tMPN\tQty\nP16-1\t1\t2026-11-05\tVS-ADC-24S\t3\n', 'utf16le'),
    );
    expect(preview.status).toBe(200);
    expect(preview.body.settings).toMatchObject({ encoding: 'utf-16le', encodingFrom: 'file' });
    expect(preview.body.lines.map((l: { invoiceNumber: string }) => l.invoiceNumber)).toEqual(['P16-1']);
  });

  it('checks digits grouped with spaces as it checks "," and "." thousands separators', async () => {
    const csv = [
      HEADER,
      'SPC-1,1,2026-11-05,VS-PMIC-45A,1 000,1.00',
      'SPC-1,2,2026-11-05,VS-PMIC-45A,1 0,1.00',
      'SPC-1,3,2026-11-05,VS-PMIC-45A,12 34,1.00',
      'SPC-1,4,2026-11-05,VS-PMIC-45A,5,1 23.4',
      'SPC-1,5,2026-11-05,VS-PMIC-45A,1\u00a0200,1\u202f234.50',
    ].join('\n');
    const res = await send('/api/imports?fileName=spaces.csv', csv);
    expect(res.body).toMatchObject({ rowsAccepted: 2, rowsRejected: 3 });
    expect((await lines(res.body.id)).map((l) => [l.quantity, l.resalePrice])).toEqual([
      [1000, '1.0000'],
      [1200, '1234.5000'],
    ]);
    expect((await reportOf(res.body.id)).map((e) => [e.rowNumber, e.column, e.code, e.message])).toEqual([
      [3, 'quantity', 'INVALID_QUANTITY', 'Quantity "1 0" has misplaced thousands separators'],
      [4, 'quantity', 'INVALID_QUANTITY', 'Quantity "12 34" has misplaced thousands separators'],
      [5, 'resalePrice', 'INVALID_NUMBER', 'Resale Price "1 23.4" has misplaced thousands separators'],
    ]);
    // a file written the French way: "1 234,50 $" and "1 000" read (a "€" would be another currency than the distributor's USD)
    const fr = await send(
      '/api/imports?fileName=fr.csv',
      'Invoice Number;Invoice Line;Invoice Date;Vendor Part Number;Quantity;Resale Price\nSPC-2;1;05.11.2026;VS-PMIC-45A;1 000;1 234,50 $\n',
    );
    expect(fr.body).toMatchObject({ rowsAccepted: 1, rowsRejected: 0, settings: { decimalMark: ',' } });
    expect((await lines(fr.body.id)).map((l) => [l.quantity, l.resalePrice])).toEqual([[1000, '1234.5000']]);
  });

  it('says each row problem once, of its subject; keeps zeros past the fourth decimal out of the way', async () => {
    const res = await send('/api/imports?fileName=row-messages.csv', readFileSync(join(FIXTURES, 'row-messages.csv')));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rowsAccepted: 2, rowsRejected: 4 });
    expect((await lines(res.body.id)).map((l) => [l.invoiceLine, l.bookCost])).toEqual([
      ['1', '0.1234'],
      ['5', '1.0000'],
    ]);
    expect((await reportOf(res.body.id)).map((e) => [e.rowNumber, e.code, e.message])).toEqual([
      // francs in a file of the distributor's dollars: not "written with ',' as the decimal mark"
      [
        3,
        'CURRENCY_MISMATCH',
        `Resale Price "Fr. 12.50" is in CHF (Fr.), but the file's currency is USD: amounts are not converted, write them in USD`,
      ],
      [4, 'INVALID_NUMBER', 'Book Cost "0.12345" has 5 decimals; at most 4 are kept exactly'],
      [5, 'ROW_TOO_LONG', 'the row is longer than 65536 characters'],
      [7, 'MALFORMED_ROW', 'the row has a quoted value that is not closed before the end of the file'],
    ]);
  });

  it('refuses two columns with one header naming what to send, and reads the column the mapping names by position', async () => {
    const csv = `${HEADER.replace('Resale Price', 'Quantity')}\nDUP-API-1,1,2026-11-05,VS-PMIC-45A,5,50\n`;
    const refused = await send('/api/imports?fileName=dup.csv', csv);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'MAPPING_AMBIGUOUS', ambiguous: ['quantity'] });
    expect(refused.body.detail).toBe(
      'quantity could be two columns, "Quantity" (#5) and "Quantity" (#6): map quantity to one of them by its position in the column mapping, {"quantity": "#5"} or {"quantity": "#6"}',
    );
    expect(refused.body.detail).not.toMatch(/quantity quantity/);
    // the advice, as given
    expect((await saveMapping({ quantity: '#6' })).status).toBe(200);
    try {
      const read = await send('/api/imports?fileName=dup.csv', csv);
      expect(read.status).toBe(201);
      expect(read.body.mapping).toMatchObject({ quantity: 'Quantity' });
      expect((await lines(read.body.id)).map((l) => [l.quantity, l.extra])).toEqual([[50, { quantity2: '5' }]]);
      // a position past the header's end: named as such
      expect((await saveMapping({ quantity: '#9' })).status).toBe(200);
      const past = await send('/api/imports?fileName=dup.csv', csv);
      expect(past.status).toBe(422);
      expect(past.body).toMatchObject({ code: 'MAPPING_INCOMPLETE', missing: ['quantity'] });
      expect(past.body.errors).toEqual([
        { field: 'quantity', message: 'quantity has no column #9 (its position in the column mapping): the header has 6 columns' },
      ]);
    } finally {
      await saveMapping({});
    }
  });

  it('keeps the values under a header cell left empty as extra "column7"', async () => {
    const csv =
      'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Notes,,Invoice-Ref\nEH-API-1,1,2026-11-05,VS-PMIC-45A,5,n,under none,R1\n';
    const res = await send('/api/imports?fileName=empty-header.csv', csv);
    expect(res.body).toMatchObject({ rowsAccepted: 1, rowsRejected: 0 });
    expect((await lines(res.body.id))[0]!.extra).toEqual({ notes: 'n', column7: 'under none', invoiceRef: 'R1' });
    const preview = await send('/api/imports/preview', csv);
    expect(preview.body.extraColumns).toEqual(['notes', 'column7', 'invoiceRef']);
  });

  it("recognises the distributors' own header names", async () => {
    const csv = 'Inv #,Ln,Inv Date,Mfr Part,Qty,S&D Number\nDH-API-1,1,2026-11-05,VS-PMIC-45A,5,SD-1\n';
    const res = await send('/api/imports?fileName=arrow.csv', csv);
    expect(res.status).toBe(201);
    expect(res.body.mapping).toMatchObject({ invoiceNumber: 'Inv #', invoiceLine: 'Ln', authorizationNumber: 'S&D Number' });
    const other = await send(
      '/api/imports/preview',
      'Inv Nbr,Line Nbr,Inv Date,Mfr Part,Qty,SPA #\nDH-API-2,1,2026-11-05,VS-PMIC-45A,5,SD-1\n',
    );
    expect(other.body.columns).toMatchObject({ invoiceNumber: 'Inv Nbr', invoiceLine: 'Line Nbr', authorizationNumber: 'SPA #' });
  });

  it('takes the separator by the names the CSV exports take', async () => {
    const semi = 'Invoice Number;Invoice Line;Invoice Date;Vendor Part Number;Quantity\nDL-1;1;2026-11-05;VS-PMIC-45A;5\n';
    const res = await send('/api/imports?fileName=semi.csv&delimiter=semicolon', semi);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rowsAccepted: 1, settings: { delimiter: ';' } });
    const tab = await send('/api/imports/preview?delimiter=tab', semi.replace(/;/g, '\t').replace('DL-1', 'DL-2'));
    expect(tab.body.settings.delimiter).toBe('\t');
    const pipe = await send('/api/imports/preview?delimiter=pipe', semi.replace(/;/g, '|'));
    expect(pipe.body.settings.delimiter).toBe('|');
    // a comma named for a semicolon file: one column, named as missing
    const comma = await send('/api/imports/preview?delimiter=comma', semi);
    expect(comma.status).toBe(422);
    const bad = await send('/api/imports?delimiter=colon', semi);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('delimiter');
  });

  it('reads charset=us-ascii as UTF-8, its superset', async () => {
    const csv = `${HEADER}\nASC-1,1,2026-11-05,VS-PMIC-45A,5,1.00\n`;
    const res = await send('/api/imports?fileName=ascii.csv', csv, 'text/csv; charset=us-ascii');
    expect(res.status).toBe(201);
    expect(res.body.settings).toMatchObject({ encoding: 'utf-8', encodingFrom: 'chosen' });
    // a byte that is not ASCII in a file declared so is not read as Windows-1252
    const latin = await send(
      '/api/imports/preview',
      Buffer.from(`${HEADER},End Customer\nASC-2,1,2026-11-05,VS-PMIC-45A,5,1.00,Zürich\n`, 'latin1'),
      'text/csv; charset=US-ASCII',
    );
    expect(latin.status).toBe(422);
    expect(latin.body).toMatchObject({ code: 'ENCODING_INVALID', setting: 'charset' });
  });

  describe('a compressed file or a workbook', () => {
    const csv = `${HEADER}\nGZ-1,1,2026-11-05,VS-PMIC-45A,5,1.00\n`;
    const bodies: [string, Buffer, RegExp][] = [
      ['gzip', gzipSync(csv), /^this is a compressed file \(gzip\), not a CSV: save it as CSV \(UTF-8\)/],
      [
        'xlsx',
        readFileSync(join(FIXTURES, 'workbook.xlsx')),
        /^this is an Excel workbook \(\.xlsx\) or another zip file, not a CSV: save it as CSV \(UTF-8\)$/,
      ],
      ['xls', readFileSync(join(FIXTURES, 'workbook.xls')), /^this is an Excel workbook \(\.xls\), not a CSV: save it as CSV \(UTF-8\)$/],
    ];
    it.each(bodies)('%s: 415 UNSUPPORTED_FILE on every file route, nothing stored', async (_kind, body, words) => {
      const before = await importCount();
      for (const [path, type] of [
        ['/api/imports?fileName=f', 'text/csv'],
        ['/api/imports?fileName=f', 'application/octet-stream'],
        ['/api/imports/preview', 'text/csv'],
        ['/api/claims/file?fileName=f', 'text/csv'],
      ] as const) {
        const res = await send(path, body, type);
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 415, code: 'UNSUPPORTED_FILE' });
        expect(res.body.detail).toMatch(words);
      }
      expect(await importCount()).toBe(before);
    });

    it('is told by its first bytes however the body is cut into chunks', async () => {
      // a chunked upload whose first chunk is one byte: the check waits for enough of them
      const body = gzipSync(csv);
      const req = t.http.post('/api/imports?wait=true').set('Authorization', auth).set('Content-Type', 'text/csv');
      req.write(body.subarray(0, 1));
      req.write(body.subarray(1));
      const res = await req;
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_FILE' });
    });
  });
});
