/** The finance hand-off: account codes, settings, the journal and month closes (issue 16; migration 20261206T1000-finance). */
import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps, type DbMoney } from './define.js';

export class FinanceAccount extends Model<InferAttributes<FinanceAccount>, InferCreationAttributes<FinanceAccount>> {
  declare id: CreationOptional<number>;
  declare programType: string;
  declare expenseAccount: string;
  declare accruedAccount: string;
  declare payableAccount: string;
  declare updatedByUserId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class FinanceSetting extends Model<InferAttributes<FinanceSetting>, InferCreationAttributes<FinanceSetting>> {
  declare id: CreationOptional<number>;
  declare erpReferenceRequired: boolean;
  declare updatedByUserId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class JournalEntry extends Model<InferAttributes<JournalEntry>, InferCreationAttributes<JournalEntry>> {
  declare id: CreationOptional<number>;
  /** core/finance/journal.ts JournalKind */
  declare kind: string;
  /** 'claim' | 'rebate_period' */
  declare sourceType: string;
  declare sourceId: number;
  /** the claim's number, or the rebate period's credit memo number (else `RP-<id>`) */
  declare sourceNumber: string;
  declare distributorId: number;
  declare programType: string | null;
  declare currency: string;
  declare amount: DbMoney;
  /** the day it happened */
  declare eventDay: string;
  /** the day it is posted on: eventDay, or the first day of the first open month after a closed one */
  declare entryDate: string;
  declare month: string;
  declare note: string | null;
  declare creditMemoNumber: string | null;
  declare externalRef: string | null;
  declare createdByUserId: number | null;
  declare createdAt: CreationOptional<Date>;
}

export class JournalLineRow extends Model<InferAttributes<JournalLineRow>, InferCreationAttributes<JournalLineRow>> {
  declare id: CreationOptional<number>;
  declare entryId: number;
  declare account: string;
  declare debit: DbMoney;
  declare credit: DbMoney;
}

export class FinancePeriod extends Model<InferAttributes<FinancePeriod>, InferCreationAttributes<FinancePeriod>> {
  declare id: CreationOptional<number>;
  declare month: string;
  /** 'closed' | 'open' (reopened) */
  declare status: string;
  /** core/finance/journal.ts MonthFigures as JSON, as reported when it was closed */
  declare figures: string | null;
  declare closedByUserId: number | null;
  declare closedAt: Date | null;
  declare reopenedByUserId: number | null;
  declare reopenedAt: Date | null;
  declare reopenReason: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initFinanceModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  FinanceAccount.init(
    {
      id: col.id(),
      programType: { ...col.str(20), unique: true },
      expenseAccount: col.str(40),
      accruedAccount: col.str(40),
      payableAccount: col.str(40),
      updatedByUserId: col.ref(),
      ...stamps(),
    },
    { ...common, tableName: 'finance_accounts' },
  );
  FinanceSetting.init(
    { id: col.id(), erpReferenceRequired: col.flag(false), updatedByUserId: col.ref(true), ...stamps() },
    { ...common, tableName: 'finance_settings' },
  );
  JournalEntry.init(
    {
      id: col.id(),
      kind: col.str(12),
      sourceType: col.str(20),
      sourceId: col.int(),
      sourceNumber: col.str(40),
      distributorId: col.ref(),
      programType: col.str(20, true),
      currency: col.str(3),
      amount: col.money(),
      eventDay: col.day(),
      entryDate: col.day(),
      month: col.str(7),
      note: col.text(true),
      creditMemoNumber: col.str(40, true),
      externalRef: col.str(64, true),
      createdByUserId: col.ref(true),
      createdAt: col.instant(),
    },
    { ...common, tableName: 'journal_entries', updatedAt: false },
  );
  JournalLineRow.init(
    { id: col.id(), entryId: col.ref(), account: col.str(40), debit: col.money(), credit: col.money() },
    { ...common, tableName: 'journal_lines', timestamps: false },
  );
  FinancePeriod.init(
    {
      id: col.id(),
      month: { ...col.str(7), unique: true },
      status: col.str(10),
      figures: col.text(true),
      closedByUserId: col.ref(true),
      closedAt: col.instant(true),
      reopenedByUserId: col.ref(true),
      reopenedAt: col.instant(true),
      reopenReason: col.text(true),
      ...stamps(),
    },
    { ...common, tableName: 'finance_periods' },
  );
}
