import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Accruals, ClaimFigures } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { formatDate, formatMoney, formatMoneyCompact, formatNumber, labelOf } from '../shared/format.js';
import { controls, themeTokens } from '../shared/theme.js';
import { barChart, lineChart, type Series } from './charts.js';

type Figure = ClaimFigures['items'][number];
type Panel = 'trend' | 'distributor' | 'programType' | 'exposure';

/**
 * Finance's view of the money: open liability, exposure, and claimed / approved / paid over time,
 * by distributor and by program type, as charts, with the exact numbers one click away.
 *
 * @summary Accrual and claim dashboard: KPI tiles and SVG charts with a table view of each.
 *
 * @event becdrilldown - A tile, bar or point was chosen: `{ series, key, amount }`.
 * @event becerror - An API call failed.
 *
 * @csspart kpis - The row of figure tiles.
 * @csspart kpi - One figure tile.
 * @csspart panel - One chart panel.
 * @csspart chart - A chart's SVG.
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
        gap: var(--bec-space-small);
        margin-bottom: var(--bec-space-small);
      }
      .kpi {
        display: block;
        text-align: left;
        min-height: 0;
        padding: var(--bec-space-small) var(--bec-space-medium);
        background: var(--bec-color-background);
        border: 1px solid var(--bec-color-border);
        border-radius: var(--bec-radius-card);
        box-shadow: var(--bec-shadow-card);
        color: var(--bec-color-text);
      }
      .kpi .label {
        margin: 0;
      }
      .kpi strong {
        display: block;
        font-size: var(--bec-font-size-9);
        font-weight: 300;
        line-height: 1.25;
        font-variant-numeric: tabular-nums;
      }
      .kpi small {
        color: var(--bec-color-text-weak);
      }
      .kpi[aria-pressed='true'] {
        border-color: var(--bec-color-brand);
        box-shadow: inset 0 -3px 0 var(--bec-color-brand);
      }
      .panels {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr));
        gap: var(--bec-space-small);
      }
      .panel-body {
        padding: var(--bec-space-small) var(--bec-space-medium);
      }
      .chart {
        width: 100%;
        height: auto;
        display: block;
      }
      .chart .grid {
        stroke: var(--bec-color-border-weak);
      }
      .chart .tick {
        fill: var(--bec-color-text-weak);
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
        gap: var(--bec-space-medium);
        font-size: var(--bec-font-size-1);
        color: var(--bec-color-text-weak);
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
        font-size: var(--bec-font-size-2);
      }
      th {
        text-align: left;
        font-size: var(--bec-font-size-1);
        text-transform: uppercase;
        color: var(--bec-color-text-weak);
        border-bottom: 1px solid var(--bec-color-border);
        padding: var(--bec-space-xx-small);
      }
      th.num {
        text-align: right;
      }
      td {
        padding: var(--bec-space-xx-small);
        border-bottom: 1px solid var(--bec-color-border-weak);
      }
      .toggle {
        min-height: 1.5rem;
        font-size: var(--bec-font-size-1);
      }
      .empty {
        color: var(--bec-color-text-weak);
        padding: var(--bec-space-large);
        text-align: center;
      }
    `,
  ];

  /** Open liability, in review, paid and exposure (from `GET /api/reports/accruals`). */
  @property({ attribute: false }) accruals: Accruals | null = null;
  /** Claimed / approved / paid by week. */
  @property({ attribute: false }) byWeek: Figure[] = [];
  /** Claimed / approved / paid by distributor. */
  @property({ attribute: false }) byDistributor: Figure[] = [];
  /** Claimed / approved / paid by program type. */
  @property({ attribute: false }) byProgramType: Figure[] = [];
  /** Show every panel as a table instead of a chart. */
  @property({ type: Boolean, attribute: 'show-numbers' }) showNumbers = false;

  @state() private tables = new Set<Panel>();
  @state() private error = '';
  @state() private loading = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api) void this.load();
  }

  /** Loads the report endpoints (issue 3). */
  async load(): Promise<void> {
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

  private money = (a: string) => formatMoney(a, this.currency, this.locale);
  private compact = (n: number) => formatMoneyCompact(n, this.currency, this.locale);

  private drill = (series: string, key: string, amount: string) => {
    this.emit('becdrilldown', { series, key, amount });
  };

  private toggle(p: Panel) {
    const s = new Set(this.tables);
    if (s.has(p)) s.delete(p);
    else s.add(p);
    this.tables = s;
  }

  private series(items: Figure[]): Series[] {
    return [
      { name: 'Claimed', color: 'var(--bec-color-chart-1)', values: items.map((i) => i.claimed) },
      { name: 'Approved', color: 'var(--bec-color-chart-2)', values: items.map((i) => i.approved) },
      { name: 'Paid', color: 'var(--bec-color-chart-3)', values: items.map((i) => i.paid) },
    ];
  }

  private figureTable(caption: string, keyLabel: string, items: Figure[], key: (f: Figure) => string): TemplateResult {
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
              <td class="num">${this.money(f.claimed)}</td>
              <td class="num">${this.money(f.approved)}</td>
              <td class="num">${this.money(f.paid)}</td>
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

  override render() {
    const a = this.accruals;
    const week = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(k) ? formatDate(k, this.locale) : k);
    const kpis: [string, string, string | undefined][] = a
      ? [
          ['Open liability', 'approved, not yet paid', a.openLiability],
          ['In review', 'validated, awaiting finance', a.inReview],
          ['Exposure', 'approved quantity not yet claimed', a.exposure],
          ['Paid', 'credit memos issued', a.paid],
        ]
      : [];
    const exposure = a?.byDistributor ?? [];
    return html`
      ${this.error ? html`<div class="alert" role="alert">${this.error}</div>` : nothing}
      <div class="kpis" part="kpis">
        ${kpis.map(
          ([label, sub, amount]) =>
            html`<button class="kpi" part="kpi" type="button" @click=${() => this.drill(label, a!.asOf, amount ?? '0')}>
              <span class="label">${label}</span>
              <strong>${this.money(amount ?? '0')}</strong>
              <small>${sub}</small>
            </button>`,
        )}
      </div>
      <div class="panels">
        ${this.panel(
          'trend',
          'Claimed, approved and paid by week',
          () =>
            (this.byWeek.length < 3 ? barChart : lineChart)({
              label: 'Claimed, approved and paid by week',
              categories: this.byWeek.map((f) => week(f.key)),
              series: this.series(this.byWeek),
              format: this.money,
              compact: this.compact,
              onSelect: this.drill,
            }),
          () => this.figureTable('By week', 'Week', this.byWeek, (f) => week(f.key)),
          !this.byWeek.length,
        )}
        ${this.panel(
          'distributor',
          'By distributor',
          () =>
            barChart({
              label: 'Claimed, approved and paid by distributor',
              categories: this.byDistributor.map((f) => f.key),
              series: this.series(this.byDistributor),
              format: this.money,
              compact: this.compact,
              onSelect: this.drill,
            }),
          () => this.figureTable('By distributor', 'Distributor', this.byDistributor, (f) => f.key),
          !this.byDistributor.length,
        )}
        ${this.panel(
          'programType',
          'By program type',
          () =>
            barChart({
              label: 'Claimed, approved and paid by program type',
              categories: this.byProgramType.map((f) => labelOf(f.key)),
              series: this.series(this.byProgramType),
              format: this.money,
              compact: this.compact,
              onSelect: this.drill,
            }),
          () => this.figureTable('By program type', 'Program type', this.byProgramType, (f) => labelOf(f.key)),
          !this.byProgramType.length,
        )}
        ${this.panel(
          'exposure',
          'Exposure by distributor',
          () =>
            barChart({
              label: 'Exposure by distributor',
              categories: exposure.map((e) => e.distributorName),
              series: [{ name: 'Exposure', color: 'var(--bec-color-chart-4)', values: exposure.map((e) => e.exposure) }],
              format: this.money,
              compact: this.compact,
              onSelect: this.drill,
            }),
          () =>
            html`<table part="table">
              <caption class="sr-only">
                Exposure by distributor
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
                      <td class="num">${this.money(e.exposure)}</td>
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
