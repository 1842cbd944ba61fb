/**
 * The vendor's side of intake and the correction path: a vendor user imports a distributor's POS
 * report and claim file on its behalf; an import's stored lines are read back with their file
 * rows; an import is voided and sent again; a return takes back the credit of the sale it returns
 * through the settlement service, on the distributor's next credit memo, never below zero.
 */
import { QueryTypes } from 'sequelize';
import { checkLedger } from '../../server/settlement/invariants.repository.js';
import {
  bearerOf,
  approvedAuthorization,
  describeDb,
  startTestApp,
  USERS,
  waitFor,
  type Client,
  type TestApp,
} from '../support/harness.js';

describeDb('intake on behalf, corrections and returns', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let finance: Client;
  let finance2: Client;
  let arrowId: number;
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    north = await t.as(USERS.northbridge);
    finance = await t.as(USERS.finance);
    finance2 = await t.as(USERS.finance2);
    const [a] = (await t.db.sequelize.query("SELECT id FROM accounts WHERE name = 'Arrowhead Components'", {
      type: QueryTypes.SELECT,
    })) as {
      id: number;
    }[];
    arrowId = Number(a!.id);
    auth = (await approvedAuthorization(t, { quantity: 5000, cost: '5.0270', justification: 'intake' })).number;
  });
  afterAll(() => t.close());

  const bearer = (c: Client) => bearerOf(c);
  const header = 'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer';
  // (6.0270 book cost on record - 5.0270 authorized) = 1.00 a unit
  const row = (inv: string, ln: string, qty: number) => `${inv},${ln},2026-10-20,VS-ADC-24S,${qty},6.0270,5.0270,${auth},Cascade Robotics`;
  const send = (c: Client, path: string, csv: string) =>
    t.http.post(waitFor(path)).set('Authorization', bearer(c)).set('Content-Type', 'text/csv').send(csv);
  const q = <T>(sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;
  const ledgerClean = async () => expect((await checkLedger(t.db.sequelize)).violations).toEqual([]);

  it("lets a vendor user import a distributor's POS report and claim file on its behalf, the lines the distributor's", async () => {
    const missing = await send(finance, '/api/imports', [header, row('VB-1', '1', 10)].join('\n'));
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'distributorId', message: expect.any(String) }]);
    expect((await send(finance, '/api/imports?distributorId=999999', [header, row('VB-1', '1', 10)].join('\n'))).status).toBe(404);
    const [n] = await q<{ id: number }>("SELECT id FROM accounts WHERE name = 'Northbridge Electronics'");
    expect((await send(arrow, `/api/imports?distributorId=${n!.id}`, [header, row('VB-9', '1', 1)].join('\n'))).status).toBe(403);
    expect((await send(arrow, `/api/imports?distributorId=${arrowId}`, [header, row('VB-8', '1', 1)].join('\n'))).status).toBe(201);

    const res = await send(
      finance,
      `/api/imports?distributorId=${arrowId}`,
      [header, row('VB-1', '1', 10), row('VB-1', '2', 5)].join('\n'),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ distributorId: arrowId, rowsAccepted: 2, createdByUserId: expect.any(Number) });
    // The distributor sees it as its own; another distributor does not.
    expect((await arrow.get(`/api/imports/${res.body.id}`)).status).toBe(200);
    expect((await north.get(`/api/imports/${res.body.id}`)).status).toBe(404);
    // The audit names who imported.
    const [event] = await q<{ user: string }>(
      `SELECT u.email AS user FROM audit_events a JOIN users u ON u.id = a.actor_user_id
        WHERE a.action = 'pos_import.started' AND a.entity_id = ?`,
      [res.body.id],
    );
    expect(event!.user).toBe(USERS.finance);
    // The vendor runs the claims over it, and sends a claim file for the distributor.
    const claims = await finance.post(`/api/imports/${res.body.id}/claims?wait=true`, { mode: 'implicit' });
    expect(claims.status).toBe(201);
    expect(claims.body.claims.every((c: { status: string }) => c.status === 'submitted')).toBe(true);
    const file = await send(finance, `/api/claims/file?distributorId=${arrowId}`, [header, row('VB-2', '1', 3)].join('\n'));
    expect(file.status).toBe(201);
    expect(file.body.claim).toMatchObject({ distributorId: arrowId, status: 'submitted' });
    await ledgerClean();
  });

  it("reads an import's lines back as stored, a page at a time, with their rows in the file", async () => {
    const csv = [header, row('RB-1', '1', 4), row('rb-1', '002', 6), row('RB-2', '1', 7)].join('\n');
    const imp = (await send(arrow, '/api/imports', csv)).body;
    const first = await arrow.get(`/api/imports/${imp.id}/lines?limit=2`);
    expect(first.status).toBe(200);
    expect(
      first.body.items.map((l: { rowNumber: number; invoiceKey: string; lineKey: string; quantity: number }) => [
        l.rowNumber,
        l.invoiceKey,
        l.lineKey,
        l.quantity,
      ]),
    ).toEqual([
      [2, 'RB-1', '1', 4],
      [3, 'RB-1', '2', 6],
    ]);
    expect(first.body.items[1]).toMatchObject({
      invoiceNumber: 'rb-1',
      invoiceLine: '002',
      bookCost: '6.0270',
      isReturn: false,
      claimed: false,
    });
    const next = await arrow.get(`/api/imports/${imp.id}/lines?limit=2&after=${first.body.next}`);
    expect(next.body.items.map((l: { rowNumber: number }) => l.rowNumber)).toEqual([4]);
    expect(next.body.next).toBeNull();
    expect((await north.get(`/api/imports/${imp.id}/lines`)).status).toBe(404);
  });

  it('voids an import so the corrected file can be sent again, and refuses while a line is on a claim', async () => {
    const wrong = [header, row('VD-1', '1', 1000), row('VD-1', '2', 5)].join('\n');
    const imp = (await send(arrow, '/api/imports', wrong)).body;
    expect((await arrow.post(`/api/imports/${imp.id}/void`, {})).status).toBe(400);
    const voided = await arrow.post(`/api/imports/${imp.id}/void`, { reason: 'quantities read wrong' });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'voided', voidReason: 'quantities read wrong', voidedAt: expect.any(String) });
    expect((await arrow.get(`/api/imports/${imp.id}/lines`)).body.items).toEqual([]);
    expect((await arrow.post(`/api/imports/${imp.id}/claims?wait=true`, { mode: 'implicit' })).body.code).toBe('IMPORT_VOIDED');
    // The corrected file: its lines are new again, not duplicates of the voided ones.
    const again = (await send(arrow, '/api/imports', [header, row('VD-1', '1', 10), row('VD-1', '2', 5)].join('\n'))).body;
    expect(again).toMatchObject({ rowsAccepted: 2, rowsDuplicate: 0 });
    await arrow.post(`/api/imports/${again.id}/claims?wait=true`, { mode: 'implicit' });
    const refused = await arrow.post(`/api/imports/${again.id}/void`, { reason: 'too late' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_LINES_CLAIMED');
    expect(refused.body.detail).toMatch(/row 2 on claim CLM-/);
    const [audit] = await q<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_events WHERE action = 'pos_import.voided' AND entity_id = ?`, [
      imp.id,
    ]);
    expect(Number(audit!.n)).toBe(1);
    await ledgerClean();
  });

  it('takes back a return that came before its sale was claimed, or in the same file, or while the claim was in review, when the claim is paid', async () => {
    const debits = async () =>
      (await finance.get('/api/settlement/debits')).body.items as {
        claimLineId: number;
        quantity: number;
        amount: string;
        status: string;
      }[];
    const pay = async (claimId: number) => {
      expect((await finance2.post(`/api/claims/${claimId}/authorize`)).status).toBe(200);
      const paid = await finance2.post(`/api/claims/${claimId}/pay`, { externalRef: `ERP-RE-${claimId}` });
      expect(paid.status).toBe(200);
      return paid.body;
    };
    const before = (await debits()).length;
    // The return first (nothing pays its sale yet: nothing to take back), the sale after, claimed and paid.
    const early = await send(arrow, '/api/imports', [header, row('RE-1', '1', -15)].join('\n'));
    expect(early.status).toBe(201);
    expect((await debits()).length).toBe(before);
    const sale = (await send(arrow, '/api/imports', [header, row('re-1', '01', 40)].join('\n'))).body;
    const c1 = (await arrow.post(`/api/imports/${sale.id}/claims?wait=true`, { mode: 'implicit' })).body.claims[0];
    expect(c1.approvedTotal).toBe('40.0000');
    const paid1 = await pay(c1.id);
    expect(paid1.creditMemo).toMatchObject({ amount: '25.0000', debitsApplied: '15.0000' });
    expect((await debits())[0]).toMatchObject({ quantity: 15, amount: '15.0000', status: 'applied' });
    const [audit] = await q<{ after: string }>(
      "SELECT after AS after FROM audit_events WHERE action = 'settlement.returns_reversed' AND entity_type = 'claim' AND entity_id = ?",
      [c1.id],
    );
    expect(JSON.parse(audit!.after).reversed).toMatchObject([{ quantity: 15, amount: '15.0000', claimNumber: c1.number }]);
    // The sale and its return in one file.
    const both = (await send(arrow, '/api/imports', [header, row('RE-2', '1', 30), row('RE-2', '1', -10)].join('\n'))).body;
    expect(both).toMatchObject({ rowsAccepted: 2 });
    const c2 = (await arrow.post(`/api/imports/${both.id}/claims?wait=true`, { mode: 'implicit' })).body.claims[0];
    expect(c2.approvedTotal).toBe('30.0000');
    expect((await pay(c2.id)).creditMemo).toMatchObject({ amount: '20.0000', debitsApplied: '10.0000' });
    // A return while its claim is in review waits for the payment; finance then rejects the
    // returned sale's line: nothing is taken back for a sale the claim does not pay.
    const two = (await send(arrow, '/api/imports', [header, row('RE-3', '1', 20), row('RE-3', '2', 10)].join('\n'))).body;
    const c3 = (await arrow.post(`/api/imports/${two.id}/claims?wait=true`, { mode: 'implicit' })).body.claims[0];
    expect(c3.approvedTotal).toBe('30.0000');
    const late = await send(arrow, '/api/imports', [header, row('RE-3', '2', -5)].join('\n'));
    expect(late.status).toBe(201);
    expect((await debits()).length).toBe(before + 2);
    const lines = (await finance.get(`/api/claims/${c3.id}/lines`)).body.items as { id: number; invoiceLine: string }[];
    const returned = lines.find((l) => l.invoiceLine === '2')!;
    expect(
      (await finance.post(`/api/claims/${c3.id}/lines/${returned.id}/adjust`, { approvedAmount: '0', reason: 'Returned by the customer' }))
        .status,
    ).toBe(200);
    expect((await pay(c3.id)).creditMemo).toMatchObject({ amount: '20.0000', debitsApplied: '0.0000' });
    expect((await debits()).length).toBe(before + 2);
    expect((await finance.get('/api/settlement/debits?status=open')).body.items).toEqual([]);
    await ledgerClean();
  });

  it("takes a paid sale's credit back when it is returned, on the next credit memo, never below zero", async () => {
    const debitsOpen = async () =>
      (await finance.get('/api/settlement/debits?status=open')).body.items as { amount: string; appliedAmount: string; quantity: number }[];
    const before = (await debitsOpen()).length;
    // A sale of 40 units paid at 1.00 a unit: 40.00.
    const sale = (await send(arrow, '/api/imports', [header, row('RT-1', '1', 40)].join('\n'))).body;
    const claim = (await arrow.post(`/api/imports/${sale.id}/claims?wait=true`, { mode: 'implicit' })).body.claims[0];
    expect(claim.approvedTotal).toBe('40.0000');
    expect((await finance.post(`/api/claims/${claim.id}/authorize`)).status).toBe(200);
    expect((await finance2.post(`/api/claims/${claim.id}/pay`, { externalRef: 'ERP-RT-1' })).status).toBe(200);
    // 15 units come back (the same sale, spelled otherwise): 15.00 is taken back.
    const back = await send(arrow, '/api/imports', [header, row('rt-1', '01', -15)].join('\n'));
    expect(back.status).toBe(201);
    const lines = (await arrow.get(`/api/imports/${back.body.id}/lines`)).body.items;
    expect(lines).toMatchObject([{ quantity: -15, isReturn: true }]);
    let open = await debitsOpen();
    expect(open.length).toBe(before + 1);
    expect(open[0]).toMatchObject({ quantity: 15, amount: '15.0000', appliedAmount: '0.0000' });
    // Sending the return again adds nothing (the same line is a duplicate, and a return settles once).
    await send(arrow, '/api/imports', [header, row('rt-1', '01', -15)].join('\n'));
    expect((await debitsOpen()).length).toBe(before + 1);
    // The next memo, of 10.00, takes 10.00 of it (never below zero); the rest stays open.
    const small = (await send(arrow, '/api/imports', [header, row('RT-2', '1', 10)].join('\n'))).body;
    const next = (await arrow.post(`/api/imports/${small.id}/claims?wait=true`, { mode: 'implicit' })).body.claims[0];
    await finance.post(`/api/claims/${next.id}/authorize`);
    const paid = await finance2.post(`/api/claims/${next.id}/pay`, { externalRef: 'ERP-RT-2' });
    expect(paid.body.creditMemo).toMatchObject({ amount: '0.0000', debitsApplied: '10.0000', currency: 'USD' });
    open = await debitsOpen();
    expect(open[0]).toMatchObject({ amount: '15.0000', appliedAmount: '10.0000' });
    // The memo after takes the last 5.00.
    const third = (await send(arrow, '/api/imports', [header, row('RT-3', '1', 20)].join('\n'))).body;
    const last = (await arrow.post(`/api/imports/${third.id}/claims?wait=true`, { mode: 'implicit' })).body.claims[0];
    await finance.post(`/api/claims/${last.id}/authorize`);
    const paidLast = await finance2.post(`/api/claims/${last.id}/pay`, { externalRef: 'ERP-RT-3' });
    expect(paidLast.body.creditMemo).toMatchObject({ amount: '15.0000', debitsApplied: '5.0000' });
    expect((await debitsOpen()).length).toBe(before);
    // A return of more units than were paid takes back only what was paid (5 units paid, 8 returned).
    const fourth = (await send(arrow, '/api/imports', [header, row('RT-4', '1', 5)].join('\n'))).body;
    const c4 = (await arrow.post(`/api/imports/${fourth.id}/claims?wait=true`, { mode: 'implicit' })).body.claims[0];
    await finance.post(`/api/claims/${c4.id}/authorize`);
    await finance2.post(`/api/claims/${c4.id}/pay`, { externalRef: 'ERP-RT-4' });
    await send(arrow, '/api/imports', [header, row('RT-4', '1', -8)].join('\n'));
    expect(await debitsOpen()).toMatchObject([{ quantity: 5, amount: '5.0000', appliedAmount: '0.0000' }]);
    // A return of a sale no claim pays takes nothing back.
    const all = (await finance.get('/api/settlement/debits')).body.items as unknown[];
    const unpaid = await send(arrow, '/api/imports', [header, row('RT-9', '1', -3)].join('\n'));
    expect(unpaid.status).toBe(201);
    expect((await finance.get('/api/settlement/debits')).body.items.length).toBe(all.length);
    // Northbridge sees none of Arrowhead's debits.
    expect((await north.get('/api/settlement/debits')).body.items).toEqual([]);
    await ledgerClean();
  });

  it('voids a return file whose debit no memo has taken from (the debit goes with it), and refuses once a memo took from it', async () => {
    const debitsOpen = async () => (await finance.get('/api/settlement/debits?status=open')).body.items as { id: number; amount: string }[];
    const sale = (await send(arrow, '/api/imports', [header, row('RV-1', '1', 30)].join('\n'))).body;
    const claim = (await arrow.post(`/api/imports/${sale.id}/claims?wait=true`, { mode: 'implicit' })).body.claims[0];
    expect((await finance.post(`/api/claims/${claim.id}/authorize`)).status).toBe(200);
    expect((await finance2.post(`/api/claims/${claim.id}/pay`, { externalRef: 'ERP-RV-1' })).status).toBe(200);
    // (that memo took what earlier returns left open; what is open now is the starting point)
    const before = await debitsOpen();
    // A return of 10 sent by mistake: a debit of 10.00, not yet taken; voiding the file takes it away.
    const wrong = (await send(arrow, '/api/imports', [header, row('RV-1', '1', -10)].join('\n'))).body;
    const opened = (await debitsOpen()).filter((d) => !before.some((b) => b.id === d.id));
    expect(opened).toMatchObject([{ amount: '10.0000' }]);
    const voided = await arrow.post(`/api/imports/${wrong.id}/void`, { reason: 'return sent by mistake' });
    expect(voided.status).toBe(200);
    expect((await debitsOpen()).map((d) => d.id)).toEqual(before.map((d) => d.id));
    const [audit] = await q<{ after: string }>(
      "SELECT after AS after FROM audit_events WHERE action = 'pos_import.voided' AND entity_id = ?",
      [String(wrong.id)],
    );
    expect(JSON.parse(audit!.after).debitsCancelled).toMatchObject([{ debitId: opened[0]!.id, amount: '10.0000' }]);
    // The return sent again, and a memo takes from its debit: the file can no longer be voided.
    const right = (await send(arrow, '/api/imports', [header, row('RV-1', '1', -10)].join('\n'))).body;
    const next = (await send(arrow, '/api/imports', [header, row('RV-2', '1', 50)].join('\n'))).body;
    const c2 = (await arrow.post(`/api/imports/${next.id}/claims?wait=true`, { mode: 'implicit' })).body.claims[0];
    await finance.post(`/api/claims/${c2.id}/authorize`);
    const paid = await finance2.post(`/api/claims/${c2.id}/pay`, { externalRef: 'ERP-RV-2' });
    expect(paid.body.creditMemo.debitsApplied).not.toBe('0.0000');
    const refused = await arrow.post(`/api/imports/${right.id}/void`, { reason: 'too late' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_RETURNS_SETTLED');
    expect(refused.body.detail).toMatch(/row 2: debit \d+/);
    await ledgerClean();
  });
});
