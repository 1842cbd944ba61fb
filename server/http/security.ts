/**
 * Hardening in one place: security headers (CSP frame-ancestors from configuration), CORS limited to
 * configured origins, rate limits on sign-in and on the API, request size caps (./body-limit.ts,
 * with the media-type rules), and an audit event for every refused authorization (401/403).
 */
import cors from 'cors';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { recordAudit } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

/** Helmet, with frame-ancestors listing only ourselves and the configured CRM and portal origins. */
export function securityHeaders(config: Config): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'", ...config.frameAncestors],
      },
    },
    // X-Frame-Options cannot name several origins; frame-ancestors (above) decides who may frame us.
    xFrameOptions: false,
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/** CORS for the API: only configured origins, with credentials (the embedded components' cookie). */
export function apiCors(config: Config): RequestHandler {
  const allowed = new Set(config.corsOrigins);
  return cors({
    origin: (origin, cb) => cb(null, !!origin && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-CSRF-Token', 'Idempotency-Key'],
    exposedHeaders: ['X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
    maxAge: 600,
  });
}

const tooMany =
  (what: string): RequestHandler =>
  (_req, _res, next) =>
    next(new AppError('RATE_LIMITED', `too many ${what}; try again later`, 429));
const clientIp = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * Sign-in attempts per client address and account (password, SAML ACS, embed exchange).
 * The counters are per process: behind a load balancer the effective limit is limit x processes.
 */
export function signInRateLimit(config: Config): RequestHandler {
  return rateLimit({
    windowMs: config.signInRateWindowMinutes * 60_000,
    limit: config.signInRateLimit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const email = typeof req.body?.email === 'string' ? req.body.email.toLowerCase().slice(0, 200) : '';
      return `${clientIp(req)}|${email}`;
    },
    // Only failures count: a user signing in every morning is never locked out, a guesser is.
    skipSuccessfulRequests: true,
    handler: tooMany('sign-in attempts'),
  });
}

/** API calls per caller (the signed-in user, else the client address), per minute. */
export function apiRateLimit(config: Config): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: config.apiRateLimitPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => (req.actor ? `user:${req.actor.userId}` : `ip:${clientIp(req)}`),
    handler: tooMany('requests'),
  });
}

/** The byte cap on request bodies (declared and streamed) lives with the media-type rules. */
export { requestSizeLimit } from './body-limit.js';

const audited = new WeakSet<object>();
/** Marks an error whose refusal was already audited with more detail (SAML, embed tokens). */
export function markAudited<E extends object>(err: E): E {
  audited.add(err);
  return err;
}

/** Before the error middleware: every 401/403 lands in the audit log, with the route and the caller. */
export const auditRefusals: ErrorRequestHandler = async (err, req, _res, next) => {
  if (err instanceof AppError && (err.status === 401 || err.status === 403) && !audited.has(err)) {
    try {
      const route = `${req.method} ${req.baseUrl}${(req.route?.path as string | undefined) ?? req.path}`;
      await recordAudit(
        req.actor ?? null,
        {
          action: 'authorization.refused',
          entityType: 'route',
          entityId: route.slice(0, 64),
          distributorId: req.actor?.distributorId ?? null,
          reason: `${err.status} ${err.code}: ${err.message}`.slice(0, 1000),
        },
        undefined,
        req.requestId,
      );
    } catch (e) {
      console.error('could not audit a refused request', e);
    }
  }
  next(err);
};

/** Every CSV export writes its cells through the shared formula-safe writer. */
export { csvCell as safeCsvCell } from '../../core/csv.js';
