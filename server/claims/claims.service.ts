import { validateClaimLines, type AuthorizationLineFact, type ClaimLineInput as EngineLine } from '../../core/claims/engine.js';
import { toClaimLineInput } from '../../core/claims/from-pos.js';
import { minorUnitExponent } from '../../core/currency.js';
import { statusAfterSubmit } from '../../core/claims/status.js';
import { canonicalPosKeyParts, posKey, posKeyProblem } from '../../core/claims/pos-key.js';
import { debitMemoKeyProblem } from '../../core/claims/debit-memo-key.js';
import type { ReasonCode } from '../../core/domain.js';
import { authorizeBlock } from '../../core/permissions.js';
import { lineCredit, Money, moneyToString, parseMoney, sumMoney } from '../../core/money.js';
import type { Actor } from '../auth/actor.js';
import type { Tx } from '../database.repository.js';
import { actingUserIds, distributorFilter, scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, conflict, notFound } from '../errors.js';
import { documentNumber } from '../http/numbers.js';
import { raiseEvent } from '../notifications/events.js';
import * as settlement from '../settlement/settlement.service.js';
import * as repo from './claims.repository.js';
import * as facts from './facts.repository.js';
import { claimTotals } from './pos-claims.repository.js';
import type { ClaimInput, ClaimLineView, ClaimQuery, ClaimView } from './claims.schemas.js';

const total = (values: string[]) => moneyToString(sumMoney(values.map(parseMoney)));

/**
 * The currency of a distributor's claim: its own. A claim in another is refused (422) until
 * conversion exists; `requested` absent means the distributor's.
 */
export async function claimCurrency(distributorId: number, requested: string | null | undefined, field = 'currency'): Promise<string> {
  const own = await repo.distributorCurrency(distributorId);
  if (!own)
    throw new AppError('DISTRIBUTOR_WITHOUT_CURRENCY', 'this distributor has no currency on record: an administrator sets it first', 409);
  const asked = requested?.trim().toUpperCase();
  if (asked && asked !== own)
    throw new AppError('CURRENCY_MISMATCH', `this distributor's authorizations and claims are in ${own}, not ${asked}`, 422, {
      errors: [{ field, message: `must be ${own} (the distributor's currency); no conversion is done` }],
    });
  return own;
}

/**
 * Refuses a debit memo number that makes no key (empty, or too long, once canonical: 400 naming
 * `field`), or that a standing claim of the distributor holds under any spelling (409, the same
 * for `dm-1 ` as for `DM-1`; a claim rejected whole lets go of it). Every path that creates a claim
 * with a debit memo asks this first; the unique key on the canonical key settles a race.
 */
export async function debitMemoFree(distributorId: number, debitMemoNumber: string | null | undefined, field = 'debitMemoNumber') {
  if (!debitMemoNumber) return;
  const problem = debitMemoKeyProblem(debitMemoNumber);
  if (problem) throw new AppError('VALIDATION_FAILED', `${field} ${problem}`, 400, { errors: [{ field, message: problem }] });
  const existing = await repo.findClaimIdByDebitMemo(distributorId, debitMemoNumber);
  if (existing) throw new AppError('CLAIM_ALREADY_EXISTS', `debit memo ${debitMemoNumber} was already claimed`, 409, { claimId: existing });
}

