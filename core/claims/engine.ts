/**
 * The claims validation rules engine: checks claim lines against authorizations and gives each
 * line a verdict with its reasons, the rule that decided, the authorization version and the
 * inputs that decided it (enough to replay it).
 *
 * Entry points, all running the one rule loop of `ValidationSession.validateBatch`:
 * - `validateClaimLines(lines, ctx)`: the server's API, reading authorizations through callbacks
 *   (each authorization number and part number asked once per call) and returning one plain
 *   object per line;
 * - `createValidator(data)`: the bulk API over compact, preloaded data. `validate(distributor,
 *   lines)` for one call, `session(distributor)` to stream a big file chunk by chunk, and
 *   `validateBatch` for lines already in columns (`ClaimLineBatch.from(lines, validator.texts,
 *   validator.index.watchedFields)`, which a parser can build while its strings are hot). They
 *   return columnar verdicts (`CompactVerdicts`), turned into objects only on demand;
 *   `session.validateChunk(batch, verdicts)` refills one verdicts object chunk after chunk, so
 *   streaming a file allocates nothing per line or per chunk (the fastest path: see the "Engine
 *   alone" section of docs/performance.md).
 *
 * Why it is fast (STACK.md: validation is bound by memory access): an authorization line is one
 * 128-byte record in a Float64Array whose first cache line holds everything a line check reads;
 * authorization numbers resolve through one Map, once per distinct text per session; claim lines
 * are read from typed columns; duplicate POS keys are found in an open-addressing table of
 * (hash, entry) pairs without building key strings; money is integer minor units.
 *
 * Plain TypeScript: no Node, Express or Sequelize import; it runs in the browser too.
 *
 * Decisions on the rules (each pinned by a test in test/core/claims):
 * - Every failing rule is reported, not only the first, so a distributor fixes a line once;
 *   `rule` names the first. Rules that need an authorization line (date, end customer, price,
 *   quantity, amount) run only once one was picked; quantity and amount run only on a line that
 *   nothing else rejected, so a rejected line never takes quantity from later lines.
 * - Missing or malformed fields (no part number, a bad date, "12,5" as a cost, a quantity that
 *   is not a whole number above zero) are MISSING_REQUIRED_FIELD naming the field.
 * - Validity is checked on the invoice date by default (`dateBasis: 'ship'` checks the ship date
 *   when the line has one).
 * - The authorization line is picked among the distributor's lines of that number whose product
 *   matches, preferring one that passes date and end customer, then the highest version, then
 *   one with quantity left, then the lowest line id: deterministic.
 * - A duplicate POS key (invoice number + line) in one call or session: the first occurrence is
 *   judged, every later one is DUPLICATE_LINE, whatever the first one's verdict. Keys compare
 *   trimmed and case-insensitively, and "007" is invoice line 7 (`posKey`): spelling an invoice
 *   line differently must not credit it twice.
 * - PRICE_ABOVE_AUTHORIZED: a claimed debit cost below the authorized cost, a resale price above
 *   the line's `maxResalePrice` (when the program sets one), or a book cost not above the
 *   authorized cost (nothing to recover). All reject.
 * - QTY_EXCEEDS_APPROVED: partial (cut to what remains) when some remains, rejected otherwise.
 * - AMOUNT_OVER_CLAIMED: the claimed amount above the credit computed for the claimed quantity;
 *   the line stays (verdict partial) and `approvedAmount` is the computed credit. A claimed
 *   amount below the computed credit is honoured: `approvedAmount` = min(claimed, computed).
 */
import type { ProgramType, ReasonCode } from '../domain.js';
import { REASON_CODES } from '../domain.js';
import {
  END_CUSTOMER_MATCH,
  END_CUSTOMER_MISSING,
  RULE_NAMES,
  type EndCustomerOutcome,
  amountNotOverClaimed,
  bookCostAboveAuthorized,
  costNotBelowAuthorized,
  dateWithinValidity,
  earlierOccurrence,
  endCustomerKey,
  endCustomerUnitsMatch,
  hasValue,
  missingProgramFields,
  normalizeCode,
  quantityWithinApproved,
  resaleWithinCeiling,
  type RuleName,
} from './rules.js';
import { PosKeyTable, splitPosKey } from './pos-keys.js';
import { ABSENT, ClaimLineBatch, ClaimTexts, FIELD_INVOICE_LINE, FIELD_INVOICE_NUMBER, FIELD_NAMES } from './batch.js';
import { bigUnitsToString, creditUnits, creditUnitsBig, parseIsoDate, parseUnits, unitsToString } from './units.js';

export * from './rules.js';
export { PosKeyTable, posKeyHash, samePosKey, splitPosKey } from './pos-keys.js';
export { ClaimLineBatch, ClaimTexts, TextInterner } from './batch.js';

export interface AuthorizationLineFact {
  authorizationId: number;
  authorizationLineId: number;
  authorizationNumber: string;
  authorizationVersion: number;
  distributorId: number;
  productId: number;
  vendorPartNumber: string;
  endCustomerId: number | null; // null = any end customer
  endCustomerName: string | null;
  authorizedCost: string; // decimal string, up to 4 dp
  approvedQuantity: number; // integer
  consumedQuantity: number; // integer, already consumed by earlier claims
  validFrom: string;
  validTo: string; // 'YYYY-MM-DD', inclusive
  programId: number;
  programType: ProgramType;
  requiredFields: string[]; // extra claim fields the program mandates, e.g. 'resellerPoNumber'
  /** optional ceiling on the resale price the distributor reports (decimal string) */
  maxResalePrice?: string | null;
}

export interface ClaimLineInput {
  lineNumber: number; // 1-based position in the claim or file
  authorizationNumber?: string | null;
  vendorPartNumber?: string | null;
  distributorPartNumber?: string | null;
  endCustomerId?: number | null;
  endCustomerName?: string | null;
  invoiceNumber: string;
  invoiceLine: string;
  invoiceDate: string;
  shipDate?: string | null; // 'YYYY-MM-DD'
  quantity: number;
  bookCost: string; // decimal string
  authorizedCost?: string | null; // the debit cost the distributor claims
  resalePrice?: string | null;
  claimedAmount?: string | null; // what the distributor asks for on this line
  extra?: Record<string, string | null | undefined>; // program-mandated fields
}

export interface ValidationContext {
  distributorId: number;
  /** all versions' active lines of authorizations by number (any distributor: the engine reports AUTH_NOT_FOR_DISTRIBUTOR) */
  authorizationLines(authorizationNumber: string): readonly AuthorizationLineFact[];
  /** product id for a vendor part number, and for this distributor's own part number */
  productByVendorPart(part: string): number | undefined;
  productByDistributorPart(part: string): number | undefined;
  /** true when the POS line (this distributor, invoice number, invoice line) is already consumed by another claim or program */
  isConsumed(invoiceNumber: string, invoiceLine: string): boolean;
}

export type ClaimLineVerdict = 'accepted' | 'partial' | 'rejected';

