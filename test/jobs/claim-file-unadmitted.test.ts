/**
 * A process that stopped between making a claim file's job row and admitting it (the re-sent file
 * check, `admitClaimFile`) left a queued row that no check has seen. When a process starts again
 * and `recoverJobs` queues that row, its run makes the same check first: the same bytes as a claim
 * that stands fail the job with DUPLICATE_FILE on the import row (no second claim, the stored file
 * gone); another file, or one the sender sent with `resend`, runs as it would have.
 *
 * The stopped process is simulated from the outside: the row is made by intake's own first step
 * (`createFileJob`, what `queueFile` does before it admits), and never admitted.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { QueryTypes } from 'sequelize';
import { findUserByEmail } from '../../server/auth/auth.repository.js';
import { createFileJob, senderActor } from '../../server/edi/intake.js';
import { recoverJobs, runJob } from '../../server/jobs/processors.js';
import { MemoryJobQueue } from '../../server/jobs/queue.js';
import { UploadStore } from '../../server/jobs/uploads.js';
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

describeDb('a claim file row its process left before admitting it', () => {
  let t: TestApp;
  let arrow: Client;
  let auth: Awaited<ReturnType<typeof approvedAuthorization>>;
  const uploads = new UploadStore(join(tmpdir(), `bec_uploads_unadmitted_${process.pid}`));
  beforeAll(async () => {
    t = await startTestApp();
    arrow = await t.as(USERS.arrowhead);
    auth = await approvedAuthorization(t, { quantity: 1000, cost: '2.0000' });
  });
  afterAll(() => t.close());

  /** A claim file of one line per invoice, under the authorization. */
  const file = (invoices: string[]) =>
    [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,S&D Number,Book Cost,Authorized Cost,End Customer Name',
      ...invoices.map((inv) => `${inv},1,2026-11-12,${auth.part},4,${auth.number},3.00,2.00,${auth.customer}`),
    ].join('\r\n');
  const send = (csv: string, q = '?wait=true') =>
    t.http.post(`/api/claims/file${q}`).set('Authorization', bearerOf(arrow)).set('Content-Type', 'text/csv').send(csv);
  const claimCount = async () => (await arrow.get('/api/claims?pageSize=1')).body.total as number;

  /** What a process that stopped right after making the row leaves: the stored file and its queued row, not admitted. */
  async function leftUnadmitted(csv: string, resend = false) {
    const actor = await senderActor(await findUserByEmail(USERS.arrowhead), null);
    const stored = await uploads.store(Readable.from([Buffer.from(csv)]));
    const queued = await createFileJob(actor, stored, { purpose: 'claim', fileName: 'stopped.csv', resend });
    return { importId: queued.importId, path: stored.path };
  }

  /** A process started again: it queues what the database holds unfinished, and runs it. */
  async function restart() {
    const queue = new MemoryJobQueue(runJob);
    const found = await recoverJobs(queue);
    await queue.close();
    return found;
  }

  const importOf = async (id: number) => (await arrow.get(`/api/imports/${id}`)).body;

  it('fails the row with DUPLICATE_FILE naming the claim it would repeat, and makes no second claim', async () => {
    const csv = file(['UA-100', 'UA-101']);
    const first = await send(csv);
    expect(first.status).toBe(201);
    const claims = await claimCount();

    const left = await leftUnadmitted(csv);
    expect((await importOf(left.importId)).status).toBe('queued');
    expect(await restart()).toBeGreaterThanOrEqual(1);

    const job = await importOf(left.importId);
    expect(job.status).toBe('failed');
    expect(JSON.parse(job.failure)).toMatchObject({
      code: 'DUPLICATE_FILE',
      status: 409,
      claimId: first.body.claim.id,
      claimNumber: first.body.claim.number,
      earlierImportId: first.body.importId,
    });
    expect(JSON.parse(job.failure).message).toContain('resend=true');
    // No claim from it, none of its lines anywhere; its stored file is gone.
    expect(await claimCount()).toBe(claims);
    const [row] = await t.db.sequelize.query<{ claimId: number | null; uploadPath: string | null }>(
      'SELECT claim_id AS claimId, upload_path AS uploadPath FROM pos_imports WHERE id = ?',
      { replacements: [left.importId], type: QueryTypes.SELECT },
    );
    expect(row).toEqual({ claimId: null, uploadPath: null });
    expect(existsSync(left.path)).toBe(false);
  });

  it('runs a row of a file not sent before as intake would have: its claim is made', async () => {
    const claims = await claimCount();
    const left = await leftUnadmitted(file(['UA-200']));
    await restart();

    const job = await importOf(left.importId);
    expect(job.status).toBe('completed');
    expect(job.failure).toBeNull();
    expect(await claimCount()).toBe(claims + 1);
    const claim = (await arrow.get(`/api/claims/${job.result.claim.id}`)).body;
    expect(claim.lines.map((l: { verdict: string }) => l.verdict)).toEqual(['accepted']);
    // Admitted now: the same bytes sent again are refused at intake, naming this row.
    const again = await send(file(['UA-200']));
    expect({ status: again.status, code: again.body.code, earlier: again.body.earlierImportId }).toEqual({
      status: 409,
      code: 'DUPLICATE_FILE',
      earlier: left.importId,
    });
  });

  it('honours the resend its sender gave: the second claim is made, its audit naming the claim it repeats', async () => {
    const csv = file(['UA-300']);
    const first = await send(csv);
    expect(first.status).toBe(201);
    const claims = await claimCount();

    const left = await leftUnadmitted(csv, true);
    await restart();

    const job = await importOf(left.importId);
    expect(job.status).toBe('completed');
    expect(await claimCount()).toBe(claims + 1);
    const admin = await t.as(USERS.admin);
    const claimId = job.result.claim.id as number;
    const audit = (await admin.get(`/api/audit?action=claim.created&entityType=claim&entityId=${claimId}`)).body.items as {
      after: { resendOf?: { claimNumber: string; importId: number } };
    }[];
    expect(audit[0]!.after.resendOf).toMatchObject({ claimNumber: first.body.claim.number, importId: first.body.importId });
  });
});
