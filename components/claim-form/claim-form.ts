import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_REQUIRED_POS_FIELDS, POS_FIELD_TABLE, posFieldLabel, type PosField, type PosLine } from '../../core/pos/index.js';
import type { AuthorizationLineFact } from '../../core/claims/engine.js';
import { ApiError, newIdempotencyKey, type Claim, type Schemas } from '../shared/api.js';
import { BecFormControl, type FormControlProblem } from '../shared/form-control.js';
import { formatMoney, formatNumber } from '../shared/format.js';
import { msg, msgCount } from '../shared/i18n.js';
import { problemOf, renderEmpty, renderLoading, renderProblem, type Problem } from '../shared/states.js';
import { controls, themeTokens } from '../shared/theme.js';
import { preflightPosRows, type PreflightResult } from '../claim-upload/claim-upload.js';
import { loadAuthorizationFacts } from '../claim-upload/authorization-facts.js';
import { claimFormStyles } from './claim-form.styles.js';

/** The fields of a claim line the form asks for: POS fields (core/pos/fields.ts), in the order one fills them. */
export const CLAIM_FORM_FIELDS = [
  'authorizationNumber',
  'vendorPartNumber',
  'quantity',
  'invoiceNumber',
  'invoiceLine',
  'invoiceDate',
  'endCustomerName',
  'bookCost',
  'authorizedCost',
  'claimedAmount',
] as const satisfies readonly PosField[];
type FormField = (typeof CLAIM_FORM_FIELDS)[number];
type LineValues = Record<FormField, string>;

/** What `POST /api/claims` requires of a line besides a part number (the parser always requires one). */
const REQUIRED: readonly PosField[] = [...DEFAULT_REQUIRED_POS_FIELDS, 'authorizationNumber', 'bookCost'];
const MAX_LINES = 20;

const emptyLine = (): LineValues => Object.fromEntries(CLAIM_FORM_FIELDS.map((f) => [f, ''])) as LineValues;

