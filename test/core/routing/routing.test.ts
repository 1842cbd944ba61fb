import { createValidator, validateClaimLines, type AuthorizationVersionFact } from '../../../core/claims/engine.js';
import { explainLine } from '../../../core/messages/explain.js';
import { levelComplete, measure, pickRule, standingAt, type RoutingLevel, type RoutingRule } from '../../../core/routing/routing.js';
import { claimLine, context, fact } from '../claims/support.js';

const rule = (overrides: Partial<RoutingRule>): RoutingRule => ({
  id: 1,
  name: 'r',
  priority: 100,
  active: true,
  programId: null,
  distributorId: null,
  minValue: null,
  minMarginImpact: null,
  minDiscountPercent: null,
  match: 'any',
  levels: [{ approvers: [{ role: 'channel_manager' }], mode: 'any', timeLimitHours: null }],
  escalation: null,
  ...overrides,
});
const request = (quantity: number, cost: string, list: string | null = '10.0000', book: string | null = '9.0000') => ({
  programId: 7,
  distributorId: 2,
  lines: [{ quantity, requestedCost: cost, listPrice: list, bookCost: book }],
});

describe('routing rules', () => {
  it('measures value, margin impact and the deepest discount from list, exactly', () => {
    const m = measure({
      programId: 1,
      distributorId: 1,
      lines: [
        { quantity: 3, requestedCost: '0.1000', listPrice: '0.3000', bookCost: '0.2000' },
        { quantity: 1, requestedCost: '5.0000', listPrice: null, bookCost: null },
      ],
    });
    expect(m.value.toString()).toBe('5.3');
    expect(m.marginImpact.toString()).toBe('0.3');
    expect(m.discountPercent.toFixed(4)).toBe('66.6667');
  });

  it('picks the first rule that applies by priority, then id; none when no threshold is passed', () => {
    const big = rule({ id: 2, priority: 10, minValue: '50000' });
    const deep = rule({ id: 3, priority: 20, minDiscountPercent: '40' });
    const both = rule({ id: 4, priority: 5, minValue: '50000', minDiscountPercent: '40', match: 'all' });
    expect(pickRule([deep, big, both], request(10_000, '5.5000'))?.id).toBe(4); // 55,000 and 45 % off: 'all' holds, priority 5
    expect(pickRule([deep, big, both], request(10_000, '6.0000'))?.id).toBe(2); // 60,000, 40 % is not above 40 %
    expect(pickRule([deep, big, both], request(10_000, '5.0000'))?.id).toBe(3); // 50,000 is not above 50,000; 50 % off
    expect(pickRule([deep, big], request(10, '5.0000'))?.id).toBe(3); // 50 % off
    expect(pickRule([deep, big], request(10, '9.0000'))).toBeNull();
    expect(pickRule([both], request(20_000, '5.0000'))?.id).toBe(4);
    expect(pickRule([rule({ minMarginImpact: '100' })], request(101, '8.0000'))).not.toBeNull(); // (9 - 8) x 101
    expect(pickRule([rule({ distributorId: 3 })], request(1, '1.0000'))).toBeNull();
    expect(pickRule([rule({ programId: 7 })], request(1, '1.0000'))).not.toBeNull();
    expect(pickRule([rule({ active: false })], request(1, '1.0000'))).toBeNull();
  });

  it('lets a role, a user, a delegate in force and an escalation approver decide a level', () => {
    const level: RoutingLevel = { approvers: [{ userId: 5 }, { role: 'vendor_admin' }], mode: 'all', timeLimitHours: 24 };
    const base = { escalated: false, escalation: { userId: 9 }, delegations: [], today: '2026-12-02' };
    expect(standingAt({ userId: 5, role: 'channel_manager' }, level, 0, [], base)).toEqual({ approverIndex: 0, onBehalfOfUserId: null });
    expect(standingAt({ userId: 6, role: 'vendor_admin' }, level, 0, [], base)).toEqual({ approverIndex: 1, onBehalfOfUserId: null });
    expect(standingAt({ userId: 7, role: 'channel_manager' }, level, 0, [], base)).toBeNull();
    const away = { ...base, delegations: [{ userId: 5, delegateUserId: 7, from: '2026-12-01', to: '2026-12-03' }] };
    expect(standingAt({ userId: 7, role: 'channel_manager' }, level, 0, [], away)).toEqual({ approverIndex: 0, onBehalfOfUserId: 5 });
    expect(standingAt({ userId: 7, role: 'channel_manager' }, level, 0, [], { ...away, today: '2026-12-04' })).toBeNull();
    expect(standingAt({ userId: 9, role: 'channel_manager' }, level, 0, [], base)).toBeNull();
    expect(standingAt({ userId: 9, role: 'channel_manager' }, level, 0, [], { ...base, escalated: true })).toEqual({
      approverIndex: -1,
      onBehalfOfUserId: null,
    });
    const one = [{ level: 0, approverIndex: 0, userId: 5 }];
    expect(levelComplete(level, 0, one)).toBe(false);
    expect(levelComplete(level, 0, [...one, { level: 0, approverIndex: 1, userId: 6 }])).toBe(true);
    expect(levelComplete({ ...level, mode: 'any' }, 0, one)).toBe(true);
    expect(levelComplete(level, 0, [{ level: 0, approverIndex: -1, userId: 9 }])).toBe(true);
  });

  it('lets nobody approve two levels of one request, whatever roles they hold, even as the escalation approver', () => {
    const director: RoutingLevel = { approvers: [{ role: 'vendor_admin' }], mode: 'all', timeLimitHours: 24 };
    const base = { escalated: false, escalation: { userId: 6 }, delegations: [], today: '2026-12-02' };
    const firstLevel = [{ level: 0, approverIndex: 0, userId: 6 }];
    expect(standingAt({ userId: 6, role: 'vendor_admin' }, director, 1, [], base)).toEqual({ approverIndex: 0, onBehalfOfUserId: null });
    expect(standingAt({ userId: 6, role: 'vendor_admin' }, director, 1, firstLevel, base)).toBeNull();
    expect(standingAt({ userId: 6, role: 'vendor_admin' }, director, 1, firstLevel, { ...base, escalated: true })).toBeNull();
    expect(standingAt({ userId: 8, role: 'vendor_admin' }, director, 1, firstLevel, base)).toEqual({
      approverIndex: 0,
      onBehalfOfUserId: null,
    });
  });
});

