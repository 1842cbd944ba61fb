import {
  CLAIM_LINE_AMOUNT_MAX,
  claimLineAmountProblem,
  fitsMoneyColumn,
  integerDigits,
  lineCredit,
  moneyFromDb,
  moneyToString,
  parseMoney,
  sumMoney,
} from '../../core/money.js';

describe('exact money', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(moneyToString(sumMoney([parseMoney('0.1'), parseMoney('0.2')]))).toBe('0.3000');
  });
  it('sums a million cents to exactly 10000', () => {
    const cents = Array.from({ length: 1_000_000 }, () => parseMoney('0.01'));
    expect(moneyToString(sumMoney(cents))).toBe('10000.0000');
  });
  it('rounds a line credit half-up to the cent', () => {
    expect(moneyToString(lineCredit(parseMoney('1.0005'), parseMoney('1.0000'), 1))).toBe('0.0000');
    expect(moneyToString(lineCredit(parseMoney('1.0050'), parseMoney('1.0000'), 1))).toBe('0.0100');
    expect(moneyToString(lineCredit(parseMoney('6.0270'), parseMoney('5.9270'), 3))).toBe('0.3000');
  });
  it('refuses amounts with more than 4 decimals, exponents or separators', () => {
    for (const bad of ['1.23456', '1e3', '1,000.00', 'abc', '']) expect(() => parseMoney(bad)).toThrow();
  });
  it('reads SQLite numbers and mysql2 strings alike', () => {
    expect(moneyToString(moneyFromDb(1892.56))).toBe('1892.5600');
    expect(moneyToString(moneyFromDb('1892.5600'))).toBe('1892.5600');
    expect(moneyToString(moneyFromDb(0.30000000000000004))).toBe('0.3000');
  });
  it('rejects a fractional quantity in a credit', () => {
    expect(() => lineCredit(parseMoney('2'), parseMoney('1'), 1.5)).toThrow();
  });
});

describe('what a claim line can carry', () => {
  it('counts integer digits without a decimal object', () => {
    expect(integerDigits('99999999999999.9999')).toBe(14);
    expect(integerDigits('-0012.50')).toBe(2);
    expect(integerDigits('0.0001')).toBe(1);
    expect(fitsMoneyColumn('199999999999999.9998')).toBe(false);
  });

  it('refuses a claimed amount, or quantity x a unit cost, beyond 999,999,999,999.9999, exactly at the limit', () => {
    const line = { quantity: 1, claimedAmount: null, bookCost: null, authorizedCost: null };
    expect(claimLineAmountProblem({ ...line, claimedAmount: CLAIM_LINE_AMOUNT_MAX })).toBeNull();
    expect(claimLineAmountProblem({ ...line, claimedAmount: '99999999999999.9999' })).toMatchObject({ field: 'claimedAmount' });
    expect(claimLineAmountProblem({ ...line, quantity: 10_000, bookCost: '99999999.9999' })).toBeNull();
    expect(claimLineAmountProblem({ ...line, quantity: 10_000, bookCost: '100000000.0000' })).toMatchObject({ field: 'bookCost' });
    expect(claimLineAmountProblem({ ...line, quantity: 2_000_000_000, authorizedCost: '700.0000' })).toMatchObject({
      field: 'authorizedCost',
    });
  });
});
