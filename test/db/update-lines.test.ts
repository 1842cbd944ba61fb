/**
 * A claim's submit writes every line's verdict in one statement (`updateLines`): the rows it
 * leaves are the rows `updateLine` line by line leaves, for random patches of random lines (money
 * in its short and canonical spellings, JSON columns, nulls, a column only some lines set). Each
 * side runs in a transaction that is rolled back.
 */
import fc from 'fast-check';
import { QueryTypes, type Transaction } from 'sequelize';
import { updateLine, updateLines, type LinePatch } from '../../server/claims/claims.repository.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';
import { rolledBack } from '../support/rollback.js';

describeDb("a claim's lines written at once as line by line", () => {
  let t: TestApp;
  let ids: number[];

  beforeAll(async () => {
    t = await startTestApp();
    const arrow = await t.as(USERS.arrowhead);
    const auth = (await arrow.get('/api/authorizations')).body.items[0] as { number: string };
    const drafted = await arrow.post('/api/claims', {
      lines: Array.from({ length: 6 }, (_, i) => ({
        authorizationNumber: auth.number,
        vendorPartNumber: 'VS-ETH-PHY',
        endCustomerName: 'Cascade Robotics',
        invoiceNumber: `UL-${i}`,
        invoiceLine: '1',
        invoiceDate: '2026-10-15',
        quantity: 2,
        bookCost: '3.8950',
        authorizedCost: '3.2000',
      })),
    });
    expect(drafted.status).toBe(201);
    ids = (
      (await t.db.sequelize.query('SELECT id FROM claim_lines WHERE claim_id = ? ORDER BY id', {
        replacements: [drafted.body.id],
        type: QueryTypes.SELECT,
      })) as { id: number }[]
    ).map((r) => Number(r.id));
  });
  afterAll(() => t.close());

  const money = fc.oneof(
    fc.integer({ min: 0, max: 99_999_999 }).map((n) => `${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, '0')}`),
    fc.integer({ min: 0, max: 9_999 }).map((n) => `${n}.5`),
  );
  const patch: fc.Arbitrary<LinePatch> = fc.record(
    {
      verdict: fc.constantFrom('accepted', 'partial', 'rejected' as const),
      reasonCodes: fc.subarray(['PRICE_ABOVE_AUTHORIZED', 'ALREADY_CLAIMED', 'QTY_EXCEEDS_APPROVED']),
      rule: fc.option(fc.constantFrom('notAlreadyClaimed', 'costNotBelowAuthorized'), { nil: null }),
      verdictInputs: fc.option(fc.dictionary(fc.constantFrom('a', 'b', 'claimedBookCost'), fc.string({ maxLength: 8 })), { nil: null }),
      bookCost: money,
      acceptedQuantity: fc.integer({ min: 0, max: 5 }),
      computedAmount: money,
      approvedAmount: money,
      authorizationVersion: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    },
    { requiredKeys: ['verdict', 'acceptedQuantity', 'approvedAmount'] },
  ) as fc.Arbitrary<LinePatch>;

  const rows = async (tx: Transaction) =>
    (
      (await t.db.sequelize.query(
        `SELECT id, verdict, reason_codes, rule, verdict_inputs, CAST(book_cost AS CHAR) AS book_cost, accepted_quantity,
                CAST(computed_amount AS CHAR) AS computed_amount, CAST(approved_amount AS CHAR) AS approved_amount,
                authorization_version, authorization_line_id, product_id, quantity, CAST(claimed_amount AS CHAR) AS claimed_amount
           FROM claim_lines WHERE id IN (${ids.join(',')}) ORDER BY id`,
        { type: QueryTypes.SELECT, transaction: tx },
      )) as Record<string, unknown>[]
    ).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' || v === null ? v : String(v)])));

  it('leaves the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }),
        fc.array(patch, { minLength: 6, maxLength: 6 }),
        async (picked, patches) => {
          const updates = picked.map((i) => ({ id: ids[i]!, patch: patches[i]! }));
          const atOnce = await rolledBack(t.db.sequelize, async (tx) => {
            await updateLines(updates, tx);
            return rows(tx);
          });
          const oneByOne = await rolledBack(t.db.sequelize, async (tx) => {
            for (const u of updates) await updateLine(u.id, u.patch, tx);
            return rows(tx);
          });
          expect(atOnce).toEqual(oneByOne);
        },
      ),
      { numRuns: 40, seed: 20261203 },
    );
  });
});