export async function createClaim(actor: Actor, input: ClaimInput): Promise<ClaimView> {
  const distributorId = actor.distributorId!;
  const currency = await claimCurrency(distributorId, input.currency);
  await debitMemoFree(distributorId, input.debitMemoNumber);
  const lines: repo.NewClaimLine[] = input.lines.map((l, i) => {
    const keyProblem = posKeyProblem(l.invoiceNumber, l.invoiceLine);
    if (keyProblem)
      throw new AppError('VALIDATION_FAILED', `lines.${i}.${keyProblem.field} ${keyProblem.message}`, 400, {
        errors: [{ field: `lines.${i}.${keyProblem.field}`, message: keyProblem.message }],
      });
    const bookCost = parseMoney(l.bookCost);
    const claimed = l.claimedAmount
      ? settlement.payableAmount(l.claimedAmount, currency, `lines.${i}.claimedAmount`)
      : lineCredit(bookCost, parseMoney(l.authorizedCost!), l.quantity, minorUnitExponent(currency));
    return {
      ...canonicalPosKeyParts(l.invoiceNumber, l.invoiceLine),
      lineNumber: i + 1,
      authorizationNumber: l.authorizationNumber,
      authorizationLineId: null,
      authorizationVersion: null,
      productId: null,
      vendorPartNumber: l.vendorPartNumber ?? null,
      distributorPartNumber: l.distributorPartNumber ?? null,
      // the router turned an endCustomerId into its name (the name is what the line claims)
      endCustomerId: null,
      endCustomerName: l.endCustomerName ?? null,
      invoiceNumber: l.invoiceNumber,
      invoiceLine: l.invoiceLine,
      invoiceDate: l.invoiceDate,
      shipDate: l.shipDate ?? null,
      quantity: l.quantity,
      bookCost: moneyToString(bookCost),
      authorizedCost: l.authorizedCost ? moneyToString(parseMoney(l.authorizedCost)) : null,
      resalePrice: l.resalePrice ? moneyToString(parseMoney(l.resalePrice)) : null,
      claimedAmount: moneyToString(claimed),
      computedAmount: '0',
      acceptedQuantity: 0,
      approvedAmount: '0',
      verdict: 'pending',
      rule: null,
      resubmissionOfLineId: null,
      adjustedByUserId: null,
      extra: l.extra ?? null,
    };
  });
  const id = await settlement.inTransaction((t) =>
    repo.insertClaim(
      {
        number: documentNumber('CLM'),
        distributorId,
        type: 'explicit',
        debitMemoNumber: input.debitMemoNumber,
        currency,
        claimedTotal: total(lines.map((l) => l.claimedAmount)),
        createdByUserId: actor.userId,
      },
      lines,
      t,
    ),
  );
  await recordAudit(actor, {
    action: 'claim.created',
    entityType: 'claim',
    entityId: id,
    distributorId,
    after: { lines: lines.length, claimedTotal: total(lines.map((l) => l.claimedAmount)) },
  });
  return input.submit ? submitClaim(actor, id) : (await repo.findClaim(scopeOf(actor), id, { lines: true }))!;
}

export async function getClaim(actor: Actor, id: number) {
  const c = await repo.findClaim(scopeOf(actor), id, { lines: true });
  if (!c) throw notFound('claim');
  return c;
}

/** A claim without its lines (a client pages them from GET /api/claims/:id/lines). */
export async function getClaimHeader(actor: Actor, id: number) {
  const c = await repo.findClaim(scopeOf(actor), id);
  if (!c) throw notFound('claim');
  return c;
}

/** A distributor user naming another distributor's `distributorId` is refused (403), never answered with its own claims. */
export const listClaims = (actor: Actor, q: ClaimQuery) =>
  repo.listClaims(scopeOf(actor), { ...q, distributorId: distributorFilter(actor, q.distributorId) });

/** A page of a claim's lines (a claim built from a file can hold hundreds of thousands). */
export async function getClaimLines(actor: Actor, id: number, after: number, limit: number) {
  const claim = await repo.findClaim(scopeOf(actor), id);
  if (!claim) throw notFound('claim');
  const page = await repo.claimLinesPage(id, after, limit);
  return { ...page, total: claim.lineCount, next: page.nextCursor ? page.items[page.items.length - 1]!.lineNumber : null };
}

const toEngineLine = (l: ClaimLineView, bookCost: string): EngineLine =>
  toClaimLineInput(l, {
    lineNumber: l.lineNumber,
    bookCost,
    endCustomerId: l.endCustomerId,
    extra: (l.extra ?? undefined) as EngineLine['extra'],
  });

