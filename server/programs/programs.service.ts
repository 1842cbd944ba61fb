import { checkProgramDefinition } from '../../core/programs/definition.js';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, conflict, notFound, type FieldError } from '../errors.js';
import * as repo from './programs.repository.js';
import type { ProgramInput, ProgramPatch, ProgramView } from './programs.schemas.js';

/** A distributor sees the programs it is eligible for; vendor roles see all. */
const visibleTo = (actor: Actor, p: ProgramView) =>
  actor.role !== 'distributor_user' || p.distributorIds.length === 0 || p.distributorIds.includes(actor.distributorId ?? -1);

const invalid = (errors: FieldError[]) =>
  new AppError('VALIDATION_FAILED', `invalid program: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, 400, { errors });

/** Ids that name nothing of the right kind: 422, each naming its list position. */
async function checkReferences(p: Pick<ProgramView, 'productIds' | 'distributorIds' | 'endCustomerIds'>) {
  const unknown = await repo.unknownReferences(p);
  const errors: FieldError[] = [];
  const what = { productIds: 'no such product', distributorIds: 'no such distributor', endCustomerIds: 'no such end customer' };
  for (const field of ['productIds', 'distributorIds', 'endCustomerIds'] as const) {
    for (const id of unknown[field]) errors.push({ field: `${field}.${p[field].indexOf(id)}`, message: `${what[field]} (${id})` });
  }
  if (errors.length) {
    throw new AppError('UNKNOWN_REFERENCE', `the program names what does not exist: ${errors.map((e) => e.message).join('; ')}`, 422, {
      errors,
    });
  }
}

export async function listPrograms(actor: Actor) {
  return (await repo.listPrograms()).filter((p) => visibleTo(actor, p));
}

export async function getProgram(actor: Actor, id: number) {
  const p = await repo.findProgram(id);
  if (!p || !visibleTo(actor, p)) throw notFound('program');
  return p;
}

/** Every version of a program, newest first: whoever sees the program sees its history. */
export async function listVersions(actor: Actor, id: number) {
  await getProgram(actor, id);
  return repo.listVersions(id);
}

export async function createProgram(actor: Actor, input: ProgramInput) {
  if (await repo.findProgramByCode(input.code)) throw conflict('PROGRAM_CODE_TAKEN', `program code ${input.code} is already used`);
  await checkReferences(input);
  return repo.inTransaction(async (t) => {
    const p = await repo.createProgram(input, actor.userId, t);
    await recordAudit(actor, { action: 'program.created', entityType: 'program', entityId: p.id, after: p }, t);
    return p;
  });
}

/**
 * Changes a program. Once requests or authorizations use it, the change is a new version effective
 * now (audited as `program.versioned`); before that, the one version is corrected (`program.updated`).
 * The merged program is checked as a whole, so a new end date is compared with the kept start date.
 */
export async function updateProgram(actor: Actor, id: number, patch: ProgramPatch) {
  const current = await repo.findProgram(id);
  if (!current) throw notFound('program');
  const merged = { ...current, ...patch };
  const problems = checkProgramDefinition(merged);
  if (problems.length) throw invalid(problems);
  await checkReferences(merged);
  return repo.inTransaction(async (t) => {
    const before = (await repo.findProgram(id, t))!;
    const newVersion = await repo.programInUse(id, t);
    const after = (await repo.updateProgram(id, patch, actor.userId, newVersion, t))!;
    await recordAudit(
      actor,
      { action: newVersion ? 'program.versioned' : 'program.updated', entityType: 'program', entityId: id, before, after },
      t,
    );
    return after;
  });
}
