/**
 * X12 as a source of the one ingestion pipeline (server/imports): an 867's or an 844's line items
 * come out as the same `PosEvent`s the CSV parser gives, so the import job takes them alike (same
 * canonical keys, row errors, batches and progress). A transaction's lines are held until its
 * trailer says it is accepted; a rejected transaction's lines become row errors carrying the
 * X12 error (segment, position, reason), the other transactions of the file go in.
 */
import { X12FileReader, type InterchangeReceipt, type X12Error, type X12PartnerSettings } from '../../core/edi/index.js';
import type { PosEvent, PosLine, PosRowError } from '../../core/pos/parser.js';

/** True when a file's first characters are an interchange header (after a BOM or blanks). */
export const looksLikeX12 = (head: string): boolean => /^\uFEFF?\s*ISA/.test(head);

const rowError = (row: number, e: X12Error): PosRowError => ({
  row,
  line: row,
  column: null,
  header: null,
  code: 'MALFORMED_ROW',
  fatal: false,
  value: e.value,
  message: e.message,
});

export class X12Source {
  private readonly reader: X12FileReader;
  private held: PosLine[] = [];
  private txErrors: X12Error[] = [];
  /** the highest line ordinal seen: an error of no line is reported on the next one */
  private lastRow = 0;
  /** the CUR02 of the 844 being read (its claim event comes before its end) */
  private txCurrency: string | null = null;

  constructor(
    partner: X12PartnerSettings,
    /** '867' for a POS report, '844' for a claim file: lines of the other kind are refused */
    private readonly accepts: '867' | '844',
    /**
     * a claim file's currency (the distributor's): an 844 of the file whose CUR02 says another is
     * refused whole (its lines become row errors), the file's other 844s go in
     */
    private readonly currency: string | null = null,
  ) {
    this.reader = new X12FileReader(partner);
  }

  get receipts(): InterchangeReceipt[] {
    return this.reader.receipts;
  }

  push(chunk: string): PosEvent[] {
    return this.events(this.reader.push(chunk));
  }

  end(): PosEvent[] {
    return this.events(this.reader.end());
  }

  private events(events: ReturnType<X12FileReader['push']>): PosEvent[] {
    const out: PosEvent[] = [];
    for (const e of events) {
      if (e.type === 'line') {
        this.held.push(e.line);
        this.lastRow = Math.max(this.lastRow, e.line.row);
      } else if (e.type === 'error') {
        if (e.error.line) {
          this.lastRow = Math.max(this.lastRow, e.error.line.row);
          out.push({ type: 'error', error: { ...e.error.line, message: e.error.message } });
        } else if (e.error.transaction !== null && e.error.scope !== 'interchange' && e.error.scope !== 'group')
          this.txErrors.push(e.error);
        else out.push({ type: 'error', error: rowError(this.lastRow + 1, e.error) });
      } else if (e.type === 'claim') {
        this.txCurrency = e.currency?.trim().toUpperCase() || null;
      } else if (e.type === 'transaction') {
        this.held = [];
        this.txErrors = [];
        this.txCurrency = null;
      } else if (e.type === 'transaction-end') {
        const wrongKind = e.transaction.type !== this.accepts;
        const wrongCurrency = !wrongKind && this.currency !== null && this.txCurrency !== null && this.txCurrency !== this.currency;
        if (e.accepted && !wrongKind && !wrongCurrency) for (const line of this.held) out.push({ type: 'line', line });
        else {
          const why = wrongKind
            ? `transaction ${e.transaction.control} is an ${e.transaction.type}; this upload takes ${this.accepts}s`
            : wrongCurrency
              ? `transaction ${e.transaction.control}'s CUR02 says ${this.txCurrency}, the claim is in ${this.currency}`
              : (this.txErrors[0]?.message ?? `transaction ${e.transaction.control} (${e.transaction.type}) was rejected`);
          const first = wrongCurrency ? undefined : this.txErrors[0];
          const cause: X12Error = first ?? ({ value: null, message: why } as X12Error);
          if (this.held.length)
            for (const line of this.held)
              out.push({ type: 'error', error: { ...rowError(line.row, cause), message: `${why}: its lines are not taken` } });
          else out.push({ type: 'error', error: { ...rowError(this.lastRow + 1, cause), message: why } });
        }
        this.held = [];
        this.txErrors = [];
      }
    }
    return out;
  }
}
