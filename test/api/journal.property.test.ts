/**
 * A property test of the finance journal through the real API: fast-check draws sequences of
 * approve (a claim submitted on an authorization), adjust (a line up or down, or rejected),
 * pay (authorized by one person, paid by another) and expire (the authorization cancelled from
 * a day, releasing the claims in review). After every step, each currency's journal debits equal
 * its credits, and check:ledger (its journal invariants: balanced entries, accruals equal to the
 * approved totals, a payment entry per paid memo) finds nothing.
 * A longer hunt: JOURNAL_PROPERTY_RUNS=50 (and JOURNAL_PROPERTY_SEED to replay one).
 */
import fc from 'fast-check';
import { checkLedger, formatViolation } from '../../server/settlement/invariants.repository.js';
import { approvedAuthorization, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const RUNS = Number(process.env.JOURNAL_PROPERTY_RUNS ?? 4);
const SEED = process.env.JOURNAL_PROPERTY_SEED ? Number(process.env.JOURNAL_PROPERTY_SEED) : undefined;

type Step =
  | { kind: 'approve'; quantity: number }
  | { kind: 'adjust'; pick: number; cents: number }
  | { kind: 'pay'; pick: number }
  | { kind: 'expire'; day: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('approve' as const), quantity: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('adjust' as const), pick: fc.nat(), cents: fc.integer({ min: 0, max: 900 }) }),
  fc.record({ kind: fc.constant('pay' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('expire' as const), day: fc.integer({ min: 1, max: 28 }) }),
);

describeDb('journal property: debits equal credits after any sequence', () => {
  let t: TestApp;
  let admin: Client;
  let finance: Client;
  let finance2: Client;
  let arrow: Client;
  let cm: Client;
  beforeAll(async () => {
    t = await startTestApp();
    [admin, finance, finance2, arrow, cm] = await Promise.all(
      [USERS.admin, USERS.finance, USERS.finance2, USERS.arrowhead, USERS.cm].map((u) => t.as(u)),
    );
  });
  afterAll(() => t.close());

  let invoice = 0;
  it('keeps the journal balanced and equal to the ledger', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const auth = await approvedAuthorization(t, { quantity: 40, cost: '5.0270' });
        const authorizationId = (await arrow.get(`/api/authorizations?number=${encodeURIComponent(auth.number)}`)).body.items[0]
          .id as number;
        const claims: { id: number; lineId: number; quantity: number }[] = [];
        let cancelled = false;
        for (const s of steps) {
          if (s.kind === 'approve') {
            const res = await arrow.post('/api/claims', {
              submit: true,
              lines: [
                {
                  authorizationNumber: auth.number,
                  vendorPartNumber: 'VS-ADC-24S',
                  endCustomerName: auth.customer,
                  invoiceNumber: `JP-${process.pid}-${++invoice}`,
                  invoiceLine: '1',
                  invoiceDate: `2026-11-${String(1 + (invoice % 28)).padStart(2, '0')}`,
                  quantity: s.quantity,
                  bookCost: '6.0270',
                  authorizedCost: '5.0270',
                },
              ],
            });
            expect(res.status).toBe(201);
            claims.push({ id: res.body.id, lineId: res.body.lines[0].id, quantity: s.quantity });
          } else if (s.kind === 'adjust' && claims.length) {
            const c = claims[s.pick % claims.length]!;
            const amount = (Math.min(s.cents, c.quantity * 100) / 100).toFixed(2);
            // An adjustment the claim's state refuses (not in review, no quantity left) is an answer, not a failure.
            const res = await admin.post(`/api/claims/${c.id}/lines/${c.lineId}/adjust`, { approvedAmount: amount, reason: 'property' });
            expect([200, 409]).toContain(res.status);
          } else if (s.kind === 'pay' && claims.length) {
            const c = claims[s.pick % claims.length]!;
            const authorized = await finance.post(`/api/claims/${c.id}/authorize`);
            expect([200, 409]).toContain(authorized.status);
            if (authorized.status === 200)
              expect((await finance2.post(`/api/claims/${c.id}/pay`, { externalRef: `ERP-${c.id}` })).status).toBe(200);
          } else if (s.kind === 'expire' && !cancelled) {
            const asked = await arrow.post(`/api/authorizations/${authorizationId}/changes`, {
              kind: 'cancel',
              effectiveFrom: `2026-11-${String(s.day).padStart(2, '0')}`,
            });
            expect(asked.status).toBe(201);
            expect((await cm.post(`/api/requests/${asked.body.id}/approve`, {})).status).toBe(200);
            cancelled = true;
          }
          const journal = (await finance.get('/api/finance/journal')).body as {
            totals: { currency: string; debit: string; credit: string }[];
          };
          for (const total of journal.totals) expect(total.debit).toBe(total.credit);
          const report = await checkLedger(t.db.sequelize);
          if (report.total) throw new Error(`after ${JSON.stringify(s)}:\n${report.violations.map(formatViolation).join('\n')}`);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
