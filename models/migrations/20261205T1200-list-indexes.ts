import type { Migration } from './types.js';

/**
 * The indexes the big lists read through (issue 19), each list newest first by id and paged by
 * cursor (`id < ?`, server/http/cursor.ts): an equality on the filter columns, then the id, so
 * the database walks the index backwards from the cursor and stops after a page, with no sort
 * and no scan of the table. Pinned by test/db/explain-lists.test.ts, which reads each list
 * query's plan on MariaDB.
 *
 * - claims of one distributor (a distributor user's list, a vendor's distributor filter);
 * - claims in one status (a reviewer's or finance's queue), and both together;
 * - special-price requests in one status: the approval queue of a channel manager (a
 *   distributor's queue has `(distributor_id, status)` since the first schema, the id following).
 *
 * The id is named as the last column: InnoDB appends the primary key to every secondary index
 * anyway, SQLite its rowid; naming it says what the index is for. A claim's lines page by
 * `(claim_id, line_number)` unique and an import's lines by `(import_id)` (+ id) already.
 */
/**
 * The names the list queries force (server/claims, server/requests): with a cursor, MariaDB would
 * otherwise look an equality up on the index's first column (`ref`) and walk every row above the
 * cursor (13,929 rows for a page of 51 at 100,000 claims), instead of reading the range from the
 * cursor (51 rows).
 */
export const LIST_INDEXES = {
  claimsByDistributor: 'ix_claim_list_distributor',
  claimsByStatus: 'ix_claim_list_status',
  claimsByDistributorAndStatus: 'ix_claim_list_distributor_status',
  requestsByStatus: 'ix_request_list_status',
  /** the first schema's `(distributor_id, status)`, InnoDB appending the id */
  requestsByDistributorAndStatus: 'ix_request_distributor_status',
} as const;

export const listIndexesSchema: Migration = {
  name: '20261205T1200-list-indexes',
  async up({ context: { queryInterface: qi } }) {
    await qi.addIndex('claims', ['distributor_id', 'id'], { name: LIST_INDEXES.claimsByDistributor });
    await qi.addIndex('claims', ['status', 'id'], { name: LIST_INDEXES.claimsByStatus });
    await qi.addIndex('claims', ['distributor_id', 'status', 'id'], { name: LIST_INDEXES.claimsByDistributorAndStatus });
    await qi.addIndex('price_requests', ['status', 'id'], { name: LIST_INDEXES.requestsByStatus });
  },
};
