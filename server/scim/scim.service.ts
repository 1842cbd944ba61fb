/** What the SCIM endpoints do to users and roles, through the one users service (server/users). */
import type { Changer } from '../users/users.service.js';
import * as users from '../users/users.service.js';
import { findUser, inTransaction, type AdminUser } from '../users/users.repository.js';
import type { Tx } from '../database.repository.js';
import {
  DEFAULT_SCIM_ROLE,
  nameOf,
  roleOf,
  ScimError,
  type GroupPatch,
  type GroupRole,
  type ScimUserInput,
  type UserPatch,
} from './scim.resources.js';

/** Every user of a role (a group's members). */
export async function membersOf(role: GroupRole, t?: Tx): Promise<AdminUser[]> {
  return (await users.listUsers({ role, offset: 0, limit: 10_000 }, t)).items;
}

export async function createUser(actor: Changer, input: ScimUserInput): Promise<AdminUser> {
  return users.provisionUser(actor, {
    email: input.userName,
    name: nameOf(input),
    role: roleOf(input.roles) ?? DEFAULT_SCIM_ROLE,
    active: input.active ?? true,
    externalId: input.externalId ?? null,
  });
}

/**
 * Applies changes in a fixed order, profile, role, then active (deactivation last), in one
 * transaction: a refused step (the last admin, a distributor's user given a role, a taken
 * e-mail) leaves the user as it was, its audit trail too.
 */
function apply(actor: Changer, id: number, change: UserPatch): Promise<AdminUser> {
  return inTransaction(async (t) => {
    let user = await users.getUser(id, t);
    let name = change.name;
    if (name === undefined && (change.givenName !== undefined || change.familyName !== undefined))
      name = [change.givenName, change.familyName].filter(Boolean).join(' ') || user.name;
    if (change.email !== undefined || name !== undefined || change.externalId !== undefined)
      user = await users.updateProfile(actor, id, { email: change.email, name, externalId: change.externalId }, t);
    const leaves = change.leaveRoles?.some((r) => r === user.role) ? DEFAULT_SCIM_ROLE : undefined;
    const role = change.role ?? leaves;
    if (role !== undefined && role !== user.role) {
      vendorUserOnly(user);
      user = await users.changeRole(actor, id, role, undefined, t);
    }
    if (change.active !== undefined && change.active !== user.active) user = await users.setActive(actor, id, change.active, null, t);
    return user;
  });
}

/** PUT: the user as sent (an attribute left out is cleared where it can be: externalId; `active` defaults to true; `roles: []` is no role). */
export function replaceUser(actor: Changer, id: number, input: ScimUserInput): Promise<AdminUser> {
  return apply(actor, id, {
    email: input.userName,
    name: nameOf(input),
    externalId: input.externalId ?? null,
    role: roleOf(input.roles),
    active: input.active ?? true,
  });
}

export const patchUser = apply;

/** DELETE: the user is deactivated, never deleted (its audit trail and its claims keep naming it). */
export const deprovisionUser = (actor: Changer, id: number) => users.setActive(actor, id, false, 'deprovisioned by SCIM');

/**
 * Group membership is the role: a user added to a group takes its role; a user removed from it
 * has none (DEFAULT_SCIM_ROLE, `no_access`) until a group gives it one. All in one transaction: a
 * refused member (the last admin, a distributor's user) changes no member.
 */
export function changeMembers(actor: Changer, role: GroupRole, patch: GroupPatch): Promise<void> {
  return inTransaction(async (t) => {
    const current = new Set((await membersOf(role, t)).map((u) => u.id));
    const add = new Set(patch.replace ?? patch.add);
    const remove = new Set(patch.replace ? [...current].filter((id) => !add.has(id)) : patch.remove);
    for (const id of [...add, ...remove]) if (!(await findUser(id, t))) throw new ScimError(400, `members: no user ${id}`, 'invalidValue');
    for (const id of add) if (!current.has(id)) vendorUserOnly((await findUser(id, t))!);
    for (const id of add) if (!current.has(id)) await users.changeRole(actor, id, role, undefined, t);
    for (const id of remove) if (current.has(id) && !add.has(id)) await users.changeRole(actor, id, DEFAULT_SCIM_ROLE, undefined, t);
  });
}

/**
 * The groups are the vendor roles: a distributor's user never enters one through the identity
 * provider (that would give a distributor vendor powers); an admin changes such a user in BEC.
 */
function vendorUserOnly(user: AdminUser) {
  if (user.role === 'distributor_user')
    throw new ScimError(
      400,
      `user ${user.id} (${user.email}) is a distributor's user: a vendor role is given to it in BEC by an admin, not through SCIM`,
      'invalidValue',
    );
}
