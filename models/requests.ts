import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { RequestStatus } from '../core/domain.js';
import { col, stamps, type DbMoney } from './define.js';

/** A distributor's request for a special price on some SKUs for one end customer. */
export class PriceRequest extends Model<InferAttributes<PriceRequest>, InferCreationAttributes<PriceRequest>> {
  declare id: CreationOptional<number>;
  declare number: string;
  declare programId: number;
  declare distributorId: number;
  declare resellerId: number | null;
  declare endCustomerId: number;
  declare requestedByUserId: number;
  declare status: RequestStatus;
  declare validFrom: string;
  declare validTo: string;
  declare opportunityRef: string | null;
  declare dealRegistrationRef: string | null;
  declare justification: string | null;
  declare decisionComment: string | null;
  declare decidedByUserId: number | null;
  declare decidedAt: Date | null;
  declare authorizationId: number | null;
  /** the program's version in force when the request was made (program_versions) */
  declare programVersion: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class PriceRequestLine extends Model<InferAttributes<PriceRequestLine>, InferCreationAttributes<PriceRequestLine>> {
  declare id: CreationOptional<number>;
  declare requestId: number;
  declare productId: number;
  declare quantity: number;
  declare requestedCost: DbMoney;
  declare counterCost: DbMoney | null;
  declare counterQuantity: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initRequestModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  PriceRequest.init(
    {
      id: col.id(),
      number: { ...col.str(40), unique: true },
      programId: col.ref(),
      distributorId: col.ref(),
      resellerId: col.ref(true),
      endCustomerId: col.ref(),
      requestedByUserId: col.ref(),
      status: col.str(20),
      validFrom: col.day(),
      validTo: col.day(),
      opportunityRef: col.str(64, true),
      dealRegistrationRef: col.str(64, true),
      justification: col.text(),
      decisionComment: col.text(),
      decidedByUserId: col.ref(true),
      decidedAt: col.instant(true),
      authorizationId: col.ref(true),
      programVersion: col.int(true),
      ...stamps(),
    },
    { ...common, tableName: 'price_requests' },
  );
  PriceRequestLine.init(
    {
      id: col.id(),
      requestId: col.ref(),
      productId: col.ref(),
      quantity: col.int(),
      requestedCost: col.money(),
      counterCost: col.money(true),
      counterQuantity: col.int(true),
      ...stamps(),
    },
    { ...common, tableName: 'price_request_lines' },
  );
}
