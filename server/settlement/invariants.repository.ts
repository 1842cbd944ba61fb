/**
 * The ledger's promises, checked against the raw tables: nothing here calls the claims code it
 * checks. Each invariant reads the rows with plain SQL, keyset-paged by id (a million claim lines
 * are read in pages, never at once), and computes in TypeScript what it needs to be exact: the
 * canonical POS key (core's `posKey`, applied to the columns as the distributor wrote them, not to
 * any stored key) and decimal sums (`Money`, from the amounts read as text).
 *
 *  a. pos-paid-once: a canonical POS key (distributor + posKey(invoice number, invoice line)) has at
 *     most one payable claim line. Payable: verdict not rejected, approved amount > 0, in a claim
 *     that is not rejected.
 *  b. authorization-consumption: an authorization line's consumed quantity equals the sum of its
 *     ledger entries (pos_consumptions), is not negative and never exceeds its approved quantity.
 *  c. consumption-ledger: every payable line holds exactly one ledger entry, for its own key,
 *     authorization line and accepted quantity; every ledger entry belongs to a line that is
 *     payable or accepted (accepted quantity > 0, not rejected, in a claim not rejected).
 *  d. claim-totals: a claim's claimed, computed and approved totals are the exact sums of its lines.
 *  e. credit-memo: a credit memo is a whole number of minor units of its currency (ISO 4217), in its
 *     claim's currency, for its claim's approved total; a paid claim has one.
 *  f. within-authorized: a payable line's approved amount ≤ its computed amount ≤
 *     (book cost − the authorization line's authorized cost) × accepted quantity, to the cent.
 *  g. rebate-stacking: a rebate consumption is for its POS line's canonical key (posKey of the
 *     line as written) and a sale; the owners of one sale (the rebate programs that counted it and
 *     the claim line that pays it) may all share it under core's one stacking rule (mayShare): a
 *     sale an exclusive rebate counted is counted by no one else, a claim and a rebate share a sale
 *     only when the rebate stacks with ship & debit. The owners are held per sale a rebate counted.
 *  h. rebate-period: a closed rebate period's amount is whole minor units of its currency, it
 *     counts as many lines as it holds consumptions (a sell-in period, which counts shipments that
 *     nobody else counts, holds none), a paid one has its credit memo, and its
 *     authorizer is neither who closed it nor who adjusted it.
 *  i. journal-balanced: a journal entry's lines' debits equal their credits and its amount, which
 *     is positive and whole minor units of its currency.
 *  j. journal-accrual: what the journal accrued for a claim or a rebate period (accruals less
 *     reversals) equals its approved total (a claim) or amount (a period); a paid one has its
 *     payment entry, for that amount, with its credit memo's number; an unpaid one has none.
 *  k. journal-frozen: nothing is posted into a closed month after it was closed, and the figures
 *     stored when it was closed equal what its entries add up to (core's monthFigures).
 *  l. report-figures: the report figures kept as claims move (models/claim-figures-sql.ts) are the
 *     claims': each claim's kept part is what core's claim-figures rules make of the claim now, the
 *     claims report's rows are the sums of their claims, the liability's moves add up, per
 *     distributor and currency, to the claims' liability now, and the aging's moves, per submission
 *     day too, to the claims not yet paid.
 */
import { decimalTextSql, sumUnitsSql } from '../../models/money-sql.js';
import { BUCKET_COLUMN, claimReportDaySql } from '../../models/claim-figures-sql.js';
import { isUnpaidBucket, LIABILITY_BUCKETS, liabilityPartOf, reportPartOf } from '../../core/analytics/claim-figures.js';
import type { ClaimStatus } from '../../core/domain.js';
import { QueryTypes, Transaction, type Sequelize } from 'sequelize';
import { joinPosKey, posKey } from '../../core/claims/pos-key.js';
import { claimOwner, mayShare, programOwner, type Owner, type StackingRule } from '../../core/rebates/stacking.js';
import { basisOf, type RebateTerms } from '../../core/rebates/terms.js';
import { minorUnitExponent } from '../../core/currency.js';
import { monthFigures, type JournalKind } from '../../core/finance/journal.js';
import { Money } from '../../core/money.js';

export const INVARIANTS = {
  'pos-paid-once': 'a POS line (distributor, canonical invoice number and line) is paid at most once',
  'authorization-consumption': "an authorization line's consumed quantity equals its ledger and stays within the approved quantity",
  'consumption-ledger': 'every payable line holds exactly one ledger entry, and every ledger entry belongs to a live line',
  'claim-totals': "a claim's totals are the exact sums of its lines",
  'credit-memo': "a credit memo is whole minor units of its currency and equals its claim's approved total",
  'within-authorized': 'a payable line is paid no more than computed, and computed no more than authorized',
  'rebate-stacking': 'a sale counted by rebates is counted (and paid by a claim) only where every stacking rule allows it',
  'rebate-period':
    'a rebate period is whole minor units, holds its counted lines, is paid with a credit memo, authorized by a second person',
  'journal-balanced': "a journal entry's debits equal its credits and its amount, whole minor units",
  'journal-accrual': "the journal accrues a claim's approved total (a rebate period's amount), and a paid one has its payment entry",
  'journal-frozen': 'nothing is posted into a closed month after its close, and its stored figures equal its entries',
  'report-figures': "the report figures kept as claims move equal the claims' own figures",
} as const;
export type Invariant = keyof typeof INVARIANTS;

export interface LedgerViolation {
  invariant: Invariant;
  /** what is wrong, in words, with the values that show it */
  message: string;
  /** where: the table and the ids of the rows involved */
  where: { table: string; id: number } & Record<string, string | number | null>;
}

