/**
 * Bulk writes for the paths that move hundreds of thousands of rows (POS imports, claims built
 * from them). The ORM builds an object per row and is not for these (STACK.md: ~11k rows/s);
 * here rows are arrays of cells, written by `LOAD DATA LOCAL INFILE` from memory on MariaDB
 * (about twice a multi-row INSERT) and by multi-row INSERT on SQLite. Both run on the
 * connection of the caller's transaction when one is given.
 */
import { Readable } from 'node:stream';
import type { Sequelize, Transaction } from 'sequelize';
import { inWriteTurn } from './sqlite-writes.js';
import { isCanonicalMoney, MONEY_COLUMNS, moneyToDb } from './money-sql.js';

export type Cell = string | number | boolean | Date | null | undefined;

interface RawConnection {
  query(
    options: { sql: string; values?: unknown[]; infileStreamFactory?: () => Readable },
    cb: (err: Error | null, result: unknown) => void,
  ): void;
}

interface Pool {
  getConnection(o: object): Promise<RawConnection>;
  releaseConnection(c: RawConnection): Promise<void>;
}

const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\\': '\\\\' };

/** A cell as LOAD DATA reads it: \N for NULL, tabs, newlines and backslashes escaped, instants in UTC. */
function tsvCell(v: Cell): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return v.toISOString().slice(0, 23).replace('T', ' ');
  return /[\t\n\r\\]/.test(v) ? v.replace(/[\t\n\r\\]/g, (c) => ESCAPES[c]!) : v;
}

interface SqliteConnection {
  all(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown[]) => void): void;
}

/** All rows of a statement on SQLite's connection (Sequelize runs INSERT ... RETURNING without reading its rows). */
async function sqliteAll(db: Sequelize, transaction: Transaction | null | undefined, sql: string, params: unknown[]): Promise<unknown[]> {
  const conn =
    (transaction as unknown as { connection?: SqliteConnection } | null | undefined)?.connection ??
    ((await (db.connectionManager as unknown as { getConnection(o: object): Promise<SqliteConnection> }).getConnection(
      {},
    )) as SqliteConnection);
  return new Promise((resolve, reject) => conn.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))));
}

/** A date-time as Sequelize stores it on SQLite. */
const sqliteInstant = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', ' +00:00');

/** An instant as a statement's parameter, as each dialect stores it (UTC, milliseconds kept: a Date replacement loses them on MariaDB). */
export const instantText = (db: Sequelize, d: Date) =>
  db.getDialect() === 'sqlite' ? sqliteInstant(d) : d.toISOString().replace('T', ' ').slice(0, 23);

/** mysql2 sends each chunk of a LOCAL INFILE stream as one packet: keep them under max_allowed_packet. */
function* packets(data: Buffer, size = 1 << 20) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** The driver's own reading of every column (dates as text), instead of Sequelize's type parsers looked up field by field. */
const driverTypes = (_field: unknown, next: () => unknown) => next();

function run(
  conn: RawConnection,
  sql: string,
  values: unknown[] = [],
  infile?: Buffer,
  plain = false,
): Promise<{ affectedRows: number } & Record<string, unknown>> {
  return new Promise((resolve, reject) =>
    conn.query(
      {
        sql,
        values,
        ...(infile ? { infileStreamFactory: () => Readable.from(packets(infile)) } : {}),
        ...(plain ? { typeCast: driverTypes, dateStrings: true } : {}),
      },
      (err, result) => (err ? reject(err) : resolve(result as { affectedRows: number })),
    ),
  );
}

/** Runs `work` on a raw mysql2 connection: the transaction's, or one borrowed from the pool. */
async function withConnection<T>(
  db: Sequelize,
  transaction: Transaction | null | undefined,
  work: (c: RawConnection) => Promise<T>,
): Promise<T> {
  const own = (transaction as unknown as { connection?: RawConnection } | null | undefined)?.connection;
  if (own) return work(own);
  const pool = db.connectionManager as unknown as Pool;
  const conn = await pool.getConnection({ type: 'write' });
  try {
    return await work(conn);
  } finally {
    await pool.releaseConnection(conn);
  }
}

/**
 * Runs `work` holding MariaDB's named lock `name` (GET_LOCK on a connection borrowed for the
 * purpose, released when `work` ends, or by the server when that connection closes with its
 * process); waits up to `waitSeconds` for another holder. On SQLite (one process) it just runs.
 */
