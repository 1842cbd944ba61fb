import {
  validateClaimLines,
  checkClaimLines,
  summarizeVerdicts,
  createValidator,
  AuthorizationDataError,
  ClaimLineBatch,
  CompactVerdicts,
  type LineVerdictResult,
} from '../../../core/claims/engine.js';
import { generateEngineDataset } from '../../../bench/dataset.js';
import { claimLine, context, fact, numbered } from './support.js';

describe('validateClaimLines', () => {
  it('accepts a valid line and computes (book - authorized) x quantity to the cent', () => {
    const [r] = validateClaimLines([claimLine()], context({ facts: [fact()] }));
    expect(r).toMatchObject({
      lineNumber: 1,
      verdict: 'accepted',
      reasonCodes: [],
      messages: [],
      acceptedQuantity: 10,
      computedAmount: '25.0000',
      approvedAmount: '25.0000',
      authorizationLineId: 11,
      authorizationVersion: 1,
      rule: null,
    });
    expect(r!.inputs).toMatchObject({
      authorizedCost: '10.0000',
      bookCost: '12.5000',
      quantity: 10,
      remainingBefore: 100,
      validTo: '2025-06-30',
    });
  });

  it('rounds a line credit half-up to the cent', () => {
    // (10.0050 - 10.0000) x 1 = 0.005 -> 0.01
    const [r] = validateClaimLines([claimLine({ bookCost: '10.005', quantity: 1 })], context({ facts: [fact()] }));
    expect(r!.computedAmount).toBe('0.0100');
  });

  it("rounds a credit to the claim currency's minor unit, and pays no fraction of one", () => {
    // (12.5370 - 10.0000) x 3 = 7.611: 8 yen (JPY, no decimals), 7.611 dinars (KWD, 3), 7.61 dollars.
    const line = claimLine({ bookCost: '12.537', quantity: 3 });
    const [jpy] = validateClaimLines([line], context({ facts: [fact()] }), { minorUnitExponent: 0 });
    expect([jpy!.computedAmount, jpy!.approvedAmount]).toEqual(['8.0000', '8.0000']);
    const [kwd] = validateClaimLines([line], context({ facts: [fact()] }), { minorUnitExponent: 3 });
    expect(kwd!.computedAmount).toBe('7.6110');
    const [usd] = validateClaimLines([line], context({ facts: [fact()] }));
    expect(usd!.computedAmount).toBe('7.6100');
    // A claimed 5.5 yen is paid as 5 yen: approved amounts are whole minor units.
    const [part] = validateClaimLines([{ ...line, claimedAmount: '5.5' }], context({ facts: [fact()] }), { minorUnitExponent: 0 });
    expect(part!.approvedAmount).toBe('5.0000');
  });

  describe('authorizationFound', () => {
    it('rejects a line whose authorization number is unknown', () => {
      const [r] = validateClaimLines([claimLine({ authorizationNumber: 'NOPE' })], context({ facts: [fact()] }));
      expect(r).toMatchObject({
        verdict: 'rejected',
        reasonCodes: ['AUTH_NOT_FOUND'],
        rule: 'authorizationFound',
        acceptedQuantity: 0,
        computedAmount: '0.0000',
      });
      expect(r!.messages[0]).toContain('NOPE');
    });

    it('finds an authorization whatever the case and surrounding spaces of its number', () => {
      const ctx = context({ facts: [fact()] });
      const [r] = validateClaimLines([claimLine({ authorizationNumber: ' sd-1 ' })], ctx);
      expect(r!.verdict).toBe('accepted');
    });

    it('rejects a line without authorization number as a missing field', () => {
      const [r] = validateClaimLines([claimLine({ authorizationNumber: '  ' })], context({ facts: [fact()] }));
      expect(r).toMatchObject({ verdict: 'rejected', reasonCodes: ['MISSING_REQUIRED_FIELD'], rule: 'requiredLineFields' });
      expect(r!.messages[0]).toContain('authorizationNumber is missing');
    });
  });

  describe('authorizationForDistributor', () => {
    it('rejects a line whose authorization belongs to another distributor, without revealing it', () => {
      const [r] = validateClaimLines([claimLine()], context({ facts: [fact({ distributorId: 2, endCustomerName: 'Secret Corp' })] }));
      expect(r).toMatchObject({ verdict: 'rejected', reasonCodes: ['AUTH_NOT_FOR_DISTRIBUTOR'], authorizationLineId: null });
      expect(JSON.stringify(r)).not.toContain('Secret');
    });
  });

  describe('partMatches', () => {
    it('accepts the distributor part number through the mapping', () => {
      const [r] = validateClaimLines(
        [claimLine({ vendorPartNumber: null, distributorPartNumber: 'DP-100' })],
        context({ facts: [fact()] }),
      );
      expect(r!.verdict).toBe('accepted');
    });

    it('rejects a part that is not on the authorization', () => {
      const [r] = validateClaimLines([claimLine({ vendorPartNumber: 'VP-200' })], context({ facts: [fact()] }));
      expect(r).toMatchObject({ verdict: 'rejected', reasonCodes: ['PART_MISMATCH'], rule: 'partMatches' });
    });

    it('matches an unmapped vendor part by its text on the authorization line', () => {
      const [r] = validateClaimLines([claimLine({ vendorPartNumber: 'vp-100 ' })], context({ facts: [fact()], vendorParts: {} }));
      expect(r!.verdict).toBe('accepted');
    });

    it('rejects a line whose vendor and distributor parts name different products', () => {
      const [r] = validateClaimLines([claimLine({ distributorPartNumber: 'DP-200' })], context({ facts: [fact()] }));
      expect(r!.reasonCodes).toEqual(['PART_MISMATCH']);
      expect(r!.messages[0]).toContain('different products');
    });

    it('picks the authorization line whose product matches', () => {
      const facts = [fact(), fact({ authorizationLineId: 12, productId: 200, vendorPartNumber: 'VP-200', authorizedCost: '5' })];
      const [r] = validateClaimLines([claimLine({ vendorPartNumber: 'VP-200' })], context({ facts }));
      expect(r).toMatchObject({ verdict: 'accepted', authorizationLineId: 12, computedAmount: '75.0000' });
    });

    it('rejects a line with neither vendor nor distributor part', () => {
      const [r] = validateClaimLines([claimLine({ vendorPartNumber: null })], context({ facts: [fact()] }));
      expect(r!.reasonCodes).toEqual(['MISSING_REQUIRED_FIELD']);
      expect(r!.messages[0]).toContain('vendorPartNumber');
    });
  });

  describe('dateWithinValidity', () => {
    it('rejects a line whose invoice date is after expiry', () => {
      const [r] = validateClaimLines([claimLine({ invoiceDate: '2025-07-01' })], context({ facts: [fact()] }));
      expect(r).toMatchObject({ verdict: 'rejected', reasonCodes: ['AUTH_EXPIRED'], rule: 'dateWithinValidity', authorizationLineId: 11 });
      expect(r!.messages[0]).toMatch(/after the authorization expired/);
    });

    it('rejects a line whose invoice date is before the start', () => {
      const [r] = validateClaimLines([claimLine({ invoiceDate: '2024-12-31' })], context({ facts: [fact()] }));
      expect(r!.messages[0]).toMatch(/before the authorization starts/);
    });

    it('accepts both ends of the window (inclusive)', () => {
      const results = validateClaimLines(
        numbered([claimLine({ invoiceDate: '2025-01-01' }), claimLine({ invoiceDate: '2025-06-30', invoiceLine: '2' })]),
        context({ facts: [fact()] }),
      );
      expect(results.map((r) => r.verdict)).toEqual(['accepted', 'accepted']);
    });

    it('checks the ship date instead when asked to', () => {
      const line = claimLine({ invoiceDate: '2025-07-02', shipDate: '2025-06-30' });
      expect(validateClaimLines([line], context({ facts: [fact()] }))[0]!.verdict).toBe('rejected');
      expect(validateClaimLines([line], context({ facts: [fact()] }), { dateBasis: 'ship' })[0]!.verdict).toBe('accepted');
    });

    it('rejects an impossible date as a malformed field', () => {
      const [r] = validateClaimLines([claimLine({ invoiceDate: '2025-02-30' })], context({ facts: [fact()] }));
      expect(r!.reasonCodes[0]).toBe('MISSING_REQUIRED_FIELD');
      expect(r!.messages[0]).toContain('invoiceDate "2025-02-30" is not a date');
    });

    it('prefers the version valid on the invoice date', () => {
      const facts = [
        fact({ authorizationLineId: 11, authorizationVersion: 1, validTo: '2025-03-31' }),
        fact({ authorizationLineId: 21, authorizationVersion: 2, validFrom: '2025-04-01', authorizedCost: '11' }),
      ];
      const results = validateClaimLines(
        numbered([claimLine({ invoiceDate: '2025-03-01' }), claimLine({ invoiceDate: '2025-05-01', invoiceLine: '2' })]),
        context({ facts }),
      );
      expect(results.map((r) => [r.authorizationLineId, r.authorizationVersion, r.computedAmount])).toEqual([
        [11, 1, '25.0000'],
        [21, 2, '15.0000'],
      ]);
    });

    it('uses the highest version when several cover the date', () => {
      const facts = [fact({ authorizationLineId: 11 }), fact({ authorizationLineId: 21, authorizationVersion: 2 })];
      expect(validateClaimLines([claimLine()], context({ facts }))[0]!.authorizationVersion).toBe(2);
    });
  });

  describe('endCustomerMatches', () => {
    it('accepts any end customer when the authorization names none', () => {
      expect(validateClaimLines([claimLine({ endCustomerName: 'Anyone' })], context({ facts: [fact()] }))[0]!.verdict).toBe('accepted');
    });

    it('matches the end customer by id', () => {
      const facts = [fact({ endCustomerId: 5, endCustomerName: 'Acme Corp' })];
      expect(validateClaimLines([claimLine({ endCustomerId: 5 })], context({ facts }))[0]!.verdict).toBe('accepted');
      const [r] = validateClaimLines([claimLine({ endCustomerId: 6, endCustomerName: 'Acme Corp' })], context({ facts }));
      expect(r).toMatchObject({ verdict: 'rejected', reasonCodes: ['END_CUSTOMER_MISMATCH'], rule: 'endCustomerMatches' });
    });

    it('matches the end customer name without regard to case or spaces', () => {
      const facts = [fact({ endCustomerId: 5, endCustomerName: 'Acme Corp' })];
      expect(validateClaimLines([claimLine({ endCustomerName: '  ACME   corp ' })], context({ facts }))[0]!.verdict).toBe('accepted');
      const [r] = validateClaimLines([claimLine({ endCustomerName: 'Acme Inc' })], context({ facts }));
      expect(r!.reasonCodes).toEqual(['END_CUSTOMER_MISMATCH']);
      expect(r!.messages[0]).toBe('End customer "Acme Inc" does not match the authorized end customer "Acme Corp".');
    });

    it('asks for the end customer when the line names none', () => {
      const [r] = validateClaimLines([claimLine()], context({ facts: [fact({ endCustomerName: 'Acme Corp' })] }));
      expect(r!.reasonCodes).toEqual(['MISSING_REQUIRED_FIELD']);
      expect(r!.messages[0]).toContain('endCustomerName is missing');
    });

    it('picks the authorization line of the right end customer among several for one part', () => {
      const facts = [
        fact({ authorizationLineId: 11, endCustomerName: 'Acme' }),
        fact({ authorizationLineId: 12, endCustomerName: 'Globex', authorizedCost: '9' }),
      ];
      expect(validateClaimLines([claimLine({ endCustomerName: 'globex' })], context({ facts }))[0]).toMatchObject({
        authorizationLineId: 12,
        computedAmount: '35.0000',
      });
    });
  });

  describe('quantityWithinApproved', () => {
    it('cuts a line to what remains and marks it partial', () => {
      const [r] = validateClaimLines(
        [claimLine({ quantity: 30 })],
        context({ facts: [fact({ approvedQuantity: 100, consumedQuantity: 80 })] }),
      );
      expect(r).toMatchObject({
        verdict: 'partial',
        reasonCodes: ['QTY_EXCEEDS_APPROVED'],
        acceptedQuantity: 20,
        computedAmount: '50.0000',
        rule: 'quantityWithinApproved',
      });
      expect(r!.messages[0]).toBe('Only 20 of the 30 units claimed remain on authorization SD-1; 20 were accepted.');
    });

    it('rejects a line when nothing remains', () => {
      const [r] = validateClaimLines([claimLine()], context({ facts: [fact({ approvedQuantity: 100, consumedQuantity: 100 })] }));
      expect(r).toMatchObject({
        verdict: 'rejected',
        reasonCodes: ['QTY_EXCEEDS_APPROVED'],
        acceptedQuantity: 0,
        computedAmount: '0.0000',
      });
    });

    it('serves earlier lines of the same claim first', () => {
      const lines = numbered([
        claimLine({ invoiceLine: '1', quantity: 60 }),
        claimLine({ invoiceLine: '2', quantity: 60 }),
        claimLine({ invoiceLine: '3', quantity: 60 }),
      ]);
      const results = validateClaimLines(lines, context({ facts: [fact()] }));
      expect(results.map((r) => [r.verdict, r.acceptedQuantity])).toEqual([
        ['accepted', 60],
        ['partial', 40],
        ['rejected', 0],
      ]);
    });

    it('does not let a rejected line take quantity', () => {
      const lines = numbered([
        claimLine({ invoiceLine: '1', quantity: 100, invoiceDate: '2030-01-01' }),
        claimLine({ invoiceLine: '2', quantity: 100 }),
      ]);
      expect(validateClaimLines(lines, context({ facts: [fact()] })).map((r) => r.verdict)).toEqual(['rejected', 'accepted']);
    });

    it('rejects a quantity that is not a whole number above zero', () => {
      for (const quantity of [0, -3, 1.5, Number.NaN]) {
        const [r] = validateClaimLines([claimLine({ quantity })], context({ facts: [fact()] }));
        expect(r!.reasonCodes).toEqual(['MISSING_REQUIRED_FIELD']);
        expect(r!.messages[0]).toContain('quantity');
      }
    });

    it('starts each call from the consumed quantity it is given', () => {
      const ctx = context({ facts: [fact({ approvedQuantity: 10 })] });
      expect(validateClaimLines([claimLine({ quantity: 10 })], ctx)[0]!.verdict).toBe('accepted');
      expect(validateClaimLines([claimLine({ quantity: 10 })], ctx)[0]!.verdict).toBe('accepted');
    });
  });

  describe('price rules', () => {
    it('rejects a claimed debit cost below the authorized cost', () => {
      const [r] = validateClaimLines([claimLine({ authorizedCost: '9.9999' })], context({ facts: [fact()] }));
      expect(r).toMatchObject({ verdict: 'rejected', reasonCodes: ['PRICE_ABOVE_AUTHORIZED'], rule: 'costNotBelowAuthorized' });
      expect(r!.messages[0]).toBe('The claimed debit cost 9.9999 is below the authorized cost 10.0000.');
    });

    it('accepts a claimed debit cost at or above the authorized cost, and credits from the authorized cost', () => {
      const [r] = validateClaimLines([claimLine({ authorizedCost: '10.50' })], context({ facts: [fact()] }));
      expect(r).toMatchObject({ verdict: 'accepted', computedAmount: '25.0000' });
    });

    it('rejects a resale price above the authorized ceiling', () => {
      const facts = [fact({ maxResalePrice: '15.00' })];
      expect(validateClaimLines([claimLine({ resalePrice: '15.00' })], context({ facts }))[0]!.verdict).toBe('accepted');
      const [r] = validateClaimLines([claimLine({ resalePrice: '15.01' })], context({ facts }));
      expect(r).toMatchObject({ reasonCodes: ['PRICE_ABOVE_AUTHORIZED'], rule: 'resaleWithinCeiling' });
      const [m] = validateClaimLines([claimLine()], context({ facts }));
      expect(m!.messages[0]).toContain('resalePrice is missing');
    });

    it('rejects a book cost that is not above the authorized cost', () => {
      const [r] = validateClaimLines([claimLine({ bookCost: '10' })], context({ facts: [fact()] }));
      expect(r).toMatchObject({
        verdict: 'rejected',
        reasonCodes: ['PRICE_ABOVE_AUTHORIZED'],
        rule: 'bookCostAboveAuthorized',
        computedAmount: '0.0000',
      });
    });

    it('rejects a malformed or negative amount as a field error', () => {
      const [r] = validateClaimLines([claimLine({ bookCost: '12,50', claimedAmount: '-1' })], context({ facts: [fact()] }));
      expect(r!.reasonCodes).toEqual(['MISSING_REQUIRED_FIELD']);
      expect(r!.messages[0]).toContain('bookCost "12,50" is not an amount');
      expect(r!.messages[0]).toContain('claimedAmount "-1" is not an amount');
    });
  });

  describe('programRequiredFields', () => {
    it('rejects a line missing a field its program mandates, naming the field', () => {
      const facts = [fact({ requiredFields: ['resellerPoNumber'] })];
      const [r] = validateClaimLines([claimLine({ extra: { resellerPoNumber: ' ' } })], context({ facts }));
      expect(r).toMatchObject({ verdict: 'rejected', reasonCodes: ['MISSING_REQUIRED_FIELD'], rule: 'programRequiredFields' });
      expect(r!.messages[0]).toContain('resellerPoNumber');
      expect(validateClaimLines([claimLine({ extra: { resellerPoNumber: 'PO-9' } })], context({ facts }))[0]!.verdict).toBe('accepted');
    });

    it('finds a mandated field among the line fields too', () => {
      const facts = [fact({ requiredFields: ['shipDate'] })];
      expect(validateClaimLines([claimLine({ shipDate: '2025-03-14' })], context({ facts }))[0]!.verdict).toBe('accepted');
    });
  });

  describe('notDuplicateInClaim and notAlreadyClaimed', () => {
    it('rejects the later of two lines with the same invoice number and line', () => {
      const lines = numbered([claimLine(), claimLine({ invoiceNumber: ' inv-1', invoiceLine: '001' })]);
      const results = validateClaimLines(lines, context({ facts: [fact()] }));
      expect(results[0]!.verdict).toBe('accepted');
      expect(results[1]).toMatchObject({ verdict: 'rejected', reasonCodes: ['DUPLICATE_LINE'], rule: 'notDuplicateInClaim' });
      expect(results[1]!.messages[0]).toContain('line 1 of this claim');
      expect(results[1]!.inputs.duplicateOfLine).toBe(1);
    });

    it('rejects a POS line already consumed by another claim or program', () => {
      const [r] = validateClaimLines([claimLine()], context({ facts: [fact()], consumed: ['INV-1\u00011'] }));
      expect(r).toMatchObject({ verdict: 'rejected', reasonCodes: ['ALREADY_CLAIMED'], rule: 'notAlreadyClaimed' });
    });
  });

  describe('amountNotOverClaimed', () => {
    it('cuts an over-claimed amount to the computed credit and flags it', () => {
      const [r] = validateClaimLines([claimLine({ claimedAmount: '30.00' })], context({ facts: [fact()] }));
      expect(r).toMatchObject({
        verdict: 'partial',
        reasonCodes: ['AMOUNT_OVER_CLAIMED'],
        rule: 'amountNotOverClaimed',
        acceptedQuantity: 10,
        computedAmount: '25.0000',
        approvedAmount: '25.0000',
      });
      expect(r!.messages[0]).toBe('The claimed amount 30.00 is above the computed credit; the credit was cut to 25.0000.');
    });

    it('honours a claimed amount below the computed credit', () => {
      const [r] = validateClaimLines([claimLine({ claimedAmount: '20' })], context({ facts: [fact()] }));
      expect(r).toMatchObject({ verdict: 'accepted', computedAmount: '25.0000', approvedAmount: '20.0000' });
    });

    it('compares the claim with the credit for the claimed quantity, not the cut one', () => {
      const [r] = validateClaimLines(
        [claimLine({ quantity: 30, claimedAmount: '75' })],
        context({ facts: [fact({ consumedQuantity: 80 })] }),
      );
      expect(r).toMatchObject({
        verdict: 'partial',
        reasonCodes: ['QTY_EXCEEDS_APPROVED'],
        computedAmount: '50.0000',
        approvedAmount: '50.0000',
      });
    });
  });

  it('reports every failing rule, naming the first', () => {
    const facts = [fact({ endCustomerName: 'Acme' })];
    const [r] = validateClaimLines(
      [claimLine({ invoiceDate: '2026-01-01', endCustomerName: 'Other', authorizedCost: '1' })],
      context({ facts }),
    );
    expect(r!.reasonCodes).toEqual(['AUTH_EXPIRED', 'END_CUSTOMER_MISMATCH', 'PRICE_ABOVE_AUTHORIZED']);
    expect(r!.messages).toHaveLength(3);
    expect(r!.rule).toBe('dateWithinValidity');
  });

  it('is deterministic: the same input gives the same output', () => {
    const lines = numbered([claimLine({ quantity: 70 }), claimLine({ invoiceLine: '2', quantity: 70 }), claimLine({ invoiceLine: '2' })]);
    const ctx = context({ facts: [fact(), fact({ authorizationLineId: 12 })] });
    expect(validateClaimLines(lines, ctx)).toEqual(validateClaimLines(lines, ctx));
  });

  it('keeps exact money for large amounts beyond safe integers', () => {
    const [r] = validateClaimLines(
      [claimLine({ bookCost: '99999999.9999', quantity: 900_000_000 })],
      context({ facts: [fact({ authorizedCost: '0.0001', approvedQuantity: 1_000_000_000 })] }),
    );
    expect(r!.computedAmount).toBe('89999999999820000.0000');
  });

  it('reports corrupt authorization data loudly', () => {
    expect(() => validateClaimLines([claimLine()], context({ facts: [fact({ authorizedCost: 'ten' })] }))).toThrow(AuthorizationDataError);
  });

  it('sums totals exactly from the lines', () => {
    const lines = numbered(
      Array.from({ length: 10 }, (_, i) => claimLine({ invoiceLine: String(i + 1), quantity: 1, bookCost: '10.1', authorizedCost: null })),
    );
    const ctx = context({ facts: [fact({ authorizedCost: '10' })] });
    const results = validateClaimLines(lines, ctx);
    expect(summarizeVerdicts(results)).toMatchObject({ accepted: 10, computedAmount: '1.0000', acceptedQuantity: 10 });
    expect(checkClaimLines(lines, ctx).totals()).toEqual(summarizeVerdicts(results));
  });
});

