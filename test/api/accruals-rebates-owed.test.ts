/**
 * The accruals report and the rebates the vendor owes: a rebate period closed (or authorized) and
 * not yet paid is a liability the finance journal holds (accrued on its close, moved by each
 * adjustment, taken off by its payment). The report showed only the rebates still accruing in the
 * running periods, so an owed period appeared nowhere and the report's liability fell short of the
 * journal's accrued-liability account. It now lists them (`rebates.unpaidPeriods`, totalled per
 * currency in `rebates.unpaidByCurrency`), as of the day asked, and the claims' liability plus the
 * rebates owed equal the journal's accrued liability, per currency.
 */
import { Money } from '../../core/money.js';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const TODAY = new Date().toISOString().slice(0, 10);
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

interface Owed {
  periodId: number;
  programId: number;
  code: string;
  distributorName: string;
  currency: string;
  period: { from: string; to: string };
  status: string;
  amount: string;
}
interface ToClose {
  programId: number;
  distributorId: number;
  distributorName: string;
  currency: string;
  period: { from: string; to: string };
  rebate: string;
}
interface Rebates {
  unpaidPeriods: Owed[];
  unpaidByCurrency: { currency: string; unpaid: string }[];
}
interface PeriodsToClose {
  asOf: string;
  items: ToClose[];
  byCurrency: { currency: string; estimated: string }[];
}
interface JournalEntry {
  currency: string;
  eventDay: string;
  lines: { account: string; debit: string; credit: string }[];
}

