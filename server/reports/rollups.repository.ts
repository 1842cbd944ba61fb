/**
 * The claims' report figures kept up to date (issue 19 item 3; the tables and the scanned
 * figures they equal are models/claim-figures-sql.ts). `rollClaimFigures` is called in the
 * transaction of every write of a claim (claims.repository's updateClaim, the settlement's
 * updateClaimTotals): it reads the claim as it is now, compares with the part it added before
 * (`claim_figure_parts`) and moves the kept figures by the difference: the claims report's group
 * of the claim (its day, distributor, program type, currency), and today's row of the liability's
 * moves. Rows are touched in key order, so two claims moving the same rows queue instead of
 * deadlocking.
 */
import { QueryTypes, type Transaction } from 'sequelize';
import {
  isUnpaidBucket,
  LIABILITY_BUCKETS,
  liabilityPartOf,
  reportPartOf,
  type LiabilityBucket,
} from '../../core/analytics/claim-figures.js';
import type { ClaimStatus } from '../../core/domain.js';
import { Money, moneyFromDb } from '../../core/money.js';
import { BUCKET_COLUMN, claimReportDaySql } from '../../models/claim-figures-sql.js';
import { Claim } from '../../models/claims.js';
import { decimalTextSql, sumUnitsSql } from '../../models/money-sql.js';

const db = () => Claim.sequelize!;
const sqlite = () => db().getDialect() === 'sqlite';
const today = () => new Date().toISOString().slice(0, 10);

/** Money as integer units of 1/10,000, exact at any size a money column holds (an int64 in SQL). */
const unitsOf = (m: Money): bigint => BigInt(m.times(10_000).toFixed(0));
/** A units column read back (text, so no JavaScript number rounds it). */
const unitsText = (column: string) => decimalTextSql(db(), column);

interface Part {
  day: string;
  programType: string;
  currency: string;
  distributorId: number;
  claims: number;
  claimed: bigint;
  approved: bigint;
  paid: bigint;
  bucket: LiabilityBucket | null;
  bucketUnits: bigint;
}

const select = async <T>(sql: string, replacements: unknown[], transaction?: Transaction) =>
  (await db().query(sql, { replacements, type: QueryTypes.SELECT, transaction })) as T[];

/** Adds to a kept row, creating it at zero first: one statement on each dialect. Units go as text, cast to an int64. */
async function addTo(table: string, key: Record<string, unknown>, amounts: Record<string, bigint | number>, transaction: Transaction) {
  const keys = Object.keys(key);
  const cols = Object.keys(amounts);
  const int = sqlite() ? 'INTEGER' : 'SIGNED';
  const marks = [...keys.map(() => '?'), ...cols.map(() => `CAST(? AS ${int})`)].join(', ');
  const upsert = sqlite()
    ? `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`
    : `ON DUPLICATE KEY UPDATE ${cols.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`;
  await db().query(`INSERT INTO ${table} (${[...keys, ...cols].join(', ')}) VALUES (${marks}) ${upsert}`, {
    replacements: [...Object.values(key), ...Object.values(amounts).map(String)],
    transaction,
  });
}

