import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Product, SpecialPriceRequest } from '../shared/api.js';
import { configureApi } from '../shared/api.js';
import { becEvent } from '../shared/events.js';
import { makeRequest, routes, stubFetch, problem } from '../shared/test-data.js';
import type { RouteTable } from '../shared/test-data.js';
import './request-list.js';
import type { BecRequestList } from './request-list.js';

const products: Product[] = [{ id: 1, vendorPartNumber: 'VS-MCU-16L0', description: 'MCU', family: null, listPrice: '1.5000' }];
const accounts = [{ id: 9, type: 'end_customer' as const, name: 'Orion Automotive', country: 'DE' }];
const req = (id: number, patch: Partial<SpecialPriceRequest> = {}, counterCost: string | null = null) =>
  makeRequest(id, {
    number: `REQ-${id}`,
    opportunityRef: null,
    justification: null,
    lines: [
      {
        id: id * 10,
        productId: 1,
        quantity: 12000,
        requestedCost: '1.1000',
        bookCost: null,
        flags: [],
        counterCost,
        counterQuantity: null,
        authorizationLineId: null,
      },
    ],
    ...patch,
  });
const countered = () => req(3, { status: 'countered', decisionComment: 'We can meet you at 1.2500' }, '1.2500');
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const settle = async (el: BecRequestList) => {
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};

let base = 0;
/** A fresh API base per test: each gets its own client. */
function api(extra: RouteTable) {
  const stub = stubFetch(
    {
      'GET /api/products': () => ({ body: { items: products } }),
      'GET /api/accounts?type=end_customer': () => ({ body: { items: accounts } }),
    },
    { overrides: extra },
  );
  const baseUrl = `http://127.0.0.1:${9100 + base++}`;
  configureApi({ baseUrl, fetch: stub.fetch, token: 't' });
  return { ...stub, baseUrl };
}

