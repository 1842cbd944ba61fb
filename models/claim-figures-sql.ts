/**
 * The claims' report figures in SQL (issue 19 item 3), both ways, from core/analytics/claim-figures.ts:
 *
 * - **scanned**: the liability of every claim as it stood at the end of a day, read from the
 *   claims and the finance journal (`liabilityScanSql`), and the claims report's sums read from
 *   the claims (`reportScanSql`). Exact, and a scan of every claim: what the kept figures are
 *   checked against (tests, the migration's backfill).
 * - **kept**: `claim_figures_by_day` (the claims report's sums per day, distributor, program type
 *   and currency) and `claim_liability_moves` (each day's change of the liability per distributor
 *   and currency), kept up to date in the transaction of every change of a claim
 *   (server/reports/rollups.repository.ts), so a report sums a few rows per day instead of every
 *   claim. Money is kept as integer units of 1/10,000 (BIGINT): exact on both dialects, added in SQL.
 *
 * `rebuildClaimFigures` makes the kept figures from the scanned ones: migration
 * 20261208T1200-report-rollups's backfill, and whoever rewrote claims in bulk outside the product
 * (the API benchmark's data).
 */
import type { Sequelize, Transaction } from 'sequelize';
import {
  APPROVED_STATUSES,
  BUCKET_STATUS,
  LIABILITY_BUCKETS,
  PAID_STATUSES,
  REPORTED_STATUSES,
  UNPAID_STATUSES,
} from '../core/analytics/claim-figures.js';
import { moneyUnitsSql, sumUnitsSql } from './money-sql.js';

const sqlite = (db: Sequelize) => db.getDialect() === 'sqlite';
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
/** The UTC day of an instant column (instants are stored in UTC on both dialects). */
export const instantDaySql = (db: Sequelize, instant: string) => (sqlite(db) ? `substr(${instant}, 1, 10)` : `DATE(${instant})`);

/** The kept tables' column of each liability bucket. */
export const BUCKET_COLUMN = { inReview: 'in_review_units', openLiability: 'open_units', paid: 'paid_units' } as const;

/**
 * A claim's status as it stood at the end of a day (`day`: an SQL expression, `?` by default, used
 * four times; `c` = the claim): the timestamps of its steps say when it was submitted, authorized
 * and paid. A claim rejected whole was rejected when it was last written (`updated_at`): before
 * that it was in review.
 */
export const claimStatusAsOfSql = (db: Sequelize, day = '?') => {
  const dayOf = (x: string) => instantDaySql(db, x);
  return `CASE
    WHEN c.paid_at IS NOT NULL AND ${dayOf('c.paid_at')} <= ${day} THEN 'paid'
    WHEN c.authorized_at IS NOT NULL AND ${dayOf('c.authorized_at')} <= ${day} THEN 'authorized'
    WHEN c.submitted_at IS NOT NULL AND ${dayOf('c.submitted_at')} <= ${day}
         AND (c.status <> 'rejected' OR ${dayOf('c.updated_at')} > ${day}) THEN 'submitted'
    ELSE NULL END`;
};

/**
 * A claim's approved total as it stood at the end of a day (`day`: an SQL expression, `?` by
 * default; `c` = the claim), in units: what the finance journal had accrued for it by then
 * (accruals less reversals with `event_day` on or before the day; the settlement service posts one
 * in the transaction of every change of the total, so an adjustment or a rejection after the day
 * does not move the day's figure).
 */
export const claimAmountAsOfSql = (db: Sequelize, day = '?') => {
  const units = moneyUnitsSql(db, 'je.amount');
  return `COALESCE((SELECT SUM(CASE WHEN je.kind = 'accrual' THEN ${units} WHEN je.kind = 'reversal' THEN -${units} ELSE 0 END)
                      FROM journal_entries je
                     WHERE je.source_type = 'claim' AND je.source_id = c.id AND je.event_day <= ${day}), 0)`;
};

