/** EDI X12 (issue 17): each distributor's trading-partner settings and its control-number counters. */
import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps } from './define.js';

/**
 * One distributor as an X12 trading partner: its interchange ids and ours, the qualifiers it
 * uses (JSON, core/edi/partner.ts), and the last control numbers written to it (0: none yet).
 */
export class EdiPartner extends Model<InferAttributes<EdiPartner>, InferCreationAttributes<EdiPartner>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare isaQualifier: string;
  declare isaId: string;
  declare ourIsaQualifier: string;
  declare ourIsaId: string;
  declare gsId: string | null;
  declare ourGsId: string | null;
  declare version: string;
  declare usage: string;
  /** JSON: { refs, productIds, prices, reasonCodes? } */
  declare qualifiers: string;
  declare lastInterchangeControl: CreationOptional<number>;
  declare lastGroupControl: CreationOptional<number>;
  declare lastTransactionControl: CreationOptional<number>;
  /** where what is written to the partner is e-mailed (null: not by e-mail) */
  declare outboundEmail: CreationOptional<string | null>;
  /** an 845 of the changes since the last one every this many minutes (null: only when asked) */
  declare notice845Minutes: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** An X12 document the vendor wrote to a partner (a 997 acknowledging a received interchange; 849s and 845s), kept to download. */
export class EdiDocument extends Model<InferAttributes<EdiDocument>, InferCreationAttributes<EdiDocument>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  /** '997', 'TA1', '849' or '845' */
  declare kind: string;
  /** the import (POS report or claim file) whose file it answers */
  declare importId: number | null;
  /** the ISA13 of the interchange it answers, and its own */
  declare receivedControl: string | null;
  declare interchangeControl: number;
  declare content: string;
  /** an 845: the authorization changes up to this moment are in it (the next 845 starts here) */
  declare coveredUntil: CreationOptional<Date | null>;
  /** 'pending': waits to be delivered (outbound folder, e-mail); 'delivered'; null: no route was set */
  declare delivery: CreationOptional<string | null>;
  declare deliveredAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initEdiModels(sequelize: Sequelize) {
  EdiPartner.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      isaQualifier: col.str(2),
      isaId: col.str(15),
      ourIsaQualifier: col.str(2),
      ourIsaId: col.str(15),
      gsId: col.str(15, true),
      ourGsId: col.str(15, true),
      version: col.str(6),
      usage: col.str(1),
      qualifiers: col.text(false),
      lastInterchangeControl: col.int(false, 0),
      lastGroupControl: col.int(false, 0),
      lastTransactionControl: col.int(false, 0),
      outboundEmail: col.str(254, true),
      notice845Minutes: { ...col.int(true), field: 'notice_845_minutes' },
      ...stamps(),
    },
    { sequelize, underscored: true, tableName: 'edi_partners' },
  );
  EdiDocument.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      kind: col.str(3),
      importId: col.ref(true),
      receivedControl: col.str(9, true),
      interchangeControl: col.int(),
      content: col.text(false),
      coveredUntil: col.instant(true),
      delivery: col.str(9, true),
      deliveredAt: col.instant(true),
      ...stamps(),
    },
    { sequelize, underscored: true, tableName: 'edi_documents' },
  );
}
