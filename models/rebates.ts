/** Rebate programs' terms, closed periods and their consumptions (issue 16; migration 20261205T1300-rebates). */
import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps, type DbMoney } from './define.js';

export class RebateProgram extends Model<InferAttributes<RebateProgram>, InferCreationAttributes<RebateProgram>> {
  declare id: CreationOptional<number>;
  declare programId: number;
  /** core/rebates/terms.ts RebateTerms, as JSON */
  declare terms: string;
  declare periodKind: string;
  declare stacking: string;
  declare priority: number;
  declare updatedByUserId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** The terms of a rebate program from `effectiveFrom` on (migration 20261208T1100-rebate-terms-versions); only added. */
export class RebateTermsVersion extends Model<InferAttributes<RebateTermsVersion>, InferCreationAttributes<RebateTermsVersion>> {
  declare id: CreationOptional<number>;
  declare programId: number;
  declare terms: string;
  declare periodKind: string;
  declare stacking: string;
  declare priority: number;
  declare effectiveFrom: Date;
  declare changedByUserId: number;
}

export class RebatePeriod extends Model<InferAttributes<RebatePeriod>, InferCreationAttributes<RebatePeriod>> {
  declare id: CreationOptional<number>;
  declare programId: number;
  declare distributorId: number;
  declare periodFrom: string;
  declare periodTo: string;
  declare currency: string;
  declare status: 'closed' | 'authorized' | 'paid';
  /** the terms and stacking rule the period was closed under (a later change of the program leaves it as it was) */
  declare terms: string;
  declare stacking: string;
  /** the frozen calculation (core/rebates/calculate.ts RebateResult without its list of counted keys), as JSON */
  declare result: string;
  declare lineCount: number;
  declare totalQuantity: number;
  declare totalRevenue: DbMoney;
  declare calculatedAmount: DbMoney;
  declare amount: DbMoney;
  declare adjustmentReason: string | null;
  declare closedByUserId: number;
  declare closedAt: Date;
  declare adjustedByUserId: number | null;
  declare adjustedAt: Date | null;
  declare authorizedByUserId: number | null;
  declare authorizedAt: Date | null;
  declare paidByUserId: number | null;
  declare paidAt: Date | null;
  declare creditMemoNumber: string | null;
  declare externalRef: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class RebateConsumption extends Model<InferAttributes<RebateConsumption>, InferCreationAttributes<RebateConsumption>> {
  declare id: CreationOptional<number>;
  declare rebatePeriodId: number;
  declare programId: number;
  declare distributorId: number;
  declare posLineId: number;
  declare invoiceKey: string;
  declare lineKey: string;
  declare stacking: string;
  /** 1 for an exclusive program, null otherwise: the unique key lets one exclusive program count a sale */
  declare exclusive: number | null;
  declare quantity: number;
  declare amount: DbMoney;
  declare createdAt: Date;
}

/** A line of the vendor's shipment to a distributor (sell-in): what a sell-in rebate program counts. */
export class Shipment extends Model<InferAttributes<Shipment>, InferCreationAttributes<Shipment>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  /** the vendor's invoice or delivery number; with `lineNumber`, unique per distributor */
  declare documentNumber: string;
  declare lineNumber: string;
  declare shipDate: string;
  declare productId: number;
  /** units; negative for a return */
  declare quantity: number;
  /** the line's invoiced value (negative for a return) */
  declare amount: DbMoney;
  declare currency: string;
  declare loadedByUserId: number;
  declare createdAt: CreationOptional<Date>;
}

export function initRebateModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  RebateProgram.init(
    {
      id: col.id(),
      programId: { ...col.ref(), unique: true },
      terms: col.text(false),
      periodKind: col.str(10),
      stacking: col.str(20),
      priority: col.int(false, 100),
      updatedByUserId: col.ref(),
      ...stamps(),
    },
    { ...common, tableName: 'rebate_programs' },
  );
  RebateTermsVersion.init(
    {
      id: col.id(),
      programId: col.ref(),
      terms: col.text(false),
      periodKind: col.str(10),
      stacking: col.str(20),
      priority: col.int(false, 100),
      effectiveFrom: col.instant(),
      changedByUserId: col.ref(),
    },
    { ...common, tableName: 'rebate_terms_versions', timestamps: false },
  );
  RebatePeriod.init(
    {
      id: col.id(),
      programId: col.ref(),
      distributorId: col.ref(),
      periodFrom: col.day(),
      periodTo: col.day(),
      currency: col.str(3),
      status: col.str(12),
      terms: col.text(false),
      stacking: col.str(20),
      result: col.text(false),
      lineCount: col.int(),
      totalQuantity: col.int(),
      totalRevenue: col.money(),
      calculatedAmount: col.money(),
      amount: col.money(),
      adjustmentReason: col.text(true),
      closedByUserId: col.ref(),
      closedAt: col.instant(),
      adjustedByUserId: col.ref(true),
      adjustedAt: col.instant(true),
      authorizedByUserId: col.ref(true),
      authorizedAt: col.instant(true),
      paidByUserId: col.ref(true),
      paidAt: col.instant(true),
      creditMemoNumber: col.str(40, true),
      externalRef: col.str(64, true),
      ...stamps(),
    },
    { ...common, tableName: 'rebate_periods' },
  );
  RebateConsumption.init(
    {
      id: col.id(),
      rebatePeriodId: col.ref(),
      programId: col.ref(),
      distributorId: col.ref(),
      posLineId: col.ref(),
      invoiceKey: col.str(64),
      lineKey: col.str(40),
      stacking: col.str(20),
      exclusive: col.int(true),
      quantity: col.int(),
      amount: col.money(),
      createdAt: col.instant(),
    },
    { ...common, tableName: 'rebate_consumptions', updatedAt: false },
  );
  Shipment.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      documentNumber: col.str(40),
      lineNumber: col.str(20),
      shipDate: col.day(),
      productId: col.ref(),
      quantity: col.int(),
      amount: col.money(),
      currency: col.str(3),
      loadedByUserId: col.ref(),
      createdAt: col.instant(),
    },
    { ...common, tableName: 'shipments', updatedAt: false },
  );
}
