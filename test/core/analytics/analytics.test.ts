import { convert, parseRate, rateOn, type FxRate } from '../../../core/analytics/fx.js';
import {
  buildReport,
  defaultPeriod,
  derive,
  figureDateOf,
  monthEnd,
  ratioOf,
  reportCsv,
  roiWindows,
} from '../../../core/analytics/reports.js';

const rates: FxRate[] = [
  { from: 'EUR', to: 'USD', effectiveDate: '2026-01-31', rate: '1.04' },
  { from: 'EUR', to: 'USD', effectiveDate: '2026-03-15', rate: '1.0856' },
  { from: 'USD', to: 'EUR', effectiveDate: '2026-01-01', rate: '0.95' },
];

describe('exchange rates', () => {
  it('picks the latest rate of the pair on or before the day, never a later one', () => {
    expect(rateOn(rates, 'EUR', 'USD', '2026-03-14')).toEqual({ from: 'EUR', to: 'USD', rate: '1.04', date: '2026-01-31' });
    expect(rateOn(rates, 'EUR', 'USD', '2026-03-15')?.rate).toBe('1.0856');
    expect(rateOn(rates, 'EUR', 'USD', '2026-01-30')).toBeNull();
  });
  it('does not invert a pair nor chain through another currency', () => {
    expect(rateOn(rates, 'GBP', 'USD', '2026-12-31')).toBeNull();
    expect(rateOn([{ from: 'USD', to: 'EUR', effectiveDate: '2026-01-01', rate: '0.5' }], 'EUR', 'USD', '2026-06-01')).toBeNull();
  });
  it('converts the base currency at 1 with no rate day', () => {
    expect(rateOn([], 'USD', 'USD', '2026-01-01')).toEqual({ from: 'USD', to: 'USD', rate: '1', date: null });
  });
  it('multiplies exactly and rounds half-up to 4 decimals', () => {
    expect(convert('0.1000', '3')).toBe('0.3000');
    expect(convert('10.0000', '1.08565')).toBe('10.8565');
    expect(convert('1.0000', '0.00005')).toBe('0.0001');
    expect(convert('99999999999999.9999', '1.0000000001')).toBe('100000000009999.9999');
  });
  it('reads rates exactly, refusing zero, signs and more than 10 decimals', () => {
    expect(parseRate('1.0850000000')).toEqual({ ok: true, value: '1.085' });
    expect(parseRate('0').ok).toBe(false);
    expect(parseRate('-1.2').ok).toBe(false);
    expect(parseRate('1.12345678901').ok).toBe(false);
  });
});

describe('analytics computations', () => {
  it('gives a ratio of nothing as null, not 0', () => {
    expect(ratioOf('1', '0')).toBeNull();
    expect(ratioOf('1', '3')).toBe('0.3333');
    expect(ratioOf('2', '3')).toBe('0.6667');
  });
  it('computes margins and discount from the sums', () => {
    const v = derive('margin-trend', { quantity: 3, resaleRevenue: '30.0000', bookCostTotal: '24.0000', authorizedCostTotal: '18.0000' });
    expect(v).toMatchObject({
      avgResalePrice: '10.0000',
      avgBookCost: '8.0000',
      avgAuthorizedCost: '6.0000',
      marginAtBook: '0.2000',
      marginAtAuthorized: '0.4000',
      discount: '0.2500',
    });
  });
  it('computes ROI as incremental sales per credit paid, null without credits', () => {
    expect(derive('program-roi', { programSales: '150.0000', baselineSales: '100.0000', creditsPaid: '20.0000' })).toMatchObject({
      incrementalSales: '50.0000',
      roi: '2.5000',
    });
    expect(derive('program-roi', { programSales: '80.0000', baselineSales: '100.0000', creditsPaid: '0.0000' })).toMatchObject({
      incrementalSales: '-20.0000',
      roi: null,
    });
  });
  it('sets the baseline window to the same number of days just before the program', () => {
    expect(roiWindows('2026-03-01', '2026-04-30', '2026-12-31')).toEqual({
      from: '2026-03-01',
      to: '2026-04-30',
      baselineFrom: '2025-12-30',
      baselineTo: '2026-02-28',
    });
    // A program still running is measured up to `to`: 10 days, and the 10 days before.
    expect(roiWindows('2026-03-01', '2026-12-31', '2026-03-10')).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
      baselineFrom: '2026-02-19',
      baselineTo: '2026-02-28',
    });
    expect(roiWindows('2026-03-01', '2026-12-31', '2026-02-28')).toBeNull();
  });
  it('dates a monthly figure at its month end, not after the period', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(figureDateOf({ month: '2026-03' }, '2026-12-31')).toBe('2026-03-31');
    expect(figureDateOf({ month: '2026-03' }, '2026-03-10')).toBe('2026-03-10');
    expect(figureDateOf({ product: 'X' }, '2026-03-10')).toBe('2026-03-10');
    expect(defaultPeriod('2026-12-02')).toEqual({ from: '2026-01-01', to: '2026-12-02' });
  });
  it('converts each money measure beside the rate, and says a missing rate', () => {
    const report = buildReport(
      'by-month',
      [
        {
          keys: { month: '2026-02' },
          currency: 'EUR',
          values: { claimed: '10.0000', approved: '5.0000', paid: '0.0000', posRevenue: '100.0000' },
        },
        {
          keys: { month: '2026-01' },
          currency: 'GBP',
          values: { claimed: '1.0000', approved: '1.0000', paid: '1.0000', posRevenue: '1.0000' },
        },
      ],
      rates,
      { from: '2026-01-01', to: '2026-06-30' },
      'USD',
    );
    expect(report.rows[0]!.base).toEqual({
      currency: 'USD',
      rate: '1.04',
      rateDate: '2026-01-31',
      values: { claimed: '10.4000', approved: '5.2000', paid: '0.0000', posRevenue: '104.0000' },
    });
    expect(report.rows[1]!.base).toBeNull();
    expect(report.rows[1]!.missingRate).toContain('GBP→USD');
    const csv = reportCsv(report).split('\r\n');
    expect(csv[1]).toBe('2026-02,EUR,10.0000,5.0000,0.0000,100.0000,USD,1.04,2026-01-31,10.4000,5.2000,0.0000,104.0000,');
  });
  it('writes a negative amount in the CSV as a number a spreadsheet adds up, not as guarded text', () => {
    // Sales below the baseline: incremental sales and the ratio are negative. The formula guard wrote
    // them '-4313.0900, which a spreadsheet shows as text (apostrophe and all) and leaves out of sums.
    const report = buildReport(
      'program-roi',
      [
        {
          keys: { program: 'SD-2026', window: '2026-01-01..2026-09-30', baseline: '2025-04-03..2025-12-31' },
          currency: 'USD',
          values: {
            programSales: '0.0000',
            baselineSales: '4313.0900',
            incrementalSales: '-4313.0900',
            creditsPaid: '100.0000',
            roi: '-43.1309',
          },
        },
      ],
      rates,
      { from: '2026-07-01', to: '2026-09-30' },
      'USD',
    );
    const [, row] = reportCsv(report).split('\r\n');
    expect(row).toBe(
      'SD-2026,2026-01-01..2026-09-30,2025-04-03..2025-12-31,USD,0.0000,4313.0900,-4313.0900,100.0000,-43.1309,USD,1,,0.0000,4313.0900,-4313.0900,100.0000,',
    );
  });
});
