/**
 * Outbound webhooks: endpoints an admin registers, one delivery per event and endpoint, signed
 * with the endpoint's secret, tried again with a doubling pause (the job queue's retries), each
 * attempt kept in the delivery log, and replayable.
 *
 * Signature: `BEC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * SSRF: only http(s) URLs, and no address outside the public internet (loopback, private,
 * link-local, carrier-grade NAT, unique-local IPv6...) unless WEBHOOK_PRIVATE_ALLOWLIST names it;
 * checked when the endpoint is registered and again on the address each delivery connects to.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { lookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, notFound } from '../errors.js';
import type { JobContext, JobQueue } from '../jobs/queue.js';
import type { DomainEvent, EventName } from './events.js';
import * as repo from './notifications.repository.js';
import { settings } from './settings.js';

/** Addresses that are not the public internet. */
const NON_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  NON_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NON_PUBLIC.addSubnet(net, bits, 'ipv6');

function allowListOf(entries: string[]) {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '') === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address ?? '')) continue;
    if (bits === undefined) list.addAddress(address!, family);
    else list.addSubnet(address!, Number(bits), family);
  }
  return list;
}

/** Why an address may not be reached, or null. */
function refusedAddress(address: string, allowed: string[]): string | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (!NON_PUBLIC.check(address, family)) return null;
  if (allowListOf(allowed).check(address, family)) return null;
  return `${address} is not a public address (WEBHOOK_PRIVATE_ALLOWLIST does not name it)`;
}

const badUrl = (message: string) =>
  new AppError('VALIDATION_FAILED', `invalid body: url: ${message}`, 400, { errors: [{ field: 'url', message }] });

/** Checks a webhook URL: http(s), a host that resolves, only to addresses it may reach. */
export async function checkWebhookUrl(raw: string, allowed: string[]) {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badUrl('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badUrl('only http and https URLs are taken');
  if (url.username || url.password) throw badUrl('credentials in the URL are not taken: the signature authenticates us');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host)
      ? [host]
      : (
          await new Promise<{ address: string }[]>((resolve, reject) =>
            lookup(host, { all: true }, (err, a) => (err ? reject(err) : resolve(a))),
          )
        ).map((a) => a.address);
  } catch {
    throw badUrl(`the host ${host} does not resolve`);
  }
  for (const a of addresses) {
    const why = refusedAddress(a, allowed);
    if (why) throw badUrl(why);
  }
}

/** A DNS lookup that refuses addresses a webhook may not reach: the check holds on the address actually connected to. */
const guardedLookup =
  (allowed: string[]): LookupFunction =>
  (hostname, options, callback) =>
    lookup(hostname, { ...options, all: false }, (err, address, family) => {
      if (err) return callback(err, '', 0);
      const why = refusedAddress(address as string, allowed);
      if (why) return callback(new Error(why), '', 0);
      callback(null, address as string, family as number);
    });

/** The `BEC-Signature` header of a body sent at `t` (unix seconds). */
export function signature(secret: string, t: number, body: string) {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number, allowed: string[]) {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  // A literal address does not go through lookup: check it here.
  const why = isIP(host) ? refusedAddress(host, allowed) : null;
  if (why) return Promise.reject(new Error(why));
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(
      u,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) },
        timeout: timeoutMs,
        lookup: guardedLookup(allowed),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

const EndpointNotFound = () => notFound('webhook endpoint');

export async function registerEndpoint(actor: Actor, input: { url: string; events: EventName[]; description?: string | null }) {
  await checkWebhookUrl(input.url, settings().config.webhookPrivateAllowlist);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const endpoint = await repo.insertEndpoint({
    url: input.url,
    description: input.description ?? null,
    events: [...new Set(input.events)],
    secret,
    createdByUserId: actor.userId,
  });
  await recordAudit(actor, { action: 'webhook_endpoint.created', entityType: 'webhook_endpoint', entityId: endpoint.id, after: endpoint });
  // The secret is shown this once; it is never listed again.
  return { ...endpoint, secret };
}

export const listEndpoints = () => repo.listEndpoints();

export async function deactivateEndpoint(actor: Actor, id: number) {
  const before = await repo.findEndpoint(id);
  if (!before) throw EndpointNotFound();
  await repo.deactivateEndpoint(id);
  const { secret: _secret, ...shown } = before;
  await recordAudit(actor, {
    action: 'webhook_endpoint.deactivated',
    entityType: 'webhook_endpoint',
    entityId: id,
    before: shown,
    after: { ...shown, active: false },
  });
  return { ...shown, active: false };
}

