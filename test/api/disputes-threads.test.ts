/**
 * Disputes with a thread: the distributor disputes a rejected, cut or adjusted-down line with a
 * comment (and the corrected line), either side comments, the vendor accepts or rejects with a
 * comment; every step is audited and an accepted dispute pays through the settlement service.
 */
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface Thread {
  lineId: number;
  claimId: number;
  state: string;
  line: { id: number; verdict: string; approvedAmount: string };
  entries: { kind: string; body: string; authorName: string | null; resubmittedLineId: number | null; correction: unknown }[];
}

describeDb('dispute threads', () => {
  let t: TestApp;
  let arrow: Client;
  let finance: Client;
  let authNumber: string;
  let n = 0;
  /** One submitted claim of one line for Arrowhead, with the given overrides. */
  async function claimLine(over: Record<string, unknown>) {
    n++;
    const res = await arrow.post('/api/claims', {
      submit: true,
      debitMemoNumber: `ARW-THREAD-${n}`,
      lines: [
        {
          authorizationNumber: authNumber,
          vendorPartNumber: 'VS-ETH-PHY',
          endCustomerName: 'Cascade Robotics',
          invoiceNumber: `ARW-T-${n}`,
          invoiceLine: '1',
          invoiceDate: '2026-10-20',
          quantity: 10,
          bookCost: '3.8950',
          authorizedCost: '3.2000',
          ...over,
        },
      ],
    });
    expect(res.status).toBe(201);
    return res.body as { id: number; lines: { id: number; verdict: string; approvedAmount: string; claimedAmount: string }[] };
  }

  /** Arrowhead disputes a line rejected for its end customer, with the corrected name (resubmitted at once). */
  const disputeEndCustomer = (lineId: number) =>
    arrow.post('/api/disputes', { lineId, comment: 'Wrong end customer typed', correction: { endCustomerName: 'Cascade Robotics' } });

  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    finance = await t.as(USERS.finance);
    authNumber = (await arrow.get('/api/authorizations')).body.items.find((a: { lines: unknown[] }) => a.lines.length === 1).number;
  });
  afterAll(() => t.close());

  it('disputes a line finance adjusted down with a comment and its correction; finance accepts it through the settlement service', async () => {
    const claim = await claimLine({});
    const line = claim.lines[0]!;
    const adjusted = await finance.post(`/api/claims/${claim.id}/lines/${line.id}/adjust`, {
      approvedAmount: '5.0000',
      reason: 'Freight deducted',
    });
    expect(adjusted.body.lines[0]).toMatchObject({ verdict: 'adjusted', adjustmentReason: 'Freight deducted' });
    // The distributor reads finance's reason on its own view of the line.
    expect((await arrow.get(`/api/claims/${claim.id}`)).body.lines[0].adjustmentReason).toBe('Freight deducted');
    const opened = await arrow.post('/api/disputes', {
      lineId: line.id,
      comment: 'Freight was prepaid by us',
      correction: { claimedAmount: '6.9500' },
    });
    expect(opened.status).toBe(201);
    const thread = opened.body as Thread;
    expect(thread).toMatchObject({ lineId: line.id, claimId: claim.id, state: 'open' });
    expect(thread.entries).toEqual([
      expect.objectContaining({ kind: 'opened', body: 'Freight was prepaid by us', correction: { claimedAmount: '6.9500' } }),
    ]);
    expect(thread.entries[0]!.authorName).toEqual(expect.any(String));
    expect((await arrow.post('/api/disputes', { lineId: line.id, comment: 'again please' })).body.code).toBe('DISPUTE_ALREADY_OPEN');

    // The vendor sees it in its list; another distributor does not.
    const open = (await finance.get('/api/disputes/threads?state=open')).body.items as Thread[];
    expect(open.map((x) => x.lineId)).toContain(line.id);
    const north = await t.as(USERS.northbridge);
    expect(((await north.get('/api/disputes/threads?state=all')).body.items as Thread[]).some((x) => x.lineId === line.id)).toBe(false);
    expect((await north.get(`/api/disputes/lines/${line.id}/thread`)).status).toBe(404);
    expect((await north.post(`/api/disputes/lines/${line.id}/comments`, { body: 'me too' })).status).toBe(404);

    const comment = await finance.post(`/api/disputes/lines/${line.id}/comments`, { body: 'Send the freight invoice, please' });
    expect(comment.status).toBe(201);
    // A distributor may not decide; finance does.
    expect((await arrow.post(`/api/disputes/lines/${line.id}/decision`, { decision: 'accept', comment: 'self' })).status).toBe(403);
    const decided = await finance.post(`/api/disputes/lines/${line.id}/decision`, { decision: 'accept', comment: 'Invoice checked' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ state: 'accepted', line: { verdict: 'adjusted', approvedAmount: '6.9500' } });
    expect((decided.body as Thread).entries.map((e) => e.kind)).toEqual(['opened', 'comment', 'accepted']);
    expect((await finance.post(`/api/disputes/lines/${line.id}/decision`, { decision: 'reject', comment: 'late' })).body.code).toBe(
      'DISPUTE_DECIDED',
    );

    // The claim's total follows, and the distributor reads the decision's reason on the line.
    const after = await arrow.get(`/api/claims/${claim.id}`);
    expect(after.body.approvedTotal).toBe('6.9500');
    expect(after.body.lines[0]).toMatchObject({ verdict: 'adjusted', adjustmentReason: 'dispute accepted: Invoice checked' });
    // The grid reads the claim without its lines, then pages them.
    const head = await arrow.get(`/api/claims/${claim.id}?lines=false`);
    expect(head.body).toMatchObject({ id: claim.id, approvedTotal: '6.9500', lineCount: 1 });
    expect(head.body.lines).toBeUndefined();
    const page = await arrow.get(`/api/claims/${claim.id}/lines?limit=1`);
    expect(page.body.items[0].adjustmentReason).toBe('dispute accepted: Invoice checked');

    // Every step is in the audit trail.
    const admin = await t.as(USERS.admin);
    const actions = ((await admin.get(`/api/audit?entityType=claim_line&entityId=${line.id}`)).body.items as { action: string }[]).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['dispute.opened', 'dispute.commented', 'dispute.decided', 'claim_line.adjusted']));
  });

  it('disputes a cut line; accepting above the authorized credit is refused naming approvedAmount, a rejection keeps the comment', async () => {
    // Claimed 9.00 where the authorization gives (3.8950 - 3.2000) x 10 = 6.95: the line is cut.
    const claim = await claimLine({ claimedAmount: '9.0000' });
    const line = claim.lines[0]!;
    expect(line.approvedAmount).toBe('6.9500');
    const opened = await arrow.post('/api/disputes', {
      lineId: line.id,
      comment: 'Our invoice shows 9.00',
      correction: { claimedAmount: '9.0000' },
    });
    expect(opened.status).toBe(201);
    const tooMuch = await finance.post(`/api/disputes/lines/${line.id}/decision`, { decision: 'accept', comment: 'Fine by me' });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.detail).toContain('approvedAmount');
    expect((await finance.get(`/api/disputes/lines/${line.id}/thread`)).body.state).toBe('open');
    const rejected = await finance.post(`/api/disputes/lines/${line.id}/decision`, {
      decision: 'reject',
      comment: 'The authorization caps the credit at 6.95',
    });
    expect(rejected.body).toMatchObject({ state: 'rejected', line: { approvedAmount: '6.9500' } });
    expect((rejected.body as Thread).entries.at(-1)).toMatchObject({ kind: 'rejected', body: 'The authorization caps the credit at 6.95' });
  });

  it('resubmits the correction of a rejected line at once; a rejection keeps the amounts and the comment', async () => {
    const claim = await claimLine({ endCustomerName: 'Orion Automotive' });
    const line = claim.lines[0]!;
    expect(line.verdict).toBe('rejected');
    const opened = await disputeEndCustomer(line.id);
    expect(opened.status).toBe(201);
    const resubmitted = (opened.body as Thread).entries[0]!.resubmittedLineId;
    expect(resubmitted).toEqual(expect.any(Number));
    const history = (await arrow.get(`/api/disputes/lines/${line.id}/history`)).body.items as { id: number; verdict: string }[];
    expect(history.map((l) => [l.id, l.verdict])).toEqual([
      [line.id, 'rejected'],
      [resubmitted, 'accepted'],
    ]);
    const rejected = await finance.post(`/api/disputes/lines/${line.id}/decision`, { decision: 'reject', comment: 'Resubmission stands' });
    expect(rejected.body).toMatchObject({ state: 'rejected', line: { verdict: 'rejected', approvedAmount: '0.0000' } });
    expect((rejected.body as Thread).entries.at(-1)).toMatchObject({ kind: 'rejected', body: 'Resubmission stands' });
  });

  it('refuses lines accepted in full, and names the field of a bad comment or correction', async () => {
    const claim = await claimLine({});
    const line = claim.lines[0]!;
    expect(line.verdict).toBe('accepted');
    const full = await arrow.post('/api/disputes', { lineId: line.id, comment: 'more please' });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('LINE_NOT_DISPUTABLE');
    const short = await arrow.post('/api/disputes', { lineId: line.id, comment: '' });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body.errors)).toContain('comment');
    const badAmount = await arrow.post('/api/disputes', { lineId: line.id, comment: 'fine text', correction: { claimedAmount: '1,5' } });
    expect(badAmount.status).toBe(400);
    expect(JSON.stringify(badAmount.body.errors)).toContain('correction.claimedAmount');
    expect((await finance.post('/api/disputes', { lineId: line.id, comment: 'vendor cannot open' })).status).toBe(403);
  });

  describe('one change or none (a thread entry the database refuses, through a trigger made here)', () => {
    /** Makes the database refuse a dispute entry of `kind` until the trigger is dropped. */
    async function refuseEntries(kind: 'opened' | 'accepted') {
      const q = t.db.sequelize;
      if (q.getDialect() === 'sqlite') {
        await q.query(
          `CREATE TRIGGER trg_test_refuse_entry BEFORE INSERT ON dispute_entries WHEN NEW.kind = '${kind}'
           BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
        );
      } else {
        await q.query(
          `CREATE TRIGGER trg_test_refuse_entry BEFORE INSERT ON dispute_entries FOR EACH ROW
           BEGIN IF NEW.kind = '${kind}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF; END`,
        );
      }
      return () => q.query('DROP TRIGGER trg_test_refuse_entry');
    }
    const silenced = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

    it("a decision whose thread entry fails leaves the line's amount, the claim total and the audit as they were", async () => {
      const claim = await claimLine({});
      const line = claim.lines[0]!;
      await finance.post(`/api/claims/${claim.id}/lines/${line.id}/adjust`, { approvedAmount: '5.0000', reason: 'Freight deducted' });
      await arrow.post('/api/disputes', { lineId: line.id, comment: 'Freight was prepaid', correction: { claimedAmount: '6.9500' } });
      const admin = await t.as(USERS.admin);
      const trail = async () =>
        ((await admin.get(`/api/audit?entityType=claim_line&entityId=${line.id}`)).body.items as { action: string }[]).map((e) => e.action);
      const trailBefore = await trail();
      const drop = await refuseEntries('accepted');
      const quiet = silenced();
      try {
        const failed = await finance.post(`/api/disputes/lines/${line.id}/decision`, { decision: 'accept', comment: 'Invoice checked' });
        expect(failed.status).toBe(500);
      } finally {
        quiet.mockRestore();
        await drop();
      }
      const after = await arrow.get(`/api/claims/${claim.id}`);
      expect(after.body.approvedTotal).toBe('5.0000');
      expect(after.body.lines[0]).toMatchObject({ approvedAmount: '5.0000', adjustmentReason: 'Freight deducted' });
      const thread = (await finance.get(`/api/disputes/lines/${line.id}/thread`)).body as Thread;
      expect(thread.state).toBe('open');
      expect(thread.entries.map((e) => e.kind)).toEqual(['opened']);
      expect(await trail()).toEqual(trailBefore);
      // Decided again once the database takes it: the whole change, once.
      const decided = await finance.post(`/api/disputes/lines/${line.id}/decision`, { decision: 'accept', comment: 'Invoice checked' });
      expect(decided.body).toMatchObject({ state: 'accepted', line: { approvedAmount: '6.9500' } });
    });

    it('a dispute of a rejected line whose thread entry fails leaves no resubmission behind (the POS line stays free)', async () => {
      const claim = await claimLine({ endCustomerName: 'Orion Automotive' });
      const line = claim.lines[0]!;
      expect(line.verdict).toBe('rejected');
      const claimsBefore = (await arrow.get('/api/claims?pageSize=200')).body.total as number;
      const drop = await refuseEntries('opened');
      const quiet = silenced();
      try {
        const failed = await disputeEndCustomer(line.id);
        expect(failed.status).toBe(500);
      } finally {
        quiet.mockRestore();
        await drop();
      }
      expect((await arrow.get('/api/claims?pageSize=200')).body.total).toBe(claimsBefore);
      const history = (await arrow.get(`/api/disputes/lines/${line.id}/history`)).body.items as { id: number }[];
      expect(history.map((l) => l.id)).toEqual([line.id]);
      expect((await arrow.get(`/api/disputes/lines/${line.id}/thread`)).status).toBe(404);
      // The same dispute goes through afterwards: its resubmission takes the sale the failed one did not keep.
      const opened = await disputeEndCustomer(line.id);
      expect(opened.status).toBe(201);
      const resubmitted = (opened.body as Thread).entries[0]!.resubmittedLineId;
      const chain = (await arrow.get(`/api/disputes/lines/${line.id}/history`)).body.items as { id: number; verdict: string }[];
      expect(chain.map((l) => [l.id, l.verdict])).toEqual([
        [line.id, 'rejected'],
        [resubmitted, 'accepted'],
      ]);
    });
  });
});
