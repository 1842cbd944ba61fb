/**
 * The ledger's SQL: the only code that writes `pos_consumptions` or moves an authorization line's
 * `consumed_quantity`. Called by the settlement service (settlement.service.ts) and, for the
 * set-based steps of claims built in bulk, by the claim pipelines through that service's exports.
 *
 * The database is the referee: the unique key on (distributor, invoice_key, line_key) — the
 * canonical POS key of core/claims/pos-key.ts — lets a sale be consumed once, and the CHECK /
 * trigger on authorization lines keeps consumed within approved.
 */
import { QueryTypes, UniqueConstraintError, type Transaction } from 'sequelize';
import { joinPosKey } from '../../core/claims/pos-key.js';
import { claimOwner, mayShare, programOwner, STACKING_RULES, type Owner, type StackingRule } from '../../core/rebates/stacking.js';
import { instantText, rawMysql } from '../../models/bulk.js';
import { instantDaySql } from '../../models/claim-figures-sql.js';
import { rowsOf } from '../database.repository.js';
import { AppError, errorText } from '../errors.js';
import { Claim, PosConsumption, PosConsumptionRelease } from '../../models/claims.js';

const db = () => Claim.sequelize!;
const mysql = () => db().getDialect() === 'mysql';

export async function select<T>(
  sql: string,
  replacements: unknown[],
  transaction?: Transaction | null,
  /** rows read in bulk: dates and instants come as text on both dialects (see rawMysql) */
  plain = false,
): Promise<T[]> {
  if (mysql()) return (await rawMysql(db(), sql, replacements, { transaction, plain })) as unknown as T[];
  return (await db().query(sql, { replacements, type: QueryTypes.SELECT, transaction: transaction ?? undefined })) as T[];
}

/** Runs a write and returns the rows it changed. */
export async function exec(sql: string, replacements: unknown[], transaction: Transaction, trustedReferences = false): Promise<number> {
  if (mysql()) return (await rawMysql(db(), sql, replacements, { transaction, trustedReferences })).affectedRows;
  await db().query(sql, { replacements, transaction });
  const [r] = (await db().query('SELECT changes() AS n', { type: QueryTypes.SELECT, transaction })) as { n: number }[];
  return Number(r!.n);
}

export { concurrentWriters, inTransaction } from '../database.repository.js';

/** The UTC day of an instant column (instants are stored in UTC on both dialects). */
export const dayOfSql = (instant: string) => instantDaySql(db(), instant);

/**
 * What the ledger held at the end of a day, the one rule every figure "as of" a day reads: a
 * consumption taken by then (`pos_consumptions.created_at`) and not given back by then. One given
 * back later is in `pos_consumption_releases` with the days it was held (`consumed_at` to
 * `released_at`), so it still counts on the days it was held.
 *
 * `heldQuantityOnDaySql(line)`: the quantity the authorization line `line` (a column) had claimed
 * by the end of the day; `?` = the day, three times (`heldOnDayParams`).
 */
export const heldQuantityOnDaySql = (line: string) =>
  `(COALESCE((SELECT SUM(hc.quantity) FROM pos_consumptions hc
               WHERE hc.authorization_line_id = ${line} AND ${dayOfSql('hc.created_at')} <= ?), 0)
  + COALESCE((SELECT SUM(hr.quantity) FROM pos_consumption_releases hr
               WHERE hr.authorization_line_id = ${line} AND ${dayOfSql('hr.consumed_at')} <= ? AND ${dayOfSql('hr.released_at')} > ?), 0))`;
/**
 * The same rule as a derived table of the consumptions held at the end of the day, with the
 * columns distributor_id, invoice_key, line_key, claim_line_id, authorization_line_id, quantity,
 * consumed_at; `?` = the day, three times (`heldOnDayParams`).
 */
export const heldOnDaySql = () =>
  `SELECT distributor_id, invoice_key, line_key, claim_line_id, authorization_line_id, quantity, created_at AS consumed_at
     FROM pos_consumptions WHERE ${dayOfSql('created_at')} <= ?
   UNION ALL
   SELECT distributor_id, invoice_key, line_key, claim_line_id, authorization_line_id, quantity, consumed_at
     FROM pos_consumption_releases WHERE ${dayOfSql('consumed_at')} <= ? AND ${dayOfSql('released_at')} > ?`;
