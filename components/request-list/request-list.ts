import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { moneyToString, parseMoney, sumMoney } from '../../core/money.js';
import type { RequestStatus } from '../../core/domain.js';
import { everyPage } from '../shared/api.js';
import type { Account, Product, RequestLine, SpecialPriceRequest } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import type { BecEvent } from '../shared/events.js';
import { formatDate, formatMoney, formatNumber, formatUnitPrice } from '../shared/format.js';
import { msg, msgCount, type MessageKey } from '../shared/i18n.js';
import { renderViewState, showsContent, stateStyles, ViewStateController } from '../shared/states.js';
import { controls, themeTokens, toneOf } from '../shared/theme.js';
import { tableStyles } from '../shared/table.styles.js';
import styles from './request-list.styles.js';

/** The price and quantity a line ends at if the counter-offer is accepted (a line the counter leaves alone keeps its own). */
const counterCostOf = (l: RequestLine) => l.counterCost ?? l.requestedCost;
const counterQuantityOf = (l: RequestLine) => l.counterQuantity ?? l.quantity;

/**
 * The distributor's special-price requests with their status; a countered request shows the
 * counter price and the approver's comment, and is accepted (approved at the counter price) or
 * rejected (withdrawn) from here. A request sent by a `<bec-request-form>` on the same page shows
 * at once (the list listens for `becrequestsubmit` on the document). An approved request names
 * its authorization: the number quoted on claims, its validity, and whether it still holds.
 * On a CRM record page `opportunity-id` or `account-id` narrows it to that record's requests
 * (every status: the record's history), with `heading` as its title.
 *
 * @summary A distributor's requests, their status, and the answer to a counter-offer.
 *
 * @fires {CustomEvent<BecEventDetails['beccounteranswer']>} beccounteranswer - A counter-offer was accepted or rejected: `{ requestId, answer, request }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart loading - Shown while the requests load.
 * @csspart empty - Shown when there is no request.
 * @csspart error - The failure, its detail and a Retry button.
 * @csspart offline - Shown when the browser is offline, with a Retry button.
 * @csspart retry - The Retry button.
 * @csspart list - The list of requests.
 * @csspart item - One request.
 * @csspart authorization - An approved request's authorization: number, validity, state.
 * @csspart counter - A counter-offer: its price, comment and the accept / reject buttons.
 *
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-request-list')
export class BecRequestList extends BecElement {
  static override styles = [themeTokens, controls, stateStyles, tableStyles, styles];

  /** The requests (loaded from the API when `api-base` is set). */
  @property({ attribute: false }) requests: SpecialPriceRequest[] = [];
  /** Products, for part numbers. */
  @property({ attribute: false }) products: Product[] = [];
  /** Accounts, for end customer names. */
  @property({ attribute: false }) accounts: Account[] = [];
  /** Only requests of this status; all when empty. */
  @property() status: RequestStatus | '' = '';
  /** Only the requests of this CRM opportunity (its Salesforce Id). */
  @property({ attribute: 'opportunity-id' }) opportunityId = '';
  /** Only the requests whose distributor, reseller or end customer is this account (BEC id or CRM Id). */
  @property({ attribute: 'account-id' }) accountId = '';
  /** The title; "My special-price requests" when empty. */
  @property() heading = '';

  @state() private busyId: number | null = null;
  @state() private message = '';
  @state() private errors: Record<number, string> = {};
  @state() private reasons: Record<number, string> = {};
  private readonly view = new ViewStateController(this, (err) => this.failed(err));

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source = ['apiBase', 'status', 'opportunityId', 'accountId'] as const;
    if (source.some((k) => changed.has(k)) && this.api) void this.load();
  }

  private readonly onSubmitted = (e: Event) => {
    const { request } = (e as BecEvent<'becrequestsubmit'>).detail;
    if (request && !this.requests.some((r) => r.id === request.id)) this.requests = [request, ...this.requests];
    if (this.api) void this.load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('becrequestsubmit', this.onSubmitted);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('becrequestsubmit', this.onSubmitted);
  }

  /** Loads the requests and the names they show. */
  override load(): Promise<void> {
    const api = this.api;
    if (!api) return Promise.resolve();
    return this.view.track(async () => {
      const [requests, products, accounts] = await Promise.all([
        everyPage((cursor) =>
          api.requests({
            status: this.status || undefined,
            opportunityId: this.opportunityId || undefined,
            accountId: this.accountId || undefined,
            pageSize: 200,
            cursor,
          }),
        ),
        api.products(),
        api.accounts('end_customer'),
      ]);
      this.products = products;
      this.accounts = accounts;
      this.requests = requests;
    });
  }

  private t(key: MessageKey, params?: Record<string, string | number>) {
    return msg(this.locale, key, params);
  }

  private get shown() {
    return this.status ? this.requests.filter((r) => r.status === this.status) : this.requests;
  }

  /** Accepts (approved at the counter price) or rejects (withdrawn) the counter-offer of a request. */
  async answer(request: SpecialPriceRequest, answer: 'accept' | 'reject'): Promise<void> {
    if (this.busyId !== null) return;
    const reason = this.reasons[request.id]?.trim() || undefined;
    this.busyId = request.id;
    this.errors = { ...this.errors, [request.id]: '' };
    try {
      let updated: SpecialPriceRequest | null = null;
      if (this.api)
        updated = answer === 'accept' ? await this.api.acceptCounter(request.id) : await this.api.rejectCounter(request.id, reason);
      const next = updated ?? { ...request, status: answer === 'accept' ? ('approved' as const) : ('withdrawn' as const) };
      this.requests = this.requests.map((r) => (r.id === request.id ? next : r));
      this.message = this.t(answer === 'accept' ? 'requests.accepted' : 'requests.rejected', { number: request.number });
      this.emit('beccounteranswer', { requestId: request.id, answer, request: updated });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#req-${request.id} h3`)?.focus();
    } catch (err) {
      this.errors = { ...this.errors, [request.id]: this.failed(err) };
    } finally {
      this.busyId = null;
    }
  }

  private product(id: number) {
    return this.products.find((p) => p.id === id)?.vendorPartNumber ?? `#${id}`;
  }

  private value(r: SpecialPriceRequest, counter: boolean) {
    return moneyToString(
      sumMoney(
        r.lines.map((l) =>
          counter ? parseMoney(counterCostOf(l)).times(counterQuantityOf(l)) : parseMoney(l.requestedCost).times(l.quantity),
        ),
      ),
    );
  }

  private renderCounter(r: SpecialPriceRequest) {
    const busy = this.busyId === r.id;
    return html`<div class="counter" part="counter">
      <strong>${this.t('requests.counter')}: ${formatMoney(this.value(r, true), this.currency, this.locale)}</strong>
      ${
        r.decisionComment
          ? html`<div class="comment">
              ${this.t('requests.counterComment')}:
              <blockquote>${r.decisionComment}</blockquote>
            </div>`
          : nothing
      }
      <div class="field">
        <label for="reason-${r.id}">${this.t('requests.rejectReason')}</label>
        <textarea
          id="reason-${r.id}"
          .value=${this.reasons[r.id] ?? ''}
          @input=${(e: Event) => (this.reasons = { ...this.reasons, [r.id]: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
      </div>
      <div class="actions">
        <button class="brand" type="button" ?disabled=${busy} @click=${() => this.answer(r, 'accept')}>${this.t('requests.accept')}</button>
        <button class="destructive" type="button" ?disabled=${busy} @click=${() => this.answer(r, 'reject')}>
          ${this.t('requests.reject')}
        </button>
      </div>
      ${this.errors[r.id] ? html`<div class="alert" role="alert">${this.errors[r.id]}</div>` : nothing}
    </div>`;
  }

  /** What the approval made: the number quoted on claims, its validity, and its state when it no longer holds. */
  private renderAuthorization({ authorization: a }: SpecialPriceRequest) {
    if (!a) return nothing;
    const state = a.closedLostOn ? 'closedLost' : a.status;
    return html`<div class="sub" part="authorization" data-status=${state}>
      ${this.t('requests.authorization', { number: a.number, from: formatDate(a.validFrom, this.locale), to: formatDate(a.validTo, this.locale) })}
      ${state === 'active' ? nothing : html`· <strong>${this.t(`authStatus.${state}` as const, { date: formatDate(a.closedLostOn ?? '', this.locale) })}</strong>`}
    </div>`;
  }

  private renderRequest(r: SpecialPriceRequest) {
    const countered = r.status === 'countered';
    const customer = this.accounts.find((a) => a.id === r.endCustomerId)?.name ?? `#${r.endCustomerId}`;
    return html`<li class="request" part="item" id="req-${r.id}" data-status=${r.status}>
      <div class="head">
        <h3 tabindex="-1">${r.number}</h3>
        <span class="badge" data-tone=${toneOf(r.status)}>${this.t(`status.${r.status}` as const)}</span>
        <span class="value"
          >${formatMoney(this.value(r, r.status === 'approved' && r.lines.some((l) => l.counterCost !== null)), this.currency, this.locale)}</span
        >
      </div>
      <div class="sub">
        ${this.t('requests.endCustomer')}: ${customer} · ${this.t('requests.created')} ${formatDate(r.createdAt, this.locale)}
      </div>
      ${this.renderAuthorization(r)}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${this.t('requests.part')}</th>
              <th scope="col" class="num">${this.t('requests.qty')}</th>
              <th scope="col" class="num">${this.t('requests.requested')}</th>
              ${r.lines.some((l) => l.counterCost !== null) ? html`<th scope="col" class="num">${this.t('requests.counter')}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${r.lines.map(
              (l) =>
                html`<tr>
                  <td>${this.product(l.productId)}</td>
                  <td class="num">
                    ${formatNumber(l.quantity, this.locale)}${
                      l.counterQuantity !== null && l.counterQuantity !== l.quantity
                        ? html` → ${formatNumber(l.counterQuantity, this.locale)}`
                        : nothing
                    }
                  </td>
                  <td class="num">${formatUnitPrice(l.requestedCost, this.currency, this.locale)}</td>
                  ${
                    r.lines.some((x) => x.counterCost !== null)
                      ? html`<td class="num">
                          ${l.counterCost === null ? '—' : formatUnitPrice(l.counterCost, this.currency, this.locale)}
                        </td>`
                      : nothing
                  }
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        countered
          ? this.renderCounter(r)
          : r.decisionComment
            ? html`<div class="comment muted">${this.t('requests.decisionComment')}: ${r.decisionComment}</div>`
            : nothing
      }
    </li>`;
  }

  override render() {
    const shown = this.shown;
    return html`<div class="card" part="base">
      <div class="card-header">
        <h2>${this.heading || this.t('requests.title')}</h2>
        <span class="badge" data-tone="info">${msgCount(this.locale, 'requests.count', shown.length)}</span>
      </div>
      ${this.renderWaiting()}
      <div class="sr-only" role="status">${this.message}</div>
      ${this.message ? html`<div class="alert" data-tone="success">${this.message}</div>` : nothing}
      ${renderViewState(this.view, { empty: shown.length === 0, emptyText: this.t('requests.empty'), locale: this.locale, hasContent: shown.length > 0, waiting: this.waitingForCredentials })}
      ${
        showsContent(this.view, shown.length === 0)
          ? html`<ol part="list" aria-label=${this.t('requests.title')}>
              ${shown.map((r) => this.renderRequest(r))}
            </ol>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-request-list': BecRequestList;
  }
}
