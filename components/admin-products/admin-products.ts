import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type BookCost, type MasterAccount, type MasterProduct, type Schemas } from '../shared/api.js';
import { formatAmountForEditing, formatDate, formatNumber, formatUnitPrice, parseAmount } from '../shared/format.js';
import type { MessageKey } from '../shared/i18n.js';
import { renderViewState, showsContent, stateStyles, ViewStateController } from '../shared/states.js';
import { tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens } from '../shared/theme.js';
import { BecAdminElement } from './admin-element.js';
import styles from './admin-products.styles.js';

/**
 * The vendor's products and price book: each product with its list price and currency, created,
 * deactivated or reactivated here; a product's book costs per distributor with their history
 * (a new cost from a day on closes the one before: periods never overlap); and CSV loads of
 * products, book costs and distributor part numbers (`<bec-admin-bulk-load>`).
 *
 * @summary Products, list prices and book costs by distributor and effective date, for vendor admins.
 *
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart loading - Shown while the products load.
 * @csspart empty - Shown when there is no product.
 * @csspart error - The failure, its detail and a Retry button.
 * @csspart offline - Shown when the browser is offline, with a Retry button.
 * @csspart retry - The Retry button.
 * @csspart create - The new product form.
 * @csspart list - The products table.
 * @csspart row - One product.
 * @csspart book-costs - The selected product's book costs: the distributor, the history and the new cost form.
 * @csspart history - The book cost periods, latest first.
 * @csspart bulk - The CSV load.
 *
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-admin-products')
export class BecAdminProducts extends BecAdminElement {
  static override styles = [themeTokens, controls, stateStyles, tableStyles, styles];

  /** The products, inactive ones included (loaded from the API when `api-base` is set). */
  @property({ attribute: false }) products: MasterProduct[] = [];
  /** The distributors whose book costs are kept. */
  @property({ attribute: false }) distributors: MasterAccount[] = [];

  @state() private selected: number | null = null;
  @state() private distributorId: number | null = null;
  @state() private history: BookCost[] = [];
  /** The amounts that do not read, by input id ("p-price", "bc-cost"). */
  @state() private fieldErrors: Record<string, string> = {};
  protected override fieldLabels: Partial<Record<string, MessageKey>> = {
    vendorPartNumber: 'admin.part',
    description: 'admin.description',
    family: 'admin.family',
    listPrice: 'admin.listPrice',
    currency: 'admin.currency',
    cost: 'admin.cost',
  };
  private readonly view = new ViewStateController(this, (err) => this.failed(err));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api) void this.load();
  }

  override load(): Promise<void> {
    const api = this.api;
    if (!api) return Promise.resolve();
    return this.view.track(async () => {
      const [products, distributors] = await Promise.all([api.masterProducts(), api.masterDistributors()]);
      this.products = products;
      this.distributors = distributors;
    });
  }

  /**
   * An amount typed in the locale's way ("1,234.50" in en, "1 234,50" in fr) as the API takes it
   * ("1234.50"); undefined, with the field's problem said in words, when it is no amount.
   */
  private amountOf(form: HTMLFormElement, inputId: string, label: MessageKey): string | null | undefined {
    const input = form.querySelector<HTMLInputElement>(`#${inputId}`)!;
    const text = input.value.trim();
    const amount = text ? parseAmount(text, this.locale) : null;
    const { [inputId]: _, ...others } = this.fieldErrors;
    if (text && (amount === null || amount.startsWith('-'))) {
      this.fieldErrors = {
        ...others,
        [inputId]: this.t('admin.notAmount', { field: this.t(label), example: formatAmountForEditing('1234.50', this.locale) }),
      };
      input.focus();
      return undefined;
    }
    this.fieldErrors = others;
    return amount;
  }

  /** An amount input with its problem, if any, under it. */
  private amountField(id: string, name: string, label: MessageKey, required = false) {
    const error = this.fieldErrors[id];
    return html`<div class="field" ?data-invalid=${!!error}>
      <label for=${id}>${this.t(label)}</label
      ><input
        id=${id}
        name=${name}
        ?required=${required}
        inputmode="decimal"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${`${id}-err`}
      />
      <div class="field-error" id=${`${id}-err`}>${error ?? ''}</div>
    </div>`;
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const listPrice = this.amountOf(form, 'p-price', 'admin.listPrice');
    if (listPrice === undefined) return;
    const input = {
      vendorPartNumber: text('vendorPartNumber'),
      description: text('description'),
      family: text('family') || null,
      listPrice,
      // the server refuses a code that is not ISO 4217, naming the field
      currency: (text('currency') || this.currency).toUpperCase() as NonNullable<Schemas['ProductInput']['currency']>,
    };
    const ok = await this.change(async () => {
      const created = this.api
        ? await this.api.createProduct(input)
        : { id: -Date.now(), ...input, currency: input.currency, active: true };
      this.products = [...this.products, created].sort((a, b) => a.vendorPartNumber.localeCompare(b.vendorPartNumber));
      return this.t('admin.created', { name: created.vendorPartNumber });
    });
    if (ok) form.reset();
  }

  private async setActive(p: MasterProduct, active: boolean) {
    await this.change(async () => {
      const updated = this.api ? await this.api.setProductActive(p.id, active) : { ...p, active };
      this.products = this.products.map((x) => (x.id === p.id ? updated : x));
      return this.t('admin.saved', { name: p.vendorPartNumber });
    });
  }

  /** Opens a product's book costs, for the first distributor unless one is chosen. */
  async openBookCosts(productId: number): Promise<void> {
    this.selected = productId;
    this.distributorId ??= this.distributors[0]?.id ?? null;
    await this.loadHistory();
  }

  private async loadHistory() {
    this.history = [];
    if (!this.api || this.selected === null || this.distributorId === null) return;
    try {
      this.history = await this.api.bookCosts(this.distributorId, this.selected);
    } catch (err) {
      this.problem = this.failed(err);
    }
  }

  private async setCost(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    if (this.selected === null || this.distributorId === null) return;
    const cost = this.amountOf(form, 'bc-cost', 'admin.cost');
    if (cost === undefined) return;
    const input = {
      distributorId: this.distributorId,
      productId: this.selected,
      cost: cost ?? '',
      effectiveFrom: String(data.get('effectiveFrom') ?? ''),
    };
    const ok = await this.change(async () => {
      const row = this.api ? await this.api.setBookCost(input) : null;
      await this.loadHistory();
      return this.t('admin.costSet', { cost: row?.cost ?? input.cost, from: formatDate(input.effectiveFrom, this.locale) });
    });
    if (ok) form.reset();
  }

  private renderCreate() {
    return html`<form class="inline" part="create" aria-label=${this.t('admin.newProduct')} @submit=${this.create}>
      <div class="field">
        <label for="p-part">${this.t('admin.part')}</label><input id="p-part" name="vendorPartNumber" required maxlength="64" />
      </div>
      <div class="field">
        <label for="p-desc">${this.t('admin.description')}</label><input id="p-desc" name="description" required maxlength="255" />
      </div>
      <div class="field"><label for="p-family">${this.t('admin.family')}</label><input id="p-family" name="family" maxlength="100" /></div>
      ${this.amountField('p-price', 'listPrice', 'admin.listPrice')}
      <div class="field">
        <label for="p-currency">${this.t('admin.currency')}</label
        ><input id="p-currency" name="currency" maxlength="3" placeholder=${this.currency} />
      </div>
      <button class="brand" type="submit" ?disabled=${this.busy}>${this.t('admin.add')}</button>
    </form>`;
  }

  private renderRow(p: MasterProduct) {
    return html`<tr part="row" aria-current=${this.selected === p.id ? 'true' : 'false'} data-id=${p.id}>
      <th scope="row">${p.vendorPartNumber}</th>
      <td class="hide-narrow">${p.description}</td>
      <td class="hide-narrow">${p.family ?? '—'}</td>
      <td class="num">${p.listPrice === null ? '—' : formatUnitPrice(p.listPrice, p.currency, this.locale)}</td>
      <td>
        <span class="badge" data-tone=${p.active ? 'success' : 'neutral'}>${this.t(p.active ? 'admin.active' : 'admin.inactive')}</span>
      </td>
      <td class="actions">
        <button
          type="button"
          class="costs"
          aria-label=${this.t('admin.bookCostsOf', { part: p.vendorPartNumber })}
          @click=${() => this.openBookCosts(p.id)}
        >
          ${this.t('admin.bookCosts')}
        </button>
        <button
          type="button"
          class="toggle"
          aria-label=${this.t(p.active ? 'admin.deactivateProduct' : 'admin.reactivateProduct', { part: p.vendorPartNumber })}
          ?disabled=${this.busy}
          @click=${() => this.setActive(p, !p.active)}
        >
          ${this.t(p.active ? 'admin.deactivate' : 'admin.reactivate')}
        </button>
      </td>
    </tr>`;
  }

  private renderBookCosts() {
    const product = this.products.find((p) => p.id === this.selected);
    if (!product) return nothing;
    const currency = this.distributors.find((d) => d.id === this.distributorId)?.currency ?? this.currency;
    return html`<section class="panel" part="book-costs" aria-label=${this.t('admin.priceBook', { part: product.vendorPartNumber })}>
      <h3>${this.t('admin.priceBook', { part: product.vendorPartNumber })}</h3>
      <form class="inline" @submit=${this.setCost}>
        <div class="field">
          <label for="bc-distributor">${this.t('admin.distributor')}</label>
          <select
            id="bc-distributor"
            @change=${(e: Event) => ((this.distributorId = Number((e.target as HTMLSelectElement).value)), void this.loadHistory())}
          >
            ${this.distributors.map((d) => html`<option value=${d.id} ?selected=${d.id === this.distributorId}>${d.name} (${d.currency})</option>`)}
          </select>
        </div>
        ${this.amountField('bc-cost', 'cost', 'admin.cost', true)}
        <div class="field">
          <label for="bc-from">${this.t('admin.from')}</label><input id="bc-from" name="effectiveFrom" type="date" required />
        </div>
        <button class="brand" type="submit" ?disabled=${this.busy || this.distributorId === null}>${this.t('admin.setCost')}</button>
      </form>
      ${
        this.history.length
          ? html`<div class="table-wrap">
              <table part="history">
                <thead>
                  <tr>
                    <th scope="col">${this.t('admin.from')}</th>
                    <th scope="col">${this.t('admin.to')}</th>
                    <th scope="col" class="num">${this.t('admin.cost')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.history.map(
                    (h) =>
                      html`<tr>
                        <td>${formatDate(h.effectiveFrom, this.locale)}</td>
                        <td>${h.effectiveTo ? formatDate(h.effectiveTo, this.locale) : this.t('admin.openEnded')}</td>
                        <td class="num">${formatUnitPrice(h.cost, h.currency || currency, this.locale)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p class="muted table-wrap">${this.t('admin.noCosts')}</p>`
      }
    </section>`;
  }

  override render() {
    const empty = this.products.length === 0;
    return html`<div class="card" part="base">
        <div class="card-header">
          <h2>${this.t('admin.products.title')}</h2>
          <span class="badge" data-tone="info">${formatNumber(this.products.length, this.locale)}</span>
        </div>
        ${this.renderWaiting()} ${this.renderCreate()} ${this.renderNotices()}
        ${renderViewState(this.view, { empty, emptyText: this.t('admin.products.empty'), locale: this.locale, hasContent: !empty, waiting: this.waitingForCredentials })}
        ${
          showsContent(this.view, empty)
            ? html`<div class="table-wrap">
                <table part="list" aria-label=${this.t('admin.products.title')}>
                  <thead>
                    <tr>
                      <th scope="col">${this.t('admin.part')}</th>
                      <th scope="col" class="hide-narrow">${this.t('admin.description')}</th>
                      <th scope="col" class="hide-narrow">${this.t('admin.family')}</th>
                      <th scope="col" class="num">${this.t('admin.listPrice')}</th>
                      <th scope="col">${this.t('admin.status')}</th>
                      <th scope="col"><span class="sr-only">${this.t('admin.actions')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${this.products.map((p) => this.renderRow(p))}
                  </tbody>
                </table>
              </div>`
            : nothing
        }
        ${this.renderBookCosts()}
      </div>
      ${this.renderBulk('products,book-costs,part-numbers', 'products')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-admin-products': BecAdminProducts;
  }
}
