import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiAnswer } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { formatDate, formatMoney, formatNumber } from '../shared/format.js';
import { msg, type MessageKey } from '../shared/i18n.js';
import { renderViewState, showsContent, stateStyles, ViewStateController } from '../shared/states.js';
import { controls, themeTokens } from '../shared/theme.js';
import { rebateProgressStyles } from './rebate-progress.styles.js';

/** `GET /api/rebates/progress`. */
export type RebateProgress = ApiAnswer<'getRebatesProgress', 200>;
type ProgressItem = RebateProgress['items'][number];

/**
 * A distributor's standing in each running rebate program it is eligible for: the measure so far,
 * the rebate so far, and how far the next tier or threshold is ("3,400 units to the next tier"),
 * with a bar. A distributor user sees its own (the server decides); a vendor user names the
 * distributor with `distributor-id`.
 *
 * @summary A distributor's rebate progress per program.
 *
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart loading - Shown while the progress loads.
 * @csspart empty - No running program.
 * @csspart error - A failed load, its detail and a Retry button.
 * @csspart offline - Shown when the browser is offline, with a Retry button.
 * @csspart retry - The Retry button.
 * @csspart program - One program's card.
 * @csspart bar - The bar to the next threshold.
 * @csspart message - The distance to the next threshold, in words.
 *
 * @cssproperty --bec-color-brand - The bar's colour.
 */
@customElement('bec-rebate-progress')
export class BecRebateProgress extends BecElement {
  static override styles = [themeTokens, controls, stateStyles, rebateProgressStyles];

  /** The progress (loaded from the API when `api-base` is set). */
  @property({ attribute: false }) progress: RebateProgress | null = null;
  /** Vendor users: the distributor to show; a distributor user's own is used otherwise. */
  @property({ type: Number, attribute: 'distributor-id' }) distributorId: number | null = null;
  /** A day in the periods to show (YYYY-MM-DD); today when empty. */
  @property() date = '';

  @state() private loaded = false;
  private readonly view = new ViewStateController(this, (err) => this.failed(err));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('apiBase') || changed.has('distributorId') || changed.has('date')) && this.api) void this.load();
  }

  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    await this.view.track(async () => {
      const q = new URLSearchParams();
      if (this.distributorId !== null) q.set('distributorId', String(this.distributorId));
      if (this.date) q.set('date', this.date);
      const query = q.toString();
      this.progress = await api.request<RebateProgress>('GET', `/api/rebates/progress${query ? `?${query}` : ''}`);
      this.loaded = true;
    });
  }

  private t(key: MessageKey, params: Record<string, string | number> = {}) {
    return msg(this.locale, key, params);
  }

  /** The measure in its unit: units, or money in the distributor's currency. */
  private measure(i: ProgressItem, value: string) {
    return i.measure === 'quantity'
      ? this.t('rebate.units', { count: formatNumber(Number(value), this.locale) })
      : formatMoney(value, i.currency, this.locale);
  }

  /** The measure's share of the next threshold (1 when every threshold is reached). */
  private share(i: ProgressItem): number {
    if (!i.next) return i.qualified ? 1 : 0;
    const threshold = Number(i.next.threshold);
    return threshold > 0 ? Math.max(0, Math.min(1, Number(i.current) / threshold)) : 1;
  }

  /** The distance to the next threshold, in the element's language and number format. */
  private message(i: ProgressItem): string {
    if (!i.next) return i.qualified ? this.t('rebate.allReached') : i.message;
    return this.t(i.measure === 'quantity' ? 'rebate.toNextUnits' : 'rebate.toNextAmount', {
      distance:
        i.measure === 'quantity'
          ? formatNumber(Number(i.next.remaining), this.locale)
          : formatMoney(i.next.remaining, i.currency, this.locale),
    });
  }

  private card(i: ProgressItem) {
    const share = this.share(i);
    return html`<li part="program" aria-labelledby="p-${i.programId}">
      <h3 id="p-${i.programId}">${i.name} <span class="period">${i.code}</span></h3>
      <div class="period">
        ${this.t('rebate.period', { from: formatDate(i.period.from, this.locale), to: formatDate(i.period.to, this.locale) })}
      </div>
      <div class="rebate">${formatMoney(i.rebate, i.currency, this.locale)}</div>
      <div class="figures">${this.t('rebate.soFar', { measure: this.measure(i, i.current) })}</div>
      <progress part="bar" max="100" .value=${Math.round(share * 100)} aria-label=${this.message(i)}></progress>
      <div class="message" part="message">${this.message(i)}</div>
    </li>`;
  }

  override render() {
    const items = this.progress?.items ?? [];
    const empty = !items.length;
    return html`<div class="card" part="base">
      <div class="card-header"><h2>${this.t('rebate.progressTitle')}</h2></div>
      ${this.renderWaiting()}
      ${renderViewState(this.view, {
        empty: empty && (this.loaded || !this.api),
        emptyText: this.t('rebate.noPrograms'),
        locale: this.locale,
        hasContent: !empty,
        waiting: this.waitingForCredentials,
      })}
      ${
        showsContent(this.view, empty) && !empty
          ? html`<ul>
              ${items.map((i) => this.card(i))}
            </ul>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-rebate-progress': BecRebateProgress;
  }
}
