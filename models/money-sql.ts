/**
 * Money in SQL, exact on both dialects. MariaDB keeps money as DECIMAL(18,4). SQLite has no exact
 * decimal type (a DECIMAL column has NUMERIC affinity and keeps a REAL), so there money is TEXT
 * holding canonical 4-decimal strings ('12.5000', '-3.0000'; '0' is also accepted, see
 * moneyCheckSql), guarded by a CHECK on every money column.
 *
 * Every SQL SUM over money goes through sumMoneySql, and every comparison or arithmetic on a money
 * column through moneyUnitsSql: on SQLite a TEXT column compares as text ('9.0000' > '10.0000')
 * and multiplies as a float, so both work on integer units of 1/10,000 instead, made by removing
 * the decimal point (exact because every stored value has exactly 4 decimals). An int64 holds 18
 * digits: a sum beyond 922,337,203,685,477.5807 fails with SQLite's "integer overflow".
 */
import type { Sequelize } from 'sequelize';
import { Money, MoneyFormatError, moneyToString } from '../core/money.js';

type Dialect = Sequelize | string;
const dialectOf = (d: Dialect) => (typeof d === 'string' ? d : d.getDialect());

/**
 * The money columns of every table: what migration 20261201T1000-exact-money-sqlite rebuilt (it
 * skips a table that does not exist yet) and what the bulk writer canonicalizes on SQLite. A
 * table with money columns made later is added here, and its own migration calls
 * `rebuildWithExactMoney` on SQLite after creating it (col.money() gives TEXT, not the CHECK).
 */
export const MONEY_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  products: ['list_price'],
  book_costs: ['cost'],
  programs: ['price_floor'],
  price_request_lines: ['requested_cost', 'counter_cost'],
  authorization_lines: ['authorized_cost'],
  pos_lines: ['resale_price', 'book_cost', 'authorized_cost', 'claimed_amount'],
  claims: ['claimed_total', 'computed_total', 'approved_total'],
  claim_lines: ['book_cost', 'authorized_cost', 'resale_price', 'claimed_amount', 'computed_amount', 'approved_amount'],
  credit_memos: ['amount'],
  settlement_debits: ['amount', 'applied_amount'],
  credit_memo_debits: ['amount'],
  crm_opportunities: ['amount'],
};

/** The canonical stored form: up to 14 integer digits without leading zeros, exactly 4 decimals. */
const CANONICAL = /^-?(0|[1-9]\d{0,13})\.\d{4}$/;
/** Up to 14 integer digits and up to 4 decimals, leading zeros allowed. */
const SHORT = /^(-?)(\d{1,14})(?:\.(\d{0,4}))?$/;
const LIMIT = new Money('1e14');

/**
 * An amount as a money column stores it: a string with exactly 4 decimals. Strings, numbers and
 * decimal values are accepted; more than 4 decimals round half-up (as MariaDB's DECIMAL(18,4)
 * does); more than 14 integer digits, or anything that is not a number, is refused.
 */
export function moneyToDb(value: unknown): string {
  if (typeof value === 'string') {
    if (CANONICAL.test(value)) return value === '-0.0000' ? '0.0000' : value;
    // A POS file's '12.5' or '7': padded as text, without a decimal object per cell.
    const short = SHORT.exec(value);
    if (short) {
      const whole = short[2]!.replace(/^0+(?=\d)/, '');
      const text = `${whole}.${(short[3] ?? '').padEnd(4, '0')}`;
      return short[1] && text !== '0.0000' ? `-${text}` : text;
    }
  }
  let amount: Money;
  try {
    if (Money.isDecimal(value)) amount = new Money(value as Money);
    else if (typeof value === 'number' || typeof value === 'bigint') amount = new Money(String(value));
    else if (typeof value === 'string') amount = new Money(value.trim());
    else throw new Error('not a number');
  } catch {
    throw new MoneyFormatError(`${JSON.stringify(String(value))} is not an amount`);
  }
  if (!amount.isFinite()) throw new MoneyFormatError(`${String(value)} is not a finite amount`);
  const rounded = amount.toDecimalPlaces(4, Money.ROUND_HALF_UP);
  if (rounded.abs().gte(LIMIT)) throw new MoneyFormatError(`${String(value)} has more than 14 integer digits`);
  return rounded.isZero() ? '0.0000' : moneyToString(rounded);
}

