/**
 * POS enrichment, a step of the one ingestion pipeline (server/imports): after the canonical
 * keys, before the lines are stored or judged. Each batch's lines get their end customer from the
 * master (core/matching: an alias confirmed for the distributor, the same matching key, or a sure
 * fuzzy match); a spelling matched less surely goes to the review queue once; a line whose part
 * is neither a product nor one of the distributor's part numbers is flagged UNKNOWN_PART.
 *
 * Batch-friendly: the master, the distributor's aliases and its reviewed spellings are read once
 * per import; each distinct spelling is matched once; a batch's findings are written in at most
 * two statements, in the batch's own transaction.
 *
 * A person confirms a queued spelling to a customer (remembered as the distributor's alias, and
 * the distributor's unlinked POS lines of that spelling are linked) or rejects it (not queued
 * again). Both audited.
 */
import { EndCustomerMatcher } from '../../core/matching/end-customers.js';
import { nameMatchKey } from '../../core/matching/names.js';
import type { ReviewStatus } from '../../models/enrichment.js';
import type { Actor } from '../auth/actor.js';
import { distributorFilter, scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, notFound } from '../errors.js';
import * as repo from './enrichment.repository.js';

/** What enrichment reads and sets on a line in the pipeline (the parsed line on its way to the store). */
export interface EnrichableLine {
  row: number;
  invoiceKey: string;
  lineKey: string;
  endCustomerName: string | null;
  endCustomerId?: number | null;
  vendorPartNumber: string | null;
  distributorPartNumber: string | null;
  /** set by the pipeline's part lookup (server/imports productResolver): null when the part is unknown */
  productId: number | null;
}

export interface Findings {
  reviews: repo.NewReview[];
  flags: repo.NewFlag[];
}

/** The enrichment of one import: load once, then `enrich` each batch and `save` its findings with it. */
export class Enricher {
  private constructor(
    readonly distributorId: number,
    readonly importId: number,
    private readonly matcher: EndCustomerMatcher,
    /** spellings (matching keys) in the queue already, or queued by this import */
    private readonly reviewed: Map<string, ReviewStatus>,
  ) {}

  static async load(distributorId: number, importId: number): Promise<Enricher> {
    const ctx = await repo.matchingContext(distributorId);
    const rejected = new Set([...ctx.reviewed].filter(([, status]) => status === 'rejected').map(([key]) => key));
    return new Enricher(distributorId, importId, new EndCustomerMatcher(ctx.customers, ctx.aliases, rejected), ctx.reviewed);
  }

  /** Links the batch's lines to their end customers (in place) and returns what is to be kept of it. */
  enrich(lines: readonly EnrichableLine[]): Findings {
    const found: Findings = { reviews: [], flags: [] };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.endCustomerName) {
        const m = this.matcher.match(line.endCustomerName);
        if (m) {
          line.endCustomerId = m.endCustomerId;
          if (m.method === 'review' && !this.reviewed.has(m.key)) {
            this.reviewed.set(m.key, 'open');
            found.reviews.push({
              nameKey: m.key,
              spelling: line.endCustomerName.slice(0, 200),
              suggestedEndCustomerId: m.suggestedEndCustomerId,
              confidenceMilli: Math.round(m.confidence * 1000),
            });
          }
        }
      }
      const part = line.vendorPartNumber || line.distributorPartNumber;
      if (line.productId === null && part)
        found.flags.push({
          fileRow: line.row,
          invoiceKey: line.invoiceKey,
          lineKey: line.lineKey,
          code: 'UNKNOWN_PART',
          value: part.slice(0, 200),
        });
    }
    return found;
  }

  /** Keeps a batch's findings, in the batch's transaction when it has one. */
  save(found: Findings, t?: repo.Tx | null) {
    if (!found.reviews.length && !found.flags.length) return Promise.resolve();
    return repo.saveFindings(this.distributorId, this.importId, found, t);
  }
}