export interface CheckOptions {
  /** rows read per page (keyset by id) */
  pageSize?: number;
  /** the most distinct POS keys held in memory at once: more payable lines are checked in several passes */
  keysPerPass?: number;
  /** the most violations kept in the report (all are counted, and all go to onViolation) */
  maxViolations?: number;
  onViolation?: (v: LedgerViolation) => void;
  /**
   * Read everything in one transaction (default true): one consistent snapshot on MariaDB
   * (REPEATABLE READ) and SQLite (WAL), so a check on a live database does not mistake a claim
   * half-seen between two pages for a violation.
   */
  snapshot?: boolean;
}

export interface LedgerReport {
  violations: LedgerViolation[];
  /** violations found, per invariant (may exceed violations.length) */
  counts: Record<Invariant, number>;
  total: number;
  /** rows read, per table */
  rows: { claimLines: number; payableLines: number; consumptions: number; authorizationLines: number; claims: number; creditMemos: number };
  keyPasses: number;
  /** milliseconds per phase of the check */
  phases: Record<string, number>;
}

type Row = Record<string, unknown>;
const int = (v: unknown) => Number(v);
/** An amount read as text (see `moneyText`), exactly. */
const money = (v: unknown) => new Money(v === null || v === undefined ? '0' : String(v));

export async function checkLedger(sequelize: Sequelize, options: CheckOptions = {}): Promise<LedgerReport> {
  if (options.snapshot === false) return check(sequelize, null, options);
  return sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.REPEATABLE_READ }, (t) => check(sequelize, t, options));
}

