/**
 * Sets up a new vendor's world on an empty database, over HTTP, through the public API alone
 * (issue 15, "done when"): the first admin with the setup token, then distributors, products,
 * book costs, part numbers, end customers and resellers from CSV through the bulk loads (a dry run
 * first, then all rows or none), distributor contacts, staff and distributor users by invitation,
 * programs and approval routing rules.
 *
 *   npx tsx scripts/setup-vendor.ts --base http://localhost:3000 --setup-token becs_... [--world scripts/setup-vendor.world.json]
 *
 * against a server started on an empty database without the demo (`SEED_DEMO=false npm start`
 * prints the setup token, or set SETUP_TOKEN). An invited user with a `password` in the world file
 * accepts its invitation at once (the demo, the e2e test); without one, its invitation token is
 * printed for the admin to pass on. The last line printed is a JSON summary with every id.
 */
import { readFileSync } from 'node:fs';

interface World {
  admin: { email: string; name: string; password: string };
  distributors: { csv: string; contacts: { distributor: string; name: string; email: string; role?: string }[] };
  products: { csv: string };
  bookCosts: { csv: string };
  partNumbers: { csv: string };
  endCustomers: { csv: string };
  resellers: { csv: string };
  staff: { email: string; name: string; role: string; password?: string }[];
  distributorUsers: { email: string; name: string; distributor: string; password?: string }[];
  programs: (Record<string, unknown> & { code: string; distributors?: string[] })[];
  routingRules: (Record<string, unknown> & {
    distributor?: string;
    program?: string;
    levels: { approvers: ({ role: string } | { user: string })[]; mode: string; timeLimitHours: number | null }[];
    escalation?: { role: string } | { user: string } | null;
  })[];
}

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (value === undefined && fallback === undefined) throw new Error(`--${name} is required`);
  return value ?? fallback!;
};

const base = arg('base', 'http://localhost:3000').replace(/\/$/, '');
const setupToken = arg('setup-token', process.env.SETUP_TOKEN ?? '');
const world = JSON.parse(readFileSync(arg('world', new URL('./setup-vendor.world.json', import.meta.url).pathname), 'utf8')) as World;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function call(method: string, path: string, options: { bearer?: string; json?: unknown; csv?: string; ok?: number[] } = {}) {
  const headers: Record<string, string> = {};
  if (options.bearer) headers.Authorization = `Bearer ${options.bearer}`;
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  if (options.csv !== undefined) headers['Content-Type'] = 'text/csv';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.csv,
  });
  const text = await res.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!(options.ok ?? [200, 201]).includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 2000)}`);
  return { status: res.status, body: body as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

// 1. The first admin, then a token with every scope for the rest.
const status = (await call('GET', '/api/setup')).body;
if (status.open) {
  await call('POST', '/api/setup', { json: { token: setupToken, ...world.admin } });
  log(`first admin ${world.admin.email} set up`);
} else log(`setup is closed (${status.reason}): signing in as ${world.admin.email}`);
const signIn = await fetch(`${base}/api/session`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: world.admin.email, password: world.admin.password }),
});
if (!signIn.ok) throw new Error(`sign-in ${world.admin.email}: ${signIn.status} ${await signIn.text()}`);
const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
const { csrfToken } = (await signIn.json()) as { csrfToken: string };
const minted = await fetch(`${base}/api/tokens`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
  body: JSON.stringify({ name: 'setup-vendor', scopes: ['read', 'write', 'admin'], expiresInDays: 1 }),
});
if (!minted.ok) throw new Error(`token: ${minted.status} ${await minted.text()}`);
const bearer = ((await minted.json()) as { token: string }).token;
const api = (method: string, path: string, json?: unknown, ok?: number[]) => call(method, path, { bearer, json, ok });

// 2. Master data from CSV: each file previewed (dry run), then loaded whole or not at all.
async function bulk(kind: string, csv: string) {
  const preview = (await call('POST', `/api/masterdata/${kind}/bulk?dryRun=true`, { bearer, csv, ok: [200, 422] })).body;
  if (preview.errors?.length || preview.rowErrors?.length)
    throw new Error(`${kind}: the file has row errors: ${JSON.stringify(preview.errors ?? preview.rowErrors)}`);
  const done = (await call('POST', `/api/masterdata/${kind}/bulk`, { bearer, csv })).body;
  log(`${kind}: ${done.rows} rows (${done.created} created, ${done.updated} updated, ${done.unchanged} unchanged)`);
  return done;
}
await bulk('distributors', world.distributors.csv);
const distributorIds = new Map<string, number>(
  ((await api('GET', '/api/masterdata/distributors')).body.items as { id: number; name: string }[]).map((d) => [d.name, d.id]),
);
const distributorId = (name: string) => {
  const id = distributorIds.get(name);
  if (!id) throw new Error(`no distributor named ${name}`);
  return id;
};
for (const c of world.distributors.contacts)
  await api('POST', `/api/masterdata/distributors/${distributorId(c.distributor)}/contacts`, {
    name: c.name,
    email: c.email,
    role: c.role ?? null,
  });
await bulk('products', world.products.csv);
await bulk('book-costs', world.bookCosts.csv);
await bulk('part-numbers', world.partNumbers.csv);
await bulk('end-customers', world.endCustomers.csv);
await bulk('resellers', world.resellers.csv);

// 3. People: invited, and (demo) accepting with their password at once.
const userIds = new Map<string, number>();
const invitations: { email: string; token: string }[] = [];
async function invite(person: { email: string; name: string; password?: string }, role: string, distributor: number | null) {
  const invited = (await api('POST', '/api/users', { email: person.email, name: person.name, role, distributorId: distributor })).body;
  userIds.set(person.email, invited.user.id);
  if (person.password)
    await call('POST', invited.invitation.acceptPath, { json: { token: invited.invitation.token, password: person.password } });
  else invitations.push({ email: person.email, token: invited.invitation.token });
}
for (const s of world.staff) await invite(s, s.role, null);
for (const u of world.distributorUsers) await invite(u, 'distributor_user', distributorId(u.distributor));
log(`${userIds.size} users invited (${invitations.length} invitations to pass on)`);

// 4. Programs, and the routing rules that send requests to the right approvers.
const programIds = new Map<string, number>();
for (const { distributors, ...p } of world.programs) {
  const created = (await api('POST', '/api/programs', { ...p, distributorIds: (distributors ?? []).map(distributorId) })).body;
  programIds.set(p.code, created.id);
}
const approver = (a: { role: string } | { user: string }) => {
  if ('role' in a) return { role: a.role };
  const id = userIds.get(a.user);
  if (!id) throw new Error(`no user ${a.user} in this world`);
  return { userId: id };
};
const ruleIds: number[] = [];
for (const { distributor, program, levels, escalation, ...rule } of world.routingRules) {
  const created = (
    await api('POST', '/api/routing/rules', {
      ...rule,
      distributorId: distributor ? distributorId(distributor) : null,
      programId: program ? programIds.get(program) : null,
      levels: levels.map((l) => ({ ...l, approvers: l.approvers.map(approver) })),
      escalation: escalation ? approver(escalation) : null,
    })
  ).body;
  ruleIds.push(created.id);
}
log(`${programIds.size} programs, ${ruleIds.length} routing rules`);

console.log(
  JSON.stringify({
    base,
    distributors: Object.fromEntries(distributorIds),
    users: Object.fromEntries(userIds),
    programs: Object.fromEntries(programIds),
    routingRules: ruleIds,
    invitations,
  }),
);
