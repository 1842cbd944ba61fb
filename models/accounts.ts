import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { AccountType, Role } from '../core/domain.js';
import { col, stamps } from './define.js';

/** A company: the vendor, a distributor, a reseller or an end customer. */
export class Account extends Model<InferAttributes<Account>, InferCreationAttributes<Account>> {
  declare id: CreationOptional<number>;
  declare type: AccountType;
  declare name: string;
  declare externalRef: string | null;
  declare country: string | null;
  /** a distributor's currency (ISO 4217): its book costs, authorizations and claims are in it; null for other accounts */
  declare currency: CreationOptional<string | null>;
  /** a sales region (a distributor's, above all) */
  declare region: CreationOptional<string | null>;
  /** the CRM's id of the company (a Salesforce Account id) */
  declare crmId: CreationOptional<string | null>;
  /** set once this account was merged into another (the survivor); it is kept for the audit trail */
  declare mergedIntoId: CreationOptional<number | null>;
  declare mergedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A person to reach at a distributor (claims, pricing, finance). */
export class DistributorContact extends Model<InferAttributes<DistributorContact>, InferCreationAttributes<DistributorContact>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare name: string;
  declare email: string;
  declare role: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A person who signs in. Distributor users belong to exactly one distributor account. */
export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare name: string;
  declare role: Role;
  declare distributorId: number | null;
  /** scrypt hash; null for users who only sign in through single sign-on. */
  declare passwordHash: string | null;
  declare active: CreationOptional<boolean>;
  /** when an admin invited the user (null for users made otherwise) */
  declare invitedAt: CreationOptional<Date | null>;
  /** SHA-256 of the one-time invitation token, and when it expires; both null once accepted */
  declare invitationTokenHash: CreationOptional<string | null>;
  declare invitationExpiresAt: CreationOptional<Date | null>;
  /** the identity provider's id of the user (SCIM externalId) */
  declare externalId: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** An external identity (a SAML NameID from an identity provider) attached to a user. */
export class UserIdentity extends Model<InferAttributes<UserIdentity>, InferCreationAttributes<UserIdentity>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare provider: string;
  declare subject: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initAccountModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  Account.init(
    {
      id: col.id(),
      type: col.str(20),
      name: col.str(200),
      externalRef: col.str(64, true),
      country: col.str(2, true),
      currency: col.str(3, true),
      region: col.str(60, true),
      crmId: col.str(64, true),
      mergedIntoId: col.ref(true),
      mergedAt: col.instant(true),
      ...stamps(),
    },
    { ...common, tableName: 'accounts' },
  );
  DistributorContact.init(
    { id: col.id(), distributorId: col.ref(), name: col.str(200), email: col.str(200), role: col.str(100, true), ...stamps() },
    { ...common, tableName: 'distributor_contacts' },
  );
  User.init(
    {
      id: col.id(),
      email: { ...col.str(200), unique: true },
      name: col.str(200),
      role: col.str(30),
      distributorId: col.ref(true),
      passwordHash: col.str(255, true),
      active: col.flag(true),
      invitedAt: col.instant(true),
      invitationTokenHash: col.str(64, true),
      invitationExpiresAt: col.instant(true),
      externalId: col.str(255, true),
      ...stamps(),
    },
    { ...common, tableName: 'users' },
  );
  UserIdentity.init(
    {
      id: col.id(),
      userId: col.ref(),
      provider: col.str(100),
      subject: col.str(255),
      ...stamps(),
    },
    { ...common, tableName: 'user_identities' },
  );
}
