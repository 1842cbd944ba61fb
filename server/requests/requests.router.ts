import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { describeRoute, IdParam, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { Counter, Decision, Decline, RejectCounter, RequestInput, RequestQuery, RequestView } from './requests.schemas.js';
import * as service from './requests.service.js';
import { NextCursor } from '../http/cursor.js';

const tags = ['requests'];
const DECISION_ERRORS = {
  403: 'SELF_APPROVAL_FORBIDDEN: the requester never decides its own request',
  409: 'REQUEST_NOT_OPEN: the request was decided already',
};
describeRoute({
  method: 'get',
  path: '/api/requests',
  summary: 'Special-price requests you can see, newest first (the approval queue: status=pending): a page by cursor (keyset) or by number',
  tags,
  query: RequestQuery,
  response: z.object({
    items: z.array(RequestView),
    total: z
      .number()
      .optional()
      .openapi({ description: 'the requests the filters match; only when paging by number (a cursor page counts nothing)' }),
    page: z.number(),
    pageSize: z.number(),
    nextCursor: NextCursor,
  }),
});
describeRoute({ method: 'get', path: '/api/requests/:id', summary: 'One request', tags, params: IdParam, response: RequestView });
describeRoute({
  method: 'post',
  path: '/api/requests',
  summary: 'Request a special price (checked against the program)',
  tags,
  body: RequestInput,
  response: RequestView,
  status: 201,
  idempotent: true,
  errors: {
    400: 'VALIDATION_FAILED, errors[] naming each field: e.g. a requestedCost that is negative or above 99999999999999.9999, a quantity outside 1..100000000',
    403: 'FORBIDDEN: finance and admins do not request prices',
    422: 'NOT_ELIGIBLE: the request does not fit the program (product, distributor, end customer, quantity cap, price floor, dates), errors[] naming each field; IDEMPOTENCY_KEY_REUSED',
  },
});
describeRoute({
  method: 'post',
  path: '/api/requests/:id/approve',
  summary: 'Approve: creates the authorization',
  tags,
  params: IdParam,
  body: Decision,
  response: RequestView,
  errors: DECISION_ERRORS,
});
describeRoute({
  method: 'post',
  path: '/api/requests/:id/decline',
  summary: 'Decline with a comment',
  tags,
  params: IdParam,
  body: Decline,
  response: RequestView,
  errors: DECISION_ERRORS,
});
describeRoute({
  method: 'post',
  path: '/api/requests/:id/counter',
  summary: 'Counter-offer other costs or quantities',
  tags,
  params: IdParam,
  body: Counter,
  response: RequestView,
  errors: DECISION_ERRORS,
});
describeRoute({
  method: 'post',
  path: '/api/requests/:id/accept-counter',
  summary: 'Accept the counter-offer: creates the authorization',
  tags,
  params: IdParam,
  response: RequestView,
  errors: { 409: 'REQUEST_NOT_OPEN: the request has no counter-offer to accept' },
});
describeRoute({
  method: 'post',
  path: '/api/requests/:id/reject-counter',
  summary: 'Reject the counter-offer: the request is withdrawn, no authorization is made',
  tags,
  params: IdParam,
  body: RejectCounter,
  response: RequestView,
  errors: {
    403: 'FORBIDDEN: only the requesting side (its distributor, or the channel manager who requested) answers a counter-offer',
    404: 'NOT_FOUND: no such request, or not yours',
    409: 'REQUEST_NOT_OPEN: the request is not countered',
  },
});

export function requestsRouter() {
  const r = Router();
  r.get('/', async (req, res) => {
    const q = parse(RequestQuery, req.query, 'query');
    res.json({ ...(await service.listRequests(requireActor(req), q)), page: q.page, pageSize: q.pageSize });
  });
  r.get('/:id', async (req, res) => {
    res.json(await service.getRequest(requireActor(req), parse(IdParam, req.params, 'params').id));
  });
  r.post('/', async (req, res) => {
    const actor = authorize(req, 'request.create');
    res.status(201).json(await service.createRequest(actor, parse(RequestInput, req.body)));
  });
  r.post('/:id/approve', async (req, res) => {
    const actor = authorize(req, 'request.decide');
    const { id } = parse(IdParam, req.params, 'params');
    res.json(await service.approveRequest(actor, id, parse(Decision, req.body).comment));
  });
  r.post('/:id/decline', async (req, res) => {
    const actor = authorize(req, 'request.decide');
    const { id } = parse(IdParam, req.params, 'params');
    res.json(await service.declineRequest(actor, id, parse(Decline, req.body).comment));
  });
  r.post('/:id/counter', async (req, res) => {
    const actor = authorize(req, 'request.decide');
    const { id } = parse(IdParam, req.params, 'params');
    const body = parse(Counter, req.body);
    res.json(await service.counterRequest(actor, id, body.comment, body.lines));
  });
  r.post('/:id/accept-counter', async (req, res) => {
    const actor = authorize(req, 'request.create');
    res.json(await service.acceptCounter(actor, parse(IdParam, req.params, 'params').id));
  });
  r.post('/:id/reject-counter', async (req, res) => {
    const actor = authorize(req, 'request.create');
    const { id } = parse(IdParam, req.params, 'params');
    res.json(await service.rejectCounter(actor, id, parse(RejectCounter, req.body ?? {}).comment));
  });
  return r;
}