describe('createValidator', () => {
  it('gives the same verdicts as validateClaimLines', () => {
    const facts = [
      fact(),
      fact({ authorizationLineId: 12, productId: 200, vendorPartNumber: 'VP-200' }),
      fact({ authorizationNumber: 'SD-2', distributorId: 2 }),
    ];
    const lines = numbered([
      claimLine(),
      claimLine({ invoiceLine: '2', vendorPartNumber: null, distributorPartNumber: 'DP-200', quantity: 150 }),
      claimLine({ invoiceLine: '3', authorizationNumber: 'SD-2' }),
      claimLine({ invoiceLine: '4', authorizationNumber: 'SD-9' }),
      claimLine({ invoiceLine: '5' }),
      claimLine({ invoiceLine: '5' }),
    ]);
    const validator = createValidator({
      authorizationLines: facts,
      productsByVendorPart: new Map([
        ['VP-100', 100],
        ['VP-200', 200],
      ]),
      productsByDistributorPart: new Map([[1, new Map([['DP-200', 200]])]]),
      consumedPosKeys: new Map([[1, new Set(['INV-1\u00015'])]]),
    });
    const bulk = validator.validate(1, lines).results();
    const viaContext = validateClaimLines(lines, context({ facts, consumed: ['INV-1\u00015'] }));
    expect(bulk).toEqual(viaContext);
    expect(bulk.map((r) => r.reasonCodes)).toEqual([
      [],
      ['QTY_EXCEEDS_APPROVED'],
      ['AUTH_NOT_FOR_DISTRIBUTOR'],
      ['AUTH_NOT_FOUND'],
      ['ALREADY_CLAIMED'],
      ['DUPLICATE_LINE', 'ALREADY_CLAIMED'],
    ]);
  });
});

