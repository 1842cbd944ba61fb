/**
 * Claim lines in columns: what the rules engine's hot loop reads. Building a batch parses every
 * date and amount once (into YYYYMMDD integers and minor units), records which fields are
 * missing or malformed as bits, interns the repeated texts (authorization numbers, part numbers,
 * end customer names) into small integer ids and hashes the POS key. The validation loop then
 * streams through typed arrays and resolves each distinct text once per session instead of once
 * per line; that, and the compact authorization records, is what makes it fast (STACK.md:
 * validation is bound by memory access).
 *
 * A POS parser or claim-file reader builds batches while its strings are still hot in cache, a
 * chunk at a time; `ClaimLineBatch.from` does it for lines already in memory.
 */
import type { ClaimLineInput } from './engine.js';
import { posKeyHash } from './pos-keys.js';
import { claimFieldValue, hasValue, isClaimableQuantity } from './rules.js';
import { parseIsoDate, parseUnits } from './units.js';

/** Bits of `ClaimLineBatch.bad`: the line fields that are missing or malformed. */
export const FIELD_QUANTITY = 1;
export const FIELD_INVOICE_NUMBER = 2;
export const FIELD_INVOICE_LINE = 4;
export const FIELD_INVOICE_DATE = 8;
export const FIELD_SHIP_DATE = 16;
export const FIELD_BOOK_COST = 32;
export const FIELD_AUTHORIZED_COST = 64;
export const FIELD_RESALE_PRICE = 128;
export const FIELD_CLAIMED_AMOUNT = 256;
export const FIELD_PART = 512;
export const FIELD_AUTHORIZATION = 1024;

/** Field names in bit order, as messages name them. */
export const FIELD_NAMES: readonly string[] = [
  'quantity',
  'invoiceNumber',
  'invoiceLine',
  'invoiceDate',
  'shipDate',
  'bookCost',
  'authorizedCost',
  'resalePrice',
  'claimedAmount',
  'vendorPartNumber',
  'authorizationNumber',
];

/** An optional amount left empty. NaN marks a malformed one. */
export const ABSENT = -Infinity;

/** Maps repeated texts to small integer ids; share one between the batches of a session. */
export class TextInterner {
  private readonly ids = new Map<string, number>();
  readonly texts: string[] = [];

  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  get size(): number {
    return this.texts.length;
  }
}

/**
 * The interned texts of claim lines, one id space per column: authorization numbers, vendor
 * parts, distributor parts and end customer names. Small separate tables stay in cache better
 * than one big one, and each id indexes its column's resolution cache in a session directly.
 */
export class ClaimTexts {
  readonly authorizations = new TextInterner();
  readonly vendorParts = new TextInterner();
  readonly distributorParts = new TextInterner();
  readonly customers = new TextInterner();
}

function optionalUnits(value: string | null | undefined): number {
  if (value === null || value === undefined) return ABSENT;
  const u = parseUnits(value);
  if (u >= 0) return u;
  return hasValue(value) ? NaN : ABSENT;
}

export class ClaimLineBatch {
  /** missing or malformed line fields, FIELD_ bits */
  readonly bad: Uint16Array;
  readonly lineNumber: Float64Array;
  readonly quantity: Float64Array;
  /** YYYYMMDD, -1 when missing or malformed */
  readonly invoiceDate: Int32Array;
  /** YYYYMMDD, 0 when absent, -1 when malformed */
  readonly shipDate: Int32Array;
  /** minor units; NaN when malformed or negative */
  readonly bookCost: Float64Array;
  /** minor units; ABSENT when empty, NaN when malformed or negative */
  readonly authorizedCost: Float64Array;
  readonly resalePrice: Float64Array;
  readonly claimedAmount: Float64Array;
  /** NaN when the line carries no end customer id */
  readonly endCustomerId: Float64Array;
  /** interned text ids, -1 when absent */
  readonly authorization: Int32Array;
  readonly vendorPart: Int32Array;
  readonly distributorPart: Int32Array;
  readonly endCustomerName: Int32Array;
  /** posKeyHash(invoiceNumber, invoiceLine) */
  readonly keyHash: Int32Array;
  readonly invoiceNumber: string[];
  readonly invoiceLine: string[];
  private lastCustomer = '';
  private lastCustomerId = -1;
  private lastAuthorization = '';
  private lastAuthorizationId = -1;
  /** bit k set when the line carries `watched[k]` (a field some program mandates); null without a watch list */
  readonly present: Uint32Array | null;

