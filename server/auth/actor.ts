import type { Request } from 'express';
import type { Role } from '../../core/domain.js';
import { can, type Action } from '../../core/permissions.js';
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
}

/** What a repository needs to keep tenants apart: null means every distributor (vendor roles). */
export interface TenantScope {
  distributorId: number | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
    requestId?: string;
  }
}

export function requireActor(req: Request): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'sign in first (a session cookie or a bearer token)', 401);
  return req.actor;
}

/** The actor, after checking the role may perform `action`. */
export function authorize(req: Request, action: Action): Actor {
  const actor = requireActor(req);
  if (!can(actor.role, action)) throw new AppError('FORBIDDEN', `role ${actor.role} may not ${action}`, 403);
  return actor;
}

export function scopeOf(actor: Actor): TenantScope {
  return { distributorId: actor.role === 'distributor_user' ? (actor.distributorId ?? -1) : null };
}
