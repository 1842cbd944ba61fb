/** The rebates API (issue 16): thin routes over rebates.service.ts; shapes in rebates.schemas.ts. */
import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { describeRoute, IdParam, z } from '../http/openapi.js';
import { DISTRIBUTOR_FILTER_FORBIDDEN } from '../http/tenant.js';
import { parse } from '../http/validate.js';
import {
  AdjustInput,
  CalculationQuery,
  CalculationView,
  CloseInput,
  PayInput,
  PeriodsQuery,
  PreviewInput,
  PreviewView,
  ProgramIdParam,
  ProgressView,
  RebatePeriodView,
  RebateProgramInput,
  RebateProgramView,
  ToCloseQuery,
  ToCloseView,
} from './rebates.schemas.js';
import * as service from './rebates.service.js';

const tags = ['rebates'];
describeRoute({
  method: 'get',
  path: '/api/rebates/programs',
  summary: 'Rebate programs with their terms (a distributor: those it is eligible for)',
  tags,
  response: z.object({ items: z.array(RebateProgramView) }),
});
describeRoute({
  method: 'get',
  path: '/api/rebates/programs/:programId',
  summary: "A rebate program's terms, period kind and stacking rule",
  tags,
  params: ProgramIdParam,
  response: RebateProgramView,
});
describeRoute({
  method: 'put',
  path: '/api/rebates/programs/:programId',
  summary: "Set a rebate program's terms (a program of type rebate, made with POST /api/programs), period kind and stacking rule",
  tags,
  params: ProgramIdParam,
  body: RebateProgramInput,
  response: RebateProgramView,
  errors: {
    400: 'VALIDATION_FAILED: errors[] naming each field of the terms (terms.tiers.0.from)',
    404: 'NOT_FOUND: no such program',
    409: 'NOT_A_REBATE_PROGRAM: the program is of another type',
    422: 'UNKNOWN_REFERENCE: the terms name a product or end customer that does not exist, errors[] naming its place',
  },
});
describeRoute({
  method: 'get',
  path: '/api/rebates/programs/:programId/calculation',
  summary: "The rebate so far in a distributor's period, over its stored POS lines (stacking applied)",
  tags,
  params: ProgramIdParam,
  query: CalculationQuery,
  response: CalculationView,
  errors: {
    400: 'VALIDATION_FAILED: a vendor user names no distributorId, or a bad date',
    403: DISTRIBUTOR_FILTER_FORBIDDEN,
    404: 'NOT_FOUND: no such program or distributor (a distributor user sees only its own)',
    409: 'NOT_A_REBATE_PROGRAM, REBATE_TERMS_MISSING: the program has no rebate terms',
    422: 'VALIDATION_FAILED: the period is outside the program, or the distributor is not eligible',
  },
});
describeRoute({
  method: 'post',
  path: '/api/rebates/programs/:programId/preview',
  summary: 'What-if: the rebate if the distributor also sold this much more in the period',
  tags,
  params: ProgramIdParam,
  body: PreviewInput,
  response: PreviewView,
  errors: { 403: DISTRIBUTOR_FILTER_FORBIDDEN },
});
describeRoute({
  method: 'get',
  path: '/api/rebates/progress',
  summary: 'Where a distributor stands in each running rebate program ("3400 units to the next tier")',
  tags,
  query: CalculationQuery,
  response: ProgressView,
  errors: { 400: 'VALIDATION_FAILED: a vendor user names no distributorId, or a bad date', 403: DISTRIBUTOR_FILTER_FORBIDDEN },
});
describeRoute({
  method: 'get',
  path: '/api/rebates/periods',
  summary: 'Closed rebate periods, newest first (a distributor: its own)',
  tags,
  query: PeriodsQuery,
  response: z.object({ items: z.array(RebatePeriodView) }),
});
describeRoute({
  method: 'get',
  path: '/api/rebates/periods/:id',
  summary: 'One closed rebate period: the frozen calculation, its amount and who did what',
  tags,
  params: IdParam,
  response: RebatePeriodView,
});
describeRoute({
  method: 'post',
  path: '/api/rebates/periods',
  summary: "Close a program's period for a distributor: freeze the calculation and record the consumption of each POS line counted",
  tags,
  body: CloseInput,
  response: RebatePeriodView,
  status: 201,
  errors: {
    409: 'PERIOD_NOT_OVER: the period is still running; REBATE_PERIOD_CLOSED: closed already; REBATE_SALE_TAKEN: a sale it counts was taken meanwhile (close again)',
    422: 'VALIDATION_FAILED: the period is outside the program, or the distributor is not eligible',
  },
});
describeRoute({
  method: 'post',
  path: '/api/rebates/periods/:id/adjust',
  summary: "Adjust a closed period's amount payable, with a reason",
  tags,
  params: IdParam,
  body: AdjustInput,
  response: RebatePeriodView,
  errors: {
    400: 'VALIDATION_FAILED: the amount is not whole minor units of the currency, or no reason',
    409: 'REBATE_PERIOD_NOT_CLOSED: the period is authorized or paid already',
  },
});
describeRoute({
  method: 'post',
  path: '/api/rebates/periods/:id/authorize',
  summary: 'Authorize a closed period for payment (not by whoever closed or adjusted it)',
  tags,
  params: IdParam,
  response: RebatePeriodView,
  errors: {
    403: 'SEPARATION_OF_DUTIES: whoever closed or adjusted the period does not authorize it',
    409: 'REBATE_PERIOD_NOT_CLOSED: not a closed period; NOTHING_APPROVED: the period pays nothing',
  },
});
describeRoute({
  method: 'post',
  path: '/api/rebates/periods/:id/pay',
  summary: 'Pay an authorized period: its credit memo',
  tags,
  params: IdParam,
  body: PayInput,
  response: RebatePeriodView,
  errors: {
    409: 'REBATE_PERIOD_NOT_AUTHORIZED: only an authorized period is paid',
    422: 'ERP_REFERENCE_REQUIRED: the finance setting erpReferenceRequired is on and no externalRef was sent',
  },
});

