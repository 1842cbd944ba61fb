/**
 * An end customer given by account id on a claim line becomes its name: the rules engine matches
 * end customers by name (core/claims/rules.ts endCustomerKey) and a claim line keeps the name it
 * was judged on, so the id is resolved here, at the API edge, before the line is stored.
 */
import { endCustomerKey } from '../../core/claims/rules.js';
import { endCustomerNames } from './catalog.repository.js';
import { AppError, type FieldError } from '../errors.js';

interface LineWithEndCustomer {
  endCustomerId?: number | null;
  endCustomerName?: string | null;
}

/**
 * Returns the lines with `endCustomerName` set from `endCustomerId`. An id that is no end
 * customer's account, or a name given beside it that is another customer, is a 400 naming
 * `lines.<i>.endCustomerId`; nothing is stored.
 */
export async function resolveEndCustomerIds<L extends LineWithEndCustomer>(lines: L[], field = 'lines'): Promise<L[]> {
  const ids = [...new Set(lines.map((l) => l.endCustomerId).filter((id): id is number => typeof id === 'number'))];
  if (!ids.length) return lines;
  const nameOf = await endCustomerNames(ids);
  const errors: FieldError[] = [];
  const resolved = lines.map((l, i) => {
    if (typeof l.endCustomerId !== 'number') return l;
    const name = nameOf.get(l.endCustomerId);
    if (name === undefined) {
      errors.push({ field: `${field}.${i}.endCustomerId`, message: `no end customer has the id ${l.endCustomerId}` });
      return l;
    }
    if (l.endCustomerName && endCustomerKey(l.endCustomerName) !== endCustomerKey(name)) {
      errors.push({
        field: `${field}.${i}.endCustomerId`,
        message: `end customer ${l.endCustomerId} is "${name}", not "${l.endCustomerName}" (endCustomerName): give one, or both for the same customer`,
      });
      return l;
    }
    return { ...l, endCustomerName: name };
  });
  if (errors.length) {
    throw new AppError('VALIDATION_FAILED', `invalid body: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, 400, { errors });
  }
  return resolved;
}
