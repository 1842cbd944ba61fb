import type { ClaimLineInput, LineVerdictResult } from '../../../core/claims/engine.js';
import { REASON_CODES } from '../../../core/domain.js';
import {
  X12Reader,
  X12_REASON_CODES,
  lineResponse,
  readResponses,
  readX12,
  write845,
  write849,
  writeAcknowledgment,
  type X12EnvelopeInput,
  type X12ReaderEvent,
} from '../../../core/edi/index.js';
import { PARTNER, body867, interchange } from './x12.js';

const env = (over: Partial<X12EnvelopeInput> = {}): X12EnvelopeInput => ({
  partner: PARTNER,
  interchangeControl: 4711,
  groupControl: 12,
  transactionControl: 1,
  at: new Date('2026-01-07T09:30:00Z'),
  ...over,
});

const claimLine = (n: number, over: Partial<ClaimLineInput> = {}): ClaimLineInput => ({
  lineNumber: n,
  authorizationNumber: 'SD-2026-0042',
  vendorPartNumber: 'ACM-555',
  distributorPartNumber: 'ARW-555',
  invoiceNumber: `INV-${1000 + n}`,
  invoiceLine: '1',
  invoiceDate: '2025-12-03',
  quantity: 100,
  bookCost: '1.20',
  authorizedCost: '0.80',
  claimedAmount: '40.00',
  ...over,
});

const verdict = (n: number, over: Partial<LineVerdictResult>): LineVerdictResult => ({
  lineNumber: n,
  verdict: 'accepted',
  reasonCodes: [],
  messages: [],
  acceptedQuantity: 100,
  computedAmount: '40.0000',
  approvedAmount: '40.0000',
  authorizationLineId: 1,
  authorizationVersion: 1,
  rule: null,
  inputs: {},
  ...over,
});

/** Every error the envelope reader finds in a text (none expected of what we write). */
function envelopeErrors(text: string): X12ReaderEvent[] {
  const noop = () => ({ segment() {}, end() {} });
  const reader = new X12Reader({ mappers: { '849': noop, '845': noop, '997': noop, '999': noop } });
  return [...reader.push(text), ...reader.end()].filter((e) => e.type === 'error');
}

