/**
 * Accrual and report figures, aggregated in SQL (never by loading lines into Node). Sums are
 * exact on both dialects: every amount is summed as integer units of 1/10,000 (models/money-sql.ts;
 * SQLite keeps money as 4-decimal text), and the edge turns them back into 4-decimal strings.
 * Claim money is grouped by the claim's currency: two currencies are never added together.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { Money, moneyToString } from '../../core/money.js';
import { Claim } from '../../models/claims.js';
import { moneyFromUnits, moneyUnitsSql, sumMoneySql as sumMoney, sumUnitsSql } from '../../models/money-sql.js';
import type { TenantScope } from '../auth/actor.js';

const db = (): Sequelize => Claim.sequelize!;
const sqlite = () => db().getDialect() === 'sqlite';

/** SUM of a money expression (a money column, or 0), exact, in units: read it with fromSum. */
const sumMoneySql = (expr: string) => sumMoney(db(), expr);
/** Money from a sum in units, as a 4-dp string. */
const fromSum = moneyFromUnits;
/** A per-unit money value as integer units, for products with quantities. */
const units = (expr: string) => moneyUnitsSql(db(), expr);

const scopeSql = (scope: TenantScope, column: string) =>
  scope.distributorId === null
    ? { sql: '', params: [] as unknown[] }
    : { sql: ` AND ${column} = ?`, params: [scope.distributorId] as unknown[] };

/** A claim's currency, as the grouping key: ISO codes, so `usd` and `USD` are one currency. */
const currencySql = 'UPPER(c.currency)';

/** Open liability, in review and paid of one currency. */
export interface CurrencyTotals {
  currency: string;
  openLiability: string;
  inReview: string;
  paid: string;
}

/**
 * Claim figures per currency (never across currencies) and exposure per distributor. Exposure
 * comes from authorization lines and book costs, which are in their distributor's currency
 * (`accounts.currency`; `baseCurrency` for a distributor without one): each distributor's figure
 * is in its currency, totals are per currency, and `exposure` is the base currency's total.
 */
export async function accruals(scope: TenantScope, today: string, baseCurrency: string) {
  const s = scopeSql(scope, 'c.distributor_id');
  const totals = (await db().query(
    `SELECT ${currencySql} AS currency,
            ${sumMoneySql("CASE WHEN c.status = 'authorized' THEN c.approved_total ELSE 0 END")} AS openLiability,
            ${sumMoneySql("CASE WHEN c.status = 'submitted' THEN c.approved_total ELSE 0 END")} AS inReview,
            ${sumMoneySql("CASE WHEN c.status = 'paid' THEN c.approved_total ELSE 0 END")} AS paid
       FROM claims c
      WHERE c.status IN ('submitted', 'authorized', 'paid')${s.sql}
      GROUP BY ${currencySql}
      ORDER BY ${currencySql}`,
    { replacements: s.params, type: QueryTypes.SELECT },
  )) as Record<string, unknown>[];
  const e = scopeSql(scope, 'a.distributor_id');
  // Exposure: approved quantity not yet claimed x (current book cost - authorized cost), live authorizations only.
  const book = `(SELECT b.cost FROM book_costs b WHERE b.distributor_id = a.distributor_id AND b.product_id = l.product_id AND b.effective_from <= ? AND (b.effective_to IS NULL OR b.effective_to >= ?) ORDER BY b.effective_from DESC LIMIT 1)`;
  const perLine = `(l.approved_quantity - l.consumed_quantity) * (${units(`COALESCE(${book}, l.authorized_cost)`)} - ${units('l.authorized_cost')})`;
  const rows = (await db().query(
    `SELECT a.distributor_id AS distributorId, d.name AS distributorName, d.currency AS currency,
            COALESCE(SUM(l.approved_quantity - l.consumed_quantity), 0) AS openQuantity,
            ${sumUnitsSql(db(), perLine)} AS exposure
       FROM authorization_lines l
       JOIN authorizations a ON a.id = l.authorization_id
       JOIN accounts d ON d.id = a.distributor_id
      WHERE a.status = 'active' AND l.valid_to >= ?${e.sql}
      GROUP BY a.distributor_id, d.name, d.currency
      ORDER BY a.distributor_id`,
    { replacements: [today, today, today, ...e.params], type: QueryTypes.SELECT },
  )) as { distributorId: number; distributorName: string; currency: string | null; openQuantity: number | string; exposure: unknown }[];
  const byDistributor = rows.map((r) => ({
    distributorId: r.distributorId,
    distributorName: r.distributorName,
    openQuantity: Number(r.openQuantity),
    exposure: fromSum(r.exposure),
    currency: r.currency ?? baseCurrency,
  }));
  const exposureByCurrency = new Map<string, Money>();
  for (const r of byDistributor) exposureByCurrency.set(r.currency, (exposureByCurrency.get(r.currency) ?? new Money(0)).plus(r.exposure));
  return {
    asOf: today,
    byCurrency: totals.map((r): CurrencyTotals => ({
      currency: String(r.currency),
      openLiability: fromSum(r.openLiability),
      inReview: fromSum(r.inReview),
      paid: fromSum(r.paid),
    })),
    // The base currency's total; other currencies' are in exposureByCurrency, never added to it.
    exposure: moneyToString(exposureByCurrency.get(baseCurrency) ?? new Money(0)),
    exposureCurrency: baseCurrency,
    exposureByCurrency: [...exposureByCurrency]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, exposure]) => ({ currency, exposure: moneyToString(exposure) })),
    byDistributor,
  };
}