  /** index in `lines` of the batch's first line; column index i is `lines[start + i]` */
  start = 0;
  /** lines in the batch */
  count = 0;

  private constructor(
    readonly lines: readonly ClaimLineInput[],
    readonly texts: ClaimTexts,
    readonly watched: readonly string[] | null,
    n: number,
  ) {
    this.bad = new Uint16Array(n);
    this.lineNumber = new Float64Array(n);
    this.quantity = new Float64Array(n);
    this.invoiceDate = new Int32Array(n);
    this.shipDate = new Int32Array(n);
    this.bookCost = new Float64Array(n);
    this.authorizedCost = new Float64Array(n);
    this.resalePrice = new Float64Array(n);
    this.claimedAmount = new Float64Array(n);
    this.endCustomerId = new Float64Array(n);
    this.authorization = new Int32Array(n);
    this.vendorPart = new Int32Array(n);
    this.distributorPart = new Int32Array(n);
    this.endCustomerName = new Int32Array(n);
    this.keyHash = new Int32Array(n);
    this.invoiceNumber = new Array<string>(n);
    this.invoiceLine = new Array<string>(n);
    this.present = watched !== null && watched.length > 0 && watched.length <= 32 ? new Uint32Array(n) : null;
  }

  /**
   * Builds the columns of `lines`, interning texts into `texts` (the validator's, to share its
   * caches). `watched`: the fields programs mandate (`validator.index.watchedFields`), whose
   * presence is recorded as bits so the rules need not look into each line's `extra`.
   */
  static from(
    lines: readonly ClaimLineInput[],
    texts: ClaimTexts = new ClaimTexts(),
    watched: readonly string[] | null = null,
  ): ClaimLineBatch {
    return ClaimLineBatch.fromRange(lines, 0, lines.length, texts, watched);
  }

  /**
   * The columns of `lines[start..end)`. `reuse`: a batch of the same lines, texts and watch list
   * whose columns are big enough, refilled in place (the previous content is gone).
   */
  static fromRange(
    lines: readonly ClaimLineInput[],
    start: number,
    end: number,
    texts: ClaimTexts,
    watched: readonly string[] | null = null,
    reuse?: ClaimLineBatch,
  ): ClaimLineBatch {
    const n = end - start;
    const b =
      reuse !== undefined && reuse.lines === lines && reuse.texts === texts && reuse.watched === watched && reuse.bad.length >= n
        ? reuse
        : new ClaimLineBatch(lines, texts, watched, n);
    b.start = start;
    b.count = n;
    b.lastCustomer = '';
    b.lastAuthorization = '';
    for (let i = 0; i < n; i++) b.fill(i, lines[start + i]!);
    return b;
  }

