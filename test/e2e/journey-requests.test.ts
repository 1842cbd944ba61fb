/**
 * The journeys of issue 14 item 1, end to end in Debian's Chromium against the real server and
 * the demo data: a distributor's request countered by a channel manager and accepted from the
 * distributor's list; finance's work queue, where the person who adjusted a line sees Authorize
 * disabled with the reason, and another finance user authorizes.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildBundle, launchChromium, openDemo, sendRequestFromPortal, startBecServer, type BecServer } from '../support/e2e.js';

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

test(
  'a distributor sends a request, a channel manager counters it, the distributor accepts the counter from its list',
  { timeout: 120_000 },
  async () => {
    // 1. The distributor sends a request; its list shows it at once, pending.
    const portal = await open('partner-portal.html', 'ops@arrowhead.example');
    const number = await sendRequestFromPortal(portal);
    const list = portal.locator('bec-request-list');
    const mine = list.locator('[part="item"]', { hasText: number });
    await mine.locator('.badge', { hasText: 'Pending' }).waitFor();

    // 2. A channel manager counters it from the queue, with a counter price and a comment.
    const consoleCm = await open('vendor-console.html', 'cm@voltaic.example');
    const queue = consoleCm.locator('bec-approval-queue');
    await queue.locator('[role="option"]', { hasText: number }).click();
    await queue.locator('input[aria-label^="Counter cost"]').first().fill('4.80');
    await queue.locator('#comment').fill('We can do 4.80 for this volume');
    await queue.getByRole('button', { name: 'Counter', exact: true }).click();
    await queue.locator('.alert', { hasText: `${number} countered` }).waitFor();

    // 3. The distributor sees the counter price and comment in its list, and accepts it.
    await portal.reload();
    await portal.waitForSelector('body[data-ready="true"]');
    const countered = list.locator('[part="item"]', { hasText: number });
    await countered.locator('.badge', { hasText: 'Countered' }).waitFor();
    const counter = countered.locator('[part="counter"]');
    assert.match((await counter.textContent()) ?? '', /\$4,800\.00/, 'the counter-offer names its value (1,000 x 4.80)');
    assert.match((await counter.textContent()) ?? '', /We can do 4\.80 for this volume/);
    await counter.getByRole('button', { name: 'Accept counter-offer' }).click();

    // 4. The request shows approved at the counter price, and its authorization carries it.
    await countered.locator('.badge', { hasText: 'Approved' }).waitFor();
    assert.match((await countered.locator('.value').textContent()) ?? '', /\$4,800\.00/);
    const authorized = await portal.evaluate(async (n) => {
      const reqs = await (await fetch('/api/requests?status=approved&pageSize=200')).json();
      const r = reqs.items.find((x: { number: string }) => x.number === n);
      const auth = await (await fetch(`/api/authorizations/${r.authorizationId}`)).json();
      return auth.lines.map((l: { authorizedCost: string }) => l.authorizedCost);
    }, number);
    assert.deepEqual(authorized, ['4.8000']);
  },
);

test(
  'finance works its queue: the person who adjusted sees Authorize disabled with the reason, another authorizes',
  { timeout: 120_000 },
  async () => {
    // 1. Finance's work queue lists claims waiting for it.
    const fin = await open('vendor-console.html', 'finance@voltaic.example');
    const queue = fin.locator('bec-finance-queue');
    const first = queue.locator('[data-section="review"] [part="item"], [data-section="authorize"] [part="item"]').first();
    await first.waitFor();
    const claimNumber = ((await first.locator('.open').textContent()) ?? '').trim();
    assert.ok(claimNumber, 'a claim waits for finance');

    // 2. Finance adjusts one of its lines (through the page's API client, with a reason).
    await fin.evaluate(async (n) => {
      const bundle = '/dist/bec.js';
      const { apiFor } = await import(bundle);
      const api = apiFor('');
      const claims = await api.claims({ status: 'submitted', pageSize: 200 });
      const claim = claims.items.find((c: { number: string }) => c.number === n);
      const {
        items: [line],
      } = await api.claimLines(claim.id, 0, 1);
      await api.adjustLine(claim.id, line.id, '0.5000', 'E2E: partial return, RMA 4242');
    }, claimNumber);

    // 3. In the queue, Authorize is disabled for this person, with the reason beside it.
    await fin.reload();
    await fin.waitForSelector('body[data-ready="true"]');
    const row = queue.locator('[part="item"]', { hasText: claimNumber });
    const authorize = row.getByRole('button', { name: 'Authorize' });
    await authorize.waitFor();
    assert.equal(await authorize.isDisabled(), true, 'the person who adjusted may not authorize');
    assert.equal(
      ((await row.locator('[part="reason"]').textContent()) ?? '').trim(),
      'You adjusted a line of this claim; another finance user must authorize it.',
    );

    // 4. Another finance user authorizes it from the same queue; it moves to "To pay".
    const fin2 = await open('vendor-console.html', 'finance2@voltaic.example');
    const queue2 = fin2.locator('bec-finance-queue');
    const row2 = queue2.locator('[part="item"]', { hasText: claimNumber });
    await row2.getByRole('button', { name: 'Authorize' }).click();
    await queue2.locator('[data-section="pay"] [part="item"]', { hasText: claimNumber }).waitFor();
    const status = await fin2.evaluate(async (n) => {
      const r = await (await fetch('/api/claims?pageSize=200')).json();
      return r.items.find((c: { number: string }) => c.number === n)?.status;
    }, claimNumber);
    assert.equal(status, 'authorized');
  },
);

test(
  "on a CRM record page the approval queue shows that record's requests only, never the approver's own",
  { timeout: 60_000 },
  async () => {
    const record = await open('lightning-record.html', 'cm@voltaic.example');
    const queue = record.locator('bec-approval-queue');
    await queue.locator('[role="option"]').first().waitFor();
    const shown = await queue.locator('[role="option"] .item-sub').allTextContents();
    const customers = shown.filter((t) => t.includes('→'));
    assert.ok(customers.length > 0, 'the record has pending requests');
    for (const c of customers) assert.match(c, /→ Cascade Robotics$/, 'only requests of the record’s account');
    // The record's requests, every status, each approved one with the authorization it made.
    const requests = record.locator('bec-request-list [part="item"]');
    await requests.first().waitFor();
    const history = await requests.evaluateAll((items) =>
      items.map((i) => ({
        status: i.getAttribute('data-status'),
        customer: i.querySelector('.sub')!.textContent!.replace(/\s+/g, ' '),
        authorization: i.querySelector('[part="authorization"]')?.textContent!.replace(/\s+/g, ' ').trim() ?? null,
      })),
    );
    for (const h of history) assert.match(h.customer, /End customer: Cascade Robotics/, 'only requests of the record’s account');
    const approved = history.filter((h) => h.status === 'approved');
    assert.ok(approved.length > 0, 'the record has approved requests');
    for (const h of approved)
      assert.match(h.authorization ?? '', /^Authorization \S+, valid .+ to .+/, 'an approval names its authorization');
    for (const h of history.filter((x) => x.status === 'pending')) assert.equal(h.authorization, null);
    // The approver requests a price on a distributor's behalf: it is pending, and not in its own queue.
    const consoleCm = await open('vendor-console.html', 'cm@voltaic.example');
    const own = await consoleCm.evaluate(async () => {
      const bundle = '/dist/bec.js';
      const { apiFor, newIdempotencyKey } = await import(bundle);
      const api = apiFor('');
      const program = (await api.programs()).find((p: { code: string }) => p.code === 'SD-2026');
      const [customer] = await api.accounts('end_customer', 'Helios');
      const [distributor] = await api.accounts('distributor', 'Arrowhead');
      const product = (await api.products('VS-MCU-32F4'))[0];
      const r = await api.createRequest(
        {
          programId: program.id,
          distributorId: distributor.id,
          endCustomerId: customer.id,
          validFrom: '2026-11-01',
          validTo: '2027-03-31',
          lines: [{ productId: product.id, quantity: 100, requestedCost: '4.9000' }],
        },
        newIdempotencyKey(),
      );
      return r.number as string;
    });
    await consoleCm.reload();
    await consoleCm.waitForSelector('body[data-ready="true"]');
    const options = consoleCm.locator('bec-approval-queue [role="option"]');
    await options.first().waitFor();
    const listed = await consoleCm.locator('bec-approval-queue [role="option"] .item-top span:first-child').allTextContents();
    assert.ok(!listed.includes(own), `the approver's own request ${own} is not in its queue`);
    // The console queue is not scoped to a record: other customers' requests are there.
    const all = await consoleCm.locator('bec-approval-queue [role="option"] .item-sub').allTextContents();
    assert.ok(
      all.some((t) => t.includes('→') && !t.includes('Cascade Robotics')),
      'the console queue lists other customers',
    );
    // Another approver sees it.
    const consoleCm2 = await open('vendor-console.html', 'cm2@voltaic.example');
    await consoleCm2.locator('bec-approval-queue [role="option"]', { hasText: own }).waitFor();
  },
);