export const heldOnDayParams = (day: string) => [day, day, day];

/** The rebate stacking rules whose counted sales a ship & debit claim may not pay (core's mayShare decides). */
export const RULES_BLOCKING_CLAIMS = STACKING_RULES.filter((rule) => !mayShare(claimOwner(0), programOwner(0, rule)));

/**
 * SQL: a rebate counted the sale of the row `alias` (distributor_id, invoice_key, line_key) under
 * a stacking rule that keeps ship & debit claims off it. The rules are constants, not input.
 */
export const rebateHoldsSale = (alias: string) =>
  `EXISTS (SELECT 1 FROM rebate_consumptions rc WHERE rc.distributor_id = ${alias}.distributor_id
     AND rc.invoice_key = ${alias}.invoice_key AND rc.line_key = ${alias}.line_key
     AND rc.stacking IN (${RULES_BLOCKING_CLAIMS.map((r) => `'${r}'`).join(', ')}))`;

/**
 * The lock step, the only one: locks the authorization lines of these numbers in id order (so
 * two claims queue instead of deadlocking; on MariaDB each ledger insert otherwise takes a shared
 * lock through its foreign key and then wants the exclusive one) and reads what each still has to
 * give. `distributorId`: only that distributor's lines (the others' cannot be consumed by it).
 * SQLite has one writer: its transaction is the lock.
 */
export async function lockAuthorizationLines(
  authorizationNumbers: readonly string[],
  transaction: Transaction | null,
  distributorId: number | null = null,
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const lock = mysql() && transaction;
  for (let i = 0; i < authorizationNumbers.length; i += 1000) {
    const part = authorizationNumbers.slice(i, i + 1000);
    const which = `SELECT l.id FROM authorization_lines l JOIN authorizations a ON a.id = l.authorization_id
        WHERE a.number IN (${part.map(() => '?').join(',')})${distributorId === null ? '' : ' AND a.distributor_id = ?'}`;
    const params = distributorId === null ? part : [...part, distributorId];
    // On MariaDB the lines are found first, then locked by id alone: a FOR UPDATE over the join
    // also locked the authorizations' rows it read, so two claim files of different distributors
    // naming each other's numbers deadlocked.
    const ids = lock ? (await select<{ id: number }>(which, params, transaction)).map((r) => Number(r.id)) : null;
    if (ids && !ids.length) continue;
    const rows = await select<{ id: number; available: number | string }>(
      ids
        ? `SELECT id, approved_quantity - consumed_quantity AS available FROM authorization_lines
            WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id FOR UPDATE`
        : `SELECT l.id, l.approved_quantity - l.consumed_quantity AS available
             FROM authorization_lines l JOIN authorizations a ON a.id = l.authorization_id
            WHERE a.number IN (${part.map(() => '?').join(',')})${distributorId === null ? '' : ' AND a.distributor_id = ?'}
            ORDER BY l.id`,
      ids ?? params,
      transaction,
    );
    for (const r of rows) out.set(Number(r.id), Number(r.available));
  }
  return out;
}

/** The canonical POS keys (`joinPosKey` form) among these invoice keys that the ledger holds for the distributor. */
export async function consumedKeys(
  distributorId: number,
  invoiceKeys: readonly string[],
  transaction?: Transaction | null,
): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(invoiceKeys)];
  for (let i = 0; i < unique.length; i += 2000) {
    const part = unique.slice(i, i + 2000);
    const rows = await select<{ k: string; l: string }>(
      `SELECT invoice_key AS k, line_key AS l FROM pos_consumptions
        WHERE distributor_id = ? AND invoice_key IN (${part.map(() => '?').join(',')})`,
      [distributorId, ...part],
      transaction,
    );
    for (const r of rows) out.add(joinPosKey(r.k, r.l));
    // A sale a rebate counted under a rule that keeps claims off it is taken too.
    const held = await select<{ k: string; l: string }>(
      `SELECT invoice_key AS k, line_key AS l FROM rebate_consumptions
        WHERE distributor_id = ? AND invoice_key IN (${part.map(() => '?').join(',')})
          AND stacking IN (${RULES_BLOCKING_CLAIMS.map(() => '?').join(',')})`,
      [distributorId, ...part, ...RULES_BLOCKING_CLAIMS],
      transaction,
    );
    for (const r of held) out.add(joinPosKey(r.k, r.l));
  }
  return out;
}

