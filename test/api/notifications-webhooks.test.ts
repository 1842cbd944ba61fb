/**
 * Outbound webhooks over the real job queue (BullMQ on Redis at 127.0.0.1:6379, a worker in the
 * server): an admin registers an endpoint and sees its secret once; a receiver started here
 * checks each delivery's HMAC signature; a receiver that answers 500 twice then 200 shows the
 * retries in the delivery log; a delivery is replayed; URLs are http(s) and private addresses only
 * those the allow-list names (the tests' receivers are on 127.0.0.1, which the test's list allows).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notificationsSettled } from '../../server/notifications/runtime.js';
import { approvedAuthorization, describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';
import { REDIS_URL, redisOrSkip } from '../support/redis.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  status: number;
}

/** How the receiver answers each path: a list of statuses, the last one repeated. */
const script = new Map<string, number[]>();
const received: Received[] = [];
let receiver: Server;
let base: string;

function verify(secret: string, header: string | undefined, raw: string) {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex')) && Math.abs(Date.now() / 1000 - Number(m[1])) < 300;
}

async function waitUntil<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeDb('notifications: outbound webhooks', () => {
  let t: TestApp | undefined;
  let admin: Client;
  let redis = false;

  beforeAll(async () => {
    redis = await redisOrSkip('the webhook delivery tests');
    receiver = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => {
        const plan = script.get(req.url ?? '') ?? [200];
        const status = plan.length > 1 ? plan.shift()! : plan[0]!;
        received.push({ path: req.url ?? '', headers: req.headers, raw, status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    if (!redis) return;
    t = await startTestApp({
      env: {
        REDIS_URL,
        QUEUE_PREFIX: `bec-wh-${randomBytes(4).toString('hex')}`,
        WORKER_IN_PROCESS: 'true',
        WEBHOOK_PRIVATE_ALLOWLIST: '127.0.0.1',
        WEBHOOK_ATTEMPTS: '4',
        WEBHOOK_BACKOFF_MS: '100',
      },
    });
    admin = await t.as(USERS.admin);
  });
  afterAll(async () => {
    await notificationsSettled();
    await t?.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const register = (body: object) => admin.post('/api/webhooks', body);
  const log = async (endpointId: number) =>
    (await admin.get(`/api/webhooks/${endpointId}/deliveries`)).body.items as {
      id: number;
      event: string;
      eventId: string;
      status: string;
      attempts: number;
      replayOfId: number | null;
      payload: { type: string; distributorId: number; data: Record<string, unknown> };
      log: { attempt: number; statusCode: number | null; error: string | null }[];
    }[];

  it('lets only admins register endpoints, with an http(s) URL to an address it may reach', async () => {
    if (!t) return;
    for (const who of [USERS.cm, USERS.finance, USERS.arrowhead]) {
      const res = await (await t.as(who)).post('/api/webhooks', { url: `${base}/x`, events: ['claim.submitted'] });
      expect(res.status).toBe(403);
      expect((await (await t.as(who)).get('/api/webhooks')).status).toBe(403);
    }
    const refused = async (url: string, message: RegExp) => {
      const res = await register({ url, events: ['claim.submitted'] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('url');
      expect(res.body.errors[0].message).toMatch(message);
    };
    await refused('ftp://127.0.0.1/x', /only http and https/);
    await refused('file:///etc/passwd', /only http and https/);
    await refused('http://10.1.2.3/hook', /10\.1\.2\.3 is not a public address/);
    await refused('http://169.254.169.254/latest/meta-data', /not a public address/);
    await refused('http://[::1]:8080/hook', /::1 is not a public address/);
    await refused('http://localhost.invalid/hook', /does not resolve/);
    const unknownEvent = await register({ url: `${base}/x`, events: ['claim.exploded'] });
    expect(unknownEvent.status).toBe(400);
    expect(unknownEvent.body.errors[0].field).toBe('events.0');
    expect((await admin.get('/api/webhooks')).body.items).toEqual([]);
  });

  it('signs each delivery with the secret shown once, and retries a receiver that fails twice', async () => {
    if (!t) return;
    script.set('/flaky', [500, 500, 200]);
    const created = await register({ url: `${base}/flaky`, events: ['request.decided'], description: 'ERP' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    const steady = await register({ url: `${base}/steady`, events: ['request.decided', 'authorization.changed'] });
    expect(steady.body.secret).not.toBe(created.body.secret);
    const listed = (await admin.get('/api/webhooks')).body.items;
    expect(listed).toHaveLength(2);
    expect(listed[0]).not.toHaveProperty('secret');
    expect(JSON.stringify((await admin.get('/api/audit?action=webhook_endpoint.created')).body)).not.toContain(created.body.secret);

    await approvedAuthorization(t, { quantity: 10, cost: '5.9000' });
    await notificationsSettled();
    const settled = (id: number, n: number) =>
      waitUntil(async () => {
        const items = await log(id);
        return items.length === n && items.every((d) => d.status !== 'pending') ? items : undefined;
      });
    // The flaky receiver's two 500s are each in the delivery's log, then its 200.
    const [flaky] = await settled(created.body.id, 1);
    expect(flaky!.event).toBe('request.decided');
    expect(flaky!.status).toBe('succeeded');
    expect(flaky!.attempts).toBe(3);
    expect(flaky!.log.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(flaky!.log[0]!.error).toBe('the receiver answered 500');
    const others = await settled(steady.body.id, 2);
    expect(others.map((d) => d.event).sort()).toEqual(['authorization.changed', 'request.decided']);
    expect(others.map((d) => d.log.map((a) => a.statusCode))).toEqual([[200], [200]]);
    // One event, one id, whichever endpoint it went to.
    expect(others.find((d) => d.event === 'request.decided')!.eventId).toBe(flaky!.eventId);
    expect(
      received.filter((r) => r.path === '/steady').every((r) => verify(steady.body.secret, r.headers['bec-signature'] as string, r.raw)),
    ).toBe(true);

    const arrowheadId = (await (await t.as(USERS.arrowhead)).get('/api/session')).body.distributorId as number;
    expect(arrowheadId).toBeGreaterThan(0);
    const hits = received.filter((r) => r.path === '/flaky');
    expect(hits).toHaveLength(3);
    for (const hit of hits) {
      expect(verify(created.body.secret, hit.headers['bec-signature'] as string, hit.raw)).toBe(true);
      // Any change to the body breaks the signature.
      expect(verify(created.body.secret, hit.headers['bec-signature'] as string, hit.raw.replace('"', "'"))).toBe(false);
      expect(hit.headers['content-type']).toBe('application/json');
    }
    const decided = hits.find((h) => h.headers['bec-event'] === 'request.decided' && h.status === 200)!;
    const body = JSON.parse(decided.raw);
    expect(body).toMatchObject({
      type: 'request.decided',
      entity: { type: 'price_request' },
      data: { outcome: 'approve', status: 'approved' },
    });
    expect(body.distributorId).toBe(arrowheadId);
    expect(decided.headers['bec-event-id']).toBe(body.id);
    expect(verify('whsec_another', decided.headers['bec-signature'] as string, decided.raw)).toBe(false);
  });

  it('gives a delivery up after its attempts, and replays it as a new delivery of the same event', async () => {
    if (!t) return;
    script.set('/down', [500]);
    const created = await register({ url: `${base}/down`, events: ['authorization.changed'] });
    expect(created.status).toBe(201);
    await approvedAuthorization(t, { quantity: 3, cost: '5.9100' });
    await notificationsSettled();
    const [failed] = await waitUntil(async () => {
      const items = await log(created.body.id);
      return items.length === 1 && items[0]!.status === 'failed' ? items : undefined;
    });
    expect(failed!.attempts).toBe(4);
    expect(failed!.log.map((a) => a.statusCode)).toEqual([500, 500, 500, 500]);

    script.set('/down', [200]);
    const replay = await admin.post(`/api/webhooks/deliveries/${failed!.id}/replay`);
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ replayOfId: failed!.id, status: 'pending' });
    const items = await waitUntil(async () => {
      const all = await log(created.body.id);
      return all.length === 2 && all[0]!.status === 'succeeded' ? all : undefined;
    });
    expect(items[0]).toMatchObject({ id: replay.body.id, replayOfId: failed!.id, eventId: failed!.eventId, attempts: 1 });
    const last = received.filter((r) => r.path === '/down').at(-1)!;
    expect(last.status).toBe(200);
    expect(last.headers['bec-delivery']).toBe(String(replay.body.id));
    expect(verify(created.body.secret, last.headers['bec-signature'] as string, last.raw)).toBe(true);
    expect((await admin.get('/api/audit?action=webhook_delivery.replayed')).body.items).toHaveLength(1);

    // A deactivated endpoint gets nothing more, and its deliveries are not replayed.
    expect((await admin.delete(`/api/webhooks/${created.body.id}`)).body.active).toBe(false);
    const again = await admin.post(`/api/webhooks/deliveries/${failed!.id}/replay`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ENDPOINT_INACTIVE');
    expect((await admin.post('/api/webhooks/deliveries/999999/replay')).status).toBe(404);
    expect((await admin.get('/api/webhooks/999999/deliveries')).status).toBe(404);
  });
});
