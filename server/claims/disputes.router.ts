import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { Amount, Quantity } from '../http/money-schemas.js';
import { DateString, describeRoute, IdParam, z, wholeNumber } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { AppError, type FieldError } from '../errors.js';
import { ClaimLineView, ClaimView, claimTotalIssues, lineAmountIssues, type LineFigures } from './claims.schemas.js';
import * as disputes from './disputes.repository.js';
import * as service from './disputes.service.js';

const tags = ['disputes'];
/** A line of a claim as the disputes list shows it: the claim line's own fields, with its claim's. */
const DisputeLine = ClaimLineView.pick({
  id: true,
  lineNumber: true,
  authorizationNumber: true,
  vendorPartNumber: true,
  distributorPartNumber: true,
  endCustomerId: true,
  endCustomerName: true,
  invoiceNumber: true,
  invoiceLine: true,
  invoiceDate: true,
  shipDate: true,
  quantity: true,
  bookCost: true,
  authorizedCost: true,
  resalePrice: true,
  claimedAmount: true,
  approvedAmount: true,
  verdict: true,
  reasonCodes: true,
  rule: true,
  extra: true,
  resubmissionOfLineId: true,
})
  .extend({
    claimId: z.number(),
    claimNumber: z.string(),
    claimStatus: z.string(),
    claimCurrency: z.string().openapi({ description: "the original claim's currency; a resubmission is claimed in it" }),
    distributorId: z.number(),
    resubmittedAs: z.array(z.number()),
    createdAt: z.string(),
  })
  .openapi('DisputeLine');
const Correction = z
  .object({
    originalLineId: z.number().int().positive(),
    authorizationNumber: z.string().min(1).max(40).optional(),
    vendorPartNumber: z.string().max(64).nullable().optional(),
    distributorPartNumber: z.string().max(64).nullable().optional(),
    endCustomerName: z.string().max(200).nullable().optional(),
    invoiceDate: DateString.optional(),
    shipDate: DateString.nullable().optional(),
    quantity: Quantity.optional(),
    bookCost: Amount.optional(),
    authorizedCost: Amount.nullable().optional(),
    resalePrice: Amount.nullable().optional(),
    claimedAmount: Amount.nullable().optional(),
    extra: z.record(z.string().max(60), z.string().max(255).nullable()).optional(),
  })
  .strict();
const ResubmitInput = z
  .object({ debitMemoNumber: z.string().min(1).max(64).nullable().default(null), lines: z.array(Correction).min(1).max(5000) })
  .strict()
  .openapi('Resubmission');
const DisputeQuery = z.object({
  open: z.enum(['true', 'false']).default('true'),
  limit: wholeNumber(1, 500).default(100),
});

describeRoute({
  method: 'get',
  path: '/api/disputes',
  summary: 'Rejected lines with their reasons (open = not yet resubmitted)',
  tags,
  query: DisputeQuery,
  response: z.object({ items: z.array(DisputeLine) }),
});
describeRoute({
  method: 'post',
  path: '/api/disputes/resubmissions',
  summary:
    "Resubmit corrected rejected lines as a new claim linked to the originals, in the original claims' currency (lines of claims in different currencies are resubmitted separately)",
  tags,
  body: ResubmitInput,
  response: ClaimView,
  status: 201,
  idempotent: true,
  errors: {
    400: 'VALIDATION_FAILED (a missing, unknown or out-of-range field, or an originalLineId given twice), errors[] naming it; CURRENCY_MISMATCH: lines of claims in different currencies',
    403: 'FORBIDDEN: only a distributor user resubmits',
    404: "NOT_FOUND: an originalLineId that is not one of your claims' lines",
    409: 'LINE_NOT_REJECTED, ALREADY_RESUBMITTED, CLAIM_ALREADY_EXISTS (the debitMemoNumber, in any spelling, was already claimed)',
    422: 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with another body',
  },
});
describeRoute({
  method: 'get',
  path: '/api/disputes/lines/:id/history',
  summary: 'Every version of a disputed line, original first',
  tags,
  params: IdParam,
  response: z.object({ items: z.array(DisputeLine) }),
});

