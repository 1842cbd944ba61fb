/**
 * SCIM 2.0 (RFC 7643/7644) as this server speaks it: users map to BEC users (userName is the
 * e-mail), groups to the vendor roles (one group per role, its id and displayName the role's
 * name). Request shapes of Okta and Entra ID are read here into plain changes; the service
 * (server/users) applies them.
 */
import type { Role } from '../../core/domain.js';
import { AppError } from '../errors.js';
import { z } from '../http/openapi.js';
import type { AdminUser } from '../users/users.repository.js';

export const SCIM_MEDIA_TYPE = 'application/scim+json';
export const SCHEMAS = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

/** The roles an identity provider assigns through groups: the vendor ones (a distributor user belongs to a distributor, which no group names). */
export const GROUP_ROLES = ['vendor_admin', 'channel_manager', 'finance'] as const satisfies readonly Role[];
export type GroupRole = (typeof GROUP_ROLES)[number];
export const isGroupRole = (value: string): value is GroupRole => (GROUP_ROLES as readonly string[]).includes(value);
/**
 * The role of a user provisioned with no group, and of one removed from its group: none. It may
 * sign in and see who it is, nothing else, until a group gives it a role (a finance user taken out
 * of the finance group does not become a channel manager who approves prices).
 */
export const DEFAULT_SCIM_ROLE = 'no_access' satisfies Role;

/** A SCIM error (RFC 7644 3.12): its status and, for a 400 or 409, its scimType. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: string,
  ) {
    super(message);
  }
}

/** The SCIM form of an error the server raised. */
export function scimErrorOf(err: AppError): ScimError {
  const scimType =
    err.status === 409 ? (err.code === 'USER_EXISTS' ? 'uniqueness' : 'mutability') : err.status === 400 ? 'invalidValue' : undefined;
  return new ScimError(err.status, err.message, scimType);
}

export const errorBody = (e: ScimError) => ({
  schemas: [SCHEMAS.error],
  status: String(e.status),
  ...(e.scimType ? { scimType: e.scimType } : {}),
  detail: e.message,
});

