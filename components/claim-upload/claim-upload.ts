import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
// core/pos is the browser-safe streaming POS parser the server's import uses too: what the
// preflight flags here is what the server would reject.
import { POS_FIELD_TABLE, posFieldLabel, type PosColumnMapping, type PosField, type PosReadSettings } from '../../core/pos/index.js';
import type { AuthorizationLineFact } from '../../core/claims/engine.js';
import type { PosLine } from '../../core/pos/index.js';
import type { ClaimRunResult, ImportRowError, PosImport, SavedPosMapping } from '../shared/api.js';
import { loadAuthorizationFacts } from './authorization-facts.js';
import type { PreflightResult, Wording } from './preflight.js';
import { BecElement } from '../shared/base.js';
import { formatNumber } from '../shared/format.js';
import { msg, msgCount, type MessageKey } from '../shared/i18n.js';
import { problemOf, renderLoading, renderProblem, type Problem } from '../shared/states.js';
import { tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens } from '../shared/theme.js';
import { uploadStyles } from './claim-upload.styles.js';

export type { PreflightError, PreflightResult } from './preflight.js';

/** The preflight's own chunk (the parser and the rules engine), loaded on first use. */
const preflight = () => import('./preflight.js');

/** Checks a POS CSV text in the browser: header, each row's fields, duplicate invoice lines. */
export async function preflightPosCsv(
  text: string,
  mapping: PosColumnMapping = {},
  facts: readonly AuthorizationLineFact[] | null = null,
  wording: Wording = {},
): Promise<PreflightResult> {
  return (await preflight()).preflightPosCsv(text, mapping, facts, wording);
}

/**
 * The same check over rows typed in a form (`{ invoiceNumber: 'INV-1', quantity: '3', ... }`, one
 * object per line, keyed by POS field name): the lines the parser read are pushed to `lines`.
 */
export async function preflightPosRows(
  rows: readonly Record<string, string>[],
  mapping: PosColumnMapping,
  facts: readonly AuthorizationLineFact[] | null,
  lines: PosLine[],
  wording: Wording = {},
): Promise<PreflightResult> {
  return (await preflight()).preflightPosRows(rows, mapping, facts, lines, wording);
}

/** The same check, streaming a File chunk by chunk (large files never sit in memory twice). */
export async function preflightPosFile(
  file: Blob,
  mapping: PosColumnMapping = {},
  facts: readonly AuthorizationLineFact[] | null = null,
  wording: Wording = {},
): Promise<PreflightResult> {
  return (await preflight()).preflightPosFile(file, mapping, facts, wording);
}

const SHOWN_ERRORS = 200;

const FROM = { chosen: 'as chosen', file: 'inferred from the file', none: '' } as const;

/** How the server read the file (the job's `settings`), in words; '' when it does not say. */
export function settingsText(job: PosImport & { settings?: PosReadSettings | null }): string {
  const s = job.settings;
  if (!s) return '';
  const parts: string[] = [];
  if (s.decimalMark) parts.push(`decimal mark "${s.decimalMark}" (${FROM[s.decimalMarkFrom]})`);
  if (s.dateOrder) parts.push(`dates ${s.dateOrder === 'DMY' ? 'day' : 'month'} first (${FROM[s.dateOrderFrom]})`);
  return parts.length ? `Read with ${parts.join(', ')}.` : '';
}

/** The saved mapping (`GET /api/imports/mapping`) as the parser takes it, as the server's import applies it. */
export function parserMapping(saved: SavedPosMapping): PosColumnMapping {
  return { fields: saved.mapping as PosColumnMapping['fields'], ...saved.options };
}

/** A field's label for the error table ("Invoice Date"); a column the file names itself stays as it is. */
function fieldLabel(field: string | null | undefined): string {
  if (!field) return '—';
  return field in POS_FIELD_TABLE ? posFieldLabel(field as PosField) : field;
}

type Phase = 'idle' | 'checking' | 'checked' | 'uploading' | 'importing' | 'done' | 'claiming' | 'failed';

