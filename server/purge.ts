/**
 * Deletes what has expired, on a schedule in the server process: sessions, SAML AuthnRequest ids,
 * idempotency records (after `IDEMPOTENCY_TTL_HOURS`), spent embed-token ids and the database's
 * rate-limit counters. Each table is purged by its own repository; every purge is safe to run in
 * several processes at once (each deletes what has expired, whoever gets there first).
 */
import { purgeExpiredEmbedTokenUses, purgeExpiredSessions } from './auth/auth.repository.js';
import { purgeExpiredRequests } from './auth/saml.repository.js';
import type { Config } from './config.js';
import { purgeIdempotencyRecords } from './http/idempotency.repository.js';
import { purgeEndedCounters } from './http/rate-limit.repository.js';

export interface Purged {
  sessions: number;
  samlRequests: number;
  idempotencyRecords: number;
  embedTokenUses: number;
  rateLimitCounters: number;
}

/** One purge of every table, as of `now`: how many rows each lost. */
export async function purgeExpired(config: Pick<Config, 'idempotencyTtlHours'>, now = new Date()): Promise<Purged> {
  return {
    sessions: await purgeExpiredSessions(now),
    samlRequests: await purgeExpiredRequests(now),
    idempotencyRecords: await purgeIdempotencyRecords(new Date(now.getTime() - config.idempotencyTtlHours * 3600_000)),
    embedTokenUses: await purgeExpiredEmbedTokenUses(now),
    rateLimitCounters: await purgeEndedCounters(now.getTime()),
  };
}

/**
 * Purges now, then every `PURGE_INTERVAL_MINUTES` (0: never). The timer does not keep the process
 * alive; `stop()` ends it. A failed purge is logged, and the next one tries again.
 */
export function schedulePurges(config: Pick<Config, 'idempotencyTtlHours' | 'purgeIntervalMinutes'>): { stop(): void } {
  if (config.purgeIntervalMinutes === 0) return { stop: () => undefined };
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const purged = await purgeExpired(config);
      const total = Object.values(purged).reduce((a, b) => a + b, 0);
      if (total) console.log(`purged expired rows: ${JSON.stringify(purged)}`);
    } catch (err) {
      console.error('could not purge expired rows', err);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), config.purgeIntervalMinutes * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
