/** The only code that touches the EDI partner table: plain objects in, plain objects out. */
import { Op, UniqueConstraintError } from 'sequelize';
import type { X12PartnerSettings } from '../../core/edi/index.js';
import { Account, User } from '../../models/accounts.js';
import { Authorization, AuthorizationVersion } from '../../models/authorizations.js';
import { EdiDocument, EdiPartner } from '../../models/edi.js';
import type { Tx } from '../database.repository.js';

export { inTransaction } from '../database.repository.js';
export type { Tx } from '../database.repository.js';

/** The database refused a row its unique key already holds. */
export const isUniqueViolation = (e: unknown) => e instanceof UniqueConstraintError;
export { isDistributor } from '../imports/imports.repository.js';

/** A partner as stored: its settings, and the last control numbers written to it. */
export interface PartnerRecord {
  distributorId: number;
  settings: X12PartnerSettings;
  lastInterchangeControl: number;
  lastGroupControl: number;
  lastTransactionControl: number;
  /** where what is written to the partner is e-mailed (null: not by e-mail) */
  outboundEmail: string | null;
  /** an 845 every this many minutes (null: only when asked) */
  notice845Minutes: number | null;
  updatedAt: string;
}

/** How a partner is served besides its X12 settings: delivery by e-mail, the 845's schedule. */
export type PartnerDelivery = Pick<PartnerRecord, 'outboundEmail' | 'notice845Minutes'>;

