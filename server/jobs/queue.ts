/**
 * The job queue behind imports, claim files and claim runs, in two forms with one interface:
 *
 * - `RedisJobQueue`: BullMQ over Redis (REDIS_URL). Jobs outlive the process that queued them and
 *   run in any number of worker processes (`npm run worker`). A worker that dies (SIGKILL, a lost
 *   machine) stops renewing its lock; after `jobLockMs` another worker's stalled-job check (every
 *   `jobStalledIntervalMs`) puts the job back in the queue and it runs again. What it had written
 *   is either committed with its progress mark (an import goes on after it) or thrown away (a claim
 *   file's draft): see server/jobs/processors.ts.
 * - `MemoryJobQueue`: in this process, in memory, `workerConcurrency` at a time; for the demo and
 *   the tests without Redis. Jobs a stopped process left are found in the database when it starts
 *   again (`recoverJobs`).
 */
import { Queue, Worker, type Job } from 'bullmq';

export type JobKind = 'pos-import' | 'claim-file' | 'claim-run' | 'webhook-delivery' | 'edi-845';

export interface JobData {
  kind: JobKind;
  /** the import row (pos-import, claim-file), the claim run row (claim-run), the webhook delivery row (webhook-delivery) or the distributor (edi-845) */
  id: number;
  /** a job that recurs (edi-845): which run of it, so each run is queued once */
  slot?: number;
}

export interface JobContext {
  /** 1 for the first run */
  attempt: number;
  /** no run follows this one if it throws */
  finalAttempt: boolean;
}

/**
 * Runs one job. A failure of the file or the request (an AppError) is the job's outcome, recorded
 * on its row: the processor returns. Anything else (the database went away) is thrown, and the
 * job runs again while attempts remain.
 */
export type Processor = (data: JobData, context: JobContext) => Promise<void>;

export interface JobQueue {
  readonly kind: 'memory' | 'redis';
  /** Queues a job (once per kind and id); `done` (in-process queue) settles when it has run. */
  add(data: JobData, retry?: RetryPolicy): Promise<{ done?: Promise<void> }>;
  /** Stops taking jobs and waits for the ones running; closes every connection. */
  close(): Promise<void>;
}

/** Runs after a failed attempt (unexpected errors only), with a growing pause. */
const ATTEMPTS = 3;

/** A job's own retries (a webhook delivery's): how many runs at most, and the first pause (then doubling). */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}
const jobId = (d: JobData) => (d.slot === undefined ? `${d.kind}-${d.id}` : `${d.kind}-${d.id}-${d.slot}`);

export class MemoryJobQueue implements JobQueue {
  readonly kind = 'memory';
  private readonly waiting: { data: JobData; attempt: number; settle: () => void; retry?: RetryPolicy }[] = [];
  private readonly queued = new Map<string, Promise<void>>();
  private running = 0;
  private readonly idle = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly processor: Processor,
    private readonly concurrency = 2,
  ) {}

  async add(data: JobData, retry?: RetryPolicy) {
    if (this.closed) throw new Error('the job queue is closed');
    const existing = this.queued.get(jobId(data));
    if (existing) return { done: existing };
    const done = new Promise<void>((settle) => this.waiting.push({ data, attempt: 1, settle, retry }));
    this.queued.set(jobId(data), done);
    this.pump();
    return { done };
  }

  private pump() {
    while (this.running < this.concurrency && this.waiting.length) {
      const next = this.waiting.shift()!;
      this.running++;
      void this.run(next).finally(() => {
        this.running--;
        this.pump();
        if (!this.running && !this.waiting.length) for (const resolve of this.idle) resolve();
      });
    }
  }

  private async run(entry: { data: JobData; attempt: number; settle: () => void; retry?: RetryPolicy }) {
    const attempts = entry.retry?.attempts ?? ATTEMPTS;
    try {
      await this.processor(entry.data, { attempt: entry.attempt, finalAttempt: entry.attempt >= attempts || this.closed });
    } catch (err) {
      if (entry.attempt < attempts && !this.closed) {
        const pause = entry.retry ? entry.retry.backoffMs * 2 ** (entry.attempt - 1) : 250 * 2 ** entry.attempt;
        await new Promise((resolve) => setTimeout(resolve, pause));
        this.waiting.push({ ...entry, attempt: entry.attempt + 1 });
        return;
      }
      console.error(`job ${jobId(entry.data)} failed`, err);
    }
    this.queued.delete(jobId(entry.data));
    entry.settle();
  }

  async close() {
    this.closed = true;
    if (!this.running && !this.waiting.length) return;
    await new Promise<void>((resolve) => this.idle.add(resolve));
  }
}

export interface RedisQueueOptions {
  url: string;
  prefix: string;
  /** also run jobs here (a worker); otherwise only queue them */
  processor?: Processor;
  concurrency?: number;
  lockMs?: number;
  stalledIntervalMs?: number;
  /** a job that will not run again (attempts spent, or stalled too often): its row is marked failed */
  gaveUp?: (data: JobData) => Promise<void>;
}

export const QUEUE_NAME = 'bec-jobs';

export class RedisJobQueue implements JobQueue {
  readonly kind = 'redis';
  private readonly queue: Queue<JobData>;
  readonly worker: Worker<JobData> | null = null;

  constructor(options: RedisQueueOptions) {
    this.queue = new Queue<JobData>(QUEUE_NAME, { connection: { url: options.url }, prefix: options.prefix });
    if (options.processor) {
      const processor = options.processor;
      this.worker = new Worker<JobData>(
        QUEUE_NAME,
        async (job: Job<JobData>) => {
          const attempt = job.attemptsMade + 1;
          await processor(job.data, { attempt, finalAttempt: attempt >= (job.opts.attempts ?? 1) });
        },
        {
          connection: { url: options.url, maxRetriesPerRequest: null },
          prefix: options.prefix,
          concurrency: options.concurrency ?? 2,
          lockDuration: options.lockMs ?? 30_000,
          stalledInterval: options.stalledIntervalMs ?? 30_000,
          // A job whose worker died is run again (twice more); a third stall fails it.
          maxStalledCount: 2,
        },
      );
      this.worker.on('failed', (job, err) => {
        console.error(`job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'})`, err);
        // A stalled job over its limit fails without its processor running: its row is closed here.
        if (job && options.gaveUp && (job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/i.test(err.message)))
          options.gaveUp(job.data).catch((e: unknown) => console.error(`job ${job.id ?? '?'}: could not record its failure`, e));
      });
      this.worker.on('error', (err) => console.error('job worker error', err));
    }
  }

  async add(data: JobData, retry?: RetryPolicy) {
    await this.queue.add(data.kind, data, {
      jobId: jobId(data),
      attempts: retry?.attempts ?? ATTEMPTS,
      backoff: { type: 'exponential', delay: retry?.backoffMs ?? 1000 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    });
    return {};
  }

  async close() {
    await this.worker?.close();
    await this.queue.close();
  }
}
