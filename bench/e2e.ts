/**
 * The database phases of the benchmark (spawned by bench/run.ts, one process each so peak RSS
 * is the phase's own): `e2e` (CSV -> import service -> rules engine -> persisted verdicts) and
 * `baseline` (the same POS rows by a plain mysql2 multi-row INSERT).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import Papa from 'papaparse';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createValidator, REC_AVAILABLE, REC_REMAINING, REC_STRIDE, type ClaimLineInput } from '../core/claims/engine.js';
import { RULE_NAMES } from '../core/claims/rules.js';
import { REASON_CODES } from '../core/domain.js';
import { openDatabase, parseMysqlUrl } from '../models/database.js';
import type { Actor } from '../server/auth/actor.js';
import { rawMysql } from '../server/imports/imports.repository.js';
import { importCsv } from '../server/imports/imports.service.js';
import type { Facts } from './run.js';

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
    ['id', 'type', 'name', 'external_ref', 'country', 'created_at', 'updated_at'],
    [
      ...facts.distributorIds.map((d) => [d, 'distributor', `Distributor ${d}`, null, 'US', now, now]),
      ...[...customers].map(([id, name]) => [id, 'end_customer', name, null, 'US', now, now]),
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

const tsvCell = (v: unknown) =>
  v === null || v === undefined
    ? '\\N'
    : v instanceof Date
      ? v.toISOString().slice(0, 23).replace('T', ' ')
      : typeof v === 'boolean'
        ? v
          ? '1'
          : '0'
        : String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\'));

/** LOAD DATA LOCAL INFILE from memory on its own mysql2 connection (about twice multi-row INSERT, per STACK.md). */
async function loadData(conn: mysql.Connection, table: string, cols: string[], rows: unknown[][]) {
  if (!rows.length) return;
  const text = rows.map((r) => r.map(tsvCell).join('\t')).join('\n') + '\n';
  await conn.query({
    sql: `LOAD DATA LOCAL INFILE 'verdicts.tsv' INTO TABLE ${table} CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${cols.join(',')})`,
    infileStreamFactory: () => Readable.from([Buffer.from(text)]),
  } as mysql.QueryOptions);
}

const CLAIM_LINE_COLUMNS = [
  'claim_id',
  'distributor_id',
  'line_number',
  'authorization_number',
  'authorization_line_id',
  'authorization_version',
  'product_id',
  'vendor_part_number',
  'distributor_part_number',
  'end_customer_name',
  'invoice_number',
  'invoice_line',
  'invoice_date',
  'ship_date',
  'quantity',
  'book_cost',
  'authorized_cost',
  'resale_price',
  'claimed_amount',
  'computed_amount',
  'accepted_quantity',
  'approved_amount',
  'verdict',
  'reason_codes',
  'rule',
  'created_at',
  'updated_at',
];
const VERDICTS = ['accepted', 'partial', 'rejected'];
const day = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
const money = (v: unknown) => (v === null || v === undefined ? null : String(v));

