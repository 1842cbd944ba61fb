/**
 * Writing X12: the envelope (ISA/GS/ST ... SE/GE/IEA with their counts and control numbers) and the
 * documents the vendor sends: the 849 answering an 844 line by line, the 845 announcing a new,
 * amended or expired authorization, and the 997 / 999 acknowledging what was received.
 *
 * Control numbers are inputs: the server keeps them per partner (unique, increasing) and passes
 * the next ones; a document uses one interchange and one group control number, and its
 * transactions take consecutive transaction control numbers from the one given. Values never
 * contain a delimiter: one that does is refused (an Error naming the segment and element), never
 * silently altered, except free text (NTE) where delimiters become spaces.
 */
import type { AuthorizationLineFact, ClaimLineInput, LineVerdictResult } from '../claims/engine.js';
import { Money } from '../money.js';
import { x12ReasonCode } from './reason-codes.js';
import type { InterchangeReceipt, TransactionReceipt } from './reader.js';
import type { X12PartnerSettings } from './partner.js';
import type { X12Error } from './errors.js';

export interface X12WriteDelimiters {
  element: string;
  component: string;
  segment: string;
  /** a line break after each segment terminator (easier to read; most partners accept it) */
  lineBreak: boolean;
}

export const DEFAULT_WRITE_DELIMITERS: X12WriteDelimiters = { element: '*', component: '>', segment: '~', lineBreak: true };

export interface X12EnvelopeInput {
  partner: X12PartnerSettings;
  /** ISA13 (1..999999999) and GS06 */
  interchangeControl: number;
  groupControl: number;
  /** ST02 of the first transaction; the next ones follow */
  transactionControl: number;
  /** when written (UTC) */
  at: Date;
  delimiters?: Partial<X12WriteDelimiters>;
}

type Segment = (string | number | null | undefined)[];

/** Functional identifier codes (GS01) of the transaction sets written. */
export const FUNCTIONAL_IDS: Record<string, string> = { '849': 'CF', '845': 'PA', '997': 'FA', '999': 'FA', '867': 'PT', '844': 'CF' };

const pad = (text: string, n: number): string => (text.length > n ? text.slice(0, n) : text.padEnd(n, ' '));
const two = (n: number) => String(n).padStart(2, '0');
/** YYYY-MM-DD → CCYYMMDD */
export const ccyymmdd = (iso: string): string => iso.replace(/-/g, '');

/** The ISA's 16 elements (its ids padded to their fixed widths), the tag first. */
export function isaElements(isa: {
  from: [qualifier: string, id: string];
  to: [qualifier: string, id: string];
  yymmdd: string;
  hhmm: string;
  version: string;
  control: string;
  usage: string;
  component: string;
}): string[] {
  const v5 = isa.version >= '005010';
  return [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    pad(isa.from[0], 2),
    pad(isa.from[1], 15),
    pad(isa.to[0], 2),
    pad(isa.to[1], 15),
    isa.yymmdd,
    isa.hhmm,
    v5 ? '^' : 'U',
    v5 ? '00501' : '00401',
    isa.control,
    '0',
    isa.usage,
    isa.component,
  ];
}

/** The ISA and IEA of one interchange and the serializer of its segments, with the partner's delimiters. */
function envelope(env: X12EnvelopeInput) {
  const d = { ...DEFAULT_WRITE_DELIMITERS, ...env.delimiters };
  if (new Set([d.element, d.component, d.segment]).size !== 3) throw new Error('the element, component and segment delimiters must differ');
  const p = env.partner;
  const version = p.version ?? '004010';
  const at = env.at;
  const yymmdd = `${two(at.getUTCFullYear() % 100)}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`;
  const date = `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`;
  const hhmm = `${two(at.getUTCHours())}${two(at.getUTCMinutes())}`;
  const isaControl = String(env.interchangeControl).padStart(9, '0');
  if (!/^\d{9}$/.test(isaControl) || env.interchangeControl < 1)
    throw new Error(`interchange control number ${env.interchangeControl} is not 1..999999999`);
  const term = d.segment + (d.lineBreak && d.segment !== '\n' ? '\n' : '');
  const line = (seg: Segment): string => {
    const tag = String(seg[0]);
    const values = seg.map((v, i) => {
      const text = v === null || v === undefined ? '' : String(v);
      if (i > 0 && (text.includes(d.element) || text.includes(d.segment) || (tag !== 'ISA' && text.includes(d.component))))
        throw new Error(`${tag}${two(i)} "${text}" contains a delimiter of this partner's files`);
      return text;
    });
    // trailing empty elements are left out
    while (values.length > 1 && values[values.length - 1] === '') values.pop();
    return values.join(d.element) + term;
  };
  const isa = line(
    isaElements({
      from: [p.ourIsaQualifier, p.ourIsaId],
      to: [p.isaQualifier, p.isaId],
      yymmdd,
      hhmm,
      version,
      control: isaControl,
      usage: p.usage ?? 'P',
      component: d.component,
    }),
  );
  return { line, isa, iea: (groups: number) => line(['IEA', groups, isaControl]), version, date, hhmm };
}

