import type { ModelAttributeColumnOptions } from 'sequelize';
import { col } from '../define.js';
import type { Migration } from './types.js';

const fk = (table: string, allowNull = false): ModelAttributeColumnOptions => ({
  ...col.ref(allowNull),
  references: { model: table, key: 'id' },
});

/**
 * Disputes with a thread: the distributor's opening comment (and corrected line), both sides'
 * comments and the vendor's decision, one append-only row each, kept on the disputed line.
 */
export const disputeThreadsSchema: Migration = {
  name: '20261202T1200-dispute-threads',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable('dispute_entries', {
      id: col.id(),
      claim_line_id: fk('claim_lines'),
      distributor_id: fk('accounts'),
      author_user_id: fk('users'),
      kind: col.str(20),
      body: col.text(false),
      correction: col.text(true),
      resubmitted_line_id: fk('claim_lines', true),
      created_at: col.instant(),
      updated_at: col.instant(),
    });
    await qi.addIndex('dispute_entries', ['claim_line_id', 'id'], { name: 'ix_dispute_entries_line' });
    await qi.addIndex('dispute_entries', ['distributor_id', 'kind'], { name: 'ix_dispute_entries_distributor' });
  },
};
