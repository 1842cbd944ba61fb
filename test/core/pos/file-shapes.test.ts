/**
 * The POS reader (core/pos) over the shapes files come in: CR line ends (Excel for Mac), UTF-16
 * without a byte-order mark, files that are not text, digits grouped with spaces, the column
 * mapping by position, columns without a header, the header names of the field table, and row
 * messages said once, of their subject. Each the same however the input is cut into chunks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  CsvRecordReader,
  DEFAULT_POS_HEADERS,
  POS_FIELDS,
  PosParser,
  PosTextDecoder,
  csvSeparatorOf,
  normalizeHeader,
  parseMoneyText,
  parsePosBytes,
  parsePosText,
  parseQuantityText,
  posEncodingOf,
  resolveColumns,
  unsupportedFileProblem,
  utf16WithoutBom,
  type CsvRecord,
  type CsvRecordError,
  type PosEvent,
} from '../../../core/pos/index.js';

const FIXTURES = join(__dirname, '../../fixtures/pos');
const HEADER = 'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Resale Price';

/** The records and record errors of a text cut into the given chunks. */
function read(chunks: string[], reader = new CsvRecordReader()) {
  const records: CsvRecord[] = [];
  const errors: CsvRecordError[] = [];
  for (const chunk of chunks) reader.push(chunk, records, errors);
  reader.end(records, errors);
  return { records, errors };
}

/** `text` cut at the given points. */
function cut(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

function parseChunks(chunks: string[], options = {}): PosEvent[] {
  const parser = new PosParser(options);
  const events: PosEvent[] = [];
  for (const chunk of chunks) events.push(...parser.push(chunk));
  events.push(...parser.end());
  return events;
}

describe('line ends', () => {
  it('reads a lone CR as a line break, CRLF and LF as before, a CR inside quotes as a character', () => {
    const { records } = read(['a,b\rc,"d\re"\r\nf,g\nh,i\r']);
    expect(records.map((r) => [r.row, r.line, r.cells])).toEqual([
      [1, 1, ['a', 'b']],
      [2, 2, ['c', 'd\re']],
      // the quoted CR was a physical line of the file too
      [3, 4, ['f', 'g']],
      [4, 5, ['h', 'i']],
    ]);
  });

  it('reads an Excel for Mac file (CR only) as rows, not as one header', () => {
    const text = `${HEADER}\rMAC-1,1,2026-11-05,VS-PMIC-45A,5,1.00\rMAC-1,2,2026-11-05,VS-PMIC-45A,6,1.00\r`;
    const { lines, errors, settings } = parsePosText(text);
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ delimiter: ',' });
    expect(lines.map((l) => [l.row, l.invoiceLine, l.quantity])).toEqual([
      [2, '1', 5],
      [3, '2', 6],
    ]);
    // a blank line (two CRs) is a blank row that keeps its number
    expect(parsePosText(text.replace('\rMAC-1,2', '\r\rMAC-1,2')).lines.map((l) => l.row)).toEqual([2, 4]);
  });

  it("takes Excel's sep= line and sniffs the separator on the first line of a CR-only file", () => {
    const { records } = read(['sep=;\rx;y\r1;2\r']);
    expect(records.map((r) => [r.row, r.line, r.cells])).toEqual([
      [1, 2, ['x', 'y']],
      [2, 3, ['1', '2']],
    ]);
    expect(read(['a;b\r1,5;2\r']).records[1]!.cells).toEqual(['1,5', '2']);
  });

  it('gives the same records however a text of every line end is cut, a CRLF split between chunks included', () => {
    const texts = [
      'a,b\rc,"d\re"\r\nf,g\nh,i\r',
      'h1,h2\r\n"x\r\ny",1\r\n\r\nz,2',
      'h1;h2\r"unclosed\rrow;2\rnext;3\r',
      'sep=|\rp|q\r1|"2\r"\r',
      `${HEADER}\r${'MAC-1,1,2026-11-05,VS-PMIC-45A,5,1.00\r'.repeat(5)}`,
    ];
    for (const text of texts) {
      const whole = read([text]);
      for (let at = 0; at <= text.length; at++) expect(read([text.slice(0, at), text.slice(at)])).toEqual(whole);
    }
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        expect(read(cut(text, cuts))).toEqual(read([text]));
      }),
      { numRuns: 300 },
    );
  });

  it('skips an over-long record to its CR, and reads on after it, a CRLF cut after its CR included', () => {
    const long = 'x'.repeat(200);
    const text = `h1,h2\r${long}\r\nA,1\rB,2\r`;
    const reader = () => new CsvRecordReader({ maxRecordChars: 50 });
    const whole = read([text], reader());
    expect(whole.errors).toEqual([{ row: 2, line: 2, reason: 'the row is longer than 50 characters', tooLong: true }]);
    expect(whole.records.map((r) => [r.row, r.line, r.cells[0]])).toEqual([
      [1, 1, 'h1'],
      [3, 3, 'A'],
      [4, 4, 'B'],
    ]);
    for (let at = 0; at <= text.length; at++) expect(read([text.slice(0, at), text.slice(at)], reader())).toEqual(whole);
    // chunks of ten characters: the reader skips while the record is being sent
    const tens = Array.from({ length: Math.ceil(text.length / 10) }, (_, i) => text.slice(i * 10, i * 10 + 10));
    expect(read(tens, reader())).toEqual(whole);
  });

  // Its speed (linear in the input, no search to the end at every record) is the bench's to measure
  // (npm run bench), not a timed test's: here, that every record of a big file is read.
  it('reads every record of a big CR-only file and of a big LF file with quoted cells', () => {
    const row = 'MAC-1,1,2026-11-05,"VS-PMIC-45A",5,1.00';
    for (const eol of ['\r', '\n']) {
      const text = HEADER + eol + Array.from({ length: 60_000 }, () => row).join(eol) + eol;
      const { records } = read([text]);
      expect(records).toHaveLength(60_001);
      expect(records.at(-1)!.cells).toEqual(['MAC-1', '1', '2026-11-05', 'VS-PMIC-45A', '5', '1.00']);
    }
  });
});

