/**
 * The 867 (product transfer and resale report) and the 844 (product transfer account adjustment)
 * as sold lines: each line item of the transaction becomes one record of our POS fields
 * (core/pos/fields.ts) and goes through the same `PosParser` a CSV row goes through, so an X12
 * line is the same `PosLine` a CSV row is: same value rules, same canonical POS key, same row
 * errors (with the X12 position added). The claim-file path builds its claim lines from such
 * lines (`claimLineFromPos`, core/claims/from-pos.ts): an 844 is a claim file in X12.
 *
 * Where a value comes from (segment usage of the electronic-components industry):
 * - header: BPT (867) / BGN or BAA (844: the debit memo number and its date, CLAIM_HEADERS), CUR, REF, DTM, N1 loops
 *   (N1*DS the distributor with its id in N104, N1*ST ship-to, N1*EN end customer, N1*BY sold-to;
 *   N3 address and N4 country after them);
 * - 867 detail: PTD loops by activity (PTD01: sales SS/SD/DS/CS/SH, returns BN/RU/RB with their
 *   quantities made negative; other activities are reported and skipped), then per item QTY, LIN,
 *   UIT, AMT, REF, DTM, PID, N1;
 * - 844 detail: CON (CON02 the authorization number for the lines after it), PAD, LIN or PO1, QTY,
 *   UIT, AMT, REF, DTM;
 * - a value given at the line wins over the PTD/CON loop's, which wins over the header's;
 * - summary: CTT (CTT01 the number of line items, CTT02 the sum of the quantities as written) and
 *   AMT*TT (the sum of the lines' AMT*1) are checked against the lines: a total that disagrees
 *   rejects the transaction (its lines were provisional).
 *
 * An item starts at PAD, PO1, at a LIN when the item already has one, or at a QTY when the item
 * already has a quantity (both QTY-then-LIN and LIN-then-QTY layouts read). LIN01/PO101 is the
 * invoice line; when empty, the item's ordinal in its PTD/CON loop is.
 */
import { Money } from '../money.js';
import { PosParser, type PosLine, type PosRowError } from '../pos/parser.js';
import { POS_FIELDS, POS_FIELD_TABLE, type PosField } from '../pos/fields.js';
import type { X12Error } from './errors.js';
import { AMT_LINE, AMT_TOTAL, DTM_INVOICE, DTM_SHIP, N1_ENTITIES, PTD_RETURNS, PTD_SALES, type X12PartnerSettings } from './partner.js';
import { element, type TransactionContext, type TransactionHeader, type TransactionMapper } from './reader.js';
import type { X12Segment } from './tokenizer.js';

export type SaleDocument = '867' | '844';

/**
 * Where an 844's header segment carries the debit memo number and its date: the standard's `BAA`
 * (BAA03 the adjustment date, BAA05 the reference BAA04 qualifies) or `BGN` (BGN02, BGN03), as
 * distributors send both. The one place both readers (the mapper, `readX12Head`) look it up.
 */
export const CLAIM_HEADERS = {
  BGN: { debitMemoNumber: 2, date: 3 },
  BAA: { debitMemoNumber: 5, date: 3 },
} as const;
export const isClaimHeader = (tag: string): tag is keyof typeof CLAIM_HEADERS => tag === 'BGN' || tag === 'BAA';

/** A line of an 867 (a POS line) or an 844 (a claimed line), where it was read. */
export interface X12LineEvent {
  type: 'line';
  document: SaleDocument;
  transaction: TransactionHeader;
  /** the file ordinal of the item's first segment */
  segmentIndex: number;
  line: PosLine;
}

/** An 844's header, at the end of its transaction (after its lines). */
export interface X12ClaimEvent {
  type: 'claim';
  transaction: TransactionHeader;
  debitMemoNumber: string | null;
  /** BGN03 as YYYY-MM-DD */
  date: string | null;
  currency: string | null;
  distributorId: string | null;
  lines: number;
  /** the sum of the lines' AMT*1 (claimed amounts), 4-decimal string */
  claimedTotal: string;
}

export type SaleEvent = X12LineEvent | X12ClaimEvent;

