import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { parseMoney } from '../../core/money.js';
import type { Account, Claim, SessionUser } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { reviewOf, whyNotAct } from '../shared/claim-actions.js';
import { formatDate, formatMoney, formatNumber } from '../shared/format.js';
import { msg, msgCount, type MessageKey } from '../shared/i18n.js';
import { renderViewState, showsContent, stateStyles, ViewStateController } from '../shared/states.js';
import { controls, themeTokens } from '../shared/theme.js';
import styles from './finance-queue.styles.js';

/** Claims read a page at a time, per list. */
const PAGE = 200;
/** The lists the queue reads: submitted claims (to review or to authorize) and authorized ones (to pay). */
type QueueList = 'submitted' | 'authorized';

type Lists = Record<QueueList, { total: number | null; nextCursor: string | null }>;

/** The lists' counts after a claim went from one status to another (paid: out of both). */
function moved(lists: Lists, from: string, to: string): Lists {
  const next = { ...lists };
  for (const [status, by] of [
    [from, -1],
    [to, 1],
  ] as const)
    if (status === 'submitted' || status === 'authorized') {
      const l = next[status];
      next[status] = { ...l, total: l.total === null ? null : l.total + by };
    }
  return next;
}

/** The parts of a work queue: claims to review, to authorize, to pay. */
export type FinanceSection = 'review' | 'authorize' | 'pay';

export { reviewOf };

/**
 * Which part of the queue a claim is in: a submitted claim with lines to check (or nothing
 * approved) is to review, any other submitted claim to authorize, an authorized claim to pay.
 */
export function sectionOf(claim: Claim): FinanceSection | null {
  if (claim.status === 'authorized') return 'pay';
  if (claim.status !== 'submitted') return null;
  return reviewOf(claim).linesToCheck > 0 || !parseMoney(claim.approvedTotal).greaterThan(0) ? 'review' : 'authorize';
}

