import { Op, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { lineFlags } from '../../core/requests/line-flags.js';
import { Account } from '../../models/accounts.js';
import { Authorization } from '../../models/authorizations.js';
import { Product } from '../../models/catalog.js';
import { PriceRequest, PriceRequestLine } from '../../models/requests.js';
import type { TenantScope } from '../auth/actor.js';
import type { RequestQuery, RequestView, RoutingView } from './requests.schemas.js';
import { awaitedAt, levelDeadline, mayDecide, sameApprover, type Approver } from '../../core/routing/routing.js';
import { approvalsOf, usersByIds } from './routing.repository.js';
import { bookCosts } from '../claims/facts.repository.js';
import { newestFirstPage } from '../http/list-page.repository.js';
import { LIST_INDEXES } from '../../models/migrations/20261205T1200-list-indexes.js';
import type { RoutingSnapshot } from './routing.service.js';

type Approvals = Awaited<ReturnType<typeof approvalsOf>>;
type Users = Awaited<ReturnType<typeof usersByIds>>;

/** The user ids a request's routing view names (awaited users, the escalation user), to read their names at once. */
function routingUserIds(r: PriceRequest): number[] {
  if (!r.routing || r.currentLevel === null) return [];
  const s = JSON.parse(r.routing) as RoutingSnapshot;
  return [...(s.levels[r.currentLevel]?.approvers ?? []), ...(s.escalation ? [s.escalation] : [])]
    .filter((a) => a.userId !== undefined)
    .map((a) => a.userId!);
}

function routingOf(r: PriceRequest, approvals: Approvals, users: Users): RoutingView | null {
  if (!r.routing) return null;
  const s = JSON.parse(r.routing) as RoutingSnapshot;
  const given = approvals.get(r.id) ?? [];
  const index = r.status === 'pending' ? r.currentLevel : null;
  const level = index === null ? undefined : s.levels[index];
  const escalated = index !== null && r.escalatedLevel === index;
  const who = (a: Approver, standingInFor: number | null = null) => ({
    userId: a.userId ?? null,
    role: a.role ?? null,
    name: a.userId !== undefined ? (users.get(a.userId)?.name ?? null) : null,
    ...(standingInFor === null ? {} : { standingInFor }),
  });
  // An approver user who can no longer decide is shown with who stands in for them (core/routing),
  // as is the requester where a level awaits them (they never decide their own request).
  const vacant = (userId: number) => userId === r.requestedByUserId || !mayDecide(users.get(userId));
  const awaited = level ? awaitedAt(level, index!, given, s.escalation, vacant) : [];
  const escalationAwaited = escalated && s.escalation && !(s.escalation.userId !== undefined && vacant(s.escalation.userId));
  const due = level && r.levelStartedAt ? levelDeadline(level, r.levelStartedAt) : null;
  return {
    ruleId: s.ruleId,
    ruleName: s.ruleName,
    levels: s.levels,
    escalation: s.escalation,
    currentLevel: index === null ? null : index + 1,
    levelCount: s.levels.length,
    levelStartedAt: index === null ? null : (r.levelStartedAt?.toISOString() ?? null),
    dueAt: due?.toISOString() ?? null,
    escalated,
    waitingOn: [
      ...awaited.map((w) => who(w.approver, w.standingInFor)),
      ...(escalationAwaited && !awaited.some((w) => w.standingInFor !== null && sameApprover(w.approver, s.escalation!))
        ? [who(s.escalation!)]
        : []),
    ],
    approvals: given.map((a) => ({
      level: a.level + 1,
      approverIndex: a.approverIndex,
      userId: a.userId,
      onBehalfOfUserId: a.onBehalfOfUserId,
    })),
  };
}

export { inTransaction, type Tx } from '../database.repository.js';

const money = (v: string | number) => moneyToString(moneyFromDb(v));
const optMoney = (v: string | number | null) => (v === null ? null : money(v));

/** The authorizations requests made, by id: what a request's view says of its outcome. */
async function authorizationsOf(rows: PriceRequest[], transaction?: Transaction) {
  const ids = [...new Set(rows.map((r) => r.authorizationId).filter((id): id is number => id !== null))];
  const found = ids.length
    ? await Authorization.findAll({
        where: { id: ids },
        attributes: ['id', 'number', 'status', 'validFrom', 'validTo', 'closedLostOn'],
        transaction,
      })
    : [];
  return new Map(found.map((a) => [a.id, a]));
}
type Authorizations = Awaited<ReturnType<typeof authorizationsOf>>;

/** A distributor's book cost of a product, or null when none is on record. */
type BookCostOf = (distributorId: number, productId: number) => string | null;

/**
 * The vendor's book cost on record today (UTC) for each request's own distributor, read through the
 * one book-cost loader the claims use (server/claims/facts.repository.ts), as an authorization's
 * lines show it: a request line shows its distributor's cost only. The approval context
 * (server/integrations/crm-context.repository.ts) reads it here too, so both judge the same cost.
 */
export async function bookCostsToday(rows: Pick<PriceRequest, 'distributorId'>[], transaction?: Transaction): Promise<BookCostOf> {
  const today = new Date().toISOString().slice(0, 10);
  const distributors = [...new Set(rows.map((r) => r.distributorId))];
  const loaded = await Promise.all(distributors.map((d) => bookCosts(d, transaction)));
  const byDistributor = new Map(distributors.map((d, i) => [d, loaded[i]!]));
  return (distributorId, productId) => byDistributor.get(distributorId)?.(productId, today) ?? null;
}

function toView(
  r: PriceRequest,
  lines: PriceRequestLine[],
  approvals: Approvals,
  users: Users,
  authorizations: Authorizations,
  bookCostOf: BookCostOf,
): RequestView {
  const a = r.authorizationId === null ? undefined : authorizations.get(r.authorizationId);
  return {
    id: r.id,
    number: r.number,
    programId: r.programId,
    distributorId: r.distributorId,
    resellerId: r.resellerId,
    endCustomerId: r.endCustomerId,
    requestedByUserId: r.requestedByUserId,
    status: r.status,
    validFrom: r.validFrom,
    validTo: r.validTo,
    opportunityRef: r.opportunityRef,
    dealRegistrationRef: r.dealRegistrationRef,
    justification: r.justification,
    decisionComment: r.decisionComment,
    decidedByUserId: r.decidedByUserId,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    authorizationId: r.authorizationId,
    authorization: a
      ? { number: a.number, status: a.status, validFrom: a.validFrom, validTo: a.validTo, closedLostOn: a.closedLostOn ?? null }
      : null,
    programVersion: r.programVersion ?? null,
    createdAt: r.createdAt.toISOString(),
    routing: routingOf(r, approvals, users),
    change:
      r.changeOfAuthorizationId !== null && r.changeKind
        ? { authorizationId: r.changeOfAuthorizationId, kind: r.changeKind, effectiveFrom: r.effectiveFrom! }
        : null,
    lines: lines.map((l) => {
      const line = {
        requestedCost: money(l.requestedCost),
        bookCost: bookCostOf(r.distributorId, l.productId),
        counterCost: optMoney(l.counterCost),
      };
      return {
        id: l.id,
        productId: l.productId,
        quantity: l.quantity,
        requestedCost: line.requestedCost,
        bookCost: line.bookCost,
        flags: lineFlags(line),
        counterCost: line.counterCost,
        counterQuantity: l.counterQuantity,
        authorizationLineId: l.authorizationLineId ?? null,
      };
    }),
  };
}

const scoped = (scope: TenantScope) => (scope.distributorId === null ? {} : { distributorId: scope.distributorId });

export async function findRequest(scope: TenantScope, id: number, transaction?: Transaction): Promise<RequestView | null> {
  const r = await PriceRequest.findOne({
    where: { id, ...scoped(scope) },
    transaction,
    lock: transaction ? transaction.LOCK.UPDATE : undefined,
  });
  if (!r) return null;
  const lines = await PriceRequestLine.findAll({ where: { requestId: id }, order: [['id', 'ASC']], transaction });
  const [approvals, users, authorizations, bookCostOf] = await Promise.all([
    approvalsOf([id], transaction),
    usersByIds(routingUserIds(r), transaction),
    authorizationsOf([r], transaction),
    bookCostsToday([r], transaction),
  ]);
  return toView(r, lines, approvals, users, authorizations, bookCostOf);
}

/** What a list of requests is narrowed to besides the tenant: the caller (for `requestedBy`), a CRM opportunity, an account. */
export type RequestFilter = RequestQuery & { callerUserId: number };

/** The accounts an `accountId` filter names: a BEC account id (digits) or a CRM Id kept as the account's externalRef. */
export async function accountIdsFor(accountId: string): Promise<number[]> {
  const byId = /^\d+$/.test(accountId) ? [{ id: Number(accountId) }] : [];
  const rows = await Account.findAll({ where: { [Op.or]: [...byId, { externalRef: accountId }] }, attributes: ['id'] });
  return rows.map((a) => a.id);
}

/** A CRM record (a Lightning record page): an opportunity's Salesforce Id, an account's BEC id or CRM Id, or both. */
export interface CrmRecord {
  opportunityId?: string;
  accountId?: string;
}

/**
 * The one rule of what belongs to a CRM record, as SQL over `price_requests` under the alias
 * `r`: the request's opportunityRef is the opportunity; its distributor, reseller or end customer
 * is the account. The authorizations and claims of a record are those its requests made
 * (`r.authorization_id`); `accounts` are the ids accountIdsFor found.
 */
export function requestOfRecordSql(q: CrmRecord, accounts: number[]): string {
  const escape = (v: string | number) => PriceRequest.sequelize!.escape(v);
  const conditions: string[] = [];
  if (q.opportunityId) conditions.push(`r.opportunity_ref = ${escape(q.opportunityId)}`);
  if (q.accountId) {
    const list = accounts.length ? accounts.map(escape).join(', ') : 'NULL';
    conditions.push(`(r.distributor_id IN (${list}) OR r.reseller_id IN (${list}) OR r.end_customer_id IN (${list}))`);
  }
  return conditions.join(' AND ');
}

export async function listRequests(scope: TenantScope, filter: RequestFilter) {
  const where: WhereOptions<PriceRequest> = { ...scoped(scope), ...(filter.status ? { status: filter.status } : {}) };
  const w = where as Record<string | symbol, unknown>;
  if (filter.requestedBy === 'others') w.requestedByUserId = { [Op.ne]: filter.callerUserId };
  if (filter.requestedBy === 'me') w.requestedByUserId = filter.callerUserId;
  if (filter.opportunityId) w.opportunityRef = filter.opportunityId;
  if (filter.accountId) {
    const ids = await accountIdsFor(filter.accountId);
    w[Op.and] = [{ [Op.or]: [{ distributorId: ids }, { resellerId: ids }, { endCustomerId: ids }] }];
  }
  // The queue's index (see LIST_INDEXES); an accountId filter (three columns) goes without.
  const index =
    filter.status && !filter.accountId
      ? scope.distributorId === null
        ? LIST_INDEXES.requestsByStatus
        : LIST_INDEXES.requestsByDistributorAndStatus
      : null;
  const page = await newestFirstPage(PriceRequest, 'requests', where, filter, index);
  const rows = page.items;
  const lines = rows.length ? await PriceRequestLine.findAll({ where: { requestId: rows.map((r) => r.id) }, order: [['id', 'ASC']] }) : [];
  const [approvals, users, authorizations, bookCostOf] = await Promise.all([
    approvalsOf(rows.map((r) => r.id)),
    usersByIds(rows.flatMap(routingUserIds)),
    authorizationsOf(rows),
    bookCostsToday(rows),
  ]);
  return {
    items: rows.map((r) =>
      toView(
        r,
        lines.filter((l) => l.requestId === r.id),
        approvals,
        users,
        authorizations,
        bookCostOf,
      ),
    ),
    ...(page.total === undefined ? {} : { total: page.total }),
    nextCursor: page.nextCursor,
  };
}

/**
 * Inserts a request and its lines under a new document number: `newNumber` is asked again when the
 * number is taken (a few times at most).
 */
export async function insertRequest(
  newNumber: () => string,
  input: Omit<RequestView, 'id' | 'number' | 'createdAt' | 'lines' | 'decidedAt' | 'routing' | 'change' | 'authorization'> & {
    lines: { productId: number; quantity: number; requestedCost: string; authorizationLineId?: number | null }[];
    change?: { authorizationId: number; kind: 'amend' | 'extend' | 'cancel'; effectiveFrom: string } | null;
  },
  transaction: Transaction,
): Promise<number> {
  const { lines, change, ...head } = input;
  for (let attempt = 0; ; attempt++) {
    let r: PriceRequest;
    try {
      r = await PriceRequest.create(
        {
          ...head,
          number: newNumber(),
          decidedAt: null,
          changeOfAuthorizationId: change?.authorizationId ?? null,
          changeKind: change?.kind ?? null,
          effectiveFrom: change?.effectiveFrom ?? null,
        },
        { transaction },
      );
    } catch (err) {
      if (!(err instanceof UniqueConstraintError) || attempt > 3) throw err;
      continue;
    }
    await PriceRequestLine.bulkCreate(
      lines.map((l) => ({
        requestId: r.id,
        productId: l.productId,
        quantity: l.quantity,
        requestedCost: l.requestedCost,
        counterCost: null,
        counterQuantity: null,
        authorizationLineId: l.authorizationLineId ?? null,
      })),
      { transaction },
    );
    return r.id;
  }
}

/** What a decision changes on a request. */
export type RequestPatch = Partial<
  Pick<
    PriceRequest,
    | 'status'
    | 'decisionComment'
    | 'decidedByUserId'
    | 'decidedAt'
    | 'authorizationId'
    | 'routingRuleId'
    | 'routing'
    | 'currentLevel'
    | 'levelStartedAt'
    | 'escalatedLevel'
  >
>;

/** A pending change request on this authorization, if one waits. */
export async function pendingChangeOf(authorizationId: number, transaction: Transaction) {
  const r = await PriceRequest.findOne({
    where: { changeOfAuthorizationId: authorizationId, status: 'pending' },
    attributes: ['id', 'number'],
    transaction,
  });
  return r ? { id: r.id, number: r.number } : null;
}

export async function updateRequest(id: number, patch: RequestPatch, transaction: Transaction) {
  await PriceRequest.update(patch, { where: { id }, transaction });
}

export async function setCounter(
  lineId: number,
  requestId: number,
  counterCost: string,
  counterQuantity: number | null,
  transaction: Transaction,
) {
  const [n] = await PriceRequestLine.update({ counterCost, counterQuantity }, { where: { id: lineId, requestId }, transaction });
  return n > 0;
}

export async function accountTypes(ids: number[]): Promise<Map<number, string>> {
  const rows = await Account.findAll({ where: { id: ids }, attributes: ['id', 'type'] });
  return new Map(rows.map((a) => [a.id, a.type]));
}

export async function existingProductIds(ids: number[]): Promise<Set<number>> {
  const rows = await Product.findAll({ where: { id: ids }, attributes: ['id'] });
  return new Set(rows.map((p) => p.id));
}
