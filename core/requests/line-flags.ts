/**
 * Warnings on a special-price request line, for the approver. A flag never refuses a request: it
 * names something to check before deciding. Plain TypeScript: the server puts each line's flags
 * in every request it answers (server/requests), and the approval queue judges the lines it shows
 * with this same function.
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
 */
export const REQUEST_LINE_FLAGS = ['PRICE_AT_OR_ABOVE_BOOK_COST'] as const;
export type RequestLineFlag = (typeof REQUEST_LINE_FLAGS)[number];

/**
 * The flags of one request line: its requested cost against the distributor's book cost (decimal
 * strings; `bookCost` null or absent when none is on record, which flags nothing). Decimal, not the
 * claims engine's minor units: the browser's bundle carries decimal.js already, not the engine
 * (test/core/requests pins that both agree on every pair of amounts).
 */
export function requestLineFlags(line: { requestedCost: string; bookCost?: string | null }): RequestLineFlag[] {
  const { requestedCost: cost, bookCost: book } = line;
  return book && isMoneyText(book) && isMoneyText(cost) && parseMoney(cost).gte(parseMoney(book)) ? ['PRICE_AT_OR_ABOVE_BOOK_COST'] : [];
}
