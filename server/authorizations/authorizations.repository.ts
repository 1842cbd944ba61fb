import { bookCosts } from '../claims/facts.repository.js';
import type { AuthorizationView } from '../../core/authorization-view.js';
import { literal, Op, UniqueConstraintError, type Transaction } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import {
  Authorization,
  AuthorizationLine,
  AuthorizationVersion,
  AuthorizationVersionLine,
  type AuthorizationChange,
} from '../../models/authorizations.js';
import { Product } from '../../models/catalog.js';
import type { TenantScope } from '../auth/actor.js';
import { documentNumber } from '../http/numbers.js';
import { accountIdsFor, requestOfRecordSql, type CrmRecord } from '../requests/requests.repository.js';

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
      const lines = await AuthorizationLine.bulkCreate(
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
      await insertVersion(
        {
          authorizationId: a.id,
          version: 1,
          changeKind: 'created',
          effectiveFrom: input.validFrom,
          validFrom: input.validFrom,
          validTo: input.validTo,
          requestId: input.requestId,
          lines: lines.map((l) => ({ authorizationLineId: l.id, authorizedCost: l.authorizedCost, approvedQuantity: l.approvedQuantity })),
        },
        transaction,
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

export async function listAuthorizations(
  scope: TenantScope,
  filter: CrmRecord & { status?: string; number?: string; page: number; pageSize: number },
) {
  const where: Record<string | symbol, unknown> = { ...scoped(scope) };
  if (filter.status) where.status = filter.status;
  if (filter.number) where.number = { [Op.eq]: filter.number };
  if (filter.opportunityId || filter.accountId) {
    // A record's authorizations are those its requests made (the one rule, requestOfRecordSql); the tenant's where stays beside it.
    const accounts = filter.accountId ? await accountIdsFor(filter.accountId) : [];
    where.id = { [Op.in]: literal(`(SELECT r.authorization_id FROM price_requests r WHERE ${requestOfRecordSql(filter, accounts)})`) };
  }
  const { rows, count } = await Authorization.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return { items: await withLines(rows), total: count };
}

// Versions (authorization changes)

export interface NewVersion {
  authorizationId: number;
  version: number;
  changeKind: AuthorizationChange;
  effectiveFrom: string;
  validFrom: string;
  validTo: string;
  requestId: number | null;
  lines: { authorizationLineId: number; authorizedCost: string | number; approvedQuantity: number }[];
}

async function insertVersion(v: NewVersion, transaction: Transaction) {
  const { lines, ...head } = v;
  const row = await AuthorizationVersion.create(head, { transaction });
  await AuthorizationVersionLine.bulkCreate(
    lines.map((l) => ({
      versionId: row.id,
      authorizationLineId: l.authorizationLineId,
      authorizedCost: l.authorizedCost,
      approvedQuantity: l.approvedQuantity,
    })),
    { transaction },
  );
}

/** An authorization as a change reads it, its row locked: status, version, validity, lines with what was claimed. */
export async function authorizationForChange(scope: TenantScope, id: number, transaction: Transaction) {
  const a = await Authorization.findOne({ where: { id, ...scoped(scope) }, transaction, lock: transaction.LOCK.UPDATE });
  if (!a) return null;
  const lines = await AuthorizationLine.findAll({
    where: { authorizationId: id },
    order: [['id', 'ASC']],
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  return {
    id: a.id,
    number: a.number,
    version: a.version,
    status: a.status,
    distributorId: a.distributorId,
    programId: a.programId,
    endCustomerId: a.endCustomerId,
    validFrom: a.validFrom,
    validTo: a.validTo,
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      authorizedCost: moneyToString(moneyFromDb(l.authorizedCost)),
      approvedQuantity: l.approvedQuantity,
      consumedQuantity: l.consumedQuantity,
    })),
  };
}

/**
 * Writes the next version and makes it the authorization's current state (its row and lines):
 * the version history keeps every earlier one for the engine and the distributor.
 */
export async function applyVersion(v: NewVersion, status: 'active' | 'cancelled', transaction: Transaction) {
  await insertVersion(v, transaction);
  await Authorization.update(
    { version: v.version, validFrom: v.validFrom, validTo: v.validTo, status },
    { where: { id: v.authorizationId }, transaction },
  );
  for (const l of v.lines)
    await AuthorizationLine.update(
      { authorizedCost: l.authorizedCost, approvedQuantity: l.approvedQuantity, validFrom: v.validFrom, validTo: v.validTo },
      { where: { id: l.authorizationLineId, authorizationId: v.authorizationId }, transaction },
    );
}

/** An authorization's versions, oldest first, with their lines (tenant-scoped: null when not the caller's). */
export async function versionsOf(scope: TenantScope, id: number) {
  const a = await Authorization.findOne({ where: { id, ...scoped(scope) }, attributes: ['id', 'number'] });
  if (!a) return null;
  const versions = await AuthorizationVersion.findAll({ where: { authorizationId: id }, order: [['version', 'ASC']] });
  const lines = versions.length
    ? await AuthorizationVersionLine.findAll({ where: { versionId: versions.map((v) => v.id) }, order: [['authorizationLineId', 'ASC']] })
    : [];
  return {
    authorizationId: a.id,
    number: a.number,
    versions: versions.map((v) => ({
      version: v.version,
      change: v.changeKind,
      effectiveFrom: v.effectiveFrom,
      validFrom: v.validFrom,
      validTo: v.validTo,
      requestId: v.requestId,
      createdAt: v.createdAt.toISOString(),
      lines: lines
        .filter((l) => l.versionId === v.id)
        .map((l) => ({
          authorizationLineId: l.authorizationLineId,
          authorizedCost: moneyToString(moneyFromDb(l.authorizedCost)),
          approvedQuantity: l.approvedQuantity,
        })),
    })),
  };
}