describe('createValidator with program-mandated fields', () => {
  it('finds mandated fields through the batch presence bits like the context path', () => {
    const facts = [
      fact({ requiredFields: ['resellerPoNumber', 'shipDate'] }),
      fact({ authorizationNumber: 'SD-2', authorizationLineId: 21, requiredFields: ['salesOrderNumber'] }),
    ];
    const lines = numbered([
      claimLine({ invoiceLine: '1', shipDate: '2025-03-15', extra: { resellerPoNumber: 'R1' } }),
      claimLine({ invoiceLine: '2', extra: { resellerPoNumber: 'R1' } }),
      claimLine({ invoiceLine: '3', shipDate: '2025-03-15', extra: { resellerPoNumber: ' ' } }),
      claimLine({ invoiceLine: '4', authorizationNumber: 'SD-2', extra: { salesOrderNumber: 'SO-1' } }),
      claimLine({ invoiceLine: '5', authorizationNumber: 'SD-2' }),
    ]);
    const validator = createValidator({ authorizationLines: facts, productsByVendorPart: new Map([['VP-100', 100]]) });
    expect(validator.index.watchedFields).toEqual(['resellerPoNumber', 'shipDate', 'salesOrderNumber']);
    const bulk = validator.validate(1, lines).results();
    expect(bulk).toEqual(validateClaimLines(lines, context({ facts })));
    expect(bulk.map((r) => r.verdict)).toEqual(['accepted', 'rejected', 'rejected', 'accepted', 'rejected']);
    expect(bulk[1]!.messages[0]).toContain('shipDate is missing');
    expect(bulk[4]!.messages[0]).toContain('salesOrderNumber is missing');
  });
});

