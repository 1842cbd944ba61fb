import { can, EMBED_ISSUER_SCOPE, hasScope, parseScopes, SCIM_SCOPE, SCOPES, SOLE_SCOPES, type Scope } from '../../core/permissions.js';
import { AppError, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from './actor.js';
import * as repo from './auth.repository.js';
import { rememberCredential } from './credential-cache.js';
import { newSecret, sha256, STAND_IN_PASSWORD_HASH, verifyPassword } from './passwords.js';

export const SESSION_COOKIE = 'bec_session';
/** An embed bearer token starts with this (an API token with `bec_`): the two are looked up apart. */
export const EMBED_BEARER_PREFIX = 'bece_';
/**
 * The most an embedded session may do: read and change its user's data, never configuration.
 * An embed token is issued with these or fewer (`read` alone for a read-only panel); its session,
 * cookie and bearer alike, holds exactly what the token was issued with.
 */
export const EMBED_SCOPES: Scope[] = ['read', 'write'];

/**
 * What an embed session was given: the scopes its embed token was issued with, and the credential
 * that asked for it (an API token, or a password or SSO session); null only for embed tokens and
 * sessions from before sessions were named, which expire on their own.
 */
export interface EmbedGrant {
  scopes: Scope[];
  issuer: repo.EmbedIssuer | null;
  /** when the issuer ends at the latest (null: no expiry): the session ends no later */
  issuerEndsAt?: Date | null;
}
const OWN_EMBED_GRANT: EmbedGrant = { scopes: EMBED_SCOPES, issuer: null };

/** The credential an actor asks with, as an embed token names it: its API token, else its password or SSO session. */
export function embedIssuerOf(actor: Actor): repo.EmbedIssuer {
  if (actor.tokenId !== null) return { tokenId: actor.tokenId };
  if (actor.sessionReference) return { sessionReference: actor.sessionReference };
  // Every caller of a route holds one or the other; an embed token that named neither would outlive everything.
  throw new AppError('INTERNAL', 'this credential cannot issue embed tokens', 500);
}

/**
 * An embed session's secrets (its cookie value and its bearer) end with the credential that asked
 * for its embed token: `<random>.<token id>` for an API token, `<random>.s<session reference>` for
 * a session (its random public reference, nothing derived from its cookie). Only the hash of the
 * whole secret is stored, so the issuer cannot be changed without losing the session. Every use
 * checks that the issuer is live (`liveEmbedIssuer`): revoking the token (or any token above it),
 * or signing the session out, ends the embed session.
 */
const embedSecret = (prefix: string, issuer: repo.EmbedIssuer | null) =>
  !issuer ? newSecret(prefix) : `${newSecret(prefix)}.${'tokenId' in issuer ? issuer.tokenId : `s${issuer.sessionReference}`}`;

/**
 * The issuer an embed secret names: null when it names none (a secret from before issuers were
 * named has no `.`: random base64url alone); `unknown` when its suffix is none minted now (a
 * session named by the SHA-256 of its cookie, as before migration 20261214T1000), which no issuer
 * answers for: such a secret is refused, never taken for one that names none.
 */
const issuerOfSecret = (secret: string): repo.EmbedIssuer | null | 'unknown' => {
  if (!secret.includes('.')) return null;
  const [, tokenId, sessionReference] = /\.(?:(\d{1,12})|s([0-9a-f]{32}))$/.exec(secret) ?? [];
  return tokenId !== undefined ? { tokenId: Number(tokenId) } : sessionReference !== undefined ? { sessionReference } : 'unknown';
};

/**
 * The credential behind an embed grant while it lives: its user, and when it ends at the latest.
 * Null once it has ended, or when it is `unknown`; a grant from before issuers were named has none to outlive.
 */
export async function liveEmbedIssuer(
  issuer: repo.EmbedIssuer | null | 'unknown',
): Promise<{ userId: number | null; endsAt: Date | null } | null> {
  if (issuer === 'unknown') return null;
  return issuer === null ? { userId: null, endsAt: null } : repo.liveEmbedIssuer(issuer);
}

/** The scopes a stored session acts with: an embed one's own (what its token was issued with), every scope for the others. */
const sessionScopes = (s: { method: string; scopes: string[] | null }): Scope[] =>
  s.method === 'embed' ? parseScopes(s.scopes ?? EMBED_SCOPES).scopes.filter((x) => EMBED_SCOPES.includes(x)) : ALL_SCOPES;

/** Every scope: a session opened by password or single sign-on acts as its user. */
const ALL_SCOPES: Scope[] = [...SCOPES];

export const actorOf = (
  u: repo.UserRecord,
  via: Actor['via'],
  credential: Partial<
    Pick<Actor, 'scopes' | 'tokenId' | 'tokenExpiresAt' | 'sessionReference' | 'sessionMethod' | 'embedIssuedByUserId'>
  > = {},
): Actor => ({
  userId: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  distributorId: u.distributorId,
  via,
  scopes: credential.scopes ?? ALL_SCOPES,
  tokenId: credential.tokenId ?? null,
  tokenExpiresAt: credential.tokenExpiresAt ?? null,
  sessionMethod: credential.sessionMethod ?? null,
  ...(credential.sessionReference ? { sessionReference: credential.sessionReference } : {}),
  ...(credential.embedIssuedByUserId ? { embedIssuedByUserId: credential.embedIssuedByUserId } : {}),
});

/** Who asked for an embed session, when another user than its own: the owner of the token or session that asked. */
const embedIssuedBy = (userId: number, issuerUserId: number | null) =>
  issuerUserId !== null && issuerUserId !== userId ? issuerUserId : null;

/**
 * Checks a password and opens a new session (always a new id: no session fixation). The password
 * is hashed whether or not the account exists (against a stand-in hash for an unknown e-mail, a
 * user without a password or a deactivated one), so the time taken tells no one which e-mails exist.
 */
export async function signIn(email: string, password: string, ttlHours: number) {
  const user = await repo.findUserByEmail(email);
  const matches = await verifyPassword(password, user?.passwordHash ?? STAND_IN_PASSWORD_HASH);
  const ok = matches && !!user && user.active && !!user.passwordHash;
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
export async function openSession(
  user: repo.UserRecord,
  ttlHours: number,
  method: 'password' | 'saml' | 'embed',
  sso: repo.SsoSessionLink | null = null,
  /** an embed session's scopes and issuer (what its embed token was issued with, and by whom); the others hold every scope */
  embed: EmbedGrant = OWN_EMBED_GRANT,
) {
  const cookieValue = method === 'embed' ? embedSecret('', embed.issuer) : newSecret();
  const csrfToken = newSecret();
  const ttlEnd = new Date(Date.now() + ttlHours * 3600_000);
  // An embed session lives no longer than the credential that asked for it.
  const expiresAt = method === 'embed' && embed.issuerEndsAt && embed.issuerEndsAt < ttlEnd ? embed.issuerEndsAt : ttlEnd;
  const scopes = method === 'embed' ? embed.scopes : null;
  const { reference } = await repo.createSession(sha256(cookieValue), user.id, csrfToken, expiresAt, method, sso, scopes);
  const actor = actorOf(user, 'session', {
    sessionMethod: method,
    scopes: scopes ?? ALL_SCOPES,
    sessionReference: method === 'embed' ? undefined : reference,
  });
  await recordAudit(actor, {
    action: 'session.signed_in',
    entityType: 'user',
    entityId: user.id,
    distributorId: user.distributorId,
    after: method === 'password' ? undefined : { method },
  });
  return { cookieValue, csrfToken, expiresAt, actor };
}

/**
 * Ends a session (its cookie) and audits it (`session.signed_out`, with how it was opened): the
 * embed sessions it opened end with it, and the embed tokens it issued are refused (`liveEmbedIssuer`).
 * What the session was, or null when it had ended already.
 */
export async function signOut(cookieValue: string, requestId?: string) {
  const found = await actorFromSession(cookieValue);
  await repo.deleteSession(sha256(cookieValue));
  if (found) await auditSignOut(found.actor, requestId);
  return found;
}

const auditSignOut = (actor: Actor, requestId?: string) =>
  recordAudit(
    actor,
    { action: 'session.signed_out', entityType: 'user', entityId: actor.userId, after: { method: actor.sessionMethod } },
    undefined,
    requestId,
  );

/** Resolves a session cookie to its actor and CSRF token. */
export async function actorFromSession(cookieValue: string) {
  // An embed bearer token is kept in the same table; it is a header credential, never a cookie.
  if (cookieValue.startsWith(EMBED_BEARER_PREFIX)) return null;
  const hash = sha256(cookieValue);
  return rememberCredential(
    `session:${hash}`,
    () => loadSessionActor(hash, issuerOfSecret(cookieValue)),
    (s) => s.expiresAt,
  );
}

async function loadSessionActor(hash: string, issuer: repo.EmbedIssuer | null | 'unknown') {
  const session = await repo.findSession(hash);
  if (!session) return null;
  const embedded = session.method === 'embed' ? await liveEmbedIssuer(issuer) : null;
  if (session.method === 'embed' && !embedded) return null;
  const user = await repo.findUserById(session.userId);
  if (!user || !user.active) return null;
  return {
    actor: actorOf(user, 'session', {
      sessionMethod: session.method,
      scopes: sessionScopes(session),
      // An embed session asks for nothing: it is never an issuer.
      sessionReference: session.method === 'embed' ? undefined : session.reference,
      embedIssuedByUserId: embedIssuedBy(user.id, embedded?.userId ?? null),
    }),
    csrfToken: session.csrfToken,
    sso: session.sso as repo.SsoSessionLink | null,
    expiresAt: session.expiresAt,
  };
}

/**
 * The bearer token of an embed exchange: a session of the embed kind kept under the token's hash,
 * expiring with the exchange's cookie session. A page on another site sends it in
 * `Authorization` (no third-party cookie needed). It acts as an embed session of its user:
 * its user's role (a distributor user's own distributor), the scopes its embed token was issued
 * with (`read`, or `read` and `write`; never `admin`), and it mints no API or embed tokens.
 */
export async function openEmbedBearer(user: repo.UserRecord, expiresAt: Date, embed: EmbedGrant = OWN_EMBED_GRANT) {
  const token = embedSecret(EMBED_BEARER_PREFIX, embed.issuer);
  // The CSRF column is required; a bearer needs none (it is no ambient credential).
  await repo.createSession(sha256(token), user.id, newSecret(), expiresAt, 'embed', null, embed.scopes);
  return token;
}

/** Resolves an embed bearer token (`bece_...`) to its actor; null when unknown, expired or not an embed one. */
export async function actorFromEmbedBearer(token: string) {
  if (!token.startsWith(EMBED_BEARER_PREFIX)) return null;
  const hash = sha256(token);
  return rememberCredential(
    `embed:${hash}`,
    () => loadEmbedActor(hash, issuerOfSecret(token)),
    (a) => a.tokenExpiresAt,
  );
}

async function loadEmbedActor(hash: string, issuer: repo.EmbedIssuer | null | 'unknown') {
  const session = await repo.findSession(hash);
  if (!session || session.method !== 'embed') return null;
  const embedded = await liveEmbedIssuer(issuer);
  if (!embedded) return null;
  const user = await repo.findUserById(session.userId);
  if (!user || !user.active) return null;
  return actorOf(user, 'token', {
    scopes: sessionScopes(session),
    sessionMethod: 'embed',
    tokenExpiresAt: session.expiresAt,
    embedIssuedByUserId: embedIssuedBy(user.id, embedded.userId),
  });
}

/** Ends an embed bearer token (sign-out from the embedding page), audited as any sign-out. */
export async function endEmbedBearer(token: string, requestId?: string) {
  if (!token.startsWith(EMBED_BEARER_PREFIX)) return;
  const actor = await actorFromEmbedBearer(token);
  await repo.deleteSession(sha256(token));
  if (actor) await auditSignOut(actor, requestId);
}

/** A token's life when none is asked for. */
const DEFAULT_TOKEN_DAYS = 90;

/** How often a token's lastUsedAt is written (not on every request). */
const LAST_USED_EVERY_MS = 60_000;

/** Resolves a bearer token (and every token above it: a child dies with its parent) to its actor. */
export async function actorFromToken(token: string) {
  const hash = sha256(token);
  return rememberCredential(
    `token:${hash}`,
    () => loadTokenActor(hash),
    (a) => a.tokenExpiresAt,
  );
}

async function loadTokenActor(hash: string) {
  const t = await repo.findActiveToken(hash);
  if (!t) return null;
  const user = await repo.findUserById(t.userId);
  if (!user || !user.active) return null;
  if (!t.lastUsedAt || Date.now() - t.lastUsedAt.getTime() > LAST_USED_EVERY_MS) await repo.touchToken(t.id);
  const { scopes } = parseScopes(t.scopes);
  const actor = actorOf(user, 'token', { scopes, tokenId: t.id, tokenExpiresAt: t.expiresAt });
  return t.scopes.includes(EMBED_ISSUER_SCOPE) ? { ...actor, embedIssuer: true as const } : actor;
}

/**
 * Resolves the bearer token of an identity provider's SCIM client (scope `scim`, and nothing else)
 * to the actor it provisions as: the admin who minted it, while that admin is active. Null for any other token.
 */
export async function actorFromScimToken(token: string) {
  const t = await repo.findActiveToken(sha256(token));
  if (!t?.scopes.includes(SCIM_SCOPE)) return null;
  return actorFromToken(token);
}

/**
 * Issues a bearer token; the secret is shown once and stored only as its hash. Its scopes are
 * known ones (`read`, `write`, `admin`) and no more than the caller's own; a token minted with a
 * token lives no longer than it and dies with it; a session opened from an embed token mints none.
 */
export async function issueToken(actor: Actor, name: string, scopeNames: string[], expiresInDays: number | null | undefined) {
  if (actor.sessionMethod === 'embed')
    throw new AppError('EMBED_SESSION_CANNOT_MINT', 'a session opened from an embed token cannot issue API tokens', 403);
  // A SCIM client's token (server/scim) is `scim` alone, a CRM's embed issuer `embed_issuer` alone:
  // minted by an admin with an `admin` credential.
  const sole = scopeNames.find((n) => SOLE_SCOPES.includes(n));
  if (sole && !(scopeNames.length === 1 && can(actor.role, 'user.manage') && hasScope(actor.scopes, 'admin')))
    throw new AppError('VALIDATION_FAILED', `a ${sole} token is minted alone, by a vendor admin with the admin scope`, 400, {
      errors: [{ field: 'scopes', message: `${sole} alone, by a vendor admin` }],
    });
  const { scopes, unknown } = parseScopes(scopeNames.filter((n) => n !== sole));
  if (unknown.length || (!scopes.length && !sole))
    throw new AppError('VALIDATION_FAILED', `scopes are some of ${SCOPES.join(', ')} (or ${SOLE_SCOPES.join(' or ')} alone)`, 400, {
      errors: [{ field: 'scopes', message: unknown.length ? `unknown: ${unknown.join(', ')}` : 'at least one' }],
    });
  const beyond = scopes.filter((s) => !hasScope(actor.scopes, s));
  if (beyond.length)
    throw new AppError(
      'SCOPE_ESCALATION',
      `this credential cannot issue a token with ${beyond.join(', ')} (it has ${actor.scopes.join(', ')})`,
      403,
    );
  let expiresAt = expiresInDays === null ? null : new Date(Date.now() + (expiresInDays ?? DEFAULT_TOKEN_DAYS) * 86400_000);
  // The default life is capped at the minting token's; an explicit longer one is refused below.
  if (expiresInDays === undefined && actor.tokenExpiresAt && expiresAt && expiresAt > actor.tokenExpiresAt)
    expiresAt = actor.tokenExpiresAt;
  if (actor.tokenId !== null && actor.tokenExpiresAt && (!expiresAt || expiresAt > actor.tokenExpiresAt))
    throw new AppError(
      'VALIDATION_FAILED',
      `a token minted with a token expires no later than it (${actor.tokenExpiresAt.toISOString()})`,
      400,
      {
        errors: [{ field: 'expiresInDays', message: `at most ${Math.floor((actor.tokenExpiresAt.getTime() - Date.now()) / 86400_000)}` }],
      },
    );
  const token = newSecret('bec_');
  const created = await repo.createApiToken({
    userId: actor.userId,
    name,
    tokenHash: sha256(token),
    scopes: scopes.length ? scopes : [sole!],
    expiresAt,
    parentTokenId: actor.tokenId,
  });
  await recordAudit(actor, {
    action: 'token.issued',
    entityType: 'api_token',
    entityId: created.id,
    after: { name, scopes: created.scopes, expiresAt: expiresAt?.toISOString() ?? null, parentTokenId: actor.tokenId },
  });
  return { ...created, token };
}

export async function revokeToken(actor: Actor, id: number) {
  if (!(await repo.revokeToken(actor.userId, id))) throw notFound('token');
  await recordAudit(actor, { action: 'token.revoked', entityType: 'api_token', entityId: id });
}

export const listTokens = (actor: Actor) => repo.listTokens(actor.userId);
