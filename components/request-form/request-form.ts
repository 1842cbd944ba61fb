import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { isMoneyText, moneyToString, parseMoney, sumMoney } from '../../core/money.js';
import { checkRequestEligibility, type EligibilityProblem } from '../../core/programs/eligibility.js';
import { ApiError, newIdempotencyKey, type Account, type Product, type Program, type RequestInput } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { formatMoney, formatUnitPrice, labelOf } from '../shared/format.js';
import { controls, themeTokens } from '../shared/theme.js';

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
 * Form-associated: inside a `<form>` its value is the request as JSON.
 *
 * @summary Special-price request form with product search, eligibility check and in-place errors.
 *
 * @fires {CustomEvent<BecEventDetails['becrequestsubmit']>} becrequestsubmit - The request was created (or, without `api-base`, is valid and ready): `{ request, input, idempotencyKey }`.
 * @fires {CustomEvent<BecEventDetails['becinvalid']>} becinvalid - Eligibility or server validation failed: `{ errors: [{ field, message }] }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card that holds the element's content.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart form - The form element.
 * @csspart lines - The table of request lines.
 * @csspart summary - The request value and the submit button.
 * @csspart errors - The error summary.
 *
 * @cssproperty --bec-color-brand - Accent colour of the submit button.
 */
@customElement('bec-request-form')
export class BecRequestForm extends BecElement {
  static formAssociated = true;
  static override styles = [
    themeTokens,
    controls,
    css`
      form {
        padding: var(--_bec-space-medium);
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
        gap: 0 var(--_bec-space-medium);
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: var(--_bec-space-small) 0;
      }
      legend {
        font-weight: 700;
        margin-bottom: var(--_bec-space-x-small);
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th {
        text-align: left;
        font-size: var(--_bec-font-size-1);
        color: var(--_bec-color-text-weak);
        text-transform: uppercase;
        padding: var(--_bec-space-xx-small);
        border-bottom: 1px solid var(--_bec-color-border);
      }
      td {
        padding: var(--_bec-space-xx-small);
        vertical-align: top;
      }
      th:first-child {
        width: 45%;
      }
      th:last-child {
        width: 2.5rem;
      }
      .summary {
        display: flex;
        align-items: center;
        gap: var(--_bec-space-medium);
        justify-content: flex-end;
        border-top: 1px solid var(--_bec-color-border-weak);
        padding-top: var(--_bec-space-small);
        margin-top: var(--_bec-space-small);
      }
      .errors ul {
        margin: 0;
        padding-left: var(--_bec-space-large);
      }
      .hint {
        font-size: var(--_bec-font-size-1);
        color: var(--_bec-color-text-weak);
      }
    `,
  ];

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
  /** Form field name when form-associated. */
  @property({ reflect: true }) name = 'specialPriceRequest';

  @state() private lines: DraftLine[] = [{ key: 1, productId: null, search: '', quantity: '', requestedCost: '' }];
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private done = '';
  private nextKey = 2;
  private idempotencyKey = newIdempotencyKey();
  private internals: ElementInternals;
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api) void this.load();
  }

  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const [programs, endCustomers, products] = await Promise.all([api.programs(), api.accounts('end_customer'), api.products()]);
      this.programs = programs.filter((p) => p.type !== 'rebate' && p.status === 'active');
      this.endCustomers = endCustomers;
      this.products = products;
      if (this.distributorId === null) {
        const me = await api.me();
        if (me.distributorId) this.distributorId = me.distributorId;
        else if (me.role === 'channel_manager' || me.role === 'vendor_admin') this.distributors = await api.accounts('distributor');
      }
    } catch (err) {
      const message = this.failed(err);
      // No message: waiting for credentials (a 401), which the waiting part shows.
      this.errors = message ? { form: message } : {};
    }
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
      lines: this.lines.map((l) => ({ productId: l.productId ?? 0, quantity: Number(l.quantity), requestedCost: l.requestedCost.trim() })),
    };
  }

  /** Local checks: required fields, numbers, then the program's eligibility rules from core/. */
  validate(): EligibilityProblem[] {
    const v = this.value;
    const problems: EligibilityProblem[] = [];
    if (!v.programId) problems.push({ field: 'programId', message: 'Choose a program' });
    if (this.distributors.length && !v.distributorId) problems.push({ field: 'distributorId', message: 'Choose the distributor' });
    if (!v.endCustomerId) problems.push({ field: 'endCustomerId', message: 'Choose the end customer' });
    if (!v.validFrom) problems.push({ field: 'validFrom', message: 'Enter the start date' });
    if (!v.validTo) problems.push({ field: 'validTo', message: 'Enter the end date' });
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) problems.push({ field: 'validTo', message: 'Ends before it starts' });
    v.lines.forEach((l, i) => {
      if (!l.productId) problems.push({ field: `lines.${i}.productId`, message: 'Pick a product from the list' });
      if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0)
        problems.push({ field: `lines.${i}.quantity`, message: 'A whole number above 0' });
      if (!isMoneyText(l.requestedCost)) problems.push({ field: `lines.${i}.requestedCost`, message: 'An amount such as 1.25' });
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
      this.done = `Request ${request.number} sent for approval`;
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
  reset() {
    this.renderRoot.querySelector('form')?.reset();
    this.lines = [{ key: this.nextKey++, productId: null, search: '', quantity: '', requestedCost: '' }];
    this.errors = {};
  }
  formResetCallback() {
    this.reset();
  }

  private updateLine(key: number, patch: Partial<DraftLine>) {
    this.lines = this.lines.map((l) => (l.key === key ? { ...l, ...patch } : l));
  }

  private onProductInput(line: DraftLine, text: string) {
    const match = this.products.find((p) => p.vendorPartNumber === text || `${p.vendorPartNumber} · ${p.description}` === text);
    this.updateLine(line.key, { search: text, productId: match?.id ?? null });
    if (this.api && !match && text.length >= 2) {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(async () => {
        try {
          const found = await this.api!.products(text);
          const known = new Map(this.products.map((p) => [p.id, p]));
          for (const p of found) known.set(p.id, p);
          this.products = [...known.values()];
        } catch (err) {
          this.failed(err);
        }
      }, 200);
    }
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
    const amounts = this.lines.filter((l) => isMoneyText(l.requestedCost) && /^\d+$/.test(l.quantity.trim()));
    if (!amounts.length) return null;
    return moneyToString(sumMoney(amounts.map((l) => parseMoney(l.requestedCost).times(Number(l.quantity)))));
  }

  override render() {
    const program = this.programs.find((p) => p.id === (Number(this.field('programId')) || this.programId));
    const otherErrors = Object.entries(this.errors).filter(
      ([k]) => k === 'form' || !this.renderRoot.querySelector(`[name="${k}"], [data-field="${k}"]`),
    );
    return html`<div class="card" part="base">
      <div class="card-header"><h2>Request a special price</h2></div>
      ${this.renderWaiting()}
      <form part="form" novalidate @submit=${this.submit} @change=${() => this.requestUpdate()}>
        <div class="grid">
          <div class="field">
            <label for="programId">Program</label>
            <select
              id="programId"
              name="programId"
              aria-invalid=${this.invalid('programId')}
              aria-describedby=${this.describedBy('programId')}
            >
              <option value="">Choose…</option>
              ${this.programs.map((p) => html`<option value=${p.id} ?selected=${p.id === this.programId}>${p.code} · ${p.name}</option>`)}
            </select>
            ${this.err('programId')}
            ${program ? html`<div class="hint">${labelOf(program.type)} · ${program.startDate} to ${program.endDate}${program.priceFloor ? ` · floor ${formatUnitPrice(program.priceFloor, this.currency, this.locale)}` : ''}${program.quantityCap ? ` · cap ${program.quantityCap}` : ''}</div>` : nothing}
          </div>
          ${
            this.distributors.length
              ? html`<div class="field">
                  <label for="distributorId">On behalf of distributor</label>
                  <select
                    id="distributorId"
                    name="distributorId"
                    aria-invalid=${this.invalid('distributorId')}
                    aria-describedby=${this.describedBy('distributorId')}
                  >
                    <option value="">Choose…</option>
                    ${this.distributors.map((d) => html`<option value=${d.id}>${d.name}</option>`)}
                  </select>
                  ${this.err('distributorId')}
                </div>`
              : nothing
          }
          <div class="field">
            <label for="endCustomerId">End customer</label>
            <select
              id="endCustomerId"
              name="endCustomerId"
              aria-invalid=${this.invalid('endCustomerId')}
              aria-describedby=${this.describedBy('endCustomerId')}
            >
              <option value="">Choose…</option>
              ${this.endCustomers.map((a) => html`<option value=${a.id}>${a.name}${a.country ? ` (${a.country})` : ''}</option>`)}
            </select>
            ${this.err('endCustomerId')}
          </div>
          <div class="field">
            <label for="validFrom">Valid from</label>
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
            <label for="validTo">Valid to</label>
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
            <label for="opportunityRef">Opportunity</label>
            <input id="opportunityRef" name="opportunityRef" placeholder="006…" .value=${this.opportunityRef} />
          </div>
          <div class="field">
            <label for="dealRegistrationRef">Deal registration</label>
            <input id="dealRegistrationRef" name="dealRegistrationRef" placeholder="DR-…" />
          </div>
        </div>
        <fieldset part="lines">
          <legend>Products</legend>
          <datalist id="product-options">
            ${this.products.map((p) => html`<option value=${p.vendorPartNumber}>${p.description}</option>`)}
          </datalist>
          <table>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Quantity</th>
                <th scope="col">Target price (${this.currency})</th>
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
                    ${p ? html`<div class="hint">${p.description}${p.listPrice ? ` · list ${formatUnitPrice(p.listPrice, this.currency, this.locale)}` : ''}</div>` : nothing}
                    ${this.err(`lines.${i}.productId`)}
                  </td>
                  <td data-field="lines.${i}.quantity">
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
                  <td data-field="lines.${i}.requestedCost">
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
            Add product
          </button>
        </fieldset>
        <div class="field">
          <label for="justification">Justification</label>
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
              ? html`<div class="sr-only" role="alert">${Object.keys(this.errors).length} problems: ${Object.values(this.errors)[0]}</div>`
              : nothing
        }
        ${this.done ? html`<div class="alert" data-tone="success" role="status">${this.done}</div>` : nothing}
        <div class="summary" part="summary">
          <span class="muted"
            >Requested value <strong>${this.total ? formatMoney(this.total, this.currency, this.locale) : '—'}</strong></span
          >
          <button class="brand" type="submit" ?disabled=${this.busy}>${this.busy ? 'Sending…' : 'Submit request'}</button>
        </div>
      </form>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-request-form': BecRequestForm;
  }
}