/**
 * Validates every line with the rules engine, then takes each accepted line's POS line and
 * quantity from the ledger in the same transaction; a line that loses a race is rejected with
 * the reason the database gave.
 */
/**
 * Runs `work` in the caller's transaction when it has one (a dispute decision that adjusts a line
 * and records the decision as one change), else in a transaction of its own.
 */
export function within<T>(transaction: Tx | undefined, work: (t: Tx) => Promise<T>): Promise<T> {
  return transaction ? work(transaction) : settlement.inTransaction(work);
}

export async function submitClaim(actor: Actor, id: number, transaction?: Tx): Promise<ClaimView> {
  const scope = scopeOf(actor);
  await within(transaction, async (t) => {
    const claim = await repo.findClaim(scope, id, { transaction: t });
    if (!claim) throw notFound('claim');
    if (claim.status !== 'draft') throw conflict('CLAIM_NOT_DRAFT', `the claim is ${claim.status}`);
    if (claim.posImportId !== null)
      throw conflict('CLAIM_BEING_BUILT', `lines of import ${claim.posImportId} are still being added; it is submitted when they are in`);
    const lines = await repo.claimLinesForValidation(id, t);
    const authorizationNumbers = [...new Set(lines.map((l) => l.authorizationNumber).filter((x): x is string => !!x))];
    await settlement.lockAuthorizationLines(authorizationNumbers, t);
    const distributorId = claim.distributorId;
    const [authorizationLines, parts, bookCostOn, consumed] = await Promise.all([
      facts.authorizationFactsForNumbers(authorizationNumbers, distributorId, t, false),
      facts.partsNamed(
        distributorId,
        [...new Set(lines.map((l) => l.vendorPartNumber).filter((x): x is string => !!x))],
        [...new Set(lines.map((l) => l.distributorPartNumber).filter((x): x is string => !!x))],
        t,
      ),
      facts.bookCosts(distributorId, t),
      settlement.consumedKeys(
        distributorId,
        lines.map((l) => l.invoiceKey),
        t,
      ),
    ]);
    const byNumber = new Map<string, AuthorizationLineFact[]>();
    for (const f of authorizationLines) byNumber.set(f.authorizationNumber, [...(byNumber.get(f.authorizationNumber) ?? []), f]);
    // The vendor's book cost on record wins over the one claimed; the line keeps both in its inputs.
    const engineLines: EngineLine[] = lines.map((l) => {
      const productId =
        (l.vendorPartNumber && parts.byVendorPart.get(l.vendorPartNumber)) ||
        (l.distributorPartNumber && parts.byDistributorPart.get(l.distributorPartNumber)) ||
        null;
      return toEngineLine(l, (productId ? bookCostOn(productId, l.invoiceDate) : null) ?? l.bookCost);
    });
    const verdicts = validateClaimLines(
      engineLines,
      {
        distributorId: claim.distributorId,
        authorizationLines: (n) => byNumber.get(n) ?? [],
        productByVendorPart: (p) => parts.byVendorPart.get(p),
        productByDistributorPart: (p) => parts.byDistributorPart.get(p),
        isConsumed: (inv, line) => consumed.has(posKey(inv, line)),
      },
      // submitted today (UTC): a line past its program's claim filing window is FILING_WINDOW_CLOSED
      { minorUnitExponent: minorUnitExponent(claim.currency), submittedOn: new Date().toISOString().slice(0, 10) },
    );

    let programId: number | null = null;
    let programType: string | null = null;
    const computed: string[] = [];
    const approved: string[] = [];
    // The ledger takes every accepted line's sale and quantity, in line order; a line that loses a race is rejected.
    const taken = await settlement.takeLines(
      verdicts.flatMap((v, i) =>
        v.acceptedQuantity > 0 && v.authorizationLineId !== null
          ? [
              {
                distributorId: claim.distributorId,
                invoiceNumber: lines[i]!.invoiceNumber,
                invoiceLine: lines[i]!.invoiceLine,
                invoiceKey: lines[i]!.invoiceKey,
                lineKey: lines[i]!.lineKey,
                claimLineId: lines[i]!.id,
                authorizationLineId: v.authorizationLineId,
                quantity: v.acceptedQuantity,
              },
            ]
          : [],
      ),
      t,
    );
    // Every line's verdict, written together once all are known.
    const patches: { id: number; patch: repo.LinePatch }[] = [];
    for (const [i, v] of verdicts.entries()) {
      const line = lines[i];
      let verdict: ClaimLineView['verdict'] = v.verdict;
      let reasons: ReasonCode[] = [...v.reasonCodes];
      let acceptedQuantity = v.acceptedQuantity;
      let computedAmount = v.computedAmount;
      const outcome = taken.get(line.id);
      if (outcome !== undefined && outcome !== 'consumed') {
        verdict = 'rejected';
        reasons = [...reasons, outcome === 'already_claimed' ? 'ALREADY_CLAIMED' : 'QTY_EXCEEDS_APPROVED'];
        acceptedQuantity = 0;
        computedAmount = moneyToString(new Money(0));
      }
      const approvedAmount =
        verdict === 'rejected'
          ? new Money(0)
          : settlement.toMinorUnits(Money.min(parseMoney(computedAmount), parseMoney(line.claimedAmount)), claim.currency);
      computed.push(computedAmount);
      approved.push(moneyToString(approvedAmount));
      const fact =
        v.authorizationLineId !== null ? authorizationLines.find((f) => f.authorizationLineId === v.authorizationLineId) : undefined;
      if (fact && programId === null) {
        programId = fact.programId;
        programType = fact.programType;
      }
      // The line keeps the book cost its credit was computed from (the vendor's on record, as a
      // claim file's line does); a different one claimed stays in its inputs.
      const bookCost = engineLines[i]!.bookCost;
      const claimedBookCost = bookCost !== line.bookCost ? line.bookCost : null;
      patches.push({
        id: line.id,
        patch: {
          verdict,
          reasonCodes: reasons,
          rule: v.rule,
          verdictInputs: claimedBookCost === null ? v.inputs : { ...v.inputs, claimedBookCost },
          ...(claimedBookCost === null ? {} : { bookCost }),
          acceptedQuantity,
          computedAmount,
          approvedAmount: moneyToString(approvedAmount),
          authorizationLineId: v.authorizationLineId,
          authorizationVersion: v.authorizationVersion,
          productId: fact?.productId ?? null,
        },
      });
    }
    await repo.updateLines(patches, t);
    const approvedTotal = total(approved);
    const status = statusAfterSubmit(approvedTotal);
    await repo.updateClaim(
      id,
      { status, programId, programType, computedTotal: total(computed), approvedTotal, submittedAt: new Date() },
      t,
    );
    await settlement.accrueClaim(id, actor.userId, t);
    await recordAudit(
      actor,
      {
        action: 'claim.submitted',
        entityType: 'claim',
        entityId: id,
        distributorId: claim.distributorId,
        before: { status: claim.status },
        after: {
          status,
          computedTotal: total(computed),
          approvedTotal,
          rejectedLines: verdicts.filter((v) => v.verdict === 'rejected').length,
        },
      },
      t,
    );
    raiseEvent(claimSubmitted(actor, { ...claim, status, approvedTotal }), t);
  });
  return (await repo.findClaim(scope, id, { lines: true, transaction }))!;
}

