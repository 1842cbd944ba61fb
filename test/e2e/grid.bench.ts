/**
 * The claim grid in Chromium with 100,000 lines: time to first render and time for a full scroll,
 * frame by frame. Run: `node --import tsx test/e2e/grid.bench.ts` (builds dist/ first).
 * Prints one JSON object as the last line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const LINES = Number(process.argv[process.argv.indexOf('--lines') + 1]) || 100_000;
if (spawnSync('npx', ['rollup', '-c', 'rollup.config.js'], { cwd: root, stdio: 'ignore' }).status !== 0) throw new Error('build failed');

const page = `<!doctype html><html><body style="margin:0;font-family:sans-serif">
<bec-claim-grid id="g" style="--bec-grid-height: 40rem"></bec-claim-grid>
<script type="module">
  import '/dist/bec.js';
  const verdicts = ['accepted', 'partial', 'rejected', 'pending', 'adjusted'];
  const lines = Array.from({ length: ${LINES} }, (_, i) => ({
    id: i + 1, lineNumber: i + 1, authorizationNumber: 'SD-2026-' + (i % 500), vendorPartNumber: 'VS-MCU-' + (i % 97),
    endCustomerName: 'Customer ' + (i % 300), invoiceNumber: 'INV-' + String(i).padStart(7, '0'), invoiceLine: '1',
    invoiceDate: '2026-11-02', quantity: 100 + (i % 50), bookCost: '5.2890', authorizedCost: '4.1000',
    claimedAmount: (118 + (i % 7)) + '.' + String(i % 100).padStart(2, '0') + '00', computedAmount: '118.9000',
    approvedAmount: '118.9000', verdict: verdicts[i % 5], reasonCodes: [], rule: 'credit', verdictInputs: null,
  }));
  window.runBench = async () => {
    const g = document.getElementById('g');
    await customElements.whenDefined('bec-claim-grid');
    const t0 = performance.now();
    g.lines = lines;
    await g.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const firstRender = performance.now() - t0;
    const vp = g.shadowRoot.querySelector('.viewport');
    const frames = [];
    const s0 = performance.now();
    let last = s0;
    const step = vp.clientHeight * 2;
    while (vp.scrollTop + vp.clientHeight < vp.scrollHeight - 1) {
      vp.scrollTop += step;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    const fullScroll = performance.now() - s0;
    vp.scrollTop = 0;
    const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const timed = async (act, done) => {
      const t = performance.now();
      act();
      const sync = performance.now() - t;
      while (!done()) await new Promise((r) => setTimeout(r, 5));
      await g.updateComplete;
      await settle();
      return [sync, performance.now() - t];
    };
    const root = g.shadowRoot;
    const [, groupBy] = await timed(() => { g.groupBy = 'verdict'; }, () => !!root.querySelector('[part="group-row"]'));
    const [, ungroup] = await timed(() => { g.groupBy = 'none'; }, () => !root.querySelector('[part="group-row"]'));
    const sortButton = () => [...root.querySelectorAll('[role="columnheader"] button')].find((b) => b.textContent.trim().startsWith('Claimed'));
    const [, sort] = await timed(() => sortButton().click(), () => root.querySelector('[aria-sort="ascending"]') !== null);
    const [, sortBack] = await timed(() => sortButton().click(), () => root.querySelector('[aria-sort="descending"]') !== null);
    const filter = root.querySelector('#filter');
    const before = g.visibleRows.length;
    const [filterKeystroke, filter1] = await timed(() => { filter.value = 'Customer 12'; filter.dispatchEvent(new Event('input')); }, () => g.visibleRows.length !== before);
    const [, clearFilter] = await timed(() => { filter.value = ''; filter.dispatchEvent(new Event('input')); }, () => g.visibleRows.length === before);
    frames.sort((a, b) => a - b);
    const rowsInDom = g.shadowRoot.querySelectorAll('[part="row"]').length;
    const lastRow = g.shadowRoot.querySelectorAll('[part="row"]')[rowsInDom - 1]?.textContent.includes('INV-' + String(${LINES} - 1).padStart(7, '0'));
    return { firstRender, fullScroll, groupBy, ungroup, sort, sortBack, filterKeystroke, filter: filter1, clearFilter, frames: frames.length, p50Frame: frames[Math.floor(frames.length / 2)], p95Frame: frames[Math.floor(frames.length * 0.95)], maxFrame: frames[frames.length - 1], rowsInDom, reachedEnd: !!lastRow };
  };
</script></body></html>`;

const server = createServer((req, res) => {
  if (req.url === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
  try {
    const body = readFileSync(join(root, req.url!.split('?')[0]));
    res.writeHead(200, { 'Content-Type': req.url!.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({
  executablePath: '/usr/lib/chromium/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
tab.on('crash', () => console.error('page crashed'));
tab.on('pageerror', (e) => console.error('pageerror', e.message));
await tab.goto(`http://127.0.0.1:${port}/`);
await tab.waitForFunction(() => 'runBench' in window);
const result = await tab.evaluate(() => (window as unknown as { runBench: () => Promise<Record<string, number>> }).runBench());
await browser.close();
server.close();
const round = (n: number) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify({
    bench: 'claim-grid',
    lines: LINES,
    ...Object.fromEntries(Object.entries(result).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
  }),
);
