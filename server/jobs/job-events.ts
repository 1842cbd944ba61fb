/**
 * A job's row changed (an import's progress, its end): told to every process, so that an event
 * stream (`GET /api/imports/:id/events`) follows a job whichever process runs it. In one process
 * (no REDIS_URL) an EventEmitter; with REDIS_URL a Redis channel, `<QUEUE_PREFIX>:job-events`, that
 * every process publishes to and listens on (one subscriber connection each). Delivery is at most
 * once (Redis pub/sub keeps nothing): a listener reads the row itself and looks again now and then
 * (`fallbackMs`), so a lost message delays an event, never loses the job's end.
 */
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';

export type JobRow = 'import';

const local = new EventEmitter();
local.setMaxListeners(0);
let redis: { pub: Redis; sub: Redis; channel: string } | null = null;
let fallback = 2_000;

const key = (row: JobRow, id: number) => `${row}:${id}`;

/** The process's job events: over Redis with `redisUrl`, else in this process. Returns the close. */
export function useJobEvents(options: { redisUrl?: string; prefix: string; fallbackMs?: number }): () => Promise<void> {
  if (options.fallbackMs !== undefined) fallback = options.fallbackMs;
  if (!options.redisUrl) return async () => undefined;
  const channel = `${options.prefix}:job-events`;
  const pub = new Redis(options.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  const sub = new Redis(options.redisUrl, { lazyConnect: true });
  sub.on('message', (_channel: string, message: string) => local.emit(message));
  for (const c of [pub, sub]) c.on('error', (err: Error) => console.warn(`job events: ${err.message}`));
  void sub.subscribe(channel).catch((err: Error) => console.warn(`job events: cannot listen on ${channel}: ${err.message}`));
  const mine = { pub, sub, channel };
  redis = mine;
  return async () => {
    if (redis === mine) redis = null;
    await Promise.all([pub, sub].map((c) => c.quit().catch(() => c.disconnect())));
  };
}

/** How long a listener waits for an event before it looks at the row anyway. */
export const fallbackMs = () => fallback;

/** The row changed: tells every process (after the commit of `transaction`, when there is one). */
export function jobChanged(row: JobRow, id: number, transaction?: { afterCommit(fn: () => void): void } | null) {
  const tell = () => {
    if (!redis) local.emit(key(row, id));
    else void redis.pub.publish(redis.channel, key(row, id)).catch((err: Error) => console.warn(`job events: ${err.message}`));
  };
  if (transaction) transaction.afterCommit(tell);
  else tell();
}

/** Calls `listener` when the row changes (in any process); returns the unsubscribe. */
export function onJobChange(row: JobRow, id: number, listener: () => void): () => void {
  local.on(key(row, id), listener);
  return () => local.off(key(row, id), listener);
}
