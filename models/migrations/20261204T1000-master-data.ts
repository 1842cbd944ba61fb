import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * Master data kept by the vendor's admins (issue 15 item 1):
 * - products carry the currency of their list price (existing ones take the vendor's book
 *   currency, BASE_CURRENCY, as distributors did) and can be deactivated (kept for history, no
 *   longer offered to new requests);
 * - accounts carry a region, a CRM id, and, once merged into another, the survivor's id and when:
 *   a merged account is kept for the audit trail and never merged again;
 * - distributors have contacts (name, e-mail, role);
 * - a distributor part number names one product per distributor (uq_part_mapping, already) and a
 *   product's book cost periods for a distributor start on distinct days (uq_book_cost, already):
 *   the service keeps them from overlapping.
 */
export const masterDataSchema: Migration = {
  name: '20261204T1000-master-data',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.addColumn('products', 'currency', col.str(3, true));
    await qi.addColumn('products', 'active', col.flag(true));
    const base = (process.env.BASE_CURRENCY ?? 'USD').trim().toUpperCase() || 'USD';
    await sequelize.query(`UPDATE products SET currency = ?`, { replacements: [base] });

    await qi.addColumn('accounts', 'region', col.str(60, true));
    await qi.addColumn('accounts', 'crm_id', col.str(64, true));
    await qi.addColumn('accounts', 'merged_into_id', { ...col.ref(true), references: { model: 'accounts', key: 'id' } });
    await qi.addColumn('accounts', 'merged_at', col.instant(true));
    await qi.addIndex('accounts', ['type', 'name'], { name: 'ix_account_type_name' });
    await qi.addIndex('accounts', ['crm_id'], { name: 'ix_account_crm_id' });

    await qi.createTable('distributor_contacts', {
      id: col.id(),
      distributor_id: { ...col.ref(), references: { model: 'accounts', key: 'id' } },
      name: col.str(200),
      email: col.str(200),
      role: col.str(100, true),
      created_at: col.instant(),
      updated_at: col.instant(),
    });
    await qi.addIndex('distributor_contacts', ['distributor_id', 'email'], { unique: true, name: 'uq_distributor_contact' });
  },
};
