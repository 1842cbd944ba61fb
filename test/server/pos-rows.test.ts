import { DEFAULT_OPTIONS, normalizeDecimal, parsePosDate, resolveColumns, toPosRow } from '../../server/imports/pos-rows.js';

/** The POS row mapper: what distributors send, read the same way whatever the fast paths. */
describe('POS row values', () => {
  it.each([
    ['2026-10-21', '2026-10-21'],
    ['2026-1-5', '2026-01-05'],
    ['2026/10/21', '2026-10-21'],
    ['2026-10-21T08:00:00Z', '2026-10-21'],
    [' 2026-10-21 ', '2026-10-21'],
    ['20261021', '2026-10-21'],
    ['21.10.2026', '2026-10-21'],
    ['21-Oct-2026', '2026-10-21'],
    ['21 October 26', '2026-10-21'],
    ['10/21/2026', '2026-10-21'],
    ['21/10/2026', '2026-10-21'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-29', null],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['2026-04-31', null],
    ['1899-12-31', null],
    ['yesterday', null],
    ['', null],
  ])('reads the date %p as %p', (text, iso) => {
    expect(parsePosDate(text)).toBe(iso);
  });

  it('reads slashes day first when told to', () => {
    expect(parsePosDate('03/04/2026', 'DMY')).toBe('2026-04-03');
    expect(parsePosDate('03/04/2026', 'MDY')).toBe('2026-03-04');
    expect(parsePosDate('03/04/2026')).toBe('2026-03-04');
  });

  it.each([
    ['12.50', '12.50'],
    ['12', '12'],
    ['-3.25', '-3.25'],
    ['12,50', '12.50'],
    ['0,25', '0.25'],
    ['1,234', '1234'],
    ['1,234.56', '1234.56'],
    ['1.234,56', '1234.56'],
    ['1 234,56', '1234.56'],
    ["1'234.56", '1234.56'],
    ['$12.50', '12.50'],
    ['€ 12,50', '12.50'],
    [' 7 ', '7'],
    ['1.234', '1.234'],
    ['12.5.0', null],
    ['abc', null],
    ['', null],
    ['   ', null],
  ])('reads the amount %p as %p', (text, value) => {
    expect(normalizeDecimal(text)).toBe(value);
  });

  it('follows a forced decimal mark', () => {
    expect(normalizeDecimal('12.50', ',')).toBe('1250');
    expect(normalizeDecimal('1.234,5', ',')).toBe('1234.5');
    expect(normalizeDecimal('12,50', '.')).toBe('1250');
    expect(normalizeDecimal('12.50', '.')).toBe('12.50');
  });
});

describe('POS rows', () => {
  const header = [
    'Invoice No',
    'Line',
    'Invoice Date',
    'Mfr Part',
    'Qty',
    'Book Cost',
    'Debit Cost',
    'S&D Number',
    'End Customer',
    'PO',
    'Region',
  ];
  const cols = resolveColumns(header);

  it('maps a good row, keeping unmapped columns as extra', () => {
    const { row, errors } = toPosRow(
      ['INV-1', '2', '21.10.2026', ' ABC-1 ', '1,000', '12,50', '10.00', 'SD-9', 'Acme', 'PO-7', 'West'],
      cols,
      2,
      DEFAULT_OPTIONS,
    );
    expect(errors).toEqual([]);
    expect(row).toEqual({
      invoiceNumber: 'INV-1',
      invoiceLine: '2',
      invoiceKey: 'INV-1',
      lineKey: '2',
      invoiceDate: '2026-10-21',
      shipDate: null,
      vendorPartNumber: 'ABC-1',
      distributorPartNumber: null,
      quantity: 1000,
      resalePrice: null,
      bookCost: '12.50',
      authorizedCost: '10.00',
      claimedAmount: null,
      authorizationNumber: 'SD-9',
      endCustomerName: 'Acme',
      customerPo: 'PO-7',
      debitMemoNumber: null,
      extra: { Region: 'West' },
    });
  });

  it('names every bad column of a row, with its row number', () => {
    const { row, errors } = toPosRow(
      ['', '', '31.02.2026', '', '-4', 'twelve', '10.00', 'X'.repeat(41), 'Acme', '', ''],
      cols,
      7,
      DEFAULT_OPTIONS,
    );
    expect(row).toBeNull();
    expect(errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [7, 'invoiceNumber', 'MISSING_REQUIRED_FIELD'],
      [7, 'invoiceLine', 'MISSING_REQUIRED_FIELD'],
      [7, 'invoiceDate', 'INVALID_DATE'],
      [7, 'vendorPartNumber', 'MISSING_REQUIRED_FIELD'],
      [7, 'quantity', 'INVALID_QUANTITY'],
      [7, 'bookCost', 'INVALID_NUMBER'],
      [7, 'authorizationNumber', 'VALUE_TOO_LONG'],
    ]);
  });

  it('refuses amounts with more than 4 decimals and quantities that are not whole', () => {
    const { errors } = toPosRow(['I', '1', '2026-10-21', 'P', '1.5', '1.23456', '', '', '', '', ''], cols, 3, DEFAULT_OPTIONS);
    expect(errors.map((e) => [e.column, e.code])).toEqual([
      ['quantity', 'INVALID_QUANTITY'],
      ['bookCost', 'INVALID_NUMBER'],
    ]);
  });
});
