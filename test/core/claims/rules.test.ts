import {
  amountNotOverClaimed,
  bookCostAboveAuthorized,
  costNotBelowAuthorized,
  dateWithinValidity,
  earlierOccurrence,
  endCustomerKey,
  endCustomerMatches,
  endCustomerKeysMatch,
  endCustomerUnitsMatch,
  END_CUSTOMER_MATCH,
  END_CUSTOMER_MISMATCH,
  END_CUSTOMER_MISSING,
  hasValue,
  isClaimableQuantity,
  missingProgramFields,
  posKey,
  quantityWithinApproved,
  resaleWithinCeiling,
  sameEndCustomer,
} from '../../../core/claims/rules.js';
import { PosKeyTable } from '../../../core/claims/pos-keys.js';

describe('rules', () => {
  it('dateWithinValidity includes both ends of the window', () => {
    expect(dateWithinValidity(20250101, 20250101, 20250630)).toBe(true);
    expect(dateWithinValidity(20250630, 20250101, 20250630)).toBe(true);
    expect(dateWithinValidity(20250701, 20250101, 20250630)).toBe(false);
    expect(dateWithinValidity(20241231, 20250101, 20250630)).toBe(false);
  });

  it('quantityWithinApproved gives all, the rest, or nothing', () => {
    expect(quantityWithinApproved(10, 100)).toBe(10);
    expect(quantityWithinApproved(10, 4)).toBe(4);
    expect(quantityWithinApproved(10, 0)).toBe(0);
    expect(quantityWithinApproved(10, -5)).toBe(0);
  });

  it('costNotBelowAuthorized refuses a claimed cost under the authorized one', () => {
    expect(costNotBelowAuthorized(100000, 100000)).toBe(true);
    expect(costNotBelowAuthorized(99999, 100000)).toBe(false);
  });

  it('resaleWithinCeiling allows the ceiling itself', () => {
    expect(resaleWithinCeiling(150000, 150000)).toBe(true);
    expect(resaleWithinCeiling(150001, 150000)).toBe(false);
  });

  it('bookCostAboveAuthorized needs something to recover', () => {
    expect(bookCostAboveAuthorized(100001, 100000)).toBe(true);
    expect(bookCostAboveAuthorized(100000, 100000)).toBe(false);
  });

  it('amountNotOverClaimed allows the computed amount exactly', () => {
    expect(amountNotOverClaimed(250000, 250000)).toBe(true);
    expect(amountNotOverClaimed(250001, 250000)).toBe(false);
  });

  it('endCustomerMatches by id, then by name, and knows when the line names nobody', () => {
    const acme = endCustomerKey('Acme Corp');
    expect(endCustomerMatches(null, null, undefined, undefined)).toBe(END_CUSTOMER_MATCH);
    expect(endCustomerMatches(5, acme, 5, 'whatever')).toBe(END_CUSTOMER_MATCH);
    expect(endCustomerMatches(5, acme, 6, 'Acme Corp')).toBe(END_CUSTOMER_MISMATCH);
    expect(endCustomerMatches(5, acme, null, 'ACME corp')).toBe(END_CUSTOMER_MATCH);
    expect(endCustomerMatches(null, acme, null, 'Acme Inc')).toBe(END_CUSTOMER_MISMATCH);
    expect(endCustomerMatches(5, null, null, 'Acme Corp')).toBe(END_CUSTOMER_MISMATCH);
    expect(endCustomerMatches(5, acme, null, '  ')).toBe(END_CUSTOMER_MISSING);
  });

  it('endCustomerUnitsMatch takes NaN for an absent id and agrees with endCustomerKeysMatch', () => {
    const acme = endCustomerKey('Acme Corp');
    expect(endCustomerUnitsMatch(NaN, null, NaN, null)).toBe(END_CUSTOMER_MATCH);
    expect(endCustomerUnitsMatch(5, acme, 5, null)).toBe(END_CUSTOMER_MATCH);
    expect(endCustomerUnitsMatch(5, acme, 6, acme)).toBe(END_CUSTOMER_MISMATCH);
    expect(endCustomerUnitsMatch(5, acme, NaN, acme)).toBe(END_CUSTOMER_MATCH);
    expect(endCustomerUnitsMatch(NaN, acme, NaN, 'acmeinc')).toBe(END_CUSTOMER_MISMATCH);
    expect(endCustomerUnitsMatch(5, null, NaN, acme)).toBe(END_CUSTOMER_MISMATCH);
    expect(endCustomerUnitsMatch(5, acme, NaN, null)).toBe(END_CUSTOMER_MISSING);
    const ids = [null, 0, 5, 6];
    const keys = [null, acme, 'acmeinc'];
    for (const authorizedId of ids)
      for (const authorizedKey of keys)
        for (const claimId of ids)
          for (const claimKey of keys)
            expect(endCustomerUnitsMatch(authorizedId ?? NaN, authorizedKey, claimId ?? NaN, claimKey)).toBe(
              endCustomerKeysMatch(authorizedId, authorizedKey, claimId, claimKey),
            );
  });

  it('sameEndCustomer ignores case and whitespace, also beyond ASCII', () => {
    expect(sameEndCustomer(' Acme\tCorp ', endCustomerKey('ACME CORP'))).toBe(true);
    expect(sameEndCustomer('Müller GmbH', endCustomerKey('MÜLLER  gmbh'))).toBe(true);
    expect(sameEndCustomer('Acme Corporation', endCustomerKey('Acme Corp'))).toBe(false);
  });

  it('posKey treats spellings of one invoice line as one key', () => {
    expect(posKey(' inv-1 ', '007')).toBe(posKey('INV-1', '7'));
    expect(posKey('INV-1', '0')).toBe(posKey('INV-1', '000'));
    expect(posKey('INV-1', '1')).not.toBe(posKey('INV-11', ''));
    expect(posKey('A', 'b1')).toBe(posKey('a', 'B1'));
  });

  it('earlierOccurrence keeps the first line of a key, whatever its spelling', () => {
    const seen = new PosKeyTable(2);
    expect(earlierOccurrence(seen, 'INV-1', '1', 0)).toBe(-1);
    expect(earlierOccurrence(seen, ' inv-1', '001', 3)).toBe(0);
    expect(earlierOccurrence(seen, 'INV-1', '2', 4)).toBe(-1);
  });

  it('missingProgramFields names what is empty, looking in line fields then extra', () => {
    expect(missingProgramFields({ extra: { resellerPoNumber: 'PO' } }, ['resellerPoNumber'])).toBeNull();
    expect(missingProgramFields({ extra: { resellerPoNumber: '' } }, ['resellerPoNumber', 'salesOrderNumber'])).toEqual([
      'resellerPoNumber',
      'salesOrderNumber',
    ]);
    expect(missingProgramFields({ shipDate: '2025-01-01' } as never, ['shipDate'])).toBeNull();
    expect(missingProgramFields({ extra: {} }, ['constructor'])).toEqual(['constructor']);
  });

  it('hasValue and isClaimableQuantity', () => {
    expect(hasValue(' \t')).toBe(false);
    expect(hasValue('x')).toBe(true);
    expect(hasValue(0)).toBe(true);
    expect(isClaimableQuantity(3)).toBe(true);
    expect(isClaimableQuantity(0)).toBe(false);
    expect(isClaimableQuantity(2.5)).toBe(false);
    expect(isClaimableQuantity(2 ** 60)).toBe(false);
  });
});
