/**
 * The definitions the reports rest on (src/workbook/plan/reports/series.ts), checked on numbers worked out by
 * hand: the least-squares trend and its ±2 pp threshold, the year's figure (mean of the periods'), the
 * history a communiqué looks at, and the indicators proposed for revision.
 */
import { contractWorkbook } from "./fixture";
import { makePeriod } from "../../../../src/core/periods";
import { runPipeline } from "../../../../src/workbook/pipeline";
import {
  combinedOverall,
  endsYear,
  evaluationsOfYear,
  historyFor,
  leastSquaresSlope,
  revisionSuggestions,
  trendOf,
  yearOf,
} from "../../../../src/workbook/plan/reports/series";

describe("leastSquaresSlope and trendOf", () => {
  test("the slope of the fitted line, by hand", () => {
    // x = 0..3, y = 0,75 0,875 1 1: x̄ = 1,5, ȳ = 0,90625;
    // Σ(x−x̄)(y−ȳ) = (−1,5)(−0,15625) + (−0,5)(−0,03125) + (0,5)(0,09375) + (1,5)(0,09375) = 0,4375;
    // Σ(x−x̄)² = 2,25 + 0,25 + 0,25 + 2,25 = 5 → slope 0,0875 (+8,75 pp per period).
    expect(leastSquaresSlope([0.75, 0.875, 1, 1])).toBeCloseTo(0.0875, 12);
    // Two points: the slope is their difference.
    expect(leastSquaresSlope([0.5, 0.6])).toBeCloseTo(0.1, 12);
    // A gap keeps its position: points (0; 1), (2; 0,8) → slope −0,1, not −0,2.
    expect(leastSquaresSlope([1, null, 0.8])).toBeCloseTo(-0.1, 12);
    expect(leastSquaresSlope([0.7])).toBeUndefined();
    expect(leastSquaresSlope([undefined, 0.7, null])).toBeUndefined();
  });

  test("±2 pp per period: at the threshold is a trend, just inside it is stable", () => {
    expect(trendOf([0.5, 0.52])?.direction).toBe("improving"); // +2 pp exactly
    expect(trendOf([0.5, 0.5199])?.direction).toBe("stable"); // +1,99 pp
    expect(trendOf([0.5, 0.48])?.direction).toBe("worsening"); // −2 pp exactly
    expect(trendOf([0.5, 0.4801])?.direction).toBe("stable");
    expect(trendOf([1, 1, 1, 1])).toEqual({ direction: "stable", slope: 0, points: 4 });
    expect(trendOf([1, undefined, 1, 0.96])?.points).toBe(3);
    expect(trendOf([0.9])).toBeUndefined();
  });
});

describe("periods", () => {
  test("years and the last period of a year", () => {
    expect(yearOf(makePeriod("quarter", 2025, 4))).toBe(2025);
    expect(yearOf({ kind: "range", label: "2011-08-01..2011-12-31", start: "2011-08-01", end: "2011-12-31" })).toBe(
      2011,
    );
    expect(yearOf({ kind: "range", label: "x", start: "2011-08-01", end: "2012-03-31" })).toBeUndefined();
    expect(endsYear(makePeriod("quarter", 2025, 4))).toBe(true);
    expect(endsYear(makePeriod("fourMonth", 2022, 3))).toBe(true);
    expect(endsYear(makePeriod("quarter", 2025, 3))).toBe(false);
    expect(endsYear(makePeriod("year", 2025))).toBe(false); // a year is not a year's last quarter
  });
});

describe("on the four quarters of the fixture", () => {
  const evs = runPipeline(contractWorkbook()).evaluations;
  const [t1, t2, t3, t4] = evs;

  test("history: the same year up to the period, never later periods", () => {
    expect(historyFor(t1, evs).map((e) => e.period?.label)).toEqual(["2025-T1"]);
    expect(historyFor(t3, evs).map((e) => e.period?.label)).toEqual(["2025-T1", "2025-T2", "2025-T3"]);
    expect(historyFor(t4, [t4, t2, t1, t3]).map((e) => e.period?.label)).toEqual([
      "2025-T1",
      "2025-T2",
      "2025-T3",
      "2025-T4",
    ]);
    expect(evaluationsOfYear(evs, 2024)).toEqual([]);
  });

  test("the year's figure is the mean of the quarters' overall attainment, banded", () => {
    // Quarters (fixture.ts; share of targets met, 6 performance indicators, weight 1):
    // T1 5/6 = 83,33% (I2 justified in total counts as met); T2 (1 + 0,5 + 0 + 1 + 1) / 5 = 70% (I7 without
    // data, I2 partial = 0,5); T3 4/6 = 66,67%; T4 3/6 = 50%. Mean = (83,33 + 70 + 66,67 + 50) / 4 = 67,5%.
    expect(evs.map((e) => e.overall.value)).toEqual([
      expect.closeTo(83.333333, 5),
      70,
      expect.closeTo(66.666667, 5),
      50,
    ]);
    const year = combinedOverall(evs);
    expect(year.value).toBeCloseTo(67.5, 12);
    expect(year.attainment).toBeCloseTo(0.675, 12);
    expect(year.counted).toBe(4);
    expect(year.band?.band.number).toBe(4); // 60% ≤ 67,5% < 70%
  });

  test("revision: I1 met by a wide margin every quarter, I3 never met; nothing from a single quarter", () => {
    // I1 ≥ 300: 400, 420, 390, 450 → raw 133,3%, 140%, 130%, 150%: all A and ≥ 120%.
    // I3 ≥ 95%: 70%, 72%, 68%, 71% → B every quarter; scored 73,7%, 75,8%, 71,6%, 74,7%.
    // I4 (B only in T3–T4), I2 (A in T3–T4), I5 (raw 100–110%), I7 (no data in T2) are not proposed.
    const all = revisionSuggestions(evs);
    expect(all.map((r) => [r.code, r.reason])).toEqual([
      ["I1", "wideMargin"],
      ["I3", "neverMet"],
    ]);
    expect(all[0].min).toBeCloseTo(1.3, 12);
    expect(all[0].max).toBeCloseTo(1.5, 12);
    expect(all[1].min).toBeCloseTo(0.68 / 0.95, 12);
    expect(all[1].max).toBeCloseTo(0.72 / 0.95, 12);
    expect(revisionSuggestions([t1])).toEqual([]);
    // T3 and T4 only: I4 is B in both, so it is never met over those two.
    expect(revisionSuggestions([t3, t4]).map((r) => r.code)).toEqual(["I1", "I3", "I4"]);
  });
});
