/** Read-only lookups the forms need: accounts (distributors, resellers, end customers) and products. */
import { Router } from 'express';
import { Op } from 'sequelize';
import { ACCOUNT_TYPES } from '../../core/domain.js';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Account } from '../../models/accounts.js';
import { Product } from '../../models/catalog.js';
import { requireActor } from '../auth/actor.js';
import { describeRoute, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';

const AccountQuery = z.object({ type: z.enum(ACCOUNT_TYPES).optional(), q: z.string().max(100).optional() });
const AccountView = z
  .object({ id: z.number(), type: z.enum(ACCOUNT_TYPES), name: z.string(), country: z.string().nullable() })
  .openapi('Account');
const ProductQuery = z.object({ q: z.string().max(100).optional() });
const ProductView = z
  .object({
    id: z.number(),
    vendorPartNumber: z.string(),
    description: z.string(),
    family: z.string().nullable(),
    listPrice: z.string().nullable(),
  })
  .openapi('Product');

describeRoute({
  method: 'get',
  path: '/api/accounts',
  summary: 'Accounts (a distributor sees itself, resellers and end customers)',
  tags: ['catalog'],
  query: AccountQuery,
  response: z.object({ items: z.array(AccountView) }),
});
describeRoute({
  method: 'get',
  path: '/api/products',
  summary: 'Products, searchable by part number or description',
  tags: ['catalog'],
  query: ProductQuery,
  response: z.object({ items: z.array(ProductView) }),
});

export function catalogRouter() {
  const r = Router();
  r.get('/accounts', async (req, res) => {
    const actor = requireActor(req);
    const q = parse(AccountQuery, req.query, 'query');
    const where: Record<string | symbol, unknown> = {};
    if (q.type) where.type = q.type;
    if (q.q) where.name = { [Op.like]: `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` };
    // Other distributors are other tenants: a distributor user never lists them.
    if (actor.role === 'distributor_user') {
      where[Op.or] = [{ type: { [Op.in]: ['reseller', 'end_customer', 'vendor'] } }, { id: actor.distributorId ?? -1 }];
    }
    const rows = await Account.findAll({ where, order: [['name', 'ASC']], limit: 500 });
    res.json({ items: rows.map((a) => ({ id: a.id, type: a.type, name: a.name, country: a.country })) });
  });
  r.get('/products', async (req, res) => {
    requireActor(req);
    const q = parse(ProductQuery, req.query, 'query');
    const like = q.q ? `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
    const rows = await Product.findAll({
      where: like ? { [Op.or]: [{ vendorPartNumber: { [Op.like]: like } }, { description: { [Op.like]: like } }] } : {},
      order: [['vendorPartNumber', 'ASC']],
      limit: 500,
    });
    res.json({
      items: rows.map((p) => ({
        id: p.id,
        vendorPartNumber: p.vendorPartNumber,
        description: p.description,
        family: p.family,
        listPrice: p.listPrice === null ? null : moneyToString(moneyFromDb(p.listPrice)),
      })),
    });
  });
  return r;
}