export async function deliveryLog(id: number, before: number | undefined, limit: number) {
  if (!(await repo.findEndpoint(id))) throw EndpointNotFound();
  return repo.deliveriesOf(id, before, limit);
}

async function enqueue(deliveryId: number, queue = settings().queue) {
  const { config } = settings();
  await queue.add({ kind: 'webhook-delivery', id: deliveryId }, { attempts: config.webhookAttempts, backoffMs: config.webhookBackoffMs });
}

/** Sends a delivery again, as a new delivery of the same event (same body, same event id) with its own log. */
export async function replayDelivery(actor: Actor, deliveryId: number) {
  const d = await repo.findDelivery(deliveryId);
  if (!d) throw notFound('webhook delivery');
  const endpoint = await repo.findEndpoint(d.endpointId);
  if (!endpoint?.active) throw new AppError('ENDPOINT_INACTIVE', 'the endpoint of this delivery is deactivated', 409);
  const id = await repo.insertDelivery({
    endpointId: d.endpointId,
    event: d.event,
    eventId: d.eventId,
    payload: d.payload,
    replayOfId: d.id,
  });
  await recordAudit(actor, {
    action: 'webhook_delivery.replayed',
    entityType: 'webhook_delivery',
    entityId: id,
    after: { replayOf: d.id },
  });
  await enqueue(id);
  return { id, replayOfId: d.id, status: 'pending' };
}

/** One delivery per endpoint that takes the event, queued. */
export async function fanOut(event: DomainEvent, occurredAt: Date) {
  const endpoints = await repo.endpointsFor(event.name);
  if (!endpoints.length) return;
  const eventId = randomUUID();
  const payload = JSON.stringify({
    id: eventId,
    type: event.name,
    occurredAt: occurredAt.toISOString(),
    distributorId: event.distributorId,
    entity: { type: event.entityType, id: event.entityId },
    summary: event.summary,
    data: event.data,
  });
  for (const e of endpoints) await enqueue(await repo.insertDelivery({ endpointId: e.id, event: event.name, eventId, payload }));
}

/** The job: one HTTP attempt; a failure throws so the queue tries again after its pause, until the last attempt. */
export async function deliverWebhook(deliveryId: number, context: JobContext) {
  const d = await repo.findDelivery(deliveryId);
  if (!d || d.status !== 'pending') return;
  const endpoint = await repo.findEndpoint(d.endpointId);
  if (!endpoint?.active) return repo.failDelivery(deliveryId, 'the endpoint was deactivated');
  const { config } = settings();
  const at = new Date();
  const t = Math.floor(at.getTime() / 1000);
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await post(
      endpoint.url,
      d.payload,
      {
        'BEC-Signature': signature(endpoint.secret, t, d.payload),
        'BEC-Event': d.event,
        'BEC-Event-Id': d.eventId,
        'BEC-Delivery': String(d.id),
        'User-Agent': 'BEC-Webhooks/1',
      },
      config.webhookTimeoutMs,
      config.webhookPrivateAllowlist,
    );
    if (statusCode < 200 || statusCode >= 300) error = `the receiver answered ${statusCode}`;
  } catch (err) {
    error = (err as Error).message;
  }
  const ok = error === null;
  await repo.recordAttempt(
    deliveryId,
    { attempt: context.attempt, at, statusCode, error, durationMs: Math.round(performance.now() - started) },
    ok ? 'succeeded' : context.finalAttempt ? 'failed' : 'pending',
  );
  if (!ok && !context.finalAttempt) throw new Error(`webhook delivery ${deliveryId}, attempt ${context.attempt}: ${error}`);
}

/** Queues again the deliveries a stopped process left pending (a delivery still queued is not doubled); returns how many. */
export async function requeuePendingDeliveries(queue: JobQueue) {
  const ids = await repo.pendingDeliveryIds();
  for (const id of ids) await enqueue(id, queue);
  return ids.length;
}

/** The queue gave the delivery up (its attempts spent, or its worker died too often). */
export const deliveryGaveUp = (deliveryId: number) => repo.failDelivery(deliveryId, 'the queue gave the delivery up');