/** Extra columns an X12 item may fill beside our POS fields (they land in `PosLine.extra`). */
const EXTRA_COLUMNS = ['description', 'upc', 'activity'] as const;
type ExtraColumn = (typeof EXTRA_COLUMNS)[number];
type Column = PosField | ExtraColumn;
const COLUMNS: readonly Column[] = [...POS_FIELDS, ...EXTRA_COLUMNS];
const COLUMN_INDEX = new Map<Column, number>(COLUMNS.map((c, i) => [c, i]));
const INVOICE_LINE = COLUMN_INDEX.get('invoiceLine')!;

interface Source {
  value: string;
  segment: X12Segment;
  element: number;
}
type Scope = Partial<Record<Column, Source>>;

interface Item {
  scope: Scope;
  first: X12Segment;
  hasId: boolean;
  hasQuantity: boolean;
  /** QTY02 as written (for CTT02), and AMT*1 */
  quantityText: string | null;
  amount: Source | null;
}

/** CCYYMMDD → YYYY-MM-DD; anything else as written (the POS parser names what is wrong with it). */
export function x12Date(text: string): string {
  return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : text;
}

/**
 * The POS parser all of one file's X12 lines go through, and their ordinals: a line's `row` is
 * its ordinal in the file (first line = 1), as a JSON row's is.
 */
export class SaleLineSink {
  readonly parser: PosParser;
  private row = 0;

  constructor() {
    // The values are X12's: a decimal point, CCYYMMDD dates (written ISO here): nothing to infer.
    this.parser = new PosParser({ mapping: { decimalMark: '.', dateOrder: 'MDY' }, sampleRows: 1 });
    this.parser.pushRecords([{ row: 0, line: 0, cells: [...COLUMNS] }]);
  }

  /** Maps one item; returns its line, or its row errors. */
  map(cells: string[]): { line: PosLine | null; errors: PosRowError[] } {
    const row = ++this.row;
    const events = this.parser.pushRecords([{ row, line: row, cells }]);
    let line: PosLine | null = null;
    const errors: PosRowError[] = [];
    for (const e of events) {
      if (e.type === 'line') line = e.line;
      else errors.push(e.error);
    }
    return { line, errors };
  }
}

const within = (list: readonly string[], code: string): boolean => list.includes(code);

/** Reads one 867 or 844 transaction. */
export class SaleLinesMapper implements TransactionMapper<SaleEvent> {
  private readonly header: Scope = {};
  private loop: Scope = {};
  private item: Item | null = null;
  /** sign of the current PTD loop's quantities; null while in an activity that is skipped */
  private sign: 1 | -1 | null = 1;
  private ordinal = 0;
  /** where the current N1 loop's N2/N3/N4 go */
  private party: { scope: Scope; entity: 'distributor' | 'shipTo' | 'endCustomer' | 'soldTo' | null } | null = null;
  private items = 0;
  private quantityHash = new Money(0);
  private amountSum = new Money(0);
  private amounts = 0;
  private lines = 0;
  private ctt: X12Segment | null = null;
  private total: X12Segment | null = null;
  private inSummary = false;
  private date: string | null = null;
  private currency: string | null = null;

  constructor(
    private readonly document: SaleDocument,
    private readonly partner: X12PartnerSettings,
    private readonly sink: SaleLineSink,
  ) {}

  private set(scope: Scope, column: Column, segment: X12Segment, n: number, value = element(segment, n)): void {
    if (value !== '') scope[column] = { value, segment, element: n };
  }

  /** The scope a segment's values go to: the item's, else the PTD/CON loop's, else the header's. */
  private scope(): Scope {
    return this.item?.scope ?? (this.inLoop ? this.loop : this.header);
  }
  private inLoop = false;

