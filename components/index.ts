/**
 * Every BEC component of the daily work and the shared API, theme and event types:
 * `import 'bec/dist/bec.js'`. The vendor's administration elements are in ./admin.ts (dist/bec-admin.js).
 */
export { BecRequestForm } from './request-form/request-form.js';
export { BecClaimGrid } from './claim-grid/claim-grid.js';
export { BecClaimLineDetail } from './claim-grid/claim-line-detail.js';
export { BecClaimAdjustForm } from './claim-grid/claim-adjust-form.js';
// bec-approval-queue and bec-channel-analytics are defined on first use (./on-demand.ts: their code
// loads when one is in the document), and at once by bec-admin.js: their classes are in bec-admin.js.
export type { BecApprovalQueue, RequestContext } from './approval-queue/approval-queue.js';
export { loadElement, defineUsedElements, type OnDemandTag } from './on-demand.js';
export { BecAccrualDashboard } from './accrual-dashboard/accrual-dashboard.js';
export { BecClaimUpload, preflightPosCsv } from './claim-upload/claim-upload.js';
export { BecRequestList } from './request-list/request-list.js';
export { BecFinanceQueue, sectionOf, type FinanceSection } from './finance-queue/finance-queue.js';
export { BecClaimForm } from './claim-form/claim-form.js';
export { BecAgingReport, type Aging } from './aging-report/aging-report.js';
export type { BecChannelAnalytics, AnalyticsReport, AnalyticsReportName } from './channel-analytics/channel-analytics.js';
export { BecRebateProgress, type RebateProgress } from './rebate-progress/rebate-progress.js';
export { BecApi, ApiError, apiFor, configureApi, credentialEvents, newIdempotencyKey } from './shared/api.js';
export type * from './shared/api.js';
export type { BecEvent, BecEventDetails, BecEventName } from './shared/events.js';
export { themeTokens } from './shared/theme.js';
