/**
 * Approval routing: which rule a request (or an authorization change) falls under, and who may
 * decide it at each level. Plain TypeScript (no framework import): the server stores rules and
 * decisions, this file decides.
 *
 * - A rule narrows by program and distributor (null: any) and by thresholds on the request: its
 *   value (sum of quantity x requested cost), its margin impact (sum of quantity x (book cost -
 *   requested cost), the credit the vendor gives back) and its discount from list (the largest
 *   (list - requested) / list over its lines, in percent). `match: 'any'` applies the rule when
 *   one threshold is passed (value above 50,000 OR more than 40 % below list), `'all'` when each
 *   set threshold is. A rule with no threshold applies to everything in its scope.
 * - The first rule that applies, by `priority` (lowest first) then id, routes the request. None:
 *   no routing, one channel manager decides as before.
 * - Levels run in order. A level's approvers are users or roles; `mode: 'all'` needs each of them
 *   (a role counts as one approver, satisfied by any user holding it), `'any'` the first one.
 * - A level overdue (its `timeLimitHours` passed since it started) is escalated: the rule's
 *   escalation user or role may decide it too, as a one-person level.
 * - An approver user who can no longer decide requests (demoted, deactivated) is stood in for:
 *   by the escalation approver, else by anyone whose role decides requests. Nobody waits on them,
 *   and their delegations carry nothing.
 */
import type { Role } from '../domain.js';
import { Money, parseMoney } from '../money.js';
import { ACTIONS, can } from '../permissions.js';

export type Approver = { userId: number; role?: undefined } | { role: Role; userId?: undefined };

export interface RoutingLevel {
  approvers: Approver[];
  mode: 'all' | 'any';
  /** hours the level may wait before it is escalated; null: never */
  timeLimitHours: number | null;
}

export interface RoutingRule {
  id: number;
  name: string;
  priority: number;
  active: boolean;
  programId: number | null;
  distributorId: number | null;
  /** thresholds: decimal strings (amounts) and a percent; null when not set */
  minValue: string | null;
  minMarginImpact: string | null;
  minDiscountPercent: string | null;
  match: 'any' | 'all';
  levels: RoutingLevel[];
  escalation: Approver | null;
}

/** What a rule reads of a request. Amounts are decimal strings. */
export interface RoutedRequest {
  programId: number;
  distributorId: number;
  lines: { quantity: number; requestedCost: string; listPrice: string | null; bookCost: string | null }[];
}

export interface RequestMeasures {
  value: Money;
  marginImpact: Money;
  /** the largest discount from list over the lines, in percent (0 when no line has a list price) */
  discountPercent: Money;
}

export function measure(request: RoutedRequest): RequestMeasures {
  let value = new Money(0);
  let marginImpact = new Money(0);
  let discountPercent = new Money(0);
  for (const l of request.lines) {
    const cost = parseMoney(l.requestedCost);
    value = value.plus(cost.times(l.quantity));
    if (l.bookCost !== null) marginImpact = marginImpact.plus(parseMoney(l.bookCost).minus(cost).times(l.quantity));
    if (l.listPrice !== null) {
      const list = parseMoney(l.listPrice);
      if (list.greaterThan(0)) discountPercent = Money.max(discountPercent, list.minus(cost).dividedBy(list).times(100));
    }
  }
  return { value, marginImpact, discountPercent };
}

/** True when the rule applies to this request (its scope, then its thresholds). */
export function ruleApplies(rule: RoutingRule, request: RoutedRequest, m: RequestMeasures = measure(request)): boolean {
  if (!rule.active) return false;
  if (rule.programId !== null && rule.programId !== request.programId) return false;
  if (rule.distributorId !== null && rule.distributorId !== request.distributorId) return false;
  const tests: boolean[] = [];
  if (rule.minValue !== null) tests.push(m.value.greaterThan(parseMoney(rule.minValue)));
  if (rule.minMarginImpact !== null) tests.push(m.marginImpact.greaterThan(parseMoney(rule.minMarginImpact)));
  if (rule.minDiscountPercent !== null) tests.push(m.discountPercent.greaterThan(parseMoney(rule.minDiscountPercent)));
  if (tests.length === 0) return true;
  return rule.match === 'all' ? tests.every(Boolean) : tests.some(Boolean);
}

/** The rule that routes a request: the first that applies by priority, then id; null when none does. */
export function pickRule(rules: readonly RoutingRule[], request: RoutedRequest): RoutingRule | null {
  const m = measure(request);
  const ordered = [...rules].sort((a, b) => a.priority - b.priority || a.id - b.id);
  return ordered.find((r) => ruleApplies(r, request, m)) ?? null;
}

/** The roles that decide requests: who stands in for an approver who no longer can, when the rule names no escalation. */
export const DECIDING_ROLES: readonly Role[] = ACTIONS['request.decide'];

/**
 * Whether a user may decide requests now: active, in a role that decides them. The one test of a
 * routing approver: when a rule is saved, when a delegation is named, and at every decision.
 */
export const mayDecide = (user: { active: boolean; role: Role } | null | undefined): boolean =>
  !!user && user.active && can(user.role, 'request.decide');

/** A user as routing sees it. */
export interface RoutingUser {
  userId: number;
  role: Role;
}

/** A delegation: `userId` is away from `from` to `to` (inclusive, YYYY-MM-DD), `delegateUserId` acts for them. */
export interface Delegation {
  userId: number;
  delegateUserId: number;
  from: string;
  to: string;
}

