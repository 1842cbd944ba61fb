/**
 * The requests a process is still working on, for a graceful stop: a request counts from the
 * moment it arrives until its handler ends the response (`res.end`), whether or not its client is
 * still there. A client that goes away does not stop the work it asked for (a claim being written
 * commits, then its events are handled): the process must not close its database under it.
 * An event stream (text/event-stream) is a subscription, not work: it is not waited for.
 */
import type { RequestHandler, Response } from 'express';

export interface InFlight {
  /** The middleware that counts; first in the chain. */
  track: RequestHandler;
  /** The requests being worked on now (event streams left out). */
  count(): number;
  /** Resolves once no request is being worked on (event streams left out). */
  idle(): Promise<void>;
}

const isStream = (res: Response) => String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream');

export function inFlightRequests(): InFlight {
  const open = new Set<Response>();
  const waiters: (() => void)[] = [];
  const count = () => {
    let n = 0;
    for (const res of open) if (!isStream(res)) n++;
    return n;
  };
  const settle = () => {
    if (waiters.length && count() === 0) for (const resolve of waiters.splice(0)) resolve();
  };
  const done = (res: Response) => {
    if (open.delete(res)) settle();
  };
  return {
    track(_req, res, next) {
      open.add(res);
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((...args: unknown[]) => {
        done(res);
        return end(...args);
      }) as Response['end'];
      // A stream is done when its client goes.
      res.on('close', () => {
        if (isStream(res)) done(res);
      });
      next();
    },
    count,
    idle() {
      if (count() === 0) return Promise.resolve();
      // A request can become a stream after it was counted: look again now and then.
      return new Promise<void>((resolve) => {
        const timer = setInterval(settle, 100);
        waiters.push(() => {
          clearInterval(timer);
          resolve();
        });
      });
    },
  };
}
