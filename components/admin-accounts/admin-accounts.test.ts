import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { configureApi } from '../shared/api.js';
import { masterAccount, stubFetch, type StubRoutes } from '../shared/test-data.js';
import './admin-accounts.js';
import type { BecAdminAccounts } from './admin-accounts.js';

const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const settle = async (el: { updateComplete: Promise<boolean> }) => {
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};
const cascade = masterAccount(9, 'end_customer', 'Cascade Robotics');
const dup = masterAccount(10, 'end_customer', 'Cascade Robotics Inc.');
const orion = masterAccount(11, 'end_customer', 'Orion Automotive', { country: 'DE' });
const arrowhead = masterAccount(2, 'distributor', 'Arrowhead Components');

let base = 0;
function api<K extends string>(routes: StubRoutes<K>) {
  const stub = stubFetch(routes);
  const baseUrl = `http://127.0.0.1:${9400 + base++}`;
  configureApi({ baseUrl, fetch: stub.fetch, token: 't' });
  return { ...stub, baseUrl };
}

describe('bec-admin-accounts', () => {
  it('merges a duplicate end customer only after a confirmation naming both', async () => {
    const { baseUrl, calls } = api({
      'GET /api/masterdata/accounts?type=end_customer': () => ({ body: { items: [cascade, dup, orion] } }),
      'POST /api/masterdata/accounts/10/merge': () => ({
        body: {
          merged: { ...dup, mergedIntoId: 9, mergedAt: '2026-12-02T05:00:00Z' },
          survivor: cascade,
          repointed: { 'claim_lines.end_customer_id': 4 },
        },
      }),
    });
    const el = await fixture<BecAdminAccounts>(html`<bec-admin-accounts api-base=${baseUrl}></bec-admin-accounts>`);
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('[part="row"]').length).to.equal(3);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part="row"][data-id="10"] button.merge').click();
    await el.updateComplete;
    expect($(el, '[part="merge"] label').textContent).to.contain('Cascade Robotics Inc.');
    expect($(el, '[part="confirm"]')).to.equal(null); // no survivor chosen yet: nothing to confirm
    const select = $<HTMLSelectElement>(el, '#merge-into');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Choose…', 'Cascade Robotics', 'Orion Automotive']);
    select.value = '9';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '[part="merge"] .confirm').textContent).to.contain('Merge “Cascade Robotics Inc.” into “Cascade Robotics”?');
    expect(calls.some((c) => c.method === 'POST')).to.equal(false);
    await expect(el).to.be.accessible();

    const changed = oneEvent(el, 'becmasterdatachange');
    $<HTMLButtonElement>(el, '[part="confirm"]').click();
    const { detail } = await changed;
    expect(detail.kind).to.equal('merge');
    expect(detail.survivor!.id).to.equal(9);
    expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ intoId: 9 });
    await settle(el);
    expect([...el.shadowRoot!.querySelectorAll('[part="row"] th')].map((th) => th.textContent)).to.deep.equal([
      'Cascade Robotics',
      'Orion Automotive',
    ]);
    expect($(el, '[role="status"]').textContent).to.contain('“Cascade Robotics Inc.” merged into “Cascade Robotics”');
    expect($(el, '[part="merge"]')).to.equal(null);
  });

  it('shows distributors with currency and region, and a distributor’s contacts and users; adds a contact', async () => {
    let contacts: { id: number; distributorId: number; name: string; email: string; role: string | null }[] = [];
    const detail = () => ({
      body: {
        ...arrowhead,
        contacts,
        users: [{ id: 6, email: 'ops@arrowhead.example', name: 'Arrowhead Ops', role: 'distributor_user' as const, active: true }],
      },
    });
    const { baseUrl, calls } = api({
      'GET /api/masterdata/distributors': () => ({ body: { items: [arrowhead] } }),
      'GET /api/masterdata/distributors/2': detail,
      'POST /api/masterdata/distributors/2/contacts': (body) => {
        contacts = [{ id: 1, distributorId: 2, name: body.name, email: body.email, role: body.role ?? null }];
        return { status: 201, body: contacts[0]! };
      },
    });
    const el = await fixture<BecAdminAccounts>(html`<bec-admin-accounts kind="distributor" api-base=${baseUrl}></bec-admin-accounts>`);
    await settle(el);
    expect($(el, '[part="row"]').textContent).to.contain('USD').and.contain('North America');
    $<HTMLButtonElement>(el, '[part="row"] button.details').click();
    await settle(el);
    expect($(el, '[part="detail"]').textContent).to.contain('No contact yet.').and.contain('ops@arrowhead.example');
    const name = $<HTMLInputElement>(el, '#c-name');
    const email = $<HTMLInputElement>(el, '#c-email');
    name.value = 'Ada Price';
    email.value = 'ada@arrowhead.example';
    $<HTMLFormElement>(el, '[part="detail"] form').requestSubmit();
    await settle(el);
    expect(calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ name: 'Ada Price', email: 'ada@arrowhead.example', role: null });
    expect($(el, '[part="detail"] table').textContent).to.contain('Ada Price');
    await expect(el).to.be.accessible();

    // The tabs switch the kind shown.
    const tabs = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="tabs"] button');
    expect(tabs[2]!.getAttribute('aria-pressed')).to.equal('true');
  });
});
