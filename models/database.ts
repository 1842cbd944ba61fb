/**
 * Opens the database named by a URL (sqlite:path, sqlite::memory:, mysql://, mariadb://),
 * creates a MariaDB database that does not exist yet, and runs the migrations with umzug.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Sequelize, Transaction } from 'sequelize';
import sqlite3 from 'sqlite3';
import { Umzug } from 'umzug';
import { inWriteTurn, isWrite } from './sqlite-writes.js';
import mysql from 'mysql2/promise';
import { initAccountModels } from './accounts.js';
import { initAuthorizationModels } from './authorizations.js';
import { initCatalogModels } from './catalog.js';
import { initClaimModels } from './claims.js';
import { initCrmModels } from './crm.js';
import { initDisputeModels } from './disputes.js';
import { initDocumentModels } from './documents.js';
import { initEdiModels } from './edi.js';
import { initEnrichmentModels } from './enrichment.js';
import { initFinanceModels } from './finance.js';
import { initImportModels } from './imports.js';
import { initNotificationModels } from './notifications.js';
import { migrations } from './migrations/index.js';
import type { MigrationContext } from './migrations/types.js';
import { initPlatformModels } from './platform.js';
import { initProgramModels } from './programs.js';
import { initRebateModels } from './rebates.js';
import { initRequestModels } from './requests.js';
import { initSecurityModels } from './security.js';

export interface Database {
  sequelize: Sequelize;
  dialect: 'sqlite' | 'mysql';
  /** Runs the pending migrations, all of them or up to and including `to` (a migration's name). */
  migrate(to?: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  logging?: boolean;
  /** MariaDB connection pool size. */
  poolMax?: number;
}

/** Parses mysql:// and mariadb:// URLs; mariadb:// is served by the mysql2 driver. */
export function parseMysqlUrl(url: string) {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new Error(`database URL ${url} names no database`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
    database,
  };
}

async function ensureMysqlDatabase(url: string) {
  const c = parseMysqlUrl(url);
  const conn = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${c.database.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await conn.end();
  }
}

/** How long an SQLite connection waits for another's write lock before SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * sqlite3 for Sequelize, with every connection waiting for the write lock: Sequelize opens a
 * connection of its own for each transaction, and node-sqlite3 gives a new connection a
 * 1-second busy timeout, so a transaction that met another connection's write (an import's
 * progress, a claim file's lines) for over a second failed with SQLITE_BUSY under load. A
 * PRAGMA on the first connection does not reach the others.
 */
class WaitingDatabase extends sqlite3.Database {
  constructor(filename: string, mode?: number, callback?: (err: Error | null) => void) {
    super(filename, mode, callback);
    this.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
  }
}
const sqliteModule = { ...sqlite3, Database: WaitingDatabase };

/**
 * Every transaction on SQLite begins IMMEDIATE: it takes the write lock at BEGIN, where the
 * busy timeout above applies, instead of at its first write. Sequelize's default, DEFERRED,
 * starts as a reader; a transaction that read (a decision reads its request first) and then
 * writes must upgrade, and if another connection wrote since its read began (WAL: its snapshot
 * is stale) or holds the lock, SQLite answers SQLITE_BUSY at once, without the busy handler,
 * because waiting could not help. That was the 500 on accept-counter right after a counter:
 * the transaction's connection read the request while the shared connection wrote an
 * idempotency record or an API token's use. Readers outside transactions never wait in WAL.
 */
