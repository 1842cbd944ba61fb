import { expect, fixture, html } from '@open-wc/testing';
import { ANALYTICS_REPORTS, buildReport, REPORTS, reportCsv } from '../../core/analytics/reports.js';
import { configureApi } from '../shared/api.js';
import { stubFetch, type StubRoutes } from '../shared/test-data.js';
import './channel-analytics.js';
import type { AnalyticsReport, BecChannelAnalytics } from './channel-analytics.js';

const settle = async (el: BecChannelAnalytics) => {
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};

const period = { from: '2026-01-01', to: '2026-06-30' };
const byMonth: AnalyticsReport = buildReport(
  'by-month',
  [
    {
      keys: { month: '2026-02' },
      currency: 'EUR',
      values: { claimed: '10.0000', approved: '5.0000', paid: '0.0000', posRevenue: '100.0000' },
    },
    {
      keys: { month: '2026-02' },
      currency: 'GBP',
      values: { claimed: '1.0000', approved: '1.0000', paid: '1.0000', posRevenue: '2.0000' },
    },
    {
      keys: { month: '2026-02' },
      currency: 'USD',
      values: { claimed: '3.0000', approved: '3.0000', paid: '3.0000', posRevenue: '4.0000' },
    },
  ],
  [{ from: 'EUR', to: 'USD', effectiveDate: '2026-01-31', rate: '1.04' }],
  period,
  'USD',
);
const utilization: AnalyticsReport = buildReport(
  'utilization',
  [
    {
      keys: { program: 'SD-2026' },
      currency: 'USD',
      values: {
        approvedQuantity: 20,
        claimedQuantity: 15,
        acceptedQuantity: 14,
        paidQuantity: 10,
        claimed: '30.0000',
        approved: '28.0000',
        paid: '20.0000',
      },
    },
  ],
  [],
  period,
  'USD',
);

let port = 0;
function api<K extends string>(routes: StubRoutes<K>) {
  const stub = stubFetch(routes);
  const baseUrl = `http://127.0.0.1:${9700 + port++}`;
  configureApi({ baseUrl, fetch: stub.fetch, token: 't' });
  return { ...stub, baseUrl };
}
const texts = (el: Element, sel: string) =>
  [...el.shadowRoot!.querySelectorAll(sel)].map((x) => x.textContent!.replace(/\s+/g, ' ').trim());

