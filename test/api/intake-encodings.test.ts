/**
 * What a file's bytes say before its rows do: Windows-1252 / Latin-1 files (Excel's European
 * "CSV") read as such (declared by `charset`, or inferred when the file is not UTF-8), UTF-16 with
 * a byte-order mark decoded, a file that is neither refused with one 422 naming the setting; and
 * amounts beyond what a claim can carry refused by row (or by claim), never a 500.
 */
import { QueryTypes } from 'sequelize';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, waitFor, type TestApp } from '../support/harness.js';

describeDb('file encodings and amounts a claim can carry', () => {
  let t: TestApp;
  let auth: string;
  let authNumber: string;
  beforeAll(async () => {
    t = await startTestApp();
    auth = bearerOf(await t.as(USERS.arrowhead));
    authNumber = (await approvedAuthorization(t, { quantity: 5000, cost: '5.0270', justification: 'encodings' })).number;
  });
  afterAll(() => t.close());

  const send = (path: string, body: Buffer, contentType = 'text/csv') =>
    t.http.post(waitFor(path)).set('Authorization', auth).set('Content-Type', contentType).send(body);
  const q = <T>(sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;
  const endCustomers = (importId: number) =>
    q<{ name: string }>('SELECT end_customer_name AS name FROM pos_lines WHERE import_id = ? ORDER BY id', [importId]).then((r) =>
      r.map((x) => x.name),
    );

  const NAME = 'Société Générale Zürich';
  /** A semicolon POS report, as Excel's European CSV export writes it. */
  const posReport = (inv: string) =>
    [
      'Invoice No;Line;Invoice Date;Mfr Part;Qty;Book Cost;End Customer',
      `${inv};1;20.10.2026;VS-ADC-24S;10;6,0270;${NAME}`,
      `${inv};2;21.10.2026;VS-ADC-24S;5;6,0270;Müller & Fils`,
    ].join('\r\n') + '\r\n';
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const utf16be = (text: string) => {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  };

  it('reads a Windows-1252 file declared by its charset, and records the encoding', async () => {
    const res = await send('/api/imports?fileName=eu.csv', latin1(posReport('ENC-1')), 'text/csv; charset=windows-1252');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', rowsAccepted: 2, rowsRejected: 0 });
    expect(res.body.settings).toMatchObject({ encoding: 'windows-1252', encodingFrom: 'chosen' });
    expect(await endCustomers(res.body.id)).toEqual([NAME, 'Müller & Fils']);
    // iso-8859-1 and latin1 are the same setting (as browsers read them)
    const iso = await send('/api/imports/preview', latin1(posReport('ENC-1B')), 'text/csv; charset="ISO-8859-1"');
    expect(iso.status).toBe(200);
    expect(iso.body.lines[0].endCustomerName).toBe(NAME);
  });

  it('infers Windows-1252 for a file that is not UTF-8 and reads cleanly as it, and says so', async () => {
    const res = await send('/api/imports?fileName=eu.csv', latin1(posReport('ENC-2')));
    expect(res.status).toBe(201);
    expect(res.body.settings).toMatchObject({ encoding: 'windows-1252', encodingFrom: 'file', decimalMark: ',', dateOrder: 'DMY' });
    expect(await endCustomers(res.body.id)).toEqual([NAME, 'Müller & Fils']);
    const preview = await send('/api/imports/preview', latin1(posReport('ENC-2')));
    expect(preview.status).toBe(200);
    expect(preview.body.settings).toMatchObject({ encoding: 'windows-1252', encodingFrom: 'file' });
    expect(preview.body.lines.map((l: { endCustomerName: string }) => l.endCustomerName)).toEqual([NAME, 'Müller & Fils']);
    expect(JSON.stringify(preview.body)).not.toContain('\ufffd');
  });

  it('infers Windows-1252 when the first non-ASCII byte comes after a chunk of plain ASCII', async () => {
    // 200 KiB of ASCII rows first: the file is read a chunk at a time, the first accent comes late
    const rows = ['Invoice No;Line;Invoice Date;Mfr Part;Qty;Book Cost;End Customer'];
    for (let i = 1; i <= 3000; i++) rows.push(`ENC-3;${i};20.10.2026;VS-ADC-24S;1;6,0270;Plain Customer Name ${i}`);
    rows.push(`ENC-3;9999;20.10.2026;VS-ADC-24S;1;6,0270;${NAME}`);
    const res = await send('/api/imports?fileName=late.csv', latin1(rows.join('\n')));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rowsAccepted: 3001, settings: { encoding: 'windows-1252', encodingFrom: 'file' } });
    const [last] = await q<{ name: string }>(
      "SELECT end_customer_name AS name FROM pos_lines WHERE invoice_number = 'ENC-3' AND invoice_line = '9999'",
    );
    expect(last!.name).toBe(NAME);
  });

  it('keeps reading UTF-8 (with or without a BOM) as UTF-8', async () => {
    const plain = await send('/api/imports?fileName=u8.csv', Buffer.from(posReport('ENC-4'), 'utf8'));
    expect(plain.status).toBe(201);
    expect(plain.body.settings).toMatchObject({ encoding: 'utf-8', encodingFrom: 'file' });
    expect(await endCustomers(plain.body.id)).toEqual([NAME, 'Müller & Fils']);
    const bom = await send('/api/imports?fileName=u8bom.csv', Buffer.from('\ufeff' + posReport('ENC-5'), 'utf8'));
    expect(bom.status).toBe(201);
    expect(bom.body).toMatchObject({ rowsAccepted: 2, settings: { encoding: 'utf-8', encodingFrom: 'file' } });
    expect(bom.body.mapping.invoiceNumber).toBe('Invoice No');
    expect(await endCustomers(bom.body.id)).toEqual([NAME, 'Müller & Fils']);
    const ascii = await send('/api/imports?fileName=ascii.csv', Buffer.from(posReport('ENC-6').replace(/[éèüÉ]/g, 'e'), 'utf8'));
    expect(ascii.body.settings).toMatchObject({ encoding: 'utf-8', encodingFrom: 'none' });
  });

  it('refuses a file that is neither UTF-8 nor Windows-1252 with one 422 naming the charset to choose', async () => {
    // UTF-8 text, then a Latin-1 byte: neither encoding reads the whole file
    const mixed = Buffer.concat([Buffer.from(posReport('ENC-7'), 'utf8'), latin1(`ENC-7;3;21.10.2026;VS-ADC-24S;5;6,0270;Zürich\r\n`)]);
    const res = await send('/api/imports?fileName=mixed.csv', mixed);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'ENCODING_INVALID', setting: 'charset', line: 4, importId: expect.any(Number) });
    expect(res.body.detail).toMatch(/charset=windows-1252/);
    expect(await endCustomers(res.body.importId)).toEqual([]);
    // declared UTF-8 and not UTF-8: refused, not read with replacement characters
    const declared = await send('/api/imports/preview', latin1(posReport('ENC-8')), 'text/csv; charset=utf-8');
    expect(declared.status).toBe(422);
    expect(declared.body).toMatchObject({ code: 'ENCODING_INVALID', setting: 'charset', line: 2 });
    // a charset this import does not read: refused before anything is stored
    const other = await send('/api/imports', latin1(posReport('ENC-9')), 'text/csv; charset=shift_jis');
    expect(other.status).toBe(415);
    expect(other.body.detail).toMatch(/windows-1252/);
  });

  it('decodes UTF-16 with a byte-order mark (Excel\'s "Unicode Text"), little and big endian', async () => {
    const tsv = (inv: string) => posReport(inv).replace(/;/g, '\t');
    const le = await send('/api/imports?fileName=unicode.txt', utf16le(tsv('ENC-10')), 'text/tab-separated-values');
    expect(le.status).toBe(201);
    expect(le.body).toMatchObject({
      rowsAccepted: 2,
      rowsRejected: 0,
      settings: { encoding: 'utf-16le', encodingFrom: 'file', delimiter: '\t' },
    });
    expect(le.body.mapping).toMatchObject({ invoiceNumber: 'Invoice No', quantity: 'Qty' });
    expect(await endCustomers(le.body.id)).toEqual([NAME, 'Müller & Fils']);
    const be = await send('/api/imports?fileName=unicode-be.txt', utf16be(tsv('ENC-11')));
    expect(be.status).toBe(201);
    expect(be.body).toMatchObject({ rowsAccepted: 2, settings: { encoding: 'utf-16be', encodingFrom: 'file' } });
    expect(await endCustomers(be.body.id)).toEqual([NAME, 'Müller & Fils']);
    const preview = await send('/api/imports/preview', utf16le(tsv('ENC-12')));
    expect(preview.body.lines).toHaveLength(2);
  });

  it('reads a Windows-1252 claim file (declared or inferred) into its claim', async () => {
    const header = 'Invoice No;Line;Invoice Date;Mfr Part;Qty;Book Cost;Debit Cost;S&D Number;End Customer';
    const file = (inv: string) => latin1([header, `${inv};1;20.10.2026;VS-ADC-24S;3;6,0270;5,0270;${authNumber};${NAME}`].join('\r\n'));
    for (const [inv, type, from] of [
      ['ENC-CF-1', 'text/csv; charset=windows-1252', 'chosen'],
      ['ENC-CF-2', 'text/csv', 'file'],
    ] as const) {
      const res = await send(`/api/claims/file?debitMemoNumber=${inv}`, file(inv), type);
      expect(res.status).toBe(201);
      const claim = (await t.http.get(`/api/claims/${res.body.claim.id}`).set('Authorization', auth)).body as {
        lines: { endCustomerName: string }[];
      };
      expect(claim.lines.map((l) => l.endCustomerName)).toEqual([NAME]);
      const job = (await t.http.get(`/api/imports/${res.body.importId}`).set('Authorization', auth)).body;
      expect(job.settings).toMatchObject({ encoding: 'windows-1252', encodingFrom: from });
    }
    // A charset claim files are not read in is refused before anything is stored.
    expect((await send('/api/claims/file?debitMemoNumber=ENC-CF-3', file('ENC-CF-3'), 'text/csv; charset=koi8-r')).status).toBe(415);
  });
});
