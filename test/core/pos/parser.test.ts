import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  CsvRecordReader,
  PosParser,
  parsePosChunks,
  parsePosJson,
  parsePosText,
  decodeChunks,
  type PosEvent,
} from '../../../core/pos/index.js';

const FIXTURES = join(__dirname, '../../fixtures/pos');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const ALL = [
  'clean-comma.csv',
  'bom-semicolon-crlf.csv',
  'quoted-commas.csv',
  'tab-us-dates.tsv',
  'messy.csv',
  'missing-column.csv',
  'header-aliases.csv',
  'excel-sep-directive.csv',
  'year-first-dates.csv',
  'return-flags.csv',
];

/** Parses a text cut into the given chunks. */
function parseChunks(chunks: string[], options = {}): PosEvent[] {
  const parser = new PosParser(options);
  const events: PosEvent[] = [];
  for (const chunk of chunks) events.push(...parser.push(chunk));
  events.push(...parser.end());
  return events;
}

const errorsOf = (events: PosEvent[]) => events.flatMap((e) => (e.type === 'error' ? [[e.error.row, e.error.column, e.error.code]] : []));
const linesOf = (events: PosEvent[]) => events.flatMap((e) => (e.type === 'line' ? [e.line] : []));

describe('POS parser over messy files', () => {
  it('reads a clean comma file with the usual headers', () => {
    const { lines, errors, stats } = parsePosText(fixture('clean-comma.csv'));
    expect(errors).toEqual([]);
    expect(stats).toMatchObject({ rows: 4, lines: 3 });
    expect(lines[0]).toMatchObject({
      row: 2,
      distributorId: 'D-1',
      invoiceNumber: 'INV-1001',
      invoiceLine: '1',
      invoiceDate: '2025-03-01',
      shipDate: '2025-03-02',
      distributorPartNumber: 'DP-100',
      vendorPartNumber: 'VP-100',
      quantity: 10,
      resalePrice: '15.00',
      bookCost: '12.50',
      authorizedCost: '10.00',
      claimedAmount: '25.00',
      authorizationNumber: 'SD-1',
      customerPo: 'PO-77',
      endCustomerName: 'Acme Corp',
      debitMemoNumber: 'DM-1',
    });
    expect(lines[2]).toMatchObject({ shipDate: null, distributorPartNumber: null, customerPo: null, bookCost: '0.20' });
  });

  it('strips a BOM, sniffs ";" and reads CRLF, decimal commas and dotted dates', () => {
    const parser = new PosParser();
    const events = [...parser.push(fixture('bom-semicolon-crlf.csv')), ...parser.end()];
    expect(parser.separator).toBe(';');
    expect(errorsOf(events)).toEqual([]);
    const lines = linesOf(events);
    expect(lines.map((l) => [l.invoiceNumber, l.invoiceDate, l.quantity, l.bookCost, l.authorizedCost, l.claimedAmount])).toEqual([
      ['INV-2001', '2025-03-01', 1200, '1234.50', '1000.25', '281100.00'],
      ['INV-2001', '2025-03-15', 3, '12.5', '10', '7.5'],
      ['INV-2002', '2025-12-31', 2, '0.3', '0.1', '0.4'],
    ]);
    expect(lines[0]!.endCustomerName).toBe('Müller; Söhne GmbH');
    expect(lines[2]!.claimedAmount).toBe('0.4');
  });

  it('keeps quoted separators, doubled quotes and line breaks inside cells, and counts rows by record', () => {
    const { lines, errors } = parsePosText(fixture('quoted-commas.csv'));
    expect(errors).toEqual([]);
    expect(lines.map((l) => [l.row, l.quantity, l.bookCost, l.endCustomerName, l.extra.notes])).toEqual([
      [2, 1000, '1234.50', 'Acme, Inc.', 'He said "ship it"'],
      [3, 2, '12.50', 'Globex\nCorporation', 'second line inside a cell'],
      [4, 3, '12.5', 'Initech', '12" monitor, "refurb"'],
    ]);
  });

  it('reads tabs, US dates and YYYYMMDD dates with header aliases', () => {
    const { lines, errors } = parsePosText(fixture('tab-us-dates.tsv'));
    expect(errors).toEqual([]);
    expect(
      lines.map((l) => [
        l.invoiceNumber,
        l.invoiceLine,
        l.invoiceDate,
        l.shipDate,
        l.vendorPartNumber,
        l.authorizedCost,
        l.authorizationNumber,
        l.endCustomerName,
      ]),
    ).toEqual([
      ['INV-4001', '1', '2025-03-15', '2025-03-16', 'VP-100', '10.00', 'SD-1', 'Acme Corp'],
      ['INV-4001', '2', '2025-03-05', '2025-03-06', 'VP-200', '7', 'SD-1', 'Acme Corp'],
    ]);
  });

  it('maps unusual header names and keeps unmapped columns as extra fields', () => {
    const { lines, errors } = parsePosText(fixture('header-aliases.csv'));
    expect(errors).toEqual([]);
    expect(lines[1]).toMatchObject({
      invoiceLine: '002',
      quantity: -2,
      // a return's "(5.00)": the quantity carries the sign, the amount is kept as its value
      claimedAmount: '5.00',
      creditReturn: true,
      customerPo: 'RPO-1',
      extra: {},
    });
  });

  it('gives every bad row an error with its row, column and reason, and loses no valid row', () => {
    const { lines, errors, stats } = parsePosText(fixture('messy.csv'));
    // "13/01/2025" is the only slash date: day first, so the file's dates are read day first
    expect(lines.map((l) => [l.invoiceNumber, l.invoiceDate])).toEqual([
      ['INV-5001', '2025-03-01'],
      ['INV-5008', '2025-01-13'],
      ['INV-5009', '2025-03-09'],
    ]);
    expect(errors.map((e) => [e.row, e.column, e.code, e.message])).toEqual([
      [3, 'bookCost', 'INVALID_NUMBER', 'Book Cost "12;5x" is not a number'],
      [4, 'invoiceDate', 'INVALID_DATE', 'Invoice Date "2025-02-30" is not a calendar date'],
      [6, 'quantity', 'MISSING_REQUIRED_FIELD', 'Quantity is missing: the row has only 4 of 8 cells'],
      [7, null, 'MALFORMED_ROW', 'the row has 9 cells but the header has 8: a value probably contains the separator without quotes'],
      [8, 'quantity', 'MISSING_REQUIRED_FIELD', 'Quantity is empty'],
      [9, 'quantity', 'INVALID_QUANTITY', 'Quantity "2.5" is not a whole number'],
      [10, 'vendorPartNumber', 'MISSING_REQUIRED_FIELD', 'Vendor Part Number is empty: a line needs a vendor or a distributor part number'],
    ]);
    expect(stats).toMatchObject({ rows: 13, lines: 3, badRows: 7, blankRows: 2 });
  });

  it('refuses a date that does not fit the order the mapping chose, naming the setting', () => {
    const { errors } = parsePosText(fixture('messy.csv'), { mapping: { dateOrder: 'MDY' } });
    expect(errors.find((e) => e.row === 12)).toMatchObject({ column: 'invoiceDate', code: 'INVALID_DATE' });
    expect(errors.find((e) => e.row === 12)!.message).toContain('choose dateOrder DMY');
  });

  it('stops with one clear error when a required column is missing', () => {
    const { lines, errors } = parsePosText(fixture('missing-column.csv'));
    expect(lines).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 1, column: 'quantity', code: 'MAPPING_INCOMPLETE', fatal: true });
    expect(errors[0]!.message).toContain('has no column in the file');
  });

  it('takes an explicit column mapping', () => {
    const text = 'Rechnung,Pos,Datum,Artikel,Menge\nR-1,1,01.02.2025,VP-1,"1.000"\n';
    const { lines, errors } = parsePosText(text, {
      mapping: {
        fields: { invoiceNumber: 'Rechnung', invoiceLine: 'Pos', invoiceDate: 'Datum', vendorPartNumber: 'Artikel', quantity: 'Menge' },
        decimalMark: ',',
      },
    });
    expect(errors).toEqual([]);
    expect(lines[0]).toMatchObject({ invoiceNumber: 'R-1', invoiceDate: '2025-02-01', quantity: 1000 });
  });

  it('reports an unterminated quote once and keeps the rows after it', () => {
    const text =
      'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity\nA,1,2025-01-01,"VP-1,1\nB,1,2025-01-01,VP-1,2\n' +
      'C,1,2025-01-01,VP-1,3\nD,1,2025-01-01,VP-1,4\n';
    const { lines, errors } = parsePosText(text, { maxRowChars: 68 });
    expect(errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [2, 'MALFORMED_ROW', expect.stringContaining('quoted value that is not closed')],
    ]);
    expect(lines.map((l) => l.invoiceNumber)).toEqual(['B', 'C', 'D']);
  });

  it('keeps the rows after a quote left open to the end of a file shorter than the row limit', () => {
    // The quote opened on row 2 is never closed: the rows after it are rows, not the rest of one cell.
    const text =
      'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity\nA,1,2025-01-01,"VP-1,1\nB,1,2025-01-01,VP-1,2\n' +
      'C,1,2025-01-01,VP-1,3\nD,1,2025-01-01,VP-1,4';
    for (const ending of ['', '\n', '\r\n']) {
      const { lines, errors } = parsePosText(text + ending);
      expect(errors.map((e) => [e.row, e.code, e.message])).toEqual([
        [2, 'MALFORMED_ROW', expect.stringContaining('the row has a quoted value that is not closed before the end of the file')],
      ]);
      expect(lines.map((l) => [l.row, l.invoiceNumber, l.quantity])).toEqual([
        [3, 'B', 2],
        [4, 'C', 3],
        [5, 'D', 4],
      ]);
      // wherever the text is cut
      for (let at = 0; at <= text.length; at += 7) {
        expect(parseChunks([(text + ending).slice(0, at), (text + ending).slice(at)])).toEqual(parseChunks([text + ending]));
      }
    }
  });

  it('reports an empty file', () => {
    expect(parsePosText('').errors[0]!.code).toBe('EMPTY_FILE');
    expect(parsePosText('\n\n').errors[0]!.fatal).toBe(true);
  });
});

