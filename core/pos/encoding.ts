/**
 * A POS file's bytes into text, a chunk at a time (browser-safe: TextDecoder only). What a file is
 * read as is a setting of the whole file, like its decimal mark, and is never guessed row by row:
 *
 * - a byte-order mark says it: UTF-8 (EF BB BF), UTF-16 little endian (FF FE: Excel's "Unicode
 *   Text") or big endian (FE FF); the mark wins over a declared charset, as browsers read it;
 * - else a declared charset (`Content-Type: text/csv; charset=windows-1252`): UTF-8 (and US-ASCII,
 *   a subset of it: read as UTF-8, not as browsers' Windows-1252), Windows-1252 (its labels
 *   iso-8859-1 and latin1 too: Windows-1252 is what browsers read them as, and Latin-1's letters
 *   are its letters), UTF-16 LE or BE;
 * - else UTF-16 without a byte-order mark, told by its NUL bytes: a header's ASCII letters are
 *   each a letter and a NUL byte (LE) or a NUL byte and a letter (BE), where a text file in a
 *   one-byte encoding has no NUL at all (the first SNIFF_BYTES are looked at);
 * - else the bytes tell: while the file is plain ASCII both readings agree, so nothing is held
 *   back; its first other byte decides. A UTF-8 character: the file is UTF-8. A byte that is not
 *   UTF-8 (Excel's European "CSV" is Windows-1252: `é` is the one byte E9): the file is
 *   Windows-1252, and since all before it was ASCII, the text already given is what Windows-1252
 *   gives too: the switch needs no second pass and no buffering.
 *
 * Never a silent misread: bytes that the encoding in force cannot read (a file with UTF-8
 * characters and then a byte that is not UTF-8, a declared UTF-8 that is not, a byte Windows-1252
 * leaves undefined in a file inferred as Windows-1252) throw a PosEncodingError naming the line,
 * and the file stops whole (the server answers 422 ENCODING_INVALID, naming the charset to send).
 *
 * The UTF-8 path costs one native decode per chunk and a length comparison: no per-row work.
 */

/**
 * A file that is not text at all, told by its first bytes (magic numbers): a compressed file or a
 * workbook sent where a CSV is read. Never read as text (it would be a misleading
 * ENCODING_INVALID or MAPPING_INCOMPLETE): refused whole, saying what to send instead. The server
 * answers it 415 UNSUPPORTED_FILE before storing the upload, the browser preflight with the same words.
 */
export function unsupportedFileProblem(head: Uint8Array): string | null {
  const b = head;
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b)
    return 'this is a compressed file (gzip), not a CSV: save it as CSV (UTF-8), uncompressed';
  if (b.length < 4) return null;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04)
    return 'this is an Excel workbook (.xlsx) or another zip file, not a CSV: save it as CSV (UTF-8)';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
    return 'this is an Excel workbook (.xls), not a CSV: save it as CSV (UTF-8)';
  return null;
}

/** How many first bytes `unsupportedFileProblem` needs to tell. */
export const UNSUPPORTED_FILE_HEAD = 4;

/** True while `head` (fewer than UNSUPPORTED_FILE_HEAD bytes) may still become one of those magic numbers. */
function mayBeUnsupported(head: Uint8Array): boolean {
  const b0 = head[0];
  if (b0 === 0x1f) return head.length < 2;
  const magic = b0 === 0x50 ? [0x50, 0x4b, 0x03, 0x04] : b0 === 0xd0 ? [0xd0, 0xcf, 0x11, 0xe0] : null;
  if (magic === null) return false;
  for (let i = 1; i < head.length; i++) if (head[i] !== magic[i]) return false;
  return true;
}

/** A file `unsupportedFileProblem` refuses: it stops whole, before any of it is read as text. */
export class PosUnsupportedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PosUnsupportedFileError';
  }
}

/** The first bytes looked at for UTF-16 without a byte-order mark. */
export const SNIFF_BYTES = 64;

/**
 * UTF-16 without a byte-order mark, told by where its NUL bytes are in the first bytes (at most
 * SNIFF_BYTES): in at least three code units out of four, and in at least two, one byte is NUL
 * and the other not, always on the same side (the low byte second: LE); null otherwise.
 */
