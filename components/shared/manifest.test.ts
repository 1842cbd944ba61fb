/**
 * custom-elements.json (written by `npm run build`'s `cem analyze` from each class's JSDoc) against
 * the elements themselves: every `part` an element renders is documented, every documented part is
 * rendered or at least written in its templates, every event is typed, and every documented slot
 * is a <slot> it renders (and the reverse). Each element is rendered waiting for credentials and
 * with data, then opened where a click opens more (a row's detail, a selection).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../index.js';
import '../admin.js';
import { makeAccruals, makeApprovalContext, makeClaim, makeProgram, makeRequest, masterAccount, problem, stubFetch } from './test-data.js';
import { configureApi } from './api.js';
import { buildReport } from '../../core/analytics/reports.js';

interface Named {
  name: string;
  type?: { text: string };
}
interface Declaration {
  customElement?: boolean;
  tagName?: string;
  cssParts?: Named[];
  slots?: Named[];
  events?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const manifest: Promise<Manifest> = fetch('/custom-elements.json').then((r) => {
  if (!r.ok) throw new Error('custom-elements.json is missing: run `npm run build` first');
  return r.json() as Promise<Manifest>;
});

const products = [
  { id: 1, vendorPartNumber: 'VS-RF-BLE5', description: 'BLE SoC', family: 'Wireless', listPrice: '2.8800' },
  { id: 2, vendorPartNumber: 'VS-SNS-TMP', description: 'Temp sensor', family: 'Sensors', listPrice: '0.9500' },
];
const accounts = [
  { id: 2, type: 'distributor' as const, name: 'Arrowhead Components', country: 'US' },
  { id: 9, type: 'end_customer' as const, name: 'Cascade Robotics', country: 'US' },
];
const request = {
  id: 1,
  number: 'REQ-1',
  programId: 1,
  distributorId: 2,
  resellerId: null,
  endCustomerId: 9,
  requestedByUserId: 6,
  status: 'pending' as const,
  validFrom: '2026-09-01',
  validTo: '2027-03-31',
  opportunityRef: '006A',
  dealRegistrationRef: null,
  justification: null,
  decisionComment: null,
  decidedByUserId: null,
  decidedAt: null,
  authorizationId: null,
  createdAt: '2026-11-20T10:00:00Z',
  lines: [{ id: 11, productId: 1, quantity: 8000, requestedCost: '1.9000', counterCost: null, counterQuantity: null }],
};
const figures = (currency: string) => [
  { key: '2026-10-05', currency, claims: 1, claimed: '500.0000', approved: '500.0000', paid: '250.5000' },
  { key: '2026-10-12', currency, claims: 2, claimed: '900.0000', approved: '800.0000', paid: '0.0000' },
];

/** Each element with data, as a host page gives it (no server). */
const withData: Record<string, () => TemplateResult> = {
  'bec-accrual-dashboard': () =>
    html`<bec-accrual-dashboard
      show-numbers
      .accruals=${makeAccruals()}
      .byWeek=${[...figures('EUR'), ...figures('USD')]}
      .byDistributor=${figures('USD')}
      .byProgramType=${figures('USD')}
    ></bec-accrual-dashboard>`,
  'bec-approval-queue': () =>
    html`<bec-approval-queue
      .requests=${[request]}
      .products=${products}
      .accounts=${accounts}
      .contexts=${{ 1: { flags: makeApprovalContext().flags } }}
    ></bec-approval-queue>`,
  'bec-claim-grid': () => html`<bec-claim-grid .claim=${makeClaim(6)} can-adjust group-by="verdict"></bec-claim-grid>`,
  'bec-claim-upload': () => html`<bec-claim-upload></bec-claim-upload>`,
  'bec-request-form': () => html`<bec-request-form .products=${products} .accounts=${accounts}></bec-request-form>`,
  'bec-request-list': () =>
    html`<bec-request-list
      .requests=${[makeRequest(1), makeRequest(2, { status: 'countered' })]}
      .products=${products}
      .accounts=${accounts}
    ></bec-request-list>`,
  'bec-finance-queue': () =>
    html`<bec-finance-queue
      .claims=${[makeClaim(3), { ...makeClaim(2), id: 2, status: 'authorized' as const }]}
      .accounts=${accounts}
      .user=${{ userId: 3, role: 'finance' as const }}
    ></bec-finance-queue>`,
  'bec-claim-form': () => html`<bec-claim-form></bec-claim-form>`,
  'bec-claim-actions': () =>
    html`<bec-claim-actions
      .claim=${{ ...makeClaim(2), lines: makeClaim(2).lines!.map((l) => ({ ...l, adjustedByUserId: 4 })) }}
      .user=${{ userId: 4, role: 'finance' }}
    ></bec-claim-actions>`,
  'bec-aging-report': () =>
    html`<bec-aging-report
      .report=${{
        asOf: '2026-12-10',
        buckets: [
          { key: '0-7', fromDays: 0, toDays: 7 },
          { key: 'over-60', fromDays: 61, toDays: null },
        ],
        claims: {
          byDistributor: [
            {
              distributorId: 2,
              distributorName: 'Arrowhead',
              currency: 'USD',
              buckets: [
                { bucket: '0-7', count: 1, amount: '1.0000' },
                { bucket: 'over-60', count: 0, amount: '0.0000' },
              ],
            },
          ],
          totals: [
            {
              currency: 'USD',
              buckets: [
                { bucket: '0-7', count: 1, amount: '1.0000' },
                { bucket: 'over-60', count: 0, amount: '0.0000' },
              ],
            },
          ],
        },
        requests: {
          byDistributor: [
            {
              distributorId: 2,
              distributorName: 'Arrowhead',
              currency: 'USD',
              buckets: [
                { bucket: '0-7', count: 1, amount: '5.0000' },
                { bucket: 'over-60', count: 0, amount: '0.0000' },
              ],
            },
          ],
          totals: [],
        },
      }}
    ></bec-aging-report>`,
  'bec-channel-analytics': () =>
    html`<bec-channel-analytics
      .data=${buildReport(
        'by-month',
        [
          {
            keys: { month: '2026-02' },
            currency: 'EUR',
            values: { claimed: '1.0000', approved: '1.0000', paid: '0.0000', posRevenue: '2.0000' },
          },
          {
            keys: { month: '2026-02' },
            currency: 'USD',
            values: { claimed: '1.0000', approved: '1.0000', paid: '0.0000', posRevenue: '2.0000' },
          },
        ],
        [],
        { from: '2026-01-01', to: '2026-06-30' },
        'USD',
      )}
    ></bec-channel-analytics>`,
  'bec-admin-programs': () =>
    html`<bec-admin-programs .programs=${[makeProgram(1), makeProgram(2, { status: 'inactive' })]}></bec-admin-programs>`,
  'bec-claim-line-detail': () =>
    html`<bec-claim-line-detail .line=${makeClaim(1).lines![0]} audience="vendor" can-adjust></bec-claim-line-detail>`,
  'bec-claim-adjust-form': () => html`<bec-claim-adjust-form approved-amount="1.0000" line-number="1"></bec-claim-adjust-form>`,
  'bec-admin-products': () =>
    html`<bec-admin-products
      .products=${products.map((p) => ({ ...p, currency: 'USD', active: true }))}
      .distributors=${[masterAccount(2, 'distributor', 'Arrowhead Components')]}
    ></bec-admin-products>`,
  'bec-admin-accounts': () =>
    html`<bec-admin-accounts
      .accounts=${[masterAccount(9, 'end_customer', 'Cascade Robotics'), masterAccount(10, 'end_customer', 'Cascade Robotics Inc.')]}
    ></bec-admin-accounts>`,
  'bec-admin-bulk-load': () => html`<bec-admin-bulk-load kind="book-costs"></bec-admin-bulk-load>`,
  'bec-rebate-builder': () =>
    html`<bec-rebate-builder program-id="7" .programs=${[{ id: 7, name: 'Microcontroller tiers' }]}></bec-rebate-builder>`,
  'bec-rebate-progress': () =>
    html`<bec-rebate-progress
      .progress=${{
        items: [
          {
            programId: 7,
            code: 'REB-TIER-MCU-26',
            name: 'Microcontroller tiers',
            period: { from: '2026-10-01', to: '2026-12-31' },
            currency: 'USD',
            measure: 'quantity',
            current: '1600',
            rebate: '316.68',
            qualified: true,
            next: { threshold: '5000', remaining: '3400' },
            message: '3400 units to the next tier',
          },
        ],
      }}
    ></bec-rebate-progress>`,
};

