import { Router } from 'express';
import { requireActor } from '../auth/actor.js';
import { loadConfig, type Config } from '../config.js';
import { CurrencyCode } from '../http/money-schemas.js';
import { DateString, describeRoute, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import * as service from './reports.service.js';

const tags = ['reports'];
const Currency = z.string().openapi({ description: 'ISO 4217 code, upper case', example: 'EUR' });
const Amount = z.string().openapi({ description: 'exact decimal, 4 places', example: '1184.6700' });
const AccrualQuery = z.object({ asOf: DateString.optional() });
const FigureQuery = z.object({
  groupBy: z.enum(['week', 'distributor', 'programType']).default('week'),
  from: DateString.optional(),
  to: DateString.optional(),
  currency: CurrencyCode.optional().openapi({ description: 'only claims in this currency (ISO 4217)' }),
});
const Accruals = z
  .object({
    asOf: z.string(),
    byCurrency: z
      .array(
        z.object({
          currency: Currency,
          openLiability: Amount.openapi({ description: 'approved (authorized) and not yet paid' }),
          inReview: Amount.openapi({ description: 'approved by validation, awaiting finance' }),
          paid: Amount,
        }),
      )
      .openapi({
        description:
          'one row per claim currency that has submitted, authorized or paid claims, ordered by currency; amounts of two currencies are never added',
      }),
    exposure: Amount.openapi({
      description:
        'approved quantity not yet claimed x credit per unit, of the distributors in exposureCurrency (others: exposureByCurrency)',
    }),
    exposureCurrency: Currency.openapi({ description: "the vendor's book currency (BASE_CURRENCY)" }),
    exposureByCurrency: z
      .array(z.object({ currency: Currency, exposure: Amount }))
      .openapi({ description: "exposure per distributor currency, ordered by currency; two currencies' are never added" }),
    byDistributor: z.array(
      z.object({
        distributorId: z.number(),
        distributorName: z.string(),
        openQuantity: z.number(),
        exposure: Amount,
        currency: Currency.openapi({ description: "the distributor's currency: its authorizations and book costs are in it" }),
      }),
    ),
  })
  .openapi('Accruals');
const Figures = z
  .object({
    groupBy: z.string(),
    currency: Currency.optional().openapi({ description: 'the currency filter, when one was given' }),
    currencies: z.array(Currency).openapi({ description: 'the currencies of the items, sorted' }),
    items: z
      .array(z.object({ key: z.string(), currency: Currency, claims: z.number(), claimed: Amount, approved: Amount, paid: Amount }))
      .openapi({ description: 'one row per group and currency, ordered by key then currency' }),
  })
  .openapi('ClaimFigures');

describeRoute({
  method: 'get',
  path: '/api/reports/accruals',
  summary: 'Open liability, in review and paid per currency; exposure in the base currency; computed in SQL',
  tags,
  query: AccrualQuery,
  response: Accruals,
});
describeRoute({
  method: 'get',
  path: '/api/reports/claims',
  summary: 'Claimed, approved and paid by week, distributor or program type, per currency',
  tags,
  query: FigureQuery,
  response: Figures,
});

/** `config` gives the base currency of exposure; without one it is read from the environment (BASE_CURRENCY). */
export function reportsRouter(config: Pick<Config, 'baseCurrency'> = loadConfig()) {
  const r = Router();
  r.get('/accruals', async (req, res) => {
    res.json(await service.accruals(requireActor(req), config.baseCurrency, parse(AccrualQuery, req.query, 'query').asOf));
  });
  r.get('/claims', async (req, res) => {
    const q = parse(FigureQuery, req.query, 'query');
    res.json(await service.claimFigures(requireActor(req), q.groupBy, q.from, q.to, q.currency));
  });
  return r;
}
