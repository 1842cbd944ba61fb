import { expect, fixture, html } from '@open-wc/testing';
import type { SpecialPriceRequest } from '../shared/api.js';
import { configureApi } from '../shared/api.js';
import { makeRequest, problem, queueLookups, stubFetch } from '../shared/test-data.js';
import './approval-queue.js';
import type { BecApprovalQueue } from './approval-queue.js';

const { products, accounts } = queueLookups;
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];

/** A request routed by "big or deep": level 2 of 2, awaiting the director (and, escalated, the escalation role). */
const routed = (id: number, escalated = false): SpecialPriceRequest =>
  makeRequest(id, {
    routing: {
      ruleId: 1,
      ruleName: 'big or deep',
      levels: [
        { approvers: [{ role: 'channel_manager' }], mode: 'any', timeLimitHours: null },
        { approvers: [{ userId: 1 }], mode: 'all', timeLimitHours: 24 },
      ],
      escalation: { role: 'vendor_admin' },
      currentLevel: 2,
      levelCount: 2,
      levelStartedAt: '2026-11-20T10:00:00.000Z',
      dueAt: '2026-11-21T10:00:00.000Z',
      escalated,
      waitingOn: [
        { userId: 1, role: null, name: 'Avery Admin' },
        ...(escalated ? [{ userId: null, role: 'vendor_admin', name: null }] : []),
      ],
      approvals: [{ level: 1, approverIndex: 0, userId: 5, onBehalfOfUserId: null }],
    },
  });

async function queueOf(items: SpecialPriceRequest[], locale = '') {
  const stub = stubFetch({
    'GET /api/session': () => ({ body: { userId: 5, email: 'cm@x', name: 'CM', role: 'channel_manager', distributorId: null } }),
    'GET /api/products': () => ({ body: { items: products } }),
    'GET /api/accounts': () => ({ body: { items: accounts } }),
    'GET /api/programs': () => ({ body: { items: [] } }),
    'GET /api/requests*': () => ({ body: { items, total: items.length, page: 1, pageSize: 200 } }),
    'GET /api/requests/{id}/context': () => problem(404, 'NOT_FOUND', 'no context'),
  });
  const baseUrl = 'http://127.0.0.1:9';
  configureApi({ baseUrl, fetch: stub.fetch, token: 't' });
  const el = await fixture<BecApprovalQueue>(html`<bec-approval-queue api-base=${baseUrl} locale=${locale}></bec-approval-queue>`);
  await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
  return el;
}

describe('bec-approval-queue: approval routing', () => {
  it("shows each routed request's level and who is next, in the list and the detail", async () => {
    const el = await queueOf([routed(1), makeRequest(2)]);
    const items = $$(el, '[role="option"]');
    const text = (e: Element) => e.textContent!.replace(/\s+/g, ' ');
    expect(items.length).to.equal(2);
    expect(text(items[0]!)).to.contain('Level 2 of 2 · Next: Avery Admin');
    // A request no rule routes shows no level.
    expect(items[1]!.querySelector('[part="routing"]')).to.equal(null);
    expect(text($(el, '[part="detail"]'))).to.contain('Level 2 of 2 · Next: Avery Admin');
    await expect(el).to.be.accessible();
  });

  it('marks an escalated level and names a role approver, in French too', async () => {
    const el = await queueOf([routed(1, true)], 'fr');
    const text = $(el, '[part="detail"] [part="routing"]').textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Niveau 2 sur 2').and.to.contain('Suivant : Avery Admin, tout administrateur fournisseur');
    expect(text).to.contain('Escaladé');
    const en = await queueOf([routed(1, true)]);
    expect($(en, '[part="detail"] [part="routing"]').textContent!.replace(/\s+/g, ' '))
      .to.contain('Avery Admin, any vendor admin')
      .and.to.contain('Escalated');
  });
});
