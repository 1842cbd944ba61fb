/**
 * The authorization matrix, generated from the Express router table itself: every route x every role
 * x an object of another distributor. A new route is covered the day it is mounted, without anyone
 * remembering to add it here. Checks, for each route:
 *  - without credentials: 401 (unless the route is on the short public list below);
 *  - a distributor user of A, given B's objects: 403/404 on object routes, never a value of another
 *    distributor in any response, never one of B's ids in a list;
 *  - a role the permission table (core/permissions.ts) refuses: 403/404 on the routes it names;
 *  - any refused write leaves every business table exactly as it was.
 */
import { createHash } from 'node:crypto';
import type { Express } from 'express';
import { ACTIONS, type Action } from '../../core/permissions.js';
import type { Role } from '../../core/domain.js';
import { describeDb, startTestApp, USERS, type Client, type TestApp } from '../support/harness.js';

interface RouteEntry {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
}

/** Every method + path the app answers, read from the router stack (sub-routers included). */
export function routeTable(app: Express): RouteEntry[] {
  const out = new Map<string, RouteEntry>();
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = ([] as string[]).concat(layer.route.path);
        for (const p of paths) {
          for (const method of Object.keys(layer.route.methods)) {
            if (method === '_all') continue;
            const path = (prefix + p).replace(/\/+$/, '') || '/';
            out.set(`${method.toUpperCase()} ${path}`, { method: method.toUpperCase(), path });
          }
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' ? layer.rawPath.replace(/\/+$/, '') : '';
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...out.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** Routes anyone may call: health, the API description, the sign-in doors. Everything else under /api needs credentials. */
const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/session',
  'DELETE /api/session',
  'POST /api/embed/session',
  'GET /auth/saml/metadata',
  'GET /auth/saml/login',
  'POST /auth/saml/acs',
  'POST /auth/saml/logout',
  'GET /auth/saml/logout',
  'POST /api/invitations/accept',
  'GET /api/setup',
  'POST /api/setup',
]);

