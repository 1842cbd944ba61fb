/**
 * No silent misreads through the API: file settings inferred from the whole file or refused with
 * a 422 naming the setting, kept on the job; header mapping that never picks one of two columns
 * silently; the preview; returns kept as POS lines with a negative quantity.
 */
import { QueryTypes } from 'sequelize';
import { bearerOf, describeDb, startTestApp, USERS, type TestApp, waitFor } from '../support/harness.js';

describeDb('POS import settings, mapping and preview', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp();
    const c = await t.as(USERS.arrowhead);
    auth = bearerOf(c);
  });
  afterAll(() => t.close());
  const post = (path: string, csv: string) =>
    t.http.post(waitFor(path)).set('Authorization', auth).set('Content-Type', 'text/csv').send(csv);
  const HEADER = 'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Book Cost';

  it('reads a European file from all its columns together and keeps the settings on the job', async () => {
    const csv = [
      'Invoice Number;Invoice Line;Invoice Date;Vendor Part Number;Quantity;Book Cost',
      'EU-1;1;02.03.2026;VS-PMIC-45A;1.000;12,50',
    ].join('\r\n');
    const res = await post('/api/imports', csv);
    expect(res.status).toBe(201);
    expect(res.body.settings).toEqual({
      delimiter: ';',
      decimalMark: ',',
      dateOrder: 'DMY',
      decimalMarkFrom: 'file',
      dateOrderFrom: 'file',
      // plain ASCII: read as UTF-8, nothing in the file needed telling
      encoding: 'utf-8',
      encodingFrom: 'none',
    });
    expect(res.body.mapping).toMatchObject({ invoiceNumber: 'Invoice Number', quantity: 'Quantity' });
    expect((await t.http.get(`/api/imports/${res.body.id}`).set('Authorization', auth)).body.settings.decimalMark).toBe(',');
    const [line] = await t.db.sequelize.query<{ quantity: number }>('SELECT quantity FROM pos_lines WHERE import_id = ?', {
      replacements: [res.body.id],
      type: QueryTypes.SELECT,
    });
    expect(Number(line!.quantity)).toBe(1000);
  });

  it('stops a file whose dates read two ways with a 422 naming the setting, and reads it with the setting chosen', async () => {
    const csv = [HEADER, 'AMB-1,1,03/04/2026,VS-PMIC-45A,5,2.50', 'AMB-1,2,05/06/2026,VS-PMIC-45A,5,2.50'].join('\n');
    const refused = await post('/api/imports', csv);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'DATE_ORDER_AMBIGUOUS',
      setting: 'dateOrder',
      column: 'invoiceDate',
      samples: [
        { column: 'invoiceDate', value: '03/04/2026' },
        { column: 'invoiceDate', value: '05/06/2026' },
      ],
      choose: ['dateOrder=DMY', 'dateOrder=MDY'],
    });
    expect((await t.http.get(`/api/imports/${refused.body.importId}`).set('Authorization', auth)).body.status).toBe('failed');
    const chosen = await post('/api/imports?dateOrder=DMY', csv);
    expect(chosen.status).toBe(201);
    expect(chosen.body.settings).toMatchObject({ dateOrder: 'DMY', dateOrderFrom: 'chosen' });
  });

  it('stops a file whose amounts read two ways (decimalMark)', async () => {
    const res = await post('/api/imports', [HEADER, 'AMB-2,1,2026-03-01,VS-PMIC-45A,5,"1,250"'].join('\n'));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'DECIMAL_MARK_AMBIGUOUS', setting: 'decimalMark', column: 'bookCost' });
  });

  it('matches a mapped header exactly before loosely, and refuses two equal candidates naming both', async () => {
    const csv = [
      'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Auth $,Auth #',
      'MAP-1,1,2026-03-01,VS-PMIC-45A,1,WRONG,RIGHT',
    ].join('\n');
    const put = await t.http
      .put('/api/imports/mapping')
      .set('Authorization', auth)
      .send({ mapping: { authorizationNumber: 'Auth #' }, options: {} });
    expect(put.status).toBe(200);
    const preview = await post('/api/imports/preview', csv);
    expect(preview.status).toBe(200);
    expect(preview.body.columns.authorizationNumber).toBe('Auth #');
    expect(preview.body.lines[0].authorizationNumber).toBe('RIGHT');
    await t.http
      .put('/api/imports/mapping')
      .set('Authorization', auth)
      .send({ mapping: { authorizationNumber: 'Auth' }, options: {} });
    const refused = await post('/api/imports', csv);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('MAPPING_AMBIGUOUS');
    expect(refused.body.detail ?? refused.body.message).toContain('"Auth $" (#6) and "Auth #" (#7)');
    await t.http.put('/api/imports/mapping').set('Authorization', auth).send({ mapping: {}, options: {} });
  });

  it('previews the first rows with their errors, columns and settings, and stores nothing', async () => {
    const before = (await t.http.get('/api/imports').set('Authorization', auth)).body.items.length;
    const rows = [
      HEADER,
      ...Array.from({ length: 30 }, (_, i) => `PRE-1,${i + 1},${i === 2 ? 'soon' : '2026-03-01'},VS-PMIC-45A,${i + 1},2.50`),
    ];
    const res = await post('/api/imports/preview?limit=5', rows.join('\n'));
    expect(res.status).toBe(200);
    expect(res.body.rowsRead).toBe(5);
    expect(res.body.lines.map((l: { invoiceLine: string }) => l.invoiceLine)).toEqual(['1', '2', '4', '5']);
    expect(res.body.errors).toEqual([expect.objectContaining({ rowNumber: 4, column: 'invoiceDate', code: 'INVALID_DATE' })]);
    expect(res.body.settings).toMatchObject({ delimiter: ',', decimalMark: '.', decimalMarkFrom: 'file' });
    expect(res.body.columns).toMatchObject({ invoiceDate: 'Invoice Date', bookCost: 'Book Cost' });
    expect((await t.http.get('/api/imports').set('Authorization', auth)).body.items.length).toBe(before);
    const refused = await post('/api/imports/preview', [HEADER, 'P-2,1,03/04/2026,VS-PMIC-45A,1,2.50'].join('\n'));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('DATE_ORDER_AMBIGUOUS');
  });

  it('keeps a return as a POS line with a negative quantity', async () => {
    const res = await post(
      '/api/imports',
      [`${HEADER},Return Flag`, 'RET-1,1,2026-03-01,VS-PMIC-45A,-3,2.50,', 'RET-1,2,2026-03-01,VS-PMIC-45A,2,2.50,Y'].join('\n'),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rowsAccepted: 2, rowsRejected: 0 });
    const lines = await t.db.sequelize.query<{ quantity: number; extra: string }>(
      'SELECT quantity, extra FROM pos_lines WHERE import_id = ? ORDER BY id',
      { replacements: [res.body.id], type: QueryTypes.SELECT },
    );
    expect(lines.map((l) => [Number(l.quantity), JSON.parse(l.extra)])).toEqual([
      [-3, { creditReturn: true }],
      [-2, { creditReturn: true }],
    ]);
  });
});
