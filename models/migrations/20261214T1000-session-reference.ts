import { QueryTypes } from 'sequelize';
import { col } from '../define.js';
import { newSessionReference } from '../platform.js';
import type { Migration } from './types.js';

/**
 * Each session gets a public reference (`sessions.reference`: 16 random bytes in hex, unique),
 * drawn when it is opened and unrelated to its cookie. An embed token, and the embed session's
 * cookie and bearer, that a password or single sign-on session asked for name that session by it
 * (server/auth/embed.ts, auth.service.ts); they named it by its id, the SHA-256 of its cookie.
 * Existing sessions get one each. Embed tokens and embed sessions minted before this name their
 * issuer the old way and are refused from now on (they end within EMBED_SESSION_TTL_MINUTES anyway):
 * the embedding page mints a new one.
 */
export const sessionReferenceSchema: Migration = {
  name: '20261214T1000-session-reference',
  async up({ context: { queryInterface: qi, sequelize } }) {
    const mysql = sequelize.getDialect() === 'mysql';
    await qi.addColumn('sessions', 'reference', col.str(32, true));
    for (;;) {
      const rows = await sequelize.query<{ id: string }>('SELECT id FROM sessions WHERE reference IS NULL LIMIT 1000', {
        type: QueryTypes.SELECT,
      });
      if (!rows.length) break;
      const drawn = rows.map((r) => [r.id, newSessionReference()] as const);
      await sequelize.query(
        `UPDATE sessions SET reference = CASE id ${drawn.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${drawn.map(() => '?').join(', ')})`,
        { replacements: [...drawn.flat(), ...drawn.map(([id]) => id)] },
      );
    }
    if (mysql) await sequelize.query('ALTER TABLE sessions MODIFY reference VARCHAR(32) NOT NULL');
    else
      // SQLite cannot make an added column NOT NULL without rebuilding the table: triggers refuse a session without one.
      for (const op of ['INSERT', 'UPDATE'])
        await sequelize.query(
          `CREATE TRIGGER trg_sessions_reference_${op.toLowerCase()} BEFORE ${op} ON sessions FOR EACH ROW
             WHEN NEW.reference IS NULL OR NEW.reference = ''
             BEGIN SELECT RAISE(ABORT, 'sessions: the reference is required'); END`,
        );
    await qi.addIndex('sessions', ['reference'], { unique: true, name: 'uq_session_reference' });
  },
};