/**
 * A correction is merged with its original line by the service; the merged figures must fit the
 * amount columns like a new claim line's (claims.schemas lineAmountIssues): a corrected cost or
 * quantity whose credit, or a resubmission whose total, is too big is a 400 naming the field, not
 * a 500. The merge is the service's (disputes.service resubmit): a corrected cost or quantity
 * recomputes the claimed amount unless one is given, else the original's stands. A line that is
 * not the caller's is left to the service (404).
 */
async function refuseOversizedCorrections(actor: Actor, lines: z.infer<typeof Correction>[]) {
  const scope = scopeOf(actor);
  const merged: LineFigures[] = [];
  const errors: FieldError[] = [];
  for (const [i, c] of lines.entries()) {
    const original = await disputes.findLine(scope, c.originalLineId);
    if (!original) continue;
    const authorizedCost = c.authorizedCost !== undefined ? c.authorizedCost : original.authorizedCost;
    const recomputed = !!authorizedCost && (c.bookCost !== undefined || c.authorizedCost !== undefined || c.quantity !== undefined);
    const line: LineFigures = {
      bookCost: c.bookCost ?? original.bookCost,
      authorizedCost,
      quantity: c.quantity ?? original.quantity,
      claimedAmount: c.claimedAmount ?? (recomputed ? null : original.claimedAmount),
    };
    merged.push(line);
    for (const issue of lineAmountIssues(line)) errors.push({ field: ['lines', i, ...issue.path].join('.'), message: issue.message });
  }
  if (!errors.length) for (const issue of claimTotalIssues(merged)) errors.push({ field: issue.path.join('.'), message: issue.message });
  if (errors.length) {
    throw new AppError('VALIDATION_FAILED', `invalid body: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, 400, { errors });
  }
}

const DisputeEntryView = z
  .object({
    id: z.number(),
    kind: z.enum(['opened', 'comment', 'accepted', 'rejected']),
    authorUserId: z.number(),
    authorName: z.string().nullable(),
    body: z.string(),
    correction: z.record(z.unknown()).nullable().openapi({ description: 'the corrected line the distributor sent (opened entries)' }),
    resubmittedLineId: z.number().nullable().openapi({ description: "the line a rejected line's correction was resubmitted as" }),
    createdAt: z.string(),
  })
  .openapi('DisputeEntry');
const DisputeThread = z
  .object({
    lineId: z.number(),
    claimId: z.number(),
    distributorId: z.number(),
    state: z.enum(['open', 'accepted', 'rejected']),
    line: DisputeLine,
    entries: z.array(DisputeEntryView),
  })
  .openapi('DisputeThread');
const DisputeInput = z
  .object({
    lineId: z.number().int().positive(),
    comment: z.string().trim().min(3).max(2000),
    correction: Correction.omit({ originalLineId: true }).optional().openapi({
      description:
        'the corrected line: resubmitted at once for a rejected line; kept on the dispute for a cut or adjusted line (accepting it applies its claimedAmount)',
    }),
  })
  .strict()
  .openapi('DisputeInput');
const CommentInput = z
  .object({ body: z.string().trim().min(1).max(2000) })
  .strict()
  .openapi('DisputeComment');
const DecisionInput = z
  .object({
    decision: z.enum(['accept', 'reject']),
    comment: z.string().trim().min(3).max(2000),
    approvedAmount: Amount.optional().openapi({
      description: "accept only: the amount to approve (default: the correction's claimedAmount, else the line's claimed amount)",
    }),
  })
  .strict()
  .openapi('DisputeDecision');
const ThreadQuery = z.object({
  state: z.enum(['open', 'accepted', 'rejected', 'all']).default('open'),
  limit: wholeNumber(1, 500).default(100),
});

describeRoute({
  method: 'get',
  path: '/api/disputes/threads',
  summary: 'Disputed lines with their comment threads (a distributor sees its own)',
  tags,
  query: ThreadQuery,
  response: z.object({ items: z.array(DisputeThread) }),
});
describeRoute({
  method: 'post',
  path: '/api/disputes',
  summary: 'Dispute a rejected, cut or adjusted-down line with a comment and, optionally, the corrected line',
  tags,
  body: DisputeInput,
  response: DisputeThread,
  status: 201,
  errors: {
    400: 'VALIDATION_FAILED, errors[] naming the field (comment, correction.*)',
    403: 'FORBIDDEN: only a distributor user disputes',
    404: "NOT_FOUND: a lineId that is not one of your claims' lines",
    409: 'LINE_NOT_DISPUTABLE (accepted in full or pending), DISPUTE_ALREADY_OPEN, DISPUTE_THE_ORIGINAL, ALREADY_RESUBMITTED',
  },
});
describeRoute({
  method: 'get',
  path: '/api/disputes/lines/:id/thread',
  summary: "A disputed line's thread: the dispute, the comments and the decision",
  tags,
  params: IdParam,
  response: DisputeThread,
  errors: { 404: 'NOT_FOUND: not your line, or never disputed' },
});
describeRoute({
  method: 'post',
  path: '/api/disputes/lines/:id/comments',
  summary: "Add a comment to a line's dispute thread (either side)",
  tags,
  params: IdParam,
  body: CommentInput,
  response: DisputeThread,
  status: 201,
  errors: { 404: 'NOT_FOUND: not your line, or never disputed' },
});
describeRoute({
  method: 'post',
  path: '/api/disputes/lines/:id/decision',
  summary: 'The vendor accepts (approving through the settlement service) or rejects an open dispute, with a comment',
  tags,
  params: IdParam,
  body: DecisionInput,
  response: DisputeThread,
  errors: {
    403: 'FORBIDDEN: finance and vendor admins decide',
    404: 'NOT_FOUND: never disputed',
    409: "DISPUTE_DECIDED; CLAIM_NOT_IN_REVIEW (accepting needs the line's claim in review)",
  },
});

export function disputesRouter() {
  const r = Router();
  r.get('/', async (req, res) => {
    const q = parse(DisputeQuery, req.query, 'query');
    res.json({ items: await service.listDisputes(requireActor(req), q.open === 'true', q.limit) });
  });
  r.post('/resubmissions', async (req, res) => {
    const actor = authorize(req, 'claim.submit');
    const input = parse(ResubmitInput, req.body);
    await refuseOversizedCorrections(actor, input.lines);
    res.status(201).json(await service.resubmit(actor, input));
  });
  r.get('/threads', async (req, res) => {
    const q = parse(ThreadQuery, req.query, 'query');
    res.json({ items: await service.listThreads(requireActor(req), q.state, q.limit) });
  });
  r.post('/', async (req, res) => {
    const actor = authorize(req, 'claim.submit');
    const input = parse(DisputeInput, req.body);
    if (input.correction) await refuseOversizedCorrections(actor, [{ ...input.correction, originalLineId: input.lineId }]);
    res.status(201).json(await service.openDispute(actor, input));
  });
  r.get('/lines/:id/thread', async (req, res) => {
    res.json(await service.disputeThread(requireActor(req), parse(IdParam, req.params, 'params').id));
  });
  r.post('/lines/:id/comments', async (req, res) => {
    const actor = authorize(req, 'claim.note');
    const id = parse(IdParam, req.params, 'params').id;
    res.status(201).json(await service.commentOnDispute(actor, id, parse(CommentInput, req.body).body));
  });
  r.post('/lines/:id/decision', async (req, res) => {
    const actor = authorize(req, 'claim.adjust');
    const id = parse(IdParam, req.params, 'params').id;
    res.json(await service.decideDispute(actor, id, parse(DecisionInput, req.body)));
  });
  r.get('/lines/:id/history', async (req, res) => {
    res.json({ items: await service.lineHistory(requireActor(req), parse(IdParam, req.params, 'params').id) });
  });
  return r;
}
