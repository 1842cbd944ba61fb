import { dayBefore, placeBookCost } from '../../core/masterdata/book-costs.js';
import { MASTER_DATA_COLUMNS } from '../../core/masterdata/kinds.js';
import { readTable, TableReader } from '../../core/masterdata/table.js';

describe('book cost timeline', () => {
  const periods = [
    { id: 1, cost: '5.0000', effectiveFrom: '2026-01-01', effectiveTo: '2026-05-31' },
    { id: 2, cost: '6.0000', effectiveFrom: '2026-06-01', effectiveTo: null },
  ];
  it('closes the open period the day before a later cost starts', () => {
    expect(placeBookCost(periods, '7', '2026-10-01')).toEqual({
      kind: 'insert',
      close: { id: 2, effectiveTo: '2026-09-30' },
      effectiveTo: null,
    });
  });
  it('slots a back-dated cost in before the next period', () => {
    expect(placeBookCost(periods, '5.5', '2026-03-01')).toEqual({
      kind: 'insert',
      close: { id: 1, effectiveTo: '2026-02-28' },
      effectiveTo: '2026-05-31',
    });
  });
  it('leaves a gap before a period that ended already', () => {
    expect(placeBookCost([periods[0]!], '9', '2026-08-01')).toEqual({ kind: 'insert', close: null, effectiveTo: null });
  });
  it('changes nothing for the same cost from the same day, and corrects another cost', () => {
    expect(placeBookCost(periods, '6', '2026-06-01').kind).toBe('unchanged');
    expect(placeBookCost(periods, '6.1', '2026-06-01').kind).toBe('correct');
  });
  it('counts days back across months and leap years', () => {
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });
});

describe('master data tables', () => {
  it('reads rows keyed by column, an exact header winning over a loose one, with record and line numbers', () => {
    const { rows, errors } = readTable(
      '\uFEFFPart,part_number,Description\r\nA,B,"Two\nlines"\r\n\r\nC,D,E\r\n',
      MASTER_DATA_COLUMNS.products,
    );
    expect(errors).toEqual([]);
    // "part_number" matches the name "Part Number" only loosely, "Part" matches the name "Part" exactly: the exact match wins.
    expect(rows.map((r) => [r.row, r.line, r.cells.vendorPartNumber, r.cells.description])).toEqual([
      [2, 2, 'A', 'Two\nlines'],
      [4, 5, 'C', 'E'],
    ]);
  });
  it('reports an ambiguous or missing header as an error of row 1, and over-wide rows by their line', () => {
    expect(readTable('Cost,cost,Distributor,Part,From\n', MASTER_DATA_COLUMNS['book-costs']).errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'cost'],
    ]);
    expect(readTable('Name\n', MASTER_DATA_COLUMNS.products).errors.map((e) => e.field)).toEqual(['vendorPartNumber', 'description']);
    const reader = new TableReader(MASTER_DATA_COLUMNS.resellers);
    reader.push('Name;Country\nA;US;extra\n');
    expect(reader.end().errors).toEqual([{ row: 2, line: 2, field: null, message: 'the row has 3 cells for 2 columns' }]);
  });
  it('says an empty file needs a header', () => {
    expect(readTable('', MASTER_DATA_COLUMNS.resellers).errors[0]!.message).toMatch(/header/);
  });
});