/** Serializes transactions of one functional group into one interchange. */
export function writeInterchange(env: X12EnvelopeInput, transactions: { type: string; segments: Segment[] }[]): string {
  const { line, isa, iea, version, date, hhmm } = envelope(env);
  const p = env.partner;
  const functional = FUNCTIONAL_IDS[transactions[0]?.type ?? ''] ?? 'FA';
  const out: string[] = [isa];
  out.push(line(['GS', functional, p.ourGsId ?? p.ourIsaId, p.gsId ?? p.isaId, date, hhmm, env.groupControl, 'X', version]));
  let control = env.transactionControl;
  for (const t of transactions) {
    const st = String(control++).padStart(4, '0');
    const body: Segment[] = [
      ['ST', t.type, st, ...(t.type === '999' ? [version === '005010' ? '005010X231A1' : null] : [])],
      ...t.segments,
    ];
    for (const seg of body) out.push(line(seg));
    out.push(line(['SE', body.length + 1, st]));
  }
  out.push(line(['GE', transactions.length, env.groupControl]));
  out.push(iea(1));
  return out.join('');
}

/** Free text for NTE: delimiters and line breaks become spaces, at most 80 characters. */
function freeText(text: string, d: Partial<X12WriteDelimiters> | undefined): string {
  const dd = { ...DEFAULT_WRITE_DELIMITERS, ...d };
  let t = text;
  for (const c of [dd.element, dd.component, dd.segment, '\n', '\r']) t = t.split(c).join(' ');
  return t.replace(/ {2,}/g, ' ').trim().slice(0, 80);
}

/* ---------------------------------------------------------------- 849 */

/** How a claim line is answered: in full, cut (quantity or amount), or not. */
export type X12LineResponse = 'accepted' | 'adjusted' | 'rejected';

/** The 849 status of a verdict: adjusted when less than claimed is granted. */
export function lineResponse(
  line: Pick<ClaimLineInput, 'quantity' | 'claimedAmount'>,
  verdict: Pick<LineVerdictResult, 'verdict' | 'acceptedQuantity' | 'approvedAmount'>,
): X12LineResponse {
  if (verdict.verdict === 'rejected') return 'rejected';
  if (verdict.verdict === 'partial' || verdict.acceptedQuantity !== line.quantity) return 'adjusted';
  if (line.claimedAmount && !new Money(verdict.approvedAmount).eq(new Money(line.claimedAmount))) return 'adjusted';
  return 'accepted';
}

export interface ClaimResponseInput {
  /** our claim number, BRC02 */
  claimNumber: string;
  /** the 844's debit memo number it answers (REF*DM) */
  debitMemoNumber: string;
  /** YYYY-MM-DD */
  date: string;
  currency: string;
  lines: { line: ClaimLineInput; verdict: LineVerdictResult }[];
}

/** AAA01: Y the line stands (in full or adjusted), N rejected. QTY*39 claimed, QTY*QA granted; AMT*RC claimed, AMT*1 granted. */
export const QTY_CLAIMED = '39';
export const QTY_GRANTED = 'QA';
export const AMT_CLAIMED = 'RC';

