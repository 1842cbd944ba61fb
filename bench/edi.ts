/**
 * The X12 reader's benchmark (issue 17): generates an 867 of N POS lines to a temporary file
 * (core/edi/sample.ts: invoices of 1-4 lines, one in ten a return, three prices, the authorization
 * REF, totals right), then reads it back from the file as bytes → text chunks → segments →
 * envelopes → POS lines (the same PosParser a CSV goes through), and prints lines/s, seconds and
 * peak RSS as JSON (the last line), with the machine.
 *   npx tsx bench/edi.ts [--lines 1000000] [--keep]
 * With --end-to-end, the same file then goes through the product's POS import as an upload's job
 * does (an import row of format x12, runCsvImport: the partner's settings, the one pipeline, POS
 * lines stored, the 997 kept) into a fresh database with the demo world (--database URL; default a
 * temporary SQLite file), and the JSON gains `endToEnd` (seconds, lines/s, POS lines stored, peak RSS).
 *   npx tsx bench/edi.ts --lines 1000000 --end-to-end [--database mysql://root@127.0.0.1:3306/bec_edi_bench]
 */
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { X12FileReader, partnerSettings, sample867 } from '../core/edi/index.js';
import { openDatabase } from '../models/database.js';
import { User } from '../models/accounts.js';
import type { Actor } from '../server/auth/actor.js';
import { savePartner } from '../server/edi/edi.service.js';
import { createImportJob, runCsvImport } from '../server/imports/imports.service.js';
import { seedDemo } from '../server/seed/demo.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const lines = Number(arg('lines', '1000000'));
const keep = process.argv.includes('--keep');
const partner = partnerSettings({ isaQualifier: 'ZZ', isaId: 'DIST01', ourIsaQualifier: 'ZZ', ourIsaId: 'VENDOR' });
const file = join(tmpdir(), `bec-bench-867-${process.pid}.edi`);

async function generate(): Promise<number> {
  const t0 = performance.now();
  const out = createWriteStream(file);
  for (const chunk of sample867({ lines, partner })) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return (performance.now() - t0) / 1000;
}

async function read(): Promise<{ seconds: number; lines: number; errors: number; segments: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  const t0 = performance.now();
  const reader = new X12FileReader(partner);
  let read = 0;
  let errors = 0;
  const take = (events: ReturnType<X12FileReader['push']>) => {
    for (const e of events) {
      if (e.type === 'line') read++;
      else if (e.type === 'error') errors++;
    }
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 })) take(reader.push(chunk as string));
  take(reader.end());
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { seconds, lines: read, errors, segments: reader.stats.segments, peakRss };
}

/**
 * The file through the product's POS import (what an upload's job runs) for the demo's Arrowhead,
 * whose partner settings name the file's interchange ids.
 */
async function endToEnd(): Promise<Record<string, unknown>> {
  const url = arg('database', `sqlite:${join(tmpdir(), `bec-bench-edi-${process.pid}.sqlite`)}`);
  const db = await openDatabase(url);
  try {
    await db.migrate();
    await seedDemo();
    const user = await User.findOne({ where: { email: 'ops@arrowhead.example' } });
    if (!user || user.distributorId === null) throw new Error('the demo world has no Arrowhead user');
    const actor: Actor = {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: 'distributor_user',
      distributorId: user.distributorId,
      via: 'token',
      scopes: ['read', 'write'],
      tokenId: null,
      tokenExpiresAt: null,
      sessionMethod: null,
    };
    await savePartner(actor, user.distributorId, partner);
    const size = statSync(file).size;
    const importId = await createImportJob(actor, {
      format: 'x12',
      purpose: 'pos',
      meta: { fileName: 'bench.867', totalBytes: size },
      uploadPath: file,
    });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
    const t0 = performance.now();
    const view = await runCsvImport(actor, importId, createReadStream(file));
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const [row] = await db.sequelize.query('SELECT COUNT(*) AS n FROM pos_lines WHERE import_id = ?', {
      replacements: [importId],
      type: QueryTypes.SELECT,
    });
    const stored = Number((row as { n: number | string }).n);
    return {
      database: db.dialect,
      seconds: Math.round(seconds * 100) / 100,
      linesPerSecond: Math.round(stored / seconds),
      posLinesStored: stored,
      status: view.status,
      rowsRejected: view.rowsRejected,
      peakRssMb: Math.round((peakRss / 2 ** 20) * 10) / 10,
    };
  } finally {
    if (!arg('database', '')) rmSync(url.slice('sqlite:'.length), { force: true });
    await db.close();
  }
}

const generateSeconds = await generate();
const bytes = statSync(file).size;
const r = await read();
const e2e = process.argv.includes('--end-to-end') ? await endToEnd() : null;
if (!keep) rmSync(file);
if (r.lines !== lines || r.errors !== 0) throw new Error(`read ${r.lines} lines and ${r.errors} errors of ${lines} lines`);
const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
console.log(
  JSON.stringify({
    bench: 'edi-867',
    lines: r.lines,
    segments: r.segments,
    fileMb: mb(bytes),
    seconds: Math.round(r.seconds * 100) / 100,
    linesPerSecond: Math.round(r.lines / r.seconds),
    mbPerSecond: Math.round((bytes / 2 ** 20 / r.seconds) * 10) / 10,
    peakRssMb: mb(r.peakRss),
    generateSeconds: Math.round(generateSeconds * 100) / 100,
    ...(e2e ? { endToEnd: e2e } : {}),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
  }),
);
