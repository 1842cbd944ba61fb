import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Accruals, ClaimFigure, ClaimFigures, CurrencyTotals } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import type { BecEventDetails } from '../shared/events.js';
import { formatDate, formatMoney, formatMoneyCompact, formatNumber, labelOf } from '../shared/format.js';
import { controls, themeTokens } from '../shared/theme.js';
import { barChart, lineChart, type Series } from './charts.js';

/**
 * The older single-currency accruals: amounts without a currency, read as the element's `currency`.
 * `GET /api/reports/accruals` answers `Accruals` (shared/api.ts).
 */
export interface SingleCurrencyAccruals {
  asOf: string;
  openLiability: string;
  inReview: string;
  paid: string;
  exposure: string;
  byDistributor: { distributorId: number; distributorName: string; openQuantity: number; exposure: string }[];
}
/** One group of the claim figures (`ClaimFigure`); without `currency` (older data), the element's `currency`. */
export type Figure = Omit<ClaimFigure, 'currency'> & { currency?: string };
/** The drill-down detail, with the currency of the amount. */
export type DrillDown = BecEventDetails['becdrilldown'];
type Panel = 'trend' | 'distributor' | 'programType' | 'exposure';

/**
 * Finance's view of the money: open liability, exposure, and claimed / approved / paid over time,
 * by distributor and by program type, as charts, with the exact numbers one click away.
 * Money is shown per currency and never added across currencies: each tile lists one amount per
 * claim currency, and the charts show one currency at a time (a picker appears when there are
 * several). Exposure is in the vendor's book currency (`exposureCurrency`).
 *
 * @summary Accrual and claim dashboard: KPI tiles and SVG charts with a table view of each.
 *
 * @fires {CustomEvent<BecEventDetails['becdrilldown']>} becdrilldown - A tile amount, bar or point was chosen: `{ series, key, amount, currency }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart kpis - The row of figure tiles.
 * @csspart kpi - One figure tile.
 * @csspart kpi-amount - One amount of a tile, in one currency (a button).
 * @csspart currency-picker - The group of currency buttons above the charts (several currencies only).
 * @csspart panel - One chart panel.
 * @csspart table - A panel's table of numbers.
 *
 * @cssproperty --bec-color-chart-1 - First series colour (claimed).
 * @cssproperty --bec-color-chart-2 - Second series colour (approved).
 * @cssproperty --bec-color-chart-3 - Third series colour (paid).
 * @cssproperty --bec-color-chart-4 - Exposure colour.
 */
