import type { ModelAttributeColumnOptions } from 'sequelize';
import { col } from '../define.js';
import type { Migration } from './types.js';

const fk = (table: string, allowNull = false): ModelAttributeColumnOptions => ({
  ...col.ref(allowNull),
  references: { model: table, key: 'id' },
});
const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });

/** POS import jobs, their row errors, and the column mapping each distributor saves. */
export const importsSchema: Migration = {
  name: '20261123T1100-imports',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable('pos_imports', {
      id: col.id(),
      distributor_id: fk('accounts'),
      format: col.str(10),
      file_name: col.str(255, true),
      file_sha256: col.str(64, true),
      status: col.str(20),
      total_bytes: col.int(true),
      processed_bytes: col.int(false, 0),
      rows_read: col.int(false, 0),
      rows_accepted: col.int(false, 0),
      rows_duplicate: col.int(false, 0),
      rows_rejected: col.int(false, 0),
      mapping: col.text(),
      failure: col.text(),
      created_by_user_id: fk('users'),
      started_at: col.instant(true),
      finished_at: col.instant(true),
      ...stamps(),
    });
    await qi.addIndex('pos_imports', ['distributor_id', 'created_at'], { name: 'ix_pos_import_distributor' });
    await qi.createTable('pos_import_errors', {
      id: col.id(),
      import_id: fk('pos_imports'),
      row_number: col.int(),
      column_name: col.str(100, true),
      code: col.str(40),
      message: col.str(500),
      raw: col.text(),
    });
    await qi.addIndex('pos_import_errors', ['import_id', 'row_number'], { name: 'ix_pos_import_error_row' });
    await qi.createTable('pos_column_mappings', {
      id: col.id(),
      distributor_id: { ...fk('accounts'), unique: true },
      mapping: col.text(false),
      options: col.text(false),
      updated_by_user_id: fk('users'),
      ...stamps(),
    });
    await qi.addIndex('pos_lines', ['import_id'], { name: 'ix_pos_line_import' });
    await qi.addIndex('claim_lines', ['resubmission_of_line_id'], { name: 'ix_claim_line_resubmission' });
  },
};
