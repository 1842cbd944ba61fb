import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps } from './define.js';

/** What one entry of a dispute's thread is: the distributor opens it, either side comments, the vendor decides. */
export const DISPUTE_ENTRY_KINDS = ['opened', 'comment', 'accepted', 'rejected'] as const;
export type DisputeEntryKind = (typeof DISPUTE_ENTRY_KINDS)[number];

/**
 * One entry of the thread kept on a disputed claim line (append-only, like the audit trail). The
 * `opened` entry keeps the corrected line the distributor sent (JSON, the figures as sent) and,
 * for a rejected line, the line its resubmission created.
 */
export class DisputeEntry extends Model<InferAttributes<DisputeEntry>, InferCreationAttributes<DisputeEntry>> {
  declare id: CreationOptional<number>;
  /** the disputed line (the original, never its resubmission) */
  declare claimLineId: number;
  declare distributorId: number;
  declare authorUserId: number;
  declare kind: DisputeEntryKind;
  declare body: string;
  declare correction: string | null;
  declare resubmittedLineId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initDisputeModels(sequelize: Sequelize) {
  DisputeEntry.init(
    {
      id: col.id(),
      claimLineId: col.ref(),
      distributorId: col.ref(),
      authorUserId: col.ref(),
      kind: col.str(20),
      body: col.text(false),
      correction: col.text(true),
      resubmittedLineId: col.ref(true),
      ...stamps(),
    },
    { sequelize, underscored: true, tableName: 'dispute_entries' },
  );
}
