/**
 * Sell-in under /api/shipments (issue 16): the vendor's shipment lines to its distributors, what
 * sell-in rebate programs count. Loaded by vendor admins and finance (JSON or CSV), audited; read
 * by the vendor's users, and by a distributor's users for their own.
 */
import { Router } from 'express';
import { SHIPMENT_COLUMNS } from '../../core/rebates/shipments.js';
import { authorize, requireActor } from '../auth/actor.js';
import { fileUpload } from '../http/body-limit.js';
import { CurrencyCode } from '../http/money-schemas.js';
import { DateString, describeRoute, tableFileOptions, TableFileQuery, wholeNumber, z } from '../http/openapi.js';
import { DISTRIBUTOR_FILTER_FORBIDDEN, DistributorFilterQuery } from '../http/tenant.js';
import { parse } from '../http/validate.js';
import * as service from './shipments.service.js';

const tags = ['rebates'];
const MANAGE = 'FORBIDDEN: vendor admins and finance only';
const ShipmentLine = z
  .object({
    distributor: z
      .union([z.string().min(1).max(200), z.number().int().positive().transform(String)])
      .openapi({ description: 'the distributor shipped to: its BEC account id or its name' }),
    documentNumber: z.string().min(1).max(40).openapi({ description: "the vendor's invoice or delivery number" }),
    lineNumber: z.union([z.string().min(1).max(20), z.number().int().nonnegative().transform(String)]),
    shipDate: DateString,
    vendorPartNumber: z.string().min(1).max(100),
    quantity: z.number().int().min(-2_147_483_647).max(2_147_483_647).openapi({ description: 'units; negative for a return' }),
    amount: z
      .string()
      .regex(/^-?\d{1,14}(\.\d{1,4})?$/, 'a decimal string such as 1234.50 (negative for a return)')
      .openapi({ description: "the line's invoiced value, in the distributor's currency" }),
    currency: CurrencyCode,
  })
  .strict()
  .openapi('ShipmentLine');
const LoadBody = z.object({ lines: z.array(ShipmentLine).min(1).max(5000) }).strict();
/** What the route reads first: the lines are then shaped one by one, so a malformed line is an error of its row, not of the load. */
const LoadEnvelope = z.object({ lines: z.array(z.unknown()).min(1).max(5000) }).strict();
const LoadResult = z
  .object({
    rows: z.number(),
    stored: z.number().openapi({ description: 'created + unchanged' }),
    created: z.number(),
    unchanged: z.number().openapi({ description: 'lines already stored with the same values' }),
    errors: z.array(
      z.object({
        row: z.number().openapi({ description: "the line's 1-based position in `lines`, or the CSV row (the header is row 1)" }),
        line: z.number().nullable().openapi({ description: 'the CSV line the row starts on' }),
        field: z.string().nullable(),
        message: z.string(),
      }),
    ),
  })
  .openapi('ShipmentLoad');
const ShipmentView = z.object({
  id: z.number(),
  distributorId: z.number(),
  documentNumber: z.string(),
  lineNumber: z.string(),
  shipDate: z.string(),
  productId: z.number(),
  quantity: z.number(),
  amount: z.string(),
  currency: z.string(),
  loadedByUserId: z.number(),
  createdAt: z.string(),
});
const ListQuery = z.object({
  distributorId: DistributorFilterQuery,
  from: DateString.optional(),
  to: DateString.optional(),
  page: wholeNumber(1, 1_000_000).default(1),
  pageSize: wholeNumber(1, 500).default(100),
});
const columns = SHIPMENT_COLUMNS.map((c) => c.names[0]).join(', ');

describeRoute({
  method: 'get',
  path: '/api/shipments',
  summary: "The vendor's shipment lines (sell-in), newest ship date first",
  tags,
  query: ListQuery,
  response: z.object({ items: z.array(ShipmentView), total: z.number(), page: z.number(), pageSize: z.number() }),
  errors: { 403: DISTRIBUTOR_FILTER_FORBIDDEN },
});
describeRoute({
  method: 'post',
  path: '/api/shipments',
  summary:
    'Load shipment lines (sell-in): each line is checked on its own, the valid ones stored (a line stored with the same values is unchanged), each refused one answered with its row and field',
  tags,
  body: LoadBody,
  response: LoadResult,
  errors: { 400: 'VALIDATION_FAILED: the body is not a list of shipment lines', 403: MANAGE },
});
describeRoute({
  method: 'post',
  path: '/api/shipments/upload',
  summary: `Load shipment lines from CSV (${columns}): the valid rows are stored, each row error answered with its row, line and field`,
  tags,
  query: TableFileQuery,
  upload: `a CSV file with a header row: ${columns}`,
  response: LoadResult,
  errors: { 403: MANAGE },
});

export function shipmentsRouter() {
  const r = Router();
  r.get('/', async (req, res) => {
    const actor = requireActor(req);
    const q = parse(ListQuery, req.query, 'query');
    res.json({ ...(await service.listShipments(actor, q)), page: q.page, pageSize: q.pageSize });
  });
  r.post('/', async (req, res) => {
    const actor = authorize(req, 'shipment.manage');
    const shaped = parse(LoadEnvelope, req.body).lines.map((line, i) => {
      const r = ShipmentLine.safeParse(line);
      return r.success
        ? { row: i + 1, line: r.data }
        : { row: i + 1, problems: r.error.issues.map((issue) => ({ field: issue.path.join('.') || null, message: issue.message })) };
    });
    res.json(await service.loadShipments(actor, shaped));
  });
  r.post('/upload', async (req, res) => {
    const actor = authorize(req, 'shipment.manage');
    const q = parse(TableFileQuery, req.query, 'query');
    const upload = fileUpload(req, 'send the file as text/csv');
    res.json(await service.loadShipmentsCsv(actor, upload.body, tableFileOptions(q)));
  });
  return r;
}
