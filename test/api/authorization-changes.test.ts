import { QueryTypes } from 'sequelize';
import { domainEvents, type DomainEvent } from '../../server/notifications/events.js';
import { approvedAuthorization, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface ClaimLine {
  authorizationVersion: number | null;
  lineNumber: number;
  verdict: string;
  reasonCodes: string[];
  acceptedQuantity: number;
  computedAmount: string;
  approvedAmount: string;
}

/**
 * Authorization changes (amend, extend, cancel): each a change request decided like a request,
 * each a new version; claims meet the version in force on their invoice date.
 */
describeDb('authorization changes', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let cm: Client;
  let admin: Client;
  const events: DomainEvent[] = [];
  let off: () => void;

  beforeAll(async () => {
    t = await startTestApp();
    [arrow, north, cm, admin] = await Promise.all([USERS.arrowhead, USERS.northbridge, USERS.cm, USERS.admin].map((u) => t.as(u)));
    off = domainEvents.on((e) => events.push(e));
  });
  afterAll(async () => {
    off();
    await t.close();
  });

  let invoice = 0;
  const claimLine = (auth: { number: string; part: string; customer: string }, invoiceDate: string, quantity: number, cost: string) => ({
    authorizationNumber: auth.number,
    vendorPartNumber: auth.part,
    endCustomerName: auth.customer,
    invoiceNumber: `CHG-${++invoice}`,
    invoiceLine: '1',
    invoiceDate,
    quantity,
    bookCost: '6.0270', // Arrowhead's book cost on record for VS-ADC-24S
    authorizedCost: cost,
  });
  /** Submits a claim of these lines; its lines' verdicts. */
  const submit = async (lines: ReturnType<typeof claimLine>[]) => {
    const draft = await arrow.post('/api/claims', { lines });
    if (draft.status !== 201) throw new Error(`claim: ${draft.status} ${JSON.stringify(draft.body)}`);
    const submitted = await arrow.post(`/api/claims/${draft.body.id}/submit`);
    if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    const claim = (await arrow.get(`/api/claims/${draft.body.id}`)).body;
    return { id: draft.body.id as number, lines: claim.lines as ClaimLine[], approvedTotal: claim.approvedTotal as string };
  };
  const authorizationOf = async (number: string) =>
    (
      (await arrow.get(`/api/authorizations?number=${number}`)).body.items as {
        id: number;
        status: string;
        version: number;
        lines: { id: number; consumedQuantity: number; approvedQuantity: number; authorizedCost: string }[];
      }[]
    )[0]!;
  /** Asks a change and has another person approve it. */
  const change = async (authorizationId: number, body: Record<string, unknown>) => {
    const asked = await arrow.post(`/api/authorizations/${authorizationId}/changes`, body);
    if (asked.status !== 201) throw new Error(`change: ${asked.status} ${JSON.stringify(asked.body)}`);
    expect(asked.body.status).toBe('pending');
    const approved = await cm.post(`/api/requests/${asked.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    return asked.body as { id: number; change: { kind: string; effectiveFrom: string } };
  };

  it('amends the cost from a day on: a claim before it meets version 1, a claim after it version 2', async () => {
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '3.2000' });
    const before = await authorizationOf(auth.number);
    const asked = await change(before.id, {
      kind: 'amend',
      effectiveFrom: '2026-12-01',
      lines: [{ lineId: auth.lineId, authorizedCost: '2.5000' }],
    });
    expect(asked.change).toEqual({ authorizationId: before.id, kind: 'amend', effectiveFrom: '2026-12-01' });
    const after = await authorizationOf(auth.number);
    expect(after).toMatchObject({ version: 2, status: 'active' });
    expect(after.lines[0].authorizedCost).toBe('2.5000');

    const claim = await submit([
      claimLine(auth, '2026-11-20', 10, '3.2000'),
      claimLine(auth, '2026-12-05', 10, '2.5000'),
      claimLine(auth, '2026-12-06', 10, '3.2000'),
    ]);
    const [nov, dec, decOld] = claim.lines;
    expect(nov).toMatchObject({ verdict: 'accepted', computedAmount: '28.2700', authorizationVersion: 1 }); // (6.027 - 3.20) x 10
    expect(dec).toMatchObject({ verdict: 'accepted', computedAmount: '35.2700', authorizationVersion: 2 }); // (6.027 - 2.50) x 10
    // The credit of a December line is version 2's, whatever debit cost it claims.
    expect(decOld).toMatchObject({ computedAmount: '35.2700', authorizationVersion: 2 });
    // Claimed below version 1's cost in November: the cost rule of version 1 applies.
    expect((await submit([claimLine(auth, '2026-11-21', 1, '2.5000')])).lines[0].reasonCodes).toEqual(['PRICE_ABOVE_AUTHORIZED']);

    const history = await arrow.get(`/api/authorizations/${before.id}/versions`);
    expect(history.status).toBe(200);
    expect(
      history.body.versions.map((v: { version: number; change: string; effectiveFrom: string }) => [v.version, v.change, v.effectiveFrom]),
    ).toEqual([
      [1, 'created', '2026-10-01'],
      [2, 'amended', '2026-12-01'],
    ]);
    expect(history.body.versions[1].lines).toEqual([{ authorizationLineId: auth.lineId, authorizedCost: '2.5000', approvedQuantity: 100 }]);

    const changed = events.filter((e) => e.name === 'authorization.changed' && e.entityId === before.id).map((e) => e.data.change);
    expect(changed).toEqual(['created', 'amended']);
    const trail = (await admin.get(`/api/audit?entityType=authorization&entityId=${before.id}`)).body.items as { action: string }[];
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['authorization.created', 'authorization.amended']));
  });

  it('refuses a quantity below what was already claimed (409 naming the line)', async () => {
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '3.2000' });
    const { id } = await authorizationOf(auth.number);
    await submit([claimLine(auth, '2026-11-02', 60, '3.2000')]);
    const refused = await arrow.post(`/api/authorizations/${id}/changes`, {
      kind: 'amend',
      lines: [{ lineId: auth.lineId, approvedQuantity: 50 }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('QUANTITY_BELOW_CLAIMED');
    expect(refused.body.errors).toEqual([{ field: 'lines.0.approvedQuantity', message: 'at least 60 (already claimed)' }]);
    // Up to what was claimed is fine.
    await change(id, { kind: 'amend', effectiveFrom: '2026-10-01', lines: [{ lineId: auth.lineId, approvedQuantity: 60 }] });
    expect((await authorizationOf(auth.number)).lines[0]).toMatchObject({ approvedQuantity: 60, consumedQuantity: 60 });
    // A line of another authorization is named.
    const other = await arrow.post(`/api/authorizations/${id}/changes`, {
      kind: 'amend',
      lines: [{ lineId: 999_999, authorizedCost: '1.0000' }],
    });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].field).toBe('lines.0.lineId');
  });

  it('extends the dates: a claim after the old end is accepted once the extension is approved', async () => {
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '3.2000' });
    const { id } = await authorizationOf(auth.number);
    expect((await submit([claimLine(auth, '2027-05-10', 5, '3.2000')])).lines[0].reasonCodes).toEqual(['AUTH_EXPIRED']);
    await change(id, { kind: 'extend', validTo: '2027-06-30' });
    expect((await submit([claimLine(auth, '2027-05-11', 5, '3.2000')])).lines[0]).toMatchObject({ verdict: 'accepted' });
    expect((await submit([claimLine(auth, '2027-07-01', 5, '3.2000')])).lines[0].reasonCodes).toEqual(['AUTH_EXPIRED']);
    expect(events.some((e) => e.name === 'authorization.changed' && e.entityId === id && e.data.change === 'extended')).toBe(true);
  });

  it('cancels from a day: later claims are rejected AUTH_CANCELLED, a claim in review is released, earlier claims stand', async () => {
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '3.2000' });
    const { id } = await authorizationOf(auth.number);
    const inReview = await submit([claimLine(auth, '2026-11-10', 10, '3.2000'), claimLine(auth, '2026-12-20', 15, '3.2000')]);
    expect(inReview.lines.map((l) => l.verdict)).toEqual(['accepted', 'accepted']);
    expect((await authorizationOf(auth.number)).lines[0].consumedQuantity).toBe(25);

    await change(id, { kind: 'cancel', effectiveFrom: '2026-12-15' });
    const cancelled = await authorizationOf(auth.number);
    expect(cancelled.status).toBe('cancelled');
    // The line invoiced after the cancellation gave its sale and quantity back, and its money.
    expect(cancelled.lines[0].consumedQuantity).toBe(10);
    const reviewed = (await arrow.get(`/api/claims/${inReview.id}`)).body;
    expect(reviewed.lines[1]).toMatchObject({ verdict: 'rejected', approvedAmount: '0.0000', acceptedQuantity: 0 });
    expect(reviewed.lines[1].reasonCodes).toContain('AUTH_CANCELLED');
    expect(reviewed.approvedTotal).toBe(reviewed.lines[0].approvedAmount);
    const consumptions = (await t.db.sequelize.query('SELECT COUNT(*) AS n FROM pos_consumptions WHERE authorization_line_id = ?', {
      replacements: [auth.lineId],
      type: QueryTypes.SELECT,
    })) as { n: number }[];
    expect(Number(consumptions[0].n)).toBe(1);

    const later = await submit([claimLine(auth, '2026-12-16', 5, '3.2000'), claimLine(auth, '2026-12-01', 5, '3.2000')]);
    expect(later.lines[0]).toMatchObject({ verdict: 'rejected', reasonCodes: ['AUTH_CANCELLED'] });
    expect(later.lines[1]).toMatchObject({ verdict: 'accepted' });
    // The replay inputs say from when (the message catalog words it: test/core/routing.test.ts).
    const explained = (await arrow.get(`/api/claims/${later.id}`)).body.lines[0];
    expect(explained.verdictInputs).toMatchObject({ cancelledFrom: '2026-12-15', validTo: '2026-12-14' });
    // A cancelled authorization changes no more.
    const again = await arrow.post(`/api/authorizations/${id}/changes`, { kind: 'extend', validTo: '2027-12-31' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AUTHORIZATION_NOT_ACTIVE');
    expect(events.some((e) => e.name === 'authorization.changed' && e.entityId === id && e.data.change === 'cancelled')).toBe(true);
  });

  it("keeps a distributor to its own authorizations' history and changes", async () => {
    const auth = await approvedAuthorization(t, { quantity: 10, cost: '3.2000' });
    const { id } = await authorizationOf(auth.number);
    expect((await north.get(`/api/authorizations/${id}/versions`)).status).toBe(404);
    expect((await north.post(`/api/authorizations/${id}/changes`, { kind: 'cancel' })).status).toBe(404);
    expect((await cm.get(`/api/authorizations/${id}/versions`)).status).toBe(200);
    expect((await (await t.as(USERS.finance)).post(`/api/authorizations/${id}/changes`, { kind: 'cancel' })).status).toBe(403);
  });

  it('routes a change request like a request, refuses its counter-offer and a second pending change', async () => {
    const auth = await approvedAuthorization(t, { quantity: 10, cost: '3.2000' });
    const { id } = await authorizationOf(auth.number);
    const adminId = (await admin.get('/api/session')).body.userId as number;
    const rule = await admin.post('/api/routing/rules', {
      name: 'changes go to the admin',
      levels: [{ approvers: [{ userId: adminId }] }],
    });
    expect(rule.status).toBe(201);
    try {
      const asked = await arrow.post(`/api/authorizations/${id}/changes`, { kind: 'cancel', effectiveFrom: '2027-01-01' });
      expect(asked.status).toBe(201);
      expect(asked.body.routing.waitingOn).toEqual([{ userId: adminId, role: null, name: 'Avery Admin' }]);
      expect((await arrow.post(`/api/authorizations/${id}/changes`, { kind: 'cancel' })).body.code).toBe('CHANGE_PENDING');
      expect((await cm.post(`/api/requests/${asked.body.id}/approve`, {})).body.code).toBe('NOT_YOUR_LEVEL');
      const countered = await admin.post(`/api/requests/${asked.body.id}/counter`, {
        comment: 'x',
        lines: [{ lineId: asked.body.lines[0].id, counterCost: '1.0000' }],
      });
      expect(countered.body.code).toBe('CHANGE_NOT_COUNTERED');
      expect((await admin.post(`/api/requests/${asked.body.id}/approve`, {})).body.status).toBe('approved');
      expect((await authorizationOf(auth.number)).status).toBe('cancelled');
    } finally {
      await admin.delete(`/api/routing/rules/${rule.body.id}`);
    }
  });
});
