/** Authorization lines as compact records, the data the rule loop reads. */
import { endCustomerKey, hasValue, normalizeCode } from './rules.js';
import { parseIsoDate, parseUnits } from './units.js';
import type { AuthorizationLineFact } from './claim-lines.js';

export class AuthorizationDataError extends Error {}

/** The day before a YYYY-MM-DD day. */
function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * One fact per version in force for a line that carries its versions: the version's cost,
 * quantity and validity, its window narrowed to the days it is in force (from its effectiveFrom
 * to the day before the next version's). A window can be empty (a version replaced the day it
 * began): its record never passes the date rule. A cancelled version has no record; every record
 * of the line carries the cancellation day. Lines without versions are kept as they are.
 */
export function versionRecords(facts: readonly AuthorizationLineFact[]): AuthorizationLineFact[] {
  const out: AuthorizationLineFact[] = [];
  for (const fact of facts) {
    const versions = fact.versions;
    if (!versions || versions.length === 0) {
      out.push(fact);
      continue;
    }
    const cancelledFrom = versions.find((v) => v.cancelled)?.effectiveFrom ?? null;
    versions.forEach((v, i) => {
      if (v.cancelled) return;
      const next = versions[i + 1];
      const from = v.effectiveFrom > v.validFrom ? v.effectiveFrom : v.validFrom;
      const end = next ? dayBefore(next.effectiveFrom) : v.validTo;
      out.push({
        ...fact,
        versions: undefined,
        authorizationVersion: v.version,
        authorizedCost: v.authorizedCost,
        approvedQuantity: v.approvedQuantity,
        validFrom: from,
        validTo: end < v.validTo ? end : v.validTo,
        cancelledFrom,
      });
    });
  }
  return out;
}

// The layout of one authorization line in AuthorizationIndex.records: 16 numbers (128 bytes).
// The first 8 (one 64-byte cache line) are all a candidate check and the picked line read, so a
// line usually costs one cache miss in the authorization data, where one array per field would
// cost one miss per field: over 10,000 authorizations that difference decides the speed.
export const REC_STRIDE = 16;
/** record index just past this authorization number's lines, x4, plus the REC_FLAG_ bits */
export const REC_GROUP_END = 0;
export const REC_FLAG_REQUIRED = 1; // the program mandates extra fields
export const REC_FLAG_MAX_RESALE = 2; // the line sets a resale ceiling
export const REC_DISTRIBUTOR = 1;
export const REC_PRODUCT = 2;
export const REC_VALID_FROM = 3; // YYYYMMDD
export const REC_VALID_TO = 4;
export const REC_CUSTOMER = 5; // NaN: any end customer; -1: by name only; else the end customer id
export const REC_COST = 6; // authorized cost in minor units
export const REC_REMAINING = 7; // approved - consumed - taken by earlier lines of the running call
export const REC_VERSION = 8;
export const REC_MAX_RESALE = 9; // minor units, NaN when the line sets no ceiling
export const REC_AVAILABLE = 10; // approved - consumed, to restore REMAINING after a call
export const REC_CANCELLED_FROM = 11; // YYYYMMDD the authorization is cancelled from, NaN when it is not
export const REC_CLOSED_LOST = 12; // YYYYMMDD of the lost opportunity's close date, NaN when none

/**
 * Authorization lines as compact records (numbers, not strings) in one Float64Array, grouped by
 * authorization number behind one Map. Within a number, lines are ordered by version (highest
 * first), then line id, so the engine's tie-break is the position. Built once for the bulk
 * validator, or filled lazily per authorization number from a ValidationContext.
 */
