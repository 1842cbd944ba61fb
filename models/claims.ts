import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { ClaimStatus, ClaimType, LineVerdict } from '../core/domain.js';
import { col, stamps, type DbMoney } from './define.js';

/** A point-of-sale line as the distributor reported it; (distributor, invoice, line) is unique. */
export class PosLine extends Model<InferAttributes<PosLine>, InferCreationAttributes<PosLine>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare importId: number | null;
  declare invoiceNumber: string;
  declare invoiceLine: string;
  /** the canonical POS key (core/claims/pos-key.ts); unique per distributor */
  declare invoiceKey: string;
  declare lineKey: string;
  declare invoiceDate: string;
  declare shipDate: string | null;
  declare productId: number | null;
  declare vendorPartNumber: string | null;
  declare distributorPartNumber: string | null;
  declare quantity: number;
  declare resalePrice: DbMoney | null;
  declare bookCost: DbMoney | null;
  declare authorizedCost: DbMoney | null;
  declare claimedAmount: DbMoney | null;
  declare authorizationNumber: string | null;
  declare endCustomerName: string | null;
  declare endCustomerId: number | null;
  declare customerPo: string | null;
  declare debitMemoNumber: string | null;
  declare extra: string | null;
  /** the row of the file it came from (the header is row 1); `file_row` (ROW_NUMBER is reserved in MariaDB) */
  declare fileRow: CreationOptional<number | null>;
  /** a return (negative quantity): kept beside the sale it returns */
  declare isReturn: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A distributor's claim. (distributor, debit memo number) is unique: a re-sent claim is the same claim. */