/** The part names in an element's shadow root (a `part` attribute may hold several). */
function partsIn(el: Element): Set<string> {
  const names = new Set<string>();
  for (const node of el.shadowRoot!.querySelectorAll('[part]'))
    for (const n of node.getAttribute('part')!.split(/\s+/)) if (n) names.add(n);
  return names;
}
const slotsIn = (el: Element) => new Set([...el.shadowRoot!.querySelectorAll('slot')].map((s) => s.getAttribute('name') ?? ''));

/** Clicks that open more of an element: a row, a list item, a row's first checkbox, a submit. */
async function openMore(el: HTMLElement & { updateComplete: Promise<boolean> }, seen: Set<string>) {
  const root = el.shadowRoot!;
  const steps: (() => void)[] = [
    () => root.querySelector<HTMLElement>('[part~="row"]')?.click(),
    () => root.querySelector<HTMLElement>('[part~="row"]')?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true })),
    () => root.querySelector<HTMLElement>('[part~="row"] .why, [part~="row"] button')?.click(),
    () => root.querySelector<HTMLElement>('[part~="item"]')?.click(),
    () => root.querySelector<HTMLInputElement>('[part~="row"] input[type="checkbox"]')?.click(),
    () => root.querySelector<HTMLFormElement>('form')?.requestSubmit(),
  ];
  for (const step of steps) {
    step();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    for (const p of partsIn(el)) seen.add(p);
  }
}