describe("Excel's separator directive (sep=)", () => {
  const HEADER = 'Invoice Number;Invoice Line;Invoice Date;Vendor Part Number;Quantity;Book Cost';

  it('takes the directive as the separator, neither header nor row, after a BOM, the header staying row 1', () => {
    const parser = new PosParser();
    const events = [...parser.push(fixture('excel-sep-directive.csv')), ...parser.end()];
    expect(parser.separator).toBe(';');
    expect(parser.settings).toMatchObject({ delimiter: ';', decimalMark: ',', dateOrder: 'DMY' });
    const lines = linesOf(events);
    expect(lines.map((l) => [l.row, l.invoiceNumber, l.quantity, l.bookCost, l.claimedAmount, l.creditReturn, l.endCustomerName])).toEqual([
      [2, 'INV-S501', 1200, '1234.50', '281100.00', false, 'Müller; Söhne GmbH'],
      [3, 'INV-S501', -3, '12.5', '7.5', true, 'Acme Corp'],
      [5, 'INV-S502', 2, '0.3', '0.4', false, 'Initech'],
    ]);
    // the report's row is the spreadsheet's (Excel hides the directive); `line` is the text file's
    const error = events.find((e) => e.type === 'error');
    expect(error?.type === 'error' && [error.error.row, error.error.line, error.error.column, error.error.code]).toEqual([
      4,
      5,
      'invoiceDate',
      'INVALID_DATE',
    ]);
  });

  it.each([
    ['sep=;', ';'],
    ['sep=,', ','],
    ['sep=|', '|'],
    ['sep=\t', '\t'],
    ['SEP=;', ';'],
    ['sep=;;;;;', ';'],
  ] as const)('reads %j as the separator %j', (directive, sep) => {
    const text = `\ufeff${directive}\r\n${HEADER.split(';').join(sep)}\r\nINV-1${sep}1${sep}2026-11-05${sep}VP-1${sep}2${sep}3\r\n`;
    const { lines, errors, settings } = parsePosText(text);
    expect(errors).toEqual([]);
    expect(settings?.delimiter).toBe(sep);
    expect(lines.map((l) => [l.row, l.invoiceNumber, l.quantity, l.bookCost])).toEqual([[2, 'INV-1', 2, '3']]);
  });

  it('wins over the separator the header would suggest, and yields to one the caller chose', () => {
    // commas in the header's names would make ',' the sniffed separator
    const text =
      'sep=|\nInvoice Number|Invoice Line|Invoice Date|Vendor Part Number|Quantity|Notes, remarks, etc.\nA|1|2026-11-05|VP-1|2|x, y\n';
    const { lines, errors, settings } = parsePosText(text);
    expect(errors).toEqual([]);
    expect(settings?.delimiter).toBe('|');
    expect(lines[0]).toMatchObject({ row: 2, invoiceNumber: 'A', extra: { notesRemarksEtc: 'x, y' } });
    // a separator chosen by the request (or the saved mapping) is applied as given; the directive line is still not the header
    const chosen = parsePosText(text.replace('sep=|', 'sep=;'), { mapping: { delimiter: '|' } });
    expect(chosen.errors).toEqual([]);
    expect(chosen.settings?.delimiter).toBe('|');
    expect(chosen.lines).toHaveLength(1);
  });

  it('is only the first line, and only a separator we read', () => {
    // a blank line first: the "sep=;" line is then the header, which names no column
    expect(parsePosText(`\nsep=;\n${HEADER}\n`).errors[0]).toMatchObject({ row: 2, code: 'MAPPING_INCOMPLETE', fatal: true });
    expect(parsePosText(`sep=:\n${HEADER}\n`).errors[0]).toMatchObject({ row: 1, code: 'MAPPING_INCOMPLETE', fatal: true });
    expect(parsePosText('sep=;\n').errors[0]).toMatchObject({ code: 'EMPTY_FILE' });
  });

  it('is read the same wherever the text is cut, and by the record reader alone', () => {
    const text = fixture('excel-sep-directive.csv');
    const whole = parseChunks([text]);
    for (let at = 0; at <= 12; at++) expect(parseChunks([text.slice(0, at), text.slice(at)])).toEqual(whole);
    const reader = new CsvRecordReader({ separator: ';' });
    const records = [...reader.push('se').records, ...reader.push('p=,\r\na;b\r\n').records, ...reader.end().records];
    expect(records).toEqual([{ row: 1, line: 2, cells: ['a', 'b'] }]);
  });
});

