/**
 * The dispute journey end to end, in Debian's Chromium against the real server and the demo data:
 * the distributor opens a claim in the partner portal, reads why a line was cut, disputes it with a
 * comment and a corrected amount; finance finds the dispute on the line in the vendor console and
 * decides it with a comment; the distributor reads the decision in the thread.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'test-results/screenshots/disputes');
let server: ChildProcess;
let browser: Browser;
let base = '';
let dataDir = '';

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

before(async () => {
  if (!existsSync(join(root, 'dist/bec.js')) || process.env.E2E_BUILD !== '0') {
    const b = spawnSync('npx', ['rollup', '-c', 'rollup.config.js'], { cwd: root, stdio: 'inherit' });
    assert.equal(b.status, 0, 'the component bundle builds');
  }
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'bec-e2e-disputes-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The server runs in its own process group, so that stopping it stops every process it started
  // (a SIGTERM to a wrapper such as npx alone would leave the real server running and this test hanging).
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dataDir, 'db.sqlite')}`, PORT: String(port), NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stderr!.on('data', (d) => process.stderr.write(`[server] ${d}`));
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await chromium.launch({
    executablePath: '/usr/lib/chromium/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  if (server?.pid) {
    const exited = new Promise((r) => server.once('exit', r));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Opens a demo page signed in as `email` (each user gets a fresh browser context: its own cookie). */
async function open(path: string, email: string, extra = ''): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`[${path}] ${e.message}`));
  await page.goto(`${base}/${path}?as=${encodeURIComponent(email)}${extra}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  return page;
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** Runs an API call in the page, with the session's CSRF token (a cookie session's writes need it). */
async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/session')).json();
      const res = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken ?? '' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body },
  );
}

test(
  'a distributor disputes a cut line with a comment; finance decides it; the thread stays on the line',
  { timeout: 180_000 },
  async () => {
    // A claim with one line claimed above what its authorization gives: the rules cut it.
    const portal = await open('partner-portal.html', 'ops@arrowhead.example');
    const auths = await call<{ items: { number: string; lines: { vendorPartNumber: string }[] }[] }>(portal, 'GET', '/api/authorizations');
    const auth = auths.body.items.find((a) => a.lines.length === 1 && a.lines[0]!.vendorPartNumber === 'VS-ETH-PHY');
    assert.ok(auth, 'the demo data has the one-line VS-ETH-PHY authorization');
    const created = await call<{ lines: { verdict: string; approvedAmount: string; claimedAmount: string }[] }>(
      portal,
      'POST',
      '/api/claims',
      {
        submit: true,
        debitMemoNumber: 'E2E-DISPUTE-1',
        lines: [
          {
            authorizationNumber: auth.number,
            vendorPartNumber: 'VS-ETH-PHY',
            endCustomerName: 'Cascade Robotics',
            invoiceNumber: 'E2E-DSP-1',
            invoiceLine: '1',
            invoiceDate: '2026-10-20',
            quantity: 10,
            bookCost: '3.8950',
            authorizedCost: '3.2000',
            claimedAmount: '9.0000',
          },
        ],
      },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.lines[0]!.approvedAmount, '6.9500', 'the line is cut to the authorized credit');

    // 1. The distributor opens the claim with one click and reads why, in words.
    await portal.reload();
    await portal.waitForSelector('body[data-ready="true"]');
    await portal.locator('bec-claim-grid#claims-list [part="row"]', { hasText: 'E2E-DISPUTE-1' }).click();
    const lines = portal.locator('bec-claim-grid#claim-lines');
    await lines.locator('[part="row"]').first().click();
    const detail = lines.locator('bec-claim-line-detail');
    await detail.locator('[part="explanation"]', { hasText: 'You claimed $9.00' }).waitFor();
    assert.equal(await detail.locator('details.internal').count(), 0, 'no internal fields for the distributor');

    // 2. It disputes the line with a comment and the corrected amount.
    await detail.locator('#dispute-comment').fill('Our invoice copy shows 9.00 of credit agreed with the channel manager');
    await detail.locator('#dispute-amount').fill('9.00');
    await detail.locator('form.dispute button[type="submit"]').click();
    await detail.locator('[part="thread"]', { hasText: 'Our invoice copy shows' }).waitFor();
    await shot(portal, 'partner-portal-dispute');

    // 3. Finance sees the dispute on the line and rejects it with a comment.
    const consoleFin = await open('vendor-console.html', 'finance@voltaic.example');
    const list = consoleFin.locator('bec-claim-grid#claims-list');
    await list.locator('#filter').fill('E2E-DISPUTE-1');
    await list.locator('[part="row"]', { hasText: 'E2E-DISPUTE-1' }).click();
    const finLines = consoleFin.locator('bec-claim-grid#claim-lines');
    await finLines.locator('[part="row"]').first().click();
    const finDetail = finLines.locator('bec-claim-line-detail');
    await finDetail.locator('[part="thread"]', { hasText: 'Our invoice copy shows' }).waitFor();
    assert.equal(await finDetail.locator('details.internal').count(), 1, 'finance can open the internal details');
    await finDetail.locator('#decision-comment').fill('The authorization caps the credit at 6.95');
    await finDetail.locator('button', { hasText: 'Reject dispute' }).click();
    await finDetail.locator('[part="thread"]', { hasText: 'The authorization caps the credit at 6.95' }).waitFor();
    await shot(consoleFin, 'vendor-console-dispute');

    // 4. The distributor reads the decision in the thread kept on the line.
    await portal.reload();
    await portal.waitForSelector('body[data-ready="true"]');
    await portal.locator('bec-claim-grid#claims-list [part="row"]', { hasText: 'E2E-DISPUTE-1' }).click();
    await lines.locator('[part="row"]').first().click();
    await detail.locator('[part="thread"]', { hasText: 'The authorization caps the credit at 6.95' }).waitFor();
    assert.match((await detail.locator('[part="thread"]').textContent()) ?? '', /Rejected/);
  },
);