describe('validation sessions', () => {
  const facts = [fact({ approvedQuantity: 50 })];
  const data = { authorizationLines: facts, productsByVendorPart: new Map([['VP-100', 100]]) };

  it('carries duplicates and quantity across chunks of one file', () => {
    const validator = createValidator(data);
    const session = validator.session(1);
    const first = session.validate(numbered([claimLine({ invoiceLine: '1', quantity: 30 })]));
    const second = session.validate([
      claimLine({ lineNumber: 2, invoiceLine: '2', quantity: 30 }),
      claimLine({ lineNumber: 3, invoiceLine: '1' }),
    ]);
    session.close();
    expect(first.result(0).verdict).toBe('accepted');
    expect(second.results().map((r) => [r.verdict, r.acceptedQuantity, r.reasonCodes])).toEqual([
      ['partial', 20, ['QTY_EXCEEDS_APPROVED']],
      ['rejected', 0, ['DUPLICATE_LINE']],
    ]);
    expect(second.result(1).messages[0]).toContain('line 1 of this claim');
    // closing gave the quantity back
    expect(validator.validate(1, [claimLine({ quantity: 50 })]).result(0).verdict).toBe('accepted');
  });

  it('lets sessions overlap without sharing what they took', () => {
    const validator = createValidator(data);
    const a = validator.session(1);
    expect(a.validate([claimLine({ quantity: 40 })]).result(0).acceptedQuantity).toBe(40);
    const b = validator.session(1);
    expect(b.validate([claimLine({ quantity: 40 })]).result(0).acceptedQuantity).toBe(40);
    expect(a.validate([claimLine({ lineNumber: 2, invoiceLine: '2', quantity: 40 })]).result(0).acceptedQuantity).toBe(10);
    b.close();
    a.close();
    expect(() => a.validate([claimLine()])).toThrow(/closed/);
  });
});

