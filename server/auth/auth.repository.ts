import { Op, UniqueConstraintError } from 'sequelize';
import { ApiToken, AuditEvent, Session } from '../../models/platform.js';
import { EmbedTokenUse } from '../../models/security.js';
import { User, UserIdentity } from '../../models/accounts.js';
import type { Actor } from './actor.js';
import { credentialsChanged } from './credential-cache.js';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: Actor['role'];
  distributorId: number | null;
  passwordHash: string | null;
  active: boolean;
}

const toUser = (u: User): UserRecord => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  distributorId: u.distributorId,
  passwordHash: u.passwordHash,
  active: u.active,
});

export async function findUserByEmail(email: string): Promise<UserRecord | null> {
  const u = await User.findOne({ where: { email: email.toLowerCase() } });
  return u ? toUser(u) : null;
}

export async function findUserById(id: number): Promise<UserRecord | null> {
  const u = await User.findByPk(id);
  return u ? toUser(u) : null;
}

/**
 * The user a single sign-on subject (SAML NameID; Salesforce's FederationIdentifier) was linked to
 * by a sign-in through an identity provider; `ambiguous` when it names users of two providers.
 */
export async function findUserByFederationId(subject: string): Promise<UserRecord | null | 'ambiguous'> {
  const identities = await UserIdentity.findAll({ where: { subject: subject.slice(0, 255) }, attributes: ['userId'] });
  const ids = [...new Set(identities.map((i) => i.userId))];
  if (ids.length > 1) return 'ambiguous';
  return ids.length ? findUserById(ids[0]!) : null;
}

/** A session opened by SSO: its identity provider and the assertion's SessionIndex (IdP-initiated logout). */
export interface SsoSessionLink {
  idpName: string;
  sessionIndex: string | null;
  nameId: string;
  nameIdFormat: string | null;
}

export async function createSession(
  id: string,
  userId: number,
  csrfToken: string,
  expiresAt: Date,
  method = 'password',
  sso: SsoSessionLink | null = null,
  scopes: readonly string[] | null = null,
): Promise<{ reference: string }> {
  const s = await Session.create({
    id,
    userId,
    csrfToken,
    expiresAt,
    method,
    scopes: scopes ? scopes.join(' ') : null,
    ssoIdpName: sso?.idpName ?? null,
    ssoSessionIndex: sso?.sessionIndex?.slice(0, 255) ?? null,
    ssoNameId: sso?.nameId.slice(0, 255) ?? null,
    ssoNameIdFormat: sso?.nameIdFormat?.slice(0, 255) ?? null,
  });
  return { reference: s.reference };
}

export async function findSession(id: string) {
  const s = await Session.findByPk(id);
  return s && s.expiresAt.getTime() > Date.now()
    ? {
        userId: s.userId,
        /** its public name: what an embed token it asks for names */
        reference: s.reference,
        csrfToken: s.csrfToken,
        method: (s.method ?? 'password') as 'password' | 'saml' | 'embed',
        /** an embed session's scopes; null for the others */
        scopes: s.scopes ? s.scopes.split(' ') : null,
        sso: s.ssoIdpName
          ? { idpName: s.ssoIdpName, sessionIndex: s.ssoSessionIndex, nameId: s.ssoNameId ?? '', nameIdFormat: s.ssoNameIdFormat }
          : null,
        expiresAt: s.expiresAt,
      }
    : null;
}

export async function deleteSession(id: string) {
  await Session.destroy({ where: { id } });
  credentialsChanged();
}

export async function createApiToken(input: {
  userId: number;
  name: string;
  tokenHash: string;
  scopes: string[];
  expiresAt: Date | null;
  parentTokenId: number | null;
}) {
  const t = await ApiToken.create({ ...input, scopes: JSON.stringify(input.scopes), revokedAt: null, lastUsedAt: null });
  return { id: t.id, name: t.name, scopes: input.scopes, expiresAt: t.expiresAt?.toISOString() ?? null };
}

const live = () => ({ revokedAt: null, [Op.or]: [{ expiresAt: null }, { expiresAt: { [Op.gt]: new Date() } }] });

