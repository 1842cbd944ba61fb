/**
 * The database phases of the benchmark (spawned by bench/run.ts, one process each so peak RSS
 * is the phase's own): `e2e` (CSV -> the product's import service -> the product's bulk claim
 * path: rules engine, claim lines with verdicts, consumption ledger) and `baseline` (the same POS
 * rows by a plain mysql2 multi-row INSERT).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, readFileSync, rmSync, statSync } from 'node:fs';
import { Queue } from 'bullmq';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import Papa from 'papaparse';
import { QueryTypes, type Sequelize } from 'sequelize';
import { splitPosKey } from '../core/claims/engine.js';
import { canonicalInvoiceLine, canonicalInvoiceNumber } from '../core/claims/pos-key.js';
import { rawMysql } from '../models/bulk.js';
import { openDatabase, parseMysqlUrl } from '../models/database.js';
import { rebuildClaimFigures } from '../models/claim-figures-sql.js';
import { moneyFromUnits, sumMoneySql } from '../models/money-sql.js';
import type { Actor } from '../server/auth/actor.js';
import { importClaimFile } from '../server/claims/claim-file.service.js';
import { claimImport } from '../server/claims/pos-claims.service.js';
import { createImportJob, importCsv } from '../server/imports/imports.service.js';
import { accrueClaim } from '../server/settlement/journal.service.js';
import { QUEUE_NAME, RedisJobQueue } from '../server/jobs/queue.js';
import { UploadStore } from '../server/jobs/uploads.js';
import type { AuthorizationLineFact } from '../core/claims/engine.js';
import { Money, moneyToString } from '../core/money.js';
import type { Facts } from './run.js';

/**
 * CPU seconds the database server has used so far, when it runs on this machine (MariaDB on
 * 127.0.0.1 or localhost, read from /proc); null otherwise. Beside the Node process's own, it
 * tells which side of a phase was busy.
 */
