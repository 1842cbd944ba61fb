/**
 * Exchange rates (issue 16 part 3) under /api/fx-rates: read by every signed-in user (a rate is
 * shown beside every converted figure), put and loaded by vendor admins and finance, audited.
 */
import { Router } from 'express';
import { FX_RATE_COLUMNS } from '../../core/analytics/fx.js';
import { authorize, requireActor } from '../auth/actor.js';
import { fileUpload } from '../http/body-limit.js';
import { CurrencyCode } from '../http/money-schemas.js';
import { DateString, describeRoute, tableFileOptions, TableFileQuery, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import * as service from './fx.service.js';

const tags = ['fx-rates'];
const Rate = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,10})?$/, 'a positive decimal rate as a string, at most 12 digits before the point and 10 after')
  .refine((v) => /[1-9]/.test(v), 'a rate of 0 converts nothing')
  .openapi({ description: '1 unit of from = rate units of to; exact, at most 10 decimals', example: '1.0856' });
const RateInput = z.object({ from: CurrencyCode, to: CurrencyCode, effectiveDate: DateString, rate: Rate }).strict();
const PutBody = z.object({ rates: z.array(RateInput).min(1).max(5000) }).strict();
const RateView = z.object({
  from: z.string(),
  to: z.string(),
  effectiveDate: z.string(),
  rate: z.string(),
  source: z.enum(['api', 'csv']),
  updatedByUserId: z.number(),
  updatedAt: z.string(),
});
const ListQuery = z.object({
  from: CurrencyCode.optional(),
  to: CurrencyCode.optional(),
  until: DateString.optional().openapi({ description: 'only rates effective on or before this day' }),
});
const columns = FX_RATE_COLUMNS.map((c) => c.names[0]).join(', ');
const MANAGE = 'FORBIDDEN: vendor admins and finance only';

describeRoute({
  method: 'get',
  path: '/api/fx-rates',
  summary: 'Exchange rates by pair, newest day first',
  tags,
  query: ListQuery,
  response: z.object({ items: z.array(RateView) }),
});
describeRoute({
  method: 'put',
  path: '/api/fx-rates',
  summary: 'Put rates (a pair, a day, a rate): a new day is added, a day on record changes; all or none; each change audited',
  tags,
  body: PutBody,
  response: z.object({ items: z.array(RateInput.extend({ change: z.enum(['create', 'update', 'unchanged']) })) }),
  errors: { 400: 'VALIDATION_FAILED: a malformed rate, the same currency twice, the same pair and day twice', 403: MANAGE },
});
describeRoute({
  method: 'post',
  path: '/api/fx-rates/upload',
  summary: `Load rates from CSV (${columns}): the valid rows are stored, each row error is answered with its row, line and field`,
  tags,
  query: TableFileQuery,
  upload: `a CSV file with a header row: ${columns}`,
  response: z.object({
    rows: z.number(),
    stored: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    errors: z.array(z.object({ row: z.number(), line: z.number(), field: z.string().nullable(), message: z.string() })),
  }),
  errors: { 403: MANAGE },
});

export function fxRatesRouter() {
  const r = Router();
  r.get('/', async (req, res) => {
    requireActor(req);
    res.json({ items: await service.listRates(parse(ListQuery, req.query, 'query')) });
  });
  r.put('/', async (req, res) => {
    const actor = authorize(req, 'fxrate.manage');
    res.json(await service.putRates(actor, parse(PutBody, req.body).rates));
  });
  r.post('/upload', async (req, res) => {
    const actor = authorize(req, 'fxrate.manage');
    const q = parse(TableFileQuery, req.query, 'query');
    const upload = fileUpload(req, 'send the file as text/csv');
    res.json(await service.loadRatesCsv(actor, upload.body, tableFileOptions(q)));
  });
  return r;
}
