/**
 * The consumption ledger under pressure: concurrent submits racing for the last units of an
 * authorization line, the same POS line in two claims, and a fast-check run of claims,
 * retries, rejections and resubmissions after which no POS line is paid twice and no
 * authorization line is over-consumed. The database referees (unique key + conditional update).
 */
import fc from 'fast-check';
import { QueryTypes } from 'sequelize';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

describeDb('consumption ledger', () => {
  let t: TestApp;
  let arrow: Client;
  let finance: Client;
  let eth: { number: string; lineId: number; remaining: number };
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    finance = await t.as(USERS.finance);
    const auths = (await arrow.get('/api/authorizations')).body.items as {
      number: string;
      lines: { id: number; remainingQuantity: number }[];
    }[];
    const a = auths.find((x) => x.lines.length === 1)!;
    eth = { number: a.number, lineId: a.lines[0].id, remaining: a.lines[0].remainingQuantity };
  });
  afterAll(() => t.close());

  const line = (invoiceNumber: string, invoiceLine: string, quantity: number) => ({
    authorizationNumber: eth.number,
    vendorPartNumber: 'VS-ETH-PHY',
    endCustomerName: 'Cascade Robotics',
    invoiceNumber,
    invoiceLine,
    invoiceDate: '2026-10-15',
    quantity,
    bookCost: '3.8950',
    authorizedCost: '3.2000',
  });
  const draft = async (lines: ReturnType<typeof line>[]) => {
    const res = await arrow.post('/api/claims', { lines });
    expect(res.status).toBe(201);
    return res.body.id as number;
  };

  const invariants = async () => {
    const q = <T>(sql: string) => t.db.sequelize.query(sql, { type: QueryTypes.SELECT }) as Promise<T[]>;
    // No POS line is paid twice: at most one line with approved money per (distributor, invoice, line).
    const paidTwice = await q<{ n: number }>(`SELECT COUNT(*) AS n FROM (
        SELECT distributor_id, invoice_number, invoice_line FROM claim_lines
         WHERE verdict IN ('accepted', 'partial', 'adjusted') AND accepted_quantity > 0
         GROUP BY distributor_id, invoice_number, invoice_line HAVING COUNT(*) > 1) x`);
    expect(Number(paidTwice[0].n)).toBe(0);
    // Every paying line has its ledger entry, and the authorization line's counter equals the ledger.
    const unledgered = await q<{ n: number }>(`SELECT COUNT(*) AS n FROM claim_lines l
        WHERE l.verdict IN ('accepted', 'partial', 'adjusted') AND l.accepted_quantity > 0
          AND NOT EXISTS (SELECT 1 FROM pos_consumptions c WHERE c.claim_line_id = l.id)`);
    expect(Number(unledgered[0].n)).toBe(0);
    const drift = await q<{ n: number }>(`SELECT COUNT(*) AS n FROM authorization_lines a
        WHERE a.consumed_quantity <> (SELECT COALESCE(SUM(c.quantity), 0) FROM pos_consumptions c WHERE c.authorization_line_id = a.id)
           OR a.consumed_quantity > a.approved_quantity OR a.consumed_quantity < 0`);
    expect(Number(drift[0].n)).toBe(0);
    // Totals equal the sum of their lines (exactly: in 1/10,000 units).
    const totals = await q<{ n: number }>(`SELECT COUNT(*) AS n FROM claims c
        WHERE ROUND(c.approved_total * 10000) <> (SELECT COALESCE(SUM(ROUND(l.approved_amount * 10000)), 0) FROM claim_lines l WHERE l.claim_id = c.id)
           OR ROUND(c.claimed_total * 10000) <> (SELECT COALESCE(SUM(ROUND(l.claimed_amount * 10000)), 0) FROM claim_lines l WHERE l.claim_id = c.id)`);
    expect(Number(totals[0].n)).toBe(0);
  };

  it('lets exactly one of two concurrent claims take the last units', async () => {
    const remaining = (await arrow.get('/api/authorizations')).body.items.find((a: { number: string }) => a.number === eth.number).lines[0]
      .remainingQuantity as number;
    expect(remaining).toBeGreaterThan(0);
    const [a, b] = [await draft([line('RACE-A', '1', remaining)]), await draft([line('RACE-B', '1', remaining)])];
    const results = await Promise.all([arrow.post(`/api/claims/${a}/submit`), arrow.post(`/api/claims/${b}/submit`)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const verdicts = results.map((r) => r.body.lines[0].verdict).sort();
    expect(verdicts).toEqual(['accepted', 'rejected']);
    const loser = results.find((r) => r.body.lines[0].verdict === 'rejected')!;
    expect(loser.body.lines[0].reasonCodes).toContain('QTY_EXCEEDS_APPROVED');
    const after = (await arrow.get('/api/authorizations')).body.items.find((x: { number: string }) => x.number === eth.number).lines[0];
    expect(after.remainingQuantity).toBe(0);
    await invariants();
  });

  it('lets exactly one of two concurrent claims consume the same POS line', async () => {
    // Give the units back: finance rejects the winner, which releases its ledger entry.
    const claims = (await finance.get('/api/claims?status=submitted')).body.items as { id: number }[];
    for (const c of claims) {
      const full = (await finance.get(`/api/claims/${c.id}`)).body;
      for (const l of full.lines.filter(
        (x: { invoiceNumber: string; verdict: string }) => x.invoiceNumber.startsWith('RACE-') && x.verdict === 'accepted',
      )) {
        expect(
          (
            await finance.post(`/api/claims/${c.id}/lines/${l.id}/adjust`, {
              approvedAmount: '0',
              reason: 'freeing units for the next test',
            })
          ).status,
        ).toBe(200);
      }
    }
    const [a, b] = [await draft([line('SAME-POS', '1', 10)]), await draft([line('SAME-POS', '1', 10)])];
    const results = await Promise.all([arrow.post(`/api/claims/${a}/submit`), arrow.post(`/api/claims/${b}/submit`)]);
    const lines = results.map((r) => r.body.lines[0]);
    expect(lines.filter((l) => l.verdict === 'accepted')).toHaveLength(1);
    expect(lines.find((l) => l.verdict === 'rejected').reasonCodes).toContain('ALREADY_CLAIMED');
    await invariants();
  });

  it('never pays a POS line twice nor over-consumes, whatever the sequence of claims, retries, rejections and resubmissions', async () => {
    let run = 0;
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('claim' as const),
        keys: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
        qty: fc.integer({ min: 1, max: 400 }),
        concurrent: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('retry' as const) }),
      fc.record({ kind: fc.constant('reject' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('resubmit' as const), pick: fc.nat(), qty: fc.integer({ min: 1, max: 400 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        run++;
        const claimIds: number[] = [];
        for (const o of ops) {
          if (o.kind === 'claim') {
            const lines = o.keys.map((k) => line(`PROP-${run % 3}-${k}`, '1', o.qty));
            const ids = o.concurrent ? [await draft(lines), await draft(lines)] : [await draft(lines)];
            const res = await Promise.all(ids.map((id) => arrow.post(`/api/claims/${id}/submit`)));
            for (const r of res) expect(r.status).toBe(200);
            claimIds.push(...ids);
          } else if (o.kind === 'retry' && claimIds.length) {
            const res = await arrow.post(`/api/claims/${claimIds[claimIds.length - 1]}/submit`);
            expect(res.status).toBe(409);
          } else if (o.kind === 'reject' && claimIds.length) {
            const c = (await finance.get(`/api/claims/${claimIds[o.pick % claimIds.length]}`)).body;
            const l = c.lines.find((x: { verdict: string }) => x.verdict !== 'rejected');
            if (c.status === 'submitted' && l)
              expect(
                (await finance.post(`/api/claims/${c.id}/lines/${l.id}/adjust`, { approvedAmount: '0', reason: 'property run' })).status,
              ).toBe(200);
          } else if (o.kind === 'resubmit') {
            const open = (await arrow.get('/api/disputes?open=true')).body.items as { id: number; invoiceNumber: string }[];
            const mine = open.filter((x) => x.invoiceNumber.startsWith('PROP-'));
            if (mine.length) {
              const res = await arrow.post('/api/disputes/resubmissions', {
                lines: [{ originalLineId: mine[o.pick % mine.length].id, quantity: o.qty }],
              });
              expect([201, 409]).toContain(res.status);
              if (res.status === 201) claimIds.push(res.body.id);
            }
          }
        }
        await invariants();
      }),
      { numRuns: 12, seed: 20261123 },
    );
  });
});