/** The 849 segments of one claim (ST/SE excluded). */
export function claimResponseSegments(
  input: ClaimResponseInput,
  partner: X12PartnerSettings,
  delimiters?: Partial<X12WriteDelimiters>,
): Segment[] {
  const auth = partner.refs.authorization[0]!;
  const segs: Segment[] = [
    ['BRC', '00', input.claimNumber, ccyymmdd(input.date)],
    ['CUR', 'SE', input.currency],
    ['REF', partner.refs.debitMemo[0]!, input.debitMemoNumber],
  ];
  let quantities = new Money(0);
  let granted = new Money(0);
  for (const { line, verdict } of input.lines) {
    const status = lineResponse(line, verdict);
    const reason = verdict.reasonCodes[0];
    const ids: Segment = ['LIN', line.invoiceLine];
    if (line.vendorPartNumber) ids.push(partner.productIds.vendorPart[0]!, line.vendorPartNumber);
    if (line.distributorPartNumber) ids.push(partner.productIds.distributorPart[0]!, line.distributorPartNumber);
    segs.push(['PAD', 'SD', null, null, null, line.lineNumber], ids);
    segs.push(['AAA', status === 'rejected' ? 'N' : 'Y', null, reason && status !== 'accepted' ? x12ReasonCode(reason, partner) : null]);
    if (verdict.messages[0] && status !== 'accepted') segs.push(['NTE', 'LIN', freeText(verdict.messages[0], delimiters)]);
    segs.push(['QTY', QTY_CLAIMED, line.quantity], ['QTY', QTY_GRANTED, status === 'rejected' ? 0 : verdict.acceptedQuantity]);
    if (line.claimedAmount) segs.push(['AMT', AMT_CLAIMED, new Money(line.claimedAmount).toFixed(2)]);
    const amount = status === 'rejected' ? new Money(0) : new Money(verdict.approvedAmount);
    segs.push(['AMT', '1', amount.toFixed(2)]);
    segs.push(['REF', partner.refs.invoice[0]!, line.invoiceNumber]);
    if (line.authorizationNumber) segs.push(['REF', auth, line.authorizationNumber]);
    quantities = quantities.plus(Math.abs(line.quantity));
    granted = granted.plus(amount);
  }
  segs.push(['CTT', input.lines.length, quantities.toString()], ['AMT', 'TT', granted.toFixed(2)]);
  return segs;
}

/** One 849 interchange answering one claim. */
export function write849(input: ClaimResponseInput, env: X12EnvelopeInput): string {
  return writeInterchange(env, [{ type: '849', segments: claimResponseSegments(input, env.partner, env.delimiters) }]);
}

/* ---------------------------------------------------------------- 845 */

export type AuthorizationChange = 'new' | 'amended' | 'expired';
/** BPA01: 00 original, 05 replace, 01 cancellation. */
export const BPA_PURPOSE: Record<AuthorizationChange, string> = { new: '00', amended: '05', expired: '01' };

export interface AuthorizationNoticeInput {
  change: AuthorizationChange;
  authorizationNumber: string;
  version: number;
  /** YYYY-MM-DD of the change */
  date: string;
  validFrom: string;
  validTo: string;
  distributorName: string | null;
  endCustomerName: string | null;
  currency: string;
  lines: Pick<AuthorizationLineFact, 'vendorPartNumber' | 'authorizedCost' | 'approvedQuantity'>[];
}

/** The 845 segments of one authorization (ST/SE excluded). */
export function authorizationNoticeSegments(input: AuthorizationNoticeInput, partner: X12PartnerSettings): Segment[] {
  const segs: Segment[] = [
    ['BPA', BPA_PURPOSE[input.change], input.authorizationNumber, ccyymmdd(input.date), null, null, input.version],
    ['CUR', 'SE', input.currency],
    ['REF', partner.refs.authorization[0]!, input.authorizationNumber],
    ['DTM', '007', ccyymmdd(input.validFrom)],
    ['DTM', '036', ccyymmdd(input.validTo)],
    ['N1', 'DS', input.distributorName ?? '', partner.isaQualifier === 'ZZ' ? '92' : '91', partner.isaId],
  ];
  if (input.endCustomerName) segs.push(['N1', 'EN', input.endCustomerName]);
  let quantities = 0;
  input.lines.forEach((l, i) => {
    segs.push(
      ['LIN', i + 1, partner.productIds.vendorPart[0]!, l.vendorPartNumber],
      ['UIT', 'EA', new Money(l.authorizedCost).toFixed(4), partner.prices.authorizedCost[0]!],
      ['QTY', '38', l.approvedQuantity],
    );
    quantities += l.approvedQuantity;
  });
  segs.push(['CTT', input.lines.length, quantities]);
  return segs;
}

/** One 845 interchange: one transaction per authorization change. */
export function write845(notices: AuthorizationNoticeInput[], env: X12EnvelopeInput): string {
  return writeInterchange(
    env,
    notices.map((n) => ({ type: '845', segments: authorizationNoticeSegments(n, env.partner) })),
  );
}

/* ---------------------------------------------------------------- 997 / 999 */

const MAX_ACK_ERRORS = 20;