export type TakeResult = 'consumed' | 'already_claimed' | 'exhausted';

export interface TakeEntry {
  distributorId: number;
  invoiceNumber: string;
  invoiceLine: string;
  invoiceKey: string;
  lineKey: string;
  claimLineId: number;
  authorizationLineId: number;
  quantity: number;
}

/** Takes one POS line and its quantity: of two claims racing for the last units, exactly one wins. */
export async function take(entry: TakeEntry, transaction: Transaction): Promise<TakeResult> {
  const [held] = await select<{ n: number }>(
    `SELECT COUNT(*) AS n FROM rebate_consumptions WHERE distributor_id = ? AND invoice_key = ? AND line_key = ?
        AND stacking IN (${RULES_BLOCKING_CLAIMS.map(() => '?').join(',')})`,
    [entry.distributorId, entry.invoiceKey, entry.lineKey, ...RULES_BLOCKING_CLAIMS],
    transaction,
  );
  if (Number(held?.n ?? 0) > 0) return 'already_claimed';
  let consumption: PosConsumption;
  try {
    consumption = await PosConsumption.create(entry, { transaction });
  } catch (err) {
    if (err instanceof UniqueConstraintError) return 'already_claimed';
    throw err;
  }
  const affected = await exec(
    'UPDATE authorization_lines SET consumed_quantity = consumed_quantity + ? WHERE id = ? AND consumed_quantity + ? <= approved_quantity',
    [entry.quantity, entry.authorizationLineId, entry.quantity],
    transaction,
  );
  if (affected === 1) return 'consumed';
  await consumption.destroy({ transaction });
  return 'exhausted';
}

/** The counters' CHECK (MariaDB) or trigger (SQLite) refused a move: an authorization line would give more than it has. */
export const refusedByCounters = (err: unknown) => /consumed quantity outside|chk_consumed/i.test(errorText(err));

/**
 * `take` for the lines of one distributor's claim at once (its submit): the outcome of each line is
 * the one taking them one by one in this order would give, in four statements instead of four a
 * line: the rebates' holds read once, the consumptions inserted in one statement under the unique
 * key (a line whose sale is held already finds it taken), which of them landed read back, and the
 * counters moved in one statement under the CHECK / trigger. When that statement is refused (a line
 * would take more than its authorization line has left, which the caller's lock and engine make
 * rare), the consumptions are taken back and every line goes through `take`, which says which.
 */
