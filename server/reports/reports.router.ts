import { Router } from 'express';
import { requireActor } from '../auth/actor.js';
import { loadConfig, type Config } from '../config.js';
import { CurrencyCode } from '../http/money-schemas.js';
import { DateString, describeRoute, z } from '../http/openapi.js';
import { DISTRIBUTOR_FILTER_FORBIDDEN, DistributorFilterQuery } from '../http/tenant.js';
import { parse } from '../http/validate.js';
import { RebateAccrualItem as RebateAccrual } from '../rebates/rebates.schemas.js';
import { AGING_BUCKETS } from './aging.repository.js';
import * as service from './reports.service.js';

const tags = ['reports'];
const Currency = z.string().openapi({ description: 'ISO 4217 code, upper case', example: 'EUR' });
const Amount = z.string().openapi({ description: 'exact decimal, 4 places', example: '1184.6700' });
const AccrualQuery = z.object({
  asOf: DateString.optional().openapi({ description: 'every figure as it stood at the end of this day (UTC); today by default' }),
});
const ForecastQuery = AccrualQuery.extend({
  distributorId: DistributorFilterQuery,
  weeks: z.coerce.number().int().min(1).max(52).default(service.FORECAST_WEEKS).openapi({ description: 'how many weeks ahead' }),
});
const Period = z.object({ from: z.string(), to: z.string() });
const RebateAccruals = z
  .object({
    items: z.array(RebateAccrual),
    byCurrency: z.array(z.object({ currency: Currency, accrued: Amount })).openapi({ description: 'per currency, never across' }),
    unpaidPeriods: z
      .array(
        z.object({
          periodId: z.number(),
          programId: z.number(),
          code: z.string(),
          name: z.string(),
          distributorId: z.number(),
          distributorName: z.string(),
          currency: Currency,
          period: Period,
          status: z.enum(['closed', 'authorized']).openapi({ description: 'where the period stood at the end of asOf' }),
          amount: Amount.openapi({ description: 'what the finance journal had accrued for it by the end of asOf' }),
        }),
      )
      .openapi({ description: 'rebate periods closed and not yet paid at the end of asOf: owed, accrued in the journal' }),
    unpaidByCurrency: z
      .array(z.object({ currency: Currency, unpaid: Amount }))
      .openapi({ description: 'unpaidPeriods totalled per currency, never across' }),
  })
  .openapi({
    description:
      'rebates accrued so far in the periods running on asOf, over the sales invoiced by then (items, byCurrency); and the periods closed but not yet paid by then (unpaidPeriods, unpaidByCurrency); the periods over and not yet closed are GET /api/rebates/periods/to-close',
  });
const Forecast = z
  .object({
    asOf: z.string(),
    firstWeek: z.string().openapi({ description: 'the Monday the forecast starts on: the one after asOf' }),
    weeks: z.number(),
    items: z.array(
      z.object({
        distributorId: z.number(),
        distributorName: z.string(),
        currency: Currency.openapi({ description: "the distributor's currency" }),
        curve: z.object({
          cumulative: z.array(z.number()).openapi({
            description: 'share of approved quantity claimed by the end of each week since approval (index 0 = the approval week)',
          }),
          support: z.array(z.number()).openapi({ description: 'how many authorization lines taught each week' }),
        }),
        learnedFrom: z.number().openapi({ description: 'authorization lines in its history' }),
        openQuantity: z.number().openapi({ description: 'approved and not yet claimed on live authorizations' }),
        weeks: z.array(
          z.object({
            weekStart: z.string(),
            quantity: z.number().openapi({ description: 'units expected (an estimate, 2 places)' }),
            amount: Amount.openapi({ description: 'the credit those units carry, exact' }),
          }),
        ),
        totalQuantity: z.number(),
        totalAmount: Amount,
      }),
    ),
  })
  .openapi('AccrualForecast');
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
    exposureInBase: z
      .object({
        currency: Currency.openapi({ description: 'the base currency' }),
        asOf: z.string().openapi({ description: 'the day each currency converts as of (asOf)' }),
        total: Amount.nullable().openapi({
          description: "every currency's exposure converted and added; null when a currency has no rate",
        }),
        byCurrency: z.array(
          z.object({
            currency: Currency,
            amount: Amount,
            rate: z.string().nullable().openapi({ description: 'the rate used (1 for the base currency); null: no rate' }),
            rateDate: z.string().nullable().openapi({ description: "the rate's effective day, the latest on or before asOf" }),
            inBase: Amount.nullable(),
            missingRate: z.string().nullable().openapi({ description: 'why inBase is null' }),
          }),
        ),
      })
      .optional()
      .openapi({ description: 'exposure in the base currency at the exchange rates of /api/fx-rates (docs/analytics.md)' }),
    byDistributor: z.array(
      z.object({
        distributorId: z.number(),
        distributorName: z.string(),
        openQuantity: z.number(),
        exposure: Amount,
        currency: Currency.openapi({ description: "the distributor's currency: its authorizations and book costs are in it" }),
      }),
    ),
    rebates: RebateAccruals,
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

