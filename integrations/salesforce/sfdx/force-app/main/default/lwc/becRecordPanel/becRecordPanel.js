/**
 * BEC on a Lightning record page (Opportunity or Account): the record's pending special-price
 * requests to decide (bec-approval-queue), all its requests with the authorizations they made
 * (bec-request-list: number, validity, expired or lost) and its claims (bec-claim-grid), each narrowed to the record by
 * `opportunity-id` or `account-id` (the record's Salesforce Id), signed in as the Salesforce user
 * through the Apex embed exchange. Decisions (`becdecision`) and errors (`becerror`) are passed on
 * as this component's events.
 */
import { LightningElement, api } from 'lwc';
import { loadBec, reasonOf, renew, signIn } from 'c/becSession';

/** The record attribute each supported object sets on the bec-* elements. */
const RECORD_ATTRIBUTE = { Opportunity: 'opportunity-id', Account: 'account-id' };

export default class BecRecordPanel extends LightningElement {
  /** The record page's record (set by Lightning). */
  @api recordId;
  /** Opportunity or Account (set by Lightning). */
  @api objectApiName;
  /** The card's title (App Builder). */
  @api cardTitle = 'Back-end credits';
  /** Which panels to show, comma-separated: `queue`, `requests`, `claims` (App Builder). */
  @api show = 'queue,requests,claims';

  loading = true;
  problem = '';
  rendered = false;

  renderedCallback() {
    if (this.rendered) return;
    this.rendered = true;
    this.start();
  }

  async start() {
    const attribute = RECORD_ATTRIBUTE[this.objectApiName];
    try {
      if (!attribute) throw new Error(`BEC panels go on Opportunity or Account pages, not ${this.objectApiName}`);
      const bec = await loadBec(this);
      const { apiBase } = await signIn(bec);
      this.mount(apiBase, attribute);
    } catch (error) {
      this.problem = `BEC could not load: ${reasonOf(error)}`;
    } finally {
      this.loading = false;
    }
  }

  mount(apiBase, attribute) {
    const host = this.template.querySelector('.bec-host');
    const panels = this.show.split(',').map((p) => p.trim());
    const make = (tag, attributes) => {
      const el = document.createElement(tag);
      el.setAttribute('api-base', apiBase);
      el.setAttribute(attribute, this.recordId);
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.addEventListener('becerror', (e) => this.onBecError(e));
      host.appendChild(el);
      return el;
    };
    if (panels.includes('queue')) {
      const queue = make('bec-approval-queue', {});
      queue.addEventListener('becdecision', (e) => this.dispatchEvent(new CustomEvent('becdecision', { detail: e.detail })));
    }
    if (panels.includes('requests')) make('bec-request-list', { heading: 'Special-price requests and authorizations' });
    if (panels.includes('claims')) make('bec-claim-grid', { view: 'claims', audience: 'vendor', heading: 'Claims' });
  }

  onBecError(event) {
    // The access token expired (or was revoked): sign in again; the waiting elements load by themselves.
    if (event.detail?.status === 401) {
      loadBec(this)
        .then((bec) => renew(bec))
        .catch((error) => {
          this.problem = `BEC could not sign in again: ${reasonOf(error)}`;
        });
    }
    this.dispatchEvent(new CustomEvent('becerror', { detail: event.detail }));
  }
}