  private fill(i: number, line: ClaimLineInput): void {
    let bad = 0;
    const texts = this.texts;
    this.lineNumber[i] = line.lineNumber;
    const quantity = line.quantity;
    if (isClaimableQuantity(quantity)) this.quantity[i] = quantity;
    else {
      this.quantity[i] = NaN;
      bad |= FIELD_QUANTITY;
    }
    const invoiceNumber = line.invoiceNumber;
    const invoiceLine = line.invoiceLine;
    const hasInvoice = typeof invoiceNumber === 'string' && hasValue(invoiceNumber);
    const hasInvoiceLine = typeof invoiceLine === 'string' && hasValue(invoiceLine);
    if (!hasInvoice) bad |= FIELD_INVOICE_NUMBER;
    if (!hasInvoiceLine) bad |= FIELD_INVOICE_LINE;
    this.invoiceNumber[i] = hasInvoice ? invoiceNumber : '';
    this.invoiceLine[i] = hasInvoiceLine ? invoiceLine : '';
    if (hasInvoice && hasInvoiceLine) this.keyHash[i] = posKeyHash(invoiceNumber, invoiceLine);
    const invoiceDateText = line.invoiceDate;
    const invoiceDate = parseIsoDate(invoiceDateText);
    this.invoiceDate[i] = invoiceDate;
    if (invoiceDate < 0) bad |= FIELD_INVOICE_DATE;
    const shipText = line.shipDate;
    if (shipText === null || shipText === undefined) this.shipDate[i] = 0;
    else if (shipText === invoiceDateText) this.shipDate[i] = invoiceDate;
    else {
      const shipDate = parseIsoDate(shipText);
      if (shipDate >= 0) this.shipDate[i] = shipDate;
      else if (hasValue(shipText)) {
        this.shipDate[i] = -1;
        bad |= FIELD_SHIP_DATE;
      } else this.shipDate[i] = 0;
    }
    const book = parseUnits(line.bookCost);
    if (book >= 0) this.bookCost[i] = book;
    else {
      this.bookCost[i] = NaN;
      bad |= FIELD_BOOK_COST;
    }
    const claimedCost = optionalUnits(line.authorizedCost);
    this.authorizedCost[i] = claimedCost;
    if (claimedCost !== claimedCost) bad |= FIELD_AUTHORIZED_COST;
    const resale = optionalUnits(line.resalePrice);
    this.resalePrice[i] = resale;
    if (resale !== resale) bad |= FIELD_RESALE_PRICE;
    const claimed = optionalUnits(line.claimedAmount);
    this.claimedAmount[i] = claimed;
    if (claimed !== claimed) bad |= FIELD_CLAIMED_AMOUNT;
    const customerId = line.endCustomerId;
    this.endCustomerId[i] = typeof customerId === 'number' ? customerId : NaN;
    // consecutive lines often repeat a value (one invoice, one customer): check the last one first
    const customerName = line.endCustomerName;
    if (typeof customerName === 'string' && hasValue(customerName)) {
      if (customerName !== this.lastCustomer) this.lastCustomerId = texts.customers.intern((this.lastCustomer = customerName));
      this.endCustomerName[i] = this.lastCustomerId;
    } else this.endCustomerName[i] = -1;
    const vendorPart = line.vendorPartNumber;
    const distributorPart = line.distributorPartNumber;
    const hasVendorPart = typeof vendorPart === 'string' && hasValue(vendorPart);
    const hasDistributorPart = typeof distributorPart === 'string' && hasValue(distributorPart);
    this.vendorPart[i] = hasVendorPart ? texts.vendorParts.intern(vendorPart) : -1;
    this.distributorPart[i] = hasDistributorPart ? texts.distributorParts.intern(distributorPart) : -1;
    if (!hasVendorPart && !hasDistributorPart) bad |= FIELD_PART;
    const authorizationNumber = line.authorizationNumber;
    if (typeof authorizationNumber === 'string' && hasValue(authorizationNumber)) {
      if (authorizationNumber !== this.lastAuthorization)
        this.lastAuthorizationId = texts.authorizations.intern((this.lastAuthorization = authorizationNumber));
      this.authorization[i] = this.lastAuthorizationId;
    } else {
      this.authorization[i] = -1;
      bad |= FIELD_AUTHORIZATION;
    }
    this.bad[i] = bad;
    const present = this.present;
    if (present !== null) {
      const watched = this.watched!;
      let bits = 0;
      for (let k = 0; k < watched.length; k++) if (hasValue(claimFieldValue(line, watched[k]!))) bits |= 1 << k;
      present[i] = bits;
    }
  }
}
