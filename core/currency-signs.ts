/**
 * How amounts are written with their currency besides the ISO code itself ("EUR 12.50", "12.50
 * CHF"): each sign or local abbreviation and the currencies it may stand for. `$` alone is any
 * dollar or peso currency; a prefixed dollar names one (`US$`, `CA$`, `A$`). A trailing dot is
 * part of how some are written (`Fr.`, `SFr.`, `kr.`) and is not compared. The one table the POS
 * reader (core/pos/values.ts) reads a money cell's currency with. A module of its own beside
 * core/currency.ts (the codes): the browser loads it with the preflight only, not with every page.
 */
import { isCurrencyCode } from './currency.js';

export const CURRENCY_SIGNS: readonly { readonly sign: string; readonly currencies: readonly string[] }[] = [
  {
    sign: '$',
    currencies: [
      'USD',
      'CAD',
      'AUD',
      'NZD',
      'SGD',
      'HKD',
      'TWD',
      'MXN',
      'ARS',
      'CLP',
      'COP',
      'UYU',
      'DOP',
      'BSD',
      'BBD',
      'BZD',
      'BMD',
      'BND',
      'FJD',
      'GYD',
      'JMD',
      'KYD',
      'LRD',
      'NAD',
      'SBD',
      'SRD',
      'TTD',
      'XCD',
    ],
  },
  { sign: 'US$', currencies: ['USD'] },
  { sign: 'U$S', currencies: ['USD'] },
  { sign: 'CA$', currencies: ['CAD'] },
  { sign: 'CAN$', currencies: ['CAD'] },
  { sign: 'C$', currencies: ['CAD', 'NIO'] },
  { sign: 'A$', currencies: ['AUD'] },
  { sign: 'AU$', currencies: ['AUD'] },
  { sign: 'NZ$', currencies: ['NZD'] },
  { sign: 'S$', currencies: ['SGD'] },
  { sign: 'SG$', currencies: ['SGD'] },
  { sign: 'HK$', currencies: ['HKD'] },
  { sign: 'NT$', currencies: ['TWD'] },
  { sign: 'MX$', currencies: ['MXN'] },
  { sign: 'Mex$', currencies: ['MXN'] },
  { sign: 'R$', currencies: ['BRL'] },
  { sign: '€', currencies: ['EUR'] },
  { sign: '£', currencies: ['GBP', 'GIP', 'FKP', 'SHP'] },
  { sign: '¥', currencies: ['JPY', 'CNY'] },
  { sign: '￥', currencies: ['JPY', 'CNY'] },
  { sign: 'JP¥', currencies: ['JPY'] },
  { sign: '円', currencies: ['JPY'] },
  { sign: 'CN¥', currencies: ['CNY'] },
  { sign: '元', currencies: ['CNY'] },
  { sign: 'RMB', currencies: ['CNY'] },
  { sign: 'Fr.', currencies: ['CHF'] },
  { sign: 'SFr.', currencies: ['CHF'] },
  { sign: '₹', currencies: ['INR'] },
  { sign: 'Rs.', currencies: ['INR', 'PKR', 'LKR', 'NPR', 'MUR', 'SCR'] },
  { sign: '₩', currencies: ['KRW'] },
  { sign: '₽', currencies: ['RUB'] },
  { sign: '₺', currencies: ['TRY'] },
  { sign: '₪', currencies: ['ILS'] },
  { sign: '₱', currencies: ['PHP'] },
  { sign: '₫', currencies: ['VND'] },
  { sign: '₦', currencies: ['NGN'] },
  { sign: '₴', currencies: ['UAH'] },
  { sign: '₸', currencies: ['KZT'] },
  { sign: '฿', currencies: ['THB'] },
  { sign: 'zł', currencies: ['PLN'] },
  { sign: 'Kč', currencies: ['CZK'] },
  { sign: 'Ft', currencies: ['HUF'] },
  { sign: 'lei', currencies: ['RON'] },
  { sign: 'kr.', currencies: ['SEK', 'NOK', 'DKK', 'ISK'] },
  { sign: 'R', currencies: ['ZAR'] },
  { sign: 'RM', currencies: ['MYR'] },
  { sign: 'Rp', currencies: ['IDR'] },
];

/** A sign as the table compares it: letter case and a trailing dot aside (`fr.` is `Fr.`). */
export const currencySignKey = (sign: string): string => (sign.endsWith('.') ? sign.slice(0, -1) : sign).toUpperCase();

/** Sign → the currencies it may stand for, built on first use. */
let bySign: Map<string, readonly string[]> | null = null;

/**
 * The currencies a written sign or code stands for ("EUR" → [EUR], "$" → the dollars and pesos,
 * "Fr." → [CHF]); null when it is neither a sign of the table nor an ISO 4217 code.
 */
export function currenciesOfSign(written: string): readonly string[] | null {
  const key = currencySignKey(written);
  if (key.length === 3 && isCurrencyCode(key)) return [key];
  bySign ??= new Map(CURRENCY_SIGNS.map((s) => [currencySignKey(s.sign), s.currencies] as const));
  return bySign.get(key) ?? null;
}
