import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { describeRoute, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { DistributorParam, PartnerBody, PartnerView } from './edi.schemas.js';
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

/** X12 EDI: partner settings (server/edi). */
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
  return r;
}