function serverCpuSeconds(): number | null {
  if (!/^(mysql|mariadb):\/\/[^/]*@?(127\.0\.0\.1|localhost)[:/]/.test(url)) return null;
  try {
    const pid = execFileSync('pidof', ['mariadbd'], { encoding: 'utf8' }).trim().split(/\s+/)[0];
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // utime and stime (fields 14 and 15 of the whole line) in clock ticks of 1/100 s
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Lets the database server write out the pages earlier phases (or the set-up) left dirty in its
 * buffer pool, so that a timed phase pays for its own writes and not for another's: the server's
 * dirty-page target goes to 0 until the dirty pages are (nearly) gone, at most two minutes, then
 * back to what it was. Returns the seconds waited; null when the server would not (no privilege,
 * or SQLite).
 */
async function quietServer(query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<number | null> {
  if (!/^(mysql|mariadb):/.test(url)) return null;
  const dirty = async () => Number((await query("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'"))[0]?.Value ?? 0);
  let target: number;
  try {
    target = Number((await query('SELECT @@GLOBAL.innodb_max_dirty_pages_pct AS pct'))[0]?.pct);
    if (!(target > 0)) return null; // a setting someone else is holding at 0: leave it alone
    await query('SET GLOBAL innodb_max_dirty_pages_pct = 0');
  } catch {
    return null;
  }
  const t0 = performance.now();
  try {
    while ((await dirty()) > 200 && performance.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 250));
  } finally {
    await query(`SET GLOBAL innodb_max_dirty_pages_pct = ${target}`);
  }
  return Math.round((performance.now() - t0) / 100) / 10;
}

/** What a timed part cost in CPU: this process's and the database server's, in seconds. */
function cpuMeter() {
  const node = process.cpuUsage();
  const server = serverCpuSeconds();
  return () => {
    const used = process.cpuUsage(node);
    const serverNow = serverCpuSeconds();
    return {
      nodeSeconds: Math.round((used.user + used.system) / 1e5) / 10,
      databaseSeconds: server === null || serverNow === null ? null : Math.round((serverNow - server) * 10) / 10,
    };
  };
}

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return process.argv[i + 1]!;
};
const phase = arg('phase');
const dir = arg('dir');
const url = arg('url');
const files = JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')) as { distributorId: number; path: string; lines: number }[];
const now = new Date();
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function insertMany(db: Sequelize, table: string, cols: string[], rows: unknown[][], chunk = 2000) {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    if (db.getDialect() === 'mysql') await rawMysql(db, `INSERT INTO ${table} (${cols.join(',')}) VALUES ?`, [part]);
    else {
      const small = Math.max(1, Math.floor(30000 / cols.length));
      for (let j = 0; j < part.length; j += small) {
        const p = part.slice(j, j + small);
        await db.query(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${p.map(() => `(${cols.map(() => '?').join(',')})`).join(',')}`, {
          replacements: p.flat().map((v) => (v instanceof Date ? v.toISOString().replace('T', ' ').replace('Z', ' +00:00') : v)),
        });
      }
    }
  }
}

/** The world the POS lines refer to: distributors, users, programs, products, authorizations (setup, not timed). */
async function seed(db: Sequelize, facts: Facts) {
  const customers = new Map<number, string>();
  for (const f of facts.authorizationLines)
    if (f.endCustomerId !== null) customers.set(f.endCustomerId, f.endCustomerName ?? `EC ${f.endCustomerId}`);
  await insertMany(
    db,
    'accounts',
    ['id', 'type', 'name', 'external_ref', 'country', 'currency', 'created_at', 'updated_at'],
    [
      ...facts.distributorIds.map((d) => [d, 'distributor', `Distributor ${d}`, null, 'US', 'USD', now, now]),
      ...[...customers].map(([id, name]) => [id, 'end_customer', name, null, 'US', null, now, now]),
    ],
  );
  await insertMany(
    db,
    'users',
    ['id', 'email', 'name', 'role', 'distributor_id', 'password_hash', 'active', 'created_at', 'updated_at'],
    facts.distributorIds.map((d, i) => [i + 1, `ops${d}@bench.example`, `Ops ${d}`, 'distributor_user', d, null, true, now, now]),
  );
  const programIds = [...new Set(facts.authorizationLines.map((f) => f.programId))];
  await insertMany(
    db,
    'programs',
    [
      'id',
      'code',
      'name',
      'type',
      'status',
      'start_date',
      'end_date',
      'product_ids',
      'distributor_ids',
      'end_customer_ids',
      'quantity_cap',
      'price_floor',
      'required_claim_fields',
      'created_by_user_id',
      'created_at',
      'updated_at',
    ],
    programIds.map((p) => [
      p,
      `P-${p}`,
      `Program ${p}`,
      'ship_and_debit',
      'active',
      '2025-01-01',
      '2028-12-31',
      '[]',
      '[]',
      '[]',
      null,
      null,
      '[]',
      1,
      now,
      now,
    ]),
  );
  await insertMany(
    db,
    'products',
    ['id', 'vendor_part_number', 'description', 'family', 'list_price', 'created_at', 'updated_at'],
    facts.products.map(([part, id]) => [id, part, part, null, null, now, now]),
  );
  const authIds = new Map<string, number>();
  const auths: unknown[][] = [];
  for (const f of facts.authorizationLines) {
    const key = `${f.authorizationNumber}:${f.authorizationVersion}`;
    if (!authIds.has(key)) {
      authIds.set(key, authIds.size + 1);
      auths.push([
        authIds.size,
        f.authorizationNumber,
        f.authorizationVersion,
        f.distributorId,
        f.programId,
        null,
        null,
        'active',
        f.validFrom,
        f.validTo,
        now,
        now,
      ]);
    }
  }
  await insertMany(
    db,
    'authorizations',
    [
      'id',
      'number',
      'version',
      'distributor_id',
      'program_id',
      'request_id',
      'end_customer_id',
      'status',
      'valid_from',
      'valid_to',
      'created_at',
      'updated_at',
    ],
    auths,
  );
  await insertMany(
    db,
    'authorization_lines',
    [
      'id',
      'authorization_id',
      'product_id',
      'end_customer_id',
      'authorized_cost',
      'approved_quantity',
      'consumed_quantity',
      'valid_from',
      'valid_to',
      'created_at',
      'updated_at',
    ],
    facts.authorizationLines.map((f) => [
      f.authorizationLineId,
      authIds.get(`${f.authorizationNumber}:${f.authorizationVersion}`),
      f.productId,
      f.endCustomerId,
      f.authorizedCost,
      f.approvedQuantity,
      f.consumedQuantity,
      f.validFrom,
      f.validTo,
      now,
      now,
    ]),
  );
}

/**
 * The ledger's history (setup): what earlier claims took, consistent as check:ledger requires. Per
 * distributor, one prior claim: a line and a consumption of 1 unit for each POS key the ledger
 * already holds (so the run meets them as ALREADY_CLAIMED), drawn on its authorization lines'
 * consumed quantities, and one line for what is left of each authorization line's consumed
 * quantity. Each paid 1.0000 a unit (book cost = authorized cost + 1). Returns the claims made and
 * the quantity the authorization lines count in the end.
 */
async function seedConsumed(db: Sequelize, facts: Facts) {
  const budget = new Map(facts.authorizationLines.map((f) => [f.authorizationLineId, f.consumedQuantity]));
  const raised = new Map<number, number>();
  const byDistributor = new Map<number, AuthorizationLineFact[]>();
  for (const f of facts.authorizationLines) byDistributor.set(f.distributorId, [...(byDistributor.get(f.distributorId) ?? []), f]);
  const keysOf = new Map(facts.consumed);
  let lineId = 0;
  let claims = 0;
  const priorClaims: number[] = [];
  for (const distributorId of facts.distributorIds) {
    const own = byDistributor.get(distributorId) ?? [];
    const keys = keysOf.get(distributorId) ?? [];
    const lines: unknown[][] = [];
    const consumptions: unknown[][] = [];
    const claimId = claims + 1;
    let total = 0;
    const take = (invoiceNumber: string, invoiceLine: string, f: AuthorizationLineFact, quantity: number) => {
      lineId++;
      const amount = `${quantity}.0000`;
      const book = moneyToString(new Money(f.authorizedCost).plus(1));
      // prettier-ignore
      lines.push([lineId, claimId, distributorId, lines.length + 1, f.authorizationNumber, f.authorizationLineId, invoiceNumber, invoiceLine,
        canonicalInvoiceNumber(invoiceNumber), canonicalInvoiceLine(invoiceLine), '2026-01-01', quantity, book, f.authorizedCost,
        amount, amount, quantity, amount, 'accepted', '[]', now, now]);
      // prettier-ignore
      consumptions.push([distributorId, invoiceNumber, invoiceLine, canonicalInvoiceNumber(invoiceNumber), canonicalInvoiceLine(invoiceLine),
        lineId, f.authorizationLineId, quantity, now, now]);
      total += quantity;
    };
    let next = 0;
    for (const key of keys) {
      const [invoiceNumber, invoiceLine] = splitPosKey(key);
      // An authorization line with consumed quantity left to explain, else one with room to count one more.
      let f: AuthorizationLineFact | undefined;
      for (let tries = 0; tries < own.length && !f; tries++, next = (next + 1) % own.length)
        if (budget.get(own[next]!.authorizationLineId)! > 0) f = own[next];
      if (f) budget.set(f.authorizationLineId, budget.get(f.authorizationLineId)! - 1);
      else {
        f = own.find((x) => x.consumedQuantity + (raised.get(x.authorizationLineId) ?? 0) < x.approvedQuantity);
        if (!f) continue; // nowhere to draw it from: the run will not meet it as already claimed
        raised.set(f.authorizationLineId, (raised.get(f.authorizationLineId) ?? 0) + 1);
      }
      take(invoiceNumber!, invoiceLine!, f, 1);
    }
    for (const f of own) {
      const left = budget.get(f.authorizationLineId)!;
      if (left > 0) take(`HIST-${f.authorizationLineId}`, '1', f, left);
    }
    if (!lines.length) continue;
    claims++;
    const sum = `${total}.0000`;
    // prettier-ignore
    await insertMany(db, 'claims', ['id', 'number', 'distributor_id', 'type', 'status', 'currency', 'claimed_total', 'computed_total', 'approved_total', 'created_by_user_id', 'submitted_at', 'created_at', 'updated_at'],
      [[claimId, `PRIOR-${distributorId}`, distributorId, 'explicit', 'submitted', 'USD', sum, sum, sum, 1, now, now, now]]);
    priorClaims.push(claimId);
    // prettier-ignore
    await insertMany(db, 'claim_lines', ['id', 'claim_id', 'distributor_id', 'line_number', 'authorization_number', 'authorization_line_id', 'invoice_number', 'invoice_line', 'invoice_key', 'line_key', 'invoice_date', 'quantity', 'book_cost', 'authorized_cost', 'claimed_amount', 'computed_amount', 'accepted_quantity', 'approved_amount', 'verdict', 'reason_codes', 'created_at', 'updated_at'], lines);
    // prettier-ignore
    await insertMany(db, 'pos_consumptions', ['distributor_id', 'invoice_number', 'invoice_line', 'invoice_key', 'line_key', 'claim_line_id', 'authorization_line_id', 'quantity', 'created_at', 'updated_at'], consumptions);
  }
  for (const [id, q] of raised)
    await db.query('UPDATE authorization_lines SET consumed_quantity = consumed_quantity + ? WHERE id = ?', { replacements: [q, id] });
  // The books of those claims as the product keeps them: each one's accrual in the journal (the
  // settlement's own step), then the report figures kept as claims move, made from the claims.
  for (const id of priorClaims) await db.transaction((t) => accrueClaim(id, null, t));
  await rebuildClaimFigures(db);
  const quantity = facts.authorizationLines.reduce((n, f) => n + f.consumedQuantity, 0) + [...raised.values()].reduce((n, q) => n + q, 0);
  return { claims, quantity };
}

async function seedParts(db: Sequelize, facts: Facts) {
  const mappings: unknown[][] = [];
  for (const [distributorId, parts] of facts.distributorParts)
    for (const [part, productId] of parts) mappings.push([distributorId, part, productId, now, now]);
  await insertMany(
    db,
    'product_part_mappings',
    ['distributor_id', 'distributor_part_number', 'product_id', 'created_at', 'updated_at'],
    mappings,
  );
}

/** The distributor's user the seed made for the i-th file (a bearer token's caller). */
const benchActor = (i: number, distributorId: number): Actor => ({
  userId: i + 1,
  email: `ops${distributorId}@bench.example`,
  name: 'bench',
  role: 'distributor_user',
  distributorId,
  via: 'token',
  scopes: ['read', 'write'],
  tokenId: null,
  tokenExpiresAt: null,
  sessionMethod: null,
});

/** One file per distributor: the whole pipeline for one of them. */
type Pipeline = (
  actor: Actor,
  path: string,
) => Promise<{
  imported: number;
  rejectedRows: number;
  duplicates: number;
  claims: number;
  lines: { accepted: number; partial: number; rejected: number };
  importMs: number;
}>;

/** (b) a claim file: CSV -> parse and map -> rules engine -> claim lines and ledger, one pass (POST /api/claims/file). */
const claimFilePipeline: Pipeline = async (actor, path) => {
  const r = await importClaimFile(actor, createReadStream(path), {
    fileName: path,
    totalBytes: statSync(path).size,
    debitMemoNumber: null,
    currency: 'USD',
  });
  return { imported: r.claim.lineCount, rejectedRows: r.rows.rejected, duplicates: 0, claims: 1, lines: r.lines, importMs: 0 };
};

/** (b') a POS report: CSV -> POS lines (POST /api/imports), then implicit claims from them (POST /api/imports/:id/claims). */
const posPipeline: Pipeline = async (actor, path) => {
  const t0 = performance.now();
  const job = await importCsv(actor, createReadStream(path), { fileName: path, totalBytes: statSync(path).size });
  const importMs = performance.now() - t0;
  const claimed = await claimImport(actor, job.id, 'implicit', 'period');
  return {
    imported: job.rowsAccepted,
    rejectedRows: job.rowsRejected,
    duplicates: job.rowsDuplicate,
    claims: claimed.claims.length,
    lines: claimed.lines,
    importMs,
  };
};

/**
 * The database with its world (phase `seed`, its own process, not timed). The generated facts are
 * read and seeded here, never in a timed phase's process: the timed process opens a database that
 * already holds its world, so its heap is the product path's alone (at 100,000 authorizations the
 * facts alone outgrow a 192 MB heap). Prints what the seed made, for the timed phase's read-back.
 */
async function seedPhase() {
  const facts = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as Facts;
  const database = await openDatabase(url, { poolMax: 4 });
  await database.migrate();
  const db = database.sequelize;
  await seed(db, facts);
  const history = await seedConsumed(db, facts);
  await seedParts(db, facts);
  // A vendor's authorizations accumulate over months, and the database's statistics follow them;
  // a world written in one minute is not yet counted, and MariaDB then plans as if the tables were
  // empty (it read every authorization once per thousand numbers of a claim file). The timed
  // phases start on statistics as a live database has them.
  if (db.getDialect() !== 'sqlite')
    for (const table of [
      'authorizations',
      'authorization_lines',
      'authorization_versions',
      'authorization_version_lines',
      'products',
      'product_part_mappings',
      'programs',
      'accounts',
      'pos_consumptions',
      'claims',
      'claim_lines',
    ])
      await db.query(`ANALYZE TABLE ${table}`);
  await db.close();
  console.log(JSON.stringify({ seededClaims: history.claims, seededQuantity: history.quantity }));
  process.exit(0);
}

/** The database the `seed` phase filled (--seeded-claims and --seeded-quantity are what it printed). */
async function setUp() {
  const database = await openDatabase(url, { poolMax: 4 });
  await database.migrate(); // a no-op: the seed phase ran them
  return {
    db: database.sequelize,
    /** claims the seed made (what earlier claims took, as the ledger holds it) */
    seededClaims: Number(arg('seeded-claims')),
    seededQuantity: Number(arg('seeded-quantity')),
  };
}

/** Not timed: what the database holds after a run, with its amounts to the cent. */
async function readBack(db: Sequelize, seededClaims: number, seededQuantity: number) {
  const one = async (sql: string) => ((await db.query(sql, { type: QueryTypes.SELECT })) as Record<string, unknown>[])[0]!;
  const sum = sumMoneySql(db, 'approved_amount');
  const check = await one(
    `SELECT COUNT(*) AS n, SUM(CASE WHEN verdict = 'accepted' THEN 1 ELSE 0 END) AS accepted, ${sum} AS approved FROM claim_lines WHERE claim_id > ${seededClaims}`,
  );
  const ledger = await one(
    `SELECT COUNT(*) AS n, SUM(c.quantity) AS q FROM pos_consumptions c JOIN claim_lines l ON l.id = c.claim_line_id WHERE l.claim_id > ${seededClaims}`,
  );
  const counted = await one(`SELECT SUM(consumed_quantity) AS q FROM authorization_lines`);
  const reasons: Record<string, number> = {};
  const codes = (await db.query(
    `SELECT reason_codes AS r, COUNT(*) AS n FROM claim_lines WHERE claim_id > ${seededClaims} AND verdict <> 'accepted' GROUP BY reason_codes`,
    {
      type: QueryTypes.SELECT,
    },
  )) as { r: string; n: number }[];
  for (const c of codes) for (const code of JSON.parse(c.r) as string[]) reasons[code] = (reasons[code] ?? 0) + Number(c.n);
  return {
    persisted: {
      claimLines: Number(check.n),
      accepted: Number(check.accepted),
      approvedTotal: moneyFromUnits(check.approved),
      consumptions: Number(ledger.n),
      consumedQuantityAdded: Number(counted.q) - seededQuantity,
    },
    reasons,
  };
}

async function e2e(pipeline: Pipeline) {
  const { db, seededClaims, seededQuantity } = await setUp();
  // The event loop stays alive as in a server (its listening socket): on SQLite a write that waits
  // for its turn in the writers' line waits on an unref'd timer (models/sqlite-writes.ts), and a
  // process with nothing else would exit (code 13) in the middle of the claim file.
  const keepAlive = setInterval(() => undefined, 1000);
  const quietSeconds = await quietServer(async (sql) =>
    sql.startsWith('SET') ? (await db.query(sql), []) : ((await db.query(sql, { type: QueryTypes.SELECT })) as Record<string, unknown>[]),
  );
  const totals = { imported: 0, rejectedRows: 0, duplicates: 0, claims: 0, claimLines: 0, accepted: 0, partial: 0, rejected: 0 };
  const phases = { importMs: 0, claimMs: 0 };
  const rssBeforeMB = Math.round(process.memoryUsage().rss / 1048576);
  const peakBeforeMB = peakRssMB();
  const cpu = cpuMeter();
  const start = performance.now();
  for (const [i, f] of files.entries()) {
    const actor = benchActor(i, f.distributorId);
    const t0 = performance.now();
    const r = await pipeline(actor, f.path);
    phases.importMs += r.importMs;
    phases.claimMs += performance.now() - t0 - r.importMs;
    totals.imported += r.imported;
    totals.rejectedRows += r.rejectedRows;
    totals.duplicates += r.duplicates;
    totals.claims += r.claims;
    totals.claimLines += r.lines.accepted + r.lines.partial + r.lines.rejected;
    totals.accepted += r.lines.accepted;
    totals.partial += r.lines.partial;
    totals.rejected += r.lines.rejected;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = cpu();
  const lines = files.reduce((n, f) => n + f.lines, 0);
  clearInterval(keepAlive);
  const { persisted, reasons } = await readBack(db, seededClaims, seededQuantity);
  console.log(
    JSON.stringify({
      lines,
      seconds: Math.round(seconds * 10) / 10,
      linesPerSecond: Math.round(lines / seconds),
      peakRssMB: peakRssMB(),
      cpuSeconds,
      quietSeconds,
      setupRssMB: { current: rssBeforeMB, peak: peakBeforeMB },
      persisted,
      ...totals,
      reasons,
      phasesMs: { import: Math.round(phases.importMs), claim: Math.round(phases.claimMs) },
      rejectedRowsNote: 'rows with a missing field are reported by the import and never reach the engine',
    }),
  );
  await db.close();
  process.exit(0);
}

const BASELINE_COLUMNS = [
  'distributor_id',
  'invoice_number',
  'invoice_line',
  'invoice_key',
  'line_key',
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
  'extra',
  'created_at',
  'updated_at',
];

/** A file's POS rows as the baseline writes them (parsed beforehand, not timed). */
function baselineRows(f: { distributorId: number; path: string }, stamp: unknown): unknown[][] {
  const parsed = Papa.parse<string[]>(readFileSync(f.path, 'utf8'), { skipEmptyLines: true }).data.slice(1);
  return parsed
    .filter((p) => p[0] && p[1] && p[2] && p[6] && Number(p[6]) > 0)
    .map((p) => [
      f.distributorId,
      p[0],
      p[1],
      canonicalInvoiceNumber(p[0]!),
      canonicalInvoiceLine(p[1]!),
      p[2],
      p[3] || null,
      p[4] || null,
      p[5] || null,
      Number(p[6]),
      p[7] || null,
      p[8] || null,
      p[9] || null,
      p[10] || null,
      p[11] || null,
      p[12] || null,
      p[13] ? JSON.stringify({ reseller_po: p[13] }) : null,
      stamp,
      stamp,
    ]);
}

/** What a database the baseline writes to offers: a table made like pos_lines, a quiet point, one file's rows written. */
interface BaselineTarget {
  rowsPerStatement: number;
  stamp: unknown;
  quiet(): Promise<number | null>;
  write(rows: unknown[][]): Promise<void>;
  end(): Promise<void>;
}

/** MariaDB: `CREATE TABLE ... LIKE pos_lines` (its indexes, no foreign keys), mysql2 multi-row INSERT, one connection. */
async function mysqlBaseline(): Promise<BaselineTarget> {
  const c = parseMysqlUrl(url);
  const conn = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, database: c.database });
  await conn.query('CREATE TABLE pos_lines_baseline LIKE pos_lines');
  return {
    rowsPerStatement: 2000,
    stamp: now,
    quiet: () => quietServer(async (sql) => (await conn.query(sql))[0] as Record<string, unknown>[]),
    async write(rows) {
      for (let i = 0; i < rows.length; i += 2000)
        await conn.query(`INSERT IGNORE INTO pos_lines_baseline (${BASELINE_COLUMNS.join(',')}) VALUES ?`, [rows.slice(i, i + 2000)]);
    },
    end: () => conn.end(),
  };
}

/**
 * SQLite: a copy of pos_lines made from its own CREATE statements (its columns and indexes, not its
 * triggers, as MariaDB's LIKE; SQLite enforces no foreign key on a plain connection), the sqlite3 driver, multi-row INSERT with
 * placeholders (500 rows a statement, under SQLite's 32,766 variables), one transaction per file.
 */
async function sqliteBaseline(): Promise<BaselineTarget> {
  const sqlite3 = (await import('sqlite3')).default;
  const file = url.slice('sqlite:'.length);
  const conn = await new Promise<InstanceType<typeof sqlite3.Database>>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
  });
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => conn.run(sql, params, (err: Error | null) => (err ? reject(err) : resolve())));
  const schema = await new Promise<{ type: string; sql: string }[]>((resolve, reject) =>
    conn.all(
      "SELECT type, sql FROM sqlite_master WHERE tbl_name = 'pos_lines' AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type = 'index'",
      (err: Error | null, rows: { type: string; sql: string }[]) => (err ? reject(err) : resolve(rows)),
    ),
  );
  for (const { type, sql } of schema) {
    let copy = sql.replace(/([`"'\s(]|^)pos_lines([`"'\s(]|$)/g, '$1pos_lines_baseline$2');
    if (type === 'index') copy = copy.replace(/^(CREATE (UNIQUE )?INDEX [`"]?)(\w+)/i, '$1$3_baseline');
    await run(copy);
  }
  const rowsPerStatement = 500;
  const statement = (n: number) =>
    `INSERT OR IGNORE INTO pos_lines_baseline (${BASELINE_COLUMNS.join(',')}) VALUES ${Array.from(
      { length: n },
      () => `(${BASELINE_COLUMNS.map(() => '?').join(',')})`,
    ).join(',')}`;
  const full = statement(rowsPerStatement);
  return {
    rowsPerStatement,
    // As Sequelize writes a date on SQLite.
    stamp: now.toISOString().replace('T', ' ').replace('Z', ' +00:00'),
    quiet: async () => null,
    async write(rows) {
      await run('BEGIN');
      for (let i = 0; i < rows.length; i += rowsPerStatement) {
        const part = rows.slice(i, i + rowsPerStatement);
        await run(part.length === rowsPerStatement ? full : statement(part.length), part.flat());
      }
      await run('COMMIT');
    },
    end: () => new Promise<void>((resolve, reject) => conn.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** The same POS rows, parsed beforehand (not timed), written by plain multi-row INSERTs on one connection. */
async function baseline() {
  const target = url.startsWith('sqlite:') ? await sqliteBaseline() : await mysqlBaseline();
  let quietSeconds: number | null = null;
  let ms = 0;
  let lines = 0;
  const cpu = { nodeSeconds: 0, databaseSeconds: null as number | null };
  for (const f of files) {
    const rows = baselineRows(f, target.stamp);
    if (lines === 0) quietSeconds = await target.quiet();
    const t = performance.now();
    const c = cpuMeter();
    await target.write(rows);
    ms += performance.now() - t;
    const used = c();
    cpu.nodeSeconds += used.nodeSeconds;
    if (used.databaseSeconds !== null) cpu.databaseSeconds = (cpu.databaseSeconds ?? 0) + used.databaseSeconds;
    lines += rows.length;
  }
  await target.end();
  const seconds = ms / 1000;
  console.log(
    JSON.stringify({
      lines,
      seconds: Math.round(seconds * 10) / 10,
      linesPerSecond: Math.round(lines / seconds),
      driver: url.startsWith('sqlite:') ? 'sqlite3' : 'mysql2',
      connections: 1,
      rowsPerStatement: target.rowsPerStatement,
      quietSeconds,
      cpuSeconds: {
        nodeSeconds: Math.round(cpu.nodeSeconds * 10) / 10,
        databaseSeconds: cpu.databaseSeconds === null ? null : Math.round(cpu.databaseSeconds * 10) / 10,
      },
    }),
  );
}

/** A process's peak RSS in MB, read from /proc while it lives (VmHWM); null where there is no /proc. */
function peakRssOf(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * Claim files as real jobs (phase `workers`, --workers N, --redis URL): the product's worker
 * processes (`server/worker.ts`, BullMQ on Redis, a queue prefix of this run's own, one job at a
 * time each, the heap a server gets) take the files the way POST /api/claims/file hands them over:
 * each upload stored by the product's upload store and its import row created by the router's
 * service call (`createImportJob`, not timed), then every job queued at once (timed from the first
 * job queued to the last job's row ended, seen by polling the rows every 100 ms).
 */
async function workersPhase() {
  const count = Number(arg('workers'));
  const redisUrl = arg('redis');
  const heapMb = arg('heap-mb');
  const prefix = `bec-bench-${process.pid}`;
  const { db, seededClaims, seededQuantity } = await setUp();
  const uploadDir = join(dir, `uploads-${process.pid}`);
  const uploads = new UploadStore(uploadDir);
  const ids: number[] = [];
  for (const [i, f] of files.entries()) {
    const actor = benchActor(i, f.distributorId);
    const stored = await uploads.store(createReadStream(f.path));
    ids.push(
      await createImportJob(actor, {
        format: 'csv',
        purpose: 'claim',
        meta: { fileName: f.path, totalBytes: stored.bytes, delimiter: undefined },
        uploadPath: stored.path,
        uploadSha256: stored.sha256,
        extra: { debitMemoNumber: null, currency: 'USD' },
      }),
    );
  }
  const workers = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/worker.ts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        NODE_OPTIONS: `--max-old-space-size=${heapMb}`,
        DATABASE_URL: url,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: prefix,
        UPLOAD_DIR: uploadDir,
        WORKER_CONCURRENCY: '1',
      },
    });
    const ready = new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('taking jobs')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`a worker exited (${code}) before taking jobs: ${out}`)));
    });
    return { child, ready, peakRssMB: null as number | null };
  });
  const queue = new RedisJobQueue({ url: redisUrl, prefix });
  try {
    await Promise.all(workers.map((w) => w.ready));
    const quietSeconds = await quietServer(async (sql) =>
      sql.startsWith('SET') ? (await db.query(sql), []) : ((await db.query(sql, { type: QueryTypes.SELECT })) as Record<string, unknown>[]),
    );
    const cpu = cpuMeter();
    const start = performance.now();
    for (const id of ids) await queue.add({ kind: 'claim-file', id });
    let statuses: { status: string; n: number }[] = [];
    for (;;) {
      statuses = (await db.query(`SELECT status, COUNT(*) AS n FROM pos_imports WHERE id IN (${ids.join(',')}) GROUP BY status`, {
        type: QueryTypes.SELECT,
      })) as { status: string; n: number }[];
      if (!statuses.some((r) => r.status === 'queued' || r.status === 'running')) break;
      for (const w of workers) w.peakRssMB = peakRssOf(w.child.pid!) ?? w.peakRssMB;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - start) / 1000;
    const cpuSeconds = cpu();
    for (const w of workers) w.peakRssMB = peakRssOf(w.child.pid!) ?? w.peakRssMB;
    const lines = files.reduce((n, f) => n + f.lines, 0);
    // More attempts than jobs: a run failed on an unexpected error (a deadlock...) and ran again from line 1.
    const [{ attempts }] = (await db.query(`SELECT SUM(attempts) AS attempts FROM pos_imports WHERE id IN (${ids.join(',')})`, {
      type: QueryTypes.SELECT,
    })) as { attempts: number }[];
    const { persisted, reasons } = await readBack(db, seededClaims, seededQuantity);
    console.log(
      JSON.stringify({
        workers: count,
        jobsAtOnceEach: 1,
        files: files.length,
        lines,
        seconds: Math.round(seconds * 10) / 10,
        linesPerSecond: Math.round(lines / seconds),
        workerPeakRssMB: workers.map((w) => w.peakRssMB),
        cpuSeconds: { benchSeconds: cpuSeconds.nodeSeconds, databaseSeconds: cpuSeconds.databaseSeconds },
        quietSeconds,
        jobs: Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)])),
        attempts: Number(attempts),
        persisted,
        reasons,
      }),
    );
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => (w.child.exitCode === null ? new Promise((r) => w.child.once('exit', r)) : null)));
    await queue.close();
    // The run's keys go with it (BullMQ keeps completed jobs' records under the prefix).
    const keys = new Queue(QUEUE_NAME, { connection: { url: redisUrl }, prefix });
    await keys.obliterate({ force: true }).catch(() => undefined);
    await keys.close();
    rmSync(uploadDir, { recursive: true, force: true });
    await db.close();
  }
  process.exit(0);
}

if (phase === 'e2e') await e2e(claimFilePipeline);
else if (phase === 'e2e-pos') await e2e(posPipeline);
else if (phase === 'baseline') await baseline();
else if (phase === 'seed') await seedPhase();
else if (phase === 'workers') await workersPhase();
