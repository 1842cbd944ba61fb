import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

describeDb('health and OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers health with the dialect', async () => {
    const res = await t.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('publishes an OpenAPI 3.1 document with every resource', async () => {
    const res = await t.http.get('/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    for (const p of ['/api/programs', '/api/requests/{id}/approve', '/api/claims/{id}/lines/{lineId}/adjust', '/api/claims/{id}/pay']) {
      expect(Object.keys(res.body.paths)).toContain(p);
    }
  });

  it('lists the seeded claims to finance', async () => {
    const finance = await t.as(USERS.finance);
    const res = await finance.get('/api/claims');
    expect(res.status).toBe(200);
    expect(new Set(res.body.items.map((c: { status: string }) => c.status))).toEqual(
      new Set(['draft', 'submitted', 'authorized', 'paid', 'rejected']),
    );
  });
});
