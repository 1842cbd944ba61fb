/**
 * The rules engine's verdicts in the browser, before anything is sent: the same
 * `validateClaimLines` the server runs, over the parsed POS rows that quote an authorization
 * number, against the distributor's own authorizations.
 *
 * What only the server knows is left to the server: whether a POS line was already claimed
 * (ALREADY_CLAIMED) and the distributor's own part numbers (rows with only a distributor part
 * number are not pre-checked).
 */
import {
  validateClaimLines,
  type AuthorizationLineFact,
  type ClaimLineInput,
  type LineVerdictResult,
  type RuleName,
} from '../../core/claims/engine.js';
import type { PosLine } from '../../core/pos/index.js';
import { toClaimLineInput } from '../../core/claims/from-pos.js';

export { authorizationFacts, loadAuthorizationFacts, type AuthorizationView } from './authorization-facts.js';

/** The claim-line field each rule reads: where a rejection or a cut is shown. */
const RULE_FIELD: Record<RuleName, string> = {
  requiredLineFields: 'authorizationNumber',
  notDuplicateInClaim: 'invoiceLine',
  notAlreadyClaimed: 'invoiceLine',
  authorizationFound: 'authorizationNumber',
  authorizationForDistributor: 'authorizationNumber',
  partMatches: 'vendorPartNumber',
  dateWithinValidity: 'invoiceDate',
  endCustomerMatches: 'endCustomerName',
  programRequiredFields: 'extra',
  costNotBelowAuthorized: 'authorizedCost',
  resaleWithinCeiling: 'resalePrice',
  bookCostAboveAuthorized: 'bookCost',
  quantityWithinApproved: 'quantity',
  amountNotOverClaimed: 'claimedAmount',
  withinFilingWindow: 'invoiceDate',
};

/**
 * The field a verdict blames: the first missing field it names, else the field of the rule that
 * decided it (the date the engine checked for a date outside validity).
 */
export function verdictField(v: Pick<LineVerdictResult, 'rule' | 'inputs'>): string {
  const missing = v.inputs.missingFields?.[0];
  if (missing) return missing;
  if (v.rule === 'dateWithinValidity' && v.inputs.dateChecked === 'shipDate') return 'shipDate';
  return v.rule ? RULE_FIELD[v.rule as RuleName] : 'authorizationNumber';
}

export interface EngineProblem {
  row: number;
  field: string;
  message: string;
  verdict: 'partial' | 'rejected';
  reasonCodes: string[];
}

/** Runs the engine over the rows that can be checked here; returns the partial and rejected ones. */
export function engineProblems(lines: readonly PosLine[], facts: readonly AuthorizationLineFact[], distributorId: number): EngineProblem[] {
  const byNumber = new Map<string, AuthorizationLineFact[]>();
  for (const f of facts) {
    const list = byNumber.get(f.authorizationNumber);
    if (list) list.push(f);
    else byNumber.set(f.authorizationNumber, [f]);
  }
  const productByPart = new Map(facts.map((f) => [f.vendorPartNumber, f.productId]));
  const checkable = lines.filter((l) => l.authorizationNumber && l.vendorPartNumber && l.bookCost && l.quantity > 0);
  const inputs: ClaimLineInput[] = checkable.map((l, i) =>
    toClaimLineInput(l, { lineNumber: i + 1, bookCost: l.bookCost!, extra: l.extra }),
  );

  const verdicts = validateClaimLines(inputs, {
    distributorId,
    authorizationLines: (n) => byNumber.get(n) ?? [],
    productByVendorPart: (p) => productByPart.get(p),
    productByDistributorPart: () => undefined,
    isConsumed: () => false,
  });
  return verdicts
    .filter((v) => v.verdict !== 'accepted')
    .map((v) => ({
      row: checkable[v.lineNumber - 1].row,
      field: verdictField(v),
      verdict: v.verdict as 'partial' | 'rejected',
      reasonCodes: v.reasonCodes,
      message: `${v.verdict === 'partial' ? `partly accepted (${v.acceptedQuantity} units)` : 'would be rejected'}: ${v.reasonCodes.join(', ')}${v.messages.length ? ` — ${v.messages.join(' ')}` : ''}`,
    }));
}
