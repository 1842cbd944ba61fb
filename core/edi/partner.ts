/**
 * A trading partner's X12 settings: a plain type the server will keep per distributor. Who the
 * partner is in the ISA/GS envelopes, and the qualifiers it uses where the standard leaves a
 * choice: which REF carries the authorization (ship & debit) number, which LIN/PO1 product-id
 * qualifier means the vendor's part or the distributor's, which UIT price qualifier is resale,
 * book cost or authorized cost. The defaults are BEC's pick among the usual X12 codes, not a
 * published industry profile: a partner that uses other codes sets its own.
 */
import type { ReasonCode } from '../domain.js';

export interface X12PartnerSettings {
  /** the distributor's interchange id (ISA05/ISA06 when it sends, ISA07/ISA08 when we answer) */
  isaQualifier: string;
  isaId: string;
  /** ours (the vendor's) */
  ourIsaQualifier: string;
  ourIsaId: string;
  /** GS02/GS03 application codes; the ISA ids when absent */
  gsId?: string;
  ourGsId?: string;
  /** X12 version written in GS08 and ISA12 (read files may carry any) */
  version?: '004010' | '005010';
  /** ISA15: P production, T test */
  usage?: 'P' | 'T';
  /** REF01 qualifiers */
  refs: {
    invoice: readonly string[];
    authorization: readonly string[];
    debitMemo: readonly string[];
    customerPo: readonly string[];
  };
  /** LIN/PO1 product-id qualifiers (LIN02/04/06..., PO106/08...) */
  productIds: {
    vendorPart: readonly string[];
    distributorPart: readonly string[];
    upc: readonly string[];
  };
  /** UIT03 (or PO105) basis-of-price qualifiers; a UIT without one is the resale price */
  prices: {
    resalePrice: readonly string[];
    bookCost: readonly string[];
    authorizedCost: readonly string[];
  };
  /** a partner's own 849 reason codes where it does not use ours (reason-codes.ts) */
  reasonCodes?: Partial<Record<ReasonCode, string>>;
}

export const DEFAULT_PARTNER_QUALIFIERS: Pick<X12PartnerSettings, 'refs' | 'productIds' | 'prices'> = {
  refs: { invoice: ['IV', 'IK'], authorization: ['AH', 'PR', 'CT'], debitMemo: ['DM', 'CM'], customerPo: ['PO', 'CO'] },
  productIds: { vendorPart: ['VP', 'MG', 'MF'], distributorPart: ['BP', 'SK', 'IN'], upc: ['UP', 'UK', 'UA'] },
  prices: { resalePrice: ['RES', 'RS', 'SLP'], bookCost: ['DC', 'DIS', 'CST'], authorizedCost: ['CA', 'CON', 'AUC'] },
};

/** A partner from its ids and ours, with the default qualifiers (any of them may be overridden). */
export function partnerSettings(
  ids: Pick<X12PartnerSettings, 'isaQualifier' | 'isaId' | 'ourIsaQualifier' | 'ourIsaId'> & Partial<X12PartnerSettings>,
): X12PartnerSettings {
  return { ...DEFAULT_PARTNER_QUALIFIERS, ...ids };
}

/** The N1 entity codes read (N101): who a name loop is about. */
export const N1_ENTITIES = {
  distributor: ['DS', 'SE', 'SU'],
  shipTo: ['ST'],
  endCustomer: ['EN', 'EU', 'UC'],
  soldTo: ['BY', 'SO', 'BT'],
} as const;

/** PTD01 activities: sales, and returns (their quantities become negative). Others are reported and skipped. */
export const PTD_SALES = ['SS', 'SD', 'DS', 'CS', 'SH'] as const;
export const PTD_RETURNS = ['BN', 'RU', 'RB'] as const;

/** DTM01 qualifiers read. */
export const DTM_INVOICE = ['003', '004'];
export const DTM_SHIP = ['011', '010'];

/** AMT01: a line's total (867: extended resale; 844: the claimed debit) and the transaction's total. */
export const AMT_LINE = '1';
export const AMT_TOTAL = 'TT';
