/** The journal's rules in core/finance/journal.ts: balanced entries, accrual steps, posting months, figures. */
import {
  accrualStep,
  accountsFor,
  DEFAULT_ACCOUNTS,
  entryLines,
  imbalance,
  monthDays,
  monthFigures,
  nextMonth,
  postingDay,
} from '../../../core/finance/journal.js';
import { Money } from '../../../core/money.js';

describe('finance journal rules', () => {
  it('balances each kind of entry, a payment with returns taken back included', () => {
    for (const kind of ['accrual', 'reversal', 'payment'] as const)
      expect(imbalance(entryLines(kind, new Money('12.3400'), DEFAULT_ACCOUNTS)).isZero()).toBe(true);
    const payment = entryLines('payment', new Money('10'), DEFAULT_ACCOUNTS, new Money('2.5'));
    expect(payment).toEqual([
      { account: '2150', debit: '10.0000', credit: '0.0000' },
      { account: '1200', debit: '0.0000', credit: '7.5000' },
      { account: '4950', debit: '0.0000', credit: '2.5000' },
    ]);
    expect(imbalance(payment).isZero()).toBe(true);
  });

  it('refuses an entry of no amount, and returns above the amount', () => {
    expect(() => entryLines('accrual', new Money(0), DEFAULT_ACCOUNTS)).toThrow(/positive/);
    expect(() => entryLines('payment', new Money(1), DEFAULT_ACCOUNTS, new Money(2))).toThrow(/between 0 and/);
  });

  it('moves an accrual to its target by the difference', () => {
    expect(accrualStep(new Money('10'), new Money('10'))).toBeNull();
    expect(accrualStep(new Money('10'), new Money('7.5'))).toEqual({ kind: 'reversal', amount: new Money('2.5') });
    expect(accrualStep(new Money('0'), new Money('3'))).toEqual({ kind: 'accrual', amount: new Money('3') });
  });

  it('posts into the first open month after closed ones, and says so', () => {
    const closed = new Set(['2026-11', '2026-12']);
    expect(postingDay('2026-10-31', (m) => closed.has(m))).toEqual({ day: '2026-10-31', month: '2026-10', note: null });
    const moved = postingDay('2026-11-30', (m) => closed.has(m));
    expect(moved).toMatchObject({ day: '2027-01-01', month: '2027-01' });
    expect(moved.note).toBe('dated 2026-11-30, in the closed month 2026-11: posted into 2027-01, the first open month');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('uses a program type’s own accounts, else the defaults', () => {
    const own = { expense: 'E', accrued: 'A', payable: 'P' };
    expect(accountsFor({ rebate: own }, 'rebate')).toBe(own);
    expect(accountsFor({ rebate: own }, 'spa')).toBe(DEFAULT_ACCOUNTS);
    expect(accountsFor({}, null)).toBe(DEFAULT_ACCOUNTS);
  });

  it('sums a month into figures per currency and account, the same whatever the order of entries', () => {
    const a = { kind: 'accrual' as const, currency: 'USD', amount: '5.0000', lines: entryLines('accrual', new Money(5), DEFAULT_ACCOUNTS) };
    const b = { kind: 'accrual' as const, currency: 'EUR', amount: '1.0000', lines: entryLines('accrual', new Money(1), DEFAULT_ACCOUNTS) };
    const f = monthFigures('2026-12', [a, b, a]);
    expect(f).toEqual(monthFigures('2026-12', [b, a, a]));
    expect(f.byKind).toEqual([
      { currency: 'EUR', kind: 'accrual', amount: '1.0000' },
      { currency: 'USD', kind: 'accrual', amount: '10.0000' },
    ]);
    expect(f.byAccount.find((r) => r.currency === 'USD' && r.account === '2150')).toEqual({
      currency: 'USD',
      account: '2150',
      debit: '0.0000',
      credit: '10.0000',
    });
  });
});
