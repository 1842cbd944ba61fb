import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePosText } from '../../../core/pos/index.js';
import { claimLineFromPos, toClaimLineInput } from '../../../core/claims/from-pos.js';
import { validateClaimLines, summarizeVerdicts } from '../../../core/claims/engine.js';
import { context, fact } from './support.js';

describe('POS file to verdicts', () => {
  it('validates the claim lines of a parsed POS file, pointing at its rows', () => {
    const { lines, errors } = parsePosText(readFileSync(join(__dirname, '../../fixtures/pos/clean-comma.csv'), 'utf8'));
    expect(errors).toEqual([]);
    const facts = [
      fact({ endCustomerName: 'Acme Corp', validTo: '2025-12-31' }),
      fact({ authorizationLineId: 12, productId: 200, vendorPartNumber: 'VP-200', authorizedCost: '7.10', validTo: '2025-12-31' }),
      fact({ authorizationNumber: 'SD-2', authorizationLineId: 21, authorizedCost: '0.10', validTo: '2025-12-31' }),
    ];
    const results = validateClaimLines(
      lines.map((l) => claimLineFromPos(l)),
      context({ facts }),
    );
    expect(results.map((r) => [r.lineNumber, r.verdict, r.computedAmount, r.approvedAmount])).toEqual([
      [2, 'accepted', '25.0000', '25.0000'],
      [3, 'accepted', '1.0000', '1.0000'],
      [4, 'accepted', '0.1000', '0.1000'],
    ]);
    expect(summarizeVerdicts(results).computedAmount).toBe('26.1000');
  });

  it('carries unmapped columns and the customer PO as extra fields a program may require', () => {
    const { lines } = parsePosText(readFileSync(join(__dirname, '../../fixtures/pos/header-aliases.csv'), 'utf8'));
    const claim = claimLineFromPos(lines[0]!);
    expect(claim).toMatchObject({ lineNumber: 2, invoiceLine: '001', extra: { resellerPoNumber: 'RPO-1' } });
    const [r] = validateClaimLines(
      [claim],
      context({ facts: [fact({ requiredFields: ['resellerPoNumber'], endCustomerName: 'acme corp' })] }),
    );
    expect(r!.verdict).toBe('accepted');
  });

  it('rejects a return line (negative quantity) as not claimable', () => {
    const { lines } = parsePosText(readFileSync(join(__dirname, '../../fixtures/pos/header-aliases.csv'), 'utf8'));
    const [r] = validateClaimLines(
      [claimLineFromPos(lines[1]!)],
      context({ facts: [fact({ productId: 200, vendorPartNumber: 'VP-200' })] }),
    );
    expect(r!.reasonCodes).toEqual(['MISSING_REQUIRED_FIELD']);
    expect(r!.messages[0]).toContain('quantity -2 is not a whole number above zero');
  });
});

describe('toClaimLineInput', () => {
  const sold = {
    authorizationNumber: null,
    vendorPartNumber: 'VP-1',
    distributorPartNumber: null,
    endCustomerName: 'Acme',
    invoiceNumber: 'INV-1',
    invoiceLine: '2',
    invoiceDate: '2026-10-01',
    shipDate: null,
    quantity: 5,
    authorizedCost: null,
    resalePrice: '3.0000',
    claimedAmount: null,
  };
  it('copies the sold line and lets what the caller decided win (an automatic match, the book cost on record)', () => {
    const input = toClaimLineInput(sold, { lineNumber: 7, bookCost: '4.0000', authorizationNumber: 'SD-9', authorizedCost: '2.5000' });
    expect(input).toEqual({ ...sold, lineNumber: 7, bookCost: '4.0000', authorizationNumber: 'SD-9', authorizedCost: '2.5000' });
    expect(sold.authorizationNumber).toBeNull();
  });
  it("keeps the line's own values where the caller sets nothing", () => {
    const input = toClaimLineInput({ ...sold, authorizationNumber: 'SD-1', claimedAmount: '1.0000' }, { lineNumber: 1, bookCost: '' });
    expect([input.authorizationNumber, input.claimedAmount, input.extra]).toEqual(['SD-1', '1.0000', undefined]);
  });
});
