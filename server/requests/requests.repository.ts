import type { Transaction } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Account } from '../../models/accounts.js';
import { Product } from '../../models/catalog.js';
import { PriceRequest, PriceRequestLine } from '../../models/requests.js';
import type { TenantScope } from '../auth/actor.js';
import type { RequestView } from './requests.schemas.js';

const money = (v: string | number) => moneyToString(moneyFromDb(v));
const optMoney = (v: string | number | null) => (v === null ? null : money(v));

function toView(r: PriceRequest, lines: PriceRequestLine[]): RequestView {
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
    createdAt: r.createdAt.toISOString(),
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      quantity: l.quantity,
      requestedCost: money(l.requestedCost),
      counterCost: optMoney(l.counterCost),
      counterQuantity: l.counterQuantity,
    })),
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
  return toView(r, lines);
}

export async function listRequests(scope: TenantScope, filter: { status?: string; page: number; pageSize: number }) {
  const where = { ...scoped(scope), ...(filter.status ? { status: filter.status } : {}) };
  const { rows, count } = await PriceRequest.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  const lines = rows.length ? await PriceRequestLine.findAll({ where: { requestId: rows.map((r) => r.id) }, order: [['id', 'ASC']] }) : [];
  return {
    items: rows.map((r) =>
      toView(
        r,
        lines.filter((l) => l.requestId === r.id),
      ),
    ),
    total: count,
  };
}

export async function insertRequest(
  input: Omit<RequestView, 'id' | 'createdAt' | 'lines' | 'decidedAt'> & {
    lines: { productId: number; quantity: number; requestedCost: string }[];
  },
  transaction: Transaction,
): Promise<number> {
  const { lines, ...head } = input;
  const r = await PriceRequest.create({ ...head, decidedAt: null }, { transaction });
  await PriceRequestLine.bulkCreate(
    lines.map((l) => ({
      requestId: r.id,
      productId: l.productId,
      quantity: l.quantity,
      requestedCost: l.requestedCost,
      counterCost: null,
      counterQuantity: null,
    })),
    { transaction },
  );
  return r.id;
}

export async function updateRequest(
  id: number,
  patch: Partial<Pick<PriceRequest, 'status' | 'decisionComment' | 'decidedByUserId' | 'decidedAt' | 'authorizationId'>>,
  transaction: Transaction,
) {
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
