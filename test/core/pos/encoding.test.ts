/**
 * The POS file decoder (core/pos/encoding.ts): the encoding is the file's, told by a byte-order
 * mark, a declared charset or the bytes, the same however the file is cut into chunks, and bytes
 * it cannot read stop the file (never a U+FFFD in a line).
 */
import { isAscii } from 'node:buffer';
import { PosEncodingError, PosParser, PosTextDecoder, posEncodingOf, type PosEncoding, type PosEvent } from '../../../core/pos/index.js';

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** What the server gives the decoder: an all-ASCII chunk read natively. */
const nativeAscii = (bytes: Uint8Array) =>
  isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : null;

/** Decodes `bytes` cut at `cuts`, once with TextDecoder alone and once with the native ASCII path: both must agree. */
function decode(bytes: Uint8Array, cuts: number[], declared: PosEncoding | null = null) {
  const plain = decodeWith(bytes, cuts, declared, null);
  expect(decodeWith(bytes, cuts, declared, nativeAscii)).toEqual(plain);
  return plain;
}

function decodeWith(bytes: Uint8Array, cuts: number[], declared: PosEncoding | null, ascii: typeof nativeAscii | null) {
  const d = new PosTextDecoder(declared, ascii);
  let text = '';
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    text += d.push(bytes.subarray(from, at));
    from = at;
  }
  text += d.end();
  return { text, ...d.settings };
}

/** Every way of cutting `bytes` in two. */
const everyCut = (bytes: Uint8Array) => Array.from({ length: bytes.length + 1 }, (_, i) => [i]);

describe('PosTextDecoder', () => {
  const TEXT = 'Kunde;Ort\r\nSociété Générale;Zürich\r\n';

  it('reads a file that is not UTF-8 as Windows-1252, wherever the chunks are cut', () => {
    for (const cuts of everyCut(latin1(TEXT)))
      expect(decode(latin1(TEXT), cuts)).toEqual({ text: TEXT, encoding: 'windows-1252', encodingFrom: 'file' });
    // the € sign and curly quotes are Windows-1252 (not Latin-1) bytes
    expect(decode(new Uint8Array([0x80, 0x20, 0x93, 0x61, 0x94]), [])).toMatchObject({ text: '€ “a”', encoding: 'windows-1252' });
  });

  it('reads UTF-8 as UTF-8, a character cut between chunks included, and plain ASCII as UTF-8 from nothing', () => {
    const text = TEXT + 'emoji 😀 and € end';
    for (const cuts of everyCut(utf8(text))) expect(decode(utf8(text), cuts)).toEqual({ text, encoding: 'utf-8', encodingFrom: 'file' });
    // one byte at a time
    const bytes = utf8(text);
    expect(
      decode(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ).text,
    ).toBe(text);
    expect(decode(utf8('a;b\r\n1;2'), [])).toEqual({ text: 'a;b\r\n1;2', encoding: 'utf-8', encodingFrom: 'none' });
  });

  it('tells a first byte that is not UTF-8 even when it is cut from what follows, or ends the file', () => {
    // E9 then "x": E9 begins a three-byte character in UTF-8, so the cut after it leaves it open
    const bytes = latin1('abc\u00e9xyz');
    for (const cuts of everyCut(bytes)) expect(decode(bytes, cuts)).toMatchObject({ text: 'abc\u00e9xyz', encoding: 'windows-1252' });
    expect(decode(latin1('abc\u00e9'), [])).toMatchObject({ text: 'abc\u00e9', encoding: 'windows-1252' });
    expect(decode(latin1('abc\u00c3'), [4])).toMatchObject({ text: 'abc\u00c3', encoding: 'windows-1252' });
  });

  it('decodes UTF-16 by its byte-order mark, and drops every BOM, whatever the first chunk holds', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(TEXT, 'utf16le')]);
    for (const cuts of everyCut(le)) expect(decode(le, cuts)).toEqual({ text: TEXT, encoding: 'utf-16le', encodingFrom: 'file' });
    const swapped = Buffer.from(TEXT, 'utf16le').swap16();
    const be = new Uint8Array([0xfe, 0xff, ...swapped]);
    for (const cuts of everyCut(be)) expect(decode(be, cuts)).toEqual({ text: TEXT, encoding: 'utf-16be', encodingFrom: 'file' });
    const bom = utf8('\ufeff' + TEXT);
    for (const cuts of everyCut(bom)) expect(decode(bom, cuts)).toEqual({ text: TEXT, encoding: 'utf-8', encodingFrom: 'file' });
    // a U+FEFF after the start is text, whichever chunk it comes in
    const inner = utf8('\ufeffab;c\r\n\ufeffx');
    for (const cuts of everyCut(inner)) expect(decode(inner, cuts).text).toBe('ab;c\r\n\ufeffx');
  });

  it('honours a declared charset (a byte-order mark still wins)', () => {
    expect(decode(latin1(TEXT), [], 'windows-1252')).toEqual({ text: TEXT, encoding: 'windows-1252', encodingFrom: 'chosen' });
    expect(decode(new Uint8Array(Buffer.from(TEXT, 'utf16le')), [7], 'utf-16le').text).toBe(TEXT);
    expect(decode(utf8('\ufeff' + TEXT), [], 'windows-1252')).toMatchObject({ text: TEXT, encoding: 'utf-8', encodingFrom: 'file' });
    expect(posEncodingOf(' ISO-8859-1 ')).toBe('windows-1252');
    expect(posEncodingOf('latin1')).toBe('windows-1252');
    expect(posEncodingOf('UTF8')).toBe('utf-8');
    expect(posEncodingOf('shift_jis')).toBeNull();
  });

  it('refuses bytes the encoding cannot read instead of replacing them', () => {
    // UTF-8 characters, then a byte that is not UTF-8: neither encoding reads the whole file
    const mixed = new Uint8Array([...utf8('Zürich\n'), ...latin1('Zürich\n')]);
    for (const cuts of [[], [3], [8], [10]]) expect(() => decode(mixed, cuts)).toThrow(PosEncodingError);
    expect(() => decode(latin1(TEXT), [], 'utf-8')).toThrow(/is not UTF-8 \(0xE9 here\)/);
    // not UTF-8, and a byte Windows-1252 leaves undefined
    expect(() => decode(new Uint8Array([0x61, 0x81, 0x62]), [])).toThrow(/neither UTF-8 nor Windows-1252/);
    // a UTF-16 file cut in the middle of a character
    expect(() => decode(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]), [])).toThrow(PosEncodingError);
    expect(() => decode(utf8('ab\u00e9').subarray(0, 3), [], 'utf-8')).toThrow(/ends inside a character/);
  });
});

