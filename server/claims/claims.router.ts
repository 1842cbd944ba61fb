import { queueFile } from '../edi/intake.js';
import { declaredEncoding, DelimiterQuery, FILE_415, ImportView } from '../imports/imports.router.js';
import { csvSeparatorOf } from '../../core/pos/csv.js';
import { Router } from 'express';
import { authorize, intakeActor, requireActor } from '../auth/actor.js';
import { OnBehalfQuery } from '../http/intake.js';
import { isDistributor } from '../imports/imports.service.js';
import { describeRoute, IdParam, z } from '../http/openapi.js';
import { DISTRIBUTOR_FILTER_FORBIDDEN } from '../http/tenant.js';
import { parse } from '../http/validate.js';
import {
  AdjustLine,
  ClaimHeadQuery,
  ClaimInput,
  ClaimLineView,
  ClaimQuery,
  ClaimView,
  LineParams,
  LinesQuery,
  NoteInput,
  PayInput,
} from './claims.schemas.js';
import * as service from './claims.service.js';
import { adjustmentReasons } from './disputes.repository.js';
import * as imports from '../imports/imports.service.js';
import { answerJob, WaitQuery, type Jobs } from '../jobs/runtime.js';
import { resolveEndCustomerIds } from '../catalog/end-customers.js';
import { fileUpload } from '../http/body-limit.js';
import { CurrencyCode } from '../http/money-schemas.js';
import { NextCursor } from '../http/cursor.js';

const tags = ['claims'];
const NoteView = z.object({ id: z.number(), authorUserId: z.number(), body: z.string(), createdAt: z.string() }).openapi('Note');
describeRoute({
  method: 'get',
  path: '/api/claims',
  summary: 'Claims, newest first, filtered by status, distributor, program type and date range: a page by cursor (keyset) or by number',
  tags,
  query: ClaimQuery,
  response: z.object({
    items: z.array(ClaimView),
    total: z
      .number()
      .optional()
      .openapi({ description: 'the claims the filters match; only when paging by number (a cursor page counts nothing)' }),
    page: z.number(),
    pageSize: z.number(),
    nextCursor: NextCursor,
  }),
  errors: { 403: DISTRIBUTOR_FILTER_FORBIDDEN },
});
describeRoute({
  method: 'get',
  path: '/api/claims/:id',
  summary: 'A claim with its lines and verdicts (lines=false: without them)',
  tags,
  params: IdParam,
  query: ClaimHeadQuery,
  response: ClaimView,
});
describeRoute({
  method: 'get',
  path: '/api/claims/:id/lines',
  summary: "A page of the claim's lines in line order (for claims of many lines; GET /api/claims/:id returns them all)",
  tags,
  params: IdParam,
  query: LinesQuery,
  response: z.object({
    items: z.array(ClaimLineView),
    total: z.number(),
    next: z.number().nullable().openapi({ description: 'the last line number of this page when there is a next one (as after)' }),
    nextCursor: NextCursor,
  }),
});
describeRoute({
  method: 'post',
  path: '/api/claims',
  summary: 'Create an explicit claim (and submit it with submit: true)',
  tags,
  body: ClaimInput,
  response: ClaimView,
  status: 201,
  idempotent: true,
  errors: {
    400: 'VALIDATION_FAILED, errors[] naming each field: a missing, unknown or malformed field; an amount that is negative or above 99999999999999.9999; a quantity outside 1..100000000; a currency that is not ISO 4217; a line whose (bookCost - authorizedCost) x quantity, or a claim whose total, is too big; an authorizedCost above bookCost without claimedAmount; an endCustomerId that is no end customer; a debitMemoNumber empty, or longer than 64 characters, once normalized',
    403: 'FORBIDDEN: only a distributor user submits claims',
    409: 'CLAIM_ALREADY_EXISTS: the debitMemoNumber, in any spelling (dm-1 is DM-1), is held by a standing claim of this distributor (claimId names that claim; a claim rejected whole lets go of it); IDEMPOTENCY_IN_PROGRESS: the first request with this Idempotency-Key is still running',
    422: "IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with another body; CURRENCY_MISMATCH: the currency is not the distributor's (no conversion is done)",
  },
});
const ClaimFileQuery = OnBehalfQuery.extend({
  fileName: z.string().max(255).optional(),
  delimiter: DelimiterQuery,
  decimalMark: z
    .enum(['.', ',', 'auto'])
    .optional()
    .openapi({ description: "the file's decimal mark; inferred from the whole file when absent (or the saved mapping's options)" }),
  dateOrder: z.enum(['DMY', 'MDY', 'auto']).optional().openapi({ description: 'day or month first in dates; inferred when absent' }),
  debitMemoNumber: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'one claim per debit memo: a second file with it answers 409' }),
  currency: CurrencyCode.optional(),
  resend: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({
      description:
        'true: make a claim of a file sent before (the same bytes) whose claim stands; without it such a file answers 409 DUPLICATE_FILE',
    }),
  wait: WaitQuery,
});
const ClaimFileResult = z
  .object({
    claim: ClaimView,
    importId: z.number().openapi({ description: 'the job: progress, row errors (GET /api/imports/:id/errors.csv)' }),
    rows: z.object({ read: z.number(), rejected: z.number() }),
    lines: z.object({ accepted: z.number(), partial: z.number(), rejected: z.number(), lostToOtherClaims: z.number() }),
  })
  .openapi('ClaimFileResult');
