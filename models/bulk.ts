/**
 * Bulk writes for the paths that move hundreds of thousands of rows (POS imports, claims built
 * from them). The ORM builds an object per row and is not for these (STACK.md: ~11k rows/s);
 * here rows are arrays of cells, written by `LOAD DATA LOCAL INFILE` from memory on MariaDB
 * (about twice a multi-row INSERT) and by multi-row INSERT on SQLite. Both run on the
 * connection of the caller's transaction when one is given.
 */
import { Readable } from 'node:stream';
import type { Sequelize, Transaction } from 'sequelize';

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

/** mysql2 sends each chunk of a LOCAL INFILE stream as one packet: keep them under max_allowed_packet. */
function* packets(data: Buffer, size = 1 << 20) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

function run(
  conn: RawConnection,
  sql: string,
  values: unknown[] = [],
  infile?: Buffer,
): Promise<{ affectedRows: number } & Record<string, unknown>> {
  return new Promise((resolve, reject) =>
    conn.query({ sql, values, ...(infile ? { infileStreamFactory: () => Readable.from(packets(infile)) } : {}) }, (err, result) =>
      err ? reject(err) : resolve(result as { affectedRows: number }),
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

/** Runs a statement on a raw mysql2 connection: the transaction's, or one borrowed from the pool. */
export function rawMysql(
  db: Sequelize,
  sql: string,
  values: unknown[] = [],
  options: { transaction?: Transaction | null; infile?: Buffer; trustedReferences?: boolean } = {},
): Promise<{ affectedRows: number } & Record<string, unknown>> {
  return withConnection(db, options.transaction, async (conn) => {
    if (!options.trustedReferences) return run(conn, sql, values, options.infile);
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

/**
 * Writes rows (arrays of cells in `columns` order) into a table and returns how many went in.
 * With `ignore`, rows whose unique key is already present are skipped (and not counted).
 * Without it a duplicate key fails the statement on SQLite; on MariaDB LOAD DATA LOCAL always
 * skips duplicates, so callers that must fail on one check the count they get back.
 */
export async function writeRows(
  db: Sequelize,
  table: string,
  columns: readonly string[],
  rows: readonly Cell[][],
  options: { ignore?: boolean; transaction?: Transaction | null; trustedReferences?: boolean } = {},
): Promise<number> {
  if (!rows.length) return 0;
  if (db.getDialect() === 'mysql') {
    let text = '';
    for (const r of rows) {
      let line = '';
      for (let i = 0; i < r.length; i++) line += (i ? '\t' : '') + tsvCell(r[i]);
      text += line + '\n';
    }
    const result = await rawMysql(
      db,
      `LOAD DATA LOCAL INFILE 'rows.tsv' ${options.ignore ? 'IGNORE ' : ''}INTO TABLE ${table} CHARACTER SET utf8mb4 ` +
        `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns.join(',')})`,
      [],
      { transaction: options.transaction, infile: Buffer.from(text, 'utf8'), trustedReferences: options.trustedReferences },
    );
    return result.affectedRows;
  }
  // SQLite: at most 32,766 bound values a statement. Other queries may run on the same connection
  // between two statements, so what was inserted is counted by RETURNING, not by changes().
  const per = Math.max(1, Math.floor(32000 / columns.length));
  const verb = options.ignore ? 'INSERT OR IGNORE' : 'INSERT';
  let written = 0;
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    const row = `(${columns.map(() => '?').join(',')})`;
    const sql = `${verb} INTO ${table} (${columns.join(',')}) VALUES ${part.map(() => row).join(',')} RETURNING 1`;
    const params = part.flatMap((r) => r.map((v) => (v instanceof Date ? sqliteInstant(v) : v === undefined ? null : v)));
    const returned = await sqliteAll(db, options.transaction, sql, params);
    written += returned.length;
  }
  return written;
}