  segment(s: X12Segment, ctx: TransactionContext<SaleEvent>): void {
    const p = this.partner;
    if (this.inSummary && s.tag !== 'AMT') {
      // after CTT only the totals are read
      return;
    }
    switch (s.tag) {
      case 'BPT':
        this.date = x12Date(element(s, 3)) || null;
        return;
      case 'BGN':
      case 'BAA': {
        const at = CLAIM_HEADERS[s.tag];
        this.set(this.header, 'debitMemoNumber', s, at.debitMemoNumber);
        this.date = x12Date(element(s, at.date)) || null;
        return;
      }
      case 'CUR':
        this.currency = element(s, 2) || null;
        return;
      case 'PTD': {
        this.flush(ctx);
        this.openLoop();
        const activity = element(s, 1);
        this.set(this.loop, 'activity', s, 1);
        if (within(PTD_SALES, activity)) this.sign = 1;
        else if (within(PTD_RETURNS, activity)) this.sign = -1;
        else {
          this.sign = null;
          ctx.error(
            'INVALID_CODE',
            'line',
            s,
            1,
            `PTD01 "${activity}" is neither a sale (${PTD_SALES.join(', ')}) nor a return (${PTD_RETURNS.join(', ')}): the loop's lines are skipped`,
            { ack: { segment: '8', element: '7' } },
          );
        }
        return;
      }
      case 'CON':
        this.flush(ctx);
        this.openLoop();
        this.set(this.loop, 'authorizationNumber', s, 2);
        return;
      case 'PAD':
        this.flush(ctx);
        if (!this.inLoop) this.openLoop();
        this.startItem(s);
        return;
      case 'LIN': {
        if (this.item === null || this.item.hasId) {
          if (this.item !== null) this.flush(ctx);
          this.startItem(s);
        }
        const item = this.item!;
        item.hasId = true;
        this.set(item.scope, 'invoiceLine', s, 1);
        this.productIds(item.scope, s, 2);
        return;
      }
      case 'PO1': {
        this.flush(ctx);
        this.startItem(s);
        const item = this.item!;
        item.hasId = true;
        this.set(item.scope, 'invoiceLine', s, 1);
        this.quantity(item, s, 2);
        this.set(item.scope, 'unitOfMeasure', s, 3);
        this.price(item.scope, s, 4, element(s, 5));
        this.productIds(item.scope, s, 6);
        return;
      }
      case 'QTY': {
        if (this.item === null || this.item.hasQuantity) {
          if (this.item !== null) this.flush(ctx);
          this.startItem(s);
        }
        const item = this.item!;
        this.quantity(item, s, 2);
        const uom = element(s, 3).split(s.delimiters.component)[0]!;
        if (uom !== '') this.set(item.scope, 'unitOfMeasure', s, 3, uom);
        return;
      }
      case 'UIT': {
        const scope = this.scope();
        const uom = element(s, 1).split(s.delimiters.component)[0]!;
        if (uom !== '' && scope.unitOfMeasure === undefined) this.set(scope, 'unitOfMeasure', s, 1, uom);
        this.price(scope, s, 2, element(s, 3));
        return;
      }
      case 'AMT': {
        const qualifier = element(s, 1);
        if (this.inSummary || (this.item === null && qualifier === AMT_TOTAL)) {
          if (qualifier === AMT_TOTAL) this.total = s;
          return;
        }
        if (qualifier === AMT_LINE && this.item !== null) {
          this.item.amount = { value: element(s, 2), segment: s, element: 2 };
          if (this.document === '844') this.set(this.item.scope, 'claimedAmount', s, 2);
        }
        return;
      }
      case 'REF': {
        const qualifier = element(s, 1);
        const scope = this.scope();
        if (within(p.refs.invoice, qualifier)) this.set(scope, 'invoiceNumber', s, 2);
        else if (within(p.refs.authorization, qualifier)) this.set(scope, 'authorizationNumber', s, 2);
        else if (within(p.refs.debitMemo, qualifier)) this.set(scope, 'debitMemoNumber', s, 2);
        else if (within(p.refs.customerPo, qualifier)) this.set(scope, 'customerPo', s, 2);
        return;
      }
      case 'DTM': {
        const qualifier = element(s, 1);
        const scope = this.scope();
        if (DTM_INVOICE.includes(qualifier)) this.set(scope, 'invoiceDate', s, 2, x12Date(element(s, 2)));
        else if (DTM_SHIP.includes(qualifier)) this.set(scope, 'shipDate', s, 2, x12Date(element(s, 2)));
        return;
      }
      case 'PID':
        if (this.item !== null) this.set(this.item.scope, 'description', s, 5);
        return;
      case 'N1': {
        const code = element(s, 1);
        const scope = this.scope();
        const entity = (Object.keys(N1_ENTITIES) as (keyof typeof N1_ENTITIES)[]).find((k) =>
          (N1_ENTITIES[k] as readonly string[]).includes(code),
        );
        this.party = { scope, entity: entity ?? null };
        if (entity === 'distributor') {
          this.set(scope, 'distributorId', s, 4);
        } else if (entity === 'shipTo') this.set(scope, 'shipToName', s, 2);
        else if (entity === 'endCustomer') this.set(scope, 'endCustomerName', s, 2);
        else if (entity === 'soldTo') this.set(scope, 'soldToName', s, 2);
        return;
      }
      case 'N3':
        if (this.party?.entity === 'endCustomer' || this.party?.entity === 'shipTo') {
          const address = [element(s, 1), element(s, 2)].filter((v) => v !== '').join(', ');
          if (this.party.entity === 'endCustomer' || this.party.scope.endCustomerAddress === undefined)
            this.set(this.party.scope, 'endCustomerAddress', s, 1, address);
        }
        return;
      case 'N4':
        if (this.party?.entity === 'endCustomer' || this.party?.entity === 'shipTo') {
          if (this.party.entity === 'endCustomer' || this.party.scope.country === undefined) this.set(this.party.scope, 'country', s, 4);
        }
        return;
      case 'CTT':
        this.flush(ctx);
        this.ctt = s;
        this.inSummary = true;
        return;
      default:
        return;
    }
  }

