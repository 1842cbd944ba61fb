/**
 * Approval routing on the server: rules an admin sets (audited), delegations, where a routed
 * request stands and who may decide it, and the escalation of overdue levels. The decisions
 * themselves stay in requests.service.ts; the rules are decided in core/routing.
 */
import {
  approverLabel,
  levelComplete,
  levelDeadline,
  mayDecide,
  pickRule,
  standingAt,
  type Approver,
  type RoutingLevel,
  type RoutingRule,
  type Standing,
} from '../../core/routing/routing.js';
import { ACTIONS, can, requiredScope } from '../../core/permissions.js';
import { requireScope, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { raiseEvent } from '../notifications/events.js';
import * as repo from './routing.repository.js';
import type { Tx } from './requests.repository.js';
import type { RequestView } from './requests.schemas.js';

export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** What a routed request keeps of its rule: a copy, so editing the rule never moves a request on its way. */
export interface RoutingSnapshot {
  ruleId: number;
  ruleName: string;
  levels: RoutingLevel[];
  escalation: Approver | null;
}

// Rules (admin API)

async function checkApprovers(input: repo.RuleInput) {
  const userIds = [
    ...input.levels.flatMap((l, i) => l.approvers.map((a, j) => ({ a, field: `levels.${i}.approvers.${j}.userId` }))),
    ...(input.escalation ? [{ a: input.escalation, field: 'escalation.userId' }] : []),
  ].filter((x) => x.a.userId !== undefined);
  const users = await repo.usersByIds(userIds.map((x) => x.a.userId!));
  const errors = userIds
    .filter((x) => !mayDecide(users.get(x.a.userId!)))
    .map((x) => ({ field: x.field, message: 'no active user who may decide requests has this id' }));
  // A role approver is held to the same rule as a user: a level waiting on a role that may not
  // decide requests (finance, a distributor's users, no role) would wait for ever.
  const roles = [
    ...input.levels.flatMap((l, i) => l.approvers.map((a, j) => ({ a, field: `levels.${i}.approvers.${j}.role` }))),
    ...(input.escalation ? [{ a: input.escalation, field: 'escalation.role' }] : []),
  ];
  for (const { a, field } of roles)
    if (a.role !== undefined && !can(a.role, 'request.decide'))
      errors.push({ field, message: `a role that may decide requests (${ACTIONS['request.decide'].join(', ')}), not ${a.role}` });
  const scope = await repo.scopeExists(input.programId, input.distributorId);
  if (!scope.program) errors.push({ field: 'programId', message: 'no such program' });
  if (!scope.distributor) errors.push({ field: 'distributorId', message: 'no such distributor' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', `${errors[0]!.field}: ${errors[0]!.message}`, 400, { errors });
}

export const listRules = () => repo.listRules();

export async function getRule(id: number) {
  const r = await repo.findRule(id);
  if (!r) throw notFound('routing rule');
  return r;
}

export async function createRule(actor: Actor, input: repo.RuleInput) {
  await checkApprovers(input);
  const rule = await repo.insertRule(input, actor.userId);
  await recordAudit(actor, { action: 'routing_rule.created', entityType: 'routing_rule', entityId: rule.id, after: rule });
  return rule;
}

export async function updateRule(actor: Actor, id: number, input: repo.RuleInput) {
  const before = await getRule(id);
  await checkApprovers(input);
  const after = await repo.updateRule(id, input);
  await recordAudit(actor, { action: 'routing_rule.updated', entityType: 'routing_rule', entityId: id, before, after });
  return after;
}

export async function deleteRule(actor: Actor, id: number) {
  const before = await getRule(id);
  await repo.deleteRule(id);
  await recordAudit(actor, { action: 'routing_rule.deleted', entityType: 'routing_rule', entityId: id, before });
}

// Routing a new request

/** The routing fields of a new request: the rule that applies, level 1 starting now; none when no rule applies. */
export async function routeNewRequest(
  request: { programId: number; distributorId: number; lines: { productId: number; quantity: number; requestedCost: string }[] },
  now: Date,
  transaction: Tx,
) {
  const rules = await repo.listRules(true, transaction);
  if (!rules.length) return null;
  const prices = await repo.pricesOf(
    request.distributorId,
    request.lines.map((l) => l.productId),
    today(now),
    transaction,
  );
  const rule = pickRule(rules, {
    programId: request.programId,
    distributorId: request.distributorId,
    lines: request.lines.map((l) => ({ ...l, listPrice: prices.list(l.productId), bookCost: prices.book(l.productId) })),
  });
  if (!rule) return null;
  const snapshot: RoutingSnapshot = { ruleId: rule.id, ruleName: rule.name, levels: rule.levels, escalation: rule.escalation };
  return { routingRuleId: rule.id, routing: JSON.stringify(snapshot), currentLevel: 0, levelStartedAt: now, escalatedLevel: null };
}

// Deciding a routed request

/**
 * Where the actor stands at the request's current level; refused (403 NOT_YOUR_LEVEL, naming who
 * is awaited) when it is not theirs to decide.
 */
export async function standingOf(actor: Actor, r: RequestView, transaction: Tx, now = new Date()): Promise<Standing> {
  const routing = r.routing!;
  const index = routing.currentLevel! - 1;
  const level = routing.levels[index]!;
  const approvals = routing.approvals.map((a) => ({ ...a, level: a.level - 1 }));
  const delegations = await repo.delegationsTo(actor.userId, today(now), transaction);
  // Approver users who can no longer decide (demoted, deactivated) are stood in for, and their delegations carry nothing.
  // So is the requester where a level awaits them: they never decide their own request, and their
  // delegate would decide it on their behalf (with their authority), so the level falls to who stands in.
  const named: Approver[] = [...level.approvers, ...(routing.escalation ? [routing.escalation] : [])];
  const users = await repo.usersByIds(
    named.flatMap((a) => (a.userId !== undefined ? [a.userId] : [])),
    transaction,
  );
  const standing = standingAt({ userId: actor.userId, role: actor.role }, level, index, approvals, {
    escalated: routing.escalated,
    escalation: routing.escalation,
    delegations,
    today: today(now),
    vacant: (userId) => userId === r.requestedByUserId || !mayDecide(users.get(userId)),
  });
  if (!standing) {
    const earlier = routing.approvals.find((a) => a.userId === actor.userId && a.level !== routing.currentLevel);
    if (earlier)
      throw new AppError(
        'NOT_YOUR_LEVEL',
        `you approved level ${earlier.level} of this request: level ${routing.currentLevel} of ${routing.levels.length} needs another person`,
        403,
        { level: routing.currentLevel, waitingOn: routing.waitingOn },
      );
    const who = routing.waitingOn.map((w) => w.name ?? (w.role ? `role ${w.role}` : `user ${w.userId}`)).join(', ');
    throw new AppError(
      'NOT_YOUR_LEVEL',
      `level ${routing.currentLevel} of ${routing.levels.length} awaits ${who || 'nobody'}: not you`,
      403,
      {
        level: routing.currentLevel,
        waitingOn: routing.waitingOn,
      },
    );
  }
  return standing;
}

/**
 * Records the actor's approval at the current level. Returns what the request becomes: `final`
 * when the last level is complete (the caller approves it), else the level it moves to (or stays).
 */
export async function approveLevel(actor: Actor, r: RequestView, standing: Standing, transaction: Tx, now = new Date()) {
  const routing = r.routing!;
  const index = routing.currentLevel! - 1;
  await repo.insertApproval(
    {
      requestId: r.id,
      level: index,
      approverIndex: standing.approverIndex,
      userId: actor.userId,
      onBehalfOfUserId: standing.onBehalfOfUserId,
    },
    transaction,
  );
  const approvals = [
    ...routing.approvals.map((a) => ({ ...a, level: a.level - 1 })),
    { level: index, approverIndex: standing.approverIndex, userId: actor.userId },
  ];
  if (!levelComplete(routing.levels[index]!, index, approvals)) return { final: false as const, patch: {} };
  if (index + 1 >= routing.levels.length) return { final: true as const, patch: { currentLevel: null } };
  return { final: false as const, patch: { currentLevel: index + 1, levelStartedAt: now, escalatedLevel: null } };
}

/** "on behalf of" for the audit trail (`requestedByUserId`: the request's requester, stood in for when a level awaits them). */
export const onBehalfNote = (standing: Standing | null, requestedByUserId?: number) =>
  standing?.onBehalfOfUserId
    ? `on behalf of user ${standing.onBehalfOfUserId}`
    : standing?.standingInFor
      ? standing.standingInFor === requestedByUserId
        ? `standing in for user ${standing.standingInFor}, the requester, who may not decide their own request`
        : `standing in for user ${standing.standingInFor}, who can no longer decide requests`
      : standing?.approverIndex === -1
        ? 'as escalation approver'
        : null;

// Delegations

export function listDelegations(actor: Actor) {
  return repo.listDelegations(actor.role === 'vendor_admin' ? null : actor.userId);
}

/**
 * Naming or ending a delegate for someone else is routing configuration, as rules are: an admin's
 * (`routing.manage`), with a credential that holds the `admin` scope. A user's own delegation needs
 * only what deciding needs.
 */
function requireRoutingManager(actor: Actor, refusal: () => Error) {
  if (!can(actor.role, 'routing.manage')) throw refusal();
  requireScope(actor, requiredScope('POST', 'routing.manage'));
}

export async function createDelegation(actor: Actor, input: { userId?: number; delegateUserId: number; from: string; to: string }) {
  const userId = input.userId ?? actor.userId;
  if (userId !== actor.userId) requireRoutingManager(actor, () => forbidden('only an admin names a delegate for someone else'));
  if (input.delegateUserId === userId)
    throw new AppError('VALIDATION_FAILED', 'a user cannot be their own delegate', 400, {
      errors: [{ field: 'delegateUserId', message: 'not the away user' }],
    });
  const users = await repo.usersByIds([userId, input.delegateUserId]);
  const errors: { field: string; message: string }[] = [];
  if (!mayDecide(users.get(userId))) errors.push({ field: 'userId', message: 'no active user who may decide requests has this id' });
  if (!mayDecide(users.get(input.delegateUserId)))
    errors.push({ field: 'delegateUserId', message: 'no active user who may decide requests has this id' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', `${errors[0]!.field}: ${errors[0]!.message}`, 400, { errors });
  const d = await repo.insertDelegation({ userId, delegateUserId: input.delegateUserId, from: input.from, to: input.to }, actor.userId);
  await recordAudit(actor, { action: 'delegation.created', entityType: 'approval_delegation', entityId: d.id, after: d });
  return d;
}

export async function deleteDelegation(actor: Actor, id: number) {
  const d = await repo.findDelegation(id);
  if (!d) throw notFound('delegation');
  if (d.userId !== actor.userId) requireRoutingManager(actor, () => notFound('delegation'));
  await repo.deleteDelegation(id);
  await recordAudit(actor, { action: 'delegation.deleted', entityType: 'approval_delegation', entityId: id, before: d });
}

// Escalation

/**
 * Escalates every routed level whose time limit has passed at `now`: the rule's escalation user
 * or role may then decide it, and is told in their inbox. Run by the schedule (startRoutingSchedule)
 * and by tests with their own clock. Returns the ids escalated.
 */
export async function escalateOverdue(now: Date): Promise<number[]> {
  const escalated: number[] = [];
  for (const r of await repo.unescalatedPending()) {
    const routing = JSON.parse(r.routing) as RoutingSnapshot;
    const level = routing.levels[r.currentLevel];
    if (!level) continue;
    const due = levelDeadline(level, r.levelStartedAt);
    if (!due || due > now) continue;
    const done = await repo.inTransaction(async (t) => {
      if (!(await repo.markEscalated(r.id, r.currentLevel, t))) return false;
      await recordAudit(
        null,
        {
          action: 'request.escalated',
          entityType: 'price_request',
          entityId: r.id,
          distributorId: r.distributorId,
          after: { level: r.currentLevel + 1, dueAt: due.toISOString(), escalation: routing.escalation },
          reason: `level ${r.currentLevel + 1} overdue since ${due.toISOString()}`,
        },
        t,
      );
      return true;
    });
    if (!done) continue;
    escalated.push(r.id);
    // Told like every other event (the inbox, e-mail as each approver prefers, webhooks).
    raiseEvent({
      name: 'request.escalated',
      distributorId: r.distributorId,
      entityType: 'price_request',
      entityId: r.id,
      actorUserId: null,
      recipientUserIds: routing.escalation ? await repo.activeUserIdsOf(routing.escalation) : [],
      summary: `Request ${r.number}: level ${r.currentLevel + 1} (${routing.ruleName}) passed its time limit; ${routing.escalation ? approverLabel(routing.escalation) : 'nobody'} may decide it now.`,
      data: {
        requestId: r.id,
        number: r.number,
        level: r.currentLevel + 1,
        rule: routing.ruleName,
        dueAt: due.toISOString(),
        escalation: routing.escalation,
      },
    });
  }
  return escalated;
}

let timer: NodeJS.Timeout | null = null;

/** Sweeps for overdue levels every `everyMs` in a process that runs jobs; never keeps the process alive. */
export function startRoutingSchedule(everyMs = 5 * 60_000) {
  if (timer) clearInterval(timer);
  timer = setInterval(() => {
    escalateOverdue(new Date()).catch((err: Error) => console.warn(`routing escalation failed: ${err.message}`));
  }, everyMs);
  timer.unref();
}

/** Stops the sweep (a server or test app closing: its database is about to go). */
export function stopRoutingSchedule() {
  if (timer) clearInterval(timer);
  timer = null;
}

export type { RoutingRule };
export type RuleInput = repo.RuleInput;
