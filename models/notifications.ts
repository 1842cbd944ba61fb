/** Notifications (issue 15 item 7): the in-app inbox, preferences, and outbound webhooks with their delivery log. */
import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps } from './define.js';

/** One event told to one user: an inbox entry (when `inApp`) and, by `emailState`, an e-mail sent or waiting for the digest. */
export class Notification extends Model<InferAttributes<Notification>, InferCreationAttributes<Notification>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare distributorId: number | null;
  declare event: string;
  declare entityType: string;
  declare entityId: string;
  declare title: string;
  declare body: string;
  declare inApp: boolean;
  declare readAt: CreationOptional<Date | null>;
  /** null: no e-mail; 'digest': waits for the daily digest; 'sent' / 'failed': an e-mail went (or could not) */
  declare emailState: string | null;
  declare emailedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** How a user hears of one kind of event; no row: the defaults (in the inbox, by the daily digest). */
export class NotificationPreference extends Model<
  InferAttributes<NotificationPreference>,
  InferCreationAttributes<NotificationPreference>
> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare event: string;
  declare inApp: boolean;
  /** 'off', 'instant' or 'digest' */
  declare email: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A URL an admin registered to receive events, signed with its secret. */
export class WebhookEndpoint extends Model<InferAttributes<WebhookEndpoint>, InferCreationAttributes<WebhookEndpoint>> {
  declare id: CreationOptional<number>;
  declare url: string;
  declare description: string | null;
  /** JSON array of event names */
  declare events: string;
  declare secret: string;
  declare active: CreationOptional<boolean>;
  declare createdByUserId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** One event sent to one endpoint (or a replay of an earlier one): 'pending', 'succeeded' or 'failed'. */
export class WebhookDelivery extends Model<InferAttributes<WebhookDelivery>, InferCreationAttributes<WebhookDelivery>> {
  declare id: CreationOptional<number>;
  declare endpointId: number;
  declare event: string;
  declare eventId: string;
  /** the exact body sent (and signed) */
  declare payload: string;
  declare status: string;
  declare attempts: CreationOptional<number>;
  declare lastStatusCode: CreationOptional<number | null>;
  declare lastError: CreationOptional<string | null>;
  declare deliveredAt: CreationOptional<Date | null>;
  declare replayOfId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** One HTTP attempt of a delivery: the delivery log. */
export class WebhookDeliveryAttempt extends Model<
  InferAttributes<WebhookDeliveryAttempt>,
  InferCreationAttributes<WebhookDeliveryAttempt>
> {
  declare id: CreationOptional<number>;
  declare deliveryId: number;
  declare attempt: number;
  declare attemptedAt: Date;
  declare statusCode: number | null;
  declare error: string | null;
  declare durationMs: number;
}

export function initNotificationModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  Notification.init(
    {
      id: col.id(),
      userId: col.ref(),
      distributorId: col.ref(true),
      event: col.str(40),
      entityType: col.str(40),
      entityId: col.str(64),
      title: col.str(200),
      body: col.text(false),
      inApp: col.flag(true),
      readAt: col.instant(true),
      emailState: col.str(10, true),
      emailedAt: col.instant(true),
      ...stamps(),
    },
    { ...common, tableName: 'notifications' },
  );
  NotificationPreference.init(
    { id: col.id(), userId: col.ref(), event: col.str(40), inApp: col.flag(true), email: col.str(10), ...stamps() },
    { ...common, tableName: 'notification_preferences' },
  );
  WebhookEndpoint.init(
    {
      id: col.id(),
      url: col.str(2000),
      description: col.str(200, true),
      events: col.text(false),
      secret: col.str(100),
      active: col.flag(true),
      createdByUserId: col.ref(),
      ...stamps(),
    },
    { ...common, tableName: 'webhook_endpoints' },
  );
  WebhookDelivery.init(
    {
      id: col.id(),
      endpointId: col.ref(),
      event: col.str(40),
      eventId: col.str(36),
      payload: col.text(false),
      status: col.str(12),
      attempts: col.int(false, 0),
      lastStatusCode: col.int(true),
      lastError: col.str(500, true),
      deliveredAt: col.instant(true),
      replayOfId: col.ref(true),
      ...stamps(),
    },
    { ...common, tableName: 'webhook_deliveries' },
  );
  WebhookDeliveryAttempt.init(
    {
      id: col.id(),
      deliveryId: col.ref(),
      attempt: col.int(),
      attemptedAt: col.instant(),
      statusCode: col.int(true),
      error: col.str(500, true),
      durationMs: col.int(),
    },
    { ...common, tableName: 'webhook_delivery_attempts', timestamps: false },
  );
}
