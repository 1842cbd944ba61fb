/**
 * The rebates' reads and the terms' writes: stored terms, the POS lines of a distributor's period
 * as core/rebates sees them, and closed periods. The ledger's writes (periods' amounts and
 * consumptions) are the settlement service's (server/settlement).
 */
import { decimalTextSql } from '../../models/money-sql.js';
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { joinPosKey } from '../../core/claims/pos-key.js';
import { Money, moneyFromDb, moneyToString } from '../../core/money.js';
import type { PeriodKind, Period } from '../../core/rebates/periods.js';
import type { StackingRule } from '../../core/rebates/stacking.js';
import type { RebateSale, RebateTerms, SalesBasis } from '../../core/rebates/terms.js';
import { JournalEntry } from '../../models/finance.js';
import { RebatePeriod, RebateProgram, RebateTermsVersion } from '../../models/rebates.js';
import type { TenantScope } from '../auth/actor.js';
import type { RebatePeriodView } from './rebates.schemas.js';

export { inTransaction, type Tx } from '../database.repository.js';

const db = () => RebateProgram.sequelize!;

export interface StoredTerms {
  programId: number;
  terms: RebateTerms;
  periodKind: PeriodKind;
  stacking: StackingRule;
  priority: number;
}

const toTerms = (r: Pick<RebateProgram, 'programId' | 'terms' | 'periodKind' | 'stacking' | 'priority'>): StoredTerms => ({
  programId: r.programId,
  terms: JSON.parse(r.terms) as RebateTerms,
  periodKind: r.periodKind as PeriodKind,
  stacking: r.stacking as StackingRule,
  priority: r.priority,
});

export async function findTerms(programId: number, transaction?: Transaction): Promise<StoredTerms | null> {
  const r = await RebateProgram.findOne({ where: { programId }, transaction });
  return r ? toTerms(r) : null;
}

export async function listTerms(): Promise<StoredTerms[]> {
  return (
    await RebateProgram.findAll({
      order: [
        ['priority', 'ASC'],
        ['programId', 'ASC'],
      ],
    })
  ).map(toTerms);
}

export async function saveTerms(t: StoredTerms, userId: number, transaction: Transaction): Promise<void> {
  const row = {
    terms: JSON.stringify(t.terms),
    periodKind: t.periodKind,
    stacking: t.stacking,
    priority: t.priority,
    updatedByUserId: userId,
  };
  const existing = await RebateProgram.findOne({ where: { programId: t.programId }, transaction, lock: transaction.LOCK.UPDATE });
  if (existing) await existing.update(row, { transaction });
  else await RebateProgram.create({ programId: t.programId, ...row }, { transaction });
  // The history the accruals as of a past day read: the same terms, from now on.
  const { updatedByUserId, ...version } = row;
  await RebateTermsVersion.create(
    { programId: t.programId, ...version, effectiveFrom: new Date(), changedByUserId: updatedByUserId },
    { transaction },
  );
}

/**
 * Every rebate program's terms as they stood at the end of `day` (UTC), in listTerms' order: the
 * latest version that took effect by then, or the program's first version when the day is before
 * it (a program's first terms apply from its start, as a program agreed after its start does).
 */
