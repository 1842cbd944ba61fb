/**
 * Every demo page in Debian's Chromium against the real server and the demo data, at 1440 × 900
 * and at 390 × 844 (a phone): a screenshot of each (test-results/screenshots/, kept by CI as an
 * artifact), no horizontal scrolling on the phone, and axe-core (injected from node_modules, no
 * network) finding no serious or critical violation.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { root, startE2e, type E2e } from '../support/e2e.js';

const shots = join(root, 'test-results/screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let e2e: E2e;
let browser: Browser;
let base = '';

/** Each demo page, as the user it is shown to (the page signs in as `?as=`). */
const PAGES = [
  { name: 'index', path: '', user: null },
  { name: 'vendor-console', path: 'vendor-console.html', user: 'admin@voltaic.example' },
  { name: 'partner-portal', path: 'partner-portal.html', user: 'ops@arrowhead.example' },
  { name: 'lightning-record', path: 'lightning-record.html', user: 'cm@voltaic.example' },
  { name: 'intranet', path: 'intranet.html', user: 'finance@voltaic.example' },
] as const;
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

before(async () => {
  mkdirSync(shots, { recursive: true });
  e2e = await startE2e();
  ({ browser } = e2e);
  base = e2e.server.base;
});

after(() => e2e?.stop());

/** Opens a page in a fresh context (its own cookie) and waits until its components have loaded. */
async function open(path: string, user: string | null, viewport: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/${path}${user ? `?as=${encodeURIComponent(user)}` : ''}`);
  if (user) await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400); // charts draw at their measured width on the next frame
  assert.deepEqual(errors, [], `${path} runs without script errors`);
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core over the whole page, shadow roots included; the serious and critical violations. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (script-src 'self') stays on.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const describe = (vs: AxeViolation[]) =>
  vs
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');

for (const p of PAGES) {
  for (const viewport of VIEWPORTS) {
    test(
      `${p.name} at ${viewport.width} px: screenshot, no sideways scrolling, no serious axe violation`,
      { timeout: 60_000 },
      async () => {
        const page = await open(p.path, p.user, viewport);
        await page.screenshot({ path: join(shots, `${p.name}-${viewport.width}.png`), fullPage: true });
        const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        assert.ok(width <= viewport.width, `${p.name} is ${width} px wide at ${viewport.width} px: it scrolls sideways`);
        const violations = await seriousViolations(page);
        assert.equal(violations.length, 0, `${p.name} at ${viewport.width} px:\n${describe(violations)}`);
        await page.context().close();
      },
    );
  }
}

test(
  'on a phone, a distributor claims a line with the claim form: the claim is linked whole, the list refreshes, the link opens it',
  { timeout: 90_000 },
  async () => {
    const page = await open('partner-portal.html', 'ops@arrowhead.example', VIEWPORTS[1]);
    // One of the distributor's own authorization lines, claimed inside its validity.
    const line = (await page.evaluate(`(async () => {
    const auths = (await (await fetch('/api/authorizations?status=active&pageSize=200')).json()).items;
    const customers = (await (await fetch('/api/accounts?type=end_customer')).json()).items;
    const a = auths.find((x) => x.lines.length);
    const l = a.lines[0];
    return { number: a.number, part: l.vendorPartNumber, cost: l.authorizedCost, book: l.bookCost, date: l.validFrom,
      customer: customers.find((c) => c.id === l.endCustomerId)?.name ?? '' };
  })()`)) as { number: string; part: string; cost: string; book: string; date: string; customer: string };
    const form = page.locator('bec-claim-form');
    const invoice = `PAGES-${Date.now()}`;
    const fields: [string, string][] = [
      ['authorizationNumber', line.number],
      ['vendorPartNumber', line.part],
      ['quantity', '2'],
      ['invoiceNumber', invoice],
      ['invoiceLine', '1'],
      ['invoiceDate', line.date],
      ['endCustomerName', line.customer],
      ['bookCost', line.book],
      ['authorizedCost', line.cost],
    ];
    for (const [field, value] of fields) await form.locator(`#l1-${field}`).fill(value);
    await form.locator('fieldset .badge', { hasText: 'ready' }).waitFor();
    await form.locator('button[type="submit"]', { hasText: 'Submit claim (1 line)' }).click();
    const link = form.locator('[part="result"] a');
    await link.waitFor({ timeout: 20_000 });
    const number = (await link.textContent())!.trim();
    assert.match(number, /^CLM-\d{4}-[0-9A-Z]+$/);
    const box = (await link.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= VIEWPORTS[1].width, 'the claim link is on the screen');
    assert.equal(
      await link.evaluate((a) => a.scrollWidth <= a.clientWidth + 1 || a.getClientRects().length > 1),
      true,
      'the number is not cut',
    );
    // becclaimscreated: the page's claim list loads again and lists it
    const row = page.locator('bec-claim-grid#claims-list [part="row"]', { hasText: number }).first();
    await row.waitFor({ timeout: 10_000 });
    // the grid shows the whole claim number on a phone (its column is as wide as a number)
    const cell = row.locator('[role="gridcell"]', { hasText: number }).first();
    assert.equal(await cell.evaluate((c) => c.scrollWidth <= c.clientWidth), true, `${number} is whole in the claim list`);
    // the list scrolls inside itself, and its one tab stop (the grid) is what scrolls
    const grid = page.locator('bec-claim-grid#claims-list [role="grid"]');
    assert.equal(await grid.getAttribute('tabindex'), '0');
    assert.equal(await grid.evaluate((g) => g.scrollWidth > g.clientWidth), true, 'the claim list scrolls sideways inside itself');
    await grid.focus();
    await page.keyboard.press('End');
    assert.ok((await grid.evaluate((g) => g.scrollLeft)) > 0, 'End moves to the last column and brings it into view');
    await link.click();
    await page.locator('#claim-bar .status', { hasText: number }).waitFor({ timeout: 10_000 });
    await page
      .locator('bec-claim-grid#claim-lines [part="row"]', { hasText: invoice.slice(0, 10) })
      .first()
      .waitFor({ timeout: 10_000 });
    assert.ok((await page.evaluate(() => document.scrollingElement!.scrollWidth)) <= VIEWPORTS[1].width);
    await page.screenshot({ path: join(shots, 'partner-portal-claim-form-390.png'), fullPage: true });
    await page.context().close();
  },
);
