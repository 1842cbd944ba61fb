/**
 * A streaming CSV record reader for POS files: feed it text chunks, it returns the complete
 * records so far and keeps only the unfinished one. Browser-safe (strings only, no Node API).
 *
 * - BOM stripped; separator `,` `;` `|` or tab sniffed from the header line (or given);
 * - Excel's separator directive: a first line `sep=;` (`sep=,`, `sep=|`, `sep=` and a tab; case
 *   aside, after a BOM too) names the separator, which then wins over sniffing (a separator given
 *   by the caller still wins over it), and is neither the header nor a row: it takes no record
 *   number (Excel hides it, so the header stays record 1, the row a spreadsheet shows) but it is
 *   physical line 1 (`line`, the text file's line number, counts it). Any other first line is read
 *   as before; a directive naming another character (`sep=:`) is not one we read, so it is the
 *   header (and the file fails naming its missing columns);
 * - quoted fields with separators, doubled quotes and line breaks inside; a quote inside an
 *   unquoted field is an ordinary character (`12" monitor`);
 * - CRLF, LF or CR line ends (a lone CR is a line break: Excel for Mac's "CSV (Macintosh)" ends
 *   every line with one; a CR inside a quoted cell stays a character of the cell), split anywhere
 *   between chunks;
 * - a record longer than `maxRecordChars` (64 KiB by default: a binary file, an unterminated
 *   quote swallowing the file) is reported and skipped to the next line, so one bad quote loses
 *   one record, not the rest; so is a quote left open to the end of a shorter file (reading
 *   goes on from the line after the one it opened on);
 * - a record holding a control character (NUL, other C0 bytes but tab, CR and LF, DEL) is
 *   flagged (`control`), for the row mapper to name the cell;
 * - linear in the input whatever the chunking: an unfinished record is looked at again only once
 *   the text held has doubled (or passed the limit), so a 32 MB line without a line break sent
 *   in small chunks costs a few passes over 64 KiB, not one per chunk; while skipping an
 *   over-long record only the new chunk is searched for the line break;
 * - records are numbered from 1 (the header is record 1), blank lines included, so a record's
 *   number is the row a spreadsheet shows for files without line breaks inside cells.
 *
 * Fast path: a record without any quote is cut with indexOf/split, which is native code.
 */

import { CSV_DELIMITERS } from '../csv.js';

