import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { describeRoute, IdParam, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { DelegationInput, DelegationView, RoutingRuleInput, RoutingRuleView } from './routing.schemas.js';
import * as service from './routing.service.js';

const tags = ['routing'];
const ADMIN_ONLY = { 403: 'FORBIDDEN: admins only (routing.manage)' };
describeRoute({
  method: 'get',
  path: '/api/routing/rules',
  summary: 'Approval routing rules, in the order they are tried (admins)',
  tags,
  response: z.object({ items: z.array(RoutingRuleView) }),
  errors: ADMIN_ONLY,
});
describeRoute({
  method: 'post',
  path: '/api/routing/rules',
  summary: 'Add an approval routing rule (admins; audited)',
  tags,
  body: RoutingRuleInput,
  response: RoutingRuleView,
  status: 201,
  errors: { ...ADMIN_ONLY, 400: 'VALIDATION_FAILED, errors[] naming each field: e.g. an approver who is no active vendor user' },
});
describeRoute({
  method: 'put',
  path: '/api/routing/rules/:id',
  summary: 'Replace a routing rule (admins; audited). Requests already routed keep the levels they started with',
  tags,
  params: IdParam,
  body: RoutingRuleInput,
  response: RoutingRuleView,
  errors: { ...ADMIN_ONLY, 404: 'NOT_FOUND: no such rule' },
});
describeRoute({
  method: 'delete',
  path: '/api/routing/rules/:id',
  summary: 'Delete a routing rule (admins; audited)',
  tags,
  params: IdParam,
  response: RoutingRuleView,
  errors: { ...ADMIN_ONLY, 404: 'NOT_FOUND: no such rule' },
});
describeRoute({
  method: 'get',
  path: '/api/routing/delegations',
  summary: 'Delegations: yours (as the away user or the delegate), every one for an admin',
  tags,
  response: z.object({ items: z.array(DelegationView) }),
});
describeRoute({
  method: 'post',
  path: '/api/routing/delegations',
  summary: 'Name a delegate who decides for an away approver from..to (audited; the delegate acts "on behalf of")',
  tags,
  body: DelegationInput,
  response: DelegationView,
  status: 201,
  errors: {
    400: 'VALIDATION_FAILED: the away user or the delegate is no active vendor user, or is the same person',
    403: 'FORBIDDEN: only an admin names a delegate for someone else; INSUFFICIENT_SCOPE: and only with the admin scope',
  },
});
describeRoute({
  method: 'delete',
  path: '/api/routing/delegations/:id',
  summary: 'End a delegation (its away user, or an admin with the admin scope; audited)',
  tags,
  params: IdParam,
  response: z.object({ id: z.number() }),
  errors: {
    403: "INSUFFICIENT_SCOPE: ending someone else's delegation needs the admin scope",
    404: 'NOT_FOUND: no such delegation, or not yours',
  },
});

export function routingRouter() {
  const r = Router();
  r.get('/rules', async (req, res) => {
    authorize(req, 'routing.manage');
    res.json({ items: await service.listRules() });
  });
  r.post('/rules', async (req, res) => {
    const actor = authorize(req, 'routing.manage');
    res.status(201).json(await service.createRule(actor, parse(RoutingRuleInput, req.body) as service.RuleInput));
  });
  r.put('/rules/:id', async (req, res) => {
    const actor = authorize(req, 'routing.manage');
    const { id } = parse(IdParam, req.params, 'params');
    res.json(await service.updateRule(actor, id, parse(RoutingRuleInput, req.body) as service.RuleInput));
  });
  r.delete('/rules/:id', async (req, res) => {
    const actor = authorize(req, 'routing.manage');
    const { id } = parse(IdParam, req.params, 'params');
    const rule = await service.getRule(id);
    await service.deleteRule(actor, id);
    res.json(rule);
  });
  r.get('/delegations', async (req, res) => {
    res.json({ items: await service.listDelegations(requireActor(req)) });
  });
  r.post('/delegations', async (req, res) => {
    const actor = authorize(req, 'request.decide');
    res.status(201).json(await service.createDelegation(actor, parse(DelegationInput, req.body)));
  });
  r.delete('/delegations/:id', async (req, res) => {
    const actor = authorize(req, 'request.decide');
    const { id } = parse(IdParam, req.params, 'params');
    await service.deleteDelegation(actor, id);
    res.json({ id });
  });
  return r;
}
