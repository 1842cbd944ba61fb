/** The only code of master data that touches the database: plain objects in and out. */
import { Op, QueryTypes, type WhereOptions } from 'sequelize';
import type { AccountType } from '../../core/domain.js';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Account, DistributorContact } from '../../models/accounts.js';
import { BookCost, Product, ProductPartMapping } from '../../models/catalog.js';
import type { Tx } from '../database.repository.js';
import type { z } from '../http/openapi.js';
import type { AccountView } from './masterdata.schemas.js';

export { inTransaction } from '../database.repository.js';

export interface ProductRecord {
  id: number;
  vendorPartNumber: string;
  description: string;
  family: string | null;
  listPrice: string | null;
  currency: string | null;
  active: boolean;
}
/** An account as the API shows it (masterdata.schemas.ts `AccountView`, not restated). */
export type AccountRecord = z.infer<typeof AccountView>;
export interface BookCostRecord {
  id: number;
  distributorId: number;
  productId: number;
  cost: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

const money = (v: string | number | null) => (v === null ? null : moneyToString(moneyFromDb(v)));
const day = (v: string | Date | null) => (v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));
const likePattern = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

const toProduct = (p: Product): ProductRecord => ({
  id: p.id,
  vendorPartNumber: p.vendorPartNumber,
  description: p.description,
  family: p.family,
  listPrice: money(p.listPrice),
  currency: p.currency,
  active: Boolean(p.active),
});
const toAccount = (a: Account): AccountRecord => ({
  id: a.id,
  type: a.type,
  name: a.name,
  country: a.country,
  region: a.region ?? null,
  currency: a.currency ?? null,
  crmId: a.crmId ?? null,
  externalRef: a.externalRef,
  mergedIntoId: a.mergedIntoId ?? null,
  mergedAt: a.mergedAt ? new Date(a.mergedAt).toISOString() : null,
});
const toBookCost = (b: BookCost): BookCostRecord => ({
  id: b.id,
  distributorId: b.distributorId,
  productId: b.productId,
  cost: money(b.cost)!,
  effectiveFrom: day(b.effectiveFrom)!,
  effectiveTo: day(b.effectiveTo),
});

// ---- products

export async function listProducts(filter: { q?: string; family?: string; active?: boolean }): Promise<ProductRecord[]> {
  const where: WhereOptions = {};
  if (filter.q)
    Object.assign(where, {
      [Op.or]: [{ vendorPartNumber: { [Op.like]: likePattern(filter.q) } }, { description: { [Op.like]: likePattern(filter.q) } }],
    });
  if (filter.family) Object.assign(where, { family: filter.family });
  if (filter.active !== undefined) Object.assign(where, { active: filter.active });
  return (await Product.findAll({ where, order: [['vendorPartNumber', 'ASC']], limit: 2000 })).map(toProduct);
}

export async function findProduct(id: number, t?: Tx): Promise<ProductRecord | null> {
  const p = await Product.findByPk(id, { transaction: t, lock: t ? t.LOCK.UPDATE : undefined });
  return p ? toProduct(p) : null;
}

/** Products by vendor part number (compared as the database compares: MariaDB ignores case, SQLite does not). */
export async function productsByPart(parts: string[], t?: Tx): Promise<Map<string, ProductRecord>> {
  if (!parts.length) return new Map();
  const rows = await Product.findAll({ where: { vendorPartNumber: parts }, transaction: t });
  return new Map(rows.map((p) => [p.vendorPartNumber.toLowerCase(), toProduct(p)]));
}

export async function createProduct(input: Omit<ProductRecord, 'id'>, t: Tx): Promise<ProductRecord> {
  return toProduct(await Product.create(input, { transaction: t }));
}

export async function updateProduct(id: number, changes: Partial<Omit<ProductRecord, 'id'>>, t: Tx): Promise<ProductRecord> {
  await Product.update(changes, { where: { id }, transaction: t });
  return (await findProduct(id, t))!;
}

// ---- book costs

/** A distributor's periods for a product, earliest first. */
export async function bookCostPeriods(distributorId: number, productId: number, t?: Tx): Promise<BookCostRecord[]> {
  const rows = await BookCost.findAll({ where: { distributorId, productId }, order: [['effectiveFrom', 'ASC']], transaction: t });
  return rows.map(toBookCost);
}

