import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { onPhone } from '../shared/test-viewport.js';
import type { Account, Product, Program } from '../shared/api.js';
import { configureApi } from '../shared/api.js';
import { makeRequest, problem, stubFetch } from '../shared/test-data.js';
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
    version: 1,
    productFamilies: [],
    endCustomerCountries: [],
    claimFilingWindowDays: null,
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
    version: 1,
    productFamilies: [],
    endCustomerCountries: [],
    claimFilingWindowDays: null,
  },
];
const products: Product[] = [
  { id: 1, vendorPartNumber: 'VS-MCU-32F4', description: 'Cortex-M4 MCU', family: 'MCU', listPrice: '6.4500' },
  { id: 2, vendorPartNumber: 'VS-LDO-3V3', description: 'LDO 3.3 V', family: 'Power', listPrice: '0.4200' },
];
const endCustomers: Account[] = [{ id: 9, type: 'end_customer', name: 'Helios Medical Devices', country: 'US' }];
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;

/** A request form (with the test's programs, products and end customers) inside a host `<form>`. */
async function inForm(required: boolean, inDisabledFieldset = false) {
  const control = html`<bec-request-form
    ?required=${required}
    .programs=${programs}
    .products=${products}
    .endCustomers=${endCustomers}
    distributor-id="2"
  ></bec-request-form>`;
  const form = await fixture<HTMLFormElement>(
    inDisabledFieldset ? html`<form><fieldset disabled>${control}</fieldset></form>` : html`<form>${control}</form>`,
  );
  const el = form.querySelector('bec-request-form')!;
  await el.updateComplete;
  return { form, el };
}

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