/** The event of a submitted claim, however it was submitted (a form, a claim file, a claim run). */
export function claimSubmitted(
  actor: Pick<Actor, 'userId'>,
  claim: { id: number; number: string; distributorId: number; status: string; approvedTotal: string; currency: string },
) {
  return {
    name: 'claim.submitted' as const,
    distributorId: claim.distributorId,
    entityType: 'claim',
    entityId: claim.id,
    actorUserId: actor.userId,
    summary: `Claim ${claim.number} submitted: ${claim.approvedTotal} ${claim.currency} approved by the rules, now ${claim.status}`,
    data: { claimId: claim.id, number: claim.number, status: claim.status, approvedTotal: claim.approvedTotal, currency: claim.currency },
  };
}

/**
 * Finance sets the amount approved for one line, with a reason, through the settlement service:
 * 0 rejects it and frees its sale; a positive amount on a line that holds no sale takes it from
 * the ledger first (or is refused).
 */
export async function adjustLine(
  actor: Actor,
  claimId: number,
  lineId: number,
  approvedAmountText: string,
  reason: string,
  transaction?: Tx,
) {
  const scope = scopeOf(actor);
  await within(transaction, async (t) => {
    const claim = await repo.findClaim(scope, claimId, { transaction: t });
    if (!claim) throw notFound('claim');
    // (a claim not in review is refused by the settlement step: CLAIM_NOT_IN_REVIEW)
    const amount = settlement.payableAmount(approvedAmountText, claim.currency, 'approvedAmount');
    const outcome = await settlement.setLineAmount(
      { claimId, lineId, distributorId: claim.distributorId, currency: claim.currency, amount, userId: actor.userId },
      t,
    );
    const { computedTotal, approvedTotal } = await claimTotals(claimId, t);
    await repo.updateClaim(claimId, { computedTotal, approvedTotal }, t);
    await settlement.accrueClaim(claimId, actor.userId, t);
    await recordAudit(
      actor,
      {
        action: 'claim_line.adjusted',
        entityType: 'claim_line',
        entityId: lineId,
        distributorId: claim.distributorId,
        before: outcome.before,
        after: { ...outcome.after, ledger: outcome.ledger, claimApprovedTotal: approvedTotal },
        reason,
      },
      t,
    );
  });
  return (await repo.findClaim(scope, claimId, { lines: true, transaction }))!;
}

