/** The only code that touches the notification and webhook tables. */
import { Op } from 'sequelize';
import { User } from '../../models/accounts.js';
import {
  Notification,
  NotificationPreference,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookEndpoint,
} from '../../models/notifications.js';
import type { Role } from '../../core/domain.js';

export interface Recipient {
  userId: number;
  email: string;
  name: string;
}

/** Active users of one distributor, or active vendor users holding one of `roles`. */
export async function activeUsers(where: { distributorId: number } | { roles: Role[] } | { userId: number }): Promise<Recipient[]> {
  const filter =
    'distributorId' in where
      ? { distributorId: where.distributorId, role: 'distributor_user' as Role }
      : 'roles' in where
        ? { role: { [Op.in]: where.roles }, distributorId: null }
        : { id: where.userId };
  const rows = await User.findAll({ where: { ...filter, active: true }, order: [['id', 'ASC']] });
  return rows.map((u) => ({ userId: u.id, email: u.email, name: u.name }));
}

export interface PreferenceRow {
  event: string;
  inApp: boolean;
  email: string;
}

export async function preferencesOf(userId: number): Promise<PreferenceRow[]> {
  const rows = await NotificationPreference.findAll({ where: { userId } });
  return rows.map((r) => ({ event: r.event, inApp: r.inApp, email: r.email }));
}

/** Writes the given preferences (the others stay as they were). */
export async function savePreferences(userId: number, prefs: PreferenceRow[]) {
  for (const p of prefs) {
    const [row, created] = await NotificationPreference.findOrCreate({
      where: { userId, event: p.event },
      defaults: { userId, event: p.event, inApp: p.inApp, email: p.email },
    });
    if (!created) await row.update({ inApp: p.inApp, email: p.email });
  }
}

