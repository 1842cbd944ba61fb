import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Money, isMoneyText, moneyToString, parseMoney, sumMoney } from '../../core/money.js';
import type { Claim, ClaimLine, ClaimNote } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { formatDate, formatMoney, formatNumber, labelOf } from '../shared/format.js';
import { controls, themeTokens, toneOf } from '../shared/theme.js';
import { gridStyles } from './claim-grid.styles.js';
import { compareDecimal, toCsv } from './csv.js';

type Row = Claim | ClaimLine;
type Kind = 'text' | 'money' | 'number' | 'date' | 'badge';
interface Column {
  key: string;
  label: string;
  kind: Kind;
  width: string;
  value: (r: Row) => string | number | null;
}
/** A group's totals are per currency: claims in EUR and USD are never added together. */
type Item =
  { group: string; count: number; totals: [currency: string, amount: string][]; collapsed: boolean } | { row: Row; index: number };

const LINE_COLUMNS: Column[] = [
  { key: 'lineNumber', label: '#', kind: 'number', width: '3rem', value: (r) => (r as ClaimLine).lineNumber },
  {
    key: 'invoiceNumber',
    label: 'Invoice',
    kind: 'text',
    width: 'minmax(8rem,1.2fr)',
    value: (r) => `${(r as ClaimLine).invoiceNumber}/${(r as ClaimLine).invoiceLine}`,
  },
  { key: 'invoiceDate', label: 'Invoice date', kind: 'date', width: '7rem', value: (r) => (r as ClaimLine).invoiceDate },
  {
    key: 'vendorPartNumber',
    label: 'Part',
    kind: 'text',
    width: 'minmax(7rem,1fr)',
    value: (r) => (r as ClaimLine).vendorPartNumber ?? (r as ClaimLine).distributorPartNumber ?? '',
  },
  {
    key: 'endCustomerName',
    label: 'End customer',
    kind: 'text',
    width: 'minmax(8rem,1.2fr)',
    value: (r) => (r as ClaimLine).endCustomerName ?? '',
  },
  {
    key: 'authorizationNumber',
    label: 'Authorization',
    kind: 'text',
    width: 'minmax(7rem,1fr)',
    value: (r) => (r as ClaimLine).authorizationNumber ?? '',
  },
  { key: 'quantity', label: 'Qty', kind: 'number', width: '5rem', value: (r) => (r as ClaimLine).quantity },
  { key: 'claimedAmount', label: 'Claimed', kind: 'money', width: '7rem', value: (r) => (r as ClaimLine).claimedAmount },
  { key: 'approvedAmount', label: 'Approved', kind: 'money', width: '7rem', value: (r) => (r as ClaimLine).approvedAmount },
  { key: 'verdict', label: 'Verdict', kind: 'badge', width: '6.5rem', value: (r) => (r as ClaimLine).verdict },
];
const CLAIM_COLUMNS: Column[] = [
  { key: 'number', label: 'Claim', kind: 'text', width: 'minmax(8rem,1fr)', value: (r) => (r as Claim).number },
  {
    key: 'debitMemoNumber',
    label: 'Debit memo',
    kind: 'text',
    width: 'minmax(8rem,1fr)',
    value: (r) => (r as Claim).debitMemoNumber ?? '',
  },
  { key: 'distributorId', label: 'Distributor', kind: 'text', width: 'minmax(9rem,1.3fr)', value: () => '' },
  { key: 'programType', label: 'Program type', kind: 'text', width: '8rem', value: (r) => labelOf((r as Claim).programType) },
  { key: 'lineCount', label: 'Lines', kind: 'number', width: '4rem', value: (r) => (r as Claim).lineCount },
  { key: 'claimedTotal', label: 'Claimed', kind: 'money', width: '8rem', value: (r) => (r as Claim).claimedTotal },
  { key: 'approvedTotal', label: 'Approved', kind: 'money', width: '8rem', value: (r) => (r as Claim).approvedTotal },
  { key: 'createdAt', label: 'Created', kind: 'date', width: '7rem', value: (r) => (r as Claim).createdAt },
  { key: 'status', label: 'Status', kind: 'badge', width: '6.5rem', value: (r) => (r as Claim).status },
];
const OVERSCAN = 8;