export async function withNamedLock<T>(db: Sequelize, name: string, waitSeconds: number, work: () => Promise<T>): Promise<T> {
  if (db.getDialect() !== 'mysql') return work();
  return withConnection(db, null, async (conn) => {
    // The server's named locks span its databases: the name is the database's own.
    const [got] = (await run(conn, "SELECT GET_LOCK(CONCAT(DATABASE(), '/', ?), ?) AS got", [name, waitSeconds])) as unknown as {
      got: number | null;
    }[];
    if (Number(got?.got) !== 1) throw new Error(`lock wait timeout: ${name} is held by another run`);
    try {
      return await work();
    } finally {
      await run(conn, "SELECT RELEASE_LOCK(CONCAT(DATABASE(), '/', ?))", [name]);
    }
  });
}

/** Runs a statement on a raw mysql2 connection: the transaction's, or one borrowed from the pool. */
export function rawMysql(
  db: Sequelize,
  sql: string,
  values: unknown[] = [],
  options: {
    transaction?: Transaction | null;
    infile?: Buffer;
    trustedReferences?: boolean;
    /** rows read in bulk: every column as the driver reads it, DATE and DATETIME as text (no Date objects) */
    plain?: boolean;
  } = {},
): Promise<{ affectedRows: number } & Record<string, unknown>> {
  return withConnection(db, options.transaction, async (conn) => {
    if (!options.trustedReferences) return run(conn, sql, values, options.infile, options.plain);
    // Foreign-key checks cost two thirds of a bulk load's time on MariaDB (a lookup and a shared
    // lock on each parent row, row by row). A caller that built every reference from rows it read
    // in the same run says so; unique keys, CHECK constraints and triggers still apply.
    await run(conn, 'SET SESSION foreign_key_checks = 0');
    try {
      return await run(conn, sql, values, options.infile);
    } finally {
      await run(conn, 'SET SESSION foreign_key_checks = 1');
    }
  });
}

const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
/** ESCAPES as bytes: what follows the backslash of an escaped character, by character code. */
const ESCAPED = new Uint8Array(128);
for (const [c, escaped] of Object.entries(ESCAPES)) ESCAPED[c.charCodeAt(0)] = escaped.charCodeAt(1);

/**
 * Rows on their way to `writeRows`, taken one at a time: on MariaDB each row is written at once as
 * its line of LOAD DATA bytes (no array or string per row is kept, so the caller may reuse one
 * array for every row); on SQLite a copy of the row is kept for the INSERT.
 */
export class RowBatch {
  private readonly arrays: Cell[][] = [];
  private readonly tsv: boolean;
  private bytes: Buffer;
  private at = 0;
  private rowCount = 0;
  private lastDate: Date | null = null;
  private lastDateText = '';

  constructor(db: Sequelize, expectedBytes = 1 << 18) {
    this.tsv = db.getDialect() === 'mysql';
    this.bytes = Buffer.allocUnsafe(this.tsv ? expectedBytes : 0);
  }

  get length() {
    return this.tsv ? this.rowCount : this.arrays.length;
  }

  add(cells: readonly Cell[]) {
    if (!this.tsv) {
      this.arrays.push(cells.slice());
      return;
    }
    for (let i = 0; i < cells.length; i++) {
      if (i) this.byte(TAB);
      this.cell(cells[i]);
    }
    this.byte(NEWLINE);
    this.rowCount++;
  }

  /** The LOAD DATA bytes (MariaDB), once. */
  take(): Buffer {
    const data = this.bytes.subarray(0, this.at);
    this.bytes = Buffer.alloc(0);
    this.at = 0;
    return data;
  }

  rows(): readonly Cell[][] {
    return this.arrays;
  }

  private room(n: number) {
    if (this.at + n <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.at + n));
    this.bytes.copy(grown, 0, 0, this.at);
    this.bytes = grown;
  }

  private byte(b: number) {
    this.room(1);
    this.bytes[this.at++] = b;
  }

  private cell(v: Cell) {
    if (v === null || v === undefined) {
      this.room(2);
      this.bytes[this.at++] = BACKSLASH;
      this.bytes[this.at++] = 78; // N
    } else if (typeof v === 'number') {
      if (Number.isSafeInteger(v) && v >= 0) this.digits(v);
      else this.text(String(v));
    } else if (typeof v === 'boolean') this.byte(v ? 49 : 48);
    else if (v instanceof Date) {
      // Rows of one load usually share one instant.
      if (v !== this.lastDate) {
        this.lastDate = v;
        this.lastDateText = tsvCell(v);
      }
      this.text(this.lastDateText);
    } else this.text(v);
  }

  private digits(n: number) {
    if (n < 10) return this.byte(48 + n);
    let width = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) width++;
    this.room(width);
    let end = this.at + width;
    this.at = end;
    for (let m = n; ;) {
      this.bytes[--end] = 48 + (m % 10);
      m = Math.floor(m / 10);
      if (m === 0) break;
    }
  }

  /** A string, escaped; ASCII byte by byte, anything else through the UTF-8 encoder. */
  private text(s: string) {
    const n = s.length;
    this.room(2 * n);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        const escaped = tsvCell(s);
        this.room(3 * escaped.length);
        this.at += this.bytes.write(escaped, this.at, 'utf8');
        return;
      }
      const e = ESCAPED[c]!;
      if (e) {
        bytes[at++] = BACKSLASH;
        bytes[at++] = e;
      } else bytes[at++] = c;
    }
    this.at = at;
  }
}

