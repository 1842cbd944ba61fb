import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Account, Product, Program } from '../shared/api.js';
import { configureApi } from '../shared/api.js';
import { stubFetch } from '../shared/test-data.js';
import './request-form.js';
import type { BecRequestForm } from './request-form.js';

const programs: Program[] = [
  {
    id: 1,
    code: 'SD-2026',
    name: 'Ship & Debit 2026',
    type: 'ship_and_debit',
    status: 'active',
    startDate: '2026-01-01',
    endDate: '2027-06-30',
    productIds: [],
    distributorIds: [],
    endCustomerIds: [],
    quantityCap: 100000,
    priceFloor: '0.2000',
    requiredClaimFields: [],
  },
  {
    id: 2,
    code: 'SPA-DW',
    name: 'Design win',
    type: 'spa',
    status: 'active',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    productIds: [1],
    distributorIds: [],
    endCustomerIds: [],
    quantityCap: 50000,
    priceFloor: '1.0000',
    requiredClaimFields: [],
  },
];
const products: Product[] = [
  { id: 1, vendorPartNumber: 'VS-MCU-32F4', description: 'Cortex-M4 MCU', family: 'MCU', listPrice: '6.4500' },
  { id: 2, vendorPartNumber: 'VS-LDO-3V3', description: 'LDO 3.3 V', family: 'Power', listPrice: '0.4200' },
];
const endCustomers: Account[] = [{ id: 9, type: 'end_customer', name: 'Helios Medical Devices', country: 'US' }];
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;

async function fill(el: BecRequestForm, program: string, part: string, qty: string, cost: string) {
  $<HTMLSelectElement>(el, '#programId').value = program;
  $<HTMLSelectElement>(el, '#endCustomerId').value = '9';
  $<HTMLInputElement>(el, '#validFrom').value = '2026-12-01';
  $<HTMLInputElement>(el, '#validTo').value = '2027-03-31';
  const inputs = el.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input');
  inputs[0].focus();
  await sendKeys({ type: part });
  inputs[1].focus();
  await sendKeys({ type: qty });
  inputs[2].focus();
  await sendKeys({ type: cost });
  await el.updateComplete;
}

describe('bec-request-form', () => {
  it('renders the fields and is accessible', async () => {
    const el = await fixture<BecRequestForm>(
      html`<bec-request-form
        .programs=${programs}
        .products=${products}
        .endCustomers=${endCustomers}
        distributor-id="2"
      ></bec-request-form>`,
    );
    expect(el.shadowRoot!.querySelectorAll('#programId option').length).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('shows required-field errors in place and focuses the first', async () => {
    const el = await fixture<BecRequestForm>(
      html`<bec-request-form
        .programs=${programs}
        .products=${products}
        .endCustomers=${endCustomers}
        distributor-id="2"
      ></bec-request-form>`,
    );
    const invalid = oneEvent(el, 'becinvalid');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    const ev = await invalid;
    expect(ev.detail.errors.map((e: { field: string }) => e.field)).to.include.members(['programId', 'endCustomerId', 'lines.0.productId']);
    await el.updateComplete;
    expect($(el, '#err-programId').textContent).to.contain('Choose a program');
    expect(el.shadowRoot!.activeElement?.id).to.equal('programId');
    await expect(el).to.be.accessible();
  });

  it("runs the program's eligibility rules before sending (price floor, eligible products)", async () => {
    const el = await fixture<BecRequestForm>(
      html`<bec-request-form
        .programs=${programs}
        .products=${products}
        .endCustomers=${endCustomers}
        distributor-id="2"
      ></bec-request-form>`,
    );
    await fill(el, '2', 'VS-LDO-3V3', '100', '0.5');
    const invalid = oneEvent(el, 'becinvalid');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    const fields = (await invalid).detail.errors.map((e: { field: string }) => e.field);
    expect(fields).to.include.members(['lines.0.productId', 'lines.0.requestedCost']);
    await el.updateComplete;
    expect($(el, '#err-lines-0-requestedCost').textContent).to.contain('price floor');
  });

  it('sends a valid request with an idempotency key and reports success', async () => {
    const stub = stubFetch({
      'GET /api/programs': () => ({ body: { items: programs } }),
      'GET /api/accounts?type=end_customer': () => ({ body: { items: endCustomers } }),
      'GET /api/products': () => ({ body: { items: products } }),
      'GET /api/session': () => ({ body: { userId: 6, email: 'ops@a', name: 'Ari', role: 'distributor_user', distributorId: 2 } }),
      'POST /api/requests': () => ({ status: 201, body: { id: 40, number: 'SPR-2026-0040', lines: [] } }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:6', fetch: stub.fetch, csrfToken: 'x' });
    const el = await fixture<BecRequestForm>(html`<bec-request-form api-base="http://127.0.0.1:6"></bec-request-form>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.distributorId).to.equal(2);
    await fill(el, '1', 'VS-MCU-32F4', '5000', '4.10');
    const sent = oneEvent(el, 'becrequestsubmit');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    const ev = await sent;
    expect(ev.detail.request!.number).to.equal('SPR-2026-0040');
    const post = stub.calls.find((c) => c.method === 'POST')!;
    expect(post.headers['Idempotency-Key']).to.equal(ev.detail.idempotencyKey);
    expect(post.body).to.deep.include({ programId: 1, distributorId: 2, endCustomerId: 9, validFrom: '2026-12-01' });
    expect((post.body as { lines: unknown[] }).lines).to.deep.equal([{ productId: 1, quantity: 5000, requestedCost: '4.10' }]);
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.contain('SPR-2026-0040');
  });

  it("shows the server's field errors in place", async () => {
    const stub = stubFetch({
      'POST /api/requests': () => ({
        status: 422,
        body: {
          code: 'NOT_ELIGIBLE',
          detail: 'not eligible',
          errors: [{ field: 'lines.0.quantity', message: 'exceeds the remaining allocation' }],
        },
      }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:5', fetch: stub.fetch });
    const el = await fixture<BecRequestForm>(html`<bec-request-form api-base="http://127.0.0.1:5" distributor-id="2"></bec-request-form>`);
    el.programs = programs;
    el.products = products;
    el.endCustomers = endCustomers;
    await el.updateComplete;
    await fill(el, '1', 'VS-MCU-32F4', '5000', '4.10');
    const invalid = oneEvent(el, 'becinvalid');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await invalid;
    await el.updateComplete;
    expect($(el, '#err-lines-0-quantity').textContent).to.contain('remaining allocation');
  });

  it('takes part in a surrounding form', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <bec-request-form .programs=${programs} .products=${products} .endCustomers=${endCustomers} distributor-id="2"></bec-request-form>
      </form>`,
    );
    const el = form.querySelector('bec-request-form')!;
    await fill(el, '1', 'VS-MCU-32F4', '10', '4.10');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    expect(JSON.parse(String(new FormData(form).get('specialPriceRequest'))).programId).to.equal(1);
  });
});
