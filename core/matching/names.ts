/**
 * The matching key of a company name: what two spellings of one end customer share. It goes
 * further than the engine's equality key (core/claims/rules.ts `endCustomerKey`: case and
 * whitespace) and ends with it, so one function decides case and whitespace everywhere: accents,
 * punctuation and legal-form suffixes (Inc, GmbH, Ltd...) go first.
 *
 * "ACME Robotics, Inc." and "Acme Robotics" both give "acmerobotics".
 */
import { endCustomerKey } from '../claims/rules.js';

/** Legal forms dropped from the end of a name (as words, after punctuation is gone: "S.A." is "s a"). */
const LEGAL_SUFFIXES: readonly string[] = [
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'cos',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'plc',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'kgaa',
  'ug',
  'se',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'oyj',
  'ab',
  'as',
  'aps',
  'kk',
  'pty',
  'pte',
  'pvt',
  'sdn',
  'bhd',
  'gk',
  'cv',
  'de',
  'the',
  // the connector left by "GmbH & Co. KG" once "co" and "kg" are gone
  'and',
].sort();
const SUFFIX = new Set(LEGAL_SUFFIXES);
/** Multi-word forms written with dots or spaces ("S.A.", "B.V.", "Co. KG"): their letters joined. */
const JOINED_SUFFIXES = new Set(['sa', 'sas', 'bv', 'nv', 'ag', 'kg', 'spa', 'srl', 'llc', 'plc', 'gmbh', 'sarl', 'kk', 'as', 'ab']);

/** The name's words: accents off, every run of other than letters and digits a break, "&" as "and". */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Drops legal forms from the end (and a leading "the"), keeping at least one word. */
function withoutLegalForms(words: string[]): string[] {
  const w = [...words];
  if (w.length > 1 && w[0] === 'the') w.shift();
  for (;;) {
    if (w.length <= 1) return w;
    // single letters at the end ("s a", "b v", "g m b h"): joined, they may be one legal form
    let i = w.length;
    while (i > 0 && w[i - 1]!.length === 1) i--;
    if (i < w.length - 1 && i > 0 && JOINED_SUFFIXES.has(w.slice(i).join(''))) {
      w.length = i;
      continue;
    }
    if (SUFFIX.has(w[w.length - 1]!)) {
      w.pop();
      continue;
    }
    return w;
  }
}

/** The matching key (see the file's comment); empty for a name with no letter or digit. */
export function nameMatchKey(name: string): string {
  return endCustomerKey(withoutLegalForms(nameWords(name)).join(' '));
}
