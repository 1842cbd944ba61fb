import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps, type DbMoney } from './define.js';

export type AuthorizationStatus = 'active' | 'expired' | 'revoked' | 'superseded' | 'cancelled';
export type AuthorizationChange = 'created' | 'amended' | 'extended' | 'cancelled';

/**
 * An approved special price: the ship & debit number a distributor quotes on its claims.
 * `number` is human-readable and random (never an auto-increment); (number, version) is unique.
 */
export class Authorization extends Model<InferAttributes<Authorization>, InferCreationAttributes<Authorization>> {
  declare id: CreationOptional<number>;
  declare number: string;
  declare version: number;
  declare distributorId: number;
  declare programId: number;
  declare requestId: number | null;
  declare endCustomerId: number | null;
  declare status: AuthorizationStatus;
  declare validFrom: string;
  declare validTo: string;
  /** the close date of its Salesforce opportunity once lost: sales invoiced after it are refused (AUTH_CLOSED_LOST) */
  declare closedLostOn: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** One SKU of an authorization. consumed_quantity never exceeds approved_quantity (a CHECK enforces it). */
export class AuthorizationLine extends Model<InferAttributes<AuthorizationLine>, InferCreationAttributes<AuthorizationLine>> {
  declare id: CreationOptional<number>;
  declare authorizationId: number;
  declare productId: number;
  declare endCustomerId: number | null;
  declare authorizedCost: DbMoney;
  declare approvedQuantity: number;
  declare consumedQuantity: CreationOptional<number>;
  declare validFrom: string;
  declare validTo: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** One version of an authorization, in force from `effectiveFrom` until the next version's. */
export class AuthorizationVersion extends Model<InferAttributes<AuthorizationVersion>, InferCreationAttributes<AuthorizationVersion>> {
  declare id: CreationOptional<number>;
  declare authorizationId: number;
  declare version: number;
  declare changeKind: AuthorizationChange;
  declare effectiveFrom: string;
  declare validFrom: string;
  declare validTo: string;
  /** the request (or change request) that made it */
  declare requestId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A line's cost and quantity in one version. */
export class AuthorizationVersionLine extends Model<
  InferAttributes<AuthorizationVersionLine>,
  InferCreationAttributes<AuthorizationVersionLine>
> {
  declare id: CreationOptional<number>;
  declare versionId: number;
  declare authorizationLineId: number;
  declare authorizedCost: DbMoney;
  declare approvedQuantity: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initAuthorizationModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  Authorization.init(
    {
      id: col.id(),
      number: col.str(40),
      version: col.int(),
      distributorId: col.ref(),
      programId: col.ref(),
      requestId: col.ref(true),
      endCustomerId: col.ref(true),
      status: col.str(20),
      validFrom: col.day(),
      validTo: col.day(),
      closedLostOn: col.day(true),
      ...stamps(),
    },
    { ...common, tableName: 'authorizations' },
  );
  AuthorizationLine.init(
    {
      id: col.id(),
      authorizationId: col.ref(),
      productId: col.ref(),
      endCustomerId: col.ref(true),
      authorizedCost: col.money(),
      approvedQuantity: col.int(),
      consumedQuantity: col.int(false, 0),
      validFrom: col.day(),
      validTo: col.day(),
      ...stamps(),
    },
    { ...common, tableName: 'authorization_lines' },
  );
  AuthorizationVersion.init(
    {
      id: col.id(),
      authorizationId: col.ref(),
      version: col.int(),
      changeKind: col.str(10),
      effectiveFrom: col.day(),
      validFrom: col.day(),
      validTo: col.day(),
      requestId: col.ref(true),
      ...stamps(),
    },
    { ...common, tableName: 'authorization_versions' },
  );
  AuthorizationVersionLine.init(
    {
      id: col.id(),
      versionId: col.ref(),
      authorizationLineId: col.ref(),
      authorizedCost: col.money(),
      approvedQuantity: col.int(),
      ...stamps(),
    },
    { ...common, tableName: 'authorization_version_lines' },
  );
}