describeDb('accruals: rebate periods closed and not yet paid', () => {
  let t: TestApp;
  let admin: Client;
  let cm: Client;
  let finance: Client;
  let finance2: Client;
  let arrow: Client;
  let north: Client;
  let arrowheadId: number;
  let programId: number;

  const rebatesOf = async (c: Client, day = TODAY) => {
    const res = await c.get(`/api/reports/accruals?asOf=${day}`);
    expect(res.status).toBe(200);
    return res.body.rebates as Rebates;
  };
  const owed = async (c: Client, day = TODAY) => (await rebatesOf(c, day)).unpaidPeriods.filter((p) => p.programId === programId);

  beforeAll(async () => {
    t = await startTestApp();
    [admin, cm, finance, finance2, arrow, north] = await Promise.all(
      [USERS.admin, USERS.cm, USERS.finance, USERS.finance2, USERS.arrowhead, USERS.northbridge].map((u) => t.as(u)),
    );
    arrowheadId = (await arrow.get('/api/session')).body.distributorId as number;
    // A June 2026 volume rebate, 0.10 a unit, over Arrowhead's 150 units sold in June: 15.00 USD.
    const p = await cm.post('/api/programs', {
      code: `REB-OWED-${Date.now() % 100000}`,
      name: 'June volume',
      type: 'rebate',
      startDate: '2026-06-01',
      endDate: '2026-06-30',
    });
    expect(p.status).toBe(201);
    programId = p.body.id as number;
    const terms = { kind: 'volume', measure: 'quantity', threshold: '0', rate: { kind: 'per_unit', value: '0.10' } };
    const put = await t.http
      .put(`/api/rebates/programs/${programId}`)
      .set('Authorization', bearerOf(cm))
      .send({ terms, periodKind: 'month', stacking: 'with_all' });
    expect(put.status).toBe(200);
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Resale',
      'JUN-1,1,2026-06-10,VS-MCU-32F4,100,6.00',
      'JUN-2,1,2026-06-12,VS-MCU-32F4,50,6.00',
    ].join('\n');
    // The same sales, reported by Arrowhead (USD) and by Northbridge (EUR).
    for (const c of [arrow, north]) {
      const imported = await t.http
        .post('/api/imports?wait=true')
        .set('Authorization', bearerOf(c))
        .set('Content-Type', 'text/csv')
        .send(csv);
      expect(imported.status).toBe(201);
      expect(imported.body.rowsAccepted).toBe(2);
    }
  });
  afterAll(() => t.close());

  const periodsToClose = async (c: Client) => {
    const res = await c.get('/api/rebates/periods/to-close');
    expect(res.status).toBe(200);
    return res.body as PeriodsToClose;
  };
  const toClose = async (c: Client) =>
    (await periodsToClose(c)).items
      .filter((p) => p.programId === programId)
      .map((p) => [p.distributorName, p.currency, p.period.from, p.rebate]);

  it('lists a period that is over and not closed, with its estimated rebate, until it is closed (GET /api/rebates/periods/to-close)', async () => {
    // June is over; nobody closed it: the vendor owes the rebate, the journal does not hold it yet.
    expect(await toClose(finance)).toEqual([
      ['Arrowhead Components', 'USD', '2026-06-01', '15.00'],
      ['Northbridge Electronics', 'EUR', '2026-06-01', '15.00'],
    ]);
    const all = await periodsToClose(finance);
    expect(all.asOf).toBe(TODAY);
    // The totals are the items' sums, per currency (other programs of the demo have periods to close too).
    for (const currency of ['USD', 'EUR'])
      expect(all.byCurrency.find((x) => x.currency === currency)!.estimated).toBe(
        all.items
          .filter((i) => i.currency === currency)
          .reduce((sum, i) => sum.plus(i.rebate), new Money(0))
          .toFixed(4),
      );
    // Not in the journal, so not in the accruals report's owed periods.
    expect(await owed(finance)).toEqual([]);
    // A bad day is refused, naming the parameter.
    expect((await finance.get('/api/rebates/periods/to-close?asOf=2026-13-01')).status).toBe(400);
    // A distributor sees its own period to close.
    expect(await toClose(arrow)).toEqual([['Arrowhead Components', 'USD', '2026-06-01', '15.00']]);
  });

  it('lists a closed, then authorized, period with the amount accrued for it, until it is paid', async () => {
    expect(await owed(finance)).toEqual([]);
    const closed = await finance.post('/api/rebates/periods', { programId, distributorId: arrowheadId, date: '2026-06-15' });
    expect(closed.status).toBe(201);
    expect(closed.body.amount).toBe('15.0000');
    const periodId = closed.body.id as number;
    expect(await owed(finance)).toEqual([
      {
        periodId,
        programId,
        code: expect.stringMatching(/^REB-OWED-/),
        name: 'June volume',
        distributorId: arrowheadId,
        distributorName: 'Arrowhead Components',
        currency: 'USD',
        period: { from: '2026-06-01', to: '2026-06-30' },
        status: 'closed',
        amount: '15.0000',
      },
    ]);
    // Closed today: as of yesterday it was not owed yet.
    expect(await owed(finance, YESTERDAY)).toEqual([]);
    // Closed: no longer a period to close (Northbridge's still is).
    expect(await toClose(finance)).toEqual([['Northbridge Electronics', 'EUR', '2026-06-01', '15.00']]);

    expect((await finance2.post(`/api/rebates/periods/${periodId}/adjust`, { amount: '12.00', reason: 'late returns' })).status).toBe(200);
    expect((await admin.post(`/api/rebates/periods/${periodId}/authorize`)).status).toBe(200);
    expect(await owed(finance)).toEqual([expect.objectContaining({ periodId, status: 'authorized', amount: '12.0000' })]);
    // The distributor sees what it is owed; another distributor does not.
    expect(await owed(arrow)).toEqual([expect.objectContaining({ periodId, amount: '12.0000' })]);
    expect(await owed(north)).toEqual([]);

    expect((await finance.post(`/api/rebates/periods/${periodId}/pay`, { externalRef: 'ERP-OWED-1' })).status).toBe(200);
    expect(await owed(finance)).toEqual([]);
  });

  it("adds the claims' liability and the rebates owed up to the journal's accrued liability, per currency", async () => {
    // Northbridge's June period, closed and left unpaid: 15.00 EUR owed.
    const northbridgeId = (await north.get('/api/session')).body.distributorId as number;
    const closed = await finance.post('/api/rebates/periods', { programId, distributorId: northbridgeId, date: '2026-06-20' });
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({ currency: 'EUR', amount: '15.0000' });
    const res = await finance.get(`/api/reports/accruals?asOf=${TODAY}`);
    const rebates = res.body.rebates as Rebates;
    const claims = res.body.byCurrency as { currency: string; openLiability: string; inReview: string }[];
    const entries = (await finance.get('/api/finance/journal')).body.entries as JournalEntry[];
    const accrued = new Map<string, Money>();
    for (const e of entries.filter((x) => x.eventDay <= TODAY))
      for (const l of e.lines.filter((x) => x.account === '2150'))
        accrued.set(e.currency, (accrued.get(e.currency) ?? new Money(0)).plus(l.credit).minus(l.debit));
    for (const [currency, liability] of accrued) {
      const c = claims.find((x) => x.currency === currency);
      const owedInIt = rebates.unpaidByCurrency.find((x) => x.currency === currency)?.unpaid ?? '0';
      const reported = new Money(c?.openLiability ?? 0).plus(c?.inReview ?? 0).plus(owedInIt);
      expect([currency, reported.toFixed(4)]).toEqual([currency, liability.toFixed(4)]);
    }
    expect(rebates.unpaidByCurrency).toEqual(expect.arrayContaining([{ currency: 'EUR', unpaid: expect.any(String) }]));
    expect(accrued.has('EUR')).toBe(true);
  });
});
