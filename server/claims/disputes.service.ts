/**
 * Disputes: a distributor reads each rejected line with its reasons and resubmits corrected
 * lines. A resubmission is a new claim whose lines point at the originals
 * (`resubmission_of_line_id`) and goes through the same submit path (rules, then the ledger), so
 * a corrected line can never pay a POS line that something else already consumed. Finance sees
 * the whole chain of a line. The new claim is in the currency of the claims it corrects; lines of
 * claims in different currencies cannot share one resubmission.
 */
import { minorUnitExponent } from '../../core/currency.js';
import { isDisputable } from '../../core/claims/disputable.js';
import { canonicalPosKeyParts } from '../../core/claims/pos-key.js';
import { lineCredit, moneyToString, parseMoney, sumMoney } from '../../core/money.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Tx } from '../database.repository.js';
import { AppError, conflict, notFound } from '../errors.js';
import { documentNumber } from '../http/numbers.js';
import * as settlement from '../settlement/settlement.service.js';
import * as repo from './claims.repository.js';
import { adjustLine, debitMemoFree, submitClaim, within } from './claims.service.js';
import * as disputes from './disputes.repository.js';

export interface Correction {
  originalLineId: number;
  authorizationNumber?: string;
  vendorPartNumber?: string | null;
  distributorPartNumber?: string | null;
  endCustomerName?: string | null;
  invoiceDate?: string;
  shipDate?: string | null;
  quantity?: number;
  bookCost?: string;
  authorizedCost?: string | null;
  resalePrice?: string | null;
  claimedAmount?: string | null;
  extra?: Record<string, string | null>;
}

export const listDisputes = (actor: Actor, openOnly: boolean, limit: number) => disputes.rejectedLines(scopeOf(actor), openOnly, limit);

export async function lineHistory(actor: Actor, lineId: number) {
  const chain = await disputes.lineHistory(scopeOf(actor), lineId);
  if (!chain) throw notFound('claim line');
  return chain;
}

