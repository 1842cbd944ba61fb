/**
 * Implicit and automatic claims from an imported POS file, in bulk: a million lines in one run.
 *
 * - implicit: lines that carry an authorization number; one claim per debit memo (lines without
 *   one, or groupBy 'period', go by calendar month of the invoice date).
 * - automatic: lines without a number are matched to the best live authorization line by
 *   distributor, product, end customer and date (see `bestAuthorizationLine`), one claim per month.
 *
 * The same road as a claim file (claim-file.service.ts): one run, one validation session, the
 * claim lines written on other connections while the next page is read and validated, then one
 * ledger step for all the run's claims. On MariaDB the run holds one ledger transaction from start
 * to end: it locks every authorization line the import can claim (in id order, as a claim's
 * submit does) and reads what each still has to give, so the session's figures stay true until
 * the commit. The import's unclaimed lines are read in keyset pages (the next one while the
 * current one is validated and written); each group's claim is created (committed, `draft`) when
 * its first line comes. At the end, in the ledger transaction, every claim's taking lines take
 * their POS lines under the unique key (a POS line another claim took meanwhile rejects its line
 * as already claimed), the authorization lines count the quantity, and each claim is submitted
 * with totals the database sums from its lines. On SQLite the lines go in first and the ledger
 * step is one short transaction. A run that fails leaves nothing (its draft claims and lines go;
 * one that lost a race, a deadlock or the counters' CHECK, is done again); a run whose process
 * died left drafts that never reached the ledger, and the next run discards them first. Runs of
 * one import go one at a time (a named lock on MariaDB, a queue in the process).
 */
import { debitMemoKey } from '../../core/claims/debit-memo-key.js';
import {
  AuthorizationIndex,
  MapPartResolver,
  PosKeyTable,
  ValidationSession,
  type AuthorizationLineFact,
  type ClaimLineInput,
  type CompactVerdicts,
} from '../../core/claims/engine.js';
import { toClaimLineInput } from '../../core/claims/from-pos.js';
import { bestAuthorizationLine, type MatchableAuthorizationLine } from '../../core/claims/matching.js';
import { RULE_NAMES } from '../../core/claims/rules.js';
import { minorUnitExponent } from '../../core/currency.js';
import { statusAfterSubmit } from '../../core/claims/status.js';
import type { ClaimType } from '../../core/domain.js';
import { claimLineAmountProblem, fitsMoneyColumn, lineCredit, MoneyFormatError, moneyToString, parseMoney } from '../../core/money.js';
import { exclusively, type Tx as Transaction } from '../database.repository.js';
import type { Cell } from '../../models/bulk.js';
import { storedInputs } from './verdict-inputs.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, conflict, errorText, notFound } from '../errors.js';
import { documentNumber } from '../http/numbers.js';
import * as imports from '../imports/imports.repository.js';
import { raiseEvent } from '../notifications/events.js';
import * as settlement from '../settlement/settlement.service.js';
import * as repo from './claims.repository.js';
import { claimCurrency, claimSubmitted } from './claims.service.js';
import { authorizationFacts, bookCosts, importParts, importTexts } from './facts.repository.js';
import {
  CLAIM_LINE,
  anyClaimed,
  ClaimLineLoads,
  claimTotals,
  NO_LINES,
  newClaimLineBatch,
  nextPage,
  totalsOf,
  unfinishedClaims,
  type ClaimTotals,
  type PagePosLine,
} from './pos-claims.repository.js';

export interface ClaimImportResult {
  claims: {
    id: number;
    number: string;
    type: ClaimType;
    debitMemoNumber: string | null;
    currency: string;
    status: string;
    lineCount: number;
    rejectedLines: number;
    claimedTotal: string;
    approvedTotal: string;
  }[];
  /** lines without a number that no live authorization matches (the first 1,000; see unmatchedCount) */
  unmatched: { posLineId: number; invoiceNumber: string; invoiceLine: string; reason: 'NO_POS_MATCH' }[];
  unmatchedCount: number;
  /** lines not claimed because an amount is beyond what a claim line carries (the first 1,000; see refusedCount) */
  refused: RefusedLine[];
  refusedCount: number;
  lines: { claimed: number; accepted: number; partial: number; rejected: number };
}

