/** Reads for the approval context (requests, their lines, price history) and the closed-lost expiry. */
import { Op, type Transaction } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Account } from '../../models/accounts.js';
import { Authorization, AuthorizationLine } from '../../models/authorizations.js';
import { Product } from '../../models/catalog.js';
import { ClaimLine } from '../../models/claims.js';
import { CrmSyncRun } from '../../models/crm.js';
import { Program } from '../../models/programs.js';
import { PriceRequest, PriceRequestLine } from '../../models/requests.js';
import type { TenantScope } from '../auth/actor.js';
import { bookCostsToday } from '../requests/requests.repository.js';
import type { RequestForContext } from './crm-context.schemas.js';

export { inTransaction } from '../database.repository.js';

const money = (v: string | number | null) => (v === null ? null : moneyToString(moneyFromDb(v)));

export type { RequestForContext } from './crm-context.schemas.js';

const scoped = (scope: TenantScope) => (scope.distributorId === null ? {} : { distributorId: scope.distributorId });

export async function requestsForContext(
  scope: TenantScope,
  where: { id?: number | number[]; statuses?: string[] },
): Promise<RequestForContext[]> {
  const rows = await PriceRequest.findAll({
    where: { ...scoped(scope), ...(where.id !== undefined ? { id: where.id } : {}), ...(where.statuses ? { status: where.statuses } : {}) },
    order: [['id', 'ASC']],
  });
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const lines = await PriceRequestLine.findAll({ where: { requestId: ids }, order: [['id', 'ASC']] });
  const accounts = new Map(
    (await Account.findAll({ where: { id: [...new Set(rows.flatMap((r) => [r.distributorId, r.endCustomerId]))] } })).map((a) => [
      a.id,
      a.name,
    ]),
  );
  const programs = new Map((await Program.findAll({ where: { id: [...new Set(rows.map((r) => r.programId))] } })).map((p) => [p.id, p]));
  const products = new Map(
    (await Product.findAll({ where: { id: [...new Set(lines.map((l) => l.productId))] } })).map((p) => [p.id, p.vendorPartNumber]),
  );
  const authIds = rows.map((r) => r.authorizationId).filter((x): x is number => x !== null);
  const auths = new Map(authIds.length ? (await Authorization.findAll({ where: { id: authIds } })).map((a) => [a.id, a]) : []);
  // The book cost the request API's lines show, read by the same function (the flags compare against it).
  const bookCostOf = await bookCostsToday(rows);
  return rows.map((r) => {
    const program = programs.get(r.programId)!;
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      programId: r.programId,
      programCode: program.code,
      priceFloor: money(program.priceFloor),
      distributor: { id: r.distributorId, name: accounts.get(r.distributorId) ?? '' },
      endCustomer: { id: r.endCustomerId, name: accounts.get(r.endCustomerId) ?? '' },
      opportunityRef: r.opportunityRef,
      dealRegistrationRef: r.dealRegistrationRef,
      authorizationId: r.authorizationId,
      authorizationNumber: r.authorizationId === null ? null : (auths.get(r.authorizationId)?.number ?? null),
      authorizationClosedLostOn: r.authorizationId === null ? null : (auths.get(r.authorizationId)?.closedLostOn ?? null),
      validFrom: r.validFrom,
      validTo: r.validTo,
      createdAt: r.createdAt.toISOString(),
      lines: lines
        .filter((l) => l.requestId === r.id)
        .map((l) => ({
          id: l.id,
          productId: l.productId,
          vendorPartNumber: products.get(l.productId) ?? '',
          quantity: l.quantity,
          requestedCost: money(l.requestedCost)!,
          counterCost: money(l.counterCost),
          bookCost: bookCostOf(r.distributorId, l.productId),
        })),
    };
  });
}

export interface AuthorizedPrice {
  authorizationNumber: string;
  version: number;
  status: string;
  distributorId: number;
  authorizedCost: string;
  approvedQuantity: number;
  consumedQuantity: number;
  validFrom: string;
  validTo: string;
}
export interface ClaimedPrice {
  claimId: number;
  distributorId: number;
  invoiceDate: string;
  quantity: number;
  authorizedCost: string | null;
  resalePrice: string | null;
  verdict: string;
}