describe('849: the answer to an 844, line by line', () => {
  const lines = [
    { line: claimLine(1), verdict: verdict(1, {}) },
    {
      line: claimLine(2, { quantity: 150, claimedAmount: '60.00' }),
      verdict: verdict(2, {
        verdict: 'partial',
        reasonCodes: ['QTY_EXCEEDS_APPROVED'],
        messages: ['Only 100 of the 150 units remain on SD-2026-0042*; 100 accepted.'],
        acceptedQuantity: 100,
        approvedAmount: '40.0000',
      }),
    },
    {
      line: claimLine(3, { authorizationNumber: 'SD-NOPE' }),
      verdict: verdict(3, {
        verdict: 'rejected',
        reasonCodes: ['AUTH_NOT_FOUND'],
        messages: ['Authorization SD-NOPE does not exist.'],
        acceptedQuantity: 0,
        approvedAmount: '0.0000',
      }),
    },
  ];
  const input = { claimNumber: 'CLM-000123', debitMemoNumber: 'DM-55012', date: '2026-01-07', currency: 'USD', lines };

  it('writes a sound envelope and reads back accepted, adjusted and rejected lines', () => {
    const text = write849(input, env());
    expect(envelopeErrors(text)).toEqual([]);
    expect(text.split('\n')[0]).toBe(
      'ISA*00*          *00*          *ZZ*ACMESEMI       *ZZ*ARROWDIST      *260107*0930*U*00401*000004711*0*P*>~',
    );
    expect(text).toContain('GS*CF*ACMESEMI*ARROWDIST*20260107*0930*12*X*004010~');
    const { documents } = readResponses(text, PARTNER);
    expect(documents).toHaveLength(1);
    const doc = documents[0]!;
    expect(doc).toMatchObject({
      type: '849',
      claimNumber: 'CLM-000123',
      debitMemoNumber: 'DM-55012',
      date: '2026-01-07',
      currency: 'USD',
      total: '80.00',
    });
    if (doc.type !== '849') throw new Error('not an 849');
    expect(
      doc.lines.map((l) => [l.lineNumber, l.invoiceNumber, l.response, l.reason, l.claimedQuantity, l.grantedQuantity, l.grantedAmount]),
    ).toEqual([
      [1, 'INV-1001', 'accepted', null, 100, 100, '40.00'],
      [2, 'INV-1002', 'adjusted', 'QTY_EXCEEDS_APPROVED', 150, 100, '40.00'],
      [3, 'INV-1003', 'rejected', 'AUTH_NOT_FOUND', 100, 0, '0.00'],
    ]);
    // the engine's sentence travels in NTE, its delimiter replaced
    expect(doc.lines[1]!.note).toBe('Only 100 of the 150 units remain on SD-2026-0042 ; 100 accepted.');
    expect(doc.lines[2]!.reasonCode).toBe(X12_REASON_CODES.AUTH_NOT_FOUND.code);
  });

  it('counts an amount cut as adjusted even when the quantity stands', () => {
    expect(
      lineResponse({ quantity: 10, claimedAmount: '5.00' }, { verdict: 'accepted', acceptedQuantity: 10, approvedAmount: '4.0000' }),
    ).toBe('adjusted');
    expect(
      lineResponse({ quantity: 10, claimedAmount: '5.00' }, { verdict: 'accepted', acceptedQuantity: 10, approvedAmount: '5.0000' }),
    ).toBe('accepted');
  });

  it("writes a partner's own reason code where it has one", () => {
    const text = write849(input, env({ partner: { ...PARTNER, reasonCodes: { AUTH_NOT_FOUND: '07' } } }));
    expect(text).toContain('AAA*N**07~');
    const { documents } = readResponses(text, { ...PARTNER, reasonCodes: { AUTH_NOT_FOUND: '07' } });
    expect(documents[0]!.type === '849' && documents[0]!.lines[2]!.reason).toBe('AUTH_NOT_FOUND');
  });

  it('reads back with other delimiters and no line breaks', () => {
    const text = write849(input, env({ delimiters: { element: '|', component: '^', segment: ']', lineBreak: false } }));
    expect(text).not.toContain('\n');
    expect(envelopeErrors(text)).toEqual([]);
    expect(readResponses(text, PARTNER).documents[0]!.type).toBe('849');
  });

  it('refuses a value that holds a delimiter rather than altering it', () => {
    expect(() => write849({ ...input, claimNumber: 'CLM*1' }, env())).toThrow(/BRC02 "CLM\*1" contains a delimiter/);
  });

  it('has an X12 code for every engine reason code, each distinct', () => {
    expect(Object.keys(X12_REASON_CODES).sort()).toEqual([...REASON_CODES].sort());
    const codes = Object.values(X12_REASON_CODES).map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('845: authorizations announced', () => {
  it('writes new, amended and expired authorizations in one interchange and reads them back', () => {
    const base = {
      authorizationNumber: 'SD-2026-0042',
      date: '2026-01-07',
      validFrom: '2026-01-01',
      validTo: '2026-06-30',
      distributorName: 'Arrow Electronics',
      endCustomerName: 'Bosch GmbH',
      currency: 'USD',
      lines: [
        { vendorPartNumber: 'ACM-555', authorizedCost: '0.7000', approvedQuantity: 10000 },
        { vendorPartNumber: 'ACM-777', authorizedCost: '1.1000', approvedQuantity: 2500 },
      ],
    };
    const text = write845(
      [
        { ...base, change: 'new', version: 1 },
        { ...base, change: 'amended', version: 2, validTo: '2026-09-30' },
        { ...base, change: 'expired', version: 2, lines: [] },
      ],
      env({ transactionControl: 41 }),
    );
    expect(envelopeErrors(text)).toEqual([]);
    expect(text).toContain('ST*845*0041~');
    expect(text).toContain('ST*845*0043~');
    expect(text).toContain('GE*3*12~');
    const { documents } = readResponses(text, PARTNER);
    expect(documents.map((d) => d.type === '845' && [d.change, d.version, d.validTo, d.lines.length])).toEqual([
      ['new', 1, '2026-06-30', 2],
      ['amended', 2, '2026-09-30', 2],
      ['expired', 2, '2026-06-30', 0],
    ]);
    expect(documents[0]).toMatchObject({ authorizationNumber: 'SD-2026-0042', endCustomerName: 'Bosch GmbH', lines: base.lines });
  });
});

describe('997 / 999: what was received', () => {
  const received = async () => {
    const text = interchange({
      transactions: [
        { type: '867', control: '0001', body: body867() },
        { type: '867', control: '0002', body: body867(undefined, { cttCount: '9' }) },
        { type: '867', control: '0003', body: body867(undefined, { badDate: true }) },
        { type: '867', control: '0004', body: body867(), seCount: '3' },
      ],
    });
    return (await readX12(text, PARTNER)).receipts[0]!;
  };

  it('acknowledges each transaction: accepted, rejected with the segment at fault, accepted with errors', async () => {
    const text = writeAcknowledgment(await received(), env())!;
    expect(envelopeErrors(text)).toEqual([]);
    const body = text.split('\n').filter((l) => /^(AK|ST|SE|GS|GE)/.test(l));
    expect(body).toEqual([
      'GS*FA*ACMESEMI*ARROWDIST*20260107*0930*12*X*004010~',
      'ST*997*0001~',
      'AK1*PT*101~',
      'AK2*867*0001~',
      'AK5*A~',
      'AK2*867*0002~',
      'AK3*CTT*37**8~',
      'AK5*R*5~',
      'AK2*867*0003~',
      'AK3*DTM*7**8~',
      'AK4*2**8*2025-13-45~',
      'AK5*E*5~',
      'AK2*867*0004~',
      'AK5*R*4~',
      'AK9*P*4*4*2~',
      'SE*15*0001~',
      'GE*1*12~',
    ]);
  });

  it('writes the 999 form with IK3/IK4/IK5', async () => {
    const text = writeAcknowledgment(await received(), env({ partner: { ...PARTNER, version: '005010' } }), '999')!;
    expect(envelopeErrors(text)).toEqual([]);
    expect(text).toContain('ST*999*0001*005010X231A1~');
    expect(text).toContain('AK1*PT*101*004010~');
    expect(text).toContain('IK3*CTT*37**8~');
    expect(text).toContain('IK5*R*5~');
    expect(text).toContain('AK9*P*4*4*2~');
  });

  it('writes none for an interchange skipped whole', async () => {
    const { receipts } = await readX12(
      interchange({ sender: 'STRANGER', transactions: [{ type: '867', control: '0001', body: body867() }] }),
      PARTNER,
    );
    expect(writeAcknowledgment(receipts[0]!, env())).toBeNull();
  });
});