describe('year-first dates and credit/return flags', () => {
  it('reads YYYY/MM/DD and YYYY.MM.DD as year, month, day without taking them as evidence of the date order', () => {
    const { lines, errors, settings } = parsePosText(fixture('year-first-dates.csv'));
    // "11/25/2026" alone shows the order (month first): "03/04/2026" is then March 4
    expect(settings).toMatchObject({ dateOrder: 'MDY', dateOrderFrom: 'file' });
    expect(lines.map((l) => [l.row, l.invoiceDate, l.shipDate])).toEqual([
      [2, '2026-11-05', '2026-11-06'],
      [3, '2026-11-05', '2026-11-13'],
      [4, '2026-01-07', '2026-01-08'],
      [5, '2026-11-25', '2026-12-01'],
      [6, '2026-03-04', null],
    ]);
    expect(errors.map((e) => [e.row, e.column, e.code, e.message])).toEqual([
      [7, 'invoiceDate', 'INVALID_DATE', 'Invoice Date "2026/02/30" is not a calendar date (read as year, month, day)'],
      [8, 'invoiceDate', 'INVALID_DATE', 'Invoice Date "2026/13/05" is not a calendar date (read as year, month, day)'],
    ]);
  });

  it('still stops on a date order only day/month dates could tell: year-first dates tell none', () => {
    const { lines, errors } = parsePosText(fixture('year-first-ambiguous.csv'));
    expect(lines).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'DATE_ORDER_AMBIGUOUS', setting: 'dateOrder', fatal: true, column: 'invoiceDate' });
    expect(errors[0]!.samples).toEqual([{ column: 'invoiceDate', value: '03/04/2026' }]);
  });

  it("reads the return flag's spellings and lists them in the error of one it does not know", () => {
    const { lines, errors } = parsePosText(fixture('return-flags.csv'));
    expect(lines.map((l) => [l.invoiceLine, l.quantity, l.creditReturn])).toEqual([
      ['1', -4, true],
      ['2', -4, true],
      ['3', -4, true],
      ['4', -4, true],
      ['5', -4, true],
      ['6', -4, true],
      ['7', 4, false],
      ['8', 4, false],
    ]);
    const reason =
      'is not a credit/return flag: a return is one of Y, YES, TRUE, 1, X, C, R, CR, RTN, CREDIT, RETURN; not a return one of N, NO, FALSE, 0, - or an empty cell (any letter case)';
    expect(errors.map((e) => [e.row, e.column, e.code, e.message])).toEqual([
      [10, 'creditReturn', 'INVALID_FLAG', `Return Flag "DR" ${reason}`],
      [11, 'creditReturn', 'INVALID_FLAG', `Return Flag "RMA" ${reason}`],
    ]);
  });
});

