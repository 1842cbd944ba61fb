import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { catalogFor, explainLine } from '../../core/messages/index.js';
import { isDisputable } from '../../core/claims/disputable.js';
import type { ClaimLine, ClaimLineDetail, ClaimNote, DisputeThread } from '../shared/api.js';
import { codeLabel, msg, uiLocale } from '../shared/i18n.js';
import { formatAmountForEditing, formatDate, formatMoney, parseAmount } from '../shared/format.js';
import { controls, themeTokens, toneOf } from '../shared/theme.js';
import './claim-adjust-form.js';
import type { AdjustRequest } from './claim-adjust-form.js';
import { definitionListStyles } from '../shared/table.styles.js';
import { lineDetailStyles } from './claim-line-detail.styles.js';

export type DetailLine = ClaimLine & ClaimLineDetail;

/** What the detail panel asks its grid to do (the grid calls the API). */
export type DetailAction =
  | { action: 'close' }
  | ({ action: 'adjust' } & AdjustRequest)
  | { action: 'note'; body: string }
  | { action: 'dispute'; comment: string; claimedAmount: string | null }
  | { action: 'comment'; body: string }
  | { action: 'decide'; decision: 'accept' | 'reject'; comment: string; approvedAmount: string | null };

/**
 * One claim line explained in words (core/messages, in the element's locale), with finance's
 * adjustment reason, the dispute thread and its forms, the claim's notes, and, for vendor users
 * only, the internal fields behind "Details".
 *
 * @summary The detail panel of a claim line (part of bec-claim-grid).
 * @fires {CustomEvent<DetailAction>} detail-action - `DetailAction`: close, note, dispute, comment or decide (the grid calls the API).
 * @csspart base - The panel.
 * @csspart explanation - The sentences explaining the verdict.
 * @csspart thread - The dispute thread.
 */
@customElement('bec-claim-line-detail')
export class BecClaimLineDetail extends LitElement {
  static override styles = [themeTokens, controls, definitionListStyles, lineDetailStyles];

  @property({ attribute: false }) line: DetailLine | null = null;
  @property() currency = 'USD';
  @property() locale = '';
  /** Who reads: a distributor sees sentences and may dispute; a vendor user also sees "Details" and decides disputes. */
  @property() audience: 'distributor' | 'vendor' = 'distributor';
  /** Show the adjust form and the dispute decision (finance and vendor admins). */
  @property({ type: Boolean, attribute: 'can-adjust' }) canAdjust = false;
  @property({ attribute: false }) thread: DisputeThread | null = null;
  @property({ attribute: false }) notes: ClaimNote[] = [];
  @property({ type: Boolean }) busy = false;
  /** The server's refusal of the last action taken here. */
  @property() error = '';
  /** The server's refusal of the last adjustment. */
  @property({ attribute: 'adjust-error' }) adjustError = '';

  @query('h3') private heading?: HTMLElement;
  /** Field errors of the dispute and decision forms, by input id. */
  @state() private fieldErrors: Record<string, string> = {};

  /** Moves focus to the panel's heading (the grid calls it when it opens a line). */
  override focus() {
    this.heading?.focus();
  }

  /** "Enter an amount such as 120.50", the example written the locale's way. */
  private amountExample(): string {
    return msg(this.locale, 'detail.amountExample', { example: formatAmountForEditing('120.50', this.locale) });
  }

  private invalid(id: string): 'true' | 'false' {
    return this.fieldErrors[id] ? 'true' : 'false';
  }

  private act(detail: DetailAction) {
    this.dispatchEvent(new CustomEvent<DetailAction>('detail-action', { detail }));
  }

