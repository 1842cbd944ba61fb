/** The claim-through curve and the forecast of the claims still to come. */
import fc from 'fast-check';
import { forecastClaims, learnCurve, recentLevel, withLevel, type ClaimHistory } from '../../../core/rebates/forecast.js';

describe('claim-through curve', () => {
  it('learns the share claimed by each week from complete weeks only', () => {
    // Two authorizations of 100 units approved in week 0, claimed 50 in week 1 and 50 in week 2;
    // at week 3 weeks 0..2 are complete: 0 %, 50 %, 100 %.
    const h: ClaimHistory[] = [
      { approvedWeek: 0, approvedQuantity: 100, claimed: [0, 50, 50] },
      { approvedWeek: 0, approvedQuantity: 100, claimed: [0, 50, 50] },
    ];
    const curve = learnCurve(h, 3, { weeks: 4, halfLifeWeeks: 1000 });
    expect(curve.cumulative.slice(0, 3).map((x) => +x.toFixed(6))).toEqual([0, 0.5, 1]);
    // Week 3 was taught by nobody: carried from week 2.
    expect(curve.support).toEqual([2, 2, 2, 0]);
    expect(curve.cumulative[3]).toBe(1);
    // As of week 2, week 2 is not complete yet: what was claimed in it is not known.
    expect(learnCurve(h, 2, { weeks: 4, halfLifeWeeks: 1000 }).support).toEqual([2, 2, 0, 0]);
  });

  it('follows recent behaviour more than old', () => {
    const old: ClaimHistory = { approvedWeek: 0, approvedQuantity: 100, claimed: [100] };
    const recent: ClaimHistory = { approvedWeek: 40, approvedQuantity: 100, claimed: [0, 100] };
    const c = learnCurve([old, recent], 42, { weeks: 2, halfLifeWeeks: 4 });
    // Week 0: old claimed all (weight 0.5^(42/4)), recent none (weight 0.5^(2/4)): far closer to 0 than to 1.
    expect(c.cumulative[0]).toBeLessThan(0.01);
  });
});

describe('forecast', () => {
  const curve = { cumulative: [0, 0.5, 0.8, 0.8], support: [1, 1, 1, 1] };
  it('spreads what is unclaimed over the rest of the curve', () => {
    // Approved week 10, 1,000 units, nothing claimed by week 11 (week 10 done: 0 %).
    // Week 11 (index 1): +50 % of 1000 = 500; week 12: +30 % = 300; week 13: nothing.
    expect(
      forecastClaims(curve, [{ approvedWeek: 10, approvedQuantity: 1000, claimedQuantity: 0 }], 11, 3).map((x) => +x.toFixed(6)),
    ).toEqual([500, 300, 0]);
  });
  it('scales to what is left when the distributor is ahead of or behind its curve', () => {
    // By week 12, 0.5 expected but 700 of 1000 claimed: 300 left over the remaining 0.5 -> week 12 gets 300 x 0.3/0.5 = 180.
    const f = forecastClaims(curve, [{ approvedWeek: 10, approvedQuantity: 1000, claimedQuantity: 700 }], 12, 2);
    expect(f.map((x) => +x.toFixed(6))).toEqual([180, 0]);
  });
  it('property: never predicts more than what is still unclaimed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            approvedWeek: fc.integer({ min: 0, max: 30 }),
            approvedQuantity: fc.integer({ min: 1, max: 10_000 }),
            shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        (raw, asOfWeek, horizon) => {
          const histories: ClaimHistory[] = raw.map((r) => {
            let left = r.approvedQuantity;
            const claimed = r.shares.map((s) => {
              const q = Math.floor(left * s);
              left -= q;
              return q;
            });
            return { approvedWeek: r.approvedWeek, approvedQuantity: r.approvedQuantity, claimed };
          });
          const curve = learnCurve(histories, asOfWeek, { weeks: 8 });
          for (let k = 1; k < curve.cumulative.length; k++) expect(curve.cumulative[k]!).toBeGreaterThanOrEqual(curve.cumulative[k - 1]!);
          const open = histories
            .filter((h) => h.approvedWeek <= asOfWeek)
            .map((h) => ({
              approvedWeek: h.approvedWeek,
              approvedQuantity: h.approvedQuantity,
              claimedQuantity: h.claimed.slice(0, asOfWeek - h.approvedWeek).reduce((a, b) => a + b, 0),
            }));
          const total = forecastClaims(curve, open, asOfWeek, horizon).reduce((a, b) => a + b, 0);
          const unclaimed = open.reduce((a, o) => a + o.approvedQuantity - o.claimedQuantity, 0);
          expect(total).toBeLessThanOrEqual(unclaimed + 1e-6);
          expect(total).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('recent level', () => {
  it('is what was claimed over what was forecast one week ahead, in the last weeks, within [0.2, 5]', () => {
    // last two weeks: 50 + 70 claimed against 100 + 100 forecast -> 0.6
    expect(recentLevel([100, 50, 70], [100, 100, 100])).toBeCloseTo(0.6);
    expect(recentLevel([0, 0], [100, 100])).toBe(0.2);
    expect(recentLevel([], [])).toBe(1);
  });
  it('fades back to 1 over the weeks ahead', () => {
    // level 0.5: week 0 x0.5, week 1 x(1 - 0.5 x 0.8) = 0.6, week 2 x(1 - 0.5 x 0.64) = 0.68
    expect(withLevel([100, 100, 100], 0.5).map((x) => +x.toFixed(6))).toEqual([50, 60, 68]);
  });
});
