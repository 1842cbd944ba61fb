import fc from 'fast-check';
import { canonicalInvoiceLine, canonicalInvoiceNumber, posKey, posKeyProblem } from '../../../core/claims/pos-key.js';
import { PosKeyTable, posKeyHash, samePosKey } from '../../../core/claims/pos-keys.js';

describe('the canonical POS key', () => {
  it.each([
    ['INV-1', 'INV-1'],
    ['inv-1', 'INV-1'],
    ['  INV-1 ', 'INV-1'],
    ['\u200bINV-1', 'INV-1'],
    ['INV\u00ad-1', 'INV-1'],
    ['\ufeffINV-1\u200d', 'INV-1'],
    ['ＩＮＶ－１', 'INV-1'],
    ['INV  0001\t7', 'INV 0001 7'],
    ['inv\u00a0 1', 'INV 1'],
    ['straße', 'STRASSE'],
    ['a\u0000b', 'AB'],
  ])('reads the invoice number %j as %j', (text, key) => expect(canonicalInvoiceNumber(text)).toBe(key));

  it.each([
    ['1', '1'],
    ['01', '1'],
    [' 1', '1'],
    ['1.0', '1'],
    ['001.000', '1'],
    ['１', '1'],
    ['0', '0'],
    ['000', '0'],
    ['+1', '1'],
    ['1.5', '1.5'],
    ['10', '10'],
    ['a1', 'A1'],
    ['01a', '01A'],
  ])('reads the invoice line %j as %j', (text, key) => expect(canonicalInvoiceLine(text)).toBe(key));

  it('names the part that cannot be stored', () => {
    expect(posKeyProblem('\u200b ', '1')).toEqual({ field: 'invoiceNumber', message: expect.stringContaining('empty') });
    expect(posKeyProblem('INV', '1'.repeat(17))).toEqual({ field: 'invoiceLine', message: expect.stringContaining('16') });
    expect(posKeyProblem('INV', '0'.repeat(40) + '7')).toBeNull();
  });

  // Texts built from the characters that make spellings differ.
  const part = fc
    .array(fc.constantFrom('1', '0', '7', 'a', 'B', '-', '.', ' ', '\u200b', '\u00a0', '１', 'ｂ', '+', '\t'), { maxLength: 6 })
    .map((cs) => cs.join(''));

  it("agrees with the engine's key table: same hash, same comparison, for any two spellings", () => {
    fc.assert(
      fc.property(part, part, part, part, (invA, lineA, invB, lineB) => {
        const same = posKey(invA, lineA) === posKey(invB, lineB);
        expect(samePosKey(invA, lineA, invB, lineB)).toBe(same);
        if (same) expect(posKeyHash(invA, lineA)).toBe(posKeyHash(invB, lineB));
        const table = new PosKeyTable();
        table.putIfAbsent(invA, lineA, 1);
        expect(table.get(invB, lineB)).toBe(same ? 1 : -1);
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(part, part, (inv, line) => {
        expect(canonicalInvoiceNumber(canonicalInvoiceNumber(inv))).toBe(canonicalInvoiceNumber(inv));
        expect(canonicalInvoiceLine(canonicalInvoiceLine(line))).toBe(canonicalInvoiceLine(line));
      }),
      { numRuns: 2000 },
    );
  });
});
