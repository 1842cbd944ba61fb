/** SAML single sign-on: SP metadata, login, the ACS, logout; and the admin API that configures the IdP. */
import { Router, urlencoded, type RequestHandler } from 'express';
import { recordAudit } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { describeRoute, z } from '../http/openapi.js';
import { markAudited } from '../http/security.js';
import { parse } from '../http/validate.js';
import { authorize } from './actor.js';
import * as auth from './auth.service.js';
import * as repo from './saml.repository.js';
import * as saml from './saml.service.js';

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
        roleMap: z.record(z.enum(['vendor_admin', 'channel_manager', 'finance', 'distributor_user'])),
      })
      .partial()
      .optional(),
  })
  .openapi('SamlIdentityProviderInput');

describeRoute({ method: 'get', path: '/api/sso/identity-provider', summary: 'The SAML identity provider configuration', tags: ['auth'] });
describeRoute({
  method: 'put',
  path: '/api/sso/identity-provider',
  summary: 'Configure the SAML identity provider from its metadata XML or from fields',
  tags: ['auth'],
  body: IdpInput,
});

const publicIdp = (idp: repo.IdentityProviderConfig | null) =>
  idp && {
    entityId: idp.entityId,
    ssoUrl: idp.ssoUrl,
    sloUrl: idp.sloUrl,
    certificates: idp.certificates,
    attributeMapping: idp.attributeMapping,
    updatedAt: idp.updatedAt,
  };

/** Under /api (authenticated): vendor admins configure the identity provider. */
export function ssoAdminRouter(config: Config) {
  const r = Router();
  r.get('/identity-provider', async (req, res) => {
    authorize(req, 'integration.manage');
    res.json({ identityProvider: publicIdp(await repo.findIdentityProvider()), serviceProvider: saml.serviceProvider(config) });
  });
  r.put('/identity-provider', async (req, res) => {
    const actor = authorize(req, 'integration.manage');
    const body = parse(IdpInput, req.body);
    let fields: Pick<repo.IdentityProviderConfig, 'entityId' | 'ssoUrl' | 'sloUrl' | 'certificates'>;
    try {
      if (body.metadataXml) fields = saml.parseIdpMetadata(body.metadataXml);
      else if (body.entityId && body.ssoUrl && body.certificates)
        fields = { entityId: body.entityId, ssoUrl: body.ssoUrl, sloUrl: body.sloUrl ?? null, certificates: body.certificates };
      else throw new saml.SsoError('send metadataXml, or entityId, ssoUrl and certificates');
    } catch (e) {
      if (e instanceof saml.SsoError) throw new AppError('INVALID_IDP_CONFIGURATION', e.message, 422);
      throw e;
    }
    const before = await repo.findIdentityProvider();
    const saved = await repo.saveIdentityProvider({
      name: 'default',
      ...fields,
      attributeMapping: { ...repo.DEFAULT_MAPPING, ...before?.attributeMapping, ...body.attributeMapping },
      metadataXml: body.metadataXml ?? null,
    });
    await recordAudit(
      actor,
      {
        action: 'sso.identity_provider_configured',
        entityType: 'saml_identity_provider',
        entityId: 'default',
        before: publicIdp(before),
        after: publicIdp(saved),
      },
      undefined,
      req.requestId,
    );
    res.json({ identityProvider: publicIdp(saved) });
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
      const { url, requestId } = await saml.loginUrl(config, String(req.query.returnTo ?? '/'));
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
    try {
      const verified = await saml.verifyResponse(config, body.SAMLResponse, req.cookies?.[REQUEST_COOKIE] as string | undefined);
      result = await saml.userFromAssertion(config, verified);
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
    const s = await auth.openSession(user, config.sessionTtlHours, 'saml');
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
  r.post('/logout', urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const cookie = req.cookies?.[auth.SESSION_COOKIE] as string | undefined;
    if (cookie) {
      const found = await auth.actorFromSession(cookie);
      const csrf = req.get('x-csrf-token') || (req.body as Record<string, unknown> | undefined)?.csrfToken;
      if (found && csrf !== found.csrfToken) throw new AppError('CSRF_TOKEN_INVALID', 'send the session CSRF token', 403);
      await auth.signOut(cookie);
      if (found)
        await recordAudit(
          found.actor,
          { action: 'session.signed_out', entityType: 'user', entityId: found.actor.userId },
          undefined,
          req.requestId,
        );
    }
    res.clearCookie(auth.SESSION_COOKIE, { path: '/' });
    const idp = await repo.findIdentityProvider();
    res.redirect(303, idp?.sloUrl ?? '/');
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
