/**
 * Explanations in words: each reason code of a claim line becomes a sentence with the figures that
 * decided it, in the reader's language. Plain TypeScript (Intl only), so the server and the
 * components say the same thing. The figures come from the line and the inputs its verdict kept
 * (core/claims/explanation.ts writes them).
 */
import type { ReasonCode } from '../domain.js';
import { isMoneyText, parseMoney } from '../money.js';
import { CATALOGS, type Catalog, type MessageLocale } from './catalog.js';

/** The fields of a claim line an explanation reads (the API's ClaimLine has them all). */
export interface ExplainedLine {
  lineNumber: number;
  verdict: string;
  reasonCodes: string[];
  authorizationNumber: string | null;
  vendorPartNumber: string | null;
  distributorPartNumber?: string | null;
  endCustomerName: string | null;
  invoiceNumber: string;
  invoiceLine: string;
  invoiceDate: string;
  shipDate?: string | null;
  quantity: number;
  acceptedQuantity?: number;
  bookCost: string;
  authorizedCost: string | null;
  resalePrice?: string | null;
  claimedAmount: string;
  computedAmount: string;
  approvedAmount: string;
  verdictInputs: Record<string, unknown> | null;
  /** Finance's reason for a manual adjustment, when the line was adjusted. */
  adjustmentReason?: string | null;
}

/** Picks the catalog for a BCP 47 tag: "fr", "fr-CA" → French; anything else → English. */
export function catalogFor(locale: string | null | undefined): Catalog {
  const lang = (locale || '').toLowerCase().split('-')[0] as MessageLocale;
  return CATALOGS[lang] ?? CATALOGS.en;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, currency: string, maxDecimals: number) {
  const key = `${locale}|${currency}|${maxDecimals}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale || undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: maxDecimals,
    });
    numberFormats.set(key, f);
  }
  return f;
}

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
/** a < b for decimal strings, exactly; false when either is not an amount. */
const below = (a: string | null, b: string | null) => !!a && !!b && isMoneyText(a) && isMoneyText(b) && parseMoney(a).lt(parseMoney(b));

/**
 * The sentences explaining a line's verdict, one per reason code, in the locale's language with
 * its money in `currency` (Intl). A line with no reason gets one sentence for its verdict.
 */
export function explainLine(line: ExplainedLine, options: { locale?: string; currency: string }): string[] {
  const locale = options.locale ?? '';
  const c = catalogFor(locale);
  const inputs = line.verdictInputs ?? {};
  // the date the validity rules checked: the ship date when the claim was validated on it
  const shipChecked = inputs.dateChecked === 'shipDate';
  const checkedDate = (shipChecked ? line.shipDate : line.invoiceDate) || '—';
  const money = (v: unknown) => {
    const s = str(v);
    return s === null ? '—' : formatter(locale, options.currency, 2).format(s as unknown as number);
  };
  const unit = (v: unknown) => {
    const s = str(v);
    return s === null ? '—' : formatter(locale, options.currency, 4).format(s as unknown as number);
  };
  const count = (v: unknown) => (typeof v === 'number' ? new Intl.NumberFormat(locale || undefined).format(v) : String(v ?? '—'));
  const out: string[] = [];
  for (const code of line.reasonCodes as ReasonCode[]) {
    switch (code) {
      case 'AUTH_NOT_FOUND':
        out.push(c.authNotFound(line.authorizationNumber ?? '—'));
        break;
      case 'AUTH_EXPIRED':
        out.push(c.authExpired(shipChecked, checkedDate, str(inputs.validFrom) ?? '—', str(inputs.validTo) ?? '—'));
        break;
      case 'AUTH_CANCELLED':
        out.push(c.authCancelled(shipChecked, checkedDate, line.authorizationNumber ?? '—', str(inputs.cancelledFrom) ?? '—'));
        break;
      case 'AUTH_CLOSED_LOST':
        out.push(c.authClosedLost(shipChecked, checkedDate, str(inputs.closedLostOn) ?? '—', line.authorizationNumber ?? '—'));
        break;
      case 'AUTH_NOT_FOR_DISTRIBUTOR':
        out.push(c.authNotForDistributor(line.authorizationNumber ?? '—'));
        break;
      case 'PART_MISMATCH':
        out.push(
          c.partMismatch(
            [line.vendorPartNumber, line.distributorPartNumber].filter(Boolean).join(' / ') || '—',
            line.authorizationNumber ?? '—',
            str(inputs.authorizedVendorPartNumber),
          ),
        );
        break;
      case 'END_CUSTOMER_MISMATCH':
        out.push(c.endCustomerMismatch(line.endCustomerName ?? '—', str(inputs.authorizedEndCustomerName) ?? '—'));
        break;
      case 'QTY_EXCEEDS_APPROVED':
        out.push(
          c.quantityExceeds(
            count(line.quantity),
            count(inputs.remainingBefore ?? 0),
            count(line.acceptedQuantity),
            count(inputs.approvedQuantity),
          ),
        );
        break;
      case 'PRICE_ABOVE_AUTHORIZED': {
        const authorized = str(inputs.authorizedCost);
        const maxResale = str(inputs.maxResalePrice);
        const parts: string[] = [];
        if (below(line.authorizedCost, authorized)) parts.push(c.costBelowAuthorized(unit(line.authorizedCost), unit(authorized)));
        if (below(maxResale, line.resalePrice ?? null)) parts.push(c.resaleAboveMaximum(unit(line.resalePrice), unit(maxResale)));
        if (authorized && isMoneyText(line.bookCost) && !below(authorized, line.bookCost))
          parts.push(c.bookNotAboveAuthorized(unit(line.bookCost), unit(authorized)));
        out.push(...(parts.length ? parts : [c.priceAboveAuthorized(unit(line.authorizedCost), unit(authorized))]));
        break;
      }
      case 'AMOUNT_OVER_CLAIMED':
        out.push(c.amountOverClaimed(money(line.claimedAmount), money(line.computedAmount)));
        break;
      case 'DUPLICATE_LINE':
        out.push(c.duplicateLine(line.invoiceNumber, line.invoiceLine, str(inputs.duplicateOfLine)));
        break;
      case 'ALREADY_CLAIMED':
        out.push(c.alreadyClaimed(line.invoiceNumber, line.invoiceLine));
        break;
      case 'MISSING_REQUIRED_FIELD': {
        const fields = Array.isArray(inputs.missingFields) ? (inputs.missingFields as string[]) : [];
        out.push(c.missingFields(fields.map((f) => c.fieldName(f))));
        break;
      }
      case 'FILING_WINDOW_CLOSED':
        out.push(c.filingWindowClosed(line.invoiceDate, str(inputs.filingDeadline) ?? '—', count(inputs.claimFilingWindowDays)));
        break;
      case 'NO_POS_MATCH':
        out.push(c.noPosMatch(line.invoiceNumber, line.invoiceLine));
        break;
      case 'ADJUSTED_MANUALLY':
        out.push(c.adjusted(money(line.approvedAmount), money(line.claimedAmount), line.adjustmentReason ?? null));
        break;
      default:
        out.push(c.unknownReason(code));
    }
  }
  if (out.length === 0) out.push(c.verdictOnly(line.verdict, money(line.approvedAmount), money(line.claimedAmount)));
  return out;
}
