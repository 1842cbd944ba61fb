import type { Migration } from './types.js';

/**
 * A claim file sent again (the same bytes from the same distributor) is told by the SHA-256 its
 * import row keeps (`pos_imports.file_sha256`, now written when the file is received, not only once
 * its job has read it): server/claims/claim-file.service.ts looks up the distributor's earlier
 * claim files of that hash before a second claim is made. The lookup goes through this index
 * instead of reading every import of the distributor. Not unique: a file may be sent again on
 * purpose (`resend=true`), and one whose claim failed or was rejected whole may be sent again.
 * Rows from before keep their hash (set once their job completed): a file sent before this
 * migration is found as well.
 */
export const claimFileHashSchema: Migration = {
  name: '20261213T1200-claim-file-hash',
  async up({ context: { queryInterface: qi } }) {
    await qi.addIndex('pos_imports', ['distributor_id', 'file_sha256'], { name: 'ix_pos_import_file_sha256' });
  },
};
