/** The only documents code that touches the database. */
import type { Transaction } from 'sequelize';
import type { DocumentOwner } from '../../core/documents/owners.js';
import { Document } from '../../models/documents.js';

export { inTransaction, type Tx } from '../database.repository.js';

export interface DocumentView {
  id: number;
  ownerType: DocumentOwner;
  ownerId: number;
  distributorId: number | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByUserId: number;
  createdAt: string;
}

export interface DocumentRow extends DocumentView {
  storage: string;
  storageKey: string;
  deleted: boolean;
}

const toRow = (d: Document): DocumentRow => ({
  id: d.id,
  ownerType: d.ownerType,
  ownerId: d.ownerId,
  distributorId: d.distributorId,
  fileName: d.fileName,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  uploadedByUserId: d.uploadedByUserId,
  createdAt: d.createdAt.toISOString(),
  storage: d.storage,
  storageKey: d.storageKey,
  deleted: d.deletedAt !== null,
});

/** The public view of a row (where it is stored is the server's business). */
export const viewOf = ({ storage: _s, storageKey: _k, deleted: _d, ...view }: DocumentRow): DocumentView => view;

export async function createDocument(
  doc: Omit<DocumentRow, 'id' | 'createdAt' | 'deleted'>,
  transaction?: Transaction,
): Promise<DocumentRow> {
  return toRow(await Document.create(doc, { transaction }));
}

export async function findDocument(id: number, transaction?: Transaction): Promise<DocumentRow | null> {
  const d = await Document.findByPk(id, { transaction });
  return d ? toRow(d) : null;
}

/** An object's documents that are not deleted, oldest first. */
export async function listDocuments(ownerType: DocumentOwner, ownerId: number): Promise<DocumentRow[]> {
  const rows = await Document.findAll({ where: { ownerType, ownerId, deletedAt: null }, order: [['id', 'ASC']], limit: 1000 });
  return rows.map(toRow);
}

/** Marks a document deleted (its row stays: who deleted it, when); false when it was already. */
export async function markDeleted(id: number, userId: number, transaction: Transaction) {
  const [n] = await Document.update({ deletedAt: new Date(), deletedByUserId: userId }, { where: { id, deletedAt: null }, transaction });
  return n === 1;
}