describe('chunk boundaries', () => {
  it.each(ALL)('give the same result wherever %s is cut', (name) => {
    const text = fixture(name);
    const whole = parseChunks([text]);
    for (let at = 0; at <= text.length; at++) expect(parseChunks([text.slice(0, at), text.slice(at)])).toEqual(whole);
  });

  it('give the same result for any cutting into many chunks', () => {
    const texts = ALL.map(fixture);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const p of points) {
          chunks.push(text.slice(from, p));
          from = p;
        }
        chunks.push(text.slice(from));
        expect(parseChunks(chunks)).toEqual(parseChunks([text]));
      }),
      { numRuns: 300 },
    );
  });

  it('decode UTF-8 bytes split inside a character', async () => {
    const bytes = new TextEncoder().encode(fixture('bom-semicolon-crlf.csv'));
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.slice(i * 7, i * 7 + 7));
    const events: PosEvent[] = [];
    for await (const e of parsePosChunks(decodeChunks(pieces))) events.push(e);
    expect(events).toEqual(parseChunks([fixture('bom-semicolon-crlf.csv')]));
  });
});

describe('streaming', () => {
  it('keeps only the unfinished record in memory', () => {
    const reader = new CsvRecordReader();
    let rows = 0;
    let maxPending = 0;
    rows += reader.push('Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity\n').records.length;
    for (let i = 0; i < 20000; i++) {
      const row = `INV-${i},1,2025-01-01,"VP,${i}",${i}\n`;
      rows += reader.push(row.slice(0, 20)).records.length;
      maxPending = Math.max(maxPending, reader.pendingChars);
      rows += reader.push(row.slice(20)).records.length;
      maxPending = Math.max(maxPending, reader.pendingChars);
    }
    rows += reader.end().records.length;
    expect(rows).toBe(20001);
    // the unfinished record, and at most as much again before it is looked at (linear time)
    expect(maxPending).toBeLessThanOrEqual(80);
  });
});

