import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configureApi, type Accruals } from '../shared/api.js';
import { stubFetch } from '../shared/test-data.js';
import './accrual-dashboard.js';
import type { BecAccrualDashboard } from './accrual-dashboard.js';

const accruals: Accruals = {
  asOf: '2026-11-23',
  openLiability: '1184.6700',
  inReview: '5931.2500',
  paid: '1891.9600',
  exposure: '20500.5000',
  byDistributor: [
    { distributorId: 2, distributorName: 'Arrowhead Components', openQuantity: 4200, exposure: '12000.0000' },
    { distributorId: 3, distributorName: 'Northbridge', openQuantity: 900, exposure: '8500.5000' },
  ],
};
const week = [
  { key: '2026-10-05', claims: 1, claimed: '1891.9600', approved: '1891.9600', paid: '1891.9600' },
  { key: '2026-10-12', claims: 1, claimed: '1468.9000', approved: '1184.6700', paid: '0.0000' },
  { key: '2026-11-02', claims: 2, claimed: '6100.0000', approved: '5931.2500', paid: '0.0000' },
];
const byDistributor = [{ key: 'Arrowhead Components', claims: 2, claimed: '7000.0000', approved: '6900.0000', paid: '1891.9600' }];
const byProgramType = [{ key: 'ship_and_debit', claims: 3, claimed: '9000.0000', approved: '8000.0000', paid: '1891.9600' }];
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;

describe('bec-accrual-dashboard', () => {
  it('shows the figures as tiles and charts, accessibly', async () => {
    const el = await fixture<BecAccrualDashboard>(
      html`<bec-accrual-dashboard
        .accruals=${accruals}
        .byWeek=${week}
        .byDistributor=${byDistributor}
        .byProgramType=${byProgramType}
      ></bec-accrual-dashboard>`,
    );
    expect($(el, '[part="kpis"]').textContent).to.contain('$1,184.67');
    expect($(el, '[part="kpis"]').textContent).to.contain('$20,500.50');
    expect(el.shadowRoot!.querySelectorAll('svg[role="img"]').length).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('formats with the locale and currency', async () => {
    const el = await fixture<BecAccrualDashboard>(
      html`<bec-accrual-dashboard locale="de-DE" currency="EUR" .accruals=${accruals}></bec-accrual-dashboard>`,
    );
    expect($(el, '[part="kpis"]').textContent).to.contain('1.184,67');
    expect($(el, '[part="kpis"]').textContent).to.contain('€');
  });

  it('puts the exact numbers one click (or key) away', async () => {
    const el = await fixture<BecAccrualDashboard>(
      html`<bec-accrual-dashboard
        .accruals=${accruals}
        .byWeek=${week}
        .byDistributor=${byDistributor}
        .byProgramType=${byProgramType}
      ></bec-accrual-dashboard>`,
    );
    const toggle = $<HTMLButtonElement>(el, '#h-trend ~ button');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '[part="table"]').textContent).to.contain('$5,931.25');
    await expect(el).to.be.accessible();
  });

  it('fires becdrilldown from a tile and a bar', async () => {
    const el = await fixture<BecAccrualDashboard>(
      html`<bec-accrual-dashboard .accruals=${accruals} .byDistributor=${byDistributor}></bec-accrual-dashboard>`,
    );
    let ev = oneEvent(el, 'becdrilldown');
    $<HTMLButtonElement>(el, '[part="kpi"]').click();
    expect((await ev).detail).to.include({ series: 'Open liability', amount: '1184.6700' });
    ev = oneEvent(el, 'becdrilldown');
    $<SVGRectElement>(el, 'rect.bar').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect((await ev).detail).to.include({ series: 'Claimed', key: 'Arrowhead Components', amount: '7000.0000' });
  });

  it('loads the report endpoints and shows a failure', async () => {
    const ok = stubFetch({
      'GET /api/reports/accruals': () => ({ body: accruals }),
      'GET /api/reports/claims?groupBy=week': () => ({ body: { groupBy: 'week', items: week } }),
      'GET /api/reports/claims?groupBy=distributor': () => ({ body: { groupBy: 'distributor', items: byDistributor } }),
      'GET /api/reports/claims?groupBy=programType': () => ({ body: { groupBy: 'programType', items: byProgramType } }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:2', fetch: ok.fetch });
    const el = await fixture<BecAccrualDashboard>(html`<bec-accrual-dashboard api-base="http://127.0.0.1:2"></bec-accrual-dashboard>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.byWeek.length).to.equal(3);
    const bad = stubFetch({
      'GET /api/reports/accruals': () => ({ status: 403, body: { code: 'FORBIDDEN', detail: 'reports are for vendor roles' } }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:1', fetch: bad.fetch });
    const el2 = await fixture<BecAccrualDashboard>(html`<bec-accrual-dashboard api-base="http://127.0.0.1:1"></bec-accrual-dashboard>`);
    await new Promise((r) => setTimeout(r, 50));
    await el2.updateComplete;
    expect($(el2, '[role="alert"]').textContent).to.match(/vendor roles|no stub/);
  });
});
