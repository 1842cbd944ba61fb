/** SAML single sign-on: SP metadata, login, the ACS, logout; and the admin API that configures the IdP. */
import { Router, urlencoded, type Request, type RequestHandler, type Response } from 'express';
import { recordAudit } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import { AppError, notFound } from '../errors.js';
import { ROLES } from '../../core/domain.js';
import { describeRoute, wholeNumber, z } from '../http/openapi.js';
import { markAudited } from '../http/security.js';
import { parse } from '../http/validate.js';
import { authorize } from './actor.js';
import * as auth from './auth.service.js';
import * as repo from './saml.repository.js';
import * as saml from './saml.service.js';

const Flag = (description: string) => z.boolean().optional().openapi({ description });
const IdpInput = z
  .object({
    metadataXml: z.string().max(200_000).optional(),
    entityId: z.string().min(1).max(255).optional(),
    ssoUrl: z.string().url().max(1000).optional(),
    sloUrl: z.string().url().max(1000).nullable().optional(),
    certificates: z.array(z.string().min(100).max(10_000)).min(1).max(4).optional(),
    attributeMapping: z
      .object({
        email: z.string().max(200),
        name: z.string().max(200),
        role: z.string().max(200),
        distributor: z.string().max(200),
        roleMap: z.record(z.enum(ROLES)),
      })
      .partial()
      .optional(),
    authoritative: Flag(
      'its attributes may move an existing user to another distributor, raise its role, or claim an account by email (default false: it may only create users, rename them and lower their role)',
    ),
    signAuthnRequests: Flag(
      'sign our AuthnRequests to it (needs SAML_SP_PRIVATE_KEY); on by default when its metadata has WantAuthnRequestsSigned',
    ),
    requireEncryptedAssertions: Flag('refuse an assertion not encrypted to our certificate (needs SAML_SP_CERTIFICATE)'),
    allowedRoles: z
      .array(z.enum(ROLES))
      .min(1)
      .max(ROLES.length)
      .nullable()
      .optional()
      .openapi({ description: 'the only roles this IdP may give, to new users and old (null: any; absent: unchanged)' }),
    allowedDistributorIds: z.array(wholeNumber(1)).min(1).max(1000).nullable().optional().openapi({
      description: 'the only distributors (account ids) its distributor users may belong to (null: any; absent: unchanged)',
    }),
  })
  .openapi('SamlIdentityProviderInput');

const IdpView = z
  .object({
    name: z.string(),
    entityId: z.string(),
    ssoUrl: z.string(),
    sloUrl: z.string().nullable(),
    certificates: z.array(z.string()),
    attributeMapping: z.record(z.unknown()),
    authoritative: z.boolean(),
    signAuthnRequests: z.boolean(),
    requireEncryptedAssertions: z.boolean(),
    allowedRoles: z.array(z.string()).nullable(),
    allowedDistributorIds: z.array(z.number()).nullable(),
    loginUrl: z.string().openapi({ description: 'where a browser starts a sign-in with this IdP' }),
    updatedAt: z.string(),
  })
  .openapi('SamlIdentityProvider');
const IdpName = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'lowercase letters, digits and dashes')
    .openapi({ description: 'our name for the IdP; `default` is the one of /api/sso/identity-provider' }),
});
/** Identity providers are managed by vendor admins, with the admin scope. */
const ADMIN_ONLY = 'FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: an API token without the admin scope';
const IDP_ERRORS = {
  403: ADMIN_ONLY,
  409: 'IDP_ENTITY_ID_TAKEN: another identity provider has this entity id',
  422: 'INVALID_IDP_CONFIGURATION: unreadable metadata, missing fields, or signing/encryption without our key pair',
} as const;

