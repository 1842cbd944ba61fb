/**
 * The settlement service: the one door to the ledger. It is the only code that creates, raises,
 * lowers, releases or reverses a payable amount on a claim line. Every claim path (an explicit
 * claim's submit, claim files, claims built from POS imports, dispute resubmissions, finance's
 * adjustments) calls it; the set-based steps of the bulk paths are exported from here too, so no
 * pipeline writes the ledger by itself.
 *
 * Its promise, checked by `npm run check:ledger` and driven by the model-based test: a sale (its
 * canonical POS key) is payable on at most one claim line; a payable line holds exactly one
 * consumption; an authorization line's consumed quantity is the sum of its consumptions and never
 * exceeds the approved quantity; a payable amount is a whole number of the currency's minor units.
 */
import type { Tx as Transaction } from '../database.repository.js';
import { minorUnitExponent } from '../../core/currency.js';
import { lineCredit, Money, moneyFromDb, moneyToString, parseMoney, type Money as MoneyValue } from '../../core/money.js';
import { AppError, conflict } from '../errors.js';
import { bookCosts } from '../claims/facts.repository.js';
import { claimTotals } from '../claims/pos-claims.repository.js';
import * as ledger from './ledger.repository.js';
import * as rebates from './rebate-ledger.repository.js';
import * as lines from './settlement.repository.js';
import { actingUserIds } from '../auth/actor.js';
import { joinPosKey } from '../../core/claims/pos-key.js';
import type { Role } from '../../core/domain.js';
import { rebateAuthorizeBlock, type RebateAuthorizeBlock } from '../../core/permissions.js';
import { mayShare, programOwner, type StackingRule } from '../../core/rebates/stacking.js';
import { recordAudit } from '../audit/audit.repository.js';
import { documentNumber } from '../http/numbers.js';

export {
  concurrentWriters,
  consumedKeys,
  inTransaction,
  linesOfRun,
  lockAuthorizationLines,
  ownersOfSales,
  refusedByCounters,
  takeClaimLines,
  type TakeEntry,
  type TakeResult,
} from './ledger.repository.js';

// The journal (issue 16 part 4): written with the change it records, by the paths that make it.
export { accrueClaim, postCreditMemo, requireErpReference } from './journal.service.js';
import { accrueClaim, accrueRebatePeriod, postCreditMemo, requireErpReference } from './journal.service.js';
import * as journal from './journal.repository.js';

/**
 * What a bulk run built (a claim file's claim, a POS import's claims): its claims, the stretch of
 * claim line ids its loads wrote in (after `after`, up to `upTo`: `ledger.linesOfRun`) and how many
 * of its lines take a sale (accepted or partial, quantity > 0).
 */
export interface BuiltRun {
  claimIds: readonly number[];
  after: number;
  upTo: number;
  expected: number;
}

/** The highest claim line id: a bulk run reads it before its first load and after its last (`BuiltRun`). */
export const lastClaimLineId = (t?: Transaction | null) => ledger.lastClaimLineId(t);

/**
 * The ledger step of claims built in bulk, in the run's ledger transaction once every line is
 * written: the taking lines take their POS lines (one statement over the run's stretch of claim
 * lines; a POS line another claim or program took meanwhile rejects its line as already claimed),
 * then the authorization lines count what was taken: from the run's own sums (`taken`:
 * authorization line id → quantity) when every taking line got its POS line (they are then the
 * consumptions' sums), from the run's lines in SQL when some were lost.
 * Returns what each claim lost to others, by claim id (claims that lost nothing are absent).
 */
export async function settleBuiltClaims(run: BuiltRun, taken: ReadonlyMap<number, number>, t: Transaction) {
  if (!run.claimIds.length) return new Map<number, { accepted: number; partial: number }>();
  const scope = ledger.linesOfRun(run.claimIds, run.after, run.upTo);
  const { lost } = await ledger.takeLines(scope, run.expected, t, { counters: false });
  if (lost.size === 0) await ledger.addConsumedQuantities(taken, t);
  else await ledger.countFromLines(scope.where, scope.params, t);
  return lost;
}