/** Authorizes a reviewed claim for payment; whoever adjusted a line may not authorize it. */
export async function authorizeClaim(actor: Actor, claimId: number) {
  const scope = scopeOf(actor);
  await settlement.inTransaction(async (t) => {
    const claim = await repo.findClaim(scope, claimId, { transaction: t });
    if (!claim) throw notFound('claim');
    const review = (await repo.claimReviews([claimId], t)).get(claimId)!;
    // Whoever acts: the user, and whoever opened its embedded session for it (an admin's token).
    const blocked = actingUserIds(actor)
      .map((id) => authorizeBlock(id, claim, review.adjustedByUserIds))
      .reduce((a, b) => a ?? b, null);
    if (blocked === 'not_in_review') throw conflict('CLAIM_NOT_IN_REVIEW', `the claim is ${claim.status}`);
    if (blocked === 'own_adjustment') {
      throw new AppError('SELF_APPROVAL_FORBIDDEN', 'you adjusted a line of this claim: another person must authorize it', 403);
    }
    if (blocked === 'nothing_approved') throw conflict('NOTHING_TO_AUTHORIZE', 'no amount is approved on this claim');
    await repo.updateClaim(claimId, { status: 'authorized', authorizedAt: new Date(), authorizedByUserId: actor.userId }, t);
    await recordAudit(
      actor,
      {
        action: 'claim.authorized',
        entityType: 'claim',
        entityId: claimId,
        distributorId: claim.distributorId,
        before: { status: claim.status },
        after: { status: 'authorized', approvedTotal: claim.approvedTotal },
      },
      t,
    );
    raiseEvent(
      {
        name: 'claim.authorized',
        distributorId: claim.distributorId,
        entityType: 'claim',
        entityId: claimId,
        actorUserId: actor.userId,
        summary: `Claim ${claim.number} authorized for payment: ${claim.approvedTotal} ${claim.currency}`,
        data: { claimId, number: claim.number, approvedTotal: claim.approvedTotal, currency: claim.currency },
      },
      t,
    );
  });
  return (await repo.findClaim(scope, claimId, { lines: true }))!;
}