describe('bec-request-list', () => {
  it('shows each request with its status, and a counter-offer with its price and comment, accessibly', async () => {
    const el = await fixture<BecRequestList>(
      html`<bec-request-list
        .requests=${[req(1), req(2, { status: 'declined', decisionComment: 'Below margin' }), countered()]}
        .products=${products}
        .accounts=${accounts}
      ></bec-request-list>`,
    );
    const items = el.shadowRoot!.querySelectorAll('[part="item"]');
    expect(items.length).to.equal(3);
    expect(items[0].querySelector('.badge')!.textContent).to.equal('Pending');
    expect(items[1].textContent).to.contain('Below margin');
    const counter = $(el, '#req-3 [part="counter"]');
    // 12,000 x 1.25 = 15,000.00; the counter price per unit beside the requested one.
    expect(counter.textContent).to.contain('$15,000.00');
    expect(counter.textContent).to.contain('We can meet you at 1.2500');
    expect($(el, '#req-3 table').textContent).to.contain('$1.25');
    expect($(el, '#req-1 [part="counter"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('accepts a counter-offer: posts it, shows the request approved at the counter price, and announces it', async () => {
    const { baseUrl, calls } = api(
      routes({
        'GET /api/requests?pageSize=200': () => ({ body: { items: [countered()], total: 1, page: 1, pageSize: 200 } }),
        'POST /api/requests/3/accept-counter': () => ({ body: { ...countered(), status: 'approved', authorizationId: 77 } }),
      }),
    );
    const el = await fixture<BecRequestList>(html`<bec-request-list api-base=${baseUrl}></bec-request-list>`);
    await settle(el);
    const answered = oneEvent(el, 'beccounteranswer');
    $<HTMLButtonElement>(el, '#req-3 [part="counter"] button.brand').click();
    expect((await answered).detail).to.include({ requestId: 3, answer: 'accept' });
    await el.updateComplete;
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/api/requests/3/accept-counter'))).to.equal(true);
    expect($(el, '#req-3 .badge').textContent).to.equal('Approved');
    expect($(el, '#req-3 .value').textContent).to.contain('$15,000.00');
    expect($(el, '#req-3 [part="counter"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#req-3 h3'));
  });

  it('rejects a counter-offer with the reason typed, and shows the request withdrawn', async () => {
    const { baseUrl, calls } = api(
      routes({
        'GET /api/requests?pageSize=200': () => ({ body: { items: [countered()], total: 1, page: 1, pageSize: 200 } }),
        'POST /api/requests/3/reject-counter': () => ({ body: { ...countered(), status: 'withdrawn' } }),
      }),
    );
    const el = await fixture<BecRequestList>(html`<bec-request-list api-base=${baseUrl}></bec-request-list>`);
    await settle(el);
    const reason = $<HTMLTextAreaElement>(el, '#reason-3');
    reason.value = 'Our customer will not pay 1.25';
    reason.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '#req-3 button.destructive').click();
    await waitUntil(() => $(el, '#req-3 .badge').textContent === 'Withdrawn');
    expect(calls.find((c) => c.url.endsWith('/reject-counter'))!.body).to.deep.equal({ comment: 'Our customer will not pay 1.25' });
  });

  it('tells a failure from an empty list: the detail and a Retry, which loads again', async () => {
    let fail = true;
    const { baseUrl } = api(
      routes({
        'GET /api/requests?pageSize=200': () =>
          fail ? problem(503, 'UNAVAILABLE', 'the database is not answering') : { body: { items: [], total: 0, page: 1, pageSize: 200 } },
      }),
    );
    const el = await fixture<BecRequestList>(html`<bec-request-list api-base=${baseUrl}></bec-request-list>`);
    await settle(el);
    expect($(el, '[part="error"]').textContent).to.contain('503 · the database is not answering');
    expect($(el, '[part="empty"]')).to.equal(null);
    fail = false;
    $<HTMLButtonElement>(el, '[part="retry"]').click();
    await settle(el);
    expect($(el, '[part="error"]')).to.equal(null);
    expect($(el, '[part="empty"]').textContent).to.contain('not requested a special price yet');
  });

  it('says so when the browser is offline, and loads again when it is back online', async () => {
    let online = false;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
    try {
      const stub = stubFetch({
        'GET /api/products': () => ({ body: { items: products } }),
        'GET /api/accounts?type=end_customer': () => ({ body: { items: accounts } }),
        'GET /api/requests?pageSize=200': () => ({ body: { items: [req(1)], total: 1, page: 1, pageSize: 200 } }),
      });
      const baseUrl = `http://127.0.0.1:${9100 + base++}`;
      const offlineFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
        online ? stub.fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
      configureApi({ baseUrl, fetch: offlineFetch, token: 't' });
      const el = await fixture<BecRequestList>(html`<bec-request-list api-base=${baseUrl}></bec-request-list>`);
      await settle(el);
      expect($(el, '[part="offline"]').textContent).to.contain('offline');
      expect($(el, '[part="error"]')).to.equal(null);
      online = true;
      window.dispatchEvent(new Event('online'));
      await settle(el);
      expect($(el, '[part="offline"]')).to.equal(null);
      expect(el.shadowRoot!.querySelectorAll('[part="item"]').length).to.equal(1);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
    }
  });

  it('shows a request the request form just sent', async () => {
    const el = await fixture<BecRequestList>(html`<bec-request-list .products=${products} .accounts=${accounts}></bec-request-list>`);
    expect($(el, '[part="empty"]')).to.not.equal(null);
    document.body.dispatchEvent(becEvent('becrequestsubmit', { request: req(8), input: {}, idempotencyKey: 'k' }));
    await el.updateComplete;
    expect($(el, '#req-8 .badge').textContent).to.equal('Pending');
  });

  it("on a record page loads only the record's requests, and names each approval's authorization and whether it still holds", async () => {
    const authorization = (number: string, patch: Partial<NonNullable<SpecialPriceRequest['authorization']>> = {}) => ({
      number,
      status: 'active' as const,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      closedLostOn: null,
      ...patch,
    });
    const { baseUrl, calls } = api(
      routes({
        'GET /api/requests*': () => ({
          body: {
            items: [
              req(4, { status: 'approved', authorizationId: 40, authorization: authorization('SD-AAAA-4') }),
              req(5, {
                status: 'approved',
                authorizationId: 50,
                authorization: authorization('SD-BBBB-5', { closedLostOn: '2026-11-15' }),
              }),
              req(6, { status: 'approved', authorizationId: 60, authorization: authorization('SD-CCCC-6', { status: 'expired' }) }),
              req(7),
            ],
            page: 1,
            pageSize: 200,
            nextCursor: null,
          },
        }),
      }),
    );
    const el = await fixture<BecRequestList>(
      html`<bec-request-list api-base=${baseUrl} opportunity-id="006000000000077AAA" heading="Special-price requests"></bec-request-list>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="item"]').length === 4, 'the requests load');
    const asked = new URL(calls.find((c) => c.url.includes('/api/requests'))!.url, baseUrl);
    expect(asked.searchParams.get('opportunityId')).to.equal('006000000000077AAA');
    expect(asked.searchParams.has('status')).to.equal(false);
    expect($(el, 'h2').textContent).to.equal('Special-price requests');
    expect($(el, '#req-4 [part="authorization"]').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Authorization SD-AAAA-4, valid Oct 1, 2026 to Mar 31, 2027',
    );
    expect($(el, '#req-5 [part="authorization"]').getAttribute('data-status')).to.equal('closedLost');
    expect($(el, '#req-5 [part="authorization"]').textContent).to.contain('Opportunity lost on Nov 15, 2026');
    expect($(el, '#req-6 [part="authorization"]').textContent).to.contain('Expired');
    expect($(el, '#req-7 [part="authorization"]')).to.equal(null);

    el.accountId = '001000000000042AAA';
    el.opportunityId = '';
    await waitUntil(() => calls.filter((c) => c.url.includes('/api/requests')).length === 2, 'the account is asked for');
    const second = new URL(calls.filter((c) => c.url.includes('/api/requests'))[1]!.url, baseUrl);
    expect(second.searchParams.get('accountId')).to.equal('001000000000042AAA');
    expect(second.searchParams.has('opportunityId')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('speaks French with locale="fr"', async () => {
    const el = await fixture<BecRequestList>(
      html`<bec-request-list
        locale="fr"
        currency="EUR"
        .requests=${[countered()]}
        .products=${products}
        .accounts=${accounts}
      ></bec-request-list>`,
    );
    expect($(el, 'h2').textContent).to.equal('Mes demandes de prix spécial');
    expect($(el, '#req-3 .badge').textContent).to.equal('Contre-proposition');
    // 15 000,00 € with the French narrow space.
    expect($(el, '#req-3 [part="counter"] strong').textContent!.replace(/\s/g, ' ')).to.contain('15 000,00 €');
  });
});
