/**
 * The outbound side of the EDI transports (docs/edi.md "Outbound"): what is written to a partner
 * (997, TA1, 849, 845) goes to it without anyone fetching it.
 *
 * - **The outbound folder** (EDI_OUTBOUND_DIR): each document is put in `DIR/<distributor id>/`
 *   as `<kind>-<ISA13>.x12`, written under a dot name and renamed, so a gateway (AS2, SFTP) that
 *   picks files up never reads half of one; delivered again, it replaces itself.
 * - **E-mail** to the partner's address (`outboundEmail` of its settings), over the SMTP the
 *   notifications use (SMTP_URL, MAIL_FROM), the interchange attached.
 *
 * A document is marked `pending` when it is written (in the writer's transaction) if a route is
 * set, and `delivered` once every route has taken it; a delivery that fails stays pending and the
 * processes that run jobs try again every EDI_SCHEDULE_MS (so a crash between writing and
 * delivering loses nothing; a crash between the e-mail and the mark sends it twice: the partner
 * sees the same ISA13 again, as X12 allows for a resend).
 *
 * The same tick queues each partner's scheduled 845 (`notice845Minutes`) as an `edi-845` job on the
 * jobs runtime (BullMQ over Redis, or the in-process queue), one per partner and period; the job
 * writes the changes since the partner's last 845 and delivers it.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { recordAudit } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import type { JobQueue } from '../jobs/queue.js';
import { settings as notificationSettings, started as notificationsStarted } from '../notifications/settings.js';
import * as repo from './edi.repository.js';
import { repeat } from './repeat.js';
import type { PartnerRecord } from './edi.repository.js';
import { writeAuthorizationNotices } from './edi.service.js';

interface OutboundSettings {
  dir: string | null;
  /** SMTP is configured (SMTP_URL): e-mail can be a route */
  mail: boolean;
  mailFrom: string;
}

let current: OutboundSettings = { dir: null, mail: false, mailFrom: '' };

/** Set once per process (startEdiTransports, the command): where documents go. */
export function useOutbound(config: Pick<Config, 'ediOutboundDir' | 'smtpUrl' | 'mailFrom'>) {
  current = { dir: config.ediOutboundDir ?? null, mail: Boolean(config.smtpUrl), mailFrom: config.mailFrom };
}

/** A document written now for this partner waits for delivery ('pending') when a route is set; otherwise null. */
export function deliveryOf(partner: Pick<PartnerRecord, 'outboundEmail'>): 'pending' | null {
  return current.dir !== null || (current.mail && partner.outboundEmail !== null) ? 'pending' : null;
}

/** The name a document has in the outbound folder and as an attachment. */
export const outboundName = (d: { kind: string; interchangeControl: number }) =>
  `${d.kind}-${String(d.interchangeControl).padStart(9, '0')}.x12`;

/** Delivers one pending document by every route set; marks it delivered and audits where it went. */
async function deliver(doc: repo.DocumentView & { content: string }) {
  const partner = await repo.findPartner(doc.distributorId);
  const name = outboundName(doc);
  const to: { folder?: string; email?: string } = {};
  if (current.dir !== null) {
    const dir = join(current.dir, String(doc.distributorId));
    await mkdir(dir, { recursive: true });
    const part = join(dir, `.${name}.${randomUUID()}.part`);
    await writeFile(part, doc.content);
    await rename(part, join(dir, name));
    to.folder = join(String(doc.distributorId), name);
  }
  if (current.mail && partner?.outboundEmail) {
    const { mailer } = notificationSettings();
    if (!mailer) throw new Error('SMTP is configured but the notifications are not started');
    await mailer.sendMail({
      from: current.mailFrom,
      to: partner.outboundEmail,
      subject: `X12 ${doc.kind} ${String(doc.interchangeControl).padStart(9, '0')}`,
      text: `The attached interchange (${doc.kind}, ISA13 ${String(doc.interchangeControl).padStart(9, '0')}) is from BEC.\n`,
      attachments: [{ filename: name, content: doc.content, contentType: 'application/edi-x12' }],
    });
    to.email = partner.outboundEmail;
  }
  const at = new Date();
  await repo.markDelivered(doc.id, at);
  await recordAudit(null, {
    action: 'edi_document.delivered',
    entityType: 'edi_document',
    entityId: doc.id,
    distributorId: doc.distributorId,
    after: { kind: doc.kind, interchangeControl: doc.interchangeControl, ...to, at: at.toISOString() },
  });
}

/** Delivers a document just written, if it waits for it; a failure leaves it pending for the next tick. */
export async function deliverNow(id: number) {
  const doc = await repo.findDocument(id, null);
  if (!doc || doc.delivery !== 'pending') return;
  if (current.mail && !notificationsStarted()) return; // the process that runs jobs delivers it
  await deliver(doc).catch((err: Error) => console.warn(`EDI document ${id}: delivery failed, it stays pending: ${err.message}`));
}

/** Delivers what waits (oldest first), a batch at a time; returns how many went. */
export async function deliverPending(limit = 100): Promise<number> {
  let n = 0;
  for (const doc of await repo.pendingDeliveries(limit)) {
    try {
      await deliver(doc);
      n++;
    } catch (err) {
      console.warn(`EDI document ${doc.id}: delivery failed, it stays pending: ${(err as Error).message}`);
    }
  }
  return n;
}

/** A partner's 845 is due when it has none yet, or its last one covers up to a moment a period ago or more. */
async function due(distributorId: number, minutes: number, now: Date) {
  const last = await repo.last845CoveredUntil(distributorId);
  return last === null || now.getTime() - last.getTime() >= minutes * 60_000;
}

/**
 * Queues the scheduled 845 of each partner that is due, once per period (the job id carries the
 * period's number, so several processes ticking queue it once on Redis).
 */
export async function queueScheduled845s(queue: JobQueue, now = new Date()) {
  let n = 0;
  for (const p of await repo.scheduledPartners()) {
    if (!(await due(p.distributorId, p.notice845Minutes, now))) continue;
    await queue.add({ kind: 'edi-845', id: p.distributorId, slot: Math.floor(now.getTime() / (p.notice845Minutes * 60_000)) });
    n++;
  }
  return n;
}

/**
 * The `edi-845` job: the partner's 845 of the changes since its last one, if still due (a job
 * queued twice, or run again, writes nothing the second time), delivered as it is written.
 */
export async function scheduled845(distributorId: number) {
  const partner = await repo.findPartner(distributorId);
  if (!partner?.notice845Minutes) return;
  if (!(await due(distributorId, partner.notice845Minutes, new Date()))) return;
  await writeAuthorizationNotices(null, distributorId);
}

export interface OutboundSchedule {
  /** One tick now: queue the due 845s, deliver what waits. */
  tick(now?: Date): Promise<void>;
  stop(): Promise<void>;
}

/** Ticks every `everyMs` in a process that runs jobs; stops with its jobs. */
export function startOutboundSchedule(queue: JobQueue, everyMs: number): OutboundSchedule {
  const schedule = repeat('EDI outbound', everyMs, async (now?: Date) => {
    await queueScheduled845s(queue, now ?? new Date());
    await deliverPending();
  });
  return { tick: (now?: Date) => schedule.run(now), stop: () => schedule.stop() };
}
