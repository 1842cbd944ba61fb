import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Product, SpecialPriceRequest } from '../shared/api.js';
import { configureApi } from '../shared/api.js';
import { makeApprovalContext, stubFetch } from '../shared/test-data.js';
import './approval-queue.js';
import type { BecApprovalQueue } from './approval-queue.js';

const products: Product[] = [
  { id: 1, vendorPartNumber: 'VS-RF-BLE5', description: 'BLE SoC', family: 'Wireless', listPrice: '2.8800' },
  { id: 2, vendorPartNumber: 'VS-SNS-TMP', description: 'Temp sensor', family: 'Sensors', listPrice: '0.9500' },
];
const accounts = [
  { id: 2, type: 'distributor' as const, name: 'Arrowhead Components', country: 'US' },
  { id: 9, type: 'end_customer' as const, name: 'Cascade Robotics', country: 'US' },
];
function req(id: number): SpecialPriceRequest {
  return {
    id,
    number: `SPR-${id}`,
    programId: 1,
    distributorId: 2,
    resellerId: null,
    endCustomerId: 9,
    requestedByUserId: 6,
    status: 'pending',
    validFrom: '2026-09-01',
    validTo: '2027-03-31',
    opportunityRef: '006XYZ',
    dealRegistrationRef: null,
    justification: 'Robot arm refresh',
    decisionComment: null,
    decidedByUserId: null,
    decidedAt: null,
    authorizationId: null,
    createdAt: '2026-11-20T10:00:00Z',
    lines: [
      { id: id * 10 + 1, productId: 1, quantity: 8000, requestedCost: '1.9000', counterCost: null, counterQuantity: null },
      { id: id * 10 + 2, productId: 2, quantity: 8000, requestedCost: '0.6000', counterCost: null, counterQuantity: null },
    ],
  };
}
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;

describe('bec-approval-queue', () => {
  it('lists pending requests with the margin impact and CRM context, accessibly', async () => {
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue
        .requests=${[req(1), req(2)]}
        .products=${products}
        .accounts=${accounts}
        .contexts=${{ 1: { opportunity: { id: '006XYZ', name: 'Cascade arm v2', stage: 'Negotiation', amount: '250000.00' }, priceHistory: [{ productId: 1, date: '2026-03-01', cost: '2.1000' }] } }}
      ></bec-approval-queue>`,
    );
    expect(el.shadowRoot!.querySelectorAll('[role="option"]').length).to.equal(2);
    // (2.88 - 1.90) x 8000 + (0.95 - 0.60) x 8000 = 7840 + 2800
    expect($(el, '[part="context"]').textContent).to.contain('$10,640.00');
    expect($(el, '[part="context"]').textContent).to.contain('Cascade arm v2');
    await expect(el).to.be.accessible();
  });

  it('is keyboard-driven: arrow down then "a" approves the second request', async () => {
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue .requests=${[req(1), req(2)]} .products=${products} .accounts=${accounts}></bec-approval-queue>`,
    );
    $<HTMLElement>(el, '[role="listbox"]').focus();
    await sendKeys({ press: 'ArrowDown' });
    const decided = oneEvent(el, 'becdecision');
    await sendKeys({ press: 'a' });
    const ev = await decided;
    expect(ev.detail).to.include({ requestId: 2, decision: 'approve' });
    await el.updateComplete;
    expect(el.requests.map((r) => r.id)).to.deep.equal([1]);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[role="listbox"]'));
  });

  it('requires a comment to decline and a cost to counter', async () => {
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue .requests=${[req(1)]} .products=${products} .accounts=${accounts}></bec-approval-queue>`,
    );
    await el.decide('decline');
    await el.updateComplete;
    expect($(el, '#comment-err').textContent).to.contain('comment is required');
    $<HTMLTextAreaElement>(el, '#comment').focus();
    await sendKeys({ type: 'We can meet you at 2.10' });
    await el.decide('counter');
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.contain('counter cost');
    $<HTMLInputElement>(el, 'td input').focus();
    await sendKeys({ type: '2.1' });
    const decided = oneEvent(el, 'becdecision');
    await el.decide('counter');
    expect((await decided).detail).to.include({ decision: 'counter', comment: 'We can meet you at 2.10' });
  });

  it('loads from the API, posts the decision and shows a refusal', async () => {
    const stub = stubFetch({
      'GET /api/requests?status=pending&pageSize=200': () => ({ body: { items: [req(1)], total: 1, page: 1, pageSize: 200 } }),
      'GET /api/products': () => ({ body: { items: products } }),
      'GET /api/accounts': () => ({ body: { items: accounts } }),
      'GET /api/programs': () => ({ body: { items: [] } }),
      'GET /api/requests/1/context': () => ({ status: 404, body: { code: 'ROUTE_NOT_FOUND', detail: 'no route' } }),
      'POST /api/requests/1/approve': () => ({
        status: 403,
        body: { code: 'SELF_APPROVAL', detail: 'you cannot approve your own request' },
      }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:7', fetch: stub.fetch, csrfToken: 't' });
    const el = await fixture<BecApprovalQueue>(html`<bec-approval-queue api-base="http://127.0.0.1:7"></bec-approval-queue>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.requests.length).to.equal(1);
    const failed = oneEvent(el, 'becerror');
    await el.decide('approve');
    expect((await failed).detail.code).to.equal('SELF_APPROVAL');
    await el.updateComplete;
    expect($(el, '.alert[role="alert"]').textContent).to.contain('own request');
    expect(el.requests.length).to.equal(1);
  });
});

describe('contextFromServer', () => {
  it("maps the server's CRM context (issue 5) onto the panel", async () => {
    const { contextFromServer } = await import('./approval-queue.js');
    const ctx = contextFromServer(makeApprovalContext());
    expect(ctx.opportunity!.name).to.equal('Cascade arm v2');
    expect(ctx.dealRegistration!.id).to.equal('DR-0042');
    expect(ctx.priceHistory![0].cost).to.equal('2.1000');
    expect(ctx.flags!.length).to.equal(1);
  });
});
