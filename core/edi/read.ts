/**
 * Reading an X12 file from a partner: the envelope reader with the 867 and 844 mappers. Two ways:
 * - `X12FileReader` streams: `push(chunk)` / `end()` return events as the chunks complete them.
 *   Lines are provisional until their transaction's `transaction-end` says `accepted`: a consumer
 *   that writes as it reads keeps them per transaction and drops them on a rejection (the import
 *   stages its rows; a transaction ends well before memory matters only if it must buffer).
 * - `readX12` collects: only the lines of accepted transactions, the claims, every error and the
 *   receipts the 997 is written from. For files that fit in memory (tests, the browser preflight).
 */
import type { PosLine } from '../pos/parser.js';
import type { X12Error } from './errors.js';
import type { X12PartnerSettings } from './partner.js';
import { element, X12Reader, type InterchangeReceipt, type X12ReaderEvent } from './reader.js';
import { X12Tokenizer } from './tokenizer.js';
import { CLAIM_HEADERS, isClaimHeader, SaleLineSink, SaleLinesMapper, x12Date, type SaleEvent, type X12ClaimEvent } from './sale-lines.js';

export type X12Event = X12ReaderEvent | SaleEvent;

export interface X12FileReaderOptions {
  /** skip interchanges whose ISA sender is not the partner's (default true) */
  checkSender?: boolean;
}

/** The streaming reader of a partner's 867s and 844s. */
export class X12FileReader {
  private readonly reader: X12Reader<SaleEvent>;
  private readonly sink = new SaleLineSink();

  constructor(partner: X12PartnerSettings, options: X12FileReaderOptions = {}) {
    this.reader = new X12Reader<SaleEvent>({
      mappers: {
        '867': () => new SaleLinesMapper('867', partner, this.sink),
        '844': () => new SaleLinesMapper('844', partner, this.sink),
      },
      expectSender: options.checkSender === false ? null : { qualifier: partner.isaQualifier, id: partner.isaId },
    });
  }

  push(chunk: string): X12Event[] {
    return this.reader.push(chunk);
  }

  end(): X12Event[] {
    return this.reader.end();
  }

  /** What was received, per interchange, group and transaction: the 997's input. */
  get receipts(): InterchangeReceipt[] {
    return this.reader.receipts;
  }

  get stats(): X12Reader<SaleEvent>['stats'] {
    return this.reader.stats;
  }
}

export interface X12Claim extends X12ClaimEvent {
  /** the claimed lines, in file order (claimLineFromPos makes the engine's input of each) */
  claimLines: PosLine[];
}

export interface X12ReadResult {
  /** the POS lines of the accepted 867s */
  posLines: PosLine[];
  /** the accepted 844s */
  claims: X12Claim[];
  errors: X12Error[];
  receipts: InterchangeReceipt[];
}

/** Reads a whole file (a string, or chunks). */
export async function readX12(
  input: string | Iterable<string> | AsyncIterable<string>,
  partner: X12PartnerSettings,
  options: X12FileReaderOptions = {},
): Promise<X12ReadResult> {
  const reader = new X12FileReader(partner, options);
  const result: X12ReadResult = { posLines: [], claims: [], errors: [], receipts: reader.receipts };
  let held: PosLine[] = [];
  const take = (events: X12Event[]) => {
    for (const e of events) {
      if (e.type === 'line') held.push(e.line);
      else if (e.type === 'error') result.errors.push(e.error);
      else if (e.type === 'claim') result.claims.push({ ...e, claimLines: held.slice() });
      else if (e.type === 'transaction') held = [];
      else if (e.type === 'transaction-end') {
        if (e.transaction.type === '867' && e.accepted) for (const line of held) result.posLines.push(line);
        if (e.transaction.type === '844' && !e.accepted) result.claims = result.claims.filter((c) => c.transaction !== e.transaction);
        held = [];
      }
    }
  };
  if (typeof input === 'string') take(reader.push(input));
  else for await (const chunk of input) take(reader.push(chunk));
  take(reader.end());
  return result;
}

/** What a file's first interchange says it holds: the first transaction's type, the sender, and an 844's claim header. */
export interface X12FileHead {
  senderQualifier: string;
  senderId: string;
  /** ST01 of the first transaction (null: none in the text read) */
  firstTransaction: string | null;
  /** the first 844's debit memo number (BGN02 / BAA05), date (BGN03 / BAA03, YYYY-MM-DD) and CUR02 */
  claim: { debitMemoNumber: string | null; date: string | null; currency: string | null; debitMemoElement: 'BGN02' | 'BAA05' } | null;
}

/** Segments that start an 844's detail: its header (BGN or BAA, CUR) is read by then. */
const DETAIL = new Set(['CON', 'PAD', 'LIN', 'PO1', 'SE']);

/**
 * Reads the head of a file (its first kilobytes are enough): who sent it, what its first
 * transaction is, and the header of its first 844. Transports use it to route a file (an 867 is
 * a POS report, an 844 a claim file) and the claim file takes its debit memo number and currency
 * from it. Null when the text does not start with an interchange.
 */
export function readX12Head(text: string): X12FileHead | null {
  const tokenizer = new X12Tokenizer();
  let head: X12FileHead | null = null;
  let in844 = false;
  for (const token of tokenizer.push(text)) {
    if (token.type !== 'segment') return head;
    const s = token.segment;
    if (s.tag === 'ISA') {
      if (head) return head;
      head = { senderQualifier: element(s, 5), senderId: element(s, 6), firstTransaction: null, claim: null };
    } else if (head === null) return null;
    else if (s.tag === 'ST') {
      head.firstTransaction ??= element(s, 1);
      if (element(s, 1) === '844' && head.claim === null) {
        in844 = true;
        head.claim = { debitMemoNumber: null, date: null, currency: null, debitMemoElement: 'BGN02' };
      }
    } else if (in844 && head.claim) {
      if (isClaimHeader(s.tag)) {
        const at = CLAIM_HEADERS[s.tag];
        head.claim.debitMemoNumber = element(s, at.debitMemoNumber) || null;
        head.claim.debitMemoElement = `${s.tag}${String(at.debitMemoNumber).padStart(2, '0')}` as 'BGN02' | 'BAA05';
        head.claim.date = x12Date(element(s, at.date)) || null;
      } else if (s.tag === 'CUR') head.claim.currency = element(s, 2) || null;
      else if (DETAIL.has(s.tag)) return head;
    }
  }
  return head;
}
