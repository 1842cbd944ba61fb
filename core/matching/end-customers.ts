/**
 * Matching an end customer's name as a distributor spelled it to the vendor's end-customer master.
 * In order: a spelling a person confirmed for this distributor (its alias), the master name with
 * the same matching key (names.ts), then the most similar master name (similarity.ts). A fuzzy
 * match at AUTO_LINK or above, clearly ahead of the runner-up, links at once; anything else is
 * for a person to decide (the review queue), unless a person already said the spelling is none
 * of the master's (rejected).
 *
 * Built once per import from the distributor's master and aliases; each distinct spelling is
 * decided once (a million lines name a few thousand customers).
 */
import { nameMatchKey } from './names.js';
import { combinedSimilarity, jaroWinkler, trigrams } from './similarity.js';

/** A fuzzy match at least this similar links without a person. */
export const AUTO_LINK = 0.9;
/** ...and only when the next-best customer is at least this much less similar. */
export const AUTO_LINK_MARGIN = 0.04;
/** Below this, the best candidate is not worth suggesting to the reviewer. */
export const SUGGEST = 0.6;

export interface MasterCustomer {
  id: number;
  name: string;
}

/** How a spelling was matched: `review` and `rejected` leave the line unlinked. */
export type MatchMethod = 'alias' | 'exact' | 'fuzzy' | 'review' | 'rejected';

export interface CustomerMatch {
  method: MatchMethod;
  /** the linked end customer (alias, exact, fuzzy), else null */
  endCustomerId: number | null;
  /** 1 for alias and exact; the similarity for fuzzy and review; 0 with no candidate */
  confidence: number;
  /** review: the best candidate worth showing, if any */
  suggestedEndCustomerId: number | null;
  /** the spelling's matching key */
  key: string;
}

interface Candidate {
  id: number;
  key: string;
  grams: Set<string>;
}

export class EndCustomerMatcher {
  private readonly byKey = new Map<string, number>();
  private readonly candidates: Candidate[] = [];
  /** trigram → the candidates (indexes) that have it: a spelling is scored only against those sharing enough */
  private readonly byTrigram = new Map<string, number[]>();
  /** scratch: shared trigrams per candidate while one spelling is scored (all zero between) */
  private readonly counts: Int32Array;
  private readonly aliases: Map<string, number>;
  private readonly rejected: Set<string>;
  private readonly decided = new Map<string, CustomerMatch>();

  constructor(
    customers: readonly MasterCustomer[],
    /** matching key → end customer, confirmed for this distributor */
    aliases: ReadonlyMap<string, number> = new Map(),
    /** matching keys a person said are none of the master's, for this distributor */
    rejected: ReadonlySet<string> = new Set(),
  ) {
    for (const c of customers) {
      const key = nameMatchKey(c.name);
      if (!key) continue;
      // two master customers with one key: the lower id (the older) wins, as a merge would keep it
      if (!this.byKey.has(key)) this.byKey.set(key, c.id);
      const grams = trigrams(key);
      for (const g of grams) {
        const list = this.byTrigram.get(g);
        if (list) list.push(this.candidates.length);
        else this.byTrigram.set(g, [this.candidates.length]);
      }
      this.candidates.push({ id: c.id, key, grams });
    }
    this.counts = new Int32Array(this.candidates.length);
    this.aliases = new Map(aliases);
    this.rejected = new Set(rejected);
  }

  /** The match of a spelling; null for a name with nothing to match (empty, punctuation only). */
  match(name: string): CustomerMatch | null {
    const key = nameMatchKey(name);
    if (!key) return null;
    let m = this.decided.get(key);
    if (!m) {
      m = this.decide(key);
      this.decided.set(key, m);
    }
    return m;
  }

  private decide(key: string): CustomerMatch {
    const alias = this.aliases.get(key);
    if (alias !== undefined) return { method: 'alias', endCustomerId: alias, confidence: 1, suggestedEndCustomerId: null, key };
    const exact = this.byKey.get(key);
    if (exact !== undefined) return { method: 'exact', endCustomerId: exact, confidence: 1, suggestedEndCustomerId: null, key };
    if (this.rejected.has(key)) return { method: 'rejected', endCustomerId: null, confidence: 0, suggestedEndCustomerId: null, key };
    let best: Candidate | null = null;
    let bestScore = 0;
    let second = 0;
    const grams = trigrams(key);
    // Shared trigrams per candidate, counted from the index (only candidates sharing one are touched).
    const counts = this.counts;
    const touched: number[] = [];
    for (const g of grams)
      for (const i of this.byTrigram.get(g) ?? []) {
        if (counts[i] === 0) touched.push(i);
        counts[i]!++;
      }
    // The similarity is the mean of Jaro-Winkler (at most 1) and the trigram Dice: a candidate
    // whose Dice is under 2 x SUGGEST - 1 cannot reach SUGGEST, and scoring the rest by falling
    // Dice can stop once (1 + Dice) / 2 could no longer change the outcome.
    const ranked: { i: number; dice: number }[] = [];
    for (const i of touched) {
      const dice = (2 * counts[i]!) / (grams.size + this.candidates[i]!.grams.size);
      counts[i] = 0;
      if (dice >= 2 * SUGGEST - 1) ranked.push({ i, dice });
    }
    ranked.sort((a, b) => b.dice - a.dice);
    for (const { i, dice } of ranked) {
      // what a later candidate must pass to change the outcome: the suggestion level, the best
      // (to replace it), or the best less the margin (to make a sure match unsure)
      const bound = bestScore < SUGGEST ? SUGGEST : bestScore >= AUTO_LINK ? bestScore - AUTO_LINK_MARGIN : bestScore;
      if ((1 + dice) / 2 <= bound) break;
      const c = this.candidates[i]!;
      const score = combinedSimilarity(jaroWinkler(key, c.key), dice);
      if (score > bestScore) {
        if (best && best.id !== c.id) second = bestScore;
        best = c;
        bestScore = score;
      } else if (score > second && best && c.id !== best.id) second = score;
    }
    const confidence = Math.round(bestScore * 1000) / 1000;
    if (best && bestScore >= AUTO_LINK && bestScore - second >= AUTO_LINK_MARGIN)
      return { method: 'fuzzy', endCustomerId: best.id, confidence, suggestedEndCustomerId: null, key };
    return {
      method: 'review',
      endCustomerId: null,
      confidence: best && bestScore >= SUGGEST ? confidence : 0,
      suggestedEndCustomerId: best && bestScore >= SUGGEST ? best.id : null,
      key,
    };
  }
}
