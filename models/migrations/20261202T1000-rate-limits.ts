import { DataTypes } from 'sequelize';
import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * Rate-limit counters in the database, so every server process counts against the same limit
 * when there is no Redis (REDIS_URL). One row per counter (a limit's name and the caller's key),
 * with its window's end in epoch milliseconds: a number compares the same on both dialects.
 * Indexes for the scheduled purges of expired rows.
 */
export const rateLimitsSchema: Migration = {
  name: '20261202T1000-rate-limits',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable('rate_limit_hits', {
      counter_key: { ...col.str(255), primaryKey: true },
      hits: col.int(false, 0),
      reset_at_ms: { type: DataTypes.BIGINT, allowNull: false },
    });
    await qi.addIndex('rate_limit_hits', ['reset_at_ms'], { name: 'rate_limit_hits_reset_at' });
    await qi.addIndex('saml_requests', ['expires_at'], { name: 'saml_requests_expires_at' });
    await qi.addIndex('sessions', ['expires_at'], { name: 'sessions_expires_at' });
    await qi.addIndex('embed_token_uses', ['expires_at'], { name: 'embed_token_uses_expires_at' });
    await qi.addIndex('idempotency_records', ['created_at'], { name: 'idempotency_records_created_at' });
  },
};
