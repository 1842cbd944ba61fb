import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { onPhone } from '../shared/test-viewport.js';
import { configureApi, type ClaimLine } from '../shared/api.js';
import { makeClaim, makeClaims, makeDisputeThread, makeLines, routes, stubFetch, problem } from '../shared/test-data.js';
import type { RouteTable } from '../shared/test-data.js';
import './claim-grid.js';
import type { BecClaimGrid } from './claim-grid.js';
import { FILTER_DEBOUNCE_MS } from './claim-grid.js';
import type { BecClaimLineDetail } from './claim-line-detail.js';
import { compareDecimal, csvCell } from './csv.js';
import { decimalSortKey, sortRows } from './rows.js';

const rowsIn = (el: BecClaimGrid) => el.shadowRoot!.querySelectorAll('[part="row"]');
const $ = <T extends Element>(el: BecClaimGrid, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const detailOf = (el: BecClaimGrid) => el.shadowRoot!.querySelector<BecClaimLineDetail>('bec-claim-line-detail')!;
const $d = <T extends Element>(el: BecClaimGrid, sel: string) => detailOf(el).shadowRoot!.querySelector<T>(sel)!;
const adjustForm = (el: BecClaimGrid) => $d<HTMLElement>(el, 'bec-claim-adjust-form').shadowRoot!;
const grid = (el: BecClaimGrid) => $<HTMLElement>(el, '[role="grid"]');
const activeCell = (el: BecClaimGrid) => grid(el).getAttribute('aria-activedescendant');
const settle = async (el: BecClaimGrid) => {
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};
let base = 0;
/** A fresh API origin per test: clients are cached by base URL. */
const nextBase = () => `http://127.0.0.1:${20000 + ++base}`;

/** Routes that serve claim 7 the way the grid loads it: the claim without lines, then pages of lines. */
function claimRoutes(lines: ClaimLine[], extra?: RouteTable) {
  const claim = { ...makeClaim(0), lineCount: lines.length, lines: undefined };
  // The test's own routes (overrides) first: the stub takes the first route that matches.
  return stubFetch(
    {
      'GET /api/claims/7?lines=false': () => ({ body: claim }),
      'GET /api/claims/7/lines*': (_body, url) => {
        const after = Number(url.searchParams.get('after'));
        const limit = Number(url.searchParams.get('limit'));
        const items = lines.filter((l) => l.lineNumber > after).slice(0, limit);
        const next =
          items.length === limit && items[items.length - 1].lineNumber < lines.length ? items[items.length - 1].lineNumber : null;
        return { body: { items, total: lines.length, next } };
      },
      'GET /api/claims/7/notes': () => ({ body: { items: [] } }),
      'GET /api/disputes/lines/{lineId}/thread': () => problem(404, 'NOT_FOUND', 'dispute not found'),
    },
    { overrides: extra },
  );
}

describe('bec-claim-grid', () => {
  it('renders a claim with its lines, totals and verdict badges, and is accessible', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .claim=${makeClaim(5)}></bec-claim-grid>`);
    expect(rowsIn(el).length).to.equal(5);
    expect($(el, '.title').textContent).to.contain('CL-2026-0007');
    expect($(el, '[part="footer"]').textContent).to.contain('$');
    await expect(el).to.be.accessible();
  });

  it('speaks French with locale="fr": the toolbar, the count, the empty and no-match states', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid locale="fr" view="claims" .claims=${makeClaims(3)}></bec-claim-grid>`);
    await el.updateComplete;
    expect($(el, '.title').textContent!.trim()).to.equal('Réclamations');
    expect($(el, '.summary').textContent!.replace(/\s+/g, ' ').trim()).to.equal('3 sur 3 réclamations');
    expect($(el, 'label[for="filter"]').textContent).to.equal('Rechercher');
    expect($<HTMLInputElement>(el, '#filter').placeholder).to.equal('Facture, référence, client, motif…');
    expect($(el, 'label[for="status"]').textContent).to.equal('Statut');
    expect($(el, 'label[for="group"]').textContent).to.equal('Regrouper par');
    expect([...el.shadowRoot!.querySelectorAll('#group option')].map((o) => o.textContent)).to.deep.equal([
      'Aucun',
      'Type de programme',
      'Distributeur',
      'Statut',
    ]);
    expect([...el.shadowRoot!.querySelectorAll('[part="toolbar"] > button')].map((b) => b.textContent)).to.deep.equal(['Exporter en CSV']);
    await expect(el).to.be.accessible();
    const input = $<HTMLInputElement>(el, '#filter');
    input.value = 'nothing matches this';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle(el);
    expect($(el, '[data-state="no-match"]').textContent).to.contain('Aucune réclamation ne correspond à la recherche et aux filtres.');
    expect($(el, '[data-state="no-match"] button').textContent!.trim()).to.equal('Effacer les filtres');
    await expect(el).to.be.accessible(); // the no-match state is a row of the grid
    const empty = await fixture<BecClaimGrid>(html`<bec-claim-grid locale="fr" view="claims" .claims=${[]}></bec-claim-grid>`);
    expect($(empty, '[data-state="empty"]').textContent!.trim()).to.equal('Aucune réclamation pour l’instant.');
  });

  it('names program types in French with locale="fr": cells, groups and search, and again in English when the locale changes', async () => {
    const claims = makeClaims(4).map((c, i) => ({ ...c, programType: i % 2 ? 'rebate' : 'ship_and_debit' }));
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid locale="fr" view="claims" .claims=${claims}></bec-claim-grid>`);
    const cells = () => [...el.shadowRoot!.querySelectorAll('[part="row"] [role="gridcell"]')].map((c) => c.textContent!.trim());
    const groups = () => [...el.shadowRoot!.querySelectorAll('[part="group-row"] .group-name')].map((g) => g.textContent!.trim());
    expect(cells().filter((t) => t === 'Débit à l’expédition').length).to.equal(2);
    expect(cells().filter((t) => t === 'Remise').length).to.equal(2);
    const shown = $(el, '[role="grid"]').textContent!;
    for (const english of ['Ship & debit', 'Rebate', 'ship_and_debit', 'rebate']) expect(shown).not.to.contain(english);
    el.groupBy = 'programType';
    await el.updateComplete;
    expect(groups()).to.deep.equal(['Débit à l’expédition', 'Remise']);
    // the search finds the words shown, not the code
    const input = $<HTMLInputElement>(el, '#filter');
    input.value = 'remise';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle(el);
    expect(groups()).to.deep.equal(['Remise']);
    expect(rowsIn(el).length).to.equal(2);
    await expect(el).to.be.accessible();
    input.value = '';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    el.locale = 'en';
    await settle(el);
    expect(groups()).to.deep.equal(['Rebate', 'Ship & debit']);
    expect(cells()).to.include('Ship & debit');
    expect($(el, '[role="grid"]').textContent).not.to.contain('Remise');
  });

  it('renders only the visible rows of 100,000 lines and scrolls to the end', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${makeLines(100_000)}></bec-claim-grid>`);
    expect(rowsIn(el).length).to.be.below(60);
    const vp = $<HTMLElement>(el, '.viewport');
    vp.scrollTop = vp.scrollHeight;
    vp.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const rows = rowsIn(el);
    expect(rows.length).to.be.below(60);
    expect(rows[rows.length - 1].textContent).to.contain('INV-100000');
  });

  it('filters only once the typing pauses, then sorts by a money column exactly', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${makeLines(40)}></bec-claim-grid>`);
    $<HTMLInputElement>(el, '#filter').focus();
    await sendKeys({ type: 'INV-000012' });
    await el.updateComplete;
    expect(el.visibleRows.length).to.equal(40);
    await new Promise((r) => setTimeout(r, FILTER_DEBOUNCE_MS + 50));
    await el.updateComplete;
    expect(rowsIn(el).length).to.equal(1);
    $<HTMLInputElement>(el, '#filter').value = '';
    $<HTMLInputElement>(el, '#filter').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await el.updateComplete;
    expect(el.visibleRows.length).to.equal(40);
    const claimedHeader = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="columnheader"] button')].find((b) =>
      b.textContent!.trim().startsWith('Claimed'),
    )!;
    claimedHeader.click();
    claimedHeader.click();
    await el.updateComplete;
    const amounts = el.visibleRows.map((r) => (r as { claimedAmount: string }).claimedAmount);
    for (let i = 1; i < amounts.length; i++) expect(compareDecimal(amounts[i - 1], amounts[i])).to.be.at.least(0);
  });

  it('orders decimal text exactly, negatives included, and sorts 100,000 lines by amount under 300 ms', () => {
    const values = ['10.5', '-1.25', '0', '-10', '2.0001', '2', '-0.0001'];
    const sorted = [...values].sort((a, b) => (decimalSortKey(a) < decimalSortKey(b) ? -1 : 1));
    expect(sorted).to.deep.equal(['-10', '-1.25', '-0.0001', '0', '2', '2.0001', '10.5']);
    const lines = makeLines(100_000);
    const column = {
      key: 'claimedAmount',
      label: 'Claimed',
      kind: 'money' as const,
      width: '1fr',
      value: (r: unknown) => (r as ClaimLine).claimedAmount,
    };
    // The best of three fresh copies (no cached keys), so a busy machine's scheduler does not decide.
    let took = Infinity;
    let out: ClaimLine[] = [];
    for (let run = 0; run < 3; run++) {
      const copy = lines.slice();
      const t0 = performance.now();
      out = sortRows(copy, column, 1) as ClaimLine[];
      took = Math.min(took, performance.now() - t0);
    }
    for (let i = 1; i < out.length; i += 997) expect(compareDecimal(out[i - 1].claimedAmount, out[i].claimedAmount)).to.be.at.most(0);
    expect(took).to.be.below(300);
  });

  it('has one tab stop and walks the cells with the arrow keys in four directions, Home/End, and sorts from the header', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${makeLines(10)}></bec-claim-grid>`);
    // Nothing inside the grid is a tab stop but the grid itself.
    const tabbable = [...grid(el).querySelectorAll<HTMLElement>('button, input, [tabindex]')].filter((e) => e.tabIndex >= 0);
    expect(tabbable).to.deep.equal([]);
    grid(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(activeCell(el)).to.equal('c1-2');
    await sendKeys({ press: 'ArrowLeft' });
    expect(activeCell(el)).to.equal('c1-1');
    await sendKeys({ press: 'End' });
    expect(activeCell(el)).to.equal('c1-10');
    await sendKeys({ press: 'Home' });
    expect(activeCell(el)).to.equal('c1-0');
    await sendKeys({ press: 'Control+End' });
    expect(activeCell(el)).to.equal('c9-0');
    await sendKeys({ press: 'Control+Home' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(activeCell(el)).to.equal('h0');
    expect($(el, '#h0').classList.contains('active-cell')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#h0').getAttribute('aria-sort')).to.equal('ascending');
    await sendKeys({ press: 'ArrowDown' });
    const selected = oneEvent(el, 'becclaimselect');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.line!.lineNumber).to.equal(1);
    await waitUntil(() => detailOf(el)?.shadowRoot!.activeElement?.tagName === 'H3', 'the detail takes focus');
    await expect(el).to.be.accessible();
  });

  it('opens a line with one click; its detail comes into view and takes focus, Escape closes it', async () => {
    const el = await fixture<BecClaimGrid>(
      html`<bec-claim-grid .lines=${makeLines(30)} style="--bec-grid-height: 10rem"></bec-claim-grid>`,
    );
    const selected = oneEvent(el, 'becclaimselect');
    (rowsIn(el)[2] as HTMLElement).click();
    expect((await selected).detail.line!.lineNumber).to.equal(3);
    await waitUntil(() => el.shadowRoot!.activeElement === detailOf(el), 'the detail takes focus');
    expect(detailOf(el).shadowRoot!.activeElement!.textContent).to.contain('Line 3');
    const box = detailOf(el).getBoundingClientRect();
    expect(box.top).to.be.below(window.innerHeight);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(detailOf(el) === null).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(grid(el));
  });

  it('explains a verdict in words with its figures, in English or French, and keeps internal fields for vendors', async () => {
    const lines = makeLines(4);
    lines[1] = {
      ...lines[1],
      verdict: 'rejected',
      reasonCodes: ['PRICE_ABOVE_AUTHORIZED'],
      rule: 'costNotBelowAuthorized',
      authorizedCost: '5.2900',
      bookCost: '7.0000',
      verdictInputs: { authorizedCost: '6.0000', claimedAuthorizedCost: '5.2900', maxResalePrice: null },
    };
    lines[3] = {
      ...lines[3],
      verdict: 'adjusted',
      reasonCodes: ['ADJUSTED_MANUALLY'],
      approvedAmount: '50.0000',
      adjustmentReason: 'Freight deducted',
    } as ClaimLine;
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${lines}></bec-claim-grid>`);
    (rowsIn(el)[1] as HTMLElement).click();
    await settle(el);
    expect($d(el, '[part="explanation"]').textContent).to.contain('You claimed $5.29 a unit; the authorized cost is $6.00.');
    expect($d(el, 'details.internal') === null).to.equal(true);
    expect(detailOf(el).shadowRoot!.textContent).not.to.contain('costNotBelowAuthorized');
    (rowsIn(el)[3] as HTMLElement).click();
    await settle(el);
    expect($d(el, '.adjustment-reason').textContent).to.contain('Freight deducted');
    expect($d(el, '[part="explanation"]').textContent).to.contain('Finance adjusted the credit to $50.00');

    const vendor = await fixture<BecClaimGrid>(html`<bec-claim-grid audience="vendor" locale="fr-FR" .lines=${lines}></bec-claim-grid>`);
    (rowsIn(vendor)[1] as HTMLElement).click();
    await settle(vendor);
    expect($d(vendor, '[part="explanation"]').textContent).to.match(
      /Vous avez réclamé 5,29\s\$US l.unité ; le coût autorisé est de 6,00\s\$US\./,
    );
    const internal = $d<HTMLDetailsElement>(vendor, 'details.internal');
    expect(internal.querySelector('summary')!.textContent).to.equal('Détails');
    expect(internal.textContent).to.contain('costNotBelowAuthorized');
    await expect(vendor).to.be.accessible();
  });

  it('pages the lines from GET /api/claims/{id}/lines and shows the first page at once', async () => {
    const stub = claimRoutes(makeLines(1200));
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: stub.fetch });
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base=${apiBase} claim-id="7"></bec-claim-grid>`);
    await waitUntil(() => el.visibleRows.length === 1200, 'every page loaded');
    const urls = stub.calls.map((c) => c.url.replace(apiBase, ''));
    expect(urls).to.deep.equal([
      '/api/claims/7?lines=false',
      '/api/claims/7/lines?after=0&limit=500',
      '/api/claims/7/lines?after=500&limit=5000',
    ]);
    expect(urls.some((u) => u === '/api/claims/7')).to.equal(false);
  });

  it('lists every claim page after page by cursor: only the first page is by number (and counted)', async () => {
    const claim = (id: number) => ({ ...makeClaim(1), id, number: `CL-PAGE-${id}`, lines: undefined });
    const stub = stubFetch({
      'GET /api/claims*': (_body, url) => {
        const cursor = url.searchParams.get('cursor');
        return cursor === null
          ? { body: { items: [claim(93), claim(92)], total: 3, page: 1, pageSize: 200, nextCursor: 'after-92' } }
          : { body: { items: cursor === 'after-92' ? [claim(91)] : [], page: 1, pageSize: 200, nextCursor: null } };
      },
      'GET /api/accounts*': () => ({ body: { items: [] } }),
    });
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: stub.fetch });
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base=${apiBase} view="claims"></bec-claim-grid>`);
    const shown = () => [...rowsIn(el)].map((r) => r.textContent ?? '').join(' ');
    await waitUntil(() => shown().includes('CL-PAGE-91'), 'the second page shows too');
    expect(['CL-PAGE-93', 'CL-PAGE-92'].every((n) => shown().includes(n))).to.equal(true);
    const lists = stub.calls.filter((c) => c.url.includes('/api/claims?')).map((c) => new URL(c.url).searchParams);
    expect(lists.map((q) => [q.get('cursor'), q.get('page')])).to.deep.equal([
      [null, null],
      ['after-92', null],
    ]);
  });

  it("on a record page shows that record's claims: asks by opportunity-id, and again by account-id when it changes", async () => {
    const ofOpportunity = { ...makeClaim(1), id: 51, number: 'CL-OPP-1', lines: undefined };
    const ofAccount = { ...makeClaim(2), id: 52, number: 'CL-ACC-1', lines: undefined };
    const stub = stubFetch({
      'GET /api/claims*': (_body, url) => {
        const q = url.searchParams;
        const items =
          q.get('opportunityId') === '006000000000001AAA' ? [ofOpportunity] : q.get('accountId') === '001ACME' ? [ofAccount] : [];
        return { body: { items, total: items.length, page: 1, pageSize: 200 } };
      },
      'GET /api/accounts*': () => ({ body: { items: [] } }),
    });
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: stub.fetch });
    const el = await fixture<BecClaimGrid>(
      html`<bec-claim-grid api-base=${apiBase} view="claims" opportunity-id="006000000000001AAA"></bec-claim-grid>`,
    );
    const shown = () => [...rowsIn(el)].map((r) => r.textContent ?? '').join(' ');
    await waitUntil(() => shown().includes('CL-OPP-1'), "the opportunity's claim shows");
    expect(shown()).not.to.contain('CL-ACC-1');
    const lists = () => stub.calls.filter((c) => c.url.includes('/api/claims?')).map((c) => new URL(c.url).searchParams);
    expect(lists()[0]!.get('opportunityId')).to.equal('006000000000001AAA');
    expect(lists()[0]!.has('accountId')).to.equal(false);
    el.opportunityId = '';
    el.setAttribute('account-id', '001ACME');
    await waitUntil(() => shown().includes('CL-ACC-1'), "the account's claim shows after the attribute changes");
    expect(shown()).not.to.contain('CL-OPP-1');
    expect(lists().at(-1)!.get('accountId')).to.equal('001ACME');
    expect(lists().at(-1)!.has('opportunityId')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("with refresh-seconds, shows each claim's status as it moves (live status), and stops when removed", async () => {
    let status: 'submitted' | 'paid' = 'submitted';
    const claim = () => ({ ...makeClaim(2), id: 41, number: 'CL-LIVE-1', status, lines: undefined });
    const stub = stubFetch({
      'GET /api/claims*': () => ({ body: { items: [claim()], total: 1, page: 1, pageSize: 200 } }),
      'GET /api/accounts*': () => ({ body: { items: [] } }),
    });
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: stub.fetch });
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base=${apiBase} view="claims" refresh-seconds="0.3"></bec-claim-grid>`);
    const statusText = () => el.shadowRoot!.querySelector('[part~="row"]')?.textContent ?? '';
    await waitUntil(() => /submitted/i.test(statusText()), 'the claim shows as submitted');
    status = 'paid';
    await waitUntil(() => /paid/i.test(statusText()), 'the claim shows as paid without a reload by the page', { timeout: 5000 });
    const listCalls = () => stub.calls.filter((c) => c.url.includes('/api/claims?')).length;
    el.remove();
    const after = listCalls();
    await new Promise((r) => setTimeout(r, 900));
    expect(listCalls(), 'no reload once the element is gone').to.equal(after);
  });

  it('shows loading, then an error with the problem detail and Retry, offline, and empty as distinct states', async () => {
    let answer: 'hang' | 'fail' | 'offline' | 'ok' | 'empty' = 'hang';
    const lines = makeLines(3);
    const ok = claimRoutes(lines);
    const empty = claimRoutes([]);
    const down = stubFetch({}, { otherwise: problem(503, 'UNAVAILABLE', 'The claims database is being restarted') });
    const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (answer === 'hang') return new Promise(() => {});
      if (answer === 'offline') return Promise.reject(new TypeError('Failed to fetch'));
      return (answer === 'ok' ? ok : answer === 'fail' ? down : empty).fetch(input, init);
    }) as typeof fetch;
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: fetchImpl });
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base=${apiBase} claim-id="7"></bec-claim-grid>`);
    await el.updateComplete;
    expect($(el, '[part="state"]').getAttribute('data-state')).to.equal('loading');
    expect($(el, '[role="grid"]') === null).to.equal(true);

    answer = 'fail';
    await el.load();
    await el.updateComplete;
    const error = $(el, '[part="state"]');
    expect(error.getAttribute('data-state')).to.equal('error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('The claims database is being restarted');
    expect(error.textContent).not.to.contain('No rows');

    answer = 'offline';
    await el.load();
    await el.updateComplete;
    expect($(el, '[part="state"]').getAttribute('data-state')).to.equal('offline');
    expect($(el, '[part="state"]').textContent).to.contain('offline');

    answer = 'ok';
    [...$(el, '[part="state"]').querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Retry')!.click();
    await waitUntil(() => rowsIn(el).length === 3, 'Retry loads the lines');
    expect($(el, '[part="state"]') === null).to.equal(true);

    answer = 'empty';
    await el.load();
    await el.updateComplete;
    expect($(el, '[part="state"]').getAttribute('data-state')).to.equal('empty');
    expect($(el, '[part="state"]').textContent).to.contain('no lines');
  });

  it('tells "nothing matches" apart from "no lines", with a way back', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${makeLines(5)}></bec-claim-grid>`);
    $<HTMLInputElement>(el, '#filter').value = 'no such thing';
    $<HTMLInputElement>(el, '#filter').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await el.updateComplete;
    const state = $(el, '[part="state"]');
    expect(state.getAttribute('data-state')).to.equal('no-match');
    state.querySelector('button')!.click();
    await el.updateComplete;
    expect(rowsIn(el).length).to.equal(5);
  });

  it('requires a reason to adjust, then calls the API and fires beclineadjust', async () => {
    const lines = makeLines(3);
    const stub = claimRoutes(
      lines,
      routes({
        'POST /api/claims/7/lines/1/adjust': (b) => ({
          body: {
            ...makeClaim(0),
            lines: lines.map((l) =>
              l.id === 1 ? { ...l, approvedAmount: (b as { approvedAmount: string }).approvedAmount, verdict: 'adjusted' } : l,
            ),
          },
        }),
      }),
    );
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: stub.fetch, csrfToken: 'csrf-1' });
    const el = await fixture<BecClaimGrid>(
      html`<bec-claim-grid api-base=${apiBase} claim-id="7" can-adjust audience="vendor"></bec-claim-grid>`,
    );
    await waitUntil(() => rowsIn(el).length === 3);
    (rowsIn(el)[0].querySelector('[role="gridcell"]:nth-child(2)') as HTMLElement).click();
    await settle(el);
    const form = adjustForm(el);
    const amount = form.querySelector<HTMLInputElement>('#adj-amount')!;
    amount.value = '';
    amount.focus();
    await sendKeys({ type: '100.5' });
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el);
    expect(form.querySelector('#adj-reason-err')!.textContent).to.contain('reason is required');
    form.querySelector<HTMLInputElement>('#adj-reason')!.focus();
    await sendKeys({ type: 'RMA 2231 partial return' });
    const adjusted = oneEvent(el, 'beclineadjust');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const ev = await adjusted;
    expect(ev.detail.approvedAmount).to.equal('100.5000');
    const call = stub.calls.find((c) => c.method === 'POST')!;
    expect(call.headers['X-CSRF-Token']).to.equal('csrf-1');
    expect(call.body).to.deep.equal({ approvedAmount: '100.5000', reason: 'RMA 2231 partial return' });
  });

  it('shows the server error when an adjustment is refused', async () => {
    const stub = claimRoutes(
      makeLines(2),
      routes({ 'POST /api/claims/7/lines/1/adjust': () => problem(409, 'CLAIM_NOT_OPEN', 'the claim is already authorized') }),
    );
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: stub.fetch });
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base=${apiBase} claim-id="7" can-adjust></bec-claim-grid>`);
    await waitUntil(() => rowsIn(el).length === 2);
    (rowsIn(el)[0] as HTMLElement).click();
    await settle(el);
    adjustForm(el).querySelector<HTMLInputElement>('#adj-reason')!.value = 'a good reason';
    const failed = oneEvent(el, 'becerror');
    adjustForm(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await failed).detail.code).to.equal('CLAIM_NOT_OPEN');
    await settle(el);
    expect(adjustForm(el).querySelector('[role="alert"]')!.textContent).to.contain('already authorized');
  });

  it('lets the distributor dispute a rejected line with a comment and a corrected amount, and shows the thread', async () => {
    const lines = makeLines(4);
    // Line 4 is accepted in full: nothing to dispute.
    lines[3] = { ...lines[3], approvedAmount: lines[3].claimedAmount };
    let sent: unknown = null;
    const stub = claimRoutes(
      lines,
      routes({
        'POST /api/disputes': (b) => {
          sent = b;
          return {
            status: 201,
            body: makeDisputeThread(2, [
              {
                id: 1,
                kind: 'opened',
                authorUserId: 5,
                authorName: 'Arrowhead ops',
                body: 'Customer name was mistyped',
                correction: null,
                resubmittedLineId: 9,
                createdAt: '2026-11-03T10:00:00Z',
              },
            ]),
          };
        },
      }),
    );
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: stub.fetch });
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base=${apiBase} claim-id="7"></bec-claim-grid>`);
    await waitUntil(() => rowsIn(el).length === 4);
    // An accepted line offers no dispute.
    (rowsIn(el)[3] as HTMLElement).click();
    await settle(el);
    expect($d(el, 'form.dispute') === null).to.equal(true);
    (rowsIn(el)[1] as HTMLElement).click();
    await settle(el);
    const form = $d<HTMLFormElement>(el, 'form.dispute');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el);
    expect(sent).to.equal(null);
    expect(form.querySelector('#dispute-comment-err')!.textContent).to.contain('dispute the line');
    form.querySelector<HTMLTextAreaElement>('#dispute-comment')!.focus();
    await sendKeys({ type: 'Customer name was mistyped' });
    const amount = form.querySelector<HTMLInputElement>('#dispute-amount')!;
    amount.value = '';
    amount.focus();
    await sendKeys({ type: '100.00' });
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => sent !== null, 'the dispute is sent');
    expect(sent).to.deep.equal({ lineId: 2, comment: 'Customer name was mistyped', correction: { claimedAmount: '100.00' } });
    await settle(el);
    expect($d(el, '[part="thread"]').textContent).to.contain('Customer name was mistyped');
    expect($d(el, 'form.dispute') === null).to.equal(true);
  });

  it('disputes with a comment alone when the pre-filled amount is sent unchanged (no correction, so no resubmission)', async () => {
    const lines = makeLines(4);
    // The API writes amounts with 4 decimals; the field shows "119.01".
    lines[1] = { ...lines[1], claimedAmount: '119.0100' };
    let sent: unknown = null;
    const stub = claimRoutes(
      lines,
      routes({
        'POST /api/disputes': (b) => {
          sent = b;
          return { status: 201, body: makeDisputeThread(2, []) };
        },
      }),
    );
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: stub.fetch });
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base=${apiBase} claim-id="7"></bec-claim-grid>`);
    await waitUntil(() => rowsIn(el).length === 4);
    (rowsIn(el)[1] as HTMLElement).click();
    await settle(el);
    const form = $d<HTMLFormElement>(el, 'form.dispute');
    expect(form.querySelector<HTMLInputElement>('#dispute-amount')!.value).to.equal('119.01');
    form.querySelector<HTMLTextAreaElement>('#dispute-comment')!.focus();
    await sendKeys({ type: 'A separate shipment, not a duplicate' });
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => sent !== null, 'the dispute is sent');
    expect(sent).to.deep.equal({ lineId: 2, comment: 'A separate shipment, not a duplicate' });
  });

  it('asks for a dispute thread only where the line can have one, and takes the 404 of none quietly', async () => {
    const lines = makeLines(4);
    // makeLines: line 1 partial, 2 rejected, 3 pending, 4 accepted (in full here).
    lines[3] = { ...lines[3], approvedAmount: lines[3].claimedAmount };
    const stub = claimRoutes(lines);
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: stub.fetch });
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid api-base=${apiBase} claim-id="7"></bec-claim-grid>`);
    await waitUntil(() => rowsIn(el).length === 4);
    let errors = 0;
    el.addEventListener('becerror', () => errors++);
    const threadCalls = () => stub.calls.filter((c) => c.url.includes('/thread')).map((c) => c.url.split('/').at(-2));
    for (const i of [3, 2]) {
      (rowsIn(el)[i] as HTMLElement).click();
      await settle(el);
    }
    expect(threadCalls()).to.deep.equal([]);
    (rowsIn(el)[1] as HTMLElement).click();
    await settle(el);
    expect(threadCalls()).to.deep.equal(['2']);
    expect(errors).to.equal(0);
    expect($d(el, '[role="alert"]')).to.equal(null);
    expect($d(el, 'form.dispute')).to.not.equal(null);
  });

  it('lets finance read a dispute thread and decide it with a comment', async () => {
    const lines = makeLines(4);
    const thread = makeDisputeThread(2, [
      {
        id: 1,
        kind: 'opened',
        authorUserId: 5,
        authorName: 'Arrowhead ops',
        body: 'Please look again',
        correction: { claimedAmount: '90.0000' },
        resubmittedLineId: null,
        createdAt: '2026-11-03T10:00:00Z',
      },
    ]);
    let decision: unknown = null;
    const stub = claimRoutes(
      lines,
      routes({
        'GET /api/disputes/lines/2/thread': () => ({ body: thread }),
        'POST /api/disputes/lines/2/decision': (b) => {
          decision = b;
          return {
            body: {
              ...thread,
              state: 'rejected',
              entries: [...thread.entries, { ...thread.entries[0], id: 2, kind: 'rejected', body: 'Not covered' }],
            },
          };
        },
      }),
    );
    const apiBase = nextBase();
    configureApi({ baseUrl: apiBase, fetch: stub.fetch });
    const el = await fixture<BecClaimGrid>(
      html`<bec-claim-grid api-base=${apiBase} claim-id="7" can-adjust audience="vendor"></bec-claim-grid>`,
    );
    await waitUntil(() => rowsIn(el).length === 4);
    (rowsIn(el)[1] as HTMLElement).click();
    await waitUntil(() => detailOf(el)?.shadowRoot!.querySelector('[part="thread"]'), 'the thread shows');
    expect($d(el, '[part="thread"]').textContent).to.contain('Please look again');
    expect($d(el, 'form.dispute') === null).to.equal(true);
    $d<HTMLInputElement>(el, '#decision-comment').value = 'Not covered';
    [...$d(el, 'form.decision').querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Reject dispute')!.click();
    await waitUntil(() => decision !== null, 'the decision is sent');
    expect(decision).to.deep.equal({ decision: 'reject', comment: 'Not covered' });
    await settle(el);
    expect($d(el, '[part="thread"]').textContent).to.contain('Rejected');
    expect($d(el, 'form.decision') === null).to.equal(true);
  });

  it('bulk-rejects selected lines with a reason', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid .lines=${makeLines(6)} can-adjust></bec-claim-grid>`);
    grid(el).focus();
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
      [...el.shadowRoot!.querySelectorAll('[part="group-row"]')].map((g) => g.querySelector('.group-name')!.textContent!.trim()),
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
    const csv = await el.toCsv();
    expect(csv).to.contain(`"'=HYPERLINK(""http://evil"")"`);
    for (const bad of ['=1+1', '+1', '-1+1', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(bad).replace(/^"/, '').startsWith("'")).to.equal(true);
    expect(csvCell('plain')).to.equal('plain');
    // A negative amount is a number, not a formula: guarded, a spreadsheet would show '-12.5000 as text.
    expect(csvCell('-12.5000')).to.equal('-12.5000');
  });

  it('exports in the dialect of its locale\'s Excel: semicolons and decimal commas for locale="de-DE", amounts only', async () => {
    const lines = makeLines(2).map((l) => ({ ...l, invoiceNumber: 'INV 1.5', vendorPartNumber: '1234.5' }));
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid locale="de-DE" .lines=${lines}></bec-claim-grid>`);
    const [header, first] = (await el.toCsv()).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).to.equal(
      '#;Invoice;Invoice date;Part;End customer;Authorization;Qty;Claimed;Approved;Verdict;Computed;Reason codes;Rule',
    );
    // the part number looks like a numeral but is text: it keeps its point; the amounts take the comma
    expect(first).to.equal(
      '1;INV 1.5/1;2026-11-02;1234.5;Helios Medical Devices;SD-2026-0001;101;119,0100;118,9000;partial;118,9000;AMOUNT_OVER_CLAIMED;credit',
    );
    // the formula guard holds in this dialect too
    el.lines = makeLines(3);
    await el.updateComplete;
    expect(await el.toCsv()).to.contain(`;"'=HYPERLINK(""http://evil"")";`);
  });

  it('exports comma-separated with decimal points in English, and as csv-delimiter and csv-decimal say whatever the locale', async () => {
    const el = await fixture<BecClaimGrid>(html`<bec-claim-grid locale="en-US" .lines=${makeLines(1)}></bec-claim-grid>`);
    expect((await el.toCsv()).split('\r\n')[1]).to.equal(
      '1,INV-000001/1,2026-11-02,VS-MCU-32F4,Helios Medical Devices,SD-2026-0001,101,119.0100,118.9000,partial,118.9000,AMOUNT_OVER_CLAIMED,credit',
    );
    el.locale = 'fr-FR';
    el.setAttribute('csv-delimiter', 'tab');
    await el.updateComplete;
    expect((await el.toCsv()).split('\r\n')[1]).to.contain('\t119,0100\t118,9000\t');
    el.setAttribute('csv-delimiter', 'comma');
    el.setAttribute('csv-decimal', 'point');
    await el.updateComplete;
    expect((await el.toCsv()).split('\r\n')[1]).to.contain(',119.0100,118.9000,');
  });

  describe('on a phone (390 × 844)', () => {
    onPhone('shows every debit memo number whole (no hover title on a phone): the column fits the longest', async () => {
      const memos = ['ARW-DM-2026-1001', 'ARW-DM-2026-11-000123-R2'];
      const claims = makeClaims(2).map((c, i) => ({ ...c, debitMemoNumber: memos[i]! }));
      const el = await fixture<BecClaimGrid>(html`<bec-claim-grid view="claims" .claims=${claims}></bec-claim-grid>`);
      await el.updateComplete;
      const cells = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="gridcell"]')].filter((c) =>
        memos.includes(c.textContent!.trim()),
      );
      expect(cells.length).to.equal(2);
      for (const cell of cells) expect(cell.scrollWidth, cell.textContent!).to.be.at.most(cell.clientWidth);
      expect(document.scrollingElement!.scrollWidth, 'the grid scrolls, not the page').to.be.at.most(390);
    });
  });
});
