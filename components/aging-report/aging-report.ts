import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiAnswer } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { formatMoney, formatNumber } from '../shared/format.js';
import { msg, type MessageKey } from '../shared/i18n.js';
import { renderViewState, showsContent, stateStyles, ViewStateController } from '../shared/states.js';
import { tableHostStyles, tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens } from '../shared/theme.js';
import { agingReportStyles } from './aging-report.styles.js';

export type Aging = ApiAnswer<'getReportsAging', 200>;
type AgingTable = Aging['claims'];

/**
 * How long unpaid claims and pending special-price requests have waited, as of a day: counts and
 * amounts in the buckets 0–7, 8–30, 31–60 and over 60 days, per distributor and currency, with a
 * total per currency (two currencies are never added). A distributor sees its own rows only (the
 * server decides).
 *
 * @summary Aging of unpaid claims and pending requests, in day buckets.
 *
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart loading - Shown while the report loads.
 * @csspart empty - Shown when nothing is waiting.
 * @csspart error - A failed load, its detail and a Retry button.
 * @csspart offline - Shown when the browser is offline, with a Retry button.
 * @csspart retry - The Retry button.
 * @csspart as-of - The day the ages are counted to.
 * @csspart claims - The table of unpaid claims.
 * @csspart requests - The table of pending requests.
 *
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-aging-report')
export class BecAgingReport extends BecElement {
  static override styles = [themeTokens, controls, stateStyles, tableStyles, tableHostStyles, agingReportStyles];

  /** The report (loaded from the API when `api-base` is set). */
  @property({ attribute: false }) report: Aging | null = null;
  /** The day ages are counted to (YYYY-MM-DD); today (UTC) when empty. */
  @property({ attribute: 'as-of' }) asOf = '';

  @state() private loaded = false;
  private readonly view = new ViewStateController(this, (err) => this.failed(err));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('apiBase') || changed.has('asOf')) && this.api) void this.load();
  }

  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    await this.view.track(async () => {
      const query = this.asOf ? `?asOf=${encodeURIComponent(this.asOf)}` : '';
      this.report = await api.request<Aging>('GET', `/api/reports/aging${query}`);
      this.loaded = true;
    });
  }

  private t(key: MessageKey, params: Record<string, string | number> = {}) {
    return msg(this.locale, key, params);
  }

  private onAsOf(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    if (value) this.asOf = value;
  }

  private table(kind: 'claims' | 'requests', data: AgingTable, report: Aging) {
    if (!data.byDistributor.length) return nothing;
    const bucketLabel = (key: string) => {
      const b = report.buckets.find((x) => x.key === key)!;
      return b.toDays === null ? this.t('aging.over', { days: b.fromDays - 1 }) : this.t('aging.range', { from: b.fromDays, to: b.toDays });
    };
    const cells = (buckets: AgingTable['totals'][number]['buckets'], currency: string) =>
      buckets.map(
        (c) =>
          html`<td class="num">
            ${formatMoney(c.amount, currency, this.locale)}<span class="count"
              >${this.t('aging.count', { count: formatNumber(c.count, this.locale) })}</span
            >
          </td>`,
      );
    return html`<section part=${kind} aria-labelledby="${kind}-title" tabindex="0">
      <h3 id="${kind}-title">${this.t(kind === 'claims' ? 'aging.claims' : 'aging.requests')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">${this.t('aging.distributor')}</th>
            ${report.buckets.map((b) => html`<th scope="col" class="num">${bucketLabel(b.key)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${data.byDistributor.map(
            (r) =>
              html`<tr>
                <th scope="row">${r.distributorName} <span class="count">${r.currency}</span></th>
                ${cells(r.buckets, r.currency)}
              </tr>`,
          )}
        </tbody>
        <tfoot>
          ${data.totals.map(
            (tot) =>
              html`<tr>
                <td>${this.t('aging.total', { currency: tot.currency })}</td>
                ${cells(tot.buckets, tot.currency)}
              </tr>`,
          )}
        </tfoot>
      </table>
    </section>`;
  }

  override render() {
    const report = this.report;
    const empty = !report || (!report.claims.byDistributor.length && !report.requests.byDistributor.length);
    return html`<div class="card" part="base">
      <div class="card-header"><h2>${this.t('aging.title')}</h2></div>
      ${this.renderWaiting()}
      <div class="toolbar">
        <div class="field">
          <label for="as-of">${this.t('aging.asOf')}</label>
          <input id="as-of" part="as-of" type="date" .value=${this.asOf || report?.asOf || ''} @change=${this.onAsOf} />
        </div>
      </div>
      ${renderViewState(this.view, {
        empty: empty && (this.loaded || !this.api),
        emptyText: this.t('aging.empty'),
        locale: this.locale,
        hasContent: !empty,
        waiting: this.waitingForCredentials,
      })}
      ${
        report && showsContent(this.view, empty)
          ? html`${this.table('claims', report.claims, report)} ${this.table('requests', report.requests, report)}`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-aging-report': BecAgingReport;
  }
}
