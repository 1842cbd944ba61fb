/**
 * Reading back the documents we write (849, 845): the round-trip tests read them, and so can a
 * distributor's side of a test bed. The fields are the writer's (writer.ts); partner qualifiers
 * decide which REF is which.
 */
import type { ReasonCode } from '../domain.js';
import { Money } from '../money.js';
import type { X12PartnerSettings } from './partner.js';
import { reasonFromX12 } from './reason-codes.js';
import { element, X12Reader, type TransactionContext, type TransactionMapper, type X12ReaderEvent } from './reader.js';
import type { X12Segment } from './tokenizer.js';
import { AMT_CLAIMED, BPA_PURPOSE, QTY_CLAIMED, QTY_GRANTED, type AuthorizationChange, type X12LineResponse } from './writer.js';
import { x12Date } from './sale-lines.js';

export interface ReadClaimResponseLine {
  lineNumber: number;
  invoiceNumber: string;
  invoiceLine: string;
  vendorPartNumber: string | null;
  authorizationNumber: string | null;
  response: X12LineResponse;
  reason: ReasonCode | null;
  reasonCode: string | null;
  note: string | null;
  claimedQuantity: number;
  grantedQuantity: number;
  claimedAmount: string | null;
  grantedAmount: string;
}

export interface ReadClaimResponse {
  type: '849';
  claimNumber: string;
  date: string;
  debitMemoNumber: string | null;
  currency: string | null;
  lines: ReadClaimResponseLine[];
  total: string | null;
}

export interface ReadAuthorizationNotice {
  type: '845';
  change: AuthorizationChange;
  authorizationNumber: string;
  version: number;
  date: string;
  validFrom: string | null;
  validTo: string | null;
  distributorName: string | null;
  endCustomerName: string | null;
  currency: string | null;
  lines: { vendorPartNumber: string; authorizedCost: string; approvedQuantity: number }[];
}

export type ResponseEvent = { type: 'document'; document: ReadClaimResponse | ReadAuthorizationNotice };

class ClaimResponseMapper implements TransactionMapper<ResponseEvent> {
  private doc: ReadClaimResponse = {
    type: '849',
    claimNumber: '',
    date: '',
    debitMemoNumber: null,
    currency: null,
    lines: [],
    total: null,
  };
  private line: ReadClaimResponseLine | null = null;
  constructor(private readonly partner: X12PartnerSettings) {}

  segment(s: X12Segment): void {
    const d = this.doc;
    const l = this.line;
    switch (s.tag) {
      case 'BRC':
        d.claimNumber = element(s, 2);
        d.date = x12Date(element(s, 3));
        return;
      case 'CUR':
        d.currency = element(s, 2) || null;
        return;
      case 'PAD':
        this.line = {
          lineNumber: Number(element(s, 5)),
          invoiceNumber: '',
          invoiceLine: '',
          vendorPartNumber: null,
          authorizationNumber: null,
          response: 'accepted',
          reason: null,
          reasonCode: null,
          note: null,
          claimedQuantity: 0,
          grantedQuantity: 0,
          claimedAmount: null,
          grantedAmount: '0',
        };
        d.lines.push(this.line);
        return;
      case 'LIN':
        if (l) {
          l.invoiceLine = element(s, 1);
          for (let i = 2; i + 1 < s.elements.length; i += 2)
            if (this.partner.productIds.vendorPart.includes(element(s, i))) l.vendorPartNumber = element(s, i + 1);
        }
        return;
      case 'AAA':
        if (l) {
          l.reasonCode = element(s, 3) || null;
          l.reason = l.reasonCode ? reasonFromX12(l.reasonCode, this.partner) : null;
          l.response = element(s, 1) === 'N' ? 'rejected' : 'accepted';
        }
        return;
      case 'NTE':
        if (l) l.note = element(s, 2);
        return;
      case 'QTY':
        if (l && element(s, 1) === QTY_CLAIMED) l.claimedQuantity = Number(element(s, 2));
        if (l && element(s, 1) === QTY_GRANTED) l.grantedQuantity = Number(element(s, 2));
        return;
      case 'AMT':
        if (element(s, 1) === 'TT') d.total = element(s, 2);
        else if (l && element(s, 1) === AMT_CLAIMED) l.claimedAmount = element(s, 2);
        else if (l && element(s, 1) === '1') l.grantedAmount = element(s, 2);
        return;
      case 'REF': {
        const q = element(s, 1);
        if (l === null) {
          if (this.partner.refs.debitMemo.includes(q)) d.debitMemoNumber = element(s, 2);
        } else if (this.partner.refs.invoice.includes(q)) l.invoiceNumber = element(s, 2);
        else if (this.partner.refs.authorization.includes(q)) l.authorizationNumber = element(s, 2);
        return;
      }
      case 'CTT':
        this.line = null;
        return;
    }
  }