/** A POS line a claim run left out, naming its row and the field at fault. */
export interface RefusedLine {
  posLineId: number;
  rowNumber: number | null;
  invoiceNumber: string;
  invoiceLine: string;
  field: string;
  code: 'AMOUNT_TOO_LARGE';
  message: string;
}

/**
 * A claim whose lines' amounts add up past what its totals hold (DECIMAL(18,4)): refused whole
 * with a 422 naming it (the lines are each within CLAIM_LINE_AMOUNT_MAX, but too many of them).
 */
export function claimTotalTooLarge(claimNumber: string, total?: { name: string; value: string }) {
  return new AppError(
    'CLAIM_TOTAL_TOO_LARGE',
    `claim ${claimNumber}: ${total ? `its ${total.name} ${total.value}` : 'its lines add up to more than'} is more than a claim can carry (at most 99999999999999.9999): claim its lines in smaller claims`,
    422,
    { claimNumber, ...(total ? { total: total.name, value: total.value } : {}) },
  );
}

/** Throws CLAIM_TOTAL_TOO_LARGE when a total of the claim does not fit its column. */
export function checkClaimTotals(claimNumber: string, totals: ClaimTotals) {
  for (const name of ['claimedTotal', 'computedTotal', 'approvedTotal'] as const)
    if (!fitsMoneyColumn(totals[name])) throw claimTotalTooLarge(claimNumber, { name, value: totals[name] });
}

export interface ClaimImportOptions {
  currency?: string;
  /** POS lines a page (default 10,000) */
  pageSize?: number;
}

const UNMATCHED_LISTED = 1000;
const VERDICTS = ['accepted', 'partial', 'rejected'] as const;
/** What a page may hit when another claim runs at the same time; the page is done again. */
const RETRIABLE =
  /deadlock|lock wait timeout|Duplicate entry|UNIQUE constraint|SQLITE_BUSY|consumed quantity outside|CONSTRAINT .*chk_consumed|check constraint/i;

interface Group {
  type: ClaimType;
  debitMemoNumber: string | null;
  claimId: number;
  number: string;
  nextLine: number;
}

/** What a claim line row copies from the POS line or claim-file row it comes from. */
export type LineSource = Pick<
  PagePosLine,
  | 'productId'
  | 'vendorPartNumber'
  | 'distributorPartNumber'
  | 'endCustomerName'
  | 'invoiceNumber'
  | 'invoiceLine'
  | 'invoiceKey'
  | 'lineKey'
  | 'invoiceDate'
  | 'shipDate'
  | 'quantity'
  | 'resalePrice'
> & { consumed?: boolean };

/** A POS (or claim file) line ready for the engine: its claim group, the authorization it claims, its amounts. */
export interface Prepared {
  pos: LineSource;
  /** the POS line it came from; null for a claim file's line */
  posLineId: number | null;
  extraJson: string | null;
  key: string;
  type: ClaimType;
  debitMemoNumber: string | null;
  /** what the line claims; null: the credit the engine computes */
  claimed: string | null;
  line: ClaimLineInput;
}

/** Claim runs of one import in this process, one after the other (across processes: the named lock in claimImport). */
const runsOfImport = new Map<number, Promise<unknown>>();

