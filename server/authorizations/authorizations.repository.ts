import { bookCosts } from '../claims/facts.repository.js';
import type { AuthorizationView } from '../../core/authorization-view.js';
import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Authorization, AuthorizationLine } from '../../models/authorizations.js';
import { Product } from '../../models/catalog.js';
import type { TenantScope } from '../auth/actor.js';
import { documentNumber } from '../http/numbers.js';

export type { AuthorizationView };

export interface NewAuthorization {
  distributorId: number;
  programId: number;
  requestId: number | null;
  endCustomerId: number | null;
  validFrom: string;
  validTo: string;
  lines: { productId: number; authorizedCost: string; approvedQuantity: number }[];
}

/** Creates version 1 of a new authorization under a fresh random number. */
export async function insertAuthorization(input: NewAuthorization, transaction: Transaction): Promise<{ id: number; number: string }> {
  for (let attempt = 0; ; attempt++) {
    const number = documentNumber('SD');
    try {
      const a = await Authorization.create({ ...input, number, version: 1, status: 'active' }, { transaction });
      await AuthorizationLine.bulkCreate(
        input.lines.map((l) => ({
          authorizationId: a.id,
          productId: l.productId,
          endCustomerId: input.endCustomerId,
          authorizedCost: l.authorizedCost,
          approvedQuantity: l.approvedQuantity,
          validFrom: input.validFrom,
          validTo: input.validTo,
        })),
        { transaction },
      );
      return { id: a.id, number };
    } catch (err) {
      if (!(err instanceof UniqueConstraintError) || attempt > 3) throw err;
    }
  }
}

/**
 * The vendor's book cost on record today (UTC) per `distributorId:productId`, read through the one
 * book-cost loader the claims use (server/claims/facts.repository.ts). Each authorization's lines
 * read their own distributor's costs only, so a distributor never sees another's book cost.
 */
async function bookCostsToday(distributorIds: number[], productIds: number[]): Promise<Map<string, string>> {
  const today = new Date().toISOString().slice(0, 10);
  const cost = new Map<string, string>();
  for (const d of distributorIds) {
    const on = await bookCosts(d);
    for (const p of productIds) {
      const c = on(p, today);
      if (c !== null) cost.set(`${d}:${p}`, c);
    }
  }
  return cost;
}

async function withLines(rows: Authorization[]): Promise<AuthorizationView[]> {
  if (!rows.length) return [];
  const lines = await AuthorizationLine.findAll({ where: { authorizationId: rows.map((r) => r.id) }, order: [['id', 'ASC']] });
  const products = await Product.findAll({
    where: { id: [...new Set(lines.map((l) => l.productId))] },
    attributes: ['id', 'vendorPartNumber'],
  });
  const part = new Map(products.map((p) => [p.id, p.vendorPartNumber]));
  const bookCost = await bookCostsToday(
    [...new Set(rows.map((r) => r.distributorId))],
    products.map((p) => p.id),
  );
  return rows.map((a) => ({
    id: a.id,
    number: a.number,
    version: a.version,
    distributorId: a.distributorId,
    programId: a.programId,
    requestId: a.requestId,
    endCustomerId: a.endCustomerId,
    status: a.status,
    validFrom: a.validFrom,
    validTo: a.validTo,
    createdAt: a.createdAt.toISOString(),
    lines: lines
      .filter((l) => l.authorizationId === a.id)
      .map((l) => ({
        id: l.id,
        productId: l.productId,
        vendorPartNumber: part.get(l.productId) ?? '',
        endCustomerId: l.endCustomerId,
        authorizedCost: moneyToString(moneyFromDb(l.authorizedCost)),
        bookCost: bookCost.get(`${a.distributorId}:${l.productId}`) ?? null,
        approvedQuantity: l.approvedQuantity,
        consumedQuantity: l.consumedQuantity,
        remainingQuantity: l.approvedQuantity - l.consumedQuantity,
        validFrom: l.validFrom,
        validTo: l.validTo,
      })),
  }));
}

const scoped = (scope: TenantScope) => (scope.distributorId === null ? {} : { distributorId: scope.distributorId });

export async function findAuthorization(scope: TenantScope, id: number): Promise<AuthorizationView | null> {
  const a = await Authorization.findOne({ where: { id, ...scoped(scope) } });
  return a ? (await withLines([a]))[0] : null;
}

export async function listAuthorizations(scope: TenantScope, filter: { status?: string; number?: string; page: number; pageSize: number }) {
  const where: Record<string, unknown> = { ...scoped(scope) };
  if (filter.status) where.status = filter.status;
  if (filter.number) where.number = { [Op.eq]: filter.number };
  const { rows, count } = await Authorization.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return { items: await withLines(rows), total: count };
}
