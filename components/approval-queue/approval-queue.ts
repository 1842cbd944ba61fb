import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { moneyToString, parseMoney, sumMoney } from '../../core/money.js';
import { REQUEST_LINE_FLAGS, requestLineFlags } from '../../core/requests/line-flags.js';
import { everyPage } from '../shared/api.js';
import type { Account, ApprovalContext, Product, Program, RequestLine, SpecialPriceRequest } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import {
  formatAmountForEditing,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatUnitPrice,
  labelOf,
  parseAmount,
} from '../shared/format.js';
import { codeLabel, MESSAGES, msg, msgCount, type MessageKey } from '../shared/i18n.js';
// The queue's words (dist/bec.js loads this module, and them, on first use).
import './i18n-queue.js';
import { renderViewState, showsContent, stateStyles, ViewStateController } from '../shared/states.js';
import { definitionListStyles, tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens, toneOf } from '../shared/theme.js';
import styles from './approval-queue.styles.js';

/** CRM context for one request (issue 5 serves it; a host page may pass it directly). */
export interface RequestContext {
  opportunity?: { id: string; name: string; stage?: string; amount?: string; closeDate?: string; url?: string } | null;
  dealRegistration?: { id: string; status?: string; expiresOn?: string; url?: string } | null;
  designWins?: { id: string; name: string; stage?: string }[];
  /** Earlier authorized costs of the same product and customer, newest first. */
  priceHistory?: { productId: number; date: string; cost: string; quantity?: number; source?: string }[];
  /** Book cost per product id, for the margin impact. */
  bookCosts?: Record<number, string>;
  /**
   * Warnings the server raises (no registered deal, below floor, closed-lost opportunity), `lineId`
   * naming the line of a price flag. Shown in the catalog's words for the API's codes; `message` for another code.
   */
  flags?: { code: string; message: string; lineId?: number }[];
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
 * The approver's queue of pending special-price requests, driven from the keyboard. The approver's
 * own requests never show (the server leaves them out, and so does the element); on a CRM record
 * page `opportunity-id` or `account-id` narrows it to that record's requests. Approving asks for
 * confirmation naming the prices approved, and drops a counter-offer draft (its costs and comment).
 *
 * @summary Pending requests with CRM context (opportunity, deal registration, price history, margin impact) and approve, decline or counter with a comment.
 *
 * @fires {CustomEvent<BecEventDetails['becdecision']>} becdecision - A request was approved, declined or countered: `{ requestId, decision, comment, request }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart loading - Shown while the requests load.
 * @csspart empty - Shown when nothing waits.
 * @csspart error - The failure, its detail and a Retry button.
 * @csspart offline - Shown when the browser is offline, with a Retry button.
 * @csspart retry - The Retry button.
 * @csspart confirm - The approval confirmation: the prices approved, and what is discarded.
 * @csspart list - The list of pending requests.
 * @csspart item - One request in the list.
 * @csspart routing - A routed request's approval level, who is next, and whether it is escalated.
 * @csspart flag - A warning badge on a request and on its line: a requested price at or above the distributor's book cost (no debit to recover).
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
  static override styles = [themeTokens, controls, stateStyles, tableStyles, definitionListStyles, styles];

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
  /** Only the requests of this CRM opportunity (its Salesforce Id, the request's opportunityRef): for an Opportunity record page. */
  @property({ attribute: 'opportunity-id' }) opportunityId = '';
  /** Only the requests of this account (BEC id, or CRM Id), as distributor, reseller or end customer: for an Account record page. */
  @property({ attribute: 'account-id' }) accountId = '';
  /** The approver's user id: its own requests are left out (taken from the session when `api-base` is set). */
  @property({ type: Number, attribute: 'user-id' }) userId: number | null = null;

  @state() private index = 0;
  @state() private counterCosts: Record<number, string> = {};
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private message = '';
  /** The request whose approval waits for confirmation. */
  @state() private confirming: number | null = null;
  /** What the approver started with `c` or `d` (or by typing a counter cost): its comment belongs to it, not to an approval. */
  private draftIntent: 'counter' | 'decline' | null = null;
  private readonly view = new ViewStateController(this, (err) => this.failed(err));
  @query('[role="listbox"]') private listbox!: HTMLElement;
  @query('#comment') private commentBox!: HTMLTextAreaElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('apiBase') || changed.has('opportunityId') || changed.has('accountId')) && this.api) void this.load();
    const shown = this.visible.length;
    if (this.index >= shown) this.index = Math.max(0, shown - 1);
  }

  /** Loads the pending requests (not the approver's own, scoped to the record) and the lookups from the API. */
  override load(): Promise<void> {
    const api = this.api;
    if (!api) return Promise.resolve();
    return this.view.track(async () => {
      const [me, reqs, products, accounts, programs] = await Promise.all([
        api.me(),
        everyPage((cursor) =>
          api.requests({
            status: 'pending',
            requestedBy: 'others',
            opportunityId: this.opportunityId || undefined,
            accountId: this.accountId || undefined,
            pageSize: 200,
            cursor,
          }),
        ),
        api.products(),
        api.accounts(),
        api.programs(),
      ]);
      this.userId = me.userId;
      this.products = products;
      this.accounts = accounts;
      this.programs = programs;
      this.requests = reqs;
      await this.loadContext();
    });
  }

  /** The requests shown: never the approver's own, only the record's when scoped. */
  get visible(): SpecialPriceRequest[] {
    const account = /^\d+$/.test(this.accountId) ? Number(this.accountId) : null;
    return this.requests.filter(
      (r) =>
        r.requestedByUserId !== this.userId &&
        (!this.opportunityId || r.opportunityRef === this.opportunityId) &&
        (account === null || [r.distributorId, r.resellerId, r.endCustomerId].includes(account)),
    );
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

  private t(key: MessageKey, params?: Record<string, string | number>) {
    return msg(this.locale, key, params);
  }

  private get current(): SpecialPriceRequest | undefined {
    return this.visible[this.index];
  }
  private product(id: number) {
    return this.products.find((p) => p.id === id);
  }
  private accountName(id: number | null) {
    return id === null ? '—' : (this.accounts.find((a) => a.id === id)?.name ?? `#${id}`);
  }
  /**
   * A warning badge for each flag of these lines, once (core/requests/line-flags.ts: the rule the
   * server applies too, here on the lines shown, whoever passed them).
   */
  private flagBadges(lines: Pick<RequestLine, 'requestedCost' | 'bookCost'>[]) {
    return [...new Set(lines.flatMap(requestLineFlags))].map(
      (f) => html` <span class="badge" part="flag" data-tone="warning">${codeLabel(this.locale, 'requestLineFlag', f)}</span>`,
    );
  }
  /**
   * A context flag's sentence in the locale, from its code and what the panel shows (the server's
   * `message` is English); a code the catalog does not know keeps its `message`.
   */
  private flagText(r: SpecialPriceRequest, ctx: RequestContext, f: NonNullable<RequestContext['flags']>[number]): string {
    switch (f.code) {
      case 'NO_REGISTERED_DEAL':
        return ctx.dealRegistration ? this.t('queue.flag.dealNotCurrent', { id: ctx.dealRegistration.id }) : this.t('queue.flag.noDeal');
      case 'PRICE_BELOW_FLOOR': {
        const line = r.lines.find((l) => l.id === f.lineId);
        return line
          ? this.t('queue.flag.belowFloor', {
              part: this.product(line.productId)?.vendorPartNumber ?? `#${line.productId}`,
              price: formatUnitPrice(line.counterCost ?? line.requestedCost, this.currency, this.locale),
            })
          : this.t('queue.flag.lineBelowFloor');
      }
      case 'COUNTER_AT_OR_ABOVE_BOOK_COST':
        return this.t('queue.flag.counterAtBook');
      case 'CLOSED_LOST_OPPORTUNITY':
        return this.t('queue.flag.closedLost');
      default:
        return f.message;
    }
  }
  private requestValue(r: SpecialPriceRequest) {
    return moneyToString(sumMoney(r.lines.map((l) => parseMoney(l.requestedCost).times(l.quantity))));
  }

  private select(i: number) {
    this.index = Math.max(0, Math.min(this.visible.length - 1, i));
    this.clearDraft();
    this.errors = {};
    this.renderRoot.querySelector(`#req-${this.current?.id}`)?.scrollIntoView({ block: 'nearest' });
    void this.loadContext();
  }

  private onListKey(e: KeyboardEvent) {
    const k = e.key;
    if (k === 'ArrowDown' || k === 'j') this.select(this.index + 1);
    else if (k === 'ArrowUp' || k === 'k') this.select(this.index - 1);
    else if (k === 'Home') this.select(0);
    else if (k === 'End') this.select(this.visible.length - 1);
    else if (k === 'a') void this.askApproval();
    else if (k === 'd' || k === 'c') {
      this.draftIntent = k === 'c' ? 'counter' : 'decline';
      this.commentBox?.focus();
      if (k === 'c') this.renderRoot.querySelector<HTMLInputElement>('td input')?.focus();
    } else return;
    e.preventDefault();
  }

  /** Drops what was typed for a counter-offer or a decline: its costs and its comment. */
  private clearDraft() {
    this.counterCosts = {};
    this.draftIntent = null;
    if (this.commentBox) this.commentBox.value = '';
  }

  /** The counter costs typed, as the API takes them ("3,05" in de → "3.05"); null for text that is no amount. */
  private counterCostOf(lineId: number): string | null {
    return parseAmount(this.counterCosts[lineId] ?? '', this.locale);
  }

  private get hasCounterDraft() {
    return this.draftIntent === 'counter' || Object.values(this.counterCosts).some((v) => v.trim());
  }

  /** Asks to confirm the approval of the selected request, naming the prices approved; focus goes to the confirm button. */
  async askApproval(): Promise<void> {
    const r = this.current;
    if (!r || this.busy) return;
    this.confirming = r.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="confirm"] button.brand')?.focus();
  }

  private async cancelApproval() {
    this.confirming = null;
    await this.updateComplete;
    this.listbox?.focus();
  }

  private async confirmApproval() {
    const discard = this.hasCounterDraft;
    this.confirming = null;
    // A comment typed for a counter-offer or a decline is not the approval's: it goes with the draft.
    const comment = discard || this.draftIntent === 'decline' ? '' : (this.commentBox?.value.trim() ?? '');
    this.clearDraft();
    await this.decide('approve', comment);
  }

  private prices(r: SpecialPriceRequest, costs: (lineId: number) => string | null) {
    return r.lines
      .map((l) => {
        const cost = costs(l.id);
        return cost === null
          ? null
          : `${this.product(l.productId)?.vendorPartNumber ?? `#${l.productId}`} ${formatUnitPrice(cost, this.currency, this.locale)} × ${formatNumber(l.quantity, this.locale)}`;
      })
      .filter((x) => x !== null)
      .join(', ');
  }

  private renderConfirm(r: SpecialPriceRequest) {
    const draft = this.hasCounterDraft ? this.prices(r, (id) => this.counterCostOf(id) ?? (this.counterCosts[id]?.trim() || null)) : '';
    return html`<div
      class="confirm"
      part="confirm"
      role="alertdialog"
      aria-labelledby="confirm-text"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          void this.cancelApproval();
        }
      }}
    >
      <p id="confirm-text">
        ${msg(this.locale, 'queue.confirmApprove', { number: r.number, prices: this.prices(r, (id) => r.lines.find((l) => l.id === id)!.requestedCost) })}
        ${this.hasCounterDraft ? msg(this.locale, 'queue.confirmDiscards', { prices: draft || '—' }) : nothing}
      </p>
      <div class="actions">
        <button class="brand" type="button" @click=${() => this.confirmApproval()}>${msg(this.locale, 'queue.confirm')}</button>
        <button type="button" @click=${() => this.cancelApproval()}>${msg(this.locale, 'queue.cancel')}</button>
      </div>
    </div>`;
  }

  /**
   * Approves, declines or counters the selected request at once (the keys and the Approve button
   * ask for confirmation first). An approval's comment is `comment`, never the comment box's.
   */
  async decide(decision: 'approve' | 'decline' | 'counter', approvalComment = ''): Promise<void> {
    const r = this.current;
    if (!r || this.busy) return;
    const comment = decision === 'approve' ? approvalComment.trim() : (this.commentBox?.value.trim() ?? '');
    const errors: Record<string, string> = {};
    if ((decision === 'decline' || decision === 'counter') && !comment)
      errors.comment = this.t(decision === 'decline' ? 'queue.commentToDecline' : 'queue.commentToCounter');
    const counterLines: { lineId: number; counterCost: string }[] = [];
    if (decision === 'counter') {
      for (const l of r.lines) {
        const v = (this.counterCosts[l.id] ?? '').trim();
        if (!v) continue;
        const cost = this.counterCostOf(l.id);
        if (cost === null) errors[`line-${l.id}`] = this.t('queue.notAmount');
        else counterLines.push({ lineId: l.id, counterCost: moneyToString(parseMoney(cost)) });
      }
      if (!counterLines.length && !Object.keys(errors).some((k) => k.startsWith('line-')))
        errors.counter = this.t('queue.counterNeedsCost');
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
      this.message = this.t(decision === 'approve' ? 'queue.approved' : decision === 'decline' ? 'queue.declined' : 'queue.countered', {
        number: r.number,
      });
      this.requests = this.requests.filter((x) => x.id !== r.id);
      this.clearDraft();
      if (this.index >= this.visible.length) this.index = Math.max(0, this.visible.length - 1);
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
    // A line's own flags (price at or above book cost) are its badges already, in the locale's words: not twice.
    const contextFlags = (ctx.flags ?? []).filter((f) => !(REQUEST_LINE_FLAGS as readonly string[]).includes(f.code));
    return html`<aside class="context" part="context" aria-label=${this.t('queue.contextLabel')}>
      <h3>${this.t('queue.context')}</h3>
      ${
        contextFlags.length
          ? html`<ul class="flags">
              ${contextFlags.map(
                (f) =>
                  html`<li>
                    <span class="badge" data-tone="warning"
                      >${`contextFlag.${f.code}` in MESSAGES.en ? codeLabel(this.locale, 'contextFlag', f.code) : labelOf(f.code.toLowerCase())}</span
                    >
                    ${this.flagText(r, ctx, f)}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <h4>${this.t('queue.marginImpact')}</h4>
      <div class="kpi">${formatMoney(moneyToString(impact), cur, this.locale)}</div>
      <div class="muted">
        ${this.t(ctx.bookCosts ? 'queue.belowBook' : 'queue.belowList', { percent: formatPercent(pct, this.locale) })}
      </div>
      <h4>${this.t('queue.opportunity')}</h4>
      ${
        ctx.opportunity
          ? html`<dl>
              <dt>${this.t('queue.name')}</dt>
              <dd>
                ${ctx.opportunity.url ? html`<a href=${ctx.opportunity.url} target="_blank" rel="noopener">${ctx.opportunity.name}</a>` : ctx.opportunity.name}
              </dd>
              ${
                ctx.opportunity.stage
                  ? html`<dt>${this.t('queue.stage')}</dt>
                      <dd>${ctx.opportunity.stage}</dd>`
                  : nothing
              }
              ${
                ctx.opportunity.amount
                  ? html`<dt>${this.t('queue.amount')}</dt>
                      <dd>${formatMoney(ctx.opportunity.amount, cur, this.locale)}</dd>`
                  : nothing
              }
              ${
                ctx.opportunity.closeDate
                  ? html`<dt>${this.t('queue.closeDate')}</dt>
                      <dd>${formatDate(ctx.opportunity.closeDate, this.locale)}</dd>`
                  : nothing
              }
            </dl>`
          : html`<div class="muted">${r.opportunityRef ?? this.t('queue.noOpportunity')}</div>`
      }
      <h4>${this.t('queue.dealRegistration')}</h4>
      ${
        ctx.dealRegistration
          ? html`<dl>
              <dt>${this.t('queue.dealId')}</dt>
              <dd>${ctx.dealRegistration.id}</dd>
              ${
                ctx.dealRegistration.status
                  ? html`<dt>${this.t('queue.dealStatus')}</dt>
                      <dd>${ctx.dealRegistration.status}</dd>`
                  : nothing
              }
              ${
                ctx.dealRegistration.expiresOn
                  ? html`<dt>${this.t('queue.dealExpires')}</dt>
                      <dd>${formatDate(ctx.dealRegistration.expiresOn, this.locale)}</dd>`
                  : nothing
              }
            </dl>`
          : html`<div class="muted">${r.dealRegistrationRef ?? this.t('queue.noDealRegistration')}</div>`
      }
      ${
        ctx.designWins?.length
          ? html`<h4>${this.t('queue.designWins')}</h4>
              <ul>
                ${ctx.designWins.map((d) => html`<li>${d.name}${d.stage ? ` · ${d.stage}` : ''}</li>`)}
              </ul>`
          : nothing
      }
      <h4>${this.t('queue.priceHistory')}</h4>
      ${
        ctx.priceHistory?.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">${this.t('queue.date')}</th>
                  <th scope="col">${this.t('requests.part')}</th>
                  <th scope="col" class="num">${this.t('queue.cost')}</th>
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
          : html`<div class="muted">${this.t('queue.noHistory')}</div>`
      }
    </aside>`;
  }

  /** Where a routed request stands: its level and who is next (nothing for a request no rule routes). */
  private renderRouting(r: SpecialPriceRequest) {
    const routing = r.routing;
    if (!routing || routing.currentLevel === null) return nothing;
    const who = routing.waitingOn.map((w) => w.name ?? (w.role ? this.t(`queue.role.${w.role}` as MessageKey) : `#${w.userId}`)).join(', ');
    return html`<span part="routing" class="routing"
      >${this.t('queue.level', { level: routing.currentLevel, count: routing.levelCount })} ·
      ${this.t('queue.next', { who })}${
        routing.escalated ? html` <span class="badge" data-tone="warning">${this.t('queue.escalated')}</span>` : nothing
      }</span
    >`;
  }

  private renderDetail(r: SpecialPriceRequest) {
    const cur = this.currency;
    const heads = [
      this.t('requests.part'),
      this.t('requests.qty'),
      this.t('queue.listPrice'),
      this.t('requests.requested'),
      this.t('requests.counter'),
    ];
    const program = this.programs.find((p) => p.id === r.programId);
    // Escape from the decision form goes back to the list (the draft stays until another request is selected or one is approved).
    return html`<section
      class="detail"
      part="detail"
      aria-label=${this.t('queue.request', { number: r.number })}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') this.listbox?.focus();
      }}
    >
      <h3>${r.number} <span class="badge" data-tone=${toneOf(r.status)}>${codeLabel(this.locale, 'status', r.status)}</span></h3>
      <dl>
        <dt>${this.t('finance.distributor')}</dt>
        <dd>${this.accountName(r.distributorId)}</dd>
        <dt>${this.t('requests.endCustomer')}</dt>
        <dd>${this.accountName(r.endCustomerId)}</dd>
        <dt>${this.t('queue.program')}</dt>
        <dd>${program ? `${program.code} · ${codeLabel(this.locale, 'programType', program.type)}` : `#${r.programId}`}</dd>
        <dt>${this.t('queue.valid')}</dt>
        <dd>${formatDate(r.validFrom, this.locale)} – ${formatDate(r.validTo, this.locale)}</dd>
        ${
          r.routing?.currentLevel
            ? html`<dt>${this.t('queue.routing')}</dt>
                <dd>${this.renderRouting(r)}</dd>`
            : nothing
        }
        ${
          r.justification
            ? html`<dt>${this.t('queue.why')}</dt>
                <dd>${r.justification}</dd>`
            : nothing
        }
      </dl>
      <h4>${this.t('queue.lines')}</h4>
      <table class="lines cards">
        <thead>
          <tr>
            ${heads.map((h, i) => html`<th scope="col" class=${i && i < 4 ? 'num' : ''}>${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${r.lines.map((l) => {
            const p = this.product(l.productId);
            const flags = this.flagBadges([l]);
            return html`<tr>
              <td data-label=${heads[0]}>${p?.vendorPartNumber ?? `#${l.productId}`}</td>
              <td class="num" data-label=${heads[1]}>${formatNumber(l.quantity, this.locale)}</td>
              <td class="num" data-label=${heads[2]}>${formatUnitPrice(p?.listPrice, cur, this.locale)}</td>
              <td class="num" data-label=${heads[3]}>
                ${formatUnitPrice(l.requestedCost, cur, this.locale)}
                ${
                  flags.length
                    ? html`<div class="flag">
                        ${flags}
                        <div>${this.t('queue.bookCost', { price: formatUnitPrice(l.bookCost, cur, this.locale) })}</div>
                      </div>`
                    : nothing
                }
              </td>
              <td data-label=${heads[4]}>
                <input
                  aria-label=${this.t('queue.counterCostFor', { part: p?.vendorPartNumber ?? `#${l.productId}` })}
                  inputmode="decimal"
                  placeholder=${this.t('queue.example', { price: formatAmountForEditing(l.requestedCost, this.locale) })}
                  aria-invalid=${this.errors[`line-${l.id}`] ? 'true' : 'false'}
                  .value=${this.counterCosts[l.id] ?? ''}
                  @input=${(e: Event) => {
                    this.draftIntent = 'counter';
                    this.counterCosts = { ...this.counterCosts, [l.id]: (e.target as HTMLInputElement).value };
                  }}
                />
                ${this.errors[`line-${l.id}`] ? html`<div class="field-error">${this.errors[`line-${l.id}`]}</div>` : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${this.errors.counter ? html`<div class="field-error" role="alert">${this.errors.counter}</div>` : nothing}
      <div class="field" style="margin-top:var(--_bec-space-small)" ?data-invalid=${!!this.errors.comment}>
        <label for="comment">${this.t('queue.commentLabel')}</label>
        <textarea id="comment" aria-invalid=${this.errors.comment ? 'true' : 'false'} aria-describedby="comment-err"></textarea>
        <div class="field-error" id="comment-err">${this.errors.comment ?? ''}</div>
      </div>
      ${this.errors.form ? html`<div class="alert" role="alert">${this.errors.form}</div>` : nothing}
      <div class="actions" part="actions">
        <button class="brand" type="button" ?disabled=${this.busy} @click=${() => this.askApproval()}>${this.t('queue.approve')}</button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.decide('counter')}>${this.t('queue.counter')}</button>
        <button class="destructive" type="button" ?disabled=${this.busy} @click=${() => this.decide('decline')}>
          ${this.t('queue.decline')}
        </button>
      </div>
      <p class="muted" style="font-size:var(--_bec-font-size-1)">
        ${this.t('queue.keys')} <kbd>↑</kbd>/<kbd>↓</kbd> (<kbd>j</kbd>/<kbd>k</kbd>) ${this.t('queue.keyMove')},
        <kbd>a</kbd> ${this.t('queue.keyApprove')}, <kbd>c</kbd> ${this.t('queue.keyCounter')}, <kbd>d</kbd> ${this.t('queue.keyDecline')}
      </p>
      ${this.confirming === r.id ? this.renderConfirm(r) : nothing}
    </section>`;
  }

  override render() {
    const r = this.current;
    const shown = this.visible;
    return html`<div class="card" part="base">
      <div class="card-header">
        <h2>${msg(this.locale, 'queue.title')}</h2>
        <span class="badge" data-tone="info">${msg(this.locale, 'queue.pending', { count: formatNumber(shown.length, this.locale) })}</span>
      </div>
      <div class="sr-only" role="status">${this.message}</div>
      ${this.renderWaiting()} ${this.message ? html`<div class="alert" data-tone="success">${this.message}</div>` : nothing}
      ${renderViewState(this.view, {
        empty: shown.length === 0,
        emptyText: msg(this.locale, 'queue.empty'),
        locale: this.locale,
        hasContent: shown.length > 0,
        waiting: this.waitingForCredentials,
      })}
      ${
        !showsContent(this.view, shown.length === 0)
          ? nothing
          : html`<div class="layout">
              <ul
                role="listbox"
                part="list"
                tabindex="0"
                aria-label=${msg(this.locale, 'queue.listLabel')}
                aria-activedescendant=${r ? `req-${r.id}` : nothing}
                @keydown=${this.onListKey}
              >
                ${shown.map(
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
                        ${msgCount(this.locale, 'queue.lineCount', q.lines.length)} ·
                        ${formatDate(q.createdAt, this.locale)}${this.flagBadges(q.lines)}
                      </div>
                      ${q.routing?.currentLevel ? html`<div class="item-sub">${this.renderRouting(q)}</div>` : nothing}
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
