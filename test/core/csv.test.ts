import Papa from 'papaparse';
import {
  CSV_BOM,
  CSV_DIALECT_DEFAULT,
  csvCell,
  csvDecimalColumn,
  csvDialectForAcceptLanguage,
  csvDialectForLocale,
  csvRecord,
  resolveCsvDialect,
  toCsv,
  type CsvDialect,
} from '../../core/csv.js';
import { parsePosText } from '../../core/pos/parser.js';

describe('core/csv', () => {
  it('guards every cell a spreadsheet would run as a formula, then quotes it as RFC 4180 says', () => {
    expect(['=1+2', '+1', '-3+A1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1+2",
      "'+1",
      "'-3+A1",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
    ]);
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell(-3)).toBe('-3');
  });

  it('lets a decimal numeral through as a number, a negative amount included; anything else starting with - stays guarded', () => {
    // A negative amount (a program's incremental sales below its baseline) was written '-4313.0900:
    // a spreadsheet shows that text, apostrophe and all, and leaves it out of every sum.
    expect(['-4313.0900', '-12', '0.1000', '-0'].map(csvCell)).toEqual(['-4313.0900', '-12', '0.1000', '-0']);
    expect(['-1+1', '-A1', '-1e5', '-.5', '- 1', '-1.', "-2+3+cmd|' /C calc'!A0"].map(csvCell)).toEqual([
      "'-1+1",
      "'-A1",
      "'-1e5",
      "'-.5",
      "'- 1",
      "'-1.",
      "'-2+3+cmd|' /C calc'!A0",
    ]);
    const [, row] = Papa.parse<string[]>(toCsv(['Incremental sales'], [['-4313.0900']]).slice(1), { skipEmptyLines: true }).data;
    expect(row).toEqual(['-4313.0900']);
  });

  it('writes a record as its cells are, quoted where needed, without the guard; it parses back to the same cells', () => {
    const cells = ['=1+2', 'a, b', 'say "hi"', 'two\nlines', ' padded', '\ttab', 'plain'];
    const record = csvRecord(cells);
    expect(record).toBe('=1+2,"a, b","say ""hi""","two\nlines"," padded","\ttab",plain');
    expect(Papa.parse<string[]>(record).data[0]).toEqual(cells);
    expect(csvRecord(['a;b', 'c'], ';')).toBe('"a;b";c');
  });

  it('guards a raw record kept inside a report cell as a whole', () => {
    const text = toCsv(['raw'], [[csvRecord(['=HYPERLINK("x")', '1'])]]);
    const [, [raw]] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data as [string[], string[]];
    expect(raw).not.toMatch(/^[=+\-@\t\r]/);
    expect(Papa.parse<string[]>(raw!).data[0]).toEqual(['=HYPERLINK("x")', '1']);
  });
});

