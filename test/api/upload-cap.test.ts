/**
 * The upload byte cap (UPLOAD_MAX_BYTES, small here) counts the stream: a POS report or claim file
 * over it, chunked or with a declared length, is 413 PAYLOAD_TOO_LARGE, and nothing of it is kept
 * (no POS line, no claim, no job left running).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { bearer, POS_HEADER, posRows, streamPost as post } from '../support/strict-http.js';

describeDb('strict HTTP: the upload byte cap counts the stream', () => {
  const CAP = 1024 * 1024;
  let t: TestApp;
  let arrow: Client;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ env: { UPLOAD_MAX_BYTES: String(CAP) } });
    arrow = await t.as(USERS.arrowhead);
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await t.close();
  });

  /** About 2 MiB of valid POS rows: some 16,000 of them (three batches written) pass before the cap does. */
  const overCap = (prefix: string) => {
    const rows: string[] = [POS_HEADER];
    let bytes = POS_HEADER.length;
    for (let i = 0; bytes < 2 * CAP; i++) {
      const row = posRows(prefix, 1, i)[0]!;
      rows.push(row);
      bytes += row.length + 2;
    }
    return Buffer.from(rows.join('\r\n'));
  };
  const headers = () => ({ Authorization: bearer(arrow), 'Content-Type': 'text/csv' });

  it.each<[string, boolean]>([
    ['chunked', false],
    ['with a declared length', true],
  ])('refuses a POS report over the cap sent %s with 413, and keeps none of its lines', async (_how, declare) => {
    const prefix = `STRICT-CAP-${declare ? 'D' : 'C'}`;
    const before = (await arrow.get('/api/imports')).body.items.length as number;
    const res = await post(port, '/api/imports?fileName=big.csv', headers(), overCap(prefix), declare);
    expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const jobs = (await arrow.get('/api/imports')).body.items as {
      id: number;
      status: string;
      rowsAccepted: number;
      failure: string | null;
    }[];
    // Refused on its declared length, or while the upload was being stored: no job was queued.
    expect(jobs.length).toBe(before);
    expect(jobs.filter((j) => j.status === 'running')).toEqual([]);
    // Its first 12,000 rows (three batches' worth, under the cap) are new: the failed import kept none.
    const again = await post(port, '/api/imports', headers(), Buffer.from([POS_HEADER, ...posRows(prefix, 12_000)].join('\r\n')), true);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'completed', rowsAccepted: 12_000, rowsDuplicate: 0 });
  });

  it.each<[string, boolean]>([
    ['chunked', false],
    ['with a declared length', true],
  ])('refuses a claim file over the cap sent %s with 413, and keeps no claim', async (_how, declare) => {
    const claimsBefore = (await arrow.get('/api/claims')).body.total as number;
    const res = await post(port, '/api/claims/file?fileName=big.csv', headers(), overCap(`STRICT-CAPF-${declare ? 'D' : 'C'}`), declare);
    expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    // No job was queued for it (the upload is refused while it is stored).
    expect(res.body.importId).toBeUndefined();
    expect((await arrow.get('/api/claims')).body.total).toBe(claimsBefore);
    const jobs = (await arrow.get('/api/imports')).body.items as { status: string }[];
    expect(jobs.filter((j) => j.status === 'running')).toEqual([]);
    expect((await t.http.get('/api/health')).status).toBe(200);
  });

  it('holds an Idempotency-Key upload to the same cap', async () => {
    const res = await post(port, '/api/imports', { ...headers(), 'Idempotency-Key': 'strict-cap-1' }, overCap('STRICT-CAP-K'), false);
    expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});
