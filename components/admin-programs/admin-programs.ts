import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PROGRAM_TYPES, type ProgramType } from '../../core/domain.js';
import { checkProgramDefinition, PROGRAM_LIST_FIELDS } from '../../core/programs/definition.js';
import { ApiError, type ApiAnswer, type Program } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { formatDate, formatUnitPrice, parseAmount } from '../shared/format.js';
import { codeLabel, msg, type MessageKey } from '../shared/i18n.js';
// The administration's messages (not in dist/bec.js).
import '../shared/i18n-admin.js';
import { renderViewState, showsContent, stateStyles, ViewStateController } from '../shared/states.js';
import { tableHostStyles, tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens } from '../shared/theme.js';
import { adminProgramsStyles } from './admin-programs.styles.js';

export type ProgramVersion = ApiAnswer<'getProgramsByIdVersions'>['items'][number];

/** Problems by input: a list position (`productIds.1`) shows on its list's input. */
function byInput(errors: readonly { field: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const input = e.field.split('.')[0]!;
    out[input] = out[input] ? `${out[input]}; ${e.message}` : e.message;
  }
  return out;
}

/** The builder's fields as typed (text), one per input. */
interface Draft {
  code: string;
  name: string;
  type: ProgramType;
  status: 'active' | 'inactive';
  startDate: string;
  endDate: string;
  productIds: string;
  productFamilies: string;
  distributorIds: string;
  endCustomerIds: string;
  endCustomerCountries: string;
  quantityCap: string;
  priceFloor: string;
  requiredClaimFields: string;
  claimFilingWindowDays: string;
}

/** The fields a change may carry (code and type are fixed once a program exists). */
const RULE_FIELDS = [
  'name',
  'status',
  'startDate',
  'endDate',
  'productIds',
  'productFamilies',
  'distributorIds',
  'endCustomerIds',
  'endCustomerCountries',
  'quantityCap',
  'priceFloor',
  'requiredClaimFields',
  'claimFilingWindowDays',
] as const;
type RuleField = (typeof RULE_FIELDS)[number];
type Rules = Pick<Program, RuleField>;

const LABEL: Record<keyof Draft, MessageKey> = {
  code: 'programs.code',
  name: 'programs.name',
  type: 'programs.type',
  status: 'programs.status',
  startDate: 'programs.startDate',
  endDate: 'programs.endDate',
  productIds: 'programs.productIds',
  productFamilies: 'programs.productFamilies',
  distributorIds: 'programs.distributorIds',
  endCustomerIds: 'programs.endCustomerIds',
  endCustomerCountries: 'programs.endCustomerCountries',
  quantityCap: 'programs.quantityCap',
  priceFloor: 'programs.priceFloor',
  requiredClaimFields: 'programs.requiredClaimFields',
  claimFilingWindowDays: 'programs.claimFilingWindowDays',
};
const LIST_FIELDS = new Set<keyof Draft>(PROGRAM_LIST_FIELDS);

const items = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const emptyDraft = (): Draft => ({
  code: '',
  name: '',
  type: 'ship_and_debit',
  status: 'active',
  startDate: '',
  endDate: '',
  productIds: '',
  productFamilies: '',
  distributorIds: '',
  endCustomerIds: '',
  endCustomerCountries: '',
  quantityCap: '',
  priceFloor: '',
  requiredClaimFields: '',
  claimFilingWindowDays: '',
});
const draftOf = (p: Program): Draft => ({
  code: p.code,
  name: p.name,
  type: p.type,
  status: p.status,
  startDate: p.startDate,
  endDate: p.endDate,
  productIds: p.productIds.join(', '),
  productFamilies: p.productFamilies.join(', '),
  distributorIds: p.distributorIds.join(', '),
  endCustomerIds: p.endCustomerIds.join(', '),
  endCustomerCountries: p.endCustomerCountries.join(', '),
  quantityCap: p.quantityCap === null ? '' : String(p.quantityCap),
  priceFloor: p.priceFloor ?? '',
  requiredClaimFields: p.requiredClaimFields.join(', '),
  claimFilingWindowDays: p.claimFilingWindowDays === null ? '' : String(p.claimFilingWindowDays),
});