export async function takeMany(entries: readonly TakeEntry[], transaction: Transaction): Promise<Map<number, TakeResult>> {
  const out = new Map<number, TakeResult>();
  const one = async () => {
    for (const e of entries) out.set(e.claimLineId, await take(e, transaction));
    return out;
  };
  const distributorId = entries[0]?.distributorId;
  // Up to a thousand lines: one statement each step (the counters' is one only up to a thousand authorization lines).
  if (entries.length < 2 || entries.length > 1000 || entries.some((e) => e.distributorId !== distributorId)) return one();
  // Its precondition: the lines hold no consumption yet (a new claim's). A line that held one would
  // read back as landed below and be counted twice; the unique claim line id keeps the row single.
  const lineIds = entries.map((e) => e.claimLineId);
  const holding = await select<{ id: number }>(
    `SELECT claim_line_id AS id FROM pos_consumptions WHERE claim_line_id IN (${lineIds.map(() => '?').join(',')})`,
    lineIds,
    transaction,
  );
  if (holding.length)
    throw new AppError('INTERNAL', `claim lines ${holding.map((r) => r.id).join(', ')} already hold a consumption: not taken again`, 500);
  const invoiceKeys = [...new Set(entries.map((e) => e.invoiceKey))];
  const held = new Set<string>();
  for (const r of await select<{ k: string; l: string }>(
    `SELECT invoice_key AS k, line_key AS l FROM rebate_consumptions
      WHERE distributor_id = ? AND invoice_key IN (${invoiceKeys.map(() => '?').join(',')})
        AND stacking IN (${RULES_BLOCKING_CLAIMS.map(() => '?').join(',')})`,
    [distributorId, ...invoiceKeys, ...RULES_BLOCKING_CLAIMS],
    transaction,
  ))
    held.add(joinPosKey(r.k, r.l));
  const taking = entries.filter((e) => !held.has(joinPosKey(e.invoiceKey, e.lineKey)));
  if (taking.length) {
    const now = instantText(db(), new Date());
    await exec(
      `${mysql() ? 'INSERT IGNORE' : 'INSERT OR IGNORE'} INTO pos_consumptions (${CONSUMPTION_COLUMNS})
       VALUES ${taking.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      taking.flatMap((e) => [
        e.distributorId,
        e.invoiceNumber,
        e.invoiceLine,
        e.invoiceKey,
        e.lineKey,
        e.claimLineId,
        e.authorizationLineId,
        e.quantity,
        now,
        now,
      ]),
      transaction,
    );
  }
  const ids = taking.map((e) => e.claimLineId);
  const landed = new Set<number>();
  if (ids.length)
    for (const r of await select<{ id: number }>(
      `SELECT claim_line_id AS id FROM pos_consumptions WHERE claim_line_id IN (${ids.map(() => '?').join(',')})`,
      ids,
      transaction,
    ))
      landed.add(Number(r.id));
  const sums = new Map<number, number>();
  for (const e of taking)
    if (landed.has(e.claimLineId)) sums.set(e.authorizationLineId, (sums.get(e.authorizationLineId) ?? 0) + e.quantity);
  try {
    await addConsumedQuantities(sums, transaction);
  } catch (err) {
    if (!refusedByCounters(err)) throw err;
    // The refused statement changed nothing; the consumptions it would have counted go back.
    if (landed.size)
      await exec(`DELETE FROM pos_consumptions WHERE claim_line_id IN (${[...landed].map(() => '?').join(',')})`, [...landed], transaction);
    return one();
  }
  for (const e of entries) out.set(e.claimLineId, landed.has(e.claimLineId) ? 'consumed' : 'already_claimed');
  return out;
}

/** Gives a claim line's POS line and quantity back; returns the quantity released (0: it held none). */
export async function release(claimLineId: number, transaction: Transaction): Promise<number> {
  const c = await PosConsumption.findOne({ where: { claimLineId }, transaction });
  if (!c) return 0;
  await exec(
    'UPDATE authorization_lines SET consumed_quantity = consumed_quantity - ? WHERE id = ?',
    [c.quantity, c.authorizationLineId],
    transaction,
  );
  // The ledger remembers what the line held until now, so a figure as of an earlier day still counts it.
  await PosConsumptionRelease.create(
    {
      distributorId: c.distributorId,
      invoiceKey: c.invoiceKey,
      lineKey: c.lineKey,
      claimLineId: c.claimLineId,
      authorizationLineId: c.authorizationLineId,
      quantity: c.quantity,
      consumedAt: c.createdAt,
      releasedAt: new Date(),
    },
    { transaction },
  );
  await c.destroy({ transaction });
  return c.quantity;
}

/** The consumption a claim line holds, if any. */
export async function consumptionOf(claimLineId: number, transaction: Transaction) {
  const c = await PosConsumption.findOne({ where: { claimLineId }, transaction });
  return c ? { quantity: c.quantity, authorizationLineId: c.authorizationLineId } : null;
}

/** Which claim lines a statement reads: a WHERE clause over `claim_lines` and its parameters. */
export interface LineScope {
  where: string;
  params: number[];
}

/** The lines of one claim, through its stretch of the primary key (`rowsOf`). */
export const claimLinesOf = (claimId: number, transaction?: Transaction | null): Promise<LineScope> =>
  rowsOf('claim_lines', 'claim_id', claimId, transaction);

/**
 * The lines a bulk run wrote: its claims' lines with ids after `after` (the table's last id when
 * the run began, `lastClaimLineId`) up to `upTo` (the last id once its loads were done). Read in
 * primary-key order, one stretch for every claim of the run: the lines of a POS import's claims
 * are interleaved (a month's claim, a debit memo's), so a claim's own stretch is nearly the run's,
 * and reading claim by claim read it once per claim, out of order.
 */
export const linesOfRun = (claimIds: readonly number[], after: number, upTo: number): LineScope => ({
  where: `id > ? AND id <= ? AND claim_id IN (${claimIds.map(() => '?').join(',')})`,
  params: [after, upTo, ...claimIds],
});

/** The highest claim line id (0 for none): one end of the primary key, read at once. */
export async function lastClaimLineId(transaction?: Transaction | null): Promise<number> {
  const [r] = await select<{ id: number | string | null }>('SELECT MAX(id) AS id FROM claim_lines', [], transaction);
  return Number(r?.id ?? 0);
}

/** Claim lines that take quantity (and a POS line): accepted or cut, with something left. */
export const TAKING = "accepted_quantity > 0 AND verdict <> 'rejected'";

const CONSUMPTION_COLUMNS =
  'distributor_id, invoice_number, invoice_line, invoice_key, line_key, claim_line_id, authorization_line_id, quantity, created_at, updated_at';
const FROM_LINE =
  'distributor_id, invoice_number, invoice_line, invoice_key, line_key, id, authorization_line_id, accepted_quantity, created_at, created_at';

/**
 * The authorization lines count what the taking claim lines matching `where` took, summed in SQL
 * from those lines, under the CHECK / trigger that keeps consumed within approved.
 */
export async function countFromLines(where: string, params: unknown[], transaction: Transaction) {
  const sums = `SELECT authorization_line_id AS id, SUM(accepted_quantity) AS q FROM claim_lines
                 WHERE (${where}) AND ${TAKING} GROUP BY authorization_line_id`;
  await exec(
    mysql()
      ? `UPDATE authorization_lines a JOIN (${sums}) t ON t.id = a.id SET a.consumed_quantity = a.consumed_quantity + t.q`
      : `UPDATE authorization_lines SET consumed_quantity = consumed_quantity + t.q FROM (${sums}) AS t WHERE t.id = authorization_lines.id`,
    params,
    transaction,
  );
}

/**
 * A claim's ledger step, set-based, once its lines are written: the taking lines take their POS
 * lines (a POS line another claim or program took meanwhile is skipped by the unique key, and its
 * line is then rejected as already claimed), and, unless the caller moves them itself
 * (`counters: false`), the authorization lines count what was taken. `expected`: the claim's
 * taking lines.
 */
export async function takeClaimLines(claimId: number, expected: number, transaction: Transaction, options = { counters: true }) {
  const { taken, lost } = await takeLines(await claimLinesOf(claimId, transaction), expected, transaction, options);
  return { taken, lost: lost.get(claimId) ?? { accepted: 0, partial: 0 } };
}

/**
 * The ledger step of the claim lines in `scope` (one claim's, a bulk run's): as `takeClaimLines`,
 * with what each claim lost to others by claim id.
 */
export async function takeLines(scope: LineScope, expected: number, transaction: Transaction, options = { counters: true }) {
  const ignore = mysql() ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
  const lines = `${scope.where} AND ${TAKING}`;
  const taken = await exec(
    `${ignore} INTO pos_consumptions (${CONSUMPTION_COLUMNS})
     SELECT ${FROM_LINE} FROM claim_lines WHERE ${lines} AND NOT ${rebateHoldsSale('claim_lines')} ORDER BY id`,
    scope.params,
    transaction,
    true,
  );
  const lost = new Map<number, { accepted: number; partial: number }>();
  if (taken < expected) {
    const missing = `${lines} AND NOT EXISTS (SELECT 1 FROM pos_consumptions c WHERE c.claim_line_id = claim_lines.id)`;
    for (const r of await select<{ claimId: number; verdict: 'accepted' | 'partial'; n: number }>(
      `SELECT claim_id AS claimId, verdict, COUNT(*) AS n FROM claim_lines WHERE ${missing} GROUP BY claim_id, verdict`,
      scope.params,
      transaction,
    )) {
      const id = Number(r.claimId);
      const l = lost.get(id) ?? { accepted: 0, partial: 0 };
      l[r.verdict] = Number(r.n);
      lost.set(id, l);
    }
    await exec(
      `UPDATE claim_lines SET verdict = 'rejected', reason_codes = '["ALREADY_CLAIMED"]', rule = 'notAlreadyClaimed',
              accepted_quantity = 0, computed_amount = '0.0000', approved_amount = '0.0000'
        WHERE ${missing}`,
      scope.params,
      transaction,
    );
  }
  // After the compensation above, the taking lines are exactly their consumptions.
  if (options.counters) await countFromLines(scope.where, scope.params, transaction);
  return { taken, lost };
}

/**
 * Moves the authorization lines' counters by quantities the caller summed from the lines whose
 * consumptions it took (authorization line id → quantity), a thousand lines a statement, under the
 * CHECK / trigger that keeps consumed within approved.
 */
export async function addConsumedQuantities(sums: ReadonlyMap<number, number>, transaction: Transaction) {
  const entries = [...sums].filter(([, q]) => q > 0);
  for (let i = 0; i < entries.length; i += 1000) {
    const part = entries.slice(i, i + 1000);
    await exec(
      `UPDATE authorization_lines SET consumed_quantity = consumed_quantity + CASE id ${part.map(() => 'WHEN ? THEN ?').join(' ')} END
        WHERE id IN (${part.map(() => '?').join(',')})`,
      [...part.flat(), ...part.map(([id]) => id)],
      transaction,
    );
  }
}

/**
 * Who holds each of these sales of a distributor (canonical key `joinPosKey` → owners): the claim
 * line that pays it (pos_consumptions) and the rebate programs that counted it
 * (rebate_consumptions), as core/rebates/stacking.ts owners. What the rebate calculation and its
 * close read; `invoiceKeys` narrows the read.
 */
export async function ownersOfSales(
  distributorId: number,
  invoiceKeys: readonly string[],
  transaction?: Transaction | null,
  /** the owners as they stood at the end of this day (heldOnDaySql; rebates counted by then); today's when absent */
  asOf?: string,
): Promise<Map<string, Owner[]>> {
  const out = new Map<string, Owner[]>();
  const add = (k: string, l: string, o: Owner) => {
    const key = joinPosKey(k, l);
    const list = out.get(key);
    if (list) list.push(o);
    else out.set(key, [o]);
  };
  const unique = [...new Set(invoiceKeys)];
  for (let i = 0; i < unique.length; i += 2000) {
    const part = unique.slice(i, i + 2000);
    const marks = part.map(() => '?').join(',');
    for (const r of await select<{ k: string; l: string; id: number }>(
      asOf === undefined
        ? `SELECT invoice_key AS k, line_key AS l, claim_line_id AS id FROM pos_consumptions WHERE distributor_id = ? AND invoice_key IN (${marks})`
        : `SELECT invoice_key AS k, line_key AS l, claim_line_id AS id FROM (${heldOnDaySql()}) h WHERE distributor_id = ? AND invoice_key IN (${marks})`,
      [...(asOf === undefined ? [] : heldOnDayParams(asOf)), distributorId, ...part],
      transaction,
    ))
      add(r.k, r.l, claimOwner(Number(r.id)));
    for (const r of await select<{ k: string; l: string; p: number; s: string }>(
      `SELECT invoice_key AS k, line_key AS l, program_id AS p, stacking AS s FROM rebate_consumptions
        WHERE distributor_id = ? AND invoice_key IN (${marks})${asOf === undefined ? '' : ` AND ${dayOfSql('created_at')} <= ?`}`,
      [distributorId, ...part, ...(asOf === undefined ? [] : [asOf])],
      transaction,
    ))
      add(r.k, r.l, programOwner(Number(r.p), r.s as StackingRule));
  }
  return out;
}
