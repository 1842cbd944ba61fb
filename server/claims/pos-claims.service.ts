/**
 * Implicit and automatic claims from imported POS lines. Both build ordinary claim lines and go
 * through the same submit path as explicit claims (rules engine, then the consumption ledger in
 * one transaction), so the ledger's unique key and conditional update referee them all.
 *
 * - implicit: lines that carry an authorization number; one claim per debit memo (lines without
 *   one, or groupBy 'period', go by calendar month of the invoice date).
 * - automatic: lines without a number are matched to the best live authorization line by
 *   distributor, product, end customer and date (see `bestAuthorizationLine`), one claim per month.
 */
import { lineCredit, moneyToString, parseMoney, sumMoney } from '../../core/money.js';
import { endCustomerKey } from '../../core/claims/rules.js';
import type { ClaimType } from '../../core/domain.js';
import type { Actor } from '../auth/actor.js';
import { scopeOf } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { notFound } from '../errors.js';
import { documentNumber } from '../http/numbers.js';
import * as imports from '../imports/imports.repository.js';
import * as repo from './claims.repository.js';
import { submitClaim } from './claims.service.js';
import { bookCosts, matchableAuthorizationLines, type MatchableAuthorizationLine } from './pos-claims.repository.js';

export interface PosLineForMatch {
  productId: number | null;
  endCustomerName: string | null;
  invoiceDate: string;
  quantity: number;
}

/**
 * The best authorization line for a POS line without a number, deterministically: the product
 * must match, the invoice date lie in validity, the end customer match (or the line be for any
 * end customer) and some quantity remain. Among those: a named end customer before "any", then
 * one whose remaining quantity covers the line, then the earliest expiry (use what lapses
 * first), then the lowest line id.
 */
