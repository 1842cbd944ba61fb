import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configureApi } from '../shared/api.js';
import { makeProgram, problem, routes, stubFetch, type StubRoutes } from '../shared/test-data.js';
import './admin-programs.js';
import type { BecAdminPrograms } from './admin-programs.js';

const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const settle = async (el: BecAdminPrograms) => {
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};
/** Types into a field as a person would replace its text: the value, then the input event. */
async function type(el: BecAdminPrograms, id: string, text: string) {
  const input = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const live = makeProgram(1, { code: 'SD-2026', name: 'Ship & Debit 2026', version: 1, claimFilingWindowDays: 60, priceFloor: '0.2000' });

/** The program list every test starts from. */
const listed = routes({ 'GET /api/programs': () => ({ body: { items: [live] } }) });

let base = 0;
function api<K extends string>(routes: StubRoutes<K>) {
  const stub = stubFetch(routes, { overrides: listed });
  const baseUrl = `http://127.0.0.1:${9300 + base++}`;
  configureApi({ baseUrl, fetch: stub.fetch, token: 't' });
  return { ...stub, baseUrl };
}

describe('bec-admin-programs', () => {
  it('lists the programs with their version, accessibly', async () => {
    const { baseUrl } = api({});
    const el = await fixture<BecAdminPrograms>(html`<bec-admin-programs api-base=${baseUrl}></bec-admin-programs>`);
    await settle(el);
    const row = $(el, '[part~="row"]');
    expect(row.textContent).to.contain('SD-2026');
    expect([...row.querySelectorAll('td')].map((td) => td.textContent!.trim())[3]).to.equal('1');
    await expect(el).to.be.accessible();
  });

  it('checks the definition field by field before sending, and sends nothing while it is wrong', async () => {
    const { baseUrl, calls } = api({});
    const el = await fixture<BecAdminPrograms>(html`<bec-admin-programs api-base=${baseUrl}></bec-admin-programs>`);
    await settle(el);
    $<HTMLButtonElement>(el, '.toolbar button').click();
    await el.updateComplete;
    await type(el, 'code', 'sd 27');
    await type(el, 'name', 'EU');
    await type(el, 'startDate', '2027-01-01');
    await type(el, 'endDate', '2026-12-31');
    await type(el, 'endCustomerCountries', 'DE, fra');
    await type(el, 'productIds', '1, two');
    await type(el, 'claimFilingWindowDays', '0');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await el.updateComplete;
    expect($(el, '#err-code').textContent).to.contain('upper-case letters');
    expect($(el, '#err-endDate').textContent).to.contain('before startDate');
    expect($(el, '#err-endCustomerCountries').textContent).to.contain('"FRA" is not an ISO 3166 country code');
    expect($(el, '#err-productIds').textContent).to.contain('a list of ids');
    expect($(el, '#err-claimFilingWindowDays').textContent).to.contain('from 1 to 3650');
    expect($(el, '#code').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('code');
    expect(calls.filter((c) => c.method === 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('creates a program: lists as arrays, a French decimal floor as a decimal string', async () => {
    const created = makeProgram(7, {
      code: 'SD-EU-27',
      name: 'EU design wins',
      productFamilies: ['Microcontrollers'],
      endCustomerCountries: ['DE', 'FR'],
      priceFloor: '4.5000',
      claimFilingWindowDays: 60,
      requiredClaimFields: ['resellerPoNumber'],
    });
    const { baseUrl, calls } = api({ 'POST /api/programs': () => ({ status: 201, body: created }) });
    const el = await fixture<BecAdminPrograms>(html`<bec-admin-programs locale="fr" api-base=${baseUrl}></bec-admin-programs>`);
    await settle(el);
    $<HTMLButtonElement>(el, '.toolbar button').click();
    await el.updateComplete;
    expect($(el, 'label[for="claimFilingWindowDays"]').textContent).to.equal('Délai de réclamation (jours après la facture)');
    await type(el, 'code', 'SD-EU-27');
    await type(el, 'name', 'EU design wins');
    await type(el, 'startDate', '2026-09-01');
    await type(el, 'endDate', '2027-08-31');
    await type(el, 'productFamilies', 'Microcontrollers');
    await type(el, 'endCustomerCountries', 'de, fr');
    $<HTMLInputElement>(el, '#priceFloor').focus();
    await sendKeys({ type: '4,5' });
    await type(el, 'requiredClaimFields', 'resellerPoNumber');
    await type(el, 'claimFilingWindowDays', '60');
    const saved = oneEvent(el, 'becprogramsave');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    const ev = await saved;
    expect(ev.detail.created).to.equal(true);
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).to.deep.include({
      code: 'SD-EU-27',
      productIds: [],
      productFamilies: ['Microcontrollers'],
      endCustomerCountries: ['DE', 'FR'],
      priceFloor: '4.5',
      requiredClaimFields: ['resellerPoNumber'],
      claimFilingWindowDays: 60,
      quantityCap: null,
    });
    await el.updateComplete;
    expect($(el, '[part="message"]').textContent).to.equal('SD-EU-27 créé');
    expect(el.shadowRoot!.querySelectorAll('[part~="row"]')).to.have.length(2);
  });

  it('sends only what changed, and says when the change made a new version', async () => {
    const { baseUrl, calls } = api({
      'PATCH /api/programs/1': () => ({ body: { ...live, version: 2, claimFilingWindowDays: 30 } }),
    });
    const el = await fixture<BecAdminPrograms>(html`<bec-admin-programs api-base=${baseUrl}></bec-admin-programs>`);
    await settle(el);
    $<HTMLButtonElement>(el, '[part~="row"] button').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#code').disabled).to.equal(true);
    await type(el, 'claimFilingWindowDays', '30');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await settle(el);
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).to.deep.equal({ claimFilingWindowDays: 30 });
    expect($(el, '[part="message"]').textContent).to.equal('SD-2026 is in use: the change is version 2, in force from now');
    expect([...$(el, '[part~="row"]').querySelectorAll('td')].map((td) => td.textContent!.trim())[3]).to.equal('2');
  });

  it("shows the server's field errors in place", async () => {
    const { baseUrl } = api({
      'POST /api/programs': () =>
        problem(422, 'UNKNOWN_REFERENCE', 'the program names what does not exist', [
          { field: 'productIds.1', message: 'no such product (99)' },
        ]),
    });
    const el = await fixture<BecAdminPrograms>(html`<bec-admin-programs api-base=${baseUrl}></bec-admin-programs>`);
    await settle(el);
    $<HTMLButtonElement>(el, '.toolbar button').click();
    await el.updateComplete;
    await type(el, 'code', 'NEW-1');
    await type(el, 'name', 'New');
    await type(el, 'startDate', '2027-01-01');
    await type(el, 'endDate', '2027-12-31');
    await type(el, 'productIds', '1, 99');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await settle(el);
    expect($(el, '#err-productIds').textContent).to.equal('no such product (99)');
    expect($(el, '[part="errors"]').textContent).to.contain('Product ids: no such product (99)');
  });

  it("lists a program's versions, newest first, with the rules each set", async () => {
    const { baseUrl } = api({
      'GET /api/programs/1/versions': () => ({
        body: {
          items: [
            {
              version: 2,
              effectiveFrom: '2026-12-02T10:00:00.000Z',
              effectiveTo: null,
              changedByUserId: 2,
              program: { ...live, version: 2, claimFilingWindowDays: 30 },
            },
            {
              version: 1,
              effectiveFrom: '2026-01-01T09:00:00.000Z',
              effectiveTo: '2026-12-02T10:00:00.000Z',
              changedByUserId: 1,
              program: live,
            },
          ],
        },
      }),
    });
    const el = await fixture<BecAdminPrograms>(html`<bec-admin-programs api-base=${baseUrl}></bec-admin-programs>`);
    await settle(el);
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="row"] button')[1]!.click();
    await settle(el);
    const items = [...el.shadowRoot!.querySelectorAll('[part="versions"] li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(items).to.have.length(2);
    expect(items[0]).to.contain('Version 2').and.contain('in force').and.contain('Claim filing window (days after invoice): 30');
    expect(items[1]).to.contain('Version 1').and.contain('Claim filing window (days after invoice): 60');
    await expect(el).to.be.accessible();
  });
});
