import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A human-readable document number that does not come from an auto-increment (it reveals no
 * volume and cannot be guessed): PREFIX-YYMM-XXXXXXXX in Crockford base32. Unique keys catch the
 * one-in-a-trillion collision, and the caller retries.
 */
export function documentNumber(prefix: string, now = new Date()): string {
  const bytes = randomBytes(8);
  let s = '';
  for (const b of bytes) s += CROCKFORD[b & 31];
  const yymm = `${String(now.getUTCFullYear()).slice(2)}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return `${prefix}-${yymm}-${s}`;
}
