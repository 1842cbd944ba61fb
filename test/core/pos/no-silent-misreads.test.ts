/**
 * "No silent misreads": file settings inferred from the whole file (or refused naming the setting),
 * header matching that never picks one of two candidates silently, returns read as returns,
 * bounded rows, control characters refused, and time linear in the input.
 */
import { PosParser, parsePosText, resolveColumns, type PosEvent } from '../../../core/pos/index.js';

const errorsOf = (events: PosEvent[]) => events.flatMap((e) => (e.type === 'error' ? [e.error] : []));
const linesOf = (events: PosEvent[]) => events.flatMap((e) => (e.type === 'line' ? [e.line] : []));
const HEADER = 'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Book Cost';

describe('file settings are inferred from every numeric and date column together', () => {
  it('reads "1.000" as a thousand in a file whose amounts are written "12,50"', () => {
    const text = ['Invoice Number;Invoice Line;Invoice Date;Vendor Part Number;Quantity;Book Cost', 'I-1;1;2026-03-01;VP;1.000;12,50'].join(
      '\n',
    );
    const { lines, errors, settings } = parsePosText(text);
    expect(errors).toEqual([]);
    expect(lines[0]).toMatchObject({ quantity: 1000, bookCost: '12.50' });
    expect(settings).toMatchObject({ delimiter: ';', decimalMark: ',', decimalMarkFrom: 'file', dateOrder: null, dateOrderFrom: 'none' });
  });

  it('stops a file whose numbers read two ways, naming the setting, the column and sample values', () => {
    const { lines, errors } = parsePosText([HEADER, 'I-1,1,2026-03-01,VP,1,"1,250"', 'I-1,2,2026-03-01,VP,2,"2,500"'].join('\n'));
    expect(lines).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ fatal: true, code: 'DECIMAL_MARK_AMBIGUOUS', setting: 'decimalMark', column: 'bookCost' });
    expect(errors[0]!.message).toContain('?decimalMark=');
    expect(errors[0]!.samples).toEqual([
      { column: 'bookCost', value: '1,250' },
      { column: 'bookCost', value: '2,500' },
    ]);
  });

  it('stops a file whose dates read day or month first, and reads it with the order chosen', () => {
    const text = [HEADER, 'I-1,1,03/04/2026,VP,1,1.50', 'I-1,2,05/06/2026,VP,2,1.50'].join('\n');
    const refused = parsePosText(text);
    expect(refused.errors[0]).toMatchObject({ fatal: true, code: 'DATE_ORDER_AMBIGUOUS', setting: 'dateOrder', column: 'invoiceDate' });
    expect(refused.errors[0]!.message).toContain('?dateOrder=DMY');
    const chosen = parsePosText(text, { mapping: { dateOrder: 'DMY' } });
    expect(chosen.errors).toEqual([]);
    expect(chosen.lines.map((l) => l.invoiceDate)).toEqual(['2026-04-03', '2026-06-05']);
    expect(chosen.settings).toMatchObject({ dateOrder: 'DMY', dateOrderFrom: 'chosen' });
  });

  it('reads every slash date of a file in one order: "10/05" is the 10th of May when "13/05" is in the file', () => {
    const { lines, settings } = parsePosText([HEADER, 'I-1,1,10/05/2026,VP,1,1.50', 'I-1,2,13/05/2026,VP,2,1.50'].join('\n'));
    expect(lines.map((l) => l.invoiceDate)).toEqual(['2026-05-10', '2026-05-13']);
    expect(settings).toMatchObject({ dateOrder: 'DMY', dateOrderFrom: 'file' });
  });

  it('makes a later row that contradicts the inferred settings a row error naming the setting', () => {
    const rows = [HEADER, 'I-1,1,2026-03-01,VP,1,12.50', 'I-1,2,2026-03-01,VP,1,12.75', 'I-1,3,2026-03-01,VP,1,"12,50"'];
    const { lines, errors } = parsePosText(rows.join('\n'), { sampleRows: 2 });
    expect(lines).toHaveLength(2);
    expect(errors).toEqual([expect.objectContaining({ row: 4, column: 'bookCost', code: 'INVALID_NUMBER', fatal: false })]);
    expect(errors[0]!.message).toContain('decimalMark');
  });

  it('refuses, row by row, a later cell that needs a setting the sample left open', () => {
    const rows = [HEADER, 'I-1,1,2026-03-01,VP,1,12', 'I-1,2,03/04/2026,VP,1,12'];
    const { errors } = parsePosText(rows.join('\n'), { sampleRows: 1 });
    expect(errors).toEqual([expect.objectContaining({ row: 3, column: 'invoiceDate', code: 'INVALID_DATE' })]);
    expect(errors[0]!.message).toContain('dateOrder');
  });
});

