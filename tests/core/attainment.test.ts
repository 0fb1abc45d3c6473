import fc from "fast-check";
import {
  adjustedScore,
  attainment,
  concept,
  credit,
  meets,
  note,
  rawAttainment,
  reconcileScale,
  weakestDecision,
} from "../../src/core/attainment";
import type { Target } from "../../src/core/types";

const atLeast = (value: number, scale: Target["scale"] = "plain"): Target => ({
  direction: "atLeast",
  value,
  unit: "count",
  scale,
});
const atMost = (value: number): Target => ({ direction: "atMost", value, unit: "count", scale: "plain" });
const range = (lo: number, loInc: boolean, hi: number, hiInc: boolean): Target => ({
  direction: "range",
  value: NaN,
  unit: "percent",
  scale: "plain",
  interval: { lower: { value: lo, inclusive: loInc }, upper: { value: hi, inclusive: hiInc } },
});

describe("attainment, by direction (docs/regras.md §3)", () => {
  test("at least: result ÷ target; raw may pass 100%, scored is capped", () => {
    // 60 of a target of 80 is 60/80 = 0,75.
    expect(attainment(60, atLeast(80))).toEqual({ raw: 0.75, scored: 0.75 });
    // 120 of 100 is 1,2 raw; scored stops at 1.
    expect(attainment(120, atLeast(100))).toEqual({ raw: 1.2, scored: 1 });
  });

  test("at most: target ÷ result; 0 against an at-most target is 100%", () => {
    // 5% allowed, 8% observed: 5/8 = 0,625.
    expect(attainment(0.08, atMost(0.05)).raw).toBeCloseTo(0.625, 12);
    // 4% observed, under the ceiling: 5/4 = 1,25 raw, 1 scored.
    expect(attainment(0.04, atMost(0.05))).toEqual({ raw: 1.25, scored: 1 });
    expect(attainment(0, atMost(0.05))).toEqual({ raw: 1, scored: 1 });
  });

  test("a target of 0: at most is met only by 0; at least is met by anything ≥ 0", () => {
    expect(rawAttainment(0, atMost(0))).toBe(1);
    expect(rawAttainment(1, atMost(0))).toBe(0);
    expect(concept(1, atMost(0))).toBe("B");
    expect(rawAttainment(0, atLeast(0))).toBe(1);
    expect(rawAttainment(7, atLeast(0))).toBe(1);
    expect(concept(0, atLeast(0))).toBe("A");
  });

  test("exactly: equal is 100%, otherwise the smaller ratio", () => {
    const t: Target = { direction: "exactly", value: 10, unit: "count", scale: "plain" };
    expect(rawAttainment(10, t)).toBe(1);
    expect(rawAttainment(8, t)).toBeCloseTo(0.8, 12); // 8/10
    expect(rawAttainment(12.5, t)).toBeCloseTo(0.8, 12); // 10/12,5
    expect(concept(12.5, t)).toBe("B");
  });

  test("range (> 50 e ≤ 70): 100% inside, worse on either side", () => {
    const t = range(50, false, 70, true);
    expect(rawAttainment(60, t)).toBe(1);
    expect(rawAttainment(70, t)).toBe(1);
    expect(concept(70, t)).toBe("A"); // 70 belongs (≤ 70)
    expect(concept(50, t)).toBe("B"); // 50 does not (> 50)
    expect(rawAttainment(40, t)).toBeCloseTo(0.8, 12); // 40/50
    expect(rawAttainment(87.5, t)).toBeCloseTo(0.8, 12); // 70/87,5
  });
});

describe("concept A/B with tolerance", () => {
  test("0,1 + 0,2 meets a target of 0,3 (floating point), and shows exactly 100%", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(concept(0.1 + 0.2, atLeast(0.3))).toBe("A");
    expect(attainment(0.1 + 0.2, atLeast(0.3)).raw).toBe(1);
  });

  test("just below the target is B; strict targets exclude the value itself", () => {
    expect(concept(0.7999, atLeast(0.8))).toBe("B");
    expect(meets(0.9, { ...atLeast(0.9), strict: true })).toBe(false);
    expect(meets(0.9000001, { ...atLeast(0.9), strict: true })).toBe(true);
    expect(meets(5, { ...atMost(5), strict: true })).toBe(false);
  });

  test("property: concept A exactly when result ≥ target (away from the tolerance)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (t, r) => {
          fc.pre(Math.abs(r - t) > 1e-6 * t);
          expect(concept(r, atLeast(t))).toBe(r > t ? "A" : "B");
          expect(concept(r, atMost(t))).toBe(r < t ? "A" : "B");
        },
      ),
    );
  });

  test("property: attainment is monotone in the result (non-decreasing at least, non-increasing at most)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (t, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(attainment(hi, atLeast(t)).scored).toBeGreaterThanOrEqual(attainment(lo, atLeast(t)).scored);
          expect(attainment(hi, atMost(t)).scored).toBeLessThanOrEqual(attainment(lo, atMost(t)).scored);
        },
      ),
    );
  });

  test("property: scored attainment is always in [0, 1], never NaN, and 1 whenever the concept is A", () => {
    const targets = fc.oneof(
      fc.double({ min: 0, max: 1e6, noNaN: true }).map(atLeast),
      fc.double({ min: 0, max: 1e6, noNaN: true }).map(atMost),
      fc
        .tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }))
        .map(([x, y]) => range(Math.min(x, y), true, Math.max(x, y), true)),
    );
    fc.assert(
      fc.property(targets, fc.double({ min: -1e6, max: 1e6, noNaN: true }), (t, r) => {
        const { scored } = attainment(r, t);
        expect(scored).toBeGreaterThanOrEqual(0);
        expect(scored).toBeLessThanOrEqual(1);
        if (concept(r, t) === "A") expect(scored).toBe(1);
      }),
    );
  });
});

