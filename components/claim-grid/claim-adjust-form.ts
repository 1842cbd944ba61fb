import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { moneyToString, parseMoney } from '../../core/money.js';
import { formatAmountForEditing, parseAmount } from '../shared/format.js';
import { msg } from '../shared/i18n.js';
import { controls, themeTokens } from '../shared/theme.js';
import { adjustFormStyles } from './claim-adjust-form.styles.js';

/** What the adjust form asks its grid to save. */
export interface AdjustRequest {
  approvedAmount: string;
  reason: string;
}

/**
 * Finance's form to set the amount approved for one claim line, with a reason. It checks the
 * amount and reason and fires `adjust` (not composed: the claim grid saves it and reports the
 * outcome through `error`).
 *
 * @summary The adjust form of a claim line (part of bec-claim-grid).
 * @fires {CustomEvent<{ approvedAmount: string; reason: string }>} adjust - `{ approvedAmount, reason }`, the amount as a 4-decimal string.
 * @csspart form - The form.
 */
@customElement('bec-claim-adjust-form')
export class BecClaimAdjustForm extends LitElement {
  static override styles = [themeTokens, controls, adjustFormStyles];

  /** The amount approved now (a decimal string), the form's starting value (shown the locale's way). */
  @property({ attribute: 'approved-amount' }) approvedAmount = '';
  /** ISO 4217 code shown beside the amount. */
  @property() currency = 'USD';
  /** The line's number, for the form's label. */
  @property({ type: Number, attribute: 'line-number' }) lineNumber = 0;
  /** A save is under way. */
  @property({ type: Boolean }) busy = false;
  /** The server's refusal of the last save. */
  @property() error = '';
  /** BCP 47 locale of the labels and messages (the detail panel's). */
  @property() locale = '';

  @state() private errors: Record<string, string> = {};

  /** Clears the reason after a save. */
  reset() {
    this.renderRoot.querySelector('form')?.reset();
    this.errors = {};
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    // Typed the locale's way ("100,00" in fr): the one amount reader of every form.
    const amount = parseAmount(String(data.get('approvedAmount') ?? ''), this.locale);
    const reason = String(data.get('reason') ?? '').trim();
    const errors: Record<string, string> = {};
    if (amount === null)
      errors.approvedAmount = msg(this.locale, 'detail.amountExample', { example: formatAmountForEditing('120.50', this.locale) });
    else if (parseMoney(amount).isNegative()) errors.approvedAmount = msg(this.locale, 'adjust.negative');
    if (reason.length < 3) errors.reason = msg(this.locale, 'adjust.reasonRequired');
    this.errors = errors;
    if (Object.keys(errors).length) return;
    this.dispatchEvent(
      new CustomEvent<AdjustRequest>('adjust', { detail: { approvedAmount: moneyToString(parseMoney(amount!)), reason } }),
    );
  }

  override render() {
    return html`<form
      part="form"
      @submit=${this.submit}
      novalidate
      aria-label=${msg(this.locale, 'adjust.label', { number: this.lineNumber })}
    >
      <h3>${msg(this.locale, 'adjust.title')}</h3>
      <div class="field" ?data-invalid=${!!this.errors.approvedAmount}>
        <label for="adj-amount">${msg(this.locale, 'adjust.amount', { currency: this.currency })}</label>
        <input
          id="adj-amount"
          name="approvedAmount"
          inputmode="decimal"
          .value=${formatAmountForEditing(this.approvedAmount, this.locale)}
          aria-invalid=${this.errors.approvedAmount ? 'true' : 'false'}
          aria-describedby="adj-amount-err"
        />
        <div class="field-error" id="adj-amount-err">${this.errors.approvedAmount ?? ''}</div>
      </div>
      <div class="field" ?data-invalid=${!!this.errors.reason}>
        <label for="adj-reason">${msg(this.locale, 'adjust.reason')}</label>
        <input
          id="adj-reason"
          name="reason"
          required
          aria-invalid=${this.errors.reason ? 'true' : 'false'}
          aria-describedby="adj-reason-err"
        />
        <div class="field-error" id="adj-reason-err">${this.errors.reason ?? ''}</div>
      </div>
      ${this.error ? html`<div class="alert" role="alert">${this.error}</div>` : nothing}
      <div class="actions">
        <button class="brand" type="submit" ?disabled=${this.busy}>${msg(this.locale, 'adjust.save')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-claim-adjust-form': BecClaimAdjustForm;
  }
}
