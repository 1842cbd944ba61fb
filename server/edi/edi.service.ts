/**
 * EDI X12 partners (issue 17): each distributor's trading-partner settings, managed by admins and
 * audited, and the control numbers written to it, reserved in a transaction so two documents
 * never share one.
 */
import {
  DEFAULT_PARTNER_QUALIFIERS,
  write845,
  write849,
  writeAcknowledgment,
  writeInterchangeAck,
  needsInterchangeAck,
  type X12EnvelopeInput,
  type AuthorizationChange,
  type AuthorizationNoticeInput,
  type InterchangeReceipt,
  type X12PartnerSettings,
} from '../../core/edi/index.js';
import { findAuthorization, versionsOf } from '../authorizations/authorizations.repository.js';
import { endCustomerNames } from '../catalog/catalog.repository.js';
import { claimCurrency } from '../claims/claims.service.js';
import type { ClaimLineInput, LineVerdictResult } from '../../core/claims/engine.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getClaim } from '../claims/claims.service.js';
import { getImport, importJobRow } from '../imports/imports.service.js';
import { distributorFilter, scopeOf, type Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import * as repo from './edi.repository.js';
import { X12Source } from './x12-source.js';
import type { PartnerRecord } from './edi.repository.js';
type Tx = repo.Tx;
import { deliveryOf, deliverNow } from './outbound.js';

/** ISA13, GS06 and ST02 are at most 9 digits; after 999999999 a counter starts again at 1. */
export const MAX_CONTROL = 999_999_999;
const after = (last: number, by = 1) => ((last + by - 1) % MAX_CONTROL) + 1;

export type PartnerInput = Pick<X12PartnerSettings, 'isaQualifier' | 'isaId' | 'ourIsaQualifier' | 'ourIsaId'> &
  Partial<Omit<X12PartnerSettings, 'refs' | 'productIds' | 'prices'>> & {
    refs?: Partial<X12PartnerSettings['refs']>;
    productIds?: Partial<X12PartnerSettings['productIds']>;
    prices?: Partial<X12PartnerSettings['prices']>;
    /** where what is written to the partner is e-mailed; absent: not by e-mail */
    outboundEmail?: string | null;
    /** an 845 every this many minutes; absent: only when asked */
    notice845Minutes?: number | null;
  };

const NoPartner = (distributorId: number) =>
  new AppError('EDI_PARTNER_NOT_FOUND', `distributor ${distributorId} has no EDI partner settings`, 404);

/** A partner's settings: a distributor user sees its own only (another's reads as not found). */
export async function getPartner(actor: Actor, distributorId: number): Promise<PartnerRecord> {
  if (actor.role === 'distributor_user' && actor.distributorId !== distributorId) throw NoPartner(distributorId);
  const p = await repo.findPartner(distributorId);
  if (!p) throw NoPartner(distributorId);
  return p;
}

export const listPartners = () => repo.listPartners();

/** The partner's settings used by readers and writers (no actor: the server's own work). */
export async function partnerOf(distributorId: number): Promise<PartnerRecord> {
  const p = await repo.findPartner(distributorId);
  if (!p) throw NoPartner(distributorId);
  return p;
}

export const partnerByIsa = (isaQualifier: string, isaId: string) => repo.partnerByIsa(isaQualifier, isaId.trim());

/**
 * Creates or replaces a distributor's partner settings; qualifier lists not given keep the
 * defaults (core/edi/partner.ts), the control-number counters are kept. Audited.
 */
export async function savePartner(actor: Actor, distributorId: number, input: PartnerInput): Promise<PartnerRecord> {
  if (!(await repo.isDistributor(distributorId))) throw notFound('distributor');
  const { outboundEmail, notice845Minutes, ...x12 } = input;
  const delivery = { outboundEmail: outboundEmail ?? null, notice845Minutes: notice845Minutes ?? null };
  const settings: X12PartnerSettings = {
    ...x12,
    refs: { ...DEFAULT_PARTNER_QUALIFIERS.refs, ...input.refs },
    productIds: { ...DEFAULT_PARTNER_QUALIFIERS.productIds, ...input.productIds },
    prices: { ...DEFAULT_PARTNER_QUALIFIERS.prices, ...input.prices },
  };
  return repo.inTransaction(async (t) => {
    const before = await repo.findPartner(distributorId, t);
    const saved = await repo.savePartner(distributorId, settings, delivery, t);
    if (!saved)
      throw new AppError(
        'EDI_ISA_ID_TAKEN',
        `the interchange id ${settings.isaQualifier}/${settings.isaId} is another distributor's`,
        409,
        { errors: [{ field: 'isaId', message: 'already used by another partner' }] },
      );
    await recordAudit(
      actor,
      {
        action: before ? 'edi_partner.updated' : 'edi_partner.created',
        entityType: 'edi_partner',
        entityId: distributorId,
        distributorId,
        before: before ? { ...before.settings, outboundEmail: before.outboundEmail, notice845Minutes: before.notice845Minutes } : null,
        after: { ...saved.settings, ...delivery },
      },
      t,
    );
    return saved;
  });
}

/** The control numbers of one interchange written to a partner: one ISA13, one GS06, and the first of `transactions` ST02s. */
export interface ControlNumbers {
  interchangeControl: number;
  groupControl: number;
  transactionControl: number;
}

/**
 * Reserves the next control numbers for one interchange of `transactions` transaction sets, under
 * a lock on the partner's row: concurrent writers get distinct numbers, and a number once
 * reserved is never handed out again (a document not sent leaves a gap, as X12 allows).
 */
export async function reserveControlNumbers(
  distributorId: number,
  transactions = 1,
): Promise<{ partner: X12PartnerSettings } & ControlNumbers> {
  return repo.inTransaction((t) => reserveIn(distributorId, transactions, t));
}

/** reserveControlNumbers inside the caller's transaction (the partner's row stays locked until it ends). */
async function reserveIn(distributorId: number, transactions: number, t: Tx): Promise<{ partner: X12PartnerSettings } & ControlNumbers> {
  if (!Number.isInteger(transactions) || transactions < 1) throw new Error(`transactions must be a positive integer, not ${transactions}`);
  const p = await repo.findPartner(distributorId, t);
  if (!p) throw NoPartner(distributorId);
  const numbers: ControlNumbers = {
    interchangeControl: after(p.lastInterchangeControl),
    groupControl: after(p.lastGroupControl),
    transactionControl: after(p.lastTransactionControl),
  };
  // Transaction sets of one interchange take consecutive numbers; they never wrap inside one.
  if (numbers.transactionControl + transactions - 1 > MAX_CONTROL) numbers.transactionControl = 1;
  await repo.saveCounters(
    distributorId,
    {
      lastInterchangeControl: numbers.interchangeControl,
      lastGroupControl: numbers.groupControl,
      lastTransactionControl: numbers.transactionControl + transactions - 1,
    },
    t,
  );
  return { partner: p.settings, ...numbers };
}

/** The X12 reader of an import job's file, with the distributor's partner settings (none: the job fails, 422). */
export async function x12Source(distributorId: number, accepts: '867' | '844'): Promise<X12Source> {
  const p = await repo.findPartner(distributorId);
  if (!p)
    throw new AppError(
      'EDI_PARTNER_NOT_FOUND',
      `distributor ${distributorId} has no EDI partner settings: an admin sets them (PUT /api/edi/partners/${distributorId})`,
      422,
    );
  // A claim is in the distributor's currency: an 844 of the file in another is refused whole.
  return new X12Source(p.settings, accepts, accepts === '844' ? await claimCurrency(distributorId, null) : null);
}

/**
 * Writes and keeps the acknowledgments of each interchange a job read, with control numbers from
 * the partner's counters, audited: its 997 (none for an interchange skipped whole: another
 * sender's), and its TA1 when the sender asked for one (ISA14 = 1) or the envelope itself is bad.
 *
 * Once per interchange: each is written in one transaction with its control numbers and its audit,
 * keyed by the import and the ISA13 it answers (unique in the database). A job run again after a
 * crash (a claim file starts over, an import resumes) finds the one it wrote and returns it, with
 * its control number, instead of writing a second. Then each new one is delivered (outbound.ts).
 */
export async function acknowledge(distributorId: number, importId: number, receipts: readonly InterchangeReceipt[], at = new Date()) {
  const answers: repo.DocumentView[] = [];
  const fresh: repo.DocumentView[] = [];
  const keep = async (kind: '997' | 'TA1', received: InterchangeReceipt, write: (env: X12EnvelopeInput) => string | null, groups = 1) => {
    const once = () =>
      repo.inTransaction(async (t) => {
        // The partner's row first (locked): a concurrent run of the same job waits here, then finds ours.
        const partner = await repo.findPartner(distributorId, t);
        if (!partner) throw NoPartner(distributorId);
        const kept = await repo.findAnswer(importId, kind, received.control, t);
        if (kept) return { doc: kept, fresh: false };
        const numbers = await reserveIn(distributorId, groups, t);
        const content = write({ ...numbers, at });
        if (!content) return null;
        const doc = await repo.insertDocument(
          {
            distributorId,
            kind,
            importId,
            receivedControl: received.control,
            interchangeControl: numbers.interchangeControl,
            content,
            delivery: deliveryOf(partner),
          },
          t,
        );
        await recordAudit(
          null,
          {
            action: 'edi_document.written',
            entityType: 'edi_document',
            entityId: doc.id,
            distributorId,
            after: { kind: doc.kind, importId, receivedControl: doc.receivedControl, interchangeControl: doc.interchangeControl },
          },
          t,
        );
        return { doc, fresh: true };
      });
    let r: Awaited<ReturnType<typeof once>>;
    try {
      r = await once();
    } catch (err) {
      // SQLite's or a lost race's second writer: the key says it is written; the kept one answers.
      if (!repo.isUniqueViolation(err)) throw err;
      r = { doc: (await repo.findAnswer(importId, kind, received.control))!, fresh: false };
    }
    if (!r) return;
    answers.push(r.doc);
    if (r.fresh) fresh.push(r.doc);
  };
  for (const received of receipts) {
    if (received.rejected) continue;
    if (needsInterchangeAck(received)) await keep('TA1', received, (env) => writeInterchangeAck(received, env));
    if (received.groups.length) await keep('997', received, (env) => writeAcknowledgment(received, env), received.groups.length);
  }
  for (const doc of fresh) await deliverNow(doc.id);
  return answers;
}

/** The documents written to partners: a distributor user's own only (another's distributorId is a 403). */
export function listDocuments(actor: Actor, q: { distributorId?: number; kind?: string; importId?: number; limit: number }) {
  const distributorId = distributorFilter(actor, q.distributorId) ?? null;
  return repo.listDocuments({ distributorId, kind: q.kind, importId: q.importId }, q.limit);
}

/** One document with its content; another distributor's reads as not found. */
export async function getDocument(actor: Actor, id: number) {
  const d = await repo.findDocument(id, scopeOf(actor).distributorId);
  if (!d) throw notFound('EDI document');
  return d;
}

/**
 * The 849 answering a claim that came as an 844: line by line from the claim's verdicts (accepted,
 * adjusted with the granted quantity and amount, rejected with the reason code of core/edi's
 * table). Written once, with the partner's control numbers, and kept: a later download gets the
 * same interchange. A distributor user gets its own claims' only.
 */
export async function claimResponse(actor: Actor, claimId: number, options: { system?: boolean } = {}) {
  const claim = await getClaim(actor, claimId);
  const source = claim.posImportId ? await getImport(actor, claim.posImportId) : null;
  if (!source || source.format !== 'x12')
    throw new AppError('NOT_FROM_EDI', `claim ${claim.number} did not come as an 844: an 849 answers 844s only`, 409);
  const [kept] = await repo.listDocuments({ distributorId: claim.distributorId, kind: '849', importId: source.id }, 1);
  if (kept) return (await repo.findDocument(kept.id, claim.distributorId))!;
  const partner = await partnerOf(claim.distributorId);
  const numbers = await reserveControlNumbers(claim.distributorId);
  const lines = (claim.lines ?? []).map((l) => ({
    // The stored line and its verdict, as the writer reads them (it uses these fields only).
    line: {
      lineNumber: l.lineNumber,
      invoiceNumber: l.invoiceNumber,
      invoiceLine: l.invoiceLine,
      vendorPartNumber: l.vendorPartNumber,
      distributorPartNumber: l.distributorPartNumber,
      authorizationNumber: l.authorizationNumber,
      quantity: l.quantity,
      claimedAmount: l.claimedAmount,
    } as unknown as ClaimLineInput,
    verdict: {
      verdict: l.verdict,
      acceptedQuantity: l.acceptedQuantity,
      approvedAmount: l.approvedAmount,
      reasonCodes: l.reasonCodes,
      messages: [],
    } as unknown as LineVerdictResult,
  }));
  const at = new Date();
  const content = write849(
    {
      claimNumber: claim.number,
      debitMemoNumber: claim.debitMemoNumber ?? claim.number,
      date: at.toISOString().slice(0, 10),
      currency: claim.currency,
      lines,
    },
    { ...numbers, at },
  );
  const doc = await repo.insertDocument({
    distributorId: claim.distributorId,
    kind: '849',
    importId: source.id,
    receivedControl: null,
    interchangeControl: numbers.interchangeControl,
    content,
    delivery: deliveryOf(partner),
  });
  await recordAudit(options.system ? null : actor, {
    action: 'edi_document.written',
    entityType: 'edi_document',
    entityId: doc.id,
    distributorId: claim.distributorId,
    after: { kind: '849', claimId, importId: source.id, interchangeControl: doc.interchangeControl },
  });
  await deliverNow(doc.id);
  return { ...doc, content };
}

/** An authorization version's change kind as the 845 says it (BPA01). */
const NOTICE_OF: Record<string, AuthorizationChange> = { created: 'new', amended: 'amended', extended: 'amended', cancelled: 'expired' };

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** What an 845 holds: its notices, and the window of changes it covers. */
export interface AuthorizationNotices {
  from: Date | null;
  to: Date;
  notices: AuthorizationNoticeInput[];
}

/**
 * The distributor's authorization changes after `from` up to `to`: each version written (version 1
 * new, an amendment or extension amended, a cancellation expired; BPA01 00 / 05 / 01) with the
 * lines of that version, and each authorization whose validity ended (its last valid day passed)
 * with its lines as they stand. Oldest first.
 */
export async function authorizationChanges(distributorId: number, from: Date | null, to: Date): Promise<AuthorizationNotices> {
  const versions = await repo.authorizationVersionsBetween(distributorId, from, to);
  // An authorization expires at the end of its last valid day (UTC): the moment is the next day's 00:00.
  const firstDay = from ? addDays(dayOf(from), -1) : '0001-01-01';
  const ended = (await repo.authorizationsEndingBetween(distributorId, firstDay, addDays(dayOf(to), -1)))
    .map((a) => ({ ...a, at: new Date(`${addDays(a.validTo, 1)}T00:00:00Z`) }))
    .filter((a) => (from === null || a.at > from) && a.at <= to);
  const ids = [...new Set([...versions.map((v) => v.authorizationId), ...ended.map((a) => a.authorizationId)])];
  const everyone = { distributorId: null };
  const current = new Map<number, NonNullable<Awaited<ReturnType<typeof findAuthorization>>>>();
  const history = new Map<number, NonNullable<Awaited<ReturnType<typeof versionsOf>>>>();
  for (const id of ids) {
    const [a, v] = await Promise.all([findAuthorization(everyone, id), versionsOf(everyone, id)]);
    if (a && v) {
      current.set(id, a);
      history.set(id, v);
    }
  }
  const customers = await endCustomerNames([...current.values()].flatMap((a) => (a.endCustomerId ? [a.endCustomerId] : [])));
  const distributorName = await repo.accountName(distributorId);
  const currency = await claimCurrency(distributorId, null);
  const notice = (
    a: NonNullable<Awaited<ReturnType<typeof findAuthorization>>>,
    change: AuthorizationChange,
    at: Date,
    version: {
      version: number;
      validFrom: string;
      validTo: string;
      lines: { authorizationLineId: number; authorizedCost: string; approvedQuantity: number }[];
    },
  ): AuthorizationNoticeInput => {
    const part = new Map(a.lines.map((l) => [l.id, l.vendorPartNumber]));
    return {
      change,
      authorizationNumber: a.number,
      version: version.version,
      date: dayOf(at),
      validFrom: version.validFrom,
      validTo: version.validTo,
      distributorName,
      endCustomerName: a.endCustomerId ? (customers.get(a.endCustomerId) ?? null) : null,
      currency,
      lines: version.lines.map((l) => ({
        vendorPartNumber: part.get(l.authorizationLineId) ?? '',
        authorizedCost: l.authorizedCost,
        approvedQuantity: l.approvedQuantity,
      })),
    };
  };
  const dated: { at: Date; notice: AuthorizationNoticeInput }[] = [];
  for (const v of versions) {
    const a = current.get(v.authorizationId);
    const written = history.get(v.authorizationId)?.versions.find((x) => x.version === v.version);
    if (a && written) dated.push({ at: v.at, notice: notice(a, NOTICE_OF[v.changeKind] ?? 'amended', v.at, written) });
  }
  for (const e of ended) {
    const a = current.get(e.authorizationId);
    if (a)
      dated.push({
        at: e.at,
        notice: notice(a, 'expired', e.at, {
          version: a.version,
          validFrom: a.validFrom,
          validTo: a.validTo,
          lines: a.lines.map((l) => ({
            authorizationLineId: l.id,
            authorizedCost: l.authorizedCost,
            approvedQuantity: l.approvedQuantity,
          })),
        }),
      });
  }
  dated.sort((x, y) => x.at.getTime() - y.at.getTime());
  return { from, to, notices: dated.map((d) => d.notice) };
}

/**
 * Writes the distributor's next 845: one transaction per authorization change since its last 845
 * (or since `since`, or every change when it has had none), with the partner's control numbers;
 * kept (with the moment it covers up to, where the next one starts) and audited. Nothing new: no
 * document (null). A distributor user writes its own only.
 */
export async function writeAuthorizationNotices(actor: Actor | null, distributorId: number, options: { since?: Date } = {}) {
  if (actor?.role === 'distributor_user' && actor.distributorId !== distributorId) throw NoPartner(distributorId);
  const partner = await partnerOf(distributorId);
  const to = new Date();
  const from = options.since ?? (await repo.last845CoveredUntil(distributorId));
  const { notices } = await authorizationChanges(distributorId, from, to);
  const counts = { new: 0, amended: 0, expired: 0 };
  for (const n of notices) counts[n.change]++;
  if (!notices.length) return { document: null, changes: counts, from: from?.toISOString() ?? null, to: to.toISOString() };
  const numbers = await reserveControlNumbers(distributorId, notices.length);
  const content = write845(notices, { ...numbers, at: to });
  const doc = await repo.insertDocument({
    distributorId,
    kind: '845',
    importId: null,
    receivedControl: null,
    interchangeControl: numbers.interchangeControl,
    content,
    coveredUntil: to,
    delivery: deliveryOf(partner),
  });
  await recordAudit(actor, {
    action: 'edi_document.written',
    entityType: 'edi_document',
    entityId: doc.id,
    distributorId,
    after: { kind: '845', interchangeControl: doc.interchangeControl, from: from?.toISOString() ?? null, to: to.toISOString(), ...counts },
  });
  await deliverNow(doc.id);
  return { document: doc, changes: counts, from: from?.toISOString() ?? null, to: to.toISOString() };
}

/**
 * The 849 of a claim file that came as an 844, written as soon as its job has completed (and
 * delivered by itself, outbound.ts): run by the claim-file job, again when a retry finds the job
 * ended (a crash between the claim and its 849), a no-op for a CSV, an unfinished or a failed job,
 * and once written (the kept one stands).
 */
export async function answerClaimFile(actor: Actor, importId: number) {
  const imp = await getImport(actor, importId);
  if (imp.format !== 'x12' || imp.purpose !== 'claim' || imp.status !== 'completed') return null;
  const claimId = (await importJobRow(importId))?.claimId ?? null;
  if (claimId === null) return null;
  try {
    return await claimResponse(actor, claimId, { system: true });
  } catch (err) {
    // The claim stands; its 849 is then written when asked (GET /api/edi/claims/:id/849).
    if (!(err instanceof AppError)) throw err;
    console.warn(`the 849 of claim ${claimId} was not written: ${err.message}`);
    return null;
  }
}
