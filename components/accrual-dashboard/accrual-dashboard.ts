import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Accruals, AccrualForecast, ClaimFigure, ClaimFigures, CurrencyTotals, RebatePeriodsToClose } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import type { BecEventDetails } from '../shared/events.js';
import { formatDate, formatMoney, formatMoneyCompact, formatNumber, formatShortDate } from '../shared/format.js';
import { codeLabel, msg, type MessageKey } from '../shared/i18n.js';
import { tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens } from '../shared/theme.js';
import { problemOf, renderProblem, type Problem } from '../shared/states.js';
import { dashboardStyles } from './accrual-dashboard.styles.js';
import { barChart, hasFigures, lineChart, type Series } from './charts.js';

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
type Panel = 'trend' | 'distributor' | 'programType' | 'exposure' | 'forecast' | 'curve' | 'rebates';

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
 * @csspart chart - A chart's SVG: a group of buttons (bars or points) in one tab stop; arrow keys move, Enter drills down.
 * @csspart loading - A panel's loading state.
 * @csspart empty - A panel with no figures.
 * @csspart error - A failed load: the problem's detail and Retry.
 * @csspart offline - The server could not be reached: Retry.
 * @csspart table - A panel's table of numbers.
 * @csspart analytics - The Analytics section: `<bec-channel-analytics>` unless the page slots its own.
 *
 * @slot analytics - Replaces the Analytics section's `<bec-channel-analytics>`.
 *
 * @cssproperty --bec-color-chart-1 - First series colour (claimed).
 * @cssproperty --bec-color-chart-2 - Second series colour (approved).
 * @cssproperty --bec-color-chart-3 - Third series colour (paid).
 * @cssproperty --bec-color-chart-4 - Exposure colour.
 */
@customElement('bec-accrual-dashboard')
export class BecAccrualDashboard extends BecElement {
  static override styles = [themeTokens, controls, tableStyles, dashboardStyles];

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
  /** The weekly forecast of claims still to come with each distributor's curve (`GET /api/reports/accruals/forecast`). */
  @property({ attribute: false }) forecast: AccrualForecast | null = null;
  /**
   * Rebate periods over and not closed, with their estimated rebates (`GET /api/rebates/periods/to-close`):
   * owed, not yet in the journal. A failed read leaves its tile out; the rest of the dashboard stands.
   */
  @property({ attribute: false }) toClose: RebatePeriodsToClose | null = null;
  /** Show every panel as a table instead of a chart. */
  @property({ type: Boolean, attribute: 'show-numbers' }) showNumbers = false;
  /**
   * The currency the claim charts and tables show. Unset (or not in the data): `currency` when the
   * data has it, else the first currency in alphabetical order.
   */
  @property({ attribute: 'chart-currency' }) chartCurrency: string | null = null;

  @state() private tables = new Set<Panel>();
  @state() private problem: Problem | null = null;
  @state() private loading = false;
  /** Each panel's content width: charts are drawn at the width they are shown at (labels stay 11 px). */
  private widths = new Map<Panel, number>();
  private readonly resize =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((entries) => {
          let changed = false;
          for (const e of entries) {
            const id = (e.target as HTMLElement).dataset.panel as Panel;
            const w = Math.floor(e.contentRect.width);
            if (w > 0 && w !== this.widths.get(id)) {
              this.widths.set(id, w);
              changed = true;
            }
          }
          // next frame: drawing inside the observer's callback would resize what it observes in the same frame
          if (changed) requestAnimationFrame(() => this.requestUpdate());
        });

