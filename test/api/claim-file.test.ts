/**
 * An explicit claim from a streamed CSV claim file: messy input in, one submitted claim out with
 * a verdict and reasons per line, bad rows reported with row and column, totals equal to the sum
 * of the lines, the ledger taken once, and nothing left behind by a file that fails.
 */
import { QueryTypes } from 'sequelize';
import { takeClaimLines } from '../../server/settlement/settlement.service.js';
import {
  bearerOf,
  approvedAuthorization,
  describeDb,
  dialect,
  startTestApp,
  USERS,
  type Client,
  type TestApp,
} from '../support/harness.js';

interface Line {
  lineNumber: number;
  invoiceNumber: string;
  invoiceLine: string;
  verdict: string;
  reasonCodes: string[];
  acceptedQuantity: number;
  approvedAmount: string;
  claimedAmount: string;
  verdictInputs: Record<string, unknown> | null;
}

describeDb('claim files', () => {
  let t: TestApp;
  let arrow: Client;
  let eth: { number: string; lineId: number; remaining: number };
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    const auths = (await arrow.get('/api/authorizations')).body.items as {
      number: string;
      lines: { id: number; remainingQuantity: number }[];
    }[];
    const a = auths.find((x) => x.lines.length === 1)!;
    eth = { number: a.number, lineId: a.lines[0].id, remaining: a.lines[0].remainingQuantity };
  });
  afterAll(() => t.close());

  const bearer = (c: Client) => bearerOf(c);
  const send = (c: Client, csv: string, q = '') =>
    t.http
      .post(`/api/claims/file?wait=true${q.replace('?', '&')}`)
      .set('Authorization', bearer(c))
      .set('Content-Type', 'text/csv')
      .send(csv);
  const consumed = async () => {
    const [r] = (await t.db.sequelize.query('SELECT consumed_quantity AS q FROM authorization_lines WHERE id = ?', {
      replacements: [eth.lineId],
      type: QueryTypes.SELECT,
    })) as { q: number }[];
    return Number(r!.q);
  };
  // A distributor's export: BOM, semicolons, CRLF, decimal commas, dotted dates, a quoted separator.
  const header = '\ufeffInvoice No;Line;Invoice Date;Mfr Part;Qty;Book Cost;Debit Cost;Claim Amount;S&D Number;End Customer;Branch';
  const row = (inv: string, ln: string, qty: string, opts: { auth?: string; date?: string; claimed?: string } = {}) =>
    [
      inv,
      ln,
      opts.date ?? '15.10.2026',
      'VS-ETH-PHY',
      qty,
      '3,8950',
      '3,2000',
      opts.claimed ?? '',
      opts.auth ?? eth.number,
      'Cascade Robotics',
      '"Boston; MA"',
    ].join(';');

  /** A new authorization line (request, then approval) with `quantity` units, all still to claim. */
  const freshLine = async (quantity: number) => ({
    ...(await approvedAuthorization(t, { quantity, cost: '5.9270', justification: 'race test' })),
    quantity,
  });
  const approvedAndConsumed = async (lineId: number) => {
    const [row] = (await t.db.sequelize.query(
      'SELECT approved_quantity AS a, consumed_quantity AS c FROM authorization_lines WHERE id = ?',
      {
        replacements: [lineId],
        type: QueryTypes.SELECT,
      },
    )) as { a: number; c: number }[];
    return [Number(row!.a), Number(row!.c)];
  };

  let claimId: number;
  let importId: number;
  it('streams a messy claim file into one submitted claim, a verdict and reasons on every line', async () => {
    const before = await consumed();
    const csv = [
      header,
      row('CF-100', '1', '1000'), // accepted: (3.8950 - 3.2000) x 1000 = 695.00
      row('CF-100', '2', '10', { claimed: '5,00' }), // accepted, the distributor asks for less than computed
      row('CF-101', '1', '10', { auth: 'SD-NOPE-0000' }), // no such authorization
      row('CF-100', '1', '10'), // the same invoice line again in this file
      row('CF-102', '1', '10', { date: '31.02.2026' }), // not a date: a row error, not a claim line
      row('CF-103', '1', String(eth.remaining + 5000)), // more than remains: cut to what is left
    ].join('\r\n');
    const res = await send(arrow, csv, '?fileName=claims-oct.csv&currency=usd&debitMemoNumber=ARW-CF-1');
    expect(res.status).toBe(201);
    claimId = res.body.claim.id;
    importId = res.body.importId;
    expect(res.body.claim).toMatchObject({
      type: 'explicit',
      status: 'submitted',
      currency: 'USD',
      debitMemoNumber: 'ARW-CF-1',
      lineCount: 5,
    });
    expect(res.body.rows).toEqual({ read: 6, rejected: 1 });
    expect(res.body.lines).toEqual({ accepted: 2, partial: 1, rejected: 2, lostToOtherClaims: 0 });
    const claim = (await arrow.get(`/api/claims/${claimId}`)).body as { lines: Line[]; approvedTotal: string; claimedTotal: string };
    const byNumber = claim.lines.map((l) => [
      l.invoiceNumber,
      l.invoiceLine,
      l.verdict,
      l.reasonCodes,
      l.acceptedQuantity,
      l.approvedAmount,
    ]);
    expect(byNumber).toEqual([
      ['CF-100', '1', 'accepted', [], 1000, '695.0000'],
      ['CF-100', '2', 'accepted', [], 10, '5.0000'],
      ['CF-101', '1', 'rejected', ['AUTH_NOT_FOUND'], 0, '0.0000'],
      ['CF-100', '1', 'rejected', ['DUPLICATE_LINE'], 0, '0.0000'],
      ['CF-103', '1', 'partial', ['QTY_EXCEEDS_APPROVED'], eth.remaining - 1010, claim.lines[4]!.approvedAmount],
    ]);
    // Every verdict keeps what decided it.
    expect(claim.lines[2]!.verdictInputs).toMatchObject({ authorizationNumber: 'SD-NOPE-0000', invoiceNumber: 'CF-101' });
    expect(claim.lines[4]!.verdictInputs).toMatchObject({ remainingBefore: eth.remaining - 1010 });
    // Totals are exact sums of the lines.
    const sum = (k: 'approvedAmount' | 'claimedAmount') => claim.lines.reduce((s, l) => s + Math.round(Number(l[k]) * 10000), 0) / 10000;
    expect(Number(claim.approvedTotal)).toBe(sum('approvedAmount'));
    expect(Number(claim.claimedTotal)).toBe(sum('claimedAmount'));
    expect(claim.approvedTotal).toMatch(/^\d+\.\d{4}$/);
    // The ledger took exactly the accepted quantity; the authorization line has nothing left.
    expect((await consumed()) - before).toBe(eth.remaining);
    // The bad row is in the job's error report with its row and column.
    const errors = (await arrow.get(`/api/imports/${importId}/errors`)).body.items as { rowNumber: number; column: string }[];
    expect(errors).toEqual([expect.objectContaining({ rowNumber: 6, column: 'invoiceDate', code: 'INVALID_DATE' })]);
    const job = (await arrow.get(`/api/imports/${importId}`)).body;
    expect(job).toMatchObject({ purpose: 'claim', status: 'completed', rowsAccepted: 5, rowsRejected: 1 });
  });

  it("pages through a claim's lines", async () => {
    const first = await arrow.get(`/api/claims/${claimId}/lines?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((l: Line) => l.lineNumber)).toEqual([1, 2]);
    expect(first.body).toMatchObject({ total: 5, next: 2 });
    const rest = await arrow.get(`/api/claims/${claimId}/lines?after=${first.body.next}&limit=5`);
    expect(rest.body.items.map((l: Line) => [l.lineNumber, l.verdict])).toEqual([
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'partial'],
    ]);
    expect(rest.body.next).toBeNull();
    const whole = (await arrow.get(`/api/claims/${claimId}`)).body.lines as Line[];
    expect([...first.body.items, ...rest.body.items]).toEqual(whole);
    expect((await arrow.get(`/api/claims/${claimId}/lines?limit=0`)).status).toBe(400);
    expect((await (await t.as(USERS.northbridge)).get(`/api/claims/${claimId}/lines`)).status).toBe(404);
  });

  it('rejects a line the ledger already holds, and answers 409 for a debit memo already claimed', async () => {
    const again = await send(arrow, [header, row('CF-100', '1', '5'), row('CF-200', '1', '5')].join('\r\n'), '?fileName=again.csv');
    expect(again.status).toBe(201);
    const lines = (await arrow.get(`/api/claims/${again.body.claim.id}`)).body.lines as Line[];
    expect(lines.map((l) => [l.invoiceNumber, l.verdict, l.reasonCodes])).toEqual([
      ['CF-100', 'rejected', ['ALREADY_CLAIMED']],
      ['CF-200', 'rejected', ['QTY_EXCEEDS_APPROVED']],
    ]);
    expect(again.body.claim.status).toBe('rejected');
    const memo = await send(arrow, [header, row('CF-300', '1', '5')].join('\r\n'), '?debitMemoNumber=ARW-CF-1');
    expect(memo.status).toBe(409);
    expect(memo.body).toMatchObject({ code: 'CLAIM_ALREADY_EXISTS', claimId });
  });

  it('gives the last units to exactly one of two claim files sent at the same time', async () => {
    const l = await freshLine(40);
    const file = (prefix: string) =>
      [
        'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer',
        `${prefix}-1,1,2026-10-20,${l.part},${l.quantity},9.9999,${l.cost},${l.number},"${l.customer}"`,
      ].join('\n');
    const [one, two] = await Promise.all([send(arrow, file('RACE-A')), send(arrow, file('RACE-B'))]);
    // Exactly one file gets the units. On MariaDB the second waits for the first's locks and is
    // submitted with the line cut to nothing; on SQLite (no row locks) the second's ledger step
    // finds the units gone and the whole file is refused with a clear error, leaving nothing.
    const winner = [one, two].find((r) => r.status === 201 && r.body.lines.accepted === 1);
    const loser = [one, two].find((r) => r !== winner)!;
    expect(winner).toBeDefined();
    expect(await approvedAndConsumed(l.lineId)).toEqual([40, 40]);
    if (loser.status === 201) {
      expect(loser.body.lines.accepted).toBe(0);
      const lines = (await arrow.get(`/api/claims/${loser.body.claim.id}`)).body.lines as Line[];
      expect(lines.map((x) => [x.verdict, x.reasonCodes])).toEqual([['rejected', ['QTY_EXCEEDS_APPROVED']]]);
    } else {
      expect(dialect).toBe('sqlite');
      expect(loser.status).toBe(409);
      expect(loser.body.code).toBe('LEDGER_CHANGED');
      const left = (await t.db.sequelize.query("SELECT COUNT(*) AS n FROM claim_lines WHERE invoice_number LIKE 'RACE-%'", {
        type: QueryTypes.SELECT,
      })) as { n: number }[];
      expect(Number(left[0]!.n)).toBe(1);
    }
  });

  it('pays a POS line once when two claim files sent at the same time both claim it', async () => {
    const l = await freshLine(50);
    // The same invoice line in both files, and units enough for both: only the ledger's unique key stands between them.
    const file = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer',
      `TWICE-1,1,2026-10-22,${l.part},10,9.9999,${l.cost},${l.number},"${l.customer}"`,
    ].join('\n');
    // Two files (the second ends with a line break): the same bytes twice would be one file sent
    // again, refused 409 DUPLICATE_FILE (test/api/claim-file-resend.test.ts).
    const runs = await Promise.all([send(arrow, file), send(arrow, `${file}\n`)]);
    expect(runs.map((r) => (r.status === 201 ? 201 : { status: r.status, body: r.body as unknown }))).toEqual([201, 201]);
    expect(runs.map((r) => r.body.lines.accepted as number).sort()).toEqual([0, 1]);
    const loser = runs.find((r) => r.body.lines.accepted === 0)!;
    const lines = (await arrow.get(`/api/claims/${loser.body.claim.id}`)).body.lines as Line[];
    expect(lines.map((x) => [x.verdict, x.reasonCodes])).toEqual([['rejected', ['ALREADY_CLAIMED']]]);
    // One consumption, and the counter moved by its quantity once.
    expect(await approvedAndConsumed(l.lineId)).toEqual([50, 10]);
    const [held] = (await t.db.sequelize.query(
      "SELECT COUNT(*) AS n, SUM(quantity) AS q FROM pos_consumptions WHERE invoice_number = 'TWICE-1'",
      {
        type: QueryTypes.SELECT,
      },
    )) as { n: number; q: number }[];
    expect([Number(held!.n), Number(held!.q)]).toEqual([1, 10]);
  });

  it('gives the last units to exactly one of two POS imports claimed at the same time', async () => {
    const l = await freshLine(30);
    const pos = async (prefix: string) => {
      const csv = [
        'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer',
        `${prefix}-1,1,2026-10-21,${l.part},${l.quantity},9.9999,${l.cost},${l.number},"${l.customer}"`,
      ].join('\n');
      const res = await t.http.post('/api/imports?wait=true').set('Authorization', bearer(arrow)).set('Content-Type', 'text/csv').send(csv);
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    const [first, second] = [await pos('POS-RACE-A'), await pos('POS-RACE-B')];
    const runs = await Promise.all(
      [first, second].map((id) => arrow.post(`/api/imports/${id}/claims?wait=true`, { mode: 'implicit', groupBy: 'period' })),
    );
    // A failed run shows its problem document in the diff.
    expect(runs.map((r) => (r.status === 201 ? 201 : { status: r.status, body: r.body as unknown }))).toEqual([201, 201]);
    expect(runs.map((r) => r.body.lines.accepted as number).sort()).toEqual([0, 1]);
    expect(await approvedAndConsumed(l.lineId)).toEqual([30, 30]);
    // Each run is audited: the import claimed, and each claim it built created and submitted.
    const admin = await t.as(USERS.admin);
    const claimed = (await admin.get(`/api/audit?entityType=pos_import&entityId=${first}`)).body.items as { action: string }[];
    expect(claimed.map((e) => e.action)).toContain('pos_import.claimed');
    const built = runs[0]!.body.claims[0].id as number;
    const events = (await admin.get(`/api/audit?entityType=claim&entityId=${built}`)).body.items as { action: string }[];
    expect(events.map((e) => e.action).sort()).toEqual(['claim.created', 'claim.submitted']);
  });

  it('rejects as already claimed a line whose POS line another claim took while the file was running', async () => {
    // The state a run reaches when another claim commits the same POS line between its check and its ledger step.
    const db = t.db.sequelize;
    const q = <T>(sql: string, replacements: unknown[] = []) => db.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;
    const [taken] = await q<{ claimId: number; lineId: number }>(
      "SELECT l.claim_id AS claimId, l.id AS lineId FROM claim_lines l JOIN pos_consumptions c ON c.claim_line_id = l.id WHERE l.invoice_number = 'CF-100' AND l.invoice_line = '1'",
    );
    const late = (await send(arrow, [header, row('CF-500', '1', '1', { auth: 'SD-NOPE-0001' })].join('\r\n'))).body.claim.id as number;
    await db.query(
      `INSERT INTO claim_lines (claim_id, distributor_id, line_number, authorization_number, authorization_line_id, invoice_number, invoice_line,
         invoice_key, line_key, invoice_date, quantity, book_cost, claimed_amount, computed_amount, accepted_quantity, approved_amount, verdict,
         reason_codes, created_at, updated_at)
       SELECT ?, distributor_id, 2, authorization_number, authorization_line_id, invoice_number, invoice_line, invoice_key, line_key, invoice_date, 7, book_cost,
              '4.8650', '4.8650', 7, '4.8650', 'accepted', '[]', created_at, updated_at FROM claim_lines WHERE id = ?`,
      { replacements: [late, taken!.lineId] },
    );
    const before = await consumed();
    const outcome = await db.transaction((tx) => takeClaimLines(late, 1, tx));
    expect(outcome).toEqual({ taken: 0, lost: { accepted: 1, partial: 0 } });
    const [line] = await q<{ verdict: string; reasons: string; accepted: number }>(
      'SELECT verdict, reason_codes AS reasons, accepted_quantity AS accepted FROM claim_lines WHERE claim_id = ? AND line_number = 2',
      [late],
    );
    expect(line).toEqual({ verdict: 'rejected', reasons: '["ALREADY_CLAIMED"]', accepted: 0 });
    expect(await consumed()).toBe(before);
    const holders = await q<{ claimId: number }>(
      "SELECT l.claim_id AS claimId FROM pos_consumptions c JOIN claim_lines l ON l.id = c.claim_line_id WHERE c.invoice_number = 'CF-100' AND c.invoice_line = '1'",
    );
    expect(holders).toEqual([{ claimId: taken!.claimId }]);
  });

  it("keeps another distributor's claim file out of sight", async () => {
    const north = await t.as(USERS.northbridge);
    expect((await north.get(`/api/claims/${claimId}`)).status).toBe(404);
    expect((await north.get(`/api/imports/${importId}`)).status).toBe(404);
    const finance = await t.as(USERS.finance);
    // A vendor user sends a claim file only on a named distributor's behalf.
    const unnamed = await finance.post('/api/claims/file', {});
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([{ field: 'distributorId', message: expect.any(String) }]);
  });

  it('claims a file of one batch whole: its lines go in before the ledger step', async () => {
    // On SQLite the ledger transaction once opened while the last batch's lines were still queued
    // for the write lock, which then waited for it: SQLITE_BUSY after ten seconds. The race needs
    // slow fact lookups to show (the bench's SQLite run, 10,000 authorizations, hit it every time);
    // here it checks that such a file is claimed whole.
    const lines = 3_000;
    const auth = await freshLine(lines);
    const csv = ['Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer'];
    for (let i = 0; i < lines; i++) csv.push(`CF-BIG-${i},1,2026-11-12,${auth.part},1,6.0270,5.9270,${auth.number},${auth.customer}`);
    const res = await send(arrow, csv.join('\n') + '\n', '?debitMemoNumber=CF-BIG-DM');
    expect(res.status).toBe(201);
    expect(res.body.lines).toMatchObject({ accepted: lines, partial: 0, rejected: 0 });
    expect(res.body.claim.status).toBe('submitted');
    expect(await approvedAndConsumed(auth.lineId)).toEqual([lines, lines]);
  }, 120_000);

  it('leaves no claim and takes nothing when the file cannot be read', async () => {
    const count = async () => (await arrow.get('/api/claims?pageSize=100')).body.total as number;
    const before = await count();
    const taken = await consumed();
    const res = await send(arrow, ['Invoice No;Mfr Part;Qty', 'CF-400;VS-ETH-PHY;5'].join('\r\n'));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('MAPPING_INCOMPLETE');
    expect(await count()).toBe(before);
    expect(await consumed()).toBe(taken);
  });

  it('refuses a return in a claim file as a row error: a claim line needs a quantity above zero', async () => {
    const taken = await consumed();
    const res = await send(arrow, [header, row('CF-500', '1', '-2'), row('CF-500', '2', '1')].join('\r\n'), '?debitMemoNumber=DM-CF-500');
    expect(res.status).toBe(201);
    expect(res.body.rows).toEqual({ read: 2, rejected: 1 });
    expect(res.body.claim.lineCount).toBe(1);
    const errors = (await arrow.get(`/api/imports/${res.body.importId}/errors`)).body.items;
    expect(errors).toEqual([expect.objectContaining({ rowNumber: 2, column: 'quantity', code: 'INVALID_QUANTITY' })]);
    expect(await consumed()).toBeLessThanOrEqual(taken + 1);
  });

  it('stops a claim file whose dates read two ways, and reads it with ?dateOrder=', async () => {
    const csv = [header, row('CF-600', '1', '1', { date: '03/04/2026' }), row('CF-600', '2', '1', { date: '05/06/2026' })].join('\r\n');
    const refused = await send(arrow, csv, '?debitMemoNumber=DM-CF-600');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'DATE_ORDER_AMBIGUOUS', setting: 'dateOrder', column: 'invoiceDate' });
    const chosen = await send(arrow, csv, '?debitMemoNumber=DM-CF-600&dateOrder=DMY');
    expect(chosen.status).toBe(201);
    expect(chosen.body.rows).toEqual({ read: 2, rejected: 0 });
  });

  it('audits the claim it built', async () => {
    const admin = await t.as(USERS.admin);
    const events = (await admin.get(`/api/audit?entityType=claim&entityId=${claimId}`)).body.items as { action: string }[];
    expect(events.map((e) => e.action).sort()).toEqual(['claim.created', 'claim.submitted']);
  });
});
