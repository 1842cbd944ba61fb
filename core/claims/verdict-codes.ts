/**
 * The small numbers a verdict is stored as: reason indexes (in REASON_CODES), rule numbers (in
 * RULE_NAMES, + 1), message flags and verdicts. The rule loop writes them into typed columns; the
 * explanation turns them back into words.
 */
import { REASON_CODES } from '../domain.js';
import { RULE_NAMES, type RuleName } from './rules.js';
import type { ClaimLineVerdict } from './claim-lines.js';

// Reason indexes in REASON_CODES (checked at load below).
export const AUTH_NOT_FOUND = 0;
export const AUTH_EXPIRED = 1;
export const AUTH_NOT_FOR_DISTRIBUTOR = 2;
export const PART_MISMATCH = 3;
export const END_CUSTOMER_MISMATCH = 4;
export const QTY_EXCEEDS_APPROVED = 5;
export const PRICE_ABOVE_AUTHORIZED = 6;
export const AMOUNT_OVER_CLAIMED = 7;
export const DUPLICATE_LINE = 8;
export const ALREADY_CLAIMED = 9;
export const MISSING_REQUIRED_FIELD = 10;
export const AUTH_CANCELLED = 13;
export const FILING_WINDOW_CLOSED = 14;
export const AUTH_CLOSED_LOST = 15;
if (
  REASON_CODES[AUTH_NOT_FOUND] !== 'AUTH_NOT_FOUND' ||
  REASON_CODES[AUTH_EXPIRED] !== 'AUTH_EXPIRED' ||
  REASON_CODES[AUTH_NOT_FOR_DISTRIBUTOR] !== 'AUTH_NOT_FOR_DISTRIBUTOR' ||
  REASON_CODES[PART_MISMATCH] !== 'PART_MISMATCH' ||
  REASON_CODES[END_CUSTOMER_MISMATCH] !== 'END_CUSTOMER_MISMATCH' ||
  REASON_CODES[QTY_EXCEEDS_APPROVED] !== 'QTY_EXCEEDS_APPROVED' ||
  REASON_CODES[PRICE_ABOVE_AUTHORIZED] !== 'PRICE_ABOVE_AUTHORIZED' ||
  REASON_CODES[AMOUNT_OVER_CLAIMED] !== 'AMOUNT_OVER_CLAIMED' ||
  REASON_CODES[DUPLICATE_LINE] !== 'DUPLICATE_LINE' ||
  REASON_CODES[ALREADY_CLAIMED] !== 'ALREADY_CLAIMED' ||
  REASON_CODES[MISSING_REQUIRED_FIELD] !== 'MISSING_REQUIRED_FIELD' ||
  REASON_CODES[AUTH_CANCELLED] !== 'AUTH_CANCELLED' ||
  REASON_CODES[FILING_WINDOW_CLOSED] !== 'FILING_WINDOW_CLOSED' ||
  REASON_CODES[AUTH_CLOSED_LOST] !== 'AUTH_CLOSED_LOST'
) {
  throw new Error('REASON_CODES changed order: update core/claims/verdict-codes.ts');
}

// Rule numbers stored per line: index in RULE_NAMES + 1, 0 = none.
const RULE = Object.fromEntries(RULE_NAMES.map((name, i) => [name, i + 1])) as Record<RuleName, number>;
export const R_REQUIRED = RULE.requiredLineFields;
export const R_DUPLICATE = RULE.notDuplicateInClaim;
export const R_CONSUMED = RULE.notAlreadyClaimed;
export const R_FOUND = RULE.authorizationFound;
export const R_DISTRIBUTOR = RULE.authorizationForDistributor;
export const R_PART = RULE.partMatches;
export const R_DATE = RULE.dateWithinValidity;
export const R_CUSTOMER = RULE.endCustomerMatches;
export const R_PROGRAM_FIELDS = RULE.programRequiredFields;
export const R_COST = RULE.costNotBelowAuthorized;
export const R_RESALE = RULE.resaleWithinCeiling;
export const R_BOOK = RULE.bookCostAboveAuthorized;
export const R_QUANTITY = RULE.quantityWithinApproved;
export const R_AMOUNT = RULE.amountNotOverClaimed;
export const R_FILING = RULE.withinFilingWindow;

// Per-line flags that refine a reason for its message.
export const F_PRICE_COST = 1;
export const F_PRICE_RESALE = 2;
export const F_PRICE_BOOK = 4;
export const F_PARTS_CONFLICT = 8;

export const VERDICT_ACCEPTED = 0;
export const VERDICT_PARTIAL = 1;
export const VERDICT_REJECTED = 2;
export const VERDICT_NAMES: readonly ClaimLineVerdict[] = ['accepted', 'partial', 'rejected'];

/**
 * A line's reasons packed in one number: each reason's index + 1 in a base-32 digit (5 bits), in
 * the order the rules fired, up to 10 of them (32^10 < 2^53, exact in a double). Arithmetic, not
 * bit operations: bitwise operators cut numbers to 32 bits.
 */
const REASON_BASE = 32;
const REASON_SLOTS = 10;
if (REASON_CODES.length >= REASON_BASE) throw new Error('REASON_CODES outgrew the packed reason digits (core/claims/verdict-codes.ts)');

/** Appends a reason to a line's packed reason list, once. */
export function pushReason(seq: number, code: number): number {
  const c = code + 1;
  let s = seq;
  let place = 1;
  for (let k = 0; s !== 0; k++) {
    if (s % REASON_BASE === c) return seq;
    s = Math.floor(s / REASON_BASE);
    place *= REASON_BASE;
    if (k + 1 >= REASON_SLOTS) throw new Error(`a claim line cannot carry more than ${REASON_SLOTS} reasons`);
  }
  return seq + c * place;
}

export function unpackReasons(seq: number): number[] {
  const out: number[] = [];
  let s = seq;
  while (s !== 0) {
    out.push((s % REASON_BASE) - 1);
    s = Math.floor(s / REASON_BASE);
  }
  return out;
}
