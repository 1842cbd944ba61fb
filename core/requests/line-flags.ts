/**
 * Warnings on a special-price request line, for the approver. A flag never refuses a request: it
 * names something to check before deciding. Plain TypeScript: the server puts each line's flags
 * in every request it answers (server/requests) and in the approval context Salesforce shows
 * (server/integrations, GET /api/approval-queue and /api/requests/:id/context), and the approval
 * queue judges the lines it shows with this same function.
 */
import { isMoneyText, parseMoney } from '../money.js';

/**
 * - `PRICE_AT_OR_ABOVE_BOOK_COST`: the requested cost is at or above the distributor's book cost,
 *   so the authorization it would make recovers nothing: at that book cost, every claim line under
 *   it fails the claims rule `bookCostAboveAuthorized` (core/claims/rules.ts, PRICE_ABOVE_AUTHORIZED).
 *   Likely a typing error, or a pointless request. Flagged, not refused: a distributor may ask for
 *   price protection at cost (the book cost on record on the day a line is invoiced decides its
 *   credit, and it may rise before then), and the book cost on record may be out of date. The
 *   approver decides.
 *
 * The flags the approval queue component shows on a line (each needs its words in
 * components/shared/i18n.ts, a type check holds that).
 */
export const REQUEST_LINE_FLAGS = ['PRICE_AT_OR_ABOVE_BOOK_COST'] as const;
export type RequestLineFlag = (typeof REQUEST_LINE_FLAGS)[number];

/**
 * - `COUNTER_AT_OR_ABOVE_BOOK_COST`: the vendor's counter-offer cost is at or above the
 *   distributor's book cost: the same rule as `PRICE_AT_OR_ABOVE_BOOK_COST`, on the price that
 *   becomes the authorization when the counter-offer is accepted, so the distributor could claim
 *   nothing under it. Flagged, not refused, for the same reasons.
 *
 * Only the server's answers carry it (the request API and the approval context): the approval
 * queue component lists pending requests, which have no counter-offer yet, and so has no words for it.
 */
export const COUNTER_LINE_FLAGS = ['COUNTER_AT_OR_ABOVE_BOOK_COST'] as const;
export type CounterLineFlag = (typeof COUNTER_LINE_FLAGS)[number];

/** Every flag a request line can carry in the server's answers, requested price first. */
export const LINE_FLAGS = [...REQUEST_LINE_FLAGS, ...COUNTER_LINE_FLAGS] as const;
export type LineFlag = RequestLineFlag | CounterLineFlag;

/**
 * The one rule: a cost at or above the book cost recovers nothing (decimal strings; no book cost on
 * record, or an amount that is not one, judges nothing). Decimal, not the claims engine's minor
 * units: the browser's bundle carries decimal.js already, not the engine (test/core/requests pins
 * that both agree on every pair of amounts).
 */
function atOrAboveBookCost(cost: string | null | undefined, book: string | null | undefined): boolean {
  return !!cost && !!book && isMoneyText(book) && isMoneyText(cost) && parseMoney(cost).gte(parseMoney(book));
}

/**
 * The flags of one request line's requested cost against the distributor's book cost (`bookCost`
 * null or absent when none is on record, which flags nothing).
 */
export function requestLineFlags(line: { requestedCost: string; bookCost?: string | null }): RequestLineFlag[] {
  return atOrAboveBookCost(line.requestedCost, line.bookCost) ? ['PRICE_AT_OR_ABOVE_BOOK_COST'] : [];
}

/** The flags of one request line's counter-offer cost (none while the line is not countered). */
export function counterLineFlags(line: { counterCost?: string | null; bookCost?: string | null }): CounterLineFlag[] {
  return atOrAboveBookCost(line.counterCost, line.bookCost) ? ['COUNTER_AT_OR_ABOVE_BOOK_COST'] : [];
}

/** Every flag of one request line, as the server answers them: its requested cost's, then its counter-offer's. */
export function lineFlags(line: { requestedCost: string; counterCost?: string | null; bookCost?: string | null }): LineFlag[] {
  return [...requestLineFlags(line), ...counterLineFlags(line)];
}
