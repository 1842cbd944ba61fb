import { fallbackMs, onJobChange } from '../jobs/job-events.js';
import { Router, type Request } from 'express';
import { cursorQuery, NextCursor } from '../http/cursor.js';
import { authorize, intakeActor, requireActor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { fileUpload } from '../http/body-limit.js';
import { csvDialectQuery, sendCsv } from '../http/csv-export.js';
import { CurrencyCode } from '../http/money-schemas.js';
import { describeRoute, IdParam, z, wholeNumber } from '../http/openapi.js';
import { OnBehalfQuery } from '../http/intake.js';
import { DISTRIBUTOR_FILTER_FORBIDDEN, DistributorFilterQuery } from '../http/tenant.js';
import { parse } from '../http/validate.js';
import { claimCurrency } from '../claims/claims.service.js';
import { answerJob, WaitQuery, type Jobs } from '../jobs/runtime.js';
import { keepIf } from '../jobs/uploads.js';
import { queueFile } from '../edi/intake.js';
import * as service from './imports.service.js';
import { POS_CHARSETS, POS_ENCODINGS, POS_FIELDS, posEncodingOf, type PosEncoding } from '../../core/pos/index.js';
import { CSV_SEPARATORS, CSV_SEPARATOR_NAMES, csvSeparatorOf, type CsvSeparatorName } from '../../core/pos/csv.js';
import { CLAIM_TYPES } from '../../core/domain.js';

const tags = ['imports'];
/** An import job (a POS report or a claim file) as every import route answers it. */
export const ImportView = z
  .object({
    id: z.number(),
    distributorId: z.number(),
    format: z.string(),
    purpose: z.enum(['pos', 'claim']).openapi({ description: "'pos': POS lines kept; 'claim': a claim file validated into one claim" }),
    fileName: z.string().nullable(),
    fileSha256: z.string().nullable(),
    status: z.enum(['queued', 'running', 'completed', 'failed']).openapi({
      description: 'queued: stored, waiting for a worker; running: a worker has it (a retried job goes on where it stopped)',
    }),
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
        delimiter: z.enum(CSV_SEPARATORS).nullable(),
        decimalMark: z.enum(['.', ',']).nullable(),
        dateOrder: z.enum(['MDY', 'DMY']).nullable(),
        decimalMarkFrom: z.enum(['chosen', 'file', 'none']),
        dateOrderFrom: z.enum(['chosen', 'file', 'none']),
        encoding: z.enum(POS_ENCODINGS).optional().openapi({
          description: "the encoding the file's bytes were read in (absent on imports sent as JSON, or made before 2026-12-05)",
        }),
        encodingFrom: z.enum(['chosen', 'file', 'none']).optional().openapi({
          description:
            "'chosen': the request's charset; 'file': a byte-order mark, or the bytes (not UTF-8: Windows-1252); 'none': plain ASCII, read as UTF-8",
        }),
      })
      .nullable()
      .openapi({
        description: "the settings the file was read with; 'chosen' (request or saved options), 'file' (inferred), 'none' (not needed)",
      }),
    createdByUserId: z.number(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    createdAt: z.string(),
    result: z.unknown().openapi({ description: "a claim file's answer (ClaimFileResult) once it has completed; null otherwise" }),
    voidedAt: z
      .string()
      .nullable()
      .openapi({ description: 'a voided import: its lines were removed (see voidReason); the file may be sent again' }),
    voidedByUserId: z.number().nullable(),
    voidReason: z.string().nullable(),
  })
  .openapi('PosImport');