async function e2e() {
  const facts = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as Facts;
  const db = (await openDatabase(url, { poolMax: 4 })).sequelize;
  const database = { sequelize: db };
  await (await openDatabase(url, { poolMax: 1 })).migrate().catch(() => undefined);
  void database;
  await seed(db, facts);
  const validator = createValidator({
    authorizationLines: facts.authorizationLines,
    productsByVendorPart: new Map(facts.products),
    productsByDistributorPart: new Map(facts.distributorParts.map(([d, m]) => [d, new Map(m)])),
    consumedPosKeys: new Map(facts.consumed.map(([d, s]) => [d, new Set(s)])),
  });
  const rec = validator.index.records;
  const totals = { imported: 0, rejectedRows: 0, duplicates: 0, verdicts: 0, accepted: 0, partial: 0, rejected: 0 };
  const phases = { importMs: 0, validateMs: 0, persistMs: 0 };
  const reasons: Record<string, number> = {};
  // Verdicts go in by LOAD DATA LOCAL INFILE when the server allows it (BENCH_LOAD_DATA=0 to use multi-row INSERT).
  let loaders: [mysql.Connection, mysql.Connection] | null = null;
  if (db.getDialect() === 'mysql' && process.env.BENCH_LOAD_DATA !== '0') {
    const c = parseMysqlUrl(url);
    const open = () =>
      mysql.createConnection({
        host: c.host,
        port: c.port,
        user: c.user,
        password: c.password,
        database: c.database,
        timezone: 'Z',
        infileStreamFactory: () => Readable.from([Buffer.alloc(0)]),
      });
    loaders = [await open(), await open()];
    const [[flag]] = (await loaders[0].query('SELECT @@local_infile AS on_')) as unknown as [{ on_: number }[]];
    if (!flag?.on_) {
      await Promise.all(loaders.map((l) => l.end()));
      loaders = null;
    }
  }
  const rssBeforeMB = Math.round(process.memoryUsage().rss / 1048576);
  const peakBeforeMB = peakRssMB();
  const start = performance.now();
  for (const [i, f] of files.entries()) {
    const actor: Actor = {
      userId: i + 1,
      email: `ops${f.distributorId}@bench.example`,
      name: 'bench',
      role: 'distributor_user',
      distributorId: f.distributorId,
      via: 'token',
    };
    const t0 = performance.now();
    const job = await importCsv(actor, createReadStream(f.path), { fileName: f.path, totalBytes: statSync(f.path).size });
    phases.importMs += performance.now() - t0;
    totals.imported += job.rowsAccepted;
    totals.rejectedRows += job.rowsRejected;
    totals.duplicates += job.rowsDuplicate;
    // Read the import back in keyset pages, validate, persist verdicts; the next page is read while the last one is written.
    let lastId = 0;
    let lineNumber = 0;
    let pending: Promise<unknown> = Promise.resolve();
    for (;;) {
      const q = `SELECT id, invoice_number, invoice_line, invoice_date, ship_date, product_id, vendor_part_number, distributor_part_number, quantity, resale_price, book_cost, authorized_cost, claimed_amount, authorization_number, end_customer_name, customer_po, extra FROM pos_lines WHERE import_id = ? AND id > ? ORDER BY id LIMIT 5000`;
      const rows = (
        db.getDialect() === 'mysql'
          ? ((await rawMysql(db, q, [job.id, lastId])) as unknown as Record<string, unknown>[])
          : await db.query(q, { replacements: [job.id, lastId], type: QueryTypes.SELECT })
      ) as Record<string, unknown>[];
      if (!rows.length) break;
      lastId = rows[rows.length - 1]!.id as number;
      const t1 = performance.now();
      const lines: ClaimLineInput[] = rows.map((r, k) => ({
        lineNumber: lineNumber + k + 1,
        authorizationNumber: r.authorization_number as string | null,
        vendorPartNumber: r.vendor_part_number as string | null,
        distributorPartNumber: r.distributor_part_number as string | null,
        endCustomerName: r.end_customer_name as string | null,
        invoiceNumber: r.invoice_number as string,
        invoiceLine: r.invoice_line as string,
        invoiceDate: day(r.invoice_date)!,
        shipDate: day(r.ship_date),
        quantity: Number(r.quantity),
        bookCost: money(r.book_cost) ?? '',
        authorizedCost: money(r.authorized_cost),
        resalePrice: money(r.resale_price),
        claimedAmount: money(r.claimed_amount),
        // The import maps a reseller PO column to customer_po; programs ask for it as resellerPoNumber.
        extra: r.customer_po ? { resellerPoNumber: r.customer_po as string } : undefined,
      }));
      const v = validator.validate(f.distributorId, lines);
      // What the ledger commits: accepted quantity leaves the authorization line for the next page.
      const out: unknown[][] = new Array(v.count);
      for (let k = 0; k < v.count; k++) {
        const r = v.authorizationLine[k]!;
        const fact = r >= 0 ? validator.index.facts[r]! : null;
        if (r >= 0 && v.acceptedQuantity[k]! > 0 && v.verdict[k] !== 2) {
          rec[r * REC_STRIDE + REC_AVAILABLE] -= v.acceptedQuantity[k]!;
          rec[r * REC_STRIDE + REC_REMAINING] -= v.acceptedQuantity[k]!;
        }
        const l = lines[k]!;
        const verdict = v.verdict[k]!;
        totals[VERDICTS[verdict] as 'accepted']++;
        if (verdict !== 0) for (const code of v.reasonCodesOf(k)) reasons[code] = (reasons[code] ?? 0) + 1;
        out[k] = [
          0,
          f.distributorId,
          l.lineNumber,
          l.authorizationNumber,
          fact?.authorizationLineId ?? null,
          fact?.authorizationVersion ?? null,
          rows[k]!.product_id ?? null,
          l.vendorPartNumber,
          l.distributorPartNumber,
          l.endCustomerName,
          l.invoiceNumber,
          l.invoiceLine,
          l.invoiceDate,
          l.shipDate,
          l.quantity,
          l.bookCost || '0',
          l.authorizedCost,
          l.resalePrice,
          l.claimedAmount ?? v.computedAmountOf(k),
          v.computedAmountOf(k),
          v.acceptedQuantity[k],
          v.approvedAmountOf(k),
          VERDICTS[verdict],
          JSON.stringify(v.reasonCodesOf(k)),
          v.rule[k] ? RULE_NAMES[v.rule[k]! - 1] : null,
          now,
          now,
        ];
      }
      lineNumber += rows.length;
      totals.verdicts += rows.length;
      phases.validateMs += performance.now() - t1;
      await pending;
      const claim = await insertClaimRow(db, f.distributorId, i + 1, rows.length);
      for (const o of out) o[0] = claim;
      const t2 = performance.now();
      // Two connections write the page's halves at once (mysql2 multi-row INSERT).
      const half = Math.ceil(out.length / 2);
      pending = (
        loaders
          ? Promise.all([
              loadData(loaders[0], 'claim_lines', CLAIM_LINE_COLUMNS, out.slice(0, half)),
              loadData(loaders[1], 'claim_lines', CLAIM_LINE_COLUMNS, out.slice(half)),
            ])
          : Promise.all([
              insertMany(db, 'claim_lines', CLAIM_LINE_COLUMNS, out.slice(0, half), 2000),
              insertMany(db, 'claim_lines', CLAIM_LINE_COLUMNS, out.slice(half), 2000),
            ])
      ).then(() => (phases.persistMs += performance.now() - t2));
    }
    await pending;
  }
  const seconds = (performance.now() - start) / 1000;
  const lines = files.reduce((n, f) => n + f.lines, 0);
  // Not timed: every verdict is in the table, with its amounts to the cent.
  const [check] = (await db.query(
    `SELECT COUNT(*) AS n, SUM(CASE WHEN verdict = 'accepted' THEN 1 ELSE 0 END) AS accepted, ${db.getDialect() === 'mysql' ? 'SUM(approved_amount)' : 'SUM(CAST(ROUND(approved_amount * 10000) AS INTEGER)) / 10000.0'} AS approved FROM claim_lines`,
    { type: QueryTypes.SELECT },
  )) as { n: number | string; accepted: number | string; approved: string | number }[];
  console.log(
    JSON.stringify({
      lines,
      seconds: Math.round(seconds * 10) / 10,
      linesPerSecond: Math.round(lines / seconds),
      peakRssMB: peakRssMB(),
      setupRssMB: { current: rssBeforeMB, peak: peakBeforeMB },
      persisted: { claimLines: Number(check!.n), accepted: Number(check!.accepted), approvedTotal: String(check!.approved) },
      verdictWriter: loaders ? 'LOAD DATA LOCAL INFILE, 2 connections' : 'multi-row INSERT, 2 connections',
      ...totals,
      reasons,
      phasesMs: {
        import: Math.round(phases.importMs),
        validate: Math.round(phases.validateMs),
        persistVerdictsOverlapped: Math.round(phases.persistMs),
      },
      rejectedRowsNote: 'rows with a missing field are reported by the import and never reach the engine',
    }),
  );
  if (loaders) await Promise.all(loaders.map((l) => l.end()));
  await db.close();
  process.exit(0);
}

