/**
 * What every end-to-end test starts with: the component bundle built, the real server on a free
 * port with its own SQLite file and the demo data, and Debian's Chromium (no browser download).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Builds dist/ (skipped with E2E_BUILD=0 when it exists). */
export function buildBundle(): void {
  if (existsSync(join(root, 'dist/bec.js')) && process.env.E2E_BUILD === '0') return;
  const b = spawnSync('npx', ['rollup', '-c', 'rollup.config.js'], { cwd: root, stdio: 'inherit' });
  assert.equal(b.status, 0, 'the component bundle builds');
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  stop(): Promise<void>;
}

/** Starts server/main.ts (development: demo data) on `port` with a fresh SQLite file; resolves once /api/health answers. */
export async function startServer(env: Record<string, string> = {}, port?: number): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bec-e2e-'));
  const p = port ?? (await freePort());
  const base = `http://127.0.0.1:${p}`;
  // Its own process group, so that stopping it stops every process it started (a SIGTERM to a
  // wrapper such as npx alone would leave the real server running and the test hanging).
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dataDir, 'db.sqlite')}`, PORT: String(p), NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stderr!.on('data', (d) => process.stderr.write(`[server] ${d}`));
  const stop = async () => {
    if (server.pid && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the server did not answer ${base}/api/health`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/lib/chromium/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}

export interface E2e {
  server: RunningServer;
  browser: Browser;
  stop(): Promise<void>;
}

/** The bundle built, the server and Chromium started: what a test's `before` needs; `stop()` in its `after`. */
export async function startE2e(env: Record<string, string> = {}): Promise<E2e> {
  buildBundle();
  const server = await startServer(env);
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
