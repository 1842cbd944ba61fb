import Papa from 'papaparse';
import { csvCell, csvRecord, toCsv } from '../../core/csv.js';

describe('core/csv', () => {
  it('guards every cell a spreadsheet would run as a formula, then quotes it as RFC 4180 says', () => {
    expect(['=1+2', '+1', '-3', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+2", "'+1", "'-3", "'@SUM(A1)", "'\tx", '"\'\rx"']);
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell(-3)).toBe('-3');
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