/** Everyone who ever changed an amount of each claim (or rebate period): the two-person rule's input. */
export const adjustersOf = lines.adjustersOf;

/** Takes the accepted lines' sales and quantities (an explicit claim's submit): each line's outcome, by claim line id. */
export const takeLines = (entries: readonly ledger.TakeEntry[], t: Transaction) => ledger.takeMany(entries, t);

/**
 * A payable amount in the currency's minor unit: a value with more decimals is refused (400 naming
 * `field`), never rounded behind the caller's back.
 */
export function payableAmount(text: string, currency: string, field: string): MoneyValue {
  const amount = parseMoney(text);
  const exponent = minorUnitExponent(currency);
  if (!amount.equals(amount.toDecimalPlaces(exponent)))
    throw new AppError('VALIDATION_FAILED', `${field} must be a whole number of ${currency} minor units (${exponent} decimals)`, 400, {
      errors: [{ field, message: `at most ${exponent} decimals in ${currency}` }],
    });
  return amount;
}

/** A computed credit rounded down to the currency's minor unit (never pays a fraction no ledger can book). */
export const toMinorUnits = (amount: MoneyValue, currency: string): MoneyValue =>
  amount.toDecimalPlaces(minorUnitExponent(currency), Money.ROUND_DOWN);

export interface LineAmountChange {
  claimId: number;
  lineId: number;
  /** the claim's distributor and currency */
  distributorId: number;
  currency: string;
  amount: MoneyValue;
  userId: number;
}

export interface LineAmountOutcome {
  before: { verdict: string; approvedAmount: string; acceptedQuantity: number; reasonCodes: string[] };
  after: {
    verdict: 'adjusted' | 'rejected';
    approvedAmount: string;
    acceptedQuantity: number;
    reasonCodes: string[];
    adjustedByUserId: number;
  };
  /** what the ledger did: took the sale, released it, or held what it had */
  ledger: 'took' | 'released' | 'held' | 'none';
}

/**
 * Sets the amount approved on one line (finance's adjustment), in the caller's transaction.
 * 0 rejects the line and releases its sale; a positive amount keeps the sale the line holds, or,
 * for a line that holds none (rejected before), takes it now — refused with ALREADY_CLAIMED when
 * another line pays that sale, QTY_EXCEEDS_APPROVED when the authorization has too little left,
 * NO_AUTHORIZATION_LINE when the line reached no authorization line of this distributor.
 */