/**
 * Scanned: the liability per distributor and currency at the end of a day (`?` = the day, five
 * times, then `extraParams`), each bucket in units with the number of claims in a bucket; `where`
 * narrows the claims (`c`).
 */
export const liabilityScanSql = (db: Sequelize, where = '') => `SELECT distributorId, currency, COUNT(*) AS claims,
        ${LIABILITY_BUCKETS.map((b) => `${sumUnitsSql(db, `CASE WHEN statusThen = '${BUCKET_STATUS[b]}' THEN amountUnits ELSE 0 END`)} AS ${b}`).join(',\n        ')}
   FROM (SELECT c.distributor_id AS distributorId, UPPER(c.currency) AS currency, ${claimAmountAsOfSql(db)} AS amountUnits,
                ${claimStatusAsOfSql(db)} AS statusThen
           FROM claims c
          WHERE c.status IN (${list(REPORTED_STATUSES)}) AND c.submitted_at IS NOT NULL${where}) t
  WHERE statusThen IS NOT NULL
  GROUP BY distributorId, currency`;

/** The day a claim counts on in the claims report: its submission's, else its creation's. */
export const claimReportDaySql = (db: Sequelize) => instantDaySql(db, 'COALESCE(c.submitted_at, c.created_at)');

/** A claim's own part of the claims report (`c` = the claim), the columns of claim_figure_parts' report part. */
export const claimReportPartSql = (db: Sequelize) => {
  const units = (x: string) => moneyUnitsSql(db, x);
  return `${claimReportDaySql(db)} AS day, c.distributor_id AS distributor_id, COALESCE(c.program_type, 'none') AS program_type,
          UPPER(c.currency) AS currency,
          CASE WHEN c.status IN (${list(REPORTED_STATUSES)}) THEN 1 ELSE 0 END AS claims,
          CASE WHEN c.status IN (${list(REPORTED_STATUSES)}) THEN ${units('c.claimed_total')} ELSE 0 END AS claimed_units,
          CASE WHEN c.status IN (${list(APPROVED_STATUSES)}) THEN ${units('c.approved_total')} ELSE 0 END AS approved_units,
          CASE WHEN c.status IN (${list(PAID_STATUSES)}) THEN ${units('c.approved_total')} ELSE 0 END AS paid_units`;
};

/**
 * Makes the kept figures from the claims: each claim's part, the report's sums, and the
 * liability's moves day by day (each claim's liability, as the scan reads it, on every day it
 * moved, less its liability on the day it moved before). Replaces what the kept tables held.
 */
