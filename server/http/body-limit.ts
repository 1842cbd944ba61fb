/**
 * What a request body may be, in one place: its media type (JSON everywhere; a file only on the
 * routes declared to take one) and its size (one byte cap, `UPLOAD_MAX_BYTES`, counted on the
 * stream as it arrives, chunked or not).
 *
 * - `requestSizeLimit` refuses a declared Content-Length over the cap before anything reads the
 *   body, and records the cap on the request for whatever reads it later: the Idempotency-Key
 *   spool (./body-spool.ts) and a file route's stream (`fileUpload`).
 * - `jsonBodiesOnly` answers 415 to a body of another media type than JSON, unless the route is
 *   declared (with `upload` in `describeRoute`) to take a file and the body is sent as one. Without
 *   it, a JSON route sent `text/plain` would read its body as empty. It also refuses (400) a JSON
 *   body nested deeper than MAX_JSON_DEPTH.
 * - `fileUpload` is what a file route calls first: 415 for another media type, then the body as a
 *   stream that fails with 413 as soon as the cap is passed, and with 415 UNSUPPORTED_FILE when its
 *   first bytes are a compressed file or a workbook (every file route reads text: a CSV, an X12).
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Request, RequestHandler } from 'express';
import { UNSUPPORTED_FILE_HEAD, unsupportedFileProblem } from '../../core/pos/encoding.js';
import { DEFAULT_UPLOAD_MAX_BYTES } from '../config.js';
import { AppError } from '../errors.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The byte cap on this request's body (`requestSizeLimit` sets it from the configuration). */
    maxBodyBytes?: number;
  }
}

export const payloadTooLarge = () => new AppError('PAYLOAD_TOO_LARGE', 'the request body is too large', 413);
export const bodyIncomplete = () => new AppError('BODY_INCOMPLETE', 'the request body ended early', 400);

/** The byte cap that applies to this request's body. */
export const maxBodyBytes = (req: IncomingMessage): number => (req as Request).maxBodyBytes ?? DEFAULT_UPLOAD_MAX_BYTES;

/** Refuses a declared body larger than the cap before anything reads it; the cap holds for the stream too. */
export const requestSizeLimit =
  (maxBytes = DEFAULT_UPLOAD_MAX_BYTES): RequestHandler =>
  (req, _res, next) => {
    req.maxBodyBytes = maxBytes;
    const declared = Number(req.get('content-length') ?? 0);
    if (declared > maxBytes) return next(payloadTooLarge());
    next();
  };

/** The media types a file route takes (a CSV or tab-separated report, or bytes of no declared type). */
export const FILE_MEDIA_TYPES = [
  'text/csv',
  'application/csv',
  'text/tab-separated-values',
  'application/edi-x12',
  'application/octet-stream',
] as const;

const fileRoutes: { method: string; path: RegExp; types: readonly string[] }[] = [];

/**
 * Declares that `method path` (an Express path such as `/api/imports`, `:name` for a segment)
 * takes a file body; `describeRoute` calls it for a route with `upload`.
 */
export function acceptFileBody(method: string, path: string, types: readonly string[] = FILE_MEDIA_TYPES) {
  const pattern = path
    .replace(/\/+$/, '')
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  // As Express matches routes: case-insensitively, a trailing slash allowed.
  fileRoutes.push({ method: method.toUpperCase(), path: new RegExp(`^${pattern}/?$`, 'i'), types });
}

/** The media types the route of this request takes as a file, or null when it takes none. */
const fileTypesOf = (req: Request): readonly string[] | null => {
  const path = req.originalUrl.split('?')[0]!;
  return fileRoutes.find((r) => r.method === req.method && r.path.test(path))?.types ?? null;
};

/** True when the request carries body bytes (a chunked body, or a positive Content-Length). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

const mediaTypeOf = (req: Request) =>
  (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() || 'a body without a Content-Type';

/**
 * How deep a JSON body may nest (objects and arrays). No schema of the API goes past a handful of
 * levels; a body of 200,000 nested arrays parses, but every JSON.stringify further on (the NUL
 * scan, the Idempotency-Key digest) overflows the stack on it: a 500 before.
 */
export const MAX_JSON_DEPTH = 32;

/** Whether `value` nests objects or arrays deeper than `limit`; walked without recursion, stopping at the first too deep. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const inner of Array.isArray(v) ? v : Object.values(v))
      if (inner !== null && typeof inner === 'object') stack.push({ value: inner, depth: depth + 1 });
  }
  return false;
}

/**
 * 415 for a request body that is not JSON, unless the route takes a file and the body is one.
 * A request without a body (a POST to a route that takes none) passes, whatever its headers say.
 * A JSON body nested deeper than MAX_JSON_DEPTH is a 400.
 */