export async function setLineAmount(change: LineAmountChange, t: Transaction): Promise<LineAmountOutcome> {
  // Only a claim in review has amounts to set: a rejected, authorized or paid one is settled (its
  // lines' sales are held or let go with it), whoever calls.
  const status = await lines.claimStatusOf(change.claimId, t);
  if (status === null) throw new AppError('NOT_FOUND', 'claim not found', 404);
  if (status !== 'submitted') throw conflict('CLAIM_NOT_IN_REVIEW', `the claim is ${status}`);
  const line = await lines.lineForSettlement(change.claimId, change.lineId, t);
  if (!line) throw new AppError('NOT_FOUND', 'claim line not found', 404);
  if (change.amount.isNegative())
    throw new AppError('VALIDATION_FAILED', 'approvedAmount may not be negative', 400, {
      errors: [{ field: 'approvedAmount', message: 'at least 0' }],
    });
  /** Nothing is paid above what was claimed, nor above the credit the authorization gives (computed). */
  const ceiling = (computed: string) => {
    const cap = Money.min(parseMoney(line.claimedAmount), parseMoney(computed));
    if (change.amount.greaterThan(cap))
      throw new AppError(
        'VALIDATION_FAILED',
        `approvedAmount must be between 0 and ${moneyToString(cap)} (the lower of the claimed ${line.claimedAmount} and the authorized credit ${computed})`,
        400,
        { errors: [{ field: 'approvedAmount', message: `between 0 and ${moneyToString(cap)}` }] },
      );
  };
  const before = {
    verdict: line.verdict,
    approvedAmount: line.approvedAmount,
    acceptedQuantity: line.acceptedQuantity,
    reasonCodes: line.reasonCodes,
  };
  const reasonCodes = [...new Set([...line.reasonCodes, 'ADJUSTED_MANUALLY'])];
  const held = await ledger.consumptionOf(line.id, t);
  let step: LineAmountOutcome['ledger'];
  let acceptedQuantity = line.acceptedQuantity;
  let computedAmount = line.computedAmount;
  let authorizationLineId = line.authorizationLineId;
  if (change.amount.isZero()) {
    step = held ? 'released' : 'none';
    if (held) await ledger.release(line.id, t);
    acceptedQuantity = 0;
  } else if (held) {
    ceiling(line.computedAmount);
    step = 'held';
  } else {
    const target = line.authorizationLineId === null ? null : await lines.authorizationLineOf(line.authorizationLineId, t);
    if (!target || target.distributorId !== change.distributorId || target.status !== 'active')
      throw conflict(
        'NO_AUTHORIZATION_LINE',
        'this line reached no active authorization line of the distributor: nothing can be paid on it (correct it by a dispute resubmission)',
      );
    await ledger.lockAuthorizationLines([target.number], t, change.distributorId);
    const quantity = line.acceptedQuantity > 0 ? line.acceptedQuantity : line.quantity;
    // The credit the authorization gives for the line: the vendor's book cost on record (else the
    // claimed one) less the authorized cost, times the quantity, in whole minor units.
    const bookCost = (await bookCosts(change.distributorId, t))(target.productId, line.invoiceDate) ?? line.bookCost;
    computedAmount = moneyToString(
      Money.max(lineCredit(parseMoney(bookCost), parseMoney(target.authorizedCost), quantity, minorUnitExponent(change.currency)), 0),
    );
    authorizationLineId = target.id;
    const outcome = await ledger.take(
      {
        distributorId: change.distributorId,
        invoiceNumber: line.invoiceNumber,
        invoiceLine: line.invoiceLine,
        invoiceKey: line.invoiceKey,
        lineKey: line.lineKey,
        claimLineId: line.id,
        authorizationLineId: target.id,
        quantity,
      },
      t,
    );
    if (outcome === 'already_claimed') {
      const other = await lines.payingLineOf(change.distributorId, line.invoiceKey, line.lineKey, t);
      throw conflict(
        'ALREADY_CLAIMED',
        `invoice ${line.invoiceNumber} line ${line.invoiceLine} is already paid${other ? ` on claim ${other.claimNumber} line ${other.lineNumber}` : ''}: it cannot be paid twice`,
      );
    }
    if (outcome === 'exhausted')
      throw conflict('QTY_EXCEEDS_APPROVED', `authorization ${target.number} has fewer than the line's ${quantity} units left`);
    // After the take, so a sale paid elsewhere is named as such; a refusal here rolls the take back.
    ceiling(computedAmount);
    step = 'took';
    acceptedQuantity = quantity;
  }
  const after = {
    verdict: (change.amount.isZero() ? 'rejected' : 'adjusted') as 'adjusted' | 'rejected',
    approvedAmount: moneyToString(change.amount),
    computedAmount,
    acceptedQuantity,
    reasonCodes,
    adjustedByUserId: change.userId,
    authorizationLineId,
  };
  await lines.updateLineSettlement(line.id, after, t);
  await lines.recordAdjuster('claim', change.claimId, change.userId, t);
  return { before, after, ledger: step };
}

export interface ReturnsOutcome {
  /** return lines looked at */
  returns: number;
  /** debits created: returns of sales a paid claim line paid */
  reversed: {
    returnPosLineId: number;
    rowNumber: number | null;
    claimNumber: string;
    quantity: number;
    amount: string;
    currency: string;
  }[];
  /** returns of sales no claim pays (nothing to take back) */
  unpaid: number;
  /** returns of sales a claim not yet paid holds: taken back when that claim is paid (`reverseReturnsOfClaim`) */
  awaitingPayment: number;
}

