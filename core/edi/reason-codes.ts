/**
 * The engine's reason codes (core/domain.ts REASON_CODES, worded by core/messages) as the 849
 * writes them: AAA03 carries the code, NTE the engine's sentence. One table: typed over every
 * reason, so a reason added to the engine without its X12 code does not compile. A partner that
 * expects its own codes overrides some (`X12PartnerSettings.reasonCodes`).
 */
import type { ReasonCode } from '../domain.js';
import type { X12PartnerSettings } from './partner.js';

export const X12_REASON_CODES: Readonly<Record<ReasonCode, { code: string; text: string }>> = {
  AUTH_NOT_FOUND: { code: 'A1', text: 'authorization number not found' },
  AUTH_EXPIRED: { code: 'A2', text: 'sale outside the authorization validity' },
  AUTH_NOT_FOR_DISTRIBUTOR: { code: 'A3', text: 'authorization issued to another distributor' },
  PART_MISMATCH: { code: 'P1', text: 'part not on the authorization' },
  END_CUSTOMER_MISMATCH: { code: 'C1', text: 'end customer not on the authorization' },
  QTY_EXCEEDS_APPROVED: { code: 'Q1', text: 'quantity exceeds what remains approved' },
  PRICE_ABOVE_AUTHORIZED: { code: 'P2', text: 'claimed cost differs from the authorized cost' },
  AMOUNT_OVER_CLAIMED: { code: 'M1', text: 'amount claimed above the computed credit' },
  DUPLICATE_LINE: { code: 'D1', text: 'same invoice line twice in the claim' },
  ALREADY_CLAIMED: { code: 'D2', text: 'invoice line already claimed' },
  MISSING_REQUIRED_FIELD: { code: 'F1', text: 'required field missing' },
  NO_POS_MATCH: { code: 'S1', text: 'no matching POS line reported' },
  ADJUSTED_MANUALLY: { code: 'J1', text: 'adjusted by the vendor' },
  AUTH_CANCELLED: { code: 'A4', text: 'sale invoiced after the authorization was cancelled' },
  FILING_WINDOW_CLOSED: { code: 'F2', text: 'claimed after the filing window of the program closed' },
  AUTH_CLOSED_LOST: { code: 'A5', text: 'sale invoiced after the opportunity was lost' },
};

/** The code the partner reads for a reason. */
export function x12ReasonCode(reason: ReasonCode, partner?: Pick<X12PartnerSettings, 'reasonCodes'>): string {
  return partner?.reasonCodes?.[reason] ?? X12_REASON_CODES[reason].code;
}

/** A code read back (from an 849 we wrote): the engine's reason, or null when unknown. */
export function reasonFromX12(code: string, partner?: Pick<X12PartnerSettings, 'reasonCodes'>): ReasonCode | null {
  for (const [reason, own] of Object.entries(partner?.reasonCodes ?? {})) if (own === code) return reason as ReasonCode;
  for (const [reason, entry] of Object.entries(X12_REASON_CODES)) if (entry.code === code) return reason as ReasonCode;
  return null;
}
