import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * A session opened from an embed token keeps the scopes its token was issued with (`read`, or
 * `read write`): a channel manager's read-only Lightning panel must not write through its cookie
 * or its bearer, and no embedded session ever holds `admin`. Empty for every other session
 * (password and single sign-on sessions hold every scope; embed sessions opened before this
 * column, all of distributor users, keep `read write`).
 */
export const embedSessionScopesSchema: Migration = {
  name: '20261206T1400-embed-session-scopes',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('sessions', 'scopes', col.str(40, true));
  },
};
