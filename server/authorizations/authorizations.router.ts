import { Router } from 'express';
import { requireActor, scopeOf } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { describeRoute, IdParam, z, wholeNumber } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import * as repo from './authorizations.repository.js';

const AuthorizationQuery = z.object({
  status: z.enum(['active', 'expired', 'revoked', 'superseded']).optional(),
  number: z.string().max(40).optional(),
  page: wholeNumber(1, 1_000_000).default(1),
  pageSize: wholeNumber(1, 200).default(50),
});
const AuthorizationView = z
  .object({
    id: z.number(),
    number: z.string().openapi({ description: 'the ship & debit number quoted on claims' }),
    version: z.number(),
    distributorId: z.number(),
    programId: z.number(),
    requestId: z.number().nullable(),
    endCustomerId: z.number().nullable(),
    status: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    createdAt: z.string(),
    lines: z.array(
      z.object({
        id: z.number(),
        productId: z.number(),
        vendorPartNumber: z.string(),
        endCustomerId: z.number().nullable(),
        authorizedCost: z.string(),
        bookCost: z.string().nullable().openapi({
          description:
            "the vendor's book cost on record today (UTC) for this distributor and product, null if none. A claim line's credit, (bookCost - authorizedCost) x quantity, uses the book cost on record on its invoice date, not the one claimed",
        }),
        approvedQuantity: z.number(),
        consumedQuantity: z.number(),
        remainingQuantity: z.number(),
        validFrom: z.string(),
        validTo: z.string(),
      }),
    ),
  })
  .openapi('Authorization');

describeRoute({
  method: 'get',
  path: '/api/authorizations',
  summary: 'Authorizations you can see',
  tags: ['authorizations'],
  query: AuthorizationQuery,
  response: z.object({ items: z.array(AuthorizationView), total: z.number(), page: z.number(), pageSize: z.number() }),
});
describeRoute({
  method: 'get',
  path: '/api/authorizations/:id',
  summary: 'One authorization with its lines and remaining quantities',
  tags: ['authorizations'],
  params: IdParam,
  response: AuthorizationView,
  errors: { 404: "NOT_FOUND: no such authorization, or another distributor's" },
});

export function authorizationsRouter() {
  const r = Router();
  r.get('/', async (req, res) => {
    const scope = scopeOf(requireActor(req));
    const q = parse(AuthorizationQuery, req.query, 'query');
    res.json({ ...(await repo.listAuthorizations(scope, q)), page: q.page, pageSize: q.pageSize });
  });
  r.get('/:id', async (req, res) => {
    const scope = scopeOf(requireActor(req));
    const a = await repo.findAuthorization(scope, parse(IdParam, req.params, 'params').id);
    if (!a) throw notFound('authorization');
    res.json(a);
  });
  return r;
}
