import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * Users administered from the API and provisioned by an identity provider (issue 15 item 3). An
 * invited user waits inactive until it accepts: only the SHA-256 of its one-time invitation token
 * is kept, with the token's expiry. `external_id` is the identity provider's own id of the user
 * (SCIM `externalId`).
 */
export const usersAdminSchema: Migration = {
  name: '20261203T2100-users-admin',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('users', 'invited_at', col.instant(true));
    await qi.addColumn('users', 'invitation_token_hash', col.str(64, true));
    await qi.addColumn('users', 'invitation_expires_at', col.instant(true));
    await qi.addColumn('users', 'external_id', col.str(255, true));
    await qi.addIndex('users', ['invitation_token_hash'], { unique: true, name: 'users_invitation_token_hash' });
    await qi.addIndex('users', ['external_id'], { name: 'users_external_id' });
  },
};
