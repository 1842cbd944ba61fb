import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { describeRoute, IdParam, wholeNumber, z } from '../http/openapi.js';
import { DISTRIBUTOR_FILTER_FORBIDDEN, DistributorFilterQuery } from '../http/tenant.js';
import { parse } from '../http/validate.js';
import * as service from './enrichment.service.js';

const tags = ['enrichment'];

const ReviewStatus = z.enum(['open', 'confirmed', 'rejected']);
const ReviewQuery = z
  .object({
    status: ReviewStatus.optional().openapi({ description: 'only reviews in this state (all by default)' }),
    distributorId: DistributorFilterQuery,
    after: wholeNumber(0).optional().openapi({ description: 'the last id of the previous page' }),
    limit: wholeNumber(1, 500).default(100),
  })
  .strict();
const ReviewView = z
  .object({
    id: z.number(),
    distributorId: z.number(),
    spelling: z.string().openapi({ description: 'the end customer name as the distributor first sent it' }),
    nameKey: z.string().openapi({ description: 'its matching key (case, accents, punctuation and legal forms removed)' }),
    status: ReviewStatus,
    suggestedEndCustomerId: z.number().nullable(),
    suggestedEndCustomerName: z.string().nullable(),
    confidence: z.number().openapi({ description: "the suggestion's similarity, 0 to 1 (0: no candidate worth showing)" }),
    importId: z.number().nullable(),
    endCustomerId: z.number().nullable().openapi({ description: 'confirmed: the end customer chosen' }),
    decidedByUserId: z.number().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('EndCustomerReview');
const ConfirmBody = z.object({ endCustomerId: z.number().int().min(1).max(2_147_483_647) }).strict();
const RejectBody = z.object({ reason: z.string().min(1).max(500).optional() }).strict();
const AliasQuery = z.object({ distributorId: DistributorFilterQuery }).strict();
const AliasView = z
  .object({
    id: z.number(),
    distributorId: z.number(),
    spelling: z.string(),
    aliasKey: z.string(),
    endCustomerId: z.number(),
    confirmedByUserId: z.number(),
    createdAt: z.string(),
  })
  .openapi('EndCustomerAlias');
const UnknownPartsQuery = z.object({ importId: wholeNumber(1).optional(), distributorId: DistributorFilterQuery }).strict();
const UnknownPart = z
  .object({
    distributorId: z.number(),
    partNumber: z.string().openapi({ description: 'as sent: neither a vendor part number nor one of the distributor part numbers' }),
    lines: z.number(),
    rows: z
      .array(z.object({ importId: z.number(), fileRow: z.number() }))
      .openapi({ description: 'the first 20 lines (import, file row)' }),
  })
  .openapi('UnknownPart');

describeRoute({
  method: 'get',
  path: '/api/enrichment/reviews',
  summary: 'End-customer spellings no master name matched surely enough, for a person to confirm or reject',
  tags,
  query: ReviewQuery,
  response: z.object({ items: z.array(ReviewView), next: z.number().nullable() }),
  errors: { 403: DISTRIBUTOR_FILTER_FORBIDDEN },
});
describeRoute({
  method: 'post',
  path: '/api/enrichment/reviews/:id/confirm',
  summary: "Confirm a spelling as an end customer: remembered as the distributor's alias, its unlinked POS lines linked",
  tags,
  params: IdParam,
  body: ConfirmBody,
  response: z.object({ review: ReviewView, posLinesLinked: z.number() }),
  errors: {
    400: 'VALIDATION_FAILED: endCustomerId is no end customer',
    403: 'FORBIDDEN: vendor admins and channel managers only (enrichment.review)',
    409: 'REVIEW_DECIDED: the spelling was confirmed or rejected already',
  },
});
describeRoute({
  method: 'post',
  path: '/api/enrichment/reviews/:id/reject',
  summary: 'Reject a spelling: none of the master customers; later files leave it unlinked and do not queue it again',
  tags,
  params: IdParam,
  body: RejectBody,
  response: ReviewView,
  errors: {
    403: 'FORBIDDEN: vendor admins and channel managers only (enrichment.review)',
    409: 'REVIEW_DECIDED: the spelling was confirmed or rejected already',
  },
});
describeRoute({
  method: 'get',
  path: '/api/enrichment/aliases',
  summary: 'End-customer spellings confirmed per distributor',
  tags,
  query: AliasQuery,
  response: z.object({ items: z.array(AliasView) }),
  errors: { 403: DISTRIBUTOR_FILTER_FORBIDDEN },
});
describeRoute({
  method: 'get',
  path: '/api/enrichment/unknown-parts',
  summary: 'Part numbers of imported lines that are neither products nor distributor part numbers, with their lines',
  tags,
  query: UnknownPartsQuery,
  response: z.object({ items: z.array(UnknownPart) }),
  errors: { 403: DISTRIBUTOR_FILTER_FORBIDDEN },
});

/** The enrichment's review queue, aliases and unknown parts (server/enrichment). */
export function enrichmentRouter() {
  const r = Router();
  r.get('/reviews', async (req, res) => {
    const actor = requireActor(req);
    const q = parse(ReviewQuery, req.query, 'query');
    const items = await service.listReviews(actor, q);
    res.json({ items, next: items.length === q.limit ? items[items.length - 1]!.id : null });
  });
  r.post('/reviews/:id/confirm', async (req, res) => {
    const actor = authorize(req, 'enrichment.review');
    const { id } = parse(IdParam, req.params, 'params');
    res.json(await service.confirmReview(actor, id, parse(ConfirmBody, req.body).endCustomerId));
  });
  r.post('/reviews/:id/reject', async (req, res) => {
    const actor = authorize(req, 'enrichment.review');
    const { id } = parse(IdParam, req.params, 'params');
    res.json(await service.rejectReview(actor, id, parse(RejectBody, req.body).reason));
  });
  r.get('/aliases', async (req, res) => {
    const actor = requireActor(req);
    const q = parse(AliasQuery, req.query, 'query');
    res.json({ items: await service.listAliases(actor, q.distributorId) });
  });
  r.get('/unknown-parts', async (req, res) => {
    const actor = requireActor(req);
    const q = parse(UnknownPartsQuery, req.query, 'query');
    res.json({ items: await service.unknownParts(actor, q) });
  });
  return r;
}