export function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const units = Math.min(head.length, SNIFF_BYTES) >> 1;
  let le = 0;
  let be = 0;
  for (let i = 0; i < units; i++) {
    const a = head[2 * i]!;
    const b = head[2 * i + 1]!;
    if (a !== 0 && b === 0) le++;
    else if (a === 0 && b !== 0) be++;
  }
  if (le >= 2 && be === 0 && le * 4 >= units * 3) return 'utf-16le';
  if (be >= 2 && le === 0 && be * 4 >= units * 3) return 'utf-16be';
  return null;
}

/** The encodings a POS file may be in. */
export const POS_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type PosEncoding = (typeof POS_ENCODINGS)[number];

/** How the encoding was settled: 'chosen' (declared), 'file' (a byte-order mark, or the bytes: UTF-16's NULs, not UTF-8), 'none' (plain ASCII: read as UTF-8). */
export type PosEncodingFrom = 'chosen' | 'file' | 'none';

export interface PosEncodingSettings {
  encoding: PosEncoding;
  encodingFrom: PosEncodingFrom;
}

const LABELS: Record<string, PosEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  iso8859_1: 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  'iso_8859-1:1987': 'windows-1252',
  'iso-ir-100': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  cp819: 'windows-1252',
  ibm819: 'windows-1252',
  // ASCII is a subset of UTF-8: read as UTF-8 (browsers' label table reads it as Windows-1252)
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'ansi_x3.4-1968': 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** The encoding a charset label names (case and spaces aside), or null when POS files are not read in it. */
export function posEncodingOf(label: string): PosEncoding | null {
  return LABELS[label.trim().toLowerCase()] ?? null;
}

/** The charsets a POS file may be declared in, for a message. */
export const POS_CHARSETS = 'utf-8 (or us-ascii), windows-1252 (or iso-8859-1, latin1), utf-16le, utf-16be';

/** Bytes the encoding in force cannot read: the file stops whole. */
export class PosEncodingError extends Error {
  constructor(
    message: string,
    /** the text read before the bad bytes, in this chunk (to tell the line) */
    readonly textBefore: string,
  ) {
    super(message);
    this.name = 'PosEncodingError';
  }
}

/** The five bytes Windows-1252 leaves undefined (decoded as the C1 controls U+0081...). */
const UNDEFINED_1252 = /[\x81\x8D\x8F\x90\x9D]/;

const VALID = 0;
const INVALID = 1;
const INCOMPLETE = 2;