  private submitText(e: SubmitEvent, build: (data: FormData) => DetailAction | null) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const action = build(new FormData(form));
    if (action) {
      this.act(action);
      form.reset();
    }
  }

  private onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') this.act({ action: 'close' });
  }

  private renderThread(c: ReturnType<typeof catalogFor>) {
    const t = this.thread;
    if (!t) return nothing;
    return html`<section part="thread" aria-label=${c.ui.thread}>
      <h4>
        ${c.ui.thread}:
        <span class="badge" data-tone=${toneOf(t.state === 'open' ? 'pending' : t.state)}
          >${codeLabel(this.locale, 'disputeState', t.state)}</span
        >
      </h4>
      <ul class="thread">
        ${t.entries.map(
          (e) =>
            html`<li data-kind=${e.kind}>
              <span class="muted"
                >${formatDate(e.createdAt, this.locale)}${e.authorName ? ` · ${e.authorName}` : ''} ·
                ${codeLabel(this.locale, 'disputeEntry', e.kind)}</span
              >
              ${e.body}
            </li>`,
        )}
      </ul>
      ${
        t.state === 'open'
          ? html`<form
              class="actions"
              aria-label=${msg(this.locale, 'detail.commentOnDispute')}
              @submit=${(e: SubmitEvent) =>
                this.submitText(e, (d) => {
                  const body = String(d.get('body') ?? '').trim();
                  return body ? { action: 'comment', body } : null;
                })}
            >
              <label class="sr-only" for="thread-comment">${msg(this.locale, 'detail.comment')}</label>
              <input id="thread-comment" name="body" placeholder=${msg(this.locale, 'detail.addComment')} style="flex:1" />
              <button type="submit" ?disabled=${this.busy}>${msg(this.locale, 'detail.comment')}</button>
            </form>`
          : nothing
      }
      ${t.state === 'open' && this.canAdjust ? this.renderDecision(c) : nothing}
    </section>`;
  }

  private decide(decision: 'accept' | 'reject') {
    const form = this.renderRoot.querySelector<HTMLFormElement>('form.decision')!;
    const data = new FormData(form);
    const comment = String(data.get('comment') ?? '').trim();
    const amountText = String(data.get('approvedAmount') ?? '').trim();
    const amount = amountText ? parseAmount(amountText, this.locale) : null;
    const errors: Record<string, string> = {};
    if (comment.length < 3) errors['decision-comment'] = msg(this.locale, 'detail.decisionReason');
    // An amount that does not read is said, not dropped: the dispute would be accepted at another amount.
    if (amountText && amount === null) errors['decision-amount'] = this.amountExample();
    this.fieldErrors = errors;
    if (Object.keys(errors).length) return;
    this.act({ action: 'decide', decision, comment, approvedAmount: amount });
  }

  private renderDecision(c: ReturnType<typeof catalogFor>) {
    return html`<form class="decision" aria-label=${msg(this.locale, 'detail.decide')} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="decision-comment">${c.ui.decisionComment}</label>
        <input
          id="decision-comment"
          name="comment"
          required
          aria-invalid=${this.invalid('decision-comment')}
          aria-describedby="decision-comment-err"
        />
        <div class="field-error" id="decision-comment-err">${this.fieldErrors['decision-comment'] ?? ''}</div>
      </div>
      <div class="field">
        <label for="decision-amount">${msg(this.locale, 'detail.decisionAmount', { currency: this.currency })}</label>
        <input
          id="decision-amount"
          name="approvedAmount"
          inputmode="decimal"
          aria-invalid=${this.invalid('decision-amount')}
          aria-describedby="decision-amount-err"
        />
        <div class="field-error" id="decision-amount-err">${this.fieldErrors['decision-amount'] ?? ''}</div>
      </div>
      <div class="actions">
        <button class="brand" type="button" ?disabled=${this.busy} @click=${() => this.decide('accept')}>${c.ui.accept}</button>
        <button class="destructive" type="button" ?disabled=${this.busy} @click=${() => this.decide('reject')}>${c.ui.reject}</button>
      </div>
    </form>`;
  }

  private renderDisputeForm(c: ReturnType<typeof catalogFor>, l: DetailLine) {
    if (this.audience !== 'distributor' || !isDisputable(l) || this.thread?.state === 'open') return nothing;
    return html`<section>
      <form
        class="dispute"
        aria-label=${c.ui.dispute}
        novalidate
        @submit=${(e: SubmitEvent) =>
          this.submitText(e, (d) => {
            const comment = String(d.get('comment') ?? '').trim();
            const amountText = String(d.get('claimedAmount') ?? '').trim();
            const amount = amountText ? parseAmount(amountText, this.locale) : null;
            const errors: Record<string, string> = {};
            if (comment.length < 3) errors['dispute-comment'] = msg(this.locale, 'detail.disputeReason');
            if (amountText && amount === null) errors['dispute-amount'] = this.amountExample();
            this.fieldErrors = errors;
            if (Object.keys(errors).length) return null;
            return { action: 'dispute', comment, claimedAmount: amount };
          })}
      >
        <h4>${c.ui.dispute}</h4>
        <div class="field">
          <label for="dispute-comment">${c.ui.disputeComment}</label>
          <textarea
            id="dispute-comment"
            name="comment"
            required
            aria-invalid=${this.invalid('dispute-comment')}
            aria-describedby="dispute-comment-err"
          ></textarea>
          <div class="field-error" id="dispute-comment-err">${this.fieldErrors['dispute-comment'] ?? ''}</div>
        </div>
        <div class="field">
          <label for="dispute-amount">${msg(this.locale, 'detail.correctedAmount', { currency: this.currency })}</label>
          <input
            id="dispute-amount"
            name="claimedAmount"
            inputmode="decimal"
            .value=${formatAmountForEditing(l.claimedAmount, this.locale)}
            aria-invalid=${this.invalid('dispute-amount')}
            aria-describedby="dispute-amount-err"
          />
          <div class="field-error" id="dispute-amount-err">${this.fieldErrors['dispute-amount'] ?? ''}</div>
        </div>
        <button class="brand" type="submit" ?disabled=${this.busy}>${c.ui.resubmit}</button>
      </form>
    </section>`;
  }

  override render() {
    const l = this.line;
    if (!l) return nothing;
    // The browser's language when no locale is set, as msg() does: the sentences and the labels agree.
    const locale = uiLocale(this.locale);
    const c = catalogFor(locale);
    const sentences = explainLine(l, { locale, currency: this.currency });
    const inputs = Object.entries(l.verdictInputs ?? {}).filter(([, v]) => v !== null && v !== undefined);
    return html`<div class="detail" part="base" @keydown=${this.onKeyDown}>
      <div>
        <h3 tabindex="-1">
          ${msg(this.locale, 'detail.line', { number: l.lineNumber })}
          <span class="badge" data-tone=${toneOf(l.verdict)}>${codeLabel(this.locale, 'verdict', l.verdict)}</span>
        </h3>
        <ul class="why" part="explanation" aria-label=${c.ui.why}>
          ${sentences.map((s) => html`<li>${s}</li>`)}
        </ul>
        <dl>
          <dt>${msg(this.locale, 'detail.claimed')}</dt>
          <dd>${formatMoney(l.claimedAmount, this.currency, this.locale)}</dd>
          <dt>${msg(this.locale, 'detail.approved')}</dt>
          <dd>${formatMoney(l.approvedAmount, this.currency, this.locale)}</dd>
          ${
            l.adjustmentReason
              ? html`<dt>${c.ui.adjustmentReason}</dt>
                  <dd class="adjustment-reason">${l.adjustmentReason}</dd>`
              : nothing
          }
        </dl>
        ${
          this.audience === 'vendor'
            ? html`<details class="internal">
                <summary>${c.ui.details}</summary>
                <dl>
                  <dt>${msg(this.locale, 'detail.rule')}</dt>
                  <dd>${l.rule ?? '—'}</dd>
                  <dt>${msg(this.locale, 'detail.reasonCodes')}</dt>
                  <dd>${l.reasonCodes.length ? l.reasonCodes.join(', ') : '—'}</dd>
                  <dt>${msg(this.locale, 'detail.computed')}</dt>
                  <dd>${formatMoney(l.computedAmount, this.currency, this.locale)}</dd>
                  ${inputs.map(
                    ([k, v]) =>
                      html`<dt>${k}</dt>
                        <dd>${typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>`,
                  )}
                </dl>
              </details>`
            : nothing
        }
      </div>
      <div>
        ${this.error ? html`<div class="alert" role="alert">${this.error}</div>` : nothing}
        ${
          this.canAdjust
            ? html`<bec-claim-adjust-form
                .approvedAmount=${l.approvedAmount}
                .currency=${this.currency}
                .locale=${this.locale}
                .lineNumber=${l.lineNumber}
                .busy=${this.busy}
                .error=${this.adjustError}
                @adjust=${(e: CustomEvent<AdjustRequest>) => this.act({ action: 'adjust', ...e.detail })}
              ></bec-claim-adjust-form>`
            : nothing
        }
        ${this.renderDisputeForm(c, l)} ${this.renderThread(c)}
        <section>
          <h4>${msg(this.locale, 'detail.notes')}</h4>
          <ul class="notes">
            ${
              this.notes.length
                ? this.notes.map(
                    (n) =>
                      html`<li>
                        <span class="muted">${formatDate(n.createdAt, this.locale)}</span>
                        ${n.body}
                      </li>`,
                  )
                : html`<li class="muted">${msg(this.locale, 'detail.noNotes')}</li>`
            }
          </ul>
          <form
            class="actions"
            aria-label=${msg(this.locale, 'detail.addNote')}
            @submit=${(e: SubmitEvent) =>
              this.submitText(e, (d) => {
                const body = String(d.get('note') ?? '').trim();
                return body ? { action: 'note', body } : null;
              })}
          >
            <label class="sr-only" for="note">${msg(this.locale, 'detail.note')}</label>
            <input id="note" name="note" placeholder=${msg(this.locale, 'detail.addNote')} style="flex:1" />
            <button type="submit">${msg(this.locale, 'detail.addNoteButton')}</button>
          </form>
        </section>
        <div class="actions">
          <button type="button" @click=${() => this.act({ action: 'close' })}>${msg(this.locale, 'detail.close')}</button>
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-claim-line-detail': BecClaimLineDetail;
  }
}