/**
 * Returns reverse the credit of the sale they return, whatever arrived first. When a POS import
 * completes, each of its return lines whose sale a **paid** claim line paid gets its debit now;
 * one whose sale a claim in review or authorized holds waits for that claim's payment, when
 * `reverseReturnsOfClaim` takes back every return of its sales (a return sent before the sale was
 * claimed, or in the same file, included). The debit: the line's approved amount × returned units
 * ÷ its accepted units, rounded half-up to the currency's minor unit, for the distributor's next
 * credit memos — never more units than the line was paid for, all returns of it together, once per
 * return line (a re-run adds nothing). The sale stays consumed: its units were sold under the
 * authorization. In the caller's transaction; audited by the caller.
 */
export async function reverseReturns(importId: number, userId: number, t: Transaction): Promise<ReturnsOutcome> {
  return recordReturnDebits(await lines.returnsOfImport(importId, t), userId, t, (r) => r.claimStatus === 'paid');
}

/**
 * The returns of the sales a claim pays, taken back as it is paid (before its memo takes the
 * distributor's open debits, so its own returns come off its own memo). In the pay transaction.
 */
export async function reverseReturnsOfClaim(claimId: number, userId: number, t: Transaction): Promise<ReturnsOutcome> {
  return recordReturnDebits(await lines.returnsOfClaim(claimId, t), userId, t, () => true);
}

async function recordReturnDebits(
  rows: readonly lines.ReturnOfSale[],
  userId: number,
  t: Transaction,
  payable: (r: lines.ReturnOfSale) => boolean,
): Promise<ReturnsOutcome> {
  const outcome: ReturnsOutcome = { returns: rows.length, reversed: [], unpaid: 0, awaitingPayment: 0 };
  const reversedSoFar = new Map<number, number>();
  for (const r of rows) {
    if (Number(r.settled) > 0) continue;
    if (r.claimLineId === null || r.currency === null || !r.accepted) {
      outcome.unpaid++;
      continue;
    }
    if (!payable(r)) {
      outcome.awaitingPayment++;
      continue;
    }
    const before = reversedSoFar.get(r.claimLineId) ?? Number(r.reversedBefore);
    const quantity = Math.min(Number(r.returned), r.accepted - before);
    if (quantity <= 0) continue;
    reversedSoFar.set(r.claimLineId, before + quantity);
    const approved = parseMoney(moneyToString(new Money(String(r.approved))));
    // The last units returned take what is left, so the line's debits add up to its approved amount exactly.
    const share =
      before + quantity === r.accepted
        ? approved.minus(approved.times(before).div(r.accepted).toDecimalPlaces(minorUnitExponent(r.currency), Money.ROUND_HALF_UP))
        : approved.times(quantity).div(r.accepted).toDecimalPlaces(minorUnitExponent(r.currency), Money.ROUND_HALF_UP);
    const amount = moneyToString(share);
    await lines.insertDebit(
      {
        distributorId: r.distributorId,
        currency: r.currency,
        claimLineId: r.claimLineId,
        returnPosLineId: r.returnId,
        quantity,
        amount,
        userId,
      },
      t,
    );
    outcome.reversed.push({
      returnPosLineId: r.returnId,
      rowNumber: r.rowNumber,
      claimNumber: r.claimNumber!,
      quantity,
      amount,
      currency: r.currency,
    });
  }
  return outcome;
}

/**
 * A credit memo's net amount: the claim's approved total less the distributor's open debits in
 * its currency, oldest first, never below zero; what a debit could not take stays open for the
 * next memo. Records what was taken against `creditMemoId`. In the caller's transaction.
 */
