/**
 * The Salesforce static resource's entry (rollup.config.js): everything dist/bec.js exports, and the
 * elements bec.js defines on first use defined at once, their classes on `window.BEC` as before:
 * one classic script has no chunk to load later, and an LWC host's elements may sit where the
 * document's watch does not look.
 */
export * from './index.js';
export { BecApprovalQueue } from './approval-queue/approval-queue.js';
export { BecChannelAnalytics } from './channel-analytics/channel-analytics.js';
