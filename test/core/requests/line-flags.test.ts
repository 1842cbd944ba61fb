import fc from 'fast-check';
import { validateClaimLines } from '../../../core/claims/engine.js';
import { bookCostAboveAuthorized } from '../../../core/claims/rules.js';
import { parseUnits, unitsToString } from '../../../core/claims/units.js';
import { counterLineFlags, lineFlags, requestLineFlags } from '../../../core/requests/line-flags.js';
import { claimLine, context, fact } from '../claims/support.js';

describe('request line flags', () => {
  it('flags a requested cost at or above the book cost, and not one below it', () => {
    expect(requestLineFlags({ requestedCost: '10.0000', bookCost: '10.0000' })).toEqual(['PRICE_AT_OR_ABOVE_BOOK_COST']);
    expect(requestLineFlags({ requestedCost: '10.0001', bookCost: '10.0000' })).toEqual(['PRICE_AT_OR_ABOVE_BOOK_COST']);
    expect(requestLineFlags({ requestedCost: '12.5', bookCost: '9.90' })).toEqual(['PRICE_AT_OR_ABOVE_BOOK_COST']);
    expect(requestLineFlags({ requestedCost: '9.9999', bookCost: '10.0000' })).toEqual([]);
    // Amounts compare as amounts, not as text.
    expect(requestLineFlags({ requestedCost: '0.3000', bookCost: '0.3' })).toEqual(['PRICE_AT_OR_ABOVE_BOOK_COST']);
  });

  it('flags nothing when no book cost is on record or an amount is unreadable', () => {
    expect(requestLineFlags({ requestedCost: '10.0000', bookCost: null })).toEqual([]);
    expect(requestLineFlags({ requestedCost: '10.0000' })).toEqual([]);
    expect(requestLineFlags({ requestedCost: '10.0000', bookCost: '' })).toEqual([]);
    expect(requestLineFlags({ requestedCost: 'ten', bookCost: '9.0000' })).toEqual([]);
  });

  it('flags a counter-offer cost at or above the book cost with its own code, and not one below it', () => {
    expect(counterLineFlags({ counterCost: '10.0000', bookCost: '10.0000' })).toEqual(['COUNTER_AT_OR_ABOVE_BOOK_COST']);
    expect(counterLineFlags({ counterCost: '10.5', bookCost: '10.0000' })).toEqual(['COUNTER_AT_OR_ABOVE_BOOK_COST']);
    expect(counterLineFlags({ counterCost: '9.9999', bookCost: '10.0000' })).toEqual([]);
    // A line not countered, or with no book cost on record, flags nothing.
    expect(counterLineFlags({ counterCost: null, bookCost: '10.0000' })).toEqual([]);
    expect(counterLineFlags({ bookCost: '10.0000' })).toEqual([]);
    expect(counterLineFlags({ counterCost: '10.0000', bookCost: null })).toEqual([]);
    expect(counterLineFlags({ counterCost: 'ten', bookCost: '9.0000' })).toEqual([]);
  });

  it("judges a line's requested and counter-offer costs each on its own, requested first", () => {
    const book = '10.0000';
    expect(lineFlags({ requestedCost: '10.0000', counterCost: '10.0000', bookCost: book })).toEqual([
      'PRICE_AT_OR_ABOVE_BOOK_COST',
      'COUNTER_AT_OR_ABOVE_BOOK_COST',
    ]);
    // The approver countered a request at cost up to the book cost: only the counter-offer is flagged.
    expect(lineFlags({ requestedCost: '8.0000', counterCost: '10.0000', bookCost: book })).toEqual(['COUNTER_AT_OR_ABOVE_BOOK_COST']);
    // A counter-offer below the book cost clears nothing of the requested cost's flag: both prices are on the line.
    expect(lineFlags({ requestedCost: '11.0000', counterCost: '9.0000', bookCost: book })).toEqual(['PRICE_AT_OR_ABOVE_BOOK_COST']);
    expect(lineFlags({ requestedCost: '8.0000', counterCost: null, bookCost: book })).toEqual([]);
    expect(lineFlags({ requestedCost: '10.0000', bookCost: book })).toEqual(requestLineFlags({ requestedCost: '10.0000', bookCost: book }));
  });

  it('flags exactly the lines whose every claim the claims rule bookCostAboveAuthorized would reject, for any amounts', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000_000 }).map(unitsToString);
    fc.assert(
      fc.property(amount, amount, (requestedCost, bookCost) => {
        const flagged = requestLineFlags({ requestedCost, bookCost }).length > 0;
        expect(flagged).toBe(!bookCostAboveAuthorized(parseUnits(bookCost), parseUnits(requestedCost)));
        // A counter-offer at the same cost is judged by the same rule.
        expect(counterLineFlags({ counterCost: requestedCost, bookCost }).length > 0).toBe(flagged);
      }),
      { numRuns: 2000 },
    );
  });

  it('the authorization a flagged line makes recovers nothing: its claim line at that book cost is rejected', () => {
    const authorized = fact({ authorizedCost: '12.5000' });
    const [atCost] = validateClaimLines([claimLine({ bookCost: '12.5000' })], context({ facts: [authorized] }));
    expect(requestLineFlags({ requestedCost: '12.5000', bookCost: '12.5000' })).toEqual(['PRICE_AT_OR_ABOVE_BOOK_COST']);
    expect(atCost).toMatchObject({ verdict: 'rejected', rule: 'bookCostAboveAuthorized', reasonCodes: ['PRICE_ABOVE_AUTHORIZED'] });
    // Below the book cost: no flag, and its claim line earns the credit (12.60 - 12.50) x 10.
    const [below] = validateClaimLines([claimLine({ bookCost: '12.6000' })], context({ facts: [authorized] }));
    expect(requestLineFlags({ requestedCost: '12.5000', bookCost: '12.6000' })).toEqual([]);
    expect(below).toMatchObject({ verdict: 'accepted', computedAmount: '1.0000' });
  });
});
