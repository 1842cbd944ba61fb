/**
 * Issue 16, part 5, end to end in Debian's Chromium against the real server and the demo data: a
 * channel manager opens a rebate program in the builder, adds a tier, saves, and asks the what-if
 * ("if Arrowhead sells 12,000 more units this quarter"); the distributor sees its progress.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildBundle, launchChromium, openDemo, startBecServer, type BecServer } from '../support/e2e.js';

let server: BecServer;
let browser: Browser;

before(async () => {
  buildBundle();
  server = await startBecServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const open = (path: string, email: string): Promise<Page> => openDemo(browser, server.base, path, email);

test('a channel manager builds a tiered rebate and previews what 12,000 more units pay', { timeout: 120_000 }, async () => {
  const page = await open('vendor-console.html#rebates', 'cm@voltaic.example');
  const builder = page.locator('bec-rebate-builder');
  await builder.locator('#f-program option', { hasText: 'Microcontroller tiers 2026' }).waitFor({ state: 'attached' });
  await builder.locator('#f-program').selectOption({ label: 'Microcontroller tiers 2026' });
  await builder.locator('#f-kind').waitFor();
  // The chosen program's terms arrive after the choice: wait for them (the first program's may land first).
  for (let tries = 0; tries < 100 && (await builder.locator('#f-kind').inputValue()) !== 'tiered'; tries++) await page.waitForTimeout(100);
  assert.equal(await builder.locator('#f-kind').inputValue(), 'tiered');
  // A tier that starts where another does is refused in the browser, by core's rule.
  const tiers = builder.locator('[part="tiers"] input[id$="-from"]');
  const count = await tiers.count();
  await builder.getByRole('button', { name: 'Add a tier' }).click();
  await builder.locator(`#tier-${count}-from`).fill((await tiers.first().inputValue()) || '0');
  await builder.locator(`#tier-${count}-rate`).fill('0.5');
  await builder.locator('[part="save"]').click();
  await builder.locator('[part="problems"]', { hasText: 'two tiers start at the same value' }).waitFor();
  // A new top tier at 20,000 units is saved.
  await builder.locator(`#tier-${count}-from`).fill('20000');
  const saved = page.waitForResponse((r) => r.url().includes('/api/rebates/programs/') && r.request().method() === 'PUT');
  await builder.locator('[part="save"]').click();
  assert.equal((await saved).status(), 200);
  // What if Arrowhead sells 12,000 more microcontrollers this quarter?
  await builder.locator('#w-distributor').selectOption({ label: 'Arrowhead Components' });
  const mcu = builder.locator('#w-product option', { hasText: 'VS-MCU-32F4' });
  await builder.locator('#w-product').selectOption({ label: (await mcu.textContent())!.trim() });
  await builder.locator('#w-quantity').fill('12000');
  await builder.getByRole('button', { name: 'Preview' }).click();
  const answer = builder.locator('[part="answer"]');
  await answer.waitFor();
  assert.match(
    (await answer.textContent()) ?? '',
    /^If Arrowhead Components sells 12,000 more units this period, the rebate is \$[\d,]+\.\d\d \(now \$[\d,]+\.\d\d, \$[\d,]+\.\d\d more\)\.$/,
  );
  await page.close();
});

test('the distributor sees its rebate progress to the next tier', { timeout: 60_000 }, async () => {
  const page = await open('partner-portal.html#rebates', 'ops@arrowhead.example');
  const progress = page.locator('bec-rebate-progress [part="program"]', { hasText: 'Microcontroller tiers 2026' });
  await progress.waitFor();
  assert.match((await progress.locator('[part="message"]').textContent()) ?? '', /units to the next tier|Every threshold reached/);
  await page.close();
});
