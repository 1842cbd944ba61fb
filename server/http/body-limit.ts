/**
 * What a request body may be, in one place: JSON everywhere; a file only on the routes declared
 * to take one.
 *
 * - `jsonBodiesOnly` answers 415 to a body of another media type than JSON, unless the route is
 *   declared (with `upload` in `describeRoute`) to take a file and the body is sent as one. Without
 *   it, a JSON route sent `text/plain` would read its body as empty.
 * - `fileUpload` is what a file route calls first: 415 for another media type, then the body.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors.js';

/** The media types a file route takes (a CSV or tab-separated report, or bytes of no declared type). */
export const FILE_MEDIA_TYPES = ['text/csv', 'application/csv', 'text/tab-separated-values', 'application/octet-stream'] as const;

const fileRoutes: { method: string; path: RegExp }[] = [];

/**
 * Declares that `method path` (an Express path such as `/api/imports`, `:name` for a segment)
 * takes a file body; `describeRoute` calls it for a route with `upload`.
 */
export function acceptFileBody(method: string, path: string) {
  const pattern = path
    .replace(/\/+$/, '')
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  // As Express matches routes: case-insensitively, a trailing slash allowed.
  fileRoutes.push({ method: method.toUpperCase(), path: new RegExp(`^${pattern}/?$`, 'i') });
}

const takesFile = (req: Request) => {
  const path = req.originalUrl.split('?')[0]!;
  return fileRoutes.some((r) => r.method === req.method && r.path.test(path));
};

/** True when the request carries body bytes (a chunked body, or a positive Content-Length). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

const mediaTypeOf = (req: Request) =>
  (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() || 'a body without a Content-Type';

/**
 * 415 for a request body that is not JSON, unless the route takes a file and the body is one.
 * A request without a body (a POST to a route that takes none) passes, whatever its headers say.
 */
export const jsonBodiesOnly: RequestHandler = (req, _res, next) => {
  if (!hasBody(req) || req.is('application/json')) return next();
  if (takesFile(req) && req.is([...FILE_MEDIA_TYPES])) return next();
  next(
    new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      takesFile(req)
        ? `this route takes a file as ${FILE_MEDIA_TYPES.join(', ')} (or JSON where it says so), not ${mediaTypeOf(req)}`
        : `this route takes application/json, not ${mediaTypeOf(req)}`,
      415,
    ),
  );
};

export interface FileUpload {
  /** The body, as it streams. */
  body: Readable;
  /** The declared length, when there is one (a chunked upload declares none). */
  declaredBytes: number | null;
}

/**
 * What a file route calls before it reads the body: 415 unless the body is sent as a file
 * (`FILE_MEDIA_TYPES`; `hint` tells the client what to send), then the body.
 */
export function fileUpload(req: Request, hint: string): FileUpload {
  if (!req.is([...FILE_MEDIA_TYPES])) throw new AppError('UNSUPPORTED_MEDIA_TYPE', hint, 415);
  const length = Number(req.get('content-length'));
  return { body: req, declaredBytes: Number.isFinite(length) && length > 0 ? length : null };
}