  private openLoop(): void {
    this.loop = {};
    this.inLoop = true;
    this.ordinal = 0;
    this.party = null;
    this.sign = 1;
  }

  private startItem(s: X12Segment): void {
    this.item = { scope: {}, first: s, hasId: false, hasQuantity: false, quantityText: null, amount: null };
    this.ordinal++;
    this.party = null;
  }

  private quantity(item: Item, s: X12Segment, n: number): void {
    const text = element(s, n);
    item.hasQuantity = true;
    if (text === '') return;
    item.quantityText = text;
    let value = text;
    if (this.sign === -1 && !text.startsWith('-')) value = `-${text}`;
    this.set(item.scope, 'quantity', s, n, value);
  }

  private price(scope: Scope, s: X12Segment, n: number, basis: string): void {
    const prices = this.partner.prices;
    const field: PosField | null =
      basis === '' || within(prices.resalePrice, basis)
        ? 'resalePrice'
        : within(prices.bookCost, basis)
          ? 'bookCost'
          : within(prices.authorizedCost, basis)
            ? 'authorizedCost'
            : null;
    if (field !== null) this.set(scope, field, s, n);
  }

  private productIds(scope: Scope, s: X12Segment, from: number): void {
    const ids = this.partner.productIds;
    for (let i = from; i + 1 < s.elements.length; i += 2) {
      const qualifier = element(s, i);
      if (within(ids.vendorPart, qualifier)) this.set(scope, 'vendorPartNumber', s, i + 1);
      else if (within(ids.distributorPart, qualifier)) this.set(scope, 'distributorPartNumber', s, i + 1);
      else if (within(ids.upc, qualifier)) this.set(scope, 'upc', s, i + 1);
    }
  }

  /** The current item, as a line (or its errors). */
  private flush(ctx: TransactionContext<SaleEvent>): void {
    const item = this.item;
    this.item = null;
    this.party = null;
    if (item === null) return;
    this.items++;
    if (item.quantityText !== null) this.addHash(item.quantityText);
    if (item.amount !== null) this.addAmount(item.amount, ctx);
    if (this.sign === null) return;
    const sources: Source[] = new Array(COLUMNS.length);
    const cells: string[] = new Array(COLUMNS.length);
    for (let c = 0; c < COLUMNS.length; c++) {
      const column = COLUMNS[c]!;
      const src = item.scope[column] ?? (this.inLoop ? this.loop[column] : undefined) ?? this.header[column];
      sources[c] = src!;
      cells[c] = src?.value ?? '';
    }
    if (cells[INVOICE_LINE] === '') cells[INVOICE_LINE] = String(this.ordinal);
    const { line, errors } = this.sink.map(cells);
    if (line !== null) {
      this.lines++;
      ctx.emit({ type: 'line', document: this.document, transaction: ctx.header, segmentIndex: item.first.index, line });
      return;
    }
    for (const e of errors) {
      const index = e.column === null ? -1 : (COLUMN_INDEX.get(e.column as Column) ?? -1);
      const src = index >= 0 ? sources[index] : undefined;
      const segment = src?.segment ?? item.first;
      const at = src ? `${segment.tag}${String(src.element).padStart(2, '0')}` : `the line item at ${item.first.tag}`;
      const label = e.column !== null && e.column in POS_FIELD_TABLE ? e.column : null;
      const reason = e.message.startsWith(e.column ?? '\0') ? e.message.slice((e.column ?? '').length).trim() : e.message;
      const missing = e.code === 'MISSING_REQUIRED_FIELD';
      ctx.error(
        'LINE_ERROR',
        'line',
        segment,
        src?.element ?? null,
        `line ${e.row}: ${label ?? 'the line'}${missing && !src ? ` (none of its segments carries it)` : ` (${at})`} ${reason}`,
        {
          value: e.value,
          line: e,
          ack: {
            segment: missing && !src ? '3' : '8',
            element: missing ? '1' : e.code === 'INVALID_DATE' ? '8' : e.code === 'VALUE_TOO_LONG' ? '5' : '6',
          },
        },
      );
    }
  }

