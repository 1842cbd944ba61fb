import type { Request } from 'express';
import type { Role } from '../../core/domain.js';
import { can, hasScope, requiredScope, type Action, type Scope } from '../../core/permissions.js';
import { AppError } from '../errors.js';

/** Who is calling: resolved once per request from the session cookie or the bearer token. */
export interface Actor {
  userId: number;
  email: string;
  name: string;
  role: Role;
  /** Set for distributor users: every query they make is scoped to it. */
  distributorId: number | null;
  via: 'session' | 'token';
  /** what the credential may do (core/permissions.ts SCOPES): all three for a password or SSO session */
  scopes: Scope[];
  /** the API token used, if any, and when it expires (a token it mints may not outlive it) */
  tokenId: number | null;
  tokenExpiresAt: Date | null;
  /** the password or SSO session used, if any, by its public reference (random, not derived from its cookie): an embed token it asks for names it and ends with it */
  sessionReference?: string;
  /** how the session was opened; an 'embed' session cannot mint API tokens */
  sessionMethod: 'password' | 'saml' | 'embed' | null;
  /** an `embed_issuer` token (core/permissions.ts EMBED_ISSUER_SCOPE): it may only issue embed tokens */
  embedIssuer?: true;
  /**
   * An embed session opened by an embed token another user's API token or session asked for (an
   * admin's, a CRM integration's): that user. They act through this session too: the audit names them beside
   * the user (`viaUserId`) and the two-person rules count them (`actingUserIds`).
   */
  embedIssuedByUserId?: number | null;
}

/** Everyone acting in a request: its user, and whoever opened its embed session for it. */
export const actingUserIds = (actor: Pick<Actor, 'userId' | 'embedIssuedByUserId'>): number[] =>
  actor.embedIssuedByUserId && actor.embedIssuedByUserId !== actor.userId ? [actor.userId, actor.embedIssuedByUserId] : [actor.userId];

/** Refuses a credential whose scopes do not cover what the request needs. */
export function requireScope(actor: Actor, needed: Scope) {
  if (!hasScope(actor.scopes, needed))
    throw new AppError(
      'INSUFFICIENT_SCOPE',
      `this credential has the scopes ${actor.scopes.join(', ') || 'none'}; this needs ${needed}`,
      403,
      {
        needed,
        scopes: actor.scopes,
      },
    );
}

/** What a repository needs to keep tenants apart: null means every distributor (vendor roles). */
export interface TenantScope {
  distributorId: number | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
    requestId?: string;
    /** The CSRF token of the cookie session that authenticated this request, if one did. */
    sessionCsrfToken?: string;
  }
}

/** Who is signed in, whatever its role may do (who-am-I and signing out only). */
export function signedIn(req: Request): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'sign in first (a session cookie or a bearer token)', 401);
  return req.actor;
}

/** The actor of every route but who-am-I: a user with no role (`no_access`) is refused here, on every route at once. */
export function requireActor(req: Request): Actor {
  const actor = signedIn(req);
  if (actor.role === 'no_access')
    throw new AppError(
      'NO_ROLE',
      'this account has no role: an admin (or your identity provider, through a group) must give it one first',
      403,
    );
  return actor;
}

/** The actor, after checking the role may perform `action`. */
export function authorize(req: Request, action: Action): Actor {
  const actor = requireActor(req);
  if (!can(actor.role, action)) throw new AppError('FORBIDDEN', `role ${actor.role} may not ${action}`, 403);
  requireScope(actor, requiredScope(req.method, action));
  return actor;
}

export function scopeOf(actor: Pick<Actor, 'role' | 'distributorId'>): TenantScope {
  return { distributorId: actor.role === 'distributor_user' ? (actor.distributorId ?? -1) : null };
}

/**
 * The distributor a list is read for, from the `distributorId` its caller names: a vendor user
 * gets the one it names, or every distributor (undefined); a distributor user gets its own, and
 * naming another is a 403 naming the parameter, never its own data answered as if it were the
 * other's. One rule for every list, and for every way a file is sent on a distributor's behalf
 * (`intakeActor` for the API, `senderActor` for the command, the inbound directory and e-mail).
 */
export function distributorFilter(
  actor: Pick<Actor, 'role' | 'distributorId'>,
  named: number | undefined,
  field = 'distributorId',
): number | undefined {
  const own = scopeOf(actor).distributorId;
  if (own === null) return named;
  if (named !== undefined && named !== own) {
    const message = `distributor ${named} is not yours: a distributor user reads and sends its own distributor's data only (${own}, or leave ${field} out)`;
    throw new AppError('FORBIDDEN', `${field}: ${message}`, 403, { errors: [{ field, message }] });
  }
  return own;
}

/**
 * The actor of a POS import, a claim file or a claim run over an import: a distributor user for
 * its own distributor, or a vendor user (channel manager, finance, admin) on behalf of the
 * distributor it names (`distributorId`), as vendors do with the feeds distributors and
 * aggregators send them. The lines are the distributor's; the audit names who sent them.
 * `exists` checks that the named account is a distributor.
 */
export async function intakeActor(
  req: Request,
  distributorId: number | undefined,
  exists: (distributorId: number) => Promise<boolean>,
): Promise<Actor> {
  const actor = authorize(req, 'pos.import');
  // Another distributor's id is the lists' 403 (`distributorFilter`): one rule.
  const named = distributorFilter(actor, distributorId);
  if (actor.role === 'distributor_user') return actor;
  if (named === undefined)
    throw new AppError('VALIDATION_FAILED', 'name the distributor whose file this is (?distributorId=)', 400, {
      errors: [{ field: 'distributorId', message: 'required for vendor users' }],
    });
  if (!(await exists(named))) throw new AppError('NOT_FOUND', `no distributor ${named}`, 404);
  return { ...actor, distributorId: named };
}
