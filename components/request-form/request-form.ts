import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { isMoneyText, moneyToString, parseMoney, sumMoney } from '../../core/money.js';
import { checkRequestEligibility, type EligibilityProblem } from '../../core/programs/eligibility.js';
import { ApiError, newIdempotencyKey, type Account, type Product, type Program, type RequestInput } from '../shared/api.js';
import { BecFormControl, type FormControlProblem } from '../shared/form-control.js';
import {
  formatDate,
  formatEditableDecimal,
  formatMoney,
  formatNumber,
  formatUnitPrice,
  parseAmount,
  parseLocaleDecimal,
} from '../shared/format.js';
import { codeLabel, msg, msgCount, type MessageKey } from '../shared/i18n.js';
import { renderViewState, stateStyles, ViewStateController } from '../shared/states.js';
import { tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens } from '../shared/theme.js';
import { requestFormStyles } from './request-form.styles.js';

interface DraftLine {
  key: number;
  productId: number | null;
  search: string;
  quantity: string;
  requestedCost: string;
}

/**
 * A special-price request: products, quantities, target prices, end customer and the linked
 * opportunity or deal registration. Checked against the program's eligibility in the browser
 * before it is sent; sent with an idempotency key; the server's field errors show in place.
 * Form-associated (ElementInternals), as a native control: inside a `<form>` its value (the
 * request as JSON) is in the form's FormData under `name`; `required` makes an empty request fail
 * the form's `checkValidity()`; `disabled` (or a disabled fieldset) disables it; form reset clears
 * it and the browser restores a draft (back/forward, autofill). Amounts and quantities are typed
 * in the `locale`'s way ("3,05" in de or fr) and sent as decimal strings.
 *
 * @summary Special-price request form with product search, eligibility check and in-place errors.
 *
 * @fires {CustomEvent<BecEventDetails['becrequestsubmit']>} becrequestsubmit - The request was created (or, without `api-base`, is valid and ready): `{ request, input, idempotencyKey }`.
 * @fires {CustomEvent<BecEventDetails['becinvalid']>} becinvalid - Eligibility or server validation failed: `{ errors: [{ field, message }] }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart loading - Shown while the programs, customers and products load.
 * @csspart empty - Shown when no program is open to requests.
 * @csspart error - A failed load, its detail and a Retry button.
 * @csspart offline - Shown when the browser is offline, with a Retry button.
 * @csspart retry - The Retry button.
 * @csspart form - The form element.
 * @csspart lines - The table of request lines.
 * @csspart summary - The request value and the submit button.
 * @csspart errors - The error summary.
 *
 * @cssproperty --bec-color-brand - Accent colour of the submit button.
 */
@customElement('bec-request-form')
export class BecRequestForm extends BecFormControl {
  static override styles = [themeTokens, controls, stateStyles, tableStyles, requestFormStyles];

  /** Programs the request may target (loaded when `api-base` is set). */
  @property({ attribute: false }) programs: Program[] = [];
  /** Products to pick from (searched on the server when `api-base` is set). */
  @property({ attribute: false }) products: Product[] = [];
  /** End customers. */
  @property({ attribute: false }) endCustomers: Account[] = [];
  /** Distributors: when given, a channel manager picks one to request on behalf of. */
  @property({ attribute: false }) distributors: Account[] = [];
  /** The requesting distributor (a distributor user's own account). */
  @property({ type: Number, attribute: 'distributor-id' }) distributorId: number | null = null;
  /** Preselected program. */
  @property({ type: Number, attribute: 'program-id' }) programId: number | null = null;
  /** Opportunity to link (e.g. the Salesforce record id of the page). */
  @property({ attribute: 'opportunity-ref' }) opportunityRef = '';
  @state() private lines: DraftLine[] = [{ key: 1, productId: null, search: '', quantity: '', requestedCost: '' }];
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private done = '';
  private nextKey = 2;
  private idempotencyKey = newIdempotencyKey();
  private searchTimer?: ReturnType<typeof setTimeout>;
  private readonly view = new ViewStateController(this, (err) => this.failed(err));

