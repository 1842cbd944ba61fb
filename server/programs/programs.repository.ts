import { Op, type Transaction } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { PROGRAM_LIST_FIELDS } from '../../core/programs/definition.js';
import { Account } from '../../models/accounts.js';
import { Authorization } from '../../models/authorizations.js';
import { Product } from '../../models/catalog.js';
import { Program, ProgramVersion } from '../../models/programs.js';
import { PriceRequest } from '../../models/requests.js';
import { RebateProgram } from '../../models/rebates.js';
import type { ProgramInput, ProgramPatch, ProgramVersionView, ProgramView } from './programs.schemas.js';

export { inTransaction, type Tx } from '../database.repository.js';

const list = <T>(text: string | null): T[] => (text ? (JSON.parse(text) as T[]) : []);

export const toProgramView = (p: Program): ProgramView => ({
  id: p.id,
  code: p.code,
  name: p.name,
  type: p.type,
  status: p.status,
  version: p.version,
  startDate: p.startDate,
  endDate: p.endDate,
  productIds: list(p.productIds),
  productFamilies: list(p.productFamilies),
  distributorIds: list(p.distributorIds),
  endCustomerIds: list(p.endCustomerIds),
  endCustomerCountries: list(p.endCustomerCountries),
  quantityCap: p.quantityCap,
  priceFloor: p.priceFloor === null ? null : moneyToString(moneyFromDb(p.priceFloor)),
  requiredClaimFields: list(p.requiredClaimFields),
  claimFilingWindowDays: p.claimFilingWindowDays,
});

/** The model's columns for some program fields: the lists as JSON text, a price floor as 4-dp text. */
function columns(input: Partial<ProgramInput>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  for (const key of PROGRAM_LIST_FIELDS) if (input[key] !== undefined) out[key] = JSON.stringify(input[key]);
  if (typeof input.priceFloor === 'string') out.priceFloor = moneyToString(moneyFromDb(input.priceFloor));
  return out;
}

async function addVersion(p: Program, changedByUserId: number, effectiveFrom: Date, transaction: Transaction) {
  await ProgramVersion.create(
    { programId: p.id, version: p.version, effectiveFrom, snapshot: JSON.stringify(toProgramView(p)), changedByUserId },
    { transaction },
  );
}

export async function createProgram(input: ProgramInput, createdByUserId: number, transaction: Transaction): Promise<ProgramView> {
  const p = await Program.create({ ...columns(input), version: 1, createdByUserId } as never, { transaction });
  await addVersion(p, createdByUserId, p.createdAt, transaction);
  return toProgramView(p);
}

export async function findProgram(id: number, transaction?: Transaction): Promise<ProgramView | null> {
  const p = await Program.findByPk(id, { transaction });
  return p ? toProgramView(p) : null;
}

export async function findProgramByCode(code: string): Promise<ProgramView | null> {
  const p = await Program.findOne({ where: { code } });
  return p ? toProgramView(p) : null;
}

export async function listPrograms(): Promise<ProgramView[]> {
  return (await Program.findAll({ order: [['code', 'ASC']] })).map(toProgramView);
}

/** True once a request or an authorization refers to the program: a change then makes a new version. */
export async function programInUse(id: number, transaction: Transaction): Promise<boolean> {
  const [requests, authorizations, rebateTerms] = await Promise.all([
    PriceRequest.count({ where: { programId: id }, transaction }),
    Authorization.count({ where: { programId: id }, transaction }),
    // A rebate program with terms accrues from its rules: a change is a new version, so a past day reads the old one.
    RebateProgram.count({ where: { programId: id }, transaction }),
  ]);
  return requests + authorizations + rebateTerms > 0;
}

/**
 * A program as it stood at the end of `day` (UTC): the latest version in force by then, or its first
 * version when the day is before it (a program's first rules apply from its start); null when no
 * such program exists.
 */
export async function findProgramAsOf(id: number, day: string): Promise<ProgramView | null> {
  const versions = await ProgramVersion.findAll({ where: { programId: id }, order: [['version', 'ASC']] });
  let held: ProgramVersion | undefined;
  for (const v of versions) if (!held || v.effectiveFrom.toISOString().slice(0, 10) <= day) held = v;
  return held ? (JSON.parse(held.snapshot) as ProgramView) : null;
}

/**
 * Applies a change. `newVersion`: the program is in use, so the change becomes version n + 1,
 * effective now, and version n keeps its rules; otherwise nothing refers to the current version
 * yet and it is corrected in place (its snapshot with it).
 */
export async function updateProgram(
  id: number,
  patch: ProgramPatch,
  changedByUserId: number,
  newVersion: boolean,
  transaction: Transaction,
): Promise<ProgramView | null> {
  const p = await Program.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
  if (!p) return null;
  await p.update({ ...columns(patch as Partial<ProgramInput>), ...(newVersion ? { version: p.version + 1 } : {}) } as never, {
    transaction,
  });
  if (newVersion) await addVersion(p, changedByUserId, new Date(), transaction);
  else
    await ProgramVersion.update(
      { snapshot: JSON.stringify(toProgramView(p)) },
      { where: { programId: id, version: p.version }, transaction },
    );
  return toProgramView(p);
}

/** Every version of a program, newest first, each with the instant the next one replaced it. */
export async function listVersions(programId: number): Promise<ProgramVersionView[]> {
  const rows = await ProgramVersion.findAll({ where: { programId }, order: [['version', 'DESC']] });
  return rows.map((v, i) => ({
    version: v.version,
    effectiveFrom: v.effectiveFrom.toISOString(),
    effectiveTo: i === 0 ? null : rows[i - 1]!.effectiveFrom.toISOString(),
    changedByUserId: v.changedByUserId,
    program: JSON.parse(v.snapshot) as ProgramVersionView['program'],
  }));
}

/** The ids among these that are not accounts of this type, and the products that do not exist. */
export async function unknownReferences(input: Pick<ProgramView, 'productIds' | 'distributorIds' | 'endCustomerIds'>) {
  const accounts = async (ids: number[], type: 'distributor' | 'end_customer') => {
    if (!ids.length) return [];
    const found = new Set((await Account.findAll({ where: { id: { [Op.in]: ids }, type }, attributes: ['id'] })).map((a) => a.id));
    return ids.filter((x) => !found.has(x));
  };
  const products = input.productIds.length
    ? new Set((await Product.findAll({ where: { id: { [Op.in]: input.productIds } }, attributes: ['id'] })).map((p) => p.id))
    : new Set<number>();
  return {
    productIds: input.productIds.filter((x) => !products.has(x)),
    distributorIds: await accounts(input.distributorIds, 'distributor'),
    endCustomerIds: await accounts(input.endCustomerIds, 'end_customer'),
  };
}

/** What a request's eligibility needs beyond the program: the end customer's country and each product's family. */
export async function eligibilityFacts(endCustomerId: number, productIds: number[]) {
  const [customer, products] = await Promise.all([
    Account.findByPk(endCustomerId, { attributes: ['id', 'country'] }),
    productIds.length ? Product.findAll({ where: { id: { [Op.in]: productIds } }, attributes: ['id', 'family'] }) : [],
  ]);
  return {
    endCustomerCountry: customer?.country ?? null,
    familyOf: new Map(products.map((p) => [p.id, p.family])),
  };
}
