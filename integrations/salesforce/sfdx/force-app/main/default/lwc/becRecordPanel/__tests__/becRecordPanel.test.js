/**
 * becRecordPanel on a record page: it loads the bec-* bundle from the static resource, signs in
 * through the Apex embed exchange, and puts the record's queue, requests (with their authorizations) and claims on the page with the
 * record's id. The platform's parts (loadScript, the Apex call, the bundle's `window.BEC`) stand in
 * here: jest runs no Apex and no Salesforce; the bundle itself is tested in Chromium
 * (components/**), the exchange against the real server (test/api/embed-vendor.test.ts).
 */
import { createElement } from 'lwc';
import BecRecordPanel from 'c/becRecordPanel';
import { reset } from 'c/becSession';
import { loadScript } from 'lightning/platformResourceLoader';
import embedToken from '@salesforce/apex/BecEmbedController.embedToken';

jest.mock('@salesforce/apex/BecEmbedController.embedToken', () => ({ default: jest.fn() }), { virtual: true });

const API_BASE = 'https://bec.example.com';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeBundle() {
  const client = { signInWithEmbedToken: jest.fn().mockResolvedValue({ email: 'cm@voltaic.example' }) };
  window.BEC = { apiFor: jest.fn(() => client) };
  return client;
}

function mount(props) {
  const el = createElement('c-bec-record-panel', { is: BecRecordPanel });
  Object.assign(el, props);
  document.body.appendChild(el);
  return el;
}

const hostOf = (el) => el.shadowRoot.querySelector('.bec-host');

describe('c-bec-record-panel', () => {
  beforeEach(() => {
    embedToken.mockResolvedValue({ token: 'embed-token-1', apiBase: API_BASE, scopes: ['read'], expiresAt: '2026-12-06T14:01:00Z' });
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    reset();
    delete window.BEC;
    jest.clearAllMocks();
  });

  it("loads the bundle, signs in with the Apex embed token, and shows the opportunity's queue, requests with their authorizations, and claims", async () => {
    const client = fakeBundle();
    const el = mount({ recordId: '006000000000001AAA', objectApiName: 'Opportunity' });
    await flush();
    await flush();
    expect(loadScript).toHaveBeenCalledWith(expect.anything(), expect.stringContaining('bec'));
    expect(embedToken).toHaveBeenCalledTimes(1);
    expect(window.BEC.apiFor).toHaveBeenCalledWith(API_BASE);
    expect(client.signInWithEmbedToken).toHaveBeenCalledWith('embed-token-1');
    const queue = hostOf(el).querySelector('bec-approval-queue');
    const grid = hostOf(el).querySelector('bec-claim-grid');
    const requests = hostOf(el).querySelector('bec-request-list');
    expect([...hostOf(el).children].map((c) => c.localName)).toEqual(['bec-approval-queue', 'bec-request-list', 'bec-claim-grid']);
    expect(queue.getAttribute('api-base')).toBe(API_BASE);
    expect(requests.getAttribute('api-base')).toBe(API_BASE);
    expect(requests.getAttribute('opportunity-id')).toBe('006000000000001AAA');
    expect(requests.getAttribute('heading')).toBe('Special-price requests and authorizations');
    expect(queue.getAttribute('opportunity-id')).toBe('006000000000001AAA');
    expect(grid.getAttribute('opportunity-id')).toBe('006000000000001AAA');
    expect(grid.getAttribute('view')).toBe('claims');
    expect(grid.hasAttribute('account-id')).toBe(false);
  });

  it('on an Account page narrows to the account, and shows only the panels asked for', async () => {
    fakeBundle();
    const el = mount({ recordId: '001000000000002AAA', objectApiName: 'Account', show: 'requests, claims' });
    await flush();
    await flush();
    expect(hostOf(el).querySelector('bec-approval-queue')).toBeNull();
    expect(hostOf(el).querySelector('bec-request-list').getAttribute('account-id')).toBe('001000000000002AAA');
    expect(hostOf(el).querySelector('bec-claim-grid').getAttribute('account-id')).toBe('001000000000002AAA');
  });

  it('signs in once for several panels on one page', async () => {
    fakeBundle();
    mount({ recordId: '006000000000001AAA', objectApiName: 'Opportunity' });
    mount({ recordId: '006000000000001AAA', objectApiName: 'Opportunity', show: 'claims' });
    await flush();
    await flush();
    expect(embedToken).toHaveBeenCalledTimes(1);
  });

  it('passes a decision on as its own event', async () => {
    fakeBundle();
    const el = mount({ recordId: '006000000000001AAA', objectApiName: 'Opportunity' });
    await flush();
    await flush();
    const heard = jest.fn();
    el.addEventListener('becdecision', heard);
    hostOf(el)
      .querySelector('bec-approval-queue')
      .dispatchEvent(new CustomEvent('becdecision', { detail: { requestId: 7, decision: 'approve' } }));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard.mock.calls[0][0].detail).toEqual({ requestId: 7, decision: 'approve' });
  });

  it('signs in again when BEC answers 401 (the access token expired)', async () => {
    fakeBundle();
    const el = mount({ recordId: '006000000000001AAA', objectApiName: 'Opportunity' });
    await flush();
    await flush();
    embedToken.mockResolvedValue({ token: 'embed-token-2', apiBase: API_BASE, scopes: ['read'] });
    // Both elements fail at once: one renewal.
    for (const tag of ['bec-claim-grid', 'bec-approval-queue', 'bec-request-list'])
      hostOf(el)
        .querySelector(tag)
        .dispatchEvent(new CustomEvent('becerror', { detail: { status: 401, code: 'UNAUTHENTICATED', message: 'sign in' } }));
    await flush();
    await flush();
    expect(embedToken).toHaveBeenCalledTimes(2);
    expect(window.BEC.apiFor(API_BASE).signInWithEmbedToken).toHaveBeenLastCalledWith('embed-token-2');
  });

  it('says why when the exchange is refused, and mounts nothing', async () => {
    fakeBundle();
    embedToken.mockRejectedValue({ body: { message: 'BEC refused the embed token (404 NOT_FOUND): no user with that e-mail' } });
    const el = mount({ recordId: '006000000000001AAA', objectApiName: 'Opportunity' });
    await flush();
    await flush();
    expect(el.shadowRoot.querySelector('[data-id="problem"]').textContent).toContain('no user with that e-mail');
    expect(hostOf(el).children.length).toBe(0);
  });

  it('refuses a page of another object', async () => {
    fakeBundle();
    const el = mount({ recordId: '500000000000001AAA', objectApiName: 'Case' });
    await flush();
    await flush();
    expect(el.shadowRoot.querySelector('[data-id="problem"]').textContent).toContain('not Case');
    expect(embedToken).not.toHaveBeenCalled();
  });
});
