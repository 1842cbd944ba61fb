import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BulkLoadKind, MasterAccount, MasterDistributor, Schemas } from '../shared/api.js';
import { formatNumber } from '../shared/format.js';
import { renderViewState, showsContent, stateStyles, ViewStateController } from '../shared/states.js';
import { tableStyles } from '../shared/table.styles.js';
import { controls, themeTokens } from '../shared/theme.js';
import { BecAdminElement } from '../admin-products/admin-element.js';
import styles from './admin-accounts.styles.js';

export type AccountKind = 'end_customer' | 'reseller' | 'distributor';
const KINDS: AccountKind[] = ['end_customer', 'reseller', 'distributor'];
const BULK_KIND: Record<AccountKind, BulkLoadKind> = { end_customer: 'end-customers', reseller: 'resellers', distributor: 'distributors' };

/**
 * End customers, resellers and distributors for vendor admins: created and edited with their
 * country and CRM id; a duplicate end customer or reseller merged into the one that stays, after
 * a confirmation naming both (its requests, authorizations, POS and claim lines then name the
 * survivor; the duplicate is kept, marked merged); a distributor's currency, region, contacts and
 * users; and CSV loads of each (`<bec-admin-bulk-load>`).
 *
 * @summary End customers, resellers (with merging of duplicates) and distributors (contacts, users), for vendor admins.
 *
 * @fires {CustomEvent<BecEventDetails['becmasterdatachange']>} becmasterdatachange - An account was merged: `{ kind: 'merge', merged, survivor }`.
 * @fires {CustomEvent<BecEventDetails['becerror']>} becerror - An API call failed.
 *
 * @csspart base - The card.
 * @csspart tabs - The kind of account shown: end customers, resellers, distributors.
 * @csspart waiting - Shown while the element waits for credentials (the API answered 401); it loads when they arrive.
 * @csspart loading - Shown while the accounts load.
 * @csspart empty - Shown when there is no account of the kind.
 * @csspart error - The failure, its detail and a Retry button.
 * @csspart offline - Shown when the browser is offline, with a Retry button.
 * @csspart retry - The Retry button.
 * @csspart create - The new account form.
 * @csspart list - The accounts table.
 * @csspart row - One account.
 * @csspart merge - The merge of a duplicate: the survivor to choose and the confirmation naming both.
 * @csspart confirm - The Merge button of the confirmation.
 * @csspart detail - A distributor's contacts (with the form to add one) and users.
 * @csspart bulk - The CSV load.
 *
 * @cssproperty --bec-color-brand - Accent colour.
 */
@customElement('bec-admin-accounts')
export class BecAdminAccounts extends BecAdminElement {
  static override styles = [themeTokens, controls, stateStyles, tableStyles, styles];

  /** The kind of account shown. */
  @property({ reflect: true }) kind: AccountKind = 'end_customer';
  /** The accounts of `kind` (loaded from the API when `api-base` is set); merged ones are not listed. */
  @property({ attribute: false }) accounts: MasterAccount[] = [];

