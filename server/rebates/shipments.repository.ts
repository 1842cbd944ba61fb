/**
 * The vendor's shipments to its distributors (sell-in; table `shipments`, migration
 * 20261207T1000-shipments): what a sell-in rebate program counts (rebates.repository salesOf).
 */
import { Op, type Transaction } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Shipment } from '../../models/rebates.js';
import type { TenantScope } from '../auth/actor.js';

export { inTransaction } from '../database.repository.js';

export interface ShipmentRecord {
  id: number;
  distributorId: number;
  documentNumber: string;
  lineNumber: string;
  shipDate: string;
  productId: number;
  quantity: number;
  amount: string;
  currency: string;
  loadedByUserId: number;
  createdAt: string;
}

export type NewShipment = Omit<ShipmentRecord, 'id' | 'createdAt' | 'loadedByUserId'>;

const toRecord = (s: Shipment): ShipmentRecord => ({
  id: s.id,
  distributorId: s.distributorId,
  documentNumber: s.documentNumber,
  lineNumber: s.lineNumber,
  shipDate: String(s.shipDate).slice(0, 10),
  productId: s.productId,
  quantity: s.quantity,
  amount: moneyToString(moneyFromDb(s.amount)),
  currency: s.currency,
  loadedByUserId: s.loadedByUserId,
  createdAt: s.createdAt.toISOString(),
});

/** The key a shipment line is stored under: one row per (distributor, document, line). */
export const shipmentKey = (s: Pick<NewShipment, 'distributorId' | 'documentNumber' | 'lineNumber'>) =>
  `${s.distributorId}\u0000${s.documentNumber}\u0000${s.lineNumber}`;

/** The lines already stored under any of these documents, by key. */
export async function existingLines(lines: readonly NewShipment[], transaction: Transaction): Promise<Map<string, ShipmentRecord>> {
  const byDistributor = new Map<number, Set<string>>();
  for (const l of lines) {
    const docs = byDistributor.get(l.distributorId) ?? new Set<string>();
    docs.add(l.documentNumber);
    byDistributor.set(l.distributorId, docs);
  }
  const out = new Map<string, ShipmentRecord>();
  for (const [distributorId, docs] of byDistributor) {
    const all = [...docs];
    for (let i = 0; i < all.length; i += 500) {
      const rows = await Shipment.findAll({ where: { distributorId, documentNumber: all.slice(i, i + 500) }, transaction });
      for (const r of rows) out.set(shipmentKey(r), toRecord(r));
    }
  }
  return out;
}

/** Inserts lines (none of them stored yet); answers their ids, in order. */
export async function insertLines(lines: readonly NewShipment[], userId: number, transaction: Transaction): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < lines.length; i += 1000) {
    const rows = await Shipment.bulkCreate(
      lines.slice(i, i + 1000).map((l) => ({ ...l, loadedByUserId: userId, createdAt: new Date() })),
      { transaction },
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** A page of shipment lines, newest ship date first; a distributor sees its own only. */
export async function listShipments(
  scope: TenantScope,
  q: { distributorId?: number; from?: string; to?: string; page: number; pageSize: number },
): Promise<{ items: ShipmentRecord[]; total: number }> {
  const where: Record<string | symbol, unknown> = {};
  if (scope.distributorId !== null) where.distributorId = scope.distributorId;
  else if (q.distributorId) where.distributorId = q.distributorId;
  const day: Record<symbol, string> = {};
  if (q.from) day[Op.gte] = q.from;
  if (q.to) day[Op.lte] = q.to;
  if (q.from || q.to) where.shipDate = day;
  const { rows, count } = await Shipment.findAndCountAll({
    where,
    order: [
      ['shipDate', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toRecord), total: count };
}
