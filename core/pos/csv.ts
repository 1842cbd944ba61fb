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
 * - CRLF or LF line ends, split anywhere between chunks;
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

/** The separators a POS CSV file may use. */
export const CSV_SEPARATORS = [',', ';', '\t', '|'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

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
  reason: string;
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
    return this.line + countLineBreaks(this.buffer, 0, this.buffer.length) + countLineBreaks(text, 0, text.length);
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
    if (this.skipping) {
      // the rest of an over-long record: only the new text is searched for its end
      const nl = chunk.indexOf('\n');
      if (nl < 0) return { records, errors };
      this.skipping = false;
      this.line++;
      chunk = chunk.slice(nl + 1);
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

  private drain(final: boolean, records: CsvRecord[], errors: CsvRecordError[]): void {
    const buf = this.buffer;
    const n = buf.length;
    let pos = 0;
    if (this.directive) {
      const nl = buf.indexOf('\n');
      if (nl < 0 && !final && mayBeDirective(buf)) return;
      this.directive = false;
      const first = nl < 0 ? buf : buf.slice(0, nl);
      const named = separatorDirective(first);
      if (named !== null) {
        // the directive's line: no record, one physical line
        if (!this.given) {
          this.separator = named;
          this.sepCode = named.charCodeAt(0);
        }
        this.line++;
        pos = nl < 0 ? n : nl + 1;
      }
    }
    if (this.separator === null) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !final) {
        if (n - pos > this.maxRecordChars) this.separator = ',';
        else {
          this.buffer = pos === 0 ? buf : buf.slice(pos);
          return;
        }
      }
      this.separator ??= sniffSeparator(buf.slice(pos, nl < 0 ? n : nl));
      this.sepCode = this.separator.charCodeAt(0);
    }
    const sep = this.separator;
    let nextQuote = buf.indexOf('"', pos);
    while (pos < n) {
      let nl = buf.indexOf('\n', pos);
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
      if (nextQuote < 0 || (nl >= 0 && nextQuote > nl)) {
        // no quote in this record: the native fast path
        if (nl < 0) {
          if (!final) {
            if (n - pos > this.maxRecordChars) {
              errors.push({ row: ++this.row, line: this.line, reason: `the row is longer than ${this.maxRecordChars} characters` });
              this.skipping = true;
              pos = n;
            }
            break;
          }
          nl = n;
        }
        const end = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        if (end - pos > this.maxRecordChars) {
          errors.push({ row: ++this.row, line: this.line, reason: `the row is longer than ${this.maxRecordChars} characters` });
          this.line++;
          pos = nl + 1;
          continue;
        }
        const text = end === pos ? '' : buf.slice(pos, end);
        const record: CsvRecord = { row: ++this.row, line: this.line, cells: text === '' ? [''] : text.split(sep) };
        if (this.control && CONTROL_CHARACTER.test(text)) record.control = true;
        records.push(record);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const result = this.parseQuoted(buf, pos, final);
      if (result === null) {
        // unfinished: wait for more text, unless the record is already too long
        if (n - pos > this.maxRecordChars) {
          errors.push({
            row: ++this.row,
            line: this.line,
            reason: `a quoted value is not closed within ${this.maxRecordChars} characters`,
          });
          const resume = buf.indexOf('\n', nextQuote);
          this.line++;
          if (resume < 0) {
            this.skipping = true;
            pos = n;
          } else pos = resume + 1;
          continue;
        }
        break;
      }
      const record: CsvRecord = { row: ++this.row, line: this.line, cells: result.cells };
      if (this.control && result.cells.some((cell) => CONTROL_CHARACTER.test(cell))) record.control = true;
      // a row with an unclosed quote is reported, not read (its cells are not what was meant)
      if (result.unterminated) {
        errors.push({ row: record.row, line: this.line, reason: 'a quoted value is not closed before the end of the file' });
        // The lines after the one the quote opened on are rows, not the rest of its cell (as past
        // maxRecordChars above): one bad quote loses one record, however near the end it is.
        const resume = buf.indexOf('\n', result.openedAt);
        if (resume >= 0) {
          this.line += 1 + countLineBreaks(buf, pos, resume);
          pos = resume + 1;
          continue;
        }
      } else if (result.end - pos > this.maxRecordChars)
        errors.push({ row: record.row, line: this.line, reason: `the row is longer than ${this.maxRecordChars} characters` });
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
            lineBreaks += countLineBreaks(buf, from, n);
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
          lineBreaks += countLineBreaks(buf, i, q);
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

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  let at = text.indexOf('\n', from);
  while (at >= 0 && at < to) {
    count++;
    at = text.indexOf('\n', at + 1);
  }
  return count;
}