/**
 * A claim's lines or a list of claims, virtualized so it stays smooth at 100,000 rows.
 *
 * @summary Claims or claim lines with sort, filter, group, verdict explanations, inline adjust, bulk accept/reject, notes and a safe CSV export.
 *
 * @fires {CustomEvent<BecEventDetails['becclaimselect']>} becclaimselect - A row was activated (Enter or double click): `{ claim }` or `{ line }`.
 * @fires {CustomEvent<BecEventDetails['beclineadjust']>} beclineadjust - Finance adjusted a line: `{ claimId, lineId, approvedAmount, reason }`.
 * @fires {CustomEvent<BecEventDetails['becbulkdecision']>} becbulkdecision - Selected lines were accepted or rejected: `{ claimId, lineIds, decision, reason }`.
 * @fires {CustomEvent<BecEventDetails['becnoteadd']>} becnoteadd - A note was added: `{ claimId, body }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card that holds the element's content.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart toolbar - The bar with the search, filters, grouping and actions.
 * @csspart table - The header and the scrolling body.
 * @csspart header - The column header row.
 * @csspart viewport - The scrolling, virtualized body.
 * @csspart row - Each data row.
 * @csspart group-row - Each group heading row.
 * @csspart bulk-bar - The bar of bulk accept / reject actions, shown while lines are selected.
 * @csspart footer - The totals row.
 * @csspart detail - The panel explaining a line's verdict, with the adjust form and notes.
 *
 * @cssproperty --bec-grid-height - Height of the scrolling body (default 24rem).
 * @cssproperty --bec-row-height - Height of one row (default 2rem).
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-claim-grid')
export class BecClaimGrid extends BecElement {
  static override styles = [themeTokens, controls, gridStyles];

  /** What the rows are: a claim's lines or a list of claims. */
  @property({ reflect: true }) view: 'lines' | 'claims' = 'lines';
  /** The claim whose lines to show; loaded from the API when `api-base` is set. */
  @property({ type: Number, attribute: 'claim-id' }) claimId: number | null = null;
  /** The claim (with `lines`) given directly. */
  @property({ attribute: false }) claim: Claim | null = null;
  /** Claim lines given directly (view="lines"). */
  @property({ attribute: false }) lines: ClaimLine[] = [];
  /** Claims given directly (view="claims"). */
  @property({ attribute: false }) claims: Claim[] = [];
  /** Distributor names by account id, for the claims view. */
  @property({ attribute: false }) distributorNames: Record<number, string> = {};
  /** Show the adjust form and bulk accept/reject (finance and admins). */
  @property({ type: Boolean, attribute: 'can-adjust' }) canAdjust = false;
  /** Grouping of rows. */
  @property({ attribute: 'group-by' }) groupBy: 'none' | 'programType' | 'distributorId' | 'status' | 'verdict' = 'none';
  /** A heading shown in the toolbar. */
  @property() heading = '';

  @state() private filterText = '';
  @state() private statusFilter = '';
  @state() private sortKey = '';
  @state() private sortDir: 1 | -1 = 1;
  @state() private scrollPos = 0;
  @state() private viewportHeight = 384;
  @state() private active = 0;
  @state() private selected = new Set<number>();
  @state() private openLine: ClaimLine | null = null;
  @state() private notes: ClaimNote[] = [];
  @state() private collapsed = new Set<string>();
  @state() private error = '';
  @state() private message = '';
  @state() private busy = false;
  @state() private adjustErrors: Record<string, string> = {};

  @query('.viewport') private viewport!: HTMLElement;
  @state() private rowHeight = 32;
  private itemsCache: Item[] | null = null;
  private rowsCache: Row[] | null = null;
  private totalsCache: { claimed: Money; approved: Money } | null = null;
  private resizeObserver?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.measure());
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }
  override firstUpdated(): void {
    this.resizeObserver?.observe(this.viewport);
    this.measure();
  }

  private measure() {
    if (!this.viewport) return;
    // The header row has the same height as a body row: measure it rather than parse CSS units.
    const head = this.renderRoot.querySelector<HTMLElement>('.head');
    const h = head ? Math.round(head.getBoundingClientRect().height) : 0;
    if (h > 0) this.rowHeight = h;
    this.viewportHeight = this.viewport.clientHeight || 384;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('claim') && this.claim?.lines) this.lines = this.claim.lines;
    if (
      ['lines', 'claims', 'view', 'filterText', 'statusFilter', 'sortKey', 'sortDir', 'groupBy', 'collapsed', 'distributorNames'].some(
        (k) => changed.has(k as never),
      )
    ) {
      this.itemsCache = null;
    }
    if ((changed.has('claimId') || changed.has('apiBase') || changed.has('view')) && this.api) void this.load();
  }

  /** Reloads from the API. */
  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.busy = true;
    this.error = '';
    try {
      if (this.view === 'lines' && this.claimId) {
        this.claim = await api.claim(this.claimId);
        this.lines = this.claim.lines ?? [];
      } else if (this.view === 'claims') {
        const all: Claim[] = [];
        for (let page = 1; page <= 50; page++) {
          const r = await api.claims({ page, pageSize: 200 });
          all.push(...r.items);
          if (all.length >= r.total || r.items.length === 0) break;
        }
        this.claims = all;
        if (!Object.keys(this.distributorNames).length) {
          try {
            const accounts = await api.accounts('distributor');
            this.distributorNames = Object.fromEntries(accounts.map((a) => [a.id, a.name]));
          } catch {
            /* names are a nicety; ids still show */
          }
        }
      }
    } catch (err) {
      this.error = this.failed(err);
    } finally {
      this.busy = false;
    }
  }

  private get columns(): Column[] {
    if (this.view === 'claims') {
      return CLAIM_COLUMNS.map((c) =>
        c.key === 'distributorId' ? { ...c, value: (r: Row) => this.distributorName((r as Claim).distributorId) } : c,
      );
    }
    return LINE_COLUMNS;
  }
  /** Lines can be selected for bulk decisions only by those who may adjust them. */
  private get selectable(): boolean {
    return this.view === 'lines' && this.canAdjust;
  }
  private get rows(): Row[] {
    return this.view === 'claims' ? this.claims : this.lines;
  }
  private get currencyOfRows(): string {
    return this.claim?.currency ?? this.currency;
  }
  private distributorName(id: number): string {
    return this.distributorNames[id] ?? `Distributor ${id}`;
  }

  /** The rows after filter and sort, in display order (what the CSV export writes). */
  get visibleRows(): Row[] {
    const items = this.items;
    if (this.rowsCache) return this.rowsCache;
    const out: Row[] = [];
    for (const it of items) if ('row' in it) out.push(it.row);
    this.rowsCache = out;
    return out;
  }

  /** Exact totals of the shown lines, computed once per data/filter change, not per scroll frame. */
  private get totals(): { claimed: Money; approved: Money } | null {
    if (this.view !== 'lines') return null;
    const rows = this.visibleRows;
    if (!this.totalsCache) {
      this.totalsCache = {
        claimed: sumMoney(rows.map((r) => new Money((r as ClaimLine).claimedAmount))),
        approved: sumMoney(rows.map((r) => new Money((r as ClaimLine).approvedAmount))),
      };
    }
    return this.totalsCache;
  }

  private filtered(): Row[] {
    const text = this.filterText.trim().toLowerCase();
    const cols = this.columns;
    const statusKey = this.view === 'claims' ? 'status' : 'verdict';
    let rows = this.rows;
    if (this.statusFilter) rows = rows.filter((r) => (r as unknown as Record<string, unknown>)[statusKey] === this.statusFilter);
    if (text) {
      rows = rows.filter((r) => {
        for (const c of cols) {
          const v = c.value(r);
          if (v !== null && String(v).toLowerCase().includes(text)) return true;
        }
        const reasons = (r as ClaimLine).reasonCodes;
        return !!reasons && reasons.some((x) => x.toLowerCase().includes(text));
      });
    }
    if (this.sortKey) {
      const col = cols.find((c) => c.key === this.sortKey);
      if (col) {
        const dir = this.sortDir;
        const cmp =
          col.kind === 'money'
            ? (a: Row, b: Row) => compareDecimal(col.value(a) as string, col.value(b) as string)
            : col.kind === 'number'
              ? (a: Row, b: Row) => Number(col.value(a)) - Number(col.value(b))
              : (a: Row, b: Row) => String(col.value(a) ?? '').localeCompare(String(col.value(b) ?? ''));
        rows = [...rows].sort((a, b) => dir * cmp(a, b));
      }
    }
    return rows;
  }

  private groupKey(r: Row): string {
    const rec = r as unknown as Record<string, unknown>;
    if (this.groupBy === 'distributorId') return this.distributorName(rec.distributorId as number);
    if (this.groupBy === 'programType') return labelOf(rec.programType as string);
    return labelOf(String(rec[this.groupBy] ?? ''));
  }

  private get items(): Item[] {
    if (this.itemsCache) return this.itemsCache;
    this.rowsCache = null;
    this.totalsCache = null;
    const rows = this.filtered();
    if (this.groupBy === 'none') {
      this.itemsCache = rows.map((row, index) => ({ row, index }));
      return this.itemsCache;
    }
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const k = this.groupKey(r);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(r);
    }
    const items: Item[] = [];
    let index = 0;
    for (const k of [...groups.keys()].sort()) {
      const g = groups.get(k)!;
      const collapsed = this.collapsed.has(k);
      const byCurrency = new Map<string, Row[]>();
      for (const r of g) {
        const cur = this.view === 'claims' ? (r as Claim).currency : this.currencyOfRows;
        byCurrency.set(cur, [...(byCurrency.get(cur) ?? []), r]);
      }
      const totals = [...byCurrency].map(([cur, rs]): [string, string] => [
        cur,
        moneyToString(sumMoney(rs.map((r) => parseMoney(this.amountOf(r))))),
      ]);
      items.push({ group: k, count: g.length, totals, collapsed });
      if (!collapsed) for (const row of g) items.push({ row, index: index++ });
    }
    this.itemsCache = items;
    return items;
  }

  private amountOf(r: Row): string {
    return this.view === 'claims' ? (r as Claim).claimedTotal : (r as ClaimLine).claimedAmount;
  }

  private onScroll = () => {
    this.scrollPos = this.viewport.scrollTop;
  };

  private sortBy(key: string) {
    if (this.sortKey === key) this.sortDir = this.sortDir === 1 ? -1 : 1;
    else {
      this.sortKey = key;
      this.sortDir = 1;
    }
  }

  private onKeyDown(e: KeyboardEvent) {
    const items = this.items;
    if (!items.length) return;
    const page = Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
    let next = this.active;
    switch (e.key) {
      case 'ArrowDown':
        next++;
        break;
      case 'ArrowUp':
        next--;
        break;
      case 'PageDown':
        next += page;
        break;
      case 'PageUp':
        next -= page;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Enter':
        this.activate(items[this.active]);
        e.preventDefault();
        return;
      case ' ': {
        const it = items[this.active];
        if (it && 'row' in it && this.selectable) this.toggleSelect((it.row as ClaimLine).id);
        else if (it && 'group' in it) this.toggleGroup(it.group);
        e.preventDefault();
        return;
      }
      case 'Escape':
        this.openLine = null;
        return;
      default:
        return;
    }
    e.preventDefault();
    this.setActive(next);
  }

  private setActive(index: number) {
    const n = this.items.length;
    this.active = Math.max(0, Math.min(n - 1, index));
    const top = this.active * this.rowHeight;
    const vp = this.viewport;
    if (!vp) return;
    if (top < vp.scrollTop) vp.scrollTop = top;
    else if (top + this.rowHeight > vp.scrollTop + vp.clientHeight) vp.scrollTop = top + this.rowHeight - vp.clientHeight;
    this.scrollPos = vp.scrollTop;
  }

  private activate(it: Item | undefined) {
    if (!it) return;
    if ('group' in it) return this.toggleGroup(it.group);
    if (this.view === 'claims') {
      this.emit('becclaimselect', { claim: it.row as Claim });
    } else {
      const line = it.row as ClaimLine;
      this.openLine = line;
      this.adjustErrors = {};
      this.message = '';
      this.emit('becclaimselect', { line });
      void this.loadNotes();
    }
  }

  private toggleGroup(key: string) {
    const s = new Set(this.collapsed);
    if (s.has(key)) s.delete(key);
    else s.add(key);
    this.collapsed = s;
  }

  private toggleSelect(id: number) {
    const s = new Set(this.selected);
    if (s.has(id)) s.delete(id);
    else s.add(id);
    this.selected = s;
  }

  private async loadNotes() {
    const id = this.claim?.id ?? this.claimId;
    if (!this.api || !id) return;
    try {
      this.notes = await this.api.notes(id);
    } catch (err) {
      this.failed(err);
    }
  }

  private replaceLines(updated: Claim | null, changes: Map<number, Partial<ClaimLine>>) {
    if (updated?.lines) {
      this.claim = updated;
      this.lines = updated.lines;
    } else {
      this.lines = this.lines.map((l) => (changes.has(l.id) ? { ...l, ...changes.get(l.id) } : l));
    }
    if (this.openLine) this.openLine = this.lines.find((l) => l.id === this.openLine!.id) ?? null;
  }

  private async submitAdjust(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const amount = String(data.get('approvedAmount') ?? '').trim();
    const reason = String(data.get('reason') ?? '').trim();
    const errors: Record<string, string> = {};
    if (!isMoneyText(amount)) errors.approvedAmount = 'Enter an amount such as 120.50';
    else if (parseMoney(amount).isNegative()) errors.approvedAmount = 'The amount cannot be negative';
    if (reason.length < 3) errors.reason = 'A reason is required for every adjustment';
    this.adjustErrors = errors;
    if (Object.keys(errors).length || !this.openLine) return;
    const line = this.openLine;
    const claimId = this.claim?.id ?? this.claimId;
    const approvedAmount = moneyToString(parseMoney(amount));
    this.busy = true;
    try {
      const updated = this.api && claimId ? await this.api.adjustLine(claimId, line.id, approvedAmount, reason) : null;
      this.replaceLines(
        updated,
        new Map([
          [
            line.id,
            { approvedAmount, verdict: 'adjusted' as const, reasonCodes: [...new Set([...line.reasonCodes, 'ADJUSTED_MANUALLY'])] },
          ],
        ]),
      );
      this.emit('beclineadjust', { claimId: claimId ?? null, lineId: line.id, approvedAmount, reason });
      this.message = `Line ${line.lineNumber} adjusted to ${formatMoney(approvedAmount, this.currencyOfRows, this.locale)}`;
      form.reset();
    } catch (err) {
      this.adjustErrors = { form: this.failed(err) };
    } finally {
      this.busy = false;
    }
  }

  private async bulk(decision: 'accept' | 'reject') {
    const reasonInput = this.renderRoot.querySelector<HTMLInputElement>('#bulk-reason');
    const reason = reasonInput?.value.trim() ?? '';
    if (reason.length < 3) {
      this.adjustErrors = { bulk: 'Give a reason for the bulk decision' };
      reasonInput?.focus();
      return;
    }
    const ids = [...this.selected];
    const claimId = this.claim?.id ?? this.claimId;
    const changes = new Map<number, Partial<ClaimLine>>();
    this.busy = true;
    this.adjustErrors = {};
    let updated: Claim | null = null;
    try {
      for (const id of ids) {
        const line = this.lines.find((l) => l.id === id);
        if (!line) continue;
        const approvedAmount = decision === 'accept' ? line.computedAmount : '0.0000';
        if (this.api && claimId) updated = await this.api.adjustLine(claimId, id, approvedAmount, reason);
        changes.set(id, { approvedAmount, verdict: decision === 'accept' ? 'accepted' : 'rejected' });
      }
      this.emit('becbulkdecision', { claimId: claimId ?? null, lineIds: ids, decision, reason });
      this.message = `${ids.length} line${ids.length === 1 ? '' : 's'} ${decision === 'accept' ? 'accepted' : 'rejected'}`;
      this.selected = new Set();
      if (reasonInput) reasonInput.value = '';
    } catch (err) {
      this.adjustErrors = { bulk: this.failed(err) };
    } finally {
      this.replaceLines(updated, changes);
      this.busy = false;
    }
  }

  private async addNote(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const body = String(new FormData(form).get('note') ?? '').trim();
    const claimId = this.claim?.id ?? this.claimId;
    if (!body || !claimId) return;
    try {
      const note = this.api
        ? await this.api.addNote(claimId, body)
        : { id: Date.now(), authorUserId: 0, body, createdAt: new Date().toISOString() };
      this.notes = [...this.notes, note];
      this.emit('becnoteadd', { claimId, body });
      form.reset();
    } catch (err) {
      this.error = this.failed(err);
    }
  }

  /** The CSV of the rows as filtered and sorted, safe against formula injection. */
  toCsv(): string {
    const cols = this.columns;
    const extra = this.view === 'lines' ? ['Computed', 'Reason codes', 'Rule'] : ['Currency'];
    return toCsv(
      [...cols.map((c) => c.label), ...extra],
      this.visibleRows.map((r) => [
        ...cols.map((c) => c.value(r)),
        ...(this.view === 'lines'
          ? [(r as ClaimLine).computedAmount, (r as ClaimLine).reasonCodes.join(' '), (r as ClaimLine).rule ?? '']
          : [(r as Claim).currency]),
      ]),
    );
  }

  private exportCsv() {
    const blob = new Blob([this.toCsv()], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${this.view === 'claims' ? 'claims' : (this.claim?.number ?? 'claim-lines')}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private renderCell(c: Column, r: Row): TemplateResult {
    const v = c.value(r);
    const cur = this.view === 'claims' ? (r as Claim).currency : this.currencyOfRows;
    switch (c.kind) {
      case 'money':
        return html`<div class="cell num" role="gridcell">${formatMoney(v as string, cur, this.locale)}</div>`;
      case 'number':
        return html`<div class="cell num" role="gridcell">${formatNumber(v as number, this.locale)}</div>`;
      case 'date':
        return html`<div class="cell" role="gridcell">${formatDate(v as string, this.locale)}</div>`;
      case 'badge':
        return html`<div class="cell" role="gridcell">
          <span class="badge" data-tone=${toneOf(String(v))}>${labelOf(String(v))}</span>
        </div>`;
      default:
        return html`<div class="cell" role="gridcell" title=${String(v ?? '')}>${v}</div>`;
    }
  }

  private renderItem(it: Item, i: number): TemplateResult {
    const top = i * this.rowHeight;
    const cols = this.columns.length + (this.view === 'lines' ? 1 : 0) + (this.selectable ? 1 : 0);
    // The grid owns the keyboard (aria-activedescendant); rows only take pointer input.
    if ('group' in it) {
      // eslint-disable-next-line lit-a11y/click-events-have-key-events
      return html`<div
        class="row group ${i === this.active ? 'active' : ''}"
        part="group-row"
        role="row"
        id="r${i}"
        aria-rowindex=${i + 2}
        style="top:${top}px"
        @click=${() => {
          this.active = i;
          this.toggleGroup(it.group);
        }}
      >
        <div class="cell" role="gridcell" style="grid-column: 1 / span ${cols}">
          <button
            class="why"
            tabindex="-1"
            aria-expanded=${!it.collapsed}
            aria-label="${it.group}: ${it.collapsed ? 'expand' : 'collapse'}"
          >
            ${it.collapsed ? '▸' : '▾'}
          </button>
          ${it.group}
          <span class="muted">· ${it.count} · ${it.totals.map(([cur, amount]) => formatMoney(amount, cur, this.locale)).join(' + ')}</span>
        </div>
      </div>`;
    }
    const r = it.row;
    const line = this.view === 'lines' ? (r as ClaimLine) : null;
    const selected = line ? this.selected.has(line.id) : false;
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      class="row ${i === this.active ? 'active' : ''}"
      part="row"
      role="row"
      id="r${i}"
      aria-rowindex=${i + 2}
      aria-selected=${line && this.selectable ? String(selected) : nothing}
      style="top:${top}px"
      @click=${() => (this.active = i)}
      @dblclick=${() => this.activate(it)}
    >
      ${
        line && this.selectable
          ? html`<div class="cell" role="gridcell">
              <input
                type="checkbox"
                tabindex="-1"
                aria-label="Select line ${line.lineNumber}"
                .checked=${selected}
                @change=${() => this.toggleSelect(line.id)}
              />
            </div>`
          : nothing
      }
      ${this.columns.map((c) => this.renderCell(c, r))}
      ${
        line
          ? html`<div class="cell" role="gridcell">
              <button class="why" tabindex="-1" @click=${() => this.activate(it)} aria-label="Why: line ${line.lineNumber}">Why?</button>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderDetail(): TemplateResult | typeof nothing {
    const l = this.openLine;
    if (!l) return nothing;
    const cur = this.currencyOfRows;
    const inputs = Object.entries(l.verdictInputs ?? {});
    return html`<section class="detail" part="detail" aria-label="Line ${l.lineNumber} verdict">
      <div>
        <h3>Line ${l.lineNumber}: <span class="badge" data-tone=${toneOf(l.verdict)}>${labelOf(l.verdict)}</span></h3>
        <dl>
          <dt>Rule</dt>
          <dd>${l.rule ?? '—'}</dd>
          <dt>Reasons</dt>
          <dd>${l.reasonCodes.length ? l.reasonCodes.join(', ') : 'none'}</dd>
          <dt>Claimed</dt>
          <dd>${formatMoney(l.claimedAmount, cur, this.locale)}</dd>
          <dt>Computed</dt>
          <dd>${formatMoney(l.computedAmount, cur, this.locale)}</dd>
          <dt>Approved</dt>
          <dd>${formatMoney(l.approvedAmount, cur, this.locale)}</dd>
        </dl>
        ${
          inputs.length
            ? html`<details>
                <summary>Inputs the verdict used (${inputs.length})</summary>
                <dl>
                  ${inputs.map(
                    ([k, v]) =>
                      html`<dt>${k}</dt>
                        <dd>${v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>`,
                  )}
                </dl>
              </details>`
            : nothing
        }
      </div>
      <div>
        ${
          this.canAdjust
            ? html`<form @submit=${this.submitAdjust} novalidate aria-label="Adjust line ${l.lineNumber}">
                <h3>Adjust</h3>
                <div class="field" ?data-invalid=${!!this.adjustErrors.approvedAmount}>
                  <label for="adj-amount">Approved amount (${cur})</label>
                  <input
                    id="adj-amount"
                    name="approvedAmount"
                    inputmode="decimal"
                    .value=${l.approvedAmount}
                    aria-invalid=${this.adjustErrors.approvedAmount ? 'true' : 'false'}
                    aria-describedby="adj-amount-err"
                  />
                  <div class="field-error" id="adj-amount-err">${this.adjustErrors.approvedAmount ?? ''}</div>
                </div>
                <div class="field" ?data-invalid=${!!this.adjustErrors.reason}>
                  <label for="adj-reason">Reason (required)</label>
                  <input
                    id="adj-reason"
                    name="reason"
                    required
                    aria-invalid=${this.adjustErrors.reason ? 'true' : 'false'}
                    aria-describedby="adj-reason-err"
                  />
                  <div class="field-error" id="adj-reason-err">${this.adjustErrors.reason ?? ''}</div>
                </div>
                ${this.adjustErrors.form ? html`<div class="alert" role="alert">${this.adjustErrors.form}</div>` : nothing}
                <div class="actions">
                  <button class="brand" type="submit" ?disabled=${this.busy}>Save adjustment</button>
                  <button type="button" @click=${() => (this.openLine = null)}>Close</button>
                </div>
              </form>`
            : html`<button type="button" @click=${() => (this.openLine = null)}>Close</button>`
        }
        <div class="notes">
          <h3>Notes</h3>
          <ul>
            ${this.notes.length ? this.notes.map((n) => html`<li><span class="muted">${formatDate(n.createdAt, this.locale)}</span> ${n.body}</li>`) : html`<li class="muted">No notes yet</li>`}
          </ul>
          <form class="actions" @submit=${this.addNote} aria-label="Add a note">
            <label class="sr-only" for="note">Note</label>
            <input id="note" name="note" placeholder="Add a note" style="flex:1" />
            <button type="submit">Add note</button>
          </form>
        </div>
      </div>
    </section>`;
  }

  override render() {
    const items = this.items;
    const h = this.rowHeight;
    const first = Math.max(0, Math.floor(this.scrollPos / h) - OVERSCAN);
    const last = Math.min(items.length, Math.ceil((this.scrollPos + this.viewportHeight) / h) + OVERSCAN);
    const cols = this.columns;
    const widths = [
      ...(this.selectable ? ['2.25rem'] : []),
      ...cols.map((c) => c.width),
      ...(this.view === 'lines' ? ['4.5rem'] : []),
    ].join(' ');
    const statuses =
      this.view === 'claims'
        ? ['draft', 'submitted', 'authorized', 'paid', 'rejected']
        : ['pending', 'accepted', 'partial', 'rejected', 'adjusted'];
    const rows = this.visibleRows;
    const cur = this.currencyOfRows;
    const totals = this.totals;
    const totalClaimed = totals?.claimed;
    const totalApproved = totals?.approved;
    const visible: TemplateResult[] = [];
    for (let i = first; i < last; i++) visible.push(this.renderItem(items[i], i));
    return html`<div class="card" part="base">
      <div class="toolbar" part="toolbar">
        <div class="grow">
          <h2 class="title">
            ${this.heading || (this.view === 'claims' ? 'Claims' : this.claim ? `Claim ${this.claim.number}` : 'Claim lines')}
          </h2>
          <div class="summary" aria-live="polite">
            ${formatNumber(rows.length, this.locale)} of ${formatNumber(this.rows.length, this.locale)}
            ${this.view === 'claims' ? 'claims' : 'lines'}
            ${this.claim ? html` · <span class="badge" data-tone=${toneOf(this.claim.status)}>${labelOf(this.claim.status)}</span>` : nothing}
            ${this.busy ? ' · loading…' : ''}
          </div>
        </div>
        <div class="field search">
          <label for="filter">Search</label>
          <input
            id="filter"
            type="search"
            placeholder="Invoice, part, customer, reason…"
            .value=${this.filterText}
            @input=${(e: Event) => (this.filterText = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="status">${this.view === 'claims' ? 'Status' : 'Verdict'}</label>
          <select id="status" @change=${(e: Event) => (this.statusFilter = (e.target as HTMLSelectElement).value)}>
            <option value="">All</option>
            ${statuses.map((s) => html`<option value=${s} ?selected=${this.statusFilter === s}>${labelOf(s)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="group">Group by</label>
          <select id="group" @change=${(e: Event) => (this.groupBy = (e.target as HTMLSelectElement).value as BecClaimGrid['groupBy'])}>
            <option value="none" ?selected=${this.groupBy === 'none'}>None</option>
            ${
              this.view === 'claims'
                ? html`<option value="programType" ?selected=${this.groupBy === 'programType'}>Program type</option>
                    <option value="distributorId" ?selected=${this.groupBy === 'distributorId'}>Distributor</option>
                    <option value="status" ?selected=${this.groupBy === 'status'}>Status</option>`
                : html`<option value="verdict" ?selected=${this.groupBy === 'verdict'}>Verdict</option>`
            }
          </select>
        </div>
        <button type="button" @click=${this.exportCsv}>Export CSV</button>
      </div>
      ${
        this.canAdjust && this.view === 'lines' && this.selected.size
          ? html`<div class="toolbar" part="bulk-bar">
              <span>${this.selected.size} selected</span>
              <div class="field grow">
                <label for="bulk-reason">Reason for the bulk decision</label>
                <input id="bulk-reason" aria-invalid=${this.adjustErrors.bulk ? 'true' : 'false'} aria-describedby="bulk-err" />
                <div class="field-error" id="bulk-err">${this.adjustErrors.bulk ?? ''}</div>
              </div>
              <button class="brand" type="button" ?disabled=${this.busy} @click=${() => this.bulk('accept')}>Accept selected</button>
              <button class="destructive" type="button" ?disabled=${this.busy} @click=${() => this.bulk('reject')}>Reject selected</button>
            </div>`
          : nothing
      }
      <span id="grid-help" class="sr-only">Arrow keys move, Enter opens, Space selects</span>
      ${this.renderWaiting()} ${this.error ? html`<div class="alert" role="alert">${this.error}</div>` : nothing}
      ${this.message ? html`<div class="alert" data-tone="success" role="status">${this.message}</div>` : nothing}
      <div
        class="table"
        part="table"
        role="grid"
        aria-label=${this.view === 'claims' ? 'Claims' : 'Claim lines'}
        aria-describedby="grid-help"
        aria-rowcount=${items.length + 1}
        aria-colcount=${cols.length + (this.view === 'lines' ? 1 : 0) + (this.selectable ? 1 : 0)}
        aria-multiselectable=${this.selectable ? 'true' : nothing}
        tabindex="0"
        aria-activedescendant=${items.length ? `r${this.active}` : nothing}
        @keydown=${(e: KeyboardEvent) => e.target === e.currentTarget && this.onKeyDown(e)}
        style="--_columns:${widths};--_min-width:${this.view === 'lines' ? '62rem' : '56rem'}"
      >
        <div role="rowgroup">
          <div class="head" part="header" role="row" aria-rowindex="1">
            ${this.selectable ? html`<div class="cell" role="columnheader"><span class="sr-only">Selected</span></div>` : nothing}
            ${cols.map(
              (c) =>
                html`<div
                  class="cell ${c.kind === 'money' || c.kind === 'number' ? 'num' : ''}"
                  role="columnheader"
                  aria-sort=${this.sortKey === c.key ? (this.sortDir === 1 ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" @click=${() => this.sortBy(c.key)}>
                    ${c.label}${this.sortKey === c.key ? (this.sortDir === 1 ? ' ▲' : ' ▼') : ''}
                  </button>
                </div>`,
            )}
            ${this.view === 'lines' ? html`<div class="cell" role="columnheader"><span class="sr-only">Explain</span></div>` : nothing}
          </div>
        </div>
        <div
          class="viewport"
          part="viewport"
          role="rowgroup"
          tabindex="-1"
          style="height: min(var(--bec-grid-height, 24rem), ${Math.max(items.length * h + 2, 96)}px)"
          @scroll=${this.onScroll}
        >
          <div class="spacer" style="height:${items.length * h}px">${visible}</div>
          ${items.length ? nothing : html`<div class="empty">${this.busy ? 'Loading…' : 'No rows match'}</div>`}
        </div>
      </div>
      ${
        totalClaimed && totalApproved
          ? html`<div class="foot" part="footer">
              <span>Claimed <strong>${formatMoney(moneyToString(totalClaimed), cur, this.locale)}</strong></span>
              <span>Approved <strong>${formatMoney(moneyToString(totalApproved), cur, this.locale)}</strong></span>
            </div>`
          : nothing
      }
      ${this.renderDetail()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-claim-grid': BecClaimGrid;
  }
}
