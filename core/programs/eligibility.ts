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
  /** product families whose products are eligible beside `productIds` (both empty = every product) */
  productFamilies?: string[];
  distributorIds: number[];
  endCustomerIds: number[];
  /** ISO country codes the end customer must be in (the program's region); empty = anywhere */
  endCustomerCountries?: string[];
  /** per request line (the most one authorization line may approve) */
  quantityCap: number | null;
  priceFloor: string | null;
}

export interface EligibilityRequest {
  distributorId: number;
  endCustomerId: number;
  validFrom: string;
  validTo: string;
  /**
   * The end customer's country on record. `undefined` = not known here (the browser's preflight),
   * not checked; `null` = none on record, which a program with a region refuses.
   */
  endCustomerCountry?: string | null;
  /** `productFamily` as for the country: `undefined` = not known here, `null` = the product has none */
  lines: { productId: number; quantity: number; requestedCost: string; productFamily?: string | null }[];
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
  const countries = program.endCustomerCountries ?? [];
  if (countries.length && request.endCustomerCountry !== undefined) {
    const country = request.endCustomerCountry?.toUpperCase() ?? null;
    if (country === null || !countries.includes(country)) {
      problems.push({
        field: 'endCustomerId',
        message: `the end customer is ${country === null ? 'in no country on record' : `in ${country}`}; the program covers ${countries.join(', ')}`,
      });
    }
  }
  if (request.validFrom < program.startDate)
    problems.push({ field: 'validFrom', message: `before the program starts (${program.startDate})` });
  if (request.validTo > program.endDate) problems.push({ field: 'validTo', message: `after the program ends (${program.endDate})` });
  request.lines.forEach((line, i) => {
    if (!productEligible(program, line.productId, line.productFamily)) {
      problems.push({ field: `lines.${i}.productId`, message: 'this product is not eligible for the program' });
    }
    problems.push(...checkLineTerms(program, line.quantity, line.requestedCost, `lines.${i}.quantity`, `lines.${i}.requestedCost`));
  });
  return problems;
}

/**
 * The program's limits on one line's terms, for a request line and for a counter-offer alike (no
 * authorization is made below the price floor or above the quantity cap): the quantity cap applies
 * per line, so per authorization line.
 */
export function checkLineTerms(
  program: Pick<EligibilityProgram, 'quantityCap' | 'priceFloor'>,
  quantity: number | null,
  cost: string,
  quantityField: string,
  costField: string,
): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (quantity !== null && program.quantityCap !== null && quantity > program.quantityCap) {
    problems.push({ field: quantityField, message: `${quantity} is above the program's quantity cap of ${program.quantityCap}` });
  }
  if (!isMoneyText(cost)) {
    problems.push({ field: costField, message: 'not an amount' });
  } else if (program.priceFloor !== null && parseMoney(cost).lessThan(parseMoney(program.priceFloor))) {
    problems.push({ field: costField, message: `${cost} is below the program's price floor of ${program.priceFloor}` });
  }
  return problems;
}

/**
 * A product is eligible when the program lists neither products nor families, when it is listed,
 * or when its family is. A family not known here (`undefined`) cannot refuse it: the server,
 * which knows every product's family, checks again.
 */
export function productEligible(
  program: Pick<EligibilityProgram, 'productIds' | 'productFamilies'>,
  productId: number,
  family?: string | null,
) {
  const families = program.productFamilies ?? [];
  if (!program.productIds.length && !families.length) return true;
  if (program.productIds.includes(productId)) return true;
  if (!families.length) return false;
  return family === undefined || (family !== null && families.includes(family));
}
