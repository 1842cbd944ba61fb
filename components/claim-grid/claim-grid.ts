import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { isDisputable } from '../../core/claims/disputable.js';
import { everyPage } from '../shared/api.js';
import type { Claim, ClaimLine, ClaimNote, DisputeThread } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { formatDate, formatMoney, formatNumber, sameAmount } from '../shared/format.js';
import { codeLabel, msg, msgCount, uiLocale, type MessageKey } from '../shared/i18n.js';
import { tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens, toneOf } from '../shared/theme.js';
import type { AdjustRequest } from './claim-adjust-form.js';
import './claim-line-detail.js';
import type { BecClaimLineDetail, DetailAction, DetailLine } from './claim-line-detail.js';
import { gridStyles } from './claim-grid.styles.js';
// The CSV writer loads with the first export (`toCsv`), not with bec.js: see toCsv.
import type { CsvDecimalName, CsvDelimiterName } from './csv.js';
import { deriveItems, sumAmounts, type Column, type Item, type Row } from './rows.js';

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
  // wide enough for a whole number (CLM-2612-7QK4D2M9X1PA8B3C): a claim id is never cut
  { key: 'number', label: 'Claim', kind: 'text', width: 'minmax(11rem,1fr)', value: (r) => (r as Claim).number },
  {
    key: 'debitMemoNumber',
    label: 'Debit memo',
    kind: 'text',
    width: 'minmax(8rem,1fr)',
    value: (r) => (r as Claim).debitMemoNumber ?? '',
  },
  { key: 'distributorId', label: 'Distributor', kind: 'text', width: 'minmax(9rem,1.3fr)', value: () => '' },
  // the code here; `columns` gives it the locale's words, which the grid shows, searches, sorts and exports
  { key: 'programType', label: 'Program type', kind: 'text', width: '8rem', value: (r) => (r as Claim).programType },
  { key: 'lineCount', label: 'Lines', kind: 'number', width: '4rem', value: (r) => (r as Claim).lineCount },
  { key: 'claimedTotal', label: 'Claimed', kind: 'money', width: '8rem', value: (r) => (r as Claim).claimedTotal },
  { key: 'approvedTotal', label: 'Approved', kind: 'money', width: '8rem', value: (r) => (r as Claim).approvedTotal },
  { key: 'createdAt', label: 'Created', kind: 'date', width: '7rem', value: (r) => (r as Claim).createdAt },
  { key: 'status', label: 'Status', kind: 'badge', width: '6.5rem', value: (r) => (r as Claim).status },
];
const OVERSCAN = 8;
/** How long the search waits after the last keystroke before it filters. */
export const FILTER_DEBOUNCE_MS = 200;
const FIRST_PAGE = 500;
const NEXT_PAGES = 5000;

type LoadState = 'idle' | 'loading' | 'ready' | 'error' | 'offline';

/**
 * Whether a line can have a dispute thread: only a line that may be disputed (rejected, or approved
 * for less than claimed) or one adjusted (accepting a dispute adjusts the line) was ever disputed.
 * The others are not asked: the API's answer would be a 404 the browser logs for each line opened.
 */
export function mayHaveDispute(line: ClaimLine): boolean {
  return isDisputable(line) || line.verdict === 'adjusted' || !!line.adjustedByUserId;
}

