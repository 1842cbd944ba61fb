/**
 * ISO 4217: the currencies a claim, an authorization or a distributor may be in, with the number
 * of decimals of each one's minor unit (JPY 0, USD 2, KWD 3). Payable amounts (approved amounts,
 * credit memos, totals) are whole numbers of minor units; unit costs and prices keep 4 decimals.
 * Funds codes, precious metals and testing codes (XAU, XDR, XTS, XXX, ...) are not currencies a
 * credit can be paid in, and are refused.
 */
const ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR = 'CLF UYW';
const TWO =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW ' +
  'CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS ' +
  'INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD ' +
  'NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP ' +
  'SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL';

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  (
    [
      [ZERO, 0],
      [TWO, 2],
      [THREE, 3],
      [FOUR, 4],
    ] as const
  ).flatMap(([codes, exponent]) => codes.split(' ').map((c) => [c, exponent] as const)),
);

/** Every accepted code, sorted (for schemas and docs). */
export const CURRENCY_CODES: readonly string[] = [...EXPONENTS.keys()].sort();

export function isCurrencyCode(code: string): boolean {
  return EXPONENTS.has(code);
}

/** Decimals of the currency's minor unit; throws for a code that is not an ISO 4217 currency. */
export function minorUnitExponent(code: string): number {
  const e = EXPONENTS.get(code);
  if (e === undefined) throw new RangeError(`${code} is not an ISO 4217 currency code`);
  return e;
}
