import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MASTER_DATA_COLUMNS } from '../../core/masterdata/kinds.js';
import { ApiError, type BulkLoadKind, type BulkLoadResult, type BulkRowError } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { formatNumber } from '../shared/format.js';
import { msg, type MessageKey } from '../shared/i18n.js';
// The administration's messages (not in dist/bec.js).
import '../shared/i18n-admin.js';
import { problemOf, renderProblem, stateStyles, type Problem } from '../shared/states.js';
import { tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens } from '../shared/theme.js';
import styles from './admin-bulk-load.styles.js';

/**
 * A CSV load of master data: the admin picks what the file holds and the file, previews it (a
 * dry run: what each row would do, and every row error with its line) and loads it. The server
 * loads all rows or none: a file with any row error loads nothing and its errors are listed.
 *
 * @summary Preview and load a master data CSV (products, book costs, part numbers, end customers, resellers, distributors).
 *
 * @fires {CustomEvent<BecEventDetails['becmasterdatachange']>} becmasterdatachange - A load was applied: `{ kind, result }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials.
 * @csspart form - The kind, the file and the buttons.
 * @csspart preview - The Preview button.
 * @csspart load - The Load button.
 * @csspart summary - What the rows do (or did).
 * @csspart errors - The row errors: line, field, problem.
 * @csspart error - A failure of the call itself.
 * @csspart offline - The call could not reach the server.
 *
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-admin-bulk-load')
export class BecAdminBulkLoad extends BecElement {
  static override styles = [themeTokens, controls, stateStyles, tableStyles, styles];

  /** What the file holds; the kinds offered are `kinds`. */
  @property() kind: BulkLoadKind = 'products';
  /** The kinds to choose from, comma-separated (all when empty). */
  @property() kinds = '';

  @state() private file: File | null = null;
  @state() private busy = false;
  @state() private result: BulkLoadResult | null = null;
  @state() private rowErrors: BulkRowError[] = [];
  @state() private problem: Problem | null = null;

  private t(key: MessageKey, params?: Record<string, string | number>) {
    return msg(this.locale, key, params);
  }

  private get offered(): BulkLoadKind[] {
    const all = Object.keys(MASTER_DATA_COLUMNS) as BulkLoadKind[];
    const wanted = this.kinds
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    return wanted.length ? all.filter((k) => wanted.includes(k)) : all;
  }

  /** Sends the chosen file: a dry run when `dryRun`, else the load itself. */
  async send(dryRun: boolean): Promise<void> {
    const api = this.api;
    if (!api || !this.file || this.busy) return;
    this.busy = true;
    this.problem = null;
    this.rowErrors = [];
    this.result = null;
    try {
      const result = await api.bulkLoad(this.kind, this.file, dryRun);
      this.result = result;
      this.rowErrors = result.errors;
      if (!dryRun) this.emit('becmasterdatachange', { kind: this.kind, result });
    } catch (err) {
      const detail = this.failed(err);
      const rows = err instanceof ApiError ? (err.body.rowErrors as BulkRowError[] | undefined) : undefined;
      if (rows) this.rowErrors = rows;
      else this.problem = problemOf(err, detail, this.t('admin.bulk.title'), () => void this.send(dryRun));
    } finally {
      this.busy = false;
    }
  }

  private renderSummary() {
    const r = this.result;
    if (!r && !this.rowErrors.length) return nothing;
    const n = (v: number) => formatNumber(v, this.locale);
    const line = r
      ? this.t(r.dryRun ? 'admin.bulk.summary' : 'admin.bulk.loaded', {
          rows: n(r.rows),
          created: n(r.created),
          updated: n(r.updated),
          unchanged: n(r.unchanged),
        })
      : '';
    return html`${r ? html`<div class="alert" part="summary" role="status" data-tone=${r.dryRun ? 'info' : 'success'}>${line}</div>` : nothing}
    ${
      this.rowErrors.length
        ? html`<div part="errors">
            <div class="alert" role="alert">${this.t('admin.bulk.errors', { count: n(this.rowErrors.length) })}</div>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col" class="num">${this.t('admin.bulk.line')}</th>
                    <th scope="col">${this.t('admin.bulk.field')}</th>
                    <th scope="col">${this.t('admin.bulk.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.rowErrors.map(
                    (e) =>
                      html`<tr>
                        <td class="num">${e.line}</td>
                        <td>${e.field ?? '—'}</td>
                        <td>${e.message}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </div>`
        : nothing
    }`;
  }

  override render() {
    const columns = MASTER_DATA_COLUMNS[this.kind].map((c) => c.names[0]).join(', ');
    return html`<section class="card" part="base" aria-label=${this.t('admin.bulk.title')}>
      <div class="card-header"><h3>${this.t('admin.bulk.title')}</h3></div>
      ${this.renderWaiting()}
      <form part="form" @submit=${(e: Event) => (e.preventDefault(), void this.send(true))}>
        <div class="field">
          <label for="kind">${this.t('admin.bulk.kind')}</label>
          <select
            id="kind"
            .value=${this.kind}
            @change=${(e: Event) => ((this.kind = (e.target as HTMLSelectElement).value as BulkLoadKind), (this.result = null), (this.rowErrors = []))}
          >
            ${this.offered.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${this.t(`admin.kind.${k}` as MessageKey)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="file">${this.t('admin.bulk.file')}</label>
          <input
            id="file"
            type="file"
            accept=".csv,text/csv"
            @change=${(e: Event) => (this.file = (e.target as HTMLInputElement).files?.[0] ?? null)}
          />
        </div>
        <button type="submit" part="preview" ?disabled=${!this.file || this.busy}>${this.t('admin.bulk.preview')}</button>
        <button type="button" class="brand" part="load" ?disabled=${!this.file || this.busy} @click=${() => this.send(false)}>
          ${this.t('admin.bulk.load')}
        </button>
      </form>
      <p class="columns muted">${this.t('admin.bulk.columns', { columns })}</p>
      ${renderProblem(this.problem)} ${this.renderSummary()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-admin-bulk-load': BecAdminBulkLoad;
  }
}
