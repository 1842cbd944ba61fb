/** The only enrichment code that touches the database: the master, aliases, reviews and line flags. */
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { Account } from '../../models/accounts.js';
import { PosLine } from '../../models/claims.js';
import { EndCustomerAlias, EndCustomerReview, PosLineFlag, type ReviewStatus } from '../../models/enrichment.js';
import { PosImport } from '../../models/imports.js';
import type { TenantScope } from '../auth/actor.js';

export { inTransaction, type Tx } from '../database.repository.js';

const scoped = (scope: TenantScope) => (scope.distributorId === null ? {} : { distributorId: scope.distributorId });

/** What matching a distributor's lines needs, in three queries: the master, its aliases, its reviewed spellings. */
export async function matchingContext(distributorId: number) {
  const [customers, aliases, reviews] = await Promise.all([
    Account.findAll({ where: { type: 'end_customer' }, attributes: ['id', 'name'], raw: true }),
    EndCustomerAlias.findAll({ where: { distributorId }, attributes: ['aliasKey', 'endCustomerId'], raw: true }),
    EndCustomerReview.findAll({ where: { distributorId }, attributes: ['nameKey', 'status'], raw: true }),
  ]);
  return {
    customers: customers.map((c) => ({ id: c.id, name: c.name })),
    aliases: new Map(aliases.map((a) => [a.aliasKey, a.endCustomerId])),
    /** every spelling already in the queue (open, confirmed or rejected) */
    reviewed: new Map(reviews.map((r) => [r.nameKey, r.status])),
  };
}

export interface NewReview {
  nameKey: string;
  spelling: string;
  suggestedEndCustomerId: number | null;
  confidenceMilli: number;
}

export interface NewFlag {
  fileRow: number;
  invoiceKey: string;
  lineKey: string;
  code: 'UNKNOWN_PART';
  value: string;
}

/** A batch's findings, in two statements at most (a spelling or flag already kept is left as it is). */
export async function saveFindings(
  distributorId: number,
  importId: number,
  found: { reviews: NewReview[]; flags: NewFlag[] },
  transaction?: Transaction | null,
) {
  if (found.reviews.length)
    await EndCustomerReview.bulkCreate(
      found.reviews.map((r) => ({ ...r, distributorId, importId, status: 'open' as const })),
      { ignoreDuplicates: true, transaction },
    );
  if (found.flags.length)
    await PosLineFlag.bulkCreate(
      found.flags.map((f) => ({ ...f, distributorId, importId })),
      { ignoreDuplicates: true, transaction },
    );
}

export interface ReviewView {
  id: number;
  distributorId: number;
  spelling: string;
  nameKey: string;
  status: ReviewStatus;
  suggestedEndCustomerId: number | null;
  suggestedEndCustomerName: string | null;
  confidence: number;
  importId: number | null;
  endCustomerId: number | null;
  decidedByUserId: number | null;
  decidedAt: string | null;
  createdAt: string;
}

