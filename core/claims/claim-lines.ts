/** What the claims engine reads (authorization facts, claim lines, a context) and what it returns per line. */
import type { ProgramType, ReasonCode } from '../domain.js';

export interface AuthorizationLineFact {
  authorizationId: number;
  authorizationLineId: number;
  authorizationNumber: string;
  authorizationVersion: number;
  distributorId: number;
  productId: number;
  vendorPartNumber: string;
  endCustomerId: number | null; // null = any end customer
  endCustomerName: string | null;
  authorizedCost: string; // decimal string, up to 4 dp
  approvedQuantity: number; // integer
  consumedQuantity: number; // integer, already consumed by earlier claims
  validFrom: string;
  validTo: string; // 'YYYY-MM-DD', inclusive
  programId: number;
  programType: ProgramType;
  requiredFields: string[]; // extra claim fields the program mandates, e.g. 'resellerPoNumber'
  /** optional ceiling on the resale price the distributor reports (decimal string) */
  maxResalePrice?: string | null;
  /**
   * The authorization's versions for this line, oldest first (authorization_versions): each is in
   * force from its `effectiveFrom` until the next one's. When given, the index keeps one record per
   * version and a claim line meets the version in force on its (invoice) date; a `cancelled`
   * version ends the authorization on its effectiveFrom (AUTH_CANCELLED from then on).
   */
  versions?: readonly AuthorizationVersionFact[];
  /** set by the index on the record of a version: the day the authorization was cancelled from, if it was */
  cancelledFrom?: string | null;
  /**
   * The claim rules (filing window, required fields) of each version of the authorization's
   * program, newest first; absent or empty = no deadline, and `requiredFields` for every date.
   * The version in force on a line's invoice date decides.
   */
  filingWindows?: readonly FilingWindow[];
  /** the close date of the authorization's lost opportunity: a sale dated after it is refused (AUTH_CLOSED_LOST) */
  closedLostOn?: string | null;
}

export interface AuthorizationVersionFact {
  version: number;
  effectiveFrom: string;
  validFrom: string;
  validTo: string;
  authorizedCost: string;
  approvedQuantity: number;
  cancelled: boolean;
}

/** A program version's claim rules: its filing window and the claim fields it requires. */
export interface FilingWindow {
  programVersion: number;
  /** YYYYMMDD: the day the version took effect */
  fromDate: number;
  days: number | null;
  /**
   * the claim fields this version required (absent = the fact's `requiredFields`): a line is
   * judged by the fields of the version in force on its invoice date
   */
  requiredFields?: readonly string[];
}

export interface ClaimLineInput {
  lineNumber: number; // 1-based position in the claim or file
  authorizationNumber?: string | null;
  vendorPartNumber?: string | null;
  distributorPartNumber?: string | null;
  endCustomerId?: number | null;
  endCustomerName?: string | null;
  invoiceNumber: string;
  invoiceLine: string;
  invoiceDate: string;
  shipDate?: string | null; // 'YYYY-MM-DD'
  quantity: number;
  bookCost: string; // decimal string
  authorizedCost?: string | null; // the debit cost the distributor claims
  resalePrice?: string | null;
  claimedAmount?: string | null; // what the distributor asks for on this line
  extra?: Record<string, string | null | undefined>; // program-mandated fields
}

export interface ValidationContext {
  distributorId: number;
  /** all versions' active lines of authorizations by number (any distributor: the engine reports AUTH_NOT_FOR_DISTRIBUTOR) */
  authorizationLines(authorizationNumber: string): readonly AuthorizationLineFact[];
  /** product id for a vendor part number, and for this distributor's own part number */
  productByVendorPart(part: string): number | undefined;
  productByDistributorPart(part: string): number | undefined;
  /** true when the POS line (this distributor, invoice number, invoice line) is already consumed by another claim or program */
  isConsumed(invoiceNumber: string, invoiceLine: string): boolean;
}

export type ClaimLineVerdict = 'accepted' | 'partial' | 'rejected';

/** A verdict's replay inputs: values by name, and the list of missing fields. */
export type VerdictInputs = Record<string, string | number | null | string[]> & { missingFields?: string[] };

export interface LineVerdictResult {
  lineNumber: number;
  verdict: ClaimLineVerdict;
  reasonCodes: ReasonCode[]; // empty when accepted
  messages: string[]; // one human sentence per reason, shown to the distributor
  acceptedQuantity: number; // cut to what remains on a partial
  computedAmount: string; // (bookCost - authorizedCost of the authorization) x acceptedQuantity, to the cent, 4-dp string
  /** the credit to grant: computedAmount, or the claimed amount when the distributor asked for less */
  approvedAmount: string;
  authorizationLineId: number | null;
  authorizationVersion: number | null;
  rule: string | null; // the first rule that rejected or cut, e.g. 'quantityWithinApproved'
  /**
   * the inputs that decided the verdict, enough to replay it; `missingFields` names the fields a
   * MISSING_REQUIRED_FIELD blames (absent or malformed), in the order the rules found them
   */
  inputs: VerdictInputs;
}

export interface ValidationOptions {
  /** which date must lie inside the validity window; 'ship' uses the ship date when present */
  dateBasis?: 'invoice' | 'ship';
  /**
   * Decimals of the claim currency's minor unit (ISO 4217; core/currency.ts), 2 by default:
   * credits round half-up to it, and an approved amount is a whole number of it.
   */
  minorUnitExponent?: number;
  /**
   * The day the lines are submitted ('YYYY-MM-DD'): a line submitted after its invoice date + the
   * program's claim filing window is FILING_WINDOW_CLOSED. Absent = no deadline is checked.
   */
  submittedOn?: string;
}