/**
 * The program builder for vendor admins and channel managers: the programs with their version,
 * a form to create one or change one (type, code, products or families, distributors, end
 * customers and their countries, price floor, quantity cap per line, required claim fields,
 * validity, claim filing window), and each program's versions. The form checks a definition with
 * the server's own rules (core/programs/definition.ts) before sending, and shows the server's
 * field errors in place. A change to a program that requests or authorizations use becomes a new
 * version, effective now: the element says so.
 *
 * @summary Program builder: list, create and change programs, and read their versions.
 *
 * @fires {CustomEvent<BecEventDetails['becprogramsave']>} becprogramsave - A program was created or changed: `{ program, created }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart loading - Shown while the programs load.
 * @csspart empty - Shown when there is no program.
 * @csspart error - A failed load, its detail and a Retry button.
 * @csspart offline - Shown when the browser is offline, with a Retry button.
 * @csspart retry - The Retry button.
 * @csspart list - The table of programs.
 * @csspart row - One program.
 * @csspart form - The builder form.
 * @csspart errors - The form's error summary.
 * @csspart message - What the last save did.
 * @csspart versions - A program's versions.
 *
 * @cssproperty --bec-color-brand - Accent colour of the buttons.
 */
@customElement('bec-admin-programs')
export class BecAdminPrograms extends BecElement {
  static override styles = [themeTokens, controls, stateStyles, tableStyles, tableHostStyles, adminProgramsStyles];

  /** The programs (loaded from the API when `api-base` is set). */
  @property({ attribute: false }) programs: Program[] = [];

