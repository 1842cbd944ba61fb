import { AppError, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from './actor.js';
import * as repo from './auth.repository.js';
import { newSecret, sha256, verifyPassword } from './passwords.js';

export const SESSION_COOKIE = 'bec_session';

export const actorOf = (u: repo.UserRecord, via: Actor['via']): Actor => ({
  userId: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  distributorId: u.distributorId,
  via,
});

/** Checks a password and opens a new session (always a new id: no session fixation). */
export async function signIn(email: string, password: string, ttlHours: number) {
  const user = await repo.findUserByEmail(email);
  const ok = !!user && user.active && !!user.passwordHash && (await verifyPassword(password, user.passwordHash));
  if (!ok) {
    await recordAudit(null, {
      action: 'session.sign_in_failed',
      entityType: 'user',
      entityId: user?.id ?? email.toLowerCase().slice(0, 64),
    });
    throw new AppError('INVALID_CREDENTIALS', 'wrong email or password', 401);
  }
  return openSession(user, ttlHours, 'password');
}

/** Opens a new session for a user already authenticated (password, SAML, embed token): always a new id. */
export async function openSession(user: repo.UserRecord, ttlHours: number, method: 'password' | 'saml' | 'embed') {
  const cookieValue = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await repo.createSession(sha256(cookieValue), user.id, csrfToken, expiresAt);
  const actor = actorOf(user, 'session');
  await recordAudit(actor, {
    action: 'session.signed_in',
    entityType: 'user',
    entityId: user.id,
    distributorId: user.distributorId,
    after: method === 'password' ? undefined : { method },
  });
  return { cookieValue, csrfToken, expiresAt, actor };
}

export async function signOut(cookieValue: string) {
  await repo.deleteSession(sha256(cookieValue));
}

/** Resolves a session cookie to its actor and CSRF token. */
export async function actorFromSession(cookieValue: string) {
  const session = await repo.findSession(sha256(cookieValue));
  if (!session) return null;
  const user = await repo.findUserById(session.userId);
  if (!user || !user.active) return null;
  return { actor: actorOf(user, 'session'), csrfToken: session.csrfToken };
}

export async function actorFromToken(token: string) {
  const t = await repo.findActiveToken(sha256(token));
  if (!t) return null;
  const user = await repo.findUserById(t.userId);
  return user && user.active ? actorOf(user, 'token') : null;
}

/** Issues a bearer token; the secret is shown once and stored only as its hash. */
export async function issueToken(actor: Actor, name: string, scopes: string[], expiresInDays: number | null) {
  const token = newSecret('bec_');
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86400_000) : null;
  const created = await repo.createApiToken({ userId: actor.userId, name, tokenHash: sha256(token), scopes, expiresAt });
  await recordAudit(actor, { action: 'token.issued', entityType: 'api_token', entityId: created.id, after: { name, scopes } });
  return { ...created, token };
}

export async function revokeToken(actor: Actor, id: number) {
  if (!(await repo.revokeToken(actor.userId, id))) throw notFound('token');
  await recordAudit(actor, { action: 'token.revoked', entityType: 'api_token', entityId: id });
}

export const listTokens = (actor: Actor) => repo.listTokens(actor.userId);
