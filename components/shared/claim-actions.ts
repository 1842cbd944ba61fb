/**
 * Who may authorize or pay a claim, in words: the one rule of the finance queue and the claim
 * view's action bar (`bec-claim-actions`), `can()` and `authorizeBlock()` of core/permissions.ts,
 * the rule the claims service enforces.
 */
import { reviewOfLines, type ClaimReview } from '../../core/claims/review.js';
import { authorizeBlock, can } from '../../core/permissions.js';
import type { Claim, SessionUser } from './api.js';
import { msg } from './i18n.js';

export type ClaimAction = 'authorize' | 'pay';

/**
 * A claim's review figures: what the server summed over all of its lines (`review`, read with
 * `review=true`), else those of the lines the claim was given with (core/claims/review.ts).
 */
export function reviewOf(claim: Pick<Claim, 'review' | 'lines'>): ClaimReview {
  return claim.review ?? reviewOfLines(claim.lines ?? []);
}

/**
 * Why `user` may not take `action` on the claim, in the locale's words, or null when it may (or
 * nobody is known to be signed in: the server decides). A claim in the wrong status for the
 * action has no reason here: the caller offers the action only where the status fits.
 */
export function whyNotAct(
  locale: string | undefined,
  user: Pick<SessionUser, 'userId' | 'role'> | null,
  claim: Claim,
  action: ClaimAction,
): string | null {
  if (!user) return null;
  if (!can(user.role, action === 'authorize' ? 'claim.authorize' : 'claim.pay'))
    return msg(locale, 'finance.notAllowed', {
      action: msg(locale, action === 'authorize' ? 'finance.authorizeAction' : 'finance.payAction').toLowerCase(),
    });
  if (action === 'pay') return null;
  const blocked = authorizeBlock(user.userId, claim, reviewOf(claim).adjustedByUserIds);
  if (blocked === 'own_adjustment') return msg(locale, 'finance.ownAdjustment');
  if (blocked === 'nothing_approved') return msg(locale, 'finance.nothingApproved');
  return null;
}
