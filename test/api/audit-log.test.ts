/**
 * The audit log one can read: newest first with a cursor, so a refusal made a moment ago is on the
 * first page however long the trail; filters by date, actor, action and entity; refusals kept apart
 * so a scan cannot bury business events; a CSV export a spreadsheet opens safely.
 */
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

describeDb('the audit log', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    // The scan below fails 30 sign-ins from one address: more than the per-address limit allows by default.
    t = await startTestApp({ env: { SIGNIN_ADDRESS_RATE_LIMIT: '1000' } });
    admin = await t.as(USERS.admin);
  });
  afterAll(() => t.close());

  it('shows the newest events first, a page at a time, and the refusals apart from the business events', async () => {
    // A scan: more refusals than a page holds.
    for (let i = 0; i < 30; i++) await t.http.post('/api/session').send({ email: `nobody${i}@example.com`, password: 'guess' });
    const finance = await t.as(USERS.finance);
    const claimId = (await finance.get('/api/claims')).body.items[0].id as number;
    await finance.post(`/api/claims/${claimId}/notes`, { body: '=HYPERLINK("http://x","Müller")' });

    const business = await admin.get('/api/audit?limit=5');
    expect(business.status).toBe(200);
    expect(business.body.items).toHaveLength(5);
    expect(business.body.items[0]).toMatchObject({ action: 'claim.note_added', entityId: String(claimId) });
    const ids = business.body.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
    expect(business.body.items.some((e: { action: string }) => e.action === 'session.sign_in_failed')).toBe(false);
    // The next page continues below the last id, with no overlap.
    const next = await admin.get(`/api/audit?limit=5&before=${business.body.next}`);
    expect(next.body.items[0].id).toBeLessThan(ids[4]);
    // A mistyped filter is refused by name, not read as no filter at all.
    const typo = await admin.get('/api/audit?actorId=999');
    expect(typo.status).toBe(400);
    expect(typo.body.errors).toEqual([{ field: 'actorId', message: expect.stringContaining('unknown') }]);
    expect((await admin.get('/api/audit/export.csv?actorId=999')).status).toBe(400);

    const refusals = await admin.get('/api/audit?kind=security&limit=10');
    expect(refusals.body.items).toHaveLength(10);
    const refusalActions = ['session.sign_in_failed', 'session.sso_failed', 'session.embed_failed', 'authorization.refused'];
    expect(refusals.body.items.every((e: { action: string }) => refusalActions.includes(e.action))).toBe(true);
    expect(refusals.body.items.find((e: { action: string }) => e.action === 'session.sign_in_failed').entityId).toBe(
      'nobody29@example.com',
    );
  });

  it('filters by date, actor, action and entity', async () => {
    const finance = await t.as(USERS.finance);
    const me = (await finance.get('/api/session')).body.userId as number;
    const byActor = (await admin.get(`/api/audit?actorUserId=${me}&action=claim.note_added`)).body.items as {
      actorUserId: number;
      action: string;
    }[];
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actorUserId === me && e.action === 'claim.note_added')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await admin.get(`/api/audit?from=${today}&to=${today}`)).body.items.length).toBeGreaterThan(0);
    expect((await admin.get('/api/audit?to=2000-01-01')).body.items).toEqual([]);
    const claim = (await admin.get('/api/audit?entityType=claim&limit=1')).body.items[0];
    const one = (await admin.get(`/api/audit?entityType=claim&entityId=${claim.entityId}`)).body.items as { entityId: string }[];
    expect(one.every((e) => e.entityId === claim.entityId)).toBe(true);
    expect((await admin.get('/api/audit?from=2026-13-01')).status).toBe(400);
    // Only vendor roles read it.
    expect((await (await t.as(USERS.arrowhead)).get('/api/audit')).status).toBe(403);
  });

  it('exports CSV that a spreadsheet opens safely', async () => {
    const res = await admin.get('/api/audit/export.csv?action=claim.note_added');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const text = res.text.replace(/^\uFEFF/, '');
    const [header, first] = text.split('\r\n');
    expect(header).toBe('id,occurredAt,actorUserId,actorRole,action,entityType,entityId,distributorId,reason,before,after');
    expect(first).toContain('claim.note_added');
    // The note's formula is text in the after column: JSON starts with '{', and the cell is quoted.
    expect(first).toContain('Müller');
    expect(first).not.toMatch(/,=HYPERLINK/);
  });
});
