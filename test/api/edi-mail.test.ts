/**
 * E-mail intake (MAIL_INTAKE_PORT): a distributor user mails a file to the product's SMTP endpoint
 * with a real SMTP client (nodemailer); it is imported through the same job as an upload, and the
 * reply (the verdict summary, the error report attached) arrives at the test's SMTP server.
 */
import nodemailer from 'nodemailer';
import type { MailIntake } from '../../server/edi/mail-intake.js';
import { approvedAuthorization, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { arrowheadPartner } from '../support/edi.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.js';
import { claim844 } from '../core/edi/x12.js';
import { parseMessage } from '../../server/edi/mime.js';
const CSV = [
  'Invoice Number,Invoice Line,Invoice Date,Vendor Part Number,Quantity,Resale Price,End Customer Name',
  'MAIL-1,1,2026-10-02,VS-ADC-24S,12,9.50,Cascade Robotics',
  'MAIL-1,2,not a date,VS-ADC-24S,3,9.50,Cascade Robotics',
].join('\r\n');

describeDb('e-mail intake', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let arrow: Client;
  let admin: Client;
  let send: ReturnType<typeof nodemailer.createTransport>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_INTAKE_PORT: '0', MAIL_FROM: 'BEC <edi@bec.example>' } });
    [arrow, admin] = await Promise.all([t.as(USERS.arrowhead), t.as(USERS.admin)]);
    const port = await (t.app.locals.ediTransports as { mail: MailIntake }).mail.ready;
    send = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    await arrowheadPartner(t);
  });
  afterAll(async () => {
    send.close();
    await t.close();
    await smtp.close();
  });

  /** The reply to `to` whose subject is `subject` (other e-mails, the notifications', may come too). */
  const replyTo = async (to: string, subject: string): Promise<ReceivedMail> => {
    for (;;) {
      const hit = smtp.received.find((m) => m.to.includes(to) && m.subject === subject);
      if (hit) return hit;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('imports a CSV mailed by a distributor user and answers with the summary and the error report', async () => {
    const info = await send.sendMail({
      from: `Arrowhead Ops <${USERS.arrowhead}>`,
      to: 'edi@bec.example',
      subject: 'December POS',
      text: 'Our December report.',
      attachments: [{ filename: 'december.csv', content: CSV, contentType: 'text/csv' }],
    });
    expect(info.accepted).toEqual(['edi@bec.example']);
    const reply = await replyTo(USERS.arrowhead, 'Re: December POS');
    expect(reply.from).toBe('edi@bec.example');
    const msg = parseMessage(Buffer.from(reply.raw, 'utf8'));
    expect(msg.headers.get('in-reply-to')).toBe(info.messageId);
    expect(reply.raw).toContain('Rows read 2, accepted 1, duplicates 0, rejected 1.');
    const report = msg.attachments.find((a) => /^import-\d+-errors\.csv$/.test(a.fileName))!;
    expect(report.content.toString('utf8')).toContain('invoiceDate');
    const importId = Number(/import-(\d+)-errors/.exec(report.fileName)![1]);
    const imp = (await arrow.get(`/api/imports/${importId}`)).body;
    expect(imp).toMatchObject({ fileName: 'december.csv', format: 'csv', rowsAccepted: 1, rowsRejected: 1 });
    const audit = (await admin.get('/api/audit?action=mail_intake.received')).body.items as { after: { files: { importId: number }[] } }[];
    expect(audit.some((a) => a.after.files.some((f) => f.importId === importId))).toBe(true);
  });

  it('imports an 844 attachment as a claim and answers with its verdicts', async () => {
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '2.0000' });
    const x12 = claim844({
      control: '000000801',
      debitMemo: 'DM-MAIL-1',
      authorization: auth.number,
      part: auth.part,
      customer: auth.customer,
      invoice: 'MAIL-INV-1',
    });
    await send.sendMail({
      from: USERS.arrowhead,
      to: 'edi@bec.example',
      subject: 'Claim DM-MAIL-1',
      text: 'attached',
      attachments: [{ filename: 'claim.844', content: x12 }],
    });
    const reply = await replyTo(USERS.arrowhead, 'Re: Claim DM-MAIL-1');
    const text = reply.raw.replace(/=\r?\n/g, '');
    expect(text).toMatch(/Claim CLM-\S+ \(debit memo DM-MAIL-1\): submitted; lines accepted 1, partly accepted 0, rejected 0/);
    const claims = (await arrow.get('/api/claims?pageSize=200')).body.items as { debitMemoNumber: string | null }[];
    expect(claims.some((c) => c.debitMemoNumber === 'DM-MAIL-1')).toBe(true);
  });

  it('imports a CSV claim file mailed with the subject "claim <debit memo>" as a claim, through the same door', async () => {
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '2.0000' });
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,S&D Number,Book Cost,Authorized Cost,End Customer Name',
      `MAIL-CLM-1,1,2026-11-12,${auth.part},4,${auth.number},3.00,2.00,${auth.customer}`,
    ].join('\r\n');
    await send.sendMail({
      from: USERS.arrowhead,
      to: 'edi@bec.example',
      subject: 'Claim DM-MAIL-CSV',
      text: 'our claim',
      attachments: [{ filename: 'claim.csv', content: csv, contentType: 'text/csv' }],
    });
    const reply = await replyTo(USERS.arrowhead, 'Re: Claim DM-MAIL-CSV');
    const text = reply.raw.replace(/=\r?\n/g, '');
    expect(text).toContain('(claim file, CSV) completed');
    expect(text).toMatch(/Claim CLM-\S+ \(debit memo DM-MAIL-CSV\): submitted; lines accepted 1, partly accepted 0, rejected 0/);
    const claims = (await arrow.get('/api/claims?pageSize=200')).body.items as { debitMemoNumber: string | null; lineCount: number }[];
    expect(claims.find((c) => c.debitMemoNumber === 'DM-MAIL-CSV')).toMatchObject({ lineCount: 1 });
  });

  it('refuses a CSV claim file mailed again (no debit memo to tell it by) at intake: the reply says it was sent already and names the claim; no job, no second claim', async () => {
    const auth = await approvedAuthorization(t, { quantity: 100, cost: '2.0000' });
    const csv = [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,S&D Number,Book Cost,Authorized Cost,End Customer Name',
      `MAIL-DUP-1,1,2026-11-12,${auth.part},4,${auth.number},3.00,2.00,${auth.customer}`,
    ].join('\r\n');
    const mail = (subject: string) =>
      send.sendMail({
        from: USERS.arrowhead,
        to: 'edi@bec.example',
        subject,
        text: 'our claim',
        attachments: [{ filename: 'claim.csv', content: csv, contentType: 'text/csv' }],
      });
    const claims = async () => (await arrow.get('/api/claims?pageSize=1')).body.total as number;
    const importIds = async () => ((await arrow.get('/api/imports')).body.items as { id: number }[]).map((i) => i.id);
    await mail('Claim');
    const first = (await replyTo(USERS.arrowhead, 'Re: Claim')).raw.replace(/=\r?\n/g, '');
    expect(first).toContain('(claim file, CSV) completed');
    const made = /Claim (CLM-[^\s:]+): submitted/.exec(first)![1]!;
    const before = await claims();
    const imports = await importIds();
    // The same message forwarded again: the same bytes, from the same distributor.
    await mail('Fwd: Claim');
    const again = (await replyTo(USERS.arrowhead, 'Re: Fwd: Claim')).raw.replace(/=\r?\n/g, '').replace(/\r?\n/g, ' ');
    // Refused at intake (server/edi/intake.ts), as the API's 409 is: the file is not taken, no job is made.
    expect(again).toContain('claim.csv: not taken: this file (the same bytes) was already sent at');
    expect(again).toContain(`made claim ${made}`);
    expect(again).toContain('(DUPLICATE_FILE)');
    expect(await claims()).toBe(before);
    expect(await importIds()).toEqual(imports);
  });

  it('refuses a sender who is not a distributor user, and audits the refusal', async () => {
    const refused = send.sendMail({
      from: 'someone@elsewhere.example',
      to: 'edi@bec.example',
      subject: 'POS',
      attachments: [{ filename: 'x.csv', content: CSV }],
    });
    await expect(refused).rejects.toMatchObject({ responseCode: 550 });
    const vendor = send.sendMail({
      from: USERS.finance,
      to: 'edi@bec.example',
      subject: 'POS',
      attachments: [{ filename: 'x.csv', content: CSV }],
    });
    await expect(vendor).rejects.toMatchObject({ responseCode: 550 });
    const audit = (await admin.get('/api/audit?action=mail_intake.refused')).body.items as {
      entityId: string;
      after: { reason: string };
    }[];
    expect(audit.map((a) => a.entityId)).toEqual(expect.arrayContaining(['someone@elsewhere.example', USERS.finance]));
    expect(audit.find((a) => a.entityId === 'someone@elsewhere.example')!.after.reason).toContain('not the registered address');
  });

  it("refuses a message whose From header is not its envelope's sender", async () => {
    const spoof = send.sendMail({
      envelope: { from: USERS.arrowhead, to: ['edi@bec.example'] },
      from: USERS.northbridge,
      to: 'edi@bec.example',
      subject: 'POS',
      attachments: [{ filename: 'x.csv', content: CSV }],
    });
    await expect(spoof).rejects.toMatchObject({ responseCode: 550 });
  });
});
