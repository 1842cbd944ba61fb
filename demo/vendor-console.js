import { claimDetail, startDemo } from '/demo.js';

const { api, me } = await startDemo('admin@voltaic.example');
const lines = document.querySelector('#claim-lines');
const vendorDecides = me.role === 'channel_manager' || me.role === 'vendor_admin';
const financeActs = me.role === 'finance' || me.role === 'vendor_admin';
// Show each user what their role may do: the server enforces it either way.
if (!vendorDecides) {
  document.querySelector('#approvals').classList.add('hidden');
  document.querySelector('a[href="#approvals"]').classList.add('hidden');
}
if (financeActs) lines.setAttribute('can-adjust', '');
claimDetail(api, me, { list: document.querySelector('#claims-list'), grid: lines, bar: document.querySelector('#claim-bar') });
