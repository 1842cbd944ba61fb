import { checkLineTerms, checkRequestEligibility } from '../../core/programs/eligibility.js';
import { moneyToString, parseMoney } from '../../core/money.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { insertAuthorization } from '../authorizations/authorizations.repository.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { documentNumber } from '../http/numbers.js';
import { eligibilityFacts, findProgram } from '../programs/programs.repository.js';
import * as repo from './requests.repository.js';
import { requestEvents, type RequestOutcome } from './request-events.js';
import type { RequestInput, RequestQuery, RequestView } from './requests.schemas.js';

const unprocessable = (message: string, errors: { field: string; message: string }[]) =>
  new AppError('NOT_ELIGIBLE', message, 422, { errors });

export async function createRequest(actor: Actor, input: RequestInput): Promise<RequestView> {
  let distributorId: number;
  if (actor.role === 'distributor_user') {
    if (input.distributorId !== undefined && input.distributorId !== actor.distributorId) {
      throw forbidden('a distributor user requests only for its own distributor');
    }
    distributorId = actor.distributorId!;
  } else {
    if (input.distributorId === undefined) {
      throw new AppError('VALIDATION_FAILED', 'distributorId is required when requesting on behalf of a distributor', 400, {
        errors: [{ field: 'distributorId', message: 'required' }],
      });
    }
    distributorId = input.distributorId;
  }

  const program = await findProgram(input.programId);
  if (!program) throw unprocessable('unknown program', [{ field: 'programId', message: 'no such program' }]);
  const types = await repo.accountTypes([distributorId, input.endCustomerId, ...(input.resellerId ? [input.resellerId] : [])]);
  const problems: { field: string; message: string }[] = [];
  if (types.get(distributorId) !== 'distributor') problems.push({ field: 'distributorId', message: 'not a distributor' });
  if (types.get(input.endCustomerId) !== 'end_customer') problems.push({ field: 'endCustomerId', message: 'not an end customer' });
  if (input.resellerId && types.get(input.resellerId) !== 'reseller') problems.push({ field: 'resellerId', message: 'not a reseller' });
  const products = await repo.existingProductIds(input.lines.map((l) => l.productId));
  input.lines.forEach((l, i) => {
    if (!products.has(l.productId)) problems.push({ field: `lines.${i}.productId`, message: 'no such product' });
  });
  const known = await eligibilityFacts(
    input.endCustomerId,
    input.lines.map((l) => l.productId),
  );
  problems.push(
    ...checkRequestEligibility(program, {
      ...input,
      distributorId,
      endCustomerCountry: known.endCustomerCountry,
      lines: input.lines.map((l) => ({ ...l, productFamily: known.familyOf.get(l.productId) ?? null })),
    }),
  );
  if (problems.length) throw unprocessable(`the request does not fit program ${program.code}`, problems);

  const id = await repo.inTransaction((transaction) =>
    repo.insertRequest(
      () => documentNumber('REQ'),
      {
        programId: input.programId,
        distributorId,
        resellerId: input.resellerId,
        endCustomerId: input.endCustomerId,
        requestedByUserId: actor.userId,
        status: 'pending',
        validFrom: input.validFrom,
        validTo: input.validTo,
        opportunityRef: input.opportunityRef,
        dealRegistrationRef: input.dealRegistrationRef,
        justification: input.justification,
        decisionComment: null,
        decidedByUserId: null,
        authorizationId: null,
        programVersion: program.version,
        lines: input.lines.map((l) => ({ ...l, requestedCost: moneyToString(parseMoney(l.requestedCost)) })),
      },
      transaction,
    ),
  );
  const view = (await repo.findRequest({ distributorId: null }, id))!;
  await recordAudit(actor, { action: 'request.created', entityType: 'price_request', entityId: id, distributorId, after: view });
  return view;
}

export async function getRequest(actor: Actor, id: number) {
  const r = await repo.findRequest(scopeOf(actor), id);
  if (!r) throw notFound('request');
  return r;
}

export const listRequests = (actor: Actor, filter: RequestQuery) =>
  repo.listRequests(scopeOf(actor), { ...filter, callerUserId: actor.userId });

type Outcome = RequestOutcome;
const AUDIT_ACTION: Record<Outcome, string> = {
  approve: 'request.approved',
  decline: 'request.declined',
  counter: 'request.countered',
  accept_counter: 'request.counter_accepted',
  reject_counter: 'request.counter_rejected',
};

/** Runs one decision in a transaction with the request row locked, audits it, and announces it once committed. */
async function decide(
  actor: Actor,
  id: number,
  outcome: Outcome,
  apply: (request: RequestView, transaction: repo.Tx) => Promise<repo.RequestPatch>,
  /** why, for the audit trail, when the decision's comment is not stored on the request */
  reason?: string,
) {
  const result = await repo.inTransaction(async (transaction) => {
    const before = await repo.findRequest(scopeOf(actor), id, transaction);
    if (!before) throw notFound('request');
    const patch = await apply(before, transaction);
    await repo.updateRequest(id, patch, transaction);
    const after = (await repo.findRequest({ distributorId: null }, id, transaction))!;
    await recordAudit(
      actor,
      {
        action: AUDIT_ACTION[outcome],
        entityType: 'price_request',
        entityId: id,
        distributorId: before.distributorId,
        before,
        after,
        reason: reason ?? patch.decisionComment ?? null,
      },
      transaction,
    );
    return after;
  });
  requestEvents.emit('request.decided', {
    requestId: id,
    outcome,
    status: result.status,
    distributorId: result.distributorId,
    authorizationId: result.authorizationId,
    actorUserId: actor.userId,
  });
  return result;
}

