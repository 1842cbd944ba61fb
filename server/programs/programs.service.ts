import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, conflict, notFound } from '../errors.js';
import * as repo from './programs.repository.js';
import type { ProgramInput, ProgramPatch, ProgramView } from './programs.schemas.js';

/** A distributor sees the programs it is eligible for; vendor roles see all. */
const visibleTo = (actor: Actor, p: ProgramView) =>
  actor.role !== 'distributor_user' || p.distributorIds.length === 0 || p.distributorIds.includes(actor.distributorId ?? -1);

export async function listPrograms(actor: Actor) {
  return (await repo.listPrograms()).filter((p) => visibleTo(actor, p));
}

export async function getProgram(actor: Actor, id: number) {
  const p = await repo.findProgram(id);
  if (!p || !visibleTo(actor, p)) throw notFound('program');
  return p;
}

export async function createProgram(actor: Actor, input: ProgramInput) {
  if (await repo.findProgramByCode(input.code)) throw conflict('PROGRAM_CODE_TAKEN', `program code ${input.code} is already used`);
  const p = await repo.createProgram(input, actor.userId);
  await recordAudit(actor, { action: 'program.created', entityType: 'program', entityId: p.id, after: p });
  return p;
}

export async function updateProgram(actor: Actor, id: number, patch: ProgramPatch) {
  const before = await repo.findProgram(id);
  if (!before) throw notFound('program');
  if (patch.endDate && patch.endDate < before.startDate) {
    throw new AppError('VALIDATION_FAILED', 'endDate is before startDate', 400, {
      errors: [{ field: 'endDate', message: 'before startDate' }],
    });
  }
  const after = (await repo.updateProgram(id, patch))!;
  await recordAudit(actor, { action: 'program.updated', entityType: 'program', entityId: id, before, after });
  return after;
}
