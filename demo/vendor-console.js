import { claimDetail, startDemo } from '/demo.js';
// The administration elements (master data, programs) live in their own module, beside bec.js.
import '/dist/bec-admin.js';

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
// The program builder: for those who manage programs (ACTIONS 'program.manage').
if (!vendorDecides) {
  document.querySelector('#programs').classList.add('hidden');
  document.querySelector('a[href="#programs"]').classList.add('hidden');
}
claimDetail(api, me, { list: document.querySelector('#claims-list'), grid: lines, bar: document.querySelector('#claim-bar') });
// Finance's work queue: for the people who authorize and pay. A claim opened from it shows in the line grid below.
const financeQueue = document.querySelector('bec-finance-queue');
const claimsList = document.querySelector('#claims-list');
if (!financeActs) {
  document.querySelector('#finance').classList.add('hidden');
  document.querySelector('a[href="#finance"]').classList.add('hidden');
}
financeQueue.addEventListener('becclaimselect', (e) => {
  e.stopPropagation();
  claimsList.dispatchEvent(new CustomEvent('becclaimselect', { detail: e.detail }));
});
// A decision anywhere on the page moves figures shown elsewhere on it: after a line adjusted, lines
// accepted or rejected in bulk, or a claim authorized or paid, every other element showing claims
// or their money reads its figures again (the element that acted has updated itself; the claim bar
// reloads the lines and the list itself, claimDetail in demo.js). Hidden sections are left alone.
const figures = [claimsList, financeQueue, document.querySelector('bec-accrual-dashboard'), document.querySelector('bec-aging-report')];
const claimBar = document.querySelector('#claim-bar');
for (const name of ['beclineadjust', 'becbulkdecision', 'becclaimaction'])
  document.addEventListener(name, (e) => {
    for (const el of figures)
      if (el && el !== e.target && !el.closest('.hidden') && !(e.target === claimBar && el === claimsList)) void el.load();
  });
// Administration (master data): vendor admins change it, channel managers read it; nobody else sees it.
if (me.role !== 'vendor_admin' && me.role !== 'channel_manager') {
  document.querySelector('#admin').classList.add('hidden');
  document.querySelector('a[href="#admin"]').classList.add('hidden');
}