/** True when a value is already in the canonical stored form. */
export const isCanonicalMoney = (value: unknown): value is string => typeof value === 'string' && CANONICAL.test(value);

/**
 * The SQLite CHECK that keeps a money column exact: NULL, the text '0' (what `SET col = 0`
 * stores in a TEXT column), or a string with an optional minus, 1 to 14 digits, a point and
 * exactly 4 digits. What is not in this form cannot be summed as units, so it is not stored.
 */
export function moneyCheckSql(column: string): string {
  const c = `\`${column}\``;
  return (
    `${c} IS NULL OR ${c} = '0' OR (typeof(${c}) = 'text' AND length(ltrim(${c}, '-')) BETWEEN 6 AND 19` +
    ` AND ${c} GLOB '*[0-9].[0-9][0-9][0-9][0-9]' AND (${c} GLOB '[0-9]*' OR ${c} GLOB '-[0-9]*')` +
    ` AND substr(${c}, 2, length(${c}) - 6) NOT GLOB '*[^0-9]*')`
  );
}

/** The name of the CHECK constraint on one money column (SQLite). */
export const moneyCheckName = (table: string, column: string) => `ck_money_${table}_${column}`;

/**
 * A DECIMAL or money column read as its exact decimal text (never a JavaScript number): MariaDB's
 * DECIMAL cast to CHAR; on SQLite the column's text (an older REAL prints its 15 digits).
 */
export function decimalTextSql(dialect: Dialect, column: string): string {
  return dialectOf(dialect) === 'sqlite' ? `CAST(${column} AS TEXT)` : `CAST(${column} AS CHAR)`;
}

/**
 * A money expression (a money column, NULL, or the number 0 as in `CASE ... ELSE 0 END`) as
 * integer units of 1/10,000: exact on both dialects, and what to compare or multiply in SQL.
 */
export function moneyUnitsSql(dialect: Dialect, expr: string): string {
  return dialectOf(dialect) === 'sqlite' ? `CAST(REPLACE(${expr}, '.', '') AS INTEGER)` : `((${expr}) * 10000)`;
}

/**
 * The exact SUM of a units expression (see moneyUnitsSql), 0 when there is no row; read it with
 * moneyFromUnits. On SQLite the int64 sum comes back as text: node-sqlite3 would turn an integer
 * above 2^53 (900 billion in money) into an inexact JavaScript number.
 */
export function sumUnitsSql(dialect: Dialect, unitsExpr: string): string {
  return dialectOf(dialect) === 'sqlite' ? `CAST(COALESCE(SUM(${unitsExpr}), 0) AS TEXT)` : `COALESCE(SUM(${unitsExpr}), 0)`;
}

/** The exact SUM of a money expression (see moneyUnitsSql), in units; read it with moneyFromUnits. */
export function sumMoneySql(dialect: Dialect, expr: string): string {
  return sumUnitsSql(dialect, moneyUnitsSql(dialect, expr));
}

/**
 * A sum from sumMoneySql / sumUnitsSql as a canonical 4-decimal string. A sum that is not a whole
 * number of units (SQLite turns an int64 overflow in `*` into a float) is refused, never rounded.
 */
export function moneyFromUnits(value: unknown): string {
  const text = value === null || value === undefined ? '0' : String(value);
  if (!/^-?\d+(\.0*)?$/.test(text)) throw new MoneyFormatError(`money sum out of exact range: ${text}`);
  return moneyToString(new Money(text).div(10000));
}
