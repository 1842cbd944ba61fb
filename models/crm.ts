import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps, type DbMoney } from './define.js';

/**
 * CRM records copied from Salesforce, keyed by their Salesforce Id. A record deleted in Salesforce
 * stays here with isDeleted = true (the sync never deletes a row: approvals may cite it).
 */
export class CrmAccount extends Model<InferAttributes<CrmAccount>, InferCreationAttributes<CrmAccount>> {
  declare id: CreationOptional<number>;
  declare sfId: string;
  declare name: string;
  /** the value of the configured external id field (the BEC account's externalRef), if any */
  declare externalId: CreationOptional<string | null>;
  declare systemModstamp: Date;
  declare isDeleted: boolean;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/**
 * A person's decision on a name-based suggestion: this BEC account is (confirmed) or is not
 * (rejected) this Salesforce Account. A confirmed link counts like an Id link.
 */
export class CrmAccountLink extends Model<InferAttributes<CrmAccountLink>, InferCreationAttributes<CrmAccountLink>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  declare sfId: string;
  declare status: 'confirmed' | 'rejected';
  declare decidedByUserId: number | null;
  declare decidedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class CrmOpportunity extends Model<InferAttributes<CrmOpportunity>, InferCreationAttributes<CrmOpportunity>> {
  declare id: CreationOptional<number>;
  declare sfId: string;
  declare name: string;
  declare accountSfId: string | null;
  declare stageName: string;
  declare isClosed: boolean;
  declare isWon: boolean;
  declare amount: DbMoney | null;
  /** the record's CurrencyIsoCode (null in a single-currency org) */
  declare currency: CreationOptional<string | null>;
  declare closeDate: string | null;
  declare systemModstamp: Date;
  declare isDeleted: boolean;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A deal registration: a custom object whose API name and fields are configured. */
export class CrmDealRegistration extends Model<InferAttributes<CrmDealRegistration>, InferCreationAttributes<CrmDealRegistration>> {
  declare id: CreationOptional<number>;
  declare sfId: string;
  declare name: string;
  declare endCustomerSfId: string | null;
  declare distributorName: string | null;
  declare opportunitySfId: string | null;
  declare status: string | null;
  declare productCodes: string | null;
  declare expiresOn: string | null;
  declare systemModstamp: Date;
  declare isDeleted: boolean;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** One sync run: counts and errors are JSON text. */
export class CrmSyncRun extends Model<InferAttributes<CrmSyncRun>, InferCreationAttributes<CrmSyncRun>> {
  declare id: CreationOptional<number>;
  declare trigger: string;
  declare status: 'running' | 'succeeded' | 'failed' | 'stopped';
  declare startedAt: Date;
  declare finishedAt: Date | null;
  declare counts: string;
  declare errors: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** The incremental-sync watermark per Salesforce object; it advances page by page. */
export class CrmSyncState extends Model<InferAttributes<CrmSyncState>, InferCreationAttributes<CrmSyncState>> {
  declare id: CreationOptional<number>;
  declare objectName: string;
  declare lastModstamp: Date | null;
  /** A Bulk API 2.0 query job whose results are being read (resumed by the next run), its next locator, the newest stamp read so far. */
  declare bulkJobId: CreationOptional<string | null>;
  declare bulkLocator: CreationOptional<string | null>;
  declare bulkNewest: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** What was last written back to one Salesforce record for one request (so a re-run writes nothing new). */
export class CrmWriteback extends Model<InferAttributes<CrmWriteback>, InferCreationAttributes<CrmWriteback>> {
  declare id: CreationOptional<number>;
  declare requestId: number;
  declare targetType: string;
  declare targetSfId: string;
  declare requestStatus: string | null;
  declare authorizationNumber: string | null;
  declare writtenAt: Date | null;
  declare lastError: string | null;
  /** The Salesforce error code of the last failure, the values it tried (JSON), and whether it is permanent (not retried). */
  declare errorCode: CreationOptional<string | null>;
  declare failedValues: CreationOptional<string | null>;
  declare permanent: CreationOptional<boolean>;
  declare failedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A lease in the database: whichever server process holds it runs the sync; the others do not. */
export class CrmSyncLock extends Model<InferAttributes<CrmSyncLock>, InferCreationAttributes<CrmSyncLock>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare holder: string;
  declare expiresAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initCrmModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  const sfId = () => ({ ...col.str(18), unique: true });
  CrmAccount.init(
    {
      id: col.id(),
      sfId: sfId(),
      name: col.str(255),
      externalId: col.str(255, true),
      systemModstamp: col.instant(),
      isDeleted: col.flag(false),
      ...stamps(),
    },
    { ...common, tableName: 'crm_accounts' },
  );
  CrmAccountLink.init(
    {
      id: col.id(),
      accountId: col.ref(),
      sfId: col.str(18),
      status: col.str(20),
      decidedByUserId: col.ref(true),
      decidedAt: col.instant(),
      ...stamps(),
    },
    { ...common, tableName: 'crm_account_links' },
  );
  CrmOpportunity.init(
    {
      id: col.id(),
      sfId: sfId(),
      name: col.str(255),
      accountSfId: col.str(18, true),
      stageName: col.str(100),
      isClosed: col.flag(false),
      isWon: col.flag(false),
      amount: col.money(true),
      currency: col.str(3, true),
      closeDate: col.day(true),
      systemModstamp: col.instant(),
      isDeleted: col.flag(false),
      ...stamps(),
    },
    { ...common, tableName: 'crm_opportunities' },
  );
  CrmDealRegistration.init(
    {
      id: col.id(),
      sfId: sfId(),
      name: col.str(255),
      endCustomerSfId: col.str(18, true),
      distributorName: col.str(255, true),
      opportunitySfId: col.str(18, true),
      status: col.str(100, true),
      productCodes: col.text(),
      expiresOn: col.day(true),
      systemModstamp: col.instant(),
      isDeleted: col.flag(false),
      ...stamps(),
    },
    { ...common, tableName: 'crm_deal_registrations' },
  );
  CrmSyncRun.init(
    {
      id: col.id(),
      trigger: col.str(20),
      status: col.str(20),
      startedAt: col.instant(),
      finishedAt: col.instant(true),
      counts: col.text(false),
      errors: col.text(false),
      ...stamps(),
    },
    { ...common, tableName: 'crm_sync_runs' },
  );
  CrmSyncState.init(
    {
      id: col.id(),
      objectName: { ...col.str(100), unique: true },
      lastModstamp: col.instant(true),
      bulkJobId: col.str(18, true),
      bulkLocator: col.str(100, true),
      bulkNewest: col.instant(true),
      ...stamps(),
    },
    { ...common, tableName: 'crm_sync_state' },
  );
  CrmWriteback.init(
    {
      id: col.id(),
      requestId: col.ref(),
      targetType: col.str(100),
      targetSfId: col.str(18),
      requestStatus: col.str(20, true),
      authorizationNumber: col.str(40, true),
      writtenAt: col.instant(true),
      lastError: col.text(),
      errorCode: col.str(100, true),
      failedValues: col.text(),
      permanent: col.flag(false),
      failedAt: col.instant(true),
      ...stamps(),
    },
    { ...common, tableName: 'crm_writebacks' },
  );
  CrmSyncLock.init(
    { id: col.id(), name: { ...col.str(50), unique: true }, holder: col.str(100), expiresAt: col.instant(), ...stamps() },
    { ...common, tableName: 'crm_sync_locks' },
  );
}
