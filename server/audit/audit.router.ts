import { Router } from 'express';
import { toCsv } from '../../core/csv.js';
import { authorize } from '../auth/actor.js';
import { csvDialectQuery, sendCsv } from '../http/csv-export.js';
import { DateString, describeRoute, z, wholeNumber } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { listAudit, type AuditFilter } from './audit.repository.js';

const tags = ['audit'];
const AuditQuery = z
  .object({
    kind: z.enum(['business', 'security']).default('business').openapi({
      description: 'business events (default), or refusals: failed sign-ins, refused SSO and embed exchanges, refused requests',
    }),
    before: wholeNumber(1).optional().openapi({ description: 'the `next` of the previous page (newest first)' }),
    from: DateString.optional(),
    to: DateString.optional(),
    actorUserId: wholeNumber(1).optional(),
    action: z.string().max(60).optional(),
    entityType: z.string().max(40).optional(),
    entityId: z.string().max(64).optional(),
    limit: wholeNumber(1, 1000).default(200),
  })
  // An unknown filter is a 400 naming it: a mistyped one (actorId for actorUserId) read the whole trail as if filtered.
  .strict();
const AuditEventView = z
  .object({
    id: z.number(),
    occurredAt: z.string(),
    actorUserId: z.number().nullable(),
    actorRole: z.string().nullable(),
    viaUserId: z.number().nullable().openapi({
      description:
        "who acted through the actor's embedded session: the owner of the API token that asked for its embed token, when another user (an admin, a CRM integration)",
    }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    distributorId: z.number().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
  })
  .openapi('AuditEvent');
describeRoute({
  method: 'get',
  path: '/api/audit',
  summary: 'The audit trail, newest first, a page at a time (vendor roles)',
  tags,
  query: AuditQuery,
  response: z.object({ items: z.array(AuditEventView), next: z.number().nullable() }),
  errors: { 403: 'FORBIDDEN: vendor roles only' },
});
const ExportQuery = AuditQuery.extend({ limit: wholeNumber(1, 100_000).default(10_000), ...csvDialectQuery });
describeRoute({
  method: 'get',
  path: '/api/audit/export.csv',
  summary:
    'The audit trail as CSV (UTF-8 with a byte-order mark, formulas neutralized; delimiter and decimal, else Accept-Language, choose the dialect), with the same filters',
  tags,
  query: ExportQuery,
  produces: { mediaType: 'text/csv', description: 'one row per audit event' },
  errors: { 403: 'FORBIDDEN: vendor roles only' },
});

const CSV_HEADER = [
  'id',
  'occurredAt',
  'actorUserId',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'distributorId',
  'reason',
  'before',
  'after',
];

export function auditRouter() {
  const r = Router();
  r.get('/', async (req, res) => {
    authorize(req, 'audit.read');
    res.json(await listAudit(parse(AuditQuery, req.query, 'query') as AuditFilter));
  });
  r.get('/export.csv', async (req, res) => {
    authorize(req, 'audit.read');
    const { delimiter, decimal, ...filter } = parse(ExportQuery, req.query, 'query');
    const q = filter as AuditFilter;
    const rows: unknown[][] = [];
    // Pages of 1,000, newest first, up to the limit.
    for (let before = q.before, left = q.limit; left > 0;) {
      const page = await listAudit({ ...q, before, limit: Math.min(1000, left) });
      for (const e of page.items)
        rows.push([
          e.id,
          e.occurredAt,
          e.actorUserId,
          e.actorRole,
          e.action,
          e.entityType,
          e.entityId,
          e.distributorId,
          e.reason,
          e.before === null ? null : JSON.stringify(e.before),
          e.after === null ? null : JSON.stringify(e.after),
        ]);
      left -= page.items.length;
      if (page.next === null) break;
      before = page.next;
    }
    // No decimal column: ids are whole numbers, and before/after are JSON text, written as they are.
    await sendCsv(req, res, { delimiter, decimal }, 'audit.csv', (dialect) => toCsv(CSV_HEADER, rows, dialect));
  });
  return r;
}
