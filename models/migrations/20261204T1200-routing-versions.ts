import { col } from '../define.js';
import { rebuildWithExactMoney } from './20261201T1000-exact-money-sqlite.js';
import type { Migration } from './types.js';

const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });
const ref = (table: string, allowNull = false) => ({ ...col.ref(allowNull), references: { model: table, key: 'id' } });

/**
 * Approval routing and authorization changes (issue 15 items 4 and 5).
 *
 * - `routing_rules`: an admin's rules (scope, thresholds, levels and escalation as JSON);
 *   `approval_delegations`: who acts for whom while away; `request_approvals`: each approval given
 *   at a level. A routed request keeps a copy of its rule's levels (`routing`), so editing a rule
 *   never changes a request already on its way, and where it stands (`current_level`,
 *   `level_started_at`, `escalated_level`).
 * - A change request is a price request with `change_of_authorization_id`, `change_kind`
 *   (amend, extend, cancel) and `effective_from`; each of its lines names the authorization line it
 *   changes (`price_request_lines.authorization_line_id`).
 * - `authorization_versions` (+ lines): each version of an authorization with the day it takes
 *   effect; the engine validates a claim line against the version in force on its invoice date.
 *   Every existing authorization gets its version 1 here.
 */
export const routingVersionsSchema: Migration = {
  name: '20261204T1200-routing-versions',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.createTable('routing_rules', {
      id: col.id(),
      name: col.str(120),
      priority: col.int(false, 100),
      active: col.flag(true),
      program_id: ref('programs', true),
      distributor_id: ref('accounts', true),
      min_value: col.money(true),
      min_margin_impact: col.money(true),
      min_discount_percent: col.money(true),
      match: col.str(3),
      levels: col.text(false),
      escalation: col.text(true),
      created_by_user_id: ref('users'),
      ...stamps(),
    });
    await qi.createTable('approval_delegations', {
      id: col.id(),
      user_id: ref('users'),
      delegate_user_id: ref('users'),
      from_date: col.day(),
      to_date: col.day(),
      created_by_user_id: ref('users'),
      ...stamps(),
    });
    await qi.addIndex('approval_delegations', ['delegate_user_id', 'to_date'], { name: 'approval_delegations_delegate' });
    await qi.createTable('request_approvals', {
      id: col.id(),
      request_id: ref('price_requests'),
      level: col.int(),
      approver_index: col.int(),
      user_id: ref('users'),
      on_behalf_of_user_id: ref('users', true),
      ...stamps(),
    });
    await qi.addIndex('request_approvals', ['request_id', 'level', 'user_id'], { unique: true, name: 'request_approvals_once' });

    await qi.addColumn('price_requests', 'routing_rule_id', col.ref(true));
    await qi.addColumn('price_requests', 'routing', col.text(true));
    await qi.addColumn('price_requests', 'current_level', col.int(true));
    await qi.addColumn('price_requests', 'level_started_at', col.instant(true));
    await qi.addColumn('price_requests', 'escalated_level', col.int(true));
    await qi.addColumn('price_requests', 'change_of_authorization_id', col.ref(true));
    await qi.addColumn('price_requests', 'change_kind', col.str(10, true));
    await qi.addColumn('price_requests', 'effective_from', col.day(true));
    await qi.addColumn('price_request_lines', 'authorization_line_id', col.ref(true));
    await qi.addIndex('price_requests', ['status', 'level_started_at'], { name: 'price_requests_routing_due' });

    await qi.createTable('authorization_versions', {
      id: col.id(),
      authorization_id: ref('authorizations'),
      version: col.int(),
      change_kind: col.str(10),
      effective_from: col.day(),
      valid_from: col.day(),
      valid_to: col.day(),
      request_id: ref('price_requests', true),
      ...stamps(),
    });
    await qi.addIndex('authorization_versions', ['authorization_id', 'version'], { unique: true, name: 'authorization_versions_number' });
    await qi.createTable('authorization_version_lines', {
      id: col.id(),
      version_id: ref('authorization_versions'),
      authorization_line_id: ref('authorization_lines'),
      authorized_cost: col.money(),
      approved_quantity: col.int(),
      ...stamps(),
    });
    await qi.addIndex('authorization_version_lines', ['authorization_line_id'], { name: 'authorization_version_lines_line' });

    if (sequelize.getDialect() === 'sqlite') {
      await rebuildWithExactMoney(sequelize, 'routing_rules', ['min_value', 'min_margin_impact', 'min_discount_percent']);
      await rebuildWithExactMoney(sequelize, 'authorization_version_lines', ['authorized_cost']);
    }

    // Version 1 of every authorization issued so far: as it stands.
    await sequelize.query(
      `INSERT INTO authorization_versions (authorization_id, version, change_kind, effective_from, valid_from, valid_to, request_id, created_at, updated_at)
       SELECT id, version, 'created', valid_from, valid_from, valid_to, request_id, created_at, created_at FROM authorizations`,
    );
    await sequelize.query(
      `INSERT INTO authorization_version_lines (version_id, authorization_line_id, authorized_cost, approved_quantity, created_at, updated_at)
       SELECT v.id, l.id, l.authorized_cost, l.approved_quantity, l.created_at, l.created_at
         FROM authorization_lines l JOIN authorization_versions v ON v.authorization_id = l.authorization_id`,
    );
  },
};
