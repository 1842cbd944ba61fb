/** The SAML caches and the identity provider's configuration, in the database so every server process shares them. */
import { Op, UniqueConstraintError } from 'sequelize';
import type { CacheItem, CacheProvider } from '@node-saml/passport-saml';
import { Account, User, UserIdentity } from '../../models/accounts.js';
import { SamlAssertionSeen, SamlIdentityProvider, SamlRequest } from '../../models/security.js';
import type { Role } from '../../core/domain.js';
import { findUserById, type UserRecord } from './auth.repository.js';

/** node-saml's InResponseTo cache, backed by the saml_requests table. */
export function databaseRequestCache(ttlMs: number): CacheProvider {
  return {
    async saveAsync(key: string, value: string): Promise<CacheItem | null> {
      const now = new Date();
      await SamlRequest.create({ id: key.slice(0, 100), issuedAt: now, expiresAt: new Date(now.getTime() + ttlMs), consumedAt: null });
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
 * InResponseTo (two processes), exactly one wins. False when unknown, expired or already used.
 */
export async function consumeRequestId(id: string): Promise<boolean> {
  const now = new Date();
  const [count] = await SamlRequest.update(
    { consumedAt: now },
    { where: { id: id.slice(0, 100), consumedAt: null, expiresAt: { [Op.gt]: now } } },
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
  name: string;
  entityId: string;
  ssoUrl: string;
  sloUrl: string | null;
  certificates: string[];
  attributeMapping: AttributeMapping;
  metadataXml: string | null;
  updatedAt: string;
}

const toIdp = (r: SamlIdentityProvider): IdentityProviderConfig => ({
  name: r.name,
  entityId: r.entityId,
  ssoUrl: r.ssoUrl,
  sloUrl: r.sloUrl,
  certificates: JSON.parse(r.certificates) as string[],
  attributeMapping: { ...DEFAULT_MAPPING, ...(JSON.parse(r.attributeMapping) as Partial<AttributeMapping>) },
  metadataXml: r.metadataXml,
  updatedAt: r.updatedAt.toISOString(),
});

export async function findIdentityProvider(name = 'default'): Promise<IdentityProviderConfig | null> {
  const r = await SamlIdentityProvider.findOne({ where: { name } });
  return r ? toIdp(r) : null;
}

export async function saveIdentityProvider(input: Omit<IdentityProviderConfig, 'updatedAt'>): Promise<IdentityProviderConfig> {
  const values = {
    name: input.name,
    entityId: input.entityId,
    ssoUrl: input.ssoUrl,
    sloUrl: input.sloUrl,
    certificates: JSON.stringify(input.certificates),
    attributeMapping: JSON.stringify(input.attributeMapping),
    metadataXml: input.metadataXml,
  };
  const existing = await SamlIdentityProvider.findOne({ where: { name: input.name } });
  const saved = existing ? await existing.update(values) : await SamlIdentityProvider.create(values);
  return toIdp(saved);
}

/** A distributor account named by the IdP: by its external reference first, then by its exact name. */
export async function findDistributorId(value: string): Promise<number | null> {
  const byRef = await Account.findOne({ where: { type: 'distributor', externalRef: value } });
  if (byRef) return byRef.id;
  const byName = await Account.findOne({ where: { type: 'distributor', name: value } });
  return byName ? byName.id : null;
}

/**
 * The user behind a SAML subject: found by (provider, NameID), else by email (and linked),
 * else created; role, distributor and name are updated from the IdP at every login.
 */
export async function upsertSsoUser(input: {
  provider: string;
  subject: string;
  email: string;
  name: string;
  role: Role;
  distributorId: number | null;
}): Promise<{ user: UserRecord; created: boolean; before: Partial<UserRecord> | null }> {
  const provider = input.provider.slice(0, 100);
  const subject = input.subject.slice(0, 255);
  const identity = await UserIdentity.findOne({ where: { provider, subject } });
  let user = identity ? await User.findByPk(identity.userId) : await User.findOne({ where: { email: input.email.toLowerCase() } });
  let created = false;
  let before: Partial<UserRecord> | null = null;
  if (!user) {
    user = await User.create({
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      distributorId: input.distributorId,
      passwordHash: null,
    });
    created = true;
  } else {
    before = { role: user.role, distributorId: user.distributorId, name: user.name };
    await user.update({ name: input.name, role: input.role, distributorId: input.distributorId });
  }
  if (!identity) await UserIdentity.create({ userId: user.id, provider, subject });
  return { user: (await findUserById(user.id))!, created, before };
}
