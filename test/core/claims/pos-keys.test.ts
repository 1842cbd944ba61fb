import fc from 'fast-check';
import { PosKeyTable, posKeyHash, samePosKey, splitPosKey } from '../../../core/claims/pos-keys.js';
import { posKey } from '../../../core/claims/rules.js';

// Small alphabets so that equal keys under different spellings are common.
const text = fc.stringOf(fc.constantFrom('0', '1', '7', 'a', 'A', ' ', '-', 'é', 'É', 'ß', '\u00a0', '\t'), { maxLength: 5 });

describe('PosKeyTable', () => {
  it('agrees with posKey on equality and hashing', () => {
    fc.assert(
      fc.property(text, text, text, text, (i1, l1, i2, l2) => {
        const same = posKey(i1, l1) === posKey(i2, l2);
        expect(samePosKey(i1, l1, i2, l2)).toBe(same);
        if (same) expect(posKeyHash(i1, l1)).toBe(posKeyHash(i2, l2));
      }),
      { numRuns: 5000 },
    );
  });

  it('behaves like a Map keyed by posKey', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 200 }), (pairs) => {
        const table = new PosKeyTable(1);
        const map = new Map<string, number>();
        pairs.forEach(([inv, line], i) => {
          const key = posKey(inv, line);
          const expected = map.has(key) ? map.get(key)! : -1;
          if (!map.has(key)) map.set(key, i);
          expect(table.putIfAbsent(inv, line, i)).toBe(expected);
        });
        expect(table.size).toBe(map.size);
        for (const key of map.keys()) expect(table.get(...splitPosKey(key))).toBe(map.get(key));
      }),
    );
  });
});
