/**
 * The EDI outbound side (issue 17): a 997 / TA1 written once per received interchange even when
 * its job runs again after a crash part-way; what is written to a partner delivered by itself to
 * the outbound folder and by e-mail (a real SMTP server); the 845 on a partner's schedule through
 * the jobs runtime (BullMQ over Redis).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readX12 } from '../../core/edi/index.js';
import { findUserByEmail } from '../../server/auth/auth.repository.js';
import { acknowledge, partnerOf } from '../../server/edi/edi.service.js';
import { senderActor, queueFile } from '../../server/edi/intake.js';
import { queueScheduled845s } from '../../server/edi/outbound.js';
import type { EdiTransports } from '../../server/edi/transports.js';
import { runJob } from '../../server/jobs/processors.js';
import type { Jobs } from '../../server/jobs/runtime.js';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { ARROWHEAD, downloadX12 } from '../support/edi.js';
import { REDIS_URL, redisOrSkip } from '../support/redis.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { body867, interchange } from '../core/edi/x12.js';

const PARTNER = { isaQualifier: 'ZZ', isaId: 'ARROWDIST', ourIsaQualifier: 'ZZ', ourIsaId: 'ACMESEMI' };
const PARTNER_MAIL = 'edi@arrowhead.example';

async function putPartner(t: TestApp, body: Record<string, unknown>) {
  const admin = await t.as(USERS.admin);
  return t.http.put(`/api/edi/partners/${ARROWHEAD}`).set('Authorization', bearerOf(admin)).send(body);
}

async function setPartner(t: TestApp, extra: Record<string, unknown>) {
  const put = await putPartner(t, { ...PARTNER, ...extra });
  if (put.status !== 200) throw new Error(`partner settings: ${put.status} ${JSON.stringify(put.body)}`);
  return put.body as { outboundEmail: string | null; notice845Minutes: number | null };
}

interface Doc {
  id: number;
  kind: string;
  interchangeControl: number;
  receivedControl: string | null;
  delivery: string | null;
}

describeDb('EDI documents: once, and delivered by themselves', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let arrow: Client;
  let outDir: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    outDir = mkdtempSync(join(tmpdir(), 'bec-outbound-'));
    t = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'BEC <edi@bec.example>', EDI_OUTBOUND_DIR: outDir } });
    arrow = await t.as(USERS.arrowhead);
    const saved = await setPartner(t, { outboundEmail: PARTNER_MAIL });
    expect(saved.outboundEmail).toBe(PARTNER_MAIL);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  const docsOf = async (importId: number) => (await arrow.get(`/api/edi/documents?importId=${importId}`)).body.items as Doc[];

  it('writes the 997 and the TA1 of an interchange once when its job runs again after a crash part-way', async () => {
    const file = interchange({ control: '000000901', transactions: [{ type: '867', control: '0001', body: body867() }] }).replace(
      '*00401*000000901*0*',
      '*00401*000000901*1*',
    );
    const jobs = t.app.locals.jobs as Jobs;
    const actor = await senderActor(await findUserByEmail(USERS.arrowhead), ARROWHEAD);
    // The file stored and its job row made, as an upload does; not queued: this test runs it.
    const queued = await queueFile(actor, jobs, { purpose: 'pos', body: Readable.from([file]), fileName: 'retry.x12' });
    // The first run got as far as acknowledging the interchange, then its worker died.
    const partner = await partnerOf(ARROWHEAD);
    const { receipts } = await readX12(file, partner.settings);
    const first = await acknowledge(ARROWHEAD, queued.importId, receipts);
    expect(first.map((d) => d.kind).sort()).toEqual(['997', 'TA1']);
    const counters = (await partnerOf(ARROWHEAD)).lastInterchangeControl;
    // The retry runs the whole job, and once more after it ended.
    await runJob(queued.job, { attempt: 2, finalAttempt: false });
    await runJob(queued.job, { attempt: 3, finalAttempt: true });
    expect((await arrow.get(`/api/imports/${queued.importId}`)).body).toMatchObject({ status: 'completed', rowsAccepted: 3 });
    const docs = await docsOf(queued.importId);
    expect(docs.map((d) => [d.kind, d.id, d.interchangeControl]).sort()).toEqual(
      first.map((d) => [d.kind, d.id, d.interchangeControl]).sort(),
    );
    expect(docs.every((d) => d.receivedControl === '000000901')).toBe(true);
    // No control number was taken for a second copy.
    expect((await partnerOf(ARROWHEAD)).lastInterchangeControl).toBe(counters);
    // Acknowledging the same interchange again answers the kept documents.
    const again = await acknowledge(ARROWHEAD, queued.importId, receipts);
    expect(again.map((d) => d.id).sort()).toEqual(first.map((d) => d.id).sort());
  });

  it("puts a 997 in the partner's outbound folder, whole, and e-mails it to the partner's address", async () => {
    const file = interchange({ control: '000000902', transactions: [{ type: '867', control: '0001', body: body867() }] });
    const res = await t.http
      .post('/api/imports?wait=true&fileName=out.x12')
      .set('Authorization', bearerOf(arrow))
      .set('Content-Type', 'application/edi-x12')
      .send(file);
    expect(res.status).toBe(201);
    const [ack] = await docsOf(res.body.id);
    expect(ack).toMatchObject({ kind: '997', delivery: 'delivered' });
    const name = `997-${String(ack!.interchangeControl).padStart(9, '0')}.x12`;
    const folder = join(outDir, String(ARROWHEAD));
    const content = (await downloadX12(t, arrow, `/api/edi/documents/${ack!.id}/content`)).body as string;
    expect(readFileSync(join(folder, name), 'utf8')).toBe(content);
    // Written under a dot name and renamed: nothing half-written is left behind.
    expect(readdirSync(folder).filter((f) => f.startsWith('.'))).toEqual([]);
    for (;;) {
      const mail = smtp.received.find((m) => m.to.includes(PARTNER_MAIL) && m.subject.startsWith(`X12 997 ${name.slice(4, 13)}`));
      if (mail) {
        expect(mail.raw).toContain(`filename=${name}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The delivery is audited with where it went.
    const admin = await t.as(USERS.admin);
    const audit = (await admin.get('/api/audit?action=edi_document.delivered')).body.items as {
      entityId: string;
      after: { folder: string; email: string };
    }[];
    expect(audit.find((a) => a.entityId === String(ack!.id))!.after).toMatchObject({
      folder: join(String(ARROWHEAD), name),
      email: PARTNER_MAIL,
    });
  });

  it('refuses a partner schedule or address that is not one, naming the field', async () => {
    const bad = await putPartner(t, { ...PARTNER, outboundEmail: 'not an address', notice845Minutes: 1 });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['notice845Minutes', 'outboundEmail']);
  });
});

describeDb('the 845 on a schedule (jobs over Redis)', () => {
  let t: TestApp | null = null;
  let outDir: string;
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'bec-outbound-845-'));
    if (!(await redisOrSkip('the scheduled 845 tests'))) return;
    t = await startTestApp({
      env: { REDIS_URL, QUEUE_PREFIX: `bec-845-${randomBytes(4).toString('hex')}`, WORKER_IN_PROCESS: 'true', EDI_OUTBOUND_DIR: outDir },
    });
    await setPartner(t, { notice845Minutes: 60 });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("writes a partner's 845 of the changes when its period comes, through a queued job, and puts it in its folder", async () => {
    if (!t) return;
    const app = t;
    const auth = await approvedAuthorization(app, { quantity: 40, cost: '2.0000' });
    const arrow = await app.as(USERS.arrowhead);
    const transports = app.app.locals.ediTransports as EdiTransports;
    // The schedule's tick: the partner has had no 845, so one is due; the job runs on the BullMQ worker.
    await transports.outbound!.tick();
    let doc: Doc | undefined;
    for (;;) {
      [doc] = (await arrow.get('/api/edi/documents?kind=845')).body.items as Doc[];
      if (doc?.delivery === 'delivered') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const content = (await downloadX12(app, arrow, `/api/edi/documents/${doc.id}/content`)).body as string;
    expect(content).toContain(`BPA*00*${auth.number}*`);
    const name = `845-${String(doc.interchangeControl).padStart(9, '0')}.x12`;
    expect(readFileSync(join(outDir, String(ARROWHEAD), name), 'utf8')).toBe(content);
    // Within the period nothing more is queued; an hour on, the next one is due.
    const jobs = app.app.locals.jobs as Jobs;
    expect(await queueScheduled845s(jobs.queue)).toBe(0);
    expect(await queueScheduled845s(jobs.queue, new Date(Date.now() + 61 * 60_000))).toBe(1);
    expect(existsSync(join(outDir, String(ARROWHEAD)))).toBe(true);
  });
});