async function check(sequelize: Sequelize, transaction: Transaction | null, options: CheckOptions): Promise<LedgerReport> {
  const pageSize = options.pageSize ?? 50_000;
  const keysPerPass = options.keysPerPass ?? 500_000;
  const maxViolations = options.maxViolations ?? 10_000;
  const dialect = sequelize.getDialect();
  const text = (column: string) => decimalTextSql(dialect, column);
  const select = (sql: string, replacements: unknown[]) =>
    sequelize.query(sql, { replacements, type: QueryTypes.SELECT, transaction }) as Promise<Row[]>;

  const report: LedgerReport = {
    violations: [],
    counts: Object.fromEntries(Object.keys(INVARIANTS).map((k) => [k, 0])) as Record<Invariant, number>,
    total: 0,
    rows: { claimLines: 0, payableLines: 0, consumptions: 0, authorizationLines: 0, claims: 0, creditMemos: 0 },
    keyPasses: 0,
    phases: {},
  };
  const violation = (invariant: Invariant, message: string, where: LedgerViolation['where']) => {
    const v: LedgerViolation = { invariant, message, where };
    report.counts[invariant]++;
    report.total++;
    if (report.violations.length < maxViolations) report.violations.push(v);
    options.onViolation?.(v);
  };

  /** Pages through a query by id: `sql` has a `?` for the last id seen and ends with ORDER BY id LIMIT ?. */
  async function* pages(sql: string, idColumn = 'id'): AsyncGenerator<Row[]> {
    let after = 0;
    for (;;) {
      const rows = await select(sql, [after, pageSize]);
      if (!rows.length) return;
      yield rows;
      after = int(rows[rows.length - 1]![idColumn]);
      if (rows.length < pageSize) return;
    }
  }

  let mark = Date.now();
  /** Time spent since the last mark, as the named phase's (for the summary). */
  const phase = (name: string) => {
    const now = Date.now();
    report.phases[name] = now - mark;
    mark = now;
  };

  const PAYABLE = "l.verdict <> 'rejected' AND l.approved_amount > 0 AND c.status <> 'rejected'";

  // c (ledger → lines): every ledger entry belongs to a live line, for that line's key,
  // authorization line and accepted quantity. Entries are counted per claim line id (a byte per
  // id, saturating) for the line pass below.
  const [{ max_line: maxLine }] = (await select('SELECT COALESCE(MAX(id), 0) AS max_line FROM claim_lines', [])) as [{ max_line: unknown }];
  const entriesOf = new Uint8Array(int(maxLine) + 1);
  for await (const rows of pages(
    `SELECT e.id, e.claim_line_id, e.distributor_id, e.invoice_number, e.invoice_line, e.authorization_line_id, e.quantity,
            l.id AS line_id, l.distributor_id AS line_distributor_id, l.invoice_number AS line_invoice_number,
            l.invoice_line AS line_invoice_line, l.authorization_line_id AS line_authorization_line_id, l.verdict,
            l.accepted_quantity, c.status AS claim_status
       FROM pos_consumptions e LEFT JOIN claim_lines l ON l.id = e.claim_line_id LEFT JOIN claims c ON c.id = l.claim_id
      WHERE e.id > ? ORDER BY e.id LIMIT ?`,
  )) {
    report.rows.consumptions += rows.length;
    for (const e of rows) {
      const lineId = int(e.claim_line_id);
      const where = { table: 'pos_consumptions', id: int(e.id), claimLineId: lineId };
      if (e.line_id === null || e.line_id === undefined) {
        violation('consumption-ledger', 'ledger entry for a claim line that does not exist', where);
        continue;
      }
      if (lineId < entriesOf.length && entriesOf[lineId]! < 255) entriesOf[lineId]!++;
      if (e.verdict === 'rejected' || e.claim_status === 'rejected' || int(e.accepted_quantity) <= 0)
        violation(
          'consumption-ledger',
          `ledger entry (${int(e.quantity)} units) held by a line that pays nothing (verdict ${e.verdict}, accepted quantity ${int(e.accepted_quantity)}, claim ${e.claim_status})`,
          where,
        );
      const sameKey =
        int(e.distributor_id) === int(e.line_distributor_id) &&
        posKey(String(e.invoice_number), String(e.invoice_line)) === posKey(String(e.line_invoice_number), String(e.line_invoice_line));
      if (!sameKey)
        violation(
          'consumption-ledger',
          `ledger entry for ${visible(String(e.invoice_number))} / ${visible(String(e.invoice_line))} held by line ${lineId}, which is ${visible(String(e.line_invoice_number))} / ${visible(String(e.line_invoice_line))}`,
          where,
        );
      if (int(e.authorization_line_id) !== int(e.line_authorization_line_id))
        violation(
          'consumption-ledger',
          `ledger entry consumes authorization line ${int(e.authorization_line_id)}, its line ${lineId} names ${e.line_authorization_line_id}`,
          where,
        );
      if (e.verdict !== 'rejected' && int(e.quantity) !== int(e.accepted_quantity))
        violation(
          'consumption-ledger',
          `ledger entry holds ${int(e.quantity)} units, its line ${lineId} accepts ${int(e.accepted_quantity)}`,
          where,
        );
    }
  }

  phase('ledger entries');
  // a: at most one payable line per canonical key. The first line of each key is held in a map
  // (key → line id), in as many passes as it takes to hold at most keysPerPass keys at once: a pass
  // keeps the keys of its hash bucket. The first pass rides along the claim line pass below.
  const [{ n: payableCount }] = (await select(
    `SELECT COUNT(*) AS n FROM claim_lines l JOIN claims c ON c.id = l.claim_id WHERE ${PAYABLE}`,
    [],
  )) as [{ n: unknown }];
  const passes = Math.max(1, Math.ceil(int(payableCount) / keysPerPass));
  report.keyPasses = passes;
  /** Checks a page of payable lines (id, claim_id, distributor_id, invoice_number, invoice_line) against the keys seen. */
  const samePosKey = async (rows: Row[], pass: number, first: Map<string, number>) => {
    const again: { l: Row; firstId: number }[] = [];
    for (const l of rows) {
      const key = `${int(l.distributor_id)}\u0002${posKey(String(l.invoice_number), String(l.invoice_line))}`;
      if (passes > 1 && bucket(key, passes) !== pass) continue;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, int(l.id));
      else again.push({ l, firstId: seen });
    }
    // The first line of each repeated key, read back for the message.
    const firsts = new Map<number, Row>();
    const ids = [...new Set(again.map((x) => x.firstId))];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const found = await select(
        `SELECT id, claim_id, invoice_number, invoice_line FROM claim_lines WHERE id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const f of found) firsts.set(int(f.id), f);
    }
    for (const { l, firstId } of again) {
      const f = firsts.get(firstId) ?? { claim_id: null, invoice_number: '?', invoice_line: '?' };
      violation(
        'pos-paid-once',
        `POS line ${visible(String(l.invoice_number))} / ${visible(String(l.invoice_line))} of distributor ${int(l.distributor_id)} is paid again: ` +
          `line ${int(l.id)} (claim ${int(l.claim_id)}) after line ${firstId} (claim ${f.claim_id}, written ${visible(String(f.invoice_number))} / ${visible(String(f.invoice_line))})`,
        {
          table: 'claim_lines',
          id: int(l.id),
          claimId: int(l.claim_id),
          firstLineId: firstId,
          firstClaimId: f.claim_id === null ? null : int(f.claim_id),
          distributorId: int(l.distributor_id),
        },
      );
    }
  };
  const firstOfKey = new Map<string, number>();

  // c (lines → ledger) and f: every claim line, with its claim and authorization line.
  for await (const rows of pages(
    `SELECT l.id, l.claim_id, l.distributor_id, l.invoice_number, l.invoice_line, l.verdict, l.accepted_quantity,
            l.authorization_line_id, c.status AS claim_status,
            ${text('l.approved_amount')} AS approved, ${text('l.computed_amount')} AS computed, ${text('l.book_cost')} AS book,
            ${text('a.authorized_cost')} AS authorized_cost
       FROM claim_lines l JOIN claims c ON c.id = l.claim_id LEFT JOIN authorization_lines a ON a.id = l.authorization_line_id
      WHERE l.id > ? ORDER BY l.id LIMIT ?`,
  )) {
    report.rows.claimLines += rows.length;
    const payableRows: Row[] = [];
    for (const l of rows) {
      const approved = money(l.approved);
      const payable = l.verdict !== 'rejected' && approved.greaterThan(0) && l.claim_status !== 'rejected';
      if (!payable) continue;
      payableRows.push(l);
      report.rows.payableLines++;
      const id = int(l.id);
      const where = {
        table: 'claim_lines',
        id,
        claimId: int(l.claim_id),
        invoiceNumber: String(l.invoice_number),
        invoiceLine: String(l.invoice_line),
      };
      const held = id < entriesOf.length ? entriesOf[id]! : 0;
      if (held !== 1)
        violation(
          'consumption-ledger',
          `payable line (verdict ${l.verdict}, approved ${approved.toFixed(4)}, accepted quantity ${int(l.accepted_quantity)}) holds ${held === 255 ? '255 or more' : held} ledger entries, not 1`,
          where,
        );
      // f: approved ≤ computed ≤ (book − authorized) × accepted, to the cent.
      const computed = money(l.computed);
      if (approved.greaterThan(computed))
        violation('within-authorized', `approved ${approved.toFixed(4)} is above the computed credit ${computed.toFixed(4)}`, where);
      if (l.authorized_cost === null || l.authorized_cost === undefined) {
        violation(
          'within-authorized',
          `payable line names no authorization line (authorization_line_id ${l.authorization_line_id})`,
          where,
        );
      } else {
        const unit = money(l.book).minus(money(l.authorized_cost));
        const ceiling = Money.max(unit, 0).times(int(l.accepted_quantity)).toDecimalPlaces(2, Money.ROUND_HALF_UP);
        if (computed.greaterThan(ceiling))
          violation(
            'within-authorized',
            `computed ${computed.toFixed(4)} is above (book ${money(l.book).toFixed(4)} − authorized ${money(l.authorized_cost).toFixed(4)}) × accepted ${int(l.accepted_quantity)} = ${ceiling.toFixed(2)}`,
            where,
          );
      }
    }
    await samePosKey(payableRows, 0, firstOfKey);
  }
  firstOfKey.clear();

  phase('claim lines');
  // a, further passes: the keys of the other hash buckets, when there are more payable lines than keysPerPass.
  for (let pass = 1; pass < passes; pass++) {
    const first = new Map<string, number>();
    for await (const rows of pages(
      `SELECT l.id, l.claim_id, l.distributor_id, l.invoice_number, l.invoice_line
         FROM claim_lines l JOIN claims c ON c.id = l.claim_id
        WHERE l.id > ? AND ${PAYABLE} ORDER BY l.id LIMIT ?`,
    ))
      await samePosKey(rows, pass, first);
  }

  phase('POS keys');
  // b: each authorization line's counter equals its ledger and stays within the approved quantity.
  for await (const rows of pages(
    `SELECT id, authorization_id, approved_quantity, consumed_quantity FROM authorization_lines WHERE id > ? ORDER BY id LIMIT ?`,
  )) {
    report.rows.authorizationLines += rows.length;
    const sums = new Map<number, number>();
    for (const s of await select(
      `SELECT authorization_line_id AS id, SUM(quantity) AS q FROM pos_consumptions
        WHERE authorization_line_id BETWEEN ? AND ? GROUP BY authorization_line_id`,
      [int(rows[0]!.id), int(rows[rows.length - 1]!.id)],
    ))
      sums.set(int(s.id), int(s.q));
    for (const a of rows) {
      const consumed = int(a.consumed_quantity);
      const approvedQty = int(a.approved_quantity);
      const ledger = sums.get(int(a.id)) ?? 0;
      const where = { table: 'authorization_lines', id: int(a.id), authorizationId: int(a.authorization_id) };
      if (consumed !== ledger)
        violation('authorization-consumption', `consumed quantity ${consumed} differs from its ledger entries' ${ledger}`, where);
      if (consumed < 0 || consumed > approvedQty || ledger > approvedQty)
        violation('authorization-consumption', `consumed ${consumed} (ledger ${ledger}) is outside 0..approved ${approvedQty}`, where);
    }
  }
  // A ledger entry for an authorization line that does not exist is counted by no line above.
  for await (const rows of pages(
    `SELECT e.id, e.authorization_line_id FROM pos_consumptions e LEFT JOIN authorization_lines a ON a.id = e.authorization_line_id
      WHERE e.id > ? AND a.id IS NULL ORDER BY e.id LIMIT ?`,
  ))
    for (const e of rows)
      violation('authorization-consumption', `ledger entry for authorization line ${int(e.authorization_line_id)}, which does not exist`, {
        table: 'pos_consumptions',
        id: int(e.id),
      });

  phase('authorization lines');
  // d and e: each claim's totals against its lines (read in (claim, line number) order, a page at a
  // time), its credit memo against its approved total.
  const claimPage = Math.max(1, Math.min(pageSize, 1000));
  let afterClaim = 0;
  for (;;) {
    const claims = await select(
      `SELECT c.id, c.status, c.currency, ${text('c.claimed_total')} AS claimed, ${text('c.computed_total')} AS computed,
              ${text('c.approved_total')} AS approved, m.id AS memo_id
         FROM claims c LEFT JOIN credit_memos m ON m.claim_id = c.id WHERE c.id > ? ORDER BY c.id LIMIT ?`,
      [afterClaim, claimPage],
    );
    if (!claims.length) break;
    report.rows.claims += claims.length;
    const lo = int(claims[0]!.id);
    const hi = int(claims[claims.length - 1]!.id);
    const sums = new Map<number, { claimed: Money; computed: Money; approved: Money; lines: number }>();
    let cursor = { claimId: lo - 1, lineNumber: Number.MAX_SAFE_INTEGER };
    for (;;) {
      const lines = await select(
        `SELECT claim_id, line_number, ${text('claimed_amount')} AS claimed, ${text('computed_amount')} AS computed, ${text('approved_amount')} AS approved
           FROM claim_lines WHERE claim_id <= ? AND (claim_id > ? OR (claim_id = ? AND line_number > ?))
          ORDER BY claim_id, line_number LIMIT ?`,
        [hi, cursor.claimId, cursor.claimId, cursor.lineNumber, pageSize],
      );
      for (const l of lines) {
        const id = int(l.claim_id);
        const s = sums.get(id) ?? { claimed: new Money(0), computed: new Money(0), approved: new Money(0), lines: 0 };
        s.claimed = s.claimed.plus(money(l.claimed));
        s.computed = s.computed.plus(money(l.computed));
        s.approved = s.approved.plus(money(l.approved));
        s.lines++;
        sums.set(id, s);
      }
      if (lines.length < pageSize) break;
      const last = lines[lines.length - 1]!;
      cursor = { claimId: int(last.claim_id), lineNumber: int(last.line_number) };
    }
    for (const c of claims) {
      const id = int(c.id);
      const s = sums.get(id) ?? { claimed: new Money(0), computed: new Money(0), approved: new Money(0), lines: 0 };
      const where = { table: 'claims', id, status: String(c.status) };
      for (const [name, total, sum] of [
        ['claimed', money(c.claimed), s.claimed],
        ['computed', money(c.computed), s.computed],
        ['approved', money(c.approved), s.approved],
      ] as const)
        if (!total.equals(sum))
          violation(
            'claim-totals',
            `${name} total ${total.toFixed(4)} differs from the sum of its ${s.lines} lines, ${sum.toFixed(4)}`,
            where,
          );
      if (c.status === 'paid' && (c.memo_id === null || c.memo_id === undefined))
        violation('credit-memo', 'paid claim without a credit memo', where);
    }
    afterClaim = hi;
    if (claims.length < claimPage) break;
  }

  phase('claim totals');
  for await (const rows of pages(
    `SELECT m.id, m.claim_id, m.currency, ${text('m.amount')} AS amount, c.currency AS claim_currency, c.status AS claim_status,
            ${text('c.approved_total')} AS approved
       FROM credit_memos m LEFT JOIN claims c ON c.id = m.claim_id WHERE m.id > ? ORDER BY m.id LIMIT ?`,
  )) {
    // What each memo took back from returns' debits (read as text, summed exactly here).
    const ids = rows.map((m) => int(m.id));
    const taken = new Map<number, Money>();
    if (ids.length)
      for (const d of (await sequelize.query(
        `SELECT credit_memo_id AS memo, ${text('amount')} AS amount FROM credit_memo_debits WHERE credit_memo_id IN (${ids.map(() => '?').join(',')})`,
        { replacements: ids, type: QueryTypes.SELECT, transaction: transaction ?? undefined },
      )) as Row[])
        taken.set(int(d.memo), (taken.get(int(d.memo)) ?? new Money(0)).plus(money(d.amount)));
    report.rows.creditMemos += rows.length;
    for (const m of rows) {
      const where = { table: 'credit_memos', id: int(m.id), claimId: int(m.claim_id) };
      const amount = money(m.amount);
      const currency = String(m.currency);
      const notWhole = minorUnitsProblem(amount, currency);
      if (notWhole) violation('credit-memo', notWhole, where);
      if (m.claim_status === null || m.claim_status === undefined) {
        violation('credit-memo', 'credit memo for a claim that does not exist', where);
        continue;
      }
      if (currency !== m.claim_currency) violation('credit-memo', `memo in ${currency}, its claim in ${m.claim_currency}`, where);
      // A memo credits the approved total less the returns' debits it took back, never below zero.
      const debits = taken.get(int(m.id)) ?? new Money(0);
      if (amount.isNegative()) violation('credit-memo', `amount ${amount.toFixed(4)} is below zero`, where);
      if (!amount.plus(debits).equals(money(m.approved)))
        violation(
          'credit-memo',
          `amount ${amount.toFixed(4)}${debits.isZero() ? '' : ` plus debits ${debits.toFixed(4)}`} differs from the claim's approved total ${money(m.approved).toFixed(4)}`,
          where,
        );
      if (m.claim_status !== 'paid') violation('credit-memo', `credit memo for a claim that is ${m.claim_status}, not paid`, where);
    }
  }
  phase('credit memos');
  await checkRebates(pages, text, violation);
  phase('rebates');
  await checkJournal(pages, text, select, violation);
  phase('journal');
  await checkReportFigures(sequelize, pages, text, select, violation);
  phase('report figures');
  return report;
}

