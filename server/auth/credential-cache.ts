/**
 * The callers' credentials, remembered for a few seconds (issue 19): a request with a known
 * session cookie, API token or embed bearer is resolved without a database round trip.
 *
 * Revocation still holds: in this process every write that ends or changes a credential (sign-out,
 * token revocation, deactivation, a role change, single logout) clears the cache at once
 * (`credentialsChanged`); another server process sees it within the cache's life
 * (CREDENTIAL_CACHE_SECONDS, 5 by default; 0 turns the cache off). An entry's own expiry (a
 * session's or a token's) is checked on every hit.
 */
let lifeMs = 5_000;
const entries = new Map<string, { value: unknown; until: number; expiresAt: number | null }>();
/** Bumped by every change, so a lookup that started before a change does not store what it read. */
let generation = 0;
const MAX_ENTRIES = 50_000;

export function configureCredentialCache(seconds: number) {
  lifeMs = Math.max(0, seconds * 1000);
  entries.clear();
}

/** Clears every remembered credential: call after any write that ends or changes one. */
export function credentialsChanged() {
  generation++;
  entries.clear();
}

/**
 * The credential under `key` (a hash), from the cache or from `load`. `expiresAt` says when the
 * credential itself stops (a session's or token's expiry), checked on every hit. Nulls (unknown
 * credentials) are not remembered: a wrong token always costs its lookup, and its rate limit counts it.
 */
export async function rememberCredential<T>(
  key: string,
  load: () => Promise<T | null>,
  expiresAt: (value: T) => Date | null,
): Promise<T | null> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now && (hit.expiresAt === null || hit.expiresAt > now)) return hit.value as T;
  if (hit) entries.delete(key);
  const started = generation;
  const value = await load();
  if (value !== null && lifeMs > 0 && started === generation) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, until: now + lifeMs, expiresAt: expiresAt(value)?.getTime() ?? null });
  }
  return value;
}
