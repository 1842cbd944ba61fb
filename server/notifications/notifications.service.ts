/**
 * Who hears of each event, and how: an entry in the inbox, an e-mail at once, or a line in the
 * daily digest e-mail, as each user's preferences say. A distributor's events go to its own users
 * only; the vendor's reviewers hear of submitted claims.
 */
import type { Role } from '../../core/domain.js';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { notFound } from '../errors.js';
import { EVENT_NAMES, type DomainEvent, type EventName } from './events.js';
import * as repo from './notifications.repository.js';
import { settings } from './settings.js';

export type EmailChoice = 'off' | 'instant' | 'digest';
export interface Preference {
  event: EventName;
  inApp: boolean;
  email: EmailChoice;
}

/** Without a preference of their own: in the inbox, and in the daily digest. */
const DEFAULT_PREFERENCE = { inApp: true, email: 'digest' as EmailChoice };

/** Who is told of each event, besides never the person who made it (except of their own import). */
const AUDIENCE: Record<EventName, { distributor: boolean; vendorRoles: Role[]; actor: boolean }> = {
  'request.decided': { distributor: true, vendorRoles: [], actor: false },
  // the escalation's approvers only (recipientUserIds): the distributor waits on, not decides, it
  'request.escalated': { distributor: false, vendorRoles: [], actor: false },
  'authorization.changed': { distributor: true, vendorRoles: [], actor: false },
  'claim.submitted': { distributor: false, vendorRoles: ['vendor_admin', 'finance'], actor: false },
  'claim.authorized': { distributor: true, vendorRoles: [], actor: false },
  'credit_memo.issued': { distributor: true, vendorRoles: [], actor: false },
  // for the ERP's webhook: people read credit_memo.issued
  'credit_memo.posted': { distributor: false, vendorRoles: [], actor: false },
  'import.finished': { distributor: false, vendorRoles: [], actor: true },
};

const TITLES: Record<EventName, string> = {
  'request.decided': 'Special-price request decided',
  'request.escalated': 'Approval escalated to you',
  'authorization.changed': 'Authorization changed',
  'claim.submitted': 'Claim submitted',
  'claim.authorized': 'Claim authorized',
  'credit_memo.issued': 'Credit memo issued',
  'credit_memo.posted': 'Credit memo posted to the journal',
  'import.finished': 'Import finished',
};

async function recipientsOf(event: DomainEvent) {
  const who = AUDIENCE[event.name];
  const found = new Map<number, repo.Recipient>();
  const add = (list: repo.Recipient[]) => list.forEach((r) => found.set(r.userId, r));
  if (who.distributor) add(await repo.activeUsers({ distributorId: event.distributorId }));
  if (who.vendorRoles.length) add(await repo.activeUsers({ roles: who.vendorRoles }));
  for (const userId of event.recipientUserIds ?? []) add(await repo.activeUsers({ userId }));
  if (!who.actor && event.actorUserId !== null) found.delete(event.actorUserId);
  if (who.actor && event.actorUserId !== null) add(await repo.activeUsers({ userId: event.actorUserId }));
  return [...found.values()];
}

/** A user's preference for every event (the defaults where they set none). */
export async function preferences(userId: number): Promise<Preference[]> {
  const own = new Map((await repo.preferencesOf(userId)).map((p) => [p.event, p]));
  return EVENT_NAMES.map((event) => {
    const p = own.get(event);
    return { event, inApp: p?.inApp ?? DEFAULT_PREFERENCE.inApp, email: (p?.email as EmailChoice | undefined) ?? DEFAULT_PREFERENCE.email };
  });
}

export async function savePreferences(actor: Actor, changes: Preference[]) {
  const before = await preferences(actor.userId);
  await repo.savePreferences(actor.userId, changes);
  const after = await preferences(actor.userId);
  await recordAudit(actor, {
    action: 'notification_preferences.changed',
    entityType: 'user',
    entityId: actor.userId,
    distributorId: actor.distributorId,
    before,
    after,
  });
  return after;
}

async function sendMail(to: string, subject: string, text: string) {
  const { mailer, config } = settings();
  if (!mailer) return false;
  await mailer.sendMail({ from: config.mailFrom, to, subject, text });
  return true;
}

/** Tells each recipient of an event, as their preferences say. */
export async function notify(event: DomainEvent) {
  const mailOn = settings().mailer !== null;
  const title = TITLES[event.name];
  for (const r of await recipientsOf(event)) {
    const pref = (await preferences(r.userId)).find((p) => p.event === event.name)!;
    const email = mailOn && pref.email !== 'off' ? pref.email : null;
    if (!pref.inApp && !email) continue;
    const id = await repo.insertNotification({
      userId: r.userId,
      distributorId: event.distributorId,
      event: event.name,
      entityType: event.entityType,
      entityId: String(event.entityId),
      title,
      body: event.summary,
      inApp: pref.inApp,
      emailState: email,
    });
    if (email === 'instant') {
      const ok = await sendMail(r.email, `[BEC] ${title}`, `${event.summary}\n\n(${event.entityType} ${event.entityId})\n`).catch(
        (err: Error) => {
          console.warn(`notification ${id}: the e-mail to ${r.email} failed: ${err.message}`);
          return false;
        },
      );
      await repo.markEmailed(id, ok, new Date());
    }
  }
}

export function inbox(actor: Actor, unreadOnly: boolean, page: number, pageSize: number) {
  return repo.inbox(actor.userId, unreadOnly, page, pageSize);
}

export async function markRead(actor: Actor, id: number) {
  const n = await repo.markRead(actor.userId, id, new Date());
  if (!n) throw notFound('notification');
  await recordAudit(actor, {
    action: 'notification.read',
    entityType: 'notification',
    entityId: id,
    distributorId: actor.distributorId,
    after: { readAt: n.readAt },
  });
  return n;
}

export async function markAllRead(actor: Actor) {
  const marked = await repo.markAllRead(actor.userId, new Date());
  await recordAudit(actor, {
    action: 'notification.read_all',
    entityType: 'user',
    entityId: actor.userId,
    distributorId: actor.distributorId,
    after: { marked },
  });
  return { marked };
}

/**
 * The daily digest: one e-mail per user listing what waited for it (made up to `now`), oldest
 * first. Returns how many e-mails went. Run by the process that runs jobs, once a day at
 * DIGEST_HOUR_UTC; callable with any clock.
 */
export async function runDailyDigest(now: Date = new Date()) {
  const waiting = await repo.takeDigest(now, now);
  const byUser = new Map<number, typeof waiting>();
  for (const n of waiting) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  let sent = 0;
  for (const [userId, items] of byUser) {
    const [user] = await repo.activeUsers({ userId });
    const ids = items.map((i) => i.id);
    if (!user) {
      await repo.finishDigest(ids, true, now);
      continue;
    }
    const lines = items.map((i) => `- ${i.createdAt.slice(0, 16).replace('T', ' ')} UTC  ${i.title}: ${i.body}`);
    const ok = await sendMail(
      user.email,
      `[BEC] Your daily digest: ${items.length} update${items.length === 1 ? '' : 's'}`,
      `Hello ${user.name},\n\nWhat happened since your last digest:\n\n${lines.join('\n')}\n`,
    ).catch((err: Error) => {
      console.warn(`the digest to ${user.email} failed: ${err.message}`);
      return false;
    });
    // A failed e-mail's notifications wait for the next digest.
    await repo.finishDigest(ids, ok, now);
    if (ok) sent++;
  }
  return { sent, notifications: waiting.length };
}