describe('JSON rows', () => {
  it('maps objects keyed by header names, numbering rows from 1', () => {
    const events = parsePosJson([
      {
        'Invoice Number': 'J-1',
        'Invoice Line': 1,
        'Invoice Date': '2025-03-01',
        MPN: 'VP-1',
        Qty: 3,
        'Book Cost': 0.1,
        'Reseller PO': 'R9',
      },
      { 'Invoice Number': 'J-2', 'Invoice Line': 1, 'Invoice Date': '2025-02-30', MPN: 'VP-1', Qty: 3 },
      { 'Invoice Number': 'J-3', 'Invoice Line': 1, 'Invoice Date': '2025-03-01', MPN: 'VP-1', Qty: 1.5 },
    ]);
    expect(linesOf(events).map((l) => [l.row, l.invoiceLine, l.quantity, l.bookCost, l.customerPo])).toEqual([[1, '1', 3, '0.1', 'R9']]);
    expect(errorsOf(events)).toEqual([
      [2, 'invoiceDate', 'INVALID_DATE'],
      [3, 'quantity', 'INVALID_QUANTITY'],
    ]);
  });

  it('takes arrays with a header row like a CSV file', () => {
    const events = parsePosJson([
      ['Invoice Number', 'Invoice Line', 'Invoice Date', 'Vendor Part Number', 'Quantity'],
      ['A-1', '1', '2025-03-01', 'VP-1', 2],
      ['A-2', '1', '2025-03-01', 'VP-1', 'many'],
    ]);
    expect(linesOf(events).map((l) => [l.row, l.invoiceNumber])).toEqual([[2, 'A-1']]);
    expect(errorsOf(events)).toEqual([[3, 'quantity', 'INVALID_QUANTITY']]);
  });
});
