import { describeDb, startTestApp, USERS, type TestApp } from '../support/harness.js';

describeDb('programs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const input = {
    code: 'SD-EMEA-27',
    name: 'EMEA ship & debit 2027',
    type: 'ship_and_debit',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    priceFloor: '0.1500',
    requiredClaimFields: ['resellerPoNumber'],
  };

  it('lets a vendor admin create and change a program, audited with before and after', async () => {
    const admin = await t.as(USERS.admin);
    const created = await admin.post('/api/programs', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'SD-EMEA-27',
      priceFloor: '0.1500',
      productIds: [],
      requiredClaimFields: ['resellerPoNumber'],
    });
    const patched = await admin.patch(`/api/programs/${created.body.id}`, { status: 'inactive', priceFloor: '0.2' });
    expect(patched.body).toMatchObject({ status: 'inactive', priceFloor: '0.2000' });
    const events = (await admin.get(`/api/audit?entityType=program&entityId=${created.body.id}`)).body.items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['program.updated', 'program.created']);
    expect(events[0].before.status).toBe('active');
    expect(events[0].after.status).toBe('inactive');
  });

  it('refuses a duplicate code, a reversed date range and a distributor author', async () => {
    const admin = await t.as(USERS.admin);
    const cm = await t.as(USERS.cm);
    const arrow = await t.as(USERS.arrowhead);
    expect((await cm.post('/api/programs', input)).body.code).toBe('PROGRAM_CODE_TAKEN');
    const reversed = await admin.post('/api/programs', { ...input, code: 'REV-1', endDate: '2026-01-01' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].field).toBe('endDate');
    expect((await arrow.post('/api/programs', { ...input, code: 'DIST-1' })).status).toBe(403);
    expect((await t.as(USERS.finance).then((f) => f.patch('/api/programs/1', { name: 'x' }))).status).toBe(403);
  });

  it('shows a distributor only the programs it is eligible for', async () => {
    const arrow = await t.as(USERS.arrowhead);
    const north = await t.as(USERS.northbridge);
    const dpa = (await north.get('/api/programs')).body.items.find((p: { code: string }) => p.code === 'DPA-Q4');
    expect(dpa).toBeTruthy();
    expect((await arrow.get('/api/programs')).body.items.map((p: { code: string }) => p.code)).not.toContain('DPA-Q4');
    expect((await arrow.get(`/api/programs/${dpa.id}`)).status).toBe(404);
  });
});
