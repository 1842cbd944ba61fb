import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { makeClaim, makeClaims, makeDisputeThread, makeLines } from '../shared/test-data.js';
import './claim-grid.js';
import type { BecClaimGrid } from './claim-grid.js';
import type { AdjustRequest } from './claim-adjust-form.js';
import './claim-line-detail.js';
import type { BecClaimLineDetail, DetailAction, DetailLine } from './claim-line-detail.js';

/** A rejected line of $1,390 claimed, $834 approved: disputable, and adjustable by finance. */
const line = (patch: Partial<DetailLine> = {}): DetailLine =>
  ({ ...makeLines(2)[1]!, claimedAmount: '1390.0000', approvedAmount: '834.0000', ...patch }) as DetailLine;
const $ = <T extends Element>(el: BecClaimLineDetail, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const adjust = (el: BecClaimLineDetail) => $<HTMLElement>(el, 'bec-claim-adjust-form').shadowRoot!;
/** Types into a field as a person does: select what is there, then keys. */
async function typeInto(input: HTMLInputElement | HTMLTextAreaElement, text: string) {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
}

describe('amounts in the line detail are read and shown in the locale’s way', () => {
  it('adjusts with "100,00" in fr-FR (the format its own message asks for), pre-filled "834,00"', async () => {
    const el = await fixture<BecClaimLineDetail>(
      html`<bec-claim-line-detail .line=${line()} locale="fr-FR" currency="EUR" audience="vendor" can-adjust></bec-claim-line-detail>`,
    );
    await el.updateComplete;
    const form = adjust(el);
    const amount = form.querySelector<HTMLInputElement>('#adj-amount')!;
    expect(amount.value).to.equal('834,00');
    await typeInto(amount, '100,00');
    await typeInto(form.querySelector<HTMLInputElement>('#adj-reason')!, 'Retour partiel RMA 2231');
    const sent = oneEvent(el, 'detail-action');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const action = (await sent).detail as DetailAction & AdjustRequest;
    expect(action).to.deep.equal({ action: 'adjust', approvedAmount: '100.0000', reason: 'Retour partiel RMA 2231' });
    expect(form.querySelector('#adj-amount-err')!.textContent).to.equal('');
  });

  it('refuses text that is no amount with an example written the locale’s way', async () => {
    const el = await fixture<BecClaimLineDetail>(
      html`<bec-claim-line-detail .line=${line()} locale="fr-FR" currency="EUR" audience="vendor" can-adjust></bec-claim-line-detail>`,
    );
    const form = adjust(el);
    await typeInto(form.querySelector<HTMLInputElement>('#adj-amount')!, 'cent');
    await typeInto(form.querySelector<HTMLInputElement>('#adj-reason')!, 'Retour partiel');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    await (form.host as BecClaimLineDetail).updateComplete;
    expect(form.querySelector('#adj-amount-err')!.textContent).to.equal('Saisissez un montant, par exemple 120,50');
  });

  it('disputes with "1,390.00" in English, pre-filled "1,390.00" rather than "1390.0000"', async () => {
    const el = await fixture<BecClaimLineDetail>(html`<bec-claim-line-detail .line=${line()} locale="en-US"></bec-claim-line-detail>`);
    const form = $<HTMLFormElement>(el, 'form.dispute');
    const amount = form.querySelector<HTMLInputElement>('#dispute-amount')!;
    expect(amount.value).to.equal('1,390.00');
    await typeInto(form.querySelector<HTMLTextAreaElement>('#dispute-comment')!, 'Customer name was mistyped');
    await typeInto(amount, '1,390.00');
    const sent = oneEvent(el, 'detail-action');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await sent).detail).to.deep.equal({ action: 'dispute', comment: 'Customer name was mistyped', claimedAmount: '1390.00' });
  });

  it('disputes with "1 390,50" in fr-FR, and sends the pre-filled amount unchanged as the same amount', async () => {
    const el = await fixture<BecClaimLineDetail>(html`<bec-claim-line-detail .line=${line()} locale="fr-FR"></bec-claim-line-detail>`);
    const form = $<HTMLFormElement>(el, 'form.dispute');
    await typeInto(form.querySelector<HTMLTextAreaElement>('#dispute-comment')!, 'Nom du client mal saisi');
    const sent = oneEvent(el, 'detail-action');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(((await sent).detail as { claimedAmount: string }).claimedAmount).to.equal('1390.00');

    await typeInto(form.querySelector<HTMLTextAreaElement>('#dispute-comment')!, 'Nom du client mal saisi');
    await typeInto(form.querySelector<HTMLInputElement>('#dispute-amount')!, '1 390,50');
    const again = oneEvent(el, 'detail-action');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(((await again).detail as { claimedAmount: string }).claimedAmount).to.equal('1390.50');
  });

  it('says so when the amount of a dispute decision does not read, instead of dropping it', async () => {
    const thread = makeDisputeThread(2, []);
    const el = await fixture<BecClaimLineDetail>(
      html`<bec-claim-line-detail .line=${line()} .thread=${thread} locale="en-US" audience="vendor" can-adjust></bec-claim-line-detail>`,
    );
    let action: DetailAction | null = null;
    el.addEventListener('detail-action', (e) => (action = (e as CustomEvent<DetailAction>).detail));
    await typeInto($<HTMLInputElement>(el, '#decision-comment'), 'Covered after all');
    await typeInto($<HTMLInputElement>(el, '#decision-amount'), '1.390,00');
    const accept = [...$(el, 'form.decision').querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Accept dispute')!;
    accept.click();
    await el.updateComplete;
    expect(action).to.equal(null);
    expect($(el, '#decision-amount-err').textContent).to.equal('Enter an amount such as 120.50');
    await typeInto($<HTMLInputElement>(el, '#decision-amount'), '1,390.00');
    accept.click();
    expect(action).to.deep.equal({ action: 'decide', decision: 'accept', comment: 'Covered after all', approvedAmount: '1390.00' });
  });
});

