import { Router } from 'express';
import { requireActor } from '../auth/actor.js';
import { DateString, describeRoute, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import * as service from './reports.service.js';

const tags = ['reports'];
const AccrualQuery = z.object({ asOf: DateString.optional() });
const FigureQuery = z.object({
  groupBy: z.enum(['week', 'distributor', 'programType']).default('week'),
  from: DateString.optional(),
  to: DateString.optional(),
});
const Accruals = z
  .object({
    asOf: z.string(),
    openLiability: z.string().openapi({ description: 'approved (authorized) and not yet paid' }),
    inReview: z.string().openapi({ description: 'approved by validation, awaiting finance' }),
    paid: z.string(),
    exposure: z.string().openapi({ description: 'approved quantity not yet claimed x credit per unit' }),
    byDistributor: z.array(
      z.object({ distributorId: z.number(), distributorName: z.string(), openQuantity: z.number(), exposure: z.string() }),
    ),
  })
  .openapi('Accruals');
const Figures = z
  .object({
    groupBy: z.string(),
    items: z.array(z.object({ key: z.string(), claims: z.number(), claimed: z.string(), approved: z.string(), paid: z.string() })),
  })
  .openapi('ClaimFigures');

describeRoute({
  method: 'get',
  path: '/api/reports/accruals',
  summary: 'Open liability and exposure, computed in SQL',
  tags,
  query: AccrualQuery,
  response: Accruals,
});
describeRoute({
  method: 'get',
  path: '/api/reports/claims',
  summary: 'Claimed, approved and paid by week, distributor or program type',
  tags,
  query: FigureQuery,
  response: Figures,
});

export function reportsRouter() {
  const r = Router();
  r.get('/accruals', async (req, res) => {
    res.json(await service.accruals(requireActor(req), parse(AccrualQuery, req.query, 'query').asOf));
  });
  r.get('/claims', async (req, res) => {
    const q = parse(FigureQuery, req.query, 'query');
    res.json(await service.claimFigures(requireActor(req), q.groupBy, q.from, q.to));
  });
  return r;
}
