import { validateClaimLines, createValidator } from '../../../core/claims/engine.js';
import { explainLine } from '../../../core/messages/explain.js';
import { claimLine, context, fact, numbered } from './support.js';

/** An authorization whose Salesforce opportunity was lost on 2025-03-31 (valid 2025-01-01 to 2025-06-30). */
const lost = () => fact({ closedLostOn: '2025-03-31' });

describe('closed-lost authorizations', () => {
  it('keeps sales invoiced up to the close date valid', () => {
    for (const invoiceDate of ['2025-01-01', '2025-03-31']) {
      const [r] = validateClaimLines([claimLine({ invoiceDate })], context({ facts: [lost()] }));
      expect(r).toMatchObject({ verdict: 'accepted', reasonCodes: [] });
    }
  });

  it('refuses a sale invoiced after the close date with its own reason, not AUTH_NOT_FOUND nor AUTH_EXPIRED', () => {
    const [r] = validateClaimLines([claimLine({ invoiceDate: '2025-04-01' })], context({ facts: [lost()] }));
    expect(r).toMatchObject({
      verdict: 'rejected',
      reasonCodes: ['AUTH_CLOSED_LOST'],
      rule: 'dateWithinValidity',
      authorizationLineId: 11,
    });
    expect(r!.messages[0]).toContain('2025-03-31');
    expect(r!.inputs).toMatchObject({ closedLostOn: '2025-03-31' });
  });

  it('still says AUTH_EXPIRED for a sale after the validity itself', () => {
    const [r] = validateClaimLines([claimLine({ invoiceDate: '2025-07-01' })], context({ facts: [lost()] }));
    expect(r!.reasonCodes).toEqual(['AUTH_EXPIRED']);
  });

  it('gives the same verdicts through the bulk validator', () => {
    const facts = [lost()];
    const lines = numbered([
      claimLine({ invoiceLine: '1', invoiceDate: '2025-03-01' }),
      claimLine({ invoiceLine: '2', invoiceDate: '2025-05-01' }),
    ]);
    const bulk = createValidator({ authorizationLines: facts, productsByVendorPart: new Map([['VP-100', 100]]) }).validate(1, lines);
    expect(bulk.results().map((r) => r.reasonCodes)).toEqual([[], ['AUTH_CLOSED_LOST']]);
  });

  it('explains the reason in English and in French', () => {
    const [r] = validateClaimLines([claimLine({ invoiceDate: '2025-04-01' })], context({ facts: [lost()] }));
    const line = {
      ...claimLine({ invoiceDate: '2025-04-01' }),
      reasonCodes: r!.reasonCodes,
      verdictInputs: r!.inputs,
      verdict: r!.verdict,
    };
    const en = explainLine(line as never, { locale: 'en', currency: 'USD' });
    const fr = explainLine(line as never, { locale: 'fr', currency: 'USD' });
    expect(en[0]).toMatch(/invoice date 2025-04-01 is after 2025-03-31.*earlier sales stay valid/);
    expect(fr[0]).toMatch(/date de facture 2025-04-01 est postérieure au 2025-03-31.*ventes antérieures restent valables/);
  });
});
