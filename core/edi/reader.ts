/**
 * The X12 envelope reader: segments in, transactions out, envelopes checked. It follows ISA/IEA,
 * GS/GE and ST/SE, checks each trailer's count and control number against its header, and hands
 * the segments between ST and SE to the mapper of the transaction type (867, 844...), which
 * emits what the transaction means (POS lines, claim lines) as it goes.
 *
 * A transaction is judged on its own: one whose SE is missing, miscounted or misnumbered, or whose
 * mapper finds a transaction-wide problem (totals that disagree with the lines), is rejected and
 * its `transaction-end` event says so: a consumer that keeps lines provisionally per transaction
 * (the import does) drops them then. Its neighbours are not touched. A group or interchange trailer
 * that disagrees is reported (and acknowledged as an error) without undoing the transactions
 * whose own envelopes were sound. An interchange from a sender other than the partner's is
 * skipped whole.
 *
 * Everything read is kept for the acknowledgment (`receipts`): per interchange, per group, per
 * transaction its status and its first errors (MAX_ERRORS_KEPT): never the lines themselves, so a
 * transaction of a million lines costs no more memory than one of ten.
 */
import { positionText, type X12Error, type X12ErrorCode, type X12ErrorScope, type X12Position } from './errors.js';
import { X12Tokenizer, type X12Segment } from './tokenizer.js';

export interface InterchangeHeader {
  control: string;
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** ISA09/ISA10: YYMMDD, HHMM */
  date: string;
  time: string;
  version: string;
  usage: string;
  /** ISA14 = 1: the sender asks for a TA1 interchange acknowledgment */
  ackRequested: boolean;
}

/** A TA1 read (an interchange acknowledgment): which interchange it answers, and how. */
export interface InterchangeAck {
  /** TA101: the ISA13 acknowledged */
  control: string;
  /** TA104: A accepted, E accepted with errors, R rejected */
  status: 'A' | 'E' | 'R';
  /** TA105: the interchange note code (000: no error) */
  note: string;
}

export interface GroupHeader {
  functionalId: string;
  senderId: string;
  receiverId: string;
  control: string;
  version: string;
}

export interface TransactionHeader {
  type: string;
  control: string;
  interchange: string;
  group: string;
}

/** A: accepted; E: accepted, errors noted; R: rejected. */
export type TransactionStatus = 'A' | 'E' | 'R';
/** AK9/IK9: A accepted, E accepted with errors, P partially accepted, R rejected. */
export type GroupStatus = 'A' | 'E' | 'P' | 'R';

export interface TransactionReceipt {
  type: string;
  control: string;
  status: TransactionStatus;
  /** the first MAX_ERRORS_KEPT errors */
  errors: X12Error[];
  /** errors in all, kept or not */
  errorCount: number;
}

export interface GroupReceipt extends GroupHeader {
  transactions: TransactionReceipt[];
  /** errors of the group's own envelope (GE count or control number, a missing GE) */
  errors: X12Error[];
  status: GroupStatus;
}

export interface InterchangeReceipt extends InterchangeHeader {
  groups: GroupReceipt[];
  errors: X12Error[];
  /** the TA1s it carries (an interchange acknowledgment has no group) */
  acks: InterchangeAck[];
  /** true when the whole interchange was skipped (its sender is not the partner, its envelope unreadable) */
  rejected: boolean;
}

export const MAX_ERRORS_KEPT = 50;

/** What a transaction mapper may do while it reads. */
export interface TransactionContext<M> {
  readonly header: TransactionHeader;
  /** reports a problem at a segment (element optional); scope 'line' keeps the transaction, 'transaction' rejects it */
  error(
    code: X12ErrorCode,
    scope: 'line' | 'transaction',
    segment: X12Segment | null,
    element: number | null,
    message: string,
    extra?: Partial<Pick<X12Error, 'value' | 'ack' | 'line'>>,
  ): X12Error;
  /** the position of a segment of this transaction */
  position(segment: X12Segment | null, element?: number | null): X12Position;
  emit(event: M): void;
}

