import { buildReport, defaultPeriod, roiWindows, type AnalyticsReportName, type RawRow } from '../../core/analytics/reports.js';
import { distributorFilter, scopeOf, type Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import * as repo from './analytics.repository.js';
import { listRates } from './fx.repository.js';

export interface ReportQuery {
  from?: string;
  to?: string;
  distributorId?: number;
}

/** The SQL sums of a report (server/analytics/analytics.repository.ts), by name. */
async function rawRows(name: AnalyticsReportName, f: repo.AnalyticsFilter): Promise<RawRow[]> {
  switch (name) {
    case 'by-distributor':
      return repo.figures('distributor', f);
    case 'by-program':
      return repo.figures('program', f);
    case 'by-program-type':
      return repo.figures('programType', f);
    case 'by-product':
      return repo.figures('product', f);
    case 'by-month':
      return repo.figures('month', f);
    case 'margin-trend':
      return repo.marginTrend(f);
    case 'utilization':
      return repo.utilization(f);
    case 'program-roi': {
      const windows = (await repo.claimedPrograms(f)).flatMap((p) => {
        const w = roiWindows(p.start, p.end, f.to);
        return w ? [{ programId: p.id, ...w }] : [];
      });
      return repo.programRoi(f, windows);
    }
  }
}

/**
 * One report for the caller: a distributor user's own figures only (another distributor's
 * distributorId is a 403); a vendor user's of every distributor, or of the one it names.
 * Each row beside its base-currency figures at the rate of its figure date.
 */
export async function report(actor: Actor, name: AnalyticsReportName, q: ReportQuery, baseCurrency: string) {
  const period = {
    ...defaultPeriod(new Date().toISOString().slice(0, 10)),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  };
  if (period.from > period.to)
    throw new AppError('VALIDATION_FAILED', 'from is after to', 400, {
      errors: [{ field: 'from', message: `${period.from} is after to (${period.to})` }],
    });
  const distributorId = distributorFilter(actor, q.distributorId) ?? null;
  const filter: repo.AnalyticsFilter = { scope: scopeOf(actor), distributorId, ...period, baseCurrency };
  const [raw, rates] = await Promise.all([rawRows(name, filter), listRates({ to: baseCurrency, until: period.to })]);
  return buildReport(name, raw, rates, period, baseCurrency);
}
