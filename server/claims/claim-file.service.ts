/**
 * An explicit claim from a file: the distributor's CSV streams through the import's parser and
 * column mapping (row errors are the job's, with row, column and reason), and every valid row is
 * validated by the rules engine as it arrives and written as a line of one claim with its verdict.
 * A million lines in one run, in constant memory apart from the POS keys seen.
 *
 * The run holds one ledger transaction from start to end. As authorization numbers first appear,
 * this distributor's lines for them are locked there (in id order, as a claim's submit does) and
 * their quantities read: the engine's session takes quantity line after line from figures that
 * stay true until the commit. Claim lines go in by LOAD DATA on other connections, two batches in
 * flight, while the file is still being read. At the end, in the ledger transaction, the accepted
 * lines take their POS lines (set-based, under the unique key: a line another claim or program took
 * meanwhile is rejected as already claimed) and the authorization lines count the quantity (under
 * consumed ≤ approved); the claim is submitted with totals the database sums from its lines.
 * A run that fails leaves nothing: its lines and draft claim are removed, the ledger is untouched.
 *
 * As a job (server/jobs): the claim is recorded on the job's import row when it is created, and the
 * job completes (its answer stored on the row) in the ledger transaction. A worker that dies
 * mid-file leaves a draft claim and its lines, never a ledger entry: the retry discards that draft
 * (`discardClaimOfJob`) and runs the file again from its first line.
 *
 * A file the distributor sent before (the same bytes) whose claim stands makes no second claim
 * unless the sender says it means it: checked at intake (`admitClaimFile`, called by
 * server/edi/intake.ts `queueFile`, the one door of every transport), and by the run of a job row
 * that intake made but never admitted (its process stopped in between): one rule (`admission`).
 */
import type { Readable } from 'node:stream';
import type { Tx as Transaction } from '../database.repository.js';
import { minorUnitExponent } from '../../core/currency.js';
import { claimLineAmountProblem, MoneyFormatError } from '../../core/money.js';
import { AuthorizationIndex, ValidationSession, type AuthorizationLineFact, type PartResolver } from '../../core/claims/engine.js';
import { toClaimLineInput } from '../../core/claims/from-pos.js';
import { normalizeCode } from '../../core/claims/rules.js';
import { debitMemoKey, debitMemoKeyProblem } from '../../core/claims/debit-memo-key.js';
import { PosKeyTable, splitPosKey } from '../../core/claims/pos-keys.js';
import type { Cell } from '../../models/bulk.js';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors.js';
import { documentNumber } from '../http/numbers.js';
import type { PosInsertRow } from '../imports/imports.repository.js';
import * as importsRepo from '../imports/imports.repository.js';
import {
  completeImport,
  createRunningImport,
  jobSettings,
  runCsvImport,
  type ImportMeta,
  type RowRefusal,
} from '../imports/imports.service.js';
import { removeUpload } from '../jobs/uploads.js';
import * as settlement from '../settlement/settlement.service.js';
import * as repo from './claims.repository.js';
import { claimCurrency, debitMemoFree } from './claims.service.js';
import type { ClaimView } from './claims.schemas.js';
import {
  checkClaimTotals,
  claimLineCells,
  claimTotalTooLarge,
  discardBuiltDraft,
  RunTally,
  submitBuiltClaim,
  type Prepared,
} from './pos-claims.service.js';
import { authorizationFactsForNumbers, bookCosts } from './facts.repository.js';
import { CLAIM_LINE, ClaimLineLoads, newClaimLineBatch, NO_LINES, totalsOf, type ClaimTotals } from './pos-claims.repository.js';

export interface ClaimFileMeta extends ImportMeta {
  debitMemoNumber: string | null;
  /** null: the distributor's own (another is refused) */
  currency: string | null;
}

export interface ClaimFileResult {
  claim: ClaimView;
  importId: number;
  rows: { read: number; rejected: number };
  lines: { accepted: number; partial: number; rejected: number; lostToOtherClaims: number };
}

