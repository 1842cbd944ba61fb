import { readX12 } from '../../../core/edi/index.js';
import { PARTNER, body867, interchange } from './x12.js';

const tx = (control: string, extra: Partial<Parameters<typeof interchange>[0]['transactions'][number]> = {}) => ({
  type: '867',
  control,
  body: body867(),
  ...extra,
});

describe('X12 envelopes', () => {
  it('accepts a sound file with no error', async () => {
    const { errors, posLines, receipts } = await readX12(interchange({ transactions: [tx('0001'), tx('0002')] }), PARTNER);
    expect(errors).toEqual([]);
    expect(posLines).toHaveLength(6);
    expect(receipts[0]).toMatchObject({ control: '000000101', senderId: 'ARROWDIST', rejected: false });
    expect(receipts[0]!.groups[0]).toMatchObject({ control: '101', functionalId: 'PT', status: 'A' });
  });

  it.each([
    ['SE01 miscounts the segments', { seCount: '12' }, 'COUNT_MISMATCH', /SE01 says 12 segments, the transaction has 39/, '4'],
    [
      'SE02 is not ST02',
      { seControl: '9999' },
      'CONTROL_NUMBER_MISMATCH',
      /SE02 "9999" is not the transaction's control number ST02 "0002"/,
      '3',
    ],
  ])('rejects a transaction whose %s, and keeps the ones around it', async (_n, extra, code, message, ak5) => {
    const { errors, posLines, receipts } = await readX12(
      interchange({ transactions: [tx('0001'), tx('0002', extra), tx('0003')] }),
      PARTNER,
    );
    expect(posLines).toHaveLength(6);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code, scope: 'transaction', transaction: '0002', segmentTag: 'SE', ack: { transaction: ak5 } });
    expect(errors[0]!.message).toMatch(message);
    expect(receipts[0]!.groups[0]!.transactions.map((t) => t.status)).toEqual(['A', 'R', 'A']);
  });

  it('rejects a transaction without its SE (the next ST comes first)', async () => {
    const { errors, posLines } = await readX12(interchange({ transactions: [tx('0001', { noSe: true }), tx('0002')] }), PARTNER);
    expect(posLines).toHaveLength(3);
    expect(errors.map((e) => [e.code, e.transaction])).toEqual([['MISSING_TRAILER', '0001']]);
    expect(errors[0]!.message).toMatch(/transaction 0001 has no SE before the next ST/);
  });

  it('reports a GE or IEA that disagrees without undoing sound transactions', async () => {
    const text = interchange({
      transactions: [tx('0001'), tx('0002')],
      geCount: '3',
      geControl: '77',
      ieaCount: '2',
      ieaControl: '000000999',
    });
    const { errors, posLines, receipts } = await readX12(text, PARTNER);
    expect(posLines).toHaveLength(6);
    expect(errors.map((e) => [e.code, e.scope, e.segmentTag, e.element])).toEqual([
      ['CONTROL_NUMBER_MISMATCH', 'group', 'GE', 2],
      ['COUNT_MISMATCH', 'group', 'GE', 1],
      ['CONTROL_NUMBER_MISMATCH', 'interchange', 'IEA', 2],
      ['COUNT_MISMATCH', 'interchange', 'IEA', 1],
    ]);
    expect(errors[1]!.message).toMatch(/GE01 says 3 transaction sets, the group has 2/);
    expect(errors[3]!.message).toMatch(/IEA01 says 2 functional groups, the interchange has 1/);
    expect(receipts[0]!.groups[0]!.status).toBe('E');
    expect(receipts[0]!.groups[0]!.errors.map((e) => e.ack?.group)).toEqual(['4', '5']);
  });

  it('reports a file that ends without its IEA, keeping what was complete', async () => {
    const { errors, posLines } = await readX12(interchange({ transactions: [tx('0001')], noIea: true }), PARTNER);
    expect(posLines).toHaveLength(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'MISSING_TRAILER', scope: 'interchange', interchange: '000000101' });
    expect(errors[0]!.message).toMatch(/the file ends inside interchange 000000101: its IEA is missing/);
  });

  it('rejects a transaction set it does not read, and reads the others', async () => {
    const text = interchange({ transactions: [{ type: '810', control: '0001', body: [['BIG', '20260101', 'X']] }, tx('0002')] });
    const { errors, posLines, receipts } = await readX12(text, PARTNER);
    expect(posLines).toHaveLength(3);
    expect(errors[0]).toMatchObject({ code: 'UNSUPPORTED_TRANSACTION', transaction: '0001', ack: { transaction: '1' } });
    expect(receipts[0]!.groups[0]!.transactions.map((t) => t.status)).toEqual(['R', 'A']);
  });

  it('skips an interchange from another sender, and reads the next one', async () => {
    const text =
      interchange({ control: '000000001', sender: 'SOMEONEELSE', transactions: [tx('0001')] }) +
      interchange({ control: '000000002', transactions: [tx('0001')] });
    const { errors, posLines, receipts } = await readX12(text, PARTNER);
    expect(posLines).toHaveLength(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'PARTNER_MISMATCH', interchange: '000000001', segmentTag: 'ISA', element: 6 });
    expect(receipts.map((r) => r.rejected)).toEqual([true, false]);
  });

  it('ignores, and reports, a segment outside any transaction', async () => {
    const text = interchange({ transactions: [tx('0001')] })
      .replace('GS*', 'NTE*stray~\nGS*')
      .replace(/(ST\*867)/, 'REF*XX*1~\n$1');
    const { errors, posLines } = await readX12(text, PARTNER);
    expect(posLines).toHaveLength(3);
    expect(errors.map((e) => [e.code, e.segmentTag])).toEqual([
      ['UNEXPECTED_SEGMENT', 'NTE'],
      ['UNEXPECTED_SEGMENT', 'REF'],
    ]);
  });
});
