import {
  MARK_AMBIGUOUS,
  MARK_COMMA,
  MARK_DOT,
  MARK_NONE,
  markEvidence,
  parseDateText,
  parseDecimalText,
  parseMoneyText,
  parseQuantityText,
  parseFlagText,
} from '../../../core/pos/values.js';
import { normalizeHeader, extraFieldKey, resolveColumns } from '../../../core/pos/mapping.js';
import { sniffSeparator } from '../../../core/pos/csv.js';

const value = <T>(p: { ok: true; value: T } | { ok: false; reason: string }) => (p.ok ? p.value : `ERR ${p.reason}`);

describe('numbers', () => {
  it.each([
    ['1234.50', '1234.50'],
    ['1,234.50', '1234.50'],
    ['1.234,50', '1234.50'],
    ['1 234,50', '1234.50'],
    ["1'234.50", '1234.50'],
    ['1,234,567', '1234567'],
    ['1.234.567,8', '1234567.8'],
    ['12,5', '12.5'],
    ['0.1', '0.1'],
    ['.5', '0.5'],
    ['007', '7'],
    ['$ 12.50', '12.50'],
    ['12.50 €', '12.50'],
    ['(3.00)', '-3.00'],
    ['12.50-', '-12.50'],
    ['-0.00', '0.00'],
    ['1.2345', '1.2345'],
  ])('reads %j, which shows its own decimal mark, as %j', (text, expected) => {
    expect(value(parseDecimalText(text))).toBe(expected);
  });

  it('refuses "1,234" and "1.234" while the file has not shown its decimal mark, and reads them with it', () => {
    expect(value(parseDecimalText('1,234'))).toMatch(/^ERR could be read with "\." or ","(.*)decimalMark/);
    expect(value(parseDecimalText('1.234'))).toMatch(/^ERR could be read/);
    expect(value(parseDecimalText('1,234', { decimalMark: '.' }))).toBe('1234');
    expect(value(parseDecimalText('1.234', { decimalMark: '.' }))).toBe('1.234');
    expect(value(parseDecimalText('1,234', { decimalMark: ',' }))).toBe('1.234');
    expect(value(parseDecimalText('1.234', { decimalMark: ',' }))).toBe('1234');
  });

  it('tells what a text shows of the decimal mark', () => {
    expect(['12', '12.50', '12,50', '1.000', '1,000', '1.000.000', '1,000.5', '(1.000)'].map(markEvidence)).toEqual([
      MARK_NONE,
      MARK_DOT,
      MARK_COMMA,
      MARK_AMBIGUOUS,
      MARK_AMBIGUOUS,
      MARK_COMMA,
      MARK_DOT,
      MARK_AMBIGUOUS,
    ]);
  });

  it('applies a decimal mark strictly', () => {
    expect(value(parseDecimalText('1.234,50', { decimalMark: '.' }))).toMatch(/^ERR/);
    expect(value(parseDecimalText('12,5', { decimalMark: '.' }))).toMatch(/^ERR/);
    expect(value(parseDecimalText('1.234', { decimalMark: ',' }))).toBe('1234');
  });

  it.each([
    ['12,5x', 'is not a number'],
    ['1,23,456', 'has misplaced thousands separators'],
    ['1.2E+3', 'is in scientific notation (format the column as a number)'],
    ['-', 'has no digits'],
    ['', 'is empty'],
  ])('refuses %j: %s', (text, reason) => {
    expect(value(parseDecimalText(text, { decimalMark: '.' }))).toBe(`ERR ${reason}`);
  });

  it('keeps money to 4 decimals and quantities whole, negative on a return', () => {
    expect(value(parseMoneyText('0.12345'))).toBe('ERR has 5 decimals; at most 4 are kept exactly');
    expect(value(parseMoneyText('1,000.0001'))).toBe('1000.0001');
    expect(value(parseQuantityText('1,200', { decimalMark: '.' }))).toBe(1200);
    expect(value(parseQuantityText('12.00'))).toBe(12);
    expect(value(parseQuantityText('(2)'))).toBe(-2);
    expect(value(parseQuantityText('-3'))).toBe(-3);
    expect(value(parseQuantityText('2.5'))).toBe('ERR is not a whole number');
  });
});

describe('dates', () => {
  it.each([
    ['2025-03-01', null, '2025-03-01'],
    ['2025-3-1', null, '2025-03-01'],
    ['2025-03-01T00:00:00Z', null, '2025-03-01'],
    ['20250301', null, '2025-03-01'],
    ['01-Mar-2025', null, '2025-03-01'],
    ['03/01/2025', 'MDY', '2025-03-01'],
    ['3/1/2025', 'MDY', '2025-03-01'],
    ['01.03.2025', null, '2025-03-01'],
    ['01-03-2025', 'DMY', '2025-03-01'],
    ['01/03/2025', 'DMY', '2025-03-01'],
    ['13/01/2025', null, '2025-01-13'],
    ['01/13/2025', null, '2025-01-13'],
    ['05/05/2025', null, '2025-05-05'],
    ['2024-02-29', null, '2024-02-29'],
  ] as const)('reads %j (order %s) as %s', (text, order, expected) => {
    expect(value(parseDateText(text, order))).toBe(expected);
  });

  it.each([
    ['2025-02-29', 'is not a calendar date'],
    ['03/04/2025', 'could be read day first or month first and the file does not say which: choose the date order (dateOrder)'],
    ['01/03/25', 'has a two-digit year; write the year with four digits'],
    ['March 1, 2025', 'is not a date (use YYYY-MM-DD, MM/DD/YYYY, DD.MM.YYYY, DD-Mon-YYYY or YYYYMMDD)'],
    ['20251301', 'is not a date (YYYYMMDD)'],
  ])('refuses %j: %s', (text, reason) => {
    expect(value(parseDateText(text))).toBe(`ERR ${reason}`);
  });

  it("names the setting when a date does not fit the file's order", () => {
    expect(value(parseDateText('13/01/2025', 'MDY'))).toMatch(/choose dateOrder DMY/);
  });
});

describe('headers and flags', () => {
  it('compares headers by letters and digits only', () => {
    expect(normalizeHeader('Invoice No.')).toBe('invoiceno');
    expect(normalizeHeader('INVOICE_NO')).toBe('invoiceno');
    expect(normalizeHeader('Référence')).toBe('reference');
    expect(extraFieldKey('Reseller PO Number')).toBe('resellerPoNumber');
    expect(extraFieldKey('sales-order #')).toBe('salesOrder');
  });

  it('prefers an explicitly mapped column over a default alias', () => {
    const columns = resolveColumns(['Date', 'Invoice Date'], { fields: { invoiceDate: 'Date' } });
    expect(columns.index.invoiceDate).toBe(0);
    // an extra key never takes a field's name
    expect(columns.extra).toEqual([{ index: 1, key: 'invoiceDate2' }]);
  });

  it('sniffs the separator outside quotes', () => {
    expect(sniffSeparator('a;b;"c,d,e"')).toBe(';');
    expect(sniffSeparator('a\tb\tc')).toBe('\t');
    expect(sniffSeparator('a|b|c')).toBe('|');
    expect(sniffSeparator('a,b;c,d')).toBe(',');
    expect(sniffSeparator('single')).toBe(',');
  });

  it('reads credit/return flags', () => {
    expect(value(parseFlagText('Y'))).toBe(true);
    expect(value(parseFlagText('no'))).toBe(false);
    expect(value(parseFlagText('maybe'))).toBe('ERR is not a yes/no flag (Y or N)');
  });
});
