/**
 * Master data (issue 15 item 1): products and the price book (list price, book cost per
 * distributor by effective date, distributor part numbers), end customers and resellers (with
 * merging of duplicates), distributors (currency, region, contacts, users). Every change is
 * audited in the transaction that makes it. The JSON API and the bulk loads (bulk.service.ts)
 * change data through these same functions.
 */
import type { AccountType } from '../../core/domain.js';
import { placeBookCost } from '../../core/masterdata/book-costs.js';
import { moneyToString, parseMoney } from '../../core/money.js';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Tx } from '../database.repository.js';
import { AppError, conflict, notFound } from '../errors.js';
import { listUsers } from '../users/users.repository.js';
import * as repo from './masterdata.repository.js';
import type { AccountRecord, ProductRecord } from './masterdata.repository.js';

export type Changer = Pick<Actor, 'userId' | 'role'>;
export type Change = 'create' | 'update' | 'unchanged';

const fieldError = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${message}`, 400, { errors: [{ field, message }] });
const money = (v: string | null | undefined) => (v === null || v === undefined ? v : moneyToString(parseMoney(v)));

/** Fields of `next` that differ from `before`, as {field: [before, after]}: what the audit keeps. */
function differences<T extends object>(before: T, next: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(next) as [keyof T, T[keyof T]][]) if (v !== undefined && before[k] !== v) out[k] = v;
  return out;
}

// ---- products

export interface ProductInput {
  vendorPartNumber: string;
  description: string;
  family?: string | null;
  listPrice?: string | null;
  currency?: string;
}

export const listProducts = repo.listProducts;

export async function getProduct(id: number) {
  const p = await repo.findProduct(id);
  if (!p) throw notFound('product');
  return p;
}

/** Creates a product, or with `upsert` (bulk loads) updates the one of that vendor part number. */
export async function saveProduct(
  actor: Changer,
  input: ProductInput,
  baseCurrency: string,
  t: Tx,
  upsert = false,
): Promise<[ProductRecord, Change]> {
  const existing = (await repo.productsByPart([input.vendorPartNumber], t)).get(input.vendorPartNumber.toLowerCase());
  if (existing && !upsert)
    throw conflict('PRODUCT_EXISTS', `a product with the part number ${existing.vendorPartNumber} exists already (id ${existing.id})`);
  if (existing) {
    const changes = differences(existing, { ...input, listPrice: money(input.listPrice) });
    if (!Object.keys(changes).length) return [existing, 'unchanged'];
    return [await changeProduct(actor, existing.id, changes, t), 'update'];
  }
  const created = await repo.createProduct(
    {
      vendorPartNumber: input.vendorPartNumber,
      description: input.description,
      family: input.family ?? null,
      listPrice: money(input.listPrice) ?? null,
      currency: input.currency ?? baseCurrency,
      active: true,
    },
    t,
  );
  await recordAudit(actor, { action: 'product.created', entityType: 'product', entityId: created.id, after: created }, t);
  return [created, 'create'];
}

export async function changeProduct(actor: Changer, id: number, patch: Partial<ProductRecord>, t: Tx): Promise<ProductRecord> {
  const before = await repo.findProduct(id, t);
  if (!before) throw notFound('product');
  if (patch.vendorPartNumber && patch.vendorPartNumber.toLowerCase() !== before.vendorPartNumber.toLowerCase()) {
    const other = (await repo.productsByPart([patch.vendorPartNumber], t)).get(patch.vendorPartNumber.toLowerCase());
    if (other) throw conflict('PRODUCT_EXISTS', `a product with the part number ${other.vendorPartNumber} exists already (id ${other.id})`);
  }
  const changes = differences(before, { ...patch, ...(patch.listPrice !== undefined ? { listPrice: money(patch.listPrice) } : {}) });
  if (!Object.keys(changes).length) return before;
  const after = await repo.updateProduct(id, changes, t);
  const action = changes.active === false ? 'product.deactivated' : changes.active === true ? 'product.reactivated' : 'product.updated';
  await recordAudit(actor, { action, entityType: 'product', entityId: id, before, after }, t);
  return after;
}

// ---- book costs

/** A book cost view: the product's part number and the distributor's currency beside the period. */
async function bookCostViews(rows: repo.BookCostRecord[]) {
  const products = new Map((await repo.listProducts({})).map((p) => [p.id, p]));
  const distributors = new Map((await repo.listAccounts({ types: ['distributor'], includeMerged: true })).map((a) => [a.id, a]));
  return rows.map((b) => ({
    ...b,
    vendorPartNumber: products.get(b.productId)?.vendorPartNumber ?? '',
    currency: distributors.get(b.distributorId)?.currency ?? '',
  }));
}

export async function listBookCosts(filter: { distributorId?: number; productId?: number }) {
  return bookCostViews(await repo.listBookCosts(filter));
}

async function requireDistributor(id: number, t?: Tx, field = 'distributorId'): Promise<AccountRecord> {
  const a = await repo.findAccount(id, t);
  if (!a || a.type !== 'distributor') throw fieldError(field, `no distributor has the id ${id}`);
  return a;
}

async function requireProduct(id: number, t?: Tx, field = 'productId'): Promise<ProductRecord> {
  const p = await repo.findProduct(id, t);
  if (!p) throw fieldError(field, `no product has the id ${id}`);
  return p;
}

/**
 * Puts a book cost on record from a day on: the period holding the day before ends then, and
 * the new one runs until the next period (or open-ended), so periods never overlap. The same
 * cost from the same day again changes nothing; another cost from the same day corrects it.
 */
export async function setBookCost(
  actor: Changer,
  input: { distributorId: number; productId: number; cost: string; effectiveFrom: string },
  t: Tx,
): Promise<[repo.BookCostRecord, Change]> {
  await requireDistributor(input.distributorId, t);
  await requireProduct(input.productId, t);
  const cost = moneyToString(parseMoney(input.cost));
  const periods = await repo.bookCostPeriods(input.distributorId, input.productId, t);
  const plan = placeBookCost(periods, cost, input.effectiveFrom);
  const audit = (action: string, entityId: number, before: unknown, after: unknown) =>
    recordAudit(actor, { action, entityType: 'book_cost', entityId, distributorId: input.distributorId, before, after }, t);
  if (plan.kind === 'unchanged') return [{ ...plan.period, distributorId: input.distributorId, productId: input.productId }, 'unchanged'];
  if (plan.kind === 'correct') {
    await repo.updateBookCost(plan.period.id, { cost }, t);
    const after = { ...plan.period, distributorId: input.distributorId, productId: input.productId, cost };
    await audit('book_cost.corrected', plan.period.id, plan.period, after);
    return [after, 'update'];
  }
  if (plan.close) {
    const before = periods.find((p) => p.id === plan.close!.id)!;
    await repo.updateBookCost(plan.close.id, { effectiveTo: plan.close.effectiveTo }, t);
    await audit('book_cost.closed', before.id, before, { ...before, effectiveTo: plan.close.effectiveTo });
  }
  const created = await repo.createBookCost(
    {
      distributorId: input.distributorId,
      productId: input.productId,
      cost,
      effectiveFrom: input.effectiveFrom,
      effectiveTo: plan.effectiveTo,
    },
    t,
  );
  await audit('book_cost.set', created.id, null, created);
  return [created, 'create'];
}

export async function bookCostView(row: repo.BookCostRecord) {
  return (await bookCostViews([row]))[0]!;
}

// ---- distributor part numbers

export async function listPartNumbers(filter: { distributorId?: number; productId?: number }) {
  const rows = await repo.listPartNumbers(filter);
  const products = new Map((await repo.listProducts({})).map((p) => [p.id, p.vendorPartNumber]));
  return rows.map((r) => ({ ...r, vendorPartNumber: products.get(r.productId) ?? '' }));
}

/**
 * Maps a distributor's part number to a product (one product per distributor part number). With
 * `upsert` (bulk loads) a part number mapped to another product is re-mapped; otherwise that is a 409.
 */
export async function setPartNumber(
  actor: Changer,
  input: { distributorId: number; distributorPartNumber: string; productId: number },
  t: Tx,
  upsert = false,
): Promise<[repo.PartNumberRecord, Change]> {
  await requireDistributor(input.distributorId, t);
  await requireProduct(input.productId, t);
  const existing = await repo.findPartNumber(input.distributorId, input.distributorPartNumber, t);
  if (existing?.productId === input.productId) return [existing, 'unchanged'];
  if (existing && !upsert)
    throw conflict(
      'PART_NUMBER_EXISTS',
      `the distributor's part ${input.distributorPartNumber} names product ${existing.productId} already`,
    );
  const audit = { entityType: 'part_number', distributorId: input.distributorId };
  if (existing) {
    await repo.updatePartNumber(existing.id, input.productId, t);
    const after = { ...existing, productId: input.productId };
    await recordAudit(actor, { ...audit, action: 'part_number.remapped', entityId: existing.id, before: existing, after }, t);
    return [after, 'update'];
  }
  const created = await repo.createPartNumber(input, t);
  await recordAudit(actor, { ...audit, action: 'part_number.created', entityId: created.id, after: created }, t);
  return [created, 'create'];
}

