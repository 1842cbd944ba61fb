/**
 * Idempotency-Key on POST: the first response is stored with a fingerprint of the request;
 * a retry with the same key gets that response again, the same key with another body gets 422.
 */
import type { RequestHandler } from 'express';
import { sha256 } from '../auth/passwords.js';
import { AppError } from '../errors.js';
import { findFirstRequest, forgetUse, recordFirstUse, storeResponse, type FirstRequest } from './idempotency.repository.js';

export const idempotency: RequestHandler = async (req, res, next) => {
  const key = req.get('idempotency-key');
  if (req.method !== 'POST' || !key) return next();
  if (key.length > 255)
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key is longer than 255 characters', 400, {
      errors: [{ field: 'Idempotency-Key', message: 'at most 255 characters' }],
    });
  // Keys are per caller: one user's key never replays another's response.
  const scope = req.actor ? `user:${req.actor.userId}` : `anon:${req.ip}`;
  const path = req.originalUrl.split('?')[0]!;
  const fingerprint = sha256(`${req.method} ${path}\n${JSON.stringify(req.body ?? null)}`);

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
    res
      .status(first.statusCode)
      .type('application/json')
      .send(first.responseBody ?? '');
    return;
  }

  const id = recordId;
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const status = res.statusCode;
    const text = JSON.stringify(body);
    // Server errors are not remembered: the client may retry them.
    const settle = status >= 500 ? forgetUse(id) : storeResponse(id, status, text);
    settle.catch((e: unknown) => console.error('idempotency record', e)).finally(() => json(body));
    return res;
  };
  next();
};
