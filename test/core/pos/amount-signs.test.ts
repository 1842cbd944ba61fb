/**
 * The reader and the money cell's sign: the currency it names (the file's is read, another's is a
 * row error), a negative amount (a sale's is a row error, a return's is kept as its value), a
 * return flag that contradicts the quantity, and the quantities a line may carry.
 */
import { isCurrencyCode } from '../../../core/currency.js';
import { CURRENCY_SIGNS, currenciesOfSign } from '../../../core/currency-signs.js';
import { parseMoneyText, parsePosText, POS_QUANTITY_MAX, type PosRowError } from '../../../core/pos/index.js';

const HEADER = 'Invoice Number,Line,Invoice Date,Vendor Part,Quantity,Book Cost,Authorized Cost,Debit Amount,Return Flag';
const row = (cells: { qty?: string; book?: string; auth?: string; debit?: string; flag?: string }) =>
  [
    'INV-1',
    '1',
    '2026-11-02',
    'VS-1',
    cells.qty ?? '5',
    cells.book ?? '2.6322',
    cells.auth ?? '2.05',
    cells.debit ?? '',
    cells.flag ?? '',
  ].map((c) => (c.includes(',') ? `"${c}"` : c));
const read = (cells: Parameters<typeof row>[0], currency: string | null = 'USD') =>
  parsePosText([HEADER, row(cells).join(',')].join('\n'), { currency, mapping: { decimalMark: '.' } });
const codes = (errors: PosRowError[]) => errors.map((e) => [e.column, e.code]);

describe('money cells in the file currency', () => {
  it.each([
    ['$2.6322', 'USD'],
    ['US$ 2.6322', 'USD'],
    ['USD 2.6322', 'USD'],
    ['2.6322 USD', 'USD'],
    ['2.6322$', 'USD'],
    ['usd2.6322', 'USD'],
    ['€2.6322', 'EUR'],
    ['2.6322 €', 'EUR'],
    ['EUR 2.6322', 'EUR'],
    ['£2.6322', 'GBP'],
    ['¥2.6322', 'JPY'],
    ['2.6322円', 'JPY'],
    ['CHF 2.6322', 'CHF'],
    ['2.6322 CHF', 'CHF'],
    ['Fr. 2.6322', 'CHF'],
    ['SFr. 2.6322', 'CHF'],
    ['$2.6322', 'CAD'],
    ['CA$2.6322', 'CAD'],
    ['C$ 2.6322', 'CAD'],
    ['A$2.6322', 'AUD'],
    ['$2.6322', 'NZD'],
  ])('reads %s in a %s file', (text, currency) => {
    expect(parseMoneyText(text, { decimalMark: '.', currency })).toEqual({ ok: true, value: '2.6322' });
  });

  it.each([
    ['€2.6322', 'USD', 'EUR'],
    ['EUR 2.6322', 'USD', 'EUR'],
    ['£12.50', 'USD', '£'],
    ['CHF 12.50', 'USD', 'CHF'],
    ['12.50 CHF', 'USD', 'CHF'],
    ['US$12.50', 'CAD', 'USD'],
    ['CA$12.50', 'USD', 'CAD'],
    ['$12.50', 'EUR', '$'],
    ['¥1250', 'USD', '¥'],
  ])('refuses %s in a %s file, naming %s', (text, currency, named) => {
    const parsed = parseMoneyText(text, { decimalMark: '.', currency });
    expect(parsed).toMatchObject({ ok: false, currency: named });
    expect(!parsed.ok && parsed.reason).toContain(`the file's currency is ${currency}`);
  });

  it('reads the accounting negative outside or inside the sign', () => {
    expect(parseMoneyText('($4.07)', { currency: 'USD' })).toEqual({ ok: true, value: '-4.07' });
    expect(parseMoneyText('$(4.07)', { currency: 'USD' })).toEqual({ ok: true, value: '-4.07' });
    expect(parseMoneyText('-€4,07', { decimalMark: ',', currency: 'EUR' })).toEqual({ ok: true, value: '-4.07' });
  });

  it('keeps the reading of a caller without a currency', () => {
    expect(parseMoneyText('£12.50', { decimalMark: '.' })).toEqual({ ok: true, value: '12.50' });
    expect(parseMoneyText('CHF 12.50', { decimalMark: '.' })).toMatchObject({ ok: false, reason: 'is not a number' });
  });

  it('has one table of signs, each naming ISO 4217 currencies', () => {
    for (const s of CURRENCY_SIGNS) for (const c of s.currencies) expect([s.sign, isCurrencyCode(c)]).toEqual([s.sign, true]);
    expect(currenciesOfSign('fr.')).toEqual(['CHF']);
    expect(currenciesOfSign('n/a')).toBeNull();
  });

  it('names the column, the currency written and the file currency in the row error', () => {
    const { lines, errors } = read({ book: '€2.6322', auth: 'EUR 2.05', debit: '€5.82' });
    expect(lines).toEqual([]);
    expect(codes(errors)).toEqual([
      ['bookCost', 'CURRENCY_MISMATCH'],
      ['authorizedCost', 'CURRENCY_MISMATCH'],
      ['claimedAmount', 'CURRENCY_MISMATCH'],
    ]);
    expect(errors[0]!.message).toBe(
      `Book Cost "€2.6322" is in EUR (€), but the file's currency is USD: amounts are not converted, write them in USD`,
    );
  });

  it('counts an abbreviation with a dot for the decimal mark only by its number', () => {
    const { lines, errors, settings } = parsePosText([HEADER, row({ book: 'Fr. 2.6322', auth: 'Fr. 2.05' }).join(',')].join('\n'), {
      currency: 'CHF',
    });
    expect(errors).toEqual([]);
    expect(settings?.decimalMark).toBe('.');
    expect(lines[0]).toMatchObject({ bookCost: '2.6322', authorizedCost: '2.05' });
  });
});

