import { startDemo } from '/demo.js';

// An Opportunity record page. With SALESFORCE_STANDIN=true the record is one of the stand-in org's
// Opportunities, as BEC synced it (`?opportunity=<Id>` picks one; else the first a pending request
// names): the header shows its fields, and the queue, the requests (with the authorizations they
// made) and the claims are narrowed to it as
// becRecordPanel does in an org (integrations/salesforce/sfdx): `opportunity-id` when a request
// names the opportunity by Id, else `account-id`, the end customer's BEC id (the demo's accounts
// carry no Salesforce Id). Without the stand-in the page keeps its static record.
const queue = document.querySelector('bec-approval-queue[data-record]');
const requests = document.querySelector('bec-request-list[data-record]');
const grid = document.querySelector('bec-claim-grid[data-record]');
const form = document.querySelector('bec-request-form[data-record]');
const { api } = await startDemo('cm@voltaic.example');

const wanted = new URLSearchParams(location.search).get('opportunity');
const contexts = await api
  .get('/api/approval-queue')
  .then((q) => q.items)
  .catch(() => []);
const withOpportunity = contexts.filter((c) => c.crm?.opportunity);
const picked = withOpportunity.find((c) => c.crm.opportunity.sfId === wanted) ?? withOpportunity[0];

let scope;
if (picked) {
  const o = picked.crm.opportunity;
  const money = (amount, currency) =>
    amount === null ? '—' : new Intl.NumberFormat('en-US', { style: 'currency', currency: currency ?? 'USD' }).format(Number(amount));
  const set = (field, text) => {
    const el = document.querySelector(`[data-field="${field}"]`);
    if (el) el.textContent = text;
  };
  set('name', o.name);
  set('account', o.accountName ?? picked.request.endCustomer.name);
  set('closeDate', o.closeDate ?? '—');
  set('amount', money(o.amount, o.currency));
  set('stage', o.stageName);
  set('distributor', picked.request.distributor.name);
  set('sfId', o.sfId);
  document.title = `Opportunity: ${o.name} | Salesforce`;
  form.setAttribute('opportunity-ref', o.sfId);
  const byId = contexts.some((c) => c.request.opportunityRef === o.sfId);
  scope = byId ? ['opportunity-id', o.sfId] : ['account-id', String(picked.request.endCustomer.id)];
} else {
  const [account] = await api.accounts('end_customer', queue.dataset.record).catch(() => []);
  if (account) scope = ['account-id', String(account.id)];
}
for (const el of [queue, requests, grid]) {
  if (scope) el.setAttribute(scope[0], scope[1]);
  el.setAttribute('api-base', '');
}
document.body.dataset.record = scope ? scope.join('=') : 'none';