describeRoute({
  method: 'post',
  path: '/api/claims/file',
  summary:
    'An explicit claim from a CSV claim file (text/csv, streamed to storage): every line validated and submitted in one run. A job: 202 with the import job (purpose claim, status queued) and a Location to poll, whose result is the ClaimFileResult once completed; ?wait=true answers 201 with the ClaimFileResult',
  tags,
  query: ClaimFileQuery,
  upload: 'the claim file, streamed: CSV or tab-separated, at most UPLOAD_MAX_BYTES (413 once past it)',
  response: ImportView,
  status: 202,
  waitable: ClaimFileResult,
  errors: {
    400: 'VALIDATION_FAILED: a bad query parameter (e.g. a currency that is not ISO 4217, a debitMemoNumber empty or longer than 64 characters once normalized), errors[] naming it, or a vendor user that names no distributorId',
    403: "FORBIDDEN: only distributor users and vendor users (on a named distributor's behalf) send claim files",
    404: 'NOT_FOUND: no distributor has the distributorId',
    409: 'CLAIM_ALREADY_EXISTS: the debitMemoNumber (or the 844 BGN02, or the one debit memo the rows of the Debit Memo column name), in any spelling, is held by a standing claim of this distributor (claimId names that claim); DUPLICATE_FILE: this distributor sent the same bytes before and their claim stands or is still being made (claimId, claimNumber, sentAt and earlierImportId name it; resend=true makes a claim all the same)',
    415: FILE_415,
    422: "CURRENCY_MISMATCH: the currency is not the distributor's (no conversion is done); DEBIT_MEMO_MIXED: no debitMemoNumber was sent and the rows' Debit Memo column names two debit memos or more (debitMemoNumbers lists them, rows the first rows of the second): no claim is made",
  },
});
describeRoute({
  method: 'post',
  path: '/api/claims/:id/submit',
  summary: 'Validate every line and submit the claim',
  tags,
  params: IdParam,
  response: ClaimView,
});
describeRoute({
  method: 'post',
  path: '/api/claims/:id/lines/:lineId/adjust',
  summary: 'Adjust the approved amount of a line, with a reason',
  tags,
  params: LineParams,
  body: AdjustLine,
  response: ClaimView,
});
describeRoute({
  method: 'post',
  path: '/api/claims/:id/authorize',
  summary: 'Authorize the claim for payment',
  tags,
  params: IdParam,
  response: ClaimView,
  errors: { 403: 'SELF_APPROVAL_FORBIDDEN: who adjusted a line of the claim does not authorize it' },
});
describeRoute({
  method: 'post',
  path: '/api/claims/:id/pay',
  summary: 'Pay the claim: issues a credit memo and posts its payment to the finance journal',
  tags,
  params: IdParam,
  body: PayInput,
  response: ClaimView,
  errors: {
    409: 'CLAIM_NOT_AUTHORIZED: only an authorized claim is paid',
    422: 'ERP_REFERENCE_REQUIRED: the finance setting erpReferenceRequired is on and no externalRef was sent',
  },
});
describeRoute({
  method: 'get',
  path: '/api/claims/:id/notes',
  summary: 'Notes on a claim',
  tags,
  params: IdParam,
  response: z.object({ items: z.array(NoteView) }),
});
describeRoute({
  method: 'post',
  path: '/api/claims/:id/notes',
  summary: 'Add a note to a claim',
  tags,
  params: IdParam,
  body: NoteInput,
  response: NoteView,
  status: 201,
  idempotent: true,
});

