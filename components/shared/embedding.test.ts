import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../claim-grid/claim-grid.js';
import type { BecClaimGrid } from '../claim-grid/claim-grid.js';
import '../request-form/request-form.js';
import type { BecRequestForm } from '../request-form/request-form.js';
import { apiFor, configureApi, type Claim } from './api.js';
import { makeClaims, problem, stubFetch } from './test-data.js';

const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const brandOf = (form: BecRequestForm) => getComputedStyle($(form, 'button.brand')).backgroundColor;
const backgroundOf = (form: BecRequestForm) => getComputedStyle($(form, '.card')).backgroundColor;
const rows = (grid: BecClaimGrid) => grid.shadowRoot!.querySelectorAll('[part="row"]');

/** A server that answers 401 until the right bearer token is sent. */
function serverWantingToken(token: string, claims: Claim[]) {
  const stub = stubFetch({
    'GET /api/claims*': () => ({ body: { items: claims, total: claims.length, page: 1, pageSize: 200 } }),
    'GET /api/accounts*': () => ({ body: { items: [] } }),
  });
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    if (headers.Authorization !== `Bearer ${token}`) {
      stub.calls.push({ method: init.method ?? 'GET', url: String(input), body: null, headers });
      return new Response(JSON.stringify(problem(401, 'UNAUTHENTICATED', 'sign in first (a session cookie or a bearer token)').body), {
        status: 401,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    }
    return stub.fetch(input, init);
  }) as typeof globalThis.fetch;
  return { fetch, calls: stub.calls };
}

describe('theming from the host page', () => {
  it('applies a --bec-* token set on an ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--bec-color-brand: rgb(90, 27, 169)"><bec-request-form></bec-request-form></div>`,
    );
    const form = wrapper.querySelector<BecRequestForm>('bec-request-form')!;
    await form.updateComplete;
    expect(brandOf(form)).to.equal('rgb(90, 27, 169)');
  });

  it('falls back to the SLDS styling hooks, and a --bec-* token wins over them', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--slds-g-color-accent-1: rgb(1, 2, 3); --slds-g-color-surface-1: rgb(250, 240, 230)">
        <bec-request-form></bec-request-form>
        <div style="--bec-color-brand: rgb(9, 8, 7)"><bec-request-form></bec-request-form></div>
      </div>`,
    );
    const [hooked, overridden] = wrapper.querySelectorAll<BecRequestForm>('bec-request-form');
    await hooked.updateComplete;
    expect(brandOf(hooked)).to.equal('rgb(1, 2, 3)');
    expect(backgroundOf(hooked)).to.equal('rgb(250, 240, 230)');
    expect(brandOf(overridden)).to.equal('rgb(9, 8, 7)');
  });

  it('uses the SLDS defaults with nothing set, and no token is redeclared on the element', async () => {
    const form = await fixture<BecRequestForm>(html`<bec-request-form></bec-request-form>`);
    expect(brandOf(form)).to.equal('rgb(1, 118, 211)');
    expect(getComputedStyle(form).getPropertyValue('--bec-color-brand')).to.equal('');
  });

  it('follows the page colour scheme, prefers-color-scheme with theme="auto", and theme="dark"', async () => {
    const light = await fixture<BecRequestForm>(html`<bec-request-form></bec-request-form>`);
    expect(backgroundOf(light)).to.equal('rgb(255, 255, 255)');
    const darkPage = await fixture<HTMLDivElement>(html`<div style="color-scheme: dark"><bec-request-form></bec-request-form></div>`);
    expect(backgroundOf(darkPage.querySelector('bec-request-form')!)).to.equal('rgb(26, 27, 30)');
    const forced = await fixture<BecRequestForm>(html`<bec-request-form theme="dark"></bec-request-form>`);
    expect(backgroundOf(forced)).to.equal('rgb(26, 27, 30)');
    const auto = await fixture<BecRequestForm>(html`<bec-request-form theme="auto"></bec-request-form>`);
    expect(backgroundOf(auto)).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    try {
      expect(backgroundOf(auto)).to.equal('rgb(26, 27, 30)');
      // A page that did not opt in to dark stays light.
      expect(backgroundOf(light)).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});

describe('waiting for credentials', () => {
  it('waits (no error) until credentials arrive, then loads with the bearer token', async () => {
    const base = 'http://127.0.0.1:31';
    const server = serverWantingToken('bece_t1', makeClaims(3));
    configureApi({ baseUrl: base, fetch: server.fetch });
    const errors: string[] = [];
    const grid = await fixture<BecClaimGrid>(
      html`<bec-claim-grid api-base=${base} view="claims" @becerror=${(e: CustomEvent) => errors.push(e.detail.code)}></bec-claim-grid>`,
    );
    await waitUntil(() => grid.shadowRoot!.querySelector('[part="waiting"]'), 'shows the waiting state');
    expect(grid.shadowRoot!.querySelector('.alert[role="alert"]')).to.equal(null);
    expect(grid.shadowRoot!.textContent).not.to.contain('sign in first');
    expect(errors).to.include('UNAUTHENTICATED');

    apiFor(base).setCredentials({ token: 'bece_t1' });
    await waitUntil(() => rows(grid).length === 3, 'loads once the token is set');
    expect(grid.shadowRoot!.querySelector('[part="waiting"]')).to.equal(null);
    const last = server.calls.filter((c) => c.url.includes('/api/claims')).at(-1)!;
    expect(last.headers.Authorization).to.equal('Bearer bece_t1');
  });

  it('shows no empty error in the form while it waits', async () => {
    const base = 'http://127.0.0.1:34';
    configureApi({ baseUrl: base, fetch: serverWantingToken('never', []).fetch });
    const form = await fixture<BecRequestForm>(html`<bec-request-form api-base=${base}></bec-request-form>`);
    await waitUntil(() => form.shadowRoot!.querySelector('[part="waiting"]'), 'shows the waiting state');
    expect(form.shadowRoot!.querySelectorAll('[role="alert"]').length).to.equal(0);
    await expect(form).to.be.accessible();
  });

  it('loads again when the same api-base is set again', async () => {
    const base = 'http://127.0.0.1:32';
    const server = serverWantingToken('tok', makeClaims(2));
    configureApi({ baseUrl: base, fetch: server.fetch });
    const grid = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base=${base} view="claims"></bec-claim-grid>`);
    await waitUntil(() => grid.shadowRoot!.querySelector('[part="waiting"]'));
    // The token is there, but no event said so (a host that set it by hand): setting api-base again loads.
    apiFor(base).token = 'tok';
    grid.setAttribute('api-base', base);
    await waitUntil(() => rows(grid).length === 2, 'loads after api-base is set again');
  });

  it('loads at once when the credentials changed while a refused call was under way', async () => {
    const base = 'http://127.0.0.1:33';
    const server = serverWantingToken('late', makeClaims(1));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    configureApi({
      baseUrl: base,
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        await gate;
        return server.fetch(input, init);
      }) as typeof fetch,
    });
    const grid = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base=${base} view="claims"></bec-claim-grid>`);
    apiFor(base).setCredentials({ token: 'late' });
    release();
    await waitUntil(() => rows(grid).length === 1, 'the refused call is retried with the new credentials');
  });
});