/** Reads one transaction type: its segments between ST and SE (exclusive), then its end. */
export interface TransactionMapper<M> {
  segment(segment: X12Segment, ctx: TransactionContext<M>): void;
  /** at SE (also when SE is missing: then `se` is null and the transaction is rejected anyway) */
  end(ctx: TransactionContext<M>, se: X12Segment | null): void;
}

export type X12ReaderEvent =
  | { type: 'interchange'; interchange: InterchangeHeader }
  | { type: 'group'; group: GroupHeader }
  | { type: 'transaction'; transaction: TransactionHeader }
  | { type: 'transaction-end'; transaction: TransactionHeader; status: TransactionStatus; accepted: boolean }
  | { type: 'error'; error: X12Error };

export interface X12ReaderOptions<M> {
  /** a mapper per transaction type; a transaction of another type is rejected as not supported */
  mappers: Record<string, () => TransactionMapper<M>>;
  /** when set, an interchange from another sender (ISA05/ISA06) is skipped whole */
  expectSender?: { qualifier?: string; id: string } | null;
}

interface OpenTransaction<M> {
  header: TransactionHeader;
  mapper: TransactionMapper<M> | null;
  receipt: TransactionReceipt;
  /** segments ST..current */
  count: number;
  st: X12Segment;
  rejected: boolean;
  ctx: TransactionContext<M>;
}

const trimmed = (s: string | undefined): string => (s ?? '').trim();

/**
 * The streaming reader: `push(chunk)` returns the events the chunk completed, `end()` the rest.
 * Events of one file do not depend on how it was cut into chunks.
 */
export class X12Reader<M = never> {
  private readonly tokenizer = new X12Tokenizer();
  readonly receipts: InterchangeReceipt[] = [];
  private interchange: InterchangeReceipt | null = null;
  private skipping = false;
  private group: GroupReceipt | null = null;
  private tx: OpenTransaction<M> | null = null;
  private out: (X12ReaderEvent | M)[] = [];
  private groupCount = 0;
  private txCount = 0;
  /** the last segment seen (positions of end-of-file errors) */
  private last: X12Segment | null = null;
  readonly stats = { segments: 0, transactions: 0, rejectedTransactions: 0, errors: 0 };

  constructor(private readonly options: X12ReaderOptions<M>) {}

  push(chunk: string): (X12ReaderEvent | M)[] {
    this.run(this.tokenizer.push(chunk));
    return this.flush();
  }

  end(): (X12ReaderEvent | M)[] {
    this.run(this.tokenizer.end());
    if (this.interchange !== null) {
      const at = this.last;
      this.closeInterchange(null, `the file ends inside interchange ${this.interchange.control}: its IEA is missing`, at);
    }
    return this.flush();
  }