export async function claimImport(
  actor: Actor,
  importId: number,
  mode: 'implicit' | 'automatic' | 'both',
  groupBy: 'debitMemo' | 'period',
  options: ClaimImportOptions = {},
): Promise<ClaimImportResult> {
  const job = await imports.findImport(scopeOf(actor), importId);
  if (!job) throw notFound('import');
  if (job.status === 'running') throw conflict('IMPORT_RUNNING', 'the import is still running: claim it once it has completed');
  if (job.status === 'voided') throw conflict('IMPORT_VOIDED', 'the import was voided: its lines are gone');
  const currency = await claimCurrency(job.distributorId, options.currency);
  const before = runsOfImport.get(importId) ?? Promise.resolve();
  const mine = before
    .catch(() => undefined)
    .then(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          // One run of an import at a time across processes too: a second waits for the first to end.
          return await exclusively(`bec:claim-run:${importId}`, () =>
            runClaims(actor, importId, job.distributorId, currency, mode, groupBy, options),
          );
        } catch (err) {
          if (attempt >= 5 || !RETRIABLE.test(errorText(err))) throw err;
          // Another claim took lines or quantity meanwhile, or two runs locked in different orders:
          // the run is done again from fresh figures, after a pause that grows.
          await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt + Math.random() * 25));
        }
      }
    });
  runsOfImport.set(importId, mine);
  try {
    return await mine;
  } finally {
    if (runsOfImport.get(importId) === mine) runsOfImport.delete(importId);
  }
}

