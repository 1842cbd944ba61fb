/**
 * check:ledger against a real database: the demo data is clean, and each invariant, broken by hand
 * in SQL (the way a bug or a manual fix would leave the tables), is reported with where it is.
 * Each case puts the rows back afterwards, so the next one starts clean.
 */
import { QueryTypes } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { checkLedger, type Invariant } from '../../server/settlement/invariants.repository.js';
import { runLedgerCheck } from '../../server/settlement/check-ledger.js';
import { describeDb, startTestApp, type TestApp } from '../support/harness.js';

type Row = Record<string, string | number | null>;

describeDb('check:ledger', () => {
  let t: TestApp;
  const q = (sql: string, replacements: unknown[] = []) => t.db.sequelize.query(sql, { replacements });
  const rows = (sql: string, replacements: unknown[] = []) =>
    t.db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<Row[]>;
  /** Runs the script's function on its own connection (as the operator would), capturing its output. */
  const run = async () => {
    const out: string[] = [];
    const result = await runLedgerCheck({ databaseUrl: t.url, write: (l) => out.push(l) });
    return { ...result, text: out.join('\n') };
  };
  /** A stored amount plus `delta`, as the text both databases keep exactly (SQLite money is 4-decimal TEXT). */
  const plus = (amount: unknown, delta: string) => moneyToString(moneyFromDb(amount as string).plus(delta));
  const only = (counts: Record<Invariant, number>) => Object.entries(counts).filter(([, n]) => n > 0);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds nothing wrong in the demo data, and says so', async () => {
    const { exitCode, report, text } = await run();
    expect(report.violations).toEqual([]);
    expect(exitCode).toBe(0);
    expect(report.rows.payableLines).toBeGreaterThan(0);
    expect(report.rows.consumptions).toBeGreaterThan(0);
    expect(report.rows.creditMemos).toBeGreaterThan(0);
    expect(text).toMatch(/no violations$/);
  });

  const payableLine = async () => {
    const [l] = await rows(`SELECT l.* FROM claim_lines l JOIN claims c ON c.id = l.claim_id
      WHERE l.verdict <> 'rejected' AND l.accepted_quantity > 0 AND c.status = 'submitted' ORDER BY l.id`);
    expect(l).toBeTruthy();
    expect(moneyFromDb(l!.approved_amount!).greaterThan(0)).toBe(true);
    return l!;
  };

  it('reports the same sale paid twice when it is spelled differently (lower case, a zero-width space, line 01)', async () => {
    // The ledger's unique key compares the canonical key, so this can only be data from before it
    // (a collision the key migration quarantined) or a bug: the check reads the raw spellings.
    const l = await payableLine();
    const [other] = await rows("SELECT id FROM claims WHERE status = 'submitted' AND id <> ? ORDER BY id LIMIT 1", [l.claim_id]);
    const target = other?.id ?? l.claim_id;
    const spelled = `\u200b${String(l.invoice_number).toLowerCase()} `;
    // A copy of the paid line, as a second claim would hold it: its own ledger entry (the raw key differs, so the unique key lets it in).
    await q(
      `INSERT INTO claim_lines (claim_id, distributor_id, line_number, authorization_number, authorization_line_id, authorization_version,
         product_id, vendor_part_number, distributor_part_number, end_customer_id, end_customer_name, invoice_number, invoice_line,
         invoice_key, line_key, invoice_date, ship_date, quantity, book_cost, authorized_cost, resale_price, claimed_amount, computed_amount, accepted_quantity,
         approved_amount, verdict, reason_codes, rule, verdict_inputs, extra, created_at, updated_at)
       SELECT ?, distributor_id, 9001, authorization_number, authorization_line_id, authorization_version, product_id, vendor_part_number,
         distributor_part_number, end_customer_id, end_customer_name, ?, ?, invoice_key, line_key, invoice_date, ship_date, quantity, book_cost, authorized_cost,
         resale_price, claimed_amount, computed_amount, accepted_quantity, approved_amount, verdict, reason_codes, rule, verdict_inputs,
         extra, created_at, updated_at FROM claim_lines WHERE id = ?`,
      [target, spelled, `0${l.invoice_line}`, l.id],
    );
    const [copy] = await rows('SELECT id FROM claim_lines WHERE claim_id = ? AND line_number = 9001', [target]);
    try {
      const { exitCode, report, text } = await run();
      expect(exitCode).toBe(1);
      const twice = report.violations.filter((v) => v.invariant === 'pos-paid-once');
      expect(twice).toHaveLength(1);
      expect(twice[0]!.where).toMatchObject({ table: 'claim_lines', id: copy!.id, firstLineId: l.id, firstClaimId: l.claim_id });
      expect(text).toContain(`[pos-paid-once] claim_lines#${copy!.id}`);
      // The copy holds no ledger entry and is in no total: said too.
      expect(report.counts['consumption-ledger']).toBe(1);
      expect(report.counts['claim-totals']).toBeGreaterThan(0);
      // Paged two rows at a time and with two keys per pass (several passes), the same violations.
      const small = await checkLedger(t.db.sequelize, { pageSize: 2, keysPerPass: 2 });
      expect(small.keyPasses).toBeGreaterThan(1);
      expect(small.violations.map((v) => [v.invariant, v.where.id]).sort()).toEqual(
        report.violations.map((v) => [v.invariant, v.where.id]).sort(),
      );
    } finally {
      await q('DELETE FROM claim_lines WHERE id = ?', [copy!.id]);
    }
    expect((await run()).exitCode).toBe(0);
  });

  it("reports an authorization line whose counter is not its ledger's sum", async () => {
    const [a] = await rows('SELECT id, consumed_quantity FROM authorization_lines WHERE consumed_quantity > 0 ORDER BY id LIMIT 1');
    await q('UPDATE authorization_lines SET consumed_quantity = consumed_quantity - 1 WHERE id = ?', [a!.id]);
    try {
      const { exitCode, report } = await run();
      expect(exitCode).toBe(1);
      expect(only(report.counts)).toEqual([['authorization-consumption', 1]]);
      expect(report.violations[0]!.where).toMatchObject({ table: 'authorization_lines', id: a!.id });
      expect(report.violations[0]!.message).toContain(`consumed quantity ${Number(a!.consumed_quantity) - 1} differs`);
    } finally {
      await q('UPDATE authorization_lines SET consumed_quantity = ? WHERE id = ?', [a!.consumed_quantity, a!.id]);
    }
  });

  it('reports a line rejected as already claimed, then adjusted up: paid twice, without a ledger entry, above its credit', async () => {
    const [l] = await rows(`SELECT l.id, l.claim_id, l.verdict, l.approved_amount FROM claim_lines l JOIN claims c ON c.id = l.claim_id
      WHERE l.verdict = 'rejected' AND l.reason_codes LIKE '%ALREADY_CLAIMED%' AND c.status = 'submitted' ORDER BY l.id LIMIT 1`);
    expect(l).toBeTruthy();
    const [c] = await rows('SELECT approved_total FROM claims WHERE id = ?', [l!.claim_id]);
    // What the adjust route did to a rejected line before the settlement service: verdict adjusted, an amount, and the claim total with it.
    await q("UPDATE claim_lines SET verdict = 'adjusted', approved_amount = '12.5000' WHERE id = ?", [l!.id]);
    await q('UPDATE claims SET approved_total = ? WHERE id = ?', [plus(c!.approved_total, '12.5'), l!.claim_id]);
    try {
      const { report } = await run();
      expect(only(report.counts)).toEqual([
        ['pos-paid-once', 1],
        ['consumption-ledger', 1],
        ['within-authorized', 1],
        // and the books: the claim's accrual no longer equals its approved total (no journal entry for the raise)
        ['journal-accrual', 1],
        // and the report figures kept as claims move: the claim's part, its report row, its distributor's liability and aging
        ['report-figures', 4],
      ]);
      const byInvariant = Object.fromEntries(report.violations.map((v) => [v.invariant, v]));
      expect(byInvariant['pos-paid-once']!.where).toMatchObject({ table: 'claim_lines', id: l!.id, claimId: l!.claim_id });
      expect(byInvariant['consumption-ledger']!.where).toMatchObject({ table: 'claim_lines', id: l!.id, claimId: l!.claim_id });
      expect(byInvariant['consumption-ledger']!.message).toMatch(/holds 0 ledger entries/);
      expect(byInvariant['within-authorized']!.message).toMatch(/approved 12\.5000 is above the computed credit/);
    } finally {
      await q('UPDATE claim_lines SET verdict = ?, approved_amount = ? WHERE id = ?', [l!.verdict, l!.approved_amount, l!.id]);
      await q('UPDATE claims SET approved_total = ? WHERE id = ?', [c!.approved_total, l!.claim_id]);
    }
  });

  it('reports a ledger entry held by a line that pays nothing', async () => {
    const l = await payableLine();
    await q("UPDATE claim_lines SET verdict = 'rejected' WHERE id = ?", [l.id]);
    try {
      const { report } = await run();
      expect(only(report.counts)).toEqual([['consumption-ledger', 1]]);
      expect(report.violations[0]!.where).toMatchObject({ table: 'pos_consumptions', claimLineId: l.id });
    } finally {
      await q('UPDATE claim_lines SET verdict = ? WHERE id = ?', [l.verdict, l.id]);
    }
  });

  it('reports report figures kept apart from their claims: a claims report row, a liability move', async () => {
    const [f] = await rows('SELECT id, claimed_units FROM claim_figures_by_day ORDER BY id LIMIT 1');
    const [m] = await rows('SELECT id, open_units FROM claim_liability_moves ORDER BY id LIMIT 1');
    await q('UPDATE claim_figures_by_day SET claimed_units = claimed_units + 1 WHERE id = ?', [f!.id]);
    await q('UPDATE claim_liability_moves SET open_units = open_units - 100 WHERE id = ?', [m!.id]);
    try {
      const { report } = await run();
      expect(only(report.counts)).toEqual([['report-figures', 2]]);
      expect(report.violations.map((v) => v.where.table).sort()).toEqual(['claim_figures_by_day', 'claim_liability_moves']);
      expect(report.violations.find((v) => v.where.table === 'claim_figures_by_day')!.where.id).toBe(Number(f!.id));
    } finally {
      await q('UPDATE claim_figures_by_day SET claimed_units = claimed_units - 1 WHERE id = ?', [f!.id]);
      await q('UPDATE claim_liability_moves SET open_units = open_units + 100 WHERE id = ?', [m!.id]);
    }
  });

  it("reports a claim total a cent away from its lines' sum", async () => {
    const [c] = await rows("SELECT id, claimed_total FROM claims WHERE status = 'submitted' ORDER BY id LIMIT 1");
    await q('UPDATE claims SET claimed_total = ? WHERE id = ?', [plus(c!.claimed_total, '0.01'), c!.id]);
    try {
      const { report } = await run();
      // The kept report figures missed the write too: the claim's part and its report row.
      expect(only(report.counts)).toEqual([
        ['claim-totals', 1],
        ['report-figures', 2],
      ]);
      expect(report.violations[0]!.where).toMatchObject({ table: 'claims', id: c!.id });
      expect(report.violations[0]!.message).toMatch(/^claimed total \d+\.\d{4} differs from the sum of its \d+ lines/);
    } finally {
      await q('UPDATE claims SET claimed_total = ? WHERE id = ?', [c!.claimed_total, c!.id]);
    }
  });

  it("reports a credit memo that is not whole cents, or not its claim's approved total", async () => {
    const [m] = await rows('SELECT id, claim_id, amount FROM credit_memos ORDER BY id LIMIT 1');
    await q('UPDATE credit_memos SET amount = ? WHERE id = ?', [plus(m!.amount, '0.005'), m!.id]);
    try {
      const { report } = await run();
      expect(only(report.counts)).toEqual([['credit-memo', 2]]);
      expect(report.violations.map((v) => v.where)).toEqual([
        { table: 'credit_memos', id: m!.id, claimId: m!.claim_id },
        { table: 'credit_memos', id: m!.id, claimId: m!.claim_id },
      ]);
      expect(report.violations.map((v) => v.message).join('\n')).toMatch(/not a whole number of USD minor units \(2 decimals\)/);
    } finally {
      await q('UPDATE credit_memos SET amount = ? WHERE id = ?', [m!.amount, m!.id]);
    }
  });

  it('reports a line computed above (book cost - authorized cost) x accepted quantity', async () => {
    const l = await payableLine();
    // A book cost of 0 leaves nothing to recover: whatever was computed is above it.
    await q("UPDATE claim_lines SET book_cost = '0.0000' WHERE id = ?", [l.id]);
    try {
      const { report } = await run();
      expect(only(report.counts)).toEqual([['within-authorized', 1]]);
      expect(report.violations[0]!.where).toMatchObject({ table: 'claim_lines', id: l.id });
      expect(report.violations[0]!.message).toMatch(/^computed \d+\.\d{4} is above \(book/);
    } finally {
      await q('UPDATE claim_lines SET book_cost = ? WHERE id = ?', [l.book_cost, l.id]);
    }
    expect((await run()).exitCode).toBe(0);
  });
});