/** Pays an authorized claim: issues its credit memo for the approved total. */
export async function payClaim(actor: Actor, claimId: number, externalRef: string | null) {
  const scope = scopeOf(actor);
  await settlement.inTransaction(async (t) => {
    const claim = await repo.findClaim(scope, claimId, { transaction: t });
    if (!claim) throw notFound('claim');
    if (claim.status !== 'authorized') throw conflict('CLAIM_NOT_AUTHORIZED', `the claim is ${claim.status}`);
    await settlement.requireErpReference(externalRef, t);
    const number = documentNumber('CM');
    const now = new Date();
    const memoId = await repo.insertCreditMemo(
      {
        number,
        claimId,
        distributorId: claim.distributorId,
        amount: claim.approvedTotal,
        currency: claim.currency,
        issuedAt: now,
        issuedByUserId: actor.userId,
        externalRef,
      },
      t,
    );
    // Returns of the claim's own sales not yet taken back (sent before the sale was claimed, in the
    // same file, or while the claim was in review) become debits now; then the distributor's open
    // debits in this currency come off the memo, never below zero (the settlement service).
    const returns = await settlement.reverseReturnsOfClaim(claimId, actor.userId, t);
    if (returns.reversed.length)
      await recordAudit(
        actor,
        {
          action: 'settlement.returns_reversed',
          entityType: 'claim',
          entityId: claimId,
          distributorId: claim.distributorId,
          after: { ...returns },
        },
        t,
      );
    const { net, applied } = await settlement.applyDebits(claim.distributorId, claim.currency, claim.approvedTotal, memoId, t);
    if (applied !== '0.0000') await repo.setCreditMemoAmount(memoId, net, t);
    await repo.updateClaim(claimId, { status: 'paid', paidAt: now }, t);
    await settlement.postCreditMemo(
      {
        source: 'claim',
        sourceId: claimId,
        sourceNumber: claim.number,
        distributorId: claim.distributorId,
        programType: claim.programType,
        currency: claim.currency,
        gross: claim.approvedTotal,
        net,
        creditMemoNumber: number,
        externalRef,
        userId: actor.userId,
      },
      t,
    );
    await recordAudit(
      actor,
      {
        action: 'credit_memo.issued',
        entityType: 'claim',
        entityId: claimId,
        distributorId: claim.distributorId,
        after: { creditMemo: number, amount: net, approvedTotal: claim.approvedTotal, debitsApplied: applied, currency: claim.currency },
      },
      t,
    );
    raiseEvent(
      {
        name: 'credit_memo.issued',
        distributorId: claim.distributorId,
        entityType: 'claim',
        entityId: claimId,
        actorUserId: actor.userId,
        summary: `Credit memo ${number} issued for claim ${claim.number}: ${net} ${claim.currency}`,
        data: { claimId, claimNumber: claim.number, creditMemo: number, amount: net, currency: claim.currency, externalRef },
      },
      t,
    );
    await recordAudit(
      actor,
      {
        action: 'claim.paid',
        entityType: 'claim',
        entityId: claimId,
        distributorId: claim.distributorId,
        before: { status: 'authorized' },
        after: { status: 'paid' },
      },
      t,
    );
  });
  return (await repo.findClaim(scope, claimId, { lines: true }))!;
}

export async function listNotes(actor: Actor, claimId: number) {
  if (!(await repo.findClaim(scopeOf(actor), claimId))) throw notFound('claim');
  return repo.listNotes(claimId);
}

export async function addNote(actor: Actor, claimId: number, body: string) {
  const claim = await repo.findClaim(scopeOf(actor), claimId);
  if (!claim) throw notFound('claim');
  return settlement.inTransaction(async (t) => {
    const note = await repo.insertNote(claimId, claim.distributorId, actor.userId, body, t);
    await recordAudit(
      actor,
      {
        action: 'claim.note_added',
        entityType: 'claim',
        entityId: claimId,
        distributorId: claim.distributorId,
        after: { noteId: note.id, body },
      },
      t,
    );
    return note;
  });
}
