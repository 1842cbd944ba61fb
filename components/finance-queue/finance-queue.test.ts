import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Claim, ClaimLine } from '../shared/api.js';
import { configureApi } from '../shared/api.js';
import { makeClaim, makeLines, stubFetch, problem } from '../shared/test-data.js';
import './finance-queue.js';
import type { BecFinanceQueue } from './finance-queue.js';

const accounts = [{ id: 2, type: 'distributor' as const, name: 'Arrowhead Components', country: 'US' }];
const accepted = (lines: ClaimLine[], adjustedByUserId: number | null = null) =>
  lines.map((l) => ({ ...l, verdict: 'accepted' as const, reasonCodes: [], adjustedByUserId }));
function claim(id: number, patch: Partial<Claim> = {}): Claim {
  return { ...makeClaim(2), id, number: `CL-${id}`, ...patch };
}
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const finance = { userId: 4, role: 'finance' as const };

describe('bec-finance-queue', () => {
  it('sorts claims into to review, to authorize and to pay, accessibly', async () => {
    const el = await fixture<BecFinanceQueue>(
      html`<bec-finance-queue
        .user=${finance}
        .accounts=${accounts}
        .claims=${[
          claim(1, { lines: makeLines(4) }),
          claim(2, { lines: accepted(makeLines(2)) }),
          claim(3, { status: 'authorized', lines: undefined }),
        ]}
      ></bec-finance-queue>`,
    );
    const ids = (s: string) => [...el.shadowRoot!.querySelectorAll(`[data-section="${s}"] [part="item"]`)].map((i) => i.id);
    expect(ids('review')).to.deep.equal(['claim-1']);
    expect(ids('authorize')).to.deep.equal(['claim-2']);
    expect(ids('pay')).to.deep.equal(['claim-3']);
    // makeLines(4): one partial, one rejected, one pending line to check.
    expect($(el, '#claim-1').textContent).to.contain('3 lines to check');
    expect($<HTMLButtonElement>(el, '#claim-2 button.brand').disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('disables Authorize for the person who adjusted a line, and says why', async () => {
    const el = await fixture<BecFinanceQueue>(
      html`<bec-finance-queue .user=${finance} .claims=${[claim(2, { lines: accepted(makeLines(2), 4) })]}></bec-finance-queue>`,
    );
    const button = $<HTMLButtonElement>(el, '#claim-2 button.brand');
    expect(button.disabled).to.equal(true);
    const reason = $(el, `#${button.getAttribute('aria-describedby')}`);
    expect(reason.textContent).to.equal('You adjusted a line of this claim; another finance user must authorize it.');
    await expect(el).to.be.accessible();
  });

  it('lets another finance user authorize the same claim', async () => {
    const el = await fixture<BecFinanceQueue>(
      html`<bec-finance-queue
        .user=${{ userId: 5, role: 'finance' }}
        .claims=${[claim(2, { lines: accepted(makeLines(2), 4) })]}
      ></bec-finance-queue>`,
    );
    expect($<HTMLButtonElement>(el, '#claim-2 button.brand').disabled).to.equal(false);
    expect($(el, '[part="reason"]')).to.equal(null);
  });

  it('explains why a channel manager may only look, and why a claim with nothing approved waits', async () => {
    const el = await fixture<BecFinanceQueue>(
      html`<bec-finance-queue
        .user=${{ userId: 3, role: 'channel_manager' }}
        .claims=${[claim(2, { lines: accepted(makeLines(2)) }), claim(3, { status: 'authorized' })]}
      ></bec-finance-queue>`,
    );
    expect($(el, '#claim-2 [part="reason"]').textContent).to.equal('Your role may not authorize claims.');
    expect($(el, '#claim-3 [part="reason"]').textContent).to.equal('Your role may not pay claims.');
    const zero = await fixture<BecFinanceQueue>(
      html`<bec-finance-queue
        .user=${finance}
        .claims=${[claim(4, { approvedTotal: '0.0000', lines: accepted(makeLines(1)) })]}
      ></bec-finance-queue>`,
    );
    expect($(zero, '#claim-4 [part="reason"]').textContent).to.contain('Nothing is approved');
  });

  it('loads from the API (the server’s review figures decide, no line is read), authorizes, and shows the server refusal when it comes', async () => {
    let refuse = false;
    const submitted = claim(2, { lines: undefined, review: { linesToCheck: 0, adjustedByUserIds: [4] } });
    const stub = stubFetch({
      'GET /api/session': () => ({ body: { userId: 5, email: 'f2@x', name: 'F2', role: 'finance', distributorId: null } }),
      'GET /api/claims?status=submitted&pageSize=200&review=true': () => ({
        body: { items: [submitted], total: 1, page: 1, pageSize: 200 },
      }),
      'GET /api/claims?status=authorized&pageSize=200': () => ({ body: { items: [], total: 0, page: 1, pageSize: 200 } }),
      'GET /api/accounts?type=distributor': () => ({ body: { items: accounts } }),
      'POST /api/claims/2/authorize': () =>
        refuse
          ? problem(403, 'SELF_APPROVAL_FORBIDDEN', 'you adjusted a line of this claim: another person must authorize it')
          : { body: { ...submitted, status: 'authorized' } },
    });
    configureApi({ baseUrl: 'http://127.0.0.1:21', fetch: stub.fetch, token: 't' });
    const el = await fixture<BecFinanceQueue>(html`<bec-finance-queue api-base="http://127.0.0.1:21"></bec-finance-queue>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect($(el, '[data-section="authorize"] #claim-2 .open').textContent).to.equal('CL-2');
    expect($(el, '#claim-2').textContent).to.contain('Arrowhead Components');
    expect(stub.calls.some((c) => c.url.includes('/lines'))).to.equal(false);
    refuse = true;
    const failed = oneEvent(el, 'becerror');
    $<HTMLButtonElement>(el, '#claim-2 button.brand').click();
    expect((await failed).detail.code).to.equal('SELF_APPROVAL_FORBIDDEN');
    await el.updateComplete;
    expect($(el, '#claim-2 [role="alert"]').textContent).to.contain('another person must authorize it');
    refuse = false;
    const acted = oneEvent(el, 'becclaimaction');
    $<HTMLButtonElement>(el, '#claim-2 button.brand').click();
    expect((await acted).detail).to.include({ claimId: 2, action: 'authorize' });
  });

  it('says how many claims it shows of how many, and loads the next page of each list on Load more', async () => {
    const page = (items: Claim[], total: number, nextCursor: string | null) => ({
      body: { items, total, page: 1, pageSize: 200, nextCursor },
    });
    const stub = stubFetch({
      'GET /api/session': () => ({ body: { userId: 5, email: 'f2@x', name: 'F2', role: 'finance', distributorId: null } }),
      'GET /api/claims?status=submitted&pageSize=200&cursor=s2&review=true': () => ({
        body: {
          items: [claim(12, { lines: undefined, review: { linesToCheck: 3, adjustedByUserIds: [] } })],
          page: 1,
          pageSize: 200,
          nextCursor: null,
        },
      }),
      'GET /api/claims?status=submitted&pageSize=200&review=true': () =>
        page([claim(11, { lines: undefined, review: { linesToCheck: 0, adjustedByUserIds: [] } })], 2, 's2'),
      'GET /api/claims?status=authorized&pageSize=200': () => page([claim(21, { status: 'authorized' })], 1, null),
      'GET /api/accounts?type=distributor': () => ({ body: { items: accounts } }),
      'POST /api/claims/11/authorize': () => ({ body: { ...claim(11), status: 'authorized' } }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:23', fetch: stub.fetch, token: 't' });
    const el = await fixture<BecFinanceQueue>(html`<bec-finance-queue api-base="http://127.0.0.1:23"></bec-finance-queue>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect($(el, '[part="more"]').textContent).to.contain('Showing 1 of 2 submitted and 1 of 1 authorized claims.');
    expect($(el, '#claim-12')).to.equal(null);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="load-more"]').click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    // the next page's claim, in the section its review figures put it in (lines to check: to review)
    expect($(el, '[data-section="review"] #claim-12')).to.not.equal(null);
    expect($(el, '#claim-12').textContent).to.contain('3 lines to check');
    expect($(el, '[data-section="authorize"] #claim-11')).to.not.equal(null);
    expect($(el, '[part="more"]').textContent).to.contain('Showing 2 of 2 submitted and 1 of 1 authorized claims.');
    expect($(el, '[part="load-more"]')).to.equal(null);
    expect(stub.calls.filter((c) => c.url.includes('status=authorized')).length).to.equal(1);
    // Authorizing moves the claim and the counts, and keeps the page Load more read.
    const acted = oneEvent(el, 'becclaimaction');
    $<HTMLButtonElement>(el, '#claim-11 button.brand').click();
    await acted;
    await el.updateComplete;
    expect($(el, '[data-section="pay"] #claim-11')).to.not.equal(null);
    expect($(el, '[data-section="review"] #claim-12')).to.not.equal(null);
    expect($(el, '[part="more"]').textContent).to.contain('Showing 1 of 1 submitted and 2 of 2 authorized claims.');
    expect(stub.calls.filter((c) => c.method === 'GET' && c.url.includes('/api/claims?')).length).to.equal(3);
  });

  it('shows a failed load as an error with Retry, not as an empty queue', async () => {
    const stub = stubFetch({
      'GET /api/session': () => ({ body: { userId: 5, email: 'f2@x', name: 'F2', role: 'finance', distributorId: null } }),
      'GET /api/claims*': () => problem(503, 'UNAVAILABLE', 'the database is not answering'),
      'GET /api/accounts?type=distributor': () => ({ body: { items: accounts } }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:22', fetch: stub.fetch, token: 't' });
    const el = await fixture<BecFinanceQueue>(html`<bec-finance-queue api-base="http://127.0.0.1:22"></bec-finance-queue>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect($(el, '[part="error"]').textContent).to.contain('the database is not answering');
    expect($(el, '[part="error"] [part="retry"]')).to.not.equal(null);
    expect($(el, '[part="empty"]')).to.equal(null);
    expect($(el, '[part="section"]')).to.equal(null);
  });

  describe('after Authorize or Pay, when the claim moves', () => {
    /** Three claims to authorize (one of them with lines to check fixed by an adjustment) and one to pay, served by a stub API. */
    async function queue(port: number) {
      const toAuthorize = (id: number) =>
        claim(id, { lines: undefined, review: { linesToCheck: 0, adjustedByUserIds: [] }, approvedTotal: '900.0000' });
      const claims = [toAuthorize(1), toAuthorize(2), toAuthorize(3), claim(9, { status: 'authorized', lines: undefined })];
      const stub = stubFetch({
        'GET /api/session': () => ({ body: { userId: 5, email: 'f2@x', name: 'F2', role: 'finance', distributorId: null } }),
        'GET /api/claims?status=submitted&pageSize=200&review=true': () => ({
          body: { items: claims.slice(0, 3), total: 3, page: 1, pageSize: 200 },
        }),
        'GET /api/claims?status=authorized&pageSize=200': () => ({ body: { items: claims.slice(3), total: 1, page: 1, pageSize: 200 } }),
        'GET /api/accounts?type=distributor': () => ({ body: { items: accounts } }),
        // The server answers an action with the claim alone: no review figures.
        'POST /api/claims/{id}/authorize': (_b, url) => {
          const id = Number(url.pathname.split('/')[3]);
          return { body: { ...claims.find((c) => c.id === id)!, status: 'authorized', review: undefined } };
        },
        'POST /api/claims/{id}/pay': (_b, url) => {
          const id = Number(url.pathname.split('/')[3]);
          return { body: { ...claims.find((c) => c.id === id)!, status: 'paid', review: undefined } };
        },
      });
      configureApi({ baseUrl: `http://127.0.0.1:${port}`, fetch: stub.fetch, token: 't' });
      const el = await fixture<BecFinanceQueue>(html`<bec-finance-queue api-base=${`http://127.0.0.1:${port}`}></bec-finance-queue>`);
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      return el;
    }
    const focused = (el: BecFinanceQueue) => el.shadowRoot!.activeElement;

    it('keeps focus in the queue: on the next claim’s Authorize, and says where the claim went', async () => {
      const el = await queue(23);
      const button = $<HTMLButtonElement>(el, '#claim-2 button[data-action="authorize"]');
      button.focus();
      const acted = oneEvent(el, 'becclaimaction');
      button.click();
      await acted;
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      expect($(el, '[data-section="pay"] #claim-2')).to.not.equal(null);
      expect(focused(el)).to.equal($(el, '#claim-3 button[data-action="authorize"]'));
      expect(document.activeElement).to.equal(el);
      expect($(el, '[role="status"]').textContent).to.equal('CL-2 authorized for payment: it is now in To pay');

      // The last claim of the part: focus goes to the one before it.
      focused(el)!.dispatchEvent(new MouseEvent('click'));
      await new Promise((r) => setTimeout(r, 30));
      await el.updateComplete;
      expect(focused(el)).to.equal($(el, '#claim-1 button[data-action="authorize"]'));
    });

    it('after Pay, focus goes to the next claim to pay, or to the part’s heading when none is left', async () => {
      const el = await queue(24);
      $<HTMLButtonElement>(el, '#claim-1 button[data-action="authorize"]').click();
      await new Promise((r) => setTimeout(r, 30));
      await el.updateComplete;
      // To pay: CL-9, then CL-1 (in the order of the claims).
      $<HTMLButtonElement>(el, '#claim-9 button[data-action="pay"]').focus();
      $<HTMLButtonElement>(el, '#claim-9 button[data-action="pay"]').click();
      await new Promise((r) => setTimeout(r, 30));
      await el.updateComplete;
      expect($(el, '#claim-9')).to.equal(null);
      expect(focused(el)).to.equal($(el, '#claim-1 button[data-action="pay"]'));
      expect($(el, '[role="status"]').textContent).to.equal('CL-9 paid');
      (focused(el) as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 30));
      await el.updateComplete;
      expect(focused(el)).to.equal($(el, '#h-pay'));
      await expect(el).to.be.accessible();
    });

    it('shows no lines to check on a claim to pay', async () => {
      const el = await fixture<BecFinanceQueue>(
        html`<bec-finance-queue
          .user=${finance}
          .claims=${[claim(3, { status: 'authorized', review: { linesToCheck: 4, adjustedByUserIds: [] }, lines: undefined })]}
        ></bec-finance-queue>`,
      );
      expect($(el, '[data-section="pay"] #claim-3')).to.not.equal(null);
      expect($(el, '#claim-3').textContent).to.not.contain('to check');
    });

    it('after authorize, the claim moved to To pay no longer reads "4 lines to check"', async () => {
      const submitted = claim(2, { lines: undefined, review: { linesToCheck: 4, adjustedByUserIds: [] } });
      const stub = stubFetch({
        'GET /api/session': () => ({ body: { userId: 5, email: 'f2@x', name: 'F2', role: 'finance', distributorId: null } }),
        'GET /api/claims?status=submitted&pageSize=200&review=true': () => ({
          body: { items: [submitted], total: 1, page: 1, pageSize: 200 },
        }),
        'GET /api/claims?status=authorized&pageSize=200': () => ({ body: { items: [], total: 0, page: 1, pageSize: 200 } }),
        'GET /api/accounts?type=distributor': () => ({ body: { items: accounts } }),
        'POST /api/claims/2/authorize': () => ({ body: { ...submitted, status: 'authorized', review: undefined } }),
      });
      configureApi({ baseUrl: 'http://127.0.0.1:25', fetch: stub.fetch, token: 't' });
      const el = await fixture<BecFinanceQueue>(html`<bec-finance-queue api-base="http://127.0.0.1:25"></bec-finance-queue>`);
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect($(el, '[data-section="review"] #claim-2').textContent).to.contain('4 lines to check');
      const acted = oneEvent(el, 'becclaimaction');
      $<HTMLButtonElement>(el, '#claim-2 button[data-action="authorize"]').click();
      await acted;
      await el.updateComplete;
      expect($(el, '[data-section="pay"] #claim-2')).to.not.equal(null);
      expect($(el, '#claim-2').textContent).to.not.contain('to check');
      // Nothing else in the queue: focus goes to the moved claim, in To pay.
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#claim-2 button.open'));
    });
  });
});