const RowErrorView = z.object({
  rowNumber: z.number(),
  column: z.string().nullable(),
  code: z.string().openapi({
    description:
      "the parser's (MISSING_REQUIRED_FIELD, INVALID_DATE, INVALID_NUMBER, ...) or the import's: DISTRIBUTOR_MISMATCH (the Distributor ID names another distributor), SALE_ALREADY_ON_FILE (a POS row whose sale is on file with other values), AMOUNT_TOO_LARGE and DEBIT_MEMO_MISMATCH (a claim file's)",
  }),
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
const mappingFields = {
  mapping: Mapping.default({}).openapi({
    description:
      'POS field -> the header of its column as the distributor writes it, or its position: "#5" is the fifth column (counted from 1), whatever its header; the way to choose between two columns with the same header (422 MAPPING_AMBIGUOUS names the positions to send)',
  }),
  options: z
    .object({
      decimalMark: z.enum(['auto', '.', ',']).optional(),
      dateOrder: z.enum(['auto', 'MDY', 'DMY']).optional(),
      delimiter: z.enum(CSV_SEPARATORS).optional(),
    })
    .default({}),
};
const MappingInput = z.object(mappingFields).openapi('PosColumnMapping');
const SavedMapping = z
  .object({
    ...mappingFields,
    updatedAt: z.string().nullable().openapi({ description: 'when it was saved; null: never' }),
    currency: z.string().openapi({
      description:
        "the distributor's currency (ISO 4217): a POS report's amounts are read in it, and an amount written in another (its sign or code) is a row error CURRENCY_MISMATCH; the upload's browser preflight reads in it too",
    }),
  })
  .openapi('SavedPosColumnMapping');
const JsonImport = z
  .object({
    fileName: z.string().max(255).nullable().default(null),
    lines: z
      .array(z.record(z.string().max(100), z.unknown()))
      .min(1)
      .max(100_000),
  })
  .openapi('PosJsonImport');
/**
 * A file's separator as a request names it: the character, or its name as the CSV exports take it
 * (`comma`, `semicolon`, `tab`; and `pipe`): one table, core/pos/csv.ts CSV_SEPARATOR_NAMES.
 */
export const DelimiterQuery = z
  .enum([...CSV_SEPARATORS, ...(Object.keys(CSV_SEPARATOR_NAMES) as [CsvSeparatorName, ...CsvSeparatorName[]])])
  .optional()
  .openapi({
    description:
      "the file's separator: `,` `;` `|` or a tab, or by name as the CSV exports take it: comma, semicolon, tab, pipe; sniffed from the header line when absent (or the saved options')",
  });
const ImportQuery = OnBehalfQuery.extend({
  fileName: z.string().max(255).optional(),
  delimiter: DelimiterQuery,
  decimalMark: z
    .enum(['.', ',', 'auto'])
    .optional()
    .openapi({ description: "the file's decimal mark; inferred from the file when absent (or the saved options')" }),
  dateOrder: z
    .enum(['DMY', 'MDY', 'auto'])
    .optional()
    .openapi({ description: 'the order of day and month in dates; inferred from the file when absent' }),
  wait: WaitQuery,
});
const WaitOnly = z.object({ wait: WaitQuery });
/** What a claim run built (pos-claims.service ClaimImportResult): the 201 of ?wait=true and a completed run's `result`. */
const ClaimRunResult = z
  .object({
    claims: z.array(
      z.object({
        id: z.number(),
        number: z.string(),
        type: z.enum(CLAIM_TYPES),
        debitMemoNumber: z.string().nullable(),
        currency: z.string(),
        status: z.string(),
        lineCount: z.number(),
        rejectedLines: z.number(),
        claimedTotal: z.string(),
        approvedTotal: z.string(),
      }),
    ),
    unmatched: z
      .array(z.object({ posLineId: z.number(), invoiceNumber: z.string(), invoiceLine: z.string(), reason: z.literal('NO_POS_MATCH') }))
      .openapi({ description: 'lines without a number that no live authorization matches (the first 1,000; see unmatchedCount)' }),
    unmatchedCount: z.number(),
    refused: z
      .array(
        z.object({
          posLineId: z.number(),
          rowNumber: z.number().nullable().openapi({ description: 'the row of the file (the header is row 1)' }),
          invoiceNumber: z.string(),
          invoiceLine: z.string(),
          field: z
            .string()
            .openapi({ description: 'claimedAmount, or the unit cost (bookCost, authorizedCost) that times the quantity is too much' }),
          code: z.literal('AMOUNT_TOO_LARGE'),
          message: z.string(),
        }),
      )
      .optional()
      .openapi({
        description:
          'lines left unclaimed because an amount is beyond what a claim line carries (999,999,999,999.9999; the first 1,000; see refusedCount); always sent since 2026-12-05',
      }),
    refusedCount: z.number().optional(),
    lines: z.object({ claimed: z.number(), accepted: z.number(), partial: z.number(), rejected: z.number() }),
  })
  .openapi('ImportClaimRunResult');
const ClaimRunView = z
  .object({
    id: z.number(),
    importId: z.number(),
    distributorId: z.number(),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    options: z.record(z.unknown()),
    result: ClaimRunResult.nullable().openapi({
      description: 'the claims built (as the 201 answer of ?wait=true) once completed; null otherwise',
    }),
    failure: z.string().nullable(),
    attempts: z.number(),
    createdByUserId: z.number(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ImportClaimRun');
const RunParams = z.object({ id: wholeNumber(1), runId: wholeNumber(1) });
const PreviewQuery = ImportQuery.extend({ limit: wholeNumber(1, 200).default(20) });
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

/** The 415s of a route that reads a POS file (POST /api/claims/file's too). */
export const FILE_415 = `UNSUPPORTED_MEDIA_TYPE: the body is not sent as text/csv, text/tab-separated-values or application/octet-stream (or JSON where the route takes it), or declares a charset POS files are not read in (${POS_CHARSETS}); UNSUPPORTED_FILE: the bytes are a compressed file (gzip) or an Excel workbook (.xlsx or another zip, .xls), not a CSV: the message says to save it as CSV (UTF-8)`;

describeRoute({
  method: 'get',
  path: '/api/imports/mapping',
  summary: "The distributor's saved POS column mapping",
  tags,
  query: OnBehalfQuery,
  response: SavedMapping,
});
describeRoute({
  method: 'put',
  path: '/api/imports/mapping',
  summary: 'Save the POS column mapping and file options',
  tags,
  query: OnBehalfQuery,
  body: MappingInput,
  response: SavedMapping,
});
describeRoute({
  method: 'post',
  path: '/api/imports',
  summary:
    'Import POS lines: a CSV body (text/csv, streamed to storage) or JSON {lines}. A job: 202 with the import (status queued) and a Location to poll; ?wait=true answers 201 with the finished import',
  tags,
  query: ImportQuery,
  body: JsonImport,
  upload: 'the POS report, streamed: CSV or tab-separated, at most UPLOAD_MAX_BYTES (413 once past it)',
  response: ImportView,
  status: 202,
  waitable: true,
  errors: { 415: FILE_415 },
});
describeRoute({
  method: 'post',
  path: '/api/imports/preview',
  summary: 'Parse the first rows of a CSV (text/csv) with the effective mapping and settings; nothing is stored',
  tags,
  query: PreviewQuery,
  upload: 'the first rows of a POS report: CSV or tab-separated (the rest is read and dropped)',
  response: PreviewView,
  errors: { 415: FILE_415 },
});
const ImportListQuery = z.object({ distributorId: DistributorFilterQuery });
describeRoute({
  method: 'get',
  path: '/api/imports',
  summary: 'Recent imports (POS reports and claim files), newest first: the last 50',
  tags,
  query: ImportListQuery,
  response: z.object({ items: z.array(ImportView) }),
  errors: { 403: DISTRIBUTOR_FILTER_FORBIDDEN },
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
  produces: { mediaType: 'text/event-stream', description: 'progress events until the job ends' },
});
describeRoute({
  method: 'get',
  path: '/api/imports/:id/errors',
  summary: 'The rows that were not kept, with row, column and reason',
  tags,
  params: IdParam,
  response: z.object({ items: z.array(RowErrorView) }),
});
const ErrorsCsvQuery = z.object(csvDialectQuery);
describeRoute({
  method: 'get',
  path: '/api/imports/:id/errors.csv',
  summary: 'The row-error report as CSV (delimiter and decimal, else Accept-Language, choose the dialect)',
  tags,
  params: IdParam,
  query: ErrorsCsvQuery,
  produces: { mediaType: 'text/csv', description: 'one row per rejected POS row' },
});
describeRoute({
  method: 'post',
  path: '/api/imports/:id/claims',
  summary:
    'Turn the import into implicit claims (lines with an authorization number) and automatic claims (best match). A job: 202 with the run and a Location to poll; ?wait=true answers 201 with the claims built',
  tags,
  params: IdParam,
  query: WaitOnly,
  body: ClaimImportInput,
  response: ClaimRunView,
  status: 202,
  waitable: ClaimRunResult,
});
describeRoute({
  method: 'get',
  path: '/api/imports/:id/claims/:runId',
  summary: 'A claim run over the import: its status, and the claims built once completed',
  tags,
  params: RunParams,
  response: ClaimRunView,
});

const LinesQuery = z.object({
  after: wholeNumber(0)
    .default(0)
    .openapi({ description: 'the last line id of the previous page (keyset; cursor says the same, opaquely)' }),
  limit: wholeNumber(1, 1000).default(200),
  cursor: cursorQuery('import-lines'),
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
    endCustomerId: z.number().nullable().openapi({ description: 'the end customer the name was matched to (POS enrichment), if any' }),
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
  response: z.object({ items: z.array(PosLineView), next: z.number().nullable(), nextCursor: NextCursor }),
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
    409: 'IMPORT_LINES_CLAIMED: lines of the import are on claims (the first ones are named); IMPORT_RETURNS_SETTLED: a credit memo took back the credit of one of its returns (the debits are named; a debit not yet taken from goes with the void); IMPORT_NOT_VOIDABLE: the import is running, failed or voided already, or is a claim file',
  },
});

/**
 * The encoding a file's request declares (`Content-Type: text/csv; charset=windows-1252`), null
 * when it declares none; a charset POS files are not read in is a 415 before anything is stored.
 */
export function declaredEncoding(req: Request): PosEncoding | null {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(req.get('content-type') ?? '')?.[1];
  if (charset === undefined || charset === '') return null;
  const encoding = posEncodingOf(charset);
  if (encoding === null)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `charset=${charset} is not an encoding POS files are read in: send one of ${POS_CHARSETS}`,
      415,
    );
  return encoding;
}

/** The file settings a request chose. */
function settingsOf(q: z.infer<typeof ImportQuery>, req?: Request) {
  const encoding = req ? declaredEncoding(req) : null;
  return {
    ...(encoding ? { encoding } : {}),
    delimiter: csvSeparatorOf(q.delimiter),
    ...(q.decimalMark ? { decimalMark: q.decimalMark } : {}),
    ...(q.dateOrder ? { dateOrder: q.dateOrder } : {}),
  };
}

export function importsRouter(jobs: Jobs) {
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
    let importId: number;
    if (req.is('application/json')) {
      const body = parse(JsonImport, req.body);
      const stored = await jobs.uploads.storeJson(body.lines);
      importId = await keepIf(stored, () =>
        service.createImportJob(actor, {
          format: 'json',
          purpose: 'pos',
          meta: { fileName: body.fileName ?? q.fileName ?? null, totalBytes: null, ...settingsOf(q) },
          uploadPath: stored.path,
        }),
      );
    } else {
      const upload = fileUpload(req, 'send text/csv (streamed) or application/json {lines}');
      // The body streams to a file (constant memory, under the byte cap); the job reads it from there.
      // A CSV or X12 (an 867, by its media type or its content): the one door of every transport (server/edi/intake.ts).
      // A declared charset goes with the read settings (queueFile passes them on to the job's).
      const file = { purpose: 'pos' as const, body: upload.body, fileName: q.fileName ?? null, read: settingsOf(q, req) };
      importId = (await queueFile(actor, jobs, { ...file, declaredX12: Boolean(req.is('application/edi-x12')) })).importId;
    }
    await answerJob(res, jobs, q.wait, {
      data: { kind: 'pos-import', id: importId },
      location: `/api/imports/${importId}`,
      view: () => service.getImport(actor, importId),
      outcome: () => service.importOutcome(actor, importId),
      unqueued: (problem) => service.failImport(actor, importId, problem),
    });
  });
  r.post('/preview', async (req, res) => {
    const q = parse(PreviewQuery, req.query, 'query');
    const actor = await intakeActor(req, q.distributorId, service.isDistributor);
    const upload = fileUpload(req, 'send the file as text/csv');
    const meta = { fileName: q.fileName ?? null, totalBytes: null, ...settingsOf(q, req) };
    res.json(await service.previewCsv(actor, upload.body, meta, q.limit));
  });
  r.get('/', async (req, res) => {
    const actor = requireActor(req);
    const q = parse(ImportListQuery, req.query, 'query');
    res.json({ items: await service.listImports(actor, 50, q.distributorId) });
  });
  r.get('/:id', async (req, res) => {
    res.json(await service.getImport(requireActor(req), id(req.params)));
  });
  r.get('/:id/errors', async (req, res) => {
    res.json({ items: await service.importErrors(requireActor(req), id(req.params)) });
  });
  r.get('/:id/errors.csv', async (req, res) => {
    const importId = id(req.params);
    const asked = parse(ErrorsCsvQuery, req.query, 'query');
    const actor = requireActor(req);
    await sendCsv(req, res, asked, `import-${importId}-errors.csv`, (dialect) => service.importErrorsCsv(actor, importId, dialect));
  });
  r.get('/:id/events', async (req, res) => {
    const actor = requireActor(req);
    const importId = id(req.params);
    // The job lives in the database and may run in any process: each change of its row is told to
    // every process (server/jobs/job-events.ts, over Redis with REDIS_URL); the stream reads the row
    // when told, and now and then besides (a message lost on the way delays an event, no more).
    // Listening starts before the first read, so a change between the two is not missed.
    let told = false;
    let wake = () => {};
    const off = onJobChange('import', importId, () => {
      told = true;
      wake();
    });
    try {
      let job = await service.getImport(actor, importId);
      res
        .status(200)
        .set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
      res.flushHeaders();
      let closed = false;
      // The response's close: the client went away (the request's own fires once its body is read).
      res.on('close', () => {
        closed = true;
        wake();
      });
      let last = '';
      while (!closed) {
        const text = JSON.stringify(job);
        if (text !== last) {
          const ongoing = job.status === 'queued' || job.status === 'running';
          res.write(`event: ${ongoing ? 'progress' : job.status}\nid: ${job.rowsRead}\ndata: ${text}\n\n`);
          last = text;
        }
        if (job.status !== 'queued' && job.status !== 'running') break;
        if (!told)
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, fallbackMs());
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        told = false;
        if (!closed) job = await service.getImport(actor, importId);
      }
    } finally {
      off();
    }
    res.end();
  });
  r.get('/:id/lines', async (req, res) => {
    const q = parse(LinesQuery, req.query, 'query');
    res.json(await service.importLines(requireActor(req), id(req.params), q.cursor?.[0] ?? q.after, q.limit));
  });
  r.post('/:id/void', async (req, res) => {
    const actor = authorize(req, 'pos.import');
    const body = parse(VoidInput, req.body);
    res.json(await service.voidImport(actor, id(req.params), body.reason));
  });
  r.post('/:id/claims', async (req, res) => {
    // The import names its distributor: a vendor user runs claims over any import it may see.
    const actor = authorize(req, 'pos.import');
    const importId = id(req.params);
    const q = parse(WaitOnly, req.query, 'query');
    const body = parse(ClaimImportInput, req.body);
    // Refused at once (the job checks again): another tenant's import, one not finished, another currency.
    const job = await service.getImport(actor, importId);
    if (job.status === 'queued' || job.status === 'running')
      throw new AppError('IMPORT_RUNNING', 'the import is still running: claim it once it has completed', 409);
    await claimCurrency(job.distributorId, body.currency);
    const runId = await service.createClaimRunJob(actor, importId, body);
    await answerJob(res, jobs, q.wait, {
      data: { kind: 'claim-run', id: runId },
      location: `/api/imports/${importId}/claims/${runId}`,
      view: () => service.getClaimRun(actor, importId, runId),
      outcome: () => service.claimRunOutcome(actor, importId, runId),
      unqueued: (problem) => service.failClaimRun(runId, problem),
    });
  });
  r.get('/:id/claims/:runId', async (req, res) => {
    const p = parse(RunParams, req.params, 'params');
    res.json(await service.getClaimRun(requireActor(req), p.id, p.runId));
  });
  return r;
}
