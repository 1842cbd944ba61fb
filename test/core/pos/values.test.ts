import {
  MARK_AMBIGUOUS,
  MARK_COMMA,
  MARK_DOT,
  MARK_NONE,
  markEvidence,
  dateEvidence,
  ORDER_DMY,
  ORDER_MDY,
  ORDER_NONE,
  CREDIT_RETURN_FLAG_VALUES,
  parseDateText,
  parseDecimalText,
  parseMoneyText,
  parseQuantityText,
  parseFlagText,
} from '../../../core/pos/values.js';
import { normalizeHeader, extraFieldKey, resolveColumns } from '../../../core/pos/mapping.js';
import { separatorDirective, sniffSeparator } from '../../../core/pos/csv.js';

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
    // year first with "/" or ".": year, month, day whatever the file's order
    ['2026/11/05', null, '2026-11-05'],
    ['2026.11.05', null, '2026-11-05'],
    ['2026/11/05', 'DMY', '2026-11-05'],
    ['2026.11.05', 'MDY', '2026-11-05'],
    ['2026/1/5', 'DMY', '2026-01-05'],
    ['2026/11/05 14:30:00', null, '2026-11-05'],
    ['2026. 11. 05.', null, '2026-11-05'],
    ['2024/02/29', null, '2024-02-29'],
  ] as const)('reads %j (order %s) as %s', (text, order, expected) => {
    expect(value(parseDateText(text, order))).toBe(expected);
  });

  it.each([
    ['2025-02-29', 'is not a calendar date'],
    ['03/04/2025', 'could be read day first or month first and the file does not say which: choose the date order (dateOrder)'],
    ['01/03/25', 'has a two-digit year; write the year with four digits'],
    ['March 1, 2025', 'is not a date (use YYYY-MM-DD, YYYY/MM/DD, MM/DD/YYYY, DD.MM.YYYY, DD-Mon-YYYY or YYYYMMDD)'],
    ['2026/13/05', 'is not a calendar date (read as year, month, day)'],
    ['2025.02.29', 'is not a calendar date (read as year, month, day)'],
    ['2026/11/05/01', 'is not a date (use YYYY-MM-DD, YYYY/MM/DD, MM/DD/YYYY, DD.MM.YYYY, DD-Mon-YYYY or YYYYMMDD)'],
    ['20251301', 'is not a date (YYYYMMDD)'],
  ])('refuses %j: %s', (text, reason) => {
    expect(value(parseDateText(text))).toBe(`ERR ${reason}`);
  });

  it('takes no date order from a year-first date', () => {
    expect(['2026/11/05', '2026.11.05', '2026-11-05', '2026/1/5', '2026. 11. 05.', '2026/12/11 0:00'].map(dateEvidence)).toEqual([
      ORDER_NONE,
      ORDER_NONE,
      ORDER_NONE,
      ORDER_NONE,
      ORDER_NONE,
      ORDER_NONE,
    ]);
    expect(['13/11/2026', '11/13/2026', '11.12.2026'].map(dateEvidence)).toEqual([ORDER_DMY, ORDER_MDY, ORDER_DMY]);
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

  it('reads a separator directive line', () => {
    expect(['sep=;', 'sep=,', 'sep=\t', 'sep=|', 'Sep=;', 'sep=;\r', 'sep=; ', 'sep=;;;'].map(separatorDirective)).toEqual([
      ';',
      ',',
      '\t',
      '|',
      ';',
      ';',
      ';',
      ';',
    ]);
    expect(['sep=', 'sep=:', 'sep=;x', 'sep=;,', ' sep=;', 'sep =;', 'Invoice;Line', 'sep=\\t'].map(separatorDirective)).toEqual(
      new Array(8).fill(null),
    );
  });

  it('reads credit/return flags', () => {
    expect(value(parseFlagText('Y'))).toBe(true);
    expect(value(parseFlagText('no'))).toBe(false);
    for (const spelling of ['CR', 'cr', 'Cr', ' CR ', 'RETURN', 'return', 'Credit', 'RTN', 'R', 'c'])
      expect([spelling, value(parseFlagText(spelling))]).toEqual([spelling, true]);
    for (const spelling of ['DR', 'D', 'S', 'RET', 'RMA', 'C R', 'CRR', 'maybe'])
      expect([spelling, value(parseFlagText(spelling))]).toEqual([spelling, expect.stringMatching(/^ERR is not a credit\/return flag/)]);
  });

  it('lists in its error exactly the flag values it reads, from its one table', () => {
    const reason = value(parseFlagText('maybe')) as string;
    expect(reason).toBe(
      'ERR is not a credit/return flag: a return is one of Y, YES, TRUE, 1, X, C, R, CR, RTN, CREDIT, RETURN; not a return one of N, NO, FALSE, 0, - or an empty cell (any letter case)',
    );
    const listed = reason
      .replace(/^.*?: /, '')
      .replace(/ or an empty cell.*$/, '')
      .split(/; not a return one of |, |a return is one of /)
      .filter((s) => s !== '');
    const table = CREDIT_RETURN_FLAG_VALUES.flatMap((v) => v.spellings);
    expect(listed).toEqual(table);
    for (const { value: meaning, spellings } of CREDIT_RETURN_FLAG_VALUES)
      for (const s of spellings) {
        expect(value(parseFlagText(s))).toBe(meaning);
        expect(value(parseFlagText(s.toLowerCase()))).toBe(meaning);
      }
  });
});