export interface LineVerdictResult {
  lineNumber: number;
  verdict: ClaimLineVerdict;
  reasonCodes: ReasonCode[]; // empty when accepted
  messages: string[]; // one human sentence per reason, shown to the distributor
  acceptedQuantity: number; // cut to what remains on a partial
  computedAmount: string; // (bookCost - authorizedCost of the authorization) x acceptedQuantity, to the cent, 4-dp string
  /** the credit to grant: computedAmount, or the claimed amount when the distributor asked for less */
  approvedAmount: string;
  authorizationLineId: number | null;
  authorizationVersion: number | null;
  rule: string | null; // the first rule that rejected or cut, e.g. 'quantityWithinApproved'
  inputs: Record<string, string | number | null>; // the inputs that decided the verdict, enough to replay it
}

export interface ValidationOptions {
  /** which date must lie inside the validity window; 'ship' uses the ship date when present */
  dateBasis?: 'invoice' | 'ship';
}

// Reason indexes in REASON_CODES (checked at load below).
const AUTH_NOT_FOUND = 0;
const AUTH_EXPIRED = 1;
const AUTH_NOT_FOR_DISTRIBUTOR = 2;
const PART_MISMATCH = 3;
const END_CUSTOMER_MISMATCH = 4;
const QTY_EXCEEDS_APPROVED = 5;
const PRICE_ABOVE_AUTHORIZED = 6;
const AMOUNT_OVER_CLAIMED = 7;
const DUPLICATE_LINE = 8;
const ALREADY_CLAIMED = 9;
const MISSING_REQUIRED_FIELD = 10;
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
  REASON_CODES[MISSING_REQUIRED_FIELD] !== 'MISSING_REQUIRED_FIELD'
) {
  throw new Error('REASON_CODES changed order: update core/claims/engine.ts');
}

// Rule numbers stored per line: index in RULE_NAMES + 1, 0 = none.
const RULE = Object.fromEntries(RULE_NAMES.map((name, i) => [name, i + 1])) as Record<RuleName, number>;
const R_REQUIRED = RULE.requiredLineFields;
const R_DUPLICATE = RULE.notDuplicateInClaim;
const R_CONSUMED = RULE.notAlreadyClaimed;
const R_FOUND = RULE.authorizationFound;
const R_DISTRIBUTOR = RULE.authorizationForDistributor;
const R_PART = RULE.partMatches;
const R_DATE = RULE.dateWithinValidity;
const R_CUSTOMER = RULE.endCustomerMatches;
const R_PROGRAM_FIELDS = RULE.programRequiredFields;
const R_COST = RULE.costNotBelowAuthorized;
const R_RESALE = RULE.resaleWithinCeiling;
const R_BOOK = RULE.bookCostAboveAuthorized;
const R_QUANTITY = RULE.quantityWithinApproved;
const R_AMOUNT = RULE.amountNotOverClaimed;

// Per-line flags that refine a reason for its message.
const F_PRICE_COST = 1;
const F_PRICE_RESALE = 2;
const F_PRICE_BOOK = 4;
const F_PARTS_CONFLICT = 8;

export const VERDICT_ACCEPTED = 0;
export const VERDICT_PARTIAL = 1;
export const VERDICT_REJECTED = 2;
const VERDICT_NAMES: readonly ClaimLineVerdict[] = ['accepted', 'partial', 'rejected'];

/** Appends a reason (index + 1 in a nibble) to a line's packed reason list, once. */
function pushReason(seq: number, code: number): number {
  const c = code + 1;
  let s = seq;
  let shift = 0;
  while (s !== 0) {
    if ((s & 15) === c) return seq;
    s >>>= 4;
    shift += 4;
  }
  return (seq | (c << shift)) >>> 0;
}

function unpackReasons(seq: number): number[] {
  const out: number[] = [];
  let s = seq;
  while (s !== 0) {
    out.push((s & 15) - 1);
    s >>>= 4;
  }
  return out;
}

export class AuthorizationDataError extends Error {}

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
    const ordered = [...facts].sort(
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
    const o = this.facts.length * REC_STRIDE;
    const r = this.records;
    const available = fact.approvedQuantity - fact.consumedQuantity;
    r[o + REC_GROUP_END] = groupEnd * 4 + (required === null ? 0 : REC_FLAG_REQUIRED) + (ceiling === ceiling ? REC_FLAG_MAX_RESALE : 0);
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
    this.facts.push(fact);
    this.customerKey.push(customerKey);
    this.requiredFields.push(required);
    let mask = 0;
    for (const field of required ?? []) {
      let k = this.watchedFields.indexOf(field);
      if (k < 0) k = this.watchedFields.push(field) - 1;
      mask = k < 32 && mask >= 0 ? mask | (1 << k) : -1;
    }
    this.requiredMask.push(mask);
  }
}

/** Part number → product id lookups for one distributor. */
export interface PartResolver {
  vendor(part: string): number | undefined;
  distributor(part: string): number | undefined;
}

/** True when the POS line is already consumed by another claim or program. */
export type ConsumedCheck = (invoiceNumber: string, invoiceLine: string, keyHash: number) => boolean;

/**
 * Verdicts of one call in columns. `result(i)` / `results()` build the full, explainable
 * `LineVerdictResult` objects (messages and inputs) only when asked.
 */
export class CompactVerdicts {
  readonly verdict: Uint8Array;
  /** reason indexes (in REASON_CODES) + 1, one per 4 bits, in the order the rules fired */
  readonly reasons: Uint32Array;
  /** index in RULE_NAMES + 1 of the first rule that rejected or cut; 0 when accepted */
  readonly rule: Uint8Array;
  readonly flags: Uint8Array;
  readonly acceptedQuantity: Float64Array;
  /** minor units (x10^4); NaN when the amount is beyond safe integers (see bigAmounts) */
  readonly computedUnits: Float64Array;
  readonly approvedUnits: Float64Array;
  /** index of the picked authorization line in the AuthorizationIndex, -1 when none */
  readonly authorizationLine: Int32Array;
  /** quantity left on the authorization line when this line was reached; NaN when not checked */
  readonly remainingBefore: Float64Array;
  readonly missingFields = new Map<number, string[]>();
  /** line index → the lineNumber of the earlier line (in this call or an earlier chunk) holding the same POS key */
  readonly duplicateOf = new Map<number, number>();
  readonly consumed = new Set<number>();
  readonly bigComputed = new Map<number, bigint>();
  readonly bigApproved = new Map<number, bigint>();
  /**
   * lines with verdicts: `count` lines from `lines[lineOffset]` on (`line(i)`). The offset is 0
   * except in an object reused by `validateChunk` over range batches.
   */
  count: number;
  lineOffset = 0;
  /** lines the columns have room for (a reused object may hold fewer) */
  readonly capacity: number;

  constructor(
    public lines: readonly ClaimLineInput[],
    readonly index: AuthorizationIndex,
    public distributorId: number,
    public dateBasis: 'invoice' | 'ship',
    capacity = lines.length,
  ) {
    const n = capacity;
    this.capacity = n;
    this.count = Math.min(lines.length, n);
    this.verdict = new Uint8Array(n);
    this.reasons = new Uint32Array(n);
    this.rule = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.acceptedQuantity = new Float64Array(n);
    this.computedUnits = new Float64Array(n);
    this.approvedUnits = new Float64Array(n);
    this.authorizationLine = new Int32Array(n);
    this.remainingBefore = new Float64Array(n);
  }

