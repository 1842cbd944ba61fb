import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { REQUEST_STATUSES, type RequestStatus } from '../../core/domain.js';
import { onPhone } from '../shared/test-viewport.js';
import { configureApi } from '../shared/api.js';
import { makeApprovalContext, makeProgram, makeRequest, queueLookups, routes, stubFetch, problem } from '../shared/test-data.js';
import type { RouteTable } from '../shared/test-data.js';
import './approval-queue.js';
import type { BecApprovalQueue } from './approval-queue.js';
import type { RequestContext } from './approval-queue.js';

const { products, accounts } = queueLookups;
const req = (id: number) => makeRequest(id);
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;

/** A queue on a stubbed API signed in as channel manager 5, loaded: the lookups answered, `routes` for the rest. */
async function loadedQueue(port: number, extra: RouteTable, attrs = '') {
  const stub = stubFetch(
    {
      'GET /api/session': () => ({ body: { userId: 5, email: 'cm@x', name: 'CM', role: 'channel_manager', distributorId: null } }),
      'GET /api/products': () => ({ body: { items: products } }),
      'GET /api/accounts': () => ({ body: { items: accounts } }),
      'GET /api/programs': () => ({ body: { items: [] } }),
      'GET /api/requests/1/context': () => problem(404, 'NOT_FOUND', 'no context'),
    },
    { overrides: extra },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  configureApi({ baseUrl, fetch: stub.fetch, token: 't' });
  const el = await fixture<BecApprovalQueue>(
    html`<bec-approval-queue
      api-base=${baseUrl}
      opportunity-id=${attrs.includes('scoped') ? '006XYZ' : ''}
      account-id=${attrs.includes('scoped') ? '001ACME' : ''}
    ></bec-approval-queue>`,
  );
  await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
  return { el, stub };
}
const pendingPage = (...ids: number[]) => ({ body: { items: ids.map(req), total: ids.length, page: 1, pageSize: 200 } });

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

  it("does not show a line's own flag twice: the book-cost badge is the line's, the context lists the CRM's flags", async () => {
    const flags = [
      { code: 'PRICE_AT_OR_ABOVE_BOOK_COST', message: 'VS-ETH-PHY at 3.8950 is at or above the book cost 3.8950' },
      { code: 'NO_REGISTERED_DEAL', message: 'no deal registration for this end customer' },
    ];
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue
        .requests=${[req(1)]}
        .products=${products}
        .accounts=${accounts}
        .contexts=${{ 1: { flags } }}
      ></bec-approval-queue>`,
    );
    const context = $(el, '[part="context"]').textContent!;
    // The flag in the catalog's words (the server's sentence is English only).
    expect(context).to.contain('No deal registration in the CRM for this end customer, distributor and product');
    expect(context).not.to.contain('at or above the book cost');
  });

  it('is keyboard-driven: arrow down then "a" asks to confirm the price, Enter approves the second request', async () => {
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue .requests=${[req(1), req(2)]} .products=${products} .accounts=${accounts}></bec-approval-queue>`,
    );
    $<HTMLElement>(el, '[role="listbox"]').focus();
    await sendKeys({ press: 'ArrowDown' });
    let decisions = 0;
    el.addEventListener('becdecision', () => decisions++);
    await sendKeys({ press: 'a' });
    await el.updateComplete;
    // Nothing approved yet: the confirmation names the request and its prices, and holds the focus.
    expect(decisions).to.equal(0);
    const confirm = $(el, '[part="confirm"]');
    expect(confirm.textContent).to.contain('Approve SPR-2 at the requested price: VS-RF-BLE5 $1.90 × 8,000, VS-SNS-TMP $0.60 × 8,000?');
    expect(el.shadowRoot!.activeElement).to.equal(confirm.querySelector('button.brand'));
    await expect(el).to.be.accessible();
    const decided = oneEvent(el, 'becdecision');
    await sendKeys({ press: 'Enter' });
    const ev = await decided;
    expect(ev.detail).to.include({ requestId: 2, decision: 'approve', comment: '' });
    await el.updateComplete;
    expect(el.requests.map((r) => r.id)).to.deep.equal([1]);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[role="listbox"]'));
  });

  it('walks the list with j and k, and Escape cancels a confirmation', async () => {
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue .requests=${[req(1), req(2), req(3)]} .products=${products} .accounts=${accounts}></bec-approval-queue>`,
    );
    const list = $<HTMLElement>(el, '[role="listbox"]');
    list.focus();
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'k' });
    await el.updateComplete;
    expect(list.getAttribute('aria-activedescendant')).to.equal('req-2');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(list.getAttribute('aria-activedescendant')).to.equal('req-3');
    await sendKeys({ press: 'a' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part="confirm"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(list);
    expect(el.requests.length).to.equal(3);
  });

  it('approving after a discarded counter draft approves the requested price without the counter comment', async () => {
    const { el, stub } = await loadedQueue(
      8,
      routes({
        'GET /api/requests?status=pending&requestedBy=others&pageSize=200': () => pendingPage(1),
        'POST /api/requests/1/approve': () => ({ body: { ...req(1), status: 'approved' } }),
      }),
    );
    const list = $<HTMLElement>(el, '[role="listbox"]');
    list.focus();
    // c: to the counter cost; type a counter price, then a comment; Escape back to the list.
    await sendKeys({ press: 'c' });
    await sendKeys({ type: '2.05' });
    $<HTMLTextAreaElement>(el, '#comment').focus();
    await sendKeys({ type: 'We can meet you at 2.05' });
    await sendKeys({ press: 'Escape' });
    expect(el.shadowRoot!.activeElement).to.equal(list);
    await sendKeys({ press: 'a' });
    await el.updateComplete;
    const confirm = $(el, '[part="confirm"]').textContent!;
    expect(confirm).to.contain('at the requested price: VS-RF-BLE5 $1.90 × 8,000');
    expect(confirm).to.contain('counter-offer draft (VS-RF-BLE5 $2.05 × 8,000) and its comment will be discarded');
    const decided = oneEvent(el, 'becdecision');
    await sendKeys({ press: 'Enter' });
    expect((await decided).detail).to.include({ decision: 'approve', comment: '' });
    const approve = stub.calls.find((c) => c.method === 'POST')!;
    expect(approve.url).to.match(/\/api\/requests\/1\/approve$/);
    expect(approve.body).to.deep.equal({});
  });

  it("leaves out the approver's own requests and, on a record page, other records' requests", async () => {
    const own = { ...req(3), requestedByUserId: 5 };
    const otherOpportunity = { ...req(4), opportunityRef: '006OTHER' };
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue
        user-id="5"
        opportunity-id="006XYZ"
        .requests=${[req(1), own, otherOpportunity]}
        .products=${products}
        .accounts=${accounts}
      ></bec-approval-queue>`,
    );
    expect([...el.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.id)).to.deep.equal(['req-1']);
    expect($(el, '.card-header .badge').textContent).to.equal('1 pending');
  });

  it("asks the server for the record only, without the approver's own requests", async () => {
    const { el, stub } = await loadedQueue(
      10,
      routes({
        'GET /api/requests*': () => pendingPage(),
      }),
      'scoped',
    );
    const list = stub.calls.find((c) => c.url.includes('/api/requests'))!;
    expect(list.url).to.contain('requestedBy=others');
    expect(list.url).to.contain('opportunityId=006XYZ');
    expect(list.url).to.contain('accountId=001ACME');
    expect($(el, '[part="empty"]').textContent).to.contain('Nothing waiting for you');
  });

  it('shows every pending request, page after page by cursor, not only the first page', async () => {
    // three pages: the first by number (with its total), then by the cursor each names
    const pages: Record<string, { ids: number[]; next: string | null }> = {
      '': { ids: [1, 2], next: 'c2' },
      c2: { ids: [3, 4], next: 'c3' },
      c3: { ids: [5], next: null },
    };
    const { el, stub } = await loadedQueue(
      11,
      routes({
        'GET /api/requests*': (_body, url) => {
          const page = pages[url.searchParams.get('cursor') ?? '']!;
          return { body: { items: page.ids.map(req), page: 1, pageSize: 200, nextCursor: page.next } };
        },
      }),
    );
    await waitUntil(() => el.requests.length === 5, 'the three pages are read');
    expect(el.requests.map((r) => r.id)).to.deep.equal([1, 2, 3, 4, 5]);
    const cursors = stub.calls.filter((c) => c.url.includes('/api/requests?')).map((c) => new URL(c.url).searchParams.get('cursor'));
    expect(cursors).to.deep.equal([null, 'c2', 'c3']);
    expect(el.shadowRoot!.querySelectorAll('[role="option"]').length).to.equal(5);
  });

  it('shows a failed load as an error with its detail and a Retry, not as an empty queue', async () => {
    let fail = true;
    const { el } = await loadedQueue(
      11,
      routes({
        'GET /api/requests*': () => (fail ? problem(503, 'UNAVAILABLE', 'the database is not answering') : pendingPage(1)),
      }),
    );
    expect($(el, '[part="error"]').textContent).to.contain('the database is not answering');
    expect($(el, '[part="empty"]')).to.equal(null);
    fail = false;
    $<HTMLButtonElement>(el, '[part="retry"]').click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[role="option"]').length).to.equal(1);
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
    const { el } = await loadedQueue(
      7,
      routes({
        'GET /api/requests?status=pending&requestedBy=others&pageSize=200': () => pendingPage(1),
        'POST /api/requests/1/approve': () => problem(403, 'SELF_APPROVAL', 'you cannot approve your own request'),
      }),
    );
    expect(el.requests.length).to.equal(1);
    const failed = oneEvent(el, 'becerror');
    await el.decide('approve');
    expect((await failed).detail.code).to.equal('SELF_APPROVAL');
    await el.updateComplete;
    expect($(el, '.alert[role="alert"]').textContent).to.contain('own request');
    expect(el.requests.length).to.equal(1);
  });
  it('speaks French with locale="fr", prices in euros the French way', async () => {
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue
        locale="fr-FR"
        currency="EUR"
        .requests=${[req(1)]}
        .products=${products}
        .accounts=${accounts}
        .programs=${[makeProgram(1, { code: 'SD-2026', type: 'ship_and_debit' })]}
      ></bec-approval-queue>`,
    );
    expect($(el, 'h2').textContent).to.equal('File d’approbation');
    expect($(el, '[part="detail"]').textContent).to.contain('SD-2026 · Débit à l’expédition');
    expect($(el, '[part="actions"] button.brand').textContent!.trim()).to.equal('Approuver');
    await el.askApproval();
    expect($(el, '[part="confirm"]').textContent!.replace(/\s+/g, ' ')).to.contain(
      'Approuver SPR-1 au prix demandé : VS-RF-BLE5 1,90 € × 8 000',
    );
  });
});

describe('bec-approval-queue: statuses and flags in the locale', () => {
  const statusBadge = (el: BecApprovalQueue) => $(el, '[part="detail"] h3 .badge').textContent!.trim();

  it("shows every request status in the locale's words: French, and English", async () => {
    const french: Record<RequestStatus, string> = {
      pending: 'En attente',
      approved: 'Approuvée',
      declined: 'Refusée',
      countered: 'Contre-proposition',
      withdrawn: 'Retirée',
    };
    const english: Record<RequestStatus, string> = {
      pending: 'Pending',
      approved: 'Approved',
      declined: 'Declined',
      countered: 'Countered',
      withdrawn: 'Withdrawn',
    };
    for (const status of REQUEST_STATUSES) {
      const request = makeRequest(1, { status });
      const fr = await fixture<BecApprovalQueue>(
        html`<bec-approval-queue locale="fr" .requests=${[request]} .products=${products} .accounts=${accounts}></bec-approval-queue>`,
      );
      expect(statusBadge(fr), status).to.equal(french[status]);
      const en = await fixture<BecApprovalQueue>(
        html`<bec-approval-queue locale="en" .requests=${[request]} .products=${products} .accounts=${accounts}></bec-approval-queue>`,
      );
      expect(statusBadge(en), status).to.equal(english[status]);
    }
  });

  /** SPR-1's first line asks for its book cost exactly (no debit left to claim); its second, and SPR-2, ask below it. */
  const atBookCost = () => {
    const r = makeRequest(1);
    r.lines = [
      { ...r.lines[0]!, requestedCost: '1.9000', bookCost: '1.9000' },
      { ...r.lines[1]!, requestedCost: '0.6000', bookCost: '0.7800' },
    ];
    return r;
  };
  const belowBookCost = () => {
    const r = makeRequest(2);
    r.lines = r.lines.map((l) => ({ ...l, bookCost: '2.3600' }));
    return r;
  };
  const flagsIn = (root: Element | null) => [...(root?.querySelectorAll('[part="flag"]') ?? [])].map((b) => b.textContent!.trim());
  const text = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();

  it('flags a line priced at or above book cost on the request and on the line, with the book cost, in French, accessibly', async () => {
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue
        locale="fr"
        currency="EUR"
        .requests=${[atBookCost(), belowBookCost()]}
        .products=${products}
        .accounts=${accounts}
      ></bec-approval-queue>`,
    );
    // In the list: the flagged request says so once, the other not at all.
    expect(flagsIn($(el, '#req-1'))).to.deep.equal(['Au coût catalogue ou au-dessus']);
    expect(flagsIn($(el, '#req-2'))).to.deep.equal([]);
    // On its lines: the line at book cost, with the book cost it is compared with; the line below it, nothing.
    const [first, second] = [...el.shadowRoot!.querySelectorAll('table.lines tbody tr')];
    expect(flagsIn(first!)).to.deep.equal(['Au coût catalogue ou au-dessus']);
    expect(text(first!)).to.contain('Coût catalogue : 1,90 €');
    expect(flagsIn(second!)).to.deep.equal([]);
    expect(text(second!)).not.to.contain('Coût catalogue');
    await expect(el).to.be.accessible();
    // The next request carries no flag.
    $<HTMLElement>(el, '[role="listbox"]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(flagsIn($(el, '[part="detail"]'))).to.deep.equal([]);
  });

  it('flags it in English too, on the requests the API answers', async () => {
    const { el } = await loadedQueue(
      12,
      routes({
        'GET /api/requests?status=pending&requestedBy=others&pageSize=200': () => ({
          body: { items: [atBookCost(), belowBookCost()], total: 2, page: 1, pageSize: 200 },
        }),
      }),
    );
    expect(flagsIn($(el, '#req-1'))).to.deep.equal(['At or above book cost']);
    expect(flagsIn($(el, '#req-2'))).to.deep.equal([]);
    const first = $(el, 'table.lines tbody tr');
    expect(flagsIn(first)).to.deep.equal(['At or above book cost']);
    expect(text(first)).to.contain('Book cost: $1.90');
    await expect(el).to.be.accessible();
  });

  onPhone('shows the flag of a line on a phone without widening the page', async () => {
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue locale="fr" .requests=${[atBookCost()]} .products=${products} .accounts=${accounts}></bec-approval-queue>`,
    );
    expect(flagsIn($(el, 'table.lines tbody tr'))).to.deep.equal(['Au coût catalogue ou au-dessus']);
    expect(document.scrollingElement!.scrollWidth).to.be.at.most(390);
    await expect(el).to.be.accessible();
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

  describe('on a phone (390 × 844)', () => {
    /** The lines a cell's text takes (its text's boxes by their top edge). */
    const textLines = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    };

    onPhone(
      'never breaks a quantity, a price or a part number inside ("40,000", "$0.42", a long part number), and fits the screen',
      async () => {
        const long = {
          id: 3,
          vendorPartNumber: 'VS-PMIC-BUCK-12A-QFN48',
          description: 'Buck PMIC',
          family: 'Power',
          listPrice: '12345.4200',
        };
        const request = makeRequest(1);
        request.lines = [
          { ...request.lines[0]!, productId: 3, quantity: 40000, requestedCost: '0.4200' },
          { ...request.lines[1]!, quantity: 1250000, requestedCost: '10250.5000' },
        ];
        const el = await fixture<BecApprovalQueue>(
          html`<bec-approval-queue .requests=${[request]} .products=${[...products, long]} .accounts=${accounts}></bec-approval-queue>`,
        );
        const rows = [...el.shadowRoot!.querySelectorAll('table.lines tbody tr')];
        expect(rows.length).to.equal(2);
        for (const row of rows) {
          for (const cell of [...row.children].slice(0, 4)) {
            expect(textLines(cell), cell.textContent!).to.equal(1);
            expect(cell.scrollWidth, cell.textContent!).to.be.at.most(cell.clientWidth);
          }
        }
        expect(rows[0]!.textContent).to.contain('40,000').and.contain('$0.42').and.contain('VS-PMIC-BUCK-12A-QFN48');
        expect(document.scrollingElement!.scrollWidth).to.be.at.most(390);
        await expect(el).to.be.accessible();
      },
    );
  });
});

describe('bec-approval-queue in French', () => {
  /** A request with every part of the detail and of the context panel shown. */
  const context: RequestContext = {
    opportunity: { id: '006XYZ', name: 'Cascade arm v2', stage: 'Negotiation', amount: '250000.00', closeDate: '2026-12-15' },
    dealRegistration: { id: 'DR-0042', status: 'Submitted', expiresOn: '2027-01-31' },
    designWins: [{ id: '006W', name: 'Cascade arm v1', stage: 'Closed Won' }],
    priceHistory: [{ productId: 1, date: '2026-03-01', cost: '2.1000' }],
    flags: [
      { code: 'NO_REGISTERED_DEAL', message: 'deal registration DR-0042 is Submitted, not approved' },
      { code: 'PRICE_BELOW_FLOOR', message: 'VS-RF-BLE5 at 1.9000 is below the program floor 2.0000', lineId: 11 },
      { code: 'CLOSED_LOST_OPPORTUNITY', message: 'opportunity "Cascade arm v2" is Closed Lost' },
    ],
  };
  const french = () =>
    fixture<BecApprovalQueue>(
      html`<bec-approval-queue
        locale="fr"
        .requests=${[req(1)]}
        .products=${products}
        .accounts=${accounts}
        .contexts=${{ 1: context }}
      ></bec-approval-queue>`,
    );
  const texts = (root: Element, sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());

  it('heads the lines in French: Référence, Qté, Prix catalogue, Demandé, Contre-proposition, on a phone too', async () => {
    const el = await french();
    const lines = $(el, 'table.lines');
    expect(texts(lines, 'thead th')).to.deep.equal(['Référence', 'Qté', 'Prix catalogue', 'Demandé', 'Contre-proposition']);
    // The labels a phone shows in place of the header (table.cards)
    const labels = [...lines.querySelectorAll('tbody tr:first-child td')].map((td) => td.getAttribute('data-label'));
    expect(labels).to.deep.equal(['Référence', 'Qté', 'Prix catalogue', 'Demandé', 'Contre-proposition']);
    const input = lines.querySelector('input')!;
    expect(input.getAttribute('aria-label')).to.equal('Prix proposé pour VS-RF-BLE5');
    expect(input.getAttribute('placeholder')).to.equal('ex. 1,90');
    await expect(el).to.be.accessible();
  });

  it('names the request, its justification and its lines in French', async () => {
    const el = await french();
    const detail = $(el, '[part="detail"]');
    expect(detail.getAttribute('aria-label')).to.equal('Demande SPR-1');
    expect(texts(detail, ':scope > dl dt')).to.deep.equal(['Distributeur', 'Client final', 'Programme', 'Validité', 'Motif']);
    expect($(el, '[role="listbox"]').getAttribute('aria-label')).to.equal('Demandes en attente');
    expect(texts($(el, '#req-1'), '.item-sub')[1]).to.match(/^2 lignes ·/);
  });

  it("words the context panel in French: the margin, the opportunity's and the deal registration's fields, the history, the flags", async () => {
    const el = await french();
    const panel = $(el, '[part="context"]');
    expect(panel.getAttribute('aria-label')).to.equal('Contexte CRM');
    // (2.88 - 1.90) x 8000 + (0.95 - 0.60) x 8000 = 10,640 of 30,640 at list: 34.7 %
    expect(texts(panel, '.muted')[0]).to.equal('34,7 % sous le prix catalogue');
    expect(texts(panel, 'h4')).to.deep.equal([
      'Impact sur la marge',
      'Opportunité',
      'Enregistrement d’affaire',
      'Projets remportés (design wins)',
      'Historique des prix',
    ]);
    expect(texts(panel, 'dt')).to.deep.equal(['Nom', 'Étape', 'Montant', 'Date de clôture', 'Identifiant', 'Statut', 'Expire le']);
    expect(texts(panel, 'th')).to.deep.equal(['Date', 'Référence', 'Coût']);
    expect(texts(panel, '.flags .badge')).to.deep.equal(['Affaire non enregistrée', 'Sous le prix plancher', 'Opportunité perdue']);
    expect(texts(panel, '.flags li')).to.deep.equal([
      'Affaire non enregistrée L’enregistrement d’affaire DR-0042 n’est pas approuvé, ou a expiré',
      'Sous le prix plancher VS-RF-BLE5 à 1,90 $US est sous le prix plancher du programme',
      'Opportunité perdue L’opportunité est close et perdue',
    ]);
    await expect(el).to.be.accessible();
  });

  it('leaves no English word of its own: text, labels and placeholders', async () => {
    const el = await french();
    const root = el.shadowRoot!;
    const words = [
      root.textContent!,
      ...[...root.querySelectorAll('*')].flatMap((e) => ['aria-label', 'placeholder', 'data-label'].map((a) => e.getAttribute(a) ?? '')),
    ].join(' ');
    // The data (names, the CRM's stage and status, part numbers) stays as it is: none of these words is in it.
    for (const english of [
      'Part',
      'Qty',
      'List',
      'Why',
      'below',
      'Name',
      'Stage',
      'Amount',
      'Close',
      'Expires',
      'None linked',
      'Design wins',
      'Cost',
      'CRM context',
      'Pending requests',
      'Request SPR',
      'Counter cost',
      'e.g.',
      'lines',
      'registration',
      'floor',
    ])
      expect(words, english).not.to.match(new RegExp(`\\b${english}\\b`));
  });

  it('says "None linked" in the locale when the request links no opportunity or deal registration', async () => {
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue
        locale="fr"
        .requests=${[makeRequest(1, { opportunityRef: null })]}
        .products=${products}
        .accounts=${accounts}
      ></bec-approval-queue>`,
    );
    expect(texts($(el, '[part="context"]'), '.muted').slice(1, 3)).to.deep.equal(['Aucune opportunité liée', 'Aucun enregistrement lié']);
  });
});