/**
 * Finance's work queue: claims to review, to authorize and to pay, each with its action. Where
 * the signed-in person may not act the action is disabled and the reason is shown beside it (a
 * line this person adjusted, nothing approved yet, a role without the right); the server refuses
 * the same (the rule is `authorizeBlock` in core/permissions.ts).
 *
 * @summary Claims waiting for finance, with authorize and pay, disabled and explained where the person may not act.
 *
 * @fires {CustomEvent<BecEventDetails['becclaimselect']>} becclaimselect - A claim was opened from the queue: `{ claim }`.
 * @fires {CustomEvent<BecEventDetails['becclaimaction']>} becclaimaction - A claim was authorized or paid: `{ claimId, action, claim }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart loading - Shown while the claims load.
 * @csspart empty - Shown when no claim waits for finance.
 * @csspart error - The failure, its detail and a Retry button.
 * @csspart offline - Shown when the browser is offline, with a Retry button.
 * @csspart retry - The Retry button.
 * @csspart section - One part of the queue (to review, to authorize, to pay).
 * @csspart item - One claim.
 * @csspart reason - Why an action is disabled.
 * @csspart more - How many claims are shown of how many (loaded from the API), with Load more.
 * @csspart load-more - Reads the next page of claims.
 *
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-finance-queue')
export class BecFinanceQueue extends BecElement {
  static override styles = [themeTokens, controls, stateStyles, styles];

  /**
   * Submitted and authorized claims (loaded from the API when `api-base` is set, with their
   * `review` figures); their `review` (or, when set by hand, their `lines`) decides the section.
   */
  @property({ attribute: false }) claims: Claim[] = [];
  /** Distributors, for names. */
  @property({ attribute: false }) accounts: Account[] = [];
  /** The signed-in person (from the session when `api-base` is set): what it may do is decided by it. */
  @property({ attribute: false }) user: Pick<SessionUser, 'userId' | 'role'> | null = null;

  /**
   * Where each list the queue reads stands (loaded from the API): how many claims it has, and the
   * cursor of its next page (null: all loaded). The queue reads a page of each at a time and says
   * how many it shows of how many; Load more reads the next.
   */
  @state() private lists: Lists | null = null;
  @state() private loadingMore = false;
  @state() private busyId: number | null = null;
  @state() private message = '';
  @state() private errors: Record<number, string> = {};
  private readonly view = new ViewStateController(this, (err) => this.failed(err));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api) void this.load();
  }

  /** Loads the first page of claims in review (with their review figures: who adjusted what decides who may authorize) and of authorized ones. */
  override load(): Promise<void> {
    const api = this.api;
    if (!api) return Promise.resolve();
    return this.view.track(async () => {
      const [me, submitted, authorized, accounts] = await Promise.all([
        api.me(),
        api.claims({ status: 'submitted', pageSize: PAGE, review: 'true' }),
        api.claims({ status: 'authorized', pageSize: PAGE }),
        api.accounts('distributor'),
      ]);
      this.user = me;
      this.accounts = accounts;
      this.claims = [...submitted.items, ...authorized.items];
      this.lists = {
        submitted: { total: submitted.total ?? null, nextCursor: submitted.nextCursor ?? null },
        authorized: { total: authorized.total ?? null, nextCursor: authorized.nextCursor ?? null },
      };
    });
  }

  /** Reads the next page of each list that has more, after the ones shown. */
  async loadMore(): Promise<void> {
    const api = this.api;
    const lists = this.lists;
    if (!api || !lists || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const next = async (status: QueueList) => {
        const cursor = lists[status].nextCursor;
        if (!cursor) return { items: [] as Claim[], nextCursor: null };
        const page = await api.claims({ status, pageSize: PAGE, cursor, ...(status === 'submitted' ? { review: 'true' as const } : {}) });
        return { items: page.items, nextCursor: page.nextCursor ?? null };
      };
      const pages = await Promise.all([next('submitted'), next('authorized')]);
      const known = new Set(this.claims.map((c) => c.id));
      this.claims = [...this.claims, ...pages.flatMap((p) => p.items.filter((c) => !known.has(c.id)))];
      this.lists = {
        submitted: { ...lists.submitted, nextCursor: pages[0].nextCursor },
        authorized: { ...lists.authorized, nextCursor: pages[1].nextCursor },
      };
    } catch (err) {
      this.message = this.failed(err);
    } finally {
      this.loadingMore = false;
    }
  }

  private t(key: MessageKey, params?: Record<string, string | number>) {
    return msg(this.locale, key, params);
  }

  /** Why this person may not take the action on the claim, or null when it may. */
  whyNot(claim: Claim, action: 'authorize' | 'pay'): string | null {
    return whyNotAct(this.locale, this.user, claim, action);
  }

  /** The claims of each part of the queue, in the order shown. */
  private sections(): Record<FinanceSection, Claim[]> {
    const sections: Record<FinanceSection, Claim[]> = { review: [], authorize: [], pay: [] };
    for (const c of this.claims) {
      const s = sectionOf(c);
      if (s) sections[s].push(c);
    }
    return sections;
  }

  /**
   * Authorizes or pays a claim through the API. The claim moves to its new part of the queue (or
   * out of it), so focus, which was on its button, goes to the next claim of the part it left and
   * the move is announced.
   */
  async act(claim: Claim, action: 'authorize' | 'pay'): Promise<void> {
    if (this.busyId !== null || this.whyNot(claim, action)) return;
    const from = sectionOf(claim);
    const before = from ? this.sections()[from].map((c) => c.id) : [];
    const at = before.indexOf(claim.id);
    // The claims after it first, then those before it, nearest first.
    const neighbours = [...before.slice(at + 1), ...before.slice(0, Math.max(at, 0)).reverse()];
    this.busyId = claim.id;
    this.errors = { ...this.errors, [claim.id]: '' };
    try {
      let updated: Claim | null = null;
      if (this.api) updated = action === 'authorize' ? await this.api.authorizeClaim(claim.id) : await this.api.payClaim(claim.id);
      const to = updated ? sectionOf(updated) : from;
      this.message =
        action === 'authorize' && to === 'pay'
          ? this.t('finance.movedToPay', { number: claim.number })
          : this.t(action === 'authorize' ? 'finance.authorized' : 'finance.paid', { number: claim.number });
      this.emit('becclaimaction', { claimId: claim.id, action, claim: updated });
      // The claim moves in place and the lists' counts with it: reloading the queue dropped the
      // pages read by Load more and, until it answered, showed counts that did not add up.
      if (updated) {
        this.claims = this.claims.map((c) => (c.id === claim.id ? { ...updated, review: reviewOf(c) } : c));
        if (this.lists) this.lists = moved(this.lists, claim.status, updated.status);
        if (to !== from) {
          this.busyId = null;
          await this.updateComplete;
          this.focusAfterMove(claim.id, from, neighbours);
        }
      }
    } catch (err) {
      this.errors = { ...this.errors, [claim.id]: this.failed(err) };
    } finally {
      this.busyId = null;
    }
  }

  /**
   * Where focus goes when a claim left its part of the queue: the next claim still there (its
   * action when this person may take it, else its number), else the moved claim where it went
   * (its number: its next action, Pay, is one deliberate step away), else the part's heading.
   */
  private focusAfterMove(claimId: number, from: FinanceSection | null, neighbours: number[]) {
    const root = this.renderRoot;
    const inFrom = (id: number) => (from ? root.querySelector<HTMLElement>(`[data-section="${from}"] #claim-${id}`) : null);
    const item = neighbours.map(inFrom).find((x) => x) ?? null;
    const target =
      item?.querySelector<HTMLButtonElement>('button[data-action]:not([disabled])') ??
      item?.querySelector<HTMLButtonElement>('button.open') ??
      root.querySelector<HTMLButtonElement>(`#claim-${claimId} button.open`) ??
      (from ? root.querySelector<HTMLElement>(`#h-${from}`) : null);
    target?.focus();
  }

  private renderAction(claim: Claim, action: 'authorize' | 'pay') {
    const why = this.whyNot(claim, action);
    return html`<button
        class=${action === 'authorize' ? 'brand' : ''}
        type="button"
        data-action=${action}
        ?disabled=${!!why || this.busyId === claim.id}
        aria-describedby=${why ? `why-${claim.id}` : nothing}
        @click=${() => this.act(claim, action)}
      >
        ${this.t(action === 'authorize' ? 'finance.authorizeAction' : 'finance.payAction')}
      </button>
      ${why ? html`<span class="why" part="reason" id="why-${claim.id}">${why}</span>` : nothing}`;
  }

  private renderClaim(claim: Claim, section: FinanceSection) {
    // Lines to check are a review's figure: once authorized (to pay) nothing is left to check.
    const flagged = section === 'pay' ? 0 : reviewOf(claim).linesToCheck;
    const distributor = this.accounts.find((a) => a.id === claim.distributorId)?.name ?? `#${claim.distributorId}`;
    return html`<li class="claim" part="item" id="claim-${claim.id}">
      <div>
        <button type="button" class="open" @click=${() => this.emit('becclaimselect', { claim })}>${claim.number}</button>
        ${flagged ? html`<div class="muted">${msgCount(this.locale, 'finance.needsReview', flagged)}</div>` : nothing}
      </div>
      <div><span class="label">${this.t('finance.distributor')}</span>${distributor}</div>
      <div class="num">
        <span class="label">${this.t('finance.claimed')}</span>${formatMoney(claim.claimedTotal, claim.currency, this.locale)}
      </div>
      <div class="num">
        <span class="label">${this.t('finance.approved')}</span>${formatMoney(claim.approvedTotal, claim.currency, this.locale)}
      </div>
      <div class="actions">
        ${section === 'pay' ? this.renderAction(claim, 'pay') : this.renderAction(claim, 'authorize')}
        <span class="label" style="flex-basis:100%">${this.t('finance.submitted')} ${formatDate(claim.submittedAt, this.locale)}</span>
      </div>
      ${this.errors[claim.id] ? html`<div class="alert row-error" role="alert">${this.errors[claim.id]}</div>` : nothing}
    </li>`;
  }

  override render() {
    const sections = this.sections();
    const total = sections.review.length + sections.authorize.length + sections.pay.length;
    const empty: Record<FinanceSection, MessageKey> = {
      review: 'finance.emptyReview',
      authorize: 'finance.emptyAuthorize',
      pay: 'finance.emptyPay',
    };
    return html`<div class="card" part="base">
      <div class="card-header"><h2>${this.t('finance.title')}</h2></div>
      ${this.renderWaiting()}
      <div class="sr-only" role="status">${this.message}</div>
      ${this.message ? html`<div class="alert" data-tone="success">${this.message}</div>` : nothing}
      ${renderViewState(this.view, {
        empty: total === 0,
        emptyText: `${this.t('finance.emptyReview')} ${this.t('finance.emptyAuthorize')} ${this.t('finance.emptyPay')}`,
        locale: this.locale,
        hasContent: total > 0,
        waiting: this.waitingForCredentials,
      })}
      ${
        showsContent(this.view, total === 0)
          ? (['review', 'authorize', 'pay'] as const).map(
              (s) =>
                html`<section part="section" aria-labelledby="h-${s}" data-section=${s}>
                  <h3 id="h-${s}" tabindex="-1">
                    ${this.t(`finance.${s}`)} <span class="badge" data-tone="info">${formatNumber(sections[s].length, this.locale)}</span>
                  </h3>
                  ${
                    sections[s].length
                      ? html`<ul>
                          ${sections[s].map((c) => this.renderClaim(c, s))}
                        </ul>`
                      : html`<p class="section-empty">${this.t(empty[s])}</p>`
                  }
                </section>`,
            )
          : nothing
      }
      ${showsContent(this.view, total === 0) ? this.renderMore() : nothing}
    </div>`;
  }

  /** How many claims the queue shows of how many there are, and Load more while some are not read yet. */
  private renderMore() {
    const lists = this.lists;
    if (!lists) return nothing;
    const shown = (status: QueueList) => this.claims.filter((c) => c.status === status).length;
    const more = !!(lists.submitted.nextCursor || lists.authorized.nextCursor);
    const n = (v: number) => formatNumber(v, this.locale);
    return html`<div class="more" part="more">
      <span
        >${this.t('finance.shown', {
          submitted: n(shown('submitted')),
          submittedTotal: n(lists.submitted.total ?? shown('submitted')),
          authorized: n(shown('authorized')),
          authorizedTotal: n(lists.authorized.total ?? shown('authorized')),
        })}</span
      >
      ${
        more
          ? html`<button type="button" part="load-more" ?disabled=${this.loadingMore} @click=${() => this.loadMore()}>
              ${this.t('finance.loadMore')}
            </button>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-finance-queue': BecFinanceQueue;
  }
}
