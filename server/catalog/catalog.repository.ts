/** Accounts and products as the forms look them up. */
import { Op } from 'sequelize';
import type { AccountType } from '../../core/domain.js';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Account } from '../../models/accounts.js';
import { Product } from '../../models/catalog.js';

export interface AccountRow {
  id: number;
  type: AccountType;
  name: string;
  country: string | null;
}

export interface ProductRow {
  id: number;
  vendorPartNumber: string;
  description: string;
  family: string | null;
  listPrice: string | null;
}

const likePattern = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/**
 * Accounts by name, at most 500. With `distributorId`, the caller is that distributor: it sees
 * itself, resellers, end customers and vendors, never another distributor.
 */
export async function listAccounts(filter: { type?: AccountType; q?: string; distributorId?: number }): Promise<AccountRow[]> {
  // A merged duplicate is kept for the audit trail, never offered again.
  const where: Record<string | symbol, unknown> = { mergedIntoId: null };
  if (filter.type) where.type = filter.type;
  if (filter.q) where.name = { [Op.like]: likePattern(filter.q) };
  if (filter.distributorId !== undefined) {
    where[Op.or] = [{ type: { [Op.in]: ['reseller', 'end_customer', 'vendor'] } }, { id: filter.distributorId }];
  }
  const rows = await Account.findAll({ where, order: [['name', 'ASC']], limit: 500 });
  return rows.map((a) => ({ id: a.id, type: a.type, name: a.name, country: a.country }));
}

/** Active products by part number, searched in part number or description, at most 500 (a deactivated one is offered no more). */
export async function listProducts(q: string | undefined): Promise<ProductRow[]> {
  const like = q ? likePattern(q) : null;
  const rows = await Product.findAll({
    where: like
      ? { active: true, [Op.or]: [{ vendorPartNumber: { [Op.like]: like } }, { description: { [Op.like]: like } }] }
      : { active: true },
    order: [['vendorPartNumber', 'ASC']],
    limit: 500,
  });
  return rows.map((p) => ({
    id: p.id,
    vendorPartNumber: p.vendorPartNumber,
    description: p.description,
    family: p.family,
    listPrice: p.listPrice === null ? null : moneyToString(moneyFromDb(p.listPrice)),
  }));
}

/** The names of the end customers among these account ids (others are left out). */
export async function endCustomerNames(ids: number[]): Promise<Map<number, string>> {
  const accounts = await Account.findAll({ where: { id: ids, type: 'end_customer' }, attributes: ['id', 'name'] });
  return new Map(accounts.map((a) => [a.id, a.name]));
}
