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

  it('clear() empties the table and keeps its size for the next use', () => {
    const table = new PosKeyTable(100);
    expect(table.capacity).toBe(256);
    for (let i = 0; i < 150; i++) expect(table.putIfAbsent('INV-' + i, '1', i)).toBe(-1);
    expect(table.capacity).toBe(512); // grew at half full
    table.clear();
    expect(table.size).toBe(0);
    expect(table.capacity).toBe(512);
    expect(table.get('INV-7', '1')).toBe(-1);
    // refilled in place: the new values, not the old ones
    for (let i = 0; i < 150; i++) expect(table.putIfAbsent('inv-' + i, '01', 1000 + i)).toBe(-1);
    expect(table.get('INV-7', '1')).toBe(1007);
    expect(table.putIfAbsent('INV-7', '1', 5)).toBe(1007);
    expect(table.size).toBe(150);
  });

  it('suits() a number of keys that fits without growing, in a table not far too big to clear', () => {
    const table = new PosKeyTable(200_000);
    expect(table.suits(200_000)).toBe(true);
    expect(table.suits(150_000)).toBe(true);
    expect(table.suits(300_000)).toBe(false); // would grow
    expect(table.suits(1_000)).toBe(false); // 512k slots to clear for a thousand keys
    expect(new PosKeyTable(16).suits(10)).toBe(true);
  });
});
