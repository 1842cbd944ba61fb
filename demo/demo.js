// Shared by the demo pages: sign in as a demo user, point the components at the API, theme toggle.
import { configureApi } from '/dist/bec.js';

export const DEMO_USERS = [
  ['admin@voltaic.example', 'Avery Admin · vendor admin'],
  ['cm@voltaic.example', 'Casey Channel · channel manager'],
  ['cm2@voltaic.example', 'Morgan Channel · channel manager'],
  ['finance@voltaic.example', 'Frances Finance · finance'],
  ['finance2@voltaic.example', 'Felix Finance · finance'],
  ['ops@arrowhead.example', 'Ari Arrowhead · distributor'],
  ['ops@northbridge.example', 'Nina Northbridge · distributor'],
  ['ops@pacificrim.example', 'Pat Pacific · distributor'],
];

/** Signs in as `?as=` or the page's default user (demo convenience), then wires the components. */
export async function startDemo(defaultEmail, { users = DEMO_USERS } = {}) {
  const api = configureApi({ baseUrl: '' });
  const params = new URLSearchParams(location.search);
  const email = params.get('as') || defaultEmail;
  let me = null;
  try {
    me = await api.me();
  } catch {
    me = null;
  }
  if (!me || me.email !== email || !api.csrfToken) me = await api.signIn(email, 'bec-demo-2026');
  const picker = document.querySelector('#user');
  if (picker) {
    for (const [value, label] of users) picker.append(new Option(label, value, false, value === me.email));
    picker.addEventListener('change', () => {
      params.set('as', picker.value);
      location.search = params.toString();
    });
  }
  const theme = document.querySelector('#theme');
  const applyTheme = (dark) => {
    document.documentElement.classList.toggle('dark', dark);
    for (const el of document.querySelectorAll('*')) if (el.tagName.startsWith('BEC-')) el.setAttribute('theme', dark ? 'dark' : 'light');
  };
  if (params.get('theme') === 'dark') applyTheme(true);
  theme?.addEventListener('click', () => applyTheme(!document.documentElement.classList.contains('dark')));
  for (const el of document.querySelectorAll('[data-api]')) el.setAttribute('api-base', '');
  document.body.dataset.ready = 'true';
  return { api, me };
}

/**
 * Shows a claim's lines in `grid`, and the claim in `bar`: on the vendor console a
 * <bec-claim-actions> (Authorize / Pay, disabled with the reason where the person may not: the
 * rule is the finance queue's), elsewhere a line naming the claim.
 */
export function claimDetail(api, me, { list, grid, bar }) {
  const actions = bar?.tagName === 'BEC-CLAIM-ACTIONS' ? bar : null;
  const status = actions ? null : bar?.querySelector('.status');
  let claim = null;
  const show = (c) => {
    claim = c;
    bar?.classList.toggle('hidden', !c);
    if (!c) return;
    if (actions) {
      // The claim with all of its lines: who adjusted one decides who may authorize it.
      actions.user = me;
      actions.claim = c;
    } else if (status) status.textContent = `${c.number} · ${c.status} · ${c.lineCount} lines`;
  };
  list.addEventListener('becclaimselect', async (e) => {
    if (!e.detail.claim) return;
    grid.classList.remove('hidden');
    grid.setAttribute('claim-id', String(e.detail.claim.id));
    show(await api.claim(e.detail.claim.id));
    grid.scrollIntoView({ behavior: 'smooth', block: 'start' });
  });
  actions?.addEventListener('becclaimaction', async () => {
    await grid.load();
    await list.load();
  });
  grid.addEventListener('beclineadjust', async () => show(await api.claim(claim.id)));
  return { show };
}