describe('bec-channel-analytics', () => {
  it('shows each row in its currency, then the rate with its day and the base-currency figures, accessibly', async () => {
    const { baseUrl, calls } = api({ 'GET /api/analytics/by-month?from=2026-01-01&to=2026-06-30': () => ({ body: byMonth }) });
    const el = await fixture<BecChannelAnalytics>(
      html`<bec-channel-analytics report="by-month" from="2026-01-01" to="2026-06-30" api-base=${baseUrl}></bec-channel-analytics>`,
    );
    await settle(el);
    expect(calls[0]!.url).to.match(/\/api\/analytics\/by-month\?from=2026-01-01&to=2026-06-30$/);
    expect(texts(el, 'thead th')).to.deep.equal([
      'Month',
      'Currency',
      'Claimed',
      'Approved',
      'Paid',
      'POS revenue',
      'Rate to USD',
      'Claimed (USD)',
      'Approved (USD)',
      'Paid (USD)',
      'POS revenue (USD)',
    ]);
    const rows = el.shadowRoot!.querySelectorAll('tbody tr');
    const eur = [...rows[0]!.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(eur[1]).to.equal('EUR');
    expect(eur[2]).to.equal('€10.00');
    expect(eur[6]!.startsWith('1.04')).to.equal(true);
    expect(rows[0]!.querySelector('.rate-date')!.textContent).to.equal('as of Jan 31, 2026');
    expect(eur[7]).to.equal('$10.40');
    expect(eur[10]).to.equal('$104.00');
    // GBP has no rate: said in place of the figures, never a guessed one.
    const gbp = rows[1]!.querySelector('[part="missing-rate"]')!;
    expect(gbp.getAttribute('colspan')).to.equal('5');
    expect(gbp.textContent).to.contain('No rate: not converted');
    expect(gbp.textContent).to.contain('no GBP→USD rate on or before Feb 28, 2026');
    expect(rows[2]!.textContent).to.contain('base currency');
    await expect(el).to.be.accessible();
  });

  it('downloads the columns shown as CSV, the same bytes as the server answers', async () => {
    const el = await fixture<BecChannelAnalytics>(html`<bec-channel-analytics .data=${byMonth}></bec-channel-analytics>`);
    await el.updateComplete;
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="download"]')!;
    expect(link.getAttribute('download')).to.equal('by-month_2026-01-01_2026-06-30.csv');
    const text = await (await fetch(link.href)).text();
    expect(text).to.equal(reportCsv(byMonth).replace(/^\uFEFF/, ''));
  });

  it('loads the report chosen, showing quantities and shares', async () => {
    const { baseUrl, calls } = api({
      'GET /api/analytics/by-month': () => ({ body: byMonth }),
      'GET /api/analytics/utilization': () => ({ body: utilization }),
    });
    const el = await fixture<BecChannelAnalytics>(
      html`<bec-channel-analytics report="by-month" api-base=${baseUrl}></bec-channel-analytics>`,
    );
    await settle(el);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#report')!;
    select.value = 'utilization';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(calls.map((c) => new URL(c.url).pathname)).to.deep.equal(['/api/analytics/by-month', '/api/analytics/utilization']);
    expect(el.getAttribute('report')).to.equal('utilization');
    const cells = texts(el, 'tbody tr td');
    expect(cells.slice(1, 8)).to.deep.equal(['20', '15', '14', '10', '75%', '70%', '50%']);
  });

  it("names the program types of the by-program-type report in the locale's words, not their codes", async () => {
    const values = { claimed: '1.0000', approved: '1.0000', paid: '0.0000', posRevenue: '2.0000' };
    const byType = buildReport(
      'by-program-type',
      [
        { keys: { programType: 'ship_and_debit' }, currency: 'USD', values },
        { keys: { programType: 'rebate' }, currency: 'USD', values },
      ],
      [],
      period,
      'USD',
    );
    const fr = await fixture<BecChannelAnalytics>(html`<bec-channel-analytics locale="fr" .data=${byType}></bec-channel-analytics>`);
    expect(texts(fr, 'tbody th[scope="row"]')).to.deep.equal(['Débit à l’expédition', 'Remise']);
    const en = await fixture<BecChannelAnalytics>(html`<bec-channel-analytics locale="en" .data=${byType}></bec-channel-analytics>`);
    expect(texts(en, 'tbody th[scope="row"]')).to.deep.equal(['Ship & debit', 'Rebate']);
  });

  it("titles the reports in the locale's words: the choice of report and the table's caption, in French and English", async () => {
    const fr = await fixture<BecChannelAnalytics>(html`<bec-channel-analytics locale="fr" .data=${byMonth}></bec-channel-analytics>`);
    expect(texts(fr, '#report option')).to.deep.equal([
      'Par distributeur',
      'Par programme',
      'Par type de programme',
      'Par produit',
      'Par mois',
      'Tendance de la marge et de la remise par produit',
      'Retour sur investissement par programme',
      'Utilisation',
    ]);
    expect(texts(fr, 'caption')).to.deep.equal(['Par mois']);
    await expect(fr).to.be.accessible();
    // English is core's titles, the ones the server's reports carry.
    const en = await fixture<BecChannelAnalytics>(html`<bec-channel-analytics locale="en" .data=${byMonth}></bec-channel-analytics>`);
    expect(texts(en, '#report option')).to.deep.equal(ANALYTICS_REPORTS.map((name) => REPORTS[name].title));
    expect(texts(en, 'caption')).to.deep.equal([byMonth.title]);
  });

  it('says in French when the period has no figures', async () => {
    const { baseUrl } = api({ 'GET /api/analytics/by-distributor': () => ({ body: { ...byMonth, report: 'by-distributor', rows: [] } }) });
    const el = await fixture<BecChannelAnalytics>(html`<bec-channel-analytics locale="fr" api-base=${baseUrl}></bec-channel-analytics>`);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('Aucun chiffre sur cette période.');
  });

  it('heads the columns in French: every report, the base-currency columns and the missing-rate note', async () => {
    const fr = await fixture<BecChannelAnalytics>(html`<bec-channel-analytics locale="fr" .data=${byMonth}></bec-channel-analytics>`);
    expect(texts(fr, 'thead th')).to.deep.equal([
      'Mois',
      'Devise',
      'Réclamé',
      'Approuvé',
      'Payé',
      'Chiffre d’affaires des ventes (POS)',
      'Taux en USD',
      'Réclamé en USD',
      'Approuvé en USD',
      'Payé en USD',
      'Chiffre d’affaires des ventes (POS) en USD',
    ]);
    expect(texts(fr, '[part="missing-rate"]')[0]).to.match(/^Aucun taux : non converti/);
    expect(texts(fr, '[part="missing-rate"] .missing')).to.deep.equal([
      'aucun taux GBP→USD au 28 févr. 2026 ni avant : chargez-en un (PUT /api/fx-rates ou un CSV)',
    ]);
    expect(texts(fr, '.rate-date')).to.deep.equal(['au 31 janv. 2026', 'devise de base']);
    await expect(fr).to.be.accessible();

    const ut = await fixture<BecChannelAnalytics>(html`<bec-channel-analytics locale="fr" .data=${utilization}></bec-channel-analytics>`);
    expect(texts(ut, 'thead th').slice(0, 12)).to.deep.equal([
      'Programme',
      'Devise',
      'Quantité approuvée',
      'Quantité réclamée',
      'Quantité acceptée',
      'Quantité payée',
      'Réclamée / approuvée',
      'Acceptée / approuvée',
      'Payée / approuvée',
      'Réclamé',
      'Approuvé',
      'Payé',
    ]);
  });

  it('has a French title, not the English one, for every column of every report', async () => {
    for (const name of ANALYTICS_REPORTS) {
      const report = buildReport(name, [], [], period, 'USD');
      const fr = await fixture<BecChannelAnalytics>(
        html`<bec-channel-analytics locale="fr" .data=${{ ...report, rows: byMonth.rows.slice(0, 1) }}></bec-channel-analytics>`,
      );
      const heads = texts(fr, 'thead th');
      const english = [...report.dimensions, ...report.measures].map((c) => c.label);
      expect(heads.length, name).to.equal(
        report.dimensions.length +
          report.measures.length +
          2 +
          report.measures.filter((m) => m.kind === 'money' || m.kind === 'price').length,
      );
      expect(
        heads.filter((h) => english.includes(h)),
        name,
      ).to.deep.equal([]);
      // English is core's labels, the server's JSON and CSV columns.
      const en = await fixture<BecChannelAnalytics>(
        html`<bec-channel-analytics locale="en" .data=${{ ...report, rows: byMonth.rows.slice(0, 1) }}></bec-channel-analytics>`,
      );
      expect(texts(en, 'thead th').slice(0, report.dimensions.length), name).to.deep.equal(report.dimensions.map((d) => d.label));
      expect(
        texts(en, 'thead th').slice(report.dimensions.length + 1, report.dimensions.length + 1 + report.measures.length),
        name,
      ).to.deep.equal(report.measures.map((m) => m.label));
    }
  });

  it("keeps the report's own label for a column the catalog does not know (a newer server)", async () => {
    const report = {
      ...byMonth,
      measures: [...byMonth.measures, { key: 'rebatesAccrued', label: 'Rebates accrued', kind: 'money' as const }],
    };
    const fr = await fixture<BecChannelAnalytics>(html`<bec-channel-analytics locale="fr" .data=${report}></bec-channel-analytics>`);
    expect(texts(fr, 'thead th')).to.include('Rebates accrued');
  });
});