describe('validateChunk with one reused verdicts object', () => {
  const facts = [fact({ approvedQuantity: 50 })];
  const data = { authorizationLines: facts, productsByVendorPart: new Map([['VP-100', 100]]) };

  it('gives every chunk the verdicts a fresh object would, with nothing left over from the last chunk', () => {
    const lines = numbered([
      claimLine({ invoiceLine: '1', quantity: 30, claimedAmount: '100.00' }), // accepted, amount cut
      claimLine({ invoiceLine: '2', quantity: 30 }), // partial: 20 left
      claimLine({ invoiceLine: '1' }), // duplicate of line 1
      claimLine({ invoiceLine: '3', bookCost: '12,5' }), // missing field
      claimLine({ invoiceLine: '4' }), // nothing left
    ]);
    const expected = createValidator(data).validate(1, lines).results();
    const validator = createValidator(data);
    const session = validator.session(1);
    const columns = (from: number, to: number) => ClaimLineBatch.fromRange(lines, from, to, validator.texts, validator.index.watchedFields);
    const first = session.validateChunk(columns(0, 3));
    expect(first.count).toBe(3);
    expect(first.results()).toEqual(expected.slice(0, 3));
    const second = session.validateChunk(columns(3, 5), first);
    expect(second).toBe(first); // the same object, refilled
    expect(second.count).toBe(2);
    expect(second.line(0)).toBe(lines[3]);
    expect(second.results()).toEqual(expected.slice(3, 5));
    // the duplicate and the amounts of the first chunk are gone
    expect(second.duplicateOf.size).toBe(0);
    expect([...second.missingFields.keys()]).toEqual([0]);
    expect([
      ...second.acceptedQuantity.subarray(0, 2),
      ...second.computedUnits.subarray(0, 2),
      ...second.approvedUnits.subarray(0, 2),
    ]).toEqual([0, 0, 0, 0, 0, 0]);
    session.close();
  });

  it('sizes a new object to the chunk, and validateBatch keeps giving the chunk its own lines', () => {
    const lines = numbered(Array.from({ length: 10 }, (_, i) => claimLine({ invoiceLine: String(i + 1), quantity: 1 })));
    const validator = createValidator(data);
    const session = validator.session(1);
    const chunk = session.validateChunk(ClaimLineBatch.fromRange(lines, 6, 9, validator.texts, validator.index.watchedFields));
    expect([chunk.capacity, chunk.count, chunk.lineOffset, chunk.line(0)]).toEqual([3, 3, 6, lines[6]]);
    const batch = session.validateBatch(ClaimLineBatch.fromRange(lines, 2, 4, validator.texts, validator.index.watchedFields));
    expect(batch.lines).toEqual(lines.slice(2, 4));
    expect(batch.result(1).lineNumber).toBe(4);
    session.close();
  });

  it('allocates a bigger object when a chunk does not fit', () => {
    const validator = createValidator(data);
    const session = validator.session(1);
    const small = session.validateChunk(ClaimLineBatch.from([claimLine()], validator.texts, validator.index.watchedFields));
    const lines = numbered([claimLine({ invoiceLine: '7' }), claimLine({ invoiceLine: '8' })]);
    const big = session.validateChunk(ClaimLineBatch.from(lines, validator.texts, validator.index.watchedFields), small);
    expect(big).not.toBe(small);
    expect(big.capacity).toBe(2);
    expect(big.results().map((r) => r.verdict)).toEqual(['accepted', 'accepted']);
    session.close();
    expect(() => small.rebind(lines, 0, 2, 1, 'invoice')).toThrow(RangeError);
  });

  it('matches validate over a generated data set, chunk by chunk', () => {
    const ds = generateEngineDataset(6_000, 60, 2, 5);
    const validator = createValidator(ds.data);
    for (const b of ds.batches) {
      const whole = createValidator(ds.data).validate(b.distributorId, b.lines);
      const session = validator.session(b.distributorId, { expectedLines: b.lines.length });
      let verdicts: CompactVerdicts | undefined;
      for (let start = 0; start < b.lines.length; start += 700) {
        const end = Math.min(b.lines.length, start + 700);
        verdicts = session.validateChunk(
          ClaimLineBatch.fromRange(b.lines, start, end, validator.texts, validator.index.watchedFields),
          verdicts,
        );
        for (let i = 0; i < verdicts.count; i++) expect(verdicts.result(i)).toEqual(whole.result(start + i));
      }
      session.close();
    }
  });
});

