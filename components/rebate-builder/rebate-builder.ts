import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  basisOf,
  REBATE_KINDS,
  termsProblems,
  type Rate,
  type RebateKind,
  type RebateTerms,
  type SalesBasis,
  type TermsProblem,
} from '../../core/rebates/terms.js';
import { ApiError, type ApiAnswer, type RebateProgram } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { formatMoney, formatNumber } from '../shared/format.js';
import { msg, type MessageKey } from '../shared/i18n.js';
// The administration's messages (not in dist/bec.js).
import '../shared/i18n-admin.js';
import { controls, themeTokens } from '../shared/theme.js';
import { rebateBuilderStyles } from './rebate-builder.styles.js';

type Preview = ApiAnswer<'postRebatesProgramsByProgramIdPreview', 200>;
type PeriodKind = RebateProgram['periodKind'];
type Stacking = RebateProgram['stacking'];
interface Named {
  id: number;
  name: string;
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const ids = (text: string) =>
  list(text)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

/** The form's state: text as typed, made into terms by `terms`. */
interface Draft {
  kind: RebateKind;
  measure: 'quantity' | 'revenue';
  basis: SalesBasis;
  families: string;
  productIds: string;
  excludedFamilies: string;
  excludedProductIds: string;
  cap: string;
  rateKind: Rate['kind'];
  rate: string;
  threshold: string;
  mode: 'retroactive' | 'incremental';
  tiers: { from: string; rateKind: Rate['kind']; rate: string }[];
  minGrowthPercent: string;
  mixFamily: string;
  minSharePercent: string;
  conditionFamilies: string;
  conditionMinQuantity: string;
  newEndCustomers: string;
}

const emptyDraft = (): Draft => ({
  kind: 'tiered',
  measure: 'quantity',
  basis: 'sell_through',
  families: '',
  productIds: '',
  excludedFamilies: '',
  excludedProductIds: '',
  cap: '',
  rateKind: 'percent',
  rate: '2',
  threshold: '',
  mode: 'retroactive',
  tiers: [
    { from: '0', rateKind: 'percent', rate: '1' },
    { from: '5000', rateKind: 'percent', rate: '2' },
  ],
  minGrowthPercent: '',
  mixFamily: '',
  minSharePercent: '',
  conditionFamilies: '',
  conditionMinQuantity: '',
  newEndCustomers: '',
});

/** Terms as a draft (to edit stored terms). */
function draftOf(t: RebateTerms): Draft {
  const d = emptyDraft();
  const rate = 'rate' in t ? t.rate : null;
  const minProduct = t.kind === 'conditional' ? t.conditions.find((c) => c.kind === 'min_product') : undefined;
  const newCustomers = t.kind === 'conditional' ? t.conditions.find((c) => c.kind === 'new_end_customers') : undefined;
  return {
    ...d,
    kind: t.kind,
    measure: t.measure,
    basis: basisOf(t),
    families: (t.families ?? []).join(', '),
    productIds: (t.productIds ?? []).join(', '),
    excludedFamilies: (t.exclusions?.families ?? []).join(', '),
    excludedProductIds: (t.exclusions?.productIds ?? []).join(', '),
    cap: t.cap ?? '',
    rateKind: rate?.kind ?? d.rateKind,
    rate: rate?.value ?? d.rate,
    threshold: t.kind === 'volume' ? (t.threshold ?? '') : '',
    mode: t.kind === 'tiered' ? t.mode : d.mode,
    tiers: t.kind === 'tiered' ? t.tiers.map((x) => ({ from: x.from, rateKind: x.rate.kind, rate: x.rate.value })) : d.tiers,
    minGrowthPercent: t.kind === 'growth' ? (t.minGrowthPercent ?? '') : '',
    mixFamily: t.kind === 'mix' ? t.family : '',
    minSharePercent: t.kind === 'mix' ? t.minSharePercent : '',
    conditionFamilies: minProduct?.kind === 'min_product' ? (minProduct.families ?? []).join(', ') : '',
    conditionMinQuantity: minProduct?.kind === 'min_product' ? String(minProduct.minQuantity) : '',
    newEndCustomers: newCustomers?.kind === 'new_end_customers' ? String(newCustomers.target) : '',
  };
}

/** The terms a draft says (core's RebateTerms: what the server stores and core calculates). */
export function termsOf(d: Draft): RebateTerms {
  const common = {
    measure: d.measure,
    ...(d.basis === 'sell_in' ? { basis: 'sell_in' as const } : {}),
    ...(list(d.families).length ? { families: list(d.families) } : {}),
    ...(ids(d.productIds).length ? { productIds: ids(d.productIds) } : {}),
    ...(list(d.excludedFamilies).length || ids(d.excludedProductIds).length
      ? {
          exclusions: {
            ...(list(d.excludedFamilies).length ? { families: list(d.excludedFamilies) } : {}),
            ...(ids(d.excludedProductIds).length ? { productIds: ids(d.excludedProductIds) } : {}),
          },
        }
      : {}),
    ...(d.cap.trim() ? { cap: d.cap.trim() } : {}),
  };
  const rate: Rate = { kind: d.rateKind, value: d.rate.trim() };
  switch (d.kind) {
    case 'volume':
      return { kind: 'volume', ...common, rate, ...(d.threshold.trim() ? { threshold: d.threshold.trim() } : {}) };
    case 'tiered':
      return {
        kind: 'tiered',
        ...common,
        mode: d.mode,
        tiers: d.tiers.map((x) => ({ from: x.from.trim(), rate: { kind: x.rateKind, value: x.rate.trim() } })),
      };
    case 'growth':
      return { kind: 'growth', ...common, rate, ...(d.minGrowthPercent.trim() ? { minGrowthPercent: d.minGrowthPercent.trim() } : {}) };
    case 'mix':
      return { kind: 'mix', ...common, family: d.mixFamily.trim(), minSharePercent: d.minSharePercent.trim(), rate };
    case 'conditional':
      return {
        kind: 'conditional',
        ...common,
        rate,
        conditions: [
          ...(d.conditionMinQuantity.trim()
            ? [{ kind: 'min_product' as const, families: list(d.conditionFamilies), minQuantity: Number(d.conditionMinQuantity) }]
            : []),
          ...(d.newEndCustomers.trim() ? [{ kind: 'new_end_customers' as const, target: Number(d.newEndCustomers) }] : []),
        ],
      };
  }
}

/**
 * Builds a rebate program's terms: volume, tiered (retroactive or incremental), growth, product
 * mix or conditional, with the products and families it covers, exclusions, a cap, the period and
 * the stacking rule. The terms are checked in the browser by core's `termsProblems` (the check the
 * server runs) before they are sent. With a program saved, the what-if asks the server
 * (`POST /api/rebates/programs/{id}/preview`): "if Arrowhead sells 12,000 more units this period,
 * the rebate is …".
 *
 * @summary Rebate program builder with a what-if preview.
 *
 * @fires {CustomEvent<BecEventDetails['becrebatesave']>} becrebatesave - The terms were saved: `{ program, created }`.
 * @fires {CustomEvent<BecEventDetails['becinvalid']>} becinvalid - The terms were refused (in the browser or by the server): `{ errors }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart form - The terms form.
 * @csspart tiers - The tiers of a tiered program.
 * @csspart problems - What is wrong with the terms, by field.
 * @csspart save - The Save button.
 * @csspart what-if - The what-if preview.
 * @csspart answer - The what-if's answer.
 *
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-rebate-builder')
export class BecRebateBuilder extends BecElement {
  static override styles = [themeTokens, controls, rebateBuilderStyles];

  /** The rebate program edited (a program of type `rebate`); its terms load when it has some. */
  @property({ type: Number, attribute: 'program-id' }) programId: number | null = null;
  /** The programs to choose from (loaded: the rebate programs). */
  @property({ attribute: false }) programs: Named[] = [];
  /** The distributors the what-if may name (vendor users; loaded). */
  @property({ attribute: false }) distributors: Named[] = [];
  /** The products the what-if may sell more of (loaded). */
  @property({ attribute: false }) products: Named[] = [];

