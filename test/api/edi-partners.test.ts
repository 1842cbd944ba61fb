/**
 * EDI X12 partners (issue 17): per-distributor settings managed by admins through the API and
 * audited, read by a distributor for itself only, and control numbers reserved per partner in a
 * transaction (distinct under concurrency, kept across settings changes).
 */
import { reserveControlNumbers } from '../../server/edi/edi.service.js';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

const ARROWHEAD = 2;
const NORTHBRIDGE = 3;

const settings = {
  isaQualifier: 'ZZ',
  isaId: 'ARROWHEAD01',
  ourIsaQualifier: 'ZZ',
  ourIsaId: 'VOLTAIC',
  refs: { authorization: ['SD'] },
};

describeDb('EDI partner settings', () => {
  let t: TestApp;
  let admin: Client;
  let arrow: Client;
  let north: Client;
  let cm: Client;
  beforeAll(async () => {
    t = await startTestApp();
    [admin, arrow, north, cm] = await Promise.all([t.as(USERS.admin), t.as(USERS.arrowhead), t.as(USERS.northbridge), t.as(USERS.cm)]);
  });
  afterAll(() => t.close());
  const put = (c: Client, path: string, body: object) => t.http.put(path).set('Authorization', bearerOf(c)).send(body);

  it('creates a partner with the defaults for the qualifiers not given, and audits it', async () => {
    const res = await put(admin, `/api/edi/partners/${ARROWHEAD}`, settings);
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({ isaId: 'ARROWHEAD01', version: '004010', usage: 'P' });
    expect(res.body.settings.refs.authorization).toEqual(['SD']);
    expect(res.body.settings.refs.invoice).toEqual(['IV', 'IK']);
    expect(res.body.settings.productIds.vendorPart).toEqual(['VP', 'MG', 'MF']);
    expect(res.body.lastInterchangeControl).toBe(0);

    const audit = await admin.get('/api/audit?entityType=edi_partner');
    const created = (audit.body.items as { action: string; entityId: string; after: { refs: { authorization: string[] } } }[]).find(
      (e) => e.action === 'edi_partner.created',
    );
    expect(created?.entityId).toBe(String(ARROWHEAD));
    expect(created?.after.refs.authorization).toEqual(['SD']);
  });

  it('replaces settings, audits before and after, and refuses an ISA id another partner holds', async () => {
    const upd = await put(admin, `/api/edi/partners/${ARROWHEAD}`, { ...settings, usage: 'T', productIds: { distributorPart: ['BP'] } });
    expect(upd.status).toBe(200);
    expect(upd.body.settings.usage).toBe('T');
    expect(upd.body.settings.productIds.distributorPart).toEqual(['BP']);
    const audit = await admin.get('/api/audit?entityType=edi_partner&action=edi_partner.updated');
    const updated = audit.body.items[0] as { before: { usage: string }; after: { usage: string } };
    expect(updated.before.usage).toBe('P');
    expect(updated.after.usage).toBe('T');

    const taken = await put(admin, `/api/edi/partners/${NORTHBRIDGE}`, { ...settings, isaId: 'ARROWHEAD01' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('EDI_ISA_ID_TAKEN');
    expect((await put(admin, `/api/edi/partners/${NORTHBRIDGE}`, { ...settings, isaId: 'NORTHBRIDGE' })).status).toBe(200);
  });

  it('refuses bad values naming the field, a non-distributor, and non-admins', async () => {
    const bad = await put(admin, `/api/edi/partners/${ARROWHEAD}`, { ...settings, isaId: 'ARROW*HEAD' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('isaId');
    const badCode = await put(admin, `/api/edi/partners/${ARROWHEAD}`, { ...settings, refs: { authorization: ['toolong'] } });
    expect(badCode.status).toBe(400);
    expect(JSON.stringify(badCode.body)).toContain('refs.authorization');
    expect((await put(admin, '/api/edi/partners/1', settings)).status).toBe(404);
    expect((await put(cm, `/api/edi/partners/${ARROWHEAD}`, settings)).status).toBe(403);
    expect((await put(arrow, `/api/edi/partners/${ARROWHEAD}`, settings)).status).toBe(403);
    expect((await arrow.get('/api/edi/partners')).status).toBe(403);
  });

  it('lets a distributor read its own settings only', async () => {
    expect((await arrow.get(`/api/edi/partners/${ARROWHEAD}`)).body.settings.isaId).toBe('ARROWHEAD01');
    const other = await arrow.get(`/api/edi/partners/${NORTHBRIDGE}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('NORTHBRIDGE"');
    expect((await north.get(`/api/edi/partners/${NORTHBRIDGE}`)).body.settings.isaId).toBe('NORTHBRIDGE');
    const all = await admin.get('/api/edi/partners');
    expect((all.body.items as { distributorId: number }[]).map((p) => p.distributorId)).toEqual([ARROWHEAD, NORTHBRIDGE]);
  });

  it('reserves distinct, increasing control numbers per partner, also when asked at once', async () => {
    const first = await reserveControlNumbers(ARROWHEAD, 3);
    expect(first).toMatchObject({ interchangeControl: 1, groupControl: 1, transactionControl: 1 });
    expect(first.partner.isaId).toBe('ARROWHEAD01');
    const many = await Promise.all(Array.from({ length: 6 }, () => reserveControlNumbers(ARROWHEAD, 2)));
    const interchanges = many.map((m) => m.interchangeControl).sort((a, b) => a - b);
    expect(interchanges).toEqual([2, 3, 4, 5, 6, 7]);
    const transactions = many.flatMap((m) => [m.transactionControl, m.transactionControl + 1]).sort((a, b) => a - b);
    expect(transactions).toEqual(Array.from({ length: 12 }, (_, i) => i + 4));
    // Another partner counts on its own; saving settings keeps the counters.
    expect((await reserveControlNumbers(NORTHBRIDGE)).interchangeControl).toBe(1);
    await put(admin, `/api/edi/partners/${ARROWHEAD}`, settings);
    const after = await admin.get(`/api/edi/partners/${ARROWHEAD}`);
    expect(after.body).toMatchObject({ lastInterchangeControl: 7, lastGroupControl: 7, lastTransactionControl: 15 });
    await expect(reserveControlNumbers(4)).rejects.toMatchObject({ code: 'EDI_PARTNER_NOT_FOUND' });
  });
});
