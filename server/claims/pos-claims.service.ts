/**
 * Implicit and automatic claims from an imported POS file, in bulk: a million lines in one run.
 *
 * - implicit: lines that carry an authorization number; one claim per debit memo (lines without
 *   one, or groupBy 'period', go by calendar month of the invoice date).
 * - automatic: lines without a number are matched to the best live authorization line by
 *   distributor, product, end customer and date (see `bestAuthorizationLine`), one claim per month.
 *
 * The import's lines are read in keyset pages. Each page runs in one transaction: it locks the
 * authorization lines its numbers name (in id order, as a claim's submit does) and reads what
 * they still have to give, runs the rules engine over the page, writes the claim lines with their
 * verdicts, and takes the ledger's consumptions and quantities in set-based statements under the
 * database's unique key and consumed ≤ approved constraint. A page that loses a race (deadlock,
 * a POS line taken meanwhile) is rolled back and done again from fresh figures. The next page is
 * read while the current one is written. Claims stay `draft` while lines are added and are
 * submitted at the end with totals summed by the database from their lines; a run that stopped
 * part-way is finished by the next run.
 */
import { createValidator, type AuthorizationLineFact, type ClaimLineInput, type CompactVerdicts } from '../../core/claims/engine.js';
import { toClaimLineInput } from '../../core/claims/from-pos.js';
import { bestAuthorizationLine, type MatchableAuthorizationLine } from '../../core/claims/matching.js';
import { posKey, RULE_NAMES } from '../../core/claims/rules.js';
import { minorUnitExponent } from '../../core/currency.js';
import { statusAfterSubmit } from '../../core/claims/status.js';
import type { ClaimType } from '../../core/domain.js';
import { lineCredit, moneyToString, parseMoney } from '../../core/money.js';
import type { Tx as Transaction } from '../database.repository.js';
import type { Cell } from '../../models/bulk.js';
import { storedInputs } from './verdict-inputs.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { conflict, errorText, notFound } from '../errors.js';
import { documentNumber } from '../http/numbers.js';
import * as imports from '../imports/imports.repository.js';
import { raiseEvent } from '../notifications/events.js';
import * as settlement from '../settlement/settlement.service.js';
import type { ClaimRange } from '../settlement/settlement.service.js';
import * as repo from './claims.repository.js';
import { claimCurrency, claimSubmitted } from './claims.service.js';
import { authorizationFacts, bookCosts, importParts } from './facts.repository.js';
import {
  CLAIM_LINE,
  claimTotals,
  newClaimLineBatch,
  nextPage,
  unfinishedClaims,
  writePage,
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
  lines: { claimed: number; accepted: number; partial: number; rejected: number };
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
  /deadlock|lock wait timeout|Duplicate entry|UNIQUE constraint|SQLITE_BUSY|ledger: |consumed quantity outside|CONSTRAINT .*chk_consumed|check constraint/i;

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
  const distributorId = job.distributorId;
  const currency = await claimCurrency(distributorId, options.currency);
  const exponent = minorUnitExponent(currency);
  const pageSize = options.pageSize ?? 10_000;
  const finished = new Set<number>();
  for (const id of await unfinishedClaims(importId)) finished.add(id);

  const [facts, parts, bookCostOn] = await Promise.all([
    authorizationFacts(importId, distributorId, mode !== 'implicit'),
    importParts(importId, distributorId),
    bookCosts(distributorId),
  ]);
  const factByLine = new Map<number, AuthorizationLineFact>(facts.map((f) => [f.authorizationLineId, f]));
  const costByNumberAndProduct = new Map<string, string>();
  for (const f of facts) costByNumberAndProduct.set(`${f.authorizationNumber}\u0000${f.productId}`, f.authorizedCost);
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
  const taken = new Map<number, number>();
  const groups = new Map<string, Group>();
  const unmatched: ClaimImportResult['unmatched'] = [];
  let unmatchedCount = 0;
  const counts = { claimed: 0, accepted: 0, partial: 0, rejected: 0 };

  /** Maps a page's POS lines to engine lines and claim groups (automatic ones get their best match). */
  function prepare(page: PagePosLine[]): Prepared[] {
    const out: Prepared[] = [];
    for (const p of page) {
      let authorizationNumber = p.authorizationNumber;
      let authorizedCost = p.authorizedCost;
      let type: ClaimType = 'implicit';
      if (!authorizationNumber) {
        const best = bestAuthorizationLine(p, candidatesByProduct.get(p.productId ?? -1) ?? [], taken);
        if (!best) {
          unmatchedCount++;
          if (unmatched.length < UNMATCHED_LISTED)
            unmatched.push({ posLineId: p.id, invoiceNumber: p.invoiceNumber, invoiceLine: p.invoiceLine, reason: 'NO_POS_MATCH' });
          continue;
        }
        taken.set(best.authorizationLineId, (taken.get(best.authorizationLineId) ?? 0) + p.quantity);
        authorizationNumber = best.authorizationNumber;
        authorizedCost = best.authorizedCost;
        type = 'automatic';
      } else if (authorizedCost === null && p.productId !== null) {
        authorizedCost = costByNumberAndProduct.get(`${authorizationNumber}\u0000${p.productId}`) ?? null;
      }
      // The vendor's book cost on record wins over the one reported; the line keeps the reported one in its inputs.
      const bookCost = (p.productId !== null ? bookCostOn(p.productId, p.invoiceDate) : null) ?? p.bookCost;
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
        key: memo ? `memo:${memo}` : `${type}:${p.invoiceDate.slice(0, 7)}`,
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

  /** One page in one transaction; returns the page's new groups and line counts once committed. */
  async function runPage(page: PagePosLine[]) {
    // What prepare() counts across pages, to put back when the page is done again.
    const takenBefore = new Map(taken);
    const unmatchedBefore = { count: unmatchedCount, listed: unmatched.length };
    const prepared = prepare(page);
    if (!prepared.length) return;
    let numbers = [...new Set(prepared.map((x) => x.line.authorizationNumber!))].sort();
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await settlement.inTransaction(async (t) => {
          // Fresh figures under lock: what each authorization line still has to give.
          const available = await settlement.lockAuthorizationLines(numbers, t);
          for (const [lineId, left] of available) {
            const f = factByLine.get(lineId);
            if (f) f.consumedQuantity = f.approvedQuantity - left;
          }
          const consumedKeys = new Set<string>();
          for (const x of prepared) if (x.pos.consumed) consumedKeys.add(posKey(x.pos.invoiceNumber, x.pos.invoiceLine));
          const validator = createValidator({
            authorizationLines: numbersFacts(numbers),
            productsByVendorPart: parts.byVendorPart,
            productsByDistributorPart: new Map([[distributorId, parts.byDistributorPart]]),
            consumedPosKeys: new Map([[distributorId, consumedKeys]]),
          });
          // Claim groups: the ones this run already has, and the new ones (created in this transaction).
          const fresh = new Map<string, Group>();
          const next = new Map<string, number>();
          const lines: ClaimLineInput[] = [];
          for (const x of prepared) {
            let g = groups.get(x.key) ?? fresh.get(x.key);
            if (!g) {
              let memo = x.debitMemoNumber;
              // A debit memo already claimed stays one claim; its new lines are claimed by period instead.
              if (memo && (await repo.findClaimIdByDebitMemo(distributorId, memo, t))) {
                memo = null;
                x.key = `${x.type}:${x.pos.invoiceDate.slice(0, 7)}`;
                g = groups.get(x.key) ?? fresh.get(x.key);
              }
              if (!g) {
                g = await createClaim(actor, importId, distributorId, x.type, memo, currency, t);
                fresh.set(x.key, g);
              }
            }
            const n = next.get(x.key) ?? g.nextLine;
            next.set(x.key, n + 1);
            lines.push({ ...x.line, lineNumber: n });
          }
          const v = validator.validate(distributorId, lines, {
            minorUnitExponent: exponent,
            submittedOn: new Date().toISOString().slice(0, 10),
          });
          const rows = newClaimLineBatch();
          const cells: Cell[] = [];
          const ranges: ClaimRange[] = [];
          let consumptions = 0;
          const pageCounts = { accepted: 0, partial: 0, rejected: 0 };
          for (let i = 0; i < prepared.length; i++) {
            const x = prepared[i]!;
            const g = groups.get(x.key) ?? fresh.get(x.key)!;
            const verdict = v.verdict[i]!;
            pageCounts[VERDICTS[verdict]!]++;
            if (verdict !== 2 && v.acceptedQuantity[i]! > 0) consumptions++;
            cells[CLAIM_LINE.claim_id] = g.claimId;
            rows.add(claimLineCells(v, i, x, factOf(v, i), cells));
          }
          for (const [key, last] of next) {
            const g = groups.get(key) ?? fresh.get(key)!;
            ranges.push({ claimId: g.claimId, first: g.nextLine, last: last - 1 });
          }
          await writePage(rows, distributorId, t);
          await settlement.takePageLines(ranges, consumptions, t);
          return { fresh, next, pageCounts };
        });
        for (const [key, g] of outcome.fresh) groups.set(key, g);
        for (const [key, n] of outcome.next) groups.get(key)!.nextLine = n;
        counts.claimed += prepared.length;
        counts.accepted += outcome.pageCounts.accepted;
        counts.partial += outcome.pageCounts.partial;
        counts.rejected += outcome.pageCounts.rejected;
        return;
      } catch (err) {
        if (attempt >= 5 || !RETRIABLE.test(errorText(err))) throw err;
        // Another claim took lines or quantity meanwhile: the page is done again from fresh figures,
        // after a pause that grows (two runs that keep meeting should not retry in lockstep).
        await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt + Math.random() * 25));
        const again = await nextPage(importId, page[0]!.id - 1, page.length, mode);
        const ids = new Set(page.map((p) => p.id));
        taken.clear();
        for (const [k, v] of takenBefore) taken.set(k, v);
        unmatchedCount = unmatchedBefore.count;
        unmatched.length = unmatchedBefore.listed;
        prepared.splice(0, prepared.length, ...prepare(again.filter((p) => ids.has(p.id))));
        if (!prepared.length) return;
        numbers = [...new Set(prepared.map((x) => x.line.authorizationNumber!))].sort();
      }
    }
  }

  const factsByNumber = new Map<string, AuthorizationLineFact[]>();
  for (const f of facts) {
    const list = factsByNumber.get(f.authorizationNumber) ?? [];
    list.push(f);
    factsByNumber.set(f.authorizationNumber, list);
  }
  function numbersFacts(numbers: string[]): AuthorizationLineFact[] {
    return numbers.flatMap((n) => factsByNumber.get(n) ?? []);
  }

  // Read the next page while the current one is validated and written.
  let afterId = 0;
  let pending = nextPage(importId, afterId, pageSize, mode);
  for (;;) {
    const page = await pending;
    if (!page.length) break;
    afterId = page[page.length - 1]!.id;
    pending = nextPage(importId, afterId, pageSize, mode);
    pending.catch(() => undefined);
    await runPage(page);
  }

  const claims: ClaimImportResult['claims'] = [];
  for (const g of groups.values()) finished.add(g.claimId);
  for (const id of [...finished].sort((a, b) => a - b)) claims.push(await submitBuilt(actor, id));
  await recordAudit(actor, {
    action: 'pos_import.claimed',
    entityType: 'pos_import',
    entityId: importId,
    distributorId,
    after: { mode, groupBy, currency, claims: claims.map((c) => c.number), lines: counts, unmatched: unmatchedCount },
  });
  return { claims, unmatched, unmatchedCount, lines: counts };
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
export async function submitBuiltClaim(actor: Actor, claimId: number, t: Transaction, note: Record<string, unknown> = {}) {
  const totals = await claimTotals(claimId, t);
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

async function submitBuilt(actor: Actor, claimId: number): Promise<ClaimImportResult['claims'][number]> {
  return settlement.inTransaction(async (t) => {
    const { claim, totals } = await submitBuiltClaim(actor, claimId, t);
    return {
      id: claimId,
      number: claim.number,
      type: claim.type,
      debitMemoNumber: claim.debitMemoNumber,
      currency: claim.currency,
      status: claim.status,
      lineCount: totals.lines,
      rejectedLines: totals.rejected,
      claimedTotal: totals.claimedTotal,
      approvedTotal: totals.approvedTotal,
    };
  });
}
