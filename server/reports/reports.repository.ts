/**
 * Accrual and report figures, aggregated in SQL (never by loading lines into Node). Sums are
 * exact on both dialects: MariaDB sums DECIMAL exactly; on SQLite each amount is first made an
 * integer of 1/10,000 units (SQLite keeps DECIMAL as a float), and the edge turns them back.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { Money, moneyToString } from '../../core/money.js';
import { Claim } from '../../models/claims.js';
import type { TenantScope } from '../auth/actor.js';

const db = (): Sequelize => Claim.sequelize!;
const sqlite = () => db().getDialect() === 'sqlite';

/** SUM of a money expression, exact: 4-dp units on SQLite, DECIMAL on MariaDB. */
const sumMoneySql = (expr: string) =>
  sqlite() ? `COALESCE(SUM(CAST(ROUND((${expr}) * 10000) AS INTEGER)), 0)` : `COALESCE(SUM(${expr}), 0)`;
/** Money from sumMoneySql's column, as a 4-dp string. */
const fromSum = (v: unknown) => moneyToString(sqlite() ? new Money(String(v ?? 0)).div(10000) : new Money(String(v ?? 0)));
/** A per-unit money value as integer units, for products with quantities. */
const units = (expr: string) => `ROUND((${expr}) * 10000)`;

const scopeSql = (scope: TenantScope, column: string) =>
  scope.distributorId === null
    ? { sql: '', params: [] as unknown[] }
    : { sql: ` AND ${column} = ?`, params: [scope.distributorId] as unknown[] };

export async function accruals(scope: TenantScope, today: string) {
  const s = scopeSql(scope, 'c.distributor_id');
  const [claims] = (await db().query(
    `SELECT ${sumMoneySql("CASE WHEN c.status = 'authorized' THEN c.approved_total ELSE 0 END")} AS openLiability,
            ${sumMoneySql("CASE WHEN c.status = 'submitted' THEN c.approved_total ELSE 0 END")} AS inReview,
            ${sumMoneySql("CASE WHEN c.status = 'paid' THEN c.approved_total ELSE 0 END")} AS paid
       FROM claims c WHERE 1 = 1${s.sql}`,
    { replacements: s.params, type: QueryTypes.SELECT },
  )) as Record<string, unknown>[];
  const e = scopeSql(scope, 'a.distributor_id');
  // Exposure: approved quantity not yet claimed x (current book cost - authorized cost), live authorizations only.
  const book = `(SELECT b.cost FROM book_costs b WHERE b.distributor_id = a.distributor_id AND b.product_id = l.product_id AND b.effective_from <= ? AND (b.effective_to IS NULL OR b.effective_to >= ?) ORDER BY b.effective_from DESC LIMIT 1)`;
  const perLine = sqlite()
    ? `(l.approved_quantity - l.consumed_quantity) * (${units(`COALESCE(${book}, l.authorized_cost)`)} - ${units('l.authorized_cost')})`
    : `(l.approved_quantity - l.consumed_quantity) * (COALESCE(${book}, l.authorized_cost) - l.authorized_cost)`;
  const rows = (await db().query(
    `SELECT a.distributor_id AS distributorId, d.name AS distributorName,
            COALESCE(SUM(l.approved_quantity - l.consumed_quantity), 0) AS openQuantity,
            COALESCE(SUM(${perLine}), 0) AS exposure
       FROM authorization_lines l
       JOIN authorizations a ON a.id = l.authorization_id
       JOIN accounts d ON d.id = a.distributor_id
      WHERE a.status = 'active' AND l.valid_to >= ?${e.sql}
      GROUP BY a.distributor_id, d.name
      ORDER BY a.distributor_id`,
    { replacements: [today, today, today, ...e.params], type: QueryTypes.SELECT },
  )) as { distributorId: number; distributorName: string; openQuantity: number | string; exposure: unknown }[];
  const byDistributor = rows.map((r) => ({
    distributorId: r.distributorId,
    distributorName: r.distributorName,
    openQuantity: Number(r.openQuantity),
    exposure: fromSum(r.exposure),
  }));
  return {
    asOf: today,
    openLiability: fromSum(claims.openLiability),
    inReview: fromSum(claims.inReview),
    paid: fromSum(claims.paid),
    exposure: moneyToString(byDistributor.reduce((acc, r) => acc.plus(r.exposure), new Money(0))),
    byDistributor,
  };
}

export type GroupBy = 'week' | 'distributor' | 'programType';

export async function claimFigures(scope: TenantScope, groupBy: GroupBy, from: string | null, to: string | null) {
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
  const rows = (await db().query(
    `SELECT ${key} AS groupKey, COUNT(*) AS claims,
            ${sumMoneySql('c.claimed_total')} AS claimed,
            ${sumMoneySql("CASE WHEN c.status IN ('submitted', 'authorized', 'paid') THEN c.approved_total ELSE 0 END")} AS approved,
            ${sumMoneySql("CASE WHEN c.status = 'paid' THEN c.approved_total ELSE 0 END")} AS paid
       FROM claims c JOIN accounts d ON d.id = c.distributor_id
      WHERE ${where.join(' AND ')}${s.sql}
      GROUP BY ${key}
      ORDER BY ${key}`,
    { replacements: [...params, ...s.params], type: QueryTypes.SELECT },
  )) as { groupKey: string; claims: number | string; claimed: unknown; approved: unknown; paid: unknown }[];
  return rows.map((r) => ({
    key: String(r.groupKey),
    claims: Number(r.claims),
    claimed: fromSum(r.claimed),
    approved: fromSum(r.approved),
    paid: fromSum(r.paid),
  }));
}