export const jsonBodiesOnly: RequestHandler = (req, _res, next) => {
  if (hasBody(req) && req.is('application/json') && nestsDeeperThan(req.body, MAX_JSON_DEPTH))
    return next(new AppError('JSON_TOO_DEEP', `the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`, 400));
  if (!hasBody(req) || req.is('application/json')) return next();
  const fileTypes = fileTypesOf(req);
  if (fileTypes && req.is([...fileTypes])) return next();
  next(
    new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      fileTypes
        ? `this route takes a file as ${fileTypes.join(', ')} (or JSON where it says so), not ${mediaTypeOf(req)}`
        : `this route takes application/json, not ${mediaTypeOf(req)}`,
      415,
    ),
  );
};

/**
 * A readable passing on a source's chunks, each shown first to `check`, which throws (an
 * AppError) to stop the stream with that error. It reads the source only once it is read itself.
 * When it stops, on an error or because its reader destroyed it, it lets go of the source and
 * drains it: the rest is read and dropped, as an HTTP request must be before it is answered on
 * the same connection (a 413 answer closes the connection: see errors.ts).
 */
export function checkedStream(
  source: Readable,
  check: (chunk: Buffer) => void,
  options: { sourceError?: (err: Error) => Error } = {},
): Readable {
  let attached = false;
  let ended = false;
  const onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    try {
      check(bytes);
    } catch (err) {
      out.destroy(err as Error);
      return;
    }
    if (!out.push(bytes)) source.pause();
  };
  const onEnd = () => {
    ended = true;
    out.push(null);
  };
  const onError = (err: Error) => out.destroy(err instanceof AppError || !options.sourceError ? err : options.sourceError(err));
  const onClose = () => {
    if (!ended) out.destroy(options.sourceError ? options.sourceError(new Error('the source closed early')) : bodyIncomplete());
  };
  const detach = () => {
    source.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
  };
  const out: Readable = new Readable({
    read() {
      if (!attached) {
        attached = true;
        if (source.readableEnded) return void onEnd();
        source.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
      }
      source.resume();
    },
    destroy(err, callback) {
      if (attached) detach();
      if (!ended && !source.destroyed) {
        // Whatever still comes is dropped (flowing, no data listener), and so is a later error.
        source.on('error', () => undefined);
        source.resume();
      }
      callback(err);
    },
  });
  return out;
}

/**
 * A file that is no text (a gzip, an .xlsx or another zip, an .xls), told by its first bytes as
 * the POS reader tells it (core/pos/encoding.ts): 415 UNSUPPORTED_FILE saying what to send instead.
 */
export const unsupportedFile = (problem: string) => new AppError('UNSUPPORTED_FILE', problem, 415);

/**
 * The request's body as a stream that fails with 413 as soon as it passes `maxBytes`; with
 * `textOnly`, with 415 UNSUPPORTED_FILE as soon as its first bytes are a compressed file or a workbook.
 */
export function cappedBody(req: IncomingMessage, maxBytes = maxBodyBytes(req), textOnly = false): Readable {
  let bytes = 0;
  // the first bytes, until there are enough to tell (a body's first chunk may be tiny)
  let head: Buffer | null = textOnly ? Buffer.alloc(0) : null;
  return checkedStream(
    req,
    (chunk) => {
      bytes += chunk.length;
      if (bytes > maxBytes) throw payloadTooLarge();
      if (head !== null) {
        head = Buffer.concat([head, chunk.subarray(0, UNSUPPORTED_FILE_HEAD)]);
        const problem = unsupportedFileProblem(head);
        if (problem !== null) throw unsupportedFile(problem);
        if (head.length >= UNSUPPORTED_FILE_HEAD) head = null;
      }
    },
    // The client went away before the body's end (Node reports it as ECONNRESET, or only closes).
    { sourceError: () => bodyIncomplete() },
  );
}

export interface FileUpload {
  /** The body, capped: it fails with 413 PAYLOAD_TOO_LARGE once past the cap. */
  body: Readable;
  /** The declared length, when there is one (a chunked upload declares none). */
  declaredBytes: number | null;
}

/**
 * What a file route calls before it reads the body: 415 unless the body is sent as a file
 * (`FILE_MEDIA_TYPES`; `hint` tells the client what to send), then the capped body, which fails
 * with 415 UNSUPPORTED_FILE on a compressed file or a workbook (nothing of it is stored).
 */
export function fileUpload(req: Request, hint: string): FileUpload {
  if (!req.is([...FILE_MEDIA_TYPES])) throw new AppError('UNSUPPORTED_MEDIA_TYPE', hint, 415);
  const length = Number(req.get('content-length'));
  return { body: cappedBody(req, maxBodyBytes(req), true), declaredBytes: Number.isFinite(length) && length > 0 ? length : null };
}