export function listResponse<T>(resources: T[], totalResults: number, startIndex: number) {
  return { schemas: [SCHEMAS.list], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

export function userResource(u: AdminUser, base: string) {
  return {
    schemas: [SCHEMAS.user],
    id: String(u.id),
    ...(u.externalId ? { externalId: u.externalId } : {}),
    userName: u.email,
    name: { formatted: u.name },
    displayName: u.name,
    emails: [{ value: u.email, type: 'work', primary: true }],
    active: u.active,
    roles: [{ value: u.role, primary: true }],
    groups: isGroupRole(u.role) ? [{ value: u.role, display: u.role, $ref: `${base}/Groups/${u.role}` }] : [],
    meta: { resourceType: 'User', created: u.createdAt, lastModified: u.updatedAt, location: `${base}/Users/${u.id}` },
  };
}

export function groupResource(role: GroupRole, members: AdminUser[] | null, base: string) {
  return {
    schemas: [SCHEMAS.group],
    id: role,
    displayName: role,
    ...(members ? { members: members.map((m) => ({ value: String(m.id), display: m.email, $ref: `${base}/Users/${m.id}` })) } : {}),
    meta: { resourceType: 'Group', location: `${base}/Groups/${role}` },
  };
}

/** `attribute eq "value"`, the one filter form identity providers send to find a resource; others are refused. */
export function parseFilter(filter: string | undefined, attributes: readonly string[]): { attribute: string; value: string } | null {
  if (filter === undefined) return null;
  const m = /^\s*([A-Za-z][\w.:]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  const attribute = m ? attributes.find((a) => a.toLowerCase() === m[1]!.toLowerCase()) : undefined;
  if (!m || !attribute)
    throw new ScimError(400, `the filter must be one of ${attributes.map((a) => `${a} eq "..."`).join(', ')}`, 'invalidFilter');
  return { attribute, value: m[2]!.replace(/\\(.)/g, '$1') };
}

/** `true`/`false`, or the strings `"True"`/`"False"` in any case (Entra ID sends those). */
export const ScimBoolean = z.preprocess(
  (v) => (typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v),
  z.boolean({ invalid_type_error: 'true or false' }),
);

const Email = z.string().trim().email('an e-mail address').max(200);

/** A User as POST and PUT send it; attributes this server does not keep are accepted and ignored. */
export const ScimUserInput = z
  .object({
    userName: Email,
    externalId: z.string().max(255).nullable().optional(),
    displayName: z.string().trim().max(200).optional(),
    name: z
      .object({
        formatted: z.string().trim().max(200).optional(),
        givenName: z.string().trim().max(100).optional(),
        familyName: z.string().trim().max(100).optional(),
      })
      .passthrough()
      .optional(),
    active: ScimBoolean.optional(),
    roles: z
      .array(z.object({ value: z.string().max(50) }).passthrough())
      .max(10)
      .optional(),
  })
  .passthrough();
export type ScimUserInput = z.infer<typeof ScimUserInput>;

export const ScimPatch = z
  .object({
    Operations: z
      .array(
        z
          .object({
            op: z.string().max(20),
            path: z.string().max(300).optional(),
            value: z.unknown().optional(),
          })
          .passthrough(),
      )
      .min(1)
      .max(100),
  })
  .passthrough();
export type ScimOperation = z.infer<typeof ScimPatch>['Operations'][number];

export const ScimGroupInput = z
  .object({
    displayName: z.string().max(100),
    members: z
      .array(z.object({ value: z.string().max(20) }).passthrough())
      .max(10_000)
      .optional(),
  })
  .passthrough();

/** The display name a SCIM user carries: displayName, else name.formatted, else given and family names, else the e-mail. */
export function nameOf(input: Pick<ScimUserInput, 'displayName' | 'name' | 'userName'>): string {
  const parts = [input.name?.givenName, input.name?.familyName].filter((p): p is string => !!p);
  return (input.displayName || input.name?.formatted || parts.join(' ') || input.userName).slice(0, 200);
}

/** A role a user may be given through SCIM: a group's, or none (DEFAULT_SCIM_ROLE). */
export type ScimRole = GroupRole | typeof DEFAULT_SCIM_ROLE;

const knownRole = (value: string, field = 'roles'): GroupRole => {
  if (!isGroupRole(value)) throw new ScimError(400, `${field}: ${value} is not one of ${GROUP_ROLES.join(', ')}`, 'invalidValue');
  return value;
};

/**
 * The role a SCIM user names in `roles`: the primary value, else the first; an empty list is no
 * role at all (the user is in no group); absent, undefined (unchanged). An unknown role is refused.
 */
export function roleOf(roles: readonly { value: string; primary?: unknown }[] | undefined): ScimRole | undefined {
  if (roles === undefined) return undefined;
  const chosen = roles.find((r) => r.primary === true || String(r.primary).toLowerCase() === 'true') ?? roles[0];
  return chosen ? knownRole(chosen.value) : DEFAULT_SCIM_ROLE;
}

/**
 * The values of `roles` as identity providers send them: a list of `{ "value": ... }`, one such
 * object, or a bare string (`"channel_manager"`). Anything else is refused.
 */
function rolesValue(value: unknown, field: string): { value: string; primary?: unknown }[] {
  const one = (v: unknown) => {
    const role = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as { value?: unknown }).value : undefined;
    if (typeof role !== 'string') throw new ScimError(400, `${field}: a role name, or a list of { "value": "<role>" }`, 'invalidValue');
    return { value: role, primary: v && typeof v === 'object' ? (v as { primary?: unknown }).primary : undefined };
  };
  return Array.isArray(value) ? value.map(one) : [one(value)];
}

/** What a PATCH of a user changes, read from its operations. */
export interface UserPatch {
  active?: boolean;
  email?: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  externalId?: string | null;
  role?: ScimRole;
  /** roles the user leaves if it holds one of them (a `remove` naming roles): it is then in no group */
  leaveRoles?: GroupRole[];
}

const booleanOf = (value: unknown, field: string): boolean => {
  const parsed = ScimBoolean.safeParse(value);
  if (!parsed.success) throw new ScimError(400, `${field}: true or false`, 'invalidValue');
  return parsed.data;
};
const textOf = (value: unknown, field: string, max: number): string => {
  if (typeof value !== 'string' || value.length > max || value.includes('\0'))
    throw new ScimError(400, `${field}: a string of at most ${max} characters`, 'invalidValue');
  return value.trim();
};
const emailOf = (value: unknown, field: string): string => {
  const parsed = Email.safeParse(value);
  if (!parsed.success) throw new ScimError(400, `${field}: an e-mail address`, 'invalidValue');
  return parsed.data;
};

/** `roles`, or a filter on it (`roles[primary eq "True"]`, `roles[value eq "finance"]`), with or without `.value`. */
const ROLES_PATH = /^roles(?:\[\s*(\w+)\s+eq\s+"([^"]*)"\s*\])?(\.value)?$/i;

/** A path into `roles` as this server reads it; null for any other attribute; refused when it names roles otherwise. */
function rolesPath(path: string | undefined) {
  if (path === undefined || !/^roles\b/i.test(path.trim())) return null;
  const m = ROLES_PATH.exec(path.trim());
  if (!m || (m[1] && !['primary', 'value'].includes(m[1].toLowerCase())))
    throw new ScimError(
      400,
      `path: ${path} is not a path into roles this server reads (roles, roles[primary eq "True"].value, roles[value eq "..."])`,
      'invalidPath',
    );
  return { filter: (m[1]?.toLowerCase() ?? null) as 'primary' | 'value' | null, filterValue: m[2] ?? null };
}

/**
 * Reads the operations of a user PATCH: `add`/`replace` (any case) with a path (`active`,
 * `userName`, `displayName`, `externalId`, `name.givenName`, `name.familyName`, `name.formatted`,
 * `emails[type eq "work"].value`, `roles`, `roles[primary eq "True"].value`) or without one (a
 * value object of those attributes); `remove` of `externalId` or of roles (`roles`, with or
 * without a value list, or `roles[value eq "finance"]`). Attributes this server does not keep
 * (title, the enterprise extension, ...) are ignored, as identity providers send them whatever
 * the schema says; a path into `roles` this server does not read is refused, never ignored.
 */
export function readUserPatch(operations: ScimOperation[]): UserPatch {
  const patch: UserPatch = {};
  /** The user leaves these roles (all of them: no group), after whatever earlier operations gave it. */
  const leave = (roles: GroupRole[] | 'all') => {
    const given = patch.role;
    if (roles === 'all' || (given !== undefined && given !== DEFAULT_SCIM_ROLE && roles.includes(given))) {
      patch.role = DEFAULT_SCIM_ROLE;
      delete patch.leaveRoles;
    } else if (given === undefined) patch.leaveRoles = [...(patch.leaveRoles ?? []), ...roles];
  };
  const set = (path: string, value: unknown, op: 'add' | 'replace') => {
    const key = path.toLowerCase();
    const roles = rolesPath(path);
    if (roles) {
      if (roles.filter === 'value') throw new ScimError(400, `path: ${path}: name the role to give as the value of roles`, 'invalidPath');
      const values = rolesValue(value, path);
      // `add` of no role changes nothing; `replace` with none leaves the user in no group.
      if (op === 'add' && !values.length) return;
      patch.role = roleOf(values);
      delete patch.leaveRoles;
    } else if (key === 'active') patch.active = booleanOf(value, 'active');
    else if (key === 'username') patch.email = emailOf(value, 'userName');
    else if (key === 'displayname' || key === 'name.formatted') patch.name = textOf(value, path, 200);
    else if (key === 'name.givenname') patch.givenName = textOf(value, path, 100);
    else if (key === 'name.familyname') patch.familyName = textOf(value, path, 100);
    else if (key === 'externalid') patch.externalId = value === null ? null : textOf(value, path, 255);
    else if (/^emails(\[.*\])?\.value$/.test(key)) patch.email = emailOf(value, path);
    else if (key === 'emails' && Array.isArray(value)) {
      const first = (value as { value?: unknown; primary?: unknown }[]).find((e) => e?.primary === true) ?? value[0];
      if (first) patch.email = emailOf((first as { value?: unknown }).value, 'emails.value');
    } else if (key === 'name' && value && typeof value === 'object') for (const [k, v] of Object.entries(value)) set(`name.${k}`, v, op);
  };
  for (const operation of operations) {
    const op = operation.op.toLowerCase();
    if (op === 'remove') {
      const roles = rolesPath(operation.path);
      if (operation.path?.toLowerCase() === 'externalid') patch.externalId = null;
      else if (roles?.filter === 'value') leave([knownRole(roles.filterValue!, operation.path)]);
      else if (roles && !roles.filter && operation.value !== undefined)
        leave(rolesValue(operation.value, operation.path!).map((r) => knownRole(r.value)));
      else if (roles) leave('all');
      continue;
    }
    if (op !== 'add' && op !== 'replace') throw new ScimError(400, `op: ${operation.op} is not add, replace or remove`, 'invalidValue');
    if (operation.path) set(operation.path, operation.value, op);
    else if (operation.value && typeof operation.value === 'object' && !Array.isArray(operation.value))
      for (const [k, v] of Object.entries(operation.value)) set(k, v, op);
    else throw new ScimError(400, 'value: an object of attributes when the operation has no path', 'invalidValue');
  }
  return patch;
}

/** What a PATCH of a group does to its members: user ids added, removed, or the whole list replaced. */
export interface GroupPatch {
  add: number[];
  remove: number[];
  replace: number[] | null;
}

const memberIds = (value: unknown): number[] => {
  if (!Array.isArray(value)) throw new ScimError(400, 'members: a list of { "value": "<user id>" }', 'invalidValue');
  return value.map((m: { value?: unknown }) => {
    const id = typeof m?.value === 'string' && /^\d{1,9}$/.test(m.value) ? Number(m.value) : NaN;
    if (!Number.isInteger(id) || id < 1) throw new ScimError(400, `members: ${JSON.stringify(m?.value)} is not a user id`, 'invalidValue');
    return id;
  });
};

/**
 * Reads the operations of a group PATCH: `add` members, `remove` members (by a
 * `members[value eq "id"]` path, as Okta sends it, or a `members` value list, as Entra ID does),
 * `replace` members; a `displayName` other than the group's own is refused (groups are the roles).
 */
export function readGroupPatch(operations: ScimOperation[], displayName: string): GroupPatch {
  const patch: GroupPatch = { add: [], remove: [], replace: null };
  for (const operation of operations) {
    const op = operation.op.toLowerCase();
    const path = operation.path?.trim();
    const filtered = path ? /^members\[\s*value\s+eq\s+"(\d{1,9})"\s*\]$/i.exec(path) : null;
    if (op === 'remove') {
      if (filtered) patch.remove.push(Number(filtered[1]));
      else if (path?.toLowerCase() === 'members') {
        if (operation.value === undefined) patch.replace = [];
        else patch.remove.push(...memberIds(operation.value));
      } else throw new ScimError(400, `path: ${path ?? '(none)'} cannot be removed from a group`, 'noTarget');
      continue;
    }
    if (op !== 'add' && op !== 'replace') throw new ScimError(400, `op: ${operation.op} is not add, replace or remove`, 'invalidValue');
    const values: Record<string, unknown> =
      path !== undefined ? { [path]: operation.value } : ((operation.value ?? {}) as Record<string, unknown>);
    for (const [key, value] of Object.entries(values)) {
      if (key.toLowerCase() === 'members') {
        if (op === 'add') patch.add.push(...memberIds(value));
        else patch.replace = memberIds(value);
      } else if (key.toLowerCase() === 'displayname') {
        if (value !== displayName)
          throw new ScimError(400, `displayName: the group of a role keeps its name (${displayName})`, 'mutability');
      } else if (key.toLowerCase() !== 'externalid' && key.toLowerCase() !== 'id')
        throw new ScimError(400, `path: ${key} is not an attribute of a group`, 'invalidPath');
    }
  }
  return patch;
}