/** The width ten digits take in an input's own font: what a person needs to see to check a figure. */
function tenDigitsWide(input: HTMLInputElement): number {
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.font = getComputedStyle(input).font;
  return ctx.measureText('0000000000').width;
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
      'POST /api/requests': () => ({ status: 201, body: makeRequest(40, { number: 'SPR-2026-0040' }) }),
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
      'POST /api/requests': () =>
        problem(422, 'NOT_ELIGIBLE', 'not eligible', [{ field: 'lines.0.quantity', message: 'exceeds the remaining allocation' }]),
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
    const { form, el } = await inForm(false);
    await fill(el, '1', 'VS-MCU-32F4', '10', '4.10');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    expect(JSON.parse(String(new FormData(form).get('specialPriceRequest'))).programId).to.equal(1);
  });

  it('is a real form control: an empty required request fails the form, a filled one is in its FormData', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <bec-request-form
          required
          .programs=${programs}
          .products=${products}
          .endCustomers=${endCustomers}
          distributor-id="2"
        ></bec-request-form>
      </form>`,
    );
    const el = form.querySelector('bec-request-form')!;
    await el.updateComplete;
    expect(el.form).to.equal(form);
    expect(el.willValidate).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(new FormData(form).has('specialPriceRequest')).to.equal(false);
    // Half filled: invalid with the first problem's message (a custom error), not missing.
    $<HTMLSelectElement>(el, '#programId').value = '1';
    $<HTMLSelectElement>(el, '#programId').dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.validity.valueMissing).to.equal(false);
    expect(el.validity.customError).to.equal(true);
    expect(el.checkValidity()).to.equal(false);
    await fill(el, '1', 'VS-MCU-32F4', '10', '4.10');
    await el.updateComplete;
    expect(el.validationMessage).to.equal('');
    expect(form.checkValidity()).to.equal(true);
    const value = JSON.parse(String(new FormData(form).get('specialPriceRequest')));
    expect(value).to.deep.include({ programId: 1, endCustomerId: 9, validTo: '2027-03-31' });
    expect(value.lines).to.deep.equal([{ productId: 1, quantity: 10, requestedCost: '4.10' }]);
  });

  it('reportValidity() shows the problem in place and focuses it', async () => {
    const el = await fixture<BecRequestForm>(
      html`<bec-request-form required .programs=${programs} .products=${products} .endCustomers=${endCustomers}></bec-request-form>`,
    );
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect($(el, '#err-programId').textContent).to.contain('Fill in the request');
  });

  it('is disabled by a disabled fieldset: no input, no value in the form data', async () => {
    const { form, el } = await inForm(true, true);
    expect(el.matches(':disabled')).to.equal(true);
    expect($<HTMLSelectElement>(el, '#programId').matches(':disabled')).to.equal(true);
    expect($<HTMLButtonElement>(el, 'button[type="submit"]').disabled).to.equal(true);
    // A disabled control is barred from validation: the form is valid, and the request is not in its data.
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).has('specialPriceRequest')).to.equal(false);
  });

  it('is cleared by the form reset and restores a draft the browser gives back', async () => {
    const { form, el } = await inForm(false);
    await fill(el, '1', 'VS-MCU-32F4', '10', '4.10');
    await el.updateComplete;
    const draft = JSON.stringify({
      fields: { programId: '1', endCustomerId: '9', validFrom: '2026-12-01', validTo: '2027-03-31' },
      lines: [{ key: 1, productId: 1, search: 'VS-MCU-32F4', quantity: '10', requestedCost: '4.10' }],
    });
    form.reset();
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#programId').value).to.equal('');
    expect($<HTMLInputElement>(el, 'tbody input').value).to.equal('');
    expect(new FormData(form).has('specialPriceRequest')).to.equal(false);
    await el.formStateRestoreCallback(draft);
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#programId').value).to.equal('1');
    expect($<HTMLInputElement>(el, 'tbody input').value).to.equal('VS-MCU-32F4');
    expect(JSON.parse(String(new FormData(form).get('specialPriceRequest'))).lines).to.deep.equal([
      { productId: 1, quantity: 10, requestedCost: '4.10' },
    ]);
  });

  it("takes amounts and quantities in the locale's way (de: 3,05 and 8.000) and sends decimal strings", async () => {
    const el = await fixture<BecRequestForm>(
      html`<bec-request-form
        locale="de-DE"
        currency="EUR"
        .programs=${programs}
        .products=${products}
        .endCustomers=${endCustomers}
        distributor-id="2"
      ></bec-request-form>`,
    );
    await fill(el, '1', 'VS-MCU-32F4', '8.000', '3,05');
    expect(el.value.lines).to.deep.equal([{ productId: 1, quantity: 8000, requestedCost: '3.05' }]);
    expect(el.validate()).to.deep.equal([]);
    // 8,000 x 3.05 = 24,400.00, shown the German way.
    expect($(el, '[part="summary"]').textContent!.replace(/\s/g, ' ')).to.contain('24.400,00 €');
    // "3.05" is no German amount (a misplaced group mark), and the message's example is German too.
    const cost = el.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input')[2];
    cost.select();
    await sendKeys({ type: '3.05' });
    await el.updateComplete;
    expect(el.validate().find((p) => p.field === 'lines.0.requestedCost')?.message).to.equal('An amount such as 1,25');
  });

  it('speaks French with locale="fr"', async () => {
    const el = await fixture<BecRequestForm>(
      html`<bec-request-form locale="fr-FR" .programs=${programs} .products=${products} .endCustomers=${endCustomers}></bec-request-form>`,
    );
    expect($(el, 'h2').textContent).to.equal('Demander un prix spécial');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Envoyer la demande');
    expect($(el, 'label[for="validFrom"]').textContent).to.equal('Valable du');
    expect($(el, 'thead').textContent).to.contain('Prix cible (USD)');
    await fill(el, '1', 'VS-MCU-32F4', '10', '4,5');
    expect(el.value.lines[0].requestedCost).to.equal('4.5');
  });

  it('finds the product whatever the case and spaces of the part number typed, also when the search answers after the typing', async () => {
    const el = await fixture<BecRequestForm>(
      html`<bec-request-form
        .programs=${programs}
        .products=${products}
        .endCustomers=${endCustomers}
        distributor-id="2"
      ></bec-request-form>`,
    );
    await fill(el, '1', ' vs-mcu-32f4 ', '10', '4.5');
    expect(el.value.lines[0].productId).to.equal(1);

    const found = { id: 7, vendorPartNumber: 'VS-MCU-16L0', description: 'Cortex-M0+ MCU', family: 'MCU', listPrice: '1.2000' };
    const stub = stubFetch({ 'GET /api/products*': () => ({ body: { items: [found] } }) });
    configureApi({ baseUrl: 'http://127.0.0.1:41', fetch: stub.fetch, token: 't' });
    const searching = await fixture<BecRequestForm>(
      html`<bec-request-form .programs=${programs} .endCustomers=${endCustomers} distributor-id="2"></bec-request-form>`,
    );
    searching.apiBase = 'http://127.0.0.1:41';
    await searching.updateComplete;
    searching.shadowRoot!.querySelector<HTMLInputElement>('tbody input')!.focus();
    await sendKeys({ type: 'vs-mcu-16l0' });
    await new Promise((r) => setTimeout(r, 400));
    await searching.updateComplete;
    expect(searching.value.lines[0].productId).to.equal(7);
  });

  it('counts the problems for screen readers with the plural rule: "1 problem"', async () => {
    const el = await fixture<BecRequestForm>(
      html`<bec-request-form
        .programs=${programs}
        .products=${products}
        .endCustomers=${endCustomers}
        distributor-id="2"
      ></bec-request-form>`,
    );
    await fill(el, '1', 'VS-NOPE', '10', '4.5');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await el.updateComplete;
    expect($(el, '.sr-only[role="alert"]').textContent!.trim()).to.equal('1 problem: Pick a product from the list');
  });

  it('shows the program’s window, floor and cap formatted for the locale', async () => {
    const el = await fixture<BecRequestForm>(
      html`<bec-request-form .programs=${programs} .products=${products} .endCustomers=${endCustomers} locale="en-US"></bec-request-form>`,
    );
    $<HTMLSelectElement>(el, '#programId').value = '1';
    $<HTMLSelectElement>(el, '#programId').dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const hint = () => $(el, '#programId').parentElement!.querySelector('.hint')!.textContent!.trim();
    expect(hint()).to.equal('Ship & debit · Jan 1, 2026 to Jun 30, 2027 · floor $0.20 · up to 100,000 units');
    el.locale = 'fr-FR';
    await el.updateComplete;
    expect(hint()).to.contain('du 1 janv. 2026 au 30 juin 2027').and.contain('prix plancher 0,20').and.contain('100\u202f000 unités');
    expect(hint()).to.not.contain('2026-01-01');
    // the program type too: "Ship & debit" is English
    expect(hint()).to.match(/^Débit à l’expédition · /);
  });

  it('shows a failed load with its detail and a Retry that loads again', async () => {
    let fail = true;
    const stub = stubFetch({
      'GET /api/programs': () => (fail ? problem(503, 'UNAVAILABLE', 'the database is not answering') : { body: { items: programs } }),
      'GET /api/accounts?type=end_customer': () => ({ body: { items: endCustomers } }),
      'GET /api/products': () => ({ body: { items: products } }),
      'GET /api/session': () => ({ body: { userId: 6, email: 'ops@a', name: 'Ari', role: 'distributor_user', distributorId: 2 } }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:31', fetch: stub.fetch, token: 't' });
    const el = await fixture<BecRequestForm>(html`<bec-request-form api-base="http://127.0.0.1:31"></bec-request-form>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect($(el, '[part="error"]').textContent).to.contain('503 · the database is not answering');
    fail = false;
    $<HTMLButtonElement>(el, '[part="retry"]').click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect($(el, '[part="error"]')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('#programId option').length).to.equal(3);
  });

  describe('on a phone (390 × 844)', () => {
    onPhone('shows a typed quantity and target price whole ("12,000", "1.2500"), each input at least ten digits wide', async () => {
      const el = await fixture<BecRequestForm>(
        html`<bec-request-form
          .programs=${programs}
          .products=${products}
          .endCustomers=${endCustomers}
          distributor-id="2"
        ></bec-request-form>`,
      );
      await fill(el, '1', 'VS-MCU-32F4', '12,000', '1.2500');
      const [, quantity, price] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input');
      expect(el.value.lines[0]).to.include({ quantity: 12000, requestedCost: '1.2500' });
      for (const input of [quantity!, price!]) {
        expect(input.scrollWidth, input.getAttribute('aria-label')!).to.be.at.most(input.clientWidth);
        expect(input.clientWidth, input.getAttribute('aria-label')!).to.be.at.least(tenDigitsWide(input));
      }
      expect(document.scrollingElement!.scrollWidth).to.be.at.most(390);
      // each field still says what it is: its column header over it
      expect(getComputedStyle(quantity!.parentElement!, '::before').content).to.equal('"Quantity"');
      await expect(el).to.be.accessible();
    });
  });
});
