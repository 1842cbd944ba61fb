/**
 * Property (issue 16): whatever the order in which rebate programs of random stacking rules close
 * their periods and ship & debit claims take the same sales, a POS line is counted once where
 * stacking is off: a sale an exclusive rebate counted has no other owner, a claim and a rebate
 * share a sale only when the rebate stacks with ship & debit, and check:ledger finds nothing.
 * Each run has its own day (a custom period) so runs do not see each other's sales.
 */
import fc from 'fast-check';
import { QueryTypes } from 'sequelize';
import { checkLedger } from '../../server/settlement/invariants.repository.js';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const RULES = ['exclusive', 'with_rebates', 'with_all'] as const;

describeDb('rebates: a POS line is counted once where stacking is off (property)', () => {
  let t: TestApp;
  let cm: Client;
  let finance: Client;
  let arrow: Client;
  let arrowheadId: number;
  let auth: { number: string; customer: string };
  beforeAll(async () => {
    t = await startTestApp();
    [cm, finance, arrow] = await Promise.all([USERS.cm, USERS.finance, USERS.arrowhead].map((u) => t.as(u)));
    const d = (await cm.get('/api/accounts?type=distributor')).body.items as { id: number; name: string }[];
    arrowheadId = d.find((x) => x.name === 'Arrowhead Components')!.id;
    auth = await approvedAuthorization(t, { quantity: 100_000, cost: '4.0000', part: 'VS-MCU-32F4' });
  });
  afterAll(() => t.close());

  let run = 0;
  it('holds for random programs, claims and orders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.constantFrom(...RULES), { minLength: 2, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        fc.infiniteStream(fc.nat()),
        fc.boolean(),
        async (quantities, rules, claimed, order, sellIn) => {
          run++;
          // A day per run inside the authorization's validity and before today (shrinking adds runs:
          // they wrap after 60 days; each run's invoices and programs are its own).
          const day = new Date(Date.UTC(2026, 9, 2 + (run % 60))).toISOString().slice(0, 10);
          const inv = (i: number) => `PR-${run}-${i}`;
          const csv = [
            'Invoice No,Line,Invoice Date,Mfr Part,Qty,Resale',
            ...quantities.map((q, i) => `${inv(i)},1,${day},VS-MCU-32F4,${q},5.00`),
          ].join('\n');
          const imp = await t.http
            .post('/api/imports?wait=true')
            .set('Authorization', bearerOf(arrow))
            .set('Content-Type', 'text/csv')
            .send(csv);
          expect(imp.status).toBe(201);
          const programs: number[] = [];
          for (const [i, stacking] of rules.entries()) {
            const p = await cm.post('/api/programs', { code: `PROP-${run}-${i}`, name: 'p', type: 'rebate', startDate: day, endDate: day });
            expect(p.status).toBe(201);
            const put = await t.http
              .put(`/api/rebates/programs/${p.body.id}`)
              .set('Authorization', bearerOf(cm))
              .send({
                terms: { kind: 'volume', measure: 'quantity', rate: { kind: 'per_unit', value: '0.01' } },
                periodKind: 'custom',
                stacking,
              });
            expect(put.status).toBe(200);
            programs.push(p.body.id);
          }
          // Sell-in beside them: the vendor shipped the same invoices' units (same document numbers)
          // and a sell-in program counts them; its close must take no POS line from anyone.
          let sellInPeriod: number | null = null;
          const sellInActions: (() => Promise<void>)[] = [];
          if (sellIn) {
            const shipped = await finance.post('/api/shipments', {
              lines: quantities.map((q, i) => ({
                distributor: String(arrowheadId),
                documentNumber: inv(i),
                lineNumber: '1',
                shipDate: day,
                vendorPartNumber: 'VS-MCU-32F4',
                quantity: q,
                amount: `${q * 4}.00`,
                currency: 'USD',
              })),
            });
            expect(shipped.body).toMatchObject({ created: quantities.length, errors: [] });
            const p = await cm.post('/api/programs', { code: `PROP-${run}-SI`, name: 'p', type: 'rebate', startDate: day, endDate: day });
            const put = await t.http
              .put(`/api/rebates/programs/${p.body.id}`)
              .set('Authorization', bearerOf(cm))
              .send({
                terms: { kind: 'volume', basis: 'sell_in', measure: 'quantity', rate: { kind: 'per_unit', value: '0.01' } },
                periodKind: 'custom',
              });
            expect(put.status).toBe(200);
            sellInActions.push(async () => {
              const r = await finance.post('/api/rebates/periods', { programId: p.body.id, distributorId: arrowheadId, date: day });
              expect(r.status).toBe(201);
              // Every shipment of the day counts (the demo seed ships on some of these days too).
              const shippedThatDay = (await finance.get(`/api/shipments?distributorId=${arrowheadId}&from=${day}&to=${day}&pageSize=500`))
                .body.items as { quantity: number }[];
              expect(r.body.lineCount).toBe(shippedThatDay.filter((x) => x.quantity > 0).length);
              expect(r.body.lineCount).toBeGreaterThanOrEqual(quantities.length);
              sellInPeriod = r.body.id;
            });
          }
          // The actions, in an order the stream picks: each program's close, each claimed line's claim.
          const actions: (() => Promise<void>)[] = [
            ...sellInActions,
            ...programs.map((id) => async () => {
              const r = await finance.post('/api/rebates/periods', { programId: id, distributorId: arrowheadId, date: day });
              expect(r.status).toBe(201);
            }),
            ...quantities
              .map((q, i) => ({ q, i }))
              .filter(({ i }) => claimed[i])
              .map(({ q, i }) => async () => {
                const c = await arrow.post('/api/claims', {
                  lines: [
                    {
                      authorizationNumber: auth.number,
                      vendorPartNumber: 'VS-MCU-32F4',
                      endCustomerName: auth.customer,
                      invoiceNumber: inv(i),
                      invoiceLine: '1',
                      invoiceDate: day,
                      quantity: q,
                      bookCost: '5.2890',
                      authorizedCost: '4.0000',
                    },
                  ],
                });
                expect(c.status).toBe(201);
                expect((await arrow.post(`/api/claims/${c.body.id}/submit`)).status).toBe(200);
              }),
          ];
          const picks = order.take(actions.length * 3)[Symbol.iterator]();
          while (actions.length) {
            const [next] = actions.splice(picks.next().value % actions.length, 1);
            await next!();
          }

          const owners = (await t.db.sequelize.query(
            `SELECT p.invoice_number AS inv,
                    (SELECT COUNT(*) FROM rebate_consumptions r WHERE r.distributor_id = p.distributor_id AND r.invoice_key = p.invoice_key AND r.line_key = p.line_key) AS rebates,
                    (SELECT COUNT(*) FROM rebate_consumptions r WHERE r.distributor_id = p.distributor_id AND r.invoice_key = p.invoice_key AND r.line_key = p.line_key AND r.stacking = 'exclusive') AS exclusive,
                    (SELECT COUNT(*) FROM rebate_consumptions r WHERE r.distributor_id = p.distributor_id AND r.invoice_key = p.invoice_key AND r.line_key = p.line_key AND r.stacking <> 'with_all') AS off_claims,
                    (SELECT COUNT(*) FROM pos_consumptions c WHERE c.distributor_id = p.distributor_id AND c.invoice_key = p.invoice_key AND c.line_key = p.line_key) AS claims
               FROM pos_lines p WHERE p.invoice_number LIKE ?`,
            { replacements: [`PR-${run}-%`], type: QueryTypes.SELECT },
          )) as { inv: string; rebates: number; exclusive: number; off_claims: number; claims: number }[];
          expect(owners).toHaveLength(quantities.length);
          for (const o of owners) {
            const [rebates, exclusive, offClaims, claims] = [o.rebates, o.exclusive, o.off_claims, o.claims].map(Number);
            if (exclusive > 0) expect({ inv: o.inv, owners: rebates + claims }).toEqual({ inv: o.inv, owners: 1 });
            if (claims > 0) expect({ inv: o.inv, offClaims }).toEqual({ inv: o.inv, offClaims: 0 });
            expect(claims).toBeLessThanOrEqual(1);
            // Every sale is counted by someone: all programs cover every product.
            expect(rebates + claims).toBeGreaterThan(0);
          }
          if (sellInPeriod !== null) {
            const [held] = (await t.db.sequelize.query('SELECT COUNT(*) AS n FROM rebate_consumptions WHERE rebate_period_id = ?', {
              replacements: [sellInPeriod],
              type: QueryTypes.SELECT,
            })) as { n: number }[];
            expect(Number(held!.n)).toBe(0);
          }
          const report = await checkLedger(t.db.sequelize);
          expect(report.violations).toEqual([]);
        },
      ),
      { numRuns: 8 },
    );
  });
});
