/**
 * POS enrichment (issue 15 item 1) through the real import pipeline: end customer names matched
 * to the master (exact, normalized, fuzzy with a confidence), the review queue, aliases remembered
 * per distributor, unknown parts flagged, and a batch's work done in a few statements, not per line.
 */
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const HEADER = 'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,End Customer';

interface LineView {
  rowNumber: number;
  endCustomerName: string | null;
  endCustomerId: number | null;
  productId: number | null;
}
interface Review {
  id: number;
  distributorId: number;
  spelling: string;
  status: string;
  suggestedEndCustomerId: number | null;
  suggestedEndCustomerName: string | null;
  confidence: number;
}

describeDb('POS enrichment', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let cm: Client;
  let customers: Map<string, number>;
  let invoice = 0;
  beforeAll(async () => {
    t = await startTestApp();
    [arrow, north, cm] = await Promise.all([t.as(USERS.arrowhead), t.as(USERS.northbridge), t.as(USERS.cm)]);
    const accounts = (await cm.get('/api/accounts?type=end_customer')).body.items as { id: number; name: string }[];
    customers = new Map(accounts.map((a) => [a.name, a.id]));
  });
  afterAll(() => t.close());

  /** Imports one line per name (a fresh invoice each time), waits for the job, returns its id and lines by row. */
  async function importNames(c: Client, names: string[], part: (i: number) => string = () => 'VS-PMIC-45A') {
    const prefix = `ENR-${++invoice}`;
    const csv = [HEADER, ...names.map((n, i) => `${prefix},${i + 1},2026-11-02,${part(i)},5,"${n}"`)].join('\n');
    const res = await t.http.post('/api/imports?wait=true').set('Authorization', bearerOf(c)).set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(201);
    expect(res.body.rowsAccepted).toBe(names.length);
    const id = res.body.id as number;
    const lines = (await c.get(`/api/imports/${id}/lines?limit=500`)).body.items as LineView[];
    return { id, byRow: (row: number) => lines.find((l) => l.rowNumber === row)! };
  }

  const openReviews = async (c: Client) =>
    ((await c.get('/api/enrichment/reviews?status=open&limit=500')).body.items as Review[]).filter((r) => r.status === 'open');

  it('links exact and normalized spellings (case, punctuation, legal forms, spaces) and a sure fuzzy one at once', async () => {
    const { byRow } = await importNames(arrow, [
      'Cascade Robotics',
      'CASCADE   ROBOTICS, INC.',
      'Helios Medical Devices GmbH',
      'Orion Automotive AG',
      'Cascade Robotcs',
    ]);
    const cascade = customers.get('Cascade Robotics')!;
    expect(byRow(2).endCustomerId).toBe(cascade);
    expect(byRow(3).endCustomerId).toBe(cascade);
    expect(byRow(4).endCustomerId).toBe(customers.get('Helios Medical Devices'));
    expect(byRow(5).endCustomerId).toBe(customers.get('Orion Automotive'));
    // one letter missing: fuzzy, above the auto-link confidence, far ahead of any other customer
    expect(byRow(6).endCustomerId).toBe(cascade);
    // none of them needed a person
    expect((await openReviews(cm)).map((r) => r.spelling)).toEqual([]);
  });

  let heliosReview: Review;
  it('queues a less sure spelling once, with its best candidate and confidence, and leaves the line unlinked', async () => {
    const { byRow } = await importNames(arrow, ['Helios Medical', 'Zenith Widgets Ltd', 'helios  medical']);
    expect(byRow(2).endCustomerId).toBeNull();
    expect(byRow(3).endCustomerId).toBeNull();
    const open = await openReviews(cm);
    expect(open.map((r) => r.spelling).sort()).toEqual(['Helios Medical', 'Zenith Widgets Ltd']);
    heliosReview = open.find((r) => r.spelling === 'Helios Medical')!;
    expect(heliosReview.suggestedEndCustomerName).toBe('Helios Medical Devices');
    expect(heliosReview.confidence).toBeGreaterThan(0.6);
    expect(heliosReview.confidence).toBeLessThan(0.9);
    const zenith = open.find((r) => r.spelling === 'Zenith Widgets Ltd')!;
    expect(zenith.suggestedEndCustomerId).toBeNull();
    expect(zenith.confidence).toBe(0);
    // the next file with the same spellings adds nothing to the queue
    await importNames(arrow, ['HELIOS MEDICAL']);
    expect((await openReviews(cm)).length).toBe(2);
    // a distributor sees its own queue only
    expect(await openReviews(north)).toEqual([]);
    expect((await openReviews(arrow)).length).toBe(2);
  });

  it('lets only vendor admins and channel managers decide, and refuses a customer that is not in the master', async () => {
    const refused = await arrow.post(`/api/enrichment/reviews/${heliosReview.id}/confirm`, {
      endCustomerId: customers.get('Helios Medical Devices'),
    });
    expect(refused.status).toBe(403);
    const notEndCustomer = await cm.post(`/api/enrichment/reviews/${heliosReview.id}/confirm`, {
      endCustomerId: heliosReview.distributorId,
    });
    expect(notEndCustomer.status).toBe(400);
    expect(notEndCustomer.body.errors[0].field).toBe('endCustomerId');
  });

  it('remembers a confirmed spelling as the distributor alias: its lines are linked, the next file links at once, audited', async () => {
    const helios = customers.get('Helios Medical Devices')!;
    const res = await cm.post(`/api/enrichment/reviews/${heliosReview.id}/confirm`, { endCustomerId: helios });
    expect(res.status).toBe(200);
    expect(res.body.review).toMatchObject({ status: 'confirmed', endCustomerId: helios });
    // "Helios Medical", "helios  medical" and "HELIOS MEDICAL" of the two earlier files
    expect(res.body.posLinesLinked).toBe(3);
    const again = await cm.post(`/api/enrichment/reviews/${heliosReview.id}/confirm`, { endCustomerId: helios });
    expect(again.status).toBe(409);
    const audit = (await cm.get(`/api/audit?entityType=end_customer_review&entityId=${heliosReview.id}`)).body.items as {
      action: string;
      after: { endCustomerId: number };
    }[];
    expect(audit.map((a) => a.action)).toContain('end_customer_alias.confirmed');
    const aliases = (await arrow.get('/api/enrichment/aliases')).body.items as { spelling: string; endCustomerId: number }[];
    expect(aliases).toEqual([expect.objectContaining({ spelling: 'Helios Medical', endCustomerId: helios })]);

    const { byRow } = await importNames(arrow, ['Helios Medical, Inc.']);
    expect(byRow(2).endCustomerId).toBe(helios);
  });

  it('links a claim file line to the master end customer, keeps the link on the line, and the verdict follows it', async () => {
    // After the alias above: "HELIOS MEDICAL" is Helios Medical Devices for Arrowhead, whose authorization names it by id.
    const helios = customers.get('Helios Medical Devices')!;
    const auths = (await arrow.get('/api/authorizations?pageSize=200')).body.items as {
      number: string;
      status: string;
      endCustomerId: number | null;
      lines: { vendorPartNumber: string; authorizedCost: string; bookCost: string | null; remainingQuantity: number }[];
    }[];
    const auth = auths.find(
      (a) =>
        a.endCustomerId === helios &&
        a.status === 'active' &&
        a.lines.some((l) => l.vendorPartNumber === 'VS-PMIC-45A' && l.remainingQuantity >= 10),
    )!;
    expect(auth).toBeDefined();
    const line = auth.lines.find((l) => l.vendorPartNumber === 'VS-PMIC-45A')!;
    const csv = [
      'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Book Cost,Debit Cost,S&D Number,End Customer',
      `ENR-CF-${++invoice},1,2026-11-02,VS-PMIC-45A,3,${line.bookCost},${line.authorizedCost},${auth.number},HELIOS MEDICAL`,
      `ENR-CF-${invoice},2,2026-11-02,VS-PMIC-45A,2,${line.bookCost},${line.authorizedCost},${auth.number},Nobody Known 4711`,
    ].join('\n');
    const res = await t.http
      .post('/api/claims/file?wait=true')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(res.status).toBe(201);
    const claimId = (res.body.claim?.id ?? res.body.claimId) as number;
    const lines = (await arrow.get(`/api/claims/${claimId}/lines?limit=10`)).body.items as {
      lineNumber: number;
      endCustomerId: number | null;
      endCustomerName: string;
      verdict: string;
      reasonCodes: string[];
    }[];
    const [first, second] = [lines.find((l) => l.lineNumber === 1)!, lines.find((l) => l.lineNumber === 2)!];
    // The spelling the distributor sent stays what the line claims; the link decides the end customer rule.
    expect(first).toMatchObject({ endCustomerName: 'HELIOS MEDICAL', endCustomerId: helios });
    expect(first.reasonCodes).not.toContain('END_CUSTOMER_MISMATCH');
    expect(second.endCustomerId).toBeNull();
    expect(second.reasonCodes).toContain('END_CUSTOMER_MISMATCH');
    // The same through a POS report claimed afterwards (POST /api/imports/:id/claims).
    const pos = csv.replace(/ENR-CF-/g, 'ENR-POS-');
    const imported = await t.http
      .post('/api/imports?wait=true')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'text/csv')
      .send(pos);
    expect(imported.status).toBe(201);
    const run = await arrow.post(`/api/imports/${imported.body.id}/claims?wait=true`, { mode: 'implicit', groupBy: 'period' });
    expect(run.status).toBe(201);
    const posLines = (await arrow.get(`/api/claims/${run.body.claims[0].id}/lines?limit=10`)).body.items as typeof lines;
    expect(posLines.map((l) => [l.endCustomerName, l.endCustomerId, l.reasonCodes.includes('END_CUSTOMER_MISMATCH')]).sort()).toEqual([
      ['HELIOS MEDICAL', helios, false],
      ['Nobody Known 4711', null, true],
    ]);
    // A claim file's unknown spelling goes to the review queue as a POS report's does.
    const queued = (await openReviews(cm)).find((r) => r.spelling === 'Nobody Known 4711');
    expect(queued).toBeDefined();
    expect((await cm.post(`/api/enrichment/reviews/${queued!.id}/reject`, { reason: 'not a customer' })).status).toBe(200);
  });

  it('does not use one distributor alias for another distributor', async () => {
    const { byRow } = await importNames(north, ['Helios Medical']);
    expect(byRow(2).endCustomerId).toBeNull();
    expect((await openReviews(north)).map((r) => r.spelling)).toEqual(['Helios Medical']);
    expect((await north.get('/api/enrichment/aliases')).body.items).toEqual([]);
  });

  it('does not queue a rejected spelling again', async () => {
    const zenith = (await openReviews(cm)).find((r) => r.spelling === 'Zenith Widgets Ltd')!;
    const res = await cm.post(`/api/enrichment/reviews/${zenith.id}/reject`, { reason: 'a prospect, not in the CRM' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('rejected');
    const { byRow } = await importNames(arrow, ['Zenith Widgets']);
    expect(byRow(2).endCustomerId).toBeNull();
    expect((await openReviews(arrow)).map((r) => r.spelling)).toEqual([]);
  });

  it('flags a part that is neither a product nor a distributor part number, and lists it per import', async () => {
    const { id, byRow } = await importNames(arrow, ['Cascade Robotics', 'Cascade Robotics', 'Cascade Robotics'], (i) =>
      i === 1 ? 'VS-NOPE-9' : 'VS-PMIC-45A',
    );
    expect(byRow(3).productId).toBeNull();
    const res = await arrow.get(`/api/enrichment/unknown-parts?importId=${id}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { distributorId: expect.any(Number), partNumber: 'VS-NOPE-9', lines: 1, rows: [{ importId: id, fileRow: 3 }] },
    ]);
    // another distributor does not see it
    expect((await north.get(`/api/enrichment/unknown-parts?importId=${id}`)).body.items).toEqual([]);
    // a voided import's lines are gone, and so are their flags
    expect((await arrow.post(`/api/imports/${id}/void`, { reason: 'wrong part list' })).status).toBe(200);
    expect((await arrow.get(`/api/enrichment/unknown-parts?importId=${id}`)).body.items).toEqual([]);
  });

  it('matches a 2,000-line file in as many statements as a 20-line one (no query per line)', async () => {
    let queries = 0;
    const count = () => void queries++;
    t.db.sequelize.addHook('beforeQuery', 'count', count);
    try {
      const run = async (n: number) => {
        queries = 0;
        // every line a new spelling for the queue and an unknown part to flag
        await importNames(
          arrow,
          Array.from({ length: n }, (_, i) => `Prospect ${n}-${i} Systems`),
          (i) => `NOPE-${n}-${i}`,
        );
        return queries;
      };
      const small = await run(20);
      const large = await run(2000);
      expect(small).toBeGreaterThan(5);
      expect(large - small).toBeLessThan(10);
    } finally {
      t.db.sequelize.removeHook('beforeQuery', 'count');
    }
    const queued = (await cm.get('/api/enrichment/reviews?status=open&limit=500')).body.items as Review[];
    expect(queued.length).toBe(500);
  });
});
