/** The rule loop: one distributor's claim lines validated chunk by chunk into columnar verdicts. */
import {
  END_CUSTOMER_MATCH,
  END_CUSTOMER_MISSING,
  type EndCustomerOutcome,
  amountNotOverClaimed,
  bookCostAboveAuthorized,
  costNotBelowAuthorized,
  dateWithinValidity,
  earlierOccurrence,
  endCustomerKey,
  endCustomerUnitsMatch,
  filingDeadline,
  filingWindowOn,
  missingProgramFields,
  normalizeCode,
  quantityWithinApproved,
  resaleWithinCeiling,
} from './rules.js';
import { PosKeyTable } from './pos-keys.js';
import { ABSENT, ClaimLineBatch, ClaimTexts, FIELD_INVOICE_LINE, FIELD_INVOICE_NUMBER, FIELD_NAMES } from './batch.js';
import { creditUnits, creditUnitsBig, minorUnitStep, parseIsoDate, truncateUnits } from './units.js';
import type { AuthorizationLineFact, ClaimLineInput, ValidationOptions } from './claim-lines.js';
import {
  type AuthorizationIndex,
  REC_AVAILABLE,
  REC_CANCELLED_FROM,
  REC_CLOSED_LOST,
  REC_COST,
  REC_CUSTOMER,
  REC_DISTRIBUTOR,
  REC_FLAG_MAX_RESALE,
  REC_FLAG_REQUIRED,
  REC_GROUP_END,
  REC_MAX_RESALE,
  REC_PRODUCT,
  REC_REMAINING,
  REC_STRIDE,
  REC_VALID_FROM,
  REC_VALID_TO,
  REC_VERSION,
} from './authorization-index.js';
import { CompactVerdicts } from './verdicts.js';
import {
  ALREADY_CLAIMED,
  AMOUNT_OVER_CLAIMED,
  AUTH_CLOSED_LOST,
  AUTH_EXPIRED,
  AUTH_CANCELLED,
  AUTH_NOT_FOR_DISTRIBUTOR,
  AUTH_NOT_FOUND,
  DUPLICATE_LINE,
  END_CUSTOMER_MISMATCH,
  FILING_WINDOW_CLOSED,
  F_PARTS_CONFLICT,
  F_PRICE_BOOK,
  F_PRICE_COST,
  F_PRICE_RESALE,
  MISSING_REQUIRED_FIELD,
  PART_MISMATCH,
  PRICE_ABOVE_AUTHORIZED,
  QTY_EXCEEDS_APPROVED,
  R_AMOUNT,
  R_BOOK,
  R_CONSUMED,
  R_COST,
  R_CUSTOMER,
  R_DATE,
  R_DISTRIBUTOR,
  R_DUPLICATE,
  R_FILING,
  R_FOUND,
  R_PART,
  R_PROGRAM_FIELDS,
  R_QUANTITY,
  R_REQUIRED,
  R_RESALE,
  VERDICT_ACCEPTED,
  VERDICT_PARTIAL,
  VERDICT_REJECTED,
  pushReason,
} from './verdict-codes.js';

/** Part number → product id lookups for one distributor. */
export interface PartResolver {
  vendor(part: string): number | undefined;
  distributor(part: string): number | undefined;
}

