import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configureApi, type Claim, type ClaimLine } from '../shared/api.js';
import { makeClaim, makeLines, problem, stubFetch } from '../shared/test-data.js';
import './claim-form.js';
import type { BecClaimForm } from './claim-form.js';

const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const fact = {
  authorizationId: 1,
  authorizationLineId: 1,
  authorizationNumber: 'SD-1',
  authorizationVersion: 1,
  distributorId: 2,
  productId: 1,
  vendorPartNumber: 'VS-MCU-32F4',
  endCustomerId: null,
  endCustomerName: null,
  authorizedCost: '4.1000',
  approvedQuantity: 60,
  consumedQuantity: 0,
  validFrom: '2026-09-01',
  validTo: '2026-12-31',
  programId: 1,
  programType: 'ship_and_debit' as const,
  requiredFields: [],
};
const LINE = {
  authorizationNumber: 'SD-1',
  vendorPartNumber: 'VS-MCU-32F4',
  quantity: '10',
  invoiceNumber: 'INV-9',
  invoiceLine: '1',
  invoiceDate: '2026-11-02',
  bookCost: '5.2890',
  authorizedCost: '4.1000',
};

/** Types a value into line `row`'s field as a user would (the input event each keystroke fires). */
function type(el: BecClaimForm, row: number, field: string, value: string) {
  const input = $<HTMLInputElement>(el, `#l${row}-${field}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('blur'));
}
async function fill(el: BecClaimForm, row: number, values: Record<string, string>) {
  for (const [f, v] of Object.entries(values)) type(el, row, f, v);
  await el.check();
  await el.updateComplete;
}
/** Claim 44 as `POST /api/claims` answers it, with one line per verdict given. */
const claim = (verdicts: ClaimLine['verdict'][] = []): Claim => ({
  ...makeClaim(0),
  id: 44,
  number: 'CL-2026-0044',
  claimedTotal: '11.8900',
  approvedTotal: '11.8900',
  lineCount: verdicts.length,
  lines: makeLines(verdicts.length).map((l, i) => ({ ...l, verdict: verdicts[i] })),
});

describe('bec-claim-form', () => {
  it('checks each line as it is typed, with the upload preflight: the parser and the rules engine', async () => {
    const el = await fixture<BecClaimForm>(html`<bec-claim-form .authorizations=${[fact]}></bec-claim-form>`);
    $<HTMLInputElement>(el, '#l1-authorizationNumber').focus();
    await sendKeys({ type: 'SD-1' });
    await fill(el, 1, { ...LINE, quantity: '100' });
    // 100 units on an authorization with 60 left: the engine cuts it, blamed on the quantity
    expect($(el, 'fieldset .badge').textContent).to.equal('the rules would reject or cut');
    expect($(el, '#l1-quantity-error').textContent).to.contain('Partly accepted (60 units)');
    expect($(el, '[part="summary"]').textContent).to.contain('1 line: 0 ready, 1 the rules would reject or cut');
    await fill(el, 1, { quantity: '10', invoiceDate: '' });
    expect($(el, '#l1-invoiceDate').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, 'fieldset .badge').textContent).to.equal('to fix');
    await fill(el, 1, { invoiceDate: '2026-11-02' });
    expect($(el, 'fieldset .badge').textContent).to.equal('ready');
    await new Promise((r) => setTimeout(r, 450));
    expect($(el, '[data-live]').textContent).to.contain('1 ready');
    await expect(el).to.be.accessible();
  });

  it('submits the lines to the claims API, read in the locale (3,05 in German), and announces the claim', async () => {
    const stub = stubFetch({ 'POST /api/claims': () => ({ status: 201, body: claim(['accepted']) }) });
    configureApi({ baseUrl: 'http://127.0.0.1:31', fetch: stub.fetch, csrfToken: 'c' });
    const el = await fixture<BecClaimForm>(
      html`<bec-claim-form api-base="http://127.0.0.1:31" locale="de-DE" .authorizations=${[fact]}></bec-claim-form>`,
    );
    await fill(el, 1, { ...LINE, bookCost: '5,289', authorizedCost: '4,10' });
    $<HTMLButtonElement>(el, '.actions button').click(); // add a second line
    await el.updateComplete;
    await fill(el, 2, { ...LINE, invoiceLine: '2', quantity: '3', bookCost: '5,289', authorizedCost: '', claimedAmount: '3,05' });
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Submit claim (2 lines)');
    const created = oneEvent(el, 'becclaimscreated');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    expect((await created).detail).to.deep.equal({ claims: [{ id: 44, number: 'CL-2026-0044' }], importId: null });
    const post = stub.calls.find((c) => c.method === 'POST')!;
    expect(post.headers['Idempotency-Key']).to.be.a('string');
    const body = post.body as { submit: boolean; lines: Record<string, unknown>[] };
    expect(body.submit).to.equal(true);
    expect(body.lines).to.have.length(2);
    expect(body.lines[0]).to.include({ authorizationNumber: 'SD-1', quantity: 10, invoiceDate: '2026-11-02', invoiceLine: '1' });
    expect(body.lines[0]!.bookCost).to.match(/^5\.289/);
    expect(body.lines[0]!.authorizedCost).to.match(/^4\.10*$/);
    expect(body.lines[1]!.claimedAmount).to.match(/^3\.050*$/);
    expect(body.lines[1]).not.to.have.property('authorizedCost');
    await el.updateComplete;
    expect($(el, '[part="result"]').textContent).to.contain('CL-2026-0044');
    expect($<HTMLAnchorElement>(el, '[part="result"] a').getAttribute('href')).to.equal('#claim-44');
    expect($(el, '[data-live]').textContent).to.contain('Claim CL-2026-0044 submitted');
    await expect(el).to.be.accessible();
  });

  it("shows the server's field errors on their fields and moves focus to the first", async () => {
    const stub = stubFetch({
      'POST /api/claims': () =>
        problem(400, 'VALIDATION_FAILED', 'the request is not valid', [
          { field: 'lines.0.claimedAmount', message: 'give claimedAmount or authorizedCost' },
        ]),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:32', fetch: stub.fetch, csrfToken: 'c' });
    const el = await fixture<BecClaimForm>(html`<bec-claim-form api-base="http://127.0.0.1:32" .authorizations=${[]}></bec-claim-form>`);
    // line 1 left blank: the server's lines.0 is the form's line 2
    $<HTMLButtonElement>(el, '.actions button').click();
    await el.updateComplete;
    await fill(el, 2, { ...LINE, authorizedCost: '' });
    await el.submit();
    await el.updateComplete;
    expect($(el, '#l2-claimedAmount-error').textContent).to.equal('give claimedAmount or authorizedCost');
    expect(el.shadowRoot!.activeElement?.id).to.equal('l2-claimedAmount');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('does not send lines that do not read: the first bad field takes focus', async () => {
    const stub = stubFetch({});
    configureApi({ baseUrl: 'http://127.0.0.1:33', fetch: stub.fetch, csrfToken: 'c' });
    const el = await fixture<BecClaimForm>(html`<bec-claim-form api-base="http://127.0.0.1:33" .authorizations=${[]}></bec-claim-form>`);
    await fill(el, 1, { ...LINE, quantity: 'ten' });
    await el.submit();
    expect(stub.calls.filter((c) => c.method === 'POST')).to.have.length(0);
    expect(el.shadowRoot!.activeElement?.id).to.equal('l1-quantity');
    expect($(el, '#l1-quantity-error').textContent).to.not.equal('');
  });

  it('offline: says so, keeps the lines, and Retry sends the same claim (same Idempotency-Key)', async () => {
    let offline = true;
    const stub = stubFetch({ 'POST /api/claims': () => ({ status: 201, body: claim() }) });
    const keys: string[] = [];
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      keys.push((init?.headers as Record<string, string>)['Idempotency-Key']);
      if (offline) throw new TypeError('Failed to fetch');
      return stub.fetch(input, init);
    }) as typeof fetch;
    configureApi({ baseUrl: 'http://127.0.0.1:34', fetch: flaky, csrfToken: 'c' });
    const el = await fixture<BecClaimForm>(
      html`<bec-claim-form api-base="http://127.0.0.1:34" .authorizations=${[fact]}></bec-claim-form>`,
    );
    await fill(el, 1, LINE);
    await el.submit();
    await el.updateComplete;
    expect($(el, '[part="offline"]').textContent).to.contain('You are offline');
    expect($<HTMLInputElement>(el, '#l1-invoiceNumber').value).to.equal('INV-9');
    offline = false;
    const created = oneEvent(el, 'becclaimscreated');
    $<HTMLButtonElement>(el, '[part="offline"] button').click();
    await created;
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('loading, empty and a failed load are distinct; the failure shows its detail and Retry loads again', async () => {
    let answer: 'fail' | 'empty' = 'fail';
    const stub = stubFetch({
      'GET /api/authorizations?status=active&pageSize=200': () =>
        answer === 'fail'
          ? problem(503, 'UNAVAILABLE', 'the authorization service is restarting')
          : { body: { items: [], total: 0, page: 1, pageSize: 200 } },
      'GET /api/accounts?type=end_customer': () => ({ body: { items: [] } }),
      'GET /api/programs': () => ({ body: { items: [] } }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:35', fetch: stub.fetch, csrfToken: 'c' });
    const el = await fixture<BecClaimForm>(html`<bec-claim-form api-base="http://127.0.0.1:35"></bec-claim-form>`);
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    expect($(el, '[part="error"]').textContent).to.contain('the authorization service is restarting');
    expect(el.shadowRoot!.querySelector('[part="empty"]')).to.equal(null);
    answer = 'empty';
    $<HTMLButtonElement>(el, '[part="error"] button').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="loading"]')).to.not.equal(null);
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    expect($(el, '[part="empty"]').textContent).to.contain('no active authorization');
    await expect(el).to.be.accessible();
  });

  it('is a real form control: an empty required claim fails the form, a typed one is in its FormData, reset clears it', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><bec-claim-form name="claim" required .authorizations=${[fact]}></bec-claim-form></form>`,
    );
    const el = form.querySelector('bec-claim-form')!;
    await el.check();
    await el.updateComplete;
    expect(el.form).to.equal(form);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(new FormData(form).has('claim')).to.equal(false);
    await fill(el, 1, { ...LINE, invoiceDate: '' });
    // a line that does not read (no invoice date) keeps the form invalid, naming the problem
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.not.equal('');
    await fill(el, 1, { invoiceDate: '2026-11-02' });
    expect(form.checkValidity()).to.equal(true);
    const value = JSON.parse(String(new FormData(form).get('claim')));
    expect(value.submit).to.equal(true);
    expect(value.lines).to.have.length(1);
    expect(value.lines[0]).to.include({
      authorizationNumber: 'SD-1',
      vendorPartNumber: 'VS-MCU-32F4',
      quantity: 10,
      invoiceNumber: 'INV-9',
    });
    const draft = JSON.stringify({ debitMemoNumber: 'DM-7', lines: [LINE] });
    form.reset();
    await el.check();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#l1-authorizationNumber').value).to.equal('');
    expect(new FormData(form).has('claim')).to.equal(false);
    expect(form.checkValidity()).to.equal(false);
    // the browser gives a draft back (back/forward navigation)
    await el.formStateRestoreCallback(draft);
    await el.check();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#l0-memo').value).to.equal('DM-7');
    expect(JSON.parse(String(new FormData(form).get('claim')))).to.include({ debitMemoNumber: 'DM-7' });
  });

  it('is disabled by a disabled fieldset: no input, no value in the form data, not validated', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled><bec-claim-form name="claim" required .authorizations=${[fact]}></bec-claim-form></fieldset>
      </form>`,
    );
    const el = form.querySelector('bec-claim-form')!;
    await el.updateComplete;
    expect(el.matches(':disabled')).to.equal(true);
    expect($<HTMLFieldSetElement>(el, 'fieldset.whole').disabled).to.equal(true);
    expect($<HTMLButtonElement>(el, 'button[type="submit"]').disabled).to.equal(true);
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).has('claim')).to.equal(false);
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(el.matches(':disabled')).to.equal(false);
    expect($<HTMLFieldSetElement>(el, 'fieldset.whole').disabled).to.equal(false);
    expect(form.checkValidity()).to.equal(false);
  });

  it('speaks French with locale="fr": title, line badges, summary, buttons and announcement', async () => {
    const el = await fixture<BecClaimForm>(html`<bec-claim-form locale="fr" .authorizations=${[fact]}></bec-claim-form>`);
    expect($(el, 'h2').textContent).to.equal('Réclamer quelques lignes');
    expect($(el, 'label[for="l0-memo"]').textContent).to.equal('Numéro de note de débit');
    expect($(el, '[part="summary"]').textContent).to.equal('Saisissez une ligne : elle est vérifiée pendant la saisie.');
    // amounts in the French way (a decimal comma)
    await fill(el, 1, { ...LINE, quantity: '100', bookCost: '5,289', authorizedCost: '4,10' });
    expect($(el, 'fieldset.line legend').textContent).to.contain('Ligne 1');
    expect($(el, 'fieldset .badge').textContent).to.equal('les règles la rejetteraient ou la réduiraient');
    expect($(el, '[part="summary"]').textContent).to.equal(
      '1 ligne : 0 prête, 1 que les règles rejetteraient ou réduiraient, 0 avec des problèmes.',
    );
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Soumettre la réclamation (1 ligne)');
    const buttons = [...el.shadowRoot!.querySelectorAll('.actions button')].map((b) => b.textContent!.trim());
    expect(buttons[0]).to.equal('Ajouter une ligne');
    await new Promise((r) => setTimeout(r, 450));
    expect($(el, '[data-live]').textContent).to.contain('1 ligne : 0 prête');
    await expect(el).to.be.accessible();
  });
});