/** The separators a POS CSV file may use. */
export const CSV_SEPARATORS = [',', ';', '\t', '|'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * The separators by the name a request gives them (`?delimiter=semicolon`): the names the CSV
 * exports take (core/csv.ts, one table), and `pipe`, which POS files use and exports do not write.
 */
export const CSV_SEPARATOR_NAMES = { ...CSV_DELIMITERS, pipe: '|' } as const satisfies Record<string, CsvSeparator>;
export type CsvSeparatorName = keyof typeof CSV_SEPARATOR_NAMES;

/** A separator as a request writes it, by itself (`;`) or by name (`semicolon`); undefined for none. */
export function csvSeparatorOf(value: CsvSeparator | CsvSeparatorName | undefined): CsvSeparator | undefined {
  if (value === undefined) return undefined;
  return value in CSV_SEPARATOR_NAMES ? CSV_SEPARATOR_NAMES[value as CsvSeparatorName] : (value as CsvSeparator);
}

/** The longest record read by default: 64 KiB of text. */
export const DEFAULT_MAX_RECORD_CHARS = 65_536;

/** C0 control characters but tab, LF and CR, and DEL: never part of a POS value. */
export const CONTROL_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

export interface CsvRecord {
  /** 1-based record number; the header is 1 */
  row: number;
  /** 1-based physical line where the record starts */
  line: number;
  cells: string[];
  /** true when a cell holds a control character (see CONTROL_CHARACTER) */
  control?: boolean;
}

export interface CsvRecordError {
  row: number;
  line: number;
  /** one sentence about the row ("the row is longer than 65536 characters") */
  reason: string;
  /** the record was longer than the reader reads (the rest of it was skipped) */
  tooLong?: boolean;
}

export interface CsvReaderOptions {
  /** the separator; sniffed from the header line when absent */
  separator?: CsvSeparator;
  /** a record longer than this is reported and skipped (default DEFAULT_MAX_RECORD_CHARS) */
  maxRecordChars?: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * The separator an Excel directive line names (`sep=;`, the line without its line break), or null
 * when the line is not one. After the separator only spaces and repeats of it may follow (a tool
 * that read the directive as a row and wrote it back pads it to the header's width: `sep=;;;;`).
 */
export function separatorDirective(line: string): CsvSeparator | null {
  if (line.length < 5 || line.length > 256) return null;
  // "sep=" in any case
  if ((line.charCodeAt(0) | 32) !== 115 || (line.charCodeAt(1) | 32) !== 101 || (line.charCodeAt(2) | 32) !== 112) return null;
  if (line.charCodeAt(3) !== 61) return null;
  const sep = line.charAt(4);
  if (sep !== ',' && sep !== ';' && sep !== '\t' && sep !== '|') return null;
  for (let i = 5; i < line.length; i++) {
    const c = line.charAt(i);
    if (c !== sep && c !== ' ' && c !== '\r') return null;
  }
  return sep;
}

/** True while `text` (the start of a file, no line break in it yet) may still become a directive line. */
function mayBeDirective(text: string): boolean {
  const n = Math.min(text.length, 4);
  return 'sep='.startsWith(text.slice(0, n).toLowerCase()) && (text.length <= 4 || separatorDirective(text) !== null);
}

/** Counts `,` `;` and tabs outside quotes in the header line and picks the most frequent. */
export function sniffSeparator(headerLine: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let pipes = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted) {
      if (c === 44) commas++;
      else if (c === 59) semicolons++;
      else if (c === 9) tabs++;
      else if (c === 124) pipes++;
    }
  }
  if (tabs > commas && tabs > semicolons && tabs > pipes) return '\t';
  if (pipes > commas && pipes > semicolons) return '|';
  if (semicolons > commas) return ';';
  return ',';
}

export class CsvRecordReader {
  private buffer = '';
  private separator: CsvSeparator | null;
  private sepCode = 0;
  private readonly maxRecordChars: number;
  private started = false;
  private row = 0;
  private line = 1;
  /** skipping the rest of an over-long record up to the next line break */
  private skipping = false;
  /** the buffer is looked at again once it holds this many characters (see the module comment) */
  private retryAt = 0;
  /** the text held may contain a control character */
  private control = false;
  /** the first line has not been looked at for a separator directive yet */
  private directive = true;
  /** the separator was given by the caller (it wins over a directive) */
  private readonly given: boolean;
  /** the last text ended on a CR taken as a line break: an LF starting the next text is its CRLF's */
  private dropLf = false;
  /** the next CR in the text being drained at or after the last quoted value looked at (-1: none), for `lineBreaksIn` */
  private crAt = -1;

  constructor(options: CsvReaderOptions = {}) {
    this.separator = options.separator ?? null;
    this.given = this.separator !== null;
    if (this.separator) this.sepCode = this.separator.charCodeAt(0);
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  /** Characters held for the unfinished record: all the memory the reader keeps. */
  get pendingChars(): number {
    return this.buffer.length;
  }

  /** The physical line `text` would end on if it came next (for a problem found in bytes not yet read as text). */
  lineAfter(text: string): number {
    const held = this.buffer + text;
    return this.line + countLineBreaks(held, 0, held.length);
  }

  /** The separator in use (null until the header line has been seen). */
  get detectedSeparator(): CsvSeparator | null {
    return this.separator;
  }

  /** Adds a chunk; returns the records (and record errors) it completed. */
  push(chunk: string, records: CsvRecord[] = [], errors: CsvRecordError[] = []): { records: CsvRecord[]; errors: CsvRecordError[] } {
    if (!this.started) {
      if (chunk.length === 0) return { records, errors };
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.dropLf) {
      this.dropLf = false;
      if (chunk.charCodeAt(0) === LF) chunk = chunk.slice(1);
    }
    if (this.skipping) {
      // the rest of an over-long record: only the new text is searched for its end
      const next = this.afterBreak(chunk, 0);
      if (next < 0) return { records, errors };
      this.skipping = false;
      this.line++;
      chunk = chunk.slice(next);
    }
    if (chunk.length === 0) return { records, errors };
    if (!this.control && CONTROL_CHARACTER.test(chunk)) this.control = true;
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    if (this.buffer.length < this.retryAt) return { records, errors };
    this.drain(false, records, errors);
    this.retryAt = this.buffer.length === 0 ? 0 : Math.min(this.buffer.length * 2, this.maxRecordChars + 2);
    if (this.buffer.length === 0) this.control = false;
    return { records, errors };
  }

  /** Ends the input: returns the last record if the text did not end with a line break. */
  end(records: CsvRecord[] = [], errors: CsvRecordError[] = []): { records: CsvRecord[]; errors: CsvRecordError[] } {
    if (!this.skipping) this.drain(true, records, errors);
    this.buffer = '';
    this.skipping = false;
    return { records, errors };
  }

  /**
   * The position after the first line break at or after `from` (LF, CRLF, or a lone CR), -1 when
   * there is none. A CR that ends `text` ends its line: an LF starting the next text is then the
   * second half of its CRLF (`dropLf`). For the error paths (a record skipped): not the hot path.
   */
  private afterBreak(text: string, from: number): number {
    const lf = text.indexOf('\n', from);
    const cr = text.indexOf('\r', from);
    if (cr < 0 || (lf >= 0 && lf < cr)) return lf < 0 ? -1 : lf + 1;
    if (cr + 1 < text.length) return text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
    this.dropLf = true;
    return text.length;
  }

  /**
   * The line breaks in buf[from, to) of a quoted value (`countLineBreaks`), each search native:
   * LFs as far as the next one, CRs from the one found last (`crAt`, reset by each drain; the values
   * of a text are looked at in order), so a file without a CR is searched for one once per drain.
   */
  private lineBreaksIn(buf: string, from: number, to: number): number {
    let count = 0;
    let at = buf.indexOf('\n', from);
    while (at >= 0 && at < to) {
      count++;
      at = buf.indexOf('\n', at + 1);
    }
    let cr = this.crAt;
    if (cr >= 0 && cr < from) cr = buf.indexOf('\r', from);
    while (cr >= 0 && cr < to) {
      if (buf.charCodeAt(cr + 1) !== LF) count++;
      cr = buf.indexOf('\r', cr + 1);
    }
    this.crAt = cr;
    return count;
  }

  private drain(final: boolean, records: CsvRecord[], errors: CsvRecordError[]): void {
    const buf = this.buffer;
    const n = buf.length;
    let pos = 0;
    if (this.directive) {
      const first = lineBreak(buf, 0, final);
      if (first === null && !final && mayBeDirective(buf)) return;
      this.directive = false;
      const named = separatorDirective(first === null ? buf : buf.slice(0, first.end));
      if (named !== null) {
        // the directive's line: no record, one physical line
        if (!this.given) {
          this.separator = named;
          this.sepCode = named.charCodeAt(0);
        }
        this.line++;
        pos = first === null ? n : first.next;
      }
    }
    if (this.separator === null) {
      const header = lineBreak(buf, pos, final);
      if (header === null && !final) {
        if (n - pos > this.maxRecordChars) this.separator = ',';
        else {
          this.buffer = pos === 0 ? buf : buf.slice(pos);
          return;
        }
      }
      this.separator ??= sniffSeparator(buf.slice(pos, header === null ? n : header.end));
      this.sepCode = this.separator.charCodeAt(0);
    }
    const sep = this.separator;
    // The next quote, LF and CR, each searched again only once passed (-1: none left in the text held),
    // so a file without any CR (or without any LF) is not searched to its end at every record.
    let nextQuote = buf.indexOf('"', pos);
    let nextLf = buf.indexOf('\n', pos);
    let nextCr = buf.indexOf('\r', pos);
    this.crAt = nextCr;
    while (pos < n) {
      if (nextLf >= 0 && nextLf < pos) nextLf = buf.indexOf('\n', pos);
      if (nextCr >= 0 && nextCr < pos) nextCr = buf.indexOf('\r', pos);
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
      // the record's line break: the first LF or CR (a CR then an LF is one, CRLF)
      const brk = nextLf < 0 ? nextCr : nextCr < 0 || nextLf < nextCr ? nextLf : nextCr;
      if (nextQuote < 0 || (brk >= 0 && nextQuote > brk)) {
        // no quote in this record: the native fast path
        let end = brk;
        let next: number;
        if (brk >= 0 && (brk + 1 < n || buf.charCodeAt(brk) === LF)) {
          next = buf.charCodeAt(brk) === CR && buf.charCodeAt(brk + 1) === LF ? brk + 2 : brk + 1;
        } else if (!final) {
          // no line break yet (or a CR ending the text held, maybe the first half of a CRLF: one character to wait for)
          if (brk < 0 && n - pos > this.maxRecordChars) {
            errors.push({
              row: ++this.row,
              line: this.line,
              reason: `the row is longer than ${this.maxRecordChars} characters`,
              tooLong: true,
            });
            this.skipping = true;
            pos = n;
          }
          break;
        } else {
          end = brk < 0 ? n : brk;
          next = n;
        }
        if (end - pos > this.maxRecordChars) {
          errors.push({
            row: ++this.row,
            line: this.line,
            reason: `the row is longer than ${this.maxRecordChars} characters`,
            tooLong: true,
          });
          this.line++;
          pos = next;
          continue;
        }
        const text = end === pos ? '' : buf.slice(pos, end);
        const record: CsvRecord = { row: ++this.row, line: this.line, cells: text === '' ? [''] : text.split(sep) };
        if (this.control && CONTROL_CHARACTER.test(text)) record.control = true;
        records.push(record);
        this.line++;
        pos = next;
        continue;
      }
      const result = this.parseQuoted(buf, pos, final);
      if (result === null) {
        // unfinished: wait for more text, unless the record is already too long
        if (n - pos > this.maxRecordChars) {
          errors.push({
            row: ++this.row,
            line: this.line,
            reason: `the row has a quoted value that is not closed within ${this.maxRecordChars} characters`,
          });
          const resume = this.afterBreak(buf, nextQuote);
          this.line++;
          if (resume < 0) {
            this.skipping = true;
            pos = n;
          } else pos = resume;
          continue;
        }
        break;
      }
      const record: CsvRecord = { row: ++this.row, line: this.line, cells: result.cells };
      if (this.control && result.cells.some((cell) => CONTROL_CHARACTER.test(cell))) record.control = true;
      // a row with an unclosed quote is reported, not read (its cells are not what was meant)
      if (result.unterminated) {
        errors.push({
          row: record.row,
          line: this.line,
          reason: 'the row has a quoted value that is not closed before the end of the file',
        });
        // The lines after the one the quote opened on are rows, not the rest of its cell (as past
        // maxRecordChars above): one bad quote loses one record, however near the end it is.
        const resume = this.afterBreak(buf, result.openedAt);
        if (resume >= 0) {
          this.line += 1 + countLineBreaks(buf, pos, resume - 1);
          pos = resume;
          continue;
        }
      } else if (result.end - pos > this.maxRecordChars)
        errors.push({
          row: record.row,
          line: this.line,
          reason: `the row is longer than ${this.maxRecordChars} characters`,
          tooLong: true,
        });
      else records.push(record);
      this.line += 1 + result.lineBreaks;
      pos = result.end;
    }
    this.buffer = pos >= n ? '' : buf.slice(pos);
  }

  /**
   * Parses one record that contains a quote, from `start`. Returns null when the record is not
   * complete in `buf` (and the input is not final).
   */
  private parseQuoted(
    buf: string,
    start: number,
    final: boolean,
  ): { cells: string[]; end: number; lineBreaks: number; unterminated: boolean; openedAt: number } | null {
    const sep = this.sepCode;
    const n = buf.length;
    const cells: string[] = [];
    let lineBreaks = 0;
    let i = start;
    for (;;) {
      // one field starting at i
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        let j = from;
        for (;;) {
          const q = buf.indexOf('"', j);
          if (q < 0) {
            if (!final) return null;
            value += buf.slice(from, n);
            lineBreaks += this.lineBreaksIn(buf, from, n);
            cells.push(value);
            return { cells, end: n, lineBreaks, unterminated: true, openedAt: i };
          }
          if (q + 1 < n && buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(from, q + 1);
            from = j = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) return null;
          value += buf.slice(from, q);
          lineBreaks += this.lineBreaksIn(buf, i, q);
          i = q + 1;
          break;
        }
        // text after the closing quote up to the separator is kept (lenient)
        let k = i;
        while (k < n) {
          const c = buf.charCodeAt(k);
          if (c === sep || c === LF || c === CR) break;
          k++;
        }
        if (k > i) value += buf.slice(i, k);
        cells.push(value);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = buf.charCodeAt(k);
          if (c === sep || c === LF || c === CR) break;
          k++;
        }
        cells.push(buf.slice(i, k));
        i = k;
      }
      // after a field: separator, line end, or the end of the text
      if (i >= n) {
        if (!final) return null;
        return { cells, end: n, lineBreaks, unterminated: false, openedAt: -1 };
      }
      const c = buf.charCodeAt(i);
      if (c === sep) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 >= n) {
          if (!final) return null;
          return { cells, end: n, lineBreaks, unterminated: false, openedAt: -1 };
        }
        if (buf.charCodeAt(i + 1) === LF) return { cells, end: i + 2, lineBreaks, unterminated: false, openedAt: -1 };
        // a lone CR inside a record ends it like a line break
        return { cells, end: i + 1, lineBreaks, unterminated: false, openedAt: -1 };
      }
      return { cells, end: i + 1, lineBreaks, unterminated: false, openedAt: -1 };
    }
  }
}

/** The line breaks in text[from, to): each LF, and each CR not followed by an LF (CRLF is one). */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c <= CR && (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF))) count++;
  }
  return count;
}

/**
 * The first line break at or after `from`: where the line's text ends and the next line starts;
 * null when the text holds none yet (a CR ending a text that is not final may be half a CRLF).
 * Once a file (its directive and header lines), not per record.
 */
function lineBreak(text: string, from: number, final: boolean): { end: number; next: number } | null {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (cr < 0 || (lf >= 0 && lf < cr)) return lf < 0 ? null : { end: lf, next: lf + 1 };
  return crBreak(text, cr, final);
}

function crBreak(text: string, cr: number, final: boolean): { end: number; next: number } | null {
  if (cr + 1 < text.length) return { end: cr, next: text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1 };
  return final ? { end: cr, next: text.length } : null;
}
