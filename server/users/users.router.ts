import { Router } from 'express';
import { ROLES } from '../../core/domain.js';
import { authorize } from '../auth/actor.js';
import { describeRoute, IdParam, wholeNumber, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import type { Config } from '../config.js';
import * as setup from './setup.service.js';
import * as users from './users.service.js';

const Role = z.enum(ROLES);
const UserQuery = z
  .object({
    role: Role.optional(),
    active: z.enum(['true', 'false']).optional(),
    distributorId: wholeNumber(1).optional(),
    page: wholeNumber(1, 1_000_000).default(1),
    pageSize: wholeNumber(1, 200).default(50),
  })
  .strict();
const UserView = z
  .object({
    id: z.number(),
    email: z.string(),
    name: z.string(),
    role: Role,
    distributorId: z.number().nullable(),
    active: z.boolean(),
    invitationPending: z.boolean().openapi({ description: 'invited and not yet accepted (the user stays inactive until then)' }),
    invitedAt: z.string().nullable(),
    externalId: z.string().nullable().openapi({ description: "the identity provider's id of the user (SCIM externalId)" }),
    hasPassword: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AdminUser');
const Invite = z
  .object({
    email: z.string().email().max(200),
    name: z.string().trim().min(1).max(200),
    role: Role,
    distributorId: wholeNumber(1)
      .nullable()
      .optional()
      .openapi({ description: 'required for a distributor_user, absent for vendor roles' }),
  })
  .strict()
  .openapi('UserInvitation');
const Invited = z
  .object({
    user: UserView,
    invitation: z.object({
      token: z.string().openapi({ description: 'shown once: the invitee sends it, with its new password, to acceptPath' }),
      expiresAt: z.string(),
      acceptPath: z.string(),
    }),
  })
  .openapi('InvitedUser');
const Accept = z
  .object({
    token: z.string().min(10).max(200),
    password: z.string().min(12, 'at least 12 characters').max(200),
  })
  .strict()
  .openapi('InvitationAcceptance');
const RoleChange = z
  .object({
    role: Role,
    distributorId: wholeNumber(1).nullable().optional().openapi({
      description: "a distributor_user's distributor (kept when it stays a distributor_user and none is given)",
    }),
  })
  .strict()
  .openapi('RoleChange');
const Reason = z.object({ reason: z.string().max(500).optional() }).strict();

describeRoute({
  method: 'get',
  path: '/api/users',
  summary: 'Users, filtered by role, active and distributor (vendor admins)',
  tags: ['users'],
  query: UserQuery,
  response: z.object({ items: z.array(UserView), total: z.number(), page: z.number(), pageSize: z.number() }),
  errors: { 403: 'FORBIDDEN: vendor admins only' },
});
describeRoute({
  method: 'get',
  path: '/api/users/:id',
  summary: 'One user (vendor admins)',
  tags: ['users'],
  params: IdParam,
  response: UserView,
  errors: { 403: 'FORBIDDEN: vendor admins only', 404: 'NOT_FOUND: no such user' },
});
describeRoute({
  method: 'post',
  path: '/api/users',
  summary: 'Invite a user: created inactive, with a one-time invitation token that expires',
  tags: ['users'],
  body: Invite,
  response: Invited,
  status: 201,
  errors: { 409: 'USER_EXISTS: the e-mail is taken' },
});
describeRoute({
  method: 'post',
  path: '/api/users/:id/deactivate',
  summary: 'Deactivate a user: its sessions and tokens stop at once',
  tags: ['users'],
  params: IdParam,
  body: Reason,
  response: UserView,
  errors: { 404: 'NOT_FOUND: no such user', 409: 'LAST_ADMIN: the last active vendor admin' },
});
describeRoute({
  method: 'post',
  path: '/api/users/:id/reactivate',
  summary: 'Reactivate a user (its old sessions and tokens stay ended)',
  tags: ['users'],
  params: IdParam,
  body: Reason,
  response: UserView,
  errors: { 404: 'NOT_FOUND: no such user' },
});
describeRoute({
  method: 'patch',
  path: '/api/users/:id/role',
  summary: "Change a user's role (a change that gains permissions is audited as a raise)",
  tags: ['users'],
  params: IdParam,
  body: RoleChange,
  response: UserView,
  errors: { 404: 'NOT_FOUND: no such user', 409: 'LAST_ADMIN: the last active vendor admin' },
});
describeRoute({
  method: 'post',
  path: '/api/invitations/accept',
  summary: 'Accept an invitation: set a password with the invitation token (the user becomes active)',
  tags: ['users'],
  body: Accept,
  response: UserView,
  public: true,
  errors: { 400: 'INVITATION_INVALID, INVITATION_EXPIRED' },
});

const SetupStatus = z
  .object({
    open: z.boolean().openapi({ description: 'true while the database has no user and a setup token is set' }),
    reason: z.string().nullable().openapi({ description: 'why setup is closed' }),
  })
  .openapi('SetupStatus');
const FirstAdmin = z
  .object({
    token: z
      .string()
      .min(10)
      .max(200)
      .openapi({ description: 'SETUP_TOKEN, or the token the server printed at start on an empty database' }),
    email: z.string().email().max(200),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(12, 'at least 12 characters').max(200),
  })
  .strict()
  .openapi('FirstAdmin');
describeRoute({
  method: 'get',
  path: '/api/setup',
  summary: 'Whether the first admin can still be set up (an empty database)',
  tags: ['users'],
  response: SetupStatus,
  public: true,
});
describeRoute({
  method: 'post',
  path: '/api/setup',
  summary: "Set up the first vendor admin of an empty database with the server's setup token",
  tags: ['users'],
  body: FirstAdmin,
  response: UserView,
  status: 201,
  public: true,
  errors: { 400: 'SETUP_TOKEN_INVALID, VALIDATION_FAILED', 409: 'SETUP_DONE: users exist already' },
});

/** The first admin of an empty database: server/users/setup.service.ts. */
export function setupRouter(config: Config) {
  const r = Router();
  r.get('/', async (_req, res) => {
    res.json(await setup.setupStatus(config.setupToken));
  });
  r.post('/', async (req, res) => {
    res.status(201).json(await setup.completeSetup(config.setupToken, parse(FirstAdmin, req.body)));
  });
  return r;
}

export function usersRouter() {
  const r = Router();
  r.get('/', async (req, res) => {
    authorize(req, 'user.manage');
    const q = parse(UserQuery, req.query, 'query');
    const page = await users.listUsers({
      role: q.role,
      active: q.active === undefined ? undefined : q.active === 'true',
      distributorId: q.distributorId,
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    });
    res.json({ ...page, page: q.page, pageSize: q.pageSize });
  });
  r.get('/:id', async (req, res) => {
    authorize(req, 'user.manage');
    res.json(await users.getUser(parse(IdParam, req.params, 'params').id));
  });
  r.post('/', async (req, res) => {
    const actor = authorize(req, 'user.manage');
    res.status(201).json(await users.inviteUser(actor, parse(Invite, req.body)));
  });
  for (const [path, active] of [
    ['/:id/deactivate', false],
    ['/:id/reactivate', true],
  ] as const) {
    r.post(path, async (req, res) => {
      const actor = authorize(req, 'user.manage');
      const { id } = parse(IdParam, req.params, 'params');
      const { reason } = parse(Reason, req.body);
      res.json(await users.setActive(actor, id, active, reason ?? null));
    });
  }
  r.patch('/:id/role', async (req, res) => {
    const actor = authorize(req, 'user.manage');
    const { id } = parse(IdParam, req.params, 'params');
    const body = parse(RoleChange, req.body);
    res.json(await users.changeRole(actor, id, body.role, body.distributorId));
  });
  return r;
}

/** The public door of an invitation (no credentials: the token is the credential). */
export function invitationsRouter() {
  const r = Router();
  r.post('/accept', async (req, res) => {
    const body = parse(Accept, req.body);
    res.json(await users.acceptInvitation(body.token, body.password));
  });
  return r;
}