  private flush(): (X12ReaderEvent | M)[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private run(tokens: ReturnType<X12Tokenizer['push']>): void {
    for (const token of tokens) {
      if (token.type === 'error') {
        const e = token.error;
        this.raise(
          {
            ...this.basePosition(null),
            segmentIndex: e.index,
            offset: e.offset,
            code: e.code,
            scope: 'file',
            message: e.message,
            value: null,
          },
          null,
        );
        continue;
      }
      this.segment(token.segment);
    }
  }

  private basePosition(segment: X12Segment | null, element: number | null = null): X12Position {
    const tx = this.tx;
    return {
      interchange: this.interchange?.control ?? null,
      group: this.group?.control ?? null,
      transaction: tx?.header.control ?? null,
      transactionType: tx?.header.type ?? null,
      segmentTag: segment?.tag ?? null,
      segmentIndex: segment?.index ?? null,
      segmentInTransaction: null,
      element,
      offset: segment?.offset ?? null,
    };
  }

  /** Records an error where it belongs (transaction, group, interchange) and emits it. */
  private raise(error: X12Error, into: TransactionReceipt | X12Error[] | null): X12Error {
    if (!error.message.includes(' at ')) error.message = `${error.message} (at ${positionText(error)})`;
    this.stats.errors++;
    if (into !== null) {
      if (Array.isArray(into)) {
        if (into.length < MAX_ERRORS_KEPT) into.push(error);
      } else {
        into.errorCount++;
        if (into.errors.length < MAX_ERRORS_KEPT) into.errors.push(error);
      }
    } else if (this.interchange !== null && this.interchange.errors.length < MAX_ERRORS_KEPT) this.interchange.errors.push(error);
    this.out.push({ type: 'error', error });
    return error;
  }

  private envelopeError(
    code: X12ErrorCode,
    scope: X12ErrorScope,
    segment: X12Segment | null,
    element: number | null,
    message: string,
    into: TransactionReceipt | X12Error[] | null,
    ack?: X12Error['ack'],
  ): X12Error {
    const value = segment !== null && element !== null ? (segment.elements[element] ?? null) : null;
    return this.raise({ ...this.basePosition(segment, element), code, scope, message, value, ack }, into);
  }

  private segment(s: X12Segment): void {
    this.stats.segments++;
    this.last = s;
    switch (s.tag) {
      case 'ISA':
        return this.openInterchange(s);
      case 'IEA':
        return this.closeInterchange(s, null, s);
      case 'GS':
        if (this.skipping) return;
        return this.openGroup(s);
      case 'GE':
        if (this.skipping) return;
        return this.closeGroup(s, null, s);
      case 'ST':
        if (this.skipping) return;
        return this.openTransaction(s);
      case 'SE':
        if (this.skipping) return;
        return this.closeTransaction(s, null, s);
      case 'TA1':
        // An interchange acknowledgment: between ISA and IEA, outside any group.
        if (!this.skipping && this.interchange !== null && this.group === null) {
          this.interchange.acks.push({
            control: trimmed(s.elements[1]),
            status: (trimmed(s.elements[4]) || 'R') as InterchangeAck['status'],
            note: trimmed(s.elements[5]),
          });
          return;
        }
        return this.other(s);
      default:
        return this.other(s);
    }
  }

  /** A segment of a transaction (or one out of place). */
  private other(s: X12Segment): void {
    if (this.skipping) return;
    const tx = this.tx;
    if (tx === null) {
      this.envelopeError(
        'UNEXPECTED_SEGMENT',
        this.group !== null ? 'group' : 'interchange',
        s,
        null,
        `${s.tag} is outside any transaction (ST ... SE): it is ignored`,
        this.group?.errors ?? null,
        { segment: '2' },
      );
      return;
    }
    tx.count++;
    if (tx.mapper !== null && !tx.rejected) tx.mapper.segment(s, tx.ctx);
  }

  private openInterchange(s: X12Segment): void {
    if (this.interchange !== null) this.closeInterchange(null, `interchange ${this.interchange.control} has no IEA before the next ISA`, s);
    const e = s.elements;
    const header: InterchangeHeader = {
      senderQualifier: trimmed(e[5]),
      senderId: trimmed(e[6]),
      receiverQualifier: trimmed(e[7]),
      receiverId: trimmed(e[8]),
      date: trimmed(e[9]),
      time: trimmed(e[10]),
      version: trimmed(e[12]),
      control: trimmed(e[13]),
      usage: trimmed(e[15]),
      ackRequested: trimmed(e[14]) === '1',
    };
    this.interchange = { ...header, groups: [], errors: [], acks: [], rejected: false };
    this.receipts.push(this.interchange);
    this.groupCount = 0;
    this.skipping = false;
    this.out.push({ type: 'interchange', interchange: header });
    if (!/^\d{9}$/.test(header.control)) {
      this.envelopeError('INVALID_NUMBER', 'interchange', s, 13, `ISA13 "${header.control}" is not a 9-digit control number`, null);
    }
    const expect = this.options.expectSender;
    if (
      expect &&
      (header.senderId !== expect.id.trim() || (expect.qualifier !== undefined && header.senderQualifier !== expect.qualifier))
    ) {
      this.envelopeError(
        'PARTNER_MISMATCH',
        'interchange',
        s,
        6,
        `the interchange comes from ${header.senderQualifier}:${header.senderId}, not from this partner's ${expect.qualifier ?? '*'}:${expect.id}: it is not read`,
        null,
      );
      this.interchange.rejected = true;
      this.skipping = true;
    }
  }

  private closeInterchange(iea: X12Segment | null, missing: string | null, at: X12Segment | null): void {
    const ic = this.interchange;
    if (ic === null) {
      if (iea !== null) this.envelopeError('UNEXPECTED_SEGMENT', 'file', iea, null, 'IEA without an ISA before it: it is ignored', null);
      return;
    }
    if (this.group !== null) this.closeGroup(null, `group ${this.group.control} has no GE before the end of its interchange`, at);
    if (iea === null) {
      this.envelopeError('MISSING_TRAILER', 'interchange', at, null, missing ?? 'the IEA is missing', null);
    } else if (!this.skipping) {
      const count = trimmed(iea.elements[1]);
      const control = trimmed(iea.elements[2]);
      if (control !== ic.control)
        this.envelopeError(
          'CONTROL_NUMBER_MISMATCH',
          'interchange',
          iea,
          2,
          `IEA02 "${control}" is not the interchange's control number ISA13 "${ic.control}"`,
          null,
        );
      if (count !== String(this.groupCount))
        this.envelopeError(
          'COUNT_MISMATCH',
          'interchange',
          iea,
          1,
          `IEA01 says ${count || '(nothing)'} functional groups, the interchange has ${this.groupCount}`,
          null,
        );
    }
    this.interchange = null;
    this.skipping = false;
  }

  private openGroup(s: X12Segment): void {
    if (this.interchange === null) {
      this.envelopeError('UNEXPECTED_SEGMENT', 'file', s, null, 'GS outside an interchange (ISA ... IEA): the group is not read', null);
      return;
    }
    if (this.group !== null) this.closeGroup(null, `group ${this.group.control} has no GE before the next GS`, s);
    const e = s.elements;
    const header: GroupHeader = {
      functionalId: trimmed(e[1]),
      senderId: trimmed(e[2]),
      receiverId: trimmed(e[3]),
      control: trimmed(e[6]),
      version: trimmed(e[8]),
    };
    this.group = { ...header, transactions: [], errors: [], status: 'A' };
    this.interchange.groups.push(this.group);
    this.groupCount++;
    this.txCount = 0;
    this.out.push({ type: 'group', group: header });
    if (header.control === '')
      this.envelopeError('MISSING_ELEMENT', 'group', s, 6, 'GS06, the group control number, is empty', this.group.errors);
  }

  private closeGroup(ge: X12Segment | null, missing: string | null, at: X12Segment | null): void {
    const g = this.group;
    if (g === null) {
      if (ge !== null) this.envelopeError('UNEXPECTED_SEGMENT', 'interchange', ge, null, 'GE without a GS before it: it is ignored', null);
      return;
    }
    if (this.tx !== null) this.closeTransaction(null, `transaction ${this.tx.header.control} has no SE before the end of its group`, at);
    if (ge === null) {
      this.envelopeError('MISSING_TRAILER', 'group', at, null, missing ?? 'the GE is missing', g.errors, { group: '3' });
    } else {
      const count = trimmed(ge.elements[1]);
      const control = trimmed(ge.elements[2]);
      if (control !== g.control)
        this.envelopeError(
          'CONTROL_NUMBER_MISMATCH',
          'group',
          ge,
          2,
          `GE02 "${control}" is not the group's control number GS06 "${g.control}"`,
          g.errors,
          { group: '4' },
        );
      if (count !== String(this.txCount))
        this.envelopeError(
          'COUNT_MISMATCH',
          'group',
          ge,
          1,
          `GE01 says ${count || '(nothing)'} transaction sets, the group has ${this.txCount}`,
          g.errors,
          { group: '5' },
        );
    }
    const rejected = g.transactions.filter((t) => t.status === 'R').length;
    const withErrors = g.transactions.some((t) => t.status === 'E') || g.errors.length > 0;
    g.status = g.transactions.length > 0 && rejected === g.transactions.length ? 'R' : rejected > 0 ? 'P' : withErrors ? 'E' : 'A';
    this.group = null;
  }

  private openTransaction(s: X12Segment): void {
    if (this.tx !== null) this.closeTransaction(null, `transaction ${this.tx.header.control} has no SE before the next ST`, s);
    if (this.group === null) {
      this.envelopeError(
        'UNEXPECTED_SEGMENT',
        this.interchange ? 'interchange' : 'file',
        s,
        null,
        'ST outside a functional group (GS ... GE): the transaction is not read',
        null,
      );
      return;
    }
    const header: TransactionHeader = {
      type: trimmed(s.elements[1]),
      control: trimmed(s.elements[2]),
      interchange: this.interchange!.control,
      group: this.group.control,
    };
    const receipt: TransactionReceipt = { type: header.type, control: header.control, status: 'A', errors: [], errorCount: 0 };
    this.group.transactions.push(receipt);
    this.txCount++;
    this.stats.transactions++;
    const factory = this.options.mappers[header.type];
    const open: OpenTransaction<M> = {
      header,
      mapper: factory ? factory() : null,
      receipt,
      count: 1,
      st: s,
      rejected: false,
      ctx: null as unknown as TransactionContext<M>,
    };
    open.ctx = this.context(open);
    this.tx = open;
    this.out.push({ type: 'transaction', transaction: header });
    if (open.mapper === null) {
      open.ctx.error(
        'UNSUPPORTED_TRANSACTION',
        'transaction',
        s,
        1,
        `transaction set ${header.type} is not one this partner sends us (we read ${Object.keys(this.options.mappers).join(', ')})`,
        { ack: { transaction: '1' } },
      );
    }
  }

  private context(open: OpenTransaction<M>): TransactionContext<M> {
    const position = (segment: X12Segment | null, element: number | null = null): X12Position => {
      const p = this.basePosition(segment, element);
      p.transaction = open.header.control;
      p.transactionType = open.header.type;
      p.segmentInTransaction = segment === null ? null : segment.tag === 'ST' ? 1 : segment.index - open.st.index + 1;
      return p;
    };
    return {
      header: open.header,
      position,
      emit: (event: M) => {
        this.out.push(event);
      },
      error: (code, scope, segment, element, message, extra = {}) => {
        if (scope === 'transaction') open.rejected = true;
        if (open.receipt.status === 'A' || scope === 'transaction') open.receipt.status = scope === 'transaction' ? 'R' : 'E';
        const value =
          extra.value !== undefined ? extra.value : segment !== null && element !== null ? (segment.elements[element] ?? null) : null;
        return this.raise({ ...position(segment, element), code, scope, message, value, ack: extra.ack, line: extra.line }, open.receipt);
      },
    };
  }

  private closeTransaction(se: X12Segment | null, missing: string | null, at: X12Segment | null): void {
    const tx = this.tx;
    if (tx === null) {
      if (se !== null)
        this.envelopeError(
          'UNEXPECTED_SEGMENT',
          this.group ? 'group' : 'interchange',
          se,
          null,
          'SE without an ST before it: it is ignored',
          this.group?.errors ?? null,
        );
      return;
    }
    if (se === null) {
      tx.ctx.error('MISSING_TRAILER', 'transaction', at, null, missing ?? 'the SE is missing', { ack: { transaction: '2' } });
    } else {
      tx.count++;
      const count = trimmed(se.elements[1]);
      const control = trimmed(se.elements[2]);
      if (control !== tx.header.control)
        tx.ctx.error(
          'CONTROL_NUMBER_MISMATCH',
          'transaction',
          se,
          2,
          `SE02 "${control}" is not the transaction's control number ST02 "${tx.header.control}"`,
          {
            ack: { transaction: '3' },
          },
        );
      if (count !== String(tx.count))
        tx.ctx.error(
          'COUNT_MISMATCH',
          'transaction',
          se,
          1,
          `SE01 says ${count || '(nothing)'} segments, the transaction has ${tx.count} (ST to SE)`,
          {
            ack: { transaction: '4' },
          },
        );
    }
    if (tx.mapper !== null) tx.mapper.end(tx.ctx, se);
    const status = tx.receipt.status;
    if (status === 'R') this.stats.rejectedTransactions++;
    this.out.push({ type: 'transaction-end', transaction: tx.header, status, accepted: status !== 'R' });
    this.tx = null;
  }
}

/** An element, trimmed ("" when absent). */
export function element(segment: X12Segment, n: number): string {
  const v = segment.elements[n];
  return v === undefined ? '' : v.trim();
}