describe('PosParser.pushBytes', () => {
  const parse = (bytes: Uint8Array, size: number, encoding: PosEncoding | null = null) => {
    const parser = new PosParser({ encoding });
    const events: PosEvent[] = [];
    for (let i = 0; i < bytes.length; i += size) events.push(...parser.pushBytes(bytes.subarray(i, i + size)));
    events.push(...parser.end());
    return { events, settings: parser.settings };
  };
  const header = 'Invoice No;Line;Invoice Date;Mfr Part;Qty;End Customer\r\n';
  const row = (n: number, name: string) => `INV-${n};1;2026-10-20;VS-1;1;${name}\r\n`;

  it('reads a Windows-1252 file to the same lines as its UTF-8 twin, and records the encoding', () => {
    const text = header + row(1, 'Plain') + row(2, 'Société Générale Zürich');
    const a = parse(latin1(text), 7);
    const b = parse(utf8(text), 7);
    expect(a.events).toEqual(b.events);
    expect(a.settings).toMatchObject({ encoding: 'windows-1252', encodingFrom: 'file', delimiter: ';' });
    expect(b.settings).toMatchObject({ encoding: 'utf-8', encodingFrom: 'file' });
  });

  it('stops a file with bytes it cannot read with one fatal error on their line', () => {
    const bytes = new Uint8Array([...utf8(header + row(1, 'Zürich') + row(2, 'x')), ...latin1(row(3, 'Zürich'))]);
    for (const size of [1, 5, 64, 4096]) {
      const { events } = parse(bytes, size);
      const errors = events.flatMap((e) => (e.type === 'error' ? [e.error] : []));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ code: 'ENCODING_INVALID', fatal: true, setting: 'charset', row: 4, line: 4 });
      expect(errors[0]!.message).toMatch(/^line 4 /);
    }
  });
});
