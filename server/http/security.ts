/**
 * Hardening in one place: security headers (CSP frame-ancestors from configuration), CORS limited to
 * configured origins, rate limits on sign-in and on the API (counted in a store every process
 * shares: ./rate-limit-store.ts), request size caps (./body-limit.ts, with the media-type rules),
 * and an audit event for every refused authorization (401/403).
 */
import cors from 'cors';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { recordAudit } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { limiterStore, type RateLimitStore } from './rate-limit-store.js';

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
/** The client's address: the socket's, or the one the trusted proxies name (`TRUST_PROXY`). */
const clientIp = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';
const accountOf = (req: Request) => (typeof req.body?.email === 'string' ? req.body.email.toLowerCase().slice(0, 200) : '');

/** The limits, counted in the shared store (./rate-limit-store.ts) so every server process sees the same counts. */
export interface RateLimits {
  /** POST /api/session: failures per address and account, and per address across accounts. */
  passwordSignIn: RequestHandler[];
  /** POST /auth/saml/acs: refused single sign-on responses per address. */
  ssoSignIn: RequestHandler;
  /** POST /api/embed/session: refused embed tokens per address. */
  embedSignIn: RequestHandler;
  /** Every API call, per caller (the signed-in user, else the address). */
  api: RequestHandler;
  /** What to throw for a request whose bearer token is unknown, expired or revoked (counted per address). */
  refuseInvalidToken(req: Request): Promise<AppError>;
}

/**
 * The rate limits of one app. Failed sign-ins are counted per kind (a password, a single sign-on
 * response, an embed token): one kind's failures never block another's sign-in. Successful
 * sign-ins are not counted: a user signing in every morning is never locked out, a guesser is.
 */
export function rateLimits(config: Config, store: RateLimitStore): RateLimits {
  const windowMs = config.signInRateWindowMinutes * 60_000;
  const failures = (name: string, limit: number, key: (req: Request) => string) =>
    rateLimit({
      windowMs,
      limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      keyGenerator: key,
      skipSuccessfulRequests: true,
      store: limiterStore(store, name),
      handler: tooMany('sign-in attempts'),
    });
  const invalidTokenWindowMs = 60_000;
  return {
    passwordSignIn: [
      failures('signin-password-account', config.signInRateLimit, (req) => `${clientIp(req)}|${accountOf(req)}`),
      // One guess at each of many accounts from one address.
      failures('signin-password-address', config.signInAddressRateLimit, clientIp),
    ],
    ssoSignIn: failures('signin-sso', config.signInRateLimit, clientIp),
    embedSignIn: failures('signin-embed', config.signInRateLimit, clientIp),
    api: rateLimit({
      windowMs: 60_000,
      limit: config.apiRateLimitPerMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      keyGenerator: (req) => (req.actor ? `user:${req.actor.userId}` : `ip:${clientIp(req)}`),
      // Every request counts here: on the database, written once a second per caller, not per request.
      store: limiterStore(store.coalesced(), 'api'),
      handler: tooMany('requests'),
    }),
    async refuseInvalidToken(req) {
      const { hits } = await store.hit(`bearer-invalid:${clientIp(req)}`, invalidTokenWindowMs);
      if (hits > config.invalidTokenRateLimitPerMinute)
        return new AppError('RATE_LIMITED', 'too many requests with an invalid bearer token; try again later', 429);
      const refused = new AppError('INVALID_TOKEN', 'the bearer token is unknown, expired or revoked', 401);
      // The first refusal per address and minute is audited; a scan of guesses must not write a row for each.
      return hits === 1 ? refused : markAudited(refused);
    },
  };
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
