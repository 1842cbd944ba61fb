/**
 * The vendor's administration elements (master data, bulk loads, the program builder, the rebate builder): a module of
 * their own, `dist/bec-admin.js`, loaded by the admin's page beside `dist/bec.js` (whose code it
 * shares), so the pages of the daily work (the partner portal, a CRM record) never download them.
 * `bec-claim-actions` (the claim view's Authorize / Pay bar) is here too: only the vendor's console
 * shows it, and dist/bec.js has no room left in its 80 KB budget.
 */
export { BecAdminProducts } from './admin-products/admin-products.js';
export { BecAdminBulkLoad } from './admin-bulk-load/admin-bulk-load.js';
export { BecAdminAccounts, type AccountKind } from './admin-accounts/admin-accounts.js';
export { BecAdminPrograms, type ProgramVersion } from './admin-programs/admin-programs.js';
export { BecRebateBuilder, termsOf } from './rebate-builder/rebate-builder.js';
// The approver's queue: dist/bec.js defines it on first use, the vendor console (this module) at once.
export { BecApprovalQueue, type RequestContext } from './approval-queue/approval-queue.js';
export { BecChannelAnalytics, type AnalyticsReport, type AnalyticsReportName } from './channel-analytics/channel-analytics.js';
export { BecClaimActions } from './claim-actions/claim-actions.js';
