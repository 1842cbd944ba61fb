/**
 * The API edge says what it does: amounts fit their DECIMAL(18,4) columns and are never negative,
 * quantities fit their INT columns, currencies are ISO 4217, a claim line takes only the fields the
 * OpenAPI document lists and honours each one, and the document states the line's "one of" rules.
 * Every refusal is a 400 VALIDATION_FAILED naming the field; none is a 500 and none stores anything.
 */
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}
const fieldsOf = (body: Problem) => (body.errors ?? []).map((e) => e.field);
/** The bearer header a harness client sends (as test/api/claim-file.test.ts reads it). */
const bearer = (c: Client) => bearerOf(c);

describeDb('claims contract', () => {
  let t: TestApp;
  let arrow: Client;
  let finance: Client;
  let authNumber: string;
  let cascadeId: number;
  let invoice = 0;

  /** A line on Arrowhead's one-line authorization (VS-ETH-PHY for Cascade Robotics, cost 3.2000). */
  const line = (over: Record<string, unknown> = {}) => ({
    authorizationNumber: authNumber,
    vendorPartNumber: 'VS-ETH-PHY',
    endCustomerName: 'Cascade Robotics',
    invoiceNumber: `ARW-CONTRACT-${++invoice}`,
    invoiceLine: '1',
    invoiceDate: '2026-10-20',
    quantity: 10,
    bookCost: '3.8950',
    authorizedCost: '3.2000',
    ...over,
  });
  const claim = (lines: object[], over: Record<string, unknown> = {}) => arrow.post('/api/claims', { submit: true, lines, ...over });

  /** Posts, expects a 400 VALIDATION_FAILED naming `field`, and returns the problem. */
  async function refused(res: Promise<{ status: number; body: Problem }> | { status: number; body: Problem }, field: string) {
    const r = await res;
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(fieldsOf(r.body)).toContain(field);
    return r.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    finance = await t.as(USERS.finance);
    authNumber = (await arrow.get('/api/authorizations')).body.items.find((a: { lines: unknown[] }) => a.lines.length === 1).number;
    const accounts = (await arrow.get('/api/accounts?type=end_customer')).body.items as { id: number; name: string }[];
    cascadeId = accounts.find((a) => a.name === 'Cascade Robotics')!.id;
  });
  afterAll(() => t.close());

  describe('money on a claim line', () => {
    it.each([
      ['bookCost', '-1.0000'],
      ['authorizedCost', '-99999999999999.9999'],
      ['resalePrice', '-5'],
      ['claimedAmount', '-10.00'],
      ['bookCost', '100000000000000'],
      ['authorizedCost', '1.23456'],
      ['claimedAmount', '1e5'],
    ])('refuses %s %s with a 400 naming it', async (field, value) => {
      const body = await refused(claim([line({ [field]: value })]), `lines.0.${field}`);
      expect(body.errors!.find((e) => e.field === `lines.0.${field}`)!.message).toMatch(/non-negative amount/);
    });

    it.each([0, -1, 1.5, 2 ** 31, 1e20])('refuses a quantity of %s', async (quantity) => {
      await refused(claim([line({ quantity })]), 'lines.0.quantity');
    });

    it('refuses a line whose (bookCost - authorizedCost) x quantity overflows the column, and stores nothing', async () => {
      const body = await refused(
        claim([line({ bookCost: '99999999999999.9999', authorizedCost: '0', quantity: 2 })], { debitMemoNumber: 'ARW-CT-OVF' }),
        'lines.0.quantity',
      );
      expect(body.errors![0]!.message).toMatch(/= 200000000000000\.0000 .*99999999999999\.9999/);
      // Nothing was stored: the debit memo is still free.
      const ok = await claim([line()], { debitMemoNumber: 'ARW-CT-OVF' });
      expect(ok.status).toBe(201);
      expect(ok.body.lines[0]).toMatchObject({ verdict: 'accepted', claimedAmount: '6.9500' });
    });

    it('refuses a claim whose total of claimed amounts overflows the column', async () => {
      const big = { claimedAmount: '60000000000000.0000', authorizedCost: null };
      await refused(claim([line(big), line(big)]), 'lines');
      // One such line alone fits (and the rules engine judges it).
      const one = await claim([line(big)]);
      expect(one.status).toBe(201);
      expect(one.body.lines[0]).toMatchObject({ claimedAmount: '60000000000000.0000' });
    });

    it('refuses an authorized cost above the book cost when the claimed amount would default to a negative one', async () => {
      const body = await refused(claim([line({ bookCost: '3.0000', authorizedCost: '3.2000' })]), 'lines.0.authorizedCost');
      expect(body.errors![0]!.message).toMatch(/negative/);
      // With a claimed amount given the line is the rules engine's to judge (nothing to recover).
      const judged = await claim([line({ bookCost: '3.0000', authorizedCost: '3.2000', claimedAmount: '1.00' })]);
      expect(judged.status).toBe(201);
      expect(judged.body.lines[0].claimedAmount).toBe('1.0000');
    });

    it('keeps claiming against the authorization after all of the above: no 500', async () => {
      const res = await claim([line({ quantity: 5 })]);
      expect(res.status).toBe(201);
      // (3.8950 - 3.2000) x 5 = 3.4750, rounded half-up to the cent.
      expect(res.body.lines[0]).toMatchObject({ verdict: 'accepted', approvedAmount: '3.4800' });
    });
  });

  describe('money elsewhere', () => {
    let programId: number;
    let openRequest: { id: number; lines: { id: number }[] };
    beforeAll(async () => {
      programId = (await arrow.get('/api/programs')).body.items.find((p: { code: string; type: string }) => p.type === 'ship_and_debit').id;
      const ok = await arrow.post('/api/requests', {
        programId,
        endCustomerId: cascadeId,
        validFrom: '2026-12-01',
        validTo: '2027-01-31',
        lines: [{ productId: 1, quantity: 10, requestedCost: '1.0000' }],
      });
      expect(ok.status).toBe(201);
      openRequest = ok.body;
    });
    const request = (line: Record<string, unknown>) =>
      arrow.post('/api/requests', {
        programId,
        endCustomerId: cascadeId,
        validFrom: '2026-12-01',
        validTo: '2027-01-31',
        lines: [{ productId: 1, quantity: 10, requestedCost: '1.0000', ...line }],
      });

    it.each(['-10.0000', '-99999999999999.9999', '100000000000000.0000'])('refuses a requested cost of %s', async (requestedCost) => {
      await refused(request({ requestedCost }), 'lines.0.requestedCost');
    });

    it('refuses a requested quantity beyond the INT range', async () => {
      await refused(request({ quantity: 2 ** 31 }), 'lines.0.quantity');
    });

    it('refuses a negative counter cost and an out-of-range counter quantity', async () => {
      const cm = await t.as(USERS.cm);
      const path = `/api/requests/${openRequest.id}/counter`;
      const lineId = openRequest.lines[0]!.id;
      await refused(cm.post(path, { comment: 'no', lines: [{ lineId, counterCost: '-1.0000' }] }), 'lines.0.counterCost');
      await refused(
        cm.post(path, { comment: 'no', lines: [{ lineId, counterCost: '1.0000', counterQuantity: 1e12 }] }),
        'lines.0.counterQuantity',
      );
      const r = await arrow.get(`/api/requests/${openRequest.id}`);
      expect(r.body.status).toBe('pending');
    });

    it('refuses a negative price floor and an out-of-range quantity cap on a program', async () => {
      const admin = await t.as(USERS.admin);
      const program = (over: Record<string, unknown>) =>
        admin.post('/api/programs', {
          code: `CT-${++invoice}`,
          name: 'contract',
          type: 'ship_and_debit',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          ...over,
        });
      await refused(program({ priceFloor: '-0.0100' }), 'priceFloor');
      await refused(program({ quantityCap: 1e12 }), 'quantityCap');
      expect((await program({ priceFloor: '0.0100', quantityCap: 1000 })).status).toBe(201);
    });

    it('refuses a negative approved amount on an adjustment', async () => {
      await refused(
        finance.post('/api/claims/1/lines/1/adjust', { approvedAmount: '-1.00', reason: 'a negative credit' }),
        'approvedAmount',
      );
    });

    it('refuses negative amounts and unknown fields in a dispute resubmission', async () => {
      await refused(arrow.post('/api/disputes/resubmissions', { lines: [{ originalLineId: 1, bookCost: '-1' }] }), 'lines.0.bookCost');
      await refused(
        arrow.post('/api/disputes/resubmissions', { lines: [{ originalLineId: 1, endCustomerNo: 'x' }] }),
        'lines.0.endCustomerNo',
      );
    });
  });

  describe('a dispute correction is checked as merged with its original line', () => {
    let rejectedLine: number;
    beforeAll(async () => {
      const res = await claim([line({ endCustomerName: 'Orion Automotive' })]);
      expect(res.body.lines[0].verdict).toBe('rejected');
      rejectedLine = res.body.lines[0].id;
    });
    const resubmit = (correction: Record<string, unknown>) =>
      arrow.post('/api/disputes/resubmissions', {
        lines: [{ originalLineId: rejectedLine, endCustomerName: 'Cascade Robotics', ...correction }],
      });

    it("refuses a corrected book cost whose credit, with the original's quantity and cost, overflows", async () => {
      // The original line's quantity 10 and authorized cost 3.2000 stay.
      const body = await refused(resubmit({ bookCost: '99999999999999.9999' }), 'lines.0.quantity');
      expect(body.errors![0]!.message).toMatch(/99999999999999\.9999/);
      await refused(resubmit({ quantity: 100_000_000, bookCost: '9999999.0000' }), 'lines.0.quantity');
    });

    it('refuses a corrected authorized cost above the book cost that would make the claimed amount negative', async () => {
      await refused(resubmit({ authorizedCost: '4.0000' }), 'lines.0.authorizedCost');
    });

    it('resubmits the line once corrected within bounds', async () => {
      const res = await resubmit({ quantity: 20 });
      expect(res.status).toBe(201);
      expect(res.body.lines[0]).toMatchObject({ verdict: 'accepted', claimedAmount: '13.9000', resubmissionOfLineId: rejectedLine });
    });
  });

  describe('currency', () => {
    it.each(['ZZZ', 'XTS', 'XAU', 'US', 'dollars'])('refuses %s on a claim', async (currency) => {
      const body = await refused(claim([line()], { currency }), 'currency');
      expect(body.errors![0]!.message).toMatch(/ISO 4217/);
    });

    it('takes an ISO 4217 code in any case and stores it upper case', async () => {
      const res = await claim([line()], { currency: 'usd' });
      expect(res.status).toBe(201);
      expect(res.body.currency).toBe('USD');
    });

    it('refuses ZZZ on a claim file, on claims from a POS import and on the claims report', async () => {
      await refused(
        t.http.post('/api/claims/file?currency=ZZZ').set('Authorization', bearer(arrow)).set('Content-Type', 'text/csv').send('x'),
        'currency',
      );
      await refused(arrow.post('/api/imports/1/claims', { currency: 'ZZZ' }), 'currency');
      await refused(finance.get('/api/reports/claims?currency=ZZZ'), 'currency');
      expect((await finance.get('/api/reports/claims?currency=eur')).status).toBe(200);
    });
  });

  describe('the claim line takes only what the document lists, and honours all of it', () => {
    it('refuses unknown fields, naming them', async () => {
      const res = await claim([line({ endCustomerNo: 'C-1', costBook: '1.00' })], { dryRun: true });
      const body = await refused(res, 'lines.0.endCustomerNo');
      expect(fieldsOf(body)).toEqual(expect.arrayContaining(['lines.0.costBook', 'dryRun']));
    });

    it('honours endCustomerId: the line carries that end customer and is judged on it', async () => {
      const res = await claim([line({ endCustomerName: undefined, endCustomerId: cascadeId })]);
      expect(res.status).toBe(201);
      expect(res.body.lines[0]).toMatchObject({ endCustomerName: 'Cascade Robotics', verdict: 'accepted', reasonCodes: [] });
      // Both, naming the same customer (compared as the rules engine compares names).
      const both = await claim([line({ endCustomerName: 'CASCADE  robotics', endCustomerId: cascadeId })]);
      expect(both.status).toBe(201);
      expect(both.body.lines[0].verdict).toBe('accepted');
    });

    it('refuses an endCustomerId that is no end customer, or that names another one than endCustomerName', async () => {
      const distributors = (await finance.get('/api/accounts?type=distributor')).body.items as { id: number }[];
      await refused(claim([line({ endCustomerId: 999_999 })]), 'lines.0.endCustomerId');
      await refused(claim([line({ endCustomerId: distributors[0]!.id })]), 'lines.0.endCustomerId');
      const body = await refused(claim([line({ endCustomerName: 'Orion Automotive', endCustomerId: cascadeId })]), 'lines.0.endCustomerId');
      expect(body.errors![0]!.message).toMatch(/Cascade Robotics/);
    });

    it('still requires claimedAmount or authorizedCost, naming the field', async () => {
      await refused(claim([line({ authorizedCost: undefined })]), 'lines.0.claimedAmount');
    });

    it('states the rules in /api/openapi.json', async () => {
      const doc = (await t.http.get('/api/openapi.json')).body;
      const schemas = doc.components.schemas;
      const claimInput = schemas.ClaimInput;
      expect(claimInput.additionalProperties).toBe(false);
      expect(claimInput.properties.lines.items).toEqual({ $ref: '#/components/schemas/ClaimLineInput' });
      const lineSchema = schemas.ClaimLineInput;
      expect(lineSchema.additionalProperties).toBe(false);
      expect(Object.keys(lineSchema.properties)).toEqual(expect.arrayContaining(['endCustomerId', 'claimedAmount', 'authorizedCost']));
      const alternatives = (lineSchema.allOf as { anyOf?: { required: string[] }[] }[]).map((s) =>
        (s.anyOf ?? []).map((a) => a.required).flat(),
      );
      expect(alternatives).toEqual(
        expect.arrayContaining([
          ['claimedAmount', 'authorizedCost'],
          ['vendorPartNumber', 'distributorPartNumber'],
        ]),
      );
      // Amounts: no sign, 14 integer digits, 4 decimals. Currencies: ISO 4217 only.
      expect(lineSchema.properties.bookCost.pattern).toBe('^\\d{1,14}(\\.\\d{1,4})?$');
      expect(lineSchema.properties.quantity).toMatchObject({ type: 'integer', maximum: 100_000_000 });
      expect(claimInput.properties.currency.enum).toEqual(expect.arrayContaining(['USD', 'EUR', 'JPY']));
      expect(claimInput.properties.currency.enum).not.toContain('ZZZ');
      expect(claimInput.properties.currency.enum).not.toContain('XTS');
    });
  });

  describe('every 4xx the document lists for a route is one the route gives', () => {
    type Answer = { status: number; body: Problem };
    let provoke: Record<string, Record<string, () => Promise<Answer>>>;
    beforeAll(async () => {
      const cm = await t.as(USERS.cm);
      const north = await t.as(USERS.northbridge);
      // a user with no role (an identity provider's user in no group): refused on every route, reads too
      const noRole = await t.as(USERS.cm2);
      const admin = await t.as(USERS.admin);
      const cm2Id = (await admin.get('/api/users?role=channel_manager&pageSize=200')).body.items.find(
        (u: { email: string }) => u.email === USERS.cm2,
      ).id as number;
      expect((await admin.patch(`/api/users/${cm2Id}/role`, { role: 'no_access' })).status).toBe(200);
      const rejected = async (currency: string) => {
        const res = await claim([line({ endCustomerName: 'Orion Automotive' })], { currency });
        expect(res.body.lines[0].verdict).toBe('rejected');
        return res.body.lines[0].id as number;
      };
      const usdLine = await rejected('USD');
      const accepted = (await claim([line()])).body.lines[0].id as number;
      const arrowAuthId = (await arrow.get('/api/authorizations')).body.items[0].id as number;
      const used = (await claim([line()], { debitMemoNumber: 'ARW-CT-USED' })).status;
      expect(used).toBe(201);
      const csv = (c: Client, q: string, type = 'text/csv') =>
        t.http.post(`/api/claims/file${q}`).set('Authorization', bearer(c)).set('Content-Type', type).send('a,b\n1,2\n');
      const key = { 'Idempotency-Key': `contract-${Date.now()}` };
      const keyR = { 'Idempotency-Key': `contract-r-${Date.now()}` };
      const programId = (await arrow.get('/api/programs')).body.items[0].id as number;
      const request = { programId, endCustomerId: cascadeId, validFrom: '2026-12-01', validTo: '2027-01-31' };
      const requestLines = [{ productId: 1, quantity: 10, requestedCost: '1.0000' }];
      provoke = {
        'post /api/claims': {
          400: () => claim([line({ bookCost: '-1' })]),
          403: () => finance.post('/api/claims', { lines: [line()] }),
          409: () => claim([line()], { debitMemoNumber: 'ARW-CT-USED' }),
          422: async () => {
            await arrow.post('/api/claims', { lines: [line()] }, key);
            return arrow.post('/api/claims', { lines: [line()] }, key);
          },
          // 422 has a second meaning here, CURRENCY_MISMATCH (test/api/idempotency-and-input.test.ts provokes it).
        },
        'post /api/claims/file': {
          400: () => csv(arrow, '?currency=ZZZ'),
          // A distributor user sends its own files only; a vendor user names an existing distributor.
          403: async () => csv(arrow, `?distributorId=${(await north.get('/api/session')).body.distributorId}`),
          404: () => csv(finance, '?distributorId=999999'),
          409: () => csv(arrow, '?debitMemoNumber=ARW-CT-USED'),
          415: () => csv(arrow, '', 'application/xml'),
          422: () => csv(arrow, '?currency=EUR'),
        },
        'post /api/disputes/resubmissions': {
          400: () => arrow.post('/api/disputes/resubmissions', { lines: [{ originalLineId: usdLine }, { originalLineId: usdLine }] }),
          403: () => finance.post('/api/disputes/resubmissions', { lines: [{ originalLineId: usdLine }] }),
          404: () => north.post('/api/disputes/resubmissions', { lines: [{ originalLineId: usdLine }] }),
          409: () => arrow.post('/api/disputes/resubmissions', { lines: [{ originalLineId: accepted }] }),
          422: async () => {
            // A first use that is remembered (a 404 is not: a refusal leaves no idempotency record).
            await arrow.post('/api/disputes/resubmissions', { lines: [{ originalLineId: usdLine }, { originalLineId: usdLine }] }, keyR);
            return arrow.post('/api/disputes/resubmissions', { lines: [{ originalLineId: 2_000_000_001 }] }, keyR);
          },
        },
        'get /api/authorizations/{id}': {
          400: () => north.get('/api/authorizations/0x1F'),
          403: () => noRole.get(`/api/authorizations/${arrowAuthId}`),
          404: () => north.get(`/api/authorizations/${arrowAuthId}`),
        },
        'post /api/requests': {
          400: () => arrow.post('/api/requests', { ...request, lines: [{ ...requestLines[0], requestedCost: '-10.0000' }] }),
          403: () => finance.post('/api/requests', { ...request, lines: requestLines }),
          422: () => cm.post('/api/requests', { ...request, programId: 999_999, distributorId: 2, lines: requestLines }),
        },
      };
    });

    it.each([
      'post /api/claims',
      'post /api/claims/file',
      'post /api/disputes/resubmissions',
      'get /api/authorizations/{id}',
      'post /api/requests',
    ])('%s', async (route) => {
      const [method, path] = route.split(' ') as [string, string];
      const responses = (await t.http.get('/api/openapi.json')).body.paths[path][method].responses as Record<
        string,
        { description: string }
      >;
      // 401 and 429 are documented on every private /api operation and provoked on each by
      // test/api/openapi-responses.test.ts; the rest are provoked here.
      const documented = Object.keys(responses).filter((s) => /^4\d\d$/.test(s) && s !== '401' && s !== '429');
      expect(documented.sort()).toEqual(Object.keys(provoke[route]!).sort());
      for (const status of documented) {
        const res = await provoke[route]![status]!();
        expect({ route, status: res.status }).toEqual({ route, status: Number(status) });
        // The code the route answered is one the document names for that status.
        expect(responses[status]!.description).toContain(res.body.code);
      }
    });
  });
});