export async function rebuildClaimFigures(db: Sequelize, transaction?: Transaction): Promise<void> {
  const run = (sql: string, replacements: unknown[] = []) => db.query(sql, { replacements, transaction });
  for (const table of ['claim_figure_parts', 'claim_figures_by_day', 'claim_liability_moves', 'claim_aging_moves'])
    await run(`DELETE FROM ${table}`);
  const bucketSql = `CASE ${LIABILITY_BUCKETS.map((b) => `WHEN c.status = '${BUCKET_STATUS[b]}' THEN '${b}'`).join(' ')} ELSE NULL END`;
  await run(
    `INSERT INTO claim_figure_parts (claim_id, day, distributor_id, program_type, currency, claims, claimed_units, approved_units, paid_units, bucket, bucket_units)
     SELECT c.id, ${claimReportPartSql(db)}, ${bucketSql},
            CASE WHEN (${bucketSql}) IS NULL THEN 0 ELSE ${moneyUnitsSql(db, 'c.approved_total')} END
       FROM claims c WHERE c.status <> 'draft'`,
  );
  await run(
    `INSERT INTO claim_figures_by_day (day, distributor_id, program_type, currency, claims, claimed_units, approved_units, paid_units)
     SELECT day, distributor_id, program_type, currency, SUM(claims), SUM(claimed_units), SUM(approved_units), SUM(paid_units)
       FROM claim_figure_parts GROUP BY day, distributor_id, program_type, currency`,
  );
  // The liability's moves: each claim's liability on every day it moved (a step, or its amount in
  // the journal), less its liability on the day it moved before (window functions: one pass); the
  // aging's moves are those of the claims not yet paid, per submission day too.
  const day = (x: string) => instantDaySql(db, x);
  const journalDay = sqlite(db) ? 'je.event_day' : "DATE_FORMAT(je.event_day, '%Y-%m-%d')";
  const asText = (x: string) => (sqlite(db) ? x : `DATE_FORMAT(${x}, '%Y-%m-%d')`);
  const bucketUnits = (b: (typeof LIABILITY_BUCKETS)[number]) => `CASE WHEN statusThen = '${BUCKET_STATUS[b]}' THEN amountUnits ELSE 0 END`;
  const change = (x: string) => `${x} - COALESCE(LAG(${x}) OVER (PARTITION BY claimId ORDER BY d), 0)`;
  const moves = `SELECT claimId, d, distributorId, currency, submittedDay, ${change('inBucket')} AS claimsMove,
                        ${LIABILITY_BUCKETS.map((b) => `${change(b)} AS ${b}Move`).join(', ')},
                        ${change('unpaid')} AS agingClaimsMove, ${change('unpaidUnits')} AS agingUnitsMove
                   FROM (SELECT claimId, d, distributorId, currency, submittedDay, CASE WHEN statusThen IS NULL THEN 0 ELSE 1 END AS inBucket,
                                ${LIABILITY_BUCKETS.map((b) => `${bucketUnits(b)} AS ${b}`).join(', ')},
                                CASE WHEN statusThen IN (${list(UNPAID_STATUSES)}) THEN 1 ELSE 0 END AS unpaid,
                                CASE WHEN statusThen IN (${list(UNPAID_STATUSES)}) THEN amountUnits ELSE 0 END AS unpaidUnits
                           FROM (SELECT ev.claimId, ev.d, c.distributor_id AS distributorId, UPPER(c.currency) AS currency,
                                        ${asText(day('c.submitted_at'))} AS submittedDay,
                                        ${claimStatusAsOfSql(db, 'ev.d')} AS statusThen, ${claimAmountAsOfSql(db, 'ev.d')} AS amountUnits
                                   FROM (SELECT id AS claimId, ${asText(day('submitted_at'))} AS d FROM claims WHERE submitted_at IS NOT NULL
                                         UNION SELECT id, ${asText(day('authorized_at'))} FROM claims WHERE authorized_at IS NOT NULL
                                         UNION SELECT id, ${asText(day('paid_at'))} FROM claims WHERE paid_at IS NOT NULL
                                         UNION SELECT id, ${asText(day('updated_at'))} FROM claims WHERE status = 'rejected'
                                         UNION SELECT je.source_id, ${journalDay} FROM journal_entries je WHERE je.source_type = 'claim') ev
                                   JOIN claims c ON c.id = ev.claimId
                                  WHERE c.status <> 'draft' AND c.submitted_at IS NOT NULL) s) x`;
  await run(
    `INSERT INTO claim_liability_moves (day, distributor_id, currency, claims, ${LIABILITY_BUCKETS.map((b) => BUCKET_COLUMN[b]).join(', ')})
     SELECT d, distributorId, currency, SUM(claimsMove), ${LIABILITY_BUCKETS.map((b) => `SUM(${b}Move)`).join(', ')}
       FROM (${moves}) y
      GROUP BY d, distributorId, currency
     HAVING SUM(claimsMove) <> 0 OR ${LIABILITY_BUCKETS.map((b) => `SUM(${b}Move) <> 0`).join(' OR ')}`,
  );
  await run(
    `INSERT INTO claim_aging_moves (day, submitted_day, distributor_id, currency, claims, units)
     SELECT d, submittedDay, distributorId, currency, SUM(agingClaimsMove), SUM(agingUnitsMove)
       FROM (${moves}) y
      GROUP BY d, submittedDay, distributorId, currency
     HAVING SUM(agingClaimsMove) <> 0 OR SUM(agingUnitsMove) <> 0`,
  );
}
