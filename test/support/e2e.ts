/**
 * What the end-to-end tests share: a free port, the real server on a fresh SQLite file in its
 * own process group, Debian's Chromium, and a demo page signed in as a demo user.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Builds dist/ unless `E2E_BUILD=0` says it is built already. */
export function buildBundle() {
  if (!existsSync(join(root, 'dist/bec.js')) || process.env.E2E_BUILD !== '0') {
    const b = spawnSync('npx', ['rollup', '-c', 'rollup.config.js'], { cwd: root, stdio: 'inherit' });
    assert.equal(b.status, 0, 'the component bundle builds');
  }
}

export interface BecServer {
  base: string;
  /** Stops the server and every process it started, and removes its database. */
  stop(): Promise<void>;
}

/** The real server on a fresh SQLite database and a free port, with the demo data; `env` adds configuration. */
export async function startBecServer(env: Record<string, string> = {}): Promise<BecServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bec-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Its own process group, so that stopping it stops every process it started (a SIGTERM to a
  // wrapper such as npx alone would leave the real server running and the test hanging).
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dataDir, 'db.sqlite')}`, PORT: String(port), NODE_ENV: 'development', ...env },
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
  return {
    base,
    async stop() {
      if (server.pid) {
        const exited = new Promise((r) => server.once('exit', r));
        process.kill(-server.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/lib/chromium/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}

/** Opens a demo page signed in as `email`, in a fresh browser context (its own cookie). */
export async function openDemo(browser: Browser, base: string, path: string, email: string, extra = ''): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`[${path}] ${e.message}`));
  await page.goto(`${base}/${path}?as=${encodeURIComponent(email)}${extra}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  return page;
}

/**
 * Sends a special-price request from the partner portal's `<bec-request-form>` (SD-2026, Helios
 * Medical Devices, 1,000 VS-MCU-32F4 at 4.50) and returns its number once the form says it was sent.
 */
export async function sendRequestFromPortal(portal: Page, justification?: string): Promise<string> {
  const form = portal.locator('bec-request-form');
  await form.locator('#programId option', { hasText: 'SD-2026' }).waitFor({ state: 'attached' });
  await form.locator('#programId').selectOption({ label: 'SD-2026 · Ship & Debit 2026' });
  await form.locator('#endCustomerId').selectOption({ label: 'Helios Medical Devices (US)' });
  await form.locator('#validFrom').fill('2026-11-01');
  await form.locator('#validTo').fill('2027-03-31');
  await form.locator('input[aria-label="Product, line 1"]').fill('VS-MCU-32F4');
  await form.locator('input[aria-label="Quantity, line 1"]').fill('1000');
  await form.locator('input[aria-label="Target price, line 1"]').fill('4.50');
  if (justification) await form.locator('#justification').fill(justification);
  await form.locator('button[type="submit"]').click();
  const sent = form.locator('[role="status"]', { hasText: 'sent for approval' });
  await sent.waitFor();
  return /Request (\S+) sent/.exec((await sent.textContent()) ?? '')![1];
}

export interface E2e {
  server: BecServer;
  browser: Browser;
  stop(): Promise<void>;
}

/** The bundle built, the server and Chromium started: what a test's `before` needs; `stop()` in its `after`. */
export async function startE2e(env: Record<string, string> = {}): Promise<E2e> {
  buildBundle();
  const server = await startBecServer(env);
  const browser = await launchChromium();
  return {
    server,
    browser,
    stop: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
