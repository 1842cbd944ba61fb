import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Program } from '../../models/programs.js';
import type { ProgramInput, ProgramPatch, ProgramView } from './programs.schemas.js';

export const toProgramView = (p: Program): ProgramView => ({
  id: p.id,
  code: p.code,
  name: p.name,
  type: p.type,
  status: p.status,
  startDate: p.startDate,
  endDate: p.endDate,
  productIds: JSON.parse(p.productIds),
  distributorIds: JSON.parse(p.distributorIds),
  endCustomerIds: JSON.parse(p.endCustomerIds),
  quantityCap: p.quantityCap,
  priceFloor: p.priceFloor === null ? null : moneyToString(moneyFromDb(p.priceFloor)),
  requiredClaimFields: JSON.parse(p.requiredClaimFields),
});

const columns = (input: Partial<ProgramInput>) => ({
  ...input,
  ...(input.productIds ? { productIds: JSON.stringify(input.productIds) } : {}),
  ...(input.distributorIds ? { distributorIds: JSON.stringify(input.distributorIds) } : {}),
  ...(input.endCustomerIds ? { endCustomerIds: JSON.stringify(input.endCustomerIds) } : {}),
  ...(input.requiredClaimFields ? { requiredClaimFields: JSON.stringify(input.requiredClaimFields) } : {}),
});

export async function createProgram(input: ProgramInput, createdByUserId: number): Promise<ProgramView> {
  const p = await Program.create({ ...(columns(input) as Required<ReturnType<typeof columns>> & ProgramInput), createdByUserId } as never);
  return toProgramView(p);
}

export async function findProgram(id: number): Promise<ProgramView | null> {
  const p = await Program.findByPk(id);
  return p ? toProgramView(p) : null;
}

export async function findProgramByCode(code: string): Promise<ProgramView | null> {
  const p = await Program.findOne({ where: { code } });
  return p ? toProgramView(p) : null;
}

export async function listPrograms(): Promise<ProgramView[]> {
  return (await Program.findAll({ order: [['code', 'ASC']] })).map(toProgramView);
}

export async function updateProgram(id: number, patch: ProgramPatch): Promise<ProgramView | null> {
  const p = await Program.findByPk(id);
  if (!p) return null;
  await p.update(columns(patch as Partial<ProgramInput>) as never);
  return toProgramView(p);
}
