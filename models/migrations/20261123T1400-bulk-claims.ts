import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * Claims built in bulk from a POS import: each claim line keeps the POS line it came from (so a
 * re-run skips lines already tried, through an integer index instead of the invoice strings), and
 * each claim keeps its import (so an interrupted run resumes into the same draft claims). An
 * import job is either a POS report or a claim file streamed straight into a claim.
 */
export const bulkClaimsSchema: Migration = {
  name: '20261123T1400-bulk-claims',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('claim_lines', 'pos_line_id', col.ref(true));
    await qi.addIndex('claim_lines', ['pos_line_id'], { name: 'ix_claim_line_pos_line' });
    await qi.addColumn('claims', 'pos_import_id', col.ref(true));
    await qi.addIndex('claims', ['pos_import_id', 'status'], { name: 'ix_claim_pos_import' });
    // 'pos': rows kept as POS lines; 'claim': a claim file, rows validated straight into one claim.
    await qi.addColumn('pos_imports', 'purpose', { ...col.str(10), defaultValue: 'pos' });
  },
};
