/**
 * The canonical debit memo key migration on a database made before it: every standing claim's
 * key becomes canonical; one memo held by two standing claims of a distributor under two spellings
 * is not changed silently: the earliest claim keeps the key, each later one is quarantined
 * (`<key>#dup<id>`) and listed in debit_memo_key_collisions. On MariaDB the database is made with
 * a case- and accent-insensitive collation, as a server's default can be: the key column
 * compares binary afterwards, as SQLite does.
 */
import mysql from 'mysql2/promise';
import { QueryTypes, type Transaction } from 'sequelize';
import { openDatabase, parseMysqlUrl, type Database } from '../../models/database.js';
import { describeDb, dialect, dropTestDatabase, testDatabaseUrl } from '../support/harness.js';

describeDb('canonical debit memo key migration', () => {
  let db: Database;
  const url = testDatabaseUrl();
  beforeAll(async () => {
    if (dialect === 'mariadb') {
      const c = parseMysqlUrl(url);
      const conn = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password });
      await conn.query(`CREATE DATABASE \`${c.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
      await conn.end();
    }
    db = await openDatabase(url, { poolMax: 2 });
    await db.migrate('20261211T1100-audit-via');
  });
  afterAll(async () => {
    await db.close();
    await dropTestDatabase(url);
  });

  it('rewrites the keys, quarantines a memo held twice, and compares the canonical key on both databases', async () => {
    const s = db.sequelize;
    const mysqlDialect = s.getDialect() === 'mysql';
    const now = new Date();
    const long = '\ufb00'.repeat(33); // 33 characters as typed, 66 once canonical (ﬀ is "FF")
    // [id, distributor, status, number]; a claim rejected whole holds no key.
    const claims: [number, number, string, string][] = [
      [1, 7, 'submitted', 'DM-1'],
      [2, 7, 'submitted', ' dm-1'],
      [3, 7, 'paid', '\tDM-1'],
      [4, 8, 'submitted', 'dm-1'],
      [5, 7, 'rejected', 'DM-1'],
      [6, 7, 'submitted', 'dm  2'],
      [7, 7, 'submitted', '\u200b '],
      [8, 7, 'authorized', 'DM-3'],
      // the earlier claim's key changes to the later one's: the rewrite never meets a key on its way
      [9, 9, 'submitted', ' dm-4'],
      [10, 9, 'submitted', 'DM-4'],
      [11, 7, 'submitted', long],
    ];
    const insert = async (transaction: Transaction | undefined) => {
      const q = (sql: string, replacements: unknown[] = []) => s.query(sql, { replacements, transaction });
      await q(mysqlDialect ? 'SET FOREIGN_KEY_CHECKS = 0' : 'PRAGMA foreign_keys = OFF');
      for (const [id, distributor, status, memo] of claims)
        await q(
          `INSERT INTO claims (id, number, distributor_id, type, status, debit_memo_number, debit_memo_key, currency,
             claimed_total, computed_total, approved_total, created_by_user_id, created_at, updated_at)
           VALUES (?, ?, ?, 'explicit', ?, ?, ?, 'USD', '0.0000', '0.0000', '0.0000', 1, ?, ?)`,
          [id, `CLM-${id}`, distributor, status, memo, status === 'rejected' ? null : memo, now, now],
        );
      await q(mysqlDialect ? 'SET FOREIGN_KEY_CHECKS = 1' : 'PRAGMA foreign_keys = ON');
    };
    if (mysqlDialect) await s.transaction(insert);
    else await insert(undefined);

    const rows = <T>(sql: string, replacements: unknown[] = []) => s.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<T[]>;
    const keyColumn = async () =>
      (
        await rows<{ collation: string; length: number }>(
          `SELECT COLLATION_NAME AS collation, CHARACTER_MAXIMUM_LENGTH AS length FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'claims' AND COLUMN_NAME = 'debit_memo_key'`,
        )
      ).map((c) => ({ ...c, length: Number(c.length) }))[0];
    if (mysqlDialect) expect(await keyColumn()).toEqual({ collation: 'utf8mb4_general_ci', length: 64 });

    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.migrate('20261212T1000-canonical-debit-memo-key');
    expect(warn).toHaveBeenCalledTimes(5);
    warn.mockRestore();

    const keys = await rows<{ id: number; number: string; k: string | null }>(
      'SELECT id, debit_memo_number AS number, debit_memo_key AS k FROM claims ORDER BY id',
    );
    expect(keys.map((r) => [Number(r.id), r.k])).toEqual([
      [1, 'DM-1'],
      [2, 'DM-1#dup2'],
      [3, 'DM-1#dup3'],
      [4, 'DM-1'],
      [5, null],
      [6, 'DM 2'],
      [7, null],
      [8, 'DM-3'],
      [9, 'DM-4'],
      [10, 'DM-4#dup10'],
      [11, `${'F'.repeat(64)}#dup11`],
    ]);
    // The numbers as the distributors wrote them are kept.
    expect(keys.map((r) => r.number)).toEqual(claims.map(([, , , memo]) => memo));

    const collisions = await rows<Record<string, unknown>>(
      `SELECT claim_id AS claimId, kept_claim_id AS keptClaimId, distributor_id AS distributorId, reason,
              debit_memo_number AS number, canonical_key AS canonicalKey, debit_memo_key AS k
         FROM debit_memo_key_collisions ORDER BY id`,
    );
    expect(
      collisions.map((c) => ({ ...c, claimId: Number(c.claimId), keptClaimId: c.keptClaimId === null ? null : Number(c.keptClaimId) })),
    ).toEqual([
      { claimId: 2, keptClaimId: 1, distributorId: 7, reason: 'duplicate', number: ' dm-1', canonicalKey: 'DM-1', k: 'DM-1#dup2' },
      { claimId: 3, keptClaimId: 1, distributorId: 7, reason: 'duplicate', number: '\tDM-1', canonicalKey: 'DM-1', k: 'DM-1#dup3' },
      { claimId: 7, keptClaimId: null, distributorId: 7, reason: 'empty', number: '\u200b ', canonicalKey: '', k: null },
      { claimId: 10, keptClaimId: 9, distributorId: 9, reason: 'duplicate', number: 'DM-4', canonicalKey: 'DM-4', k: 'DM-4#dup10' },
      {
        claimId: 11,
        keptClaimId: null,
        distributorId: 7,
        reason: 'too_long',
        number: long,
        canonicalKey: 'F'.repeat(66),
        k: `${'F'.repeat(64)}#dup11`,
      },
    ]);

    // The unique key holds the canonical key: the memo again is refused, another distributor's is not.
    const claim = (id: number, distributor: number, key: string) =>
      s.query(
        `INSERT INTO claims (id, number, distributor_id, type, status, debit_memo_number, debit_memo_key, currency,
           claimed_total, computed_total, approved_total, created_by_user_id, created_at, updated_at)
         VALUES (?, ?, ?, 'explicit', 'draft', ?, ?, 'USD', '0.0000', '0.0000', '0.0000', 1, ?, ?)`,
        { replacements: [id, `CLM-${id}`, distributor, key, key, now, now] },
      );
    const withoutChecks = async (work: () => Promise<unknown>) => {
      // the claims' distributors and users are not there: foreign keys off around the insert
      await s.query(mysqlDialect ? 'SET FOREIGN_KEY_CHECKS = 0' : 'PRAGMA foreign_keys = OFF');
      try {
        return await work();
      } finally {
        await s.query(mysqlDialect ? 'SET FOREIGN_KEY_CHECKS = 1' : 'PRAGMA foreign_keys = ON');
      }
    };
    if (!mysqlDialect) {
      await withoutChecks(async () => {
        await claim(21, 7, 'DMÉ-5');
        await claim(22, 7, 'DME-5');
        await claim(23, 7, 'dm-5');
        await expect(claim(20, 7, 'DM-1')).rejects.toMatchObject({ name: 'SequelizeUniqueConstraintError' });
      });
    } else {
      // One connection for the session setting (the pool has two).
      await s.transaction(async (transaction) => {
        const q = (sql: string, replacements: unknown[] = []) => s.query(sql, { replacements, transaction });
        await q('SET FOREIGN_KEY_CHECKS = 0');
        const insertKey = (id: number, key: string) =>
          q(
            `INSERT INTO claims (id, number, distributor_id, type, status, debit_memo_number, debit_memo_key, currency,
               claimed_total, computed_total, approved_total, created_by_user_id, created_at, updated_at)
             VALUES (?, ?, 7, 'explicit', 'draft', ?, ?, 'USD', '0.0000', '0.0000', '0.0000', 1, ?, ?)`,
            [id, `CLM-${id}`, key, key, now, now],
          );
        // Accents and case counted as one under the database's general_ci; not in the key column now.
        await insertKey(21, 'DMÉ-5');
        await insertKey(22, 'DME-5');
        await insertKey(23, 'dm-5');
        await expect(insertKey(20, 'DM-1')).rejects.toMatchObject({ name: 'SequelizeUniqueConstraintError' });
        await q('SET FOREIGN_KEY_CHECKS = 1');
      });
      expect(await keyColumn()).toEqual({ collation: 'utf8mb4_bin', length: 80 });
    }
  });
});