/** One run of the import's claims (see the module comment); what it wrote goes when it fails. */
async function runClaims(
  actor: Actor,
  importId: number,
  distributorId: number,
  currency: string,
  mode: 'implicit' | 'automatic' | 'both',
  groupBy: 'debitMemo' | 'period',
  options: ClaimImportOptions,
): Promise<ClaimImportResult> {
  const exponent = minorUnitExponent(currency);
  const pageSize = options.pageSize ?? 10_000;
  const texts = await importTexts(importId);
  const [facts, parts, bookCostOn] = await Promise.all([
    authorizationFacts(texts, distributorId, mode !== 'implicit'),
    importParts(texts, distributorId),
    bookCosts(distributorId),
  ]);
  const costByNumberAndProduct = new Map<string, string>();
  for (const f of facts) costByNumberAndProduct.set(`${f.authorizationNumber}\u0000${f.productId}`, f.authorizedCost);
  const numbers = [...new Set(facts.map((f) => f.authorizationNumber))].sort();

  const groups = new Map<string, Group>();
  /** the claims this run created, in order (they go if it fails) */
  const created: Group[] = [];
  const unmatched: ClaimImportResult['unmatched'] = [];
  let unmatchedCount = 0;
  const refused: RefusedLine[] = [];
  let refusedCount = 0;
  /** Leaves out a line an amount of which a claim line cannot carry; true when it did. */
  const refuses = (p: PagePosLine, bookCost: string | null, authorizedCost: string | null) => {
    const problem = claimLineAmountProblem({ quantity: p.quantity, claimedAmount: p.claimedAmount, bookCost, authorizedCost });
    if (problem === null) return false;
    refusedCount++;
    if (refused.length < UNMATCHED_LISTED) {
      const value = problem.field === 'claimedAmount' ? p.claimedAmount : problem.field === 'bookCost' ? bookCost : authorizedCost;
      refused.push({
        posLineId: p.id,
        rowNumber: p.fileRow,
        invoiceNumber: p.invoiceNumber,
        invoiceLine: p.invoiceLine,
        field: problem.field,
        code: 'AMOUNT_TOO_LARGE',
        message: `row ${p.fileRow ?? '?'} (invoice ${p.invoiceNumber} line ${p.invoiceLine}): ${problem.field} "${value}" ${problem.message}`,
      });
    }
    return true;
  };
  const tally = new RunTally();
  let claimedLines = 0;
  /** the claim lines' last id before the run's first load (its lines come after) */
  let after = 0;

  /** Maps a page's POS lines to engine lines and claim groups (automatic ones get their best match). */
  function prepare(page: PagePosLine[], candidatesByProduct: Map<number, MatchableAuthorizationLine[]>, matched: Map<number, number>) {
    const out: Prepared[] = [];
    for (const p of page) {
      let authorizationNumber = p.authorizationNumber;
      let authorizedCost = p.authorizedCost;
      let type: ClaimType = 'implicit';
      let best: ReturnType<typeof bestAuthorizationLine> = null;
      if (!authorizationNumber) {
        best = bestAuthorizationLine(p, candidatesByProduct.get(p.productId ?? -1) ?? [], matched);
        if (!best) {
          unmatchedCount++;
          if (unmatched.length < UNMATCHED_LISTED)
            unmatched.push({ posLineId: p.id, invoiceNumber: p.invoiceNumber, invoiceLine: p.invoiceLine, reason: 'NO_POS_MATCH' });
          continue;
        }
        authorizationNumber = best.authorizationNumber;
        authorizedCost = best.authorizedCost;
        type = 'automatic';
      } else if (authorizedCost === null && p.productId !== null) {
        authorizedCost = costByNumberAndProduct.get(`${authorizationNumber}\u0000${p.productId}`) ?? null;
      }
      // The vendor's book cost on record wins over the one reported; the line keeps the reported one in its inputs.
      const bookCost = (p.productId !== null ? bookCostOn(p.productId, p.invoiceDate) : null) ?? p.bookCost;
      // An amount no claim line can carry: the line stays unclaimed (listed), the others go on.
      if (refuses(p, bookCost, authorizedCost)) continue;
      // the quantity an automatic line takes from its match counts for the next lines' matching
      if (best) matched.set(best.authorizationLineId, (matched.get(best.authorizationLineId) ?? 0) + p.quantity);
      const claimed =
        p.claimedAmount ??
        (bookCost && authorizedCost
          ? moneyToString(lineCredit(parseMoney(bookCost), parseMoney(authorizedCost), p.quantity, exponent))
          : '0.0000');
      const memo = type === 'implicit' && groupBy === 'debitMemo' && p.debitMemoNumber ? p.debitMemoNumber : null;
      let extra: Record<string, string> | undefined = p.extra ? (JSON.parse(p.extra) as Record<string, string>) : undefined;
      if (p.customerPo) extra = { resellerPoNumber: p.customerPo, ...extra };
      out.push({
        pos: p,
        posLineId: p.id,
        extraJson: p.extra ?? (p.customerPo ? JSON.stringify({ resellerPoNumber: p.customerPo }) : null),
        // one group per debit memo as the claims' unique key compares it (`dm-1` joins `DM-1`)
        key: memo ? `memo:${debitMemoKey(memo)}` : `${type}:${p.invoiceDate.slice(0, 7)}`,
        type,
        debitMemoNumber: memo,
        claimed,
        line: toClaimLineInput(p, {
          lineNumber: 0,
          bookCost: bookCost ?? '',
          authorizationNumber,
          authorizedCost,
          claimedAmount: claimed,
          endCustomerId: p.endCustomerId,
          extra,
        }),
      });
    }
    return out;
  }

  /** The claim of a line's group: this run's, or a new one (committed at once: its lines are written on other connections). */
  async function groupOf(x: Prepared): Promise<Group> {
    const g = groups.get(x.key);
    if (g) return g;
    let memo = x.debitMemoNumber;
    // A debit memo already claimed stays one claim; its new lines are claimed by period instead.
    if (memo && (await repo.findClaimIdByDebitMemo(distributorId, memo))) {
      memo = null;
      x.key = `${x.type}:${x.pos.invoiceDate.slice(0, 7)}`;
      const byPeriod = groups.get(x.key);
      if (byPeriod) return byPeriod;
    }
    const fresh = await settlement.inTransaction((t) => createClaim(actor, importId, distributorId, x.type, memo, currency, t));
    groups.set(x.key, fresh);
    created.push(fresh);
    return fresh;
  }

  /**
   * Reads, validates and writes every page: in the run's ledger transaction on MariaDB (it holds
   * the authorization lines' locks until the submit), outside any on SQLite (`ledger` null).
   */
  async function writeLines(ledger: Transaction | null): Promise<void> {
    // Draft claims a stopped run of this import left (its process ended): they never reached the
    // ledger; their lines go, so those POS lines are claimed again below.
    for (const id of await unfinishedClaims(importId))
      await discardBuiltDraft(actor, id, 'a claim run of this import stopped part-way; the lines are claimed again');
    // Fresh figures under lock, for the whole run: what each of this distributor's authorization
    // lines still has to give (another's lines are never taken by its claims: not locked, as a claim file does).
    const available = await settlement.lockAuthorizationLines(numbers, ledger, distributorId);
    for (const f of facts) {
      const left = available.get(f.authorizationLineId);
      if (left !== undefined) f.consumedQuantity = f.approvedQuantity - left;
    }
    // Automatic matching: this distributor's live lines by product.
    const candidatesByProduct = new Map<number, MatchableAuthorizationLine[]>();
    for (const f of facts) {
      if (f.distributorId !== distributorId) continue;
      const list = candidatesByProduct.get(f.productId) ?? [];
      list.push({
        authorizationLineId: f.authorizationLineId,
        authorizationNumber: f.authorizationNumber,
        productId: f.productId,
        endCustomerName: f.endCustomerName,
        authorizedCost: f.authorizedCost,
        remaining: f.approvedQuantity - f.consumedQuantity,
        validFrom: f.validFrom,
        validTo: f.validTo,
      });
      candidatesByProduct.set(f.productId, list);
    }
    const matched = new Map<number, number>();
    const consumedNow = new PosKeyTable();
    const session = new ValidationSession(AuthorizationIndex.fromFacts(facts), distributorId, {
      parts: new MapPartResolver(parts.byVendorPart, parts.byDistributorPart),
      consumed: consumedNow,
      expectedLines: 1 << 16,
      options: { minorUnitExponent: exponent, submittedOn: new Date().toISOString().slice(0, 10) },
    });
    const loads = new ClaimLineLoads(distributorId);
    after = await settlement.lastClaimLineId();
    try {
      // Read the next page while the current one is validated and its lines written.
      const someClaimed = await anyClaimed(importId);
      let pending = nextPage(distributorId, importId, 0, pageSize, mode, someClaimed);
      for (;;) {
        const page = await pending;
        if (!page.length) break;
        pending = nextPage(distributorId, importId, page[page.length - 1]!.id, pageSize, mode, someClaimed);
        pending.catch(() => undefined);
        const prepared = prepare(page, candidatesByProduct, matched);
        const lines: ClaimLineInput[] = [];
        const claimOf: Group[] = [];
        consumedNow.clear();
        for (const x of prepared) {
          const g = groups.get(x.key) ?? (await groupOf(x));
          claimOf.push(g);
          x.line.lineNumber = g.nextLine++;
          lines.push(x.line);
          // the ledger already holds this sale (another claim or program): the engine rejects it as already claimed
          if (x.pos.consumed) consumedNow.putIfAbsent(x.pos.invoiceKey, x.pos.lineKey, 1);
        }
        if (!lines.length) continue;
        const v = session.validate(lines);
        const rows = newClaimLineBatch();
        const cells: Cell[] = [];
        for (let i = 0; i < prepared.length; i++) {
          const fact = tally.add(v, i);
          cells[CLAIM_LINE.claim_id] = claimOf[i]!.claimId;
          rows.add(claimLineCells(v, i, prepared[i]!, fact, cells));
        }
        claimedLines += prepared.length;
        loads.start(rows);
        await loads.room();
      }
      await loads.drain();
    } finally {
      await loads.drain().catch(() => undefined);
      session.close();
    }
  }

  /** The ledger step and the submits, in the ledger transaction. */
  async function settle(ledger: Transaction): Promise<ClaimImportResult> {
    const claims = [...groups.values()].sort((a, b) => a.claimId - b.claimId);
    const run = { claimIds: claims.map((g) => g.claimId), after, upTo: await settlement.lastClaimLineId(ledger), expected: tally.expected };
    const lost = await settlement.settleBuiltClaims(run, tally.taken, ledger);
    // every claim's totals in one read of the run's lines
    let totals = new Map<number, ClaimTotals>();
    try {
      if (run.claimIds.length) totals = await totalsOf(settlement.linesOfRun(run.claimIds, run.after, run.upTo), ledger);
    } catch (err) {
      // a sum past what SQLite's integers hold: some claim's total is far beyond its column
      if (err instanceof MoneyFormatError) throw claimTotalTooLarge(claims.map((g) => g.number).join(', '));
      throw err;
    }
    // A claim whose lines add up past its totals' column is refused whole (422 naming it; nothing of the run stays).
    for (const g of claims) checkClaimTotals(g.number, totals.get(g.claimId) ?? NO_LINES);
    const out: ClaimImportResult['claims'] = [];
    for (const g of claims) {
      const l = lost.get(g.claimId) ?? { accepted: 0, partial: 0 };
      tally.lost(l);
      const lostLines = l.accepted + l.partial;
      const { claim } = await submitBuiltClaim(
        actor,
        g.claimId,
        ledger,
        lostLines ? { lostToOtherClaims: lostLines } : {},
        totals.get(g.claimId),
      );
      const sums = totals.get(g.claimId) ?? NO_LINES;
      out.push({
        id: g.claimId,
        number: claim.number,
        type: claim.type,
        debitMemoNumber: claim.debitMemoNumber,
        currency: claim.currency,
        status: claim.status,
        lineCount: sums.lines,
        rejectedLines: sums.rejected,
        claimedTotal: sums.claimedTotal,
        approvedTotal: sums.approvedTotal,
      });
    }
    const counts = { claimed: claimedLines, ...tally.counts };
    const result = { claims: out, unmatched, unmatchedCount, refused, refusedCount, lines: counts };
    await recordAudit(
      actor,
      {
        action: 'pos_import.claimed',
        entityType: 'pos_import',
        entityId: importId,
        distributorId,
        after: {
          mode,
          groupBy,
          currency,
          claims: out.map((c) => c.number),
          lines: counts,
          unmatched: unmatchedCount,
          ...(refusedCount ? { refused: refusedCount } : {}),
        },
      },
      ledger,
    );
    return result;
  }

  try {
    if (settlement.concurrentWriters())
      // One ledger transaction for the whole run, read committed: it holds the authorization
      // lines' locks from the first page to the submit, and sees the lines the loads commit.
      return await settlement.inTransaction(
        async (ledger) => {
          await writeLines(ledger);
          return settle(ledger);
        },
        { readCommitted: true },
      );
    // SQLite has one writer: the lines go in first, the ledger step is one short transaction (a
    // claim that took the same units meanwhile fails it on the counters' CHECK: the run is done again).
    await writeLines(null);
    return await settlement.inTransaction((ledger) => settle(ledger));
  } catch (err) {
    // Nothing of a failed run stays: its lines and draft claims go; the ledger never moved.
    for (const g of created) await discardBuiltDraft(actor, g.claimId, 'the claim run could not finish').catch(() => undefined);
    throw err;
  }
}

