/** Routing rules, delegations and level approvals: the only code of routing that touches the database. */
import { Op, type Transaction } from 'sequelize';
import type { Approver, Delegation, LevelApproval, RoutingLevel, RoutingRule } from '../../core/routing/routing.js';
import type { Role } from '../../core/domain.js';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Account, User } from '../../models/accounts.js';
import { Program } from '../../models/programs.js';
import { Product } from '../../models/catalog.js';
import { bookCosts } from '../claims/facts.repository.js';
import { ApprovalDelegation, PriceRequest, RequestApproval, RoutingRuleRow } from '../../models/requests.js';

const optMoney = (v: string | number | null) => (v === null ? null : moneyToString(moneyFromDb(v)));

export function toRule(r: RoutingRuleRow): RoutingRule {
  return {
    id: r.id,
    name: r.name,
    priority: r.priority,
    active: Boolean(r.active),
    programId: r.programId,
    distributorId: r.distributorId,
    minValue: optMoney(r.minValue),
    minMarginImpact: optMoney(r.minMarginImpact),
    minDiscountPercent: optMoney(r.minDiscountPercent),
    match: r.match,
    levels: JSON.parse(r.levels) as RoutingLevel[],
    escalation: r.escalation ? (JSON.parse(r.escalation) as Approver) : null,
  };
}

export type RuleInput = Omit<RoutingRule, 'id'>;

const rowOf = (input: RuleInput) => ({
  ...input,
  levels: JSON.stringify(input.levels),
  escalation: input.escalation ? JSON.stringify(input.escalation) : null,
});

export async function listRules(onlyActive = false, transaction?: Transaction): Promise<RoutingRule[]> {
  const rows = await RoutingRuleRow.findAll({
    where: onlyActive ? { active: true } : {},
    order: [
      ['priority', 'ASC'],
      ['id', 'ASC'],
    ],
    transaction,
  });
  return rows.map(toRule);
}

export async function findRule(id: number): Promise<RoutingRule | null> {
  const r = await RoutingRuleRow.findByPk(id);
  return r ? toRule(r) : null;
}

export async function insertRule(input: RuleInput, userId: number): Promise<RoutingRule> {
  return toRule(await RoutingRuleRow.create({ ...rowOf(input), createdByUserId: userId }));
}

export async function updateRule(id: number, input: RuleInput): Promise<RoutingRule> {
  await RoutingRuleRow.update(rowOf(input), { where: { id } });
  return (await findRule(id))!;
}

export async function deleteRule(id: number) {
  await RoutingRuleRow.destroy({ where: { id } });
}

/**
 * List prices, and the book costs on record on `day` for the distributor (read through the one
 * book-cost loader the claims use), per product.
 */
export async function pricesOf(distributorId: number, productIds: number[], day: string, transaction?: Transaction) {
  const [products, bookCostOn] = await Promise.all([
    Product.findAll({ where: { id: productIds }, attributes: ['id', 'listPrice'], transaction }),
    bookCosts(distributorId, transaction),
  ]);
  const list = new Map(products.map((p) => [p.id, optMoney(p.listPrice)]));
  return { list: (id: number) => list.get(id) ?? null, book: (id: number) => bookCostOn(id, day) };
}

export async function usersByIds(ids: number[], transaction?: Transaction) {
  if (!ids.length) return new Map<number, { id: number; name: string; role: Role; active: boolean }>();
  const rows = await User.findAll({ where: { id: [...new Set(ids)] }, attributes: ['id', 'name', 'role', 'active'], transaction });
  return new Map(rows.map((u) => [u.id, { id: u.id, name: u.name, role: u.role, active: Boolean(u.active) }]));
}

export async function activeUserIdsOf(approver: Approver): Promise<number[]> {
  const rows = await User.findAll({
    where: approver.userId !== undefined ? { id: approver.userId, active: true } : { role: approver.role, active: true },
    attributes: ['id'],
  });
  return rows.map((u) => u.id);
}

// Delegations

export interface DelegationView extends Delegation {
  id: number;
  createdByUserId: number;
}
const toDelegation = (d: ApprovalDelegation): DelegationView => ({
  id: d.id,
  userId: d.userId,
  delegateUserId: d.delegateUserId,
  from: d.fromDate,
  to: d.toDate,
  createdByUserId: d.createdByUserId,
});

