/**
 * EDI from scripts (issue 17): send a file into the import pipeline, fetch what was written back.
 * It opens the database of DATABASE_URL (and REDIS_URL's queue, when set) and calls the same
 * services the API calls: a file goes through the one door of every transport (server/edi/intake.ts)
 * and runs as the same job; without REDIS_URL the job runs in this process, with it a worker
 * runs it and this command waits. Every act is the user's named by --as, and audited as such.
 *
 *   npm run edi -- send FILE --as EMAIL [--distributor ID] [--pos | --claim] [--debit-memo DM] [--currency USD] [--resend]
 *   npm run edi -- fetch 849 --claim ID --as EMAIL [--out FILE]
 *   npm run edi -- fetch 845 --distributor ID --as EMAIL [--since ISO-DATE-TIME] [--out FILE]
 *   npm run edi -- fetch 997 --import ID --as EMAIL [--out FILE]      (also: ta1)
 *
 * `--resend` makes a claim of a claim file sent before (the same bytes) whose claim stands, which
 * is otherwise refused (DUPLICATE_FILE), as the API's resend=true does.
 * `send` prints the outcome as one JSON line (the import, and a claim file's result) and exits 0
 * when the job completed, 1 when the file failed (its problem in the JSON), 2 on a usage error.
 * `fetch` writes the X12 interchange(s) to --out or standard output.
 */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { openDatabase } from '../models/database.js';
import { findUserByEmail } from '../server/auth/auth.repository.js';
import { loadConfig } from '../server/config.js';
import * as edi from '../server/edi/edi.service.js';
import { senderActor, submitFile } from '../server/edi/intake.js';
import { AppError } from '../server/errors.js';
import { createJobs } from '../server/jobs/runtime.js';
import { useOutbound } from '../server/edi/outbound.js';
import { notificationsSettled, startNotifications } from '../server/notifications/runtime.js';

const USAGE = `usage:
  npm run edi -- send FILE --as EMAIL [--distributor ID] [--pos | --claim] [--debit-memo DM] [--currency USD] [--resend]
  npm run edi -- fetch 849 --claim ID --as EMAIL [--out FILE]
  npm run edi -- fetch 845 --distributor ID --as EMAIL [--since ISO-DATE-TIME] [--out FILE]
  npm run edi -- fetch 997|ta1 --import ID --as EMAIL [--out FILE]`;

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string): string | null => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? null) : null;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--') && !isFlag(args[i - 1]!)));
function isFlag(a: string) {
  return a === '--pos' || a === '--claim' || a === '--resend';
}
const number = (name: string): number | null => {
  const v = option(name);
  if (v === null) return null;
  if (!/^\d+$/.test(v)) usage(`--${name} takes a number, not "${v}"`);
  return Number(v);
};
function usage(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  process.exit(2);
}

const [command, what] = positional;
const email = option('as');
if (!command || !['send', 'fetch'].includes(command)) usage('name a command: send or fetch');
if (!email) usage('--as EMAIL: the user this is done as');

const config = loadConfig();
const db = await openDatabase(config.databaseUrl);
await db.migrate();
const jobs = createJobs(config);
// The events the job raises (an import finished) are told from here as from the server.
startNotifications(config, jobs.queue, { runsJobs: false });
// What it writes (a 997, an 849, an 845) is delivered as the server's is (EDI_OUTBOUND_DIR, e-mail).
useOutbound(config);

let code = 0;
try {
  const actor = await senderActor(await findUserByEmail(email), number('distributor'), email);
  if (command === 'send') {
    if (!what) usage('send FILE: name the file');
    const purpose = flag('claim') ? 'claim' : flag('pos') ? 'pos' : 'auto';
    const debitMemoNumber = option('debit-memo');
    const currency = option('currency');
    const outcome = await submitFile(actor, jobs, {
      purpose,
      body: createReadStream(what),
      fileName: basename(what),
      ...(debitMemoNumber || currency ? { claim: { debitMemoNumber, currency } } : {}),
      ...(flag('resend') ? { resend: true } : {}),
    });
    const failure = outcome.failure;
    process.stdout.write(
      `${JSON.stringify({
        importId: outcome.importId,
        purpose: outcome.purpose,
        format: outcome.format,
        import: outcome.import,
        result: outcome.result,
        failure: failure ? { code: failure.code, message: failure.message, ...failure.details } : null,
      })}\n`,
    );
    code = failure ? 1 : 0;
  } else {
    let content: string | null;
    if (what === '849') {
      const claimId = number('claim') ?? usage('fetch 849 --claim ID');
      content = (await edi.claimResponse(actor, claimId)).content;
    } else if (what === '845') {
      const since = option('since');
      if (since !== null && Number.isNaN(Date.parse(since))) usage(`--since takes a date-time, not "${since}"`);
      const written = await edi.writeAuthorizationNotices(actor, actor.distributorId!, since ? { since: new Date(since) } : {});
      content = written.document ? (await edi.getDocument(actor, written.document.id)).content : null;
      if (!content) process.stderr.write(`no authorization changed since ${written.from ?? 'the start'}: no 845 written\n`);
    } else if (what === '997' || what?.toUpperCase() === 'TA1') {
      const importId = number('import') ?? usage(`fetch ${what} --import ID`);
      const kind = what === '997' ? '997' : 'TA1';
      const docs = await edi.listDocuments(actor, { importId, kind, limit: 500 });
      const texts = [];
      for (const d of docs.reverse()) texts.push((await edi.getDocument(actor, d.id)).content);
      content = texts.join('') || null;
      if (!content) process.stderr.write(`import ${importId} has no ${kind}\n`);
    } else usage('fetch what: 849, 845, 997 or ta1');
    if (content !== null) {
      const out = option('out');
      if (out) await writeFile(out, content);
      else process.stdout.write(content);
    }
  }
} catch (err) {
  if (!(err instanceof AppError)) throw err;
  process.stderr.write(`${err.code}: ${err.message}\n`);
  code = 1;
} finally {
  await notificationsSettled();
  await jobs.close();
  await db.close();
}
process.exit(code);