/** A credential that lives: its user, and when it ends at the latest (null: no expiry). */
export interface LiveCredential {
  userId: number;
  endsAt: Date | null;
}
const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * The token `id` while it and every token above it (its parent, the parent's, ...) are live:
 * neither revoked nor expired. It ends when the first of them expires. Null otherwise.
 */
async function liveTokenChain(id: number): Promise<LiveCredential | null> {
  const chain: ApiToken[] = [];
  for (let next: number | null = id; next !== null;) {
    const t: ApiToken | null =
      chain.length < 32
        ? await ApiToken.findOne({ where: { id: next, ...live() }, attributes: ['id', 'userId', 'parentTokenId', 'expiresAt'] })
        : null;
    if (!t) return null;
    chain.push(t);
    next = t.parentTokenId ?? null;
  }
  return { userId: chain[0]!.userId, endsAt: chain.reduce<Date | null>((end, t) => earliest(end, t.expiresAt), null) };
}

/** True when the token `id` and every token above it are live: neither revoked nor expired. */
export async function tokenChainLive(id: number | null): Promise<boolean> {
  return id === null || (await liveTokenChain(id)) !== null;
}

/**
 * The credential that asked for an embed token: an API token (its id), or a password or single
 * sign-on session (its reference: random, drawn when it was opened, nothing derived from its cookie).
 */
export type EmbedIssuer = { tokenId: number } | { sessionReference: string };

/**
 * The credential that asked for an embed token, while it lives; null once it has ended: a token
 * revoked or expired (or any token above it), a session signed out, ended by single logout, by its
 * identity provider's removal or its user's deactivation, or expired. One rule for the exchange
 * and for every use of the session it opened.
 */
export async function liveEmbedIssuer(issuer: EmbedIssuer): Promise<LiveCredential | null> {
  if ('tokenId' in issuer) return liveTokenChain(issuer.tokenId);
  const s = await Session.findOne({ where: { reference: issuer.sessionReference }, attributes: ['userId', 'expiresAt', 'method'] });
  // An embed session issues no embed tokens: none is ever an issuer.
  return s && s.method !== 'embed' && s.expiresAt.getTime() > Date.now() ? { userId: s.userId, endsAt: s.expiresAt } : null;
}

/** A live token by its hash, or null; a token whose parent (or any ancestor) is revoked or expired is dead too. */
export async function findActiveToken(tokenHash: string) {
  const t = await ApiToken.findOne({ where: { tokenHash, ...live() } });
  if (!t || !(await tokenChainLive(t.parentTokenId ?? null))) return null;
  return {
    id: t.id,
    userId: t.userId,
    scopes: JSON.parse(t.scopes) as string[],
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
  };
}

/** Records that a token was used (lastUsedAt). */
export async function touchToken(id: number) {
  await ApiToken.update({ lastUsedAt: new Date() }, { where: { id } });
}

export async function listTokens(userId: number) {
  const rows = await ApiToken.findAll({ where: { userId }, order: [['id', 'ASC']] });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    scopes: JSON.parse(t.scopes) as string[],
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Revokes a token of this user; false when there is none. */
export async function revokeToken(userId: number, id: number): Promise<boolean> {
  const [count] = await ApiToken.update({ revokedAt: new Date() }, { where: { id, userId, revokedAt: null } });
  credentialsChanged();
  return count > 0;
}

/** Records an embed token's one use: false when the token (its jti) was already used. */
export async function consumeEmbedToken(use: { jti: string; userId: number; expiresAt: Date }): Promise<boolean> {
  try {
    await EmbedTokenUse.create({ ...use, consumedAt: new Date() });
    return true;
  } catch (e) {
    if (e instanceof UniqueConstraintError) return false;
    throw e;
  }
}

/**
 * Whether the user was deactivated at or after `since` (from its audit trail, where every
 * deactivation is recorded): a credential issued before then is not revived by a reactivation.
 */
export async function deactivatedSince(userId: number, since: Date): Promise<boolean> {
  const found = await AuditEvent.findOne({
    where: { entityType: 'user', entityId: String(userId), action: 'user.deactivated', occurredAt: { [Op.gte]: since } },
    attributes: ['id'],
  });
  return found !== null;
}

/** Deletes the sessions that have expired (a session past its expiry is refused already); the number deleted. */
export async function purgeExpiredSessions(now = new Date()): Promise<number> {
  return Session.destroy({ where: { expiresAt: { [Op.lt]: now } } });
}

/** Deletes spent embed-token ids whose token has expired (an expired token is refused on its own); the number deleted. */
export async function purgeExpiredEmbedTokenUses(now = new Date()): Promise<number> {
  return EmbedTokenUse.destroy({ where: { expiresAt: { [Op.lt]: now } } });
}

/**
 * Ends every credential of a user at once: its sessions (password, SSO and embed ones) are
 * deleted and its API tokens revoked, so reactivating the user later revives none of them.
 */
export async function endCredentialsOf(userId: number): Promise<{ sessions: number; tokens: number }> {
  const sessions = await Session.destroy({ where: { userId } });
  const [tokens] = await ApiToken.update({ revokedAt: new Date() }, { where: { userId, revokedAt: null } });
  credentialsChanged();
  return { sessions, tokens };
}
