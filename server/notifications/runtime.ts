/**
 * Starts the notifications of a process (the server, a worker): listens to the event bus, tells
 * the users (inbox, e-mail) and queues the webhook deliveries of each event, and runs the daily
 * digest where jobs run. Events are handled in the process that raised them, after their commit.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { JobQueue } from '../jobs/queue.js';
import { domainEvents, type DomainEvent } from './events.js';
import { notify, runDailyDigest } from './notifications.service.js';
import { useSettings } from './settings.js';
import { fanOut } from './webhooks.service.js';

const inFlight = new Set<Promise<unknown>>();
/** Resolves once every event raised so far is handled (its inbox entries, e-mails and queued deliveries): for tests and shutdown. */
export const notificationsSettled = () => Promise.allSettled([...inFlight]);

async function handle(event: DomainEvent) {
  const at = new Date();
  await notify(event);
  await fanOut(event, at);
}

let subscribed = false;
let digestTimer: NodeJS.Timeout | null = null;

/** The milliseconds from `now` to the next `hour`:00 UTC. */
export function untilHour(now: Date, hour: number) {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

/**
 * `runsJobs`: this process runs jobs (a worker, or a server without Redis or with
 * WORKER_IN_PROCESS): it also sends the daily digest.
 */
export function startNotifications(config: Config, queue: JobQueue, options: { runsJobs: boolean }) {
  useSettings({ config, queue, mailer: config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null });
  if (!subscribed) {
    domainEvents.on((event) => {
      const p = handle(event)
        .catch((err: Error) => console.warn(`notifying ${event.name} ${event.entityType} ${event.entityId} failed: ${err.message}`))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    });
    subscribed = true;
  }
  if (digestTimer) clearTimeout(digestTimer);
  digestTimer = null;
  if (options.runsJobs && config.smtpUrl) {
    const next = () => {
      digestTimer = setTimeout(
        () => {
          runDailyDigest(new Date())
            .catch((err: Error) => console.warn(`the daily digest failed: ${err.message}`))
            .finally(next);
        },
        untilHour(new Date(), config.digestHourUtc),
      );
      // The schedule never keeps a process alive.
      digestTimer.unref();
    };
    next();
  }
}
