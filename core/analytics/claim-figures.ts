/**
 * Which claim counts where in the claims' report figures (issue 19 item 3): the one definition the
 * scanned SQL of the reports and the figures kept up to date as claims move (the rollups,
 * server/reports/rollups.repository.ts) both derive from. Plain TypeScript.
 *
 * - The accruals' liability: a claim in review counts its approved total under `inReview`, an
 *   authorized one under `openLiability`, a paid one under `paid`; a draft or a claim rejected
 *   whole counts nowhere.
 * - The aging report: a claim in review or authorized (not yet paid) is aged from its submission
 *   day with its approved total.
 * - The claims report (`GET /api/reports/claims`): every claim but a draft is counted with its
 *   claimed total; its approved total counts as approved once submitted (and while authorized or
 *   paid) and as paid once paid.
 */
import type { ClaimStatus } from '../domain.js';
import { Money, type Money as MoneyValue } from '../money.js';

export const LIABILITY_BUCKETS = ['inReview', 'openLiability', 'paid'] as const;
export type LiabilityBucket = (typeof LIABILITY_BUCKETS)[number];

/** The status each liability bucket holds (the scanned SQL's CASE comes from it). */
export const BUCKET_STATUS: Readonly<Record<LiabilityBucket, ClaimStatus>> = {
  inReview: 'submitted',
  openLiability: 'authorized',
  paid: 'paid',
};

export const liabilityBucketOf = (status: ClaimStatus): LiabilityBucket | null =>
  LIABILITY_BUCKETS.find((b) => BUCKET_STATUS[b] === status) ?? null;

/** The statuses whose claims the claims report counts, and those whose approved total it counts as approved / paid. */
export const REPORTED_STATUSES: readonly ClaimStatus[] = ['submitted', 'authorized', 'paid', 'rejected'];
export const APPROVED_STATUSES: readonly ClaimStatus[] = ['submitted', 'authorized', 'paid'];
export const PAID_STATUSES: readonly ClaimStatus[] = ['paid'];
/** The statuses the aging report ages: submitted and not yet paid (in review or authorized). */
export const UNPAID_STATUSES: readonly ClaimStatus[] = [BUCKET_STATUS.inReview, BUCKET_STATUS.openLiability];
export const isUnpaidBucket = (bucket: LiabilityBucket | null) => bucket !== null && UNPAID_STATUSES.includes(BUCKET_STATUS[bucket]);

/** A claim as the figures read it. */
export interface ClaimFigureFacts {
  status: ClaimStatus;
  claimedTotal: MoneyValue;
  approvedTotal: MoneyValue;
}

/** What one claim adds to the claims report's figures of its group (its day, distributor, program type, currency). */
export interface ReportPart {
  claims: number;
  claimed: MoneyValue;
  approved: MoneyValue;
  paid: MoneyValue;
}

export function reportPartOf(c: ClaimFigureFacts): ReportPart {
  const zero = new Money(0);
  if (!REPORTED_STATUSES.includes(c.status)) return { claims: 0, claimed: zero, approved: zero, paid: zero };
  return {
    claims: 1,
    claimed: c.claimedTotal,
    approved: APPROVED_STATUSES.includes(c.status) ? c.approvedTotal : zero,
    paid: PAID_STATUSES.includes(c.status) ? c.approvedTotal : zero,
  };
}

/** What one claim adds to the accruals' liability: its bucket and amount (null: nothing). */
export function liabilityPartOf(c: ClaimFigureFacts): { bucket: LiabilityBucket; amount: MoneyValue } | null {
  const bucket = liabilityBucketOf(c.status);
  return bucket ? { bucket, amount: c.approvedTotal } : null;
}