export class AuthorizationIndex {
  private readonly groups = new Map<string, number>();
  /** one string per distinct end customer key, so matching keys compare by reference */
  private readonly customerKeys = new Map<string, string>();
  records = new Float64Array(REC_STRIDE * 64);
  /** per record: the fact, the normalized end customer name and the program's required fields */
  readonly facts: AuthorizationLineFact[] = [];
  readonly customerKey: (string | null)[] = [];
  readonly requiredFields: (readonly string[] | null)[] = [];
  /** every field some program mandates, in first-seen order (fixed once a bulk index is built) */
  readonly watchedFields: string[] = [];
  /** per record: the bits of its required fields in watchedFields, -1 when beyond 32 fields */
  readonly requiredMask: number[] = [];
  /** per record: true when its program's versions required other fields than `requiredFields` (the invoice date decides) */
  readonly requiredByVersion: boolean[] = [];
  /**
   * per record: the offsets (in `records`) of the other versions' records of the same
   * authorization line, null when it has none. One line has one remaining quantity whatever
   * version a sale meets: what a call takes from one version's record it takes from these too.
   */
  readonly siblings: (number[] | null)[] = [];

  constructor(private readonly loader?: (authorizationNumber: string) => readonly AuthorizationLineFact[]) {}

  /** true when lines are loaded on demand (the records may grow during a call) */
  get lazy(): boolean {
    return this.loader !== undefined;
  }

  static fromFacts(facts: Iterable<AuthorizationLineFact>): AuthorizationIndex {
    const byNumber = new Map<string, AuthorizationLineFact[]>();
    for (const fact of facts) {
      const key = normalizeCode(fact.authorizationNumber);
      const list = byNumber.get(key);
      if (list) list.push(fact);
      else byNumber.set(key, [fact]);
    }
    const index = new AuthorizationIndex();
    for (const [key, list] of byNumber) index.add(key, list);
    return index;
  }

  get lineCount(): number {
    return this.facts.length;
  }

  /** The index's own string for an end customer key (see endCustomerKey), or the key itself. */
  canonicalCustomerKey(key: string, add = false): string {
    const own = this.customerKeys.get(key);
    if (own !== undefined) return own;
    if (add) this.customerKeys.set(key, key);
    return key;
  }

  /** The first record of an authorization number's lines, or -1 when there is none. */
  group(authorizationNumber: string): number {
    let g = this.groups.get(authorizationNumber);
    if (g !== undefined) return g;
    const key = normalizeCode(authorizationNumber);
    if (key !== authorizationNumber) {
      g = this.groups.get(key);
      if (g !== undefined) return g;
    }
    if (this.loader === undefined || key === '') return -1;
    const trimmed = authorizationNumber.trim();
    let facts = this.loader(trimmed);
    if (facts.length === 0 && key !== trimmed) facts = this.loader(key);
    g = this.add(key, facts);
    if (key !== authorizationNumber) this.groups.set(authorizationNumber, g);
    return g;
  }

  private add(key: string, facts: readonly AuthorizationLineFact[]): number {
    if (facts.length === 0) {
      this.groups.set(key, -1);
      return -1;
    }
    const ordered = versionRecords(facts).sort(
      (a, b) => b.authorizationVersion - a.authorizationVersion || a.authorizationLineId - b.authorizationLineId,
    );
    const start = this.facts.length;
    const end = start + ordered.length;
    if (end * REC_STRIDE > this.records.length) {
      let size = this.records.length * 2;
      while (size < end * REC_STRIDE) size *= 2;
      const grown = new Float64Array(size);
      grown.set(this.records);
      this.records = grown;
    }
    for (const fact of ordered) this.addLine(fact, end);
    // The versions of one line (versionRecords) share its remaining quantity.
    const byLine = new Map<number, number[]>();
    for (let i = start; i < end; i++) {
      const id = this.facts[i]!.authorizationLineId;
      const list = byLine.get(id);
      if (list) list.push(i * REC_STRIDE);
      else byLine.set(id, [i * REC_STRIDE]);
    }
    for (let i = start; i < end; i++) {
      const list = byLine.get(this.facts[i]!.authorizationLineId)!;
      this.siblings.push(list.length > 1 ? list.filter((o) => o !== i * REC_STRIDE) : null);
    }
    this.groups.set(key, start);
    return start;
  }

