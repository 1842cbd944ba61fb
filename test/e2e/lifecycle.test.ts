/**
 * End to end in Debian's Chromium against the real server and the demo data: a distributor
 * requests a special price, a channel manager approves it, the distributor uploads POS lines and
 * turns them into a claim, finance adjusts a line and another finance user authorizes the claim.
 * Screenshots of every demo page go to test-results/screenshots/lifecycle/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openDemo, root, sendRequestFromPortal, startE2e, type E2e } from '../support/e2e.js';

const shots = join(root, 'test-results/screenshots/lifecycle');
let e2e: E2e;
let browser: Browser;
let base = '';

before(async () => {
  mkdirSync(shots, { recursive: true });
  e2e = await startE2e();
  ({ browser } = e2e);
  base = e2e.server.base;
});

after(() => e2e?.stop());

/** Opens a demo page signed in as `email` (each user gets a fresh browser context: its own cookie). */
const open = (path: string, email: string, extra = ''): Promise<Page> => openDemo(browser, base, path, email, extra);

async function shot(page: Page, name: string) {
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

test(
  'a request goes from the partner portal through approval, POS upload, adjustment and authorization',
  { timeout: 180_000 },
  async () => {
    // 1. The distributor requests a special price.
    const portal = await open('partner-portal.html', 'ops@arrowhead.example');
    const requestNumber = await sendRequestFromPortal(portal, 'E2E: infusion pump refresh against a rival MCU');
    await shot(portal, 'partner-portal');

    // 2. A channel manager approves it from the keyboard-driven queue.
    const consoleCm = await open('vendor-console.html', 'cm@voltaic.example');
    const queue = consoleCm.locator('bec-approval-queue');
    await queue.locator('[role="option"]', { hasText: requestNumber }).click();
    await queue.locator('#comment').fill('Approved: strategic account');
    await queue.locator('button', { hasText: 'Approve' }).click();
    await queue.locator('[part="confirm"] button', { hasText: 'Approve at the requested price' }).click();
    await queue.locator('.alert', { hasText: `${requestNumber} approved` }).waitFor();
    const authorizationNumber = await consoleCm.evaluate(async (number) => {
      const reqs = await (await fetch('/api/requests?status=approved&pageSize=200')).json();
      const r = reqs.items.find((x: { number: string }) => x.number === number);
      return (await (await fetch(`/api/authorizations/${r.authorizationId}`)).json()).number as string;
    }, requestNumber);
    assert.ok(authorizationNumber, 'the approval created an authorization');

    // 3. The distributor uploads POS lines; the browser checks them first, then the server imports them.
    const csv = [
      'Invoice Number;Invoice Line;Invoice Date;Vendor Part Number;Quantity;Book Cost;Authorized Cost;Authorization Number;End Customer;Debit Memo',
      `E2E-INV-1;1;2026-11-20;VS-MCU-32F4;200;5,2890;4,5000;${authorizationNumber};Helios Medical Devices;E2E-DM-1`,
      `E2E-INV-1;2;20.11.2026;VS-MCU-32F4;100;5,2890;4,5000;${authorizationNumber};Helios Medical Devices;E2E-DM-1`,
      `E2E-INV-2;1;not a date;VS-MCU-32F4;5;5,2890;4,5000;${authorizationNumber};Helios Medical Devices;E2E-DM-1`,
    ].join('\r\n');
    const upload = portal.locator('bec-claim-upload');
    await upload
      .locator('input[type="file"]')
      .setInputFiles({ name: 'arrowhead-pos-nov.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload.locator('[part="preflight"]', { hasText: 'with problems' }).waitFor();
    assert.match((await upload.locator('[part="errors"]').textContent()) ?? '', /date/i, 'the preflight names the bad date before sending');
    await upload.locator('button', { hasText: 'Upload the file (3 rows)' }).click();
    await upload.locator('[role="status"]', { hasText: 'lines imported' }).waitFor({ timeout: 30_000 });
    await upload.locator('button', { hasText: 'Create claims' }).click();
    await upload.locator('[role="status"]', { hasText: 'created' }).waitFor({ timeout: 30_000 });
    await portal.reload();
    await portal.waitForSelector('body[data-ready="true"]');
    await portal.locator('bec-claim-grid#claims-list [part="row"]', { hasText: 'E2E-DM-1' }).dblclick();
    await portal.locator('bec-claim-grid#claim-lines [part="row"]').first().waitFor();
    await shot(portal, 'partner-portal-claims');

    // 4. Finance adjusts a line with a reason.
    const consoleFin = await open('vendor-console.html', 'finance@voltaic.example');
    const list = consoleFin.locator('bec-claim-grid#claims-list');
    await list.locator('#filter').fill('E2E-DM-1');
    await list.locator('[part="row"]', { hasText: 'E2E-DM-1' }).dblclick();
    const lines = consoleFin.locator('bec-claim-grid#claim-lines');
    const listRow = list.locator('[part="row"]', { hasText: 'E2E-DM-1' });
    const rowBefore = await listRow.innerText();
    await lines.locator('[part="row"]').first().locator('button.why').click();
    await lines.locator('#adj-amount').fill('70.00');
    await lines.locator('#adj-reason').fill('Partial return, RMA 9001');
    await lines.locator('button', { hasText: 'Save adjustment' }).click();
    await lines.locator('[role="status"]', { hasText: 'adjusted' }).waitFor();
    // The claims list above shows the claim's new approved total without a reload.
    const approved = await consoleFin.evaluate(async () => {
      const r = await (await fetch('/api/claims?pageSize=200')).json();
      const total = r.items.find((c: { debitMemoNumber: string }) => c.debitMemoNumber === 'E2E-DM-1')?.approvedTotal as string;
      return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(Number(total));
    });
    await listRow.filter({ hasText: approved }).waitFor({ timeout: 10_000 });
    assert.notEqual(await listRow.innerText(), rowBefore);
    await shot(consoleFin, 'vendor-console-adjusted');

    // 5. Another finance user authorizes it (no one approves their own adjustment).
    const consoleFin2 = await open('vendor-console.html', 'finance2@voltaic.example');
    const list2 = consoleFin2.locator('bec-claim-grid#claims-list');
    await list2.locator('#filter').fill('E2E-DM-1');
    await list2.locator('[part="row"]', { hasText: 'E2E-DM-1' }).dblclick();
    await consoleFin2.locator('#claim-bar button[data-action="authorize"]:not([disabled])').click();
    await consoleFin2.locator('#claim-bar .status', { hasText: 'authorized' }).waitFor();
    const status = await consoleFin2.evaluate(async () => {
      const r = await (await fetch('/api/claims?pageSize=200')).json();
      return r.items.find((c: { debitMemoNumber: string }) => c.debitMemoNumber === 'E2E-DM-1')?.status;
    });
    assert.equal(status, 'authorized');

    // Screenshots of every demo page.
    const admin = await open('vendor-console.html', 'admin@voltaic.example');
    await shot(admin, 'vendor-console');
    await shot(await open('vendor-console.html', 'admin@voltaic.example', '&theme=dark'), 'vendor-console-dark');
    await shot(await open('lightning-record.html', 'cm@voltaic.example'), 'lightning-record');
    await shot(await open('intranet.html', 'finance@voltaic.example'), 'intranet');
    const landing = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await landing.goto(`${base}/`);
    await shot(landing, 'index');
  },
);
