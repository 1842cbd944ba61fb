import { startDemo } from '/demo.js';

// On a Lightning record page the queue takes the record's Id (opportunity-id="{!recordId}" or account-id);
// the demo's accounts carry no Salesforce Id, so the record's account is found by name and its BEC id scopes the queue.
const queue = document.querySelector('bec-approval-queue[data-record-account]');
const { api } = await startDemo('cm@voltaic.example');
const [account] = await api.accounts('end_customer', queue.dataset.recordAccount).catch(() => []);
if (account) queue.setAttribute('account-id', String(account.id));
queue.setAttribute('api-base', '');
