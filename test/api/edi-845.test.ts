/**
 * The 845 (issue 17): a distributor's authorizations new, amended and expired, written with the
 * partner's control numbers, each change once (the next 845 starts where the last stopped), read
 * back with core/edi, tenant-scoped.
 */
import { readResponses, type ReadAuthorizationNotice } from '../../core/edi/index.js';
import { authorizationChanges } from '../../server/edi/edi.service.js';
import { approvedAuthorization, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { ARROWHEAD, arrowheadPartner, downloadX12 } from '../support/edi.js';
import { PARTNER } from '../core/edi/x12.js';

describeDb('845: authorization changes to a partner', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let cm: Client;
  beforeAll(async () => {
    t = await startTestApp();
    [arrow, north, cm] = await Promise.all([t.as(USERS.arrowhead), t.as(USERS.northbridge), t.as(USERS.cm)]);
    await arrowheadPartner(t);
  });
  afterAll(() => t.close());

  const write = (c: Client, body: object = {}) => c.post(`/api/edi/partners/${ARROWHEAD}/845`, body);
  const content = async (c: Client, id: number) => (await downloadX12(t, c, `/api/edi/documents/${id}/content`)).body as string;
  const notices = (x12: string) => {
    const { documents, events } = readResponses(x12, PARTNER);
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
    return documents as ReadAuthorizationNotice[];
  };
  const change = async (authorizationId: number, body: Record<string, unknown>) => {
    const asked = await arrow.post(`/api/authorizations/${authorizationId}/changes`, body);
    expect(asked.status).toBe(201);
    expect((await cm.post(`/api/requests/${asked.body.id}/approve`, {})).status).toBe(200);
  };

  let auth: Awaited<ReturnType<typeof approvedAuthorization>>;
  let authId: number;
  it('announces every authorization in the first 845, then only what changed since, once', async () => {
    auth = await approvedAuthorization(t, { quantity: 250, cost: '3.1000' });
    authId = (await arrow.get(`/api/authorizations?number=${auth.number}`)).body.items[0].id;

    const first = await write(arrow);
    expect(first.status).toBe(201);
    expect(first.body.document).toMatchObject({ kind: '845', distributorId: ARROWHEAD });
    expect(first.headers.location).toBe(`/api/edi/documents/${first.body.document.id}/content`);
    const x12 = await content(arrow, first.body.document.id);
    const read = notices(x12);
    expect(read).toHaveLength(first.body.changes.new + first.body.changes.amended + first.body.changes.expired);
    const ours = read.filter((n) => n.authorizationNumber === auth.number);
    expect(ours).toEqual([
      expect.objectContaining({
        change: 'new',
        version: 1,
        validFrom: '2026-10-01',
        validTo: '2027-03-31',
        currency: 'USD',
        endCustomerName: auth.customer,
        lines: [{ vendorPartNumber: auth.part, authorizedCost: '3.1000', approvedQuantity: 250 }],
      }),
    ]);
    // The partner's control numbers: the envelope carries the ISA13 the document records.
    expect(x12).toContain(`*${String(first.body.document.interchangeControl).padStart(9, '0')}*0*P*>~`);
    // Nothing changed since: no document.
    const none = await write(arrow);
    expect(none.status).toBe(201);
    expect(none.body).toMatchObject({ document: null, changes: { new: 0, amended: 0, expired: 0 } });
  });

  it('announces an amendment as BPA 05 with the new version, and a cancellation as BPA 01', async () => {
    const lineId = (await arrow.get(`/api/authorizations/${authId}`)).body.lines[0].id;
    await change(authId, { kind: 'amend', lines: [{ lineId, authorizedCost: '2.9000', approvedQuantity: 300 }] });
    const amended = await write(arrow);
    expect(amended.body.changes).toEqual({ new: 0, amended: 1, expired: 0 });
    const [a] = notices(await content(arrow, amended.body.document.id));
    expect(a).toMatchObject({ change: 'amended', authorizationNumber: auth.number, version: 2 });
    expect(a!.lines).toEqual([{ vendorPartNumber: auth.part, authorizedCost: '2.9000', approvedQuantity: 300 }]);
    expect(amended.body.document.interchangeControl).toBeGreaterThan(0);

    await change(authId, { kind: 'cancel' });
    const cancelled = await write(arrow);
    expect(cancelled.body.changes).toEqual({ new: 0, amended: 0, expired: 1 });
    const x12 = await content(arrow, cancelled.body.document.id);
    expect(x12).toContain(`BPA*01*${auth.number}*`);
    expect(notices(x12)[0]).toMatchObject({ change: 'expired', version: 3 });
    // Each 845 has its own interchange control number, in order.
    expect(cancelled.body.document.interchangeControl).toBeGreaterThan(amended.body.document.interchangeControl);
  });

  it('announces an authorization as expired once its last valid day has passed', async () => {
    const other = await approvedAuthorization(t, { quantity: 10, cost: '3.3000' });
    // validTo 2027-03-31: it expires at 2027-04-01T00:00Z.
    const before = await authorizationChanges(ARROWHEAD, new Date('2027-03-31T12:00:00Z'), new Date('2027-03-31T23:59:59Z'));
    expect(before.notices.filter((n) => n.authorizationNumber === other.number)).toEqual([]);
    const after = await authorizationChanges(ARROWHEAD, new Date('2027-03-31T12:00:00Z'), new Date('2027-04-01T00:00:00Z'));
    expect(after.notices.filter((n) => n.authorizationNumber === other.number)).toEqual([
      expect.objectContaining({
        change: 'expired',
        validTo: '2027-03-31',
        date: '2027-04-01',
        lines: [expect.objectContaining({ approvedQuantity: 10 })],
      }),
    ]);
  });

  it("is tenant-scoped: another distributor neither writes nor reads Arrowhead's 845", async () => {
    expect((await write(north)).status).toBe(404);
    const docs = (await arrow.get('/api/edi/documents?kind=845')).body.items as { id: number }[];
    expect(docs.length).toBeGreaterThanOrEqual(3);
    expect((await north.get(`/api/edi/documents/${docs[0]!.id}/content`)).status).toBe(404);
    expect((await north.get('/api/edi/documents?kind=845')).body.items).toEqual([]);
  });

  it('refuses a since that is not a date-time, naming it', async () => {
    const res = await write(arrow, { since: 'yesterday' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('since');
  });
});