/** l: the report figures kept as claims move, against the claims. */
async function checkReportFigures(
  sequelize: Sequelize,
  pages: (sql: string) => AsyncGenerator<Row[]>,
  text: (column: string) => string,
  select: (sql: string, replacements: unknown[]) => Promise<Row[]>,
  violation: (invariant: Invariant, message: string, where: LedgerViolation['where']) => void,
) {
  const units = (m: Money) => BigInt(m.times(10_000).toFixed(0));
  const whole = (v: unknown) => BigInt(String(v ?? '0').replace(/\.0*$/, ''));
  const dayText = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);
  const groups = new Map<string, bigint[]>();
  const liability = new Map<string, bigint[]>();
  const aging = new Map<string, bigint[]>();
  const add = (map: Map<string, bigint[]>, key: string, xs: bigint[]) => {
    const held = map.get(key) ?? xs.map(() => 0n);
    map.set(
      key,
      held.map((x, i) => x + xs[i]!),
    );
  };
  for await (const rows of pages(
    `SELECT c.id, c.status, ${text('c.claimed_total')} AS claimed, ${text('c.approved_total')} AS approved, ${claimReportDaySql(sequelize)} AS day,
            c.distributor_id AS distributor, COALESCE(c.program_type, 'none') AS program_type, UPPER(c.currency) AS currency,
            p.claim_id AS part, p.day AS part_day, p.distributor_id AS part_distributor, p.program_type AS part_program_type,
            p.currency AS part_currency, p.claims AS part_claims, ${text('p.claimed_units')} AS part_claimed,
            ${text('p.approved_units')} AS part_approved, ${text('p.paid_units')} AS part_paid, p.bucket AS part_bucket,
            ${text('p.bucket_units')} AS part_bucket_units
       FROM claims c LEFT JOIN claim_figure_parts p ON p.claim_id = c.id
      WHERE c.id > ? ORDER BY c.id LIMIT ?`,
  )) {
    for (const c of rows) {
      const facts = { status: c.status as ClaimStatus, claimedTotal: money(c.claimed), approvedTotal: money(c.approved) };
      const r = reportPartOf(facts);
      const l = liabilityPartOf(facts);
      const expected = [
        dayText(c.day),
        int(c.distributor),
        String(c.program_type),
        String(c.currency),
        r.claims,
        units(r.claimed),
        units(r.approved),
        units(r.paid),
        l?.bucket ?? null,
        l ? units(l.amount) : 0n,
      ];
      const kept =
        c.part === null || c.part === undefined
          ? null
          : [
              dayText(c.part_day),
              int(c.part_distributor),
              String(c.part_program_type),
              String(c.part_currency),
              int(c.part_claims),
              whole(c.part_claimed),
              whole(c.part_approved),
              whole(c.part_paid),
              (c.part_bucket as string | null) ?? null,
              whole(c.part_bucket_units),
            ];
      const counts = r.claims > 0 || l !== null;
      const where = { table: 'claims', id: int(c.id) };
      if (
        kept === null
          ? counts
          : JSON.stringify(kept, (_, v) => (typeof v === 'bigint' ? v.toString() : v)) !==
            JSON.stringify(expected, (_, v) => (typeof v === 'bigint' ? v.toString() : v))
      )
        violation(
          'report-figures',
          `the claim's kept part is ${kept ? kept.join(' / ') : 'missing'}, the claim makes ${expected.join(' / ')}`,
          where,
        );
      if (r.claims)
        add(groups, `${dayText(c.day)}|${int(c.distributor)}|${c.program_type}|${c.currency}`, [
          BigInt(r.claims),
          units(r.claimed),
          units(r.approved),
          units(r.paid),
        ]);
      if (l && isUnpaidBucket(l.bucket)) add(aging, `${dayText(c.day)}|${int(c.distributor)}|${c.currency}`, [1n, units(l.amount)]);
      if (l)
        add(liability, `${int(c.distributor)}|${c.currency}`, [
          1n,
          ...LIABILITY_BUCKETS.map((b) => (b === l.bucket ? units(l.amount) : 0n)),
        ]);
    }
  }
  const figures = await select(
    `SELECT id, day, distributor_id, program_type, currency, claims, ${text('claimed_units')} AS claimed, ${text('approved_units')} AS approved,
            ${text('paid_units')} AS paid FROM claim_figures_by_day`,
    [],
  );
  const seen = new Set<string>();
  for (const f of figures) {
    const key = `${dayText(f.day)}|${int(f.distributor_id)}|${f.program_type}|${f.currency}`;
    seen.add(key);
    const kept = [BigInt(int(f.claims)), whole(f.claimed), whole(f.approved), whole(f.paid)];
    const expected = groups.get(key) ?? [0n, 0n, 0n, 0n];
    if (kept.some((x, i) => x !== expected[i]))
      violation('report-figures', `claims report row ${key} keeps ${kept.join(' / ')}, its claims add up to ${expected.join(' / ')}`, {
        table: 'claim_figures_by_day',
        id: int(f.id),
      });
  }
  for (const [key, expected] of groups)
    if (!seen.has(key))
      violation('report-figures', `claims report row ${key} is missing, its claims add up to ${expected.join(' / ')}`, {
        table: 'claim_figures_by_day',
        id: 0,
      });
  const moves = await select(
    `SELECT distributor_id, currency, SUM(claims) AS claims, ${LIABILITY_BUCKETS.map((b) => `${sumUnitsSql(sequelize, BUCKET_COLUMN[b])} AS ${b}`).join(', ')}
       FROM claim_liability_moves GROUP BY distributor_id, currency`,
    [],
  );
  const movedKeys = new Set<string>();
  for (const m of moves) {
    const key = `${int(m.distributor_id)}|${m.currency}`;
    movedKeys.add(key);
    const kept = [whole(m.claims), ...LIABILITY_BUCKETS.map((b) => whole(m[b]))];
    const expected = liability.get(key) ?? [0n, 0n, 0n, 0n];
    if (kept.some((x, i) => x !== expected[i]))
      violation(
        'report-figures',
        `the liability's moves of ${key} add up to ${kept.join(' / ')}, its claims' liability is ${expected.join(' / ')}`,
        {
          table: 'claim_liability_moves',
          id: 0,
        },
      );
  }
  const aged = await select(
    `SELECT submitted_day, distributor_id, currency, SUM(claims) AS claims, ${sumUnitsSql(sequelize, 'units')} AS units
       FROM claim_aging_moves GROUP BY submitted_day, distributor_id, currency`,
    [],
  );
  const agedKeys = new Set<string>();
  for (const m of aged) {
    const key = `${dayText(m.submitted_day)}|${int(m.distributor_id)}|${m.currency}`;
    agedKeys.add(key);
    const kept = [whole(m.claims), whole(m.units)];
    const expected = aging.get(key) ?? [0n, 0n];
    if (kept.some((x, i) => x !== expected[i]))
      violation(
        'report-figures',
        `the aging's moves of ${key} add up to ${kept.join(' / ')}, its unpaid claims are ${expected.join(' / ')}`,
        {
          table: 'claim_aging_moves',
          id: 0,
        },
      );
  }
  for (const [key, expected] of aging)
    if (!agedKeys.has(key))
      violation('report-figures', `no aging moves for ${key}, its unpaid claims are ${expected.join(' / ')}`, {
        table: 'claim_aging_moves',
        id: 0,
      });
  for (const [key, expected] of liability)
    if (!movedKeys.has(key))
      violation('report-figures', `no liability moves for ${key}, its claims' liability is ${expected.join(' / ')}`, {
        table: 'claim_liability_moves',
        id: 0,
      });
}