function toRecord(p: EdiPartner): PartnerRecord {
  const q = JSON.parse(p.qualifiers) as Pick<X12PartnerSettings, 'refs' | 'productIds' | 'prices' | 'reasonCodes'>;
  return {
    distributorId: p.distributorId,
    settings: {
      isaQualifier: p.isaQualifier,
      isaId: p.isaId,
      ourIsaQualifier: p.ourIsaQualifier,
      ourIsaId: p.ourIsaId,
      ...(p.gsId ? { gsId: p.gsId } : {}),
      ...(p.ourGsId ? { ourGsId: p.ourGsId } : {}),
      version: p.version as '004010' | '005010',
      usage: p.usage as 'P' | 'T',
      ...q,
    },
    lastInterchangeControl: p.lastInterchangeControl,
    lastGroupControl: p.lastGroupControl,
    lastTransactionControl: p.lastTransactionControl,
    outboundEmail: p.outboundEmail ?? null,
    notice845Minutes: p.notice845Minutes ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
}

function columnsOf(s: X12PartnerSettings) {
  return {
    isaQualifier: s.isaQualifier,
    isaId: s.isaId,
    ourIsaQualifier: s.ourIsaQualifier,
    ourIsaId: s.ourIsaId,
    gsId: s.gsId ?? null,
    ourGsId: s.ourGsId ?? null,
    version: s.version ?? '004010',
    usage: s.usage ?? 'P',
    qualifiers: JSON.stringify({
      refs: s.refs,
      productIds: s.productIds,
      prices: s.prices,
      ...(s.reasonCodes ? { reasonCodes: s.reasonCodes } : {}),
    }),
  };
}

export async function findPartner(distributorId: number, transaction?: Tx): Promise<PartnerRecord | null> {
  const p = await EdiPartner.findOne({ where: { distributorId }, transaction, lock: transaction ? transaction.LOCK.UPDATE : undefined });
  return p ? toRecord(p) : null;
}

/** The partner whose ISA id (qualifier and id) this is: who sent an interchange. */
export async function partnerByIsa(isaQualifier: string, isaId: string): Promise<PartnerRecord | null> {
  const p = await EdiPartner.findOne({ where: { isaQualifier, isaId } });
  return p ? toRecord(p) : null;
}

export async function listPartners(): Promise<PartnerRecord[]> {
  return (await EdiPartner.findAll({ order: [['distributorId', 'ASC']] })).map(toRecord);
}

/** Creates or replaces a partner's settings (its counters are kept); null when its ISA id is another partner's. */
export async function savePartner(
  distributorId: number,
  settings: X12PartnerSettings,
  delivery: PartnerDelivery,
  transaction: Tx,
): Promise<PartnerRecord | null> {
  try {
    const existing = await EdiPartner.findOne({ where: { distributorId }, transaction, lock: transaction.LOCK.UPDATE });
    const columns = { ...columnsOf(settings), ...delivery };
    if (existing) {
      await existing.update(columns, { transaction });
      return toRecord(existing);
    }
    return toRecord(await EdiPartner.create({ distributorId, ...columns }, { transaction }));
  } catch (e) {
    if (e instanceof UniqueConstraintError) return null;
    throw e;
  }
}

/** Writes the partner's last control numbers (the row was read under lock in the same transaction). */
export async function saveCounters(
  distributorId: number,
  counters: { lastInterchangeControl: number; lastGroupControl: number; lastTransactionControl: number },
  transaction: Tx,
) {
  await EdiPartner.update(counters, { where: { distributorId }, transaction });
}

export interface DocumentView {
  id: number;
  distributorId: number;
  kind: string;
  importId: number | null;
  receivedControl: string | null;
  interchangeControl: number;
  /** an 845: the authorization changes up to this moment are in it */
  coveredUntil: string | null;
  /** 'pending': waits to be delivered (outbound folder, e-mail); 'delivered'; null: no route was set when written */
  delivery: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

const toDocument = (d: EdiDocument): DocumentView => ({
  id: d.id,
  distributorId: d.distributorId,
  kind: d.kind,
  importId: d.importId,
  receivedControl: d.receivedControl,
  interchangeControl: d.interchangeControl,
  coveredUntil: d.coveredUntil ? d.coveredUntil.toISOString() : null,
  delivery: d.delivery ?? null,
  deliveredAt: d.deliveredAt ? d.deliveredAt.toISOString() : null,
  createdAt: d.createdAt.toISOString(),
});

export async function insertDocument(
  doc: {
    distributorId: number;
    kind: string;
    importId: number | null;
    receivedControl: string | null;
    interchangeControl: number;
    content: string;
    coveredUntil?: Date;
    delivery?: 'pending' | null;
  },
  transaction?: Tx,
): Promise<DocumentView> {
  return toDocument(await EdiDocument.create(doc, { transaction }));
}

/** The acknowledgment (997 / TA1) already written for this import's received interchange, if any. */
export async function findAnswer(importId: number, kind: string, receivedControl: string, transaction?: Tx) {
  const d = await EdiDocument.findOne({ where: { importId, kind, receivedControl }, transaction });
  return d ? toDocument(d) : null;
}

/** Documents waiting to be delivered, oldest first. */
export async function pendingDeliveries(limit: number): Promise<(DocumentView & { content: string })[]> {
  const rows = await EdiDocument.findAll({ where: { delivery: 'pending' }, order: [['id', 'ASC']], limit });
  return rows.map((d) => ({ ...toDocument(d), content: d.content }));
}

export async function markDelivered(id: number, at: Date) {
  await EdiDocument.update({ delivery: 'delivered', deliveredAt: at }, { where: { id, delivery: 'pending' } });
}

/** Partners with an 845 schedule. */
export async function scheduledPartners(): Promise<{ distributorId: number; notice845Minutes: number }[]> {
  const rows = await EdiPartner.findAll({ where: { notice845Minutes: { [Op.gt]: 0 } }, attributes: ['distributorId', 'notice845Minutes'] });
  return rows.map((p) => ({ distributorId: p.distributorId, notice845Minutes: p.notice845Minutes! }));
}

/** Documents, newest first; `distributorId` null: every distributor's. */
export async function listDocuments(filter: { distributorId: number | null; kind?: string; importId?: number }, limit: number) {
  const where = {
    ...(filter.distributorId !== null ? { distributorId: filter.distributorId } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.importId ? { importId: filter.importId } : {}),
  };
  return (await EdiDocument.findAll({ where, order: [['id', 'DESC']], limit, attributes: { exclude: ['content'] } })).map(toDocument);
}

export async function findDocument(id: number, distributorId: number | null): Promise<(DocumentView & { content: string }) | null> {
  const d = await EdiDocument.findOne({ where: { id, ...(distributorId !== null ? { distributorId } : {}) } });
  return d ? { ...toDocument(d), content: d.content } : null;
}

/** Where the partner's last 845 stopped (null: none written yet). */
export async function last845CoveredUntil(distributorId: number): Promise<Date | null> {
  const d = await EdiDocument.findOne({
    where: { distributorId, kind: '845' },
    order: [['id', 'DESC']],
    attributes: ['coveredUntil'],
  });
  return d?.coveredUntil ?? null;
}

/** A version of one of the distributor's authorizations written in a window: what an 845 announces. */
export interface AuthorizationChangeRow {
  authorizationId: number;
  version: number;
  changeKind: string;
  at: Date;
}

/** The distributor's authorizations' versions written after `from` (exclusive) up to `to` (inclusive), oldest first. */
export async function authorizationVersionsBetween(distributorId: number, from: Date | null, to: Date): Promise<AuthorizationChangeRow[]> {
  const ids = (await Authorization.findAll({ where: { distributorId }, attributes: ['id'] })).map((a) => a.id);
  if (!ids.length) return [];
  const versions = await AuthorizationVersion.findAll({
    where: { authorizationId: ids, createdAt: from ? { [Op.gt]: from, [Op.lte]: to } : { [Op.lte]: to } },
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return versions.map((v) => ({ authorizationId: v.authorizationId, version: v.version, changeKind: v.changeKind, at: v.createdAt }));
}

/** The distributor's authorizations, still in force by status, whose last valid day is between these days (inclusive). */
export async function authorizationsEndingBetween(distributorId: number, firstDay: string, lastDay: string) {
  const rows = await Authorization.findAll({
    where: { distributorId, status: 'active', validTo: { [Op.gte]: firstDay, [Op.lte]: lastDay } },
    attributes: ['id', 'validTo'],
    order: [['id', 'ASC']],
  });
  return rows.map((a) => ({ authorizationId: a.id, validTo: a.validTo }));
}

export async function accountName(id: number): Promise<string | null> {
  return (await Account.findByPk(id, { attributes: ['name'] }))?.name ?? null;
}

/** The id of the distributor's first active distributor user (files that came with no user are sent as it), or null. */
export async function firstDistributorUserId(distributorId: number): Promise<number | null> {
  const u = await User.findOne({
    where: { distributorId, role: 'distributor_user', active: true },
    order: [['id', 'ASC']],
    attributes: ['id'],
  });
  return u?.id ?? null;
}