/** Claim lines written two batches at a time on their own connections, while the file goes on. */
const IN_FLIGHT = 2;

class ClaimFileRun {
  private readonly factsByNumber = new Map<string, AuthorizationLineFact[]>();
  private readonly index = new AuthorizationIndex((n) => this.factsByNumber.get(normalizeCode(n)) ?? []);
  private session!: ValidationSession;
  /** the ledger's POS keys among the current batch's invoices (a table the engine probes with each line's own hash) */
  private readonly consumedNow = new PosKeyTable();
  private lineNumber = 0;
  private readonly loads: ClaimLineLoads;
  /** engine steps, one after the other */
  private previous: Promise<void> = Promise.resolve();
  private readonly steps: Promise<void>[] = [];
  private failed: unknown = null;
  /** the lines by verdict, the taking ones and what they take (the ledger step's figures) */
  readonly tally = new RunTally();

  /**
   * The ledger step, in the ledger transaction once every line is written: the accepted lines
   * take their POS lines (one statement; a POS line another claim took meanwhile rejects its line
   * as already claimed), then the authorization lines count what was taken: from the run's own
   * sums when every accepted line got its POS line (they are then the consumptions' sums), from
   * the claim's lines in SQL when some were lost and compensated.
   *
   * The consumptions go in at the end, not batch by batch: while the run's transaction holds
   * uncommitted consumptions, every read of the ledger's POS keys (one per batch) must check row
   * versions against it, which cost MariaDB 22 of its 43 CPU seconds for a million lines.
   */
  async settle(ledger: Transaction) {
    const run = {
      claimIds: [this.claimId],
      after: this.after,
      upTo: await settlement.lastClaimLineId(ledger),
      expected: this.tally.expected,
    };
    const lost = await settlement.settleBuiltClaims(run, this.tally.taken, ledger);
    // the claim's totals from the same stretch of lines, after the ledger step rejected any it lost
    const totals = (await totalsOf(settlement.linesOfRun(run.claimIds, run.after, run.upTo), ledger)).get(this.claimId) ?? NO_LINES;
    return { lost: lost.get(this.claimId) ?? { accepted: 0, partial: 0 }, totals };
  }

  constructor(
    readonly actor: Actor,
    readonly distributorId: number,
    readonly claimId: number,
    /** the claim lines' last id before the run's first load (its lines come after) */
    private readonly after: number,
    /** the run's ledger transaction (MariaDB); null on SQLite, where the ledger step comes at the end */
    readonly ledger: Transaction | null,
    private readonly bookCostOn: (productId: number, date: string) => string | null,
    parts: PartResolver,
    /** the claim currency's minor-unit decimals (credits round to it) */
    minorUnitExponent: number,
  ) {
    this.loads = new ClaimLineLoads(distributorId, IN_FLIGHT);
    this.session = new ValidationSession(this.index, distributorId, {
      parts,
      consumed: this.consumedNow,
      expectedLines: 1 << 16,
      // a file is submitted the day it runs: lines past their program's filing window are FILING_WINDOW_CLOSED
      options: { minorUnitExponent, submittedOn: new Date().toISOString().slice(0, 10) },
    });
  }

  /**
   * One batch of valid rows. Its lookups start at once: facts for authorization numbers not seen
   * yet (locked, on the ledger connection) and the ledger's POS keys among its invoices (another
   * connection). Its engine step follows the previous batch's (the session is one sequence), then
   * its lines' LOAD starts. Returns when at most IN_FLIGHT batches are still on their way.
   */
  async add(rows: PosInsertRow[]): Promise<number> {
    if (this.failed) throw this.failed;
    const lookups = this.lookups(rows);
    lookups.catch(() => undefined);
    const step = this.previous.then(async () => {
      if (this.failed) throw this.failed;
      this.validateAndLoad(rows, await lookups);
    });
    step.catch((err: unknown) => {
      this.failed ??= err;
    });
    this.previous = step;
    this.steps.push(step);
    if (this.steps.length >= IN_FLIGHT) await this.steps.shift();
    await this.loads.room();
    return rows.length;
  }

