/** Disputes read claim lines and their resubmission chains; plain objects out. */
import { Op } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Claim, ClaimLine } from '../../models/claims.js';
import type { TenantScope } from '../auth/actor.js';

const m = (v: string | number | null) => (v === null ? null : moneyToString(moneyFromDb(v)));

export interface DisputeLineView {
  id: number;
  claimId: number;
  claimNumber: string;
  claimStatus: string;
  /** The currency of the line's claim: a resubmission is claimed in it too. */
  claimCurrency: string;
  distributorId: number;
  lineNumber: number;
  authorizationNumber: string | null;
  vendorPartNumber: string | null;
  distributorPartNumber: string | null;
  endCustomerName: string | null;
  invoiceNumber: string;
  invoiceLine: string;
  invoiceDate: string;
  shipDate: string | null;
  quantity: number;
  bookCost: string;
  authorizedCost: string | null;
  resalePrice: string | null;
  claimedAmount: string;
  approvedAmount: string;
  verdict: string;
  reasonCodes: string[];
  rule: string | null;
  extra: Record<string, unknown> | null;
  resubmissionOfLineId: number | null;
  resubmittedAs: number[];
  createdAt: string;
}

async function toViews(lines: ClaimLine[]): Promise<DisputeLineView[]> {
  if (!lines.length) return [];
  const claims = new Map(
    (
      await Claim.findAll({ where: { id: [...new Set(lines.map((l) => l.claimId))] }, attributes: ['id', 'number', 'status', 'currency'] })
    ).map((c) => [c.id, c]),
  );
  const children = await ClaimLine.findAll({
    where: { resubmissionOfLineId: lines.map((l) => l.id) },
    attributes: ['id', 'resubmissionOfLineId'],
  });
  return lines.map((l) => ({
    id: l.id,
    claimId: l.claimId,
    claimNumber: claims.get(l.claimId)?.number ?? '',
    claimStatus: claims.get(l.claimId)?.status ?? '',
    claimCurrency: claims.get(l.claimId)?.currency ?? '',
    distributorId: l.distributorId,
    lineNumber: l.lineNumber,
    authorizationNumber: l.authorizationNumber,
    vendorPartNumber: l.vendorPartNumber,
    distributorPartNumber: l.distributorPartNumber,
    endCustomerName: l.endCustomerName,
    invoiceNumber: l.invoiceNumber,
    invoiceLine: l.invoiceLine,
    invoiceDate: String(l.invoiceDate).slice(0, 10),
    shipDate: l.shipDate ? String(l.shipDate).slice(0, 10) : null,
    quantity: l.quantity,
    bookCost: m(l.bookCost)!,
    authorizedCost: m(l.authorizedCost),
    resalePrice: m(l.resalePrice),
    claimedAmount: m(l.claimedAmount)!,
    approvedAmount: m(l.approvedAmount)!,
    verdict: l.verdict,
    reasonCodes: JSON.parse(l.reasonCodes),
    rule: l.rule,
    extra: l.extra ? JSON.parse(l.extra) : null,
    resubmissionOfLineId: l.resubmissionOfLineId,
    resubmittedAs: children.filter((c) => c.resubmissionOfLineId === l.id).map((c) => c.id),
    createdAt: l.createdAt.toISOString(),
  }));
}

const scoped = (scope: TenantScope) => (scope.distributorId === null ? {} : { distributorId: scope.distributorId });

export async function findLine(scope: TenantScope, id: number) {
  const l = await ClaimLine.findOne({ where: { id, ...scoped(scope) } });
  return l ? (await toViews([l]))[0] : null;
}

/** Rejected lines (the distributor's to dispute), newest first. */
export async function rejectedLines(scope: TenantScope, openOnly: boolean, limit: number) {
  const lines = await ClaimLine.findAll({
    where: { ...scoped(scope), verdict: 'rejected' },
    order: [['id', 'DESC']],
    limit: openOnly ? limit * 4 : limit,
  });
  const views = await toViews(lines);
  return (openOnly ? views.filter((v) => v.resubmittedAs.length === 0) : views).slice(0, limit);
}

/** Every version of a disputed line: walks back to the original, then forward through resubmissions. */
export async function lineHistory(scope: TenantScope, id: number) {
  let line = await ClaimLine.findOne({ where: { id, ...scoped(scope) } });
  if (!line) return null;
  for (let hops = 0; line.resubmissionOfLineId !== null && hops < 100; hops++) {
    const parent: ClaimLine | null = await ClaimLine.findOne({ where: { id: line.resubmissionOfLineId } });
    if (!parent) break;
    line = parent;
  }
  const chain: ClaimLine[] = [line];
  let frontier = [line.id];
  while (frontier.length && chain.length < 500) {
    const next = await ClaimLine.findAll({ where: { resubmissionOfLineId: { [Op.in]: frontier } }, order: [['id', 'ASC']] });
    chain.push(...next);
    frontier = next.map((n) => n.id);
  }
  return toViews(chain);
}
