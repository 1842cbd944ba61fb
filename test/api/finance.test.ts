/**
 * The finance hand-off (issue 16 part 4) over the real app and database: the journal the settlement
 * service writes (accrual on approval, reversal on an adjustment down or a cancellation, payment
 * with the credit memo), its JSON and CSV export, account codes per program type, the
 * ERP-reference switch, the credit-memo list, month close and reopen, and the `credit_memo.posted`
 * event pushed by the webhooks (signed, retried) to a receiver this test starts. check:ledger's
 * journal invariants hold after each.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JOURNAL_COLUMNS } from '../../core/finance/journal.js';
import { CSV_BOM } from '../../core/csv.js';
import { notificationsSettled } from '../../server/notifications/runtime.js';
import { checkLedger } from '../../server/settlement/invariants.repository.js';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { REDIS_URL, redisAnswers } from '../support/redis.js';

interface Entry {
  id: number;
  kind: string;
  source: string;
  sourceId: number;
  amount: string;
  month: string;
  entryDate: string;
  eventDay: string;
  note: string | null;
  creditMemoNumber: string | null;
  erpReference: string | null;
  lines: { account: string; debit: string; credit: string }[];
}

const received: { path: string; headers: IncomingHttpHeaders; raw: string }[] = [];
const script = new Map<string, number[]>();

describeDb('finance hand-off', () => {
  let t: TestApp;
  let admin: Client;
  let finance: Client;
  let finance2: Client;
  let arrow: Client;
  let north: Client;
  let receiver: Server;
  let base: string;
  let redis = false;

  beforeAll(async () => {
    redis = await redisAnswers();
    receiver = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => {
        const plan = script.get(req.url ?? '') ?? [200];
        const status = plan.length > 1 ? plan.shift()! : plan[0]!;
        received.push({ path: req.url ?? '', headers: req.headers, raw });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    t = await startTestApp({
      env: {
        ...(redis ? { REDIS_URL, QUEUE_PREFIX: `bec-fin-${randomBytes(4).toString('hex')}`, WORKER_IN_PROCESS: 'true' } : {}),
        WEBHOOK_PRIVATE_ALLOWLIST: '127.0.0.1',
        WEBHOOK_ATTEMPTS: '4',
        WEBHOOK_BACKOFF_MS: '100',
      },
    });
    [admin, finance, finance2, arrow, north] = await Promise.all(
      [USERS.admin, USERS.finance, USERS.finance2, USERS.arrowhead, USERS.northbridge].map((u) => t.as(u)),
    );
  });
  afterAll(async () => {
    await notificationsSettled();
    await t?.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const put = (c: Client, path: string, body: object) => t.http.put(path).set('Authorization', bearerOf(c)).send(body);
  const ledgerClean = async () => expect((await checkLedger(t.db.sequelize)).violations).toEqual([]);
  const journal = async (query = '') => {
    const res = await finance.get(`/api/finance/journal${query}`);
    expect(res.status).toBe(200);
    return res.body as { entries: Entry[]; totals: { currency: string; debit: string; credit: string }[] };
  };
  const entriesOf = async (source: string, id: number) => (await journal()).entries.filter((e) => e.source === source && e.sourceId === id);

  let invoice = 0;
  /** Arrowhead's claim of `quantity` units on `auth` (a credit of 1.0000 a unit), submitted. */
  const claim = async (auth: { number: string; customer: string }, quantity: number) => {
    const res = await arrow.post('/api/claims', {
      submit: true,
      lines: [
        {
          authorizationNumber: auth.number,
          vendorPartNumber: 'VS-ADC-24S',
          endCustomerName: auth.customer,
          invoiceNumber: `FIN-${process.pid}-${++invoice}`,
          invoiceLine: '1',
          invoiceDate: '2026-11-10',
          quantity,
          bookCost: '6.0270',
          authorizedCost: '5.0270',
        },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.approvedTotal).toBe(`${quantity}.0000`);
    return res.body as { id: number; number: string; lines: { id: number }[] };
  };
  const authorizeAndPay = async (id: number, externalRef: string | null) => {
    expect((await finance.post(`/api/claims/${id}/authorize`)).status).toBe(200);
    return finance2.post(`/api/claims/${id}/pay`, { externalRef });
  };

  it('journals a claim: an accrual when approved, a reversal when adjusted down, the payment with its credit memo', async () => {
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '5.0270' });
    const c = await claim(auth, 10);
    let entries = await entriesOf('claim', c.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'accrual', amount: '10.0000', note: null, creditMemoNumber: null });
    // The defaults: Dr expense 4950, Cr accrued liability 2150.
    expect(entries[0]!.lines).toEqual([
      { account: '4950', debit: '10.0000', credit: '0.0000' },
      { account: '2150', debit: '0.0000', credit: '10.0000' },
    ]);
    expect(entries[0]!.entryDate).toBe(new Date().toISOString().slice(0, 10));

    const adjusted = await admin.post(`/api/claims/${c.id}/lines/${c.lines[0]!.id}/adjust`, { approvedAmount: '7.5000', reason: 'RMA 12' });
    expect(adjusted.status).toBe(200);
    entries = await entriesOf('claim', c.id);
    expect(entries.map((e) => [e.kind, e.amount])).toEqual([
      ['accrual', '10.0000'],
      ['reversal', '2.5000'],
    ]);
    expect(entries[1]!.lines).toEqual([
      { account: '2150', debit: '2.5000', credit: '0.0000' },
      { account: '4950', debit: '0.0000', credit: '2.5000' },
    ]);

    const paid = await authorizeAndPay(c.id, 'ERP-77');
    expect(paid.status).toBe(200);
    entries = await entriesOf('claim', c.id);
    const payment = entries.find((e) => e.kind === 'payment')!;
    expect(payment).toMatchObject({ amount: '7.5000', creditMemoNumber: paid.body.creditMemo.number, erpReference: 'ERP-77' });
    expect(payment.lines).toEqual([
      { account: '2150', debit: '7.5000', credit: '0.0000' },
      { account: '1200', debit: '0.0000', credit: '7.5000' },
    ]);
    // Every currency's debits equal its credits.
    for (const total of (await journal()).totals) expect(total.debit).toBe(total.credit);
    await ledgerClean();
  });

  it('exports the journal as CSV with a byte-order mark, one row per line, filtered by date', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const json = await journal(`?from=${today}&to=${today}`);
    expect(json.entries.length).toBeGreaterThan(0);
    expect(json.entries.every((e) => e.entryDate === today)).toBe(true);
    const res = await t.http
      .get(`/api/finance/journal?from=${today}&to=${today}&format=csv`)
      .set('Authorization', bearerOf(finance))
      .buffer(true)
      .parse((r, cb) => {
        let s = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (s += c));
        r.on('end', () => cb(null, s));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const text = res.body as string;
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(JOURNAL_COLUMNS.join(','));
    expect(rows).toHaveLength(1 + json.entries.reduce((n, e) => n + e.lines.length, 0));
    // Nothing before the range; a range backwards is a 400 naming the field.
    expect((await journal('?to=2000-01-01')).entries).toEqual([]);
    const backwards = await finance.get('/api/finance/journal?from=2026-12-31&to=2026-12-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].field).toBe('from');
    // Vendor finance reads it; a distributor and a channel manager do not.
    expect((await arrow.get('/api/finance/journal')).status).toBe(403);
    expect((await (await t.as(USERS.cm)).get('/api/finance/journal')).status).toBe(403);
  });

  it('reverses the accrual of a claim in review when its authorization is cancelled', async () => {
    const auth = await approvedAuthorization(t, { quantity: 50, cost: '5.0270' });
    const c = await claim(auth, 4);
    const id = (await arrow.get(`/api/authorizations?number=${encodeURIComponent(auth.number)}`)).body.items?.[0]?.id;
    const authorizationId =
      id ?? (await arrow.get('/api/authorizations')).body.items.find((a: { number: string }) => a.number === auth.number).id;
    const asked = await arrow.post(`/api/authorizations/${authorizationId}/changes`, { kind: 'cancel', effectiveFrom: '2026-11-01' });
    expect(asked.status).toBe(201);
    expect((await (await t.as(USERS.cm)).post(`/api/requests/${asked.body.id}/approve`, {})).status).toBe(200);
    const entries = await entriesOf('claim', c.id);
    expect(entries.map((e) => [e.kind, e.amount])).toEqual([
      ['accrual', '4.0000'],
      ['reversal', '4.0000'],
    ]);
    await ledgerClean();
  });

  it('posts with the account codes an administrator sets for the program type (audited); others may not set them', async () => {
    const codes = { expense: '5100-SD', accrued: '2300.10', payable: 'AR-DIST' };
    expect((await put(finance, '/api/finance/accounts/ship_and_debit', codes)).status).toBe(403);
    const bad = await t.http
      .put('/api/finance/accounts/ship_and_debit')
      .set('Authorization', bearerOf(admin))
      .send({ ...codes, accrued: 'two words' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('accrued');
    const set = await t.http.put('/api/finance/accounts/ship_and_debit').set('Authorization', bearerOf(admin)).send(codes);
    expect(set.status).toBe(200);
    expect(set.body.accounts.find((a: { programType: string }) => a.programType === 'ship_and_debit')).toMatchObject({
      ...codes,
      own: true,
    });
    expect(set.body.accounts.find((a: { programType: string }) => a.programType === 'rebate')).toMatchObject({
      expense: '4950',
      own: false,
    });
    const auth = await approvedAuthorization(t, { quantity: 20, cost: '5.0270' });
    const c = await claim(auth, 3);
    expect((await entriesOf('claim', c.id))[0]!.lines.map((l) => l.account)).toEqual(['5100-SD', '2300.10']);
    const audit = (await admin.get('/api/audit?action=finance.accounts_changed')).body.items;
    expect(audit[0]).toMatchObject({ entityId: 'ship_and_debit', before: { expense: '4950' }, after: codes });
    await ledgerClean();
  });

  it('requires the ERP reference to pay when the vendor says so, and lists credit memos with it', async () => {
    expect((await put(finance, '/api/finance/settings', { erpReferenceRequired: true })).status).toBe(403);
    const on = await t.http.put('/api/finance/settings').set('Authorization', bearerOf(admin)).send({ erpReferenceRequired: true });
    expect(on.status).toBe(200);
    expect(on.body.erpReferenceRequired).toBe(true);
    const auth = await approvedAuthorization(t, { quantity: 20, cost: '5.0270' });
    const c = await claim(auth, 2);
    const refused = await authorizeAndPay(c.id, null);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ERP_REFERENCE_REQUIRED');
    expect(refused.body.errors[0].field).toBe('externalRef');
    // Nothing was paid: the claim stays authorized, no memo, no payment entry.
    expect((await finance.get(`/api/claims/${c.id}`)).body.status).toBe('authorized');
    expect((await entriesOf('claim', c.id)).some((e) => e.kind === 'payment')).toBe(false);
    const paid = await finance2.post(`/api/claims/${c.id}/pay`, { externalRef: 'SAP-4711' });
    expect(paid.status).toBe(200);
    const off = await t.http.put('/api/finance/settings').set('Authorization', bearerOf(admin)).send({ erpReferenceRequired: false });
    expect(off.body.erpReferenceRequired).toBe(false);
    expect((await admin.get('/api/audit?action=finance.settings_changed')).body.items).toHaveLength(2);

    const list = await finance.get('/api/finance/credit-memos?limit=2');
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      number: paid.body.creditMemo.number,
      source: 'claim',
      sourceId: c.id,
      sourceNumber: c.number,
      amount: '2.0000',
      erpReference: 'SAP-4711',
    });
    // Pages by cursor meet every memo once; the totals are per currency over the whole list.
    const seen: string[] = [];
    for (let cursor: string | null = null, n = 0; n < 50; n++) {
      const page: { body: { items: { number: string }[]; nextCursor: string | null } } = await finance.get(
        `/api/finance/credit-memos?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.number));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(list.body.totals.reduce((n: number, x: { count: number }) => n + x.count, 0));
    // A distributor sees only its own: naming another's id is a 403 naming distributorId (test/api/tenancy.test.ts).
    const arrowheadId = (await arrow.get(`/api/claims/${c.id}`)).body.distributorId;
    const northList = await north.get(`/api/finance/credit-memos?distributorId=${arrowheadId}&limit=500`);
    expect({ status: northList.status, code: northList.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(northList.body.errors).toEqual([{ field: 'distributorId', message: expect.any(String) }]);
    const mine = await arrow.get('/api/finance/credit-memos?limit=500');
    expect(mine.body.items.every((i: { distributorId: number }) => i.distributorId === arrowheadId)).toBe(true);
    expect(mine.body.items.some((i: { number: string }) => i.number === paid.body.creditMemo.number)).toBe(true);
    expect((await finance.get('/api/finance/credit-memos?cursor=bm9wZQ')).status).toBe(400);
    await ledgerClean();
  });

  it('records the ERP reference of a memo paid without one, once, on the memo and its payment entry, audited', async () => {
    const auth = await approvedAuthorization(t, { quantity: 20, cost: '5.0270' });
    const c = await claim(auth, 3);
    const paid = await authorizeAndPay(c.id, null);
    expect(paid.status).toBe(200);
    const number = paid.body.creditMemo.number as string;
    const path = `/api/finance/credit-memos/${number}/erp-reference`;
    expect((await (await t.as(USERS.cm)).post(path, { erpReference: 'SAP-9001' })).status).toBe(403);
    expect((await arrow.post(path, { erpReference: 'SAP-9001' })).status).toBe(403);
    expect((await finance.post(path, { erpReference: '  ' })).status).toBe(400);
    expect((await finance.post('/api/finance/credit-memos/CM-NOPE/erp-reference', { erpReference: 'SAP-9001' })).status).toBe(404);
    const set = await finance.post(path, { erpReference: 'SAP-9001' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ creditMemoNumber: number, erpReference: 'SAP-9001' });
    const again = await finance2.post(path, { erpReference: 'SAP-9002' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ERP_REFERENCE_SET');
    const memo = ((await finance.get('/api/finance/credit-memos?limit=500')).body.items as { number: string; erpReference: string }[]).find(
      (m) => m.number === number,
    );
    expect(memo!.erpReference).toBe('SAP-9001');
    expect((await entriesOf('claim', c.id)).find((e) => e.kind === 'payment')).toMatchObject({ erpReference: 'SAP-9001' });
    const audit = (await admin.get('/api/audit?action=credit_memo.erp_reference')).body.items as { entityId: string; after: object }[];
    expect(audit).toEqual([expect.objectContaining({ entityId: String(c.id), after: { creditMemo: number, externalRef: 'SAP-9001' } })]);
    await ledgerClean();
  });

  it('pushes each posted credit memo to a webhook, signed, retried after a failure', async () => {
    if (!redis) return console.error('!! Redis does not answer: the finance webhook test is skipped');
    script.set('/erp', [500, 200]);
    const created = await t.http
      .post('/api/webhooks')
      .set('Authorization', bearerOf(admin))
      .send({ url: `${base}/erp`, events: ['credit_memo.posted'], description: 'ERP' });
    expect(created.status).toBe(201);
    const auth = await approvedAuthorization(t, { quantity: 20, cost: '5.0270' });
    const c = await claim(auth, 5);
    const paid = await authorizeAndPay(c.id, 'ERP-WH-1');
    expect(paid.status).toBe(200);
    await notificationsSettled();
    const until = Date.now() + 20_000;
    while (received.filter((r) => r.path === '/erp').length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    const deliveries = received.filter((r) => r.path === '/erp');
    expect(deliveries).toHaveLength(2);
    const last = deliveries[1]!;
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(last.headers['bec-signature']));
    expect(m).not.toBeNull();
    const expected = createHmac('sha256', created.body.secret).update(`${m![1]}.${last.raw}`).digest();
    expect(timingSafeEqual(expected, Buffer.from(m![2]!, 'hex'))).toBe(true);
    const payload = JSON.parse(last.raw);
    expect(payload.type).toBe('credit_memo.posted');
    expect(payload.data).toMatchObject({
      creditMemo: paid.body.creditMemo.number,
      source: 'claim',
      sourceId: c.id,
      amount: '5.0000',
      erpReference: 'ERP-WH-1',
    });
    expect(payload.data.journalEntry.lines.map((l: { debit: string }) => l.debit)).toContain('5.0000');
    const log = (await admin.get(`/api/webhooks/${created.body.id}/deliveries`)).body.items;
    expect(log[0]).toMatchObject({ event: 'credit_memo.posted', status: 'succeeded', attempts: 2 });
  });

  it('closes a month: its figures are stored as reported, later changes post into the next open month, an admin reopens it with a reason', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const before = await finance.get(`/api/finance/periods/${month}`);
    expect(before.status).toBe(200);
    expect(before.body.status).toBe('open');
    const future = await finance.post('/api/finance/periods/2999-01/close');
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('MONTH_NOT_STARTED');
    expect((await finance.post('/api/finance/periods/2026-13/close')).status).toBe(400);

    const closed = await finance.post(`/api/finance/periods/${month}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.figures).toEqual(before.body.figures);
    expect((await finance.post(`/api/finance/periods/${month}/close`)).body.code).toBe('MONTH_CLOSED');

    // A change now: posted into the first open month, saying so.
    const auth = await approvedAuthorization(t, { quantity: 20, cost: '5.0270' });
    const c = await claim(auth, 6);
    const [accrual] = await entriesOf('claim', c.id);
    const [y, mo] = month.split('-').map(Number) as [number, number];
    const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
    expect(accrual).toMatchObject({ month: next, entryDate: `${next}-01`, eventDay: new Date().toISOString().slice(0, 10) });
    expect(accrual!.note).toContain(`closed month ${month}`);
    // The closed month's figures are those reported at its close.
    expect((await finance.get(`/api/finance/periods/${month}`)).body.figures).toEqual(before.body.figures);
    await ledgerClean();

    expect((await finance.post(`/api/finance/periods/${month}/reopen`, { reason: 'late invoice' })).status).toBe(403);
    expect((await admin.post(`/api/finance/periods/${month}/reopen`, {})).status).toBe(400);
    const reopened = await admin.post(`/api/finance/periods/${month}/reopen`, { reason: 'a late credit note' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', reopenReason: 'a late credit note' });
    expect((await admin.post(`/api/finance/periods/${month}/reopen`, { reason: 'again' })).body.code).toBe('MONTH_NOT_CLOSED');
    const c2 = await claim(auth, 1);
    expect((await entriesOf('claim', c2.id))[0]!.month).toBe(month);
    const audit = (await admin.get('/api/audit?entityType=finance_period')).body.items as { action: string; reason: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['finance_period.closed', 'finance_period.reopened']));
    expect(audit.find((a) => a.action === 'finance_period.reopened')!.reason).toBe('a late credit note');
    const months = (await finance.get('/api/finance/periods')).body.items as { month: string; status: string }[];
    expect(months.find((p) => p.month === month)).toMatchObject({ status: 'open', reopenReason: 'a late credit note' });
    expect(months.find((p) => p.month === next)).toMatchObject({ status: 'open' });
    expect((await finance.get('/api/finance/periods/2026-13')).status).toBe(404);
    await ledgerClean();
  });
});
