/**
 * The claims validation rules engine: checks claim lines against authorizations and gives each
 * line a verdict with its reasons, the rule that decided, the authorization version and the
 * inputs that decided it (enough to replay it).
 *
 * Two entry points share one rule loop:
 * - `validateClaimLines(lines, ctx)`: the server's API, reading authorizations through callbacks
 *   and returning one plain object per line;
 * - `createValidator(data)`: the bulk API over compact, preloaded data, returning columnar
 *   verdicts (`CompactVerdicts`) that are turned into objects only on demand.
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
 * - A duplicate POS key (invoice number + line) in one call: the first occurrence is judged, every
 *   later one is DUPLICATE_LINE, whatever the first one's verdict.
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
  amountNotOverClaimed,
  bookCostAboveAuthorized,
  costNotBelowAuthorized,
  dateWithinValidity,
  earlierOccurrence,
  endCustomerKey,
  endCustomerMatches,
  hasValue,
  isClaimableQuantity,
  missingProgramFields,
  normalizeCode,
  posKey,
  quantityWithinApproved,
  resaleWithinCeiling,
  type RuleName,
} from './rules.js';
import {
  bigUnitsToString,
  creditUnits,
  creditUnitsBig,
  parseIsoDate,
  parseUnits,
  unitsToString,
} from './units.js';

export * from './rules.js';

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

/**
 * Authorization lines in compact columns (numbers, not strings; one Map from authorization
 * number to a contiguous range), which is what keeps the hot loop inside the CPU caches.
 * Built once for the bulk validator, or filled lazily per authorization number from a
 * ValidationContext.
 */
export class AuthorizationIndex {
  private readonly groups = new Map<string, number>();
  readonly groupStart: number[] = [];
  readonly groupEnd: number[] = [];
  readonly facts: AuthorizationLineFact[] = [];
  readonly distributorId: number[] = [];
  readonly productId: number[] = [];
  readonly version: number[] = [];
  readonly lineId: number[] = [];
  readonly validFrom: number[] = [];
  readonly validTo: number[] = [];
  readonly costUnits: number[] = [];
  readonly maxResaleUnits: number[] = [];
  readonly available: number[] = [];
  readonly customerId: (number | null)[] = [];
  readonly customerKey: (string | null)[] = [];
  readonly partKey: string[] = [];
  readonly requiredFields: (readonly string[] | null)[] = [];
  readonly taken: number[] = [];
  readonly takenStamp: number[] = [];
  private stamp = 0;

  constructor(private readonly loader?: (authorizationNumber: string) => readonly AuthorizationLineFact[]) {}

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

  /** A new stamp per call: quantities taken by earlier calls are forgotten without a reset loop. */
  nextStamp(): number {
    return ++this.stamp;
  }

  /** The group of an authorization number, or -1 when there is none. */
  group(authorizationNumber: string): number {
    let g = this.groups.get(authorizationNumber);
    if (g !== undefined) return g;
    const key = normalizeCode(authorizationNumber);
    if (key !== authorizationNumber) {
      g = this.groups.get(key);
      if (g !== undefined) return g;
    }
    if (this.loader === undefined || key === '') return -1;
    const facts = this.loader(authorizationNumber.trim());
    g = this.add(key, facts);
    if (key !== authorizationNumber) this.groups.set(authorizationNumber, g);
    return g;
  }

  private add(key: string, facts: readonly AuthorizationLineFact[]): number {
    if (facts.length === 0) {
      this.groups.set(key, -1);
      return -1;
    }
    const g = this.groupStart.length;
    this.groupStart.push(this.facts.length);
    for (const fact of facts) this.addLine(fact);
    this.groupEnd.push(this.facts.length);
    this.groups.set(key, g);
    return g;
  }

  private addLine(fact: AuthorizationLineFact): void {
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
    this.facts.push(fact);
    this.distributorId.push(fact.distributorId);
    this.productId.push(fact.productId);
    this.version.push(fact.authorizationVersion);
    this.lineId.push(fact.authorizationLineId);
    this.validFrom.push(from);
    this.validTo.push(to);
    this.costUnits.push(cost);
    this.maxResaleUnits.push(ceiling);
    this.available.push(fact.approvedQuantity - fact.consumedQuantity);
    this.customerId.push(fact.endCustomerId ?? null);
    this.customerKey.push(hasValue(fact.endCustomerName) ? endCustomerKey(fact.endCustomerName!) : null);
    this.partKey.push(normalizeCode(fact.vendorPartNumber));
    this.requiredFields.push(fact.requiredFields && fact.requiredFields.length > 0 ? fact.requiredFields : null);
    this.taken.push(0);
    this.takenStamp.push(0);
  }
}