  @state() private draft: Draft = emptyDraft();
  @state() private periodKind: PeriodKind = 'quarter';
  @state() private stacking: Stacking = 'exclusive';
  @state() private problems: TermsProblem[] = [];
  @state() private saved = false;
  @state() private busy = false;
  @state() private preview: Preview | null = null;
  @state() private previewError = '';
  @state() private more = { distributorId: 0, productId: 0, quantity: '1000' };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api) void this.load();
    else if (changed.has('programId') && this.api && changed.get('programId') !== undefined) void this.loadTerms();
  }

  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const [programs, distributors, products] = await Promise.all([
        api.get<{ items: (Named & { type: string })[] }>('/api/programs'),
        api.get<{ items: Named[] }>('/api/accounts?type=distributor').catch(() => ({ items: [] as Named[] })),
        api.get<{ items: (Named & { vendorPartNumber?: string })[] }>('/api/products'),
      ]);
      this.programs = programs.items.filter((p) => p.type === 'rebate').map((p) => ({ id: p.id, name: p.name }));
      this.distributors = distributors.items.map((d) => ({ id: d.id, name: d.name }));
      this.products = products.items.map((p) => ({ id: p.id, name: p.vendorPartNumber ? `${p.vendorPartNumber} · ${p.name}` : p.name }));
      this.more = { ...this.more, distributorId: this.distributors[0]?.id ?? 0, productId: this.products[0]?.id ?? 0 };
      if (this.programId === null) this.programId = this.programs[0]?.id ?? null;
      await this.loadTerms();
    } catch (err) {
      this.failed(err);
    }
  }

  /** The edited program's stored terms, if it has any (a new rebate program has none: the form keeps its draft). */
  private async loadTerms() {
    const api = this.api;
    const id = this.programId;
    if (!api || id === null) return;
    try {
      const p = await api.get<RebateProgram>(`/api/rebates/programs/${id}`);
      // Another program was chosen while this one loaded: its terms are not this form's (saving them would put them on it).
      if (this.programId !== id) return;
      this.draft = draftOf(p.terms as RebateTerms);
      this.periodKind = p.periodKind;
      this.stacking = p.stacking;
      this.saved = true;
    } catch (err) {
      if (this.programId !== id) return;
      if (err instanceof ApiError && err.status === 409) this.saved = false;
      else this.failed(err);
    }
    this.preview = null;
  }

  private t(key: MessageKey, params: Record<string, string | number> = {}) {
    return msg(this.locale, key, params);
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]) {
    this.draft = { ...this.draft, [key]: value };
    this.problems = [];
  }

  private input(key: keyof Draft, label: MessageKey, hint?: MessageKey) {
    const id = `f-${key}`;
    return html`<div class="field">
      <label for=${id}>${this.t(label)}</label>
      <input
        id=${id}
        name=${key}
        .value=${String(this.draft[key])}
        aria-describedby=${hint ? `${id}-hint` : nothing}
        @input=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value as never)}
      />
      ${hint ? html`<small id="${id}-hint">${this.t(hint)}</small>` : nothing}
    </div>`;
  }

  private select<T extends string>(id: string, label: MessageKey, value: T, options: readonly T[], on: (v: T) => void) {
    return html`<div class="field">
      <label for=${id}>${this.t(label)}</label>
      <select id=${id} name=${id} @change=${(e: Event) => on((e.target as HTMLSelectElement).value as T)}>
        ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${o}</option>`)}
      </select>
    </div>`;
  }

  private rate() {
    return html`${this.select('f-rateKind', 'rebate.rateKind', this.draft.rateKind, ['percent', 'per_unit'] as const, (v) => this.set('rateKind', v))}
    ${this.input('rate', 'rebate.rate')}`;
  }

  private tier(i: number, key: 'from' | 'rate', value: string) {
    const tiers = this.draft.tiers.map((x, j) => (j === i ? { ...x, [key]: value } : x));
    this.set('tiers', tiers);
  }

  private kindFields() {
    const d = this.draft;
    switch (d.kind) {
      case 'volume':
        return html`<div class="row">${this.input('threshold', 'rebate.threshold')} ${this.rate()}</div>`;
      case 'tiered':
        return html`<div class="row">
            ${this.select('f-mode', 'rebate.mode', d.mode, ['retroactive', 'incremental'] as const, (v) => this.set('mode', v))}
          </div>
          <fieldset part="tiers">
            <legend>${this.t('rebate.tiers')}</legend>
            ${d.tiers.map(
              (x, i) =>
                html`<div class="row">
                  <div class="field">
                    <label for="tier-${i}-from">${this.t('rebate.tierFrom', { n: i + 1 })}</label>
                    <input
                      id="tier-${i}-from"
                      .value=${x.from}
                      @input=${(e: Event) => this.tier(i, 'from', (e.target as HTMLInputElement).value)}
                    />
                  </div>
                  <div class="field">
                    <label for="tier-${i}-rate"
                      >${this.t('rebate.tierRate', { n: i + 1, kind: x.rateKind === 'percent' ? '%' : '/unit' })}</label
                    >
                    <input
                      id="tier-${i}-rate"
                      .value=${x.rate}
                      @input=${(e: Event) => this.tier(i, 'rate', (e.target as HTMLInputElement).value)}
                    />
                  </div>
                  <button
                    type="button"
                    @click=${() =>
                      this.set(
                        'tiers',
                        d.tiers.filter((_, j) => j !== i),
                      )}
                  >
                    ${this.t('rebate.removeTier', { n: i + 1 })}
                  </button>
                </div>`,
            )}
            <button
              type="button"
              @click=${() => this.set('tiers', [...d.tiers, { from: '', rateKind: d.tiers.at(-1)?.rateKind ?? 'percent', rate: '' }])}
            >
              ${this.t('rebate.addTier')}
            </button>
          </fieldset>`;
      case 'growth':
        return html`<div class="row">${this.input('minGrowthPercent', 'rebate.minGrowthPercent')} ${this.rate()}</div>`;
      case 'mix':
        return html`<div class="row">
          ${this.input('mixFamily', 'rebate.mixFamily')} ${this.input('minSharePercent', 'rebate.minSharePercent')} ${this.rate()}
        </div>`;
      case 'conditional':
        return html`<div class="row">
            ${this.input('conditionFamilies', 'rebate.conditionFamilies')}
            ${this.input('conditionMinQuantity', 'rebate.conditionMinQuantity')} ${this.input('newEndCustomers', 'rebate.newEndCustomers')}
          </div>
          <div class="row">${this.rate()}</div>`;
    }
  }

  /** Checks the terms with core's rules; the problems are shown by field and announced. */
  check(): boolean {
    this.problems = termsProblems(termsOf(this.draft));
    if (this.problems.length) this.emit('becinvalid', { errors: this.problems });
    return !this.problems.length;
  }

  private async save(e: Event) {
    e.preventDefault();
    const api = this.api;
    if (!this.check() || !api || this.programId === null) return;
    this.busy = true;
    try {
      const created = !this.saved;
      const p = await api.request<RebateProgram>('PUT', `/api/rebates/programs/${this.programId}`, {
        terms: termsOf(this.draft),
        periodKind: this.periodKind,
        stacking: this.stacking,
      });
      this.saved = true;
      this.preview = null;
      this.emit('becrebatesave', { program: p, created });
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        this.problems = err.errors.map((x) => ({ field: x.field.replace(/^terms\./, ''), message: x.message }));
        this.emit('becinvalid', { errors: this.problems });
      } else this.failed(err);
    } finally {
      this.busy = false;
    }
  }

  private async whatIf(e: Event) {
    e.preventDefault();
    const api = this.api;
    if (!api || this.programId === null) return;
    this.previewError = '';
    try {
      this.preview = await api.request<Preview>('POST', `/api/rebates/programs/${this.programId}/preview`, {
        ...(this.more.distributorId ? { distributorId: this.more.distributorId } : {}),
        more: { productId: this.more.productId, quantity: Number(this.more.quantity) },
      });
    } catch (err) {
      this.preview = null;
      this.previewError = err instanceof ApiError ? err.detail || err.message : String(err);
    }
  }

  private answer(p: Preview) {
    const who = this.distributors.find((d) => d.id === p.distributorId)?.name ?? '';
    const money = (a: string) => formatMoney(a, p.currency, this.locale);
    return this.t('rebate.whatIfAnswer', {
      who,
      quantity: formatNumber(Number(this.more.quantity), this.locale),
      then: money(p.then.rebate),
      now: money(p.now.rebate),
      difference: money(p.difference),
    });
  }

  override render() {
    const d = this.draft;
    const program = this.programs.find((p) => p.id === this.programId);
    return html`<div class="card" part="base">
      <div class="card-header"><h2>${this.t('rebate.builderTitle')}${program ? ` · ${program.name}` : ''}</h2></div>
      ${this.renderWaiting()}
      <form part="form" novalidate @submit=${this.save}>
        <div class="row">
          <div class="field">
            <label for="f-program">${this.t('rebate.program')}</label>
            <select
              id="f-program"
              @change=${(e: Event) => {
                this.programId = Number((e.target as HTMLSelectElement).value);
              }}
            >
              ${this.programs.map((p) => html`<option value=${p.id} ?selected=${p.id === this.programId}>${p.name}</option>`)}
            </select>
          </div>
          ${this.select('f-kind', 'rebate.kind', d.kind, REBATE_KINDS, (v) => this.set('kind', v))}
          ${this.select('f-measure', 'rebate.measure', d.measure, ['quantity', 'revenue'] as const, (v) => this.set('measure', v))}
          ${this.select('f-basis', 'rebate.basis', d.basis, ['sell_through', 'sell_in'] as const, (v) => this.set('basis', v))}
          ${this.select('f-period', 'rebate.periodKind', this.periodKind, ['month', 'quarter', 'year', 'custom'] as const, (v) => (this.periodKind = v))}
          ${this.select('f-stacking', 'rebate.stacking', this.stacking, ['exclusive', 'with_rebates', 'with_all'] as const, (v) => (this.stacking = v))}
        </div>
        <div class="row">
          ${this.input('families', 'rebate.families', 'rebate.listHint')}
          ${this.input('productIds', 'rebate.productIds', 'rebate.listHint')} ${this.input('excludedFamilies', 'rebate.excludedFamilies')}
          ${this.input('excludedProductIds', 'rebate.excludedProductIds')} ${this.input('cap', 'rebate.cap')}
        </div>
        ${this.kindFields()}
        <div role="alert">
          ${
            this.problems.length
              ? html`<ul class="problems" part="problems">
                  ${this.problems.map((p) => html`<li>${p.field}: ${p.message}</li>`)}
                </ul>`
              : nothing
          }
        </div>
        <div class="row">
          <button class="brand" part="save" type="submit" ?disabled=${this.busy || this.programId === null}>
            ${this.t('rebate.save')}
          </button>
        </div>
      </form>
      <form class="what-if" part="what-if" @submit=${this.whatIf} aria-labelledby="what-if-title">
        <h3 id="what-if-title">${this.t('rebate.whatIf')}</h3>
        <div class="row">
          ${
            this.distributors.length
              ? html`<div class="field">
                  <label for="w-distributor">${this.t('rebate.distributor')}</label>
                  <select
                    id="w-distributor"
                    @change=${(e: Event) => (this.more = { ...this.more, distributorId: Number((e.target as HTMLSelectElement).value) })}
                  >
                    ${this.distributors.map((x) => html`<option value=${x.id} ?selected=${x.id === this.more.distributorId}>${x.name}</option>`)}
                  </select>
                </div>`
              : nothing
          }
          <div class="field">
            <label for="w-product">${this.t('rebate.product')}</label>
            <select
              id="w-product"
              @change=${(e: Event) => (this.more = { ...this.more, productId: Number((e.target as HTMLSelectElement).value) })}
            >
              ${this.products.map((x) => html`<option value=${x.id} ?selected=${x.id === this.more.productId}>${x.name}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="w-quantity">${this.t('rebate.moreUnits')}</label>
            <input
              id="w-quantity"
              inputmode="numeric"
              .value=${this.more.quantity}
              @input=${(e: Event) => (this.more = { ...this.more, quantity: (e.target as HTMLInputElement).value })}
            />
          </div>
          <button type="submit" ?disabled=${!this.saved}>${this.t('rebate.preview')}</button>
        </div>
        ${!this.saved ? html`<small>${this.t('rebate.saveFirst')}</small>` : nothing}
        <div role="status">
          ${this.preview ? html`<p class="answer" part="answer">${this.answer(this.preview)}</p>` : nothing}
          ${this.previewError ? html`<p class="problems">${this.previewError}</p>` : nothing}
        </div>
      </form>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-rebate-builder': BecRebateBuilder;
  }
}
