/** Read-only lookups the forms need: accounts (distributors, resellers, end customers) and products. */
import { Router } from 'express';
import { ACCOUNT_TYPES } from '../../core/domain.js';
import { requireActor } from '../auth/actor.js';
import { describeRoute, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { listAccounts, listProducts } from './catalog.repository.js';

const AccountQuery = z.object({ type: z.enum(ACCOUNT_TYPES).optional(), q: z.string().max(100).optional() });
const AccountView = z
  .object({ id: z.number(), type: z.enum(ACCOUNT_TYPES), name: z.string(), country: z.string().nullable() })
  .openapi('Account');
const ProductQuery = z.object({ q: z.string().max(100).optional() });
/** A product as the forms see it; master data adds its currency and whether it is active. */
export const ProductView = z
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
    // Other distributors are other tenants: a distributor user never lists them.
    const distributorId = actor.role === 'distributor_user' ? (actor.distributorId ?? -1) : undefined;
    res.json({ items: await listAccounts({ type: q.type, q: q.q, distributorId }) });
  });
  r.get('/products', async (req, res) => {
    requireActor(req);
    const q = parse(ProductQuery, req.query, 'query');
    res.json({ items: await listProducts(q.q) });
  });
  return r;
}
