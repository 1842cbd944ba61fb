import { createValidator, validateClaimLines, type AuthorizationLineFact } from '../../../core/claims/engine.js';
import { claimLine, context, fact } from './support.js';

// One authorization line in two versions: version 1 at 10.0000 for 100 units, version 2 (from
// 2025-04-01) re-priced to 9.0000 for the same 100 units. 30 units were claimed before.
const line: AuthorizationLineFact = fact({
  authorizationVersion: 2,
  consumedQuantity: 30,
  versions: [
    {
      version: 1,
      effectiveFrom: '2025-01-01',
      validFrom: '2025-01-01',
      validTo: '2025-06-30',
      authorizedCost: '10.0000',
      approvedQuantity: 100,
      cancelled: false,
    },
    {
      version: 2,
      effectiveFrom: '2025-04-01',
      validFrom: '2025-01-01',
      validTo: '2025-06-30',
      authorizedCost: '9.0000',
      approvedQuantity: 100,
      cancelled: false,
    },
  ],
});
const lines = [
  claimLine({ invoiceDate: '2025-03-10', quantity: 50 }),
  claimLine({ lineNumber: 2, invoiceLine: '2', invoiceDate: '2025-04-10', quantity: 50 }),
  claimLine({ lineNumber: 3, invoiceLine: '3', invoiceDate: '2025-03-11', quantity: 5 }),
];

describe('authorization versions in one validation call', () => {
  it('meets each sale with the version in force on its date, from one remaining quantity for the line', () => {
    const results = validateClaimLines(lines, context({ facts: [line] }));
    // 70 remain: 50 under version 1, then 20 of 50 under version 2, then nothing for the third
    expect(results.map((r) => [r.authorizationVersion, r.acceptedQuantity])).toEqual([
      [1, 50],
      [2, 20],
      [1, 0],
    ]);
    expect(results.map((r) => r.verdict)).toEqual(['accepted', 'partial', 'rejected']);
    expect(results[2]!.reasonCodes).toEqual(['QTY_EXCEEDS_APPROVED']);
    expect(results.reduce((sum, r) => sum + r.acceptedQuantity, 0)).toBeLessThanOrEqual(70);
  });

  it('gives the bulk validator the same takes, and every call starts again from what the line holds', () => {
    const validator = createValidator({ authorizationLines: [line], productsByVendorPart: new Map([['VP-100', 100]]) });
    for (let call = 0; call < 2; call++)
      expect(
        validator
          .validate(1, lines)
          .results()
          .map((r) => r.acceptedQuantity),
      ).toEqual([50, 20, 0]);
  });
});
