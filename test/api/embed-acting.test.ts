/**
 * An embedded session opened for a user by another user's API token (an admin's) acts as both: the
 * audit names the token's owner beside the user (`viaUserId`), and the two-person rule counts them,
 * so an admin who adjusted a claim cannot authorize it through an embedded session of finance2.
 */
import { bearerOf, describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

describeDb('embedded sessions opened for another user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { EMBED_TOKEN_SECRET: 'embed-acting-test-secret-0123456789abcdef' } });
  });
  afterAll(() => t.close());

  it('names the admin beside the user in the audit, and keeps the admin who adjusted a line from authorizing through it', async () => {
    const admin = await t.as(USERS.admin);
    const finance2 = await t.as(USERS.finance2);
    const adminId = (await admin.get('/api/session')).body.userId as number;
    const finance2Id = (await finance2.get('/api/session')).body.userId as number;
    const token = await t.http
      .post('/api/tokens')
      .set('Authorization', bearerOf(admin))
      .send({ name: 'portal', scopes: ['read', 'write'] });
    expect(token.status).toBe(201);
    const adminToken = `Bearer ${token.body.token as string}`;
    // The admin adjusts a line of a claim in review.
    const claim = (await admin.get('/api/claims?status=submitted&pageSize=200&review=true')).body.items.find(
      (c: { approvedTotal: string; review: { adjustedByUserIds: number[] } }) =>
        Number(c.approvedTotal) > 1 && c.review.adjustedByUserIds.length === 0,
    );
    const [line] = (await admin.get(`/api/claims/${claim.id}/lines?after=0&limit=1`)).body.items;
    expect(
      (await admin.post(`/api/claims/${claim.id}/lines/${line.id}/adjust`, { approvedAmount: '1.00', reason: 'Short shipped' })).status,
    ).toBe(200);
    // ... then opens an embedded session of finance2 with their own token.
    const issued = await t.http.post('/api/embed/tokens').set('Authorization', adminToken).send({ userEmail: USERS.finance2 });
    expect(issued.status).toBe(201);
    const ex = await t.http.post('/api/embed/session').send({ token: issued.body.token });
    expect(ex.status).toBe(200);
    const asFinance2 = `Bearer ${ex.body.accessToken as string}`;
    const refused = await t.http.post(`/api/claims/${claim.id}/authorize`).set('Authorization', asFinance2).send({});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SELF_APPROVAL_FORBIDDEN');
    // What the session does is finance2's, with the admin beside them.
    expect((await t.http.post(`/api/claims/${claim.id}/notes`).set('Authorization', asFinance2).send({ body: 'checked' })).status).toBe(
      201,
    );
    const audit = (await admin.get(`/api/audit?entityType=claim&entityId=${claim.id}&limit=50`)).body.items as {
      action: string;
      actorUserId: number;
      viaUserId: number | null;
    }[];
    const noted = audit.find((e) => e.action === 'claim.note_added' || e.action.startsWith('note'));
    expect(noted).toMatchObject({ actorUserId: finance2Id, viaUserId: adminId });
    // finance2 in their own session is neither blocked nor named with anyone.
    expect((await finance2.post(`/api/claims/${claim.id}/authorize`, {})).body.status).toBe('authorized');
    const own = (await admin.get(`/api/audit?entityType=claim&entityId=${claim.id}&action=claim.authorized`)).body.items[0];
    expect(own).toMatchObject({ actorUserId: finance2Id, viaUserId: null });
  });
});
