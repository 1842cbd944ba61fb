/** What implicit and automatic claims need: the distributor's live authorization lines and book costs, in two queries. */
import { QueryTypes } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { sequelize } from './claims.repository.js';

export interface MatchableAuthorizationLine {
  authorizationLineId: number;
  authorizationNumber: string;
  productId: number;
  endCustomerName: string | null;
  authorizedCost: string;
  remaining: number;
  validFrom: string;
  validTo: string;
}

export async function matchableAuthorizationLines(distributorId: number): Promise<MatchableAuthorizationLine[]> {
  const rows = (await sequelize().query(
    `SELECT l.id AS authorizationLineId, a.number AS authorizationNumber, l.product_id AS productId, e.name AS endCustomerName,
            l.authorized_cost AS authorizedCost, l.approved_quantity - l.consumed_quantity AS remaining,
            l.valid_from AS validFrom, l.valid_to AS validTo
       FROM authorization_lines l
       JOIN authorizations a ON a.id = l.authorization_id
       LEFT JOIN accounts e ON e.id = l.end_customer_id
      WHERE a.distributor_id = ? AND a.status = 'active'
      ORDER BY l.id`,
    { replacements: [distributorId], type: QueryTypes.SELECT },
  )) as (Omit<MatchableAuthorizationLine, 'authorizedCost' | 'remaining'> & {
    authorizedCost: string | number;
    remaining: string | number;
  })[];
  return rows.map((r) => ({
    ...r,
    authorizedCost: moneyToString(moneyFromDb(r.authorizedCost)),
    remaining: Number(r.remaining),
    validFrom: String(r.validFrom).slice(0, 10),
    validTo: String(r.validTo).slice(0, 10),
  }));
}

/** productId -> book cost periods (effective from/to), newest first. */
export async function bookCosts(distributorId: number) {
  const rows = (await sequelize().query(
    `SELECT product_id AS productId, cost, effective_from AS effectiveFrom, effective_to AS effectiveTo FROM book_costs WHERE distributor_id = ? ORDER BY effective_from DESC`,
    { replacements: [distributorId], type: QueryTypes.SELECT },
  )) as { productId: number; cost: string | number; effectiveFrom: string; effectiveTo: string | null }[];
  const byProduct = new Map<number, { cost: string; from: string; to: string | null }[]>();
  for (const r of rows) {
    const list = byProduct.get(r.productId) ?? [];
    list.push({
      cost: moneyToString(moneyFromDb(r.cost)),
      from: String(r.effectiveFrom).slice(0, 10),
      to: r.effectiveTo ? String(r.effectiveTo).slice(0, 10) : null,
    });
    byProduct.set(r.productId, list);
  }
  return (productId: number, date: string): string | null =>
    byProduct.get(productId)?.find((b) => b.from <= date && (b.to === null || b.to >= date))?.cost ?? null;
}