  private addLine(fact: AuthorizationLineFact, groupEnd: number): void {
    const where = `authorization ${fact.authorizationNumber} line ${fact.authorizationLineId}`;
    const cost = parseUnits(fact.authorizedCost);
    if (Number.isNaN(cost)) throw new AuthorizationDataError(`${where}: authorized cost "${fact.authorizedCost}" is not an amount`);
    const from = parseIsoDate(fact.validFrom);
    const to = parseIsoDate(fact.validTo);
    if (from < 0 || to < 0) throw new AuthorizationDataError(`${where}: validity ${fact.validFrom}..${fact.validTo} is not two dates`);
    if (!Number.isSafeInteger(fact.approvedQuantity) || !Number.isSafeInteger(fact.consumedQuantity)) {
      throw new AuthorizationDataError(`${where}: quantities must be whole numbers`);
    }
    let ceiling = NaN;
    if (fact.maxResalePrice !== null && fact.maxResalePrice !== undefined) {
      ceiling = parseUnits(fact.maxResalePrice);
      if (Number.isNaN(ceiling)) throw new AuthorizationDataError(`${where}: max resale price "${fact.maxResalePrice}" is not an amount`);
    }
    const customerKey = hasValue(fact.endCustomerName) ? this.canonicalCustomerKey(endCustomerKey(fact.endCustomerName!), true) : null;
    const hasCustomerId = typeof fact.endCustomerId === 'number';
    const required = fact.requiredFields && fact.requiredFields.length > 0 ? fact.requiredFields : null;
    const byVersion = requiredFieldsVary(fact);
    const o = this.facts.length * REC_STRIDE;
    const r = this.records;
    const available = fact.approvedQuantity - fact.consumedQuantity;
    r[o + REC_GROUP_END] =
      groupEnd * 4 + (required === null && !byVersion ? 0 : REC_FLAG_REQUIRED) + (ceiling === ceiling ? REC_FLAG_MAX_RESALE : 0);
    r[o + REC_DISTRIBUTOR] = fact.distributorId;
    r[o + REC_PRODUCT] = fact.productId;
    r[o + REC_VALID_FROM] = from;
    r[o + REC_VALID_TO] = to;
    r[o + REC_CUSTOMER] = hasCustomerId ? fact.endCustomerId! : customerKey !== null ? -1 : NaN;
    r[o + REC_COST] = cost;
    r[o + REC_REMAINING] = available;
    r[o + REC_VERSION] = fact.authorizationVersion;
    r[o + REC_MAX_RESALE] = ceiling;
    r[o + REC_AVAILABLE] = available;
    r[o + REC_CANCELLED_FROM] = fact.cancelledFrom ? parseIsoDate(fact.cancelledFrom) : NaN;
    const lost = fact.closedLostOn ? parseIsoDate(fact.closedLostOn) : NaN;
    if (lost < 0) throw new AuthorizationDataError(`${where}: closed-lost date ${fact.closedLostOn} is not a date`);
    r[o + REC_CLOSED_LOST] = lost;
    this.facts.push(fact);
    this.customerKey.push(customerKey);
    this.requiredFields.push(required);
    this.requiredByVersion.push(byVersion);
    let mask = 0;
    for (const field of required ?? []) {
      let k = this.watchedFields.indexOf(field);
      if (k < 0) k = this.watchedFields.push(field) - 1;
      mask = k < 32 && mask >= 0 ? mask | (1 << k) : -1;
    }
    this.requiredMask.push(mask);
  }
}

/** Whether some version of the fact's program required other claim fields than its current ones. */
function requiredFieldsVary(fact: AuthorizationLineFact): boolean {
  const current = fact.requiredFields ?? [];
  for (const w of fact.filingWindows ?? []) {
    const fields = w.requiredFields;
    if (fields === undefined) continue;
    if (fields.length !== current.length || fields.some((f) => !current.includes(f))) return true;
  }
  return false;
}
