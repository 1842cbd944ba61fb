import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

/**
 * Several clients writing at once through the API: no request may fail with a server error.
 * On the embedded SQLite database every transaction runs on a connection of its own; one that
 * reads before it writes must wait for the write lock, not fail with SQLITE_BUSY.
 */
describeDb('concurrent writes from several clients', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let cm: Client;
  let cm2: Client;
  let program: { id: number };
  let endCustomer: { id: number };
  let adc: { id: number };
  let authNumber: string;
  let fileAuth: string;
  beforeAll(async () => {
    t = await startTestApp();
    [arrow, north, cm, cm2] = await Promise.all([t.as(USERS.arrowhead), t.as(USERS.northbridge), t.as(USERS.cm), t.as(USERS.cm2)]);
    program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    endCustomer = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0];
    adc = (await arrow.get('/api/products?q=VS-ADC-24S')).body.items[0];
    authNumber = (await arrow.get('/api/authorizations')).body.items.at(-1).number;
    // The claim files draw on an authorization of their own. (On MariaDB a claim file and a claim
    // submitted on the same authorization lines at once can deadlock: reported, not this test's subject.)
    const created = await newRequest(arrow, 10_000);
    const approved = await cm.post(`/api/requests/${created.id}/approve`, { comment: 'ok' });
    fileAuth = (await arrow.get(`/api/authorizations/${approved.body.authorizationId}`)).body.number;
  });
  afterAll(() => t.close());

  const newRequest = async (by: Client, n: number) => {
    const created = await by.post('/api/requests', {
      programId: program.id,
      endCustomerId: endCustomer.id,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: [{ productId: adc.id, quantity: 100 + n, requestedCost: '5.9270' }],
    });
    expect(created.status).toBe(201);
    return created.body as { id: number; lines: { id: number }[] };
  };

  /** Counter, then accept the counter at once: the demo's flow. */
  const counterThenAccept = async (requester: Client, approver: Client, r: { id: number; lines: { id: number }[] }) => {
    const countered = await approver.post(`/api/requests/${r.id}/counter`, {
      comment: 'Meet in the middle',
      lines: [{ lineId: r.lines[0]!.id, counterCost: '5.9000' }],
    });
    const accepted = await requester.post(`/api/requests/${r.id}/accept-counter`);
    return [countered, accepted];
  };

  const claimBody = (memo: string) => ({
    debitMemoNumber: memo,
    submit: true,
    lines: [
      {
        authorizationNumber: authNumber,
        vendorPartNumber: 'VS-MCU-32F4',
        endCustomerName: 'Helios Medical Devices',
        invoiceNumber: `${memo}-INV`,
        invoiceLine: '1',
        invoiceDate: '2026-11-12',
        quantity: 1,
        bookCost: '5.2890',
        authorizedCost: '4.1000',
      },
    ],
  });

  /** A streamed CSV (a claim file or a POS report): on SQLite its rows are written outside any transaction. */
  const bearer = (c: Client) => bearerOf(c);
  const csv = (prefix: string, rows: number) =>
    [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer',
      ...Array.from({ length: rows }, (_, i) =>
        [`${prefix}-${i}`, 1, '2026-11-12', 'VS-ADC-24S', 1, '6.0270', '5.9270', fileAuth, 'Cascade Robotics'].join(','),
      ),
    ].join('\n');
  const upload = (path: string, body: string) =>
    t.http.post(path).set('Authorization', bearer(arrow)).set('Content-Type', 'text/csv').send(body);

  it('answers counter then accept-counter at once, and a burst of writes from several clients, without a server error', async () => {
    const claimId = (await arrow.get('/api/claims')).body.items[0].id as number;
    const requesters = [arrow, north, arrow, north];
    const pending: { id: number; lines: { id: number }[] }[] = [];
    for (const [i, by] of requesters.entries()) pending.push(await newRequest(by, i));
    const runs = await Promise.all([
      ...requesters.map((by, i) => counterThenAccept(by, i % 2 ? cm2 : cm, pending[i]!)),
      ...Array.from({ length: 6 }, (_, i) => arrow.post('/api/claims', claimBody(`CONC-${i}`)).then((r) => [r])),
      ...Array.from({ length: 6 }, (_, i) =>
        arrow.post(`/api/claims/${claimId}/notes`, { body: `note ${i}` }, { 'Idempotency-Key': `conc-note-${i}` }).then((r) => [r]),
      ),
      ...Array.from({ length: 4 }, () => cm.get('/api/requests?status=countered').then((r) => [r])),
      ...Array.from({ length: 2 }, (_, i) =>
        upload(`/api/claims/file?wait=true&debitMemoNumber=CONC-F${i}`, csv(`CONC-F${i}`, 300)).then((r) => [r]),
      ),
      ...Array.from({ length: 2 }, (_, i) => upload('/api/imports?wait=true', csv(`CONC-P${i}`, 300)).then((r) => [r])),
    ]);
    const responses = runs.flat();
    expect(responses).toHaveLength(4 * 2 + 6 + 6 + 4 + 2 + 2);
    // A problem+json answer names the route in `instance`.
    const failures = responses.filter((r) => r.status >= 500).map((r) => `${r.status} ${r.text}`);
    expect(failures).toEqual([]);
    // Every counter was accepted into an authorization at the countered cost.
    for (const [countered, accepted] of runs.slice(0, 4)) {
      expect(countered!.status).toBe(200);
      expect(accepted!.status).toBe(200);
      expect(accepted!.body.status).toBe('approved');
      const auth = (await cm.get(`/api/authorizations/${accepted!.body.authorizationId}`)).body;
      expect(auth.lines[0].authorizedCost).toBe('5.9000');
    }
    for (const [claim] of runs.slice(4, 10)) expect(claim!.status).toBe(201);
    for (const [note] of runs.slice(10, 16)) expect(note!.status).toBe(201);
    for (const [file] of runs.slice(20, 22)) {
      expect([file!.status, file!.body.rows]).toEqual([201, { read: 300, rejected: 0 }]);
      expect(file!.body.lines.accepted).toBe(300);
    }
    for (const [report] of runs.slice(22, 24)) expect([report!.status, report!.body.rowsRead]).toEqual([201, 300]);
  });
});
