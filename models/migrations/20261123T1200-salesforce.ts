import { col } from '../define.js';
import type { Migration } from './types.js';

const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });
const sfId = () => ({ ...col.str(18), unique: true });

/** CRM records synced from Salesforce, sync runs and their watermarks, and the write-back ledger. */
export const salesforceSchema: Migration = {
  name: '20261123T1200-salesforce',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable('crm_accounts', {
      id: col.id(),
      sf_id: sfId(),
      name: col.str(255),
      system_modstamp: col.instant(),
      is_deleted: col.flag(false),
      ...stamps(),
    });
    await qi.createTable('crm_opportunities', {
      id: col.id(),
      sf_id: sfId(),
      name: col.str(255),
      account_sf_id: col.str(18, true),
      stage_name: col.str(100),
      is_closed: col.flag(false),
      is_won: col.flag(false),
      amount: col.money(true),
      close_date: col.day(true),
      system_modstamp: col.instant(),
      is_deleted: col.flag(false),
      ...stamps(),
    });
    await qi.addIndex('crm_opportunities', ['account_sf_id'], { name: 'ix_crm_opportunity_account' });
    await qi.createTable('crm_deal_registrations', {
      id: col.id(),
      sf_id: sfId(),
      name: col.str(255),
      end_customer_sf_id: col.str(18, true),
      distributor_name: col.str(255, true),
      opportunity_sf_id: col.str(18, true),
      status: col.str(100, true),
      product_codes: col.text(),
      expires_on: col.day(true),
      system_modstamp: col.instant(),
      is_deleted: col.flag(false),
      ...stamps(),
    });
    await qi.addIndex('crm_deal_registrations', ['end_customer_sf_id'], { name: 'ix_crm_deal_registration_customer' });
    await qi.createTable('crm_sync_runs', {
      id: col.id(),
      trigger: col.str(20),
      status: col.str(20),
      started_at: col.instant(),
      finished_at: col.instant(true),
      counts: col.text(false),
      errors: col.text(false),
      ...stamps(),
    });
    await qi.createTable('crm_sync_state', {
      id: col.id(),
      object_name: { ...col.str(100), unique: true },
      last_modstamp: col.instant(true),
      ...stamps(),
    });
    await qi.createTable('crm_writebacks', {
      id: col.id(),
      request_id: { ...col.ref(), references: { model: 'price_requests', key: 'id' } },
      target_type: col.str(100),
      target_sf_id: col.str(18),
      request_status: col.str(20, true),
      authorization_number: col.str(40, true),
      written_at: col.instant(true),
      last_error: col.text(),
      ...stamps(),
    });
    await qi.addIndex('crm_writebacks', ['request_id', 'target_sf_id'], { unique: true, name: 'uq_crm_writeback_target' });
  },
};