export async function applyDebits(
  distributorId: number,
  currency: string,
  gross: string,
  creditMemoId: number,
  t: Transaction,
): Promise<{ net: string; applied: string }> {
  let left = parseMoney(gross);
  let applied = new Money(0);
  for (const d of await lines.openDebits(distributorId, currency, t)) {
    if (!left.greaterThan(0)) break;
    const open = parseMoney(d.amount).minus(parseMoney(d.appliedAmount));
    const take = Money.min(open, left);
    if (!take.greaterThan(0)) continue;
    await lines.applyDebit(creditMemoId, d.id, moneyToString(take), take.equals(open), t);
    left = left.minus(take);
    applied = applied.plus(take);
  }
  return { net: moneyToString(left), applied: moneyToString(applied) };
}

export const debitsOfMemo = (creditMemoId: number) => lines.debitsOfMemo(creditMemoId);
export const listDebits = (distributorId: number | null, status: 'open' | 'applied' | null, limit: number) =>
  lines.listDebits(distributorId, status, limit);

/**
 * An authorization cancelled from `from`: the lines of claims still in review that pay a sale on
 * it invoiced on or after that day are rejected (AUTH_CANCELLED), their sale and quantity released,
 * and their claims' totals recomputed. Authorized and paid claims are left as they are (their
 * money is owed or gone: a debit, not a release). Returns the claim line ids released.
 */
export async function releaseCancelledAuthorization(authorizationLineIds: number[], from: string, userId: number, t: Transaction) {
  const held = await lines.linesInReviewOn(authorizationLineIds, from, t);
  for (const line of held) {
    await ledger.release(line.id, t);
    await lines.updateLineSettlement(
      line.id,
      {
        verdict: 'rejected',
        approvedAmount: '0.0000',
        computedAmount: line.computedAmount,
        acceptedQuantity: 0,
        reasonCodes: [...new Set([...line.reasonCodes, 'AUTH_CANCELLED'])],
        adjustedByUserId: userId,
        authorizationLineId: line.authorizationLineId,
      },
      t,
    );
    await lines.recordAdjuster('claim', line.claimId, userId, t);
  }
  for (const claimId of new Set(held.map((l) => l.claimId))) {
    const totals = await claimTotals(claimId, t);
    await lines.updateClaimTotals(claimId, { computedTotal: totals.computedTotal, approvedTotal: totals.approvedTotal }, t);
    await accrueClaim(claimId, userId, t);
  }
  return held.map((l) => ({ claimId: l.claimId, lineId: l.id }));
}

// ---------------------------------------------------------------------------------------------
// Rebates (issue 16): a closed period's payable amount and its consumptions, its adjustment, its
// authorization by a second person and its credit memo are made here, as a claim's are.

export interface RebateCloseInput extends Omit<rebates.RebatePeriodRow, 'closedByUserId' | 'stacking'> {
  stacking: StackingRule;
  /** the POS lines the calculation counted (sales, not returns): their consumption is recorded */
  counted: rebates.RebateConsumptionRow[];
}

export interface RebateActor {
  userId: number;
  role: Role;
  /** whoever opened the actor's embedded session for it (server/auth/actor.ts): acting too */
  embedIssuedByUserId?: number | null;
}

const REBATE_BLOCKS: Record<RebateAuthorizeBlock, [string, string]> = {
  not_closed: ['REBATE_PERIOD_NOT_CLOSED', 'only a closed period (not yet authorized) can be authorized'],
  own_close: ['SEPARATION_OF_DUTIES', 'whoever closed a rebate period may not authorize it: a second person does'],
  own_adjustment: ['SEPARATION_OF_DUTIES', 'whoever adjusted a rebate period may not authorize it: a second person does'],
  nothing_payable: ['NOTHING_APPROVED', 'the period pays nothing: there is nothing to authorize'],
};

/**
 * Freezes a period's calculation: the period row with its amount payable (the calculated rebate,
 * whole minor units of the currency) and one consumption per POS line counted, in the caller's
 * transaction, audited. Refused (409) when the period is closed already, or when a sale it counts
 * is held meanwhile by an owner its stacking rule may not share with (the caller read the owners
 * in this transaction: on SQLite that cannot happen; on MariaDB a claim committed between the read
 * and here is caught by the re-check).
 */
