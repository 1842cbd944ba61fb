/**
 * Automatic claims: the authorization line a POS line without an authorization number is matched
 * to. Plain TypeScript (no framework), so a browser preview can run the same choice.
 */
import { endCustomerKey } from './rules.js';

/** An authorization line as the matcher sees it: what it is for, and what it still has to give. */
export interface MatchableAuthorizationLine {
  authorizationLineId: number;
  authorizationNumber: string;
  productId: number;
  endCustomerName: string | null;
  authorizedCost: string;
  remaining: number;
  validFrom: string;
  validTo: string;
}

/** What the matcher reads of a POS line. */
export interface PosLineForMatch {
  productId: number | null;
  endCustomerName: string | null;
  invoiceDate: string;
  quantity: number;
}

/**
 * The best authorization line for a POS line without a number, deterministically: the product
 * must match, the invoice date lie in validity, the end customer match (or the line be for any
 * end customer) and some quantity remain. Among those: a named end customer before "any", then
 * one whose remaining quantity covers the line, then the earliest expiry (use what lapses
 * first), then the lowest line id.
 */
export function bestAuthorizationLine(
  pos: PosLineForMatch,
  candidates: readonly MatchableAuthorizationLine[],
  taken: ReadonlyMap<number, number> = new Map(),
): MatchableAuthorizationLine | null {
  if (pos.productId === null) return null;
  const customer = pos.endCustomerName ? endCustomerKey(pos.endCustomerName) : null;
  let best: MatchableAuthorizationLine | null = null;
  let bestScore: [number, number, string, number] | null = null;
  for (const c of candidates) {
    if (c.productId !== pos.productId || pos.invoiceDate < c.validFrom || pos.invoiceDate > c.validTo) continue;
    const remaining = c.remaining - (taken.get(c.authorizationLineId) ?? 0);
    if (remaining <= 0) continue;
    let named = 1;
    if (c.endCustomerName !== null) {
      if (customer === null || endCustomerKey(c.endCustomerName) !== customer) continue;
      named = 0;
    }
    const score: [number, number, string, number] = [named, remaining >= pos.quantity ? 0 : 1, c.validTo, c.authorizationLineId];
    if (!bestScore || compare(score, bestScore) < 0) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function compare(a: [number, number, string, number], b: [number, number, string, number]) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