export interface NotificationView {
  id: number;
  event: string;
  entityType: string;
  entityId: string;
  distributorId: number | null;
  title: string;
  body: string;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

const view = (n: Notification): NotificationView => ({
  id: n.id,
  event: n.event,
  entityType: n.entityType,
  entityId: n.entityId,
  distributorId: n.distributorId,
  title: n.title,
  body: n.body,
  read: n.readAt !== null,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

export interface NewNotification {
  userId: number;
  distributorId: number | null;
  event: string;
  entityType: string;
  entityId: string;
  title: string;
  body: string;
  inApp: boolean;
  emailState: 'digest' | 'instant' | null;
}

export async function insertNotification(n: NewNotification): Promise<number> {
  const row = await Notification.create({ ...n, emailState: n.emailState === 'instant' ? 'sending' : n.emailState });
  return row.id;
}

export async function markEmailed(id: number, ok: boolean, at: Date) {
  await Notification.update({ emailState: ok ? 'sent' : 'failed', emailedAt: at }, { where: { id } });
}

/** One page of a user's inbox, newest first, with how many are unread. */
export async function inbox(userId: number, unreadOnly: boolean, page: number, pageSize: number) {
  const where = { userId, inApp: true, ...(unreadOnly ? { readAt: null } : {}) };
  const { rows, count } = await Notification.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const unread = await Notification.count({ where: { userId, inApp: true, readAt: null } });
  return { items: rows.map(view), total: count, unread, page, pageSize };
}

/** Marks one of the user's own notifications read; null when it is not theirs (or not in their inbox). */
export async function markRead(userId: number, id: number, at: Date): Promise<NotificationView | null> {
  const row = await Notification.findOne({ where: { id, userId, inApp: true } });
  if (!row) return null;
  if (row.readAt === null) await row.update({ readAt: at });
  return view(row);
}

export async function markAllRead(userId: number, at: Date): Promise<number> {
  const [n] = await Notification.update({ readAt: at }, { where: { userId, inApp: true, readAt: null } });
  return n;
}

/**
 * Takes the digest's waiting notifications made up to `until`, for every user, marking them as
 * being sent at `at` (so a second process running the digest at once takes none of them twice).
 */
export async function takeDigest(until: Date, at: Date) {
  await Notification.update({ emailState: 'sending', emailedAt: at }, { where: { emailState: 'digest', createdAt: { [Op.lte]: until } } });
  const rows = await Notification.findAll({ where: { emailState: 'sending', emailedAt: at }, order: [['id', 'ASC']] });
  return rows.map((r) => ({ ...view(r), userId: r.userId }));
}

export async function finishDigest(ids: number[], ok: boolean, at: Date) {
  if (ids.length)
    await Notification.update({ emailState: ok ? 'sent' : 'digest', emailedAt: ok ? at : null }, { where: { id: { [Op.in]: ids } } });
}

// Webhooks

export interface EndpointView {
  id: number;
  url: string;
  description: string | null;
  events: string[];
  active: boolean;
  createdByUserId: number;
  createdAt: string;
}

const endpointView = (e: WebhookEndpoint): EndpointView => ({
  id: e.id,
  url: e.url,
  description: e.description,
  events: JSON.parse(e.events) as string[],
  active: e.active,
  createdByUserId: e.createdByUserId,
  createdAt: e.createdAt.toISOString(),
});

export async function insertEndpoint(e: {
  url: string;
  description: string | null;
  events: string[];
  secret: string;
  createdByUserId: number;
}) {
  const row = await WebhookEndpoint.create({ ...e, events: JSON.stringify(e.events) });
  return endpointView(row);
}

export async function listEndpoints() {
  return (await WebhookEndpoint.findAll({ order: [['id', 'ASC']] })).map(endpointView);
}

export async function findEndpoint(id: number) {
  const row = await WebhookEndpoint.findByPk(id);
  return row ? { ...endpointView(row), secret: row.secret } : null;
}

export async function deactivateEndpoint(id: number) {
  await WebhookEndpoint.update({ active: false }, { where: { id } });
}

/** The active endpoints that take an event. */
export async function endpointsFor(event: string) {
  const rows = await WebhookEndpoint.findAll({ where: { active: true } });
  return rows.map(endpointView).filter((e) => e.events.includes(event));
}

export interface DeliveryView {
  id: number;
  endpointId: number;
  event: string;
  eventId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  replayOfId: number | null;
  createdAt: string;
  payload: unknown;
  log: { attempt: number; attemptedAt: string; statusCode: number | null; error: string | null; durationMs: number }[];
}

export async function insertDelivery(d: {
  endpointId: number;
  event: string;
  eventId: string;
  payload: string;
  replayOfId?: number | null;
}) {
  const row = await WebhookDelivery.create({ ...d, status: 'pending', replayOfId: d.replayOfId ?? null });
  return row.id;
}

export async function findDelivery(id: number) {
  const row = await WebhookDelivery.findByPk(id);
  return row ? row.get({ plain: true }) : null;
}

/** Records one HTTP attempt and the delivery's state after it. */
export async function recordAttempt(
  deliveryId: number,
  a: { attempt: number; at: Date; statusCode: number | null; error: string | null; durationMs: number },
  status: 'pending' | 'succeeded' | 'failed',
) {
  await WebhookDeliveryAttempt.create({
    deliveryId,
    attempt: a.attempt,
    attemptedAt: a.at,
    statusCode: a.statusCode,
    error: a.error?.slice(0, 500) ?? null,
    durationMs: a.durationMs,
  });
  await WebhookDelivery.update(
    {
      status,
      attempts: a.attempt,
      lastStatusCode: a.statusCode,
      lastError: a.error?.slice(0, 500) ?? null,
      ...(status === 'succeeded' ? { deliveredAt: a.at } : {}),
    },
    { where: { id: deliveryId } },
  );
}

/** Deliveries not yet ended (their jobs are queued again when a process starts). */
export async function pendingDeliveryIds() {
  return (await WebhookDelivery.findAll({ attributes: ['id'], where: { status: 'pending' }, order: [['id', 'ASC']] })).map((d) => d.id);
}

export async function failDelivery(id: number, error: string) {
  await WebhookDelivery.update({ status: 'failed', lastError: error.slice(0, 500) }, { where: { id, status: 'pending' } });
}

/** An endpoint's deliveries, newest first, each with its attempts. */
export async function deliveriesOf(endpointId: number, before: number | undefined, limit: number) {
  const rows = await WebhookDelivery.findAll({
    where: { endpointId, ...(before ? { id: { [Op.lt]: before } } : {}) },
    order: [['id', 'DESC']],
    limit,
  });
  const attempts = rows.length
    ? await WebhookDeliveryAttempt.findAll({ where: { deliveryId: { [Op.in]: rows.map((r) => r.id) } }, order: [['attempt', 'ASC']] })
    : [];
  const items: DeliveryView[] = rows.map((r) => ({
    id: r.id,
    endpointId: r.endpointId,
    event: r.event,
    eventId: r.eventId,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    replayOfId: r.replayOfId,
    createdAt: r.createdAt.toISOString(),
    payload: JSON.parse(r.payload) as unknown,
    log: attempts
      .filter((a) => a.deliveryId === r.id)
      .map((a) => ({
        attempt: a.attempt,
        attemptedAt: a.attemptedAt.toISOString(),
        statusCode: a.statusCode,
        error: a.error,
        durationMs: a.durationMs,
      })),
  }));
  return { items, next: rows.length === limit ? rows[rows.length - 1]!.id : null };
}
