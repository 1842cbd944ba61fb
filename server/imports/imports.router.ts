import { Router } from 'express';
import { authorize, intakeActor, requireActor } from '../auth/actor.js';
import { fileUpload } from '../http/body-limit.js';
import { CurrencyCode } from '../http/money-schemas.js';
import { describeRoute, IdParam, z, wholeNumber } from '../http/openapi.js';
import { OnBehalfQuery } from '../http/intake.js';
import { parse } from '../http/validate.js';
import { claimImport } from '../claims/pos-claims.service.js';
import * as service from './imports.service.js';
import { POS_FIELDS } from './pos-rows.js';

const tags = ['imports'];
const ImportView = z
  .object({
    id: z.number(),
    distributorId: z.number(),
    format: z.string(),
    purpose: z.enum(['pos', 'claim']).openapi({ description: "'pos': POS lines kept; 'claim': a claim file validated into one claim" }),
    fileName: z.string().nullable(),
    fileSha256: z.string().nullable(),
    status: z.enum(['running', 'completed', 'failed']),
    totalBytes: z.number().nullable(),
    processedBytes: z.number(),
    rowsRead: z.number(),
    rowsAccepted: z.number().openapi({ description: 'new POS lines kept' }),
    rowsDuplicate: z.number().openapi({ description: 'valid rows already on file (a re-import adds nothing)' }),
    rowsRejected: z.number().openapi({ description: 'rows in the error report' }),
    progress: z.number().nullable(),
    failure: z.string().nullable(),
    mapping: z.record(z.unknown()).nullable(),
    createdByUserId: z.number(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('PosImport');
const RowErrorView = z.object({
  rowNumber: z.number(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  raw: z.string().nullable(),
});
const Mapping = z
  .object(
    Object.fromEntries(POS_FIELDS.map((f) => [f, z.string().min(1).max(100).optional()])) as Record<
      (typeof POS_FIELDS)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();
const MappingInput = z
  .object({
    mapping: Mapping.default({}).openapi({ description: 'POS field -> the header the distributor uses' }),
    options: z
      .object({
        decimalMark: z.enum(['auto', '.', ',']).optional(),
        dateOrder: z.enum(['auto', 'MDY', 'DMY']).optional(),
        delimiter: z.enum([',', ';', '\t', '|']).optional(),
      })
      .default({}),
  })
  .openapi('PosColumnMapping');
const JsonImport = z
  .object({
    fileName: z.string().max(255).nullable().default(null),
    lines: z
      .array(z.record(z.string().max(100), z.unknown()))
      .min(1)
      .max(100_000),
  })
  .openapi('PosJsonImport');
const ImportQuery = OnBehalfQuery.extend({
  fileName: z.string().max(255).optional(),
  delimiter: z.enum([',', ';', '\t', '|', 'tab']).optional(),
});
const ClaimImportInput = z
  .object({
    mode: z.enum(['implicit', 'automatic', 'both']).default('both'),
    groupBy: z
      .enum(['debitMemo', 'period'])
      .default('debitMemo')
      .openapi({ description: 'implicit claims: one per debit memo (lines without one go by month), or one per month' }),
    currency: CurrencyCode.optional().openapi({
      description: "the currency of the claims built (ISO 4217); the distributor's own when absent, another is refused (422)",
    }),
  })
  .openapi('ClaimImportInput');

describeRoute({
  method: 'get',
  path: '/api/imports/mapping',
  summary: "The distributor's saved POS column mapping",
  tags,
  query: OnBehalfQuery,
  response: MappingInput,
});
describeRoute({
  method: 'put',
  path: '/api/imports/mapping',
  summary: 'Save the POS column mapping and file options',
  tags,
  query: OnBehalfQuery,
  body: MappingInput,
  response: MappingInput,
});
describeRoute({
  method: 'post',
  path: '/api/imports',
  summary: 'Import POS lines: a CSV body (text/csv, streamed) or JSON {lines}',
  tags,
  query: ImportQuery,
  body: JsonImport,
  upload: 'the POS report, streamed: CSV or tab-separated, at most UPLOAD_MAX_BYTES (413 once past it)',
  response: ImportView,
  status: 201,
});
describeRoute({
  method: 'get',
  path: '/api/imports',
  summary: 'Recent POS imports',
  tags,
  response: z.object({ items: z.array(ImportView) }),
});
describeRoute({
  method: 'get',
  path: '/api/imports/:id',
  summary: 'An import job with its progress and counters',
  tags,
  params: IdParam,
  response: ImportView,
});
describeRoute({
  method: 'get',
  path: '/api/imports/:id/events',
  summary: 'Server-sent events: progress of the job until it ends',
  tags,
  params: IdParam,
});
describeRoute({
  method: 'get',
  path: '/api/imports/:id/errors',
  summary: 'The rows that were not kept, with row, column and reason',
  tags,
  params: IdParam,
  response: z.object({ items: z.array(RowErrorView) }),
});
describeRoute({ method: 'get', path: '/api/imports/:id/errors.csv', summary: 'The row-error report as CSV', tags, params: IdParam });
describeRoute({
  method: 'post',
  path: '/api/imports/:id/claims',
  summary: 'Turn the import into implicit claims (lines with an authorization number) and automatic claims (best match)',
  tags,
  params: IdParam,
  body: ClaimImportInput,
  status: 201,
});

const LinesQuery = z.object({
  after: wholeNumber(0).default(0).openapi({ description: 'the last line id of the previous page (keyset)' }),
  limit: wholeNumber(1, 1000).default(200),
});
const PosLineView = z
  .object({
    id: z.number(),
    rowNumber: z.number().nullable().openapi({ description: 'the row of the file (the header is row 1)' }),
    invoiceNumber: z.string(),
    invoiceLine: z.string(),
    invoiceKey: z.string().openapi({ description: 'the canonical POS key the ledger compares' }),
    lineKey: z.string(),
    invoiceDate: z.string(),
    shipDate: z.string().nullable(),
    vendorPartNumber: z.string().nullable(),
    distributorPartNumber: z.string().nullable(),
    productId: z.number().nullable(),
    quantity: z.number().openapi({ description: 'negative for a return' }),
    isReturn: z.boolean(),
    resalePrice: z.string().nullable(),
    bookCost: z.string().nullable(),
    authorizedCost: z.string().nullable(),
    claimedAmount: z.string().nullable(),
    authorizationNumber: z.string().nullable(),
    endCustomerName: z.string().nullable(),
    customerPo: z.string().nullable(),
    debitMemoNumber: z.string().nullable(),
    extra: z.record(z.string()).nullable(),
    claimed: z.boolean().openapi({ description: 'a claim line was made from it (it can no longer be voided)' }),
  })
  .openapi('PosLineView');
const VoidInput = z.object({ reason: z.string().trim().min(3).max(2000) }).strict();
describeRoute({
  method: 'get',
  path: '/api/imports/:id/lines',
  summary: "An import's POS lines as stored (parsed values, the file's row), a page at a time",
  tags,
  params: IdParam,
  query: LinesQuery,
  response: z.object({ items: z.array(PosLineView), next: z.number().nullable() }),
});
describeRoute({
  method: 'post',
  path: '/api/imports/:id/void',
  summary: 'Void an import: its lines are removed so the corrected file can be sent again (refused while any is on a claim)',
  tags,
  params: IdParam,
  body: VoidInput,
  response: ImportView,
  errors: {
    400: 'VALIDATION_FAILED: no reason given',
    404: 'NOT_FOUND: no such import for this caller',
    409: 'IMPORT_LINES_CLAIMED: lines of the import are on claims (the first ones are named); IMPORT_NOT_VOIDABLE: the import is running, failed or voided already, or is a claim file',
  },
});

export function importsRouter() {
  const r = Router();
  const id = (params: unknown) => parse(IdParam, params, 'params').id;
  const intake = (req: Parameters<typeof intakeActor>[0]) =>
    intakeActor(req, parse(OnBehalfQuery, req.query, 'query').distributorId, service.isDistributor);
  r.get('/mapping', async (req, res) => {
    res.json(await service.getMapping(await intake(req)));
  });
  r.put('/mapping', async (req, res) => {
    const actor = await intake(req);
    const body = parse(MappingInput, req.body);
    res.json(await service.saveMapping(actor, body.mapping, body.options));
  });
  r.post('/', async (req, res) => {
    const q = parse(ImportQuery, req.query, 'query');
    const actor = await intakeActor(req, q.distributorId, service.isDistributor);
    if (req.is('application/json')) {
      const body = parse(JsonImport, req.body);
      res
        .status(201)
        .json(await service.importJson(actor, body.lines, { fileName: body.fileName ?? q.fileName ?? null, totalBytes: null }));
      return;
    }
    const upload = fileUpload(req, 'send text/csv (streamed) or application/json {lines}');
    const view = await service.importCsv(actor, upload.body, {
      fileName: q.fileName ?? null,
      totalBytes: upload.declaredBytes,
      delimiter: q.delimiter === 'tab' ? '\t' : q.delimiter,
    });
    res.status(201).json(view);
  });
  r.get('/', async (req, res) => {
    res.json({ items: await service.listImports(requireActor(req), 50) });
  });
  r.get('/:id', async (req, res) => {
    res.json(await service.getImport(requireActor(req), id(req.params)));
  });
  r.get('/:id/errors', async (req, res) => {
    res.json({ items: await service.importErrors(requireActor(req), id(req.params)) });
  });
  r.get('/:id/errors.csv', async (req, res) => {
    const importId = id(req.params);
    const csv = await service.importErrorsCsv(requireActor(req), importId);
    res.type('text/csv').set('Content-Disposition', `attachment; filename="import-${importId}-errors.csv"`).send(csv);
  });
  r.get('/:id/events', async (req, res) => {
    const actor = requireActor(req);
    const importId = id(req.params);
    let job = await service.getImport(actor, importId);
    res
      .status(200)
      .set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    let closed = false;
    req.on('close', () => {
      closed = true;
    });
    let last = '';
    // The job lives in the database (another process may run it): poll it and send each change.
    while (!closed) {
      const text = JSON.stringify(job);
      if (text !== last) {
        res.write(`event: ${job.status === 'running' ? 'progress' : job.status}\nid: ${job.rowsRead}\ndata: ${text}\n\n`);
        last = text;
      }
      if (job.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = await service.getImport(actor, importId);
    }
    res.end();
  });
  r.get('/:id/lines', async (req, res) => {
    const q = parse(LinesQuery, req.query, 'query');
    res.json(await service.importLines(requireActor(req), id(req.params), q.after, q.limit));
  });
  r.post('/:id/void', async (req, res) => {
    const actor = authorize(req, 'pos.import');
    const body = parse(VoidInput, req.body);
    res.json(await service.voidImport(actor, id(req.params), body.reason));
  });
  r.post('/:id/claims', async (req, res) => {
    // The import names its distributor: a vendor user runs claims over any import it may see.
    const actor = authorize(req, 'pos.import');
    const body = parse(ClaimImportInput, req.body);
    res.status(201).json(await claimImport(actor, id(req.params), body.mode, body.groupBy, { currency: body.currency }));
  });
  return r;
}
