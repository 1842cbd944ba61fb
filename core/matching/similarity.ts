/**
 * How alike two matching keys are (core/matching/names.ts), from 0 to 1: the mean of Jaro-Winkler
 * (kind to typos and to a shared beginning) and the Dice coefficient of their trigrams (kind to
 * words moved or dropped). Plain TypeScript, no allocation per character beyond the trigram sets.
 */

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = new Uint8Array(la);
  const matchedB = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** The trigrams of a key, padded so short keys and their ends count. */
export function trigrams(key: string): Set<string> {
  const padded = `  ${key} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Dice coefficient of two trigram sets. */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** The similarity of two different keys from their Jaro-Winkler and trigram Dice: below 1, which only equal keys get. */
export const combinedSimilarity = (jw: number, dice: number) => Math.min(0.999, (jw + dice) / 2);

/** The similarity of two matching keys, 0 to 1 (1 only when equal). */
export function nameSimilarity(a: string, b: string, gramsA = trigrams(a), gramsB = trigrams(b)): number {
  if (a === b) return 1;
  return combinedSimilarity(jaroWinkler(a, b), trigramSimilarity(gramsA, gramsB));
}
