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
import { explainLine } from '../../core/messages/index.js';
import { formatDate, formatNumber } from '../shared/format.js';
import { msg, uiLocale } from '../shared/i18n.js';
import './i18n-preflight.js';

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

/** The reader's locale and the currency of the amounts: how a problem is worded. */
export interface Wording {
  locale?: string;
  currency?: string;
}

const DATE_INPUTS = ['validFrom', 'validTo', 'cancelledFrom', 'closedLostOn', 'filingDeadline'] as const;

/**
 * A verdict in the reader's words, as the claim grid's line detail says it (core/messages):
 * "Would be rejected: You claimed $3.50 a unit; the authorized cost is $4.10.", money in the
 * currency, quantities grouped and dates in the locale; never the reason code.
 */
export function verdictText(line: ClaimLineInput, v: LineVerdictResult, wording: Wording = {}): string {
  const locale = uiLocale(wording.locale);
  const date = (d: unknown) => (typeof d === 'string' && d ? formatDate(d, locale) : d);
  const inputs: Record<string, unknown> = { ...v.inputs };
  for (const k of DATE_INPUTS) inputs[k] = date(inputs[k]);
  const why = explainLine(
    {
      ...line,
      authorizationNumber: line.authorizationNumber ?? null,
      vendorPartNumber: line.vendorPartNumber ?? null,
      endCustomerName: line.endCustomerName ?? null,
      invoiceDate: date(line.invoiceDate) as string,
      shipDate: date(line.shipDate) as string | null,
      authorizedCost: line.authorizedCost ?? null,
      claimedAmount: line.claimedAmount ?? v.computedAmount,
      verdict: v.verdict,
      reasonCodes: v.reasonCodes,
      acceptedQuantity: v.acceptedQuantity,
      computedAmount: v.computedAmount,
      approvedAmount: v.approvedAmount,
      verdictInputs: inputs,
    },
    { locale, currency: wording.currency || 'USD' },
  ).join(' ');
  return v.verdict === 'partial'
    ? msg(locale, 'preflight.partial', { count: formatNumber(v.acceptedQuantity, locale), why })
    : msg(locale, 'preflight.rejected', { why });
}

/** Runs the engine over the rows that can be checked here; returns the partial and rejected ones, worded for the reader. */
export function engineProblems(
  lines: readonly PosLine[],
  facts: readonly AuthorizationLineFact[],
  distributorId: number,
  wording: Wording = {},
): EngineProblem[] {
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
      message: verdictText(inputs[v.lineNumber - 1]!, v, wording),
    }));
}
