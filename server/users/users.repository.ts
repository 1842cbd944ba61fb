/** The users table as the administration and SCIM services see it: plain objects in, plain objects out. */
import { Op, UniqueConstraintError, type WhereOptions } from 'sequelize';
import type { Role } from '../../core/domain.js';
import { User } from '../../models/accounts.js';
import type { Tx } from '../database.repository.js';
import { credentialsChanged } from '../auth/credential-cache.js';

export { inTransaction } from '../database.repository.js';
export { allDistributors } from '../auth/saml.repository.js';

export interface AdminUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  distributorId: number | null;
  active: boolean;
  /** invited and not yet accepted */
  invitationPending: boolean;
  invitedAt: string | null;
  externalId: string | null;
  hasPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

const toAdminUser = (u: User): AdminUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  distributorId: u.distributorId,
  active: u.active,
  invitationPending: !!u.invitationTokenHash,
  invitedAt: u.invitedAt?.toISOString() ?? null,
  externalId: u.externalId ?? null,
  hasPassword: !!u.passwordHash,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

export interface UserFilter {
  role?: Role;
  active?: boolean;
  distributorId?: number;
  /** exact e-mail (userName), compared lower-cased */
  email?: string;
  externalId?: string;
  offset: number;
  limit: number;
}

export async function listUsers(filter: UserFilter, transaction?: Tx): Promise<{ items: AdminUser[]; total: number }> {
  const where: WhereOptions<User> = {};
  if (filter.role) where.role = filter.role;
  if (filter.active !== undefined) where.active = filter.active;
  if (filter.distributorId !== undefined) where.distributorId = filter.distributorId;
  if (filter.email !== undefined) where.email = filter.email.toLowerCase();
  if (filter.externalId !== undefined) where.externalId = filter.externalId;
  const { rows, count } = await User.findAndCountAll({
    where,
    order: [['id', 'ASC']],
    offset: filter.offset,
    limit: filter.limit,
    transaction,
  });
  return { items: rows.map(toAdminUser), total: count };
}

/** One user; with a transaction, its row is locked until the transaction ends. */
export async function findUser(id: number, transaction?: Tx): Promise<AdminUser | null> {
  const u = await User.findByPk(id, { transaction, lock: transaction ? transaction.LOCK.UPDATE : undefined });
  return u ? toAdminUser(u) : null;
}

export async function findUserByInvitation(
  tokenHash: string,
  transaction?: Tx,
): Promise<(AdminUser & { invitationExpiresAt: Date | null }) | null> {
  const u = await User.findOne({ where: { invitationTokenHash: tokenHash }, transaction });
  return u ? { ...toAdminUser(u), invitationExpiresAt: u.invitationExpiresAt ?? null } : null;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  distributorId: number | null;
  active: boolean;
  externalId?: string | null;
  invitedAt?: Date | null;
  invitationTokenHash?: string | null;
  invitationExpiresAt?: Date | null;
}

/** Creates a user; null when its e-mail is taken already. */
export async function createUser(input: NewUser, transaction?: Tx): Promise<AdminUser | null> {
  try {
    const u = await User.create({ ...input, email: input.email.toLowerCase(), passwordHash: null }, { transaction });
    return toAdminUser(u);
  } catch (e) {
    if (e instanceof UniqueConstraintError) return null;
    throw e;
  }
}

export interface UserChange {
  email?: string;
  name?: string;
  role?: Role;
  distributorId?: number | null;
  active?: boolean;
  externalId?: string | null;
  passwordHash?: string;
  invitationTokenHash?: null;
  invitationExpiresAt?: null;
}

/** Changes a user; false when the new e-mail is another user's. */
export async function updateUser(id: number, change: UserChange, transaction?: Tx): Promise<boolean> {
  try {
    await User.update(change.email ? { ...change, email: change.email.toLowerCase() } : change, { where: { id }, transaction });
    // A role, distributor or active flag read from a remembered credential changes with it (and
    // again once committed, for a lookup that read the row in between).
    credentialsChanged();
    transaction?.afterCommit(credentialsChanged);
    return true;
  } catch (e) {
    if (e instanceof UniqueConstraintError) return false;
    throw e;
  }
}

/**
 * How many active vendor admins there are besides this user. In a transaction their rows are
 * locked, so two admins demoting each other at once cannot both pass (MariaDB; SQLite has one writer).
 */
export async function otherActiveAdmins(userId: number, transaction?: Tx): Promise<number> {
  const admins = await User.findAll({
    where: { role: 'vendor_admin', active: true, id: { [Op.ne]: userId } },
    attributes: ['id'],
    transaction,
    lock: transaction ? transaction.LOCK.UPDATE : undefined,
  });
  return admins.length;
}

/**
 * Whether any user exists. In a transaction the read locks (MariaDB takes a gap lock on an empty
 * table), so two first-admin setups at once cannot both find the table empty.
 */
export async function anyUser(transaction?: Tx): Promise<boolean> {
  const one = await User.findOne({ attributes: ['id'], transaction, lock: transaction ? transaction.LOCK.UPDATE : undefined });
  return one !== null;
}