describeRoute({
  method: 'get',
  path: '/api/sso/identity-provider',
  summary: 'The default SAML identity provider',
  tags: ['auth'],
  response: z.object({
    identityProvider: IdpView.nullable(),
    serviceProvider: z.record(z.string()).openapi({ description: 'our ACS URL, logout URL and entity id, to give the IdP' }),
  }),
  errors: { 403: ADMIN_ONLY },
});
describeRoute({
  method: 'put',
  path: '/api/sso/identity-provider',
  summary: 'Configure the default SAML identity provider from its metadata XML or from fields',
  tags: ['auth'],
  body: IdpInput,
  response: z.object({ identityProvider: IdpView }),
  errors: IDP_ERRORS,
});
describeRoute({
  method: 'get',
  path: '/api/sso/identity-providers',
  summary: 'Every SAML identity provider (a response is matched to one by its Issuer)',
  tags: ['auth'],
  response: z.object({
    items: z.array(IdpView),
    serviceProvider: z.record(z.string()).openapi({ description: 'our ACS URL, logout URL and entity id, to give each IdP' }),
  }),
  errors: { 403: ADMIN_ONLY },
});
describeRoute({
  method: 'get',
  path: '/api/sso/identity-providers/:name',
  summary: 'One SAML identity provider',
  tags: ['auth'],
  params: IdpName,
  response: z.object({ identityProvider: IdpView }),
  errors: { 403: ADMIN_ONLY, 404: 'NOT_FOUND: no identity provider of that name' },
});
describeRoute({
  method: 'put',
  path: '/api/sso/identity-providers/:name',
  summary: 'Add or replace a SAML identity provider, with its own certificates, mapping and switches',
  tags: ['auth'],
  params: IdpName,
  body: IdpInput,
  response: z.object({ identityProvider: IdpView }),
  errors: IDP_ERRORS,
});
describeRoute({
  method: 'delete',
  path: '/api/sso/identity-providers/:name',
  summary: 'Remove a SAML identity provider and end the sessions it opened',
  tags: ['auth'],
  params: IdpName,
  status: 204,
  errors: { 403: ADMIN_ONLY, 404: 'NOT_FOUND: no identity provider of that name' },
});

const publicIdp = (idp: repo.IdentityProviderConfig | null) =>
  idp && {
    name: idp.name,
    entityId: idp.entityId,
    ssoUrl: idp.ssoUrl,
    sloUrl: idp.sloUrl,
    certificates: idp.certificates,
    attributeMapping: idp.attributeMapping,
    authoritative: idp.authoritative,
    signAuthnRequests: idp.signAuthnRequests,
    requireEncryptedAssertions: idp.requireEncryptedAssertions,
    allowedRoles: idp.allowedRoles,
    allowedDistributorIds: idp.allowedDistributorIds,
    loginUrl: `/auth/saml/login?idp=${encodeURIComponent(idp.name)}`,
    updatedAt: idp.updatedAt,
  };

/** Under /api (authenticated): vendor admins configure the identity providers. */
export function ssoAdminRouter(config: Config) {
  const r = Router();
  const configure = async (req: Request, name: string) => {
    const actor = authorize(req, 'integration.manage');
    const body = parse(IdpInput, req.body);
    let result: Awaited<ReturnType<typeof saml.configureIdentityProvider>>;
    try {
      result = await saml.configureIdentityProvider(config, name, body);
    } catch (e) {
      if (e instanceof saml.SsoError) throw new AppError('INVALID_IDP_CONFIGURATION', e.message, 422);
      throw e;
    }
    const { before, saved } = result;
    if (saved === 'entity_id_taken')
      throw new AppError('IDP_ENTITY_ID_TAKEN', 'another identity provider has this entity id: each IdP is found by its Issuer', 409);
    await recordAudit(
      actor,
      {
        action: 'sso.identity_provider_configured',
        entityType: 'saml_identity_provider',
        entityId: name,
        before: publicIdp(before),
        after: publicIdp(saved),
      },
      undefined,
      req.requestId,
    );
    return publicIdp(saved);
  };
  r.get('/identity-provider', async (req, res) => {
    authorize(req, 'integration.manage');
    res.json({ identityProvider: publicIdp(await repo.findIdentityProvider()), serviceProvider: saml.serviceProvider(config) });
  });
  r.put('/identity-provider', async (req, res) => {
    res.json({ identityProvider: await configure(req, 'default') });
  });
  r.get('/identity-providers', async (req, res) => {
    authorize(req, 'integration.manage');
    res.json({ items: (await repo.listIdentityProviders()).map(publicIdp), serviceProvider: saml.serviceProvider(config) });
  });
  r.get('/identity-providers/:name', async (req, res) => {
    authorize(req, 'integration.manage');
    const { name } = parse(IdpName, req.params, 'params');
    const idp = await repo.findIdentityProvider(name);
    if (!idp) throw notFound('identity provider');
    res.json({ identityProvider: publicIdp(idp) });
  });
  r.put('/identity-providers/:name', async (req, res) => {
    authorize(req, 'integration.manage');
    const { name } = parse(IdpName, req.params, 'params');
    res.json({ identityProvider: await configure(req, name) });
  });
  r.delete('/identity-providers/:name', async (req, res) => {
    const actor = authorize(req, 'integration.manage');
    const { name } = parse(IdpName, req.params, 'params');
    const before = await repo.findIdentityProvider(name);
    if (!before || !(await repo.deleteIdentityProvider(name))) throw notFound('identity provider');
    await recordAudit(
      actor,
      { action: 'sso.identity_provider_removed', entityType: 'saml_identity_provider', entityId: name, before: publicIdp(before) },
      undefined,
      req.requestId,
    );
    res.status(204).end();
  });
  return r;
}