export async function closeRebatePeriod(actor: RebateActor, input: RebateCloseInput, t: Transaction): Promise<number> {
  payableAmount(input.calculatedAmount, input.currency, 'calculatedAmount');
  const me = programOwner(input.programId, input.stacking);
  const owners = await ledger.ownersOfSales(
    input.distributorId,
    input.counted.map((c) => c.invoiceKey),
    t,
  );
  for (const c of input.counted) {
    const blocking = (owners.get(joinPosKey(c.invoiceKey, c.lineKey)) ?? []).find((o) => o.owner !== me.owner && !mayShare(me, o));
    if (blocking)
      throw conflict(
        'REBATE_SALE_TAKEN',
        `POS line ${c.posLineId} is held by ${blocking.owner}, which this program's stacking rule (${input.stacking}) does not share with: close again`,
      );
  }
  const { counted, ...row } = input;
  const id = await rebates.insertPeriod({ ...row, closedByUserId: actor.userId }, t);
  if (id === null)
    throw conflict(
      'REBATE_PERIOD_CLOSED',
      `the period ${input.periodFrom} to ${input.periodTo} of this program is closed already for this distributor`,
    );
  const ok = await rebates.insertConsumptions(
    { id, programId: input.programId, distributorId: input.distributorId, stacking: input.stacking },
    counted,
    t,
  );
  if (!ok)
    throw conflict(
      'REBATE_SALE_TAKEN',
      'a sale this period counts is counted already (by this program in another period, or by another exclusive program): close again',
    );
  await recordAudit(
    actor,
    {
      action: 'rebate_period.closed',
      entityType: 'rebate_period',
      entityId: id,
      distributorId: input.distributorId,
      after: {
        programId: input.programId,
        period: { from: input.periodFrom, to: input.periodTo },
        stacking: input.stacking,
        lineCount: input.lineCount,
        totalQuantity: input.totalQuantity,
        totalRevenue: input.totalRevenue,
        amount: input.calculatedAmount,
        currency: input.currency,
      },
    },
    t,
  );
  // Accrued in the month the rebate was earned: the period's last day (today at the latest).
  const today = new Date().toISOString().slice(0, 10);
  await accrueRebatePeriod(id, actor.userId, t, input.periodTo < today ? input.periodTo : today);
  return id;
}

async function openPeriod(id: number, t: Transaction) {
  const p = await rebates.lockPeriod(id, t);
  if (!p) throw new AppError('NOT_FOUND', 'rebate period not found', 404);
  return p;
}

/** Sets a closed period's amount payable, with the reason (audited with before and after). */
export async function adjustRebatePeriod(actor: RebateActor, id: number, amount: string, reason: string, t: Transaction) {
  const p = await openPeriod(id, t);
  if (p.status !== 'closed') throw conflict('REBATE_PERIOD_NOT_CLOSED', `the period is ${p.status}: only a closed period is adjusted`);
  const value = payableAmount(amount, p.currency, 'amount');
  const before = { amount: moneyToString(moneyFromDb(p.amount)), adjustmentReason: p.adjustmentReason };
  const after = { amount: moneyToString(value), adjustmentReason: reason, adjustedByUserId: actor.userId, adjustedAt: new Date() };
  await rebates.updatePeriod(id, after, t);
  await lines.recordAdjuster('rebate_period', id, actor.userId, t);
  await accrueRebatePeriod(id, actor.userId, t);
  await recordAudit(
    actor,
    { action: 'rebate_period.adjusted', entityType: 'rebate_period', entityId: id, distributorId: p.distributorId, before, after, reason },
    t,
  );
}

