/**
 * Embed tokens: a back end that embeds the components (a partner portal's, or Salesforce's Apex
 * through a named credential) asks with its BEC credential for a short-lived, signed, single-use
 * token for one user; the embedded page exchanges it for a session.
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA256(payload)). The jti is spent in the database.
 *
 * What the session may do is never more than was given: its user's own role (a distributor user's
 * own distributor), and the scopes asked for (`read`, or `read` and `write`), which the issuing
 * credential must itself hold; never `admin`, and an embedded session issues no tokens.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { hasScope, type Scope } from '../../core/permissions.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { describeRoute, z } from '../http/openapi.js';
import { markAudited } from '../http/security.js';
import { parse } from '../http/validate.js';
import { requireActor, type Actor } from './actor.js';
import { UserView } from './auth.router.js';
import {
  consumeEmbedToken,
  deactivatedSince,
  findUserByEmail,
  findUserByFederationId,
  findUserById,
  type EmbedIssuer,
  type UserRecord,
} from './auth.repository.js';
import * as auth from './auth.service.js';

const EmbedScope = z.enum(auth.EMBED_SCOPES as [Scope, ...Scope[]]);
const NewEmbedToken = z
  .object({
    userEmail: z.string().email().max(200).optional().openapi({ description: 'the user to open the session for, by e-mail' }),
    federationId: z.string().min(1).max(255).optional().openapi({
      description:
        "the user by single sign-on subject (SAML NameID, Salesforce's FederationIdentifier), as linked by a sign-in through the identity provider",
    }),
    scopes: z.array(EmbedScope).min(1).max(2).optional().openapi({
      description:
        "what the session may do: `read`, or `read` and `write` (never `admin`); each must be held by the credential asking. Default: the asking credential's own, up to `read` and `write`",
    }),
  })
  .refine((b) => !(b.userEmail && b.federationId), {
    message: 'name the user by userEmail or by federationId, not both',
    path: ['federationId'],
  })
  .openapi('NewEmbedToken');
const Exchange = z.object({ token: z.string().min(10).max(2000) }).openapi('EmbedTokenExchange');
const EmbedSession = z
  .object({
    user: UserView,
    accessToken: z.string().openapi({
      description: 'bearer token (`bece_...`) for `Authorization: Bearer`: the scopes the embed token was issued with, mints no tokens',
    }),
    scopes: z.array(EmbedScope).openapi({ description: 'what the access token and the session may do' }),
    tokenType: z.literal('Bearer'),
    csrfToken: z.string().openapi({ description: 'for writes with the session cookie (same-site pages)' }),
    expiresAt: z.string().openapi({ description: 'when the access token and the session end (EMBED_SESSION_TTL_MINUTES)' }),
  })
  .openapi('EmbedSession');
describeRoute({
  method: 'post',
  path: '/api/embed/tokens',
  summary:
    "Issue a short-lived embed token for a user (a partner portal's back end, Salesforce's Apex): its session acts with the user's own role and the scopes asked, never more than the asking credential's",
  tags: ['auth'],
  body: NewEmbedToken,
  response: z.object({
    token: z.string(),
    expiresAt: z.string(),
    scopes: z.array(EmbedScope).openapi({ description: 'what the session opened with it may do' }),
  }),
  status: 201,
  errors: {
    403: 'FORBIDDEN: only a vendor admin issues for another user; EMBED_SESSION_CANNOT_MINT: an embedded session issues none; SCOPE_ESCALATION: a scope the asking credential lacks',
    404: 'NOT_FOUND: no user with that userEmail or federationId',
    409: 'FEDERATION_ID_AMBIGUOUS: the federationId names more than one user',
    422: 'USER_INACTIVE: the user is deactivated',
  },
});
describeRoute({
  method: 'post',
  path: '/api/embed/session',
  summary:
    "Exchange an embed token for a session of its user (the user's role and tenant, the token's scopes): a bearer access token (`accessToken`, for `Authorization: Bearer`) and the session cookie, both expiring at `expiresAt`",
  tags: ['auth'],
  body: Exchange,
  response: EmbedSession,
  public: true,
});

interface EmbedPayload {
  v: 1;
  aud: 'bec-embed';
  sub: number;
  /** the user's distributor when issued (null for a vendor user): the exchange refuses a user moved since */
  dist: number | null;
  /** the session's scopes (tokens issued before scopes were asked: `read` and `write`) */
  scp?: Scope[];
  /** the API token that asked for it (null: a session did): the exchange and the session it opens die with that token and every token above it */
  tok?: number | null;
  /** the password or SSO session that asked for it, by its public reference (random, nothing derived from its cookie): the exchange and the session it opens die with it */
  ses?: string;
  /** when it was issued, in milliseconds: a deactivation of its user since then refuses it, whatever a reactivation does */
  iatMs?: number;
  jti: string;
  exp: number;
}
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * The credential that asked for a token. Null only for a token signed before sessions were named
 * (a session asked): the server names the issuer of every token it signs now.
 */
const issuerOf = (p: EmbedPayload): EmbedIssuer | null =>
  p.tok != null ? { tokenId: p.tok } : p.ses !== undefined ? { sessionReference: p.ses } : null;

