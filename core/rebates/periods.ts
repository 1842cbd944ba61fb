/**
 * Rebate periods: a month, a quarter, a year (calendar), or custom dates. Dates are ISO
 * `YYYY-MM-DD` strings compared as text; bounds are inclusive.
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The calendar period of `kind` that holds `date`. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, date: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const [first, last] = kind === 'month' ? [m, m] : kind === 'quarter' ? [m - ((m - 1) % 3), m - ((m - 1) % 3) + 2] : [1, 12];
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay(y, last))}` };
}

/** The same period a year earlier: a growth program's default baseline. */
export function yearBefore(p: Period): Period {
  const shift = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const m = Number(d.slice(5, 7));
    return `${y}-${d.slice(5, 8)}${pad(Math.min(Number(d.slice(8, 10)), lastDay(y, m)))}`;
  };
  return { from: shift(p.from), to: shift(p.to) };
}

export const inPeriod = (p: Period, date: string) => date >= p.from && date <= p.to;

/** The share of the period elapsed on `asOf` (0 before it, 1 after it): for accruing a running period. */
export function elapsedShare(p: Period, asOf: string): number {
  if (asOf < p.from) return 0;
  if (asOf >= p.to) return 1;
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  return (day(asOf) - day(p.from) + 1) / (day(p.to) - day(p.from) + 1);
}
