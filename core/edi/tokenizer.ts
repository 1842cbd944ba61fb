/**
 * The X12 tokenizer: text chunks in, segments out, in bounded memory (one segment and one chunk
 * held at most). Browser-safe: it takes strings from any source (a File's stream through
 * TextDecoderStream, Node's stream with setEncoding('utf8'), or bytes through core/pos
 * `decodeChunks`).
 *
 * The delimiters are read from each interchange's ISA segment: the element separator is the
 * character after "ISA", the component separator is the 16th element (ISA16) and the segment
 * terminator the character after it. They are read by counting separators rather than by fixed
 * columns, so an ISA whose fixed-width fields were trimmed by a careless sender still reads; the
 * repetition separator (ISA11 from version 00402) is kept as given. Any character may be a
 * delimiter (`*`, `|`, `^`, `>`, `~`, `]`, a newline...). Line breaks (CR, LF) around segments
 * are ignored unless they are the terminator themselves; when the terminator is LF, a CR before it
 * is dropped. After an IEA the next interchange brings its own delimiters.
 *
 * Positions: each segment carries its ordinal in the file (1-based) and the byte offset (UTF-8)
 * where it starts, so an error can point to it whichever chunk it arrived in.
 */

export interface X12Delimiters {
  element: string;
  component: string;
  segment: string;
  /** ISA11 when it is a separator (version 00402 and later), else null */
  repetition: string | null;
}

export interface X12Segment {
  /** "ISA", "ST", "LIN"... */
  tag: string;
  /** elements[1] is the segment's first element (X12 numbering: LIN02 is elements[2]); elements[0] is the tag */
  elements: string[];
  /** 1-based ordinal of the segment in the file */
  index: number;
  /** byte offset (UTF-8) of the segment's first character in the file */
  offset: number;
  delimiters: X12Delimiters;
}

export interface X12TokenError {
  code: 'NOT_X12' | 'BAD_ISA' | 'TRUNCATED' | 'SEGMENT_TOO_LONG';
  message: string;
  index: number;
  offset: number;
}

export type X12Token = { type: 'segment'; segment: X12Segment } | { type: 'error'; error: X12TokenError };

/** Longest segment read (a free-text NTE is 80 characters; a segment of a megabyte is not X12). */
export const MAX_SEGMENT_CHARS = 64 * 1024;

const ISA_ELEMENTS = 16;
const CR = '\r';
const LF = '\n';

function isBreak(c: string): boolean {
  return c === CR || c === LF;
}

function isBreakCode(c: number): boolean {
  return c === 13 || c === 10;
}

/** UTF-8 length of text[from, to) (ASCII fast path; no copy). */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let n = to - from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/**
 * The streaming tokenizer: `push(chunk)` returns the segments that chunk completed, `end()` the
 * rest. The tokens of one file do not depend on how it was cut into chunks.
 */
export class X12Tokenizer {
  private buf = '';
  /** byte offset of buf[0] in the file */
  private bufOffset = 0;
  private delimiters: X12Delimiters | null = null;
  private index = 0;
  /** true after a fatal token error: the rest of the input is skipped */
  private stopped = false;

  push(chunk: string): X12Token[] {
    if (this.stopped) return [];
    this.buf = this.buf === '' ? chunk : this.buf + chunk;
    const out: X12Token[] = [];
    this.drain(out, false);
    return out;
  }

  end(): X12Token[] {
    if (this.stopped) return [];
    const out: X12Token[] = [];
    this.drain(out, true);
    const rest = this.buf.trim();
    if (rest !== '') {
      // a last segment without its terminator
      if (this.delimiters !== null) this.emit(out, this.buf.replace(/[\r\n]+$/, ''), this.bufOffset);
      else
        out.push({
          type: 'error',
          error: {
            code: rest.startsWith('ISA') ? 'TRUNCATED' : 'NOT_X12',
            message: rest.startsWith('ISA')
              ? 'the file ends inside an ISA segment'
              : `the file does not start with an ISA segment (it starts "${rest.slice(0, 20)}")`,
            index: this.index + 1,
            offset: this.bufOffset,
          },
        });
    }
    this.buf = '';
    return out;
  }

  /** Drops the first `chars` characters of the buffer, counting their bytes. */
  private advance(chars: number): void {
    if (chars === 0) return;
    this.bufOffset += utf8Length(this.buf, 0, chars);
    this.buf = this.buf.slice(chars);
  }

