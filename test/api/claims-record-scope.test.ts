/**
 * The claims of a CRM record (a Lightning record page's `<bec-claim-grid opportunity-id|account-id>`):
 * `GET /api/claims?opportunityId=` and `?accountId=` list the claims with a line under an
 * authorization that a request of the record made (and an account's own claims as distributor),
 * and never cross the tenant: a distributor user asking for another's opportunity gets nothing.
 */
import { approvedAuthorization, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const OPPORTUNITY = '006000000000077AAA';

describeDb('claims of a CRM record (opportunityId, accountId)', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let cm: Client;
  let inRecord: number;
  let outside: number;
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

  it('refuses an account id that is neither a BEC id nor a CRM Id, naming the field', async () => {
    const res = await cm.get("/api/claims?accountId=1' OR '1'='1");
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('accountId');
  });
});
