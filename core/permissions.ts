/**
 * Who may do what (DOMAIN.md, roles). Plain TypeScript so components can hide what a user
 * may not do; the server is the one that enforces it.
 */
import type { Role } from './domain.js';
import { parseMoney } from './money.js';

/**
 * What a credential may do, whatever its user's role allows: `read` (safe methods), `write`
 * (changes), `admin` (configuration: users, integrations, single sign-on). Each includes the ones
 * before it. A session opened by password or single sign-on has all three; an API token has the
 * scopes it was minted with.
 */
export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** The actions that need the `admin` scope besides their role; every other change needs `write`, every read `read`. */
export const ADMIN_ACTIONS: readonly string[] = ['user.manage', 'integration.manage', 'routing.manage', 'finance.configure'];

/** The scope a request needs: from its action when it names one, else from its method. */
export function requiredScope(method: string, action?: string): Scope {
  if (action && ADMIN_ACTIONS.includes(action)) return 'admin';
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? 'read' : 'write';
}

/** True when `held` (a credential's scopes) covers `needed`. */
export function hasScope(held: readonly Scope[], needed: Scope): boolean {
  return held.some((s) => SCOPES.indexOf(s) >= SCOPES.indexOf(needed));
}

/** A credential's scopes narrowed to a valid, sorted, unique list; unknown names are returned apart. */
export function parseScopes(names: readonly string[]): { scopes: Scope[]; unknown: string[] } {
  const unknown = names.filter((n) => !(SCOPES as readonly string[]).includes(n));
  const scopes = SCOPES.filter((s) => names.includes(s));
  return { scopes, unknown };
}

export const ACTIONS = {
  'program.manage': ['vendor_admin', 'channel_manager'],
  'request.create': ['channel_manager', 'distributor_user'],
  'request.decide': ['vendor_admin', 'channel_manager'],
  'claim.submit': ['distributor_user'],
  /** POS reports, claim files and claim runs over them: a distributor's own, or a vendor user's on a named distributor's behalf */
  'pos.import': ['vendor_admin', 'channel_manager', 'finance', 'distributor_user'],
  'claim.note': ['vendor_admin', 'channel_manager', 'finance', 'distributor_user'],
  'claim.adjust': ['vendor_admin', 'finance'],
  'claim.authorize': ['vendor_admin', 'finance'],
  'claim.pay': ['vendor_admin', 'finance'],
  /** rebate periods (issue 16): freeze a period's calculation, adjust it with a reason, authorize it (a second person), pay it */
  'rebate.close': ['vendor_admin', 'finance'],
  'rebate.adjust': ['vendor_admin', 'finance'],
  'rebate.authorize': ['vendor_admin', 'finance'],
  'rebate.pay': ['vendor_admin', 'finance'],
  /** the finance hand-off (issue 16 part 4): read the journal, settings and month closes; close a month */
  'finance.read': ['vendor_admin', 'finance'],
  'finance.close': ['vendor_admin', 'finance'],
  /** account codes per program type, the ERP-reference switch; reopening a closed month (with a reason) */
  'finance.configure': ['vendor_admin'],
  'finance.reopen': ['vendor_admin'],
  'audit.read': ['vendor_admin', 'channel_manager', 'finance'],
  /** exchange rates to the base currency (issue 16 part 3): put or load them; everyone signed in reads them */
  'fxrate.manage': ['vendor_admin', 'finance'],
  /** the vendor's shipments to distributors (sell-in, what sell-in rebates count): load them */
  'shipment.manage': ['vendor_admin', 'finance'],
  /** confirm or reject an end-customer spelling of the enrichment's review queue (the master is the vendor's) */
  'enrichment.review': ['vendor_admin', 'channel_manager'],
  'user.manage': ['vendor_admin'],
  'integration.manage': ['vendor_admin'],
  /** approval routing rules (issue 15 item 4) */
  'routing.manage': ['vendor_admin'],
  /** products, price book, part numbers, end customers, resellers, distributors (issue 15 item 1) */
  'masterdata.read': ['vendor_admin', 'channel_manager'],
  'masterdata.manage': ['vendor_admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof ACTIONS;

export function can(role: Role, action: Action): boolean {
  return (ACTIONS[action] as readonly Role[]).includes(role);
}

/**
 * What a user would newly be allowed to do if its role went from `from` to `to`: empty when `to`
 * is the same role or a lesser one (vendor_admin to finance), not when it is merely different
 * (finance to channel_manager gains deciding requests). A change that gains anything raises the role.
 */
export function permissionsGained(from: Role, to: Role): Action[] {
  return (Object.keys(ACTIONS) as Action[]).filter((a) => can(to, a) && !can(from, a));
}

/** Vendor roles see every distributor; a distributor user sees only its own. */
export function isVendorRole(role: Role): boolean {
  return role !== 'distributor_user';
}

/** Why a claim cannot be authorized by this user now, or null when it can. */
export type AuthorizeBlock = 'not_in_review' | 'own_adjustment' | 'nothing_approved';

/**
 * The authorization rule of a claim, checked by the claims service and shown by the finance queue:
 * only a claim in review; never by anyone who ever adjusted one of its lines, even if another
 * adjusted it after them (the requester of an adjustment is never its approver); only with an
 * amount approved.
 */
export function authorizeBlock(
  userId: number,
  claim: { status: string; approvedTotal: string },
  /** everyone who ever adjusted a line of the claim (the server keeps them all, not only each line's last) */
  adjustedByUserIds: readonly number[],
): AuthorizeBlock | null {
  if (claim.status !== 'submitted') return 'not_in_review';
  if (adjustedByUserIds.includes(userId)) return 'own_adjustment';
  if (!parseMoney(claim.approvedTotal).greaterThan(0)) return 'nothing_approved';
  return null;
}

/** Why a closed rebate period cannot be authorized by this user now, or null when it can. */
export type RebateAuthorizeBlock = 'not_closed' | 'own_close' | 'own_adjustment' | 'nothing_payable';

/**
 * The authorization rule of a rebate period (the second person): only a closed period; never by
 * whoever closed it or adjusted it; only with an amount payable.
 */
export function rebateAuthorizeBlock(
  userId: number,
  period: { status: string; amount: string; closedByUserId: number },
  /** everyone who ever adjusted the period (not only the last: the server keeps them all) */
  adjustedByUserIds: readonly number[],
): RebateAuthorizeBlock | null {
  if (period.status !== 'closed') return 'not_closed';
  if (period.closedByUserId === userId) return 'own_close';
  if (adjustedByUserIds.includes(userId)) return 'own_adjustment';
  if (!parseMoney(period.amount).greaterThan(0)) return 'nothing_payable';
  return null;
}

/**
 * The scope of an identity provider's SCIM client token (server/scim): apart from the ladder of
 * SCOPES, it reaches /scim/v2 and nothing else (it holds none of read, write or admin).
 */
export const SCIM_SCOPE = 'scim';
/**
 * The token a CRM's server keeps to open embedded sessions for its users (a Salesforce named
 * credential): `embed_issuer` alone, minted by a vendor admin with the admin scope. It does one
 * thing, POST /api/embed/tokens (read or read and write, for the user it names, as that user),
 * and every other route refuses it: whoever reads it from the CRM cannot approve, change or read anything with it.
 */
export const EMBED_ISSUER_SCOPE = 'embed_issuer';
/** The scopes a token holds alone, for one purpose. */
export const SOLE_SCOPES: readonly string[] = [SCIM_SCOPE, EMBED_ISSUER_SCOPE];