describe('sessions of one validator, one after the other', () => {
  const facts = [fact({ approvedQuantity: 50 })];
  const data = { authorizationLines: facts, productsByVendorPart: new Map([['VP-100', 100]]) };

  it('give back every unit taken, however many lines took from one authorization line', () => {
    const validator = createValidator(data);
    const session = validator.session(1);
    const lines = numbered(Array.from({ length: 6 }, (_, i) => claimLine({ invoiceLine: String(i + 1), quantity: 9 })));
    expect(
      session
        .validate(lines)
        .results()
        .map((r) => r.acceptedQuantity),
    ).toEqual([9, 9, 9, 9, 9, 5]);
    session.close();
    expect(validator.validate(1, [claimLine({ quantity: 50 })]).result(0).verdict).toBe('accepted');
  });

  it('do not see the POS keys of an earlier session (the duplicate table is reused, emptied)', () => {
    const validator = createValidator(data);
    const a = validator.session(1, { expectedLines: 10 });
    expect(a.validate(numbered([claimLine({ quantity: 1 }), claimLine({ quantity: 1 })])).reasonCodesOf(1)).toEqual(['DUPLICATE_LINE']);
    a.close();
    const b = validator.session(1, { expectedLines: 10 });
    const again = b.validate([claimLine({ quantity: 1 })]);
    expect(again.result(0).verdict).toBe('accepted');
    b.close();
  });
});