/**
 * Drop a POS CSV: it is checked in the browser first, with the distributor's saved column mapping
 * (`GET /api/imports/mapping`) and the one POS parser (core/pos) the server's import runs, and
 * against the distributor's authorizations with the rules engine. The whole file is then uploaded
 * (the server reads every row, as the preflight did), with a progress bar fed by the upload and
 * the import's event stream; the server's row errors are listed; the imported lines can be turned
 * into claims, linked from the result. The preflight reads amounts in the currency the server
 * reads the distributor's files in (`currency` of `GET /api/imports/mapping`; the element's
 * `currency` when it has no API or is given a `mapping`): an amount in another currency (`€2.63`
 * in a USD file) is the server's row error CURRENCY_MISMATCH before sending.
 *
 * @summary POS / claim file upload with in-browser preflight, progress, row errors and the claims it creates.
 *
 * @fires {CustomEvent<BecEventDetails['becpreflight']>} becpreflight - The browser check finished: `{ rows, valid, errors }`.
 * @fires {CustomEvent<BecEventDetails['becuploadprogress']>} becuploadprogress - Progress of the upload and the import job.
 * @fires {CustomEvent<BecEventDetails['becuploadcomplete']>} becuploadcomplete - The import finished: counters, errors and `importId`.
 * @fires {CustomEvent<BecEventDetails['becclaimscreated']>} becclaimscreated - Claims were created from the import: `{ claims: [{ id, number }], importId }`; refresh claim lists.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart dropzone - The area that takes a dropped file.
 * @csspart empty - Shown before a file is chosen.
 * @csspart loading - Shown while the file is checked.
 * @csspart preflight - The browser check's summary and errors.
 * @csspart progress - The progress bar.
 * @csspart errors - The table of row errors (a focusable, scrollable region).
 * @csspart settings - How the server read the file: decimal mark and date order, chosen or inferred.
 * @csspart claims - The list of claims created, each a link.
 * @csspart error - A failed call: the problem's detail and Retry.
 * @csspart offline - The server could not be reached: Retry.
 *
 * @cssproperty --bec-color-brand - Colour of the progress bar and the drop zone outline.
 */
@customElement('bec-claim-upload')
export class BecClaimUpload extends BecElement {
  static override styles = [themeTokens, controls, tableStyles, uploadStyles];

  /**
   * The column mapping and number/date options the preflight reads with. Unset, the element
   * loads the distributor's saved mapping through `api-base` (what the server's import applies).
   */
  @property({ attribute: false }) mapping: PosColumnMapping | null = null;
  /** The distributor's authorization lines for the rules-engine preflight; fetched through `api-base` when not given. */
  @property({ attribute: false }) authorizations: AuthorizationLineFact[] | null = null;
  /** Offer to turn the imported lines into claims after the import. */
  @property({ type: Boolean, attribute: 'create-claims' }) createClaims = false;
  /** Where a created claim links to: `{id}` and `{number}` are replaced (e.g. `/claims/{id}`). */
  @property({ attribute: 'claim-href' }) claimHref = '#claim-{id}';

  @state() private file: File | null = null;
  @state() private preflight: PreflightResult | null = null;
  @state() private phase: Phase = 'idle';
  @state() private percent = 0;
  @state() private job: PosImport | null = null;
  @state() private serverErrors: ImportRowError[] = [];
  @state() private problem: Problem | null = null;
  @state() private over = false;
  @state() private created: ClaimRunResult['claims'] | null = null;
  /** What the live region says (preflight results, the import's end, the claims created). */
  @state() private announcement = '';

  /** The currency the server reads the distributor's amounts in (`GET /api/imports/mapping`); null: not known, `currency` then. */
  private readCurrency: string | null = null;

  /** Loads the distributor's saved mapping; the parser's defaults when there is none or it cannot be had. */
  private async loadMapping(): Promise<PosColumnMapping> {
    if (this.mapping) return this.mapping;
    if (!this.api) return {};
    try {
      const saved = await this.api.importMapping();
      this.readCurrency = saved.currency ?? null;
      this.mapping = parserMapping(saved);
      return this.mapping;
    } catch {
      return {}; // the server reads the file with its saved mapping anyway
    }
  }

  /** Loads the caller's authorizations for the engine preflight; null when unavailable. */
  private async loadAuthorizations(): Promise<AuthorizationLineFact[] | null> {
    if (!this.api) return null;
    try {
      this.authorizations = await loadAuthorizationFacts(this.api);
      return this.authorizations;
    } catch {
      return null; // the server validates every line anyway
    }
  }

