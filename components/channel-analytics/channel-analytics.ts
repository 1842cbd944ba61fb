import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  ANALYTICS_REPORTS,
  reportCsv,
  type AnalyticsReport,
  type AnalyticsReportName,
  type Dimension,
  type Measure,
  type ReportRow,
} from '../../core/analytics/reports.js';
import { BecElement } from '../shared/base.js';
import { formatDate, formatMoney, formatNumber, formatPercent, formatUnitPrice } from '../shared/format.js';
import { codeLabel, MESSAGES, msg, type MessageKey } from '../shared/i18n.js';
// The administration's messages (not in dist/bec.js).
import '../shared/i18n-admin.js';
import { renderViewState, showsContent, stateStyles, ViewStateController } from '../shared/states.js';
import { tableHostStyles, tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens } from '../shared/theme.js';
import { channelAnalyticsStyles } from './channel-analytics.styles.js';

export type { AnalyticsReport, AnalyticsReportName };

/**
 * One channel analytics report as a table (GET /api/analytics/<report>): each row in its own
 * currency, then the rate into the base currency with its day, and the money figures converted;
 * a row without a rate says so instead of a figure. The report, the period and the columns come
 * from core/analytics/reports.ts, as the server's; the CSV link downloads the very columns shown
 * (the same CSV as `?format=csv`). A distributor sees its own figures only (the server decides).
 *
 * @summary Channel analytics: a report per currency and in the base currency, with a CSV download.
 *
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401).
 * @csspart loading - Shown while the report loads.
 * @csspart empty - Shown when the period has no figures.
 * @csspart error - A failed load, its detail and a Retry button.
 * @csspart offline - Shown when the browser is offline, with a Retry button.
 * @csspart retry - The Retry button.
 * @csspart report-select - The choice of report.
 * @csspart from - The first day of the period.
 * @csspart to - The last day of the period.
 * @csspart download - The CSV download link.
 * @csspart table - The report's table.
 * @csspart missing-rate - The note in place of the base-currency figures of a row without a rate.
 *
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-channel-analytics')
export class BecChannelAnalytics extends BecElement {
  static override styles = [themeTokens, controls, stateStyles, tableStyles, tableHostStyles, channelAnalyticsStyles];

  /** Which report to show. */
  @property({ reflect: true }) report: AnalyticsReportName = 'by-distributor';
  /** First day of the period (YYYY-MM-DD); the server's default (twelve months to `to`) when empty. */
  @property() from = '';
  /** Last day of the period (YYYY-MM-DD); today (UTC) when empty. */
  @property() to = '';
  /** Vendor users: one distributor's figures only (a distributor user always sees its own). */
  @property({ type: Number, attribute: 'distributor-id' }) distributorId: number | null = null;
  /** The report's data (loaded from the API when `api-base` is set). */
  @property({ attribute: false }) data: AnalyticsReport | null = null;

  @state() private loaded = false;
  @state() private csvUrl = '';
  private readonly view = new ViewStateController(this, (err) => this.failed(err));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      (changed.has('apiBase') || changed.has('report') || changed.has('from') || changed.has('to') || changed.has('distributorId')) &&
      this.api
    )
      void this.load();
    if (changed.has('data')) {
      if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
      this.csvUrl = this.data ? URL.createObjectURL(new Blob([reportCsv(this.data)], { type: 'text/csv;charset=utf-8' })) : '';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
    this.csvUrl = '';
  }

  /** The report's path with the chosen period and distributor. */
  get path(): string {
    const q = new URLSearchParams();
    if (this.from) q.set('from', this.from);
    if (this.to) q.set('to', this.to);
    if (this.distributorId !== null) q.set('distributorId', String(this.distributorId));
    const query = q.toString();
    return `/api/analytics/${this.report}${query ? `?${query}` : ''}`;
  }

  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    await this.view.track(async () => {
      this.data = await api.request<AnalyticsReport>('GET', this.path);
      this.loaded = true;
    });
  }

  private t(key: MessageKey, params: Record<string, string | number> = {}) {
    return msg(this.locale, key, params);
  }

  /** A report's title in the locale's words (the server's `title` is English). */
  private reportTitle(name: AnalyticsReportName): string {
    return codeLabel(this.locale, 'analyticsReport', name);
  }

  /** A column's title in the locale's words (the report's `label` is English); the report's own label for a column the catalog does not know. */
  private columnTitle(c: Dimension | Measure): string {
    const key = `analyticsColumn.${c.key}`;
    return key in MESSAGES.en ? msg(this.locale, key as MessageKey) : c.label;
  }

  private cell(m: Measure, value: string | number | null | undefined, currency: string) {
    if (value === null || value === undefined) return '—';
    switch (m.kind) {
      case 'money':
        return formatMoney(String(value), currency, this.locale);
      case 'price':
        return formatUnitPrice(String(value), currency, this.locale);
      case 'quantity':
        return formatNumber(Number(value), this.locale);
      case 'ratio':
        // A 4-decimal fraction shown as a percentage: display only, never summed.
        return formatPercent(Number(value), this.locale);
    }
  }

  /** A row's value of a dimension as read: a program type in the locale's words, not its code. */
  private keyOf(r: ReportRow, key: string): string | undefined {
    return key === 'programType' ? codeLabel(this.locale, 'programType', r.keys[key]) : r.keys[key];
  }

  private row(r: ReportRow, d: AnalyticsReport, converted: readonly Measure[]) {
    return html`<tr>
      ${d.dimensions.map((dim, i) => (i === 0 ? html`<th scope="row">${this.keyOf(r, dim.key)}</th>` : html`<td>${this.keyOf(r, dim.key)}</td>`))}
      <td>${r.currency}</td>
      ${d.measures.map((m) => html`<td class="num">${this.cell(m, r.values[m.key], r.currency)}</td>`)}
      ${
        r.base
          ? html`<td class="num base base-start">
                ${r.base.rate}<span class="rate-date"
                  >${r.base.rateDate ? this.t('analytics.rateOf', { date: formatDate(r.base.rateDate, this.locale) }) : this.t('analytics.sameCurrency')}</span
                >
              </td>
              ${converted.map((m) => html`<td class="num base">${this.cell(m, r.base!.values[m.key], r.base!.currency)}</td>`)}`
          : html`<td class="base base-start" colspan=${converted.length + 1} part="missing-rate">
              ${this.t('analytics.noRate')}<span class="missing"
                >${this.t('analytics.missingRate', { from: r.currency, to: d.baseCurrency, date: formatDate(r.figureDate, this.locale) })}</span
              >
            </td>`
      }
    </tr>`;
  }

  private table(d: AnalyticsReport) {
    const converted = d.measures.filter((m) => m.kind === 'money' || m.kind === 'price');
    return html`<section aria-labelledby="analytics-caption" tabindex="0">
      <table part="table">
        <caption id="analytics-caption">
          ${this.reportTitle(d.report)}
        </caption>
        <thead>
          <tr>
            ${d.dimensions.map((dim) => html`<th scope="col">${this.columnTitle(dim)}</th>`)}
            <th scope="col">${this.t('analytics.currency')}</th>
            ${d.measures.map((m) => html`<th scope="col" class="num">${this.columnTitle(m)}</th>`)}
            <th scope="col" class="num base base-start">${this.t('analytics.rate', { currency: d.baseCurrency })}</th>
            ${converted.map(
              (m) =>
                html`<th scope="col" class="num base">
                  ${this.t('analytics.inBase', { label: this.columnTitle(m), currency: d.baseCurrency })}
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${d.rows.map((r) => this.row(r, d, converted))}
        </tbody>
      </table>
    </section>`;
  }

  private onReport(e: Event) {
    this.report = (e.target as HTMLSelectElement).value as AnalyticsReportName;
  }

  private onDay(which: 'from' | 'to', e: Event) {
    const value = (e.target as HTMLInputElement).value;
    if (value) this[which] = value;
  }

  override render() {
    const d = this.data;
    const empty = !d || d.rows.length === 0;
    return html`<div class="card" part="base">
      <div class="card-header"><h2>${this.t('analytics.title')}</h2></div>
      ${this.renderWaiting()}
      <div class="toolbar">
        <div class="field">
          <label for="report">${this.t('analytics.report')}</label>
          <select id="report" part="report-select" .value=${this.report} @change=${this.onReport}>
            ${ANALYTICS_REPORTS.map((name) => html`<option value=${name} ?selected=${name === this.report}>${this.reportTitle(name)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="from">${this.t('analytics.from')}</label>
          <input id="from" part="from" type="date" .value=${this.from || d?.from || ''} @change=${(e: Event) => this.onDay('from', e)} />
        </div>
        <div class="field">
          <label for="to">${this.t('analytics.to')}</label>
          <input id="to" part="to" type="date" .value=${this.to || d?.to || ''} @change=${(e: Event) => this.onDay('to', e)} />
        </div>
        ${
          d && this.csvUrl
            ? html`<a part="download" href=${this.csvUrl} download="${d.report}_${d.from}_${d.to}.csv">${this.t('analytics.download')}</a>`
            : nothing
        }
      </div>
      ${renderViewState(this.view, {
        empty: empty && (this.loaded || !this.api),
        emptyText: this.t('analytics.empty'),
        locale: this.locale,
        hasContent: !empty,
        waiting: this.waitingForCredentials,
      })}
      ${d && showsContent(this.view, empty) ? this.table(d) : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-channel-analytics': BecChannelAnalytics;
  }
}
