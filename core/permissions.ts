/**
 * Who may do what (DOMAIN.md, roles). Plain TypeScript so components can hide what a user
 * may not do; the server is the one that enforces it.
 */
import type { Role } from './domain.js';

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
  'audit.read': ['vendor_admin', 'channel_manager', 'finance'],
  'user.manage': ['vendor_admin'],
  'integration.manage': ['vendor_admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof ACTIONS;

export function can(role: Role, action: Action): boolean {
  return (ACTIONS[action] as readonly Role[]).includes(role);
}

/** Vendor roles see every distributor; a distributor user sees only its own. */
export function isVendorRole(role: Role): boolean {
  return role !== 'distributor_user';
}