  private drain(out: X12Token[], final: boolean): void {
    for (;;) {
      if (this.delimiters === null) {
        // between interchanges: skip whitespace, then read an ISA
        let i = 0;
        while (i < this.buf.length && this.buf.charCodeAt(i) <= 32) i++;
        this.advance(i);
        if (this.buf.length < 4) {
          if (this.buf.length > 0 && !'ISA'.startsWith(this.buf)) this.stop(out, 'NOT_X12', `expected an ISA segment, found "${this.buf}"`);
          return;
        }
        if (!this.buf.startsWith('ISA')) {
          this.stop(out, 'NOT_X12', `expected an ISA segment, found "${this.buf.slice(0, 20)}"`);
          return;
        }
        if (this.readIsa(out, final) !== 'ok') return;
      }
      // segments until the IEA (or the end of the buffer), without re-slicing the buffer per segment
      const d = this.delimiters!;
      const buf = this.buf;
      let pos = 0;
      let posOffset = this.bufOffset;
      let done = false;
      for (;;) {
        let start = pos;
        while (start < buf.length && isBreakCode(buf.charCodeAt(start)) && buf[start] !== d.segment) start++;
        const at = buf.indexOf(d.segment, start);
        if (at < 0) break;
        let text = buf.slice(start, at);
        if (d.segment === LF && text.endsWith(CR)) text = text.slice(0, -1);
        const offset = posOffset + (start - pos);
        const segment = this.emit(out, text, offset);
        posOffset = offset + utf8Length(buf, start, at + 1);
        pos = at + 1;
        if (segment !== null && segment.tag === 'IEA') {
          this.delimiters = null;
          done = true;
          break;
        }
      }
      this.buf = buf.slice(pos);
      this.bufOffset = posOffset;
      if (done) continue;
      if (this.buf.length > MAX_SEGMENT_CHARS) {
        this.stop(
          out,
          'SEGMENT_TOO_LONG',
          `a segment is longer than ${MAX_SEGMENT_CHARS} characters: is the segment terminator "${printable(d.segment)}" right?`,
        );
      }
      return;
    }
  }

  private emit(out: X12Token[], text: string, offset: number): X12Segment | null {
    const d = this.delimiters!;
    if (text === '' || (text.charCodeAt(0) <= 32 && text.trim() === '')) return null;
    const elements = text.split(d.element);
    const first = elements[0]!;
    const tag = first.charCodeAt(0) <= 32 || first.charCodeAt(first.length - 1) <= 32 ? first.trim() : first;
    elements[0] = tag;
    const segment: X12Segment = { tag, elements, index: ++this.index, offset, delimiters: d };
    out.push({ type: 'segment', segment });
    return segment;
  }

  /** Reads the delimiters of the ISA at buf[0] (the segment itself is then read as any other). */
  private readIsa(out: X12Token[], final: boolean): 'ok' | 'wait' | 'bad' {
    const buf = this.buf;
    const element = buf[3]!;
    if (/[A-Za-z0-9 ]/.test(element) || isBreak(element)) {
      this.stop(out, 'BAD_ISA', `the ISA segment's element separator "${printable(element)}" is a letter, digit, space or line break`);
      return 'bad';
    }
    let seen = 0;
    let i = 3;
    for (; i < buf.length && i < 300; i++) if (buf[i] === element && ++seen === ISA_ELEMENTS) break;
    if (seen < ISA_ELEMENTS) {
      if (buf.length < 300 && !final) return 'wait';
      return this.badIsa(out, `has ${seen} of its 16 elements separated by "${printable(element)}" (ISA01..ISA16)`);
    }
    // ISA16 is one character, the terminator the next
    if (i + 2 >= buf.length) return final ? this.badIsa(out, 'ends before its segment terminator') : 'wait';
    const component = buf[i + 1]!;
    const segment = buf[i + 2]!;
    if (component === element || segment === element || segment === component) {
      return this.badIsa(
        out,
        `uses "${printable(element)}", "${printable(component)}" and "${printable(segment)}" as delimiters: they must differ`,
      );
    }
    if (/[A-Za-z0-9]/.test(segment)) {
      return this.badIsa(
        out,
        `has "${printable(segment)}" after ISA16: the segment terminator cannot be a letter or digit (is ISA16 one character?)`,
      );
    }
    const fields = buf.slice(0, i + 2).split(element);
    const version = fields[12] ?? '';
    const rep = fields[11] ?? '';
    const repetition = rep.length === 1 && rep !== 'U' && version >= '00402' ? rep : null;
    this.delimiters = { element, component, segment, repetition };
    return 'ok';
  }

  private badIsa(out: X12Token[], reason: string): 'bad' {
    this.stop(out, 'BAD_ISA', `the ISA segment ${reason}`);
    return 'bad';
  }

  /** A fatal token error: the rest of the input is skipped (its delimiters cannot be known). */
  private stop(out: X12Token[], code: X12TokenError['code'], message: string): void {
    out.push({ type: 'error', error: { code, message, index: this.index + 1, offset: this.bufOffset } });
    this.stopped = true;
    this.buf = '';
  }
}

/** A delimiter as shown in messages ("\n" for a newline). */
export function printable(c: string): string {
  return c === LF ? '\\n' : c === CR ? '\\r' : c === '\t' ? '\\t' : c;
}
