/**
 * Aging (issue 15 item 6): how long submitted claims have waited for payment and pending requests
 * for a decision, in day buckets, per distributor and currency, as of a day. Counted and summed in
 * SQL (exact money as units, models/money-sql.ts); a distributor sees only its own rows.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { Money, moneyToString } from '../../core/money.js';
import { Claim } from '../../models/claims.js';
import { moneyFromUnits, moneyUnitsSql, sumUnitsSql } from '../../models/money-sql.js';
import { claimAmountAsOfSql, claimStatusAsOfSql, instantDaySql } from '../../models/claim-figures-sql.js';
import { UNPAID_STATUSES } from '../../core/analytics/claim-figures.js';
import type { TenantScope } from '../auth/actor.js';

/** The buckets, in days of age (inclusive); the last is open-ended. The one definition: SQL and the API's list come from it. */
export const AGING_BUCKETS = [
  { key: '0-7', fromDays: 0, toDays: 7 },
  { key: '8-30', fromDays: 8, toDays: 30 },
  { key: '31-60', fromDays: 31, toDays: 60 },
  { key: 'over-60', fromDays: 61, toDays: null },
] as const;
export type AgingBucketKey = (typeof AGING_BUCKETS)[number]['key'];

const db = (): Sequelize => Claim.sequelize!;
const sqlite = () => db().getDialect() === 'sqlite';
/** The UTC day of an instant column (instants are stored in UTC on both dialects). */
const daySql = (instant: string) => instantDaySql(db(), instant);
/** Whole days from a day expression to the asOf day (the `?` it takes). */
const ageSql = (day: string, asOf = '?') =>
  sqlite() ? `CAST(julianday(${asOf}) - julianday(${day}) AS INTEGER)` : `DATEDIFF(${asOf}, ${day})`;
const bucketSql = (age: string) =>
  `CASE ${AGING_BUCKETS.map((b) => (b.toDays === null ? `ELSE '${b.key}'` : `WHEN ${age} <= ${b.toDays} THEN '${b.key}'`)).join(' ')} END`;

export interface AgingCell {
  bucket: AgingBucketKey;
  count: number;
  amount: string;
}
export interface AgingRow {
  distributorId: number;
  distributorName: string;
  currency: string;
  buckets: AgingCell[];
}
export interface AgingTotal {
  currency: string;
  buckets: AgingCell[];
}

interface RawRow {
  distributorId: number | string;
  distributorName: string;
  currency: string | null;
  bucket: AgingBucketKey;
  n: number | string;
  amount: unknown;
}

const emptyCells = (): AgingCell[] => AGING_BUCKETS.map((b) => ({ bucket: b.key, count: 0, amount: '0.0000' }));

/** Raw (distributor, currency, bucket) rows into one row per distributor and currency with every bucket, and totals per currency. */
function shape(raw: RawRow[], baseCurrency: string): { rows: AgingRow[]; totals: AgingTotal[] } {
  const rows = new Map<string, AgingRow>();
  const totals = new Map<string, AgingTotal>();
  const index = (bucket: AgingBucketKey) => AGING_BUCKETS.findIndex((b) => b.key === bucket);
  for (const r of raw) {
    const currency = (r.currency ?? baseCurrency).toUpperCase();
    const key = `${r.distributorId}|${currency}`;
    let row = rows.get(key);
    if (!row) {
      row = { distributorId: Number(r.distributorId), distributorName: r.distributorName, currency, buckets: emptyCells() };
      rows.set(key, row);
    }
    let total = totals.get(currency);
    if (!total) {
      total = { currency, buckets: emptyCells() };
      totals.set(currency, total);
    }
    const i = index(r.bucket);
    const amount = moneyFromUnits(r.amount);
    for (const cell of [row.buckets[i]!, total.buckets[i]!]) {
      cell.count += Number(r.n);
      cell.amount = moneyToString(new Money(cell.amount).plus(amount));
    }
  }
  const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {
    rows: [...rows.values()].sort((a, b) => a.distributorId - b.distributorId || (a.currency < b.currency ? -1 : 1)),
    totals: [...totals].sort(byKey).map(([, t]) => t),
  };
}

/**
 * One aging query: `query` places the age bucket of `agedFrom` and may name `:asOf` (the day),
 * `:nextDay` (the day after it, for a bound on an instant column's index) and `:distributorId`
 * (the tenant's distributor, in `own`).
 */
async function aged(
  scope: TenantScope,
  asOf: string,
  baseCurrency: string,
  source: {
    agedFrom: string;
    settledAt: string;
    query: (p: { day: string; settledDay: string; bucket: string; own: (column: string) => string }) => string;
  },
) {
  const day = daySql(source.agedFrom);
  const own = (column: string) => (scope.distributorId === null ? '' : ` AND ${column} = :distributorId`);
  const nextDay = new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const raw = (await db().query(source.query({ day, settledDay: daySql(source.settledAt), bucket: bucketSql(ageSql(day, ':asOf')), own }), {
    replacements: { asOf, nextDay, distributorId: scope.distributorId },
    type: QueryTypes.SELECT,
  })) as RawRow[];
  return shape(raw, baseCurrency);
}

