/**
 * The validation rules of DOMAIN.md, one small named function each. They work on primitive,
 * already-parsed values (money in minor units, dates as YYYYMMDD integers) so the engine's hot
 * loop can call them per line without allocating; the engine decides the order and the verdict.
 */
import type { PosKeyTable } from './pos-keys.js';
import type { FilingWindow } from './claim-lines.js';

/** The rules in the order the engine applies them; a verdict's `rule` is one of these names. */
export const RULE_NAMES = [
  'requiredLineFields',
  'notDuplicateInClaim',
  'notAlreadyClaimed',
  'authorizationFound',
  'authorizationForDistributor',
  'partMatches',
  'dateWithinValidity',
  'endCustomerMatches',
  'programRequiredFields',
  'costNotBelowAuthorized',
  'resaleWithinCeiling',
  'bookCostAboveAuthorized',
  'quantityWithinApproved',
  'amountNotOverClaimed',
  // last so that the numbers stored for the rules above stay; the engine checks it after endCustomerMatches
  'withinFilingWindow',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0xfeff;
}

/** True when a field carries a value: not null/undefined and, for text, not blank. */
export function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') {
    const n = value.length;
    for (let i = 0; i < n; i++) if (!isSpaceCode(value.charCodeAt(i))) return true;
    return false;
  }
  return true;
}

/** A quantity a claim line may carry: a whole number above zero (returns are not claims). */
export function isClaimableQuantity(quantity: unknown): quantity is number {
  return typeof quantity === 'number' && Number.isSafeInteger(quantity) && quantity > 0;
}

/** The canonical POS key (one definition, in pos-key.ts). */
export { posKey } from './pos-key.js';

/** Part numbers and authorization numbers compare trimmed and case-insensitively. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * notDuplicateInClaim: the first occurrence of a POS key in one call wins; returns the index of
 * the earlier line holding the same key, or -1 (and records this one).
 */
export function earlierOccurrence(seen: PosKeyTable, invoiceNumber: string, invoiceLine: string, index: number, hash?: number): number {
  return hash === undefined
    ? seen.putIfAbsent(invoiceNumber, invoiceLine, index)
    : seen.putIfAbsentHashed(hash, invoiceNumber, invoiceLine, index);
}

/** dateWithinValidity: the date (YYYYMMDD) lies inside the authorization's inclusive window. */
export function dateWithinValidity(date: number, validFrom: number, validTo: number): boolean {
  return date >= validFrom && date <= validTo;
}

/**
 * An end customer name reduced for comparison: Unicode-normalized, lower case, with every
 * whitespace removed ("ACME  Corp" and "Acme Corp" and "AcmeCorp" are one customer).
 */
export function endCustomerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Compares a raw name with an `endCustomerKey` without allocating on the usual ASCII path. */
export function sameEndCustomer(name: string, key: string): boolean {
  let k = 0;
  const n = name.length;
  const kn = key.length;
  for (let i = 0; i < n; i++) {
    let c = name.charCodeAt(i);
    if (c > 127) return endCustomerKey(name) === key;
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c >= 65 && c <= 90) c += 32;
    if (k >= kn || key.charCodeAt(k) !== c) return false;
    k++;
  }
  return k === kn;
}

export const END_CUSTOMER_MATCH = 0;
export const END_CUSTOMER_MISMATCH = 1;
export const END_CUSTOMER_MISSING = 2;
export type EndCustomerOutcome = typeof END_CUSTOMER_MATCH | typeof END_CUSTOMER_MISMATCH | typeof END_CUSTOMER_MISSING;

/**
 * endCustomerMatches. An authorization line without end customer (id and name null) accepts any.
 * Otherwise the id decides when both sides carry one, else the name (see `endCustomerKey`).
 * A line that names no end customer at all is MISSING (the distributor can add it); a line
 * whose end customer cannot be compared (an id against a name-only authorization is not
 * possible, since ids are ours, but a name against an id-only one is) is a MISMATCH.
 */
export function endCustomerMatches(
  authorizedId: number | null,
  authorizedKey: string | null,
  claimId: number | null | undefined,
  claimName: string | null | undefined,
): EndCustomerOutcome {
  return endCustomerKeysMatch(
    authorizedId,
    authorizedKey,
    typeof claimId === 'number' ? claimId : null,
    typeof claimName === 'string' && hasValue(claimName) ? endCustomerKey(claimName) : null,
  );
}

/** `endCustomerMatches` with the claimed name already reduced by `endCustomerKey` (null when absent). */
export function endCustomerKeysMatch(
  authorizedId: number | null,
  authorizedKey: string | null,
  claimId: number | null,
  claimKey: string | null,
): EndCustomerOutcome {
  return endCustomerUnitsMatch(authorizedId === null ? NaN : authorizedId, authorizedKey, claimId === null ? NaN : claimId, claimKey);
}

/**
 * `endCustomerKeysMatch` with NaN for an absent id: the engine's hot loop reads ids from typed
 * columns, and keeping them plain numbers (never `number | null`) keeps them unboxed.
 */
