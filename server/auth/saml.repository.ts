/** The SAML caches and the identity provider's configuration, in the database so every server process shares them. */
import { Op, UniqueConstraintError } from 'sequelize';
import type { CacheItem, CacheProvider } from '@node-saml/passport-saml';
import { Account, User, UserIdentity } from '../../models/accounts.js';
import { Session } from '../../models/platform.js';
import { SamlAssertionSeen, SamlIdentityProvider, SamlRequest } from '../../models/security.js';
import type { Role } from '../../core/domain.js';
import { findUserByEmail, findUserById, type UserRecord } from './auth.repository.js';
import { credentialsChanged } from './credential-cache.js';

/** node-saml's InResponseTo cache, backed by the saml_requests table; each request names the IdP it went to. */
export function databaseRequestCache(ttlMs: number, idpName: string): CacheProvider {
  return {
    async saveAsync(key: string, value: string): Promise<CacheItem | null> {
      const now = new Date();
      await SamlRequest.create({
        id: key.slice(0, 100),
        issuedAt: now,
        expiresAt: new Date(now.getTime() + ttlMs),
        consumedAt: null,
        idpName,
      });
      return { value, createdAt: now.getTime() };
    },
    async getAsync(key: string): Promise<string | null> {
      const r = await SamlRequest.findOne({ where: { id: key.slice(0, 100), expiresAt: { [Op.gt]: new Date() } } });
      return r ? r.issuedAt.toISOString() : null;
    },
    async removeAsync(key: string | null): Promise<string | null> {
      if (!key) return null;
      await SamlRequest.destroy({ where: { id: key.slice(0, 100) } });
      return key;
    },
  };
}

/**
 * Marks a request id as answered, atomically: of two responses racing with the same
 * InResponseTo (two processes), exactly one wins. False when unknown, expired, already used or
 * sent to another identity provider.
 */
export async function consumeRequestId(id: string, idpName: string): Promise<boolean> {
  const now = new Date();
  const [count] = await SamlRequest.update(
    { consumedAt: now },
    { where: { id: id.slice(0, 100), idpName, consumedAt: null, expiresAt: { [Op.gt]: now } } },
  );
  return count === 1;
}

/** Deletes the AuthnRequest ids that have expired, answered or not (an expired one is refused already); the number deleted. */
export async function purgeExpiredRequests(now = new Date()): Promise<number> {
  return SamlRequest.destroy({ where: { expiresAt: { [Op.lt]: now } } });
}

/** Records an accepted assertion id until it expires; false when it was already seen (a replay). */
export async function rememberAssertion(id: string, issuer: string, expiresAt: Date): Promise<boolean> {
  await SamlAssertionSeen.destroy({ where: { expiresAt: { [Op.lt]: new Date() } } });
  try {
    await SamlAssertionSeen.create({ id: id.slice(0, 200), issuer: issuer.slice(0, 255), expiresAt, createdAt: new Date() });
    return true;
  } catch (e) {
    if (e instanceof UniqueConstraintError) return false;
    throw e;
  }
}

export interface AttributeMapping {
  email: string;
  name: string;
  role: string;
  distributor: string;
  /** IdP role values (group names) to our roles; a value that already is a role maps to itself. */
  roleMap: Record<string, Role>;
}

export const DEFAULT_MAPPING: AttributeMapping = {
  email: 'email',
  name: 'displayName',
  role: 'role',
  distributor: 'distributor',
  roleMap: {},
};

export interface IdentityProviderConfig {
  /** our name for it: `default` is the one `PUT /api/sso/identity-provider` configures */
  name: string;
  entityId: string;
  ssoUrl: string;
  sloUrl: string | null;
  certificates: string[];
  attributeMapping: AttributeMapping;
  metadataXml: string | null;
  /** its attributes may move an existing user to another distributor, raise its role, or claim it by email */
  authoritative: boolean;
  signAuthnRequests: boolean;
  requireEncryptedAssertions: boolean;
  /** the only roles it may give a user; null: any */
  allowedRoles: Role[] | null;
  /** the only distributors (account ids) its distributor users may belong to; null: any */
  allowedDistributorIds: number[] | null;
  updatedAt: string;
}

interface IdpLimits {
  roles: Role[] | null;
  distributorIds: number[] | null;
}

const toIdp = (r: SamlIdentityProvider): IdentityProviderConfig => ({
  name: r.name,
  entityId: r.entityId,
  ssoUrl: r.ssoUrl,
  sloUrl: r.sloUrl,
  certificates: JSON.parse(r.certificates) as string[],
  attributeMapping: { ...DEFAULT_MAPPING, ...(JSON.parse(r.attributeMapping) as Partial<AttributeMapping>) },
  metadataXml: r.metadataXml,
  authoritative: !!r.authoritative,
  signAuthnRequests: !!r.signAuthnRequests,
  requireEncryptedAssertions: !!r.requireEncryptedAssertions,
  ...limitsOf(r.limits),
  updatedAt: r.updatedAt.toISOString(),
});

function limitsOf(json: string | null | undefined): Pick<IdentityProviderConfig, 'allowedRoles' | 'allowedDistributorIds'> {
  const limits = (json ? JSON.parse(json) : {}) as Partial<IdpLimits>;
  return { allowedRoles: limits.roles ?? null, allowedDistributorIds: limits.distributorIds ?? null };
}

