import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * Salesforce at scale: a write-back failure remembers its error code, the values it tried and
 * whether it is permanent (a validation rule: never retried until the values change or an admin
 * retries it); a Bulk API 2.0 query job in progress is remembered per object (its id, the next
 * result locator, the newest SystemModstamp read) so a run stopped by the org's limits resumes it.
 */
export const salesforceScaleSchema: Migration = {
  name: '20261205T1100-salesforce-scale',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('crm_writebacks', 'error_code', col.str(100, true));
    await qi.addColumn('crm_writebacks', 'failed_values', col.text());
    await qi.addColumn('crm_writebacks', 'permanent', col.flag(false));
    await qi.addColumn('crm_writebacks', 'failed_at', col.instant(true));
    await qi.addColumn('crm_sync_state', 'bulk_job_id', col.str(18, true));
    await qi.addColumn('crm_sync_state', 'bulk_locator', col.str(100, true));
    await qi.addColumn('crm_sync_state', 'bulk_newest', col.instant(true));
  },
};