describe("reconcileScale: percentages written in different ways", () => {
  const pct75: Target = { direction: "atLeast", value: 0.75, unit: "percent", scale: "percent" };

  it("reads plain numbers as percentage points under the panels' `points` hint, even 1 (1%, not 100%)", () => {
    // Target 75% and a panel result "1": 1 / 100 = 1%.
    expect(reconcileScale({ value: 1, scale: "plain" }, pct75, "points")).toEqual({
      kind: "ok",
      result: 0.01,
      target: pct75,
    });
    // A plain target 45 from a catalogue read with the hint: 45 points → 45%; result 0,5 → 0,5%.
    const plain45: Target = { direction: "atLeast", value: 45, unit: "count", scale: "plain" };
    const r = reconcileScale({ value: 0.5, scale: "plain" }, plain45, "points");
    expect(r.kind === "ok" && [r.result, r.target.value, r.target.scale]).toEqual([0.005, 0.45, "percent"]);
  });

  test("target 75% against results typed 0,8 or 80 or 80%: all 80%", () => {
    for (const reading of [
      { value: 0.8, scale: "plain" as const },
      { value: 80, scale: "plain" as const },
      { value: 0.8, scale: "percent" as const },
    ]) {
      const out = reconcileScale(reading, pct75);
      expect(out.kind).toBe("ok");
      if (out.kind === "ok") expect(out.result).toBeCloseTo(0.8, 12);
    }
  });

  test("target typed 75 against a result formatted 80%: the target becomes 75%", () => {
    const out = reconcileScale({ value: 0.8, scale: "percent" }, atLeast(75));
    expect(out.kind === "ok" && out.target.value).toBeCloseTo(0.75, 12);
  });

  test("target 75 and result 0,8, both plain: ambiguous, reported with both numbers", () => {
    const out = reconcileScale({ value: 0.8, scale: "plain" }, atLeast(75));
    expect(out.kind).toBe("invalid");
    if (out.kind === "invalid") {
      expect(out.problem.code).toBe("ambiguousScale");
      expect(out.problem.message).toContain("75");
      expect(out.problem.message).toContain("0,8");
    }
  });

  test("a hint from the table resolves it; a mean such as target 1,5 and result 0,8 is not ambiguous", () => {
    const hinted = reconcileScale({ value: 0.8, scale: "plain" }, atLeast(75), "percent");
    expect(hinted.kind === "ok" && [hinted.result, hinted.target.value]).toEqual([0.8, 0.75]);
    expect(reconcileScale({ value: 0.8, scale: "plain" }, atLeast(1.5)).kind).toBe("ok");
    expect(reconcileScale({ value: 0.8, scale: "plain" }, atLeast(75), "count").kind).toBe("ok");
    // Counts of the same order compare as they are: 8 visits of 10.
    const visits = reconcileScale({ value: 8, scale: "plain" }, atLeast(10));
    expect(visits.kind === "ok" && visits.result).toBe(8);
  });
});

