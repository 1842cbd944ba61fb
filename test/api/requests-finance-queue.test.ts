import { authorizeBlock } from '../../core/permissions.js';
import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

/**
 * What <bec-finance-queue> reads and does, on the real API: claims by status, their lines with
 * who adjusted them, and the server refusing what the queue disables (the one rule, authorizeBlock).
 */
describeDb('finance work queue: the API behind it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses Authorize to the person who adjusted a line, as the queue explains, and lets another finance user authorize', async () => {
    const finance = await t.as(USERS.finance);
    const finance2 = await t.as(USERS.finance2);
    const cm = await t.as(USERS.cm);
    const submitted = (await finance.get('/api/claims?status=submitted&pageSize=200')).body.items as {
      id: number;
      status: string;
      approvedTotal: string;
    }[];
    expect(submitted.length).toBeGreaterThan(0);
    expect(submitted.every((c) => c.status === 'submitted')).toBe(true);
    const claim = submitted[0];
    const [line] = (await finance.get(`/api/claims/${claim.id}/lines?after=0&limit=1`)).body.items;
    const adjusted = await finance.post(`/api/claims/${claim.id}/lines/${line.id}/adjust`, {
      approvedAmount: '0.5000',
      reason: 'Partial return, RMA 4242',
    });
    expect(adjusted.status).toBe(200);
    const lines = (await finance.get(`/api/claims/${claim.id}/lines?after=0&limit=5000`)).body.items;
    const me = (await finance.get('/api/session')).body;
    const view = (await finance.get(`/api/claims/${claim.id}`)).body;
    // The rule the queue shows, on what the API sends, agrees with what the server does.
    expect(authorizeBlock(me.userId, view, lines)).toBe('own_adjustment');
    const refused = await finance.post(`/api/claims/${claim.id}/authorize`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SELF_APPROVAL_FORBIDDEN');
    // A channel manager reviews but does not authorize.
    expect((await cm.post(`/api/claims/${claim.id}/authorize`, {})).status).toBe(403);
    const me2 = (await finance2.get('/api/session')).body;
    expect(authorizeBlock(me2.userId, view, lines)).toBe(null);
    const done = await finance2.post(`/api/claims/${claim.id}/authorize`, {});
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('authorized');
    expect(authorizeBlock(me2.userId, done.body, lines)).toBe('not_in_review');
    const toPay = (await finance.get('/api/claims?status=authorized&pageSize=200')).body.items.map((c: { id: number }) => c.id);
    expect(toPay).toContain(claim.id);
  });

  it('refuses to authorize a claim with nothing approved, as the queue explains', async () => {
    const finance2 = await t.as(USERS.finance2);
    const finance = await t.as(USERS.finance);
    const claim = (await finance.get('/api/claims?status=submitted&pageSize=200')).body.items[0];
    const lines = (await finance.get(`/api/claims/${claim.id}/lines?after=0&limit=5000`)).body.items as { id: number }[];
    for (const l of lines) {
      const r = await finance.post(`/api/claims/${claim.id}/lines/${l.id}/adjust`, { approvedAmount: '0', reason: 'Not eligible' });
      expect(r.status).toBe(200);
    }
    const view = (await finance2.get(`/api/claims/${claim.id}`)).body;
    const after = (await finance2.get(`/api/claims/${claim.id}/lines?after=0&limit=5000`)).body.items;
    const me2 = (await finance2.get('/api/session')).body;
    expect(authorizeBlock(me2.userId, view, after)).toBe('nothing_approved');
    const refused = await finance2.post(`/api/claims/${claim.id}/authorize`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOTHING_TO_AUTHORIZE');
  });
});