  end(ctx: TransactionContext<ResponseEvent>): void {
    for (const l of this.doc.lines)
      if (
        l.response === 'accepted' &&
        (l.reasonCode !== null ||
          l.grantedQuantity !== l.claimedQuantity ||
          (l.claimedAmount !== null && !new Money(l.claimedAmount).eq(new Money(l.grantedAmount))))
      )
        l.response = 'adjusted';
    ctx.emit({ type: 'document', document: this.doc });
  }
}

class AuthorizationNoticeMapper implements TransactionMapper<ResponseEvent> {
  private doc: ReadAuthorizationNotice = {
    type: '845',
    change: 'new',
    authorizationNumber: '',
    version: 0,
    date: '',
    validFrom: null,
    validTo: null,
    distributorName: null,
    endCustomerName: null,
    currency: null,
    lines: [],
  };

  segment(s: X12Segment): void {
    const d = this.doc;
    const last = d.lines[d.lines.length - 1];
    switch (s.tag) {
      case 'BPA': {
        const purpose = element(s, 1);
        d.change = (Object.keys(BPA_PURPOSE) as AuthorizationChange[]).find((k) => BPA_PURPOSE[k] === purpose) ?? 'new';
        d.authorizationNumber = element(s, 2);
        d.date = x12Date(element(s, 3));
        d.version = Number(element(s, 6) || '0');
        return;
      }
      case 'CUR':
        d.currency = element(s, 2) || null;
        return;
      case 'DTM':
        if (element(s, 1) === '007') d.validFrom = x12Date(element(s, 2));
        if (element(s, 1) === '036') d.validTo = x12Date(element(s, 2));
        return;
      case 'N1':
        if (element(s, 1) === 'DS') d.distributorName = element(s, 2) || null;
        if (element(s, 1) === 'EN') d.endCustomerName = element(s, 2) || null;
        return;
      case 'LIN':
        d.lines.push({ vendorPartNumber: element(s, 3), authorizedCost: '', approvedQuantity: 0 });
        return;
      case 'UIT':
        if (last) last.authorizedCost = element(s, 2);
        return;
      case 'QTY':
        if (last) last.approvedQuantity = Number(element(s, 2));
        return;
    }
  }

  end(ctx: TransactionContext<ResponseEvent>): void {
    ctx.emit({ type: 'document', document: this.doc });
  }
}

/** Reads 849s and 845s from a text; returns the documents of the accepted transactions and every event. */
export function readResponses(
  text: string,
  partner: X12PartnerSettings,
): { documents: (ReadClaimResponse | ReadAuthorizationNotice)[]; events: (X12ReaderEvent | ResponseEvent)[] } {
  const reader = new X12Reader<ResponseEvent>({
    mappers: { '849': () => new ClaimResponseMapper(partner), '845': () => new AuthorizationNoticeMapper() },
  });
  const events = [...reader.push(text), ...reader.end()];
  const documents: (ReadClaimResponse | ReadAuthorizationNotice)[] = [];
  let pending: ReadClaimResponse | ReadAuthorizationNotice | null = null;
  for (const e of events) {
    if (e.type === 'document') pending = e.document;
    if (e.type === 'transaction-end') {
      if (e.accepted && pending) documents.push(pending);
      pending = null;
    }
  }
  return { documents, events };
}
