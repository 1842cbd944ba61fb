import { readdirSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

describeDb('idempotent creation and clear errors on bad input', () => {
  let t: TestApp;
  let authNumber: string;
  beforeAll(async () => {
    t = await startTestApp();
    authNumber = (await (await t.as(USERS.arrowhead)).get('/api/authorizations')).body.items.at(-1).number;
  });
  afterAll(() => t.close());

  const claimBody = (memo: string, invoice: string) => ({
    debitMemoNumber: memo,
    lines: [
      {
        authorizationNumber: authNumber,
        vendorPartNumber: 'VS-MCU-32F4',
        endCustomerName: 'Helios Medical Devices',
        invoiceNumber: invoice,
        invoiceLine: '1',
        invoiceDate: '2026-11-12',
        quantity: 10,
        bookCost: '5.2890',
        authorizedCost: '4.1000',
      },
    ],
  });

  it('returns the first response to a retry with the same Idempotency-Key, and creates one claim', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const before = (await arrow.get('/api/claims')).body.total;
    const first = await arrow.post('/api/claims', claimBody('IDEM-1', 'IDEM-INV-1'), { 'Idempotency-Key': 'k-1' });
    const retry = await arrow.post('/api/claims', claimBody('IDEM-1', 'IDEM-INV-1'), { 'Idempotency-Key': 'k-1' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect((await arrow.get('/api/claims')).body.total).toBe(before + 1);
  });

  it('answers 422 to the same key with another body', async () => {
    const arrow = await t.as(USERS.arrowhead);
    await arrow.post('/api/claims', claimBody('IDEM-2', 'IDEM-INV-2'), { 'Idempotency-Key': 'k-2' });
    const other = await arrow.post('/api/claims', claimBody('IDEM-3', 'IDEM-INV-3'), { 'Idempotency-Key': 'k-2' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  // Streamed bodies (claim files, POS reports): the fingerprint is the SHA-256 of the bytes, with the query string.
  const bearer = (c: Client) => bearerOf(c);
  const upload = (c: Client, path: string, csv: string, key?: string, type = 'text/csv') => {
    const req = t.http.post(path).set('Authorization', bearer(c)).set('Content-Type', type);
    return (key ? req.set('Idempotency-Key', key) : req).send(csv);
  };
  /** An authorization with units left to claim (the seed's are used up by its own claims). */
  let fileAuth: string;
  beforeAll(async () => {
    const arrow = await t.as(USERS.arrowhead);
    const program = (await arrow.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SD-2026');
    const cascade = (await arrow.get('/api/accounts?type=end_customer&q=Cascade')).body.items[0];
    const adc = (await arrow.get('/api/products?q=VS-ADC-24S')).body.items[0];
    const created = await arrow.post('/api/requests', {
      programId: program.id,
      endCustomerId: cascade.id,
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      lines: [{ productId: adc.id, quantity: 1000, requestedCost: '5.9270' }],
    });
    const approved = await (await t.as(USERS.cm)).post(`/api/requests/${created.body.id}/approve`, { comment: 'ok' });
    fileAuth = (await arrow.get(`/api/authorizations/${approved.body.authorizationId}`)).body.number;
  });
  const claimFile = (invoice: string, lines = 1) =>
    [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Book Cost,Debit Cost,S&D Number,End Customer',
      ...Array.from({ length: lines }, (_, i) =>
        [invoice, i + 1, '2026-11-12', 'VS-ADC-24S', 2, '6.0270', '5.9270', fileAuth, 'Cascade Robotics'].join(','),
      ),
    ].join('\r\n');
  const claimsByMemo = async (c: Client, memo: string) =>
    ((await c.get('/api/claims?pageSize=200')).body.items as { id: number; debitMemoNumber: string | null }[]).filter(
      (x) => x.debitMemoNumber === memo,
    );

  it('answers 422 to the same key with another claim file, and that file is claimed when sent with its own key', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const before = (await arrow.get('/api/claims')).body.total;
    const first = await upload(arrow, '/api/claims/file?wait=true&debitMemoNumber=IDEM-F1', claimFile('IDEM-F-INV-1'), 'kf-1');
    expect(first.status).toBe(201);
    expect(first.body.lines.accepted).toBe(1);
    // Another file (its own lines and debit memo number) under the same key: refused, not a replay of the first.
    const second = await upload(arrow, '/api/claims/file?wait=true&debitMemoNumber=IDEM-F2', claimFile('IDEM-F-INV-2'), 'kf-1');
    expect(second.status).toBe(422);
    expect(second.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(second.headers['idempotency-replayed']).toBeUndefined();
    expect(await claimsByMemo(arrow, 'IDEM-F2')).toEqual([]);
    // The same query string, another body: refused too.
    const otherBody = await upload(arrow, '/api/claims/file?wait=true&debitMemoNumber=IDEM-F1', claimFile('IDEM-F-INV-3'), 'kf-1');
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // The refused file, sent with a key of its own, is claimed.
    const resent = await upload(arrow, '/api/claims/file?wait=true&debitMemoNumber=IDEM-F2', claimFile('IDEM-F-INV-2'), 'kf-2');
    expect(resent.status).toBe(201);
    expect(resent.body.claim.debitMemoNumber).toBe('IDEM-F2');
    expect(resent.body.lines.accepted).toBe(1);
    expect((await claimsByMemo(arrow, 'IDEM-F2')).map((c) => c.id)).toEqual([resent.body.claim.id]);
    expect((await arrow.get('/api/claims')).body.total).toBe(before + 2);
  });

  it('replays the stored answer to the same claim file sent again with the same key, and claims it once', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const before = (await arrow.get('/api/claims')).body.total;
    const csv = claimFile('IDEM-F-INV-4', 3);
    const first = await upload(arrow, '/api/claims/file?wait=true&debitMemoNumber=IDEM-F4', csv, 'kf-4');
    expect(first.status).toBe(201);
    expect(first.body.rows).toEqual({ read: 3, rejected: 0 });
    expect(first.body.lines).toMatchObject({ accepted: 3, rejected: 0 });
    const retry = await upload(arrow, '/api/claims/file?wait=true&debitMemoNumber=IDEM-F4', csv, 'kf-4');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await arrow.get('/api/claims')).body.total).toBe(before + 1);
  });

  it('answers 422 to the same key and the same file with another query string', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const csv = claimFile('IDEM-F-INV-5');
    expect((await upload(arrow, '/api/claims/file?wait=true&debitMemoNumber=IDEM-F5', csv, 'kf-5')).status).toBe(201);
    const other = await upload(arrow, '/api/claims/file?wait=true&debitMemoNumber=IDEM-F6', csv, 'kf-5');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await claimsByMemo(arrow, 'IDEM-F6')).toEqual([]);
  });

  it('spools a streamed POS report with a key: the import reads every row, a retry replays it, another report is refused', async () => {
    const arrow = await t.as(USERS.arrowhead);
    // Big enough to cross many stream chunks (about 400 kB); its rows are valid POS lines.
    const rows = 4000;
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,Unit Cost,S&D Number,End Customer',
      ...Array.from({ length: rows }, (_, i) =>
        ['IDEM-POS-' + i, 1, '2026-11-12', 'VS-MCU-32F4', 1, '4.1000', authNumber, 'Helios Medical Devices'].join(','),
      ),
    ].join('\n');
    // The app runs in this process: its temp folders are named with this process's id.
    const mine = `bec-body-${process.pid}-`;
    const seen = new Set<string>();
    const watcher = watch(tmpdir(), (_event, name) => void (name?.startsWith(mine) && seen.add(name)));
    try {
      const first = await upload(arrow, '/api/imports?wait=true&fileName=idem.csv', csv, 'ki-1');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'completed', rowsRead: rows, rowsRejected: 0, processedBytes: Buffer.byteLength(csv) });
      const retry = await upload(arrow, '/api/imports?wait=true&fileName=idem.csv', csv, 'ki-1');
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(retry.body.id).toBe(first.body.id);
      const other = await upload(arrow, '/api/imports?wait=true&fileName=idem.csv', csv.replace('IDEM-POS-0,', 'IDEM-POS-X,'), 'ki-1');
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      // A body no route takes (not a CSV) is refused before it is spooled.
      const refused = await upload(arrow, '/api/imports', csv, 'ki-2', 'application/xml');
      expect(refused.status).toBe(415);
      await new Promise((r) => setTimeout(r, 100));
      // Each of the three bodies went through a temp folder of its own, and none is left once answered.
      expect(seen.size).toBe(3);
      for (let i = 0; i < 50 && readdirSync(tmpdir()).some((n) => n.startsWith(mine)); i++) await new Promise((r) => setTimeout(r, 20));
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith(mine))).toEqual([]);
      // Without a key nothing is spooled.
      expect((await upload(arrow, '/api/imports?wait=true&fileName=idem-2.csv', csv)).status).toBe(201);
      await new Promise((r) => setTimeout(r, 100));
      expect(seen.size).toBe(3);
    } finally {
      watcher.close();
    }
    const imports = (await arrow.get('/api/imports')).body.items as { fileName: string }[];
    expect(imports.filter((i) => i.fileName === 'idem.csv')).toHaveLength(1);
  });

  it("replays a queued job's answer with its Location: the retry names the same job", async () => {
    const arrow = await t.as(USERS.arrowhead);
    const csv = ['Invoice No,Line,Invoice Date,Mfr Part,Qty', 'IDEM-LOC-1,1,2026-11-12,VS-MCU-32F4,1'].join('\n');
    const first = await upload(arrow, '/api/imports?fileName=idem-loc.csv', csv, 'kl-1');
    expect(first.status).toBe(202);
    expect(first.headers.location).toMatch(/^\/api\/imports\/\d+$/);
    const retry = await upload(arrow, '/api/imports?fileName=idem-loc.csv', csv, 'kl-1');
    expect(retry.status).toBe(202);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.body.id).toBe(first.body.id);
    // An answer without a Location (a claim made at once: 201 with its body) replays without one.
    const made = await arrow.post('/api/claims', claimBody('IDEM-LOC', 'IDEM-LOC-INV-1'), { 'Idempotency-Key': 'kl-2' });
    const again = await arrow.post('/api/claims', claimBody('IDEM-LOC', 'IDEM-LOC-INV-1'), { 'Idempotency-Key': 'kl-2' });
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.headers.location).toBe(made.headers.location);
  });

  it('still fingerprints a JSON body: the same key with the same JSON and another query string is refused', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const first = await arrow.post('/api/claims', claimBody('IDEM-J1', 'IDEM-J-INV-1'), { 'Idempotency-Key': 'kj-1' });
    expect(first.status).toBe(201);
    const again = await arrow.post('/api/claims', claimBody('IDEM-J1', 'IDEM-J-INV-1'), { 'Idempotency-Key': 'kj-1' });
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const query = await arrow.post('/api/claims?x=1', claimBody('IDEM-J1', 'IDEM-J-INV-1'), { 'Idempotency-Key': 'kj-1' });
    expect(query.status).toBe(422);
    expect(query.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps keys per caller: another user with the same key is not replayed', async () => {
    const north = await t.as(USERS.northbridge);
    const res = await north.post('/api/claims', { ...claimBody('IDEM-N', 'IDEM-INV-N') }, { 'Idempotency-Key': 'k-1' });
    expect(res.headers['idempotency-replayed']).toBeUndefined();
    expect(res.status).toBe(201);
    expect(res.body.distributorId).toBe(3);
  });

  it('refuses a re-sent claim with the same debit memo number', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const again = await arrow.post('/api/claims', claimBody('IDEM-1', 'IDEM-INV-9'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CLAIM_ALREADY_EXISTS');
    expect(typeof again.body.claimId).toBe('number');
  });

  it('names the bad field of a claim line, as problem+json', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const body = claimBody('BAD-1', 'BAD-INV');
    const res = await arrow.post('/api/claims', { ...body, lines: [{ ...body.lines[0], invoiceDate: '11/12/2026', bookCost: 5.289 }] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['lines.0.bookCost', 'lines.0.invoiceDate']);
  });

  it('names only the quantity of a line with a negative quantity, not its costs', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const body = claimBody('BAD-2', 'BAD-INV-2');
    const res = await arrow.post('/api/claims', { ...body, lines: [{ ...body.lines[0], quantity: -3 }] });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['lines.0.quantity']);
  });

  it("takes a claim in the distributor's currency, in any case, refuses another, and refuses one that is not three letters", async () => {
    const arrow = await t.as(USERS.arrowhead);
    const created = await arrow.post('/api/claims', { ...claimBody('CUR-1', 'CUR-INV-1'), currency: 'usd' });
    expect(created.status).toBe(201);
    expect(created.body.currency).toBe('USD');
    expect((await arrow.get(`/api/claims/${created.body.id}`)).body.currency).toBe('USD');
    const unset = await arrow.post('/api/claims', { ...claimBody('CUR-3', 'CUR-INV-3'), currency: undefined });
    expect(unset.status).toBe(201);
    expect(unset.body.currency).toBe('USD');
    // Arrowhead's authorizations are in USD: the same figures as euros are refused, never approved as euros.
    const other = await arrow.post('/api/claims', { ...claimBody('CUR-4', 'CUR-INV-4'), currency: 'EUR' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'CURRENCY_MISMATCH', errors: [{ field: 'currency' }] });
    for (const currency of ['euro', 'E1R', '']) {
      const bad = await arrow.post('/api/claims', { ...claimBody('CUR-2', 'CUR-INV-2'), currency });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['currency']);
    }
  });

  it('refuses money with more than 4 decimals, and malformed JSON', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const res = await arrow.post('/api/requests', {
      programId: 1,
      endCustomerId: 6,
      validFrom: '2026-11-01',
      validTo: '2026-12-31',
      lines: [{ productId: 1, quantity: 5, requestedCost: '4.12345' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('lines.0.requestedCost');
    const raw = await t.http.post('/api/claims').set('Content-Type', 'application/json').send('{"lines": [');
    expect(raw.status).toBe(400);
    expect(raw.body.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(raw.body)).not.toMatch(/at .*\.ts|SELECT|INSERT/);
  });

  it('refuses a request that names one product on two lines, naming the second', async () => {
    const north = await t.as(USERS.northbridge);
    const spa = (await north.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'SPA-DESIGNWIN');
    const ldo = (await north.get('/api/products?q=VS-LDO')).body.items[0];
    const ec = (await north.get('/api/accounts?type=end_customer')).body.items[0];
    const res = await north.post('/api/requests', {
      programId: spa.id,
      endCustomerId: ec.id,
      validFrom: '2026-12-01',
      validTo: '2026-12-31',
      lines: [
        { productId: ldo.id, quantity: 100, requestedCost: '0.5000' },
        { productId: ldo.id, quantity: 50, requestedCost: '0.4000' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'lines.1.productId', message: expect.stringContaining('already on line 1') }]);
  });

  it('refuses a request that does not fit its program, naming each field', async () => {
    const north = await t.as(USERS.northbridge);
    const programs = (await north.get('/api/programs')).body.items;
    const spa = programs.find((p: { code: string }) => p.code === 'SPA-DESIGNWIN');
    const ldo = (await north.get('/api/products?q=VS-LDO')).body.items[0];
    const ec = (await north.get('/api/accounts?type=end_customer')).body.items[0];
    const res = await north.post('/api/requests', {
      programId: spa.id,
      endCustomerId: ec.id,
      validFrom: '2025-01-01',
      validTo: '2026-12-31',
      lines: [{ productId: ldo.id, quantity: 60000, requestedCost: '0.5000' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NOT_ELIGIBLE');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'lines.0.productId',
      'lines.0.quantity',
      'lines.0.requestedCost',
      'validFrom',
    ]);
  });

  it('signs in with a cookie session and requires the CSRF token on writes', async () => {
    const agent = (await import('supertest')).default.agent(t.app);
    expect((await agent.post('/api/session').send({ email: USERS.finance, password: 'wrong' })).status).toBe(401);
    const s = await agent.post('/api/session').send({ email: USERS.arrowhead, password: 'bec-demo-2026' });
    expect(s.status).toBe(200);
    expect(s.headers['set-cookie'][0]).toMatch(/bec_session=.*HttpOnly/);
    const claim = (await agent.get('/api/claims')).body.items[0];
    expect((await agent.post(`/api/claims/${claim.id}/notes`).send({ body: 'hello' })).status).toBe(403);
    expect((await agent.post(`/api/claims/${claim.id}/notes`).set('X-CSRF-Token', s.body.csrfToken).send({ body: 'hello' })).status).toBe(
      201,
    );
  });

  it('revokes an API token', async () => {
    const agent = (await import('supertest')).default.agent(t.app);
    const s = await agent.post('/api/session').send({ email: USERS.finance, password: 'bec-demo-2026' });
    const issued = await agent.post('/api/tokens').set('X-CSRF-Token', s.body.csrfToken).send({ name: 'erp' });
    expect(issued.body.token).toMatch(/^bec_/);
    const bearer = `Bearer ${issued.body.token}`;
    expect((await t.http.get('/api/claims').set('Authorization', bearer)).status).toBe(200);
    expect((await agent.delete(`/api/tokens/${issued.body.id}`).set('X-CSRF-Token', s.body.csrfToken)).status).toBe(204);
    expect((await t.http.get('/api/claims').set('Authorization', bearer)).status).toBe(401);
  });
});
