/**
 * What a page that imports dist/bec.js (components/index.ts) gets of the elements it defines on first
 * use (on-demand.ts): the tag works as if it were defined at once, as soon as it is in the document.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { defineUsedElements, loadElement } from './index.js';
import type { BecApprovalQueue, BecChannelAnalytics } from './index.js';
import { makeRequest, queueLookups } from './shared/test-data.js';

const { products, accounts } = queueLookups;
const defined = async (tag: string) => {
  await waitUntil(() => customElements.get(tag), `${tag} is not defined`, { timeout: 5000 });
  return customElements.get(tag)!;
};

describe('elements bec.js defines on first use', () => {
  it('defines bec-approval-queue when one is put in the document, keeping what was set before', async () => {
    // bec.js alone does not carry the queue's code.
    expect(customElements.get('bec-approval-queue')).to.equal(undefined);
    const el = await fixture<BecApprovalQueue>(
      html`<bec-approval-queue locale="fr" .requests=${[makeRequest(1)]} .products=${products} .accounts=${accounts}></bec-approval-queue>`,
    );
    await defined('bec-approval-queue');
    await el.updateComplete;
    // The attribute and the properties set before the upgrade are the element's.
    expect(el.requests.map((r) => r.number)).to.deep.equal(['SPR-1']);
    const heads = [...el.shadowRoot!.querySelectorAll('table.lines thead th')].map((th) => th.textContent!.trim());
    expect(heads).to.deep.equal(['Référence', 'Qté', 'Prix catalogue', 'Demandé', 'Contre-proposition']);
    expect(typeof el.load).to.equal('function');
    await expect(el).to.be.accessible();
  });

  it('defines bec-channel-analytics when a script adds one deep in the page later', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const inner = document.createElement('section');
    inner.innerHTML = '<bec-channel-analytics locale="fr"></bec-channel-analytics>';
    outer.append(inner);
    const ctor = await defined('bec-channel-analytics');
    const el = inner.querySelector<BecChannelAnalytics>('bec-channel-analytics')!;
    expect(el).to.be.instanceOf(ctor);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Analyse du canal');
  });

  it('gives the class to a host that asks for it, and loads what a shadow root of its own uses', async () => {
    const ctor = await loadElement('bec-approval-queue');
    expect(ctor).to.equal(customElements.get('bec-approval-queue'));
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<bec-approval-queue></bec-approval-queue>';
    // Both are defined by now: this only says it is harmless to ask again.
    defineUsedElements(root);
    expect(root.querySelector('bec-approval-queue')).to.be.instanceOf(ctor);
  });
});