export async function insertDelegation(d: Delegation, createdByUserId: number): Promise<DelegationView> {
  return toDelegation(
    await ApprovalDelegation.create({
      userId: d.userId,
      delegateUserId: d.delegateUserId,
      fromDate: d.from,
      toDate: d.to,
      createdByUserId,
    }),
  );
}

/** Delegations naming this user (as the away user or the delegate), or all of them (userId null). */
export async function listDelegations(userId: number | null): Promise<DelegationView[]> {
  const rows = await ApprovalDelegation.findAll({
    where: userId === null ? {} : { [Op.or]: [{ userId }, { delegateUserId: userId }] },
    order: [['id', 'ASC']],
  });
  return rows.map(toDelegation);
}

export async function findDelegation(id: number): Promise<DelegationView | null> {
  const d = await ApprovalDelegation.findByPk(id);
  return d ? toDelegation(d) : null;
}

export async function deleteDelegation(id: number) {
  await ApprovalDelegation.destroy({ where: { id } });
}

/** Delegations in force on `day` that this user holds as the delegate. */
export async function delegationsTo(delegateUserId: number, day: string, transaction?: Transaction): Promise<Delegation[]> {
  const rows = await ApprovalDelegation.findAll({
    where: { delegateUserId, fromDate: { [Op.lte]: day }, toDate: { [Op.gte]: day } },
    transaction,
  });
  return rows.map(toDelegation);
}

// Level approvals

export async function approvalsOf(
  requestIds: number[],
  transaction?: Transaction,
): Promise<Map<number, (LevelApproval & { onBehalfOfUserId: number | null })[]>> {
  const out = new Map<number, (LevelApproval & { onBehalfOfUserId: number | null })[]>();
  if (!requestIds.length) return out;
  const rows = await RequestApproval.findAll({ where: { requestId: requestIds }, order: [['id', 'ASC']], transaction });
  for (const r of rows) {
    const list = out.get(r.requestId) ?? [];
    list.push({ level: r.level, approverIndex: r.approverIndex, userId: r.userId, onBehalfOfUserId: r.onBehalfOfUserId });
    out.set(r.requestId, list);
  }
  return out;
}

export async function insertApproval(
  a: { requestId: number; level: number; approverIndex: number; userId: number; onBehalfOfUserId: number | null },
  transaction: Transaction,
) {
  await RequestApproval.create(a, { transaction });
}

/** Pending routed requests whose current level is not escalated yet (the escalation sweep's candidates). */
export async function unescalatedPending() {
  const rows = await PriceRequest.findAll({
    where: { status: 'pending', currentLevel: { [Op.ne]: null }, levelStartedAt: { [Op.ne]: null } },
    attributes: ['id', 'number', 'distributorId', 'routing', 'currentLevel', 'levelStartedAt', 'escalatedLevel'],
    order: [['id', 'ASC']],
  });
  return rows
    .filter((r) => r.escalatedLevel !== r.currentLevel)
    .map((r) => ({
      id: r.id,
      number: r.number,
      distributorId: r.distributorId,
      routing: r.routing!,
      currentLevel: r.currentLevel!,
      levelStartedAt: r.levelStartedAt!,
    }));
}

/** Marks a level escalated, unless a decision moved the request meanwhile; true when it did. */
export async function markEscalated(id: number, level: number, transaction: Transaction): Promise<boolean> {
  const [n] = await PriceRequest.update({ escalatedLevel: level }, { where: { id, status: 'pending', currentLevel: level }, transaction });
  return n > 0;
}

export { inTransaction } from '../database.repository.js';

/** Whether a rule's scope names what exists: a program, an account that is a distributor. */
export async function scopeExists(programId: number | null, distributorId: number | null) {
  const [program, distributor] = await Promise.all([
    programId === null ? null : Program.findByPk(programId, { attributes: ['id'] }),
    distributorId === null ? null : Account.findOne({ where: { id: distributorId, type: 'distributor' }, attributes: ['id'] }),
  ]);
  return { program: programId === null || program !== null, distributor: distributorId === null || distributor !== null };
}