describe("reconcileScale: a count typed against a target in percent", () => {
  // "Cumprir 100%" as a target, and a month's count of consultations typed in Resultado.
  const pct100: Target = { direction: "atLeast", value: 1, unit: "percent", scale: "percent" };
  const plain = (value: number) => ({ value, scale: "plain" as const });

  test("280 against 100%: an ambiguous scale naming both, not 280% (which would be an A)", () => {
    const out = reconcileScale(plain(280), pct100);
    expect(out.kind).toBe("invalid");
    if (out.kind !== "invalid") return;
    expect(out.problem.code).toBe("ambiguousScale");
    expect(out.problem.message).toContain("a meta é 100% (porcentagem) e o resultado é 280, sem o sinal %");
    expect(out.problem.message).toContain("lido como porcentagem seria 280%");
    expect(out.problem.message).toContain("digite-o com o sinal (280%)");
  });

  test("the boundary is 100: 100 is 100%, 100,5 and 101 are reported; a range names its ends", () => {
    const hundred = reconcileScale(plain(100), pct100);
    expect(hundred.kind === "ok" && hundred.result).toBe(1);
    expect(reconcileScale(plain(100.5), pct100).kind).toBe("invalid");
    expect(reconcileScale(plain(101), pct100).kind).toBe("invalid");
    const range: Target = {
      ...pct100,
      direction: "range",
      value: NaN,
      interval: { lower: { value: 0.5, inclusive: false }, upper: { value: 0.7, inclusive: true } },
    };
    const out = reconcileScale(plain(150), range);
    expect(out.kind === "invalid" && out.problem.message).toContain("a meta é 50% a 70% (porcentagem)");
  });

  test("a table that says the numbers are percentages reads 120 as 120% (a coverage may pass 100%)", () => {
    // `percent`: the indicator is a Proporção/Cobertura or the header has (%); `points`: a national panel.
    for (const hint of ["percent", "points"] as const) {
      const out = reconcileScale(plain(120), pct100, hint);
      expect(out.kind === "ok" && out.result).toBeCloseTo(1.2, 12);
    }
    // Typed with % or formatted as a percentage, it says so itself.
    const typed = reconcileScale({ value: 1.2, scale: "percent" }, pct100);
    expect(typed.kind === "ok" && typed.result).toBeCloseTo(1.2, 12);
  });

  test("a count-named indicator (Média, Número, Razão): any plain result above 1 is a count; up to 1 still a fraction", () => {
    const out = reconcileScale(plain(12), pct100, "count");
    expect(out.kind === "invalid" && out.problem.code).toBe("ambiguousScale");
    expect(out.kind === "invalid" && out.problem.message).toContain("o nome do indicador (Média, Número, Razão)");
    const ratio = reconcileScale(plain(0.8), pct100, "count");
    expect(ratio.kind === "ok" && ratio.result).toBeCloseTo(0.8, 12);
    // Without the hint, 12 against 100% stays 12% (it may be percentage points): nothing tells them apart.
    const points = reconcileScale(plain(12), pct100);
    expect(points.kind === "ok" && points.result).toBeCloseTo(0.12, 12);
  });

  test("a target of 0% is left alone: zero cases and 0% are the same target", () => {
    const zero: Target = { direction: "atMost", value: 0, unit: "percent", scale: "percent" };
    // A count above 100 against "0% de casos" (e.g. 250 cases): not met on either scale (B), no scale problem.
    const out = reconcileScale(plain(250), zero);
    expect(out.kind).toBe("ok");
    if (out.kind === "ok") expect(concept(out.result, out.target)).toBe("B");
    const none = reconcileScale(plain(0), zero, "count");
    expect(none.kind === "ok" && concept(none.result, none.target)).toBe("A");
  });

  test("property: against a percent target without a hint, a plain result is reported exactly when above 100", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.001, max: 2, noNaN: true }),
        (value, t) => {
          const out = reconcileScale(plain(value), {
            direction: "atLeast",
            value: t,
            unit: "percent",
            scale: "percent",
          });
          expect(out.kind).toBe(value > 100 ? "invalid" : "ok");
        },
      ),
    );
  });
});

describe("justifications and notes", () => {
  test("credit for the share of targets met: A 1, B total 1, B partial the share, B otherwise 0", () => {
    expect(credit("A", undefined)).toBe(1);
    expect(credit("B", "total")).toBe(1);
    expect(credit("B", "partial")).toBe(0.5);
    expect(credit("B", "partial", 0.3)).toBe(0.3);
    expect(credit("B", "rejected")).toBe(0);
    expect(credit("B", undefined)).toBe(0);
  });

  test("adjusted score: partial earns half of what is missing (0,6 → 0,6 + 0,5 × 0,4 = 0,8)", () => {
    expect(adjustedScore(0.6, "B", "partial")).toBeCloseTo(0.8, 12);
    expect(adjustedScore(0.6, "B", "total")).toBe(1);
    expect(adjustedScore(0.6, "B", "rejected")).toBe(0.6);
    expect(adjustedScore(1, "A", undefined)).toBe(1);
  });

  test("Previne worked examples (docs/regras.md §8.3): 30% vs 60% → 5,0; 40% vs 50% → 8,0, i.e. 1,6 ISF points at weight 2", () => {
    const pct = (v: number): Target => ({ direction: "atLeast", value: v, unit: "percent", scale: "percent" });
    expect(note(0.3, pct(0.6))).toBeCloseTo(5, 12); // 10 × 0,3/0,6
    expect(note(0.4, pct(0.5))).toBeCloseTo(8, 12); // 10 × 0,4/0,5
    expect((note(0.4, pct(0.5)) * 2) / 10).toBeCloseTo(1.6, 12); // weighted by 2 of the total weight 10
    expect(note(0.7, pct(0.5))).toBe(10); // capped at 10
  });

  test("the weakest decision among several months", () => {
    expect(weakestDecision(["total", "partial"])).toBe("partial");
    expect(weakestDecision(["total", undefined])).toBeUndefined();
    expect(weakestDecision(["total", "total"])).toBe("total");
    expect(weakestDecision([])).toBeUndefined();
  });
});
