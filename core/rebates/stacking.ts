/**
 * Stacking: which sales each program may count when several programs (and ship & debit claims)
 * could count the same POS line. A program is `stackable` (it counts a sale whatever else counted
 * it, and lets others count its sales) or not (it counts only sales nobody else counted, and
 * nothing else counts its sales after it). Ship & debit claims record their consumption as a
 * non-stackable owner, so a non-stackable rebate never pays a sale a claim paid.
 *
 * `consumed` is what the ledger recorded before (sale key -> owners); programs are taken in the
 * order given (their priority). The result says, per program, the sales it may count; the caller
 * records the consumption of the ones it counted when the period closes.
 */
import { covers } from './calculate.js';
import type { RebateSale, RebateTerms } from './terms.js';

export interface Owner {
  /** e.g. `program:12` or `claim:345` */
  owner: string;
  stackable: boolean;
}

export function assignSales<P extends { owner: string; stackable: boolean; terms: RebateTerms }>(
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
      const free = p.stackable ? others.every((o) => o.stackable) : others.length === 0;
      if (!free) continue;
      mine.push(s);
      const list = taken.get(s.key);
      if (list) list.push({ owner: p.owner, stackable: p.stackable });
      else taken.set(s.key, [{ owner: p.owner, stackable: p.stackable }]);
    }
    out.set(p, mine);
  }
  return out;
}
