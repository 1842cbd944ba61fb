/** Redis for the job tests: REDIS_URL (default 127.0.0.1:6379), and whether it answers. */
import { connect } from 'node:net';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when something answers PONG at the Redis URL. */
export function redisAnswers(url = REDIS_URL): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/** Whether the Redis suites run: skipped (said loudly) without Redis, except with CI=true, where that fails. */
export async function redisOrSkip(what: string): Promise<boolean> {
  if (await redisAnswers()) return true;
  if (process.env.CI === 'true') throw new Error(`Redis does not answer at ${REDIS_URL}: CI needs it`);
  console.error(`\n!! Redis does not answer at ${REDIS_URL}: ${what} are skipped.\n`);
  return false;
}
