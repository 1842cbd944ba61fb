import fc from 'fast-check';
import { DEBIT_MEMO_KEY_MAX, debitMemoKey, debitMemoKeyProblem, sameDebitMemo } from '../../../core/claims/debit-memo-key.js';
import { canonicalInvoiceNumber } from '../../../core/claims/pos-key.js';

describe('the canonical debit memo key', () => {
  it.each([
    ['DM-1', 'DM-1'],
    ['dm-1', 'DM-1'],
    [' DM-1 ', 'DM-1'],
    ['\tDM-1\r\n', 'DM-1'],
    ['\u200bDM-1\ufeff', 'DM-1'],
    ['D\u00adM-1', 'DM-1'],
    ['ＤＭ－１', 'DM-1'],
    ['ｄｍ－１', 'DM-1'],
    ['DM  1', 'DM 1'],
    ['dm\u00a0\t1', 'DM 1'],
    ['straße-7', 'STRASSE-7'],
  ])('reads %j as %j', (text, key) => expect(debitMemoKey(text)).toBe(key));

  it('keeps apart what differs beyond case, width and spacing', () => {
    expect(sameDebitMemo('DM1', 'DM 1')).toBe(false);
    expect(sameDebitMemo('DM-1', 'DM-10')).toBe(false);
    // NFKC keeps these dashes: they are not `-`
    expect(sameDebitMemo('DM-1', 'DM\u20111')).toBe(false);
    expect(sameDebitMemo('DM-1', 'DM\u20131')).toBe(false);
  });

  it('has no key for an absent or empty number, and two absent numbers are not one memo', () => {
    expect(debitMemoKey(null)).toBeNull();
    expect(debitMemoKey(undefined)).toBeNull();
    expect(debitMemoKey(' \u200b\t')).toBeNull();
    expect(sameDebitMemo(null, null)).toBe(false);
    expect(sameDebitMemo(' ', '\u200b')).toBe(false);
    expect(sameDebitMemo(' dm-1', 'DM-1 ')).toBe(true);
  });

  it('says why a number cannot be a key', () => {
    expect(debitMemoKeyProblem(' \u200b ')).toContain('empty');
    expect(debitMemoKeyProblem('D'.repeat(DEBIT_MEMO_KEY_MAX))).toBeNull();
    expect(debitMemoKeyProblem(` ${'d'.repeat(DEBIT_MEMO_KEY_MAX)} `)).toBeNull();
    // NFKC can lengthen a number: the ligature ﬀ is two letters
    expect(debitMemoKeyProblem('\ufb00'.repeat(DEBIT_MEMO_KEY_MAX / 2 + 1))).toContain(String(DEBIT_MEMO_KEY_MAX));
  });

  // Texts built from the characters that make spellings differ.
  const spelling = fc
    .array(fc.constantFrom('D', 'm', '-', '１', '1', ' ', '\t', '\u00a0', '\u200b', 'Ｄ', 'ß', '\u0000'), { maxLength: 8 })
    .map((cs) => cs.join(''));

  it('is the form of an invoice number: canonical, stable, and the same for any two spellings it joins', () => {
    fc.assert(
      fc.property(spelling, spelling, (a, b) => {
        const key = debitMemoKey(a);
        expect(key).toBe(canonicalInvoiceNumber(a) || null);
        if (key !== null) expect(debitMemoKey(key)).toBe(key);
        expect(sameDebitMemo(a, b)).toBe(key !== null && key === debitMemoKey(b));
        expect(sameDebitMemo(a, b)).toBe(sameDebitMemo(b, a));
      }),
      { numRuns: 2000 },
    );
  });
});
