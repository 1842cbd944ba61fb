import { claimDetail, DEMO_USERS, startDemo } from '/demo.js';

const { api, me } = await startDemo('ops@arrowhead.example', { users: DEMO_USERS.filter(([e]) => !e.endsWith('voltaic.example')) });
const accounts = await api.accounts('distributor').catch(() => []);
const own = accounts.find((a) => a.id === me.distributorId);
document.querySelector('#who').textContent = own ? `${own.name} · partner portal` : 'Partner portal';
const list = document.querySelector('#claims-list');
claimDetail(api, me, { list, grid: document.querySelector('#claim-lines'), bar: document.querySelector('#claim-bar') });
document.querySelector('bec-claim-upload').addEventListener('becuploadcomplete', () => setTimeout(() => list.load(), 500));
