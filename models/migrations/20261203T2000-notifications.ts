import { col } from '../define.js';
import type { Migration } from './types.js';

const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });
const ref = (table: string, allowNull = false) => ({ ...col.ref(allowNull), references: { model: table, key: 'id' } });

/**
 * Notifications (issue 15 item 7): each user's in-app inbox (a row per event and recipient, also
 * the queue of the daily e-mail digest), each user's preferences per event, and outbound webhooks:
 * endpoints an admin registers, one delivery per event and endpoint, and each attempt of it.
 */
export const notificationsSchema: Migration = {
  name: '20261203T2000-notifications',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable('notifications', {
      id: col.id(),
      user_id: ref('users'),
      distributor_id: ref('accounts', true),
      event: col.str(40),
      entity_type: col.str(40),
      entity_id: col.str(64),
      title: col.str(200),
      body: col.text(false),
      in_app: col.flag(true),
      read_at: col.instant(true),
      email_state: col.str(10, true),
      emailed_at: col.instant(true),
      ...stamps(),
    });
    await qi.addIndex('notifications', ['user_id', 'in_app', 'read_at', 'id'], { name: 'notifications_inbox' });
    await qi.addIndex('notifications', ['email_state', 'created_at'], { name: 'notifications_email_state' });

    await qi.createTable('notification_preferences', {
      id: col.id(),
      user_id: ref('users'),
      event: col.str(40),
      in_app: col.flag(true),
      email: col.str(10),
      ...stamps(),
    });
    await qi.addIndex('notification_preferences', ['user_id', 'event'], { unique: true, name: 'notification_preferences_user_event' });

    await qi.createTable('webhook_endpoints', {
      id: col.id(),
      url: col.str(2000),
      description: col.str(200, true),
      events: col.text(false),
      secret: col.str(100),
      active: col.flag(true),
      created_by_user_id: ref('users'),
      ...stamps(),
    });
    await qi.createTable('webhook_deliveries', {
      id: col.id(),
      endpoint_id: ref('webhook_endpoints'),
      event: col.str(40),
      event_id: col.str(36),
      payload: col.text(false),
      status: col.str(12),
      attempts: col.int(false, 0),
      last_status_code: col.int(true),
      last_error: col.str(500, true),
      delivered_at: col.instant(true),
      replay_of_id: ref('webhook_deliveries', true),
      ...stamps(),
    });
    await qi.addIndex('webhook_deliveries', ['endpoint_id', 'id'], { name: 'webhook_deliveries_endpoint' });
    await qi.createTable('webhook_delivery_attempts', {
      id: col.id(),
      delivery_id: ref('webhook_deliveries'),
      attempt: col.int(),
      attempted_at: col.instant(),
      status_code: col.int(true),
      error: col.str(500, true),
      duration_ms: col.int(),
    });
    await qi.addIndex('webhook_delivery_attempts', ['delivery_id', 'attempt'], { name: 'webhook_delivery_attempts_delivery' });
  },
};
