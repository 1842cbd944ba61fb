/**
 * Channel analytics in SQL (issue 16 part 3): every sum is made by the database, exact on both
 * dialects as the reports' are (integer units of 1/10,000, models/money-sql.ts), grouped by the
 * report's dimensions and by currency (two currencies are never added). What is not a sum (ratios,
 * averages, ROI windows, conversion) is core/analytics. Definitions: docs/analytics.md.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { RawRow, Value } from '../../core/analytics/reports.js';
import { instantDaySql } from '../../models/claim-figures-sql.js';
import { Claim } from '../../models/claims.js';
import { moneyFromUnits, moneyUnitsSql, sumUnitsSql } from '../../models/money-sql.js';
import type { TenantScope } from '../auth/actor.js';

const db = (): Sequelize => Claim.sequelize!;
const sqlite = () => db().getDialect() === 'sqlite';
const units = (expr: string) => moneyUnitsSql(db(), expr);
/** An exact sum of a units expression, read with moneyFromUnits. */
const sumUnits = (expr: string) => sumUnitsSql(db(), expr);
const dayOf = (instant: string) => instantDaySql(db(), instant);
const monthOf = (day: string) => (sqlite() ? `substr(${day}, 1, 7)` : `DATE_FORMAT(${day}, '%Y-%m')`);

/** Whose figures: the caller's tenant scope, narrowed by a vendor user to one distributor. */
export interface AnalyticsFilter {
  scope: TenantScope;
  distributorId: number | null;
  from: string;
  to: string;
  baseCurrency: string;
}

/** `AND column = ?` for the distributor the caller may see or chose, or nothing (every distributor). */
function distributorSql(f: AnalyticsFilter, column: string) {
  const id = f.scope.distributorId ?? f.distributorId;
  return id === null ? { sql: '', params: [] as unknown[] } : { sql: ` AND ${column} = ?`, params: [id] as unknown[] };
}

/** The claim statuses whose approved amounts count as approved (validation passed, not rejected). */
const APPROVED = "('submitted', 'authorized', 'paid')";
/** The day a claim counts on: its submission (its creation while never submitted). */
const claimDay = () => dayOf('COALESCE(c.submitted_at, c.created_at)');
/** A distributor's currency: its own, or the base currency. */
const distributorCurrency = 'UPPER(COALESCE(d.currency, ?))';

/**
 * The POS lines that count as sales: those of imports not voided. (A sale is one row already: the
 * canonical key is unique per distributor in pos_lines.)
 */
const countedPos = () => `(SELECT s.* FROM pos_lines s LEFT JOIN pos_imports si ON si.id = s.import_id WHERE si.voided_at IS NULL)`;

const money = (v: unknown) => moneyFromUnits(v);
/** A DATE column as YYYY-MM-DD (a Date from mysql2, text from SQLite). */
const dayText = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);
const int = (v: unknown) => Number(v ?? 0);

async function select(sql: string, params: unknown[]) {
  return (await db().query(sql, { replacements: params, type: QueryTypes.SELECT })) as Record<string, unknown>[];
}

export type FigureKey = 'distributor' | 'program' | 'programType' | 'product' | 'month';

/**
 * Claimed, approved and paid (from claim lines, by the claim's day and currency) and POS revenue
 * per key: for distributor, product and month the resale revenue of the counted POS lines
 * invoiced in the period; for program and program type the resale revenue of the claimed lines
 * (the sales reported under the program). One statement: both halves UNION ALL, summed once.
 */