async function createClaim(
  actor: Actor,
  importId: number,
  distributorId: number,
  type: ClaimType,
  debitMemoNumber: string | null,
  currency: string,
  transaction: Parameters<typeof repo.insertClaim>[2],
): Promise<Group> {
  const number = documentNumber('CLM');
  const claimId = await repo.insertClaim(
    {
      number,
      distributorId,
      type,
      debitMemoNumber,
      currency,
      claimedTotal: '0.0000',
      createdByUserId: actor.userId,
      posImportId: importId,
    },
    [],
    transaction,
  );
  await recordAudit(
    actor,
    {
      action: 'claim.created',
      entityType: 'claim',
      entityId: claimId,
      distributorId,
      after: { type, importId, debitMemoNumber, currency },
    },
    transaction,
  );
  return { type, debitMemoNumber, claimId, number, nextLine: 1 };
}

const factOf = (v: CompactVerdicts, i: number): AuthorizationLineFact | null => {
  const r = v.authorizationLine[i]!;
  return r >= 0 ? v.index.facts[r]! : null;
};

/**
 * What a bulk run's lines came to, line by line as they are validated: the lines by verdict, the
 * taking ones (accepted or partial, quantity > 0: the consumptions the ledger step expects) and
 * the quantity they take from each authorization line (the sums the counters move by).
 */
