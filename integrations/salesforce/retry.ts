/** Retries with exponential backoff for the failures that pass: API limits, busy orgs, network errors. */

const TRANSIENT_CODES = new Set([
  'REQUEST_LIMIT_EXCEEDED',
  'SERVER_UNAVAILABLE',
  'UNABLE_TO_LOCK_ROW',
  'ERROR_HTTP_502',
  'ERROR_HTTP_503',
  'ERROR_HTTP_504',
]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'ENOTFOUND']);

interface ErrorLike {
  errorCode?: string;
  code?: string;
  name?: string;
  message?: string;
  cause?: unknown;
}

export function errorCodeOf(err: unknown): string {
  const e = (err ?? {}) as ErrorLike;
  if (e.errorCode) return e.errorCode;
  if (isNetworkError(err)) return 'NETWORK_ERROR';
  return e.name && e.name !== 'Error' ? e.name : 'ERROR';
}

function isNetworkError(err: unknown): boolean {
  for (let e = err as ErrorLike | undefined, depth = 0; e && depth < 4; e = e.cause as ErrorLike | undefined, depth++) {
    if (e.code && NETWORK_CODES.has(e.code)) return true;
    if (e.name === 'FetchError' || /socket hang up|fetch failed|network|ECONNRESET|ECONNREFUSED/i.test(e.message ?? '')) return true;
  }
  return false;
}

export function isTransient(err: unknown): boolean {
  const code = (err as ErrorLike | undefined)?.errorCode;
  return (code !== undefined && TRANSIENT_CODES.has(code)) || isNetworkError(err);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: { attempts: number; baseDelayMs: number },
  onRetry?: (err: unknown, attempt: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isTransient(err) || attempt >= policy.attempts) throw err;
      onRetry?.(err, attempt);
      // Full backoff with a little jitter so parallel workers do not retry in step.
      await sleep(policy.baseDelayMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.2));
    }
  }
}
