/**
 * A POS file's rows against the sales on file, and against the distributor it is for:
 * - a row whose sale (its canonical POS key: ' inv-7 ' is 'INV-7') is on file already, in the same
 *   file or an earlier import, with other values is a row error SALE_ALREADY_ON_FILE naming the
 *   earlier row, the fields that differ and how to correct (void, send again); the same values
 *   said again stay a silent duplicate (a file sent twice adds nothing, complains about nothing);
 * - a row whose Distributor ID names another distributor is a row error DISTRIBUTOR_MISMATCH, with
 *   one message for another distributor and for a name nobody has; the file's other rows are kept.
 * The preview flags both as the import would.
 */
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface RowError {
  rowNumber: number;
  column: string | null;
  code: string;
  message: string;
}

const HEADER = 'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity';

describeDb('POS rows against the sales on file and the distributor', () => {
  let t: TestApp;
  let arrow: Client;
  let admin: Client;
  let finance: Client;
  let arrowId: number;
  let northId: number;
  beforeAll(async () => {
    t = await startTestApp();
    [arrow, admin, finance] = await Promise.all([t.as(USERS.arrowhead), t.as(USERS.admin), t.as(USERS.finance)]);
    arrowId = (await arrow.get('/api/session')).body.distributorId;
    northId = (await (await t.as(USERS.northbridge)).get('/api/session')).body.distributorId;
  });
  afterAll(() => t.close());

  const upload = (csv: string, q = '', as: Client = arrow) =>
    t.http.post(`/api/imports?wait=true${q}`).set('Authorization', bearerOf(as)).set('Content-Type', 'text/csv').send(csv);
  const preview = (csv: string) =>
    t.http.post('/api/imports/preview').set('Authorization', bearerOf(arrow)).set('Content-Type', 'text/csv').send(csv);
  const errorsOf = async (id: number) => (await arrow.get(`/api/imports/${id}/errors`)).body.items as RowError[];
  const stored = async (id: number) =>
    ((await arrow.get(`/api/imports/${id}/lines`)).body.items as { rowNumber: number; invoiceNumber: string; quantity: number }[]).map(
      (l) => [l.rowNumber, l.invoiceNumber, l.quantity],
    );

  describe('a sale sent twice', () => {
    it('refuses a second row of the same sale in one file with another quantity, naming the first row, the change and the fix', async () => {
      const res = await upload(`${HEADER}\nW-1,1,2026-11-05,VS-PMIC-45A,5\nw-1,1,2026-11-05,VS-PMIC-45A,9\n`);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'completed', rowsRead: 2, rowsAccepted: 1, rowsDuplicate: 0, rowsRejected: 1 });
      const [error, ...others] = await errorsOf(res.body.id);
      expect(others).toEqual([]);
      expect(error).toMatchObject({ rowNumber: 3, column: 'quantity', code: 'SALE_ALREADY_ON_FILE' });
      expect(error!.message).toContain('invoice w-1 line 1 is already in this file, row 2,');
      expect(error!.message).toContain('Quantity 5 there, 9 here');
      expect(error!.message).toContain(`void this import (POST /api/imports/${res.body.id}/void)`);
      // The first row is the sale on file.
      expect(await stored(res.body.id)).toEqual([[2, 'W-1', 5]]);
      // The report as CSV carries it too.
      expect((await arrow.get(`/api/imports/${res.body.id}/errors.csv`)).text).toContain('3,quantity,SALE_ALREADY_ON_FILE');
    });

    it('keeps a row that says the same sale again (another spelling of its invoice) a silent duplicate', async () => {
      const res = await upload(`${HEADER}\nW-2,1,2026-11-05,VS-PMIC-45A,5\n w-2 ,01,2026-11-05,VS-PMIC-45A,5\n`);
      expect(res.body).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsDuplicate: 1, rowsRejected: 0 });
      expect(await errorsOf(res.body.id)).toEqual([]);
    });

    it('refuses a later file changing a stored sale, naming the import, its row and how to correct it; the same file again adds nothing and says nothing', async () => {
      const first = await upload(
        `${HEADER}\nINV-8,1,2026-11-05,VS-PMIC-45A,5\nINV-8,2,2026-11-05,VS-PMIC-45A,3\n`,
        '&fileName=week-45.csv',
      );
      expect(first.body).toMatchObject({ rowsAccepted: 2, rowsRejected: 0 });
      // Sent again: nothing added, nothing reported.
      const again = await upload(`${HEADER}\nINV-8,1,2026-11-05,VS-PMIC-45A,5\nINV-8,2,2026-11-05,VS-PMIC-45A,3\n`);
      expect(again.body).toMatchObject({ rowsAccepted: 0, rowsDuplicate: 2, rowsRejected: 0 });
      expect(await errorsOf(again.body.id)).toEqual([]);

      const changed = await upload(
        `${HEADER}\ninv-8,1,2026-11-05,VS-PMIC-45A,6\ninv-8,2,2026-11-05,VS-PMIC-45A,3\nINV-9,1,2026-11-05,VS-PMIC-45A,1\n`,
      );
      expect(changed.body).toMatchObject({ rowsRead: 3, rowsAccepted: 1, rowsDuplicate: 1, rowsRejected: 1 });
      const errors = await errorsOf(changed.body.id);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ rowNumber: 2, column: 'quantity', code: 'SALE_ALREADY_ON_FILE' });
      expect(errors[0]!.message).toContain(`on file from import ${first.body.id} (week-45.csv), row 2,`);
      expect(errors[0]!.message).toContain('Quantity 5 there, 6 here');
      expect(errors[0]!.message).toContain(
        `void import ${first.body.id} (POST /api/imports/${first.body.id}/void) and send the corrected file`,
      );

      // The advice works: the first import voided, the corrected file is taken whole.
      const voided = await t.http
        .post(`/api/imports/${first.body.id}/void`)
        .set('Authorization', bearerOf(arrow))
        .send({ reason: 'quantity of INV-8 line 1 was 6' });
      expect(voided.status).toBe(200);
      const corrected = await upload(`${HEADER}\ninv-8,1,2026-11-05,VS-PMIC-45A,6\ninv-8,2,2026-11-05,VS-PMIC-45A,3\n`);
      expect(corrected.body).toMatchObject({ rowsAccepted: 2, rowsDuplicate: 0, rowsRejected: 0 });
    });

    it('names every field that differs (prices by value: 2.9 is 2.9000), the first one as the column', async () => {
      const header =
        'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Resale Price,Authorization Number,End Customer Name';
      const first = await upload(`${header}\nPX-1,1,2026-11-05,VS-PMIC-45A,5,2.90,SD-1,Helios\n`);
      expect(first.body.rowsAccepted).toBe(1);
      const same = await upload(`${header}\nPX-1,1,2026-11-05,VS-PMIC-45A,5,2.9000,SD-1,Helios\n`);
      expect(same.body).toMatchObject({ rowsDuplicate: 1, rowsRejected: 0 });
      const other = await upload(`${header}\nPX-1,1,2026-11-06,VS-PMIC-45A,5,3.10,SD-2,Helios Medical\n`);
      expect(other.body).toMatchObject({ rowsRejected: 1, rowsDuplicate: 0 });
      const [error] = await errorsOf(other.body.id);
      expect(error!.column).toBe('invoiceDate');
      for (const change of [
        'Invoice Date "2026-11-05" there, "2026-11-06" here',
        'Resale Unit Price 2.90 there, 3.10 here',
        'Authorization Number "SD-1" there, "SD-2" here',
        'End Customer Name "Helios" there, "Helios Medical" here',
      ])
        expect(error!.message).toContain(change);
      expect(error!.message).not.toContain('Quantity');
    });

    it('finds the earlier row of the same file in an earlier batch (past 5,000 rows), and in a JSON import', async () => {
      const rows = Array.from({ length: 5001 }, (_, i) => `BIG-${i},1,2026-11-05,VS-PMIC-45A,1`);
      const res = await upload(`${HEADER}\n${rows.join('\n')}\nbig-0,1,2026-11-05,VS-PMIC-45A,2\nbig-1,1,2026-11-05,VS-PMIC-45A,1\n`);
      expect(res.body).toMatchObject({ rowsRead: 5003, rowsAccepted: 5001, rowsDuplicate: 1, rowsRejected: 1 });
      const errors = await errorsOf(res.body.id);
      expect(errors).toEqual([expect.objectContaining({ rowNumber: 5003, column: 'quantity', code: 'SALE_ALREADY_ON_FILE' })]);
      expect(errors[0]!.message).toContain('already in this file, row 2,');

      const json = await arrow.post('/api/imports?wait=true', {
        lines: [
          { invoiceNumber: 'J-1', invoiceLine: 1, invoiceDate: '2026-11-05', vendorPartNumber: 'VS-PMIC-45A', quantity: 4 },
          { invoiceNumber: 'j-1', invoiceLine: '1', invoiceDate: '2026-11-05', vendorPartNumber: 'VS-PMIC-45A', quantity: 4 },
          { invoiceNumber: 'J-1', invoiceLine: 1, invoiceDate: '2026-11-05', vendorPartNumber: 'VS-ETH-PHY', quantity: 4 },
        ],
      });
      expect(json.body).toMatchObject({ rowsAccepted: 1, rowsDuplicate: 1, rowsRejected: 1 });
      expect(await errorsOf(json.body.id)).toEqual([
        expect.objectContaining({ rowNumber: 3, column: 'vendorPartNumber', code: 'SALE_ALREADY_ON_FILE' }),
      ]);
    });

    it('previews the same: a row changing a sale on file or an earlier previewed row is an error, one saying it again a line', async () => {
      const res = await preview(
        `${HEADER}\nINV-9,1,2026-11-05,VS-PMIC-45A,2\nPV-1,1,2026-11-05,VS-PMIC-45A,1\npv-1,1,2026-11-05,VS-PMIC-45A,1\nPV-1,1,2026-11-05,VS-PMIC-45A,7\nINV-9,1,2026-11-05,VS-PMIC-45A,1\n`,
      );
      expect(res.status).toBe(200);
      expect((res.body.lines as { row: number }[]).map((l) => l.row)).toEqual([3, 4, 6]);
      const errors = res.body.errors as RowError[];
      expect(errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
        [2, 'quantity', 'SALE_ALREADY_ON_FILE'],
        [5, 'quantity', 'SALE_ALREADY_ON_FILE'],
      ]);
      expect(errors[0]!.message).toMatch(
        /on file from import \d+( \([^)]*\))?, row 4, with other values \(Quantity 1 there, 2 here\): the import will not keep this row/,
      );
      expect(errors[1]!.message).toContain(
        'already in this file, row 3, with other values (Quantity 1 there, 7 here): the import will not keep this row; send one row per sale',
      );
    });
  });

  describe('the Distributor ID column', () => {
    const header = 'Distributor ID,Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity';
    it("keeps rows naming the file's distributor (id, name, code: any case) and refuses another's, or an unknown one, alike", async () => {
      expect((await admin.patch(`/api/masterdata/distributors/${arrowId}`, { externalRef: 'ARW-01' })).status).toBe(200);
      const res = await upload(
        [
          header,
          `${arrowId},DX-1,1,2026-11-05,VS-PMIC-45A,1`,
          ' arrowhead components ,DX-2,1,2026-11-05,VS-PMIC-45A,1',
          'arw-01,DX-3,1,2026-11-05,VS-PMIC-45A,1',
          ',DX-4,1,2026-11-05,VS-PMIC-45A,1',
          'Northbridge Electronics,DX-5,1,2026-11-05,VS-PMIC-45A,1',
          `${northId},DX-6,1,2026-11-05,VS-PMIC-45A,1`,
          'No Such Distributor,DX-7,1,2026-11-05,VS-PMIC-45A,1',
        ].join('\n'),
      );
      expect(res.body).toMatchObject({ status: 'completed', rowsRead: 7, rowsAccepted: 4, rowsRejected: 3 });
      expect((await stored(res.body.id)).map(([, invoice]) => invoice)).toEqual(['DX-1', 'DX-2', 'DX-3', 'DX-4']);
      const errors = await errorsOf(res.body.id);
      expect(errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
        [6, 'distributorId', 'DISTRIBUTOR_MISMATCH'],
        [7, 'distributorId', 'DISTRIBUTOR_MISMATCH'],
        [8, 'distributorId', 'DISTRIBUTOR_MISMATCH'],
      ]);
      expect(errors[0]!.message).toContain(
        `Distributor ID "Northbridge Electronics" is not this file's distributor, Arrowhead Components (id ${arrowId}, code ARW-01)`,
      );
      // Another distributor and no distributor read alike: nothing tells whether the other exists.
      const withoutValue = (e: RowError, value: string) => e.message.replace(`"${value}"`, '"…"');
      expect(withoutValue(errors[0]!, 'Northbridge Electronics')).toBe(withoutValue(errors[2]!, 'No Such Distributor'));
      expect(withoutValue(errors[1]!, String(northId))).toBe(withoutValue(errors[2]!, 'No Such Distributor'));
    });

    it("checks a vendor user's file against the distributor it names, and the preview flags the row too", async () => {
      const csv = [
        header,
        `Arrowhead Components,DV-1,1,2026-11-05,VS-PMIC-45A,1`,
        `Arrowhead Components,DV-2,1,2026-11-05,VS-PMIC-45A,1`,
      ].join('\n');
      const forNorth = await upload(csv, `&distributorId=${northId}`, finance);
      expect(forNorth.body).toMatchObject({ distributorId: northId, rowsAccepted: 0, rowsRejected: 2 });
      const forArrow = await upload(csv, `&distributorId=${arrowId}`, finance);
      expect(forArrow.body).toMatchObject({ distributorId: arrowId, rowsAccepted: 2, rowsRejected: 0 });

      const res = await preview(
        [header, `Northbridge Electronics,DP-1,1,2026-11-05,VS-PMIC-45A,1`, `,DP-2,1,2026-11-05,VS-PMIC-45A,1`].join('\n'),
      );
      expect((res.body.lines as { row: number }[]).map((l) => l.row)).toEqual([3]);
      expect((res.body.errors as RowError[]).map((e) => [e.rowNumber, e.column, e.code])).toEqual([
        [2, 'distributorId', 'DISTRIBUTOR_MISMATCH'],
      ]);
    });
  });
});