export class RunTally {
  readonly counts = { accepted: 0, partial: 0, rejected: 0 };
  expected = 0;
  /** authorization line id → the quantity the run's taking lines take from it */
  readonly taken = new Map<number, number>();

  /** Counts line `i` of `v`; returns its authorization line's fact (null when none was found). */
  add(v: CompactVerdicts, i: number): AuthorizationLineFact | null {
    const verdict = v.verdict[i]!;
    const fact = factOf(v, i);
    this.counts[VERDICTS[verdict]!]++;
    if (verdict !== 2 && v.acceptedQuantity[i]! > 0) {
      this.expected++;
      const id = fact!.authorizationLineId;
      this.taken.set(id, (this.taken.get(id) ?? 0) + v.acceptedQuantity[i]!);
    }
    return fact;
  }

  /** Lines the ledger step rejected as already claimed (another claim took their sale meanwhile). */
  lost(l: { accepted: number; partial: number }) {
    this.counts.accepted -= l.accepted;
    this.counts.partial -= l.partial;
    this.counts.rejected += l.accepted + l.partial;
  }
}

/**
 * The claim-line codec: a claim line's cells with its verdict, written into `out` by column name
 * (`CLAIM_LINE`), all but the claim id (the caller sets `out[CLAIM_LINE.claim_id]` and may reuse
 * `out` for every line).
 * An accepted line keeps the one volatile input, the quantity that remained.
 */
