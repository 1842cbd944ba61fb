/**
 * Issue 15, "done when": a new vendor sets up its world from an empty database through the API
 * alone (scripts/setup-vendor.ts over HTTP), then works in it: a distributor's deep discount is
 * routed to a channel manager and then the director; the admin finds the loaded master data in
 * the vendor console's admin components and adds a product there, in Chromium.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildBundle, launchChromium, root, startBecServer, type BecServer } from '../support/e2e.js';

const SETUP_TOKEN = 'becs_e2e-setup-token-0123456789';
let server: BecServer;
let browser: Browser;
let world: { distributors: Record<string, number>; users: Record<string, number>; programs: Record<string, number> };

before(async () => {
  buildBundle();
  server = await startBecServer({ SEED_DEMO: 'false', SETUP_TOKEN });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A bearer token for a user of the world, by password. */
async function tokenOf(email: string, password: string): Promise<string> {
  const s = await fetch(`${server.base}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(s.status, 200, `${email} signs in`);
  const cookie = s.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  const t = await fetch(`${server.base}/api/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
    body: JSON.stringify({ name: 'e2e', scopes: ['read', 'write'] }),
  });
  return ((await t.json()) as { token: string }).token;
}

async function call(token: string, method: string, path: string, body?: unknown) {
  const r = await fetch(`${server.base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: r.status, body: (await r.json()) as any };
}

test('the setup script builds the world from an empty database, over HTTP', { timeout: 120_000 }, () => {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/setup-vendor.ts', '--base', server.base, '--setup-token', SETUP_TOKEN],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, `setup-vendor failed: ${run.stderr}`);
  world = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
  assert.deepEqual(Object.keys(world.distributors).sort(), ['Northwind Components', 'Rheinland Elektronik']);
  assert.equal(Object.keys(world.users).length, 6);
  assert.ok(world.programs['SD-2027']);
  assert.match(run.stderr, /products: 4 rows \(4 created/);
});

test('a deep discount is routed to a channel manager, then the director, and becomes an authorization', { timeout: 120_000 }, async () => {
  const northwind = await tokenOf('ops@northwind.example', 'northwind-ops-2027');
  const products = (await call(northwind, 'GET', '/api/products')).body as { items?: { id: number; vendorPartNumber: string }[] };
  const items = Array.isArray(products) ? products : products.items!;
  const mcu = items.find((p) => p.vendorPartNumber === 'AC-MCU-32')!;
  const accounts = (await call(northwind, 'GET', '/api/accounts?type=end_customer')).body;
  const endCustomer = (Array.isArray(accounts) ? accounts : accounts.items).find(
    (a: { name: string }) => a.name === 'Blue Harbor Robotics',
  );
  assert.ok(mcu && endCustomer, 'the loaded product and end customer are offered to the distributor');

  // 2.20 against a list price of 4.20 is 47.6 % below list: the rule asks for the director too.
  const sent = await call(northwind, 'POST', '/api/requests', {
    programId: world.programs['SD-2027'],
    endCustomerId: endCustomer.id,
    validFrom: '2026-12-01',
    validTo: '2027-06-30',
    justification: 'Blue Harbor design win',
    lines: [{ productId: mcu.id, quantity: 20000, requestedCost: '2.2000' }],
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const id = sent.body.id as number;

  const director = await tokenOf('director@acme-semi.example', 'acme-dario-2027!');
  const cm = await tokenOf('cm@acme-semi.example', 'acme-carla-2027!');
  const first = await call(cm, 'POST', `/api/requests/${id}/approve`, { comment: 'volume justifies it' });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.equal(first.body.status, 'pending', 'one level of two approved: still pending');
  assert.deepEqual(
    first.body.routing.waitingOn.map((w: { name: string }) => w.name),
    ['Dario Director'],
    'the queue names who is next',
  );
  // The channel manager cannot take the director's level.
  const again = await call(cm, 'POST', `/api/requests/${id}/approve`, { comment: 'me again' });
  assert.equal(again.status, 403, JSON.stringify(again.body));
  assert.equal(again.body.code, 'NOT_YOUR_LEVEL');
  const second = await call(director, 'POST', `/api/requests/${id}/approve`, { comment: 'approved' });
  assert.equal(second.status, 200, JSON.stringify(second.body));
  assert.equal(second.body.status, 'approved');
  assert.ok(second.body.authorizationId, 'the approval issued an authorization');

  const auth = await call(northwind, 'GET', `/api/authorizations/${second.body.authorizationId}`);
  assert.equal(auth.status, 200);
  assert.equal(auth.body.lines[0].authorizedCost, '2.2000');
});

test('the admin finds the loaded master data in the vendor console and adds a product there', { timeout: 120_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`[vendor-console] ${e.message}`));
  const signIn = await page.request.post(`${server.base}/api/session`, {
    data: { email: 'owner@acme-semi.example', password: 'acme-owner-2027!' },
  });
  assert.equal(signIn.status(), 200);
  await page.goto(`${server.base}/vendor-console.html?as=owner%40acme-semi.example#admin`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });

  const products = page.locator('bec-admin-products');
  await products.locator('table[part="list"] >> text=AC-MCU-32').waitFor();
  assert.equal(await products.locator('table[part="list"] tbody tr').count(), 4, 'the four products the script loaded');

  const form = products.locator('form[part="create"]');
  await form.locator('#p-part').fill('AC-SNS-T1');
  await form.locator('#p-desc').fill('Temperature sensor');
  await form.locator('#p-family').fill('SNS');
  await form.locator('#p-price').fill('1.25');
  await form.locator('button[type="submit"]').click();
  await products.locator('table[part="list"] >> text=AC-SNS-T1').waitFor();

  const admin = await tokenOf('owner@acme-semi.example', 'acme-owner-2027!');
  const listed = await call(admin, 'GET', '/api/masterdata/products?q=AC-SNS-T1');
  assert.equal(listed.body.items[0].listPrice, '1.2500');
  const me = (await call(admin, 'GET', '/api/session')).body;
  const audit = await call(admin, 'GET', `/api/audit?entityType=product&entityId=${listed.body.items[0].id}&limit=50`);
  assert.deepEqual(
    audit.body.items.map((e: { action: string; actorUserId: number }) => [e.action, e.actorUserId]),
    [['product.created', me.userId]],
    'the product created in the console is audited as the admin',
  );

  // The programs the script made are in the builder's list.
  await page.locator('bec-admin-programs').locator('text=SD-2027').first().waitFor();
  await ctx.close();
});
