/**
 * The request log: one JSON line per answered request (pino), written asynchronously so a slow
 * terminal or disk never holds a request. LOG_REQUESTS=false turns it off.
 */
import type { Request, Response } from 'express';
import { pino } from 'pino';

export function requestLog(destination = pino.destination({ sync: false })) {
  const logger = pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  // What is buffered is written before the process ends (main.ts exits on SIGTERM once closed).
  process.once('exit', () => {
    try {
      destination.flushSync();
    } catch {
      /* not open yet: nothing was buffered */
    }
  });
  return (req: Request, res: Response, ms: number) =>
    logger.info({
      method: req.method,
      path: req.originalUrl.split('?')[0],
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
      requestId: req.requestId,
      userId: req.actor?.userId ?? null,
    });
}