export function claimLineCells(v: CompactVerdicts, i: number, x: Prepared, fact: AuthorizationLineFact | null, out: Cell[]): Cell[] {
  const verdict = v.verdict[i]!;
  const p = x.pos;
  const l = v.lines[i]!;
  const remaining = v.remainingBefore[i]!;
  const rule = v.rule[i]!;
  const computed = v.computedAmountOf(i);
  // The engine's credit from the authorization's cost: beyond its column only for a line no check before could see (never a 500).
  if (!fitsMoneyColumn(computed))
    throw new AppError(
      'AMOUNT_TOO_LARGE',
      `invoice ${p.invoiceNumber} line ${p.invoiceLine}: its credit ${computed} (quantity ${p.quantity} times the cost difference) is more than a claim line can carry`,
      422,
      { invoiceNumber: p.invoiceNumber, invoiceLine: p.invoiceLine, field: 'quantity' },
    );
  const C = CLAIM_LINE;
  out[C.line_number] = l.lineNumber;
  out[C.authorization_number] = l.authorizationNumber ?? null;
  out[C.authorization_line_id] = fact?.authorizationLineId ?? null;
  out[C.authorization_version] = fact?.authorizationVersion ?? null;
  out[C.product_id] = fact?.productId ?? p.productId;
  out[C.vendor_part_number] = p.vendorPartNumber;
  out[C.distributor_part_number] = p.distributorPartNumber;
  out[C.end_customer_id] = l.endCustomerId ?? null;
  out[C.end_customer_name] = p.endCustomerName;
  out[C.invoice_number] = p.invoiceNumber;
  out[C.invoice_line] = p.invoiceLine;
  out[C.invoice_date] = p.invoiceDate;
  out[C.ship_date] = p.shipDate;
  out[C.quantity] = p.quantity;
  out[C.book_cost] = l.bookCost || '0.0000';
  out[C.authorized_cost] = l.authorizedCost ?? null;
  out[C.resale_price] = p.resalePrice;
  out[C.claimed_amount] = x.claimed ?? computed;
  out[C.computed_amount] = computed;
  out[C.accepted_quantity] = verdict === 2 ? 0 : v.acceptedQuantity[i]!;
  out[C.approved_amount] = v.approvedAmountOf(i);
  out[C.verdict] = VERDICTS[verdict]!;
  out[C.reason_codes] = verdict === 0 ? '[]' : JSON.stringify(v.reasonCodesOf(i));
  out[C.rule] = rule ? RULE_NAMES[rule - 1]! : null;
  // The replay inputs without what the row holds (see verdict-inputs.ts); an accepted line's only other one is what remained.
  out[C.verdict_inputs] =
    verdict === 0
      ? Number.isNaN(remaining)
        ? null
        : `{"remainingBefore":${remaining}}`
      : JSON.stringify(
          storedInputs(v.result(i).inputs, {
            distributorId: v.distributorId,
            authorizationNumber: out[C.authorization_number] as string | null,
            vendorPartNumber: out[C.vendor_part_number] as string | null,
            distributorPartNumber: out[C.distributor_part_number] as string | null,
            endCustomerName: out[C.end_customer_name] as string | null,
            invoiceNumber: out[C.invoice_number] as string,
            invoiceLine: out[C.invoice_line] as string,
            invoiceDate: out[C.invoice_date] as string,
            shipDate: out[C.ship_date] as string | null,
            quantity: out[C.quantity] as number,
            bookCost: out[C.book_cost] as string,
            claimedAuthorizedCost: out[C.authorized_cost] as string | null,
            resalePrice: out[C.resale_price] as string | null,
          }),
        );
  out[C.extra] = x.extraJson;
  out[C.pos_line_id] = x.posLineId;
  out[C.invoice_key] = p.invoiceKey;
  out[C.line_key] = p.lineKey;
  return out;
}

