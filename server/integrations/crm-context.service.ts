/**
 * The CRM context of an approval: the linked opportunity and deal registration (by the Ids on the
 * request, else suggested by end-customer account, distributor and product), the price history of
 * each product for that end customer, and the flags an approver must see.
 */
import { Money, parseMoney } from '../../core/money.js';
import * as crm from '../../integrations/salesforce/crm.repository.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, notFound } from '../errors.js';
import * as repo from './crm-context.repository.js';

export type FlagCode = 'NO_REGISTERED_DEAL' | 'PRICE_BELOW_FLOOR' | 'CLOSED_LOST_OPPORTUNITY';
export interface Flag {
  code: FlagCode;
  message: string;
  lineId?: number;
}

export interface CrmLink {
  /** request: the Ids on the request; suggested: matched by account, distributor and product. */
  linkedBy: 'request' | 'suggested' | null;
  /** Whether the link is sure enough to write back to and to expire on (never a tie between candidates). */
  confident: boolean;
  opportunity: (Omit<crm.OpportunityRow, 'systemModstamp'> & { accountName: string | null; systemModstamp: string }) | null;
  dealRegistration: (Omit<crm.DealRegistrationRow, 'systemModstamp'> & { endCustomerName: string | null; systemModstamp: string }) | null;
  /** Other candidates the approver could pick (Ids only). */
  alternatives: { opportunities: string[]; dealRegistrations: string[] };
  /** The end customer's won opportunities: design wins already in production. */
  designWins: { sfId: string; name: string; stageName: string; amount: string | null; closeDate: string | null }[];
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
const codesOf = (d: crm.DealRegistrationRow) =>
  (d.productCodes ?? '')
    .split(/[;,\s]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
const APPROVED_REGISTRATION = new Set(['approved', 'registered', 'accepted']);

/** Resolves the CRM link of one request. */
export async function resolveLink(r: repo.RequestForContext): Promise<CrmLink> {
  let opportunity: crm.OpportunityRow | null = null;
  let dealRegistration: crm.DealRegistrationRow | null = null;
  let linkedBy: CrmLink['linkedBy'] = null;
  let designWins: CrmLink['designWins'] = [];
  const customerAccounts = (await crm.liveAccountsNamed(r.endCustomer.name)).map((a) => a.sfId);
  let confident = false;
  const alternatives = { opportunities: [] as string[], dealRegistrations: [] as string[] };

  if (r.dealRegistrationRef || r.opportunityRef) {
    linkedBy = 'request';
    confident = true;
    if (r.dealRegistrationRef) [dealRegistration = null] = await crm.dealRegistrationsBySfId([r.dealRegistrationRef]);
    const oppId = r.opportunityRef ?? dealRegistration?.opportunitySfId ?? null;
    if (oppId) [opportunity = null] = await crm.opportunitiesBySfId([oppId]);
  } else {
    const accounts = customerAccounts;
    const skus = new Set(r.lines.map((l) => l.vendorPartNumber.toUpperCase()));
    const registrations = await crm.dealRegistrationsOf(accounts);
    // Another distributor's registration, or one for other products, is not this deal's.
    const fits = (d: crm.DealRegistrationRow) =>
      (!d.distributorName || norm(d.distributorName) === norm(r.distributor.name)) &&
      (!codesOf(d).length || codesOf(d).some((c) => skus.has(c)));
    const score = (d: crm.DealRegistrationRow) =>
      codesOf(d).filter((c) => skus.has(c)).length * 2 + (APPROVED_REGISTRATION.has(norm(d.status)) ? 1 : 0);
    const candidates = registrations.filter(fits).sort((a, b) => score(b) - score(a));
    const foreignOpportunities = new Set(registrations.filter((d) => !fits(d)).map((d) => d.opportunitySfId));
    if (candidates.length) {
      dealRegistration = candidates[0];
      confident = candidates.length === 1 || score(candidates[0]) > score(candidates[1]);
      alternatives.dealRegistrations = candidates.slice(1).map((d) => d.sfId);
      if (dealRegistration.opportunitySfId) [opportunity = null] = await crm.opportunitiesBySfId([dealRegistration.opportunitySfId]);
    }
    if (!opportunity) {
      const opportunities = (await crm.opportunitiesOf(accounts)).filter((o) => !foreignOpportunities.has(o.sfId));
      // Open opportunities first, then the most recently changed.
      opportunities.sort((a, b) => Number(a.isClosed) - Number(b.isClosed) || b.systemModstamp.getTime() - a.systemModstamp.getTime());
      if (opportunities.length) {
        opportunity = opportunities[0];
        if (!dealRegistration) confident = opportunities.length === 1;
        alternatives.opportunities = opportunities.slice(1).map((o) => o.sfId);
      }
    }
    if (opportunity || dealRegistration) linkedBy = 'suggested';
  }
  designWins = (await crm.opportunitiesOf(customerAccounts))
    .filter((o) => o.isWon)
    .map((o) => ({ sfId: o.sfId, name: o.name, stageName: o.stageName, amount: o.amount, closeDate: o.closeDate }));

  const names = new Map(
    (await crm.accountsBySfId([opportunity?.accountSfId, dealRegistration?.endCustomerSfId].filter((x): x is string => !!x))).map((a) => [
      a.sfId,
      a.name,
    ]),
  );
  return {
    linkedBy,
    confident,
    opportunity: opportunity && {
      ...opportunity,
      systemModstamp: opportunity.systemModstamp.toISOString(),
      accountName: names.get(opportunity.accountSfId ?? '') ?? null,
    },
    dealRegistration: dealRegistration && {
      ...dealRegistration,
      systemModstamp: dealRegistration.systemModstamp.toISOString(),
      endCustomerName: names.get(dealRegistration.endCustomerSfId ?? '') ?? null,
    },
    alternatives,
    designWins,
  };
}

export function flagsOf(r: repo.RequestForContext, link: CrmLink, today = new Date().toISOString().slice(0, 10)): Flag[] {
  const flags: Flag[] = [];
  const d = link.dealRegistration;
  if (!d || d.isDeleted)
    flags.push({ code: 'NO_REGISTERED_DEAL', message: 'no deal registration in the CRM for this end customer, distributor and product' });
  else if (!APPROVED_REGISTRATION.has(norm(d.status)))
    flags.push({ code: 'NO_REGISTERED_DEAL', message: `deal registration ${d.name} is ${d.status ?? 'without status'}, not approved` });
  else if (d.expiresOn && d.expiresOn < today)
    flags.push({ code: 'NO_REGISTERED_DEAL', message: `deal registration ${d.name} expired on ${d.expiresOn}` });
  if (r.priceFloor !== null) {
    const floor = parseMoney(r.priceFloor);
    for (const l of r.lines) {
      const cost: Money = parseMoney(l.counterCost ?? l.requestedCost);
      if (cost.lt(floor))
        flags.push({
          code: 'PRICE_BELOW_FLOOR',
          lineId: l.id,
          message: `${l.vendorPartNumber} at ${l.counterCost ?? l.requestedCost} is below the program floor ${r.priceFloor}`,
        });
    }
  }
  const o = link.opportunity;
  if (o && o.isClosed && !o.isWon) flags.push({ code: 'CLOSED_LOST_OPPORTUNITY', message: `opportunity "${o.name}" is ${o.stageName}` });
  return flags;
}

export async function contextOf(actor: Actor, r: repo.RequestForContext, lastSyncAt: string | null) {
  const link = await resolveLink(r);
  const scope = scopeOf(actor);
  const priceHistory = [];
  for (const productId of [...new Set(r.lines.map((l) => l.productId))]) {
    const h = await repo.priceHistory(scope, productId, r.endCustomer, r.id);
    priceHistory.push({ productId, vendorPartNumber: r.lines.find((l) => l.productId === productId)!.vendorPartNumber, ...h });
  }
  return { request: r, crm: { ...link, lastSyncAt }, priceHistory, flags: flagsOf(r, link) };
}

export async function requestContext(actor: Actor, id: number) {
  const [r] = await repo.requestsForContext(scopeOf(actor), { id });
  if (!r) throw notFound('request');
  return contextOf(actor, r, await repo.lastSuccessfulSyncAt());
}

/** Every request waiting for a decision, each with its CRM context and flags. */
export async function approvalQueue(actor: Actor) {
  const requests = await repo.requestsForContext(scopeOf(actor), { statuses: ['pending'] });
  const lastSyncAt = await repo.lastSuccessfulSyncAt();
  const items = [];
  for (const r of requests) items.push(await contextOf(actor, r, lastSyncAt));
  return { items, total: items.length };
}

/**
 * Links a request to an opportunity and/or deal registration by Salesforce Id (the approver
 * confirms a suggestion or picks another); null clears a link. Audited with before and after.
 */
export async function linkRequest(actor: Actor, id: number, ids: { opportunityId: string | null; dealRegistrationId: string | null }) {
  const [r] = await repo.requestsForContext(scopeOf(actor), { id });
  if (!r) throw notFound('request');
  const errors: { field: string; message: string }[] = [];
  if (ids.opportunityId && !(await crm.opportunitiesBySfId([ids.opportunityId])).some((o) => !o.isDeleted)) {
    errors.push({ field: 'opportunityId', message: 'no such opportunity in the synced CRM data' });
  }
  if (ids.dealRegistrationId && !(await crm.dealRegistrationsBySfId([ids.dealRegistrationId])).some((d) => !d.isDeleted)) {
    errors.push({ field: 'dealRegistrationId', message: 'no such deal registration in the synced CRM data' });
  }
  if (errors.length) throw new AppError('UNKNOWN_CRM_RECORD', 'the CRM link names records that are not synced', 422, { errors });
  const before = { opportunityRef: r.opportunityRef, dealRegistrationRef: r.dealRegistrationRef };
  const after = { opportunityRef: ids.opportunityId, dealRegistrationRef: ids.dealRegistrationId };
  await repo.inTransaction(async (t) => {
    await repo.setCrmRefs(id, after, t);
    await recordAudit(
      actor,
      { action: 'request.crm_linked', entityType: 'price_request', entityId: id, distributorId: r.distributor.id, before, after },
      t,
    );
  });
  return requestContext(actor, id);
}