export function bestAuthorizationLine(
  pos: PosLineForMatch,
  candidates: readonly MatchableAuthorizationLine[],
  taken: ReadonlyMap<number, number> = new Map(),
): MatchableAuthorizationLine | null {
  if (pos.productId === null) return null;
  const customer = pos.endCustomerName ? endCustomerKey(pos.endCustomerName) : null;
  let best: MatchableAuthorizationLine | null = null;
  let bestScore: [number, number, string, number] | null = null;
  for (const c of candidates) {
    if (c.productId !== pos.productId || pos.invoiceDate < c.validFrom || pos.invoiceDate > c.validTo) continue;
    const remaining = c.remaining - (taken.get(c.authorizationLineId) ?? 0);
    if (remaining <= 0) continue;
    let named = 1;
    if (c.endCustomerName !== null) {
      if (customer === null || endCustomerKey(c.endCustomerName) !== customer) continue;
      named = 0;
    }
    const score: [number, number, string, number] = [named, remaining >= pos.quantity ? 0 : 1, c.validTo, c.authorizationLineId];
    if (!bestScore || compare(score, bestScore) < 0) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function compare(a: [number, number, string, number], b: [number, number, string, number]) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

export interface ClaimImportResult {
  claims: {
    id: number;
    number: string;
    type: ClaimType;
    debitMemoNumber: string | null;
    status: string;
    lineCount: number;
    claimedTotal: string;
    approvedTotal: string;
  }[];
  unmatched: { posLineId: number; invoiceNumber: string; invoiceLine: string; reason: 'NO_POS_MATCH' }[];
}

export async function claimImport(
  actor: Actor,
  importId: number,
  mode: 'implicit' | 'automatic' | 'both',
  groupBy: 'debitMemo' | 'period',
): Promise<ClaimImportResult> {
  const job = await imports.findImport(scopeOf(actor), importId);
  if (!job) throw notFound('import');
  const distributorId = job.distributorId;
  const [lines, facts, bookCostOn] = await Promise.all([
    imports.unconsumedPosLines(importId, distributorId),
    matchableAuthorizationLines(distributorId),
    bookCosts(distributorId),
  ]);
  const groups = new Map<string, { type: ClaimType; debitMemoNumber: string | null; lines: repo.NewClaimLine[] }>();
  const unmatched: ClaimImportResult['unmatched'] = [];
  const taken = new Map<number, number>();
  const add = (key: string, type: ClaimType, debitMemoNumber: string | null, line: Omit<repo.NewClaimLine, 'lineNumber'>) => {
    const g = groups.get(key) ?? { type, debitMemoNumber, lines: [] };
    g.lines.push({ ...line, lineNumber: g.lines.length + 1 });
    groups.set(key, g);
  };
  for (const p of lines) {
    const invoiceDate = String(p.invoiceDate).slice(0, 10);
    let authorizationNumber = p.authorizationNumber;
    let authorizedCost = p.authorizedCost === null ? null : moneyToString(parseMoney(String(p.authorizedCost)));
    let type: ClaimType = 'implicit';
    if (authorizationNumber) {
      if (mode === 'automatic') continue;
      if (authorizedCost === null && p.productId !== null) {
        const f = facts.find((x) => x.authorizationNumber === authorizationNumber && x.productId === p.productId);
        authorizedCost = f?.authorizedCost ?? null;
      }
    } else {
      if (mode === 'implicit') continue;
      const best = bestAuthorizationLine(
        { productId: p.productId, endCustomerName: p.endCustomerName, invoiceDate, quantity: p.quantity },
        facts,
        taken,
      );
      if (!best) {
        unmatched.push({ posLineId: p.id, invoiceNumber: p.invoiceNumber, invoiceLine: p.invoiceLine, reason: 'NO_POS_MATCH' });
        continue;
      }
      taken.set(best.authorizationLineId, (taken.get(best.authorizationLineId) ?? 0) + p.quantity);
      authorizationNumber = best.authorizationNumber;
      authorizedCost = best.authorizedCost;
      type = 'automatic';
    }
    const bookCost =
      p.bookCost !== null
        ? moneyToString(parseMoney(String(p.bookCost)))
        : p.productId !== null
          ? bookCostOn(p.productId, invoiceDate)
          : null;
    const claimed =
      p.claimedAmount !== null
        ? moneyToString(parseMoney(String(p.claimedAmount)))
        : bookCost && authorizedCost
          ? moneyToString(lineCredit(parseMoney(bookCost), parseMoney(authorizedCost), p.quantity))
          : '0.0000';
    const memo = type === 'implicit' && groupBy === 'debitMemo' && p.debitMemoNumber ? p.debitMemoNumber : null;
    const key = memo ? `memo:${memo}` : `${type}:${invoiceDate.slice(0, 7)}`;
    add(key, type, memo, {
      authorizationNumber,
      authorizationLineId: null,
      authorizationVersion: null,
      productId: null,
      vendorPartNumber: p.vendorPartNumber,
      distributorPartNumber: p.distributorPartNumber,
      endCustomerName: p.endCustomerName,
      invoiceNumber: p.invoiceNumber,
      invoiceLine: p.invoiceLine,
      invoiceDate,
      shipDate: p.shipDate ? String(p.shipDate).slice(0, 10) : null,
      quantity: p.quantity,
      bookCost: bookCost ?? '0.0000',
      authorizedCost,
      resalePrice: p.resalePrice === null ? null : moneyToString(parseMoney(String(p.resalePrice))),
      claimedAmount: claimed,
      computedAmount: '0',
      acceptedQuantity: 0,
      approvedAmount: '0',
      verdict: 'pending',
      rule: null,
      resubmissionOfLineId: null,
      adjustedByUserId: null,
      extra: p.extra ? (JSON.parse(p.extra) as Record<string, unknown>) : p.customerPo ? { resellerPoNumber: p.customerPo } : null,
    });
  }
  const claims: ClaimImportResult['claims'] = [];
  for (const g of groups.values()) {
    if (g.debitMemoNumber && (await repo.findClaimIdByDebitMemo(distributorId, g.debitMemoNumber))) {
      // A debit memo already claimed stays one claim; its new lines are claimed by period instead.
      g.debitMemoNumber = null;
    }
    const claimedTotal = moneyToString(sumMoney(g.lines.map((l) => parseMoney(l.claimedAmount))));
    const id = await repo.sequelize().transaction((t) =>
      repo.insertClaim(
        {
          number: documentNumber('CLM'),
          distributorId,
          type: g.type,
          debitMemoNumber: g.debitMemoNumber,
          currency: 'USD',
          claimedTotal,
          createdByUserId: actor.userId,
        },
        g.lines,
        t,
      ),
    );
    await recordAudit(actor, {
      action: 'claim.created',
      entityType: 'claim',
      entityId: id,
      distributorId,
      after: { type: g.type, importId, lines: g.lines.length, claimedTotal },
    });
    const c = await submitClaim(actor, id);
    claims.push({
      id: c.id,
      number: c.number,
      type: c.type,
      debitMemoNumber: c.debitMemoNumber,
      status: c.status,
      lineCount: c.lineCount,
      claimedTotal: c.claimedTotal,
      approvedTotal: c.approvedTotal,
    });
  }
  return { claims, unmatched };
}