describe('header mapping', () => {
  it('takes the exact header over a loose one ("Auth #" mapped, "Auth $" also present)', () => {
    const columns = resolveColumns(['Auth $', 'Auth #'], { fields: { authorizationNumber: 'Auth #' } });
    expect(columns.index.authorizationNumber).toBe(1);
    expect(columns.matched.authorizationNumber).toEqual({ header: 'Auth #', how: 'exact' });
    expect(columns.problems).toEqual([]);
  });

  it('refuses two columns that match one name equally well, naming both', () => {
    const { errors } = parsePosText(
      ['Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Auth $,Auth %', 'I-1,1,2026-03-01,VP,1,A,B'].join('\n'),
      { mapping: { fields: { authorizationNumber: 'Auth' } } },
    );
    expect(errors).toEqual([expect.objectContaining({ fatal: true, code: 'MAPPING_AMBIGUOUS', column: 'authorizationNumber' })]);
    expect(errors[0]!.message).toContain('"Auth $" (#6) and "Auth %" (#7)');
  });

  it('leaves a header that could mean two things unmapped: "Customer" is the sold-to name, "Amount" and "Memo" stay extra', () => {
    const { lines } = parsePosText(
      [
        'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Customer,Amount,Memo',
        'I-1,1,2026-03-01,VP,1,Acme,12.00,note',
      ].join('\n'),
    );
    expect(lines[0]).toMatchObject({ soldToName: 'Acme', endCustomerName: null, claimedAmount: null, debitMemoNumber: null });
    expect(lines[0]!.extra).toEqual({ amount: '12.00', memo: 'note' });
  });
});

describe('values', () => {
  it('reads returns as lines with a negative quantity, from the sign or the credit/return flag', () => {
    const { lines, errors } = parsePosText(
      [
        `${HEADER},Return Flag`,
        'I-1,1,2026-03-01,VP,-4,1.50,',
        'I-1,2,2026-03-01,VP,3,1.50,Y',
        'I-1,3,2026-03-01,VP,(2),1.50,N',
        'I-1,4,2026-03-01,VP,5,1.50,N',
        'I-1,5,2026-03-01,VP,0,1.50,N',
      ].join('\n'),
    );
    expect(lines.map((l) => [l.quantity, l.creditReturn])).toEqual([
      [-4, true],
      [-3, true],
      [5, false],
    ]);
    // "(2)" flagged N: the flag says sale, the quantity return; neither is taken over the other
    expect(errors).toEqual([
      expect.objectContaining({ row: 4, column: 'creditReturn', code: 'RETURN_FLAG_CONFLICT' }),
      expect.objectContaining({ row: 6, column: 'quantity', code: 'INVALID_QUANTITY' }),
    ]);
  });

  it('refuses NUL and other control characters in a cell, naming the column', () => {
    const { lines, errors } = parsePosText([HEADER, 'I-1,1,2026-03-01,V\u0000P,1,1.50', 'I-1,2,2026-03-01,VP,1,1.50'].join('\n'));
    expect(lines.map((l) => l.invoiceLine)).toEqual(['2']);
    expect(errors).toEqual([expect.objectContaining({ row: 2, column: 'vendorPartNumber', code: 'CONTROL_CHARACTER' })]);
  });

  it('makes a key that cannot be stored a row error naming its column', () => {
    const { errors, lines } = parsePosText(
      [HEADER, `${'X'.repeat(65)},1,2026-03-01,VP,1,1.50`, 'ｉｎｖ－１,01,2026-03-01,VP,1,1.50'].join('\n'),
    );
    expect(errors).toEqual([expect.objectContaining({ row: 2, column: 'invoiceNumber', code: 'VALUE_TOO_LONG' })]);
    expect(lines[0]).toMatchObject({ invoiceKey: 'INV-1', lineKey: '1' });
  });
});

describe('bounded rows, linear time', () => {
  it('reports a row longer than 64 KiB and keeps the rows after it', () => {
    const { lines, errors } = parsePosText(
      [HEADER, `I-1,1,2026-03-01,${'V'.repeat(70_000)},1,1.50`, 'I-1,2,2026-03-01,VP,1,1.50'].join('\n'),
    );
    expect(errors).toEqual([expect.objectContaining({ row: 2, code: 'ROW_TOO_LONG' })]);
    expect(lines.map((l) => l.row)).toEqual([3]);
  });

  it.each([
    ['plain', 'x'],
    ['inside an unclosed quote', '"'],
  ])('reads a 32 MB line without a line break (%s), sent in 1 KB chunks, as one row error', (_name, first) => {
    // Quadratic work here (re-scanning the held text at each chunk) would take minutes.
    const parser = new PosParser();
    const events: PosEvent[] = [...parser.push(`${HEADER}\n${first}`)];
    const chunk = 'y'.repeat(1024);
    for (let i = 0; i < 32 * 1024; i++) events.push(...parser.push(chunk));
    events.push(...parser.push('\nI-1,2,2026-03-01,VP,1,1.50\n'), ...parser.end());
    const errors = errorsOf(events);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, code: first === '"' ? 'MALFORMED_ROW' : 'ROW_TOO_LONG' });
    expect(linesOf(events).map((l) => l.invoiceLine)).toEqual(['2']);
  });
});