describe('core/csv dialects', () => {
  const SEMI_COMMA: CsvDialect = { separator: ';', decimalMark: ',' };
  const TAB_COMMA: CsvDialect = { separator: '\t', decimalMark: ',' };
  const body = (text: string) => text.slice(CSV_BOM.length).split('\r\n');

  it('writes the default dialect exactly as before: comma separator, decimal point, BOM, CRLF', () => {
    const rows = [['Müller, GmbH', '-4313.0900', 12, 1.5]];
    const columns = ['Name', csvDecimalColumn('Amount'), 'Qty', 'Ratio'];
    expect(toCsv(columns, rows)).toBe(`${CSV_BOM}Name,Amount,Qty,Ratio\r\n"Müller, GmbH",-4313.0900,12,1.5\r\n`);
    expect(toCsv(columns, rows, CSV_DIALECT_DEFAULT)).toBe(toCsv(columns, rows));
  });

  it('writes semicolons and decimal commas for German Excel: decimal columns and numbers only, text untouched', () => {
    const text = toCsv(
      ['Account', 'Part', csvDecimalColumn('Debit'), csvDecimalColumn('Rate'), 'Qty', 'Note'],
      [
        ['4950.10', '1234.5', '-4313.0900', '1.08', 12, 'a; b, c'],
        ['2150', 'VS-1', '0.0000', '', 2.5, '3.5'],
      ],
      SEMI_COMMA,
    );
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(body(text)).toEqual([
      'Account;Part;Debit;Rate;Qty;Note',
      // an account code and a part number that look like numerals are text: never 4950,10
      '4950.10;1234.5;-4313,0900;1,08;12;"a; b, c"',
      '2150;VS-1;0,0000;;2,5;3.5',
      '',
    ]);
  });

  it('separates with tabs, quoting a cell that holds one', () => {
    expect(body(toCsv(['a', csvDecimalColumn('b')], [['x\ty', '7.25']], TAB_COMMA))).toEqual(['a\tb', '"x\ty"\t7,25', '']);
  });

  it('quotes a decimal comma when the separator is a comma too, so the cell stays one', () => {
    const text = toCsv([csvDecimalColumn('Amount'), 'x'], [['12.50', 'y']], { separator: ',', decimalMark: ',' });
    expect(body(text)[1]).toBe('"12,50",y');
    expect(Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data[1]).toEqual(['12,50', 'y']);
  });

  it('keeps the formula guard in every dialect: a decimal numeral with either mark passes, -2+3 is defused', () => {
    for (const dialect of [CSV_DIALECT_DEFAULT, SEMI_COMMA, TAB_COMMA]) {
      const [, row] = body(
        toCsv(
          [csvDecimalColumn('Amount'), 'Text', 'Text', 'Text', 'Text', csvDecimalColumn('Amount')],
          [['-4313.09', '-4313,09', '-2+3', '=1+2', '@SUM(A1)', "-2+3+cmd|' /C calc'!A0"]],
          dialect,
        ),
      );
      const cells = Papa.parse<string[]>(row!, { delimiter: dialect.separator }).data[0]!;
      expect(cells[0]).toBe(dialect.decimalMark === ',' ? '-4313,09' : '-4313.09');
      expect(cells[1]).toBe('-4313,09');
      expect(row!.startsWith(`${cells[0]}${dialect.separator}${dialect.separator === ',' ? '"-4313,09"' : '-4313,09'}`)).toBe(true);
      expect(cells.slice(2, 5)).toEqual(["'-2+3", "'=1+2", "'@SUM(A1)"]);
      // a decimal column does not let anything but a numeral through unguarded
      expect(cells[5]).toBe("'-2+3+cmd|' /C calc'!A0");
    }
    // The lone cell writer is the default dialect's, as security.ts and the grid's tests use it.
    expect(['-4313,09', '-4313.09', '-2+3', '-1,', ',5'].map(csvCell)).toEqual(['"-4313,09"', '-4313.09', "'-2+3", '"\'-1,"', '",5"']);
  });

  it("reads Excel's dialect from a locale: ';' and ',' in de, fr, es, pt-BR...; ';' and '.' in Switzerland; ',' and '.' elsewhere", () => {
    for (const locale of [
      'de-DE',
      'de',
      'de-AT',
      'fr-FR',
      'fr-CA',
      'es-ES',
      'it',
      'nl-NL',
      'pt-BR',
      'da',
      'sv-SE',
      'nb-NO',
      'no',
      'fi',
      'pl',
      'cs-CZ',
      'ru',
      'tr',
      'de_DE',
    ])
      expect([locale, csvDialectForLocale(locale)]).toEqual([locale, SEMI_COMMA]);
    for (const locale of ['de-CH', 'fr-CH', 'it-CH', 'de-LI'])
      expect([locale, csvDialectForLocale(locale)]).toEqual([locale, { separator: ';', decimalMark: '.' }]);
    for (const locale of ['en-US', 'en-GB', 'en', 'ja-JP', 'zh-Hans-CN', 'es-MX', 'es-419', 'he', '', 'xx-YY', undefined])
      expect([locale, csvDialectForLocale(locale)]).toEqual([locale, CSV_DIALECT_DEFAULT]);
    // a script subtag is skipped, an extension is no region
    expect(csvDialectForLocale('sr-Latn-RS')).toEqual(SEMI_COMMA);
    expect(csvDialectForLocale('de-u-ch-ignored')).toEqual(SEMI_COMMA);
  });

  it('reads the dialect of an Accept-Language header from its most preferred language', () => {
    expect(csvDialectForAcceptLanguage('de-DE')).toEqual(SEMI_COMMA);
    expect(csvDialectForAcceptLanguage('de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7')).toEqual(SEMI_COMMA);
    expect(csvDialectForAcceptLanguage('en-US,en;q=0.9,de;q=0.8')).toEqual(CSV_DIALECT_DEFAULT);
    expect(csvDialectForAcceptLanguage('en;q=0.5, fr-FR')).toEqual(SEMI_COMMA);
    expect(csvDialectForAcceptLanguage('fr;q=0, en')).toEqual(CSV_DIALECT_DEFAULT);
    expect(csvDialectForAcceptLanguage('de-CH, de;q=0.9')).toEqual({ separator: ';', decimalMark: '.' });
    for (const none of ['*', '', undefined, null, 'q=1', ';q=0.5', 'fr;q=abc'])
      expect([none, csvDialectForAcceptLanguage(none)]).toEqual([none, CSV_DIALECT_DEFAULT]);
  });

  it('takes what is asked for and the locale for the rest, never the same character for separator and decimal mark', () => {
    expect(resolveCsvDialect({}, SEMI_COMMA)).toEqual(SEMI_COMMA);
    expect(resolveCsvDialect({ delimiter: 'semicolon', decimal: 'comma' })).toEqual(SEMI_COMMA);
    expect(resolveCsvDialect({ delimiter: 'comma', decimal: 'point' }, SEMI_COMMA)).toEqual(CSV_DIALECT_DEFAULT);
    expect(resolveCsvDialect({ delimiter: 'tab' }, SEMI_COMMA)).toEqual(TAB_COMMA);
    expect(resolveCsvDialect({ delimiter: 'comma' }, SEMI_COMMA)).toEqual(CSV_DIALECT_DEFAULT);
    expect(resolveCsvDialect({ decimal: 'comma' })).toEqual(SEMI_COMMA);
    expect(resolveCsvDialect({ decimal: 'point' }, SEMI_COMMA)).toEqual({ separator: ';', decimalMark: '.' });
    // both asked for: as asked, even comma and comma (the decimals are quoted)
    expect(resolveCsvDialect({ delimiter: 'comma', decimal: 'comma' }, SEMI_COMMA)).toEqual({ separator: ',', decimalMark: ',' });
  });

  it("is read back by the product's own POS reader in every dialect: separator and decimal mark inferred, every value the same", () => {
    const columns = [
      'Invoice Number',
      'Invoice Line',
      'Invoice Date',
      'Vendor Part Number',
      'Quantity',
      csvDecimalColumn('Resale Price'),
      csvDecimalColumn('Claimed Amount'),
      'End Customer',
    ];
    const rows = [
      ['INV-1', '1', '2026-10-05', 'VS-PMIC-45A', 1200, '2.9000', '873.3000', 'Müller; Söhne, "Nord"'],
      ['INV-1', '2', '2026-10-06', 'VS-ETH-PHY', -3, '4.1250', '-12.5000', ' Cascade Robotics '],
      ['INV-2', '1', '2026-10-07', 'VS-ETH-PHY', 5, '1234.5000', '0.7500', 'two\nlines'],
    ];
    // Text comes back as written (the reader trims a cell's edges, as it does for any file); a
    // return's amount as its value (its quantity carries the sign).
    const expected = rows.map(
      ([invoiceNumber, invoiceLine, invoiceDate, vendorPartNumber, quantity, resalePrice, claimedAmount, customer]) => ({
        invoiceNumber,
        invoiceLine,
        invoiceDate,
        vendorPartNumber,
        quantity,
        resalePrice,
        claimedAmount: String(claimedAmount).replace(/^-/, ''),
        endCustomerName: String(customer).trim(),
      }),
    );
    for (const dialect of [CSV_DIALECT_DEFAULT, SEMI_COMMA, TAB_COMMA, { separator: ';', decimalMark: '.' } as const]) {
      const { lines, errors, settings } = parsePosText(toCsv(columns, rows, dialect));
      expect(errors).toEqual([]);
      expect(settings).toMatchObject({ delimiter: dialect.separator, decimalMark: dialect.decimalMark, decimalMarkFrom: 'file' });
      expect(lines).toMatchObject(expected);
    }
  });
});
