/**
 * Embed tokens: a partner portal's backend (holding a BEC API token) asks for a short-lived, signed,
 * single-use token for one distributor user; the embedded page exchanges it for a session.
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA256(payload)). The jti is spent in the database.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { recordAudit } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { describeRoute, z } from '../http/openapi.js';
import { markAudited } from '../http/security.js';
import { parse } from '../http/validate.js';
import { requireActor } from './actor.js';
import { UserView } from './auth.router.js';
import { consumeEmbedToken, findUserByEmail, findUserById } from './auth.repository.js';
import * as auth from './auth.service.js';

const NewEmbedToken = z.object({ userEmail: z.string().email().max(200).optional() }).openapi('NewEmbedToken');
const Exchange = z.object({ token: z.string().min(10).max(2000) }).openapi('EmbedTokenExchange');
const EmbedSession = z
  .object({
    user: UserView,
    accessToken: z
      .string()
      .openapi({ description: 'bearer token (`bece_...`) for `Authorization: Bearer`: read and write, mints no API tokens' }),
    tokenType: z.literal('Bearer'),
    csrfToken: z.string().openapi({ description: 'for writes with the session cookie (same-site pages)' }),
    expiresAt: z.string().openapi({ description: 'when the access token and the session end (EMBED_SESSION_TTL_MINUTES)' }),
  })
  .openapi('EmbedSession');

describeRoute({
  method: 'post',
  path: '/api/embed/tokens',
  summary: 'Issue a short-lived embed token for a distributor user (partner portal backend)',
  tags: ['auth'],
  body: NewEmbedToken,
  response: z.object({ token: z.string(), expiresAt: z.string() }),
  status: 201,
  errors: {
    404: 'NOT_FOUND: no user with that userEmail',
    422: 'NOT_A_DISTRIBUTOR_USER: embed tokens open sessions for active distributor users only',
  },
});
describeRoute({
  method: 'post',
  path: '/api/embed/session',
  summary:
    'Exchange an embed token for a distributor-scoped session: a bearer access token (`accessToken`, for `Authorization: Bearer`) and the session cookie, both expiring at `expiresAt`',
  tags: ['auth'],
  body: Exchange,
  response: EmbedSession,
  public: true,
});

interface EmbedPayload {
  v: 1;
  aud: 'bec-embed';
  sub: number;
  dist: number;
  jti: string;
  exp: number;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function embedTokens(config: Config) {
  // Several processes need the same EMBED_TOKEN_SECRET; without it each process signs with its own key.
  const key = config.embedTokenSecret ?? randomBytes(32).toString('hex');
  const mac = (data: string) => createHmac('sha256', key).update(data).digest();
  return {
    sign(p: Omit<EmbedPayload, 'v' | 'aud' | 'jti' | 'exp'>, now = Date.now()) {
      const payload: EmbedPayload = {
        v: 1,
        aud: 'bec-embed',
        ...p,
        jti: randomBytes(16).toString('hex'),
        exp: Math.floor(now / 1000) + config.embedTokenTtlSeconds,
      };
      const body = b64(JSON.stringify(payload));
      return { token: `${body}.${b64(mac(body))}`, expiresAt: new Date(payload.exp * 1000).toISOString() };
    },
    /** The payload of a well-signed, unexpired token; null otherwise. */
    verify(token: string, now = Date.now()): EmbedPayload | null {
      const [body, sig, extra] = token.split('.');
      if (!body || !sig || extra !== undefined) return null;
      const expected = mac(body);
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let p: EmbedPayload;
      try {
        p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as EmbedPayload;
      } catch {
        return null;
      }
      if (p.v !== 1 || p.aud !== 'bec-embed' || !Number.isInteger(p.sub) || typeof p.jti !== 'string') return null;
      return p.exp * 1000 > now ? p : null;
    },
  };
}

export function embedRouter(config: Config) {
  const r = Router();
  const tokens = embedTokens(config);
  r.post('/tokens', async (req, res) => {
    const actor = requireActor(req);
    const body = parse(NewEmbedToken, req.body);
    let target = await findUserById(actor.userId);
    if (body.userEmail && body.userEmail.toLowerCase() !== actor.email) {
      // Only a vendor admin may open an embedded session for another user.
      if (actor.role !== 'vendor_admin') throw forbidden('only a vendor admin may issue an embed token for another user');
      target = await findUserByEmail(body.userEmail);
      if (!target) throw notFound('user');
    }
    if (!target || !target.active || target.role !== 'distributor_user' || !target.distributorId) {
      throw new AppError('NOT_A_DISTRIBUTOR_USER', 'embed tokens open sessions for active distributor users only', 422);
    }
    const issued = tokens.sign({ sub: target.id, dist: target.distributorId });
    await recordAudit(
      actor,
      { action: 'embed_token.issued', entityType: 'user', entityId: target.id, distributorId: target.distributorId },
      undefined,
      req.requestId,
    );
    res.status(201).json(issued);
  });
  r.post('/session', async (req, res) => {
    const { token } = parse(Exchange, req.body);
    const refuse = async (reason: string, userId?: number) => {
      await recordAudit(
        null,
        { action: 'session.embed_failed', entityType: 'user', entityId: userId ?? 'unknown', reason },
        undefined,
        req.requestId,
      );
      return markAudited(new AppError('INVALID_EMBED_TOKEN', 'the embed token is invalid, expired or already used', 401));
    };
    const p = tokens.verify(token);
    if (!p) throw await refuse('bad signature, malformed or expired');
    const user = await findUserById(p.sub);
    if (!user || !user.active || user.role !== 'distributor_user' || user.distributorId !== p.dist)
      throw await refuse('user no longer matches the token', p.sub);
    if (!(await consumeEmbedToken({ jti: p.jti, userId: user.id, expiresAt: new Date(p.exp * 1000) })))
      throw await refuse('token already used', p.sub);
    const s = await auth.openSession(user, config.embedSessionTtlMinutes / 60, 'embed');
    // For a page on another site: third-party cookies are blocked (Safari, Firefox) or SameSite-bound.
    const accessToken = await auth.openEmbedBearer(user, s.expiresAt);
    // Inside a CRM or portal iframe the cookie is third-party: it needs SameSite=None, which needs Secure.
    res.cookie(auth.SESSION_COOKIE, s.cookieValue, {
      httpOnly: true,
      secure: config.cookieSecure,
      sameSite: config.cookieSecure ? 'none' : 'lax',
      expires: s.expiresAt,
      path: '/',
    });
    res.json({
      user: { userId: user.id, email: user.email, name: user.name, role: user.role, distributorId: user.distributorId },
      csrfToken: s.csrfToken,
      accessToken,
      tokenType: 'Bearer',
      expiresAt: s.expiresAt.toISOString(),
    });
  });
  return r;
}