/** What this product has been authorized and claimed at for this end customer, newest first. */
export async function priceHistory(
  scope: TenantScope,
  productId: number,
  endCustomer: { id: number; name: string },
  excludeRequestId: number,
) {
  const endCustomerId = endCustomer.id;
  const authLines = await AuthorizationLine.findAll({ where: { productId }, order: [['id', 'DESC']] });
  const auths = new Map(
    authLines.length
      ? (await Authorization.findAll({ where: { id: [...new Set(authLines.map((l) => l.authorizationId))], ...scoped(scope) } })).map(
          (a) => [a.id, a],
        )
      : [],
  );
  const authorizations: AuthorizedPrice[] = [];
  for (const l of authLines) {
    const a = auths.get(l.authorizationId);
    if (!a || (l.endCustomerId ?? a.endCustomerId) !== endCustomerId || a.requestId === excludeRequestId) continue;
    authorizations.push({
      authorizationNumber: a.number,
      version: a.version,
      status: a.status,
      distributorId: a.distributorId,
      authorizedCost: money(l.authorizedCost)!,
      approvedQuantity: l.approvedQuantity,
      consumedQuantity: l.consumedQuantity,
      validFrom: l.validFrom,
      validTo: l.validTo,
    });
  }
  // Claimed lines name the end customer by id once matched, or only by the name the distributor reported.
  const claimLines = await ClaimLine.findAll({
    where: { productId, ...scoped(scope), [Op.or]: [{ endCustomerId }, { endCustomerId: null, endCustomerName: endCustomer.name }] },
    order: [
      ['invoiceDate', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: 50,
  });
  const claims: ClaimedPrice[] = claimLines.map((c) => ({
    claimId: c.claimId,
    distributorId: c.distributorId,
    invoiceDate: c.invoiceDate,
    quantity: c.quantity,
    authorizedCost: money(c.authorizedCost),
    resalePrice: money(c.resalePrice),
    verdict: c.verdict,
  }));
  return { authorizations, claimLines: claims };
}

export async function lastSuccessfulSyncAt(): Promise<string | null> {
  const r = await CrmSyncRun.findOne({ where: { status: 'succeeded' }, order: [['id', 'DESC']] });
  return r?.finishedAt?.toISOString() ?? null;
}

/** Active authorizations of requests linked by Id, not yet closed-lost (the candidates for closed-lost expiry). */
export async function closedLostCandidates(): Promise<{ id: number; number: string; requestId: number; distributorId: number }[]> {
  const rows = await Authorization.findAll({ where: { status: 'active', requestId: { [Op.ne]: null }, closedLostOn: null } });
  return rows.map((a) => ({ id: a.id, number: a.number, requestId: a.requestId!, distributorId: a.distributorId }));
}

/** Stops the authorization for sales dated after `closedOn` (earlier sales stay valid). */
export async function markClosedLost(id: number, closedOn: string, transaction: Transaction): Promise<boolean> {
  const [n] = await Authorization.update({ closedLostOn: closedOn }, { where: { id, status: 'active', closedLostOn: null }, transaction });
  return n > 0;
}

/** Links a request to CRM records by their Salesforce Ids (the request's own reference columns). */
export async function setCrmRefs(
  requestId: number,
  refs: { opportunityRef: string | null; dealRegistrationRef: string | null },
  transaction: Transaction,
) {
  await PriceRequest.update(refs, { where: { id: requestId }, transaction });
}

/** BEC accounts with their externalRef (the Salesforce Id or external id they are matched by). */
export async function becAccounts(where: { ids?: number[]; types?: string[] }) {
  const rows = await Account.findAll({
    where: { ...(where.ids ? { id: where.ids } : {}), ...(where.types ? { type: where.types } : {}) },
    order: [['id', 'ASC']],
  });
  return rows.map((a) => ({ id: a.id, type: a.type, name: a.name, externalRef: a.externalRef }));
}
