/**
 * Whether a special-price request fits its program. Plain TypeScript: the request form runs the
 * same check before sending, the server runs it again before storing.
 */
import { isMoneyText, parseMoney } from '../money.js';

export interface EligibilityProgram {
  type: string;
  status: 'active' | 'inactive';
  startDate: string;
  endDate: string;
  productIds: number[];
  distributorIds: number[];
  endCustomerIds: number[];
  quantityCap: number | null;
  priceFloor: string | null;
}

export interface EligibilityRequest {
  distributorId: number;
  endCustomerId: number;
  validFrom: string;
  validTo: string;
  lines: { productId: number; quantity: number; requestedCost: string }[];
}

export interface EligibilityProblem {
  field: string;
  message: string;
}

export function checkRequestEligibility(program: EligibilityProgram, request: EligibilityRequest): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (program.status !== 'active') problems.push({ field: 'programId', message: 'the program is not active' });
  if (program.type === 'rebate') problems.push({ field: 'programId', message: 'rebate programs take no special-price requests' });
  if (program.distributorIds.length && !program.distributorIds.includes(request.distributorId)) {
    problems.push({ field: 'distributorId', message: 'this distributor is not eligible for the program' });
  }
  if (program.endCustomerIds.length && !program.endCustomerIds.includes(request.endCustomerId)) {
    problems.push({ field: 'endCustomerId', message: 'this end customer is not eligible for the program' });
  }
  if (request.validFrom < program.startDate)
    problems.push({ field: 'validFrom', message: `before the program starts (${program.startDate})` });
  if (request.validTo > program.endDate) problems.push({ field: 'validTo', message: `after the program ends (${program.endDate})` });
  const floor = program.priceFloor === null ? null : parseMoney(program.priceFloor);
  request.lines.forEach((line, i) => {
    if (program.productIds.length && !program.productIds.includes(line.productId)) {
      problems.push({ field: `lines.${i}.productId`, message: 'this product is not eligible for the program' });
    }
    if (program.quantityCap !== null && line.quantity > program.quantityCap) {
      problems.push({ field: `lines.${i}.quantity`, message: `above the program's quantity cap of ${program.quantityCap}` });
    }
    if (!isMoneyText(line.requestedCost)) {
      problems.push({ field: `lines.${i}.requestedCost`, message: 'not an amount' });
    } else if (floor && parseMoney(line.requestedCost).lessThan(floor)) {
      problems.push({ field: `lines.${i}.requestedCost`, message: `below the program's price floor of ${program.priceFloor}` });
    }
  });
  return problems;
}
