/**
 * A set of POS keys (the canonical key of `pos-key.ts`) that hashes and compares the raw strings
 * in place: on plain ASCII input no key string is built per line. Building key strings and
 * keeping a million of them in a Map costs more than the rest of the validation together
 * (allocation and GC); this table keeps an Int32Array of slots and references to the line's own
 * strings. Text that is not plain (spaces, non-ASCII, a line such as "01" or "1.0") goes through
 * `canonicalInvoiceNumber` / `canonicalInvoiceLine`, so the table agrees with the stored key.
 */
import { canonicalInvoiceLine, canonicalInvoiceNumber, POS_KEY_SEPARATOR } from './pos-key.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a canonical string. */
function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** True when the canonical invoice number is the text upper-cased: printable ASCII, no space. */
function plainInvoice(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c > 126) return false;
  }
  return true;
}

/** True when the canonical invoice line is the text upper-cased: plain, no '.' or '+', no leading zero before more text. */
function plainLine(s: string): boolean {
  if (s.length === 0) return false;
  if (s.length > 1 && s.charCodeAt(0) === 48) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c > 126 || c === 46 || c === 43) return false;
  }
  return true;
}

/** FNV-1a over an ASCII text upper-cased. */
function hashUpper(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h;
}

/** The hash of the canonical key, computed without building it on plain input. */
export function posKeyHash(invoiceNumber: string, invoiceLine: string): number {
  let h = plainInvoice(invoiceNumber)
    ? hashUpper(FNV_OFFSET, invoiceNumber)
    : hashString(FNV_OFFSET, canonicalInvoiceNumber(invoiceNumber));
  h = Math.imul(h ^ 1, FNV_PRIME);
  h = plainLine(invoiceLine) ? hashUpper(h, invoiceLine) : hashString(h, canonicalInvoiceLine(invoiceLine));
  return h | 0;
}

/** ASCII texts equal ignoring case. */
function sameUpper(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 97 && x <= 122) x -= 32;
    if (y >= 97 && y <= 122) y -= 32;
    if (x !== y) return false;
  }
  return true;
}

function sameInvoice(a: string, b: string): boolean {
  if (a === b) return true;
  return plainInvoice(a) && plainInvoice(b) ? sameUpper(a, b) : canonicalInvoiceNumber(a) === canonicalInvoiceNumber(b);
}

function sameLine(a: string, b: string): boolean {
  if (a === b) return true;
  return plainLine(a) && plainLine(b) ? sameUpper(a, b) : canonicalInvoiceLine(a) === canonicalInvoiceLine(b);
}

/** True when two (invoice number, invoice line) pairs have the same canonical key. */
export function samePosKey(invoiceA: string, lineA: string, invoiceB: string, lineB: string): boolean {
  return sameLine(lineA, lineB) && sameInvoice(invoiceA, invoiceB);
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
  const at = key.indexOf(POS_KEY_SEPARATOR);
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}
