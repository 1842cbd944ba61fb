import type { Migration } from './types.js';

/**
 * The aging report's requests (issue 19 item 3): those decided after a past day are found by their
 * decision time (server/reports/aging.repository.ts `requestAging`), the pending ones by the list
 * index on status, instead of a scan of every request.
 */
export const requestDecidedIndexSchema: Migration = {
  name: '20261209T1000-request-decided-index',
  async up({ context: { queryInterface: qi } }) {
    await qi.addIndex('price_requests', ['decided_at'], { name: 'price_requests_decided_at' });
  },
};