/** Authorizes a closed period for payment: a second person (core's rebateAuthorizeBlock). */
export async function authorizeRebatePeriod(actor: RebateActor, id: number, t: Transaction) {
  const p = await openPeriod(id, t);
  const amount = moneyToString(moneyFromDb(p.amount));
  const adjusters = (await lines.adjustersOf('rebate_period', [id], t)).get(id)!;
  const block = actingUserIds(actor)
    .map((u) => rebateAuthorizeBlock(u, { ...p, amount }, adjusters))
    .reduce((a, b) => a ?? b, null);
  if (block) {
    const [code, message] = REBATE_BLOCKS[block];
    throw block === 'own_close' || block === 'own_adjustment' ? new AppError(code, message, 403) : conflict(code, message);
  }
  await rebates.updatePeriod(id, { status: 'authorized', authorizedByUserId: actor.userId, authorizedAt: new Date() }, t);
  await recordAudit(
    actor,
    {
      action: 'rebate_period.authorized',
      entityType: 'rebate_period',
      entityId: id,
      distributorId: p.distributorId,
      before: { status: p.status },
      after: { status: 'authorized', amount, currency: p.currency },
    },
    t,
  );
}

/** Pays an authorized period: its credit memo for the amount payable (audited as the claims' are). */
export async function payRebatePeriod(actor: RebateActor, id: number, externalRef: string | null, t: Transaction) {
  const p = await openPeriod(id, t);
  if (p.status !== 'authorized')
    throw conflict('REBATE_PERIOD_NOT_AUTHORIZED', `the period is ${p.status}: only an authorized period is paid`);
  await requireErpReference(externalRef, t);
  const number = documentNumber('CM');
  const amount = moneyToString(moneyFromDb(p.amount));
  await rebates.updatePeriod(
    id,
    { status: 'paid', paidByUserId: actor.userId, paidAt: new Date(), creditMemoNumber: number, externalRef },
    t,
  );
  await recordAudit(
    actor,
    {
      action: 'credit_memo.issued',
      entityType: 'rebate_period',
      entityId: id,
      distributorId: p.distributorId,
      after: { creditMemo: number, amount, currency: p.currency, externalRef },
    },
    t,
  );
  await recordAudit(
    actor,
    {
      action: 'rebate_period.paid',
      entityType: 'rebate_period',
      entityId: id,
      distributorId: p.distributorId,
      before: { status: p.status },
      after: { status: 'paid', creditMemo: number },
    },
    t,
  );
  await postCreditMemo(
    {
      source: 'rebate_period',
      sourceId: id,
      sourceNumber: `RP-${id}`,
      distributorId: p.distributorId,
      programType: 'rebate',
      currency: p.currency,
      gross: amount,
      net: amount,
      creditMemoNumber: number,
      externalRef,
      userId: actor.userId,
    },
    t,
  );
  return { creditMemoNumber: number, amount, currency: p.currency };
}

/**
 * Records the ERP reference of a credit memo paid without one (the ERP booked it later): on the
 * memo and its payment entry, audited. A reference is set once: changing one the ERP already
 * holds would break the reconciliation, so a second one is refused (409 ERP_REFERENCE_SET).
 */
export async function setErpReference(actor: RebateActor, number: string, erpReference: string, t: Transaction) {
  const memo = await journal.creditMemoByNumber(number, t);
  if (!memo) throw new AppError('NOT_FOUND', `no credit memo ${number}`, 404);
  if ((memo.externalRef ?? '').trim() !== '')
    throw conflict('ERP_REFERENCE_SET', `credit memo ${number} already has the ERP reference ${memo.externalRef}: it is not changed`);
  await journal.setCreditMemoRef(memo, number, erpReference, t);
  await recordAudit(
    actor,
    {
      action: 'credit_memo.erp_reference',
      entityType: memo.source,
      entityId: memo.sourceId,
      distributorId: memo.distributorId,
      before: { creditMemo: number, externalRef: memo.externalRef },
      after: { creditMemo: number, externalRef: erpReference },
    },
    t,
  );
  return { creditMemoNumber: number, erpReference };
}
