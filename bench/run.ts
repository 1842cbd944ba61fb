/**
 * npm run bench -- --lines N  (default 1,000,000; --authorizations 10000 --distributors 5; --no-grid skips the browser grid)
 *
 * Three measurements, each phase in its own process so peak RSS is its own:
 *  (a) engine: the rules engine alone, in memory (createValidator over the generated lines);
 *  (b) e2e: CSV files -> the server's import service (streamed parse, mapping, INSERT IGNORE into
 *      pos_lines) -> read back -> rules engine -> verdicts persisted as claim_lines (multi-row
 *      INSERT), on a temporary database (MariaDB at BENCH_DATABASE_URL or 127.0.0.1:3306, else SQLite);
 *  (c) baseline: the same POS rows written by a plain mysql2 multi-row INSERT, nothing else.
 * The last line printed is one JSON object with the figures.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createValidator, type AuthorizationLineFact, type ClaimLineInput } from '../core/claims/engine.js';
import { generateEngineDataset } from '../core/claims/dataset.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const phase = arg('phase', 'main');
const LINES = Number(arg('lines', '1000000'));
const AUTHS = Number(arg('authorizations', '10000'));
const DISTRIBUTORS = Number(arg('distributors', '5'));
const SEED = 20261123;

export interface Facts {
  authorizationLines: AuthorizationLineFact[];
  products: [string, number][];
  distributorParts: [number, [string, number][]][];
  consumed: [number, string[]][];
  distributorIds: number[];
}

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const HEADER = [
  'invoice_number',
  'invoice_line',
  'invoice_date',
  'ship_date',
  'vendor_part_number',
  'distributor_part_number',
  'quantity',
  'resale_price',
  'book_cost',
  'authorized_cost',
  'claimed_amount',
  'authorization_number',
  'end_customer_name',
  'reseller_po',
];
const toCsv = (l: ClaimLineInput) =>
  [
    l.invoiceNumber,
    l.invoiceLine,
    l.invoiceDate,
    l.shipDate,
    l.vendorPartNumber,
    l.distributorPartNumber,
    l.quantity,
    l.resalePrice,
    l.bookCost,
    l.authorizedCost,
    l.claimedAmount,
    l.authorizationNumber,
    l.endCustomerName,
    l.extra?.resellerPoNumber,
  ]
    .map(csvCell)
    .join(',');

/** (a) and the files for (b)/(c): generates the data set, times the engine, writes one CSV per distributor. */
async function generate(dir: string) {
  const t0 = performance.now();
  const ds = generateEngineDataset(LINES, AUTHS, DISTRIBUTORS, SEED);
  const generateMs = performance.now() - t0;
  // Engine alone: best of 3 passes over every distributor's lines (a fresh validator each pass).
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const validator = createValidator(ds.data);
    const s = performance.now();
    let accepted = 0;
    for (const b of ds.batches) {
      const v = validator.validate(b.distributorId, b.lines);
      for (let i = 0; i < v.count; i++) if (v.verdict[i] === 0) accepted++;
    }
    runs.push(performance.now() - s);
    if (r === 0) {
      const reasons: Record<string, number> = {};
      const v2 = createValidator(ds.data);
      for (const b of ds.batches) {
        const v = v2.validate(b.distributorId, b.lines);
        for (let i = 0; i < v.count; i++) if (v.verdict[i] !== 0) for (const c of v.reasonCodesOf(i)) reasons[c] = (reasons[c] ?? 0) + 1;
      }
      process.stderr.write(`engine: ${accepted} accepted of ${ds.lineCount}; reasons ${JSON.stringify(reasons)}\n`);
    }
  }
  const engineMs = Math.min(...runs);
  let bytes = 0;
  const files: { distributorId: number; path: string; lines: number }[] = [];
  for (const b of ds.batches) {
    const path = join(dir, `pos-${b.distributorId}.csv`);
    const out = createWriteStream(path);
    out.write(HEADER.join(',') + '\r\n');
    for (let i = 0; i < b.lines.length; i += 5000) {
      const chunk =
        b.lines
          .slice(i, i + 5000)
          .map(toCsv)
          .join('\r\n') + '\r\n';
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
    bytes += statSync(path).size;
    files.push({ distributorId: b.distributorId, path, lines: b.lines.length });
  }
  const facts: Facts = {
    authorizationLines: ds.data.authorizationLines,
    products: [...ds.data.productsByVendorPart],
    distributorParts: [...(ds.data.productsByDistributorPart ?? new Map())].map(([d, m]) => [d, [...m]]),
    consumed: [...(ds.data.consumedPosKeys ?? new Map())].map(([d, s]) => [d, [...s]]),
    distributorIds: ds.distributorIds,
  };
  writeFileSync(join(dir, 'facts.json'), JSON.stringify(facts));
  return {
    generateMs,
    engine: { lines: ds.lineCount, ms: Math.round(engineMs), linesPerSecond: Math.round(ds.lineCount / (engineMs / 1000)) },
    files,
    csvBytes: bytes,
    authorizationLines: ds.authorizationLineCount,
    authorizations: ds.authorizationCount,
  };
}

