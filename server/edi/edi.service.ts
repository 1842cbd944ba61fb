/**
 * EDI X12 partners (issue 17): each distributor's trading-partner settings, managed by admins and
 * audited, and the control numbers written to it, reserved in a transaction so two documents
 * never share one.
 */
import {
  DEFAULT_PARTNER_QUALIFIERS,
  write849,
  writeAcknowledgment,
  type InterchangeReceipt,
  type X12PartnerSettings,
} from '../../core/edi/index.js';
import type { ClaimLineInput, LineVerdictResult } from '../../core/claims/engine.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getClaim } from '../claims/claims.service.js';
import { getImport } from '../imports/imports.service.js';
import { scopeOf, type Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import * as repo from './edi.repository.js';
import { X12Source } from './x12-source.js';
import type { PartnerRecord } from './edi.repository.js';

/** ISA13, GS06 and ST02 are at most 9 digits; after 999999999 a counter starts again at 1. */
export const MAX_CONTROL = 999_999_999;
const after = (last: number, by = 1) => ((last + by - 1) % MAX_CONTROL) + 1;

export type PartnerInput = Pick<X12PartnerSettings, 'isaQualifier' | 'isaId' | 'ourIsaQualifier' | 'ourIsaId'> &
  Partial<Omit<X12PartnerSettings, 'refs' | 'productIds' | 'prices'>> & {
    refs?: Partial<X12PartnerSettings['refs']>;
    productIds?: Partial<X12PartnerSettings['productIds']>;
    prices?: Partial<X12PartnerSettings['prices']>;
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
  const settings: X12PartnerSettings = {
    ...input,
    refs: { ...DEFAULT_PARTNER_QUALIFIERS.refs, ...input.refs },
    productIds: { ...DEFAULT_PARTNER_QUALIFIERS.productIds, ...input.productIds },
    prices: { ...DEFAULT_PARTNER_QUALIFIERS.prices, ...input.prices },
  };
  return repo.inTransaction(async (t) => {
    const before = await repo.findPartner(distributorId, t);
    const saved = await repo.savePartner(distributorId, settings, t);
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
        before: before?.settings ?? null,
        after: saved.settings,
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
  if (!Number.isInteger(transactions) || transactions < 1) throw new Error(`transactions must be a positive integer, not ${transactions}`);
  return repo.inTransaction(async (t) => {
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
  });
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
  return new X12Source(p.settings, accepts);
}

/**
 * Writes and keeps the 997 of each interchange a job read (none for an interchange skipped whole:
 * another sender's), with control numbers from the partner's counters. Audited.
 */
export async function acknowledge(distributorId: number, importId: number, receipts: readonly InterchangeReceipt[], at = new Date()) {
  const written = [];
  for (const received of receipts) {
    if (received.rejected || received.groups.length === 0) continue;
    const numbers = await reserveControlNumbers(distributorId, received.groups.length);
    const content = writeAcknowledgment(received, { ...numbers, at });
    if (!content) continue;
    const doc = await repo.insertDocument({
      distributorId,
      kind: '997',
      importId,
      receivedControl: received.control,
      interchangeControl: numbers.interchangeControl,
      content,
    });
    await recordAudit(null, {
      action: 'edi_document.written',
      entityType: 'edi_document',
      entityId: doc.id,
      distributorId,
      after: { kind: doc.kind, importId, receivedControl: doc.receivedControl, interchangeControl: doc.interchangeControl },
    });
    written.push(doc);
  }
  return written;
}

/** The documents written to partners: a distributor user's own only. */
export function listDocuments(actor: Actor, q: { distributorId?: number; kind?: string; importId?: number; limit: number }) {
  const own = scopeOf(actor).distributorId;
  return repo.listDocuments({ distributorId: own ?? q.distributorId ?? null, kind: q.kind, importId: q.importId }, q.limit);
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
export async function claimResponse(actor: Actor, claimId: number) {
  const claim = await getClaim(actor, claimId);
  const source = claim.posImportId ? await getImport(actor, claim.posImportId) : null;
  if (!source || source.format !== 'x12')
    throw new AppError('NOT_FROM_EDI', `claim ${claim.number} did not come as an 844: an 849 answers 844s only`, 409);
  const [kept] = await repo.listDocuments({ distributorId: claim.distributorId, kind: '849', importId: source.id }, 1);
  if (kept) return (await repo.findDocument(kept.id, claim.distributorId))!;
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
  });
  await recordAudit(actor, {
    action: 'edi_document.written',
    entityType: 'edi_document',
    entityId: doc.id,
    distributorId: claim.distributorId,
    after: { kind: '849', claimId, importId: source.id, interchangeControl: doc.interchangeControl },
  });
  return { ...doc, content };
}