  /** The program being changed; null while creating one; undefined when the form is closed. */
  @state() private editing: number | null | undefined = undefined;
  @state() private draft: Draft = emptyDraft();
  @state() private errors: Record<string, string> = {};
  @state() private saving = false;
  @state() private message = '';
  @state() private versionsOf: number | null = null;
  @state() private versions: ProgramVersion[] = [];
  private readonly view = new ViewStateController(this, (err) => this.failed(err));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api) void this.load();
  }

  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    await this.view.track(async () => {
      this.programs = await api.programs();
    });
  }

  private t(key: MessageKey, params: Record<string, string | number> = {}) {
    return msg(this.locale, key, params);
  }

  /** The draft as the API's rules, or the fields that could not be read (ids that are not numbers). */
  private rulesOf(d: Draft): { rules: Rules & { code: string; type: ProgramType }; unreadable: Record<string, string> } {
    const unreadable: Record<string, string> = {};
    const ids = (field: 'productIds' | 'distributorIds' | 'endCustomerIds') => {
      const list = items(d[field]);
      if (list.some((x) => !/^\d+$/.test(x))) unreadable[field] = this.t('programs.notIds');
      return list.filter((x) => /^\d+$/.test(x)).map(Number);
    };
    const whole = (field: 'quantityCap' | 'claimFilingWindowDays') => {
      const text = d[field].trim();
      if (!text) return null;
      if (!/^\d+$/.test(text)) unreadable[field] = this.t('programs.notWhole');
      return Number(text.replace(/\D/g, '') || NaN);
    };
    const floorText = d.priceFloor.trim();
    const floor = floorText ? (parseAmount(floorText, this.locale) ?? floorText) : null;
    return {
      rules: {
        code: d.code.trim(),
        type: d.type,
        name: d.name.trim(),
        status: d.status,
        startDate: d.startDate,
        endDate: d.endDate,
        productIds: ids('productIds'),
        productFamilies: items(d.productFamilies),
        distributorIds: ids('distributorIds'),
        endCustomerIds: ids('endCustomerIds'),
        endCustomerCountries: items(d.endCustomerCountries).map((c) => c.toUpperCase()),
        quantityCap: whole('quantityCap'),
        priceFloor: floor,
        requiredClaimFields: items(d.requiredClaimFields),
        claimFilingWindowDays: whole('claimFilingWindowDays'),
      },
      unreadable,
    };
  }

  private openNew() {
    this.editing = null;
    this.draft = emptyDraft();
    this.errors = {};
    this.message = '';
  }

  private openEdit(p: Program) {
    this.editing = p.id;
    this.draft = draftOf(p);
    this.errors = {};
    this.message = '';
  }

  private close() {
    this.editing = undefined;
    this.errors = {};
  }

  private async showVersions(p: Program) {
    this.versionsOf = p.id;
    this.versions = [];
    const api = this.api;
    if (!api) return;
    try {
      const answer = await api.request<ApiAnswer<'getProgramsByIdVersions'>>('GET', `/api/programs/${p.id}/versions`);
      this.versions = answer.items;
    } catch (err) {
      this.message = this.failed(err);
    }
  }

  private onInput(e: Event) {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    if (!input.name) return;
    this.draft = { ...this.draft, [input.name]: input.value };
  }

  private async save(e: Event) {
    e.preventDefault();
    const { rules, unreadable } = this.rulesOf(this.draft);
    const problems = { ...byInput(checkProgramDefinition(rules)), ...unreadable };
    this.errors = problems;
    this.message = '';
    if (Object.keys(problems).length) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const before = this.editing === null || this.editing === undefined ? null : this.programs.find((p) => p.id === this.editing)!;
    const body: Partial<Rules & { code: string; type: ProgramType }> = before ? {} : rules;
    if (before)
      for (const f of RULE_FIELDS) if (JSON.stringify(rules[f]) !== JSON.stringify(before[f])) Object.assign(body, { [f]: rules[f] });
    if (before && !Object.keys(body).length) {
      this.message = this.t('programs.unchanged');
      return;
    }
    const api = this.api;
    if (!api) {
      // No server: the host page gets the definition to send.
      this.emit('becprogramsave', { program: { ...(before ?? { id: 0, version: 1 }), ...rules } as Program, created: !before });
      return;
    }
    this.saving = true;
    try {
      const saved = before
        ? await api.request<ApiAnswer<'patchProgramsById'>>('PATCH', `/api/programs/${before.id}`, body)
        : await api.request<ApiAnswer<'postPrograms', 201>>('POST', '/api/programs', body);
      this.programs = before ? this.programs.map((p) => (p.id === saved.id ? saved : p)) : [...this.programs, saved];
      this.message = !before
        ? this.t('programs.created', { code: saved.code })
        : saved.version > before.version
          ? this.t('programs.newVersion', { code: saved.code, version: saved.version })
          : this.t('programs.saved', { code: saved.code });
      this.editing = undefined;
      if (this.versionsOf === saved.id) void this.showVersions(saved);
      this.emit('becprogramsave', { program: saved, created: !before });
    } catch (err) {
      const detail = this.failed(err);
      const fields = err instanceof ApiError ? err.errors : [];
      this.errors = fields.length ? byInput(fields) : { form: detail || this.t('programs.failed') };
    } finally {
      this.saving = false;
    }
  }

  private field(name: keyof Draft, input: unknown, hint?: string) {
    const error = this.errors[name];
    return html`<div class="field" ?data-invalid=${!!error}>
      <label for=${name}>${this.t(LABEL[name])}</label>
      ${input} ${hint ? html`<div class="hint" id="hint-${name}">${hint}</div>` : nothing}
      ${error ? html`<div class="field-error" id="err-${name}">${error}</div>` : nothing}
    </div>`;
  }

  private text(name: keyof Draft, type = 'text', extra: { disabled?: boolean; inputmode?: string } = {}) {
    const error = this.errors[name];
    const hint = LIST_FIELDS.has(name) ? `hint-${name}` : '';
    const described = [hint, error ? `err-${name}` : ''].filter(Boolean).join(' ');
    return this.field(
      name,
      html`<input
        id=${name}
        name=${name}
        type=${type}
        .value=${this.draft[name]}
        ?disabled=${extra.disabled ?? false}
        inputmode=${extra.inputmode ?? nothing}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
      />`,
      LIST_FIELDS.has(name) ? this.t('programs.listHint') : undefined,
    );
  }

  private renderForm() {
    if (this.editing === undefined) return nothing;
    const existing = this.editing !== null;
    const errorList = Object.entries(this.errors);
    return html`<form part="form" novalidate @input=${this.onInput} @change=${this.onInput} @submit=${this.save}>
      <h3>${existing ? this.t('programs.editTitle', { code: this.draft.code }) : this.t('programs.new')}</h3>
      ${
        errorList.length
          ? html`<div class="alert errors" part="errors" role="alert">
              <strong>${this.t('programs.fixErrors')}</strong>
              <ul>
                ${errorList.map(([f, m]) => html`<li>${f in LABEL ? this.t(LABEL[f as keyof Draft]) : ''}${f in LABEL ? ': ' : ''}${m}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      <fieldset ?disabled=${this.saving}>
        <legend>${this.t('programs.offer')}</legend>
        <div class="grid">
          ${this.text('code', 'text', { disabled: existing })} ${this.text('name')}
          ${this.field(
            'type',
            html`<select id="type" name="type" ?disabled=${existing}>
              ${PROGRAM_TYPES.map((t) => html`<option value=${t} ?selected=${t === this.draft.type}>${codeLabel(this.locale, 'programType', t)}</option>`)}
            </select>`,
          )}
          ${this.field(
            'status',
            html`<select id="status" name="status">
              ${(['active', 'inactive'] as const).map(
                (s) => html`<option value=${s} ?selected=${s === this.draft.status}>${this.t(`programs.${s}`)}</option>`,
              )}
            </select>`,
          )}
          ${this.text('startDate', 'date')} ${this.text('endDate', 'date')}
        </div>
      </fieldset>
      <fieldset ?disabled=${this.saving}>
        <legend>${this.t('programs.eligibility')}</legend>
        <div class="grid">
          ${this.text('productIds')} ${this.text('productFamilies')} ${this.text('distributorIds')} ${this.text('endCustomerIds')}
          ${this.text('endCustomerCountries')}
        </div>
      </fieldset>
      <fieldset ?disabled=${this.saving}>
        <legend>${this.t('programs.limits')}</legend>
        <div class="grid">
          ${this.text('priceFloor', 'text', { inputmode: 'decimal' })} ${this.text('quantityCap', 'text', { inputmode: 'numeric' })}
          ${this.text('requiredClaimFields')} ${this.text('claimFilingWindowDays', 'text', { inputmode: 'numeric' })}
        </div>
      </fieldset>
      <div class="buttons">
        <button type="button" class="neutral" @click=${this.close}>${this.t('programs.cancel')}</button>
        <button type="submit" ?disabled=${this.saving}>${existing ? this.t('programs.saveChanges') : this.t('programs.create')}</button>
      </div>
    </form>`;
  }

  private renderVersions() {
    if (this.versionsOf === null) return nothing;
    const program = this.programs.find((p) => p.id === this.versionsOf);
    return html`<section class="versions" part="versions" aria-labelledby="versions-title">
      <h3 id="versions-title">${this.t('programs.versionsOf', { code: program?.code ?? '' })}</h3>
      <ol>
        ${this.versions.map(
          (v) =>
            html`<li>
              <strong>${this.t('programs.versionN', { version: v.version })}</strong>
              · ${v.effectiveTo === null ? this.t('programs.inForce') : ''}
              ${this.t('programs.fromTo', {
                from: formatDate(v.effectiveFrom, this.locale),
                to: v.effectiveTo ? formatDate(v.effectiveTo, this.locale) : '—',
              })}
              <div class="hint">${this.summary(v.program)}</div>
            </li>`,
        )}
      </ol>
      <button type="button" class="neutral" @click=${() => (this.versionsOf = null)}>${this.t('programs.close')}</button>
    </section>`;
  }

  /** One line of a version's rules, in words. */
  private summary(p: Program) {
    const none = this.t('programs.none');
    return [
      `${p.startDate} – ${p.endDate}`,
      `${this.t('programs.priceFloor')}: ${p.priceFloor ? formatUnitPrice(p.priceFloor, this.currency, this.locale) : none}`,
      `${this.t('programs.quantityCap')}: ${p.quantityCap ?? none}`,
      `${this.t('programs.claimFilingWindowDays')}: ${p.claimFilingWindowDays ?? none}`,
      `${this.t('programs.requiredClaimFields')}: ${p.requiredClaimFields.join(', ') || none}`,
    ].join(' · ');
  }

  override render() {
    const empty = this.programs.length === 0;
    return html`<div class="card" part="base">
      <div class="card-header"><h2>${this.t('programs.title')}</h2></div>
      ${this.renderWaiting()}
      ${renderViewState(this.view, {
        empty,
        emptyText: this.t('programs.empty'),
        locale: this.locale,
        hasContent: !empty,
        waiting: this.waitingForCredentials,
      })}
      <div class="toolbar">
        <button type="button" @click=${this.openNew}>${this.t('programs.new')}</button>
        ${this.message ? html`<span part="message" role="status">${this.message}</span>` : nothing}
      </div>
      ${
        showsContent(this.view, empty)
          ? html`<div class="list">
              <table part="list">
                <caption class="sr-only">
                  ${this.t('programs.title')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${this.t('programs.code')}</th>
                    <th scope="col">${this.t('programs.name')}</th>
                    <th scope="col">${this.t('programs.type')}</th>
                    <th scope="col">${this.t('programs.version')}</th>
                    <th scope="col">${this.t('programs.validity')}</th>
                    <th scope="col"><span class="sr-only">${this.t('programs.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${this.programs.map(
                    (p) =>
                      html`<tr part="row" aria-current=${this.editing === p.id ? 'true' : 'false'}>
                        <td>${p.code}</td>
                        <td>
                          ${p.name}${p.status === 'inactive' ? html` <span class="badge">${this.t('programs.inactive')}</span>` : nothing}
                        </td>
                        <td>${codeLabel(this.locale, 'programType', p.type)}</td>
                        <td>${p.version}</td>
                        <td>${p.startDate} – ${p.endDate}</td>
                        <td class="actions">
                          <button type="button" class="neutral" @click=${() => this.openEdit(p)}>
                            ${this.t('programs.edit')}<span class="sr-only"> ${p.code}</span>
                          </button>
                          <button type="button" class="neutral" @click=${() => this.showVersions(p)}>
                            ${this.t('programs.versions')}<span class="sr-only"> ${p.code}</span>
                          </button>
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
      ${this.renderForm()} ${this.renderVersions()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-admin-programs': BecAdminPrograms;
  }
}