/**
 * Submits a claim a bulk run built, in the caller's transaction: totals summed from its lines by
 * the database, its program from its first authorized line, audited (with `note` in the event).
 */
export async function submitBuiltClaim(
  actor: Actor,
  claimId: number,
  t: Transaction,
  note: Record<string, unknown> = {},
  /** the claim's totals when the caller summed them with others' (`totalsOf` a run) */
  summed?: ClaimTotals,
) {
  const totals = summed ?? (await claimTotals(claimId, t));
  const [first] = await repo.firstProgramOfClaim(claimId, t);
  const status = statusAfterSubmit(totals.approvedTotal);
  await repo.updateClaim(
    claimId,
    {
      status,
      claimedTotal: totals.claimedTotal,
      computedTotal: totals.computedTotal,
      approvedTotal: totals.approvedTotal,
      programId: first?.programId ?? null,
      programType: first?.programType ?? null,
      submittedAt: new Date(),
    },
    t,
  );
  await settlement.accrueClaim(claimId, actor.userId, t);
  const claim = (await repo.findClaim({ distributorId: null }, claimId, { transaction: t, lineCount: totals.lines }))!;
  await recordAudit(
    actor,
    {
      action: 'claim.submitted',
      entityType: 'claim',
      entityId: claimId,
      distributorId: claim.distributorId,
      before: { status: 'draft' },
      after: { status, ...totals, ...note },
    },
    t,
  );
  raiseEvent(claimSubmitted(actor, claim), t);
  return { claim, totals };
}

/**
 * Removes a draft claim a bulk run built and did not finish (it never reached the ledger), with its
 * lines, audited with the reason. A claim that is no longer a draft is left alone.
 */
export async function discardBuiltDraft(actor: Actor, claimId: number, reason: string) {
  if (!(await repo.findClaimIdOfDraft(claimId))) return;
  const distributorId = await repo.discardDraftClaim(claimId);
  await recordAudit(actor, { action: 'claim.discarded', entityType: 'claim', entityId: claimId, distributorId, reason });
}