function child(phaseName: string, dir: string, url: string) {
  const r = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['bench/e2e.ts', '--phase', phaseName, '--dir', dir, '--url', url], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
    // A server sets a heap limit; without one V8 on a large machine lets garbage pile up before collecting.
    env:
      phaseName === 'e2e'
        ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${arg('heap-mb', '192')}`.trim() }
        : process.env,
  });
  if (r.status !== 0) throw new Error(`${phaseName} failed (${r.status}): ${r.stdout}`);
  const last = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(last) as Record<string, unknown>;
}

async function databaseUrl(): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  try {
    const mysql = (await import('mysql2/promise')).default;
    const c = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', connectTimeout: 2000 });
    await c.end();
    return `mysql://root@127.0.0.1:3306/bec_bench_${process.pid}`;
  } catch {
    return `sqlite:${join(os.tmpdir(), `bec-bench-${process.pid}.sqlite`)}`;
  }
}

let benchUrl: string | null = null;
async function dropDatabase() {
  if (!benchUrl || process.env.BENCH_DATABASE_URL) return; // a database named by the caller is the caller's
  if (benchUrl.startsWith('sqlite:')) {
    rmSync(benchUrl.slice('sqlite:'.length), { force: true });
    return;
  }
  const mysql = (await import('mysql2/promise')).default;
  const u = new URL(benchUrl);
  const c = await mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
  });
  await c.query(`DROP DATABASE IF EXISTS \`${u.pathname.slice(1)}\``);
  await c.end();
}

async function main() {
  const dir = mkdtempSync(join(os.tmpdir(), 'bec-bench-'));
  try {
    process.stderr.write(`generating ${LINES} lines over ${AUTHS} authorizations, ${DISTRIBUTORS} distributors...\n`);
    const gen = await generate(dir);
    writeFileSync(join(dir, 'files.json'), JSON.stringify(gen.files));
    process.stderr.write(`engine alone: ${gen.engine.linesPerSecond} lines/s; CSV ${(gen.csvBytes / 1e6).toFixed(1)} MB\n`);
    const url = await databaseUrl();
    benchUrl = url;
    process.stderr.write(`database: ${url.replace(/\/\/[^@]*@/, '//')}\n`);
    const e2e = child('e2e', dir, url);
    process.stderr.write(`end to end: ${JSON.stringify(e2e)}\n`);
    const baseline = url.startsWith('mysql') || url.startsWith('mariadb') ? child('baseline', dir, url) : null;
    const e2eSeconds = e2e.seconds as number;
    const grid = process.argv.includes('--no-grid') ? null : gridBench();
    if (grid) process.stderr.write(`claim grid in Chromium: ${JSON.stringify(grid)}\n`);
    const result = {
      bench: 'bec claims engine',
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cores: os.cpus().length,
        ramGB: Math.round(os.totalmem() / 1e8) / 10,
        node: process.version,
        os: `${os.type()} ${os.release()}`,
      },
      database: url.startsWith('sqlite') ? 'sqlite' : 'mariadb',
      data: {
        lines: LINES,
        authorizations: gen.authorizations,
        authorizationLines: gen.authorizationLines,
        distributors: DISTRIBUTORS,
        csvBytes: gen.csvBytes,
      },
      engine: gen.engine,
      endToEnd: e2e,
      baseline,
      grid,
      ratioEndToEndToBaseline: baseline ? Math.round((e2eSeconds / (baseline.seconds as number)) * 100) / 100 : null,
      targets: {
        engineLinesPerSecond: { target: 1_000_000, met: gen.engine.linesPerSecond >= 1_000_000 },
        endToEndSecondsPer1M: {
          target: 60,
          value: Math.round(((e2eSeconds * 1_000_000) / LINES) * 10) / 10,
          met: (e2eSeconds * 1_000_000) / LINES <= 60,
        },
        ratioToBaseline: { target: 2, met: baseline ? e2eSeconds / (baseline.seconds as number) <= 2 : null },
        peakRssMB: { target: 400, value: e2e.peakRssMB, met: (e2e.peakRssMB as number) <= 400 },
      },
    };
    console.log(JSON.stringify(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase();
  }
}

/** The claim grid with 100,000 lines in Chromium (test/e2e/grid.bench.ts): first render and a full scroll. */
function gridBench(): Record<string, unknown> | null {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/e2e/grid.bench.ts'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as Record<string, unknown>;
  } catch {
    process.stderr.write(`grid benchmark failed (status ${run.status}): ${run.stderr.slice(-500)}\n`);
    return null;
  }
}

if (phase === 'main') await main();
export { readFileSync };
