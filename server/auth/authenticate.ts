import type { Request, RequestHandler } from 'express';
import { requiredScope } from '../../core/permissions.js';
import { AppError } from '../errors.js';
import { requireScope } from './actor.js';
import { actorFromEmbedBearer, actorFromSession, actorFromToken, EMBED_BEARER_PREFIX, SESSION_COOKIE } from './auth.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from `Authorization: Bearer` (an API token, or an embed exchange's `bece_`
 * token) or the session cookie. A state-changing
 * request made with the cookie must echo the session's CSRF token in `X-CSRF-Token`. A token's
 * scopes are checked here for every route (core/permissions.ts `requiredScope`). An invalid bearer
 * token is refused with what `refuseInvalidToken` says: such requests have no caller for the API
 * rate limit, so they are counted per client address apart (http/security.ts `rateLimits`).
 */
export const authenticate =
  (refuseInvalidToken: (req: Request) => Promise<AppError>): RequestHandler =>
  async (req, _res, next) => {
    const header = req.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const bearer = match?.[1];
      const actor = !bearer
        ? null
        : bearer.startsWith(EMBED_BEARER_PREFIX)
          ? await actorFromEmbedBearer(bearer)
          : await actorFromToken(bearer);
      if (!actor) throw await refuseInvalidToken(req);
      if (actor.embedIssuer) {
        // An embed issuer's token (a CRM's named credential) opens embedded sessions, and nothing else.
        if (req.method !== 'POST' || req.path !== '/embed/tokens')
          throw new AppError('INSUFFICIENT_SCOPE', 'an embed_issuer token only issues embed tokens (POST /api/embed/tokens)', 403, {
            needed: 'read',
          });
      }
      // Every route: a read needs `read`, a change `write` (authorize() asks `admin` for configuration).
      else requireScope(actor, requiredScope(req.method));
      req.actor = actor;
      return next();
    }
    const cookie = req.cookies?.[SESSION_COOKIE] as string | undefined;
    if (cookie) {
      const found = await actorFromSession(cookie);
      if (found) {
        if (!SAFE_METHODS.has(req.method) && req.get('x-csrf-token') !== found.csrfToken) {
          throw new AppError('CSRF_TOKEN_INVALID', 'send the session CSRF token in the X-CSRF-Token header', 403);
        }
        req.actor = found.actor;
        // GET /api/session hands it to a page whose session was opened without a JSON answer (SSO).
        req.sessionCsrfToken = found.csrfToken;
      }
    }
    next();
  };
