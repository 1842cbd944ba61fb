/**
 * What a claim in review leaves for finance: the lines a person must still look at, and who
 * adjusted its lines (who may therefore not authorize it: core/permissions.ts `authorizeBlock`).
 * One rule: the server sums it in SQL over every line of a claim (`REVIEW_VERDICTS`), the finance
 * queue shows what the server sums, and `reviewOfLines` says the same of lines in hand.
 */
import type { LineVerdict } from '../domain.js';

/** Verdicts validation left for a person to look at, unless someone adjusted the line. */
export const REVIEW_VERDICTS = ['pending', 'partial', 'rejected'] as const satisfies readonly LineVerdict[];

/** A claim's review figures over all of its lines. */
export interface ClaimReview {
  /** lines with a verdict in REVIEW_VERDICTS that nobody adjusted */
  linesToCheck: number;
  /** everyone who ever adjusted one of its lines, ascending (the server keeps them all; `reviewOfLines` knows only each line's last) */
  adjustedByUserIds: number[];
}

type ReviewedLine = { verdict: LineVerdict; adjustedByUserId?: number | null };

/** Whether a line still waits for a person to look at it. */
export const needsReview = (l: ReviewedLine) => (REVIEW_VERDICTS as readonly LineVerdict[]).includes(l.verdict) && !l.adjustedByUserId;

/** The review figures of the lines in hand (all of a claim's lines, or the answer is of those only). */
export function reviewOfLines(lines: readonly ReviewedLine[]): ClaimReview {
  const adjusters = new Set<number>();
  let linesToCheck = 0;
  for (const l of lines) {
    if (needsReview(l)) linesToCheck++;
    if (l.adjustedByUserId) adjusters.add(l.adjustedByUserId);
  }
  return { linesToCheck, adjustedByUserIds: [...adjusters].sort((a, b) => a - b) };
}