export function endCustomerUnitsMatch(
  authorizedId: number,
  authorizedKey: string | null,
  claimId: number,
  claimKey: string | null,
): EndCustomerOutcome {
  const hasAuthorizedId = authorizedId === authorizedId;
  const hasClaimId = claimId === claimId;
  if (!hasAuthorizedId && authorizedKey === null) return END_CUSTOMER_MATCH;
  if (hasAuthorizedId && hasClaimId) return claimId === authorizedId ? END_CUSTOMER_MATCH : END_CUSTOMER_MISMATCH;
  if (authorizedKey !== null && claimKey !== null) return claimKey === authorizedKey ? END_CUSTOMER_MATCH : END_CUSTOMER_MISMATCH;
  if (!hasClaimId && claimKey === null) return END_CUSTOMER_MISSING;
  return END_CUSTOMER_MISMATCH;
}

/**
 * quantityWithinApproved: how much of the requested quantity the authorization line still
 * covers. `remaining` = approved - consumed - taken by earlier lines of the same call; 0 means
 * reject (QTY_EXCEEDS_APPROVED), less than requested means a partial acceptance.
 */
export function quantityWithinApproved(requested: number, remaining: number): number {
  if (remaining <= 0) return 0;
  return requested <= remaining ? requested : remaining;
}

/**
 * costNotBelowAuthorized: the debit cost the distributor claims must not be below the
 * authorized cost; a lower claimed cost would recover more than the authorization allows
 * (PRICE_ABOVE_AUTHORIZED). A higher claimed cost is allowed: the credit is computed from the
 * authorization's cost anyway.
 */
export function costNotBelowAuthorized(claimedCostUnits: number, authorizedCostUnits: number): boolean {
  return claimedCostUnits >= authorizedCostUnits;
}

/**
 * resaleWithinCeiling: when the authorization line sets a maximum resale price (the price the
 * distributor must pass on to the end customer), the reported resale price must not exceed it.
 */
export function resaleWithinCeiling(resaleUnits: number, ceilingUnits: number): boolean {
  return resaleUnits <= ceilingUnits;
}

/**
 * bookCostAboveAuthorized: ship & debit recovers book - authorized; a book cost at or below the
 * authorized cost leaves nothing to recover (a zero or negative credit), so the line is rejected
 * as PRICE_ABOVE_AUTHORIZED rather than accepted for nothing or turned into a debit.
 */
export function bookCostAboveAuthorized(bookCostUnits: number, authorizedCostUnits: number): boolean {
  return bookCostUnits > authorizedCostUnits;
}

/**
 * amountNotOverClaimed: the claimed amount must not exceed the computed credit for the claimed
 * quantity. Over-claiming does not reject the line: the credit is cut to the computed amount
 * and the line is flagged AMOUNT_OVER_CLAIMED (verdict partial), since the rest of the line is
 * valid and the computed credit is what the authorization grants.
 */
export function amountNotOverClaimed(claimedUnits: number, computedUnits: number): boolean {
  return claimedUnits <= computedUnits;
}

const LINE_FIELDS = new Set([
  'authorizationNumber',
  'vendorPartNumber',
  'distributorPartNumber',
  'endCustomerId',
  'endCustomerName',
  'invoiceNumber',
  'invoiceLine',
  'invoiceDate',
  'shipDate',
  'quantity',
  'bookCost',
  'authorizedCost',
  'resalePrice',
  'claimedAmount',
]);

/**
 * programRequiredFields: the fields a program mandates (e.g. 'resellerPoNumber') that the line
 * leaves empty. A name is looked up among the line's own fields first, then in `extra`.
 * Returns null when none is missing.
 */
/** The value of a claim field a program may mandate: the line's own field, else `extra`. */
export function claimFieldValue(line: { readonly extra?: Record<string, string | null | undefined> }, field: string): unknown {
  if (LINE_FIELDS.has(field)) return (line as Record<string, unknown>)[field];
  if (line.extra && Object.prototype.hasOwnProperty.call(line.extra, field)) return line.extra[field];
  return undefined;
}

export function missingProgramFields(
  line: { readonly extra?: Record<string, string | null | undefined> },
  required: readonly string[],
): string[] | null {
  let missing: string[] | null = null;
  for (const field of required) if (!hasValue(claimFieldValue(line, field))) (missing ??= []).push(field);
  return missing;
}

/** Days since 1970-01-01 of a YYYYMMDD date (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function daysFromCivil(yyyymmdd: number): number {
  let y = Math.floor(yyyymmdd / 10000);
  const m = Math.floor(yyyymmdd / 100) % 100;
  const d = yyyymmdd % 100;
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The YYYYMMDD date of a day count since 1970-01-01 (civil_from_days). */
export function civilFromDays(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10000 + m * 100 + d;
}

/**
 * The program version in force on the invoice date (YYYYMMDD) among `windows` (newest first): the
 * newest that took effect on or before it, else the first version (an invoice dated before the
 * program was configured is judged by the rules it started with).
 */
export function filingWindowOn(windows: readonly FilingWindow[], invoiceDate: number): FilingWindow {
  for (const w of windows) if (w.fromDate <= invoiceDate) return w;
  return windows[windows.length - 1]!;
}

/**
 * withinFilingWindow: the last day (YYYYMMDD) a claim line invoiced on `invoiceDate` may be
 * submitted under the program version in force that day, or -1 when that version sets no window.
 * A line submitted on the last day is inside; the day after, it is FILING_WINDOW_CLOSED.
 */
export function filingDeadline(windows: readonly FilingWindow[], invoiceDate: number): number {
  const days = filingWindowOn(windows, invoiceDate).days;
  return days === null ? -1 : civilFromDays(daysFromCivil(invoiceDate) + days);
}
