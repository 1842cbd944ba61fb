/**
 * Each rebate kind against worked examples computed by hand (in the comments), at the
 * boundaries: tiers reached exactly, growth over a zero baseline, a mix exactly at its share.
 */
import fc from 'fast-check';
import { calculateRebate, previewRebate } from '../../../core/rebates/calculate.js';
import { elapsedShare, periodOf, yearBefore } from '../../../core/rebates/periods.js';
import { assignSales, claimOwner, mayShare, programOwner, type Owner } from '../../../core/rebates/stacking.js';
import type { RebateSale, RebateTerms } from '../../../core/rebates/terms.js';

let n = 0;
const sale = (quantity: number, amount: string, patch: Partial<RebateSale> = {}): RebateSale => ({
  key: `INV-${++n}|1`,
  productId: 1,
  family: 'MCU',
  endCustomerId: 1,
  quantity,
  amount,
  invoiceDate: '2026-02-10',
  ...patch,
});
const perUnit = (value: string) => ({ kind: 'per_unit' as const, value });
const percent = (value: string) => ({ kind: 'percent' as const, value });
const tiers = [
  { from: '0', rate: perUnit('0.10') },
  { from: '1000', rate: perUnit('0.15') },
  { from: '5000', rate: perUnit('0.20') },
];

describe('tiered, retroactive', () => {
  const terms: RebateTerms = { kind: 'tiered', mode: 'retroactive', measure: 'quantity', tiers };
  it.each([
    // 999 x 0.10 = 99.90, 1000 short of the next tier by 1
    [999, '99.90', { threshold: '1000', remaining: '1' }],
    // exactly 1000: the second tier from the first unit, 1000 x 0.15
    [1000, '150.00', { threshold: '5000', remaining: '4000' }],
    // 4999 x 0.15 = 749.85
    [4999, '749.85', { threshold: '5000', remaining: '1' }],
    // 5000 x 0.20 = 1000.00, no tier above
    [5000, '1000.00', null],
  ])('%i units pay %s', (units, rebate, next) => {
    const r = calculateRebate(terms, [sale(units, String(units * 2))]);
    expect(r.rebate).toBe(rebate);
    expect(r.next).toEqual(next);
    expect(r.qualified).toBe(true);
  });
});

describe('tiered, incremental', () => {
  const terms: RebateTerms = { kind: 'tiered', mode: 'incremental', measure: 'quantity', tiers };
  it('pays each band its own rate: 5,200 units = 1000 x 0.10 + 4000 x 0.15 + 200 x 0.20 = 740.00', () => {
    const r = calculateRebate(terms, [sale(3000, '6000'), sale(2200, '4400')]);
    expect(r.bands.map((b) => [b.from, b.base, b.amount])).toEqual([
      ['0', '1000', '100'],
      ['1000', '4000', '600'],
      ['5000', '200', '40'],
    ]);
    expect(r.rebate).toBe('740.00');
  });
  it('at exactly 1,000 units the second band is reached with nothing in it: 100.00', () => {
    expect(calculateRebate(terms, [sale(1000, '1')]).rebate).toBe('100.00');
  });
  it('a percentage on a quantity measure: bands take their share of revenue at the average price', () => {
    // 1,200 units for 18,000.00 (15.00 a unit): 1000 units -> 15,000 x 1 % = 150; 200 -> 3,000 x 2 % = 60
    const r = calculateRebate(
      {
        kind: 'tiered',
        mode: 'incremental',
        measure: 'quantity',
        tiers: [
          { from: '0', rate: percent('1') },
          { from: '1000', rate: percent('2') },
        ],
      },
      [sale(600, '6000.00'), sale(600, '12000.00')],
    );
    expect(r.rebate).toBe('210.00');
  });
});

