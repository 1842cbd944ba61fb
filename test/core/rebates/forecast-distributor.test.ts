/** The forecast's whole method (forecastDistributor): the change of lag, the recent level, the approvals still to come. */
import fc from 'fast-check';
import { approvalPace, forecastDistributor, lagChanges, type ClaimHistory } from '../../../core/rebates/forecast.js';

/** One authorization of 100 units a week for `weeks` weeks from `from`, each claimed as `claimed`. */
const weekly = (from: number, weeks: number, claimed: number[]): ClaimHistory[] =>
  Array.from({ length: weeks }, (_, i) => ({ approvedWeek: from + i, approvedQuantity: 100, claimed: [...claimed] }));
const asOf = (histories: ClaimHistory[], week: number) =>
  histories.filter((h) => h.approvedWeek < week).map((h) => ({ ...h, claimed: h.claimed.slice(0, week - h.approvedWeek) }));
const openOf = (histories: ClaimHistory[]) =>
  histories.map((h) => ({
    approvedWeek: h.approvedWeek,
    approvedQuantity: h.approvedQuantity,
    claimedQuantity: h.claimed.reduce((a, b) => a + b, 0),
  }));
const rounded = (xs: number[]) => xs.map((x) => +x.toFixed(6));

describe('change of lag', () => {
  // Weeks 0-9 claim everything one week after approval; from week 10 on, three weeks after: two weeks later.
  const histories = asOf([...weekly(0, 10, [0, 100]), ...weekly(10, 4, [0, 0, 0, 100])], 15);

  it('finds the week it started and the shift, and learns the curve with the approvals aligned', () => {
    const [top] = lagChanges(histories, 15, { weeks: 4 });
    expect(top).toMatchObject({ fromWeek: 10, shiftWeeks: 2 });
    expect(top!.weight).toBeGreaterThan(0.999);
    // Aligned: week 10's claim in its week 3 is the curve's week 1, as weeks 0-9 claim.
    expect(rounded(top!.curve.cumulative)).toEqual([0, 1, 1, 1]);
  });

  it('forecasts the late approvals at their new lag', () => {
    // Open at week 15: week 12 (age 3) and week 13 (age 2) have claimed nothing. At the new lag
    // week 12 claims its 100 in week 15 (index 0) and week 13 in week 16 (index 1).
    const open = openOf(histories.filter((h) => h.approvedWeek >= 12));
    const f = forecastDistributor({ histories, open, asOfWeek: 15, horizon: 3 }, { weeks: 4, levelWeeks: 0 });
    expect(rounded(f.weekly)).toEqual([100, 100, 0]);
    // An approval made now claims in its week 3.
    expect(rounded(f.curve.cumulative)).toEqual([0, 0, 0, 1]);
    expect(f.lagChanges[0]).toMatchObject({ fromWeek: 10, shiftWeeks: 2 });
    // Without shifts to try, the blended curve expects them earlier: not the same forecast.
    const none = forecastDistributor(
      { histories, open, asOfWeek: 15, horizon: 3 },
      { weeks: 4, levelWeeks: 0, minShiftWeeks: 0, maxShiftWeeks: 0 },
    );
    expect(none.lagChanges).toEqual([{ fromWeek: null, shiftWeeks: 0, weight: 1 }]);
    expect(rounded(none.weekly)).not.toEqual([100, 100, 0]);
  });

  it('keeps "no change" when the claims only vary around the curve', () => {
    // 60/40 or 40/60 over weeks 1 and 2, alternately: noise, not a change of lag.
    const noisy = Array.from({ length: 20 }, (_, w) => ({
      approvedWeek: w,
      approvedQuantity: 100,
      claimed: w % 2 ? [0, 60, 40] : [0, 40, 60],
    }));
    const [top] = lagChanges(asOf(noisy, 20), 20, { weeks: 4 });
    expect(top).toMatchObject({ shiftWeeks: 0 });
    expect(top!.weight).toBeGreaterThan(0.5);
  });
});