  /** Checks a file in the browser (what a drop or the file picker does). */
  async check(file: File): Promise<PreflightResult> {
    this.file = file;
    this.phase = 'checking';
    this.problem = null;
    this.job = null;
    this.serverErrors = [];
    this.created = null;
    this.announcement = this.t('upload.checking', { name: file.name });
    const [mapping, facts] = await Promise.all([this.loadMapping(), this.authorizations ?? this.loadAuthorizations()]);
    const result = await preflightPosFile(file, mapping, facts, { locale: this.locale, currency: this.readCurrency ?? this.currency });
    this.preflight = result;
    this.phase = 'checked';
    this.announcement = this.summary(result);
    this.emit('becpreflight', { rows: result.rows, valid: result.valid, errors: result.errors });
    return result;
  }

  /** The preflight in one sentence: what the live region announces, the same counts the panel shows. */
  private summary(p: PreflightResult): string {
    const n = (v: number) => formatNumber(v, this.locale);
    const name = this.file?.name ?? this.t('upload.theFile');
    if (p.missingColumns.length) return this.t('upload.summaryMissing', { name, columns: p.missingColumns.join(', ') });
    if (p.fileProblem) return this.t('preflight.summaryProblem', { name, problem: p.fileProblem });
    return msgCount(this.locale, 'upload.summary', p.rows, {
      name,
      ready: n(p.ready),
      rules: n(p.valid - p.ready),
      problems: n(p.rows - p.valid),
    });
  }

  private t(key: MessageKey, params?: Record<string, string | number>) {
    return msg(this.locale, key, params);
  }

  /** Shows a failed call (error or offline, with Retry); a 401 is the waiting state instead. */
  private fail(err: unknown, what: string, retry: () => void) {
    const detail = this.failed(err);
    this.problem = this.waitingForCredentials ? null : problemOf(err, detail, what, retry);
  }

  /** Sends the whole checked file and follows the import to its end: the server reads every row, as the preflight did. */
  async upload(): Promise<void> {
    const api = this.api;
    if (!this.file || !api) return;
    this.phase = 'uploading';
    this.percent = 0;
    this.problem = null;
    this.created = null;
    try {
      let job = await api.uploadPosCsv(this.file, this.file.name, (sent, total) => {
        this.percent = total ? Math.round((sent / total) * 90) : 0;
        this.emit('becuploadprogress', { phase: 'uploading', processed: sent, total });
      });
      this.job = job;
      // The upload answers 202 with the job queued (a background job): follow it to its end.
      if (job.status === 'queued' || job.status === 'running') {
        this.phase = 'importing';
        job = await this.follow(job.id);
      }
      this.job = job;
      this.percent = 100;
      this.serverErrors = job.rowsRejected ? await api.importErrors(job.id) : [];
      this.phase = job.status === 'failed' ? 'failed' : 'done';
      if (job.failure)
        this.problem = { offline: false, detail: job.failure, code: 'IMPORT_FAILED', what: 'The import', retry: () => void this.upload() };
      this.announcement =
        job.status === 'failed'
          ? this.t('upload.importFailed', { detail: job.failure ?? '' })
          : this.t('upload.announceImported', {
              accepted: formatNumber(job.rowsAccepted, this.locale),
              rejected: formatNumber(job.rowsRejected, this.locale),
            });
      this.emit('becuploadcomplete', {
        importId: job.id,
        phase: job.status,
        processed: job.rowsRead,
        accepted: job.rowsAccepted,
        rejected: job.rowsRejected,
        errors: this.serverErrors.map((e) => ({ row: e.rowNumber, field: e.column ?? undefined, message: e.message })),
        done: true,
      });
    } catch (err) {
      this.phase = 'failed';
      this.fail(err, 'The upload', () => void this.upload());
    }
  }