export async function rollClaimFigures(claimId: number, transaction: Transaction): Promise<void> {
  const [c] = await select<Record<string, unknown>>(
    `SELECT c.status, ${decimalTextSql(db(), 'c.claimed_total')} AS claimed, ${decimalTextSql(db(), 'c.approved_total')} AS approved,
            ${claimReportDaySql(db())} AS day, c.distributor_id AS distributorId, COALESCE(c.program_type, 'none') AS programType,
            UPPER(c.currency) AS currency
       FROM claims c WHERE c.id = ?`,
    [claimId],
    transaction,
  );
  if (!c) return;
  const facts = {
    status: c.status as ClaimStatus,
    claimedTotal: moneyFromDb(String(c.claimed)),
    approvedTotal: moneyFromDb(String(c.approved)),
  };
  const report = reportPartOf(facts);
  const liability = liabilityPartOf(facts);
  const now: Part = {
    day: String(c.day).slice(0, 10),
    programType: String(c.programType),
    currency: String(c.currency),
    distributorId: Number(c.distributorId),
    claims: report.claims,
    claimed: unitsOf(report.claimed),
    approved: unitsOf(report.approved),
    paid: unitsOf(report.paid),
    bucket: liability?.bucket ?? null,
    bucketUnits: liability ? unitsOf(liability.amount) : 0n,
  };
  const [row] = await select<Record<string, unknown>>(
    `SELECT ${sqlite() ? 'day' : "DATE_FORMAT(day, '%Y-%m-%d')"} AS day, program_type AS programType, currency, distributor_id AS distributorId,
            claims, ${unitsText('claimed_units')} AS claimed, ${unitsText('approved_units')} AS approved, ${unitsText('paid_units')} AS paid,
            bucket, ${unitsText('bucket_units')} AS bucketUnits
       FROM claim_figure_parts WHERE claim_id = ?`,
    [claimId],
    transaction,
  );
  const before: Part | null = row
    ? {
        day: String(row.day),
        programType: String(row.programType),
        currency: String(row.currency),
        distributorId: Number(row.distributorId),
        claims: Number(row.claims),
        claimed: BigInt(String(row.claimed)),
        approved: BigInt(String(row.approved)),
        paid: BigInt(String(row.paid)),
        bucket: (row.bucket as LiabilityBucket | null) ?? null,
        bucketUnits: BigInt(String(row.bucketUnits)),
      }
    : null;
  const same = (a: Part | null, b: Part) =>
    !!a &&
    (['day', 'programType', 'currency', 'distributorId', 'claims', 'claimed', 'approved', 'paid', 'bucket', 'bucketUnits'] as const).every(
      (k) => a[k] === b[k],
    );
  if (same(before, now)) return;

  // The claims report: out of the group it was in, into the one it is in (in key order).
  const reportKey = (p: Part) => ({ day: p.day, distributor_id: p.distributorId, program_type: p.programType, currency: p.currency });
  const moves: { key: ReturnType<typeof reportKey>; sign: 1 | -1; p: Part }[] = [];
  if (before && before.claims) moves.push({ key: reportKey(before), sign: -1, p: before });
  if (now.claims) moves.push({ key: reportKey(now), sign: 1, p: now });
  moves.sort((a, b) => JSON.stringify(Object.values(a.key)).localeCompare(JSON.stringify(Object.values(b.key))));
  for (const m of moves)
    await addTo(
      'claim_figures_by_day',
      m.key,
      {
        claims: m.sign * m.p.claims,
        claimed_units: BigInt(m.sign) * m.p.claimed,
        approved_units: BigInt(m.sign) * m.p.approved,
        paid_units: BigInt(m.sign) * m.p.paid,
      },
      transaction,
    );

  // The liability: today's move of the claim's distributor and currency (and, for a claim whose
  // distributor or currency changed, of the old ones).
  const liabilityMoves = new Map<
    string,
    { distributorId: number; currency: string; claims: number; units: Record<LiabilityBucket, bigint> }
  >();
  const move = (p: Part, sign: 1 | -1) => {
    if (!p.bucket) return;
    const k = `${p.distributorId}|${p.currency}`;
    const m = liabilityMoves.get(k) ?? {
      distributorId: p.distributorId,
      currency: p.currency,
      claims: 0,
      units: { inReview: 0n, openLiability: 0n, paid: 0n },
    };
    m.claims += sign;
    m.units[p.bucket] += BigInt(sign) * p.bucketUnits;
    liabilityMoves.set(k, m);
  };
  if (before) move(before, -1);
  move(now, 1);
  for (const [, m] of [...liabilityMoves].sort(([a], [b]) => a.localeCompare(b))) {
    if (!m.claims && LIABILITY_BUCKETS.every((b) => !m.units[b])) continue;
    await addTo(
      'claim_liability_moves',
      { day: today(), distributor_id: m.distributorId, currency: m.currency },
      { claims: m.claims, ...Object.fromEntries(LIABILITY_BUCKETS.map((b) => [BUCKET_COLUMN[b], m.units[b]])) },
      transaction,
    );
  }

  // The aging: today's move of the claim's submission day, when it is (or was) not yet paid.
  const agingMoves = new Map<string, { submittedDay: string; distributorId: number; currency: string; claims: number; units: bigint }>();
  const age = (p: Part, sign: 1 | -1) => {
    if (!isUnpaidBucket(p.bucket)) return;
    const k = `${p.day}|${p.distributorId}|${p.currency}`;
    const m = agingMoves.get(k) ?? { submittedDay: p.day, distributorId: p.distributorId, currency: p.currency, claims: 0, units: 0n };
    m.claims += sign;
    m.units += BigInt(sign) * p.bucketUnits;
    agingMoves.set(k, m);
  };
  if (before) age(before, -1);
  age(now, 1);
  for (const [, m] of [...agingMoves].sort(([a], [b]) => a.localeCompare(b))) {
    if (!m.claims && !m.units) continue;
    await addTo(
      'claim_aging_moves',
      { day: today(), submitted_day: m.submittedDay, distributor_id: m.distributorId, currency: m.currency },
      { claims: m.claims, units: m.units },
      transaction,
    );
  }

  const part = {
    day: now.day,
    distributor_id: now.distributorId,
    program_type: now.programType,
    currency: now.currency,
    claims: now.claims,
    claimed_units: now.claimed,
    approved_units: now.approved,
    paid_units: now.paid,
    bucket: now.bucket,
    bucket_units: now.bucketUnits,
  };
  if (before)
    await db().query(
      `UPDATE claim_figure_parts SET ${Object.keys(part)
        .map((k) => `${k} = ?`)
        .join(', ')} WHERE claim_id = ?`,
      {
        replacements: [...Object.values(part), claimId],
        transaction,
      },
    );
  else
    await db().query(
      `INSERT INTO claim_figure_parts (claim_id, ${Object.keys(part).join(', ')}) VALUES (?, ${Object.keys(part)
        .map(() => '?')
        .join(', ')})`,
      {
        replacements: [claimId, ...Object.values(part)],
        transaction,
      },
    );
}

/** Kept: the liability per currency at the end of `day` (units, with the claims in a bucket), one distributor's or all. */
export async function keptLiability(day: string, distributorId: number | null) {
  return select<Record<string, unknown>>(
    `SELECT currency, SUM(claims) AS claims, ${LIABILITY_BUCKETS.map((b) => `${sumUnitsSql(db(), BUCKET_COLUMN[b])} AS ${b}`).join(', ')}
       FROM claim_liability_moves
      WHERE day <= ?${distributorId === null ? '' : ' AND distributor_id = ?'}
      GROUP BY currency
     HAVING SUM(claims) > 0
      ORDER BY currency`,
    distributorId === null ? [day] : [day, distributorId],
  );
}
