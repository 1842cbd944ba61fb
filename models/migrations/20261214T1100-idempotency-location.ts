import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * A retry with the same Idempotency-Key gets the first answer again, headers that name what it
 * made included: `idempotency_records.response_location` keeps the first answer's `Location` (a
 * job's or a new object's URL), which the replay sends again (server/http/idempotency.ts). Records
 * from before have none: their replays answer without it, as they did.
 */
export const idempotencyLocationSchema: Migration = {
  name: '20261214T1100-idempotency-location',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('idempotency_records', 'response_location', col.str(2048, true));
  },
};