function transactionAck(t: TransactionReceipt, kind: '997' | '999'): Segment[] {
  const segs: Segment[] = [['AK2', t.type, t.control]];
  const segmentTag = kind === '999' ? 'IK3' : 'AK3';
  const elementTag = kind === '999' ? 'IK4' : 'AK4';
  const codes = new Set<string>();
  let n = 0;
  // two lines sharing one bad segment (a PTD-level date) are one AK3/AK4
  const seen = new Set<string>();
  for (const e of t.errors) {
    if (e.ack?.transaction) codes.add(e.ack.transaction);
    if (e.segmentTag === null || e.segmentInTransaction === null || e.ack?.segment === undefined) continue;
    if (e.segmentTag === 'SE' || e.segmentTag === 'ST') continue;
    const key = `${e.segmentInTransaction}:${e.element}:${e.ack.element ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (n++ >= MAX_ACK_ERRORS) break;
    segs.push([segmentTag, e.segmentTag, e.segmentInTransaction, null, e.ack.segment]);
    if (e.element !== null && e.ack.element) segs.push([elementTag, e.element, null, e.ack.element, ackValue(e)]);
  }
  if (t.status !== 'A' && codes.size === 0) codes.add('5');
  segs.push([kind === '999' ? 'IK5' : 'AK5', t.status, ...[...codes].slice(0, 5)]);
  return segs;
}

/** The bad value as AK404 carries it: printable, at most 99 characters, delimiters left out. */
function ackValue(e: X12Error): string | null {
  if (e.value === null || e.value === '') return null;
  return (
    e.value
      .replace(/[^ -~]/g, '')
      .replace(/[*~>|^:\]]/g, '')
      .slice(0, 99) || null
  );
}

/**
 * The acknowledgment of one received interchange: one 997 (or 999) per functional group, each
 * transaction with its status and, when in error, the segments and elements at fault. An
 * interchange skipped whole (another sender) gets none: it was not ours to read.
 */
export function writeAcknowledgment(received: InterchangeReceipt, env: X12EnvelopeInput, kind: '997' | '999' = '997'): string | null {
  if (received.rejected || received.groups.length === 0) return null;
  const transactions = received.groups.map((g) => {
    const segs: Segment[] = [['AK1', g.functionalId, g.control, ...(kind === '999' ? [g.version] : [])]];
    for (const t of g.transactions) segs.push(...transactionAck(t, kind));
    const accepted = g.transactions.filter((t) => t.status !== 'R').length;
    const groupCodes = [...new Set(g.errors.flatMap((e) => (e.ack?.group ? [e.ack.group] : [])))].slice(0, 5);
    segs.push(['AK9', g.status, g.transactions.length, g.transactions.length, accepted, ...groupCodes]);
    return { type: kind, segments: segs };
  });
  return writeInterchange(env, transactions);
}

/* ---------------------------------------------------------------- TA1 */

/** TA105 interchange note codes of the envelope errors the reader finds (000: no error). */
export const TA1_NOTE: Partial<Record<X12Error['code'], string>> = {
  CONTROL_NUMBER_MISMATCH: '001',
  INVALID_NUMBER: '018',
  COUNT_MISMATCH: '021',
  BAD_ISA: '022',
  MISSING_TRAILER: '023',
  TRUNCATED: '023',
  UNEXPECTED_SEGMENT: '024',
  SEGMENT_TOO_LONG: '024',
};

/** How an interchange's own envelope fared: TA104 (A, E: accepted with errors, R: nothing in it taken) and TA105. */
export function interchangeAckStatus(received: InterchangeReceipt): { status: 'A' | 'E' | 'R'; note: string } {
  const first = received.errors[0];
  if (!first) return { status: 'A', note: '000' };
  const taken = received.groups.some((g) => g.transactions.some((t) => t.status !== 'R'));
  return { status: taken ? 'E' : 'R', note: TA1_NOTE[first.code] ?? '024' };
}

/** True when a received interchange gets a TA1 (see writeInterchangeAck). */
export const needsInterchangeAck = (received: InterchangeReceipt): boolean =>
  !received.rejected && (received.ackRequested || interchangeAckStatus(received).status !== 'A');

/**
 * The TA1 of a received interchange, in an interchange of its own (no group): written when the
 * sender asked for one (ISA14 = 1), whatever the outcome, and when the envelope itself is bad (an
 * IEA that disagrees, a missing IEA), which no 997 can say. None for an interchange skipped whole
 * (another sender's: not ours to answer) or one that asked nothing and was sound.
 */
export function writeInterchangeAck(received: InterchangeReceipt, env: X12EnvelopeInput): string | null {
  if (!needsInterchangeAck(received)) return null;
  const { status, note } = interchangeAckStatus(received);
  const { line, isa, iea } = envelope(env);
  return isa + line(['TA1', received.control, received.date, received.time, status, note]) + iea(0);
}
