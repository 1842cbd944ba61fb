/**
 * A POS claim run over several claims loses a sale another claim took while it ran: its line was
 * accepted by the engine (the ledger did not hold the sale when the run read it), the ledger step
 * finds the sale taken, rejects the line as already claimed and counts the authorization lines from
 * the lines that kept theirs; the other lines and claims are untouched and every invariant holds.
 *
 * The other claim is finance raising a rejected line of an explicit claim to a payable amount
 * (settlement.setLineAmount, the product's own step) in a transaction the test holds open until the
 * run waits for its sale; then it commits. MariaDB only: on SQLite one writer at a time runs, so a
 * transaction held open keeps the run from writing at all and the two never interleave.
 */
import { QueryTypes } from 'sequelize';
import type { Actor } from '../../server/auth/actor.js';
import { adjustLine } from '../../server/claims/claims.service.js';
import { checkLedger, formatViolation } from '../../server/settlement/invariants.repository.js';
import {
  approvedAuthorization,
  bearerOf,
  describeDb,
  dialect,
  startTestApp,
  USERS,
  type Client,
  type TestApp,
} from '../support/harness.js';

describeDb('a claim run that loses a sale to another claim meanwhile', () => {
  let t: TestApp;
  let arrow: Client;
  let finance: Client;
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    finance = await t.as(USERS.finance);
  });
  afterAll(() => t.close());

  const q = <T>(sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;

  (dialect === 'mariadb' ? it : it.skip)(
    'rejects the lost line as already claimed, in its own claim only, and keeps the ledger whole',
    async () => {
      // The run's authorization (A) and the other claim's (B): different lines, so neither waits for the other's lock.
      const a = await approvedAuthorization(t, { quantity: 1000, cost: '5.9270', justification: 'claim run A' });
      const b = await approvedAuthorization(t, { quantity: 1000, cost: '5.9270', justification: 'other claim B' });
      // B's claim: the sale LOST-1/1 at a cost above B's, rejected by rule (its sale not taken), and
      // another sale accepted (so the claim stays in review).
      const bLine = (invoiceNumber: string, extra: object) => ({
        authorizationNumber: b.number,
        vendorPartNumber: b.part,
        endCustomerName: b.customer,
        invoiceNumber,
        invoiceLine: '1',
        invoiceDate: '2026-10-15',
        quantity: 2,
        bookCost: '6.1000',
        authorizedCost: '5.9270',
        ...extra,
      });
      const explicit = await arrow.post('/api/claims', {
        submit: true,
        lines: [bLine('LOST-1', { authorizedCost: '5.0000', claimedAmount: '0.30' }), bLine('LOST-B2', {})],
      });
      expect(explicit.status).toBe(201);
      expect(explicit.body.status).toBe('submitted');
      const rejected = explicit.body.lines[0] as { id: number; verdict: string };
      expect(rejected.verdict).toBe('rejected');

      // The POS report: the same sale and three others, in two months (two claims by period).
      const csv = [
        'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer',
        `LOST-1,1,2026-10-15,${a.part},2,6.1000,5.9270,${a.number},${a.customer}`,
        `LOST-2,1,2026-10-16,${a.part},3,6.1000,5.9270,${a.number},${a.customer}`,
        `LOST-3,1,2026-11-02,${a.part},4,6.1000,5.9270,${a.number},${a.customer}`,
        `LOST-4,1,2026-11-03,${a.part},5,6.1000,5.9270,${a.number},${a.customer}`,
      ].join('\n');
      const imported = await t.http
        .post('/api/imports?wait=true')
        .set('Authorization', bearerOf(arrow))
        .set('Content-Type', 'text/csv')
        .send(csv);
      expect(imported.status).toBe(201);

      const financeUser = (await finance.get('/api/session')).body as Pick<Actor, 'userId' | 'email' | 'name' | 'role' | 'distributorId'>;
      const consumedOf = async (lineId: number) =>
        Number((await q<{ c: number }>('SELECT consumed_quantity AS c FROM authorization_lines WHERE id = ?', [lineId]))[0]!.c);
      const aBefore = await consumedOf(a.lineId);

      let run: Promise<{ status: number; body: Record<string, unknown> }> | null = null;
      await t.db.sequelize.transaction(async (tx) => {
        // Finance pays B's line (the adjust route's service, in this transaction): it takes LOST-1/1, not committed yet.
        const financeActor: Actor = {
          ...financeUser,
          via: 'session',
          scopes: ['read', 'write', 'admin'],
          tokenId: null,
          tokenExpiresAt: null,
          sessionMethod: 'password',
        };
        const adjusted = await adjustLine(financeActor, explicit.body.id, rejected.id, '0.20', 'payable after all', tx);
        expect(adjusted.lines!.find((l) => l.id === rejected.id)).toMatchObject({ verdict: 'adjusted', acceptedQuantity: 2 });
        // The run starts now: the ledger (committed) does not hold LOST-1 yet, so the engine accepts it.
        run = arrow.post(`/api/imports/${imported.body.id}/claims?wait=true`, { mode: 'implicit', groupBy: 'period' }).then((r) => r);
        // Its ledger step waits for the sale's key, which this transaction holds.
        for (let i = 0; ; i++) {
          // (a statement of four lines still running after a second is waiting)
          const [w] = await q<{ n: number }>(
            "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND INFO LIKE '%INTO pos_consumptions%' AND TIME >= 1",
          );
          if (Number(w!.n) > 0) break;
          if (i > 600) throw new Error('the claim run never reached the sale the other claim holds');
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      const res = await run!;
      expect(res.status).toBe(201);
      const claims = res.body.claims as { id: number; lineCount: number; rejectedLines: number; approvedTotal: string }[];
      expect(claims).toHaveLength(2);
      // the engine accepted all four; the ledger step took LOST-1 back from October's claim
      expect(res.body.lines).toMatchObject({ claimed: 4, accepted: 3, rejected: 1 });
      const lines = await q<{ claimId: number; invoiceNumber: string; verdict: string; reasonCodes: string; acceptedQuantity: number }>(
        `SELECT claim_id AS claimId, invoice_number AS invoiceNumber, verdict, reason_codes AS reasonCodes, accepted_quantity AS acceptedQuantity
         FROM claim_lines WHERE claim_id IN (?) ORDER BY invoice_number`,
        [claims.map((c) => c.id)],
      );
      expect(lines.map((l) => [l.invoiceNumber, l.verdict, Number(l.acceptedQuantity)])).toEqual([
        ['LOST-1', 'rejected', 0],
        ['LOST-2', 'accepted', 3],
        ['LOST-3', 'accepted', 4],
        ['LOST-4', 'accepted', 5],
      ]);
      expect(JSON.parse(lines[0]!.reasonCodes)).toEqual(['ALREADY_CLAIMED']);
      const october = claims.find((c) => c.id === lines[0]!.claimId)!;
      const november = claims.find((c) => c.id !== october.id)!;
      expect(october).toMatchObject({ lineCount: 2, rejectedLines: 1 });
      expect(november).toMatchObject({ lineCount: 2, rejectedLines: 0 });
      // October's total pays LOST-2 only: (book cost on record 6.0270 - authorized 5.9270) x 3 = 0.30
      expect(october.approvedTotal).toBe('0.3000');
      // A's counter moved by what the kept lines took (3 + 4 + 5), not by the lost line's 2
      expect((await consumedOf(a.lineId)) - aBefore).toBe(12);
      // the sale is paid once, by B's raised line
      const payers = await q<{ id: number }>(
        "SELECT l.id FROM claim_lines l JOIN pos_consumptions c ON c.claim_line_id = l.id WHERE c.invoice_key = 'LOST-1' AND c.line_key = '1'",
      );
      expect(payers.map((p) => Number(p.id))).toEqual([rejected.id]);
      const audit = (await finance.get(`/api/audit?entityType=claim&entityId=${october.id}&action=claim.submitted`)).body.items[0];
      expect(audit.after).toMatchObject({ lostToOtherClaims: 1 });
      const report = await checkLedger(t.db.sequelize);
      expect(report.violations.map(formatViolation)).toEqual([]);
    },
  );
});