  protected override updated(): void {
    for (const body of this.renderRoot.querySelectorAll('.panel-body')) this.resize?.observe(body);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The Analytics section's element comes on demand: bec.js stays within its budget, and a page
    // that slots its own analytics (or already loaded bec-admin.js) loads nothing more.
    if (!customElements.get('bec-channel-analytics') && !this.querySelector('[slot="analytics"]'))
      void import('../channel-analytics/channel-analytics.js');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api) void this.load();
  }

  /** Loads the report endpoints (issue 3). */
  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.loading = true;
    this.problem = null;
    try {
      const toClose = api.get<RebatePeriodsToClose>('/api/rebates/periods/to-close').catch(() => null);
      const [accruals, forecast, week, distributor, programType] = await Promise.all([
        api.get<Accruals>('/api/reports/accruals'),
        api.get<AccrualForecast>('/api/reports/accruals/forecast'),
        api.get<ClaimFigures>('/api/reports/claims?groupBy=week'),
        api.get<ClaimFigures>('/api/reports/claims?groupBy=distributor'),
        api.get<ClaimFigures>('/api/reports/claims?groupBy=programType'),
      ]);
      this.accruals = accruals;
      this.forecast = forecast;
      this.byWeek = week.items;
      this.byDistributor = distributor.items;
      this.byProgramType = programType.items;
      this.toClose = await toClose;
    } catch (err) {
      const detail = this.failed(err);
      this.problem = this.waitingForCredentials
        ? null
        : problemOf(err, detail, msg(this.locale, 'dash.loadingFigures'), () => void this.load());
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
      { name: msg(this.locale, 'dash.claimed'), color: 'var(--_bec-color-chart-1)', values: items.map((i) => i.claimed) },
      { name: msg(this.locale, 'dash.approved'), color: 'var(--_bec-color-chart-2)', values: items.map((i) => i.approved) },
      { name: msg(this.locale, 'dash.paid'), color: 'var(--_bec-color-chart-3)', values: items.map((i) => i.paid) },
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
          <th scope="col" class="num">${msg(this.locale, 'dash.claims')}</th>
          <th scope="col" class="num">${msg(this.locale, 'dash.claimed')}</th>
          <th scope="col" class="num">${msg(this.locale, 'dash.approved')}</th>
          <th scope="col" class="num">${msg(this.locale, 'dash.paid')}</th>
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
          ${msg(this.locale, asTable ? 'dash.showChart' : 'dash.showNumbers')}
        </button>
      </div>
      <div class="panel-body" data-panel=${id}>
        ${
          empty
            ? this.loading
              ? html`<div class="empty" part="loading" role="status">${msg(this.locale, 'state.loading')}</div>`
              : html`<div class="empty" part="empty">${msg(this.locale, 'dash.noFigures')}</div>`
            : asTable
              ? table()
              : chart()
        }
      </div>
    </section>`;
  }

  /** Chart options shared by the claim charts: one currency, the shown one. */
  private chartMoney(currency: string, panel: Panel) {
    return {
      width: this.widths.get(panel),
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
      <span class="label" id="currency-label">${msg(this.locale, 'dash.chartsIn')}</span>
      <div class="group" role="group" aria-labelledby="currency-label">
        ${cs.map(
          (c) => html`<button type="button" aria-pressed=${c === shown ? 'true' : 'false'} @click=${() => this.pick(c)}>${c}</button>`,
        )}
      </div>
    </div>`;
  }

  /** Forecast items in one currency (the forecast is per distributor, in its currency). */
  forecastIn(currency: string): AccrualForecast['items'] {
    return (this.forecast?.items ?? []).filter((i) => i.currency.toUpperCase() === currency.toUpperCase());
  }

  /** The currency the forecast shows: the charts' when it has items in it, else the first it has. */
  private get forecastCurrency(): string {
    const cs = [...new Set((this.forecast?.items ?? []).map((i) => i.currency.toUpperCase()))].sort();
    return cs.includes(this.shown) ? this.shown : (cs[0] ?? this.shown);
  }

  /** The weekly forecast of claims still to come, and the claim-through curve it comes from, one series per distributor. */
  private forecastPanels(): TemplateResult {
    const t = (key: MessageKey, currency?: string) => msg(this.locale, key, currency ? { currency } : {});
    const fc = this.forecastCurrency;
    const items = this.forecastIn(fc);
    const weeks = items[0]?.weeks.map((w) => formatDate(w.weekStart, this.locale)) ?? [];
    const weekTicks = items[0]?.weeks.map((w) => formatShortDate(w.weekStart, this.locale)) ?? [];
    const forecastSeries = items.map((i, n) => ({
      name: i.distributorName,
      color: `var(--_bec-color-chart-${(n % 4) + 1})`,
      values: i.weeks.map((w) => w.amount),
    }));
    const curveSeries = items.map((i, n) => ({
      name: i.distributorName,
      color: `var(--_bec-color-chart-${(n % 4) + 1})`,
      values: i.curve.cumulative.map((c) => String(Math.round(c * 1000) / 10)),
    }));
    const longest = Math.max(0, ...items.map((i) => i.curve.cumulative.length));
    const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10, this.locale)} %`;
    return html`${this.panel(
      'forecast',
      t('dash.forecastTitle', fc),
      () =>
        barChart({
          label: t('dash.forecastLabel', fc),
          categories: weeks,
          axisLabels: weekTicks,
          series: forecastSeries,
          ...this.chartMoney(fc, 'forecast'),
        }),
      () =>
        html`<table part="table">
          <caption class="sr-only">
            ${t('dash.forecastLabel', fc)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('dash.distributor')}</th>
              ${weeks.map((w) => html`<th scope="col" class="num">${w}</th>`)}
              <th scope="col" class="num">${t('dash.total')}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map(
              (i) =>
                html`<tr>
                  <td>${i.distributorName}</td>
                  ${i.weeks.map(
                    (w) =>
                      html`<td class="num">
                        ${this.money(w.amount, i.currency)}<br /><small
                          >${msg(this.locale, 'dash.units', { count: formatNumber(w.quantity, this.locale) })}</small
                        >
                      </td>`,
                  )}
                  <td class="num">${this.money(i.totalAmount, i.currency)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
      // Nothing to come in any week: no chart of zeros (its scale would be made up).
      !hasFigures(forecastSeries),
    )}
    ${this.panel(
      'curve',
      t('dash.curveTitle'),
      () =>
        lineChart({
          label: t('dash.curveLabel'),
          categories: Array.from({ length: longest }, (_, k) => String(k)),
          series: curveSeries,
          width: this.widths.get('curve'),
          format: (v: string) => `${v} %`,
          compact: (n: number) => `${Math.round(n)} %`,
        }),
      () =>
        html`<table part="table">
          <caption class="sr-only">
            ${t('dash.curveLabel')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('dash.weekSinceApproval')}</th>
              ${items.map((i) => html`<th scope="col" class="num">${i.distributorName}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${Array.from(
              { length: longest },
              (_, k) =>
                html`<tr>
                  <td>${k}</td>
                  ${items.map((i) => html`<td class="num">${i.curve.cumulative[k] === undefined ? '' : percent(i.curve.cumulative[k]!)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>`,
      !hasFigures(curveSeries),
    )}`;
  }

  /** Rebates accrued so far in the running periods, per program and distributor (a table: amounts of several currencies). */
  private rebatesPanel(): TemplateResult {
    const t = (key: MessageKey) => msg(this.locale, key);
    const a = this.accruals;
    const items = a && 'rebates' in a && a.rebates ? a.rebates.items : [];
    return this.panel(
      'rebates',
      t('dash.rebatesTitle'),
      () => this.rebatesTable(items),
      () => this.rebatesTable(items),
      !items.length,
    );
  }

  private rebatesTable(items: NonNullable<Accruals['rebates']>['items']): TemplateResult {
    const t = (key: MessageKey) => msg(this.locale, key);
    return html`<table part="table">
      <caption class="sr-only">
        ${t('dash.rebatesTitle')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('dash.program')}</th>
          <th scope="col">${t('dash.distributor')}</th>
          <th scope="col" class="num">${t('dash.measure')}</th>
          <th scope="col" class="num">${t('dash.rebatesAccrued')}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (i) =>
            html`<tr>
              <td>${i.name}</td>
              <td>${i.distributorName}</td>
              <td class="num">
                ${/^-?\d+$/.test(i.measure) ? formatNumber(Number(i.measure), this.locale) : this.money(i.measure, i.currency)}
              </td>
              <td class="num">${this.money(i.rebate, i.currency)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const a = this.accruals;
    const week = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(k) ? formatDate(k, this.locale) : k);
    const totals = this.totals;
    const t = (key: MessageKey, currency?: string) => msg(this.locale, key, currency ? { currency } : {});
    const amounts = (field: 'openLiability' | 'inReview' | 'paid') =>
      totals.length ? totals.map((t) => [t.currency, t[field]] as const) : ([[this.currency, '0']] as const);
    const kpis: [string, string, (readonly [string, string])[]][] = a
      ? [
          [t('dash.openLiability'), t('dash.openLiabilityHint'), [...amounts('openLiability')]],
          [t('dash.inReview'), t('dash.inReviewHint'), [...amounts('inReview')]],
          [t('dash.exposure'), t('dash.exposureHint'), [[this.exposureCurrency, a.exposure]]],
          [t('dash.paid'), t('dash.paidHint'), [...amounts('paid')]],
          ...(a && 'rebates' in a && a.rebates
            ? [
                [
                  t('dash.rebatesAccrued'),
                  t('dash.rebatesAccruedHint'),
                  a.rebates.byCurrency.length
                    ? a.rebates.byCurrency.map((r) => [r.currency, r.accrued] as const)
                    : [[this.currency, '0'] as const],
                ] as [string, string, (readonly [string, string])[]],
              ]
            : []),
          // Rebate periods closed and not yet paid: owed, and accrued in the journal (not in the running periods' figure).
          ...(a && 'rebates' in a && a.rebates?.unpaidByCurrency?.length
            ? [
                [
                  t('dash.rebatesOwed'),
                  t('dash.rebatesOwedHint'),
                  a.rebates.unpaidByCurrency.map((r) => [r.currency, r.unpaid] as const),
                ] as [string, string, (readonly [string, string])[]],
              ]
            : []),
          // Rebate periods over and not closed: an estimate the journal does not hold until they are closed.
          ...(this.toClose?.byCurrency.length
            ? [
                [
                  t('dash.rebatesToClose'),
                  t('dash.rebatesToCloseHint'),
                  this.toClose.byCurrency.map((r) => [r.currency, r.estimated] as const),
                ] as [string, string, (readonly [string, string])[]],
              ]
            : []),
        ]
      : [];
    const exposure: (Omit<Accruals['byDistributor'][number], 'currency'> & { currency?: string })[] = a?.byDistributor ?? [];
    const c = this.shown;
    const xc = this.exposureCurrency;
    const byWeek = this.inShown(this.byWeek);
    const byDistributor = this.inShown(this.byDistributor);
    const byProgramType = this.inShown(this.byProgramType);
    const programType = (f: Figure) => codeLabel(this.locale, 'programType', f.key);
    const problem = renderProblem(this.problem, this.locale);
    // A failed load with nothing to show is the error (or offline) state alone: never "No figures yet".
    if (this.problem && !a && !this.byWeek.length && !this.byDistributor.length && !this.byProgramType.length)
      return html`${this.renderWaiting()} ${problem}`;
    return html`
      ${this.renderWaiting()} ${problem}
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
          t('dash.byWeekTitle', c),
          () =>
            (byWeek.length < 3 ? barChart : lineChart)({
              label: t('dash.byWeekLabel', c),
              categories: byWeek.map((f) => week(f.key)),
              axisLabels: byWeek.map((f) => (/^\d{4}-\d{2}-\d{2}$/.test(f.key) ? formatShortDate(f.key, this.locale) : f.key)),
              series: this.series(byWeek),
              ...this.chartMoney(c, 'trend'),
            }),
          () => this.figureTable(t('dash.byWeekTable', c), t('dash.week'), byWeek, (f) => week(f.key)),
          !byWeek.length,
        )}
        ${this.panel(
          'distributor',
          t('dash.byDistributorTitle', c),
          () =>
            barChart({
              label: t('dash.byDistributorLabel', c),
              categories: byDistributor.map((f) => f.key),
              series: this.series(byDistributor),
              ...this.chartMoney(c, 'distributor'),
            }),
          () => this.figureTable(t('dash.byDistributorTable', c), t('dash.distributor'), byDistributor, (f) => f.key),
          !byDistributor.length,
        )}
        ${this.panel(
          'programType',
          t('dash.byProgramTitle', c),
          () =>
            barChart({
              label: t('dash.byProgramLabel', c),
              categories: byProgramType.map(programType),
              series: this.series(byProgramType),
              ...this.chartMoney(c, 'programType'),
            }),
          () => this.figureTable(t('dash.byProgramTable', c), t('dash.programType'), byProgramType, programType),
          !byProgramType.length,
        )}
        ${this.panel(
          'exposure',
          t('dash.exposureTitle', xc),
          () =>
            barChart({
              label: t('dash.exposureLabel', xc),
              categories: exposure.map((e) => e.distributorName),
              series: [{ name: t('dash.exposure'), color: 'var(--_bec-color-chart-4)', values: exposure.map((e) => e.exposure) }],
              ...this.chartMoney(xc, 'exposure'),
            }),
          () =>
            html`<table part="table">
              <caption class="sr-only">
                ${t('dash.exposureLabel', xc)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t('dash.distributor')}</th>
                  <th scope="col" class="num">${t('dash.openQuantity')}</th>
                  <th scope="col" class="num">${t('dash.exposure')}</th>
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
        ${this.forecastPanels()} ${this.rebatesPanel()}
      </div>
      <section class="card analytics" part="analytics" aria-labelledby="h-analytics">
        <div class="card-header"><h3 id="h-analytics">${t('dash.analytics')}</h3></div>
        <slot name="analytics"
          ><bec-channel-analytics api-base=${this.apiBase ?? nothing} locale=${this.locale || nothing}></bec-channel-analytics
        ></slot>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-accrual-dashboard': BecAccrualDashboard;
  }
}