export async function resubmit(actor: Actor, input: { debitMemoNumber: string | null; lines: Correction[] }, transaction?: Tx) {
  const scope = scopeOf(actor);
  const distributorId = actor.distributorId!;
  if (new Set(input.lines.map((l) => l.originalLineId)).size !== input.lines.length) {
    throw new AppError('VALIDATION_FAILED', 'a line is resubmitted at most once per claim', 400, {
      errors: [{ field: 'lines', message: 'duplicate originalLineId' }],
    });
  }
  await debitMemoFree(distributorId, input.debitMemoNumber);
  const lines: repo.NewClaimLine[] = [];
  let currency: string | null = null;
  for (const [i, c] of input.lines.entries()) {
    const original = await disputes.findLine(scope, c.originalLineId);
    if (!original) throw notFound(`claim line ${c.originalLineId}`);
    if (currency !== null && original.claimCurrency.toUpperCase() !== currency.toUpperCase()) {
      throw new AppError(
        'CURRENCY_MISMATCH',
        `line ${original.id} was claimed in ${original.claimCurrency}, the lines before it in ${currency}`,
        400,
        { errors: [{ field: `lines.${i}.originalLineId`, message: 'resubmit lines of claims in different currencies separately' }] },
      );
    }
    currency ??= original.claimCurrency;
    if (original.verdict !== 'rejected')
      throw conflict('LINE_NOT_REJECTED', `line ${original.id} is ${original.verdict}: only rejected lines are disputed`);
    const pick = <K extends keyof Correction & keyof disputes.DisputeLineView>(k: K) =>
      (c[k] !== undefined ? c[k] : original[k]) as Correction[K];
    const bookCost = moneyToString(parseMoney(pick('bookCost') as string));
    const authorizedCost = pick('authorizedCost') ? moneyToString(parseMoney(pick('authorizedCost') as string)) : null;
    const quantity = pick('quantity') as number;
    // A corrected cost or quantity recomputes the claimed amount unless one is given; so does a
    // line whose amount the distributor never stated (a claim file row without one claimed what
    // the engine computed, 0.00 once rejected): the corrected line claims its credit.
    const recompute =
      c.bookCost !== undefined ||
      c.authorizedCost !== undefined ||
      c.quantity !== undefined ||
      !(await disputes.claimedAmountStated(original.id));
    const claimedAmount =
      c.claimedAmount != null
        ? moneyToString(settlement.payableAmount(c.claimedAmount, currency, `lines.${i}.claimedAmount`))
        : authorizedCost && recompute
          ? moneyToString(lineCredit(parseMoney(bookCost), parseMoney(authorizedCost), quantity, minorUnitExponent(currency!)))
          : original.claimedAmount;
    lines.push({
      lineNumber: i + 1,
      authorizationNumber: pick('authorizationNumber') as string,
      authorizationLineId: null,
      authorizationVersion: null,
      productId: null,
      vendorPartNumber: pick('vendorPartNumber') ?? null,
      distributorPartNumber: pick('distributorPartNumber') ?? null,
      // the link POS enrichment made holds for the name it was made for: a corrected name drops it
      endCustomerId: c.endCustomerName !== undefined && c.endCustomerName !== original.endCustomerName ? null : original.endCustomerId,
      endCustomerName: pick('endCustomerName') ?? null,
      invoiceNumber: original.invoiceNumber,
      invoiceLine: original.invoiceLine,
      ...canonicalPosKeyParts(original.invoiceNumber, original.invoiceLine),
      invoiceDate: pick('invoiceDate') as string,
      shipDate: pick('shipDate') ?? null,
      quantity,
      bookCost,
      authorizedCost,
      resalePrice: pick('resalePrice') ? moneyToString(parseMoney(pick('resalePrice') as string)) : null,
      claimedAmount,
      computedAmount: '0',
      acceptedQuantity: 0,
      approvedAmount: '0',
      verdict: 'pending',
      rule: null,
      resubmissionOfLineId: original.id,
      adjustedByUserId: null,
      extra: (c.extra ?? original.extra ?? null) as Record<string, unknown> | null,
    });
  }
  const claimedTotal = moneyToString(sumMoney(lines.map((l) => parseMoney(l.claimedAmount))));
  // The new claim, its audit and its submission (rules, then the ledger) are one change: a failure
  // leaves no draft behind. Inside a dispute's transaction when there is one.
  const work = async (t: Tx) => {
    // A line is resubmitted once (unless that resubmission was rejected), checked under a lock on
    // the originals: concurrent resubmissions of one line all passed a check made before this.
    const [again] = await disputes.resubmittedAlready(
      lines.map((l) => l.resubmissionOfLineId!),
      t,
    );
    if (again !== undefined) throw conflict('ALREADY_RESUBMITTED', `line ${again} was already resubmitted`);
    const id = await repo.insertClaim(
      {
        number: documentNumber('CLM'),
        distributorId,
        type: 'explicit',
        debitMemoNumber: input.debitMemoNumber,
        currency: currency!,
        claimedTotal,
        createdByUserId: actor.userId,
      },
      lines,
      t,
    );
    await recordAudit(
      actor,
      {
        action: 'claim.resubmitted',
        entityType: 'claim',
        entityId: id,
        distributorId,
        after: { resubmissionOf: lines.map((l) => l.resubmissionOfLineId), claimedTotal },
      },
      t,
    );
    return submitClaim(actor, id, t);
  };
  return within(transaction, work);
}

async function openThread(actor: Actor, lineId: number) {
  const thread = await disputes.findThread(scopeOf(actor), lineId);
  if (!thread) throw notFound('dispute');
  return thread;
}

export const listThreads = (actor: Actor, state: disputes.DisputeState | 'all', limit: number) =>
  disputes.listThreads(scopeOf(actor), state, limit);

export async function disputeThread(actor: Actor, lineId: number) {
  return openThread(actor, lineId);
}

/**
 * The distributor disputes a rejected, cut or adjusted-down line with a comment and the corrected
 * line. A rejected line's correction is resubmitted at once (a new claim through the rules and
 * the ledger, `resubmit`); a cut or adjusted line still holds its POS line, so its correction is
 * kept on the dispute for the vendor, whose acceptance applies it through the settlement service.
 */
