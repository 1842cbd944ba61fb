/**
 * The EDI transports a process runs beside the API (docs/edi.md "Transports"): the inbound folder
 * (EDI_INBOUND_DIR) and the outbound schedule (scheduled 845s, deliveries retried) where jobs run,
 * the e-mail intake (MAIL_INTAKE_PORT) in the server. Every process delivers what it writes
 * (EDI_OUTBOUND_DIR, e-mail). All stop when the process's jobs close (a test app, a shutdown),
 * before the queue does: no timer or listener outlives them.
 */
import type { Config } from '../config.js';
import type { Jobs } from '../jobs/runtime.js';
import { startInbound, type InboundWatcher } from './inbound.js';
import { startMailIntake, type MailIntake } from './mail-intake.js';
import { startOutboundSchedule, useOutbound, type OutboundSchedule } from './outbound.js';

export interface EdiTransports {
  inbound: InboundWatcher | null;
  mail: MailIntake | null;
  outbound: OutboundSchedule | null;
}

/** `runsJobs`: this process runs jobs (the inbound folder and the outbound schedule run here); `mail`: it takes e-mail. */
export function startEdiTransports(config: Config, jobs: Jobs, where: { runsJobs: boolean; mail: boolean }): EdiTransports {
  useOutbound(config);
  const inbound =
    where.runsJobs && config.ediInboundDir ? startInbound({ dir: config.ediInboundDir, pollMs: config.ediInboundPollMs, jobs }) : null;
  const mail = where.mail && config.mailIntakePort !== undefined ? startMailIntake(config, jobs) : null;
  const outbound = where.runsJobs ? startOutboundSchedule(jobs.queue, config.ediScheduleMs) : null;
  if (inbound || mail || outbound) {
    const closeJobs = jobs.close.bind(jobs);
    jobs.close = async () => {
      await Promise.all([inbound?.stop(), mail?.stop(), outbound?.stop()]);
      await closeJobs();
    };
  }
  return { inbound, mail, outbound };
}
