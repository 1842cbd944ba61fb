import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { ProgramType } from '../core/domain.js';
import { col, stamps, type DbMoney } from './define.js';

/**
 * An offer the vendor configures. Eligibility lists are JSON text (empty = everyone):
 * JSON text rather than a JSON column because MariaDB returns JSON columns as strings through mysql2.
 */
export class Program extends Model<InferAttributes<Program>, InferCreationAttributes<Program>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare type: ProgramType;
  declare status: 'active' | 'inactive';
  declare startDate: string;
  declare endDate: string;
  declare productIds: string;
  declare distributorIds: string;
  declare endCustomerIds: string;
  declare quantityCap: number | null;
  declare priceFloor: DbMoney | null;
  declare requiredClaimFields: string;
  declare createdByUserId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initProgramModels(sequelize: Sequelize) {
  Program.init(
    {
      id: col.id(),
      code: { ...col.str(40), unique: true },
      name: col.str(200),
      type: col.str(20),
      status: col.str(20),
      startDate: col.day(),
      endDate: col.day(),
      productIds: col.text(false),
      distributorIds: col.text(false),
      endCustomerIds: col.text(false),
      quantityCap: col.int(true),
      priceFloor: col.money(true),
      requiredClaimFields: col.text(false),
      createdByUserId: col.ref(),
      ...stamps(),
    },
    { sequelize, underscored: true, tableName: 'programs' },
  );
}