  constructor() {
    super();
    this.name = 'specialPriceRequest';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api) void this.load();
  }

  protected override formValue(): string {
    return JSON.stringify(this.value);
  }
  protected override formProblem(): FormControlProblem | null {
    const first = this.validate()[0];
    if (!first) return null;
    const anchor = this.renderRoot.querySelector<HTMLElement>(`[name="${first.field}"], [data-field="${first.field}"] input`) ?? undefined;
    return { message: first.message, anchor };
  }
  protected override requiredAnchor(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('#programId') ?? undefined;
  }
  protected override showFormProblems(): void {
    this.showProblems(this.isEmpty ? [{ field: 'programId', message: msg(this.locale, 'form.required') }] : this.validate());
  }

  /** Nothing typed yet: no program, end customer or dates chosen, every line blank. */
  get isEmpty(): boolean {
    const typed = ['programId', 'endCustomerId', 'validFrom', 'validTo', 'distributorId'].some((f) => this.field(f));
    return !typed && this.lines.every((l) => !l.search.trim() && !l.quantity.trim() && !l.requestedCost.trim());
  }

  /** The draft as typed, for the browser to give back on restore. */
  protected override formDraft(): string {
    const fields = Object.fromEntries(
      [...this.renderRoot.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[name]')].map((e) => [
        e.name,
        e.value,
      ]),
    );
    return JSON.stringify({ fields, lines: this.lines });
  }

  /** The fields and the lines as they were. */
  protected override async restoreDraft(state: string) {
    let draft: { fields?: Record<string, string>; lines?: DraftLine[] };
    try {
      draft = JSON.parse(state);
    } catch {
      return;
    }
    if (Array.isArray(draft.lines) && draft.lines.length) {
      this.lines = draft.lines.map((l) => ({ ...l, key: this.nextKey++ }));
    }
    await this.updateComplete;
    for (const [name, value] of Object.entries(draft.fields ?? {})) {
      const field = this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`);
      if (field) field.value = value;
    }
    this.requestUpdate();
  }

  /** Loads the programs, end customers and products to choose from (loading, error with Retry, offline shown above the form). */
  override load(): Promise<void> {
    const api = this.api;
    if (!api) return Promise.resolve();
    return this.view.track(async () => {
      const [programs, endCustomers, products] = await Promise.all([api.programs(), api.accounts('end_customer'), api.products()]);
      this.programs = programs.filter((p) => p.type !== 'rebate' && p.status === 'active');
      this.endCustomers = endCustomers;
      this.products = products;
      if (this.distributorId === null) {
        const me = await api.me();
        if (me.distributorId) this.distributorId = me.distributorId;
        else if (me.role === 'channel_manager' || me.role === 'vendor_admin') this.distributors = await api.accounts('distributor');
      }
    });
  }

  private t(key: MessageKey, params?: Record<string, string | number>) {
    return msg(this.locale, key, params);
  }

  private field(name: string): string {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)?.value.trim() ?? '';
  }

  /** The request as the API takes it, from what is typed now. */
  get value(): RequestInput {
    const distributorSel = this.field('distributorId');
    return {
      programId: Number(this.field('programId')) || 0,
      distributorId: distributorSel ? Number(distributorSel) : (this.distributorId ?? undefined),
      endCustomerId: Number(this.field('endCustomerId')) || 0,
      validFrom: this.field('validFrom'),
      validTo: this.field('validTo'),
      opportunityRef: this.field('opportunityRef') || null,
      dealRegistrationRef: this.field('dealRegistrationRef') || null,
      justification: this.field('justification') || null,
      lines: this.lines.map((l) => ({
        productId: l.productId ?? 0,
        quantity: Number(parseLocaleDecimal(l.quantity, this.locale) ?? NaN),
        requestedCost: parseAmount(l.requestedCost, this.locale) ?? l.requestedCost.trim(),
      })),
    };
  }

  /** Local checks: required fields, numbers, then the program's eligibility rules from core/. */
  validate(): EligibilityProblem[] {
    const v = this.value;
    const problems: EligibilityProblem[] = [];
    if (!v.programId) problems.push({ field: 'programId', message: this.t('form.chooseProgram') });
    if (this.distributors.length && !v.distributorId) problems.push({ field: 'distributorId', message: this.t('form.chooseDistributor') });
    if (!v.endCustomerId) problems.push({ field: 'endCustomerId', message: this.t('form.chooseEndCustomer') });
    if (!v.validFrom) problems.push({ field: 'validFrom', message: this.t('form.enterStart') });
    if (!v.validTo) problems.push({ field: 'validTo', message: this.t('form.enterEnd') });
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) problems.push({ field: 'validTo', message: this.t('form.endsBeforeStart') });
    v.lines.forEach((l, i) => {
      if (!l.productId) problems.push({ field: `lines.${i}.productId`, message: this.t('form.pickProduct') });
      if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0)
        problems.push({ field: `lines.${i}.quantity`, message: msg(this.locale, 'form.notQuantity') });
      // Text that is no amount in the locale ("3.05" in de) is refused, whatever it would mean elsewhere.
      if (parseAmount(this.lines[i]?.requestedCost ?? '', this.locale) === null)
        problems.push({
          field: `lines.${i}.requestedCost`,
          message: msg(this.locale, 'form.notAmount', { example: formatEditableDecimal('1.25', this.locale) }),
        });
    });
    const program = this.programs.find((p) => p.id === v.programId);
    if (program && !problems.length) {
      problems.push(...checkRequestEligibility(program, { ...v, distributorId: v.distributorId ?? 0 }));
    }
    return problems;
  }

  private showProblems(problems: EligibilityProblem[]) {
    this.errors = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    this.internals.setValidity(problems.length ? { customError: true } : {}, problems[0]?.message ?? '');
    if (problems.length) {
      this.emit('becinvalid', { errors: problems });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    this.done = '';
    const problems = this.validate();
    this.showProblems(problems);
    if (problems.length) return;
    const input = this.value;
    this.internals.setFormValue(JSON.stringify(input));
    if (!this.api) {
      this.emit('becrequestsubmit', { request: null, input, idempotencyKey: this.idempotencyKey });
      return;
    }
    this.busy = true;
    try {
      const request = await this.api.createRequest(input, this.idempotencyKey);
      this.emit('becrequestsubmit', { request, input, idempotencyKey: this.idempotencyKey });
      this.done = msg(this.locale, 'form.sent', { number: request.number });
      this.idempotencyKey = newIdempotencyKey();
      this.reset();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        this.showProblems(err.errors.map((x) => ({ field: x.field.replace(/\[(\d+)\]/g, '.$1'), message: x.message })));
        this.failed(err);
      } else {
        const message = this.failed(err);
        this.errors = message ? { form: message } : {};
      }
    } finally {
      this.busy = false;
    }
  }

  /** Clears the lines and the typed values (keeps the lookups). */
  override reset() {
    this.renderRoot.querySelector('form')?.reset();
    this.lines = [{ key: this.nextKey++, productId: null, search: '', quantity: '', requestedCost: '' }];
    this.errors = {};
  }

  private updateLine(key: number, patch: Partial<DraftLine>) {
    this.lines = this.lines.map((l) => (l.key === key ? { ...l, ...patch } : l));
  }

  /** The product a typed part number names: "vs-mcu-16l0 " is VS-MCU-16L0 (case and spaces around do not count), as is the list's "part · description". */
  private productNamed(text: string): Product | undefined {
    const typed = text.trim().toLocaleUpperCase();
    if (!typed) return undefined;
    return this.products.find(
      (p) => p.vendorPartNumber.toLocaleUpperCase() === typed || `${p.vendorPartNumber} · ${p.description}`.toLocaleUpperCase() === typed,
    );
  }

  private onProductInput(line: DraftLine, text: string) {
    const match = this.productNamed(text);
    this.updateLine(line.key, { search: text, productId: match?.id ?? null });
    if (this.api && !match && text.length >= 2) {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(async () => {
        try {
          const found = await this.api!.products(text);
          const known = new Map(this.products.map((p) => [p.id, p]));
          for (const p of found) known.set(p.id, p);
          this.products = [...known.values()];
          // A part number typed before the search answered names its product now.
          this.lines = this.lines.map((l) => (l.productId === null ? { ...l, productId: this.productNamed(l.search)?.id ?? null } : l));
        } catch (err) {
          this.failed(err);
        }
      }, 200);
    }
  }

  /** "Ship & debit · Jan 1, 2026 to Jun 30, 2027 · floor $0.20 · up to 100,000 units", in the locale. */
  private programHint(program: Program): string {
    const parts = [
      codeLabel(this.locale, 'programType', program.type),
      this.t('form.programWindow', { from: formatDate(program.startDate, this.locale), to: formatDate(program.endDate, this.locale) }),
    ];
    if (program.priceFloor)
      parts.push(this.t('form.programFloor', { price: formatUnitPrice(program.priceFloor, this.currency, this.locale) }));
    if (program.quantityCap) parts.push(this.t('form.programCap', { quantity: formatNumber(Number(program.quantityCap), this.locale) }));
    return parts.join(' · ');
  }

  private err(field: string) {
    const m = this.errors[field];
    return m ? html`<div class="field-error" id="err-${field.replace(/\./g, '-')}">${m}</div>` : nothing;
  }
  private invalid(field: string) {
    return this.errors[field] ? 'true' : 'false';
  }
  private describedBy(field: string) {
    return this.errors[field] ? `err-${field.replace(/\./g, '-')}` : nothing;
  }

  private get total(): string | null {
    const amounts = this.value.lines.filter((l) => isMoneyText(l.requestedCost) && Number.isSafeInteger(l.quantity) && l.quantity > 0);
    if (!amounts.length) return null;
    return moneyToString(sumMoney(amounts.map((l) => parseMoney(l.requestedCost).times(l.quantity))));
  }

  override render() {
    const program = this.programs.find((p) => p.id === (Number(this.field('programId')) || this.programId));
    const otherErrors = Object.entries(this.errors).filter(
      ([k]) => k === 'form' || !this.renderRoot.querySelector(`[name="${k}"], [data-field="${k}"]`),
    );
    return html`<div class="card" part="base">
      <div class="card-header"><h2>${msg(this.locale, 'form.title')}</h2></div>
      ${this.renderWaiting()}
      ${renderViewState(this.view, {
        empty: this.view.state.kind === 'ready' && this.programs.length === 0,
        emptyText: msg(this.locale, 'form.noPrograms'),
        locale: this.locale,
        waiting: this.waitingForCredentials,
      })}
      <form part="form" novalidate @submit=${this.submit} @change=${() => this.requestUpdate()} @input=${() => this.requestUpdate()}>
        <fieldset class="whole" ?disabled=${this.isDisabled}>
          <div class="grid">
            <div class="field">
              <label for="programId">${this.t('queue.program')}</label>
              <select
                id="programId"
                name="programId"
                aria-invalid=${this.invalid('programId')}
                aria-describedby=${this.describedBy('programId')}
              >
                <option value="">${this.t('form.choose')}</option>
                ${this.programs.map((p) => html`<option value=${p.id} ?selected=${p.id === this.programId}>${p.code} · ${p.name}</option>`)}
              </select>
              ${this.err('programId')} ${program ? html`<div class="hint">${this.programHint(program)}</div>` : nothing}
            </div>
            ${
              this.distributors.length
                ? html`<div class="field">
                    <label for="distributorId">${this.t('form.onBehalf')}</label>
                    <select
                      id="distributorId"
                      name="distributorId"
                      aria-invalid=${this.invalid('distributorId')}
                      aria-describedby=${this.describedBy('distributorId')}
                    >
                      <option value="">${this.t('form.choose')}</option>
                      ${this.distributors.map((d) => html`<option value=${d.id}>${d.name}</option>`)}
                    </select>
                    ${this.err('distributorId')}
                  </div>`
                : nothing
            }
            <div class="field">
              <label for="endCustomerId">${this.t('requests.endCustomer')}</label>
              <select
                id="endCustomerId"
                name="endCustomerId"
                aria-invalid=${this.invalid('endCustomerId')}
                aria-describedby=${this.describedBy('endCustomerId')}
              >
                <option value="">${this.t('form.choose')}</option>
                ${this.endCustomers.map((a) => html`<option value=${a.id}>${a.name}${a.country ? ` (${a.country})` : ''}</option>`)}
              </select>
              ${this.err('endCustomerId')}
            </div>
            <div class="field">
              <label for="validFrom">${this.t('form.validFrom')}</label>
              <input
                id="validFrom"
                name="validFrom"
                type="date"
                aria-invalid=${this.invalid('validFrom')}
                aria-describedby=${this.describedBy('validFrom')}
              />
              ${this.err('validFrom')}
            </div>
            <div class="field">
              <label for="validTo">${this.t('form.validTo')}</label>
              <input
                id="validTo"
                name="validTo"
                type="date"
                aria-invalid=${this.invalid('validTo')}
                aria-describedby=${this.describedBy('validTo')}
              />
              ${this.err('validTo')}
            </div>
            <div class="field">
              <label for="opportunityRef">${this.t('queue.opportunity')}</label>
              <input id="opportunityRef" name="opportunityRef" placeholder="006…" .value=${this.opportunityRef} />
            </div>
            <div class="field">
              <label for="dealRegistrationRef">${this.t('queue.dealRegistration')}</label>
              <input id="dealRegistrationRef" name="dealRegistrationRef" placeholder="DR-…" />
            </div>
          </div>
          <fieldset part="lines">
            <legend>${this.t('form.products')}</legend>
            <datalist id="product-options">
              ${this.products.map((p) => html`<option value=${p.vendorPartNumber}>${p.description}</option>`)}
            </datalist>
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">${this.t('form.product')}</th>
                  <th scope="col">${this.t('form.quantity')}</th>
                  <th scope="col">${this.t('form.targetPrice', { currency: this.currency })}</th>
                  <th scope="col"><span class="sr-only">Remove</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.lines.map((l, i) => {
                  const p = this.products.find((x) => x.id === l.productId);
                  return html`<tr>
                    <td data-field="lines.${i}.productId">
                      <input
                        type="search"
                        list="product-options"
                        aria-label="Product, line ${i + 1}"
                        placeholder="Search part number or description"
                        .value=${l.search}
                        aria-invalid=${this.invalid(`lines.${i}.productId`)}
                        aria-describedby=${this.describedBy(`lines.${i}.productId`)}
                        @input=${(e: Event) => this.onProductInput(l, (e.target as HTMLInputElement).value)}
                      />
                      ${p ? html`<div class="hint">${p.description}${p.listPrice ? ` · ${this.t('form.productList', { price: formatUnitPrice(p.listPrice, this.currency, this.locale) })}` : ''}</div>` : nothing}
                      ${this.err(`lines.${i}.productId`)}
                    </td>
                    <td data-field="lines.${i}.quantity" data-label=${this.t('form.quantity')}>
                      <input
                        inputmode="numeric"
                        aria-label="Quantity, line ${i + 1}"
                        .value=${l.quantity}
                        aria-invalid=${this.invalid(`lines.${i}.quantity`)}
                        aria-describedby=${this.describedBy(`lines.${i}.quantity`)}
                        @input=${(e: Event) => this.updateLine(l.key, { quantity: (e.target as HTMLInputElement).value })}
                      />
                      ${this.err(`lines.${i}.quantity`)}
                    </td>
                    <td data-field="lines.${i}.requestedCost" data-label=${this.t('form.targetPrice', { currency: this.currency })}>
                      <input
                        inputmode="decimal"
                        aria-label="Target price, line ${i + 1}"
                        .value=${l.requestedCost}
                        aria-invalid=${this.invalid(`lines.${i}.requestedCost`)}
                        aria-describedby=${this.describedBy(`lines.${i}.requestedCost`)}
                        @input=${(e: Event) => this.updateLine(l.key, { requestedCost: (e.target as HTMLInputElement).value })}
                      />
                      ${this.err(`lines.${i}.requestedCost`)}
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label="Remove line ${i + 1}"
                        ?disabled=${this.lines.length === 1}
                        @click=${() => (this.lines = this.lines.filter((x) => x.key !== l.key))}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
            <button
              type="button"
              @click=${() => (this.lines = [...this.lines, { key: this.nextKey++, productId: null, search: '', quantity: '', requestedCost: '' }])}
            >
              ${this.t('form.addProduct')}
            </button>
          </fieldset>
          <div class="field">
            <label for="justification">${this.t('form.justification')}</label>
            <textarea id="justification" name="justification" placeholder="The deal, the competitor, the design win"></textarea>
          </div>
          ${
            otherErrors.length
              ? html`<div class="alert errors" part="errors" role="alert">
                  <ul>
                    ${otherErrors.map(([k, m]) => html`<li>${k === 'form' ? '' : `${k}: `}${m}</li>`)}
                  </ul>
                </div>`
              : Object.keys(this.errors).length
                ? html`<div class="sr-only" role="alert">
                    ${msgCount(this.locale, 'form.problems', Object.keys(this.errors).length, { first: Object.values(this.errors)[0] ?? '' })}
                  </div>`
                : nothing
          }
          ${this.done ? html`<div class="alert" data-tone="success" role="status">${this.done}</div>` : nothing}
          <div class="summary" part="summary">
            <span class="muted"
              >${this.t('form.requestedValue')}
              <strong>${this.total ? formatMoney(this.total, this.currency, this.locale) : '—'}</strong></span
            >
            <button class="brand" type="submit" ?disabled=${this.busy || this.isDisabled}>
              ${msg(this.locale, this.busy ? 'form.sending' : 'form.submit')}
            </button>
          </div>
        </fieldset>
      </form>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-request-form': BecRequestForm;
  }
}
