import { expect, fixture, html } from '@open-wc/testing';
import '../claim-grid/claim-grid.js';
import type { BecClaimGrid } from '../claim-grid/claim-grid.js';
import type { BecClaimLineDetail } from '../claim-grid/claim-line-detail.js';
import '../finance-queue/finance-queue.js';
import type { BecFinanceQueue } from '../finance-queue/finance-queue.js';
import '../request-list/request-list.js';
import type { BecRequestList } from '../request-list/request-list.js';
import { MESSAGES, msgCount, pluralFormOf } from './i18n.js';
// The administration's catalog joins MESSAGES when it loads: both are checked.
import './i18n-admin.js';
// and the upload preflight's (loaded with its chunk), and the approval queue's (loaded with the queue)
import '../claim-upload/i18n-preflight.js';
import '../approval-queue/i18n-queue.js';
import { REPORTS } from '../../core/analytics/reports.js';
import { renderProblem, problemOf } from './states.js';
import { makeClaim, makeClaims, makeLines, makeRequest } from './test-data.js';
import { render } from 'lit';

const textOf = (root: ShadowRoot, sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
/** Messages that read the same in both languages (a sign, a name, a word French borrows). */
const SAME_IN_FRENCH = new Set([
  '#',
  'Verdict',
  'Notes',
  'Note',
  'Justification',
  'Description',
  'Contacts',
  'E-mail',
  'Actions',
  'Code',
  'Type',
  'Version',
  'Versions',
  'Version {version}',
  'Date',
  'Total {currency}',
  'Active',
  // program types: acronyms, and a word French shares
  'SPA',
  'DPA',
  'Promotion',
]);

describe('the message catalog', () => {
  it('has the same keys in English and French, and no French message left in English', () => {
    expect(Object.keys(MESSAGES.fr).sort()).to.deep.equal(Object.keys(MESSAGES.en).sort());
    expect(Object.keys(MESSAGES.en).filter((k) => k.startsWith('admin.')).length).to.be.greaterThan(10);
    const untranslated = Object.entries(MESSAGES.en).filter(
      ([k, en]) => /[a-z]{3}/i.test(en) && MESSAGES.fr[k as keyof typeof MESSAGES.fr] === en && !SAME_IN_FRENCH.has(en),
    );
    expect(untranslated.map(([k]) => k)).to.deep.equal([]);
  });

  it("has a title for every analytics column, the same wherever the column is: core's in English, its own in French", () => {
    const columns = Object.values(REPORTS).flatMap((r) => [...r.dimensions, ...r.measures]);
    for (const c of columns) {
      const key = `analyticsColumn.${c.key}` as keyof typeof MESSAGES.en;
      expect(MESSAGES.en[key], c.key).to.equal(c.label);
      expect(MESSAGES.fr[key], c.key).to.be.a('string').and.not.equal(c.label);
    }
  });

  it('takes the plural form Intl.PluralRules gives: English one for 1 only, French one for 0 and 1', () => {
    expect([0, 1, 2].map((n) => pluralFormOf('en', n))).to.deep.equal(['other', 'one', 'other']);
    expect([0, 1, 2].map((n) => pluralFormOf('fr', n))).to.deep.equal(['one', 'one', 'other']);
    expect(msgCount('en', 'finance.needsReview', 1)).to.equal('1 line to check');
    expect(msgCount('en', 'finance.needsReview', 3)).to.equal('3 lines to check');
    expect(msgCount('fr', 'finance.needsReview', 0)).to.equal('0 ligne à vérifier');
    expect(msgCount('fr', 'finance.needsReview', 1)).to.equal('1 ligne à vérifier');
    expect(msgCount('fr', 'finance.needsReview', 1200)).to.equal('1\u202f200 lignes à vérifier');
    expect(msgCount('en', 'requests.count', 1)).to.equal('1 request');
    expect(msgCount('fr', 'grid.selected', 1)).to.equal('1 sélectionnée');
  });

  it('says "1 line to check" in the finance queue, and in French too', async () => {
    const lines = makeLines(4).map((l, i) => (i === 0 ? l : { ...l, verdict: 'accepted' as const, reasonCodes: [] }));
    // makeLines: line 1 is partial, the others are made accepted: one line to check.
    const claims = [{ ...makeClaim(4), id: 1, number: 'CL-1', lines }];
    const accounts = [{ id: 2, type: 'distributor' as const, name: 'Arrowhead Components', country: 'US' }];
    const user = { userId: 4, role: 'finance' as const };
    const en = await fixture<BecFinanceQueue>(
      html`<bec-finance-queue .user=${user} .accounts=${accounts} .claims=${claims}></bec-finance-queue>`,
    );
    expect(en.shadowRoot!.querySelector('#claim-1')!.textContent).to.contain('1 line to check');
    const fr = await fixture<BecFinanceQueue>(
      html`<bec-finance-queue locale="fr" .user=${user} .accounts=${accounts} .claims=${claims}></bec-finance-queue>`,
    );
    expect(fr.shadowRoot!.querySelector('#claim-1')!.textContent).to.contain('1 ligne à vérifier');
  });

  it('counts one request in the singular', async () => {
    const el = await fixture<BecRequestList>(html`<bec-request-list .requests=${[makeRequest(1)]}></bec-request-list>`);
    expect(el.shadowRoot!.textContent).to.contain('1 request');
    expect(el.shadowRoot!.textContent).not.to.contain('1 requests');
  });

  it('renders the claim grid in French: column headers, count, totals and the line detail', async () => {
    const lines = await fixture<BecClaimGrid>(html`<bec-claim-grid locale="fr" can-adjust .claim=${makeClaim(1)}></bec-claim-grid>`);
    const heads = textOf(lines.shadowRoot!, '[role="columnheader"] button');
    expect(heads).to.include.members([
      'Facture',
      'Date de facture',
      'Référence',
      'Client final',
      'Autorisation',
      'Qté',
      'Réclamé',
      'Approuvé',
    ]);
    expect(heads).not.to.include.members(['Invoice', 'Claimed']);
    expect(lines.shadowRoot!.querySelector('.summary')!.textContent).to.contain('1 sur 1 ligne');
    expect(lines.shadowRoot!.querySelector('[part="footer"]')!.textContent).to.contain('Réclamé');
    (lines.shadowRoot!.querySelector('[part="row"]') as HTMLElement).click();
    await lines.updateComplete;
    const detail = lines.shadowRoot!.querySelector<BecClaimLineDetail>('bec-claim-line-detail')!;
    await detail.updateComplete;
    expect(detail.shadowRoot!.querySelector('h3')!.textContent).to.contain('Ligne 1');
    expect(textOf(detail.shadowRoot!, 'dt').slice(0, 2)).to.deep.equal(['Réclamé', 'Approuvé']);
    expect(detail.shadowRoot!.textContent).to.contain('Fermer');
    const adjust = detail.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('bec-claim-adjust-form')!;
    await adjust.updateComplete;
    expect(adjust.shadowRoot!.querySelector('h3')!.textContent).to.equal('Ajuster');
    expect(adjust.shadowRoot!.querySelector('label[for="adj-reason"]')!.textContent).to.equal('Raison (obligatoire)');

    const claims = await fixture<BecClaimGrid>(html`<bec-claim-grid locale="fr" view="claims" .claims=${makeClaims(2)}></bec-claim-grid>`);
    expect(textOf(claims.shadowRoot!, '[role="columnheader"] button')).to.include.members([
      'Réclamation',
      'Note de débit',
      'Type de programme',
      'Statut',
    ]);
  });

  it('words a failure and being offline in French, with Réessayer', async () => {
    const host = document.createElement('div');
    render(
      renderProblem(
        problemOf(new TypeError('Failed to fetch'), '', 'Le chargement', () => {}),
        'fr',
      ),
      host,
    );
    expect(host.textContent!.replace(/\s+/g, ' ')).to.contain('Vous êtes hors ligne.');
    expect(host.querySelector('button')!.textContent).to.equal('Réessayer');
  });
});
