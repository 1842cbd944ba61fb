import { Money } from '../../core/money.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

const sum = (values: string[]) => values.reduce((a, v) => a.plus(v), new Money(0)).toFixed(4);

describeDb('accrual and report figures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('computes open liability as the approved total of authorized, unpaid claims', async () => {
    const finance = await t.as(USERS.finance);
    const res = await finance.get('/api/reports/accruals?asOf=2026-11-23');
    expect(res.status).toBe(200);
    const claims = (await finance.get('/api/claims?pageSize=200')).body.items as { status: string; approvedTotal: string }[];
    expect(res.body.openLiability).toBe(sum(claims.filter((c) => c.status === 'authorized').map((c) => c.approvedTotal)));
    expect(res.body.inReview).toBe(sum(claims.filter((c) => c.status === 'submitted').map((c) => c.approvedTotal)));
    expect(res.body.paid).toBe(sum(claims.filter((c) => c.status === 'paid').map((c) => c.approvedTotal)));
    expect(res.body.exposure).toBe(sum(res.body.byDistributor.map((d: { exposure: string }) => d.exposure)));
  });

  it('computes exposure as unclaimed approved quantity x credit per unit', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const res = await arrow.get('/api/reports/accruals?asOf=2026-11-23');
    expect(res.body.byDistributor).toHaveLength(1);
    // Arrowhead's book costs are 82% of list: MCU 5.2890, PMIC 2.6322, ETH-PHY 3.8950.
    const book: Record<string, string> = { 'VS-MCU-32F4': '5.2890', 'VS-PMIC-45A': '2.6322', 'VS-ETH-PHY': '3.8950' };
    const auths = (await arrow.get('/api/authorizations')).body.items as {
      status: string;
      lines: { vendorPartNumber?: string; productId: number; authorizedCost: string; remainingQuantity: number }[];
    }[];
    const products = (await arrow.get('/api/products')).body;
    const partOf = new Map<number, string>(
      (Array.isArray(products) ? products : (products.items ?? [])).map((p: { id: number; vendorPartNumber: string }) => [
        p.id,
        p.vendorPartNumber,
      ]),
    );
    if (partOf.size) {
      const expected = auths
        .filter((a) => a.status === 'active')
        .flatMap((a) => a.lines)
        .map((l) => new Money(book[partOf.get(l.productId)!]).minus(l.authorizedCost).times(l.remainingQuantity).toFixed(4));
      expect(res.body.exposure).toBe(sum(expected));
    }
    expect(res.body.openQuantity ?? res.body.byDistributor[0].openQuantity).toBe(
      auths
        .filter((a) => a.status === 'active')
        .flatMap((a) => a.lines)
        .reduce((n, l) => n + l.remainingQuantity, 0),
    );
  });

  it('groups claimed, approved and paid by distributor, program type and week, each adding up to the whole', async () => {
    const finance = await t.as(USERS.finance);
    const claims = ((await finance.get('/api/claims?pageSize=200')).body.items as { status: string; claimedTotal: string }[]).filter(
      (c) => c.status !== 'draft',
    );
    for (const groupBy of ['distributor', 'programType', 'week']) {
      const res = await finance.get(`/api/reports/claims?groupBy=${groupBy}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(sum(res.body.items.map((i: { claimed: string }) => i.claimed))).toBe(sum(claims.map((c) => c.claimedTotal)));
      expect(res.body.items.reduce((n: number, i: { claims: number }) => n + i.claims, 0)).toBe(claims.length);
    }
    const weeks = (await finance.get('/api/reports/claims?groupBy=week')).body.items as { key: string }[];
    for (const w of weeks) expect(new Date(`${w.key}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('shows a distributor only its own figures', async () => {
    const north = await t.as(USERS.northbridge);
    const res = await north.get('/api/reports/claims?groupBy=distributor');
    expect(res.body.items.map((i: { key: string }) => i.key)).toEqual(['Northbridge Electronics']);
    expect((await north.get('/api/reports/claims?groupBy=month')).status).toBe(400);
  });
});