export async function findIdentityProvider(name = 'default'): Promise<IdentityProviderConfig | null> {
  const r = await SamlIdentityProvider.findOne({ where: { name } });
  return r ? toIdp(r) : null;
}

/** The IdP a message's Issuer names (entity ids are unique). */
export async function findIdentityProviderByEntityId(entityId: string): Promise<IdentityProviderConfig | null> {
  const r = await SamlIdentityProvider.findOne({ where: { entityId: entityId.slice(0, 255) } });
  return r ? toIdp(r) : null;
}

export async function listIdentityProviders(): Promise<IdentityProviderConfig[]> {
  return (await SamlIdentityProvider.findAll({ order: [['name', 'ASC']] })).map(toIdp);
}

/** Creates or replaces an IdP by name; 'entity_id_taken' when another IdP has its entity id. */
export async function saveIdentityProvider(
  input: Omit<IdentityProviderConfig, 'updatedAt'>,
): Promise<IdentityProviderConfig | 'entity_id_taken'> {
  const values = {
    name: input.name,
    entityId: input.entityId,
    ssoUrl: input.ssoUrl,
    sloUrl: input.sloUrl,
    certificates: JSON.stringify(input.certificates),
    attributeMapping: JSON.stringify(input.attributeMapping),
    metadataXml: input.metadataXml,
    authoritative: input.authoritative,
    signAuthnRequests: input.signAuthnRequests,
    requireEncryptedAssertions: input.requireEncryptedAssertions,
    limits:
      input.allowedRoles || input.allowedDistributorIds
        ? JSON.stringify({ roles: input.allowedRoles, distributorIds: input.allowedDistributorIds } satisfies IdpLimits)
        : null,
  };
  try {
    const existing = await SamlIdentityProvider.findOne({ where: { name: input.name } });
    const saved = existing ? await existing.update(values) : await SamlIdentityProvider.create(values);
    return toIdp(saved);
  } catch (e) {
    if (e instanceof UniqueConstraintError) return 'entity_id_taken';
    throw e;
  }
}

/** Removes an IdP and ends the sessions it opened. False when there is none of that name. */
export async function deleteIdentityProvider(name: string): Promise<boolean> {
  const count = await SamlIdentityProvider.destroy({ where: { name } });
  if (count) await Session.destroy({ where: { ssoIdpName: name } });
  credentialsChanged();
  return count > 0;
}

/**
 * Ends the sessions an IdP opened for the user its NameID names, those of the given SessionIndex
 * values only when some are given. Returns how many ended; null when the NameID names no user.
 */
export async function endSsoSessions(idp: { name: string; entityId: string }, nameId: string, sessionIndexes: string[]) {
  const identity = await UserIdentity.findOne({ where: { provider: idp.entityId.slice(0, 100), subject: nameId.slice(0, 255) } });
  if (!identity) return null;
  const ended = await Session.destroy({
    where: {
      userId: identity.userId,
      ssoIdpName: idp.name,
      ...(sessionIndexes.length ? { ssoSessionIndex: { [Op.in]: sessionIndexes.map((i) => i.slice(0, 255)) } } : {}),
    },
  });
  credentialsChanged();
  return ended;
}

/** Whether every id names a distributor account. */
export async function allDistributors(ids: number[]): Promise<boolean> {
  const unique = [...new Set(ids)];
  return (await Account.count({ where: { type: 'distributor', id: { [Op.in]: unique } } })) === unique.length;
}

/** A distributor account named by the IdP: by its external reference first, then by its exact name. */
export async function findDistributorId(value: string): Promise<number | null> {
  const byRef = await Account.findOne({ where: { type: 'distributor', externalRef: value } });
  if (byRef) return byRef.id;
  const byName = await Account.findOne({ where: { type: 'distributor', name: value } });
  return byName ? byName.id : null;
}

/**
 * The user behind a SAML subject: found by (provider, NameID), else by email; `linked` tells
 * whether the identity was already attached to it.
 */
export async function findSsoUser(input: {
  provider: string;
  subject: string;
  email: string;
}): Promise<{ user: UserRecord; linked: boolean } | null> {
  const identity = await UserIdentity.findOne({ where: { provider: input.provider.slice(0, 100), subject: input.subject.slice(0, 255) } });
  const user = identity ? await findUserById(identity.userId) : await findUserByEmail(input.email);
  return user ? { user, linked: !!identity } : null;
}

/**
 * Creates the user (no `userId`) or updates its name, role and distributor, and attaches the
 * SAML identity to it if it is not yet.
 */
export async function saveSsoUser(input: {
  userId: number | null;
  provider: string;
  subject: string;
  email: string;
  name: string;
  role: Role;
  distributorId: number | null;
}): Promise<UserRecord> {
  const provider = input.provider.slice(0, 100);
  const subject = input.subject.slice(0, 255);
  const values = { name: input.name, role: input.role, distributorId: input.distributorId };
  let userId = input.userId;
  if (userId === null) userId = (await User.create({ email: input.email.toLowerCase(), ...values, passwordHash: null })).id;
  else {
    await User.update(values, { where: { id: userId } });
    credentialsChanged();
  }
  if (!(await UserIdentity.findOne({ where: { provider, subject } }))) await UserIdentity.create({ userId, provider, subject });
  return (await findUserById(userId))!;
}
