import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { isMoneyText, moneyToString, parseMoney, sumMoney } from '../../core/money.js';
import type { Account, ApprovalContext, Product, Program, SpecialPriceRequest } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { formatDate, formatMoney, formatNumber, formatUnitPrice, labelOf } from '../shared/format.js';
import { controls, themeTokens, toneOf } from '../shared/theme.js';

/** CRM context for one request (issue 5 serves it; a host page may pass it directly). */
export interface RequestContext {
  opportunity?: { id: string; name: string; stage?: string; amount?: string; closeDate?: string; url?: string } | null;
  dealRegistration?: { id: string; status?: string; expiresOn?: string; url?: string } | null;
  designWins?: { id: string; name: string; stage?: string }[];
  /** Earlier authorized costs of the same product and customer, newest first. */
  priceHistory?: { productId: number; date: string; cost: string; quantity?: number; source?: string }[];
  /** Book cost per product id, for the margin impact. */
  bookCosts?: Record<number, string>;
  /** Warnings the server raises (no registered deal, below floor, closed-lost opportunity). */
  flags?: { code: string; message: string }[];
}

/** `GET /api/requests/:id/context` as the API answers it. */
type ServerContext = ApprovalContext;

/** Maps `GET /api/requests/:id/context` (issue 5) onto what the panel shows. */
export function contextFromServer(raw: ServerContext | RequestContext): RequestContext {
  const s = raw as ServerContext;
  if (!s.crm) return raw as RequestContext;
  const o = s.crm?.opportunity;
  const d = s.crm?.dealRegistration;
  const history: NonNullable<RequestContext['priceHistory']> = [];
  for (const h of s.priceHistory ?? []) {
    for (const a of h.authorizations ?? [])
      history.push({
        productId: h.productId,
        date: a.validFrom,
        cost: a.authorizedCost,
        quantity: a.approvedQuantity,
        source: a.authorizationNumber,
      });
    for (const c of h.claimLines ?? [])
      if (c.authorizedCost)
        history.push({ productId: h.productId, date: c.invoiceDate, cost: c.authorizedCost, quantity: c.quantity, source: 'claimed' });
  }
  history.sort((a, b) => (a.date < b.date ? 1 : -1));
  return {
    opportunity: o
      ? { id: o.sfId, name: o.name, stage: o.stageName, amount: o.amount ?? undefined, closeDate: o.closeDate ?? undefined }
      : null,
    dealRegistration: d ? { id: d.name || d.sfId, status: d.status ?? undefined, expiresOn: d.expiresOn ?? undefined } : null,
    priceHistory: history.slice(0, 8),
    flags: s.flags ?? [],
  };
}