describe('volume', () => {
  const terms: RebateTerms = { kind: 'volume', measure: 'revenue', threshold: '10000', rate: percent('3') };
  it('pays nothing below the threshold and says how far it is', () => {
    const r = calculateRebate(terms, [sale(10, '9999.99')]);
    expect(r).toMatchObject({ qualified: false, rebate: '0.00', next: { threshold: '10000', remaining: '0.01' } });
    expect(r.reason).toContain('below the threshold');
  });
  it('at the threshold pays the rate on all of it: 10,000.00 x 3 % = 300.00', () => {
    expect(calculateRebate(terms, [sale(10, '4000.00'), sale(10, '6000.00')]).rebate).toBe('300.00');
  });
  it('a return counts against the measure in its period', () => {
    expect(calculateRebate(terms, [sale(10, '12000.00'), sale(-2, '-2400.00')]).rebate).toBe('0.00');
  });
  it('rounds once, half up, at the end: 3 x 0.3333 = 0.9999 -> 1.00', () => {
    expect(calculateRebate({ kind: 'volume', measure: 'quantity', rate: perUnit('0.3333') }, [sale(3, '3')]).rebate).toBe('1.00');
  });
  it('in a currency without minor units (JPY): 0 decimals', () => {
    expect(calculateRebate({ kind: 'volume', measure: 'revenue', rate: percent('2.5') }, [sale(1, '1234')], { decimals: 0 }).rebate).toBe(
      '31',
    );
  });
});

describe('growth', () => {
  const terms: RebateTerms = { kind: 'growth', measure: 'revenue', rate: percent('2'), minGrowthPercent: '10' };
  it('over a zero baseline the whole measure is growth: 5,000.00 x 2 % = 100.00', () => {
    const r = calculateRebate(terms, [sale(5, '5000.00')], { baselineSales: [] });
    expect(r).toMatchObject({ qualified: true, baseline: '0', growth: '5000', rebate: '100.00' });
  });
  it('under the minimum growth pays nothing and names the target: 10,500 on 10,000 is 5 %', () => {
    const r = calculateRebate(terms, [sale(5, '10500.00')], { baselineSales: [sale(5, '10000.00')] });
    expect(r).toMatchObject({ qualified: false, rebate: '0.00', next: { threshold: '11000', remaining: '500' } });
  });
  it('pays the rate on the growth only: (12,000 - 10,000) x 2 % = 40.00', () => {
    expect(calculateRebate(terms, [sale(5, '12000.00')], { baselineSales: [sale(5, '10000.00')] }).rebate).toBe('40.00');
  });
  it('exactly at the minimum growth qualifies: 11,000 on 10,000 -> 1,000 x 2 % = 20.00', () => {
    expect(calculateRebate(terms, [sale(5, '11000.00')], { baselineSales: [sale(5, '10000.00')] }).rebate).toBe('20.00');
  });
});

describe('product mix', () => {
  const terms: RebateTerms = { kind: 'mix', measure: 'revenue', family: 'MCU', minSharePercent: '40', rate: percent('1.5') };
  it('exactly at the share qualifies: 4,000 of 10,000 is 40 % -> 10,000 x 1.5 % = 150.00', () => {
    const r = calculateRebate(terms, [sale(1, '4000.00'), sale(1, '6000.00', { family: 'FPGA', productId: 2 })]);
    expect(r).toMatchObject({ qualified: true, sharePercent: '40', rebate: '150.00' });
  });
  it('a cent under the share pays nothing', () => {
    const r = calculateRebate(terms, [sale(1, '3999.99'), sale(1, '6000.01', { family: 'FPGA', productId: 2 })]);
    expect(r).toMatchObject({ qualified: false, rebate: '0.00' });
    expect(r.reason).toBe('MCU is 39.9999 % of the measure, under 40 %');
  });
});

describe('conditional', () => {
  const terms: RebateTerms = {
    kind: 'conditional',
    measure: 'revenue',
    rate: percent('5'),
    conditions: [
      { kind: 'min_product', productIds: [9], minQuantity: 100 },
      { kind: 'new_end_customers', target: 2 },
    ],
  };
  const known = new Set([1]);
  it('pays when every condition holds: 2 new end customers and 100 units of product 9 -> 3,000 x 5 % = 150.00', () => {
    const r = calculateRebate(
      terms,
      [
        sale(10, '1000', { endCustomerId: 1 }),
        sale(10, '1000', { endCustomerId: 2 }),
        sale(100, '1000', { productId: 9, endCustomerId: 3 }),
      ],
      { knownEndCustomers: known },
    );
    expect(r).toMatchObject({ qualified: true, rebate: '150.00' });
  });
  it('names each condition that failed', () => {
    const r = calculateRebate(terms, [sale(99, '1000', { productId: 9, endCustomerId: 2 })], { knownEndCustomers: known });
    expect(r.qualified).toBe(false);
    expect(r.reason).toBe('99 of 100 units of the required products; 1 of 2 new end customers');
  });
});

