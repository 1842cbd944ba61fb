/**
 * Authorization changes (issue 15 item 5): amend (cost, quantity), extend (dates), cancel. A
 * change is asked as a change request (requests.service.ts `requestChange`), routed and decided
 * like any request; once approved, `applyChange` writes the authorization's next version here.
 */
import { moneyToString, parseMoney } from '../../core/money.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, conflict, notFound } from '../errors.js';
import { releaseCancelledAuthorization } from '../settlement/settlement.service.js';
import * as repo from './authorizations.repository.js';
import type { Tx } from '../database.repository.js';

export type ChangeKind = 'amend' | 'extend' | 'cancel';
export const CHANGE_NAMES = { amend: 'amended', extend: 'extended', cancel: 'cancelled' } as const;

export interface ChangeInput {
  kind: ChangeKind;
  /** amend, cancel: the first invoice day the change applies to (today by default) */
  effectiveFrom?: string;
  /** extend: the new validity (validFrom defaults to the current one) */
  validFrom?: string;
  validTo?: string;
  /** amend: the lines it changes */
  lines?: { lineId: number; authorizedCost?: string; approvedQuantity?: number }[];
}

type Current = NonNullable<Awaited<ReturnType<typeof repo.authorizationForChange>>>;

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${message}`, 400, { errors: [{ field, message }] });

/**
 * The authorization's next state under a change, checked against what it is now: only an active
 * authorization changes; a quantity is never amended below what was already claimed (409
 * QUANTITY_BELOW_CLAIMED naming the line). Checked when the change is asked and again when applied.
 */
export function proposedState(current: Current, change: ChangeInput, today: string) {
  if (current.status !== 'active')
    throw conflict('AUTHORIZATION_NOT_ACTIVE', `authorization ${current.number} is ${current.status}: it cannot be changed`);
  let validFrom = current.validFrom;
  let validTo = current.validTo;
  const lines = current.lines.map((l) => ({ ...l }));
  let effectiveFrom = change.effectiveFrom ?? today;
  if (change.kind === 'amend') {
    if (!change.lines?.length) throw invalid('lines', 'an amendment names at least one line');
    change.lines.forEach((c, i) => {
      const line = lines.find((l) => l.id === c.lineId);
      if (!line) throw invalid(`lines.${i}.lineId`, `not a line of authorization ${current.number}`);
      if (c.authorizedCost === undefined && c.approvedQuantity === undefined)
        throw invalid(`lines.${i}`, 'give an authorizedCost, an approvedQuantity or both');
      if (c.approvedQuantity !== undefined && c.approvedQuantity < line.consumedQuantity)
        throw new AppError(
          'QUANTITY_BELOW_CLAIMED',
          `line ${line.id}: ${line.consumedQuantity} units are already claimed; the quantity cannot go down to ${c.approvedQuantity}`,
          409,
          { errors: [{ field: `lines.${i}.approvedQuantity`, message: `at least ${line.consumedQuantity} (already claimed)` }] },
        );
      if (c.authorizedCost !== undefined) line.authorizedCost = moneyToString(parseMoney(c.authorizedCost));
      if (c.approvedQuantity !== undefined) line.approvedQuantity = c.approvedQuantity;
    });
  } else if (change.kind === 'extend') {
    if (!change.validTo) throw invalid('validTo', 'an extension gives the new validTo');
    validFrom = change.validFrom ?? current.validFrom;
    validTo = change.validTo;
    if (validTo < validFrom) throw invalid('validTo', 'is before validFrom');
    // An extension reaches its whole new window.
    effectiveFrom = validFrom;
  }
  return { validFrom, validTo, lines, effectiveFrom };
}

/** Writes the change an approved change request carries as the authorization's next version. */
export async function applyChange(
  actor: Actor,
  request: {
    id: number;
    change: { authorizationId: number; kind: ChangeKind; effectiveFrom: string };
    validFrom: string;
    validTo: string;
    lines: { authorizationLineId: number | null; requestedCost: string; quantity: number }[];
  },
  t: Tx,
) {
  const current = await repo.authorizationForChange({ distributorId: null }, request.change.authorizationId, t);
  if (!current) throw notFound('authorization');
  const { kind, effectiveFrom } = request.change;
  // Checked again: claims may have taken quantity since the change was asked.
  const next = proposedState(
    current,
    kind === 'amend'
      ? {
          kind,
          effectiveFrom,
          lines: request.lines.map((l) => ({
            lineId: l.authorizationLineId!,
            authorizedCost: l.requestedCost,
            approvedQuantity: l.quantity,
          })),
        }
      : kind === 'extend'
        ? { kind, validFrom: request.validFrom, validTo: request.validTo }
        : { kind, effectiveFrom },
    effectiveFrom,
  );
  const version = current.version + 1;
  await repo.applyVersion(
    {
      authorizationId: current.id,
      version,
      changeKind: CHANGE_NAMES[kind],
      effectiveFrom: next.effectiveFrom,
      validFrom: next.validFrom,
      validTo: next.validTo,
      requestId: request.id,
      lines: next.lines.map((l) => ({ authorizationLineId: l.id, authorizedCost: l.authorizedCost, approvedQuantity: l.approvedQuantity })),
    },
    kind === 'cancel' ? 'cancelled' : 'active',
    t,
  );
  const released =
    kind === 'cancel'
      ? await releaseCancelledAuthorization(
          current.lines.map((l) => l.id),
          effectiveFrom,
          actor.userId,
          t,
        )
      : [];
  await recordAudit(
    actor,
    {
      action: `authorization.${CHANGE_NAMES[kind]}`,
      entityType: 'authorization',
      entityId: current.id,
      distributorId: current.distributorId,
      before: {
        version: current.version,
        status: current.status,
        validFrom: current.validFrom,
        validTo: current.validTo,
        lines: current.lines,
      },
      after: {
        version,
        effectiveFrom: next.effectiveFrom,
        validFrom: next.validFrom,
        validTo: next.validTo,
        lines: next.lines,
        released,
        requestId: request.id,
      },
    },
    t,
  );
  return { version, change: CHANGE_NAMES[kind] };
}

export async function versions(actor: Actor, id: number) {
  const v = await repo.versionsOf(scopeOf(actor), id);
  if (!v) throw notFound('authorization');
  return v;
}