export type GroupBy = 'week' | 'distributor' | 'programType';

/** Claimed / approved / paid per group and currency: a group with claims in two currencies is two rows. */
export async function claimFigures(
  scope: TenantScope,
  groupBy: GroupBy,
  from: string | null,
  to: string | null,
  currency: string | null = null,
) {
  const at = 'COALESCE(c.submitted_at, c.created_at)';
  const day = sqlite() ? `substr(${at}, 1, 10)` : `DATE(${at})`;
  const key =
    groupBy === 'week'
      ? sqlite()
        ? `date(${day}, 'weekday 0', '-6 days')`
        : `DATE_FORMAT(DATE_SUB(${day}, INTERVAL WEEKDAY(${day}) DAY), '%Y-%m-%d')`
      : groupBy === 'distributor'
        ? 'd.name'
        : "COALESCE(c.program_type, 'none')";
  const s = scopeSql(scope, 'c.distributor_id');
  const where = [`c.status <> 'draft'`];
  const params: unknown[] = [];
  if (from) {
    where.push(`${day} >= ?`);
    params.push(from);
  }
  if (to) {
    where.push(`${day} <= ?`);
    params.push(to);
  }
  if (currency) {
    where.push(`${currencySql} = ?`);
    params.push(currency.toUpperCase());
  }
  const rows = (await db().query(
    `SELECT ${key} AS groupKey, ${currencySql} AS currency, COUNT(*) AS claims,
            ${sumMoneySql('c.claimed_total')} AS claimed,
            ${sumMoneySql("CASE WHEN c.status IN ('submitted', 'authorized', 'paid') THEN c.approved_total ELSE 0 END")} AS approved,
            ${sumMoneySql("CASE WHEN c.status = 'paid' THEN c.approved_total ELSE 0 END")} AS paid
       FROM claims c JOIN accounts d ON d.id = c.distributor_id
      WHERE ${where.join(' AND ')}${s.sql}
      GROUP BY ${key}, ${currencySql}
      ORDER BY ${key}, ${currencySql}`,
    { replacements: [...params, ...s.params], type: QueryTypes.SELECT },
  )) as { groupKey: string; currency: string; claims: number | string; claimed: unknown; approved: unknown; paid: unknown }[];
  return rows.map((r) => ({
    key: String(r.groupKey),
    currency: String(r.currency),
    claims: Number(r.claims),
    claimed: fromSum(r.claimed),
    approved: fromSum(r.approved),
    paid: fromSum(r.paid),
  }));
}