export async function listBookCosts(filter: { distributorId?: number; productId?: number }) {
  const where: WhereOptions = {};
  if (filter.distributorId) Object.assign(where, { distributorId: filter.distributorId });
  if (filter.productId) Object.assign(where, { productId: filter.productId });
  const rows = await BookCost.findAll({
    where,
    order: [
      ['distributorId', 'ASC'],
      ['productId', 'ASC'],
      ['effectiveFrom', 'DESC'],
    ],
    limit: 5000,
  });
  return rows.map(toBookCost);
}

export async function createBookCost(input: Omit<BookCostRecord, 'id'>, t: Tx): Promise<BookCostRecord> {
  return toBookCost(await BookCost.create(input, { transaction: t }));
}

export async function updateBookCost(id: number, changes: { cost?: string; effectiveTo?: string | null }, t: Tx) {
  await BookCost.update(changes, { where: { id }, transaction: t });
}

// ---- distributor part numbers

export interface PartNumberRecord {
  id: number;
  distributorId: number;
  distributorPartNumber: string;
  productId: number;
}

export async function listPartNumbers(filter: { distributorId?: number; productId?: number }): Promise<PartNumberRecord[]> {
  const where: WhereOptions = {};
  if (filter.distributorId) Object.assign(where, { distributorId: filter.distributorId });
  if (filter.productId) Object.assign(where, { productId: filter.productId });
  const rows = await ProductPartMapping.findAll({
    where,
    order: [
      ['distributorId', 'ASC'],
      ['distributorPartNumber', 'ASC'],
    ],
    limit: 5000,
  });
  return rows.map((m) => ({
    id: m.id,
    distributorId: m.distributorId,
    distributorPartNumber: m.distributorPartNumber,
    productId: m.productId,
  }));
}

export async function findPartNumber(distributorId: number, distributorPartNumber: string, t?: Tx): Promise<PartNumberRecord | null> {
  const m = await ProductPartMapping.findOne({ where: { distributorId, distributorPartNumber }, transaction: t });
  return m ? { id: m.id, distributorId: m.distributorId, distributorPartNumber: m.distributorPartNumber, productId: m.productId } : null;
}

export async function findPartNumberById(id: number, t?: Tx): Promise<PartNumberRecord | null> {
  const m = await ProductPartMapping.findByPk(id, { transaction: t });
  return m ? { id: m.id, distributorId: m.distributorId, distributorPartNumber: m.distributorPartNumber, productId: m.productId } : null;
}

export async function createPartNumber(input: Omit<PartNumberRecord, 'id'>, t: Tx): Promise<PartNumberRecord> {
  const m = await ProductPartMapping.create(input, { transaction: t });
  return { id: m.id, ...input };
}

export async function updatePartNumber(id: number, productId: number, t: Tx) {
  await ProductPartMapping.update({ productId }, { where: { id }, transaction: t });
}

export async function deletePartNumber(id: number, t: Tx) {
  await ProductPartMapping.destroy({ where: { id }, transaction: t });
}

// ---- accounts

export async function listAccounts(filter: { types: AccountType[]; q?: string; includeMerged?: boolean }): Promise<AccountRecord[]> {
  const where: WhereOptions = { type: filter.types };
  if (filter.q) Object.assign(where, { name: { [Op.like]: likePattern(filter.q) } });
  if (!filter.includeMerged) Object.assign(where, { mergedIntoId: null });
  return (await Account.findAll({ where, order: [['name', 'ASC']], limit: 2000 })).map(toAccount);
}

export async function findAccount(id: number, t?: Tx): Promise<AccountRecord | null> {
  const a = await Account.findByPk(id, { transaction: t, lock: t ? t.LOCK.UPDATE : undefined });
  return a ? toAccount(a) : null;
}

/** Accounts of a type by name, case and surrounding space ignored: the key a bulk load matches rows on. */
export async function accountsByName(type: AccountType, names: string[], t?: Tx): Promise<Map<string, AccountRecord>> {
  if (!names.length) return new Map();
  const keys = [...new Set(names.map((n) => n.trim().toLowerCase()))];
  const out = new Map<string, AccountRecord>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await Account.findAll({
      where: {
        type,
        mergedIntoId: null,
        [Op.and]: [
          Account.sequelize!.where(Account.sequelize!.fn('lower', Account.sequelize!.col('name')), { [Op.in]: keys.slice(i, i + 500) }),
        ],
      },
      transaction: t,
    });
    for (const a of rows) out.set(a.name.trim().toLowerCase(), toAccount(a));
  }
  return out;
}

export async function createAccount(input: Omit<AccountRecord, 'id' | 'mergedIntoId' | 'mergedAt'>, t: Tx): Promise<AccountRecord> {
  return toAccount(await Account.create(input, { transaction: t }));
}