export async function removePartNumber(actor: Changer, id: number, t: Tx) {
  const existing = await repo.findPartNumberById(id, t);
  if (!existing) throw notFound('part number');
  await repo.deletePartNumber(id, t);
  await recordAudit(
    actor,
    { action: 'part_number.removed', entityType: 'part_number', entityId: id, distributorId: existing.distributorId, before: existing },
    t,
  );
}

// ---- end customers, resellers, distributors

export interface AccountInput {
  name: string;
  country?: string | null;
  region?: string | null;
  currency?: string;
  crmId?: string | null;
  externalRef?: string | null;
}

export const listAccounts = repo.listAccounts;

export async function getAccount(id: number, types: readonly AccountType[]) {
  const a = await repo.findAccount(id);
  if (!a || !types.includes(a.type)) throw notFound('account');
  return a;
}

/**
 * Creates an account of `type`, or with `upsert` (bulk loads) updates the one of the same name
 * (case and surrounding space ignored). A name taken by another account of the type is a 409.
 */
export async function saveAccount(
  actor: Changer,
  type: AccountType,
  input: AccountInput,
  baseCurrency: string,
  t: Tx,
  upsert = false,
): Promise<[AccountRecord, Change]> {
  const existing = (await repo.accountsByName(type, [input.name], t)).get(input.name.trim().toLowerCase());
  if (existing && !upsert) throw conflict('ACCOUNT_EXISTS', `${type} "${existing.name}" exists already (id ${existing.id})`);
  if (existing) {
    const changes = differences(existing, input as Partial<AccountRecord>);
    if (type !== 'distributor') delete changes.currency;
    if (!Object.keys(changes).length) return [existing, 'unchanged'];
    return [await changeAccount(actor, existing.id, [type], changes as Partial<AccountInput>, t), 'update'];
  }
  const created = await repo.createAccount(
    {
      type,
      name: input.name,
      country: input.country ?? null,
      region: input.region ?? null,
      currency: type === 'distributor' ? (input.currency ?? baseCurrency) : null,
      crmId: input.crmId ?? null,
      externalRef: input.externalRef ?? null,
    },
    t,
  );
  await recordAudit(
    actor,
    {
      action: `${type}.created`,
      entityType: 'account',
      entityId: created.id,
      distributorId: type === 'distributor' ? created.id : null,
      after: created,
    },
    t,
  );
  return [created, 'create'];
}

