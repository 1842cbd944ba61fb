/**
 * The book cost timeline of one distributor and product: periods that never overlap, each from
 * its first day to its last (inclusive; null: open-ended), as the engine reads them
 * (server/claims/facts.repository.ts bookCosts: the period holding the invoice date).
 */
import { parseMoney } from '../money.js';

export interface BookCostPeriod {
  id: number;
  cost: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export type BookCostPlan =
  /** the same cost from the same day is on record already */
  | { kind: 'unchanged'; period: BookCostPeriod }
  /** a period starts on that day with another cost: its cost is corrected */
  | { kind: 'correct'; period: BookCostPeriod }
  /**
   * a new period from that day: the one holding the day before ends then (`close`), and the new
   * one runs until the day before the next period starts, or open-ended
   */
  | { kind: 'insert'; close: { id: number; effectiveTo: string } | null; effectiveTo: string | null };

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Where a cost from `effectiveFrom` goes among `periods` (any order) so that none overlap. */
export function placeBookCost(periods: readonly BookCostPeriod[], cost: string, effectiveFrom: string): BookCostPlan {
  const sorted = [...periods].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const same = sorted.find((p) => p.effectiveFrom === effectiveFrom);
  if (same) return parseMoney(same.cost).eq(parseMoney(cost)) ? { kind: 'unchanged', period: same } : { kind: 'correct', period: same };
  const previous = sorted.filter((p) => p.effectiveFrom < effectiveFrom).at(-1);
  const next = sorted.find((p) => p.effectiveFrom > effectiveFrom);
  const close =
    previous && (previous.effectiveTo === null || previous.effectiveTo >= effectiveFrom)
      ? { id: previous.id, effectiveTo: dayBefore(effectiveFrom) }
      : null;
  return { kind: 'insert', close, effectiveTo: next ? dayBefore(next.effectiveFrom) : null };
}