/** The locale's decimal mark: what a typed amount is read with ("3,05" in German, "3.05" in English). */
export function decimalMarkOf(locale: string): '.' | ',' {
  const part = new Intl.NumberFormat(locale || undefined).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/** A parsed line as `POST /api/claims` takes it (money as exact decimal strings, dates ISO); absent fields left out. */
function claimLineBody(l: PosLine): ClaimLineBody {
  const body: Record<string, string | number> = {};
  for (const f of CLAIM_FORM_FIELDS) {
    const v = l[f];
    if (v !== null && v !== undefined && v !== '') body[f] = v;
  }
  // the fields the form has are claim-line fields by name (CLAIM_FORM_FIELDS); the server checks the rest
  return body as unknown as ClaimLineBody;
}
type ClaimLineBody = Schemas['ClaimInput']['lines'][number];

/**
 * A claim of a few lines, typed in. Each line is checked as it is typed by the same preflight the
 * file upload runs (the one POS parser of core/pos and the rules engine against the distributor's
 * authorizations); the claim is sent to `POST /api/claims` and submitted, and the server's field
 * errors (problem+json `errors[]`) are shown on their fields.
 * Form-associated (ElementInternals), as a native control: inside a `<form>` its value (the claim
 * as `POST /api/claims` takes it, JSON) is in the form's FormData under `name`; `required` makes an
 * empty claim fail the form's `checkValidity()`; a field that does not read makes it invalid;
 * `disabled` (or a disabled fieldset) disables it; form reset clears it and the browser restores a
 * draft.
 *
 * @summary Claim form: a few claim lines, checked as typed, submitted to the claims API.
 *
 * @fires {CustomEvent<BecEventDetails['becclaimscreated']>} becclaimscreated - The claim was created: `{ claims: [{ id, number }], importId: null }`; refresh claim lists.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials.
 * @csspart line - One claim line's fieldset.
 * @csspart summary - The preflight's counts (announced politely).
 * @csspart loading - Shown while the authorizations load or the claim is sent.
 * @csspart empty - No active authorization to check the lines against.
 * @csspart result - The claim created, linked.
 * @csspart error - A failed call: the problem's detail and Retry.
 * @csspart offline - The server could not be reached: Retry.
 */
@customElement('bec-claim-form')
export class BecClaimForm extends BecFormControl {
  static override styles = [themeTokens, controls, claimFormStyles];

  /** The distributor's authorization lines the lines are checked against; fetched through `api-base` when not given. */
  @property({ attribute: false }) authorizations: AuthorizationLineFact[] | null = null;
  /** Where the created claim links to: `{id}` and `{number}` are replaced. */
  @property({ attribute: 'claim-href' }) claimHref = '#claim-{id}';

  @state() private lines: LineValues[] = [emptyLine()];
  @state() private debitMemoNumber = '';
  @state() private preflight: PreflightResult | null = null;
  @state() private touched = new Set<string>();
  @state() private submitted = false;
  @state() private serverErrors = new Map<string, string>();
  @state() private sending = false;
  @state() private loadingFacts = false;
  @state() private problem: Problem | null = null;
  @state() private created: Claim | null = null;
  @state() private announcement = '';
  private parsed: PosLine[] = [];
  private idempotencyKey: string | null = null;
  private announceTimer = 0;
  private checkSeq = 0;

  constructor() {
    super();
    this.name = 'claim';
  }

  /** Nothing typed yet: no debit memo number, every line blank. */
  get isEmpty(): boolean {
    return !this.debitMemoNumber.trim() && this.lines.every((l) => CLAIM_FORM_FIELDS.every((f) => !l[f].trim()));
  }
  /** The claim as `POST /api/claims` takes it, from the lines that read. */
  get value(): Schemas['ClaimInput'] {
    return { debitMemoNumber: this.debitMemoNumber.trim() || null, submit: true, lines: this.parsed.map(claimLineBody) };
  }
  protected override formValue(): string {
    return JSON.stringify(this.value);
  }
  protected override formDraft(): string {
    return JSON.stringify({ debitMemoNumber: this.debitMemoNumber, lines: this.lines });
  }
  protected override formProblem(): FormControlProblem | null {
    const first = this.readErrors()[0];
    if (!first) return this.parsed.length ? null : { message: msg(this.locale, 'claimForm.typeFirst') };
    const anchor = this.renderRoot.querySelector<HTMLElement>(`#l${first.row}-${first.field}`) ?? undefined;
    return { message: first.message, anchor };
  }
  protected override requiredAnchor(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('#l1-authorizationNumber') ?? undefined;
  }
  protected override showFormProblems(): void {
    this.submitted = true;
    const first = this.readErrors()[0];
    void this.updateComplete.then(() => this.focusField(first?.row ?? 1, first?.field ?? 'authorizationNumber'));
  }
  /** Clears the lines, the debit memo number and the messages. */
  override reset(): void {
    this.lines = [emptyLine()];
    this.debitMemoNumber = '';
    this.submitted = false;
    this.touched = new Set();
    this.serverErrors = new Map();
    this.created = null;
    this.idempotencyKey = null;
    void this.check();
  }
  protected override restoreDraft(state: string): void {
    let draft: { debitMemoNumber?: string; lines?: Partial<LineValues>[] };
    try {
      draft = JSON.parse(state);
    } catch {
      return;
    }
    if (typeof draft.debitMemoNumber === 'string') this.debitMemoNumber = draft.debitMemoNumber;
    if (Array.isArray(draft.lines) && draft.lines.length)
      this.lines = draft.lines.slice(0, MAX_LINES).map((l) => ({ ...emptyLine(), ...l }));
    void this.check();
  }

  /** The preflight's problems that are fields that do not read (not the rules' verdicts, which the server decides). */
  private readErrors() {
    return (this.preflight?.errors ?? []).filter((e) => !this.isRuleProblem(e.row, e.field));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.api && !this.authorizations) void this.load();
    if (changed.has('authorizations') || changed.has('locale')) void this.check();
  }

  /** Loads the distributor's authorizations for the preflight. */
  override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.loadingFacts = true;
    this.problem = null;
    try {
      this.authorizations = await loadAuthorizationFacts(api);
    } catch (err) {
      this.show(err, 'Loading your authorizations', () => void this.load());
    } finally {
      this.loadingFacts = false;
    }
  }

  /** Shows a failed call (error or offline, with Retry); a 401 is the waiting state instead. */
  private show(err: unknown, what: string, retry: () => void) {
    const detail = this.failed(err);
    this.problem = this.waitingForCredentials ? null : problemOf(err, detail, what, retry);
  }

  /** Runs the preflight over the typed lines (what typing does). */
  async check(): Promise<PreflightResult> {
    // Checks overlap as one types; only the latest one's result is shown.
    const seq = ++this.checkSeq;
    const parsed: PosLine[] = [];
    const result = await preflightPosRows(
      this.lines,
      { required: REQUIRED, decimalMark: decimalMarkOf(this.locale) },
      this.authorizations?.length ? this.authorizations : null,
      parsed,
      { locale: this.locale, currency: this.currency },
    );
    if (seq !== this.checkSeq) return result;
    this.parsed = parsed;
    this.preflight = result;
    clearTimeout(this.announceTimer);
    this.announceTimer = window.setTimeout(() => (this.announcement = this.summary()), 400);
    return result;
  }

  private summary(): string {
    const p = this.preflight;
    if (!p || !p.rows) return '';
    const n = (v: number) => formatNumber(v, this.locale);
    return msgCount(this.locale, 'claimForm.summary', p.rows, {
      rows: n(p.rows),
      ready: n(p.ready),
      rules: n(p.valid - p.ready),
      problems: n(p.rows - p.valid),
    });
  }

  private key(row: number, field: string) {
    return `${row}:${field}`;
  }

  /** The message to show on a field: the server's, else the preflight's once the field was touched or the form sent. */
  private errorOf(row: number, field: FormField): string {
    const k = this.key(row, field);
    const server = this.serverErrors.get(k);
    if (server) return server;
    if (!this.submitted && !this.touched.has(k)) return '';
    const own = this.preflight?.errors.filter((e) => e.row === row && e.field === field) ?? [];
    // a missing part number is reported by the parser on the vendor part column
    return own.map((e) => e.message).join(' ');
  }

  private onInput(i: number, field: FormField, value: string) {
    this.lines = this.lines.map((l, j) => (j === i ? { ...l, [field]: value } : l));
    this.serverErrors.delete(this.key(i + 1, field));
    this.idempotencyKey = null; // a changed claim is a new submission
    this.created = null;
    void this.check();
  }

  private touch(i: number, field: FormField) {
    const k = this.key(i + 1, field);
    if (!this.touched.has(k)) this.touched = new Set(this.touched).add(k);
  }

  private addLine() {
    if (this.lines.length >= MAX_LINES) return;
    this.lines = [...this.lines, emptyLine()];
    void this.updateComplete.then(() => this.focusField(this.lines.length, 'authorizationNumber'));
  }

  private removeLine(i: number) {
    this.lines = this.lines.filter((_, j) => j !== i);
    if (!this.lines.length) this.lines = [emptyLine()];
    this.serverErrors = new Map();
    void this.check();
  }

  private focusField(row: number, field: string) {
    this.renderRoot.querySelector<HTMLInputElement>(`#l${row}-${field}`)?.focus();
  }

  /** Sends the claim (`POST /api/claims`, submitted at once) when the typed lines read. */
  async submit(): Promise<Claim | null> {
    this.submitted = true;
    const p = await this.check();
    const readErrors = p.errors.filter((e) => !this.isRuleProblem(e.row, e.field));
    if (this.isDisabled) return null;
    if (!this.parsed.length || readErrors.length) {
      const first = readErrors[0];
      this.announcement = first ? msgCount(this.locale, 'claimForm.fix', readErrors.length) : msg(this.locale, 'claimForm.typeFirst');
      await this.updateComplete;
      this.focusField(first?.row ?? 1, first?.field ?? 'authorizationNumber');
      return null;
    }
    const api = this.api;
    if (!api) return null;
    const sent = this.parsed.map((l) => l.row);
    this.idempotencyKey ??= newIdempotencyKey();
    this.sending = true;
    this.problem = null;
    this.serverErrors = new Map();
    try {
      const claim = await api.createClaim(this.value, this.idempotencyKey);
      this.created = claim;
      this.idempotencyKey = null;
      this.lines = [emptyLine()];
      this.debitMemoNumber = '';
      this.submitted = false;
      this.touched = new Set();
      await this.check();
      this.announcement = msg(this.locale, 'claimForm.submitted', { number: claim.number });
      this.emit('becclaimscreated', { claims: [{ id: claim.id, number: claim.number }], importId: null });
      return claim;
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        // `lines.0.bookCost` names the first line sent: the form's row it came from.
        const byField = new Map<string, string>();
        let unplaced = '';
        for (const e of err.errors) {
          const m = /^lines\.(\d+)\.(\w+)/.exec(e.field);
          const row = m ? sent[Number(m[1])] : undefined;
          if (m && row !== undefined && (CLAIM_FORM_FIELDS as readonly string[]).includes(m[2]!))
            byField.set(this.key(row, m[2]!), e.message);
          else if (e.field === 'debitMemoNumber') byField.set('memo', e.message);
          else unplaced += `${e.field}: ${e.message}. `;
        }
        this.serverErrors = byField;
        this.failed(err);
        this.problem = unplaced ? { offline: false, detail: unplaced.trim(), code: err.code, what: 'Sending the claim' } : null;
        this.announcement = msgCount(this.locale, 'claimForm.serverFound', err.errors.length);
        await this.updateComplete;
        const [firstKey] = byField.keys();
        if (firstKey === 'memo') this.focusField(0, 'memo');
        else if (firstKey) this.focusField(Number(firstKey.split(':')[0]), firstKey.split(':')[1]!);
      } else this.show(err, 'Sending the claim', () => void this.submit());
      return null;
    } finally {
      this.sending = false;
    }
  }

  /** True when the preflight's error at (row, field) is the rules engine's verdict (the server decides those), not a field that does not read. */
  private isRuleProblem(row: number, field: string | undefined) {
    return !!this.preflight?.errors.some((e) => e.row === row && e.field === field && e.verdict);
  }

  private renderField(i: number, field: FormField) {
    const row = i + 1;
    const id = `l${row}-${field}`;
    const spec = POS_FIELD_TABLE[field];
    const error = this.errorOf(row, field);
    const required = REQUIRED.includes(field) || field === 'vendorPartNumber';
    const numeric = spec.kind === 'money' || spec.kind === 'quantity';
    return html`<div class="field" ?data-invalid=${!!error}>
      <label for=${id}>${posFieldLabel(field)}${required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
      <input
        id=${id}
        name=${field}
        type=${spec.kind === 'date' ? 'date' : 'text'}
        inputmode=${spec.kind === 'money' ? 'decimal' : spec.kind === 'quantity' ? 'numeric' : 'text'}
        maxlength=${'maxLength' in spec ? spec.maxLength : 32}
        autocomplete="off"
        class=${numeric ? 'num' : ''}
        ?required=${required}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        .value=${this.lines[i]![field]}
        @input=${(e: Event) => this.onInput(i, field, (e.target as HTMLInputElement).value)}
        @blur=${() => this.touch(i, field)}
      />
      ${error ? html`<div class="field-error" id="${id}-error">${error}</div>` : nothing}
    </div>`;
  }

  private renderLine(i: number) {
    const row = i + 1;
    const p = this.preflight;
    const blank = CLAIM_FORM_FIELDS.every((f) => !this.lines[i]![f].trim());
    const errors = p?.errors.filter((e) => e.row === row) ?? [];
    const rule = errors.find((e) => this.isRuleProblem(e.row, e.field));
    const status = blank ? null : errors.length === 0 ? 'ready' : rule && errors.length === 1 ? 'rules' : 'problems';
    const badge = {
      ready: ['success', msg(this.locale, 'claimForm.ready')],
      rules: ['warning', msg(this.locale, 'claimForm.rules')],
      problems: ['error', msg(this.locale, 'claimForm.toFix')],
    } as const;
    return html`<fieldset class="line" part="line">
      <legend>
        ${msg(this.locale, 'claimForm.line', { row })}
        ${status ? html`<span class="badge" data-tone=${badge[status][0]}>${badge[status][1]}</span>` : nothing}
      </legend>
      <div class="fields">${CLAIM_FORM_FIELDS.map((f) => this.renderField(i, f))}</div>
      ${rule && (this.submitted || this.touched.size) ? html`<p class="verdict">${rule.message}</p>` : nothing}
      ${
        this.lines.length > 1
          ? html`<div class="line-actions">
              <button type="button" class="destructive" @click=${() => this.removeLine(i)}>
                ${msg(this.locale, 'claimForm.remove', { row })}
              </button>
            </div>`
          : nothing
      }
    </fieldset>`;
  }

  private renderCreated(c: Claim) {
    const lines = c.lines ?? [];
    const count = (v: string) => lines.filter((l) => l.verdict === v).length;
    const href = this.claimHref.replaceAll('{id}', String(c.id)).replaceAll('{number}', encodeURIComponent(c.number));
    return html`<div class="alert" data-tone="success" part="result">
      Claim <a href=${href}>${c.number}</a> ${c.status}: ${formatMoney(c.approvedTotal, c.currency, this.locale)} approved of
      ${formatMoney(c.claimedTotal, c.currency, this.locale)}
      claimed${lines.length ? ` · ${count('accepted')} accepted, ${count('partial')} partly, ${count('rejected')} rejected` : ''}.
    </div>`;
  }

  override render() {
    const p = this.preflight;
    const memoError = this.serverErrors.get('memo');
    const n = this.parsed.length;
    return html`<div class="card" part="base">
      <div class="card-header"><h2>${msg(this.locale, 'claimForm.title')}</h2></div>
      ${this.renderWaiting()}
      <form
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.submit();
        }}
      >
        <fieldset class="whole" ?disabled=${this.isDisabled}>
          ${this.loadingFacts ? renderLoading(msg(this.locale, 'claimForm.loadingAuths')) : nothing}
          ${
            this.authorizations && !this.authorizations.length && !this.loadingFacts
              ? renderEmpty(msg(this.locale, 'claimForm.noAuths'))
              : nothing
          }
          <div class="field memo" ?data-invalid=${!!memoError}>
            <label for="l0-memo">${msg(this.locale, 'claimForm.memo')}</label>
            <input
              id="l0-memo"
              name="debitMemoNumber"
              maxlength="64"
              autocomplete="off"
              aria-invalid=${memoError ? 'true' : 'false'}
              aria-describedby=${memoError ? 'memo-error' : nothing}
              .value=${this.debitMemoNumber}
              @input=${(e: Event) => {
                this.debitMemoNumber = (e.target as HTMLInputElement).value;
                this.serverErrors.delete('memo');
                this.idempotencyKey = null;
              }}
            />
            ${memoError ? html`<div class="field-error" id="memo-error">${memoError}</div>` : nothing}
          </div>
          <p class="muted hint">
            ${msg(this.locale, 'claimForm.hint', { authorizedCost: posFieldLabel('authorizedCost'), claimedAmount: posFieldLabel('claimedAmount') })}
          </p>
          ${this.lines.map((_, i) => this.renderLine(i))}
          <p class="summary" part="summary">${p && p.rows ? this.summary() : msg(this.locale, 'claimForm.typeALine')}</p>
          <div class="actions">
            <button type="button" ?disabled=${this.lines.length >= MAX_LINES} @click=${this.addLine}>
              ${msg(this.locale, 'claimForm.addLine')}
            </button>
            <button class="brand" type="submit" ?disabled=${this.sending || !this.api || this.isDisabled}>
              ${msgCount(this.locale, 'claimForm.submit', n)}
            </button>
            ${this.sending ? renderLoading(msg(this.locale, 'claimForm.sending')) : nothing}
          </div>
          ${renderProblem(this.problem, this.locale)} ${this.created ? this.renderCreated(this.created) : nothing}
        </fieldset>
        <div class="sr-only" role="status" aria-live="polite" data-live>${this.announcement}</div>
      </form>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-claim-form': BecClaimForm;
  }
}
