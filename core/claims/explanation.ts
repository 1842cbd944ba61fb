/** Explanations: a verdict's messages and replay inputs, built on demand from the columns. */
import { REASON_CODES } from '../domain.js';
import { RULE_NAMES, filingDeadline, filingWindowOn, hasValue } from './rules.js';
import { isoDateFromInt, parseIsoDate } from './units.js';
import type { ClaimLineInput, LineVerdictResult, VerdictInputs } from './claim-lines.js';
import type { CompactVerdicts } from './verdicts.js';
import {
  ALREADY_CLAIMED,
  AMOUNT_OVER_CLAIMED,
  AUTH_CLOSED_LOST,
  AUTH_EXPIRED,
  AUTH_CANCELLED,
  AUTH_NOT_FOR_DISTRIBUTOR,
  AUTH_NOT_FOUND,
  DUPLICATE_LINE,
  END_CUSTOMER_MISMATCH,
  FILING_WINDOW_CLOSED,
  F_PARTS_CONFLICT,
  F_PRICE_BOOK,
  F_PRICE_COST,
  F_PRICE_RESALE,
  MISSING_REQUIRED_FIELD,
  PART_MISMATCH,
  PRICE_ABOVE_AUTHORIZED,
  QTY_EXCEEDS_APPROVED,
  VERDICT_NAMES,
  unpackReasons,
} from './verdict-codes.js';

function text(value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : value;
}

function describeMissing(line: ClaimLineInput, field: string): string {
  const value = field in line ? (line as unknown as Record<string, unknown>)[field] : line.extra?.[field];
  if (!hasValue(value)) return `${field} is missing`;
  if (field === 'quantity') return `quantity ${JSON.stringify(value)} is not a whole number above zero`;
  if (field === 'invoiceDate' || field === 'shipDate') return `${field} "${String(value)}" is not a date (YYYY-MM-DD)`;
  if (field === 'bookCost' || field === 'authorizedCost' || field === 'resalePrice' || field === 'claimedAmount') {
    return `${field} "${String(value)}" is not an amount (digits, at most 4 decimals, not negative)`;
  }
  return `${field} "${String(value)}" is not valid`;
}

