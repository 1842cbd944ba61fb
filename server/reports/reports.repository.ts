/**
 * Accrual and report figures, aggregated in SQL (never by loading lines into Node). Sums are
 * exact on both dialects: every amount is summed as integer units of 1/10,000 (models/money-sql.ts;
 * SQLite keeps money as 4-decimal text), and the edge turns them back into 4-decimal strings.
 * Claim money is grouped by the claim's currency: two currencies are never added together.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { Money, moneyToString } from '../../core/money.js';
import { Claim } from '../../models/claims.js';
import { moneyFromUnits, moneyUnitsSql, sumUnitsSql } from '../../models/money-sql.js';
import type { TenantScope } from '../auth/actor.js';
import { keptLiability } from './rollups.repository.js';
import { claimReportPartSql, liabilityScanSql } from '../../models/claim-figures-sql.js';
import { dayOfSql, heldOnDayParams, heldOnDaySql, heldQuantityOnDaySql } from '../settlement/ledger.repository.js';

const db = (): Sequelize => Claim.sequelize!;
const sqlite = () => db().getDialect() === 'sqlite';

/** Money from a sum in units, as a 4-dp string. */
const fromSum = moneyFromUnits;
/** A per-unit money value as integer units, for products with quantities. */
const units = (expr: string) => moneyUnitsSql(db(), expr);

const scopeSql = (scope: TenantScope, column: string) =>
  scope.distributorId === null
    ? { sql: '', params: [] as unknown[] }
    : { sql: ` AND ${column} = ?`, params: [scope.distributorId] as unknown[] };

/** Open liability, in review and paid of one currency. */
export interface CurrencyTotals {
  currency: string;
  openLiability: string;
  inReview: string;
  paid: string;
}

/** The UTC day of an instant column (instants are stored in UTC on both dialects). */
const daySql = dayOfSql;
/** The week (Monday to Sunday) of a day expression, counted from Monday 1970-01-05: the forecast's week index. */
const weekSql = (day: string) =>
  sqlite() ? `CAST((julianday(${day}) - julianday('1970-01-05')) / 7 AS INTEGER)` : `FLOOR(DATEDIFF(${day}, '1970-01-05') / 7)`;
/** The week index of a day in TypeScript, as weekSql counts it. */
export const weekOf = (day: string) => Math.floor((Date.parse(`${day}T00:00:00Z`) - Date.parse('1970-01-05T00:00:00Z')) / (7 * 86_400_000));
/** The Monday a week index starts on. */
export const mondayOf = (week: number) => new Date(Date.parse('1970-01-05T00:00:00Z') + week * 7 * 86_400_000).toISOString().slice(0, 10);

/**
 * The authorization lines as they stood at the end of a day: the latest version written by then
 * (and in force by then, unless it is the first), its approved quantity, cost and validity, whether
 * that version cancelled the authorization, and the quantity claimed by then (the consumptions
 * written by then). `params(day)` gives its replacements, in order. The one definition the
 * exposure and the forecast both read, so a figure as of a past day is what it was that day.
 */
const linesAsOf = {
  sql: () => `SELECT l.id AS lineId, a.id AS authorizationId, a.distributor_id AS distributorId, l.product_id AS productId,
               vl.approved_quantity AS approvedQuantity, vl.authorized_cost AS authorizedCost,
               v.valid_from AS validFrom, v.valid_to AS validTo, v.change_kind AS changeKind,
               ${daySql('a.created_at')} AS approvedOn,
               ${heldQuantityOnDaySql('l.id')} AS consumedQuantity
          FROM authorization_lines l
          JOIN authorizations a ON a.id = l.authorization_id
          JOIN authorization_versions v ON v.authorization_id = a.id AND v.version = (
               SELECT MAX(v2.version) FROM authorization_versions v2
                WHERE v2.authorization_id = a.id AND ${daySql('v2.created_at')} <= ? AND (v2.version = 1 OR v2.effective_from <= ?))
          JOIN authorization_version_lines vl ON vl.version_id = v.id AND vl.authorization_line_id = l.id
         WHERE a.status NOT IN ('revoked', 'superseded')`,
  params: (day: string) => [...heldOnDayParams(day), day, day],
};
/** A line of linesAsOf that still carries exposure on the day: not cancelled, not expired. */
const liveOn = `x.changeKind <> 'cancelled' AND x.validTo >= ?`;
/**
 * The credit per unit of a line of linesAsOf on the day (`?` = the day, twice): the book cost then
 * minus the authorized cost, never below zero. A line whose authorized cost is at or above the book
 * cost (the book cost lowered since, or an amendment above it) has nothing to claim: the engine
 * rejects such a claim (PRICE_ABOVE_AUTHORIZED), so its exposure is 0, not a negative figure that
 * would hide other lines' exposure in the distributor's and the currency's totals.
 */