function assertPending(r: RequestView, allowed: RequestView['status'][] = ['pending']) {
  if (!allowed.includes(r.status)) throw conflict('REQUEST_NOT_OPEN', `the request is ${r.status}`);
}

/** The requester of an approval is never its approver. */
function assertNotOwn(actor: Actor, r: RequestView) {
  if (r.requestedByUserId === actor.userId) throw new AppError('SELF_APPROVAL_FORBIDDEN', 'you cannot decide on your own request', 403);
}

async function authorizeFrom(actor: Actor, r: RequestView, costs: 'requested' | 'counter', transaction: repo.Tx) {
  const auth = await insertAuthorization(
    {
      distributorId: r.distributorId,
      programId: r.programId,
      requestId: r.id,
      endCustomerId: r.endCustomerId,
      validFrom: r.validFrom,
      validTo: r.validTo,
      lines: r.lines.map((l) => ({
        productId: l.productId,
        authorizedCost: costs === 'counter' && l.counterCost !== null ? l.counterCost : l.requestedCost,
        approvedQuantity: costs === 'counter' && l.counterQuantity !== null ? l.counterQuantity : l.quantity,
      })),
    },
    transaction,
  );
  await recordAudit(
    actor,
    {
      action: 'authorization.created',
      entityType: 'authorization',
      entityId: auth.id,
      distributorId: r.distributorId,
      after: { number: auth.number, version: 1, requestId: r.id },
    },
    transaction,
  );
  return auth;
}

export function approveRequest(actor: Actor, id: number, comment: string | undefined) {
  return decide(actor, id, 'approve', async (r, t) => {
    assertPending(r);
    assertNotOwn(actor, r);
    const auth = await authorizeFrom(actor, r, 'requested', t);
    return {
      status: 'approved',
      decisionComment: comment ?? null,
      decidedByUserId: actor.userId,
      decidedAt: new Date(),
      authorizationId: auth.id,
    };
  });
}

export function declineRequest(actor: Actor, id: number, comment: string) {
  return decide(actor, id, 'decline', async (r) => {
    assertPending(r);
    assertNotOwn(actor, r);
    return { status: 'declined', decisionComment: comment, decidedByUserId: actor.userId, decidedAt: new Date() };
  });
}

export function counterRequest(
  actor: Actor,
  id: number,
  comment: string,
  lines: { lineId: number; counterCost: string; counterQuantity?: number }[],
) {
  return decide(actor, id, 'counter', async (r, t) => {
    assertPending(r);
    assertNotOwn(actor, r);
    // A counter-offer becomes the authorization when accepted: the program's floor and cap hold for it too.
    const program = (await findProgram(r.programId, t))!;
    const terms = lines.flatMap((l, i) =>
      checkLineTerms(program, l.counterQuantity ?? null, l.counterCost, `lines.${i}.counterQuantity`, `lines.${i}.counterCost`),
    );
    if (terms.length) throw unprocessable(`the counter-offer does not fit program ${program.code}`, terms);
    for (const [i, l] of lines.entries()) {
      const ok = await repo.setCounter(l.lineId, r.id, moneyToString(parseMoney(l.counterCost)), l.counterQuantity ?? null, t);
      if (!ok)
        throw new AppError('VALIDATION_FAILED', `line ${l.lineId} is not a line of this request`, 400, {
          errors: [{ field: `lines.${i}.lineId`, message: 'not a line of this request' }],
        });
    }
    return { status: 'countered', decisionComment: comment, decidedByUserId: actor.userId, decidedAt: new Date() };
  });
}

/** Only the requesting side (the distributor, or the channel manager who requested on its behalf) answers a counter-offer. */
function assertRequestingSide(actor: Actor, r: RequestView, verb: string) {
  if (actor.role !== 'distributor_user' && actor.userId !== r.requestedByUserId)
    throw forbidden(`only the requesting side ${verb} a counter-offer`);
}

/** The distributor (or the requester) accepts the vendor's counter-offer: it becomes the authorization. */
export function acceptCounter(actor: Actor, id: number) {
  return decide(actor, id, 'accept_counter', async (r, t) => {
    assertPending(r, ['countered']);
    assertRequestingSide(actor, r, 'accepts');
    const auth = await authorizeFrom(actor, r, 'counter', t);
    return { status: 'approved', authorizationId: auth.id };
  });
}

/**
 * The distributor (or the requester) turns the counter-offer down: the request is withdrawn, no
 * authorization is made; the vendor's counter comment stays on the request, the reason goes to the audit trail.
 */
export function rejectCounter(actor: Actor, id: number, comment: string | undefined) {
  return decide(
    actor,
    id,
    'reject_counter',
    async (r) => {
      assertPending(r, ['countered']);
      assertRequestingSide(actor, r, 'rejects');
      return { status: 'withdrawn' };
    },
    comment,
  );
}
