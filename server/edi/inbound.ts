/**
 * The inbound directory (EDI_INBOUND_DIR): files a gateway (AS2, SFTP, a shared folder) drops are
 * imported by the processes that run jobs, through the one door of every transport
 * (server/edi/intake.ts) and the same job as an upload.
 *
 * - `DIR/<distributor id>/FILE`: a CSV or X12 file of that distributor;
 * - `DIR/<distributor id>/claims/FILE`: a claim file (CSV or 844) of that distributor; a CSV's
 *   debit memo number is its file name without the extension (`DM-55012.csv`), its currency the
 *   distributor's;
 * - `DIR/FILE`: an X12 file; the ISA sender (a partner's ISA id) names the distributor.
 *
 * Elsewhere than `claims/`, an 844 is a claim file (its BGN or BAA and CUR give the debit memo and
 * currency), anything else a POS report. Files whose names start with `.` or end in `.tmp` / `.part` are left alone: a gateway
 * writes under such a name, then renames. A file is taken by renaming it into `.work/` (so several
 * workers on one shared folder never take the same file), sent as the distributor's first active
 * distributor user, and once its job has ended moved to `processed/` (the job completed, row
 * errors or not) or `failed/` (the file failed, or no distributor could be told) beside where it
 * was dropped, with `NAME.result.json` (the counts, a claim's verdicts, the first row errors).
 * Each is audited (`edi_inbound.received` / `edi_inbound.refused`).
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { readX12Head } from '../../core/edi/index.js';
import type { Actor } from '../auth/actor.js';
import { findUserById } from '../auth/auth.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors.js';
import type { Jobs } from '../jobs/runtime.js';
import * as repo from './edi.repository.js';
import { partnerByIsa } from './edi.service.js';
import { repeat, type Repeating } from './repeat.js';
import { outcomeReport, senderActor, submitFile, type FileSubmission } from './intake.js';

const RESERVED = new Set(['processed', 'failed', '.work']);
/** A distributor's subfolder whose files are claim files. */
const CLAIMS = 'claims';
const skipped = (name: string) => name.startsWith('.') || /\.(tmp|part|result\.json)$/i.test(name);

export interface InboundWatcher {
  /** Looks at the folder now (the schedule does it every pollMs). */
  scan(): Promise<void>;
  /** Stops looking; waits for the file being imported. */
  stop(): Promise<void>;
}

/** Who sends a file of this distributor that came with no user: its first active distributor user. */
async function inboundActor(distributorId: number): Promise<Actor> {
  const userId = await repo.firstDistributorUserId(distributorId);
  if (userId === null)
    throw new AppError('NO_DISTRIBUTOR_USER', `distributor ${distributorId} has no active user to send its files as`, 422);
  return senderActor(await findUserById(userId), distributorId, `distributor ${distributorId}'s user`);
}

async function head(path: string): Promise<string> {
  const f = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await f.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await f.close();
  }
}

/** The distributor of a file: its folder's (`<id>` or `<id>/claims`), else its ISA sender's partner. */
async function distributorOf(folder: string | null, path: string): Promise<number> {
  if (folder !== null) {
    const id = folder.split('/')[0]!;
    if (!/^\d+$/.test(id))
      throw new AppError('UNKNOWN_FOLDER', `the folder "${folder}" is not a distributor id: drop files in DIR/<distributor id>/`, 422);
    return Number(id);
  }
  const x12 = readX12Head(await head(path));
  if (!x12)
    throw new AppError(
      'UNKNOWN_PARTNER',
      'a file at the top of the inbound folder must be X12 (its ISA names the partner); put a CSV in DIR/<distributor id>/',
      422,
    );
  const partner = await partnerByIsa(x12.senderQualifier, x12.senderId);
  if (!partner) throw new AppError('UNKNOWN_PARTNER', `no partner has the ISA id ${x12.senderQualifier}/${x12.senderId}`, 422);
  return partner.distributorId;
}

