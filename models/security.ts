import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps } from './define.js';

/**
 * An AuthnRequest we sent to the identity provider. A response is accepted only if its
 * InResponseTo names one of these, unexpired and not yet consumed: shared by every server process.
 */
export class SamlRequest extends Model<InferAttributes<SamlRequest>, InferCreationAttributes<SamlRequest>> {
  declare id: string;
  declare issuedAt: Date;
  declare expiresAt: Date;
  declare consumedAt: Date | null;
  /** the identity provider it was sent to: only that IdP's response may answer it */
  declare idpName: string | null;
}

/** An assertion ID already accepted, kept until the assertion's NotOnOrAfter: a replay is refused. */
export class SamlAssertionSeen extends Model<InferAttributes<SamlAssertionSeen>, InferCreationAttributes<SamlAssertionSeen>> {
  declare id: string;
  declare issuer: string;
  declare expiresAt: Date;
  declare createdAt: CreationOptional<Date>;
}

/** The identity provider's configuration, from its metadata XML or from fields; one row per provider. */
export class SamlIdentityProvider extends Model<InferAttributes<SamlIdentityProvider>, InferCreationAttributes<SamlIdentityProvider>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare entityId: string;
  declare ssoUrl: string;
  declare sloUrl: string | null;
  /** JSON array of PEM certificates (several during a key rollover). */
  declare certificates: string;
  /** JSON: which attributes carry email, name, role and distributor, and how role values map. */
  declare attributeMapping: string;
  declare metadataXml: string | null;
  /** Its attributes may move an existing user to another distributor or raise its role. */
  declare authoritative: CreationOptional<boolean>;
  /** Our AuthnRequests to it are signed (HTTP-Redirect binding, RSA-SHA256). */
  declare signAuthnRequests: CreationOptional<boolean>;
  /** A response whose assertion is not encrypted to our key is refused. */
  declare requireEncryptedAssertions: CreationOptional<boolean>;
  /** JSON `{ roles, distributorIds }`: the only roles and distributors it may give (null: any). */
  declare limits: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** The single-use id (jti) of an embed token, kept until it expires. */
export class EmbedTokenUse extends Model<InferAttributes<EmbedTokenUse>, InferCreationAttributes<EmbedTokenUse>> {
  declare jti: string;
  declare userId: number;
  declare expiresAt: Date;
  declare consumedAt: Date;
}

/**
 * A rate-limit counter (server/http/rate-limit-store.ts) when there is no Redis: hits in the
 * window that ends at `resetAtMs` (epoch milliseconds). Shared by every server process.
 */
export class RateLimitHit extends Model<InferAttributes<RateLimitHit>, InferCreationAttributes<RateLimitHit>> {
  declare counterKey: string;
  declare hits: number;
  declare resetAtMs: number;
}

export function initSecurityModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  SamlRequest.init(
    {
      id: { ...col.str(100), primaryKey: true },
      issuedAt: col.instant(),
      expiresAt: col.instant(),
      consumedAt: col.instant(true),
      idpName: col.str(100, true),
    },
    { ...common, tableName: 'saml_requests', timestamps: false },
  );
  SamlAssertionSeen.init(
    { id: { ...col.str(200), primaryKey: true }, issuer: col.str(255), expiresAt: col.instant(), createdAt: col.instant() },
    { ...common, tableName: 'saml_assertions_seen', updatedAt: false },
  );
  SamlIdentityProvider.init(
    {
      id: col.id(),
      name: { ...col.str(100), unique: true },
      entityId: col.str(255),
      ssoUrl: col.str(1000),
      sloUrl: col.str(1000, true),
      certificates: col.text(false),
      attributeMapping: col.text(false),
      metadataXml: col.text(true),
      authoritative: col.flag(false),
      signAuthnRequests: col.flag(false),
      requireEncryptedAssertions: col.flag(false),
      limits: col.text(true),
      ...stamps(),
    },
    { ...common, tableName: 'saml_identity_providers' },
  );
  EmbedTokenUse.init(
    { jti: { ...col.str(64), primaryKey: true }, userId: col.ref(), expiresAt: col.instant(), consumedAt: col.instant() },
    { ...common, tableName: 'embed_token_uses', timestamps: false },
  );
  RateLimitHit.init(
    {
      counterKey: { ...col.str(255), primaryKey: true },
      hits: col.int(false, 0),
      resetAtMs: { type: DataTypes.BIGINT, allowNull: false },
    },
    { ...common, tableName: 'rate_limit_hits', timestamps: false },
  );
}
