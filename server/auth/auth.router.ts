import { Router } from 'express';
import type { Config } from '../config.js';
import { describeRoute, IdParam, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { ROLES } from '../../core/domain.js';
import { requireActor, signedIn } from './actor.js';
import * as auth from './auth.service.js';

const SignIn = z.object({ email: z.string().email(), password: z.string().min(1).max(200) }).openapi('SignIn');
const userFields = { userId: z.number(), email: z.string(), name: z.string(), role: z.enum(ROLES), distributorId: z.number().nullable() };
/** The signed-in user as every sign-in answers it (a session, an embed exchange). */
export const UserView = z.object(userFields).openapi('SessionUser');
const CurrentSession = z
  .object({
    ...userFields,
    csrfToken: z.string().optional().openapi({
      description:
        "the cookie session's CSRF token, to send as X-CSRF-Token on every change (a session opened by single sign-on learns it here); absent for a bearer token",
    }),
  })
  .openapi('CurrentSession');
const SessionView = z.object({ user: UserView, csrfToken: z.string(), expiresAt: z.string() }).openapi('Session');
const NewToken = z
  .object({
    name: z.string().min(1).max(100),
    scopes: z.array(z.string().max(50)).max(20).default(['read', 'write']).openapi({
      description:
        "read, write, admin: no more than the caller has; a token minted by a token lives no longer than it and dies with it. Or scim alone: a vendor admin's token for an identity provider's SCIM client (/scim/v2), which reaches nothing else. Or embed_issuer alone: a vendor admin's token for a CRM's server (a Salesforce named credential), which only issues embed tokens (POST /api/embed/tokens)",
    }),
    expiresInDays: z
      .number()
      .int()
      .positive()
      .max(3650)
      .nullable()
      .optional()
      .openapi({ description: "90 when absent (capped at the minting token's own expiry); null: no expiry" }),
  })
  .openapi('NewApiToken');
const tokenFields = { id: z.number(), name: z.string(), scopes: z.array(z.string()), expiresAt: z.string().nullable() };

describeRoute({
  method: 'post',
  path: '/api/session',
  summary: 'Sign in with email and password (sets the session cookie)',
  tags: ['auth'],
  body: SignIn,
  response: SessionView,
  public: true,
});
describeRoute({
  method: 'get',
  path: '/api/session',
  summary: "The signed-in user, and a cookie session's CSRF token",
  tags: ['auth'],
  response: CurrentSession,
});
// Public: signing out without a session is no error (there is nothing to end).
describeRoute({ method: 'delete', path: '/api/session', summary: 'Sign out', tags: ['auth'], status: 204, public: true });
describeRoute({
  method: 'post',
  path: '/api/tokens',
  summary: 'Issue a bearer API token (shown once)',
  tags: ['auth'],
  body: NewToken,
  response: z
    .object({ ...tokenFields, token: z.string().openapi({ description: 'the secret, shown this once' }) })
    .openapi('NewApiTokenIssued'),
  status: 201,
});
describeRoute({
  method: 'get',
  path: '/api/tokens',
  summary: 'Your API tokens',
  tags: ['auth'],
  response: z.object({
    items: z.array(z.object({ ...tokenFields, revokedAt: z.string().nullable(), lastUsedAt: z.string().nullable() }).openapi('ApiToken')),
  }),
});
describeRoute({ method: 'delete', path: '/api/tokens/:id', summary: 'Revoke an API token', tags: ['auth'], params: IdParam, status: 204 });

const publicUser = (a: ReturnType<typeof requireActor>) => ({
  userId: a.userId,
  email: a.email,
  name: a.name,
  role: a.role,
  distributorId: a.distributorId,
});

export function authRouter(config: Config) {
  const r = Router();
  r.post('/session', async (req, res) => {
    const body = parse(SignIn, req.body);
    const s = await auth.signIn(body.email, body.password, config.sessionTtlHours);
    res.cookie(auth.SESSION_COOKIE, s.cookieValue, {
      httpOnly: true,
      secure: config.cookieSecure,
      sameSite: 'lax',
      expires: s.expiresAt,
      path: '/',
    });
    res.json({ user: publicUser(s.actor), csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() });
  });
  r.get('/session', (req, res) => {
    const user = publicUser(signedIn(req));
    res.json(req.sessionCsrfToken ? { ...user, csrfToken: req.sessionCsrfToken } : user);
  });
  r.delete('/session', async (req, res) => {
    const cookie = req.cookies?.[auth.SESSION_COOKIE] as string | undefined;
    // Each end is audited (`session.signed_out`); a console session's ends the embed sessions it opened with it.
    if (cookie) await auth.signOut(cookie, req.requestId);
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (bearer) await auth.endEmbedBearer(bearer, req.requestId);
    res.clearCookie(auth.SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  r.post('/tokens', async (req, res) => {
    const actor = requireActor(req);
    const body = parse(NewToken, req.body);
    res.status(201).json(await auth.issueToken(actor, body.name, body.scopes, body.expiresInDays));
  });
  r.get('/tokens', async (req, res) => {
    res.json({ items: await auth.listTokens(requireActor(req)) });
  });
  r.delete('/tokens/:id', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    await auth.revokeToken(requireActor(req), id);
    res.status(204).end();
  });
  return r;
}
