/** Documents (issue 15 item 1b): files stored by the server, attached to a program, request, claim or claim line. */
import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { DocumentOwner } from '../core/documents/owners.js';
import { col, stamps } from './define.js';

export type { DocumentOwner };

/** One stored file. A deleted document keeps its row (who deleted it, when); its bytes are gone. */
export class Document extends Model<InferAttributes<Document>, InferCreationAttributes<Document>> {
  declare id: CreationOptional<number>;
  declare ownerType: DocumentOwner;
  declare ownerId: number;
  /** the owning object's distributor (null for a program's agreement) */
  declare distributorId: number | null;
  /** the name it was sent with, made safe (see server/documents) */
  declare fileName: string;
  /** the type its bytes show (sniffed), never the one declared */
  declare contentType: string;
  declare sizeBytes: number;
  declare sha256: string;
  /** 'local' or 's3' */
  declare storage: string;
  declare storageKey: string;
  declare uploadedByUserId: number;
  declare deletedAt: CreationOptional<Date | null>;
  declare deletedByUserId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initDocumentModels(sequelize: Sequelize) {
  Document.init(
    {
      id: col.id(),
      ownerType: col.str(20),
      ownerId: col.ref(),
      distributorId: col.ref(true),
      fileName: col.str(255),
      contentType: col.str(100),
      sizeBytes: col.int(),
      sha256: col.str(64),
      storage: col.str(10),
      storageKey: col.str(500),
      uploadedByUserId: col.ref(),
      deletedAt: col.instant(true),
      deletedByUserId: col.ref(true),
      ...stamps(),
    },
    { sequelize, underscored: true, tableName: 'documents' },
  );
}
