import fc from 'fast-check';
import { lineCredit, parseMoney, isMoneyText } from '../../../core/money.js';
import {
  creditUnits,
  creditUnitsBig,
  bigUnitsToString,
  parseIsoDate,
  isoDateFromInt,
  parseUnits,
  roundUnitsToCent,
  unitsToString,
} from '../../../core/claims/units.js';

describe('money units', () => {
  it('parses the texts parseMoney accepts, and only those', () => {
    expect(parseUnits('12.34')).toBe(123400);
    expect(parseUnits(' 0.1 ')).toBe(1000);
    expect(parseUnits('-0.0001')).toBe(-1);
    expect(parseUnits('-0')).toBe(0);
    for (const bad of ['', '1.', '.5', '1.23456', '1,5', '1e3', '+1', 'abc', '123456789012345']) expect(parseUnits(bad)).toBeNaN();
    expect(parseUnits('99999999999999.9999')).toBeNaN(); // valid DECIMAL(18,4), beyond safe units
  });

  it('agrees with decimal.js on random amounts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (units) => {
        const text = bigUnitsToString(units);
        expect(isMoneyText(text)).toBe(true);
        expect(unitsToString(parseUnits(text))).toBe(parseMoney(text).toFixed(4));
      }),
    );
  });

  it('rounds half-up to the cent like money.ts', () => {
    expect(roundUnitsToCent(50)).toBe(100);
    expect(roundUnitsToCent(49)).toBe(0);
    expect(roundUnitsToCent(-50)).toBe(-100);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 1, max: 10 ** 6 }),
        (book, auth, qty) => {
          const expected = lineCredit(parseMoney(unitsToString(book)), parseMoney(unitsToString(auth)), qty).toFixed(4);
          const u = creditUnits(book, auth, qty);
          expect(Number.isNaN(u) ? bigUnitsToString(creditUnitsBig(book, auth, qty)) : unitsToString(u)).toBe(expected);
        },
      ),
    );
  });

  it('falls back to BigInt beyond safe integers', () => {
    expect(creditUnits(2 ** 52, 0, 4)).toBeNaN();
    expect(bigUnitsToString(creditUnitsBig(2 ** 52, 0, 4))).toBe('1801439850948.2000'); // 2^54 units, rounded to the cent
  });

  it('parses calendar dates only', () => {
    expect(parseIsoDate('2024-02-29')).toBe(20240229);
    expect(parseIsoDate('2023-02-29')).toBe(-1);
    expect(parseIsoDate('2025-13-01')).toBe(-1);
    expect(parseIsoDate('2025-1-01')).toBe(-1);
    expect(isoDateFromInt(20250105)).toBe('2025-01-05');
  });
});
