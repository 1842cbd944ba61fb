/**
 * The jobs of one process: its queue (Redis or in memory, see queue.ts), where uploads are kept,
 * and how a route answers for a job it queued (202 and a Location to poll, or with `?wait=true`
 * 201 and the finished result once the job has ended).
 */
import type { Response } from 'express';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { z } from '../http/openapi.js';
import { jobGaveUp, runJob } from './processors.js';
import { MemoryJobQueue, RedisJobQueue, type JobData, type JobQueue } from './queue.js';
import { UploadStore } from './uploads.js';

export interface Jobs {
  queue: JobQueue;
  uploads: UploadStore;
  close(): Promise<void>;
}

/**
 * Without REDIS_URL: an in-memory queue whose jobs run in this process. With it: a BullMQ queue;
 * this process also runs jobs when it is a worker (`worker: true`) or WORKER_IN_PROCESS=true.
 */
export function createJobs(config: Config, options: { worker?: boolean } = {}): Jobs {
  const uploads = new UploadStore(config.uploadDir);
  const queue: JobQueue = config.redisUrl
    ? new RedisJobQueue({
        url: config.redisUrl,
        prefix: config.queuePrefix,
        processor: (options.worker ?? config.workerInProcess) ? runJob : undefined,
        concurrency: config.workerConcurrency,
        lockMs: config.jobLockMs,
        stalledIntervalMs: config.jobStalledIntervalMs,
        gaveUp: jobGaveUp,
      })
    : new MemoryJobQueue(runJob, config.workerConcurrency);
  return { queue, uploads, close: () => queue.close() };
}

/** `?wait=true`: answer 201 with the finished result once the job has ended, instead of 202 at once. */
export const WaitQuery = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true')
  .openapi({
    description: 'true: answer 201 with the finished result once the job has ended (its failure as the error it is); default: 202 at once',
  });

const ENDED = new Set(['completed', 'failed']);

export interface JobAnswer<V, R> {
  data: JobData;
  /** where the job is polled (GET answers its view) */
  location: string;
  /** the job's view now (the 202 body) */
  view: () => Promise<V & { status: string }>;
  /** the finished job's result (the 201 body), or its failure thrown as the problem it was */
  outcome: () => Promise<R>;
  /** the job could not be queued: close its row */
  unqueued: (problem: AppError) => Promise<void>;
}

/**
 * Queues a job and answers: 202 with its view and a Location at once; with `wait`, 201 with its
 * result when it has ended (or its problem, as the request itself would have answered it). Waiting
 * follows the in-process queue's promise, or polls the job's row (any worker may run it).
 */
export async function answerJob<V, R>(res: Response, jobs: Jobs, wait: boolean, job: JobAnswer<V, R>) {
  let added: { done?: Promise<void> };
  try {
    added = await jobs.queue.add(job.data);
  } catch (err) {
    console.error(`could not queue job ${job.data.kind}-${job.data.id}`, err);
    const problem = new AppError('QUEUE_UNAVAILABLE', 'the job queue cannot be reached: send the file again later', 503);
    await job.unqueued(problem).catch(() => undefined);
    throw problem;
  }
  res.location(job.location);
  if (!wait) {
    res.status(202).json(await job.view());
    return;
  }
  let gone = false;
  res.on('close', () => {
    gone = true;
  });
  if (added.done) await added.done;
  for (;;) {
    const v = await job.view();
    if (ENDED.has(v.status)) break;
    if (added.done) throw new AppError('INTERNAL', 'the job ended without recording its outcome', 500);
    // The caller went away: the job goes on; GET the Location for its outcome.
    if (gone) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  res.status(201).json(await job.outcome());
}
