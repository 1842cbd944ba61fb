import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps } from './define.js';

/** queued: stored and waiting for a worker; running: a worker has it; then completed or failed; voided: its lines removed. */
export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'voided';

/** One POS upload: a job with progress counters; its rows land in pos_lines with its id. */
export class PosImport extends Model<InferAttributes<PosImport>, InferCreationAttributes<PosImport>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare format: 'csv' | 'json' | 'x12';
  /** 'pos': a POS report kept as POS lines; 'claim': a claim file validated into one claim */
  declare purpose: CreationOptional<'pos' | 'claim'>;
  declare fileName: string | null;
  declare fileSha256: string | null;
  declare status: ImportStatus;
  declare totalBytes: number | null;
  declare processedBytes: number;
  declare rowsRead: number;
  declare rowsAccepted: number;
  declare rowsDuplicate: number;
  declare rowsRejected: number;
  declare mapping: string | null;
  declare failure: string | null;
  declare createdByUserId: number;
  declare startedAt: Date | null;
  declare finishedAt: Date | null;
  /** voided: its unclaimed lines removed, the file may be sent again */
  declare voidedAt: CreationOptional<Date | null>;
  declare voidedByUserId: CreationOptional<number | null>;
  declare voidReason: CreationOptional<string | null>;
  /** the stored upload the job reads (removed once the job has ended) */
  declare uploadPath: CreationOptional<string | null>;
  /** the mapping and file options the job runs with, as they were when the file was sent (JSON) */
  declare settings: CreationOptional<string | null>;
  /** the last record of the file whose writes are committed (a retried job goes on after it) */
  declare resumeRow: CreationOptional<number>;
  declare attempts: CreationOptional<number>;
  /** a claim file's claim */
  declare claimId: CreationOptional<number | null>;
  /** a claim file's final answer (JSON) */
  declare result: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A claim run over an import (`POST /api/imports/:id/claims`), as a background job. */
export class ImportClaimRun extends Model<InferAttributes<ImportClaimRun>, InferCreationAttributes<ImportClaimRun>> {
  declare id: CreationOptional<number>;
  declare importId: number;
  declare distributorId: number;
  declare status: ImportStatus;
  /** { mode, groupBy, currency } (JSON) */
  declare options: string;
  declare result: CreationOptional<string | null>;
  declare failure: CreationOptional<string | null>;
  declare attempts: CreationOptional<number>;
  declare createdByUserId: number;
  declare startedAt: CreationOptional<Date | null>;
  declare finishedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A row that could not be kept, with its row number, column and reason. */
export class PosImportError extends Model<InferAttributes<PosImportError>, InferCreationAttributes<PosImportError>> {
  declare id: CreationOptional<number>;
  declare importId: number;
  declare rowNumber: number;
  declare columnName: string | null;
  declare code: string;
  declare message: string;
  declare raw: string | null;
}

/** The distributor's saved column mapping (field -> its header) and file options. */
export class PosColumnMapping extends Model<InferAttributes<PosColumnMapping>, InferCreationAttributes<PosColumnMapping>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare mapping: string;
  declare options: string;
  declare updatedByUserId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initImportModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  PosImport.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      format: col.str(10),
      purpose: { ...col.str(10), defaultValue: 'pos' },
      fileName: col.str(255, true),
      fileSha256: col.str(64, true),
      status: col.str(20),
      totalBytes: col.int(true),
      processedBytes: col.int(false, 0),
      rowsRead: col.int(false, 0),
      rowsAccepted: col.int(false, 0),
      rowsDuplicate: col.int(false, 0),
      rowsRejected: col.int(false, 0),
      mapping: col.text(),
      failure: col.text(),
      createdByUserId: col.ref(),
      startedAt: col.instant(true),
      finishedAt: col.instant(true),
      voidedAt: col.instant(true),
      voidedByUserId: col.ref(true),
      voidReason: col.text(true),
      uploadPath: col.str(500, true),
      settings: col.text(),
      resumeRow: col.int(false, 0),
      attempts: col.int(false, 0),
      claimId: col.ref(true),
      result: col.text(),
      ...stamps(),
    },
    { ...common, tableName: 'pos_imports' },
  );
  ImportClaimRun.init(
    {
      id: col.id(),
      importId: col.ref(),
      distributorId: col.ref(),
      status: col.str(20),
      options: col.text(false),
      result: col.text(),
      failure: col.text(),
      attempts: col.int(false, 0),
      createdByUserId: col.ref(),
      startedAt: col.instant(true),
      finishedAt: col.instant(true),
      ...stamps(),
    },
    { ...common, tableName: 'pos_import_claim_runs' },
  );
  PosImportError.init(
    {
      id: col.id(),
      importId: col.ref(),
      rowNumber: col.int(),
      columnName: col.str(100, true),
      code: col.str(40),
      message: col.str(500),
      raw: col.text(),
    },
    { ...common, tableName: 'pos_import_errors', timestamps: false },
  );
  PosColumnMapping.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      mapping: col.text(false),
      options: col.text(false),
      updatedByUserId: col.ref(),
      ...stamps(),
    },
    { ...common, tableName: 'pos_column_mappings' },
  );
}