describe('caps and exclusions', () => {
  it('caps the period: 740.00 capped at 500.00', () => {
    const r = calculateRebate({ kind: 'tiered', mode: 'incremental', measure: 'quantity', tiers, cap: '500' }, [sale(5200, '1')]);
    expect(r).toMatchObject({ uncapped: '740', capped: true, rebate: '500.00' });
  });
  it('leaves out excluded products, families and end customers, from the measure and from what is counted', () => {
    const kept = sale(10, '100');
    const r = calculateRebate(
      { kind: 'volume', measure: 'quantity', rate: perUnit('1'), exclusions: { productIds: [5], families: ['FPGA'], endCustomerIds: [7] } },
      [kept, sale(10, '100', { productId: 5 }), sale(10, '100', { family: 'FPGA' }), sale(10, '100', { endCustomerId: 7 })],
    );
    expect(r.counted).toEqual([kept.key]);
    expect(r.rebate).toBe('10.00');
  });
});

// The reports calculate only the distributors that sold in a period (server/rebates: the sellers'
// reader): exact only because no terms pay on no sales, whatever they say.
describe('no sales, no rebate', () => {
  const zeroTiers = [{ from: '0', rate: perUnit('0.10') }];
  it.each<[string, RebateTerms]>([
    ['volume with no threshold', { kind: 'volume', measure: 'quantity', rate: perUnit('5') }],
    ['volume with threshold 0, on revenue', { kind: 'volume', measure: 'revenue', threshold: '0', rate: percent('100') }],
    ['tiered from 0, retroactive', { kind: 'tiered', mode: 'retroactive', measure: 'quantity', tiers: zeroTiers }],
    [
      'tiered from 0, incremental, percent',
      { kind: 'tiered', mode: 'incremental', measure: 'quantity', tiers: [{ from: '0', rate: percent('50') }] },
    ],
    ['growth', { kind: 'growth', measure: 'revenue', rate: percent('2') }],
    ['mix', { kind: 'mix', measure: 'revenue', family: 'MCU', minSharePercent: '0', rate: percent('3') }],
    [
      'conditional whose conditions ask for nothing',
      {
        kind: 'conditional',
        measure: 'quantity',
        rate: perUnit('9'),
        conditions: [
          { kind: 'min_product', productIds: [9], minQuantity: 0 },
          { kind: 'new_end_customers', target: 0 },
        ],
      },
    ],
  ])('%s pays 0.00 over no sales, with a cap or without', (_, terms) => {
    for (const t of [terms, { ...terms, cap: '1000' }]) {
      const r = calculateRebate(t, [], { baselineSales: [sale(10, '100')] });
      expect([r.measure, r.uncapped, r.rebate, r.counted]).toEqual(['0', '0', '0.00', []]);
    }
  });
  it('property: any terms over no sales pay nothing, whatever the baseline', () => {
    const rate = fc.oneof(
      fc.integer({ min: 0, max: 1000 }).map((v) => perUnit(String(v / 100))),
      fc.integer({ min: 0, max: 100 }).map((v) => percent(String(v))),
    );
    const amount = fc.integer({ min: 0, max: 10_000 }).map(String);
    const measure = fc.constantFrom('quantity' as const, 'revenue' as const);
    const terms: fc.Arbitrary<RebateTerms> = fc.oneof(
      fc.record({ kind: fc.constant('volume' as const), measure, threshold: amount, rate }),
      fc.record({
        kind: fc.constant('tiered' as const),
        mode: fc.constantFrom('retroactive' as const, 'incremental' as const),
        measure,
        tiers: fc
          .uniqueArray(amount, { minLength: 1, maxLength: 4 })
          .chain((froms) => fc.tuple(...froms.map((from) => rate.map((r) => ({ from, rate: r }))))),
      }),
      fc.record({ kind: fc.constant('growth' as const), measure, rate, minGrowthPercent: amount }),
      fc.record({ kind: fc.constant('mix' as const), measure, family: fc.constant('MCU'), minSharePercent: amount, rate }),
      fc.record({
        kind: fc.constant('conditional' as const),
        measure,
        rate,
        conditions: fc.constant([{ kind: 'new_end_customers' as const, target: 0 }]),
      }),
    );
    const baseline = fc.array(
      fc.tuple(fc.integer({ min: -50, max: 500 }), fc.integer({ min: -5000, max: 50_000 })).map(([q, a]) => sale(q, String(a / 100))),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(terms, baseline, (t, b) => {
        expect(calculateRebate(t, [], { baselineSales: b, knownEndCustomers: new Set() }).rebate).toBe('0.00');
      }),
    );
  });
});