/** True when the POS line is already consumed by another claim or program. */
export type ConsumedCheck = (invoiceNumber: string, invoiceLine: string, keyHash: number) => boolean;

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
  /** units of 1/10,000 in one minor unit of the claim's currency */
  private readonly step: number;
  /** YYYYMMDD of `options.submittedOn`; -1 when no filing window is checked */
  private readonly submittedOn: number;
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
    this.step = minorUnitStep(setup.options?.minorUnitExponent ?? 2);
    const submittedOn = setup.options?.submittedOn;
    this.submittedOn = submittedOn === undefined ? -1 : parseIsoDate(submittedOn);
    if (submittedOn !== undefined && this.submittedOn < 0) throw new RangeError(`submittedOn "${submittedOn}" is not a date (YYYY-MM-DD)`);
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
    const { index, distributorId, isConsumed, consumedKeys, seen, touched, dateBasis, parts, cache, step, submittedOn } = this;
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
    const { customerKey, requiredFields, requiredMask, requiredByVersion, siblings } = index;
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
                // a sale dated after the opportunity was lost is out too (NaN: never lost)
                const dateOk =
                  date >= 0 &&
                  dateWithinValidity(date, rec[o + REC_VALID_FROM]!, rec[o + REC_VALID_TO]!) &&
                  !(date > rec[o + REC_CLOSED_LOST]!);
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
            // a cancelled authorization says so from its cancellation day on; a sale inside the
            // validity but after the opportunity was lost, that it was lost
            const within = dateWithinValidity(date, rec[o + REC_VALID_FROM]!, rec[o + REC_VALID_TO]!);
            seq = pushReason(seq, date >= rec[o + REC_CANCELLED_FROM]! ? AUTH_CANCELLED : within ? AUTH_CLOSED_LOST : AUTH_EXPIRED);
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
          // withinFilingWindow: the invoice date + the window of the program version in force that day
          if (submittedOn >= 0) {
            const invoiceDate = invoiceDateColumn[i]!;
            const windows = index.facts[best]!.filingWindows;
            if (invoiceDate >= 0 && windows !== undefined && windows.length !== 0) {
              const deadline = filingDeadline(windows, invoiceDate);
              if (deadline >= 0 && submittedOn > deadline) {
                seq = pushReason(seq, FILING_WINDOW_CLOSED);
                if (rule === 0) rule = R_FILING;
                rejected = true;
              }
            }
          }
          // programRequiredFields
          const recFlags = rec[o + REC_GROUP_END]! & 3;
          if (recFlags & REC_FLAG_REQUIRED) {
            const mask = requiredMask[best]!;
            const absent = requiredByVersion[best]
              ? versionMissingFields(lines[first + i]!, index.facts[best]!, invoiceDateColumn[i]!)
              : present !== null && mask >= 0
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
              // the line's other versions: one remaining quantity for the line
              const others = siblings[best];
              if (others)
                for (let s = 0; s < others.length; s++) {
                  const so = others[s]!;
                  if (rec[so + REC_REMAINING] === rec[so + REC_AVAILABLE]) touched.push(so);
                  rec[so + REC_REMAINING] = rec[so + REC_REMAINING]! - accepted;
                }
              acceptedQuantity[k] = accepted;
              // amountNotOverClaimed: cut to the computed credit, flag it. (Results go through the
              // typed columns and are read back, so they stay unboxed whatever V8 inlines.)
              computedUnits[k] = creditUnits(book, cost, accepted, step);
              const credit = computedUnits[k]!;
              if (credit !== credit) out.bigComputed.set(k, creditUnitsBig(book, cost, accepted, step));
              approvedUnits[k] = credit;
              if (claimed >= 0) {
                if (accepted !== quantity) approvedUnits[k] = creditUnits(book, cost, quantity, step);
                const full = approvedUnits[k]!;
                // a credit beyond safe integers is above any claimed amount, which is safe
                if (full === full && !amountNotOverClaimed(claimed, full)) {
                  seq = pushReason(seq, AMOUNT_OVER_CLAIMED);
                  if (rule === 0) rule = R_AMOUNT;
                }
                // Payable in whole minor units: a claimed fraction of one is not paid.
                const payable = truncateUnits(claimed, step);
                approvedUnits[k] = credit !== credit || payable < credit ? payable : credit;
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
/** what a closed session holds instead of its duplicate table (handed to the next session) */
const EMPTY_SEEN = new PosKeyTable();

/**
 * programRequiredFields when the program's versions differ: the fields of the version in force on
 * the invoice date (YYYYMMDD; an unreadable date: the current fields), null when none is absent.
 */
function versionMissingFields(line: ClaimLineInput, fact: AuthorizationLineFact, invoiceDate: number): string[] | null {
  const fields =
    invoiceDate >= 0 ? (filingWindowOn(fact.filingWindows!, invoiceDate).requiredFields ?? fact.requiredFields) : fact.requiredFields;
  return fields.length ? missingProgramFields(line, fields) : null;
}

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
