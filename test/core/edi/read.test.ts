import fc from 'fast-check';
import { claimLineFromPos } from '../../../core/claims/from-pos.js';
import { X12FileReader, X12Tokenizer, readX12, type X12Event } from '../../../core/edi/index.js';
import { decodeChunks, parsePosText } from '../../../core/pos/index.js';
import { PARTNER, STAR, body844, body867, interchange, type Delims } from './x12.js';

const PIPE: Delims = { element: '|', component: '^', segment: '\n', lineBreak: '' };
const BRACKET: Delims = { element: '*', component: ':', segment: ']', lineBreak: '' };
const CRLF: Delims = { element: '*', component: '>', segment: '~', lineBreak: '\r\n' };

const file867 = (d: Delims = STAR, opts = {}) =>
  interchange({ transactions: [{ type: '867', control: '0001', body: body867(d, opts) }] }, d);

describe('X12 tokenizer', () => {
  it.each([
    ['* > ~ with line breaks', STAR],
    ['| ^ and a newline terminator', PIPE],
    ['] terminator, no line breaks', BRACKET],
    ['~ with CRLF', CRLF],
  ])('takes the delimiters from the ISA: %s', (_name, d) => {
    const t = new X12Tokenizer();
    const tokens = [...t.push(file867(d)), ...t.end()];
    expect(tokens.every((x) => x.type === 'segment')).toBe(true);
    const segs = tokens.flatMap((x) => (x.type === 'segment' ? [x.segment] : []));
    expect(segs.map((s) => s.tag).slice(0, 4)).toEqual(['ISA', 'GS', 'ST', 'BPT']);
    expect(segs[segs.length - 1]!.tag).toBe('IEA');
    expect(segs[0]!.delimiters).toMatchObject({ element: d.element, component: d.component, segment: d.segment });
    const lin = segs.find((s) => s.tag === 'LIN')!;
    expect(lin.elements).toEqual(['LIN', '1', 'VP', 'ACM-555', 'BP', 'ARW-555', 'UP', '012345678905']);
  });

  it('reads two interchanges with different delimiters in one file, and a trimmed (not fixed-width) ISA', () => {
    const second = interchange(
      { control: '000000102', transactions: [{ type: '867', control: '0001', body: body867(PIPE) }] },
      PIPE,
    ).replace('ZZ|ARROWDIST      |', 'ZZ|ARROWDIST|');
    const text = file867(STAR) + '\n' + second;
    const t = new X12Tokenizer();
    const segs = [...t.push(text), ...t.end()].flatMap((x) => (x.type === 'segment' ? [x.segment] : []));
    expect(segs.filter((s) => s.tag === 'ISA')).toHaveLength(2);
    expect(segs.filter((s) => s.tag === 'LIN')).toHaveLength(6);
    expect(segs.filter((s) => s.tag === 'ISA')[1]!.delimiters.element).toBe('|');
  });

  it('gives each segment its ordinal and byte offset (UTF-8)', () => {
    const text = file867(STAR).replace('Bosch Plant 4', 'Bösch Plänt 4');
    const t = new X12Tokenizer();
    const segs = [...t.push(text), ...t.end()].flatMap((x) => (x.type === 'segment' ? [x.segment] : []));
    const bytes = Buffer.from(text, 'utf8');
    for (const s of segs) expect(bytes.subarray(s.offset, s.offset + s.tag.length).toString()).toBe(s.tag);
    expect(segs.map((s) => s.index)).toEqual(segs.map((_, i) => i + 1));
  });

  it('says what is wrong with a file that is not X12 or whose ISA is broken', () => {
    const notX12 = new X12Tokenizer();
    expect([...notX12.push('Invoice,Qty\n1,2\n'), ...notX12.end()][0]).toMatchObject({ type: 'error', error: { code: 'NOT_X12' } });
    const bad = new X12Tokenizer();
    const tokens = [...bad.push('ISA*00*x*00~GS*PT~'), ...bad.end()];
    expect(tokens[0]).toMatchObject({ type: 'error', error: { code: 'BAD_ISA' } });
    expect(tokens[0]!.type === 'error' && tokens[0]!.error.message).toMatch(/of its 16 elements/);
  });
});

/** What a reader says about a text cut at the given places. */
function eventsOf(text: string, cuts: number[]): X12Event[] {
  const r = new X12FileReader(PARTNER);
  const out: X12Event[] = [];
  let from = 0;
  for (const at of [...cuts].sort((a, b) => a - b)) {
    out.push(...r.push(text.slice(from, at)));
    from = at;
  }
  out.push(...r.push(text.slice(from)), ...r.end());
  return out;
}

