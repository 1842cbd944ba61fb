import Papa from 'papaparse';
import { csvCell, csvRecord, toCsv } from '../../core/csv.js';

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