  private async lookups(rows: PosInsertRow[]): Promise<Set<string>> {
    const fresh: string[] = [];
    for (const r of rows) {
      if (!r.authorizationNumber) continue;
      const n = normalizeCode(r.authorizationNumber);
      if (this.factsByNumber.has(n)) continue;
      this.factsByNumber.set(n, []);
      fresh.push(n);
    }
    const invoices = rows.map((r) => r.invoiceKey);
    const [facts, consumed] = await Promise.all([
      fresh.length ? authorizationFactsForNumbers(fresh, this.distributorId, this.ledger) : [],
      // The ledger's committed POS keys; this run's own are the session's duplicates.
      settlement.consumedKeys(this.distributorId, invoices, null),
    ]);
    for (const f of facts) this.factsByNumber.get(normalizeCode(f.authorizationNumber))?.push(f);
    return consumed;
  }

  private validateAndLoad(rows: PosInsertRow[], consumed: Set<string>) {
    this.consumedNow.clear();
    for (const key of consumed) {
      const [invoiceKey, lineKey] = splitPosKey(key);
      this.consumedNow.putIfAbsent(invoiceKey, lineKey, 1);
    }
    const prepared: Prepared[] = rows.map((r) => this.prepare(r));
    const v = this.session.validate(prepared.map((x) => x.line));
    const out = newClaimLineBatch();
    const cells: Cell[] = [];
    cells[CLAIM_LINE.claim_id] = this.claimId;
    for (let i = 0; i < prepared.length; i++) out.add(claimLineCells(v, i, prepared[i]!, this.tally.add(v, i), cells));
    this.loads.start(out);
  }

  private prepare(p: PosInsertRow): Prepared {
    this.lineNumber++;
    // The vendor's book cost on record wins over the one in the file (which the line keeps in its inputs).
    const bookCost = (p.productId !== null ? this.bookCostOn(p.productId, p.invoiceDate) : null) ?? p.bookCost;
    let extra = p.extra;
    if (p.customerPo && !extra?.resellerPoNumber) extra = { ...extra, resellerPoNumber: p.customerPo };
    return {
      pos: p,
      posLineId: null,
      extraJson: extra ? JSON.stringify(extra) : null,
      key: '',
      type: 'explicit',
      debitMemoNumber: null,
      // A line without an amount claims the credit the engine computes from the authorization.
      claimed: p.claimedAmount,
      line: toClaimLineInput(p, {
        lineNumber: this.lineNumber,
        bookCost: bookCost ?? '',
        // the master end customer POS enrichment linked the line's name to (server/enrichment)
        endCustomerId: p.endCustomerId ?? null,
        extra: extra ?? undefined,
      }),
    };
  }

  /** Lines that reached the engine so far. */
  get lines() {
    return this.lineNumber;
  }

  /** Waits for every line to be written (again: nothing more). */
  async drain() {
    while (this.steps.length) await this.steps.shift();
    await this.loads.drain();
    if (this.failed) throw this.failed;
    if (!this.closed) this.session.close();
    this.closed = true;
  }
  private closed = false;
}

/** How many rows of each debit memo, and how many memos, a mixed file's 422 names (memory stays bounded). */
const LISTED_MEMO_ROWS = 10;
const LISTED_MEMOS = 20;