const SQLITE_TRANSACTION_TYPE = Transaction.TYPES.IMMEDIATE;

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const logging = options.logging ? console.log : false;
  let sequelize: Sequelize;
  let dialect: Database['dialect'];
  if (url.startsWith('sqlite:')) {
    const storage = url.slice('sqlite:'.length) || ':memory:';
    if (storage !== ':memory:') mkdirSync(dirname(storage), { recursive: true });
    sequelize = new Sequelize({
      dialect: 'sqlite',
      dialectModule: sqliteModule,
      storage,
      logging,
      pool: { max: 1 },
      // See SQLITE_TRANSACTION_TYPE: every transaction takes the write lock when it begins.
      transactionType: SQLITE_TRANSACTION_TYPE,
    });
    dialect = 'sqlite';
    await sequelize.query('PRAGMA foreign_keys = ON');
    if (storage !== ':memory:') await sequelize.query('PRAGMA journal_mode = WAL');
    serializeTransactions(sequelize);
  } else if (/^(mysql|mariadb):/.test(url)) {
    await ensureMysqlDatabase(url);
    const c = parseMysqlUrl(url);
    sequelize = new Sequelize(c.database, c.user, c.password, {
      dialect: 'mysql',
      host: c.host,
      port: c.port,
      logging,
      timezone: '+00:00',
      pool: { max: options.poolMax ?? 10 },
      // Keep DECIMAL as strings: exact money.
      dialectOptions: { decimalNumbers: false, supportBigNumbers: true, bigNumberStrings: true },
    });
    dialect = 'mysql';
  } else {
    throw new Error(`unsupported DATABASE_URL "${url}": use sqlite:PATH or mysql://user:pass@host:port/db`);
  }
  await sequelize.authenticate();

  initAccountModels(sequelize);
  initCatalogModels(sequelize);
  initProgramModels(sequelize);
  initRequestModels(sequelize);
  initAuthorizationModels(sequelize);
  initClaimModels(sequelize);
  initPlatformModels(sequelize);
  initCrmModels(sequelize);
  initImportModels(sequelize);
  initDisputeModels(sequelize);
  initSecurityModels(sequelize);
  initNotificationModels(sequelize);
  initEnrichmentModels(sequelize);
  initDocumentModels(sequelize);
  initFinanceModels(sequelize);
  initEdiModels(sequelize);
  initRebateModels(sequelize);

  const umzug = new Umzug<MigrationContext>({
    migrations: migrations.map((m) => ({ name: m.name, up: m.up })),
    context: { queryInterface: sequelize.getQueryInterface(), sequelize },
    storage: {
      // The executed-migrations table, kept with Sequelize's own query interface.
      async executed({ context }) {
        await ensureMetaTable(context);
        const [rows] = await context.sequelize.query('SELECT name FROM bec_migrations ORDER BY name');
        return (rows as { name: string }[]).map((r) => r.name);
      },
      async logMigration({ name, context }) {
        await context.sequelize.query('INSERT INTO bec_migrations (name) VALUES (?)', { replacements: [name] });
      },
      async unlogMigration({ name, context }) {
        await context.sequelize.query('DELETE FROM bec_migrations WHERE name = ?', { replacements: [name] });
      },
    },
    logger: undefined,
  });

  return {
    sequelize,
    dialect,
    async migrate(to?: string) {
      if (dialect !== 'mysql') return void (await umzug.up(to ? { to } : {}));
      // Processes started together (a server and its workers on an empty database) migrate one at
      // a time: each applies what the one before left. The named lock is held on a connection of
      // its own, outside the pool, which may have a single connection.
      const c = parseMysqlUrl(url);
      const lock = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, database: c.database });
      try {
        const [rows] = await lock.query("SELECT GET_LOCK(CONCAT(DATABASE(), '/bec-migrations'), 600) AS got");
        if (Number((rows as { got: number | null }[])[0]?.got) !== 1)
          throw new Error('migrations: another process held their lock for 10 minutes');
        await umzug.up(to ? { to } : {});
      } finally {
        await lock.end();
      }
    },
    async close() {
      await sequelize.close();
    },
  };
}

/**
 * SQLite has one writer. An in-memory database runs every query on one shared connection, where
 * two managed transactions started by concurrent requests would collide ("cannot start a
 * transaction within a transaction"); on a file each transaction has a connection of its own
 * and would wait for the other's write lock (BEGIN IMMEDIATE, above). The embedded default
 * queues them instead; MariaDB runs them side by side.
 */
function serializeTransactions(sequelize: Sequelize) {
  const original = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  const queued = (...args: unknown[]) => {
    if (typeof args.at(-1) !== 'function') return original(...args);
    return inWriteTurn(sequelize, () => original(...args));
  };
  (sequelize as unknown as { transaction: typeof queued }).transaction = queued;
  // A write outside a transaction takes its turn among them (models/sqlite-writes.ts).
  const query = sequelize.query.bind(sequelize) as (sql: unknown, options?: { transaction?: unknown }) => Promise<unknown>;
  const turned = (sql: unknown, options?: { transaction?: unknown }) =>
    options?.transaction || !isWrite(sql) ? query(sql, options) : inWriteTurn(sequelize, () => query(sql, options), true);
  (sequelize as unknown as { query: typeof turned }).query = turned;
}

async function ensureMetaTable({ sequelize }: MigrationContext) {
  await sequelize.query('CREATE TABLE IF NOT EXISTS bec_migrations (name VARCHAR(255) NOT NULL PRIMARY KEY)');
}
