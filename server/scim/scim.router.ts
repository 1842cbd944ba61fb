/**
 * SCIM 2.0 endpoints (RFC 7644) under /scim/v2, for an identity provider (Okta, Entra ID) to
 * provision and deprovision users. Authenticated by a bearer token with the `scim` scope alone
 * (POST /api/tokens `{"scopes":["scim"]}`, by a vendor admin); changes are audited as that admin.
 * Bodies are read and answered as application/scim+json (application/json is read too); every
 * error is a SCIM error (urn:ietf:params:scim:api:messages:2.0:Error).
 */
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { can } from '../../core/permissions.js';
import type { Actor } from '../auth/actor.js';
import { actorFromScimToken } from '../auth/auth.service.js';
import { AppError } from '../errors.js';
import { auditRefusals } from '../http/security.js';
import { parse } from '../http/validate.js';
import * as users from '../users/users.service.js';
import {
  errorBody,
  GROUP_ROLES,
  groupResource,
  isGroupRole,
  listResponse,
  parseFilter,
  readGroupPatch,
  readUserPatch,
  SCHEMAS,
  SCIM_MEDIA_TYPE,
  ScimError,
  scimErrorOf,
  ScimGroupInput,
  ScimPatch,
  ScimUserInput,
  userResource,
  type GroupRole,
} from './scim.resources.js';
import * as scim from './scim.service.js';

const MAX_COUNT = 500;

const send = (res: Response, status: number, body: unknown) => res.status(status).type(SCIM_MEDIA_TYPE).send(JSON.stringify(body));
const baseOf = (req: Request) => `${req.protocol}://${req.get('host')}${req.baseUrl}`;
const actorOf = (req: Request) => req.actor as Actor;

/** A user id in a path: digits only, else no such resource. */
function userIdOf(req: Request): number {
  const id = String(req.params.id);
  if (!/^\d{1,9}$/.test(id) || Number(id) < 1) throw new ScimError(404, `no user ${id.slice(0, 40)}`);
  return Number(id);
}
function groupOf(req: Request): GroupRole {
  const id = String(req.params.id);
  if (!isGroupRole(id)) throw new ScimError(404, `no group ${id.slice(0, 40)}: the groups are ${GROUP_ROLES.join(', ')}`);
  return id;
}

/** startIndex (1-based) and count of a list request; out-of-range values are brought into range, as RFC 7644 3.4.2.4 says. */
function pageOf(req: Request) {
  const number = (v: unknown, fallback: number) => (typeof v === 'string' && /^-?\d{1,9}$/.test(v) ? Number(v) : fallback);
  const startIndex = Math.max(1, number(req.query.startIndex, 1));
  const count = Math.min(MAX_COUNT, Math.max(0, number(req.query.count, 100)));
  return { startIndex, count };
}
const filterOf = (req: Request) => (typeof req.query.filter === 'string' ? req.query.filter : undefined);
const withoutMembers = (req: Request) =>
  typeof req.query.excludedAttributes === 'string' && /(^|,)\s*members\s*(,|$)/i.test(req.query.excludedAttributes);

/**
 * `refuseInvalidToken`: what the API answers a wrong bearer token (http/security.ts: counted per
 * address, 429 past the limit); refusals are audited as the API's are (`auditRefusals`).
 */
