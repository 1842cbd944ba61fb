/** How check:ledger shows what it found: keys a person can read, one line per violation, a summary. */
import { summary } from '../../server/settlement/check-ledger.js';
import { formatViolation, visible, type LedgerReport } from '../../server/settlement/invariants.repository.js';

describe('ledger check output', () => {
  it('shows invisible characters of a key as \\u escapes, and keeps what is readable', () => {
    expect(visible('\u200bINV-1')).toBe('"\\u200bINV-1"');
    expect(visible('INV-1 ')).toBe('"INV-1 "');
    expect(visible('ＩＮＶ－１')).toBe('"ＩＮＶ－１"');
    expect(visible('a\u00a0b\u0001"\\')).toBe('"a\\u00a0b\\u0001\\"\\\\"');
  });

  it('puts the invariant, the row and the message on one line', () => {
    expect(
      formatViolation({
        invariant: 'pos-paid-once',
        message: 'paid again',
        where: { table: 'claim_lines', id: 14, claimId: 8, invoiceNumber: '\ufeffinv-1' },
      }),
    ).toBe('[pos-paid-once] claim_lines#14 (claimId=8 invoiceNumber="\\ufeffinv-1"): paid again');
  });

  it('summarises each invariant, ok or failed with its count', () => {
    const report: LedgerReport = {
      violations: [],
      counts: {
        'pos-paid-once': 2,
        'authorization-consumption': 0,
        'consumption-ledger': 1,
        'claim-totals': 0,
        'credit-memo': 0,
        'within-authorized': 0,
        'rebate-stacking': 0,
        'rebate-period': 0,
        'journal-balanced': 0,
        'journal-accrual': 0,
        'journal-frozen': 0,
        'report-figures': 0,
      },
      total: 3,
      rows: { claimLines: 10, payableLines: 7, consumptions: 6, authorizationLines: 3, claims: 4, creditMemos: 1 },
      keyPasses: 1,
      phases: { 'claim lines': 5 },
    };
    const text = summary(report, 'sqlite', 12);
    expect(text).toContain('read 10 claim lines (7 payable), 6 ledger entries, 3 authorization lines, 4 claims, 1 credit memos');
    expect(text).toMatch(/FAIL pos-paid-once: .* \(2 violations\)/);
    expect(text).toMatch(/FAIL consumption-ledger: .* \(1 violation\)/);
    expect(text).toMatch(/ok {3}claim-totals/);
    expect(text.split('\n').at(-1)).toBe('3 violations');
  });
});