/**
 * A claim CSV's Debit Memo column (field `debitMemoNumber`): a claim is one debit memo's. Numbers
 * are compared by the canonical debit memo key (core/claims/debit-memo-key.ts: `dm-1 ` is `DM-1`);
 * an empty cell names no memo and goes with the claim.
 * - The request names the memo (`?debitMemoNumber=`, or the command's, the e-mail's): a row naming
 *   another is a row error (DEBIT_MEMO_MISMATCH), the file's other rows go on.
 * - It names none: the rows' one memo is the claim's (its spelling in the first row naming it),
 *   held by no standing claim (409 CLAIM_ALREADY_EXISTS, checked as soon as a batch names it and
 *   again under the unique key when the claim takes it). Rows naming two memos or more are two
 *   claims' rows: the file is refused whole (422 DEBIT_MEMO_MIXED naming each memo and its rows),
 *   leaving no claim. Once a second memo shows, the rest of the file is only read for its memos.
 * An X12 844 is not read so: its debit memo is its header's (BGN02, BAA05), and a file of several
 * 844s is one claim whose lines keep each their own (docs/edi.md).
 */
class DebitMemoColumn {
  private readonly given: { key: string; number: string } | null;
  /** the memos the rows name (the request naming none): key → the first spelling, its first rows, how many rows */
  private readonly found = new Map<string, { number: string; rows: number[]; count: number }>();
  /** rows naming memos past the first LISTED_MEMOS */
  private rowsOfOtherMemos = 0;
  /** the file's header of the column (for messages) */
  private header = 'debitMemoNumber';
  /** the memo the rows name, once checked against the standing claims */
  private checked: string | null = null;

  constructor(given: string | null) {
    const key = debitMemoKey(given);
    this.given = key === null ? null : { key, number: given! };
  }

  /** Two memos or more among the rows (the request naming none): the file is refused at its end. */
  get mixed() {
    return this.found.size > 1;
  }

  /** The one memo the rows name when the request names none (null: none, or several). */
  get fromRows(): string | null {
    if (this.given || this.found.size !== 1) return null;
    return this.found.values().next().value!.number;
  }

  /** A row's check (see RowRefusal): a row error, or null. */
  refuse(row: PosInsertRow, header: (field: 'debitMemoNumber') => string) {
    if (row.debitMemoNumber === null) return null;
    const key = debitMemoKey(row.debitMemoNumber);
    if (key === null) return null;
    this.header = header('debitMemoNumber');
    if (this.given) {
      if (key === this.given.key) return null;
      return {
        column: 'debitMemoNumber',
        code: 'DEBIT_MEMO_MISMATCH' as const,
        message: `${this.header} "${row.debitMemoNumber}" is not this claim's debit memo ${this.given.number} (the debitMemoNumber the file was sent with): a claim is one debit memo's, so this row was not claimed; send it in a file of its own memo`,
      };
    }
    const problem = debitMemoKeyProblem(row.debitMemoNumber);
    if (problem)
      return { column: 'debitMemoNumber', code: 'VALUE_TOO_LONG' as const, message: `${this.header} "${row.debitMemoNumber}" ${problem}` };
    const memo = this.found.get(key);
    if (!memo && this.found.size >= LISTED_MEMOS) this.rowsOfOtherMemos++;
    else if (!memo) this.found.set(key, { number: row.debitMemoNumber, rows: [row.row], count: 1 });
    else {
      memo.count++;
      if (memo.rows.length < LISTED_MEMO_ROWS) memo.rows.push(row.row);
    }
    return null;
  }

  /** The memo the rows name, once: 409 CLAIM_ALREADY_EXISTS when a standing claim holds it. */
  async checkFree(distributorId: number) {
    const number = this.fromRows;
    if (number === null || this.checked === number) return;
    await debitMemoFree(distributorId, number, this.header);
    this.checked = number;
  }