/** One approval given at a level: by whom, for which approver of the level. */
export interface LevelApproval {
  level: number;
  /** index of the level's approver it satisfied; -1 for the escalation approver */
  approverIndex: number;
  userId: number;
}

export const sameApprover = (a: Approver, b: Approver) =>
  a.userId !== undefined ? a.userId === b.userId : a.role !== undefined && a.role === b.role;

const holds = (user: RoutingUser, approver: Approver) =>
  approver.userId !== undefined ? approver.userId === user.userId : approver.role === user.role;

/** The approvers of a level still to approve (all of them for 'any' until one has). */
export function waitingOn(level: RoutingLevel, levelIndex: number, approvals: readonly LevelApproval[]): Approver[] {
  const here = approvals.filter((a) => a.level === levelIndex);
  if (level.mode === 'any') return here.length ? [] : level.approvers;
  return level.approvers.filter((_, i) => !here.some((a) => a.approverIndex === i));
}

/** True when a level needs nobody else. */
export function levelComplete(level: RoutingLevel, levelIndex: number, approvals: readonly LevelApproval[]): boolean {
  if (approvals.some((a) => a.level === levelIndex && a.approverIndex === -1)) return true;
  return waitingOn(level, levelIndex, approvals).length === 0;
}

/** One approver a level awaits, or who stands in for it. */
export interface Awaited {
  approver: Approver;
  /** index of the level's approver it satisfies */
  index: number;
  /** the approver user who can no longer decide, when `approver` stands in for them */
  standingInFor: number | null;
}

/**
 * Who stands in for an approver user who can no longer decide: the escalation approver, unless it
 * is such a user too (or there is none); then every role that decides requests.
 */
export function standIns(escalation: Approver | null, vacant: (userId: number) => boolean): Approver[] {
  if (escalation && !(escalation.userId !== undefined && vacant(escalation.userId))) return [escalation];
  return DECIDING_ROLES.map((role) => ({ role }));
}

/**
 * Who the level awaits: its approvers still to approve, each approver user who can no longer decide
 * (`vacant`) replaced by who stands in for them.
 */
export function awaitedAt(
  level: RoutingLevel,
  levelIndex: number,
  approvals: readonly LevelApproval[],
  escalation: Approver | null,
  vacant: (userId: number) => boolean,
): Awaited[] {
  return waitingOn(level, levelIndex, approvals).flatMap((approver): Awaited[] => {
    const index = level.approvers.indexOf(approver);
    if (approver.userId === undefined || !vacant(approver.userId)) return [{ approver, index, standingInFor: null }];
    return standIns(escalation, vacant).map((a) => ({ approver: a, index, standingInFor: approver.userId! }));
  });
}

export interface Standing {
  /** which approver of the level the user acts as (-1: the escalation approver) */
  approverIndex: number;
  /** the away user the actor acts for, when acting as a delegate */
  onBehalfOfUserId: number | null;
  /** the approver user who can no longer decide, when the actor stands in for them (absent otherwise) */
  standingInFor?: number;
}

/**
 * May this user decide the current level, and as whom? Directly (they are, or hold the role of, an
 * approver still awaited), as a delegate of an awaited approver user away today, as a stand-in for
 * an awaited approver user who can no longer decide (`vacant`: their delegations carry nothing),
 * or as the escalation approver once the level is escalated. Null: not theirs to decide.
 */
export function standingAt(
  user: RoutingUser,
  level: RoutingLevel,
  levelIndex: number,
  approvals: readonly LevelApproval[],
  options: {
    escalated: boolean;
    escalation: Approver | null;
    delegations: readonly Delegation[];
    today: string;
    /** approver users who can no longer decide requests (mayDecide false); none when absent */
    vacant?: (userId: number) => boolean;
  },
): Standing | null {
  // Each level is another person's eyes: nobody approves a level twice (a user holding two of its
  // roles still counts once), nor a second level of the same request (a channel manager who also
  // holds the director's role does not approve after themselves), even as the escalation approver.
  if (approvals.some((a) => a.userId === user.userId)) return null;
  const awaited = awaitedAt(level, levelIndex, approvals, options.escalation, options.vacant ?? (() => false));
  const direct = awaited.find((w) => w.standingInFor === null && holds(user, w.approver));
  if (direct) return { approverIndex: direct.index, onBehalfOfUserId: null };
  for (const w of awaited) {
    if (w.standingInFor !== null || w.approver.userId === undefined) continue;
    const d = options.delegations.find(
      (x) => x.userId === w.approver.userId && x.delegateUserId === user.userId && x.from <= options.today && options.today <= x.to,
    );
    if (d) return { approverIndex: w.index, onBehalfOfUserId: w.approver.userId };
  }
  const standIn = awaited.find((w) => w.standingInFor !== null && holds(user, w.approver));
  if (standIn) return { approverIndex: standIn.index, onBehalfOfUserId: null, standingInFor: standIn.standingInFor! };
  if (options.escalated && options.escalation && holds(user, options.escalation)) return { approverIndex: -1, onBehalfOfUserId: null };
  return null;
}

/** When a level started at `startedAt` is overdue (null: it never is). */
export function levelDeadline(level: RoutingLevel, startedAt: Date): Date | null {
  if (level.timeLimitHours === null) return null;
  return new Date(startedAt.getTime() + level.timeLimitHours * 3_600_000);
}

/** A short label for an approver: "user 12", "role channel_manager". */
export const approverLabel = (a: Approver) => (a.userId !== undefined ? `user ${a.userId}` : `role ${a.role}`);
