import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Claim, SessionUser } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { reviewOf, whyNotAct, type ClaimAction } from '../shared/claim-actions.js';
import { codeLabel, msg, msgCount } from '../shared/i18n.js';
// Its words (claimBar.*) are the administration's: it ships in bec-admin.js.
import '../shared/i18n-admin.js';
import { controls, themeTokens } from '../shared/theme.js';
import styles from './claim-actions.styles.js';

/**
 * The claim view's action bar: the claim's number, status and line count, with **Authorize for
 * payment** (a submitted claim) and **Mark paid** (an authorized one). Where the signed-in person
 * may not act the button is disabled and the reason shown beside it, as the finance queue does, by
 * the same rule (`authorizeBlock` and `can` in core/permissions.ts, which the server enforces):
 * whoever adjusted a line of the claim may not authorize it. The figures are the claim's review
 * (`review`, as `GET /api/claims?review=true` gives it), else those of all its lines (`GET
 * /api/claims/{id}` gives them all).
 *
 * @summary Authorize or pay the claim in view, disabled and explained where the person may not.
 *
 * @fires {CustomEvent<BecEventDetails['becclaimaction']>} becclaimaction - The claim was authorized or paid: `{ claimId, action, claim }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The bar.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart summary - The claim's number, status and line count.
 * @csspart reason - Why an action is disabled.
 * @csspart error - The server's refusal of the last action.
 */
@customElement('bec-claim-actions')
export class BecClaimActions extends BecElement {
  static override styles = [themeTokens, controls, styles];

  /** The claim in view, with its `review` or all of its `lines` (loaded from the API with `api-base` and `claim-id`). */
  @property({ attribute: false }) claim: Claim | null = null;
  /** The claim to load (with `api-base`). */
  @property({ type: Number, attribute: 'claim-id' }) claimId: number | null = null;
  /** The signed-in person (from the session when `api-base` is set): what it may do is decided by it. */
  @property({ attribute: false }) user: Pick<SessionUser, 'userId' | 'role'> | null = null;

  @state() private busy = false;
  @state() private error = '';
  @state() private message = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('apiBase') || changed.has('claimId')) && this.api && this.claimId) void this.load();
  }

  /** Reads the signed-in person and the claim with all of its lines (the review figures are theirs). */
  override async load(): Promise<void> {
    const api = this.api;
    const id = this.claimId;
    if (!api || !id) return;
    try {
      const [me, claim] = await Promise.all([api.me(), api.claim(id)]);
      if (id !== this.claimId) return;
      this.user = me;
      this.claim = claim;
      this.error = '';
    } catch (err) {
      this.error = this.failed(err);
    }
  }

  /** Authorizes or pays the claim through the API. */
  async act(action: ClaimAction): Promise<void> {
    const claim = this.claim;
    if (!claim || this.busy || whyNotAct(this.locale, this.user, claim, action)) return;
    this.busy = true;
    this.error = '';
    try {
      const updated = this.api ? await (action === 'authorize' ? this.api.authorizeClaim(claim.id) : this.api.payClaim(claim.id)) : null;
      // Keep the figures: the answer to an action carries neither the lines nor the review.
      if (updated) this.claim = { ...updated, review: reviewOf(claim), lines: updated.lines ?? claim.lines };
      this.message = msg(this.locale, action === 'authorize' ? 'finance.authorized' : 'finance.paid', { number: claim.number });
      this.emit('becclaimaction', { claimId: claim.id, action, claim: updated });
    } catch (err) {
      this.error = this.failed(err);
    } finally {
      this.busy = false;
    }
  }

  private renderAction(claim: Claim, action: ClaimAction) {
    const why = whyNotAct(this.locale, this.user, claim, action);
    const offered = claim.status === (action === 'authorize' ? 'submitted' : 'authorized');
    return html`<button
        type="button"
        class=${action === 'authorize' ? 'brand' : ''}
        data-action=${action}
        ?disabled=${!offered || !!why || this.busy}
        aria-describedby=${offered && why ? `why-${action}` : nothing}
        @click=${() => this.act(action)}
      >
        ${msg(this.locale, action === 'authorize' ? 'claimBar.authorize' : 'claimBar.pay')}
      </button>
      ${offered && why ? html`<span class="why" part="reason" id="why-${action}">${why}</span>` : nothing}`;
  }

  override render() {
    const claim = this.claim;
    if (!claim) return this.renderWaiting();
    return html`${this.renderWaiting()}
      <div class="bar" part="base" role="group" aria-label=${msg(this.locale, 'claimBar.label', { number: claim.number })}>
        <span class="summary status" part="summary"
          >${claim.number} · ${codeLabel(this.locale, 'claimStatus', claim.status)} ·
          ${msgCount(this.locale, 'claimBar.lines', claim.lineCount ?? claim.lines?.length ?? 0)}</span
        >
        ${this.renderAction(claim, 'authorize')} ${this.renderAction(claim, 'pay')}
        <span class="sr-only" role="status">${this.message}</span>
        ${this.error ? html`<div class="alert" part="error" role="alert">${this.error}</div>` : nothing}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-claim-actions': BecClaimActions;
  }
}
