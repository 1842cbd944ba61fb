/**
 * The wire pieces every schema that takes money, a quantity or a currency uses, in one place, so
 * what the API accepts is what the columns hold:
 * - amounts are DECIMAL(18,4): at most 14 integer digits and 4 decimals, and none of the amounts a
 *   client sends (book cost, authorized cost, resale price, requested or counter cost, price
 *   floor, claimed or approved amount) is negative;
 * - quantities are whole numbers above zero, at most QUANTITY_MAX (inside both Number's safe
 *   integers and the INT columns that hold them);
 * - currencies are ISO 4217 codes (core/currency.ts), upper-cased.
 * An amount the server derives from these (a line's (book cost - authorized cost) x quantity, a
 * claim's total) is checked with `fitsMoneyColumn` before it reaches a column: too big is a 400
 * naming the field, never a 500 from the database.
 */
import { CURRENCY_CODES } from '../../core/currency.js';
import { Money } from '../../core/money.js';
import { z } from './openapi.js';
import { POS_QUANTITY_MAX } from '../../core/pos/values.js';

/** The largest value a DECIMAL(18,4) column holds. */
export const MONEY_MAX = '99999999999999.9999';
const MONEY_MAX_VALUE = new Money(MONEY_MAX);

/** The largest quantity on a line (far below 2^31 - 1, the INT columns' limit). */
/** One limit for the API and the files (core/pos/values.ts POS_QUANTITY_MAX). */
export const QUANTITY_MAX = POS_QUANTITY_MAX;

/** True when `value` fits a DECIMAL(18,4) column (either sign). */
export function fitsMoneyColumn(value: Money): boolean {
  return value.abs().lte(MONEY_MAX_VALUE);
}

/** A non-negative decimal amount on the wire: a string, never a JSON number. */
export const Amount = z
  .string()
  .regex(
    /^\d{1,14}(\.\d{1,4})?$/,
    `a non-negative amount as a string, at most 14 digits before the point and 4 after (at most ${MONEY_MAX}), e.g. "12.50"`,
  )
  .openapi({ example: '12.5000', description: `a non-negative amount, at most ${MONEY_MAX} (DECIMAL(18,4))` });

/** A quantity on a line: a whole number from 1 to QUANTITY_MAX. */
export const Quantity = z
  .number()
  .int()
  .positive()
  .max(QUANTITY_MAX)
  .openapi({ description: `a whole number from 1 to ${QUANTITY_MAX}` });

const CODES = CURRENCY_CODES as [string, ...string[]];

/**
 * An ISO 4217 currency code; lower case is accepted and stored upper case ("usd" is USD). Funds,
 * metals and testing codes (XAU, XTS, ...) and made-up codes (ZZZ) are refused.
 */
export const CurrencyCode = z
  .preprocess(
    (v) => (typeof v === 'string' ? v.toUpperCase() : v),
    z.enum(CODES, { errorMap: () => ({ message: 'an ISO 4217 currency code such as USD or EUR' }) }),
  )
  .openapi({ description: 'ISO 4217 code; stored upper case (usd is USD)', example: 'USD' });
