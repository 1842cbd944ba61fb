import { Router } from 'express';
import { authorize, requireActor, scopeOf } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { describeRoute, IdParam, z, wholeNumber } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import * as repo from './authorizations.repository.js';
import * as service from './authorizations.service.js';
import { requestChange } from '../requests/requests.service.js';
import { CrmAccountId, CrmOpportunityId, RequestView } from '../requests/requests.schemas.js';
import { Amount, Quantity } from '../http/money-schemas.js';
import { DateString } from '../http/openapi.js';

const AuthorizationQuery = z.object({
  status: z.enum(['active', 'expired', 'revoked', 'superseded', 'cancelled']).optional(),
  number: z.string().max(40).optional(),
  opportunityId: CrmOpportunityId.openapi({
    description: 'only the authorizations made by requests linked to this CRM opportunity (its Salesforce Id)',
  }),
  accountId: CrmAccountId.openapi({
    description:
      'only the authorizations made by requests whose distributor, reseller or end customer is this account: its BEC id (digits) or CRM Id (externalRef)',
  }),
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

const ChangeInput = z
  .object({
    kind: z.enum(['amend', 'extend', 'cancel']),
    effectiveFrom: DateString.optional().openapi({
      description:
        'amend, cancel: the first invoice date the change applies to (today by default); an extension applies from its validFrom',
    }),
    validFrom: DateString.optional().openapi({ description: 'extend: the new start (the current one by default)' }),
    validTo: DateString.optional().openapi({ description: 'extend: the new end (required)' }),
    lines: z
      .array(
        z
          .object({ lineId: z.number().int().positive(), authorizedCost: Amount.optional(), approvedQuantity: Quantity.optional() })
          .strict(),
      )
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: 'amend: the lines changed (their new authorized cost, approved quantity or both)' }),
    justification: z.string().max(4000).nullable().optional(),
  })
  .strict()
  .openapi('AuthorizationChangeInput');

const VersionsView = z
  .object({
    authorizationId: z.number(),
    number: z.string(),
    versions: z.array(
      z.object({
        version: z.number(),
        change: z.enum(['created', 'amended', 'extended', 'cancelled']),
        effectiveFrom: z.string().openapi({ description: 'claims invoiced from this day on meet this version (until the next one)' }),
        validFrom: z.string(),
        validTo: z.string(),
        requestId: z.number().nullable(),
        createdAt: z.string(),
        lines: z.array(z.object({ authorizationLineId: z.number(), authorizedCost: z.string(), approvedQuantity: z.number() })),
      }),
    ),
  })
  .openapi('AuthorizationVersions');

describeRoute({
  method: 'post',
  path: '/api/authorizations/:id/changes',
  summary: 'Ask to amend (cost, quantity), extend (dates) or cancel: a change request, routed and decided like a request',
  tags: ['authorizations'],
  params: IdParam,
  body: ChangeInput,
  response: RequestView,
  status: 201,
  errors: {
    400: 'VALIDATION_FAILED, errors[] naming the field (a line not of this authorization, an extension without validTo)',
    403: 'FORBIDDEN: finance and admins do not ask changes',
    404: "NOT_FOUND: no such authorization, or another distributor's",
    409: 'QUANTITY_BELOW_CLAIMED (errors[] naming the line), AUTHORIZATION_NOT_ACTIVE, CHANGE_PENDING (one change waits at a time)',
  },
});
describeRoute({
  method: 'get',
  path: '/api/authorizations/:id/versions',
  summary: 'The history of an authorization: every version, what changed and from which day',
  tags: ['authorizations'],
  params: IdParam,
  response: VersionsView,
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
  r.post('/:id/changes', async (req, res) => {
    const actor = authorize(req, 'request.create');
    const { id } = parse(IdParam, req.params, 'params');
    res.status(201).json(await requestChange(actor, id, parse(ChangeInput, req.body)));
  });
  r.get('/:id/versions', async (req, res) => {
    res.json(await service.versions(requireActor(req), parse(IdParam, req.params, 'params').id));
  });
  return r;
}