export async function changeAccount(
  actor: Changer,
  id: number,
  types: readonly AccountType[],
  patch: AccountInput | Partial<AccountInput>,
  t: Tx,
) {
  const before = await repo.findAccount(id, t);
  if (!before || !types.includes(before.type)) throw notFound('account');
  if (before.mergedIntoId !== null)
    throw conflict('ACCOUNT_MERGED', `account ${id} was merged into ${before.mergedIntoId}: change the survivor`);
  if (patch.name && patch.name.trim().toLowerCase() !== before.name.trim().toLowerCase()) {
    const other = (await repo.accountsByName(before.type, [patch.name], t)).get(patch.name.trim().toLowerCase());
    if (other) throw conflict('ACCOUNT_EXISTS', `${before.type} "${other.name}" exists already (id ${other.id})`);
  }
  const changes = differences(before, patch as Partial<AccountRecord>);
  if (before.type !== 'distributor') delete changes.currency;
  if (!Object.keys(changes).length) return before;
  if (changes.currency !== undefined && (await repo.distributorFigures(id, t)) > 0)
    throw conflict(
      'CURRENCY_IN_USE',
      `distributor ${id} has book costs, authorizations or claims in ${before.currency}: its currency stays`,
    );
  const after = await repo.updateAccount(id, changes as Partial<AccountInput>, t);
  await recordAudit(
    actor,
    {
      action: `${before.type}.updated`,
      entityType: 'account',
      entityId: id,
      distributorId: before.type === 'distributor' ? id : null,
      before,
      after,
    },
    t,
  );
  return after;
}

