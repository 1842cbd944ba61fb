/**
 * What makes a program definition valid, field by field. Plain TypeScript: the program builder
 * (`<bec-admin-programs>`) shows the same problems before sending that the server refuses with
 * (the zod schema's refinement and the PATCH merge both call `checkProgramDefinition`).
 */
import { isMoneyText, parseMoney } from '../money.js';
import type { EligibilityProblem } from './eligibility.js';

/** The builder's rules, in the API's words; absent optional fields mean "no limit". */
export interface ProgramDefinition {
  code: string;
  name: string;
  startDate: string;
  endDate: string;
  productIds?: readonly number[];
  productFamilies?: readonly string[];
  distributorIds?: readonly number[];
  endCustomerIds?: readonly number[];
  endCustomerCountries?: readonly string[];
  quantityCap?: number | null;
  priceFloor?: string | null;
  requiredClaimFields?: readonly string[];
  claimFilingWindowDays?: number | null;
}

/** The fields of a program that are lists (JSON text in the database, comma-separated in the builder form). */
export const PROGRAM_LIST_FIELDS = [
  'productIds',
  'productFamilies',
  'distributorIds',
  'endCustomerIds',
  'endCustomerCountries',
  'requiredClaimFields',
] as const;

export const PROGRAM_CODE = /^[A-Z0-9][A-Z0-9_-]*$/;
/** A claim field's name as claim lines and POS files carry it (`resellerPoNumber`, `customerPo`). */
export const CLAIM_FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const MAX_FILING_WINDOW_DAYS = 3650;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isDay = (d: string) =>
  DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

function duplicates<T>(list: readonly T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const x of list) (seen.has(x) ? twice : seen).add(x);
  return [...twice];
}

/** Every problem of a program definition, each naming its field (`requiredClaimFields.1`). */
export function checkProgramDefinition(p: ProgramDefinition): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!PROGRAM_CODE.test(p.code) || p.code.length < 2 || p.code.length > 40)
    add('code', '2 to 40 upper-case letters, digits, - and _, starting with a letter or digit');
  if (!p.name.trim()) add('name', 'required');
  else if (p.name.length > 200) add('name', 'at most 200 characters');
  if (!isDay(p.startDate)) add('startDate', 'not a date (YYYY-MM-DD)');
  if (!isDay(p.endDate)) add('endDate', 'not a date (YYYY-MM-DD)');
  else if (isDay(p.startDate) && p.endDate < p.startDate) add('endDate', 'endDate is before startDate');
  for (const [field, ids] of [
    ['productIds', p.productIds],
    ['distributorIds', p.distributorIds],
    ['endCustomerIds', p.endCustomerIds],
  ] as const) {
    (ids ?? []).forEach((id, i) => {
      if (!Number.isSafeInteger(id) || id <= 0) add(`${field}.${i}`, 'not an id');
    });
    for (const id of duplicates(ids ?? [])) add(field, `${id} is listed twice`);
  }
  (p.productFamilies ?? []).forEach((f, i) => {
    if (!f.trim() || f.length > 60) add(`productFamilies.${i}`, 'a family name of 1 to 60 characters');
  });
  (p.endCustomerCountries ?? []).forEach((c, i) => {
    if (!COUNTRY_CODE.test(c)) add(`endCustomerCountries.${i}`, `"${c}" is not an ISO 3166 country code (two upper-case letters)`);
  });
  if (p.quantityCap !== null && p.quantityCap !== undefined && (!Number.isSafeInteger(p.quantityCap) || p.quantityCap <= 0))
    add('quantityCap', 'a whole number above zero, or none');
  if (p.priceFloor !== null && p.priceFloor !== undefined) {
    if (!isMoneyText(p.priceFloor)) add('priceFloor', 'not an amount (digits, at most 4 decimals)');
    else if (parseMoney(p.priceFloor).isNegative()) add('priceFloor', 'below zero');
  }
  (p.requiredClaimFields ?? []).forEach((f, i) => {
    if (!CLAIM_FIELD_NAME.test(f) || f.length > 60) add(`requiredClaimFields.${i}`, `"${f}" is not a field name (letters, digits and _)`);
  });
  for (const f of duplicates(p.requiredClaimFields ?? [])) add('requiredClaimFields', `${f} is listed twice`);
  const w = p.claimFilingWindowDays;
  if (w !== null && w !== undefined && (!Number.isSafeInteger(w) || w < 1 || w > MAX_FILING_WINDOW_DAYS))
    add('claimFilingWindowDays', `a whole number of days from 1 to ${MAX_FILING_WINDOW_DAYS}, or none`);
  return problems;
}
