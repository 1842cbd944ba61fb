/**
 * Stacking: which sales each program may count when several programs (and ship & debit claims)
 * could count the same POS line. Each owner of a sale (a rebate program or a ship & debit claim)
 * says what it shares a sale with; `mayShare` is the one rule, used by the calculation
 * (assignSales), by the claims (a sale a rebate holds that does not stack with ship & debit is
 * ALREADY_CLAIMED for a claim) and by check:ledger.
 *
 * A program's stacking rule (STACKING_RULES):
 * - `exclusive`: counts only sales nobody else counted (no claim, no other rebate), and nothing
 *   counts its sales after it;
 * - `with_rebates`: counts beside other stackable rebates, never a sale a ship & debit claim pays
 *   (and a claim may not pay a sale it counted);
 * - `with_all`: counts beside stackable rebates and ship & debit claims.
 * Two ship & debit claims never share a sale (the ledger's unique key).
 *
 * `consumed` is what the ledger recorded before (sale key -> owners); programs are taken in the
 * order given (their priority). The result says, per program, the sales it may count; the caller
 * records the consumption of the ones it counted when the period closes.
 */
import { covers } from './calculate.js';
import type { RebateSale, RebateTerms } from './terms.js';

export const STACKING_RULES = ['exclusive', 'with_rebates', 'with_all'] as const;
export type StackingRule = (typeof STACKING_RULES)[number];

export interface Owner {
  /** e.g. `program:12` or `claim:345` */
  owner: string;
  /** shares a sale with other stackable rebates */
  stackable: boolean;
  /** a ship & debit claim line (it never shares with another claim) */
  claim?: boolean;
  /** a rebate that shares a sale with a ship & debit claim */
  withClaims?: boolean;
}

/** The owner a program of this stacking rule is in the ledger. */
export const programOwner = (programId: number, rule: StackingRule): Owner => ({
  owner: `program:${programId}`,
  stackable: rule !== 'exclusive',
  withClaims: rule === 'with_all',
});

/** A ship & debit claim line as an owner of the sale it pays. */
export const claimOwner = (claimLineId: number | string): Owner => ({ owner: `claim:${claimLineId}`, stackable: false, claim: true });

/** Whether two owners may both count one sale: the one stacking rule. */
export function mayShare(a: Owner, b: Owner): boolean {
  if (a.claim && b.claim) return false;
  if (a.claim) return b.withClaims === true;
  if (b.claim) return a.withClaims === true;
  return a.stackable && b.stackable;
}

export function assignSales<P extends Owner & { terms: RebateTerms }>(
  programs: readonly P[],
  sales: readonly RebateSale[],
  consumed: ReadonlyMap<string, readonly Owner[]>,
): Map<P, RebateSale[]> {
  const taken = new Map<string, Owner[]>();
  for (const [key, owners] of consumed) taken.set(key, [...owners]);
  const out = new Map<P, RebateSale[]>();
  for (const p of programs) {
    const mine: RebateSale[] = [];
    for (const s of sales) {
      if (!covers(p.terms, s)) continue;
      const others = (taken.get(s.key) ?? []).filter((o) => o.owner !== p.owner);
      if (!others.every((o) => mayShare(p, o))) continue;
      mine.push(s);
      const me: Owner = { owner: p.owner, stackable: p.stackable, claim: p.claim, withClaims: p.withClaims };
      const list = taken.get(s.key);
      if (list) list.push(me);
      else taken.set(s.key, [me]);
    }
    out.set(p, mine);
  }
  return out;
}