/** Lines with finance's adjustment reason, so the distributor reads why its credit changed. */
async function withAdjustmentReasons<T extends { id: number; verdict: string }>(
  lines: T[],
): Promise<(T & { adjustmentReason: string | null })[]> {
  const reasons = await adjustmentReasons(lines.filter((l) => l.verdict === 'adjusted').map((l) => l.id));
  return lines.map((l) => ({ ...l, adjustmentReason: reasons.get(l.id) ?? null }));
}
const claimWithReasons = async <T extends { lines?: { id: number; verdict: string }[] }>(claim: T) =>
  claim.lines ? { ...claim, lines: await withAdjustmentReasons(claim.lines) } : claim;

export function claimsRouter(jobs: Jobs) {
  const r = Router();
  const id = (params: unknown) => parse(IdParam, params, 'params').id;
  r.get('/', async (req, res) => {
    const q = parse(ClaimQuery, req.query, 'query');
    res.json({ ...(await service.listClaims(requireActor(req), q)), page: q.page, pageSize: q.pageSize });
  });
  r.get('/:id/lines', async (req, res) => {
    const q = parse(LinesQuery, req.query, 'query');
    const page = await service.getClaimLines(requireActor(req), id(req.params), q.cursor?.[0] ?? q.after, q.limit);
    res.json({ ...page, items: await withAdjustmentReasons(page.items) });
  });
  r.get('/:id', async (req, res) => {
    const actor = requireActor(req);
    if (parse(ClaimHeadQuery, req.query, 'query').lines === 'false')
      return void res.json(await service.getClaimHeader(actor, id(req.params)));
    res.json(await claimWithReasons(await service.getClaim(actor, id(req.params))));
  });
  r.post('/', async (req, res) => {
    const actor = authorize(req, 'claim.submit');
    const input = parse(ClaimInput, req.body);
    const lines = await resolveEndCustomerIds(input.lines);
    res.status(201).json(await service.createClaim(actor, { ...input, lines }));
  });
  r.post('/file', async (req, res) => {
    const q = parse(ClaimFileQuery, req.query, 'query');
    const actor = await intakeActor(req, q.distributorId, isDistributor);
    const upload = fileUpload(req, 'send the claim file as text/csv (streamed)');
    const claim = { debitMemoNumber: q.debitMemoNumber ?? null, currency: q.currency ?? null };
    // The request's charset, when it declares one (a 415 for one POS files are not read in); else inferred from the file.
    const encoding = declaredEncoding(req);
    // Stored under the byte cap, counted on the stream (413 as soon as it is passed). An 844
    // (application/edi-x12, or content starting with ISA) runs the same job, its BGN/CUR filling in
    // what the query leaves out: the one door of every transport (server/edi/intake.ts).
    const { importId } = await queueFile(actor, jobs, {
      purpose: 'claim',
      body: upload.body,
      fileName: q.fileName ?? null,
      declaredX12: Boolean(req.is('application/edi-x12')),
      claim,
      // A file this distributor sent before, whose claim stands: 409 at intake, unless resend=true.
      resend: q.resend,
      read: {
        ...(encoding ? { encoding } : {}),
        delimiter: csvSeparatorOf(q.delimiter),
        ...(q.decimalMark ? { decimalMark: q.decimalMark } : {}),
        ...(q.dateOrder ? { dateOrder: q.dateOrder } : {}),
      },
    });
    await answerJob(res, jobs, q.wait, {
      data: { kind: 'claim-file', id: importId },
      location: `/api/imports/${importId}`,
      view: () => imports.getImport(actor, importId),
      outcome: () => imports.importResult(actor, importId),
      unqueued: (problem) => imports.failImport(actor, importId, problem),
    });
  });
  r.post('/:id/submit', async (req, res) => {
    res.json(await service.submitClaim(authorize(req, 'claim.submit'), id(req.params)));
  });
  r.post('/:id/lines/:lineId/adjust', async (req, res) => {
    const actor = authorize(req, 'claim.adjust');
    const p = parse(LineParams, req.params, 'params');
    const body = parse(AdjustLine, req.body);
    res.json(await claimWithReasons(await service.adjustLine(actor, p.id, p.lineId, body.approvedAmount, body.reason)));
  });
  r.post('/:id/authorize', async (req, res) => {
    res.json(await service.authorizeClaim(authorize(req, 'claim.authorize'), id(req.params)));
  });
  r.post('/:id/pay', async (req, res) => {
    const actor = authorize(req, 'claim.pay');
    res.json(await service.payClaim(actor, id(req.params), parse(PayInput, req.body).externalRef));
  });
  r.get('/:id/notes', async (req, res) => {
    res.json({ items: await service.listNotes(requireActor(req), id(req.params)) });
  });
  r.post('/:id/notes', async (req, res) => {
    const actor = authorize(req, 'claim.note');
    res.status(201).json(await service.addNote(actor, id(req.params), parse(NoteInput, req.body).body));
  });
  return r;
}
