/** The database's rate-limit counters (rate_limit_hits), for the store used when there is no Redis. */
import { literal, Op, UniqueConstraintError } from 'sequelize';
import { RateLimitHit } from '../../models/security.js';

export interface CounterState {
  hits: number;
  /** The end of the counter's window, epoch milliseconds. */
  resetAtMs: number;
}

/**
 * Counts hits on a counter (`by`, one by default): that many more in its window, or the first of a new window when the
 * last one ended (fixed windows). Atomic in every process: a conditional UPDATE, else an INSERT,
 * and an UPDATE again when another process inserted first.
 */
export async function countHit(counterKey: string, windowMs: number, now = Date.now(), by = 1): Promise<CounterState> {
  const n = Math.max(1, Math.trunc(by));
  const at = Math.trunc(now);
  const resetAtMs = at + Math.trunc(windowMs);
  // Another process may insert the row (or the purge delete it) between the two steps: a few tries settle it.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [updated] = await RateLimitHit.update(
      {
        // Both read the row's old reset_at_ms (MariaDB applies SET left to right; `hits` comes first).
        hits: literal(`CASE WHEN reset_at_ms > ${at} THEN hits + ${n} ELSE ${n} END`),
        resetAtMs: literal(`CASE WHEN reset_at_ms > ${at} THEN reset_at_ms ELSE ${resetAtMs} END`),
      },
      { where: { counterKey } },
    );
    if (updated === 0) {
      try {
        await RateLimitHit.create({ counterKey, hits: n, resetAtMs });
        return { hits: n, resetAtMs };
      } catch (err) {
        if (err instanceof UniqueConstraintError) continue;
        throw err;
      }
    }
    const row = await RateLimitHit.findByPk(counterKey, { attributes: ['hits', 'resetAtMs'] });
    // Purged in between (its window had ended): count again.
    if (!row) continue;
    return { hits: Number(row.hits), resetAtMs: Number(row.resetAtMs) };
  }
  throw new Error(`rate-limit counter ${counterKey}: could not count a hit`);
}

/** The counter as it stands, or null when it has none in the current window. */
export async function readCounter(counterKey: string, now = Date.now()): Promise<CounterState | null> {
  const row = await RateLimitHit.findOne({ where: { counterKey, resetAtMs: { [Op.gt]: Math.trunc(now) } } });
  return row ? { hits: Number(row.hits), resetAtMs: Number(row.resetAtMs) } : null;
}

/** Takes one hit back (a request that turned out not to count), never below zero. */
export async function uncountHit(counterKey: string, now = Date.now()): Promise<void> {
  await RateLimitHit.update(
    { hits: literal('hits - 1') },
    { where: { counterKey, hits: { [Op.gt]: 0 }, resetAtMs: { [Op.gt]: Math.trunc(now) } } },
  );
}

export async function clearCounter(counterKey: string): Promise<void> {
  await RateLimitHit.destroy({ where: { counterKey } });
}

/** Deletes the counters whose window has ended; the number deleted. */
export async function purgeEndedCounters(now = Date.now()): Promise<number> {
  return RateLimitHit.destroy({ where: { resetAtMs: { [Op.lte]: Math.trunc(now) } } });
}