  /** The 422 of a file whose rows name several debit memos: each memo with its first rows. */
  mixedError(importId: number) {
    const memos = [...this.found.values()];
    const rowsOf = (m: { rows: number[]; count: number }) =>
      `${m.rows.length > 1 ? 'rows' : 'row'} ${m.rows.join(', ')}${m.count > m.rows.length ? ` and ${m.count - m.rows.length} more` : ''}`;
    const second = memos[1]!;
    return new AppError(
      'DEBIT_MEMO_MIXED',
      `the file's ${this.header} column names ${memos.length}${this.rowsOfOtherMemos ? ' or more' : ''} debit memos (${memos.map((m) => `${m.number}: ${rowsOf(m)}`).join('; ')}${this.rowsOfOtherMemos ? `; ${this.rowsOfOtherMemos} rows of others` : ''}): a claim is one debit memo's, so no claim was made. Send each memo's rows in a file of its own, or name the claim's memo with debitMemoNumber (rows naming another are then row errors)`,
      422,
      {
        importId,
        debitMemoNumbers: memos.map((m) => m.number),
        rows: second.rows,
        errors: second.rows.map((r) => ({
          field: `row ${r} ${this.header}`,
          message: `names debit memo ${second.number}, row ${memos[0]!.rows[0]} names ${memos[0]!.number}`,
        })),
      },
    );
  }
}

/** How many of a file's row errors a 422 lists (all are in the job's report). */
const LISTED_ROW_ERRORS = 100;

/**
 * A claim file none of whose rows became a claim line (a header alone, every row bad): no claim,
 * a 422 listing the first row errors (the job's report has them all), as an empty file answers.
 */
async function noClaimLines(job: { id: number; rowsRead: number; rowsRejected: number }) {
  const errors = await importsRepo.rowErrors(job.id, LISTED_ROW_ERRORS);
  return new AppError(
    'NO_CLAIM_LINES',
    job.rowsRead === 0
      ? 'the claim file has a header and no row: there is nothing to claim'
      : `none of the claim file's ${job.rowsRead} rows can be claimed (${job.rowsRejected} rejected: see the row errors, GET /api/imports/${job.id}/errors): no claim was made`,
    422,
    {
      rowsRead: job.rowsRead,
      rowsRejected: job.rowsRejected,
      errors: errors.map((e) => ({ field: `row ${e.rowNumber}${e.column ? ` ${e.column}` : ''}`, message: `${e.code}: ${e.message}` })),
    },
  );
}

/**
 * What a claim file is refused for at once, before it is stored (the job checks again when it
 * runs): a currency that is not the distributor's, a debit memo number already claimed.
 */
export async function checkClaimFile(actor: Actor, meta: Pick<ClaimFileMeta, 'currency' | 'debitMemoNumber'>) {
  const distributorId = actor.distributorId!;
  const currency = await claimCurrency(distributorId, meta.currency);
  await debitMemoFree(distributorId, meta.debitMemoNumber);
  return currency;
}

/** What a claim file sent again on purpose (`resend=true`) repeats, as its job records it. */
export interface ResendOf {
  importId: number;
  claimId: number | null;
  claimNumber: string | null;
}

/**
 * What a claim file's job row says of its admission (`settings.extra`): `resend`, the sender's
 * word, from the start; `admitted`, once the check let it through; `resendOf`, what it repeats.
 * A row made before `admitted` was recorded counts as admitted if it has `resendOf`; one without
 * is checked again when it runs, which answers as its intake did.
 */
const admissionOf = (row: { settings: string | null }) => {
  const extra = jobSettings(row)?.extra;
  return {
    resend: extra?.resend === true,
    admitted: extra?.admitted === true || Boolean(extra?.resendOf),
    resendOf: (extra?.resendOf ?? null) as ResendOf | null,
  };
};

/** The refusal of a file sent again, naming the claim it would repeat and when it was sent. */
function resentFile(earlier: importsRepo.EarlierClaimFile) {
  const sentAt = earlier.sentAt.toISOString();
  const made = earlier.claimNumber ? `claim ${earlier.claimNumber}` : 'a claim still being made';
  return new AppError(
    'DUPLICATE_FILE',
    `this file (the same bytes) was already sent at ${sentAt} (import ${earlier.importId}) and made ${made}: a second claim from it would find its lines already claimed. To make one all the same, send it again with resend=true (POST /api/claims/file?resend=true, or npm run edi -- send --resend)`,
    409,
    { claimId: earlier.claimId, claimNumber: earlier.claimNumber, sentAt, earlierImportId: earlier.importId },
  );
}