/** g and h: the rebate consumptions against their POS lines and each other, and the closed periods. */
async function checkRebates(
  pages: (sql: string) => AsyncGenerator<Row[]>,
  text: (column: string) => string,
  violation: (invariant: Invariant, message: string, where: LedgerViolation['where']) => void,
) {
  const owners = new Map<string, { owner: Owner; id: number }[]>();
  const consumptionsOf = new Map<number, number>();
  for await (const rows of pages(
    `SELECT r.id, r.rebate_period_id, r.program_id, r.distributor_id, r.invoice_key, r.line_key, r.stacking,
            p.id AS pos_id, p.distributor_id AS pos_distributor_id, p.invoice_number, p.invoice_line, p.quantity AS pos_quantity,
            (SELECT MIN(c.claim_line_id) FROM pos_consumptions c
              WHERE c.distributor_id = r.distributor_id AND c.invoice_key = r.invoice_key AND c.line_key = r.line_key) AS claim_line_id
       FROM rebate_consumptions r LEFT JOIN pos_lines p ON p.id = r.pos_line_id WHERE r.id > ? ORDER BY r.id LIMIT ?`,
  )) {
    for (const r of rows) {
      const id = int(r.id);
      const where = { table: 'rebate_consumptions', id, programId: int(r.program_id), rebatePeriodId: int(r.rebate_period_id) };
      consumptionsOf.set(int(r.rebate_period_id), (consumptionsOf.get(int(r.rebate_period_id)) ?? 0) + 1);
      const stored = joinPosKey(String(r.invoice_key), String(r.line_key));
      if (r.pos_id === null || r.pos_id === undefined)
        violation('rebate-stacking', 'rebate consumption of a POS line that does not exist', where);
      else if (
        int(r.pos_distributor_id) !== int(r.distributor_id) ||
        posKey(String(r.invoice_number), String(r.invoice_line)) !== stored ||
        int(r.pos_quantity) <= 0
      )
        violation(
          'rebate-stacking',
          `rebate consumption for ${visible(String(r.invoice_key))} / ${visible(String(r.line_key))} of distributor ${int(r.distributor_id)}, its POS line is ${visible(String(r.invoice_number))} / ${visible(String(r.invoice_line))} of distributor ${int(r.pos_distributor_id)} (quantity ${int(r.pos_quantity)})`,
          where,
        );
      const key = `${int(r.distributor_id)}\u0002${stored}`;
      const list = owners.get(key) ?? [];
      if (!owners.has(key)) {
        owners.set(key, list);
        if (r.claim_line_id !== null && r.claim_line_id !== undefined) list.push({ owner: claimOwner(int(r.claim_line_id)), id });
      }
      list.push({ owner: programOwner(int(r.program_id), String(r.stacking) as StackingRule), id });
    }
  }
  for (const list of owners.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if (!mayShare(list[i]!.owner, list[j]!.owner))
          violation(
            'rebate-stacking',
            `a sale is counted by ${list[i]!.owner.owner} and ${list[j]!.owner.owner}, which its stacking rules do not let share it`,
            { table: 'rebate_consumptions', id: list[j]!.id, with: list[i]!.owner.owner },
          );
  owners.clear();

  for await (const rows of pages(
    `SELECT id, status, currency, ${text('amount')} AS amount, line_count, terms, credit_memo_number, closed_by_user_id, adjusted_by_user_id, authorized_by_user_id
       FROM rebate_periods WHERE id > ? ORDER BY id LIMIT ?`,
  )) {
    for (const p of rows) {
      const where = { table: 'rebate_periods', id: int(p.id), status: String(p.status) };
      const amount = money(p.amount);
      const currency = String(p.currency);
      const notWhole = minorUnitsProblem(amount, currency);
      if (notWhole) violation('rebate-period', notWhole, where);
      if (amount.isNegative()) violation('rebate-period', `amount ${amount.toFixed(4)} is below zero`, where);
      const held = consumptionsOf.get(int(p.id)) ?? 0;
      const sellIn = basisOf(JSON.parse(String(p.terms)) as RebateTerms) === 'sell_in';
      const holds = sellIn ? 0 : int(p.line_count);
      if (held !== holds)
        violation('rebate-period', `counts ${int(p.line_count)} ${sellIn ? 'shipment' : 'POS'} lines, holds ${held} consumptions`, where);
      if (p.status === 'paid' && !p.credit_memo_number) violation('rebate-period', 'paid rebate period without a credit memo', where);
      const authorizer = p.authorized_by_user_id === null || p.authorized_by_user_id === undefined ? null : int(p.authorized_by_user_id);
      if (p.status !== 'closed' && authorizer === null) violation('rebate-period', `${p.status} without an authorizer`, where);
      if (authorizer !== null && (authorizer === int(p.closed_by_user_id) || authorizer === Number(p.adjusted_by_user_id ?? -1)))
        violation('rebate-period', `authorized by user ${authorizer}, who closed or adjusted it`, where);
    }
  }
}

/** i, j, k: the finance journal against itself, the claims, the rebate periods and the closed months. */
async function checkJournal(
  pages: (sql: string) => AsyncGenerator<Row[]>,
  text: (column: string) => string,
  select: (sql: string, replacements: unknown[]) => Promise<Row[]>,
  violation: (invariant: Invariant, message: string, where: LedgerViolation['where']) => void,
) {
  const key = (type: unknown, id: unknown) => `${String(type)}:${int(id)}`;
  // An instant as a driver returns it: a Date (mysql2), or SQLite's 'YYYY-MM-DD HH:MM:SS.sss +00:00'.
  const instant = (v: unknown) =>
    v instanceof Date
      ? v.getTime()
      : Date.parse(
          String(v)
            .replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T')
            .replace(/ ?([+-]\d{2}:\d{2})$/, '$1'),
        );
  const accrued = new Map<string, Money>();
  const payments = new Map<string, { id: number; amount: Money; memo: string | null }[]>();
  const months = new Map<
    string,
    { kind: JournalKind; currency: string; amount: string; lines: { account: string; debit: string; credit: string }[] }[]
  >();
  const closes = new Map<string, { closedAt: number; figures: string | null }>();
  for (const p of await select(
    `SELECT month, status, figures, closed_at FROM finance_periods WHERE id > ? ORDER BY id LIMIT ?`,
    [0, 1_000_000],
  ))
    if (p.status === 'closed') closes.set(String(p.month), { closedAt: instant(p.closed_at), figures: (p.figures as string) ?? null });
  for await (const rows of pages(
    `SELECT id, kind, source_type, source_id, currency, ${text('amount')} AS amount, month, credit_memo_number, created_at
       FROM journal_entries WHERE id > ? ORDER BY id LIMIT ?`,
  )) {
    const ids = rows.map((r) => int(r.id));
    const lines = new Map<number, { account: string; debit: string; credit: string }[]>();
    for (const l of await select(
      `SELECT entry_id, account, ${text('debit')} AS debit, ${text('credit')} AS credit FROM journal_lines
        WHERE entry_id IN (${ids.map(() => '?').join(',')}) AND id > ? ORDER BY id LIMIT ?`,
      [...ids, 0, 10_000_000],
    )) {
      const list = lines.get(int(l.entry_id)) ?? [];
      list.push({ account: String(l.account), debit: money(l.debit).toFixed(4), credit: money(l.credit).toFixed(4) });
      lines.set(int(l.entry_id), list);
    }
    for (const e of rows) {
      const id = int(e.id);
      const where = { table: 'journal_entries', id, source: key(e.source_type, e.source_id) };
      const amount = money(e.amount);
      const own = lines.get(id) ?? [];
      const debit = own.reduce((a, l) => a.plus(l.debit), new Money(0));
      const credit = own.reduce((a, l) => a.plus(l.credit), new Money(0));
      if (!debit.equals(credit))
        violation('journal-balanced', `debits ${debit.toFixed(4)} differ from credits ${credit.toFixed(4)}`, where);
      if (!debit.equals(amount))
        violation('journal-balanced', `lines move ${debit.toFixed(4)}, the entry says ${amount.toFixed(4)}`, where);
      if (!amount.greaterThan(0)) violation('journal-balanced', `amount ${amount.toFixed(4)} is not positive`, where);
      const notWhole = minorUnitsProblem(amount, String(e.currency));
      if (notWhole) violation('journal-balanced', notWhole, where);
      const k = key(e.source_type, e.source_id);
      if (e.kind === 'payment')
        payments.set(k, [...(payments.get(k) ?? []), { id, amount, memo: (e.credit_memo_number as string) ?? null }]);
      else accrued.set(k, (accrued.get(k) ?? new Money(0))[e.kind === 'accrual' ? 'plus' : 'minus'](amount));
      const month = String(e.month);
      const close = closes.get(month);
      if (close && instant(e.created_at) > close.closedAt) violation('journal-frozen', `posted into ${month} after it was closed`, where);
      if (close)
        months.set(month, [
          ...(months.get(month) ?? []),
          { kind: e.kind as JournalKind, currency: String(e.currency), amount: amount.toFixed(4), lines: own },
        ]);
    }
  }
  for (const [month, close] of closes) {
    const now = JSON.stringify(monthFigures(month, months.get(month) ?? []));
    if (close.figures !== now)
      violation('journal-frozen', `the figures stored at its close differ from its entries: stored ${close.figures}, entries ${now}`, {
        table: 'finance_periods',
        id: 0,
        month,
      });
  }
  const sources = [
    `SELECT c.id, 'claim' AS type, c.status, ${text('c.approved_total')} AS amount, m.number AS memo
       FROM claims c LEFT JOIN credit_memos m ON m.claim_id = c.id WHERE c.id > ? ORDER BY c.id LIMIT ?`,
    `SELECT id, 'rebate_period' AS type, status, ${text('amount')} AS amount, credit_memo_number AS memo
       FROM rebate_periods WHERE id > ? ORDER BY id LIMIT ?`,
  ];
  for (const sql of sources)
    for await (const rows of pages(sql))
      for (const r of rows) {
        const k = key(r.type, r.id);
        const where = { table: r.type === 'claim' ? 'claims' : 'rebate_periods', id: int(r.id), status: String(r.status) };
        const target = money(r.amount);
        const got = accrued.get(k) ?? new Money(0);
        if (!got.equals(target))
          violation('journal-accrual', `accrued ${got.toFixed(4)} in the journal, approved ${target.toFixed(4)}`, where);
        const paid = payments.get(k) ?? [];
        if (r.status === 'paid' && target.greaterThan(0)) {
          if (paid.length !== 1) violation('journal-accrual', `paid, with ${paid.length} payment entries (one expected)`, where);
          else if (!paid[0]!.amount.equals(target) || paid[0]!.memo !== r.memo)
            violation(
              'journal-accrual',
              `payment entry ${paid[0]!.id} for ${paid[0]!.amount.toFixed(4)} (memo ${paid[0]!.memo}), the memo ${String(r.memo)} for ${target.toFixed(4)}`,
              where,
            );
        } else if (r.status !== 'paid' && paid.length) violation('journal-accrual', `not paid, with a payment entry`, where);
      }
}

/** Why an amount is not a whole number of its currency's minor units (or the currency is unknown), or null. */
function minorUnitsProblem(amount: Money, currency: string): string | null {
  let exponent: number;
  try {
    exponent = minorUnitExponent(currency);
  } catch {
    return `currency ${visible(currency)} is not an ISO 4217 currency`;
  }
  return amount.equals(amount.toDecimalPlaces(exponent))
    ? null
    : `amount ${amount.toFixed(4)} is not a whole number of ${currency} minor units (${exponent} decimals)`;
}

/** FNV-1a over the key: which pass of the duplicate-key check holds it. */
function bucket(key: string, passes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % passes;
}

/** A key as text a person can read: invisible characters (zero-width, controls, odd spaces) as \\uXXXX, in quotes. */
export function visible(text: string): string {
  return `"${text.replace(/["\\]|[^\x20-\x7e\p{L}\p{N}\p{P}\p{S}]/gu, (c) =>
    c === '"' || c === '\\' ? `\\${c}` : `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  )}"`;
}

/** One line per violation, for people: the invariant, where, and what. */
export function formatViolation(v: LedgerViolation): string {
  const { table, id, ...rest } = v.where;
  const extra = Object.entries(rest)
    .map(([k, val]) => `${k}=${typeof val === 'string' ? visible(val) : String(val)}`)
    .join(' ');
  return `[${v.invariant}] ${table}#${id}${extra ? ` (${extra})` : ''}: ${v.message}`;
}
