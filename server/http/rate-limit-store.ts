/**
 * Where rate-limit counters live, shared by every server process: Redis when `REDIS_URL` is set,
 * the database (rate_limit_hits) otherwise. One interface, two implementations; the limiters in
 * ./security.ts use it through express-rate-limit's `Store` (`limiterStore`) or directly.
 *
 * Windows are fixed: a counter's first hit opens a window of the limiter's length; its hits
 * count until the window ends, then the next hit opens a new one.
 */
import { createHash } from 'node:crypto';
import type { Options, Store } from 'express-rate-limit';
import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { clearCounter, countHit, readCounter, uncountHit, type CounterState } from './rate-limit.repository.js';

export type { CounterState };

export interface RateLimitStore {
  readonly kind: 'redis' | 'database';
  /** Counts one hit (or `by`); the counter's hits in its window (these included) and the window's end. */
  hit(key: string, windowMs: number, by?: number): Promise<CounterState>;
  /** The counter in its current window, without counting; null when it has none. */
  read(key: string): Promise<CounterState | null>;
  /** Takes one hit back (express-rate-limit's `skipSuccessfulRequests`). */
  unhit(key: string): Promise<void>;
  clear(key: string): Promise<void>;
  /**
   * The store for a counter hit at every request: on the database, a view that writes a busy
   * counter once per interval (`coalescingStore`), closed with this store; Redis is itself.
   */
  coalesced(): RateLimitStore;
  /** Writes what its views hold and releases the connection (Redis); the database is its owner's to close. */
  close(): Promise<void>;
}

/** Keys name a limit and a caller (an address, an e-mail): a long one is shortened to a digest. */
const boundedKey = (key: string) => (key.length <= 200 ? key : `${key.slice(0, 100)}#${createHash('sha256').update(key).digest('hex')}`);

/** Counters in the database: one row each, a conditional UPDATE per hit (./rate-limit.repository.ts). */
export function databaseRateLimitStore(namespace = ''): RateLimitStore {
  const k = (key: string) => boundedKey(namespace + key);
  const views: RateLimitStore[] = [];
  const store: RateLimitStore = {
    kind: 'database',
    hit: (key, windowMs, by = 1) => countHit(k(key), windowMs, Date.now(), by),
    read: (key) => readCounter(k(key)),
    unhit: (key) => uncountHit(k(key)),
    clear: (key) => clearCounter(k(key)),
    coalesced() {
      const view = coalescingStore(store);
      views.push(view);
      return view;
    },
    async close() {
      await Promise.all(views.splice(0).map((v) => v.close()));
    },
  };
  return store;
}