describe('the line detail and the badges speak the grid’s language', () => {
  /** Runs `body` with the browser's language set to `language`, as a French browser has it. */
  async function withBrowserLanguage(language: string, body: () => Promise<void>) {
    Object.defineProperty(navigator, 'language', { get: () => language, configurable: true });
    try {
      await body();
    } finally {
      delete (navigator as unknown as Record<string, unknown>).language;
    }
  }

  it('with the browser in fr-FR and no locale, the whole detail is French: sentences, dispute form, finance’s reason', async () => {
    await withBrowserLanguage('fr-FR', async () => {
      const grid = await fixture<BecClaimGrid>(html`<bec-claim-grid .claim=${makeClaim(2)}></bec-claim-grid>`);
      // The headers follow the browser (msg's fallback)…
      expect(grid.shadowRoot!.querySelector('[role="columnheader"]')!.textContent).to.not.contain('Invoice');
      // …and so does the detail of a rejected line, with finance's reason.
      const el = await fixture<BecClaimLineDetail>(
        html`<bec-claim-line-detail .line=${line({ adjustmentReason: 'Client final erroné' })}></bec-claim-line-detail>`,
      );
      const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Contester cette ligne').and.contain('Votre commentaire').and.contain('Contester et soumettre à nouveau');
      expect(text).to.contain('Motif de la finance');
      expect(text).to.not.contain('Dispute this line').and.not.contain('Your comment').and.not.contain('Finance’s reason');
      const why = $(el, '[part="explanation"]').textContent!;
      expect(why).to.not.match(/\b(the|You|claimed)\b/);
      expect($(el, 'h3 .badge').textContent).to.equal('Rejetée');
    });
  });

  it('translates the verdict and status badges with locale="fr-FR"', async () => {
    const lines = await fixture<BecClaimGrid>(html`<bec-claim-grid locale="fr-FR" .claim=${makeClaim(4)}></bec-claim-grid>`);
    const verdicts = [...lines.shadowRoot!.querySelectorAll('[part="row"] .badge')].map((b) => b.textContent!.trim());
    expect(verdicts).to.include.members(['Acceptée', 'Partielle', 'Rejetée', 'En attente']);
    expect(lines.shadowRoot!.querySelector('.summary .badge')!.textContent).to.equal('Soumise');
    const claims = await fixture<BecClaimGrid>(
      html`<bec-claim-grid locale="fr-FR" view="claims" .claims=${makeClaims(5)}></bec-claim-grid>`,
    );
    const statuses = [...claims.shadowRoot!.querySelectorAll('[part="row"] .badge')].map((b) => b.textContent!.trim());
    expect(statuses).to.include.members(['Soumise', 'Autorisée', 'Payée', 'Rejetée', 'Brouillon']);
    const thread = makeDisputeThread(2, [
      {
        id: 1,
        kind: 'opened',
        authorUserId: 5,
        authorName: 'Ari',
        body: 'x',
        correction: null,
        resubmittedLineId: null,
        createdAt: '2026-11-03T10:00:00Z',
      },
    ]);
    const detail = await fixture<BecClaimLineDetail>(
      html`<bec-claim-line-detail locale="fr-FR" .line=${line()} .thread=${thread}></bec-claim-line-detail>`,
    );
    expect($(detail, '[part="thread"] h4 .badge').textContent).to.equal('Ouverte');
    expect($(detail, '[part="thread"] li').textContent).to.contain('Ouverture');
  });
});
