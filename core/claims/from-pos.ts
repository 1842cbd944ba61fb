/**
 * From a parsed POS line to a claim line: an implicit claim is the POS lines that carry an
 * authorization number. The line number is the POS row, so verdict messages and parser errors
 * point at the same row of the distributor's file.
 */
import type { PosLine } from '../pos/parser.js';
import type { ClaimLineInput } from './engine.js';

export function claimLineFromPos(line: PosLine, lineNumber: number = line.row): ClaimLineInput {
  const extra: Record<string, string> = { ...line.extra };
  if (line.customerPo !== null) extra.customerPo ??= line.customerPo;
  if (line.debitMemoNumber !== null) extra.debitMemoNumber ??= line.debitMemoNumber;
  if (line.branch !== null) extra.branch ??= line.branch;
  if (line.soldToName !== null) extra.soldToName ??= line.soldToName;
  if (line.shipToName !== null) extra.shipToName ??= line.shipToName;
  if (line.country !== null) extra.country ??= line.country;
  return {
    lineNumber,
    authorizationNumber: line.authorizationNumber,
    vendorPartNumber: line.vendorPartNumber,
    distributorPartNumber: line.distributorPartNumber,
    endCustomerId: null,
    endCustomerName: line.endCustomerName,
    invoiceNumber: line.invoiceNumber,
    invoiceLine: line.invoiceLine,
    invoiceDate: line.invoiceDate,
    shipDate: line.shipDate,
    quantity: line.quantity,
    bookCost: line.bookCost ?? '',
    authorizedCost: line.authorizedCost,
    resalePrice: line.resalePrice,
    claimedAmount: line.claimedAmount,
    extra,
  };
}