/**
 * The approver's queue of pending special-price requests, driven from the keyboard.
 *
 * @summary Pending requests with CRM context (opportunity, deal registration, price history, margin impact) and approve, decline or counter with a comment.
 *
 * @fires {CustomEvent<BecEventDetails['becdecision']>} becdecision - A request was approved, declined or countered: `{ requestId, decision, comment, request }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card that holds the element's content.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart list - The list of pending requests.
 * @csspart item - One request in the list.
 * @csspart detail - The selected request's lines and decision form.
 * @csspart context - The CRM context panel.
 * @csspart actions - The approve / counter / decline buttons.
 *
 * @cssproperty --bec-queue-height - Largest height of the request list before it scrolls (default 32rem).
 * @cssproperty --bec-queue-min-height - Smallest height of the queue (default 20rem).
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-approval-queue')
export class BecApprovalQueue extends BecElement {
  static override styles = [
    themeTokens,
    controls,
    css`
      :host {
        container-type: inline-size;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(14rem, 20rem) minmax(0, 1fr) minmax(14rem, 20rem);
        min-height: var(--bec-queue-min-height, 20rem);
      }
      [role='listbox'] {
        list-style: none;
        margin: 0;
        padding: 0;
        border-right: 1px solid var(--_bec-color-border-weak);
        overflow-y: auto;
        max-height: var(--bec-queue-height, 32rem);
        outline: none;
      }
      [role='listbox']:focus-visible {
        box-shadow: inset var(--_bec-focus-ring);
      }
      [role='option'] {
        padding: var(--_bec-space-x-small) var(--_bec-space-medium);
        border-bottom: 1px solid var(--_bec-color-border-weak);
        cursor: pointer;
      }
      [role='option'][aria-selected='true'] {
        background: var(--_bec-color-background-selected);
        box-shadow: inset 3px 0 0 var(--_bec-color-brand);
      }
      .item-top {
        display: flex;
        justify-content: space-between;
        font-weight: 700;
      }
      .item-sub {
        font-size: var(--_bec-font-size-2);
        color: var(--_bec-color-text-weak);
      }
      .detail,
      .context {
        padding: var(--_bec-space-medium);
      }
      .context {
        border-left: 1px solid var(--_bec-color-border-weak);
        background: var(--_bec-color-background-alt);
      }
      h3 {
        margin: 0 0 var(--_bec-space-x-small);
        font-size: var(--_bec-font-size-5);
      }
      h4 {
        margin: var(--_bec-space-medium) 0 var(--_bec-space-xx-small);
        font-size: var(--_bec-font-size-2);
        text-transform: uppercase;
        color: var(--_bec-color-text-weak);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: var(--_bec-font-size-2);
      }
      th {
        text-align: left;
        font-size: var(--_bec-font-size-1);
        color: var(--_bec-color-text-weak);
        text-transform: uppercase;
        border-bottom: 1px solid var(--_bec-color-border);
        padding: var(--_bec-space-xx-small);
      }
      td {
        padding: var(--_bec-space-xx-small);
        border-bottom: 1px solid var(--_bec-color-border-weak);
      }
      td input {
        min-height: 1.75rem;
        width: 7rem;
      }
      .kpi {
        font-size: var(--_bec-font-size-7);
        font-weight: 700;
      }
      .actions {
        display: flex;
        gap: var(--_bec-space-x-small);
        margin-top: var(--_bec-space-x-small);
        flex-wrap: wrap;
      }
      kbd {
        font-family: inherit;
        font-size: var(--_bec-font-size-1);
        border: 1px solid var(--_bec-color-border);
        border-radius: var(--_bec-radius);
        padding: 0 0.25rem;
      }
      .empty {
        padding: var(--_bec-space-large);
        color: var(--_bec-color-text-weak);
        text-align: center;
      }
      .flags {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_bec-space-x-small);
        font-size: var(--_bec-font-size-2);
      }
      .flags li {
        margin-bottom: var(--_bec-space-xx-small);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.125rem var(--_bec-space-small);
        margin: 0;
        font-size: var(--_bec-font-size-2);
      }
      dt {
        color: var(--_bec-color-text-weak);
      }
      dd {
        margin: 0;
      }
      @container (max-width: 64rem) {
        .layout {
          grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
        }
        .context {
          grid-column: 1 / -1;
          border-left: 0;
          border-top: 1px solid var(--_bec-color-border-weak);
        }
      }
      @container (max-width: 36rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        [role='listbox'] {
          border-right: 0;
          max-height: 12rem;
        }
      }
    `,
  ];

  /** The pending requests (loaded from the API when `api-base` is set). */
  @property({ attribute: false }) requests: SpecialPriceRequest[] = [];
  /** Products by id, for part numbers and list prices. */
  @property({ attribute: false }) products: Product[] = [];
  /** Accounts (distributors, end customers) for names. */
  @property({ attribute: false }) accounts: Account[] = [];
  /** Programs, for codes. */
  @property({ attribute: false }) programs: Program[] = [];
  /** CRM context by request id. */
  @property({ attribute: false }) contexts: Record<number, RequestContext> = {};

  @state() private index = 0;
  @state() private counterCosts: Record<number, string> = {};
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private message = '';
  @query('[role="listbox"]') private listbox!: HTMLElement;
  @query('#comment') private commentBox!: HTMLTextAreaElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api) void this.load();
    if (changed.has('requests') && this.index >= this.requests.length) this.index = Math.max(0, this.requests.length - 1);
  }

  /** Loads the pending requests and the lookups from the API. */
  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.busy = true;
    try {
      const [reqs, products, accounts, programs] = await Promise.all([
        api.requests({ status: 'pending', pageSize: 200 }),
        api.products(),
        api.accounts(),
        api.programs(),
      ]);
      this.products = products;
      this.accounts = accounts;
      this.programs = programs;
      this.requests = reqs.items;
      await this.loadContext();
    } catch (err) {
      this.errors = { form: this.failed(err) };
    } finally {
      this.busy = false;
    }
  }

  private async loadContext() {
    const r = this.current;
    if (!r || !this.api || this.contexts[r.id]) return;
    try {
      const ctx = contextFromServer(await this.api.get<ServerContext>(`/api/requests/${r.id}/context`));
      this.contexts = { ...this.contexts, [r.id]: ctx };
    } catch {
      /* the CRM context is optional: the queue works without it */
    }
  }

  private get current(): SpecialPriceRequest | undefined {
    return this.requests[this.index];
  }
  private product(id: number) {
    return this.products.find((p) => p.id === id);
  }
  private accountName(id: number | null) {
    return id === null ? '—' : (this.accounts.find((a) => a.id === id)?.name ?? `#${id}`);
  }
  private requestValue(r: SpecialPriceRequest) {
    return moneyToString(sumMoney(r.lines.map((l) => parseMoney(l.requestedCost).times(l.quantity))));
  }

  private select(i: number) {
    this.index = Math.max(0, Math.min(this.requests.length - 1, i));
    this.counterCosts = {};
    this.errors = {};
    this.renderRoot.querySelector(`#req-${this.current?.id}`)?.scrollIntoView({ block: 'nearest' });
    void this.loadContext();
  }

  private onListKey(e: KeyboardEvent) {
    const k = e.key;
    if (k === 'ArrowDown' || k === 'j') this.select(this.index + 1);
    else if (k === 'ArrowUp' || k === 'k') this.select(this.index - 1);
    else if (k === 'Home') this.select(0);
    else if (k === 'End') this.select(this.requests.length - 1);
    else if (k === 'a') void this.decide('approve');
    else if (k === 'd' || k === 'c') {
      this.commentBox?.focus();
      if (k === 'c') this.renderRoot.querySelector<HTMLInputElement>('td input')?.focus();
    } else return;
    e.preventDefault();
  }

  /** Approves, declines or counters the selected request. */
  async decide(decision: 'approve' | 'decline' | 'counter'): Promise<void> {
    const r = this.current;
    if (!r || this.busy) return;
    const comment = this.commentBox?.value.trim() ?? '';
    const errors: Record<string, string> = {};
    if ((decision === 'decline' || decision === 'counter') && !comment) errors.comment = `A comment is required to ${decision}`;
    const counterLines: { lineId: number; counterCost: string }[] = [];
    if (decision === 'counter') {
      for (const l of r.lines) {
        const v = (this.counterCosts[l.id] ?? '').trim();
        if (!v) continue;
        if (!isMoneyText(v)) errors[`line-${l.id}`] = 'Not an amount';
        else counterLines.push({ lineId: l.id, counterCost: moneyToString(parseMoney(v)) });
      }
      if (!counterLines.length && !Object.keys(errors).some((k) => k.startsWith('line-')))
        errors.counter = 'Enter a counter cost on at least one line';
    }
    this.errors = errors;
    if (Object.keys(errors).length) {
      if (errors.comment) this.commentBox?.focus();
      return;
    }
    this.busy = true;
    try {
      let updated: SpecialPriceRequest | null = null;
      if (this.api) {
        updated =
          decision === 'approve'
            ? await this.api.approveRequest(r.id, comment || undefined)
            : decision === 'decline'
              ? await this.api.declineRequest(r.id, comment)
              : await this.api.counterRequest(r.id, comment, counterLines);
      }
      this.emit('becdecision', { requestId: r.id, decision, comment, request: updated });
      this.message = `${r.number} ${decision === 'approve' ? 'approved' : decision === 'decline' ? 'declined' : 'countered'}`;
      this.requests = this.requests.filter((x) => x.id !== r.id);
      if (this.commentBox) this.commentBox.value = '';
      this.counterCosts = {};
      if (this.index >= this.requests.length) this.index = Math.max(0, this.requests.length - 1);
      await this.updateComplete;
      this.listbox?.focus();
      void this.loadContext();
    } catch (err) {
      this.errors = { form: this.failed(err) };
    } finally {
      this.busy = false;
    }
  }

  private renderContext(r: SpecialPriceRequest) {
    const ctx = this.contexts[r.id] ?? {};
    const cur = this.currency;
    // Margin impact: what the vendor gives up against book cost (or list when book is unknown).
    const impact = sumMoney(
      r.lines.map((l) => {
        const base = ctx.bookCosts?.[l.productId] ?? this.product(l.productId)?.listPrice ?? l.requestedCost;
        return parseMoney(base).minus(parseMoney(l.requestedCost)).times(l.quantity);
      }),
    );
    const listValue = sumMoney(r.lines.map((l) => parseMoney(this.product(l.productId)?.listPrice ?? l.requestedCost).times(l.quantity)));
    const pct = listValue.isZero() ? 0 : impact.div(listValue).toNumber();
    return html`<aside class="context" part="context" aria-label="CRM context">
      <h3>Context</h3>
      ${
        ctx.flags?.length
          ? html`<ul class="flags">
              ${ctx.flags.map((f) => html`<li><span class="badge" data-tone="warning">${labelOf(f.code.toLowerCase())}</span> ${f.message}</li>`)}
            </ul>`
          : nothing
      }
      <h4>Margin impact</h4>
      <div class="kpi">${formatMoney(moneyToString(impact), cur, this.locale)}</div>
      <div class="muted">${(pct * 100).toFixed(1)}% below ${ctx.bookCosts ? 'book cost' : 'list price'}</div>
      <h4>Opportunity</h4>
      ${
        ctx.opportunity
          ? html`<dl>
              <dt>Name</dt>
              <dd>
                ${ctx.opportunity.url ? html`<a href=${ctx.opportunity.url} target="_blank" rel="noopener">${ctx.opportunity.name}</a>` : ctx.opportunity.name}
              </dd>
              ${
                ctx.opportunity.stage
                  ? html`<dt>Stage</dt>
                      <dd>${ctx.opportunity.stage}</dd>`
                  : nothing
              }
              ${
                ctx.opportunity.amount
                  ? html`<dt>Amount</dt>
                      <dd>${formatMoney(ctx.opportunity.amount, cur, this.locale)}</dd>`
                  : nothing
              }
              ${
                ctx.opportunity.closeDate
                  ? html`<dt>Close</dt>
                      <dd>${formatDate(ctx.opportunity.closeDate, this.locale)}</dd>`
                  : nothing
              }
            </dl>`
          : html`<div class="muted">${r.opportunityRef ?? 'None linked'}</div>`
      }
      <h4>Deal registration</h4>
      ${
        ctx.dealRegistration
          ? html`<dl>
              <dt>Id</dt>
              <dd>${ctx.dealRegistration.id}</dd>
              ${
                ctx.dealRegistration.status
                  ? html`<dt>Status</dt>
                      <dd>${ctx.dealRegistration.status}</dd>`
                  : nothing
              }
              ${
                ctx.dealRegistration.expiresOn
                  ? html`<dt>Expires</dt>
                      <dd>${formatDate(ctx.dealRegistration.expiresOn, this.locale)}</dd>`
                  : nothing
              }
            </dl>`
          : html`<div class="muted">${r.dealRegistrationRef ?? 'None linked'}</div>`
      }
      ${
        ctx.designWins?.length
          ? html`<h4>Design wins</h4>
              <ul>
                ${ctx.designWins.map((d) => html`<li>${d.name}${d.stage ? ` · ${d.stage}` : ''}</li>`)}
              </ul>`
          : nothing
      }
      <h4>Price history</h4>
      ${
        ctx.priceHistory?.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Part</th>
                  <th scope="col" class="num">Cost</th>
                </tr>
              </thead>
              <tbody>
                ${ctx.priceHistory.map(
                  (p) =>
                    html`<tr>
                      <td>${formatDate(p.date, this.locale)}</td>
                      <td>${this.product(p.productId)?.vendorPartNumber ?? p.productId}</td>
                      <td class="num">${formatUnitPrice(p.cost, cur, this.locale)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<div class="muted">No earlier prices for this product and customer</div>`
      }
    </aside>`;
  }

  private renderDetail(r: SpecialPriceRequest) {
    const cur = this.currency;
    const program = this.programs.find((p) => p.id === r.programId);
    return html`<section class="detail" part="detail" aria-label="Request ${r.number}">
      <h3>${r.number} <span class="badge" data-tone=${toneOf(r.status)}>${labelOf(r.status)}</span></h3>
      <dl>
        <dt>Distributor</dt>
        <dd>${this.accountName(r.distributorId)}</dd>
        <dt>End customer</dt>
        <dd>${this.accountName(r.endCustomerId)}</dd>
        <dt>Program</dt>
        <dd>${program ? `${program.code} · ${labelOf(program.type)}` : `#${r.programId}`}</dd>
        <dt>Valid</dt>
        <dd>${formatDate(r.validFrom, this.locale)} – ${formatDate(r.validTo, this.locale)}</dd>
        ${
          r.justification
            ? html`<dt>Why</dt>
                <dd>${r.justification}</dd>`
            : nothing
        }
      </dl>
      <h4>Lines</h4>
      <table>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col" class="num">Qty</th>
            <th scope="col" class="num">List</th>
            <th scope="col" class="num">Requested</th>
            <th scope="col">Counter</th>
          </tr>
        </thead>
        <tbody>
          ${r.lines.map((l) => {
            const p = this.product(l.productId);
            return html`<tr>
              <td>${p?.vendorPartNumber ?? `#${l.productId}`}</td>
              <td class="num">${formatNumber(l.quantity, this.locale)}</td>
              <td class="num">${formatUnitPrice(p?.listPrice, cur, this.locale)}</td>
              <td class="num">${formatUnitPrice(l.requestedCost, cur, this.locale)}</td>
              <td>
                <input
                  aria-label="Counter cost for ${p?.vendorPartNumber ?? l.productId}"
                  inputmode="decimal"
                  placeholder="e.g. ${l.requestedCost}"
                  aria-invalid=${this.errors[`line-${l.id}`] ? 'true' : 'false'}
                  .value=${this.counterCosts[l.id] ?? ''}
                  @input=${(e: Event) => (this.counterCosts = { ...this.counterCosts, [l.id]: (e.target as HTMLInputElement).value })}
                />
                ${this.errors[`line-${l.id}`] ? html`<div class="field-error">${this.errors[`line-${l.id}`]}</div>` : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${this.errors.counter ? html`<div class="field-error" role="alert">${this.errors.counter}</div>` : nothing}
      <div class="field" style="margin-top:var(--_bec-space-small)" ?data-invalid=${!!this.errors.comment}>
        <label for="comment">Comment (required to decline or counter)</label>
        <textarea id="comment" aria-invalid=${this.errors.comment ? 'true' : 'false'} aria-describedby="comment-err"></textarea>
        <div class="field-error" id="comment-err">${this.errors.comment ?? ''}</div>
      </div>
      ${this.errors.form ? html`<div class="alert" role="alert">${this.errors.form}</div>` : nothing}
      <div class="actions" part="actions">
        <button class="brand" type="button" ?disabled=${this.busy} @click=${() => this.decide('approve')}>Approve</button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.decide('counter')}>Counter</button>
        <button class="destructive" type="button" ?disabled=${this.busy} @click=${() => this.decide('decline')}>Decline</button>
      </div>
      <p class="muted" style="font-size:var(--_bec-font-size-1)">
        Keys in the list: <kbd>↑</kbd>/<kbd>↓</kbd> move, <kbd>a</kbd> approve, <kbd>c</kbd> counter, <kbd>d</kbd> decline
      </p>
    </section>`;
  }

  override render() {
    const r = this.current;
    return html`<div class="card" part="base">
      <div class="card-header">
        <h2>Approval queue</h2>
        <span class="badge" data-tone="info">${this.requests.length} pending</span>
      </div>
      <div class="sr-only" role="status">${this.message}</div>
      ${this.renderWaiting()} ${this.message ? html`<div class="alert" data-tone="success">${this.message}</div>` : nothing}
      ${
        this.requests.length === 0
          ? html`<div class="empty">${this.busy ? 'Loading…' : 'Nothing waiting for you.'}</div>
              ${this.errors.form ? html`<div class="alert" role="alert">${this.errors.form}</div>` : nothing}`
          : html`<div class="layout">
              <ul
                role="listbox"
                part="list"
                tabindex="0"
                aria-label="Pending requests"
                aria-activedescendant=${r ? `req-${r.id}` : nothing}
                @keydown=${this.onListKey}
              >
                ${this.requests.map(
                  // The listbox owns the keyboard (aria-activedescendant); options only take clicks.
                  (q, i) =>
                    // eslint-disable-next-line lit-a11y/click-events-have-key-events
                    html`<li
                      role="option"
                      part="item"
                      id="req-${q.id}"
                      aria-selected=${i === this.index ? 'true' : 'false'}
                      @click=${() => this.select(i)}
                    >
                      <div class="item-top">
                        <span>${q.number}</span><span>${formatMoney(this.requestValue(q), this.currency, this.locale)}</span>
                      </div>
                      <div class="item-sub">${this.accountName(q.distributorId)} → ${this.accountName(q.endCustomerId)}</div>
                      <div class="item-sub">
                        ${q.lines.length} line${q.lines.length === 1 ? '' : 's'} · ${formatDate(q.createdAt, this.locale)}
                      </div>
                    </li>`,
                )}
              </ul>
              ${r ? this.renderDetail(r) : nothing} ${r ? this.renderContext(r) : nothing}
            </div>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-approval-queue': BecApprovalQueue;
  }
}