  /** With a bearer token (EventSource cannot send it): asks `GET /api/imports/:id` until the job ends. */
  private async poll(id: number): Promise<PosImport> {
    const api = this.api!;
    for (;;) {
      const job = await api.posImport(id);
      this.job = job;
      this.percent = 90 + Math.round((job.progress ?? 0) * 10);
      this.emit('becuploadprogress', {
        phase: job.status,
        processed: job.rowsRead,
        accepted: job.rowsAccepted,
        rejected: job.rowsRejected,
      });
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Follows `GET /api/imports/:id/events` until the job ends. */
  private follow(id: number): Promise<PosImport> {
    const api = this.api!;
    if (api.token) return this.poll(id);
    return new Promise((resolve) => {
      const source = api.events(`/api/imports/${id}/events`);
      const onData = (e: MessageEvent) => {
        const job = JSON.parse(e.data) as PosImport;
        this.job = job;
        this.percent = 90 + Math.round((job.progress ?? 0) * 10);
        this.emit('becuploadprogress', {
          phase: job.status,
          processed: job.rowsRead,
          accepted: job.rowsAccepted,
          rejected: job.rowsRejected,
        });
        if (job.status !== 'queued' && job.status !== 'running') {
          source.close();
          resolve(job);
        }
      };
      for (const type of ['progress', 'completed', 'failed', 'message']) source.addEventListener(type, onData as EventListener);
      source.onerror = async () => {
        source.close();
        resolve(await api.posImport(id));
      };
    });
  }

  /** Turns the imported lines into claims, links them, and tells the page (`becclaimscreated`). */
  async toClaims(): Promise<void> {
    if (!this.api || !this.job) return;
    const importId = this.job.id;
    this.phase = 'claiming';
    this.problem = null;
    try {
      const r = (await this.api.claimImport(importId)) as ClaimRunResult;
      this.created = r.claims ?? [];
      this.phase = 'done';
      const n = this.created.length;
      this.announcement = n ? `${msgCount(this.locale, 'upload.created', n)}.` : this.t('upload.noClaims');
      if (n) this.emit('becclaimscreated', { claims: this.created.map((c) => ({ id: c.id, number: c.number })), importId });
    } catch (err) {
      this.phase = 'done';
      this.fail(err, 'Creating claims', () => void this.toClaims());
    }
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.over = false;
    const f = e.dataTransfer?.files?.[0];
    if (f) void this.check(f);
  }

  private hrefOf(c: { id: number; number: string }): string {
    return this.claimHref.replaceAll('{id}', String(c.id)).replaceAll('{number}', encodeURIComponent(c.number));
  }

  private renderErrors(errors: { row: number; field?: string | null; message: string }[], caption: string) {
    if (!errors.length) return nothing;
    // A scrollable region takes focus so a keyboard user can reach and scroll every row.
    return html`<div class="scroll" part="errors" tabindex="0" role="region" aria-label=${caption}>
      <table>
        <caption class="sr-only">
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('upload.row')}</th>
            <th scope="col">${this.t('upload.column')}</th>
            <th scope="col">${this.t('upload.problem')}</th>
          </tr>
        </thead>
        <tbody>
          ${errors.slice(0, SHOWN_ERRORS).map(
            (e) =>
              html`<tr>
                <td>${e.row}</td>
                <td data-field=${e.field ?? ''}>${fieldLabel(e.field)}</td>
                <td>${e.message}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${errors.length > SHOWN_ERRORS ? html`<p class="muted">${this.t('upload.more', { count: formatNumber(errors.length - SHOWN_ERRORS, this.locale) })}</p>` : nothing}
    </div>`;
  }

  private renderPreflight(p: PreflightResult) {
    const n = (v: number) => formatNumber(v, this.locale);
    const withProblems = p.rows - p.valid;
    const byRules = p.valid - p.ready;
    return html`<section part="preflight" aria-label=${this.t('upload.checkBeforeSending')}>
      <div class="stats">
        <div class="stat">
          <strong>${n(p.rows)}</strong><span class="muted">${msgCount(this.locale, 'upload.rowsInFile', p.rows)}</span>
        </div>
        <div class="stat ready"><strong>${n(p.ready)}</strong><span class="muted">${this.t('upload.ready')}</span></div>
        <div class="stat rules"><strong>${n(byRules)}</strong><span class="muted">${this.t('upload.byRules')}</span></div>
        <div class="stat problems"><strong>${n(withProblems)}</strong><span class="muted">${this.t('upload.withProblems')}</span></div>
      </div>
      ${p.missingColumns.length ? html`<div class="alert" role="alert">${this.t('upload.missingColumns', { columns: p.missingColumns.join(', ') })}</div>` : nothing}
      ${p.fileProblem ? html`<div class="alert" role="alert">${p.fileProblem}</div>` : nothing}
      ${this.renderErrors(p.errors, this.t('upload.problemsBefore'))}
      ${
        this.phase === 'checked'
          ? html`<div class="actions">
              <button class="brand" type="button" ?disabled=${!p.valid || !this.api} @click=${this.upload}>
                ${msgCount(this.locale, 'upload.send', p.rows)}
              </button>
              <span class="muted" data-explains="upload">
                ${msgCount(this.locale, 'upload.explains', p.valid)}${withProblems ? msgCount(this.locale, 'upload.explainsProblems', withProblems) : nothing}${this.t('upload.explainsRules')}${byRules ? msgCount(this.locale, 'upload.explainsCut', byRules) : nothing}.
              </span>
            </div>`
          : nothing
      }
    </section>`;
  }

  private renderResult(job: PosImport) {
    const n = (v: number) => formatNumber(v, this.locale);
    return html`<div class="alert" data-tone="success">
        ${this.t('upload.imported', { accepted: n(job.rowsAccepted), duplicate: n(job.rowsDuplicate), rejected: n(job.rowsRejected) })}
      </div>
      ${settingsText(job) ? html`<p part="settings">${settingsText(job)}</p>` : nothing}
      ${this.renderErrors(
        this.serverErrors.map((e) => ({ row: e.rowNumber, field: e.column, message: e.message })),
        this.t('upload.serverRejected'),
      )}
      ${
        this.createClaims && job.rowsAccepted && !this.created
          ? html`<div class="actions">
              <button class="brand" type="button" ?disabled=${this.phase === 'claiming'} @click=${this.toClaims}>
                ${this.t('upload.toClaims')}
              </button>
              ${this.phase === 'claiming' ? renderLoading(this.t('upload.creating')) : nothing}
            </div>`
          : nothing
      }
      ${
        this.created
          ? html`<div part="claims">
              <p>${this.created.length ? `${msgCount(this.locale, 'upload.created', this.created.length)}:` : this.t('upload.noClaims')}</p>
              ${
                this.created.length
                  ? html`<ul class="created">
                      ${this.created.map(
                        (c) =>
                          html`<li>
                            <a href=${this.hrefOf(c)}>${c.number}</a>
                            <span class="muted">· ${c.status} · ${msgCount(this.locale, 'upload.lines', c.lineCount)}</span>
                          </li>`,
                      )}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }`;
  }

  override render() {
    const p = this.preflight;
    return html`<div class="card" part="base">
      <div class="card-header"><h2>${this.t('upload.title')}</h2></div>
      ${this.renderWaiting()}
      <div class="body">
        <div
          class="drop ${this.over ? 'over' : ''}"
          part="dropzone"
          @dragover=${(e: DragEvent) => {
            e.preventDefault();
            this.over = true;
          }}
          @dragleave=${() => (this.over = false)}
          @drop=${this.onDrop}
        >
          <div>${this.t('upload.drop')}</div>
          <input
            id="file"
            type="file"
            accept=".csv,text/csv,text/plain"
            @change=${(e: Event) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) void this.check(f);
            }}
          />
          <label class="button" for="file">${this.t('upload.choose')}</label>
          <div class="muted hint">${this.t('upload.hint')}</div>
          ${
            this.file
              ? html`<div class="muted">${this.file.name} · ${formatNumber(Math.round(this.file.size / 1024), this.locale)} KB</div>`
              : html`<div class="muted" part="empty">${this.t('upload.noFile')}</div>`
          }
        </div>
        ${this.phase === 'checking' ? renderLoading(this.t('upload.checking', { name: this.file?.name ?? this.t('upload.theFile') })) : nothing}
        ${p && this.phase !== 'checking' ? this.renderPreflight(p) : nothing}
        ${
          this.phase === 'uploading' || this.phase === 'importing' || this.job
            ? html`<div part="progress">
                <div class="muted">
                  ${this.t(this.phase === 'uploading' ? 'upload.uploading' : this.phase === 'importing' ? 'upload.importing' : 'upload.finished')}
                </div>
                <div
                  class="bar"
                  role="progressbar"
                  aria-label=${this.t('upload.progress')}
                  aria-valuemin="0"
                  aria-valuemax="100"
                  aria-valuenow=${this.percent}
                >
                  <div style="width:${this.percent}%"></div>
                </div>
              </div>`
            : nothing
        }
        ${this.job && (this.phase === 'done' || this.phase === 'claiming') ? this.renderResult(this.job) : nothing}
        ${renderProblem(this.problem, this.locale)}
        <div class="sr-only" role="status" aria-live="polite" data-live>${this.announcement}</div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-claim-upload': BecClaimUpload;
  }
}