/**
 * A claim file sent again: the same bytes (the SHA-256 its import row keeps from the start) from
 * the same distributor as an earlier claim file whose claim stands or is still being made
 * (imports.repository `earlierClaimFile`). Every line of it would be rejected ALREADY_CLAIMED, a
 * second claim that serves no one: refused with 409 DUPLICATE_FILE naming the earlier claim and
 * when it was sent, unless the sender means it (`resend`, recorded on the row).
 *
 * The one rule, for `admitClaimFile` (intake) and `runClaimFile` (a row never admitted). A row let
 * through is recorded as admitted (with `resend`, with the claim it repeats: its claim's audit
 * names it); a refusal is returned, for the caller to deal with the row.
 */
async function admission(row: {
  id: number;
  distributorId: number;
  fileSha256: string | null;
  settings: string | null;
}): Promise<{ refused: AppError; resendOf: null } | { refused: null; resendOf: ResendOf | null }> {
  if (!row.fileSha256) return { refused: null, resendOf: null };
  const earlier = await importsRepo.earlierClaimFile(row.distributorId, row.fileSha256, row.id);
  if (earlier && !admissionOf(row).resend) return { refused: resentFile(earlier), resendOf: null };
  const settings = jobSettings(row);
  const resendOf: ResendOf | null = earlier
    ? { importId: earlier.importId, claimId: earlier.claimId, claimNumber: earlier.claimNumber }
    : null;
  await importsRepo.updateImportSettings(row.id, {
    ...settings,
    extra: { ...settings?.extra, admitted: true, ...(resendOf ? { resendOf } : {}) },
  });
  return { refused: null, resendOf };
}

/**
 * The check at intake (server/edi/intake.ts `queueFile`, which every transport passes: the API,
 * the command, the inbound directory, e-mail), once the job row is made and before its job is
 * queued: of two rows of the same bytes made at once, the later always sees the earlier. A file
 * refused loses its job row and stored file (as with a file refused before its row is made,
 * nothing is left) and its 409 is thrown. A row whose process stopped before this ran is checked
 * when it runs (`runClaimFile`).
 */
export async function admitClaimFile(importId: number): Promise<void> {
  const row = await importsRepo.findImportRow(importId);
  if (!row) return;
  const { refused } = await admission(row);
  if (!refused) return;
  await importsRepo.removeUnqueuedImport(importId);
  await removeUpload(row.uploadPath);
  throw refused;
}

/**
 * The run's side of the check: a job row intake made and never admitted (its process stopped in
 * between; `recoverJobs` queued it) is checked now, before any of it runs, by the same rule. A
 * refusal fails the job (the worker records it on the import row and removes the stored file).
 * Returns what a file sent again on purpose repeats (null: nothing).
 */
async function admittedJob(importId: number): Promise<{ resendOf: ResendOf | null; format: string | null }> {
  const row = await importsRepo.findImportRow(importId);
  if (!row) return { resendOf: null, format: null };
  const recorded = admissionOf(row);
  if (recorded.admitted) return { resendOf: recorded.resendOf, format: row.format };
  const { refused, resendOf } = await admission(row);
  if (refused) throw refused;
  return { resendOf, format: row.format };
}

/** A job run again: the draft claim a stopped run left (recorded on the import row) goes, with its lines. */
export async function discardClaimOfJob(actor: Actor, claimId: number | null) {
  if (claimId === null) return;
  await discardBuiltDraft(actor, claimId, 'the claim file run stopped part-way (its worker ended); the file runs again');
}

/** Streams a claim file into one explicit claim, in the caller's process (the bench); see the module comment. */
export async function importClaimFile(actor: Actor, input: Readable, meta: ClaimFileMeta): Promise<ClaimFileResult> {
  const importId = await createRunningImport(actor, 'claim', meta);
  return runClaimFile(actor, importId, input, meta);
}