/** How a file is sent: from `<id>/claims/` a claim file (a CSV's debit memo number is its name's stem), else told by its content. */
export function inboundSubmission(folder: string | null, name: string): Pick<FileSubmission, 'purpose' | 'claim'> {
  if (folder === null || folder.split('/')[1] !== CLAIMS) return { purpose: 'auto' };
  const stem = name.replace(/\.[^.]*$/, '').trim();
  // An 844's own header names its debit memo; a CSV's file name does.
  return { purpose: 'claim', claim: { debitMemoNumber: /\.(x12|edi|844)$/i.test(name) || !stem ? null : stem, currency: null } };
}

const stamp = () =>
  new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

export function startInbound(options: { dir: string; pollMs: number; jobs: Jobs }): InboundWatcher {
  // The schedule starts at the end, once the work is defined; `stopped` reads it then.
  let schedule: Repeating<[]> | null = null;
  const stopped = () => schedule?.stopped() ?? false;

  /** One file: taken into .work/, imported, moved to processed/ or failed/ with its result. */
  async function take(folder: string | null, name: string) {
    const dropDir = folder === null ? options.dir : join(options.dir, folder);
    const work = join(dropDir, '.work');
    await mkdir(work, { recursive: true });
    const taken = join(work, `${randomUUID()}-${name}`);
    try {
      await rename(join(dropDir, name), taken);
    } catch {
      return; // another worker took it (or it went away)
    }
    let actor: Actor | null = null;
    let distributorId: number | null = null;
    let result: Record<string, unknown>;
    let ok = false;
    try {
      distributorId = await distributorOf(folder, taken);
      actor = await inboundActor(distributorId);
      const outcome = await submitFile(
        actor,
        options.jobs,
        { ...inboundSubmission(folder, name), body: createReadStream(taken), fileName: name },
        stopped,
      );
      const report = await outcomeReport(actor, outcome);
      ok = report.failure === null;
      result = { file: name, distributorId, ...report };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // Stopped while its job runs: the job goes on; the file stays in .work/ (docs/edi.md).
      if (err.code === 'STOPPED') return;
      result = { file: name, distributorId, failure: { code: err.code, message: err.message, ...err.details } };
    }
    const to = join(dropDir, ok ? 'processed' : 'failed');
    await mkdir(to, { recursive: true });
    const kept = `${stamp()}-${name}`;
    await rename(taken, join(to, kept));
    // Written whole, then renamed: whoever watches the folder never reads a result half written.
    const resultFile = join(to, `${kept}.result.json`);
    const partial = `${resultFile}.${randomUUID()}.tmp`;
    await writeFile(partial, `${JSON.stringify(result, null, 2)}\n`);
    await rename(partial, resultFile);
    const importId = result.importId as number | undefined;
    await recordAudit(actor, {
      action: importId !== undefined ? 'edi_inbound.received' : 'edi_inbound.refused',
      entityType: importId !== undefined ? 'pos_import' : 'edi_inbound',
      entityId: importId ?? name,
      distributorId,
      after: { file: name, folder: folder ?? '.', movedTo: `${ok ? 'processed' : 'failed'}/${kept}`, failure: result.failure ?? null },
    });
  }

  async function files(folder: string | null): Promise<string[]> {
    const dir = folder === null ? options.dir : join(options.dir, folder);
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.isFile() && !skipped(entry.name)) out.push(entry.name);
    }
    return out.sort();
  }

  async function scanOnce() {
    await mkdir(options.dir, { recursive: true });
    const folders: (string | null)[] = [null];
    for (const entry of await readdir(options.dir, { withFileTypes: true }))
      if (entry.isDirectory() && !RESERVED.has(entry.name) && !entry.name.startsWith('.')) {
        folders.push(entry.name);
        if (existsSync(join(options.dir, entry.name, CLAIMS))) folders.push(`${entry.name}/${CLAIMS}`);
      }
    for (const folder of folders)
      for (const name of await files(folder)) {
        if (stopped()) return;
        await take(folder, name).catch((err: unknown) => console.error(`inbound ${name}: ${(err as Error).message}`));
      }
  }

  schedule = repeat(`inbound folder ${options.dir}`, options.pollMs, scanOnce);
  return { scan: () => schedule.run(), stop: () => schedule.stop() };
}
