/**
 * A set of POS keys (invoice number + invoice line, normalized as `posKey` does) that hashes
 * and compares the raw strings in place: on ASCII input no key string is built per line.
 * Building `posKey(...)` strings and keeping a million of them in a Map costs more than the rest
 * of the validation together (allocation and GC); this table keeps an Int32Array of slots and
 * references to the line's own strings.
 */
import { normalizeInvoiceLine, normalizeInvoiceNumber } from './rules.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** FNV-1a over a normalized string (the fallback for non-ASCII text). */
function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * Hashes one normalized part (upper case, trimmed; `digits` strips leading zeros of an all-digit
 * text) into h; returns NaN when the text has a non-ASCII character (caller falls back).
 */
function hashPart(h: number, s: string, isLine: boolean): number {
  let start = 0;
  let end = s.length;
  while (start < end && isAsciiSpace(s.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(s.charCodeAt(end - 1))) end--;
  let digits = isLine;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return NaN;
    if (c < 48 || c > 57) digits = false;
  }
  if (digits) while (start < end - 1 && s.charCodeAt(start) === 48) start++;
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h;
}

/** The hash of `posKey(invoiceNumber, invoiceLine)`, computed without building it on ASCII input. */
export function posKeyHash(invoiceNumber: string, invoiceLine: string): number {
  // One pass over clean text (printable ASCII, no spaces, a line without leading zero): the usual case.
  let h = FNV_OFFSET;
  let clean = true;
  for (let i = 0; i < invoiceNumber.length; i++) {
    let c = invoiceNumber.charCodeAt(i);
    if (c <= 32 || c > 126) {
      clean = false;
      break;
    }
    if (c >= 97 && c <= 122) c -= 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  if (clean && (invoiceLine.length < 2 || invoiceLine.charCodeAt(0) !== 48)) {
    h = Math.imul(h ^ 1, FNV_PRIME);
    for (let i = 0; i < invoiceLine.length; i++) {
      let c = invoiceLine.charCodeAt(i);
      if (c <= 32 || c > 126) {
        clean = false;
        break;
      }
      if (c >= 97 && c <= 122) c -= 32;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (clean) return h;
  }
  return slowPosKeyHash(invoiceNumber, invoiceLine);
}

function slowPosKeyHash(invoiceNumber: string, invoiceLine: string): number {
  let h = hashPart(FNV_OFFSET, invoiceNumber, false);
  if (h === h) {
    h = Math.imul(h ^ 1, FNV_PRIME);
    h = hashPart(h, invoiceLine, true);
    if (h === h) return h | 0;
  }
  h = hashString(FNV_OFFSET, normalizeInvoiceNumber(invoiceNumber));
  h = Math.imul(h ^ 1, FNV_PRIME);
  return hashString(h, normalizeInvoiceLine(invoiceLine)) | 0;
}

/** Compares two texts as normalized key parts; NaN-free fallback to the string normalizers. */
function samePart(a: string, b: string, isLine: boolean): boolean {
  if (a === b) return true;
  let as = 0;
  let ae = a.length;
  let bs = 0;
  let be = b.length;
  while (as < ae && isAsciiSpace(a.charCodeAt(as))) as++;
  while (ae > as && isAsciiSpace(a.charCodeAt(ae - 1))) ae--;
  while (bs < be && isAsciiSpace(b.charCodeAt(bs))) bs++;
  while (be > bs && isAsciiSpace(b.charCodeAt(be - 1))) be--;
  let aDigits = isLine;
  let bDigits = isLine;
  for (let i = as; i < ae; i++) {
    const c = a.charCodeAt(i);
    if (c > 127) return slowSame(a, b, isLine);
    if (c < 48 || c > 57) aDigits = false;
  }
  for (let i = bs; i < be; i++) {
    const c = b.charCodeAt(i);
    if (c > 127) return slowSame(a, b, isLine);
    if (c < 48 || c > 57) bDigits = false;
  }
  if (aDigits) while (as < ae - 1 && a.charCodeAt(as) === 48) as++;
  if (bDigits) while (bs < be - 1 && b.charCodeAt(bs) === 48) bs++;
  if (ae - as !== be - bs) return false;
  for (let i = as, j = bs; i < ae; i++, j++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(j);
    if (x >= 97 && x <= 122) x -= 32;
    if (y >= 97 && y <= 122) y -= 32;
    if (x !== y) return false;
  }
  return true;
}

function slowSame(a: string, b: string, isLine: boolean): boolean {
  return isLine ? normalizeInvoiceLine(a) === normalizeInvoiceLine(b) : normalizeInvoiceNumber(a) === normalizeInvoiceNumber(b);
}

/** True when two (invoice number, invoice line) pairs have the same `posKey`. */
export function samePosKey(invoiceA: string, lineA: string, invoiceB: string, lineB: string): boolean {
  return samePart(lineA, lineB, true) && samePart(invoiceA, invoiceB, false);
}

/**
 * An open-addressing hash map from POS key to a number (e.g. the index of the line holding it).
 * Each slot holds the key's hash beside the entry number, so a probe costs one memory access and
 * the strings are compared only when the hashes agree.
 */
export class PosKeyTable {
  /** pairs of (hash, entry + 1); entry 0 = empty slot */
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  private readonly invoices: string[] = [];
  private readonly lines: string[] = [];
  private readonly values: number[] = [];

  constructor(expected = 16) {
    const capacity = PosKeyTable.capacityFor(expected);
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /** slots of a table made for `expected` keys: a power of two, at least twice as many */
  private static capacityFor(expected: number): number {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    return capacity;
  }

  get size(): number {
    return this.count;
  }

  /** slots in the table (it grows at half full) */
  get capacity(): number {
    return this.mask + 1;
  }

  /** True when the table, cleared, is a good fit for `expected` keys: big enough, and not so big that clearing it costs more than a new one. */
  suits(expected: number): boolean {
    const wanted = PosKeyTable.capacityFor(expected);
    return this.capacity >= wanted && this.capacity <= Math.max(wanted * 8, 1 << 16);
  }

  /** Removes every key, keeping the memory for reuse. */
  clear(): void {
    if (this.count === 0) return;
    this.slots.fill(0);
    // drop the references to the strings of the keys
    this.invoices.fill('', 0, this.count);
    this.lines.fill('', 0, this.count);
    this.count = 0;
  }

  /** The value of an equal key already present, or -1 after adding this one with `value`. */
  putIfAbsent(invoiceNumber: string, invoiceLine: string, value: number): number {
    return this.putIfAbsentHashed(posKeyHash(invoiceNumber, invoiceLine), invoiceNumber, invoiceLine, value);
  }

  /** `putIfAbsent` with the key's `posKeyHash` already computed. */
  putIfAbsentHashed(h: number, invoiceNumber: string, invoiceLine: string, value: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const e = slots[2 * s + 1]!;
      if (e === 0) break;
      if (slots[2 * s] === h) {
        const k = e - 1;
        if (samePosKey(this.invoices[k]!, this.lines[k]!, invoiceNumber, invoiceLine)) return this.values[k]!;
      }
      s = (s + 1) & mask;
    }
    const k = this.count;
    if (k < this.invoices.length) {
      // a cleared table: reuse the entry arrays in place
      this.invoices[k] = invoiceNumber;
      this.lines[k] = invoiceLine;
      this.values[k] = value;
    } else {
      this.invoices.push(invoiceNumber);
      this.lines.push(invoiceLine);
      this.values.push(value);
    }
    slots[2 * s] = h;
    slots[2 * s + 1] = ++this.count;
    if (this.count * 2 > mask + 1) this.grow();
    return -1;
  }

  /** The value stored for the key, or -1. */
  get(invoiceNumber: string, invoiceLine: string): number {
    return this.count === 0 ? -1 : this.getHashed(posKeyHash(invoiceNumber, invoiceLine), invoiceNumber, invoiceLine);
  }

  /** `get` with the key's `posKeyHash` already computed. */
  getHashed(h: number, invoiceNumber: string, invoiceLine: string): number {
    if (this.count === 0) return -1;
    const slots = this.slots;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const e = slots[2 * s + 1]!;
      if (e === 0) return -1;
      if (slots[2 * s] === h) {
        const k = e - 1;
        if (samePosKey(this.invoices[k]!, this.lines[k]!, invoiceNumber, invoiceLine)) return this.values[k]!;
      }
      s = (s + 1) & mask;
    }
  }

  has(invoiceNumber: string, invoiceLine: string): boolean {
    return this.get(invoiceNumber, invoiceLine) >= 0;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    const slots = new Int32Array(capacity * 2);
    const mask = capacity - 1;
    for (let t = 0; t < old.length; t += 2) {
      const e = old[t + 1]!;
      if (e === 0) continue;
      const h = old[t]!;
      let s = h & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      slots[2 * s] = h;
      slots[2 * s + 1] = e;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Splits a `posKey` string back into its invoice number and line (keys hold no \u0001 otherwise). */
export function splitPosKey(key: string): [string, string] {
  const at = key.indexOf('\u0001');
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}