/** A constant as LOAD DATA's SET clause binds it (instants as their TSV text, in UTC). */
const setValue = (v: Cell) => (v instanceof Date ? tsvCell(v) : v === undefined ? null : v);

/**
 * Writes rows (arrays of cells in `columns` order, or a RowBatch) into a table and returns how
 * many went in. `constants` are columns with the same value in every row (the claim, the time):
 * sent once in LOAD DATA's SET clause instead of in each row.
 * With `ignore`, rows whose unique key is already present are skipped (and not counted).
 * Without it a duplicate key fails the statement on SQLite; on MariaDB LOAD DATA LOCAL always
 * skips duplicates, so callers that must fail on one check the count they get back.
 * Amounts in a table's money columns (MONEY_COLUMNS) may be any decimal text or number: SQLite
 * gets them as canonical 4-decimal strings, MariaDB's DECIMAL(18,4) reads them as they are.
 */
export async function writeRows(
  db: Sequelize,
  table: string,
  columns: readonly string[],
  input: readonly Cell[][] | RowBatch,
  options: { ignore?: boolean; transaction?: Transaction | null; trustedReferences?: boolean; constants?: Record<string, Cell> } = {},
): Promise<number> {
  if (!input.length) return 0;
  const constants = Object.entries(options.constants ?? {});
  if (db.getDialect() === 'mysql') {
    let batch: RowBatch;
    if (input instanceof RowBatch) batch = input;
    else {
      batch = new RowBatch(db);
      for (const r of input) batch.add(r);
    }
    const infile = batch.take();
    const set = constants.length ? ` SET ${constants.map(([c]) => `${c} = ?`).join(', ')}` : '';
    const result = await rawMysql(
      db,
      `LOAD DATA LOCAL INFILE 'rows.tsv' ${options.ignore ? 'IGNORE ' : ''}INTO TABLE ${table} CHARACTER SET utf8mb4 ` +
        `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns.join(',')})${set}`,
      constants.map(([, v]) => setValue(v)),
      { transaction: options.transaction, infile, trustedReferences: options.trustedReferences },
    );
    return result.affectedRows;
  }
  // SQLite: at most 32,766 bound values a statement. Other queries may run on the same connection
  // between two statements, so what was inserted is counted by RETURNING, not by changes().
  const rows = input instanceof RowBatch ? input.rows() : input;
  const names = [...columns, ...constants.map(([c]) => c)];
  const fixed = constants.map(([, v]) => v);
  const per = Math.max(1, Math.floor(32000 / names.length));
  const verb = options.ignore ? 'INSERT OR IGNORE' : 'INSERT';
  const cell = (v: Cell) => (v instanceof Date ? sqliteInstant(v) : v === undefined ? null : v);
  // Money columns hold canonical 4-decimal text on SQLite (its CHECK refuses '12.5' or 12.5).
  const moneyColumns = MONEY_COLUMNS[table] ?? [];
  const money = names.map((n) => moneyColumns.includes(n));
  const moneyCell = (v: Cell) => (v === null || v === undefined ? null : isCanonicalMoney(v) ? v : moneyToDb(v));
  let written = 0;
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    const row = `(${names.map(() => '?').join(',')})`;
    const sql = `${verb} INTO ${table} (${names.join(',')}) VALUES ${part.map(() => row).join(',')} RETURNING 1`;
    const params: unknown[] = [];
    for (const r of part) {
      for (let j = 0; j < r.length; j++) params.push(money[j] ? moneyCell(r[j]) : cell(r[j]));
      for (let j = 0; j < fixed.length; j++) params.push(money[columns.length + j] ? moneyCell(fixed[j]) : cell(fixed[j]));
    }
    // Outside a transaction, the statement takes its turn among the writers (models/sqlite-writes.ts).
    const returned = options.transaction
      ? await sqliteAll(db, options.transaction, sql, params)
      : await inWriteTurn(db, () => sqliteAll(db, null, sql, params), true);
    written += returned.length;
  }
  return written;
}
