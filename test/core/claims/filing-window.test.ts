import { createValidator, validateClaimLines, type FilingWindow } from '../../../core/claims/engine.js';
import { civilFromDays, daysFromCivil, filingDeadline } from '../../../core/claims/rules.js';
import { explainLine } from '../../../core/messages/index.js';
import { claimLine, context, fact } from './support.js';

// Program version 1 from 2025-01-01 with 60 days; version 2 from 2025-04-01 with 30 days.
const windows: FilingWindow[] = [
  { programVersion: 2, fromDate: 20250401, days: 30 },
  { programVersion: 1, fromDate: 20250101, days: 60 },
];
const world = { facts: [fact({ filingWindows: windows })] };
const judge = (invoiceDate: string, submittedOn?: string) =>
  validateClaimLines([claimLine({ invoiceDate })], context(world), submittedOn ? { submittedOn } : {})[0]!;

describe('claim filing window', () => {
  it('adds days across month and leap-year ends', () => {
    expect(civilFromDays(daysFromCivil(20240131) + 29)).toBe(20240229);
    expect(civilFromDays(daysFromCivil(20261231) + 1)).toBe(20270101);
    expect(civilFromDays(daysFromCivil(19700101))).toBe(19700101);
    expect(filingDeadline(windows, 20250103)).toBe(20250304);
  });

  it('accepts a line submitted inside the window and on its last day', () => {
    expect(judge('2025-01-03', '2025-02-01').verdict).toBe('accepted');
    const lastDay = judge('2025-01-03', '2025-03-04');
    expect(lastDay.verdict).toBe('accepted');
    expect(lastDay.inputs).toMatchObject({ programVersion: 1, claimFilingWindowDays: 60, filingDeadline: '2025-03-04' });
  });

  it('rejects a line submitted the day after the window closed, with its own reason and the figures', () => {
    const late = judge('2025-01-03', '2025-03-05');
    expect(late.verdict).toBe('rejected');
    expect(late.reasonCodes).toEqual(['FILING_WINDOW_CLOSED']);
    expect(late.rule).toBe('withinFilingWindow');
    expect(late.acceptedQuantity).toBe(0);
    expect(late.approvedAmount).toBe('0.0000');
    const line = {
      ...claimLine({ invoiceDate: '2025-01-03' }),
      verdict: late.verdict,
      reasonCodes: late.reasonCodes,
      authorizationNumber: 'SD-1',
      vendorPartNumber: 'VP-100',
      endCustomerName: null,
      authorizedCost: null,
      claimedAmount: '0',
      computedAmount: late.computedAmount,
      approvedAmount: late.approvedAmount,
      verdictInputs: late.inputs,
    };
    expect(explainLine(line, { currency: 'USD', locale: 'en' })).toEqual([
      'Invoiced 2025-01-03; the window to claim it closed 2025-03-04 (60 days).',
    ]);
    expect(explainLine(line, { currency: 'EUR', locale: 'fr' })).toEqual([
      'Facturée le 2025-01-03 ; le délai pour la réclamer a expiré le 2025-03-04 (60 jours).',
    ]);
  });

  it('judges each line by the program version in force on its invoice date', () => {
    // invoiced under version 2 (30 days): closed 2025-05-15
    const v2 = judge('2025-04-15', '2025-05-16');
    expect(v2.reasonCodes).toEqual(['FILING_WINDOW_CLOSED']);
    expect(v2.inputs).toMatchObject({ programVersion: 2, claimFilingWindowDays: 30, filingDeadline: '2025-05-15' });
    // invoiced under version 1 (60 days) and submitted after version 2 began: still inside
    expect(judge('2025-03-20', '2025-05-16').verdict).toBe('accepted');
  });

  it('checks no deadline when the program sets none or no submission day is given', () => {
    expect(judge('2025-01-03').verdict).toBe('accepted');
    const none = [{ programVersion: 1, fromDate: 20250101, days: null }];
    const r = validateClaimLines([claimLine({ invoiceDate: '2025-01-03' })], context({ facts: [fact({ filingWindows: none })] }), {
      submittedOn: '2026-01-01',
    })[0]!;
    expect(r.verdict).toBe('accepted');
  });

  it('gives the bulk validator the same verdict, and takes no quantity for a late line', () => {
    const validator = createValidator({
      authorizationLines: world.facts,
      productsByVendorPart: new Map([['VP-100', 100]]),
    });
    const v = validator.validate(
      1,
      [
        claimLine({ invoiceDate: '2025-01-03', quantity: 10 }),
        claimLine({ lineNumber: 2, invoiceLine: '2', invoiceDate: '2025-03-01', quantity: 95 }),
      ],
      {
        submittedOn: '2025-03-05',
      },
    );
    const results = v.results();
    expect(results[0]!.reasonCodes).toEqual(['FILING_WINDOW_CLOSED']);
    // the late line took nothing: 95 of the 100 approved remain for the second line
    expect(results[1]!.verdict).toBe('accepted');
    expect(results[1]!.acceptedQuantity).toBe(95);
  });

  it('judges each line by the required claim fields of the program version in force on its invoice date', () => {
    // version 1 required a reseller PO; version 2 (from 2025-04-01) requires none; the program's current list is version 2's
    const versions: FilingWindow[] = [
      { programVersion: 2, fromDate: 20250401, days: null, requiredFields: [] },
      { programVersion: 1, fromDate: 20250101, days: null, requiredFields: ['resellerPoNumber'] },
    ];
    const facts = [fact({ filingWindows: versions, requiredFields: [] })];
    const lines = [
      claimLine({ invoiceDate: '2025-03-20', quantity: 10 }),
      claimLine({ lineNumber: 2, invoiceLine: '2', invoiceDate: '2025-04-02', quantity: 10 }),
      claimLine({ lineNumber: 3, invoiceLine: '3', invoiceDate: '2025-03-21', quantity: 10, extra: { resellerPoNumber: 'PO-7' } }),
    ];
    const single = validateClaimLines(lines, context({ facts }));
    expect(single.map((r) => r.reasonCodes)).toEqual([['MISSING_REQUIRED_FIELD'], [], []]);
    expect(single[0]!.inputs.missingFields).toEqual(['resellerPoNumber']);
    // the other way round: a field added by version 2 is not asked of a sale invoiced under version 1
    const added: FilingWindow[] = [
      { programVersion: 2, fromDate: 20250401, days: null, requiredFields: ['resellerPoNumber'] },
      { programVersion: 1, fromDate: 20250101, days: null, requiredFields: [] },
    ];
    const later = validateClaimLines(lines, context({ facts: [fact({ filingWindows: added, requiredFields: ['resellerPoNumber'] })] }));
    expect(later.map((r) => r.reasonCodes)).toEqual([[], ['MISSING_REQUIRED_FIELD'], []]);
    // the bulk validator (presence bits) gives the same verdicts
    const validator = createValidator({ authorizationLines: facts, productsByVendorPart: new Map([['VP-100', 100]]) });
    expect(
      validator
        .validate(1, lines)
        .results()
        .map((r) => r.reasonCodes),
    ).toEqual([['MISSING_REQUIRED_FIELD'], [], []]);
  });

  it('refuses a submission day that is not a date', () => {
    expect(() => judge('2025-01-03', '05/03/2025')).toThrow(/submittedOn/);
  });
});
