import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

/** Keyset pages (issue 19): every row once, in the list's order, whatever the page size; a foreign or edited cursor is a 400 naming it. */
describeDb('lists paged by cursor', () => {
  let t: TestApp;
  let admin: Client;
  let arrow: Client;
  beforeAll(async () => {
    t = await startTestApp();
    [admin, arrow] = await Promise.all([t.as(USERS.admin), t.as(USERS.arrowhead)]);
  });
  afterAll(() => t.close());

  /** Walks a list by its nextCursor from the first page, as a client does. */
  async function walk(c: Client, path: string) {
    const ids: number[] = [];
    const sep = path.includes('?') ? '&' : '?';
    let first = (await c.get(path)).body;
    ids.push(...first.items.map((i: { id: number }) => i.id));
    for (let cursor = first.nextCursor as string | null; cursor;) {
      const r = await c.get(`${path}${sep}cursor=${encodeURIComponent(cursor)}`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBeUndefined(); // a cursor page counts nothing
      ids.push(...r.body.items.map((i: { id: number }) => i.id));
      cursor = r.body.nextCursor;
      first = r.body;
    }
    return ids;
  }

  it('pages the claims list newest first, each claim once, the same rows the page numbers give', async () => {
    const all = (await admin.get('/api/claims?pageSize=200')).body;
    expect(all.items.length).toBeGreaterThan(3);
    expect(all.nextCursor).toBeNull();
    expect(await walk(admin, '/api/claims?pageSize=2')).toEqual(all.items.map((c: { id: number }) => c.id));
    const submitted = (await admin.get('/api/claims?status=submitted&pageSize=200')).body.items.map((c: { id: number }) => c.id);
    expect(await walk(admin, '/api/claims?status=submitted&pageSize=1')).toEqual(submitted);
  });

  it("keeps a distributor's cursor pages to its own claims", async () => {
    const own = (await arrow.get('/api/session')).body.distributorId;
    const all = (await admin.get(`/api/claims?distributorId=${own}&pageSize=200`)).body.items.map((c: { id: number }) => c.id);
    expect(await walk(arrow, '/api/claims?pageSize=1')).toEqual(all);
  });

  it("pages the approval queue and a claim's lines by cursor", async () => {
    const queue = (await admin.get('/api/requests?pageSize=200')).body.items.map((r: { id: number }) => r.id);
    expect(queue.length).toBeGreaterThan(1);
    expect(await walk(admin, '/api/requests?pageSize=1')).toEqual(queue);
    const claim = (await admin.get('/api/claims?pageSize=200')).body.items.find((c: { lineCount: number }) => c.lineCount > 1);
    const lines = (await admin.get(`/api/claims/${claim.id}/lines`)).body;
    expect(lines.nextCursor).toBeNull();
    const first = (await admin.get(`/api/claims/${claim.id}/lines?limit=1`)).body;
    expect(first.next).toBe(lines.items[0].lineNumber);
    const second = (await admin.get(`/api/claims/${claim.id}/lines?limit=1&cursor=${first.nextCursor}`)).body;
    expect(second.items[0].id).toBe(lines.items[1].id);
  });

  it("refuses another list's cursor and an edited one with a 400 naming the cursor", async () => {
    const requestsCursor = (await admin.get('/api/requests?pageSize=1')).body.nextCursor as string;
    for (const cursor of [requestsCursor, 'not-a-cursor', Buffer.from('["claims",-1]').toString('base64url')]) {
      const r = await admin.get(`/api/claims?cursor=${encodeURIComponent(cursor)}`);
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
    }
  });
});