export function embedTokens(config: Config) {
  // Several processes need the same EMBED_TOKEN_SECRET; without it each process signs with its own key.
  const key = config.embedTokenSecret ?? randomBytes(32).toString('hex');
  const mac = (data: string) => createHmac('sha256', key).update(data).digest();
  return {
    sign({ issuer, ...p }: Pick<EmbedPayload, 'sub' | 'dist' | 'scp'> & { issuer?: EmbedIssuer }, now = Date.now()) {
      const payload: EmbedPayload = {
        v: 1,
        aud: 'bec-embed',
        ...p,
        ...(!issuer ? {} : 'tokenId' in issuer ? { tok: issuer.tokenId } : { ses: issuer.sessionReference }),
        iatMs: now,
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
      if (p.scp !== undefined && (!Array.isArray(p.scp) || !p.scp.length || !p.scp.every((x) => auth.EMBED_SCOPES.includes(x))))
        return null;
      if ((p.tok !== undefined && p.tok !== null && !Number.isInteger(p.tok)) || (p.iatMs !== undefined && !Number.isInteger(p.iatMs)))
        return null;
      // A session is named by its 32-hex reference; a token naming it otherwise (by its former id, before migration 20261214T1000) is refused.
      if (p.ses !== undefined && (typeof p.ses !== 'string' || !/^[0-9a-f]{32}$/.test(p.ses) || (p.tok ?? null) !== null)) return null;
      return p.exp * 1000 > now ? p : null;
    },
  };
}

/**
 * The user an embed token is asked for, and what its session may do. Refuses anything more than
 * given: another user's token unless the asker is a vendor admin, a token from an embedded
 * session, a scope the asking credential lacks.
 */
async function embedGrant(actor: Actor, body: z.infer<typeof NewEmbedToken>): Promise<{ target: UserRecord; scopes: Scope[] }> {
  if (actor.sessionMethod === 'embed')
    throw new AppError('EMBED_SESSION_CANNOT_MINT', 'a session opened from an embed token cannot issue embed tokens', 403);
  const self = !body.federationId && (!body.userEmail || body.userEmail.toLowerCase() === actor.email);
  let target: UserRecord | null;
  if (self) target = await findUserById(actor.userId);
  else {
    // Only a vendor admin may open an embedded session for another user.
    if (actor.role !== 'vendor_admin') throw forbidden('only a vendor admin may issue an embed token for another user');
    if (body.userEmail) target = await findUserByEmail(body.userEmail);
    else {
      const found = await findUserByFederationId(body.federationId!);
      if (found === 'ambiguous')
        throw new AppError('FEDERATION_ID_AMBIGUOUS', 'this federationId is linked to more than one user: name the user by userEmail', 409);
      target = found;
    }
  }
  if (!target) throw notFound('user');
  if (!target.active) throw new AppError('USER_INACTIVE', 'the user is deactivated: no embedded session opens for it', 422);
  // What the credential may grant: its own scopes, or an embed issuer's (read and write; the user's role bounds them).
  const power = actor.embedIssuer ? auth.EMBED_SCOPES : actor.scopes;
  const held = auth.EMBED_SCOPES.filter((s) => hasScope(power, s));
  const scopes = body.scopes ? auth.EMBED_SCOPES.filter((s) => body.scopes!.includes(s)) : held;
  // `write` includes reading: a session that may change data may read it.
  if (scopes.includes('write') && !scopes.includes('read')) scopes.unshift('read');
  const beyond = scopes.filter((s) => !hasScope(power, s));
  if (beyond.length || !scopes.length)
    throw new AppError(
      'SCOPE_ESCALATION',
      `this credential cannot issue an embed token with ${beyond.join(', ') || 'read'} (it has ${power.join(', ') || 'none'})`,
      403,
    );
  return { target, scopes };
}

export function embedRouter(config: Config) {
  const r = Router();
  const tokens = embedTokens(config);
  r.post('/tokens', async (req, res) => {
    const actor = requireActor(req);
    const body = parse(NewEmbedToken, req.body);
    const { target, scopes } = await embedGrant(actor, body);
    const issued = tokens.sign({ sub: target.id, dist: target.distributorId, scp: scopes, issuer: auth.embedIssuerOf(actor) });
    await recordAudit(
      actor,
      {
        action: 'embed_token.issued',
        entityType: 'user',
        entityId: target.id,
        distributorId: target.distributorId,
        after: { role: target.role, scopes, by: body.federationId ? 'federationId' : body.userEmail ? 'userEmail' : 'self' },
      },
      undefined,
      req.requestId,
    );
    res.status(201).json({ ...issued, scopes });
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
    // Spent before anything else is checked: a token refused once (its user deactivated, say) stays refused.
    if (!(await consumeEmbedToken({ jti: p.jti, userId: p.sub, expiresAt: new Date(p.exp * 1000) })))
      throw await refuse('token already used', p.sub);
    const user = await findUserById(p.sub);
    if (!user || !user.active || user.distributorId !== (p.dist ?? null)) throw await refuse('user no longer matches the token', p.sub);
    const issuer = issuerOf(p);
    const live = await auth.liveEmbedIssuer(issuer);
    if (!live)
      throw await refuse(
        issuer && 'sessionReference' in issuer
          ? 'the session that asked for it has ended (signed out, logged out or expired)'
          : 'the API token that asked for it is revoked or expired',
        p.sub,
      );
    const issuedAt = new Date(p.iatMs ?? (p.exp - config.embedTokenTtlSeconds) * 1000);
    if (await deactivatedSince(user.id, issuedAt)) throw await refuse('the user was deactivated after it was issued', p.sub);
    const grant: auth.EmbedGrant = { scopes: p.scp ?? auth.EMBED_SCOPES, issuer, issuerEndsAt: live.endsAt };
    const { scopes } = grant;
    const s = await auth.openSession(user, config.embedSessionTtlMinutes / 60, 'embed', null, grant);
    // For a page on another site: third-party cookies are blocked (Safari, Firefox) or SameSite-bound.
    const accessToken = await auth.openEmbedBearer(user, s.expiresAt, grant);
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
      scopes,
      expiresAt: s.expiresAt.toISOString(),
    });
  });
  return r;
}
