/**
 * The CSV dialect of the server's exports over the real app and database: `?delimiter=` and
 * `?decimal=` choose it, Accept-Language gives it when they do not (German Excel reads `;` and
 * decimal commas), a parameter always wins, a bad value is a 400 naming the parameter; and the
 * error report, in either dialect, is read back by the product's own CSV reader and its fixed rows
 * are imported again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { CSV_BOM, csvRecord } from '../../core/csv.js';
import { CsvRecordReader } from '../../core/pos/csv.js';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

/** A CSV answer's records, read with the separator it is written in. */
const recordsOf = (text: string, delimiter: string) => {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { delimiter, skipEmptyLines: true }).data;
};

describeDb('CSV dialects of the exports', () => {
  let t: TestApp;
  let finance: Client;
  let admin: Client;
  let arrow: Client;
  let importId: number;
  let messy: string;
  beforeAll(async () => {
    t = await startTestApp();
    finance = await t.as(USERS.finance);
    admin = await t.as(USERS.admin);
    arrow = await t.as(USERS.arrowhead);
    const auths = await arrow.get('/api/authorizations');
    const authNumber = auths.body.items.find((a: { lines: unknown[] }) => a.lines.length === 2).number as string;
    messy = readFileSync(join(__dirname, '..', 'fixtures', 'imports', 'arrowhead-messy.csv'), 'utf8').replace(/\{\{AUTH\}\}/g, authNumber);
    // The distributor's saved mapping names its own headers (Inv #, Ln, ...), as in imports.test.ts.
    const mapping = { invoiceNumber: 'Inv #', invoiceLine: 'Ln', invoiceDate: 'Inv Date', authorizationNumber: 'S&D Number' };
    expect((await t.http.put('/api/imports/mapping').set('Authorization', bearerOf(arrow)).send({ mapping, options: {} })).status).toBe(
      200,
    );
    const res = await upload(messy);
    expect(res.body).toMatchObject({ rowsAccepted: 4, rowsRejected: 3 });
    importId = res.body.id;
  });
  afterAll(() => t.close());

  const upload = (csv: string) =>
    t.http.post('/api/imports?wait=true').set('Authorization', bearerOf(arrow)).set('Content-Type', 'text/csv').send(csv);

  /** The journal as JSON: each line's debit and credit, in CSV order. */
  const journalLines = async () =>
    ((await finance.get('/api/finance/journal')).body.entries as { lines: { account: string; debit: string; credit: string }[] }[]).flatMap(
      (e) => e.lines,
    );

  it('writes the journal with semicolons and decimal commas when asked; the amounts only, account codes untouched', async () => {
    const res = await finance.get('/api/finance/journal?format=csv&delimiter=semicolon&decimal=comma');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    // Asked for whole, the answer does not depend on Accept-Language.
    expect(res.headers.vary ?? '').not.toMatch(/accept-language/i);
    const [header, ...rows] = recordsOf(res.text, ';');
    expect(header).toContain('debit');
    const lines = await journalLines();
    expect(lines.length).toBeGreaterThan(0);
    const at = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[at('account')], r[at('debit')], r[at('credit')]])).toEqual(
      lines.map((l) => [l.account, l.debit.replace('.', ','), l.credit.replace('.', ',')]),
    );
    expect(res.text.split('\r\n')[0]).toBe(`${CSV_BOM}${header!.join(';')}`);
  });

  it("writes German Excel's dialect for Accept-Language: de-DE, and says the answer varies with it", async () => {
    const res = await finance.get('/api/finance/journal?format=csv').set('Accept-Language', 'de-DE,de;q=0.9,en;q=0.8');
    expect(res.status).toBe(200);
    expect(res.headers.vary).toMatch(/accept-language/i);
    const asked = await finance.get('/api/finance/journal?format=csv&delimiter=semicolon&decimal=comma');
    expect(res.text).toBe(asked.text);
    const [, first] = recordsOf(res.text, ';');
    expect(first!.join(';')).toMatch(/;\d+,\d{4};\d+,\d{4};/);
  });

  it('keeps the comma dialect without Accept-Language or for English, and an explicit parameter wins over the header', async () => {
    const plain = await finance.get('/api/finance/journal?format=csv');
    const header = plain.text.split('\r\n')[0];
    expect(header).toBe(
      `${CSV_BOM}entryId,entryDate,month,kind,source,sourceId,sourceNumber,distributorId,programType,currency,creditMemoNumber,erpReference,account,debit,credit,note`,
    );
    expect((await finance.get('/api/finance/journal?format=csv').set('Accept-Language', 'en-US,en;q=0.9,de;q=0.5')).text).toBe(plain.text);
    const wins = await finance.get('/api/finance/journal?format=csv&delimiter=comma&decimal=point').set('Accept-Language', 'de-DE');
    expect(wins.text).toBe(plain.text);
    // Only the delimiter asked for: the decimal mark is the header's, unless that is the delimiter.
    const tab = await finance.get('/api/finance/journal?format=csv&delimiter=tab').set('Accept-Language', 'fr-FR');
    expect(recordsOf(tab.text, '\t')[1]!.join('\t')).toMatch(/\t\d+,\d{4}\t\d+,\d{4}\t/);
    const comma = await finance.get('/api/finance/journal?format=csv&delimiter=comma').set('Accept-Language', 'de-DE');
    expect(comma.text).toBe(plain.text);
  });

  it('refuses a dialect it does not write with a 400 naming the parameter', async () => {
    for (const [path, field] of [
      ['/api/finance/journal?format=csv&delimiter=pipe', 'delimiter'],
      ['/api/finance/journal?format=csv&decimal=dot', 'decimal'],
      ['/api/audit/export.csv?delimiter=%3B', 'delimiter'],
      [`/api/imports/${importId}/errors.csv?decimal=`, 'decimal'],
      ['/api/analytics/by-month?format=csv&delimiter=SEMICOLON', 'delimiter'],
    ] as const) {
      const res = path.startsWith('/api/imports') ? await arrow.get(path) : await admin.get(path);
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
      expect(res.body.errors).toEqual([{ field, message: expect.stringContaining('comma') }]);
    }
  });

  it('writes the audit trail in the dialect of the request; its JSON cells keep their own text', async () => {
    const res = await admin.get('/api/audit/export.csv?limit=50').set('Accept-Language', 'fr-CH');
    expect(res.status).toBe(200);
    const [header, ...rows] = recordsOf(res.text, ';');
    expect(header).toEqual([
      'id',
      'occurredAt',
      'actorUserId',
      'actorRole',
      'action',
      'entityType',
      'entityId',
      'distributorId',
      'reason',
      'before',
      'after',
    ]);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows.filter((x) => x[10])) expect(() => JSON.parse(r[10]!)).not.toThrow();
  });

  it('writes an analytics report with decimal commas in its amounts and rate, its month key as text', async () => {
    const res = await finance.get('/api/analytics/by-month?format=csv&delimiter=semicolon&decimal=comma');
    expect(res.status).toBe(200);
    const [header, ...rows] = recordsOf(res.text, ';');
    expect(header!.slice(0, 3)).toEqual(['Month', 'Currency', 'Claimed']);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r[0]).toMatch(/^\d{4}-\d{2}$/);
      expect(r[2]).toMatch(/^-?\d+,\d{4}$/);
      expect(r[header!.indexOf('Rate')]).toMatch(/^(\d+(,\d+)?)?$/);
    }
  });

  for (const [dialect, query, language, separator] of [
    ['German Excel (Accept-Language: de-DE, no parameter)', '', 'de-DE', ';'],
    ['comma and point, asked for', '?delimiter=comma&decimal=point', 'de-DE', ','],
  ] as const)
    it(`writes the error report in ${dialect}; read back by our CSV reader, its fixed raw rows import again`, async () => {
      const res = await arrow.get(`/api/imports/${importId}/errors.csv${query}`).set('Accept-Language', language);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toContain(`import-${importId}-errors.csv`);
      // The product's own reader: BOM stripped, separator sniffed from the header.
      const reader = new CsvRecordReader();
      const records = [...reader.push(res.text).records, ...reader.end().records].map((r) => r.cells);
      expect(reader.detectedSeparator).toBe(separator);
      expect(records[0]).toEqual(['row', 'column', 'code', 'message', 'raw']);
      const report = records.slice(1);
      expect(report.map(([row, column, code]) => [row, column, code])).toEqual([
        ['4', 'invoiceDate', 'INVALID_DATE'],
        ['5', 'invoiceLine', 'MISSING_REQUIRED_FIELD'],
        ['7', 'quantity', 'INVALID_QUANTITY'],
      ]);
      // Each raw row is the file's row as it came (its own `;` and decimal commas): fix the cells
      // the report names, put the file's header back on, and send it again.
      const fileSeparator = ';';
      const [fileHeader] = messy.replace(/^\uFEFF/, '').split('\r\n');
      const fixes: Record<string, (cells: string[]) => void> = {
        invoiceDate: (c) => (c[2] = '28.02.2026'),
        invoiceLine: (c) => (c[1] = '2'),
        quantity: (c) => (c[4] = '7'),
      };
      const fixed = report.map(([, column, , , raw]) => {
        const rawReader = new CsvRecordReader({ separator: fileSeparator });
        const [record] = [...rawReader.push(raw!).records, ...rawReader.end().records];
        const cells = [...record!.cells];
        expect(cells[5]).toMatch(/^\d+,\d{4}$/);
        fixes[column!]!(cells);
        return csvRecord(cells, fileSeparator);
      });
      const again = await upload([fileHeader, ...fixed].join('\r\n'));
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ rowsRejected: 0 });
      expect(again.body.rowsAccepted + again.body.rowsDuplicate).toBe(3);
    });
});
