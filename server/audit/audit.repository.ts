import type { Transaction } from 'sequelize';
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
  actor: Pick<Actor, 'userId' | 'role'> | null,
  entry: AuditEntry,
  transaction?: Transaction,
  requestId?: string,
) {
  await AuditEvent.create(
    {
      occurredAt: new Date(),
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
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

export async function listAudit(filter: {
  entityType?: string;
  entityId?: string;
  distributorId?: number | null;
  limit: number;
}): Promise<AuditView[]> {
  const where: Record<string, unknown> = {};
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.distributorId != null) where.distributorId = filter.distributorId;
  const rows = await AuditEvent.findAll({ where, order: [['id', 'ASC']], limit: filter.limit });
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    actorUserId: r.actorUserId,
    actorRole: r.actorRole,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    distributorId: r.distributorId,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
    reason: r.reason,
  }));
}