// The lists below: a distributor user its own, another's distributorId a 403 (`distributorFilter`, server/auth/actor.ts).
export const listReviews = (actor: Actor, filter: { status?: ReviewStatus; distributorId?: number; after?: number; limit: number }) =>
  repo.listReviews(scopeOf(actor), { ...filter, distributorId: distributorFilter(actor, filter.distributorId) });

export const listAliases = (actor: Actor, distributorId: number | undefined) =>
  repo.listAliases(scopeOf(actor), distributorFilter(actor, distributorId));

export const unknownParts = (actor: Actor, filter: { importId?: number; distributorId?: number }) =>
  repo.unknownParts(scopeOf(actor), { ...filter, distributorId: distributorFilter(actor, filter.distributorId) });

async function openReview(actor: Actor, id: number, t: repo.Tx) {
  const review = await repo.findReview(scopeOf(actor), id, t);
  if (!review) throw notFound('end customer review');
  if (review.status !== 'open') throw new AppError('REVIEW_DECIDED', `this spelling was ${review.status} already`, 409);
  return review;
}

/**
 * Confirms a queued spelling as the end customer `endCustomerId`: remembered as the distributor's
 * alias (its next file links the spelling at once), and its POS lines not linked yet are linked.
 */
export async function confirmReview(actor: Actor, id: number, endCustomerId: number) {
  return repo.inTransaction(async (t) => {
    const review = await openReview(actor, id, t);
    if (!(await repo.isEndCustomer(endCustomerId, t)))
      throw new AppError('VALIDATION_FAILED', `invalid body: endCustomerId: no end customer has the id ${endCustomerId}`, 400, {
        errors: [{ field: 'endCustomerId', message: `no end customer has the id ${endCustomerId}` }],
      });
    if (!(await repo.decideReview(id, { status: 'confirmed', endCustomerId, userId: actor.userId }, t)))
      throw new AppError('REVIEW_DECIDED', 'this spelling was decided meanwhile', 409);
    await repo.createAlias(
      {
        distributorId: review.distributorId,
        aliasKey: review.nameKey,
        spelling: review.spelling,
        endCustomerId,
        confirmedByUserId: actor.userId,
      },
      t,
    );
    const spellings = (await repo.unlinkedSpellings(review.distributorId, t)).filter((s) => nameMatchKey(s) === review.nameKey);
    const linked = await repo.linkPosLines(review.distributorId, spellings, endCustomerId, t);
    await recordAudit(
      actor,
      {
        action: 'end_customer_alias.confirmed',
        entityType: 'end_customer_review',
        entityId: id,
        distributorId: review.distributorId,
        before: { status: 'open', suggestedEndCustomerId: review.suggestedEndCustomerId, confidence: review.confidence },
        after: { status: 'confirmed', spelling: review.spelling, endCustomerId, posLinesLinked: linked },
      },
      t,
    );
    return { review: (await repo.findReview(scopeOf(actor), id, t))!, posLinesLinked: linked };
  });
}

/** Rejects a queued spelling: it is none of the master's customers; later files leave it unlinked and do not queue it again. */
export async function rejectReview(actor: Actor, id: number, reason: string | undefined) {
  return repo.inTransaction(async (t) => {
    const review = await openReview(actor, id, t);
    if (!(await repo.decideReview(id, { status: 'rejected', endCustomerId: null, userId: actor.userId }, t)))
      throw new AppError('REVIEW_DECIDED', 'this spelling was decided meanwhile', 409);
    await recordAudit(
      actor,
      {
        action: 'end_customer_review.rejected',
        entityType: 'end_customer_review',
        entityId: id,
        distributorId: review.distributorId,
        before: { status: 'open', suggestedEndCustomerId: review.suggestedEndCustomerId },
        after: { status: 'rejected', spelling: review.spelling },
        reason: reason ?? null,
      },
      t,
    );
    return (await repo.findReview(scopeOf(actor), id, t))!;
  });
}
