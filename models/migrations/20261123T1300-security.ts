import { col } from '../define.js';
import type { Migration } from './types.js';

/** SAML request-ID and assertion-ID caches, the identity provider's configuration, embed-token ids. */
export const securitySchema: Migration = {
  name: '20261123T1300-security',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable('saml_requests', {
      id: { ...col.str(100), primaryKey: true },
      issued_at: col.instant(),
      expires_at: col.instant(),
      consumed_at: col.instant(true),
    });
    await qi.createTable('saml_assertions_seen', {
      id: { ...col.str(200), primaryKey: true },
      issuer: col.str(255),
      expires_at: col.instant(),
      created_at: col.instant(),
    });
    await qi.createTable('saml_identity_providers', {
      id: col.id(),
      name: { ...col.str(100), unique: true },
      entity_id: col.str(255),
      sso_url: col.str(1000),
      slo_url: col.str(1000, true),
      certificates: col.text(false),
      attribute_mapping: col.text(false),
      metadata_xml: col.text(true),
      created_at: col.instant(),
      updated_at: col.instant(),
    });
    await qi.createTable('embed_token_uses', {
      jti: { ...col.str(64), primaryKey: true },
      user_id: { ...col.ref(), references: { model: 'users', key: 'id' } },
      expires_at: col.instant(),
      consumed_at: col.instant(),
    });
  },
};
