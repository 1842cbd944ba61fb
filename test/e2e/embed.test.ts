/**
 * The documented embed, from another site, in Debian's Chromium: a host page served by a tiny
 * static server on its own port (as `localhost`, so it is another site than BEC's `127.0.0.1`)
 * loads BEC's module from the BEC server's /dist with one script tag, does the embed exchange with
 * a token its "back end" (this test, calling the API as a portal integration would) minted, and
 * the grid shows the distributor's real claims. The page is docs/embedding.md's snippet, copied
 * exactly but for the BEC origin and the token.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Request, Response } from 'playwright-core';
import { freePort, root, startE2e, type E2e } from '../support/e2e.js';

const DOC_ORIGIN = 'https://bec.example.com';
const DOC_TOKEN = 'EMBED_TOKEN_FROM_YOUR_BACK_END';
const USER = 'ops@arrowhead.example';
const PASSWORD = 'bec-demo-2026';

let e2e: E2e;
let host: Server;
let browser: Browser;
let bec = '';
let hostOrigin = '';

/** The snippet of docs/embedding.md, section 1, as written there. */
function documentedSnippet(): string {
  const doc = readFileSync(join(root, 'docs/embedding.md'), 'utf8');
  const m = /<!-- embed-snippet:start -->\s*```html\n([\s\S]*?)```\s*<!-- embed-snippet:end -->/.exec(doc);
  assert.ok(m, 'docs/embedding.md has the embed snippet between its markers');
  return m[1];
}

/** What the portal's back end does: its integration's API token asks BEC for an embed token. */
async function mintEmbedToken(): Promise<string> {
  const signIn = await fetch(`${bec}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: USER, password: PASSWORD }),
  });
  assert.equal(signIn.status, 200);
  const cookie = signIn.headers
    .getSetCookie()
    .find((c) => c.startsWith('bec_session='))!
    .split(';')[0];
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const apiToken = await fetch(`${bec}/api/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
    body: JSON.stringify({ name: 'portal integration', scopes: ['read', 'write'] }),
  });
  assert.equal(apiToken.status, 201);
  const { token } = (await apiToken.json()) as { token: string };
  const embed = await fetch(`${bec}/api/embed/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: '{}',
  });
  assert.equal(embed.status, 201);
  return ((await embed.json()) as { token: string }).token;
}

before(async () => {
  hostOrigin = `http://localhost:${await freePort()}`;
  e2e = await startE2e({
    LOG_REQUESTS: 'false',
    CORS_ORIGINS: hostOrigin,
    EMBED_TOKEN_SECRET: 'e2e-embed-secret-of-at-least-32-characters',
  });
  ({ browser } = e2e);
  bec = e2e.server.base;
});

after(async () => {
  await new Promise((r) => (host ? host.close(r) : r(null)));
  await e2e?.stop();
});

test('the documented snippet, on another site, shows real data through a bearer token', async () => {
  const embedToken = await mintEmbedToken();
  const page = documentedSnippet().replaceAll(DOC_ORIGIN, bec).replace(DOC_TOKEN, embedToken);
  assert.ok(!page.includes('example.com') && page.includes(embedToken));
  host = createHttpServer((req, res) => {
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    if (req.url !== '/portal.html') return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Partner portal</title></head><body>\n${page}\n</body></html>`);
  });
  await new Promise<void>((ok) => host.listen(Number(new URL(hostOrigin).port), '127.0.0.1', ok));

  const ctx = await browser.newContext();
  const tab = await ctx.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const apiCalls: { request: Request; response: Response }[] = [];
  const modules: Response[] = [];
  tab.on('response', (response) => {
    const url = response.url();
    if (url.startsWith(`${bec}/api/`) && response.request().method() !== 'OPTIONS')
      apiCalls.push({ request: response.request(), response });
    if (url.startsWith(`${bec}/dist/`)) modules.push(response);
    if (response.status() === 404) errors.push(`404 ${url}`);
  });

  await tab.goto(`${hostOrigin}/portal.html`);
  const grid = tab.locator('bec-claim-grid');
  await grid.locator('[part="row"]').first().waitFor({ timeout: 20_000 });

  // Real data: the distributor's own claims, and no "sign in first" nor a waiting state left.
  const shown = await grid.evaluate((el) => el.shadowRoot!.textContent ?? '');
  assert.doesNotMatch(shown, /sign in first/i);
  assert.equal(await grid.locator('[part="waiting"]').count(), 0);
  const claims = (await (
    await fetch(`${bec}/api/claims?pageSize=200`, {
      headers: {
        Authorization: apiCalls.find((c) => c.request.url().includes('/api/claims') && c.response.status() === 200)!.request.headers()
          .authorization,
      },
    })
  ).json()) as { items: { number: string; distributorId: number }[] };
  assert.ok(claims.items.length > 0);
  for (const c of claims.items.slice(0, 3)) assert.match(shown, new RegExp(c.number));
  const form = tab.locator('bec-request-form');
  await form.locator('#programId option', { hasText: 'SD-2026' }).waitFor({ state: 'attached', timeout: 10_000 });

  // The module came from BEC's /dist with CORS for this origin, compressed; the hashed file is immutable.
  const entry = modules.find((r) => r.url() === `${bec}/dist/bec.js`)!;
  assert.ok(entry, 'bec.js was loaded from the BEC server');
  const hashed = modules.find((r) => /\/dist\/bec\.[0-9a-f]{16}\.js$/.test(r.url()))!;
  assert.ok(hashed, 'bec.js led to the hashed bundle');
  for (const r of [entry, hashed]) {
    const h = await r.allHeaders();
    assert.equal(h['access-control-allow-origin'], hostOrigin, r.url());
    assert.match(h['content-encoding'] ?? '', /^(br|gzip)$/, r.url());
  }
  assert.match((await hashed.allHeaders())['cache-control'], /immutable/);

  // The exchange, then every API call with the bearer token (no cookie), and each succeeded.
  const exchange = apiCalls.find((c) => c.request.url().endsWith('/api/embed/session'))!;
  assert.equal(exchange.response.status(), 200);
  const after = apiCalls.filter((c) => c.request.timing().startTime >= exchange.request.timing().startTime && c !== exchange);
  const authed = after.filter((c) => (c.request.headers().authorization ?? '').startsWith('Bearer bece_'));
  assert.ok(
    authed.some((c) => c.request.url().includes('/api/claims')),
    'the grid called /api/claims with the bearer token',
  );
  for (const c of authed) {
    assert.ok(c.response.status() < 400, `${c.request.url()} answered ${c.response.status()}`);
    assert.equal((await c.request.allHeaders()).cookie, undefined, 'no cookie is sent');
  }
  // Calls made before the exchange were refused (401) and left the elements waiting, not failed.
  for (const c of apiCalls.filter((x) => !authed.includes(x) && x !== exchange)) assert.equal(c.response.status(), 401, c.request.url());
  assert.deepEqual(
    errors.filter((e) => !/401|Unauthorized/.test(e)),
    [],
  );
  await ctx.close();
});
