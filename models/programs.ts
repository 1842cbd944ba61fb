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
  /** JSON list of product families whose products are eligible (beside productIds); null = none */
  declare productFamilies: string | null;
  /** JSON list of ISO country codes the end customer must be in (the region); null = any */
  declare endCustomerCountries: string | null;
  /** days after the invoice date a claim line may still be submitted; null = no deadline */
  declare claimFilingWindowDays: number | null;
  /** the version in force; raised when a program with requests changes (program_versions) */
  declare version: CreationOptional<number>;
  declare createdByUserId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/**
 * One version of a program's rules: a JSON snapshot of the program as it stood from
 * `effectiveFrom` until the next version's. Versions are only added, never changed.
 */
export class ProgramVersion extends Model<InferAttributes<ProgramVersion>, InferCreationAttributes<ProgramVersion>> {
  declare id: CreationOptional<number>;
  declare programId: number;
  declare version: number;
  declare effectiveFrom: Date;
  declare snapshot: string;
  declare changedByUserId: number;
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
      productFamilies: col.text(true),
      endCustomerCountries: col.text(true),
      claimFilingWindowDays: col.int(true),
      version: col.int(false, 1),
      createdByUserId: col.ref(),
      ...stamps(),
    },
    { sequelize, underscored: true, tableName: 'programs' },
  );
  ProgramVersion.init(
    {
      id: col.id(),
      programId: col.ref(),
      version: col.int(),
      effectiveFrom: col.instant(),
      snapshot: col.text(false),
      changedByUserId: col.ref(),
      ...stamps(),
    },
    { sequelize, underscored: true, tableName: 'program_versions' },
  );
}
