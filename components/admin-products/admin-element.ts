import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError, type BulkLoadKind } from '../shared/api.js';
import { BecElement } from '../shared/base.js';
import { msg, type MessageKey } from '../shared/i18n.js';
// The administration's messages (not in dist/bec.js).
import '../shared/i18n-admin.js';
import '../admin-bulk-load/admin-bulk-load.js';

/**
 * What the admin elements (bec-admin-products, bec-admin-accounts) share: their messages, and one
 * way to run a change (one at a time, its success message announced, or its problem shown with
 * the fields the server names).
 */
export class BecAdminElement extends BecElement {
  @state() protected message = '';
  @state() protected problem = '';
  @state() protected busy = false;

  /** The label of each field the server may name in a refusal ("listPrice" → "List price"), so the refusal reads in the form's words. */
  protected fieldLabels: Partial<Record<string, MessageKey>> = {};

  protected t(key: MessageKey, params?: Record<string, string | number>) {
    return msg(this.locale, key, params);
  }

  /** Runs `work` (which returns its success message); false when it failed or another change was under way. */
  protected async change(work: () => Promise<string>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.problem = '';
    try {
      this.message = await work();
      return true;
    } catch (err) {
      this.message = '';
      const detail = this.failed(err);
      this.problem =
        err instanceof ApiError && err.errors.length
          ? err.errors.map((e) => `${this.fieldLabelOf(e.field)}: ${e.message}`).join('; ')
          : detail;
      return false;
    } finally {
      this.busy = false;
    }
  }

  private fieldLabelOf(field: string): string {
    const key = this.fieldLabels[field];
    return key ? this.t(key) : field;
  }

  /** The last change's success (announced) or problem. */
  protected renderNotices() {
    return html`<div class="sr-only" role="status">${this.message}</div>
      ${this.message ? html`<div class="alert" data-tone="success">${this.message}</div>` : nothing}
      ${this.problem ? html`<div class="alert" role="alert">${this.problem}</div>` : nothing}`;
  }

  /** The CSV load of `kinds` (comma-separated), `kind` chosen first; a load applied reloads the element. */
  protected renderBulk(kinds: string, kind: BulkLoadKind) {
    return html`<bec-admin-bulk-load
      part="bulk"
      kind=${kind}
      kinds=${kinds}
      .apiBase=${this.apiBase}
      .locale=${this.locale}
      @becmasterdatachange=${() => this.load()}
    ></bec-admin-bulk-load>`;
  }
}