const AgingQuery = z.object({
  asOf: DateString.optional().openapi({ description: 'the day ages are counted to (UTC); today by default' }),
});
const BucketKey = z.enum(AGING_BUCKETS.map((b) => b.key) as [string, ...string[]]);
const AgingCell = z.object({ bucket: BucketKey, count: z.number(), amount: Amount });
const AgingRow = z.object({
  distributorId: z.number(),
  distributorName: z.string(),
  currency: Currency,
  buckets: z.array(AgingCell).openapi({ description: 'every bucket, in the order of `buckets`' }),
});
const AgingTable = (what: string) =>
  z.object({
    byDistributor: z.array(AgingRow).openapi({ description: `${what}, one row per distributor and currency` }),
    totals: z.array(z.object({ currency: Currency, buckets: z.array(AgingCell) })).openapi({ description: 'per currency, never across' }),
  });
const Aging = z
  .object({
    asOf: z.string(),
    buckets: z.array(z.object({ key: BucketKey, fromDays: z.number(), toDays: z.number().nullable() })).openapi({
      description: 'age in whole days from the submission (claims) or the request day, inclusive; toDays null = no upper bound',
    }),
    claims: AgingTable('claims submitted and not paid as of asOf; amount = approved total'),
    requests: AgingTable('requests pending as of asOf; amount = quantity x requested cost, in the distributor currency'),
  })
  .openapi('Aging');

describeRoute({
  method: 'get',
  path: '/api/reports/aging',
  summary:
    'Aging of unpaid submitted claims and pending requests in buckets of 0-7, 8-30, 31-60 and over 60 days, per distributor and currency',
  tags,
  query: AgingQuery,
  response: Aging,
});
describeRoute({
  method: 'get',
  path: '/api/reports/accruals',
  summary:
    'Open liability, in review and paid per currency; exposure in the base currency; rebates accrued in running periods; every figure as of asOf',
  tags,
  query: AccrualQuery,
  response: Accruals,
});
describeRoute({
  method: 'get',
  path: '/api/reports/accruals/forecast',
  summary: 'The claims still to come per week and distributor, from its claim-through curve learned from its history (the curve with it)',
  tags,
  query: ForecastQuery,
  response: Forecast,
  errors: { 403: DISTRIBUTOR_FILTER_FORBIDDEN },
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
  r.get('/accruals/forecast', async (req, res) => {
    res.json(await service.accrualForecast(requireActor(req), config.baseCurrency, parse(ForecastQuery, req.query, 'query')));
  });
  r.get('/aging', async (req, res) => {
    res.json(await service.aging(requireActor(req), config.baseCurrency, parse(AgingQuery, req.query, 'query').asOf));
  });
  r.get('/claims', async (req, res) => {
    const q = parse(FigureQuery, req.query, 'query');
    res.json(await service.claimFigures(requireActor(req), q.groupBy, q.from, q.to, q.currency));
  });
  return r;
}
