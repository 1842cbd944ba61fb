/**
 * The TA1 interchange acknowledgment (written when the sender asks with ISA14 = 1, or when the
 * envelope itself is bad) and the file head transports route a file by (issue 17).
 */
import { X12Reader, readX12, readX12Head, writeInterchangeAck, type X12EnvelopeInput } from '../../../core/edi/index.js';
import { PARTNER, body867, interchange } from './x12.js';

const env: X12EnvelopeInput = {
  partner: PARTNER,
  interchangeControl: 77,
  groupControl: 7,
  transactionControl: 1,
  at: new Date('2026-01-07T09:30:00Z'),
};

/** ISA14 set to `flag` in a file built by the test builder. */
const asking = (text: string, flag = '1') => text.replace(/\*00401\*(\d{9})\*0\*/, `*00401*$1*${flag}*`);

/** Reads a written TA1 back through the envelope reader. */
function readAck(text: string) {
  const reader = new X12Reader({ mappers: {} });
  const events = [...reader.push(text), ...reader.end()];
  return { acks: reader.receipts.flatMap((r) => r.acks), errors: events.filter((e) => e.type === 'error') };
}

describe('TA1', () => {
  it('answers an interchange that asks (ISA14 = 1) and was sound with A / 000, readable back', async () => {
    const file = asking(interchange({ control: '000000501', transactions: [{ type: '867', control: '0001', body: body867() }] }));
    const { receipts } = await readX12(file, PARTNER);
    expect(receipts[0]!.ackRequested).toBe(true);
    const ta1 = writeInterchangeAck(receipts[0]!, env)!;
    expect(ta1).toContain('TA1*000000501*260105*1200*A*000~');
    expect(ta1).not.toContain('GS*');
    expect(ta1).toMatch(/IEA\*0\*000000077~\n$/);
    const back = readAck(ta1);
    expect(back.errors).toEqual([]);
    expect(back.acks).toEqual([{ control: '000000501', status: 'A', note: '000' }]);
  });

  it('writes none for a sound interchange that did not ask', async () => {
    const { receipts } = await readX12(interchange({ transactions: [{ type: '867', control: '0001', body: body867() }] }), PARTNER);
    expect(writeInterchangeAck(receipts[0]!, env)).toBeNull();
  });

  it('reports a bad IEA even unasked: E with 001 when its transactions were taken', async () => {
    const file = interchange({
      control: '000000502',
      ieaControl: '000000999',
      transactions: [{ type: '867', control: '0001', body: body867() }],
    });
    const { receipts, posLines } = await readX12(file, PARTNER);
    expect(posLines.length).toBeGreaterThan(0);
    const ta1 = writeInterchangeAck(receipts[0]!, env)!;
    expect(readAck(ta1).acks).toEqual([{ control: '000000502', status: 'E', note: '001' }]);
  });

  it('says R with 021 when the group count is wrong and nothing in it was taken', async () => {
    const file = interchange({
      control: '000000503',
      ieaCount: '3',
      transactions: [{ type: '867', control: '0001', body: body867(), seCount: '2' }],
    });
    const { receipts } = await readX12(file, PARTNER);
    expect(readAck(writeInterchangeAck(receipts[0]!, env)!).acks).toEqual([{ control: '000000503', status: 'R', note: '021' }]);
  });

  it('writes none for an interchange of another sender (skipped whole)', async () => {
    const file = asking(interchange({ sender: 'SOMEONEELSE', transactions: [{ type: '867', control: '0001', body: body867() }] }));
    const { receipts } = await readX12(file, PARTNER);
    expect(writeInterchangeAck(receipts[0]!, env)).toBeNull();
  });
});

describe('readX12Head', () => {
  it("reads an 844's BGN and CUR, the sender and the first transaction type", () => {
    const file = interchange({
      functionalId: 'CF',
      transactions: [
        {
          type: '844',
          control: '0001',
          body: [
            ['BGN', '00', 'DM-77', '20261020'],
            ['CUR', 'BY', 'EUR'],
            ['CON', 'AH', 'SD-1'],
            ['PAD', 'SD'],
            ['BGN', '00', 'NOT-THIS', '20261021'],
          ],
        },
      ],
    });
    expect(readX12Head(file)).toEqual({
      senderQualifier: 'ZZ',
      senderId: 'ARROWDIST',
      firstTransaction: '844',
      claim: { debitMemoNumber: 'DM-77', date: '2026-10-20', currency: 'EUR', debitMemoElement: 'BGN02' },
    });
  });

  it("reads an 844 that opens with the standard's BAA: BAA05 the debit memo number, BAA03 its date", () => {
    const file = interchange({
      functionalId: 'CF',
      transactions: [
        {
          type: '844',
          control: '0001',
          body: [
            ['BAA', '00', 'CR', '20261022', 'DM', 'DM-BAA-9'],
            ['CUR', 'BY', 'USD'],
            ['CON', 'AH', 'SD-1'],
          ],
        },
      ],
    });
    expect(readX12Head(file)!.claim).toEqual({
      debitMemoNumber: 'DM-BAA-9',
      date: '2026-10-22',
      currency: 'USD',
      debitMemoElement: 'BAA05',
    });
  });

  it('says an 867 is one, and a CSV is not X12', () => {
    expect(readX12Head(interchange({ transactions: [{ type: '867', control: '0001', body: body867() }] }))).toMatchObject({
      firstTransaction: '867',
      claim: null,
    });
    expect(readX12Head('Invoice Number,Invoice Line\nINV-1,1\n')).toBeNull();
  });
});