/**
 * The text of an element's templates: its own module and the modules of its folder that declare
 * no element (styles, helpers), the shared base its waiting state comes from (when it extends it) and,
 * when `shared` is set and the element uses them, the shared states' templates.
 */
async function templateText(m: Manifest, modulePath: string, shared = false): Promise<string> {
  const folder = modulePath.slice(0, modulePath.lastIndexOf('/') + 1);
  const own = m.modules
    .filter((x) => x.path === modulePath || (x.path.startsWith(folder) && !x.declarations?.some((d) => d.customElement)))
    .map((x) => x.path);
  const texts = await Promise.all(own.map((p) => fetch(`/${p}`).then((r) => r.text())));
  const uses = (name: string) => texts.some((t) => new RegExp(`shared/${name}(\\.(js|ts))?['"]`).test(t));
  if (uses('base')) texts.push(await fetch('/components/shared/base.ts').then((r) => r.text()));
  if (shared && uses('states')) texts.push(await fetch('/components/shared/states.ts').then((r) => r.text()));
  return texts.join('\n');
}

describe('custom-elements.json', () => {
  it('describes every element, and each one is defined', async () => {
    const m = await manifest;
    const tags = m.modules
      .flatMap((x) => x.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => d.tagName!);
    expect(tags.sort()).to.deep.equal(Object.keys(withData).sort());
    for (const tag of tags) expect(customElements.get(tag), tag).to.not.equal(undefined);
  });

  it('types every event with its CustomEvent detail', async () => {
    const m = await manifest;
    for (const d of m.modules.flatMap((x) => x.declarations ?? []).filter((x) => x.customElement && x.tagName))
      for (const e of d.events ?? []) {
        // the public bec* events are typed in one place (shared/events.ts); the detail panel's and the
        // adjust form's own events, which only their grid listens to, carry their type in the JSDoc
        if (e.name.startsWith('bec'))
          expect(`${d.tagName} ${e.name}: ${e.type?.text}`).to.equal(`${d.tagName} ${e.name}: CustomEvent<BecEventDetails['${e.name}']>`);
        else expect(e.type?.text ?? '', `${d.tagName} ${e.name}`).to.match(/^CustomEvent<.+>$/);
      }
  });

  for (const tag of Object.keys(withData)) {
    it(`lists exactly the parts and slots ${tag} has`, async () => {
      const m = await manifest;
      const module = m.modules.find((x) => x.declarations?.some((d) => d.tagName === tag))!;
      const declaration = module.declarations!.find((d) => d.tagName === tag)!;
      const documented = new Set((declaration.cssParts ?? []).map((p) => p.name));
      const seen = new Set<string>();
      const slots = new Set<string>();

      // Waiting for credentials: every call answers 401.
      const base = `http://127.0.0.1:${40000 + Object.keys(withData).indexOf(tag)}`;
      configureApi({
        baseUrl: base,
        fetch: stubFetch({}, { otherwise: problem(401, 'UNAUTHENTICATED', 'sign in first') }).fetch,
      });
      const waiting = document.createElement(tag) as HTMLElement & { updateComplete: Promise<boolean> };
      waiting.setAttribute('api-base', base);
      await fixture(html`<div>${waiting}</div>`);
      await new Promise((r) => setTimeout(r, 50));
      await waiting.updateComplete;
      for (const p of partsIn(waiting)) seen.add(p);

      const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(withData[tag]!());
      for (const p of partsIn(el)) seen.add(p);
      for (const s of slotsIn(el)) slots.add(s);
      await openMore(el, seen);

      // Every part rendered is documented.
      expect(
        [...seen].filter((p) => !documented.has(p)),
        `${tag}: rendered parts missing from the manifest`,
      ).to.deep.equal([]);
      // Every documented part is rendered here, or written as part="..." in the element's templates
      // (some show only mid-upload or after a server answer).
      const partsOf = (text: string) => new Set([...text.matchAll(/part="([^"$]+)"/g)].flatMap((x) => x[1]!.split(/\s+/)));
      const written = partsOf(await templateText(m, module.path));
      const writtenOrShared = partsOf(await templateText(m, module.path, true));
      expect(
        [...documented].filter((p) => !seen.has(p) && !writtenOrShared.has(p)),
        `${tag}: documented parts it never renders`,
      ).to.deep.equal([]);
      // Every part its templates write is documented too.
      expect(
        [...written].filter((p) => !documented.has(p)),
        `${tag}: parts in its templates missing from the manifest`,
      ).to.deep.equal([]);
      // Slots: the documented ones are rendered, and the rendered ones documented.
      expect([...slots].sort(), `${tag}: slots`).to.deep.equal((declaration.slots ?? []).map((s) => s.name).sort());
    });
  }
});