// INCR, and the window's expiry set by the hit that opens it, in one step (a script runs atomically).
const HIT = `local n = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;
const UNHIT = `local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then return redis.call('DECR', KEYS[1]) end
return 0`;

/** Counters in Redis: a key per counter that expires with its window. */
export function redisRateLimitStore(url: string, namespace: string): RateLimitStore {
  // Few retries: a request waits for its counter, so an absent Redis must fail it soon, not hang it.
  const redis = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: true });
  const k = (key: string) => boundedKey(namespace + key);
  const store: RateLimitStore = {
    kind: 'redis',
    coalesced: () => store,
    async hit(key, windowMs, by = 1) {
      const [hits, ttl] = (await redis.eval(HIT, 1, k(key), Math.max(1, Math.trunc(windowMs)), Math.max(1, Math.trunc(by)))) as [
        number,
        number,
      ];
      return { hits: Number(hits), resetAtMs: Date.now() + Number(ttl) };
    },
    async read(key) {
      const [[, hits], [, ttl]] = (await redis.multi().get(k(key)).pttl(k(key)).exec()) as [[null, string | null], [null, number]];
      return hits === null || ttl < 0 ? null : { hits: Number(hits), resetAtMs: Date.now() + ttl };
    },
    async unhit(key) {
      await redis.eval(UNHIT, 1, k(key));
    },
    async clear(key) {
      await redis.del(k(key));
    },
    async close() {
      if (redis.status === 'wait' || redis.status === 'end') redis.disconnect();
      else await redis.quit().catch(() => redis.disconnect());
    },
  };
  return store;
}

/** The deployment's store: Redis (keys under `QUEUE_PREFIX`) with REDIS_URL, else the database. */
export function rateLimitStoreFor(config: Config): RateLimitStore {
  return config.redisUrl ? redisRateLimitStore(config.redisUrl, `${config.queuePrefix}:rate-limit:`) : databaseRateLimitStore();
}

/**
 * A store that writes a busy counter at most once per `flushMs`: hits are counted in this process
 * and added to the shared counter in one step (`hit(key, window, n)`), which answers with every
 * process's hits. A counter this process has not seen in its window is counted in the store at
 * once. For the per-request API limit on the database store: one write per caller and second
 * instead of one per request (on SQLite every write waits for the one writer). The figure a
 * request sees lags the other processes' hits by at most `flushMs`.
 */
export function coalescingStore(store: RateLimitStore, flushMs = 1000): RateLimitStore {
  const counters = new Map<string, { windowMs: number; pending: number; shared: CounterState }>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();
  const flush = async () => {
    timer = null;
    const now = Date.now();
    for (const [key, c] of counters) {
      if (c.pending === 0) {
        if (c.shared.resetAtMs <= now) counters.delete(key);
        continue;
      }
      const n = c.pending;
      c.pending = 0;
      try {
        c.shared = await store.hit(key, c.windowMs, n);
      } catch (err) {
        // A database closed under a process that is stopping: its last second of API counts goes.
        if (/closed/i.test((err as Error).message)) return;
        c.pending += n;
        console.error('rate-limit counters: could not write', err);
      }
    }
  };
  const schedule = () => {
    timer ??= setTimeout(() => {
      flushing = flushing.then(flush);
    }, flushMs);
    timer.unref?.();
  };
  const view: RateLimitStore = {
    kind: store.kind,
    coalesced: () => view,
    async hit(key, windowMs, by = 1) {
      const c = counters.get(key);
      if (!c || c.shared.resetAtMs <= Date.now()) {
        const shared = await store.hit(key, windowMs, by + (c?.pending ?? 0));
        counters.set(key, { windowMs, pending: 0, shared });
        return shared;
      }
      c.pending += by;
      schedule();
      return { hits: c.shared.hits + c.pending, resetAtMs: c.shared.resetAtMs };
    },
    async read(key) {
      const c = counters.get(key);
      if (c && c.shared.resetAtMs > Date.now()) return { hits: c.shared.hits + c.pending, resetAtMs: c.shared.resetAtMs };
      return store.read(key);
    },
    async unhit(key) {
      const c = counters.get(key);
      if (c && c.pending > 0) c.pending--;
      else await store.unhit(key);
    },
    async clear(key) {
      counters.delete(key);
      await store.clear(key);
    },
    /** Writes what is pending; the store underneath is its owner's to close. */
    async close() {
      if (timer) clearTimeout(timer);
      timer = null;
      await flushing;
      await flush();
    },
  };
  return view;
}

/** express-rate-limit's Store over the shared store, for one limiter: its counters under `name`. */
export function limiterStore(store: RateLimitStore, name: string): Store {
  let windowMs = 60_000;
  const k = (key: string) => `${name}:${key}`;
  return {
    prefix: `${name}:`,
    // Counters are shared by every process: no key is local to this one.
    localKeys: false,
    init(options: Options) {
      windowMs = options.windowMs;
    },
    async get(key) {
      const state = await store.read(k(key));
      return state ? { totalHits: state.hits, resetTime: new Date(state.resetAtMs) } : undefined;
    },
    async increment(key) {
      const state = await store.hit(k(key), windowMs);
      return { totalHits: state.hits, resetTime: new Date(state.resetAtMs) };
    },
    decrement: (key) => store.unhit(k(key)),
    resetKey: (key) => store.clear(k(key)),
  };
}
