import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { describeRoute, IdParam, wholeNumber, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { EVENT_NAMES } from './events.js';
import * as service from './notifications.service.js';
import * as webhooks from './webhooks.service.js';

const tags = ['notifications'];
const EventName = z.enum(EVENT_NAMES);

const InboxQuery = z
  .object({
    status: z.enum(['unread', 'all']).default('unread').openapi({ description: 'unread only (default), or all' }),
    page: wholeNumber(1, 100_000).default(1),
    pageSize: wholeNumber(1, 200).default(50),
  })
  .strict();
const NotificationView = z
  .object({
    id: z.number(),
    event: EventName,
    entityType: z.string(),
    entityId: z.string(),
    distributorId: z.number().nullable(),
    title: z.string(),
    body: z.string(),
    read: z.boolean(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Notification');
const Preference = z
  .object({
    event: EventName,
    inApp: z.boolean().openapi({ description: 'shown in the inbox' }),
    email: z.enum(['off', 'instant', 'digest']).openapi({ description: 'an e-mail at once, a line in the daily digest, or none' }),
  })
  .strict()
  .openapi('NotificationPreference');
const PreferencesBody = z.object({ preferences: z.array(Preference).min(1).max(EVENT_NAMES.length) }).strict();

describeRoute({
  method: 'get',
  path: '/api/notifications',
  summary: 'Your inbox, newest first, a page at a time',
  tags,
  query: InboxQuery,
  response: z.object({ items: z.array(NotificationView), total: z.number(), unread: z.number(), page: z.number(), pageSize: z.number() }),
});
describeRoute({
  method: 'post',
  path: '/api/notifications/:id/read',
  summary: 'Mark one of your notifications read',
  tags,
  params: IdParam,
  response: NotificationView,
  errors: { 404: 'NOT_FOUND: not a notification of yours' },
});
describeRoute({
  method: 'post',
  path: '/api/notifications/read-all',
  summary: 'Mark all your notifications read',
  tags,
  response: z.object({ marked: z.number() }),
});
describeRoute({
  method: 'get',
  path: '/api/notifications/preferences',
  summary: 'How you hear of each event (in the inbox; by e-mail at once, in the daily digest, or not)',
  tags,
  response: z.object({ items: z.array(Preference) }),
});
describeRoute({
  method: 'put',
  path: '/api/notifications/preferences',
  summary: 'Change how you hear of some events (the others stay as they are)',
  tags,
  body: PreferencesBody,
  response: z.object({ items: z.array(Preference) }),
});

const webhookTags = ['webhooks'];
const EndpointInput = z
  .object({
    url: z.string().max(2000).openapi({ example: 'https://erp.example.com/bec-events' }),
    events: z.array(EventName).min(1).max(EVENT_NAMES.length),
    description: z.string().max(200).nullish(),
  })
  .strict();
const EndpointView = z
  .object({
    id: z.number(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(EventName),
    active: z.boolean(),
    createdByUserId: z.number(),
    createdAt: z.string(),
  })
  .openapi('WebhookEndpoint');
const DeliveryQuery = z.object({ before: wholeNumber(1).optional(), limit: wholeNumber(1, 200).default(50) }).strict();
const DeliveryView = z
  .object({
    id: z.number(),
    endpointId: z.number(),
    event: EventName,
    eventId: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number(),
    lastStatusCode: z.number().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    replayOfId: z.number().nullable(),
    createdAt: z.string(),
    payload: z.unknown(),
    log: z.array(
      z.object({
        attempt: z.number(),
        attemptedAt: z.string(),
        statusCode: z.number().nullable(),
        error: z.string().nullable(),
        durationMs: z.number(),
      }),
    ),
  })
  .openapi('WebhookDelivery');

describeRoute({
  method: 'post',
  path: '/api/webhooks',
  summary: 'Register a webhook endpoint (admins); its signing secret is in this answer only',
  tags: webhookTags,
  body: EndpointInput,
  response: z.object({ ...EndpointView.shape, secret: z.string() }).openapi('WebhookEndpointWithSecret'),
  status: 201,
  errors: { 400: 'VALIDATION_FAILED: url not http(s), not resolvable, or a non-public address outside WEBHOOK_PRIVATE_ALLOWLIST' },
});
describeRoute({
  method: 'get',
  path: '/api/webhooks',
  summary: 'Webhook endpoints (admins)',
  tags: webhookTags,
  response: z.object({ items: z.array(EndpointView) }),
  errors: { 403: 'FORBIDDEN: admins only (integration.manage)' },
});
describeRoute({
  method: 'delete',
  path: '/api/webhooks/:id',
  summary: 'Deactivate a webhook endpoint (admins); its log stays',
  tags: webhookTags,
  params: IdParam,
  response: EndpointView,
});
describeRoute({
  method: 'get',
  path: '/api/webhooks/:id/deliveries',
  summary: "An endpoint's delivery log, newest first, each delivery with its attempts (admins)",
  tags: webhookTags,
  params: IdParam,
  query: DeliveryQuery,
  response: z.object({ items: z.array(DeliveryView), next: z.number().nullable() }),
  errors: { 403: 'FORBIDDEN: admins only (integration.manage)' },
});
describeRoute({
  method: 'post',
  path: '/api/webhooks/deliveries/:id/replay',
  summary: 'Send a delivery again, as a new delivery of the same event (admins)',
  tags: webhookTags,
  params: IdParam,
  response: z.object({ id: z.number(), replayOfId: z.number(), status: z.literal('pending') }),
  status: 202,
  errors: { 409: 'ENDPOINT_INACTIVE: the endpoint was deactivated' },
});

/** The inbox and preferences of the signed-in user. */
export function notificationsRouter() {
  const r = Router();
  r.get('/', async (req, res) => {
    const q = parse(InboxQuery, req.query, 'query');
    res.json(await service.inbox(requireActor(req), q.status === 'unread', q.page, q.pageSize));
  });
  r.post('/read-all', async (req, res) => {
    res.json(await service.markAllRead(requireActor(req)));
  });
  r.get('/preferences', async (req, res) => {
    res.json({ items: await service.preferences(requireActor(req).userId) });
  });
  r.put('/preferences', async (req, res) => {
    const actor = requireActor(req);
    const body = parse(PreferencesBody, req.body);
    res.json({ items: await service.savePreferences(actor, body.preferences) });
  });
  r.post('/:id/read', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    res.json(await service.markRead(requireActor(req), id));
  });
  return r;
}

/** Webhook endpoints and their delivery log: integrations, for admins. */
export function webhooksRouter() {
  const r = Router();
  r.post('/', async (req, res) => {
    const actor = authorize(req, 'integration.manage');
    res.status(201).json(await webhooks.registerEndpoint(actor, parse(EndpointInput, req.body)));
  });
  r.get('/', async (req, res) => {
    authorize(req, 'integration.manage');
    res.json({ items: await webhooks.listEndpoints() });
  });
  r.delete('/:id', async (req, res) => {
    const actor = authorize(req, 'integration.manage');
    res.json(await webhooks.deactivateEndpoint(actor, parse(IdParam, req.params, 'params').id));
  });
  r.get('/:id/deliveries', async (req, res) => {
    authorize(req, 'integration.manage');
    const { id } = parse(IdParam, req.params, 'params');
    const q = parse(DeliveryQuery, req.query, 'query');
    res.json(await webhooks.deliveryLog(id, q.before, q.limit));
  });
  r.post('/deliveries/:id/replay', async (req, res) => {
    const actor = authorize(req, 'integration.manage');
    res.status(202).json(await webhooks.replayDelivery(actor, parse(IdParam, req.params, 'params').id));
  });
  return r;
}
