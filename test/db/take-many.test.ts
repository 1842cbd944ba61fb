/**
 * The ledger's take for a whole claim at once (`takeMany`, an explicit claim's submit) gives each
 * line the outcome taking them one by one (`take`) gives, and leaves the same consumptions and
 * counters: random lines against one authorization line, some naming the same sale, some a sale
 * already taken, their quantities sometimes more than it has left (the counters' CHECK refuses the
 * batch and every line goes through `take`). Each side runs in a transaction that is rolled back.
 */
import fc from 'fast-check';
import { QueryTypes, type Transaction } from 'sequelize';
import { take, takeMany, type TakeEntry, type TakeResult } from '../../server/settlement/ledger.repository.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';
import { rolledBack } from '../support/rollback.js';

describeDb('the ledger takes a claim at once as it takes its lines one by one', () => {
  let t: TestApp;
  let authorizationLineId: number;
  let remaining: number;
  let distributorId: number;
  let lines: { id: number; invoiceNumber: string; invoiceLine: string; invoiceKey: string; lineKey: string }[];
  let takenKey: { invoiceNumber: string; invoiceLine: string; invoiceKey: string; lineKey: string };

  beforeAll(async () => {
    t = await startTestApp();
    const arrow = await t.as(USERS.arrowhead);
    const auths = (await arrow.get('/api/authorizations')).body.items as {
      number: string;
      distributorId: number;
      lines: { id: number; remainingQuantity: number }[];
    }[];
    const a = auths.find((x) => x.lines.length === 1 && x.lines[0]!.remainingQuantity > 20)!;
    authorizationLineId = a.lines[0]!.id;
    distributorId = a.distributorId;
    const line = (invoiceNumber: string, invoiceLine: string) => ({
      authorizationNumber: a.number,
      vendorPartNumber: 'VS-ETH-PHY',
      endCustomerName: 'Cascade Robotics',
      invoiceNumber,
      invoiceLine,
      invoiceDate: '2026-10-15',
      quantity: 1,
      bookCost: '3.8950',
      authorizedCost: '3.2000',
    });
    // A sale already taken: a claim of one unit, submitted.
    const paid = await arrow.post('/api/claims', { submit: true, lines: [line('TM-PAID', '1')] });
    expect(paid.status).toBe(201);
    const drafted = await arrow.post('/api/claims', { lines: Array.from({ length: 8 }, (_, i) => line(`TM-${i}`, '1')) });
    expect(drafted.status).toBe(201);
    lines = (await t.db.sequelize.query(
      `SELECT id, invoice_number AS invoiceNumber, invoice_line AS invoiceLine, invoice_key AS invoiceKey, line_key AS lineKey
         FROM claim_lines WHERE claim_id IN (?, ?) ORDER BY id`,
      { replacements: [drafted.body.id, paid.body.id], type: QueryTypes.SELECT },
    )) as typeof lines;
    const paidLine = lines.find((l) => l.invoiceNumber === 'TM-PAID')!;
    takenKey = paidLine;
    lines = lines.filter((l) => l !== paidLine);
    const [left] = (await t.db.sequelize.query('SELECT approved_quantity - consumed_quantity AS n FROM authorization_lines WHERE id = ?', {
      replacements: [authorizationLineId],
      type: QueryTypes.SELECT,
    })) as { n: number }[];
    remaining = Number(left!.n);
  });
  afterAll(() => t.close());

  const after = async (outcome: Map<number, TakeResult>, tx: Transaction) => ({
    outcome: [...outcome],
    consumptions: await t.db.sequelize.query(
      `SELECT claim_line_id AS claimLineId, invoice_key AS invoiceKey, line_key AS lineKey, quantity FROM pos_consumptions
        WHERE claim_line_id IN (${lines.map((l) => l.id).join(',')}) ORDER BY claim_line_id`,
      { type: QueryTypes.SELECT, transaction: tx },
    ),
    consumed: await t.db.sequelize.query('SELECT consumed_quantity AS n FROM authorization_lines WHERE id = ?', {
      replacements: [authorizationLineId],
      type: QueryTypes.SELECT,
      transaction: tx,
    }),
  });

  it('gives the same outcome per line, consumptions and counter', async () => {
    let refusedBatches = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: Math.max(2, Math.ceil(remaining / 3)) }), { minLength: 8, maxLength: 8 }),
        // which sale each line names: its own, another line's, or the one already taken
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 8, maxLength: 8 }),
        async (picked, quantities, sales) => {
          const entries: TakeEntry[] = picked.map((i) => {
            const s = sales[i]!;
            const sale = s < 8 ? lines[s === 7 ? (i + 1) % lines.length : i]! : s === 8 ? takenKey : lines[i]!;
            return {
              distributorId,
              invoiceNumber: sale.invoiceNumber,
              invoiceLine: sale.invoiceLine,
              invoiceKey: sale.invoiceKey,
              lineKey: sale.lineKey,
              claimLineId: lines[i]!.id,
              authorizationLineId,
              quantity: quantities[i]!,
            };
          });
          if (entries.reduce((n, e) => n + e.quantity, 0) > remaining) refusedBatches++;
          const batch = await rolledBack(t.db.sequelize, async (tx) => after(await takeMany(entries, tx), tx));
          const oneByOne = await rolledBack(t.db.sequelize, async (tx) => {
            const out = new Map<number, TakeResult>();
            for (const e of entries) out.set(e.claimLineId, await take(e, tx));
            return after(out, tx);
          });
          expect(batch).toEqual(oneByOne);
        },
      ),
      { numRuns: 40, seed: 20261203 },
    );
    // the runs include batches the counters refuse (more than the line has left)
    expect(refusedBatches).toBeGreaterThan(0);
  });

  const entryOf = (i: number, quantity = 1): TakeEntry => ({
    distributorId,
    invoiceNumber: lines[i]!.invoiceNumber,
    invoiceLine: lines[i]!.invoiceLine,
    invoiceKey: lines[i]!.invoiceKey,
    lineKey: lines[i]!.lineKey,
    claimLineId: lines[i]!.id,
    authorizationLineId,
    quantity,
  });

  it('refuses lines that already hold a consumption (its precondition) and takes nothing, rather than count them twice', async () => {
    await rolledBack(t.db.sequelize, async (tx) => {
      const entries = [entryOf(0), entryOf(1)];
      const first = await takeMany(entries, tx);
      expect([...first.values()]).toEqual(['consumed', 'consumed']);
      const before = await after(first, tx);
      await expect(takeMany([entryOf(1), entryOf(2)], tx)).rejects.toThrow(`claim lines ${lines[1]!.id} already hold a consumption`);
      expect(await after(first, tx)).toEqual(before);
    });
  });

  it('keeps one consumption per claim line in the database, whatever the path', async () => {
    await rolledBack(t.db.sequelize, async (tx) => {
      expect(await take(entryOf(3), tx)).toBe('consumed');
      // the same claim line taking another sale: the unique claim line id refuses the second row
      const other = { ...entryOf(4), claimLineId: lines[3]!.id };
      await expect(
        t.db.sequelize.query(
          `INSERT INTO pos_consumptions (distributor_id, invoice_number, invoice_line, invoice_key, line_key, claim_line_id, authorization_line_id, quantity, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
          {
            replacements: [
              distributorId,
              other.invoiceNumber,
              other.invoiceLine,
              other.invoiceKey,
              other.lineKey,
              other.claimLineId,
              authorizationLineId,
              new Date(),
              new Date(),
            ],
            transaction: tx,
          },
        ),
      ).rejects.toMatchObject({ name: 'SequelizeUniqueConstraintError' });
    });
  });
});
