/** A piece of work a process repeats (the inbound folder's scan, the outbound tick), one run at a time. */
export interface Repeating<A extends unknown[]> {
  /** Runs the work now (after the run in progress); resolves when it has run. */
  run(...args: A): Promise<void>;
  /** true once stop() was called: a long run checks it between its steps */
  stopped(): boolean;
  /** Stops the schedule and waits for the run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `work` every `everyMs` after the last run ended (never two at once), until stopped; an
 * error of a run is logged under `label` and the schedule goes on. No timer outlives stop().
 */
export function repeat<A extends unknown[]>(label: string, everyMs: number, work: (...args: A) => Promise<void>): Repeating<A> {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const run = (...args: A) => {
    running = running
      .then(() => (stopped ? undefined : work(...args)))
      .catch((err: unknown) => console.error(`${label}: ${(err as Error).message}`));
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void run(...([] as unknown as A)).then(schedule), everyMs);
    // The schedule never keeps a process alive.
    timer.unref();
  };
  schedule();
  return {
    run,
    stopped: () => stopped,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