export function scimRouter(refuseInvalidToken: (req: Request) => Promise<AppError>) {
  const r = Router();
  r.use(express.json({ type: [SCIM_MEDIA_TYPE, 'application/json'], limit: '1mb' }));
  r.use(async (req, _res, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const actor = bearer ? await actorFromScimToken(bearer) : null;
    if (!actor) {
      if (bearer) throw await refuseInvalidToken(req);
      throw new AppError('UNAUTHENTICATED', 'send a bearer token with the scim scope', 401);
    }
    req.actor = actor;
    if (!can(actor.role, 'user.manage')) throw new AppError('FORBIDDEN', `role ${actor.role} may not user.manage`, 403);
    next();
  });

  r.get('/ServiceProviderConfig', (_req, res) => {
    send(res, 200, {
      schemas: [SCHEMAS.serviceProviderConfig],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: MAX_COUNT },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [
        { type: 'oauthbearertoken', name: 'Bearer token', description: 'an API token with the scim scope', primary: true },
      ],
    });
  });
  r.get('/ResourceTypes', (req, res) => {
    const types = [
      { id: 'User', name: 'User', endpoint: '/Users', schema: SCHEMAS.user },
      { id: 'Group', name: 'Group', endpoint: '/Groups', schema: SCHEMAS.group },
    ].map((t) => ({
      schemas: [SCHEMAS.resourceType],
      ...t,
      meta: { resourceType: 'ResourceType', location: `${baseOf(req)}/ResourceTypes/${t.id}` },
    }));
    send(res, 200, listResponse(types, types.length, 1));
  });
  r.get('/Schemas', (_req, res) => {
    const attribute = (name: string, type: string, extra: object = {}) => ({
      name,
      type,
      multiValued: false,
      required: false,
      mutability: 'readWrite',
      returned: 'default',
      ...extra,
    });
    const schemas = [
      {
        schemas: [SCHEMAS.schema],
        id: SCHEMAS.user,
        name: 'User',
        attributes: [
          attribute('userName', 'string', { required: true, uniqueness: 'server', description: 'the e-mail the user signs in with' }),
          attribute('externalId', 'string'),
          attribute('displayName', 'string'),
          attribute('name', 'complex'),
          attribute('emails', 'complex', { multiValued: true }),
          attribute('active', 'boolean'),
          attribute('roles', 'complex', { multiValued: true, description: GROUP_ROLES.join(', ') }),
          attribute('groups', 'complex', { multiValued: true, mutability: 'readOnly' }),
        ],
      },
      {
        schemas: [SCHEMAS.schema],
        id: SCHEMAS.group,
        name: 'Group',
        attributes: [
          attribute('displayName', 'string', { required: true, mutability: 'immutable', description: 'a role' }),
          attribute('members', 'complex', { multiValued: true }),
        ],
      },
    ];
    send(res, 200, listResponse(schemas, schemas.length, 1));
  });

  r.get('/Users', async (req, res) => {
    const { startIndex, count } = pageOf(req);
    const filter = parseFilter(filterOf(req), ['userName', 'externalId', 'emails.value']);
    const page = await users.listUsers({
      ...(filter?.attribute === 'externalId' ? { externalId: filter.value } : filter ? { email: filter.value } : {}),
      offset: startIndex - 1,
      limit: count,
    });
    send(
      res,
      200,
      listResponse(
        page.items.map((u) => userResource(u, baseOf(req))),
        page.total,
        startIndex,
      ),
    );
  });
  r.get('/Users/:id', async (req, res) => {
    send(res, 200, userResource(await users.getUser(userIdOf(req)), baseOf(req)));
  });
  r.post('/Users', async (req, res) => {
    const user = await scim.createUser(actorOf(req), parse(ScimUserInput, req.body));
    const resource = userResource(user, baseOf(req));
    res.location(resource.meta.location);
    send(res, 201, resource);
  });
  r.put('/Users/:id', async (req, res) => {
    const id = userIdOf(req);
    send(res, 200, userResource(await scim.replaceUser(actorOf(req), id, parse(ScimUserInput, req.body)), baseOf(req)));
  });
  r.patch('/Users/:id', async (req, res) => {
    const id = userIdOf(req);
    const { Operations } = parse(ScimPatch, req.body);
    send(res, 200, userResource(await scim.patchUser(actorOf(req), id, readUserPatch(Operations)), baseOf(req)));
  });
  r.delete('/Users/:id', async (req, res) => {
    await scim.deprovisionUser(actorOf(req), userIdOf(req));
    res.status(204).end();
  });

  r.get('/Groups', async (req, res) => {
    const { startIndex, count } = pageOf(req);
    const filter = parseFilter(filterOf(req), ['displayName']);
    const roles = GROUP_ROLES.filter((role) => !filter || role === filter.value);
    const shown = roles.slice(startIndex - 1, startIndex - 1 + count);
    const groups = await Promise.all(
      shown.map(async (role) => groupResource(role, withoutMembers(req) ? null : await scim.membersOf(role), baseOf(req))),
    );
    send(res, 200, listResponse(groups, roles.length, startIndex));
  });
  r.get('/Groups/:id', async (req, res) => {
    const role = groupOf(req);
    send(res, 200, groupResource(role, withoutMembers(req) ? null : await scim.membersOf(role), baseOf(req)));
  });
  // The groups are the roles: "creating" one names a role's group and, when it lists members, sets them (as PUT does).
  r.post('/Groups', async (req, res) => {
    const body = parse(ScimGroupInput, req.body);
    if (!isGroupRole(body.displayName))
      throw new ScimError(400, `displayName: the groups are the roles ${GROUP_ROLES.join(', ')}`, 'invalidValue');
    if (body.members !== undefined)
      await scim.changeMembers(
        actorOf(req),
        body.displayName,
        readGroupPatch([{ op: 'replace', path: 'members', value: body.members }], body.displayName),
      );
    const resource = groupResource(body.displayName, await scim.membersOf(body.displayName), baseOf(req));
    res.location(resource.meta.location);
    send(res, 201, resource);
  });
  r.put('/Groups/:id', async (req, res) => {
    const role = groupOf(req);
    const body = parse(ScimGroupInput, req.body);
    const patch = readGroupPatch([{ op: 'replace', value: { displayName: body.displayName, members: body.members ?? [] } }], role);
    await scim.changeMembers(actorOf(req), role, patch);
    send(res, 200, groupResource(role, await scim.membersOf(role), baseOf(req)));
  });
  r.patch('/Groups/:id', async (req, res) => {
    const role = groupOf(req);
    const { Operations } = parse(ScimPatch, req.body);
    await scim.changeMembers(actorOf(req), role, readGroupPatch(Operations, role));
    // Okta and Entra ID accept 204 for a group PATCH; the group is returned all the same, as 200.
    send(res, 200, groupResource(role, await scim.membersOf(role), baseOf(req)));
  });

  r.use((req) => {
    throw new ScimError(404, `no SCIM endpoint ${req.method} ${req.path}`);
  });
  r.use(auditRefusals, scimErrors);
  return r;
}

/** Every error as a SCIM error; an unexpected one is logged and answered 500 without detail. */
const scimErrors: ErrorRequestHandler = (err, req, res, _next) => {
  let e: ScimError;
  if (err instanceof ScimError) e = err;
  else if (err instanceof AppError) e = scimErrorOf(err);
  else if (err?.type === 'entity.parse.failed') e = new ScimError(400, 'the request body is not valid JSON', 'invalidSyntax');
  else if (err?.type === 'entity.too.large') e = new ScimError(413, 'the request body is too large');
  else if (Number.isInteger(err?.status) && err.status >= 400 && err.status < 500 && err.expose === true)
    e = new ScimError(err.status, 'the request could not be read', 'invalidSyntax');
  else {
    console.error(`[${req.method} ${req.originalUrl}]`, err);
    e = new ScimError(500, 'an unexpected error occurred');
  }
  if (e.status === 401) res.set('WWW-Authenticate', 'Bearer realm="scim"');
  send(res, e.status, errorBody(e));
};
