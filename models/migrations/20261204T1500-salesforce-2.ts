import { col } from '../define.js';
import type { Migration } from './types.js';

const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });

/**
 * Salesforce, second round: accounts matched by Id or a configured external id field (and the
 * decisions on name suggestions), the opportunity's currency, the closed-lost date of an
 * authorization (sales invoiced after it are refused), and a sync lock shared by every server process.
 */
export const salesforce2Schema: Migration = {
  name: '20261204T1500-salesforce-2',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('crm_accounts', 'external_id', col.str(255, true));
    await qi.addIndex('crm_accounts', ['external_id'], { name: 'ix_crm_account_external_id' });
    await qi.addColumn('crm_opportunities', 'currency', col.str(3, true));
    await qi.createTable('crm_account_links', {
      id: col.id(),
      account_id: col.ref(),
      sf_id: col.str(18),
      status: col.str(20),
      decided_by_user_id: col.ref(true),
      decided_at: col.instant(),
      ...stamps(),
    });
    await qi.addIndex('crm_account_links', ['account_id', 'sf_id'], { unique: true, name: 'uq_crm_account_link' });
    await qi.createTable('crm_sync_locks', {
      id: col.id(),
      name: { ...col.str(50), unique: true },
      holder: col.str(100),
      expires_at: col.instant(),
      ...stamps(),
    });
    await qi.addColumn('authorizations', 'closed_lost_on', col.day(true));
  },
};