describe('encodings and files that are not text', () => {
  const utf16be = (text: string) => {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return new Uint8Array(le);
  };
  const TEXT = 'Kunde\tOrt\r\nSociété Générale\tZürich\r\n';

  function decode(bytes: Uint8Array, cuts: number[], declared: Parameters<typeof posEncodingOf>[0] | null = null) {
    const d = new PosTextDecoder(declared === null ? null : posEncodingOf(declared));
    let text = '';
    let from = 0;
    for (const at of [...cuts, bytes.length]) {
      text += d.push(bytes.subarray(from, at));
      from = at;
    }
    return { text: text + d.end(), ...d.settings };
  }

  it('tells UTF-16 without a byte-order mark by its NUL bytes, little and big endian, wherever the bytes are cut', () => {
    const le = new Uint8Array(Buffer.from(TEXT, 'utf16le'));
    const be = utf16be(TEXT);
    for (let at = 0; at <= le.length; at++) {
      expect(decode(le, [at])).toEqual({ text: TEXT, encoding: 'utf-16le', encodingFrom: 'file' });
      expect(decode(be, [at])).toEqual({ text: TEXT, encoding: 'utf-16be', encodingFrom: 'file' });
    }
    // one byte at a time
    expect(
      decode(
        le,
        Array.from({ length: le.length }, (_, i) => i),
      ).text,
    ).toBe(TEXT);
    expect(utf16WithoutBom(new Uint8Array(Buffer.from(TEXT, 'utf8')))).toBeNull();
    expect(utf16WithoutBom(new Uint8Array(Buffer.from(TEXT, 'latin1')))).toBeNull();
    // a declared charset is the sender's word: not second-guessed
    expect(decode(new Uint8Array(Buffer.from('a;b\r\n', 'utf16le')), [], 'utf-8')).toEqual({
      text: 'a\0;\0b\0\r\0\n\0',
      encoding: 'utf-8',
      encodingFrom: 'chosen',
    });
  });

  it('reads us-ascii as UTF-8, a subset of it', () => {
    expect(posEncodingOf('US-ASCII')).toBe('utf-8');
    expect(posEncodingOf('ascii')).toBe('utf-8');
    expect(decode(new Uint8Array(Buffer.from('a;b\r\n')), [], 'us-ascii')).toMatchObject({ encoding: 'utf-8', encodingFrom: 'chosen' });
  });

  it('refuses a gzip, a zip (an .xlsx) and an .xls by their first bytes, saying what to send, however they are cut', async () => {
    const gz = new Uint8Array(readFileSync(join(FIXTURES, 'report.csv.gz')));
    const xlsx = new Uint8Array(readFileSync(join(FIXTURES, 'workbook.xlsx')));
    const xls = new Uint8Array(readFileSync(join(FIXTURES, 'workbook.xls')));
    expect(unsupportedFileProblem(gz)).toBe('this is a compressed file (gzip), not a CSV: save it as CSV (UTF-8), uncompressed');
    expect(unsupportedFileProblem(xlsx)).toBe('this is an Excel workbook (.xlsx) or another zip file, not a CSV: save it as CSV (UTF-8)');
    expect(unsupportedFileProblem(xls)).toBe('this is an Excel workbook (.xls), not a CSV: save it as CSV (UTF-8)');
    expect(unsupportedFileProblem(new Uint8Array(Buffer.from('PK,is a header\n')))).toBeNull();
    for (const bytes of [gz, xlsx, xls])
      for (let at = 0; at <= 6; at++) {
        const events: PosEvent[] = [];
        for await (const e of parsePosBytes([bytes.subarray(0, at), bytes.subarray(at)])) events.push(e);
        expect(events).toEqual([
          {
            type: 'error',
            error: expect.objectContaining({ row: 1, code: 'UNSUPPORTED_FILE', fatal: true, message: unsupportedFileProblem(bytes) }),
          },
        ]);
      }
  });

  it('says "line N" then what is wrong there, once', async () => {
    // UTF-8 characters, then a byte that is not UTF-8
    const bytes = new Uint8Array(
      Buffer.concat([Buffer.from(`${HEADER}\nZ,1,2026-11-05,Zürich,1,1\n`), Buffer.from('Z,2,2026-11-05,Z\xfcrich,1,1\n', 'latin1')]),
    );
    const events: PosEvent[] = [];
    for await (const e of parsePosBytes([bytes])) events.push(e);
    const error = events.find((e) => e.type === 'error')!;
    expect(error.type === 'error' && error.error.message).toMatch(
      /^line 3 holds UTF-8 characters and bytes that are not UTF-8 \(0xFC here\): the file is neither UTF-8 nor Windows-1252; /,
    );
  });
});