  /** The claim line of verdict i. */
  line(i: number): ClaimLineInput {
    return this.lines[this.lineOffset + i]!;
  }

  /**
   * Makes this object the (empty) verdicts of `count` lines from `lines[lineOffset]`: the sparse
   * maps are cleared and the columns are overwritten by the next validation. Needs `count <= capacity`.
   */
  rebind(lines: readonly ClaimLineInput[], lineOffset: number, count: number, distributorId: number, dateBasis: 'invoice' | 'ship'): void {
    if (count > this.capacity) throw new RangeError(`${count} lines do not fit in verdicts for ${this.capacity}`);
    this.lines = lines;
    this.lineOffset = lineOffset;
    this.count = count;
    this.distributorId = distributorId;
    this.dateBasis = dateBasis;
    if (this.missingFields.size > 0) this.missingFields.clear();
    if (this.duplicateOf.size > 0) this.duplicateOf.clear();
    if (this.consumed.size > 0) this.consumed.clear();
    if (this.bigComputed.size > 0) this.bigComputed.clear();
    if (this.bigApproved.size > 0) this.bigApproved.clear();
  }

  verdictOf(i: number): ClaimLineVerdict {
    return VERDICT_NAMES[this.verdict[i]!]!;
  }

  reasonCodesOf(i: number): ReasonCode[] {
    return unpackReasons(this.reasons[i]!).map((r) => REASON_CODES[r]!);
  }

  computedAmountOf(i: number): string {
    const u = this.computedUnits[i]!;
    return Number.isNaN(u) ? bigUnitsToString(this.bigComputed.get(i)!) : unitsToString(u);
  }

  approvedAmountOf(i: number): string {
    const u = this.approvedUnits[i]!;
    return Number.isNaN(u) ? bigUnitsToString(this.bigApproved.get(i)!) : unitsToString(u);
  }

  result(i: number): LineVerdictResult {
    return explain(this, i);
  }

  results(): LineVerdictResult[] {
    const out = new Array<LineVerdictResult>(this.count);
    for (let i = 0; i < out.length; i++) out[i] = explain(this, i);
    return out;
  }

  /** Counts and exact totals; every total is the sum of its lines. */
  totals(): VerdictTotals {
    let accepted = 0;
    let partial = 0;
    let rejected = 0;
    let quantity = 0;
    const computed = new UnitsSum();
    const approved = new UnitsSum();
    for (let i = 0; i < this.count; i++) {
      const v = this.verdict[i];
      if (v === VERDICT_ACCEPTED) accepted++;
      else if (v === VERDICT_PARTIAL) partial++;
      else rejected++;
      quantity += this.acceptedQuantity[i]!;
      const c = this.computedUnits[i]!;
      if (Number.isNaN(c)) computed.addBig(this.bigComputed.get(i)!);
      else computed.add(c);
      const a = this.approvedUnits[i]!;
      if (Number.isNaN(a)) approved.addBig(this.bigApproved.get(i)!);
      else approved.add(a);
    }
    return {
      lines: this.count,
      accepted,
      partial,
      rejected,
      acceptedQuantity: quantity,
      computedAmount: computed.toString(),
      approvedAmount: approved.toString(),
    };
  }
}

export interface VerdictTotals {
  lines: number;
  accepted: number;
  partial: number;
  rejected: number;
  acceptedQuantity: number;
  computedAmount: string;
  approvedAmount: string;
}

/** An exact sum of minor units: numbers while safe, BigInt beyond. */
class UnitsSum {
  private small = 0;
  private big = 0n;
  add(units: number): void {
    const next = this.small + units;
    if (Number.isSafeInteger(next)) this.small = next;
    else {
      this.big += BigInt(this.small) + BigInt(units);
      this.small = 0;
    }
  }
  addBig(units: bigint): void {
    this.big += units;
  }
  toString(): string {
    return bigUnitsToString(this.big + BigInt(this.small));
  }
}

/** Exact totals over verdict objects (e.g. after a round trip through JSON). */
export function summarizeVerdicts(results: readonly LineVerdictResult[]): VerdictTotals {
  let accepted = 0;
  let partial = 0;
  let rejected = 0;
  let quantity = 0;
  let computed = 0n;
  let approved = 0n;
  for (const r of results) {
    if (r.verdict === 'accepted') accepted++;
    else if (r.verdict === 'partial') partial++;
    else rejected++;
    quantity += r.acceptedQuantity;
    computed += bigUnitsOf(r.computedAmount);
    approved += bigUnitsOf(r.approvedAmount);
  }
  return {
    lines: results.length,
    accepted,
    partial,
    rejected,
    acceptedQuantity: quantity,
    computedAmount: bigUnitsToString(computed),
    approvedAmount: bigUnitsToString(approved),
  };
}

