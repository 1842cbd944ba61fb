import { storedInputs, wholeInputs, type RowInputs } from '../../server/claims/verdict-inputs.js';

describe('replay inputs stored beside a claim line row', () => {
  const row: RowInputs = {
    distributorId: 1001,
    authorizationNumber: 'SD-0001',
    invoiceNumber: 'INV-7',
    invoiceLine: '2',
    invoiceDate: '2026-10-21',
    shipDate: null,
    vendorPartNumber: 'VP-1',
    distributorPartNumber: null,
    endCustomerName: 'Initech',
    quantity: 12,
    bookCost: '12.5000',
    claimedAuthorizedCost: '10.0000',
    resalePrice: null,
  };
  const inputs = {
    ...row,
    dateChecked: 'invoiceDate',
    endCustomerId: null,
    claimedAmount: null,
    authorizationLineId: 77,
    approvedQuantity: 100,
    consumedQuantity: 95,
    remainingBefore: 5,
  };

  it('stores only what the row does not hold, and reads back the whole inputs', () => {
    const stored = storedInputs(inputs, row);
    expect(stored).toEqual({
      dateChecked: 'invoiceDate',
      endCustomerId: null,
      claimedAmount: null,
      authorizationLineId: 77,
      approvedQuantity: 100,
      consumedQuantity: 95,
      remainingBefore: 5,
    });
    expect(wholeInputs(JSON.parse(JSON.stringify(stored)) as Record<string, unknown>, row)).toEqual(inputs);
  });

  it('keeps an input that differs from the row (the row wins nothing it did not record)', () => {
    const stored = storedInputs({ ...inputs, bookCost: '12.5' }, row);
    expect(stored.bookCost).toBe('12.5');
    expect(wholeInputs(stored, row).bookCost).toBe('12.5');
  });

  it('leaves inputs stored whole (lines submitted one claim at a time) as they are', () => {
    expect(wholeInputs(inputs, { ...row, invoiceNumber: 'OTHER' })).toEqual(inputs);
  });
});
