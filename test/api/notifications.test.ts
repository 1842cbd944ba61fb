/**
 * The in-app inbox and e-mail: each main event reaches the users it concerns (a distributor's
 * own users only), e-mails arrive at a real SMTP server started here, preferences decide the
 * channel, and the daily digest (run with a fixed clock) sends one e-mail per user once.
 */
import { EVENT_NAMES } from '../../server/notifications/events.js';
import { runDailyDigest } from '../../server/notifications/notifications.service.js';
import { notificationsSettled } from '../../server/notifications/runtime.js';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

interface Item {
  id: number;
  event: string;
  entityType: string;
  entityId: string;
  distributorId: number | null;
  title: string;
  body: string;
  read: boolean;
}

describeDb('notifications: inbox, e-mail, preferences, digest', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let arrow: Client;
  let north: Client;
  let cm: Client;
  let finance: Client;
  let finance2: Client;
  let admin: Client;
  /** The authorization the decision test issues; the claim test claims against it. */
  let auth: Awaited<ReturnType<typeof approvedAuthorization>>;
  const inbox = async (c: Client, q = '') => {
    await notificationsSettled();
    const res = await c.get(`/api/notifications${q}`);
    expect(res.status).toBe(200);
    return res.body as { items: Item[]; total: number; unread: number; page: number; pageSize: number };
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'BEC <bec@voltaic.example>' } });
    [arrow, north, cm, finance, finance2, admin] = await Promise.all(
      [USERS.arrowhead, USERS.northbridge, USERS.cm, USERS.finance, USERS.finance2, USERS.admin].map((u) => t.as(u)),
    );
  });
  afterAll(async () => {
    await notificationsSettled();
    await t.close();
    await smtp.close();
  });

  it('starts with the defaults: every event in the inbox and in the daily digest', async () => {
    const res = await arrow.get('/api/notifications/preferences');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(EVENT_NAMES.length);
    expect(res.body.items.every((p: { inApp: boolean; email: string }) => p.inApp && p.email === 'digest')).toBe(true);
    expect((await inbox(arrow)).total).toBe(0);
  });

  it('refuses a preference for an unknown event or channel, naming the field', async () => {
    const res = await t.http
      .put('/api/notifications/preferences')
      .set('Authorization', bearerOf(arrow))
      .send({ preferences: [{ event: 'claim.exploded', inApp: true, email: 'digest' }] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('preferences.0.event');
    const bad = await t.http
      .put('/api/notifications/preferences')
      .set('Authorization', bearerOf(arrow))
      .send({ preferences: [{ event: 'request.decided', inApp: true, email: 'hourly' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('preferences.0.email');
  });

  it("tells a decision and its authorization to the distributor's own users, e-mailing at once who asked for it", async () => {
    const put = await t.http
      .put('/api/notifications/preferences')
      .set('Authorization', bearerOf(arrow))
      .send({ preferences: [{ event: 'request.decided', inApp: true, email: 'instant' }] });
    expect(put.status).toBe(200);
    expect(put.body.items.find((p: { event: string }) => p.event === 'request.decided').email).toBe('instant');
    const audit = await admin.get('/api/audit?action=notification_preferences.changed');
    expect(audit.body.items.length).toBe(1);

    auth = await approvedAuthorization(t, { quantity: 50, cost: '5.9000' });
    const box = await inbox(arrow);
    expect(box.items.map((i) => i.event).sort()).toEqual(['authorization.changed', 'request.decided']);
    expect(box.unread).toBe(2);
    expect(box.items.find((i) => i.event === 'request.decided')!.body).toMatch(/approved: now approved/);
    // Other distributors and the approver hear nothing of it.
    expect((await inbox(north)).total).toBe(0);
    expect((await inbox(cm)).total).toBe(0);

    const mails = await smtp.waitFor(1);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([USERS.arrowhead]);
    expect(mails[0]!.from).toBe('bec@voltaic.example');
    expect(mails[0]!.subject).toBe('[BEC] Special-price request decided');
    expect(mails[0]!.raw).toMatch(/approved: now approved/);
  });

  it('tells the reviewers of a submitted claim, then the distributor of its authorization and its credit memo', async () => {
    const claim = await arrow.post('/api/claims', {
      debitMemoNumber: 'NTF-DM-1',
      submit: true,
      lines: [
        {
          authorizationNumber: auth.number,
          vendorPartNumber: auth.part,
          endCustomerName: auth.customer,
          invoiceNumber: 'NTF-INV-1',
          invoiceLine: '1',
          invoiceDate: '2026-11-10',
          quantity: 10,
          bookCost: '6.0270',
          authorizedCost: '5.9000',
        },
      ],
    });
    expect(claim.status).toBe(201);
    expect(claim.body.status).toBe('submitted');
    for (const c of [finance, admin, finance2]) {
      const submitted = (await inbox(c)).items.filter((i) => i.event === 'claim.submitted');
      expect(submitted.map((i) => i.entityId)).toEqual([String(claim.body.id)]);
      expect(submitted[0]!.body).toContain(claim.body.number);
    }
    expect((await inbox(arrow)).items.some((i) => i.event === 'claim.submitted')).toBe(false);
    expect((await inbox(cm)).total).toBe(0);

    expect((await finance.post(`/api/claims/${claim.body.id}/authorize`)).status).toBe(200);
    expect((await finance2.post(`/api/claims/${claim.body.id}/pay`, { externalRef: 'ERP-NTF' })).status).toBe(200);
    const box = await inbox(arrow);
    const memo = box.items.find((i) => i.event === 'credit_memo.issued')!;
    expect(memo.body).toMatch(/^Credit memo CM-\S+ issued for claim \S+: 1\.2700 USD$/);
    expect(box.items.find((i) => i.event === 'claim.authorized')!.body).toContain('1.2700 USD');
    expect((await inbox(north)).total).toBe(0);
  });

  it('tells the user who sent an import that it finished, and no one else', async () => {
    const csv = 'Invoice No,Line,Invoice Date,Mfr Part,Qty\nNTF-POS-1,1,2026-11-12,VS-MCU-32F4,1\n';
    const res = await t.http.post('/api/imports?wait=true').set('Authorization', bearerOf(arrow)).set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(201);
    const finished = (await inbox(arrow)).items.filter((i) => i.event === 'import.finished');
    expect(finished.map((i) => i.entityId)).toEqual([String(res.body.id)]);
    expect(finished[0]!.body).toBe(`Import ${res.body.id} completed: 1 rows read, 0 rejected`);
    expect((await inbox(finance)).items.some((i) => i.event === 'import.finished')).toBe(false);
  });

  it('pages the inbox, marks one read (only your own) and then all', async () => {
    const all = await inbox(arrow, '?status=all');
    expect(all.total).toBe(5);
    const page2 = await inbox(arrow, '?status=all&pageSize=2&page=2');
    expect(page2.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
    expect((await arrow.get('/api/notifications?pageSize=500')).status).toBe(400);

    const first = all.items[0]!;
    expect((await north.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    expect((await finance.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    const read = await arrow.post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.read).toBe(true);
    const unread = await inbox(arrow);
    expect(unread.unread).toBe(4);
    expect(unread.items.map((i) => i.id)).not.toContain(first.id);

    const allRead = await arrow.post('/api/notifications/read-all');
    expect(allRead.body).toEqual({ marked: 4 });
    expect((await inbox(arrow)).unread).toBe(0);
    expect((await inbox(arrow, '?status=all')).total).toBe(5);
    // Another user's inbox is untouched.
    expect((await inbox(finance)).unread).toBe(1);
  });

  it('sends the daily digest once per user with what waited up to the clock, and never twice', async () => {
    const before = smtp.received.length;
    expect(await runDailyDigest(new Date('2020-01-01T07:00:00Z'))).toEqual({ sent: 0, notifications: 0 });
    const clock = new Date(Date.now() + 1000);
    const outcome = await runDailyDigest(clock);
    // Arrowhead: authorization, claim authorized, credit memo, import (the decision was e-mailed at once); finance, finance2, admin: the claim.
    expect(outcome).toEqual({ sent: 4, notifications: 7 });
    const digests = smtp.received.slice(before);
    expect(digests.map((m) => m.to[0]).sort()).toEqual([USERS.admin, USERS.arrowhead, USERS.finance, USERS.finance2].sort());
    const mine = digests.find((m) => m.to[0] === USERS.arrowhead)!;
    expect(mine.subject).toBe('[BEC] Your daily digest: 4 updates');
    for (const title of ['Authorization changed', 'Claim authorized', 'Credit memo issued', 'Import finished'])
      expect(mine.raw).toContain(title);
    expect(mine.raw).not.toContain('Special-price request decided');
    expect(await runDailyDigest(new Date(clock.getTime() + 86_400_000))).toEqual({ sent: 0, notifications: 0 });
  });

  it('keeps an event out of the inbox and the e-mail when the user turns both off', async () => {
    await t.http
      .put('/api/notifications/preferences')
      .set('Authorization', bearerOf(arrow))
      .send({
        preferences: [
          { event: 'request.decided', inApp: false, email: 'off' },
          { event: 'authorization.changed', inApp: false, email: 'off' },
        ],
      })
      .expect(200);
    const mails = smtp.received.length;
    const totalBefore = (await inbox(arrow, '?status=all')).total;
    await approvedAuthorization(t, { quantity: 5, cost: '5.9500' });
    expect((await inbox(arrow, '?status=all')).total).toBe(totalBefore);
    expect(smtp.received.length).toBe(mails);
    // Another user of the same distributor would still hear of it: only this user's choice changed.
    expect((await runDailyDigest(new Date(Date.now() + 1000))).notifications).toBe(0);
  });
});