export function explain(v: CompactVerdicts, i: number): LineVerdictResult {
  const line = v.line(i);
  const j = v.authorizationLine[i]!;
  const index = v.index;
  const fact = j >= 0 ? index.facts[j]! : null;
  const codes = unpackReasons(v.reasons[i]!);
  const flags = v.flags[i]!;
  const authorization = text(line.authorizationNumber);
  const dateField = v.dateBasis === 'ship' && hasValue(line.shipDate) && parseIsoDate(line.shipDate) >= 0 ? 'shipDate' : 'invoiceDate';
  const checkedDate = dateField === 'shipDate' ? line.shipDate! : line.invoiceDate;
  const computedAmount = v.computedAmountOf(i);
  // the program version in force on the invoice date, and its filing window (recomputed: pure)
  const invoiceDay = parseIsoDate(line.invoiceDate);
  const windows = fact?.filingWindows;
  const filing = windows && windows.length && invoiceDay >= 0 ? filingWindowOn(windows, invoiceDay) : null;
  const deadline = filing && filing.days !== null ? isoDateFromInt(filingDeadline(windows!, invoiceDay)) : null;
  const messages: string[] = [];
  for (const code of codes) {
    switch (code) {
      case MISSING_REQUIRED_FIELD: {
        const parts = (v.missingFields.get(i) ?? []).map((f) => describeMissing(line, f));
        messages.push(`Required information is missing or invalid: ${parts.join('; ')}.`);
        break;
      }
      case DUPLICATE_LINE: {
        messages.push(`Invoice ${line.invoiceNumber} line ${line.invoiceLine} is already on line ${v.duplicateOf.get(i)} of this claim.`);
        break;
      }
      case ALREADY_CLAIMED:
        messages.push(`Invoice ${line.invoiceNumber} line ${line.invoiceLine} was already claimed in another claim or program.`);
        break;
      case AUTH_NOT_FOUND:
        messages.push(`Authorization ${authorization} was not found.`);
        break;
      case AUTH_NOT_FOR_DISTRIBUTOR:
        messages.push(`Authorization ${authorization} was not issued to your company.`);
        break;
      case PART_MISMATCH: {
        const part = [line.vendorPartNumber, line.distributorPartNumber].filter((p) => hasValue(p)).join(' / ');
        messages.push(
          flags & F_PARTS_CONFLICT
            ? `Vendor part ${line.vendorPartNumber} and your part ${line.distributorPartNumber} are different products.`
            : `Part ${part} is not on authorization ${authorization}.`,
        );
        break;
      }
      case AUTH_EXPIRED: {
        const when = checkedDate < fact!.validFrom ? 'before the authorization starts' : 'after the authorization expired';
        messages.push(
          `The ${dateField === 'shipDate' ? 'ship' : 'invoice'} date ${checkedDate} is ${when} (valid ${fact!.validFrom} to ${fact!.validTo}).`,
        );
        break;
      }
      case AUTH_CANCELLED:
        messages.push(
          `Authorization ${authorization} was cancelled from ${fact!.cancelledFrom}: the ${dateField === 'shipDate' ? 'ship' : 'invoice'} date ${checkedDate} is not covered.`,
        );
        break;
      case AUTH_CLOSED_LOST:
        messages.push(
          `The ${dateField === 'shipDate' ? 'ship' : 'invoice'} date ${checkedDate} is after ${fact!.closedLostOn}, when the opportunity of authorization ${authorization} was lost.`,
        );
        break;
      case END_CUSTOMER_MISMATCH: {
        const claimed = hasValue(line.endCustomerName) ? `"${line.endCustomerName}"` : `#${line.endCustomerId}`;
        const authorized = fact!.endCustomerName ? `"${fact!.endCustomerName}"` : `#${fact!.endCustomerId}`;
        messages.push(`End customer ${claimed} does not match the authorized end customer ${authorized}.`);
        break;
      }
      case PRICE_ABOVE_AUTHORIZED: {
        const parts: string[] = [];
        if (flags & F_PRICE_COST)
          parts.push(`the claimed debit cost ${line.authorizedCost} is below the authorized cost ${fact!.authorizedCost}`);
        if (flags & F_PRICE_RESALE)
          parts.push(`the resale price ${line.resalePrice} is above the authorized maximum ${fact!.maxResalePrice}`);
        if (flags & F_PRICE_BOOK)
          parts.push(
            `the book cost ${line.bookCost} is not above the authorized cost ${fact!.authorizedCost}, so there is nothing to recover`,
          );
        const sentence = parts.join('; and ');
        messages.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.');
        break;
      }
      case QTY_EXCEEDS_APPROVED: {
        const left = v.remainingBefore[i]!;
        messages.push(
          v.acceptedQuantity[i]! > 0
            ? `Only ${left} of the ${line.quantity} units claimed remain on authorization ${authorization}; ${v.acceptedQuantity[i]} were accepted.`
            : `No quantity remains on authorization ${authorization} for this part (${fact!.approvedQuantity} approved, all claimed).`,
        );
        break;
      }
      case FILING_WINDOW_CLOSED:
        messages.push(
          `Invoiced ${line.invoiceDate}; the claim filing window closed ${deadline} (${filing!.days} days), before this line was submitted.`,
        );
        break;
      case AMOUNT_OVER_CLAIMED:
        messages.push(`The claimed amount ${line.claimedAmount} is above the computed credit; the credit was cut to ${computedAmount}.`);
        break;
      default:
        messages.push(`${REASON_CODES[code]}.`);
    }
  }
  const inputs: VerdictInputs = {
    distributorId: v.distributorId,
    authorizationNumber: authorization,
    invoiceNumber: text(line.invoiceNumber),
    invoiceLine: text(line.invoiceLine),
    invoiceDate: text(line.invoiceDate),
    shipDate: text(line.shipDate),
    dateChecked: dateField,
    vendorPartNumber: text(line.vendorPartNumber),
    distributorPartNumber: text(line.distributorPartNumber),
    endCustomerId: line.endCustomerId ?? null,
    endCustomerName: text(line.endCustomerName),
    quantity: typeof line.quantity === 'number' ? line.quantity : null,
    bookCost: text(line.bookCost),
    claimedAuthorizedCost: text(line.authorizedCost),
    resalePrice: text(line.resalePrice),
    claimedAmount: text(line.claimedAmount),
  };
  const missing = v.missingFields.get(i);
  // a copy: the caller owns its inputs, the verdicts object keeps its own list
  if (missing !== undefined) inputs.missingFields = [...missing];
  if (v.duplicateOf.has(i)) inputs.duplicateOfLine = v.duplicateOf.get(i)!;
  if (v.consumed.has(i)) inputs.alreadyConsumed = 1;
  if (fact) {
    inputs.authorizationLineId = fact.authorizationLineId;
    inputs.authorizationVersion = fact.authorizationVersion;
    inputs.authorizedProductId = fact.productId;
    inputs.authorizedVendorPartNumber = fact.vendorPartNumber;
    inputs.validFrom = fact.validFrom;
    inputs.validTo = fact.validTo;
    if (fact.cancelledFrom) inputs.cancelledFrom = fact.cancelledFrom;
    if (fact.closedLostOn) inputs.closedLostOn = fact.closedLostOn;
    inputs.authorizedCost = fact.authorizedCost;
    inputs.maxResalePrice = text(fact.maxResalePrice);
    inputs.authorizedEndCustomerId = fact.endCustomerId;
    inputs.authorizedEndCustomerName = fact.endCustomerName;
    inputs.approvedQuantity = fact.approvedQuantity;
    inputs.consumedQuantity = fact.consumedQuantity;
    const left = v.remainingBefore[i]!;
    inputs.remainingBefore = Number.isNaN(left) ? null : left;
    if (filing) {
      inputs.programVersion = filing.programVersion;
      inputs.claimFilingWindowDays = filing.days;
      inputs.filingDeadline = deadline;
    }
  }
  const ruleIndex = v.rule[i]!;
  return {
    lineNumber: line.lineNumber,
    verdict: VERDICT_NAMES[v.verdict[i]!]!,
    reasonCodes: codes.map((c) => REASON_CODES[c]!),
    messages,
    acceptedQuantity: v.acceptedQuantity[i]!,
    computedAmount,
    approvedAmount: v.approvedAmountOf(i),
    authorizationLineId: fact ? fact.authorizationLineId : null,
    authorizationVersion: fact ? fact.authorizationVersion : null,
    rule: ruleIndex === 0 ? null : RULE_NAMES[ruleIndex - 1]!,
    inputs,
  };
}
