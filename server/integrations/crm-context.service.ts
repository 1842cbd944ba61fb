/**
 * The CRM context of an approval: the linked opportunity and deal registration (by the Ids on the
 * request, else suggested by end-customer account, distributor and product), the price history of
 * each product for that end customer, and the flags an approver must see.
 */
import { Money, parseMoney } from '../../core/money.js';
import { lineFlags, type LineFlag } from '../../core/requests/line-flags.js';
import * as crm from '../../integrations/salesforce/crm.repository.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, notFound } from '../errors.js';
import * as repo from './crm-context.repository.js';
import type { ContextFlagCode } from './crm-context.schemas.js';

export type FlagCode = ContextFlagCode;
export interface Flag {
  code: FlagCode;
  message: string;
  lineId?: number;
}

export interface CrmLink {
  /**
   * request: the Ids on the request; matched: found through accounts linked by Id (and a deal
   * registration whose distributor lookup is the request's distributor); suggested: a name was
   * involved (an account or distributor matched by name), shown to a person but never acted on.
   */
  linkedBy: 'request' | 'matched' | 'suggested' | null;
  /** Whether the link is sure enough to write back to (Ids, never a name, never a tie between candidates). */
  confident: boolean;
  opportunity: (Omit<crm.OpportunityRow, 'systemModstamp'> & { accountName: string | null; systemModstamp: string }) | null;
  dealRegistration: (Omit<crm.DealRegistrationRow, 'systemModstamp'> & { endCustomerName: string | null; systemModstamp: string }) | null;
  /** Other candidates the approver could pick (Ids only). */
  alternatives: { opportunities: string[]; dealRegistrations: string[] };
  /** The end customer's won opportunities: design wins already in production. */
  designWins: { sfId: string; name: string; stageName: string; amount: string | null; currency: string | null; closeDate: string | null }[];
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
const codesOf = (d: crm.DealRegistrationRow) =>
  (d.productCodes ?? '')
    .split(/[;,\s]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
const APPROVED_REGISTRATION = new Set(['approved', 'registered', 'accepted']);

/** The Salesforce Accounts of the request's end customer and distributor: by Id when linked, else by name (a suggestion). */
async function accountsOf(r: repo.RequestForContext) {
  const bec = await repo.becAccounts({ ids: [r.endCustomer.id, r.distributor.id] });
  const linked = await crm.linkedCrmAccounts(bec.map((a) => ({ id: a.id, externalRef: a.externalRef })));
  const customerById = (linked.get(r.endCustomer.id) ?? []).map((a) => a.sfId);
  const distributorById = (linked.get(r.distributor.id) ?? []).map((a) => a.sfId);
  if (customerById.length) return { customer: customerById, distributor: distributorById, byName: false };
  const rejected = await crm.rejectedPairs([r.endCustomer.id]);
  const customer = (await crm.liveAccountsNamed(r.endCustomer.name))
    .filter((a) => !rejected.has(`${r.endCustomer.id}:${a.sfId}`))
    .map((a) => a.sfId);
  return { customer, distributor: distributorById, byName: true };
}

/** Resolves the CRM link of one request. */
export async function resolveLink(r: repo.RequestForContext): Promise<CrmLink> {
  let opportunity: crm.OpportunityRow | null = null;
  let dealRegistration: crm.DealRegistrationRow | null = null;
  let linkedBy: CrmLink['linkedBy'] = null;
  const accounts = await accountsOf(r);
  let confident = false;
  const alternatives = { opportunities: [] as string[], dealRegistrations: [] as string[] };

  if (r.dealRegistrationRef || r.opportunityRef) {
    linkedBy = 'request';
    confident = true;
    if (r.dealRegistrationRef) [dealRegistration = null] = await crm.dealRegistrationsBySfId([r.dealRegistrationRef]);
    const oppId = r.opportunityRef ?? dealRegistration?.opportunitySfId ?? null;
    if (oppId) [opportunity = null] = await crm.opportunitiesBySfId([oppId]);
  } else {
    let byName = accounts.byName;
    const skus = new Set(r.lines.map((l) => l.vendorPartNumber.toUpperCase()));
    const registrations = await crm.dealRegistrationsOf(accounts.customer);
    const lookups = registrations.map((d) => d.distributorName).filter(crm.looksLikeSfId);
    const lookupNames = new Map((await crm.accountsBySfId([...new Set(lookups)])).map((a) => [a.sfId, a.name]));
    // The distributor of a registration: a lookup (an Account Id) must be the request's distributor's
    // linked Account; an Account not linked yet, or a text name (an older org), only makes a suggestion.
    const distributorFits = (d: crm.DealRegistrationRow): 'id' | 'name' | false => {
      const v = d.distributorName;
      if (!v) return 'id';
      if (crm.looksLikeSfId(v) && accounts.distributor.some((id) => crm.sameSfId(id, v))) return 'id';
      if (crm.looksLikeSfId(v) && accounts.distributor.length) return false;
      return norm(lookupNames.get(v) ?? v) === norm(r.distributor.name) ? 'name' : false;
    };
    const fits = (d: crm.DealRegistrationRow) =>
      distributorFits(d) !== false && (!codesOf(d).length || codesOf(d).some((c) => skus.has(c)));
    const score = (d: crm.DealRegistrationRow) =>
      codesOf(d).filter((c) => skus.has(c)).length * 2 + (APPROVED_REGISTRATION.has(norm(d.status)) ? 1 : 0);
    const candidates = registrations.filter(fits).sort((a, b) => score(b) - score(a));
    const foreignOpportunities = new Set(registrations.filter((d) => !fits(d)).map((d) => d.opportunitySfId));
    if (candidates.length) {
      dealRegistration = candidates[0];
      if (distributorFits(dealRegistration) === 'name') byName = true;
      confident = candidates.length === 1 || score(candidates[0]) > score(candidates[1]);
      alternatives.dealRegistrations = candidates.slice(1).map((d) => d.sfId);
      if (dealRegistration.opportunitySfId) [opportunity = null] = await crm.opportunitiesBySfId([dealRegistration.opportunitySfId]);
    }
    if (!opportunity) {
      const opportunities = (await crm.opportunitiesOf(accounts.customer)).filter((o) => !foreignOpportunities.has(o.sfId));
      // Open opportunities first, then the most recently changed.
      opportunities.sort((a, b) => Number(a.isClosed) - Number(b.isClosed) || b.systemModstamp.getTime() - a.systemModstamp.getTime());
      if (opportunities.length) {
        opportunity = opportunities[0];
        if (!dealRegistration) confident = opportunities.length === 1;
        alternatives.opportunities = opportunities.slice(1).map((o) => o.sfId);
      }
    }
    if (opportunity || dealRegistration) linkedBy = byName ? 'suggested' : 'matched';
    // A name is a suggestion for a person to confirm, never enough to act on.
    if (byName) confident = false;
  }
  const designWins = (await crm.opportunitiesOf(accounts.customer))
    .filter((o) => o.isWon)
    .map((o) => ({ sfId: o.sfId, name: o.name, stageName: o.stageName, amount: o.amount, currency: o.currency, closeDate: o.closeDate }));

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

type ContextLine = repo.RequestForContext['lines'][number];
/** The words of each line flag (a new flag in core does not compile until it has its own). */
const LINE_FLAG_MESSAGES: Record<LineFlag, (l: ContextLine) => string> = {
  PRICE_AT_OR_ABOVE_BOOK_COST: (l) =>
    `${l.vendorPartNumber} at ${l.requestedCost} is at or above the book cost ${l.bookCost}: an authorization at that cost recovers nothing`,
  COUNTER_AT_OR_ABOVE_BOOK_COST: (l) =>
    `${l.vendorPartNumber} countered at ${l.counterCost} is at or above the book cost ${l.bookCost}: the distributor could claim nothing under it`,
};

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
  // The request API's line flags, from the same rule (core/requests/line-flags.ts), said for a person.
  for (const l of r.lines) for (const code of lineFlags(l)) flags.push({ code, lineId: l.id, message: LINE_FLAG_MESSAGES[code](l) });
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

// ---- account suggestions -------------------------------------------------------------------------

/**
 * BEC end customers and distributors not yet linked to a Salesforce Account by Id, each with the
 * live Accounts of the same name: a suggestion for a person to confirm or reject.
 */
export async function accountSuggestions() {
  const bec = await repo.becAccounts({ types: ['end_customer', 'distributor'] });
  const linked = await crm.linkedCrmAccounts(bec);
  const unlinked = bec.filter((a) => !linked.get(a.id)?.length);
  const rejected = await crm.rejectedPairs(unlinked.map((a) => a.id));
  const byName = new Map<string, crm.AccountRow[]>();
  for (const c of await crm.liveAccountsNamedAny(unlinked.map((a) => a.name))) {
    byName.set(norm(c.name), [...(byName.get(norm(c.name)) ?? []), c]);
  }
  const items = unlinked.flatMap((a) =>
    (byName.get(norm(a.name)) ?? [])
      .filter((c) => !rejected.has(`${a.id}:${c.sfId}`))
      .map((c) => ({
        account: { id: a.id, type: a.type, name: a.name },
        crmAccount: { sfId: c.sfId, name: c.name, externalId: c.externalId },
      })),
  );
  return { items, total: items.length };
}

/** Confirms (the Account is this BEC account) or rejects (never suggest it again) a suggestion; audited. */
export async function decideAccountLink(actor: Actor, input: { accountId: number; sfId: string; decision: 'confirm' | 'reject' }) {
  const errors: { field: string; message: string }[] = [];
  const [account] = await repo.becAccounts({ ids: [input.accountId], types: ['end_customer', 'distributor'] });
  if (!account) errors.push({ field: 'accountId', message: 'no such end customer or distributor' });
  const [crmAccount] = await crm.accountsBySfId([input.sfId]);
  if (!crmAccount || crmAccount.isDeleted) errors.push({ field: 'sfId', message: 'no such Account in the synced CRM data' });
  if (errors.length) throw new AppError('UNKNOWN_ACCOUNT', 'the link names an account that does not exist', 422, { errors });
  const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
  const before = await crm.accountLinkOf(input.accountId, crmAccount.sfId);
  await repo.inTransaction(async (t) => {
    await crm.saveAccountLink({ accountId: input.accountId, sfId: crmAccount.sfId, status, decidedByUserId: actor.userId }, t);
    await recordAudit(
      actor,
      {
        action: `salesforce.account_link_${status}`,
        entityType: 'account',
        entityId: input.accountId,
        distributorId: account.type === 'distributor' ? account.id : null,
        before: before ? { sfId: crmAccount.sfId, status: before.status } : null,
        after: { sfId: crmAccount.sfId, crmAccountName: crmAccount.name, status },
      },
      t,
    );
  });
  return { accountId: input.accountId, sfId: crmAccount.sfId, status };
}
