/**
 * Users and roles (issue 15 item 3): invitations, deactivation, role changes. The admin API
 * (users.router.ts) and the SCIM endpoints (server/scim) both change users through here, so the
 * same rules and the same audit events hold for either door.
 */
import { ROLES, type Role } from '../../core/domain.js';
import { can, permissionsGained } from '../../core/permissions.js';
import type { Actor } from '../auth/actor.js';
import { endCredentialsOf } from '../auth/auth.repository.js';
import { hashPassword, newSecret, sha256 } from '../auth/passwords.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, conflict, notFound } from '../errors.js';
import * as repo from './users.repository.js';
import type { AdminUser } from './users.repository.js';
import type { Tx } from '../database.repository.js';

/** Who changes a user: an admin through the API, or the admin whose SCIM token an identity provider uses. */
export type Changer = Pick<Actor, 'userId' | 'role'>;

/** How long an invitation can be accepted. */
export const INVITATION_DAYS = 7;
/** An invitation token starts with this (an API token with `bec_`, an embed bearer with `bece_`). */
export const INVITATION_PREFIX = 'beci_';
/** The route an invitee sends its token and new password to. */
export const ACCEPT_PATH = '/api/invitations/accept';

const fieldError = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${message}`, 400, { errors: [{ field, message }] });

const invitationInvalid = () =>
  new AppError('INVITATION_INVALID', 'this invitation is unknown or was used already', 400, {
    errors: [{ field: 'token', message: 'unknown or used' }],
  });

/**
 * Runs `work` in the caller's transaction when it passes one (a SCIM request that changes several
 * things at once: all or nothing), else in a transaction of its own.
 */
const within = <T>(t: Tx | undefined, work: (t: Tx) => Promise<T>): Promise<T> => (t ? work(t) : repo.inTransaction(work));

const lastAdmin = () => conflict('LAST_ADMIN', 'this would leave no active vendor admin: make another user vendor_admin first');

/** Only an admin changes users, whatever door the change comes through (a raise above all). */
function requireAdmin(actor: Changer) {
  if (!can(actor.role, 'user.manage')) throw new AppError('FORBIDDEN', `role ${actor.role} may not user.manage`, 403);
}

/**
 * The distributor a user of this role belongs to: a distributor user needs one (a distributor
 * account), a vendor user has none.
 */
async function distributorFor(role: Role, distributorId: number | null | undefined): Promise<number | null> {
  if (role !== 'distributor_user') {
    if (distributorId != null) throw fieldError('distributorId', `a ${role} belongs to no distributor`);
    return null;
  }
  if (distributorId == null) throw fieldError('distributorId', 'a distributor_user needs its distributor');
  if (!(await repo.allDistributors([distributorId]))) throw fieldError('distributorId', `no distributor ${distributorId}`);
  return distributorId;
}

export const listUsers = repo.listUsers;

export async function getUser(id: number, t?: Tx): Promise<AdminUser> {
  const u = await repo.findUser(id, t);
  if (!u) throw notFound('user');
  return u;
}

/**
 * Invites a user: it is created inactive with a one-time invitation token (kept only as its hash)
 * that expires after INVITATION_DAYS; the token is returned once, for the admin to pass on.
 */
export async function inviteUser(actor: Changer, input: { email: string; name: string; role: Role; distributorId?: number | null }) {
  requireAdmin(actor);
  const distributorId = await distributorFor(input.role, input.distributorId);
  const token = newSecret(INVITATION_PREFIX);
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
  const user = await repo.inTransaction(async (t) => {
    const created = await repo.createUser(
      {
        email: input.email,
        name: input.name,
        role: input.role,
        distributorId,
        active: false,
        invitedAt: new Date(),
        invitationTokenHash: sha256(token),
        invitationExpiresAt: expiresAt,
      },
      t,
    );
    if (!created) throw conflict('USER_EXISTS', `a user with the e-mail ${input.email.toLowerCase()} exists already`);
    await recordAudit(
      actor,
      {
        action: 'user.invited',
        entityType: 'user',
        entityId: created.id,
        distributorId,
        after: {
          email: created.email,
          name: created.name,
          role: created.role,
          distributorId,
          invitationExpiresAt: expiresAt.toISOString(),
        },
      },
      t,
    );
    return created;
  });
  return { user, invitation: { token, expiresAt: expiresAt.toISOString(), acceptPath: ACCEPT_PATH } };
}

/** The invitee sets its password with the token: the user becomes active and the token is spent. */
export async function acceptInvitation(token: string, password: string): Promise<AdminUser> {
  const tokenHash = sha256(token);
  const invited = await repo.findUserByInvitation(tokenHash);
  if (!invited) throw invitationInvalid();
  if (!invited.invitationExpiresAt || invited.invitationExpiresAt.getTime() <= Date.now())
    throw new AppError('INVITATION_EXPIRED', 'this invitation has expired: ask an admin for a new one', 400, {
      errors: [{ field: 'token', message: 'expired' }],
    });
  const passwordHash = await hashPassword(password);
  return repo.inTransaction(async (t) => {
    // The row locked, then read again: a token withdrawn or used meanwhile is refused.
    await repo.findUser(invited.id, t);
    if (!(await repo.findUserByInvitation(tokenHash, t))) throw invitationInvalid();
    await repo.updateUser(invited.id, { passwordHash, active: true, invitationTokenHash: null, invitationExpiresAt: null }, t);
    await recordAudit(
      { userId: invited.id, role: invited.role },
      {
        action: 'user.invitation_accepted',
        entityType: 'user',
        entityId: invited.id,
        distributorId: invited.distributorId,
        after: { active: true },
      },
      t,
    );
    return (await repo.findUser(invited.id, t))!;
  });
}

/**
 * Deactivates or reactivates a user. Deactivation ends its sessions (SSO ones too) and revokes its
 * API tokens at once; the user row and its audit trail stay. The last active admin stays active.
 */
export async function setActive(actor: Changer, id: number, active: boolean, reason: string | null = null, tx?: Tx): Promise<AdminUser> {
  requireAdmin(actor);
  return within(tx, async (t) => {
    // The admins first, the user second: every such transaction locks in the same order.
    const otherAdmins = await repo.otherActiveAdmins(id, t);
    const u = await repo.findUser(id, t);
    if (!u) throw notFound('user');
    // Deactivating an invitee (inactive already) withdraws its invitation.
    const withdraw = !active && u.invitationPending;
    if (u.active === active && !withdraw) return u;
    if (!active && u.role === 'vendor_admin' && otherAdmins === 0) throw lastAdmin();
    await repo.updateUser(id, withdraw ? { active, invitationTokenHash: null, invitationExpiresAt: null } : { active }, t);
    await recordAudit(
      actor,
      {
        action: active ? 'user.reactivated' : 'user.deactivated',
        entityType: 'user',
        entityId: id,
        distributorId: u.distributorId,
        before: { active: u.active, ...(withdraw ? { invitationPending: true } : {}) },
        after: { active, ...(withdraw ? { invitationPending: false } : {}) },
        reason,
      },
      t,
    );
    // After the commit: SQLite has one writer, and the user is already refused by then (server/auth checks `active`).
    if (!active)
      t.afterCommit(async () => {
        await endCredentialsOf(id);
      });
    return (await repo.findUser(id, t))!;
  });
}

/**
 * Changes a user's role (and distributor). A change that gains permissions
 * (core/permissions.ts `permissionsGained`) is a raise and audited as one. The last active admin
 * cannot be demoted.
 */
export async function changeRole(actor: Changer, id: number, role: Role, distributorId?: number | null, tx?: Tx): Promise<AdminUser> {
  requireAdmin(actor);
  return within(tx, async (t) => {
    const otherAdmins = await repo.otherActiveAdmins(id, t);
    const u = await repo.findUser(id, t);
    if (!u) throw notFound('user');
    const nextDistributor = await distributorFor(
      role,
      distributorId === undefined && role === 'distributor_user' && u.role === 'distributor_user' ? u.distributorId : distributorId,
    );
    if (u.role === role && u.distributorId === nextDistributor) return u;
    if (u.role === 'vendor_admin' && role !== 'vendor_admin' && u.active && otherAdmins === 0) throw lastAdmin();
    const gained = permissionsGained(u.role, role);
    await repo.updateUser(id, { role, distributorId: nextDistributor }, t);
    await recordAudit(
      actor,
      {
        action: gained.length ? 'user.role_raised' : 'user.role_changed',
        entityType: 'user',
        entityId: id,
        distributorId: nextDistributor ?? u.distributorId,
        before: { role: u.role, distributorId: u.distributorId },
        after: { role, distributorId: nextDistributor, ...(gained.length ? { gained } : {}) },
      },
      t,
    );
    return (await repo.findUser(id, t))!;
  });
}

/** A user created by an identity provider (SCIM): no password (it signs in through single sign-on). */
export async function provisionUser(
  actor: Changer,
  input: { email: string; name: string; role: Role; active: boolean; externalId: string | null },
): Promise<AdminUser> {
  requireAdmin(actor);
  const distributorId = await distributorFor(input.role, null);
  return repo.inTransaction(async (t) => {
    const created = await repo.createUser({ ...input, distributorId }, t);
    if (!created) throw conflict('USER_EXISTS', `a user with the e-mail ${input.email.toLowerCase()} exists already`);
    await recordAudit(
      actor,
      {
        action: 'user.provisioned',
        entityType: 'user',
        entityId: created.id,
        after: { email: created.email, name: created.name, role: created.role, active: created.active, externalId: created.externalId },
      },
      t,
    );
    return created;
  });
}

/** Changes a user's e-mail, name or external id (an identity provider's update); audited with before and after. */
export async function updateProfile(
  actor: Changer,
  id: number,
  change: { email?: string; name?: string; externalId?: string | null },
  tx?: Tx,
): Promise<AdminUser> {
  requireAdmin(actor);
  return within(tx, async (t) => {
    const u = await repo.findUser(id, t);
    if (!u) throw notFound('user');
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (change.email !== undefined && change.email.toLowerCase() !== u.email)
      [before.email, after.email] = [u.email, change.email.toLowerCase()];
    if (change.name !== undefined && change.name !== u.name) [before.name, after.name] = [u.name, change.name];
    if (change.externalId !== undefined && change.externalId !== u.externalId)
      [before.externalId, after.externalId] = [u.externalId, change.externalId];
    if (!Object.keys(after).length) return u;
    if (!(await repo.updateUser(id, after, t)))
      throw conflict('USER_EXISTS', `a user with the e-mail ${String(after.email)} exists already`);
    await recordAudit(
      actor,
      { action: 'user.updated', entityType: 'user', entityId: id, distributorId: u.distributorId, before, after },
      t,
    );
    return (await repo.findUser(id, t))!;
  });
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
