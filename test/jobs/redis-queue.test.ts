/**
 * The server on BullMQ with a worker inside it (REDIS_URL and WORKER_IN_PROCESS=true): the same
 * answers as the in-memory queue, `?wait=true` following the job's row while the worker runs it.
 * One queue prefix for this run; every Queue and Worker closed in afterAll (jest hangs otherwise).
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { QUEUE_NAME } from '../../server/jobs/queue.js';
import { REDIS_URL, redisOrSkip } from '../support/redis.js';
import { bearerOf, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

describeDb('jobs on Redis with the worker in the server', () => {
  let t: TestApp | null = null;
  let arrow: Client;
  const prefix = `bec-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    if (!(await redisOrSkip('the Redis queue tests'))) return;
    t = await startTestApp({ env: { REDIS_URL, QUEUE_PREFIX: prefix, WORKER_IN_PROCESS: 'true' } });
    arrow = await t.as(USERS.arrowhead);
  });
  afterAll(async () => {
    if (!t) return;
    await t.close();
    const queue = new Queue(QUEUE_NAME, { connection: { url: REDIS_URL }, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  });

  const bearer = (c: Client) => bearerOf(c);
  const csv = [
    'Invoice No,Line,Invoice Date,Mfr Part,Qty',
    ...Array.from({ length: 2000 }, (_, i) => `RQ-${i},1,2026-11-12,VS-MCU-32F4,1`),
  ].join('\n');

  it('answers 202 at once, and 201 with the finished import with ?wait=true', async () => {
    if (!t) return;
    const queued = await t.http
      .post('/api/imports?fileName=rq.csv')
      .set('Authorization', bearer(arrow))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(queued.status).toBe(202);
    expect(queued.headers.location).toBe(`/api/imports/${queued.body.id}`);
    const waited = await t.http
      .post('/api/imports?wait=true&fileName=rq-again.csv')
      .set('Authorization', bearer(arrow))
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(waited.status).toBe(201);
    // The first job ran before or beside the second: together they hold each line once.
    expect(waited.body.status).toBe('completed');
    expect(waited.body.rowsRead).toBe(2000);
    expect(waited.body.rowsAccepted + waited.body.rowsDuplicate).toBe(2000);
    let first = (await arrow.get(queued.headers.location)).body;
    for (let i = 0; i < 100 && first.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      first = (await arrow.get(queued.headers.location)).body;
    }
    expect(first.rowsAccepted + waited.body.rowsAccepted).toBe(2000);
  });

  it('answers a failed job with its problem', async () => {
    if (!t) return;
    const res = await t.http
      .post('/api/imports?wait=true')
      .set('Authorization', bearer(arrow))
      .set('Content-Type', 'text/csv')
      .send('Invoice No,Qty\nX,1\n');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('MAPPING_INCOMPLETE');
    expect((await arrow.get(`/api/imports/${res.body.importId}`)).body.status).toBe('failed');
  });
});