describeRoute({
  method: 'get',
  path: '/api/rebates/periods/to-close',
  summary:
    "Rebate periods over and not closed, with each one's estimated rebate (finance's periods to close; the vendor owes them, the journal holds them once closed); a distributor sees its own",
  tags,
  query: ToCloseQuery,
  response: ToCloseView,
});

export function rebatesRouter() {
  const r = Router();
  const programId = (req: { params: unknown }) => parse(ProgramIdParam, req.params, 'params').programId;
  const id = (req: { params: unknown }) => parse(IdParam, req.params, 'params').id;
  r.get('/programs', async (req, res) => {
    res.json({ items: await service.listPrograms(requireActor(req)) });
  });
  r.get('/programs/:programId', async (req, res) => {
    res.json(await service.getProgramTerms(requireActor(req), programId(req)));
  });
  r.put('/programs/:programId', async (req, res) => {
    const actor = authorize(req, 'program.manage');
    res.json(await service.setTerms(actor, programId(req), parse(RebateProgramInput, req.body)));
  });
  r.get('/programs/:programId/calculation', async (req, res) => {
    res.json(await service.calculation(requireActor(req), programId(req), parse(CalculationQuery, req.query, 'query')));
  });
  r.post('/programs/:programId/preview', async (req, res) => {
    res.json(await service.preview(requireActor(req), programId(req), parse(PreviewInput, req.body)));
  });
  r.get('/progress', async (req, res) => {
    res.json(await service.progress(requireActor(req), parse(CalculationQuery, req.query, 'query')));
  });
  r.get('/periods', async (req, res) => {
    res.json({ items: await service.listPeriods(requireActor(req), parse(PeriodsQuery, req.query, 'query')) });
  });
  r.get('/periods/to-close', async (req, res) => {
    res.json(await service.periodsToClose(requireActor(req), parse(ToCloseQuery, req.query, 'query').asOf));
  });
  r.get('/periods/:id', async (req, res) => {
    res.json(await service.getPeriod(requireActor(req), id(req)));
  });
  r.post('/periods', async (req, res) => {
    const actor = authorize(req, 'rebate.close');
    res.status(201).json(await service.closePeriod(actor, parse(CloseInput, req.body)));
  });
  r.post('/periods/:id/adjust', async (req, res) => {
    const actor = authorize(req, 'rebate.adjust');
    res.json(await service.adjustPeriod(actor, id(req), parse(AdjustInput, req.body)));
  });
  r.post('/periods/:id/authorize', async (req, res) => {
    const actor = authorize(req, 'rebate.authorize');
    res.json(await service.authorizePeriod(actor, id(req)));
  });
  r.post('/periods/:id/pay', async (req, res) => {
    const actor = authorize(req, 'rebate.pay');
    res.json(await service.payPeriod(actor, id(req), parse(PayInput, req.body ?? {}).externalRef ?? null));
  });
  return r;
}
