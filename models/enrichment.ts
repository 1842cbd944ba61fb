/**
 * POS enrichment (issue 15 item 1): end-customer spellings confirmed per distributor (aliases),
 * the spellings waiting for a person (reviews), and what an import flagged on its lines
 * (an unknown part).
 */
import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps } from './define.js';

/** A distributor's spelling of an end customer (its matching key), confirmed by a person: the next file links at once. */
export class EndCustomerAlias extends Model<InferAttributes<EndCustomerAlias>, InferCreationAttributes<EndCustomerAlias>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  /** core/matching/names.ts nameMatchKey of the spelling */
  declare aliasKey: string;
  /** the spelling as it was first seen */
  declare spelling: string;
  declare endCustomerId: number;
  declare confirmedByUserId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export type ReviewStatus = 'open' | 'confirmed' | 'rejected';

/** A spelling no master name matched surely enough: one per distributor and matching key. */
export class EndCustomerReview extends Model<InferAttributes<EndCustomerReview>, InferCreationAttributes<EndCustomerReview>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare nameKey: string;
  /** the spelling as it was first seen */
  declare spelling: string;
  /** the best candidate, if one was worth showing, and its similarity in thousandths */
  declare suggestedEndCustomerId: number | null;
  declare confidenceMilli: number;
  /** the import (POS report or claim file) that first brought it */
  declare importId: number | null;
  declare status: ReviewStatus;
  /** confirmed: the customer chosen */
  declare endCustomerId: CreationOptional<number | null>;
  declare decidedByUserId: CreationOptional<number | null>;
  declare decidedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Something an import found wrong with a line it kept: `UNKNOWN_PART` (no product, no distributor part number). */
export class PosLineFlag extends Model<InferAttributes<PosLineFlag>, InferCreationAttributes<PosLineFlag>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare importId: number;
  /** the file's row (the header is row 1) */
  declare fileRow: number;
  declare invoiceKey: string;
  declare lineKey: string;
  declare code: string;
  /** what was not known (the part number as sent) */
  declare value: string;
  declare createdAt: CreationOptional<Date>;
}

export function initEnrichmentModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  EndCustomerAlias.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      aliasKey: col.str(200),
      spelling: col.str(200),
      endCustomerId: col.ref(),
      confirmedByUserId: col.ref(),
      ...stamps(),
    },
    { ...common, tableName: 'end_customer_aliases' },
  );
  EndCustomerReview.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      nameKey: col.str(200),
      spelling: col.str(200),
      suggestedEndCustomerId: col.ref(true),
      confidenceMilli: col.int(false, 0),
      importId: col.ref(true),
      status: col.str(10),
      endCustomerId: col.ref(true),
      decidedByUserId: col.ref(true),
      decidedAt: col.instant(true),
      ...stamps(),
    },
    { ...common, tableName: 'end_customer_reviews' },
  );
  PosLineFlag.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      importId: col.ref(),
      fileRow: col.int(),
      invoiceKey: col.str(64),
      lineKey: col.str(16),
      code: col.str(40),
      value: col.str(200),
      createdAt: col.instant(),
    },
    { ...common, tableName: 'pos_line_flags', updatedAt: false },
  );
}
