import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Claim, ClaimLine } from '../shared/api.js';
import { configureApi } from '../shared/api.js';
import { makeClaim, makeLines, problem, stubFetch } from '../shared/test-data.js';
import './claim-actions.js';
import type { BecClaimActions } from './claim-actions.js';

const accepted = (lines: ClaimLine[], adjustedByUserId: number | null = null) =>
  lines.map((l) => ({ ...l, verdict: 'accepted' as const, reasonCodes: [], adjustedByUserId }));
const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const settle = async (el: BecClaimActions) => {
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
};

describe('bec-claim-actions', () => {
  it('disables Authorize for the finance user who adjusted a line, with the finance queue’s reason', async () => {
    const claim: Claim = { ...makeClaim(2), lines: accepted(makeLines(2), 4) };
    const el = await fixture<BecClaimActions>(
      html`<bec-claim-actions .claim=${claim} .user=${{ userId: 4, role: 'finance' }}></bec-claim-actions>`,
    );
    const button = $<HTMLButtonElement>(el, '[data-action="authorize"]');
    expect(button.textContent!.trim()).to.equal('Authorize for payment');
    expect(button.disabled).to.equal(true);
    expect($(el, `#${button.getAttribute('aria-describedby')}`).textContent).to.equal(
      'You adjusted a line of this claim; another finance user must authorize it.',
    );
    expect($<HTMLButtonElement>(el, '[data-action="pay"]').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reads who adjusted from the server’s review figures when the claim comes with them', async () => {
    const claim: Claim = { ...makeClaim(0), lines: undefined, review: { linesToCheck: 0, adjustedByUserIds: [4] } };
    const el = await fixture<BecClaimActions>(
      html`<bec-claim-actions .claim=${claim} .user=${{ userId: 4, role: 'finance' }}></bec-claim-actions>`,
    );
    expect($<HTMLButtonElement>(el, '[data-action="authorize"]').disabled).to.equal(true);
    const other = await fixture<BecClaimActions>(
      html`<bec-claim-actions .claim=${claim} .user=${{ userId: 5, role: 'finance' }}></bec-claim-actions>`,
    );
    expect($<HTMLButtonElement>(other, '[data-action="authorize"]').disabled).to.equal(false);
    expect($(other, '[part="reason"]')).to.equal(null);
  });

  it('loads the claim and the session from the API, authorizes for another finance user, and shows a refusal', async () => {
    let refuse = true;
    const claim: Claim = { ...makeClaim(2), lines: accepted(makeLines(2), 4) };
    const stub = stubFetch({
      'GET /api/session': () => ({ body: { userId: 5, email: 'f2@x', name: 'F2', role: 'finance', distributorId: null } }),
      'GET /api/claims/7': () => ({ body: claim }),
      'POST /api/claims/7/authorize': () =>
        refuse
          ? problem(409, 'CLAIM_NOT_IN_REVIEW', 'the claim is authorized')
          : { body: { ...claim, status: 'authorized', lines: undefined } },
    });
    configureApi({ baseUrl: 'http://127.0.0.1:31', fetch: stub.fetch, token: 't' });
    const el = await fixture<BecClaimActions>(html`<bec-claim-actions api-base="http://127.0.0.1:31" claim-id="7"></bec-claim-actions>`);
    await settle(el);
    expect($(el, '[part="summary"]').textContent).to.contain('CL-2026-0007').and.contain('Submitted').and.contain('2 lines');
    const button = $<HTMLButtonElement>(el, '[data-action="authorize"]');
    expect(button.disabled).to.equal(false);
    const failed = oneEvent(el, 'becerror');
    button.click();
    expect((await failed).detail.code).to.equal('CLAIM_NOT_IN_REVIEW');
    await el.updateComplete;
    expect($(el, '[part="error"]').textContent).to.contain('the claim is authorized');
    refuse = false;
    const acted = oneEvent(el, 'becclaimaction');
    $<HTMLButtonElement>(el, '[data-action="authorize"]').click();
    expect((await acted).detail).to.include({ claimId: 7, action: 'authorize' });
    await el.updateComplete;
    expect($(el, '[part="summary"]').textContent).to.contain('Authorized');
    expect($<HTMLButtonElement>(el, '[data-action="pay"]').disabled).to.equal(false);
  });

  it('speaks French, statuses included', async () => {
    const claim: Claim = { ...makeClaim(2), status: 'authorized' };
    const el = await fixture<BecClaimActions>(
      html`<bec-claim-actions locale="fr-FR" .claim=${claim} .user=${{ userId: 3, role: 'channel_manager' }}></bec-claim-actions>`,
    );
    expect($(el, '[part="summary"]').textContent).to.contain('Autorisée').and.contain('2 lignes');
    expect($(el, '[part="reason"]').textContent).to.equal('Votre rôle ne permet pas de payer les réclamations.');
  });
});
