/**
 * Imports, claim files and claim runs as background jobs (no REDIS_URL here: the in-process queue,
 * the same interface as BullMQ): 202 with the job and a Location to poll, progress from the job's
 * row (GET and the event stream), the result on the row once completed, a failure recorded on it;
 * and the error report as a spreadsheet opens it safely.
 */
import Papa from 'papaparse';
import { QueryTypes } from 'sequelize';
import { exclusively } from '../../server/database.repository.js';
import { bearerOf, describeDb, dialect, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const textParser = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: string) => void) => {
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (c: string) => (data += c));
  res.on('end', () => cb(null, data));
};

describeDb('background jobs: imports, claim files, claim runs', () => {
  let t: TestApp;
  let arrow: Client;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
  });
  afterAll(() => t.close());

  const bearer = (c: Client) => bearerOf(c);
  const send = (path: string, csv: string) =>
    t.http.post(path).set('Authorization', bearer(arrow)).set('Content-Type', 'text/csv').send(csv);
  /** GETs `path` until the job there has ended. */
  async function ended(path: string) {
    for (let i = 0; i < 400; i++) {
      const res = await arrow.get(path);
      if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${path} did not end`);
  }
  const pos = (prefix: string, n: number) =>
    ['Invoice No,Line,Invoice Date,Mfr Part,Qty', ...Array.from({ length: n }, (_, i) => `${prefix}-${i},1,2026-11-12,VS-MCU-32F4,3`)].join(
      '\n',
    );

  let importId: number;
  it('answers 202 with the queued import and a Location, and the job completes in the background', async () => {
    const res = await send('/api/imports?fileName=bg.csv', pos('BG', 1200));
    expect(res.status).toBe(202);
    importId = res.body.id;
    expect(res.headers.location).toBe(`/api/imports/${importId}`);
    expect(['queued', 'running', 'completed']).toContain(res.body.status);
    expect(res.body).toMatchObject({ fileName: 'bg.csv', totalBytes: Buffer.byteLength(pos('BG', 1200)), purpose: 'pos' });
    const job = await ended(res.headers.location);
    expect(job).toMatchObject({ status: 'completed', rowsRead: 1200, rowsAccepted: 1200, rowsDuplicate: 0, rowsRejected: 0, progress: 1 });
  });

  it('goes on after the last committed batch when a run stops part-way, into the same import, counting each line once', async () => {
    // A fault on the first attempt's third batch (a trigger), as a database that went away would be:
    // the batch rolls back whole, the job is retried and goes on after the two batches committed.
    const fault =
      dialect === 'sqlite'
        ? `CREATE TRIGGER fault_once BEFORE INSERT ON pos_lines
             WHEN NEW.invoice_number = 'RES-12000' AND (SELECT attempts FROM pos_imports WHERE id = NEW.import_id) = 1
           BEGIN SELECT RAISE(ABORT, 'simulated fault'); END`
        : `CREATE TRIGGER fault_once BEFORE INSERT ON pos_lines FOR EACH ROW
           IF NEW.invoice_number = 'RES-12000' AND (SELECT attempts FROM pos_imports WHERE id = NEW.import_id) = 1 THEN
             SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated fault';
           END IF`;
    await t.db.sequelize.query(fault);
    try {
      const res = await send('/api/imports?wait=true', pos('RES', 15_000));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'completed', rowsRead: 15_000, rowsAccepted: 15_000, rowsDuplicate: 0, rowsRejected: 0 });
      const [row] = (await t.db.sequelize.query(
        `SELECT attempts, resume_row AS resumeRow, (SELECT COUNT(*) FROM pos_lines WHERE import_id = ?) AS n,
                (SELECT COUNT(DISTINCT import_id) FROM pos_lines WHERE invoice_number LIKE 'RES-%') AS imports
           FROM pos_imports WHERE id = ?`,
        { replacements: [res.body.id, res.body.id], type: QueryTypes.SELECT },
      )) as { attempts: number; resumeRow: number; n: number; imports: number }[];
      expect([Number(row!.attempts), Number(row!.resumeRow), Number(row!.n), Number(row!.imports)]).toEqual([2, 15_001, 15_000, 1]);
      const audit = (await t.db.sequelize.query(
        `SELECT action FROM audit_events WHERE entity_type = 'pos_import' AND entity_id = ? ORDER BY id`,
        {
          replacements: [String(res.body.id)],
          type: QueryTypes.SELECT,
        },
      )) as { action: string }[];
      expect(audit.map((a) => a.action)).toEqual(['pos_import.started', 'pos_import.resumed', 'pos_import.completed']);
    } finally {
      await t.db.sequelize.query('DROP TRIGGER fault_once');
    }
  });

  it('follows a job from queued to its end on the event stream', async () => {
    const res = await send('/api/imports', pos('SSE', 3000));
    expect(res.status).toBe(202);
    const sse = await t.http
      .get(`/api/imports/${res.body.id}/events`)
      .set('Authorization', bearer(arrow))
      .buffer(true)
      .parse(textParser as never);
    const events = [...String(sse.body).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events.at(-1)).toBe('completed');
    expect(events.slice(0, -1).every((e) => e === 'progress')).toBe(true);
    expect(String(sse.body)).toMatch(/"rowsAccepted":3000/);
  });

  it('records a failed file on the job (202, then failed with its problem); ?wait=true answers the problem itself', async () => {
    const csv = 'Invoice No,Line,Mfr Part,Qty\nX-1,1,VS-MCU-32F4,1\n';
    const res = await send('/api/imports', csv);
    expect(res.status).toBe(202);
    const job = await ended(`/api/imports/${res.body.id}`);
    expect(job.status).toBe('failed');
    expect(JSON.parse(job.failure)).toMatchObject({ code: 'MAPPING_INCOMPLETE', status: 422 });
    const waited = await send('/api/imports?wait=true', csv);
    expect(waited.status).toBe(422);
    expect(waited.body).toMatchObject({ code: 'MAPPING_INCOMPLETE', importId: waited.body.importId });
    expect((await arrow.get(`/api/imports/${waited.body.importId}`)).body.status).toBe('failed');
  });

  it("gives the error report the file's line numbers, a BOM, properly quoted raw rows and no formulas", async () => {
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Note',
      'ERR-1,1,2026-11-12,VS-MCU-32F4,1,fine',
      '',
      'ERR-2,1,2026-11-12,VS-MCU-32F4,1,"two',
      'lines"',
      '=1+2,1,not-a-date,VS-MCU-32F4,1,"a, b"',
      ',,,,,',
      '@SUM(A1),1,2026-11-12,VS-MCU-32F4,-3,x',
      '\tTAB,1,2026-11-12,VS-MCU-32F4,abc,+1',
    ].join('\r\n');
    const res = await send('/api/imports?wait=true', csv);
    expect(res.status).toBe(201);
    // @SUM(A1)'s -3 is a return, kept as one.
    expect(res.body).toMatchObject({ rowsRead: 5, rowsAccepted: 3, rowsRejected: 2 });
    const errors = (await arrow.get(`/api/imports/${res.body.id}/errors`)).body.items as { rowNumber: number; column: string }[];
    // Rows as a spreadsheet numbers them (blank rows count; a cell with a line break is one row):
    // 1 header, 2 ERR-1, 3 blank, 4 ERR-2 (two lines), 5 =1+2, 6 separators only, 7 @SUM (a return), 8 tab.
    expect(errors.map((e) => [e.rowNumber, e.column])).toEqual([
      [5, 'invoiceDate'],
      [8, 'quantity'],
    ]);
    const report = await arrow.get(`/api/imports/${res.body.id}/errors.csv`);
    expect(report.text.startsWith('\uFEFFrow,column,code,message,raw\r\n')).toBe(true);
    const records = Papa.parse<string[]>(report.text.slice(1), { skipEmptyLines: true }).data;
    expect(records.map((r) => r[0])).toEqual(['row', '5', '8']);
    // The raw row is the row as a CSV record; a cell a spreadsheet would run as a formula starts with '.
    expect(records.map((r) => r[4])).toEqual([
      'raw',
      '\'=1+2,1,not-a-date,VS-MCU-32F4,1,"a, b"',
      '"\tTAB",1,2026-11-12,VS-MCU-32F4,abc,+1',
    ]);
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('runs the claims of an import as a job: 202 with the run, its claims on it once completed', async () => {
    const auths = (await arrow.get('/api/authorizations')).body.items as { number: string; lines: unknown[] }[];
    const number = auths.find((a) => a.lines.length === 2)!.number;
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number',
      `RUN-1,1,2026-10-07,VS-PMIC-45A,5,2.6322,2.0500,${number}`,
    ].join('\n');
    const imported = await send('/api/imports?wait=true', csv);
    expect(imported.status).toBe(201);
    const res = await arrow.post(`/api/imports/${imported.body.id}/claims`, { mode: 'implicit' });
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/imports/${imported.body.id}/claims/${res.body.id}`);
    expect(res.body).toMatchObject({ importId: imported.body.id, options: { mode: 'implicit' } });
    const run = await ended(res.headers.location);
    expect(run.status).toBe('completed');
    expect(run.result.lines.claimed).toBe(1);
    expect(run.result.claims).toHaveLength(1);
    const north = await t.as(USERS.northbridge);
    expect((await north.get(res.headers.location)).status).toBe(404);
  });

  /** An import of `n` sales of one unit each that the seeded Cascade Robotics authorization (VS-ETH-PHY) pays, and its id. */
  async function claimableImport(prefix: string, n: number) {
    const auths = (await arrow.get('/api/authorizations')).body.items as {
      number: string;
      lines: { vendorPartNumber: string; authorizedCost: string; bookCost: string | null; validFrom: string }[];
    }[];
    const a = auths.find((x) => x.lines.length === 1 && x.lines[0]!.vendorPartNumber === 'VS-ETH-PHY')!;
    const l = a.lines[0]!;
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,End Customer,S&D Number',
      ...Array.from(
        { length: n },
        (_, i) =>
          `${prefix}-${i},1,${l.validFrom.slice(0, 10)},VS-ETH-PHY,1,${l.bookCost ?? '4.7500'},${l.authorizedCost},Cascade Robotics,${a.number}`,
      ),
    ].join('\n');
    const imported = await send('/api/imports?wait=true', csv);
    expect(imported.status).toBe(201);
    return imported.body.id as number;
  }
  const sql = <T>(query: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(query, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;
  /** Each POS line of the import: how many claim lines name it, and whether the ledger holds it. */
  const claimedOnce = (importId: number) =>
    sql<{ claimLines: number; consumed: number }>(
      `SELECT p.id, COUNT(DISTINCT l.id) AS claimLines, COUNT(c.claim_line_id) AS consumed
         FROM pos_lines p LEFT JOIN claim_lines l ON l.pos_line_id = p.id LEFT JOIN pos_consumptions c ON c.claim_line_id = l.id
        WHERE p.import_id = ? GROUP BY p.id ORDER BY p.id`,
      [importId],
    );

  it('claims an import once when two runs of it are asked for at once', async () => {
    const importId = await claimableImport('TWICE', 40);
    const [a, b] = await Promise.all([
      arrow.post(`/api/imports/${importId}/claims`, { mode: 'implicit' }),
      arrow.post(`/api/imports/${importId}/claims`, { mode: 'implicit' }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    const runs = [await ended(a.headers.location), await ended(b.headers.location)];
    expect(runs.map((r) => r.status)).toEqual(['completed', 'completed']);
    // One run claimed the 40 lines; the other, after it, found none left.
    expect(runs.map((r) => r.result.lines.claimed).sort()).toEqual([0, 40]);
    const each = await claimedOnce(importId);
    expect(each).toHaveLength(40);
    for (const line of each) expect([Number(line.claimLines), Number(line.consumed)]).toEqual([1, 1]);
  });

  it('discards the drafts of a run whose process died (they never reached the ledger) and claims their lines again', async () => {
    const importId = await claimableImport('DIED', 5);
    // What a run killed mid-way leaves: a draft claim of the import holding a line of its first sale, no ledger entry.
    await t.db.sequelize.query(
      `INSERT INTO claims (number, distributor_id, type, status, currency, claimed_total, computed_total, approved_total,
                           created_by_user_id, pos_import_id, created_at, updated_at)
       SELECT 'CLM-DIED', distributor_id, 'implicit', 'draft', 'USD', '0.0000', '0.0000', '0.0000', created_by_user_id, id, created_at, created_at
         FROM pos_imports WHERE id = ?`,
      { replacements: [importId] },
    );
    const [dead] = await sql<{ id: number }>(`SELECT id FROM claims WHERE number = 'CLM-DIED'`);
    await t.db.sequelize.query(
      `INSERT INTO claim_lines (claim_id, distributor_id, line_number, invoice_number, invoice_line, invoice_date, quantity, book_cost,
                                claimed_amount, computed_amount, accepted_quantity, approved_amount, verdict, reason_codes,
                                pos_line_id, invoice_key, line_key, created_at, updated_at)
       SELECT ?, distributor_id, 1, invoice_number, invoice_line, invoice_date, quantity, '1.0000', '1.0000', '1.0000', quantity, '1.0000', 'accepted', '[]',
              id, invoice_key, line_key, created_at, created_at
         FROM pos_lines WHERE import_id = ? ORDER BY id LIMIT 1`,
      { replacements: [dead!.id, importId] },
    );
    const res = await arrow.post(`/api/imports/${importId}/claims`, { mode: 'implicit' });
    const run = await ended(res.headers.location);
    expect(run.status).toBe('completed');
    expect(run.result.lines.claimed).toBe(5);
    expect(await sql(`SELECT id FROM claims WHERE id = ?`, [dead!.id])).toEqual([]);
    const each = await claimedOnce(importId);
    expect(each.map((l) => [Number(l.claimLines), Number(l.consumed)])).toEqual(Array.from({ length: 5 }, () => [1, 1]));
    const audit = await sql<{ action: string }>(`SELECT action FROM audit_events WHERE entity_type = 'claim' AND entity_id = ?`, [
      String(dead!.id),
    ]);
    expect(audit.map((x) => x.action)).toEqual(['claim.discarded']);
  });

  it('leaves nothing of a claim run that fails in its ledger step, and a later run claims every line once', async () => {
    const importId = await claimableImport('FAILS', 8);
    const fault =
      dialect === 'sqlite'
        ? `CREATE TRIGGER fault_claims BEFORE INSERT ON pos_consumptions WHEN NEW.invoice_number = 'FAILS-3'
           BEGIN SELECT RAISE(ABORT, 'simulated fault'); END`
        : `CREATE TRIGGER fault_claims BEFORE INSERT ON pos_consumptions FOR EACH ROW
           IF NEW.invoice_number = 'FAILS-3' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated fault'; END IF`;
    await t.db.sequelize.query(fault);
    try {
      const res = await arrow.post(`/api/imports/${importId}/claims`, { mode: 'implicit' });
      expect((await ended(res.headers.location)).status).toBe('failed');
    } finally {
      await t.db.sequelize.query('DROP TRIGGER fault_claims');
    }
    // No claim, no claim line, no consumption stayed.
    expect(await sql(`SELECT id FROM claims WHERE pos_import_id = ?`, [importId])).toEqual([]);
    expect((await claimedOnce(importId)).map((l) => Number(l.claimLines) + Number(l.consumed))).toEqual(Array.from({ length: 8 }, () => 0));
    const again = await arrow.post(`/api/imports/${importId}/claims`, { mode: 'implicit' });
    const run = await ended(again.headers.location);
    expect([run.status, run.result.lines.claimed, run.result.lines.accepted]).toEqual(['completed', 8, 8]);
    expect((await claimedOnce(importId)).map((l) => [Number(l.claimLines), Number(l.consumed)])).toEqual(
      Array.from({ length: 8 }, () => [1, 1]),
    );
  });

  it('lets one holder of a named lock run at a time (MariaDB, across connections); on SQLite, one process, it runs the work', async () => {
    const order: string[] = [];
    const hold = (name: string) =>
      exclusively('test-lock', async () => {
        order.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 150));
        order.push(`${name} out`);
        return name;
      });
    if (dialect === 'sqlite') {
      expect(await hold('a')).toBe('a');
      expect(order).toEqual(['a in', 'a out']);
    } else {
      expect(await Promise.all([hold('a'), hold('b')])).toEqual(['a', 'b']);
      // whichever got it first, the other came in only after it went out
      const first = order[0]!.slice(0, 1);
      const second = first === 'a' ? 'b' : 'a';
      expect(order).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
    }
  });

  it('refuses to claim an import that has not ended', async () => {
    const res = await send('/api/imports', pos('BUSY', 20_000));
    expect(res.status).toBe(202);
    const early = await arrow.post(`/api/imports/${res.body.id}/claims`, {});
    // Unless the import was already done (a fast machine), it is refused.
    expect([202, 409]).toContain(early.status);
    if (early.status === 409) expect(early.body.code).toBe('IMPORT_RUNNING');
    expect((await ended(`/api/imports/${res.body.id}`)).status).toBe('completed');
    if (early.status === 202) await ended(early.headers.location);
  });

  it('takes a claim file as a job: 202 with the import job, the claim on it once completed', async () => {
    const auths = (await arrow.get('/api/authorizations')).body.items as { number: string; lines: { remainingQuantity: number }[] }[];
    const a = auths.find((x) => x.lines.length === 1)!;
    const csv = ['Invoice No,Line,Invoice Date,Mfr Part,Qty,S&D Number', `FILEJOB-1,1,2026-11-12,VS-ETH-PHY,1,${a.number}`].join('\n');
    const res = await send('/api/claims/file?debitMemoNumber=JOB-DM-1', csv);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ purpose: 'claim', result: null });
    const job = await ended(res.headers.location);
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ importId: res.body.id, rows: { read: 1, rejected: 0 } });
    expect(job.result.claim.debitMemoNumber).toBe('JOB-DM-1');
    expect((await arrow.get(`/api/claims/${job.result.claim.id}`)).body.importId ?? res.body.id).toBe(res.body.id);
  });
});
