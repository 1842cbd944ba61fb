/**
 * The report figures kept as claims move (issue 19 item 3) equal the figures scanned from every
 * claim, whatever happens in whatever order (property): claims filed through the API and as a
 * claim file, lines lowered and rejected in review, claims authorized and paid, an authorization
 * cancelled under claims in review, days passing. After every step, for every day of the run, the
 * accruals' liability the API answers (kept) equals the scan of the claims and the journal, the
 * claims report (kept) equals its scan for every grouping, the claims' aging (kept) equals its scan
 * today, on the run's first day and 40 days on, and a distributor's own figures are its
 * scan's; at the end, rebuilding the kept figures from the claims changes no figure. Time moves
 * by faking the clock (Date only) of the real app in this process.
 */
import fc from 'fast-check';
import { Money } from '../../core/money.js';
import { rebuildClaimFigures } from '../../models/claim-figures-sql.js';
import * as aging from '../../server/reports/aging.repository.js';
import * as reports from '../../server/reports/reports.repository.js';
import {
  approvedAuthorization,
  bearerOf,
  describeDb,
  fakeDateOnly,
  startTestApp,
  USERS,
  type Client,
  type TestApp,
} from '../support/harness.js';

const DAY = 86_400_000;
const GROUPINGS = ['week', 'distributor', 'programType'] as const;