@customElement('bec-accrual-dashboard')
export class BecAccrualDashboard extends BecElement {
  static override styles = [
    themeTokens,
    controls,
    css`
      .kpis {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: var(--_bec-space-small);
        margin-bottom: var(--_bec-space-small);
      }
      .kpi {
        padding: var(--_bec-space-small) var(--_bec-space-medium);
        background: var(--_bec-color-background);
        border: 1px solid var(--_bec-color-border);
        border-radius: var(--_bec-radius-card);
        box-shadow: var(--_bec-shadow-card);
        color: var(--_bec-color-text);
      }
      .kpi .label {
        margin: 0;
      }
      .kpi ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .kpi .amount {
        display: block;
        min-height: 0;
        padding: 0;
        border: 0;
        background: none;
        color: var(--_bec-color-text);
        text-align: left;
        font-size: var(--_bec-font-size-9);
        font-weight: 300;
        line-height: 1.25;
        font-variant-numeric: tabular-nums;
      }
      .kpi .amount:hover:not(:disabled) {
        background: none;
        color: var(--_bec-color-brand);
      }
      .kpi ul.multi .amount {
        font-size: var(--_bec-font-size-7);
      }
      .kpi small {
        color: var(--_bec-color-text-weak);
      }
      .currency-picker {
        display: flex;
        align-items: center;
        gap: var(--_bec-space-x-small);
        margin-bottom: var(--_bec-space-small);
      }
      .currency-picker .label {
        margin: 0 var(--_bec-space-x-small) 0 0;
      }
      .currency-picker .group {
        display: inline-flex;
      }
      .currency-picker .group button {
        border-radius: 0;
        margin-left: -1px;
      }
      .currency-picker .group button:first-child {
        border-radius: var(--_bec-radius) 0 0 var(--_bec-radius);
        margin-left: 0;
      }
      .currency-picker .group button:last-child {
        border-radius: 0 var(--_bec-radius) var(--_bec-radius) 0;
      }
      .currency-picker button[aria-pressed='true'] {
        background: var(--_bec-color-brand);
        border-color: var(--_bec-color-brand);
        color: var(--_bec-color-brand-contrast);
        position: relative;
      }
      .panels {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr));
        gap: var(--_bec-space-small);
      }
      .panel-body {
        padding: var(--_bec-space-small) var(--_bec-space-medium);
      }
      .chart {
        width: 100%;
        height: auto;
        display: block;
      }
      .chart .grid {
        stroke: var(--_bec-color-border-weak);
      }
      .chart .tick {
        fill: var(--_bec-color-text-weak);
        font-size: 11px;
      }
      .chart .bar {
        cursor: pointer;
      }
      .chart .bar:hover {
        opacity: 0.8;
      }
      .legend {
        display: flex;
        gap: var(--_bec-space-medium);
        font-size: var(--_bec-font-size-1);
        color: var(--_bec-color-text-weak);
      }
      .legend i {
        display: inline-block;
        width: 0.75rem;
        height: 0.75rem;
        border-radius: 2px;
        margin-right: 0.25rem;
        vertical-align: -1px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: var(--_bec-font-size-2);
      }
      th {
        text-align: left;
        font-size: var(--_bec-font-size-1);
        text-transform: uppercase;
        color: var(--_bec-color-text-weak);
        border-bottom: 1px solid var(--_bec-color-border);
        padding: var(--_bec-space-xx-small);
      }
      th.num {
        text-align: right;
      }
      td {
        padding: var(--_bec-space-xx-small);
        border-bottom: 1px solid var(--_bec-color-border-weak);
      }
      .toggle {
        min-height: 1.5rem;
        font-size: var(--_bec-font-size-1);
      }
      .empty {
        color: var(--_bec-color-text-weak);
        padding: var(--_bec-space-large);
        text-align: center;
      }
    `,
  ];

  /**
   * Open liability, in review and paid per currency, and exposure (from `GET /api/reports/accruals`).
   * The older single-currency shape (`openLiability`, `inReview`, `paid` as strings) is read as
   * amounts in `currency`.
   */
  @property({ attribute: false }) accruals: Accruals | SingleCurrencyAccruals | null = null;
  /** Claimed / approved / paid by week, one item per week and currency. */
  @property({ attribute: false }) byWeek: Figure[] = [];
  /** Claimed / approved / paid by distributor, one item per distributor and currency. */
  @property({ attribute: false }) byDistributor: Figure[] = [];
  /** Claimed / approved / paid by program type, one item per program type and currency. */
  @property({ attribute: false }) byProgramType: Figure[] = [];
  /** Show every panel as a table instead of a chart. */
  @property({ type: Boolean, attribute: 'show-numbers' }) showNumbers = false;
  /**
   * The currency the claim charts and tables show. Unset (or not in the data): `currency` when the
   * data has it, else the first currency in alphabetical order.
   */
  @property({ attribute: 'chart-currency' }) chartCurrency: string | null = null;

