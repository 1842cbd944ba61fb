// Component tests in Debian's Chromium (no browser download): see /work/shared/STACK.md.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

const FIXTURES = resolve('test/fixtures');

/**
 * Test fixtures as their bytes: the dev server reads text files as UTF-8 to transform them, which
 * turns a Windows-1252 or UTF-16 fixture into replacement characters before the test sees it.
 */
async function fixtureBytes(ctx, next) {
  const file = resolve('.' + decodeURIComponent(ctx.path));
  if (!ctx.path.startsWith('/test/fixtures/') || !file.startsWith(FIXTURES + sep)) return next();
  ctx.body = await readFile(file);
  ctx.type = 'application/octet-stream';
}

export default {
  files: ['components/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  concurrency: 1,
  middleware: [fixtureBytes],
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: '/usr/lib/chromium/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
      },
    }),
  ],
};