/** The permission each known route enforces (core/permissions.ts is the spec); unknown routes get the generic checks. */
const PERMISSION: Record<string, Action> = {
  'POST /api/programs': 'program.manage',
  'PATCH /api/programs/:id': 'program.manage',
  'POST /api/requests': 'request.create',
  'POST /api/requests/:id/approve': 'request.decide',
  'POST /api/requests/:id/decline': 'request.decide',
  'POST /api/requests/:id/counter': 'request.decide',
  'POST /api/requests/:id/:decision': 'request.decide',
  'GET /api/approval-queue': 'request.decide',
  'POST /api/claims': 'claim.submit',
  'POST /api/claims/:id/submit': 'claim.submit',
  'POST /api/claims/:id/lines/:lineId/adjust': 'claim.adjust',
  'POST /api/claims/:id/authorize': 'claim.authorize',
  'POST /api/claims/:id/pay': 'claim.pay',
  'POST /api/claims/:id/notes': 'claim.note',
  'PUT /api/rebates/programs/:programId': 'program.manage',
  'POST /api/rebates/periods': 'rebate.close',
  'POST /api/rebates/periods/:id/adjust': 'rebate.adjust',
  'POST /api/rebates/periods/:id/authorize': 'rebate.authorize',
  'POST /api/rebates/periods/:id/pay': 'rebate.pay',
  'GET /api/audit': 'audit.read',
  'GET /api/finance/settings': 'finance.read',
  'PUT /api/finance/settings': 'finance.configure',
  'PUT /api/finance/accounts/:programType': 'finance.configure',
  'GET /api/finance/journal': 'finance.read',
  'GET /api/finance/periods': 'finance.read',
  'GET /api/finance/periods/:month': 'finance.read',
  'POST /api/finance/periods/:month/close': 'finance.close',
  'POST /api/finance/periods/:month/reopen': 'finance.reopen',
  'GET /api/sso/identity-provider': 'integration.manage',
  'PUT /api/sso/identity-provider': 'integration.manage',
  'GET /api/sso/identity-providers': 'integration.manage',
  'GET /api/sso/identity-providers/:name': 'integration.manage',
  'PUT /api/sso/identity-providers/:name': 'integration.manage',
  'DELETE /api/sso/identity-providers/:name': 'integration.manage',
  'POST /api/integrations/salesforce/sync': 'integration.manage',
  'GET /api/integrations/salesforce/runs': 'audit.read',
  'GET /api/integrations/salesforce/writeback-failures': 'integration.manage',
  'POST /api/integrations/salesforce/writeback-failures/:id/retry': 'integration.manage',
  'GET /api/imports/mapping': 'pos.import',
  'PUT /api/imports/mapping': 'pos.import',
  'POST /api/imports': 'pos.import',
  'POST /api/imports/:id/claims': 'pos.import',
  'POST /api/imports/:id/void': 'pos.import',
  'POST /api/claims/file': 'pos.import',
  'POST /api/disputes/resubmissions': 'claim.submit',
  'POST /api/webhooks': 'integration.manage',
  'GET /api/webhooks': 'integration.manage',
  'DELETE /api/webhooks/:id': 'integration.manage',
  'GET /api/webhooks/:id/deliveries': 'integration.manage',
  'POST /api/webhooks/deliveries/:id/replay': 'integration.manage',
  'GET /api/users': 'user.manage',
  'GET /api/users/:id': 'user.manage',
  'POST /api/users': 'user.manage',
  'POST /api/users/:id/deactivate': 'user.manage',
  'POST /api/users/:id/reactivate': 'user.manage',
  'PATCH /api/users/:id/role': 'user.manage',
  'GET /api/masterdata/products': 'masterdata.read',
  'GET /api/masterdata/products/:id': 'masterdata.read',
  'GET /api/masterdata/book-costs': 'masterdata.read',
  'GET /api/masterdata/part-numbers': 'masterdata.read',
  'GET /api/masterdata/accounts': 'masterdata.read',
  'GET /api/masterdata/accounts/:id': 'masterdata.read',
  'GET /api/masterdata/distributors': 'masterdata.read',
  'GET /api/masterdata/distributors/:id': 'masterdata.read',
  'POST /api/masterdata/products': 'masterdata.manage',
  'PATCH /api/masterdata/products/:id': 'masterdata.manage',
  'POST /api/masterdata/products/:id/deactivate': 'masterdata.manage',
  'POST /api/masterdata/products/:id/reactivate': 'masterdata.manage',
  'POST /api/masterdata/book-costs': 'masterdata.manage',
  'POST /api/masterdata/part-numbers': 'masterdata.manage',
  'DELETE /api/masterdata/part-numbers/:id': 'masterdata.manage',
  'POST /api/masterdata/accounts': 'masterdata.manage',
  'PATCH /api/masterdata/accounts/:id': 'masterdata.manage',
  'POST /api/masterdata/accounts/:id/merge': 'masterdata.manage',
  'POST /api/masterdata/distributors': 'masterdata.manage',
  'PATCH /api/masterdata/distributors/:id': 'masterdata.manage',
  'POST /api/masterdata/distributors/:id/contacts': 'masterdata.manage',
  'DELETE /api/masterdata/distributors/:id/contacts/:contactId': 'masterdata.manage',
  'POST /api/masterdata/products/bulk': 'masterdata.manage',
  'POST /api/masterdata/book-costs/bulk': 'masterdata.manage',
  'POST /api/masterdata/part-numbers/bulk': 'masterdata.manage',
  'POST /api/masterdata/end-customers/bulk': 'masterdata.manage',
  'POST /api/masterdata/resellers/bulk': 'masterdata.manage',
  'POST /api/masterdata/distributors/bulk': 'masterdata.manage',
  'PUT /api/fx-rates': 'fxrate.manage',
  'POST /api/fx-rates/upload': 'fxrate.manage',
  'POST /api/shipments': 'shipment.manage',
  'POST /api/finance/credit-memos/:number/erp-reference': 'claim.pay',
  'POST /api/shipments/upload': 'shipment.manage',
};

/** Routes whose ids are B's claim lines rather than ids of the route's own resource. */
const LINE_ID_ROUTES = new Set(['GET /api/disputes/lines/:id/history']);

/** Tables a refused request may legitimately touch: the audit trail, credentials, caches. */
const VOLATILE_TABLES =
  /^(audit_events|sessions|api_tokens|idempotency_records|saml_|embed_token_uses|rate_limit_hits|bec_migrations|sqlite_)/;

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ROLES: { email: string; role: Role }[] = [
  { email: USERS.admin, role: 'vendor_admin' },
  { email: USERS.cm, role: 'channel_manager' },
  { email: USERS.finance, role: 'finance' },
  { email: USERS.arrowhead, role: 'distributor_user' },
];