/** Runs a claim file job (the import row `importId`) into one explicit claim; see the module comment. */
export async function runClaimFile(actor: Actor, importId: number, input: Readable, meta: ClaimFileMeta): Promise<ClaimFileResult> {
  const distributorId = actor.distributorId!;
  const currency = await checkClaimFile(actor, meta);
  // A row never admitted at intake is checked here: no second claim of a file sent again.
  const { resendOf: resent, format } = await admittedJob(importId);
  const claimNumber = documentNumber('CLM');
  const claimId = await settlement.inTransaction(async (t) => {
    const id = await repo.insertClaim(
      {
        number: claimNumber,
        distributorId,
        type: 'explicit',
        debitMemoNumber: meta.debitMemoNumber,
        currency,
        claimedTotal: '0.0000',
        createdByUserId: actor.userId,
      },
      [],
      t,
    );
    await recordAudit(
      actor,
      {
        action: 'claim.created',
        entityType: 'claim',
        entityId: id,
        distributorId,
        after: {
          type: 'explicit',
          from: 'file',
          fileName: meta.fileName,
          debitMemoNumber: meta.debitMemoNumber,
          currency,
          // a file sent again on purpose (resend=true): the claim it repeats
          ...(resent ? { resendOf: resent } : {}),
        },
      },
      t,
    );
    // The job knows its claim from the start: a retry after a crash finds the draft and discards it.
    await importsRepo.updateImport(importId, { claimId: id }, t);
    return id;
  });
  const bookCostOn = await bookCosts(distributorId);
  // A CSV's Debit Memo column (an 844's memo is its header's).
  const memos = format === 'x12' ? null : new DebitMemoColumn(meta.debitMemoNumber);
  /** A row whose amounts a claim line cannot carry (its quantity times the book cost the engine will use, among others) is a row error. */
  const amountRefusal = (row: PosInsertRow) => {
    const bookCost = (row.productId !== null ? bookCostOn(row.productId, row.invoiceDate) : null) ?? row.bookCost;
    // a small object, not a copy of the row: this runs for every row of a million-line file
    const problem = claimLineAmountProblem({
      quantity: row.quantity,
      claimedAmount: row.claimedAmount,
      bookCost,
      authorizedCost: row.authorizedCost,
    });
    if (problem === null) return null;
    const value = problem.field === 'bookCost' ? bookCost : row[problem.field];
    return { column: problem.field, code: 'AMOUNT_TOO_LARGE' as const, message: `${problem.field} "${value}" ${problem.message}` };
  };
  /**
   * A negative amount never reaches a claim line (its claimed total would fall below its approved
   * one): the reader refuses it on a sale and keeps a return's as its value, and a claim file
   * refuses returns; this holds it for any row source all the same.
   */
  const negativeRefusal = (
    row: PosInsertRow,
    header: (field: 'claimedAmount' | 'bookCost' | 'authorizedCost' | 'resalePrice') => string,
  ) => {
    for (const field of ['claimedAmount', 'bookCost', 'authorizedCost', 'resalePrice'] as const) {
      const value = row[field];
      if (value !== null && value.charCodeAt(0) === 45)
        return {
          column: field,
          code: 'NEGATIVE_AMOUNT' as const,
          message: `${header(field)} "${value}" is negative: a claim line's amounts are never below zero`,
        };
    }
    return null;
  };
  const refuse: RowRefusal = (row, header) => memos?.refuse(row, header) ?? negativeRefusal(row, header) ?? amountRefusal(row);
  let run: ClaimFileRun | null = null;
  const stream = (ledger: Transaction | null) =>
    runCsvImport(actor, importId, input, {
      keepRunning: true,
      target: async (importId, products) => {
        await repo.setClaimImport(claimId, importId, ledger);
        // The engine resolves parts with the same maps the job resolves its rows with.
        const parts: PartResolver = {
          vendor: (part) => products.byVendor.get(normalizeCode(part)),
          distributor: (part) => products.byDistributor.get(normalizeCode(part)),
        };
        run = new ClaimFileRun(
          actor,
          distributorId,
          claimId,
          await settlement.lastClaimLineId(),
          ledger,
          bookCostOn,
          parts,
          minorUnitExponent(currency),
        );
        const sink = async (rows: PosInsertRow[]) => {
          // Once the rows name two memos the file is refused at its end: its rows are only read.
          if (memos?.mixed) return rows.length;
          await memos?.checkFree(distributorId);
          return run!.add(rows);
        };
        // the file's amounts are read in the claim's currency: one in another is a row error
        return { sink, refuse, currency };
      },
    });
  /** The ledger step and the submit, then the answer; the job completes with them. */
  const settle = async (job: Awaited<ReturnType<typeof runCsvImport>>, ledger: Transaction): Promise<ClaimFileResult> => {
    const r = run as ClaimFileRun | null;
    if (!r) throw new AppError('INTERNAL', 'the claim file run did not start', 500);
    await r.drain();
    if (memos?.mixed) throw memos.mixedError(job.id);
    if (r.lines === 0) throw await noClaimLines(job);
    // The claim takes the one memo its rows name (the request naming none), under the unique key.
    const memoFromRows = memos?.fromRows ?? null;
    if (memoFromRows !== null) await repo.setDraftDebitMemo(claimId, distributorId, memoFromRows, ledger);
    let lost: { accepted: number; partial: number };
    let totals: ClaimTotals;
    try {
      ({ lost, totals } = await r.settle(ledger));
      // A claim its lines' amounts add up past (DECIMAL(18,4)): refused whole, naming it.
      checkClaimTotals(claimNumber, totals);
    } catch (err) {
      // SQLite only (MariaDB holds the lines locked): another claim took the same units meanwhile.
      if (settlement.refusedByCounters(err))
        throw new AppError(
          'LEDGER_CHANGED',
          'another claim took units of the same authorization lines while the file ran: send it again',
          409,
        );
      // a sum past what SQLite's integers hold: the claim's total is far beyond its column
      if (err instanceof MoneyFormatError) throw claimTotalTooLarge(claimNumber);
      throw err;
    }
    // The claim is the caller's own (it was created for this actor's distributor above).
    const { claim } = await submitBuiltClaim(
      actor,
      claimId,
      ledger,
      {
        importId: job.id,
        lostToOtherClaims: lost.accepted + lost.partial,
        // the debit memo the claim took from its rows (created without one)
        ...(memoFromRows !== null ? { debitMemoNumber: memoFromRows, debitMemoFrom: 'file' } : {}),
      },
      totals,
    );
    r.tally.lost(lost);
    const result: ClaimFileResult = {
      claim,
      importId: job.id,
      rows: { read: job.rowsRead, rejected: job.rowsRejected },
      lines: { ...r.tally.counts, lostToOtherClaims: lost.accepted + lost.partial },
    };
    // The claim, the ledger and the job's end commit together: a job retried after this finds it done.
    await completeImport(actor, job.id, result, ledger);
    return result;
  };
  try {
    if (settlement.concurrentWriters()) {
      // One ledger transaction for the whole file; read committed, so its statements see the
      // lines the other connections wrote.
      return await settlement.inTransaction(async (ledger) => settle(await stream(ledger), ledger), { readCommitted: true });
    }
    // SQLite has one writer: a transaction held open for the whole file would lock the job's own
    // progress writes out. The lines go in first; the ledger step is one short transaction.
    const job = await stream(null);
    // Its last claim lines are still on their way, each waiting for its turn among the writers:
    // they go in before the ledger transaction takes the write lock, not inside it (where they
    // would wait for that transaction, and it for them).
    await (run as ClaimFileRun | null)?.drain();
    return await settlement.inTransaction((ledger) => settle(job, ledger));
  } catch (err) {
    // Nothing of a failed run stays: its lines and its draft claim go, the ledger never moved.
    await discardBuiltDraft(actor, claimId, err instanceof AppError ? err.message : 'the claim file could not be processed').catch(
      () => undefined,
    );
    throw err;
  }
}