describe('authorization versions in the engine', () => {
  const versions: AuthorizationVersionFact[] = [
    {
      version: 1,
      effectiveFrom: '2025-01-01',
      validFrom: '2025-01-01',
      validTo: '2025-06-30',
      authorizedCost: '10.0000',
      approvedQuantity: 100,
      cancelled: false,
    },
    {
      version: 2,
      effectiveFrom: '2025-03-01',
      validFrom: '2025-01-01',
      validTo: '2025-06-30',
      authorizedCost: '9.0000',
      approvedQuantity: 100,
      cancelled: false,
    },
  ];
  const cancelled = [
    ...versions,
    {
      version: 3,
      effectiveFrom: '2025-05-01',
      validFrom: '2025-01-01',
      validTo: '2025-06-30',
      authorizedCost: '9.0000',
      approvedQuantity: 100,
      cancelled: true,
    },
  ];

  it('validates each line against the version in force on its invoice date, in one batch', () => {
    const lines = [
      claimLine({ invoiceNumber: 'A', invoiceDate: '2025-02-28' }),
      claimLine({ invoiceNumber: 'B', invoiceDate: '2025-03-01' }),
    ];
    const [feb, mar] = validateClaimLines(lines, context({ facts: [fact({ versions })] }));
    expect(feb).toMatchObject({ verdict: 'accepted', authorizationVersion: 1, computedAmount: '25.0000' });
    expect(mar).toMatchObject({ verdict: 'accepted', authorizationVersion: 2, computedAmount: '35.0000' });
    // The bulk validator reads the same records.
    const bulk = createValidator({ authorizationLines: [fact({ versions })], productsByVendorPart: new Map([['VP-100', 100]]) });
    expect(
      bulk
        .validate(1, lines)
        .results()
        .map((r) => r.authorizationVersion),
    ).toEqual([1, 2]);
  });

  it('rejects a line invoiced on or after the cancellation AUTH_CANCELLED, in English and French', () => {
    const lines = [
      claimLine({ invoiceNumber: 'A', invoiceDate: '2025-04-30' }),
      claimLine({ invoiceNumber: 'B', invoiceDate: '2025-05-01' }),
    ];
    const [before, after] = validateClaimLines(lines, context({ facts: [fact({ versions: cancelled })] }));
    expect(before).toMatchObject({ verdict: 'accepted', authorizationVersion: 2 });
    expect(after).toMatchObject({ verdict: 'rejected', reasonCodes: ['AUTH_CANCELLED'], rule: 'dateWithinValidity' });
    expect(after!.inputs.cancelledFrom).toBe('2025-05-01');
    // After the old validity too, a cancelled authorization says cancelled, not expired.
    const [late] = validateClaimLines([claimLine({ invoiceDate: '2025-08-01' })], context({ facts: [fact({ versions: cancelled })] }));
    expect(late!.reasonCodes).toEqual(['AUTH_CANCELLED']);
    const explained = {
      ...lines[1]!,
      verdict: 'rejected',
      reasonCodes: ['AUTH_CANCELLED'],
      authorizationNumber: 'SD-1',
      vendorPartNumber: 'VP-100',
      endCustomerName: null,
      authorizedCost: null,
      claimedAmount: '0',
      computedAmount: '0',
      approvedAmount: '0',
      verdictInputs: after!.inputs,
    };
    expect(explainLine(explained, { locale: 'en', currency: 'USD' })).toEqual([
      'Authorization SD-1 was cancelled from 2025-05-01: the invoice date 2025-05-01 is no longer covered.',
    ]);
    expect(explainLine(explained, { locale: 'fr', currency: 'USD' })[0]).toContain('annulée depuis le 2025-05-01');
  });
});
