/**
 * The session reference migration on a database made before it: every existing session gets its
 * own random public reference (what an embed token names it by, instead of anything derived from
 * its cookie), and from then on no session is kept without one, nor two with the same.
 */
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { openDatabase, type Database } from '../../models/database.js';
import { describeDb, dropTestDatabase, testDatabaseUrl } from '../support/harness.js';

describeDb('session reference migration', () => {
  let db: Database;
  const url = testDatabaseUrl();
  beforeAll(async () => {
    db = await openDatabase(url, { poolMax: 2 });
    await db.migrate('20261213T1200-claim-file-hash');
  });
  afterAll(async () => {
    await db.close();
    await dropTestDatabase(url);
  });

  const sha256 = (v: string) => createHash('sha256').update(v).digest();
  const insertSession = (cookie: string, reference?: string | null) =>
    db.sequelize.query(
      `INSERT INTO sessions (id, ${reference === undefined ? '' : 'reference, '}user_id, csrf_token, expires_at, method, created_at, updated_at)
       VALUES (?, ${reference === undefined ? '' : '?, '}1, 'csrf', ?, 'password', ?, ?)`,
      {
        replacements: [
          sha256(cookie).toString('hex'),
          ...(reference === undefined ? [] : [reference]),
          new Date(Date.now() + 3600_000),
          new Date(),
          new Date(),
        ],
      },
    );

  it('gives every existing session a random reference of its own, unrelated to its cookie, and keeps none without one', async () => {
    const s = db.sequelize;
    const now = new Date();
    await s.query(
      `INSERT INTO users (id, email, name, role, active, created_at, updated_at) VALUES (1, 'u@x.example', 'U', 'finance', 1, ?, ?)`,
      {
        replacements: [now, now],
      },
    );
    const cookies = Array.from({ length: 1205 }, (_, i) => `cookie-${i}`);
    for (let i = 0; i < cookies.length; i += 200)
      await s.query(
        `INSERT INTO sessions (id, user_id, csrf_token, expires_at, method, created_at, updated_at) VALUES ${cookies
          .slice(i, i + 200)
          .map(() => "(?, 1, 'csrf', ?, 'password', ?, ?)")
          .join(', ')}`,
        { replacements: cookies.slice(i, i + 200).flatMap((c) => [sha256(c).toString('hex'), now, now, now]) },
      );

    await db.migrate('20261214T1000-session-reference');

    const rows = (await s.query('SELECT id, reference FROM sessions', { type: QueryTypes.SELECT })) as { id: string; reference: string }[];
    expect(rows).toHaveLength(cookies.length);
    expect(rows.every((r) => /^[0-9a-f]{32}$/.test(r.reference))).toBe(true);
    expect(new Set(rows.map((r) => r.reference)).size).toBe(rows.length);
    const derived = new Set(cookies.flatMap((c) => [c, sha256(c).toString('hex'), sha256(c).toString('base64url')]));
    expect(rows.filter((r) => [...derived].some((d) => d.includes(r.reference)))).toEqual([]);

    await expect(insertSession('no reference')).rejects.toThrow();
    await expect(insertSession('null reference', null)).rejects.toThrow();
    await expect(insertSession('same reference', rows[0]!.reference)).rejects.toThrow();
    await insertSession('own reference', 'a'.repeat(32));
  });
});