describeDb('report figures kept as claims move equal the scanned ones (property)', () => {
  let t: TestApp;
  let arrow: Client;
  let finance: Client;
  let finance2: Client;
  let cm: Client;
  let arrowheadId: number;
  beforeAll(async () => {
    t = await startTestApp();
    [arrow, finance, finance2, cm] = await Promise.all([USERS.arrowhead, USERS.finance, USERS.finance2, USERS.cm].map((u) => t.as(u)));
    arrowheadId = ((await finance.get('/api/accounts?type=distributor')).body.items as { id: number; name: string }[]).find(
      (d) => d.name === 'Arrowhead Components',
    )!.id;
    fakeDateOnly();
  });
  afterAll(async () => {
    jest.useRealTimers();
    await t.close();
  });

  // The run's clock: from a Monday after the demo's history, a day or more per step, never back.
  let now = Date.parse('2027-01-04T12:00:00Z');
  const first = new Date(now).toISOString().slice(0, 10);
  const today = () => new Date(now).toISOString().slice(0, 10);
  const advance = (days: number) => {
    now += days * DAY;
    jest.setSystemTime(new Date(now));
  };

  const days = () => {
    const out: string[] = [];
    for (let d = Date.parse(`${first}T00:00:00Z`) - DAY; d <= now; d += DAY) out.push(new Date(d).toISOString().slice(0, 10));
    return out;
  };

  async function figuresAgree(step: string) {
    for (const day of days()) {
      const kept = (await finance.get(`/api/reports/accruals?asOf=${day}`)).body.byCurrency;
      expect({ step, day, figures: kept }).toEqual({ step, day, figures: await reports.scannedLiability({ distributorId: null }, day) });
    }
    for (const day of [days()[0]!, today(), new Date(now + 40 * DAY).toISOString().slice(0, 10)]) {
      const kept = (await finance.get(`/api/reports/aging?asOf=${day}`)).body.claims;
      const scanned = await aging.scannedClaimAging({ distributorId: null }, day, 'USD');
      expect({ step, day, aging: kept }).toEqual({ step, day, aging: { byDistributor: scanned.rows, totals: scanned.totals } });
    }
    const own = (await arrow.get(`/api/reports/accruals?asOf=${today()}`)).body.byCurrency;
    expect({ step, own }).toEqual({ step, own: await reports.scannedLiability({ distributorId: arrowheadId }, today()) });
    for (const groupBy of GROUPINGS) {
      const kept = await reports.claimFigures({ distributorId: null }, groupBy, null, null);
      expect({ step, groupBy, kept }).toEqual({
        step,
        groupBy,
        kept: await reports.claimFigures({ distributorId: null }, groupBy, null, null, null, 'scanned'),
      });
      const api = (await finance.get(`/api/reports/claims?groupBy=${groupBy}&from=${first}`)).body.items;
      expect({ step, groupBy, api }).toEqual({
        step,
        groupBy,
        api: await reports.claimFigures({ distributorId: null }, groupBy, first, null, null, 'scanned'),
      });
    }
  }

  type Op =
    | { kind: 'file'; quantity: number }
    | { kind: 'claimFile'; quantity: number }
    | { kind: 'lower'; pick: number }
    | { kind: 'reject'; pick: number }
    | { kind: 'authorize'; pick: number }
    | { kind: 'pay'; pick: number }
    | { kind: 'cancel' }
    | { kind: 'days'; days: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('file' as const), quantity: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('claimFile' as const), quantity: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('lower' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('reject' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('authorize' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('pay' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('cancel' as const) }),
    fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 3 }) }),
  );

  let invoice = 0;
  it('holds for random claims, reviews, payments, cancellations and days', async () => {
    advance(0);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 9 }), async (ops) => {
        advance(1);
        const auth = await approvedAuthorization(t, { quantity: 500, cost: '3.2000' });
        const claims: { id: number; status: string }[] = [];
        const refresh = async () => {
          for (const c of claims) c.status = (await finance.get(`/api/claims/${c.id}?lines=false`)).body.status;
        };
        const line = (quantity: number) => ({
          authorizationNumber: auth.number,
          vendorPartNumber: auth.part,
          endCustomerName: auth.customer,
          invoiceNumber: `RR-${++invoice}`,
          invoiceLine: '1',
          invoiceDate: today(),
          quantity,
          bookCost: '6.0270',
          authorizedCost: '3.2000',
        });
        const pick = (status: string, n: number) => {
          const xs = claims.filter((c) => c.status === status);
          return xs.length ? xs[n % xs.length]! : null;
        };
        for (const o of ops) {
          if (o.kind === 'file') {
            const res = await arrow.post('/api/claims', { submit: true, lines: [line(o.quantity)] });
            expect(res.status).toBe(201);
            claims.push({ id: res.body.id, status: res.body.status });
          } else if (o.kind === 'claimFile') {
            const l = line(o.quantity);
            const csv = `Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer\n${l.invoiceNumber},1,${l.invoiceDate},${l.vendorPartNumber},${l.quantity},6.0270,3.2000,${l.authorizationNumber},${l.endCustomerName}\n`;
            const res = await t.http
              .post('/api/claims/file?wait=true&currency=USD')
              .set('Authorization', bearerOf(arrow))
              .set('Content-Type', 'text/csv')
              .send(csv);
            expect(res.status).toBe(201);
            claims.push({ id: res.body.claim.id, status: res.body.claim.status });
          } else if (o.kind === 'lower' || o.kind === 'reject') {
            const c = pick('submitted', o.pick);
            if (!c) continue;
            const l = (await finance.get(`/api/claims/${c.id}/lines`)).body.items[0] as { id: number; approvedAmount: string };
            const amount = o.kind === 'reject' ? '0' : new Money(l.approvedAmount).div(2).toDecimalPlaces(2).toFixed(4);
            const res = await finance.post(`/api/claims/${c.id}/lines/${l.id}/adjust`, { approvedAmount: amount, reason: 'Property test' });
            expect([200, 409]).toContain(res.status);
          } else if (o.kind === 'authorize') {
            const c = pick('submitted', o.pick);
            if (!c) continue;
            const res = await finance2.post(`/api/claims/${c.id}/authorize`);
            // A claim whose lines a cancellation rejected has nothing to authorize.
            if (res.status === 409) expect(res.body.code).toBe('NOTHING_TO_AUTHORIZE');
            else expect(res.status).toBe(200);
          } else if (o.kind === 'pay') {
            const c = pick('authorized', o.pick);
            if (!c) continue;
            expect((await finance.post(`/api/claims/${c.id}/pay`, { externalRef: `ERP-RR-${c.id}` })).status).toBe(200);
          } else if (o.kind === 'cancel') {
            const { id } = (await arrow.get(`/api/authorizations?number=${auth.number}`)).body.items[0];
            const asked = await arrow.post(`/api/authorizations/${id}/changes`, { kind: 'cancel', effectiveFrom: today() });
            if (asked.status !== 201) continue; // already cancelled
            expect((await cm.post(`/api/requests/${asked.body.id}/approve`, {})).status).toBe(200);
          } else advance(o.days);
          await refresh();
          await figuresAgree(`${o.kind} on ${today()}`);
        }
      }),
      { numRuns: process.env.PROPERTY_RUNS ? Number(process.env.PROPERTY_RUNS) : 6 },
    );

    // Rebuilt from the claims and the journal (the migration's backfill), every figure is the same.
    const before = await Promise.all(days().map((d) => finance.get(`/api/reports/accruals?asOf=${d}`).then((r) => r.body.byCurrency)));
    const report = await reports.claimFigures({ distributorId: null }, 'week', null, null);
    await rebuildClaimFigures(t.db.sequelize);
    expect(await Promise.all(days().map((d) => finance.get(`/api/reports/accruals?asOf=${d}`).then((r) => r.body.byCurrency)))).toEqual(
      before,
    );
    expect(await reports.claimFigures({ distributorId: null }, 'week', null, null)).toEqual(report);
  });
});
