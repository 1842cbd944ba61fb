/**
 * A claim file sent again (the same bytes, no debit memo number to tell it by) is refused with 409
 * DUPLICATE_FILE naming the claim it made and when, instead of becoming a second claim whose every
 * line is rejected ALREADY_CLAIMED; `resend=true` makes that claim all the same. Another file, the
 * same bytes from another distributor, and a file whose claim was rejected whole are taken.
 */
import { approvedAuthorization, bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface Claim {
  id: number;
  number: string;
  status: string;
  lines?: { verdict: string; reasonCodes: string[] }[];
}

describeDb('claim files sent again', () => {
  let t: TestApp;
  let arrow: Client;
  let north: Client;
  let finance: Client;
  let arrowId: number;
  let auth: Awaited<ReturnType<typeof approvedAuthorization>>;
  beforeAll(async () => {
    t = await startTestApp();
    [arrow, north, finance] = await Promise.all([t.as(USERS.arrowhead), t.as(USERS.northbridge), t.as(USERS.finance)]);
    arrowId = (await arrow.get('/api/session')).body.distributorId;
    auth = await approvedAuthorization(t, { quantity: 1000, cost: '2.0000' });
  });
  afterAll(() => t.close());

  /** A claim file of one line per invoice, under the authorization (or another number: its lines are rejected). */
  const file = (invoices: string[], authorization = auth.number) =>
    [
      'Invoice No,Line,Invoice Date,Mfr Part,Qty,S&D Number,Book Cost,Authorized Cost,End Customer Name',
      ...invoices.map((inv) => `${inv},1,2026-11-12,${auth.part},4,${authorization},3.00,2.00,${auth.customer}`),
    ].join('\r\n');
  const send = (c: Client, csv: string, q = '') =>
    t.http.post(`/api/claims/file${q}`).set('Authorization', bearerOf(c)).set('Content-Type', 'text/csv').send(csv);
  const importIds = async () => ((await arrow.get('/api/imports')).body.items as { id: number }[]).map((i) => i.id);
  const claimCount = async () => (await arrow.get('/api/claims?pageSize=1')).body.total as number;
  /** A job answered 202, polled until it has ended. */
  const finished = async (importId: number) => {
    for (;;) {
      const job = (await arrow.get(`/api/imports/${importId}`)).body;
      if (job.status === 'completed' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('refuses the same file sent again by the same distributor with 409 DUPLICATE_FILE naming the claim and when; nothing is stored', async () => {
    const csv = file(['RS-100', 'RS-101']);
    const first = await send(arrow, csv, '?wait=true&fileName=november.csv');
    expect(first.status).toBe(201);
    expect(first.body.lines).toMatchObject({ accepted: 2, rejected: 0 });
    const made = first.body.claim as Claim;
    const sentAt = (await arrow.get(`/api/imports/${first.body.importId}`)).body.createdAt as string;
    const imports = await importIds();
    const claims = await claimCount();

    // At once (202 otherwise), waited for, and sent by a vendor user on the distributor's behalf alike.
    for (const [who, q] of [
      [arrow, '?fileName=november-again.csv'],
      [arrow, '?wait=true'],
      [finance, `?distributorId=${arrowId}`],
    ] as const) {
      const again = await send(who, csv, q);
      expect({ q, status: again.status, code: again.body.code }).toEqual({ q, status: 409, code: 'DUPLICATE_FILE' });
      expect(again.body).toMatchObject({
        claimId: made.id,
        claimNumber: made.number,
        sentAt,
        earlierImportId: first.body.importId,
      });
      expect(again.body.detail).toContain(made.number);
      expect(again.body.detail).toContain(sentAt);
      expect(again.body.detail).toContain('resend=true');
    }
    // No second claim, no job left behind.
    expect(await claimCount()).toBe(claims);
    expect(await importIds()).toEqual(imports);
  });

  it('makes the second claim with resend=true, as before: a job (202), its lines rejected ALREADY_CLAIMED, the audit naming the claim it repeats', async () => {
    const csv = file(['RS-200']);
    const first = await send(arrow, csv, '?wait=true');
    expect(first.status).toBe(201);
    expect((await send(arrow, csv)).status).toBe(409);

    const queued = await send(arrow, csv, '?resend=true');
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ purpose: 'claim', status: 'queued' });
    expect(queued.body.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const job = await finished(queued.body.id);
    expect(job.status).toBe('completed');
    const second = (await arrow.get(`/api/claims/${job.result.claim.id}`)).body as Claim;
    expect(second.id).not.toBe(first.body.claim.id);
    expect(second.status).toBe('rejected');
    expect(second.lines!.map((l) => l.reasonCodes)).toEqual([['ALREADY_CLAIMED']]);
    // Waited for, the override answers 201 as any claim file does.
    const waited = await send(arrow, csv, '?wait=true&resend=true');
    expect(waited.status).toBe(201);
    expect(waited.body.lines).toMatchObject({ accepted: 0, rejected: 1 });

    const admin = await t.as(USERS.admin);
    const audit = (await admin.get(`/api/audit?action=claim.created&entityType=claim&entityId=${second.id}`)).body.items as {
      after: { resendOf?: { claimNumber: string; importId: number } };
    }[];
    expect(audit[0]!.after.resendOf).toMatchObject({ claimNumber: first.body.claim.number, importId: first.body.importId });
  });

  it('takes a file that differs by a byte, and the same bytes from another distributor', async () => {
    const csv = file(['RS-300']);
    expect((await send(arrow, csv, '?wait=true')).status).toBe(201);
    const changed = await send(arrow, csv.replace('RS-300', 'RS-301'), '?wait=true');
    expect(changed.status).toBe(201);
    expect(changed.body.lines).toMatchObject({ accepted: 1, rejected: 0 });
    // Northbridge's claim of the same bytes is its own (its lines are refused: the authorization is Arrowhead's).
    const other = await send(north, csv, '?wait=true');
    expect(other.status).toBe(201);
    expect(other.body.claim.id).not.toBe(changed.body.claim.id);
  });

  it('takes a file again whose claim was rejected whole', async () => {
    const csv = file(['RS-400'], 'SD-NO-SUCH-0000');
    const first = await send(arrow, csv, '?wait=true');
    expect(first.status).toBe(201);
    expect(first.body.claim.status).toBe('rejected');
    const again = await send(arrow, csv, '?wait=true');
    expect(again.status).toBe(201);
    expect(again.body.claim.id).not.toBe(first.body.claim.id);
  });

  it('refuses a file sent again while its first claim is still being made, naming that job', async () => {
    const csv = file(['RS-500', 'RS-501', 'RS-502']);
    const first = await send(arrow, csv);
    expect(first.status).toBe(202);
    const again = await send(arrow, csv);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'DUPLICATE_FILE' });
    expect(again.body.earlierImportId).toBe(first.body.id);
    expect((await finished(first.body.id)).status).toBe('completed');
  });
});
