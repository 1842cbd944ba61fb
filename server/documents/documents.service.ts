/**
 * Documents: files stored by the server (server/documents/storage.ts) and attached to a program
 * (its agreement, seen by the program's distributors), a request, a claim or a claim line (an
 * invoice copy, a disputed line's evidence). Whoever may see the object may list, download and
 * attach its documents; the visibility is the object's own service's (getProgram, getRequest,
 * getClaimHeader, lineHistory), never a second copy of the tenant rules. A program's documents
 * are attached by those who manage programs. A document is deleted by its uploader or an admin.
 * Every upload and deletion is audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import { safeFileName, sniffDocumentType } from '../../core/documents/sniff.js';
import { can } from '../../core/permissions.js';
import type { DocumentOwner } from '../../core/documents/owners.js';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { lineHistory } from '../claims/disputes.service.js';
import { getClaimHeader } from '../claims/claims.service.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { getProgram } from '../programs/programs.service.js';
import { getRequest } from '../requests/requests.service.js';
import * as repo from './documents.repository.js';
import type { DocumentStore } from './storage.js';

/** The owning object, if the actor may see it (else the object's own 404), with its distributor. */
async function ownerOf(actor: Actor, ownerType: DocumentOwner, ownerId: number): Promise<{ distributorId: number | null }> {
  switch (ownerType) {
    case 'program':
      await getProgram(actor, ownerId);
      return { distributorId: null };
    case 'request':
      return { distributorId: (await getRequest(actor, ownerId)).distributorId };
    case 'claim':
      return { distributorId: (await getClaimHeader(actor, ownerId)).distributorId };
    case 'claim_line': {
      const line = (await lineHistory(actor, ownerId)).find((l) => l.id === ownerId);
      if (!line) throw notFound('claim line');
      return { distributorId: line.distributorId };
    }
  }
}

/** A document the actor may see (its owner visible to it), not deleted; else 404. */
async function visibleDocument(actor: Actor, id: number) {
  const doc = await repo.findDocument(id);
  if (!doc || doc.deleted) throw notFound('document');
  await ownerOf(actor, doc.ownerType, doc.ownerId).catch((err: unknown) => {
    throw err instanceof AppError && err.status === 404 ? notFound('document') : err;
  });
  return doc;
}

export async function listDocuments(actor: Actor, ownerType: DocumentOwner, ownerId: number) {
  await ownerOf(actor, ownerType, ownerId);
  return (await repo.listDocuments(ownerType, ownerId)).map(repo.viewOf);
}

/**
 * Stores a document sent for an object. Its type is what its bytes show (PDF, PNG, JPEG, CSV),
 * else 415; the size cap is the caller's (the router reads the body against it: 413).
 */
export async function uploadDocument(
  actor: Actor,
  store: DocumentStore,
  input: { ownerType: DocumentOwner; ownerId: number; fileName: string; bytes: Buffer },
) {
  const { distributorId } = await ownerOf(actor, input.ownerType, input.ownerId);
  if (input.ownerType === 'program' && !can(actor.role, 'program.manage'))
    throw forbidden(`role ${actor.role} may not attach documents to a program (program.manage)`);
  if (!input.bytes.length) throw new AppError('EMPTY_DOCUMENT', 'the document is empty', 400);
  const type = sniffDocumentType(input.bytes, input.fileName);
  if (!type)
    throw new AppError(
      'UNSUPPORTED_DOCUMENT_TYPE',
      'the document is not a PDF, PNG, JPEG or CSV file (its type is read from its bytes, not its name)',
      415,
    );
  const storageKey = `documents/${input.ownerType}/${randomUUID()}`;
  await store.put(storageKey, input.bytes, type.contentType);
  try {
    return await repo.inTransaction(async (t) => {
      const doc = await repo.createDocument(
        {
          ownerType: input.ownerType,
          ownerId: input.ownerId,
          distributorId,
          fileName: safeFileName(input.fileName, type),
          contentType: type.contentType,
          sizeBytes: input.bytes.length,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          uploadedByUserId: actor.userId,
          storage: store.kind,
          storageKey,
        },
        t,
      );
      const view = repo.viewOf(doc);
      await recordAudit(actor, { action: 'document.uploaded', entityType: 'document', entityId: doc.id, distributorId, after: view }, t);
      return view;
    });
  } catch (err) {
    // nothing records the bytes: they go
    await store.delete(storageKey).catch(() => undefined);
    throw err;
  }
}

/** A document's bytes and what to send them with, for whoever may see its owner. */
export async function downloadDocument(actor: Actor, store: DocumentStore, id: number) {
  const doc = await visibleDocument(actor, id);
  return { doc: repo.viewOf(doc), bytes: await store.get(doc.storageKey) };
}

/** Deletes a document (its uploader or an admin): the bytes go, the row stays marked, audited. */
export async function deleteDocument(actor: Actor, store: DocumentStore, id: number) {
  const doc = await visibleDocument(actor, id);
  if (doc.uploadedByUserId !== actor.userId && actor.role !== 'vendor_admin')
    throw forbidden('only the uploader or an admin may delete a document');
  await repo.inTransaction(async (t) => {
    if (!(await repo.markDeleted(id, actor.userId, t))) throw notFound('document');
    await recordAudit(
      actor,
      { action: 'document.deleted', entityType: 'document', entityId: id, distributorId: doc.distributorId, before: repo.viewOf(doc) },
      t,
    );
  });
  await store.delete(doc.storageKey);
  return { ...repo.viewOf(doc), deleted: true };
}