  private addHash(text: string): void {
    try {
      this.quantityHash = this.quantityHash.plus(new Money(text.replace(/^-/, '')));
    } catch {
      // a quantity that is not a number is the line's error, not the hash's
    }
  }

  private addAmount(src: Source, ctx: TransactionContext<SaleEvent>): void {
    try {
      this.amountSum = this.amountSum.plus(new Money(src.value));
      this.amounts++;
    } catch {
      ctx.error('INVALID_NUMBER', 'line', src.segment, src.element, `AMT02 "${src.value}" is not an amount`, {
        ack: { segment: '8', element: '6' },
      });
    }
  }

  /** A written total that is not the lines' (or not a number) rejects the transaction. */
  private checkTotal(ctx: TransactionContext<SaleEvent>, segment: X12Segment, n: number, actual: Money, message: string): void {
    let same = false;
    try {
      same = new Money(element(segment, n)).eq(actual);
    } catch {
      same = false;
    }
    if (!same) ctx.error('TOTALS_MISMATCH', 'transaction', segment, n, message, { ack: { segment: '8', transaction: '5' } });
  }

  end(ctx: TransactionContext<SaleEvent>, se: X12Segment | null): void {
    this.flush(ctx);
    const ctt = this.ctt;
    if (ctt === null) {
      if (se !== null)
        ctx.error(
          'MISSING_SEGMENT',
          'transaction',
          se,
          null,
          'the CTT (transaction totals) is missing: the lines cannot be checked against it',
          {
            ack: { segment: '3', transaction: '5' },
          },
        );
    } else {
      const count = element(ctt, 1);
      this.checkTotal(
        ctx,
        ctt,
        1,
        new Money(this.items),
        `CTT01 says ${count || '(nothing)'} line items, the transaction has ${this.items}`,
      );
      const hash = element(ctt, 2);
      if (hash !== '')
        this.checkTotal(
          ctx,
          ctt,
          2,
          this.quantityHash,
          `CTT02 says the quantities add up to ${hash}, the lines' quantities add up to ${this.quantityHash.toString()}`,
        );
    }
    if (this.total !== null && this.amounts > 0)
      this.checkTotal(
        ctx,
        this.total,
        2,
        this.amountSum,
        `AMT*${AMT_TOTAL} says ${element(this.total, 2)}, the lines' AMT*${AMT_LINE} add up to ${this.amountSum.toFixed(2)}`,
      );
    if (this.document === '844') {
      ctx.emit({
        type: 'claim',
        transaction: ctx.header,
        debitMemoNumber: this.header.debitMemoNumber?.value ?? null,
        date: this.date,
        currency: this.currency,
        distributorId: this.header.distributorId?.value ?? null,
        lines: this.lines,
        claimedTotal: this.amountSum.toFixed(4),
      });
    }
  }
}

/** Errors of an X12 file that are a line's, as the CSV path reports them (for the same error report). */
export function lineErrors(errors: readonly X12Error[]): PosRowError[] {
  return errors.flatMap((e) => (e.line ? [{ ...e.line, message: e.message }] : []));
}
