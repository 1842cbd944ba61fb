/**
 * What a CRM record (a Lightning record page's `bec-*` elements with `opportunity-id|account-id`)
 * shows: `GET /api/claims?opportunityId=` and `?accountId=` list the claims with a line under an
 * authorization that a request of the record made (and an account's own claims as distributor);
 * `GET /api/authorizations` with the same filters lists the authorizations those requests made,
 * and a request names its authorization (number, status, validity). None of it crosses the
 * tenant: a distributor user asking for another's opportunity gets nothing.
 */
import { approvedAuthorization, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const OPPORTUNITY = '006000000000077AAA';

describeDb('claims, requests and authorizations of a CRM record (opportunityId, accountId)', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let cm: Client;
  let inRecord: number;
  let outside: number;
  let otherNumber: string;
  let auth: Awaited<ReturnType<typeof approvedAuthorization>>;

  let invoice = 0;
  const claimOf = async (a: { number: string; part: string; customer: string }) => {
    const draft = await arrow.post('/api/claims', {
      lines: [
        {
          authorizationNumber: a.number,
          vendorPartNumber: a.part,
          endCustomerName: a.customer,
          invoiceNumber: `REC-${process.pid}-${++invoice}`,
          invoiceLine: '1',
          invoiceDate: '2026-11-20',
          quantity: 2,
          bookCost: '6.0270',
          authorizedCost: '3.2000',
        },
      ],
    });
    expect(draft.status).toBe(201);
    expect((await arrow.post(`/api/claims/${draft.body.id}/submit`)).status).toBe(200);
    return draft.body.id as number;
  };
  const ids = (res: { status: number; body: { items: { id: number }[] } }) => {
    expect(res.status).toBe(200);
    return res.body.items.map((c) => c.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    [arrow, north, cm] = await Promise.all([USERS.arrowhead, USERS.northbridge, USERS.cm].map((u) => t.as(u)));
    auth = await approvedAuthorization(t, { quantity: 100, cost: '3.2000', opportunityRef: OPPORTUNITY });
    const other = await approvedAuthorization(t, { quantity: 100, cost: '3.2000' });
    otherNumber = other.number;
    inRecord = await claimOf(auth);
    outside = await claimOf(other);
  });
  afterAll(() => t.close());

  it("lists only the claims under the opportunity's authorizations", async () => {
    const byCm = ids(await cm.get(`/api/claims?opportunityId=${OPPORTUNITY}&pageSize=200`));
    expect(byCm).toContain(inRecord);
    expect(byCm).not.toContain(outside);
    expect(ids(await arrow.get(`/api/claims?opportunityId=${OPPORTUNITY}`))).toEqual([inRecord]);
    expect(ids(await cm.get('/api/claims?opportunityId=006000000000099ZZZ'))).toEqual([]);
  });

  it("never shows another distributor's claims through a record", async () => {
    expect(ids(await north.get(`/api/claims?opportunityId=${OPPORTUNITY}`))).toEqual([]);
    const byAccount = ids(await north.get(`/api/claims?accountId=${auth.customerId}`));
    expect(byAccount).not.toContain(inRecord);
    expect(byAccount).not.toContain(outside);
  });

  it("lists an end customer's claims and a distributor's own by account", async () => {
    const byCustomer = ids(await cm.get(`/api/claims?accountId=${auth.customerId}&pageSize=200`));
    expect(byCustomer).toEqual(expect.arrayContaining([inRecord, outside]));
    const me = (await arrow.get('/api/session')).body as { distributorId: number };
    const byDistributor = ids(await cm.get(`/api/claims?accountId=${me.distributorId}&pageSize=200`));
    expect(byDistributor).toEqual(expect.arrayContaining([inRecord, outside]));
    const all = (await cm.get(`/api/claims?accountId=${me.distributorId}&pageSize=200`)).body.items as { distributorId: number }[];
    expect(all.every((c) => c.distributorId === me.distributorId)).toBe(true);
    // Both together: the opportunity's claims of that account.
    expect(ids(await cm.get(`/api/claims?accountId=${auth.customerId}&opportunityId=${OPPORTUNITY}`))).toEqual([inRecord]);
  });

  it("lists the opportunity's authorizations, and each request names the authorization it made", async () => {
    const numbers = async (c: Client, query: string) => {
      const res = await c.get(`/api/authorizations?${query}&pageSize=200`);
      expect(res.status).toBe(200);
      return (res.body.items as { number: string }[]).map((a) => a.number);
    };
    expect(await numbers(cm, `opportunityId=${OPPORTUNITY}`)).toEqual([auth.number]);
    expect(await numbers(arrow, `opportunityId=${OPPORTUNITY}`)).toEqual([auth.number]);
    expect(await numbers(north, `opportunityId=${OPPORTUNITY}`)).toEqual([]);
    expect(await numbers(cm, 'opportunityId=006000000000099ZZZ')).toEqual([]);
    const byCustomer = await numbers(cm, `accountId=${auth.customerId}`);
    expect(byCustomer).toEqual(expect.arrayContaining([auth.number, otherNumber]));
    expect(await numbers(cm, `accountId=${auth.customerId}&opportunityId=${OPPORTUNITY}`)).toEqual([auth.number]);

    const requests = (await cm.get(`/api/requests?opportunityId=${OPPORTUNITY}`)).body.items as {
      id: number;
      authorization: { number: string; status: string; validFrom: string; validTo: string; closedLostOn: string | null } | null;
    }[];
    expect(requests.map((r) => r.id)).toEqual([auth.requestId]);
    expect(requests[0]!.authorization).toEqual({
      number: auth.number,
      status: 'active',
      validFrom: '2026-10-01',
      validTo: '2027-03-31',
      closedLostOn: null,
    });
    // A request not decided yet has none.
    const pending = (await cm.get('/api/requests?status=pending&pageSize=200')).body.items as { authorization: unknown }[];
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((r) => r.authorization === null)).toBe(true);
    expect((await cm.get(`/api/requests/${auth.requestId}`)).body.authorization.number).toBe(auth.number);
  });

  it('refuses an account id that is neither a BEC id nor a CRM Id, naming the field', async () => {
    for (const list of ['claims', 'authorizations', 'requests']) {
      const res = await cm.get(`/api/${list}?accountId=1' OR '1'='1`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('accountId');
    }
  });
});
