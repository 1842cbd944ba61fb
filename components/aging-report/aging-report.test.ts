import { expect, fixture, html } from '@open-wc/testing';
import { configureApi } from '../shared/api.js';
import { problem, stubFetch, type StubRoutes } from '../shared/test-data.js';
import './aging-report.js';
import type { Aging, BecAgingReport } from './aging-report.js';

const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const settle = async (el: BecAgingReport) => {
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};

const BUCKETS: Aging['buckets'] = [
  { key: '0-7', fromDays: 0, toDays: 7 },
  { key: '8-30', fromDays: 8, toDays: 30 },
  { key: '31-60', fromDays: 31, toDays: 60 },
  { key: 'over-60', fromDays: 61, toDays: null },
];
const cells = (counts: number[], amounts: string[]) => BUCKETS.map((b, i) => ({ bucket: b.key, count: counts[i]!, amount: amounts[i]! }));
const report = (asOf: string): Aging => ({
  asOf,
  buckets: BUCKETS,
  claims: {
    byDistributor: [
      {
        distributorId: 2,
        distributorName: 'Arrowhead Components',
        currency: 'USD',
        buckets: cells([1, 2, 0, 0], ['10.0000', '4523.0900', '0.0000', '0.0000']),
      },
      {
        distributorId: 3,
        distributorName: 'Northbridge Electronics',
        currency: 'EUR',
        buckets: cells([0, 0, 0, 1], ['0.0000', '0.0000', '0.0000', '1415.0000']),
      },
    ],
    totals: [
      { currency: 'EUR', buckets: cells([0, 0, 0, 1], ['0.0000', '0.0000', '0.0000', '1415.0000']) },
      { currency: 'USD', buckets: cells([1, 2, 0, 0], ['10.0000', '4523.0900', '0.0000', '0.0000']) },
    ],
  },
  requests: { byDistributor: [], totals: [] },
});

let base = 0;
function api<K extends string>(routes: StubRoutes<K>) {
  const stub = stubFetch(routes);
  const baseUrl = `http://127.0.0.1:${9400 + base++}`;
  configureApi({ baseUrl, fetch: stub.fetch, token: 't' });
  return { ...stub, baseUrl };
}

describe('bec-aging-report', () => {
  it('shows each distributor and currency by bucket with totals per currency, accessibly', async () => {
    const { baseUrl, calls } = api({ 'GET /api/reports/aging': () => ({ body: report('2026-12-10') }) });
    const el = await fixture<BecAgingReport>(html`<bec-aging-report api-base=${baseUrl}></bec-aging-report>`);
    await settle(el);
    expect(calls[0]!.url).to.match(/\/api\/reports\/aging$/);
    const heads = [...el.shadowRoot!.querySelectorAll('[part="claims"] thead th')].map((th) => th.textContent!.trim());
    expect(heads).to.deep.equal(['Distributor', '0–7 days', '8–30 days', '31–60 days', 'Over 60 days']);
    const first = el.shadowRoot!.querySelectorAll('[part="claims"] tbody tr')[0]!.querySelectorAll('td')[1]!;
    expect(first.textContent!.trim().startsWith('$4,523.09')).to.equal(true);
    expect(first.querySelector('.count')!.textContent).to.equal('2 open');
    const totals = [...el.shadowRoot!.querySelectorAll('[part="claims"] tfoot tr')].map((tr) => tr.querySelector('td')!.textContent);
    expect(totals).to.deep.equal(['Total EUR', 'Total USD']);
    // no pending request: no requests table
    expect(el.shadowRoot!.querySelector('[part="requests"]')).to.equal(null);
    expect($<HTMLInputElement>(el, '#as-of').value).to.equal('2026-12-10');
    await expect(el).to.be.accessible();
  });

  it('loads again for the day chosen, and says in French when nothing waits', async () => {
    const empty: Aging = { ...report('2026-01-01'), claims: { byDistributor: [], totals: [] } };
    const { baseUrl, calls } = api({
      'GET /api/reports/aging?asOf=2026-01-01': () => ({ body: empty }),
      'GET /api/reports/aging': () => ({ body: report('2026-12-10') }),
    });
    const el = await fixture<BecAgingReport>(html`<bec-aging-report locale="fr" api-base=${baseUrl}></bec-aging-report>`);
    await settle(el);
    const input = $<HTMLInputElement>(el, '#as-of');
    input.value = '2026-01-01';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    expect(calls.map((c) => c.url.replace(/^https?:\/\/[^/]+/, ''))).to.deep.equal([
      '/api/reports/aging',
      '/api/reports/aging?asOf=2026-01-01',
    ]);
    expect($(el, '[part="empty"]').textContent).to.equal('Rien n’est en attente.');
    expect(el.shadowRoot!.querySelector('[part="claims"]')).to.equal(null);
  });

  it('shows a failure with its detail and a Retry', async () => {
    const { baseUrl } = api({
      'GET /api/reports/aging*': () => problem(400, 'VALIDATION_FAILED', 'invalid query: asOf: not a date'),
    });
    const el = await fixture<BecAgingReport>(html`<bec-aging-report as-of="2026-13-01" api-base=${baseUrl}></bec-aging-report>`);
    await settle(el);
    expect($(el, '[part="error"]').textContent).to.contain('invalid query: asOf: not a date');
    expect($(el, '[part="retry"]')).to.not.equal(null);
  });
});