export async function updateAccount(
  id: number,
  changes: Partial<Omit<AccountRecord, 'id' | 'type' | 'mergedAt'>> & { mergedAt?: Date },
  t: Tx,
) {
  await Account.update(changes, { where: { id }, transaction: t });
  return (await findAccount(id, t))!;
}

/**
 * Every column that names an end customer or a reseller, as `table.column`: what a merge re-points.
 * A new table that refers to one must be added here (the merge test checks each of them).
 */
export const PARTY_REFERENCES = [
  'price_requests.end_customer_id',
  'price_requests.reseller_id',
  'authorizations.end_customer_id',
  'authorization_lines.end_customer_id',
  'pos_lines.end_customer_id',
  'claim_lines.end_customer_id',
  // POS enrichment (server/enrichment): a confirmed spelling and the review queue keep naming the survivor
  'end_customer_aliases.end_customer_id',
  'end_customer_reviews.end_customer_id',
  'end_customer_reviews.suggested_end_customer_id',
] as const;

/** Moves every reference to `loserId` to `survivorId`; programs' eligible end customers too. Counts per column. */
export async function repointAccount(loserId: number, survivorId: number, t: Tx): Promise<Record<string, number>> {
  const sequelize = Account.sequelize!;
  const counts: Record<string, number> = {};
  for (const ref of PARTY_REFERENCES) {
    const [table, column] = ref.split('.') as [string, string];
    const [{ n }] = (await sequelize.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`, {
      replacements: [loserId],
      type: QueryTypes.SELECT,
      transaction: t,
    })) as { n: number | string }[];
    if (Number(n) > 0)
      await sequelize.query(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`, {
        replacements: [survivorId, loserId],
        transaction: t,
      });
    counts[ref] = Number(n);
  }
  const programs = (await sequelize.query(`SELECT id, end_customer_ids AS ids FROM programs`, {
    type: QueryTypes.SELECT,
    transaction: t,
  })) as {
    id: number;
    ids: string;
  }[];
  let repointed = 0;
  for (const p of programs) {
    const ids = JSON.parse(p.ids || '[]') as number[];
    if (!ids.includes(loserId)) continue;
    const next = [...new Set(ids.map((id) => (id === loserId ? survivorId : id)))];
    await sequelize.query(`UPDATE programs SET end_customer_ids = ? WHERE id = ?`, {
      replacements: [JSON.stringify(next), p.id],
      transaction: t,
    });
    repointed++;
  }
  counts['programs.end_customer_ids'] = repointed;
  return counts;
}

/** How many authorizations, claims and book costs a distributor holds: its currency is fixed once it has any. */
export async function distributorFigures(distributorId: number, t?: Tx): Promise<number> {
  let total = 0;
  for (const table of ['authorizations', 'claims', 'book_costs']) {
    const [{ n }] = (await Account.sequelize!.query(`SELECT COUNT(*) AS n FROM ${table} WHERE distributor_id = ?`, {
      replacements: [distributorId],
      type: QueryTypes.SELECT,
      transaction: t,
    })) as { n: number | string }[];
    total += Number(n);
  }
  return total;
}

// ---- distributor contacts and users

export interface ContactRecord {
  id: number;
  distributorId: number;
  name: string;
  email: string;
  role: string | null;
}

export async function listContacts(distributorId: number): Promise<ContactRecord[]> {
  const rows = await DistributorContact.findAll({ where: { distributorId }, order: [['name', 'ASC']] });
  return rows.map((c) => ({ id: c.id, distributorId: c.distributorId, name: c.name, email: c.email, role: c.role }));
}

export async function findContact(distributorId: number, id: number, t?: Tx): Promise<ContactRecord | null> {
  const c = await DistributorContact.findOne({ where: { id, distributorId }, transaction: t });
  return c ? { id: c.id, distributorId: c.distributorId, name: c.name, email: c.email, role: c.role } : null;
}

export async function contactByEmail(distributorId: number, email: string, t?: Tx) {
  return DistributorContact.count({ where: { distributorId, email }, transaction: t });
}

export async function createContact(input: Omit<ContactRecord, 'id'>, t: Tx): Promise<ContactRecord> {
  const c = await DistributorContact.create(input, { transaction: t });
  return { id: c.id, ...input };
}

export async function deleteContact(id: number, t: Tx) {
  await DistributorContact.destroy({ where: { id }, transaction: t });
}