/**
 * Merges a duplicate end customer or reseller (`loserId`) into `survivorId`: every request,
 * authorization, authorization line, POS line and claim line that named the loser names the
 * survivor, and programs that listed it list the survivor, in one transaction. The loser is kept,
 * marked merged into the survivor, for the audit trail; it cannot be merged or changed again.
 * Claim and POS lines keep the end customer name they were judged on.
 */
export async function mergeAccount(actor: Changer, loserId: number, survivorId: number, reason: string | undefined, t: Tx) {
  const loser = await repo.findAccount(loserId, t);
  if (!loser || (loser.type !== 'end_customer' && loser.type !== 'reseller')) throw notFound('account');
  if (loser.mergedIntoId !== null) throw conflict('ACCOUNT_MERGED', `account ${loserId} was merged into ${loser.mergedIntoId} already`);
  if (survivorId === loserId) throw fieldError('intoId', 'an account cannot be merged into itself');
  const survivor = await repo.findAccount(survivorId, t);
  if (!survivor || survivor.type !== loser.type) throw fieldError('intoId', `no ${loser.type} has the id ${survivorId}`);
  if (survivor.mergedIntoId !== null)
    throw fieldError('intoId', `account ${survivorId} was merged into ${survivor.mergedIntoId}: merge into that one`);
  const repointed = await repo.repointAccount(loserId, survivorId, t);
  const merged = await repo.updateAccount(loserId, { mergedIntoId: survivorId, mergedAt: new Date() }, t);
  await recordAudit(
    actor,
    {
      action: `${loser.type}.merged`,
      entityType: 'account',
      entityId: loserId,
      before: loser,
      after: { ...merged, survivor, repointed },
      reason,
    },
    t,
  );
  return { merged, survivor, repointed };
}

// ---- distributors: contacts and users

export async function distributorDetail(id: number) {
  const d = await getAccount(id, ['distributor']);
  const users = await listUsers({ distributorId: id, offset: 0, limit: 500 });
  return {
    ...d,
    contacts: await repo.listContacts(id),
    users: users.items.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active })),
  };
}

export async function addContact(
  actor: Changer,
  distributorId: number,
  input: { name: string; email: string; role?: string | null },
  t: Tx,
) {
  await getAccount(distributorId, ['distributor']);
  const email = input.email.toLowerCase();
  if (await repo.contactByEmail(distributorId, email, t))
    throw conflict('CONTACT_EXISTS', `${email} is a contact of this distributor already`);
  const created = await repo.createContact({ distributorId, name: input.name, email, role: input.role ?? null }, t);
  await recordAudit(
    actor,
    { action: 'distributor_contact.added', entityType: 'distributor_contact', entityId: created.id, distributorId, after: created },
    t,
  );
  return created;
}

export async function removeContact(actor: Changer, distributorId: number, contactId: number, t: Tx) {
  const contact = await repo.findContact(distributorId, contactId, t);
  if (!contact) throw notFound('contact');
  await repo.deleteContact(contactId, t);
  await recordAudit(
    actor,
    { action: 'distributor_contact.removed', entityType: 'distributor_contact', entityId: contactId, distributorId, before: contact },
    t,
  );
}

export { inTransaction } from './masterdata.repository.js';
