/**
 * The org's daily API limits, read from `GET /limits` before a sync and again every
 * `refreshEvery` calls during it. Every call the sync makes goes through `call()`, which refuses
 * (LimitReserveError, not retried) a call that would dip into the reserve the admin keeps for
 * everyone else: the run then stops with a clear status and the next run resumes where it stopped.
 */
import type { SalesforceConnection } from './connection.js';

/** The limits the sync spends: every call spends an API request; a Bulk API 2.0 query job also spends a job. */
export const GUARDED_LIMITS = ['DailyApiRequests', 'DailyBulkV2QueryJobs'] as const;
export type GuardedLimit = (typeof GUARDED_LIMITS)[number];
type Limits = Record<GuardedLimit, { Max: number; Remaining: number }>;

export class LimitReserveError extends Error {
  readonly errorCode = 'ORG_LIMIT_RESERVE';
  constructor(
    readonly limit: GuardedLimit,
    used: number,
    max: number,
    reserve: number,
  ) {
    super(
      `${limit}: ${used} of ${max} used today and ${reserve} (the reserve, SALESFORCE_LIMIT_RESERVE_PERCENT) are kept for other ` +
        'integrations: the sync stopped before using them and resumes where it stopped at the next run',
    );
    this.name = 'LimitReserveError';
  }
}

export interface LimitUse {
  /** API calls this guard made (the /limits reads included). */
  apiCalls: number;
  bulkJobs: number;
  limitsReads: number;
  /** What the org reported at the last read: remaining of each limit. */
  remaining: Partial<Record<GuardedLimit, number>>;
  max: Partial<Record<GuardedLimit, number>>;
}

export class LimitGuard {
  private limits: Limits | null = null;
  private sinceRead = { api: 0, jobs: 0 };
  readonly use: LimitUse = { apiCalls: 0, bulkJobs: 0, limitsReads: 0, remaining: {}, max: {} };

  constructor(
    private readonly conn: SalesforceConnection,
    private readonly reservePercent: number,
    private readonly refreshEvery = 200,
  ) {}

  /** Reads /limits (one API call). */
  async refresh() {
    const version = this.conn.version;
    this.use.apiCalls++;
    this.use.limitsReads++;
    const all = await this.conn.request<Partial<Limits>>(`/services/data/v${version}/limits`);
    this.limits = {} as Limits;
    for (const name of GUARDED_LIMITS) {
      const l = all[name];
      // An org without the limit (an old API version) is not guarded on it.
      this.limits[name] = l ? { Max: Number(l.Max), Remaining: Number(l.Remaining) } : { Max: Infinity, Remaining: Infinity };
      this.use.remaining[name] = l ? Number(l.Remaining) : undefined;
      this.use.max[name] = l ? Number(l.Max) : undefined;
    }
    this.sinceRead = { api: 0, jobs: 0 };
  }

  /** Throws a LimitReserveError when `need` more would dip into the reserve of `limit`. */
  private check(limit: GuardedLimit, spentSinceRead: number, need: number) {
    const l = this.limits![limit];
    if (!Number.isFinite(l.Max)) return;
    const reserve = Math.ceil((l.Max * this.reservePercent) / 100);
    if (l.Remaining - spentSinceRead - need < reserve)
      throw new LimitReserveError(limit, l.Max - l.Remaining + spentSinceRead, l.Max, reserve);
  }

  /** Runs one API call (a Bulk API 2.0 job creation when `bulkJob`) if the limits allow it. */
  async call<T>(fn: () => Promise<T>, bulkJob = false): Promise<T> {
    if (!this.limits || this.sinceRead.api >= this.refreshEvery) await this.refresh();
    // The next /limits read is itself a call: keep room for it.
    this.check('DailyApiRequests', this.sinceRead.api, 2);
    if (bulkJob) this.check('DailyBulkV2QueryJobs', this.sinceRead.jobs, 1);
    this.sinceRead.api++;
    this.use.apiCalls++;
    if (bulkJob) {
      this.sinceRead.jobs++;
      this.use.bulkJobs++;
    }
    return fn();
  }
}