const creditPerUnitSql = () => {
  const book = `(SELECT b.cost FROM book_costs b WHERE b.distributor_id = x.distributorId AND b.product_id = x.productId AND b.effective_from <= ? AND (b.effective_to IS NULL OR b.effective_to >= ?) ORDER BY b.effective_from DESC LIMIT 1)`;
  return `${sqlite() ? 'MAX' : 'GREATEST'}(0, ${units(`COALESCE(${book}, x.authorizedCost)`)} - ${units('x.authorizedCost')})`;
};

/**
 * Claim figures per currency (never across currencies) and exposure per distributor, as they
 * stood at the end of `asOf`: a claim counts under the status and with the amount it had then
 * (the kept liability, server/reports/rollups.repository.ts, equal to `scannedLiability`), an authorization line
 * with the version, validity and claimed quantity it had then (a later amendment, cancellation,
 * claim or payment does not move a past figure). Exposure comes from authorization lines and book
 * costs, which are in their distributor's currency (`accounts.currency`; `baseCurrency` for a
 * distributor without one): each distributor's figure is in its currency, totals are per
 * currency, and `exposure` is the base currency's total. A cancelled or expired authorization
 * carries no exposure from the day it is cancelled or expires: its accrual is reversed.
 */
export async function accruals(scope: TenantScope, asOf: string, baseCurrency: string) {
  // The claims' liability from the figures kept as claims move (a few rows a day), not a scan of every claim.
  const totals = await keptLiability(asOf, scope.distributorId);
  const e = scopeSql(scope, 'x.distributorId');
  // Exposure: approved quantity not yet claimed x (book cost - authorized cost), live lines only, all as of the day.
  const open = '(x.approvedQuantity - x.consumedQuantity)';
  const rows = (await db().query(
    `SELECT x.distributorId AS distributorId, d.name AS distributorName, d.currency AS currency,
            COALESCE(SUM(${open}), 0) AS openQuantity,
            ${sumUnitsSql(db(), `${open} * ${creditPerUnitSql()}`)} AS exposure
       FROM (${linesAsOf.sql()}) x
       JOIN accounts d ON d.id = x.distributorId
      WHERE ${liveOn}${e.sql}
      GROUP BY x.distributorId, d.name, d.currency
      ORDER BY x.distributorId`,
    { replacements: [asOf, asOf, ...linesAsOf.params(asOf), asOf, ...e.params], type: QueryTypes.SELECT },
  )) as { distributorId: number; distributorName: string; currency: string | null; openQuantity: number | string; exposure: unknown }[];
  const byDistributor = rows.map((r) => ({
    distributorId: Number(r.distributorId),
    distributorName: r.distributorName,
    openQuantity: Number(r.openQuantity),
    exposure: fromSum(r.exposure),
    currency: r.currency ?? baseCurrency,
  }));
  const exposureByCurrency = new Map<string, Money>();
  for (const r of byDistributor) exposureByCurrency.set(r.currency, (exposureByCurrency.get(r.currency) ?? new Money(0)).plus(r.exposure));
  return {
    asOf,
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

/**
 * Scanned: the claims' liability per currency at the end of a day, read from every claim and the
 * journal (models/claim-figures-sql.ts). What the kept figures equal (test/api/report-rollups.test.ts).
 */
export async function scannedLiability(scope: TenantScope, day: string): Promise<CurrencyTotals[]> {
  const s = scopeSql(scope, 'c.distributor_id');
  const rows = (await db().query(liabilityScanSql(db(), s.sql), {
    replacements: [day, day, day, day, day, ...s.params],
    type: QueryTypes.SELECT,
  })) as Record<string, unknown>[];
  const byCurrency = new Map<string, CurrencyTotals>();
  for (const r of rows) {
    const currency = String(r.currency);
    const t = byCurrency.get(currency) ?? { currency, openLiability: '0.0000', inReview: '0.0000', paid: '0.0000' };
    for (const k of ['openLiability', 'inReview', 'paid'] as const) t[k] = moneyToString(new Money(t[k]).plus(fromSum(r[k])));
    byCurrency.set(currency, t);
  }
  return [...byCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

/** One authorization line as the forecast reads it, as of a day. */
export interface ForecastLine {
  lineId: number;
  distributorId: number;
  distributorName: string;
  currency: string;
  approvedWeek: number;
  approvedQuantity: number;
  consumedQuantity: number;
  validTo: string;
  /** whether it still carries exposure on the day (not cancelled, not expired) */
  live: boolean;
  /** (book cost then - authorized cost), exact */
  creditPerUnit: string;
  /** units claimed per week since approval (index 0 = the approval week), up to the day */
  claimed: number[];
}

/**
 * The history and the open lines the forecast learns from and spreads, as of `asOf`: every
 * authorization line approved by then (linesAsOf) with its claims per week since approval, summed
 * in SQL from the consumptions written by then; a distributor sees its own only.
 */
export async function forecastLines(
  scope: TenantScope,
  asOf: string,
  baseCurrency: string,
  distributorId?: number,
): Promise<ForecastLine[]> {
  const e = scopeSql(scope, 'x.distributorId');
  const only =
    distributorId === undefined ? { sql: '', params: [] as unknown[] } : { sql: ' AND x.distributorId = ?', params: [distributorId] };
  const lines = (await db().query(
    `SELECT x.lineId, x.distributorId, d.name AS distributorName, d.currency AS currency, x.approvedOn, x.approvedQuantity,
            x.consumedQuantity, x.validTo, CASE WHEN ${liveOn} THEN 1 ELSE 0 END AS live,
            ${creditPerUnitSql()} AS creditUnits
       FROM (${linesAsOf.sql()}) x
       JOIN accounts d ON d.id = x.distributorId
      WHERE x.approvedOn <= ?${e.sql}${only.sql}
      ORDER BY x.lineId`,
    { replacements: [asOf, asOf, asOf, ...linesAsOf.params(asOf), asOf, ...e.params, ...only.params], type: QueryTypes.SELECT },
  )) as Record<string, unknown>[];
  if (!lines.length) return [];
  const c = scopeSql(scope, 'a.distributor_id');
  const weekly = (await db().query(
    `SELECT pc.authorization_line_id AS lineId, ${weekSql(daySql('pc.consumed_at'))} - ${weekSql(daySql('a.created_at'))} AS sinceApproval,
            SUM(pc.quantity) AS quantity
       FROM (${heldOnDaySql()}) pc
       JOIN authorization_lines l ON l.id = pc.authorization_line_id
       JOIN authorizations a ON a.id = l.authorization_id
      WHERE 1 = 1${c.sql}${distributorId === undefined ? '' : ' AND a.distributor_id = ?'}
      GROUP BY pc.authorization_line_id, ${weekSql(daySql('pc.consumed_at'))} - ${weekSql(daySql('a.created_at'))}`,
    { replacements: [...heldOnDayParams(asOf), ...c.params, ...only.params], type: QueryTypes.SELECT },
  )) as { lineId: number | string; sinceApproval: number | string; quantity: number | string }[];
  const claimed = new Map<number, number[]>();
  for (const w of weekly) {
    const k = Math.max(0, Number(w.sinceApproval));
    const list = claimed.get(Number(w.lineId)) ?? [];
    while (list.length <= k) list.push(0);
    list[k]! += Number(w.quantity);
    claimed.set(Number(w.lineId), list);
  }
  return lines.map((r) => ({
    lineId: Number(r.lineId),
    distributorId: Number(r.distributorId),
    distributorName: String(r.distributorName),
    currency: (r.currency as string | null) ?? baseCurrency,
    approvedWeek: weekOf(String(r.approvedOn)),
    approvedQuantity: Number(r.approvedQuantity),
    consumedQuantity: Number(r.consumedQuantity),
    validTo: String(r.validTo).slice(0, 10),
    live: Number(r.live) === 1,
    creditPerUnit: fromSum(r.creditUnits),
    claimed: claimed.get(Number(r.lineId)) ?? [],
  }));
}

export type GroupBy = 'week' | 'distributor' | 'programType';

/**
 * Claimed / approved / paid per group and currency: a group with claims in two currencies is two
 * rows. Read from the figures kept as claims move (`claim_figures_by_day`, a row per day,
 * distributor, program type and currency); `source: 'scanned'` reads the same figures from every
 * claim instead (the same query over each claim's own part, models/claim-figures-sql.ts): what the
 * kept ones equal (test/api/report-rollups.test.ts).
 */
export async function claimFigures(
  scope: TenantScope,
  groupBy: GroupBy,
  from: string | null,
  to: string | null,
  currency: string | null = null,
  source: 'kept' | 'scanned' = 'kept',
) {
  const day = 'f.day';
  const key =
    groupBy === 'week'
      ? sqlite()
        ? `date(${day}, 'weekday 0', '-6 days')`
        : `DATE_FORMAT(DATE_SUB(${day}, INTERVAL WEEKDAY(${day}) DAY), '%Y-%m-%d')`
      : groupBy === 'distributor'
        ? 'd.name'
        : 'f.program_type';
  const s = scopeSql(scope, 'f.distributor_id');
  const where = ['1 = 1'];
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
    where.push('f.currency = ?');
    params.push(currency.toUpperCase());
  }
  const table = source === 'kept' ? 'claim_figures_by_day' : `(SELECT ${claimReportPartSql(db())} FROM claims c WHERE c.status <> 'draft')`;
  const rows = (await db().query(
    `SELECT ${key} AS groupKey, f.currency AS currency, SUM(f.claims) AS claims,
            ${sumUnitsSql(db(), 'f.claimed_units')} AS claimed,
            ${sumUnitsSql(db(), 'f.approved_units')} AS approved,
            ${sumUnitsSql(db(), 'f.paid_units')} AS paid
       FROM ${table} f JOIN accounts d ON d.id = f.distributor_id
      WHERE ${where.join(' AND ')}${s.sql}
      GROUP BY ${key}, f.currency
     HAVING SUM(f.claims) > 0
      ORDER BY ${key}, f.currency`,
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
