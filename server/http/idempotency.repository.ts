/** The stored first responses to POSTs carrying an Idempotency-Key. */
import { Op, UniqueConstraintError } from 'sequelize';
import { IdempotencyRecord } from '../../models/platform.js';

export interface IdempotencyKeyUse {
  /** Whose key: `user:<id>` or `anon:<address>`. */
  scope: string;
  idemKey: string;
  method: string;
  path: string;
  /** SHA-256 of the request: method, path, query string, media type and body. */
  fingerprint: string;
}

export interface FirstRequest {
  fingerprint: string;
  /** Null while the first request is still running. */
  statusCode: number | null;
  responseBody: string | null;
  /** The first answer's Location header, if it had one. */
  responseLocation: string | null;
}

/**
 * Records the first use of a key, its response still to come: the new record's id, or null when
 * the caller already used this key (then `findFirstRequest` says with what).
 */
export async function recordFirstUse(use: IdempotencyKeyUse): Promise<number | null> {
  try {
    const record = await IdempotencyRecord.create({ ...use, statusCode: null, responseBody: null });
    return record.id;
  } catch (err) {
    if (err instanceof UniqueConstraintError) return null;
    throw err;
  }
}

export async function findFirstRequest(scope: string, idemKey: string): Promise<FirstRequest | null> {
  const r = await IdempotencyRecord.findOne({
    where: { scope, idemKey },
    attributes: ['fingerprint', 'statusCode', 'responseBody', 'responseLocation'],
  });
  return r
    ? { fingerprint: r.fingerprint, statusCode: r.statusCode, responseBody: r.responseBody, responseLocation: r.responseLocation ?? null }
    : null;
}

export async function storeResponse(id: number, statusCode: number, responseBody: string, responseLocation: string | null): Promise<void> {
  await IdempotencyRecord.update({ statusCode, responseBody, responseLocation }, { where: { id } });
}

/** Forgets a use whose request failed on the server's side: the client may retry it. */
export async function forgetUse(id: number): Promise<void> {
  await IdempotencyRecord.destroy({ where: { id } });
}

/** Deletes the records of first uses made before `before` (their retries are answered afresh); the number deleted. */
export async function purgeIdempotencyRecords(before: Date): Promise<number> {
  return IdempotencyRecord.destroy({ where: { createdAt: { [Op.lt]: before } } });
}