  /** The duplicate being merged, and the survivor chosen for it. */
  @state() private mergeFrom: MasterAccount | null = null;
  @state() private mergeInto: number | null = null;
  @state() private detail: MasterDistributor | null = null;
  private readonly view = new ViewStateController(this, (err) => this.failed(err));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('apiBase') || changed.has('kind')) && this.api) void this.load();
    if (changed.has('kind')) {
      this.mergeFrom = null;
      this.detail = null;
    }
  }

  override load(): Promise<void> {
    const api = this.api;
    if (!api) return Promise.resolve();
    const kind = this.kind;
    return this.view.track(async () => {
      const accounts = kind === 'distributor' ? await api.masterDistributors() : await api.masterAccounts(kind);
      if (kind === this.kind) this.accounts = accounts;
    });
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    const common = { name: text('name') ?? '', country: text('country'), crmId: text('crmId') };
    const ok = await this.change(async () => {
      let created: MasterAccount | null = null;
      if (this.api && this.kind === 'distributor') {
        const currency = text('currency')?.toUpperCase() as Schemas['DistributorInput']['currency'];
        created = await this.api.createDistributor({ ...common, region: text('region'), ...(currency ? { currency } : {}) });
      } else if (this.api && this.kind !== 'distributor') created = await this.api.createAccount({ type: this.kind, ...common });
      if (created) this.accounts = [...this.accounts, created].sort((a, b) => a.name.localeCompare(b.name));
      return this.t('admin.created', { name: common.name });
    });
    if (ok) form.reset();
  }

  /** Starts merging `account` into another: the survivor is chosen, then the merge confirmed. */
  startMerge(account: MasterAccount): void {
    this.mergeFrom = account;
    this.mergeInto = null;
    this.message = '';
  }

  /** Merges the duplicate into the chosen survivor (after the confirmation naming both). */
  async confirmMerge(): Promise<void> {
    const loser = this.mergeFrom;
    const survivor = this.accounts.find((a) => a.id === this.mergeInto);
    if (!loser || !survivor) return;
    await this.change(async () => {
      const result = this.api
        ? await this.api.mergeAccount(loser.id, survivor.id)
        : { merged: { ...loser, mergedIntoId: survivor.id }, survivor };
      this.accounts = this.accounts.filter((a) => a.id !== loser.id);
      this.mergeFrom = null;
      this.emit('becmasterdatachange', { kind: 'merge', merged: result.merged, survivor: result.survivor });
      return this.t('admin.merged', { loser: loser.name, survivor: survivor.name });
    });
  }

  /** Opens a distributor's contacts and users. */
  async openDetail(id: number): Promise<void> {
    if (!this.api) return;
    try {
      this.detail = await this.api.masterDistributor(id);
    } catch (err) {
      this.problem = this.failed(err);
    }
  }

  private async addContact(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const d = this.detail;
    if (!d || !this.api) return;
    const input = {
      name: String(data.get('name') ?? '').trim(),
      email: String(data.get('email') ?? '').trim(),
      role: String(data.get('role') ?? '').trim() || null,
    };
    const ok = await this.change(async () => {
      await this.api!.addDistributorContact(d.id, input);
      await this.openDetail(d.id);
      return this.t('admin.saved', { name: input.name });
    });
    if (ok) form.reset();
  }

  private async removeContact(contactId: number, name: string) {
    const d = this.detail;
    if (!d || !this.api) return;
    await this.change(async () => {
      await this.api!.removeDistributorContact(d.id, contactId);
      await this.openDetail(d.id);
      return this.t('admin.saved', { name });
    });
  }

  private renderCreate() {
    const distributor = this.kind === 'distributor';
    return html`<form class="inline" part="create" aria-label=${this.t('admin.new')} @submit=${this.create}>
      <div class="field"><label for="a-name">${this.t('admin.name')}</label><input id="a-name" name="name" required maxlength="200" /></div>
      <div class="field">
        <label for="a-country">${this.t('admin.country')}</label><input id="a-country" name="country" maxlength="2" />
      </div>
      ${
        distributor
          ? html`<div class="field">
                <label for="a-currency">${this.t('admin.currency')}</label><input id="a-currency" name="currency" maxlength="3" />
              </div>
              <div class="field">
                <label for="a-region">${this.t('admin.region')}</label><input id="a-region" name="region" maxlength="60" />
              </div>`
          : nothing
      }
      <div class="field"><label for="a-crm">${this.t('admin.crmId')}</label><input id="a-crm" name="crmId" maxlength="64" /></div>
      <button class="brand" type="submit" ?disabled=${this.busy}>${this.t('admin.add')}</button>
    </form>`;
  }

  private renderRow(a: MasterAccount) {
    const distributor = this.kind === 'distributor';
    const current = this.mergeFrom?.id === a.id || this.detail?.id === a.id;
    return html`<tr part="row" aria-current=${current ? 'true' : 'false'} data-id=${a.id}>
      <th scope="row">${a.name}</th>
      <td>${a.country ?? '—'}</td>
      ${
        distributor
          ? html`<td>${a.currency ?? '—'}</td>
              <td class="hide-narrow">${a.region ?? '—'}</td>`
          : nothing
      }
      <td class="hide-narrow">${a.crmId ?? '—'}</td>
      <td class="actions">
        ${
          distributor
            ? html`<button type="button" class="details" @click=${() => this.openDetail(a.id)}>${this.t('admin.details')}</button>`
            : html`<button type="button" class="merge" ?disabled=${this.busy} @click=${() => this.startMerge(a)}>
                ${this.t('admin.merge')}
              </button>`
        }
      </td>
    </tr>`;
  }

  private renderMerge() {
    const loser = this.mergeFrom;
    if (!loser) return nothing;
    const survivor = this.accounts.find((a) => a.id === this.mergeInto);
    return html`<section class="panel" part="merge" aria-label=${this.t('admin.mergeInto', { loser: loser.name })}>
      <form class="inline" @submit=${(e: Event) => (e.preventDefault(), void this.confirmMerge())}>
        <div class="field">
          <label for="merge-into">${this.t('admin.mergeInto', { loser: loser.name })}</label>
          <select id="merge-into" @change=${(e: Event) => (this.mergeInto = Number((e.target as HTMLSelectElement).value) || null)}>
            <option value="">${this.t('admin.choose')}</option>
            ${this.accounts.filter((a) => a.id !== loser.id).map((a) => html`<option value=${a.id}>${a.name}</option>`)}
          </select>
        </div>
        <button type="button" @click=${() => (this.mergeFrom = null)}>${this.t('admin.cancel')}</button>
      </form>
      ${
        survivor
          ? html`<p class="confirm" role="alert">${this.t('admin.mergeConfirm', { loser: loser.name, survivor: survivor.name })}</p>
              <div class="inline-actions table-wrap">
                <button type="button" class="destructive" part="confirm" ?disabled=${this.busy} @click=${() => this.confirmMerge()}>
                  ${this.t('admin.mergeDo')}
                </button>
              </div>`
          : nothing
      }
    </section>`;
  }

  private renderDetail() {
    const d = this.detail;
    if (!d) return nothing;
    return html`<section class="panel" part="detail" aria-label=${d.name}>
      <h3>${d.name} · ${this.t('admin.contacts')}</h3>
      ${
        d.contacts.length
          ? html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${this.t('admin.name')}</th>
                    <th scope="col">${this.t('admin.email')}</th>
                    <th scope="col">${this.t('admin.role')}</th>
                    <th scope="col"><span class="sr-only">${this.t('admin.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${d.contacts.map(
                    (c) =>
                      html`<tr>
                        <td>${c.name}</td>
                        <td>${c.email}</td>
                        <td>${c.role ?? '—'}</td>
                        <td class="actions">
                          <button type="button" @click=${() => this.removeContact(c.id, c.name)}>${this.t('admin.remove')}</button>
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p class="muted table-wrap">${this.t('admin.noContacts')}</p>`
      }
      <form class="inline" aria-label=${this.t('admin.contacts')} @submit=${this.addContact}>
        <div class="field">
          <label for="c-name">${this.t('admin.name')}</label><input id="c-name" name="name" required maxlength="200" />
        </div>
        <div class="field">
          <label for="c-email">${this.t('admin.email')}</label><input id="c-email" name="email" type="email" required maxlength="200" />
        </div>
        <div class="field"><label for="c-role">${this.t('admin.role')}</label><input id="c-role" name="role" maxlength="100" /></div>
        <button class="brand" type="submit" ?disabled=${this.busy}>${this.t('admin.add')}</button>
      </form>
      <h3>${this.t('admin.users')}</h3>
      ${
        d.users.length
          ? html`<ul class="table-wrap">
              ${d.users.map((u) => html`<li>${u.name} · ${u.email} · ${u.role}${u.active ? '' : ` (${this.t('admin.inactive')})`}</li>`)}
            </ul>`
          : html`<p class="muted table-wrap">${this.t('admin.noUsers')}</p>`
      }
    </section>`;
  }

  override render() {
    const empty = this.accounts.length === 0;
    const distributor = this.kind === 'distributor';
    return html`<div class="card" part="base">
        <div class="card-header">
          <h2>${this.t(`admin.accounts.${this.kind}`)}</h2>
          <span class="badge" data-tone="info">${formatNumber(this.accounts.length, this.locale)}</span>
        </div>
        <div part="tabs" role="group" aria-label=${this.t('admin.accounts.kinds')}>
          ${KINDS.map(
            (k) =>
              html`<button type="button" aria-pressed=${k === this.kind ? 'true' : 'false'} @click=${() => (this.kind = k)}>
                ${this.t(`admin.accounts.${k}`)}
              </button>`,
          )}
        </div>
        ${this.renderWaiting()} ${this.renderCreate()} ${this.renderNotices()}
        ${renderViewState(this.view, { empty, emptyText: this.t('admin.accounts.empty'), locale: this.locale, hasContent: !empty, waiting: this.waitingForCredentials })}
        ${
          showsContent(this.view, empty)
            ? html`<div class="table-wrap">
                <table part="list" aria-label=${this.t(`admin.accounts.${this.kind}`)}>
                  <thead>
                    <tr>
                      <th scope="col">${this.t('admin.name')}</th>
                      <th scope="col">${this.t('admin.country')}</th>
                      ${
                        distributor
                          ? html`<th scope="col">${this.t('admin.currency')}</th>
                              <th scope="col" class="hide-narrow">${this.t('admin.region')}</th>`
                          : nothing
                      }
                      <th scope="col" class="hide-narrow">${this.t('admin.crmId')}</th>
                      <th scope="col"><span class="sr-only">${this.t('admin.actions')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${this.accounts.map((a) => this.renderRow(a))}
                  </tbody>
                </table>
              </div>`
            : nothing
        }
        ${this.renderMerge()} ${this.renderDetail()}
      </div>
      ${this.renderBulk('end-customers,resellers,distributors', BULK_KIND[this.kind])}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bec-admin-accounts': BecAdminAccounts;
  }
}
