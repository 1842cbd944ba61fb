import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configureApi, type Accruals, type ClaimFigures } from '../shared/api.js';
import { makeAccruals, makeForecast, stubFetch, problem } from '../shared/test-data.js';
import './accrual-dashboard.js';
import type { BecAccrualDashboard, Figure, SingleCurrencyAccruals } from './accrual-dashboard.js';

const accruals: SingleCurrencyAccruals = {
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
/** `accruals` as the API answers it: the same USD figures in the per-currency shape. */
const usdAccruals: Accruals = {
  asOf: accruals.asOf,
  byCurrency: [{ currency: 'USD', openLiability: accruals.openLiability, inReview: accruals.inReview, paid: accruals.paid }],
  exposure: accruals.exposure,
  exposureCurrency: 'USD',
  exposureByCurrency: [{ currency: 'USD', exposure: accruals.exposure }],
  byDistributor: accruals.byDistributor.map((d) => ({ ...d, currency: 'USD' })),
  rebates: { items: [], byCurrency: [], unpaidPeriods: [], unpaidByCurrency: [] },
};
/** Claim figures as `GET /api/reports/claims` answers them; items without a currency are USD. */
const figures = (groupBy: string, items: Figure[]): ClaimFigures => {
  const rows = items.map((f) => ({ ...f, currency: f.currency ?? 'USD' }));
  return { groupBy, currencies: [...new Set(rows.map((f) => f.currency))].sort(), items: rows };
};

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
    expect(el.shadowRoot!.querySelectorAll('svg[part="chart"][role="group"]').length).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('speaks French with locale="fr": tiles, panel titles, toggles, legends and tables', async () => {
    const el = await fixture<BecAccrualDashboard>(
      html`<bec-accrual-dashboard
        locale="fr"
        currency="EUR"
        .accruals=${accruals}
        .byWeek=${week}
        .byDistributor=${byDistributor}
        .byProgramType=${byProgramType}
      ></bec-accrual-dashboard>`,
    );
    const kpis = $(el, '[part="kpis"]').textContent!;
    expect(kpis).to.contain('Engagement ouvert');
    expect(kpis).to.contain('approuvé, pas encore payé');
    expect(kpis).to.contain('Exposition');
    expect(kpis).not.to.contain('Open liability');
    const titles = [...el.shadowRoot!.querySelectorAll('[part="panel"] h3')].map((h) => h.textContent!.trim());
    expect(titles).to.deep.equal([
      'Réclamé, approuvé et payé par semaine, EUR',
      'Par distributeur, EUR',
      'Par type de programme, EUR',
      'Exposition par distributeur, EUR',
      'Réclamations à venir par semaine (EUR)',
      'Courbe de réclamation',
      'Remises provisionnées des périodes en cours',
    ]);
    const toggle = $<HTMLButtonElement>(el, '[part="panel"] .toggle');
    expect(toggle.textContent!.trim()).to.equal('Afficher les chiffres');
    toggle.click();
    await el.updateComplete;
    expect(toggle.textContent!.trim()).to.equal('Afficher le graphique');
    const heads = [...$(el, '[part="panel"] table').querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(heads).to.deep.equal(['Semaine', 'Réclamations', 'Réclamé', 'Approuvé', 'Payé']);
    await expect(el).to.be.accessible();
  });

  it('names program types in French with locale="fr": the chart\'s bars and axis, its table and the drill-down', async () => {
    const twoTypes = [
      { key: 'ship_and_debit', claims: 3, claimed: '9000.0000', approved: '8000.0000', paid: '1891.9600' },
      { key: 'rebate', claims: 1, claimed: '500.0000', approved: '500.0000', paid: '0.0000' },
    ];
    const el = await fixture<BecAccrualDashboard>(
      html`<bec-accrual-dashboard locale="fr" .accruals=${accruals} .byProgramType=${twoTypes}></bec-accrual-dashboard>`,
    );
    const panel = () => $(el, 'section[aria-labelledby="h-programType"]');
    const bars = [...panel().querySelectorAll('rect.bar')];
    expect(bars.map((b) => b.getAttribute('aria-label')!.split(':')[0])).to.deep.equal([
      'Réclamé, Débit à l’expédition',
      'Approuvé, Débit à l’expédition',
      'Payé, Débit à l’expédition',
      'Réclamé, Remise',
      'Approuvé, Remise',
      'Payé, Remise',
    ]);
    // the category axis (the amounts' axis is anchored at its end)
    const ticks = [...panel().querySelectorAll('text.tick[text-anchor="middle"]')].map((t) => t.textContent!.trim());
    expect(ticks).to.have.length(2);
    expect(ticks[0]).to.match(/^Débit/);
    expect(ticks[1]).to.equal('Remise');
    const ev = oneEvent(el, 'becdrilldown');
    bars[3]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect((await ev).detail).to.include({ series: 'Réclamé', key: 'Remise', amount: '500.0000' });
    const english = ['Ship & debit', 'Rebate', 'ship_and_debit', 'rebate'];
    for (const word of english) expect(panel().innerHTML).not.to.contain(word);
    panel().querySelector<HTMLButtonElement>('.toggle')!.click();
    await el.updateComplete;
    const rows = [...panel().querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent!.trim());
    expect(rows).to.deep.equal(['Débit à l’expédition', 'Remise']);
    for (const word of english) expect(panel().textContent).not.to.contain(word);
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
    $<HTMLButtonElement>(el, '[part="kpi-amount"]').click();
    expect((await ev).detail).to.include({ series: 'Open liability', amount: '1184.6700', currency: 'USD' });
    ev = oneEvent(el, 'becdrilldown');
    $<SVGRectElement>(el, 'rect.bar').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect((await ev).detail).to.include({ series: 'Claimed', key: 'Arrowhead Components', amount: '7000.0000' });
  });

  it('shows the forecast with its claim-through curve, the rebates accrued and the Analytics section', async () => {
    const el = await fixture<BecAccrualDashboard>(
      html`<bec-accrual-dashboard locale="en-US" .accruals=${makeAccruals()} .forecast=${makeForecast()}></bec-accrual-dashboard>`,
    );
    // The forecast: one bar per week in the distributor's currency, and the same as numbers.
    const bars = [...el.shadowRoot!.querySelectorAll('section[aria-labelledby="h-forecast"] [role="button"]')];
    expect(bars.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Arrowhead Components, Nov 30, 2026: $3,000.00',
      'Arrowhead Components, Dec 7, 2026: $2,000.00',
      'Arrowhead Components, Dec 14, 2026: $1,000.00',
    ]);
    // The curve: the cumulative share by week since approval, in percent.
    const points = [...el.shadowRoot!.querySelectorAll('section[aria-labelledby="h-curve"] [role="button"]')];
    expect(points.map((b) => b.getAttribute('aria-label'))).to.include('Arrowhead Components, 3: 80 %');
    $<HTMLButtonElement>(el, '#h-forecast ~ button').click();
    await el.updateComplete;
    expect($(el, 'section[aria-labelledby="h-forecast"] table').textContent!.replace(/\s+/g, ' ')).to.contain('$6,000.00');
    // The rebates accrued: a tile per currency and a row per program and distributor.
    const tile = [...el.shadowRoot!.querySelectorAll('[part="kpi"]')].find((k) => k.textContent!.includes('Rebates accrued'))!;
    expect(tile.textContent).to.contain('$316.68');
    // The rebates owed (periods closed, not yet paid): their own tile, never inside the running periods' figure.
    const owed = [...el.shadowRoot!.querySelectorAll('[part="kpi"]')].find((k) => k.textContent!.includes('Rebates owed'))!;
    expect(owed.textContent).to.contain('€239.56');
    expect(owed.textContent).to.contain('periods closed, not yet paid');
    expect(tile.textContent).not.to.contain('€239.56');
    expect($(el, 'section[aria-labelledby="h-rebates"] tbody').textContent!.replace(/\s+/g, ' ')).to.contain(
      'Microcontroller tiers Arrowhead Components 2,639 $316.68',
    );
    // The Analytics section holds <bec-channel-analytics> until a page slots its own.
    expect($(el, '[part="analytics"] h3').textContent).to.equal('Analytics');
    expect(el.shadowRoot!.querySelector('[part="analytics"] slot[name="analytics"] bec-channel-analytics')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('loads the report endpoints and shows a failure', async () => {
    const ok = stubFetch({
      'GET /api/reports/accruals': () => ({ body: usdAccruals }),
      'GET /api/reports/accruals/forecast': () => ({ body: makeForecast() }),
      'GET /api/reports/claims?groupBy=week': () => ({ body: figures('week', week) }),
      'GET /api/reports/claims?groupBy=distributor': () => ({ body: figures('distributor', byDistributor) }),
      'GET /api/reports/claims?groupBy=programType': () => ({ body: figures('programType', byProgramType) }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:2', fetch: ok.fetch });
    const el = await fixture<BecAccrualDashboard>(html`<bec-accrual-dashboard api-base="http://127.0.0.1:2"></bec-accrual-dashboard>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.byWeek.length).to.equal(3);
    // No periods to close answered (no stub here): no tile for them, and the rest of the dashboard stands.
    expect(el.toClose).to.equal(null);
    expect([...el.shadowRoot!.querySelectorAll('[part="kpi"]')].some((k) => k.textContent!.includes('periods to close'))).to.equal(false);
    const bad = stubFetch({
      'GET /api/reports/accruals': () => problem(403, 'FORBIDDEN', 'reports are for vendor roles'),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:1', fetch: bad.fetch });
    const el2 = await fixture<BecAccrualDashboard>(html`<bec-accrual-dashboard api-base="http://127.0.0.1:1"></bec-accrual-dashboard>`);
    await new Promise((r) => setTimeout(r, 50));
    await el2.updateComplete;
    expect($(el2, '[role="alert"]').textContent).to.match(/vendor roles|no stub/);
  });

  it('shows the rebate periods over and not closed as their own tile, in French too', async () => {
    const toClose = {
      asOf: '2026-12-06',
      items: [],
      byCurrency: [
        { currency: 'EUR', estimated: '482.1600' },
        { currency: 'USD', estimated: '1453.0300' },
      ],
    };
    const ok = stubFetch({
      'GET /api/reports/accruals': () => ({ body: usdAccruals }),
      'GET /api/reports/accruals/forecast': () => ({ body: makeForecast() }),
      'GET /api/reports/claims?groupBy=week': () => ({ body: figures('week', week) }),
      'GET /api/reports/claims?groupBy=distributor': () => ({ body: figures('distributor', byDistributor) }),
      'GET /api/reports/claims?groupBy=programType': () => ({ body: figures('programType', byProgramType) }),
      'GET /api/rebates/periods/to-close': () => ({ body: toClose }),
    });
    configureApi({ baseUrl: 'http://127.0.0.1:3', fetch: ok.fetch });
    const el = await fixture<BecAccrualDashboard>(html`<bec-accrual-dashboard api-base="http://127.0.0.1:3"></bec-accrual-dashboard>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const tile = [...el.shadowRoot!.querySelectorAll('[part="kpi"]')].find((k) => k.textContent!.includes('Rebate periods to close'))!;
    expect(tile.textContent).to.contain('€482.16');
    expect(tile.textContent).to.contain('$1,453.03');
    expect(tile.textContent).to.contain('over, not closed: estimated');
    const fr = await fixture<BecAccrualDashboard>(
      html`<bec-accrual-dashboard locale="fr" .accruals=${usdAccruals} .toClose=${toClose}></bec-accrual-dashboard>`,
    );
    const tuile = [...fr.shadowRoot!.querySelectorAll('[part="kpi"]')].find((k) =>
      k.textContent!.includes('Périodes de remise à clôturer'),
    )!;
    expect(tuile.textContent!.replace(/\s+/g, ' ')).to.contain('482,16');
    await expect(el).to.be.accessible();
  });

  it('operates each chart by keyboard: one tab stop, arrows move, Enter drills down as a click does', async () => {
    const el = await fixture<BecAccrualDashboard>(
      html`<bec-accrual-dashboard .accruals=${accruals} .byDistributor=${byDistributor} .byWeek=${week}></bec-accrual-dashboard>`,
    );
    const chart = $(el, 'section[aria-labelledby="h-trend"] svg[part="chart"]');
    const stops = chart.querySelectorAll('[tabindex="0"]');
    expect(stops.length).to.equal(1); // one tab stop per chart
    const toggle = $<HTMLButtonElement>(el, '#h-trend ~ button');
    toggle.focus();
    await sendKeys({ press: 'Tab' });
    const first = el.shadowRoot!.activeElement as SVGElement;
    expect(first.getAttribute('aria-label')).to.equal('Claimed, Oct 5, 2026: $1,891.96');
    expect(first.getAttribute('role')).to.equal('button');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    const moved = el.shadowRoot!.activeElement as SVGElement;
    expect(moved.getAttribute('aria-label')).to.equal('Approved, Oct 12, 2026: $1,184.67');
    expect(moved.getAttribute('tabindex')).to.equal('0');
    expect(first.getAttribute('tabindex')).to.equal('-1');
    const ev = oneEvent(el, 'becdrilldown');
    await sendKeys({ press: 'Enter' });
    expect((await ev).detail).to.deep.equal({ series: 'Approved', key: 'Oct 12, 2026', amount: '1184.6700', currency: 'USD' });
    await sendKeys({ press: 'End' });
    expect((el.shadowRoot!.activeElement as SVGElement).getAttribute('aria-label')).to.contain('Nov 2, 2026');
    await expect(el).to.be.accessible();
  });

  for (const width of [340, 1200]) {
    it(`draws chart labels at 11 px or more at ${width} px wide`, async () => {
      const el = await fixture<BecAccrualDashboard>(
        html`<bec-accrual-dashboard
          style="display:block;width:${width}px"
          .accruals=${accruals}
          .byWeek=${week}
          .byDistributor=${byDistributor}
          .byProgramType=${byProgramType}
        ></bec-accrual-dashboard>`,
      );
      await new Promise((r) => setTimeout(r, 100));
      await el.updateComplete;
      const ticks = [...el.shadowRoot!.querySelectorAll<SVGTextElement>('svg .tick')];
      expect(ticks.length).to.be.greaterThan(10);
      for (const t of ticks) {
        const svgEl = t.ownerSVGElement!;
        const scale = svgEl.getBoundingClientRect().width / svgEl.viewBox.baseVal.width;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        expect(px, t.textContent!).to.be.at.least(10.99);
      }
      expect(el.scrollWidth).to.be.at.most(width);
    });
  }

  it('shows a failed load as an error with its detail and Retry, offline as offline, never as "No figures yet"', async () => {
    let mode: 'down' | 'offline' | 'up' = 'down';
    const up = stubFetch({
      'GET /api/reports/accruals': () =>
        mode === 'down' ? problem(503, 'UNAVAILABLE', 'the reports database is being upgraded') : { body: usdAccruals },
      'GET /api/reports/accruals/forecast': () => ({ body: makeForecast() }),
      'GET /api/reports/claims?groupBy=week': () => ({ body: figures('week', week) }),
      'GET /api/reports/claims?groupBy=distributor': () => ({ body: figures('distributor', byDistributor) }),
      'GET /api/reports/claims?groupBy=programType': () => ({ body: figures('programType', []) }),
    });
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (mode === 'offline') throw new TypeError('Failed to fetch');
      return up.fetch(input, init);
    }) as typeof fetch;
    configureApi({ baseUrl: 'http://127.0.0.1:41', fetch: flaky });
    const el = await fixture<BecAccrualDashboard>(html`<bec-accrual-dashboard api-base="http://127.0.0.1:41"></bec-accrual-dashboard>`);
    const settle = async () => {
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
    };
    await settle();
    expect($(el, '[part="error"]').textContent).to.contain('the reports database is being upgraded');
    expect(el.shadowRoot!.textContent).not.to.contain('No figures yet');
    mode = 'offline';
    $<HTMLButtonElement>(el, '[part="error"] button').click();
    await settle();
    expect($(el, '[part="offline"]').textContent).to.contain('You are offline');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    mode = 'up';
    $<HTMLButtonElement>(el, '[part="offline"] button').click();
    await el.updateComplete;
    // every panel: the four claim panels, the forecast, its curve and the rebates accrued
    expect(el.shadowRoot!.querySelectorAll('[part="loading"]').length).to.equal(7);
    await settle();
    expect(el.shadowRoot!.querySelector('[part="offline"], [part="error"]')).to.equal(null);
    expect($(el, 'section[aria-labelledby="h-programType"] [part="empty"]').textContent).to.equal('No figures yet');
    await expect(el).to.be.accessible();
  });

  describe('with two currencies', () => {
    // The API's per-currency shape: USD and EUR side by side, never added.
    const fx: Accruals = makeAccruals();
    const fxWeek: Figure[] = [
      { key: '2026-10-05', currency: 'EUR', claims: 1, claimed: '500.0000', approved: '500.0000', paid: '250.5000' },
      { key: '2026-10-05', currency: 'USD', claims: 1, claimed: '1891.9600', approved: '1891.9600', paid: '1891.9600' },
      { key: '2026-10-12', currency: 'EUR', claims: 1, claimed: '3400.0000', approved: '3210.0000', paid: '0.0000' },
      { key: '2026-11-02', currency: 'USD', claims: 2, claimed: '6100.0000', approved: '5931.2500', paid: '0.0000' },
    ];
    const fxDistributor: Figure[] = [
      { key: 'Arrowhead Components', currency: 'EUR', claims: 1, claimed: '1000.0000', approved: '900.0000', paid: '0.0000' },
      { key: 'Arrowhead Components', currency: 'USD', claims: 2, claimed: '7000.0000', approved: '6900.0000', paid: '1891.9600' },
      { key: 'Northbridge Electronics', currency: 'EUR', claims: 1, claimed: '2900.0000', approved: '2810.0000', paid: '250.5000' },
    ];
    const fxProgramType: Figure[] = [
      { key: 'ship_and_debit', currency: 'EUR', claims: 2, claimed: '3900.0000', approved: '3710.0000', paid: '250.5000' },
      { key: 'ship_and_debit', currency: 'USD', claims: 3, claimed: '9000.0000', approved: '8100.0000', paid: '1891.9600' },
    ];
    /** Every amount that would only appear if two currencies were added together. */
    const sums = [
      '4,394.67', // open liability USD + EUR
      '2,142.46', // paid USD + EUR
      '2,391.96', // week of 5 Oct claimed
      '8,000.00', // Arrowhead claimed
      '7,800.00', // Arrowhead approved
      '12,900.00', // ship & debit claimed
      '11,810.00', // ship & debit approved
    ];
    const dashboard = () =>
      fixture<BecAccrualDashboard>(
        html`<bec-accrual-dashboard
          .accruals=${fx}
          .byWeek=${fxWeek}
          .byDistributor=${fxDistributor}
          .byProgramType=${fxProgramType}
        ></bec-accrual-dashboard>`,
      );
    const tile = (el: BecAccrualDashboard, label: string) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="kpi"]')].find((k) => k.querySelector('.label')!.textContent === label)!;
    const amountsOf = (el: BecAccrualDashboard, label: string) =>
      [...tile(el, label).querySelectorAll<HTMLButtonElement>('[part="kpi-amount"]')].map((b) => [
        b.dataset.currency,
        b.textContent!.trim(),
      ]);
    const shownText = (el: BecAccrualDashboard) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    const showAllNumbers = async (el: BecAccrualDashboard) => {
      el.showNumbers = true;
      await el.updateComplete;
    };

    it('shows one amount per currency in each tile, and no sum of currencies', async () => {
      const el = await dashboard();
      expect(amountsOf(el, 'Open liability')).to.deep.equal([
        ['EUR', '€3,210.00'],
        ['USD', '$1,184.67'],
      ]);
      expect(amountsOf(el, 'Paid')).to.deep.equal([
        ['EUR', '€250.50'],
        ['USD', '$1,891.96'],
      ]);
      expect(amountsOf(el, 'In review')).to.deep.equal([
        ['EUR', '€0.00'],
        ['USD', '$5,931.25'],
      ]);
      // Exposure is in the vendor's book currency only.
      expect(amountsOf(el, 'Exposure')).to.deep.equal([['USD', '$20,500.50']]);
      const text = shownText(el);
      for (const s of sums) expect(text).not.to.contain(s);
      await expect(el).to.be.accessible();
    });

    it('charts one currency at a time, with an accessible picker', async () => {
      const el = await dashboard();
      const picker = $(el, '[part="currency-picker"]');
      const buttons = [...picker.querySelectorAll<HTMLButtonElement>('button')];
      expect(buttons.map((b) => [b.textContent!.trim(), b.getAttribute('aria-pressed')])).to.deep.equal([
        ['EUR', 'false'],
        ['USD', 'true'],
      ]);
      expect(picker.querySelector('[role="group"]')!.getAttribute('aria-labelledby')).to.equal('currency-label');
      // USD by default (the element's currency): only USD amounts in the charts.
      // The claim charts' bar and point titles (the exposure chart is in its own currency).
      const titles = () =>
        [...el.shadowRoot!.querySelectorAll('section:not([aria-labelledby="h-exposure"]) svg title')].map((t) => t.textContent!);
      expect(titles().some((t) => t.includes('$7,000.00'))).to.equal(true);
      expect(titles().some((t) => t.includes('€') || t.includes('1,000.00') || t.includes('8,000.00'))).to.equal(false);
      expect($(el, '#h-distributor').textContent).to.contain('USD');

      buttons[0].focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.chartCurrency).to.equal('EUR');
      expect(buttons[0].getAttribute('aria-pressed')).to.equal('true');
      expect(titles().some((t) => t.includes('€1,000.00'))).to.equal(true);
      expect(titles().some((t) => t.includes('$'))).to.equal(false);
      // The exposure chart stays in its own currency.
      expect($(el, '#h-exposure').textContent).to.contain('USD');
      for (const s of sums) expect(shownText(el)).not.to.contain(s);
      await expect(el).to.be.accessible();
    });

    it('puts each currency in its own table rows, never adding a group across currencies', async () => {
      const el = await dashboard();
      el.chartCurrency = 'EUR';
      await showAllNumbers(el);
      const tables = [...el.shadowRoot!.querySelectorAll('[part="table"]')];
      const rows = (i: number) => [...tables[i].querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
      expect(rows(1)).to.deep.equal([
        ['Arrowhead Components', '1', '€1,000.00', '€900.00', '€0.00'],
        ['Northbridge Electronics', '1', '€2,900.00', '€2,810.00', '€250.50'],
      ]);
      expect(rows(0).map((r) => r[2])).to.deep.equal(['€500.00', '€3,400.00']);
      el.chartCurrency = 'USD';
      await el.updateComplete;
      expect(rows(1)).to.deep.equal([['Arrowhead Components', '2', '$7,000.00', '$6,900.00', '$1,891.96']]);
      expect(rows(2).map((r) => r.slice(1))).to.deep.equal([['3', '$9,000.00', '$8,100.00', '$1,891.96']]);
      expect(rows(3).map((r) => r[2])).to.deep.equal(['$12,000.00', '$8,500.50']);
      for (const s of sums) expect(shownText(el)).not.to.contain(s);
      await expect(el).to.be.accessible();
    });

    it('starts on chart-currency or the element currency, and drills down with the currency', async () => {
      const el = await fixture<BecAccrualDashboard>(
        html`<bec-accrual-dashboard chart-currency="EUR" .accruals=${fx} .byDistributor=${fxDistributor}></bec-accrual-dashboard>`,
      );
      expect($(el, '[part="currency-picker"] [aria-pressed="true"]').textContent!.trim()).to.equal('EUR');
      let ev = oneEvent(el, 'becdrilldown');
      $<SVGRectElement>(el, 'rect.bar').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      expect((await ev).detail).to.deep.equal({ series: 'Claimed', key: 'Arrowhead Components', amount: '1000.0000', currency: 'EUR' });
      ev = oneEvent(el, 'becdrilldown');
      tile(el, 'Open liability').querySelector<HTMLButtonElement>('[data-currency="USD"]')!.click();
      expect((await ev).detail).to.deep.equal({ series: 'Open liability', key: '2026-11-23', amount: '1184.6700', currency: 'USD' });
      const eur = await fixture<BecAccrualDashboard>(
        html`<bec-accrual-dashboard currency="EUR" .byDistributor=${fxDistributor}></bec-accrual-dashboard>`,
      );
      expect($(eur, '[part="currency-picker"] [aria-pressed="true"]').textContent!.trim()).to.equal('EUR');
      // No picker when the figures are in one currency.
      const one = await fixture<BecAccrualDashboard>(
        html`<bec-accrual-dashboard .byDistributor=${fxDistributor.filter((f) => f.currency === 'EUR')}></bec-accrual-dashboard>`,
      );
      expect(one.shadowRoot!.querySelector('[part="currency-picker"]')).to.equal(null);
      expect($(one, '#h-distributor').textContent).to.contain('EUR');
    });

    it('loads the per-currency report endpoints', async () => {
      const ok = stubFetch({
        'GET /api/reports/accruals': () => ({ body: fx }),
        'GET /api/reports/accruals/forecast': () => ({ body: makeForecast() }),
        'GET /api/reports/claims?groupBy=week': () => ({ body: figures('week', fxWeek) }),
        'GET /api/reports/claims?groupBy=distributor': () => ({ body: figures('distributor', fxDistributor) }),
        'GET /api/reports/claims?groupBy=programType': () => ({ body: figures('programType', fxProgramType) }),
      });
      configureApi({ baseUrl: 'http://127.0.0.1:3', fetch: ok.fetch });
      const el = await fixture<BecAccrualDashboard>(html`<bec-accrual-dashboard api-base="http://127.0.0.1:3"></bec-accrual-dashboard>`);
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect(amountsOf(el, 'Open liability').map((a) => a[1])).to.deep.equal(['€3,210.00', '$1,184.67']);
      expect(el.shadowRoot!.querySelectorAll('[part="currency-picker"] button').length).to.equal(2);
      for (const s of sums) expect(shownText(el)).not.to.contain(s);
    });
  });

  describe('the forecast charts', () => {
    const forecastOf = (weeks: number, amount: (k: number) => string, cumulative: number[]) => {
      const f = makeForecast();
      const item = f.items[0]!;
      const start = Date.UTC(2026, 10, 30);
      f.weeks = weeks;
      f.items = [
        {
          ...item,
          curve: { cumulative, support: cumulative.map(() => 3) },
          weeks: Array.from({ length: weeks }, (_, k) => ({
            weekStart: new Date(start + k * 7 * 86_400_000).toISOString().slice(0, 10),
            quantity: 0,
            amount: amount(k),
          })),
          totalAmount: '0.0000',
          totalQuantity: 0,
        },
      ];
      return f;
    };
    const panel = (el: Element, id: string) => el.shadowRoot!.querySelector(`section[aria-labelledby="h-${id}"]`)!;

    it('says there are no figures instead of drawing a scale of zeros ($0, $0.3, … and 0 %, 0 %, 1 %)', async () => {
      const el = await fixture<BecAccrualDashboard>(
        html`<bec-accrual-dashboard
          locale="en-US"
          .accruals=${makeAccruals()}
          .forecast=${forecastOf(4, () => '0.0000', [0, 0, 0])}
        ></bec-accrual-dashboard>`,
      );
      await el.updateComplete;
      for (const id of ['forecast', 'curve']) {
        expect(panel(el, id).querySelector('svg'), id).to.equal(null);
        expect(panel(el, id).querySelector('[part="empty"]')!.textContent, id).to.not.equal('');
      }
      await expect(el).to.be.accessible();
    });

    it('labels the weeks whole at 1440 px ("Dec 7", not "Dec 7, 20…"), the full date in each bar', async () => {
      const el = await fixture<BecAccrualDashboard>(
        html`<bec-accrual-dashboard
          style="display:block;width:1440px"
          locale="en-US"
          .accruals=${makeAccruals()}
          .forecast=${forecastOf(13, (k) => `${1000 + k * 100}.0000`, [0.1, 0.4, 0.7])}
        ></bec-accrual-dashboard>`,
      );
      await new Promise((r) => setTimeout(r, 100));
      await el.updateComplete;
      const ticks = [...panel(el, 'forecast').querySelectorAll('svg text.tick')].map((t) => t.textContent!.trim());
      const weekTicks = ticks.filter((t) => /^[A-Z][a-z]{2} \d/.test(t));
      expect(weekTicks.length).to.be.greaterThan(3);
      expect(ticks.filter((t) => t.includes('…'))).to.deep.equal([]);
      expect(weekTicks).to.include('Dec 7');
      expect(panel(el, 'forecast').querySelector('[role="button"][data-ci="1"]')!.getAttribute('aria-label')).to.contain('Dec 7, 2026');
    });
  });

  it('leaves out an axis tick whose label repeats the one below it', async () => {
    const { lineChart } = await import('./charts.js');
    const { render } = await import('lit');
    const host = document.createElement('div');
    document.body.append(host);
    render(
      lineChart({
        label: 'curve',
        categories: ['0', '1'],
        series: [{ name: 'A', color: 'red', values: ['0.4', '0.8'] }],
        format: (v) => `${v} %`,
        compact: (n) => `${Math.round(n)} %`,
      }),
      host,
    );
    const ticks = [...host.querySelectorAll('text.tick')].map((t) => t.textContent).filter((t) => t!.endsWith('%'));
    expect(ticks).to.deep.equal([...new Set(ticks)]);
    host.remove();
  });
});
