/** The bulk API: a validator over compact, preloaded data, streaming big files through sessions. */
import { normalizeCode } from './rules.js';
import { PosKeyTable, splitPosKey } from './pos-keys.js';
import { ClaimLineBatch, ClaimTexts } from './batch.js';
import type { AuthorizationLineFact, ClaimLineInput, ValidationOptions } from './claim-lines.js';
import { AuthorizationIndex, REC_AVAILABLE, REC_REMAINING, REC_STRIDE } from './authorization-index.js';
import { CompactVerdicts } from './verdicts.js';
import { type PartResolver, ResolutionCache, ValidationSession } from './validation-session.js';

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

/** Parts resolved through maps (part number → product id), exact first, then normalized. */
export class MapPartResolver implements PartResolver {
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