describe('digits grouped with spaces', () => {
  it.each([
    ['1 000', 1000],
    ['1\u00a0000', 1000],
    ['1\u202f234', 1234],
    ["1'200", 1200],
    ['12 345 678', 12345678],
    ["'123", 123],
  ])('reads the quantity %j as %d', (text, value) => {
    expect(parseQuantityText(text, { decimalMark: null })).toEqual({ ok: true, value });
  });

  it.each(['1 0', '12 34', '1 23', '1234 567', ' 1 0 ', '1 000.000 0'])(
    'refuses the quantity %j as misplaced thousands separators',
    (text) => {
      expect(parseQuantityText(text, { decimalMark: '.' })).toEqual({ ok: false, reason: 'has misplaced thousands separators' });
    },
  );

  it('applies the rule to amounts, with either decimal mark, and never mixes a space with the thousands mark', () => {
    expect(parseMoneyText('1 234,50 €', { decimalMark: ',' })).toEqual({ ok: true, value: '1234.50' });
    expect(parseMoneyText('1\u00a0234.5', { decimalMark: '.' })).toEqual({ ok: true, value: '1234.5' });
    expect(parseMoneyText('1 23.4', { decimalMark: '.' })).toEqual({ ok: false, reason: 'has misplaced thousands separators' });
    expect(parseMoneyText('1 234.567,5', { decimalMark: ',' })).toEqual({ ok: false, reason: 'has misplaced thousands separators' });
    expect(parseMoneyText('12,5 0', { decimalMark: ',' })).toEqual({ ok: false, reason: 'has misplaced thousands separators' });
    expect(parseMoneyText('(1 234.50)', { decimalMark: '.' })).toEqual({ ok: true, value: '-1234.50' });
  });

  it('keeps an amount whose decimals past the fourth are zeros, exactly', () => {
    expect(parseMoneyText('0.12340', { decimalMark: '.' })).toEqual({ ok: true, value: '0.1234' });
    expect(parseMoneyText('1,000000', { decimalMark: ',' })).toEqual({ ok: true, value: '1.0000' });
    expect(parseMoneyText('0.12345', { decimalMark: '.' })).toEqual({ ok: false, reason: 'has 5 decimals; at most 4 are kept exactly' });
  });
});

