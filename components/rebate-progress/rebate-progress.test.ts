import { expect, fixture, html } from '@open-wc/testing';
import { configureApi } from '../shared/api.js';
import { stubFetch } from '../shared/test-data.js';
import './rebate-progress.js';
import type { BecRebateProgress, RebateProgress } from './rebate-progress.js';

const progress: RebateProgress = {
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
    {
      programId: 8,
      code: 'REB-GROWTH-26',
      name: 'Growth on revenue',
      period: { from: '2026-10-01', to: '2026-12-31' },
      currency: 'USD',
      measure: 'revenue',
      current: '125000.0000',
      rebate: '1250.00',
      qualified: true,
      next: null,
      message: 'every threshold reached',
    },
  ],
};
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];

describe('bec-rebate-progress', () => {
  it('shows each running program: the rebate so far and "3,400 units to the next tier", accessibly', async () => {
    const el = await fixture<BecRebateProgress>(html`<bec-rebate-progress locale="en-US" .progress=${progress}></bec-rebate-progress>`);
    const messages = $$(el, '[part="message"]').map((m) => m.textContent!.trim());
    expect(messages).to.deep.equal(['3,400 units to the next tier', 'Every threshold reached']);
    const bars = $$(el, 'progress') as HTMLProgressElement[];
    expect(bars.map((b) => b.value)).to.deep.equal([32, 100]); // 1,600 of 5,000
    expect($$(el, '[part="program"]')[0]!.textContent).to.contain('$316.68');
    await expect(el).to.be.accessible();
  });

  it('loads the progress of the distributor it names', async () => {
    const stub = stubFetch({ 'GET /api/rebates/progress?distributorId=2': () => ({ body: progress }) });
    configureApi({ baseUrl: 'http://127.0.0.1:7', fetch: stub.fetch });
    const el = await fixture<BecRebateProgress>(
      html`<bec-rebate-progress locale="fr-FR" distributor-id="2" api-base="http://127.0.0.1:7"></bec-rebate-progress>`,
    );
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect($$(el, '[part="message"]')[0]!.textContent!.replace(/\s/g, ' ').trim()).to.equal('3 400 unités avant le palier suivant');
  });
});
