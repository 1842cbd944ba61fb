import { randomBytes } from 'node:crypto';
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps } from './define.js';

/** A cookie session, stored in the database so several server processes share it. `id` is the SHA-256 of the cookie value. */
export class Session extends Model<InferAttributes<Session>, InferCreationAttributes<Session>> {
  declare id: string;
  /**
   * Its public name (migration 20261214T1000): 16 random bytes in hex, drawn when the row is
   * created and unrelated to the cookie. An embed token and the embed session a session asked for
   * name their issuer by it, so neither carries anything derived from the cookie.
   */
  declare reference: CreationOptional<string>;
  declare userId: number;
  declare csrfToken: string;
  declare expiresAt: Date;
  /** how it was opened: 'password', 'saml' or 'embed' (an embed session cannot mint API tokens) */
  declare method: CreationOptional<string>;
  /** a session opened by SSO: the identity provider (its name) and the assertion's SessionIndex, for IdP-initiated logout */
  declare ssoIdpName: CreationOptional<string | null>;
  declare ssoSessionIndex: CreationOptional<string | null>;
  declare ssoNameId: CreationOptional<string | null>;
  declare ssoNameIdFormat: CreationOptional<string | null>;
  /** an embed session's scopes, space-separated (`read`, `read write`); null for every other session */
  declare scopes: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A bearer API token; only its SHA-256 is stored. */
export class ApiToken extends Model<InferAttributes<ApiToken>, InferCreationAttributes<ApiToken>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare name: string;
  declare tokenHash: string;
  declare scopes: string;
  declare expiresAt: Date | null;
  declare revokedAt: Date | null;
  declare lastUsedAt: Date | null;
  /** the token that minted it: it dies with its parent */
  declare parentTokenId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** The first response to a POST carrying an Idempotency-Key, replayed on retries. */
export class IdempotencyRecord extends Model<InferAttributes<IdempotencyRecord>, InferCreationAttributes<IdempotencyRecord>> {
  declare id: CreationOptional<number>;
  declare scope: string;
  declare idemKey: string;
  declare method: string;
  declare path: string;
  declare fingerprint: string;
  declare statusCode: number | null;
  declare responseBody: string | null;
  /** the first answer's Location header (migration 20261214T1100), sent again with the replay */
  declare responseLocation: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** The append-only audit trail: triggers refuse UPDATE and DELETE on this table. */
export class AuditEvent extends Model<InferAttributes<AuditEvent>, InferCreationAttributes<AuditEvent>> {
  declare id: CreationOptional<number>;
  declare occurredAt: Date;
  declare actorUserId: number | null;
  declare actorRole: string | null;
  /** migration 20261211T1100: whoever opened the actor's embed session for it, when another user */
  declare viaUserId: CreationOptional<number | null>;
  declare action: string;
  declare entityType: string;
  declare entityId: string;
  declare distributorId: number | null;
  declare before: string | null;
  declare after: string | null;
  declare reason: string | null;
  declare requestId: string | null;
}

/** A session's public reference: random, so nothing about its cookie can be learnt from it. */
export const newSessionReference = () => randomBytes(16).toString('hex');

export function initPlatformModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  Session.init(
    {
      id: { ...col.str(64), primaryKey: true },
      reference: { ...col.str(32), unique: 'uq_session_reference', defaultValue: newSessionReference },
      userId: col.ref(),
      csrfToken: col.str(64),
      expiresAt: col.instant(),
      method: { ...col.str(10), defaultValue: 'password' },
      ssoIdpName: col.str(100, true),
      ssoSessionIndex: col.str(255, true),
      ssoNameId: col.str(255, true),
      ssoNameIdFormat: col.str(255, true),
      scopes: col.str(40, true),
      ...stamps(),
    },
    { ...common, tableName: 'sessions' },
  );
  ApiToken.init(
    {
      id: col.id(),
      userId: col.ref(),
      name: col.str(100),
      tokenHash: { ...col.str(64), unique: true },
      scopes: col.text(false),
      expiresAt: col.instant(true),
      revokedAt: col.instant(true),
      lastUsedAt: col.instant(true),
      parentTokenId: col.ref(true),
      ...stamps(),
    },
    { ...common, tableName: 'api_tokens' },
  );
  IdempotencyRecord.init(
    {
      id: col.id(),
      scope: col.str(64),
      idemKey: col.str(255),
      method: col.str(10),
      path: col.str(255),
      fingerprint: col.str(64),
      statusCode: col.int(true),
      responseBody: { type: sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('long'), allowNull: true },
      responseLocation: col.str(2048, true),
      ...stamps(),
    },
    { ...common, tableName: 'idempotency_records' },
  );
  AuditEvent.init(
    {
      id: col.id(),
      occurredAt: col.instant(),
      actorUserId: col.ref(true),
      actorRole: col.str(30, true),
      viaUserId: col.ref(true),
      action: col.str(60),
      entityType: col.str(40),
      entityId: col.str(64),
      distributorId: col.ref(true),
      before: col.text(),
      after: col.text(),
      reason: col.text(),
      requestId: col.str(64, true),
    },
    { ...common, tableName: 'audit_events', timestamps: false },
  );
}