function bigUnitsOf(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not an amount`);
  const units = BigInt(m[2]!) * 10000n + BigInt((m[3] ?? '').padEnd(4, '0') || '0');
  return m[1] ? -units : units;
}

function addMissing(list: string[] | null, field: string): string[] {
  if (list === null) return [field];
  if (!list.includes(field)) list.push(field);
  return list;
}

/**
 * What a session resolved each interned text to (authorization group, product, end customer key),
 * looked up once per distinct text. A bulk validator keeps one per distributor for all its
 * sessions (the texts and the index are the validator's, so the answers do not change); a
 * session over a lazily loaded index has its own.
 */
export class ResolutionCache {
  groupOf = new Int32Array(0);
  /** product id, NaN for an unknown part, -Infinity not looked up yet */
  vendorProductOf = new Float64Array(0);
  distributorProductOf = new Float64Array(0);
  readonly customerOf: (string | undefined)[] = [];
  readonly partKeyOf: (string | undefined)[] = [];

  /** Grows the caches to the texts interned so far; new entries are "not looked up". */
  grow(texts: ClaimTexts): void {
    if (this.groupOf.length < texts.authorizations.size) this.groupOf = grown(this.groupOf, texts.authorizations.size, UNRESOLVED);
    if (this.vendorProductOf.length < texts.vendorParts.size)
      this.vendorProductOf = grown(this.vendorProductOf, texts.vendorParts.size, -Infinity);
    if (this.distributorProductOf.length < texts.distributorParts.size)
      this.distributorProductOf = grown(this.distributorProductOf, texts.distributorParts.size, -Infinity);
  }
}

function grown<T extends Int32Array | Float64Array>(cache: T, size: number, empty: number): T {
  const next = new (cache.constructor as new (n: number) => T)(Math.max(size, cache.length * 2, 256));
  next.fill(empty);
  next.set(cache);
  return next;
}

/** How a session is wired to its validator. */
export interface SessionSetup {
  parts: PartResolver;
  /** POS keys already consumed: a table (bulk data) or a callback (a ValidationContext) */
  consumed: PosKeyTable | ConsumedCheck;
  options?: ValidationOptions;
  /** lines the session will see, to size its duplicate table */
  expectedLines?: number;
  /** a private copy of the records when another session holds the index's own */
  records?: Float64Array;
  /** called once by `close()`, after the quantity was given back, with the duplicate table the session no longer uses */
  onClose?: (seen: PosKeyTable) => void;
  texts?: ClaimTexts;
  /** an empty duplicate table to reuse */
  seen?: PosKeyTable;
  /** resolutions shared with other sessions (same index, texts and distributor) */
  cache?: ResolutionCache;
}

/**
 * One distributor's claim, or one POS file, validated in chunks: duplicate detection and the
 * quantity taken from authorization lines carry over from chunk to chunk, so a million-line file
 * can stream through in constant memory apart from the POS keys seen (8 bytes of table and a
 * reference to the line's invoice strings per line). `close()` gives the quantity back to the
 * validator: every session starts from the consumed quantities the validator was built with.
 *
 * The rule loop allocates nothing for a line that passes, and with `validateChunk` reusing one
 * verdicts object nothing per chunk either: everything a message needs is kept in columns, or in
 * sparse maps for the few faulty lines, for `explain`.
 */
export class ValidationSession {
  /** Share it with `ClaimLineBatch.from` so the batches' text ids hit this session's caches. */
  readonly texts: ClaimTexts;
  /** the POS keys seen so far; handed to `onClose` by `close()` for reuse */
  private seen: PosKeyTable;
  /** offsets of the records this session took quantity from, each once */
  private readonly touched: number[] = [];
  private readonly dateBasis: 'invoice' | 'ship';
  private records: Float64Array;
  private closed = false;
  private readonly parts: PartResolver;
  private readonly consumedKeys: PosKeyTable | null;
  private readonly isConsumed: ConsumedCheck | null;
  private readonly cache: ResolutionCache;
  private readonly onClose: ((seen: PosKeyTable) => void) | undefined;

  constructor(
    private readonly index: AuthorizationIndex,
    readonly distributorId: number,
    setup: SessionSetup,
  ) {
    this.parts = setup.parts;
    if (setup.consumed instanceof PosKeyTable) {
      this.consumedKeys = setup.consumed;
      this.isConsumed = null;
    } else {
      this.consumedKeys = null;
      this.isConsumed = setup.consumed;
    }
    this.texts = setup.texts ?? new ClaimTexts();
    this.dateBasis = setup.options?.dateBasis ?? 'invoice';
    this.seen = setup.seen ?? new PosKeyTable(setup.expectedLines ?? 1024);
    this.records = setup.records ?? index.records;
    this.cache = setup.cache ?? new ResolutionCache();
    this.onClose = setup.onClose;
  }

  /** Validates the next lines; line order across chunks is the first-come-first-served order. */
  validate(lines: readonly ClaimLineInput[]): CompactVerdicts {
    return this.validateBatch(ClaimLineBatch.from(lines, this.texts, this.index.lazy ? null : this.index.watchedFields));
  }

  /**
   * Validates the next batch into `reuse`, a verdicts object an earlier `validateChunk` returned
   * (of any session of this validator): its previous content is overwritten, so read each
   * chunk's verdicts before passing the object back. Streams a big file without allocating
   * verdict columns per chunk. Without `reuse` (or when the batch does not fit) it allocates one.
   */
  validateChunk(batch: ClaimLineBatch, reuse?: CompactVerdicts): CompactVerdicts {
    const n = batch.count;
    const out =
      reuse !== undefined && reuse.index === this.index && reuse.capacity >= n
        ? reuse
        : new CompactVerdicts(batch.lines, this.index, this.distributorId, this.dateBasis, n);
    out.rebind(batch.lines, batch.start, n, this.distributorId, this.dateBasis);
    return this.validateBatch(batch, out, 0);
  }

  /**
   * Validates a batch built with this session's texts (`ClaimLineBatch.from(lines, session.texts)`).
   * With `into`, the verdicts are written there from `offset` on (a big call cut into chunks).
   */
  validateBatch(batch: ClaimLineBatch, into?: CompactVerdicts, offset = 0): CompactVerdicts {
    if (this.closed) throw new Error('this validation session is closed');
    if (batch.texts !== this.texts) throw new Error("build the batch with this session's (or validator's) texts");
    const { index, distributorId, isConsumed, consumedKeys, seen, touched, dateBasis, parts, cache } = this;
    const lines = batch.lines;
    const first = batch.start;
    const authorizationTexts = this.texts.authorizations.texts;
    const vendorPartTexts = this.texts.vendorParts.texts;
    const distributorPartTexts = this.texts.distributorParts.texts;
    const customerTexts = this.texts.customers.texts;
    cache.grow(this.texts);
    const { groupOf, vendorProductOf, distributorProductOf, customerOf, partKeyOf } = cache;
    const lazy = index.lazy;
    let rec = lazy ? index.records : this.records;
    const n = batch.count;
    let out = into;
    // a fresh object holds exactly the batch's lines (`lines[i]` is line i, as callers read it)
    if (out === undefined)
      out = new CompactVerdicts(first === 0 && n === lines.length ? lines : lines.slice(first, first + n), index, distributorId, dateBasis);
    const { verdict, reasons, rule: ruleOut, flags: flagsOut, acceptedQuantity, computedUnits, approvedUnits, remainingBefore } = out;
    const picked = out.authorizationLine;
    const { customerKey, requiredFields, requiredMask } = index;
    // presence bits are usable when the batch watched this index's (fixed) field list
    const present = !lazy && batch.watched === index.watchedFields ? batch.present : null;
    const {
      bad: badColumn,
      quantity: quantityColumn,
      invoiceDate: invoiceDateColumn,
      shipDate: shipDateColumn,
      bookCost: bookColumn,
      authorizedCost: claimedCostColumn,
      resalePrice: resaleColumn,
      claimedAmount: claimedColumn,
      endCustomerId: customerIdColumn,
      authorization: authorizationColumn,
      vendorPart: vendorPartColumn,
      distributorPart: distributorPartColumn,
      endCustomerName: customerNameColumn,
      keyHash: keyHashColumn,
      invoiceNumber: invoiceNumberColumn,
      invoiceLine: invoiceLineColumn,
      lineNumber: lineNumberColumn,
    } = batch;

    for (let i = 0; i < n; i++) {
      const k = offset + i;
      let seq = 0;
      let rule = 0;
      let flags = 0;
      let rejected = false;
      let missing: string[] | null = null;
      // every column is written for every line: a reused verdicts object holds the last chunk's
      remainingBefore[k] = NaN;
      picked[k] = -1;
      acceptedQuantity[k] = 0;
      computedUnits[k] = 0;
      approvedUnits[k] = 0;

      // requiredLineFields
      const bad = badColumn[i]!;
      if (bad !== 0) {
        missing = missingFieldNames(bad);
        seq = pushReason(seq, MISSING_REQUIRED_FIELD);
        rule = R_REQUIRED;
        rejected = true;
      }
      const quantity = quantityColumn[i]!;
      let date = invoiceDateColumn[i]!;
      if (dateBasis === 'ship') {
        const ship = shipDateColumn[i]!;
        if (ship > 0) date = ship;
      }
      const book = bookColumn[i]!;
      const claimedCost = claimedCostColumn[i]!;
      const resale = resaleColumn[i]!;
      const claimed = claimedColumn[i]!;

      // notDuplicateInClaim, notAlreadyClaimed
      if ((bad & (FIELD_INVOICE_NUMBER | FIELD_INVOICE_LINE)) === 0) {
        const hash = keyHashColumn[i]!;
        const invoiceNumber = invoiceNumberColumn[i]!;
        const invoiceLine = invoiceLineColumn[i]!;
        const earlier = earlierOccurrence(seen, invoiceNumber, invoiceLine, lineNumberColumn[i]!, hash);
        if (earlier >= 0) {
          out.duplicateOf.set(k, earlier);
          seq = pushReason(seq, DUPLICATE_LINE);
          if (rule === 0) rule = R_DUPLICATE;
          rejected = true;
        }
        if (
          consumedKeys !== null
            ? consumedKeys.getHashed(hash, invoiceNumber, invoiceLine) >= 0
            : isConsumed!(invoiceNumber, invoiceLine, hash)
        ) {
          out.consumed.add(k);
          seq = pushReason(seq, ALREADY_CLAIMED);
          if (rule === 0) rule = R_CONSUMED;
          rejected = true;
        }
      }

      // authorizationFound, authorizationForDistributor, partMatches: pick the authorization line
      let best = -1;
      let bestDateOk = false;
      let bestCustomer: EndCustomerOutcome = END_CUSTOMER_MATCH;
      const authorizationId = authorizationColumn[i]!;
      if (authorizationId >= 0) {
        let start = groupOf[authorizationId]!;
        if (start === UNRESOLVED) {
          start = index.group(authorizationTexts[authorizationId]!);
          groupOf[authorizationId] = start;
          // the lazy loader may have grown the records
          if (lazy) rec = index.records;
        }
        if (start < 0) {
          seq = pushReason(seq, AUTH_NOT_FOUND);
          if (rule === 0) rule = R_FOUND;
          rejected = true;
        } else {
          const end = rec[start * REC_STRIDE + REC_GROUP_END]! >>> 2;
          let forDistributor = false;
          for (let j = start; j < end; j++) {
            if (rec[j * REC_STRIDE + REC_DISTRIBUTOR] === distributorId) {
              forDistributor = true;
              break;
            }
          }
          if (!forDistributor) {
            seq = pushReason(seq, AUTH_NOT_FOR_DISTRIBUTOR);
            if (rule === 0) rule = R_DISTRIBUTOR;
            rejected = true;
          } else {
            const vendorPartId = vendorPartColumn[i]!;
            const distributorPartId = distributorPartColumn[i]!;
            let vendorProduct = NaN;
            let distributorProduct = NaN;
            // resolved once per text (out of line), then read back: the products stay unboxed numbers
            if (vendorPartId >= 0) {
              if (vendorProductOf[vendorPartId] === -Infinity) resolveVendorPart(parts, vendorProductOf, vendorPartTexts, vendorPartId);
              vendorProduct = vendorProductOf[vendorPartId]!;
            }
            if (distributorPartId >= 0) {
              if (distributorProductOf[distributorPartId] === -Infinity)
                resolveDistributorPart(parts, distributorProductOf, distributorPartTexts, distributorPartId);
              distributorProduct = distributorProductOf[distributorPartId]!;
            }
            if (vendorProduct === vendorProduct && distributorProduct === distributorProduct && vendorProduct !== distributorProduct) {
              flags |= F_PARTS_CONFLICT;
            } else {
              const product = vendorProduct === vendorProduct ? vendorProduct : distributorProduct;
              // Without a known product, the vendor part text itself may still match the line.
              let textKey: string | null = null;
              if (vendorProduct !== vendorProduct && vendorPartId >= 0)
                textKey = partKeyOf[vendorPartId] ??= normalizeCode(vendorPartTexts[vendorPartId]!);
              const customerId = customerIdColumn[i]!;
              const customerNameId = customerNameColumn[i]!;
              const claimKey =
                customerNameId >= 0
                  ? (customerOf[customerNameId] ??= index.canonicalCustomerKey(endCustomerKey(customerTexts[customerNameId]!)))
                  : null;
              let bestBad = 0;
              for (let j = start; j < end; j++) {
                const o = j * REC_STRIDE;
                if (rec[o + REC_DISTRIBUTOR] !== distributorId) continue;
                if (rec[o + REC_PRODUCT] !== product && (textKey === null || normalizeCode(index.facts[j]!.vendorPartNumber) !== textKey))
                  continue;
                const dateOk = date >= 0 && dateWithinValidity(date, rec[o + REC_VALID_FROM]!, rec[o + REC_VALID_TO]!);
                const c = rec[o + REC_CUSTOMER]!;
                const customer =
                  c !== c ? END_CUSTOMER_MATCH : endCustomerUnitsMatch(c >= 0 ? c : NaN, customerKey[j] ?? null, customerId, claimKey);
                const badness = (dateOk ? 0 : 2) + (customer === END_CUSTOMER_MATCH ? 0 : 1);
                // lines are ordered by version (highest first), then line id: an earlier line wins
                // a tie unless only the later one of the same version has quantity left
                let better = best < 0 || badness < bestBad;
                if (!better && badness === bestBad) {
                  const b = best * REC_STRIDE;
                  better = rec[o + REC_VERSION] === rec[b + REC_VERSION] && rec[o + REC_REMAINING]! > 0 && !(rec[b + REC_REMAINING]! > 0);
                }
                if (better) {
                  best = j;
                  bestBad = badness;
                  bestDateOk = dateOk;
                  bestCustomer = customer;
                }
              }
            }
            // a line with no part at all was reported as a missing field
            if (best < 0 && (vendorPartId >= 0 || distributorPartId >= 0)) {
              seq = pushReason(seq, PART_MISMATCH);
              if (rule === 0) rule = R_PART;
              rejected = true;
            }
          }
        }

        if (best >= 0) {
          const o = best * REC_STRIDE;
          picked[k] = best;
          // dateWithinValidity (a bad date was reported above)
          if (date >= 0 && !bestDateOk) {
            seq = pushReason(seq, AUTH_EXPIRED);
            if (rule === 0) rule = R_DATE;
            rejected = true;
          }
          // endCustomerMatches
          if (bestCustomer !== END_CUSTOMER_MATCH) {
            if (bestCustomer === END_CUSTOMER_MISSING) {
              missing = addMissing(missing, 'endCustomerName');
              seq = pushReason(seq, MISSING_REQUIRED_FIELD);
            } else seq = pushReason(seq, END_CUSTOMER_MISMATCH);
            if (rule === 0) rule = R_CUSTOMER;
            rejected = true;
          }
          // programRequiredFields
          const recFlags = rec[o + REC_GROUP_END]! & 3;
          if (recFlags & REC_FLAG_REQUIRED) {
            const mask = requiredMask[best]!;
            const absent =
              present !== null && mask >= 0
                ? (present[i]! & mask) === mask
                  ? null
                  : absentWatchedFields(requiredFields[best]!, present[i]!, index.watchedFields)
                : missingProgramFields(lines[first + i]!, requiredFields[best]!);
            if (absent !== null) {
              for (const field of absent) missing = addMissing(missing, field);
              seq = pushReason(seq, MISSING_REQUIRED_FIELD);
              if (rule === 0) rule = R_PROGRAM_FIELDS;
              rejected = true;
            }
          }
          // costNotBelowAuthorized, resaleWithinCeiling, bookCostAboveAuthorized
          const cost = rec[o + REC_COST]!;
          if (claimedCost >= 0 && !costNotBelowAuthorized(claimedCost, cost)) {
            flags |= F_PRICE_COST;
            seq = pushReason(seq, PRICE_ABOVE_AUTHORIZED);
            if (rule === 0) rule = R_COST;
            rejected = true;
          }
          if (recFlags & REC_FLAG_MAX_RESALE) {
            const ceiling = rec[o + REC_MAX_RESALE]!;
            if (resale === ABSENT) {
              missing = addMissing(missing, 'resalePrice');
              seq = pushReason(seq, MISSING_REQUIRED_FIELD);
              if (rule === 0) rule = R_RESALE;
              rejected = true;
            } else if (resale >= 0 && !resaleWithinCeiling(resale, ceiling)) {
              flags |= F_PRICE_RESALE;
              seq = pushReason(seq, PRICE_ABOVE_AUTHORIZED);
              if (rule === 0) rule = R_RESALE;
              rejected = true;
            }
          }
          if (book >= 0 && !bookCostAboveAuthorized(book, cost)) {
            flags |= F_PRICE_BOOK;
            seq = pushReason(seq, PRICE_ABOVE_AUTHORIZED);
            if (rule === 0) rule = R_BOOK;
            rejected = true;
          }

          if (!rejected) {
            // quantityWithinApproved: first come, first served in line order
            const left = rec[o + REC_REMAINING]!;
            remainingBefore[k] = left;
            const accepted = quantityWithinApproved(quantity, left);
            if (accepted === 0) {
              seq = pushReason(seq, QTY_EXCEEDS_APPROVED);
              rule = R_QUANTITY;
              rejected = true;
            } else {
              if (accepted < quantity) {
                seq = pushReason(seq, QTY_EXCEEDS_APPROVED);
                rule = R_QUANTITY;
              }
              // the first take from a record in this session: remember it for close()
              if (left === rec[o + REC_AVAILABLE]) touched.push(o);
              rec[o + REC_REMAINING] = left - accepted;
              acceptedQuantity[k] = accepted;
              // amountNotOverClaimed: cut to the computed credit, flag it. (Results go through the
              // typed columns and are read back, so they stay unboxed whatever V8 inlines.)
              computedUnits[k] = creditUnits(book, cost, accepted);
              const credit = computedUnits[k]!;
              if (credit !== credit) out.bigComputed.set(k, creditUnitsBig(book, cost, accepted));
              approvedUnits[k] = credit;
              if (claimed >= 0) {
                if (accepted !== quantity) approvedUnits[k] = creditUnits(book, cost, quantity);
                const full = approvedUnits[k]!;
                // a credit beyond safe integers is above any claimed amount, which is safe
                if (full === full && !amountNotOverClaimed(claimed, full)) {
                  seq = pushReason(seq, AMOUNT_OVER_CLAIMED);
                  if (rule === 0) rule = R_AMOUNT;
                }
                approvedUnits[k] = credit !== credit || claimed < credit ? claimed : credit;
              } else if (credit !== credit) out.bigApproved.set(k, out.bigComputed.get(k)!);
            }
          }
        }
      }

      if (missing !== null) out.missingFields.set(k, missing);
      reasons[k] = seq;
      ruleOut[k] = rule;
      flagsOut[k] = flags;
      verdict[k] = rejected ? VERDICT_REJECTED : seq === 0 ? VERDICT_ACCEPTED : VERDICT_PARTIAL;
    }
    if (lazy) this.records = rec;
    return out;
  }

  /** Gives the quantity taken back to the validator's records. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const rec = this.index.lazy ? this.index.records : this.records;
    const touched = this.touched;
    for (let t = touched.length - 1; t >= 0; t--) rec[touched[t]! + REC_REMAINING] = rec[touched[t]! + REC_AVAILABLE]!;
    touched.length = 0;
    const seen = this.seen;
    this.seen = EMPTY_SEEN;
    this.onClose?.(seen);
  }
}

const UNRESOLVED = -2;

/**
 * The required fields whose presence bit is clear. Out of the rule loop: a closure there that
 * captured the loop's line index would make V8 allocate a context for every line.
 */
function absentWatchedFields(required: readonly string[], bits: number, watched: readonly string[]): string[] {
  const absent: string[] = [];
  for (const field of required) if ((bits & (1 << watched.indexOf(field))) === 0) absent.push(field);
  return absent;
}

// The slow paths of the rule loop, kept out of it: each runs once per distinct text.
function resolveVendorPart(parts: PartResolver, cache: Float64Array, texts: readonly string[], id: number): void {
  cache[id] = parts.vendor(texts[id]!) ?? NaN;
}

function resolveDistributorPart(parts: PartResolver, cache: Float64Array, texts: readonly string[], id: number): void {
  cache[id] = parts.distributor(texts[id]!) ?? NaN;
}

function missingFieldNames(bad: number): string[] {
  const names: string[] = [];
  for (let b = 0; b < FIELD_NAMES.length; b++) if (bad & (1 << b)) names.push(FIELD_NAMES[b]!);
  return names;
}

/** Validates one call's lines in one session. */
export function runRules(
  index: AuthorizationIndex,
  lines: readonly ClaimLineInput[],
  distributorId: number,
  parts: PartResolver,
  isConsumed: ConsumedCheck,
  options: ValidationOptions = {},
): CompactVerdicts {
  const session = new ValidationSession(index, distributorId, { parts, consumed: isConsumed, options, expectedLines: lines.length });
  try {
    return session.validate(lines);
  } finally {
    session.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The server's API

/** Validates one distributor's claim lines against the authorizations the context provides. */
export function validateClaimLines(
  lines: readonly ClaimLineInput[],
  ctx: ValidationContext,
  options: ValidationOptions = {},
): LineVerdictResult[] {
  return checkClaimLines(lines, ctx, options).results();
}

/** `validateClaimLines` returning the columnar verdicts (for totals or lazy explanations). */
export function checkClaimLines(
  lines: readonly ClaimLineInput[],
  ctx: ValidationContext,
  options: ValidationOptions = {},
): CompactVerdicts {
  const index = new AuthorizationIndex((authorizationNumber) => ctx.authorizationLines(authorizationNumber));
  const vendorCache = new Map<string, number | undefined>();
  const distributorCache = new Map<string, number | undefined>();
  const parts: PartResolver = {
    vendor(part) {
      if (vendorCache.has(part)) return vendorCache.get(part);
      const id = ctx.productByVendorPart(part) ?? ctx.productByVendorPart(normalizeCode(part));
      vendorCache.set(part, id);
      return id;
    },
    distributor(part) {
      if (distributorCache.has(part)) return distributorCache.get(part);
      const id = ctx.productByDistributorPart(part) ?? ctx.productByDistributorPart(normalizeCode(part));
      distributorCache.set(part, id);
      return id;
    },
  };
  return runRules(
    index,
    lines,
    ctx.distributorId,
    parts,
    (invoiceNumber, invoiceLine) => ctx.isConsumed(invoiceNumber, invoiceLine),
    options,
  );
}

// ---------------------------------------------------------------------------------------------
// The bulk API

/** Everything the bulk validator needs, preloaded. */
export interface EngineData {
  /** active lines of every authorization version, all distributors */
  authorizationLines: Iterable<AuthorizationLineFact>;
  /** vendor part number → product id */
  productsByVendorPart: ReadonlyMap<string, number>;
  /** distributor id → its own part number → product id */
  productsByDistributorPart?: ReadonlyMap<number, ReadonlyMap<string, number>>;
  /** distributor id → POS keys (`posKey(invoice, line)`) already consumed by claims or programs */
  consumedPosKeys?: ReadonlyMap<number, ReadonlySet<string>>;
}

export interface ClaimValidator {
  readonly index: AuthorizationIndex;
  /**
   * Validates one distributor's lines. Each call starts from the preloaded consumed quantities;
   * lines within a call take quantity first come, first served.
   */
  validate(distributorId: number, lines: readonly ClaimLineInput[], options?: ValidationOptions): CompactVerdicts;
  /**
   * Opens a session to validate one claim or POS file in chunks (see ValidationSession); close it
   * when done. Sessions may overlap: the second one works on its own copy of the records.
   */
  session(distributorId: number, options?: ValidationOptions & { expectedLines?: number }): ValidationSession;
  /** The texts every session of this validator shares: build batches with them ahead of time. */
  readonly texts: ClaimTexts;
  /** `validate` for a batch built with `ClaimLineBatch.from(lines, validator.texts, validator.index.watchedFields)`. */
  validateBatch(distributorId: number, batch: ClaimLineBatch, options?: ValidationOptions): CompactVerdicts;
}

function normalizedMap(map: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [part, id] of map) out.set(normalizeCode(part), id);
  return out;
}

function lookup(map: ReadonlyMap<string, number> | undefined, part: string): number | undefined {
  if (map === undefined) return undefined;
  const id = map.get(part);
  if (id !== undefined) return id;
  const key = normalizeCode(part);
  return key === part ? undefined : map.get(key);
}

class MapPartResolver implements PartResolver {
  constructor(
    private readonly vendorParts: ReadonlyMap<string, number>,
    private readonly distributorParts: ReadonlyMap<string, number> | undefined,
  ) {}
  vendor(part: string): number | undefined {
    return lookup(this.vendorParts, part);
  }
  distributor(part: string): number | undefined {
    return lookup(this.distributorParts, part);
  }
}

const NO_KEYS = new PosKeyTable();
/** what a closed session holds instead of its duplicate table (handed to the next session) */
const EMPTY_SEEN = new PosKeyTable();
/** lines per chunk when a big `validate` call is cut up */
const CHUNK_LINES = 16384;

class BulkValidator implements ClaimValidator {
  private readonly vendorParts: Map<string, number>;
  private readonly distributorParts = new Map<number, Map<string, number>>();
  private readonly consumedTables = new Map<number, PosKeyTable>();
  private readonly caches = new Map<number, ResolutionCache>();
  private recordsInUse = false;
  /** the duplicate table of the last closed session, cleared, for the next one */
  private spareSeen: PosKeyTable | null = null;

  constructor(
    readonly index: AuthorizationIndex,
    data: EngineData,
  ) {
    this.vendorParts = normalizedMap(data.productsByVendorPart);
    for (const [distributorId, map] of data.productsByDistributorPart ?? []) this.distributorParts.set(distributorId, normalizedMap(map));
    for (const [distributorId, keys] of data.consumedPosKeys ?? []) {
      const table = new PosKeyTable(keys.size);
      for (const key of keys) {
        const [invoiceNumber, invoiceLine] = splitPosKey(key);
        table.putIfAbsent(invoiceNumber, invoiceLine, 0);
      }
      this.consumedTables.set(distributorId, table);
    }
  }

  readonly texts = new ClaimTexts();

  validate(distributorId: number, lines: readonly ClaimLineInput[], options?: ValidationOptions): CompactVerdicts {
    if (lines.length <= CHUNK_LINES)
      return this.validateBatch(distributorId, ClaimLineBatch.from(lines, this.texts, this.index.watchedFields), options);
    // A big call goes through one reused chunk of columns: they stay in cache, and the garbage
    // collector is not pushed into full collections by columns as big as the call.
    const session = this.session(distributorId, { ...options, expectedLines: lines.length });
    try {
      const out = new CompactVerdicts(lines, this.index, distributorId, options?.dateBasis ?? 'invoice');
      let batch: ClaimLineBatch | undefined;
      for (let start = 0; start < lines.length; start += CHUNK_LINES) {
        batch = ClaimLineBatch.fromRange(
          lines,
          start,
          Math.min(lines.length, start + CHUNK_LINES),
          this.texts,
          this.index.watchedFields,
          batch,
        );
        session.validateBatch(batch, out, start);
      }
      return out;
    } finally {
      session.close();
    }
  }

  validateBatch(distributorId: number, batch: ClaimLineBatch, options?: ValidationOptions): CompactVerdicts {
    const session = this.session(distributorId, { ...options, expectedLines: batch.count });
    try {
      return session.validateBatch(batch);
    } finally {
      session.close();
    }
  }

  /** A copy of the records with nothing taken, for a session that overlaps another. */
  private freshRecords(): Float64Array {
    const copy = this.index.records.slice();
    for (let o = 0; o < this.index.lineCount * REC_STRIDE; o += REC_STRIDE) copy[o + REC_REMAINING] = copy[o + REC_AVAILABLE]!;
    return copy;
  }

  session(distributorId: number, options: ValidationOptions & { expectedLines?: number } = {}): ValidationSession {
    const parts = new MapPartResolver(this.vendorParts, this.distributorParts.get(distributorId));
    const consumed = this.consumedTables.get(distributorId) ?? NO_KEYS;
    const shared = !this.recordsInUse;
    if (shared) this.recordsInUse = true;
    let cache = this.caches.get(distributorId);
    if (cache === undefined) this.caches.set(distributorId, (cache = new ResolutionCache()));
    const expectedLines = options.expectedLines ?? 1024;
    let seen: PosKeyTable | undefined;
    if (this.spareSeen !== null && this.spareSeen.suits(expectedLines)) {
      seen = this.spareSeen;
      this.spareSeen = null;
    }
    return new ValidationSession(this.index, distributorId, {
      parts,
      consumed,
      options,
      expectedLines,
      records: shared ? undefined : this.freshRecords(),
      onClose: (table) => {
        if (shared) this.recordsInUse = false;
        // keep the bigger table for the next session: a million keys' table is worth not rebuilding
        if (this.spareSeen === null || table.capacity > this.spareSeen.capacity) {
          table.clear();
          this.spareSeen = table;
        }
      },
      texts: this.texts,
      seen,
      cache,
    });
  }
}

/** Builds the compact authorization index once; `validate` and `session` then run the rules over it. */
export function createValidator(data: EngineData): ClaimValidator {
  return new BulkValidator(AuthorizationIndex.fromFacts(data.authorizationLines), data);
}

// ---------------------------------------------------------------------------------------------
// Explanations: messages and replay inputs, built on demand

function text(value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : value;
}

function describeMissing(line: ClaimLineInput, field: string): string {
  const value = field in line ? (line as unknown as Record<string, unknown>)[field] : line.extra?.[field];
  if (!hasValue(value)) return `${field} is missing`;
  if (field === 'quantity') return `quantity ${JSON.stringify(value)} is not a whole number above zero`;
  if (field === 'invoiceDate' || field === 'shipDate') return `${field} "${String(value)}" is not a date (YYYY-MM-DD)`;
  if (field === 'bookCost' || field === 'authorizedCost' || field === 'resalePrice' || field === 'claimedAmount') {
    return `${field} "${String(value)}" is not an amount (digits, at most 4 decimals, not negative)`;
  }
  return `${field} "${String(value)}" is not valid`;
}

function explain(v: CompactVerdicts, i: number): LineVerdictResult {
  const line = v.line(i);
  const j = v.authorizationLine[i]!;
  const index = v.index;
  const fact = j >= 0 ? index.facts[j]! : null;
  const codes = unpackReasons(v.reasons[i]!);
  const flags = v.flags[i]!;
  const authorization = text(line.authorizationNumber);
  const dateField = v.dateBasis === 'ship' && hasValue(line.shipDate) && parseIsoDate(line.shipDate) >= 0 ? 'shipDate' : 'invoiceDate';
  const checkedDate = dateField === 'shipDate' ? line.shipDate! : line.invoiceDate;
  const computedAmount = v.computedAmountOf(i);
  const messages: string[] = [];
  for (const code of codes) {
    switch (code) {
      case MISSING_REQUIRED_FIELD: {
        const parts = (v.missingFields.get(i) ?? []).map((f) => describeMissing(line, f));
        messages.push(`Required information is missing or invalid: ${parts.join('; ')}.`);
        break;
      }
      case DUPLICATE_LINE: {
        messages.push(`Invoice ${line.invoiceNumber} line ${line.invoiceLine} is already on line ${v.duplicateOf.get(i)} of this claim.`);
        break;
      }
      case ALREADY_CLAIMED:
        messages.push(`Invoice ${line.invoiceNumber} line ${line.invoiceLine} was already claimed in another claim or program.`);
        break;
      case AUTH_NOT_FOUND:
        messages.push(`Authorization ${authorization} was not found.`);
        break;
      case AUTH_NOT_FOR_DISTRIBUTOR:
        messages.push(`Authorization ${authorization} was not issued to your company.`);
        break;
      case PART_MISMATCH: {
        const part = [line.vendorPartNumber, line.distributorPartNumber].filter((p) => hasValue(p)).join(' / ');
        messages.push(
          flags & F_PARTS_CONFLICT
            ? `Vendor part ${line.vendorPartNumber} and your part ${line.distributorPartNumber} are different products.`
            : `Part ${part} is not on authorization ${authorization}.`,
        );
        break;
      }
      case AUTH_EXPIRED: {
        const when = checkedDate < fact!.validFrom ? 'before the authorization starts' : 'after the authorization expired';
        messages.push(
          `The ${dateField === 'shipDate' ? 'ship' : 'invoice'} date ${checkedDate} is ${when} (valid ${fact!.validFrom} to ${fact!.validTo}).`,
        );
        break;
      }
      case END_CUSTOMER_MISMATCH: {
        const claimed = hasValue(line.endCustomerName) ? `"${line.endCustomerName}"` : `#${line.endCustomerId}`;
        const authorized = fact!.endCustomerName ? `"${fact!.endCustomerName}"` : `#${fact!.endCustomerId}`;
        messages.push(`End customer ${claimed} does not match the authorized end customer ${authorized}.`);
        break;
      }
      case PRICE_ABOVE_AUTHORIZED: {
        const parts: string[] = [];
        if (flags & F_PRICE_COST)
          parts.push(`the claimed debit cost ${line.authorizedCost} is below the authorized cost ${fact!.authorizedCost}`);
        if (flags & F_PRICE_RESALE)
          parts.push(`the resale price ${line.resalePrice} is above the authorized maximum ${fact!.maxResalePrice}`);
        if (flags & F_PRICE_BOOK)
          parts.push(
            `the book cost ${line.bookCost} is not above the authorized cost ${fact!.authorizedCost}, so there is nothing to recover`,
          );
        const sentence = parts.join('; and ');
        messages.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.');
        break;
      }
      case QTY_EXCEEDS_APPROVED: {
        const left = v.remainingBefore[i]!;
        messages.push(
          v.acceptedQuantity[i]! > 0
            ? `Only ${left} of the ${line.quantity} units claimed remain on authorization ${authorization}; ${v.acceptedQuantity[i]} were accepted.`
            : `No quantity remains on authorization ${authorization} for this part (${fact!.approvedQuantity} approved, all claimed).`,
        );
        break;
      }
      case AMOUNT_OVER_CLAIMED:
        messages.push(`The claimed amount ${line.claimedAmount} is above the computed credit; the credit was cut to ${computedAmount}.`);
        break;
      default:
        messages.push(`${REASON_CODES[code]}.`);
    }
  }
  const inputs: Record<string, string | number | null> = {
    distributorId: v.distributorId,
    authorizationNumber: authorization,
    invoiceNumber: text(line.invoiceNumber),
    invoiceLine: text(line.invoiceLine),
    invoiceDate: text(line.invoiceDate),
    shipDate: text(line.shipDate),
    dateChecked: dateField,
    vendorPartNumber: text(line.vendorPartNumber),
    distributorPartNumber: text(line.distributorPartNumber),
    endCustomerId: line.endCustomerId ?? null,
    endCustomerName: text(line.endCustomerName),
    quantity: typeof line.quantity === 'number' ? line.quantity : null,
    bookCost: text(line.bookCost),
    claimedAuthorizedCost: text(line.authorizedCost),
    resalePrice: text(line.resalePrice),
    claimedAmount: text(line.claimedAmount),
  };
  if (v.duplicateOf.has(i)) inputs.duplicateOfLine = v.duplicateOf.get(i)!;
  if (v.consumed.has(i)) inputs.alreadyConsumed = 1;
  if (fact) {
    inputs.authorizationLineId = fact.authorizationLineId;
    inputs.authorizationVersion = fact.authorizationVersion;
    inputs.authorizedProductId = fact.productId;
    inputs.authorizedVendorPartNumber = fact.vendorPartNumber;
    inputs.validFrom = fact.validFrom;
    inputs.validTo = fact.validTo;
    inputs.authorizedCost = fact.authorizedCost;
    inputs.maxResalePrice = text(fact.maxResalePrice);
    inputs.authorizedEndCustomerId = fact.endCustomerId;
    inputs.authorizedEndCustomerName = fact.endCustomerName;
    inputs.approvedQuantity = fact.approvedQuantity;
    inputs.consumedQuantity = fact.consumedQuantity;
    const left = v.remainingBefore[i]!;
    inputs.remainingBefore = Number.isNaN(left) ? null : left;
  }
  const ruleIndex = v.rule[i]!;
  return {
    lineNumber: line.lineNumber,
    verdict: VERDICT_NAMES[v.verdict[i]!]!,
    reasonCodes: codes.map((c) => REASON_CODES[c]!),
    messages,
    acceptedQuantity: v.acceptedQuantity[i]!,
    computedAmount,
    approvedAmount: v.approvedAmountOf(i),
    authorizationLineId: fact ? fact.authorizationLineId : null,
    authorizationVersion: fact ? fact.authorizationVersion : null,
    rule: ruleIndex === 0 ? null : RULE_NAMES[ruleIndex - 1]!,
    inputs,
  };
}