describe('the fields a MISSING_REQUIRED_FIELD verdict blames are named in its inputs', () => {
  const missingOf = (r: LineVerdictResult) => r.inputs.missingFields;

  it('names a line field that is absent or malformed', () => {
    const [r] = validateClaimLines([claimLine({ authorizationNumber: '  ' })], context({ facts: [fact()] }));
    expect(missingOf(r!)).toEqual(['authorizationNumber']);
    const [m] = validateClaimLines([claimLine({ bookCost: '12,50', claimedAmount: '-1', quantity: 0 })], context({ facts: [fact()] }));
    expect(m!.reasonCodes).toEqual(['MISSING_REQUIRED_FIELD']);
    expect(missingOf(m!)).toEqual(['quantity', 'bookCost', 'claimedAmount']);
  });

  it('names the end customer when the authorization is for one and the line names none', () => {
    const [r] = validateClaimLines([claimLine()], context({ facts: [fact({ endCustomerName: 'Acme Corp' })] }));
    expect(r).toMatchObject({ reasonCodes: ['MISSING_REQUIRED_FIELD'], rule: 'endCustomerMatches' });
    expect(missingOf(r!)).toEqual(['endCustomerName']);
  });

  it('names the resale price when the line has a ceiling and the line reports none', () => {
    const [r] = validateClaimLines([claimLine()], context({ facts: [fact({ maxResalePrice: '15.00' })] }));
    expect(r).toMatchObject({ reasonCodes: ['MISSING_REQUIRED_FIELD'], rule: 'resaleWithinCeiling' });
    expect(missingOf(r!)).toEqual(['resalePrice']);
  });

  it('names every field the program mandates that the line lacks, by the context and the bulk paths alike', () => {
    const facts = [fact({ requiredFields: ['resellerPoNumber', 'shipDate'] })];
    const lines = numbered([claimLine({ invoiceLine: '1', extra: { resellerPoNumber: ' ' } }), claimLine({ invoiceLine: '2' })]);
    const viaContext = validateClaimLines(lines, context({ facts }));
    const bulk = createValidator({ authorizationLines: facts, productsByVendorPart: new Map([['VP-100', 100]]) }).validate(1, lines);
    for (const results of [viaContext, bulk.results()]) {
      expect(results.map((r) => r.rule)).toEqual(['programRequiredFields', 'programRequiredFields']);
      expect(results.map(missingOf)).toEqual([
        ['resellerPoNumber', 'shipDate'],
        ['resellerPoNumber', 'shipDate'],
      ]);
    }
  });

  it('names the fields of several rules on one line, each once', () => {
    const facts = [fact({ endCustomerName: 'Acme Corp', requiredFields: ['resellerPoNumber'] })];
    const [r] = validateClaimLines([claimLine({ invoiceDate: '2025-02-30', extra: {} })], context({ facts }));
    expect(r!.reasonCodes).toEqual(['MISSING_REQUIRED_FIELD']);
    expect(missingOf(r!)).toEqual(['invoiceDate', 'endCustomerName', 'resellerPoNumber']);
  });

  it('names no field on a line nothing is missing from', () => {
    const results = validateClaimLines(
      numbered([claimLine({ invoiceLine: '1' }), claimLine({ invoiceLine: '2', invoiceDate: '2030-01-01' })]),
      context({ facts: [fact()] }),
    );
    expect(results.map((r) => r.reasonCodes)).toEqual([[], ['AUTH_EXPIRED']]);
    expect(results.map((r) => 'missingFields' in r.inputs)).toEqual([false, false]);
  });

  it('keeps the names of a chunk once its reused verdicts object holds the next chunk', () => {
    const data = { authorizationLines: [fact()], productsByVendorPart: new Map([['VP-100', 100]]) };
    const lines = numbered([claimLine({ invoiceLine: '1', vendorPartNumber: null }), claimLine({ invoiceLine: '2', quantity: -1 })]);
    const validator = createValidator(data);
    const session = validator.session(1);
    const columns = (from: number, to: number) => ClaimLineBatch.fromRange(lines, from, to, validator.texts, validator.index.watchedFields);
    const first = session.validateChunk(columns(0, 1)).result(0);
    const second = session.validateChunk(columns(1, 2)).result(0);
    session.close();
    expect(missingOf(first)).toEqual(['vendorPartNumber']);
    expect(missingOf(second)).toEqual(['quantity']);
  });
});
