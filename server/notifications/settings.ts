/**
 * What the notifications of this process run with, set once at start (`startNotifications`, by
 * the server and by a worker): the configuration, the job queue webhook deliveries go on, and the
 * SMTP transport (none without SMTP_URL).
 */
import type { Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import type { JobQueue } from '../jobs/queue.js';

export interface NotificationSettings {
  config: Config;
  queue: JobQueue;
  mailer: Transporter | null;
}

let current: NotificationSettings | null = null;

export function useSettings(s: NotificationSettings) {
  current = s;
}

export function settings(): NotificationSettings {
  if (!current) throw new Error('notifications are not started (startNotifications)');
  return current;
}

export const started = () => current !== null;
