/** Lists are compressed and answer 304 to their ETag; answers are private and revalidated. */
import { bearerOf, describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

describeDb('compression and conditional GET', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('compresses a list, revalidates it by ETag, and keeps it out of shared caches', async () => {
    const auth = bearerOf(await t.as(USERS.cm));
    const first = await t.http.get('/api/claims?pageSize=50').set('Authorization', auth).set('Accept-Encoding', 'gzip');
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.body.items.length).toBeGreaterThan(0);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);

    const again = await t.http.get('/api/claims?pageSize=50').set('Authorization', auth).set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    // Another page is another answer.
    const other = await t.http.get('/api/claims?pageSize=1').set('Authorization', auth).set('If-None-Match', etag);
    expect(other.status).toBe(200);
  });

  it('leaves small answers uncompressed', async () => {
    const r = await t.http.get('/api/health').set('Accept-Encoding', 'gzip');
    expect(r.headers['content-encoding']).toBeUndefined();
  });
});
