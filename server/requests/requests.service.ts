import { checkLineTerms, checkRequestEligibility } from '../../core/programs/eligibility.js';
import { moneyToString, parseMoney } from '../../core/money.js';
import type { Actor } from '../auth/actor.js';
import { actingUserIds, scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { authorizationForChange, insertAuthorization } from '../authorizations/authorizations.repository.js';
import { applyChange, CHANGE_NAMES, proposedState, type ChangeInput } from '../authorizations/authorizations.service.js';
import * as routing from './routing.service.js';
import type { Standing } from '../../core/routing/routing.js';
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

  const id = await repo.inTransaction(async (transaction) => {
    const route = await routing.routeNewRequest({ programId: input.programId, distributorId, lines: input.lines }, new Date(), transaction);
    return repo.insertRequest(
      () => documentNumber('REQ'),
      {
        ...route,
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
    );
  });
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
/** What a decision adds to its audit entry: a level approval's own action, who it was on behalf of. */
interface DecisionNote {
  action?: string;
  onBehalf?: string | null;
  /** the change an approved change request made to its authorization */
  change?: 'amended' | 'extended' | 'cancelled';
}

async function decide(
  actor: Actor,
  id: number,
  outcome: Outcome,
  apply: (request: RequestView, transaction: repo.Tx, note: DecisionNote) => Promise<repo.RequestPatch>,
  /** why, for the audit trail, when the decision's comment is not stored on the request */
  reason?: string,
) {
  const note: DecisionNote = {};
  const { before, after: result } = await repo.inTransaction(async (transaction) => {
    const before = await repo.findRequest(scopeOf(actor), id, transaction);
    if (!before) throw notFound('request');
    const patch = await apply(before, transaction, note);
    await repo.updateRequest(id, patch, transaction);
    const after = (await repo.findRequest({ distributorId: null }, id, transaction))!;
    const why = reason ?? patch.decisionComment ?? null;
    await recordAudit(
      actor,
      {
        action: note.action ?? AUDIT_ACTION[outcome],
        entityType: 'price_request',
        entityId: id,
        distributorId: before.distributorId,
        before,
        after,
        reason: note.onBehalf ? [note.onBehalf, why].filter(Boolean).join(': ') : why,
      },
      transaction,
    );
    return { before, after };
  });
  // A level approved on the way is not a decision yet: the request stays pending.
  if (result.status !== before.status)
    requestEvents.emit('request.decided', {
      requestId: id,
      outcome,
      status: result.status,
      distributorId: result.distributorId,
      authorizationId: result.change ? result.change.authorizationId : result.authorizationId,
      change: note.change,
      actorUserId: actor.userId,
    });
  return result;
}

/**
 * On a routed request, only the approvers of the current level (their delegates while away, the
 * escalation approver once overdue) decide; without routing, any channel manager does.
 */
async function levelStanding(actor: Actor, r: RequestView, t: repo.Tx, note: DecisionNote): Promise<Standing | null> {
  if (!r.routing) return null;
  const standing = await routing.standingOf(actor, r, t);
  note.onBehalf = routing.onBehalfNote(standing, r.requestedByUserId);
  return standing;
}

function assertPending(r: RequestView, allowed: RequestView['status'][] = ['pending']) {
  if (!allowed.includes(r.status)) throw conflict('REQUEST_NOT_OPEN', `the request is ${r.status}`);
}

/** The requester of an approval is never its approver (nor acts through an embedded session opened for another). */
function assertNotOwn(actor: Actor, r: RequestView) {
  if (actingUserIds(actor).includes(r.requestedByUserId))
    throw new AppError('SELF_APPROVAL_FORBIDDEN', 'you cannot decide on your own request', 403);
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
  return decide(actor, id, 'approve', async (r, t, note) => {
    assertPending(r);
    assertNotOwn(actor, r);
    const standing = await levelStanding(actor, r, t, note);
    let routed: repo.RequestPatch = {};
    if (standing) {
      const step = await routing.approveLevel(actor, r, standing, t);
      if (!step.final) {
        note.action = 'request.level_approved';
        return step.patch;
      }
      routed = step.patch;
    }
    const decided = { status: 'approved' as const, decisionComment: comment ?? null, decidedByUserId: actor.userId, decidedAt: new Date() };
    if (r.change) {
      const applied = await applyChange(actor, { ...r, change: r.change }, t);
      note.change = applied.change;
      return { ...routed, ...decided };
    }
    const auth = await authorizeFrom(actor, r, 'requested', t);
    return { ...routed, ...decided, authorizationId: auth.id };
  });
}

export function declineRequest(actor: Actor, id: number, comment: string) {
  return decide(actor, id, 'decline', async (r, t, note) => {
    assertPending(r);
    assertNotOwn(actor, r);
    // A decline at any level ends the request.
    const standing = await levelStanding(actor, r, t, note);
    return {
      status: 'declined',
      decisionComment: comment,
      decidedByUserId: actor.userId,
      decidedAt: new Date(),
      ...(standing ? { currentLevel: null } : {}),
    };
  });
}

export function counterRequest(
  actor: Actor,
  id: number,
  comment: string,
  lines: { lineId: number; counterCost: string; counterQuantity?: number }[],
) {
  return decide(actor, id, 'counter', async (r, t, note) => {
    assertPending(r);
    assertNotOwn(actor, r);
    if (r.change) throw conflict('CHANGE_NOT_COUNTERED', 'a change request is approved or declined, not countered');
    await levelStanding(actor, r, t, note);
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

/**
 * Asks a change of an authorization (amend, extend, cancel): a change request, routed and decided
 * like a request; approved, it becomes the authorization's next version. A distributor asks only
 * for its own authorizations (another's answers 404); one change waits at a time (409 CHANGE_PENDING).
 */
export async function requestChange(actor: Actor, authorizationId: number, input: ChangeInput & { justification?: string | null }) {
  const today = routing.today();
  const id = await repo.inTransaction(async (t) => {
    const current = await authorizationForChange(scopeOf(actor), authorizationId, t);
    if (!current) throw notFound('authorization');
    const waiting = await repo.pendingChangeOf(authorizationId, t);
    if (waiting) throw conflict('CHANGE_PENDING', `change request ${waiting.number} on this authorization awaits a decision`);
    const next = proposedState(current, input, today);
    const lines = next.lines.map((l) => ({
      productId: l.productId,
      quantity: l.approvedQuantity,
      requestedCost: l.authorizedCost,
      authorizationLineId: l.id,
    }));
    const route = await routing.routeNewRequest(
      { programId: current.programId, distributorId: current.distributorId, lines },
      new Date(),
      t,
    );
    // A change is judged under the program as it stands now (its version in force today).
    const program = await findProgram(current.programId, t);
    return repo.insertRequest(
      () => documentNumber('CHG'),
      {
        ...route,
        programId: current.programId,
        programVersion: program?.version ?? null,
        distributorId: current.distributorId,
        resellerId: null,
        endCustomerId: current.endCustomerId!,
        requestedByUserId: actor.userId,
        status: 'pending',
        validFrom: next.validFrom,
        validTo: next.validTo,
        opportunityRef: null,
        dealRegistrationRef: null,
        justification: input.justification ?? null,
        decisionComment: null,
        decidedByUserId: null,
        authorizationId: null,
        change: { authorizationId, kind: input.kind, effectiveFrom: next.effectiveFrom },
        lines,
      },
      t,
    );
  });
  const view = (await repo.findRequest({ distributorId: null }, id))!;
  await recordAudit(actor, {
    action: 'authorization.change_requested',
    entityType: 'price_request',
    entityId: id,
    distributorId: view.distributorId,
    after: view,
    reason: `${CHANGE_NAMES[input.kind]} authorization ${authorizationId}`,
  });
  return view;
}
