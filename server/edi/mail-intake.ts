/**
 * E-mail intake (MAIL_INTAKE_PORT): an SMTP endpoint (the `smtp-server` package) that takes a
 * distributor's claim or POS file attached to a message, as distributors send them today.
 *
 * - The sender (the envelope's MAIL FROM, and the message's From) must be the registered address
 *   of an active distributor user; any other is refused at MAIL FROM (550) and audited
 *   (`mail_intake.refused`). SMTP proves no sender: run this behind the mail gateway that checks
 *   SPF / DKIM / DMARC (docs/edi.md).
 * - Each attachment that is X12 (by its type, its name or its content) or a CSV / text file goes
 *   through the one door of every transport (server/edi/intake.ts) and the same job as an upload:
 *   an 844 is a claim file, an 867 a POS report; a CSV is a POS report, or a claim file when the
 *   subject starts with "claim" (the word after it is the debit memo number).
 * - The sender gets a reply (nodemailer over SMTP_URL, the notifications' transport): each file's
 *   outcome in words (counts, a claim's verdicts, the first row errors) and the error report of each
 *   as a CSV attachment. Audited (`mail_intake.received`).
 */
import { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { Actor } from '../auth/actor.js';
import { findUserByEmail } from '../auth/auth.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import * as imports from '../imports/imports.service.js';
import type { Jobs } from '../jobs/runtime.js';
import { settings as notificationSettings } from '../notifications/settings.js';
import { outcomeReport, outcomeText, senderActor, submitFile, type FileSubmission } from './intake.js';
import { addressOf, parseMessage, type MimeAttachment } from './mime.js';

const X12_NAME = /\.(x12|edi|844|867|txt12)$/i;
const TEXT_NAME = /\.(csv|tsv|txt)$/i;

/** Which attachments are files to import, and how they are sent. */
function fileOf(a: MimeAttachment, subject: string): Omit<FileSubmission, 'body'> | null {
  const head = a.content.subarray(0, 64).toString('utf8');
  const x12 = a.contentType === 'application/edi-x12' || X12_NAME.test(a.fileName) || /^\uFEFF?\s*ISA/.test(head);
  const text = TEXT_NAME.test(a.fileName) || a.contentType === 'text/csv' || a.contentType === 'text/tab-separated-values';
  if (!x12 && !text) return null;
  const claim = /^\s*(?:re:\s*|fwd?:\s*)*claim\b\s*(\S+)?/i.exec(subject);
  if (x12) return { purpose: 'auto', fileName: a.fileName, declaredX12: true };
  if (claim) return { purpose: 'claim', fileName: a.fileName, claim: { debitMemoNumber: claim[1] ?? null, currency: null } };
  return { purpose: 'pos', fileName: a.fileName };
}

/** The distributor user of a sender's address, or why it is refused. */
async function senderOf(address: string): Promise<Actor> {
  const user = await findUserByEmail(address);
  if (!user || user.role !== 'distributor_user')
    throw new AppError('UNKNOWN_SENDER', `${address} is not the registered address of a distributor user`, 403);
  return senderActor(user, null, address);
}

const refusal = (message: string, responseCode = 550) => Object.assign(new Error(message), { responseCode });

export interface MailIntake {
  /** the port it listens on (MAIL_INTAKE_PORT=0 takes any free one) */
  ready: Promise<number>;
  stop(): Promise<void>;
}

export function startMailIntake(config: Config, jobs: Jobs): MailIntake {
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  async function refuse(address: string, reason: string) {
    await recordAudit(null, {
      action: 'mail_intake.refused',
      entityType: 'mail_intake',
      entityId: address,
      after: { from: address, reason },
    }).catch((err: Error) => console.error(`mail intake: could not audit a refusal: ${err.message}`));
  }

  /** Imports a message's files and answers its sender. */
  async function handle(actor: Actor, raw: Buffer) {
    const message = parseMessage(raw);
    const subject = message.headers.get('subject') ?? '';
    const files = message.attachments.flatMap((a) => {
      const f = fileOf(a, subject);
      return f ? [{ ...f, content: a.content }] : [];
    });
    const parts: string[] = [];
    const attachments: { filename: string; content: string; contentType: string }[] = [];
    const taken: { file: string; importId: number | null; failure: string | null }[] = [];
    if (!files.length) parts.push('No file was found in your message: attach a CSV or an X12 file (867, 844).\n');
    for (const f of files) {
      try {
        const outcome = await submitFile(actor, jobs, { ...f, body: Readable.from([f.content]) }, () => stopped);
        const report = await outcomeReport(actor, outcome);
        parts.push(outcomeText(f.fileName, report));
        if (report.errorCount)
          attachments.push({
            filename: `import-${report.importId}-errors.csv`,
            content: await imports.importErrorsCsv(actor, report.importId),
            contentType: 'text/csv',
          });
        taken.push({ file: f.fileName ?? '', importId: report.importId, failure: report.failure?.code ?? null });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        parts.push(`${f.fileName}: not taken: ${err.message} (${err.code}).\n`);
        taken.push({ file: f.fileName ?? '', importId: null, failure: err.code });
      }
    }
    await recordAudit(actor, {
      action: 'mail_intake.received',
      entityType: 'mail_intake',
      entityId: message.headers.get('message-id') ?? actor.email,
      distributorId: actor.distributorId,
      after: { from: actor.email, subject, files: taken },
    });
    const { mailer } = notificationSettings();
    if (!mailer) {
      console.warn(`mail intake: no SMTP_URL, so no reply to ${actor.email}`);
      return;
    }
    const messageId = message.headers.get('message-id');
    await mailer.sendMail({
      from: config.mailFrom,
      to: actor.email,
      subject: `Re: ${subject || 'your files'}`,
      ...(messageId ? { inReplyTo: messageId, references: messageId } : {}),
      text: parts.join('\n'),
      attachments,
    });
  }

  const server = new SMTPServer({
    authOptional: true,
    // TLS and the proof of the sender are the mail gateway's in front of it (docs/edi.md).
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: config.mailIntakeMaxBytes,
    onMailFrom(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const from = address.address.toLowerCase();
      senderOf(from).then(
        () => callback(),
        async (err: unknown) => {
          const reason = err instanceof AppError ? err.message : 'the sender could not be checked';
          await refuse(from, reason);
          callback(refusal(`5.7.1 ${reason}`, err instanceof AppError ? 550 : 451));
        },
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
          return callback(refusal(`5.3.4 the message is larger than ${config.mailIntakeMaxBytes} bytes`, 552));
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '';
        const raw = Buffer.concat(chunks);
        const headerFrom = addressOf(parseMessage(raw).headers.get('from'));
        if (headerFrom !== envelopeFrom) {
          void refuse(headerFrom ?? '(none)', `the From header ${headerFrom ?? '(none)'} is not the envelope sender ${envelopeFrom}`);
          return callback(refusal('5.7.1 the From header is not the sender'));
        }
        senderOf(envelopeFrom).then(
          (actor) => {
            // Taken: the files are imported and answered after the SMTP dialogue ends.
            callback();
            const p = handle(actor, raw)
              .catch((err: Error) => console.error(`mail intake from ${envelopeFrom}: ${err.message}`))
              .finally(() => inFlight.delete(p));
            inFlight.add(p);
          },
          (err: unknown) => callback(refusal(`5.7.1 ${err instanceof Error ? err.message : 'refused'}`)),
        );
      });
    },
  });
  const ready = new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.mailIntakePort ?? 0, config.mailIntakeHost, () => {
      resolve((server.server.address() as { port: number }).port);
    });
  });
  ready.catch((err: Error) => console.error(`mail intake: cannot listen: ${err.message}`));
  return {
    ready,
    async stop() {
      stopped = true;
      await ready.catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
    },
  };
}