export async function listTermsAsOf(day: string): Promise<StoredTerms[]> {
  const versions = await RebateTermsVersion.findAll({
    order: [
      ['programId', 'ASC'],
      ['effectiveFrom', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const byProgram = new Map<number, RebateTermsVersion>();
  for (const v of versions) {
    const held = byProgram.get(v.programId);
    if (!held || v.effectiveFrom.toISOString().slice(0, 10) <= day) byProgram.set(v.programId, v);
  }
  return [...byProgram.values()].map(toTerms).sort((a, b) => a.priority - b.priority || a.programId - b.programId);
}

/** A sale as the rebates read it: core's RebateSale with the POS line it came from (null: a shipment). */
export interface StoredSale extends RebateSale {
  posLineId: number | null;
  invoiceKey: string;
  lineKey: string;
}

/** A distributor's sales of a period on the program's basis: its POS lines (sell-through) or the vendor's shipments to it (sell-in). */
export function salesOf(distributorId: number, period: Period, basis: SalesBasis, transaction?: Transaction | null): Promise<StoredSale[]> {
  return basis === 'sell_in' ? shipmentsOf(distributorId, period, transaction) : posSalesOf(distributorId, period, transaction);
}

const moneyText = (column: string) => decimalTextSql(db().getDialect(), column);

/**
 * The distributors with at least one sale in `period` on the basis (`salesOf`'s rows, any
 * product): one grouped read, so a report calculates only the periods that hold sales.
 */
export async function distributorsWithSales(period: Period, basis: SalesBasis): Promise<Set<number>> {
  const rows = (await db().query(
    basis === 'sell_in'
      ? 'SELECT DISTINCT s.distributor_id AS d FROM shipments s WHERE s.ship_date BETWEEN ? AND ?'
      : `SELECT DISTINCT p.distributor_id AS d FROM pos_lines p LEFT JOIN pos_imports i ON i.id = p.import_id
          WHERE p.invoice_date BETWEEN ? AND ? AND p.product_id IS NOT NULL AND i.voided_at IS NULL`,
    { replacements: [period.from, period.to], type: QueryTypes.SELECT },
  )) as { d: number | string }[];
  return new Set(rows.map((r) => Number(r.d)));
}

/**
 * The vendor's shipment lines to a distributor dated in `period`, as rebate sales: keyed
 * `ship:<id>` (never a POS key), revenue the invoiced value, no end customer.
 */
async function shipmentsOf(distributorId: number, period: Period, transaction?: Transaction | null): Promise<StoredSale[]> {
  const rows = (await db().query(
    `SELECT s.id, s.document_number, s.line_number, s.ship_date, s.product_id, pr.family, s.quantity, ${moneyText('s.amount')} AS amount
       FROM shipments s JOIN products pr ON pr.id = s.product_id
      WHERE s.distributor_id = ? AND s.ship_date BETWEEN ? AND ?
      ORDER BY s.id`,
    { replacements: [distributorId, period.from, period.to], type: QueryTypes.SELECT, transaction: transaction ?? undefined },
  )) as Record<string, unknown>[];
  return rows.map((r) => ({
    // By the row's id: a document number may hold a `/`, so document/line would not name one line.
    key: `${Number(r.quantity) < 0 ? 'return:' : ''}ship:${Number(r.id)}`,
    posLineId: null,
    invoiceKey: String(r.document_number),
    lineKey: String(r.line_number),
    productId: Number(r.product_id),
    family: (r.family as string | null) ?? null,
    endCustomerId: null,
    quantity: Number(r.quantity),
    amount: moneyToString(moneyFromDb(r.amount as string)),
    invoiceDate: String(r.ship_date).slice(0, 10),
  }));
}

/**
 * A distributor's POS lines invoiced in `period` with a known product, as rebate sales, leaving
 * out the lines of voided imports. A sale reported twice (the same canonical key in two imports)
 * counts once, its first line. A return (negative quantity) keeps its own key (`return:<id>`):
 * it lowers the measure and is never consumed. Revenue is quantity x resale price, exactly.
 */
async function posSalesOf(distributorId: number, period: Period, transaction?: Transaction | null): Promise<StoredSale[]> {
  const rows = (await db().query(
    `SELECT p.id, p.invoice_key, p.line_key, p.invoice_date, p.product_id, pr.family, p.end_customer_id, p.quantity,
            ${moneyText('p.resale_price')} AS resale_price
       FROM pos_lines p
       JOIN products pr ON pr.id = p.product_id
       LEFT JOIN pos_imports i ON i.id = p.import_id
      WHERE p.distributor_id = ? AND p.invoice_date BETWEEN ? AND ? AND i.voided_at IS NULL
      ORDER BY p.id`,
    { replacements: [distributorId, period.from, period.to], type: QueryTypes.SELECT, transaction: transaction ?? undefined },
  )) as Record<string, unknown>[];
  const seen = new Set<string>();
  const out: StoredSale[] = [];
  for (const r of rows) {
    const quantity = Number(r.quantity);
    const saleKey = joinPosKey(String(r.invoice_key), String(r.line_key));
    const key = quantity < 0 ? `return:${Number(r.id)}` : saleKey;
    if (seen.has(key)) continue;
    seen.add(key);
    const price = r.resale_price === null || r.resale_price === undefined ? new Money(0) : moneyFromDb(r.resale_price as string);
    out.push({
      key,
      posLineId: Number(r.id),
      invoiceKey: String(r.invoice_key),
      lineKey: String(r.line_key),
      productId: Number(r.product_id),
      family: (r.family as string | null) ?? null,
      endCustomerId: r.end_customer_id === null ? null : Number(r.end_customer_id),
      quantity,
      amount: moneyToString(price.times(quantity)),
      invoiceDate: String(r.invoice_date).slice(0, 10),
    });
  }
  return out;
}

export async function productFamily(productId: number): Promise<{ family: string | null } | null> {
  const [row] = (await db().query('SELECT family FROM products WHERE id = ?', { replacements: [productId], type: QueryTypes.SELECT })) as {
    family: string | null;
  }[];
  return row ? { family: row.family ?? null } : null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const money = (v: string | number) => moneyToString(moneyFromDb(v));

function toPeriodView(p: RebatePeriod): RebatePeriodView {
  return {
    id: p.id,
    programId: p.programId,
    distributorId: p.distributorId,
    period: { from: String(p.periodFrom).slice(0, 10), to: String(p.periodTo).slice(0, 10) },
    currency: p.currency,
    status: p.status,
    stacking: p.stacking as StackingRule,
    terms: JSON.parse(p.terms),
    calculation: JSON.parse(p.result),
    lineCount: p.lineCount,
    totalQuantity: p.totalQuantity,
    totalRevenue: money(p.totalRevenue),
    calculatedAmount: money(p.calculatedAmount),
    amount: money(p.amount),
    adjustmentReason: p.adjustmentReason,
    closedByUserId: p.closedByUserId,
    closedAt: p.closedAt.toISOString(),
    adjustedByUserId: p.adjustedByUserId,
    adjustedAt: iso(p.adjustedAt),
    authorizedByUserId: p.authorizedByUserId,
    authorizedAt: iso(p.authorizedAt),
    paidByUserId: p.paidByUserId,
    paidAt: iso(p.paidAt),
    creditMemoNumber: p.creditMemoNumber,
    externalRef: p.externalRef,
  };
}

const scoped = (scope: TenantScope) => (scope.distributorId === null ? {} : { distributorId: scope.distributorId });

export async function findPeriod(scope: TenantScope, id: number, transaction?: Transaction): Promise<RebatePeriodView | null> {
  const p = await RebatePeriod.findOne({ where: { id, ...scoped(scope) }, transaction });
  return p ? toPeriodView(p) : null;
}

export async function listPeriods(
  scope: TenantScope,
  q: { programId?: number; status?: RebatePeriodView['status']; limit: number },
): Promise<RebatePeriodView[]> {
  const where: Record<string, unknown> = { ...scoped(scope) };
  if (q.programId !== undefined) where.programId = q.programId;
  if (q.status) where.status = q.status;
  return (await RebatePeriod.findAll({ where, order: [['id', 'DESC']], limit: q.limit })).map(toPeriodView);
}

/** The key of a program's period for a distributor, by the period's first day. */
export const periodStartKey = (programId: number, distributorId: number, from: string) => `${programId}/${distributorId}/${from}`;

/** The periods closed by the end of `asOf` (UTC), as `periodStartKey`s; a distributor sees its own. */
export async function closedPeriodStarts(scope: TenantScope, asOf: string): Promise<Set<string>> {
  const periods = await RebatePeriod.findAll({
    attributes: ['programId', 'distributorId', 'periodFrom'],
    where: { ...scoped(scope), closedAt: { [Op.lte]: new Date(`${asOf}T23:59:59.999Z`) } },
  });
  return new Set(periods.map((p) => periodStartKey(p.programId, p.distributorId, String(p.periodFrom).slice(0, 10))));
}

/** A rebate period owed and not yet paid at the end of a day, with what the journal had accrued for it by then. */
export interface UnpaidPeriod {
  periodId: number;
  programId: number;
  distributorId: number;
  currency: string;
  period: Period;
  status: 'closed' | 'authorized';
  amount: string;
}

/**
 * The rebate periods owed and not yet paid at the end of `asOf` (UTC): closed by then and not paid
 * by then, each with its status then and the amount the finance journal had accrued for it by then
 * (its accruals less its reversals with an event day on or before the day: the close, then each
 * adjustment), as the claims' liability is read; a distributor sees its own. Few rows (programs x
 * distributors x periods), read whole.
 */
export async function unpaidPeriodsAsOf(scope: TenantScope, asOf: string): Promise<UnpaidPeriod[]> {
  const end = new Date(`${asOf}T23:59:59.999Z`);
  const periods = await RebatePeriod.findAll({
    where: { ...scoped(scope), closedAt: { [Op.lte]: end }, [Op.or]: [{ paidAt: null }, { paidAt: { [Op.gt]: end } }] },
    order: [['id', 'ASC']],
  });
  if (!periods.length) return [];
  const entries = await JournalEntry.findAll({
    attributes: ['sourceId', 'kind', 'amount'],
    where: { sourceType: 'rebate_period', sourceId: periods.map((p) => p.id), kind: ['accrual', 'reversal'], eventDay: { [Op.lte]: asOf } },
  });
  const accrued = new Map<number, Money>();
  for (const e of entries) {
    const amount = moneyFromDb(e.amount);
    accrued.set(e.sourceId, (accrued.get(e.sourceId) ?? new Money(0)).plus(e.kind === 'reversal' ? amount.negated() : amount));
  }
  return periods.map((p) => ({
    periodId: p.id,
    programId: p.programId,
    distributorId: p.distributorId,
    currency: p.currency,
    period: { from: String(p.periodFrom).slice(0, 10), to: String(p.periodTo).slice(0, 10) },
    status: p.authorizedAt && p.authorizedAt <= end ? 'authorized' : 'closed',
    amount: moneyToString(accrued.get(p.id) ?? new Money(0)),
  }));
}
