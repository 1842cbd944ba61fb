/**
 * From a parsed POS line to a claim line: an implicit claim is the POS lines that carry an
 * authorization number. The line number is the POS row, so verdict messages and parser errors
 * point at the same row of the distributor's file.
 */
import type { PosLine } from '../pos/parser.js';
import type { ClaimLineInput } from './engine.js';

/** What any sold line carries, whoever holds it: a parsed POS line, a claim-file row, a stored claim line. */
export interface SaleLineFields {
  authorizationNumber: string | null;
  vendorPartNumber: string | null;
  distributorPartNumber: string | null;
  endCustomerName: string | null;
  invoiceNumber: string;
  invoiceLine: string;
  invoiceDate: string;
  shipDate: string | null;
  quantity: number;
  authorizedCost: string | null;
  resalePrice: string | null;
  claimedAmount: string | null;
}

/**
 * The engine's input for a sold line. `set` gives what the caller decided rather than read: the
 * line number, the book cost (the vendor's on record wins over the one reported), the program
 * fields, and for an automatic match the authorization number and cost it picked.
 */
export function toClaimLineInput(
  line: SaleLineFields,
  set: Pick<ClaimLineInput, 'lineNumber' | 'bookCost'> &
    Partial<Pick<ClaimLineInput, 'extra' | 'authorizationNumber' | 'authorizedCost' | 'claimedAmount' | 'endCustomerId'>>,
): ClaimLineInput {
  // Field by field rather than a spread: one object shape for every line (a million lines a file).
  return {
    lineNumber: set.lineNumber,
    authorizationNumber: 'authorizationNumber' in set ? set.authorizationNumber : line.authorizationNumber,
    vendorPartNumber: line.vendorPartNumber,
    distributorPartNumber: line.distributorPartNumber,
    endCustomerId: set.endCustomerId,
    endCustomerName: line.endCustomerName,
    invoiceNumber: line.invoiceNumber,
    invoiceLine: line.invoiceLine,
    invoiceDate: line.invoiceDate,
    shipDate: line.shipDate,
    quantity: line.quantity,
    bookCost: set.bookCost,
    authorizedCost: 'authorizedCost' in set ? set.authorizedCost : line.authorizedCost,
    resalePrice: line.resalePrice,
    claimedAmount: 'claimedAmount' in set ? set.claimedAmount : line.claimedAmount,
    extra: set.extra,
  };
}

export function claimLineFromPos(line: PosLine, lineNumber: number = line.row): ClaimLineInput {
  const extra: Record<string, string> = { ...line.extra };
  // the customer (reseller) PO is what programs require as `resellerPoNumber`, as on the server's claim paths
  if (line.customerPo !== null) extra.resellerPoNumber ??= line.customerPo;
  if (line.debitMemoNumber !== null) extra.debitMemoNumber ??= line.debitMemoNumber;
  if (line.branch !== null) extra.branch ??= line.branch;
  if (line.soldToName !== null) extra.soldToName ??= line.soldToName;
  if (line.shipToName !== null) extra.shipToName ??= line.shipToName;
  if (line.country !== null) extra.country ??= line.country;
  return toClaimLineInput(line, { lineNumber, bookCost: line.bookCost ?? '', endCustomerId: null, extra });
}
