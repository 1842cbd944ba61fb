/**
 * The EDI transports a process runs beside the API (docs/edi.md "Transports"): the inbound folder
 * (EDI_INBOUND_DIR) where jobs run, the e-mail intake (MAIL_INTAKE_PORT) in the server. Both stop
 * when the process's jobs close (a test app, a shutdown), before the queue does: no timer or
 * listener outlives them.
 */
import type { Config } from '../config.js';
import type { Jobs } from '../jobs/runtime.js';
import { startInbound, type InboundWatcher } from './inbound.js';
import { startMailIntake, type MailIntake } from './mail-intake.js';

export interface EdiTransports {
  inbound: InboundWatcher | null;
  mail: MailIntake | null;
}

export function startEdiTransports(config: Config, jobs: Jobs, where: { inbound: boolean; mail: boolean }): EdiTransports {
  const inbound =
    where.inbound && config.ediInboundDir ? startInbound({ dir: config.ediInboundDir, pollMs: config.ediInboundPollMs, jobs }) : null;
  const mail = where.mail && config.mailIntakePort !== undefined ? startMailIntake(config, jobs) : null;
  if (inbound || mail) {
    const closeJobs = jobs.close.bind(jobs);
    jobs.close = async () => {
      await Promise.all([inbound?.stop(), mail?.stop()]);
      await closeJobs();
    };
  }
  return { inbound, mail };
}