describe('chunk boundaries', () => {
  const text =
    file867(STAR) +
    interchange(
      { control: '000000102', transactions: [{ type: '867', control: '0007', body: body867(BRACKET, { cttCount: '9' }) }] },
      BRACKET,
    ) +
    interchange({ control: '000000103', functionalId: 'CF', transactions: [{ type: '844', control: '0001', body: body844() }] }, CRLF) +
    file867(PIPE, { badDate: true });
  const whole = JSON.stringify(eventsOf(text, []));

  it('the same file cut anywhere gives the same events (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 40 }), (cuts) => {
        expect(JSON.stringify(eventsOf(text, cuts))).toBe(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('reads bytes cut inside a multi-byte character like the text', async () => {
    const accented = file867(STAR).replace(/Bosch GmbH/g, 'Bösch GmbH ✓');
    const bytes = new TextEncoder().encode(accented);
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const fromBytes = await readX12(decodeChunks(pieces), PARTNER);
    const fromText = await readX12(accented, PARTNER);
    expect(fromBytes.errors).toEqual([]);
    expect(fromBytes.posLines).toEqual(fromText.posLines);
    expect(fromBytes.posLines[0]!.endCustomerName).toBe('Bösch GmbH ✓');
  });

  it('one character at a time gives the same events', () => {
    expect(
      JSON.stringify(
        eventsOf(
          text,
          Array.from({ length: text.length }, (_, i) => i),
        ),
      ),
    ).toBe(whole);
  });
});

describe('867 to POS lines', () => {
  it('reads the industry usage into the same POS lines the CSV path produces', async () => {
    const { posLines, errors } = await readX12(file867(), PARTNER);
    expect(errors).toEqual([]);
    expect(posLines).toHaveLength(3);
    const csv = parsePosText(
      [
        'Distributor ID,Invoice Number,Invoice Line,Invoice Date,Ship Date,Vendor Part Number,Distributor Part Number,Quantity,Unit of Measure,Resale Price,Book Cost,Authorized Cost,Authorization Number,Customer PO,End Customer Name,Ship To Name,End Customer Address,Country',
        'ARW01,INV-1001,1,2025-12-03,2025-12-04,ACM-555,ARW-555,100,EA,1.25,0.90,0.70,SD-2026-0042,PO-77,Bosch GmbH,Bosch Plant 4,Robert-Bosch-Platz 1,DE',
      ].join('\n'),
    );
    const [first] = posLines;
    const { row: _r1, extra: extra1, ...fromX12 } = first!;
    const { row: _r2, extra: _e2, ...fromCsv } = csv.lines[0]!;
    expect(fromX12).toEqual(fromCsv);
    expect(extra1).toEqual({ activity: 'SS', upc: '012345678905', description: 'Op amp, SOIC-8' });
    expect(first!.invoiceKey).toBe('INV-1001');
    // header-level distributor, PTD-level invoice, line-level part
    expect(posLines[1]).toMatchObject({
      invoiceNumber: 'INV-1001',
      invoiceLine: '2',
      vendorPartNumber: 'ACM-777',
      quantity: 50,
      authorizedCost: null,
    });
  });

  it('makes a return PTD negative and a credit/return line', async () => {
    const { posLines } = await readX12(file867(), PARTNER);
    expect(posLines[2]).toMatchObject({ invoiceNumber: 'CM-2001', quantity: -10, creditReturn: true, unitOfMeasure: 'EA' });
  });

  it('uses the partner qualifiers for the authorization REF and the part ids', async () => {
    const partner = {
      ...PARTNER,
      refs: { ...PARTNER.refs, authorization: ['ZZ'] },
      productIds: { ...PARTNER.productIds, vendorPart: ['MG'] },
    };
    const text = file867()
      .replace(/REF\*AH\*/g, 'REF*ZZ*')
      .replace(/LIN\*(\d)\*VP\*/g, 'LIN*$1*MG*');
    const { posLines } = await readX12(text, partner);
    expect(posLines[0]).toMatchObject({ authorizationNumber: 'SD-2026-0042', vendorPartNumber: 'ACM-555' });
  });

  it('reports a bad value at its segment and element, and keeps the other lines', async () => {
    const { posLines, errors, receipts } = await readX12(file867(STAR, { badDate: true }), PARTNER);
    // both lines of the first invoice carry the PTD's bad date; the return is fine
    expect(posLines.map((l) => l.invoiceNumber)).toEqual(['CM-2001']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({
      code: 'LINE_ERROR',
      scope: 'line',
      interchange: '000000101',
      group: '101',
      transaction: '0001',
      segmentTag: 'DTM',
      element: 2,
      segmentIndex: 9,
      segmentInTransaction: 7,
      value: '2025-13-45',
    });
    expect(errors[0]!.line).toMatchObject({ row: 1, column: 'invoiceDate', code: 'INVALID_DATE' });
    expect(errors[0]!.message).toMatch(
      /^line 1: invoiceDate \(DTM02\) .*at interchange 000000101, group 101, transaction 0001 \(867\), segment 9 DTM, 7 in the transaction, element DTM02, byte \d+/,
    );
    expect(receipts[0]!.groups[0]!.transactions[0]!.status).toBe('E');
  });

  it('names a required value no segment carries', async () => {
    const body = body867().filter((s) => s.join('*') !== 'REF*IV*CM-2001');
    const text = interchange({ transactions: [{ type: '867', control: '0001', body }] });
    const { errors } = await readX12(text, PARTNER);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ segmentTag: 'QTY', line: { column: 'invoiceNumber', code: 'MISSING_REQUIRED_FIELD' } });
    expect(errors[0]!.message).toMatch(/invoiceNumber \(none of its segments carries it\)/);
  });

  it.each([
    ['CTT01', { cttCount: '4' }, /CTT01 says 4 line items, the transaction has 3/],
    ['CTT02', { cttHash: '170' }, /CTT02 says the quantities add up to 170, the lines' quantities add up to 160/],
    ['AMT*TT', { total: '240.00' }, /AMT\*TT says 240.00, the lines' AMT\*1 add up to 237.50/],
  ])('rejects a transaction whose %s disagrees with its lines, and keeps its neighbours', async (_n, opts, message) => {
    const text = interchange({
      transactions: [
        { type: '867', control: '0001', body: body867(STAR) },
        { type: '867', control: '0002', body: body867(STAR, opts) },
        { type: '867', control: '0003', body: body867(STAR) },
      ],
    });
    const { posLines, errors, receipts } = await readX12(text, PARTNER);
    expect(posLines).toHaveLength(6);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'TOTALS_MISMATCH', scope: 'transaction', transaction: '0002' });
    expect(errors[0]!.message).toMatch(message);
    expect(receipts[0]!.groups[0]!.transactions.map((t) => t.status)).toEqual(['A', 'R', 'A']);
    expect(receipts[0]!.groups[0]!.status).toBe('P');
  });

  it('reports an activity that is neither a sale nor a return and skips its lines', async () => {
    const text = file867().replace('PTD*BN~', 'PTD*IA~');
    const { posLines, errors } = await readX12(text, PARTNER);
    expect(posLines).toHaveLength(2);
    expect(errors[0]).toMatchObject({ code: 'INVALID_CODE', segmentTag: 'PTD', element: 1, value: 'IA' });
  });
});

describe('844 to claim lines', () => {
  const file844 = (opts = {}) => interchange({ functionalId: 'CF', transactions: [{ type: '844', control: '0001', body: body844(opts) }] });

  it.each([
    ['CON/PAD/LIN/QTY', {}],
    ['PO1', { po1: true }],
  ])('reads a claim with its debit memo number (%s layout)', async (_n, opts) => {
    const { claims, errors, posLines } = await readX12(file844(opts), PARTNER);
    expect(errors).toEqual([]);
    expect(posLines).toEqual([]);
    expect(claims).toHaveLength(1);
    const claim = claims[0]!;
    expect(claim).toMatchObject({
      debitMemoNumber: 'DM-55012',
      date: '2026-01-06',
      currency: 'USD',
      distributorId: 'ARW01',
      lines: 2,
      claimedTotal: '50.0000',
    });
    expect(
      claim.claimLines.map((l) => [l.invoiceNumber, l.invoiceLine, l.quantity, l.claimedAmount, l.authorizationNumber, l.debitMemoNumber]),
    ).toEqual([
      ['INV-1001', '1', 100, '40.00', 'SD-2026-0042', 'DM-55012'],
      ['INV-1002', '2', 25, '10.00', 'SD-2026-0042', 'DM-55012'],
    ]);
    // the claim-file path's engine input, from the same core function
    expect(claimLineFromPos(claim.claimLines[0]!)).toMatchObject({
      lineNumber: 1,
      authorizationNumber: 'SD-2026-0042',
      vendorPartNumber: 'ACM-555',
      bookCost: '1.20',
      authorizedCost: '0.80',
      claimedAmount: '40.00',
      quantity: 100,
      extra: { debitMemoNumber: 'DM-55012' },
    });
  });

  it("rejects an 844 whose AMT*TT is not the sum of its lines' claimed amounts", async () => {
    const { claims, errors } = await readX12(file844({ total: '55.00' }), PARTNER);
    expect(claims).toEqual([]);
    expect(errors[0]).toMatchObject({ code: 'TOTALS_MISMATCH', segmentTag: 'AMT', element: 2 });
    expect(errors[0]!.message).toMatch(/AMT\*TT says 55.00, the lines' AMT\*1 add up to 50.00/);
  });

  it('rejects an 844 whose CTT01 miscounts its lines', async () => {
    const { claims, errors } = await readX12(file844({ cttCount: '3' }), PARTNER);
    expect(claims).toEqual([]);
    expect(errors[0]!.message).toMatch(/CTT01 says 3 line items, the transaction has 2/);
  });
});
