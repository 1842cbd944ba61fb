/**
 * Idempotency-Key on POST: the first response is stored with a fingerprint of the request;
 * a retry with the same key gets that response again, the same key with another request gets 422.
 *
 * The fingerprint covers the method, the path, the query string, the media type and the body: a
 * parsed JSON body as JSON, any other body (a CSV claim file or POS report, streamed) by the
 * SHA-256 of its bytes. Such a body is spooled to a temp file while it is hashed, then handed to
 * the route as the request's stream again; only requests with a key are spooled.
 *
 * Only a signed-in caller's keys are kept, and only for answers that did something: a refusal
 * (401, 403, 404, 429) or a server error is forgotten. Records are purged after
 * `IDEMPOTENCY_TTL_HOURS` (server/purge.ts).
 */
import type { RequestHandler } from 'express';
import { sha256 } from '../auth/passwords.js';
import { AppError } from '../errors.js';
import { discardSpool, hasUnreadBody, replayBody, spoolBody } from './body-spool.js';
import { findFirstRequest, forgetUse, recordFirstUse, storeResponse, type FirstRequest } from './idempotency.repository.js';
import { maxBodyBytes } from './body-limit.js';

/** The answer's Location header (a job's or a new object's URL): kept to be sent again with a replay. */
const locationOf = (res: { getHeader(name: string): unknown }): string | null => {
  const v = res.getHeader('location');
  return typeof v === 'string' && v ? v.slice(0, 2048) : null;
};

/** Refused requests (unauthenticated, forbidden, no such route or object, rate-limited): never stored. */
const REFUSALS = new Set([401, 403, 404, 429]);

export const idempotency: RequestHandler = async (req, res, next) => {
  const key = req.get('idempotency-key');
  if (req.method !== 'POST' || !key) return next();
  if (key.length > 255)
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key is longer than 255 characters', 400, {
      errors: [{ field: 'Idempotency-Key', message: 'at most 255 characters' }],
    });
  // Keys are per caller: one user's key never replays another's response. A request without a
  // caller has no one to key on (the only routes taking one are sign-ins, whose answers carry
  // secrets): its key is ignored, and nothing is stored for it.
  if (!req.actor) return next();
  const scope = `user:${req.actor.userId}`;
  const url = req.originalUrl;
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const query = at < 0 ? '' : url.slice(at + 1);
  const mediaType = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

  // The body as the fingerprint sees it: the bytes of a streamed body, a parsed JSON body as JSON.
  let bodyDigest: string;
  let spooled: Awaited<ReturnType<typeof spoolBody>> | null = null;
  if (hasUnreadBody(req)) {
    // The same cap as a body read by its route (a 413 answer closes the connection: errors.ts).
    spooled = await spoolBody(req, maxBodyBytes(req));
    const file = spooled;
    // The route is done with it once the answer is sent (or the client has gone).
    res.on('close', () => void discardSpool(file).catch((e: unknown) => console.error('spooled body', e)));
    bodyDigest = `stream ${spooled.sha256}`;
  } else {
    bodyDigest = `json ${sha256(JSON.stringify(req.body ?? null))}`;
  }
  const fingerprint = sha256([req.method, path, query, mediaType, bodyDigest].join('\n'));

  const use = { scope, idemKey: key, method: req.method, path: path.slice(0, 255), fingerprint };
  let recordId = await recordFirstUse(use);
  let first: FirstRequest | null = null;
  if (recordId === null) {
    first = await findFirstRequest(scope, key);
    // The first use was forgotten (it ended in a server error) in between: this request is the first now.
    if (!first) recordId = await recordFirstUse(use);
  }
  if (recordId === null) {
    if (!first) throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'the first request with this Idempotency-Key is still running', 409);
    if (first.fingerprint !== fingerprint) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with another request', 422);
    }
    if (first.statusCode === null) {
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'the first request with this Idempotency-Key is still running', 409);
    }
    res.set('Idempotency-Replayed', 'true');
    if (first.responseLocation) res.location(first.responseLocation);
    res
      .status(first.statusCode)
      .type('application/json')
      .send(first.responseBody ?? '');
    return;
  }

  const id = recordId;
  // The route reads the spooled body as the request's stream; once it has answered, the file is closed.
  const release = spooled ? replayBody(req, spooled) : () => undefined;
  res.on('finish', release);
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    release();
    const status = res.statusCode;
    const text = JSON.stringify(body);
    // Server errors are not remembered (the client may retry them), nor refusals: nothing was done.
    const settle = status >= 500 || REFUSALS.has(status) ? forgetUse(id) : storeResponse(id, status, text, locationOf(res));
    settle.catch((e: unknown) => console.error('idempotency record', e)).finally(() => json(body));
    return res;
  };
  next();
};