describe('what-if', () => {
  it('if the distributor sells 1,000 more units, the tier changes for all of them', () => {
    const terms: RebateTerms = { kind: 'tiered', mode: 'retroactive', measure: 'quantity', tiers };
    // now 4,000 x 0.15 = 600.00; then 5,000 x 0.20 = 1,000.00
    const p = previewRebate(terms, [sale(4000, '8000')], { productId: 1, family: 'MCU', quantity: 1000, amount: '2000' });
    expect([p.now.rebate, p.then.rebate, p.difference]).toEqual(['600.00', '1000.00', '400']);
  });
});

describe('periods', () => {
  it('months, quarters and years, with leap days', () => {
    expect(periodOf('quarter', '2028-02-29')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(periodOf('month', '2028-02-03')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('year', '2026-07-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(yearBefore({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(elapsedShare({ from: '2026-01-01', to: '2026-01-10' }, '2026-01-05')).toBeCloseTo(0.5);
  });
});

describe('stacking', () => {
  const vol = (stackable: boolean, owner: string) => ({
    owner,
    stackable,
    terms: { kind: 'volume', measure: 'quantity', rate: perUnit('1') } as RebateTerms,
  });
  it('a non-stackable program leaves alone what a claim paid, and keeps what it counts', () => {
    const [a, b, c] = [sale(1, '1'), sale(1, '1'), sale(1, '1')];
    const consumed = new Map<string, Owner[]>([[a.key, [{ owner: 'claim:1', stackable: false }]]]);
    const p1 = vol(false, 'program:1');
    const p2 = vol(false, 'program:2');
    const p3 = vol(true, 'program:3');
    const out = assignSales([p1, p2, p3], [a, b, c], consumed);
    expect(out.get(p1)!.map((s) => s.key)).toEqual([b.key, c.key]);
    expect(out.get(p2)).toEqual([]);
    expect(out.get(p3)).toEqual([]);
  });

  it('property: a sale counted by a non-stackable owner is counted by no one else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
        fc.array(fc.option(fc.boolean(), { nil: undefined }), { minLength: 1, maxLength: 30 }),
        (programFlags, before) => {
          const sales = before.map(() => sale(1, '1'));
          const consumed = new Map<string, Owner[]>();
          before.forEach((flag, i) => flag !== undefined && consumed.set(sales[i]!.key, [{ owner: `claim:${i}`, stackable: flag }]));
          const programs = programFlags.map((stackable, i) => vol(stackable, `program:${i}`));
          const out = assignSales(programs, sales, consumed);
          for (const s of sales) {
            const owners = [...(consumed.get(s.key) ?? []), ...programs.filter((p) => out.get(p)!.includes(s))];
            if (owners.some((o) => !o.stackable)) expect(owners).toHaveLength(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('stacking rules (mayShare)', () => {
  const claim = claimOwner(1);
  const [exclusive, withRebates, withAll] = (['exclusive', 'with_rebates', 'with_all'] as const).map((r, i) => programOwner(i + 10, r));
  it('lets two stackable rebates share a sale, never an exclusive one', () => {
    expect(mayShare(withRebates!, withAll!)).toBe(true);
    expect(mayShare(exclusive!, withRebates!)).toBe(false);
    expect(mayShare(withAll!, exclusive!)).toBe(false);
  });
  it('lets a claim share a sale only with a rebate that stacks with ship & debit, and never with another claim', () => {
    expect([exclusive, withRebates, withAll].map((o) => mayShare(claim, o!))).toEqual([false, false, true]);
    expect([exclusive, withRebates, withAll].map((o) => mayShare(o!, claim))).toEqual([false, false, true]);
    expect(mayShare(claim, claimOwner(2))).toBe(false);
  });
});
