import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
// core/pos is the browser-safe streaming POS parser the server's import uses too: what the
// preflight flags here is what the server would reject.
import { decodeChunks, parsePosChunks, type PosColumnMapping, type PosEvent, type PosReadSettings } from '../../core/pos/index.js';
import type { AuthorizationLineFact } from '../../core/claims/engine.js';
import type { PosLine } from '../../core/pos/index.js';
import type { ImportRowError, PosImport } from '../shared/api.js';
import { authorizationFacts, engineProblems } from './engine-preflight.js';
import { BecElement } from '../shared/base.js';
import { formatNumber } from '../shared/format.js';
import { controls, themeTokens } from '../shared/theme.js';

export interface PreflightError {
  row: number;
  field?: string;
  message: string;
}
export interface PreflightResult {
  rows: number;
  valid: number;
  errors: PreflightError[];
  missingColumns: string[];
  /** Rows the rules engine would reject or cut, checked against the distributor's authorizations. */
  rejectedByRules: number;
}

/** Collects parser events into the preflight result, adding duplicate invoice lines within the file. */
async function collect(
  events: AsyncIterable<PosEvent> | Iterable<PosEvent>,
  facts: readonly AuthorizationLineFact[] | null = null,
): Promise<PreflightResult> {
  const kept: PosLine[] = [];
  const errors: PreflightError[] = [];
  const missingColumns: string[] = [];
  const badRows = new Set<number>();
  const seen = new Map<string, number>();
  let valid = 0;
  let maxRow = 1;
  for await (const e of events) {
    if (e.type === 'error') {
      const err = e.error;
      if (err.fatal) missingColumns.push(err.column ?? err.code);
      errors.push({ row: err.row, field: err.column ?? undefined, message: err.message });
      badRows.add(err.row);
      maxRow = Math.max(maxRow, err.row);
      continue;
    }
    const line = e.line;
    maxRow = Math.max(maxRow, line.row);
    const key = `${line.invoiceNumber}\u0000${line.invoiceLine}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row: line.row,
        field: 'invoiceLine',
        message: `duplicate of row ${first} (invoice ${line.invoiceNumber} line ${line.invoiceLine})`,
      });
      badRows.add(line.row);
      continue;
    }
    seen.set(key, line.row);
    valid++;
    if (facts) kept.push(line);
  }
  let rejectedByRules = 0;
  if (facts && facts.length && !missingColumns.length) {
    const problems = engineProblems(kept, facts, facts[0].distributorId);
    rejectedByRules = problems.length;
    errors.push(...problems.map(({ row, field, message }) => ({ row, field, message })));
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    rows: missingColumns.length ? 0 : valid + badRows.size,
    valid: missingColumns.length ? 0 : valid,
    errors,
    missingColumns,
    rejectedByRules,
  };
}

/** Checks a POS CSV text in the browser: header, each row's fields, duplicate invoice lines. */
export function preflightPosCsv(
  text: string,
  mapping: PosColumnMapping = {},
  facts: readonly AuthorizationLineFact[] | null = null,
): Promise<PreflightResult> {
  return collect(parsePosChunks([text], { mapping }), facts);
}

/** The same check, streaming a File chunk by chunk (large files never sit in memory twice). */
export function preflightPosFile(
  file: Blob,
  mapping: PosColumnMapping = {},
  facts: readonly AuthorizationLineFact[] | null = null,
): Promise<PreflightResult> {
  const chunks = file.stream() as unknown as AsyncIterable<Uint8Array>;
  return collect(parsePosChunks(decodeChunks(chunks), { mapping }), facts);
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

/**
 * Drop a POS CSV: it is checked in the browser first (rejected rows shown before anything is
 * sent), then uploaded with a progress bar fed by the upload and the import's event stream, then
 * the server's row errors are listed; the accepted lines can be turned into claims.
 *
 * @summary POS / claim file upload with in-browser preflight, progress and row errors.
 *
 * @fires {CustomEvent<BecEventDetails['becpreflight']>} becpreflight - The browser check finished: `{ rows, valid, errors }`.
 * @fires {CustomEvent<BecEventDetails['becuploadprogress']>} becuploadprogress - Progress of the upload and the import job.
 * @fires {CustomEvent<BecEventDetails['becuploadcomplete']>} becuploadcomplete - The import finished: counters, errors and `importId`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card that holds the element's content.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart dropzone - The area that takes a dropped file.
 * @csspart preflight - The browser check's summary and errors.
 * @csspart progress - The progress bar.
 * @csspart errors - The table of row errors.
 * @csspart settings - How the server read the file: decimal mark and date order, chosen or inferred.
 *
 * @cssproperty --bec-color-brand - Colour of the progress bar and the drop zone outline.
 */
@customElement('bec-claim-upload')
export class BecClaimUpload extends BecElement {
  static override styles = [
    themeTokens,
    controls,
    css`
      .body {
        padding: var(--_bec-space-medium);
      }
      .drop {
        border: 2px dashed var(--_bec-color-border);
        border-radius: var(--_bec-radius);
        padding: var(--_bec-space-large);
        text-align: center;
        background: var(--_bec-color-background-alt);
      }
      .drop.over {
        border-color: var(--_bec-color-brand);
        background: var(--_bec-color-background-selected);
      }
      .drop input[type='file'] {
        position: absolute;
        width: 1px;
        height: 1px;
        opacity: 0;
      }
      .drop label.button {
        display: inline-flex;
        align-items: center;
        min-height: 2rem;
        padding: 0 var(--_bec-space-medium);
        border: 1px solid var(--_bec-color-border);
        border-radius: var(--_bec-radius);
        background: var(--_bec-color-background);
        color: var(--_bec-color-brand);
        font-size: var(--_bec-font-size-3);
        cursor: pointer;
        margin: var(--_bec-space-x-small) 0 0;
      }
      .drop input[type='file']:focus-visible + label.button {
        box-shadow: var(--_bec-focus-ring);
      }
      .stats {
        display: flex;
        gap: var(--_bec-space-large);
        margin: var(--_bec-space-medium) 0 var(--_bec-space-x-small);
      }
      .stat strong {
        display: block;
        font-size: var(--_bec-font-size-7);
      }
      .bar {
        height: 0.5rem;
        border-radius: 1rem;
        background: var(--_bec-color-border-weak);
        overflow: hidden;
        margin: var(--_bec-space-x-small) 0;
      }
      .bar > div {
        height: 100%;
        background: var(--_bec-color-brand);
        transition: width 0.2s;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: var(--_bec-font-size-2);
      }
      th {
        text-align: left;
        font-size: var(--_bec-font-size-1);
        text-transform: uppercase;
        color: var(--_bec-color-text-weak);
        border-bottom: 1px solid var(--_bec-color-border);
        padding: var(--_bec-space-xx-small);
      }
      td {
        padding: var(--_bec-space-xx-small);
        border-bottom: 1px solid var(--_bec-color-border-weak);
      }
      .scroll {
        max-height: 16rem;
        overflow: auto;
      }
      .actions {
        display: flex;
        gap: var(--_bec-space-x-small);
        margin-top: var(--_bec-space-small);
        align-items: center;
      }
    `,
  ];

  /** The distributor's saved column mapping and number/date options, used by the preflight. */
  @property({ attribute: false }) mapping: PosColumnMapping = {};
  /** The distributor's authorization lines for the rules-engine preflight; fetched through `api-base` when not given. */
  @property({ attribute: false }) authorizations: AuthorizationLineFact[] | null = null;
  /** Offer to turn accepted lines into claims after the import. */
  @property({ type: Boolean, attribute: 'create-claims' }) createClaims = false;

  @state() private file: File | null = null;
  @state() private preflight: PreflightResult | null = null;
  @state() private phase: 'idle' | 'checking' | 'checked' | 'uploading' | 'importing' | 'done' | 'failed' = 'idle';
  @state() private percent = 0;
  @state() private job: PosImport | null = null;
  @state() private serverErrors: ImportRowError[] = [];
  @state() private error = '';
  @state() private over = false;
  @state() private claimsMessage = '';

  /** Loads the caller's authorizations, end customers and programs for the engine preflight; null when unavailable. */
  private async loadAuthorizations(): Promise<AuthorizationLineFact[] | null> {
    if (!this.api) return null;
    try {
      const [auths, customers, programs] = await Promise.all([
        this.api.authorizations(),
        this.api.accounts('end_customer'),
        this.api.programs(),
      ]);
      this.authorizations = authorizationFacts(
        auths,
        new Map(customers.map((a) => [a.id, a.name])),
        new Map(programs.map((p) => [p.id, p])),
      );
      return this.authorizations;
    } catch {
      return null; // the server validates every line anyway
    }
  }

  /** Checks a file in the browser (what a drop or the file picker does). */
  async check(file: File): Promise<PreflightResult> {
    this.file = file;
    this.phase = 'checking';
    this.error = '';
    this.job = null;
    this.serverErrors = [];
    this.claimsMessage = '';
    const result = await preflightPosFile(file, this.mapping, this.authorizations ?? (await this.loadAuthorizations()));
    this.preflight = result;
    this.phase = 'checked';
    this.emit('becpreflight', { rows: result.rows, valid: result.valid, errors: result.errors });
    return result;
  }

  /** Sends the checked file and follows the import to its end. */
  async upload(): Promise<void> {
    const api = this.api;
    if (!this.file || !api) return;
    this.phase = 'uploading';
    this.percent = 0;
    this.error = '';
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
      if (job.failure) this.error = job.failure;
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
      this.error = this.failed(err);
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

  private async toClaims() {
    if (!this.api || !this.job) return;
    try {
      const r = (await this.api.claimImport(this.job.id)) as { claims?: unknown[]; created?: unknown[] };
      const n = (r.claims ?? r.created ?? []).length;
      this.claimsMessage = n ? `${n} claim${n === 1 ? '' : 's'} created from the accepted lines` : 'Claims created from the accepted lines';
    } catch (err) {
      this.error = this.failed(err);
    }
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.over = false;
    const f = e.dataTransfer?.files?.[0];
    if (f) void this.check(f);
  }

  private renderErrors(errors: { row: number; field?: string | null; message: string }[], caption: string) {
    if (!errors.length) return nothing;
    return html`<div class="scroll" part="errors">
      <table>
        <caption class="sr-only">
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          ${errors.slice(0, SHOWN_ERRORS).map(
            (e) =>
              html`<tr>
                <td>${e.row}</td>
                <td>${e.field ?? '—'}</td>
                <td>${e.message}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${errors.length > SHOWN_ERRORS ? html`<p class="muted">and ${formatNumber(errors.length - SHOWN_ERRORS, this.locale)} more</p>` : nothing}
    </div>`;
  }

  override render() {
    const p = this.preflight;
    const busy = this.phase === 'uploading' || this.phase === 'importing' || this.phase === 'checking';
    return html`<div class="card" part="base">
      <div class="card-header"><h2>Upload POS lines</h2></div>
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
          <div>Drop a CSV file here (POS report or claim file)</div>
          <input
            id="file"
            type="file"
            accept=".csv,text/csv,text/plain"
            @change=${(e: Event) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) void this.check(f);
            }}
          />
          <label class="button" for="file">Choose a file</label>
          <div class="muted" style="font-size:var(--_bec-font-size-1);margin-top:var(--_bec-space-x-small)">
            Usual columns: invoice number, invoice line, invoice date, vendor or distributor part number, quantity, book cost, authorized
            cost, authorization number, end customer. Commas or semicolons, any common date format.
          </div>
          ${this.file ? html`<div class="muted">${this.file.name} · ${formatNumber(Math.round(this.file.size / 1024), this.locale)} KB</div>` : nothing}
        </div>
        ${
          p
            ? html`<section part="preflight" aria-label="Check before sending">
                <div class="stats">
                  <div class="stat"><strong>${formatNumber(p.rows, this.locale)}</strong><span class="muted">rows</span></div>
                  <div class="stat">
                    <strong style="color:var(--_bec-color-success)">${formatNumber(p.valid, this.locale)}</strong
                    ><span class="muted">ready</span>
                  </div>
                  <div class="stat">
                    <strong style="color:var(--_bec-color-error)">${formatNumber(p.rows - p.valid, this.locale)}</strong
                    ><span class="muted">with problems</span>
                  </div>
                  <div class="stat">
                    <strong style="color:var(--_bec-color-warning, var(--_bec-color-error))"
                      >${formatNumber(p.rejectedByRules, this.locale)}</strong
                    ><span class="muted">would be rejected or cut</span>
                  </div>
                </div>
                ${p.missingColumns.length ? html`<div class="alert" role="alert">Columns missing: ${p.missingColumns.join(', ')}</div>` : nothing}
                ${this.renderErrors(p.errors, 'Problems found before sending')}
                ${
                  this.phase === 'checked'
                    ? html`<div class="actions">
                        <button class="brand" type="button" ?disabled=${!p.valid || !this.api} @click=${this.upload}>
                          Upload ${formatNumber(p.valid, this.locale)} valid line${p.valid === 1 ? '' : 's'}
                        </button>
                        ${p.valid < p.rows ? html`<span class="muted">Rows with problems are reported, the valid ones are kept.</span>` : nothing}
                      </div>`
                    : nothing
                }
              </section>`
            : nothing
        }
        ${
          this.phase === 'uploading' || this.phase === 'importing' || this.job
            ? html`<div part="progress">
                <div class="muted">
                  ${this.phase === 'uploading' ? 'Uploading…' : this.phase === 'importing' ? 'Importing…' : 'Import finished'}
                </div>
                <div
                  class="bar"
                  role="progressbar"
                  aria-label="Upload progress"
                  aria-valuemin="0"
                  aria-valuemax="100"
                  aria-valuenow=${this.percent}
                >
                  <div style="width:${this.percent}%"></div>
                </div>
              </div>`
            : nothing
        }
        ${
          this.job && this.phase === 'done'
            ? html`<div class="alert" data-tone="success" role="status">
                  ${formatNumber(this.job.rowsAccepted, this.locale)} lines imported, ${formatNumber(this.job.rowsDuplicate, this.locale)}
                  already on file, ${formatNumber(this.job.rowsRejected, this.locale)} rejected
                </div>
                ${settingsText(this.job) ? html`<p part="settings">${settingsText(this.job)}</p>` : nothing}
                ${this.renderErrors(
                  this.serverErrors.map((e) => ({ row: e.rowNumber, field: e.column, message: e.message })),
                  'Rows the server rejected',
                )}
                ${
                  this.createClaims && this.job.rowsAccepted
                    ? html`<div class="actions">
                        <button class="brand" type="button" @click=${this.toClaims}>Create claims from the imported lines</button
                        ><span role="status">${this.claimsMessage}</span>
                      </div>`
                    : nothing
                }`
            : nothing
        }
        ${this.error ? html`<div class="alert" role="alert">${this.error}</div>` : nothing}
        ${busy ? html`<span class="sr-only" role="status">Working…</span>` : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-claim-upload': BecClaimUpload;
  }
}
