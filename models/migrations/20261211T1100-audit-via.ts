import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * The audit names who acted through an embedded session opened for another user: an admin's (or a
 * CRM integration's) API token may ask for an embed token for any user, and what that session does
 * was recorded as the user's alone. `via_user_id` keeps the token's owner beside the actor.
 */
export const auditViaSchema: Migration = {
  name: '20261211T1100-audit-via',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('audit_events', 'via_user_id', col.ref(true));
  },
};