export async function figures(key: FigureKey, f: AnalyticsFilter): Promise<RawRow[]> {
  const claimKey: Record<FigureKey, string> = {
    distributor: 'd.name',
    program: "COALESCE(p.code, '(no program)')",
    programType: "COALESCE(c.program_type, '(none)')",
    product: "COALESCE(pr.vendor_part_number, l.vendor_part_number, '(unknown part)')",
    month: monthOf(claimDay()),
  };
  const posKey: Partial<Record<FigureKey, string>> = {
    distributor: 'd.name',
    product: "COALESCE(pr.vendor_part_number, s.vendor_part_number, '(unknown part)')",
    month: monthOf('s.invoice_date'),
  };
  const c = distributorSql(f, 'c.distributor_id');
  const lineSales = `${units('COALESCE(l.resale_price, 0)')} * l.quantity`;
  const claimsPart = `SELECT ${claimKey[key]} AS k, UPPER(c.currency) AS currency,
          ${units('l.claimed_amount')} AS claimed,
          CASE WHEN c.status IN ${APPROVED} THEN ${units('l.approved_amount')} ELSE 0 END AS approved,
          CASE WHEN c.status = 'paid' THEN ${units('l.approved_amount')} ELSE 0 END AS paid,
          ${posKey[key] ? '0' : lineSales} AS pos
     FROM claim_lines l JOIN claims c ON c.id = l.claim_id JOIN accounts d ON d.id = c.distributor_id
     LEFT JOIN programs p ON p.id = c.program_id LEFT JOIN products pr ON pr.id = l.product_id
    WHERE c.status <> 'draft' AND ${claimDay()} BETWEEN ? AND ?${c.sql}`;
  const params: unknown[] = [f.from, f.to, ...c.params];
  let sql = claimsPart;
  if (posKey[key]) {
    const s = distributorSql(f, 's.distributor_id');
    sql += `
    UNION ALL
    SELECT ${posKey[key]} AS k, ${distributorCurrency} AS currency, 0 AS claimed, 0 AS approved, 0 AS paid,
           ${units('s.resale_price')} * s.quantity AS pos
      FROM ${countedPos()} s JOIN accounts d ON d.id = s.distributor_id LEFT JOIN products pr ON pr.id = s.product_id
     WHERE s.resale_price IS NOT NULL AND s.invoice_date BETWEEN ? AND ?${s.sql}`;
    params.push(f.baseCurrency, f.from, f.to, ...s.params);
  }
  const rows = await select(
    `SELECT k, currency, ${sumUnits('claimed')} AS claimed, ${sumUnits('approved')} AS approved, ${sumUnits('paid')} AS paid,
            ${sumUnits('pos')} AS pos
       FROM (${sql}) x GROUP BY k, currency ORDER BY k, currency`,
    params,
  );
  return rows.map((r) => ({
    keys: { [key]: String(r.k) },
    currency: String(r.currency),
    values: { claimed: money(r.claimed), approved: money(r.approved), paid: money(r.paid), posRevenue: money(r.pos) },
  }));
}

/**
 * Resale, book and authorized cost per product and invoice month, over the lines of submitted
 * claims (the sales that carry all three), with the quantity they weigh.
 */