export class Claim extends Model<InferAttributes<Claim>, InferCreationAttributes<Claim>> {
  declare id: CreationOptional<number>;
  declare number: string;
  declare distributorId: number;
  declare programId: number | null;
  declare programType: string | null;
  declare type: ClaimType;
  declare status: ClaimStatus;
  declare debitMemoNumber: string | null;
  /**
   * the canonical key of the debit memo number (core/claims/debit-memo-key.ts) while the claim
   * stands, null once rejected whole: (distributor, key) is unique, compared binary on both databases
   */
  declare debitMemoKey: CreationOptional<string | null>;
  declare currency: string;
  declare claimedTotal: DbMoney;
  declare computedTotal: DbMoney;
  declare approvedTotal: DbMoney;
  declare submittedAt: Date | null;
  declare authorizedAt: Date | null;
  declare paidAt: Date | null;
  declare createdByUserId: number;
  declare authorizedByUserId: number | null;
  /** the POS import a bulk run built this claim from */
  declare posImportId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** One claimed line with its verdict and the inputs that decided it. */
export class ClaimLine extends Model<InferAttributes<ClaimLine>, InferCreationAttributes<ClaimLine>> {
  declare id: CreationOptional<number>;
  declare claimId: number;
  declare distributorId: number;
  declare lineNumber: number;
  declare authorizationNumber: string | null;
  declare authorizationLineId: number | null;
  declare authorizationVersion: number | null;
  declare productId: number | null;
  declare vendorPartNumber: string | null;
  declare distributorPartNumber: string | null;
  declare endCustomerId: number | null;
  declare endCustomerName: string | null;
  declare invoiceNumber: string;
  declare invoiceLine: string;
  /** the canonical POS key (core/claims/pos-key.ts) */
  declare invoiceKey: string;
  declare lineKey: string;
  declare invoiceDate: string;
  declare shipDate: string | null;
  declare quantity: number;
  declare bookCost: DbMoney;
  declare authorizedCost: DbMoney | null;
  declare resalePrice: DbMoney | null;
  declare claimedAmount: DbMoney;
  declare computedAmount: DbMoney;
  declare acceptedQuantity: number;
  declare approvedAmount: DbMoney;
  declare verdict: LineVerdict;
  declare reasonCodes: string;
  declare rule: string | null;
  declare verdictInputs: string | null;
  declare extra: string | null;
  declare resubmissionOfLineId: number | null;
  declare adjustedByUserId: number | null;
  /** the POS line a claim built from an import came from */
  declare posLineId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** The consumption ledger: a POS line (distributor, invoice, line) is consumed at most once, by a unique key. */
export class PosConsumption extends Model<InferAttributes<PosConsumption>, InferCreationAttributes<PosConsumption>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare invoiceNumber: string;
  declare invoiceLine: string;
  /** the canonical POS key (core/claims/pos-key.ts): (distributor, invoice key, line key) is unique */
  declare invoiceKey: string;
  declare lineKey: string;
  declare claimLineId: number;
  declare authorizationLineId: number;
  declare quantity: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A consumption given back (migration 20261208T1000-consumption-releases): what it held, from when to when. */
export class PosConsumptionRelease extends Model<InferAttributes<PosConsumptionRelease>, InferCreationAttributes<PosConsumptionRelease>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare invoiceKey: string;
  declare lineKey: string;
  declare claimLineId: number;
  declare authorizationLineId: number;
  declare quantity: number;
  declare consumedAt: Date;
  declare releasedAt: Date;
}

export class Note extends Model<InferAttributes<Note>, InferCreationAttributes<Note>> {
  declare id: CreationOptional<number>;
  declare entityType: string;
  declare entityId: number;
  declare distributorId: number | null;
  declare authorUserId: number;
  declare body: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class CreditMemo extends Model<InferAttributes<CreditMemo>, InferCreationAttributes<CreditMemo>> {
  declare id: CreationOptional<number>;
  declare number: string;
  declare claimId: number;
  declare distributorId: number;
  declare amount: DbMoney;
  declare currency: string;
  declare issuedAt: Date;
  declare issuedByUserId: number;
  declare externalRef: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/**
 * What a return takes back from a sale that was paid: a debit on the distributor's next credit
 * memo (in the claim's currency), applied never below zero; what a memo could not take stays open.
 */
export class SettlementDebit extends Model<InferAttributes<SettlementDebit>, InferCreationAttributes<SettlementDebit>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare currency: string;
  declare claimLineId: number;
  declare returnPosLineId: number;
  declare quantity: number;
  declare amount: DbMoney;
  declare appliedAmount: DbMoney;
  declare status: 'open' | 'applied';
  declare createdByUserId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** The part of a debit one credit memo took. */
export class CreditMemoDebit extends Model<InferAttributes<CreditMemoDebit>, InferCreationAttributes<CreditMemoDebit>> {
  declare id: CreationOptional<number>;
  declare creditMemoId: number;
  declare debitId: number;
  declare amount: DbMoney;
  declare createdAt: CreationOptional<Date>;
}

export function initClaimModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  PosLine.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      importId: col.ref(true),
      invoiceNumber: col.str(64),
      invoiceLine: col.str(16),
      invoiceKey: col.str(64),
      lineKey: col.str(40),
      invoiceDate: col.day(),
      shipDate: col.day(true),
      productId: col.ref(true),
      vendorPartNumber: col.str(64, true),
      distributorPartNumber: col.str(64, true),
      quantity: col.int(),
      resalePrice: col.money(true),
      bookCost: col.money(true),
      authorizedCost: col.money(true),
      claimedAmount: col.money(true),
      authorizationNumber: col.str(40, true),
      endCustomerName: col.str(200, true),
      endCustomerId: col.ref(true),
      customerPo: col.str(64, true),
      debitMemoNumber: col.str(64, true),
      extra: col.text(),
      fileRow: col.int(true),
      isReturn: col.flag(false),
      ...stamps(),
    },
    { ...common, tableName: 'pos_lines' },
  );
  Claim.init(
    {
      id: col.id(),
      number: { ...col.str(40), unique: true },
      distributorId: col.ref(),
      programId: col.ref(true),
      programType: col.str(20, true),
      type: col.str(20),
      status: col.str(20),
      debitMemoNumber: col.str(64, true),
      debitMemoKey: col.str(80, true),
      currency: col.str(3),
      claimedTotal: col.money(),
      computedTotal: col.money(),
      approvedTotal: col.money(),
      submittedAt: col.instant(true),
      authorizedAt: col.instant(true),
      paidAt: col.instant(true),
      createdByUserId: col.ref(),
      authorizedByUserId: col.ref(true),
      posImportId: col.ref(true),
      ...stamps(),
    },
    { ...common, tableName: 'claims' },
  );
  ClaimLine.init(
    {
      id: col.id(),
      claimId: col.ref(),
      distributorId: col.ref(),
      lineNumber: col.int(),
      authorizationNumber: col.str(40, true),
      authorizationLineId: col.ref(true),
      authorizationVersion: col.int(true),
      productId: col.ref(true),
      vendorPartNumber: col.str(64, true),
      distributorPartNumber: col.str(64, true),
      endCustomerId: col.ref(true),
      endCustomerName: col.str(200, true),
      invoiceNumber: col.str(64),
      invoiceLine: col.str(16),
      invoiceKey: col.str(64),
      lineKey: col.str(40),
      invoiceDate: col.day(),
      shipDate: col.day(true),
      quantity: col.int(),
      bookCost: col.money(),
      authorizedCost: col.money(true),
      resalePrice: col.money(true),
      claimedAmount: col.money(),
      computedAmount: col.money(),
      acceptedQuantity: col.int(),
      approvedAmount: col.money(),
      verdict: col.str(20),
      reasonCodes: col.text(false),
      rule: col.str(60, true),
      verdictInputs: col.text(),
      extra: col.text(),
      resubmissionOfLineId: col.ref(true),
      adjustedByUserId: col.ref(true),
      posLineId: col.ref(true),
      ...stamps(),
    },
    { ...common, tableName: 'claim_lines' },
  );
  PosConsumption.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      invoiceNumber: col.str(64),
      invoiceLine: col.str(16),
      invoiceKey: col.str(64),
      lineKey: col.str(40),
      claimLineId: col.ref(),
      authorizationLineId: col.ref(),
      quantity: col.int(),
      ...stamps(),
    },
    { ...common, tableName: 'pos_consumptions' },
  );
  PosConsumptionRelease.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      invoiceKey: col.str(64),
      lineKey: col.str(40),
      claimLineId: col.ref(),
      authorizationLineId: col.ref(),
      quantity: col.int(),
      consumedAt: col.instant(),
      releasedAt: col.instant(),
    },
    { ...common, tableName: 'pos_consumption_releases', timestamps: false },
  );
  Note.init(
    {
      id: col.id(),
      entityType: col.str(30),
      entityId: col.ref(),
      distributorId: col.ref(true),
      authorUserId: col.ref(),
      body: col.text(false),
      ...stamps(),
    },
    { ...common, tableName: 'notes' },
  );
  CreditMemo.init(
    {
      id: col.id(),
      number: { ...col.str(40), unique: true },
      claimId: { ...col.ref(), unique: true },
      distributorId: col.ref(),
      amount: col.money(),
      currency: col.str(3),
      issuedAt: col.instant(),
      issuedByUserId: col.ref(),
      externalRef: col.str(64, true),
      ...stamps(),
    },
    { ...common, tableName: 'credit_memos' },
  );
  SettlementDebit.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      currency: col.str(3),
      claimLineId: col.ref(),
      returnPosLineId: col.ref(),
      quantity: col.int(),
      amount: col.money(),
      appliedAmount: col.money(),
      status: col.str(10),
      createdByUserId: col.ref(),
      ...stamps(),
    },
    { ...common, tableName: 'settlement_debits' },
  );
  CreditMemoDebit.init(
    {
      id: col.id(),
      creditMemoId: col.ref(),
      debitId: col.ref(),
      amount: col.money(),
      createdAt: col.instant(),
    },
    { ...common, tableName: 'credit_memo_debits', updatedAt: false },
  );
}
