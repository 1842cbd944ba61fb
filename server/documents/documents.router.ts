import { Router, type Request } from 'express';
import { DOCUMENT_OWNERS } from '../../core/documents/owners.js';
import { requireActor } from '../auth/actor.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { cappedBody, payloadTooLarge } from '../http/body-limit.js';
import { describeRoute, IdParam, wholeNumber, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import * as service from './documents.service.js';
import { documentStoreFor } from './storage.js';

const tags = ['documents'];
/** What a document may be sent as; its real type is read from its bytes. */
const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/csv', 'application/octet-stream'] as const;

const Owner = {
  ownerType: z
    .enum(DOCUMENT_OWNERS)
    .openapi({ description: 'what the document is attached to: a program (its agreement), a request, a claim or a claim line' }),
  ownerId: wholeNumber(1),
};
const UploadQuery = z
  .object({
    ...Owner,
    fileName: z
      .string()
      .min(1)
      .max(255)
      .openapi({ description: 'the file name shown to downloaders (made safe)', example: 'invoice-7781.pdf' }),
  })
  .strict();
const ListQuery = z.object(Owner).strict();
const DocumentView = z
  .object({
    id: z.number(),
    ownerType: z.enum(DOCUMENT_OWNERS),
    ownerId: z.number(),
    distributorId: z.number().nullable(),
    fileName: z.string(),
    contentType: z.string().openapi({ description: 'read from the bytes: application/pdf, image/png, image/jpeg or text/csv' }),
    sizeBytes: z.number(),
    sha256: z.string(),
    uploadedByUserId: z.number(),
    createdAt: z.string(),
  })
  .openapi('Document');

describeRoute({
  method: 'post',
  path: '/api/documents',
  summary: 'Attach a document (PDF, PNG, JPEG or CSV) to a program, request, claim or claim line you may see',
  tags,
  query: UploadQuery,
  upload: 'the document itself; its type is read from its bytes',
  uploadTypes: DOCUMENT_MEDIA_TYPES,
  response: DocumentView,
  status: 201,
  errors: {
    400: 'EMPTY_DOCUMENT: no bytes',
    403: "FORBIDDEN: a program's documents are attached by those who manage programs",
    404: 'NOT_FOUND: no such object the caller may see',
    413: 'PAYLOAD_TOO_LARGE: the document is larger than DOCUMENTS_MAX_BYTES',
    415: 'UNSUPPORTED_DOCUMENT_TYPE: the bytes are not a PDF, PNG, JPEG or CSV; UNSUPPORTED_MEDIA_TYPE: sent as another media type',
  },
});
describeRoute({
  method: 'get',
  path: '/api/documents',
  summary: "An object's documents (for whoever may see the object)",
  tags,
  query: ListQuery,
  response: z.object({ items: z.array(DocumentView) }),
  errors: { 404: 'NOT_FOUND: no such object the caller may see' },
});
describeRoute({
  method: 'get',
  path: '/api/documents/:id/content',
  summary: 'Download a document (for whoever may see its object), as an attachment',
  tags,
  params: IdParam,
  produces: {
    mediaType: 'application/octet-stream',
    description: 'the bytes, with the Content-Type they were found to be and Content-Disposition: attachment',
  },
});
describeRoute({
  method: 'delete',
  path: '/api/documents/:id',
  summary: 'Delete a document (its uploader or an admin); the record of it stays in the audit trail',
  tags,
  params: IdParam,
  response: DocumentView.extend({ deleted: z.literal(true) }),
  errors: { 403: 'FORBIDDEN: only the uploader or an admin deletes a document' },
});

/** The body as bytes, refused with 413 past `cap` (as it streams, whatever it declared). */
async function readDocument(req: Request, cap: number): Promise<Buffer> {
  if (!req.is([...DOCUMENT_MEDIA_TYPES]))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `send the document as ${DOCUMENT_MEDIA_TYPES.join(', ')}`, 415);
  const limit = Math.min(cap, req.maxBodyBytes ?? cap);
  if (Number(req.get('content-length') ?? 0) > limit) throw payloadTooLarge();
  const chunks: Buffer[] = [];
  for await (const chunk of cappedBody(req, limit)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
const contentDisposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Documents, stored where the configuration says (a local directory, or S3-compatible storage). */
export function documentsRouter(config: Config) {
  const store = documentStoreFor(config);
  const r = Router();
  r.post('/', async (req, res) => {
    const actor = requireActor(req);
    const q = parse(UploadQuery, req.query, 'query');
    const bytes = await readDocument(req, config.documentsMaxBytes);
    res
      .status(201)
      .json(await service.uploadDocument(actor, store, { ownerType: q.ownerType, ownerId: q.ownerId, fileName: q.fileName, bytes }));
  });
  r.get('/', async (req, res) => {
    const actor = requireActor(req);
    const q = parse(ListQuery, req.query, 'query');
    res.json({ items: await service.listDocuments(actor, q.ownerType, q.ownerId) });
  });
  r.get('/:id/content', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(IdParam, req.params, 'params');
    const { doc, bytes } = await service.downloadDocument(actor, store, id);
    res
      .status(200)
      .set({
        'Content-Type': doc.contentType,
        'Content-Disposition': contentDisposition(doc.fileName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      })
      .send(bytes);
  });
  r.delete('/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(IdParam, req.params, 'params');
    res.json(await service.deleteDocument(actor, store, id));
  });
  return r;
}
