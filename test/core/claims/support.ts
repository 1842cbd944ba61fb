import type { AuthorizationLineFact, ClaimLineInput, ValidationContext } from '../../../core/claims/engine.js';
import { posKey } from '../../../core/claims/engine.js';

/** An authorization line for distributor 1, product 100 (part VP-100), cost 10, 100 approved. */
export function fact(overrides: Partial<AuthorizationLineFact> = {}): AuthorizationLineFact {
  return {
    authorizationId: 1,
    authorizationLineId: 11,
    authorizationNumber: 'SD-1',
    authorizationVersion: 1,
    distributorId: 1,
    productId: 100,
    vendorPartNumber: 'VP-100',
    endCustomerId: null,
    endCustomerName: null,
    authorizedCost: '10.0000',
    approvedQuantity: 100,
    consumedQuantity: 0,
    validFrom: '2025-01-01',
    validTo: '2025-06-30',
    programId: 7,
    programType: 'ship_and_debit',
    requiredFields: [],
    ...overrides,
  };
}

/** A valid claim line against `fact()`: 10 units at book 12.5, credit 25.00. */
export function claimLine(overrides: Partial<ClaimLineInput> = {}): ClaimLineInput {
  return {
    lineNumber: 1,
    authorizationNumber: 'SD-1',
    vendorPartNumber: 'VP-100',
    invoiceNumber: 'INV-1',
    invoiceLine: '1',
    invoiceDate: '2025-03-15',
    quantity: 10,
    bookCost: '12.5000',
    ...overrides,
  };
}

export interface TestWorld {
  facts: AuthorizationLineFact[];
  vendorParts?: Record<string, number>;
  distributorParts?: Record<string, number>;
  consumed?: string[]; // posKey values
  distributorId?: number;
}

export function context(world: TestWorld): ValidationContext {
  const vendorParts = world.vendorParts ?? { 'VP-100': 100, 'VP-200': 200 };
  const distributorParts = world.distributorParts ?? { 'DP-100': 100, 'DP-200': 200 };
  const consumed = new Set(world.consumed ?? []);
  return {
    distributorId: world.distributorId ?? 1,
    authorizationLines: (n) => world.facts.filter((f) => f.authorizationNumber === n),
    productByVendorPart: (p) => vendorParts[p],
    productByDistributorPart: (p) => distributorParts[p],
    isConsumed: (inv, line) => consumed.has(posKey(inv, line)),
  };
}

/** Numbers each line 1..n. */
export function numbered(lines: ClaimLineInput[]): ClaimLineInput[] {
  return lines.map((l, i) => ({ ...l, lineNumber: i + 1 }));
}
