/** A call's verdicts in columns, explained line by line only on demand, and their exact totals. */
import type { ReasonCode } from '../domain.js';
import { REASON_CODES } from '../domain.js';
import type { AuthorizationIndex } from './authorization-index.js';
import type { ClaimLineInput, ClaimLineVerdict, LineVerdictResult } from './claim-lines.js';
import { explain } from './explanation.js';
import { bigUnitsToString, unitsToString } from './units.js';
import { VERDICT_ACCEPTED, VERDICT_NAMES, VERDICT_PARTIAL, unpackReasons } from './verdict-codes.js';

/**
 * Verdicts of one call in columns. `result(i)` / `results()` build the full, explainable
 * `LineVerdictResult` objects (messages and inputs) only when asked.
 */
export class CompactVerdicts {
  readonly verdict: Uint8Array;
  /** reason indexes (in REASON_CODES) + 1, one per base-32 digit (verdict-codes.ts pushReason), in the order the rules fired */
  readonly reasons: Float64Array;
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
    this.reasons = new Float64Array(n);
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