describeDb('authorization matrix (generated from the router table)', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  let A: number;
  let B: number;
  let b: Client;
  const clients = new Map<string, Client>();
  /** Ids of objects B sees and A does not, per resource (the first path segment after /api). */
  const idsOfB = new Map<string, number[]>();
  let claimLineOfB: { claimId: number; lineId: number } | null = null;
  const findings: string[] = [];

  async function snapshot(): Promise<string> {
    const qi = t.db.sequelize.getQueryInterface();
    const tables = ((await qi.showAllTables()) as unknown[]).map((x) =>
      typeof x === 'string' ? x : (x as { tableName: string }).tableName,
    );
    const hash = createHash('sha256');
    for (const table of tables.filter((n) => !VOLATILE_TABLES.test(n)).sort()) {
      const q = t.db.dialect === 'mysql' ? `SELECT * FROM \`${table}\`` : `SELECT * FROM "${table}"`;
      const [rows] = await t.db.sequelize.query(q);
      hash.update(table).update(
        (rows as object[])
          .map((r) => JSON.stringify(r))
          .sort()
          .join('\n'),
      );
    }
    return hash.digest('hex');
  }

  const items = (body: unknown): { id?: unknown }[] =>
    Array.isArray(body) ? body : Array.isArray((body as { items?: unknown })?.items) ? (body as { items: { id?: unknown }[] }).items : [];

  /** Every scalar distributorId / distributor_id anywhere in a body. */
  function distributorIdsIn(body: unknown, found: number[] = []): number[] {
    if (Array.isArray(body)) body.forEach((x) => distributorIdsIn(x, found));
    else if (body && typeof body === 'object') {
      for (const [k, v] of Object.entries(body)) {
        if (/^distributor_?id$/i.test(k) && (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)))) found.push(Number(v));
        else distributorIdsIn(v, found);
      }
    }
    return found;
  }

  const resourceOf = (path: string) => path.split('/')[2] ?? '';

  function concretePath(r: RouteEntry): string | null {
    const key = `${r.method} ${r.path}`;
    let ok = true;
    const path = r.path.replace(/:(\w+)/g, (_m, name: string) => {
      if (name === 'lineId') return String(claimLineOfB?.lineId ?? 0);
      if (name === 'decision') return 'approve';
      if (name === 'id') {
        if (LINE_ID_ROUTES.has(key)) return String(claimLineOfB?.lineId ?? 0);
        if (r.path.includes(':lineId')) return String(claimLineOfB?.claimId ?? 0);
        const ids = idsOfB.get(resourceOf(r.path));
        if (!ids?.length) ok = false;
        return String(ids?.[0] ?? 999999);
      }
      return '1';
    });
    return ok ? path : null;
  }

  function call(c: Client | null, method: string, path: string) {
    if (!c) {
      const req = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
      return WRITE.has(method) ? req.send({}) : req;
    }
    if (method === 'GET') return c.get(path);
    if (method === 'POST') return c.post(path, {});
    if (method === 'PATCH') return c.patch(path, {});
    if (method === 'DELETE') return c.delete(path);
    // The harness client has no put(): send it with the same bearer header.
    const probe = c.get(path) as unknown as { header: Record<string, string> };
    return t.http.put(path).set('Authorization', probe.header.Authorization).send({});
  }

  beforeAll(async () => {
    t = await startTestApp();
    routes = routeTable(t.app);
    for (const r of ROLES) clients.set(r.email, await t.as(r.email));
    b = await t.as(USERS.northbridge);
    const me = async (c: Client) => (await c.get('/api/session')).body.distributorId as number;
    A = await me(clients.get(USERS.arrowhead)!);
    B = await me(b);
    // Give B an object in every resource that lists some: an import, at least.
    // Best effort: the import feature's own tests own its failures.
    const imported = await b
      .post('/api/imports?wait=true', {
        fileName: 'matrix.json',
        lines: [
          {
            invoiceNumber: 'NB-M-1',
            invoiceLine: 1,
            invoiceDate: '2026-10-09',
            vendorPartNumber: 'VS-ETH-PHY',
            quantity: 10,
            endCustomerName: 'Cascade Robotics',
          },
        ],
      })
      .catch(() => null);
    // ... and a claim run over it (implicit: its line has no authorization number, so no claim is built).
    if (imported?.body?.id) await b.post(`/api/imports/${imported.body.id}/claims?wait=true`, { mode: 'implicit' }).catch(() => null);
    for (const resource of new Set(
      routes.filter((r) => r.path.startsWith('/api/') && r.path.includes(':id')).map((r) => resourceOf(r.path)),
    )) {
      const idsOf = async (c: Client) =>
        items((await c.get(`/api/${resource}`)).body)
          .map((i) => i.id)
          .filter((x): x is number => typeof x === 'number');
      const seenByA = new Set(await idsOf(clients.get(USERS.arrowhead)!));
      const ids = (await idsOf(b)).filter((id) => !seenByA.has(id));
      if (ids.length) idsOfB.set(resource, ids);
    }
    for (const claimId of idsOfB.get('claims') ?? []) {
      const lines = (await b.get(`/api/claims/${claimId}`)).body.lines as { id: number }[] | undefined;
      if (lines?.length) {
        claimLineOfB = { claimId, lineId: lines[0].id };
        break;
      }
    }
  });
  afterAll(async () => {
    if (process.env.SHOW_MATRIX) console.log(JSON.stringify([...idsOfB]), claimLineOfB);
    if (findings.length) console.log(`authorization matrix notes:\n${findings.join('\n')}`);
    await t.close();
  });

  it('finds every mounted route, the new ones included', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    for (const k of [
      'GET /api/claims/:id',
      'POST /api/claims/:id/pay',
      'GET /api/audit',
      'POST /api/tokens',
      'POST /auth/saml/acs',
      'PUT /api/sso/identity-provider',
      'PUT /api/sso/identity-providers/:name',
      'DELETE /api/sso/identity-providers/:name',
      'GET /auth/saml/logout',
    ]) {
      expect(keys).toContain(k);
    }
    expect(routes.length).toBeGreaterThan(40);
    expect(B).not.toBe(A);
    expect(idsOfB.get('claims')?.length).toBeGreaterThan(0);
  });

  it('answers 401 to every non-public API route without credentials', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.path.startsWith('/api/') && !PUBLIC.has(`${x.method} ${x.path}`))) {
      const path = concretePath(r) ?? r.path.replace(/:\w+/g, '1');
      const before = WRITE.has(r.method) ? await snapshot() : '';
      const res = await call(null, r.method, path);
      if (res.status !== 401) failures.push(`${r.method} ${path} -> ${res.status}`);
      if (WRITE.has(r.method) && (await snapshot()) !== before) failures.push(`${r.method} ${path} changed data without credentials`);
    }
    expect(failures).toEqual([]);
  });

  it("never shows a distributor user another distributor's objects, and refused writes change nothing", async () => {
    const failures: string[] = [];
    const a = clients.get(USERS.arrowhead)!;
    for (const r of routes.filter((x) => x.path.startsWith('/api/') && !PUBLIC.has(`${x.method} ${x.path}`))) {
      const key = `${r.method} ${r.path}`;
      const path = concretePath(r);
      if (!path) {
        findings.push(`${key}: B has no object of this resource; checked for leaks only`);
      }
      const target = path ?? r.path.replace(/:\w+/g, '1');
      const before = WRITE.has(r.method) ? await snapshot() : '';
      const res = await call(a, r.method, target);
      const leaked = distributorIdsIn(res.body).filter((d) => d !== A);
      if (leaked.length) failures.push(`${key}: distributor ${A}'s user saw distributorId ${[...new Set(leaked)].join(',')}`);
      const ownIdsOfB = new Set(idsOfB.get(resourceOf(r.path)) ?? []);
      if (!r.path.includes(':') && items(res.body).some((i) => ownIdsOfB.has(i.id as number)))
        failures.push(`${key}: lists an id of distributor ${B}`);
      if (path && r.path.includes(':id') && res.status < 400) failures.push(`${key}: ${res.status} on distributor ${B}'s object ${target}`);
      if (WRITE.has(r.method) && res.status >= 400 && (await snapshot()) !== before)
        failures.push(`${key}: refused with ${res.status} but changed data`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses every role the permission table refuses, on every route that names a permission', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      const action = PERMISSION[key];
      if (!action) continue;
      for (const { email, role } of ROLES) {
        if ((ACTIONS[action] as readonly Role[]).includes(role)) continue;
        const path = concretePath(r) ?? r.path.replace(/:\w+/g, '1');
        const before = WRITE.has(r.method) ? await snapshot() : '';
        const res = await call(clients.get(email)!, r.method, path);
        if (res.status !== 403 && res.status !== 404) failures.push(`${key} as ${role}: ${res.status}, expected 403`);
        if (WRITE.has(r.method) && (await snapshot()) !== before) failures.push(`${key} as ${role}: changed data`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets B read its own objects on the same routes (so the refusals above are not vacuous)', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.method === 'GET' && x.path.startsWith('/api/') && x.path.includes(':id'))) {
      const path = concretePath(r);
      if (!path) continue;
      const res = await b.get(path);
      if (res.status >= 400) findings.push(`GET ${r.path}: ${res.status} for the owner too (${path})`);
      if (
        ['claims', 'requests', 'authorizations', 'imports'].includes(resourceOf(r.path)) &&
        r.path.split('/').length === 4 &&
        res.status !== 200
      ) {
        failures.push(`GET ${path} as its owner: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('records every refusal in the audit log', async () => {
    const { AuditEvent } = await import('../../models/platform.js');
    const refusals = await AuditEvent.count({ where: { action: 'authorization.refused' } });
    expect(refusals).toBeGreaterThan(routes.length);
  });
});