/**
 * Claims not yet paid at the end of `asOf` (in review or authorized then), aged from their
 * submission day, with the approved total they had then: from the aging's moves kept as claims
 * move (`claim_aging_moves`, models/claim-figures-sql.ts), a few rows a day, not a scan of every
 * claim. `scannedClaimAging` reads the same from every claim and the journal: what these equal
 * (test/api/report-rollups.test.ts).
 */
export const claimAging = (scope: TenantScope, asOf: string, baseCurrency: string) =>
  aged(scope, asOf, baseCurrency, {
    agedFrom: 'm.submitted_day',
    settledAt: 'a.submitted_day',
    query: ({ settledDay, bucket, own }) =>
      `SELECT m.distributor_id AS distributorId, d.name AS distributorName, m.currency AS currency, ${bucket} AS bucket,
              SUM(m.n) AS n, ${sumUnitsSql(db(), 'm.units')} AS amount
         FROM (SELECT a.submitted_day, a.distributor_id, a.currency, SUM(a.claims) AS n, SUM(a.units) AS units
                 FROM claim_aging_moves a WHERE a.day <= :asOf AND ${settledDay} <= :asOf${own('a.distributor_id')}
                GROUP BY a.submitted_day, a.distributor_id, a.currency
               HAVING SUM(a.claims) > 0) m
         JOIN accounts d ON d.id = m.distributor_id
        GROUP BY m.distributor_id, d.name, m.currency, bucket`,
  });

/** Scanned: claimAging's figures read from every claim (its status and amount then, models/claim-figures-sql.ts). */
export async function scannedClaimAging(scope: TenantScope, asOf: string, baseCurrency: string) {
  const day = daySql('c.submitted_at');
  const own = scope.distributorId === null ? '' : ' AND c.distributor_id = ?';
  const ages = AGING_BUCKETS.filter((b) => b.toDays !== null).map(() => asOf);
  const raw = (await db().query(
    `SELECT distributorId, distributorName, currency, bucket, COUNT(*) AS n, ${sumUnitsSql(db(), 'amountUnits')} AS amount
       FROM (SELECT c.distributor_id AS distributorId, d.name AS distributorName, UPPER(c.currency) AS currency,
                    ${bucketSql(ageSql(day))} AS bucket, ${claimStatusAsOfSql(db())} AS statusThen, ${claimAmountAsOfSql(db())} AS amountUnits
               FROM claims c JOIN accounts d ON d.id = c.distributor_id
              WHERE c.submitted_at IS NOT NULL${own}) t
      WHERE statusThen IN (${UNPAID_STATUSES.map((x) => `'${x}'`).join(', ')})
      GROUP BY distributorId, distributorName, currency, bucket`,
    { replacements: [...ages, asOf, asOf, asOf, asOf, asOf, ...(own ? [scope.distributorId] : [])], type: QueryTypes.SELECT },
  )) as RawRow[];
  return shape(raw, baseCurrency);
}

/**
 * Requests made on or before `asOf` and not decided by then (pending, or decided after `asOf`),
 * aged from the day they were made; the amount is what they ask: quantity x requested cost, in
 * the distributor's currency. The requests are found through two indexes, the pending ones by
 * status and those decided after `asOf` by their decision time (none when `asOf` is today), not by
 * reading every request; the outer conditions are the rule itself.
 */
export const requestAging = (scope: TenantScope, asOf: string, baseCurrency: string) =>
  aged(scope, asOf, baseCurrency, {
    agedFrom: 'r.created_at',
    settledAt: 'r.decided_at',
    query: ({ day, settledDay, bucket, own }) =>
      `SELECT r.distributor_id AS distributorId, d.name AS distributorName, d.currency AS currency, ${bucket} AS bucket,
              COUNT(DISTINCT r.id) AS n, ${sumUnitsSql(db(), `l.quantity * ${moneyUnitsSql(db(), 'l.requested_cost')}`)} AS amount
         FROM (SELECT p.id FROM price_requests p WHERE p.status = 'pending'${own('p.distributor_id')}
               UNION
               SELECT p.id FROM price_requests p WHERE p.decided_at >= :nextDay${own('p.distributor_id')}) undecided
         JOIN price_requests r ON r.id = undecided.id
         JOIN accounts d ON d.id = r.distributor_id
         JOIN price_request_lines l ON l.request_id = r.id
        WHERE ${day} <= :asOf
          AND (r.status = 'pending' OR (r.decided_at IS NOT NULL AND ${settledDay} > :asOf))
        GROUP BY r.distributor_id, d.name, d.currency, bucket`,
  });
