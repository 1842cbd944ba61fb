/**
 * The accruals report's running rebates list the distributors that sold in the running period (by
 * the day asked), as GET /api/rebates/periods/to-close lists the periods that hold sales: a
 * program for many distributors where one sold reports that one's rebate, exactly, and nobody
 * else's. A distributor that sold nothing has no line, and its rebate would be nothing: the
 * program's terms here qualify at zero (volume, threshold 0), and the calculation route answers
 * 0.00 for each of them, so the report's totals are what they were when every distributor was
 * calculated.
 */
import { Money } from '../../core/money.js';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface Running {
  programId: number;
  distributorId: number;
  distributorName: string;
  currency: string;
  period: { from: string; to: string };
  measure: string;
  qualified: boolean;
  rebate: string;
}

describeDb('accruals: running rebates of the distributors that sold', () => {
  let t: TestApp;
  let admin: Client;
  let cm: Client;
  let finance: Client;
  let arrow: Client;
  let north: Client;
  let pacific: Client;
  let programId: number;
  const ids = new Map<string, number>();
  /** The distributors the program is for, beside Arrowhead and Northbridge: none of them sells. */
  const idle = [
    ['Idle One', 'USD'],
    ['Idle Two', 'EUR'],
    ['Idle Three', 'GBP'],
    ['Idle Four', 'JPY'],
    ['Idle Five', 'USD'],
    ['Idle Six', 'CHF'],
    ['Idle Seven', 'EUR'],
    ['Idle Eight', 'SEK'],
  ] as const;

  const report = async (c: Client, day: string) => {
    const res = await c.get(`/api/reports/accruals?asOf=${day}`);
    expect(res.status).toBe(200);
    return res.body.rebates as { items: Running[]; byCurrency: { currency: string; accrued: string }[] };
  };
  const running = async (c: Client, day: string) =>
    (await report(c, day)).items
      .filter((i) => i.programId === programId)
      .map((i) => [i.distributorName, i.currency, i.period.from, i.measure, i.rebate]);
  const importAs = async (c: Client, rows: string[]) => {
    const res = await t.http
      .post('/api/imports?wait=true')
      .set('Authorization', bearerOf(c))
      .set('Content-Type', 'text/csv')
      .send(['Invoice No,Line,Invoice Date,Mfr Part,Qty,Resale', ...rows].join('\n'));
    expect(res.status).toBe(201);
    expect(res.body.rowsAccepted).toBe(rows.length);
  };

  beforeAll(async () => {
    t = await startTestApp();
    [admin, cm, finance, arrow, north, pacific] = await Promise.all(
      [USERS.admin, USERS.cm, USERS.finance, USERS.arrowhead, USERS.northbridge, USERS.pacific].map((u) => t.as(u)),
    );
    for (const a of (await finance.get('/api/accounts?type=distributor')).body.items as { id: number; name: string }[])
      ids.set(a.name, a.id);
    for (const [name, currency] of idle) {
      const d = await admin.post('/api/masterdata/distributors', { name, currency, country: 'US' });
      expect(d.status).toBe(201);
      ids.set(name, d.body.id as number);
    }
    // April and May 2026 (no demo sales then), monthly, 0.25 a unit from the first unit: the
    // terms qualify at nothing, so a calculation over no sales says qualified, rebate 0.00.
    const p = await cm.post('/api/programs', {
      code: `REB-SOLD-${Date.now() % 100000}`,
      name: 'Spring volume',
      type: 'rebate',
      startDate: '2026-04-01',
      endDate: '2026-05-31',
      distributorIds: [ids.get('Arrowhead Components')!, ids.get('Northbridge Electronics')!, ...idle.map(([n]) => ids.get(n)!)],
    });
    expect(p.status).toBe(201);
    programId = p.body.id as number;
    const terms = { kind: 'volume', measure: 'quantity', threshold: '0', rate: { kind: 'per_unit', value: '0.25' } };
    const put = await t.http
      .put(`/api/rebates/programs/${programId}`)
      .set('Authorization', bearerOf(cm))
      .send({ terms, periodKind: 'month', stacking: 'with_all' });
    expect(put.status).toBe(200);
    // Arrowhead sells 40 units on 10 April and 20 on 25 April. Northbridge sells in March (before
    // the program) and on 28 April. Pacific Rim, which the program is not for, sells in April.
    await importAs(arrow, ['SOLD-A-1,1,2026-04-10,VS-MCU-32F4,40,6.00', 'SOLD-A-2,1,2026-04-25,VS-MCU-32F4,20,6.00']);
    await importAs(north, ['SOLD-N-1,1,2026-03-20,VS-MCU-32F4,100,6.00', 'SOLD-N-2,1,2026-04-28,VS-MCU-32F4,30,6.00']);
    await importAs(pacific, ['SOLD-P-1,1,2026-04-12,VS-MCU-32F4,50,6.00']);
  });
  afterAll(() => t.close());

  it("reports exactly the one distributor that sold by the day asked, with its rebate, among the program's ten", async () => {
    // 20 April: Arrowhead's 40 units (40 x 0.25); Northbridge's sales are in March and after the 20th.
    expect(await running(finance, '2026-04-20')).toEqual([['Arrowhead Components', 'USD', '2026-04-01', '40', '10.00']]);
    // 30 April: Northbridge's 28 April sale is in (30 x 0.25); its March sale is not the program's.
    expect(await running(finance, '2026-04-30')).toEqual([
      ['Arrowhead Components', 'USD', '2026-04-01', '60', '15.00'],
      ['Northbridge Electronics', 'EUR', '2026-04-01', '30', '7.50'],
    ]);
    // 10 May: nobody sold in May yet, so no line (the April period is one to close).
    expect(await running(finance, '2026-05-10')).toEqual([]);
    // The totals are the lines' sums, per currency.
    const body = await report(finance, '2026-04-30');
    for (const { currency, accrued } of body.byCurrency)
      expect([currency, accrued]).toEqual([
        currency,
        body.items
          .filter((i) => i.currency === currency)
          .reduce((sum, i) => sum.plus(i.rebate), new Money(0))
          .toFixed(4),
      ]);
    // A distributor sees its own line only.
    expect(await running(arrow, '2026-04-30')).toEqual([['Arrowhead Components', 'USD', '2026-04-01', '60', '15.00']]);
    expect(await running(north, '2026-04-20')).toEqual([]);
    expect(await running(pacific, '2026-04-30')).toEqual([]);
  });

  it('leaves out only distributors whose rebate is nothing: each one with no sale in the period calculates to 0.00', async () => {
    const calculated = async (name: string, date: string) => {
      const res = await finance.get(`/api/rebates/programs/${programId}/calculation?date=${date}&distributorId=${ids.get(name)}`);
      expect(res.status).toBe(200);
      return [name, res.body.calculation.measure, res.body.calculation.qualified, res.body.calculation.rebate];
    };
    // May: nobody sold, each of the ten distributors qualifies (threshold 0) and is owed nothing.
    for (const name of ['Arrowhead Components', 'Northbridge Electronics', ...idle.map(([n]) => n)])
      expect(await calculated(name, '2026-05-10')).toEqual([name, '0', true, name === 'Idle Four' ? '0' : '0.00']);
    // April, over the whole month: only the two that sold are owed anything.
    for (const [name] of idle) expect((await calculated(name, '2026-04-20'))[3]).toMatch(/^0(\.00)?$/);
    expect(await calculated('Arrowhead Components', '2026-04-20')).toEqual(['Arrowhead Components', '60', true, '15.00']);
  });

  it('reads who sold in a period by the same rule as the periods to close', async () => {
    const res = await finance.get('/api/rebates/periods/to-close?asOf=2026-05-10');
    expect(res.status).toBe(200);
    const toClose = (res.body.items as Running[])
      .filter((i) => i.programId === programId)
      .map((i) => [i.distributorName, i.currency, i.period.from, i.measure, i.rebate]);
    // April is over: the same two sellers, the same figures as the report's running lines on its last day.
    expect(toClose).toEqual(await running(finance, '2026-04-30'));
  });
});
