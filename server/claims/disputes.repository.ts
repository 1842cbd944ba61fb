/** Disputes read claim lines and their resubmission chains; plain objects out. */
import { Op } from 'sequelize';
import { moneyFromDb, moneyToString } from '../../core/money.js';
import { Claim, ClaimLine } from '../../models/claims.js';
import { DisputeEntry, type DisputeEntryKind } from '../../models/disputes.js';
import { AuditEvent } from '../../models/platform.js';
import { User } from '../../models/accounts.js';
import type { TenantScope } from '../auth/actor.js';
import type { Tx } from '../database.repository.js';

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
  /** the master end customer the line's name was linked to (POS enrichment) */
  endCustomerId: number | null;
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
    endCustomerId: l.endCustomerId,
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

/**
 * Whether the distributor stated the line's claimed amount. A claim file row without one claims
 * what the engine computes, so its rejected line holds 0.00 claimed; its replay inputs then
 * record `claimedAmount: null`. Lines without replay inputs count as stated.
 */
export async function claimedAmountStated(lineId: number): Promise<boolean> {
  const l = await ClaimLine.findByPk(lineId, { attributes: ['id', 'verdictInputs'] });
  if (!l?.verdictInputs) return true;
  const inputs = JSON.parse(l.verdictInputs) as Record<string, unknown>;
  return !('claimedAmount' in inputs && inputs.claimedAmount === null);
}

/**
 * Of these original lines, those already resubmitted by a line that was not rejected, read after
 * locking the originals (MariaDB; SQLite's transactions begin IMMEDIATE), so two resubmissions of
 * one line at once cannot both pass: the second reads the first's line once it commits.
 */
export async function resubmittedAlready(ids: readonly number[], transaction: Tx): Promise<number[]> {
  if (!ids.length) return [];
  await ClaimLine.findAll({ where: { id: [...ids] }, attributes: ['id'], transaction, lock: transaction.LOCK.UPDATE });
  const taken = await ClaimLine.findAll({
    where: { resubmissionOfLineId: [...ids], verdict: { [Op.ne]: 'rejected' } },
    attributes: ['resubmissionOfLineId'],
    transaction,
  });
  return [...new Set(taken.map((l) => l.resubmissionOfLineId!))].sort((a, b) => a - b);
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

/** One entry of a dispute's thread, as the API shows it. */
export interface DisputeEntryView {
  id: number;
  kind: DisputeEntryKind;
  authorUserId: number;
  authorName: string | null;
  body: string;
  correction: Record<string, unknown> | null;
  resubmittedLineId: number | null;
  createdAt: string;
}
export type DisputeState = 'open' | 'accepted' | 'rejected';
export interface DisputeThreadView {
  lineId: number;
  claimId: number;
  distributorId: number;
  state: DisputeState;
  line: DisputeLineView;
  entries: DisputeEntryView[];
}

/** The state a thread is in: its last decision, or open. */
export function stateOf(entries: Pick<DisputeEntryView, 'kind'>[]): DisputeState {
  for (let i = entries.length - 1; i >= 0; i--) {
    const k = entries[i]!.kind;
    if (k === 'accepted' || k === 'rejected') return k;
    if (k === 'opened') return 'open';
  }
  return 'open';
}

async function threadsOf(lines: DisputeLineView[], entries: DisputeEntry[]): Promise<DisputeThreadView[]> {
  const authors = new Map(
    (await User.findAll({ where: { id: [...new Set(entries.map((e) => e.authorUserId))] }, attributes: ['id', 'name'] })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const byLine = new Map<number, DisputeEntryView[]>();
  for (const e of entries) {
    let list = byLine.get(e.claimLineId);
    if (!list) byLine.set(e.claimLineId, (list = []));
    list.push({
      id: e.id,
      kind: e.kind,
      authorUserId: e.authorUserId,
      authorName: authors.get(e.authorUserId) ?? null,
      body: e.body,
      correction: e.correction ? (JSON.parse(e.correction) as Record<string, unknown>) : null,
      resubmittedLineId: e.resubmittedLineId,
      createdAt: e.createdAt.toISOString(),
    });
  }
  return lines.map((line) => {
    const list = byLine.get(line.id) ?? [];
    return { lineId: line.id, claimId: line.claimId, distributorId: line.distributorId, state: stateOf(list), line, entries: list };
  });
}

/** A line's dispute thread (null when the line is not the caller's or was never disputed). */
export async function findThread(scope: TenantScope, lineId: number): Promise<DisputeThreadView | null> {
  const line = await findLine(scope, lineId);
  if (!line) return null;
  const entries = await DisputeEntry.findAll({ where: { claimLineId: lineId }, order: [['id', 'ASC']] });
  if (!entries.length) return null;
  return (await threadsOf([line], entries))[0]!;
}

/** Disputed lines with their threads, newest dispute first; `state` narrows to open or decided ones. */
export async function listThreads(scope: TenantScope, state: DisputeState | 'all', limit: number): Promise<DisputeThreadView[]> {
  const opened = await DisputeEntry.findAll({
    where: { ...scoped(scope), kind: 'opened' },
    order: [['id', 'DESC']],
    attributes: ['claimLineId'],
  });
  const lineIds = [...new Set(opened.map((e) => e.claimLineId))];
  if (!lineIds.length) return [];
  const entries = await DisputeEntry.findAll({ where: { claimLineId: lineIds }, order: [['id', 'ASC']] });
  const lines = new Map((await toViews(await ClaimLine.findAll({ where: { id: lineIds } }))).map((l) => [l.id, l]));
  const threads = await threadsOf(lineIds.map((id) => lines.get(id)!).filter(Boolean), entries);
  return threads.filter((t) => state === 'all' || t.state === state).slice(0, limit);
}

export async function addEntry(
  entry: {
    claimLineId: number;
    distributorId: number;
    authorUserId: number;
    kind: DisputeEntryKind;
    body: string;
    correction?: Record<string, unknown> | null;
    resubmittedLineId?: number | null;
  },
  transaction?: Tx,
): Promise<number> {
  const row = await DisputeEntry.create(
    {
      ...entry,
      correction: entry.correction ? JSON.stringify(entry.correction) : null,
      resubmittedLineId: entry.resubmittedLineId ?? null,
    },
    { transaction },
  );
  return row.id;
}

/** The line a resubmission created from `originalLineId` (the newest), if any. */
export async function resubmissionOf(originalLineId: number, transaction?: Tx): Promise<number | null> {
  const l = await ClaimLine.findOne({
    where: { resubmissionOfLineId: originalLineId },
    order: [['id', 'DESC']],
    attributes: ['id'],
    transaction,
  });
  return l?.id ?? null;
}

/**
 * Finance's reason for each manually adjusted line (the latest `claim_line.adjusted` audit
 * event's reason), so the distributor reads why its credit changed.
 */
export async function adjustmentReasons(lineIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!lineIds.length) return out;
  const events = await AuditEvent.findAll({
    where: { action: 'claim_line.adjusted', entityType: 'claim_line', entityId: lineIds.map(String) },
    attributes: ['entityId', 'reason'],
    order: [['id', 'ASC']],
  });
  for (const e of events) if (e.reason) out.set(Number(e.entityId), e.reason);
  return out;
}
