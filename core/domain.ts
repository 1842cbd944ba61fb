/**
 * The words of the domain, shared by the server, the rules engine and the components.
 * Plain TypeScript: no Node, Express or Sequelize import, so it runs in the browser too.
 */

/**
 * `no_access`: a user with no role (an identity provider's user in none of the role groups, or one
 * an admin set so): it may sign in and see who it is, nothing else. Least privileged last.
 */
export const ROLES = ['vendor_admin', 'channel_manager', 'finance', 'distributor_user', 'no_access'] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_TYPES = ['vendor', 'distributor', 'reseller', 'end_customer'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const PROGRAM_TYPES = ['ship_and_debit', 'spa', 'dpa', 'promotion', 'rebate'] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

export const REQUEST_STATUSES = ['pending', 'approved', 'declined', 'countered', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** draft → submitted (validated) → authorized → paid; or rejected when no line survives review. */
export const CLAIM_STATUSES = ['draft', 'submitted', 'authorized', 'paid', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_TYPES = ['explicit', 'implicit', 'automatic'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const LINE_VERDICTS = ['pending', 'accepted', 'partial', 'rejected', 'adjusted'] as const;
export type LineVerdict = (typeof LINE_VERDICTS)[number];

export const REASON_CODES = [
  'AUTH_NOT_FOUND',
  'AUTH_EXPIRED',
  'AUTH_NOT_FOR_DISTRIBUTOR',
  'PART_MISMATCH',
  'END_CUSTOMER_MISMATCH',
  'QTY_EXCEEDS_APPROVED',
  'PRICE_ABOVE_AUTHORIZED',
  'AMOUNT_OVER_CLAIMED',
  'DUPLICATE_LINE',
  'ALREADY_CLAIMED',
  'MISSING_REQUIRED_FIELD',
  'NO_POS_MATCH',
  'ADJUSTED_MANUALLY',
  'AUTH_CANCELLED',
  /** submitted later than the invoice date + the program's claim filing window */
  'FILING_WINDOW_CLOSED',
  'AUTH_CLOSED_LOST',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