/**
 * A claim's lines or a list of claims, virtualized so it stays smooth at 100,000 rows. One tab
 * stop: the arrow keys move between cells in all four directions (up from the first row reaches
 * the column headers, where Enter sorts), Home/End go to the row's first/last cell and Ctrl+Home/End
 * to the first/last row, Enter or one click opens a line, whose detail comes into view and takes focus.
 *
 * @summary Claims or claim lines with sort, filter, group, explanations in words, disputes, inline adjust, bulk accept/reject, notes and a safe CSV export.
 *
 * @fires {CustomEvent<BecEventDetails['becclaimselect']>} becclaimselect - A row was opened (one click or Enter): `{ claim }` or `{ line }`.
 * @fires {CustomEvent<BecEventDetails['beclineadjust']>} beclineadjust - Finance adjusted a line: `{ claimId, lineId, approvedAmount, reason }`.
 * @fires {CustomEvent<BecEventDetails['becbulkdecision']>} becbulkdecision - Selected lines were accepted or rejected: `{ claimId, lineIds, decision, reason }`.
 * @fires {CustomEvent<BecEventDetails['becnoteadd']>} becnoteadd - A note was added: `{ claimId, body }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card around everything.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart toolbar - The bar with the search, filters, grouping and export.
 * @csspart bulk-bar - The bar of bulk decisions, shown while lines are selected.
 * @csspart state - The loading, empty, error and offline messages (`data-state` says which).
 * @csspart table - The grid: the header and the body; it scrolls both ways (the one tab stop, so a keyboard reaches all of it).
 * @csspart header - The column header row.
 * @csspart viewport - The virtualized body (rows are drawn only where the grid has scrolled to).
 * @csspart row - Each data row.
 * @csspart group-row - Each group heading row.
 * @csspart footer - The totals row.
 * @csspart detail - The line's detail panel (bec-claim-line-detail).
 *
 * @cssproperty --bec-grid-height - Height of the scrolling body (default 24rem).
 * @cssproperty --bec-row-height - Height of one row (default 2rem).
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-claim-grid')
export class BecClaimGrid extends BecElement {
  static override styles = [themeTokens, controls, tableStyles, gridStyles];

  /** What the rows are: a claim's lines or a list of claims. */
  @property({ reflect: true }) view: 'lines' | 'claims' = 'lines';
  /** The claim whose lines to show; loaded from the API (in pages) when `api-base` is set. */
  @property({ type: Number, attribute: 'claim-id' }) claimId: number | null = null;
  /** The claim (with `lines`) given directly. */
  @property({ attribute: false }) claim: Claim | null = null;
  /** Claim lines given directly (view="lines"). */
  @property({ attribute: false }) lines: ClaimLine[] = [];
  /** Claims given directly (view="claims"). */
  @property({ attribute: false }) claims: Claim[] = [];
  /** Distributor names by account id, for the claims view. */
  @property({ attribute: false }) distributorNames: Record<number, string> = {};
  /** Show the adjust form, bulk accept/reject and dispute decisions (finance and admins). */
  @property({ type: Boolean, attribute: 'can-adjust' }) canAdjust = false;
  /** Who reads: a distributor may dispute lines; a vendor user also sees each line's internal "Details". */
  @property({ reflect: true }) audience: 'distributor' | 'vendor' = 'distributor';
  /** Grouping of rows. */
  @property({ attribute: 'group-by' }) groupBy: 'none' | 'programType' | 'distributorId' | 'status' | 'verdict' = 'none';
  /**
   * Only the claims of this CRM opportunity (its Salesforce Id), view="claims": those with a line
   * under an authorization a request linked to it made. For an Opportunity record page.
   */
  @property({ attribute: 'opportunity-id' }) opportunityId = '';
  /**
   * Only the claims of this account (BEC id, or CRM Id), view="claims": a distributor's own, or
   * those under authorizations naming it as reseller or end customer. For an Account record page.
   */
  @property({ attribute: 'account-id' }) accountId = '';
  /** A heading shown in the toolbar. */
  @property() heading = '';
  /**
   * Live status: reload from the API every this many seconds while the page is visible (0: never).
   * A distributor's claim list with it shows each claim's status as finance moves it.
   */
  @property({ type: Number, attribute: 'refresh-seconds' }) refreshSeconds = 0;
  /**
   * The CSV export's separator. Unset: the list separator of Excel in the grid's `locale` (else the
   * browser's): `semicolon` for de, fr, es, it, nl, pt, pl, ru, tr, the Nordic languages..., `comma` otherwise.
   */
  @property({ attribute: 'csv-delimiter' }) csvDelimiter?: CsvDelimiterName;
  /** The CSV export's decimal mark for amounts. Unset: the `locale`'s (`comma` where Excel's is; `point` with `csv-delimiter="comma"`). */
  @property({ attribute: 'csv-decimal' }) csvDecimal?: CsvDecimalName;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;

  @state() private loadState: LoadState = 'idle';
  @state() private problem = '';
  @state() private morePages = false;
  @state() private filterText = '';
  @state() private statusFilter = '';
  @state() private sortKey = '';
  @state() private sortDir: 1 | -1 = 1;
  @state() private scrollPos = 0;
  @state() private viewportHeight = 384;
  /** The active cell: its item index (-1 = the header row) and column. */
  @state() private activeRow = 0;
  @state() private activeCol = 0;
  @state() private selected = new Set<number>();
  @state() private openLine: DetailLine | null = null;
  @state() private notes: ClaimNote[] = [];
  @state() private thread: DisputeThread | null = null;
  @state() private collapsed = new Set<string>();
  @state() private message = '';
  @state() private busy = false;
  @state() private detailError = '';
  @state() private adjustError = '';
  @state() private bulkError = '';

  /** The grid scrolls its body (the header sticks) and sideways, so its one tab stop reaches it all. */
  @query('.scroller') private viewport?: HTMLElement;
  @query('[role="grid"]') private gridEl?: HTMLElement;
  @state() private rowHeight = 32;
  private itemsCache: Item[] | null = null;
  private rowsCache: Row[] | null = null;
  private totalsCache: { claimed: string; approved: string } | null = null;
  private haystacks = new WeakMap<object, string>();
  private readonly claimedCache = new WeakMap<object, bigint>();
  private readonly approvedCache = new WeakMap<object, bigint>();
  private resizeObserver?: ResizeObserver;
  private observed: HTMLElement | null = null;
  private filterTimer: ReturnType<typeof setTimeout> | undefined;
  private loadToken = 0;
  private readonly onOnline = () => {
    if (this.loadState === 'offline') void this.load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.measure());
    window.addEventListener('online', this.onOnline);
    this.scheduleRefresh();
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.observed = null;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.filterTimer);
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  /** Starts or stops the live reload as `refresh-seconds` says; a reload waits while one is loading or the page is hidden. */
  private scheduleRefresh() {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
    if (!(this.refreshSeconds > 0) || !this.isConnected) return;
    this.refreshTimer = setInterval(() => {
      if (document.visibilityState === 'hidden' || this.loadState === 'loading' || !this.api) return;
      void this.load();
    }, this.refreshSeconds * 1000);
  }
  protected override updated(): void {
    // The body is absent while loading or failed: observe it whenever it is (re)created.
    const vp = this.viewport ?? null;
    if (vp !== this.observed) {
      if (this.observed) this.resizeObserver?.unobserve(this.observed);
      if (vp) this.resizeObserver?.observe(vp);
      this.observed = vp;
      this.measure();
    }
  }

  private measure() {
    if (!this.viewport) return;
    // The header row has the same height as a body row: measure it rather than parse CSS units.
    const head = this.renderRoot.querySelector<HTMLElement>('.head');
    const h = head ? Math.round(head.getBoundingClientRect().height) : 0;
    if (h > 0) this.rowHeight = h;
    // the sticky header covers the top row's height of the scroller
    this.viewportHeight = this.viewport.clientHeight - this.rowHeight || 384;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A claim given with its lines shows them; one without (the paged load) leaves the lines to the pages.
    if (changed.has('claim') && this.claim?.lines) this.lines = this.claim.lines;
    // The search reads the program type in the locale's words.
    if (changed.has('view') || changed.has('distributorNames') || changed.has('locale')) this.haystacks = new WeakMap();
    if (
      [
        'lines',
        'claims',
        'view',
        'filterText',
        'statusFilter',
        'sortKey',
        'sortDir',
        'groupBy',
        'collapsed',
        'distributorNames',
        'locale',
      ].some((k) => changed.has(k as never))
    ) {
      this.itemsCache = null;
    }
    // Sorting and grouping reorder the shown lines; only the data and the filters change their totals.
    if (['lines', 'view', 'filterText', 'statusFilter', 'collapsed'].some((k) => changed.has(k as never))) this.totalsCache = null;
    const source = ['claimId', 'apiBase', 'view', 'opportunityId', 'accountId'] as const;
    if (source.some((k) => changed.has(k)) && this.api) void this.load();
    if (changed.has('refreshSeconds')) this.scheduleRefresh();
  }

  /** Reloads from the API: a claim's lines page by page (the first page shows at once), or every claim. */
  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const token = ++this.loadToken;
    const stale = () => token !== this.loadToken;
    this.loadState = 'loading';
    this.problem = '';
    try {
      if (this.view === 'lines' && this.claimId) {
        const id = this.claimId;
        const head = await api.claimHeader(id);
        if (stale()) return;
        let lines: ClaimLine[] = [];
        let after = 0;
        for (let first = true; ; first = false) {
          const page = await api.claimLines(id, after, first ? FIRST_PAGE : NEXT_PAGES);
          if (stale()) return;
          lines = lines.concat(page.items);
          if (first) this.claim = head;
          this.lines = lines;
          this.loadState = 'ready';
          this.morePages = page.next !== null;
          if (page.next === null) break;
          after = page.next;
        }
        if (this.openLine) this.openLine = this.lines.find((l) => l.id === this.openLine!.id) ?? null;
      } else if (this.view === 'claims') {
        const all = await everyPage<Claim>(
          (cursor) =>
            api.claims({
              pageSize: 200,
              cursor,
              opportunityId: this.opportunityId || undefined,
              accountId: this.accountId || undefined,
            }),
          { stale },
        );
        if (stale()) return;
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
      this.loadState = 'ready';
    } catch (err) {
      if (stale()) return;
      // A fetch that never reached the server rejects with a TypeError; the browser may know it is offline.
      const offline = !navigator.onLine || err instanceof TypeError;
      const message = this.failed(err);
      if (this.waitingForCredentials) this.loadState = 'idle';
      else {
        this.loadState = offline ? 'offline' : 'error';
        this.problem = message;
      }
    } finally {
      if (!stale()) this.morePages = false;
    }
  }

  private get columns(): Column[] {
    if (this.view === 'claims') {
      // The debit memo column fits the longest memo number (the distributor's own, of any length, ~0.62rem a
      // character): the grid scrolls sideways rather than cut it, as a phone has no hover title.
      const memo = this.claims.reduce((n, c) => Math.max(n, c.debitMemoNumber?.length ?? 0), 12);
      return CLAIM_COLUMNS.map((c) =>
        c.key === 'distributorId'
          ? { ...c, value: (r: Row) => this.distributorName((r as Claim).distributorId) }
          : c.key === 'programType'
            ? { ...c, value: (r: Row) => this.programTypeLabel(r as Claim) }
            : c.key === 'debitMemoNumber'
              ? { ...c, width: `minmax(${Math.ceil(memo * 0.62 + 1)}rem,1fr)` }
              : c,
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
  /** The number of cells in a data row: the checkbox, the columns and "Why?". */
  private get cellCount(): number {
    return this.columns.length + (this.view === 'lines' ? 1 : 0) + (this.selectable ? 1 : 0);
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

  /** Exact totals of the shown lines, computed once per data or filter change (not per sort, group or scroll). */
  private get totals(): { claimed: string; approved: string } | null {
    if (this.view !== 'lines') return null;
    if (!this.totalsCache) {
      const rows = this.visibleRows;
      this.totalsCache = {
        claimed: sumAmounts(rows, (r) => (r as ClaimLine).claimedAmount, this.claimedCache),
        approved: sumAmounts(rows, (r) => (r as ClaimLine).approvedAmount, this.approvedCache),
      };
    }
    return this.totalsCache;
  }

  private groupKey(r: Row): string {
    const rec = r as unknown as Record<string, unknown>;
    if (this.groupBy === 'distributorId') return this.distributorName(rec.distributorId as number);
    if (this.groupBy === 'programType') return this.programTypeLabel(r as Claim);
    return this.codeLabel(String(rec[this.groupBy] ?? ''));
  }

  private programTypeLabel(c: Claim): string {
    return codeLabel(this.locale, 'programType', c.programType);
  }

  /** A claim status (claims view) or line verdict (lines view) in the locale's words. */
  private codeLabel(code: string): string {
    return codeLabel(this.locale, this.view === 'claims' ? 'claimStatus' : 'verdict', code);
  }

  private get items(): Item[] {
    if (this.itemsCache) return this.itemsCache;
    this.rowsCache = null;
    this.itemsCache = deriveItems({
      rows: this.rows,
      columns: this.columns,
      filterText: this.filterText,
      statusKey: this.view === 'claims' ? 'status' : 'verdict',
      statusFilter: this.statusFilter,
      sortKey: this.sortKey,
      sortDir: this.sortDir,
      groupKey: this.groupBy === 'none' ? null : (r) => this.groupKey(r),
      collapsed: this.collapsed,
      currencyOf: (r) => (this.view === 'claims' ? (r as Claim).currency : this.currencyOfRows),
      amountOf: (r) => (this.view === 'claims' ? (r as Claim).claimedTotal : (r as ClaimLine).claimedAmount),
      haystacks: this.haystacks,
    });
    return this.itemsCache;
  }

  private onScroll = () => {
    this.scrollPos = this.viewport!.scrollTop;
  };

  private sortBy(key: string) {
    if (this.sortKey === key) this.sortDir = this.sortDir === 1 ? -1 : 1;
    else {
      this.sortKey = key;
      this.sortDir = 1;
    }
  }

  private onFilterInput(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.filterTimer);
    this.filterTimer = setTimeout(() => this.applyFilter(value), FILTER_DEBOUNCE_MS);
  }
  private applyFilter(value: string) {
    clearTimeout(this.filterTimer);
    this.filterText = value;
    this.setActive(0, this.activeCol);
  }

  /** The data column under cell index `col`, if it is one (not the checkbox or "Why?"). */
  private columnAt(col: number): Column | undefined {
    return this.columns[col - (this.selectable ? 1 : 0)];
  }

  private onKeyDown(e: KeyboardEvent) {
    const items = this.items;
    const page = Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
    const lastCol = this.cellCount - 1;
    let row = this.activeRow;
    let col = this.activeCol;
    switch (e.key) {
      case 'ArrowDown':
        row++;
        break;
      case 'ArrowUp':
        row--;
        break;
      case 'ArrowRight':
        col++;
        break;
      case 'ArrowLeft':
        col--;
        break;
      case 'PageDown':
        row += page;
        break;
      case 'PageUp':
        row -= page;
        break;
      case 'Home':
        if (e.ctrlKey || e.metaKey) row = 0;
        else col = 0;
        break;
      case 'End':
        if (e.ctrlKey || e.metaKey) row = items.length - 1;
        else col = lastCol;
        break;
      case 'Enter': {
        e.preventDefault();
        if (this.activeRow < 0) {
          const c = this.columnAt(this.activeCol);
          if (c) this.sortBy(c.key);
          return;
        }
        void this.activate(items[this.activeRow]);
        return;
      }
      case ' ': {
        e.preventDefault();
        const it = items[this.activeRow];
        if (it && 'row' in it && this.selectable) this.toggleSelect((it.row as ClaimLine).id);
        else if (it && 'group' in it) this.toggleGroup(it.group);
        return;
      }
      case 'Escape':
        this.openLine = null;
        return;
      default:
        return;
    }
    e.preventDefault();
    this.setActive(row, Math.max(0, Math.min(lastCol, col)));
  }

  private setActive(index: number, col = this.activeCol) {
    const n = this.items.length;
    this.activeRow = Math.max(-1, Math.min(n - 1, index));
    this.activeCol = col;
    if (this.activeRow < 0) return;
    const top = this.activeRow * this.rowHeight;
    const vp = this.viewport;
    if (!vp) return;
    if (top < vp.scrollTop) vp.scrollTop = top;
    else if (top + this.rowHeight > vp.scrollTop + this.viewportHeight) vp.scrollTop = top + this.rowHeight - this.viewportHeight;
    this.scrollPos = vp.scrollTop;
    // ←/→ bring the active cell into view sideways (a phone shows a few columns at a time)
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector(`#${this.activeCellId}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    );
  }

  /** The id of the active cell, for aria-activedescendant. */
  private get activeCellId(): string {
    if (this.activeRow < 0) return `h${this.activeCol}`;
    const it = this.items[this.activeRow];
    return it && 'group' in it ? `c${this.activeRow}-0` : `c${this.activeRow}-${this.activeCol}`;
  }

  private async activate(it: Item | undefined) {
    if (!it) return;
    if ('group' in it) return this.toggleGroup(it.group);
    if (this.view === 'claims') {
      this.emit('becclaimselect', { claim: it.row as Claim });
      return;
    }
    const line = it.row as DetailLine;
    this.openLine = line;
    this.adjustError = '';
    this.detailError = '';
    this.message = '';
    this.thread = null;
    this.emit('becclaimselect', { line });
    await this.updateComplete;
    const detail = this.renderRoot.querySelector<BecClaimLineDetail>('bec-claim-line-detail');
    if (detail) {
      await detail.updateComplete;
      detail.scrollIntoView({ block: 'nearest' });
      detail.focus();
    }
    void this.loadNotes();
    if (mayHaveDispute(line)) void this.loadThread(line.id);
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

  private get claimIdOfRows(): number | null {
    return this.claim?.id ?? this.claimId;
  }

  private async loadNotes() {
    const id = this.claimIdOfRows;
    if (!this.api || !id) return;
    try {
      this.notes = await this.api.notes(id);
    } catch (err) {
      this.failed(err);
    }
  }

  /** The line's dispute thread; the API answers 404 (null here, no error) for a line never disputed. */
  private async loadThread(lineId: number) {
    if (!this.api) return;
    try {
      const thread = await this.api.disputeThread(lineId);
      if (this.openLine?.id === lineId) this.thread = thread;
    } catch (err) {
      this.detailError = this.failed(err);
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

  private async adjust({ approvedAmount, reason }: AdjustRequest) {
    const line = this.openLine;
    if (!line) return;
    const claimId = this.claimIdOfRows;
    this.busy = true;
    this.adjustError = '';
    try {
      const updated = this.api && claimId ? await this.api.adjustLine(claimId, line.id, approvedAmount, reason) : null;
      this.replaceLines(
        updated,
        new Map([
          [
            line.id,
            {
              approvedAmount,
              verdict: 'adjusted' as const,
              reasonCodes: [...new Set([...line.reasonCodes, 'ADJUSTED_MANUALLY'])],
              adjustmentReason: reason,
            } as Partial<ClaimLine>,
          ],
        ]),
      );
      this.emit('beclineadjust', { claimId: claimId ?? null, lineId: line.id, approvedAmount, reason });
      this.message = `Line ${line.lineNumber} adjusted to ${formatMoney(approvedAmount, this.currencyOfRows, this.locale)}`;
      this.renderRoot.querySelector('bec-claim-line-detail')?.shadowRoot?.querySelector('bec-claim-adjust-form')?.reset();
    } catch (err) {
      this.adjustError = this.failed(err);
    } finally {
      this.busy = false;
    }
  }

  /** Runs one dispute call for the open line and shows its thread, or the server's refusal. */
  private async disputeCall(call: () => Promise<DisputeThread>, done: string, reload = false) {
    this.busy = true;
    this.detailError = '';
    try {
      this.thread = await call();
      this.message = done;
      if (reload) await this.load();
    } catch (err) {
      this.detailError = this.failed(err);
    } finally {
      this.busy = false;
    }
  }

  private onDetailAction(e: CustomEvent<DetailAction>) {
    const a = e.detail;
    const line = this.openLine;
    const api = this.api;
    switch (a.action) {
      case 'close':
        this.openLine = null;
        this.gridEl?.focus();
        return;
      case 'adjust':
        void this.adjust(a);
        return;
      case 'note':
        void this.addNote(a.body);
        return;
    }
    if (!line || !api) return;
    if (a.action === 'dispute') {
      // The pre-filled amount sent back unchanged ("119.01" for "119.0100") is no correction: a
      // rejected line with a correction is resubmitted at once, one with a comment alone waits for the vendor.
      const correction =
        a.claimedAmount && !sameAmount(a.claimedAmount, line.claimedAmount) ? { claimedAmount: a.claimedAmount } : undefined;
      void this.disputeCall(
        () => api.openDispute({ lineId: line.id, comment: a.comment, ...(correction ? { correction } : {}) }),
        `Line ${line.lineNumber} disputed`,
      );
    } else if (a.action === 'comment') {
      void this.disputeCall(() => api.commentOnDispute(line.id, a.body), 'Comment added');
    } else {
      void this.disputeCall(
        () => api.decideDispute(line.id, a.decision, a.comment, a.approvedAmount ?? undefined),
        `Dispute on line ${line.lineNumber} ${a.decision === 'accept' ? 'accepted' : 'rejected'}`,
        a.decision === 'accept',
      );
    }
  }

  private async bulk(decision: 'accept' | 'reject') {
    const reasonInput = this.renderRoot.querySelector<HTMLInputElement>('#bulk-reason');
    const reason = reasonInput?.value.trim() ?? '';
    if (reason.length < 3) {
      this.bulkError = 'Give a reason for the bulk decision';
      reasonInput?.focus();
      return;
    }
    const ids = [...this.selected];
    const claimId = this.claimIdOfRows;
    const changes = new Map<number, Partial<ClaimLine>>();
    this.busy = true;
    this.bulkError = '';
    let updated: Claim | null = null;
    try {
      const byId = new Map(this.lines.map((l) => [l.id, l]));
      for (const id of ids) {
        const line = byId.get(id);
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
      this.bulkError = this.failed(err);
    } finally {
      this.replaceLines(updated, changes);
      this.busy = false;
    }
  }

  private async addNote(body: string) {
    const claimId = this.claimIdOfRows;
    if (!body || !claimId) return;
    try {
      const note = this.api
        ? await this.api.addNote(claimId, body)
        : { id: Date.now(), authorUserId: 0, body, createdAt: new Date().toISOString() };
      this.notes = [...this.notes, note];
      this.emit('becnoteadd', { claimId, body });
    } catch (err) {
      this.detailError = this.failed(err);
    }
  }

  /**
   * The CSV of the rows as filtered and sorted, safe against formula injection, in the dialect of
   * `csv-delimiter` and `csv-decimal`, else of the locale (amounts with its decimal mark). A
   * promise: the writer (core/csv.ts and its locales' table) is a chunk of its own, loaded with
   * the first export, so that the pages that never export do not download it with bec.js.
   */
  async toCsv(): Promise<string> {
    const { csvDecimalColumn, csvDialectForLocale, resolveCsvDialect, toCsv } = await import('./csv.js');
    const cols = this.columns;
    const extra = this.view === 'lines' ? [csvDecimalColumn('Computed'), 'Reason codes', 'Rule'] : ['Currency'];
    const dialect = resolveCsvDialect(
      { delimiter: this.csvDelimiter, decimal: this.csvDecimal },
      csvDialectForLocale(uiLocale(this.locale)),
    );
    return toCsv(
      [...cols.map((c) => (c.kind === 'money' ? csvDecimalColumn(c.label) : c.label)), ...extra],
      this.visibleRows.map((r) => [
        ...cols.map((c) => c.value(r)),
        ...(this.view === 'lines'
          ? [(r as ClaimLine).computedAmount, (r as ClaimLine).reasonCodes.join(' '), (r as ClaimLine).rule ?? '']
          : [(r as Claim).currency]),
      ]),
      dialect,
    );
  }

  private async exportCsv() {
    const blob = new Blob([await this.toCsv()], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${this.view === 'claims' ? 'claims' : (this.claim?.number ?? 'claim-lines')}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private renderCell(c: Column, r: Row, id: string, active: boolean): TemplateResult {
    const v = c.value(r);
    const cur = this.view === 'claims' ? (r as Claim).currency : this.currencyOfRows;
    const cls = `cell ${active ? 'active-cell' : ''}`;
    switch (c.kind) {
      case 'money':
        return html`<div class="${cls} num" role="gridcell" id=${id}>${formatMoney(v as string, cur, this.locale)}</div>`;
      case 'number':
        return html`<div class="${cls} num" role="gridcell" id=${id}>${formatNumber(v as number, this.locale)}</div>`;
      case 'date':
        return html`<div class=${cls} role="gridcell" id=${id}>${formatDate(v as string, this.locale)}</div>`;
      case 'badge':
        return html`<div class=${cls} role="gridcell" id=${id}>
          <span class="badge" data-tone=${toneOf(String(v))}>${this.codeLabel(String(v))}</span>
        </div>`;
      default:
        return html`<div class=${cls} role="gridcell" id=${id} title=${String(v ?? '')}>${v}</div>`;
    }
  }

  private renderItem(it: Item, i: number): TemplateResult {
    const top = i * this.rowHeight;
    const isActiveRow = i === this.activeRow;
    // The grid owns the keyboard (aria-activedescendant); rows take pointer input: one click opens.
    if ('group' in it) {
      // eslint-disable-next-line lit-a11y/click-events-have-key-events
      return html`<div
        class="row group ${isActiveRow ? 'active' : ''}"
        part="group-row"
        role="row"
        aria-rowindex=${i + 2}
        style="top:${top}px"
        @click=${() => {
          this.setActive(i);
          this.toggleGroup(it.group);
        }}
      >
        <div class="cell ${isActiveRow ? 'active-cell' : ''}" role="gridcell" id="c${i}-0" style="grid-column: 1 / span ${this.cellCount}">
          <button
            type="button"
            class="why"
            tabindex="-1"
            aria-expanded=${!it.collapsed}
            aria-label="${it.group}: ${it.collapsed ? 'expand' : 'collapse'}"
          >
            ${it.collapsed ? '▸' : '▾'}
          </button>
          <span class="group-name">${it.group}</span>
          <span class="muted">· ${it.count} · ${it.totals.map(([cur, amount]) => formatMoney(amount, cur, this.locale)).join(' + ')}</span>
        </div>
      </div>`;
    }
    const r = it.row;
    const line = this.view === 'lines' ? (r as ClaimLine) : null;
    const selected = line ? this.selected.has(line.id) : false;
    const lead = this.selectable ? 1 : 0;
    const cellActive = (k: number) => isActiveRow && this.activeCol === k;
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      class="row ${isActiveRow ? 'active' : ''}"
      part="row"
      role="row"
      aria-rowindex=${i + 2}
      aria-selected=${line && this.selectable ? String(selected) : nothing}
      style="top:${top}px"
      @click=${() => {
        this.setActive(i);
        void this.activate(it);
      }}
    >
      ${
        line && this.selectable
          ? html`<div class="cell ${cellActive(0) ? 'active-cell' : ''}" role="gridcell" id="c${i}-0">
              <input
                type="checkbox"
                tabindex="-1"
                aria-label="Select line ${line.lineNumber}"
                .checked=${selected}
                @click=${(e: Event) => e.stopPropagation()}
                @change=${() => this.toggleSelect(line.id)}
              />
            </div>`
          : nothing
      }
      ${this.columns.map((c, k) => this.renderCell(c, r, `c${i}-${k + lead}`, cellActive(k + lead)))}
      ${
        line
          ? html`<div class="cell ${cellActive(this.cellCount - 1) ? 'active-cell' : ''}" role="gridcell" id="c${i}-${this.cellCount - 1}">
              <button type="button" class="why" tabindex="-1" aria-label=${msg(this.locale, 'grid.whyLine', { number: line.lineNumber })}>
                ${msg(this.locale, 'grid.why')}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderState(): TemplateResult | typeof nothing {
    const claims = this.view === 'claims';
    const t = (key: MessageKey) => msg(this.locale, key);
    const retry = html`<button type="button" @click=${() => void this.load()}>${t('state.retry')}</button>`;
    switch (this.loadState) {
      case 'loading':
        return this.rows.length
          ? nothing
          : html`<div class="state" part="state" data-state="loading" role="status">
              ${t(claims ? 'grid.loadingClaims' : 'grid.loadingLines')}
            </div>`;
      case 'error':
        return html`<div class="state" part="state" data-state="error" role="alert">
          <strong>${t(claims ? 'grid.errorClaims' : 'grid.errorLines')}</strong>
          <p>${this.problem || t('grid.unexpected')}</p>
          ${retry}
        </div>`;
      case 'offline':
        return html`<div class="state" part="state" data-state="offline" role="alert">
          <strong>${t('grid.offline')}</strong>
          <p>${t(claims ? 'grid.offlineClaims' : 'grid.offlineLines')}</p>
          ${retry}
        </div>`;
      default:
        return nothing;
    }
  }

  private renderEmpty(): TemplateResult {
    if (this.rows.length === 0) {
      return html`<div class="empty" part="state" data-state="empty">
        ${msg(this.locale, this.view === 'claims' ? 'grid.noClaims' : 'grid.noLines')}
      </div>`;
    }
    return html`<div class="empty" part="state" data-state="no-match">
      ${msg(this.locale, this.view === 'claims' ? 'grid.noMatchClaims' : 'grid.noMatchLines')}
      <button
        type="button"
        @click=${() => {
          const input = this.renderRoot.querySelector<HTMLInputElement>('#filter');
          if (input) input.value = '';
          this.statusFilter = '';
          this.applyFilter('');
        }}
      >
        ${msg(this.locale, 'grid.clearFilters')}
      </button>
    </div>`;
  }

  private renderTable(items: Item[]): TemplateResult {
    const h = this.rowHeight;
    const first = Math.max(0, Math.floor(this.scrollPos / h) - OVERSCAN);
    const last = Math.min(items.length, Math.ceil((this.scrollPos + this.viewportHeight) / h) + OVERSCAN);
    const cols = this.columns;
    const lead = this.selectable ? 1 : 0;
    const tracks = [...(this.selectable ? ['2.25rem'] : []), ...cols.map((c) => c.width), ...(this.view === 'lines' ? ['4.5rem'] : [])];
    const widths = tracks.join(' ');
    // The rows are as wide as their columns' minimums (each column's first rem length) and the body with them.
    const minWidth = tracks.reduce((sum, t) => sum + Number(/([\d.]+)rem/.exec(t)?.[1] ?? 0), 0);
    const visible: TemplateResult[] = [];
    for (let i = first; i < last; i++) visible.push(this.renderItem(items[i]!, i));
    const headActive = (k: number) => this.activeRow === -1 && this.activeCol === k;
    return html`<div
      class="table scroller viewport"
      part="table"
      role="grid"
      aria-label=${msg(this.locale, this.view === 'claims' ? 'grid.claimsLabel' : 'grid.linesLabel')}
      aria-describedby="grid-help"
      aria-rowcount=${items.length + 1}
      aria-colcount=${this.cellCount}
      aria-multiselectable=${this.selectable ? 'true' : nothing}
      tabindex="0"
      aria-activedescendant=${items.length || this.activeRow < 0 ? this.activeCellId : nothing}
      @keydown=${(e: KeyboardEvent) => e.target === e.currentTarget && this.onKeyDown(e)}
      style="--_columns:${widths};--_min-width:${minWidth}rem;max-height: calc(var(--bec-grid-height, 24rem) + ${h}px)"
      @scroll=${this.onScroll}
    >
      <div class="head-group" role="rowgroup">
        <div class="head" part="header" role="row" aria-rowindex="1">
          ${
            this.selectable
              ? html`<div class="cell ${headActive(0) ? 'active-cell' : ''}" role="columnheader" id="h0">
                  <span class="sr-only">${msg(this.locale, 'grid.selectedCell')}</span>
                </div>`
              : nothing
          }
          ${cols.map(
            (c, k) =>
              html`<div
                class="cell ${c.kind === 'money' || c.kind === 'number' ? 'num' : ''} ${headActive(k + lead) ? 'active-cell' : ''}"
                role="columnheader"
                id="h${k + lead}"
                aria-sort=${this.sortKey === c.key ? (this.sortDir === 1 ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" tabindex="-1" @click=${() => this.sortBy(c.key)}>
                  ${msg(this.locale, `grid.col.${c.key}` as MessageKey)}${this.sortKey === c.key ? (this.sortDir === 1 ? ' ▲' : ' ▼') : ''}
                </button>
              </div>`,
          )}
          ${
            this.view === 'lines'
              ? html`<div
                  class="cell ${headActive(this.cellCount - 1) ? 'active-cell' : ''}"
                  role="columnheader"
                  id="h${this.cellCount - 1}"
                >
                  <span class="sr-only">${msg(this.locale, 'grid.explain')}</span>
                </div>`
              : nothing
          }
        </div>
      </div>
      <div class="body" part="viewport" role="rowgroup" style="height: ${items.length ? items.length * h : 96}px">
        <div class="spacer" style="height:${items.length * h}px">${visible}</div>
        ${
          // the empty and no-match states sit in a row of the grid, as its only cell (a grid's rowgroups hold rows)
          items.length ? nothing : html`<div role="row"><div role="gridcell">${this.renderEmpty()}</div></div>`
        }
      </div>
    </div>`;
  }

  override render() {
    const t = (key: MessageKey) => msg(this.locale, key);
    const items = this.items;
    const rows = this.visibleRows;
    const cur = this.currencyOfRows;
    const totals = this.totals;
    const statuses =
      this.view === 'claims'
        ? ['draft', 'submitted', 'authorized', 'paid', 'rejected']
        : ['pending', 'accepted', 'partial', 'rejected', 'adjusted'];
    const failed = this.loadState === 'error' || this.loadState === 'offline';
    const showTable = !failed && !(this.loadState === 'loading' && this.rows.length === 0);
    return html`<div class="card" part="base">
      <div class="toolbar" part="toolbar">
        <div class="grow">
          <h2 class="title">
            ${
              this.heading ||
              (this.view === 'claims'
                ? t('grid.claimsTitle')
                : this.claim
                  ? msg(this.locale, 'grid.claimTitle', { number: this.claim.number })
                  : t('grid.linesTitle'))
            }
          </h2>
          <div class="summary" aria-live="polite">
            ${msgCount(this.locale, this.view === 'claims' ? 'grid.countClaims' : 'grid.countLines', this.rows.length, {
              shown: formatNumber(rows.length, this.locale),
            })}
            ${this.claim ? html` · <span class="badge" data-tone=${toneOf(this.claim.status)}>${codeLabel(this.locale, 'claimStatus', this.claim.status)}</span>` : nothing}
            ${this.morePages ? ` · ${t('grid.loadingMore')}` : ''}
          </div>
        </div>
        <div class="field search">
          <label for="filter">${t('grid.search')}</label>
          <input
            id="filter"
            type="search"
            placeholder=${t('grid.searchPlaceholder')}
            @input=${this.onFilterInput}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.applyFilter((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="status">${t(this.view === 'claims' ? 'grid.status' : 'grid.verdict')}</label>
          <select id="status" @change=${(e: Event) => (this.statusFilter = (e.target as HTMLSelectElement).value)}>
            <option value="">${t('grid.all')}</option>
            ${statuses.map((s) => html`<option value=${s} ?selected=${this.statusFilter === s}>${this.codeLabel(s)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="group">${t('grid.groupBy')}</label>
          <select id="group" @change=${(e: Event) => (this.groupBy = (e.target as HTMLSelectElement).value as BecClaimGrid['groupBy'])}>
            <option value="none" ?selected=${this.groupBy === 'none'}>${t('grid.none')}</option>
            ${
              this.view === 'claims'
                ? html`<option value="programType" ?selected=${this.groupBy === 'programType'}>${t('grid.programType')}</option>
                    <option value="distributorId" ?selected=${this.groupBy === 'distributorId'}>${t('grid.distributor')}</option>
                    <option value="status" ?selected=${this.groupBy === 'status'}>${t('grid.status')}</option>`
                : html`<option value="verdict" ?selected=${this.groupBy === 'verdict'}>${t('grid.verdict')}</option>`
            }
          </select>
        </div>
        <button type="button" @click=${this.exportCsv}>${t('grid.exportCsv')}</button>
      </div>
      ${
        this.canAdjust && this.view === 'lines' && this.selected.size
          ? html`<div class="toolbar" part="bulk-bar">
              <span>${msgCount(this.locale, 'grid.selected', this.selected.size)}</span>
              <div class="field grow">
                <label for="bulk-reason">${t('grid.bulkReason')}</label>
                <input id="bulk-reason" aria-invalid=${this.bulkError ? 'true' : 'false'} aria-describedby="bulk-err" />
                <div class="field-error" id="bulk-err">${this.bulkError}</div>
              </div>
              <button class="brand" type="button" ?disabled=${this.busy} @click=${() => this.bulk('accept')}>
                ${t('grid.acceptSelected')}
              </button>
              <button class="destructive" type="button" ?disabled=${this.busy} @click=${() => this.bulk('reject')}>
                ${t('grid.rejectSelected')}
              </button>
            </div>`
          : nothing
      }
      <span id="grid-help" class="sr-only">${t('grid.help')}</span>
      ${this.renderWaiting()} ${this.renderState()}
      ${this.message ? html`<div class="alert" data-tone="success" role="status">${this.message}</div>` : nothing}
      ${showTable ? this.renderTable(items) : nothing}
      ${
        showTable && totals
          ? html`<div class="foot" part="footer">
              <span>${msg(this.locale, 'grid.totalClaimed')} <strong>${formatMoney(totals.claimed, cur, this.locale)}</strong></span>
              <span>${msg(this.locale, 'grid.totalApproved')} <strong>${formatMoney(totals.approved, cur, this.locale)}</strong></span>
            </div>`
          : nothing
      }
      ${
        this.openLine
          ? html`<bec-claim-line-detail
              part="detail"
              aria-label="Line ${this.openLine.lineNumber}"
              .line=${this.openLine}
              .currency=${cur}
              .locale=${this.locale}
              .audience=${this.audience}
              .canAdjust=${this.canAdjust}
              .thread=${this.thread}
              .notes=${this.notes}
              .busy=${this.busy}
              .error=${this.detailError}
              .adjustError=${this.adjustError}
              @detail-action=${this.onDetailAction}
            ></bec-claim-line-detail>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-claim-grid': BecClaimGrid;
  }
}
