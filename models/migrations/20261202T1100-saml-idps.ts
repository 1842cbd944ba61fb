import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * Several SAML identity providers (issue 13 item 4). Each has its own certificates, mapping and
 * these switches: whether its attributes may change an existing user's role and distributor
 * (`authoritative`), whether our AuthnRequests to it are signed, whether it must encrypt its
 * assertions, and which roles and distributors it may give at all (`limits`, JSON; null: any). A response is matched to its IdP by its Issuer, so an entity id names one IdP
 * only. An AuthnRequest remembers the IdP it was sent to; a session opened by SSO remembers its
 * IdP, NameID and SessionIndex, so a LogoutRequest from that IdP ends it and our own sign-out
 * can send that IdP a LogoutRequest naming them.
 */
export const samlIdpsSchema: Migration = {
  name: '20261202T1100-saml-idps',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('saml_identity_providers', 'authoritative', col.flag(false));
    await qi.addColumn('saml_identity_providers', 'sign_authn_requests', col.flag(false));
    await qi.addColumn('saml_identity_providers', 'require_encrypted_assertions', col.flag(false));
    await qi.addColumn('saml_identity_providers', 'limits', col.text(true));
    await qi.addIndex('saml_identity_providers', ['entity_id'], { unique: true, name: 'saml_identity_providers_entity_id' });
    await qi.addColumn('saml_requests', 'idp_name', col.str(100, true));
    await qi.addColumn('sessions', 'sso_idp_name', col.str(100, true));
    await qi.addColumn('sessions', 'sso_session_index', col.str(255, true));
    await qi.addColumn('sessions', 'sso_name_id', col.str(255, true));
    await qi.addColumn('sessions', 'sso_name_id_format', col.str(255, true));
    await qi.addIndex('sessions', ['sso_idp_name', 'user_id'], { name: 'sessions_sso_idp_user' });
  },
};