export async function openDispute(
  actor: Actor,
  input: { lineId: number; comment: string; correction?: Omit<Correction, 'originalLineId'> },
) {
  const scope = scopeOf(actor);
  const line = await disputes.findLine(scope, input.lineId);
  if (!line) throw notFound(`claim line ${input.lineId}`);
  if (line.resubmissionOfLineId !== null) {
    throw conflict('DISPUTE_THE_ORIGINAL', `line ${line.id} is a resubmission of line ${line.resubmissionOfLineId}: dispute that line`);
  }
  if (!isDisputable(line)) {
    throw conflict(
      'LINE_NOT_DISPUTABLE',
      `line ${line.id} is ${line.verdict} for ${line.approvedAmount} of ${line.claimedAmount} claimed: only rejected, cut or adjusted-down lines are disputed`,
    );
  }
  const existing = await disputes.findThread(scope, line.id);
  if (existing?.state === 'open') throw conflict('DISPUTE_ALREADY_OPEN', `line ${line.id} already has an open dispute`);
  // The resubmission and the thread's first entry are one change: a failure leaves neither.
  await settlement.inTransaction(async (t) => {
    let resubmittedLineId: number | null = null;
    if (input.correction && line.verdict === 'rejected') {
      await resubmit(actor, { debitMemoNumber: null, lines: [{ ...input.correction, originalLineId: line.id }] }, t);
      resubmittedLineId = await disputes.resubmissionOf(line.id, t);
    }
    await disputes.addEntry(
      {
        claimLineId: line.id,
        distributorId: line.distributorId,
        authorUserId: actor.userId,
        kind: 'opened',
        body: input.comment,
        correction: input.correction ?? null,
        resubmittedLineId,
      },
      t,
    );
    await recordAudit(
      actor,
      {
        action: 'dispute.opened',
        entityType: 'claim_line',
        entityId: line.id,
        distributorId: line.distributorId,
        after: { comment: input.comment, correction: input.correction ?? null, resubmittedLineId },
      },
      t,
    );
  });
  return openThread(actor, line.id);
}

/** Either side adds a comment to a line's dispute thread. */
export async function commentOnDispute(actor: Actor, lineId: number, body: string) {
  const thread = await openThread(actor, lineId);
  await disputes.addEntry({ claimLineId: lineId, distributorId: thread.distributorId, authorUserId: actor.userId, kind: 'comment', body });
  await recordAudit(actor, {
    action: 'dispute.commented',
    entityType: 'claim_line',
    entityId: lineId,
    distributorId: thread.distributorId,
    after: { comment: body },
  });
  return openThread(actor, lineId);
}

/**
 * The vendor decides an open dispute. Accepting sets the approved amount (given, else the
 * correction's claimed amount, else the line's claimed amount) on the line the dispute is about
 * now (its resubmission if there is one) through claims.service adjustLine, that is the
 * settlement service; rejecting leaves every amount as it is. Both keep the comment on the thread.
 */
export async function decideDispute(
  actor: Actor,
  lineId: number,
  input: { decision: 'accept' | 'reject'; comment: string; approvedAmount?: string },
) {
  const thread = await openThread(actor, lineId);
  if (thread.state !== 'open') throw conflict('DISPUTE_DECIDED', `the dispute on line ${lineId} was already ${thread.state}`);
  const opened = [...thread.entries].reverse().find((e) => e.kind === 'opened');
  const targetId = opened?.resubmittedLineId ?? lineId;
  const target = input.decision !== 'accept' ? null : targetId === lineId ? thread.line : await disputes.findLine(scopeOf(actor), targetId);
  if (input.decision === 'accept' && !target) throw notFound(`claim line ${targetId}`);
  // The line's new amount and the decision on the thread are one change: a failure leaves neither.
  await settlement.inTransaction(async (t) => {
    let after: Record<string, unknown> = { decision: input.decision, comment: input.comment };
    if (target) {
      const corrected = opened?.correction?.claimedAmount;
      const amount = input.approvedAmount ?? (typeof corrected === 'string' ? corrected : target.claimedAmount);
      await adjustLine(actor, target.claimId, target.id, amount, `dispute accepted: ${input.comment}`, t);
      after = { ...after, lineId: target.id, approvedAmount: moneyToString(parseMoney(amount)) };
    }
    await disputes.addEntry(
      {
        claimLineId: lineId,
        distributorId: thread.distributorId,
        authorUserId: actor.userId,
        kind: input.decision === 'accept' ? 'accepted' : 'rejected',
        body: input.comment,
      },
      t,
    );
    await recordAudit(
      actor,
      {
        action: 'dispute.decided',
        entityType: 'claim_line',
        entityId: lineId,
        distributorId: thread.distributorId,
        before: { state: 'open' },
        after,
        reason: input.comment,
      },
      t,
    );
  });
  return openThread(actor, lineId);
}