async function reviewViews(rows: EndCustomerReview[]): Promise<ReviewView[]> {
  const ids = [...new Set(rows.map((r) => r.suggestedEndCustomerId).filter((id): id is number => id !== null))];
  const names = new Map(
    ids.length ? (await Account.findAll({ where: { id: ids }, attributes: ['id', 'name'], raw: true })).map((a) => [a.id, a.name]) : [],
  );
  return rows.map((r) => ({
    id: r.id,
    distributorId: r.distributorId,
    spelling: r.spelling,
    nameKey: r.nameKey,
    status: r.status,
    suggestedEndCustomerId: r.suggestedEndCustomerId,
    suggestedEndCustomerName: r.suggestedEndCustomerId === null ? null : (names.get(r.suggestedEndCustomerId) ?? null),
    confidence: r.confidenceMilli / 1000,
    importId: r.importId,
    endCustomerId: r.endCustomerId,
    decidedByUserId: r.decidedByUserId,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listReviews(
  scope: TenantScope,
  filter: { status?: ReviewStatus; distributorId?: number; after?: number; limit: number },
) {
  const rows = await EndCustomerReview.findAll({
    where: {
      ...scoped(scope),
      ...(filter.distributorId !== undefined && scope.distributorId === null ? { distributorId: filter.distributorId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.after ? { id: { [Op.gt]: filter.after } } : {}),
    },
    order: [['id', 'ASC']],
    limit: filter.limit,
  });
  return reviewViews(rows);
}

export async function findReview(scope: TenantScope, id: number, transaction?: Transaction) {
  const row = await EndCustomerReview.findOne({ where: { id, ...scoped(scope) }, transaction });
  return row ? (await reviewViews([row]))[0]! : null;
}

/** True when the account is in the end-customer master. */
export async function isEndCustomer(id: number, transaction?: Transaction) {
  return (await Account.count({ where: { id, type: 'end_customer' }, transaction })) > 0;
}

/** Closes a review (only an open one: false when another person decided it first). */
export async function decideReview(
  id: number,
  decision: { status: 'confirmed' | 'rejected'; endCustomerId: number | null; userId: number },
  transaction: Transaction,
) {
  const [n] = await EndCustomerReview.update(
    { status: decision.status, endCustomerId: decision.endCustomerId, decidedByUserId: decision.userId, decidedAt: new Date() },
    { where: { id, status: 'open' }, transaction },
  );
  return n === 1;
}

export async function createAlias(
  alias: { distributorId: number; aliasKey: string; spelling: string; endCustomerId: number; confirmedByUserId: number },
  transaction: Transaction,
) {
  await EndCustomerAlias.create(alias, { transaction });
}

/** The distributor's spellings on POS lines not linked to a customer yet (each once). */
export async function unlinkedSpellings(distributorId: number, transaction: Transaction): Promise<string[]> {
  const rows = await PosLine.sequelize!.query<{ name: string }>(
    'SELECT DISTINCT end_customer_name AS name FROM pos_lines WHERE distributor_id = ? AND end_customer_id IS NULL AND end_customer_name IS NOT NULL',
    { replacements: [distributorId], type: QueryTypes.SELECT, transaction },
  );
  return rows.map((r) => r.name);
}

/** Links the distributor's unlinked POS lines of these spellings to the customer; how many. */
export async function linkPosLines(distributorId: number, spellings: string[], endCustomerId: number, transaction: Transaction) {
  if (!spellings.length) return 0;
  const [n] = await PosLine.update(
    { endCustomerId },
    { where: { distributorId, endCustomerId: null, endCustomerName: { [Op.in]: spellings } }, transaction },
  );
  return n;
}

export async function listAliases(scope: TenantScope, distributorId: number | undefined) {
  const rows = await EndCustomerAlias.findAll({
    where: { ...scoped(scope), ...(distributorId !== undefined && scope.distributorId === null ? { distributorId } : {}) },
    order: [['id', 'ASC']],
    limit: 1000,
  });
  return rows.map((a) => ({
    id: a.id,
    distributorId: a.distributorId,
    spelling: a.spelling,
    aliasKey: a.aliasKey,
    endCustomerId: a.endCustomerId,
    confirmedByUserId: a.confirmedByUserId,
    createdAt: a.createdAt.toISOString(),
  }));
}

/** The unknown parts of an import (or of all the caller may see), each with its line count and first rows. */
export async function unknownParts(scope: TenantScope, filter: { importId?: number; distributorId?: number }) {
  const where = {
    ...scoped(scope),
    ...(filter.distributorId !== undefined && scope.distributorId === null ? { distributorId: filter.distributorId } : {}),
    ...(filter.importId !== undefined ? { importId: filter.importId } : {}),
    code: 'UNKNOWN_PART',
  };
  const flagged = await PosLineFlag.findAll({ where, order: [['id', 'ASC']], limit: 10_000, raw: true });
  // the lines of a failed or voided import are gone: so are their flags
  const importIds = [...new Set(flagged.map((r) => r.importId))];
  const kept = new Set(
    importIds.length
      ? (
          await PosImport.findAll({ where: { id: importIds, status: { [Op.notIn]: ['failed', 'voided'] } }, attributes: ['id'], raw: true })
        ).map((i) => i.id)
      : [],
  );
  const rows = flagged.filter((r) => kept.has(r.importId));
  const parts = new Map<
    string,
    { distributorId: number; partNumber: string; lines: number; rows: { importId: number; fileRow: number }[] }
  >();
  for (const r of rows) {
    const k = `${r.distributorId}\u0000${r.value}`;
    let p = parts.get(k);
    if (!p) parts.set(k, (p = { distributorId: r.distributorId, partNumber: r.value, lines: 0, rows: [] }));
    p.lines++;
    if (p.rows.length < 20) p.rows.push({ importId: r.importId, fileRow: r.fileRow });
  }
  return [...parts.values()];
}