let claimSeq = 0;
async function insertClaimRow(db: Sequelize, distributorId: number, userId: number, lines: number) {
  claimSeq++;
  const cols = [
    'number',
    'distributor_id',
    'program_id',
    'program_type',
    'type',
    'status',
    'debit_memo_number',
    'currency',
    'claimed_total',
    'computed_total',
    'approved_total',
    'submitted_at',
    'authorized_at',
    'paid_at',
    'created_by_user_id',
    'authorized_by_user_id',
    'created_at',
    'updated_at',
  ];
  const row = [
    `BENCH-${process.pid}-${claimSeq}`,
    distributorId,
    null,
    null,
    'implicit',
    'submitted',
    null,
    'USD',
    '0',
    '0',
    '0',
    now,
    null,
    null,
    userId,
    null,
    now,
    now,
  ];
  if (db.getDialect() === 'mysql') {
    const r = (await rawMysql(db, `INSERT INTO claims (${cols.join(',')}) VALUES ?`, [[row]])) as unknown as { insertId: number };
    return r.insertId;
  }
  await insertMany(db, 'claims', cols, [row]);
  const [x] = (await db.query('SELECT MAX(id) AS id FROM claims', { type: QueryTypes.SELECT })) as { id: number }[];
  void lines;
  return x!.id;
}

/** The same POS rows, parsed beforehand (not timed), written by plain multi-row INSERTs on one connection. */
async function baseline() {
  const c = parseMysqlUrl(url);
  const conn = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, database: c.database });
  await conn.query('CREATE TABLE pos_lines_baseline LIKE pos_lines');
  let ms = 0;
  let lines = 0;
  const cols = [
    'distributor_id',
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
    'extra',
    'created_at',
    'updated_at',
  ];
  for (const f of files) {
    const parsed = Papa.parse<string[]>(readFileSync(f.path, 'utf8'), { skipEmptyLines: true }).data.slice(1);
    const rows = parsed
      .filter((p) => p[0] && p[1] && p[2] && p[6] && Number(p[6]) > 0)
      .map((p) => [
        f.distributorId,
        p[0],
        p[1],
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
        now,
        now,
      ]);
    const t = performance.now();
    for (let i = 0; i < rows.length; i += 2000)
      await conn.query(`INSERT IGNORE INTO pos_lines_baseline (${cols.join(',')}) VALUES ?`, [rows.slice(i, i + 2000)]);
    ms += performance.now() - t;
    lines += rows.length;
  }
  await conn.end();
  const seconds = ms / 1000;
  console.log(
    JSON.stringify({
      lines,
      seconds: Math.round(seconds * 10) / 10,
      linesPerSecond: Math.round(lines / seconds),
      connections: 1,
      rowsPerStatement: 2000,
    }),
  );
}

if (phase === 'e2e') await e2e();
else if (phase === 'baseline') await baseline();
void REASON_CODES;