const REQUEST_COOKIE = 'bec_saml_request';

/** Mounted at /auth/saml: browser-facing, outside /api. */
export function samlRouter(config: Config) {
  const r = Router();
  r.get('/metadata', (_req, res) => {
    res.type('application/samlmetadata+xml').send(saml.metadataXml(config));
  });
  r.get('/login', async (req, res) => {
    try {
      const idp = typeof req.query.idp === 'string' && req.query.idp ? req.query.idp.slice(0, 50) : undefined;
      const { url, requestId } = await saml.loginUrl(config, String(req.query.returnTo ?? '/'), idp);
      // Binds the AuthnRequest to this browser (login CSRF). SameSite=None (needs Secure) so that the
      // IdP's cross-site POST to the ACS carries it.
      res.cookie(REQUEST_COOKIE, requestId, {
        httpOnly: true,
        secure: config.cookieSecure,
        sameSite: config.cookieSecure ? 'none' : 'lax',
        maxAge: 10 * 60_000,
        path: '/auth/saml',
      });
      res.redirect(302, url);
    } catch (e) {
      if (e instanceof saml.SsoError) throw new AppError('SSO_NOT_CONFIGURED', e.message, 404);
      throw e;
    }
  });
  r.post('/acs', urlencoded({ extended: false, limit: '512kb', parameterLimit: 10 }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    let result: Awaited<ReturnType<typeof saml.userFromAssertion>>;
    let verified: saml.VerifiedAssertion;
    try {
      verified = await saml.verifyResponse(config, body.SAMLResponse, req.cookies?.[REQUEST_COOKIE] as string | undefined);
      result = await saml.userFromAssertion(verified);
      if (!result.user.active) throw new saml.SsoError('the user is deactivated', null);
    } catch (e) {
      if (!(e instanceof saml.SsoError)) throw e;
      await recordAudit(
        null,
        {
          action: 'session.sso_failed',
          entityType: 'saml_response',
          entityId: (e.inResponseTo ?? 'unknown').slice(0, 64),
          reason: e.message,
        },
        undefined,
        req.requestId,
      );
      throw markAudited(new AppError('SSO_REJECTED', 'the single sign-on response was refused', 401));
    }
    const { user, created, before } = result;
    const s = await auth.openSession(user, config.sessionTtlHours, 'saml', saml.ssoSessionLink(verified));
    await recordAudit(
      s.actor,
      {
        action: created ? 'user.created_by_sso' : 'user.updated_by_sso',
        entityType: 'user',
        entityId: user.id,
        distributorId: user.distributorId,
        before,
        after: { role: user.role, distributorId: user.distributorId, name: user.name },
      },
      undefined,
      req.requestId,
    );
    res.clearCookie(REQUEST_COOKIE, { path: '/auth/saml' });
    res.cookie(auth.SESSION_COOKIE, s.cookieValue, {
      httpOnly: true,
      secure: config.cookieSecure,
      sameSite: 'lax',
      expires: s.expiresAt,
      path: '/',
    });
    res.redirect(303, saml.safeReturnPath(body.RelayState));
  });
  /** A LogoutRequest from an identity provider: its sessions of that user end, the IdP gets a LogoutResponse. */
  const idpLogout = async (req: Request, res: Response, message: saml.LogoutMessage) => {
    let done: saml.IdpLogout;
    try {
      done = await saml.idpLogout(config, message);
    } catch (e) {
      if (!(e instanceof saml.SsoError)) throw e;
      await recordAudit(
        null,
        { action: 'session.sso_failed', entityType: 'saml_logout_request', entityId: 'unknown', reason: e.message },
        undefined,
        req.requestId,
      );
      throw markAudited(new AppError('SSO_REJECTED', 'the logout request was refused', 401));
    }
    await recordAudit(
      null,
      {
        action: 'session.signed_out_by_idp',
        entityType: 'saml_identity_provider',
        entityId: done.idp.name,
        after: { sessionsEnded: done.ended ?? 0 },
      },
      undefined,
      req.requestId,
    );
    res.redirect(302, done.responseUrl);
  };
  /** The IdP's LogoutResponse to our LogoutRequest: the round trip ends on our home page. */
  const idpLogoutResponse = async (req: Request, res: Response, message: saml.LogoutMessage) => {
    try {
      await saml.idpLogoutResponse(config, message);
    } catch (e) {
      if (!(e instanceof saml.SsoError)) throw e;
      await recordAudit(
        null,
        { action: 'session.sso_failed', entityType: 'saml_logout_response', entityId: 'unknown', reason: e.message },
        undefined,
        req.requestId,
      );
      throw markAudited(new AppError('SSO_REJECTED', 'the logout response was refused', 401));
    }
    res.redirect(303, '/');
  };
  // The redirect binding: the IdP signs the query string.
  r.get('/logout', async (req, res) => {
    const rawQuery = req.originalUrl.slice(req.originalUrl.indexOf('?') + 1);
    const message = { binding: 'redirect' as const, query: req.query as Record<string, unknown>, rawQuery };
    if (typeof req.query.SAMLRequest === 'string') await idpLogout(req, res, message);
    else if (typeof req.query.SAMLResponse === 'string') await idpLogoutResponse(req, res, message);
    else throw new AppError('VALIDATION_FAILED', 'a LogoutRequest or LogoutResponse is expected', 400);
  });
  // Three callers: a signed-in browser signing out (session cookie + CSRF token), an identity
  // provider ending its sessions (a signed LogoutRequest, HTTP-POST binding: no cookie, no CSRF
  // token), and an identity provider answering our LogoutRequest (a signed LogoutResponse).
  r.post('/logout', urlencoded({ extended: false, limit: '256kb', parameterLimit: 10 }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.SAMLRequest !== undefined) {
      await idpLogout(req, res, { binding: 'post', samlMessage: body.SAMLRequest, relayState: body.RelayState });
      return;
    }
    if (body.SAMLResponse !== undefined) {
      await idpLogoutResponse(req, res, { binding: 'post', samlMessage: body.SAMLResponse, relayState: body.RelayState });
      return;
    }
    const cookie = req.cookies?.[auth.SESSION_COOKIE] as string | undefined;
    let sso: Parameters<typeof saml.logoutRequestUrl>[1] = null;
    if (cookie) {
      const found = await auth.actorFromSession(cookie);
      const csrf = req.get('x-csrf-token') || body.csrfToken;
      if (found && csrf !== found.csrfToken) throw new AppError('CSRF_TOKEN_INVALID', 'send the session CSRF token', 403);
      // Audited there; the embed sessions this session opened end with it.
      sso = (await auth.signOut(cookie, req.requestId))?.sso ?? null;
    }
    res.clearCookie(auth.SESSION_COOKIE, { path: '/' });
    // The session that SSO opened is also ended at its IdP: a LogoutRequest naming it.
    res.redirect(303, (await saml.logoutRequestUrl(config, sso)) ?? '/');
  });
  if (config.samlTestIdp) {
    // Demo only: the test IdP is loaded on first use, never when the flag is off.
    let testIdp: RequestHandler | undefined;
    r.use('/test-idp', async (req, res, next) => {
      testIdp ??= (await import('./saml.test-idp.js')).testIdpRouter(config);
      testIdp(req, res, next);
    });
  }
  return r;
}