/** Whether bytes[i...] is one whole UTF-8 character (i holds a byte above 0x7F), cut at the end, or not UTF-8. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    // no overlong forms (E0 A0..), no surrogates (ED ..9F)
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    // no overlong forms (F0 90..), nothing past U+10FFFF (F4 ..8F)
    if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
  } else return INVALID;
  for (let k = 1; k <= need; k++) {
    if (i + k >= bytes.length) return INCOMPLETE;
    const c = bytes[i + k]!;
    if (c < lo || c > hi) return INVALID;
    lo = 0x80;
    hi = 0xbf;
  }
  return VALID;
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return i;
  return -1;
}

/** Where UTF-8 stops being valid in a chunk (after the continuation bytes of a character begun in the previous one). */
function firstInvalidUtf8(bytes: Uint8Array): { start: number; at: number } {
  let start = 0;
  while (start < 3 && start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start++;
  for (let i = start; i < bytes.length; i++) {
    if (bytes[i]! <= 0x7f) continue;
    const s = utf8SequenceAt(bytes, i);
    if (s !== VALID) return { start, at: i };
    const b = bytes[i]!;
    i += b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
  }
  return { start, at: bytes.length };
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Undeclared and no BOM: ASCII so far, UTF-8 seen, not UTF-8 (Windows-1252), or a first character cut at a chunk's end. */
const ASCII = 0;
const UTF8 = 1;
const CP1252 = 2;
const CUT = 3;

/**
 * The decoder of one file: `push(bytes)` returns the text of those bytes (a character split
 * between chunks included), `end()` the rest; both throw a PosEncodingError on bytes the file's
 * encoding cannot read. `settings` tells the encoding used (final once `end()` returned).
 */
export class PosTextDecoder {
  private decoder: TextDecoder | null = null;
  private encoding: PosEncoding = 'utf-8';
  private from: PosEncodingFrom = 'none';
  /** undeclared without a BOM: what the bytes have shown (ASCII, UTF8, CP1252, CUT); -1: the encoding is given */
  private state = -1;
  /** the first bytes, held until a byte-order mark can be told (fewer than 3 bytes came) */
  private head: Uint8Array | null = new Uint8Array(0);
  /** CUT: the first non-ASCII bytes, a UTF-8 character begun at a chunk's end */
  private cut: Uint8Array | null = null;
  /** the UTF-8 decoder holds no bytes of a character begun in an earlier chunk */
  private clean = true;
  /** the file began with a byte-order mark */
  private bom = false;

  constructor(
    private readonly declared: PosEncoding | null = null,
    /**
     * The text of a chunk that is all ASCII, or null (a platform's native check: Node's
     * `buffer.isAscii` and a latin1 read are 4x faster than TextDecoder); used while the file has
     * been ASCII only, when the decoder holds nothing back.
     */
    private readonly asciiText: ((bytes: Uint8Array) => string | null) | null = null,
  ) {}

  get settings(): PosEncodingSettings {
    return { encoding: this.encoding, encodingFrom: this.from };
  }

  push(chunk: Uint8Array): string {
    if (this.head !== null) {
      const bytes = this.head.length ? concat(this.head, chunk) : chunk;
      if (bytes.length === 0) return '';
      if (this.mayChange(bytes)) {
        this.head = bytes;
        return '';
      }
      this.head = null;
      chunk = bytes.subarray(this.start(bytes));
    }
    return this.decode(chunk);
  }

  end(): string {
    let text = '';
    if (this.head !== null) {
      const bytes = this.head;
      this.head = null;
      text = this.decode(bytes.subarray(this.start(bytes)));
    }
    if (this.state === CUT) {
      // the file's only non-ASCII bytes end it unfinished: not UTF-8
      const cut = this.cut!;
      this.cut = null;
      this.switchToWindows1252();
      return text + this.toWindows1252(cut);
    }
    try {
      return text + this.decoder!.decode();
    } catch {
      throw new PosEncodingError(`ends inside a character: the file's last bytes are not ${this.encodingName()}`, '');
    }
  }

  /**
   * True while more of the first bytes (a tiny first chunk) could change what they say: a
   * byte-order mark (EF BB BF, FF FE, FE FF) or a magic number not whole yet, or a NUL in the
   * first two bytes (UTF-16 without a mark?) and fewer than SNIFF_BYTES. So what the file is read
   * as never depends on how it was cut into chunks.
   */
  private mayChange(bytes: Uint8Array): boolean {
    if (bytes.length < 3 && (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe)) return true;
    if (bytes.length < UNSUPPORTED_FILE_HEAD && mayBeUnsupported(bytes)) return true;
    if (this.declared !== null) return false;
    return bytes.length < 2 || ((bytes[0] === 0 || bytes[1] === 0) && bytes.length < SNIFF_BYTES);
  }

  /** Settles the encoding from the first bytes; returns the length of the byte-order mark, which is not text. */
  private start(bytes: Uint8Array): number {
    const unsupported = unsupportedFileProblem(bytes);
    if (unsupported !== null) throw new PosUnsupportedFileError(unsupported);
    const bom =
      bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
        ? 'utf-8'
        : bytes[0] === 0xff && bytes[1] === 0xfe
          ? 'utf-16le'
          : bytes[0] === 0xfe && bytes[1] === 0xff
            ? 'utf-16be'
            : null;
    if (bom !== null) {
      this.bom = true;
      this.use(bom, bom === this.declared ? 'chosen' : 'file');
      return bom === 'utf-8' ? 3 : 2;
    }
    const utf16 = this.declared === null ? utf16WithoutBom(bytes) : null;
    if (this.declared !== null) this.use(this.declared, 'chosen');
    else if (utf16 !== null) this.use(utf16, 'file');
    else {
      this.use('utf-8', 'none');
      this.state = ASCII;
    }
    return 0;
  }

  private use(encoding: PosEncoding, from: PosEncodingFrom): void {
    this.encoding = encoding;
    this.from = from;
    // the byte-order mark is dropped by `start` (a U+FEFF later on is text); every decoding error throws
    this.decoder = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252', ignoreBOM: true });
  }

  /** How the encoding in force was told, for a message ("as the file ..."). */
  private said(): string {
    if (this.from === 'chosen') return 'was declared';
    return this.bom ? 'says by its byte-order mark' : 'reads by its first bytes (the NUL bytes of UTF-16 text)';
  }

  private encodingName(): string {
    return this.encoding === 'utf-8' ? 'UTF-8' : this.encoding === 'windows-1252' ? 'Windows-1252' : this.encoding.toUpperCase();
  }

  private decode(chunk: Uint8Array): string {
    const state = this.state;
    if (state === CP1252) return this.toWindows1252(chunk);
    if (state === CUT) {
      // the character cut at the previous chunk's end, with what follows: read afresh (all before it was ASCII)
      const bytes = concat(this.cut!, chunk);
      this.cut = null;
      this.state = ASCII;
      this.decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      this.clean = true;
      return this.decode(bytes);
    }
    // UTF-8 with nothing held back (the last chunk ended on an ASCII byte): an all-ASCII chunk is read natively
    if (this.clean && this.asciiText !== null && this.encoding === 'utf-8') {
      const ascii = this.asciiText(chunk);
      if (ascii !== null) return ascii;
    }
    let text: string;
    try {
      text = this.decoder!.decode(chunk, { stream: true });
    } catch {
      return this.undecodable(chunk);
    }
    this.clean = chunk.length === 0 || chunk[chunk.length - 1]! < 0x80;
    // ASCII gives one character a byte; anything else fewer: the first non-ASCII byte is in this chunk
    if (state === ASCII && text.length !== chunk.length) {
      const i = firstNonAscii(chunk);
      if (utf8SequenceAt(chunk, i) === INCOMPLETE) {
        this.state = CUT;
        this.cut = chunk.slice(i);
      } else {
        this.state = UTF8;
        this.from = 'file';
      }
    }
    return text;
  }

  /** A chunk the decoder in force refused. */
  private undecodable(chunk: Uint8Array): string {
    if (this.state === ASCII) {
      const i = firstNonAscii(chunk);
      if (utf8SequenceAt(chunk, i) === INVALID) {
        // the file's first non-ASCII byte is not UTF-8: Windows-1252, from the start (all before was ASCII)
        this.switchToWindows1252();
        return this.toWindows1252(chunk);
      }
      this.state = UTF8;
    }
    if (this.encoding === 'utf-8') {
      const { start, at } = firstInvalidUtf8(chunk);
      const before = new TextDecoder('utf-8').decode(chunk.subarray(start, at));
      const byte = hex(chunk[at] ?? 0);
      throw new PosEncodingError(
        this.state === UTF8
          ? `holds UTF-8 characters and bytes that are not UTF-8 (${byte} here): the file is neither UTF-8 nor Windows-1252; save it as UTF-8, or send it declaring its encoding (Content-Type: text/csv; charset=windows-1252 or charset=utf-8)`
          : `is not UTF-8 (${byte} here), as the file ${this.said()}: send it with the charset it is in (Content-Type: text/csv; charset=windows-1252, for example)`,
        before,
      );
    }
    const lenient = new TextDecoder(this.encoding).decode(chunk);
    const at = lenient.indexOf('\uFFFD');
    throw new PosEncodingError(
      `is not ${this.encodingName()} (an unpaired surrogate or a byte missing), as the file ${this.said()}`,
      at < 0 ? '' : lenient.slice(0, at),
    );
  }

  private switchToWindows1252(): void {
    this.state = CP1252;
    this.encoding = 'windows-1252';
    this.from = 'file';
    this.decoder = new TextDecoder('windows-1252');
  }

  private toWindows1252(chunk: Uint8Array): string {
    const text = this.decoder!.decode(chunk, { stream: true });
    // Inferred, not declared: a byte Windows-1252 leaves undefined says it is not Windows-1252 either.
    if (this.state === CP1252) {
      const at = text.search(UNDEFINED_1252);
      if (at >= 0)
        throw new PosEncodingError(
          `is neither UTF-8 nor Windows-1252 (the byte ${hex(text.charCodeAt(at))} is not a character in either): send it declaring its encoding (Content-Type: text/csv; charset=...), one of ${POS_CHARSETS}`,
          text.slice(0, at),
        );
    }
    return text;
  }
}