describe('recent level', () => {
  // Every approval weighs the same (no half-life), so the curves are plain ratios.
  const flat = { halfLifeWeeks: 1e12, minShiftWeeks: 0, maxShiftWeeks: 0, levelDecay: 0.6 };

  it('scales the forecast by the last weeks claimed over their one-week-ahead forecast, fading', () => {
    // Weeks 0-9 claim 100 in their week 1; week 10 claims only 50 in its week 1 (week 11).
    // One week ahead: week 10 expected 100 (week 9's), got 100; week 11 expected 100, got 50: level 150 / 200 = 0.75.
    const histories = [...weekly(0, 10, [0, 100]), { approvedWeek: 10, approvedQuantity: 100, claimed: [0, 50] }, ...weekly(11, 1, [0])];
    const f = forecastDistributor({ histories, open: openOf(histories.slice(10)), asOfWeek: 12, horizon: 2 }, { ...flat, weeks: 3 });
    expect(f.level).toBeCloseTo(0.75);
    // As of 12 the curve is 0, 1050 / 1100, 1. Week 11 (nothing claimed): 95.4545 then 4.5455;
    // week 10 (50 left, 1 - 1050/1100 of its curve): 50 in week 12. Raw 145.4545, 4.5455;
    // x 0.75 and x (1 - 0.25 x 0.6) = 0.85: 109.0909, 3.8636.
    expect(rounded(f.weekly)).toEqual([109.090909, 3.863636]);
  });

  it('never takes an authorization past what it has unclaimed', () => {
    // Weeks 0-9 claim 50 in week 1 and 50 in week 2; week 10 claims all 100 in its week 1.
    // Level: week 10 expected 50 + 50, got 100; week 11 expected 50 + 50, got 50 + 100: 250 / 200 = 1.25.
    const histories = [
      ...weekly(0, 10, [0, 50, 50]),
      { approvedWeek: 10, approvedQuantity: 100, claimed: [0, 100] },
      ...weekly(11, 1, [0]),
    ];
    const f = forecastDistributor({ histories, open: openOf(histories.slice(10)), asOfWeek: 12, horizon: 3 }, { ...flat, weeks: 4 });
    expect(f.level).toBeCloseTo(1.25);
    // As of 12 the curve is 0, 600 / 1100, 1: week 11 expects 54.5455 then 45.4545; x 1.25 and
    // x 1.15 = 68.1818 and 52.2727, more than its 100: the second week takes the 31.8182 left.
    expect(rounded(f.byAuthorization[1]!)).toEqual([68.181818, 31.818182, 0]);
    expect(rounded(f.byAuthorization[0]!)).toEqual([0, 0, 0]);
  });
});

describe('approvals still to come (cash planning)', () => {
  it('paces them by exponential smoothing', () => {
    // 100, 200, nothing, 100 with alpha 0.5: 100 -> 150 -> 75 -> 87.5.
    const h = (approvedWeek: number, approvedQuantity: number) => ({ approvedWeek, approvedQuantity, claimed: [] });
    expect(approvalPace([h(0, 100), h(1, 150), h(1, 50), h(3, 100), h(4, 1000)], 4, 0.5)).toBeCloseTo(87.5);
  });

  it('adds their claims at the curve of an approval made now, only when asked', () => {
    // 100 a week claimed in its week 1: the approvals of weeks 12 and 13 claim 100 in weeks 13 and 14.
    const histories = asOf(weekly(0, 12, [0, 100]), 12);
    const input = { histories, open: [], asOfWeek: 12, horizon: 3 };
    expect(rounded(forecastDistributor(input, { weeks: 3, levelWeeks: 0, approvalsToCome: true }).weekly)).toEqual([0, 100, 100]);
    expect(rounded(forecastDistributor(input, { weeks: 3, levelWeeks: 0 }).weekly)).toEqual([0, 0, 0]);
  });
});

describe('forecastDistributor', () => {
  const historiesArb = fc.array(
    fc.record({
      approvedWeek: fc.integer({ min: 0, max: 30 }),
      approvedQuantity: fc.integer({ min: 1, max: 10_000 }),
      shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
    }),
    { minLength: 1, maxLength: 25 },
  );
  const toHistories = (raw: { approvedWeek: number; approvedQuantity: number; shares: number[] }[]): ClaimHistory[] =>
    raw.map((r) => {
      let left = r.approvedQuantity;
      const claimed = r.shares.map((s) => {
        const q = Math.floor(left * s);
        left -= q;
        return q;
      });
      return { approvedWeek: r.approvedWeek, approvedQuantity: r.approvedQuantity, claimed };
    });

  it('property: never forecasts an authorization more than it has unclaimed; the curve rises, at most 1', () => {
    fc.assert(
      fc.property(historiesArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 20 }), (raw, week, horizon) => {
        const histories = asOf(toHistories(raw), week);
        const open = openOf(histories);
        const f = forecastDistributor({ histories, open, asOfWeek: week, horizon }, { weeks: 8 });
        f.byAuthorization.forEach((units, i) => {
          for (const u of units) expect(u).toBeGreaterThanOrEqual(0);
          expect(units.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(open[i]!.approvedQuantity - open[i]!.claimedQuantity + 1e-6);
        });
        f.curve.cumulative.forEach((c, k) => {
          expect(c).toBeGreaterThanOrEqual(k ? f.curve.cumulative[k - 1]! : 0);
          expect(c).toBeLessThanOrEqual(1 + 1e-12);
        });
        expect(f.lagChanges.reduce((a, m) => a + m.weight, 0)).toBeCloseTo(1);
      }),
      { numRuns: 150 },
    );
  });

  it('property: reads nothing from its week on (a backtest through it learns only from the past)', () => {
    fc.assert(
      fc.property(historiesArb, fc.integer({ min: 1, max: 40 }), (raw, week) => {
        const all = toHistories(raw);
        const past = asOf(all, week);
        const open = openOf(past);
        const options = { weeks: 8, approvalsToCome: true };
        const seen = forecastDistributor({ histories: past, open, asOfWeek: week, horizon: 4 }, options);
        // The same with the future in view: approvals from the week on and every claim after it.
        const withFuture = forecastDistributor({ histories: all, open, asOfWeek: week, horizon: 4 }, options);
        expect(withFuture.weekly).toEqual(seen.weekly);
      }),
      { numRuns: 100 },
    );
  });
});
