/**
 * GET /api/analytics/<report> (issue 16 part 3): one route per report of core/analytics/reports.ts,
 * JSON by default and CSV with `?format=csv` (the same rows and columns). Every signed-in user may
 * read them; a distributor user sees its own figures only.
 */
import { Router } from 'express';
import { ANALYTICS_REPORTS, REPORTS, reportCsv } from '../../core/analytics/reports.js';
import { requireActor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { csvDialectQuery, sendCsv } from '../http/csv-export.js';
import { DateString, describeRoute, z } from '../http/openapi.js';
import { DISTRIBUTOR_FILTER_FORBIDDEN, DistributorFilterQuery } from '../http/tenant.js';
import { parse } from '../http/validate.js';
import * as service from './analytics.service.js';

const tags = ['analytics'];
const ReportQuery = z.object({
  from: DateString.optional().openapi({
    description: 'first day of the period (default: the first day of the month 11 months before `to`)',
  }),
  to: DateString.optional().openapi({
    description: 'last day of the period, and the day figures without a month convert as of (default: today, UTC)',
  }),
  distributorId: DistributorFilterQuery,
  format: z.enum(['json', 'csv']).default('json').openapi({ description: 'csv: the same report as a CSV file (UTF-8 with BOM)' }),
  ...csvDialectQuery,
});
const Cell = z.union([z.string(), z.number()]).nullable();
const Report = z
  .object({
    report: z.enum(ANALYTICS_REPORTS),
    title: z.string(),
    from: z.string(),
    to: z.string(),
    baseCurrency: z.string().openapi({ description: "the vendor's book currency (BASE_CURRENCY)" }),
    dimensions: z.array(z.object({ key: z.string(), label: z.string() })),
    measures: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        kind: z.enum(['money', 'price', 'quantity', 'ratio']).openapi({
          description:
            'money and price: exact 4-decimal strings, converted to the base currency; quantity: a whole number; ratio: a 4-decimal fraction, null when its denominator is 0',
        }),
      }),
    ),
    rows: z.array(
      z.object({
        keys: z.record(z.string()).openapi({ description: 'the value of each dimension' }),
        currency: z.string().openapi({ description: "the row's currency: figures of two currencies are never added" }),
        values: z.record(Cell).openapi({ description: 'each measure in the row currency' }),
        figureDate: z.string().openapi({ description: "the day the row converts as of: its month's last day (not after to), else to" }),
        base: z
          .object({
            currency: z.string(),
            rate: z
              .string()
              .openapi({ description: '1 row currency = rate base currency (exact decimal); 1 for the base currency itself' }),
            rateDate: z
              .string()
              .nullable()
              .openapi({ description: "the rate's effective day: the latest on or before figureDate; null for the base currency" }),
            values: z
              .record(z.string().nullable())
              .openapi({ description: 'each money and price measure converted, rounded half-up to 4 decimals' }),
          })
          .nullable(),
        missingRate: z.string().nullable().openapi({ description: 'why base is null: no rate of the pair on or before figureDate' }),
      }),
    ),
  })
  .openapi('AnalyticsReport');

for (const name of ANALYTICS_REPORTS)
  describeRoute({
    method: 'get',
    path: `/api/analytics/${name}`,
    summary: `${REPORTS[name].title}: per currency and in the base currency with the rate used; computed in SQL; ?format=csv for the CSV`,
    tags,
    query: ReportQuery,
    response: Report,
    produces: {
      mediaType: 'text/csv',
      description:
        'the report (JSON; with ?format=csv the same rows as CSV, delimiter and decimal, else Accept-Language, choosing the dialect)',
    },
    errors: { 400: 'VALIDATION_FAILED: from is after to', 403: DISTRIBUTOR_FILTER_FORBIDDEN },
  });

export function analyticsRouter(config: Pick<Config, 'baseCurrency'>) {
  const r = Router();
  for (const name of ANALYTICS_REPORTS)
    r.get(`/${name}`, async (req, res) => {
      const actor = requireActor(req);
      const q = parse(ReportQuery, req.query, 'query');
      const report = await service.report(actor, name, q, config.baseCurrency);
      if (q.format === 'csv')
        await sendCsv(req, res, q, `${name}_${report.from}_${report.to}.csv`, (dialect) => reportCsv(report, dialect));
      else res.json(report);
    });
  return r;
}