/** Part number → product id lookups for one distributor. */
export interface PartResolver {
  vendor(part: string): number | undefined;
  distributor(part: string): number | undefined;
}

/** True when the POS line is already consumed by another claim or program. */
export type ConsumedCheck = (invoiceNumber: string, invoiceLine: string, key: string) => boolean;

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
  readonly duplicateOf = new Map<number, number>();
  readonly consumed = new Set<number>();
  readonly bigComputed = new Map<number, bigint>();
  readonly bigApproved = new Map<number, bigint>();

  constructor(
    readonly lines: readonly ClaimLineInput[],
    readonly index: AuthorizationIndex,
    readonly distributorId: number,
    readonly dateBasis: 'invoice' | 'ship',
  ) {
    const n = lines.length;
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

  get count(): number {
    return this.lines.length;
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

/** An optional money field left empty; NaN is a malformed or negative one. */
const ABSENT = -Infinity;

function optionalUnits(value: string | null | undefined): number {
  if (value === null || value === undefined || !hasValue(value)) return ABSENT;
  const u = parseUnits(value);
  return u >= 0 ? u : NaN;
}

/**
 * The rule loop shared by both entry points. Allocation-free for a valid line apart from the
 * POS key; everything a message needs is kept in columns or sparse maps for `explain`.
 */
export function runRules(
  index: AuthorizationIndex,
  lines: readonly ClaimLineInput[],
  distributorId: number,
  parts: PartResolver,
  isConsumed: ConsumedCheck,
  options: ValidationOptions = {},
): CompactVerdicts {
  const dateBasis = options.dateBasis ?? 'invoice';
  const out = new CompactVerdicts(lines, index, distributorId, dateBasis);
  const n = lines.length;
  const seen = new Map<string, number>();
  const stamp = index.nextStamp();
  const { verdict, reasons, rule: ruleOut, flags: flagsOut, acceptedQuantity, computedUnits, approvedUnits, remainingBefore } = out;
  const picked = out.authorizationLine;
  // The index's columns; the lazy loader appends to these same arrays.
  const { groupStart, groupEnd, productId, version, lineId, validFrom, validTo, costUnits, maxResaleUnits, available, customerId, customerKey, partKey, requiredFields, taken, takenStamp } =
    index;
  const lineDistributor = index.distributorId;

  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    let seq = 0;
    let rule = 0;
    let flags = 0;
    let rejected = false;
    let missing: string[] | null = null;
    remainingBefore[i] = NaN;
    picked[i] = -1;

    // requiredLineFields
    const quantity = line.quantity;
    if (!isClaimableQuantity(quantity)) missing = addMissing(missing, 'quantity');
    const invoiceNumber = line.invoiceNumber;
    const invoiceLine = line.invoiceLine;
    const hasInvoice = typeof invoiceNumber === 'string' && hasValue(invoiceNumber);
    const hasInvoiceLine = typeof invoiceLine === 'string' && hasValue(invoiceLine);
    if (!hasInvoice) missing = addMissing(missing, 'invoiceNumber');
    if (!hasInvoiceLine) missing = addMissing(missing, 'invoiceLine');
    const invoiceDate = parseIsoDate(line.invoiceDate);
    if (invoiceDate < 0) missing = addMissing(missing, 'invoiceDate');
    let date = invoiceDate;
    const shipText = line.shipDate;
    if (shipText !== null && shipText !== undefined && hasValue(shipText)) {
      const shipDate = parseIsoDate(shipText);
      if (shipDate < 0) missing = addMissing(missing, 'shipDate');
      else if (dateBasis === 'ship') date = shipDate;
    }
    const book = parseUnits(line.bookCost);
    if (!(book >= 0)) missing = addMissing(missing, 'bookCost');
    const claimedCost = optionalUnits(line.authorizedCost);
    if (Number.isNaN(claimedCost)) missing = addMissing(missing, 'authorizedCost');
    const resale = optionalUnits(line.resalePrice);
    if (Number.isNaN(resale)) missing = addMissing(missing, 'resalePrice');
    const claimed = optionalUnits(line.claimedAmount);
    if (Number.isNaN(claimed)) missing = addMissing(missing, 'claimedAmount');
    const vendorPart = line.vendorPartNumber;
    const distributorPart = line.distributorPartNumber;
    const hasVendorPart = typeof vendorPart === 'string' && hasValue(vendorPart);
    const hasDistributorPart = typeof distributorPart === 'string' && hasValue(distributorPart);
    if (!hasVendorPart && !hasDistributorPart) missing = addMissing(missing, 'vendorPartNumber');
    const authorizationNumber = line.authorizationNumber;
    const hasAuthorization = typeof authorizationNumber === 'string' && hasValue(authorizationNumber);
    if (!hasAuthorization) missing = addMissing(missing, 'authorizationNumber');
    if (missing !== null) {
      seq = pushReason(seq, MISSING_REQUIRED_FIELD);
      rule = R_REQUIRED;
      rejected = true;
    }

    // notDuplicateInClaim, notAlreadyClaimed
    if (hasInvoice && hasInvoiceLine) {
      const key = posKey(invoiceNumber, invoiceLine);
      const earlier = earlierOccurrence(seen, key, i);
      if (earlier >= 0) {
        out.duplicateOf.set(i, earlier);
        seq = pushReason(seq, DUPLICATE_LINE);
        if (rule === 0) rule = R_DUPLICATE;
        rejected = true;
      }
      if (isConsumed(invoiceNumber, invoiceLine, key)) {
        out.consumed.add(i);
        seq = pushReason(seq, ALREADY_CLAIMED);
        if (rule === 0) rule = R_CONSUMED;
        rejected = true;
      }
    }

    // authorizationFound, authorizationForDistributor, partMatches: pick the authorization line
    let best = -1;
    if (hasAuthorization) {
      const g = index.group(authorizationNumber);
      if (g < 0) {
        seq = pushReason(seq, AUTH_NOT_FOUND);
        if (rule === 0) rule = R_FOUND;
        rejected = true;
      } else {
        const start = groupStart[g]!;
        const end = groupEnd[g]!;
        let forDistributor = false;
        for (let j = start; j < end; j++) {
          if (lineDistributor[j] === distributorId) {
            forDistributor = true;
            break;
          }
        }
        if (!forDistributor) {
          seq = pushReason(seq, AUTH_NOT_FOR_DISTRIBUTOR);
          if (rule === 0) rule = R_DISTRIBUTOR;
          rejected = true;
        } else {
          const vendorProduct = hasVendorPart ? parts.vendor(vendorPart) : undefined;
          const distributorProduct = hasDistributorPart ? parts.distributor(distributorPart) : undefined;
          if (vendorProduct !== undefined && distributorProduct !== undefined && vendorProduct !== distributorProduct) {
            flags |= F_PARTS_CONFLICT;
          } else {
            const product = vendorProduct ?? distributorProduct ?? NaN;
            // Without a known product, the vendor part text itself may still match the line.
            const textKey = vendorProduct === undefined && hasVendorPart ? normalizeCode(vendorPart) : null;
            let bestBad = 0;
            for (let j = start; j < end; j++) {
              if (lineDistributor[j] !== distributorId) continue;
              if (productId[j] !== product && (textKey === null || partKey[j] !== textKey)) continue;
              const bad =
                (date >= 0 && dateWithinValidity(date, validFrom[j]!, validTo[j]!) ? 0 : 2) +
                (endCustomerMatches(customerId[j] ?? null, customerKey[j] ?? null, line.endCustomerId, line.endCustomerName) === END_CUSTOMER_MATCH ? 0 : 1);
              if (best < 0 || bad < bestBad) {
                best = j;
                bestBad = bad;
              } else if (bad === bestBad) {
                const v = version[j]! - version[best]!;
                if (v > 0) best = j;
                else if (v === 0) {
                  const left = (takenStamp[j] === stamp ? available[j]! - taken[j]! : available[j]!) > 0;
                  const bestLeft = (takenStamp[best] === stamp ? available[best]! - taken[best]! : available[best]!) > 0;
                  if ((left && !bestLeft) || (left === bestLeft && lineId[j]! < lineId[best]!)) best = j;
                }
              }
            }
          }
          // a line with no part at all was reported as a missing field
          if (best < 0 && (hasVendorPart || hasDistributorPart)) {
            seq = pushReason(seq, PART_MISMATCH);
            if (rule === 0) rule = R_PART;
            rejected = true;
          }
        }
      }
    }

    if (best >= 0) {
      picked[i] = best;
      // dateWithinValidity (a bad date was reported above)
      if (date >= 0 && !dateWithinValidity(date, validFrom[best]!, validTo[best]!)) {
        seq = pushReason(seq, AUTH_EXPIRED);
        if (rule === 0) rule = R_DATE;
        rejected = true;
      }
      // endCustomerMatches
      const customer = endCustomerMatches(customerId[best] ?? null, customerKey[best] ?? null, line.endCustomerId, line.endCustomerName);
      if (customer !== END_CUSTOMER_MATCH) {
        if (customer === END_CUSTOMER_MISSING) {
          missing = addMissing(missing, 'endCustomerName');
          seq = pushReason(seq, MISSING_REQUIRED_FIELD);
        } else seq = pushReason(seq, END_CUSTOMER_MISMATCH);
        if (rule === 0) rule = R_CUSTOMER;
        rejected = true;
      }
      // programRequiredFields
      const required = requiredFields[best];
      if (required) {
        const absent = missingProgramFields(line, required);
        if (absent !== null) {
          for (const field of absent) missing = addMissing(missing, field);
          seq = pushReason(seq, MISSING_REQUIRED_FIELD);
          if (rule === 0) rule = R_PROGRAM_FIELDS;
          rejected = true;
        }
      }
      // costNotBelowAuthorized, resaleWithinCeiling, bookCostAboveAuthorized
      const cost = costUnits[best]!;
      if (claimedCost >= 0 && !costNotBelowAuthorized(claimedCost, cost)) {
        flags |= F_PRICE_COST;
        seq = pushReason(seq, PRICE_ABOVE_AUTHORIZED);
        if (rule === 0) rule = R_COST;
        rejected = true;
      }
      const ceiling = maxResaleUnits[best]!;
      if (!Number.isNaN(ceiling)) {
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
        const left = takenStamp[best] === stamp ? available[best]! - taken[best]! : available[best]!;
        remainingBefore[i] = left;
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
          if (takenStamp[best] === stamp) taken[best] = taken[best]! + accepted;
          else {
            takenStamp[best] = stamp;
            taken[best] = accepted;
          }
          acceptedQuantity[i] = accepted;
          // amountNotOverClaimed: cut to the computed credit, flag it
          let credit = creditUnits(book, cost, accepted);
          if (Number.isNaN(credit)) out.bigComputed.set(i, creditUnitsBig(book, cost, accepted));
          computedUnits[i] = credit;
          if (claimed >= 0) {
            const full = accepted === quantity ? credit : creditUnits(book, cost, quantity);
            // a credit beyond safe integers is above any claimed amount, which is safe
            if (!Number.isNaN(full) && !amountNotOverClaimed(claimed, full)) {
              seq = pushReason(seq, AMOUNT_OVER_CLAIMED);
              if (rule === 0) rule = R_AMOUNT;
            }
            if (Number.isNaN(credit) || claimed < credit) credit = claimed;
          } else if (Number.isNaN(credit)) out.bigApproved.set(i, out.bigComputed.get(i)!);
          approvedUnits[i] = credit;
        }
      }
    }

    if (missing !== null) out.missingFields.set(i, missing);
    reasons[i] = seq;
    ruleOut[i] = rule;
    flagsOut[i] = flags;
    verdict[i] = rejected ? VERDICT_REJECTED : seq === 0 ? VERDICT_ACCEPTED : VERDICT_PARTIAL;
  }
  return out;
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
  return runRules(index, lines, ctx.distributorId, parts, (invoiceNumber, invoiceLine) => ctx.isConsumed(invoiceNumber, invoiceLine), options);
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

const NO_KEYS: ReadonlySet<string> = new Set();

/** Builds the compact authorization index once; `validate` then runs the rules over it. */
export function createValidator(data: EngineData): ClaimValidator {
  const index = AuthorizationIndex.fromFacts(data.authorizationLines);
  const vendorParts = normalizedMap(data.productsByVendorPart);
  const distributorParts = new Map<number, Map<string, number>>();
  for (const [distributorId, map] of data.productsByDistributorPart ?? []) distributorParts.set(distributorId, normalizedMap(map));
  return {
    index,
    validate(distributorId, lines, options) {
      const own = distributorParts.get(distributorId);
      const parts: PartResolver = {
        vendor: (part) => lookup(vendorParts, part),
        distributor: (part) => lookup(own, part),
      };
      const consumed = data.consumedPosKeys?.get(distributorId) ?? NO_KEYS;
      return runRules(index, lines, distributorId, parts, (_invoice, _line, key) => consumed.has(key), options);
    },
  };
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
  const line = v.lines[i]!;
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
        const earlier = v.lines[v.duplicateOf.get(i)!]!;
        messages.push(`Invoice ${line.invoiceNumber} line ${line.invoiceLine} is already on line ${earlier.lineNumber} of this claim.`);
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
        if (flags & F_PRICE_COST) parts.push(`the claimed debit cost ${line.authorizedCost} is below the authorized cost ${fact!.authorizedCost}`);
        if (flags & F_PRICE_RESALE) parts.push(`the resale price ${line.resalePrice} is above the authorized maximum ${fact!.maxResalePrice}`);
        if (flags & F_PRICE_BOOK) parts.push(`the book cost ${line.bookCost} is not above the authorized cost ${fact!.authorizedCost}, so there is nothing to recover`);
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
  if (v.duplicateOf.has(i)) inputs.duplicateOfLine = v.lines[v.duplicateOf.get(i)!]!.lineNumber;
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
