import { Router, type Response } from 'express';
import { authorize, requireActor, requireScope } from '../auth/actor.js';
import { describeRoute, IdParam, z } from '../http/openapi.js';
import { DISTRIBUTOR_FILTER_FORBIDDEN } from '../http/tenant.js';
import { parse } from '../http/validate.js';
import { DistributorParam, DocumentQuery, DocumentView, NoticesBody, NoticesView, PartnerBody, PartnerView } from './edi.schemas.js';
import * as service from './edi.service.js';

const tags = ['edi'];

describeRoute({
  method: 'get',
  path: '/api/edi/partners',
  summary: "Every distributor's X12 trading-partner settings (admins)",
  tags,
  response: z.object({ items: z.array(PartnerView) }),
  errors: { 403: 'FORBIDDEN: admins only (integration.manage)' },
});
describeRoute({
  method: 'get',
  path: '/api/edi/partners/:distributorId',
  summary: "A distributor's X12 partner settings and its last control numbers (a distributor user: its own only)",
  tags,
  params: DistributorParam,
  response: PartnerView,
  errors: { 404: 'EDI_PARTNER_NOT_FOUND: the distributor has no partner settings (or is not the caller’s)' },
});
describeRoute({
  method: 'put',
  path: '/api/edi/partners/:distributorId',
  summary: "Create or replace a distributor's X12 partner settings (admins; audited; the control-number counters are kept)",
  tags,
  params: DistributorParam,
  body: PartnerBody,
  response: PartnerView,
  errors: {
    400: 'VALIDATION_FAILED: an id or qualifier is not a valid X12 value (the field is named)',
    403: 'FORBIDDEN: admins only (integration.manage)',
    404: 'NOT_FOUND: no such distributor',
    409: "EDI_ISA_ID_TAKEN: the interchange id is another distributor's",
  },
});
describeRoute({
  method: 'post',
  path: '/api/edi/partners/:distributorId/845',
  summary:
    "Write the distributor's next 845: its authorizations new, amended and expired since its last 845, one transaction each, with the partner's control numbers (kept and audited; a distributor user: its own)",
  tags,
  params: DistributorParam,
  body: NoticesBody,
  response: NoticesView,
  status: 201,
  errors: {
    404: 'EDI_PARTNER_NOT_FOUND: the distributor has no partner settings (or is not the caller’s)',
    409: 'DISTRIBUTOR_WITHOUT_CURRENCY: the distributor has no currency on record',
  },
});
describeRoute({
  method: 'get',
  path: '/api/edi/documents',
  summary: 'X12 documents written to partners (997 and TA1 acknowledgments, 849s, 845s), newest first; a distributor user: its own',
  tags,
  query: DocumentQuery,
  response: z.object({ items: z.array(DocumentView) }),
  errors: { 403: DISTRIBUTOR_FILTER_FORBIDDEN },
});
describeRoute({
  method: 'get',
  path: '/api/edi/documents/:id/content',
  summary: 'Download an X12 document written to a partner',
  tags,
  params: IdParam,
  produces: { mediaType: 'application/edi-x12', description: 'the interchange, as sent' },
  errors: { 404: "NOT_FOUND: no such document (or another distributor's)" },
});
describeRoute({
  method: 'get',
  path: '/api/edi/claims/:id/849',
  summary:
    "The 849 answering a claim that came as an 844, line by line from its verdicts (written once, then the same; a distributor user: its own claims')",
  tags,
  params: IdParam,
  produces: { mediaType: 'application/edi-x12', description: 'the interchange' },
  errors: { 404: 'NOT_FOUND: no such claim for this caller', 409: 'NOT_FROM_EDI: the claim did not come as an 844' },
});

/** X12 EDI: partner settings and the documents written to partners (server/edi). */
export function ediRouter() {
  const r = Router();
  r.get('/partners', async (req, res) => {
    authorize(req, 'integration.manage');
    res.json({ items: await service.listPartners() });
  });
  r.get('/partners/:distributorId', async (req, res) => {
    const { distributorId } = parse(DistributorParam, req.params, 'params');
    res.json(await service.getPartner(requireActor(req), distributorId));
  });
  r.put('/partners/:distributorId', async (req, res) => {
    const actor = authorize(req, 'integration.manage');
    const { distributorId } = parse(DistributorParam, req.params, 'params');
    res.json(await service.savePartner(actor, distributorId, parse(PartnerBody, req.body)));
  });
  r.post('/partners/:distributorId/845', async (req, res) => {
    const actor = requireActor(req);
    requireScope(actor, 'write');
    const { distributorId } = parse(DistributorParam, req.params, 'params');
    const { since } = parse(NoticesBody, req.body ?? {});
    const written = await service.writeAuthorizationNotices(actor, distributorId, since ? { since: new Date(since) } : {});
    if (written.document) res.location(`/api/edi/documents/${written.document.id}/content`);
    res.status(201).json(written);
  });
  r.get('/documents', async (req, res) => {
    const q = parse(DocumentQuery, req.query, 'query');
    res.json({ items: await service.listDocuments(requireActor(req), q) });
  });
  r.get('/claims/:id/849', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    sendX12(res, await service.claimResponse(requireActor(req), id));
  });
  r.get('/documents/:id/content', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    sendX12(res, await service.getDocument(requireActor(req), id));
  });
  return r;
}

function sendX12(res: Response, doc: { kind: string; interchangeControl: number; content: string }) {
  res
    .status(200)
    .set({
      'Content-Type': 'application/edi-x12',
      'Content-Disposition': `attachment; filename="${doc.kind}-${String(doc.interchangeControl).padStart(9, '0')}.x12"`,
      'Cache-Control': 'private, no-store',
    })
    .send(doc.content);
}
