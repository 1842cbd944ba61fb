import { col } from '../define.js';
import type { Migration } from './types.js';

const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });
const ref = (table: string, allowNull = false) => ({ ...col.ref(allowNull), references: { model: table, key: 'id' } });

/**
 * POS enrichment and documents (issue 15 items 1 and 1b): end-customer aliases confirmed per
 * distributor, the review queue of spellings no master name matched surely enough (one per
 * distributor and matching key), the flags an import puts on its lines (unknown parts), and the
 * documents stored by the server with the object each is attached to.
 */
export const enrichmentDocumentsSchema: Migration = {
  name: '20261204T1100-enrichment-documents',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable('end_customer_aliases', {
      id: col.id(),
      distributor_id: ref('accounts'),
      alias_key: col.str(200),
      spelling: col.str(200),
      end_customer_id: ref('accounts'),
      confirmed_by_user_id: ref('users'),
      ...stamps(),
    });
    await qi.addIndex('end_customer_aliases', ['distributor_id', 'alias_key'], { unique: true, name: 'uq_end_customer_alias' });

    await qi.createTable('end_customer_reviews', {
      id: col.id(),
      distributor_id: ref('accounts'),
      name_key: col.str(200),
      spelling: col.str(200),
      suggested_end_customer_id: ref('accounts', true),
      confidence_milli: col.int(false, 0),
      import_id: col.ref(true),
      status: col.str(10),
      end_customer_id: ref('accounts', true),
      decided_by_user_id: ref('users', true),
      decided_at: col.instant(true),
      ...stamps(),
    });
    await qi.addIndex('end_customer_reviews', ['distributor_id', 'name_key'], { unique: true, name: 'uq_end_customer_review' });
    await qi.addIndex('end_customer_reviews', ['status', 'id'], { name: 'end_customer_reviews_status' });

    await qi.createTable('pos_line_flags', {
      id: col.id(),
      distributor_id: ref('accounts'),
      import_id: col.ref(),
      file_row: col.int(),
      invoice_key: col.str(64),
      line_key: col.str(16),
      code: col.str(40),
      value: col.str(200),
      created_at: col.instant(),
    });
    await qi.addIndex('pos_line_flags', ['import_id', 'file_row', 'code'], { unique: true, name: 'uq_pos_line_flag' });
    await qi.addIndex('pos_line_flags', ['distributor_id', 'code', 'value'], { name: 'pos_line_flags_code' });

    await qi.createTable('documents', {
      id: col.id(),
      owner_type: col.str(20),
      owner_id: col.ref(),
      distributor_id: ref('accounts', true),
      file_name: col.str(255),
      content_type: col.str(100),
      size_bytes: col.int(),
      sha256: col.str(64),
      storage: col.str(10),
      storage_key: col.str(500),
      uploaded_by_user_id: ref('users'),
      deleted_at: col.instant(true),
      deleted_by_user_id: ref('users', true),
      ...stamps(),
    });
    await qi.addIndex('documents', ['owner_type', 'owner_id'], { name: 'documents_owner' });
  },
};