describe('negative amounts', () => {
  it.each(['(4.07)', '-4.07', '4.07-', '$(4.07)'])('refuses %s on a sale, naming the column', (debit) => {
    const { lines, errors } = read({ debit });
    expect(lines).toEqual([]);
    expect(codes(errors)).toEqual([['claimedAmount', 'NEGATIVE_AMOUNT']]);
    expect(errors[0]!.message).toContain(`Debit Amount "${debit}" is negative`);
  });

  it('refuses a negative unit cost on a sale too', () => {
    expect(codes(read({ auth: '-2.05' }).errors)).toEqual([['authorizedCost', 'NEGATIVE_AMOUNT']]);
  });

  it("keeps a return's amounts as their value: the quantity carries the sign", () => {
    const byQuantity = read({ qty: '-5', debit: '(4.07)' });
    expect(byQuantity.errors).toEqual([]);
    expect(byQuantity.lines[0]).toMatchObject({ quantity: -5, creditReturn: true, claimedAmount: '4.07' });
    const byFlag = read({ qty: '5', debit: '-4.07', flag: 'Y' });
    expect(byFlag.errors).toEqual([]);
    expect(byFlag.lines[0]).toMatchObject({ quantity: -5, creditReturn: true, claimedAmount: '4.07' });
  });
});

describe('the return flag and the quantity', () => {
  it('refuses a negative quantity flagged as a sale, naming both columns', () => {
    const { lines, errors } = read({ qty: '-5', flag: 'N' });
    expect(lines).toEqual([]);
    expect(codes(errors)).toEqual([['creditReturn', 'RETURN_FLAG_CONFLICT']]);
    expect(errors[0]!.message).toBe(
      'Return Flag "N" says the line is a sale, but Quantity "-5" is negative, a return: correct one of the two (a return has a negative quantity, or its flag set)',
    );
  });

  it('reads a negative quantity with an empty flag as a return', () => {
    expect(read({ qty: '-5' }).lines[0]).toMatchObject({ quantity: -5, creditReturn: true });
  });
});

describe('quantities a line may carry', () => {
  it.each(['100000001', '-100000001'])('refuses %s', (qty) => {
    const { errors } = read({ qty });
    expect(codes(errors)).toEqual([['quantity', 'INVALID_QUANTITY']]);
    expect(errors[0]!.message).toContain('from 1 to 100,000,000');
  });

  it('reads the largest either way', () => {
    expect(read({ qty: String(POS_QUANTITY_MAX) }).lines[0]!.quantity).toBe(POS_QUANTITY_MAX);
    expect(read({ qty: String(-POS_QUANTITY_MAX) }).lines[0]!.quantity).toBe(-POS_QUANTITY_MAX);
  });
});
