import { Op, type Transaction, type WhereOptions } from 'sequelize';
import { AuditEvent } from '../../models/platform.js';
import type { Actor } from '../auth/actor.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  distributorId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditView {
  id: number;
  occurredAt: string;
  actorUserId: number | null;
  actorRole: string | null;
  /** whoever opened the actor's embed session for it, when another user (see Actor.embedIssuedByUserId) */
  viaUserId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  distributorId: number | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Appends one event; the audit table refuses updates and deletes at the database level. */
export async function recordAudit(
  actor: (Pick<Actor, 'userId' | 'role'> & Partial<Pick<Actor, 'embedIssuedByUserId'>>) | null,
  entry: AuditEntry,
  transaction?: Transaction,
  requestId?: string,
) {
  await AuditEvent.create(
    {
      occurredAt: new Date(),
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      // only when set: a database migrated short of 20261211T1100 (a migration's own test) has no such column
      ...(actor?.embedIssuedByUserId ? { viaUserId: actor.embedIssuedByUserId } : {}),
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      distributorId: entry.distributorId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      reason: entry.reason ?? null,
      requestId: requestId ?? null,
    },
    { transaction },
  );
}

/**
 * Refusals: failed sign-ins, refused single sign-on and embed exchanges, requests refused for
 * want of a permission. They are kept apart from business events (`kind: 'security'`), so a scan
 * that writes thousands of them cannot bury the changes people made.
 */
export const REFUSAL_ACTIONS: readonly string[] = [
  'session.sign_in_failed',
  'session.sso_failed',
  'session.embed_failed',
  'authorization.refused',
];

export interface AuditFilter {
  kind: 'business' | 'security';
  /** newest first: events with an id below this one (the `next` of the previous page) */
  before?: number;
  /** occurred on or after / before the end of (UTC dates, YYYY-MM-DD) */
  from?: string;
  to?: string;
  actorUserId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  distributorId?: number | null;
  limit: number;
}

/** A page of the audit trail, newest first, with the cursor of the next page. */
export async function listAudit(filter: AuditFilter): Promise<{ items: AuditView[]; next: number | null }> {
  const where: WhereOptions = {};
  const w = where as Record<string | symbol, unknown>;
  const and: unknown[] = [{ action: filter.kind === 'security' ? { [Op.in]: REFUSAL_ACTIONS } : { [Op.notIn]: REFUSAL_ACTIONS } }];
  if (filter.action) and.push({ action: filter.action });
  if (filter.entityType) w.entityType = filter.entityType;
  if (filter.entityId) w.entityId = filter.entityId;
  if (filter.actorUserId !== undefined) w.actorUserId = filter.actorUserId;
  if (filter.distributorId != null) w.distributorId = filter.distributorId;
  if (filter.before !== undefined) w.id = { [Op.lt]: filter.before };
  const at: Record<symbol, Date> = {};
  if (filter.from) at[Op.gte] = new Date(`${filter.from}T00:00:00.000Z`);
  if (filter.to) at[Op.lte] = new Date(`${filter.to}T23:59:59.999Z`);
  if (filter.from || filter.to) w.occurredAt = at;
  w[Op.and] = and;
  const rows = await AuditEvent.findAll({ where, order: [['id', 'DESC']], limit: filter.limit });
  const items = rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    actorUserId: r.actorUserId,
    actorRole: r.actorRole,
    viaUserId: r.viaUserId ?? null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    distributorId: r.distributorId,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
    reason: r.reason,
  }));
  return { items, next: items.length === filter.limit ? items[items.length - 1]!.id : null };
}
