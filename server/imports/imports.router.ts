import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { CurrencyCode } from '../http/money-schemas.js';
import { describeRoute, IdParam, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { claimImport } from '../claims/pos-claims.service.js';
import * as service from './imports.service.js';
import { POS_FIELDS } from '../../core/pos/index.js';

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
    mapping: z.record(z.unknown()).nullable().openapi({ description: 'field -> the header of the column it was read from' }),
    settings: z
      .object({
        delimiter: z.string().nullable(),
        decimalMark: z.enum(['.', ',']).nullable(),
        dateOrder: z.enum(['MDY', 'DMY']).nullable(),
        decimalMarkFrom: z.enum(['chosen', 'file', 'none']),
        dateOrderFrom: z.enum(['chosen', 'file', 'none']),
      })
      .nullable()
      .openapi({
        description: "the settings the file was read with; 'chosen' (request or saved options), 'file' (inferred), 'none' (not needed)",
      }),
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
const ImportQuery = z.object({
  fileName: z.string().max(255).optional(),
  delimiter: z.enum([',', ';', '\t', '|', 'tab']).optional(),
  decimalMark: z
    .enum(['.', ',', 'auto'])
    .optional()
    .openapi({ description: "the file's decimal mark; inferred from the whole file when absent (or the saved options')" }),
  dateOrder: z
    .enum(['DMY', 'MDY', 'auto'])
    .optional()
    .openapi({ description: 'the order of day and month in dates; inferred from the whole file when absent' }),
});
const PreviewQuery = ImportQuery.extend({ limit: z.coerce.number().int().min(1).max(200).default(20) });
const PreviewView = z
  .object({
    columns: z.record(z.string()).openapi({ description: 'field -> the header of the column it is read from' }),
    extraColumns: z.array(z.string()).openapi({ description: "unmapped columns, by their key in a line's extra" }),
    settings: ImportView.shape.settings,
    lines: z.array(z.record(z.unknown())),
    errors: z.array(RowErrorView),
    rowsRead: z.number(),
  })
  .openapi('PosImportPreview');
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
  response: MappingInput,
});
describeRoute({
  method: 'put',
  path: '/api/imports/mapping',
  summary: 'Save the POS column mapping and file options',
  tags,
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
  response: ImportView,
  status: 201,
});
describeRoute({
  method: 'post',
  path: '/api/imports/preview',
  summary: 'Parse the first rows of a CSV (text/csv) with the effective mapping and settings; nothing is stored',
  tags,
  query: PreviewQuery,
  response: PreviewView,
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

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/octet-stream', 'text/tab-separated-values'];

/** The file settings a request chose. */
function settingsOf(q: z.infer<typeof ImportQuery>) {
  return {
    delimiter: q.delimiter === 'tab' ? '\t' : q.delimiter,
    ...(q.decimalMark ? { decimalMark: q.decimalMark } : {}),
    ...(q.dateOrder ? { dateOrder: q.dateOrder } : {}),
  };
}

export function importsRouter() {
  const r = Router();
  const id = (params: unknown) => parse(IdParam, params, 'params').id;
  r.get('/mapping', async (req, res) => {
    res.json(await service.getMapping(authorize(req, 'claim.submit')));
  });
  r.put('/mapping', async (req, res) => {
    const actor = authorize(req, 'claim.submit');
    const body = parse(MappingInput, req.body);
    res.json(await service.saveMapping(actor, body.mapping, body.options));
  });
  r.post('/', async (req, res) => {
    const actor = authorize(req, 'claim.submit');
    const q = parse(ImportQuery, req.query, 'query');
    if (req.is('application/json')) {
      const body = parse(JsonImport, req.body);
      res
        .status(201)
        .json(
          await service.importJson(actor, body.lines, {
            fileName: body.fileName ?? q.fileName ?? null,
            totalBytes: null,
            ...settingsOf(q),
          }),
        );
      return;
    }
    if (!req.is(CSV_TYPES)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send text/csv (streamed) or application/json {lines}', 415);
    }
    const length = Number(req.get('content-length'));
    const view = await service.importCsv(actor, req, {
      fileName: q.fileName ?? null,
      totalBytes: Number.isFinite(length) && length > 0 ? length : null,
      ...settingsOf(q),
    });
    res.status(201).json(view);
  });
  r.post('/preview', async (req, res) => {
    const actor = authorize(req, 'claim.submit');
    const q = parse(PreviewQuery, req.query, 'query');
    if (!req.is(CSV_TYPES)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as text/csv', 415);
    res.json(await service.previewCsv(actor, req, { fileName: q.fileName ?? null, totalBytes: null, ...settingsOf(q) }, q.limit));
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
  r.post('/:id/claims', async (req, res) => {
    const actor = authorize(req, 'claim.submit');
    const body = parse(ClaimImportInput, req.body);
    res.status(201).json(await claimImport(actor, id(req.params), body.mode, body.groupBy, { currency: body.currency }));
  });
  return r;
}
