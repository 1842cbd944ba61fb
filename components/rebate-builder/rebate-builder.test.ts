import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configureApi } from '../shared/api.js';
import { stubFetch } from '../shared/test-data.js';
import './rebate-builder.js';
import type { BecRebateBuilder } from './rebate-builder.js';

const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const settle = async (el: BecRebateBuilder) => {
  await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
};
const program = {
  id: 7,
  code: 'REB-TIER-MCU-26',
  name: 'Microcontroller tiers',
  status: 'active' as const,
  startDate: '2026-10-01',
  endDate: '2026-12-31',
  distributorIds: [],
  terms: {
    kind: 'tiered' as const,
    measure: 'quantity' as const,
    families: ['MCU'],
    mode: 'retroactive' as const,
    tiers: [
      { from: '0', rate: { kind: 'per_unit' as const, value: '0.10' } },
      { from: '5000', rate: { kind: 'per_unit' as const, value: '0.15' } },
    ],
  },
  periodKind: 'quarter' as const,
  stacking: 'exclusive' as const,
  priority: 100,
};

describe('bec-rebate-builder', () => {
  it('refuses terms core refuses, in the browser, naming the field', async () => {
    const el = await fixture<BecRebateBuilder>(
      html`<bec-rebate-builder .programs=${[{ id: 7, name: 'Microcontroller tiers' }]} program-id="7"></bec-rebate-builder>`,
    );
    const from = $<HTMLInputElement>(el, '#tier-1-from');
    from.focus();
    from.select();
    await sendKeys({ type: '0' }); // two tiers from 0
    const invalid = oneEvent(el, 'becinvalid');
    $<HTMLButtonElement>(el, '[part="save"]').click();
    expect((await invalid).detail.errors).to.deep.equal([{ field: 'tiers', message: 'two tiers start at the same value' }]);
    await el.updateComplete;
    expect($(el, '[part="problems"]').textContent).to.contain('two tiers start at the same value');
    await expect(el).to.be.accessible();
  });

  it("keeps the chosen program's terms when the first program's answer arrives after the choice", async () => {
    const volume = {
      ...program,
      id: 8,
      name: 'Volume',
      terms: { kind: 'volume' as const, measure: 'quantity' as const, rate: { kind: 'per_unit' as const, value: '0.04' } },
    };
    let releaseFirst: () => void = () => {};
    const firstHeld = new Promise<void>((r) => (releaseFirst = r));
    const stub = stubFetch({
      'GET /api/programs': () =>
        ({
          body: {
            items: [
              { id: 8, name: 'Volume', type: 'rebate' },
              { id: 7, name: 'Microcontroller tiers', type: 'rebate' },
            ],
          },
        }) as never,
      'GET /api/accounts?type=distributor': () => ({ body: { items: [] } }) as never,
      'GET /api/products': () => ({ body: { items: [] } }) as never,
      'GET /api/rebates/programs/{programId}': (_b: unknown, url: URL) => ({ body: url.pathname.endsWith('/8') ? volume : program }),
    });
    // The first program's terms are held back until the second's have been shown.
    const slow: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/api/rebates/programs/8')) await firstHeld;
      return stub.fetch(input, init);
    };
    configureApi({ baseUrl: 'http://127.0.0.1:10', fetch: slow });
    const el = await fixture<BecRebateBuilder>(html`<bec-rebate-builder api-base="http://127.0.0.1:10"></bec-rebate-builder>`);
    await settle(el);
    el.programId = 7;
    await settle(el);
    expect($<HTMLSelectElement>(el, '#f-kind').value).to.equal('tiered');
    releaseFirst();
    await settle(el);
    expect($<HTMLSelectElement>(el, '#f-kind').value).to.equal('tiered');
    expect($<HTMLInputElement>(el, '#tier-1-rate').value).to.equal('0.15');
  });

  it('says which sales a program counts: a sell-in program keeps its basis, and a sell-through one sends none', async () => {
    const sent: { terms: { basis?: string } }[] = [];
    const sellIn = { ...program, terms: { ...program.terms, basis: 'sell_in' as const }, stacking: 'with_rebates' as const };
    const stub = stubFetch({
      'GET /api/programs': () => ({ body: { items: [{ id: 7, name: 'Microcontroller tiers', type: 'rebate' }] } }) as never,
      'GET /api/accounts?type=distributor': () => ({ body: { items: [{ id: 2, name: 'Arrowhead Components' }] } }) as never,
      'GET /api/products': () => ({ body: { items: [] } }) as never,
      'GET /api/rebates/programs/{programId}': () => ({ body: sellIn }),
      'PUT /api/rebates/programs/{programId}': (body: unknown) => {
        sent.push(body as { terms: { basis?: string } });
        return { body: sellIn };
      },
    });
    configureApi({ baseUrl: 'http://127.0.0.1:9', fetch: stub.fetch });
    const el = await fixture<BecRebateBuilder>(html`<bec-rebate-builder api-base="http://127.0.0.1:9"></bec-rebate-builder>`);
    await settle(el);
    const basis = $<HTMLSelectElement>(el, '#f-basis');
    expect(basis.value).to.equal('sell_in');
    expect($(el, 'label[for="f-basis"]').textContent).to.contain('Sales counted');
    $<HTMLButtonElement>(el, '[part="save"]').click();
    await settle(el);
    expect(sent[0]!.terms.basis).to.equal('sell_in');
    basis.value = 'sell_through';
    basis.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="save"]').click();
    await settle(el);
    expect('basis' in sent[1]!.terms).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('loads a program, saves its terms and previews "if Arrowhead sells 12,000 more units"', async () => {
    const sent: unknown[] = [];
    const stub = stubFetch({
      'GET /api/programs': () => ({ body: { items: [{ id: 7, name: 'Microcontroller tiers', type: 'rebate' }] } }) as never,
      'GET /api/accounts?type=distributor': () => ({ body: { items: [{ id: 2, name: 'Arrowhead Components' }] } }) as never,
      'GET /api/products': () => ({ body: { items: [{ id: 3, name: 'MCU 32-bit', vendorPartNumber: 'VS-MCU-32F4' }] } }) as never,
      'GET /api/rebates/programs/{programId}': () => ({ body: program }),
      'PUT /api/rebates/programs/{programId}': (body: unknown) => {
        sent.push(body);
        return { body: program };
      },
      'POST /api/rebates/programs/{programId}/preview': (body: unknown) => {
        sent.push(body);
        const calc = (rebate: string) => ({
          measure: '0',
          totals: { quantity: 0, revenue: '0' },
          countedLines: 0,
          qualified: true,
          reason: null,
          bands: [],
          uncapped: rebate,
          capped: false,
          rebate,
          next: null,
          excludedByStacking: 0,
        });
        return {
          body: {
            programId: 7,
            distributorId: 2,
            period: { from: '2026-10-01', to: '2026-12-31' },
            currency: 'USD',
            now: calc('263.90'),
            then: calc('2195.85'),
            difference: '1931.95',
          },
        };
      },
    });
    configureApi({ baseUrl: 'http://127.0.0.1:8', fetch: stub.fetch });
    const el = await fixture<BecRebateBuilder>(
      html`<bec-rebate-builder locale="en-US" api-base="http://127.0.0.1:8"></bec-rebate-builder>`,
    );
    await settle(el);
    expect($<HTMLInputElement>(el, '#tier-1-rate').value).to.equal('0.15');
    const saved = oneEvent(el, 'becrebatesave');
    $<HTMLButtonElement>(el, '[part="save"]').click();
    expect((await saved).detail.created).to.equal(false);
    expect(sent[0]).to.deep.equal({ terms: program.terms, periodKind: 'quarter', stacking: 'exclusive' });
    const qty = $<HTMLInputElement>(el, '#w-quantity');
    qty.focus();
    qty.select();
    await sendKeys({ type: '12000' });
    $<HTMLButtonElement>(el, '[part="what-if"] button[type="submit"]').click();
    await settle(el);
    expect(sent[1]).to.deep.equal({ distributorId: 2, more: { productId: 3, quantity: 12000 } });
    expect($(el, '[part="answer"]').textContent!.trim()).to.equal(
      'If Arrowhead Components sells 12,000 more units this period, the rebate is $2,195.85 (now $263.90, $1,931.95 more).',
    );
  });
});
