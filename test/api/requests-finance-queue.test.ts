import { reviewOfLines } from '../../core/claims/review.js';
import { authorizeBlock } from '../../core/permissions.js';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

/**
 * What <bec-finance-queue> reads and does, on the real API: claims by status with their review
 * figures (`review=true`: lines to check, who adjusted a line, over all of a claim's lines), and
 * the server refusing what the queue disables (the one rule, authorizeBlock).
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
    const view = (await finance.get('/api/claims?status=submitted&pageSize=200&review=true')).body.items.find(
      (c: { id: number }) => c.id === claim.id,
    );
    // The server's figures are the lines' own (core/claims/review.ts), and the rule the queue
    // shows, on what the API sends, agrees with what the server does.
    expect(view.review).toEqual(reviewOfLines(lines));
    expect(view.review.adjustedByUserIds).toEqual([me.userId]);
    const adjusters = view.review.adjustedByUserIds as number[];
    expect(authorizeBlock(me.userId, view, adjusters)).toBe('own_adjustment');
    const refused = await finance.post(`/api/claims/${claim.id}/authorize`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SELF_APPROVAL_FORBIDDEN');
    // A channel manager reviews but does not authorize.
    expect((await cm.post(`/api/claims/${claim.id}/authorize`, {})).status).toBe(403);
    const me2 = (await finance2.get('/api/session')).body;
    expect(authorizeBlock(me2.userId, view, adjusters)).toBe(null);
    const done = await finance2.post(`/api/claims/${claim.id}/authorize`, {});
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('authorized');
    expect(authorizeBlock(me2.userId, done.body, adjusters)).toBe('not_in_review');
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
    const me2 = (await finance2.get('/api/session')).body;
    expect(authorizeBlock(me2.userId, view, [])).toBe('nothing_approved');
    const refused = await finance2.post(`/api/claims/${claim.id}/authorize`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOTHING_TO_AUTHORIZE');
  });

  it('sums the review over every line of a claim, not a page of them: a line adjusted past the 5,000th still blocks its adjuster', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const finance = await t.as(USERS.finance);
    const finance2 = await t.as(USERS.finance2);
    const auth = await approvedAuthorization(t, { quantity: 10, cost: '3.2000', part: 'VS-ADC-24S', justification: 'a long claim file' });
    // 6,000 lines: all under an unknown authorization (rejected: to check) but line 5,500, valid.
    const header =
      'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Book Cost,Authorized Cost,Authorization Number,End Customer';
    const rows = Array.from({ length: 6000 }, (_, i) =>
      [
        `LQ-${i + 1}`,
        '1',
        '2026-10-15',
        auth.part,
        '1',
        '3.8950',
        '3.2000',
        i + 1 === 5500 ? auth.number : 'SPA-NOPE-1',
        auth.customer,
      ].join(','),
    );
    const sent = await t.http
      .post('/api/claims/file?wait=true')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'text/csv')
      .send([header, ...rows].join('\n'));
    expect(sent.status).toBe(201);
    const claimId = sent.body.claim.id as number;
    const [valid] = (await finance.get(`/api/claims/${claimId}/lines?after=5499&limit=1`)).body.items;
    expect(valid.lineNumber).toBe(5500);
    expect(valid.verdict).toBe('accepted');
    expect(
      (await finance.post(`/api/claims/${claimId}/lines/${valid.id}/adjust`, { approvedAmount: '0.2500', reason: 'Short shipped' })).status,
    ).toBe(200);
    const me = (await finance.get('/api/session')).body;
    const listed = (await finance.get('/api/claims?status=submitted&pageSize=200&review=true')).body.items.find(
      (c: { id: number }) => c.id === claimId,
    );
    expect(listed.lineCount).toBe(6000);
    expect(listed.review).toEqual({ linesToCheck: 5999, adjustedByUserIds: [me.userId] });
    // A page of 5,000 lines, what the queue used to read, would not have seen the adjustment.
    const firstPage = (await finance.get(`/api/claims/${claimId}/lines?after=0&limit=5000`)).body.items;
    expect(reviewOfLines(firstPage).adjustedByUserIds).toEqual([]);
    expect(authorizeBlock(me.userId, listed, listed.review.adjustedByUserIds)).toBe('own_adjustment');
    const refused = await finance.post(`/api/claims/${claimId}/authorize`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SELF_APPROVAL_FORBIDDEN');
    expect((await finance2.post(`/api/claims/${claimId}/authorize`, {})).status).toBe(200);
    // Without review=true the list stays as it was: no figures, the line count.
    const plain = (await finance.get('/api/claims?status=authorized&pageSize=200')).body.items.find(
      (c: { id: number }) => c.id === claimId,
    );
    expect(plain.review).toBeUndefined();
    expect(plain.lineCount).toBe(6000);
  });

  it('keeps everyone who ever adjusted a line from authorizing, not only the last: a second adjustment does not clear the first adjuster', async () => {
    const finance = await t.as(USERS.finance);
    const finance2 = await t.as(USERS.finance2);
    const admin = await t.as(USERS.admin);
    const arrow = await t.as(USERS.arrowhead);
    const auth = await approvedAuthorization(t, { quantity: 10, cost: '3.2000', part: 'VS-ADC-24S', justification: 'two adjusters' });
    const header =
      'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Book Cost,Authorized Cost,Authorization Number,End Customer';
    const csv = [1, 2].map((n) => [`TA-${n}`, '1', '2026-10-15', auth.part, '1', '3.8950', '3.2000', auth.number, auth.customer].join(','));
    const sent = await t.http
      .post('/api/claims/file?wait=true')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'text/csv')
      .send([header, ...csv].join('\n'));
    expect(sent.status).toBe(201);
    const claim = sent.body.claim as { id: number };
    const [line] = (await finance.get(`/api/claims/${claim.id}/lines?after=0&limit=1`)).body.items;
    const me = (await finance.get('/api/session')).body;
    const me2 = (await finance2.get('/api/session')).body;
    expect(
      (await finance.post(`/api/claims/${claim.id}/lines/${line.id}/adjust`, { approvedAmount: '0.5000', reason: 'Short shipped' })).status,
    ).toBe(200);
    // finance2 adjusts the same line after: the line now names finance2 only.
    expect(
      (await finance2.post(`/api/claims/${claim.id}/lines/${line.id}/adjust`, { approvedAmount: '0.7500', reason: 'Found the POD' }))
        .status,
    ).toBe(200);
    expect((await finance.get(`/api/claims/${claim.id}/lines?after=0&limit=1`)).body.items[0].adjustedByUserId).toBe(me2.userId);
    const listed = (await finance.get('/api/claims?status=submitted&pageSize=200&review=true')).body.items.find(
      (c: { id: number }) => c.id === claim.id,
    );
    expect(listed.review.adjustedByUserIds).toEqual([me.userId, me2.userId].sort((a, b) => a - b));
    for (const who of [finance, finance2]) {
      const refused = await who.post(`/api/claims/${claim.id}/authorize`, {});
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('SELF_APPROVAL_FORBIDDEN');
    }
    // A third person authorizes.
    expect((await admin.post(`/api/claims/${claim.id}/authorize`, {})).body.status).toBe('authorized');
  });
});
