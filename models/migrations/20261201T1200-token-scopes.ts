import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * Credentials that cannot do more than they were given. An API token's scopes (`read`, `write`,
 * `admin`) are checked on every route; a token minted by a token names its parent and dies with
 * it; a session remembers how it was opened, so a session opened from an embed token cannot mint
 * API tokens. Tokens issued before scopes meant anything (`["api"]`, the old default) keep what
 * they could do in practice below administration: `read` and `write`.
 */
export const tokenScopesSchema: Migration = {
  name: '20261201T1200-token-scopes',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.addColumn('api_tokens', 'parent_token_id', { ...col.ref(true), references: { model: 'api_tokens', key: 'id' } });
    await qi.addColumn('sessions', 'method', { ...col.str(10), defaultValue: 'password' });
    await sequelize.query(
      `UPDATE api_tokens SET scopes = '["read","write"]' WHERE scopes NOT LIKE '%"read"%' AND scopes NOT LIKE '%"write"%' AND scopes NOT LIKE '%"admin"%'`,
    );
  },
};
