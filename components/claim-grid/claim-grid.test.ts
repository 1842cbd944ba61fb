import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configureApi } from '../shared/api.js';
import { makeClaim, makeClaims, makeLines, stubFetch } from '../shared/test-data.js';
import './claim-grid.js';
import type { BecClaimGrid } from './claim-grid.js';
import { compareDecimal, csvCell } from './csv.js';

const rowsIn = (el: BecClaimGrid) => el.shadowRoot!.querySelectorAll('[part="row"]');
const $ = <T extends Element>(el: BecClaimGrid, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;

describe('bec-claim-grid', () => {
  it('renders a claim with its lines, totals and verdict badges, and is accessible', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .claim=${makeClaim(5)}></bec-claim-grid>`);
    expect(rowsIn(el).length).to.equal(5);
    expect($(el, '.title').textContent).to.contain('CL-2026-0007');
    expect($(el, '[part="footer"]').textContent).to.contain('$');
    await expect(el).to.be.accessible();
  });

  it('renders only the visible rows of 100,000 lines and scrolls to the end quickly', async () => {
    const lines = makeLines(100_000);
    const t0 = performance.now();
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${lines}></bec-claim-grid>`);
    const firstRender = performance.now() - t0;
    expect(rowsIn(el).length).to.be.below(60);
    const vp = $<HTMLElement>(el, '.viewport');
    vp.scrollTop = vp.scrollHeight;
    vp.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const rows = rowsIn(el);
    expect(rows.length).to.be.below(60);
    expect(rows[rows.length - 1].textContent).to.contain('INV-100000');
    expect(firstRender).to.be.below(3000);
  });

  it('filters by typed text and sorts by a money column exactly', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${makeLines(40)}></bec-claim-grid>`);
    $<HTMLInputElement>(el, '#filter').focus();
    await sendKeys({ type: 'INV-000012' });
    await el.updateComplete;
    expect(rowsIn(el).length).to.equal(1);
    $<HTMLInputElement>(el, '#filter').value = '';
    $<HTMLInputElement>(el, '#filter').dispatchEvent(new Event('input'));
    await el.updateComplete;
    const claimedHeader = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="columnheader"] button')].find((b) =>
      b.textContent!.trim().startsWith('Claimed'),
    )!;
    claimedHeader.click();
    claimedHeader.click();
    await el.updateComplete;
    const amounts = el.visibleRows.map((r) => (r as { claimedAmount: string }).claimedAmount);
    for (let i = 1; i < amounts.length; i++) expect(compareDecimal(amounts[i - 1], amounts[i])).to.be.at.least(0);
  });

  it('moves with the arrow keys and explains a line on Enter', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${makeLines(10)}></bec-claim-grid>`);
    $<HTMLElement>(el, '[role="grid"]').focus();
    await sendKeys({ press: 'ArrowDown' });
    const selected = oneEvent(el, 'becclaimselect');
    await sendKeys({ press: 'Enter' });
    const ev = await selected;
    expect(ev.detail.line!.lineNumber).to.equal(2);
    await el.updateComplete;
    expect($(el, '[part="detail"]').textContent).to.contain('END_CUSTOMER_MISMATCH');
    await expect(el).to.be.accessible();
  });

  it('requires a reason to adjust, then calls the API and fires beclineadjust', async () => {
    const claim = makeClaim(3);
    const stub = stubFetch({
      'GET /api/claims/7': () => ({ body: claim }),
      'GET /api/claims/7/notes': () => ({ body: { items: [] } }),
      'POST /api/claims/7/lines/1/adjust': (b) => ({
        body: {
          ...claim,
          lines: claim.lines!.map((l) =>
            l.id === 1 ? { ...l, approvedAmount: (b as { approvedAmount: string }).approvedAmount, verdict: 'adjusted' } : l,
          ),
        },
      }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:9', fetch: stub.fetch, csrfToken: 'csrf-1' });
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base="http://127.0.0.1:9" claim-id="7" can-adjust></bec-claim-grid>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    (rowsIn(el)[0].querySelector('.why') as HTMLButtonElement).click();
    await el.updateComplete;
    const amount = $<HTMLInputElement>(el, '#adj-amount');
    amount.value = '';
    amount.focus();
    await sendKeys({ type: '100.5' });
    $<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await el.updateComplete;
    expect($(el, '#adj-reason-err').textContent).to.contain('reason is required');
    $<HTMLInputElement>(el, '#adj-reason').focus();
    await sendKeys({ type: 'RMA 2231 partial return' });
    const adjusted = oneEvent(el, 'beclineadjust');
    $<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    const ev = await adjusted;
    expect(ev.detail.approvedAmount).to.equal('100.5000');
    const call = stub.calls.find((c) => c.method === 'POST')!;
    expect(call.headers['X-CSRF-Token']).to.equal('csrf-1');
    expect(call.body).to.deep.equal({ approvedAmount: '100.5000', reason: 'RMA 2231 partial return' });
  });

  it('shows the server error when an adjustment is refused', async () => {
    const claim = makeClaim(2);
    const stub = stubFetch({
      'GET /api/claims/7': () => ({ body: claim }),
      'GET /api/claims/7/notes': () => ({ body: { items: [] } }),
      'POST /api/claims/7/lines/1/adjust': () => ({
        status: 409,
        body: { code: 'CLAIM_NOT_OPEN', detail: 'the claim is already authorized' },
      }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:8', fetch: stub.fetch });
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base="http://127.0.0.1:8" claim-id="7" can-adjust></bec-claim-grid>`);
    await new Promise((r) => setTimeout(r, 50));
    (rowsIn(el)[0].querySelector('.why') as HTMLButtonElement).click();
    await el.updateComplete;
    $<HTMLInputElement>(el, '#adj-reason').value = 'a good reason';
    const failed = oneEvent(el, 'becerror');
    $<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    expect((await failed).detail.code).to.equal('CLAIM_NOT_OPEN');
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.contain('already authorized');
  });

  it('bulk-rejects selected lines with a reason', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${makeLines(6)} can-adjust></bec-claim-grid>`);
    $<HTMLElement>(el, '[role="grid"]').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    $<HTMLInputElement>(el, '#bulk-reason').value = 'Duplicate of claim 5';
    const decided = oneEvent(el, 'becbulkdecision');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Reject selected')!.click();
    const ev = await decided;
    expect(ev.detail.lineIds).to.deep.equal([1, 2]);
    expect(ev.detail.decision).to.equal('reject');
    await el.updateComplete;
    expect(el.visibleRows.filter((r) => (r as { verdict: string }).verdict === 'rejected').length).to.be.at.least(2);
  });

  it('groups claims by distributor and status', async () => {
    const el = await fixture<BecClaimGrid>(
      html`<bec-claim-grid
        view="claims"
        group-by="status"
        .claims=${makeClaims(10)}
        .distributorNames=${{ 2: 'Arrowhead', 3: 'Northbridge', 4: 'Pacific Rim' }}
      ></bec-claim-grid>`,
    );
    expect(el.shadowRoot!.querySelectorAll('[part="group-row"]').length).to.equal(5);
    el.groupBy = 'distributorId';
    await el.updateComplete;
    expect(
      [...el.shadowRoot!.querySelectorAll('[part="group-row"]')].map((g) =>
        g.textContent!.trim().split(' ·')[0].replace(/^▾\s*/, '').trim(),
      ),
    ).to.deep.equal(['Arrowhead', 'Northbridge', 'Pacific Rim']);
    await expect(el).to.be.accessible();
  });

  it('never adds amounts in different currencies in a group total', async () => {
    const claims = makeClaims(2).map((c, i) => ({ ...c, programType: 'spa', currency: i ? 'EUR' : 'USD', claimedTotal: '100.0000' }));
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid view="claims" group-by="programType" .claims=${claims}></bec-claim-grid>`);
    const text = $(el, '[part="group-row"]').textContent!;
    expect(text).to.contain('$100.00');
    expect(text).to.contain('€100.00');
  });

  it('exports CSV with formula cells neutralised', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${makeLines(3)}></bec-claim-grid>`);
    const csv = el.toCsv();
    expect(csv).to.contain(`"'=HYPERLINK(""http://evil"")"`);
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(bad).replace(/^"/, '').startsWith("'")).to.equal(true);
    expect(csvCell('plain')).to.equal('plain');
  });
});