  @state() private tables = new Set<Panel>();
  @state() private error = '';
  @state() private loading = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api) void this.load();
  }

  /** Loads the report endpoints (issue 3). */
  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.loading = true;
    try {
      const [accruals, week, distributor, programType] = await Promise.all([
        api.get<Accruals>('/api/reports/accruals'),
        api.get<ClaimFigures>('/api/reports/claims?groupBy=week'),
        api.get<ClaimFigures>('/api/reports/claims?groupBy=distributor'),
        api.get<ClaimFigures>('/api/reports/claims?groupBy=programType'),
      ]);
      this.accruals = accruals;
      this.byWeek = week.items;
      this.byDistributor = distributor.items;
      this.byProgramType = programType.items;
    } catch (err) {
      this.error = this.failed(err);
    } finally {
      this.loading = false;
    }
  }

  private money = (a: string, currency: string) => formatMoney(a, currency, this.locale);

  private drill = (series: string, key: string, amount: string, currency: string) => {
    const detail: DrillDown = { series, key, amount, currency };
    this.emit('becdrilldown', detail);
  };

  /** The claim totals per currency; the older shape counts as one currency, the element's. */
  private get totals(): CurrencyTotals[] {
    const a = this.accruals;
    if (!a) return [];
    if ('byCurrency' in a) return a.byCurrency;
    return [{ currency: this.currency, openLiability: a.openLiability, inReview: a.inReview, paid: a.paid }];
  }

  private get exposureCurrency(): string {
    const a = this.accruals;
    return a && 'exposureCurrency' in a ? a.exposureCurrency : this.currency;
  }

  private currencyOf = (f: Figure) => (f.currency ?? this.currency).toUpperCase();

  /** Every currency of the claim figures, sorted. */
  private get currencies(): string[] {
    const all = [...this.byWeek, ...this.byDistributor, ...this.byProgramType].map(this.currencyOf);
    return [...new Set(all)].sort();
  }

  /** The currency the charts show. */
  private get shown(): string {
    const cs = this.currencies;
    const want = [this.chartCurrency, this.currency].map((c) => c?.toUpperCase());
    return want.find((c) => c && cs.includes(c)) ?? cs[0] ?? this.currency.toUpperCase();
  }

  private inShown(items: Figure[]): Figure[] {
    const c = this.shown;
    return items.filter((f) => this.currencyOf(f) === c);
  }

  private pick(currency: string) {
    this.chartCurrency = currency;
  }

  private toggle(p: Panel) {
    const s = new Set(this.tables);
    if (s.has(p)) s.delete(p);
    else s.add(p);
    this.tables = s;
  }

  private series(items: Figure[]): Series[] {
    return [
      { name: 'Claimed', color: 'var(--_bec-color-chart-1)', values: items.map((i) => i.claimed) },
      { name: 'Approved', color: 'var(--_bec-color-chart-2)', values: items.map((i) => i.approved) },
      { name: 'Paid', color: 'var(--_bec-color-chart-3)', values: items.map((i) => i.paid) },
    ];
  }

  private figureTable(caption: string, keyLabel: string, items: Figure[], key: (f: Figure) => string): TemplateResult {
    const c = this.shown;
    return html`<table part="table">
      <caption class="sr-only">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${keyLabel}</th>
          <th scope="col" class="num">Claims</th>
          <th scope="col" class="num">Claimed</th>
          <th scope="col" class="num">Approved</th>
          <th scope="col" class="num">Paid</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (f) =>
            html`<tr>
              <td>${key(f)}</td>
              <td class="num">${formatNumber(f.claims, this.locale)}</td>
              <td class="num">${this.money(f.claimed, c)}</td>
              <td class="num">${this.money(f.approved, c)}</td>
              <td class="num">${this.money(f.paid, c)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private panel(id: Panel, title: string, chart: () => TemplateResult, table: () => TemplateResult, empty: boolean): TemplateResult {
    const asTable = this.showNumbers || this.tables.has(id);
    return html`<section class="card" part="panel" aria-labelledby="h-${id}">
      <div class="card-header">
        <h3 id="h-${id}">${title}</h3>
        <button class="toggle" type="button" aria-pressed=${asTable ? 'true' : 'false'} @click=${() => this.toggle(id)}>
          ${asTable ? 'Show chart' : 'Show numbers'}
        </button>
      </div>
      <div class="panel-body">
        ${empty ? html`<div class="empty">${this.loading ? 'Loading…' : 'No figures yet'}</div>` : asTable ? table() : chart()}
      </div>
    </section>`;
  }

  /** Chart options shared by the claim charts: one currency, the shown one. */
  private chartMoney(currency: string) {
    return {
      format: (a: string) => this.money(a, currency),
      compact: (n: number) => formatMoneyCompact(n, currency, this.locale),
      onSelect: (series: string, key: string, amount: string) => this.drill(series, key, amount, currency),
    };
  }

  private picker(): TemplateResult | typeof nothing {
    const cs = this.currencies;
    if (cs.length < 2) return nothing;
    const shown = this.shown;
    return html`<div class="currency-picker" part="currency-picker">
      <span class="label" id="currency-label">Charts in</span>
      <div class="group" role="group" aria-labelledby="currency-label">
        ${cs.map(
          (c) => html`<button type="button" aria-pressed=${c === shown ? 'true' : 'false'} @click=${() => this.pick(c)}>${c}</button>`,
        )}
      </div>
    </div>`;
  }

  override render() {
    const a = this.accruals;
    const week = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(k) ? formatDate(k, this.locale) : k);
    const totals = this.totals;
    const amounts = (field: 'openLiability' | 'inReview' | 'paid') =>
      totals.length ? totals.map((t) => [t.currency, t[field]] as const) : ([[this.currency, '0']] as const);
    const kpis: [string, string, (readonly [string, string])[]][] = a
      ? [
          ['Open liability', 'approved, not yet paid', [...amounts('openLiability')]],
          ['In review', 'validated, awaiting finance', [...amounts('inReview')]],
          ['Exposure', 'approved quantity not yet claimed', [[this.exposureCurrency, a.exposure]]],
          ['Paid', 'credit memos issued', [...amounts('paid')]],
        ]
      : [];
    const exposure: (Omit<Accruals['byDistributor'][number], 'currency'> & { currency?: string })[] = a?.byDistributor ?? [];
    const c = this.shown;
    const xc = this.exposureCurrency;
    const byWeek = this.inShown(this.byWeek);
    const byDistributor = this.inShown(this.byDistributor);
    const byProgramType = this.inShown(this.byProgramType);
    return html`
      ${this.renderWaiting()} ${this.error ? html`<div class="alert" role="alert">${this.error}</div>` : nothing}
      <div class="kpis" part="kpis">
        ${kpis.map(
          ([label, sub, list], i) =>
            html`<div class="kpi" part="kpi" role="group" aria-labelledby="kpi-${i}">
              <span class="label" id="kpi-${i}">${label}</span>
              <ul class=${list.length > 1 ? 'multi' : ''}>
                ${list.map(
                  ([currency, amount]) =>
                    html`<li>
                      <button
                        class="amount"
                        part="kpi-amount"
                        type="button"
                        data-currency=${currency}
                        @click=${() => this.drill(label, a!.asOf, amount, currency)}
                      >
                        ${this.money(amount, currency)}
                      </button>
                    </li>`,
                )}
              </ul>
              <small>${sub}</small>
            </div>`,
        )}
      </div>
      ${this.picker()}
      <div class="panels">
        ${this.panel(
          'trend',
          `Claimed, approved and paid by week, ${c}`,
          () =>
            (byWeek.length < 3 ? barChart : lineChart)({
              label: `Claimed, approved and paid by week, in ${c}`,
              categories: byWeek.map((f) => week(f.key)),
              series: this.series(byWeek),
              ...this.chartMoney(c),
            }),
          () => this.figureTable(`By week, in ${c}`, 'Week', byWeek, (f) => week(f.key)),
          !byWeek.length,
        )}
        ${this.panel(
          'distributor',
          `By distributor, ${c}`,
          () =>
            barChart({
              label: `Claimed, approved and paid by distributor, in ${c}`,
              categories: byDistributor.map((f) => f.key),
              series: this.series(byDistributor),
              ...this.chartMoney(c),
            }),
          () => this.figureTable(`By distributor, in ${c}`, 'Distributor', byDistributor, (f) => f.key),
          !byDistributor.length,
        )}
        ${this.panel(
          'programType',
          `By program type, ${c}`,
          () =>
            barChart({
              label: `Claimed, approved and paid by program type, in ${c}`,
              categories: byProgramType.map((f) => labelOf(f.key)),
              series: this.series(byProgramType),
              ...this.chartMoney(c),
            }),
          () => this.figureTable(`By program type, in ${c}`, 'Program type', byProgramType, (f) => labelOf(f.key)),
          !byProgramType.length,
        )}
        ${this.panel(
          'exposure',
          `Exposure by distributor, ${xc}`,
          () =>
            barChart({
              label: `Exposure by distributor, in ${xc}`,
              categories: exposure.map((e) => e.distributorName),
              series: [{ name: 'Exposure', color: 'var(--_bec-color-chart-4)', values: exposure.map((e) => e.exposure) }],
              ...this.chartMoney(xc),
            }),
          () =>
            html`<table part="table">
              <caption class="sr-only">
                Exposure by distributor, in ${xc}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Distributor</th>
                  <th scope="col" class="num">Open quantity</th>
                  <th scope="col" class="num">Exposure</th>
                </tr>
              </thead>
              <tbody>
                ${exposure.map(
                  (e) =>
                    html`<tr>
                      <td>${e.distributorName}</td>
                      <td class="num">${formatNumber(e.openQuantity, this.locale)}</td>
                      <td class="num">${this.money(e.exposure, e.currency ?? xc)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          !exposure.length,
        )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-accrual-dashboard': BecAccrualDashboard;
  }
}
