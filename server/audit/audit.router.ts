import { Router } from 'express';
import { authorize } from '../auth/actor.js';
import { describeRoute, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { listAudit } from './audit.repository.js';

const AuditQuery = z.object({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
describeRoute({ method: 'get', path: '/api/audit', summary: 'The audit trail (vendor roles)', tags: ['audit'], query: AuditQuery });

export function auditRouter() {
  const r = Router();
  r.get('/', async (req, res) => {
    authorize(req, 'audit.read');
    res.json({ items: await listAudit(parse(AuditQuery, req.query, 'query')) });
  });
  return r;
}
