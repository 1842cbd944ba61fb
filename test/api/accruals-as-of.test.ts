/**
 * Accruals as of a day (issue 16, part 2): every figure of GET /api/reports/accruals and its
 * forecast is what it was at the end of that day, whatever happened after; a cancelled
 * authorization's exposure is reversed from its cancellation; the forecast never spreads more than
 * is unclaimed. Time moves by faking the clock (Date only) of the real app in this process.
 */
import { Money } from '../../core/money.js';
import {
  approvedAuthorization,
  bearerOf,
  describeDb,
  fakeDateOnly,
  startTestApp,
  USERS,
  type Client,
  type TestApp,
} from '../support/harness.js';

const at = (day: string) => jest.setSystemTime(new Date(`${day}T12:00:00Z`));

describeDb('accruals as of a day', () => {
  let t: TestApp;
  let arrow: Client;
  let finance: Client;
  let finance2: Client;
  let cm: Client;
  beforeAll(async () => {
    t = await startTestApp();
    [arrow, finance, finance2, cm] = await Promise.all([USERS.arrowhead, USERS.finance, USERS.finance2, USERS.cm].map((u) => t.as(u)));
    fakeDateOnly();
  });
  afterAll(async () => {
    jest.useRealTimers();
    await t.close();
  });

  let invoice = 0;
  const claim = async (auth: { number: string; part: string; customer: string }, quantity: number) => {
    const c = await arrow.post('/api/claims', {
      submit: true,
      lines: [
        {
          authorizationNumber: auth.number,
          vendorPartNumber: auth.part,
          endCustomerName: auth.customer,
          invoiceNumber: `ASOF-${++invoice}`,
          invoiceLine: '1',
          invoiceDate: '2026-11-20',
          quantity,
          bookCost: '6.0270', // Arrowhead's book cost on record for VS-ADC-24S
          authorizedCost: '3.2000',
        },
      ],
    });
    expect(c.status).toBe(201);
    expect(c.body.lines[0].verdict).toBe('accepted');
    return c.body as { id: number; approvedTotal: string };
  };
  const accruals = async (c: Client, day: string) => {
    const res = await c.get(`/api/reports/accruals?asOf=${day}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const forecast = async (c: Client, day: string) => {
    const res = await c.get(`/api/reports/accruals/forecast?asOf=${day}&weeks=6`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const arrowheadOf = (body: { byDistributor: { distributorName: string; exposure: string; openQuantity: number }[] }) =>
    body.byDistributor.find((d) => d.distributorName === 'Arrowhead Components')!;
  const usd = (body: { byCurrency: { currency: string; inReview: string; openLiability: string; paid: string }[] }) =>
    body.byCurrency.find((r) => r.currency === 'USD')!;

  it('a figure as of a past day is what it was that day, after claims are paid and an authorization is cancelled', async () => {
    at('2026-12-10');
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '3.2000' });
    const first = await claim(auth, 10); // (6.027 - 3.20) x 10 = 28.27, in review
    expect(first.approvedTotal).toBe('28.2700');
    const dayOne = await accruals(finance, '2026-12-10');
    const dayOneForecast = await forecast(finance, '2026-12-10');
    const before = await accruals(finance, '2026-12-09');
    // The authorization made on the 10th is not in the 9th's exposure; its 90 open units are in the 10th's.
    expect(arrowheadOf(dayOne).openQuantity - arrowheadOf(before).openQuantity).toBe(90);
    expect(new Money(arrowheadOf(dayOne).exposure).minus(arrowheadOf(before).exposure).toFixed(4)).toBe('254.4300');
    expect(new Money(usd(dayOne).inReview).minus(usd(before).inReview).toFixed(4)).toBe('28.2700');

    // Two days later: the claim is authorized and paid, another is submitted, the authorization is cancelled.
    at('2026-12-12');
    expect((await finance2.post(`/api/claims/${first.id}/authorize`)).status).toBe(200);
    expect((await finance.post(`/api/claims/${first.id}/pay`, { externalRef: 'ERP-ASOF' })).status).toBe(200);
    await claim(auth, 20);
    const beforeCancel = await accruals(finance, '2026-12-12');
    const { id } = (await arrow.get(`/api/authorizations?number=${auth.number}`)).body.items[0];
    const asked = await arrow.post(`/api/authorizations/${id}/changes`, { kind: 'cancel', effectiveFrom: '2026-12-12' });
    expect(asked.status).toBe(201);
    expect((await cm.post(`/api/requests/${asked.body.id}/approve`, {})).status).toBe(200);

    // The 10th reads the same, to the cent, figure by figure (claims, exposure, rebates, forecast).
    expect(await accruals(finance, '2026-12-10')).toEqual(dayOne);
    expect(await forecast(finance, '2026-12-10')).toEqual(dayOneForecast);
    // The 12th: the paid claim moved from review to paid, and the cancellation reversed the 70 open units' exposure.
    const dayThree = await accruals(finance, '2026-12-12');
    expect(new Money(usd(dayThree).paid).minus(usd(dayOne).paid).toFixed(4)).toBe('28.2700');
    expect(new Money(arrowheadOf(beforeCancel).exposure).minus(arrowheadOf(dayThree).exposure).toFixed(4)).toBe('197.8900'); // 70 x 2.827
    expect(arrowheadOf(beforeCancel).openQuantity - arrowheadOf(dayThree).openQuantity).toBe(70);
  });

  it("an adjustment and a rejection in review after the day do not move the day's figures (amounts from the journal, claimed quantities kept when given back)", async () => {
    at('2026-12-20');
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '3.2000' });
    const kept = await claim(auth, 10); // 28.27 in review
    const given = await claim(auth, 5); // 5 x 2.827 = 14.135, a claim line's amount in cents: 14.14 in review
    const day = await accruals(finance, '2026-12-20');
    const dayForecast = await forecast(finance, '2026-12-20');

    // Two days later finance lowers one claim's line and rejects the other's, which gives its 5 units back.
    at('2026-12-22');
    const lineOf = async (c: { id: number }) => (await finance.get(`/api/claims/${c.id}/lines`)).body.items[0] as { id: number };
    const lowered = await finance.post(`/api/claims/${kept.id}/lines/${(await lineOf(kept)).id}/adjust`, {
      approvedAmount: '20.0000',
      reason: 'Freight deducted',
    });
    expect(lowered.status).toBe(200);
    const rejected = await finance.post(`/api/claims/${given.id}/lines/${(await lineOf(given)).id}/adjust`, {
      approvedAmount: '0',
      reason: 'Not an eligible end customer',
    });
    expect(rejected.status).toBe(200);

    // The 20th reads as it did: the claims' amounts in review, the 85 units open, the curve and the forecast.
    expect(await accruals(finance, '2026-12-20')).toEqual(day);
    expect(await forecast(finance, '2026-12-20')).toEqual(dayForecast);
    // The 22nd: 8.27 and 14.14 less in review, the 5 units given back are open again (5 x 2.827 of exposure).
    const after = await accruals(finance, '2026-12-22');
    expect(new Money(usd(day).inReview).minus(usd(after).inReview).toFixed(4)).toBe('22.4100');
    expect(arrowheadOf(after).openQuantity - arrowheadOf(day).openQuantity).toBe(5);
    expect(new Money(arrowheadOf(after).exposure).minus(arrowheadOf(day).exposure).toFixed(4)).toBe('14.1350');
  });

  it('a running rebate as of a day counts the sales as they were owned that day (a claim filed or given back later does not move it)', async () => {
    at('2026-12-23');
    const code = `REB-ASOF-${Date.now() % 100000}`;
    const created = await cm.post('/api/programs', {
      code,
      name: 'as-of rebate',
      type: 'rebate',
      startDate: '2026-12-23',
      endDate: '2026-12-31',
    });
    expect(created.status).toBe(201);
    const terms = await t.http
      .put(`/api/rebates/programs/${created.body.id}`)
      .set('Authorization', bearerOf(cm))
      .send({
        terms: { kind: 'volume', measure: 'quantity', rate: { kind: 'per_unit', value: '0.50' } },
        periodKind: 'custom',
        stacking: 'with_rebates', // a sale a ship & debit claim holds is not this program's
      });
    expect(terms.status).toBe(200);
    at('2026-12-24');
    const csv = 'Invoice No,Line,Invoice Date,Mfr Part,Qty,Resale\nASOF-R-1,1,2026-12-24,VS-ADC-24S,10,4.10\n';
    const imported = await t.http
      .post('/api/imports?wait=true')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(imported.status).toBe(201);
    const rebateOn = async (day: string) =>
      ((await accruals(finance, day)).rebates.items as { code: string; distributorName: string; measure: string; rebate: string }[]).find(
        (i) => i.code === code && i.distributorName === 'Arrowhead Components',
      );
    expect(await rebateOn('2026-12-24')).toMatchObject({ measure: '10', rebate: '5.00' });

    // The 26th: a ship & debit claim takes the sale; from then on the rebate leaves it, the 24th still counts it.
    at('2026-12-26');
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '3.2000' });
    const c = await arrow.post('/api/claims', {
      submit: true,
      lines: [
        {
          authorizationNumber: auth.number,
          vendorPartNumber: auth.part,
          endCustomerName: auth.customer,
          invoiceNumber: 'ASOF-R-1',
          invoiceLine: '1',
          invoiceDate: '2026-12-24',
          quantity: 10,
          bookCost: '6.0270',
          authorizedCost: '3.2000',
        },
      ],
    });
    expect(c.status).toBe(201);
    expect(c.body.lines[0].verdict).toBe('accepted');
    expect(await rebateOn('2026-12-26')).toMatchObject({ measure: '0', rebate: '0.00' });
    expect(await rebateOn('2026-12-24')).toMatchObject({ measure: '10', rebate: '5.00' });

    // The 27th: finance rejects the line, the sale is given back and the rebate counts it again; the 26th is as it was.
    at('2026-12-27');
    const line = (await finance.get(`/api/claims/${c.body.id}/lines`)).body.items[0] as { id: number };
    const rejected = await finance.post(`/api/claims/${c.body.id}/lines/${line.id}/adjust`, {
      approvedAmount: '0',
      reason: 'Sold before the approval',
    });
    expect(rejected.status).toBe(200);
    expect(await rebateOn('2026-12-27')).toMatchObject({ measure: '10', rebate: '5.00' });
    expect(await rebateOn('2026-12-26')).toMatchObject({ measure: '0', rebate: '0.00' });

    // The 28th the rate doubles, the 29th the program is stopped: each earlier day keeps the rules it had.
    at('2026-12-28');
    const doubled = await t.http
      .put(`/api/rebates/programs/${created.body.id}`)
      .set('Authorization', bearerOf(cm))
      .send({
        terms: { kind: 'volume', measure: 'quantity', rate: { kind: 'per_unit', value: '1.00' } },
        periodKind: 'custom',
        stacking: 'with_rebates',
      });
    expect(doubled.status).toBe(200);
    at('2026-12-29');
    const stopped = await t.http.patch(`/api/programs/${created.body.id}`).set('Authorization', bearerOf(cm)).send({ status: 'inactive' });
    expect(stopped.status).toBe(200);
    expect(await rebateOn('2026-12-29')).toBeUndefined();
    expect(await rebateOn('2026-12-28')).toMatchObject({ measure: '10', rebate: '10.00' });
    expect(await rebateOn('2026-12-27')).toMatchObject({ measure: '10', rebate: '5.00' });
    expect(await rebateOn('2026-12-24')).toMatchObject({ measure: '10', rebate: '5.00' });
  });

  it('forecasts per distributor and currency, never more than is unclaimed, the curve with it; a distributor sees its own', async () => {
    const day = '2026-12-12';
    const all = await forecast(finance, day);
    expect(all.firstWeek).toBe('2026-12-14'); // the Monday after
    expect(all.items.length).toBeGreaterThan(0);
    for (const item of all.items as {
      currency: string;
      openQuantity: number;
      totalQuantity: number;
      totalAmount: string;
      curve: { cumulative: number[] };
      weeks: { quantity: number; amount: string }[];
    }[]) {
      expect(item.weeks).toHaveLength(6);
      expect(item.totalQuantity).toBeLessThanOrEqual(item.openQuantity + 0.01);
      // Money adds up exactly; the curve only rises and stays within 0..1.
      expect(item.weeks.reduce((a, w) => a.plus(w.amount), new Money(0)).toFixed(4)).toBe(item.totalAmount);
      item.curve.cumulative.forEach((c, k) => {
        expect(c).toBeGreaterThanOrEqual(k ? item.curve.cumulative[k - 1]! : 0);
        expect(c).toBeLessThanOrEqual(1);
      });
    }
    const own = await forecast(arrow, day);
    expect(own.items.map((i: { distributorName: string }) => i.distributorName)).toEqual(['Arrowhead Components']);
    const other = (all.items as { distributorId: number; distributorName: string }[]).find(
      (i) => i.distributorName !== 'Arrowhead Components',
    );
    // Another distributor's id is a 403 naming distributorId, not an empty forecast.
    if (other)
      expect((await arrow.get(`/api/reports/accruals/forecast?asOf=${day}&distributorId=${other.distributorId}`)).body).toMatchObject({
        code: 'FORBIDDEN',
        errors: [{ field: 'distributorId' }],
      });
  });

  it('carries the rebates accrued so far in the running periods, per currency', async () => {
    const body = await accruals(finance, '2026-11-30');
    const items = body.rebates.items as { code: string; distributorName: string; currency: string; rebate: string; measure: string }[];
    // The demo's Q4 programs: Arrowhead's tiered microcontrollers on 30 November (docs/rebates.md).
    expect(items.find((i) => i.code === 'REB-TIER-MCU-26' && i.distributorName === 'Arrowhead Components')).toMatchObject({
      measure: '2639',
      rebate: '316.68',
      currency: 'USD',
    });
    for (const { currency, accrued } of body.rebates.byCurrency as { currency: string; accrued: string }[])
      expect(
        items
          .filter((i) => i.currency === currency)
          .reduce((a, i) => a.plus(i.rebate), new Money(0))
          .toFixed(4),
      ).toBe(accrued);
    // Earlier in the quarter, less had been sold: the accrual as of a day counts the sales invoiced by then.
    const earlier = await accruals(finance, '2026-10-15');
    const tierThen = (earlier.rebates.items as typeof items).find(
      (i) => i.code === 'REB-TIER-MCU-26' && i.distributorName === 'Arrowhead Components',
    );
    expect(Number(tierThen?.measure ?? 0)).toBeLessThan(2639);
    // A distributor sees its own rebates only.
    const own = await accruals(arrow, '2026-11-30');
    expect(new Set((own.rebates.items as typeof items).map((i) => i.distributorName))).toEqual(new Set(['Arrowhead Components']));
  });
});