export async function marginTrend(f: AnalyticsFilter): Promise<RawRow[]> {
  const c = distributorSql(f, 'c.distributor_id');
  const rows = await select(
    `SELECT COALESCE(pr.vendor_part_number, l.vendor_part_number, '(unknown part)') AS product, ${monthOf('l.invoice_date')} AS month,
            UPPER(c.currency) AS currency, COALESCE(SUM(l.quantity), 0) AS quantity,
            ${sumUnits(`${units('l.resale_price')} * l.quantity`)} AS resale,
            ${sumUnits(`${units('l.book_cost')} * l.quantity`)} AS book,
            ${sumUnits(`${units('l.authorized_cost')} * l.quantity`)} AS authorized
       FROM claim_lines l JOIN claims c ON c.id = l.claim_id LEFT JOIN products pr ON pr.id = l.product_id
      WHERE c.status <> 'draft' AND l.resale_price IS NOT NULL AND l.authorized_cost IS NOT NULL
        AND l.invoice_date BETWEEN ? AND ?${c.sql}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [f.from, f.to, ...c.params],
  );
  return rows.map((r) => ({
    keys: { product: String(r.product), month: String(r.month) },
    currency: String(r.currency),
    values: {
      quantity: int(r.quantity),
      resaleRevenue: money(r.resale),
      bookCostTotal: money(r.book),
      authorizedCostTotal: money(r.authorized),
    } as Record<string, Value>,
  }));
}

/** The programs with submitted claims the caller may see, with their dates (for the ROI windows). */
export async function claimedPrograms(f: AnalyticsFilter) {
  const c = distributorSql(f, 'c.distributor_id');
  const rows = await select(
    `SELECT DISTINCT p.id, p.code, p.start_date, p.end_date FROM programs p JOIN claims c ON c.program_id = p.id
      WHERE c.status <> 'draft'${c.sql} ORDER BY p.code`,
    c.params,
  );
  return rows.map((r) => ({ id: Number(r.id), code: String(r.code), start: dayText(r.start_date), end: dayText(r.end_date) }));
}

export interface RoiWindow {
  programId: number;
  from: string;
  to: string;
  baselineFrom: string;
  baselineTo: string;
}

/**
 * Per program and currency: the counted POS revenue of each distributor and product claimed
 * under the program, in the program window and in the baseline window before it, and the credits
 * paid (approved totals of its paid claims, paid by `to`).
 */
export async function programRoi(f: AnalyticsFilter, windows: readonly RoiWindow[]): Promise<RawRow[]> {
  if (windows.length === 0) return [];
  const w = windows.map(() => 'SELECT ? AS program_id, ? AS w_from, ? AS w_to, ? AS b_from, ? AS b_to').join(' UNION ALL ');
  const wParams = windows.flatMap((x) => [x.programId, x.from, x.to, x.baselineFrom, x.baselineTo]);
  const c = distributorSql(f, 'c.distributor_id');
  const sales = `${units('s.resale_price')} * s.quantity`;
  const rows = await select(
    `SELECT program, w_from, w_to, b_from, b_to, currency, ${sumUnits('during')} AS during, ${sumUnits('baseline')} AS baseline,
            ${sumUnits('credits')} AS credits
       FROM (
         SELECT p.code AS program, w.w_from, w.w_to, w.b_from, w.b_to, ${distributorCurrency} AS currency,
                CASE WHEN s.invoice_date >= w.w_from THEN ${sales} ELSE 0 END AS during,
                CASE WHEN s.invoice_date <= w.b_to THEN ${sales} ELSE 0 END AS baseline, 0 AS credits
           FROM (SELECT DISTINCT c.program_id, c.distributor_id, l.product_id FROM claim_lines l JOIN claims c ON c.id = l.claim_id
                  WHERE c.status <> 'draft' AND l.product_id IS NOT NULL${c.sql}) pairs
           JOIN (${w}) w ON w.program_id = pairs.program_id
           JOIN programs p ON p.id = pairs.program_id JOIN accounts d ON d.id = pairs.distributor_id
           JOIN ${countedPos()} s ON s.distributor_id = pairs.distributor_id AND s.product_id = pairs.product_id
                AND s.resale_price IS NOT NULL AND s.invoice_date BETWEEN w.b_from AND w.w_to
         UNION ALL
         SELECT p.code, w.w_from, w.w_to, w.b_from, w.b_to, UPPER(c.currency), 0, 0, ${units('c.approved_total')}
           FROM claims c JOIN (${w}) w ON w.program_id = c.program_id JOIN programs p ON p.id = c.program_id
          WHERE c.status = 'paid' AND ${dayOf('c.paid_at')} <= ?${c.sql}
       ) x
      GROUP BY program, w_from, w_to, b_from, b_to, currency ORDER BY program, currency`,
    [f.baseCurrency, ...c.params, ...wParams, ...wParams, f.to, ...c.params],
  );
  return rows.map((r) => ({
    keys: {
      program: String(r.program),
      window: `${dayText(r.w_from)}..${dayText(r.w_to)}`,
      baseline: `${dayText(r.b_from)}..${dayText(r.b_to)}`,
    },
    currency: String(r.currency),
    values: { programSales: money(r.during), baselineSales: money(r.baseline), creditsPaid: money(r.credits) },
  }));
}

/**
 * Per program and currency, over the authorization lines (active or expired) valid some day of
 * the period: the quantity approved, and of it the quantity claimed (submitted claims), accepted
 * (approved by validation or finance) and paid, with the claimed, approved and paid amounts.
 */
export async function utilization(f: AnalyticsFilter): Promise<RawRow[]> {
  const a = distributorSql(f, 'a.distributor_id');
  const rows = await select(
    `SELECT p.code AS program, ${distributorCurrency} AS currency, COALESCE(SUM(al.approved_quantity), 0) AS approvedQuantity,
            COALESCE(SUM(cl.claimed_q), 0) AS claimedQuantity, COALESCE(SUM(cl.accepted_q), 0) AS acceptedQuantity,
            COALESCE(SUM(cl.paid_q), 0) AS paidQuantity,
            ${sumUnits('cl.claimed')} AS claimed, ${sumUnits('cl.approved')} AS approved, ${sumUnits('cl.paid')} AS paid
       FROM authorization_lines al JOIN authorizations a ON a.id = al.authorization_id
       JOIN programs p ON p.id = a.program_id JOIN accounts d ON d.id = a.distributor_id
       LEFT JOIN (
         SELECT l.authorization_line_id, SUM(l.quantity) AS claimed_q,
                SUM(CASE WHEN c.status IN ${APPROVED} THEN l.accepted_quantity ELSE 0 END) AS accepted_q,
                SUM(CASE WHEN c.status = 'paid' THEN l.accepted_quantity ELSE 0 END) AS paid_q,
                SUM(${units('l.claimed_amount')}) AS claimed,
                SUM(CASE WHEN c.status IN ${APPROVED} THEN ${units('l.approved_amount')} ELSE 0 END) AS approved,
                SUM(CASE WHEN c.status = 'paid' THEN ${units('l.approved_amount')} ELSE 0 END) AS paid
           FROM claim_lines l JOIN claims c ON c.id = l.claim_id
          WHERE c.status <> 'draft' AND l.authorization_line_id IS NOT NULL
          GROUP BY l.authorization_line_id
       ) cl ON cl.authorization_line_id = al.id
      WHERE a.status IN ('active', 'expired') AND al.valid_from <= ? AND al.valid_to >= ?${a.sql}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [f.baseCurrency, f.to, f.from, ...a.params],
  );
  return rows.map((r) => ({
    keys: { program: String(r.program) },
    currency: String(r.currency),
    values: {
      approvedQuantity: int(r.approvedQuantity),
      claimedQuantity: int(r.claimedQuantity),
      acceptedQuantity: int(r.acceptedQuantity),
      paidQuantity: int(r.paidQuantity),
      claimed: money(r.claimed),
      approved: money(r.approved),
      paid: money(r.paid),
    },
  }));
}