describe('columns', () => {
  it('maps a field to a column by its position, the way to choose between two columns with one header', () => {
    const headers = HEADER.replace('Resale Price', 'Quantity').split(',');
    const refused = resolveColumns(headers);
    expect(refused.problems).toEqual([
      { field: 'quantity', kind: 'ambiguous', names: ['quantity'], columns: ['Quantity', 'Quantity'], positions: [5, 6] },
    ]);
    const chosen = resolveColumns(headers, { fields: { quantity: '#6' } });
    expect(chosen.problems).toEqual([]);
    expect(chosen.index.quantity).toBe(5);
    expect(chosen.matched.quantity).toEqual({ header: 'Quantity', how: 'position' });
    expect(chosen.extra).toEqual([{ index: 4, key: 'quantity2' }]);
    // "# 2" too; a position past the header's end is missing, not looked for by name
    expect(resolveColumns(headers, { fields: { invoiceLine: '# 2' } }).index.invoiceLine).toBe(1);
    expect(resolveColumns(headers, { fields: { quantity: '#9' } }).problems).toEqual([
      { field: 'quantity', kind: 'missing', names: ['#9'], columns: [], positions: [6] },
    ]);
  });

  it('keeps a column without a header under its position', () => {
    const { lines } = parsePosText(`${HEADER},,—,Notes\nE-1,1,2026-11-05,VS-PMIC-45A,5,1.00,under none,dash,n\n`);
    expect(lines[0]!.extra).toEqual({ column7: 'under none', column8: 'dash', notes: 'n' });
  });

  it('finds each header name of the field table for its own field, exactly first, and no name serves two fields', () => {
    const owner = new Map<string, string>();
    for (const field of POS_FIELDS)
      for (const name of [field, ...DEFAULT_POS_HEADERS[field]]) {
        const key = normalizeHeader(name);
        expect({ name, field, other: owner.get(key) ?? field }).toEqual({ name, field, other: field });
        owner.set(key, field);
        // alone in a header, and beside every other name of the table: the exact name wins
        expect(resolveColumns([name]).index[field]).toBe(0);
        expect(resolveColumns([name.toUpperCase() + ' ']).index[field]).toBe(0);
      }
    // the distributors' names asked for
    const arrow = resolveColumns(['Inv #', 'Ln #', 'Inv Ln', 'S&D Number', 'Quote Number']);
    expect(arrow.matched).toMatchObject({
      invoiceNumber: { header: 'Inv #', how: 'exact' },
      invoiceLine: { header: 'Inv Ln', how: 'exact' },
      authorizationNumber: { header: 'S&D Number', how: 'exact' },
    });
    expect(resolveColumns(['Inv', 'Ln No', 'S&D No']).matched).toMatchObject({
      invoiceNumber: { header: 'Inv' },
      invoiceLine: { header: 'Ln No' },
      authorizationNumber: { header: 'S&D No' },
    });
    // an exact name of one field beats a loose one of the same field: "Inv Date" stays the invoice date
    expect(resolveColumns(['Inv.', 'Inv Date']).matched).toMatchObject({
      invoiceNumber: { header: 'Inv.', how: 'loose' },
      invoiceDate: { header: 'Inv Date', how: 'exact' },
    });
  });

  it('names separators as the CSV exports do, and pipe', () => {
    expect(['comma', 'semicolon', 'tab', 'pipe', ';', '\t', undefined].map((d) => csvSeparatorOf(d as never))).toEqual([
      ',',
      ';',
      '\t',
      '|',
      ';',
      '\t',
      undefined,
    ]);
  });
});

describe('row messages', () => {
  const messages = (text: string, options = {}) => parsePosText(text, options).errors.map((e) => e.message);

  it('say their subject once', () => {
    const long = `${HEADER}\n${'x'.repeat(100)}\nA,1,2026-11-05,P,"1\n`;
    expect(messages(long, { maxRowChars: 90 })).toEqual([
      'the row is longer than 90 characters',
      'the row has a quoted value that is not closed before the end of the file',
    ]);
    expect(messages(`${HEADER.replace('Resale Price', 'Quantity')}\nA,1,2026-11-05,P,1,2\n`)).toEqual([
      'quantity could be two columns, "Quantity" (#5) and "Quantity" (#6): map quantity to one of them by its position in the column mapping, {"quantity": "#5"} or {"quantity": "#6"}',
    ]);
    expect(messages(`${HEADER}\nA,1,2026-11-05,P,1,1\n`, { mapping: { fields: { bookCost: 'Unit Cost' } } })).toEqual([
      'bookCost has no column named "Unit Cost" (its name in the column mapping)',
    ]);
    expect(messages('')).toEqual(['the file is empty: it has no header row']);
    for (const message of [...messages(long, { maxRowChars: 90 }), ...messages('')]) expect(message).not.toMatch(/^(\S+ )\1/);
  });

  it('name the other decimal mark only when it would read the value', () => {
    const text = `${HEADER}\nA,1,2026-11-05,P,1,1.50\nA,2,2026-11-05,P,1,2.25\nA,5,2026-11-05,P,1,3.5\nA,6,2026-11-05,P,1,0.75\nA,3,2026-11-05,P,1,Fr. 12.50\nA,4,2026-11-05,P,1,"1.234,50"\n`;
    expect(messages(text)).toEqual([
      'Resale Price "Fr. 12.50" is not a number',
      'Resale Price "1.234,50" is written with "," as the decimal mark, but the file\'s decimal mark is "." (decimalMark, inferred from the file; choose ?decimalMark=, if that is wrong)',
    ]);
  });
});

describe('chunk boundaries of the new fixtures', () => {
  it.each(['cr-line-ends.csv', 'space-grouped-numbers.csv', 'empty-header-column.csv', 'distributor-headers.csv', 'duplicate-headers.csv'])(
    'give the same result wherever %s is cut',
    (name) => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const whole = parseChunks([text]);
      for (let at = 0; at <= text.length; at++) expect(parseChunks([text.slice(0, at), text.slice(at)])).toEqual(whole);
    },
  );
});
