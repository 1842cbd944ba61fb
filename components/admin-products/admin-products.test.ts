import { expect, fixture, html } from '@open-wc/testing';
import { configureApi, type BookCost, type MasterProduct } from '../shared/api.js';
import { masterAccount, problem, stubFetch, type StubRoutes } from '../shared/test-data.js';
import './admin-products.js';
import type { BecAdminProducts } from './admin-products.js';

const product = (id: number, part: string, patch: Partial<MasterProduct> = {}): MasterProduct => ({
  id,
  vendorPartNumber: part,
  description: `${part} description`,
  family: 'Power',
  listPrice: '8.9000',
  currency: 'USD',
  active: true,
  ...patch,
});
const arrowhead = masterAccount(2, 'distributor', 'Arrowhead Components');
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const settle = async (el: { updateComplete: Promise<boolean> }) => {
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};
const type = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

let base = 0;
function api<K extends string>(routes: StubRoutes<K>) {
  const stub = stubFetch(routes);
  const baseUrl = `http://127.0.0.1:${9300 + base++}`;
  configureApi({ baseUrl, fetch: stub.fetch, token: 't' });
  return { ...stub, baseUrl };
}

describe('bec-admin-products', () => {
  it('lists products with list price and status, creates one, and shows the field the server refuses', async () => {
    let refuse = false;
    const { baseUrl, calls } = api({
      'GET /api/masterdata/products': () => ({
        body: { items: [product(1, 'VS-GAN-650'), product(2, 'VS-OLD-1', { active: false, listPrice: null })] },
      }),
      'GET /api/masterdata/distributors': () => ({ body: { items: [arrowhead] } }),
      'POST /api/masterdata/products': (body) =>
        refuse
          ? problem(400, 'VALIDATION_FAILED', 'invalid', [{ field: 'listPrice', message: 'a non-negative amount' }])
          : { status: 201, body: { ...product(3, 'VS-NEW-9'), ...body, id: 3, active: true } },
    });
    const el = await fixture<BecAdminProducts>(html`<bec-admin-products api-base=${baseUrl}></bec-admin-products>`);
    await settle(el);
    const rows = el.shadowRoot!.querySelectorAll('[part="row"]');
    expect(rows.length).to.equal(2);
    expect(rows[0]!.textContent).to.contain('VS-GAN-650').and.contain('$8.90').and.contain('Active');
    expect(rows[1]!.textContent).to.contain('Inactive').and.contain('Reactivate');
    await expect(el).to.be.accessible();

    const form = $<HTMLFormElement>(el, '[part="create"]');
    type($(el, '#p-part'), 'VS-NEW-9');
    type($(el, '#p-desc'), 'New');
    type($(el, '#p-price'), '2.5');
    form.requestSubmit();
    await settle(el);
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).to.deep.equal({ vendorPartNumber: 'VS-NEW-9', description: 'New', family: null, listPrice: '2.5', currency: 'USD' });
    expect(el.shadowRoot!.querySelectorAll('[part="row"]').length).to.equal(3);
    expect($(el, '[role="status"]').textContent).to.contain('VS-NEW-9 created');

    refuse = true;
    type($(el, '#p-part'), 'VS-NEW-10');
    type($(el, '#p-desc'), 'Bad');
    type($(el, '#p-price'), '3');
    form.requestSubmit();
    await settle(el);
    // The server's field named in the form's words.
    expect($(el, '[role="alert"]').textContent).to.contain('List price: a non-negative amount');
  });

  it('reads a list price typed the locale’s way ("1,234.50") and says plainly what to type when it does not read', async () => {
    const { baseUrl, calls } = api({
      'GET /api/masterdata/products': () => ({ body: { items: [] } }),
      'GET /api/masterdata/distributors': () => ({ body: { items: [arrowhead] } }),
      'POST /api/masterdata/products': (body) => ({ status: 201, body: { ...product(3, 'VS-NEW-9'), ...body, id: 3, active: true } }),
    });
    const el = await fixture<BecAdminProducts>(html`<bec-admin-products api-base=${baseUrl}></bec-admin-products>`);
    await settle(el);
    const form = $<HTMLFormElement>(el, '[part="create"]');
    type($(el, '#p-part'), 'VS-NEW-9');
    type($(el, '#p-desc'), 'New');
    type($(el, '#p-price'), '$1,234.50');
    form.requestSubmit();
    await settle(el);
    expect(calls.filter((c) => c.method === 'POST')).to.have.length(0);
    expect($(el, '#p-price-err').textContent).to.equal('List price: type an amount such as 1,234.50, without the currency sign');
    expect($(el, '#p-price').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#p-price'));

    type($(el, '#p-price'), '1,234.50');
    form.requestSubmit();
    await settle(el);
    expect(calls.find((c) => c.method === 'POST')!.body).to.include({ listPrice: '1234.50' });
    expect($(el, '#p-price-err').textContent).to.equal('');
  });

  it('reads "1 234,50" in fr-FR, and names the product in each row’s buttons', async () => {
    const { baseUrl, calls } = api({
      'GET /api/masterdata/products': () => ({ body: { items: [product(1, 'VS-GAN-650'), product(2, 'VS-OLD-1', { active: false })] } }),
      'GET /api/masterdata/distributors': () => ({ body: { items: [arrowhead] } }),
      'POST /api/masterdata/products': (body) => ({ status: 201, body: { ...product(3, 'VS-NEW-9'), ...body, id: 3, active: true } }),
    });
    const el = await fixture<BecAdminProducts>(html`<bec-admin-products api-base=${baseUrl} locale="fr-FR"></bec-admin-products>`);
    await settle(el);
    const names = [...el.shadowRoot!.querySelectorAll('[part="row"] button')].map((b) => b.getAttribute('aria-label'));
    expect(names).to.deep.equal([
      'Coûts catalogue de VS-GAN-650',
      'Désactiver VS-GAN-650',
      'Coûts catalogue de VS-OLD-1',
      'Réactiver VS-OLD-1',
    ]);
    await expect(el).to.be.accessible();
    type($(el, '#p-part'), 'VS-NEW-9');
    type($(el, '#p-desc'), 'Nouveau');
    type($(el, '#p-price'), '1 234,50');
    $<HTMLFormElement>(el, '[part="create"]').requestSubmit();
    await settle(el);
    expect(calls.find((c) => c.method === 'POST')!.body).to.include({ listPrice: '1234.50' });
  });

  it('deactivates a product, and shows a product’s book cost history and puts a new cost on record', async () => {
    let history: BookCost[] = [
      {
        id: 5,
        distributorId: 2,
        productId: 1,
        vendorPartNumber: 'VS-GAN-650',
        cost: '7.2980',
        currency: 'USD',
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
      },
    ];
    const { baseUrl, calls } = api({
      'GET /api/masterdata/products': () => ({ body: { items: [product(1, 'VS-GAN-650')] } }),
      'GET /api/masterdata/distributors': () => ({ body: { items: [arrowhead] } }),
      'POST /api/masterdata/products/1/deactivate': () => ({ body: product(1, 'VS-GAN-650', { active: false }) }),
      'GET /api/masterdata/book-costs?distributorId=2&productId=1': () => ({ body: { items: history } }),
      'POST /api/masterdata/book-costs': () => {
        const added = { ...history[0]!, id: 6, cost: '7.5000', effectiveFrom: '2026-12-01', effectiveTo: null };
        history = [added, { ...history[0]!, effectiveTo: '2026-11-30' }];
        return { status: 201, body: added };
      },
    });
    const el = await fixture<BecAdminProducts>(html`<bec-admin-products api-base=${baseUrl}></bec-admin-products>`);
    await settle(el);
    $<HTMLButtonElement>(el, '[part="row"] button.toggle').click();
    await settle(el);
    expect($(el, '[part="row"]').textContent).to.contain('Inactive');

    $<HTMLButtonElement>(el, '[part="row"] button.costs').click();
    await settle(el);
    expect($(el, '[part="book-costs"] h3').textContent).to.contain('VS-GAN-650');
    expect($(el, '[part="history"]').textContent).to.contain('open');
    type($(el, '#bc-cost'), '7.5');
    type($(el, '#bc-from'), '2026-12-01');
    $<HTMLFormElement>(el, '[part="book-costs"] form').requestSubmit();
    await settle(el);
    expect(calls.find((c) => c.method === 'POST' && c.url.endsWith('/book-costs'))!.body).to.deep.equal({
      distributorId: 2,
      productId: 1,
      cost: '7.5',
      effectiveFrom: '2026-12-01',
    });
    const periods = el.shadowRoot!.querySelectorAll('[part="history"] tbody tr');
    expect(periods.length).to.equal(2);
    expect(periods[1]!.textContent).to.contain('2026').and.not.contain('open');
    await expect(el).to.be.accessible();
  });
});
