import { claimDetail, DEMO_USERS, startDemo } from '/demo.js';

const { api, me } = await startDemo('ops@arrowhead.example', { users: DEMO_USERS.filter(([e]) => !e.endsWith('voltaic.example')) });
const accounts = await api.accounts('distributor').catch(() => []);
const own = accounts.find((a) => a.id === me.distributorId);
document.querySelector('#who').textContent = own ? `${own.name} · partner portal` : 'Partner portal';
const list = document.querySelector('#claims-list');
claimDetail(api, me, { list, grid: document.querySelector('#claim-lines'), bar: document.querySelector('#claim-bar') });
document.querySelector('bec-claim-upload').addEventListener('becuploadcomplete', () => setTimeout(() => list.load(), 500));
// Claims created by the upload or the claim form: the list shows them at once.
document.addEventListener('becclaimscreated', () => list.load());
// The upload and the form link each claim they create as #claim-<id>: open it below the list.
const openLinked = () => {
  const id = /^#claim-(\d+)$/.exec(location.hash)?.[1];
  if (id) list.dispatchEvent(new CustomEvent('becclaimselect', { detail: { claim: { id: Number(id) } } }));
};
window.addEventListener('hashchange', openLinked);
openLinked();
