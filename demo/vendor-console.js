import { claimDetail, startDemo } from '/demo.js';

const { api, me } = await startDemo('admin@voltaic.example');
const lines = document.querySelector('#claim-lines');
if (me.role === 'finance' || me.role === 'vendor_admin') lines.setAttribute('can-adjust', '');
claimDetail(api, me, { list: document.querySelector('#claims-list'), grid: lines, bar: document.querySelector('#claim-bar') });
